"""Hostile JSON through plaint's loaders (issue 12), the cases of tests/unit/test_json_hostile.cpp.

A 16 MiB profile of empty rule rows is refused at the first row over 10,000; a 2 MiB calendar
of empty objects gives 100 problems and "and N more problems"; a parse error is one problem with
its place, said once; a calendar that failed is not reported again as undefined; a calendar never
open and a duration beyond the calendars' years are refused with their pointers. Columns were
counted by hand.
"""

from __future__ import annotations

import pytest

import plaint

MIB = 1 << 20


def empties(head: str, tail: str, size: int) -> tuple[str, int]:
    """head, then as many "{}" (comma-separated) as fit in `size` bytes with tail; and their number."""
    n = (size - len(head) - len(tail) + 1) // 3
    return head + ",".join(["{}"] * n) + tail, n


def test_rows_refused_at_the_first_over() -> None:
    head = '{"plaint_profile": 1, "rules": {"sections": [{"name": "s", "rows": ['
    doc, n = empties(head, "]}]}}", 16 * MIB)
    assert n > 5_000_000 and len(doc) <= 16 * MIB
    with pytest.raises(plaint.TooLargeError) as info:
        plaint.Profile.from_json(doc)
    assert [(p.pointer, p.line, p.column, p.message) for p in info.value.problems] == [
        ("/rules/sections/0/rows/10000", 1, len(head) + 3 * 10000 + 1, "more than 10,000 rows")
    ]


def test_problems_capped_with_a_count() -> None:
    doc, n = empties('{"timezone": "UTC", "closed": [', "]}", 2 * MIB)
    with pytest.raises(plaint.ValidationError) as info:
        plaint.Calendar.from_json(doc)
    problems = info.value.problems
    assert len(problems) == 101
    assert problems[0][:3] == ("/closed/0", 1, 32)
    assert problems[99].pointer == "/closed/99"
    assert problems[100] == plaint.Problem("", 0, 0, f"and {n - 100} more problems")
    assert len(str(info.value)) < 20_000


def test_parse_error_is_one_problem_said_once() -> None:
    # Line 2 is ` "name": tru}`: the parser sees the error at the '}' (column 13).
    with pytest.raises(plaint.ParseError) as info:
        plaint.Profile.from_json('{"plaint_profile": 1,\n "name": tru}')
    err = info.value
    assert [(p.pointer, p.line, p.column) for p in err.problems] == [("/name", 2, 13)]
    assert (err.line, err.column) == (2, 13)
    assert err.message.count("line") == 1
    assert "line 2, column 13" in err.message


def test_failed_calendar_not_undefined_too() -> None:
    with pytest.raises(plaint.ValidationError) as info:
        plaint.PolicySet.from_json(
            '{"calendars": {"office": {"timezone": "UTC", "week": {"mon": [["09:00", "25:00"]]}}},'
            ' "policies": {"p": {"targets": [{"kind": "record", "duration": "1h",'
            ' "calendar": "office"}]}}}'
        )
    assert [p.pointer for p in info.value.problems] == ["/calendars/office/week/mon/0"]


def test_calendar_never_open() -> None:
    # {"timezone": "UTC", "week": {}}: the week's object starts at column 29.
    with pytest.raises(plaint.ValidationError) as info:
        plaint.Calendar.from_json('{"timezone": "UTC", "week": {}}')
    assert [(p.pointer, p.line, p.column) for p in info.value.problems] == [("/week", 1, 29)]
    with pytest.raises(plaint.ValidationError) as info:
        plaint.Profile.from_json(
            '{"plaint_profile": 1, "calendars": {"office": {"timezone": "UTC", "week": {}}},'
            ' "policies": {"p": {"targets": [{"kind": "record", "duration": "1h",'
            ' "calendar": "office"}]}}}'
        )
    assert [p.pointer for p in info.value.problems] == ["/calendars/office/week"]


def test_duration_beyond_the_calendars_years() -> None:
    def policy(duration: str) -> str:
        return (
            '{"policies": {"p": {"targets": [{"kind": "record", "duration": "%s"}]}}}' % duration
        )

    with pytest.raises(plaint.ValidationError) as info:
        plaint.PolicySet.from_json(policy("100000d"))
    assert [p.pointer for p in info.value.problems] == ["/policies/p/targets/0/duration"]
    # 2100-01-01 to 2200-01-01 round the clock: 36,524 days (24 leap years; 2100 is not one).
    plaint.PolicySet.from_json(policy("36524d")).close()
    with pytest.raises(plaint.ValidationError):
        plaint.PolicySet.from_json(policy("36524d1s"))


def test_more_than_a_million_values_refused() -> None:
    # The object, "UTC" and the list come first: element i is value i + 4, so the
    # 1,000,001st value is element 999,997 (16 MiB of "{}" would be 5.6 million).
    head = '{"timezone": "UTC", "closed": ['
    doc, _ = empties(head, "]}", 16 * MIB)
    with pytest.raises(plaint.TooLargeError) as info:
        plaint.Calendar.from_json(doc)
    assert [(p.pointer, p.line, p.column, p.message) for p in info.value.problems] == [
        ("/closed/999997", 1, len(head) + 3 * 999997 + 1, "more than 1,000,000 values")
    ]
