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

namespace {

// The checks made before parsing: size, depth, NUL bytes.
void check_text(std::string_view text, const JsonLimits& limits, const char* what) {
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
}

[[noreturn]] void throw_parse_error(std::string_view text, const Json::parse_error& e,
                                    const char* what) {
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

// A number too large for a double ("1e999"): nlohmann reports it without a position.
[[noreturn]] void throw_number_error(const Json::out_of_range& e, const char* what) {
    std::string msg = e.what();
    const auto p = msg.find("] ");
    if (p != std::string::npos)
        msg = msg.substr(p + 2);
    for (char& c : msg)
        if (static_cast<unsigned char>(c) >= 0x80 || static_cast<unsigned char>(c) < 0x20)
            c = '?';
    throw error(errc::parse, std::string(what) + " is not valid JSON: " + msg);
}

} // namespace

Json parse_json(std::string_view text, const JsonLimits& limits, const char* what) {
    check_text(text, limits, what);
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
        throw_parse_error(text, e, what);
    } catch (const Json::out_of_range& e) {
        throw_number_error(e, what);
    }
}

namespace {

// Builds a JsonTree from nlohmann's SAX events. Children are gathered on one stack while
// their container is open and moved to the tree's `kids` when it closes. Duplicate keys are
// refused as parse_json refuses them, when the key is read, naming the same pointer.
class TreeBuilder {
public:
    TreeBuilder(JsonTree& tree, const char* what) : tree_(tree), what_(what) {}

    bool null() { return scalar(JsonTree::Node{}); }
    bool boolean(bool b) {
        JsonTree::Node n;
        n.type = JsonTree::Type::boolean;
        n.boolean = b;
        return scalar(n);
    }
    bool number_integer(std::int64_t v) {
        JsonTree::Node n;
        n.type = JsonTree::Type::integer;
        n.value.integer = v;
        return scalar(n);
    }
    bool number_unsigned(std::uint64_t v) {
        JsonTree::Node n;
        n.type = JsonTree::Type::unsigned_integer;
        n.value.unsigned_integer = v;
        return scalar(n);
    }
    bool number_float(double v, const std::string&) {
        JsonTree::Node n;
        n.type = JsonTree::Type::real;
        n.value.real = v;
        return scalar(n);
    }
    bool string(std::string& s) {
        JsonTree::Node n;
        n.type = JsonTree::Type::string;
        n.value.span = append(s);
        return scalar(n);
    }
    bool binary(Json::binary_t&) { return scalar(JsonTree::Node{}); } // not in JSON text
    bool start_object(std::size_t) { return open(JsonTree::Type::object); }
    bool start_array(std::size_t) { return open(JsonTree::Type::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        Frame& frame = stack_.back();
        const bool duplicate = seen(frame, k);
        frame.key = static_cast<std::uint32_t>(tree_.keys.size());
        tree_.keys.push_back(append(k));
        if (duplicate) {
            Location at;
            at.pointer = pointer();
            throw error(errc::parse, std::string(what_) + " has a duplicate key at " + at.pointer,
                        at);
        }
        return true;
    }
    // As nlohmann's DOM parsers: the error is thrown with its own type (a parse_error, or an
    // out_of_range for a number too large for a double).
    template <class Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& e) {
        throw e;
    }

private:
    struct Frame {
        std::uint32_t node = 0;
        std::uint32_t first = 0; // where its children start on `pending_`
        bool object = false;
        std::uint32_t key = 0;                // the key being read, in the tree's `keys`
        std::unordered_set<std::string> keys; // for large objects only
    };

    JsonTree::Span append(const std::string& s) {
        const JsonTree::Span span{static_cast<std::uint32_t>(tree_.chars.size()),
                                  static_cast<std::uint32_t>(s.size())};
        tree_.chars += s;
        return span;
    }
    std::string_view key_of(std::uint32_t node) const {
        return tree_.text(tree_.keys[tree_.nodes[node].key]);
    }

    // Whether the open object has a member named k already; small objects are searched
    // directly, large ones through a set.
    bool seen(Frame& frame, const std::string& k) {
        constexpr std::size_t small = 16;
        const std::size_t count = pending_.size() - frame.first;
        if (count < small) {
            for (std::size_t i = frame.first; i < pending_.size(); ++i)
                if (key_of(pending_[i]) == k)
                    return true;
            return false;
        }
        if (frame.keys.empty())
            for (std::size_t i = frame.first; i < pending_.size(); ++i)
                frame.keys.emplace(key_of(pending_[i]));
        return !frame.keys.insert(k).second;
    }

    std::uint32_t add(JsonTree::Node n) {
        if (!stack_.empty() && stack_.back().object)
            n.key = stack_.back().key;
        tree_.nodes.push_back(n);
        return static_cast<std::uint32_t>(tree_.nodes.size() - 1);
    }
    void place(std::uint32_t i) {
        if (stack_.empty())
            tree_.root = i;
        else
            pending_.push_back(i);
    }
    bool scalar(const JsonTree::Node& n) {
        place(add(n));
        return true;
    }
    bool open(JsonTree::Type type) {
        JsonTree::Node n;
        n.type = type;
        const std::uint32_t i = add(n);
        Frame frame;
        frame.node = i;
        frame.first = static_cast<std::uint32_t>(pending_.size());
        frame.object = type == JsonTree::Type::object;
        stack_.push_back(std::move(frame));
        return true;
    }
    bool close() {
        const Frame& frame = stack_.back();
        const auto first = pending_.begin() + frame.first;
        if (frame.object)
            std::sort(first, pending_.end(),
                      [this](std::uint32_t a, std::uint32_t b) { return key_of(a) < key_of(b); });
        JsonTree::Node& n = tree_.nodes[frame.node];
        n.value.span = {static_cast<std::uint32_t>(tree_.kids.size()),
                        static_cast<std::uint32_t>(pending_.end() - first)};
        tree_.kids.insert(tree_.kids.end(), first, pending_.end());
        pending_.erase(first, pending_.end());
        const std::uint32_t i = frame.node;
        stack_.pop_back();
        place(i);
        return true;
    }
    // The pointer of the key being read, for a duplicate: each open array is at the element
    // after those it holds.
    std::string pointer() const {
        std::string p;
        for (std::size_t i = 0; i < stack_.size(); ++i) {
            const Frame& f = stack_[i];
            if (f.object) {
                p = pointer_join(p, std::string(tree_.text(tree_.keys[f.key])));
            } else {
                const std::size_t end =
                    i + 1 < stack_.size() ? stack_[i + 1].first : pending_.size();
                p = pointer_join(p, end - f.first);
            }
        }
        return p;
    }

    JsonTree& tree_;
    const char* what_;
    std::vector<Frame> stack_;
    std::vector<std::uint32_t> pending_;
};

} // namespace

JsonTree parse_json_tree(std::string_view text, const JsonLimits& limits, const char* what) {
    check_text(text, limits, what);
    JsonTree tree;
    TreeBuilder builder(tree, what);
    try {
        Json::sax_parse(text.begin(), text.end(), &builder);
    } catch (const Json::parse_error& e) {
        throw_parse_error(text, e, what);
    } catch (const Json::out_of_range& e) {
        throw_number_error(e, what);
    }
    return tree;
}

double JsonView::number() const noexcept {
    switch (node_->type) {
    case JsonTree::Type::integer:
        return static_cast<double>(node_->value.integer);
    case JsonTree::Type::unsigned_integer:
        return static_cast<double>(node_->value.unsigned_integer);
    case JsonTree::Type::real:
        return node_->value.real;
    default:
        return 0;
    }
}

std::optional<JsonView> JsonView::find(std::string_view key) const noexcept {
    if (!is_object())
        return std::nullopt;
    for (JsonView m : *this)
        if (m.key() == key)
            return m;
    return std::nullopt;
}

Json JsonView::to_json() const {
    switch (node_->type) {
    case JsonTree::Type::null:
        return Json();
    case JsonTree::Type::boolean:
        return Json(node_->boolean);
    case JsonTree::Type::integer:
        return Json(node_->value.integer);
    case JsonTree::Type::unsigned_integer:
        return Json(node_->value.unsigned_integer);
    case JsonTree::Type::real:
        return Json(node_->value.real);
    case JsonTree::Type::string:
        return Json(std::string(str()));
    case JsonTree::Type::array: {
        Json out = Json::array();
        for (JsonView e : *this)
            out.push_back(e.to_json());
        return out;
    }
    case JsonTree::Type::object: {
        Json out = Json::object();
        for (JsonView m : *this)
            out[std::string(m.key())] = m.to_json();
        return out;
    }
    }
    return Json();
}

std::string JsonView::dump() const {
    // Whole numbers are written as std::to_string writes them; the rest as nlohmann does.
    if (node_->type == JsonTree::Type::integer)
        return std::to_string(node_->value.integer);
    if (node_->type == JsonTree::Type::unsigned_integer)
        return std::to_string(node_->value.unsigned_integer);
    return to_json().dump();
}

std::string JsonPath::str() const {
    std::vector<const JsonPath*> chain;
    for (const JsonPath* p = this; p && p->segment_; p = p->parent_)
        chain.push_back(p);
    std::string out;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const JsonPath& p = **it;
        if (p.is_index_) {
            out += '/';
            out += std::to_string(p.index_);
            continue;
        }
        out += '/';
        for (char c : p.key_) {
            if (c == '~')
                out += "~0";
            else if (c == '/')
                out += "~1";
            else
                out += c;
        }
    }
    return out;
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
    // The parser skips a leading byte order mark; so does the scan (it is one character).
    if (s.substr(0, 3) == "\xef\xbb\xbf") {
        advance();
        advance();
        advance();
    }
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
            if (!stack.empty()) // never for parsed text; guards the scan all the same
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
