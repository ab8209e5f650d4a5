// Checks of enumeration values (include/plaint/enums.hpp); not installed.
#pragma once

#include "plaint/config.hpp"
#include "plaint/enums.hpp"

#include <cstdint>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Throws errc::out_of_range, naming the enumeration, when `e` holds no enumerator's code (a value
// cast in from an integer).
template <class E>
void check_enum(E e) {
    (void)checked_from_code<E>(static_cast<std::int32_t>(e));
}

} // namespace detail
PLAINT_END_NAMESPACE
