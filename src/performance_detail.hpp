// The `performance` section of a profile, read for src/profile.cpp; not installed.
#pragma once

#include "json_util.hpp"

#include "plaint/config.hpp"
#include "plaint/error.hpp"
#include "plaint/performance.hpp"

#include <cstddef>
#include <optional>
#include <string>
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

// One group's figures as their compact JSON object (to_json's element), with `name` after `id`
// when given (the report's teams).
void staff_figures_json(std::string& o, const StaffFigures& f, const std::string* name = nullptr);
// One score as its compact JSON object (to_json's element).
void staff_score_json(std::string& o, const StaffScore& s);

} // namespace detail
PLAINT_END_NAMESPACE
