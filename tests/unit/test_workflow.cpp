// The lifecycle of DOMAIN.md §4. Expected states are read from the domain text; the full state
// table is checked cell by cell against the table documented in the README, which is written
// by hand and is the independent statement of the state machine.
#include "support.hpp"
#include <plaint/complaint.hpp>
#include <plaint/workflow.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace plaint;

namespace {

Event ev(EventType type, Instant at, Role actor = Role::duty_staff, std::string note = {}) {
    return Event::of(type, at, actor, std::move(note));
}

Event classify(Instant at, Nature n, Severity s = Severity::unset) {
    Event e = ev(EventType::classify, at);
    e.nature = n;
    e.severity = s;
    return e;
}

constexpr Instant t0 = 1772414100; // 2026-03-02T09:15:00+08:00
constexpr Instant minute = 60;

// Walks a fresh complaint to `target` by the shortest legal path, for table checks.
Complaint complaint_in(State target, Nature nature = Nature::valid) {
    Complaint c("W", t0);
    Instant t = t0;
    auto step = [&](Event e) {
        e.at = (t += minute);
        c.apply(e);
    };
    if (target == State::received)
        return c;
    step(ev(EventType::record, 0));
    if (target == State::recorded)
        return c;
    step(classify(0, nature));
    if (target == State::classified)
        return c;
    if (target == State::explained || target == State::closed) {
        if (nature == Nature::invalid) {
            step(ev(EventType::explain, 0));
            if (target == State::closed)
                step(ev(EventType::close, 0));
            return c;
        }
    }
    step(ev(EventType::assign, 0));
    if (target == State::assigned)
        return c;
    step(ev(EventType::start, 0));
    if (target == State::in_progress)
        return c;
    if (target == State::waiting) {
        step(ev(EventType::wait, 0));
        return c;
    }
    step(ev(EventType::resolve, 0));
    if (target == State::resolved)
        return c;
    Event visit = ev(EventType::visit, 0);
    visit.method = VisitMethod::phone;
    step(visit);
    if (target == State::return_visit)
        return c;
    if (target == State::rectification) {
        Event u = ev(EventType::unsatisfied, 0);
        u.deadline = t + 3 * 86400;
        step(u);
        return c;
    }
    step(ev(EventType::satisfied, 0));
    return c; // closed
}

} // namespace

TEST_CASE("a valid complaint walks from intake to closure with a rectification loop") {
    Complaint c("C-100", t0);
    c.set_content("卫生间漏水");
    c.apply(ev(EventType::record, t0 + 10 * minute, Role::duty_staff, "recorded on the form"));
    CHECK(c.state() == State::recorded);
    c.apply(classify(t0 + 20 * minute, Nature::valid, Severity::p2));
    CHECK(c.state() == State::classified);
    CHECK(c.nature() == Nature::valid);
    CHECK(c.severity() == Severity::p2);
    Event assign = ev(EventType::assign, t0 + 30 * minute, Role::duty_staff);
    assign.target = Role::cs_assistant;
    c.apply(assign);
    CHECK(c.state() == State::assigned);
    CHECK(c.owner() == Role::cs_assistant);
    c.apply(ev(EventType::start, t0 + 40 * minute, Role::cs_assistant));
    CHECK(c.state() == State::in_progress);
    c.apply(ev(EventType::wait, t0 + 50 * minute, Role::cs_assistant, "resident away"));
    CHECK(c.state() == State::waiting);
    c.apply(ev(EventType::resume, t0 + 90 * minute, Role::cs_assistant));
    CHECK(c.state() == State::in_progress);
    c.apply(ev(EventType::resolve, t0 + 120 * minute, Role::cs_assistant));
    CHECK(c.state() == State::resolved);
    Event visit = ev(EventType::visit, t0 + 1440 * minute, Role::cs_assistant);
    visit.method = VisitMethod::phone;
    c.apply(visit);
    CHECK(c.state() == State::return_visit);
    CHECK(c.visit_method() == VisitMethod::phone);
    Event unsat = ev(EventType::unsatisfied, t0 + 1445 * minute, Role::cs_assistant);
    unsat.deadline = t0 + 3 * 1440 * minute;
    c.apply(unsat);
    CHECK(c.state() == State::rectification);
    CHECK(c.rectification_deadline() == t0 + 3 * 1440 * minute);
    c.apply(ev(EventType::resolve, t0 + 2000 * minute, Role::cs_assistant, "re-sealed"));
    CHECK(c.state() == State::resolved);
    CHECK_FALSE(c.rectification_deadline());
    visit.at = t0 + 2100 * minute;
    c.apply(visit);
    c.apply(ev(EventType::satisfied, t0 + 2101 * minute, Role::cs_assistant));
    CHECK(c.state() == State::closed);
    CHECK_FALSE(is_open(c.state()));

    const auto& log = c.events();
    REQUIRE(log.size() == 13);
    const EventType types[] = {EventType::receive,     EventType::record,  EventType::classify,
                               EventType::assign,      EventType::start,   EventType::wait,
                               EventType::resume,      EventType::resolve, EventType::visit,
                               EventType::unsatisfied, EventType::resolve, EventType::visit,
                               EventType::satisfied};
    for (std::size_t i = 0; i < log.size(); ++i) {
        CHECK(log[i].type == types[i]);
        if (i > 0)
            CHECK(log[i].from == log[i - 1].to); // the log is a chain of states
    }
    CHECK(log[1].note == "recorded on the form");
    CHECK(log[3].target == Role::cs_assistant);
    CHECK(log[9].deadline == t0 + 3 * 1440 * minute);
    CHECK(log[12].to == State::closed);
}

TEST_CASE("an invalid complaint is explained and closed never handled") {
    Complaint c = complaint_in(State::classified, Nature::invalid);
    CHECK(code_of([&] { c.apply(ev(EventType::assign, t0 + 100 * minute)); }) ==
          errc::illegal_transition);
    CHECK(message_of([&] { c.apply(ev(EventType::assign, t0 + 100 * minute)); }) ==
          "event 'assign' is not allowed in state 'classified': an invalid complaint is "
          "explained, not handled");
    c.apply(ev(EventType::explain, t0 + 100 * minute, Role::cs_manager, "outside our scope"));
    CHECK(c.state() == State::explained);
    c.apply(ev(EventType::close, t0 + 101 * minute));
    CHECK(c.state() == State::closed);

    Complaint v = complaint_in(State::classified, Nature::valid);
    CHECK(message_of([&] { v.apply(ev(EventType::explain, t0 + 100 * minute)); }) ==
          "event 'explain' is not allowed in state 'classified': only an invalid complaint is "
          "explained");
    // Judged again as invalid before handling starts, it can be explained from assigned.
    Complaint a = complaint_in(State::assigned);
    a.apply(classify(t0 + 100 * minute, Nature::invalid));
    CHECK(a.state() == State::assigned);
    a.apply(ev(EventType::explain, t0 + 101 * minute));
    CHECK(a.state() == State::explained);
    // Once handling started, it cannot become invalid.
    Complaint p = complaint_in(State::in_progress);
    CHECK(code_of([&] { p.apply(classify(t0 + 100 * minute, Nature::invalid)); }) ==
          errc::illegal_transition);
}

TEST_CASE("classification needs a judged nature and may change the severity later") {
    Complaint c = complaint_in(State::recorded);
    CHECK(code_of([&] { c.apply(classify(t0 + 100 * minute, Nature::unjudged)); }) ==
          errc::invalid_argument);
    CHECK(c.state() == State::recorded);
    c.apply(classify(t0 + 100 * minute, Nature::consulting, Severity::p4));
    // A communicative complaint handled badly becomes a valid one (DOMAIN.md §3).
    c.apply(classify(t0 + 101 * minute, Nature::valid));
    CHECK(c.nature() == Nature::valid);
    CHECK(c.severity() == Severity::p4); // unset keeps the severity
    c.apply(classify(t0 + 102 * minute, Nature::major, Severity::p1));
    CHECK(c.severity() == Severity::p1);
}

TEST_CASE("escalation climbs the role chain and stops at the company") {
    Complaint c = complaint_in(State::in_progress);
    REQUIRE(c.owner() == Role::duty_staff); // assign without a target keeps the actor
    const Role chain[] = {Role::cs_assistant, Role::cs_manager, Role::general_manager,
                          Role::company};
    Instant t = t0 + 100 * minute;
    for (Role r : chain) {
        c.apply(ev(EventType::escalate, t += minute));
        CHECK(c.owner() == r);
        CHECK(c.state() == State::in_progress);
        CHECK(c.events().back().target == r);
    }
    CHECK(message_of([&] { c.apply(ev(EventType::escalate, t + minute)); }) ==
          "event 'escalate' is not allowed in state 'in_progress': the company is the top of the "
          "role chain");
    CHECK(c.owner() == Role::company);

    Complaint d = complaint_in(State::received);
    Event jump = ev(EventType::escalate, t0 + minute);
    jump.target = Role::general_manager; // a major complaint goes straight up
    d.apply(jump);
    CHECK(d.owner() == Role::general_manager);
    jump.target = Role::cs_manager;
    jump.at = t0 + 2 * minute;
    CHECK(code_of([&] { d.apply(jump); }) == errc::invalid_argument); // not upwards
    CHECK(d.owner() == Role::general_manager);
}

TEST_CASE("a closed complaint reopens into a new cycle") {
    Complaint c = complaint_in(State::closed);
    CHECK(c.cycle() == 1);
    const auto n = c.events().size();
    c.apply(ev(EventType::reopen, t0 + 1000 * minute, Role::cs_manager, "leak is back"));
    CHECK(c.state() == State::recorded);
    CHECK(c.cycle() == 2);
    CHECK(c.events().size() == n + 1);
    CHECK(c.nature() == Nature::valid); // kept until judged again
    c.apply(classify(t0 + 1001 * minute, Nature::valid, Severity::p1));
    CHECK(c.state() == State::classified);
}

TEST_CASE("event details are required where the event needs them") {
    Complaint r = complaint_in(State::resolved);
    CHECK(message_of([&] { r.apply(ev(EventType::visit, t0 + 100 * minute)); }) ==
          "event 'visit' needs a return-visit method");
    Complaint v = complaint_in(State::return_visit);
    CHECK(code_of([&] { v.apply(ev(EventType::unsatisfied, t0 + 100 * minute)); }) ==
          errc::invalid_argument);
    Event u = ev(EventType::unsatisfied, t0 + 100 * minute);
    u.deadline = t0 + 100 * minute; // not after the event
    CHECK(code_of([&] { v.apply(u); }) == errc::invalid_argument);
    u.deadline = t0 + 100 * minute + 1;
    v.apply(u);
    CHECK(v.state() == State::rectification);
}

TEST_CASE("events out of order are refused and equal instants are kept in order") {
    Complaint c("C", t0);
    CHECK(message_of([&] { c.apply(ev(EventType::record, t0 - 1)); }) ==
          "event 'record' at " + std::to_string(t0 - 1) + " is earlier than the last event, at " +
              std::to_string(t0));
    c.apply(ev(EventType::record, t0));
    c.apply(classify(t0, Nature::valid));
    CHECK(c.state() == State::classified);
    CHECK(code_of([&] { c.apply(ev(EventType::receive, t0)); }) == errc::illegal_transition);
}

TEST_CASE("illegal transitions name the state and the event") {
    Complaint c("C", t0);
    CHECK(message_of([&] { c.apply(ev(EventType::resolve, t0 + 1)); }) ==
          "event 'resolve' is not allowed in state 'received'");
    Complaint closed = complaint_in(State::closed);
    CHECK(message_of([&] { closed.apply(ev(EventType::escalate, t0 + 9999 * minute)); }) ==
          "event 'escalate' is not allowed in state 'closed'");
}

namespace {

// Reads the "state × event" tables from the README: under `<!-- state-table KIND... -->`, rows
// `| \`state\` | cell | ... |` under a header row naming the events, one table per kind (a
// table may serve several kinds). A cell is `—` (illegal) or the name of the next state.
using Cells = std::map<std::pair<std::string, std::string>, std::string>;
std::map<std::string, Cells> readme_tables() {
    std::ifstream in(PLAINT_README);
    REQUIRE(in);
    std::string line;
    std::vector<std::string> header, kinds;
    std::map<std::string, Cells> tables;
    auto cells = [](const std::string& l) {
        std::vector<std::string> out;
        std::stringstream ss(l);
        std::string cell;
        std::getline(ss, cell, '|');
        while (std::getline(ss, cell, '|')) {
            auto b = cell.find_first_not_of(" `");
            auto e = cell.find_last_not_of(" `");
            out.push_back(b == std::string::npos ? "" : cell.substr(b, e - b + 1));
        }
        if (!out.empty() && out.back().empty())
            out.pop_back();
        return out;
    };
    const std::string open = "<!-- state-table ";
    while (std::getline(in, line)) {
        if (line.rfind(open, 0) == 0) {
            std::stringstream names(line.substr(open.size()));
            std::string k;
            kinds.clear();
            while (names >> k && k != "-->")
                kinds.push_back(k);
            header.clear();
            continue;
        }
        if (line.rfind("<!-- /state-table -->", 0) == 0) {
            kinds.clear();
            continue;
        }
        if (kinds.empty() || line.rfind("|", 0) != 0)
            continue;
        auto c = cells(line);
        if (header.empty()) {
            header = c;
            continue;
        }
        if (c.empty() || c[0].find("---") != std::string::npos)
            continue;
        for (const auto& k : kinds)
            for (std::size_t i = 1; i < c.size() && i < header.size(); ++i)
                tables[k][{c[0], header[i]}] = c[i];
    }
    return tables;
}

} // namespace

TEST_CASE("each kind's state machine equals its README table cell by cell") {
    const auto tables = readme_tables();
    REQUIRE(tables.size() == 5); // complaint, repair, consultation, suggestion, praise
    for (std::int32_t k = 1; k <= 5; ++k) {
        const Kind kind = static_cast<Kind>(k);
        auto t = tables.find(std::string(to_string(kind)));
        REQUIRE(t != tables.end());
        REQUIRE(t->second.size() == 11 * 17); // every state × every event but receive
        for (std::int32_t s = 1; s <= 11; ++s) {
            for (std::int32_t e = 2; e <= 18; ++e) {
                const State st = static_cast<State>(s);
                const EventType et = static_cast<EventType>(e);
                auto it = t->second.find({std::string(to_string(st)), std::string(to_string(et))});
                INFO(to_string(kind) << ": " << to_string(st) << " × " << to_string(et));
                REQUIRE(it != t->second.end());
                const auto next = transition(kind, st, et);
                const std::string expected = next ? std::string(to_string(*next)) : "—";
                CHECK(it->second == expected);
                if (kind == Kind::complaint) // the two-argument table is the complaint's
                    CHECK(transition(st, et) == next);
            }
        }
    }
}

TEST_CASE("allowed events follow the table and the nature guards") {
    auto names = [](const std::vector<EventType>& v) {
        std::string s;
        for (auto e : v)
            s += std::string(to_string(e)) + " ";
        return s;
    };
    CHECK(names(complaint_in(State::received).allowed_events()) == "record escalate ");
    CHECK(names(complaint_in(State::classified).allowed_events()) == "classify assign escalate ");
    CHECK(names(complaint_in(State::classified, Nature::invalid).allowed_events()) ==
          "classify explain escalate ");
    CHECK(names(complaint_in(State::closed).allowed_events()) == "reopen ");
    CHECK(names(complaint_in(State::waiting).allowed_events()) ==
          "classify assign resume escalate ");
}

TEST_CASE("details an event type does not use are neither checked nor logged") {
    Complaint c("C", t0);
    Event e = ev(EventType::record, t0 + minute);
    e.nature = static_cast<Nature>(99);
    e.severity = Severity::p1;
    e.target = static_cast<Role>(42);
    e.method = static_cast<VisitMethod>(-3);
    e.deadline = t0; // before the event: would be refused on an unsatisfied event
    c.apply(e);
    const Event& logged = c.events().back();
    CHECK(logged.type == EventType::record);
    CHECK(logged.nature == Nature::unjudged);
    CHECK(logged.severity == Severity::unset);
    CHECK_FALSE(logged.target);
    CHECK_FALSE(logged.method);
    CHECK_FALSE(logged.deadline);
    // The same details on the event that uses them are checked.
    Event judge = classify(t0 + 2 * minute, static_cast<Nature>(99));
    CHECK(code_of([&] { c.apply(judge); }) == errc::out_of_range);
    CHECK(c.state() == State::recorded);
}

// Kinds of request (DOMAIN.md §8): the paths the README's kind tables describe, walked on a
// `Complaint`, with the guards that are a complaint's alone.
TEST_CASE("a repair is assigned without a nature, fixed and confirmed by the resident") {
    Complaint c("R", t0);
    c.set_kind(Kind::repair);
    CHECK(c.kind() == Kind::repair);
    CHECK(c.stated_kind() == Kind::repair);
    Instant t = t0;
    c.apply(ev(EventType::record, t += minute));
    c.apply(ev(EventType::assign, t += minute, Role::cs_assistant)); // no classify first
    CHECK(c.state() == State::assigned);
    CHECK(c.nature() == Nature::unjudged);
    c.apply(ev(EventType::start, t += minute)); // on-site assessment
    c.apply(ev(EventType::resolve, t += minute));
    // The resident does not accept the work: redo by a deadline, then confirm.
    Event no = ev(EventType::unsatisfied, t += minute);
    no.deadline = t + 24 * 60 * minute;
    c.apply(no);
    CHECK(c.state() == State::rectification);
    c.apply(ev(EventType::resolve, t += minute));
    c.apply(ev(EventType::confirm, t += minute));
    CHECK(c.state() == State::closed);
    // A severity alone may be noted on a repair (a complaint's classify needs a nature).
    Complaint d("R2", t0);
    d.set_kind(Kind::repair);
    d.apply(ev(EventType::record, t0 + minute));
    Event sev = ev(EventType::classify, t0 + 2 * minute);
    sev.severity = Severity::p2;
    d.apply(sev);
    CHECK(d.severity() == Severity::p2);
    CHECK(d.nature() == Nature::unjudged);
    // An out-of-scope repair is explained whatever its nature; a complaint only when invalid.
    d.apply(ev(EventType::explain, t0 + 3 * minute));
    CHECK(d.state() == State::explained);
    Complaint e = complaint_in(State::classified, Nature::valid);
    CHECK(code_of([&] { e.apply(ev(EventType::explain, t0 + 99 * minute)); }) ==
          errc::illegal_transition);
}

TEST_CASE("a consultation is answered and a suggestion or praise acknowledged") {
    Complaint q("Q", t0);
    q.set_kind(Kind::consultation);
    q.apply(ev(EventType::record, t0 + minute));
    // Not a complaint's events: no resolve, no return visit for a consultation.
    CHECK(code_of([&] { q.apply(ev(EventType::resolve, t0 + 2 * minute)); }) ==
          errc::illegal_transition);
    q.apply(ev(EventType::answer, t0 + 2 * minute));
    CHECK(q.state() == State::closed);
    q.apply(ev(EventType::reopen, t0 + 3 * minute));
    CHECK(q.state() == State::recorded);
    CHECK(q.cycle() == 2);

    for (Kind k : {Kind::suggestion, Kind::praise}) {
        Complaint s("S", t0);
        s.set_kind(k);
        s.apply(ev(EventType::record, t0 + minute));
        s.apply(ev(EventType::assign, t0 + 2 * minute, Role::cs_manager)); // passed on
        CHECK(code_of([&] { s.apply(ev(EventType::start, t0 + 3 * minute)); }) ==
              errc::illegal_transition);
        s.apply(ev(EventType::acknowledge, t0 + 3 * minute));
        CHECK(s.state() == State::closed);
        CHECK(s.owner() == Role::cs_manager);
    }
    // A complaint answers nothing and acknowledges nothing: it keeps its cycle.
    Complaint c = complaint_in(State::recorded);
    CHECK(code_of([&] { c.apply(ev(EventType::answer, t0 + 99 * minute)); }) ==
          errc::illegal_transition);
    CHECK(code_of([&] { c.apply(ev(EventType::acknowledge, t0 + 99 * minute)); }) ==
          errc::illegal_transition);
    // allowed_events follows the kind: a recorded consultation may be classified, assigned,
    // escalated or answered (the README's consultation table, row `recorded`).
    Complaint r("Q2", t0);
    r.set_kind(Kind::consultation);
    r.apply(ev(EventType::record, t0 + minute));
    CHECK(r.allowed_events() == std::vector<EventType>{EventType::classify, EventType::assign,
                                                       EventType::escalate, EventType::answer});
}

TEST_CASE("the kind is fixed once handling starts, and an unknown kind is refused") {
    Complaint c("K", t0);
    CHECK(c.kind() == Kind::complaint); // not stated: a complaint
    CHECK_FALSE(c.stated_kind());
    CHECK(code_of([&] { c.set_kind(static_cast<Kind>(0)); }) == errc::out_of_range);
    CHECK(code_of([&] { c.set_kind(static_cast<Kind>(6)); }) == errc::out_of_range);
    CHECK_FALSE(c.stated_kind()); // nothing changed
    c.apply(ev(EventType::record, t0 + minute));
    c.set_kind(Kind::repair); // still allowed after record
    c.apply(ev(EventType::assign, t0 + 2 * minute));
    CHECK(code_of([&] { c.set_kind(Kind::complaint); }) == errc::illegal_transition);
    CHECK(c.kind() == Kind::repair);
    // The JSON form carries a stated kind and reads it back; an unknown one is a validation error
    // at /kind.
    const Complaint back = complaint_from_json(to_json(c));
    CHECK(back.kind() == Kind::repair);
    CHECK(back.state() == State::assigned);
    CHECK(to_json(Complaint("N", t0)).find("\"kind\"") == std::string::npos);
    CHECK(code_of([&] {
              complaint_from_json(R"({"id":"X","received":1772414100,"kind":"request"})");
          }) == errc::validation);
    CHECK(message_of([&] {
              complaint_from_json(R"({"id":"X","received":1772414100,"kind":"request"})");
          }).find("/kind") != std::string::npos);
}
