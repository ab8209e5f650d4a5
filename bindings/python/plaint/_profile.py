"""The :class:`Profile` handle and the :class:`Decision` records it computes.

A profile is one JSON document that bundles a customer's calendars, SLA policies,
classification rules, return-visit rules and surveys. A kiosk vendor ships one per customer
and never recompiles: :meth:`Profile.classify` runs a complaint through its rules and says
what the complaint is (its nature, severity, SLA policy, who it escalates to, how the return
visit is made) and, through :meth:`Decision.explain`, why.
"""

from __future__ import annotations

import ctypes
import json
import os
from ctypes import (
    POINTER,
    byref,
    c_char_p,
    c_double,
    c_int32,
    c_int64,
    c_size_t,
    c_uint32,
    c_void_p,
)
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple, Type, Union

from ._calendar import DocumentLike, _numpy
from ._complaint import Complaint
from ._handle import Handle, document_bytes
from ._convert import InstantLike, TextLike, encode_nts, encode_text, to_instant
from ._enums import (
    Category,
    Channel,
    Nature,
    PlaintEnum,
    Role,
    Severity,
    VisitMethod,
    from_code,
    to_code,
)
from ._errors import InvalidArgumentError
from ._lib import PlaintFactsColumns, lib, take_string
from ._sla import PolicySet
from .satisfaction import Survey

_I32P = POINTER(c_int32)


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
    """

    section: str
    id: str
    matched: bool
    decided: bool
    failed: str


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
    """

    nature: Optional[Nature]
    severity: Optional[Severity]
    sla_policy: Optional[str]
    escalate_to: Optional[Role]
    visit_method: Optional[VisitMethod]
    tags: Tuple[str, ...]
    matched: Tuple[str, ...]
    _explanation: str = field(default="[]", repr=False, compare=False)

    def explain(self) -> List[RowExplanation]:
        """Every rule row's outcome, in profile order, computed with the decision."""
        return [
            RowExplanation(
                section=row["section"],
                id=row["id"],
                matched=bool(row["matched"]),
                decided=bool(row["decided"]),
                failed=row.get("failed", ""),
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
        out["matched"] = list(self.matched)
        if self.nature is not None:
            out["nature"] = _label(self.nature)
        if self.severity is not None:
            out["severity"] = _label(self.severity)
        if self.sla_policy is not None:
            out["sla_policy"] = self.sla_policy
        out["tags"] = list(self.tags)
        if self.visit_method is not None:
            out["visit_method"] = _label(self.visit_method)
        return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def _label(value: Any) -> Any:
    return value.label if isinstance(value, PlaintEnum) else value


def _borrowed(ptr: Optional[int]) -> str:
    return ctypes.string_at(ptr).decode("utf-8", errors="replace") if ptr else ""


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
            items.append(_borrowed(ptr.value))
        return tuple(items)

    policy = c_void_p()
    lib.plaint_decision_sla_policy(handle, byref(policy))
    explanation = c_void_p()
    lib.plaint_decision_explain_json(handle, byref(explanation))
    return Decision(
        nature=_optional(Nature, code(lib.plaint_decision_nature)),
        severity=_optional(Severity, code(lib.plaint_decision_severity)),
        sla_policy=_borrowed(policy.value) if policy.value else None,
        escalate_to=_optional(Role, code(lib.plaint_decision_escalate_to)),
        visit_method=_optional(VisitMethod, code(lib.plaint_decision_visit_method)),
        tags=strings(lib.plaint_decision_tag_count, lib.plaint_decision_tag),
        matched=strings(lib.plaint_decision_matched_count, lib.plaint_decision_matched),
        _explanation=take_string(explanation.value) or "[]",
    )


# The int32 columns of plaint_facts_columns, with the enumeration each holds (None: a count).
_INT_COLUMNS: Tuple[Tuple[str, Optional[Type[PlaintEnum]]], ...] = (
    ("channel", Channel),
    ("category", Category),
    ("nature", Nature),
    ("severity", Severity),
    ("reporter_count", None),
    ("repeat_count", None),
)
_TEXT_COLUMNS = ("content", "building", "unit")


class Profile(Handle):
    """A compiled profile: calendars, SLA policies, classification and return-visit rules.

    Make one with :meth:`from_json`, :meth:`from_file` or :meth:`default`. A profile is
    immutable, so one object may be used from many threads at once without a lock; only
    :meth:`close` must not race with calls in other threads. The object owns a C handle: free
    it with :meth:`close` or a ``with`` block, or leave it to the garbage collector. Policy sets
    and decisions taken from it stay valid after it is closed.
    """

    _kind = "profile"

    @staticmethod
    def _free(handle: int) -> None:
        lib.plaint_profile_free(handle)

    def __init__(self) -> None:
        raise TypeError("use Profile.from_json, Profile.from_file or Profile.default")

    # ---- Construction ---------------------------------------------------------------------

    @classmethod
    def default(cls) -> "Profile":
        """The embedded default profile (examples/data/default-profile.json): DOMAIN.md's
        natures, severities, SLA policies and return visits."""
        out = c_void_p()
        lib.plaint_profile_default(byref(out))
        return cls._wrap(out.value)

    @classmethod
    def from_json(cls, document: DocumentLike) -> "Profile":
        """Compiles a profile from its JSON form, ``{"plaint_profile": 1, "name",
        "description", "calendars", "policies", "rules", "return_visits", "surveys"}``.

        Args:
            document: JSON text (``str``, or ``bytes`` in UTF-8), or a value that
                :func:`json.dumps` serialises, such as a dict.

        Raises:
            ParseError: malformed JSON; the error's ``line`` and ``column`` say where.
            ValidationError: unknown keys, bad values, undefined calendars or policies; the
                error's ``problems`` lists every one with its pointer, line and column.
            UnsupportedError: a ``plaint_profile`` version other than 1.
            TooLargeError: a document over 16 MiB, nested too deep, with too many rows.
            EncodingError: a ``str`` that cannot be encoded as UTF-8.
        """
        data = document_bytes(document, "profile document")
        out = c_void_p()
        lib.plaint_profile_from_json(byref(out), data, len(data))
        return cls._wrap(out.value)

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Profile":
        """Compiles the profile in a JSON file (UTF-8).

        The library reads it as a stream (``plaint_profile_from_file``): a pipe, a FIFO or
        ``/dev/stdin`` works as a file does.

        Raises:
            FileError: the file cannot be opened or read, or is a directory (also an
                ``OSError``).
            TooLargeError: more than 16 MiB (the rest is not read).
            ValueError: a path holding a NUL byte.
            and the errors of :meth:`from_json`.
        """
        raw = os.fsencode(path)
        if b"\0" in raw:
            raise ValueError("path holds a NUL byte")
        out = c_void_p()
        lib.plaint_profile_from_file(byref(out), raw)
        return cls._wrap(out.value)

    # ---- Handle management ------------------------------------------------------------

    def __repr__(self) -> str:
        if self.closed:
            return "<plaint.Profile (closed)>"
        return f"<plaint.Profile name={json.loads(self.to_json()).get('name', '')!r}>"

    # ---- Contents -------------------------------------------------------------------------

    def to_json(self) -> str:
        """The profile as JSON (keys sorted); :meth:`from_json` of it gives an equal profile."""
        out = c_void_p()
        lib.plaint_profile_to_json(self._live(), byref(out))
        return take_string(out.value)

    @property
    def warnings(self) -> List[Tuple[str, str]]:
        """Non-fatal findings (an unreachable row...) as (JSON pointer, message) pairs."""
        handle = self._live()
        count = c_size_t()
        lib.plaint_profile_warning_count(handle, byref(count))
        found = []
        for index in range(count.value):
            pointer = c_void_p()
            message = c_void_p()
            lib.plaint_profile_warning(handle, index, byref(pointer), byref(message))
            found.append((_borrowed(pointer.value), _borrowed(message.value)))
        return found

    @property
    def policy_set(self) -> PolicySet:
        """The profile's calendars and SLA policies, as a :class:`plaint.PolicySet` that
        shares them and stays valid after the profile is closed."""
        out = c_void_p()
        lib.plaint_profile_policy_set(self._live(), byref(out))
        return PolicySet._wrap(out.value)

    def survey_names(self) -> List[str]:
        """The names of the profile's surveys (its ``surveys`` section), in document order."""
        handle = self._live()
        count = c_size_t()
        lib.plaint_profile_survey_count(handle, byref(count))
        names = []
        for index in range(count.value):
            name = c_void_p()
            lib.plaint_profile_survey_name(handle, index, byref(name))
            names.append(_borrowed(name.value))
        return names

    def survey(self, name: TextLike) -> Survey:
        """The survey ``name`` of the profile: its instrument, scale, satisfied levels, the
        indicator tree of its dimensions with local and global weights, the overall question
        and, when the weights came from a pairwise matrix, its AHP result. The default profile
        has ``return_visit``.

        Raises:
            NotFoundError: the profile has no such survey.
        """
        out = c_void_p()
        lib.plaint_profile_survey_json(self._live(), encode_nts(name, "survey name"), byref(out))
        return Survey.from_json(take_string(out.value))

    @property
    def repeat_window_days(self) -> int:
        """How far back, in days, earlier complaints from the same unit count as repeats
        (the rules' ``repeat_window_days``; 30 when the profile sets none). A ledger counts
        ``repeat_count`` with it."""
        out = c_int64()
        lib.plaint_profile_repeat_window(self._live(), byref(out))
        return out.value // 86400

    @property
    def keywords(self) -> List[str]:
        """The keywords of the rules' ``keywords`` conditions, each once, folded as they are
        matched (Latin letters in lower case), in the order first met in the document."""
        handle = self._live()
        count = c_size_t()
        lib.plaint_profile_keyword_count(handle, byref(count))
        words = []
        for index in range(count.value):
            word = c_void_p()
            lib.plaint_profile_keyword(handle, index, byref(word))
            words.append(_borrowed(word.value))
        return words

    def find_keywords(self, text: TextLike) -> List[str]:
        """The profile's keywords found in ``text`` (one pass, whatever their number), in the
        order of :attr:`keywords`: what ``keywords`` conditions see in a complaint's content."""
        handle = self._live()
        data = encode_text(text, "text")
        count = c_size_t()
        lib.plaint_profile_find_keywords(handle, data, len(data), None, 0, byref(count))
        found = (c_uint32 * max(count.value, 1))()
        lib.plaint_profile_find_keywords(handle, data, len(data), found, count.value, byref(count))
        words = self.keywords
        return [words[found[i]] for i in range(count.value)]

    def visit_quota(self, role: Union[Role, int, str]) -> int:
        """The monthly minimum of return visits ``role`` makes; 0 when the profile sets none.

        Raises:
            OutOfRangeError: an unknown role.
        """
        out = c_int32()
        lib.plaint_profile_visit_quota(self._live(), to_code(Role, role, "role"), byref(out))
        return out.value

    # ---- Classification -------------------------------------------------------------------

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
        with complaint._lock:
            seconds = complaint.received if at is None else to_instant(at, "at")
            lib.plaint_profile_classify(self._live(), complaint._live(), seconds, name, byref(out))
        try:
            return _decision_of(out.value)  # type: ignore[arg-type]
        finally:
            lib.plaint_decision_free(out.value)

    def classify_many(self, **columns: Any) -> Dict[str, Any]:
        """Classifies many complaints given as columns, in one library call.

        Keyword arguments (each a list, tuple or one-dimensional numpy array, all of one
        length; a column left out gives every row its default): ``channel``, ``category``,
        ``nature``, ``severity`` (members, int codes or names), ``reporter_count``,
        ``repeat_count`` (ints), ``hours_since_received`` (floats), ``content``,
        ``building``, ``unit`` (str or bytes; None is ""), ``received`` (instants).

        Returns:
            ``{"nature", "severity", "escalate_to", "visit_method"}``, each the C codes per
            row (0 where nothing was decided): numpy int32 arrays when numpy can be imported,
            else lists of ints. Convert a code with ``plaint.Nature(code)`` and the like.

        Raises:
            InvalidArgumentError: columns of different lengths.
            OutOfRangeError: an unknown code; the message begins "at row i: ".
            TypeError: an unknown column.
        """
        known = {name for name, _ in _INT_COLUMNS} | set(_TEXT_COLUMNS)
        known |= {"hours_since_received", "received"}
        unknown = sorted(set(columns) - known)
        if unknown:
            raise TypeError(f"unknown column(s) {', '.join(unknown)}")
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
                values = columns[name]
                codes = (
                    [to_code(cls, v, name) for v in values]
                    if cls is not None
                    else [int(v) for v in values]
                )
                arr = (c_int32 * n)(*codes)
                keep.append(arr)
                setattr(spec, name, ctypes.cast(arr, _I32P))
        if "hours_since_received" in columns:
            hours = (c_double * n)(*[float(v) for v in columns["hours_since_received"]])
            keep.append(hours)
            spec.hours_since_received = ctypes.cast(hours, POINTER(c_double))
        if "received" in columns:
            received = (c_int64 * n)(*[to_instant(v, "received") for v in columns["received"]])
            keep.append(received)
            spec.received = ctypes.cast(received, POINTER(c_int64))
        for name in _TEXT_COLUMNS:
            if name in columns:
                texts = (c_char_p * n)(
                    *[None if v is None else encode_nts(v, name) for v in columns[name]]
                )
                keep.append(texts)
                setattr(spec, name, ctypes.cast(texts, POINTER(c_char_p)))
        names = ("nature", "severity", "escalate_to", "visit_method")
        np = _numpy()
        result: Dict[str, Any]
        if np is not None:
            arrays = {k: np.zeros(n, dtype=np.int32) for k in names}
            lib.plaint_profile_classify_many(
                self._live(), byref(spec), *[arrays[k].ctypes.data_as(_I32P) for k in names]
            )
            result = arrays
        else:
            outs = {k: (c_int32 * n)() for k in names}
            lib.plaint_profile_classify_many(
                self._live(), byref(spec), *[ctypes.cast(outs[k], _I32P) for k in names]
            )
            result = {k: list(v) for k, v in outs.items()}
        del keep
        return result
