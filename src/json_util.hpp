// JSON reading shared by every loader: size and depth limits before parsing, parse errors with
// line and column, and small helpers that report wrong shapes with the JSON pointer. Internal.
#pragma once

#include "plaint/config.hpp"
#include "plaint/error.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
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

// Collects every problem found while reading a document, each with its JSON pointer, and
// throws them together.
class Problems {
public:
    void add(const std::string& pointer, const std::string& message) {
        items_.push_back(pointer + ": " + message);
        if (first_pointer_.empty())
            first_pointer_ = pointer.empty() ? "/" : pointer;
    }
    bool empty() const noexcept { return items_.empty(); }
    // Throws errc::validation listing every problem, one a line, if there are any.
    void throw_if_any(const char* what) const;

private:
    std::vector<std::string> items_;
    std::string first_pointer_;
};

// "/a/b" + "c" with JSON-pointer escaping of the key.
std::string pointer_join(const std::string& base, const std::string& key);
std::string pointer_join(const std::string& base, std::size_t index);

} // namespace detail
PLAINT_END_NAMESPACE
