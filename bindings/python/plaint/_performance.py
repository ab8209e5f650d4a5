"""Staff performance (the C++ header ``performance.hpp``, DOMAIN.md §8 绩效考核): the figures the
guides assess staff by, per handler or per team over a period — cases owned and closed by kind,
the share of each SLA target met, times to first response and to resolution, reopened cases,
unsatisfied return visits, escalations made while a limit was breached, and the satisfaction of
the surveys joined to the cases — each share with its Wilson interval, and small samples flagged
rather than trusted.

:meth:`plaint.Ledger.performance` gives a tuple of :class:`StaffFigures`, one per handler or
team (:class:`StaffBy`); :meth:`plaint.Ledger.performance_frame` the same as a pandas DataFrame.
:class:`plaint.Ledger` inherits :class:`PerformanceMethods`. Since 0.7.
"""

from __future__ import annotations

import ctypes
import importlib
import json
import math
import threading
from ctypes import byref, c_void_p
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from ._enums import Kind, PlaintEnum
from ._error import InvalidArgumentError
from ._lib import PlaintPerformanceOptions, lib, take_string
from ._handle import Source
from ._marshal import check_uint64, encode_nts
from ._report import set_surveys
from ._time import InstantLike, to_instant
from .satisfaction._results import Share


class StaffBy(PlaintEnum):
    """Whom staff figures are for (``PLAINT_STAFF_BY_*``). Since 0.7."""

    HANDLER = 1  #: the handler who owns each case (its latest assign or escalate)
    TEAM = 2  #: the team that owns each case (the latest named, else the rules' dispatch)


#: A grouping as the API accepts it: the member, its int code or its lower-case name.
StaffByLike = Union[StaffBy, int, str]


@dataclass(frozen=True)
class TargetShare:
    """One SLA target's clocks over a group's cases. Since 0.7.

    Attributes:
        target: the target's name ("resolution").
        met: clocks stopped on time.
        breached: clocks stopped late, or open past due.
        share_met: met / (met + breached) with its Wilson interval (``successes`` = met, ``n``
            = met + breached).
    """

    target: str
    met: int
    breached: int
    share_met: Share


@dataclass(frozen=True)
class DurationFigures:
    """Durations in seconds over a group's cases (wall clock). Since 0.7.

    Attributes:
        n: cases measured.
        mean: the mean; NaN when n is 0.
        p50: the median; NaN when n is 0.
        p90: the 90th percentile (linear interpolation); NaN when n is 0.
        mean_low, mean_high: the t interval of the mean (not clipped at 0); NaN when n < 2.
        p90_low, p90_high: the distribution-free interval of the 90th percentile (two order
            statistics); an end no order statistic of so few cases gives is NaN.
    """

    n: int
    mean: float
    p50: float
    p90: float
    mean_low: float = math.nan
    mean_high: float = math.nan
    p90_low: float = math.nan
    p90_high: float = math.nan


@dataclass(frozen=True)
class SatisfactionMean:
    """The mean of the survey answers (1 to 5) joined to a group's cases, with its t
    interval. Since 0.7.

    Attributes:
        mean: the mean answer; NaN without answers.
        n: answers counted.
        low: lower bound of the t interval; NaN when n < 2.
        high: upper bound; NaN when n < 2.
    """

    mean: float
    n: int
    low: float
    high: float


@dataclass(frozen=True)
class StaffFigures:
    """The figures of one handler or team over the period (the C++ ``StaffFigures``). Since
    0.7.

    Attributes:
        id: the handler or team id; "" for the cases nobody owns.
        cases: cases received in the period and owned by it (the owner as the ledger holds it
            now, whatever ``as_of``).
        closed: of them, closed (or explained) as of ``as_of``.
        cases_by_kind: ``cases`` by :class:`plaint.Kind` (every kind, 0 included).
        closed_by_kind: ``closed`` by kind.
        sla: each SLA target's clocks, in order of first appearance.
        first_response: receipt to the first assign, start or end.
        resolution: receipt to the first resolve, explain, answer or acknowledge.
        reopened: cases reopened at least once, of ``cases``.
        unsatisfied_visits: unsatisfied return visits of all visit outcomes on its cases.
        breach_escalations: escalations made while one of the case's clocks was breached.
        satisfaction: the mean of the ``overall`` answers joined to its cases.
        csat: of the same answers, the share of 4 and 5.
        small_sample: fewer cases than the ``small_sample`` asked for: its shares and means are
            too uncertain to rank by.
    """

    id: str
    cases: int
    closed: int
    cases_by_kind: Dict[Kind, int]
    closed_by_kind: Dict[Kind, int]
    sla: Tuple[TargetShare, ...]
    first_response: DurationFigures
    resolution: DurationFigures
    reopened: Share
    unsatisfied_visits: Share
    breach_escalations: int
    satisfaction: SatisfactionMean
    csat: Share
    small_sample: bool

    def target(self, name: str) -> Optional[TargetShare]:
        """The SLA target ``name``'s figures, or None when none of its cases has that target."""
        return next((t for t in self.sla if t.target == name), None)


@dataclass(frozen=True)
class MetricScore:
    """One metric's part of a staff score (the C++ ``MetricScore``). Since 0.7.

    Attributes:
        metric: the metric as the profile's ``performance`` section names it ("csat",
            "sla_met:resolution"...).
        value: the figure (a share, hours, a mean answer or a rate); NaN when it has no data.
        low, high: the figure's interval; NaN when it has none.
        score: 0 to 100 at ``value``: 100 at the target or better, falling linearly to 0 at the
            band's distance short of it; NaN when missing.
        score_low, score_high: the score at the worse and the better end of the interval (0 and
            100 where an end is unknown).
        weight: the metric's weight in the section.
        contribution: points of the total score (weight × score over the weights of the metrics
            with data).
        missing: no data for this metric (e.g. no survey answers on the cases).
    """

    metric: str
    value: float
    low: float
    high: float
    score: float
    score_low: float
    score_high: float
    weight: float
    contribution: float
    missing: bool


@dataclass(frozen=True)
class StaffScore:
    """The score of one handler or team by the profile's ``performance`` section (the C++
    ``StaffScore``). Since 0.7.

    Attributes:
        id: the handler or team id; "" for the cases nobody owns.
        cases: its cases in the period.
        small_sample: fewer cases than asked for: shown, never ranked.
        score: 0 to 100, the sum of the contributions; NaN when no metric has data.
        low, high: the score's interval (every metric at the worse, then the better, end of its
            own interval; a metric without data counted as 0, then 100).
        metrics: each metric's part, in the section's order.
        rank_best, rank_worst: the rank as a range — only groups whose intervals lie wholly
            above (below) move it; None when not ranked (a small sample, or nobody's cases).
    """

    id: str
    cases: int
    small_sample: bool
    score: float
    low: float
    high: float
    metrics: Tuple[MetricScore, ...]
    rank_best: Optional[int]
    rank_worst: Optional[int]

    @property
    def ranked(self) -> bool:
        """Whether it is ranked at all."""
        return self.rank_best is not None

    def metric(self, name: str) -> Optional[MetricScore]:
        """The metric ``name``'s part, or None when the section does not score it."""
        return next((m for m in self.metrics if m.metric == name), None)


def _real(value: Any) -> float:
    """A JSON number, null being NaN."""
    return math.nan if value is None else float(value)


def _share(d: Dict[str, Any]) -> Share:
    return Share(
        value=_real(d["value"]),
        n=d["n"],
        low=_real(d["low"]),
        high=_real(d["high"]),
        successes=d["successes"],
    )


def _durations(d: Dict[str, Any]) -> DurationFigures:
    return DurationFigures(
        n=d["n"],
        mean=_real(d["mean_s"]),
        p50=_real(d["p50_s"]),
        p90=_real(d["p90_s"]),
        mean_low=_real(d["mean_low_s"]),
        mean_high=_real(d["mean_high_s"]),
        p90_low=_real(d["p90_low_s"]),
        p90_high=_real(d["p90_high_s"]),
    )


def _kinds(d: Dict[str, int]) -> Dict[Kind, int]:
    # A kind newer than this package keeps its name as the key.
    return {Kind.__members__.get(name.upper(), name): n for name, n in d.items()}  # type: ignore


def _figures(d: Dict[str, Any]) -> StaffFigures:
    s = d["satisfaction"]
    return StaffFigures(
        id=d["id"],
        cases=d["cases"],
        closed=d["closed"],
        cases_by_kind=_kinds(d["cases_by_kind"]),
        closed_by_kind=_kinds(d["closed_by_kind"]),
        sla=tuple(
            TargetShare(
                target=t["target"],
                met=t["met"],
                breached=t["breached"],
                share_met=Share(
                    value=_real(t["share_met"]),
                    n=t["met"] + t["breached"],
                    low=_real(t["share_low"]),
                    high=_real(t["share_high"]),
                    successes=t["met"],
                ),
            )
            for t in d["sla"]
        ),
        first_response=_durations(d["first_response"]),
        resolution=_durations(d["resolution"]),
        reopened=_share(d["reopened"]),
        unsatisfied_visits=_share(d["unsatisfied_visits"]),
        breach_escalations=d["breach_escalations"],
        satisfaction=SatisfactionMean(
            mean=_real(s["mean"]), n=s["n"], low=_real(s["low"]), high=_real(s["high"])
        ),
        csat=_share(d["csat"]),
        small_sample=bool(d["small_sample"]),
    )


def _score(d: Dict[str, Any]) -> StaffScore:
    return StaffScore(
        id=d["id"],
        cases=d["cases"],
        small_sample=bool(d["small_sample"]),
        score=_real(d["score"]),
        low=_real(d["low"]),
        high=_real(d["high"]),
        metrics=tuple(
            MetricScore(
                metric=m["metric"],
                value=_real(m["value"]),
                low=_real(m["low"]),
                high=_real(m["high"]),
                score=_real(m["score"]),
                score_low=_real(m["score_low"]),
                score_high=_real(m["score_high"]),
                weight=_real(m["weight"]),
                contribution=_real(m["contribution"]),
                missing=bool(m["missing"]),
            )
            for m in d["metrics"]
        ),
        rank_best=d["rank_best"] if d["ranked"] else None,
        rank_worst=d["rank_worst"] if d["ranked"] else None,
    )


def staff_by_code(value: StaffByLike) -> int:
    """The C code of a grouping: a :class:`StaffBy`, its int code or its lower-case name
    ("handler", "team"). An int is passed on for the library to check.

    Raises:
        TypeError: a ``bool``, a member of another enumeration, or another type.
        InvalidArgumentError: an unknown name (as the library says of an unknown code).
    """
    if isinstance(value, StaffBy):
        return int(value)
    if isinstance(value, str):
        member = StaffBy.__members__.get(value.upper()) if value == value.lower() else None
        if member is None:
            names = ", ".join(m.label for m in StaffBy)
            raise InvalidArgumentError(f"unknown staff grouping {value!r} (one of {names})")
        return int(member)
    if isinstance(value, (bool, PlaintEnum)) or not isinstance(value, int):
        raise TypeError(
            f"by must be a StaffBy, its int code or its name, not {type(value).__name__}"
        )
    if not -(2**31) <= value < 2**31:
        raise InvalidArgumentError(f"unknown staff grouping {value}")
    return int(value)


def _confidence(value: Any) -> float:
    """A confidence as a float; its range (0, 1) is the library's to check."""
    if isinstance(value, (bool, str, bytes, bytearray)):
        raise TypeError(f"confidence must be a number, not {type(value).__name__}")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise TypeError(f"confidence must be a number, not {type(value).__name__}") from None


def frame_of(figures: Sequence[StaffFigures]) -> Any:
    """``figures`` as a pandas DataFrame (see :meth:`PerformanceMethods.performance_frame`).

    Raises:
        ImportError: pandas is not installed.
    """
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError("Ledger.performance_frame needs pandas (pip install pandas)") from exc
    targets: List[str] = []
    for f in figures:
        targets += [t.target for t in f.sla if t.target not in targets]
    columns: Dict[str, Any] = {
        "id": pd.array([f.id for f in figures], dtype=object),
        "cases": pd.array([f.cases for f in figures], dtype="int64"),
        "closed": pd.array([f.closed for f in figures], dtype="int64"),
    }
    for name in targets:
        shares = [f.target(name) for f in figures]
        columns[f"sla_{name}"] = pd.array(
            [math.nan if t is None else t.share_met.value for t in shares], dtype="float64"
        )
    floats = {
        "first_response_mean_s": [f.first_response.mean for f in figures],
        "first_response_p90_s": [f.first_response.p90 for f in figures],
        "resolution_mean_s": [f.resolution.mean for f in figures],
        "resolution_p90_s": [f.resolution.p90 for f in figures],
        "reopened": [f.reopened.value for f in figures],
        "unsatisfied_visits": [f.unsatisfied_visits.value for f in figures],
    }
    for name, values in floats.items():
        columns[name] = pd.array(values, dtype="float64")
    columns["breach_escalations"] = pd.array([f.breach_escalations for f in figures], dtype="int64")
    for name, values in {
        "satisfaction_mean": [f.satisfaction.mean for f in figures],
        "csat": [f.csat.value for f in figures],
        "csat_low": [f.csat.low for f in figures],
        "csat_high": [f.csat.high for f in figures],
    }.items():
        columns[name] = pd.array(values, dtype="float64")
    columns["small_sample"] = pd.array([f.small_sample for f in figures], dtype=bool)
    return pd.DataFrame(columns)


def scores_frame_of(scores: Sequence[StaffScore]) -> Any:
    """``scores`` as a pandas DataFrame (see :meth:`PerformanceMethods.performance_scores_frame`).

    Raises:
        ImportError: pandas is not installed.
    """
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(
            "Ledger.performance_scores_frame needs pandas (pip install pandas)"
        ) from exc
    columns: Dict[str, Any] = {
        "id": pd.array([s.id for s in scores], dtype=object),
        "cases": pd.array([s.cases for s in scores], dtype="int64"),
        "small_sample": pd.array([s.small_sample for s in scores], dtype=bool),
        "score": pd.array([s.score for s in scores], dtype="float64"),
        "low": pd.array([s.low for s in scores], dtype="float64"),
        "high": pd.array([s.high for s in scores], dtype="float64"),
        "rank_best": pd.array([s.rank_best for s in scores], dtype="Int64"),
        "rank_worst": pd.array([s.rank_worst for s in scores], dtype="Int64"),
    }
    names = [m.metric for m in scores[0].metrics] if scores else []
    for i, name in enumerate(names):
        for part in ("value", "score", "contribution"):
            columns[f"{name}_{part}"] = pd.array(
                [getattr(s.metrics[i], part) for s in scores], dtype="float64"
            )
    return pd.DataFrame(columns)


class PerformanceMethods:
    """The staff-performance methods of :class:`plaint.Ledger` (which provides ``_lock`` and
    ``_live``)."""

    _lock: threading.RLock

    def _live(self) -> int:  # pragma: no cover - Ledger's
        raise NotImplementedError

    def performance(
        self,
        from_: InstantLike,
        to: InstantLike,
        by: StaffByLike = StaffBy.HANDLER,
        *,
        as_of: Optional[InstantLike] = None,
        confidence: float = 0.95,
        small_sample: int = 30,
        overall: str = "overall",
        surveys: Union[None, Source, Sequence[Source]] = None,
    ) -> Tuple[StaffFigures, ...]:
        """The staff figures (DOMAIN.md §8) of the complaints received in [from_, to), one
        :class:`StaffFigures` per handler or team, ordered by id (the cases nobody owns, id "",
        first). Since 0.7.

        Args:
            from_: the period's start (UTC seconds or an aware datetime; :func:`month_range`
                gives a month's).
            to: its end, exclusive.
            by: ``"handler"`` (the default) or ``"team"``, or a :class:`StaffBy`.
            as_of: the instant clocks, events and states are read at; None: ``to``. Owners are
                the ledger's latest, whatever ``as_of``.
            confidence: of every interval, in (0, 1).
            small_sample: a group with fewer cases is flagged ``small_sample``; 0 flags none.
            overall: the survey question that says how satisfied (answers 1 to 5); "" means
                "overall". A question the surveys lack leaves the satisfaction figures empty.
            surveys: survey responses as CSV (the form of examples/data/sample/surveys-*.csv),
                joined to the cases by complaint id: one source or a list of them, each text or
                a path, as :meth:`report` takes them.

        Raises:
            InvalidArgumentError: ``from_`` not before ``to``; a confidence outside (0, 1) or
                NaN; an unknown ``by``; a survey CSV without an ``at`` column.
            ParseError, EncodingError, TooLargeError: a bad survey CSV (the message names
                ``options.surveys[i]`` and, for a parse error, the line).
            OutOfRangeError: a negative or huge ``small_sample``; an instant outside a
                calendar's years.
            FileError: a survey file cannot be read.
            TypeError: an argument of the wrong type (a ``bool`` for a number included).
        """
        text = self._performance_json(
            lib.plaint_ledger_performance_json,
            from_,
            to,
            by,
            as_of,
            confidence,
            small_sample,
            overall,
            surveys,
        )
        return tuple(_figures(d) for d in json.loads(text))

    def performance_frame(
        self,
        from_: InstantLike,
        to: InstantLike,
        by: StaffByLike = StaffBy.HANDLER,
        *,
        as_of: Optional[InstantLike] = None,
        confidence: float = 0.95,
        small_sample: int = 30,
        overall: str = "overall",
        surveys: Union[None, Source, Sequence[Source]] = None,
    ) -> Any:
        """:meth:`performance` as a pandas DataFrame, one row per handler or team in the same
        order, with flat columns: ``id`` (str), ``cases``, ``closed`` (int64), ``sla_<target>``
        for each SLA target (its share met, float64; NaN where the group has no such clock),
        ``first_response_mean_s``, ``first_response_p90_s``, ``resolution_mean_s``,
        ``resolution_p90_s`` (seconds), ``reopened`` and ``unsatisfied_visits`` (their shares),
        ``breach_escalations`` (int64), ``satisfaction_mean``, ``csat``, ``csat_low``,
        ``csat_high`` (float64, NaN when undefined) and ``small_sample`` (bool). Since 0.7.

        Raises:
            ImportError: pandas is not installed.
            and the errors of :meth:`performance`.
        """
        figures = self.performance(
            from_,
            to,
            by,
            as_of=as_of,
            confidence=confidence,
            small_sample=small_sample,
            overall=overall,
            surveys=surveys,
        )
        return frame_of(figures)

    def performance_scores(
        self,
        from_: InstantLike,
        to: InstantLike,
        by: StaffByLike = StaffBy.HANDLER,
        *,
        as_of: Optional[InstantLike] = None,
        confidence: float = 0.95,
        small_sample: int = 30,
        overall: str = "overall",
        surveys: Union[None, Source, Sequence[Source]] = None,
    ) -> Tuple[StaffScore, ...]:
        """The figures of :meth:`performance` scored by the ``performance`` section of the
        ledger's profile: one :class:`StaffScore` per handler or team, in the same order, with
        each metric's contribution, the score's interval and — for groups that are neither a
        small sample nor nobody's — the rank as a range that only separated intervals narrow.
        Since 0.7.

        Args: as :meth:`performance`.

        Raises:
            NotFoundError: the ledger's profile has no ``performance`` section.
            and the errors of :meth:`performance`.
        """
        text = self._performance_json(
            lib.plaint_ledger_performance_scores_json,
            from_,
            to,
            by,
            as_of,
            confidence,
            small_sample,
            overall,
            surveys,
        )
        return tuple(_score(d) for d in json.loads(text))

    def performance_scores_frame(
        self,
        from_: InstantLike,
        to: InstantLike,
        by: StaffByLike = StaffBy.HANDLER,
        *,
        as_of: Optional[InstantLike] = None,
        confidence: float = 0.95,
        small_sample: int = 30,
        overall: str = "overall",
        surveys: Union[None, Source, Sequence[Source]] = None,
    ) -> Any:
        """:meth:`performance_scores` as a pandas DataFrame, one row per handler or team:
        ``id``, ``cases``, ``small_sample``, ``score``, ``low``, ``high``, ``rank_best`` and
        ``rank_worst`` (nullable Int64, <NA> when not ranked), then for each metric of the
        section ``<metric>_value``, ``<metric>_score`` and ``<metric>_contribution`` (float64,
        NaN when missing). Since 0.7.

        Raises:
            ImportError: pandas is not installed.
            and the errors of :meth:`performance_scores`.
        """
        scores = self.performance_scores(
            from_,
            to,
            by,
            as_of=as_of,
            confidence=confidence,
            small_sample=small_sample,
            overall=overall,
            surveys=surveys,
        )
        return scores_frame_of(scores)

    def _performance_json(
        self,
        function: Any,
        from_: InstantLike,
        to: InstantLike,
        by: StaffByLike,
        as_of: Optional[InstantLike],
        confidence: float,
        small_sample: int,
        overall: str,
        surveys: Union[None, Source, Sequence[Source]],
    ) -> str:
        o = PlaintPerformanceOptions()
        lib.plaint_performance_options_init(byref(o), ctypes.sizeof(o))
        o.by = staff_by_code(by)
        setattr(o, "from", to_instant(from_, "from_"))
        o.to = to_instant(to, "to")
        if as_of is not None:
            o.has_as_of = 1
            o.as_of = to_instant(as_of, "as_of")
        o.confidence = _confidence(confidence)
        o.small_sample = check_uint64(small_sample, "small_sample")
        if not isinstance(overall, str):
            raise TypeError(f"overall must be a str, not {type(overall).__name__}")
        o.overall = encode_nts(overall, "overall")
        keep: List[Any] = []
        if surveys is not None:
            set_surveys(o, surveys, keep)
        out = c_void_p()
        with self._lock:
            function(self._live(), byref(o), byref(out))
        del keep
        return take_string(out.value)


__all__ = [
    "DurationFigures",
    "MetricScore",
    "SatisfactionMean",
    "StaffBy",
    "StaffFigures",
    "StaffScore",
    "TargetShare",
]
