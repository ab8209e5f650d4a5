// The ledger (issue 6). Expected values are worked by hand from the README's state table, from
// DOMAIN.md §4–5's limits as the default profile encodes them (examples/data/default-profile.json)
// and from each complaint's timeline in the comments; the ledger's clocks are also compared with
// a second, independent derivation (tests/unit/clock_reference.hpp) on the rebuilt `Complaint`,
// and its re-evaluation with `Profile::reevaluate`.
#include "clock_reference.hpp"
#include "support.hpp"
#include <plaint/ledger.hpp>
#include <plaint/snapshot.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <limits>
#include <sstream>

using namespace plaint;

namespace {

constexpr Duration H = 3600;
constexpr Duration M = 60;
// Monday 2 March 2026, an ordinary working day in Asia/Shanghai.
const Instant t0 = parse_iso8601("2026-03-02T09:00:00+08:00");

Intake intake(std::string_view id, Instant received, Category cat = Category::quality,
              std::string_view content = "the corridor is not cleaned") {
    Intake in;
    in.id = id;
    in.received = received;
    in.channel = Channel::phone;
    in.category = cat;
    in.building = "A1";
    in.unit = "1802";
    in.content = content;
    return in;
}

Event ev(EventType t, Instant at, Role actor = Role::duty_staff) {
    Event e = Event::of(t, at, actor);
    if (t == EventType::classify)
        e.nature = Nature::valid;
    if (t == EventType::visit)
        e.method = VisitMethod::phone;
    return e;
}

const Clock* find_clock(const std::vector<Clock>& clocks, const std::string& target, int cycle = 1,
                        int round = 1) {
    for (const auto& c : clocks)
        if (c.target == target && c.cycle == cycle && c.round == round)
            return &c;
    return nullptr;
}

std::string default_profile_text() {
    return test::read_file(std::string(PLAINT_DATA_DIR) + "/default-profile.json");
}

// The default profile with the complaint policy's first feedback allowed 48 h instead of 24 h.
Profile profile_48h() {
    std::string text = default_profile_text();
    const std::string from = "\"kind\": \"first_feedback\",\n          \"duration\": \"24h\"";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), "\"kind\": \"first_feedback\",\n          \"duration\": \"48h\"");
    return Profile::from_json(text);
}

bool file_exists(const std::string& path) {
    std::ifstream in(path);
    return static_cast<bool>(in);
}

} // namespace

TEST_CASE("ledger: a lifecycle follows the README's state table") {
    Ledger l;
    const std::size_t i = l.add(intake("C-1", t0));
    CHECK(i == 0);
    CHECK(l.view(i).state == State::received);
    CHECK(l.view(i).owner == Role::duty_staff);
    CHECK(l.view(i).event_count == 1);
    // Row by row of the table: received -record-> recorded -classify-> classified -assign->
    // assigned -start-> in_progress -wait-> waiting -resume-> in_progress -resolve-> resolved
    // -visit-> return_visit -satisfied-> closed.
    const std::pair<EventType, State> steps[] = {
        {EventType::record, State::recorded},  {EventType::classify, State::classified},
        {EventType::assign, State::assigned},  {EventType::start, State::in_progress},
        {EventType::wait, State::waiting},     {EventType::resume, State::in_progress},
        {EventType::resolve, State::resolved}, {EventType::visit, State::return_visit},
        {EventType::satisfied, State::closed},
    };
    Instant at = t0;
    for (const auto& [type, state] : steps) {
        at += 10 * M;
        l.add_event(i, ev(type, at));
        INFO(to_string(type));
        CHECK(l.view(i).state == state);
    }
    CHECK(l.view(i).visit_method == VisitMethod::phone);
    // A closed complaint takes only reopen: the table's last-but-one row.
    const auto n = l.event_count();
    CHECK(test::code_of([&] { l.add_event(i, ev(EventType::start, at)); }) ==
          errc::illegal_transition);
    CHECK(test::code_of([&] { l.add_event(i, ev(EventType::reopen, at - 1)); }) ==
          errc::out_of_order);
    CHECK(l.event_count() == n); // refused events change nothing
    l.add_event("C-1", ev(EventType::reopen, at + H));
    CHECK(l.view(i).state == State::recorded);
    CHECK(l.view(i).cycle == 2);
    // The rebuilt Complaint agrees with the view.
    const Complaint c = l.complaint(i);
    CHECK(c.state() == State::recorded);
    CHECK(c.cycle() == 2);
    CHECK(c.id() == "C-1");
    CHECK(c.building() == "A1");
    CHECK(c.events().size() == l.view(i).event_count);
    CHECK(test::code_of([&] { l.add_event("nope", ev(EventType::record, at)); }) ==
          errc::not_found);
    CHECK(test::code_of([&] { l.add_event(7, ev(EventType::record, at)); }) == errc::out_of_range);
}

TEST_CASE("ledger: guards beyond the table") {
    Ledger l;
    const auto i = l.add(intake("C-1", t0));
    l.add_event(i, ev(EventType::record, t0 + M));
    Event invalid = ev(EventType::classify, t0 + 2 * M);
    invalid.nature = Nature::invalid;
    l.add_event(i, invalid);
    // An invalid complaint is explained, never assigned (README, "Guards beyond the table").
    CHECK(test::code_of([&] { l.add_event(i, ev(EventType::assign, t0 + 3 * M)); }) ==
          errc::illegal_transition);
    l.add_event(i, ev(EventType::explain, t0 + 3 * M));
    l.add_event(i, ev(EventType::close, t0 + 4 * M));
    CHECK(l.view(i).state == State::closed);
    CHECK(l.view(i).nature == Nature::invalid);

    const auto j = l.add(intake("C-2", t0));
    l.add_event(j, ev(EventType::record, t0 + M));
    Event unjudged = ev(EventType::classify, t0 + 2 * M);
    unjudged.nature = Nature::unjudged;
    CHECK(test::code_of([&] { l.add_event(j, unjudged); }) == errc::invalid_argument);
    Event visit = ev(EventType::visit, t0 + 3 * M);
    visit.method.reset();
    CHECK(test::code_of([&] { l.add_event(j, visit); }) == errc::illegal_transition);
    CHECK(l.view(j).event_count == 2);
}

TEST_CASE("ledger: SLA clocks as of an instant on the default profile") {
    // Received 2026-03-02T09:00+08:00, a service-quality complaint: the default rules give it the
    // `complaint` policy (record 1 h, first feedback 24 h, result 72 h, round the clock).
    Ledger l;
    const auto i = l.add(intake("C-1", t0));
    CHECK(l.view(i).sla_policy == "complaint");
    CHECK(l.view(i).rule_nature == Nature::valid);
    l.add_event(i, ev(EventType::record, t0 + 10 * M));

    // No first feedback: breached once 24 h have passed, due 2026-03-03T09:00+08:00.
    const Instant after = t0 + 24 * H + 1;
    auto clocks = l.clocks(i, after);
    const Clock* ff = find_clock(clocks, "first_feedback");
    REQUIRE(ff);
    CHECK(ff->state == ClockState::breached);
    CHECK(ff->due == parse_iso8601("2026-03-03T09:00:00+08:00"));
    CHECK(ff->breached_at == ff->due);
    CHECK(ff->escalate_to == Role::cs_manager);
    const Clock* rec = find_clock(clocks, "record");
    REQUIRE(rec);
    CHECK(rec->state == ClockState::met); // stopped at +10 min, due +1 h
    // At +23 h the feedback clock is past its 0.75 and 0.9 warnings (+18 h, +21.6 h) but not due.
    const auto at23 = l.clocks(i, t0 + 23 * H);
    const Clock* w = find_clock(at23, "first_feedback");
    REQUIRE(w);
    CHECK(w->state == ClockState::warning);
    CHECK(w->warnings == std::vector<Instant>{t0 + 18 * H, t0 + 21 * H + 36 * M});
    CHECK(w->remaining == H);

    // The ledger's queries as of those instants.
    const auto breached = l.clocks_at(after, ClockFilter::breached);
    REQUIRE(breached.size() == 1);
    CHECK(breached[0].index == i);
    CHECK(breached[0].clock.target == "first_feedback");
    CHECK(l.clocks_at(t0 + 23 * H, ClockFilter::breached).empty());
    const auto warning = l.clocks_at(t0 + 23 * H, ClockFilter::warning);
    REQUIRE(warning.size() == 1);
    CHECK(warning[0].clock.target == "first_feedback");
    // Open: first feedback and resolution (record is stopped, rectification not started).
    CHECK(l.clocks_at(t0 + 23 * H, ClockFilter::open).size() == 2);
    CHECK(l.clocks_at(t0 - 1, ClockFilter::open).empty()); // not received yet
    // Escalation: the breached feedback clock calls for the CS manager; the duty staff owns it.
    const auto esc = l.escalations_due(after);
    REQUIRE(esc.size() == 1);
    CHECK(esc[0].to == Role::cs_manager);
    CHECK(esc[0].owner == Role::duty_staff);
    CHECK(esc[0].reason == "first_feedback");
    CHECK(l.escalations_due(t0 + 23 * H).empty());
    // The second method: the reference derivation on the rebuilt complaint.
    for (Instant at : {t0, t0 + 30 * M, t0 + 23 * H, after, t0 + 100 * H})
        reference::same_clocks(l.clocks(i, at), reference::clocks(l.profile().policies(),
                                                                  "complaint", l.complaint(i), at));
}

TEST_CASE("ledger: escalation events move the owner up the chain") {
    Ledger l;
    const auto i = l.add(intake("C-1", t0));
    l.add_event(i, ev(EventType::record, t0 + M));
    l.add_event(i, ev(EventType::escalate, t0 + 2 * M));
    CHECK(l.view(i).owner == Role::cs_assistant); // next in the chain
    Event to_gm = ev(EventType::escalate, t0 + 3 * M, Role::cs_assistant);
    to_gm.target = Role::general_manager;
    l.add_event(i, to_gm);
    CHECK(l.view(i).owner == Role::general_manager);
    CHECK(l.view(i).escalations == 2);
    Event down = ev(EventType::escalate, t0 + 4 * M);
    down.target = Role::cs_manager;
    CHECK(test::code_of([&] { l.add_event(i, down); }) == errc::invalid_argument);
    Query q;
    q.owner = Role::general_manager;
    CHECK(l.select(q) == std::vector<std::size_t>{i});
    // A complaint that reached the media: the rules say the general manager should own it.
    Intake media = intake("C-2", t0);
    media.channel = Channel::media;
    const auto j = l.add(media);
    CHECK(l.view(j).rule_escalate_to == Role::general_manager);
    CHECK(l.view(j).rule_nature == Nature::major);
    CHECK(l.view(j).planned_visit == VisitMethod::on_site); // major: on site (DOMAIN.md §4)
    const auto esc = l.escalations_due(t0 + M);
    REQUIRE(esc.size() == 1);
    CHECK(esc[0].index == j);
    CHECK(esc[0].to == Role::general_manager);
    CHECK(esc[0].reason == "rules");
}

TEST_CASE("ledger: unsatisfied, rectification, satisfied, and return visits due") {
    Ledger l;
    const auto i = l.add(intake("C-1", t0));
    Instant at = t0;
    for (EventType t : {EventType::record, EventType::classify, EventType::assign, EventType::start,
                        EventType::resolve})
        l.add_event(i, ev(t, at += 30 * M));
    // Resolved at +2.5 h: its return visit is due, by phone (valid, one reporter).
    auto due = l.visits_due();
    REQUIRE(due.size() == 1);
    CHECK(due[0].index == i);
    CHECK(due[0].method == VisitMethod::phone);
    CHECK(due[0].resolved_at == t0 + 150 * M);
    CHECK(!due[0].due); // the default policies have no return_visit target
    l.add_event(i, ev(EventType::visit, at += H, Role::cs_manager));
    Event unsat = ev(EventType::unsatisfied, at += M, Role::cs_manager);
    const Instant deadline = at + 48 * H;
    unsat.deadline = deadline;
    l.add_event(i, unsat);
    CHECK(l.view(i).state == State::rectification);
    CHECK(l.view(i).rectification_deadline == deadline);
    CHECK(l.visits_due().empty());
    Query q;
    q.state = State::rectification;
    CHECK(l.select(q).size() == 1);
    // The rectification clock is due at the deadline; past it with no resolve it is breached.
    const auto late = l.clocks(i, deadline + 1);
    const Clock* r = find_clock(late, "rectification");
    REQUIRE(r);
    CHECK(r->due == deadline);
    CHECK(r->state == ClockState::breached);
    // Rectified within the deadline, visited again, satisfied: closed (闭环管理).
    l.add_event(i, ev(EventType::resolve, deadline - H));
    CHECK(!l.view(i).rectification_deadline);
    CHECK(find_clock(l.clocks(i, deadline + 1), "rectification")->state == ClockState::met);
    l.add_event(i, ev(EventType::visit, deadline, Role::cs_manager));
    l.add_event(i, ev(EventType::satisfied, deadline + M, Role::cs_manager));
    CHECK(l.view(i).state == State::closed);
    // A valid complaint stays valid: re-evaluation never changes a valid nature to valid again.
    CHECK(l.view(i).nature == Nature::valid);
    reference::same_clocks(
        l.clocks(i, deadline + H),
        reference::clocks(l.profile().policies(), "complaint", l.complaint(i), deadline + H));
}

TEST_CASE("ledger: reopen starts a new cycle of clocks") {
    Ledger l;
    const auto i = l.add(intake("C-1", t0));
    Instant at = t0;
    for (EventType t : {EventType::record, EventType::classify, EventType::assign, EventType::start,
                        EventType::resolve, EventType::visit, EventType::satisfied})
        l.add_event(i, ev(t, at += 30 * M));
    const Instant reopened = at + 24 * H;
    l.add_event(i, ev(EventType::reopen, reopened));
    const auto clocks = l.clocks(i, reopened + 25 * H);
    // Cycle 2's first feedback runs from the reopen: due 24 h later, breached 1 h after.
    const Clock* ff2 = find_clock(clocks, "first_feedback", 2);
    REQUIRE(ff2);
    CHECK(ff2->started == reopened);
    CHECK(ff2->state == ClockState::breached);
    CHECK(find_clock(clocks, "first_feedback", 1)->state == ClockState::met);
    reference::same_clocks(clocks, reference::clocks(l.profile().policies(), "complaint",
                                                     l.complaint(i), reopened + 25 * H));
}

TEST_CASE("ledger: a consultation that missed its 1 h limit becomes a valid complaint") {
    // 10:00 Monday, "请问…" (may I ask): the default rules judge it consulting, under the
    // `consultation` policy (answered within 1 office hour: due 11:00).
    Ledger l;
    const auto i = l.add(intake("C-1", t0 + H, Category::other, "请问物业费怎么办理缴纳"));
    CHECK(l.view(i).sla_policy == "consultation");
    CHECK(l.view(i).rule_nature == Nature::consulting);
    l.add_event(i, ev(EventType::record, t0 + H + 5 * M));
    Event judged = ev(EventType::classify, t0 + H + 10 * M);
    judged.nature = Nature::consulting;
    l.add_event(i, judged);
    // The staff left the severity unset: the rules raise it to P4 (the base row) at once.
    CHECK(l.view(i).nature == Nature::consulting);
    CHECK(l.view(i).severity == Severity::p4);
    CHECK(l.view(i).reevaluations == 1);
    l.add_event(i, ev(EventType::assign, t0 + H + 20 * M));
    // Before the limit nothing changes.
    CHECK(l.view(i).nature == Nature::consulting);
    const Complaint before = l.complaint(i, false);
    // Handling starts at 11:30, past the 11:00 limit: the consultation was handled badly.
    const Instant late = t0 + 2 * H + 30 * M;
    l.add_event(i, ev(EventType::start, late, Role::cs_assistant));
    const auto v = l.view(i);
    CHECK(v.nature == Nature::valid);
    CHECK(v.sla_policy == "complaint");
    CHECK(v.reevaluations == 2);
    const Complaint c = l.complaint(i);
    const Event& last = c.events().back();
    CHECK(last.type == EventType::classify);
    CHECK(last.at == late);
    CHECK(last.nature == Nature::valid);
    CHECK(last.note.find("communicative-handled-badly") != std::string::npos);
    // The second method: Profile::reevaluate on the complaint as the staff left it, at 11:30.
    Complaint staff = before;
    staff.apply(ev(EventType::start, late, Role::cs_assistant));
    const auto expected = l.profile().reevaluate(staff, late, "consultation");
    REQUIRE(expected);
    CHECK(expected->nature == Nature::valid);
    CHECK(expected->note == last.note);
    // Queries by nature see the judged nature.
    Query q;
    q.nature = Nature::valid;
    CHECK(l.select(q) == std::vector<std::size_t>{i});
    // Without the re-evaluation events the rebuilt complaint is the staff's own log.
    CHECK(l.complaint(i, false).nature() == Nature::consulting);
}

TEST_CASE("ledger: a sweep at the end of time skips what it cannot count") {
    // A complaint received in 1900: a sweep at INT64_MAX lies more than 2^32 s after receipt,
    // so the complaint is skipped, as any sweep that far ahead; INT64_MAX - received used to
    // overflow (received is negative) and the sweep then failed on the calendar's years.
    Ledger l;
    l.add(intake("C-1900", parse_iso8601("1900-06-01T09:00:00+08:00")));
    CHECK(l.reevaluate(std::numeric_limits<Instant>::max()) == 0);
    CHECK(l.view(0).event_count == 1);
}

TEST_CASE("ledger: the periodic sweep re-evaluates without an event") {
    Ledger l;
    const auto i = l.add(intake("C-1", t0 + H, Category::other, "请问物业费怎么办理缴纳"));
    l.add_event(i, ev(EventType::record, t0 + H + 5 * M));
    Event judged = ev(EventType::classify, t0 + H + 10 * M);
    judged.nature = Nature::consulting;
    judged.severity = Severity::p4;
    l.add_event(i, judged);
    CHECK(l.view(i).reevaluations == 0);
    CHECK(l.reevaluate(t0 + H + 30 * M) == 0); // within the hour
    CHECK(l.reevaluate(t0 + 3 * H) == 1);      // past 11:00
    CHECK(l.view(i).nature == Nature::valid);
    CHECK(l.reevaluate(t0 + 4 * H) == 0); // never twice
}

TEST_CASE("ledger: queries and monthly return-visit quotas") {
    Ledger l;
    Intake a = intake("A", t0);
    Intake b = intake("B", t0 + H, Category::equipment, "elevator stuck");
    b.building = "B3";
    Intake c = intake("C", t0 + 2 * H);
    const auto ia = l.add(a), ib = l.add(b), ic = l.add(c);
    CHECK(l.view(ib).sla_policy == "repair");
    Instant at = t0 + 3 * H;
    for (auto idx : {ia, ib})
        for (EventType t : {EventType::record, EventType::classify, EventType::assign,
                            EventType::start, EventType::resolve})
            l.add_event(idx, ev(t, at += M));
    l.add_event(ic, ev(EventType::record, at += M));
    Query q;
    q.building = "B3";
    CHECK(l.select(q) == std::vector<std::size_t>{ib});
    q = {};
    q.category = Category::equipment;
    CHECK(l.select(q) == std::vector<std::size_t>{ib});
    q = {};
    q.state = State::resolved;
    CHECK(l.select(q) == std::vector<std::size_t>{ia, ib});
    q = {};
    q.severity = Severity::p3; // equipment: P3 (severity rules), raised on the classify event
    CHECK(l.select(q) == std::vector<std::size_t>{ib});
    q = {};
    q.building = "nowhere";
    CHECK(l.select(q).empty());
    q = {};
    q.received_from = t0 + H;
    q.received_before = t0 + 2 * H;
    CHECK(l.select(q) == std::vector<std::size_t>{ib});

    // March 2026 in China Standard Time: [2026-03-01T00:00+08:00, 2026-04-01T00:00+08:00).
    const auto [from, to] = Ledger::month_range("2026-03", 8 * 3600);
    CHECK(from == parse_iso8601("2026-03-01T00:00:00+08:00"));
    CHECK(to == parse_iso8601("2026-04-01T00:00:00+08:00"));
    CHECK(Ledger::month_range("2026-12", 0).second == parse_iso8601("2027-01-01T00:00:00Z"));
    CHECK(test::code_of([] { Ledger::month_range("2026-13", 0); }) == errc::out_of_range);
    CHECK(test::code_of([] { Ledger::month_range("2026/03", 0); }) == errc::parse);
    // Quotas of the default profile: CS manager ≥ 3, general manager ≥ 1 (DOMAIN.md §4).
    auto quotas = l.visit_quotas(from, to);
    REQUIRE(quotas.size() == 2);
    CHECK(quotas[0].role == Role::cs_manager);
    CHECK(quotas[0].visits == 0);
    CHECK(quotas[0].required == 3);
    CHECK(!quotas[0].compliant);
    CHECK(quotas[1].role == Role::general_manager);
    CHECK(quotas[1].required == 1);
    // Two visits by the CS manager, one by the general manager, and one in April (not counted).
    l.add_event(ia, ev(EventType::visit, at += M, Role::cs_manager));
    l.add_event(ia, ev(EventType::satisfied, at += M, Role::cs_manager));
    l.add_event(ia, ev(EventType::reopen, at += M));
    for (EventType t :
         {EventType::classify, EventType::assign, EventType::start, EventType::resolve})
        l.add_event(ia, ev(t, at += M));
    l.add_event(ia, ev(EventType::visit, at += M, Role::cs_manager));
    l.add_event(ib, ev(EventType::visit, at += M, Role::general_manager));
    l.add_event(ib, ev(EventType::satisfied, at += M, Role::general_manager));
    l.add_event(ib, ev(EventType::reopen, at += M));
    for (EventType t :
         {EventType::classify, EventType::assign, EventType::start, EventType::resolve})
        l.add_event(ib, ev(t, at += M));
    l.add_event(ib, ev(EventType::visit, to + H, Role::cs_manager));
    quotas = l.visit_quotas(from, to);
    REQUIRE(quotas.size() == 2);
    CHECK(quotas[0].visits == 2);
    CHECK(!quotas[0].compliant);
    CHECK(quotas[1].visits == 1);
    CHECK(quotas[1].compliant);
    // The assistant has no quota but made none either: not listed. April: one by the manager.
    const auto april = Ledger::month_range("2026-04", 8 * 3600);
    quotas = l.visit_quotas(april.first, april.second);
    CHECK(quotas[0].visits == 1);
}

TEST_CASE("ledger: replay under a profile with 48 h limits changes the breaches") {
    Ledger l;
    const auto i = l.add(intake("C-1", t0));
    l.add_event(i, ev(EventType::record, t0 + 10 * M));
    l.add_event(i, ev(EventType::classify, t0 + 20 * M));
    l.add_event(i, ev(EventType::assign, t0 + 30 * M));
    // First feedback (start) 30 h after receipt: late under 24 h, in time under 48 h.
    l.add_event(i, ev(EventType::start, t0 + 30 * H, Role::cs_assistant));
    const Instant at = t0 + 31 * H;
    CHECK(find_clock(l.clocks(i, at), "first_feedback")->state == ClockState::breached);
    CHECK(l.clocks_at(at, ClockFilter::breached).size() == 1);

    const Ledger what_if = l.replay(profile_48h());
    CHECK(what_if.size() == 1);
    const auto replayed = what_if.clocks(i, at);
    const Clock* ff = find_clock(replayed, "first_feedback");
    REQUIRE(ff);
    CHECK(ff->state == ClockState::met);
    CHECK(ff->due == t0 + 48 * H);
    CHECK(what_if.clocks_at(at, ClockFilter::breached).empty());
    // The same events, the same states; the original is untouched.
    CHECK(what_if.view(i).state == l.view(i).state);
    CHECK(what_if.event_count() == l.event_count());
    CHECK(find_clock(l.clocks(i, at), "first_feedback")->state == ClockState::breached);
    // Replay under the same profile gives the same ledger.
    const Ledger again = l.replay(l.profile());
    CHECK(to_json(again.complaint(i)) == to_json(l.complaint(i)));
}

// The default profile with repeat complaints counted over 7 days instead of 30.
Profile profile_repeat_7d() {
    std::string text = default_profile_text();
    const std::string from = "\"repeat_window_days\": 30";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), "\"repeat_window_days\": 7");
    return Profile::from_json(text);
}

Intake in_unit(std::string_view id, Instant received, std::string_view building = "A1",
               std::string_view unit = "1802") {
    Intake in = intake(id, received);
    in.building = building;
    in.unit = unit;
    return in;
}

TEST_CASE("ledger: repeat counts over the profile's window, at the window's edges") {
    constexpr Duration D = 24 * H;
    Ledger l(profile_repeat_7d());
    REQUIRE(l.profile().rules().repeat_window() == 7 * D);
    // Unit A1/1802; a complaint counts the unit's complaints received in [t - 7 d, t).
    CHECK(l.view(l.add(in_unit("A", t0))).repeat_count == 0);
    // B at exactly t0 + 7 d: the window [t0, t0 + 7 d) holds A, its lower edge included.
    CHECK(l.view(l.add(in_unit("B", t0 + 7 * D))).repeat_count == 1);
    // C at the same instant as B: B is not earlier, so only A.
    CHECK(l.view(l.add(in_unit("C", t0 + 7 * D))).repeat_count == 1);
    // D one second later: [t0 + 1 s, t0 + 7 d + 1 s) loses A, holds B and C.
    CHECK(l.view(l.add(in_unit("D", t0 + 7 * D + 1))).repeat_count == 2);
    // E at t0 + 14 d + 1 s: [t0 + 7 d + 1 s, ...) holds D only; B and C are 1 s outside.
    CHECK(l.view(l.add(in_unit("E", t0 + 14 * D + 1))).repeat_count == 1);
    // Other units, other buildings and complaints without a unit count nothing, and are not
    // counted.
    CHECK(l.view(l.add(in_unit("X1", t0 + 7 * D + 2, "A1", "1803"))).repeat_count == 0);
    CHECK(l.view(l.add(in_unit("X2", t0 + 7 * D + 3, "B2", "1802"))).repeat_count == 0);
    CHECK(l.view(l.add(in_unit("X3", t0 + 7 * D + 4, "A1", ""))).repeat_count == 0);
    CHECK(l.view(l.add(in_unit("X4", t0 + 7 * D + 5, "A1", ""))).repeat_count == 0);
    // F, taken in late with an earlier instant (t0 + 3 d): [t0 - 4 d, t0 + 3 d) holds A. The
    // complaints already in keep the counts they were classified with...
    const auto f = l.add(in_unit("F", t0 + 3 * D));
    CHECK(l.view(f).repeat_count == 1);
    CHECK(l.view(*l.find("D")).repeat_count == 2);
    // ...and F counts for those taken in after it: G at t0 + 8 d, [t0 + 1 d, t0 + 8 d) holds
    // F, B, C and D.
    const auto g = l.add(in_unit("G", t0 + 8 * D));
    CHECK(l.view(g).repeat_count == 4);

    // A failed intake (a duplicate id) and a rolled-back complaint (a bad event) leave no trace
    // in the counts: H at t0 + 9 d, [t0 + 2 d, t0 + 9 d) holds F, B, C, D and G.
    CHECK_THROWS_AS(l.add(in_unit("G", t0 + 8 * D + 10)), error);
    // BAD is a complaint of the unit whose second event comes more than 2^32 s after receipt:
    // a `Complaint` takes it, the ledger refuses it and takes back the whole complaint.
    Complaint bad("BAD", t0 + 8 * D + 20);
    bad.set_building("A1");
    bad.set_unit("1802");
    bad.apply(ev(EventType::record, t0 + 8 * D + 30));
    bad.apply(ev(EventType::classify, t0 + 8 * D + 20 + (Instant(1) << 32) + 1));
    const std::size_t before = l.size();
    CHECK_THROWS_AS(l.add(bad), error);
    CHECK(l.size() == before);
    CHECK_FALSE(l.find("BAD"));
    CHECK(l.view(l.add(in_unit("H", t0 + 9 * D))).repeat_count == 5);

    // Replay under the default profile (30 days), in intake order: A 0; B [t0 - 23 d, t0 + 7 d)
    // A: 1; C: A (B is simultaneous): 1; D: A, B, C: 3; E [t0 - 16 d + 1 s, t0 + 14 d + 1 s):
    // A-D: 4; F (t0 + 3 d): A: 1; G (t0 + 8 d): A, B, C, D, F: 5; H (t0 + 9 d): A-D, F, G: 6.
    const Ledger wide = l.replay(Profile::default_profile());
    const std::vector<std::pair<const char*, int>> expected = {
        {"A", 0}, {"B", 1}, {"C", 1}, {"D", 3}, {"E", 4}, {"F", 1}, {"G", 5}, {"H", 6}};
    for (const auto& [id, n] : expected) {
        INFO(id);
        CHECK(wide.view(*wide.find(id)).repeat_count == n);
    }
    // The same profile again reproduces the counts.
    const Ledger same = l.replay(l.profile());
    for (std::size_t i = 0; i < l.size(); ++i)
        CHECK(same.view(i).repeat_count == l.view(i).repeat_count);
}

TEST_CASE("ledger: the third complaint from a unit in 30 days is raised (DOMAIN.md §3)") {
    // The default profile: repeat_count >= 2 in 30 days -> P2, the CS manager should own it;
    // repeat_count >= 1 -> the tag "repeat_unit".
    constexpr Duration D = 24 * H;
    Ledger l;
    const auto a = l.add(in_unit("R-1", t0));
    const auto b = l.add(in_unit("R-2", t0 + 10 * D));
    const auto c = l.add(in_unit("R-3", t0 + 20 * D));
    std::vector<std::string_view> tags;
    l.tags(a, tags);
    CHECK(tags.empty());
    l.tags(b, tags);
    CHECK(tags == std::vector<std::string_view>{"repeat_unit"});
    CHECK(l.view(b).rule_escalate_to == std::nullopt);
    const auto v = l.view(c);
    CHECK(v.repeat_count == 2);
    CHECK(v.rule_escalate_to == Role::cs_manager);
    l.tags(c, tags);
    CHECK(tags == std::vector<std::string_view>{"repeat_unit"});
    // The staff judge R-3 a valid P4: the rules raise it to P2 with a recorded event.
    l.add_event(c, ev(EventType::record, t0 + 20 * D + 5 * M));
    Event judged = ev(EventType::classify, t0 + 20 * D + 10 * M);
    judged.severity = Severity::p4;
    l.add_event(c, judged);
    CHECK(l.view(c).severity == Severity::p2);
    CHECK(l.view(c).reevaluations == 1);
    const Complaint rebuilt = l.complaint(c);
    CHECK(rebuilt.events().back().note.find("repeat-complaint") != std::string::npos);
    // R-2, judged the same way, keeps P4 (one earlier complaint is not enough).
    l.add_event(b, ev(EventType::record, t0 + 10 * D + 5 * M));
    Event judged_b = ev(EventType::classify, t0 + 10 * D + 10 * M);
    judged_b.severity = Severity::p4;
    l.add_event(b, judged_b);
    CHECK(l.view(b).severity == Severity::p4);
    CHECK(l.view(b).reevaluations == 0);
    // The rules call for the CS manager on R-3, not on R-2 (R-1 and R-2 may be due by their
    // clocks, long breached: only the rules' reason is checked here).
    std::vector<std::size_t> by_rules;
    for (const auto& e : l.escalations_due(t0 + 20 * D + 11 * M))
        if (e.reason == "rules") {
            by_rules.push_back(e.index);
            CHECK(e.to == Role::cs_manager);
        }
    CHECK(by_rules == std::vector<std::size_t>{c});
    // A fourth complaint 31 days after R-1: [t0 + 1 d, t0 + 31 d) holds R-2 and R-3.
    CHECK(l.view(l.add(in_unit("R-4", t0 + 31 * D))).repeat_count == 2);
}

TEST_CASE("ledger: intake errors change nothing") {
    Ledger l;
    l.add(intake("C-1", t0));
    CHECK(test::code_of([&] { l.add(intake("C-1", t0)); }) == errc::invalid_argument);
    CHECK(test::code_of([&] { l.add(intake("", t0)); }) == errc::invalid_argument);
    const std::string long_id(200, 'x');
    CHECK(test::code_of([&] { l.add(intake(long_id, t0)); }) == errc::too_large);
    Intake bad = intake("C-2", t0);
    bad.content = std::string_view("a\0b", 3);
    CHECK(test::code_of([&] { l.add(bad); }) == errc::encoding);
    bad.content = "\xff\xfe";
    CHECK(test::code_of([&] { l.add(bad); }) == errc::encoding);
    const std::string huge(Limits::long_text + 1, 'a');
    bad.content = huge;
    CHECK(test::code_of([&] { l.add(bad); }) == errc::too_large);
    bad = intake("C-2", t0);
    bad.reporter_count = 0;
    CHECK(test::code_of([&] { l.add(bad); }) == errc::out_of_range);
    bad = intake("C-2", t0);
    bad.channel = static_cast<Channel>(99);
    CHECK(test::code_of([&] { l.add(bad); }) == errc::out_of_range);
    // A received instant outside the office calendar's years (a consultation: office hours).
    Intake far = intake("C-3", parse_iso8601("2300-01-01T00:00:00Z"), Category::other, "请问");
    CHECK(test::code_of([&] { l.add(far); }) == errc::out_of_range);
    CHECK(l.size() == 1);
    CHECK(l.event_count() == 1);
    CHECK(!l.find("C-3"));
    // The id index still works after the rollbacks.
    CHECK(l.find("C-1") == std::size_t(0));
    l.add(intake("C-2", t0));
    CHECK(l.find("C-2") == std::size_t(1));
    Event note = ev(EventType::record, t0 + M);
    note.note = std::string("bad\0note", 8);
    CHECK(test::code_of([&] { l.add_event(1, note); }) == errc::encoding);
    CHECK(l.view(1).event_count == 1);
}

// Issue 12: a refused event used to leave the previous event's link pointing at the removed
// slot. Here the refused event is the 4,097th, so it opens (and its rollback frees) the events'
// second chunk of 4,096; the next complaint's receipt then takes that same slot.
// Issue 12: a refused event used to leave the previous event's link pointing at the removed
// slot. Here the refused event opens the events' second chunk of 4,096 (and its rollback frees
// it); the next complaint's receipt then takes that same slot.
TEST_CASE("ledger: a refused event leaves the complaint's event chain ending where it did") {
    // C-X's events up to the return visit; in a scratch ledger first, to count them.
    const auto walk = [](Ledger& l, std::size_t x) {
        Instant at = t0;
        for (EventType t : {EventType::record, EventType::classify, EventType::assign,
                            EventType::start, EventType::resolve})
            l.add_event(x, ev(t, at += 30 * M));
        l.add_event(x, ev(EventType::visit, at += H, Role::cs_manager));
        return at;
    };
    Ledger scratch;
    walk(scratch, scratch.add(intake("C-X", t0)));
    const std::size_t x_events = scratch.event_count();
    Ledger l;
    // Fillers of one event each (their receipt), so that C-X's events end at the chunk's end.
    for (std::size_t k = 0; k + x_events < 4096; ++k)
        l.add(intake("F-" + std::to_string(k), t0 + static_cast<Instant>(k)));
    const auto x = l.add(intake("C-X", t0));
    Instant at = walk(l, x);
    REQUIRE(l.event_count() == 4096);
    REQUIRE(l.view(x).event_count == x_events);
    // Year 4052 lies past every calendar's years: deriving the rectification clock throws.
    Event unsat = ev(EventType::unsatisfied, at += M, Role::cs_manager);
    unsat.deadline = parse_iso8601("4052-01-01T00:00:00Z");
    CHECK(test::code_of([&] { l.add_event(x, unsat); }) == errc::out_of_range);
    CHECK(l.event_count() == 4096);
    CHECK(l.view(x).state == State::return_visit);
    // The next complaint's receipt takes the freed slot: C-X's chain must not reach it.
    const auto y = l.add(intake("C-Y", t0 + H));
    CHECK(l.complaint(x).events().size() == x_events);
    CHECK(l.complaint(y).events().size() == 1);
    // The ledger goes on: the same event with a reachable deadline is taken, and a snapshot
    // of it loads (the loader checks that each chain ends at its last event).
    unsat.deadline = at + 48 * H;
    l.add_event(x, unsat);
    CHECK(l.complaint(x).events().size() == x_events + 1);
    CHECK(l.complaint(x).events().back().type == EventType::unsatisfied);
    const Ledger back = load_snapshot_from_string(save_snapshot_to_string(l));
    CHECK(back.complaint(x).events().size() == x_events + 1);
    CHECK(back.complaint(y).events().size() == 1);
}

TEST_CASE("ledger: many complaints keep the id index and the clocks right") {
    Ledger l;
    for (int k = 0; k < 3000; ++k) {
        const std::string id = "C-" + std::to_string(k);
        const auto i = l.add(intake(id, t0 + k * M));
        l.add_event(i, ev(EventType::record, t0 + k * M + 5 * M));
        if (k % 2)
            l.add_event(i, ev(EventType::classify, t0 + k * M + 30 * H));
    }
    CHECK(l.size() == 3000);
    for (int k = 0; k < 3000; k += 7)
        CHECK(l.find("C-" + std::to_string(k)) == std::size_t(k));
    CHECK(!l.find("C-3000"));
    const auto breached = l.clocks_at(t0 + 100 * H, ClockFilter::breached);
    // Every one is past its first feedback (24 h) and result (72 h) limits at +100 h at most
    // 50 h after the last receipt... the last one was received at +49 h 59 min: feedback due at
    // +73 h 59 min, result due at +121 h 59 min. Count by the second method.
    std::size_t expected = 0;
    for (std::size_t i = 0; i < l.size(); ++i)
        for (const Clock& c :
             reference::clocks(l.profile().policies(), "complaint", l.complaint(i), t0 + 100 * H))
            expected += c.state == ClockState::breached;
    CHECK(breached.size() == expected);
    CHECK(expected > 3000);
}

// ---- bulk import ----

namespace {

const char* const complaints_header =
    "id,received,channel,category,subcategory,building,unit,reporter_count,content,tags\n";
const char* const events_header = "complaint_id,at,type,role,note,nature,severity,target,method,"
                                  "deadline\n";

} // namespace

TEST_CASE("ledger import: CSV with bad rows reports their lines and imports the rest") {
    std::string complaints = complaints_header;
    complaints += "C-1,2026-03-02T09:00:00+08:00,phone,quality,cleaning,A1,1802,1,\"dirty, "
                  "\"\"very\"\" dirty\",repeat; holiday\n";                    // line 2
    complaints += "C-2,2026-03-02T09:10:00+08:00,sms,quality,,A1,1802,1,x,\n"; // 3: channel
    complaints += "C-3,2026-03-02T09:20:00+08:00,phone,other,,A2,,2,\"two\nlines\",\n"; // 4-5
    complaints += "C-4,not a time,phone,other,,A2,,1,x,\n";                             // 6
    complaints += "C-5,1772413200,online,equipment,,B1,0101,3,lift,\n";                 // 7
    complaints += "C-6,2026-03-02T09:00:00+08:00,phone\n";                              // 8
    complaints += "C-1,2026-03-02T09:00:00+08:00,phone,quality,,A1,,1,again,\n";        // 9: dup
    std::string events = events_header;
    events += "C-1,2026-03-02T09:05:00+08:00,record,duty_staff,,,,,,\n";             // 2
    events += "C-1,2026-03-02T09:06:00+08:00,classify,duty_staff,,valid,p3,,,\n";    // 3
    events += "C-1,2026-03-02T09:07:00+08:00,start,duty_staff,,,,,,\n";              // 4: illegal
    events += "C-2,2026-03-02T09:10:00+08:00,record,duty_staff,,,,,,\n";             // 5: unknown
    events += "C-1,2026-03-02T09:08:00+08:00,assign,duty_staff,,,,cs_assistant,,\n"; // 6
    events += "C-1,2026-03-02T09:01:00+08:00,start,cs_assistant,,,,,,\n";            // 7: order
    events += "C-3,2026-03-02T09:20:00+08:00,receive,duty_staff,,,,,,\n";            // 8: skipped
    Ledger l;
    const ImportReport r = l.import_csv(complaints, events);
    CHECK(r.committed);
    CHECK(r.complaints == 3); // C-1, C-3, C-5
    CHECK(r.events == 3);     // record, classify, assign of C-1
    CHECK(r.rows == 14);
    REQUIRE(r.problems.size() == 7);
    CHECK(r.bad_rows == 7);
    const std::pair<std::string, std::size_t> where[] = {
        {"complaints", 3}, {"complaints", 6}, {"complaints", 8}, {"complaints", 9},
        {"events", 4},     {"events", 5},     {"events", 7}};
    const errc codes[] = {
        errc::out_of_range,       errc::parse,     errc::parse,       errc::invalid_argument,
        errc::illegal_transition, errc::not_found, errc::out_of_order};
    for (std::size_t k = 0; k < 7; ++k) {
        INFO(r.problems[k].file << ":" << r.problems[k].line << " " << r.problems[k].message);
        CHECK(r.problems[k].file == where[k].first);
        CHECK(r.problems[k].line == where[k].second);
        CHECK(r.problems[k].code == codes[k]);
    }
    CHECK(r.problems[0].message.find("sms") != std::string::npos);
    const auto c1 = l.view(*l.find("C-1"));
    CHECK(c1.content == "dirty, \"very\" dirty");
    CHECK(c1.state == State::assigned);
    CHECK(c1.owner == Role::cs_assistant);
    CHECK(c1.severity == Severity::p3);
    const Complaint c1c = l.complaint(c1.index);
    CHECK(c1c.tags() == std::vector<std::string>{"repeat", "holiday"});
    CHECK(l.view(*l.find("C-3")).content == "two\nlines");
    CHECK(l.view(*l.find("C-5")).received == 1772413200);
    CHECK(l.view(*l.find("C-5")).reporter_count == 3);
}

TEST_CASE("ledger import: all or nothing leaves the ledger untouched") {
    Ledger l;
    l.add(intake("X", t0));
    std::string complaints = complaints_header;
    complaints += "C-1,2026-03-02T09:00:00+08:00,phone,quality,,A1,,1,ok,\n";
    complaints += "C-2,2026-03-02T09:00:00+08:00,phone,quality,,A1,,1000001,bad,\n";
    ImportOptions o;
    o.all_or_nothing = true;
    ImportReport r = l.import_csv(complaints, "", o);
    CHECK(!r.committed);
    CHECK(r.complaints == 0);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 3);
    CHECK(l.size() == 1);
    CHECK(!l.find("C-1"));
    // Without the bad row it commits.
    complaints = complaints_header;
    complaints += "C-1,2026-03-02T09:00:00+08:00,phone,quality,,A1,,1,ok,\n";
    r = l.import_csv(complaints,
                     std::string(events_header) + "X,2026-03-02T09:05:00+08:00,record,,,,,,,\n", o);
    CHECK(r.committed);
    CHECK(l.size() == 2);
    CHECK(l.view(0).state == State::recorded); // an event for a complaint already there
    // JSON lines, all or nothing.
    const std::string lines = R"({"id": "J-1", "received": "2026-03-02T09:00:00+08:00"})"
                              "\n"
                              R"({"id": "J-2", "received": "yesterday"})"
                              "\n";
    r = l.import_json_lines(lines, o);
    CHECK(!r.committed);
    CHECK(l.size() == 2);
    r = l.import_json_lines(lines);
    CHECK(r.committed);
    CHECK(r.complaints == 1);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 2);
    CHECK(l.size() == 3);
}

TEST_CASE("ledger import: malformed, truncated, oversized and hostile CSV") {
    Ledger l;
    auto only = [&](const std::string& complaints) {
        ImportReport r = l.import_csv(complaints, "");
        REQUIRE(r.problems.size() >= 1);
        return r.problems[0];
    };
    // Header problems make the whole file bad.
    auto p = only("id,received,colour\nC-1,2026-03-02T09:00:00Z,red\n");
    CHECK(p.line == 1);
    CHECK(p.code == errc::validation);
    CHECK(p.message.find("colour") != std::string::npos);
    CHECK(only("id,id,received\n").message.find("twice") != std::string::npos);
    CHECK(only("id,content\n").message.find("received") != std::string::npos);
    CHECK(only("").code == errc::invalid_argument);
    CHECK(l.size() == 0);
    // Truncated: a quote never closed.
    p = only(std::string(complaints_header) + "C-1,2026-03-02T09:00:00Z,phone,other,,A1,,1,\"cut");
    CHECK(p.line == 2);
    CHECK(p.code == errc::parse);
    // Stray quotes.
    CHECK(only(std::string(complaints_header) +
               "C-1,2026-03-02T09:00:00Z,phone,other,,A1,,1,\"a\"b,\n")
              .code == errc::parse);
    CHECK(
        only(std::string(complaints_header) + "C-1,2026-03-02T09:00:00Z,phone,other,,A1,,1,a\"b,\n")
            .code == errc::parse);
    // A NUL and invalid UTF-8: encoding errors whose messages stay valid UTF-8.
    p = only(std::string(complaints_header) + "C-1,2026-03-02T09:00:00Z,phone,other,,A1,,1,a" +
             std::string(1, '\0') + "b,\n");
    CHECK(p.code == errc::encoding);
    p = only(std::string(complaints_header) +
             "C-\xff,2026-03-02T09:00:00Z,phone,other,,A1,,1,x,\n");
    CHECK(p.code == errc::encoding);
    CHECK_NOTHROW(validate_text(p.message, "message"));
    p = only(std::string(complaints_header) + "C-1,2026-03-02T09:00:00Z,\xc3(,other,,A1,,1,x,\n");
    CHECK(p.code == errc::encoding);
    // Oversized: a content over 64 KiB, a record over the line limit (skipped to its end).
    p = only(std::string(complaints_header) + "C-1,2026-03-02T09:00:00Z,phone,other,,A1,,1," +
             std::string(Limits::long_text + 1, 'a') + ",\n");
    CHECK(p.code == errc::too_large);
    ImportOptions small;
    small.max_line_bytes = 100;
    ImportReport r = l.import_csv(std::string(complaints_header) +
                                      "C-1,2026-03-02T09:00:00Z,phone,other,,A1,,1,\"" +
                                      std::string(5000, 'a') + "\n" + std::string(5000, 'b') +
                                      "\",\nC-2,2026-03-02T09:00:00Z,phone,other,,A1,,1,ok,\n",
                                  "", small);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].code == errc::too_large);
    CHECK(r.problems[0].line == 2);
    CHECK(r.complaints == 1); // C-2, on line 4
    CHECK(l.find("C-2"));
    // Too many rows.
    ImportOptions few;
    few.max_rows = 2;
    r = l.import_csv(std::string(complaints_header) + "R-1,1,phone,,,,,,,\nR-2,1,phone,,,,,,,\n"
                                                      "R-3,1,phone,,,,,,,\nR-4,1,phone,,,,,,,\n",
                     "", few);
    CHECK(r.complaints == 2);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 4);
    CHECK(r.problems[0].code == errc::too_large);
    // CRLF line ends, a byte order mark and blank lines are fine.
    r = l.import_csv("\xef\xbb\xbfid,received\r\nK-1,2026-03-02T09:00:00Z\r\n\r\nK-2,5\r\n", "");
    CHECK(r.problems.empty());
    CHECK(r.complaints == 2);
    // Hostile bytes everywhere: no crash, every row accounted for.
    std::string noise = complaints_header;
    for (int k = 0; k < 2000; ++k)
        noise.push_back(static_cast<char>((k * 7919) % 256));
    r = l.import_csv(noise, noise);
    CHECK(r.bad_rows >= 1);
}

TEST_CASE("ledger import: malformed, truncated, oversized and hostile JSON lines") {
    Ledger l;
    std::string text;
    text += R"({"id": "J-1", "received": "2026-03-02T09:00:00+08:00", "category": "quality"})"
            "\n"; // 1 ok
    text += "\n"; // 2 blank
    text += R"({"id": "J-2", "received": "2026-03-02T09:00:00+08:00")"
            "\n"; // 3 truncated
    text += R"({"id": "J-3", "received": 1772413200, "colour": "red"})"
            "\n"; // 4 unknown key
    text += R"({"id": "J-4", "received": 1, "content": "a\u0000b"})"
            "\n";                                      // 5 NUL
    text += "{\"id\": \"J-\xff\", \"received\": 1}\n"; // 6 UTF-8
    text += R"({"id": "J-6", "received": 1772413200, "events": [)"
            R"({"type": "record", "at": 1772413300}, {"type": "start", "at": 1772413400}]})"
            "\n"; // 7 illegal
    text += R"({"id": "J-1", "received": 1772413200})"
            "\n";          // 8 duplicate
    text += "[1, 2, 3]\n"; // 9 not object
    text += R"({"id": "J-9", "received": 1772413200, "events": [)"
            R"({"type": "record", "at": 1772413300}]})"; // 10 ok, no \n
    const ImportReport r = l.import_json_lines(text);
    CHECK(r.complaints == 2);
    CHECK(r.events == 1);
    CHECK(r.rows == 9);
    REQUIRE(r.problems.size() == 7);
    const std::size_t lines[] = {3, 4, 5, 6, 7, 8, 9};
    for (std::size_t k = 0; k < 7; ++k) {
        INFO(r.problems[k].message);
        CHECK(r.problems[k].line == lines[k]);
        CHECK(r.problems[k].file == "json lines");
        CHECK_NOTHROW(validate_text(r.problems[k].message, "message"));
    }
    CHECK(r.problems[0].code == errc::parse);
    CHECK(r.problems[2].code == errc::encoding);
    CHECK(r.problems[4].code == errc::validation); // complaint_from_json names the event
    CHECK(r.problems[4].message.find("start") != std::string::npos);
    CHECK(r.problems[5].code == errc::invalid_argument);
    CHECK(l.size() == 2);
    CHECK(!l.find("J-6")); // a complaint whose events fail is not taken in at all
    CHECK(l.view(*l.find("J-9")).state == State::recorded);
    // An oversized line is skipped without buffering it whole.
    ImportOptions o;
    o.max_line_bytes = 1000;
    const ImportReport big =
        l.import_json_lines("{\"id\": \"B\", \"content\": \"" + std::string(100000, 'x') + "\"}\n" +
                                R"({"id": "B-2", "received": 5})" + "\n",
                            o);
    REQUIRE(big.problems.size() == 1);
    CHECK(big.problems[0].code == errc::too_large);
    CHECK(big.problems[0].line == 1);
    CHECK(big.complaints == 1);
}

TEST_CASE("ledger import: JSON lines checked by the kind the ledger's rules decide") {
    // A kind section that makes a question a consultation (README, "Kinds of request"): a line
    // that states no kind is the rules' to decide, and its events are checked by that kind's
    // table, so a consultation's `answer` is taken and a complaint's is refused (by hand from
    // the tables of include/plaint/workflow.hpp).
    Ledger l(Profile::from_json(R"({"plaint_profile": 1, "rules": {"sections": [
        {"name": "kind", "hit": "first", "rows": [
          {"id": "question", "when": {"keywords": ["请问"]}, "then": {"kind": "consultation"}}]}]}})"));
    const std::string head = R"({"id": "%", "received": "2026-10-01T09:00:00+08:00", )";
    auto line = [&](const char* id, const char* content, const char* events) {
        std::string h = head;
        h.replace(h.find('%'), 1, id);
        std::string e = events; // one line: the raw strings above break theirs
        std::replace(e.begin(), e.end(), '\n', ' ');
        return h + R"("content": ")" + content + R"(", "events": [)" + e + "]}\n";
    };
    const char* answered = R"({"type": "record", "at": "2026-10-01T09:05:00+08:00"},
        {"type": "assign", "at": "2026-10-01T09:10:00+08:00", "target": "cs_assistant"},
        {"type": "start", "at": "2026-10-01T09:15:00+08:00", "role": "cs_assistant"},
        {"type": "answer", "at": "2026-10-01T09:30:00+08:00", "role": "cs_assistant"})";
    const char* resolved = R"({"type": "record", "at": "2026-10-01T09:05:00+08:00"},
        {"type": "classify", "at": "2026-10-01T09:08:00+08:00", "nature": "consulting"},
        {"type": "assign", "at": "2026-10-01T09:10:00+08:00", "target": "cs_assistant"},
        {"type": "start", "at": "2026-10-01T09:15:00+08:00", "role": "cs_assistant"},
        {"type": "resolve", "at": "2026-10-01T09:30:00+08:00", "role": "cs_assistant"})";
    const ImportReport r = l.import_json_lines(
        line("Q-1", "请问物业费怎么交？", answered) + // a consultation, answered
        line("Q-2", "請問物業費怎麼交？", answered) + // the same words, traditional
        line("Q-3", "电梯坏了", answered) +           // a complaint: judged before assigned
        line("Q-4", "请问物业费怎么交？", resolved) + // a consultation: no `resolve`
        R"({"id": "Q-5", "kind": "complaint", "received": 0, "content": "请问", "events": [)" +
        R"({"type": "record", "at": 60}, {"type": "assign", "at": 120}]})" + "\n" + // stated
        line("Q-6", "请问", R"({"type": "record", "at": "2026-10-01T09:05:00+08:00"})"));
    CHECK(r.complaints == 3);
    CHECK(r.events == 9);
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].line == 3);
    CHECK(r.problems[0].message.find("/events/1") != std::string::npos);
    CHECK(r.problems[0].message.find("assign") != std::string::npos);
    CHECK(r.problems[1].line == 4);
    CHECK(r.problems[1].message.find("/events/4") != std::string::npos);
    CHECK(r.problems[1].message.find("resolve") != std::string::npos);
    CHECK(r.problems[2].line == 5); // a stated complaint is assigned only once classified
    REQUIRE(l.size() == 3);         // the refused ones left nothing behind
    CHECK(l.event_count() == 3 + 9);
    for (const char* id : {"Q-1", "Q-2"}) {
        const auto v = l.view(*l.find(id));
        CHECK(v.kind == Kind::consultation);
        CHECK(v.kind_decided);
        CHECK(v.state == State::closed);
        CHECK(v.owner == Role::cs_assistant);
    }
    CHECK(l.view(*l.find("Q-6")).kind == Kind::consultation);
    CHECK(l.view(*l.find("Q-6")).state == State::recorded);
    // Read alone, without a profile to decide it, the line is a complaint's: refused.
    CHECK(test::code_of([&] {
              complaint_from_json(line("Q-1", "请问物业费怎么交？", answered));
          }) == errc::validation);
}

TEST_CASE("ledger import: the shipped sample month, as JSON lines and as CSV") {
    const std::string dir = std::string(PLAINT_DATA_DIR) + "/sample/";
    const std::string jsonl = dir + "complaints-2026-10.jsonl";
    const std::string csv_c = dir + "complaints-2026-10.csv";
    const std::string csv_e = dir + "events-2026-10.csv";
    if (!file_exists(jsonl) || !file_exists(csv_c) || !file_exists(csv_e)) {
        WARN("no sample data under " << dir << "; skipped");
        return;
    }
    Ledger from_json;
    std::ifstream j(jsonl, std::ios::binary);
    const ImportReport rj = from_json.import_json_lines(j);
    Ledger from_csv;
    std::ifstream c(csv_c, std::ios::binary), e(csv_e, std::ios::binary);
    const ImportReport rc = from_csv.import_csv(c, &e);
    std::printf("sample October 2026: JSON lines %zu complaints, %zu events, %zu bad rows; "
                "CSV %zu complaints, %zu events, %zu bad rows; ledger %zu events with %zu "
                "re-evaluations\n",
                rj.complaints, rj.events, rj.bad_rows, rc.complaints, rc.events, rc.bad_rows,
                from_json.event_count(), from_json.event_count() - rj.complaints - rj.events);
    for (const auto& p : rj.problems)
        std::printf("  json line %zu: %s\n", p.line, p.message.c_str());
    for (const auto& p : rc.problems)
        std::printf("  %s line %zu: %s\n", p.file.c_str(), p.line, p.message.c_str());
    // Line counts of the files (wc -l): 2,231 JSON lines; 2,231 complaint rows and 16,622
    // event rows under their headers.
    CHECK(rj.complaints == 2231);
    CHECK(rj.bad_rows == 0);
    CHECK(rc.complaints == 2231);
    CHECK(rc.events == 16622);
    CHECK(rc.bad_rows == 0);
    CHECK(rj.events == rc.events);
    REQUIRE(from_json.size() == from_csv.size());
    // The two forms give the same ledger; the staff's own log rebuilt equals the JSON line's.
    std::ifstream j2(jsonl, std::ios::binary);
    std::string line;
    std::size_t k = 0, open = 0;
    const Instant export_at = parse_iso8601("2026-11-01T00:00:00+08:00");
    std::size_t consultations = 0;
    while (std::getline(j2, line)) {
        const auto a = from_json.view(k), b = from_csv.view(k);
        // No kind is stated: the default profile's rules decide it, and a complaint read alone
        // is a complaint, so a consultation's line is read with its kind stated.
        CHECK(a.kind_decided);
        CHECK(b.kind_decided);
        CHECK(a.kind == b.kind);
        consultations += a.kind == Kind::consultation;
        const Complaint original = complaint_from_json(
            a.kind == Kind::consultation ? R"({"kind":"consultation",)" + line.substr(1) : line);
        INFO(original.id());
        CHECK(a.id == original.id());
        CHECK(b.id == original.id());
        CHECK(a.state == original.state());
        CHECK(b.state == original.state());
        CHECK(a.owner == original.owner());
        CHECK(a.nature == b.nature);
        CHECK(a.sla_policy == b.sla_policy);
        const Complaint staff = from_json.complaint(k, false);
        CHECK(staff.nature() == original.nature());
        CHECK(staff.events().size() == original.events().size());
        open += is_open(a.state);
        // Every 10th complaint: the packed clocks equal the reference derivation at the export.
        if (k % 10 == 0 && !a.sla_policy.empty())
            reference::same_clocks(from_json.clocks(k, export_at),
                                   reference::clocks(from_json.profile().policies(), a.sla_policy,
                                                     from_json.complaint(k), export_at,
                                                     &from_json.profile().teams(), a.rule_team));
        ++k;
    }
    CHECK(k == 2231);
    // The questions of the sample's README ("Kinds"): 257 of October's requests.
    CHECK(consultations == 257);
    std::printf("  open at the export: %zu; breached clocks then: %zu; return visits due: %zu\n",
                open, from_json.clocks_at(export_at, ClockFilter::breached).size(),
                from_json.visits_due().size());
    const auto month = Ledger::month_range("2026-10", 8 * 3600);
    // The sample's README: in October the CS manager makes 229 return visits on the month's
    // complaints and the general manager 11, so October meets both quotas.
    const auto quotas = from_json.visit_quotas(month.first, month.second);
    for (const auto& q : quotas) {
        if (q.role == Role::cs_manager)
            CHECK(q.visits == 229);
        if (q.role == Role::general_manager)
            CHECK(q.visits == 11);
        if (q.required > 0)
            CHECK(q.compliant);
    }
    for (const auto& q : quotas)
        std::printf("  %s: %d return visits (quota %d)%s\n", std::string(to_string(q.role)).c_str(),
                    q.visits, q.required, q.compliant ? "" : " MISSED");
}

TEST_CASE("ledger: a complaint view's JSON form, worked by hand") {
    // A profile with no rules and no policies: the rules suggest nothing and name no policy
    // (null), and the return visit planned is the default, by phone.
    Ledger l(Profile::from_json(R"({"plaint_profile": 1})"));
    Intake in = intake("K-\"1\"", parse_iso8601("2026-10-01T08:00:00Z"));
    in.tags = {"noise"};
    l.add(in);
    Event classify = Event::of(EventType::classify, parse_iso8601("2026-10-01T09:30:00Z"));
    classify.nature = Nature::valid;
    classify.severity = Severity::p2;
    l.add_event(0, Event::of(EventType::record, parse_iso8601("2026-10-01T08:05:00Z")));
    l.add_event(0, classify);
    // Three events (receive, record, classify): state classified, owner the duty staff, the
    // judged nature and severity valid and p2, cycle 1, the last event at 09:30 UTC; the kind
    // not stated and none of the default profile's kind rows matching: a complaint.
    const std::string expected =
        R"({"index":0,"id":"K-\"1\"","kind":"complaint","team":null,"handler":null,)"
        R"("state":"classified",)"
        R"("owner":"duty_staff",)"
        R"("nature":"valid","severity":"p2","cycle":1,"event_count":3,)"
        R"("last_event_at":"2026-10-01T09:30:00Z","escalations":0,"reevaluations":0,)"
        R"("visit_method":null,"rectification_deadline":null,"sla_policy":null,)"
        R"("rule_nature":null,"rule_escalate_to":null,"planned_visit":"phone",)"
        R"("tags":["noise"],"complaint":)" +
        to_json(l.complaint(0)) + "}";
    CHECK(l.view_json(0) == expected);
    CHECK(code_of([&] { l.view_json(1); }) == errc::out_of_range);
}

TEST_CASE("ledger: an import's problems in their JSON form, worked by hand") {
    CHECK(to_json(std::vector<ImportProblem>{}) == "[]");
    // Quotes and backslashes escaped, a line break as \u000a; the status is the code's value.
    const std::vector<ImportProblem> hand = {
        {"complaints", 3, errc::parse, "a \"quoted\" field\nand a \\"},
        {"events", 0, errc::not_found, "no complaint"}};
    CHECK(
        to_json(hand) ==
        R"([{"file":"complaints","line":3,"status":-3,"message":"a \"quoted\" field\u000aand a \\"},)"
        R"({"file":"events","line":0,"status":-9,"message":"no complaint"}])");
    // From an import: the second row repeats the first's id (line 3, invalid_argument = -1).
    Ledger l;
    const ImportReport r = l.import_csv("id,received\nA,0\nA,0\n", "");
    REQUIRE(r.problems.size() == 1);
    CHECK(to_json(r.problems) == R"([{"file":"complaints","line":3,"status":-1,"message":")" +
                                     r.problems[0].message + "\"}]");
}

// Kinds of request in the ledger (issue 15). Expected values from the default profile's text:
// its "kind" section makes an equipment request whose kind is not stated a repair; its "policy"
// section gives a stated consultation the `consultation` policy, a suggestion or praise
// `feedback`, a repair (not a sudden event) `repair`, and anything else by category.
TEST_CASE("ledger: kinds stated at intake or decided by the rules, kept and queried") {
    Ledger l;
    l.add(intake("K-1", t0, Category::equipment, "the corridor light is broken")); // not stated
    Intake q = intake("K-2", t0 + M, Category::other, "may I park a van overnight");
    q.kind = Kind::consultation;
    l.add(q);
    Intake s = intake("K-3", t0 + 2 * M, Category::quality, "more benches in the garden");
    s.kind = Kind::suggestion;
    l.add(s);
    l.add(intake("K-4", t0 + 3 * M)); // quality, not stated: a complaint
    Intake c = intake("K-5", t0 + 4 * M, Category::equipment, "the lift repair was sloppy");
    c.kind = Kind::complaint; // stated: the rules' kind section does not apply
    l.add(c);

    CHECK(l.view(0).kind == Kind::repair);
    CHECK(l.view(0).kind_decided);
    CHECK(l.view(0).sla_policy == "repair");
    CHECK(l.view(1).kind == Kind::consultation);
    CHECK_FALSE(l.view(1).kind_decided);
    CHECK(l.view(1).sla_policy == "consultation");
    CHECK(l.view(2).kind == Kind::suggestion);
    CHECK(l.view(2).sla_policy == "feedback");
    CHECK(l.view(3).kind == Kind::complaint);
    CHECK(l.view(3).kind_decided);
    CHECK(l.view(3).sla_policy == "complaint");
    CHECK(l.view(4).kind == Kind::complaint);
    CHECK_FALSE(l.view(4).kind_decided);
    CHECK(l.view(4).sla_policy == "repair"); // equipment: the repair policy, as before kinds

    Query by;
    by.kind = Kind::repair;
    CHECK(l.select(by) == std::vector<std::size_t>{0});
    by.kind = Kind::complaint;
    CHECK(l.select(by) == std::vector<std::size_t>{3, 4});

    // Each kind's table in the ledger: the consultation is answered (no resolve), the repair
    // assigned without a nature and confirmed; a refused event changes nothing.
    l.add_event(1, ev(EventType::record, t0 + 10 * M));
    const std::size_t before = l.event_count();
    CHECK(code_of([&] { l.add_event(1, ev(EventType::resolve, t0 + 11 * M)); }) ==
          errc::illegal_transition);
    CHECK(l.event_count() == before);
    l.add_event(1, ev(EventType::answer, t0 + 12 * M));
    CHECK(l.view(1).state == State::closed);
    for (EventType t : {EventType::record, EventType::assign, EventType::start, EventType::resolve,
                        EventType::confirm})
        l.add_event(0, ev(t, t0 + 20 * M));
    CHECK(l.view(0).state == State::closed);
    CHECK(l.view(0).nature == Nature::unjudged);
    // The consultation policy's answer clock (office hours) stopped at the answer: received at
    // 09:01 on a working day, answered at 09:12, 11 minutes, within its hour (met).
    const auto clocks = l.clocks(1, t0 + 2 * H);
    const Clock* answer = find_clock(clocks, "consultation_answer");
    REQUIRE(answer);
    CHECK(answer->state == ClockState::met);
    CHECK(answer->elapsed == 11 * M);
    // The rebuilt complaint and its JSON carry the kind.
    CHECK(l.complaint(0).kind() == Kind::repair);
    CHECK(l.view_json(1).find(R"("kind":"consultation")") != std::string::npos);
}

TEST_CASE("ledger: kinds through CSV and JSON lines, replay and snapshots") {
    Ledger l;
    const ImportReport r = l.import_csv("id,received,category,kind\n"
                                        "C-1,2026-03-02T09:00:00+08:00,equipment,\n"
                                        "C-2,2026-03-02T09:00:00+08:00,other,praise\n"
                                        "C-3,2026-03-02T09:00:00+08:00,other,request\n",
                                        "");
    CHECK(r.complaints == 2);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 4);
    CHECK(r.problems[0].code == errc::out_of_range);
    CHECK(r.problems[0].message.find("unknown kind 'request'") != std::string::npos);
    CHECK(l.view(0).kind == Kind::repair); // empty: the rules decide
    CHECK(l.view(1).kind == Kind::praise);
    const ImportReport j = l.import_json_lines(
        R"({"id":"J-1","received":"2026-03-02T09:00:00+08:00","kind":"repair","category":"other"})"
        "\n"
        R"({"id":"J-2","received":"2026-03-02T09:00:00+08:00","kind":7})"
        "\n");
    CHECK(j.complaints == 1);
    CHECK(j.bad_rows == 1);
    CHECK(l.view(2).kind == Kind::repair);
    CHECK_FALSE(l.view(2).kind_decided);
    CHECK(l.view(2).sla_policy == "repair");

    // Replayed under a profile with no kind section: the decided repair is decided again (a
    // complaint now), the stated kinds stay.
    const Ledger other = l.replay(Profile::from_json(R"({"plaint_profile": 1})"));
    CHECK(other.view(0).kind == Kind::complaint);
    CHECK(other.view(0).kind_decided);
    CHECK(other.view(1).kind == Kind::praise);
    CHECK(other.view(2).kind == Kind::repair);

    // A snapshot keeps each kind and whether the rules decided it.
    const Ledger back = load_snapshot_from_string(save_snapshot_to_string(l));
    for (std::size_t i = 0; i < l.size(); ++i) {
        CHECK(back.view(i).kind == l.view(i).kind);
        CHECK(back.view(i).kind_decided == l.view(i).kind_decided);
    }
}
