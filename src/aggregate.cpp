// Grouped satisfaction scores (DOMAIN.md §6, issue 5 "Aggregation" and "Performance").
//
// One pass over the rows, in blocks of 64K rows. For each block: (1) every row's group id, from
// its key tuple through a direct table (when the keys' ranges multiply to few cells) or a hash
// table; (2) column after column, per-group counts per level, one table look-up and one
// increment per answer; (3) for each index, the rows' weighted composites and their per-group
// sum and sum of squares. The statistics are then derived per group from the counts by
// satisfaction.hpp's *_of_counts functions, so grouped figures are exactly the ungrouped ones
// applied to each group.
//
// Measured alternatives (tests/bench/bench_satisfaction.cpp, BM_kernel_*, and A/B builds on the
// peers' work, 10M rows, 12,000 groups, 2-core EPYC, best of 10): storing every row's group id
// (40 MB) and counting whole columns was no faster than the blocks and costs 4 bytes a row;
// one fused loop over a row's six columns counted in 57 ms against the blocks' 70 ms (ids
// included, which the fused kernel had for free), too little to give up a tight loop per
// column of any scale; blocks of 4K rows took 153 ms against 122–128 ms with 64K (a column's
// 336 KB of counters stay in L2 through its loop); composites by per-column table look-ups took
// about 60 ms more than the linear form used here; all columns' counters side by side per
// group gained nothing.
#include "plaint/aggregate.hpp"
#include "plaint/error.hpp"

#include "error_detail.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>
#include <numeric>
#include <string>
#include <unordered_map>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace satisfaction {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint32_t no_group = std::numeric_limits<std::uint32_t>::max();
// Keys whose ranges multiply to at most this many cells (and no more cells than rows) are
// mapped to groups through a table indexed by cell: 4 bytes a cell, 64 MB at most.
constexpr std::uint64_t max_direct_cells = std::uint64_t{1} << 24;
constexpr std::uint64_t min_direct_cells = 65536;
// Slots of a column's per-group counters: 0 missing, 1..levels the levels, then one slot that
// counts answers outside the scale, so the counting loop needs no branch.
constexpr std::size_t missing_slot = 0;

using Keys = std::array<std::int32_t, max_keys>;

std::string key_label(std::size_t i, const std::string& name) {
    return name.empty() ? "key column " + std::to_string(i)
                        : "key column " + plaint::detail::quote(name);
}

std::string score_label(std::size_t i, const std::string& name) {
    return name.empty() ? "score column " + std::to_string(i)
                        : "score column " + plaint::detail::quote(name);
}

std::string scale_text(Scale s) {
    return std::to_string(s.lowest) + ".." + std::to_string(s.highest);
}

std::size_t level_count(Scale s) {
    return static_cast<std::size_t>(s.highest - s.lowest) + 1;
}

// ---- checks (all before any pass over the rows) ----

std::size_t check_shape(const std::vector<KeyColumn>& keys,
                        const std::vector<ScoreColumn>& scores) {
    if (keys.size() > max_keys)
        throw error(errc::invalid_argument, "at most " + std::to_string(max_keys) +
                                                " key columns can be grouped by, got " +
                                                std::to_string(keys.size()));
    bool have = false;
    std::size_t rows = 0;
    std::string first;
    auto check = [&](const std::string& label, const void* data, std::size_t size) {
        if (data == nullptr && size > 0)
            throw error(errc::invalid_argument,
                        label + " is NULL with " + std::to_string(size) + " rows");
        if (!have) {
            have = true;
            rows = size;
            first = label;
        } else if (size != rows) {
            throw error(errc::invalid_argument, label + " has " + std::to_string(size) +
                                                    " rows but " + first + " has " +
                                                    std::to_string(rows));
        }
    };
    for (std::size_t i = 0; i < keys.size(); ++i)
        check(key_label(i, keys[i].name), keys[i].data, keys[i].size);
    for (std::size_t i = 0; i < scores.size(); ++i)
        check(score_label(i, scores[i].name), scores[i].data, scores[i].size);
    return rows;
}

void check_score_column(std::size_t i, const ScoreColumn& c) {
    const Scale s = c.scale;
    // Answers are int8_t with −1 reserved for `missing`: levels must be within 0..127.
    if (!(s.lowest >= 0 && s.lowest < s.highest && s.highest <= 127))
        throw error(errc::invalid_argument, score_label(i, c.name) + " has the scale " +
                                                scale_text(s) +
                                                "; a score column's scale must lie within "
                                                "0..127 with lowest < highest");
    if (c.satisfied != 0) {
        if (s.highest > 63)
            throw error(errc::invalid_argument,
                        score_label(i, c.name) + " asks for a satisfaction rate on the scale " +
                            scale_text(s) + "; that needs a scale within 0..63");
        for (int k = 0; k < 64; ++k)
            if ((c.satisfied >> k & 1) && (k < s.lowest || k > s.highest))
                throw error(errc::invalid_argument, score_label(i, c.name) + ": satisfied level " +
                                                        std::to_string(k) +
                                                        " is outside the scale " + scale_text(s));
    }
    if (c.nps && !(s.lowest == 0 && s.highest == 10))
        throw error(errc::invalid_argument, score_label(i, c.name) +
                                                " asks for an NPS on the scale " + scale_text(s) +
                                                "; NPS needs the scale 0..10");
}

void check_index(std::size_t i, const IndexSpec& x, const std::vector<ScoreColumn>& scores) {
    const std::string label =
        x.name.empty() ? "index " + std::to_string(i) : "index " + plaint::detail::quote(x.name);
    if (x.columns.empty())
        throw error(errc::invalid_argument, label + " has no columns");
    if (x.weights.size() != x.columns.size())
        throw error(errc::invalid_argument, label + " has " + std::to_string(x.weights.size()) +
                                                " weights for " + std::to_string(x.columns.size()) +
                                                " columns");
    double sum = 0;
    for (std::size_t j = 0; j < x.columns.size(); ++j) {
        const std::size_t c = x.columns[j];
        if (c >= scores.size())
            throw error(errc::invalid_argument, label + " uses score column " + std::to_string(c) +
                                                    " but there are " +
                                                    std::to_string(scores.size()));
        for (std::size_t k = 0; k < j; ++k)
            if (x.columns[k] == c)
                throw error(errc::invalid_argument,
                            label + " uses " + score_label(c, scores[c].name) + " twice");
        const double w = x.weights[j];
        if (!std::isfinite(w) || w < 0)
            throw error(errc::invalid_argument, label + ": the weight of " +
                                                    score_label(c, scores[c].name) +
                                                    " must be finite and non-negative");
        sum += w;
        if (x.units == IndexUnits::scale &&
            (scores[c].scale.lowest != scores[x.columns[0]].scale.lowest ||
             scores[c].scale.highest != scores[x.columns[0]].scale.highest))
            throw error(errc::invalid_argument,
                        label + " is in scale units but its columns have different scales (" +
                            scale_text(scores[x.columns[0]].scale) + " and " +
                            scale_text(scores[c].scale) + ")");
    }
    if (!(sum > 0) || !std::isfinite(sum))
        throw error(errc::invalid_argument, label + "'s weights must have a positive, finite sum");
    if (x.units != IndexUnits::percent && x.units != IndexUnits::scale)
        throw error(errc::invalid_argument,
                    label + " has unknown units " + std::to_string(static_cast<int>(x.units)));
}

// ---- group ids ----

std::uint64_t mix(std::uint64_t h) { // MurmurHash3's 64-bit finaliser
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

std::uint64_t hash_keys(const Keys& k) {
    const std::uint64_t a = static_cast<std::uint32_t>(k[0]) |
                            static_cast<std::uint64_t>(static_cast<std::uint32_t>(k[1])) << 32;
    return mix(a ^ mix(static_cast<std::uint32_t>(k[2]) + 0x9e3779b97f4a7c15ULL));
}

bool same_keys(const Keys& a, const Keys& b) { // no memcmp call, unlike std::array's ==
    return a[0] == b[0] && a[1] == b[1] && a[2] == b[2];
}

// A slot of the open-addressing table holds its keys, so a probe touches one cache line.
struct HashSlot {
    Keys keys;
    std::uint32_t id;
};

// Maps rows to dense group ids, numbered in order of first appearance (the keys of group g are
// keys[g]). Keys whose ranges multiply to few cells go through a table indexed by cell, the
// mixed-radix number of the keys' offsets from their minima; others through a hash table.
class GroupMap {
public:
    GroupMap(const std::vector<KeyColumn>& columns, std::size_t rows) : count_(columns.size()) {
        if (count_ == 0) { // every row in one group, counted as `lanes` groups
            keys.assign(lanes, Keys{0, 0, 0});
            return;
        }
        std::uint64_t cells = 1;
        for (std::size_t j = 0; j < count_; ++j) {
            const std::int32_t* k = columns[j].data;
            k_[j] = k;
            std::int32_t mn = k[0], mx = k[0];
            for (std::size_t i = 1; i < rows; ++i) { // vectorised, unlike std::minmax_element
                mn = std::min(mn, k[i]);
                mx = std::max(mx, k[i]);
            }
            const auto width = static_cast<std::uint64_t>(static_cast<std::int64_t>(mx) -
                                                          static_cast<std::int64_t>(mn)) +
                               1;
            lo_[j] = static_cast<std::uint32_t>(mn);
            span_[j] = static_cast<std::uint32_t>(std::min<std::uint64_t>(width, no_group));
            cells = std::min(cells * width, max_direct_cells + 1); // saturates, never overflows
        }
        direct_ =
            cells <= max_direct_cells && cells <= std::max<std::uint64_t>(rows, min_direct_cells);
        if (direct_)
            table_.assign(static_cast<std::size_t>(cells), no_group);
        else
            slots_.assign(1024, HashSlot{{0, 0, 0}, no_group});
    }

    // The group ids of rows begin..begin + n − 1, into out[0..n − 1].
    void map(std::size_t begin, std::size_t n, std::uint32_t* out) {
        switch (count_) {
        case 0:
            for (std::size_t i = 0; i < n; ++i)
                out[i] = static_cast<std::uint32_t>((begin + i) % lanes);
            break;
        case 1:
            direct_ ? map_direct<1>(begin, n, out) : map_hashed<1>(begin, n, out);
            break;
        case 2:
            direct_ ? map_direct<2>(begin, n, out) : map_hashed<2>(begin, n, out);
            break;
        default:
            direct_ ? map_direct<3>(begin, n, out) : map_hashed<3>(begin, n, out);
            break;
        }
    }

    // Without keys, rows go round-robin to this many copies of the one group, which are merged
    // at the end: consecutive increments then rarely hit the same counter, whose chain of
    // dependent read-modify-writes would otherwise bound the speed.
    static constexpr std::size_t lanes = 4;

    std::vector<Keys> keys;

private:
    template <std::size_t K>
    Keys keys_at(std::size_t i) const {
        Keys out{0, 0, 0};
        for (std::size_t j = 0; j < K; ++j)
            out[j] = k_[j][i];
        return out;
    }

    std::uint32_t add(const Keys& k) {
        if (keys.size() >= no_group - 1)
            throw error(errc::too_large, "more than " + std::to_string(no_group - 1) + " groups");
        keys.push_back(k);
        return static_cast<std::uint32_t>(keys.size() - 1);
    }

    template <std::size_t K>
    void map_direct(std::size_t begin, std::size_t n, std::uint32_t* out) {
        std::uint32_t* cells = table_.data();
        for (std::size_t i = begin; i < begin + n; ++i) {
            std::uint32_t cell = static_cast<std::uint32_t>(k_[0][i]) - lo_[0];
            if constexpr (K > 1)
                cell = cell * span_[1] + (static_cast<std::uint32_t>(k_[1][i]) - lo_[1]);
            if constexpr (K > 2)
                cell = cell * span_[2] + (static_cast<std::uint32_t>(k_[2][i]) - lo_[2]);
            std::uint32_t id = cells[cell];
            if (id == no_group)
                id = cells[cell] = add(keys_at<K>(i));
            *out++ = id;
        }
    }

    template <std::size_t K>
    void map_hashed(std::size_t begin, std::size_t n, std::uint32_t* out) {
        for (std::size_t i = begin; i < begin + n; ++i) {
            const Keys key = keys_at<K>(i);
            std::size_t s = hash_keys(key) & (slots_.size() - 1);
            while (slots_[s].id != no_group && !same_keys(slots_[s].keys, key))
                s = (s + 1) & (slots_.size() - 1);
            if (slots_[s].id == no_group) {
                slots_[s] = HashSlot{key, add(key)};
                *out++ = slots_[s].id;
                if (2 * keys.size() > slots_.size())
                    grow();
                continue;
            }
            *out++ = slots_[s].id;
        }
    }

    void grow() { // at most half full
        std::vector<HashSlot> bigger(2 * slots_.size(), HashSlot{{0, 0, 0}, no_group});
        const std::size_t mask = bigger.size() - 1;
        for (const HashSlot& h : slots_) {
            if (h.id == no_group)
                continue;
            std::size_t t = hash_keys(h.keys) & mask;
            while (bigger[t].id != no_group)
                t = (t + 1) & mask;
            bigger[t] = h;
        }
        slots_.swap(bigger);
    }

    std::size_t count_;
    const std::int32_t* k_[max_keys] = {nullptr, nullptr, nullptr};
    std::uint32_t lo_[max_keys] = {0, 0, 0};
    std::uint32_t span_[max_keys] = {1, 1, 1};
    bool direct_ = false;
    std::vector<std::uint32_t> table_;
    std::vector<HashSlot> slots_;
};

// ---- counts per level ----

// slot[byte] for an answer byte: missing → 0, level lowest + i → 1 + i, anything else → the
// last slot, so counting needs no branch and out-of-scale answers are found afterwards.
std::array<std::uint8_t, 256> slot_table(Scale s) {
    std::array<std::uint8_t, 256> t{};
    t.fill(static_cast<std::uint8_t>(level_count(s) + 1));
    t[static_cast<std::uint8_t>(missing)] = missing_slot;
    for (int v = s.lowest; v <= s.highest; ++v)
        t[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>(v - s.lowest + 1);
    return t;
}

template <typename Count>
void count_block(const std::int8_t* x, const std::uint32_t* id, std::size_t n,
                 const std::uint8_t* slot, std::size_t stride, Count* counts) {
    for (std::size_t i = 0; i < n; ++i)
        ++counts[id[i] * stride + slot[static_cast<std::uint8_t>(x[i])]];
}

// The first row of a column whose answer is neither a level nor missing; the counts said there
// is one.
[[noreturn]] void report_out_of_scale(std::size_t i, const ScoreColumn& c, std::size_t rows,
                                      std::uint64_t bad) {
    const auto slot = slot_table(c.scale);
    const auto invalid = static_cast<std::uint8_t>(level_count(c.scale) + 1);
    std::size_t r = 0;
    while (r < rows && slot[static_cast<std::uint8_t>(c.data[r])] != invalid)
        ++r;
    const int v = r < rows ? c.data[r] : 0;
    throw error(errc::out_of_range,
                score_label(i, c.name) + " row " + std::to_string(r) + ": answer " +
                    std::to_string(v) + " is neither a level of the scale " + scale_text(c.scale) +
                    " nor missing (" + std::to_string(missing) + ")" +
                    (bad > 1 ? " (" + std::to_string(bad) + " such answers in the column)" : ""));
}

// ---- indices ----

struct IndexSums {
    double shift; // the group's first composite: deviations from it keep the one-pass sum of
                  // squares well conditioned, and exactly 0 when every composite is the same
    double sum;
    double squares;
    std::uint64_t n;
};

// Each answer enters a composite linearly, as factor · x (+ a constant on 0..100), so composites
// are formed with arithmetic that vectorises rather than with table look-ups.
struct IndexPlan {
    std::vector<const std::int8_t*> data;
    std::vector<double> factor;       // per column: normalised weight (· 100/(highest − lowest))
    std::vector<std::uint8_t> lowest; // per column: x is answered when 0 ≤ x − lowest ≤ width
    std::vector<std::uint8_t> width;
    double offset = 0;          // on 0..100: −Σ factor · lowest
    double low = 0, high = 100; // the composite's scale, for MeanScore::percent
};

IndexPlan index_plan(const IndexSpec& x, const std::vector<ScoreColumn>& scores) {
    IndexPlan p;
    double total = 0;
    for (const double w : x.weights)
        total += w;
    for (std::size_t j = 0; j < x.columns.size(); ++j) {
        const ScoreColumn& c = scores[x.columns[j]];
        const double w = x.weights[j] / total;
        const double f =
            x.units == IndexUnits::scale ? w : w * 100.0 / (c.scale.highest - c.scale.lowest);
        p.data.push_back(c.data);
        p.factor.push_back(f);
        p.lowest.push_back(static_cast<std::uint8_t>(c.scale.lowest));
        p.width.push_back(static_cast<std::uint8_t>(c.scale.highest - c.scale.lowest));
        if (x.units == IndexUnits::percent)
            p.offset -= f * c.scale.lowest;
    }
    if (x.units == IndexUnits::scale) {
        p.low = scores[x.columns[0]].scale.lowest;
        p.high = scores[x.columns[0]].scale.highest;
    }
    return p;
}

// Composites of a block of rows, formed column after column (any number of columns), then added
// to their groups. In scale units a composite is Σ wⱼ·xⱼ summed in column order, the very
// operations of the peer's pandas expression.
void sum_index_block(const IndexPlan& p, std::size_t base, std::size_t n, const std::uint32_t* id,
                     double* composite, std::uint8_t* answered, IndexSums* sums) {
    for (std::size_t j = 0; j < p.data.size(); ++j) {
        const std::int8_t* x = p.data[j] + base;
        const double f = p.factor[j];
        const std::uint8_t lo = p.lowest[j], width = p.width[j];
        if (j == 0) {
            for (std::size_t i = 0; i < n; ++i) {
                composite[i] = f * static_cast<double>(x[i]);
                answered[i] = static_cast<std::uint8_t>(x[i]) - lo <= width;
            }
        } else {
            for (std::size_t i = 0; i < n; ++i) {
                composite[i] += f * static_cast<double>(x[i]);
                answered[i] &= static_cast<std::uint8_t>(
                    static_cast<std::uint8_t>(static_cast<std::uint8_t>(x[i]) - lo) <= width);
            }
        }
    }
    if (p.offset != 0)
        for (std::size_t i = 0; i < n; ++i)
            composite[i] += p.offset;
    for (std::size_t i = 0; i < n; ++i) {
        if (!answered[i])
            continue;
        IndexSums& s = sums[id[i]];
        if (s.n == 0)
            s.shift = composite[i];
        const double d = composite[i] - s.shift;
        s.sum += d;
        s.squares += d * d;
        ++s.n;
    }
}

// Sums of two sets of composites, with b's deviations moved to a's shift.
IndexSums merge(IndexSums a, const IndexSums& b) {
    if (b.n == 0)
        return a;
    if (a.n == 0)
        return b;
    const double delta = b.shift - a.shift, bn = static_cast<double>(b.n);
    a.squares += b.squares + 2 * delta * b.sum + bn * delta * delta;
    a.sum += b.sum + bn * delta;
    a.n += b.n;
    return a;
}

// The t interval of the mean of the respondents' composites, as mean_of_counts gives it for a
// column. Quantiles are cached by degrees of freedom: groups of similar size share them.
class IndexStats {
public:
    explicit IndexStats(double confidence) : p_(0.5 + confidence / 2) {}

    MeanScore operator()(const IndexSums& s, const IndexPlan& plan) {
        MeanScore r{nan, nan, static_cast<std::size_t>(s.n), nan, nan, nan};
        if (s.n == 0)
            return r;
        const double dn = static_cast<double>(s.n);
        const double mean_d = s.sum / dn;
        r.value = s.shift + mean_d;
        r.percent = (r.value - plan.low) / (plan.high - plan.low) * 100;
        if (s.n < 2)
            return r;
        r.sd = std::sqrt(std::max(0.0, s.squares - s.sum * mean_d) / (dn - 1));
        auto it = t_.find(s.n);
        if (it == t_.end())
            it = t_.emplace(s.n, t_quantile(p_, dn - 1)).first;
        const double half = it->second * r.sd / std::sqrt(dn);
        r.low = r.value - half;
        r.high = r.value + half;
        return r;
    }

private:
    double p_;
    std::unordered_map<std::uint64_t, double> t_;
};

// ---- the whole ----

// Rows per block: a block's group ids are found once and every column is counted over them, so
// no per-row array is ever allocated beyond the block's.
constexpr std::size_t block = 65536;

template <typename Count>
Grouped run(const std::vector<KeyColumn>& keys, const std::vector<ScoreColumn>& scores,
            const std::vector<IndexSpec>& indexes, double confidence, std::size_t rows) {
    Grouped out;
    for (const auto& k : keys)
        out.key_names.push_back(k.name);
    for (const auto& c : scores) {
        out.score_names.push_back(c.name);
        out.asked.push_back(ColumnAsked{c.satisfied != 0, c.nps});
    }
    for (const auto& x : indexes)
        out.index_names.push_back(x.name);
    if (rows == 0)
        return out; // no rows, no groups

    GroupMap map(keys, rows);
    std::vector<std::array<std::uint8_t, 256>> slots;
    std::vector<std::size_t> strides;
    for (const auto& c : scores) {
        slots.push_back(slot_table(c.scale));
        strides.push_back(level_count(c.scale) + 2);
    }
    std::vector<IndexPlan> plans;
    for (const auto& x : indexes)
        plans.push_back(index_plan(x, scores));

    std::vector<std::vector<Count>> counts(scores.size());
    std::vector<std::vector<IndexSums>> sums(indexes.size());
    std::vector<std::uint64_t> group_rows; // only without score columns
    std::vector<std::uint32_t> id(block);
    std::vector<double> composite(block);
    std::vector<std::uint8_t> answered(block);
    std::size_t groups = 0;
    for (std::size_t base = 0; base < rows; base += block) {
        const std::size_t n = std::min(block, rows - base);
        map.map(base, n, id.data());
        if (map.keys.size() > groups) { // new groups: room for their counters (amortised)
            groups = map.keys.size();
            for (std::size_t c = 0; c < scores.size(); ++c)
                counts[c].resize(groups * strides[c], 0);
            for (auto& s : sums)
                s.resize(groups, IndexSums{0, 0, 0, 0});
            if (scores.empty())
                group_rows.resize(groups, 0);
        }
        for (std::size_t c = 0; c < scores.size(); ++c)
            count_block(scores[c].data + base, id.data(), n, slots[c].data(), strides[c],
                        counts[c].data());
        for (std::size_t x = 0; x < indexes.size(); ++x)
            sum_index_block(plans[x], base, n, id.data(), composite.data(), answered.data(),
                            sums[x].data());
        if (scores.empty())
            for (std::size_t i = 0; i < n; ++i)
                ++group_rows[id[i]];
    }
    if (keys.empty()) { // merge the lanes of the one group
        for (std::size_t lane = 1; lane < groups; ++lane) {
            for (std::size_t c = 0; c < scores.size(); ++c)
                for (std::size_t i = 0; i < strides[c]; ++i)
                    counts[c][i] += counts[c][lane * strides[c] + i];
            for (auto& s : sums)
                s[0] = merge(s[0], s[lane]);
            if (scores.empty())
                group_rows[0] += group_rows[lane];
        }
        groups = 1;
        map.keys.resize(1);
    }
    for (std::size_t c = 0; c < scores.size(); ++c) {
        std::uint64_t bad = 0;
        for (std::size_t k = 0; k < groups; ++k)
            bad += counts[c][k * strides[c] + strides[c] - 1];
        if (bad > 0)
            report_out_of_scale(c, scores[c], rows, bad);
    }

    // Groups in key order.
    std::vector<std::uint32_t> order(groups);
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return map.keys[a] < map.keys[b]; });

    out.keys.reserve(groups * keys.size());
    out.rows.reserve(groups);
    out.scores.reserve(groups * scores.size());
    out.indexes.reserve(groups * indexes.size());
    const Nps no_nps{nan, nan, 0, 0, 0, 0, nan, nan};
    const Share no_csat{nan, 0, 0, nan, nan};
    std::array<std::uint64_t, 128> level{};
    IndexStats index_stats(confidence);
    for (const std::uint32_t k : order) {
        for (std::size_t j = 0; j < keys.size(); ++j)
            out.keys.push_back(map.keys[k][j]);
        std::uint64_t n = scores.empty() ? group_rows[k] : 0;
        for (std::size_t c = 0; c < scores.size(); ++c) {
            const ScoreColumn& col = scores[c];
            const std::size_t levels = strides[c] - 2;
            const Count* h = counts[c].data() + k * strides[c];
            for (std::size_t i = 0; i < levels; ++i)
                level[i] = h[1 + i];
            ColumnStats s{mean_of_counts(level.data(), col.scale, confidence),
                          col.satisfied != 0
                              ? csat_of_counts(level.data(), col.scale, col.satisfied, confidence)
                              : no_csat,
                          col.nps ? nps_of_counts(level.data(), confidence) : no_nps,
                          static_cast<std::size_t>(h[missing_slot])};
            n = s.mean.n + s.missing;
            out.scores.push_back(s);
        }
        for (std::size_t x = 0; x < indexes.size(); ++x)
            out.indexes.push_back(index_stats(sums[x][k], plans[x]));
        out.rows.push_back(static_cast<std::size_t>(n));
    }
    return out;
}

} // namespace

Grouped group(const std::vector<KeyColumn>& keys, const std::vector<ScoreColumn>& scores,
              const std::vector<IndexSpec>& indexes, double confidence) {
    const std::size_t rows = check_shape(keys, scores);
    for (std::size_t i = 0; i < scores.size(); ++i)
        check_score_column(i, scores[i]);
    for (std::size_t i = 0; i < indexes.size(); ++i)
        check_index(i, indexes[i], scores);
    if (!(confidence > 0 && confidence < 1))
        throw error(errc::invalid_argument,
                    "confidence must be in (0, 1), got " + std::to_string(confidence));
    try {
        // 32-bit counters halve the counters' cache footprint; no group can overflow them
        // unless there are more rows than they count.
        if (rows <= std::numeric_limits<std::uint32_t>::max())
            return run<std::uint32_t>(keys, scores, indexes, confidence, rows);
        return run<std::uint64_t>(keys, scores, indexes, confidence, rows);
    } catch (const std::bad_alloc&) {
        throw error(errc::no_memory,
                    "not enough memory to group " + std::to_string(rows) + " rows");
    }
}

} // namespace satisfaction
PLAINT_END_NAMESPACE
