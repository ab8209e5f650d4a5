/// @file sla.hpp
/// SLA policies and clocks (DOMAIN.md §5). A policy is a named set of targets — record within
/// 1 hour, first feedback within 24, a result within 72… — each counted in its own business
/// calendar (or round the clock), started, paused, resumed and stopped by workflow events.
/// A clock is never stored: it is derived from a complaint's event log and the policy, so a
/// changed calendar or policy recomputes every clock from history. At any instant a clock tells
/// its due instant, elapsed and remaining business seconds, percent used, state, warning
/// instants (in business time) and, once breached, the instant of breach. A `PolicySet` bundles
/// the calendars and the policies; it is immutable and safe to share across threads.
#pragma once

#include "plaint/calendar.hpp"
#include "plaint/complaint.hpp"
#include "plaint/config.hpp"
#include "plaint/enums.hpp"
#include "plaint/people.hpp"
#include "plaint/time.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

PLAINT_BEGIN_NAMESPACE

/// One target of a policy. Since 0.2.
struct Target {
    std::string name; ///< unique within the policy; defaults to the kind's name
    TargetKind kind = TargetKind::custom;
    Duration duration = 0;         ///< business seconds; unused with `deadline_from_event`
    std::string calendar = "24x7"; ///< a calendar of the policy set, or "24x7"
    /// Whether the policy names `calendar` (since 0.7). A target that does counts in it always;
    /// one that does not (round the clock, "24x7") counts in the calendar of the team that owns
    /// the case when that team has one (`PolicySet::clocks` with teams; README.md, "Teams and
    /// their calendars").
    bool own_calendar = false;
    std::vector<EventType> start, stop, pause, resume;
    std::vector<double> warn = {0.75, 0.9}; ///< ascending fractions in (0, 1); at most 4
    std::optional<Role> escalate_on_warning;
    std::optional<Role> escalate_on_breach;
    /// Rectification: the due instant is the deadline carried by the starting event.
    bool deadline_from_event = false;
};

/// A named set of targets. Since 0.2.
struct Policy {
    std::string name;
    std::vector<Target> targets;
};

/// One clock of a complaint at an instant. Since 0.2.
struct Clock {
    std::string target; ///< the target's name
    TargetKind kind = TargetKind::custom;
    std::int32_t cycle = 1; ///< the handling cycle (1 + reopens) it belongs to
    std::int32_t round = 1; ///< 1, or more when the target started again in the cycle
    ClockState state = ClockState::not_started;
    std::optional<Instant> started; ///< the start event's instant
    std::optional<Instant> stopped; ///< the stop event's instant
    /// When the running time reaches the duration: exact once the clock has run out or is
    /// running; while paused, projected as if it resumed at the query instant.
    std::optional<Instant> due;
    std::optional<Instant> breached_at; ///< the due instant, once passed
    Duration duration = 0;              ///< the target, business seconds
    Duration elapsed = 0;               ///< business seconds counted so far
    Duration remaining = 0;             ///< duration − elapsed (negative when over)
    double percent = 0;                 ///< 100 · elapsed / duration
    std::vector<Instant> warnings;      ///< the instants each warning fraction is reached
    std::optional<Role> escalate_to;    ///< the target's role for its warning or breach state
};

namespace detail {
class PolicySetImpl;
}

/// Calendars and SLA policies, compiled once. Since 0.2.
class PolicySet {
public:
    /// Reads `{"calendars": {name: calendar}, "policies": {name: {"targets": [...]}}}`; each
    /// calendar in the form `Calendar::from_json` reads, each target an object with `kind`,
    /// `name`, `duration` (seconds, or text such as "24h", "1h30m", "PT72H"), `calendar`,
    /// `start`, `stop`, `pause`, `resume` (lists of event names), `warn`,
    /// `escalate_on_warning`, `escalate_on_breach`, `deadline_from_event`.
    /// @throws error `errc::parse`, `errc::validation` (every problem, with JSON pointers:
    /// unknown keys, undefined calendars, duplicate names, bad durations, a duration whose
    /// deadline for a complaint received at the start of 2100 would fall after
    /// `calendar_last_year` (since 0.6)...), `errc::too_large`.
    static PolicySet from_json(std::string_view json);
    /// The policies of the default profile (DOMAIN.md §5): `complaint` (record 1 h, first
    /// feedback 24 h, result 72 h, round the clock), `repair` (response 24 h, completion 48 h),
    /// `repair_urgent` (4 h / 24 h), `consultation` (answered in 1 h); each with rectification
    /// by the deadline set at an unsatisfied return visit.
    static const PolicySet& default_set();

    /// The policy named `name`, or nullptr.
    const Policy* find(std::string_view name) const noexcept;
    /// The policies' names, sorted.
    std::vector<std::string> policy_names() const;
    /// The calendar named `name` ("24x7" always exists), or nullptr.
    const Calendar* calendar(std::string_view name) const noexcept;
    /// The whole set as JSON; `from_json` of it gives an equal set.
    std::string to_json() const;

    /// Every clock of `complaint` under `policy` as of instant `at` (events after `at` are not
    /// seen): one per target, cycle and round, in target order, then cycle and round.
    /// @throws error `errc::not_found` for an unknown policy; calendar errors
    /// (`errc::out_of_range`) for instants outside the calendar's years.
    std::vector<Clock> clocks(std::string_view policy, const Complaint& complaint,
                              Instant at) const;
    /// `clocks`, each clock counted in the calendar of the team that owns the case (README.md,
    /// "Teams and their calendars"; since 0.7). The owner is the team of the latest `assign` or
    /// `escalate` naming one (`Event::team`), else `dispatched_team`, the team the profile's
    /// rules dispatch the case to (`Decision::team`; a ledger's `ComplaintView::rule_team`; ""
    /// for none). A target that names its own calendar (`Target::own_calendar`) keeps it; any
    /// other counts in the owning team's `Team::calendar` when it has one, else round the clock.
    /// When the owner changes to a team with another calendar while a clock runs, the business
    /// time elapsed is kept and the rest counts in the new calendar from the event's instant;
    /// a clock stopped by that event stops in the old one. A deadline-from-event target measures
    /// its duration and warnings in the calendar of its start. A team id not among `teams` counts
    /// as a team without a calendar. `teams` are a profile's (`Profile::teams()`), their
    /// calendars this set's: `Profile::clocks` is this call with the profile's own teams, and a
    /// ledger's clocks are the same figures.
    /// @throws error as `clocks`, and `errc::not_found` for a team calendar this set lacks.
    std::vector<Clock> clocks(std::string_view policy, const Complaint& complaint, Instant at,
                              const std::vector<Team>& teams,
                              std::string_view dispatched_team) const;

private:
    explicit PolicySet(std::shared_ptr<const detail::PolicySetImpl> impl);
    std::shared_ptr<const detail::PolicySetImpl> impl_;
};

/// Parses a duration: whole seconds as digits ("3600"), a sum of d/h/m/s parts ("1h30m",
/// "24h", "45s"), or ISO 8601 "PT1H30M" / "P1DT2H" (a day is 86,400 seconds of open time).
/// Each unit comes at most once, in the order d, h, m, s; ISO's `T` only before a time part.
/// @throws error `errc::parse` for anything else ("1h1h", "1m1h", "P1DT", "PT", "P", ""),
/// `errc::overflow` for a value too large for int64 seconds. Since 0.2.
Duration parse_duration(std::string_view text);

PLAINT_END_NAMESPACE
