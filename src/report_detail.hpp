// Helpers shared by the report's figures (report.cpp) and its HTML page (report_render.cpp).
// Internal.
#pragma once

#include "plaint/config.hpp"

#include <cstdint>
#include <string>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// `v` with `precision` decimals; "" when not finite.
std::string fixed(double v, int precision);
// "YYYY-MM" and "YYYY-MM-DD" of a count of days since 1970-01-01.
std::string month_of_days(std::int64_t days);
std::string date_of_days(std::int64_t days);

} // namespace detail
PLAINT_END_NAMESPACE
