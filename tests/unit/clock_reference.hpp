// A second derivation of SLA clocks, for tests only: the straightforward implementation the
// library had before its clock engine (src/clock_engine.hpp) became the only one — each clock's
// running periods kept as a list and every figure computed from them afterwards. Tests compare
// PolicySet::clocks (and so the ledger) with it on many complaints; the hand-worked values of
// test_sla.cpp check both. With a profile's teams, each running period keeps the calendar of the
// team that owned the case while it ran (README.md, "Teams and their calendars").
#pragma once

#include <plaint/calendar.hpp>
#include <plaint/complaint.hpp>
#include <plaint/sla.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace reference {

using namespace plaint;

inline bool in(const std::vector<EventType>& set, EventType e) {
    return std::find(set.begin(), set.end(), e) != set.end();
}

// The running periods of one clock, and what they add up to.
struct Period {
    Instant first;
    std::optional<Instant> second; // [first, second or open)
    const Calendar* cal;           // the calendar it counts in
};

struct Run {
    std::vector<Period> periods;
    const Calendar* start_cal = nullptr; // at the start
    const Calendar* last_cal = nullptr;  // now
    Instant started = 0;
    std::optional<Instant> stopped;
    std::optional<Instant> deadline; // from the starting event, for rectification
    std::int32_t cycle = 1, round = 1;
};

// The instant the running time of `run` reaches `amount` (earliest, in business time): inside
// the periods so far when it got there, else projected as if the clock ran on from its stop, or
// from `at` while paused.
inline Instant reach(const Run& run, Instant at, Duration amount) {
    Duration acc = 0;
    for (const auto& [s, e, cal] : run.periods) {
        if (!e) // still running: the answer lies ahead from this period's start
            return cal->add(s, amount - acc);
        const Duration len = cal->between(s, *e);
        if (acc + len >= amount)
            return cal->add(s, amount - acc);
        acc += len;
    }
    // Paused or stopped short of the amount: projected as if running again from `at` (paused)
    // or from the stop, in the calendar of the moment.
    const Instant from = run.stopped ? *run.stopped : at;
    return run.last_cal->add(from, amount - acc);
}

inline Clock evaluate(const Target& t, const Run& run, Instant at) {
    const Calendar& cal = *run.start_cal;
    Clock c;
    c.target = t.name;
    c.kind = t.kind;
    c.cycle = run.cycle;
    c.round = run.round;
    c.started = run.started;
    c.stopped = run.stopped;
    const Instant until = run.stopped ? *run.stopped : at;
    for (const auto& [s, e, pcal] : run.periods) {
        const Instant end = e ? std::min(*e, until) : until;
        if (end > s)
            c.elapsed += pcal->between(s, end);
    }
    if (t.deadline_from_event) {
        c.due = run.deadline;
        c.duration =
            run.deadline ? std::max<Duration>(0, cal.between(run.started, *run.deadline)) : 0;
    } else {
        c.duration = t.duration;
        c.due = reach(run, at, t.duration);
    }
    c.remaining = c.duration - c.elapsed;
    c.percent = c.duration > 0
                    ? 100.0 * static_cast<double>(c.elapsed) / static_cast<double>(c.duration)
                    : 100.0;
    for (double f : t.warn) {
        const auto amount = static_cast<Duration>(std::ceil(f * static_cast<double>(c.duration)));
        c.warnings.push_back(t.deadline_from_event ? cal.add(run.started, amount)
                                                   : reach(run, at, amount));
    }
    const bool paused = !run.stopped && !run.periods.empty() && run.periods.back().second;
    if (c.due && run.stopped) {
        c.state = *run.stopped <= *c.due ? ClockState::met : ClockState::breached;
    } else if (c.due && at > *c.due) {
        c.state = ClockState::breached;
    } else if (run.stopped) {
        c.state = ClockState::met; // no due instant: nothing to miss
    } else if (!c.warnings.empty() && at >= c.warnings.front() && !paused) {
        c.state = ClockState::warning;
    } else {
        c.state = paused ? ClockState::paused : ClockState::running;
    }
    if (c.state == ClockState::breached) {
        c.breached_at = c.due;
        c.escalate_to = t.escalate_on_breach;
    } else if (c.state == ClockState::warning) {
        c.escalate_to = t.escalate_on_warning;
    }
    return c;
}

// With `teams`, a target naming no calendar counts in the calendar of the owning team: the latest
// an assign or escalate named, else `dispatched`.
inline std::vector<Clock> clocks(const PolicySet& set, std::string_view policy,
                                 const Complaint& complaint, Instant at,
                                 const std::vector<Team>* teams = nullptr,
                                 std::string_view dispatched = {}) {
    const Policy* p = set.find(policy);
    REQUIRE(p);
    std::vector<Clock> out;
    const auto& log = complaint.events();
    auto calendar_of = [&](const Target& t, std::string_view team) {
        if (teams && !t.own_calendar)
            for (const Team& k : *teams)
                if (k.id == team && !k.calendar.empty())
                    return set.calendar(k.calendar);
        return set.calendar(t.calendar);
    };
    for (std::size_t ti = 0; ti < p->targets.size(); ++ti) {
        const Target& t = p->targets[ti];
        std::string owner(dispatched);
        const Calendar* cal = calendar_of(t, owner);
        std::optional<Run> run;
        std::int32_t cycle = 1, round = 0;
        bool started_in_cycle = false;
        // A new owner with another calendar: a running period ends and another begins.
        auto owner_changes = [&](const Event& e) {
            if (e.team.empty())
                return;
            owner = e.team;
            const Calendar* next = calendar_of(t, owner);
            if (next == cal)
                return;
            cal = next;
            if (run) {
                if (!run->periods.empty() && !run->periods.back().second) {
                    run->periods.back().second = e.at;
                    run->periods.push_back({e.at, std::nullopt, cal});
                }
                run->last_cal = cal;
            }
        };
        for (const Event& e : log) {
            if (e.at > at)
                break;
            if (e.type == EventType::reopen) {
                // A reopen ends the cycle: a clock still open is stopped where the cycle ended.
                if (run) {
                    if (!run->periods.empty() && !run->periods.back().second)
                        run->periods.back().second = e.at;
                    run->stopped = e.at;
                    out.push_back(evaluate(t, *run, at));
                    run.reset();
                }
                ++cycle;
                round = 0;
                started_in_cycle = false;
            }
            if (run) {
                if (in(t.stop, e.type)) {
                    if (!run->periods.empty() && !run->periods.back().second)
                        run->periods.back().second = e.at;
                    run->stopped = e.at;
                    out.push_back(evaluate(t, *run, at));
                    run.reset();
                    owner_changes(e);
                    continue; // the event that stops a clock does not also restart it
                }
                const bool running = !run->periods.empty() && !run->periods.back().second;
                if (running && in(t.pause, e.type))
                    run->periods.back().second = e.at;
                else if (!running && in(t.resume, e.type))
                    run->periods.push_back({e.at, std::nullopt, cal});
            } else if (in(t.start, e.type)) {
                run.emplace();
                run->started = e.at;
                run->cycle = cycle;
                run->round = ++round;
                run->periods.push_back({e.at, std::nullopt, cal});
                run->start_cal = run->last_cal = cal;
                if (t.deadline_from_event)
                    run->deadline = e.deadline;
                started_in_cycle = true;
            }
            owner_changes(e);
        }
        if (run) {
            out.push_back(evaluate(t, *run, at));
        } else if (!started_in_cycle) {
            Clock c;
            c.target = t.name;
            c.kind = t.kind;
            c.cycle = cycle;
            c.round = 0;
            c.duration = t.deadline_from_event ? 0 : t.duration;
            c.remaining = c.duration;
            out.push_back(std::move(c));
        }
    }
    return out;
}

// Two lists of clocks field by field.
inline void same_clocks(const std::vector<Clock>& a, const std::vector<Clock>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO("clock " << i << " " << a[i].target);
        CHECK(a[i].target == b[i].target);
        CHECK(a[i].cycle == b[i].cycle);
        CHECK(a[i].round == b[i].round);
        CHECK(a[i].state == b[i].state);
        CHECK(a[i].started == b[i].started);
        CHECK(a[i].stopped == b[i].stopped);
        CHECK(a[i].due == b[i].due);
        CHECK(a[i].breached_at == b[i].breached_at);
        CHECK(a[i].elapsed == b[i].elapsed);
        CHECK(a[i].remaining == b[i].remaining);
        CHECK(a[i].duration == b[i].duration);
        CHECK(a[i].warnings == b[i].warnings);
        CHECK(a[i].escalate_to == b[i].escalate_to);
        CHECK(a[i].percent == Approx(b[i].percent));
    }
}

} // namespace reference
