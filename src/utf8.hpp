// The UTF-8 check of texts (src/utf8.cpp), for the parts below the complaint that write or read
// text; `plaint::validate_text` (complaint.hpp) is its public face. Internal.
#pragma once

#include "plaint/config.hpp"

#include <string_view>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Throws errc::encoding, naming `what` and the byte offset, unless `s` is well-formed UTF-8 (no
// overlong forms, surrogates or code points past U+10FFFF) with no NUL byte.
void check_utf8(std::string_view s, std::string_view what);

} // namespace detail
PLAINT_END_NAMESPACE
