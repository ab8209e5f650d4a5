// Helpers for error messages (src/error.cpp); not installed.
#pragma once

#include "plaint/config.hpp"

#include <cstddef>
#include <string>
#include <string_view>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Quotes user input for an error message: printable ASCII kept, everything else as \xNN, cut
// after `max` bytes with "...". Messages must stay valid UTF-8 whatever the input was, since
// they cross the C ABI and are decoded by the bindings.
std::string quote(std::string_view s, std::size_t max = 64);

} // namespace detail
PLAINT_END_NAMESPACE
