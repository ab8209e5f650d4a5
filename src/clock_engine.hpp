// The SLA clock engine (README.md, "SLA policies and clocks"): one implementation, shared by
// PolicySet::clocks (src/sla.cpp) and the ledger (src/ledger_impl.hpp), which calls it without
// allocating for every complaint of a report. Internal.
#pragma once

#include "plaint/calendar.hpp"
#include "plaint/complaint.hpp"
#include "plaint/config.hpp"
#include "plaint/error.hpp"
#include "plaint/sla.hpp"
#include "plaint/time.hpp"

#include "error_detail.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// No instant (an event without a deadline; a record without a rectification deadline).
constexpr Instant no_instant = std::numeric_limits<Instant>::min();

inline std::uint32_t bit(EventType e) {
    return 1u << static_cast<unsigned>(e);
}
inline std::uint32_t mask_of(const std::vector<EventType>& v) {
    std::uint32_t m = 0;
    for (auto e : v)
        m |= bit(e);
    return m;
}

// Instants a calendar computes: from 1900-01-01T00:00:00Z (-2,208,988,800) to the end of
// 2199 (7,258,118,400 is 2200-01-01T00:00:00Z), as `calendar_first_year`/`_last_year` say.
constexpr Instant calendar_from = -2208988800LL, calendar_until = 7258118400LL;
inline bool in_calendar_years(Instant t) noexcept {
    return t >= calendar_from && t < calendar_until;
}

// A calendar as the engine counts in it: a 24x7 one (`always`) answers without being asked.
struct CalRef {
    const Calendar* cal = nullptr;
    bool always = false; // a 24x7 calendar: business time is wall time

    // A 24x7 calendar's answers without asking it, inside its years; outside them the calendar
    // gives its error, as for any other calendar.
    Duration between(Instant a, Instant b) const {
        return always && in_calendar_years(a) && in_calendar_years(b) ? b - a : cal->between(a, b);
    }
    Instant add(Instant t0, Duration d) const {
        if (always && in_calendar_years(t0)) {
            const Instant r = plaint::add(t0, d);
            if (in_calendar_years(r))
                return r;
        }
        return cal->add(t0, d);
    }
};

inline CalRef cal_ref(const Calendar* c) noexcept {
    return {c, c && c->spec().always_open};
}

struct CTarget : CalRef {
    const Target* t = nullptr;
    // The target names no calendar of its own: it counts in the owning team's calendar, when that
    // team has one (see TeamCals).
    bool follows_team = false;
    std::uint32_t start = 0, stop = 0, pause = 0, resume = 0;
};

// The calendars of a profile's teams for the clocks (README.md, "Teams and their calendars"):
// `cals[k]` for the team at position k - 1 of the profile (k = 0: no team), a null `cal` for a
// team without a calendar. `initial` is the team that owns the case before any assign or escalate
// names one: the team the rules dispatch it to (0 none). With no team calendar at all the engine
// is given no TeamCals and never switches.
struct TeamCals {
    const CalRef* cals = nullptr;
    std::size_t n = 0; // entries in cals
    std::uint8_t initial = 0;
};

struct CPolicy {
    std::string name;
    std::vector<CTarget> targets;
    int return_visit = -1; // the index of its return_visit target
};

// A policy's targets with their calendars (`cals[i]` for target i, none null) and event masks.
inline CPolicy compile_policy(std::string name, const Policy& p,
                              const std::vector<const Calendar*>& cals) {
    CPolicy cp;
    cp.name = std::move(name);
    for (std::size_t i = 0; i < p.targets.size(); ++i) {
        const Target& t = p.targets[i];
        CTarget ct;
        ct.t = &t;
        ct.cal = cals.at(i);
        if (!ct.cal)
            throw error(errc::internal, "undefined calendar " + quote(t.calendar));
        ct.always = ct.cal->spec().always_open;
        ct.follows_team = !t.own_calendar;
        ct.start = mask_of(t.start);
        ct.stop = mask_of(t.stop);
        ct.pause = mask_of(t.pause);
        ct.resume = mask_of(t.resume);
        if (t.kind == TargetKind::return_visit && cp.return_visit < 0)
            cp.return_visit = static_cast<int>(cp.targets.size());
        cp.targets.push_back(ct);
    }
    return cp;
}

// An event as the clock engine reads it.
struct EvLite {
    Instant at;
    EventType type;
    std::uint8_t team; // the team an assign or escalate names (as in TeamCals), 0 none
    Instant deadline;
};

struct LiteClock {
    std::uint16_t target = 0;
    std::int32_t cycle = 1, round = 0;
    ClockState state = ClockState::not_started;
    bool has_started = false, has_stopped = false, has_due = false;
    Instant started = 0, stopped = 0, due = 0;
    Duration duration = 0, elapsed = 0;
    std::uint8_t nwarn = 0;
    Instant warn[4] = {0, 0, 0, 0};
};

// The clocks of one complaint under one policy as of `at` (the semantics README.md's "SLA
// policies and clocks" states), computed in one pass per target with no allocation: a closed
// running period is reduced at once to its business length, and each threshold (the duration,
// the warnings) to the instant it is reached inside it. `emit` gets each clock in order: per
// target, per cycle and round. Without `warnings`, warning instants are neither computed nor
// used (no clock is then in the warning state).
//
// With `teams`, a target that names no calendar counts in the owning team's calendar: the
// initial team's from the start, and from each assign or escalate naming a team with another
// calendar on, that team's — business time elapsed is kept, and the rest counts in the new
// calendar from the event's instant (as a pause and a resume at that instant would), after the
// event's own effect on the clock (an assign that stops a clock stops it in the old calendar).
//
// Without teams (`WithTeams` false: no team of the profile has a calendar) the code is the engine
// as it was before team calendars, with nothing to test per event.
template <bool WithTeams, class Emit>
void run_clocks_in(const CPolicy& p, const EvLite* ev, std::size_t n, Instant at, bool warnings,
                   const TeamCals* teams, Emit&& emit) {
    // The calendar a following target counts in while team `k` owns the case.
    [[maybe_unused]] auto team_cal = [teams](const CTarget& ct, std::uint8_t k) -> CalRef {
        return k < teams->n && teams->cals[k].cal ? teams->cals[k] : static_cast<const CalRef&>(ct);
    };
    for (std::size_t ti = 0; ti < p.targets.size(); ++ti) {
        const CTarget& ct = p.targets[ti];
        const Target& t = *ct.t;
        // The calendar counted in now (`cur`) and at the start (`start_cal`: a deadline-from-event
        // target's duration); the target's own unless it follows the owning team.
        [[maybe_unused]] bool switching = false;
        [[maybe_unused]] CalRef cur_store, start_store;
        const CalRef* cur = &ct;
        const CalRef* start_cal = &ct;
        if constexpr (WithTeams) {
            switching = ct.follows_team;
            if (switching) {
                cur_store = start_store = team_cal(ct, teams->initial);
                cur = &cur_store;
                start_cal = &start_store;
            }
        }
        const bool dfe = t.deadline_from_event;
        Duration amount[5];
        std::size_t na = 0;
        if (!dfe) {
            amount[na++] = t.duration;
            if (warnings)
                for (double f : t.warn)
                    amount[na++] =
                        static_cast<Duration>(std::ceil(f * static_cast<double>(t.duration)));
        }
        bool active = false, running = false, has_stopped = false, has_deadline = false;
        Instant started = 0, open_since = 0, stopped = 0, deadline = 0;
        Duration acc = 0;
        Instant reached[5];
        bool has_reached[5] = {false, false, false, false, false};
        std::int32_t cycle = 1, round = 0, run_cycle = 1, run_round = 0;
        bool started_in_cycle = false;

        auto close = [&](Instant e) {
            const Duration len = cur->between(open_since, e);
            for (std::size_t k = 0; k < na; ++k)
                if (!has_reached[k] && acc + len >= amount[k]) {
                    reached[k] = cur->add(open_since, amount[k] - acc);
                    has_reached[k] = true;
                }
            acc += len;
            running = false;
        };
        auto reach = [&](std::size_t k) -> Instant {
            if (has_reached[k])
                return reached[k];
            if (running)
                return cur->add(open_since, amount[k] - acc);
            return cur->add(has_stopped ? stopped : at, amount[k] - acc);
        };
        auto finish = [&]() {
            LiteClock c;
            c.target = static_cast<std::uint16_t>(ti);
            c.cycle = run_cycle;
            c.round = run_round;
            c.has_started = true;
            c.started = started;
            c.has_stopped = has_stopped;
            c.stopped = stopped;
            const Instant until = has_stopped ? stopped : at;
            c.elapsed = acc + (running && until > open_since ? cur->between(open_since, until) : 0);
            if (dfe) {
                c.has_due = has_deadline;
                c.due = deadline;
                c.duration =
                    has_deadline ? std::max<Duration>(0, start_cal->between(started, deadline)) : 0;
                if (warnings)
                    for (double f : t.warn)
                        c.warn[c.nwarn++] = start_cal->add(
                            started,
                            static_cast<Duration>(std::ceil(f * static_cast<double>(c.duration))));
            } else {
                c.duration = t.duration;
                c.has_due = true;
                c.due = reach(0);
                for (std::size_t k = 1; k < na; ++k)
                    c.warn[c.nwarn++] = reach(k);
            }
            const bool paused = !has_stopped && !running;
            if (c.has_due && has_stopped)
                c.state = stopped <= c.due ? ClockState::met : ClockState::breached;
            else if (c.has_due && at > c.due)
                c.state = ClockState::breached;
            else if (has_stopped)
                c.state = ClockState::met;
            else if (warnings && c.nwarn > 0 && at >= c.warn[0] && !paused)
                c.state = ClockState::warning;
            else
                c.state = paused ? ClockState::paused : ClockState::running;
            emit(c);
            active = false;
        };

        for (std::size_t i = 0; i < n; ++i) {
            const EvLite& e = ev[i];
            if (e.at > at)
                break;
            const std::uint32_t b = bit(e.type);
            if (e.type == EventType::reopen) {
                if (active) {
                    if (running)
                        close(e.at);
                    has_stopped = true;
                    stopped = e.at;
                    finish();
                }
                ++cycle;
                round = 0;
                started_in_cycle = false;
            }
            if (active && (ct.stop & b)) {
                if (running)
                    close(e.at);
                has_stopped = true;
                stopped = e.at;
                finish();
            } else if (active) {
                if (running && (ct.pause & b)) {
                    close(e.at);
                } else if (!running && (ct.resume & b)) {
                    running = true;
                    open_since = e.at;
                }
            } else if (ct.start & b) {
                active = true;
                running = true;
                has_stopped = false;
                started = open_since = e.at;
                acc = 0;
                for (auto& h : has_reached)
                    h = false;
                run_cycle = cycle;
                run_round = ++round;
                has_deadline = dfe && e.type == EventType::unsatisfied && e.deadline != no_instant;
                deadline = e.deadline;
                started_in_cycle = true;
                if constexpr (WithTeams)
                    if (switching)
                        start_store = cur_store;
            }
            if constexpr (WithTeams) {
                if (switching && e.team != 0) {
                    const CalRef next = team_cal(ct, e.team);
                    if (next.cal != cur_store.cal) {
                        if (active && running) {
                            close(e.at);
                            running = true;
                            open_since = e.at;
                        }
                        cur_store = next;
                    }
                }
            }
        }
        if (active) {
            finish();
        } else if (!started_in_cycle) {
            LiteClock c;
            c.target = static_cast<std::uint16_t>(ti);
            c.cycle = cycle;
            c.round = 0;
            c.duration = dfe ? 0 : t.duration;
            emit(c);
        }
    }
}

template <class Emit>
void run_clocks(const CPolicy& p, const EvLite* ev, std::size_t n, Instant at, bool warnings,
                const TeamCals* teams, Emit&& emit) {
    if (teams)
        run_clocks_in<true>(p, ev, n, at, warnings, teams, emit);
    else
        run_clocks_in<false>(p, ev, n, at, warnings, teams, emit);
}

inline Clock to_clock(const CPolicy& p, const LiteClock& l) {
    const Target& t = *p.targets[l.target].t;
    Clock c;
    c.target = t.name;
    c.kind = t.kind;
    c.cycle = l.cycle;
    c.round = l.round;
    c.state = l.state;
    if (l.has_started)
        c.started = l.started;
    if (l.has_stopped)
        c.stopped = l.stopped;
    if (l.has_due)
        c.due = l.due;
    c.duration = l.duration;
    c.elapsed = l.elapsed;
    c.remaining = l.duration - l.elapsed;
    if (l.round == 0) {
        c.remaining = l.duration;
        return c;
    }
    c.percent = l.duration > 0
                    ? 100.0 * static_cast<double>(l.elapsed) / static_cast<double>(l.duration)
                    : 100.0;
    c.warnings.assign(l.warn, l.warn + l.nwarn);
    if (l.state == ClockState::breached) {
        c.breached_at = c.due;
        c.escalate_to = t.escalate_on_breach;
    } else if (l.state == ClockState::warning) {
        c.escalate_to = t.escalate_on_warning;
    }
    return c;
}

} // namespace detail
PLAINT_END_NAMESPACE
