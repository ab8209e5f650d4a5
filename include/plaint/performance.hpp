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
#include "plaint/satisfaction.hpp"
#include "plaint/time.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

PLAINT_BEGIN_NAMESPACE

struct SurveyResponses; // report.hpp

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
    std::optional<Kind> kind;        ///< only the requests of this kind; unset: every kind
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

// ---- scoring (a profile's `performance` section) ----

/// A figure a performance scheme can score (the profile's `metric` names). Values never change
/// (they cross the C ABI). Since 0.7.
enum class StaffMetric : std::int32_t {
    closed_share = 1,           ///< "closed_share": closed of cases, Wilson interval
    sla_met = 2,                ///< "sla_met" (every target) or "sla_met:<target>": met of clocks
    first_response_mean_h = 3,  ///< "first_response_mean_h": hours, t interval of the mean
    first_response_p90_h = 4,   ///< "first_response_p90_h": hours, order-statistic interval
    resolution_mean_h = 5,      ///< "resolution_mean_h": hours, t interval of the mean
    resolution_p90_h = 6,       ///< "resolution_p90_h": hours, order-statistic interval
    reopen_rate = 7,            ///< "reopen_rate": reopened of cases, Wilson
    unsatisfied_visit_rate = 8, ///< "unsatisfied_visit_rate": of visit outcomes, Wilson
    /// "breach_escalations_per_case": escalations made while breached, per case; the exact
    /// (chi-squared) Poisson interval
    breach_escalations_per_case = 9,
    satisfaction_mean = 10, ///< "satisfaction_mean": the overall answers' mean (1–5), t interval
    csat = 11,              ///< "csat": answers of 4 or 5 of the overall answers, Wilson
};

/// Which way a metric is better. Since 0.7.
enum class Better : std::int32_t { higher = 1, lower = 2 };

/// The metric's name ("closed_share"...). Since 0.7.
std::string_view to_string(StaffMetric m) noexcept;
/// The metric named `name` (without a ":<target>" suffix); empty when none. Since 0.7.
std::optional<StaffMetric> staff_metric_from_string(std::string_view name) noexcept;
/// The way `m` is better by its nature (a share met: higher; a time or a rate of failures:
/// lower). Since 0.7.
Better natural_direction(StaffMetric m) noexcept;

/// One scored metric of a profile's `performance` section. A metric's score is 100 at its
/// target or better and falls linearly to 0 at `band` short of it (in the metric's units):
/// higher is better → 100 · clamp(1 − max(0, target − value) / band, 0, 1); lower is better →
/// 100 · clamp(1 − max(0, value − target) / band, 0, 1). Since 0.7.
struct MetricRule {
    std::string name;        ///< as written: "sla_met", "sla_met:resolution", "csat"...
    StaffMetric metric;      ///< the metric
    std::string target_name; ///< for `sla_met`: the SLA target's name, or "" for every target
    Better direction;        ///< the metric's own (a contrary one is refused)
    double target;           ///< the value that earns the full score
    double band;             ///< how far short of the target the score reaches 0 (> 0)
    double weight;           ///< its share of the total, in (0, 1]; the weights sum to 1
    std::string description; ///< free text (the data source, the guide's wording)
};

/// A profile's `performance` section: how staff figures become a score. Since 0.7.
struct PerformanceScheme {
    std::string description;
    std::vector<MetricRule> metrics;      ///< in document order
    std::optional<satisfaction::Ahp> ahp; ///< when the weights came from AHP judgements
    /// The section as JSON: {"description", "metrics": [{"metric", "direction", "target",
    /// "band", "weight", "description"}], "ahp": {...} (only when used, as Survey::to_json)}.
    std::string to_json() const;
};

/// One metric's part of a score. Since 0.7.
struct MetricScore {
    std::string metric;  ///< the rule's name
    double value;        ///< the figure; NaN when it has no data (then `missing`)
    double low, high;    ///< the figure's interval; NaN when it has none
    double score;        ///< 0–100 at `value`; NaN when missing
    double score_low;    ///< 0–100 at the worse end of the interval (0 when unknown)
    double score_high;   ///< 0–100 at the better end (100 when unknown)
    double weight;       ///< the rule's weight
    double contribution; ///< points of the total: weight · score / (weights of present metrics)
    bool missing;        ///< no data for this metric (e.g. no survey answers)
};

/// The score of one handler or team. The interval is conservative: every metric at the worse
/// (better) end of its own interval at once, a missing metric counted as 0 (100). Since 0.7.
struct StaffScore {
    std::string id;            ///< as StaffFigures::id
    std::size_t cases = 0;     ///< its StaffFigures::cases
    bool small_sample = false; ///< its StaffFigures::small_sample: never ranked
    double score = 0;          ///< Σ contributions, 0–100 (NaN when every metric is missing)
    double low = 0, high = 0;  ///< the score's interval, 0–100
    std::vector<MetricScore> metrics; ///< in the scheme's order
    /// Ranked: neither a small sample nor the unowned cases (id ""). Its rank is a range: 1 +
    /// the ranked groups whose interval lies wholly above its own, to the ranked groups less
    /// those wholly below — equal ends when the intervals separate it from every other.
    bool ranked = false;
    std::size_t rank_best = 0, rank_worst = 0; ///< 0 when not ranked
};

/// Scores `figures` (from staff_performance, at `confidence`) by `scheme`, in the figures'
/// order. @throws error `errc::invalid_argument` (a confidence outside (0, 1)). Thread-safety:
/// pure. Since 0.7.
std::vector<StaffScore> score_performance(const std::vector<StaffFigures>& figures,
                                          const PerformanceScheme& scheme,
                                          double confidence = 0.95);

/// staff_performance, then score_performance by the ledger's profile's `performance` section.
/// @throws error `errc::not_found` when the profile has none; as the two. Since 0.7.
std::vector<StaffScore> staff_scores(const Ledger& ledger, const PerformanceOptions& options,
                                     const SurveyResponses* surveys = nullptr);

/// The JSON form: an array of {`id`, `cases`, `small_sample`, `score`, `low`, `high`, `ranked`,
/// `rank_best`, `rank_worst` (null when not ranked), `metrics`: [{`metric`, `value`, `low`,
/// `high`, `score`, `score_low`, `score_high`, `weight`, `contribution`, `missing`}]}; NaN is
/// null. Thread-safety: pure. Since 0.7.
std::string to_json(const std::vector<StaffScore>& scores);

PLAINT_END_NAMESPACE
