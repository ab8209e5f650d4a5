"""The lifecycle through the binding. The expected states come from the transition table of
workflow.hpp (DOMAIN.md §4), worked through by hand for each walk."""

from __future__ import annotations

import pytest

import plaint
from plaint import EventType as E
from plaint import Role as R
from plaint import State as S
from support import DAY, HOUR, MINUTE, T0, snapshot


def test_a_new_complaint(complaint: plaint.Complaint) -> None:
    # plaint_complaint_new: state RECEIVED, owner DUTY_STAFF, channel and category OTHER, one
    # reporter, and a RECEIVE event.
    assert complaint.id == "C-0001"
    assert complaint.received == T0
    assert complaint.state is S.RECEIVED
    assert complaint.owner is R.DUTY_STAFF
    assert complaint.channel is plaint.Channel.OTHER
    assert complaint.category is plaint.Category.OTHER
    assert complaint.reporter_count == 1
    assert complaint.nature is plaint.Nature.UNJUDGED
    assert complaint.severity is plaint.Severity.UNSET
    assert complaint.visit_method is None
    assert complaint.rectification_deadline is None
    assert complaint.cycle == 1
    assert complaint.tags == []
    assert complaint.name == "" and complaint.content == ""
    (receive,) = complaint.events
    assert receive == plaint.Event(
        type=E.RECEIVE,
        at=T0,
        role=R.DUTY_STAFF,
        note="",
        nature=plaint.Nature.UNJUDGED,
        severity=plaint.Severity.UNSET,
        target=None,
        method=None,
        deadline=None,
        from_state=S.RECEIVED,
        to_state=S.RECEIVED,
    )


def test_keyword_fields() -> None:
    with plaint.Complaint(
        "C-2",
        T0,
        channel="phone",
        category=plaint.Category.EQUIPMENT,
        name="王女士",
        contact="138-0000-0000",
        building="3",
        unit="1202",
        content="厨房水管漏水",
        remedy="today",
        subcategory="water",
        reporter_count=3,
        tags=["water", "urgent", "water"],
    ) as c:
        assert c.channel is plaint.Channel.PHONE
        assert c.category is plaint.Category.EQUIPMENT
        assert c.name == "王女士"
        assert c.contact == "138-0000-0000"
        assert (c.building, c.unit) == ("3", "1202")
        assert c.content == "厨房水管漏水"
        assert c.remedy == "today" and c.subcategory == "water"
        assert c.reporter_count == 3
        assert c.tags == ["water", "urgent"]  # an existing tag is kept once
        assert c.state is S.RECEIVED


def test_the_full_lifecycle(complaint: plaint.Complaint) -> None:
    c = complaint
    deadline = T0 + 3 * DAY
    c.apply("record", T0 + 5 * MINUTE, "duty_staff", "on the record form")
    c.apply("classify", T0 + 10 * MINUTE, "duty_staff", nature="valid", severity="p2")
    assert (c.nature, c.severity) == (plaint.Nature.VALID, plaint.Severity.P2)
    c.apply("assign", T0 + 20 * MINUTE, "cs_manager", to="cs_assistant")
    assert c.owner is R.CS_ASSISTANT
    c.apply("start", T0 + 30 * MINUTE, "cs_assistant")
    c.apply("wait", T0 + 1 * HOUR, "cs_assistant", "resident away")
    c.apply("resume", T0 + 5 * HOUR, "cs_assistant")
    c.apply("resolve", T0 + 6 * HOUR, "cs_assistant", "pipe fixed")
    c.apply("visit", T0 + DAY, "cs_assistant", method="phone")
    assert c.visit_method is plaint.VisitMethod.PHONE
    c.apply("unsatisfied", T0 + DAY, "cs_assistant", "still drips", deadline=deadline)
    assert c.state is S.RECTIFICATION
    assert c.rectification_deadline == deadline
    c.apply("resolve", T0 + 2 * DAY, "cs_assistant")
    assert c.rectification_deadline is None  # resolve ends the rectification
    c.apply("visit", T0 + 2 * DAY + HOUR, "cs_assistant", method="on_site")
    assert c.visit_method is plaint.VisitMethod.ON_SITE  # the latest visit
    assert c.allows("satisfied") and not c.allows("resolve")
    c.apply("satisfied", T0 + 2 * DAY + HOUR, "cs_assistant")
    assert c.state is S.CLOSED
    assert c.allows("reopen") and not c.allows("escalate") and not c.allows("visit")

    events = c.events
    assert len(events) == 13
    expected = [
        (E.RECEIVE, S.RECEIVED, S.RECEIVED),
        (E.RECORD, S.RECEIVED, S.RECORDED),
        (E.CLASSIFY, S.RECORDED, S.CLASSIFIED),
        (E.ASSIGN, S.CLASSIFIED, S.ASSIGNED),
        (E.START, S.ASSIGNED, S.IN_PROGRESS),
        (E.WAIT, S.IN_PROGRESS, S.WAITING),
        (E.RESUME, S.WAITING, S.IN_PROGRESS),
        (E.RESOLVE, S.IN_PROGRESS, S.RESOLVED),
        (E.VISIT, S.RESOLVED, S.RETURN_VISIT),
        (E.UNSATISFIED, S.RETURN_VISIT, S.RECTIFICATION),
        (E.RESOLVE, S.RECTIFICATION, S.RESOLVED),
        (E.VISIT, S.RESOLVED, S.RETURN_VISIT),
        (E.SATISFIED, S.RETURN_VISIT, S.CLOSED),
    ]
    assert [(e.type, e.from_state, e.to_state) for e in events] == expected
    assert events[1].note == "on the record form"
    assert events[2].nature is plaint.Nature.VALID and events[2].severity is plaint.Severity.P2
    assert events[3].role is R.CS_MANAGER and events[3].target is R.CS_ASSISTANT
    assert events[8].method is plaint.VisitMethod.PHONE
    assert events[9].deadline == deadline and events[9].note == "still drips"
    assert events[12].at == T0 + 2 * DAY + HOUR


def test_assign_defaults_to_the_actor(complaint: plaint.Complaint) -> None:
    complaint.apply("record", T0, "duty_staff")
    complaint.apply("classify", T0, "duty_staff", nature="valid")
    complaint.apply("assign", T0, "cs_manager")
    assert complaint.owner is R.CS_MANAGER
    assert complaint.events[-1].target is R.CS_MANAGER


def test_the_invalid_path(complaint: plaint.Complaint) -> None:
    c = complaint
    c.apply("record", T0 + MINUTE, "duty_staff")
    c.apply("classify", T0 + 2 * MINUTE, "duty_staff", nature="invalid")
    assert c.state is S.CLASSIFIED and c.nature is plaint.Nature.INVALID
    assert c.allows("explain")
    assert not c.allows("assign")  # an invalid complaint is explained, not handled
    before = snapshot(c)
    with pytest.raises(plaint.IllegalTransitionError):
        c.apply("assign", T0 + 3 * MINUTE, "cs_manager")
    assert snapshot(c) == before
    c.apply("explain", T0 + 4 * MINUTE, "duty_staff", "a municipal matter")
    assert c.state is S.EXPLAINED
    c.apply("close", T0 + 5 * MINUTE, "duty_staff")
    assert c.state is S.CLOSED
    assert [(e.type, e.from_state, e.to_state) for e in c.events] == [
        (E.RECEIVE, S.RECEIVED, S.RECEIVED),
        (E.RECORD, S.RECEIVED, S.RECORDED),
        (E.CLASSIFY, S.RECORDED, S.CLASSIFIED),
        (E.EXPLAIN, S.CLASSIFIED, S.EXPLAINED),
        (E.CLOSE, S.EXPLAINED, S.CLOSED),
    ]


def test_explain_needs_an_invalid_complaint(complaint: plaint.Complaint) -> None:
    complaint.apply("record", T0, "duty_staff")
    complaint.apply("classify", T0, "duty_staff", nature="valid")
    assert not complaint.allows("explain")
    with pytest.raises(plaint.IllegalTransitionError):
        complaint.apply("explain", T0, "duty_staff")


def test_escalation_up_to_the_company(complaint: plaint.Complaint) -> None:
    c = complaint
    chain = [R.CS_ASSISTANT, R.CS_MANAGER, R.GENERAL_MANAGER, R.COMPANY]
    for step, role in enumerate(chain, start=1):
        c.apply("escalate", T0 + step * MINUTE, c.owner)
        assert c.owner is role
        assert c.state is S.RECEIVED  # escalation keeps the state
        last = c.events[-1]
        assert (last.type, last.target, last.from_state, last.to_state) == (
            E.ESCALATE,
            role,
            S.RECEIVED,
            S.RECEIVED,
        )
    assert not c.allows("escalate")
    before = snapshot(c)
    with pytest.raises(plaint.IllegalTransitionError) as info:
        c.apply("escalate", T0 + HOUR, "company")
    assert "escalate" in info.value.message
    assert snapshot(c) == before


def test_escalation_must_go_up(complaint: plaint.Complaint) -> None:
    complaint.apply("escalate", T0, "duty_staff", to="general_manager")  # skipping is fine
    assert complaint.owner is R.GENERAL_MANAGER
    before = snapshot(complaint)
    with pytest.raises(plaint.InvalidArgumentError):
        complaint.apply("escalate", T0, "general_manager", to="cs_manager")
    with pytest.raises(plaint.InvalidArgumentError):
        complaint.apply("escalate", T0, "general_manager", to="general_manager")
    assert snapshot(complaint) == before


def test_reopen_starts_a_new_cycle(complaint: plaint.Complaint) -> None:
    c = complaint
    c.apply("record", T0, "duty_staff")
    c.apply("classify", T0, "duty_staff", nature="invalid")
    c.apply("explain", T0, "duty_staff")
    c.apply("close", T0, "duty_staff")
    assert c.cycle == 1
    c.apply("reopen", T0 + DAY, "cs_manager", "the resident called again")
    assert c.state is S.RECORDED
    assert c.cycle == 2
    last = c.events[-1]
    assert (last.type, last.from_state, last.to_state) == (E.REOPEN, S.CLOSED, S.RECORDED)
    c.apply("classify", T0 + DAY, "cs_manager", nature="valid")  # judged again
    assert c.state is S.CLASSIFIED and c.nature is plaint.Nature.VALID


def test_an_illegal_transition_names_the_state_and_the_event(complaint: plaint.Complaint) -> None:
    before = snapshot(complaint)
    assert not complaint.allows("start")
    with pytest.raises(plaint.IllegalTransitionError) as info:
        complaint.apply("start", T0 + MINUTE, "duty_staff")
    assert info.value.code == -7
    assert "'start'" in info.value.message and "'received'" in info.value.message
    with pytest.raises(plaint.IllegalTransitionError):
        complaint.apply("receive", T0 + MINUTE, "duty_staff")  # only the constructor writes it
    assert snapshot(complaint) == before


def test_events_out_of_order(complaint: plaint.Complaint) -> None:
    complaint.apply("record", T0 + HOUR, "duty_staff")
    before = snapshot(complaint)
    with pytest.raises(plaint.OutOfOrderError) as info:
        complaint.apply("classify", T0 + HOUR - 1, "duty_staff", nature="valid")
    assert info.value.code == -8
    assert snapshot(complaint) == before
    complaint.apply("classify", T0 + HOUR, "duty_staff", nature="valid")  # the same second is fine


def test_missing_details(complaint: plaint.Complaint) -> None:
    c = complaint
    c.apply("record", T0, "duty_staff")
    before = snapshot(c)
    with pytest.raises(plaint.InvalidArgumentError):
        c.apply("classify", T0, "duty_staff")  # no nature
    with pytest.raises(plaint.InvalidArgumentError):
        c.apply("classify", T0, "duty_staff", nature="unjudged")
    assert snapshot(c) == before
    c.apply("classify", T0, "duty_staff", nature="valid")
    c.apply("assign", T0, "cs_assistant")
    c.apply("start", T0, "cs_assistant")
    c.apply("resolve", T0, "cs_assistant")
    before = snapshot(c)
    with pytest.raises(plaint.InvalidArgumentError):
        c.apply("visit", T0, "cs_assistant")  # no method
    assert snapshot(c) == before
    c.apply("visit", T0, "cs_assistant", method="phone")
    before = snapshot(c)
    with pytest.raises(plaint.InvalidArgumentError):
        c.apply("unsatisfied", T0, "cs_assistant")  # no deadline
    with pytest.raises(plaint.InvalidArgumentError):
        c.apply("unsatisfied", T0 + HOUR, "cs_assistant", deadline=T0 + HOUR)  # not after `at`
    assert snapshot(c) == before


def test_the_received_instant_moves_only_before_other_events(complaint: plaint.Complaint) -> None:
    complaint.received = T0 - HOUR
    assert complaint.received == T0 - HOUR
    assert complaint.events[0].at == T0 - HOUR  # the RECEIVE event moves with it
    complaint.apply("record", T0, "duty_staff")
    before = snapshot(complaint)
    with pytest.raises(plaint.IllegalTransitionError):
        complaint.received = T0
    assert snapshot(complaint) == before


def test_allows_checks_its_argument(complaint: plaint.Complaint) -> None:
    assert complaint.allows("record") and complaint.allows(plaint.EventType.ESCALATE)
    assert not complaint.allows("receive")
    with pytest.raises(plaint.OutOfRangeError):
        complaint.allows("nap")
