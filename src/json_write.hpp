// Writing compact JSON text directly into a string, for the forms whose bytes are fixed (the
// grouped scores, an import's problems, the ledger's complaint views; the C ABI hands them over
// as they are). Internal.
#pragma once

#include "plaint/config.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// `s` as a JSON string: `"` and `\` escaped with a backslash, control characters (below 0x20)
// as \u00XX, every other byte as it is (the caller checks the text is UTF-8).
void json_text(std::string& o, std::string_view s);
// A real in its shortest form that reads back to the same double; `null` when not finite.
void json_real(std::string& o, double v);
// A member's key and colon, after a comma unless it opens its object (`o` ends with '{').
void json_key(std::string& o, const char* key);
// Compact JSON `compact` (as these functions write it: no white space outside strings) laid out
// as nlohmann's dump(2) lays out a value nested `depth` levels deep: a member or element a line,
// two spaces a level, ": " after a key, empty objects and arrays as {} and []; for a part written
// compactly that goes into a pretty document (the report's people).
std::string indent_json(std::string_view compact, int depth);

// A member whose value is a number: a real as json_real, an integer in decimal.
template <class T>
void json_field(std::string& o, const char* key, T value) {
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>, "a number");
    json_key(o, key);
    if constexpr (std::is_floating_point_v<T>)
        json_real(o, value);
    else
        o += std::to_string(value);
}

} // namespace detail
PLAINT_END_NAMESPACE
