"""plaint.satisfaction: the scores, AHP, indices, operational figures, grouped scores and the
surveys of a profile, from Python.

Expected values are worked by hand (the arithmetic is beside each), come from a published
example (named), or are computed here by a second, plain method: per-group sums and squared
deviations in Python, the Wilson bound from its formula, power iteration for AHP. The same
cases as tests/unit/test_satisfaction.cpp and tests/unit/test_aggregate.cpp where they overlap.
z(0.975) = 1.959964 and the t quantiles come from printed tables.

numpy and pandas are optional: the tests that need one skip (saying so) without it, and one
test runs the package with both hidden.
"""

from __future__ import annotations

import array
import ctypes
import math
import random
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import plaint
from plaint import _lib
from plaint import satisfaction as sat
from support import PACKAGE_ROOT, SOURCE_ROOT, clean_env

Z975 = 1.959964  # normal table, two-sided 95%


def near(got: float, want: float, eps: float = 1e-6) -> bool:
    return abs(got - want) <= eps


def numpy_or_skip() -> Any:
    return pytest.importorskip("numpy", reason="numpy is not installed; its paths are skipped")


# ---- scores worked by hand --------------------------------------------------------------------


def test_mean_follows_domain_md() -> None:
    # n5 = 4, n4 = 3, n3 = 2, n2 = 0, n1 = 1: (20 + 12 + 6 + 0 + 1)/10 = 3.9; squared deviations
    # 4 * 1.21 + 3 * 0.01 + 2 * 0.81 + 8.41 = 14.9, sd sqrt(14.9/9) = 1.286684; half width
    # t(0.975, 9) * sd / sqrt(10) = 2.262157 * 0.406887 = 0.920440; percent 2.9/4 = 72.5.
    m = sat.mean([5, 1, 4, 5, 3, 4, 5, 3, 4, 5])
    assert m.n == 10
    assert near(m.value, 3.9, 1e-12)
    assert near(m.sd, 1.286684)
    assert near(m.low, 3.9 - 0.920440, 1e-5) and near(m.high, 3.9 + 0.920440, 1e-5)
    assert near(m.percent, 72.5, 1e-12)
    # Another scale: 0..10, (10 + 5)/2 = 7.5 -> 75 %. A 99 % interval is wider.
    assert sat.mean([10, 5], scale=(0, 10)).percent == 75.0
    assert sat.mean([1, 2, 3], 0.99).high > sat.mean([1, 2, 3]).high


def test_mean_edge_cases() -> None:
    none = sat.mean([])
    assert none.n == 0 and math.isnan(none.value) and math.isnan(none.low)
    one = sat.mean([4])
    assert one.value == 4 and one.percent == 75 and math.isnan(one.sd) and math.isnan(one.high)
    flat = sat.mean([5, 5, 5])
    assert flat.sd == 0 and flat.low == 5 and flat.high == 5


def test_csat_and_the_target_check() -> None:
    # 17 of 20 at 4 or 5 = 0.85; Wilson by hand: z^2/n = 0.192073, centre (0.85 + 0.096036)/
    # 1.192073 = 0.793609, half 1.959964 * sqrt(0.006375 + 0.0024009)/1.192073 = 0.154025.
    answers = [1, 2, 3] + [4] * 7 + [5] * 10
    s = sat.csat(answers)
    assert (s.successes, s.n) == (17, 20)
    assert near(s.value, 0.85, 1e-12)
    assert near(s.low, 0.639584, 1e-5) and near(s.high, 0.947634, 1e-5)
    # "Basically satisfied" counts too in some offices: 18 of 20.
    assert sat.csat(answers, satisfied=(3, 4, 5)).successes == 18
    # A 0..10 top-2 box.
    assert sat.csat([10, 9, 0, 7], satisfied=(9, 10), scale=(0, 10)).successes == 2
    # Targets: 190/200 (Wilson low 0.910429) meets 0.85; 150/200 (high 0.804925) misses it;
    # 170/200 straddles it; no data is undecided.
    yes = [1] * 190 + [0] * 10
    assert sat.check_target(sat.csat(yes, (1,), scale=(0, 1)), 0.85) is sat.Verdict.MET
    no = [1] * 150 + [0] * 50
    assert sat.check_target(sat.csat(no, (1,), scale=(0, 1)), 0.85) is sat.Verdict.MISSED
    even = [1] * 170 + [0] * 30
    assert sat.check_target(sat.csat(even, (1,), scale=(0, 1)), 0.85) is sat.Verdict.UNDECIDED
    assert sat.check_target(sat.csat([]), 0.85) is sat.Verdict.UNDECIDED
    assert sat.Verdict.UNDECIDED.label == "undecided"
    assert sat.levels((4, 5)) == 0x30
    with pytest.raises(plaint.InvalidArgumentError):
        sat.check_target(s, 1.5)


def test_wilson_matches_newcombe() -> None:
    # Newcombe (1998), Stat. Med. 17:857: 81/263 -> (0.2553, 0.3662); by hand (0.255288,
    # 0.366210). 0 of 10: (0, z^2/(n + z^2) = 0.277533); 10 of 10: (10/13.841459, 1).
    low, high = sat.wilson(81, 263)
    assert near(low, 0.255288, 2e-6) and near(high, 0.366210, 2e-6)
    assert sat.wilson(0, 10)[0] == 0.0 and near(sat.wilson(0, 10)[1], 0.277533)
    assert sat.wilson(10, 10)[1] == 1.0 and near(sat.wilson(10, 10)[0], 0.722467)
    assert all(math.isnan(x) for x in sat.wilson(0, 0))
    # The defining equation, (p - p0)^2 = z^2 p0 (1 - p0)/n, holds at both bounds.
    for k, n in [(3, 7), (40, 41), (1, 500)]:
        p = k / n
        for p0 in sat.wilson(k, n):
            assert near((p - p0) ** 2, Z975**2 * p0 * (1 - p0) / n, 1e-7)  # z rounded to 7 digits
    with pytest.raises(plaint.InvalidArgumentError):
        sat.wilson(3, 2)
    with pytest.raises(plaint.InvalidArgumentError):
        sat.wilson(1, 2, confidence=1.0)


def test_nps_and_ces() -> None:
    # Promoters 9, 10, 10, 9, 10; passives 8, 7; detractors 6, 3, 0: 100 * (5 - 3)/10 = 20;
    # se 100 * sqrt((0.5 + 0.3 - 0.04)/10) = 27.568098; 20 -/+ 1.959964 * 27.568098.
    r = sat.nps([9, 10, 10, 9, 8, 7, 6, 3, 0, 10])
    assert (r.n, r.promoters, r.passives, r.detractors) == (10, 5, 2, 3)
    assert near(r.value, 20, 1e-12) and near(r.se, 27.568098)
    assert near(r.low, -34.0325, 1e-4) and near(r.high, 74.0325, 1e-4)
    # One promoter, one detractor: the interval is clipped to -100..100.
    split = sat.nps([10, 0])
    assert split.low == -100 and split.high == 100
    assert math.isnan(sat.nps([]).value)
    # CES: (7 + 6 + 5 + 2)/4 = 5 on 1..7 (66.67 %); (5 + 4 + 3)/3 = 4 on 1..5 (75 %).
    c7 = sat.ces([7, 6, 5, 2])
    assert c7.scale == 7 and near(c7.value, 5, 1e-12) and near(c7.percent, 400 / 6, 1e-10)
    c5 = sat.ces([5, 4, 3], scale=5)
    assert c5.scale == 5 and near(c5.value, 4, 1e-12) and near(c5.percent, 75, 1e-12)
    with pytest.raises(plaint.OutOfRangeError):
        sat.ces([7, 6], scale=5)
    with pytest.raises(plaint.InvalidArgumentError):
        sat.ces([5], scale=6)


# ---- AHP ----------------------------------------------------------------------------------------


def power_iteration(a: List[List[float]]) -> Tuple[List[float], float]:
    """Principal eigenvector (sum 1) and eigenvalue by power iteration (a second method)."""
    n = len(a)
    w = [1.0 / n] * n
    lam = 0.0
    for _ in range(10000):
        nxt = [sum(a[i][j] * w[j] for j in range(n)) for i in range(n)]
        lam = sum(nxt)
        nxt = [x / lam for x in nxt]
        moved = max(abs(x - y) for x, y in zip(nxt, w))
        w = nxt
        if moved < 1e-15:
            break
    return w, lam


def test_ahp_of_a_consistent_manager() -> None:
    # a = 2b = 4c: weights 4/7, 2/7, 1/7; lambda_max = 3, CI = CR = 0; with either method.
    m = [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]]
    for method in ("eigen", "geometric"):
        r = sat.ahp(m, method=method)
        assert all(near(w, x, 1e-12) for w, x in zip(r.weights, (4 / 7, 2 / 7, 1 / 7)))
        assert near(r.lambda_max, 3, 1e-10) and near(r.cr, 0, 1e-10) and r.consistent
        assert r.method == method and r.ri_table == "saaty1980" and r.ri == 0.58
        assert r.worst is None


def test_ahp_reproduces_saatys_house_example() -> None:
    # Saaty (1990), EJOR 48:9-26, the house criteria: published weights .173 .054 .188 .018
    # .031 .036 .167 .333, lambda_max 9.669, CI 0.238, CR 0.169 (RI(8) = 1.41): inconsistent.
    a = [
        [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
        [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
        [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
        [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
        [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
        [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
        [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
        [4, 7, 5, 8, 6, 6, 2, 1],
    ]
    r = sat.ahp(a)
    published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]
    assert all(near(w, p, 6e-4) for w, p in zip(r.weights, published))
    assert near(r.lambda_max, 9.669, 6e-4) and near(r.cr, 0.169, 6e-4) and r.ri == 1.41
    assert not r.consistent and r.worst is not None and r.worst[0] < r.worst[1]
    # Power iteration agrees, and the worst pair is the largest |ln(a_ij w_j / w_i)|.
    w, lam = power_iteration(a)
    assert all(near(x, y, 1e-10) for x, y in zip(r.weights, w))
    assert near(r.lambda_max, lam, 1e-9)
    pairs = [(i, j) for i in range(8) for j in range(i + 1, 8)]
    assert r.worst == max(pairs, key=lambda p: abs(math.log(a[p[0]][p[1]] * w[p[1]] / w[p[0]])))
    # Saaty's 2005 table has RI(8) = 1.40.
    r2005 = sat.ahp(a, ri_table="saaty2005")
    assert r2005.ri == 1.40 and r2005.ri_table == "saaty2005"
    assert near(r2005.cr, r.ci / 1.40, 1e-12)
    assert sat.random_index(3) == 0.58 and sat.random_index(20, "donegan_dodd") == 1.5371


def test_ahp_from_numpy() -> None:
    np = numpy_or_skip()
    r = sat.ahp(np.array([[1.0, 3.0], [1 / 3, 1.0]]))
    assert near(r.weights[0], 0.75, 1e-12) and near(r.weights[1], 0.25, 1e-12)
    # A column-major array is converted, not read transposed: a = 2b = 4c gives 4/7 first.
    fortran = np.asfortranarray([[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]])
    assert not fortran.flags.c_contiguous
    assert near(sat.ahp(fortran).weights[0], 4 / 7, 1e-12)
    with pytest.raises(plaint.InvalidArgumentError):
        sat.ahp(np.ones((2, 3)))


def test_ahp_errors() -> None:
    with pytest.raises(plaint.InvalidArgumentError) as info:
        sat.ahp([[1, -3], [-1 / 3, 1]])
    assert "(0, 1)" in info.value.message
    with pytest.raises(plaint.InvalidArgumentError) as info:
        sat.ahp([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 0.5, 1]])
    assert "(1, 2)" in info.value.message
    with pytest.raises(plaint.InvalidArgumentError):
        sat.ahp([[1, 2], [0.5]])  # not square
    with pytest.raises(plaint.InvalidArgumentError):
        sat.ahp([])
    with pytest.raises(plaint.OutOfRangeError) as info:
        sat.ahp([[1]], ri_table="saaty")
    assert "saaty1980" in info.value.message
    with pytest.raises(plaint.OutOfRangeError):
        sat.ahp([[1]], method="power")
    with pytest.raises(plaint.OutOfRangeError):
        sat.ahp([[1.0] * 16 for _ in range(16)])  # beyond Saaty 1980's table
    assert sat.ahp([[1.0] * 16 for _ in range(16)], ri_table="donegan_dodd").consistent


# ---- indices, drivers, operational figures -------------------------------------------------------


def test_key_drivers_recover_an_exact_relation() -> None:
    # y = 1 + 2 x1 + 0.5 x2: standardised 0.826898, 0.206725; correlations 0.992278, 0.868243;
    # Pratt 0.820513, 0.179487 (test_satisfaction.cpp, by hand).
    k = sat.key_drivers(
        [4, 5.5, 9, 10.5, 13.5], {"speed": [1, 2, 3, 4, 5], "attitude": [2, 1, 4, 3, 5]}
    )
    assert k.names == ("speed", "attitude") and k.n == 5
    assert near(k.intercept, 1, 1e-9) and near(k.coefficients[0], 2, 1e-9)
    assert near(k.standardized[0], 0.826898) and near(k.standardized[1], 0.206725)
    assert near(k.correlations[1], 0.868243) and near(k.importance[0], 0.820513)
    assert near(k.r_squared, 1, 1e-12)
    assert k.ranking()[0][0] == "speed"
    with pytest.raises(plaint.InvalidArgumentError) as info:
        sat.key_drivers([1, 2, 3, 4, 5], [[1, 2, 3, 4, 5], [3, 3, 3, 3, 3]])
    assert "constant" in info.value.message
    with pytest.raises(plaint.InvalidArgumentError):
        sat.key_drivers([1, 2, 3], [[1, 2]])


def test_acsi_weighted_index_and_servqual() -> None:
    # ACSI: weights 0.5, 0.3, 0.2; (10, 10, 10) -> 100, (1, 10, 4) -> 30 + 6.6667 = 36.6667.
    a = sat.acsi([[10, 10, 10], [1, 10, 4]], [0.5, 0.3, 0.2])
    assert near(a.value, 68.333333) and near(a.sd, 44.783429) and a.n == 2
    assert near(list(a.respondents)[1], 36.666667)
    with pytest.raises(plaint.OutOfRangeError):
        sat.acsi([[0, 5, 5]])
    # DOMAIN.md §6: quality 0.6 (attitude and result, equal) and speed 0.4: 4.2 -> 80,
    # 3.8 -> 70, 4.6 -> 90; 0.3 * 80 + 0.3 * 70 + 0.4 * 90 = 81.
    tree = [
        sat.Indicator(
            "quality", 0.6, children=(sat.Indicator("attitude"), sat.Indicator("result"))
        ),
        {"name": "speed", "weight": 0.4},
    ]
    r = sat.weighted_index(tree, {"quality/attitude": 4.2, "quality/result": 3.8, "speed": 4.6})
    assert near(r.value, 81, 1e-10)
    assert [i.path for i in r.items] == ["quality/attitude", "quality/result", "speed"]
    assert [round(i.weight, 12) for i in r.items] == [0.3, 0.3, 0.4]
    assert [round(x, 10) for x in r.item_scores] == [80, 70, 90]
    assert near(sat.weighted_index(tree, [4.2, 3.8, 4.6]).value, 81, 1e-10)
    with pytest.raises(plaint.OutOfRangeError) as info:
        sat.weighted_index(tree, [4.2, 5.5, 4.6])
    assert "quality/result" in info.value.message
    with pytest.raises(plaint.InvalidArgumentError):
        sat.weighted_index(tree, {"speed": 4.6})
    # An item on its own scale: c = 5 on 0..10 -> 50, d = 3 on 1..5 -> 50, e = 7 on 1..7 -> 100;
    # weights 0.75 * 0.25, 0.75 * 0.75, 0.25: 9.375 + 28.125 + 25 = 62.5.
    deep = [
        {
            "name": "a",
            "weight": 3,
            "children": [
                {
                    "name": "b",
                    "children": [{"name": "c", "scale": (0, 10)}, {"name": "d", "weight": 3}],
                }
            ],
        },
        {"name": "e", "scale": (1, 7)},
    ]
    assert near(sat.weighted_index(deep, [5, 3, 7]).value, 62.5, 1e-10)
    assert [round(i.weight, 12) for i in sat.global_weights(deep)] == [0.1875, 0.5625, 0.25]
    # SERVQUAL: gaps -1, 0, -3; dimensions -0.5, -3; unweighted -1.75; 40:60 -> -2.0.
    s = sat.servqual([5, 6, 4], [6, 6, 7], [0, 0, 1], [40, 60])
    assert s.item_gaps == (-1, 0, -3) and s.dimension_gaps == (-0.5, -3)
    assert near(s.unweighted, -1.75, 1e-15) and near(s.weighted, -2.0, 1e-15)
    assert near(sat.servqual([5, 6, 4], [6, 6, 7], [0, 0, 1]).weighted, -1.75, 1e-15)
    with pytest.raises(plaint.OutOfRangeError):
        sat.servqual([5, 8, 4], [6, 6, 7], [0, 0, 1])


def test_operational_figures() -> None:
    # DOMAIN.md §6: MTTR = 7200 s / 3 = 2400 s; (600 + 1800 + 3600 + 7200)/4 = 3300.
    assert sat.mttr(7200, 3) == 2400 and math.isnan(sat.mttr(0, 0))
    assert sat.mean_duration([600, 1800, 3600, 7200]) == 3300
    # Type 7 on 1, 2, 3, 4: p50 -> 2.5, p90 -> 3.7; the caller's list keeps its order.
    values = [4.0, 1.0, 3.0, 2.0]
    assert near(sat.percentile(values, 50), 2.5, 1e-12)
    assert near(sat.percentile(values, 90), 3.7, 1e-12) and values == [4, 1, 3, 2]
    # 2 of 4 within 25 s; Wilson 2/4 half width 0.349961.
    w = sat.within_limit([10, 20, 30, 40], 25)
    assert w.successes == 2 and near(w.low, 0.5 - 0.349961)
    # Cochran 384.146 -> 385; 1000 households -> 278 (Krejcie & Morgan, 1970).
    assert sat.sample_size(0.05) == 385 and sat.sample_size(0.05, population=1000) == 278
    with pytest.raises(plaint.InvalidArgumentError):
        sat.mttr(-1, 3)
    with pytest.raises(plaint.InvalidArgumentError):
        sat.percentile(values, 101)
    with pytest.raises(plaint.OutOfRangeError):
        sat.sample_size(1e-12)


# ---- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_errors_naming_the_index(bad: float) -> None:
    # A NaN answer is a missing answer (issue 13, as pandas marks one): see
    # test_pandas_numpy.py; infinity is an error, and a NaN duration too.
    for func in (sat.mean, sat.csat, sat.nps, sat.ces):
        if math.isnan(bad):
            continue
        with pytest.raises(plaint.InvalidArgumentError) as info:
            func([3, bad])  # type: ignore[operator]
        assert "index 1" in info.value.message
    with pytest.raises(plaint.InvalidArgumentError):
        sat.percentile([1, bad], 50)
    with pytest.raises(plaint.InvalidArgumentError):
        sat.mean_duration([1, bad])


def test_answers_outside_the_scale_are_errors() -> None:
    with pytest.raises(plaint.OutOfRangeError) as info:
        sat.mean([5, 4, 6, 1])
    assert "index 2" in info.value.message and "6" in info.value.message
    for bad in ([4.5], [0], [-1]):
        with pytest.raises(plaint.OutOfRangeError):
            sat.mean(bad)
    with pytest.raises(plaint.OutOfRangeError):
        sat.nps([11])
    with pytest.raises(plaint.OutOfRangeError):
        sat.csat([7])
    with pytest.raises(plaint.OutOfRangeError):
        sat.csat([4], satisfied=(64,))
    with pytest.raises(plaint.InvalidArgumentError):
        sat.csat([4], satisfied=(6,))  # a level outside the scale
    with pytest.raises(plaint.InvalidArgumentError):
        sat.mean([3], scale=(5, 1))
    with pytest.raises(plaint.InvalidArgumentError):
        sat.mean([3], confidence=1.0)


def test_values_that_are_not_numbers_are_type_errors() -> None:
    for bad in ("345", [True, 3], [1, "2"], 5):  # None is a missing answer (issue 13)
        with pytest.raises(TypeError):
            sat.mean(bad)
    with pytest.raises(TypeError):
        sat.mean([3], scale=(1.0, 5))


# ---- input kinds and the no-copy path -----------------------------------------------------------


class Spy:
    """Wraps a library function, recording the address its first argument points to."""

    def __init__(self, func: Any) -> None:
        self.func = func
        self.addresses: List[Optional[int]] = []
        self.args: List[Any] = []

    def __call__(self, *args: Any) -> Any:
        self.addresses.append(ctypes.cast(args[0], ctypes.c_void_p).value)
        self.args.append(args)
        return self.func(*args)


def test_lists_tuples_and_array_array_give_the_same_mean() -> None:
    answers = [5, 1, 4, 5, 3, 4, 5, 3, 4, 5]
    expected = sat.mean(answers)
    assert sat.mean(tuple(answers)) == expected
    assert sat.mean(array.array("d", answers)) == expected
    assert sat.mean(array.array("i", answers)) == expected  # converted
    assert sat.mean(iter(answers)) == expected
    assert sat.mean(float(a) for a in answers) == expected


def test_array_array_of_doubles_is_passed_without_a_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = Spy(_lib.lib.plaint_mean)
    monkeypatch.setattr(_lib.lib, "plaint_mean", spy)
    answers = array.array("d", [5, 4, 3])
    assert sat.mean(answers).value == 4
    assert spy.addresses == [answers.buffer_info()[0]]
    # A list is converted: the library sees a buffer of its own.
    sat.mean([5.0, 4.0, 3.0])
    assert len(spy.addresses) == 2 and spy.addresses[1] != answers.buffer_info()[0]


def test_numpy_arrays_are_passed_without_a_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    np = numpy_or_skip()
    answers = np.array([5, 1, 4, 5, 3, 4, 5, 3, 4, 5], dtype=np.float64)
    for name in ("plaint_mean", "plaint_csat", "plaint_nps", "plaint_percentile"):
        monkeypatch.setattr(_lib.lib, name, Spy(getattr(_lib.lib, name)))
    assert near(sat.mean(answers).value, 3.9, 1e-12)
    assert sat.csat(answers).successes == 7
    sat.nps(answers)
    sat.percentile(answers, 50)
    for name in ("plaint_mean", "plaint_csat", "plaint_nps", "plaint_percentile"):
        assert getattr(_lib.lib, name).addresses == [answers.ctypes.data], name
    # A read-only array is read in place too.
    frozen = answers.copy()
    frozen.flags.writeable = False
    sat.mean(frozen)
    assert _lib.lib.plaint_mean.addresses[-1] == frozen.ctypes.data
    # Other dtypes and strided views are converted, with the same answer.
    ints = answers.astype(np.int64)
    assert sat.mean(ints) == sat.mean(answers)
    assert _lib.lib.plaint_mean.addresses[-1] != ints.ctypes.data
    wide = np.repeat(answers, 2)[::2]
    assert not wide.flags.c_contiguous
    assert sat.mean(wide) == sat.mean(answers)
    with pytest.raises(plaint.InvalidArgumentError):
        sat.mean(answers.reshape(2, 5))
    with pytest.raises(TypeError):
        sat.mean(np.array(["5", "4"]))


def test_pandas_columns_are_accepted() -> None:
    pandas = pytest.importorskip("pandas", reason="pandas is not installed")
    column = pandas.Series([5, 1, 4, 5, 3, 4, 5, 3, 4, 5], dtype="float64")
    assert near(sat.mean(column).value, 3.9, 1e-12)


# ---- grouped scores -----------------------------------------------------------------------------

M = None  # a skipped question


def small_survey(**kinds: Any) -> sat.Grouped:
    """test_aggregate.cpp's survey worked by hand."""
    building = [7, 7, 7, 7, 3, 3]
    overall = [5, 4, 2, M, 3, 5]
    recommend = [10, 9, 3, 8, 6, 7]
    return sat.group(
        {"building": kinds.get("building", building)},
        {
            "overall": kinds.get("overall", overall),
            "recommend": sat.Question(kinds.get("recommend", recommend), scale=(0, 10), nps=True),
        },
        {"index": {"overall": 3, "recommend": 1}},
    )


def test_group_small_survey_worked_by_hand() -> None:
    g = small_survey()
    assert len(g) == 2 and g.key_names == ("building",)
    assert g.score_names == ("overall", "recommend") and g.index_names == ("index",)
    b3, b7 = g.groups
    assert b3.keys == (3,) and b7.keys == (7,) and (b3.rows, b7.rows) == (2, 4)
    # Building 3, overall {3, 5}: mean 4, sd sqrt(2), t(0.975, 1) = 12.7062047 (t table).
    o3 = b3.scores["overall"]
    assert o3.mean.n == 2 and o3.missing == 0 and o3.mean.value == 4
    assert near(o3.mean.sd, math.sqrt(2), 1e-12) and near(o3.mean.high, 4 + 12.7062047, 1e-6)
    # CSAT 1 of 2: Wilson (0.0945312, 0.9054688); NPS not asked of overall.
    assert o3.csat is not None and o3.csat.successes == 1 and near(o3.csat.low, 0.0945312)
    assert o3.nps is None
    # Recommend {6, 7}: -50, se 35.3553391, interval (-100 clipped, 19.2951912); no CSAT.
    n3 = b3.scores["recommend"]
    assert n3.csat is None and n3.nps is not None
    assert n3.nps.value == -50 and near(n3.nps.se, 35.3553391) and n3.nps.low == -100
    assert near(n3.nps.high, 19.2951912)
    # Building 7, overall {5, 4, 2} and a skipped answer: 11/3, sd sqrt(7/3) = 1.5275252.
    o7 = b7.scores["overall"]
    assert o7.mean.n == 3 and o7.missing == 1 and near(o7.mean.value, 11 / 3, 1e-12)
    assert near(o7.mean.sd, 1.5275252) and o7.csat is not None and o7.csat.successes == 2
    # Index 0.75 overall + 0.25 recommend on 0..100: building 3 rows 52.5, 92.5 -> 72.5, sd
    # 28.2842712; building 7 rows 100, 78.75, 26.25 (row 3 skipped overall) -> 205/3.
    assert b3.indexes["index"].n == 2 and near(b3.indexes["index"].value, 72.5, 1e-12)
    assert near(b3.indexes["index"].sd, 28.2842712)
    assert b7.indexes["index"].n == 3 and near(b7.indexes["index"].value, 205 / 3, 1e-10)
    # The flat columns say the same.
    c = g.columns
    assert list(c["building"]) == [3, 7] and list(c["rows"]) == [2, 4]
    assert list(c["overall_missing"]) == [0, 1] and list(c["recommend_promoters"]) == [0, 2]
    assert "overall_nps" not in c and "recommend_csat" not in c
    assert g.records()[1]["overall_csat_successes"] == 2


def test_group_accepts_every_input_kind_alike() -> None:
    expected = small_survey().records()
    as_arrays = small_survey(
        building=array.array("i", [7, 7, 7, 7, 3, 3]),
        overall=array.array("b", [5, 4, 2, -1, 3, 5]),
        recommend=array.array("b", [10, 9, 3, 8, 6, 7]),
    )
    assert as_arrays.records() == expected
    as_floats = small_survey(overall=[5.0, 4.0, 2.0, math.nan, 3.0, 5.0])
    assert as_floats.records() == expected
    as_tuples = small_survey(building=(7, 7, 7, 7, 3, 3), overall=(5, 4, 2, -1, 3, 5))
    assert as_tuples.records() == expected


def test_group_numpy_inputs_and_no_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    np = numpy_or_skip()
    spy = Spy(_lib.lib.plaint_groups_new)
    monkeypatch.setattr(_lib.lib, "plaint_groups_new", spy)
    building = np.array([7, 7, 7, 7, 3, 3], dtype=np.int32)
    overall = np.array([5, 4, 2, -1, 3, 5], dtype=np.int8)
    recommend = np.array([10, 9, 3, 8, 6, 7], dtype=np.int8)
    g = small_survey(building=building, overall=overall, recommend=recommend)
    spec = spy.args[0][1]._obj  # the plaint_group_input the library received
    address = ctypes.c_void_p
    assert ctypes.cast(spec.keys[0], address).value == building.ctypes.data
    assert ctypes.cast(spec.scores[0], address).value == overall.ctypes.data
    assert ctypes.cast(spec.scores[1], address).value == recommend.ctypes.data
    monkeypatch.undo()
    assert g.records() == small_survey().records()
    # array.array('b') and ('i') are read in place as well.
    spy = Spy(_lib.lib.plaint_groups_new)
    monkeypatch.setattr(_lib.lib, "plaint_groups_new", spy)
    keys = array.array("i", [7, 7, 7, 7, 3, 3])
    answers = array.array("b", [5, 4, 2, -1, 3, 5])
    small_survey(building=keys, overall=answers)
    spec = spy.args[0][1]._obj
    assert ctypes.cast(spec.keys[0], address).value == keys.buffer_info()[0]
    assert ctypes.cast(spec.scores[0], address).value == answers.buffer_info()[0]
    monkeypatch.undo()
    # Other dtypes are converted: int64 keys, float answers with NaN for a skipped question.
    converted = small_survey(
        building=building.astype(np.int64),
        overall=np.array([5, 4, 2, np.nan, 3, 5]),
        recommend=recommend.astype(np.float32),
    )
    assert converted.records() == small_survey().records()
    assert isinstance(g.columns["overall_mean"], np.ndarray)
    assert g.columns["overall_n"].dtype == np.int64


def test_group_keys_that_are_not_ints_are_encoded_and_decoded() -> None:
    g = sat.group(
        {
            "building": ["B栋", "A栋", "B栋", "A栋"],
            "month": ["2026-04", "2026-03", "2026-03", "2026-03"],
        },
        {"q": [5, 4, 3, 2]},
    )
    # Keys in sorted order: (A栋, 2026-03) rows 1, 3; (B栋, 2026-03) row 2; (B栋, 2026-04) row 0.
    assert [grp.keys for grp in g] == [("A栋", "2026-03"), ("B栋", "2026-03"), ("B栋", "2026-04")]
    assert [grp.scores["q"].mean.value for grp in g] == [3, 3, 5]
    big = sat.group({"id": [2**40, 1, 2**40]}, {"q": [1, 2, 3]})
    assert [grp.keys for grp in big] == [(1,), (2**40,)]


def test_group_edge_cases_and_errors() -> None:
    empty = sat.group({"building": []}, {"q": []})
    assert len(empty) == 0 and list(empty.columns["q_mean"]) == [] and empty.groups == []
    one = sat.group({}, {"q": [4, 5, None]})
    assert len(one) == 1 and one[0].keys == () and one[0].scores["q"].missing == 1
    with pytest.raises(plaint.OutOfRangeError) as info:
        sat.group({}, {"q": [1, 6]})
    assert "'q'" in info.value.message and "row 1" in info.value.message
    with pytest.raises(plaint.OutOfRangeError) as info:
        sat.group({}, {"q": [1, 200]})  # beyond int8, refused before the library
    assert "row 1" in info.value.message
    with pytest.raises(plaint.OutOfRangeError):
        sat.group({}, {"q": [1, 4.5]})
    with pytest.raises(plaint.OutOfRangeError):
        sat.group({}, {"q": [1, math.inf]})
    with pytest.raises(plaint.InvalidArgumentError):
        sat.group({"k": [1, 2]}, {"q": [1, 2, 3]})  # lengths differ
    with pytest.raises(plaint.InvalidArgumentError):
        sat.group({"a": [1], "b": [1], "c": [1], "d": [1]}, {"q": [1]})
    with pytest.raises(plaint.InvalidArgumentError):
        sat.group({}, {"q": sat.Question([1], nps=True)})  # NPS needs 0..10
    with pytest.raises(plaint.InvalidArgumentError):
        sat.group({}, {"q": [1]}, {"i": {"nope": 1}})
    with pytest.raises(plaint.InvalidArgumentError):
        sat.group({}, {"q": [1]}, {"i": {"q": -1}})
    with pytest.raises(plaint.OutOfRangeError):
        sat.group({}, {"q": [1]}, {"i": sat.Index({"q": 1}, units="points")})
    with pytest.raises(plaint.InvalidArgumentError):
        sat.group({}, {"q": [1]}, confidence=0)
    with pytest.raises(plaint.InvalidArgumentError):
        sat.group({"q": [1]}, {"q": [1]})  # duplicate names
    with pytest.raises(plaint.InvalidArgumentError):
        sat.group({}, {"q": [1], "x": [1]}, {"q_mean": {"x": 1}})  # two columns "q_mean"
    with pytest.raises(TypeError):
        sat.group({}, {"q": {"data": [1], "colour": "red"}})
    # Options by mapping; "scale" units over one scale; no CSAT when asked for none.
    g = sat.group(
        {},
        {"a": {"data": [5, 3, 1], "satisfied": ()}, "b": {"data": [1, 3, 5]}},
        {"raw": sat.Index({"a": 1, "b": 3}, units="scale")},
    )
    # (5, 1) -> 0.25 * 5 + 0.75 * 1 = 2; (3, 3) -> 3; (1, 5) -> 4: mean 3, sd 1, 50 %.
    raw = g[0].indexes["raw"]
    assert near(raw.value, 3, 1e-12) and near(raw.sd, 1, 1e-12) and near(raw.percent, 50, 1e-12)
    assert g[0].scores["a"].csat is None and g[0].scores["b"].csat is not None


def wilson_by_formula(k: int, n: int) -> Tuple[float, float]:
    p, z2 = k / n, Z975**2
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z975 * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    return (0.0 if k == 0 else centre - half), (1.0 if k == n else centre + half)


def random_survey(rows: int, seed: int) -> Dict[str, List[Any]]:
    rng = random.Random(seed)

    def answer(lo: int, hi: int) -> Optional[int]:
        return None if rng.random() < 0.06 else rng.randint(lo, hi)

    return {
        "building": [rng.randint(1, 6) for _ in range(rows)],
        "month": [rng.choice([202601, 202602, 202603]) for _ in range(rows)],
        "speed": [answer(1, 5) for _ in range(rows)],
        "attitude": [answer(1, 5) for _ in range(rows)],
        "recommend": [answer(0, 10) for _ in range(rows)],
    }


def plain_groups(data: Dict[str, List[Any]]) -> Dict[Tuple[int, int], Dict[str, Any]]:
    """Per group, the plain way: the rows of each key pair, then sums and deviations."""
    groups: Dict[Tuple[int, int], List[int]] = {}
    for r, key in enumerate(zip(data["building"], data["month"])):
        groups.setdefault(key, []).append(r)
    out: Dict[Tuple[int, int], Dict[str, Any]] = {}
    for key, rows in groups.items():
        stats: Dict[str, Any] = {"rows": len(rows)}
        for q in ("speed", "attitude", "recommend"):
            answered = [data[q][r] for r in rows if data[q][r] is not None]
            stats[q] = answered
            stats[q + "_missing"] = len(rows) - len(answered)
        # The index: 0.75 speed + 0.25 attitude on 0..100, for rows with both answered.
        stats["index"] = [
            0.75 * (data["speed"][r] - 1) / 4 * 100 + 0.25 * (data["attitude"][r] - 1) / 4 * 100
            for r in rows
            if data["speed"][r] is not None and data["attitude"][r] is not None
        ]
        out[key] = stats
    return out


def check_against_plain(g: sat.Grouped, data: Dict[str, List[Any]]) -> None:
    plain = plain_groups(data)
    assert len(g) == len(plain)
    assert [grp.keys for grp in g] == sorted(plain)  # ascending key order
    for grp in g:
        p = plain[grp.keys]  # type: ignore[index]
        assert grp.rows == p["rows"]
        for q in ("speed", "attitude"):
            s, answered = grp.scores[q], p[q]
            assert s.missing == p[q + "_missing"] and s.mean.n == len(answered)
            assert near(s.mean.value, statistics.fmean(answered), 1e-12)
            if len(answered) > 1:
                assert near(s.mean.sd, statistics.stdev(answered), 1e-12)
                # The interval is the ungrouped mean's, computed on the group's answers alone.
                alone = sat.mean(answered)
                assert near(s.mean.low, alone.low, 1e-12) and near(s.mean.high, alone.high, 1e-12)
            k = sum(1 for a in answered if a >= 4)
            assert s.csat is not None and s.csat.successes == k and s.csat.n == len(answered)
            low, high = wilson_by_formula(k, len(answered))
            assert near(s.csat.low, low, 1e-6) and near(s.csat.high, high, 1e-6)
        r, answered = grp.scores["recommend"], p["recommend"]
        promoters = sum(1 for a in answered if a >= 9)
        detractors = sum(1 for a in answered if a <= 6)
        n = len(answered)
        assert r.nps is not None and r.csat is None
        assert (r.nps.promoters, r.nps.detractors, r.nps.n) == (promoters, detractors, n)
        assert near(r.nps.value, 100 * (promoters - detractors) / n, 1e-9)
        if n > 1:
            pp, pd = promoters / n, detractors / n
            assert near(r.nps.se, 100 * math.sqrt((pp + pd - (pp - pd) ** 2) / n), 1e-9)
        index = grp.indexes["index"]
        assert index.n == len(p["index"])
        assert near(index.value, statistics.fmean(p["index"]), 1e-9)
        if len(p["index"]) > 1:
            assert near(index.sd, statistics.stdev(p["index"]), 1e-9)


def grouped(data: Dict[str, Any]) -> sat.Grouped:
    return sat.group(
        {"building": data["building"], "month": data["month"]},
        {
            "speed": data["speed"],
            "attitude": data["attitude"],
            "recommend": sat.Question(data["recommend"], scale=(0, 10), nps=True),
        },
        {"index": {"speed": 3, "attitude": 1}},
    )


def test_group_agrees_with_a_plain_per_group_computation() -> None:
    data = random_survey(3000, 20260301)
    check_against_plain(grouped(data), data)


def test_group_from_numpy_agrees_with_the_plain_computation() -> None:
    np = numpy_or_skip()
    data = random_survey(3000, 7)
    arrays = {
        "building": np.array(data["building"], dtype=np.int32),
        "month": np.array(data["month"], dtype=np.int64),
        **{
            q: np.array([-1 if a is None else a for a in data[q]], dtype=np.int8)
            for q in ("speed", "attitude", "recommend")
        },
    }
    check_against_plain(grouped(arrays), data)


def test_group_as_a_pandas_frame() -> None:
    pandas = pytest.importorskip("pandas", reason="pandas is not installed; to_pandas is skipped")
    data = random_survey(500, 3)
    g = grouped(data)
    frame = g.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.index.names) == ["building", "month"]
    # rows, 7 statistics per question, 5 for CSAT on the two 1..5 questions, 8 for NPS on
    # recommend, and 6 for the index: 1 + 3 * 7 + 2 * 5 + 8 + 6 = 46 columns.
    assert frame.shape == (len(g), 46)
    assert list(frame.columns[:4]) == ["rows", "speed_mean", "speed_sd", "speed_low"]
    assert "recommend_promoters" in frame.columns and "index_sd" in frame.columns
    first = g[0]
    assert frame.loc[first.keys, "speed_mean"] == first.scores["speed"].mean.value
    assert str(frame["rows"].dtype) == "int64"
    assert sat.group({}, {"q": [1]}).to_pandas().shape == (1, 13)  # rows, 7 + 5 for CSAT


def test_without_numpy_and_pandas(tmp_path: Path, library_file: Path) -> None:
    # numpy and pandas hidden: lists and array.array still work, results are lists, and
    # to_pandas says what is missing.
    code = (
        "import sys\n"
        "sys.modules['numpy'] = None\n"
        "sys.modules['pandas'] = None\n"
        "import array\n"
        "from plaint import satisfaction as sat\n"
        "assert abs(sat.mean(array.array('d', [5, 1, 4, 5, 3, 4, 5, 3, 4, 5])).value - 3.9) < 1e-12\n"
        "g = sat.group({'b': [7, 7, 3]}, {'q': [5, None, 3]})\n"
        "assert g.columns['b'] == [3, 7] and g.columns['q_missing'] == [0, 1], g.columns\n"
        "assert [x.scores['q'].mean.value for x in g] == [3.0, 5.0]\n"
        "assert isinstance(sat.acsi([[10, 1]]).respondents, list)\n"
        "try:\n"
        "    g.to_pandas()\n"
        "except ImportError as exc:\n"
        "    assert 'pandas' in str(exc)\n"
        "else:\n"
        "    raise AssertionError('to_pandas worked without pandas')\n"
        "print('ok')\n"
    )
    env = clean_env(PLAINT_LIBRARY=str(library_file), PYTHONPATH=str(PACKAGE_ROOT))
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code],
        cwd=str(tmp_path),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


# ---- surveys of a profile -------------------------------------------------------------------------


def test_the_default_profiles_return_visit_survey() -> None:
    with plaint.Profile.default() as profile:
        assert profile.survey_names() == ["return_visit"]
        s = profile.survey("return_visit")
        with pytest.raises(plaint.NotFoundError):
            profile.survey("periodic")
    assert isinstance(s, plaint.Survey) and s.name == "return_visit"
    assert s.instrument == "return_visit" and s.scale == (1, 5) and s.satisfied == (4, 5)
    assert s.overall == "overall" and s.ahp is None
    # DOMAIN.md §6: response speed 0.4 against service quality 0.6, whose three items weigh
    # equally: 0.6/3 = 0.2 each.
    weights = {i.path: i.weight for i in s.items}
    assert s.item_paths == (
        "response_speed",
        "service_quality/attitude",
        "service_quality/quality",
        "service_quality/result",
    )
    assert near(weights["response_speed"], 0.4, 1e-12)
    for item in ("attitude", "quality", "result"):
        assert near(weights[f"service_quality/{item}"], 0.2, 1e-12)
    assert [d.name for d in s.dimensions] == ["response_speed", "service_quality"]
    assert near(s.dimensions[1].weight, 0.6, 1e-12) and len(s.dimensions[1].children) == 3
    # The survey is an indicator tree: speed 4.6 -> 90, attitude 4.2 -> 80, quality 4.0 -> 75,
    # result 3.8 -> 70: 0.4 * 90 + 0.2 * (80 + 75 + 70) = 81.
    assert near(sat.weighted_index(s, [4.6, 4.2, 4.0, 3.8]).value, 81, 1e-10)


def test_a_survey_with_ahp_weights() -> None:
    profile = plaint.Profile.from_file(SOURCE_ROOT / "examples/kiosk/commercial-profile.json")
    s = profile.survey(profile.survey_names()[0])
    assert s.ahp is not None and s.ahp.ri_table == "saaty1980" and s.ahp.method == "eigen"
    # The profile's matrix, straight through sat.ahp (a second path to the same weights).
    matrix = [[1, 3, 2, 2], [1 / 3, 1, 1 / 2, 1 / 2], [1 / 2, 2, 1, 1], [1 / 2, 2, 1, 1]]
    direct = sat.ahp(matrix)
    assert all(near(a, b, 1e-12) for a, b in zip(s.ahp.weights, direct.weights))
    assert s.ahp.consistent == direct.consistent and near(s.ahp.cr, direct.cr, 1e-12)
    assert [round(i.weight, 12) for i in s.items] == [round(w, 12) for w in direct.weights]
    # By hand with the geometric method: (1*3*2*2)^(1/4) = 12^(1/4) = 1.861210, (1/12)^(1/4) =
    # 0.537285, and 1 for quality and result; sum 4.398495 -> 0.423147, 0.122152, 0.227350 (x2).
    g = sat.ahp(matrix, method="geometric")
    assert near(g.weights[0], 0.423147) and near(g.weights[1], 0.122152)
    assert near(g.weights[2], 0.227350) and g.weights[2] == g.weights[3]
    profile.close()
