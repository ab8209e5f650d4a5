// Parsing JSON text under limits: size, depth and NUL bytes checked before parsing, values and
// keys counted while parsing, errors with their place, duplicate keys refused; into a
// nlohmann::json (parse_json) or a compact JsonTree (parse_json_tree).
#include "json_util.hpp"

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

[[noreturn]] void throw_located(errc code, std::string_view text, std::size_t offset,
                                const std::string& pointer, const std::string& message,
                                const std::string& reason);

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
    if (const auto nul = text.find('\0'); nul != std::string_view::npos)
        throw_located(errc::parse, text, nul, "", std::string(what) + " is not valid JSON",
                      "a NUL byte");
}

// nlohmann's message without its internal prefix ("[json.exception.parse_error.101] ") or its
// own place ("parse error at line 1, column 5: "): the error states the place once, its own way.
std::string reason_of(const std::exception& e) {
    std::string msg = e.what();
    if (const auto p = msg.find("] "); p != std::string::npos)
        msg = msg.substr(p + 2);
    if (msg.rfind("parse error", 0) == 0)
        if (const auto p = msg.find(": "); p != std::string::npos)
            msg = msg.substr(p + 2);
    for (char& c : msg) // the reason may quote the input: keep the message valid UTF-8
        if (static_cast<unsigned char>(c) >= 0x80 || static_cast<unsigned char>(c) < 0x20)
            c = '?';
    return msg;
}

// A parse error at byte `offset` of the text: its location (column in bytes, as Location says)
// and its one problem (column in characters, as Problem says).
[[noreturn]] void throw_located(errc code, std::string_view text, std::size_t offset,
                                const std::string& pointer, const std::string& message,
                                const std::string& reason) {
    if (offset > text.size())
        offset = text.size();
    Location at;
    at.pointer = pointer;
    at.line = 1;
    std::size_t line_start = 0, chars = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++at.line;
            line_start = i + 1;
            chars = 0;
        } else if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) {
            ++chars;
        }
    }
    at.column = offset - line_start + 1;
    Problem problem{pointer, at.line, chars + 1, reason};
    throw error(code,
                message + " at line " + std::to_string(at.line) + ", column " +
                    std::to_string(at.column) + ": " + reason,
                std::move(at), std::vector<Problem>{std::move(problem)});
}

[[noreturn]] void throw_parse_error(std::string_view text, const Json::parse_error& e,
                                    const char* what, const std::string& pointer) {
    // nlohmann reports the byte after which the error was seen.
    throw_located(errc::parse, text, e.byte > 0 ? e.byte - 1 : 0, pointer,
                  std::string(what) + " is not valid JSON", reason_of(e));
}

// A number too large for a double ("1e999"): nlohmann reports it without a position.
[[noreturn]] void throw_number_error(const Json::out_of_range& e, const char* what,
                                     const std::string& pointer) {
    const std::string reason = reason_of(e);
    Location at;
    at.pointer = pointer;
    throw error(errc::parse,
                std::string(what) + " is not valid JSON at " + (pointer.empty() ? "/" : pointer) +
                    ": " + reason,
                at, std::vector<Problem>{Problem{pointer, 0, 0, reason}});
}

// A problem found while parsing (a duplicate key, a count passed): its place is looked up in
// the text read so far.
struct Refusal {
    errc code;
    std::string pointer, message;
};

[[noreturn]] void throw_refusal(std::string_view text, const Refusal& r, const char* what) {
    std::vector<Problem> problems{Problem{r.pointer, 0, 0, r.message}};
    PositionIndex(text).locate(problems);
    Problem& p = problems.front();
    const std::string pointer = p.pointer.empty() ? std::string("/") : p.pointer;
    std::string msg = r.code == errc::parse
                          ? std::string(what) + " has a " + p.message + " at " + pointer
                          : std::string(what) + " is too large at " + pointer + ": " + p.message;
    if (p.line)
        msg += " (line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ")";
    Location at;
    at.pointer = p.pointer.empty() ? "/" : p.pointer;
    at.line = p.line;
    at.column = p.column;
    throw error(r.code, msg, std::move(at), std::move(problems));
}

// 1000000 -> "1,000,000".
std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

// Follows a SAX parse's place in the document: the open containers, each one's current key or
// index. It names the JSON pointer of a parse error, and counts the values at the places
// JsonLimits::counts names, refusing the document as soon as a count is passed. A value costs a
// look at the patterns its container may still lead to: none, for most values.
class PathTracker {
public:
    explicit PathTracker(const JsonLimits& limits) : limits_(limits) {
        if (limits.counts.size() > 64)
            throw error(errc::internal, "more than 64 count limits");
        for (const CountLimit& c : limits.counts) {
            std::vector<std::string> segs;
            std::size_t i = 0;
            while (i < c.pattern.size()) { // "/a/*/b" -> a, *, b (patterns have no escapes)
                const std::size_t j = c.pattern.find('/', i + 1);
                segs.push_back(c.pattern.substr(i + 1, j == std::string::npos ? j : j - i - 1));
                i = j == std::string::npos ? c.pattern.size() : j;
            }
            patterns_.push_back(std::move(segs));
        }
        counts_.assign(patterns_.size(), 0);
    }

    // A value starts; a container is entered.
    void value(bool container, bool object) {
        if (limits_.max_values && ++values_ > limits_.max_values)
            throw Refusal{errc::too_large, pointer(),
                          "more than " + thousands(limits_.max_values) + " values"};
        std::uint64_t mask = 0;                  // the patterns the value's members may still match
        const std::size_t depth = stack_.size(); // the segments of the value's pointer
        if (stack_.empty()) {
            for (std::size_t p = 0; p < patterns_.size(); ++p)
                if (patterns_[p].empty())
                    count(p);
                else
                    mask |= std::uint64_t(1) << p;
        } else {
            Frame& f = stack_.back();
            if (f.mask) {
                std::string index;
                if (!f.object)
                    index = std::to_string(f.index);
                for (std::size_t p = 0; p < patterns_.size(); ++p) {
                    if (!((f.mask >> p) & 1))
                        continue;
                    const std::string& seg = patterns_[p][depth - 1];
                    if (seg != "*" && seg != (f.object ? f.key : index))
                        continue;
                    if (patterns_[p].size() == depth)
                        count(p);
                    else
                        mask |= std::uint64_t(1) << p;
                }
            }
            if (!f.object)
                ++f.index;
            f.has_key = false;
        }
        if (container)
            stack_.push_back(Frame{object, {}, 0, false, mask});
    }
    void key(const std::string& k) {
        if (limits_.max_key_bytes && k.size() > limits_.max_key_bytes)
            throw Refusal{errc::too_large, pointer(),
                          "a key of more than " + thousands(limits_.max_key_bytes) + " bytes"};
        stack_.back().key = k;
        stack_.back().has_key = true;
    }
    void end() { stack_.pop_back(); }

    // The pointer of the value being read: the open containers' members, then the member or
    // element that comes next in the innermost one.
    std::string pointer() const {
        std::string p;
        for (std::size_t i = 0; i < stack_.size(); ++i) {
            const Frame& f = stack_[i];
            const bool last = i + 1 == stack_.size();
            if (f.object && (f.has_key || !last))
                p = pointer_join(p, f.key);
            else if (!f.object)
                p = pointer_join(p, last || f.index == 0 ? f.index : f.index - 1);
        }
        return p;
    }

private:
    struct Frame {
        bool object;
        std::string key;
        std::size_t index;
        bool has_key;
        std::uint64_t mask;
    };
    void count(std::size_t p) {
        if (++counts_[p] > limits_.counts[p].max) {
            // The value is not counted in its container yet: its pointer is the one ahead.
            throw Refusal{errc::too_large, pointer(), limits_.counts[p].message};
        }
    }

    const JsonLimits& limits_;
    std::vector<std::vector<std::string>> patterns_;
    std::vector<std::size_t> counts_;
    std::size_t values_ = 0;
    std::vector<Frame> stack_;
};

// Builds a nlohmann::json from SAX events as nlohmann's own DOM parser does, refusing duplicate
// keys (a document where a later value silently wins hides typos) and counting as PathTracker
// does. Unlike nlohmann's callback parser, which looks through the parent container each time
// a value closes, every value costs the same whatever its container's size.
class DomBuilder {
public:
    DomBuilder(Json& root, const JsonLimits& limits) : root_(root), path_(limits) {}

    bool null() { return put(Json()); }
    bool boolean(bool b) { return put(Json(b)); }
    bool number_integer(Json::number_integer_t v) { return put(Json(v)); }
    bool number_unsigned(Json::number_unsigned_t v) { return put(Json(v)); }
    bool number_float(Json::number_float_t v, const std::string&) { return put(Json(v)); }
    bool string(Json::string_t& s) { return put(Json(std::move(s))); }
    bool binary(Json::binary_t&) { return put(Json()); } // not in JSON text
    bool start_object(std::size_t) {
        path_.value(true, true);
        stack_.push_back(place(Json(Json::value_t::object)));
        return true;
    }
    bool start_array(std::size_t) {
        path_.value(true, false);
        stack_.push_back(place(Json(Json::value_t::array)));
        return true;
    }
    bool end_object() { return end(); }
    bool end_array() { return end(); }
    bool key(Json::string_t& k) {
        path_.key(k);
        auto& object = stack_.back()->get_ref<Json::object_t&>();
        auto [it, fresh] = object.emplace(k, Json());
        if (!fresh)
            throw Refusal{errc::parse, path_.pointer(), "duplicate key"};
        member_ = &it->second;
        return true;
    }
    template <class Exception>
    bool parse_error(std::size_t, const std::string&, const Exception& e) {
        throw e;
    }
    const PathTracker& path() const noexcept { return path_; }

private:
    bool put(Json&& v) {
        path_.value(false, false);
        place(std::move(v));
        return true;
    }
    bool end() {
        path_.end();
        stack_.pop_back();
        return true;
    }
    Json* place(Json&& v) {
        if (stack_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Json& top = *stack_.back();
        if (top.is_array()) {
            auto& a = top.get_ref<Json::array_t&>();
            a.push_back(std::move(v));
            return &a.back();
        }
        *member_ = std::move(v);
        return member_;
    }

    Json& root_;
    PathTracker path_;
    std::vector<Json*> stack_; // the open containers: each is its parent's last value
    Json* member_ = nullptr;   // the member whose key was read last
};

} // namespace

// Runs a SAX builder (DomBuilder, TreeBuilder) over `text`, turning each way a parse can fail
// into the library's error with its place.
template <class Builder>
void run_sax(std::string_view text, Builder& builder, const char* what) {
    try {
        Json::sax_parse(text.begin(), text.end(), &builder);
    } catch (const Json::parse_error& e) {
        throw_parse_error(text, e, what, builder.path().pointer());
    } catch (const Json::out_of_range& e) {
        throw_number_error(e, what, builder.path().pointer());
    } catch (const Refusal& r) {
        throw_refusal(text, r, what);
    }
}

Json parse_json(std::string_view text, const JsonLimits& limits, const char* what) {
    check_text(text, limits, what);
    Json root;
    // A document refused or cut short by memory failure is disposed of as it stands.
    DisposeOnExit guard(root);
    DomBuilder builder(root, limits);
    run_sax(text, builder, what);
    guard.release();
    return root;
}

namespace {

// Builds a JsonTree from nlohmann's SAX events. Children are gathered on one stack while
// their container is open and moved to the tree's `kids` when it closes. Duplicate keys are
// refused as parse_json refuses them, when the key is read, naming the same pointer.
class TreeBuilder {
public:
    TreeBuilder(JsonTree& tree, const JsonLimits& limits) : tree_(tree), path_(limits) {}
    const PathTracker& path() const noexcept { return path_; }

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
        path_.key(k);
        const bool duplicate = seen(frame, k);
        frame.key = static_cast<std::uint32_t>(tree_.keys.size());
        tree_.keys.push_back(append(k));
        if (duplicate)
            throw Refusal{errc::parse, path_.pointer(), "duplicate key"};
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
        path_.value(false, false);
        place(add(n));
        return true;
    }
    bool open(JsonTree::Type type) {
        path_.value(true, type == JsonTree::Type::object);
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
        path_.end();
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
    JsonTree& tree_;
    PathTracker path_;
    std::vector<Frame> stack_;
    std::vector<std::uint32_t> pending_;
};

} // namespace

JsonTree parse_json_tree(std::string_view text, const JsonLimits& limits, const char* what) {
    check_text(text, limits, what);
    JsonTree tree;
    TreeBuilder builder(tree, limits);
    run_sax(text, builder, what);
    return tree;
}

} // namespace detail
PLAINT_END_NAMESPACE
