"""plaint.Ledger's queries (Since 0.6): view, select, clocks_at, escalations_due, visits_due,
visit_quotas, month_range, replay and reevaluate, with bad arguments.

Expected values come from outside the code under test:

- a small ledger (``_small``) worked by hand from the default profile
  (examples/data/default-profile.json): the `complaint` policy (record 1 h, first feedback
  24 h with the CS manager on breach, resolution 72 h with the CS manager on warning and the
  general manager on breach, warnings at 75 % and 90 %, round the clock), `repair` for
  equipment, `consultation` ("请问", category other: answered within 1 hour of the `office`
  calendar, 09:00-18:00 Monday to Friday in Asia/Shanghai, closed 1-7 October 2026, Saturday
  10 October a make-up working day); channel media makes a complaint major (P1, the general
  manager); return visits by phone unless major; quotas CS manager 3, general manager 1. These
  are the same complaints as tests/c/test_capi_ledger_queries.c, whose comments work the
  figures out in more detail;
- a second method on the October sample: select against a filter applied here over ``view``
  of every complaint; the breached clocks against :meth:`plaint.Complaint.clocks` of each
  rebuilt complaint; visits due against ``select(state="resolved")``; the quotas against the
  visit events counted here straight from the sample's JSON lines; and the README's figures
  (October's CS manager makes 258 return visits counting September's complaints, the general
  manager 11).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List

import pytest

import plaint
import support

SAMPLE = support.SOURCE_ROOT / "examples" / "data" / "sample"
OCTOBER = SAMPLE / "complaints-2026-10.jsonl"
SEPTEMBER = SAMPLE / "complaints-2026-09.jsonl"
PROFILE = support.SOURCE_ROOT / "examples" / "data" / "default-profile.json"

H = support.HOUR
M = support.MINUTE
CST = dt.timezone(dt.timedelta(hours=8))
# Monday 2026-10-12T09:00:00+08:00 = 01:00Z: 2026-01-01 is day 20454 since 1970, 12 October day
# 20454 + 273 + 11 = 20738, and 20738 * 86400 + 3600 = 1791766800.
T0 = 1791766800
# Friday 2026-10-09T17:30:00+08:00, 63.5 hours before T0.
Q4_RECEIVED = T0 - 63 * H - 30 * M
# Tuesday 13 October, 10:00 +08:00.
AT = T0 + 25 * H


def _event(kind: str, at: str, role: str, **details: str) -> Dict[str, str]:
    return {"type": kind, "at": at, "role": role, **details}


SMALL = [
    {
        "id": "Q-1",
        "received": "2026-10-12T09:00:00+08:00",
        "channel": "phone",
        "category": "quality",
        "building": "A1",
        "unit": "0101",
        "content": "corridor lights broken",
        "events": [
            _event("record", "2026-10-12T09:10:00+08:00", "duty_staff"),
            _event(
                "classify", "2026-10-12T09:20:00+08:00", "duty_staff", nature="valid", severity="p4"
            ),
            _event("assign", "2026-10-12T09:30:00+08:00", "duty_staff", target="cs_assistant"),
        ],
    },
    {
        "id": "Q-2",
        "received": "2026-10-12T10:00:00+08:00",
        "channel": "online",
        "category": "equipment",
        "subcategory": "elevator",
        "building": "B3",
        "unit": "2-0301",
        "content": "elevator stuck on floor 3",
        "events": [
            _event("record", "2026-10-12T10:05:00+08:00", "duty_staff"),
            _event(
                "classify", "2026-10-12T10:10:00+08:00", "duty_staff", nature="valid", severity="p3"
            ),
            _event("assign", "2026-10-12T10:15:00+08:00", "duty_staff", target="cs_assistant"),
            _event("start", "2026-10-12T11:00:00+08:00", "cs_assistant"),
            _event("resolve", "2026-10-12T14:00:00+08:00", "cs_assistant"),
        ],
    },
    {
        "id": "Q-3",
        "received": "2026-10-12T11:00:00+08:00",
        "channel": "media",
        "category": "quality",
        "building": "A1",
        "unit": "0101",
        "content": "reported to the evening paper",
        "events": [_event("record", "2026-10-12T11:05:00+08:00", "duty_staff")],
    },
    {
        "id": "Q-4",
        "received": "2026-10-09T17:30:00+08:00",
        "channel": "phone",
        "category": "other",
        "content": "请问物业费怎么办理缴纳",
        "events": [
            _event("record", "2026-10-09T17:40:00+08:00", "duty_staff"),
            _event(
                "classify",
                "2026-10-09T17:45:00+08:00",
                "duty_staff",
                nature="consulting",
                severity="p4",
            ),
        ],
    },
]


def _small(profile: Any = None) -> plaint.Ledger:
    ledger = plaint.Ledger(profile)
    for i, c in enumerate(SMALL):
        assert ledger.add(c) == i
    return ledger


@pytest.fixture
def small() -> Iterator[plaint.Ledger]:
    with _small() as ledger:
        yield ledger


@pytest.fixture(scope="module")
def october() -> Iterator[plaint.Ledger]:
    with plaint.Ledger() as ledger:
        ledger.import_json_lines(OCTOBER)
        yield ledger


def test_view_of_each_complaint(small: plaint.Ledger) -> None:
    v = small.view(0)
    assert isinstance(v, plaint.ComplaintView)
    assert (v.index, v.id, v.received) == (0, "Q-1", T0)
    assert (v.channel, v.category) == (plaint.Channel.PHONE, plaint.Category.QUALITY)
    assert (v.subcategory, v.building, v.unit) == ("", "A1", "0101")
    assert v.content == "corridor lights broken"
    assert (v.reporter_count, v.repeat_count) == (1, 0)
    assert v.state is plaint.State.ASSIGNED and v.owner is plaint.Role.CS_ASSISTANT
    assert v.nature is plaint.Nature.VALID and v.severity is plaint.Severity.P4
    assert v.visit_method is None and v.rectification_deadline is None
    assert (v.cycle, v.event_count, v.last_event_at) == (1, 4, T0 + 30 * M)
    assert (v.escalations, v.reevaluations) == (0, 0)
    assert v.sla_policy == "complaint"
    assert v.rule_nature is plaint.Nature.VALID and v.rule_escalate_to is None
    assert v.planned_visit is plaint.VisitMethod.PHONE
    # by id, and by a negative index as for lists
    assert small.view("Q-1") == v
    assert small.view(-4) == v

    v = small.view("Q-2")
    assert v.sla_policy == "repair" and v.subcategory == "elevator"
    assert v.state is plaint.State.RESOLVED and v.severity is plaint.Severity.P3
    v = small.view("Q-3")
    assert v.repeat_count == 1  # Q-1, from A1 0101 two hours before
    assert v.nature is plaint.Nature.UNJUDGED and v.severity is plaint.Severity.UNSET
    assert v.rule_nature is plaint.Nature.MAJOR
    assert v.rule_escalate_to is plaint.Role.GENERAL_MANAGER
    assert v.planned_visit is plaint.VisitMethod.ON_SITE
    v = small.view("Q-4")
    assert (v.received, v.building, v.unit) == (Q4_RECEIVED, "", "")
    assert v.content == "请问物业费怎么办理缴纳"
    assert v.sla_policy == "consultation" and v.nature is plaint.Nature.CONSULTING
    # the view agrees with the complaint's JSON form (another path through the library)
    d = small.complaint(3)
    assert (d["id"], d["state"], d["nature"], d["sla_policy"]) == (
        "Q-4",
        "classified",
        "consulting",
        "consultation",
    )

    with pytest.raises(plaint.OutOfRangeError):
        small.view(4)
    with pytest.raises(plaint.NotFoundError):
        small.view("Q-9")
    with pytest.raises(plaint.EncodingError):
        small.view("Q\0-1")


def test_select_with_each_filter(small: plaint.Ledger) -> None:
    assert small.select() == [0, 1, 2, 3]
    assert small.select(state="resolved") == [1]
    assert small.select(state=plaint.State.ASSIGNED) == [0]
    assert small.select(state=plaint.State.CLOSED.value) == []
    assert small.select(owner="cs_assistant") == [0, 1]
    assert small.select(owner=plaint.Role.DUTY_STAFF) == [2, 3]
    assert small.select(building="A1") == [0, 2]
    assert small.select(building="") == [3]  # Q-4 has no building
    assert small.select(building=b"nowhere") == []
    assert small.select(category="quality") == [0, 2]
    assert small.select(category="equipment") == [1]
    assert small.select(nature="valid") == [0, 1]
    assert small.select(nature="unjudged") == [2]
    assert small.select(nature="consulting") == [3]
    assert small.select(severity="p4") == [0, 3]
    assert small.select(severity="unset") == [2]
    assert small.select(open_only=True) == [0, 1, 2, 3]
    assert small.select(received_from=T0) == [0, 1, 2]
    # Q-3 came at T0 + 2 h exactly: not before it
    assert small.select(received_before=T0 + 2 * H) == [0, 1, 3]
    from_ = dt.datetime(2026, 10, 12, 10, 0, tzinfo=CST)
    before = dt.datetime(2026, 10, 12, 11, 0, tzinfo=CST)
    assert small.select(received_from=from_, received_before=before) == [1]
    assert small.select(building="A1", owner="duty_staff") == [2]


def test_select_refuses_bad_filters(small: plaint.Ledger) -> None:
    with pytest.raises(plaint.OutOfRangeError):
        small.select(state="sleeping")
    with pytest.raises(plaint.OutOfRangeError):
        small.select(state=0)  # no state has code 0
    with pytest.raises(plaint.OutOfRangeError):
        small.select(owner=0)  # every complaint has an owner
    with pytest.raises(plaint.OutOfRangeError):
        small.select(severity=9)
    with pytest.raises(TypeError):
        small.select(nature=plaint.Role.COMPANY)
    with pytest.raises(plaint.EncodingError):
        small.select(building="A\0")
    with pytest.raises(plaint.InvalidArgumentError):
        small.select(received_from=dt.datetime(2026, 10, 12))  # naive
    with pytest.raises(TypeError):
        small.select(received_before=1.5)


def test_clocks_at(small: plaint.Ledger) -> None:
    # Open at T0 + 25 h: Q-1's first feedback (breached at T0 + 24 h) and resolution; Q-3's
    # first feedback (23 h of 24: a warning) and resolution; Q-4's answer (1 office hour from
    # Friday 17:30: 30 min Friday, 30 min on the make-up Saturday -> due Saturday 09:30).
    opened = small.clocks_at(AT)
    assert [(k.index, k.clock.target) for k in opened] == [
        (0, "first_feedback"),
        (0, "resolution"),
        (2, "first_feedback"),
        (2, "resolution"),
        (3, "consultation_answer"),
    ]
    ff = opened[0].clock
    assert ff.state is plaint.ClockState.BREACHED
    assert (ff.started, ff.due, ff.breached_at) == (T0, T0 + 24 * H, T0 + 24 * H)
    assert (ff.elapsed, ff.remaining) == (25 * H, -H)
    assert ff.escalate_to is plaint.Role.CS_MANAGER
    res = opened[1].clock
    assert res.state is plaint.ClockState.RUNNING and res.due == T0 + 72 * H
    assert res.warnings == (T0 + 54 * H, T0 + 64 * H + 48 * M)  # 75 % and 90 % of 72 h
    w = opened[2].clock
    assert w.state is plaint.ClockState.WARNING and w.due == T0 + 26 * H
    assert w.warnings == (T0 + 20 * H, T0 + 23 * H + 36 * M)
    answer = opened[4].clock
    assert answer.due == T0 - 47 * H - 30 * M  # Saturday 2026-10-10T09:30:00+08:00
    # 0.5 h Friday + 9 h Saturday + 9 h Monday + 1 h Tuesday of office time
    assert answer.elapsed == 19 * H + 30 * M
    assert answer.escalate_to is plaint.Role.CS_ASSISTANT

    breached = small.clocks_at(dt.datetime(2026, 10, 13, 10, 0, tzinfo=CST), "breached")
    assert [(k.index, k.clock.target) for k in breached] == [
        (0, "first_feedback"),
        (3, "consultation_answer"),
    ]
    assert [k.index for k in small.clocks_at(AT, "warning")] == [2]
    # 90 minutes earlier Q-1's feedback is 23.5 h in: past its warnings, not yet breached
    assert [k.index for k in small.clocks_at(AT - 90 * M, "warning")] == [0, 2]
    assert [k.index for k in small.clocks_at(AT - 90 * M, "breached")] == [3]
    assert small.clocks_at(Q4_RECEIVED - 1) == []

    # the second method: the rebuilt complaints' clocks under the same policies
    policies = small.profile.policy_set
    by_hand = []
    for i in range(len(small)):
        policy = small.view(i).sla_policy
        assert policy is not None
        for k in small.to_complaint(i).clocks(policies, policy, AT):
            if k.started is not None and k.stopped is None:
                by_hand.append(plaint.LedgerClock(i, k))
    assert opened == by_hand

    with pytest.raises(plaint.OutOfRangeError):
        small.clocks_at(AT, "late")
    with pytest.raises(TypeError):
        small.clocks_at(AT, 3)  # type: ignore[arg-type]
    with pytest.raises(plaint.InvalidArgumentError):
        small.clocks_at(dt.datetime(2026, 10, 13, 10, 0))
    with pytest.raises(plaint.OutOfRangeError):  # 2300: past the calendar's years (to 2199)
        small.clocks_at(dt.datetime(2300, 1, 1, tzinfo=dt.timezone.utc))


def test_escalations_due(small: plaint.Ledger) -> None:
    due = small.escalations_due(AT)
    assert due == [
        plaint.EscalationDue(0, plaint.Role.CS_ASSISTANT, plaint.Role.CS_MANAGER, "first_feedback"),
        plaint.EscalationDue(2, plaint.Role.DUTY_STAFF, plaint.Role.GENERAL_MANAGER, "rules"),
        plaint.EscalationDue(
            3, plaint.Role.DUTY_STAFF, plaint.Role.CS_ASSISTANT, "consultation_answer"
        ),
    ]
    # two hours earlier Q-1's feedback is not yet due; at 10:30 on T0 Q-3 is not yet received
    assert [e.index for e in small.escalations_due(AT - 2 * H)] == [2, 3]
    assert [e.index for e in small.escalations_due(T0 + 90 * M)] == [3]


def _profile_48h() -> plaint.Profile:
    """The default profile with the complaint policy's first feedback in 48 h."""
    doc = json.loads(PROFILE.read_text(encoding="utf-8"))
    targets = doc["policies"]["complaint"]["targets"]
    (ff,) = [t for t in targets if t["kind"] == "first_feedback"]
    assert ff["duration"] == "24h"
    ff["duration"] = "48h"
    return plaint.Profile.from_json(doc)


def test_replay_under_48_hour_feedback(small: plaint.Ledger) -> None:
    with small.replay(_profile_48h()) as what_if:
        # Q-1's feedback due T0 + 48 h: at T0 + 25 h it runs (before its 36 h warning)
        assert [k.index for k in what_if.clocks_at(AT, "breached")] == [3]
        assert what_if.clocks_at(AT, "warning") == []
        ff = what_if.clocks_at(AT)[0].clock
        assert (ff.target, ff.due, ff.state) == (
            "first_feedback",
            T0 + 48 * H,
            plaint.ClockState.RUNNING,
        )
        assert [e.index for e in what_if.escalations_due(AT)] == [2, 3]
        assert what_if.view(0).state is plaint.State.ASSIGNED
        assert len(what_if) == 4 and what_if.event_count == small.event_count
    # the original is untouched; replay under the default profile gives the same clocks
    assert [k.clock.due for k in small.clocks_at(AT, "breached")][0] == T0 + 24 * H
    with small.replay() as same:
        assert same.clocks_at(AT) == small.clocks_at(AT)
        assert [same.view(i) for i in range(4)] == [small.view(i) for i in range(4)]
    with pytest.raises(TypeError):
        small.replay("default")  # type: ignore[arg-type]


def test_reevaluate(small: plaint.Ledger) -> None:
    # Q-4, judged consulting, missed its answer: the rules make it valid under `complaint`.
    assert small.reevaluate(AT) == 1
    v = small.view(3)
    assert v.nature is plaint.Nature.VALID and v.sla_policy == "complaint"
    assert (v.reevaluations, v.event_count, v.last_event_at) == (1, 4, AT)
    assert small.reevaluate(dt.datetime(2026, 10, 13, 11, 0, tzinfo=CST)) == 0  # never twice
    assert small.select(nature="valid") == [0, 1, 3]
    # Under `complaint` Q-4's resolution (72 h from Friday 17:30: T0 + 8.5 h) is breached too.
    last = small.escalations_due(AT)[-1]
    assert (last.index, last.to, last.reason) == (3, plaint.Role.GENERAL_MANAGER, "resolution")
    with pytest.raises(TypeError):
        small.reevaluate(1.0)


def test_visits_due_and_quotas(small: plaint.Ledger) -> None:
    assert small.visits_due() == [plaint.VisitDue(1, plaint.VisitMethod.PHONE, T0 + 5 * H, None)]
    small.add_event(1, "visit", T0 + 26 * H, "cs_assistant", method="phone")
    small.add_event(1, "satisfied", T0 + 26 * H + 5 * M, "cs_assistant")
    small.add_event(0, "start", T0 + 26 * H, "cs_assistant")
    small.add_event(0, "resolve", T0 + 27 * H, "cs_assistant")
    assert small.visits_due() == [plaint.VisitDue(0, plaint.VisitMethod.PHONE, T0 + 27 * H, None)]
    small.add_event(0, "visit", T0 + 28 * H, "cs_manager", method="phone")
    small.add_event(0, "satisfied", T0 + 28 * H + 5 * M, "cs_manager")
    assert small.visits_due() == []
    assert small.select(open_only=True) == [2, 3]
    assert small.select(state="closed") == [0, 1]

    october = plaint.month_range("2026-10")  # at +08:00 by default
    assert october == (1790784000, 1793462400)  # 20727 * 86400 - 28800, 20758 * 86400 - 28800
    Q = plaint.QuotaCompliance
    assert small.visit_quotas(*october) == [
        Q(plaint.Role.CS_ASSISTANT, 1, 0, True),  # no quota, but a visit
        Q(plaint.Role.CS_MANAGER, 1, 3, False),
        Q(plaint.Role.GENERAL_MANAGER, 0, 1, False),
    ]
    # half open: from just after the assistant's visit, it is not counted
    assert small.visit_quotas(T0 + 26 * H + 1, october[1]) == [
        Q(plaint.Role.CS_MANAGER, 1, 3, False),
        Q(plaint.Role.GENERAL_MANAGER, 0, 1, False),
    ]
    start = dt.datetime(2026, 10, 1, tzinfo=CST)
    assert small.visit_quotas(start, T0 + 26 * H)[0] == Q(plaint.Role.CS_MANAGER, 0, 3, False)
    with pytest.raises(plaint.InvalidArgumentError):
        small.visit_quotas(dt.datetime(2026, 10, 1), october[1])


@pytest.mark.parametrize(
    "month, offset, error",
    [
        ("2026-13", 0, plaint.OutOfRangeError),
        ("2026-00", 0, plaint.OutOfRangeError),
        ("", 0, plaint.ParseError),
        ("2026-1", 0, plaint.ParseError),
        ("2026-100", 0, plaint.ParseError),
        ("2026/10", 0, plaint.ParseError),
        ("2026-10" + "9" * 1000, 0, plaint.ParseError),
        ("二〇二六-10", 0, plaint.ParseError),
        ("2026-10", 18 * 3600, plaint.OutOfRangeError),
        ("2026-10", 30, plaint.OutOfRangeError),
        ("2026-10", 2**31, plaint.OutOfRangeError),  # not an int32
    ],
)
def test_month_range_refuses(month: str, offset: int, error: type) -> None:
    with pytest.raises(error):
        plaint.month_range(month, offset)


def test_month_range_by_hand() -> None:
    # December 2026 in UTC: days 20788 and 20819 since 1970
    assert plaint.month_range("2026-12", 0) == (20788 * 86400, 20819 * 86400)
    # February 2026 at UTC-5: midnight there is 05:00Z on day 20485; 28 days
    assert plaint.month_range("2026-02", -18000) == (
        20485 * 86400 + 18000,
        (20485 + 28) * 86400 + 18000,
    )
    with pytest.raises(plaint.EncodingError):
        plaint.month_range("2026-10\0")
    with pytest.raises(TypeError):
        plaint.month_range(202610)  # type: ignore[arg-type]


def test_closed_ledger_refuses_queries() -> None:
    ledger = _small()
    ledger.close()
    calls: List[Callable[[], Any]] = [
        lambda: ledger.view(0),
        lambda: ledger.select(),
        lambda: ledger.clocks_at(AT),
        lambda: ledger.escalations_due(AT),
        ledger.visits_due,
        lambda: ledger.visit_quotas(0, 1),
        ledger.replay,
        lambda: ledger.reevaluate(AT),
    ]
    for call in calls:
        with pytest.raises(plaint.ClosedError):
            call()


# ---- The October sample, against a second method --------------------------------------------


def _views(ledger: plaint.Ledger) -> List[plaint.ComplaintView]:
    return [ledger.view(i) for i in range(len(ledger))]


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"state": "closed"},
        {"open_only": True},
        {"owner": "cs_manager"},
        {"building": "B3"},
        {"category": "equipment", "severity": "p3"},
        {"nature": "consulting"},
        {"nature": "valid", "building": "A2", "open_only": True},
        {"received_from": 1791302400, "received_before": 1791907200},  # a week of October
    ],
)
def test_select_agrees_with_views(october: plaint.Ledger, filters: Dict[str, Any]) -> None:
    def passes(v: plaint.ComplaintView) -> bool:
        for key, want in filters.items():
            if key == "open_only":
                ok = v.state is not plaint.State.CLOSED
            elif key == "received_from":
                ok = v.received >= want
            elif key == "received_before":
                ok = v.received < want
            elif key == "building":
                ok = v.building == want
            else:
                ok = getattr(v, key).label == want
            if not ok:
                return False
        return True

    expected = [v.index for v in _views(october) if passes(v)]
    assert october.select(**filters) == expected
    if filters:
        assert len(expected) < len(october)


def test_breached_clocks_agree_with_each_complaint(october: plaint.Ledger) -> None:
    start, end = plaint.month_range("2026-10")
    at = end - 1
    policies = october.profile.policy_set
    first = 300  # the first 300 complaints, rebuilt one by one
    by_hand = []
    for i in range(first):
        policy = october.view(i).sla_policy
        if policy is None:
            continue
        for k in october.to_complaint(i).clocks(policies, policy, at):
            if k.state is plaint.ClockState.BREACHED:
                by_hand.append(plaint.LedgerClock(i, k))
    got = [k for k in october.clocks_at(at, "breached") if k.index < first]
    assert got == by_hand
    assert got  # the sample has late complaints


def test_visits_due_agree_with_select(october: plaint.Ledger) -> None:
    due = october.visits_due()
    assert [d.index for d in due] == october.select(state="resolved")
    views = {i: october.view(i) for i in october.select(state="resolved")}
    for d in due:
        assert d.method is views[d.index].planned_visit
        assert d.due is None  # the default policies have no return_visit target
        assert d.resolved_at <= views[d.index].last_event_at


def _visits_in_files(paths: List[Path], start: int, end: int) -> Counter:
    """Visit events by role in [start, end), counted from the JSON lines themselves."""
    counts: Counter = Counter()
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                for e in json.loads(line).get("events", []):
                    at = int(dt.datetime.fromisoformat(e["at"]).timestamp())
                    if e["type"] == "visit" and start <= at < end:
                        counts[e["role"]] += 1
    return counts


def test_quotas_agree_with_the_files() -> None:
    start, end = plaint.month_range("2026-10", 8 * 3600)
    with plaint.Ledger() as ledger:
        ledger.import_json_lines(SEPTEMBER)
        ledger.import_json_lines(OCTOBER)
        quotas = {q.role.label: q for q in ledger.visit_quotas(start, end)}
        escalations = ledger.escalations_due(end)
        views = _views(ledger)
    counted = _visits_in_files([SEPTEMBER, OCTOBER], start, end)
    assert {role: q.visits for role, q in quotas.items() if q.visits} == dict(counted)
    # README: October's CS manager makes 258 return visits, the general manager 11
    assert quotas["cs_manager"].visits == 258 and quotas["cs_manager"].required == 3
    assert quotas["general_manager"].visits == 11 and quotas["general_manager"].compliant
    # every escalation due calls for a role above the owner; "rules" ones are the rules' role
    for e in escalations:
        v = views[e.index]
        assert e.owner is v.owner and e.to > e.owner
        assert v.state is not plaint.State.CLOSED
        if e.reason == "rules":
            assert v.rule_escalate_to is e.to
