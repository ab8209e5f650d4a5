"""pandas and numpy as first-class input and output (issue 13, item 5), from Python.

Enumerations print their names on every Python (3.11's IntEnum prints the bare code); NaN,
None and pandas' NA are missing answers in the scores, as pandas marks them; datetime64 arrays
and pandas columns of datetimes go to the calendar and classification batches without Python
work per row, and datetimes come back when datetimes came in; report_frame's value column is
numeric; Ledger.to_frame gives the complaints as a DataFrame.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Iterator

import pytest

import plaint
from plaint import satisfaction as sat
from support import CALENDARS, HOUR, SOURCE_ROOT, T0

np = pytest.importorskip("numpy", reason="numpy is not installed")
pd = pytest.importorskip("pandas", reason="pandas is not installed")

SURVEYS = SOURCE_ROOT / "examples" / "data" / "sample" / "surveys-2026-10.csv"
UTC = dt.timezone.utc


@pytest.fixture(scope="module")
def office() -> Iterator[plaint.Calendar]:
    with plaint.Calendar.from_file(CALENDARS / "cn-office.json") as c:
        yield c


# ---- enumerations print their names ---------------------------------------------------------


def test_enum_members_print_their_names() -> None:
    state = plaint.State.CLASSIFIED
    assert str(state) == "State.CLASSIFIED" and f"{state}" == "State.CLASSIFIED"
    assert f"{state:d}" == str(int(state)) and f"{state:>3}" == f"{int(state):>3}"
    assert str(plaint.Nature.VALID) == "Nature.VALID"
    assert str(sat.Verdict.MET) == "Verdict.MET"
    assert state == int(state) and state.label == "classified"  # still an IntEnum
    with plaint.Complaint("C", T0) as c:
        c.apply("record", T0 + 60, "duty_staff")
        assert str(c.state) == "State.RECORDED"  # what the README's print(c.state) shows


# ---- missing answers ------------------------------------------------------------------------


def test_nan_none_and_na_are_missing_answers() -> None:
    # (5 + 3) / 2 = 4.0 over the two answers given; one missing.
    m = sat.mean([5, math.nan, 3])
    assert (m.value, m.n, m.missing) == (4.0, 2, 1)
    # CSAT {4, 5}: one of the two answers given (5 yes, 2 no); None and NA missing.
    rate = sat.csat([5, None, 2, pd.NA])
    assert (rate.value, rate.n, rate.successes, rate.missing) == (0.5, 2, 1, 2)
    # NPS of a nullable Int64 column: one promoter (10), one detractor (0): 0 points.
    score = sat.nps(pd.Series([10, None, 0], dtype="Int64"))
    assert (score.value, score.n, score.promoters, score.detractors, score.missing) == (
        0.0,
        2,
        1,
        1,
        1,
    )
    effort = sat.ces(np.array([2.0, np.nan, 4.0]))
    assert (effort.value, effort.n, effort.missing, effort.scale) == (3.0, 2, 1, 7)
    # A float64 Series and numpy array with NaN; none missing gives missing 0.
    assert sat.mean(pd.Series([4.0, np.nan])).missing == 1
    assert sat.mean([4, 5]).missing == 0
    # Nothing but missing answers: no answer, NaN value.
    empty = sat.mean([None, math.nan])
    assert empty.n == 0 and empty.missing == 2 and math.isnan(empty.value)


def test_group_counts_pandas_na_as_missing() -> None:
    # Building A: answers 5 and 3 (mean 4.0), one NA; building B: 4, no gap.
    g = sat.group(
        {"building": ["A", "A", "A", "B"]},
        {"overall": pd.Series([5, None, 3, 4], dtype="Int64")},
    )
    assert list(g.columns["overall_mean"]) == [4.0, 4.0]
    assert list(g.columns["overall_missing"]) == [1, 0]
    assert g[0].scores["overall"].mean.missing == 1
    g = sat.group({}, {"overall": [5, pd.NA, np.nan, None]})
    assert list(g.columns["overall_missing"]) == [3]


def test_an_error_names_the_input_index_past_missing_answers() -> None:
    with pytest.raises(plaint.OutOfRangeError) as info:
        sat.mean([math.nan, 5, 7])  # 7 is the input's index 2 (index 1 of the answers given)
    assert "at index 2" in info.value.message
    with pytest.raises(plaint.OutOfRangeError) as info:
        sat.nps(pd.Series([None, None, 10, 11], dtype="Float64"))
    assert "at index 3" in info.value.message
    with pytest.raises(plaint.InvalidArgumentError):
        sat.mean([math.nan, math.inf])  # infinity is no missing answer


def test_the_shipped_survey_file_scores_with_its_gaps() -> None:
    answers = pd.read_csv(SURVEYS)
    overall, recommend = answers["overall"], answers["recommend"]
    assert overall.isna().sum() > 0 and recommend.isna().sum() > 0  # the file has gaps
    m = sat.mean(overall)
    assert m.n == overall.notna().sum() and m.missing == overall.isna().sum()
    assert m.value == pytest.approx(overall.mean())  # pandas skips NaN too
    rate = sat.csat(overall)
    assert rate.value == pytest.approx((overall >= 4).sum() / overall.notna().sum())
    given = recommend.dropna()
    expected = 100 * ((given >= 9).sum() - (given <= 6).sum()) / len(given)
    assert sat.nps(recommend).value == pytest.approx(expected)
    assert sat.nps(recommend).missing == recommend.isna().sum()


# ---- datetimes ------------------------------------------------------------------------------


def test_calendar_batches_take_datetime64_and_give_datetimes_back(
    office: plaint.Calendar,
) -> None:
    starts = [T0 + k * 5 * HOUR for k in range(6)]
    seconds = [HOUR, 2 * HOUR, 30 * 60, 8 * HOUR, 0, 90 * 60]
    expected = [office.add(s, d) for s, d in zip(starts, seconds)]
    stamps = np.array(starts, dtype="datetime64[s]")
    got = office.add_many(stamps, np.array(seconds, dtype="timedelta64[s]"))
    assert got.dtype == np.dtype("datetime64[s]")
    assert got.astype(np.int64).tolist() == expected
    # nanoseconds are floored to the second, as datetimes are
    ns = stamps.astype("datetime64[ns]") + np.timedelta64(999, "ms")
    assert office.add_many(ns, seconds).astype(np.int64).tolist() == expected
    # An aware pandas column (China Standard Time): UTC datetimes back, with its index.
    cst = pd.Series(pd.to_datetime(starts, unit="s", utc=True), index=list("abcdef"))
    cst = cst.dt.tz_convert("Asia/Shanghai")
    back = office.add_many(cst, pd.Series(seconds, index=list("abcdef")))
    assert isinstance(back, pd.Series) and list(back.index) == list("abcdef")
    assert str(back.dt.tz) == "UTC"
    assert [int(t.timestamp()) for t in back] == expected
    between = office.between_many(stamps, got)
    assert between.tolist() == seconds  # seconds, as between() answers
    assert office.sub_many(got, seconds).astype(np.int64).tolist() == [
        office.sub(e, d) for e, d in zip(expected, seconds)
    ]


def test_numpy_datetime64_scalars_are_instants(office: plaint.Calendar) -> None:
    stamp = np.datetime64(T0, "s")
    assert office.add(stamp, np.timedelta64(HOUR, "s")) == office.add(T0, HOUR)
    with plaint.Ledger() as ledger:
        ledger.add({"id": "A", "received": T0})
        assert ledger.select(received_from=stamp) == [0]
        assert len(ledger.clocks_at(stamp + np.timedelta64(HOUR, "s"))) == len(
            ledger.clocks_at(T0 + HOUR)
        )
    with pytest.raises(plaint.InvalidArgumentError):
        office.is_open(np.datetime64("NaT"))


def test_datetime64_gaps_and_fractions_are_refused(office: plaint.Calendar) -> None:
    with pytest.raises(plaint.InvalidArgumentError) as info:
        office.add_many(np.array([T0, "NaT"], dtype="datetime64[s]"), [60, 60])
    assert "at row 1" in info.value.message
    with pytest.raises(plaint.OutOfRangeError):
        office.add_many([T0], np.array([1500], dtype="timedelta64[ms]"))
    with pytest.raises(TypeError):
        office.add_many(np.array([60], dtype="timedelta64[s]"), [60])  # a duration for a start


def test_a_series_of_ints_is_read_without_python_work_per_item(
    office: plaint.Calendar, monkeypatch: pytest.MonkeyPatch
) -> None:
    starts = pd.Series([T0, T0 + HOUR])
    expected = [office.add(T0, 60), office.add(T0 + HOUR, 60)]

    def per_item(value: Any, what: str) -> int:
        raise AssertionError(f"{what} converted item by item")

    monkeypatch.setattr(plaint._calendar, "to_instant", per_item)
    monkeypatch.setattr(plaint._calendar, "to_duration", per_item)
    assert office.add_many(starts, pd.Series([60, 60])).tolist() == expected


def test_classify_many_from_numpy_without_python_work_per_row(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profile = plaint.Profile.default()
    rows = 1000
    cols = {
        "channel": np.full(rows, int(plaint.Channel.PHONE), dtype=np.int64),
        "category": np.full(rows, int(plaint.Category.EQUIPMENT), dtype=np.int32),
        "reporter_count": np.ones(rows, dtype=np.int32),
        "repeat_count": np.zeros(rows, dtype=np.int16),
        "hours_since_received": np.zeros(rows),
        "received": np.full(rows, T0, dtype="datetime64[s]"),
    }
    expected = profile.classify_many(
        channel=["phone"] * rows,
        category=["equipment"] * rows,
        reporter_count=[1] * rows,
        repeat_count=[0] * rows,
        hours_since_received=[0.0] * rows,
        received=[T0] * rows,
    )

    def per_row(*args: Any) -> Any:
        raise AssertionError("a numpy column converted row by row")

    for name in ("to_code", "as_int", "to_stored_instant"):
        monkeypatch.setattr(plaint._rules, name, per_row)
    got = profile.classify_many(**cols)
    assert all((got[k] == expected[k]).all() for k in expected)
    # Names in a numpy or pandas column: each distinct name converted once.
    monkeypatch.undo()
    named = profile.classify_many(channel=pd.Series(["phone"] * rows, dtype="category"))
    assert (named["nature"] == profile.classify_many(channel=["phone"] * rows)["nature"]).all()


# ---- frames ---------------------------------------------------------------------------------


def test_ledger_to_frame() -> None:
    with plaint.Ledger() as ledger:
        ledger.add({"id": "A", "received": T0, "building": "3"})
        ledger.add({"id": "B", "received": T0 + 60})
        ledger.add_event("A", "record", T0 + 120, "duty_staff")
        frame = ledger.to_frame()
        views = [ledger.view(0), ledger.view(1)]
    assert list(frame.index) == [0, 1] and list(frame["id"]) == ["A", "B"]
    assert list(frame["state"]) == ["recorded", "received"]
    assert str(frame["state"].dtype) == "category"
    assert str(frame["received"].dtype) == "datetime64[ns, UTC]"
    assert [t.timestamp() for t in frame["received"]] == [T0, T0 + 60]
    assert frame["rectification_deadline"].isna().all()
    assert frame["visit_method"].isna().all() and str(frame["visit_method"].dtype) == "category"
    assert str(frame["rule_escalate_to"].dtype) == "category"
    assert list(frame["channel"]) == [views[0].channel.label, views[1].channel.label]
    assert list(frame["building"]) == ["3", ""]
    assert list(frame["event_count"]) == [v.event_count for v in views]
    assert set(frame.columns) == set(f for f in views[0].__dataclass_fields__ if f != "index")
    with plaint.Ledger() as empty:
        assert len(empty.to_frame()) == 0
