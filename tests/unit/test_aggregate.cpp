// Grouped satisfaction scores (satisfaction::group). Expected values come from three places:
// arithmetic worked by hand in the comments (t quantiles from the published Student-t table,
// Wilson bounds from its formula), the ungrouped scores of satisfaction.hpp applied to all rows
// at once, and a naive two-pass computation per group written plainly below (a std::map from
// key tuple to the group's rows, then sums and squared deviations), compared with the one-pass
// result on random inputs with missing answers, on the direct and the hashed key paths.
#include "support.hpp"
#include <plaint/aggregate.hpp>
#include <plaint/plaint.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

using namespace plaint;
using namespace plaint::satisfaction;
using Catch::Matchers::Contains;

namespace {

KeyColumn key(const char* name, const std::vector<std::int32_t>& v) {
    return KeyColumn{name, v.data(), v.size()};
}

ScoreColumn score(const char* name, const std::vector<std::int8_t>& v, Scale s = {1, 5},
                  std::uint64_t satisfied = 0, bool nps = false) {
    return ScoreColumn{name, v.data(), v.size(), s, satisfied, nps};
}

bool same(double a, double b, double tol = 1e-9) {
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::fabs(a - b) <= tol * std::max(1.0, std::fabs(b));
}

constexpr std::int8_t m = missing;

} // namespace

// ---- worked by hand ----

TEST_CASE("group: a small survey worked by hand") {
    // row:        0   1   2   3   4   5
    const std::vector<std::int32_t> building = {7, 7, 7, 7, 3, 3};
    const std::vector<std::int8_t> overall = {5, 4, 2, m, 3, 5};
    const std::vector<std::int8_t> recommend = {10, 9, 3, 8, 6, 7};
    const Grouped g = group({key("building", building)},
                            {score("overall", overall, {1, 5}, default_satisfied),
                             score("nps", recommend, {0, 10}, 0, true)},
                            {IndexSpec{"index", {0, 1}, {3, 1}, IndexUnits::percent}});
    REQUIRE(g.size() == 2);
    CHECK(g.key_names == std::vector<std::string>{"building"});
    CHECK(g.score_names == std::vector<std::string>{"overall", "nps"});
    CHECK(g.index_names == std::vector<std::string>{"index"});
    CHECK(g.key(0, 0) == 3); // ascending keys
    CHECK(g.key(1, 0) == 7);
    CHECK(g.rows == std::vector<std::size_t>{2, 4});

    // Building 3, overall {3, 5}: mean 4, sd √(((3−4)² + (5−4)²)/1) = √2, t(0.975, 1) = 12.7062
    // (t table), half width 12.7062·√2/√2 = 12.7062; percent (4 − 1)/4·100 = 75.
    const ColumnStats& o3 = g.score(0, 0);
    CHECK(o3.mean.n == 2);
    CHECK(o3.missing == 0);
    CHECK(o3.mean.value == Approx(4.0));
    CHECK(o3.mean.sd == Approx(std::sqrt(2.0)));
    CHECK(o3.mean.low == Approx(4 - 12.7062047).epsilon(1e-8));
    CHECK(o3.mean.high == Approx(4 + 12.7062047).epsilon(1e-8));
    CHECK(o3.mean.percent == Approx(75.0));
    // CSAT {4, 5}: 1 of 2. Wilson, z = 1.959964, z² = 3.841459: centre (0.5 + z²/4)/(1 + z²/2)
    // = 0.5, half z·√(0.25/2 + z²/16)/(1 + z²/2) = 0.405469 → [0.094531, 0.905469].
    CHECK(o3.csat.successes == 1);
    CHECK(o3.csat.n == 2);
    CHECK(o3.csat.value == 0.5);
    CHECK(o3.csat.low == Approx(0.0945312).epsilon(1e-6));
    CHECK(o3.csat.high == Approx(0.9054688).epsilon(1e-6));
    // Not asked of the overall column: no NPS.
    CHECK(std::isnan(o3.nps.value));
    CHECK(o3.nps.n == 0);
    // Recommend {6, 7}: one detractor, one passive → 100·(0 − 1/2) = −50; se 100·√((0 + 0.5 −
    // 0.25)/2) = 35.3553; −50 ∓ 1.959964·35.3553 = [−119.30 → −100 (clipped), 19.2952].
    const ColumnStats& n3 = g.score(0, 1);
    CHECK(n3.nps.promoters == 0);
    CHECK(n3.nps.passives == 1);
    CHECK(n3.nps.detractors == 1);
    CHECK(n3.nps.value == Approx(-50.0));
    CHECK(n3.nps.se == Approx(35.3553391).epsilon(1e-8));
    CHECK(n3.nps.low == -100.0);
    CHECK(n3.nps.high == Approx(19.2951912).epsilon(1e-8));
    CHECK(n3.mean.value == Approx(6.5)); // the mean of every column is always there
    CHECK(std::isnan(n3.csat.value));    // CSAT not asked of the NPS column
    CHECK(n3.csat.n == 0);

    // Building 7, overall {5, 4, 2} and one missing: mean 11/3, deviations 4/3, 1/3, −5/3,
    // squares 16/9 + 1/9 + 25/9 = 42/9, /2 → sd √(7/3) = 1.527525; t(0.975, 2) = 4.302653,
    // half 4.302653·1.527525/√3 = 3.794588 → [−0.127916, 7.461250].
    const ColumnStats& o7 = g.score(1, 0);
    CHECK(o7.mean.n == 3);
    CHECK(o7.missing == 1);
    CHECK(o7.mean.value == Approx(11.0 / 3));
    CHECK(o7.mean.sd == Approx(1.5275252).epsilon(1e-7));
    CHECK(o7.mean.low == Approx(-0.1279164).epsilon(1e-6));
    CHECK(o7.mean.high == Approx(7.4612497).epsilon(1e-7));
    // CSAT 2 of 3 (5 and 4); the missing answer is not a response.
    CHECK(o7.csat.successes == 2);
    CHECK(o7.csat.n == 3);
    CHECK(o7.csat.value == Approx(2.0 / 3));
    // Recommend {10, 9, 3, 8}: 2 promoters, 1 passive, 1 detractor → 100·(1/2 − 1/4) = 25; se
    // 100·√((0.5 + 0.25 − 0.0625)/4) = 41.4578; 25 ∓ 81.2558 → [−56.2558, 106.26 → 100].
    const ColumnStats& n7 = g.score(1, 1);
    CHECK(n7.nps.n == 4);
    CHECK(n7.nps.value == Approx(25.0));
    CHECK(n7.nps.se == Approx(41.4578099).epsilon(1e-8));
    CHECK(n7.nps.low == Approx(-56.2558142).epsilon(1e-8));
    CHECK(n7.nps.high == 100.0);

    // Index on 0..100, weights 3:1 → 0.75 overall + 0.25 recommend, each rescaled:
    //   row 0: 0.75·100 + 0.25·100 = 100        row 1: 0.75·75 + 0.25·90 = 78.75
    //   row 2: 0.75·25 + 0.25·30 = 26.25        row 3: overall missing → not counted
    //   row 4: 0.75·50 + 0.25·60 = 52.5         row 5: 0.75·100 + 0.25·70 = 92.5
    // Building 3: mean (52.5 + 92.5)/2 = 72.5, sd √(20² + 20²) = 28.2843, t(0.975, 1) = 12.7062.
    const MeanScore& i3 = g.index(0, 0);
    CHECK(i3.n == 2);
    CHECK(i3.value == Approx(72.5));
    CHECK(i3.percent == Approx(72.5));
    CHECK(i3.sd == Approx(28.2842712).epsilon(1e-8));
    CHECK(i3.high - i3.value == Approx(12.7062047 * 20).epsilon(1e-8));
    // Building 7: (100 + 78.75 + 26.25)/3 = 68.3333, deviations 31.6667, 10.4167, −42.0833,
    // squares sum 2882.2917, /2 → sd 37.9624.
    const MeanScore& i7 = g.index(1, 0);
    CHECK(i7.n == 3);
    CHECK(i7.value == Approx(205.0 / 3));
    CHECK(i7.sd == Approx(37.9624266).epsilon(1e-8));
    CHECK(i7.value - i7.low == Approx(4.30265273 * 37.9624266 / std::sqrt(3.0)).epsilon(1e-8));
}

TEST_CASE("group: an index in scale units is the weighted mean of raw answers") {
    // Two 1..5 questions, weights 0.25 and 0.75 (given as 1 and 3):
    //   (5, 1) → 0.25·5 + 0.75·1 = 2.0    (3, 3) → 3.0    (1, 5) → 0.25 + 3.75 = 4.0
    // mean 3, deviations −1, 0, 1 → sd 1; percent (3 − 1)/4·100 = 50.
    const std::vector<std::int8_t> a = {5, 3, 1}, b = {1, 3, 5};
    const Grouped g = group({}, {score("a", a), score("b", b)},
                            {IndexSpec{"raw", {0, 1}, {1, 3}, IndexUnits::scale},
                             IndexSpec{"pct", {0, 1}, {1, 3}, IndexUnits::percent}});
    REQUIRE(g.size() == 1);
    CHECK(g.key_names.empty());
    CHECK(g.keys.empty());
    const MeanScore& raw = g.index(0, 0);
    CHECK(raw.n == 3);
    CHECK(raw.value == Approx(3.0));
    CHECK(raw.sd == Approx(1.0));
    CHECK(raw.percent == Approx(50.0));
    // On 0..100 the same rows are 25, 50, 75: mean 50, sd 25.
    const MeanScore& pct = g.index(0, 1);
    CHECK(pct.value == Approx(50.0));
    CHECK(pct.sd == Approx(25.0));
    CHECK(pct.percent == Approx(50.0));
}

TEST_CASE("group: two keys, groups in ascending key order, negative keys first") {
    // Groups (−1, 2), (−1, 5), (4, 0): first key most significant.
    const std::vector<std::int32_t> k1 = {4, -1, -1, 4, -1};
    const std::vector<std::int32_t> k2 = {0, 5, 2, 0, 5};
    const std::vector<std::int8_t> s = {1, 2, 3, 4, 5};
    const Grouped g = group({key("a", k1), key("b", k2)}, {score("s", s)});
    REQUIRE(g.size() == 3);
    CHECK(g.keys == std::vector<std::int32_t>{-1, 2, -1, 5, 4, 0});
    CHECK(g.rows == std::vector<std::size_t>{1, 2, 2});
    CHECK(g.score(0, 0).mean.value == 3.0);         // row 2
    CHECK(g.score(1, 0).mean.value == 3.5);         // rows 1, 4: (2 + 5)/2
    CHECK(g.score(2, 0).mean.value == 2.5);         // rows 0, 3: (1 + 4)/2
    CHECK(g.score(2, 0).mean.sd == std::sqrt(4.5)); // (1.5² + 1.5²)/1
}

// ---- against the ungrouped scores ----

TEST_CASE("group: all rows in one group equal the ungrouped scores") {
    std::mt19937 rng(11);
    const std::size_t n = 5000;
    std::vector<std::int8_t> a(n), r(n);
    std::vector<double> ad, rd;
    for (std::size_t i = 0; i < n; ++i) {
        a[i] = static_cast<std::int8_t>(1 + rng() % 5);
        r[i] = static_cast<std::int8_t>(rng() % 11);
        ad.push_back(a[i]);
        rd.push_back(r[i]);
    }
    const std::vector<std::int32_t> same_key(n, 42);
    const auto cols = std::vector<ScoreColumn>{score("a", a, {1, 5}, levels({4, 5})),
                                               score("r", r, {0, 10}, 0, true)};
    const MeanScore mean_a = mean(ad.data(), n, {1, 5}, 0.9);
    const Share csat_a = csat(ad.data(), n, levels({4, 5}), {1, 5}, 0.9);
    const Nps nps_r = nps(rd.data(), n, 0.9);
    // With no keys, and with one key holding a single value.
    for (const Grouped& g :
         {group({}, cols, {}, 0.9), group({key("k", same_key)}, cols, {}, 0.9)}) {
        REQUIRE(g.size() == 1);
        CHECK(g.rows[0] == n);
        const ColumnStats& s = g.score(0, 0);
        CHECK(s.mean.n == mean_a.n);
        CHECK(same(s.mean.value, mean_a.value, 1e-15));
        CHECK(same(s.mean.sd, mean_a.sd, 1e-15));
        CHECK(same(s.mean.low, mean_a.low, 1e-15));
        CHECK(same(s.mean.high, mean_a.high, 1e-15));
        CHECK(s.csat.successes == csat_a.successes);
        CHECK(same(s.csat.low, csat_a.low, 1e-15));
        CHECK(same(s.csat.high, csat_a.high, 1e-15));
        const Nps& p = g.score(0, 1).nps;
        CHECK(p.promoters == nps_r.promoters);
        CHECK(p.detractors == nps_r.detractors);
        CHECK(same(p.value, nps_r.value, 1e-15));
        CHECK(same(p.low, nps_r.low, 1e-15));
    }
    CHECK(group({key("k", same_key)}, cols).key(0, 0) == 42);
}

// ---- against a naive two-pass computation ----

namespace {

struct Responses {
    std::vector<std::vector<std::int32_t>> keys;
    std::vector<std::vector<std::int8_t>> scores;
    std::vector<Scale> scales;
};

// 5 questions on 1..5, a 0..10 recommend score and a 1..7 CES question; about 5% missing.
Responses random_survey(std::size_t rows, std::size_t key_count, bool sparse, unsigned seed) {
    std::mt19937_64 rng(seed);
    Responses s;
    s.scales = {{1, 5}, {1, 5}, {1, 5}, {1, 5}, {1, 5}, {0, 10}, {1, 7}};
    const std::int32_t sparse_values[] = {-2000000000, -77, 0, 1, 123456789, 2147483647};
    const std::uint64_t dense_range[] = {40, 12, 3};
    s.keys.assign(key_count, std::vector<std::int32_t>(rows));
    s.scores.assign(s.scales.size(), std::vector<std::int8_t>(rows));
    for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t k = 0; k < key_count; ++k)
            s.keys[k][i] = sparse ? sparse_values[rng() % 6]
                                  : static_cast<std::int32_t>(rng() % dense_range[k]) - 1;
        for (std::size_t c = 0; c < s.scales.size(); ++c) {
            const auto width = static_cast<unsigned>(s.scales[c].highest - s.scales[c].lowest + 1);
            s.scores[c][i] = rng() % 20 == 0
                                 ? missing
                                 : static_cast<std::int8_t>(s.scales[c].lowest +
                                                            static_cast<int>(rng() % width));
        }
    }
    return s;
}

// Mean, sd and t interval the plain way: sum, divide, then squared deviations from the mean.
MeanScore naive_mean(const std::vector<double>& v, double lowest, double highest,
                     double confidence) {
    const double nan = std::nan("");
    MeanScore r{nan, nan, v.size(), nan, nan, nan};
    if (v.empty())
        return r;
    double sum = 0;
    for (const double x : v)
        sum += x;
    r.value = sum / static_cast<double>(v.size());
    r.percent = (r.value - lowest) / (highest - lowest) * 100;
    if (v.size() < 2)
        return r;
    double ss = 0;
    for (const double x : v)
        ss += (x - r.value) * (x - r.value);
    const double n = static_cast<double>(v.size());
    r.sd = std::sqrt(ss / (n - 1));
    const double half = t_quantile(0.5 + confidence / 2, n - 1) * r.sd / std::sqrt(n);
    r.low = r.value - half;
    r.high = r.value + half;
    return r;
}

void check_mean(const MeanScore& got, const MeanScore& want) {
    CHECK(got.n == want.n);
    CHECK(same(got.value, want.value));
    CHECK(same(got.sd, want.sd));
    CHECK(same(got.low, want.low));
    CHECK(same(got.high, want.high));
    CHECK(same(got.percent, want.percent));
}

// Every group of `g` against the naive computation over the rows with its keys.
void check_against_naive(const Responses& s, const Grouped& g, double confidence) {
    using Tuple = std::array<std::int32_t, 3>;
    std::map<Tuple, std::vector<std::size_t>> rows_of;
    const std::size_t rows = s.scores[0].size();
    for (std::size_t i = 0; i < rows; ++i) {
        Tuple t{0, 0, 0};
        for (std::size_t k = 0; k < s.keys.size(); ++k)
            t[k] = s.keys[k][i];
        rows_of[t].push_back(i);
    }
    REQUIRE(g.size() == rows_of.size());
    const double w[5] = {0.20, 0.25, 0.20, 0.15, 0.20};
    std::size_t gi = 0;
    for (const auto& [t, members] : rows_of) {
        INFO("group " << gi);
        for (std::size_t k = 0; k < s.keys.size(); ++k)
            CHECK(g.key(gi, k) == t[k]);
        CHECK(g.rows[gi] == members.size());
        for (std::size_t c = 0; c < s.scales.size(); ++c) {
            INFO("column " << c);
            std::vector<double> answered;
            std::size_t missed = 0, satisfied = 0, promoters = 0, detractors = 0;
            for (const std::size_t i : members) {
                const int x = s.scores[c][i];
                if (x == missing) {
                    ++missed;
                    continue;
                }
                answered.push_back(x);
                satisfied += (x >= 4 && x <= 5) ? 1 : 0;
                promoters += x >= 9 ? 1 : 0;
                detractors += x <= 6 ? 1 : 0;
            }
            const ColumnStats& got = g.score(gi, c);
            CHECK(got.missing == missed);
            check_mean(got.mean,
                       naive_mean(answered, s.scales[c].lowest, s.scales[c].highest, confidence));
            if (c < 5) { // CSAT {4, 5} asked of the 1..5 questions
                CHECK(got.csat.successes == satisfied);
                CHECK(got.csat.n == answered.size());
                const Interval ci = wilson(satisfied, answered.size(), confidence);
                CHECK(same(got.csat.low, ci.low));
                CHECK(same(got.csat.high, ci.high));
            } else if (c == 5) {
                CHECK(got.nps.promoters == promoters);
                CHECK(got.nps.detractors == detractors);
                const double n = static_cast<double>(answered.size());
                CHECK(same(got.nps.value, answered.empty() ? std::nan("")
                                                           : 100.0 *
                                                                 (static_cast<double>(promoters) -
                                                                  static_cast<double>(detractors)) /
                                                                 n));
            }
        }
        // The peers' composite (scale units) and the same on 0..100 over rows with all five
        // dimensions answered.
        std::vector<double> raw, pct;
        for (const std::size_t i : members) {
            double r = 0, p = 0;
            bool all = true;
            for (std::size_t c = 0; c < 5; ++c) {
                const int x = s.scores[c][i];
                all = all && x != missing;
                r += w[c] * x;
                p += w[c] * (x - 1) * 25.0;
            }
            if (all) {
                raw.push_back(r);
                pct.push_back(p);
            }
        }
        check_mean(g.index(gi, 0), naive_mean(raw, 1, 5, confidence));
        check_mean(g.index(gi, 1), naive_mean(pct, 0, 100, confidence));
        ++gi;
    }
}

Grouped group_survey(const Responses& s, double confidence) {
    const char* const key_names[] = {"building", "month", "team"};
    std::vector<KeyColumn> keys;
    for (std::size_t k = 0; k < s.keys.size(); ++k)
        keys.push_back(key(key_names[k], s.keys[k]));
    std::vector<ScoreColumn> cols;
    for (std::size_t c = 0; c < s.scales.size(); ++c)
        cols.push_back(score("q", s.scores[c], s.scales[c], c < 5 ? default_satisfied : 0, c == 5));
    const std::vector<std::size_t> dims = {0, 1, 2, 3, 4};
    const std::vector<double> w = {0.20, 0.25, 0.20, 0.15, 0.20};
    return group(keys, cols,
                 {IndexSpec{"composite", dims, w, IndexUnits::scale},
                  IndexSpec{"index", dims, w, IndexUnits::percent}},
                 confidence);
}

} // namespace

TEST_CASE("group: one pass equals a naive two-pass computation per group (direct keys)") {
    // 100,000 rows; 40 × 12 × 3 key cells, so the keys are looked up directly.
    const Responses s = random_survey(100000, 3, false, 20260303);
    check_against_naive(s, group_survey(s, 0.95), 0.95);
    // No keys: one group (counted in lanes that are merged at the end).
    const Responses s0 = random_survey(10001, 0, false, 3);
    check_against_naive(s0, group_survey(s0, 0.95), 0.95);
    // Two keys and another confidence.
    const Responses s2 = random_survey(20000, 2, false, 7);
    check_against_naive(s2, group_survey(s2, 0.9), 0.9);
}

TEST_CASE("group: one pass equals a naive two-pass computation per group (hashed keys)") {
    // Three keys spread over the whole int32 range: too many cells for a table, so hashed;
    // 6³ = 216 groups, ordered with the most negative keys first.
    const Responses s = random_survey(30000, 3, true, 99);
    const Grouped g = group_survey(s, 0.95);
    REQUIRE(g.size() == 216);
    CHECK(g.key(0, 0) == -2000000000);
    CHECK(g.key(215, 2) == 2147483647);
    check_against_naive(s, g, 0.95);
    // One sparse key: six groups.
    Responses one = s;
    one.keys.resize(1);
    check_against_naive(one, group_survey(one, 0.95), 0.95);
}

TEST_CASE("group: many small groups, one row each (hashed, every row its own group)") {
    std::vector<std::int32_t> k(3000);
    std::vector<std::int8_t> v(3000);
    for (std::size_t i = 0; i < k.size(); ++i) {
        k[i] = static_cast<std::int32_t>((i * 2654435761u) % 2147483647u); // distinct, unsorted
        v[i] = static_cast<std::int8_t>(1 + i % 5);
    }
    const Grouped g = group({key("id", k)}, {score("s", v)});
    REQUIRE(g.size() == k.size());
    for (std::size_t i = 1; i < g.size(); ++i)
        REQUIRE(g.key(i - 1, 0) < g.key(i, 0));
    for (std::size_t i = 0; i < g.size(); ++i) {
        // One row: the mean is the answer, no sd, no interval.
        REQUIRE(g.rows[i] == 1);
        REQUIRE(std::isnan(g.score(i, 0).mean.sd));
    }
}

// ---- edge cases ----

TEST_CASE("group: zero rows give zero groups") {
    const std::vector<std::int32_t> none;
    const std::vector<std::int8_t> no_answers;
    const Grouped g = group({key("building", none)}, {score("overall", no_answers)},
                            {IndexSpec{"i", {0}, {1}, IndexUnits::percent}});
    CHECK(g.size() == 0);
    CHECK(g.keys.empty());
    CHECK(g.scores.empty());
    CHECK(g.indexes.empty());
    CHECK(g.score_names == std::vector<std::string>{"overall"});
    // NULL columns are allowed when they have no rows.
    CHECK(group({KeyColumn{"k", nullptr, 0}}, {ScoreColumn{"s", nullptr, 0, {1, 5}, 0, false}})
              .size() == 0);
    CHECK(group({}, {}).size() == 0);
}

TEST_CASE("group: one row") {
    const std::vector<std::int32_t> b = {9};
    const std::vector<std::int8_t> s = {4}, r = {9};
    const Grouped g = group(
        {key("b", b)}, {score("s", s, {1, 5}, default_satisfied), score("r", r, {0, 10}, 0, true)},
        {IndexSpec{"i", {0}, {1}, IndexUnits::scale}});
    REQUIRE(g.size() == 1);
    CHECK(g.rows[0] == 1);
    const ColumnStats& c = g.score(0, 0);
    CHECK(c.mean.value == 4.0);
    CHECK(c.mean.percent == 75.0);
    CHECK(std::isnan(c.mean.sd)); // no sd and no t interval from one answer
    CHECK(std::isnan(c.mean.low));
    // Wilson at n = 1 with 1 success: p = 1, centre (1 + z²/2)/(1 + z²), half
    // z·√(z²/4)/(1 + z²) = (z²/2)/(1 + z²), so low = 1/(1 + z²) = 1/4.841459 = 0.206549, high 1.
    CHECK(c.csat.value == 1.0);
    CHECK(c.csat.high == 1.0);
    CHECK(c.csat.low == Approx(0.2065493).epsilon(1e-6));
    CHECK(g.score(0, 1).nps.value == 100.0);
    CHECK(std::isnan(g.score(0, 1).nps.se));
    CHECK(g.index(0, 0).value == 4.0);
    CHECK(g.index(0, 0).n == 1);
    CHECK(std::isnan(g.index(0, 0).sd));
}

TEST_CASE("group: all responses equal give sd 0 and a zero-width interval") {
    const std::size_t n = 1001;
    const std::vector<std::int32_t> b(n, 1);
    const std::vector<std::int8_t> s(n, 5), t(n, 2);
    const Grouped g = group({key("b", b)}, {score("s", s), score("t", t)},
                            {IndexSpec{"i", {0, 1}, {0.3, 0.7}, IndexUnits::scale}});
    REQUIRE(g.size() == 1);
    const MeanScore& c = g.score(0, 0).mean;
    CHECK(c.value == 5.0);
    CHECK(c.sd == 0.0);
    CHECK(c.low == 5.0);
    CHECK(c.high == 5.0);
    // Every composite is 0.3·5 + 0.7·2 = 2.9: its deviations from the group's first are 0, so
    // the one-pass sd is exactly 0 too.
    const MeanScore& i = g.index(0, 0);
    CHECK(i.n == n);
    CHECK(i.value == Approx(2.9));
    CHECK(i.sd == 0.0);
    CHECK(i.low == i.value);
    CHECK(i.high == i.value);
    // The same without keys, where partial sums are merged.
    const Grouped all = group({}, {score("s", s), score("t", t)},
                              {IndexSpec{"i", {0, 1}, {0.3, 0.7}, IndexUnits::scale}});
    CHECK(all.score(0, 0).mean.sd == 0.0);
    CHECK(all.index(0, 0).n == n);
    CHECK(all.index(0, 0).sd == 0.0);
    CHECK(all.index(0, 0).value == g.index(0, 0).value);
}

TEST_CASE("group: a column missing everywhere") {
    const std::vector<std::int32_t> b = {1, 2, 1};
    const std::vector<std::int8_t> s = {m, m, m}, t = {1, 2, 3};
    const Grouped g =
        group({key("b", b)}, {score("s", s, {1, 5}, default_satisfied), score("t", t)},
              {IndexSpec{"both", {0, 1}, {1, 1}, IndexUnits::percent},
               IndexSpec{"t only", {1}, {1}, IndexUnits::percent}});
    REQUIRE(g.size() == 2);
    CHECK(g.rows == std::vector<std::size_t>{2, 1}); // rows still counted
    for (std::size_t k = 0; k < 2; ++k) {
        const ColumnStats& c = g.score(k, 0);
        CHECK(c.missing == g.rows[k]); // missing, never zero
        CHECK(c.mean.n == 0);
        CHECK(std::isnan(c.mean.value));
        CHECK(c.csat.n == 0);
        CHECK(std::isnan(c.csat.value));
        CHECK(g.index(k, 0).n == 0); // no row has both answered
        CHECK(std::isnan(g.index(k, 0).value));
    }
    // Group 1 has rows 0 and 2 (answers 1 and 3): index on 0..100 = 0 and 50 → 25.
    CHECK(g.index(0, 1).value == 25.0);
    CHECK(g.score(0, 1).mean.value == 2.0);
}

TEST_CASE("group: keys only count rows") {
    const std::vector<std::int32_t> b = {5, 5, 1, 5};
    const Grouped g = group({key("b", b)}, {});
    CHECK(g.keys == std::vector<std::int32_t>{1, 5});
    CHECK(g.rows == std::vector<std::size_t>{1, 3});
}

TEST_CASE("group: an answer outside its scale is an error naming column and row") {
    const std::vector<std::int32_t> b = {1, 1, 2, 2};
    const std::vector<std::int8_t> ok = {1, 2, 3, 4};
    for (const std::int8_t bad :
         {std::int8_t{6}, std::int8_t{0}, std::int8_t{-2}, std::int8_t{-128}, std::int8_t{127}}) {
        const std::vector<std::int8_t> s = {5, m, bad, bad};
        const error e = error_of([&] {
            group({key("b", b)}, {score("ok", ok), score("overall", s)});
        });
        CHECK(e.code() == errc::out_of_range);
        CHECK_THAT(e.what(), Contains("'overall'") && Contains("row 2") &&
                                 Contains("answer " + std::to_string(bad)) &&
                                 Contains("2 such answers"));
    }
    // 11 on the NPS scale, in the last row; and a 0..10 answer on a 1..7 question.
    const std::vector<std::int8_t> r = {10, 0, 9, 11};
    CHECK_THAT(message_of([&] {
                   group({key("b", b)}, {score("r", r, {0, 10}, 0, true)});
               }),
               Contains("row 3") && Contains("answer 11"));
    CHECK(code_of([&] { group({key("b", b)}, {score("ces", r, {1, 7})}); }) == errc::out_of_range);
    // A missing answer is never out of scale.
    const std::vector<std::int8_t> gaps = {m, m, 1, m};
    CHECK(code_of([&] { group({key("b", b)}, {score("g", gaps)}); }) == errc::ok);
}

TEST_CASE("group: the shape of the input is checked before any row is read") {
    const std::vector<std::int32_t> k3 = {1, 2, 3}, k2 = {1, 2};
    const std::vector<std::int8_t> s3 = {1, 2, 3}, s2 = {1, 2};
    SECTION("more than three keys") {
        const error e = error_of([&] {
            group({key("a", k3), key("b", k3), key("c", k3), key("d", k3)}, {score("s", s3)});
        });
        CHECK(e.code() == errc::invalid_argument);
        CHECK_THAT(e.what(), Contains("at most 3"));
    }
    SECTION("columns of different lengths") {
        CHECK_THAT(message_of([&] {
                       group({key("a", k3), key("month", k2)}, {score("s", s3)});
                   }),
                   Contains("'month' has 2 rows"));
        CHECK_THAT(message_of([&] {
                       group({key("a", k3)}, {score("s", s3), score("t", s2)});
                   }),
                   Contains("'t' has 2 rows"));
        CHECK(code_of([&] {
                  group({}, {score("s", s2), score("t", s3)});
              }) == errc::invalid_argument);
    }
    SECTION("a NULL column with rows") {
        CHECK_THAT(message_of([&] {
                       group({KeyColumn{"k", nullptr, 3}}, {score("s", s3)});
                   }),
                   Contains("'k' is NULL"));
        CHECK(code_of([&] {
                  group({key("k", k3)}, {ScoreColumn{"s", nullptr, 3, {1, 5}, 0, false}});
              }) == errc::invalid_argument);
    }
    SECTION("bad column specifications") {
        auto with = [&](ScoreColumn c) { return code_of([&] { group({key("k", k3)}, {c}); }); };
        CHECK(with(score("s", s3, {5, 1})) == errc::invalid_argument);   // reversed scale
        CHECK(with(score("s", s3, {-1, 5})) == errc::invalid_argument);  // −1 is `missing`
        CHECK(with(score("s", s3, {0, 128})) == errc::invalid_argument); // beyond int8_t
        CHECK(with(score("s", s3, {1, 5}, levels({5, 6}))) == errc::invalid_argument);
        CHECK(with(score("s", s3, {1, 100}, levels({5}))) == errc::invalid_argument); // > 63
        CHECK(with(score("s", s3, {1, 5}, 0, true)) == errc::invalid_argument); // NPS needs 0..10
        CHECK(with(score("s", s3, {0, 100})) == errc::ok); // a 0..100 slider is a scale
    }
    SECTION("bad indices") {
        const std::vector<ScoreColumn> cols = {score("s", s3), score("t", s3, {0, 10})};
        auto with = [&](IndexSpec x) { return code_of([&] { group({key("k", k3)}, cols, {x}); }); };
        CHECK(with({"i", {}, {}, IndexUnits::percent}) == errc::invalid_argument);
        CHECK(with({"i", {0, 2}, {1, 1}, IndexUnits::percent}) == errc::invalid_argument);
        CHECK(with({"i", {0, 0}, {1, 1}, IndexUnits::percent}) == errc::invalid_argument);
        CHECK(with({"i", {0, 1}, {1}, IndexUnits::percent}) == errc::invalid_argument);
        CHECK(with({"i", {0, 1}, {1, -1}, IndexUnits::percent}) == errc::invalid_argument);
        CHECK(with({"i", {0, 1}, {1, std::nan("")}, IndexUnits::percent}) ==
              errc::invalid_argument);
        CHECK(with({"i", {0, 1}, {0, 0}, IndexUnits::percent}) == errc::invalid_argument);
        CHECK(with({"i", {0, 1}, {1, 1}, IndexUnits::scale}) == errc::invalid_argument);
        CHECK(with({"i", {0, 1}, {1, 1}, static_cast<IndexUnits>(7)}) == errc::invalid_argument);
        CHECK(with({"i", {0, 1}, {1, 0}, IndexUnits::percent}) == errc::ok); // a zero weight
    }
    SECTION("a bad confidence") {
        for (const double c : {0.0, 1.0, -0.5, std::nan("")})
            CHECK(code_of([&] { group({key("k", k3)}, {score("s", s3)}, {}, c); }) ==
                  errc::invalid_argument);
    }
}

TEST_CASE("group: the result records what was asked, and its JSON form writes only that") {
    // Four rows in two buildings; worked by hand below. `recommend` asks the NPS, `skip` (its
    // name holds a tab and quotes) asks CSAT of answers that are all missing, `overall` neither.
    const std::vector<std::int32_t> building = {1, 1, 2, 2};
    const std::vector<std::int8_t> overall = {4, 4, 2, missing};
    const std::vector<std::int8_t> recommend = {10, missing, 3, missing};
    const std::vector<std::int8_t> skip = {missing, missing, missing, missing};
    ScoreColumn nps_col = score("recommend", recommend, {0, 10});
    nps_col.nps = true;
    ScoreColumn csat_col = score("skip\t\"q\"", skip);
    csat_col.satisfied = levels({5});
    IndexSpec idx;
    idx.name = "idx";
    idx.columns = {0};
    idx.weights = {1};
    const Grouped g =
        group({key("building", building)}, {score("overall", overall), nps_col, csat_col}, {idx});
    REQUIRE(g.asked.size() == 3);
    CHECK(!g.asked[0].csat);
    CHECK(!g.asked[0].nps);
    CHECK(!g.asked[1].csat);
    CHECK(g.asked[1].nps);
    CHECK(g.asked[2].csat);
    CHECK(!g.asked[2].nps);
    // Building 1: overall {4, 4}: mean 4, sd 0, so the t interval is [4, 4], percent
    // (4 - 1) / 4 = 75; recommend {10} and one missing: mean 10 on 0..10 (100 %), sd and interval
    // undefined with one answer (null), NPS one promoter of one = 100 with no standard error;
    // skip: 2 missing, no mean, CSAT of nothing (null, 0 of 0). The index over overall alone,
    // in percent: each respondent (4 - 1) / 4 * 100 = 75, so 75 with sd 0, n 2.
    // Building 2: overall {2} and one missing: 2, 25 %; recommend {3}: 3, 30 %, one detractor
    // of one = -100; the index 25 from one respondent. Reals in their shortest form, NaN null.
    const std::string null_mean =
        R"({"value":null,"sd":null,"low":null,"high":null,"percent":null,"n":0})";
    const std::string no_csat =
        R"("csat":{"value":null,"low":null,"high":null,"successes":0,"n":0})";
    const std::string expected =
        R"({"keys":["building"],"scores":["overall","recommend","skip\u0009\"q\""],)"
        R"("indexes":["idx"],"groups":[)"
        R"({"keys":[1],"rows":2,"scores":{)"
        R"("overall":{"missing":0,"mean":{"value":4,"sd":0,"low":4,"high":4,"percent":75,"n":2}},)"
        R"("recommend":{"missing":1,"mean":{"value":10,"sd":null,"low":null,"high":null,)"
        R"("percent":100,"n":1},"nps":{"value":100,"se":null,"low":null,"high":null,"n":1,)"
        R"("promoters":1,"passives":0,"detractors":0}},)"
        R"("skip\u0009\"q\"":{"missing":2,"mean":)" +
        null_mean + "," + no_csat +
        R"(}},"indexes":{"idx":{"value":75,"sd":0,"low":75,"high":75,"percent":75,"n":2}}},)"
        R"({"keys":[2],"rows":2,"scores":{)"
        R"("overall":{"missing":1,"mean":{"value":2,"sd":null,"low":null,"high":null,)"
        R"("percent":25,"n":1}},)"
        R"("recommend":{"missing":1,"mean":{"value":3,"sd":null,"low":null,"high":null,)"
        R"("percent":30,"n":1},"nps":{"value":-100,"se":null,"low":null,"high":null,"n":1,)"
        R"("promoters":0,"passives":0,"detractors":1}},)"
        R"("skip\u0009\"q\"":{"missing":2,"mean":)" +
        null_mean + "," + no_csat +
        R"(}},"indexes":{"idx":{"value":25,"sd":null,"low":null,"high":null,"percent":25,"n":1}}}]})";
    CHECK(to_json(g) == expected);

    // No rows: the names and no groups.
    const std::vector<std::int8_t> none;
    CHECK(to_json(group({}, {score("q", none)})) ==
          R"({"keys":[],"scores":["q"],"indexes":[],"groups":[]})");
    // A real that is not a whole number: 4.5 (the mean of 4 and 5) in its shortest form.
    const std::vector<std::int8_t> two = {4, 5};
    CHECK_THAT(to_json(group({}, {score("q", two)})), Contains(R"("mean":{"value":4.5,)"));
    // A Grouped not made by `group` must say what was asked of each column; names are UTF-8.
    Grouped hand = group({}, {score("q", two)});
    hand.asked.clear();
    CHECK(code_of([&] { to_json(hand); }) == errc::invalid_argument);
    hand = group({}, {score("q", two)});
    hand.score_names[0] = "\xff";
    CHECK(code_of([&] { to_json(hand); }) == errc::encoding);
}
