#include "plaint/rules.hpp"

#include "bits.hpp"
#include "error_detail.hpp"
#include "json_util.hpp"
#include "keywords.hpp"
#include "rules_detail.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

PLAINT_BEGIN_NAMESPACE
namespace detail {

namespace {

constexpr std::size_t max_rows = 10000;
constexpr std::size_t max_keywords = 10000;
constexpr std::size_t max_keyword_bytes = 256;
constexpr std::size_t max_keyword_total = 65536;

enum class Op : std::uint8_t {
    all,
    any,
    not_,
    enum_set,   // field: 0 channel, 1 category, 2 nature, 3 severity
    int_range,  // field: 0 reporter_count, 1 repeat_count, 2 unsatisfied_visits, 3 reopens
    real_range, // hours_since_received
    tags_any,
    tags_all,
    tags_none,
    kw_any,
    kw_all,
    kw_none,
    missed_any,
    pattern,  // field: 0 building, 1 unit, 2 subcategory
    received, // field: 1 inside the calendar's hours, 0 outside; begin = calendar index
};

enum class Hit : std::uint8_t { first, collect, priority };

struct Node {
    Op op = Op::all;
    std::uint8_t field = 0;
    std::uint64_t mask = 0;                    // enum_set
    std::int64_t lo = 0, hi = 0;               // int_range, inclusive
    double dlo = 0, dhi = 0;                   // real_range
    bool lo_strict = false, hi_strict = false; // real_range
    std::uint32_t begin = 0, end = 0;          // children, or ids in `lists`
    std::string text;                          // for explanations: "channel in [media]"
};

struct Row {
    std::string id;
    std::uint32_t root = 0; // a Node::all
    // A necessary condition, read off the row's top-level tests: the codes each enumeration may
    // have and the range of the two counts. Checked inline before the tree is walked.
    std::array<std::uint64_t, 4> enums{~std::uint64_t(0), ~std::uint64_t(0), ~std::uint64_t(0),
                                       ~std::uint64_t(0)};
    std::int64_t reporters_lo = INT64_MIN, reporters_hi = INT64_MAX;
    std::int64_t repeats_lo = INT64_MIN, repeats_hi = INT64_MAX;
    // Keywords of which the row needs at least one (ids in `lists`, [need_begin, need_end)), read
    // off a `keywords any` the row's conditions all require; none when need_begin == need_end.
    std::uint32_t need_begin = 0, need_end = 0;

    bool may_match(const Facts& f) const noexcept {
        auto has = [](std::uint64_t mask, auto e) {
            const auto code = static_cast<std::int32_t>(e);
            return code >= 0 && code < 64 && ((mask >> code) & 1);
        };
        return has(enums[0], f.channel) && has(enums[1], f.category) && has(enums[2], f.nature) &&
               has(enums[3], f.severity) && f.reporter_count >= reporters_lo &&
               f.reporter_count <= reporters_hi && f.repeat_count >= repeats_lo &&
               f.repeat_count <= repeats_hi;
    }
    std::optional<Nature> nature;
    std::optional<Severity> severity;
    std::optional<std::string> sla_policy;
    std::optional<Role> escalate_to;
    std::optional<VisitMethod> visit_method;
    std::vector<std::string> tags;
    std::vector<std::string_view> tag_views; // of `tags`, fixed once the row is in place
};

struct Section {
    std::string name;
    Hit hit = Hit::first;
    std::vector<Row> rows;
    // When some rows need keywords: the rows that do not (a bitset), and where this section's
    // candidate rows start in the scratch bitsets (in words).
    bool prefiltered = false;
    std::vector<std::uint64_t> always;
    std::size_t word_offset = 0;
};

const char* const field_names[] = {"channel", "category", "nature", "severity"};
const char* const int_names[] = {"reporter_count", "repeat_count", "unsatisfied_visits", "reopens"};
const char* const pattern_names[] = {"building", "unit", "subcategory"};
const EnumKind enum_kinds[] = {EnumKind::channel, EnumKind::category, EnumKind::nature,
                               EnumKind::severity};

// '*' any run, '?' one byte; everything else literal.
bool glob(std::string_view p, std::string_view s) {
    std::size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
    while (si < s.size()) {
        if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
            ++pi;
            ++si;
        } else if (pi < p.size() && p[pi] == '*') {
            star = pi++;
            mark = si;
        } else if (star != std::string_view::npos) {
            pi = star + 1;
            si = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == '*')
        ++pi;
    return pi == p.size();
}

// Per-thread scratch for one evaluation: found keywords and tags, computed when first needed.
struct Scratch {
    std::vector<std::uint64_t> keywords, tags, missed;
    std::vector<std::uint64_t> candidates; // rows worth evaluating, per prefiltered section
    bool keywords_done = false, tags_done = false, missed_done = false;
};

} // namespace

class RuleSetImpl {
public:
    std::vector<Section> sections;
    std::vector<Node> nodes;
    std::vector<std::uint32_t> lists; // child indices, keyword ids, tag ids, pattern ids
    std::vector<std::string> patterns;
    std::vector<std::string> keywords;
    KeywordMatcher matcher;
    std::unordered_map<std::string, std::uint32_t> tag_ids, missed_ids;
    std::vector<Warning> warnings;
    std::vector<Calendar> calendars; // named by `received` conditions
    std::size_t row_count = 0;
    // Row prefilter: for keyword k, the rows needing it are kw_rows[kw_rows_begin[k] ..
    // kw_rows_begin[k + 1]) as (section, row); candidate_words is the scratch size.
    std::vector<std::uint32_t> kw_rows_begin;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> kw_rows;
    std::size_t candidate_words = 0;
    std::string source; // the JSON text it was read from, for to_json
    Duration repeat_window = 30 * 86400;

    bool eval(std::uint32_t n, const Facts& f, Scratch& s) const;
    std::string why_not(std::uint32_t n, const Facts& f, Scratch& s) const;

private:
    static bool has(const std::vector<std::uint64_t>& bits, std::uint32_t i) {
        return (bits[i >> 6] >> (i & 63)) & 1;
    }
    void ensure_keywords(const Facts& f, Scratch& s) const {
        if (s.keywords_done)
            return;
        s.keywords.assign((keywords.size() + 63) / 64, 0);
        matcher.scan(f.content, s.keywords.data());
        s.keywords_done = true;
    }
    static void ensure_set(const std::vector<std::pair<std::string, std::uint32_t>>& ids,
                           const std::vector<std::string_view>& values,
                           std::vector<std::uint64_t>& bits, bool& done) {
        if (done)
            return;
        bits.assign((ids.size() + 63) / 64 + 1, 0);
        for (std::string_view v : values) {
            auto it =
                std::lower_bound(ids.begin(), ids.end(), v,
                                 [](const std::pair<std::string, std::uint32_t>& e,
                                    std::string_view k) { return std::string_view(e.first) < k; });
            if (it != ids.end() && std::string_view(it->first) == v)
                bits[it->second >> 6] |= std::uint64_t(1) << (it->second & 63);
        }
        done = true;
    }

public:
    void keywords_of(const Facts& f, Scratch& s) const { ensure_keywords(f, s); }
    // The names of tags and SLA targets that conditions mention, sorted, for look-ups by view.
    std::vector<std::pair<std::string, std::uint32_t>> tag_table, missed_table;
    void build_tables() {
        tag_table.assign(tag_ids.begin(), tag_ids.end());
        std::sort(tag_table.begin(), tag_table.end());
        missed_table.assign(missed_ids.begin(), missed_ids.end());
        std::sort(missed_table.begin(), missed_table.end());
    }
};

namespace {
// A `keywords any` that node n requires, looked for through nested `all` groups.
bool required_keywords(const RuleSetImpl& impl, std::uint32_t n, std::uint32_t& begin,
                       std::uint32_t& end) {
    const Node& node = impl.nodes[n];
    if (node.op == Op::kw_any && node.begin != node.end) {
        begin = node.begin;
        end = node.end;
        return true;
    }
    if (node.op == Op::all)
        for (std::uint32_t i = node.begin; i < node.end; ++i)
            if (required_keywords(impl, impl.lists[i], begin, end))
                return true;
    return false;
}

// Rows that need a keyword are evaluated only when one of their keywords was found: each
// prefiltered section gets a bitset of the rows that need none, and each keyword the bits of
// the rows it lets through.
void build_prefilter(RuleSetImpl& impl) {
    std::vector<std::pair<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>>> entries;
    std::size_t words = 0;
    for (auto& section : impl.sections) {
        const std::size_t section_words = (section.rows.size() + 63) / 64;
        section.always.assign(section_words, 0);
        section.word_offset = words;
        for (std::size_t r = 0; r < section.rows.size(); ++r) {
            Row& row = section.rows[r];
            const auto word = static_cast<std::uint32_t>(words + r / 64);
            const auto bit = static_cast<std::uint32_t>(r % 64);
            if (required_keywords(impl, row.root, row.need_begin, row.need_end)) {
                section.prefiltered = true;
                for (std::uint32_t i = row.need_begin; i < row.need_end; ++i)
                    entries.push_back({impl.lists[i], {word, bit}});
            } else {
                section.always[r / 64] |= std::uint64_t(1) << bit;
            }
        }
        if (section.prefiltered)
            words += section_words;
        else
            section.always.clear();
    }
    impl.candidate_words = words;
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    impl.kw_rows_begin.assign(impl.keywords.size() + 1, 0);
    for (const auto& e : entries)
        ++impl.kw_rows_begin[e.first + 1];
    for (std::size_t k = 0; k < impl.keywords.size(); ++k)
        impl.kw_rows_begin[k + 1] += impl.kw_rows_begin[k];
    impl.kw_rows.clear();
    for (const auto& e : entries)
        impl.kw_rows.push_back(e.second);
}

// Calls f(row) for the section's rows worth evaluating, in order, until f returns true.
template <class F>
void each_row(const Section& section, const Scratch& s, F&& f) {
    if (!section.prefiltered) {
        for (const auto& row : section.rows)
            if (f(row))
                return;
        return;
    }
    const std::uint64_t* bits = s.candidates.data() + section.word_offset;
    for (std::size_t w = 0; w < section.always.size(); ++w)
        for (std::uint64_t b = bits[w]; b; b &= b - 1)
            if (f(section.rows[w * 64 + static_cast<std::size_t>(lowest_bit(b))]))
                return;
}

// Whether condition `c` of an earlier row holds whenever all of `later`'s top-level conditions
// hold: a condition of the later row on the same field that is at least as strict. Only simple
// tests are compared; anything else (any, not, nested groups) counts as not implied, so the
// check never warns wrongly.
bool implied(const RuleSetImpl& impl, const Node& c, const Node& later) {
    auto ids = [&impl](const Node& n) {
        std::vector<std::uint32_t> v(impl.lists.begin() + n.begin, impl.lists.begin() + n.end);
        std::sort(v.begin(), v.end());
        return v;
    };
    auto subset = [](const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
        return std::includes(b.begin(), b.end(), a.begin(), a.end());
    };
    for (std::uint32_t i = later.begin; i < later.end; ++i) {
        const Node& l = impl.nodes[impl.lists[i]];
        if (l.op != c.op)
            continue;
        switch (c.op) {
        case Op::enum_set:
            if (l.field == c.field && (l.mask & ~c.mask) == 0)
                return true;
            break;
        case Op::int_range:
            if (l.field == c.field && l.lo >= c.lo && l.hi <= c.hi)
                return true;
            break;
        case Op::real_range: {
            const bool lo_ok = l.dlo > c.dlo || (l.dlo == c.dlo && (l.lo_strict || !c.lo_strict));
            const bool hi_ok = l.dhi < c.dhi || (l.dhi == c.dhi && (l.hi_strict || !c.hi_strict));
            if (lo_ok && hi_ok)
                return true;
            break;
        }
        case Op::kw_any:
        case Op::tags_any:
        case Op::missed_any:
            if (l.begin != l.end && subset(ids(l), ids(c))) // each of the later's is one of these
                return true;
            break;
        case Op::kw_all:
        case Op::kw_none:
        case Op::tags_all:
        case Op::tags_none:
            if (subset(ids(c), ids(l)))
                return true;
            break;
        case Op::pattern:
        case Op::received:
            if (l.field == c.field && l.text == c.text)
                return true;
            break;
        default:
            break;
        }
    }
    return false;
}

// Whether `earlier` matches every complaint `later` matches, read off their top-level tests.
bool subsumes(const RuleSetImpl& impl, const Row& earlier, const Row& later) {
    const Node& e = impl.nodes[earlier.root];
    const Node& l = impl.nodes[later.root];
    if (e.op != Op::all || l.op != Op::all)
        return false;
    for (std::size_t f = 0; f < 4; ++f) // quick test on the enumerations first
        if ((later.enums[f] & ~earlier.enums[f]) != 0)
            return false;
    for (std::uint32_t i = e.begin; i < e.end; ++i)
        if (!implied(impl, impl.nodes[impl.lists[i]], l))
            return false;
    return true;
}
} // namespace

bool RuleSetImpl::eval(std::uint32_t n, const Facts& f, Scratch& s) const {
    const Node& node = nodes[n];
    switch (node.op) {
    case Op::all:
        for (std::uint32_t i = node.begin; i < node.end; ++i)
            if (!eval(lists[i], f, s))
                return false;
        return true;
    case Op::any:
        for (std::uint32_t i = node.begin; i < node.end; ++i)
            if (eval(lists[i], f, s))
                return true;
        return false;
    case Op::not_:
        return !eval(lists[node.begin], f, s);
    case Op::enum_set: {
        std::int32_t code = 0;
        switch (node.field) {
        case 0:
            code = static_cast<std::int32_t>(f.channel);
            break;
        case 1:
            code = static_cast<std::int32_t>(f.category);
            break;
        case 2:
            code = static_cast<std::int32_t>(f.nature);
            break;
        default:
            code = static_cast<std::int32_t>(f.severity);
            break;
        }
        return code >= 0 && code < 64 && ((node.mask >> code) & 1);
    }
    case Op::int_range: {
        const std::int64_t v = node.field == 0   ? f.reporter_count
                               : node.field == 1 ? f.repeat_count
                               : node.field == 2 ? f.unsatisfied_visits
                                                 : f.reopens;
        return v >= node.lo && v <= node.hi;
    }
    case Op::real_range: {
        const double v = f.hours_since_received;
        return (node.lo_strict ? v > node.dlo : v >= node.dlo) &&
               (node.hi_strict ? v < node.dhi : v <= node.dhi);
    }
    case Op::tags_any:
    case Op::tags_all:
    case Op::tags_none: {
        ensure_set(tag_table, f.tags, s.tags, s.tags_done);
        std::uint32_t hits = 0;
        for (std::uint32_t i = node.begin; i < node.end; ++i)
            hits += has(s.tags, lists[i]) ? 1u : 0u;
        return node.op == Op::tags_any   ? hits > 0
               : node.op == Op::tags_all ? hits == node.end - node.begin
                                         : hits == 0;
    }
    case Op::kw_any:
    case Op::kw_all:
    case Op::kw_none: {
        ensure_keywords(f, s);
        std::uint32_t hits = 0;
        for (std::uint32_t i = node.begin; i < node.end; ++i)
            hits += has(s.keywords, lists[i]) ? 1u : 0u;
        return node.op == Op::kw_any   ? hits > 0
               : node.op == Op::kw_all ? hits == node.end - node.begin
                                       : hits == 0;
    }
    case Op::missed_any: {
        ensure_set(missed_table, f.missed_targets, s.missed, s.missed_done);
        for (std::uint32_t i = node.begin; i < node.end; ++i)
            if (has(s.missed, lists[i]))
                return true;
        return false;
    }
    case Op::received:
        // Outside the calendar's years counts as outside its hours.
        try {
            return calendars[node.begin].is_open(f.received) == (node.field == 1);
        } catch (const error&) {
            return node.field == 0;
        }
    case Op::pattern: {
        const std::string_view v = node.field == 0   ? f.building
                                   : node.field == 1 ? f.unit
                                                     : f.subcategory;
        for (std::uint32_t i = node.begin; i < node.end; ++i)
            if (glob(patterns[lists[i]], v))
                return true;
        return false;
    }
    }
    return false;
}

// The first failing condition under node n (an all), described with the value it saw.
std::string RuleSetImpl::why_not(std::uint32_t n, const Facts& f, Scratch& s) const {
    const Node& node = nodes[n];
    if (node.op == Op::all) {
        for (std::uint32_t i = node.begin; i < node.end; ++i)
            if (!eval(lists[i], f, s))
                return why_not(lists[i], f, s);
        return {};
    }
    std::string seen;
    switch (node.op) {
    case Op::enum_set: {
        const std::int32_t code = node.field == 0   ? static_cast<std::int32_t>(f.channel)
                                  : node.field == 1 ? static_cast<std::int32_t>(f.category)
                                  : node.field == 2 ? static_cast<std::int32_t>(f.nature)
                                                    : static_cast<std::int32_t>(f.severity);
        seen = std::string(enum_name(enum_kinds[node.field], code).value_or("?"));
        break;
    }
    case Op::int_range:
        seen = std::to_string(node.field == 0   ? f.reporter_count
                              : node.field == 1 ? f.repeat_count
                              : node.field == 2 ? f.unsatisfied_visits
                                                : f.reopens);
        break;
    case Op::real_range:
        seen = std::to_string(f.hours_since_received);
        break;
    case Op::pattern:
        seen = std::string(node.field == 0 ? f.building : node.field == 1 ? f.unit : f.subcategory);
        break;
    default:
        return node.text;
    }
    return node.text + " (was " + seen + ")";
}

} // namespace detail

using detail::Hit;
using detail::JsonPath;
using detail::JsonView;
using detail::Node;
using detail::Op;

namespace {

class Compiler {
public:
    Compiler(detail::RuleSetImpl& impl, detail::Problems& problems,
             const std::map<std::string, Calendar, std::less<>>* calendars)
        : impl_(impl), problems_(problems), calendars_(calendars) {}

    std::uint32_t add(Node n) {
        impl_.nodes.push_back(std::move(n));
        return static_cast<std::uint32_t>(impl_.nodes.size() - 1);
    }

    // A condition object: its keys are ANDed.
    std::uint32_t condition(JsonView v, const JsonPath& at, int depth) {
        Node all;
        all.op = Op::all;
        all.text = "all";
        if (depth > 16) {
            problem(at, "conditions nest deeper than 16 levels");
            return add(all);
        }
        if (!v.is_object()) {
            problem(at, "expected a condition object");
            return add(all);
        }
        std::vector<std::uint32_t> children;
        for (JsonView value : v) {
            const JsonPath kat(at, value.key());
            if (auto c = one(value.key(), value, kat, depth))
                children.push_back(*c);
        }
        // Cheap tests first: a row that fails on its channel never pays for a keyword scan.
        std::stable_sort(children.begin(), children.end(),
                         [this](std::uint32_t a, std::uint32_t b) {
                             return cost(impl_.nodes[a].op) < cost(impl_.nodes[b].op);
                         });
        return group(Op::all, std::move(all.text), children);
    }

    static int cost(Op op) {
        switch (op) {
        case Op::enum_set:
        case Op::int_range:
        case Op::real_range:
            return 0;
        case Op::received:
        case Op::pattern:
            return 1;
        case Op::tags_any:
        case Op::tags_all:
        case Op::tags_none:
        case Op::missed_any:
            return 2;
        case Op::kw_any:
        case Op::kw_all:
        case Op::kw_none:
            return 3;
        default:
            return 4;
        }
    }

    std::uint32_t group(Op op, std::string text, const std::vector<std::uint32_t>& children) {
        Node n;
        n.op = op;
        n.text = std::move(text);
        n.begin = static_cast<std::uint32_t>(impl_.lists.size());
        impl_.lists.insert(impl_.lists.end(), children.begin(), children.end());
        n.end = static_cast<std::uint32_t>(impl_.lists.size());
        return add(std::move(n));
    }

private:
    void problem(const JsonPath& at, const std::string& message) {
        problems_.add(at.str(), message);
    }

    std::optional<std::uint32_t> one(std::string_view key, JsonView value, const JsonPath& at,
                                     int depth) {
        for (std::uint8_t i = 0; i < 4; ++i)
            if (key == detail::field_names[i])
                return enum_set(i, value, at);
        for (std::uint8_t i = 0; i < 4; ++i)
            if (key == detail::int_names[i])
                return int_range(i, value, at);
        for (std::uint8_t i = 0; i < 3; ++i)
            if (key == detail::pattern_names[i])
                return pattern(i, value, at);
        if (key == "hours_since_received")
            return real_range(value, at);
        if (key == "tags")
            return set_test(value, at, false);
        if (key == "keywords")
            return set_test(value, at, true);
        if (key == "missed")
            return missed(value, at);
        if (key == "received")
            return received(value, at);
        if (key == "all" || key == "any") {
            if (!value.is_array() || value.empty()) {
                problem(at, "expected a non-empty list of conditions");
                return std::nullopt;
            }
            std::vector<std::uint32_t> children;
            for (std::size_t i = 0; i < value.size(); ++i)
                children.push_back(condition(value[i], JsonPath(at, i), depth + 1));
            return group(key == "all" ? Op::all : Op::any, std::string(key), children);
        }
        if (key == "not") {
            const std::uint32_t c = condition(value, at, depth + 1);
            return group(Op::not_, "not", {c});
        }
        problem(at, "unknown condition; expected channel, category, nature, severity, "
                    "reporter_count, repeat_count, unsatisfied_visits, reopens, "
                    "hours_since_received, tags, keywords, missed, received, building, "
                    "unit, subcategory, all, any or not");
        return std::nullopt;
    }

    // A string or a non-empty list of them; views into the document, which outlives compiling.
    std::vector<std::string_view> strings(JsonView value, const JsonPath& at, const char* what) {
        std::vector<std::string_view> out;
        if (value.is_string()) {
            out.push_back(value.str());
        } else if (value.is_array() && !value.empty()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (value[i].is_string())
                    out.push_back(value[i].str());
                else
                    problem(JsonPath(at, i), std::string("expected ") + what);
            }
        } else {
            problem(at, std::string("expected ") + what + " or a non-empty list of them");
        }
        return out;
    }

    // Ends a node's text with its list: "a, b]".
    static void list_text(std::string& text, const std::vector<std::string_view>& items) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i)
                text += ", ";
            text += items[i];
        }
        text += ']';
    }

    std::optional<std::uint32_t> enum_set(std::uint8_t field, JsonView value, const JsonPath& at) {
        Node n;
        n.op = Op::enum_set;
        n.field = field;
        n.text = std::string(detail::field_names[field]) + " in [";
        const auto names = strings(value, at, "a name");
        for (std::size_t i = 0; i < names.size(); ++i) {
            auto code = enum_code(detail::enum_kinds[field], names[i]);
            if (!code) {
                problem(value.is_array() ? JsonPath(at, i) : at,
                        "unknown " + std::string(detail::field_names[field]) + " " +
                            detail::quote(names[i]) + "; expected one of " +
                            enum_names(detail::enum_kinds[field]));
                continue;
            }
            n.mask |= std::uint64_t(1) << *code;
            if (i)
                n.text += ", ";
            n.text += names[i];
        }
        n.text += "]";
        return add(std::move(n));
    }

    // {"gte": a, "lte": b, "gt", "lt", "eq", "between": [a, b]}, or a bare number for eq.
    bool bounds(JsonView value, const JsonPath& at, double& lo, double& hi, bool& lo_strict,
                bool& hi_strict, std::string& text) {
        lo = -std::numeric_limits<double>::infinity();
        hi = std::numeric_limits<double>::infinity();
        lo_strict = hi_strict = false;
        auto number = [&](JsonView v, const JsonPath& where, double& out) {
            if (!v.is_number()) {
                problem(where, "expected a number");
                return false;
            }
            out = v.number();
            return true;
        };
        if (value.is_number()) {
            number(value, at, lo);
            hi = lo;
            text += " = " + value.dump();
            return true;
        }
        if (!value.is_object() || value.empty()) {
            problem(at, "expected a number or an object with eq, gt, gte, lt, lte or between");
            return false;
        }
        bool ok = true;
        for (JsonView v : value) {
            const std::string_view op = v.key();
            const JsonPath oat(at, op);
            double x = 0;
            if (op == "between") {
                double a = 0, b = 0;
                if (!v.is_array() || v.size() != 2 || !number(v[0], oat, a) ||
                    !number(v[1], oat, b) || a > b) {
                    problem(oat, "expected [low, high] with low <= high");
                    ok = false;
                    continue;
                }
                lo = std::max(lo, a);
                hi = std::min(hi, b);
                text += " between [" + v[0].dump() + "," + v[1].dump() + "]";
            } else if (op == "eq" || op == "gt" || op == "gte" || op == "lt" || op == "lte") {
                if (!number(v, oat, x)) {
                    ok = false;
                    continue;
                }
                if (op == "eq") {
                    lo = std::max(lo, x);
                    hi = std::min(hi, x);
                } else if (op == "gt" || op == "gte") {
                    if (x >= lo) {
                        lo = x;
                        lo_strict = op == "gt";
                    }
                } else if (x <= hi) {
                    hi = x;
                    hi_strict = op == "lt";
                }
                text += ' ';
                text += op;
                text += ' ';
                text += v.dump();
            } else {
                problem(oat, "unknown comparison; expected eq, gt, gte, lt, lte or between");
                ok = false;
            }
        }
        return ok;
    }

    std::optional<std::uint32_t> int_range(std::uint8_t field, JsonView value, const JsonPath& at) {
        Node n;
        n.op = Op::int_range;
        n.field = field;
        n.text = detail::int_names[field];
        double lo, hi;
        bool ls, hs;
        if (!bounds(value, at, lo, hi, ls, hs, n.text))
            return std::nullopt;
        // Integers: a strict or fractional bound becomes the next whole number inside it.
        const double l = ls ? std::floor(lo) + 1 : std::ceil(lo);
        const double h = hs ? std::ceil(hi) - 1 : std::floor(hi);
        constexpr double big = 9.0e18;
        n.lo = l < -big ? std::numeric_limits<std::int64_t>::min() : static_cast<std::int64_t>(l);
        n.hi = h > big ? std::numeric_limits<std::int64_t>::max() : static_cast<std::int64_t>(h);
        return add(std::move(n));
    }

    std::optional<std::uint32_t> real_range(JsonView value, const JsonPath& at) {
        Node n;
        n.op = Op::real_range;
        n.text = "hours_since_received";
        if (!bounds(value, at, n.dlo, n.dhi, n.lo_strict, n.hi_strict, n.text))
            return std::nullopt;
        return add(std::move(n));
    }

    static std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& ids,
                                std::string_view s) {
        auto [it, fresh] = ids.emplace(std::string(s), static_cast<std::uint32_t>(ids.size()));
        (void)fresh;
        return it->second;
    }

    std::uint32_t keyword(std::string_view k, const JsonPath& at) {
        if (k.empty() || k.size() > detail::max_keyword_bytes)
            problem(at, "a keyword is 1 to 256 bytes");
        std::string folded(k);
        for (char& c : folded)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c + ('a' - 'A'));
        auto it = keyword_ids_.find(folded);
        if (it != keyword_ids_.end())
            return it->second;
        if (impl_.keywords.size() >= detail::max_keywords) {
            if (!keywords_over_) // once: every keyword after the limit is over it
                problem(at, "more than 10,000 distinct keywords");
            keywords_over_ = true;
            return 0;
        }
        // The automaton grows with the keywords' total length times the distinct bytes they
        // use: bound it, so a hostile rule set cannot ask for gigabytes.
        keyword_bytes_ += folded.size();
        if (keyword_bytes_ > detail::max_keyword_total) {
            if (!keyword_bytes_over_)
                problem(at, "the keywords add up to more than 65,536 bytes");
            keyword_bytes_over_ = true;
            return 0;
        }
        impl_.keywords.push_back(folded);
        const auto id = static_cast<std::uint32_t>(impl_.keywords.size() - 1);
        keyword_ids_.emplace(std::move(folded), id);
        return id;
    }

    // {"any": [...], "all": [...], "none": [...]}, or a list meaning any.
    std::optional<std::uint32_t> set_test(JsonView value, const JsonPath& at, bool keywords) {
        const char* what = keywords ? "keywords" : "tags";
        std::vector<std::pair<std::string_view, JsonView>> parts;
        if (value.is_array() || value.is_string()) {
            parts.emplace_back("any", value);
        } else if (value.is_object() && !value.empty()) {
            for (JsonView v : value)
                parts.emplace_back(v.key(), v);
        } else {
            problem(at, std::string("expected a list of ") + what +
                            " or an object with any, all or none");
            return std::nullopt;
        }
        std::vector<std::uint32_t> children;
        for (const auto& [mode, v] : parts) {
            const JsonPath mat = value.is_object() ? JsonPath(at, mode) : at;
            Node n;
            if (mode == "any")
                n.op = keywords ? Op::kw_any : Op::tags_any;
            else if (mode == "all")
                n.op = keywords ? Op::kw_all : Op::tags_all;
            else if (mode == "none")
                n.op = keywords ? Op::kw_none : Op::tags_none;
            else {
                problem(mat, "unknown mode; expected any, all or none");
                continue;
            }
            n.text = what;
            n.text += ' ';
            n.text += mode;
            n.text += " of [";
            const auto items = strings(v, mat, keywords ? "a keyword" : "a tag");
            n.begin = static_cast<std::uint32_t>(impl_.lists.size());
            for (std::string_view item : items)
                impl_.lists.push_back(keywords ? keyword(item, mat) : intern(impl_.tag_ids, item));
            n.end = static_cast<std::uint32_t>(impl_.lists.size());
            list_text(n.text, items);
            children.push_back(add(std::move(n)));
        }
        if (children.size() == 1)
            return children.front();
        return group(Op::all, what, children);
    }

    std::optional<std::uint32_t> missed(JsonView value, const JsonPath& at) {
        Node n;
        n.op = Op::missed_any;
        n.text = "missed any of [";
        const auto names = strings(value, at, "an SLA target name");
        n.begin = static_cast<std::uint32_t>(impl_.lists.size());
        for (std::string_view name : names)
            impl_.lists.push_back(intern(impl_.missed_ids, name));
        n.end = static_cast<std::uint32_t>(impl_.lists.size());
        list_text(n.text, names);
        return add(std::move(n));
    }

    // {"in": "office"} or {"outside": "office"}: received within a calendar's hours, or not.
    std::optional<std::uint32_t> received(JsonView value, const JsonPath& at) {
        if (!value.is_object() || value.size() != 1 ||
            (!value.contains("in") && !value.contains("outside"))) {
            problem(at, "expected {\"in\": calendar} or {\"outside\": calendar}");
            return std::nullopt;
        }
        const bool inside = value.contains("in");
        const JsonView name = *value.find(inside ? "in" : "outside");
        const JsonPath nat(at, inside ? "in" : "outside");
        if (!name.is_string()) {
            problem(nat, "expected a calendar name");
            return std::nullopt;
        }
        const std::string cal(name.str());
        const Calendar* found = nullptr;
        if (calendars_) {
            auto it = calendars_->find(cal);
            if (it != calendars_->end())
                found = &it->second;
        }
        if (!found && cal != "24x7") {
            problem(nat, "undefined calendar " + detail::quote(cal));
            return std::nullopt;
        }
        Node n;
        n.op = Op::received;
        n.field = inside ? 1 : 0;
        n.begin = static_cast<std::uint32_t>(impl_.calendars.size());
        impl_.calendars.push_back(found ? *found : Calendar());
        n.text = std::string("received ") + (inside ? "in" : "outside") + " the hours of " + cal;
        return add(std::move(n));
    }

    std::optional<std::uint32_t> pattern(std::uint8_t field, JsonView value, const JsonPath& at) {
        Node n;
        n.op = Op::pattern;
        n.field = field;
        n.text = std::string(detail::pattern_names[field]) + " like [";
        const auto pats = strings(value, at, "a pattern");
        n.begin = static_cast<std::uint32_t>(impl_.lists.size());
        for (std::string_view p : pats) {
            impl_.patterns.emplace_back(p);
            impl_.lists.push_back(static_cast<std::uint32_t>(impl_.patterns.size() - 1));
        }
        n.end = static_cast<std::uint32_t>(impl_.lists.size());
        list_text(n.text, pats);
        return add(std::move(n));
    }

    detail::RuleSetImpl& impl_;
    detail::Problems& problems_;
    const std::map<std::string, Calendar, std::less<>>* calendars_;
    std::unordered_map<std::string, std::uint32_t> keyword_ids_;
    std::size_t keyword_bytes_ = 0;
    bool keywords_over_ = false, keyword_bytes_over_ = false;
};

void read_outputs(JsonView v, const JsonPath& at, detail::Row& row, detail::Problems& problems) {
    if (!v.is_object()) {
        problems.add(at.str(), "expected an object of outputs");
        return;
    }
    for (JsonView value : v) {
        const std::string_view key = value.key();
        const JsonPath kat(at, key);
        if (key == "nature")
            row.nature = detail::read_enum<Nature>(value, kat, problems);
        else if (key == "severity")
            row.severity = detail::read_enum<Severity>(value, kat, problems);
        else if (key == "escalate_to")
            row.escalate_to = detail::read_enum<Role>(value, kat, problems);
        else if (key == "visit_method")
            row.visit_method = detail::read_enum<VisitMethod>(value, kat, problems);
        else if (key == "sla_policy") {
            if (value.is_string() && !value.str().empty())
                row.sla_policy = std::string(value.str());
            else
                problems.add(kat.str(), "expected a policy name");
        } else if (key == "tags") {
            if (!value.is_array()) {
                problems.add(kat.str(), "expected a list of tags");
                continue;
            }
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (value[i].is_string() && !value[i].str().empty() &&
                    value[i].str().size() <= Limits::tag)
                    row.tags.emplace_back(value[i].str());
                else
                    problems.add(JsonPath(kat, i).str(), "expected a tag of 1 to 64 bytes");
            }
        } else {
            problems.add(kat.str(), "unknown output; expected nature, severity, sla_policy, "
                                    "escalate_to, visit_method or tags");
        }
    }
}

} // namespace

RuleSet::RuleSet() : impl_(std::make_shared<const detail::RuleSetImpl>()) {}
RuleSet::RuleSet(std::shared_ptr<const detail::RuleSetImpl> impl) : impl_(std::move(impl)) {}

RuleSet RuleSet::from_json(std::string_view text) {
    static const std::map<std::string, Calendar, std::less<>> none;
    return from_json(text, none);
}

RuleSet RuleSet::from_json(std::string_view text,
                           const std::map<std::string, Calendar, std::less<>>& calendars) {
    // Rows are counted while the text is parsed: a document of far too many is refused at the
    // first one over, before the rest is read.
    detail::JsonLimits limits;
    limits.max_values = detail::max_document_values;
    limits.max_key_bytes = detail::max_document_key_bytes;
    limits.counts.push_back({"/sections/*/rows/*", detail::max_rows, "more than 10,000 rows"});
    const detail::JsonTree tree = detail::parse_json_tree(text, limits, "rule set");
    const JsonView doc(tree);
    auto impl = std::make_shared<detail::RuleSetImpl>();
    detail::Problems problems;
    Compiler compile(*impl, problems, &calendars);
    if (!doc.is_object()) {
        problems.add("", "expected an object with sections");
        problems.throw_if_any("rule set");
    }
    // row id -> (section, row) of its first use
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> ids;
    const JsonPath root;
    for (JsonView value : doc) {
        if (value.key() == "repeat_window_days") {
            // Whole days, 1 to 10 years: a window the rules can reason about and a ledger can
            // index; fractions of a day would invite time-zone questions nobody asked.
            const double days = value.is_number() ? value.number() : 0;
            if (!value.is_number() || days != std::floor(days) || days < 1 || days > 3650)
                problems.add("/repeat_window_days", "expected a whole number of days, 1 to 3650");
            else
                impl->repeat_window = static_cast<Duration>(days) * 86400;
            continue;
        }
        if (value.key() != "sections") {
            problems.add(JsonPath(root, value.key()).str(),
                         "unknown key; expected sections or repeat_window_days");
            continue;
        }
        if (!value.is_array()) {
            problems.add("/sections", "expected a list of sections");
            continue;
        }
        const JsonPath sections(root, "sections");
        for (std::size_t si = 0; si < value.size(); ++si) {
            const JsonPath sat(sections, si);
            const JsonView sv = value[si];
            detail::Section section;
            if (!sv.is_object()) {
                problems.add(sat.str(), "expected a section object");
                continue;
            }
            for (JsonView svalue : sv) {
                const std::string_view skey = svalue.key();
                const JsonPath kat(sat, skey);
                if (skey == "name") {
                    if (svalue.is_string())
                        section.name = std::string(svalue.str());
                    else
                        problems.add(kat.str(), "expected a string");
                } else if (skey == "hit") {
                    const std::string_view h = svalue.is_string() ? svalue.str() : "";
                    if (h == "first")
                        section.hit = Hit::first;
                    else if (h == "collect")
                        section.hit = Hit::collect;
                    else if (h == "priority")
                        section.hit = Hit::priority;
                    else
                        problems.add(kat.str(),
                                     "expected a hit policy: first, collect or priority");
                } else if (skey == "rows") {
                    if (!svalue.is_array()) {
                        problems.add(kat.str(), "expected a list of rows");
                        continue;
                    }
                    section.rows.reserve(std::min(svalue.size(), detail::max_rows));
                    for (std::size_t ri = 0; ri < svalue.size(); ++ri) {
                        const JsonPath rat(kat, ri);
                        const JsonView rv = svalue[ri];
                        if (++impl->row_count > detail::max_rows) {
                            problems.add(rat.str(), "more than 10,000 rows");
                            break;
                        }
                        if (!rv.is_object()) {
                            problems.add(rat.str(), "expected a row object");
                            continue;
                        }
                        detail::Row row;
                        bool has_when = false, has_then = false;
                        for (JsonView rval : rv) {
                            const std::string_view rkey = rval.key();
                            const JsonPath at(rat, rkey);
                            if (rkey == "id") {
                                if (rval.is_string() && !rval.str().empty())
                                    row.id = std::string(rval.str());
                                else
                                    problems.add(at.str(), "expected a non-empty id");
                            } else if (rkey == "when") {
                                has_when = true;
                                row.root = compile.condition(rval, at, 0);
                            } else if (rkey == "then") {
                                has_then = true;
                                read_outputs(rval, at, row, problems);
                            } else if (rkey != "description") {
                                problems.add(at.str(), "unknown key; expected id, when, then or "
                                                       "description");
                            }
                        }
                        if (row.id.empty())
                            row.id = section.name + "#" + std::to_string(ri + 1);
                        if (auto [first, fresh] = ids.emplace(row.id, std::make_pair(si, ri));
                            !fresh)
                            problems.add(rat.str() + "/id",
                                         "duplicate row id " + detail::quote(row.id) +
                                             "; first used at /sections/" +
                                             std::to_string(first->second.first) + "/rows/" +
                                             std::to_string(first->second.second));
                        if (!has_when)
                            row.root = compile.group(Op::all, "always", {});
                        {
                            const Node& root_node = impl->nodes[row.root];
                            for (std::uint32_t i = root_node.begin; i < root_node.end; ++i) {
                                const Node& c = impl->nodes[impl->lists[i]];
                                if (c.op == Op::enum_set)
                                    row.enums[c.field] &= c.mask;
                                else if (c.op == Op::int_range && c.field == 0) {
                                    row.reporters_lo = std::max(row.reporters_lo, c.lo);
                                    row.reporters_hi = std::min(row.reporters_hi, c.hi);
                                } else if (c.op == Op::int_range && c.field == 1) {
                                    row.repeats_lo = std::max(row.repeats_lo, c.lo);
                                    row.repeats_hi = std::min(row.repeats_hi, c.hi);
                                }
                            }
                        }
                        if (!has_then)
                            problems.add(rat.str(), "a row needs outputs (then)");
                        if (section.hit == Hit::first && !section.rows.empty()) {
                            // Under first hit, a row is never used when an earlier row matches
                            // whenever it does: compared with the 256 rows before it.
                            const detail::Row* shadow = nullptr;
                            const std::size_t from =
                                section.rows.size() > 256 ? section.rows.size() - 256 : 0;
                            for (std::size_t e = from; e < section.rows.size() && !shadow; ++e)
                                if (detail::subsumes(*impl, section.rows[e], row))
                                    shadow = &section.rows[e];
                            const Node& prev = impl->nodes[section.rows.back().root];
                            if (prev.op == Op::all && prev.begin == prev.end)
                                impl->warnings.push_back(
                                    {rat.str(), "unreachable: the row before it always matches"});
                            else if (shadow)
                                impl->warnings.push_back(
                                    {rat.str(), "unreachable: row " + detail::quote(shadow->id) +
                                                    " before it matches every complaint it "
                                                    "matches"});
                        }
                        section.rows.push_back(std::move(row));
                    }
                } else if (skey != "description") {
                    problems.add(kat.str(), "unknown key; expected name, hit, rows or description");
                }
            }
            if (section.hit == Hit::priority)
                for (std::size_t ri = 0; ri < section.rows.size(); ++ri)
                    if (!section.rows[ri].severity)
                        problems.add(sat.str() + "/rows/" + std::to_string(ri) + "/then",
                                     "a row under the priority hit policy needs a severity");
            if (section.rows.empty())
                impl->warnings.push_back({sat.str(), "the section has no rows"});
            impl->sections.push_back(std::move(section));
        }
    }
    if (!problems.empty()) {
        const detail::PositionIndex index(text);
        problems.throw_if_any("rule set", &index);
    }
    impl->matcher = detail::KeywordMatcher(impl->keywords);
    impl->build_tables();
    detail::build_prefilter(*impl);
    for (auto& s : impl->sections)
        for (auto& r : s.rows)
            r.tag_views.assign(r.tags.begin(), r.tags.end());
    // The text as given; to_json() writes it out normalised when asked.
    impl->source = std::string(text);
    return RuleSet(std::move(impl));
}

namespace {

void take(const detail::Row& row, Decision& out, bool fill_only) {
    auto set = [fill_only](auto& slot, const auto& value) {
        if (value && (!fill_only || !slot))
            slot = *value;
    };
    set(out.nature, row.nature);
    set(out.severity, row.severity);
    if (row.sla_policy && (!fill_only || !out.sla_policy))
        out.sla_policy = std::string_view(*row.sla_policy);
    set(out.escalate_to, row.escalate_to);
    set(out.visit_method, row.visit_method);
    for (std::string_view t : row.tag_views)
        if (std::find(out.tags.begin(), out.tags.end(), t) == out.tags.end())
            out.tags.push_back(t);
    out.matched.push_back(row.id);
}

} // namespace

namespace {

// The candidate rows of every prefiltered section, from the keywords found.
void prepare_candidates(const detail::RuleSetImpl& impl, detail::Scratch& s) {
    s.candidates.resize(impl.candidate_words);
    for (const auto& section : impl.sections)
        if (section.prefiltered)
            std::copy(section.always.begin(), section.always.end(),
                      s.candidates.begin() + static_cast<std::ptrdiff_t>(section.word_offset));
    for (std::size_t w = 0; w < s.keywords.size(); ++w)
        for (std::uint64_t b = s.keywords[w]; b; b &= b - 1) {
            const std::size_t k = w * 64 + static_cast<std::size_t>(detail::lowest_bit(b));
            for (std::uint32_t e = impl.kw_rows_begin[k]; e < impl.kw_rows_begin[k + 1]; ++e)
                s.candidates[impl.kw_rows[e].first] |= std::uint64_t(1) << impl.kw_rows[e].second;
        }
}

// Sections apply in order; a later section's outputs replace an earlier one's, tags add up.
// Within `collect`, the first matching row that sets an output gives it (table order).
// `found`, when given, holds the keywords already found in the content.
// `work` is the calling thread's (below); taken once per batch, not per complaint, since a
// thread-local costs a call when the library is a shared one.
struct Work {
    detail::Scratch scratch;
    Decision part; // a collect section's outputs, filled row by row, then laid over `out`
    std::vector<std::uint64_t> found; // the keywords of a batch's chunk of complaints
};
Work& thread_work() {
    thread_local Work work; // keeps the buffers' capacity between calls
    return work;
}

void classify_impl(const detail::RuleSetImpl& impl, const Facts& facts, const std::uint64_t* found,
                   Decision& out, Work& work) {
    out.clear();
    detail::Scratch& reuse = work.scratch;
    reuse.keywords_done = reuse.tags_done = reuse.missed_done = false;
    if (found) {
        reuse.keywords.assign(found, found + (impl.keywords.size() + 63) / 64);
        reuse.keywords_done = true;
    }
    if (impl.candidate_words) {
        impl.keywords_of(facts, reuse);
        prepare_candidates(impl, reuse);
    }
    auto matches = [&](const detail::Row& row) {
        return row.may_match(facts) && impl.eval(row.root, facts, reuse);
    };
    for (const auto& section : impl.sections) {
        switch (section.hit) {
        case Hit::first:
            detail::each_row(section, reuse, [&](const detail::Row& row) {
                if (!matches(row))
                    return false;
                take(row, out, false);
                return true;
            });
            break;
        case Hit::collect: {
            Decision& part = work.part;
            bool any = false;
            detail::each_row(section, reuse, [&](const detail::Row& row) {
                if (matches(row)) {
                    if (!any)
                        part.clear();
                    take(row, part, true);
                    any = true;
                }
                return false;
            });
            if (any) {
                if (part.nature)
                    out.nature = part.nature;
                if (part.severity)
                    out.severity = part.severity;
                if (part.sla_policy)
                    out.sla_policy = part.sla_policy;
                if (part.escalate_to)
                    out.escalate_to = part.escalate_to;
                if (part.visit_method)
                    out.visit_method = part.visit_method;
                for (auto t : part.tags)
                    if (std::find(out.tags.begin(), out.tags.end(), t) == out.tags.end())
                        out.tags.push_back(t);
                out.matched.insert(out.matched.end(), part.matched.begin(), part.matched.end());
            }
            break;
        }
        case Hit::priority: {
            const detail::Row* best = nullptr;
            detail::each_row(section, reuse, [&](const detail::Row& row) {
                if ((!best || *row.severity < *best->severity) && matches(row))
                    best = &row;
                return false;
            });
            if (best)
                take(*best, out, false);
            break;
        }
        }
    }
}

} // namespace

void RuleSet::classify(const Facts& facts, Decision& out) const {
    classify_impl(*impl_, facts, nullptr, out, thread_work());
}

// Content is scanned for keywords a chunk of complaints at a time, side by side.
void RuleSet::classify_many(const Facts* facts, std::size_t n, Decision* out) const {
    const detail::RuleSetImpl& impl = *impl_;
    Work& work = thread_work();
    if (impl.candidate_words == 0 || impl.keywords.empty()) {
        for (std::size_t i = 0; i < n; ++i)
            classify_impl(impl, facts[i], nullptr, out[i], work);
        return;
    }
    constexpr std::size_t chunk = 512;
    const std::size_t words = (impl.keywords.size() + 63) / 64;
    std::vector<std::uint64_t>& found = work.found;
    std::string_view texts[chunk];
    for (std::size_t base = 0; base < n; base += chunk) {
        const std::size_t k = std::min(chunk, n - base);
        // The facts a little further on are asked for meanwhile, so that the loop finds them in
        // the cache instead of waiting for each in turn.
        constexpr std::size_t ahead = 32;
        for (std::size_t i = 0; i < k; ++i) {
            if (base + i + ahead < n)
                for (std::size_t at = 0; at < sizeof(Facts); at += 64)
                    detail::prefetch(reinterpret_cast<const char*>(facts + base + i + ahead) + at);
            texts[i] = facts[base + i].content;
        }
        found.assign(k * words, 0);
        impl.matcher.scan_many(texts, k, found.data(), words);
        for (std::size_t i = 0; i < k; ++i)
            classify_impl(impl, facts[base + i], found.data() + i * words, out[base + i], work);
    }
}

Decision RuleSet::classify(const Facts& facts) const {
    Decision d;
    classify(facts, d);
    return d;
}

Explanation RuleSet::explain(const Facts& facts) const {
    Explanation ex;
    const Decision d = classify(facts);
    detail::Scratch scratch;
    for (const auto& section : impl_->sections)
        for (const auto& row : section.rows) {
            RowExplanation r;
            r.section = section.name;
            r.id = row.id;
            r.matched = impl_->eval(row.root, facts, scratch);
            r.decided = std::find(d.matched.begin(), d.matched.end(), row.id) != d.matched.end();
            if (!r.matched)
                r.failed = impl_->why_not(row.root, facts, scratch);
            ex.rows.push_back(std::move(r));
        }
    return ex;
}

std::string Explanation::text() const {
    std::string out;
    for (const auto& r : rows) {
        out += (r.section.empty() ? "" : r.section + " ") + r.id + ": ";
        out += r.decided ? "decided" : r.matched ? "matched, not used" : "no: " + r.failed;
        out += "\n";
    }
    return out;
}

const std::vector<Warning>& RuleSet::warnings() const noexcept {
    return impl_->warnings;
}
std::size_t RuleSet::row_count() const noexcept {
    return impl_->row_count;
}
Duration RuleSet::repeat_window() const noexcept {
    return impl_->repeat_window;
}
const std::vector<std::string>& RuleSet::keywords() const noexcept {
    return impl_->keywords;
}
void RuleSet::find_keywords(std::string_view text, std::vector<std::uint32_t>& out) const {
    out.clear();
    const std::size_t words = (impl_->keywords.size() + 63) / 64;
    if (words == 0)
        return;
    thread_local std::vector<std::uint64_t> found;
    found.assign(words, 0);
    impl_->matcher.scan(text, found.data());
    for (std::size_t w = 0; w < words; ++w)
        for (std::uint64_t b = found[w]; b; b &= b - 1)
            out.push_back(static_cast<std::uint32_t>(
                w * 64 + static_cast<std::size_t>(detail::lowest_bit(b))));
}
void RuleSet::count_keywords(const std::string_view* texts, std::size_t n,
                             std::size_t* counts) const {
    const std::size_t words = (impl_->keywords.size() + 63) / 64;
    if (words == 0)
        return;
    constexpr std::size_t chunk = 512;
    thread_local std::vector<std::uint64_t> found;
    for (std::size_t base = 0; base < n; base += chunk) {
        const std::size_t k = std::min(chunk, n - base);
        found.assign(k * words, 0);
        impl_->matcher.scan_many(texts + base, k, found.data(), words);
        for (std::size_t i = 0; i < k * words; ++i)
            for (std::uint64_t b = found[i]; b; b &= b - 1)
                ++counts[(i % words) * 64 + static_cast<std::size_t>(detail::lowest_bit(b))];
    }
}
std::string RuleSet::to_json() const {
    if (impl_->source.empty())
        return R"({"sections":[]})";
    // Normalised on demand (compact, keys sorted): compiling never pays for it.
    const detail::JsonTree tree =
        detail::parse_json_tree(impl_->source, detail::JsonLimits{}, "rule set");
    return detail::JsonView(tree).dump();
}

Facts Facts::of(const Complaint& c, Instant now) {
    Facts f;
    f.channel = c.channel();
    f.category = c.category();
    f.nature = c.nature();
    f.severity = c.severity();
    f.building = c.building();
    f.unit = c.unit();
    f.subcategory = c.subcategory();
    f.content = c.content();
    f.tags.assign(c.tags().begin(), c.tags().end());
    f.reporter_count = c.reporter_count();
    f.received = c.received();
    f.hours_since_received = detail::hours_between(c.received(), now);
    for (const Event& e : c.events()) {
        if (e.at > now)
            break;
        if (e.type == EventType::unsatisfied)
            ++f.unsatisfied_visits;
        if (e.type == EventType::reopen)
            ++f.reopens;
    }
    return f;
}

PLAINT_END_NAMESPACE
