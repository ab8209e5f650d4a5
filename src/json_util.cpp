#include "json_util.hpp"

#include "detail.hpp"

#include <algorithm>
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

void Problems::add_nested(const std::string& base, const error& e) {
    if (e.problems().empty()) {
        add(base, e.what());
        return;
    }
    for (const Problem& p : e.problems())
        add(base + p.pointer, p.message);
}

void Problems::throw_if_any(const char* what, const PositionIndex* index) const {
    if (items_.empty())
        return;
    std::vector<Problem> located = items_;
    if (index) {
        for (Problem& p : located) {
            const Location at = index->find(p.pointer);
            p.line = at.line;
            p.column = at.column;
        }
        // Document order: by line and column; problems without a place keep their order last.
        std::stable_sort(located.begin(), located.end(), [](const Problem& x, const Problem& y) {
            if ((x.line == 0) != (y.line == 0))
                return y.line == 0;
            return x.line != y.line ? x.line < y.line : x.column < y.column;
        });
    }
    std::string msg = std::string(what) + " has " + std::to_string(items_.size()) +
                      (items_.size() == 1 ? " problem" : " problems") + ":";
    for (const Problem& p : located) {
        msg += "\n" + (p.pointer.empty() ? std::string("/") : p.pointer) + ": " + p.message;
        if (p.line)
            msg +=
                " (line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ")";
    }
    Location first;
    first.pointer = located.front().pointer.empty() ? "/" : located.front().pointer;
    first.line = located.front().line;
    first.column = located.front().column;
    throw error(errc::validation, msg, first, std::move(located));
}

namespace {

// Appends the UTF-8 form of code point cp.
void put_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xc0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xe0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (cp & 0x3f));
    }
}

} // namespace

// The scan trusts that the text parsed as JSON already (it is only run after a successful
// parse), so it follows the structure without re-checking it.
PositionIndex::PositionIndex(std::string_view s) {
    struct Frame {
        bool object;
        std::string key;
        std::size_t index = 0;
        bool expect_key = true;
    };
    std::vector<Frame> stack;
    std::size_t i = 0, line = 1, column = 1;
    auto advance = [&]() {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xc0) != 0x80) {
            ++column;
        }
        ++i;
    };
    auto pointer = [&]() {
        std::string p;
        for (const Frame& f : stack)
            p = f.object ? pointer_join(p, f.key) : pointer_join(p, f.index);
        return p;
    };
    auto read_string = [&]() {
        std::string out;
        advance(); // opening quote
        while (i < s.size() && s[i] != '"') {
            if (s[i] == '\\' && i + 1 < s.size()) {
                advance();
                const char e = s[i];
                advance();
                switch (e) {
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    std::uint32_t cp = 0;
                    for (int k = 0; k < 4 && i < s.size(); ++k) {
                        const char h = s[i];
                        cp = cp * 16 +
                             static_cast<std::uint32_t>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                        advance();
                    }
                    if (cp >= 0xd800 && cp < 0xdc00 && i + 6 <= s.size() && s[i] == '\\' &&
                        s[i + 1] == 'u') {
                        advance();
                        advance();
                        std::uint32_t lo = 0;
                        for (int k = 0; k < 4 && i < s.size(); ++k) {
                            const char h = s[i];
                            lo = lo * 16 + static_cast<std::uint32_t>(
                                               h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                            advance();
                        }
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                    }
                    put_utf8(out, cp);
                    break;
                }
                default:
                    out += e;
                }
            } else {
                out += s[i];
                advance();
            }
        }
        if (i < s.size())
            advance(); // closing quote
        return out;
    };
    auto value_starts = [&]() { at_.emplace(pointer(), std::make_pair(line, column)); };
    while (i < s.size()) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':') {
            if (c == ',' && !stack.empty()) {
                if (stack.back().object)
                    stack.back().expect_key = true;
                else
                    ++stack.back().index;
            }
            advance();
            continue;
        }
        if (!stack.empty() && stack.back().object && stack.back().expect_key) {
            if (c == '}') {
                stack.pop_back();
                advance();
                continue;
            }
            stack.back().key = read_string();
            stack.back().expect_key = false;
            continue;
        }
        if (c == '}' || c == ']') {
            stack.pop_back();
            advance();
            continue;
        }
        value_starts();
        if (c == '{' || c == '[') {
            stack.push_back(Frame{c == '{', {}, 0, true});
            advance();
        } else if (c == '"') {
            read_string();
        } else {
            while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' &&
                   s[i] != '\n' && s[i] != '\r' && s[i] != '\t')
                advance();
        }
    }
}

Location PositionIndex::find(const std::string& pointer) const {
    std::string p = pointer;
    for (;;) {
        auto it = at_.find(p);
        if (it != at_.end()) {
            Location l;
            l.pointer = pointer;
            l.line = it->second.first;
            l.column = it->second.second;
            return l;
        }
        if (p.empty())
            break;
        p.erase(p.rfind('/'));
    }
    Location l;
    l.pointer = pointer;
    return l;
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
