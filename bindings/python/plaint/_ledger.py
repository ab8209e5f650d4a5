"""The :class:`Ledger` handle: complaints and their event logs with everything a profile derives
from them, bulk imports and queries; its snapshots are in :mod:`plaint._snapshot` and its monthly
report (a dict, a CSV table, an HTML page, files or a pandas DataFrame) in :mod:`plaint._report`.

A ledger takes in a whole month (or years) of complaints, from JSON lines or from CSV with their
events, and derives each complaint's state, owner, classification (re-evaluated on events), SLA
clocks, escalations and return visits under its :class:`plaint.Profile`. :meth:`Ledger.save`
writes a snapshot atomically and :meth:`Ledger.load` reads one back, refusing a truncated or
foreign file. :meth:`Ledger.report` computes the figures of DOMAIN.md §4–6 for one month.

Queries (Since 0.6): :meth:`Ledger.view` gives a complaint as a :class:`ComplaintView`,
:meth:`Ledger.select` the complaints passing filters; the queries of what is due are in
:mod:`plaint._ledger_queries`: :meth:`Ledger.clocks_at` the clocks open,
in warning or breached at an instant, :meth:`Ledger.escalations_due`, :meth:`Ledger.visits_due`
and :meth:`Ledger.visit_quotas` what is due and the return-visit quotas of a period
(:func:`month_range` gives a month's); :meth:`Ledger.replay` derives everything again under
another profile and :meth:`Ledger.reevaluate` is the periodic re-evaluation.
"""

from __future__ import annotations

import ctypes
import dataclasses
import importlib
import json
import typing
from ctypes import byref, c_size_t, c_void_p
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple, Union

from ._complaint import (
    CategoryLike,
    Complaint,
    EventTypeLike,
    KindLike,
    NatureLike,
    RoleLike,
    SeverityLike,
    VisitMethodLike,
    make_event,
)
from ._enums import (
    Category,
    Channel,
    Kind,
    Nature,
    PlaintEnum,
    Role,
    Severity,
    State,
    VisitMethod,
    from_code,
    to_code,
)
from ._error import NotFoundError, OutOfRangeError
from ._handle import LockedHandle, Source, document_bytes, source_bytes
from ._lib import (
    PlaintComplaintView,
    PlaintImportResult,
    PlaintQuery,
    lib,
    take_string,
)
from ._ledger_queries import QueryMethods
from ._marshal import TextLike, borrowed_text, check_int32, encode_nts
from ._people import staff_arg
from ._performance import PerformanceMethods
from ._profile import Profile
from ._report import ReportMethods
from ._snapshot import SnapshotMethods
from ._time import InstantLike, to_instant


#: PLAINT_IMPORT_ALL_OR_NOTHING.
_ALL_OR_NOTHING = 1

#: A lifecycle state as the API accepts it: the member, its int code or its lower-case name.
StateLike = Union[State, int, str]


@dataclass(frozen=True)
class ImportProblem:
    """One bad row of an import.

    Attributes:
        file: "json lines", "complaints" or "events".
        line: the 1-based line where the row starts (0: the whole input).
        code: the C status the row raised (``plaint.ParseError.code``...).
        message: what is wrong.
    """

    file: str
    line: int
    code: int
    message: str


@dataclass(frozen=True)
class ImportReport:
    """What a bulk import did.

    Attributes:
        complaints: complaints added.
        events: events added (the ``receive`` events not counted).
        rows: data rows read, in all files.
        bad_rows: rows refused (all of them, listed or not).
        committed: False when ``all_or_nothing`` refused the whole import.
        problems: the first 1,000 bad rows, in input order.
    """

    complaints: int
    events: int
    rows: int
    bad_rows: int
    committed: bool
    problems: Tuple[ImportProblem, ...]


@dataclass(frozen=True)
class ComplaintView:
    """A complaint as the ledger holds it (:meth:`Ledger.view`): its intake fields, the state
    its events give and the classification the profile's rules give. Instants are int UTC
    seconds.

    Attributes:
        index: the complaint's position in the ledger (the order of intake).
        id, subcategory, building, unit, content: the intake texts ("" when empty).
        received: when it was received.
        channel, category: from the intake.
        reporter_count: how many residents raised it.
        repeat_count: earlier complaints from the same building and unit within the profile's
            repeat window, as its rules read it (0 without a unit).
        state, owner: from the events.
        nature, severity: as judged by the classify events (UNJUDGED and UNSET before).
        visit_method: the method of the latest return visit made, or None.
        rectification_deadline: while in rectification, else None.
        cycle: the handling cycle: 1, plus one per reopen.
        event_count: events in the log, ``receive`` and the ledger's re-evaluations included.
        last_event_at: the latest event's instant.
        escalations: ``escalate`` events in the log.
        reevaluations: ``classify`` events the ledger added on re-evaluation.
        sla_policy: the SLA policy the rules name, or None.
        rule_nature: the nature the rules suggest, or None.
        rule_escalate_to: the role the rules say should own it, or None.
        planned_visit: the return-visit method it calls for.
        kind: the kind of request: as stated at intake, else as the profile's rules decided (a
            ``kind`` output), else ``Kind.COMPLAINT``. Since 0.7.
        kind_decided: True when the kind was not stated (the rules' or the default). Since 0.7.
        handler: the owner's handler id (the latest ``assign`` or ``escalate``), or None.
            Since 0.7.
        team: the owning team: the latest an ``assign`` or ``escalate`` named, else
            ``rule_team``; None when neither. Since 0.7.
        rule_team: the team the profile's rules dispatch it to (:attr:`plaint.Decision.team`),
            or None. Since 0.7.
        team_from_rules: True when ``team`` is ``rule_team`` because no ``assign`` or
            ``escalate`` named a team. Since 0.7.
    """

    index: int
    id: str
    received: int
    channel: Channel
    category: Category
    subcategory: str
    building: str
    unit: str
    content: str
    reporter_count: int
    repeat_count: int
    state: State
    owner: Role
    nature: Nature
    severity: Severity
    visit_method: Optional[VisitMethod]
    rectification_deadline: Optional[int]
    cycle: int
    event_count: int
    last_event_at: int
    escalations: int
    reevaluations: int
    sla_policy: Optional[str]
    rule_nature: Optional[Nature]
    rule_escalate_to: Optional[Role]
    planned_visit: VisitMethod
    kind: Kind = Kind.COMPLAINT
    kind_decided: bool = False
    handler: Optional[str] = None
    team: Optional[str] = None
    rule_team: Optional[str] = None
    team_from_rules: bool = False


# The instants of ComplaintView, which Ledger.to_frame gives as datetimes.
_FRAME_INSTANTS = ("received", "rectification_deadline", "last_event_at")


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, PlaintEnum)


def month_range(month: str, utc_offset_seconds: int = 28800) -> Tuple[int, int]:
    """The month ``month`` ("2026-10", exactly YYYY-MM) as the UTC instants ``(start, end)`` of
    its first and the next month's first local midnight, ``utc_offset_seconds`` east of UTC
    (28,800, the default, for China Standard Time): the period :meth:`Ledger.visit_quotas`
    takes.

    Raises:
        ParseError: text that is not YYYY-MM.
        OutOfRangeError: a month outside 01..12, or an offset that is not a whole minute
            within ±18:00.
        EncodingError: a NUL byte in ``month``.
    """
    data = encode_nts(month, "month")
    start = ctypes.c_int64()
    end = ctypes.c_int64()
    lib.plaint_month_range(
        data, check_int32(utc_offset_seconds, "utc_offset_seconds"), byref(start), byref(end)
    )
    return start.value, end.value


def _view_of(v: PlaintComplaintView) -> ComplaintView:
    policy = borrowed_text(v.sla_policy, v.sla_policy_len)
    return ComplaintView(
        index=v.index,
        id=borrowed_text(v.id, v.id_len),
        received=v.received,
        channel=from_code(Channel, v.channel),
        category=from_code(Category, v.category),
        subcategory=borrowed_text(v.subcategory, v.subcategory_len),
        building=borrowed_text(v.building, v.building_len),
        unit=borrowed_text(v.unit, v.unit_len),
        content=borrowed_text(v.content, v.content_len),
        reporter_count=v.reporter_count,
        repeat_count=v.repeat_count,
        state=from_code(State, v.state),
        owner=from_code(Role, v.owner),
        nature=from_code(Nature, v.nature),
        severity=from_code(Severity, v.severity),
        visit_method=from_code(VisitMethod, v.visit_method) if v.visit_method else None,
        rectification_deadline=(v.rectification_deadline if v.has_rectification_deadline else None),
        cycle=v.cycle,
        event_count=v.event_count,
        last_event_at=v.last_event_at,
        escalations=v.escalations,
        reevaluations=v.reevaluations,
        sla_policy=policy or None,
        rule_nature=from_code(Nature, v.rule_nature) if v.rule_nature else None,
        rule_escalate_to=from_code(Role, v.rule_escalate_to) if v.rule_escalate_to else None,
        planned_visit=from_code(VisitMethod, v.planned_visit),
        kind=from_code(Kind, v.kind),
        kind_decided=bool(v.kind_decided),
        handler=borrowed_text(v.handler, v.handler_len) or None,
        team=borrowed_text(v.team, v.team_len) or None,
        rule_team=borrowed_text(v.rule_team, v.rule_team_len) or None,
        team_from_rules=bool(v.team_from_rules),
    )


def _stated_kind(value: KindLike) -> int:
    """The C code of a kind the caller names. 0 and -1, which C reads as "not stated" or "any",
    are refused here as the unknown kinds they are."""
    code = to_code(Kind, value, "kind")
    if code in (0, -1):
        raise OutOfRangeError(f"unknown kind code {code}; expected a plaint.Kind (1 to 5)")
    return code


def _report_of(result: PlaintImportResult, problems: Optional[int]) -> ImportReport:
    rows = json.loads(take_string(problems) or "[]")
    return ImportReport(
        complaints=result.complaints,
        events=result.events,
        rows=result.rows,
        bad_rows=result.bad_rows,
        committed=bool(result.committed),
        problems=tuple(
            ImportProblem(file=p["file"], line=p["line"], code=p["status"], message=p["message"])
            for p in rows
        ),
    )


class Ledger(LockedHandle, QueryMethods, SnapshotMethods, ReportMethods, PerformanceMethods):
    """The ledger: complaints and their event logs, with everything the profile derives.

    ``Ledger(profile)`` makes an empty ledger deriving with ``profile`` (None: the embedded
    default profile); :meth:`load` reads a snapshot. The object owns a C handle: free it with
    :meth:`close` or a ``with`` block, or leave it to the garbage collector. A ledger is
    mutable; every method holds the object's lock across its C calls, so one ledger may be
    shared between threads.

    Complaints are named by their id (``str``) or their index (``int``, the order of intake).
    """

    _kind = "ledger"

    @staticmethod
    def _free(handle: int) -> None:
        lib.plaint_ledger_free(handle)

    def __init__(self, profile: Optional[Profile] = None) -> None:
        """An empty ledger deriving everything with ``profile`` (None: the default profile).

        Raises:
            UnsupportedError: a profile with more than 254 SLA policies or a policy with more
                than 16 targets.
            TypeError: ``profile`` is not a :class:`plaint.Profile`.
        """
        if profile is not None and not isinstance(profile, Profile):
            raise TypeError(f"profile must be a plaint.Profile, not {type(profile).__name__}")
        out = c_void_p()
        if profile is None:
            lib.plaint_ledger_new(byref(out), None)
        else:
            with profile._use() as handle:
                lib.plaint_ledger_new(byref(out), handle)
        self._adopt(out.value)

    def __repr__(self) -> str:
        if self.closed:
            return "<plaint.Ledger (closed)>"
        return f"<plaint.Ledger complaints={len(self)}>"

    # ---- Contents --------------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of complaints."""
        out = c_size_t()
        with self._lock:
            lib.plaint_ledger_count(self._live(), byref(out))
        return out.value

    @property
    def event_count(self) -> int:
        """The number of events, ``receive`` events and the ledger's re-evaluations included."""
        out = c_size_t()
        with self._lock:
            lib.plaint_ledger_event_count(self._live(), byref(out))
        return out.value

    @property
    def profile(self) -> Profile:
        """The profile the ledger derives with (a new handle sharing it)."""
        out = c_void_p()
        with self._lock:
            lib.plaint_ledger_profile(self._live(), byref(out))
        return Profile._wrap(out.value)

    def find(self, id: TextLike) -> Optional[int]:
        """The index of the complaint with id ``id``, or None."""
        out = c_size_t()
        try:
            with self._lock:
                lib.plaint_ledger_find(self._live(), encode_nts(id, "id"), byref(out))
        except NotFoundError:
            return None
        return out.value

    def _index(self, key: Union[int, TextLike]) -> int:
        """The index of complaint ``key`` (the caller holds the lock): an id, or an int index,
        negative counting from the end as in a list. An index outside the ledger raises
        OutOfRangeError naming it as given (ctypes would wrap it to a size_t)."""
        if isinstance(key, int) and not isinstance(key, bool):
            count = len(self)
            index = key if key >= 0 else key + count
            if not 0 <= index < count:
                raise OutOfRangeError(
                    f"complaint index {key} is out of range ({count} complaints)"
                )
            return index
        out = c_size_t()
        with self._lock:
            lib.plaint_ledger_find(self._live(), encode_nts(key, "id"), byref(out))
        return out.value

    def __contains__(self, id: object) -> bool:
        return isinstance(id, (str, bytes)) and self.find(id) is not None

    def complaint(self, key: Union[int, TextLike]) -> Dict[str, Any]:
        """Complaint ``key`` (its id, or its index) as the ledger sees it: ``{"index", "id",
        "kind", "team" and "handler" (since 0.7), "state", "owner", "nature", "severity",
        "cycle", "event_count", "last_event_at", "escalations", "reevaluations",
        "visit_method", "rectification_deadline", "sla_policy", "rule_nature",
        "rule_escalate_to", "planned_visit", "tags", "complaint"}`` — enumerations by name,
        instants as ISO 8601 UTC, None for what is not set; ``"complaint"`` is the complaint's
        JSON form with its whole event log.

        Raises:
            NotFoundError: no complaint has this id.
            OutOfRangeError: an index out of range.
        """
        out = c_void_p()
        with self._lock:
            lib.plaint_ledger_complaint_json(self._live(), self._index(key), byref(out))
        value: Dict[str, Any] = json.loads(take_string(out.value))
        return value

    def to_complaint(self, key: Union[int, TextLike]) -> Complaint:
        """Complaint ``key`` rebuilt as an independent :class:`plaint.Complaint` with its whole
        log (the ledger's re-evaluation events included). Errors as :meth:`complaint`."""
        out = c_void_p()
        with self._lock:
            lib.plaint_ledger_complaint(self._live(), self._index(key), byref(out))
        return Complaint._wrap(out.value)

    # ---- Queries ---------------------------------------------------------------------------

    def to_frame(self) -> Any:
        """Every complaint as :meth:`view` gives it, as a pandas DataFrame indexed by the
        complaint's index: one column per :class:`ComplaintView` field, enumerations as
        categoricals of their lower-case names (``state`` "closed"...), instants
        (``received``, ``last_event_at``, ``rectification_deadline``) as UTC datetimes,
        what is not set as NaN or NaT.

        Raises:
            ImportError: pandas is not installed.
        """
        try:
            pd: Any = importlib.import_module("pandas")
        except ImportError as exc:
            raise ImportError("Ledger.to_frame needs pandas (pip install pandas)") from exc
        with self._lock:
            views = [self.view(i) for i in range(len(self))]
        columns: Dict[str, Any] = {}
        hints = typing.get_type_hints(ComplaintView)
        for f in dataclasses.fields(ComplaintView):
            values = [getattr(v, f.name) for v in views]
            hint = hints[f.name]  # an enumeration, or Optional of one
            kind = next((t for t in (hint, *typing.get_args(hint)) if _is_enum(t)), None)
            if f.name == "index":
                continue
            if kind is not None:
                # names; a code newer than this package (a bare int) as its text
                labels = [None if x is None else getattr(x, "label", str(x)) for x in values]
                known = [m.label for m in kind]
                extra = sorted({x for x in labels if x is not None and x not in known})
                columns[f.name] = pd.Categorical(labels, categories=known + extra)
            elif f.name in _FRAME_INSTANTS:
                columns[f.name] = pd.to_datetime(
                    pd.array(values, dtype="Int64"), unit="s", utc=True
                )
            else:
                columns[f.name] = values
        index = pd.Index([v.index for v in views], name="index", dtype="int64")
        return pd.DataFrame(columns, index=index)

    def view(self, key: Union[int, TextLike]) -> ComplaintView:
        """Complaint ``key`` (its id, or its index) as the ledger holds it: intake fields,
        state, judgement and the rules' classification, copied out at once.

        Raises:
            NotFoundError: no complaint has this id.
            OutOfRangeError: an index out of range.
        """
        v = PlaintComplaintView()
        v.size = ctypes.sizeof(PlaintComplaintView)
        with self._lock:
            lib.plaint_ledger_view(self._live(), self._index(key), byref(v))
            # The texts point into the ledger until it changes: copy them under the lock.
            return _view_of(v)

    def select(
        self,
        *,
        state: Optional[StateLike] = None,
        owner: Optional[RoleLike] = None,
        building: Optional[TextLike] = None,
        category: Optional[CategoryLike] = None,
        nature: Optional[NatureLike] = None,
        severity: Optional[SeverityLike] = None,
        kind: Optional[KindLike] = None,
        team: Optional[str] = None,
        handler: Optional[str] = None,
        open_only: bool = False,
        received_from: Optional[InstantLike] = None,
        received_before: Optional[InstantLike] = None,
    ) -> List[int]:
        """The indexes of the complaints passing every filter given, ascending. Enumerations
        are members, int codes or lower-case names; ``nature`` and ``severity`` are the judged
        ones (UNJUDGED and UNSET match complaints not judged yet); ``kind`` the kind of request,
        stated or decided (since 0.7); ``building`` is compared
        exactly ("" matches complaints without one); ``team`` (the view's: assigned, else the
        rules') and ``handler`` are ids compared exactly ("" matches complaints without one;
        since 0.7); ``received_from`` is inclusive and
        ``received_before`` exclusive (int UTC seconds or aware datetimes).

        Raises:
            OutOfRangeError: an unknown enumeration code or name.
            EncodingError: a NUL byte in ``building``, ``team`` or ``handler``.
            TypeError: a ``team`` or ``handler`` that is not a ``str``.
        """
        q = PlaintQuery()
        lib.plaint_query_init(byref(q), ctypes.sizeof(PlaintQuery))
        if state is not None:
            q.state = to_code(State, state, "state")
        if owner is not None:
            q.owner = to_code(Role, owner, "owner")
        if category is not None:
            q.category = to_code(Category, category, "category")
        if nature is not None:
            q.nature = to_code(Nature, nature, "nature")
        if severity is not None:
            q.severity = to_code(Severity, severity, "severity")
        if kind is not None:
            q.kind = _stated_kind(kind)
        data = None if building is None else encode_nts(building, "building")
        q.building = data
        team_data = staff_arg(team, "team")
        handler_data = staff_arg(handler, "handler")
        q.team = team_data
        q.handler = handler_data
        q.open_only = 1 if open_only else 0
        if received_from is not None:
            q.has_received_from = 1
            q.received_from = to_instant(received_from, "received_from")
        if received_before is not None:
            q.has_received_before = 1
            q.received_before = to_instant(received_before, "received_before")
        with self._lock:
            handle = self._live()
            total = c_size_t()
            lib.plaint_ledger_count(handle, byref(total))
            capacity = max(total.value, 1)  # select never gives more than every complaint
            out = (c_size_t * capacity)()
            count = c_size_t()
            lib.plaint_ledger_select(handle, byref(q), out, capacity, byref(count))
        del data, team_data, handler_data
        return list(out[: count.value])

    # ---- Replay and re-evaluation ----------------------------------------------------------

    def replay(self, profile: Optional[Profile] = None) -> "Ledger":
        """A new ledger with this one's complaints and input events, everything derived again
        under ``profile`` (None: the default profile): "what if our limits had been 48 hours?".
        This ledger is not changed; the ledger's own re-evaluation events are made anew.

        Raises:
            OutOfRangeError: the new profile's calendars cannot place an event.
            UnsupportedError: as :class:`Ledger`.
            TypeError: ``profile`` is not a :class:`plaint.Profile`.
        """
        if profile is not None and not isinstance(profile, Profile):
            raise TypeError(f"profile must be a plaint.Profile, not {type(profile).__name__}")
        out = c_void_p()
        with self._lock:
            if profile is None:
                lib.plaint_ledger_replay(self._live(), None, byref(out))
            else:
                with profile._use() as handle:
                    lib.plaint_ledger_replay(self._live(), handle, byref(out))
        obj = type(self).__new__(type(self))
        obj._adopt(out.value)
        return obj

    def reevaluate(self, now: InstantLike) -> int:
        """Re-evaluates every open complaint as of ``now`` (missed targets, time since receipt)
        and adds the ``classify`` events the rules call for; returns how many. Run it
        periodically: events re-evaluate only the complaint they touch. Complaints whose
        latest event is after ``now`` are skipped.

        Raises:
            OutOfRangeError: a calendar cannot place ``now`` (the complaint being evaluated is
                left as it was; those before it keep their new events).
        """
        t = to_instant(now, "now")
        added = c_size_t()
        with self._lock:
            lib.plaint_ledger_reevaluate(self._live(), t, byref(added))
        return added.value

    # ---- Adding ----------------------------------------------------------------------------

    def add(
        self,
        complaint: Union[Complaint, str, bytes, Dict[str, Any]],
        *,
        kind: Optional[KindLike] = None,
    ) -> int:
        """Adds one complaint, a :class:`plaint.Complaint` (copied) or its JSON form (text or
        a dict), events included; the profile's rules classify it. Returns its index.

        Args:
            complaint: the complaint.
            kind: the kind of request (since 0.7), stated at intake in place of any the
                complaint states; None keeps the complaint's (when it states none, the
                profile's rules decide it, else it is a complaint).

        Raises:
            InvalidArgumentError: a duplicate id.
            ParseError, ValidationError: a bad JSON form (as :meth:`Complaint.from_json`).
            OutOfRangeError: an unknown ``kind``.
            IllegalTransitionError: a ``kind`` for a complaint whose log has events after
                ``record`` (its kind is fixed by then).
            TypeError: a ``kind`` of another enumeration, a bool, or another type.
        """
        out = c_size_t()
        if kind is not None:
            code = _stated_kind(kind)
            if isinstance(complaint, Complaint):
                copy = complaint.clone()
            else:
                copy = Complaint.from_json(document_bytes(complaint, "complaint"))
            with copy:
                copy.kind = code  # type: ignore[assignment]
                return self.add(copy)
        if isinstance(complaint, Complaint):
            with self._lock, complaint._lock:
                lib.plaint_ledger_add_complaint(self._live(), complaint._live(), byref(out))
            return out.value
        data = document_bytes(complaint, "complaint")
        with self._lock:
            lib.plaint_ledger_add_complaint_json(self._live(), data, len(data), byref(out))
        return out.value

    def add_event(
        self,
        key: Union[int, TextLike],
        event: EventTypeLike,
        at: InstantLike,
        role: RoleLike,
        note: Optional[TextLike] = "",
        *,
        nature: Optional[NatureLike] = None,
        severity: Optional[SeverityLike] = None,
        to: Optional[RoleLike] = None,
        method: Optional[VisitMethodLike] = None,
        deadline: Optional[InstantLike] = None,
        handler: Optional[str] = None,
        team: Optional[str] = None,
    ) -> None:
        """Applies one event to complaint ``key`` (its id, or its index), with the arguments
        of :meth:`plaint.Complaint.apply`, then derives its clocks and classification again.
        An ``assign`` or ``escalate`` makes its ``handler`` (or none) the owner's handler, and
        its ``team``, when given, the owning team (since 0.7).

        Raises:
            NotFoundError, OutOfRangeError: no such complaint.
            NotFoundError: a ``team`` that is not one of the profile's teams (the message lists
                them). Since 0.7.
            and the errors of :meth:`plaint.Complaint.apply`. On error nothing changes.
        """
        ev = make_event(
            event,
            at,
            role,
            note,
            nature=nature,
            severity=severity,
            to=to,
            method=method,
            deadline=deadline,
            handler=handler,
            team=team,
        )
        with self._lock:
            lib.plaint_ledger_add_event(self._live(), self._index(key), byref(ev))

    # ---- Bulk imports ----------------------------------------------------------------------

    def import_json_lines(self, source: Source, *, all_or_nothing: bool = False) -> ImportReport:
        """Imports complaints as JSON lines, one complaint a line in the form
        :meth:`plaint.Complaint.from_json` reads, events included.

        Args:
            source: the text (``bytes``, or a ``str`` holding a line break or starting with
                ``{``) or the path of the file (any other ``str``, or an ``os.PathLike``).
            all_or_nothing: when any line is bad, import nothing (``committed`` is False).

        Returns:
            What was imported; each bad line is in ``problems`` with its line number and reason,
            and the rest is imported.

        Raises:
            FileError: the file cannot be read.
        """
        data = source_bytes(source, "json lines")
        result = PlaintImportResult()
        result.size = ctypes.sizeof(PlaintImportResult)
        problems = c_void_p()
        flags = _ALL_OR_NOTHING if all_or_nothing else 0
        with self._lock:
            lib.plaint_ledger_import_json_lines(
                self._live(), data, len(data), flags, byref(result), byref(problems)
            )
        return _report_of(result, problems.value)

    def import_csv(
        self,
        complaints: Source,
        events: Optional[Source] = None,
        *,
        all_or_nothing: bool = False,
    ) -> ImportReport:
        """Imports complaints as CSV and, when given, their events as CSV (the columns of
        examples/data/sample/README.md). Each source is text or a path, as for
        :meth:`import_json_lines`; bad rows and ``all_or_nothing`` as there.

        Raises:
            FileError: a file cannot be read.
        """
        c = source_bytes(complaints, "complaints")
        e = b"" if events is None else source_bytes(events, "events")
        result = PlaintImportResult()
        result.size = ctypes.sizeof(PlaintImportResult)
        problems = c_void_p()
        flags = _ALL_OR_NOTHING if all_or_nothing else 0
        with self._lock:
            lib.plaint_ledger_import_csv(
                self._live(), c, len(c), e, len(e), flags, byref(result), byref(problems)
            )
        return _report_of(result, problems.value)
