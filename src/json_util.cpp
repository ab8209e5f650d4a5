#include "json_util.hpp"

#include "detail.hpp"

#include <unordered_set>

PLAINT_BEGIN_NAMESPACE
namespace detail {

namespace {

// The deepest nesting of arrays and objects, counted without parsing, so that a hostile
// document is refused before any recursive structure is built from it.
std::size_t nesting_depth(std::string_view s) {
    std::size_t depth = 0, max = 0;
    bool in_string = false, escape = false;
    for (char c : s) {
        if (in_string) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{')
            max = std::max(max, ++depth);
        else if ((c == ']' || c == '}') && depth > 0)
            --depth;
    }
    return max;
}

} // namespace

Json parse_json(std::string_view text, const JsonLimits& limits, const char* what) {
    if (text.size() > limits.max_bytes)
        throw error(errc::too_large, std::string(what) + " is " + std::to_string(text.size()) +
                                         " bytes; the limit is " +
                                         std::to_string(limits.max_bytes));
    if (nesting_depth(text) > limits.max_depth)
        throw error(errc::too_large, std::string(what) + " nests deeper than " +
                                         std::to_string(limits.max_depth) + " levels");
    // A NUL would end nlohmann's input early and let trailing bytes pass unseen.
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        Location at;
        at.line = 1;
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < nul; ++i)
            if (text[i] == '\n') {
                ++at.line;
                line_start = i + 1;
            }
        at.column = nul - line_start + 1;
        throw error(errc::parse,
                    std::string(what) + " contains a NUL byte at line " + std::to_string(at.line) +
                        ", column " + std::to_string(at.column),
                    at);
    }
    // Duplicate keys are refused: a document where a later value silently wins hides typos.
    // The callback follows the nesting to name the object's JSON pointer.
    struct Frame {
        bool object;
        std::unordered_set<std::string> keys;
        std::string last;
        std::size_t index = 0;
    };
    std::vector<Frame> stack;
    auto pointer = [&stack]() {
        std::string p;
        for (std::size_t i = 0; i + 1 < stack.size(); ++i)
            p = stack[i].object ? pointer_join(p, stack[i].last) : pointer_join(p, stack[i].index);
        return p;
    };
    auto enter_value = [&stack]() {
        if (!stack.empty() && !stack.back().object)
            ++stack.back().index;
    };
    Json::parser_callback_t callback = [&](int, Json::parse_event_t event, Json& parsed) {
        switch (event) {
        case Json::parse_event_t::object_start:
        case Json::parse_event_t::array_start:
            stack.push_back(Frame{event == Json::parse_event_t::object_start, {}, {}, 0});
            break;
        case Json::parse_event_t::object_end:
        case Json::parse_event_t::array_end:
            stack.pop_back();
            enter_value();
            break;
        case Json::parse_event_t::key: {
            Frame& frame = stack.back();
            frame.last = parsed.get<std::string>();
            if (!frame.keys.insert(frame.last).second) {
                stack.push_back(Frame{true, {}, {}, 0}); // so pointer() names the key itself
                Location at;
                at.pointer = pointer();
                throw error(errc::parse,
                            std::string(what) + " has a duplicate key at " + at.pointer, at);
            }
            break;
        }
        case Json::parse_event_t::value:
            enter_value();
            break;
        }
        return true;
    };
    try {
        return Json::parse(text.begin(), text.end(), callback);
    } catch (const Json::parse_error& e) {
        // nlohmann reports the byte after which the error was seen; turn it into line and column.
        std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        if (offset > text.size())
            offset = text.size();
        Location at;
        at.line = 1;
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < offset; ++i)
            if (text[i] == '\n') {
                ++at.line;
                line_start = i + 1;
            }
        at.column = offset - line_start + 1;
        std::string msg = e.what();
        // Keep the library's reason, drop its internal prefix ("[json.exception.parse_error...]").
        const auto p = msg.find("] ");
        if (p != std::string::npos)
            msg = msg.substr(p + 2);
        for (char& c : msg) // the reason may quote the input: keep the message valid UTF-8
            if (static_cast<unsigned char>(c) >= 0x80 || static_cast<unsigned char>(c) < 0x20)
                c = '?';
        throw error(errc::parse,
                    std::string(what) + " is not valid JSON at line " + std::to_string(at.line) +
                        ", column " + std::to_string(at.column) + ": " + msg,
                    at);
    }
}

void Problems::throw_if_any(const char* what) const {
    if (items_.empty())
        return;
    std::string msg = std::string(what) + " has " + std::to_string(items_.size()) +
                      (items_.size() == 1 ? " problem" : " problems") + ":";
    for (const auto& i : items_)
        msg += "\n" + i;
    Location at;
    at.pointer = first_pointer_;
    throw error(errc::validation, msg, at);
}

std::string pointer_join(const std::string& base, const std::string& key) {
    std::string out = base + "/";
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string pointer_join(const std::string& base, std::size_t index) {
    return base + "/" + std::to_string(index);
}

} // namespace detail
PLAINT_END_NAMESPACE
