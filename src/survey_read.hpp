// Reading a profile's `surveys` section. Internal.
#pragma once

#include "json_util.hpp"
#include "plaint/error.hpp"
#include "plaint/survey.hpp"

#include <optional>
#include <string>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Every survey of the section, in document order; problems and warnings (an inconsistent AHP
// matrix) go to the caller's lists.
std::vector<Survey> read_surveys(const Json& v, Problems& problems, std::vector<Warning>& warnings);

// AHP weights from a profile's judgements (`v`: a matrix, or {matrix, ri_table, method,
// description}) over `names` in order (`what` names them in messages: "dimensions",
// "metrics"); problems go to `problems`, an inconsistent matrix to `warnings`. Empty when the
// judgements are unusable.
std::optional<satisfaction::Ahp> read_ahp(const Json& v, const std::string& at,
                                          const std::vector<std::string>& names, const char* what,
                                          Problems& problems, std::vector<Warning>& warnings);

// `a` set to the JSON of AHP weights: {"weights", "lambda_max", "ci", "ri", "cr", "consistent",
// "ri_table", "method", "worst" (when known)}.
void ahp_json(Json& a, const satisfaction::Ahp& ahp);

} // namespace detail
PLAINT_END_NAMESPACE
