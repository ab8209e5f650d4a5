"""The results of the satisfaction scores (plain, frozen values) and the constants and small
conversions the scoring modules share."""

from __future__ import annotations

import ctypes
import operator
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from .._error import InvalidArgumentError, OutOfRangeError
from .._enums import NamedIntEnum
from .._lib import PlaintScore

#: The random-index tables :func:`ahp` knows, by name, with their C codes (``PLAINT_RI_*``).
RI_TABLES: Dict[str, int] = {
    "saaty1980": 0,
    "saaty2005": 1,
    "donegan_dodd": 2,
    "alonso_lamata": 3,
}
#: The AHP methods, by name, with their C codes (``PLAINT_AHP_*``).
AHP_METHODS: Dict[str, int] = {"eigen": 0, "geometric": 1}
_METHOD_NAMES = {code: name for name, code in AHP_METHODS.items()}

ScaleLike = Tuple[int, int]


@dataclass(frozen=True)
class MeanScore:
    """A mean in the scale's units with its t interval.

    Attributes:
        value: the mean; NaN without answers.
        n: answers counted.
        low: lower bound of the t interval (not clipped to the scale); NaN when n < 2.
        high: upper bound; NaN when n < 2.
        sd: sample standard deviation (divisor n − 1); NaN when n < 2.
        percent: the value on 0..100, (value − lowest)/(highest − lowest)·100.
        missing: missing answers (None, NaN, pandas' NA) left out of ``n``.
    """

    value: float
    n: int
    low: float
    high: float
    sd: float
    percent: float
    missing: int = 0


@dataclass(frozen=True)
class Ces(MeanScore):
    """A customer-effort score: a :class:`MeanScore` with the scale it was asked on.

    Attributes:
        scale: 7 (levels 1..7) or 5 (the older 1..5).
    """

    scale: int = 7


@dataclass(frozen=True)
class AcsiScore(MeanScore):
    """An ACSI-style index on 0..100: the mean of the respondents' indices, with each one.

    Attributes:
        respondents: each respondent's index in input order (a numpy array when numpy is
            installed, else a list).
    """

    respondents: Any = field(default=(), repr=False, compare=False)


@dataclass(frozen=True)
class Share:
    """A share of answers (CSAT: the satisfied share) with its Wilson interval.

    Attributes:
        value: successes / n, in [0, 1]; NaN without answers.
        n: answers counted.
        low: Wilson lower bound; NaN without answers.
        high: Wilson upper bound; NaN without answers.
        successes: the answers counted as successes.
        missing: missing answers (None, NaN, pandas' NA) left out of ``n``.
    """

    value: float
    n: int
    low: float
    high: float
    successes: int
    missing: int = 0

    def __post_init__(self) -> None:
        # The counts go to C as uint64 (check_target): a negative or huge count would wrap.
        n = _count(self.n, "n")
        successes = _count(self.successes, "successes")
        if n is not None and successes is not None and successes > n:
            raise InvalidArgumentError(
                f"a Share cannot count {successes} successes out of {n} answers"
            )


def _count(value: Any, what: str) -> Optional[int]:
    """A count of a result as an int checked to fit a uint64 (None when not an integer)."""
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        return None
    count = operator.index(value)
    if not 0 <= count < 2**64:
        raise OutOfRangeError(f"{what} {count} is outside 0..{2**64 - 1}")
    return count


@dataclass(frozen=True)
class Nps:
    """A net promoter score in points (−100..100) with its standard error and interval.

    Attributes:
        value: 100·(promoters − detractors)/n; NaN without answers.
        n: answers counted.
        low: value − z·se, clipped to −100; NaN when n < 2.
        high: value + z·se, clipped to 100; NaN when n < 2.
        se: standard error in points; NaN when n < 2.
        promoters: answers 9–10.
        passives: answers 7–8.
        detractors: answers 0–6.
        missing: missing answers (None, NaN, pandas' NA) left out of ``n``.
    """

    value: float
    n: int
    low: float
    high: float
    se: float
    promoters: int
    passives: int
    detractors: int
    missing: int = 0


class Verdict(NamedIntEnum):
    """Whether a share reaches a target with confidence (codes ``PLAINT_VERDICT_*``)."""

    MET = 0  #: the whole interval is at or above the target
    MISSED = 1  #: the whole interval is below the target
    UNDECIDED = 2  #: the interval straddles the target, or there is no data

    @property
    def label(self) -> str:
        """The lower-case name ("met")."""
        return self.name.lower()


@dataclass(frozen=True)
class Ahp:
    """AHP weights and the consistency of the judgements they came from.

    Attributes:
        weights: one per criterion, summing to 1.
        lambda_max: the principal eigenvalue (geometric method: mean of (A·w)ᵢ / wᵢ).
        ci: (λmax − n)/(n − 1); 0 for n ≤ 2.
        cr: ci / ri; 0 for n ≤ 2.
        consistent: cr < 0.10.
        ri: the random index RI(n) of the table.
        ri_table: the table's name ("saaty1980").
        method: "eigen" or "geometric".
        worst: for inconsistent judgements, the pair (i, j), i < j, that contributes most to
            the inconsistency; else None.
    """

    weights: Tuple[float, ...]
    lambda_max: float
    ci: float
    cr: float
    consistent: bool
    ri: float
    ri_table: str
    method: str
    worst: Optional[Tuple[int, int]]


@dataclass(frozen=True)
class KeyDrivers:
    """Which dimension scores move the overall score (least-squares regression).

    Attributes:
        names: the dimensions' names, in order.
        n: responses.
        intercept: of the raw regression.
        coefficients: raw coefficients, one per dimension.
        standardized: βⱼ·sd(xⱼ)/sd(y).
        correlations: each dimension's Pearson correlation with the overall score.
        importance: Pratt's relative importance, summing to 1 (NaN when R² = 0).
        r_squared: R².
    """

    names: Tuple[str, ...]
    n: int
    intercept: float
    coefficients: Tuple[float, ...]
    standardized: Tuple[float, ...]
    correlations: Tuple[float, ...]
    importance: Tuple[float, ...]
    r_squared: float

    def ranking(self) -> List[Tuple[str, float]]:
        """(name, importance) pairs, most important first."""
        return sorted(zip(self.names, self.importance), key=lambda p: -p[1])


@dataclass(frozen=True)
class Indicator:
    """A node of an indicator tree: a dimension (with children) or an item (a leaf).

    Attributes:
        name: its name; paths join names with "/" ("service_quality/attitude").
        weight: its local weight among its siblings (normalised among them, so 3 and 1 mean
            0.75 and 0.25).
        scale: an item's answer scale (lowest, highest).
        children: a dimension's indicators; empty for an item.
    """

    name: str
    weight: float = 1.0
    scale: ScaleLike = (1, 5)
    children: Tuple["Indicator", ...] = ()


@dataclass(frozen=True)
class ItemWeight:
    """An item of an indicator tree with its global weight.

    Attributes:
        path: names from the root, joined by "/".
        weight: the product of the normalised local weights along the path.
        scale: the item's answer scale.
    """

    path: str
    weight: float
    scale: ScaleLike = (1, 5)


@dataclass(frozen=True)
class WeightedIndex:
    """A weighted satisfaction index over an indicator tree, on 0..100.

    Attributes:
        value: Σ global weight · item score on 0..100.
        items: the items in depth-first order with their global weights.
        item_scores: each item's score rescaled to 0..100.
    """

    value: float
    items: Tuple[ItemWeight, ...]
    item_scores: Tuple[float, ...]


@dataclass(frozen=True)
class Servqual:
    """SERVQUAL gaps (perception − expectation).

    Attributes:
        item_gaps: per item.
        dimension_gaps: per dimension, the mean of its items' gaps.
        unweighted: the mean of the dimension gaps.
        weighted: Σ normalised dimension weight · dimension gap.
    """

    item_gaps: Tuple[float, ...]
    dimension_gaps: Tuple[float, ...]
    unweighted: float
    weighted: float


def _scale(scale: Any, what: str = "scale") -> ScaleLike:
    """(lowest, highest) as two ints."""
    try:
        lowest, highest = scale
    except (TypeError, ValueError):
        raise TypeError(f"{what} must be a pair (lowest, highest), not {scale!r}") from None
    for v in (lowest, highest):
        if isinstance(v, (bool, float)) or not hasattr(v, "__index__"):
            raise TypeError(f"{what} must hold two ints, not {scale!r}")
    lo, hi = operator.index(lowest), operator.index(highest)
    for v in (lo, hi):
        if not -(2**31) <= v < 2**31:
            raise OutOfRangeError(f"{what} level {v} does not fit in a 32-bit integer")
    return lo, hi


def _confidence(confidence: Any) -> float:
    if isinstance(confidence, bool):
        raise TypeError("confidence must be a number, not bool")
    return float(confidence)


def _new_score() -> PlaintScore:
    score = PlaintScore()
    score.size = ctypes.sizeof(PlaintScore)
    return score


def _mean_of(s: PlaintScore, missing: int = 0) -> MeanScore:
    return MeanScore(s.value, int(s.n), s.low, s.high, s.sd, s.percent, missing)


def _share_of(s: PlaintScore, missing: int = 0) -> Share:
    return Share(s.value, int(s.n), s.low, s.high, int(s.successes), missing)


def _nps_of(s: PlaintScore, missing: int = 0) -> Nps:
    return Nps(
        s.value,
        int(s.n),
        s.low,
        s.high,
        s.se,
        int(s.successes),
        int(s.passives),
        int(s.detractors),
        missing,
    )
