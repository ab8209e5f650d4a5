// Evaluating a compiled rule set against the facts of a complaint: the conditions, the row
// prefilter on keywords, the hit policies of sections (classify, one or many), explanations, and
// the facts read off a complaint.
#include "plaint/rules.hpp"

#include "bits.hpp"
#include "rules_detail.hpp"
#include "rules_impl.hpp"

#include <algorithm>

PLAINT_BEGIN_NAMESPACE
namespace detail {

namespace {

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

} // namespace

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

namespace {

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
        case 4:
            code = f.kind ? static_cast<std::int32_t>(*f.kind) : 0;
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
                                  : node.field == 3 ? static_cast<std::int32_t>(f.severity)
                                  : f.kind          ? static_cast<std::int32_t>(*f.kind)
                                                    : 0;
        seen = node.field == 4 && !f.kind
                   ? std::string("not stated")
                   : std::string(enum_name(enum_kinds[node.field], code).value_or("?"));
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
    set(out.kind, row.kind);
    if (row.team && (!fill_only || !out.team))
        out.team = std::string_view(*row.team);
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
                if (part.kind)
                    out.kind = part.kind;
                if (part.team)
                    out.team = part.team;
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

namespace {
// "電梯 as 电梯" when the content wrote the keyword otherwise than the profile (ASCII case aside).
std::string keyword_as(const std::string& keyword, std::string_view form) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    const bool same = form.size() == keyword.size() &&
                      std::equal(form.begin(), form.end(), keyword.begin(),
                                 [&](char a, char b) { return lower(a) == lower(b); });
    return same || form.data() == nullptr ? keyword : std::string(form) + " as " + keyword;
}
} // namespace

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
            if (!r.matched) {
                r.failed = impl_->why_not(row.root, facts, scratch);
            } else {
                std::vector<std::uint32_t> found;
                impl_->found_keywords(row.root, facts, scratch, found);
                for (const std::uint32_t k : found)
                    r.keywords.push_back(
                        keyword_as(impl_->keywords[k], impl_->matcher.where(k, facts.content)));
            }
            ex.rows.push_back(std::move(r));
        }
    return ex;
}

std::string Explanation::text() const {
    std::string out;
    for (const auto& r : rows) {
        out += (r.section.empty() ? "" : r.section + " ") + r.id + ": ";
        out += r.decided ? "decided" : r.matched ? "matched, not used" : "no: " + r.failed;
        for (std::size_t i = 0; i < r.keywords.size(); ++i)
            out += (i == 0 ? " (keywords: " : ", ") + r.keywords[i] +
                   (i + 1 == r.keywords.size() ? ")" : "");
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
bool RuleSet::folds_keywords() const noexcept {
    return impl_->fold_keywords;
}
const std::vector<std::string>& RuleSet::keyword_forms(std::size_t k) const {
    if (k >= impl_->keywords.size())
        throw error(errc::out_of_range, "keyword index " + std::to_string(k) + " out of range");
    return impl_->matcher.forms(k);
}
std::string_view RuleSet::keyword_match(std::size_t k, std::string_view text) const {
    if (k >= impl_->keywords.size())
        throw error(errc::out_of_range, "keyword index " + std::to_string(k) + " out of range");
    return impl_->matcher.where(k, text);
}
std::size_t RuleSet::keyword_memory() const noexcept {
    return impl_->matcher.memory();
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

Facts Facts::of(const Complaint& c, Instant now) {
    Facts f;
    f.channel = c.channel();
    f.category = c.category();
    f.nature = c.nature();
    f.severity = c.severity();
    f.kind = c.stated_kind();
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
