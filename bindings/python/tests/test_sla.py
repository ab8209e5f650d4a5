"""plaint.PolicySet, Complaint.clocks and plaint.parse_duration: SLA clocks, in Python.

Expected values are worked by hand from DOMAIN.md §5's limits (the default ``complaint`` policy:
record 1 h, first feedback 24 h, resolution 72 h, round the clock, warnings at 75% and 90%;
``consultation``: an answer within 1 hour of the office calendar, Mon-Fri 09:00-12:00 and
13:00-18:00 at +08:00, closed 1-7 October 2026) and each complaint's event timeline; the comment
beside each says how. Offsets are from T0 = 2026-03-02T09:15:00+08:00.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import threading
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

import plaint
from support import HOUR, MINUTE, T0

CST = dt.timezone(dt.timedelta(hours=8))
at = plaint.parse_instant
S = plaint.ClockState


@pytest.fixture(scope="module")
def default() -> Iterator[plaint.PolicySet]:
    with plaint.PolicySet.default() as s:
        yield s


def handled() -> plaint.Complaint:
    """Received at T0; recorded +10 min, classified +20 min, assigned +30 min, started +2 h,
    waiting on the resident from +5 h to +29 h, resolved +80 h."""
    c = plaint.Complaint("C", T0)
    c.apply("record", T0 + 10 * MINUTE, "duty_staff")
    c.apply("classify", T0 + 20 * MINUTE, "duty_staff", nature="valid")
    c.apply("assign", T0 + 30 * MINUTE, "duty_staff")
    c.apply("start", T0 + 2 * HOUR, "duty_staff")
    c.apply("wait", T0 + 5 * HOUR, "duty_staff")
    c.apply("resume", T0 + 29 * HOUR, "duty_staff")
    c.apply("resolve", T0 + 80 * HOUR, "duty_staff")
    return c


def find(clocks: List[plaint.Clock], target: str, cycle: int = 1, round: int = 1) -> plaint.Clock:
    for k in clocks:
        if (k.target, k.cycle, k.round) == (target, cycle, round):
            return k
    raise AssertionError(f"no clock {target} cycle {cycle} round {round}")


# ---- Durations ----------------------------------------------------------------------------


def test_durations() -> None:
    assert plaint.parse_duration("1h30m") == 5400
    assert plaint.parse_duration("PT72H") == 259200
    assert plaint.parse_duration("3600") == 3600
    assert plaint.parse_duration("P1DT2H") == 93600  # a day of 86,400 s and 2 h
    assert plaint.parse_duration(b"2d") == 172800
    for bad in ("", "1 hour", "-5m", "PT24", "24x", " 1h", "1h\x0030m"):
        with pytest.raises(plaint.ParseError) as info:
            plaint.parse_duration(bad)
        assert isinstance(info.value, ValueError)
    with pytest.raises(plaint.ArithmeticOverflowError):
        plaint.parse_duration("9999999999999999h")
    with pytest.raises(TypeError):
        plaint.parse_duration(3600)  # type: ignore[arg-type]
    with pytest.raises(plaint.EncodingError):
        plaint.parse_duration("\ud800")


# ---- Policy sets --------------------------------------------------------------------------


def test_the_default_set(default: plaint.PolicySet) -> None:
    assert default.policy_names == ["complaint", "consultation", "feedback", "repair", "repair_urgent"]
    assert repr(default) == (
        "<plaint.PolicySet policies=['complaint', 'consultation', 'feedback', 'repair', 'repair_urgent']>"
    )
    # The office calendar: 17:30 on 30 Sep + 1 h is 30 min to 18:00, closed 1-7 Oct, then
    # 30 min from 09:00 on 8 Oct.
    with default.calendar("office") as office:
        assert isinstance(office, plaint.Calendar)
        assert office.add(at("2026-09-30T17:30:00+08:00"), HOUR) == at("2026-10-08T09:30:00+08:00")
    with default.calendar("24x7") as always:
        assert always.to_json() == '"24x7"'
    with pytest.raises(plaint.NotFoundError) as info:
        default.calendar("nowhere")
    assert "nowhere" in info.value.message
    with pytest.raises(plaint.EncodingError):
        default.calendar("office\0x")


def test_the_json_form_round_trips(default: plaint.PolicySet) -> None:
    text = default.to_json()
    doc = json.loads(text)
    targets = {t["name"]: t for t in doc["policies"]["complaint"]["targets"]}
    assert targets["resolution"]["duration"] == 72 * HOUR
    assert targets["resolution"]["pause"] == ["wait"]
    assert targets["first_feedback"]["escalate_on_breach"] == "cs_manager"
    assert plaint.PolicySet.from_json(text).to_json() == text
    assert plaint.PolicySet.from_json(text.encode("utf-8")).to_json() == text
    assert plaint.PolicySet.from_json(doc).to_json() == text


def test_each_default_is_a_handle_of_its_own() -> None:
    a = plaint.PolicySet.default()
    b = plaint.PolicySet.default()
    a.close()
    assert b.policy_names[0] == "complaint"  # closing one leaves the others
    b.close()


def test_handles() -> None:
    with pytest.raises(TypeError):
        plaint.PolicySet()
    s = plaint.PolicySet.from_json(
        {"policies": {"p": {"targets": [{"kind": "record", "duration": 60}]}}}
    )
    office = s.calendar("24x7")
    c = handled()
    clocks = c.clocks(s, "p", T0)
    s.close()
    s.close()  # idempotent
    assert s.closed and repr(s) == "<plaint.PolicySet (closed)>"
    for call in (
        lambda: s.policy_names,
        lambda: s.to_json(),
        lambda: s.calendar("24x7"),
        lambda: c.clocks(s, "p", T0),
    ):
        with pytest.raises(plaint.ClosedError) as info:
            call()
        assert str(info.value) == "policy set is closed"
    # What was taken from the set outlives it.
    assert office.add(0, 100) == 100
    assert clocks[0].target == "record" and clocks[0].due == T0 + 60  # a minute from T0
    office.close()
    with plaint.PolicySet.default() as d:
        assert not d.closed
    assert d.closed
    e = plaint.PolicySet.default()
    finalizer = e._finalizer
    del e
    gc.collect()
    assert not finalizer.alive
    c.close()


def test_validation_names_the_place() -> None:
    doc: Dict[str, Any] = {
        "policies": {
            "p": {"targets": [{"kind": "record", "duration": "1h", "calendar": "nowhere"}]}
        }
    }
    with pytest.raises(plaint.ValidationError) as info:
        plaint.PolicySet.from_json(doc)
    err = info.value
    # json.dumps writes '{"policies": {"p": {"targets": [{"kind": "record", "duration": "1h",
    # "calendar": "nowhere"}]}}}': the value "nowhere" starts at column 82, counted by hand.
    assert (err.pointer, err.line, err.column) == ("/policies/p/targets/0/calendar", 1, 82)
    assert "undefined calendar 'nowhere'" in err.message
    # Two problems, written policies first: listed in document order, the policy's comes first.
    doc["calendars"] = {"24x7": "24x7"}
    with pytest.raises(plaint.ValidationError) as info:
        plaint.PolicySet.from_json(doc)
    assert (
        info.value.pointer == "/policies/p/targets/0/calendar"
        and "has 2 problems" in info.value.message
    )
    cases = {
        "[]": "/",
        '{"policy": {}}': "/policy",
        '{"policies": {"q": {"targets": []}}}': "/policies/q/targets",
        '{"policies": {"p": {"targets": [{"kind": "record", "duration": "1 hour"}]}}}': (
            "/policies/p/targets/0/duration"
        ),
        '{"policies": {"p": {"targets": [{"kind": "resolution", "duration": "1h",'
        ' "escalate_on_breach": "boss"}]}}}': "/policies/p/targets/0/escalate_on_breach",
        '{"policies": {"p": {"targets": [{"kind": "custom", "duration": "1h"}]}}}': (
            "/policies/p/targets/0"
        ),
        # Problems inside a calendar keep their place in it; an unknown zone is one of them.
        '{"calendars": {"office": {"week": {"mon": [["09:00", "25:00"]]}}}}': (
            "/calendars/office/week/mon/0"
        ),
        '{"calendars": {"x": {"timezone": "Mars/Olympus_Mons"}}}': "/calendars/x",
    }
    for text, pointer in cases.items():
        with pytest.raises(plaint.ValidationError) as info:
            plaint.PolicySet.from_json(text)
        assert info.value.pointer == pointer, text
    with pytest.raises(plaint.ParseError) as info2:
        plaint.PolicySet.from_json('{\n"policies": }')
    assert (info2.value.line, info2.value.column) == (2, 13)  # the "}" where a value belongs
    with pytest.raises(plaint.ParseError) as info2:
        plaint.PolicySet.from_json(b"{}\0")  # a NUL byte is not JSON
    assert (info2.value.line, info2.value.column) == (1, 3)
    with pytest.raises(plaint.TooLargeError):
        plaint.PolicySet.from_json("[" * 100 + "]" * 100)


def test_from_file(tmp_path: Path, default: plaint.PolicySet) -> None:
    path = tmp_path / "sla.json"
    path.write_text(default.to_json(), encoding="utf-8")
    assert plaint.PolicySet.from_file(path).to_json() == default.to_json()
    assert plaint.PolicySet.from_file(str(path)).policy_names == default.policy_names
    with pytest.raises(plaint.FileError) as info:
        plaint.PolicySet.from_file(tmp_path / "none.json")
    assert isinstance(info.value, OSError)


# ---- Clocks -------------------------------------------------------------------------------


def test_clocks_while_handled(default: plaint.PolicySet) -> None:
    with handled() as c:
        clocks = c.clocks(default, "complaint", T0 + 30 * MINUTE)
        # One per target: record, first_feedback, resolution, rectification (not started).
        assert [k.target for k in clocks] == [
            "record",
            "first_feedback",
            "resolution",
            "rectification",
        ]
        record = find(clocks, "record")
        # Recorded at +10 min: met, 10 min used, due +1 h.
        assert (record.kind, record.state) == (plaint.TargetKind.RECORD, S.MET)
        assert (record.elapsed, record.remaining, record.duration) == (
            10 * MINUTE,
            50 * MINUTE,
            HOUR,
        )
        assert (record.started, record.stopped, record.due) == (T0, T0 + 10 * MINUTE, T0 + HOUR)
        assert record.breached_at is None and record.escalate_to is None
        feedback = find(clocks, "first_feedback")
        assert feedback.state is S.RUNNING and feedback.elapsed == 30 * MINUTE
        assert feedback.remaining == 24 * HOUR - 30 * MINUTE and feedback.due == T0 + 24 * HOUR
        assert feedback.stopped is None
        assert feedback.percent == pytest.approx(100 * 1800 / 86400)
        # Warnings at 75% and 90% of 24 h: +18 h and +21 h 36 min.
        assert feedback.warnings == (T0 + 18 * HOUR, T0 + 21 * HOUR + 36 * MINUTE)
        rect = find(clocks, "rectification", 1, 0)
        assert rect.state is S.NOT_STARTED and rect.kind is plaint.TargetKind.RECTIFICATION
        assert (rect.started, rect.due, rect.warnings) == (None, None, ())

        # At +10 h, waiting since +5 h: 5 h counted; due projected 67 h on from the query.
        result = c.clock(default, "complaint", "resolution", T0 + 10 * HOUR)
        assert result.state is S.PAUSED and result.elapsed == 5 * HOUR
        assert result.due == T0 + 10 * HOUR + 67 * HOUR

        # At +100 h: 5 h before the wait and 51 h after it, 56 h of 72 h; due +96 h (5 h, then
        # 67 h from +29 h); resolved at +80 h: met. Warnings at 54 h and 64.8 h of running
        # time: 49 h and 59 h 48 min after +29 h.
        result = c.clock(default, "complaint", "resolution", T0 + 100 * HOUR)
        assert result.state is S.MET and result.elapsed == 56 * HOUR
        assert result.remaining == 16 * HOUR and result.due == T0 + 96 * HOUR
        assert result.stopped == T0 + 80 * HOUR and result.breached_at is None
        assert result.percent == pytest.approx(100 * 56 / 72)
        assert result.warnings == (T0 + 78 * HOUR, T0 + 88 * HOUR + 48 * MINUTE)
        assert c.clock(default, "complaint", "first_feedback", T0 + 100 * HOUR).elapsed == 2 * HOUR


def test_breaches_name_the_role(default: plaint.PolicySet) -> None:
    with plaint.Complaint("C", T0) as c:
        c.apply("record", T0 + 2 * HOUR, "duty_staff")  # an hour late
        # At +19 h: record breached at its due instant +1 h, no role; first feedback past 75%
        # of 24 h, escalating only on breach.
        clocks = c.clocks(default, "complaint", T0 + 19 * HOUR)
        record = find(clocks, "record")
        assert record.state is S.BREACHED and record.breached_at == T0 + HOUR
        assert record.escalate_to is None and record.remaining == -HOUR
        feedback = find(clocks, "first_feedback")
        assert feedback.state is S.WARNING and feedback.escalate_to is None
        # At +25 h: an hour over, to the customer-service manager.
        feedback = c.clock(default, "complaint", "first_feedback", T0 + 25 * HOUR)
        assert feedback.state is S.BREACHED and feedback.breached_at == T0 + 24 * HOUR
        assert feedback.escalate_to is plaint.Role.CS_MANAGER and feedback.remaining == -HOUR
        # Resolution: 54 h is 75% of 72 h; at the due instant not late yet; one second after,
        # breached, to the general manager.
        states = [
            c.clock(default, "complaint", "resolution", T0 + h).state
            for h in (54 * HOUR - 1, 54 * HOUR, 72 * HOUR, 72 * HOUR + 1)
        ]
        assert states == [S.RUNNING, S.WARNING, S.WARNING, S.BREACHED]
        assert c.clock(default, "complaint", "resolution", T0 + 54 * HOUR).escalate_to is (
            plaint.Role.CS_MANAGER
        )
        late = c.clock(default, "complaint", "resolution", T0 + 72 * HOUR + 1)
        assert late.escalate_to is plaint.Role.GENERAL_MANAGER
        assert late.breached_at == T0 + 72 * HOUR


def test_office_hours_around_national_day(default: plaint.PolicySet) -> None:
    # Wednesday 30 Sep 2026, 17:30: half an hour before closing on the eve of National Day;
    # the office reopens on Thursday 8 Oct at 09:00. The instant may be an aware datetime.
    with plaint.Complaint("C", dt.datetime(2026, 9, 30, 17, 30, tzinfo=CST)) as c:
        when = dt.datetime(2026, 10, 5, 12, 0, tzinfo=CST)
        answer = c.clock(default, "consultation", "consultation_answer", when)
        assert answer.kind is plaint.TargetKind.CONSULTATION_ANSWER
        assert answer.state is S.RUNNING and answer.elapsed == 30 * MINUTE
        assert answer.percent == pytest.approx(50.0)
        assert answer.due == at("2026-10-08T09:30:00+08:00")
        # 75% of an hour is 45 minutes: 30 on 30 Sep, 15 on 8 Oct; 90% is 54: 24 on 8 Oct.
        assert answer.warnings == (at("2026-10-08T09:15:00+08:00"), at("2026-10-08T09:24:00+08:00"))
        # Round the clock, the record clock was due at 18:30 on 30 Sep.
        record = c.clock(default, "consultation", "record", when)
        assert record.state is S.BREACHED
        assert record.breached_at == at("2026-09-30T18:30:00+08:00")
        assert c.clocks(default, "consultation", when) == c.clocks(
            default, "consultation", int(when.timestamp())
        )


def test_a_reopen_starts_a_new_cycle(default: plaint.PolicySet) -> None:
    with handled() as c:
        c.apply("visit", T0 + 90 * HOUR, "duty_staff", method="phone")
        c.apply("satisfied", T0 + 91 * HOUR, "duty_staff")
        c.apply("reopen", T0 + 200 * HOUR, "cs_manager")
        clocks = c.clocks(default, "complaint", T0 + 210 * HOUR)
        assert find(clocks, "resolution", 1).elapsed == 56 * HOUR
        # The latest cycle's clock: running since the reopen, 10 h in, due 72 h on.
        again = c.clock(default, "complaint", "resolution", T0 + 210 * HOUR)
        assert (again.cycle, again.round, again.state) == (2, 1, S.RUNNING)
        assert again.started == T0 + 200 * HOUR and again.elapsed == 10 * HOUR
        assert again.due == T0 + 272 * HOUR
        # The record clock starts on receipt only: in cycle 2 it has not started.
        record = c.clock(default, "complaint", "record", T0 + 210 * HOUR)
        assert (record.cycle, record.round, record.state) == (2, 0, S.NOT_STARTED)


def test_rectification_rounds(default: plaint.PolicySet) -> None:
    with handled() as c:
        c.apply("visit", T0 + 90 * HOUR, "duty_staff", method="phone")
        # 48 h to rectify: due +139 h.
        c.apply("unsatisfied", T0 + 91 * HOUR, "duty_staff", deadline=T0 + 139 * HOUR)
        first = c.clock(default, "complaint", "rectification", T0 + 100 * HOUR)
        assert (first.round, first.state, first.due) == (1, S.RUNNING, T0 + 139 * HOUR)
        assert first.duration == 48 * HOUR and first.elapsed == 9 * HOUR
        # Resolved two hours late, unsatisfied again with a deadline of +175 h.
        c.apply("resolve", T0 + 141 * HOUR, "duty_staff")
        c.apply("visit", T0 + 150 * HOUR, "duty_staff", method="phone")
        c.apply("unsatisfied", T0 + 151 * HOUR, "duty_staff", deadline=T0 + 175 * HOUR)
        clocks = c.clocks(default, "complaint", T0 + 152 * HOUR)
        late = find(clocks, "rectification", 1, 1)
        assert late.state is S.BREACHED and late.breached_at == T0 + 139 * HOUR
        assert late.escalate_to is plaint.Role.CS_MANAGER
        latest = c.clock(default, "complaint", "rectification", T0 + 152 * HOUR)
        assert (latest.round, latest.state, latest.due) == (2, S.RUNNING, T0 + 175 * HOUR)


def test_a_changed_policy_recomputes_the_same_history() -> None:
    strict = plaint.PolicySet.from_json(
        {
            "policies": {
                "strict": {"targets": [{"kind": "resolution", "duration": "48h", "warn": [0.5]}]}
            }
        }
    )
    with handled() as c:
        # 5 h, then 43 h from +29 h: due +72 h; resolved at +80 h. The warning at 24 h of
        # running time: 5 h, then 19 h from +29 h.
        result = c.clock(strict, "strict", "resolution", T0 + 100 * HOUR)
        assert (result.due, result.state, result.breached_at) == (
            T0 + 72 * HOUR,
            S.BREACHED,
            T0 + 72 * HOUR,
        )
        assert result.warnings == (T0 + 48 * HOUR,)
        assert result.escalate_to is None  # the target names no role


def test_bad_arguments(default: plaint.PolicySet) -> None:
    with plaint.Complaint("C", T0) as c:
        with pytest.raises(plaint.NotFoundError) as info:
            c.clocks(default, "nothing", T0)
        assert "nothing" in info.value.message
        with pytest.raises(KeyError):
            c.clock(default, "complaint", "nothing", T0)
        with pytest.raises(plaint.EncodingError):
            c.clocks(default, "complaint\0x", T0)
        with pytest.raises(TypeError):
            c.clocks("complaint", "complaint", T0)  # type: ignore[arg-type]
        with pytest.raises(plaint.InvalidArgumentError):
            c.clocks(default, "complaint", dt.datetime(2026, 3, 2, 10, 0))  # naive
        with pytest.raises(TypeError):
            c.clocks(default, "complaint", float(T0))  # type: ignore[arg-type]
        # A running clock counted to year 2300 lies beyond the calendar's years.
        with pytest.raises(plaint.OutOfRangeError):
            c.clocks(default, "complaint", at("2300-01-01T00:00:00Z"))
    c.close()
    with pytest.raises(plaint.ClosedError):
        c.clocks(default, "complaint", T0)


def test_one_set_from_many_threads(default: plaint.PolicySet) -> None:
    answers: List[object] = []

    def work() -> None:
        with handled() as c:
            for _ in range(50):
                k = c.clock(default, "complaint", "resolution", T0 + 100 * HOUR)
                answers.append((k.elapsed, k.due))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [(56 * HOUR, T0 + 96 * HOUR)] * 200


def test_clocks_are_frozen_values(default: plaint.PolicySet) -> None:
    with plaint.Complaint("C", T0) as c:
        k = c.clock(default, "complaint", "record", T0)
        with pytest.raises(AttributeError):
            k.elapsed = 5  # type: ignore[misc]
        assert k == c.clock(default, "complaint", "record", T0)
