"""People and teams from Python (Since 0.7, issue 15 part 2, DOMAIN.md §8 "Who handles it"):
plaint.check_staff_id, plaint.Team and Profile.teams / Profile.team, Decision.team, a
complaint's handler and team from its assign and escalate events (Complaint.apply's handler= and
team=, Event.handler and .team), and the ledger's (ComplaintView.handler, team, rule_team,
team_from_rules, Ledger.select(team=, handler=), its JSON, CSV and DataFrame); with bad input
(ids of 65 bytes, control characters, NUL, lone surrogates, non-str values, unknown teams)
refused with the library's errors.

Expected values are read off TEAMS_PROFILE below and examples/data/default-profile.json's
``teams`` and ``dispatch`` sections: teams sorted by id, roles in role order, every role for a
team that lists none. T = Monday 2026-10-12T09:00:00+08:00 = 1791766800 (as in
tests/c/test_capi_ledger_queries.c), inside the default profile's office hours.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import plaint
from support import MINUTE, SOURCE_ROOT, run_example

T = 1791766800
R = plaint.Role

# Three teams given out of order: sorted they are cs, engineering, security. Equipment goes to
# engineering, noise to security.
TEAMS_PROFILE = {
    "plaint_profile": 1,
    "calendars": {"office": {"timezone": "Asia/Shanghai", "week": {"mon": [["09:00", "18:00"]]}}},
    "teams": {
        "security": {"name": "保安部", "roles": ["duty_staff"]},
        "engineering": {
            "name": "工程部",
            "roles": ["cs_assistant", "duty_staff"],
            "calendar": "office",
        },
        "cs": {},
    },
    "rules": {
        "sections": [
            {
                "name": "dispatch",
                "hit": "first",
                "rows": [
                    {
                        "id": "equipment",
                        "when": {"category": "equipment"},
                        "then": {"team": "engineering"},
                    },
                    {"id": "noise", "when": {"keywords": ["noise"]}, "then": {"team": "security"}},
                ],
            }
        ]
    },
}


# ---- ids ------------------------------------------------------------------------------------


def test_good_staff_ids() -> None:
    assert plaint.check_staff_id("eng-017") is None
    assert plaint.check_staff_id("工程-7") is None  # 8 bytes
    assert plaint.check_staff_id("h" * 64) is None
    assert plaint.check_staff_id("工" * 21 + "x") is None  # 21 * 3 + 1 = 64 bytes


@pytest.mark.parametrize(
    "bad, error, words",
    [
        ("h" * 65, plaint.TooLargeError, "65 bytes; at most 64"),
        ("工" * 22, plaint.TooLargeError, "66 bytes"),  # 22 characters, 66 bytes
        ("", plaint.InvalidArgumentError, "must not be empty"),
        ("a\tb", plaint.InvalidArgumentError, "control character at byte 1"),
        ("a\nb", plaint.InvalidArgumentError, "control character"),
        ("a\x7f", plaint.InvalidArgumentError, "control character"),  # DEL
        ("a\x85", plaint.InvalidArgumentError, "control character"),  # C1: U+0085
        ("a\x00b", plaint.EncodingError, "NUL"),
        ("a\ud800", plaint.EncodingError, "surrogate"),  # not encodable as UTF-8
    ],
)
def test_bad_staff_ids(bad: str, error: type, words: str) -> None:
    with pytest.raises(error) as info:
        plaint.check_staff_id(bad)
    assert words in str(info.value)
    assert isinstance(info.value, plaint.Error)


@pytest.mark.parametrize("bad", [None, b"eng-017", 17, ["eng-017"]])
def test_staff_ids_must_be_str(bad: object) -> None:
    with pytest.raises(TypeError, match="must be str"):
        plaint.check_staff_id(bad)  # type: ignore[arg-type]


# ---- teams of a profile --------------------------------------------------------------------


def test_the_teams_of_a_small_profile() -> None:
    with plaint.Profile.from_json(TEAMS_PROFILE) as p:
        assert p.teams == (
            plaint.Team(
                "cs",
                "",
                (R.DUTY_STAFF, R.CS_ASSISTANT, R.CS_MANAGER, R.GENERAL_MANAGER, R.COMPANY),
                "",
            ),
            plaint.Team("engineering", "工程部", (R.DUTY_STAFF, R.CS_ASSISTANT), "office"),
            plaint.Team("security", "保安部", (R.DUTY_STAFF,), ""),
        )
        assert p.team("security") == p.teams[2]
        with pytest.raises(plaint.NotFoundError, match="no team 'Security'"):
            p.team("Security")
        with pytest.raises(plaint.NotFoundError):
            p.team("")
        with pytest.raises(TypeError):
            p.team(b"cs")  # type: ignore[arg-type]
        with pytest.raises(plaint.EncodingError):
            p.team("cs\0")
    with plaint.Profile.from_json({"plaint_profile": 1}) as empty:
        assert empty.teams == ()


def test_the_default_profiles_teams() -> None:
    with plaint.Profile.default() as p:
        teams = p.teams
    two = (R.DUTY_STAFF, R.CS_ASSISTANT)
    assert [t.id for t in teams] == [
        "cleaning",
        "customer_service",
        "engineering",
        "greening",
        "security",
    ]
    assert [t.roles for t in teams] == [two, two + (R.CS_MANAGER,), two, two, two]
    assert [t.calendar for t in teams] == ["", "", "", "office", ""]
    assert teams[2].name == "工程维修部 engineering and repair"
    with pytest.raises(dataclasses.FrozenInstanceError):
        teams[0].id = "x"  # type: ignore[misc]


def test_a_profile_with_bad_teams_is_refused() -> None:
    for teams in ({"h" * 65: {}}, {"a\u0001b": {}}, {"a": {"roles": ["boss"]}}):
        with pytest.raises(plaint.ValidationError):
            plaint.Profile.from_json({"plaint_profile": 1, "teams": teams})
    rules = {
        "sections": [{"name": "s", "hit": "first", "rows": [{"id": "r", "then": {"team": "b"}}]}]
    }
    with pytest.raises(plaint.ValidationError, match="undefined team 'b'"):
        plaint.Profile.from_json({"plaint_profile": 1, "teams": {"a": {}}, "rules": rules})


# ---- the rules' dispatch -------------------------------------------------------------------


def test_decisions_name_the_team() -> None:
    with plaint.Profile.from_json(TEAMS_PROFILE) as small, plaint.Profile.default() as default:
        with plaint.Complaint("D-1", T, category="equipment") as c:
            assert small.classify(c, T).team == "engineering"
            assert default.classify(c, T).team == "engineering"
        with plaint.Complaint("D-2", T, category="other", content="noise upstairs") as c:
            d = small.classify(c, T)
            assert d.team == "security"
            assert '"team":"security"' in d.to_json()
        # The default profile's cleaning row reads 垃圾.
        with plaint.Complaint("D-3", T, category="other", content="楼道垃圾三天没人清理") as c:
            assert default.classify(c, T).team == "cleaning"
        with plaint.Complaint("D-4", T, category="other", content="a question about fees") as c:
            d = small.classify(c, T)
            assert d.team is None
            assert "team" not in d.to_json()


# ---- a complaint's handler and team --------------------------------------------------------


def _classified(cid: str = "P-1") -> plaint.Complaint:
    c = plaint.Complaint(cid, T)
    c.apply("record", T + MINUTE, "duty_staff", handler="desk-01")
    c.apply("classify", T + 2 * MINUTE, "duty_staff", nature="valid", handler="desk-01")
    return c


def test_a_complaints_handler_and_team() -> None:
    with _classified() as c:
        assert (c.handler, c.team) == (None, None)  # recording does not take the case
        c.apply("assign", T + 3 * MINUTE, "duty_staff", handler="eng-17", team="engineering")
        assert (c.handler, c.team) == ("eng-17", "engineering")
        # A team on another event is refused, never dropped.
        with pytest.raises(plaint.InvalidArgumentError, match="'assign' or 'escalate'"):
            c.apply("start", T + 4 * MINUTE, "duty_staff", handler="eng-17", team="security")
        c.apply("start", T + 4 * MINUTE, "duty_staff", handler="eng-17")
        assert c.team == "engineering"
        events = c.events
        assert [(e.handler, e.team) for e in events] == [
            (None, None),
            ("desk-01", None),
            ("desk-01", None),
            ("eng-17", "engineering"),
            ("eng-17", None),
        ]
        # An escalation naming nobody: the handler goes, the team stays.
        c.apply("escalate", T + 5 * MINUTE, "duty_staff", handler="", team="")
        assert (c.handler, c.team) == (None, "engineering")
        # The JSON form carries them.
        with plaint.Complaint.from_json(c.to_json()) as back:
            assert back.events[3].handler == "eng-17" and back.team == "engineering"


@pytest.mark.parametrize(
    "handler, team, error",
    [
        ("h" * 65, None, plaint.TooLargeError),
        ("a\nb", None, plaint.InvalidArgumentError),
        ("a\x85", None, plaint.InvalidArgumentError),
        (None, "t" * 65, plaint.TooLargeError),
        (None, "a\x01", plaint.InvalidArgumentError),
        ("a\0b", None, plaint.EncodingError),  # refused before C: the C field would end there
        (None, "a\ud800", plaint.EncodingError),
        (b"eng-17", None, TypeError),
        (None, 5, TypeError),
        (None, b"engineering", TypeError),
    ],
)
def test_bad_handlers_and_teams_change_nothing(handler: object, team: object, error: type) -> None:
    with _classified() as c:
        before = c.events
        with pytest.raises(error):
            staff = {"handler": handler, "team": team}
            c.apply("assign", T + 3 * MINUTE, "duty_staff", **staff)  # type: ignore[arg-type]
        assert c.events == before
        assert (c.handler, c.team) == (None, None)


# ---- the ledger ----------------------------------------------------------------------------


@pytest.fixture()
def staffed() -> plaint.Ledger:
    """The default profile's ledger: A (equipment) dispatched to engineering and assigned to
    eng-17 of it; B (垃圾) left with the rules' cleaning; C (fees) assigned to cs-05 of
    customer_service."""
    ledger = plaint.Ledger()
    ledger.add({"id": "A", "received": T, "category": "equipment", "content": "lift stuck"})
    ledger.add({"id": "B", "received": T, "category": "other", "content": "楼道垃圾三天没人清理"})
    ledger.add({"id": "C", "received": T, "category": "other", "content": "a question about fees"})
    for key in "ABC":
        ledger.add_event(key, "record", T + MINUTE, "duty_staff", handler="desk-01")
        ledger.add_event(key, "classify", T + 2 * MINUTE, "duty_staff", nature="valid")
    ledger.add_event(
        "A", "assign", T + 3 * MINUTE, "duty_staff", handler="eng-17", team="engineering"
    )
    ledger.add_event(
        "C", "assign", T + 3 * MINUTE, "duty_staff", handler="cs-05", team="customer_service"
    )
    return ledger


def test_views_carry_handler_and_team(staffed: plaint.Ledger) -> None:
    with staffed as ledger:
        a, b, c = (ledger.view(k) for k in "ABC")
        assert (a.handler, a.team, a.rule_team, a.team_from_rules) == (
            "eng-17",
            "engineering",
            "engineering",
            False,
        )
        assert (b.handler, b.team, b.rule_team, b.team_from_rules) == (
            None,
            "cleaning",
            "cleaning",
            True,
        )
        assert (c.handler, c.team, c.rule_team, c.team_from_rules) == (
            "cs-05",
            "customer_service",
            None,
            False,
        )
        doc = ledger.complaint("C")
        assert (doc["team"], doc["handler"]) == ("customer_service", "cs-05")
        doc = ledger.complaint("B")
        assert (doc["team"], doc["handler"]) == ("cleaning", None)
        assert ledger.to_complaint("A").events[-1].team == "engineering"


def test_an_unknown_team_is_not_found_and_changes_nothing(staffed: plaint.Ledger) -> None:
    with staffed as ledger:
        events = ledger.event_count
        before = ledger.view("B")
        with pytest.raises(plaint.NotFoundError) as info:
            ledger.add_event("B", "assign", T + 4 * MINUTE, "duty_staff", team="gardening")
        # The library's message names the team and lists the profile's.
        assert "gardening" in str(info.value) and "greening" in str(info.value)
        with pytest.raises(plaint.NotFoundError):
            ledger.add_event("A", "escalate", T + 4 * MINUTE, "duty_staff", team="Engineering")
        with pytest.raises(plaint.InvalidArgumentError):
            ledger.add_event("A", "start", T + 4 * MINUTE, "duty_staff", handler="a\tb")
        with pytest.raises(TypeError):
            bad: object = 17
            ledger.add_event("A", "start", T + 4 * MINUTE, "duty_staff", handler=bad)  # type: ignore
        assert ledger.event_count == events
        assert ledger.view("B") == before


def test_select_by_team_and_handler(staffed: plaint.Ledger) -> None:
    with staffed as ledger:
        assert ledger.select(team="engineering") == [0]
        assert ledger.select(team="cleaning") == [1]  # the rules' team
        assert ledger.select(team="security") == []
        assert ledger.select(team="") == []  # every one has a team
        assert ledger.select(handler="eng-17") == [0]
        assert ledger.select(handler="") == [1]  # B has no handler
        assert ledger.select(team="customer_service", handler="cs-05") == [2]
        assert ledger.select(team="engineering", handler="cs-05") == []
        assert ledger.select(team="engineering", open_only=True, state="assigned") == [0]
        with pytest.raises(TypeError):
            ledger.select(team=5)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            ledger.select(handler=b"eng-17")  # type: ignore[arg-type]
        with pytest.raises(plaint.EncodingError):
            ledger.select(team="engineering\0")


def test_escalation_without_handler_keeps_the_team(staffed: plaint.Ledger) -> None:
    with staffed as ledger:
        ledger.add_event("A", "start", T + 5 * MINUTE, "duty_staff", handler="eng-17")
        ledger.add_event("A", "escalate", T + 6 * MINUTE, "duty_staff")
        a = ledger.view("A")
        assert (a.handler, a.team, a.team_from_rules) == (None, "engineering", False)
        assert ledger.select(handler="") == [0, 1]


def test_csv_handler_and_team_columns() -> None:
    complaints = (
        "id,received,category\n"
        "K-1,2026-10-12T09:00:00+08:00,other\n"
        "K-2,2026-10-12T09:00:00+08:00,other\n"
    )
    events = (
        "complaint_id,at,type,nature,handler,team\n"
        "K-1,2026-10-12T09:01:00+08:00,record,,desk-01,\n"
        "K-1,2026-10-12T09:02:00+08:00,classify,valid,desk-01,\n"
        "K-1,2026-10-12T09:03:00+08:00,assign,,sec-02,security\n"
        "K-2,2026-10-12T09:01:00+08:00,record,,,\n"
        "K-2,2026-10-12T09:02:00+08:00,classify,valid,,\n"
        "K-2,2026-10-12T09:03:00+08:00,assign,,x,nobody\n"
    )
    with plaint.Ledger() as ledger:
        report = ledger.import_csv(complaints, events)
        assert (report.complaints, report.bad_rows) == (2, 1)
        assert report.problems[0].line == 7 and "nobody" in report.problems[0].message
        assert (ledger.view(0).handler, ledger.view(0).team) == ("sec-02", "security")
        assert (ledger.view(1).state, ledger.view(1).team) == (plaint.State.CLASSIFIED, None)


def test_the_frame_has_the_people_columns(staffed: plaint.Ledger) -> None:
    pytest.importorskip("pandas", reason="pandas is not installed")
    with staffed as ledger:
        frame = ledger.to_frame()
    assert list(frame["handler"]) == ["eng-17", None, "cs-05"]
    assert list(frame["team"]) == ["engineering", "cleaning", "customer_service"]
    assert list(frame["rule_team"]) == ["engineering", "cleaning", None]
    assert list(frame["team_from_rules"]) == [False, True, False]


# ---- the example ---------------------------------------------------------------------------


def test_the_people_example(library_file: Path, package_dir: Path) -> None:
    example = SOURCE_ROOT / "examples" / "people.py"
    lines = run_example(example, library_file, package_dir, timeout=300)
    # Worked from the default profile's dispatch section: the stuck lift (equipment) goes to
    # engineering, the rubbish (垃圾) to cleaning, the tailgating stranger (陌生人... 门禁) to
    # security; the fee question matches no row. W-2 is assigned to cleaner cl-03, W-1 to
    # engineer eng-17, and W-4 to cs-05 of customer service; the escalation of W-1 names nobody,
    # so it keeps engineering and loses its handler.
    assert lines == [
        "teams: cleaning, customer_service, engineering, greening, security",
        "W-1 lift stuck between floors 3 and 4: dispatched to engineering",
        "W-2 楼道垃圾三天没人清理: dispatched to cleaning",
        "W-3 门禁坏了，有陌生人跟进来: dispatched to security",
        "W-4 how is the management fee paid?: dispatched to nobody",
        "W-1: engineering / eng-17",
        "W-2: cleaning / cl-03",
        "W-3: security (the rules') / nobody yet",
        "W-4: customer_service / cs-05",
        "after escalation W-1: engineering / nobody yet",
        "engineering's open cases: W-1",
        "security's open cases: W-3",
        "nobody's: W-1, W-3",
        "unknown team: not found",
    ]


# A case's SLA clocks count in the calendar of the team that owns it (README.md, "Teams and their
# calendars"): policy p's `resolution` (8 hours, no calendar of its own) for an equipment case,
# which goes to greening, at work 09:00-18:00 Monday to Friday in Asia/Shanghai (UTC+8).
TEAM_CALENDAR_PROFILE = {
    "plaint_profile": 1,
    "calendars": {
        "office": {
            "timezone": "Asia/Shanghai",
            "week": {d: [["09:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri")},
        }
    },
    "policies": {"p": {"targets": [{"kind": "resolution", "duration": "8h"}]}},
    "teams": {"greening": {"calendar": "office"}, "cleaning": {}},
    "rules": {
        "sections": [
            {
                "name": "policy",
                "hit": "first",
                "rows": [{"id": "all", "when": {}, "then": {"sla_policy": "p"}}],
            },
            {
                "name": "dispatch",
                "hit": "first",
                "rows": [
                    {"id": "eq", "when": {"category": "equipment"}, "then": {"team": "greening"}},
                    {"id": "q", "when": {"category": "quality"}, "then": {"team": "cleaning"}},
                ],
            },
        ]
    },
}


def test_clocks_count_in_the_owning_teams_calendar() -> None:
    # Received Friday 2026-03-06T17:00:00+08:00 = 1772787600. By hand: 1 h on Friday
    # (17:00-18:00), 7 h on Monday (09:00-16:00): due 2026-03-09T16:00:00+08:00 = 1773043200.
    # Cleaning has no calendar: 8 h round the clock, Saturday 01:00 = 1772816400. Reassigned to
    # greening on Friday at 21:00 (1772802000) after 4 h, the other 4 h run Monday 09:00-13:00:
    # due 2026-03-09T13:00:00+08:00 = 1773032400.
    received = 1772787600
    with plaint.Ledger(plaint.Profile.from_json(TEAM_CALENDAR_PROFILE)) as ledger:
        g = ledger.add({"id": "G", "received": received, "category": "equipment"})
        c = ledger.add({"id": "C", "received": received, "category": "quality"})
        due = {lc.index: lc.clock.due for lc in ledger.clocks_at(received + 30 * MINUTE)}
        assert due == {g: 1773043200, c: 1772816400}
        ledger.add_event(c, "record", received + 10 * MINUTE, "duty_staff")
        ledger.add_event(c, "classify", received + 20 * MINUTE, "duty_staff", nature="valid")
        ledger.add_event(c, "assign", 1772802000, "duty_staff", team="greening")
        due = {lc.index: lc.clock.due for lc in ledger.clocks_at(1772802000 + MINUTE)}
        assert due == {g: 1773043200, c: 1773032400}


def test_a_complaints_clocks_under_a_profile_count_in_its_teams_calendar() -> None:
    # The same hand-worked instants as above, through Complaint.clocks with the profile: seen
    # half an hour in, dispatched to greening, due Monday 16:00 (1773043200); dispatched nowhere,
    # Saturday 01:00 (1772816400); assigned to greening at Friday 21:00, Monday 13:00
    # (1773032400). The policy set alone knows no teams: round the clock.
    received = 1772787600
    with plaint.Profile.from_json(TEAM_CALENDAR_PROFILE) as profile, plaint.Complaint(
        "K", received
    ) as c:
        c.apply("record", received + 10 * MINUTE, "duty_staff")
        c.apply("classify", received + 20 * MINUTE, "duty_staff", nature="valid")
        c.apply("assign", 1772802000, "duty_staff", team="greening")
        early = received + 30 * MINUTE
        assert c.clock(profile, "p", "resolution", early, team="greening").due == 1773043200
        assert c.clocks(profile, "p", early)[0].due == 1772816400
        late = c.clock(profile, "p", "resolution", 1772802000 + MINUTE)
        assert (late.due, late.elapsed) == (1773032400, 4 * 3600)
        policies = profile.policy_set
        assert c.clocks(policies, "p", 1772802000 + MINUTE)[0].due == 1772816400
        with pytest.raises(TypeError):
            c.clocks(policies, "p", early, team="greening")
        with pytest.raises(TypeError):
            c.clocks("p", "p", early)  # type: ignore[arg-type]
        with pytest.raises(plaint.NotFoundError):
            c.clocks(profile, "nope", early)
