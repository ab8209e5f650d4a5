"""Instants: ISO 8601 text, ints and datetimes. Each constant is worked by hand (see the
comments) and checked again with Python's datetime."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import plaint
from support import DAY, HOUR, MINUTE, T0, snapshot

UTC = timezone.utc
PLUS8 = timezone(timedelta(hours=8))

# 2026-01-04T09:00:00+08:00 = 01:00:00Z: 2026-01-01 is day 20454 (56 * 365 + 14 leap days),
# so 2026-01-04 is day 20457; 20457 * 86400 + 3600 = 1767488400.
JAN4 = 1767488400


def test_hand_worked_constants_agree_with_datetime() -> None:
    assert JAN4 == int(
        (datetime(2026, 1, 4, 9, tzinfo=PLUS8) - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()
    )
    assert T0 == int(datetime(2026, 3, 2, 9, 15, tzinfo=PLUS8).timestamp())


def test_parse() -> None:
    assert plaint.parse_instant("2026-01-04T09:00:00+08:00") == JAN4
    assert plaint.parse_instant("2026-01-04T01:00:00Z") == JAN4
    assert plaint.parse_instant(b"2026-01-04T01:00:00Z") == JAN4
    assert plaint.parse_instant("1970-01-01T00:00:00Z") == 0
    assert plaint.parse_instant("1969-12-31T23:59:59Z") == -1
    # A fraction is truncated: .999 s still belongs to 01:00:00.
    assert plaint.parse_instant("2026-01-04T01:00:00.999Z") == JAN4
    assert plaint.parse_instant("2026-03-02T09:15:00+08:00") == T0


def test_format() -> None:
    assert plaint.format_instant(JAN4) == "2026-01-04T01:00:00Z"
    assert plaint.format_instant(JAN4, 8 * HOUR) == "2026-01-04T09:00:00+08:00"
    # 01:00 UTC at -05:30 is 19:30 the day before.
    assert plaint.format_instant(JAN4, -(5 * HOUR + 30 * MINUTE)) == "2026-01-03T19:30:00-05:30"
    assert plaint.format_instant(JAN4, timedelta(hours=8)) == "2026-01-04T09:00:00+08:00"
    assert plaint.format_instant(0) == "1970-01-01T00:00:00Z"


def test_round_trip() -> None:
    for text in ("2026-03-02T09:15:00+08:00", "2026-01-04T01:00:00Z", "1999-12-31T23:59:59-03:00"):
        offset = 0 if text.endswith("Z") else int(text[-6:-3]) * HOUR
        assert plaint.format_instant(plaint.parse_instant(text), offset) == text


def test_malformed_text_is_a_parse_error() -> None:
    for text in ("yesterday", "", "2026-01-04T09:00:00+08:00junk", "2026-01-04T09:00:00\0Z"):
        with pytest.raises(plaint.ParseError) as info:
            plaint.parse_instant(text)
        assert info.value.code == -3


def test_out_of_range() -> None:
    with pytest.raises(plaint.OutOfRangeError):
        plaint.parse_instant("1399-12-31T23:59:59Z")  # before year 1400
    with pytest.raises(plaint.OutOfRangeError):
        plaint.format_instant(JAN4, 30)  # not a whole minute
    with pytest.raises(plaint.OutOfRangeError):
        plaint.format_instant(JAN4, 19 * HOUR)  # beyond +18:00
    with pytest.raises(plaint.OutOfRangeError):
        plaint.format_instant(JAN4, timedelta(milliseconds=1))
    with pytest.raises(plaint.OutOfRangeError):
        plaint.format_instant(JAN4, 2**31)
    with pytest.raises(plaint.OutOfRangeError):
        plaint.format_instant(253402300800)  # 10000-01-01T00:00:00Z


def test_aware_datetimes_equal_their_int() -> None:
    with plaint.Complaint("C-1", datetime(2026, 3, 2, 9, 15, tzinfo=PLUS8)) as c:
        assert c.received == T0
        assert isinstance(c.received, int)
        c.received = datetime(2026, 3, 2, 1, 15, tzinfo=UTC) + timedelta(days=1)
        assert c.received == T0 + DAY
    assert plaint.format_instant(datetime(2026, 1, 4, 9, tzinfo=PLUS8)) == "2026-01-04T01:00:00Z"


def test_datetimes_are_floored_to_the_second() -> None:
    with plaint.Complaint("C-1", datetime(2026, 3, 2, 9, 15, 0, 999999, tzinfo=PLUS8)) as c:
        assert c.received == T0
    # Half a second before the epoch lies in second -1.
    with plaint.Complaint("C-2", datetime(1969, 12, 31, 23, 59, 59, 500000, tzinfo=UTC)) as c:
        assert c.received == -1


def test_datetimes_in_apply(complaint: plaint.Complaint) -> None:
    complaint.apply("record", datetime(2026, 3, 2, 9, 20, tzinfo=PLUS8), "duty_staff")
    assert complaint.events[-1].at == T0 + 5 * MINUTE
    assert complaint.events[-1].at_datetime == datetime(2026, 3, 2, 1, 20, tzinfo=UTC)


def test_a_naive_datetime_is_a_value_error(complaint: plaint.Complaint) -> None:
    naive = datetime(2026, 3, 2, 9, 15)
    with pytest.raises(ValueError):
        plaint.Complaint("C-1", naive)
    before = snapshot(complaint)
    with pytest.raises(plaint.InvalidArgumentError):
        complaint.apply("record", naive, "duty_staff")
    with pytest.raises(ValueError):
        complaint.received = naive
    with pytest.raises(ValueError):
        plaint.format_instant(naive)
    assert snapshot(complaint) == before


def test_bools_floats_and_text_are_type_errors(complaint: plaint.Complaint) -> None:
    before = snapshot(complaint)
    for value in (True, float(T0), "2026-03-02T09:15:00+08:00", None):
        with pytest.raises(TypeError):
            complaint.received = value  # type: ignore[assignment]
        with pytest.raises(TypeError):
            complaint.apply("record", value, "duty_staff")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        plaint.Complaint("C-1", 1.5)  # type: ignore[arg-type]
    assert snapshot(complaint) == before


def test_an_int_beyond_int64_overflows(complaint: plaint.Complaint) -> None:
    before = snapshot(complaint)
    with pytest.raises(OverflowError) as info:
        complaint.received = 2**63  # would wrap to -2**63 if passed on
    assert isinstance(info.value, plaint.ArithmeticOverflowError)
    assert snapshot(complaint) == before
