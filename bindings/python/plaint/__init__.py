"""plaint: complaint handling for property management, through the plaint C library.

A :class:`Complaint` carries the intake record of a complaint and walks its lifecycle (receive,
record, classify, assign, handle, return visit, close) as :meth:`Complaint.apply` applies
events; the library enforces the state machine and keeps the event log. Each request has a
:class:`Kind` (complaint, repair, consultation, suggestion, praise) whose own workflow
:func:`transition` gives. Events name their handler (an opaque staff id) and, on assign and
escalate, a :class:`Team` of the profile's (:attr:`Profile.teams`). A :class:`Calendar`
holds business hours in a time zone and answers when the office is open, and what instant lies
so many business seconds after another. A :class:`PolicySet` holds SLA policies (record within
an hour, first feedback within 24, a result within 72…) and :meth:`Complaint.clocks` derives a
complaint's :class:`Clock` for each target from its event log, at any instant. A
:class:`Profile` bundles calendars, policies and classification rules in one JSON document;
:meth:`Profile.classify` gives a complaint's :class:`Decision` (nature, severity, SLA policy,
escalation, return-visit method) and explains it. :mod:`plaint.satisfaction` scores surveys
(mean, CSAT, NPS, CES with their intervals, AHP weights, indices, key drivers, scores grouped by
building and month) and :meth:`Profile.survey` gives a profile's survey definitions. A
:class:`Ledger` holds a whole month (or years) of complaints imported from JSON lines or CSV,
derives everything under its profile, saves and loads snapshots, and gives the monthly report
as a dict, a CSV table, an HTML page, files or a pandas DataFrame; it answers queries (the
:class:`ComplaintView` of a complaint, complaints by state, owner, building..., the clocks open,
warning or breached at an instant, the escalations and return visits due, the monthly quotas of
return visits over a :func:`month_range`), replays its events under another profile and
re-evaluates its open complaints; :meth:`Ledger.performance` gives the :class:`StaffFigures` of
each handler or team (:class:`StaffBy`) over a period, the figures staff are assessed by.

The C library is found through ``PLAINT_LIBRARY``, next to this package, or by
:func:`ctypes.util.find_library` (see :mod:`plaint._lib`). Every failure raises a subclass of
:class:`Error` carrying the C status code, the library's message and, for documents, where in
the input the problem is.

Example::

    import plaint

    with plaint.Complaint("C-1", plaint.parse_instant("2026-03-02T09:15:00+08:00")) as c:
        c.apply("record", c.received + 60, "duty_staff")
        assert c.state is plaint.State.RECORDED
        print(c.state.label)  # "recorded"
"""

from __future__ import annotations

from ._lib import ABI_VERSION  # loads the library
from ._config import abi_version, library_path, version
from ._error import (
    ArithmeticOverflowError,
    ClosedError,
    EncodingError,
    Error,
    FileError,
    IllegalTransitionError,
    InternalError,
    InvalidArgumentError,
    NoMemoryError,
    NotFoundError,
    OutOfOrderError,
    OutOfRangeError,
    ParseError,
    Problem,
    TooLargeError,
    UnsupportedError,
    ValidationError,
)
# plaint.satisfaction before the modules that use its results (_survey, _profile...): it
# imports plaint._survey, which imports its result types.
from . import satisfaction
from ._enums import (
    Category,
    Channel,
    ClockState,
    EventType,
    Kind,
    Nature,
    Role,
    Severity,
    State,
    TargetKind,
    VisitMethod,
)
from ._time import format_instant, parse_instant
from ._complaint import Complaint, Event
from ._calendar import Calendar, tzdb_version
from ._sla import Clock, PolicySet, parse_duration
from ._profile import Profile
from ._rules import Decision, RowExplanation
from ._workflow import transition
from ._people import Team, check_staff_id
from ._performance import (
    DurationFigures,
    MetricScore,
    SatisfactionMean,
    StaffBy,
    StaffFigures,
    StaffScore,
    TargetShare,
)
from ._ledger_queries import EscalationDue, LedgerClock, QuotaCompliance, VisitDue
from ._ledger import (
    ComplaintView,
    ImportProblem,
    ImportReport,
    Ledger,
    month_range,
)
from ._survey import Survey

__version__ = "0.6.0"

__all__ = [
    "ABI_VERSION",
    "ArithmeticOverflowError",
    "Calendar",
    "Category",
    "Channel",
    "Clock",
    "ClockState",
    "ClosedError",
    "Complaint",
    "ComplaintView",
    "Decision",
    "DurationFigures",
    "EncodingError",
    "Error",
    "EscalationDue",
    "Event",
    "EventType",
    "FileError",
    "IllegalTransitionError",
    "Kind",
    "ImportProblem",
    "ImportReport",
    "InternalError",
    "InvalidArgumentError",
    "Ledger",
    "LedgerClock",
    "Nature",
    "NoMemoryError",
    "NotFoundError",
    "OutOfOrderError",
    "OutOfRangeError",
    "ParseError",
    "PolicySet",
    "Problem",
    "Profile",
    "QuotaCompliance",
    "Role",
    "RowExplanation",
    "SatisfactionMean",
    "Severity",
    "StaffBy",
    "StaffFigures",
    "StaffScore",
    "MetricScore",
    "State",
    "Survey",
    "Team",
    "TargetKind",
    "TargetShare",
    "TooLargeError",
    "UnsupportedError",
    "ValidationError",
    "VisitDue",
    "VisitMethod",
    "abi_version",
    "check_staff_id",
    "format_instant",
    "library_path",
    "month_range",
    "parse_duration",
    "parse_instant",
    "satisfaction",
    "transition",
    "tzdb_version",
    "version",
]

