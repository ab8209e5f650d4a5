// Checks and helpers shared by the satisfaction sources; not installed.
#pragma once

#include "plaint/satisfaction.hpp"

#include <cstddef>
#include <limits>
#include <string>

PLAINT_BEGIN_NAMESPACE
namespace satisfaction {
namespace detail {

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();
// A scale of at most 1001 levels keeps counts per level a small array.
inline constexpr long long max_scale_width = 1000;

// A number for an error message, shortest form up to 15 significant digits.
std::string num(double v);
// errc::invalid_argument unless 0 < confidence < 1.
void check_confidence(double confidence);
// errc::invalid_argument unless lowest < highest and the width is at most max_scale_width.
void check_scale(Scale scale);
// errc::invalid_argument naming the first non-finite value as "<what> at index i".
void check_finite(const double* values, std::size_t n, const char* what);
// Mean, sample sd and t interval of real values; percent relative to lowest..highest.
MeanScore mean_of_reals(const double* values, std::size_t n, double lowest, double highest,
                        double confidence);

} // namespace detail
} // namespace satisfaction
PLAINT_END_NAMESPACE
