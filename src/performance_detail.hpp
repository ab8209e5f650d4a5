// The `performance` section of a profile, read for src/profile.cpp; not installed.
#pragma once

#include "json_util.hpp"

#include "plaint/config.hpp"
#include "plaint/error.hpp"
#include "plaint/ledger.hpp"
#include "plaint/performance.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// The most metrics a section scores (AHP judgements over more are not humanly consistent).
constexpr std::size_t max_metrics = 32;

// The scheme of `v` (the profile's "performance" object); every problem goes to `problems` with
// its pointer under /performance, an inconsistent AHP matrix to `warnings`. Whether an
// `sla_met:<target>` names a target of the profile's policies is the profile's to check.
std::optional<PerformanceScheme> read_performance(const Json& v, Problems& problems,
                                                  std::vector<Warning>& warnings);

struct Group;

// The options' checks of staff_performance (errors as it documents them).
void check_options(const PerformanceOptions& o);

// Staff figures tallied case by case, for a caller that walks the ledger's cases itself (the
// monthly report, which reads each case's events and clocks once for all its figures), by team,
// by handler or both at once; staff_performance is one walk feeding one.
class StaffTally {
public:
    // @throws as staff_performance for bad options. Without `unowned_handlers`, the cases no
    // handler owns are left out of the handlers' figures (the report lists handlers only).
    StaffTally(const Ledger& ledger, const PerformanceOptions& o, bool teams, bool handlers,
               bool unowned_handlers = true);
    ~StaffTally();
    StaffTally(const StaffTally&) = delete;
    StaffTally& operator=(const StaffTally&) = delete;
    // Whether a case counts: received in the period, of the kind asked for.
    bool wants(const ComplaintView& v) const noexcept;
    // Counts case `ci` (one `wants` took): `ev` its events in brief, `clocks` its clocks as of
    // the options' `as_of` (nullptr when it has no SLA policy).
    void add(std::size_t ci, const ComplaintView& v, const std::vector<EventBrief>& ev,
             const std::vector<ClockBrief>* clocks);
    // Each response of `surveys` joined to its case index (SIZE_MAX for none) by the caller, who
    // found them already; finish then finds none itself.
    void join(const SurveyResponses& surveys, std::vector<std::size_t> cases) {
        joined_ = &surveys;
        survey_cases_ = std::move(cases);
    }
    // Whether a counted case had a team or a handler.
    bool staffed() const noexcept { return staffed_; }
    // The figures of a grouping tallied (once: they are moved out), with the surveys joined;
    // `categories`, when given, gets each group's cases by category (enum order), in order.
    std::vector<StaffFigures> finish(StaffBy by, const SurveyResponses* surveys,
                                     std::vector<std::array<std::size_t, 5>>* categories = nullptr);

private:
    struct Groups;
    struct ViewHash {
        std::size_t operator()(std::string_view s) const noexcept;
    };
    struct ViewSame {
        bool operator()(std::string_view a, std::string_view b) const noexcept;
    };
    const std::vector<std::uint32_t>& targets_of(std::string_view policy);

    const Ledger& ledger_;
    PerformanceOptions o_;
    Instant as_of_;
    std::array<std::unique_ptr<Groups>, 2> groups_; // by team, by handler
    // A policy (the ledger's name of it) to its targets' global ids.
    std::vector<std::pair<std::string_view, std::vector<std::uint32_t>>> policy_targets_;
    std::vector<std::string> target_names_; // by global target id
    std::vector<ClockBrief> at_escalation_;
    const SurveyResponses* joined_ = nullptr; // the responses `survey_cases_` is of
    std::vector<std::size_t> survey_cases_;   // each response's case index, SIZE_MAX for none
    bool unowned_handlers_;
    bool staffed_ = false;
};

// One group's figures as their compact JSON object (to_json's element), with `name` after `id`
// when given (the report's teams).
void staff_figures_json(std::string& o, const StaffFigures& f, const std::string* name = nullptr);
// One score as its compact JSON object (to_json's element).
void staff_score_json(std::string& o, const StaffScore& s);

} // namespace detail
PLAINT_END_NAMESPACE
