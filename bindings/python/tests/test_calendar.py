"""plaint.Calendar: business hours, in Python.

Expected instants are worked by hand from the hours of examples/data/calendars/cn-office.json
(Mon-Fri 09:00-12:00 and 13:00-18:00 in Asia/Shanghai, UTC+8 all year, with the State Council's
2025 and 2026 holidays and make-up workdays); the comment beside each says how. Instants are
written as ISO 8601 text and read with plaint.parse_instant.
"""

from __future__ import annotations

import array
import ctypes
import datetime as dt
import gc
import json
import pickle
import re
import threading
from pathlib import Path
from typing import Iterator, List

import pytest

import plaint
from plaint import _marshal
from plaint._time import to_instant
from support import CALENDARS, HOUR, MINUTE, clean_env, copy_package, run_python

try:
    import numpy as np
except ImportError:  # pragma: no cover - dev.sh installs python3-numpy
    np = None

needs_numpy = pytest.mark.skipif(np is None, reason="numpy is not installed")
SHIPPED = [
    "24x7.json",
    "cn-hotline.json",
    "cn-office.json",
    "fr-paris-office.json",
    "us-new-york-office.json",
]

CST = dt.timezone(dt.timedelta(hours=8))
UTC = dt.timezone.utc
at = plaint.parse_instant


@pytest.fixture(scope="module")
def office() -> Iterator[plaint.Calendar]:
    with plaint.Calendar.from_file(CALENDARS / "cn-office.json") as c:
        yield c


@pytest.fixture
def without_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batch results as if numpy could not be imported."""
    monkeypatch.setattr(_marshal, "_numpy_cache", [None])


# ---- Single calls, hand-worked ------------------------------------------------------------


def test_hand_worked_answers(office: plaint.Calendar) -> None:
    # 31 Dec 17:00 + 2 h: 1 h to 18:00, 1-3 Jan closed, Sunday 4 Jan worked: 09:00-10:00.
    assert office.add(at("2025-12-31T17:00:00+08:00"), 2 * HOUR) == at("2026-01-04T10:00:00+08:00")
    # 11:30 + 1 h: 30 min to 12:00, lunch closed, 30 min from 13:00.
    assert office.add(at("2026-01-05T11:30:00+08:00"), HOUR) == at("2026-01-05T13:30:00+08:00")
    # The earliest instant: 11:00 + 1 h is the 12:00 closing, not the 13:00 reopening.
    assert office.add(at("2026-01-05T11:00:00+08:00"), HOUR) == at("2026-01-05T12:00:00+08:00")
    # The latest instant: 13:30 - 30 min is 13:00, not 12:00.
    assert office.sub(at("2026-01-05T13:30:00+08:00"), 30 * MINUTE) == at(
        "2026-01-05T13:00:00+08:00"
    )
    # 8 Oct 09:00 - 1 h: 1-7 Oct closed, so 17:00 on 30 Sep.
    assert office.sub(at("2026-10-08T09:00:00+08:00"), HOUR) == at("2026-09-30T17:00:00+08:00")
    # 30 Sep 15:00 + 24 h: 3 h, 8 Oct 8 h, 9 Oct 8 h, 5 h on Saturday 10 Oct (worked).
    assert office.add(at("2026-09-30T15:00:00+08:00"), 24 * HOUR) == at("2026-10-10T15:00:00+08:00")
    # 13 Feb (Fri) 8 h + 14 Feb (Sat, worked) 8 h + 15-23 Feb closed + 24 Feb 8 h.
    a, b = at("2026-02-13T00:00:00+08:00"), at("2026-02-25T00:00:00+08:00")
    assert office.between(a, b) == 24 * HOUR
    assert office.between(b, a) == -24 * HOUR
    assert office.between(a, a) == 0
    assert office.is_open(at("2026-01-05T12:30:00+08:00")) is False  # lunch
    assert office.is_open(at("2026-01-05T12:00:00+08:00")) is False  # closing is exclusive
    assert office.is_open(at("2026-01-05T09:00:00+08:00")) is True  # opening is inclusive
    assert office.is_open(at("2026-01-01T10:00:00+08:00")) is False  # New Year's Day
    assert office.is_open(at("2026-01-04T10:00:00+08:00")) is True  # Sunday, worked
    assert office.next_open(at("2026-09-30T18:00:00+08:00")) == at("2026-10-08T09:00:00+08:00")
    assert office.next_open(at("2026-01-05T10:00:00+08:00")) == at("2026-01-05T10:00:00+08:00")


def test_negative_durations_go_the_other_way(office: plaint.Calendar) -> None:
    t = at("2026-01-05T13:30:00+08:00")
    assert office.add(t, -30 * MINUTE) == office.sub(t, 30 * MINUTE)
    assert office.sub(at("2026-01-05T11:30:00+08:00"), -HOUR) == t


def test_datetimes_in_and_out(office: plaint.Calendar) -> None:
    due = office.add(dt.datetime(2025, 12, 31, 17, 0, tzinfo=CST), dt.timedelta(hours=2))
    assert isinstance(due, dt.datetime)
    assert due.utcoffset() == dt.timedelta(0)
    assert due == dt.datetime(2026, 1, 4, 10, 0, tzinfo=CST)
    assert due == dt.datetime(2026, 1, 4, 2, 0, tzinfo=UTC)  # the same instant in UTC
    back = office.sub(due, 2 * HOUR)
    assert back == dt.datetime(2025, 12, 31, 9, 0, tzinfo=UTC)  # 17:00 at +08:00
    nxt = office.next_open(dt.datetime(2026, 9, 30, 18, 0, tzinfo=CST))
    assert nxt == dt.datetime(2026, 10, 8, 9, 0, tzinfo=CST) and nxt.tzinfo is not None
    span = office.between(
        dt.datetime(2026, 2, 13, tzinfo=CST), dt.datetime(2026, 2, 25, tzinfo=CST)
    )
    assert span == 24 * HOUR and type(span) is int
    # Mixed: a datetime and an int.
    assert office.between(
        dt.datetime(2026, 2, 13, tzinfo=CST), at("2026-02-25T00:00:00+08:00")
    ) == (24 * HOUR)
    assert office.is_open(dt.datetime(2026, 1, 5, 4, 30, tzinfo=UTC)) is False  # 12:30 at +08
    # Ints in, ints out.
    assert type(office.add(at("2026-01-05T11:30:00+08:00"), HOUR)) is int
    # A microsecond is floored to the second, as for every instant.
    assert office.add(dt.datetime(2026, 1, 5, 11, 30, 0, 999999, tzinfo=CST), 0) == dt.datetime(
        2026, 1, 5, 11, 30, tzinfo=CST
    )


def test_bad_instants_and_durations(office: plaint.Calendar) -> None:
    with pytest.raises(plaint.InvalidArgumentError) as info:
        office.is_open(dt.datetime(2026, 1, 5, 10, 0))  # naive
    assert "naive" in info.value.message and isinstance(info.value, ValueError)
    with pytest.raises(plaint.InvalidArgumentError):
        office.add(dt.datetime(2026, 1, 5, 10, 0), HOUR)
    with pytest.raises(plaint.InvalidArgumentError):
        office.between(0, dt.datetime(2026, 1, 5, 10, 0))
    for wrong in (1.5, True, "3600", None):
        with pytest.raises(TypeError):
            office.add(at("2026-01-05T10:00:00+08:00"), wrong)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            office.is_open(wrong)  # type: ignore[arg-type]
    with pytest.raises(plaint.OutOfRangeError):
        office.add(0, dt.timedelta(milliseconds=1500))
    with pytest.raises(plaint.ArithmeticOverflowError):
        office.add(0, 2**63)
    with pytest.raises(plaint.ArithmeticOverflowError):
        office.is_open(-(2**63) - 1)


def test_instants_outside_the_years(office: plaint.Calendar) -> None:
    far = at("2300-01-01T00:00:00Z")
    early = at("1899-12-31T23:59:59Z")
    calls = [
        lambda: office.is_open(far),
        lambda: office.is_open(early),
        lambda: office.next_open(far),
        lambda: office.add(far, HOUR),
        lambda: office.sub(far, HOUR),
        lambda: office.between(0, far),
        lambda: office.add(0, 2**63 - 1),  # the answer would lie past 2199
        lambda: plaint.Calendar().add(0, far),
    ]
    for call in calls:
        with pytest.raises(plaint.OutOfRangeError) as info:
            call()
        assert info.value.code == -2
    with pytest.raises(plaint.ArithmeticOverflowError):
        office.add(0, -(2**63))  # cannot be negated
    with pytest.raises(plaint.ArithmeticOverflowError):
        plaint.Calendar().add(1, 2**63 - 1)  # 1 + max wraps


def test_a_calendar_that_never_opens_again() -> None:
    once = plaint.Calendar.from_json(
        {"timezone": "UTC", "dates": {"2026-01-05": [["09:00", "10:00"]]}}
    )
    assert once.next_open(at("2026-01-01T00:00:00Z")) == at("2026-01-05T09:00:00Z")
    with pytest.raises(plaint.NotFoundError) as info:
        once.next_open(at("2026-01-05T10:00:00Z"))
    assert isinstance(info.value, LookupError)
    with pytest.raises(plaint.OutOfRangeError):
        once.add(at("2026-01-05T09:30:00Z"), HOUR)


def test_always_open() -> None:
    for c in (plaint.Calendar(), plaint.Calendar.always_open(), plaint.Calendar.from_json("24x7")):
        with c:
            assert c.is_open(0) and c.add(0, 100) == 100 and c.sub(0, 100) == -100
            assert c.between(0, 100) == 100 and c.next_open(42) == 42
            assert c.to_json() == '"24x7"'
            assert repr(c) == "<plaint.Calendar 24x7>"


def test_posix_zone_agrees_with_the_iana_name() -> None:
    # CST-8 is UTC+8: POSIX counts hours west of Greenwich as positive.
    week = {"mon": [["09:00", "17:00"]]}
    posix = plaint.Calendar.from_json({"timezone": "CST-8", "week": week})
    iana = plaint.Calendar.from_json({"timezone": "Asia/Shanghai", "week": week})
    t = at("2026-01-05T16:00:00+08:00")
    # 16:00 + 1 h is 17:00 that Monday; + 2 h is 10:00 the next Monday.
    assert posix.add(t, HOUR) == iana.add(t, HOUR) == at("2026-01-05T17:00:00+08:00")
    assert posix.add(t, 2 * HOUR) == iana.add(t, 2 * HOUR) == at("2026-01-12T10:00:00+08:00")


# ---- Documents --------------------------------------------------------------------------


def test_five_calendars_are_shipped() -> None:
    assert sorted(p.name for p in CALENDARS.glob("*.json")) == SHIPPED


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_calendar_loads(name: str) -> None:
    path = CALENDARS / name
    with plaint.Calendar.from_file(path) as c:
        again = plaint.Calendar.from_json(c.to_json())
        assert again.to_json() == c.to_json()
        # from_file also takes a str path, and a dict gives the same calendar.
        assert plaint.Calendar.from_file(str(path)).to_json() == c.to_json()
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert plaint.Calendar.from_json(doc).to_json() == c.to_json()


def test_the_shipped_hotline_runs_past_midnight() -> None:
    # Day shift 08:00-22:00 and night shift 22:00-08:00, every day: always open in Shanghai.
    with plaint.Calendar.from_file(CALENDARS / "cn-hotline.json") as c:
        assert c.between(at("2026-10-01T00:00:00+08:00"), at("2026-10-08T00:00:00+08:00")) == (
            7 * 24 * HOUR
        )
        assert repr(c) == "<plaint.Calendar timezone='Asia/Shanghai'>"


def test_to_json_round_trip(office: plaint.Calendar) -> None:
    text = office.to_json()
    doc = json.loads(text)
    assert doc["timezone"] == "Asia/Shanghai"
    assert doc["week"]["mon"] == [["09:00", "12:00"], ["13:00", "18:00"]]
    again = plaint.Calendar.from_json(text)
    assert again.to_json() == text
    assert again.add(at("2025-12-31T17:00:00+08:00"), 2 * HOUR) == at("2026-01-04T10:00:00+08:00")
    assert plaint.Calendar.from_json(text.encode("utf-8")).to_json() == text


def test_a_dict_is_serialised_without_ascii_escapes() -> None:
    doc = {
        "name": "物业客服",
        "description": "前台 / front desk",
        "timezone": "UTC",
        "week": {"sat": [["10:00", "11:00"]]},
    }
    c = plaint.Calendar.from_json(doc)
    assert c.between(at("2026-01-03T00:00:00Z"), at("2026-01-04T00:00:00Z")) == HOUR  # Saturday


def test_a_parse_error_carries_line_and_column() -> None:
    with pytest.raises(plaint.ParseError) as info:
        plaint.Calendar.from_json('{\n  "timezone": "UTC",\n  }')
    err = info.value
    # The trailing comma is seen at the "}" on line 3, column 3.
    assert (err.line, err.column, err.pointer) == (3, 3, None)
    assert "line 3, column 3" in err.message
    with pytest.raises(plaint.ParseError) as info:
        plaint.Calendar.from_json(b'"24x7"\0')  # a NUL byte is not JSON
    assert (info.value.line, info.value.column) == (1, 7)
    with pytest.raises(plaint.ParseError):
        plaint.Calendar.from_json(b'{"timezone": "\xff"}')
    with pytest.raises(plaint.ParseError):
        plaint.Calendar.from_json("")


def test_a_validation_error_carries_the_pointer() -> None:
    with pytest.raises(plaint.ValidationError) as info:
        plaint.Calendar.from_json({"timezone": "UTC", "week": {"mon": [["09:00", "25:00"]]}})
    err = info.value
    # json.dumps writes '{"timezone": "UTC", "week": {"mon": [[...': the interval's "[" is
    # character 38 of line 1, counted by hand.
    assert (err.pointer, err.line, err.column) == ("/week/mon/0", 1, 38)
    assert "/week/mon/0: time '25:00' is not within 00:00-24:00" in err.message
    # Two problems, listed in document order: /week/mon/0 comes first.
    with pytest.raises(plaint.ValidationError) as info:
        plaint.Calendar.from_json(
            '{"week": {"mon": [["09:00", "25:00"]]}, "closed": ["2026-02-30"]}'
        )
    assert info.value.pointer == "/week/mon/0" and "has 2 problems" in info.value.message
    cases = {
        '{"week": {"tue": [["09:00", "12:00"], ["11:00", "13:00"]]}}': "/week/tue",
        '{"wek": {}}': "/wek",
        '"weekdays"': "/",
        "[]": "/",
        '{"closed": ["2026-01-05"], "dates": {"2026-01-05": []}}': "/dates/2026-01-05",
    }
    for text, pointer in cases.items():
        with pytest.raises(plaint.ValidationError) as info:
            plaint.Calendar.from_json(text)
        assert info.value.pointer == pointer, text


def test_locations_survive_pickling() -> None:
    with pytest.raises(plaint.ParseError) as info:
        plaint.Calendar.from_json("{\n  }}")
    copy = pickle.loads(pickle.dumps(info.value))
    assert (copy.code, copy.message, copy.line, copy.column, copy.pointer) == (
        info.value.code,
        info.value.message,
        info.value.line,
        info.value.column,
        None,
    )


def test_errors_without_a_place_have_none() -> None:
    with pytest.raises(plaint.NotFoundError) as info:
        plaint.Calendar.from_json({"timezone": "Mars/Olympus_Mons"})
    assert (info.value.pointer, info.value.line, info.value.column) == (None, None, None)
    with pytest.raises(plaint.NotFoundError):
        plaint.Calendar.from_json({"timezone": "XYZ"})
    with pytest.raises(plaint.OutOfRangeError) as info2:
        plaint.Calendar().is_open(at("2300-01-01T00:00:00Z"))
    assert (info2.value.pointer, info2.value.line, info2.value.column) == (None, None, None)


def test_hostile_documents() -> None:
    with pytest.raises(plaint.TooLargeError):
        plaint.Calendar.from_json("[" * 100 + "]" * 100)
    with pytest.raises(plaint.TooLargeError):
        plaint.Calendar.from_json(b" " * (17 << 20))
    with pytest.raises(plaint.EncodingError):
        plaint.Calendar.from_json('{"name": "\ud800"}')  # a lone surrogate
    with pytest.raises(TypeError):
        plaint.Calendar.from_json({"timezone": object()})  # type: ignore[dict-item]
    with pytest.raises(plaint.ValidationError) as info:
        plaint.Calendar.from_json(42)  # type: ignore[arg-type]  # serialised: "42"
    assert info.value.pointer == "/"
    # Every truncation of a shipped document is an error, never a crash or a calendar.
    text = (CALENDARS / "cn-office.json").read_bytes()
    for n in range(0, len(text) - 1, 97):
        with pytest.raises((plaint.ParseError, plaint.ValidationError)):
            plaint.Calendar.from_json(text[:n])


def test_from_file_errors(tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    with pytest.raises(plaint.FileError) as info:
        plaint.Calendar.from_file(missing)
    assert isinstance(info.value, OSError) and str(missing) in info.value.message
    bad = tmp_path / "bad.json"
    bad.write_text('{"timezone": 5}', encoding="utf-8")
    with pytest.raises(plaint.ValidationError) as info2:
        plaint.Calendar.from_file(bad)
    assert info2.value.pointer == "/timezone"


# ---- Batches ------------------------------------------------------------------------------

STARTS = [
    "2025-12-31T17:00:00+08:00",
    "2026-01-05T11:30:00+08:00",
    "2026-09-30T15:00:00+08:00",
    "2026-02-13T17:00:00+08:00",
    "2026-05-09T09:00:00Z",
    "2026-10-10T11:59:00+08:00",
]
DURATIONS = [2 * HOUR, HOUR, 24 * HOUR, 2 * HOUR, -30 * MINUTE, 0]
# The first three as worked above; the others checked against the single calls.
DUE = ["2026-01-04T10:00:00+08:00", "2026-01-05T13:30:00+08:00", "2026-10-10T15:00:00+08:00"]


def _starts() -> List[int]:
    return [at(s) for s in STARTS]


def test_batches_equal_the_single_calls(office: plaint.Calendar) -> None:
    t = _starts()
    out = office.add_many(t, DURATIONS)
    if np is not None:
        assert isinstance(out, np.ndarray) and out.dtype == np.int64 and out.shape == (6,)
    else:  # pragma: no cover
        assert isinstance(out, list)
    assert list(out[:3]) == [at(s) for s in DUE]
    assert list(out) == [office.add(a, d) for a, d in zip(t, DURATIONS)]
    back = office.sub_many(out, DURATIONS)
    assert list(back) == [office.sub(int(a), d) for a, d in zip(out, DURATIONS)]
    assert list(back[:3]) == t[:3]  # sub after add gives t back when t is open
    spans = office.between_many(t, out)
    assert list(spans) == DURATIONS  # add then between gives the duration back
    assert list(spans) == [office.between(a, int(b)) for a, b in zip(t, out)]


@needs_numpy
def test_every_input_kind_gives_the_same_answers(office: plaint.Calendar) -> None:
    t = _starts()
    expected = list(office.add_many(t, DURATIONS))
    inputs = [
        (tuple(t), tuple(DURATIONS)),
        (array.array("q", t), array.array("q", DURATIONS)),
        (array.array("l", t), array.array("i", DURATIONS)),  # other typecodes: read item by item
        (np.array(t, dtype=np.int64), np.array(DURATIONS, dtype=np.int64)),
        (np.array(t, dtype=">i8"), np.array(DURATIONS, dtype=np.int32)),  # converted
        (np.repeat(np.array(t, dtype=np.int64), 2)[::2], DURATIONS),  # not contiguous
        (np.array(t, dtype=np.uint64), np.array(DURATIONS, dtype=np.intc)),
        (
            [dt.datetime.fromtimestamp(x, CST) for x in t],
            [dt.timedelta(seconds=d) for d in DURATIONS],
        ),
        (iter(t), (d for d in DURATIONS)),
    ]
    for starts, seconds in inputs:
        got = list(office.add_many(starts, seconds))
        if isinstance(starts, list):  # datetimes in, aware UTC datetimes back (issue 13)
            assert all(d.tzinfo is dt.timezone.utc for d in got)
            got = [int(d.timestamp()) for d in got]
        assert got == expected, (type(starts), type(seconds))


@needs_numpy
def test_contiguous_int64_arrays_are_not_copied(
    office: plaint.Calendar, monkeypatch: pytest.MonkeyPatch
) -> None:
    t = np.array(_starts(), dtype=np.int64)
    d = np.array(DURATIONS, dtype=np.int64)
    expected = list(office.add_many(list(t), list(d)))

    def no_copy(*args: object, **kwargs: object) -> None:
        raise AssertionError("a contiguous int64 array was converted")

    monkeypatch.setattr(np, "ascontiguousarray", no_copy)
    assert list(office.add_many(t, d)) == expected
    ptr, n, keep = _marshal.int64s(t, "t", to_instant)
    assert keep is t and n == 6
    assert ctypes.addressof(ptr.contents) == t.ctypes.data


def test_an_int64_array_array_is_not_copied() -> None:
    q = array.array("q", _starts())
    ptr, n, keep = _marshal.int64s(q, "t", to_instant)
    assert keep is q and n == 6
    assert ctypes.addressof(ptr) == q.buffer_info()[0]


def test_lists_come_back_without_numpy(office: plaint.Calendar, without_numpy: None) -> None:
    t = _starts()
    out = office.add_many(t, DURATIONS)
    assert type(out) is list and all(type(x) is int for x in out)
    assert out[:3] == [at(s) for s in DUE]
    assert office.sub_many(out, DURATIONS)[:3] == t[:3]
    assert office.between_many(t, out) == DURATIONS
    assert office.add_many(array.array("q", t), array.array("q", DURATIONS)) == out
    assert office.add_many([], []) == []


def test_numpy_stays_optional(tmp_path: Path, package_dir: Path, library_file: Path) -> None:
    # In a fresh interpreter where numpy cannot be imported: plaint imports, and the batch
    # calls answer with lists.
    copy_package(package_dir, tmp_path)
    code = (
        "import sys\n"
        "import plaint\n"
        "assert 'numpy' not in sys.modules, 'plaint imported numpy'\n"
        "sys.modules['numpy'] = None\n"
        "import array\n"
        "week = {'mon': [['09:00', '17:00']]}\n"
        "c = plaint.Calendar.from_json({'timezone': 'UTC', 'week': week})\n"
        "t = plaint.parse_instant('2026-01-05T16:00:00Z')\n"
        "print(c.add_many([t, t], [3600, 7200]))\n"
        "print(c.add_many(array.array('q', [t]), array.array('q', [7200])))\n"
        "print(c.between_many((t,), (t + 86400,)))\n"
    )
    env = clean_env(PLAINT_LIBRARY=str(library_file), PYTHONPATH=str(tmp_path))
    result = run_python(code, tmp_path, env)
    assert result.returncode == 0, result.stderr
    # Monday 5 Jan 16:00 + 1 h is 17:00; + 2 h is 09:00 + 1 h on Monday 12 Jan.
    t = at("2026-01-05T16:00:00Z")
    mon17, next10 = t + HOUR, at("2026-01-12T10:00:00Z")
    assert result.stdout.splitlines() == [f"[{mon17}, {next10}]", f"[{next10}]", f"[{HOUR}]"]


def test_batch_errors(office: plaint.Calendar) -> None:
    t = _starts()
    with pytest.raises(plaint.InvalidArgumentError) as info:
        office.add_many(t, DURATIONS[:-1])
    assert isinstance(info.value, ValueError)
    assert info.value.message == "starts has 6 items but seconds has 5"
    with pytest.raises(ValueError):
        office.between_many(array.array("q", t), t[:2])
    t[2] = at("2300-01-01T00:00:00Z")
    for call in (office.add_many, office.sub_many):
        with pytest.raises(plaint.OutOfRangeError) as info2:
            call(t, DURATIONS)
        assert info2.value.message.startswith("at index 2: ")
    with pytest.raises(plaint.OutOfRangeError) as info2:
        office.between_many(t, t)
    assert info2.value.message.startswith("at index 2: ")
    with pytest.raises(plaint.ArithmeticOverflowError) as info3:
        office.add_many(_starts(), [0, -(2**63), 0, 0, 0, 0])
    assert info3.value.message.startswith("at index 1: ")
    with pytest.raises(TypeError):
        office.add_many([1.5], [0])
    with pytest.raises(TypeError):
        office.add_many(array.array("d", [1.0]), [0])
    with pytest.raises(TypeError):
        office.add_many("123", [0, 0, 0])
    with pytest.raises(TypeError):
        office.add_many(5, [0])
    with pytest.raises(plaint.InvalidArgumentError):
        office.add_many([dt.datetime(2026, 1, 5)], [0])  # naive
    with pytest.raises(plaint.ArithmeticOverflowError):
        office.add_many([2**63], [0])
    assert list(office.add_many([], [])) == []


@needs_numpy
def test_batch_errors_with_numpy(office: plaint.Calendar) -> None:
    with pytest.raises(ValueError):
        office.between_many(np.array(_starts()), np.array(_starts()[:2]))
    with pytest.raises(plaint.ArithmeticOverflowError):
        office.add_many([0], np.array([2**64 - 1], dtype=np.uint64))
    with pytest.raises(TypeError):
        office.add_many(np.array([1.5]), [0])
    with pytest.raises(TypeError):
        office.add_many(np.array([True]), [0])
    with pytest.raises(plaint.InvalidArgumentError):
        office.add_many(np.zeros((2, 2), dtype=np.int64), np.zeros((2, 2), dtype=np.int64))
    empty = office.add_many([], np.array([], dtype=np.int64))
    assert isinstance(empty, np.ndarray) and empty.shape == (0,)


# ---- Handles and threads ------------------------------------------------------------------


def test_close_and_context_manager() -> None:
    c = plaint.Calendar.from_file(CALENDARS / "cn-office.json")
    assert not c.closed
    c.close()
    c.close()
    assert c.closed and repr(c) == "<plaint.Calendar (closed)>"
    for call in (
        lambda: c.is_open(0),
        lambda: c.add(0, 0),
        lambda: c.add_many([0], [0]),
        lambda: c.to_json(),
        lambda: c.between(0, 0),
    ):
        with pytest.raises(plaint.ClosedError) as info:
            call()
        assert str(info.value) == "calendar is closed"
    with plaint.Calendar() as d:
        pass
    assert d.closed


def test_the_finalizer_frees_an_unclosed_calendar() -> None:
    c = plaint.Calendar.from_file(CALENDARS / "cn-office.json")
    finalizer = c._finalizer
    assert finalizer.alive
    del c
    gc.collect()
    assert not finalizer.alive


def test_threads_share_one_calendar(office: plaint.Calendar) -> None:
    base = at("2025-01-01T00:00:00+08:00")
    starts = array.array("q", (base + i * 7919 * 60 for i in range(2000)))
    durations = array.array("q", [1000 * 60] * 2000)
    expected = [office.add(s, 1000 * 60) for s in starts]  # one at a time, one thread
    errors: list = []

    def work() -> None:
        try:
            for _ in range(5):
                got = office.add_many(starts, durations)
                assert list(got) == expected
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []


def test_tzdb_version() -> None:
    v = plaint.tzdb_version()
    assert isinstance(v, str)
    # A year and a letter ("2024a"), or "" where the database does not say which it is.
    assert v == "" or re.fullmatch(r"\d{4}[a-z]+", v)
