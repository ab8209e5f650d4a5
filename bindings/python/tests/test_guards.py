"""Python that never wraps, races or guesses (issue 13, "Why", from Python).

Every integer crossing into C is range-checked and refused with an error naming the argument
(ctypes would wrap it silently: 2**64 + 5 is 5 as a size_t); a handle is never freed under a
call running in another thread; "unset" is None, never a magic 0; the batch paths check their
values as the single-item paths do; labelled inputs (pandas Series) are aligned by label or
refused; an instant without an ISO 8601 form is refused where it comes in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Dict, Iterator

import pytest

import plaint
from plaint import satisfaction as sat
from support import CALENDARS, HOUR, T0, clean_env, run_python

try:
    import numpy as np
    import pandas as pd
except ImportError:  # pragma: no cover - dev.sh installs python3-numpy and python3-pandas
    np = pd = None

needs_pandas = pytest.mark.skipif(pd is None, reason="numpy and pandas are not installed")

# 2**64 + 5 wrapped to a size_t is 5; 2**32 + 12 wrapped to an int32 is 12 (the cases).
BEYOND_SIZE_T = 2**64 + 5
BEYOND_INT32 = 2**32 + 12


@pytest.fixture
def ledger() -> Iterator[plaint.Ledger]:
    """Two complaints, "A" (index 0) and "B" (index 1), received at T0, in October 2026's
    neighbourhood (T0 is 2026-03-02T01:15:00Z)."""
    with plaint.Ledger() as l:
        l.add({"id": "A", "received": T0})
        l.add({"id": "B", "received": T0 + 60})
        yield l


# ---- integers are range-checked, never wrapped ----------------------------------------------


@pytest.mark.parametrize("key", [BEYOND_SIZE_T, 2**64, 2**64 + 1, 2**100])
def test_a_ledger_index_beyond_size_t_is_refused(ledger: plaint.Ledger, key: int) -> None:
    for read in (ledger.view, ledger.complaint, ledger.to_complaint):
        with pytest.raises(plaint.OutOfRangeError) as info:
            read(key)
        assert str(key) in info.value.message


def test_a_negative_index_counts_from_the_end_or_is_reported_as_given(
    ledger: plaint.Ledger,
) -> None:
    assert ledger.view(-1).id == "B" and ledger.view(-2).id == "A"
    with pytest.raises(plaint.OutOfRangeError) as info:
        ledger.view(-5)
    assert "-5" in info.value.message
    assert "18446744073" not in info.value.message  # not -3 as a size_t


def test_add_event_beyond_size_t_escalates_nothing(ledger: plaint.Ledger) -> None:
    for i in (0, 1):
        before = ledger.event_count
        with pytest.raises(plaint.OutOfRangeError) as info:
            ledger.add_event(2**64 + i, "record", T0 + HOUR, "duty_staff")
        assert str(2**64 + i) in info.value.message
        assert ledger.event_count == before
        assert ledger.view(i).state is plaint.State.RECEIVED


def test_classify_many_reporter_count_beyond_int32_is_refused() -> None:
    profile = plaint.Profile.default()
    with pytest.raises(plaint.OutOfRangeError) as info:
        profile.classify_many(reporter_count=[BEYOND_INT32])
    assert "reporter count" in info.value.message and str(BEYOND_INT32) in info.value.message
    if np is not None:
        with pytest.raises(plaint.OutOfRangeError) as info:
            profile.classify_many(reporter_count=np.array([1, BEYOND_INT32], dtype=np.int64))
        assert info.value.message.startswith("at row 1: ")


def test_report_top_beyond_uint32_is_refused(ledger: plaint.Ledger) -> None:
    for top in (2**32 + 3, 2**64, 0, -1):
        with pytest.raises(plaint.OutOfRangeError) as info:
            ledger.report(top=top)
        assert "top" in info.value.message
    with pytest.raises(TypeError):
        ledger.report(top=3.0)  # type: ignore[arg-type]


def test_mttr_repairs_beyond_uint64_are_refused() -> None:
    assert sat.mttr(100, 4) == 25.0  # 100 s over 4 repairs
    with pytest.raises(plaint.OutOfRangeError) as info:
        sat.mttr(100, 2**64 + 1)  # would be mttr(100, 1) = 100.0
    assert "repairs" in info.value.message


def test_random_index_n_beyond_size_t_is_refused() -> None:
    assert sat.random_index(3) == pytest.approx(0.58)  # Saaty (1980), RI(3) = 0.58
    with pytest.raises(plaint.OutOfRangeError) as info:
        sat.random_index(2**64 + 3)  # would be RI(3)
    assert "n" in info.value.message and str(2**64 + 3) in info.value.message
    with pytest.raises(plaint.OutOfRangeError) as info:
        sat.random_index(-1)
    assert "n -1 is outside" in info.value.message  # not -1 wrapped to 18446744073709551615


def test_a_share_with_impossible_counts_is_refused() -> None:
    with pytest.raises(plaint.OutOfRangeError) as info:
        sat.Share(0.5, -5, 0.1, 0.9, 2)
    assert "n" in info.value.message and "-5" in info.value.message
    with pytest.raises(plaint.OutOfRangeError):
        sat.Share(0.5, 2**64, 0.1, 0.9, 2)
    with pytest.raises(plaint.OutOfRangeError):
        sat.Share(0.5, 4, 0.1, 0.9, -1)
    with pytest.raises(plaint.InvalidArgumentError):
        sat.Share(0.5, 4, 0.1, 0.9, 5)  # more successes than answers
    share = sat.Share(0.8, 10, 0.49, 0.94, 8)  # csat of 8 out of 10
    assert sat.check_target(share, 0.85) is sat.Verdict.UNDECIDED


def test_sample_size_population_unset_is_none() -> None:
    # n0 = 1.96^2 * 0.25 / 0.05^2 = 384.16, rounded up; with N = 1000: n0 / (1 + (n0 - 1)/N)
    # = 384.16 / 1.38316 = 277.7, rounded up.
    assert sat.sample_size(0.05) == 385 and sat.sample_size(0.05, population=None) == 385
    assert sat.sample_size(0.05, population=1000) == 278
    with pytest.raises(plaint.InvalidArgumentError) as info:
        sat.sample_size(0.05, population=0)
    assert "population" in info.value.message


# ---- unset is None, never 0 -----------------------------------------------------------------


def test_report_confidence_zero_is_refused_not_the_default(ledger: plaint.Ledger) -> None:
    assert ledger.report()["confidence"] == 0.95
    assert ledger.report(confidence=None)["confidence"] == 0.95
    assert ledger.report(confidence=0.9)["confidence"] == 0.9
    for bad in (0, 0.0, 1, -0.5, float("nan")):
        with pytest.raises(plaint.InvalidArgumentError) as info:
            ledger.report(confidence=bad)
        assert "confidence" in info.value.message


def test_report_csat_target_zero_is_refused_not_the_default(ledger: plaint.Ledger) -> None:
    assert ledger.report()["csat_target"] == 0.85
    assert ledger.report(csat_target=None)["csat_target"] == 0.85
    assert ledger.report(csat_target=0.9)["csat_target"] == 0.9
    for bad in (0, 0.0, 1.5, -0.1, float("nan")):
        with pytest.raises(plaint.InvalidArgumentError) as info:
            ledger.report_csv(csat_target=bad)
        assert "csat_target" in info.value.message


# ---- the batch validates as the single path -------------------------------------------------

BAD_FIELDS = [
    ("reporter_count", 0),
    ("reporter_count", -3),
    ("reporter_count", 1_000_001),
    ("content", b"\xff\xfe"),
    ("content", b"\xc3\x28"),
    ("content", "a\0b"),
    ("content", "x" * 65537),
    ("building", "x" * 257),
    ("unit", b"\xed\xa0\x80"),  # an encoded surrogate is not UTF-8
]


@pytest.mark.parametrize(
    "field,value", BAD_FIELDS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_FIELDS)]
)
def test_classify_many_refuses_what_complaint_refuses(field: str, value: Any) -> None:
    with pytest.raises(plaint.Error) as single:
        plaint.Complaint("X", T0, **{field: value})
    good: Dict[str, Any] = {"reporter_count": 1, "content": "", "building": "", "unit": ""}
    with pytest.raises(plaint.Error) as batch:
        plaint.Profile.default().classify_many(**{field: [good[field], good[field], value]})
    assert type(batch.value) is type(single.value)
    assert batch.value.message.startswith("at row 2: ")


def test_classify_many_refuses_instants_complaint_refuses() -> None:
    with pytest.raises(plaint.OutOfRangeError):
        plaint.Complaint("X", 2**62)
    with pytest.raises(plaint.OutOfRangeError) as info:
        plaint.Profile.default().classify_many(received=[T0, 2**62])
    assert info.value.message.startswith("received[1] ")
    if np is not None:
        with pytest.raises(plaint.OutOfRangeError) as info:
            plaint.Profile.default().classify_many(received=np.array([T0, 2**62]))
        assert info.value.message.startswith("at row 1: ")


def test_classify_many_still_takes_what_complaint_takes() -> None:
    out = plaint.Profile.default().classify_many(
        reporter_count=[1, 1_000_000],
        content=["漏水", b"\xe6\xbc\x8f\xe6\xb0\xb4"],  # the same text as str and as UTF-8
        building=[None, "x" * 256],
        received=[T0, 253402300799],
    )
    assert len(out["nature"]) == 2


# ---- labelled inputs: aligned by label, or refused ------------------------------------------

TREE = [{"name": "a", "weight": 3}, {"name": "b", "weight": 1}]


@needs_pandas
def test_weighted_index_aligns_a_series_by_label() -> None:
    # Global weights 0.75 (a) and 0.25 (b). By label a = 1 (0 on 0..100) and b = 5 (100):
    # 0.75 * 0 + 0.25 * 100 = 25.0; read by position (a = 5, b = 1) it would be 75.0.
    scores = pd.Series([5.0, 1.0], index=["b", "a"])
    assert sat.weighted_index(TREE, scores).value == pytest.approx(25.0)
    assert sat.weighted_index(TREE, {"b": 5.0, "a": 1.0}).value == pytest.approx(25.0)
    assert sat.weighted_index(TREE, [1.0, 5.0]).value == pytest.approx(25.0)
    with pytest.raises(plaint.InvalidArgumentError):
        sat.weighted_index(TREE, pd.Series([1.0, 5.0]))  # labels 0, 1 name no item


@needs_pandas
def test_weighted_index_of_a_profile_survey_reads_a_series_by_label() -> None:
    survey = plaint.Profile.default().survey("return_visit")
    paths = list(survey.item_paths)
    # Item k scores 1 + k % 5; the Series lists the items in reverse order.
    by_path = {p: float(1 + k % 5) for k, p in enumerate(paths)}
    series = pd.Series([by_path[p] for p in reversed(paths)], index=list(reversed(paths)))
    expected = sat.weighted_index(survey, by_path).value  # a mapping is read by label
    assert sat.weighted_index(survey, series).value == pytest.approx(expected)
    assert sat.weighted_index(survey, [by_path[p] for p in paths]).value == pytest.approx(
        expected
    )


@needs_pandas
def test_series_with_different_labels_are_refused() -> None:
    a = pd.Series([4.0, 5.0, 3.0, 2.0], index=[10, 11, 12, 13])
    shuffled = pd.Series([4.0, 3.0, 5.0, 2.0], index=[10, 12, 11, 13])
    with pytest.raises(plaint.InvalidArgumentError) as info:
        sat.key_drivers(a, {"x": shuffled, "y": a * 2 % 3})
    assert "labels" in info.value.message
    with pytest.raises(plaint.InvalidArgumentError):
        sat.group({"building": pd.Series([1, 1, 2, 2], index=a.index)}, {"q": shuffled})
    with pytest.raises(plaint.InvalidArgumentError):
        plaint.Profile.default().classify_many(
            reporter_count=pd.Series([1, 2, 3, 4], index=a.index),
            repeat_count=pd.Series([0, 0, 0, 0], index=shuffled.index),
        )
    with plaint.Calendar.from_file(CALENDARS / "cn-office.json") as office:
        starts = pd.Series([T0, T0 + 60], index=["x", "y"])
        with pytest.raises(plaint.InvalidArgumentError):
            office.add_many(starts, pd.Series([60, 120], index=["y", "x"]))
        same = office.add_many(starts, pd.Series([60, 120], index=["x", "y"]))
        assert list(same) == [office.add(T0, 60), office.add(T0 + 60, 120)]
    grouped = sat.group({"building": pd.Series([1, 1, 2, 2], index=a.index)}, {"q": a})
    assert list(grouped.columns["q_mean"]) == [4.5, 2.5]  # (4 + 5)/2, (3 + 2)/2


# ---- a handle is not freed under a running call ---------------------------------------------

RACE = """
import threading
import numpy as np
import plaint

{setup}
started = threading.Event()
outcome = []

def work():
    try:
        while True:
            started.set()
            {call}
    except plaint.ClosedError:
        outcome.append("closed")
    except BaseException as exc:
        outcome.append(repr(exc))

threads = [threading.Thread(target=work) for _ in range(3)]
for t in threads:
    t.start()
started.wait()
obj.close()
for t in threads:
    t.join()
print(sorted(outcome))
"""

RACES = {
    "calendar": (
        "obj = plaint.Calendar.from_file({calendars!r} + '/cn-office.json')\n"
        "starts = np.full(1_000_000, 1772414100, dtype=np.int64)\n"
        "seconds = np.full(1_000_000, 30 * 3600, dtype=np.int64)",
        "obj.add_many(starts, seconds)",
    ),
    "profile": (
        "obj = plaint.Profile.default()\n"
        "counts = np.ones(300_000, dtype=np.int32)",
        "obj.classify_many(reporter_count=counts)",
    ),
    "policy_set": (
        "obj = plaint.PolicySet.default()\n"
        "c = plaint.Complaint('C', 1772414100)",
        "c.clocks(obj, 'repair_urgent', 1772414100 + 3600)",
    ),
}


@pytest.mark.parametrize("kind", sorted(RACES))
def test_closing_while_other_threads_call_waits_for_them(
    kind: str, tmp_path: Path, library_file: Path
) -> None:
    setup, call = RACES[kind]
    code = RACE.format(setup=setup.format(calendars=str(CALENDARS)), call=call)
    package_root = str(Path(plaint.__file__).parent.parent)
    env = clean_env(PLAINT_LIBRARY=str(library_file), PYTHONPATH=package_root)
    result = run_python(code, tmp_path, env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "['closed', 'closed', 'closed']"


def test_a_call_after_close_raises_closed_error() -> None:
    office = plaint.Calendar.from_file(CALENDARS / "cn-office.json")
    office.close()
    office.close()  # idempotent
    with pytest.raises(plaint.ClosedError):
        office.add_many([T0], [60])
    profile = plaint.Profile.default()
    profile.close()
    with pytest.raises(plaint.ClosedError):
        plaint.Ledger(profile)


# ---- instants without an ISO 8601 form are refused at input ---------------------------------


def test_an_instant_past_year_9999_is_refused_where_it_comes_in(ledger: plaint.Ledger) -> None:
    with pytest.raises(plaint.OutOfRangeError) as info:
        plaint.Complaint("X", 2**62)
    assert "received" in info.value.message
    with plaint.Complaint("X", T0) as c:
        with pytest.raises(plaint.OutOfRangeError):
            c.received = 2**62
        with pytest.raises(plaint.OutOfRangeError) as info:
            c.apply("record", 2**62, "duty_staff")
        assert "at" in info.value.message
        assert len(c.events) == 1
    with pytest.raises(plaint.OutOfRangeError):
        ledger.add_event("A", "record", 2**62, "duty_staff")
    # The last instant with an ISO 8601 form is taken and reads back as a datetime.
    with plaint.Complaint("Y", 253402300799) as c:
        last = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc)
        assert c.events[0].at_datetime == last
        assert "9999-12-31T23:59:59Z" in c.to_json()


def test_an_event_instant_beyond_datetime_is_an_out_of_range_error() -> None:
    event = plaint.Event(
        plaint.EventType.RECEIVE,
        2**62,
        plaint.Role.DUTY_STAFF,
        "",
        plaint.Nature.UNJUDGED,
        plaint.Severity.UNSET,
        None,
        None,
        None,
        plaint.State.RECEIVED,
        plaint.State.RECEIVED,
    )
    with pytest.raises(plaint.OutOfRangeError):
        event.at_datetime
