// JSON reading shared by every loader: size and depth limits before parsing, parse errors with
// line and column, and small helpers that report wrong shapes with the JSON pointer. Internal.
#pragma once

#include "plaint/config.hpp"
#include "plaint/enums.hpp"
#include "plaint/error.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

using Json = nlohmann::json;

struct JsonLimits {
    std::size_t max_bytes = 16u << 20; // 16 MiB
    std::size_t max_depth = 64;
};

// Parses `text` or throws: errc::too_large over the size or depth limit, errc::parse (with the
// line and column) for malformed JSON or invalid UTF-8 in strings.
Json parse_json(std::string_view text, const JsonLimits& limits, const char* what);

// Where each value of a JSON text starts: JSON pointer -> line and column (in characters).
// Built by a scan of its own, since the parser keeps no positions.
class PositionIndex {
public:
    PositionIndex() = default;
    explicit PositionIndex(std::string_view text);
    // The place of `pointer`, or of its nearest ancestor that has one.
    Location find(const std::string& pointer) const;

private:
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> at_;
};

// Collects every problem found while reading a document, each with its JSON pointer, and
// throws them together.
class Problems {
public:
    void add(const std::string& pointer, const std::string& message) {
        items_.push_back(Problem{pointer, 0, 0, message});
    }
    // Adds the problems of a document embedded at `base` (their pointers re-homed under it).
    void add_nested(const std::string& base, const error& e);
    bool empty() const noexcept { return items_.empty(); }
    // Throws errc::validation listing every problem, one a line, if there are any; with an
    // index, each problem gets its line and column.
    void throw_if_any(const char* what, const PositionIndex* index = nullptr) const;

private:
    std::vector<Problem> items_;
};

// An enumeration value written by name; a problem naming the valid names otherwise.
template <class E>
std::optional<E> read_enum(const Json& v, const std::string& at, Problems& problems) {
    constexpr EnumKind kind = EnumTraits<E>::kind;
    if (v.is_string())
        if (auto code = enum_code(kind, v.get<std::string>()))
            return static_cast<E>(*code);
    problems.add(at, std::string("expected a ") + EnumTraits<E>::label + ", one of " +
                         enum_names(kind));
    return std::nullopt;
}

// "/a/b" + "c" with JSON-pointer escaping of the key.
std::string pointer_join(const std::string& base, const std::string& key);
std::string pointer_join(const std::string& base, std::size_t index);

} // namespace detail
PLAINT_END_NAMESPACE
