"""Classification (the C++ header ``rules.hpp``): the :class:`Decision` a profile's rules give a
complaint, with the :class:`RowExplanation` of every rule row, and the profile's classify
methods (one complaint, or many given as columns in one library call). :class:`Profile`
inherits :class:`Classifier`."""

from __future__ import annotations

import ctypes
import json
from ctypes import POINTER, byref, c_int32, c_int64, c_size_t, c_void_p
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple, Type

from ._complaint import Complaint
from ._enums import (
    Category,
    Channel,
    Kind,
    Nature,
    PlaintEnum,
    Role,
    Severity,
    VisitMethod,
    from_code,
    to_code,
)
from ._error import InvalidArgumentError
from ._lib import PlaintFactsColumns, lib, take_string
from ._marshal import (
    TextLike,
    as_int,
    borrowed,
    doubles,
    encode_nts,
    int32_column,
    int64s,
    out_array,
    result_of,
    same_labels,
    text_column,
)
from ._time import MAX_TEXT_INSTANT, MIN_TEXT_INSTANT, InstantLike, to_instant, to_stored_instant


@dataclass(frozen=True)
class RowExplanation:
    """One rule row's outcome for one complaint.

    Attributes:
        section: the section the row belongs to ("nature").
        id: the row's id ("reached-authorities").
        matched: whether its conditions held.
        decided: whether its outputs are in the decision.
        failed: for a row that did not match, the first condition that failed
            ("category in [sudden_event] (was other)"); else "".
        keywords: for a row that matched, the keywords its ``keywords`` conditions found, as
            the profile wrote them, or ``"電梯 as 电梯"`` when the content wrote one in another
            form. Since 0.7.
    """

    section: str
    id: str
    matched: bool
    decided: bool
    failed: str
    keywords: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    """What a profile's rules decided about one complaint. What was not decided is None.

    Attributes:
        nature: the nature (DOMAIN.md §3).
        severity: the severity, P1 to P4.
        sla_policy: the name of the SLA policy that applies.
        escalate_to: the role to escalate to.
        visit_method: how the return visit is made (from the return-visit rules when no
            classification rule set it).
        tags: tags to add to the complaint.
        matched: the ids of the rows that decided, in order.
        kind: the kind of request (a ``kind`` output); a ledger takes it at intake when the
            kind was not stated. Since 0.7.
        team: the id of the team the rules dispatch the case to (a ``team`` output:
            engineering for equipment, security for noise at night...); a ledger keeps it as
            the case's team until an ``assign`` or ``escalate`` names one. Since 0.7.
    """

    nature: Optional[Nature]
    severity: Optional[Severity]
    sla_policy: Optional[str]
    escalate_to: Optional[Role]
    visit_method: Optional[VisitMethod]
    tags: Tuple[str, ...]
    matched: Tuple[str, ...]
    _explanation: str = field(default="[]", repr=False, compare=False)
    kind: Optional[Kind] = None
    team: Optional[str] = None

    def explain(self) -> List[RowExplanation]:
        """Every rule row's outcome, in profile order, computed with the decision."""
        return [
            RowExplanation(
                section=row["section"],
                id=row["id"],
                matched=bool(row["matched"]),
                decided=bool(row["decided"]),
                failed=row.get("failed", ""),
                keywords=tuple(row.get("keywords", ())),
            )
            for row in json.loads(self._explanation)
        ]

    def explain_text(self) -> str:
        """:meth:`explain` as text, one line a row: ``section/id: decided``, ``matched`` (a row
        whose outputs lost to an earlier or stronger row), or ``failed: <condition>``."""
        lines = []
        for row in self.explain():
            if row.decided:
                outcome = "decided"
            elif row.matched:
                outcome = "matched"
            else:
                outcome = f"failed: {row.failed}"
            lines.append(f"{row.section}/{row.id}: {outcome}")
        return "\n".join(lines)

    def to_json(self) -> str:
        """The decision as JSON, keys sorted, leaving out what was not decided (the library's
        form)."""
        out: Dict[str, Any] = {}
        if self.escalate_to is not None:
            out["escalate_to"] = _label(self.escalate_to)
        if self.kind is not None:
            out["kind"] = _label(self.kind)
        out["matched"] = list(self.matched)
        if self.nature is not None:
            out["nature"] = _label(self.nature)
        if self.severity is not None:
            out["severity"] = _label(self.severity)
        if self.sla_policy is not None:
            out["sla_policy"] = self.sla_policy
        out["tags"] = list(self.tags)
        if self.team is not None:
            out["team"] = self.team
        if self.visit_method is not None:
            out["visit_method"] = _label(self.visit_method)
        return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def _label(value: Any) -> Any:
    return value.label if isinstance(value, PlaintEnum) else value


def _optional(cls: Type[PlaintEnum], code: int) -> Any:
    return from_code(cls, code) if code else None


def _decision_of(handle: int) -> Decision:
    """Copies everything out of the decision handle (which the caller frees)."""

    def code(func: Any) -> int:
        out = c_int32()
        func(handle, byref(out))
        return out.value

    def strings(count_func: Any, item_func: Any) -> Tuple[str, ...]:
        count = c_size_t()
        count_func(handle, byref(count))
        items = []
        for index in range(count.value):
            ptr = c_void_p()
            item_func(handle, index, byref(ptr))
            items.append(borrowed(ptr.value))
        return tuple(items)

    policy = c_void_p()
    lib.plaint_decision_sla_policy(handle, byref(policy))
    team = c_void_p()
    lib.plaint_decision_team(handle, byref(team))
    explanation = c_void_p()
    lib.plaint_decision_explain_json(handle, byref(explanation))
    return Decision(
        nature=_optional(Nature, code(lib.plaint_decision_nature)),
        severity=_optional(Severity, code(lib.plaint_decision_severity)),
        sla_policy=borrowed(policy.value) if policy.value else None,
        escalate_to=_optional(Role, code(lib.plaint_decision_escalate_to)),
        visit_method=_optional(VisitMethod, code(lib.plaint_decision_visit_method)),
        tags=strings(lib.plaint_decision_tag_count, lib.plaint_decision_tag),
        matched=strings(lib.plaint_decision_matched_count, lib.plaint_decision_matched),
        _explanation=take_string(explanation.value) or "[]",
        kind=_optional(Kind, code(lib.plaint_decision_kind)),
        team=borrowed(team.value) if team.value else None,
    )


# The int32 columns of plaint_facts_columns, with the enumeration each holds (None: a count).
_INT_COLUMNS: Tuple[Tuple[str, Optional[Type[PlaintEnum]]], ...] = (
    ("channel", Channel),
    ("category", Category),
    ("nature", Nature),
    ("severity", Severity),
    ("reporter_count", None),
    ("repeat_count", None),
    ("kind", Kind),  # Since 0.7
)
_TEXT_COLUMNS = ("content", "building", "unit")

# Limits of a complaint's fields (plaint::Limits of complaint.hpp), which the batch checks as
# Complaint does: reporters, short texts (building, unit) and long texts (content), in bytes.
MAX_REPORTERS = 1000000
SHORT_TEXT = 256
LONG_TEXT = 65536


def _kind_code(value: Any, what: str) -> int:
    """The C code of one row of the ``kind`` column: 0 for None (not stated)."""
    return 0 if value is None else to_code(Kind, value, what)


def _int_column(name: str, cls: Optional[Type[PlaintEnum]], values: Any) -> Tuple[Any, int, Any]:
    """An int32 column of ``classify_many``, checked as a complaint checks its fields: codes
    or names of ``cls``, or a count (reporter_count 1 to 1,000,000 as ``Complaint`` requires;
    repeat_count not negative)."""
    if name == "kind":  # None or 0: not stated (the C column's 0)
        return int32_column(values, name, _kind_code)
    if cls is not None:
        enum_cls = cls
        return int32_column(values, name, lambda v, what: to_code(enum_cls, v, what))
    if name == "reporter_count":
        return int32_column(values, "reporter count", as_int, 1, MAX_REPORTERS)
    return int32_column(values, "repeat count", as_int, 0)


class Classifier:
    """The classify methods of :class:`plaint.Profile` (which provides ``_use``)."""

    def _use(self) -> Any:  # pragma: no cover - Profile's
        raise NotImplementedError

    def classify(
        self,
        complaint: Complaint,
        at: Optional[InstantLike] = None,
        policy: Optional[TextLike] = None,
    ) -> Decision:
        """Classifies ``complaint`` as it stands at ``at`` (default: its received instant),
        with the targets of SLA policy ``policy`` missed by then (none when None).

        Raises:
            NotFoundError: the profile has no such policy.
            TypeError: ``complaint`` is not a :class:`plaint.Complaint`.
        """
        if not isinstance(complaint, Complaint):
            raise TypeError(f"complaint must be a plaint.Complaint, not {type(complaint).__name__}")
        name = None if policy is None else encode_nts(policy, "policy")
        out = c_void_p()
        with complaint._lock, self._use() as handle:
            seconds = complaint.received if at is None else to_instant(at, "at")
            lib.plaint_profile_classify(handle, complaint._live(), seconds, name, byref(out))
        try:
            return _decision_of(out.value)  # type: ignore[arg-type]
        finally:
            lib.plaint_decision_free(out.value)

    def classify_many(self, **columns: Any) -> Dict[str, Any]:
        """Classifies many complaints given as columns, in one library call.

        Keyword arguments (each a list, tuple, one-dimensional numpy array or pandas Series,
        all of one length; a column left out gives every row its default): ``channel``,
        ``category``, ``nature``, ``severity`` (members, int codes or names), ``reporter_count``,
        ``repeat_count`` (ints), ``hours_since_received`` (floats), ``content``,
        ``building``, ``unit`` (str or bytes; None is ""), ``received`` (instants), ``kind``
        (since 0.7: the kind as stated, a :class:`plaint.Kind` member, int code or name; None
        or 0 where it is not stated, which a ``kind`` condition never matches).

        Every value is checked as :class:`plaint.Complaint` checks it: a reporter count from 1
        to 1,000,000, a repeat count not negative, texts valid UTF-8 without NUL within the
        field limits (content 65,536 bytes, building and unit 256), instants within years
        1400–9999. numpy integer columns are checked and converted by numpy, without Python
        work per row. pandas Series must share one index (they are read by position).

        Returns:
            ``{"nature", "severity", "escalate_to", "visit_method", "kind"}`` (``kind`` since
            0.7), each the C codes per row (0 where nothing was decided): numpy int32 arrays when numpy can be imported,
            else lists of ints. Convert a code with ``plaint.Nature(code)`` and the like.

        Raises:
            InvalidArgumentError: columns of different lengths; Series with different indexes.
            OutOfRangeError: an unknown code, a count or instant out of range; the message
                begins "at row i: ".
            EncodingError, TooLargeError: a bad text ("at row i: ").
            TypeError: an unknown column.
        """
        known = {name for name, _ in _INT_COLUMNS} | set(_TEXT_COLUMNS)
        known |= {"hours_since_received", "received"}
        unknown = sorted(set(columns) - known)
        if unknown:
            raise TypeError(f"unknown column(s) {', '.join(unknown)}")
        same_labels(sorted(columns.items()))
        lengths = {name: len(values) for name, values in columns.items()}
        if len(set(lengths.values())) > 1:
            raise InvalidArgumentError(
                "columns differ in length: "
                + ", ".join(f"{k} has {v}" for k, v in sorted(lengths.items()))
            )
        n = next(iter(lengths.values()), 0)
        spec = PlaintFactsColumns()
        spec.size = ctypes.sizeof(PlaintFactsColumns)
        spec.count = n
        keep: List[Any] = []  # the arrays stay alive until the call returned
        for name, cls in _INT_COLUMNS:
            if name in columns:
                pointer, _, kept = _int_column(name, cls, columns[name])
                keep.append(kept)
                setattr(spec, name, pointer)
        if "hours_since_received" in columns:
            pointer, _, kept = doubles(columns["hours_since_received"], "hours_since_received")
            keep.append(kept)
            spec.hours_since_received = pointer
        if "received" in columns:
            pointer, _, kept = int64s(
                columns["received"],
                "received",
                to_stored_instant,
                MIN_TEXT_INSTANT,
                MAX_TEXT_INSTANT,
                kind="instant",
            )
            keep.append(kept)
            spec.received = ctypes.cast(pointer, POINTER(c_int64))
        for name in _TEXT_COLUMNS:
            if name in columns:
                limit = LONG_TEXT if name == "content" else SHORT_TEXT
                pointer, _, kept = text_column(columns[name], name, limit)
                keep.append(kept)
                setattr(spec, name, pointer)
        names = ("nature", "severity", "escalate_to", "visit_method", "kind")
        outs = {k: out_array(n, "int32", zeroed=True) for k in names}
        with self._use() as handle:
            lib.plaint_profile_classify_many_v2(handle, byref(spec), *[outs[k][0] for k in names])
        del keep
        return {k: result_of(outs[k][1]) for k in names}
