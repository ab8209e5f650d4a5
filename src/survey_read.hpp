// Reading a profile's `surveys` section. Internal.
#pragma once

#include "json_util.hpp"
#include "plaint/error.hpp"
#include "plaint/survey.hpp"

#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Every survey of the section, in document order; problems and warnings (an inconsistent AHP
// matrix) go to the caller's lists.
std::vector<Survey> read_surveys(const Json& v, Problems& problems, std::vector<Warning>& warnings);

} // namespace detail
PLAINT_END_NAMESPACE
