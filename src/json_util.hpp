// JSON reading shared by every loader: size and depth limits before parsing, parse errors with
// line and column, and small helpers that report wrong shapes with the JSON pointer. Internal.
#pragma once

#include "plaint/config.hpp"
#include "plaint/enums.hpp"
#include "plaint/error.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

using Json = nlohmann::json;

// Frees a nlohmann::json (or ordered_json) tree without allocating. nlohmann's destructor of a
// non-empty array or object moves the children onto a heap-allocated stack first (to bound its
// recursion), inside a noexcept destructor: under memory failure that is std::terminate. Emptying
// the tree leaves first allocates nothing (a container whose children are scalars or empty
// containers is cleared in place, and an empty container's destructor reserves nothing); the
// recursion is bounded by the depth limits of the documents read and written here.
template <class J>
void dispose(J& j) noexcept {
    if (j.is_array()) {
        auto& a = *j.template get_ptr<typename J::array_t*>();
        for (auto& e : a)
            dispose(e);
        a.clear();
    } else if (j.is_object()) {
        auto& o = *j.template get_ptr<typename J::object_t*>();
        for (auto& m : o)
            dispose(m.second);
        o.clear();
    }
}

// Disposes of a tree when the scope ends, whether normally or by an exception: every
// nlohmann::json the library builds or parses lives in one root held by such a guard, and its
// parts are built in place (`j["key"] = scalar`) or moved in, never left in temporaries (an
// initializer list `{{"a", x}}` makes a temporary two-element array per member).
template <class J>
class DisposeOnExit {
public:
    explicit DisposeOnExit(J& j) noexcept : j_(&j) {}
    DisposeOnExit(const DisposeOnExit&) = delete;
    DisposeOnExit& operator=(const DisposeOnExit&) = delete;
    ~DisposeOnExit() {
        if (j_)
            dispose(*j_);
    }
    // The tree is handed on (returned): its new owner disposes of it.
    void release() noexcept { j_ = nullptr; }

private:
    J* j_;
};

// At most this many values at the places `pattern` names, counted while the document is
// parsed: a JSON pointer whose segments may be "*" (any key or index), e.g.
// "/sections/*/rows/*" for every row of every section, counted together.
struct CountLimit {
    std::string pattern;
    std::size_t max = 0;
    std::string message; // the problem reported at the first value over the count
};

struct JsonLimits {
    std::size_t max_bytes = 16u << 20; // 16 MiB
    std::size_t max_depth = 64;
    std::vector<CountLimit> counts; // at most 64
    // At most this many values in all (0: no limit), counted while parsing: a parsed value
    // takes some 50 to 100 bytes, so this bounds the memory a document can ask for whatever its
    // shape.
    std::size_t max_values = 0;
    // At most this many bytes in a key (0: no limit): loaders name each value they read by its
    // JSON pointer, keys included, so a key of megabytes would be copied for every value below.
    std::size_t max_key_bytes = 0;
};

// The values a profile, a policy set or a calendar may hold: 16 MiB of real content is far
// fewer (10,000 rule rows of 40 values each are 400,000), while 16 MiB of "{}," would be 5.6
// million and some 570 MB parsed.
constexpr std::size_t max_document_values = 1000000;
// The longest key they may use: names of calendars, policies and surveys included.
constexpr std::size_t max_document_key_bytes = 1024;

// The most problems a list keeps: the rest are counted in one last problem, "and N more
// problems", so that a hostile document cannot turn into an error message of megabytes.
constexpr std::size_t max_problems = 100;

// Parses `text` or throws: errc::too_large over the size or depth limit, errc::parse (with the
// pointer, line and column, also as the error's one problem) for malformed JSON, invalid UTF-8
// in strings or a duplicate key, errc::too_large (with the value's place as its one problem) as
// soon as a count of `limits.counts` is passed, before the rest is read. The cost is linear in the
// text's size.
Json parse_json(std::string_view text, const JsonLimits& limits, const char* what);

// A parsed document held compactly for readers that only walk it once: nodes in one vector,
// strings in one buffer, and each object's members sorted by key, the order a
// nlohmann::json object (a std::map) gives, which the loaders' checks and messages follow.
// Far cheaper to build and to free than a nlohmann::json tree. Read through JsonView.
class JsonTree {
public:
    enum class Type : std::uint8_t {
        null,
        boolean,
        integer,
        unsigned_integer,
        real,
        string,
        array,
        object
    };
    struct Span {
        std::uint32_t begin, size;
    };
    struct Node { // 16 bytes: a document of many small values stays small
        Type type = Type::null;
        bool boolean = false;
        std::uint32_t key = 0; // an object member's key, as an index in `keys`
        union {
            std::int64_t integer;
            std::uint64_t unsigned_integer;
            double real;
            Span span; // a string's bytes in `chars`; an array's or object's children in `kids`
        } value{};
    };
    std::vector<Node> nodes;
    std::vector<std::uint32_t> kids; // children of arrays and objects, as indices in `nodes`
    std::vector<Span> keys;          // object members' keys, in `chars`
    std::string chars;
    std::uint32_t root = 0;

    std::string_view text(Span s) const noexcept {
        return std::string_view(chars).substr(s.begin, s.size);
    }
};

// One value of a JsonTree, with the calls of nlohmann::json that the loaders use. Valid while
// the tree lives.
class JsonView {
public:
    JsonView(const JsonTree& tree, std::uint32_t index) noexcept
        : tree_(&tree), node_(&tree.nodes[index]) {}
    explicit JsonView(const JsonTree& tree) noexcept : JsonView(tree, tree.root) {}

    bool is_null() const noexcept { return node_->type == JsonTree::Type::null; }
    bool is_boolean() const noexcept { return node_->type == JsonTree::Type::boolean; }
    bool is_string() const noexcept { return node_->type == JsonTree::Type::string; }
    bool is_array() const noexcept { return node_->type == JsonTree::Type::array; }
    bool is_object() const noexcept { return node_->type == JsonTree::Type::object; }
    bool is_number() const noexcept {
        return node_->type == JsonTree::Type::integer ||
               node_->type == JsonTree::Type::unsigned_integer ||
               node_->type == JsonTree::Type::real;
    }
    bool is_number_integer() const noexcept {
        return node_->type == JsonTree::Type::integer ||
               node_->type == JsonTree::Type::unsigned_integer;
    }
    // As nlohmann::json: members or elements of a container, 0 for null, 1 for other values.
    std::size_t size() const noexcept {
        return is_array() || is_object() ? node_->value.span.size : is_null() ? 0 : 1;
    }
    bool empty() const noexcept { return size() == 0; }

    // A string's text.
    std::string_view str() const noexcept { return tree_->text(node_->value.span); }
    // A boolean's value.
    bool boolean() const noexcept { return node_->boolean; }
    // A number's value, as get<double>().
    double number() const noexcept;
    // The key of an object member (a value reached through an object).
    std::string_view key() const noexcept { return tree_->text(tree_->keys[node_->key]); }
    // The i-th element of an array, or member of an object (in key order).
    JsonView operator[](std::size_t i) const noexcept {
        return JsonView(*tree_, tree_->kids[node_->value.span.begin + i]);
    }
    // The member named `key` of an object, if there is one.
    std::optional<JsonView> find(std::string_view key) const noexcept;
    bool contains(std::string_view key) const noexcept { return find(key).has_value(); }

    // The children in order (members sorted by key); each member's key() is its name.
    class Iterator {
    public:
        Iterator(const JsonTree& tree, const std::uint32_t* at) noexcept : tree_(&tree), at_(at) {}
        JsonView operator*() const noexcept { return JsonView(*tree_, *at_); }
        Iterator& operator++() noexcept {
            ++at_;
            return *this;
        }
        bool operator!=(const Iterator& o) const noexcept { return at_ != o.at_; }

    private:
        const JsonTree* tree_;
        const std::uint32_t* at_;
    };
    Iterator begin() const noexcept { return Iterator(*tree_, children()); }
    Iterator end() const noexcept { return Iterator(*tree_, children() + size_of_children()); }

    // The value's compact dump (the same text nlohmann writes).
    std::string dump() const;

private:
    void dump_to(std::string& out) const;
    bool is_container() const noexcept { return is_array() || is_object(); }
    const std::uint32_t* children() const noexcept {
        return tree_->kids.data() + (is_container() ? node_->value.span.begin : 0);
    }
    std::size_t size_of_children() const noexcept {
        return is_container() ? node_->value.span.size : 0;
    }

    const JsonTree* tree_;
    const JsonTree::Node* node_;
};

// parse_json into a JsonTree: the same limits, checks and errors, at a fraction of the cost.
JsonTree parse_json_tree(std::string_view text, const JsonLimits& limits, const char* what);

// A place in a document being read, as a chain of keys and indices on the reader's stack; it
// becomes a JSON pointer only when a problem names it, so reading a valid document builds none.
// The keys are borrowed (from a JsonTree or literals).
class JsonPath {
public:
    JsonPath() = default; // the whole document
    JsonPath(const JsonPath& parent, std::string_view key) noexcept
        : parent_(&parent), key_(key), segment_(true) {}
    JsonPath(const JsonPath& parent, std::size_t index) noexcept
        : parent_(&parent), index_(index), segment_(true), is_index_(true) {}
    // The JSON pointer, as pointer_join would build it.
    std::string str() const;

private:
    const JsonPath* parent_ = nullptr;
    std::string_view key_;
    std::size_t index_ = 0;
    bool segment_ = false, is_index_ = false;
};

// Where values of a JSON text start, found for the problems that name them: one scan of the
// text per list of problems, whatever their number, in time linear in the text. The text must
// outlive the index.
class PositionIndex {
public:
    PositionIndex() = default;
    explicit PositionIndex(std::string_view text) : text_(text) {}
    // Sets each problem's line and column (in characters) to where the value its pointer names
    // starts, or its nearest ancestor that has a place.
    void locate(std::vector<Problem>& problems) const;

private:
    std::string_view text_;
};

// Collects every problem found while reading a document, each with its JSON pointer, and
// throws them together. It keeps the first max_problems and counts the rest.
class Problems {
public:
    void add(const std::string& pointer, const std::string& message) {
        if (items_.size() < max_problems)
            items_.push_back(Problem{pointer, 0, 0, message});
        else
            ++more_;
    }
    // Adds the problems of a document embedded at `base` (their pointers re-homed under it),
    // its count of problems left out included.
    void add_nested(const std::string& base, const error& e);
    // Counts n problems left out of a list read elsewhere (see more_problems).
    void add_more(std::size_t n) noexcept { more_ += n; }
    bool empty() const noexcept { return items_.empty(); }
    // Throws errc::validation listing the problems, one a line, if there are any, and a last
    // problem "and N more problems" (pointer "") when some were left out; with an index, each
    // problem gets its line and column.
    void throw_if_any(const char* what, const PositionIndex* index = nullptr) const;

private:
    std::vector<Problem> items_;
    std::size_t more_ = 0;
};

// N, when `p` is the last problem of a capped list ("and N more problems").
std::optional<std::size_t> more_problems(const Problem& p);

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
// The same, for a value of a JsonTree.
template <class E>
std::optional<E> read_enum(JsonView v, const JsonPath& at, Problems& problems) {
    constexpr EnumKind kind = EnumTraits<E>::kind;
    if (v.is_string())
        if (auto code = enum_code(kind, v.str()))
            return static_cast<E>(*code);
    problems.add(at.str(), std::string("expected a ") + EnumTraits<E>::label + ", one of " +
                               enum_names(kind));
    return std::nullopt;
}

// "/a/b" + "c" with JSON-pointer escaping of the key.
std::string pointer_join(const std::string& base, const std::string& key);
std::string pointer_join(const std::string& base, std::size_t index);

} // namespace detail
PLAINT_END_NAMESPACE
