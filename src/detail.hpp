// Internal helpers shared by the compiled parts; not installed.
#pragma once

#include "plaint/complaint.hpp"
#include "plaint/config.hpp"
#include "plaint/enums.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Quotes user input for an error message: printable ASCII kept, everything else as \xNN, cut
// after `max` bytes with "...". Messages must stay valid UTF-8 whatever the input was, since
// they cross the C ABI and are decoded by the bindings.
std::string quote(std::string_view s, std::size_t max = 64);

// The lifecycle's guards beyond the state table, shared by Complaint::apply and the ledger so
// that the two never disagree (src/complaint.cpp). The message of an illegal transition:
std::string illegal(State s, EventType e, const std::string& why = {});
// Why an event of type t is refused for a complaint of this nature and owner, or nullptr.
const char* blocked_by(Nature nature, Role owner, EventType t) noexcept;
// Checks the details an event carries (classify's nature, escalate's target, visit's method,
// unsatisfied's deadline) against the complaint's state and owner; throws plaint::error.
void check_details(State state, Role owner, const Event& e);

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
