"""Complaint.from_json is strict at every level (issue 12), from Python.

The cases are those of tests/unit/test_json_forms.cpp: unknown keys inside events, a note that
is not a string, derived fields (state, nature, severity, owner) that disagree with the events,
and epoch seconds past 9999-12-31T23:59:59Z (253402300799), which have no ISO 8601 form.
"""

from __future__ import annotations

import pytest

import plaint

LOG = [{"type": "record", "at": 60},
       {"type": "classify", "at": 120, "nature": "valid", "severity": "p2"}]


def problem(document: object) -> str:
    with pytest.raises(plaint.ValidationError) as info:
        plaint.Complaint.from_json(document)
    problems = info.value.problems
    assert len(problems) == 1
    return problems[0].pointer


def test_unknown_keys_and_bad_types_inside_events_are_refused() -> None:
    assert problem({"id": "X", "received": 0,
                    "events": [{"type": "record", "at": 60, "colour": 1}]}) == "/events/0/colour"
    assert problem({"id": "X", "received": 0,
                    "events": [{"type": "record", "at": 60, "note": 5}]}) == "/events/0/note"
    assert problem({"id": "X", "received": 0,
                    "events": [{"type": "receive", "at": 60}]}) == "/events/0/at"


@pytest.mark.parametrize("key, value", [("state", "closed"), ("nature", "invalid"),
                                        ("severity", "p1"), ("owner", "general_manager")])
def test_derived_fields_must_agree_with_the_events(key: str, value: str) -> None:
    assert problem({"id": "X", "received": 0, key: value, "events": LOG}) == "/" + key


def test_derived_fields_that_agree_are_accepted_and_round_trip() -> None:
    doc = {"id": "X", "received": 0, "state": "classified", "nature": "valid",
           "severity": "p2", "owner": "duty_staff", "events": LOG}
    with plaint.Complaint.from_json(doc) as c:
        assert c.state == plaint.State.CLASSIFIED
        text = c.to_json()
    with plaint.Complaint.from_json(text) as again:
        assert again.to_json() == text


def test_instants_beyond_the_text_years_are_refused() -> None:
    with plaint.Complaint.from_json({"id": "X", "received": 253402300799}) as c:
        assert "9999-12-31T23:59:59Z" in c.to_json()
    assert problem({"id": "X", "received": 253402300800}) == "/received"
    assert problem({"id": "X", "received": 2**64 - 1}) == "/received"
    assert problem({"id": "X", "received": -17987443201}) == "/received"
