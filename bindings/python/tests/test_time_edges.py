"""Issue 12 at the time-related boundaries: POSIX TZ rules read strictly, a complaint's age at
the ends of int64, AHP judgements of 1e200 and more, durations with a unit twice or a bare 'T',
and ISO 8601 instants an offset carries past the text range. Expected values are worked by
hand in the comments."""

from __future__ import annotations

import math

import pytest

import plaint
from plaint import satisfaction as sat

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

at = plaint.parse_instant

# Each once reached Boost's reader: past its tokenizer's end, a week of 58 or 9 loaded into an
# enum, ",M" ignored; then a rule without its dates, a day-of-year form, a 24:00 time, an
# offset beyond 18 hours.
BAD_RULES = [
    "AAA1BBB,M1,M1.1.0",
    "EST5EDT,M3.2.0,M11/1.0",
    "EST5EDT,M3,M11.1.0",
    "CET-1CEST,M3.5.0,M10.58.0/3",
    "CET-1CEST,M3.5.0,M1.9.0",
    "CST-8,M",
    "AAA5BBB",
    "AAA5BBB,J60,J300",
    "AAA5BBB,M3.2.0/24,M11.1.0",
    "AAA19",
]


def _office(zone: str) -> dict:
    return {"timezone": zone, "week": {"mon": [["09:00", "17:00"]]}}


@pytest.mark.parametrize("rule", BAD_RULES)
def test_a_malformed_posix_rule_is_refused(rule: str) -> None:
    with pytest.raises(plaint.NotFoundError) as info:
        plaint.Calendar.from_json(_office(rule))
    assert "POSIX TZ" in info.value.message
    # In a profile's calendars: a validation problem naming the calendar.
    with pytest.raises(plaint.ValidationError) as info2:
        plaint.Profile.from_json({"plaint_profile": 1, "calendars": {"office": _office(rule)}})
    assert "POSIX TZ" in info2.value.message


def test_valid_posix_rules_give_the_hand_worked_transitions() -> None:
    # EST5EDT,M3.2.0,M11.1.0 in 2026: DST starts Sunday 8 March 02:00 EST (07:00Z) and ends
    # Sunday 1 November 02:00 EDT (06:00Z). Open 01:59-03:00 local on 8 March: 01:59 EST is
    # 06:59Z, 03:00 EDT is 07:00Z, one minute. 01:30-02:00 on 1 November: 01:30 comes twice,
    # the earlier is EDT (05:30Z); 02:00 EST is 07:00Z, 90 minutes.
    for zone in ("EST5EDT,M3.2.0,M11.1.0", "<EST>+5<EDT>+4,M3.2.0/2,M11.1.0/02:00:00"):
        c = plaint.Calendar.from_json(
            {
                "timezone": zone,
                "dates": {"2026-03-08": [["01:59", "03:00"]], "2026-11-01": [["01:30", "02:00"]]},
            }
        )
        assert c.next_open(at("2026-03-08T00:00:00Z")) == at("2026-03-08T06:59:00Z")
        assert c.between(at("2026-03-08T00:00:00Z"), at("2026-03-09T00:00:00Z")) == 60
        assert c.next_open(at("2026-11-01T00:00:00Z")) == at("2026-11-01T05:30:00Z")
        assert c.between(at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z")) == 90 * 60


def test_a_complaints_age_at_the_ends_of_int64() -> None:
    # now - received overflowed: received at 0 read at INT64_MIN is -2^63 s old (in the
    # future), received at INT64_MIN read at INT64_MAX is 2^64 - 1 s (about 5.1e15 hours).
    profile = plaint.Profile.from_json(
        {
            "plaint_profile": 1,
            "rules": {
                "sections": [
                    {
                        "name": "age",
                        "hit": "collect",
                        "rows": [
                            {
                                "id": "old",
                                "when": {"hours_since_received": {"gte": 24}},
                                "then": {"tags": ["old"]},
                            },
                            {
                                "id": "future",
                                "when": {"hours_since_received": {"lt": 0}},
                                "then": {"tags": ["future"]},
                            },
                        ],
                    }
                ]
            },
        }
    )
    # A complaint's own instants lie within years 1400-9999 (issue 13: refused at input, as
    # Complaint.from_json refuses them); the instant it is read at may be any int64.
    first, last = -17987443200, 253402300799  # 1400-01-01T00:00:00Z, 9999-12-31T23:59:59Z
    for received, at, tags in [
        (0, INT64_MIN, ("future",)),
        (first, INT64_MAX, ("old",)),
        (last, INT64_MIN, ("future",)),
        (last - 3600, last, ()),
    ]:
        with plaint.Complaint("C", received) as c:
            assert tuple(profile.classify(c, at).tags) == tags
    for received in (INT64_MIN, first - 1, last + 1, INT64_MAX):
        with pytest.raises(plaint.OutOfRangeError):
            plaint.Complaint("C", received)


def test_ahp_with_judgements_of_1e200() -> None:
    for method in ("eigen", "geometric"):
        # a12 = 1e200: weights 1/(1 + 1e-200) and 1e-200/(1 + 1e-200), i.e. 1 and 1e-200.
        r = sat.ahp([[1, 1e200], [1e-200, 1]], method=method)
        assert all(math.isfinite(w) for w in r.weights)
        assert math.isclose(r.weights[0], 1, rel_tol=1e-12)
        assert math.isclose(r.weights[1], 1e-200, rel_tol=1e-9)
        # A circulant cycle, x = 1e200: weights 1/3 each, lambda_max = 1 + x + 1/x.
        x = 1e200
        r = sat.ahp([[1, x, 1 / x], [1 / x, 1, x], [x, 1 / x, 1]], method=method)
        assert all(math.isclose(w, 1 / 3, rel_tol=1e-9) for w in r.weights)
        assert math.isclose(r.lambda_max, 1e200, rel_tol=1e-9)
        assert not r.consistent
        # a01 = a12 = a02 = 1e300: the last weight would be 1e-400 of the first: refused.
        with pytest.raises(plaint.OutOfRangeError) as info:
            sat.ahp([[1, 1e300, 1e300], [1e-300, 1, 1e300], [1e-300, 1e-300, 1]], method=method)
        assert "too wide a range" in info.value.message


@pytest.mark.parametrize("text", ["P1DT", "1h1h", "PT1H1H", "1m1h", "P", "PT", "P1DT1D", ""])
def test_durations_with_a_unit_twice_or_a_bare_T_are_refused(text: str) -> None:
    with pytest.raises(plaint.ParseError):
        plaint.parse_duration(text)


def test_durations_too_large_say_so() -> None:
    with pytest.raises(plaint.ArithmeticOverflowError) as info:
        plaint.parse_duration("18446744073709551615")
    assert "too large" in info.value.message
    assert plaint.parse_duration("1d2h3m4s") == 93784  # 86400 + 7200 + 180 + 4
    with pytest.raises(plaint.ValidationError) as info2:
        plaint.PolicySet.from_json(
            {"policies": {"p": {"targets": [{"kind": "record", "duration": 2**64 - 1}]}}}
        )
    assert "too large" in info2.value.message
    assert "positive" not in info2.value.message


@pytest.mark.parametrize(
    "text", ["9999-12-31T23:59:59-00:01", "1400-01-01T00:00:00+00:01", "9999-12-31T20:00:00-18:00"]
)
def test_an_offset_cannot_carry_an_instant_past_the_text_range(text: str) -> None:
    # 10000-01-01T00:00:59Z, 1399-12-31T23:59:00Z, 10000-01-01T14:00:00Z: no text form.
    with pytest.raises(plaint.OutOfRangeError):
        plaint.parse_instant(text)
    # The last instant through an offset is fine and writes back.
    t = plaint.parse_instant("9999-12-31T22:59:59-01:00")
    assert plaint.format_instant(t) == "9999-12-31T23:59:59Z"
