// People and teams (issue 15, DOMAIN.md §8 "Who handles it"): the profile's teams, the rules'
// dispatch to a team, handler and team ids on events, and the ledger's owner by handler and
// team. Expected values are read off the small profiles and event logs written here.
#include "clock_reference.hpp"
#include "support.hpp"
#include <plaint/ledger.hpp>
#include <plaint/people.hpp>
#include <plaint/profile.hpp>
#include <plaint/snapshot.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace plaint;
using test::code_of;
using test::message_of;

namespace {

const Instant t0 = parse_iso8601("2026-03-02T09:00:00+08:00");
constexpr Instant M = 60;

// Two teams; equipment goes to engineering, noise at night to security.
const char* const teams_profile = R"({"plaint_profile": 1,
  "calendars": {"office": {"timezone": "Asia/Shanghai",
                           "week": {"mon": [["09:00", "18:00"]]}}},
  "policies": {"p": {"targets": [{"kind": "record", "duration": "1h"}]}},
  "teams": {
    "security": {"name": "保安部", "roles": ["duty_staff"]},
    "engineering": {"name": "工程部", "roles": ["cs_assistant", "duty_staff"],
                    "calendar": "office"},
    "cs": {}},
  "rules": {"sections": [{"name": "dispatch", "hit": "first", "rows": [
    {"id": "equipment", "when": {"category": "equipment"}, "then": {"team": "engineering"}},
    {"id": "noise", "when": {"keywords": ["noise"]}, "then": {"team": "security"}}]}]}
})";

Event ev(EventType t, Instant at, std::string handler = {}, std::string team = {}) {
    Event e = Event::of(t, at);
    if (t == EventType::classify)
        e.nature = Nature::valid;
    e.handler = std::move(handler);
    e.team = std::move(team);
    return e;
}

Intake intake(std::string_view id, Category cat, std::string_view content) {
    Intake in;
    in.id = id;
    in.received = t0;
    in.category = cat;
    in.content = content;
    return in;
}

} // namespace

TEST_CASE("people: a profile's teams, sorted, with their roles and calendar") {
    const Profile p = Profile::from_json(teams_profile);
    REQUIRE(p.teams().size() == 3);
    CHECK(p.teams()[0].id == "cs");
    CHECK(p.teams()[1].id == "engineering");
    CHECK(p.teams()[2].id == "security");
    CHECK(p.teams()[1].name == "工程部");
    CHECK(p.teams()[1].roles == std::vector<Role>{Role::duty_staff, Role::cs_assistant});
    CHECK(p.teams()[1].calendar == "office");
    CHECK(p.teams()[0].name.empty());
    CHECK(p.teams()[0].roles.size() == 5); // none listed: every role
    CHECK(p.find_team("security") == &p.teams()[2]);
    CHECK(p.find_team("Security") == nullptr);
    CHECK(Profile::from_json(R"({"plaint_profile": 1})").teams().empty());
}

TEST_CASE("people: bad teams are validation errors with their place") {
    auto problem = [](const std::string& teams, const std::string& then = "") {
        const std::string text =
            R"({"plaint_profile": 1, "teams": )" + teams +
            (then.empty()
                 ? ""
                 : R"(, "rules": {"sections": [{"name": "s", "hit": "first", "rows": [{"id": "r", "then": )" +
                       then + "}]}]}") +
            "}";
        return message_of([&] { Profile::from_json(text); });
    };
    CHECK(problem(R"({"a": {"roles": ["boss"]}})").find("/teams/a/roles/0: expected a role") !=
          std::string::npos);
    CHECK(problem(R"({"a": {"calendar": "night"}})")
              .find("/teams/a/calendar: undefined calendar 'night'") != std::string::npos);
    CHECK(problem(R"({"a": {"colour": "red"}})").find("/teams/a/colour: unknown key") !=
          std::string::npos);
    CHECK(problem(R"({"a": {"roles": []}})").find("/teams/a/roles: expected a non-empty list") !=
          std::string::npos);
    CHECK(problem(R"({"a": 5})").find("/teams/a: expected a team object") != std::string::npos);
    CHECK(problem("[]").find("/teams: expected an object") != std::string::npos);
    // An id of 65 bytes, and one with a control character.
    CHECK(problem("{\"" + std::string(65, 'x') + "\": {}}").find("at most 64") !=
          std::string::npos);
    CHECK(problem(R"({"a\tb": {}})").find("control character") != std::string::npos);
    // A rule dispatching to a team the profile lacks; a team output that is not a string.
    CHECK(problem(R"({"a": {}})", R"({"team": "b"})")
              .find("/rules/sections/0/rows/0/then/team: undefined team 'b'") != std::string::npos);
    CHECK(problem(R"({"a": {}})", R"({"team": 7})")
              .find("/rules/sections/0/rows/0/then/team: expected a team id") != std::string::npos);
    std::string edge = "{";
    for (int i = 0; i < 127; ++i)
        edge += (i ? ",\"t" : "\"t") + std::to_string(i) + "\": {}";
    edge += "}";
    CHECK(Profile::from_json(R"({"plaint_profile": 1, "teams": )" + edge + "}").teams().size() ==
          127);
    std::string many = "{";
    for (int i = 0; i < 128; ++i)
        many += (i ? ",\"t" : "\"t") + std::to_string(i) + "\": {}";
    many += "}";
    CHECK(problem(many).find("/teams: more than 127 teams") != std::string::npos);
    CHECK(code_of([&] { Profile::from_json(R"({"plaint_profile": 1, "teams": {"a": 5}})"); }) ==
          errc::validation);
}

TEST_CASE("people: the rules dispatch to a team, shown in the decision") {
    const Profile p = Profile::from_json(teams_profile);
    Facts f;
    f.category = Category::equipment;
    CHECK(p.classify(f).team == std::string_view("engineering"));
    f.category = Category::other;
    f.content = "loud noise at night";
    const Decision d = p.classify(f);
    CHECK(d.team == std::string_view("security"));
    CHECK(to_json(d).find(R"("team":"security")") != std::string::npos);
    f.content = "nothing";
    CHECK_FALSE(p.classify(f).team);
}

TEST_CASE("people: handler and team ids on a complaint's events") {
    Complaint c("P", t0);
    c.apply(ev(EventType::record, t0 + M, "desk-01"));
    CHECK(c.handler().empty()); // recording does not take the case
    c.apply(ev(EventType::classify, t0 + 2 * M, "desk-01"));
    c.apply(ev(EventType::assign, t0 + 3 * M, "eng-17", "engineering"));
    CHECK(c.handler() == "eng-17");
    CHECK(c.team() == "engineering");
    c.apply(ev(EventType::start, t0 + 4 * M, "eng-17"));
    // An escalation to the CS manager with no handler named: the team stays, the handler goes.
    c.apply(ev(EventType::escalate, t0 + 5 * M));
    CHECK(c.handler().empty());
    CHECK(c.team() == "engineering");
    c.apply(ev(EventType::assign, t0 + 6 * M, "sec-02", "security"));
    CHECK(c.team() == "security");
    CHECK(c.events().back().handler == "sec-02");
    CHECK(c.events()[1].handler == "desk-01");
    // Bad ids and a team where none belongs: refused, nothing changes.
    const std::size_t n = c.events().size();
    CHECK(code_of([&] { c.apply(ev(EventType::resolve, t0 + 7 * M, std::string(65, 'h'))); }) ==
          errc::too_large);
    CHECK(code_of([&] { c.apply(ev(EventType::resolve, t0 + 7 * M, "\xff\xfe")); }) ==
          errc::encoding);
    CHECK(code_of([&] { c.apply(ev(EventType::resolve, t0 + 7 * M, "a\nb")); }) ==
          errc::invalid_argument);
    CHECK(code_of([&] { c.apply(ev(EventType::resolve, t0 + 7 * M, "a\xc2\x85")); }) ==
          errc::invalid_argument); // U+0085, a C1 control
    CHECK(message_of([&] { c.apply(ev(EventType::resolve, t0 + 7 * M, "x", "security")); }) ==
          "a team is given on 'assign' or 'escalate', not on 'resolve'");
    CHECK(c.events().size() == n);
    CHECK(c.handler() == "sec-02");
    // 64 bytes is the limit, and non-ASCII ids are fine.
    c.apply(ev(EventType::resolve, t0 + 7 * M, std::string(64, 'h')));
    CHECK_NOTHROW(validate_staff_id("工程-7", "handler"));
    // The JSON form carries them and reads them back.
    const Complaint back = complaint_from_json(to_json(c));
    CHECK(back.handler() == "sec-02");
    CHECK(back.team() == "security");
    CHECK(back.events()[3].team == "engineering");
    CHECK(code_of([&] {
              complaint_from_json(R"({"id":"X","received":1772413200,"events":[)"
                                  R"({"type":"record","at":1772413300,"handler":5}]})");
          }) == errc::validation);
}

TEST_CASE("people: the ledger keeps each case's team and handler and selects by them") {
    Ledger l(Profile::from_json(teams_profile));
    l.add(intake("A", Category::equipment, "lift stuck"));     // the rules: engineering
    l.add(intake("B", Category::other, "noise from the bar")); // the rules: security
    l.add(intake("C", Category::quality, "dirty stairs"));     // no team
    CHECK(l.view(0).team == "engineering");
    CHECK(l.view(0).team_from_rules);
    CHECK(l.view(0).rule_team == "engineering");
    CHECK(l.view(1).team == "security");
    CHECK(l.view(2).team.empty());
    CHECK(l.view(2).handler.empty());

    for (std::size_t i = 0; i < 3; ++i) {
        l.add_event(i, ev(EventType::record, t0 + M, "desk-01"));
        l.add_event(i, ev(EventType::classify, t0 + 2 * M, "desk-01"));
    }
    // A is assigned to an engineer of engineering; C to a cleaner of the CS team; B stays with
    // the rules' security.
    l.add_event(0, ev(EventType::assign, t0 + 3 * M, "eng-17", "engineering"));
    l.add_event(2, ev(EventType::assign, t0 + 3 * M, "cs-05", "cs"));
    CHECK(l.view(0).handler == "eng-17");
    CHECK_FALSE(l.view(0).team_from_rules);
    CHECK(l.view(2).team == "cs");
    CHECK(l.view(2).rule_team.empty());

    // An unknown team is not found and changes nothing; a bad handler id likewise.
    const std::size_t events = l.event_count();
    CHECK(code_of([&] { l.add_event(1, ev(EventType::assign, t0 + 4 * M, "x", "cleaning")); }) ==
          errc::not_found);
    CHECK(message_of([&] { l.add_event(1, ev(EventType::assign, t0 + 4 * M, "x", "cleaning")); }) ==
          "unknown team 'cleaning'; the profile's teams are cs, engineering, security");
    CHECK(code_of([&] { l.add_event(1, ev(EventType::assign, t0 + 4 * M, "\xc3")); }) ==
          errc::encoding);
    CHECK(l.event_count() == events);
    CHECK(l.view(1).handler.empty());
    CHECK(l.view(1).team == "security");

    Query q;
    q.team = "engineering";
    CHECK(l.select(q) == std::vector<std::size_t>{0});
    q.team = "security";
    CHECK(l.select(q) == std::vector<std::size_t>{1});
    q = {};
    q.handler = "cs-05";
    CHECK(l.select(q) == std::vector<std::size_t>{2});
    q.handler = "";
    CHECK(l.select(q) == std::vector<std::size_t>{1});

    // The events carry them, in brief and rebuilt; the view's JSON names the owner.
    std::vector<EventBrief> brief;
    l.events_brief(0, brief);
    REQUIRE(brief.size() == 4);
    CHECK(brief[1].handler == "desk-01");
    CHECK(brief[3].handler == "eng-17");
    CHECK(brief[3].team == "engineering");
    CHECK(brief[0].handler.empty());
    CHECK(l.complaint(0).handler() == "eng-17");
    CHECK(l.view_json(0).find(R"("team":"engineering","handler":"eng-17")") != std::string::npos);

    // Replay and snapshots keep them; a replay under a profile without the team refuses it.
    const Ledger again = l.replay(Profile::from_json(teams_profile));
    CHECK(again.view(0).handler == "eng-17");
    CHECK(again.view(2).team == "cs");
    const Ledger back = load_snapshot_from_string(save_snapshot_to_string(l));
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(back.view(i).team == l.view(i).team);
        CHECK(back.view(i).handler == l.view(i).handler);
        CHECK(back.view(i).rule_team == l.view(i).rule_team);
    }
    CHECK(code_of([&] { l.replay(Profile::from_json(R"({"plaint_profile": 1})")); }) ==
          errc::not_found);
}

TEST_CASE("people: handler and team columns of an events CSV") {
    Ledger l(Profile::from_json(teams_profile));
    const ImportReport r =
        l.import_csv("id,received,category\n"
                     "A,2026-03-02T09:00:00+08:00,equipment\n",
                     "complaint_id,at,type,role,nature,handler,team\n"
                     "A,2026-03-02T09:05:00+08:00,record,duty_staff,,desk-01,\n"
                     "A,2026-03-02T09:06:00+08:00,classify,duty_staff,valid,desk-01,\n"
                     "A,2026-03-02T09:07:00+08:00,assign,duty_staff,,eng-17,engineering\n"
                     "A,2026-03-02T09:08:00+08:00,start,duty_staff,,eng-17,engineering\n"
                     "A,2026-03-02T09:09:00+08:00,start,duty_staff,,eng-17,\n");
    CHECK(r.events == 4);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 5); // the first start names a team: refused; the second is taken
    CHECK(r.problems[0].code == errc::invalid_argument);
    CHECK(l.view(0).handler == "eng-17");
    CHECK(l.view(0).state == State::in_progress);
}

// ---- team calendars (issue 15, part 2): a case's clocks count in its owning team's calendar ----
namespace {

// Office hours 09:00–18:00 Monday to Friday in Asia/Shanghai (UTC+8 all year, no daylight
// saving). Policy p: `resolution` 8 h naming no calendar (so it follows the owning team), `wall`
// 8 h naming "24x7" (it keeps round-the-clock time), `record` 2 h naming "office" (it keeps
// office hours). Equipment goes to greening (office hours), quality to cleaning (no calendar).
const char* const team_cal_profile = R"({"plaint_profile": 1,
  "calendars": {"office": {"timezone": "Asia/Shanghai", "week": {
      "mon": [["09:00", "18:00"]], "tue": [["09:00", "18:00"]], "wed": [["09:00", "18:00"]],
      "thu": [["09:00", "18:00"]], "fri": [["09:00", "18:00"]]}}},
  "policies": {"p": {"targets": [
      {"kind": "resolution", "duration": "8h"},
      {"kind": "first_feedback", "name": "wall", "duration": "8h", "calendar": "24x7"},
      {"kind": "record", "duration": "2h", "calendar": "office"}]}},
  "teams": {"greening": {"calendar": "office"}, "cleaning": {}},
  "rules": {"sections": [
    {"name": "policy", "hit": "first", "rows": [
      {"id": "all", "when": {}, "then": {"sla_policy": "p"}}]},
    {"name": "dispatch", "hit": "first", "rows": [
      {"id": "equipment", "when": {"category": "equipment"}, "then": {"team": "greening"}},
      {"id": "quality", "when": {"category": "quality"}, "then": {"team": "cleaning"}}]}]}
})";

// 2026-03-06 is a Friday (2026-03-02 above is a Monday).
const Instant fri_17 = parse_iso8601("2026-03-06T17:00:00+08:00");

Intake intake_at(std::string_view id, Category cat) {
    Intake in = intake(id, cat, "");
    in.received = fri_17;
    return in;
}

std::optional<Instant> due_of(const std::vector<Clock>& clocks, std::string_view target) {
    for (const Clock& c : clocks)
        if (c.target == target)
            return c.due;
    return std::nullopt;
}

// The fields of two clock lists that the calendar decides, side by side.
void same_clocks(const std::vector<Clock>& a, const std::vector<Clock>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].target == b[i].target);
        CHECK(a[i].state == b[i].state);
        CHECK(a[i].due == b[i].due);
        CHECK(a[i].elapsed == b[i].elapsed);
        CHECK(a[i].warnings == b[i].warnings);
    }
}

} // namespace

TEST_CASE("people: a case's clocks count in the calendar of the team it was dispatched to") {
    const Profile p = Profile::from_json(team_cal_profile);
    Ledger l(p);
    const std::size_t g = l.add(intake_at("G", Category::equipment)); // greening, office hours
    const std::size_t c = l.add(intake_at("C", Category::quality));   // cleaning, no calendar
    const std::size_t n = l.add(intake_at("N", Category::other));     // no team
    REQUIRE(l.view(g).rule_team == "greening");
    REQUIRE(l.view(c).rule_team == "cleaning");
    REQUIRE(l.view(n).rule_team.empty());
    const Instant at = fri_17 + 30 * M;

    // By hand: 8 h of office time from Friday 17:00 is 1 h on Friday (17:00–18:00) and 7 h on
    // Monday (09:00–16:00); 8 h round the clock is Saturday 01:00; the record target's own 2 h of
    // office time is 1 h on Friday and 1 h on Monday, to 10:00, whoever owns the case.
    const Instant mon_16 = parse_iso8601("2026-03-09T16:00:00+08:00");
    const Instant sat_01 = parse_iso8601("2026-03-07T01:00:00+08:00");
    const Instant mon_10 = parse_iso8601("2026-03-09T10:00:00+08:00");
    const auto cg = l.clocks(g, at);
    CHECK(due_of(cg, "resolution") == mon_16);
    CHECK(due_of(cg, "wall") == sat_01); // the policy's explicit "24x7" wins
    CHECK(due_of(cg, "record") == mon_10);
    for (std::size_t i : {c, n}) {
        const auto cc = l.clocks(i, at);
        CHECK(due_of(cc, "resolution") == sat_01);
        CHECK(due_of(cc, "wall") == sat_01);
        CHECK(due_of(cc, "record") == mon_10);
    }
    // Half an hour in: 30 min of business time either way, of 8 h (6.25 %).
    REQUIRE(cg.size() == 3);
    CHECK(cg[0].elapsed == 30 * M);
    CHECK(cg[0].percent == Approx(6.25));
    // Saturday noon: the greening case's resolution clock has counted only Friday's hour; the
    // cleaning case's is past its due.
    const Instant sat_12 = parse_iso8601("2026-03-07T12:00:00+08:00");
    CHECK(l.clocks(g, sat_12)[0].elapsed == 60 * M);
    CHECK(l.clocks(g, sat_12)[0].state == ClockState::running);
    CHECK(l.clocks(c, sat_12)[0].state == ClockState::breached);

    // The Complaint-level evaluation agrees, given the team the rules dispatched it to; without
    // teams (the policy set alone) the targets keep their own calendars.
    for (std::size_t i : {g, c, n}) {
        const Complaint k = l.complaint(i);
        same_clocks(p.clocks("p", k, at, l.view(i).rule_team), l.clocks(i, at));
        same_clocks(p.policies().clocks("p", k, at, p.teams(), l.view(i).rule_team),
                    l.clocks(i, at));
        CHECK(due_of(p.policies().clocks("p", k, at), "resolution") == sat_01);
    }
    // Only breached clocks of the due greening case at Monday 16:30; both others since Saturday.
    const Instant mon_1630 = mon_16 + 30 * M;
    std::vector<std::size_t> breached;
    for (const LedgerClock& lc : l.clocks_at(sat_12, ClockFilter::breached))
        if (lc.clock.target == "resolution")
            breached.push_back(lc.index);
    CHECK(breached == std::vector<std::size_t>{c, n});
    breached.clear();
    for (const LedgerClock& lc : l.clocks_at(mon_1630, ClockFilter::breached))
        if (lc.clock.target == "resolution")
            breached.push_back(lc.index);
    CHECK(breached == std::vector<std::size_t>{g, c, n});
}

TEST_CASE("people: a reassignment to a team of another calendar re-times the rest of a clock") {
    const Profile p = Profile::from_json(team_cal_profile);
    Ledger l(p);
    const std::size_t c = l.add(intake_at("C", Category::quality));   // cleaning: wall clock
    const std::size_t g = l.add(intake_at("G", Category::equipment)); // greening: office hours
    for (std::size_t i : {c, g}) {
        l.add_event(i, ev(EventType::record, fri_17 + 10 * M));
        l.add_event(i, ev(EventType::classify, fri_17 + 20 * M));
    }
    // Cleaning's case goes to greening on Friday at 21:00: 4 h of wall time have run (17:00 to
    // 21:00); the other 4 h count in office hours from Monday 09:00, to 13:00.
    l.add_event(
        c, ev(EventType::assign, parse_iso8601("2026-03-06T21:00:00+08:00"), "g-1", "greening"));
    // Greening's case goes to cleaning on Saturday at 12:00: 1 h of office time ran on Friday;
    // the other 7 h run round the clock from Saturday 12:00, to 19:00.
    l.add_event(
        g, ev(EventType::assign, parse_iso8601("2026-03-07T12:00:00+08:00"), "c-1", "cleaning"));
    const Instant mon_13 = parse_iso8601("2026-03-09T13:00:00+08:00");
    const Instant sat_19 = parse_iso8601("2026-03-07T19:00:00+08:00");
    const Instant at = parse_iso8601("2026-03-07T13:00:00+08:00");
    const auto cc = l.clocks(c, at), cg = l.clocks(g, at);
    CHECK(due_of(cc, "resolution") == mon_13);
    CHECK(due_of(cg, "resolution") == sat_19);
    // Saturday 13:00: cleaning's case has 4 h counted (nothing since Friday 21:00); greening's
    // 1 h on Friday and 1 h since Saturday noon.
    CHECK(cc[0].elapsed == 4 * 60 * M);
    CHECK(cg[0].elapsed == 2 * 60 * M);
    // The explicit calendars never move.
    CHECK(due_of(cc, "wall") == parse_iso8601("2026-03-07T01:00:00+08:00"));
    CHECK(due_of(cg, "record") == parse_iso8601("2026-03-09T10:00:00+08:00"));
    // Before the reassignment the first case's clock was due on Saturday 01:00, as planned then.
    CHECK(due_of(l.clocks(c, fri_17 + 3 * 60 * M), "resolution") ==
          parse_iso8601("2026-03-07T01:00:00+08:00"));

    // The same through the Complaint and the profile, and after a snapshot round trip.
    const Ledger back = load_snapshot_from_string(save_snapshot_to_string(l));
    for (std::size_t i : {c, g}) {
        const Complaint k = l.complaint(i);
        same_clocks(p.clocks("p", k, at, l.view(i).rule_team), l.clocks(i, at));
        same_clocks(back.clocks(i, at), l.clocks(i, at));
        same_clocks(back.clocks(i, mon_13 + M), l.clocks(i, mon_13 + M));
    }
    CHECK(due_of(back.clocks(c, at), "resolution") == mon_13);
    // And the second derivation (tests/unit/clock_reference.hpp: running periods as a list, each
    // with its calendar) agrees at instants before, across and after the reassignments.
    for (std::size_t i : {c, g})
        for (const Instant when : {fri_17 + 2 * 60 * M, at, mon_13 - M, mon_13 + M})
            reference::same_clocks(l.clocks(i, when),
                                   reference::clocks(p.policies(), "p", l.complaint(i), when,
                                                     &p.teams(), l.view(i).rule_team));
    // Replayed under the same profile, the clocks are the same again.
    Ledger again(p);
    for (std::size_t i : {c, g})
        again.add(l.complaint(i));
    for (std::size_t i : {c, g})
        same_clocks(again.clocks(i, at), l.clocks(i, at));
}
