// Reading a parsed document: JsonView over a JsonTree, JsonPath and pointer_join for the places
// read, Problems collecting what is wrong, and PositionIndex finding each problem's line and
// column in the text.
#include "json_util.hpp"

#include <algorithm>

PLAINT_BEGIN_NAMESPACE
namespace detail {

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

void JsonView::dump_to(std::string& out) const {
    // Scalars as nlohmann writes them (a scalar's destructor allocates nothing); containers
    // written here, so that no nlohmann tree is built only to be dumped.
    switch (node_->type) {
    case JsonTree::Type::null:
        out += "null";
        return;
    case JsonTree::Type::boolean:
        out += node_->boolean ? "true" : "false";
        return;
    case JsonTree::Type::integer:
        out += std::to_string(node_->value.integer);
        return;
    case JsonTree::Type::unsigned_integer:
        out += std::to_string(node_->value.unsigned_integer);
        return;
    case JsonTree::Type::real:
        out += Json(node_->value.real).dump();
        return;
    case JsonTree::Type::string:
        out += Json(std::string(str())).dump();
        return;
    case JsonTree::Type::array: {
        out += '[';
        bool first = true;
        for (JsonView e : *this) {
            if (!first)
                out += ',';
            first = false;
            e.dump_to(out);
        }
        out += ']';
        return;
    }
    case JsonTree::Type::object: {
        out += '{';
        bool first = true;
        for (JsonView m : *this) {
            if (!first)
                out += ',';
            first = false;
            out += Json(std::string(m.key())).dump();
            out += ':';
            m.dump_to(out);
        }
        out += '}';
        return;
    }
    }
}

std::string JsonView::dump() const {
    std::string out;
    dump_to(out);
    return out;
}

namespace {
// "/" and `key` as a JSON-pointer token: '~' as "~0", '/' as "~1" (RFC 6901).
void append_token(std::string& out, std::string_view key) {
    out += '/';
    for (char ch : key) {
        if (ch == '~')
            out += "~0";
        else if (ch == '/')
            out += "~1";
        else
            out += ch;
    }
}
} // namespace

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
        append_token(out, p.key_);
    }
    return out;
}

std::optional<std::size_t> more_problems(const Problem& p) {
    static const std::string head = "and ", tail = " more problems";
    const std::string& m = p.message;
    if (!p.pointer.empty() || m.size() <= head.size() + tail.size() || m.rfind(head, 0) != 0 ||
        m.compare(m.size() - tail.size(), tail.size(), tail) != 0)
        return std::nullopt;
    std::size_t n = 0;
    for (std::size_t i = head.size(); i < m.size() - tail.size(); ++i) {
        if (m[i] < '0' || m[i] > '9')
            return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(m[i] - '0');
    }
    return n;
}

void Problems::add_nested(const std::string& base, const error& e) {
    if (e.problems().empty()) {
        add(base, e.what());
        return;
    }
    for (const Problem& p : e.problems()) {
        if (auto n = more_problems(p))
            more_ += *n;
        else
            add(base + p.pointer, p.message);
    }
}

void Problems::throw_if_any(const char* what, const PositionIndex* index) const {
    if (items_.empty())
        return;
    std::vector<Problem> located = items_;
    if (index) {
        index->locate(located);
        // Document order: by line and column; problems without a place keep their order last.
        std::stable_sort(located.begin(), located.end(), [](const Problem& x, const Problem& y) {
            if ((x.line == 0) != (y.line == 0))
                return y.line == 0;
            return x.line != y.line ? x.line < y.line : x.column < y.column;
        });
    }
    const std::size_t total = items_.size() + more_;
    std::string msg = std::string(what) + " has " + std::to_string(total) +
                      (total == 1 ? " problem" : " problems") + ":";
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
    if (more_) {
        located.push_back(Problem{"", 0, 0, "and " + std::to_string(more_) + " more problems"});
        msg += "\nand " + std::to_string(more_) + " more problems";
    }
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

namespace {

// "/a~1b/0" -> {"a/b", "0"}.
std::vector<std::string> pointer_segments(const std::string& pointer) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < pointer.size(); ++i) {
        if (pointer[i] == '/') {
            out.emplace_back();
            continue;
        }
        if (out.empty())
            out.emplace_back();
        if (pointer[i] == '~' && i + 1 < pointer.size() &&
            (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
            out.back() += pointer[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            out.back() += pointer[i];
        }
    }
    return out;
}

} // namespace

// The scan follows the structure without checking it: the text parsed as JSON, or its part read
// before the parser stopped. It decodes only the keys of containers on the way to a wanted
// value, and compares a value's key or index only with the wanted pointers that its container's
// pointer begins, so each byte costs about the same whatever the document's shape.
void PositionIndex::locate(std::vector<Problem>& problems) const {
    struct Want {
        std::vector<std::string> segs;
        std::size_t line = 0, column = 0;
    };
    std::vector<Want> wants;
    std::unordered_map<std::string, std::size_t> which;
    for (const Problem& p : problems)
        if (which.emplace(p.pointer, wants.size()).second)
            wants.push_back(Want{pointer_segments(p.pointer)});
    struct Frame {
        bool object;
        std::string key;
        std::size_t index = 0;
        bool expect_key = true;
        std::vector<std::uint32_t> wants; // those whose pointers run through this container
    };
    const std::string_view s = text_;
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
    // Reads a string, decoding it into `out` when there is one.
    auto read_string = [&](std::string* out) {
        advance(); // opening quote
        while (i < s.size() && s[i] != '"') {
            if (s[i] == '\\' && i + 1 < s.size()) {
                advance();
                const char e = s[i];
                advance();
                if (!out)
                    continue;
                switch (e) {
                case 'b':
                    *out += '\b';
                    break;
                case 'f':
                    *out += '\f';
                    break;
                case 'n':
                    *out += '\n';
                    break;
                case 'r':
                    *out += '\r';
                    break;
                case 't':
                    *out += '\t';
                    break;
                case 'u': {
                    auto hex4 = [&]() {
                        std::uint32_t v = 0;
                        for (int k = 0; k < 4 && i < s.size(); ++k) {
                            const char h = s[i];
                            v = v * 16 + static_cast<std::uint32_t>(
                                             h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                            advance();
                        }
                        return v;
                    };
                    std::uint32_t cp = hex4();
                    if (cp >= 0xd800 && cp < 0xdc00 && i + 6 <= s.size() && s[i] == '\\' &&
                        s[i + 1] == 'u') {
                        advance();
                        advance();
                        const std::uint32_t lo = hex4();
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                    }
                    put_utf8(*out, cp);
                    break;
                }
                default:
                    *out += e;
                }
            } else {
                if (out)
                    *out += s[i];
                advance();
            }
        }
        if (i < s.size())
            advance(); // closing quote
    };
    auto value_starts = [&](bool container, bool object) {
        std::vector<std::uint32_t> inner;
        if (stack.empty()) {
            for (std::size_t w = 0; w < wants.size(); ++w) {
                wants[w].line = line;
                wants[w].column = column;
                if (container && !wants[w].segs.empty())
                    inner.push_back(static_cast<std::uint32_t>(w));
            }
        } else if (!stack.back().wants.empty()) {
            const Frame& f = stack.back();
            const std::size_t depth = stack.size();
            const std::string index = f.object ? std::string() : std::to_string(f.index);
            const std::string& seg = f.object ? f.key : index;
            for (std::uint32_t w : f.wants) {
                if (wants[w].segs[depth - 1] != seg)
                    continue;
                wants[w].line = line; // the deepest ancestor comes last
                wants[w].column = column;
                if (container && wants[w].segs.size() > depth)
                    inner.push_back(w);
            }
        }
        if (container)
            stack.push_back(Frame{object, {}, 0, true, std::move(inner)});
    };
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
            Frame& f = stack.back();
            f.key.clear();
            if (c == '"')
                read_string(f.wants.empty() ? nullptr : &f.key);
            else
                advance(); // not a key: never in parsed text
            f.expect_key = false;
            continue;
        }
        if (c == '}' || c == ']') {
            if (!stack.empty()) // never for parsed text; guards the scan all the same
                stack.pop_back();
            advance();
            continue;
        }
        value_starts(c == '{' || c == '[', c == '{');
        if (c == '{' || c == '[') {
            advance();
        } else if (c == '"') {
            read_string(nullptr);
        } else {
            const std::size_t from = i;
            while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && s[i] != ' ' &&
                   s[i] != '\n' && s[i] != '\r' && s[i] != '\t')
                advance();
            if (i == from)
                advance(); // a byte the scan cannot place: never in parsed text
        }
    }
    for (Problem& p : problems) {
        const Want& w = wants[which[p.pointer]];
        p.line = w.line;
        p.column = w.column;
    }
}

std::string pointer_join(const std::string& base, const std::string& key) {
    std::string out = base;
    append_token(out, key);
    return out;
}

std::string pointer_join(const std::string& base, std::size_t index) {
    return base + "/" + std::to_string(index);
}

} // namespace detail
PLAINT_END_NAMESPACE
