"""Scores of answers: the mean, CSAT, NPS and CES with their intervals, the Wilson interval on
its own, and whether a share reaches a target."""

from __future__ import annotations

import ctypes
import operator
from ctypes import byref, c_double, c_int32, c_uint64
from typing import Any, Sequence, Tuple

from .._error import Error, InvalidArgumentError, OutOfRangeError
from .._lib import lib
from .._marshal import I32P, answer_doubles, check_uint64, renumbered, sequence_items
from ._results import (
    Ces,
    MeanScore,
    Nps,
    ScaleLike,
    Share,
    Verdict,
    _confidence,
    _mean_of,
    _new_score,
    _nps_of,
    _scale,
    _share_of,
)


def levels(satisfied: Sequence[int]) -> int:
    """The mask of satisfied levels: bit k for each level k ({4, 5} gives 0x30).

    Raises:
        OutOfRangeError: a level outside 0..63.
    """
    values = sequence_items(satisfied, "satisfied")
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
    lib.plaint_levels(ctypes.cast(buffer, I32P), len(codes), byref(out))
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
    pointer, n, keep, kept, missing = answer_doubles(scores, "scores")
    out = _new_score()
    try:
        lib.plaint_mean(pointer, n, lowest, highest, _confidence(confidence), byref(out))
    except Error as exc:
        raise renumbered(exc, kept) from None
    del keep
    return _mean_of(out, missing)


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
    pointer, n, keep, kept, missing = answer_doubles(scores, "scores")
    out = _new_score()
    try:
        lib.plaint_csat(pointer, n, mask, lowest, highest, _confidence(confidence), byref(out))
    except Error as exc:
        raise renumbered(exc, kept) from None
    del keep
    return _share_of(out, missing)


def nps(scores_0_to_10: Any, confidence: float = 0.95) -> Nps:
    """The net promoter score of answers 0..10 (promoters 9–10, detractors 0–6), in points,
    with its standard error and interval.

    Raises:
        OutOfRangeError: an answer that is not a whole 0..10.
        InvalidArgumentError: NaN or infinity, a bad confidence.
    """
    pointer, n, keep, kept, missing = answer_doubles(scores_0_to_10, "scores")
    out = _new_score()
    try:
        lib.plaint_nps(pointer, n, _confidence(confidence), byref(out))
    except Error as exc:
        raise renumbered(exc, kept) from None
    del keep
    return _nps_of(out, missing)


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
    pointer, n, keep, kept, missing = answer_doubles(scores, "scores")
    out = _new_score()
    try:
        lib.plaint_ces(pointer, n, points, _confidence(confidence), byref(out))
    except Error as exc:
        raise renumbered(exc, kept) from None
    del keep
    return Ces(
        out.value,
        int(out.n),
        out.low,
        out.high,
        out.sd,
        out.percent,
        missing=missing,
        scale=points,
    )


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
    s.n = check_uint64(int(share.n), "share.n")
    s.successes = check_uint64(int(share.successes), "share.successes")
    out = c_int32()
    lib.plaint_check_target(byref(s), float(target), byref(out))
    return Verdict(out.value)
