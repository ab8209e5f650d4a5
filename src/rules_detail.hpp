// Helpers of the rules (src/rules_eval.cpp) shared with the ledger; not installed.
#pragma once

#include "plaint/config.hpp"
#include "plaint/time.hpp"

#include <cstdint>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Hours from `from` to `to`, the rules' age of a complaint: exact while the difference fits in
// int64 and taken in double beyond it, so that any two instants give a true age (a complaint
// received at INT64_MIN read at INT64_MAX is about 5.1e15 hours old), never a wrapped one.
inline double hours_between(Instant from, Instant to) noexcept {
    std::int64_t d;
    if (!__builtin_sub_overflow(to, from, &d))
        return static_cast<double>(d) / 3600.0;
    return (static_cast<double>(to) - static_cast<double>(from)) / 3600.0;
}

} // namespace detail
PLAINT_END_NAMESPACE
