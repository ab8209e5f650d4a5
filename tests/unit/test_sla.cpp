// SLA policies and clocks. Expected instants are worked by hand from each complaint's event
// timeline (offsets from t0 in the comments) and from DOMAIN.md §5's limits.
#include "clock_reference.hpp"
#include "support.hpp"
#include <plaint/ledger.hpp>
#include <plaint/profile.hpp>
#include <plaint/sla.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <string>

using namespace plaint;

namespace {

constexpr Duration H = 3600;
constexpr Duration M = 60;
const Instant t0 = parse_iso8601("2026-03-02T09:15:00+08:00");

void step(Complaint& c, EventType type, Instant at) {
    Event e = Event::of(type, at);
    if (type == EventType::classify)
        e.nature = Nature::valid;
    if (type == EventType::visit)
        e.method = VisitMethod::phone;
    c.apply(e);
}

const Clock& find(const std::vector<Clock>& clocks, const std::string& target, int cycle = 1,
                  int round = 1) {
    for (const auto& c : clocks)
        if (c.target == target && c.cycle == cycle && c.round == round)
            return c;
    FAIL("no clock " << target << " cycle " << cycle << " round " << round);
    return clocks.front();
}

// Received at t0; recorded +10 min, classified +20 min, assigned +30 min, started +2 h,
// waiting on the resident from +5 h to +29 h, resolved +80 h.
Complaint handled() {
    Complaint c("C", t0);
    step(c, EventType::record, t0 + 10 * M);
    step(c, EventType::classify, t0 + 20 * M);
    step(c, EventType::assign, t0 + 30 * M);
    step(c, EventType::start, t0 + 2 * H);
    step(c, EventType::wait, t0 + 5 * H);
    step(c, EventType::resume, t0 + 29 * H);
    step(c, EventType::resolve, t0 + 80 * H);
    return c;
}

} // namespace

TEST_CASE("durations in seconds, units and ISO 8601") {
    CHECK(parse_duration("3600") == 3600);
    CHECK(parse_duration("24h") == 86400);
    CHECK(parse_duration("1h30m") == 5400);
    CHECK(parse_duration("90m") == 5400);
    CHECK(parse_duration("45s") == 45);
    CHECK(parse_duration("2d") == 172800);
    CHECK(parse_duration("PT72H") == 259200);
    CHECK(parse_duration("PT1H30M") == 5400);
    CHECK(parse_duration("P1DT2H") == 93600);
    CHECK(parse_duration("pt4h") == 14400);
    for (const char* bad : {"", "h", "PT", "PT24", "24x", "P1H", "1h30", "PT1H1D", "-5m", " 1h"})
        CHECK(code_of([&] { parse_duration(bad); }) == errc::parse);
    CHECK(code_of([] { parse_duration("99999999999999999999"); }) == errc::overflow);
    CHECK(code_of([] { parse_duration("9999999999999999h"); }) == errc::overflow);
}

TEST_CASE("the default policies carry DOMAIN.md's limits") {
    const PolicySet& set = PolicySet::default_set();
    CHECK(set.policy_names() == std::vector<std::string>{"complaint", "consultation", "feedback",
                                                         "repair", "repair_urgent"});
    auto duration = [&](const char* policy, const char* target) {
        for (const auto& t : set.find(policy)->targets)
            if (t.name == target)
                return t.duration;
        return Duration(-1);
    };
    CHECK(duration("complaint", "record") == 1 * H);
    CHECK(duration("complaint", "first_feedback") == 24 * H);
    CHECK(duration("complaint", "resolution") == 72 * H);
    CHECK(duration("repair", "repair_response") == 24 * H);
    CHECK(duration("repair", "repair_completion") == 48 * H);
    CHECK(duration("repair_urgent", "repair_response") == 4 * H);
    CHECK(duration("repair_urgent", "repair_completion") == 24 * H);
    CHECK(duration("consultation", "consultation_answer") == 1 * H);
    // DOMAIN.md §8: a suggestion or praise gets a first reply within 24 hours.
    CHECK(duration("feedback", "acknowledge") == 24 * H);
    CHECK(set.find("complaint")->targets[0].calendar == "24x7");
    CHECK(set.find("consultation")->targets[1].calendar == "office");
    CHECK(set.find("nothing") == nullptr);
    CHECK(set.calendar("office") != nullptr);
    CHECK(set.calendar("24x7") != nullptr);
}

TEST_CASE("clocks of a complaint while it is handled") {
    const PolicySet& set = PolicySet::default_set();
    const Complaint c = handled();
    {
        const auto clocks = set.clocks("complaint", c, t0 + 30 * M);
        const Clock& record = find(clocks, "record");
        CHECK(record.state == ClockState::met);
        CHECK(record.elapsed == 10 * M);
        CHECK(record.due == t0 + 1 * H);
        CHECK(record.stopped == t0 + 10 * M);
        const Clock& feedback = find(clocks, "first_feedback");
        CHECK(feedback.state == ClockState::running);
        CHECK(feedback.elapsed == 30 * M);
        CHECK(feedback.remaining == 24 * H - 30 * M);
        CHECK(feedback.due == t0 + 24 * H);
        CHECK(feedback.percent == Approx(100.0 * 1800 / 86400));
        // Warnings at 75% and 90% of 24 h: +18 h and +21 h 36 min.
        CHECK(feedback.warnings == std::vector<Instant>{t0 + 18 * H, t0 + 21 * H + 36 * M});
        const Clock& rect = find(clocks, "rectification", 1, 0);
        CHECK(rect.state == ClockState::not_started);
    }
    {
        // Paused while waiting: 5 h counted; the due instant is projected from the query.
        const auto clocks = set.clocks("complaint", c, t0 + 10 * H);
        const Clock& result = find(clocks, "resolution");
        CHECK(result.state == ClockState::paused);
        CHECK(result.elapsed == 5 * H);
        CHECK(result.due == t0 + 10 * H + 67 * H);
    }
    {
        // After resolution at +80 h: 5 h before the wait and 51 h after it, 56 h of 72 h.
        const auto clocks = set.clocks("complaint", c, t0 + 100 * H);
        const Clock& result = find(clocks, "resolution");
        CHECK(result.state == ClockState::met);
        CHECK(result.elapsed == 56 * H);
        CHECK(result.remaining == 16 * H);
        CHECK(result.due == t0 + 96 * H); // 5 h, then 67 h from +29 h
        CHECK(result.stopped == t0 + 80 * H);
        CHECK_FALSE(result.breached_at);
        CHECK(find(clocks, "first_feedback").state == ClockState::met);
        CHECK(find(clocks, "first_feedback").elapsed == 2 * H);
    }
}

TEST_CASE("warnings and breaches name the role to escalate to") {
    const PolicySet& set = PolicySet::default_set();
    Complaint c("C", t0);
    step(c, EventType::record, t0 + 2 * H); // an hour late
    auto clocks = set.clocks("complaint", c, t0 + 19 * H);
    const Clock& record = find(clocks, "record");
    CHECK(record.state == ClockState::breached);
    CHECK(record.breached_at == t0 + 1 * H);
    CHECK_FALSE(record.escalate_to);
    // 19 h of 24: past the 75% warning; first feedback escalates only on breach.
    CHECK(find(clocks, "first_feedback").state == ClockState::warning);
    CHECK_FALSE(find(clocks, "first_feedback").escalate_to);
    clocks = set.clocks("complaint", c, t0 + 25 * H);
    const Clock& feedback = find(clocks, "first_feedback");
    CHECK(feedback.state == ClockState::breached);
    CHECK(feedback.breached_at == t0 + 24 * H);
    CHECK(feedback.escalate_to == Role::cs_manager);
    CHECK(feedback.remaining == -1 * H);
    // Resolution: 54 h is 75% of 72 h.
    clocks = set.clocks("complaint", c, t0 + 54 * H);
    CHECK(find(clocks, "resolution").state == ClockState::warning);
    CHECK(find(clocks, "resolution").escalate_to == Role::cs_manager);
    clocks = set.clocks("complaint", c, t0 + 54 * H - 1);
    CHECK(find(clocks, "resolution").state == ClockState::running);
    // Exactly at the due instant nothing is late yet; one second after, it is.
    CHECK(find(set.clocks("complaint", c, t0 + 72 * H), "resolution").state == ClockState::warning);
    const Clock late = find(set.clocks("complaint", c, t0 + 72 * H + 1), "resolution");
    CHECK(late.state == ClockState::breached);
    CHECK(late.escalate_to == Role::general_manager);
}

TEST_CASE("a clock in office hours: the warning falls inside opening hours") {
    const PolicySet& set = PolicySet::default_set();
    // Wednesday 30 Sep 2026, 17:30: half an hour before closing on the eve of National Day;
    // the office reopens on Thursday 8 Oct at 09:00.
    const Instant received = parse_iso8601("2026-09-30T17:30:00+08:00");
    Complaint c("C", received);
    const auto clocks = set.clocks("consultation", c, parse_iso8601("2026-10-05T12:00:00+08:00"));
    const Clock& answer = find(clocks, "consultation_answer");
    CHECK(answer.state == ClockState::running);
    CHECK(answer.elapsed == 30 * M);
    CHECK(answer.percent == Approx(50.0));
    CHECK(answer.due == parse_iso8601("2026-10-08T09:30:00+08:00"));
    // 75% of an hour is 45 minutes: 30 on 30 Sep, 15 on 8 Oct.
    CHECK(answer.warnings.front() == parse_iso8601("2026-10-08T09:15:00+08:00"));
    // Round the clock the same complaint's record clock is long breached.
    CHECK(find(clocks, "record").state == ClockState::breached);
}

TEST_CASE("a reopened complaint starts a new cycle and keeps the old clocks") {
    const PolicySet& set = PolicySet::default_set();
    Complaint c = handled();
    step(c, EventType::visit, t0 + 90 * H);
    step(c, EventType::satisfied, t0 + 91 * H);
    step(c, EventType::reopen, t0 + 200 * H);
    const auto clocks = set.clocks("complaint", c, t0 + 210 * H);
    CHECK(find(clocks, "resolution", 1).state == ClockState::met);
    CHECK(find(clocks, "resolution", 1).elapsed == 56 * H);
    const Clock& again = find(clocks, "resolution", 2);
    CHECK(again.state == ClockState::running);
    CHECK(again.started == t0 + 200 * H);
    CHECK(again.elapsed == 10 * H);
    CHECK(again.due == t0 + 272 * H);
    // The record clock starts on receipt only: in cycle 2 it does not run.
    CHECK(find(clocks, "record", 2, 0).state == ClockState::not_started);
}

TEST_CASE("rectification runs to the deadline set at the unsatisfied visit, round by round") {
    const PolicySet& set = PolicySet::default_set();
    Complaint c = handled();
    step(c, EventType::visit, t0 + 90 * H);
    Event u = Event::of(EventType::unsatisfied, t0 + 91 * H);
    u.deadline = t0 + 139 * H; // 48 h to rectify
    c.apply(u);
    auto clocks = set.clocks("complaint", c, t0 + 100 * H);
    const Clock& r1 = find(clocks, "rectification", 1, 1);
    CHECK(r1.state == ClockState::running);
    CHECK(r1.due == t0 + 139 * H);
    CHECK(r1.duration == 48 * H);
    CHECK(r1.elapsed == 9 * H);
    step(c, EventType::resolve, t0 + 141 * H); // two hours late
    step(c, EventType::visit, t0 + 150 * H);
    u.at = t0 + 151 * H;
    u.deadline = t0 + 175 * H;
    c.apply(u);
    clocks = set.clocks("complaint", c, t0 + 152 * H);
    CHECK(find(clocks, "rectification", 1, 1).state == ClockState::breached);
    CHECK(find(clocks, "rectification", 1, 1).breached_at == t0 + 139 * H);
    CHECK(find(clocks, "rectification", 1, 1).escalate_to == Role::cs_manager);
    CHECK(find(clocks, "rectification", 1, 2).state == ClockState::running);
    CHECK(find(clocks, "rectification", 1, 2).due == t0 + 175 * H);
}

TEST_CASE("a changed policy recomputes the clocks from the same history") {
    const Complaint c = handled();
    const PolicySet strict = PolicySet::from_json(R"({"policies": {"strict": {"targets": [
        {"kind": "resolution", "duration": "48h", "warn": [0.5]}]}}})");
    const Clock result = find(strict.clocks("strict", c, t0 + 100 * H), "resolution");
    // 5 h, then 43 h from +29 h: due at +72 h; resolved at +80 h.
    CHECK(result.due == t0 + 72 * H);
    CHECK(result.state == ClockState::breached);
    CHECK(result.breached_at == t0 + 72 * H);
    CHECK(result.warnings == std::vector<Instant>{t0 + 48 * H}); // 5 h + 19 h from +29 h
    // An office-hours variant of the same target.
    const PolicySet office = PolicySet::from_json(R"({"calendars": {"office": {
        "timezone": "Asia/Shanghai", "week": {"mon": [["09:00","18:00"]],
        "tue": [["09:00","18:00"]], "wed": [["09:00","18:00"]], "thu": [["09:00","18:00"]],
        "fri": [["09:00","18:00"]]}}},
        "policies": {"p": {"targets": [{"kind": "first_feedback", "duration": "9h",
                                        "calendar": "office"}]}}})");
    // Received Monday 09:15; 9 office hours later is Tuesday 09:15. Started at +2 h: met.
    const Clock fb = find(office.clocks("p", c, t0 + 3 * H), "first_feedback");
    CHECK(fb.due == parse_iso8601("2026-03-03T09:15:00+08:00"));
    CHECK(fb.state == ClockState::met);
    CHECK(fb.elapsed == 2 * H);
    CHECK(code_of([&] { office.clocks("nope", c, t0); }) == errc::not_found);
}

TEST_CASE("policy documents are validated with every problem and its place") {
    const std::string msg = message_of([] {
        PolicySet::from_json(R"({"calendars": {"office": {"week": {"mon": [["09:00","25:00"]]}},
                                               "24x7": "24x7"},
            "policy": {},
            "policies": {"p": {"targets": [
                {"kind": "record", "duration": "1 hour"},
                {"kind": "record", "duration": "2h", "calendar": "nowhere"},
                {"kind": "custom", "duration": "1h"},
                {"kind": "rectification", "deadline_from_event": true, "duration": "1h"},
                {"kind": "resolution", "duration": "1h", "warn": [0.9, 0.5], "colour": "red",
                 "escalate_on_breach": "boss", "stop": ["finish"]},
                {"duration": "1h"},
                {"kind": "record", "name": "r2", "duration": "1h", "warn": [0.1, 0.2, 0.3, 0.4, 0.5]}
            ]}, "q": {"targets": []}}})");
    });
    INFO(msg);
    for (const char* expected : {
             "/calendars/office/week/mon/0: time '25:00' is not within 00:00-24:00",
             "/calendars/24x7: the name 24x7 is reserved",
             "/policy: unknown key",
             "/policies/p/targets/0/duration: duration '1 hour'",
             "/policies/p/targets/1: duplicate target name 'record'",
             "/policies/p/targets/1/calendar: undefined calendar 'nowhere'",
             "/policies/p/targets/2: a target needs start events",
             "/policies/p/targets/2: a target needs stop events",
             "/policies/p/targets/3: a target with deadline_from_event",
             "/policies/p/targets/4/warn/1: warnings must be in ascending order",
             "/policies/p/targets/4/colour: unknown key",
             "/policies/p/targets/4/escalate_on_breach: expected a role",
             "/policies/p/targets/4/stop/0: unknown event 'finish'",
             "/policies/p/targets/5: a target needs a kind",
             "/policies/p/targets/6/warn: at most 4 warnings",
             "/policies/q/targets: expected a non-empty list of targets",
         }) {
        CHECK(msg.find(expected) != std::string::npos);
    }
    CHECK(code_of([] { PolicySet::from_json("{\"policies\": "); }) == errc::parse);
    CHECK(code_of([] { PolicySet::from_json("[]"); }) == errc::validation);
    // A round trip keeps every policy and answers the same.
    const PolicySet& set = PolicySet::default_set();
    const PolicySet again = PolicySet::from_json(set.to_json());
    CHECK(again.to_json() == set.to_json());
    const Complaint c = handled();
    CHECK(find(again.clocks("complaint", c, t0 + 100 * H), "resolution").elapsed == 56 * H);
}

TEST_CASE("clocks equal the reference derivation on the sample month") {
    // Every October complaint of the sample under each of the default policies, at four
    // instants of its life and at the export: the clock engine against the straightforward
    // derivation of tests/unit/clock_reference.hpp.
    const PolicySet& set = PolicySet::default_set();
    // Read through a ledger of the default profile: the sample states no kind, and its rules
    // decide the consultations, whose `answer` a complaint read alone (a complaint's workflow)
    // would refuse; each is rebuilt with its kind and its own log.
    Ledger ledger(Profile::default_profile());
    const auto report = ledger.import_json_lines(
        test::read_file(std::string(PLAINT_DATA_DIR) + "/sample/complaints-2026-10.jsonl"));
    REQUIRE(report.bad_rows == 0);
    const Instant export_at = parse_iso8601("2026-11-01T00:00:00+08:00");
    std::size_t complaints = 0, clocks = 0;
    for (std::size_t k = 0; k < ledger.size(); ++k) {
        const Complaint c = ledger.complaint(k, false);
        ++complaints;
        for (const auto& name : set.policy_names())
            for (const Instant at : {c.received(), c.received() + 3600, c.received() + 30 * 3600,
                                     c.received() + 100 * 3600, export_at}) {
                INFO(c.id() << " " << name << " at " << at);
                const auto got = set.clocks(name, c, at);
                reference::same_clocks(got, reference::clocks(set, name, c, at));
                clocks += got.size();
            }
    }
    CHECK(complaints == 2231);
    CHECK(clocks > 50000);
}

TEST_CASE("a running clock counted beyond the calendars' years is an error") {
    // 24x7 targets (record, first feedback) and office-hours ones alike: 2300 lies beyond 2199.
    const PolicySet& set = PolicySet::default_set();
    const Complaint fresh("D", parse_iso8601("2026-03-02T09:15:00+08:00"));
    const Instant far = parse_iso8601("2300-01-01T00:00:00Z");
    for (const auto& name : set.policy_names()) {
        INFO(name);
        CHECK(test::code_of([&] { set.clocks(name, fresh, far); }) == errc::out_of_range);
        CHECK(test::code_of([&] { reference::clocks(set, name, fresh, far); }) ==
              errc::out_of_range);
    }
    // The last second the calendars compute still works.
    CHECK_NOTHROW(set.clocks("complaint", fresh, parse_iso8601("2199-12-31T23:59:59Z")));
}

TEST_CASE("durations: units once and in order, too large said so (issue 12)") {
    // "P1DT" (a 'T' with no time part) and "1h1h" (a unit twice) were accepted.
    for (const char* bad : {"P1DT",    "1h1h",   "PT1H1H", "P1DT1H1H", "1d1d", "30s30s", "1m1h",
                            "1s1d",    "PT1S1M", "P",      "p",        "PT",   "Pt",     "P1DTT1H",
                            "PT1HT1M", "PT1D",   "P1D1D",  "P1DT1D",   "1h30", "T1H",    "1hT1m",
                            "P1W",     "P1M",    "P1Y",    "1h 30m",   "1.5h", "+1h",    "h1"}) {
        INFO(bad);
        CHECK(code_of([&] { parse_duration(bad); }) == errc::parse);
    }
    CHECK_THAT(message_of([] { parse_duration("1h1h"); }), Catch::Contains("twice"));
    CHECK_THAT(message_of([] { parse_duration("1m1h"); }), Catch::Contains("order"));
    CHECK_THAT(message_of([] { parse_duration("P1DT"); }), Catch::Contains("'T' needs"));
    // Every form still read as before; values worked by hand.
    CHECK(parse_duration("1d2h3m4s") == 86400 + 7200 + 180 + 4);
    CHECK(parse_duration("P1DT2H3M4S") == 93784);
    CHECK(parse_duration("P2D") == 172800);
    CHECK(parse_duration("PT0S") == 0);
    CHECK(parse_duration("1D2H") == 93600);
    CHECK(parse_duration("0") == 0);
    CHECK(parse_duration("9223372036854775807") == std::numeric_limits<Duration>::max());
    // Overflow of each unit, and of the sum, is too large, never wrapped.
    for (const char* big :
         {"18446744073709551615", "9223372036854775808", "106751991167301d", "2562047788015216h",
          "153722867280912931m", "9223372036854775808s", "P106751991167301D", "PT2562047788015216H",
          "106751991167300d86400s", "2562047788015215h3600s"}) {
        INFO(big);
        const error e = error_of([&] { parse_duration(big); });
        CHECK(e.code() == errc::overflow);
        CHECK_THAT(std::string(e.what()), Catch::Contains("too large"));
    }
    // The largest whole number of days that fits.
    CHECK(parse_duration("106751991167300d") == Duration{106751991167300} * 86400);

    // In a policy document a number too large for int64 is too large, not "must be positive"
    // (JSON reads 18446744073709551615 as unsigned, 1e19 as a double).
    for (const char* big : {"18446744073709551615", "9223372036854775808", "1e19", "-1e19"}) {
        INFO(big);
        const std::string msg = message_of([&] {
            PolicySet::from_json(std::string(R"({"policies": {"p": {"targets": [
                {"kind": "record", "duration": )") +
                                 big + "}]}}}");
        });
        CHECK_THAT(msg, Catch::Contains("/policies/p/targets/0/duration: a duration of"));
        CHECK_THAT(msg, Catch::Contains("too large"));
        CHECK(msg.find("positive") == std::string::npos);
    }
}
