// The compiled form of a rule set, shared by compiling it (src/rules_compile.cpp) and evaluating
// it (src/rules_eval.cpp): condition nodes, rows, sections, and the per-thread scratch of one
// evaluation. Not installed.
#pragma once

#include "plaint/rules.hpp"

#include "keywords.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

enum class Op : std::uint8_t {
    all,
    any,
    not_,
    enum_set,   // field: 0 channel, 1 category, 2 nature, 3 severity, 4 kind (0 when unstated)
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
    std::array<std::uint64_t, 5> enums{~std::uint64_t(0), ~std::uint64_t(0), ~std::uint64_t(0),
                                       ~std::uint64_t(0), ~std::uint64_t(0)};
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
               has(enums[3], f.severity) && has(enums[4], f.kind ? *f.kind : Kind{}) &&
               f.reporter_count >= reporters_lo && f.reporter_count <= reporters_hi &&
               f.repeat_count >= repeats_lo && f.repeat_count <= repeats_hi;
    }
    std::optional<Nature> nature;
    std::optional<Severity> severity;
    std::optional<std::string> sla_policy;
    std::optional<Role> escalate_to;
    std::optional<VisitMethod> visit_method;
    std::optional<Kind> kind;
    std::optional<std::string> team;
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

const char* const field_names[] = {"channel", "category", "nature", "severity", "kind"};
const char* const int_names[] = {"reporter_count", "repeat_count", "unsatisfied_visits", "reopens"};
const char* const pattern_names[] = {"building", "unit", "subcategory"};
const EnumKind enum_kinds[] = {EnumKind::channel, EnumKind::category, EnumKind::nature,
                               EnumKind::severity, EnumKind::kind};

// Per-thread scratch for one evaluation: found keywords and tags, computed when first needed.
struct Scratch {
    std::vector<std::uint64_t> keywords, tags, missed;
    std::vector<std::uint64_t> candidates; // rows worth evaluating, per prefiltered section
    bool keywords_done = false, tags_done = false, missed_done = false;
};

class RuleSetImpl {
public:
    std::vector<Section> sections;
    std::vector<Node> nodes;
    std::vector<std::uint32_t> lists; // child indices, keyword ids, tag ids, pattern ids
    std::vector<std::string> patterns;
    std::vector<std::string> keywords;           // as first written
    std::vector<std::vector<std::string>> forms; // of each keyword, until the matcher has them
    bool fold_keywords = true;                   // "fold_keywords" of the rules object
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
    // The keywords that node n's `keywords any` and `all` conditions (outside `not`) find.
    void found_keywords(std::uint32_t n, const Facts& f, Scratch& s,
                        std::vector<std::uint32_t>& out) const {
        const Node& node = nodes[n];
        if (node.op == Op::all || node.op == Op::any) {
            for (std::uint32_t i = node.begin; i < node.end; ++i)
                found_keywords(lists[i], f, s, out);
        } else if (node.op == Op::kw_any || node.op == Op::kw_all) {
            ensure_keywords(f, s);
            for (std::uint32_t i = node.begin; i < node.end; ++i)
                if (has(s.keywords, lists[i]) &&
                    std::find(out.begin(), out.end(), lists[i]) == out.end())
                    out.push_back(lists[i]);
        }
    }

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
    // Kept out of line, as GCC kept it while these types were private to one file: inlined into
    // the recursive eval, it made classifying the peers' work (bench_rules) some 4% slower.
    [[gnu::noinline]] static void
    ensure_set(const std::vector<std::pair<std::string, std::uint32_t>>& ids,
               const std::vector<std::string_view>& values, std::vector<std::uint64_t>& bits,
               bool& done) {
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

// Sets up the row prefilter of a compiled rule set (src/rules_eval.cpp), once its keywords are
// all known.
void build_prefilter(RuleSetImpl& impl);

} // namespace detail
PLAINT_END_NAMESPACE
