"""Satisfaction scores (DOMAIN.md §6), through the plaint C library.

Scores of answers: :func:`mean` (the 5-point mean with its t interval), :func:`csat` (the share
of satisfied answers with its Wilson interval; :func:`check_target` says whether a target such
as 85% is met, missed or undecided), :func:`nps`, :func:`ces`; :func:`wilson` on its own.
Weights and indices: :func:`ahp` (weights from a manager's pairwise judgements, with the
consistency ratio), :func:`weighted_index` over an indicator tree (or a profile's
:class:`Survey`), :func:`acsi`, :func:`servqual`, :func:`key_drivers`. The report's figures:
:func:`mttr`, :func:`mean_duration`, :func:`percentile`, :func:`within_limit`,
:func:`sample_size`. And :func:`group`: every score per building, month, category or team in
one pass over columns of answers, as a :class:`Grouped` result (a pandas DataFrame with
:meth:`Grouped.to_pandas` when pandas is installed).

Answers may be lists, tuples, ``array.array`` or numpy arrays (pandas columns too). A
contiguous numpy ``float64`` array or an ``array.array('d')`` is handed to the library without
a copy; so are, for :func:`group`, ``int8`` answers (``array.array('b')``) and ``int32`` keys
(``array.array('i')``). Anything else is converted. numpy and pandas are optional.

Bad input raises the :class:`plaint.Error` subclasses the library reports: NaN or infinity
:class:`plaint.InvalidArgumentError` naming the index, an answer that is not a level of its
scale :class:`plaint.OutOfRangeError` naming index and value. Parts of a result the data leave
undefined (an interval from one answer, anything from none) are NaN, never an error.

Example::

    from plaint import satisfaction as sat

    rate = sat.csat([5, 4, 4, 3, 5, 2, 4, 5, 4, 5])      # value 0.8, Wilson low/high
    sat.check_target(rate, 0.85)                         # Verdict.UNDECIDED
    sat.ahp([[1, 3], [1 / 3, 1]]).weights                # (0.75, 0.25)
"""

from __future__ import annotations

import array
import ctypes
import enum
import importlib
import json
import math
import operator
import sys
from ctypes import (
    POINTER,
    byref,
    c_char_p,
    c_double,
    c_int8,
    c_int32,
    c_size_t,
    c_uint32,
    c_uint64,
    c_void_p,
)
from dataclasses import dataclass, field
from typing import (
    Any,
    Dict,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
)

from ._convert import encode_nts
from ._errors import InvalidArgumentError, OutOfRangeError
from ._lib import (
    PlaintAhpResult,
    PlaintGroupInput,
    PlaintIndicatorTree,
    PlaintScore,
    lib,
)

__all__ = [
    "AcsiScore",
    "Ahp",
    "Ces",
    "ColumnStats",
    "Group",
    "Grouped",
    "Index",
    "Indicator",
    "ItemWeight",
    "KeyDrivers",
    "MISSING",
    "MeanScore",
    "Nps",
    "Question",
    "RI_TABLES",
    "Servqual",
    "Share",
    "Survey",
    "Verdict",
    "WeightedIndex",
    "acsi",
    "ahp",
    "ces",
    "check_target",
    "csat",
    "global_weights",
    "group",
    "key_drivers",
    "levels",
    "mean",
    "mean_duration",
    "mttr",
    "nps",
    "percentile",
    "random_index",
    "sample_size",
    "servqual",
    "weighted_index",
    "wilson",
    "within_limit",
]

_DP = POINTER(c_double)
_I8P = POINTER(c_int8)
_I32P = POINTER(c_int32)
_U32P = POINTER(c_uint32)
_U64P = POINTER(c_uint64)

#: The answer code of a missing answer in a :func:`group` score column (``None`` and NaN are
#: read as missing too).
MISSING = -1

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

#: Units of a weighted index in :func:`group`, with their C codes (``PLAINT_INDEX_*``).
INDEX_UNITS: Dict[str, int] = {"percent": 0, "scale": 1}

# Statistic codes of the batch exporters (PLAINT_STAT_* and PLAINT_MEASURE_*).
_STAT_MEAN, _STAT_MEAN_SD, _STAT_MEAN_LOW, _STAT_MEAN_HIGH, _STAT_MEAN_PERCENT = 1, 2, 3, 4, 5
_STAT_CSAT, _STAT_CSAT_LOW, _STAT_CSAT_HIGH = 6, 7, 8
_STAT_NPS, _STAT_NPS_SE, _STAT_NPS_LOW, _STAT_NPS_HIGH = 9, 10, 11, 12
_STAT_MEAN_N, _STAT_CSAT_SUCCESSES, _STAT_CSAT_N, _STAT_NPS_N = 13, 14, 15, 16
_STAT_NPS_PROMOTERS, _STAT_NPS_PASSIVES, _STAT_NPS_DETRACTORS, _STAT_MISSING = 17, 18, 19, 20

ScaleLike = Tuple[int, int]


# ---- results ------------------------------------------------------------------------------


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
    """

    value: float
    n: int
    low: float
    high: float
    sd: float
    percent: float


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
    """

    value: float
    n: int
    low: float
    high: float
    successes: int


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
    """

    value: float
    n: int
    low: float
    high: float
    se: float
    promoters: int
    passives: int
    detractors: int


class Verdict(enum.IntEnum):
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


@dataclass(frozen=True)
class Survey:
    """A survey definition from a profile (:meth:`plaint.Profile.survey`).

    Attributes:
        name: its key in the profile's ``surveys``.
        description: free text.
        instrument: "return_visit", "periodic", "nps", "ces"...
        scale: the answer scale of every question, (lowest, highest).
        satisfied: the levels counted as satisfied.
        dimensions: the indicator tree, with local weights normalised among siblings.
        items: its items (leaves) with their global weights.
        overall: the overall question's name ("" when none).
        ahp: when the top-level weights came from a pairwise matrix, its :class:`Ahp`.
    """

    name: str
    description: str
    instrument: str
    scale: ScaleLike
    satisfied: Tuple[int, ...]
    dimensions: Tuple[Indicator, ...]
    items: Tuple[ItemWeight, ...]
    overall: str
    ahp: Optional[Ahp] = None

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Survey":
        """A survey from the library's JSON form (``plaint_profile_survey_json``)."""
        doc = json.loads(text)
        scale = (int(doc["scale"][0]), int(doc["scale"][1]))

        def node(d: Mapping[str, Any]) -> Indicator:
            children = tuple(node(c) for c in d.get("items", ()))
            return Indicator(str(d["name"]), float(d["weight"]), scale, children)

        ahp_doc = doc.get("ahp")
        ahp_result = None
        if ahp_doc is not None:
            worst = ahp_doc.get("worst")
            ahp_result = Ahp(
                weights=tuple(float(w) for w in ahp_doc["weights"]),
                lambda_max=float(ahp_doc["lambda_max"]),
                ci=float(ahp_doc["ci"]),
                cr=float(ahp_doc["cr"]),
                consistent=bool(ahp_doc["consistent"]),
                ri=float(ahp_doc["ri"]),
                ri_table=str(ahp_doc["ri_table"]),
                method=str(ahp_doc["method"]),
                worst=(int(worst[0]), int(worst[1])) if worst else None,
            )
        return cls(
            name=str(doc["name"]),
            description=str(doc.get("description", "")),
            instrument=str(doc.get("instrument", "")),
            scale=scale,
            satisfied=tuple(int(v) for v in doc.get("satisfied", ())),
            dimensions=tuple(node(d) for d in doc.get("dimensions", ())),
            items=tuple(
                ItemWeight(str(i["path"]), float(i["weight"]), scale) for i in doc.get("items", ())
            ),
            overall=str(doc.get("overall", "")),
            ahp=ahp_result,
        )

    @property
    def item_paths(self) -> Tuple[str, ...]:
        """The items' paths, in depth-first order."""
        return tuple(i.path for i in self.items)


# ---- arrays -------------------------------------------------------------------------------


def _np() -> Any:
    """numpy when it has been imported (an ndarray can exist only then); else None."""
    return sys.modules.get("numpy")


def _numpy() -> Any:
    """numpy, imported on first use; None when it cannot be imported."""
    from ._calendar import _numpy as find

    return find()


def _as_numpy(values: Any) -> Any:
    """``values`` as a numpy array when it is one or exposes ``__array__`` (a pandas column);
    else None."""
    np = _np()
    if np is None:
        return None
    if isinstance(values, np.ndarray):
        return values
    if hasattr(values, "__array__") and not isinstance(values, (array.array, memoryview)):
        return np.asarray(values)
    return None


def _items(values: Any, what: str) -> List[Any]:
    """A plain sequence's items; TypeError for text or a non-iterable."""
    if isinstance(values, (str, bytes, bytearray)):
        raise TypeError(f"{what} must be a sequence of numbers, not {type(values).__name__}")
    try:
        return list(values)
    except TypeError:
        raise TypeError(
            f"{what} must be a list, tuple, array.array or numpy array, "
            f"not {type(values).__name__}"
        ) from None


def _doubles(values: Any, what: str) -> Tuple[Any, int, Any]:
    """``values`` as (pointer to doubles for C, length, object keeping the memory alive).

    A C-contiguous one-dimensional numpy float64 array and an ``array.array('d')`` are passed
    in place; another numpy array of numbers is converted by numpy, anything else item by item.
    """
    arr = _as_numpy(values)
    if arr is not None:
        np = _np()
        if arr.ndim != 1:
            raise InvalidArgumentError(f"{what} must be one-dimensional, not {arr.ndim}-D")
        if arr.dtype.kind not in "iuf":
            raise TypeError(f"{what} must hold numbers, not {arr.dtype}")
        if arr.dtype != np.float64 or not arr.flags.c_contiguous:
            arr = np.ascontiguousarray(arr, dtype=np.float64)
        return arr.ctypes.data_as(_DP), int(arr.shape[0]), arr
    if isinstance(values, array.array) and values.typecode == "d":
        n = len(values)
        return (c_double * n).from_buffer(values), n, values
    items = _items(values, what)
    for i, v in enumerate(items):
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            continue
        if isinstance(v, (bool, str, bytes)):
            raise TypeError(f"{what}[{i}] must be a number, not {type(v).__name__}")
        try:
            items[i] = float(v)
        except (TypeError, ValueError):
            raise TypeError(f"{what}[{i}] must be a number, not {type(v).__name__}") from None
    buffer = array.array("d", items)
    n = len(buffer)
    return (c_double * n).from_buffer(buffer), n, buffer


def _matrix(matrix: Any, what: str) -> Tuple[Any, int, Any]:
    """A square matrix (nested sequences or a 2-D numpy array) as (row-major doubles, n,
    keep-alive); a C-contiguous float64 array is passed in place."""
    arr = _as_numpy(matrix)
    if arr is not None:
        np = _np()
        if arr.ndim != 2 or arr.shape[0] != arr.shape[1]:
            raise InvalidArgumentError(f"{what} must be a square matrix, not of shape {arr.shape}")
        if arr.dtype.kind not in "iuf":
            raise TypeError(f"{what} must hold numbers, not {arr.dtype}")
        if arr.dtype != np.float64 or not arr.flags.c_contiguous:
            arr = np.ascontiguousarray(arr, dtype=np.float64)
        return arr.ctypes.data_as(_DP), int(arr.shape[0]), arr
    rows = _items(matrix, what)
    n = len(rows)
    flat: List[Any] = []
    for i, row in enumerate(rows):
        cells = _items(row, f"{what} row {i}")
        if len(cells) != n:
            raise InvalidArgumentError(
                f"{what} must be square: it has {n} rows but row {i} has {len(cells)} cells"
            )
        flat.extend(cells)
    pointer, _, keep = _doubles(flat, what)
    return pointer, n, keep


def _rows(answers: Any, what: str) -> Tuple[Any, int, int, Any]:
    """Respondents × items answers (nested sequences or a 2-D numpy array) as (row-major
    doubles, rows, items, keep-alive)."""
    arr = _as_numpy(answers)
    if arr is not None:
        np = _np()
        if arr.ndim != 2:
            raise InvalidArgumentError(f"{what} must be two-dimensional, not {arr.ndim}-D")
        if arr.dtype.kind not in "iuf":
            raise TypeError(f"{what} must hold numbers, not {arr.dtype}")
        if arr.dtype != np.float64 or not arr.flags.c_contiguous:
            arr = np.ascontiguousarray(arr, dtype=np.float64)
        return arr.ctypes.data_as(_DP), int(arr.shape[0]), int(arr.shape[1]), arr
    rows = _items(answers, what)
    width = -1
    flat: List[Any] = []
    for i, row in enumerate(rows):
        cells = _items(row, f"{what} row {i}")
        if width < 0:
            width = len(cells)
        elif len(cells) != width:
            raise InvalidArgumentError(
                f"{what} row {i} has {len(cells)} answers; row 0 has {width}"
            )
        flat.extend(cells)
    pointer, _, keep = _doubles(flat, what)
    return pointer, len(rows), max(width, 0), keep


def _out_doubles(n: int) -> Tuple[Any, Any]:
    """A new array of n doubles for the library to fill: (pointer, array)."""
    np = _numpy()
    if np is not None:
        arr = np.empty(n, dtype=np.float64)
        return arr.ctypes.data_as(_DP), arr
    buffer = (c_double * n)()
    return ctypes.cast(buffer, _DP), buffer


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


def _mean_of(s: PlaintScore) -> MeanScore:
    return MeanScore(s.value, int(s.n), s.low, s.high, s.sd, s.percent)


def _share_of(s: PlaintScore) -> Share:
    return Share(s.value, int(s.n), s.low, s.high, int(s.successes))


def _nps_of(s: PlaintScore) -> Nps:
    return Nps(
        s.value, int(s.n), s.low, s.high, s.se, int(s.successes), int(s.passives), int(s.detractors)
    )


# ---- scores -------------------------------------------------------------------------------


def levels(satisfied: Sequence[int]) -> int:
    """The mask of satisfied levels: bit k for each level k ({4, 5} gives 0x30).

    Raises:
        OutOfRangeError: a level outside 0..63.
    """
    values = _items(satisfied, "satisfied")
    codes = []
    for i, v in enumerate(values):
        if isinstance(v, (bool, float)) or not hasattr(v, "__index__"):
            raise TypeError(f"satisfied[{i}] must be an int, not {type(v).__name__}")
        level = operator.index(v)
        if not -(2**31) <= level < 2**31:
            raise OutOfRangeError(f"satisfied level {level} is outside 0..63")
        codes.append(level)
    buffer = (c_int32 * len(codes))(*codes)
    out = c_uint64()
    lib.plaint_levels(ctypes.cast(buffer, _I32P), len(codes), byref(out))
    return int(out.value)


def wilson(successes: int, n: int, confidence: float = 0.95) -> Tuple[float, float]:
    """The Wilson score interval of ``successes`` out of ``n``: (low, high), (NaN, NaN) for
    n = 0; exactly 0 as the low bound for no successes and 1 as the high one for all.

    Raises:
        InvalidArgumentError: successes > n, a negative count, a confidence outside (0, 1).
    """
    k, total = operator.index(successes), operator.index(n)
    if k < 0 or total < 0:
        raise InvalidArgumentError(f"counts must not be negative: {k} of {total}")
    if k >= 2**64 or total >= 2**64:
        raise OutOfRangeError("counts must fit in 64 bits")
    low, high = c_double(), c_double()
    lib.plaint_wilson(k, total, _confidence(confidence), byref(low), byref(high))
    return low.value, high.value


def mean(scores: Any, confidence: float = 0.95, *, scale: ScaleLike = (1, 5)) -> MeanScore:
    """The mean of answers on ``scale`` (the 5-point mean of DOMAIN.md §6:
    (5·n5 + 4·n4 + 3·n3 + 2·n2 + 1·n1) / N), with its sd, t interval and percentage.

    Raises:
        OutOfRangeError: an answer that is not a level of the scale (naming index and value).
        InvalidArgumentError: NaN or infinity (naming the index), a bad scale or confidence.
    """
    lowest, highest = _scale(scale)
    pointer, n, keep = _doubles(scores, "scores")
    out = _new_score()
    lib.plaint_mean(pointer, n, lowest, highest, _confidence(confidence), byref(out))
    del keep
    return _mean_of(out)


def csat(
    scores: Any,
    satisfied: Sequence[int] = (4, 5),
    confidence: float = 0.95,
    *,
    scale: ScaleLike = (1, 5),
) -> Share:
    """The satisfaction rate: the share of answers at a ``satisfied`` level, with its Wilson
    interval. Some offices count "basically satisfied" (3) too: ``satisfied=(3, 4, 5)``.

    Raises:
        OutOfRangeError: an answer that is not a level of the scale, a level outside 0..63.
        InvalidArgumentError: NaN or infinity, a satisfied level outside the scale, a bad
            scale or confidence.
    """
    lowest, highest = _scale(scale)
    mask = levels(satisfied)
    pointer, n, keep = _doubles(scores, "scores")
    out = _new_score()
    lib.plaint_csat(pointer, n, mask, lowest, highest, _confidence(confidence), byref(out))
    del keep
    return _share_of(out)


def nps(scores_0_to_10: Any, confidence: float = 0.95) -> Nps:
    """The net promoter score of answers 0..10 (promoters 9–10, detractors 0–6), in points,
    with its standard error and interval.

    Raises:
        OutOfRangeError: an answer that is not a whole 0..10.
        InvalidArgumentError: NaN or infinity, a bad confidence.
    """
    pointer, n, keep = _doubles(scores_0_to_10, "scores")
    out = _new_score()
    lib.plaint_nps(pointer, n, _confidence(confidence), byref(out))
    del keep
    return _nps_of(out)


def ces(scores: Any, scale: int = 7, confidence: float = 0.95) -> Ces:
    """A customer-effort score: the mean of answers on 1..7 (``scale=7``) or the older 1..5
    (``scale=5``), with the scale in the result.

    Raises:
        InvalidArgumentError: a scale other than 5 or 7; NaN or infinity; a bad confidence.
        OutOfRangeError: an answer that is not a level of the scale.
    """
    if isinstance(scale, (bool, float)) or not hasattr(scale, "__index__"):
        raise TypeError(f"scale must be 5 or 7, not {scale!r}")
    points = operator.index(scale)
    if points not in (5, 7):
        raise InvalidArgumentError(f"CES scale must be 5 or 7 (points), not {points}")
    pointer, n, keep = _doubles(scores, "scores")
    out = _new_score()
    lib.plaint_ces(pointer, n, points, _confidence(confidence), byref(out))
    del keep
    return Ces(out.value, int(out.n), out.low, out.high, out.sd, out.percent, points)


def check_target(share: Share, target: float) -> Verdict:
    """Whether ``share`` (from :func:`csat` or :func:`within_limit`) reaches ``target`` (in
    [0, 1], e.g. 0.85) with confidence: MET when its interval lies at or above the target,
    MISSED when below, else (and without data) UNDECIDED.

    Raises:
        InvalidArgumentError: a target outside [0, 1].
    """
    s = _new_score()
    s.value = float(share.value)
    s.low = float(share.low)
    s.high = float(share.high)
    s.n = int(share.n)
    s.successes = int(share.successes)
    out = c_int32()
    lib.plaint_check_target(byref(s), float(target), byref(out))
    return Verdict(out.value)


def random_index(n: int, ri_table: str = "saaty1980") -> float:
    """The random index RI(n) of a table (0 for n ≤ 2).

    Raises:
        OutOfRangeError: an unknown table, n = 0 or n beyond the table.
    """
    out = c_double()
    lib.plaint_random_index(_ri_table_code(ri_table), operator.index(n), byref(out))
    return out.value


def _ri_table_code(ri_table: str) -> int:
    code = c_int32()
    lib.plaint_ri_table_parse(encode_nts(ri_table, "ri_table"), byref(code))
    return code.value


def ahp(matrix: Any, ri_table: str = "saaty1980", method: str = "eigen") -> Ahp:
    """AHP weights from a positive reciprocal pairwise-comparison matrix (Saaty's 1–9 scale:
    ``matrix[i][j]`` says how much more criterion i matters than j), with λmax, CI and the
    consistency ratio CR = CI/RI(n); CR ≥ 0.10 is inconsistent, and the judgement that
    contributes most is named in ``worst``.

    Args:
        matrix: n×n judgements (nested sequences or a 2-D numpy array).
        ri_table: "saaty1980" (the default), "saaty2005", "donegan_dodd" or "alonso_lamata".
        method: "eigen" (the principal eigenvector) or "geometric" (row geometric means).

    Raises:
        InvalidArgumentError: an empty or non-square matrix; a non-finite, non-positive,
            non-reciprocal or off-1 diagonal cell (the message names it as "(i, j)").
        OutOfRangeError: an unknown table or method, or n beyond the table.
    """
    table = _ri_table_code(ri_table)
    if method not in AHP_METHODS:
        raise OutOfRangeError(
            f"unknown AHP method {method!r}; expected one of {', '.join(AHP_METHODS)}"
        )
    pointer, n, keep = _matrix(matrix, "matrix")
    weights = (c_double * max(n, 1))()
    out = PlaintAhpResult()
    out.size = ctypes.sizeof(PlaintAhpResult)
    lib.plaint_ahp(pointer, n, table, AHP_METHODS[method], ctypes.cast(weights, _DP), byref(out))
    del keep
    names = {code: name for name, code in RI_TABLES.items()}
    return Ahp(
        weights=tuple(weights[:n]),
        lambda_max=out.lambda_max,
        ci=out.ci,
        cr=out.cr,
        consistent=bool(out.consistent),
        ri=out.ri,
        ri_table=names.get(out.ri_table, ri_table),
        method=_METHOD_NAMES.get(out.method, method),
        worst=(int(out.worst_i), int(out.worst_j)) if out.worst_i >= 0 else None,
    )


def key_drivers(overall: Any, dimensions: Union[Mapping[str, Any], Sequence[Any]]) -> KeyDrivers:
    """Which dimension scores move the overall score: least-squares regression of ``overall``
    on the ``dimensions`` (a mapping name → column, or a sequence of columns, named "0", "1"…),
    with standardised coefficients and each dimension's relative importance.

    Raises:
        InvalidArgumentError: columns of different lengths, too few responses, a non-finite
            value, a constant overall score, a constant dimension or collinear dimensions (the
            message names the dimension by its position).
    """
    if isinstance(dimensions, Mapping):
        names = tuple(str(k) for k in dimensions)
        columns = list(dimensions.values())
    else:
        columns = _items(dimensions, "dimensions")
        names = tuple(str(i) for i in range(len(columns)))
    py, n, keep_y = _doubles(overall, "overall")
    keep: List[Any] = [keep_y]
    pointers = (_DP * max(len(columns), 1))()
    for j, column in enumerate(columns):
        pj, nj, kj = _doubles(column, f"dimension {names[j]!r}")
        if nj != n:
            raise InvalidArgumentError(
                f"dimension {names[j]!r} has {nj} values but overall has {n}"
            )
        pointers[j] = pj
        keep.append(kj)
    d = len(columns)
    outs = [(c_double * max(d, 1))() for _ in range(4)]
    intercept, r2 = c_double(), c_double()
    lib.plaint_key_drivers(
        py,
        ctypes.cast(pointers, POINTER(_DP)),
        d,
        n,
        *[ctypes.cast(o, _DP) for o in outs],
        byref(intercept),
        byref(r2),
    )
    del keep
    coefficients, standardized, correlations, importance = (tuple(o[:d]) for o in outs)
    return KeyDrivers(
        names, n, intercept.value, coefficients, standardized, correlations, importance, r2.value
    )


def acsi(answers: Any, weights: Optional[Any] = None, confidence: float = 0.95) -> AcsiScore:
    """An ACSI-style index: each respondent's weighted mean of items answered on 1..10,
    rescaled to 0..100, and their mean with a t interval.

    Args:
        answers: one row per respondent, one answer per item (nested sequences or a 2-D numpy
            array).
        weights: one non-negative weight per item (normalised); None for equal weights.

    Raises:
        OutOfRangeError: an answer that is not a whole 1..10 (naming row and item).
        InvalidArgumentError: rows of different lengths, no items, a bad weight, NaN.
    """
    pointer, rows, items, keep = _rows(answers, "answers")
    if rows == 0 and items == 0 and weights is not None:
        items = len(_items(weights, "weights"))
    wp: Any = None
    keep_w: Any = None
    if weights is not None:
        wp, nw, keep_w = _doubles(weights, "weights")
        if nw != items:
            raise InvalidArgumentError(f"{nw} weights given for {items} items")
    each_pointer, each = _out_doubles(rows)
    out = _new_score()
    lib.plaint_acsi(pointer, rows, items, wp, _confidence(confidence), each_pointer, byref(out))
    del keep, keep_w
    respondents = list(each) if isinstance(each, ctypes.Array) else each
    return AcsiScore(out.value, int(out.n), out.low, out.high, out.sd, out.percent, respondents)


# ---- indicator trees ----------------------------------------------------------------------

TreeLike = Union["Survey", Sequence[Any]]


def _indicator(node: Any, where: str) -> Indicator:
    """An Indicator from an Indicator or a mapping {"name", "weight", "scale", "children" or
    "items"}; items given as plain strings are leaves of weight 1."""
    if isinstance(node, Indicator):
        return node
    if isinstance(node, str):
        return Indicator(node)
    if isinstance(node, Mapping):
        children = node.get("children", node.get("items", ()))
        return Indicator(
            name=str(node["name"]),
            weight=float(node.get("weight", 1.0)),
            scale=_scale(node.get("scale", (1, 5)), f"{where} scale"),
            children=tuple(
                _indicator(c, f"{where}/{i}") for i, c in enumerate(_items(children, where))
            ),
        )
    raise TypeError(f"{where} must be an Indicator, a mapping or a name, not {type(node).__name__}")


class _FlatTree:
    """An indicator tree as the columns of ``plaint_indicator_tree``, in pre-order (so the
    leaves in array order are the items in depth-first order)."""

    def __init__(self, tree: TreeLike) -> None:
        roots = tree.dimensions if isinstance(tree, Survey) else tree
        nodes = [_indicator(r, f"tree[{i}]") for i, r in enumerate(_items(roots, "tree"))]
        self.parent: List[int] = []
        self.weight: List[float] = []
        self.lowest: List[int] = []
        self.highest: List[int] = []
        self.names: List[bytes] = []
        self.paths: List[str] = []
        self.scales: List[ScaleLike] = []
        self.leaves: List[int] = []  # node index of each item, depth-first
        stack: List[Tuple[Indicator, int, str]] = [(n, -1, "") for n in reversed(nodes)]
        while stack:
            node, parent, prefix = stack.pop()
            index = len(self.parent)
            path = f"{prefix}/{node.name}" if prefix else node.name
            self.parent.append(parent)
            self.weight.append(float(node.weight))
            lo, hi = _scale(node.scale, f"scale of {path!r}")
            self.lowest.append(lo)
            self.highest.append(hi)
            self.names.append(encode_nts(node.name, "indicator name"))
            self.paths.append(path)
            self.scales.append((lo, hi))
            if not node.children:
                self.leaves.append(index)
            for child in reversed(node.children):
                stack.append((_indicator(child, path), index, path))
        n = len(self.parent)
        self._arrays = (
            (c_int32 * n)(*self.parent),
            (c_double * n)(*self.weight),
            (c_int32 * n)(*self.lowest),
            (c_int32 * n)(*self.highest),
            (c_char_p * n)(*self.names),
        )
        self.struct = PlaintIndicatorTree()
        self.struct.size = ctypes.sizeof(PlaintIndicatorTree)
        self.struct.count = n
        self.struct.parent = ctypes.cast(self._arrays[0], _I32P)
        self.struct.weight = ctypes.cast(self._arrays[1], _DP)
        self.struct.lowest = ctypes.cast(self._arrays[2], _I32P)
        self.struct.highest = ctypes.cast(self._arrays[3], _I32P)
        self.struct.name = ctypes.cast(self._arrays[4], POINTER(c_char_p))

    @property
    def count(self) -> int:
        return len(self.parent)

    def items(self, weights: Any) -> Tuple[ItemWeight, ...]:
        return tuple(ItemWeight(self.paths[i], weights[i], self.scales[i]) for i in self.leaves)


def global_weights(tree: TreeLike) -> Tuple[ItemWeight, ...]:
    """The items of an indicator tree (a :class:`Survey`, or a sequence of top-level
    :class:`Indicator` s or mappings) in depth-first order, with their global weights (the
    product of the normalised local weights along the path), which sum to 1.

    Raises:
        InvalidArgumentError: no indicators, a negative or non-finite weight, siblings whose
            weights sum to 0, a bad scale, a tree deeper than 32 levels.
    """
    flat = _FlatTree(tree)
    out = (c_double * max(flat.count, 1))()
    lib.plaint_global_weights(byref(flat.struct), ctypes.cast(out, _DP))
    return flat.items(out)


def weighted_index(tree: TreeLike, item_scores: Any) -> WeightedIndex:
    """The weighted satisfaction index of an indicator tree (DOMAIN.md §6): each item's score
    rescaled to 0..100 on its scale and weighted by its global weight.

    Args:
        tree: a :class:`Survey` (a profile's definition), or a sequence of top-level
            :class:`Indicator` s or mappings ``{"name", "weight", "scale", "children"}``.
        item_scores: the items' mean answers (real numbers within their scales): a mapping
            from an item's path ("service_quality/attitude") to its score, or a sequence in the
            items' depth-first order.

    Raises:
        InvalidArgumentError: as :func:`global_weights`; a missing or unknown item, a count
            that differs from the items, a non-finite score.
        OutOfRangeError: a score outside its item's scale (naming the item's path).
    """
    flat = _FlatTree(tree)
    scores = [math.nan] * flat.count
    if isinstance(item_scores, Mapping):
        by_path = {flat.paths[i]: i for i in flat.leaves}
        unknown = sorted(set(map(str, item_scores)) - set(by_path))
        if unknown:
            raise InvalidArgumentError(
                f"unknown item(s) {', '.join(unknown)}; the items are {', '.join(by_path)}"
            )
        for path, i in by_path.items():
            if path not in item_scores:
                raise InvalidArgumentError(f"no score for item {path!r}")
            scores[i] = float(item_scores[path])
    else:
        values = _items(item_scores, "item_scores")
        if len(values) != len(flat.leaves):
            raise InvalidArgumentError(
                f"the tree has {len(flat.leaves)} items but {len(values)} scores were given"
            )
        for i, v in zip(flat.leaves, values):
            scores[i] = float(v)
    given = (c_double * max(flat.count, 1))(*scores)
    rescaled = (c_double * max(flat.count, 1))()
    weights = (c_double * max(flat.count, 1))()
    out = c_double()
    lib.plaint_weighted_index(
        byref(flat.struct),
        ctypes.cast(given, _DP),
        ctypes.cast(rescaled, _DP),
        ctypes.cast(weights, _DP),
        byref(out),
    )
    return WeightedIndex(out.value, flat.items(weights), tuple(rescaled[i] for i in flat.leaves))


def servqual(
    perception: Any,
    expectation: Any,
    dimension_of: Sequence[int],
    dimension_weights: Optional[Any] = None,
    scale: ScaleLike = (1, 7),
) -> Servqual:
    """SERVQUAL gaps: perception − expectation per item, per dimension (the mean of its
    items) and overall, unweighted and weighted.

    Args:
        perception: each item's mean perception score.
        expectation: each item's mean expectation score.
        dimension_of: each item's dimension, 0..dimensions − 1.
        dimension_weights: one non-negative weight per dimension (e.g. the 100 points customers
            allocate), normalised; None for equal weights. The number of dimensions is the
            number of weights, else the largest dimension index + 1.
        scale: the scores' scale (1..7 is usual).

    Raises:
        InvalidArgumentError: lists of different lengths, no items, a dimension without items
            or out of range, a bad weight, a non-finite score.
        OutOfRangeError: a score outside the scale.
    """
    lowest, highest = _scale(scale)
    pp, n, keep_p = _doubles(perception, "perception")
    pe, ne, keep_e = _doubles(expectation, "expectation")
    dims = [operator.index(d) for d in _items(dimension_of, "dimension_of")]
    if ne != n or len(dims) != n:
        raise InvalidArgumentError(
            f"perception has {n} items, expectation {ne}, dimension_of {len(dims)}"
        )
    for i, d in enumerate(dims):
        if not -(2**31) <= d < 2**31:
            raise InvalidArgumentError(f"dimension_of[{i}] is {d}; out of range")
    wp: Any = None
    keep_w: Any = None
    if dimension_weights is not None:
        wp, k, keep_w = _doubles(dimension_weights, "dimension_weights")
    else:
        k = max(dims, default=-1) + 1
    dim_array = (c_int32 * max(n, 1))(*dims)
    item_gaps = (c_double * max(n, 1))()
    dimension_gaps = (c_double * max(k, 1))()
    unweighted, weighted = c_double(), c_double()
    lib.plaint_servqual(
        pp,
        pe,
        ctypes.cast(dim_array, _I32P),
        n,
        k,
        wp,
        lowest,
        highest,
        ctypes.cast(item_gaps, _DP),
        ctypes.cast(dimension_gaps, _DP),
        byref(unweighted),
        byref(weighted),
    )
    del keep_p, keep_e, keep_w
    return Servqual(
        tuple(item_gaps[:n]), tuple(dimension_gaps[:k]), unweighted.value, weighted.value
    )


# ---- operational figures ------------------------------------------------------------------


def mttr(total_repair_seconds: float, repairs: int) -> float:
    """Mean time to repair: total repair seconds / repairs; NaN for no repairs.

    Raises:
        InvalidArgumentError: a negative or non-finite total, or negative repairs.
    """
    count = operator.index(repairs)
    if count < 0:
        raise InvalidArgumentError(f"repairs must not be negative, not {count}")
    out = c_double()
    lib.plaint_mttr(float(total_repair_seconds), count, byref(out))
    return out.value


def mean_duration(durations: Any) -> float:
    """The mean of durations in seconds (each ≥ 0); NaN for none.

    Raises:
        InvalidArgumentError: a negative or non-finite duration (naming its index).
    """
    pointer, n, keep = _doubles(durations, "durations")
    out = c_double()
    lib.plaint_mean_duration(pointer, n, byref(out))
    del keep
    return out.value


def percentile(values: Any, percent: float) -> float:
    """The ``percent`` percentile (0..100) by linear interpolation between order statistics
    (numpy's default); NaN for no values. The values are not reordered.

    Raises:
        InvalidArgumentError: a non-finite value, a percent outside 0..100.
    """
    pointer, n, keep = _doubles(values, "values")
    out = c_double()
    lib.plaint_percentile(pointer, n, float(percent), byref(out))
    del keep
    return out.value


def within_limit(durations: Any, limit: float, confidence: float = 0.95) -> Share:
    """The share of durations (seconds) at or below ``limit``, with its Wilson interval.

    Raises:
        InvalidArgumentError: a negative or non-finite duration, a negative or NaN limit, a bad
            confidence.
    """
    pointer, n, keep = _doubles(durations, "durations")
    out = _new_score()
    lib.plaint_within_limit(pointer, n, float(limit), _confidence(confidence), byref(out))
    del keep
    return _share_of(out)


def sample_size(
    margin: float, confidence: float = 0.95, p: float = 0.5, population: int = 0
) -> int:
    """Responses needed to estimate a share ``p`` within ± ``margin`` at ``confidence``, with
    the finite-population correction for an estate of ``population`` households (0: infinite).

    Raises:
        InvalidArgumentError: margin or p outside (0, 1), a bad confidence, a negative
            population.
        OutOfRangeError: an answer beyond 2⁶³.
    """
    households = operator.index(population)
    if households < 0:
        raise InvalidArgumentError(f"population must not be negative, not {households}")
    if households >= 2**64:
        raise OutOfRangeError("population must fit in 64 bits")
    out = c_uint64()
    lib.plaint_sample_size(float(margin), _confidence(confidence), float(p), households, byref(out))
    return int(out.value)


# ---- grouped scores -----------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """A column of answers for :func:`group`, with what to compute of it.

    Attributes:
        data: the answers, one per row: levels of the scale, or :data:`MISSING` (-1), None or
            NaN for a missing answer. An ``int8`` numpy array or ``array.array('b')`` is read
            in place.
        scale: (lowest, highest), within 0..127.
        satisfied: the levels counted for CSAT; None means {4, 5} on the 1..5 scale and no CSAT
            on other scales; ``()`` asks for no CSAT.
        nps: compute the NPS (the scale must be 0..10).
    """

    data: Any
    scale: ScaleLike = (1, 5)
    satisfied: Optional[Sequence[int]] = None
    nps: bool = False


@dataclass(frozen=True)
class Index:
    """A weighted index over questions of :func:`group`.

    Attributes:
        weights: question name → weight (non-negative, normalised).
        units: "percent" (each answer rescaled to 0..100 first, any mix of scales) or "scale"
            (raw answers, all questions on one scale).
    """

    weights: Mapping[str, float]
    units: str = "percent"


@dataclass(frozen=True)
class ColumnStats:
    """One question's scores in one group.

    Attributes:
        mean: the mean of the answers with its t interval.
        csat: the satisfied share with its Wilson interval; None when not asked.
        nps: the NPS; None when not asked.
        missing: the group's missing answers.
    """

    mean: MeanScore
    csat: Optional[Share]
    nps: Optional[Nps]
    missing: int


@dataclass(frozen=True)
class Group:
    """One group of :class:`Grouped`.

    Attributes:
        keys: its key values, in the order of the key columns.
        rows: its rows.
        scores: question name → :class:`ColumnStats`.
        indexes: index name → :class:`MeanScore` (n counts the rows with every question of the
            index answered).
    """

    keys: Tuple[Any, ...]
    rows: int
    scores: Dict[str, ColumnStats]
    indexes: Dict[str, MeanScore]


class _KeyColumn:
    """A key column ready for C: int32 values (in place when they already are), and the
    values the codes stand for when the keys had to be encoded."""

    def __init__(self, name: str, values: Any) -> None:
        self.name = name
        self.labels: Any = None  # code -> original key, when encoded
        arr = _as_numpy(values)
        if arr is not None:
            np = _np()
            if arr.ndim != 1:
                raise InvalidArgumentError(f"key column {name!r} must be one-dimensional")
            if arr.dtype == np.int32 and arr.flags.c_contiguous:
                self._set(arr.ctypes.data_as(_I32P), int(arr.shape[0]), arr)
                return
            if arr.dtype.kind in "iu" and (
                arr.size == 0 or (int(arr.min()) >= -(2**31) and int(arr.max()) < 2**31)
            ):
                arr = np.ascontiguousarray(arr, dtype=np.int32)
                self._set(arr.ctypes.data_as(_I32P), int(arr.shape[0]), arr)
                return
            if arr.dtype.kind == "O":
                self._from_list(list(arr))
                return
            try:
                uniques, codes = np.unique(arr, return_inverse=True)
            except TypeError as exc:
                raise TypeError(f"key column {name!r}: {exc}") from None
            codes = np.ascontiguousarray(codes, dtype=np.int32)
            self.labels = uniques
            self._set(codes.ctypes.data_as(_I32P), int(codes.shape[0]), codes)
            return
        if isinstance(values, array.array) and values.typecode in "il" and values.itemsize == 4:
            n = len(values)
            self._set(ctypes.cast((c_int32 * n).from_buffer(values), _I32P), n, values)
            return
        self._from_list(_items(values, f"key column {name!r}"))

    def _from_list(self, items: List[Any]) -> None:
        if all(
            isinstance(v, int) and not isinstance(v, bool) and -(2**31) <= v < 2**31
            for v in items
        ):
            buffer = array.array("i", items) if array.array("i").itemsize == 4 else None
            if buffer is not None:
                n = len(buffer)
                self._set(ctypes.cast((c_int32 * n).from_buffer(buffer), _I32P), n, buffer)
                return
            ints = (c_int32 * len(items))(*items)
            self._set(ctypes.cast(ints, _I32P), len(items), ints)
            return
        self._encode_list(items)

    def _set(self, pointer: Any, n: int, keep: Any) -> None:
        self.pointer, self.size, self._keep = pointer, n, keep

    def _encode_list(self, items: List[Any]) -> None:
        """Keys that are not int32 (text, dates...) as codes of their sorted distinct values."""
        try:
            uniques = sorted(set(items))
        except TypeError as exc:
            raise TypeError(
                f"key column {self.name!r} must hold ints or values that sort and hash: {exc}"
            ) from None
        code_of = {v: i for i, v in enumerate(uniques)}
        codes = (c_int32 * len(items))(*[code_of[v] for v in items])
        self.labels = uniques
        self._set(ctypes.cast(codes, _I32P), len(items), codes)

    def decode(self, codes: Any) -> Any:
        if self.labels is None:
            return codes
        np = _np()
        if np is not None and isinstance(self.labels, np.ndarray):
            return self.labels[np.asarray(codes, dtype=np.intp)]
        values = [self.labels[int(c)] for c in codes]
        if np is not None and isinstance(codes, np.ndarray):
            out = np.empty(len(values), dtype=object)
            out[:] = values
            return out
        return values


def _bad_answer(name: str, row: int, value: Any, scale: ScaleLike) -> OutOfRangeError:
    return OutOfRangeError(
        f"score column '{name}' row {row}: answer {value} is neither a level of the scale "
        f"{scale[0]}..{scale[1]} nor missing ({MISSING})"
    )


def _answers(name: str, values: Any, scale: ScaleLike) -> Tuple[Any, int, Any]:
    """A score column as (int8 pointer for C, rows, keep-alive): an int8 numpy array or an
    ``array.array('b')`` in place; other arrays and lists converted, None and NaN becoming
    :data:`MISSING`, and answers that cannot be int8 refused here (the library checks the
    scale)."""
    arr = _as_numpy(values)
    if arr is not None:
        np = _np()
        if arr.ndim != 1:
            raise InvalidArgumentError(f"score column {name!r} must be one-dimensional")
        if arr.dtype == np.int8 and arr.flags.c_contiguous:
            return arr.ctypes.data_as(_I8P), int(arr.shape[0]), arr
        if arr.dtype.kind == "f":
            missing = np.isnan(arr)
            bad = ~missing & ((arr != np.floor(np.where(missing, 0, arr))) | ~np.isfinite(arr))
            bad |= ~missing & ((arr < -128) | (arr > 127))
            if bad.any():
                row = int(np.argmax(bad))
                raise _bad_answer(name, row, arr[row], scale)
            arr = np.where(missing, MISSING, arr)
        elif arr.dtype.kind in "iu":
            bad = (arr < -128) | (arr > 127)
            if bad.any():
                row = int(np.argmax(bad))
                raise _bad_answer(name, row, arr[row], scale)
        elif arr.dtype.kind == "O":
            return _answers(name, list(arr), scale)
        else:
            raise TypeError(f"score column {name!r} must hold numbers, not {arr.dtype}")
        arr = np.ascontiguousarray(arr, dtype=np.int8)
        return arr.ctypes.data_as(_I8P), int(arr.shape[0]), arr
    if isinstance(values, array.array) and values.typecode == "b":
        n = len(values)
        return ctypes.cast((c_int8 * n).from_buffer(values), _I8P), n, values
    items = _items(values, f"score column {name!r}")
    codes = []
    for row, v in enumerate(items):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            codes.append(MISSING)
            continue
        if isinstance(v, bool):
            raise TypeError(f"score column {name!r} row {row}: an answer must be a number")
        try:
            number = float(v)
        except (TypeError, ValueError):
            raise TypeError(
                f"score column {name!r} row {row}: an answer must be a number, "
                f"not {type(v).__name__}"
            ) from None
        if not math.isfinite(number) or number != math.floor(number) or not -128 <= number <= 127:
            raise _bad_answer(name, row, v, scale)
        codes.append(int(number))
    buffer = array.array("b", codes)
    n = len(buffer)
    return ctypes.cast((c_int8 * n).from_buffer(buffer), _I8P), n, buffer


def _question(name: str, spec: Any) -> Question:
    if isinstance(spec, Question):
        return spec
    if isinstance(spec, Mapping):
        unknown = sorted(set(spec) - {"data", "scale", "satisfied", "nps"})
        if unknown:
            raise TypeError(f"question {name!r}: unknown option(s) {', '.join(unknown)}")
        if "data" not in spec:
            raise TypeError(f"question {name!r} has no 'data'")
        return Question(**spec)
    return Question(spec)


def _index(name: str, spec: Any) -> Index:
    if isinstance(spec, Index):
        return spec
    if isinstance(spec, Mapping):
        return Index(spec)
    raise TypeError(
        f"index {name!r} must be an Index or a mapping question -> weight, "
        f"not {type(spec).__name__}"
    )


class Grouped:
    """The result of :func:`group`: groups in ascending order of their keys, each with every
    question's scores and every index. A plain object: it holds copies, not the C result.

    Attributes:
        key_names: the key columns' names.
        score_names: the questions' names.
        index_names: the indices' names.
        columns: the flat result, one entry per statistic, each one value per group (numpy
            arrays when numpy is installed, else lists): the keys by their names, ``rows``,
            per question ``<q>_mean``, ``_sd``, ``_low``, ``_high``, ``_percent``, ``_n``,
            ``_missing``, with CSAT ``<q>_csat``, ``_csat_low``, ``_csat_high``,
            ``_csat_successes``, ``_csat_n``, with NPS ``<q>_nps``, ``_nps_se``, ``_nps_low``,
            ``_nps_high``, ``_nps_n``, ``<q>_promoters``, ``_passives``, ``_detractors``, and
            per index ``<i>``, ``<i>_sd``, ``_low``, ``_high``, ``_percent``, ``_n``.
    """

    key_names: Tuple[str, ...]
    score_names: Tuple[str, ...]
    index_names: Tuple[str, ...]
    columns: Dict[str, Any]

    def __init__(
        self,
        key_names: Tuple[str, ...],
        score_names: Tuple[str, ...],
        index_names: Tuple[str, ...],
        asked: Dict[str, Tuple[bool, bool]],
        columns: Dict[str, Any],
        count: int,
    ) -> None:
        self.key_names = key_names
        self.score_names = score_names
        self.index_names = index_names
        self.columns = columns
        self._asked = asked
        self._count = count
        self._groups: Optional[List[Group]] = None

    def __len__(self) -> int:
        return self._count

    def __repr__(self) -> str:
        return (
            f"<plaint.satisfaction.Grouped {self._count} groups by "
            f"{', '.join(self.key_names) or '(nothing)'}; questions "
            f"{', '.join(self.score_names)}>"
        )

    @property
    def groups(self) -> List[Group]:
        """Every group as a :class:`Group`, in key order (built on first use)."""
        if self._groups is None:
            self._groups = self._build()
        return self._groups

    def __iter__(self) -> Iterator[Group]:
        return iter(self.groups)

    def __getitem__(self, index: int) -> Group:
        return self.groups[index]

    def _build(self) -> List[Group]:
        c = {k: _as_list(v) for k, v in self.columns.items()}
        out = []
        for g in range(self._count):
            scores = {}
            for q in self.score_names:
                asked_csat, asked_nps = self._asked[q]
                scores[q] = ColumnStats(
                    mean=MeanScore(
                        c[f"{q}_mean"][g],
                        c[f"{q}_n"][g],
                        c[f"{q}_low"][g],
                        c[f"{q}_high"][g],
                        c[f"{q}_sd"][g],
                        c[f"{q}_percent"][g],
                    ),
                    csat=(
                        Share(
                            c[f"{q}_csat"][g],
                            c[f"{q}_csat_n"][g],
                            c[f"{q}_csat_low"][g],
                            c[f"{q}_csat_high"][g],
                            c[f"{q}_csat_successes"][g],
                        )
                        if asked_csat
                        else None
                    ),
                    nps=(
                        Nps(
                            c[f"{q}_nps"][g],
                            c[f"{q}_nps_n"][g],
                            c[f"{q}_nps_low"][g],
                            c[f"{q}_nps_high"][g],
                            c[f"{q}_nps_se"][g],
                            c[f"{q}_promoters"][g],
                            c[f"{q}_passives"][g],
                            c[f"{q}_detractors"][g],
                        )
                        if asked_nps
                        else None
                    ),
                    missing=c[f"{q}_missing"][g],
                )
            indexes = {
                i: MeanScore(
                    c[i][g],
                    c[f"{i}_n"][g],
                    c[f"{i}_low"][g],
                    c[f"{i}_high"][g],
                    c[f"{i}_sd"][g],
                    c[f"{i}_percent"][g],
                )
                for i in self.index_names
            }
            out.append(
                Group(
                    keys=tuple(c[k][g] for k in self.key_names),
                    rows=c["rows"][g],
                    scores=scores,
                    indexes=indexes,
                )
            )
        return out

    def records(self) -> List[Dict[str, Any]]:
        """One flat dict per group (the :attr:`columns`' names as keys), in key order."""
        c = {k: _as_list(v) for k, v in self.columns.items()}
        return [{k: v[g] for k, v in c.items()} for g in range(self._count)]

    def to_pandas(self) -> Any:
        """The result as a pandas DataFrame: one row per group, indexed by the keys (a
        MultiIndex for two or three), with the :attr:`columns` as columns.

        Raises:
            ImportError: pandas is not installed.
        """
        try:
            pandas: Any = importlib.import_module("pandas")
        except ImportError as exc:
            raise ImportError(
                f"Grouped.to_pandas needs pandas ({exc}); use Grouped.columns or "
                "Grouped.records() without it"
            ) from None
        frame = pandas.DataFrame(self.columns)
        if self.key_names:
            frame = frame.set_index(list(self.key_names))
        return frame


class _Columns(Dict[str, Any]):
    """The flat columns of a grouped result; a name given twice (a question "q" and an
    index "q_mean") is an error rather than a silent overwrite."""

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self:
            raise InvalidArgumentError(
                f"the result would have two columns named {key!r}; rename a key, question or "
                "index"
            )
        super().__setitem__(key, value)


def _as_list(values: Any) -> List[Any]:
    return list(values.tolist()) if hasattr(values, "tolist") else list(values)


def group(
    keys: Mapping[str, Any],
    scores: Mapping[str, Any],
    indexes: Optional[Mapping[str, Any]] = None,
    confidence: float = 0.95,
) -> Grouped:
    """Groups survey answers by up to three key columns and scores every group, in one pass
    over the rows in the library (DOMAIN.md §6).

    Args:
        keys: key name → column (building, month, category or team). Ints that fit int32 are
            used as they are (an ``int32`` numpy array or ``array.array('i')`` in place); other
            keys (text, dates, large ints) are encoded as codes of their sorted distinct values
            and decoded in the result. With no keys every row is in one group.
        scores: question name → column of answers, or a :class:`Question` (or a mapping with
            its fields) saying the scale, the satisfied levels and whether to compute the NPS.
            A bare column is a 1..5 question with CSAT {4, 5}.
        indexes: index name → :class:`Index`, or a mapping question → weight (units "percent").
        confidence: of every interval, in (0, 1).

    Returns:
        a :class:`Grouped` (``.to_pandas()`` gives a DataFrame when pandas is installed).

    Raises:
        InvalidArgumentError: columns of different lengths, more than three keys, duplicate
            names, a bad scale or satisfied level, NPS on a scale other than 0..10, an index
            over unknown questions or with bad weights, a bad confidence.
        OutOfRangeError: an answer that is neither a level of its scale nor missing (naming
            the question, the row and the value).
    """
    key_specs = list(keys.items())
    score_specs = [(str(name), _question(str(name), spec)) for name, spec in scores.items()]
    index_specs = [(str(name), _index(str(name), spec)) for name, spec in (indexes or {}).items()]
    if len(key_specs) > 3:
        raise InvalidArgumentError(f"{len(key_specs)} key columns given; at most 3 are allowed")
    names = [str(k) for k, _ in key_specs] + [n for n, _ in score_specs]
    names += [n for n, _ in index_specs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise InvalidArgumentError(f"duplicate column name(s) {', '.join(duplicates)}")

    key_columns = [_KeyColumn(str(name), values) for name, values in key_specs]
    answers = []
    scales = []
    for name, q in score_specs:
        scale = _scale(q.scale, f"scale of {name!r}")
        scales.append(scale)
        answers.append(_answers(name, q.data, scale))
    lengths = {c.name: c.size for c in key_columns}
    lengths.update({name: a[1] for (name, _), a in zip(score_specs, answers)})
    if len(set(lengths.values())) > 1:
        raise InvalidArgumentError(
            "columns differ in length: " + ", ".join(f"{k} has {v}" for k, v in lengths.items())
        )
    rows = next(iter(lengths.values()), 0)

    ks, ss, xs = len(key_columns), len(score_specs), len(index_specs)
    masks = []
    asked: Dict[str, Tuple[bool, bool]] = {}
    for (name, q), scale in zip(score_specs, scales):
        if q.satisfied is None:
            mask = levels((4, 5)) if scale == (1, 5) else 0
        else:
            mask = levels(q.satisfied)
        masks.append(mask)
        asked[name] = (mask != 0, bool(q.nps))
    position = {name: i for i, (name, _) in enumerate(score_specs)}
    index_columns: List[int] = []
    index_weights: List[float] = []
    index_sizes: List[int] = []
    index_units: List[int] = []
    for name, spec in index_specs:
        if spec.units not in INDEX_UNITS:
            raise OutOfRangeError(
                f"index {name!r}: unknown units {spec.units!r}; expected one of "
                f"{', '.join(INDEX_UNITS)}"
            )
        for question, weight in spec.weights.items():
            if question not in position:
                raise InvalidArgumentError(f"index {name!r} weighs unknown question {question!r}")
            index_columns.append(position[question])
            index_weights.append(float(weight))
        index_sizes.append(len(spec.weights))
        index_units.append(INDEX_UNITS[spec.units])

    def strings(values: Sequence[str], what: str) -> Any:
        return (c_char_p * max(len(values), 1))(*[encode_nts(v, what) for v in values])

    arrays = {
        "keys": (_I32P * max(ks, 1))(*[c.pointer for c in key_columns]),
        "key_names": strings([c.name for c in key_columns], "key name"),
        "scores": (_I8P * max(ss, 1))(*[a[0] for a in answers]),
        "score_names": strings([n for n, _ in score_specs], "question name"),
        "lowest": (c_int32 * max(ss, 1))(*[s[0] for s in scales]),
        "highest": (c_int32 * max(ss, 1))(*[s[1] for s in scales]),
        "satisfied": (c_uint64 * max(ss, 1))(*masks),
        "nps": (c_int32 * max(ss, 1))(*[1 if q.nps else 0 for _, q in score_specs]),
        "index_names": strings([n for n, _ in index_specs], "index name"),
        "index_sizes": (c_uint32 * max(xs, 1))(*index_sizes),
        "index_columns": (c_uint32 * max(len(index_columns), 1))(*index_columns),
        "index_weights": (c_double * max(len(index_weights), 1))(*index_weights),
        "index_units": (c_int32 * max(xs, 1))(*index_units),
    }
    spec_struct = PlaintGroupInput()
    spec_struct.size = ctypes.sizeof(PlaintGroupInput)
    spec_struct.rows = rows
    spec_struct.key_count = ks
    spec_struct.score_count = ss
    spec_struct.index_count = xs
    for field_name, value in arrays.items():
        setattr(spec_struct, field_name, ctypes.cast(value, type(getattr(spec_struct, field_name))))
    handle = c_void_p()
    lib.plaint_groups_new(byref(handle), byref(spec_struct), _confidence(confidence))
    try:
        return _collect(handle.value, key_columns, score_specs, [n for n, _ in index_specs], asked)
    finally:
        lib.plaint_groups_free(handle.value)


def _collect(
    handle: Optional[int],
    key_columns: List[_KeyColumn],
    score_specs: List[Tuple[str, Question]],
    index_names: List[str],
    asked: Dict[str, Tuple[bool, bool]],
) -> Grouped:
    """Every statistic of the C result, one batch export per column."""
    count = c_size_t()
    lib.plaint_groups_count(handle, byref(count))
    n = count.value
    np = _numpy()

    def reals(func: Any, position: int, stat: int) -> Any:
        if np is not None:
            out = np.empty(n, dtype=np.float64)
            func(handle, position, stat, out.ctypes.data_as(_DP))
            return out
        buffer = (c_double * n)()
        func(handle, position, stat, ctypes.cast(buffer, _DP))
        return list(buffer)

    def counts(func: Any, position: int, stat: int) -> Any:
        if np is not None:
            out = np.empty(n, dtype=np.uint64)
            func(handle, position, stat, out.ctypes.data_as(_U64P))
            return out.view(np.int64)  # counts are far below 2**63
        buffer = (c_uint64 * n)()
        func(handle, position, stat, ctypes.cast(buffer, _U64P))
        return list(buffer)

    columns: Dict[str, Any] = _Columns()
    for k, column in enumerate(key_columns):
        if np is not None:
            codes = np.empty(n, dtype=np.int32)
            lib.plaint_groups_export_keys(handle, k, codes.ctypes.data_as(_I32P))
            columns[column.name] = column.decode(codes)
        else:
            buffer = (c_int32 * n)()
            lib.plaint_groups_export_keys(handle, k, ctypes.cast(buffer, _I32P))
            columns[column.name] = column.decode(list(buffer))
    if np is not None:
        rows = np.empty(n, dtype=np.uint64)
        lib.plaint_groups_export_rows(handle, rows.ctypes.data_as(_U64P))
        columns["rows"] = rows.view(np.int64)
    else:
        row_buffer = (c_uint64 * n)()
        lib.plaint_groups_export_rows(handle, ctypes.cast(row_buffer, _U64P))
        columns["rows"] = list(row_buffer)

    export, export_count = lib.plaint_groups_export, lib.plaint_groups_export_count
    for c, (q, _) in enumerate(score_specs):
        columns[f"{q}_mean"] = reals(export, c, _STAT_MEAN)
        columns[f"{q}_sd"] = reals(export, c, _STAT_MEAN_SD)
        columns[f"{q}_low"] = reals(export, c, _STAT_MEAN_LOW)
        columns[f"{q}_high"] = reals(export, c, _STAT_MEAN_HIGH)
        columns[f"{q}_percent"] = reals(export, c, _STAT_MEAN_PERCENT)
        columns[f"{q}_n"] = counts(export_count, c, _STAT_MEAN_N)
        columns[f"{q}_missing"] = counts(export_count, c, _STAT_MISSING)
        asked_csat, asked_nps = asked[q]
        if asked_csat:
            columns[f"{q}_csat"] = reals(export, c, _STAT_CSAT)
            columns[f"{q}_csat_low"] = reals(export, c, _STAT_CSAT_LOW)
            columns[f"{q}_csat_high"] = reals(export, c, _STAT_CSAT_HIGH)
            columns[f"{q}_csat_successes"] = counts(export_count, c, _STAT_CSAT_SUCCESSES)
            columns[f"{q}_csat_n"] = counts(export_count, c, _STAT_CSAT_N)
        if asked_nps:
            columns[f"{q}_nps"] = reals(export, c, _STAT_NPS)
            columns[f"{q}_nps_se"] = reals(export, c, _STAT_NPS_SE)
            columns[f"{q}_nps_low"] = reals(export, c, _STAT_NPS_LOW)
            columns[f"{q}_nps_high"] = reals(export, c, _STAT_NPS_HIGH)
            columns[f"{q}_nps_n"] = counts(export_count, c, _STAT_NPS_N)
            columns[f"{q}_promoters"] = counts(export_count, c, _STAT_NPS_PROMOTERS)
            columns[f"{q}_passives"] = counts(export_count, c, _STAT_NPS_PASSIVES)
            columns[f"{q}_detractors"] = counts(export_count, c, _STAT_NPS_DETRACTORS)
    export_index = lib.plaint_groups_export_index
    for x, name in enumerate(index_names):
        columns[name] = reals(export_index, x, _STAT_MEAN)
        columns[f"{name}_sd"] = reals(export_index, x, _STAT_MEAN_SD)
        columns[f"{name}_low"] = reals(export_index, x, _STAT_MEAN_LOW)
        columns[f"{name}_high"] = reals(export_index, x, _STAT_MEAN_HIGH)
        columns[f"{name}_percent"] = reals(export_index, x, _STAT_MEAN_PERCENT)
        columns[f"{name}_n"] = counts(lib.plaint_groups_export_index_count, x, _STAT_MEAN_N)
    return Grouped(
        tuple(c.name for c in key_columns),
        tuple(q for q, _ in score_specs),
        tuple(index_names),
        asked,
        dict(columns),
        n,
    )
