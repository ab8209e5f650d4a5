/// @file performance.hpp
/// Staff performance (绩效考核, DOMAIN.md §8): the figures the guides assess staff by, per handler
/// and per team over a period — cases owned and closed by kind, the share of each SLA target met,
/// times to first response and to resolution, reopened cases, unsatisfied return visits,
/// escalations made while a limit was breached, and the satisfaction of the surveys joined to the
/// cases — each count with its interval, and small samples flagged rather than trusted. Computed
/// from a ledger (and survey responses); a plain value.
#pragma once

#include "plaint/config.hpp"
#include "plaint/enums.hpp"
#include "plaint/ledger.hpp"
#include "plaint/report.hpp"
#include "plaint/satisfaction.hpp"
#include "plaint/time.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

PLAINT_BEGIN_NAMESPACE

/// Whom the figures are for. Values never change (they cross the C ABI). Since 0.7.
enum class StaffBy : std::int32_t {
    handler = 1, ///< the handler who owns each case (its latest assign or escalate)
    team = 2,    ///< the team that owns each case (its latest named, else the rules' dispatch)
};

/// What the figures cover. Since 0.7.
struct PerformanceOptions {
    StaffBy by = StaffBy::handler;
    Instant from = 0, to = 0; ///< the cases received in [from, to)
    /// The instant clocks, events and states are read at (owners are the latest); unset: `to`.
    std::optional<Instant> as_of;
    double confidence = 0.95; ///< of every interval
    /// A group with fewer cases than this is flagged `small_sample`: its shares and means are
    /// too uncertain to rank by (their intervals say how much).
    std::size_t small_sample = 30;
    std::string overall = "overall"; ///< the survey question that says how satisfied
};

/// One SLA target's clocks over a group's cases. Since 0.7.
struct TargetShare {
    std::string target;              ///< the target's name
    std::size_t met = 0;             ///< stopped on time
    std::size_t breached = 0;        ///< stopped late, or open past due
    satisfaction::Share share_met{}; ///< met / (met + breached), Wilson interval
};

/// The figures of one handler or team. Since 0.7.
struct StaffFigures {
    std::string id; ///< the handler or team id; "" for the cases nobody owns
    /// Received in the period and owned by it: its owner as the ledger holds it now (its latest
    /// assign or escalate), whatever `as_of`.
    std::size_t cases = 0;
    std::size_t closed = 0; ///< of them, closed (or explained) as of `as_of`
    /// `cases` and `closed` by kind: index `code − 1` (complaint, repair, consultation,
    /// suggestion, praise).
    std::array<std::size_t, 5> cases_by_kind{}, closed_by_kind{};
    std::vector<TargetShare> sla;   ///< per target name, in order of first appearance
    DurationFigures first_response; ///< receipt → first assign, start or end (wall clock)
    DurationFigures resolution;     ///< receipt → first resolve, explain, answer or acknowledge
    satisfaction::Share reopened{}; ///< cases reopened at least once, of `cases`
    /// Unsatisfied return visits of all visit outcomes (satisfied + unsatisfied) on its cases.
    satisfaction::Share unsatisfied_visits{};
    /// Escalations made while one of the case's clocks was already breached.
    std::size_t breach_escalations = 0;
    satisfaction::MeanScore satisfaction{}; ///< the `overall` answers joined to its cases
    satisfaction::Share csat{};             ///< of the same: answers of 4 or 5, Wilson interval
    bool small_sample = false;              ///< cases < `PerformanceOptions::small_sample`
};

/// The figures per handler or team (`options.by`), ordered by id ("" — nobody — first), from the
/// ledger's cases received in [from, to) and, when given, the survey responses about them
/// (joined by complaint id; answers on the 1–5 scale of the `overall` question).
/// @throws error `errc::invalid_argument` (from ≥ to, a confidence outside (0, 1), an unknown
/// `by`), calendar errors for instants outside a calendar's years. Thread-safety: reads the ledger
/// only. Since 0.7.
std::vector<StaffFigures> staff_performance(const Ledger& ledger, const PerformanceOptions& options,
                                            const SurveyResponses* surveys = nullptr);

/// The JSON form: an array of one object per group, keys in the order of `StaffFigures`
/// (`id`, `cases`, `closed`, `cases_by_kind` and `closed_by_kind` as objects kind → count, `sla`
/// as an array of {`target`, `met`, `breached`, `share_met`, `share_low`, `share_high`},
/// `first_response` and `resolution` as {`n`, `mean_s`, `p50_s`, `p90_s`}, `reopened` and
/// `unsatisfied_visits` and `csat` as {`value`, `successes`, `n`, `low`, `high`},
/// `breach_escalations`, `satisfaction` as {`mean`, `n`, `low`, `high`}, `small_sample`);
/// NaN is null. Thread-safety: pure. Since 0.7.
std::string to_json(const std::vector<StaffFigures>& figures);

PLAINT_END_NAMESPACE
