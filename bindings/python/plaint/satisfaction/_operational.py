"""The report's operational figures: MTTR, mean durations, percentiles, the share within a
limit and the sample size a survey needs."""

from __future__ import annotations

from ctypes import byref, c_double, c_uint64
from typing import Any, Optional

from .._error import InvalidArgumentError
from .._lib import lib
from .._marshal import as_int, check_uint64, doubles
from ._results import Share, _confidence, _new_score, _share_of


def mttr(total_repair_seconds: float, repairs: int) -> float:
    """Mean time to repair: total repair seconds / repairs; NaN for no repairs.

    Raises:
        InvalidArgumentError: a negative or non-finite total, or negative repairs.
    """
    count = as_int(repairs, "repairs")
    if count < 0:
        raise InvalidArgumentError(f"repairs must not be negative, not {count}")
    count = check_uint64(count, "repairs")
    out = c_double()
    lib.plaint_mttr(float(total_repair_seconds), count, byref(out))
    return out.value


def mean_duration(durations: Any) -> float:
    """The mean of durations in seconds (each ≥ 0); NaN for none.

    Raises:
        InvalidArgumentError: a negative or non-finite duration (naming its index).
    """
    pointer, n, keep = doubles(durations, "durations")
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
    pointer, n, keep = doubles(values, "values")
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
    pointer, n, keep = doubles(durations, "durations")
    out = _new_score()
    lib.plaint_within_limit(pointer, n, float(limit), _confidence(confidence), byref(out))
    del keep
    return _share_of(out)


def sample_size(
    margin: float, confidence: float = 0.95, p: float = 0.5, population: Optional[int] = None
) -> int:
    """Responses needed to estimate a share ``p`` within ± ``margin`` at ``confidence``, with
    the finite-population correction for an estate of ``population`` households (None: an
    infinite population, no correction).

    Raises:
        InvalidArgumentError: margin or p outside (0, 1), a bad confidence, a population of 0
            or less (None, not 0, means infinite).
        OutOfRangeError: a population beyond 2**64 - 1, an answer beyond 2⁶³.
    """
    if population is None:
        households = 0  # the C call's "infinite"
    else:
        households = as_int(population, "population")
        if households < 1:
            raise InvalidArgumentError(
                f"population must be at least 1, not {households}; None means infinite"
            )
        households = check_uint64(households, "population")
    out = c_uint64()
    lib.plaint_sample_size(float(margin), _confidence(confidence), float(p), households, byref(out))
    return int(out.value)
