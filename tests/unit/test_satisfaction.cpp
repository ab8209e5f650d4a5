// Satisfaction scores (DOMAIN.md §6, issue 5). Every expected value is worked out by hand (the
// arithmetic is in the comment beside it), taken from a published example (named), or computed
// by a second, simpler method in this file (a naive two-pass mean, the Wilson bound's defining
// equation solved by bisection, power iteration, normal equations solved by Gaussian
// elimination). Quantiles of reference: t(0.975, 9) = 2.262157 and z(0.975) = 1.959964 from
// printed t and normal tables; t with 1 and 2 degrees of freedom has a closed form.
#include "support.hpp"
#include <plaint/satisfaction.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace plaint;
using namespace plaint::satisfaction;

namespace {

const double nan_v = std::numeric_limits<double>::quiet_NaN();
const double inf_v = std::numeric_limits<double>::infinity();
constexpr double z975 = 1.959964; // normal table, two-sided 95%
constexpr double pi = 3.14159265358979323846;

Approx near(double v, double eps = 1e-6) {
    return Approx(v).epsilon(0).margin(eps);
}

// Power iteration on a positive matrix: w ← A·w / Σ(A·w) until it stops moving (Perron).
std::vector<double> power_iteration(const std::vector<double>& a, std::size_t n, double& lambda) {
    std::vector<double> w(n, 1.0 / static_cast<double>(n)), next(n);
    for (int it = 0; it < 10000; ++it) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            next[i] = 0;
            for (std::size_t j = 0; j < n; ++j)
                next[i] += a[i * n + j] * w[j];
            sum += next[i];
        }
        lambda = sum; // Σ(A·w) with Σw = 1 tends to λmax
        double moved = 0;
        for (std::size_t i = 0; i < n; ++i) {
            next[i] /= sum;
            moved = std::max(moved, std::fabs(next[i] - w[i]));
        }
        w.swap(next);
        if (moved < 1e-15)
            break;
    }
    return w;
}

// A random reciprocal matrix on Saaty's 1/9..9 scale.
std::vector<double> random_reciprocal(std::size_t n, std::mt19937& rng) {
    static const double scale[] = {1.0 / 9, 1.0 / 8, 1.0 / 7, 1.0 / 6, 1.0 / 5, 1.0 / 4,
                                   1.0 / 3, 1.0 / 2, 1,       2,       3,       4,
                                   5,       6,       7,       8,       9};
    std::vector<double> a(n * n, 1.0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            a[i * n + j] = scale[rng() % 17];
            a[j * n + i] = 1 / a[i * n + j];
        }
    return a;
}

} // namespace

// ---- quantiles and building blocks ----

TEST_CASE("quantiles agree with printed tables and closed forms") {
    CHECK(normal_quantile(0.975) == near(1.959964));
    CHECK(normal_quantile(0.95) == near(1.644854));
    CHECK(normal_quantile(0.995) == near(2.575829));
    CHECK(normal_quantile(0.5) == near(0.0, 1e-12));
    CHECK(t_quantile(0.975, 9) == near(2.262157));  // t table, 9 df
    CHECK(t_quantile(0.95, 30) == near(1.697261));  // t table, 30 df
    CHECK(t_quantile(0.995, 20) == near(2.845340)); // t table, 20 df
    // 1 df is the Cauchy distribution: t = tan(π(p − ½)).
    CHECK(t_quantile(0.975, 1) == near(std::tan(pi * 0.475), 1e-9));
    // 2 df: t = (2p − 1) / √(2p(1 − p)).
    CHECK(t_quantile(0.9, 2) == near(0.8 / std::sqrt(2 * 0.9 * 0.1), 1e-9));
    // Infinite dof is the normal; the same call twice (served from the cache) agrees.
    CHECK(t_quantile(0.975, inf_v) == normal_quantile(0.975));
    CHECK(t_quantile(0.975, 9) == t_quantile(0.975, 9));
    CHECK(code_of([] { normal_quantile(0); }) == errc::invalid_argument);
    CHECK(code_of([] { normal_quantile(1); }) == errc::invalid_argument);
    CHECK(code_of([] { normal_quantile(nan_v); }) == errc::invalid_argument);
    CHECK(code_of([] { t_quantile(0.5, 0); }) == errc::invalid_argument);
    CHECK(code_of([] { t_quantile(0.5, nan_v); }) == errc::invalid_argument);
}

TEST_CASE("the Wilson interval matches Newcombe's example and its defining equation") {
    // Newcombe (1998), Stat. Med. 17:857, example 81/263 at 95%: Wilson (0.2553, 0.3662).
    // By hand: p = 0.307985, z²/n = 0.014606, centre = (p + 0.007303)/1.014606 = 0.310749,
    // half = z·√(p(1−p)/n + z²/4n²)/1.014606 = 1.959964·√(0.00081039 + 0.00001388)/1.014606
    // = 0.055461 → (0.255288, 0.366210).
    const Interval w = wilson(81, 263);
    CHECK(w.low == near(0.255288, 2e-6));
    CHECK(w.high == near(0.366210, 2e-6));
    // 0 successes: low is 0 and high = z²/(n + z²) = 3.841459/13.841459 = 0.277533 (n = 10).
    const Interval none = wilson(0, 10);
    CHECK(none.low == 0.0);
    CHECK(none.high == near(0.277533));
    // n successes: high is 1 and low = n/(n + z²) = 10/13.841459 = 0.722467.
    const Interval all = wilson(10, 10);
    CHECK(all.high == 1.0);
    CHECK(all.low == near(0.722467));
    // N = 0: undefined.
    CHECK(std::isnan(wilson(0, 0).low));
    CHECK(std::isnan(wilson(0, 0).high));
    // Second method: each bound p0 solves (p̂ − p0)² = z²·p0(1 − p0)/n; find the roots either
    // side of p̂ by bisection and compare, for many (k, n) and two confidence levels.
    std::mt19937 rng(11);
    for (int t = 0; t < 200; ++t) {
        const std::size_t n = 1 + rng() % 500;
        const std::size_t k = rng() % (n + 1);
        const double conf = (t % 2) ? 0.95 : 0.90;
        const double z = conf == 0.95 ? z975 : 1.644854;
        const double ph = static_cast<double>(k) / static_cast<double>(n);
        auto f = [&](double p0) {
            return (ph - p0) * (ph - p0) - z * z * p0 * (1 - p0) / static_cast<double>(n);
        };
        auto root = [&](double lo, double hi) { // f(lo) > 0 ≥ f(hi) or the reverse
            const bool rising = f(hi) > f(lo);
            for (int i = 0; i < 200; ++i) {
                const double mid = (lo + hi) / 2;
                ((f(mid) > 0) == rising ? hi : lo) = mid;
            }
            return (lo + hi) / 2;
        };
        const Interval got = wilson(k, n, conf);
        const double low = k == 0 ? 0.0 : root(0, ph);
        const double high = k == n ? 1.0 : root(ph, 1);
        CHECK(got.low == near(low, 2e-6));
        CHECK(got.high == near(high, 2e-6));
    }
    CHECK(code_of([] { wilson(3, 2); }) == errc::invalid_argument);
    CHECK(code_of([] { wilson(1, 2, 0); }) == errc::invalid_argument);
    CHECK(code_of([] { wilson(1, 2, 1); }) == errc::invalid_argument);
    CHECK(code_of([] { wilson(1, 2, nan_v); }) == errc::invalid_argument);
}

TEST_CASE("levels builds masks and rejects levels outside 0..63") {
    CHECK(levels({4, 5}) == 0b110000u);
    CHECK(levels({4, 5}) == default_satisfied);
    CHECK(levels({3, 4, 5}) == 0b111000u);
    CHECK(levels({}) == 0u);
    CHECK(levels({0, 63}) == (1u | (std::uint64_t{1} << 63)));
    CHECK(code_of([] { levels({64}); }) == errc::out_of_range);
    CHECK(code_of([] { levels({-1}); }) == errc::out_of_range);
}

// ---- mean ----

TEST_CASE("the 5-point mean follows DOMAIN.md with sd and t interval") {
    // n5 = 4, n4 = 3, n3 = 2, n2 = 0, n1 = 1: mean = (20 + 12 + 6 + 0 + 1)/10 = 3.9.
    // Squared deviations: 4·1.21 + 3·0.01 + 2·0.81 + 1·8.41 = 14.9; sd = √(14.9/9) = 1.286684.
    // Half width = t(0.975, 9)·sd/√10 = 2.2621572·0.4068874 = 0.9204382 (kept to 7 digits: rounding
    // earlier moves the 6th). Percent = 2.9/4 = 72.5.
    const std::uint64_t counts[5] = {1, 0, 2, 3, 4};
    const MeanScore m = mean_of_counts(counts, Scale{1, 5});
    CHECK(m.n == 10);
    CHECK(m.value == near(3.9, 1e-12));
    CHECK(m.sd == near(1.286684));
    CHECK(m.low == near(3.9 - 0.9204382));
    CHECK(m.high == near(3.9 + 0.9204382));
    CHECK(m.percent == near(72.5, 1e-12));
    // The same from the raw answers, in any order.
    const double values[] = {5, 1, 4, 5, 3, 4, 5, 3, 4, 5};
    const MeanScore v = mean(values, 10);
    CHECK(v.n == 10);
    CHECK(v.value == near(3.9, 1e-12));
    CHECK(v.sd == near(1.286684));
    CHECK(v.low == near(2.9795618));
}

TEST_CASE("the counts mean agrees with a naive two-pass mean on random data") {
    std::mt19937 rng(7);
    for (const Scale s : {Scale{1, 5}, Scale{0, 10}, Scale{-3, 3}, Scale{1, 7}}) {
        const int width = s.highest - s.lowest + 1;
        std::vector<double> x(2000 + rng() % 1000);
        for (double& v : x)
            v = s.lowest + static_cast<int>(rng() % static_cast<unsigned>(width));
        double sum = 0;
        for (const double v : x)
            sum += v;
        const double mu = sum / static_cast<double>(x.size());
        double ss = 0;
        for (const double v : x)
            ss += (v - mu) * (v - mu);
        const double sd = std::sqrt(ss / static_cast<double>(x.size() - 1));
        const MeanScore m = mean(x.data(), x.size(), s, 0.99);
        CHECK(m.n == x.size());
        CHECK(m.value == near(mu, 1e-12));
        CHECK(m.sd == near(sd, 1e-12));
        const double half = (m.high - m.low) / 2;
        // At these sizes t(0.995, n − 1) lies between z(0.995) = 2.575829 and 2.58.
        CHECK(half > 2.575829 * sd / std::sqrt(static_cast<double>(x.size())));
        CHECK(half < 2.58 * sd / std::sqrt(static_cast<double>(x.size())));
        CHECK(m.percent == near((mu - s.lowest) / (s.highest - s.lowest) * 100, 1e-10));
    }
}

TEST_CASE("the mean's edge cases: none, one, all equal") {
    const MeanScore none = mean(nullptr, 0);
    CHECK(none.n == 0);
    CHECK(std::isnan(none.value));
    CHECK(std::isnan(none.sd));
    CHECK(std::isnan(none.low));
    CHECK(std::isnan(none.high));
    CHECK(std::isnan(none.percent));
    const double one[] = {4};
    const MeanScore single = mean(one, 1);
    CHECK(single.n == 1);
    CHECK(single.value == 4.0);
    CHECK(single.percent == 75.0); // (4 − 1)/4
    CHECK(std::isnan(single.sd));
    CHECK(std::isnan(single.low));
    CHECK(std::isnan(single.high));
    const double same[] = {5, 5, 5, 5, 5};
    const MeanScore flat = mean(same, 5);
    CHECK(flat.value == 5.0);
    CHECK(flat.sd == 0.0);
    CHECK(flat.low == 5.0);
    CHECK(flat.high == 5.0);
    CHECK(flat.percent == 100.0);
}

TEST_CASE("answers that are not levels of the scale are errors naming index and value") {
    const double out[] = {5, 4, 6, 1};
    const error e = error_of([&] { mean(out, 4); });
    CHECK(e.code() == errc::out_of_range);
    CHECK_THAT(e.what(), Catch::Contains("index 2") && Catch::Contains("6"));
    const double half[] = {4.5};
    CHECK(code_of([&] { mean(half, 1); }) == errc::out_of_range);
    const double zero[] = {0};
    CHECK(code_of([&] { mean(zero, 1); }) == errc::out_of_range);
    const double nan_at_1[] = {3, nan_v};
    const error en = error_of([&] { mean(nan_at_1, 2); });
    CHECK(en.code() == errc::invalid_argument);
    CHECK_THAT(en.what(), Catch::Contains("index 1"));
    const double inf_at_0[] = {inf_v, 3};
    CHECK(code_of([&] { mean(inf_at_0, 2); }) == errc::invalid_argument);
    const double minus_inf[] = {-inf_v};
    CHECK(code_of([&] { csat(minus_inf, 1); }) == errc::invalid_argument);
    const double ok[] = {3, 4};
    CHECK(code_of([&] { mean(ok, 2, Scale{1, 5}, 0); }) == errc::invalid_argument);
    CHECK(code_of([&] { mean(ok, 2, Scale{1, 5}, 1); }) == errc::invalid_argument);
    CHECK(code_of([&] { mean(ok, 2, Scale{1, 5}, -0.5); }) == errc::invalid_argument);
    CHECK(code_of([&] { mean(ok, 2, Scale{1, 5}, nan_v); }) == errc::invalid_argument);
    CHECK(code_of([&] { mean(ok, 2, Scale{5, 1}); }) == errc::invalid_argument);
    CHECK(code_of([&] { mean(ok, 2, Scale{3, 3}); }) == errc::invalid_argument);
    CHECK(code_of([&] { mean(ok, 2, Scale{0, 5000}); }) == errc::invalid_argument);
    CHECK(code_of([&] { mean(nullptr, 2); }) == errc::invalid_argument);
    CHECK(code_of([&] { mean_of_counts(nullptr, Scale{1, 5}); }) == errc::invalid_argument);
}

// ---- CSAT ----

TEST_CASE("CSAT counts the configured levels, with a Wilson interval") {
    // 20 answers: 17 at 4 or 5 → 0.85. Wilson by hand: z²/n = 0.192073, centre =
    // (0.85 + 0.096036)/1.192073 = 0.793609, half = 1.959964·√(0.006375 + 0.0024009)/1.192073
    // = 0.154025 → (0.639584, 0.947634) at 6 digits; without rounding the intermediates,
    // (0.6395811, 0.9476313).
    const std::uint64_t counts[5] = {1, 1, 1, 7, 10};
    const Share s = csat_of_counts(counts, Scale{1, 5}, default_satisfied);
    CHECK(s.n == 20);
    CHECK(s.successes == 17);
    CHECK(s.value == near(0.85, 1e-12));
    CHECK(s.low == near(0.6395811));
    CHECK(s.high == near(0.9476313));
    // "Basically satisfied" (3) counts too in some offices: 18/20.
    CHECK(csat_of_counts(counts, Scale{1, 5}, levels({3, 4, 5})).successes == 18);
    // From raw answers.
    const double answers[] = {5, 5, 4, 3, 2, 1, 5, 4};
    const Share r = csat(answers, 8);
    CHECK(r.successes == 5);
    CHECK(r.n == 8);
    CHECK(r.value == near(0.625, 1e-12));
    CHECK(csat(answers, 8, levels({5})).successes == 3);
    // A 0–10 scale, top-2 box.
    const double ten[] = {10, 9, 0, 7};
    CHECK(csat(ten, 4, levels({9, 10}), Scale{0, 10}).successes == 2);
    // Edge cases: none, none satisfied, all satisfied.
    const Share empty = csat(nullptr, 0);
    CHECK(empty.n == 0);
    CHECK(std::isnan(empty.value));
    CHECK(std::isnan(empty.low));
    const double low_answers[] = {1, 2, 3};
    const Share zero = csat(low_answers, 3);
    CHECK(zero.value == 0.0);
    CHECK(zero.low == 0.0);
    CHECK(zero.high == near(3.841459 / (3 + 3.841459))); // z²/(n + z²)
    const double high_answers[] = {4, 5, 5};
    const Share full = csat(high_answers, 3);
    CHECK(full.value == 1.0);
    CHECK(full.high == 1.0);
    CHECK(full.low == near(3 / (3 + 3.841459)));
    // Masks with levels outside the scale, scales outside 0..63.
    CHECK(code_of([&] {
              csat_of_counts(counts, Scale{1, 5}, levels({6}));
          }) == errc::invalid_argument);
    CHECK(code_of([&] {
              csat_of_counts(counts, Scale{1, 5}, levels({0}));
          }) == errc::invalid_argument);
    CHECK(code_of([&] {
              csat(answers, 8, default_satisfied, Scale{-2, 2});
          }) == errc::invalid_argument);
    CHECK(code_of([&] {
              csat(answers, 8, default_satisfied, Scale{1, 64});
          }) == errc::invalid_argument);
    const double seven[] = {7};
    CHECK(code_of([&] { csat(seven, 1); }) == errc::out_of_range);
}

TEST_CASE("a target is met, missed or undecided by the interval") {
    // 190/200 = 0.95: Wilson low = (0.95 + 0.0096036)/1.019207 − 1.959964·√(0.0002375 +
    // 0.000024009)/1.019207 = 0.941527 − 0.031098 = 0.910429 ≥ 0.85 → met (0.9104219 without
    // rounding the intermediates).
    const std::uint64_t good[2] = {10, 190};
    const Share g = csat_of_counts(good, Scale{0, 1}, levels({1}));
    CHECK(g.low == near(0.9104219));
    CHECK(check_target(g, 0.85) == Verdict::met);
    // 150/200 = 0.75: high = 0.745295 + 1.959964·√(0.0009375 + 0.000024009)/1.019207
    // = 0.745295 + 0.059630 = 0.804925 < 0.85 → missed (0.8049183 unrounded).
    const std::uint64_t bad[2] = {50, 150};
    const Share b = csat_of_counts(bad, Scale{0, 1}, levels({1}));
    CHECK(b.high == near(0.8049183));
    CHECK(check_target(b, 0.85) == Verdict::missed);
    // 170/200 = 0.85 exactly: the interval straddles the target.
    const std::uint64_t even[2] = {30, 170};
    CHECK(check_target(csat_of_counts(even, Scale{0, 1}, levels({1})), 0.85) == Verdict::undecided);
    // No data: undecided.
    CHECK(check_target(csat(nullptr, 0), 0.85) == Verdict::undecided);
    // Boundaries: a target of 0 is always met, and the low bound equal to the target meets it.
    CHECK(check_target(b, 0) == Verdict::met);
    CHECK(check_target(Share{0.9, 9, 10, 0.85, 0.95}, 0.85) == Verdict::met);
    CHECK(code_of([&] { check_target(b, 1.5); }) == errc::invalid_argument);
    CHECK(code_of([&] { check_target(b, nan_v); }) == errc::invalid_argument);
    CHECK(static_cast<int>(Verdict::met) == 0);
    CHECK(static_cast<int>(Verdict::missed) == 1);
    CHECK(static_cast<int>(Verdict::undecided) == 2);
}

// ---- NPS and CES ----

TEST_CASE("NPS from 0-10 answers with standard error") {
    // Promoters 9, 10, 10, 9, 10 (5); passives 8, 7 (2); detractors 6, 3, 0 (3).
    // NPS = 100·(5 − 3)/10 = 20.
    const double answers[] = {9, 10, 10, 9, 8, 7, 6, 3, 0, 10};
    const Nps r = nps(answers, 10);
    CHECK(r.n == 10);
    CHECK(r.promoters == 5);
    CHECK(r.passives == 2);
    CHECK(r.detractors == 3);
    CHECK(r.value == near(20, 1e-12));
    // Second method: score each answer +1/0/−1 and take the standard error of their mean with
    // the population variance (the trinomial formula's divisor n).
    double sum = 0, sq = 0;
    for (const double a : answers) {
        const double s = a >= 9 ? 1 : a >= 7 ? 0 : -1;
        sum += s;
        sq += s * s;
    }
    const double mu = sum / 10, var = sq / 10 - mu * mu; // 0.8 − 0.04 = 0.76
    CHECK(var == near(0.76, 1e-12));
    CHECK(r.se == near(100 * std::sqrt(var / 10), 1e-9)); // 27.568098
    CHECK(r.se == near(27.568098));
    CHECK(r.low == near(20 - z975 * 27.568098, 1e-4));  // −34.0325
    CHECK(r.high == near(20 + z975 * 27.568098, 1e-4)); // 74.0325
    // From counts, the same.
    const std::uint64_t counts[11] = {1, 0, 0, 1, 0, 0, 1, 1, 1, 2, 3};
    const Nps c = nps_of_counts(counts);
    CHECK(c.value == r.value);
    CHECK(c.se == r.se);
    // All promoters: 100 with no spread; all detractors: −100.
    const double top[] = {10, 9, 9};
    CHECK(nps(top, 3).value == 100.0);
    CHECK(nps(top, 3).se == 0.0);
    CHECK(nps(top, 3).high == 100.0);
    const double bottom[] = {0, 6};
    CHECK(nps(bottom, 2).value == -100.0);
    CHECK(nps(bottom, 2).low == -100.0);
    // A wide interval is clipped to −100..100: one promoter, one detractor →
    // se = 100·√((0.5 + 0.5 − 0)/2) = 70.710678, 0 ± 1.959964·70.71 = ±138.6 → ±100.
    const double split[] = {10, 0};
    CHECK(nps(split, 2).se == near(70.710678));
    CHECK(nps(split, 2).low == -100.0);
    CHECK(nps(split, 2).high == 100.0);
    // Edge cases.
    const Nps none = nps(nullptr, 0);
    CHECK(none.n == 0);
    CHECK(std::isnan(none.value));
    CHECK(std::isnan(none.se));
    const double one[] = {9};
    const Nps single = nps(one, 1);
    CHECK(single.value == 100.0);
    CHECK(std::isnan(single.se));
    CHECK(std::isnan(single.low));
    const double eleven[] = {11};
    CHECK(code_of([&] { nps(eleven, 1); }) == errc::out_of_range);
    const double neg[] = {-1};
    CHECK(code_of([&] { nps(neg, 1); }) == errc::out_of_range);
    const double bad[] = {nan_v};
    CHECK(code_of([&] { nps(bad, 1); }) == errc::invalid_argument);
    CHECK(code_of([&] { nps_of_counts(nullptr); }) == errc::invalid_argument);
}

TEST_CASE("CES on the 7-point and the older 5-point scale") {
    // 1..7: (7 + 6 + 5 + 2)/4 = 5; percent = (5 − 1)/6 = 66.67.
    const double seven[] = {7, 6, 5, 2};
    const Ces c7 = ces(seven, 4);
    CHECK(c7.scale == 7);
    CHECK(c7.score.value == near(5, 1e-12));
    CHECK(c7.score.percent == near(400.0 / 6, 1e-10));
    // 1..5: (5 + 4 + 3)/3 = 4; percent = 3/4 = 75.
    const double five[] = {5, 4, 3};
    const Ces c5 = ces(five, 3, 5);
    CHECK(c5.scale == 5);
    CHECK(c5.score.value == near(4, 1e-12));
    CHECK(c5.score.percent == near(75, 1e-12));
    CHECK(code_of([&] { ces(seven, 4, 5); }) == errc::out_of_range); // 7 and 6 on 1..5
    CHECK(code_of([&] { ces(five, 3, 6); }) == errc::invalid_argument);
    CHECK(code_of([&] { ces(five, 3, 10); }) == errc::invalid_argument);
}

// ---- indices ----

TEST_CASE("the ACSI-style index rescales 1-10 answers to 0-100") {
    // Weights 0.5, 0.3, 0.2. Respondent 1 answers 10, 10, 10 → 100. Respondent 2 answers 1, 10,
    // 4 → 0.5·0 + 0.3·100 + 0.2·(3/9·100) = 30 + 6.6667 = 36.6667.
    // Mean 68.3333; sd = |100 − 36.6667|/√2 = 44.7834.
    const double answers[] = {10, 10, 10, 1, 10, 4};
    const double w[] = {0.5, 0.3, 0.2};
    const IndexScore r = acsi(answers, 2, 3, w);
    REQUIRE(r.respondents.size() == 2);
    CHECK(r.respondents[0] == near(100, 1e-10));
    CHECK(r.respondents[1] == near(36.666667));
    CHECK(r.overall.n == 2);
    CHECK(r.overall.value == near(68.333333));
    CHECK(r.overall.percent == near(68.333333));
    CHECK(r.overall.sd == near(44.783429));
    // t(0.975, 1) = tan(0.475π) = 12.706205; half = 12.706205·44.783429/√2 = 402.3631.
    CHECK(r.overall.high - r.overall.value == near(402.3631, 1e-3));
    // Weights are normalised: 5, 3, 2 is the same; no weights means equal weights.
    const double w532[] = {5, 3, 2};
    CHECK(acsi(answers, 2, 3, w532).respondents[1] == near(36.666667));
    // Equal: (0 + 100 + 33.3333)/3 = 44.4444.
    CHECK(acsi(answers, 2, 3).respondents[1] == near(44.444444));
    // Edge cases and errors.
    const IndexScore none = acsi(nullptr, 0, 3);
    CHECK(none.respondents.empty());
    CHECK(std::isnan(none.overall.value));
    const double zero[] = {0, 5, 5};
    const error e = error_of([&] { acsi(zero, 1, 3); });
    CHECK(e.code() == errc::out_of_range);
    CHECK_THAT(e.what(), Catch::Contains("row 0") && Catch::Contains("item 0"));
    const double nan_row[] = {5, nan_v, 5};
    CHECK(code_of([&] { acsi(nan_row, 1, 3); }) == errc::invalid_argument);
    const double negative[] = {1, -1, 1};
    CHECK(code_of([&] { acsi(answers, 2, 3, negative); }) == errc::invalid_argument);
    const double zeros[] = {0, 0, 0};
    CHECK(code_of([&] { acsi(answers, 2, 3, zeros); }) == errc::invalid_argument);
    CHECK(code_of([&] { acsi(answers, 2, 0); }) == errc::invalid_argument);
}

TEST_CASE("the weighted index multiplies local weights along the tree") {
    // DOMAIN.md §6: service quality (0.6: attitude and result, equal) and response speed (0.4).
    // Global weights: 0.6·0.5 = 0.3, 0.3, 0.4. Scores on 1..5: attitude 4.2 → 80, result
    // 3.8 → 70, speed 4.6 → 90. Index = 0.3·80 + 0.3·70 + 0.4·90 = 24 + 21 + 36 = 81.
    const std::vector<Indicator> tree = {
        {"quality", 0.6, {}, {{"attitude", 1, {1, 5}, {}}, {"result", 1, {1, 5}, {}}}},
        {"speed", 0.4, {1, 5}, {}},
    };
    const double scores[] = {4.2, 3.8, 4.6};
    const WeightedIndex r = weighted_index(tree, scores, 3);
    CHECK(r.value == near(81, 1e-10));
    REQUIRE(r.items.size() == 3);
    CHECK(r.items[0].path == "quality/attitude");
    CHECK(r.items[1].path == "quality/result");
    CHECK(r.items[2].path == "speed");
    CHECK(r.items[0].global_weight == near(0.3, 1e-15));
    CHECK(r.items[1].global_weight == near(0.3, 1e-15));
    CHECK(r.items[2].global_weight == near(0.4, 1e-15));
    CHECK(r.item_scores[0] == near(80, 1e-10));
    CHECK(r.item_scores[2] == near(90, 1e-10));
    // "Speed matters three times as much as attitude": weights 3 and 1 → 0.75 and 0.25; a
    // deeper tree multiplies along the path, and an item may have its own scale.
    const std::vector<Indicator> deep = {
        {"a", 3, {}, {{"b", 1, {}, {{"c", 1, {0, 10}, {}}, {"d", 3, {1, 5}, {}}}}}},
        {"e", 1, {1, 7}, {}},
    };
    const std::vector<ItemWeight> g = global_weights(deep);
    REQUIRE(g.size() == 3);
    CHECK(g[0].path == "a/b/c");
    CHECK(g[0].global_weight == near(0.75 * 1 * 0.25, 1e-15));
    CHECK(g[1].global_weight == near(0.75 * 1 * 0.75, 1e-15));
    CHECK(g[2].global_weight == near(0.25, 1e-15));
    CHECK(g[0].global_weight + g[1].global_weight + g[2].global_weight == near(1, 1e-15));
    // c = 5 on 0..10 → 50, d = 3 on 1..5 → 50, e = 7 on 1..7 → 100:
    // 0.1875·50 + 0.5625·50 + 0.25·100 = 9.375 + 28.125 + 25 = 62.5.
    const double deep_scores[] = {5, 3, 7};
    CHECK(weighted_index(deep, deep_scores, 3).value == near(62.5, 1e-10));
    // Errors.
    CHECK(code_of([] { global_weights({}); }) == errc::invalid_argument);
    CHECK(code_of([] { global_weights({{"x", -1, {}, {}}}); }) == errc::invalid_argument);
    CHECK(code_of([] { global_weights({{"x", nan_v, {}, {}}}); }) == errc::invalid_argument);
    CHECK(code_of([] {
              global_weights({{"x", 0, {}, {}}, {"y", 0, {}, {}}});
          }) == errc::invalid_argument);
    CHECK(code_of([] { global_weights({{"x", 1, {5, 1}, {}}}); }) == errc::invalid_argument);
    CHECK(code_of([&] { weighted_index(tree, scores, 2); }) == errc::invalid_argument);
    const double outside[] = {4.2, 5.5, 4.6};
    const error e = error_of([&] { weighted_index(tree, outside, 3); });
    CHECK(e.code() == errc::out_of_range);
    CHECK_THAT(e.what(), Catch::Contains("quality/result"));
    const double not_finite[] = {4.2, nan_v, 4.6};
    CHECK(code_of([&] { weighted_index(tree, not_finite, 3); }) == errc::invalid_argument);
    CHECK(code_of([&] { weighted_index(tree, nullptr, 3); }) == errc::invalid_argument);
}

TEST_CASE("SERVQUAL gaps per item, dimension and weighted") {
    // Items 0, 1 in tangibles (0), item 2 in reliability (1). P = 5, 6, 4; E = 6, 6, 7.
    // Gaps −1, 0, −3; tangibles −0.5, reliability −3; unweighted (−0.5 − 3)/2 = −1.75;
    // weights 40:60 → 0.4·(−0.5) + 0.6·(−3) = −2.0.
    const double p[] = {5, 6, 4};
    const double e[] = {6, 6, 7};
    const std::size_t dim[] = {0, 0, 1};
    const double w[] = {40, 60};
    const Servqual s = servqual(p, e, dim, 3, 2, w);
    CHECK(s.item_gaps == std::vector<double>{-1, 0, -3});
    CHECK(s.dimension_gaps[0] == near(-0.5, 1e-15));
    CHECK(s.dimension_gaps[1] == near(-3, 1e-15));
    CHECK(s.unweighted == near(-1.75, 1e-15));
    CHECK(s.weighted == near(-2.0, 1e-15));
    CHECK(servqual(p, e, dim, 3, 2).weighted == near(-1.75, 1e-15)); // equal weights
    // Errors.
    const std::size_t bad_dim[] = {0, 2, 1};
    CHECK(code_of([&] { servqual(p, e, bad_dim, 3, 2); }) == errc::invalid_argument);
    const std::size_t empty_dim[] = {0, 0, 0};
    CHECK(code_of([&] { servqual(p, e, empty_dim, 3, 2); }) == errc::invalid_argument);
    const double high[] = {5, 8, 4};
    CHECK(code_of([&] { servqual(high, e, dim, 3, 2); }) == errc::out_of_range);
    const double nan_e[] = {6, nan_v, 7};
    CHECK(code_of([&] { servqual(p, nan_e, dim, 3, 2); }) == errc::invalid_argument);
    CHECK(code_of([&] { servqual(p, e, dim, 0, 2); }) == errc::invalid_argument);
    CHECK(code_of([&] { servqual(nullptr, e, dim, 3, 2); }) == errc::invalid_argument);
    const double neg_w[] = {-1, 2};
    CHECK(code_of([&] { servqual(p, e, dim, 3, 2, neg_w); }) == errc::invalid_argument);
}

// ---- AHP ----

TEST_CASE("AHP reproduces Saaty's house example, inconsistent") {
    // Saaty (1990), How to make a decision: the analytic hierarchy process, EJOR 48:9–26, the
    // house criteria: published weights .173 .054 .188 .018 .031 .036 .167 .333, λmax = 9.669,
    // CI = 0.238, CR = 0.169 (Saaty 1980 RI(8) = 1.41).
    const std::vector<double> a = {
        1,       5,       3,       7, 6,       6,       1.0 / 3, 1.0 / 4, //
        1.0 / 5, 1,       1.0 / 3, 5, 3,       3,       1.0 / 5, 1.0 / 7, //
        1.0 / 3, 3,       1,       6, 3,       4,       6,       1.0 / 5, //
        1.0 / 7, 1.0 / 5, 1.0 / 6, 1, 1.0 / 3, 1.0 / 4, 1.0 / 7, 1.0 / 8, //
        1.0 / 6, 1.0 / 3, 1.0 / 3, 3, 1,       1.0 / 2, 1.0 / 5, 1.0 / 6, //
        1.0 / 6, 1.0 / 3, 1.0 / 4, 4, 2,       1,       1.0 / 5, 1.0 / 6, //
        3,       5,       1.0 / 6, 7, 5,       5,       1,       1.0 / 2, //
        4,       7,       5,       8, 6,       6,       2,       1};
    const Ahp r = ahp(a.data(), 8);
    const double published[] = {.173, .054, .188, .018, .031, .036, .167, .333};
    REQUIRE(r.weights.size() == 8);
    for (std::size_t i = 0; i < 8; ++i)
        CHECK(r.weights[i] == near(published[i], 0.0006));
    CHECK(r.lambda_max == near(9.669, 0.0006));
    CHECK(r.ci == near(0.238, 0.0006));
    CHECK(r.ri == 1.41);
    CHECK(r.cr == near(0.169, 0.0006));
    CHECK_FALSE(r.consistent);
    CHECK(std::string(r.table_name) == "saaty1980");
    CHECK(r.table == RiTable::saaty1980);
    CHECK(r.method == AhpMethod::eigen);
    REQUIRE(r.worst.has_value());
    // Second method: power iteration on the same matrix.
    double lambda = 0;
    const std::vector<double> w = power_iteration(a, 8, lambda);
    for (std::size_t i = 0; i < 8; ++i)
        CHECK(r.weights[i] == near(w[i], 1e-10));
    CHECK(r.lambda_max == near(lambda, 1e-9));
    // With Saaty's 2005 table RI(8) = 1.40: CR = 0.23841/1.40.
    const Ahp r2005 = ahp(a.data(), 8, RiTable::saaty2005);
    CHECK(r2005.ri == 1.40);
    CHECK(r2005.cr == near(r.ci / 1.40, 1e-12));
    CHECK(std::string(r2005.table_name) == "saaty2005");
}

TEST_CASE("AHP reproduces the leader example, consistent") {
    // Wikipedia, "Analytic hierarchy process – leader example": criteria experience,
    // education, charisma, age; published priorities .547 .127 .270 .056, CR = 0.044.
    const double a[] = {1,       4,       3,       7, //
                        1.0 / 4, 1,       1.0 / 3, 3, //
                        1.0 / 3, 3,       1,       5, //
                        1.0 / 7, 1.0 / 3, 1.0 / 5, 1};
    const Ahp r = ahp(a, 4);
    CHECK(r.weights[0] == near(.547, 0.0006));
    CHECK(r.weights[1] == near(.127, 0.0006));
    CHECK(r.weights[2] == near(.270, 0.0006));
    CHECK(r.weights[3] == near(.056, 0.0006));
    CHECK(r.cr == near(0.044, 0.0006));
    CHECK(r.consistent);
    CHECK_FALSE(r.worst.has_value());
}

TEST_CASE("AHP on a 3x3 matrix matches the closed form") {
    // For n = 3, λmax = 1 + c^(1/3) + c^(−1/3) with c = a12·a23/a13 = 3·3/5 = 1.8:
    // 1 + 1.216440 + 0.822071 = 3.038511; CI = 0.019256; CR = 0.019256/0.58 = 0.033199.
    // For n = 3 the eigenvector equals the row geometric means: ∛15 = 2.466212, ∛1 = 1,
    // ∛(1/15) = 0.405480; sum 3.871692 → 0.636986, 0.258285, 0.104729.
    const double a[] = {1, 3, 5, 1.0 / 3, 1, 3, 1.0 / 5, 1.0 / 3, 1};
    for (const AhpMethod m : {AhpMethod::eigen, AhpMethod::geometric}) {
        const Ahp r = ahp(a, 3, RiTable::saaty1980, m);
        CHECK(r.method == m);
        CHECK(r.weights[0] == near(0.636986));
        CHECK(r.weights[1] == near(0.258285));
        CHECK(r.weights[2] == near(0.104729));
        CHECK(r.lambda_max == near(3.038511));
        CHECK(r.ci == near(0.019256));
        CHECK(r.cr == near(0.033199));
        CHECK(r.consistent);
    }
}

TEST_CASE("AHP recovers the weights of a consistent matrix with either method") {
    // a_ij = w_i / w_j for w = (0.4, 0.3, 0.2, 0.1): the weights come back, λmax = n, CR = 0.
    const double w[] = {0.4, 0.3, 0.2, 0.1};
    std::vector<double> a(16);
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = 0; j < 4; ++j)
            a[i * 4 + j] = w[i] / w[j];
    for (const AhpMethod m : {AhpMethod::eigen, AhpMethod::geometric}) {
        const Ahp r = ahp(a.data(), 4, RiTable::saaty1980, m);
        for (std::size_t i = 0; i < 4; ++i)
            CHECK(r.weights[i] == near(w[i], 1e-12));
        CHECK(r.lambda_max == near(4, 1e-10));
        CHECK(r.ci == near(0, 1e-10));
        CHECK(r.cr == near(0, 1e-10));
        CHECK(r.consistent);
    }
    // One judgement reversed (a_13 = 1/3 instead of 3 = 0.3/0.1): the matrix turns
    // inconsistent and that pair is named as the worst.
    a[1 * 4 + 3] = 1.0 / 3;
    a[3 * 4 + 1] = 3;
    const Ahp bad = ahp(a.data(), 4);
    CHECK_FALSE(bad.consistent);
    CHECK(bad.cr >= 0.10);
    REQUIRE(bad.worst.has_value());
    CHECK(*bad.worst == std::make_pair(std::size_t{1}, std::size_t{3}));
}

TEST_CASE("AHP eigenvector agrees with power iteration on random matrices") {
    std::mt19937 rng(3);
    for (int t = 0; t < 60; ++t) {
        const std::size_t n = 3 + static_cast<std::size_t>(t % 13);
        const std::vector<double> a = random_reciprocal(n, rng);
        const Ahp r = ahp(a.data(), n);
        double lambda = 0;
        const std::vector<double> w = power_iteration(a, n, lambda);
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) {
            CHECK(r.weights[i] == near(w[i], 1e-9));
            CHECK(r.weights[i] > 0);
            sum += r.weights[i];
        }
        CHECK(sum == near(1, 1e-12));
        CHECK(r.lambda_max == near(lambda, 1e-8));
        CHECK(r.lambda_max >= static_cast<double>(n) - 1e-9); // Perron: λmax ≥ n
        const double dn = static_cast<double>(n);
        CHECK(r.cr == near((lambda - dn) / (dn - 1) / random_index(RiTable::saaty1980, n), 1e-8));
        CHECK(r.consistent == (r.cr < 0.10));
        CHECK(r.worst.has_value() == !r.consistent);
        // Geometric: w_i ∝ (Π_j a_ij)^(1/n), by hand here.
        const Ahp g = ahp(a.data(), n, RiTable::saaty1980, AhpMethod::geometric);
        std::vector<double> gm(n);
        double gs = 0;
        for (std::size_t i = 0; i < n; ++i) {
            double prod = 1;
            for (std::size_t j = 0; j < n; ++j)
                prod *= a[i * n + j];
            gm[i] = std::pow(prod, 1.0 / static_cast<double>(n));
            gs += gm[i];
        }
        for (std::size_t i = 0; i < n; ++i)
            CHECK(g.weights[i] == near(gm[i] / gs, 1e-12));
    }
}

TEST_CASE("AHP with one and two criteria is always consistent") {
    const double one[] = {1};
    const Ahp r1 = ahp(one, 1);
    CHECK(r1.weights == std::vector<double>{1});
    CHECK(r1.lambda_max == 1);
    CHECK(r1.ci == 0);
    CHECK(r1.cr == 0);
    CHECK(r1.consistent);
    // 2×2, a12 = 3: weights 3/4 and 1/4, λmax = 2.
    const double two[] = {1, 3, 1.0 / 3, 1};
    for (const AhpMethod m : {AhpMethod::eigen, AhpMethod::geometric}) {
        const Ahp r2 = ahp(two, 2, RiTable::saaty1980, m);
        CHECK(r2.weights[0] == near(0.75, 1e-12));
        CHECK(r2.weights[1] == near(0.25, 1e-12));
        CHECK(r2.lambda_max == 2);
        CHECK(r2.cr == 0);
        CHECK(r2.consistent);
    }
}

TEST_CASE("AHP errors name the offending cell") {
    const double negative[] = {1, -3, -1.0 / 3, 1};
    error e = error_of([&] { ahp(negative, 2); });
    CHECK(e.code() == errc::invalid_argument);
    CHECK_THAT(e.what(), Catch::Contains("(0, 1)"));
    const double zero[] = {1, 0, 1, 1};
    CHECK(code_of([&] { ahp(zero, 2); }) == errc::invalid_argument);
    const double not_reciprocal[] = {1, 3, 5, 1.0 / 3, 1, 3, 1.0 / 5, 0.5, 1};
    e = error_of([&] { ahp(not_reciprocal, 3); });
    CHECK(e.code() == errc::invalid_argument);
    CHECK_THAT(e.what(), Catch::Contains("(1, 2)") && Catch::Contains("(2, 1)"));
    const double diagonal[] = {1, 3, 1.0 / 3, 2};
    e = error_of([&] { ahp(diagonal, 2); });
    CHECK(e.code() == errc::invalid_argument);
    CHECK_THAT(e.what(), Catch::Contains("(1, 1)"));
    const double not_finite[] = {1, inf_v, 0, 1};
    e = error_of([&] { ahp(not_finite, 2); });
    CHECK_THAT(e.what(), Catch::Contains("(0, 1)"));
    const double with_nan[] = {1, 2, nan_v, 1};
    e = error_of([&] { ahp(with_nan, 2); });
    CHECK(e.code() == errc::invalid_argument);
    CHECK_THAT(e.what(), Catch::Contains("(1, 0)"));
    // A reciprocal typed to 12 digits is accepted (relative tolerance 1e-9); 0.333 is not.
    const double typed[] = {1, 3, 0.333333333333, 1};
    CHECK(ahp(typed, 2).consistent);
    const double rough[] = {1, 3, 0.333, 1};
    CHECK(code_of([&] { ahp(rough, 2); }) == errc::invalid_argument);
    CHECK(code_of([&] { ahp(nullptr, 2); }) == errc::invalid_argument);
    const double single[] = {1};
    CHECK(code_of([&] { ahp(single, 0); }) == errc::invalid_argument);
    // Beyond the table: Saaty 1980 stops at 15, Donegan & Dodd at 20.
    std::vector<double> big(16 * 16, 1.0);
    CHECK(code_of([&] { ahp(big.data(), 16); }) == errc::out_of_range);
    CHECK(ahp(big.data(), 16, RiTable::donegan_dodd).consistent);
    CHECK(code_of([&] { ahp(single, 1, static_cast<RiTable>(9)); }) == errc::out_of_range);
    CHECK(code_of([&] { ahp(single, 1, RiTable::saaty1980, static_cast<AhpMethod>(5)); }) ==
          errc::out_of_range);
}

TEST_CASE("random-index tables hold the published values") {
    // Saaty (1980): 0.58, 0.90, 1.12 … 1.49 for n = 3..10; 1.59 at 15.
    CHECK(random_index(RiTable::saaty1980, 1) == 0);
    CHECK(random_index(RiTable::saaty1980, 2) == 0);
    CHECK(random_index(RiTable::saaty1980, 3) == 0.58);
    CHECK(random_index(RiTable::saaty1980, 4) == 0.90);
    CHECK(random_index(RiTable::saaty1980, 9) == 1.45);
    CHECK(random_index(RiTable::saaty1980, 12) == 1.48);
    CHECK(random_index(RiTable::saaty1980, 15) == 1.59);
    // Saaty (2005), p. 31: 0.52, 0.89, 1.11, 1.25, 1.35, 1.40, 1.45, 1.49 … 1.59.
    CHECK(random_index(RiTable::saaty2005, 3) == 0.52);
    CHECK(random_index(RiTable::saaty2005, 7) == 1.35);
    CHECK(random_index(RiTable::saaty2005, 15) == 1.59);
    // Donegan & Dodd (1991): 0.4914 at 3, 1.4055 at 10, 1.5371 at 20.
    CHECK(random_index(RiTable::donegan_dodd, 3) == 0.4914);
    CHECK(random_index(RiTable::donegan_dodd, 10) == 1.4055);
    CHECK(random_index(RiTable::donegan_dodd, 20) == 1.5371);
    // Alonso & Lamata (2006): 0.5245 at 3, 1.1086 at 5, 1.4499 at 9, 1.5838 at 15.
    CHECK(random_index(RiTable::alonso_lamata, 3) == 0.5245);
    CHECK(random_index(RiTable::alonso_lamata, 5) == 1.1086);
    CHECK(random_index(RiTable::alonso_lamata, 9) == 1.4499);
    CHECK(random_index(RiTable::alonso_lamata, 15) == 1.5838);
    // Every table rises from n = 3 to its end, except Saaty 1980's published dip at 12.
    for (const RiTable t : {RiTable::saaty2005, RiTable::donegan_dodd, RiTable::alonso_lamata})
        for (std::size_t n = 3; n < 15; ++n)
            CHECK(random_index(t, n) < random_index(t, n + 1));
    CHECK(code_of([] { random_index(RiTable::saaty1980, 0); }) == errc::out_of_range);
    CHECK(code_of([] { random_index(RiTable::saaty1980, 16); }) == errc::out_of_range);
    CHECK(code_of([] { random_index(RiTable::alonso_lamata, 16); }) == errc::out_of_range);
    CHECK(code_of([] { random_index(RiTable::donegan_dodd, 21); }) == errc::out_of_range);
    // Names, both ways; the values cross the C ABI and never change.
    for (const RiTable t :
         {RiTable::saaty1980, RiTable::saaty2005, RiTable::donegan_dodd, RiTable::alonso_lamata})
        CHECK(ri_table_from_name(ri_table_name(t)) == t);
    CHECK(std::string(ri_table_name(RiTable::donegan_dodd)) == "donegan_dodd");
    CHECK(std::string(ri_table_name(static_cast<RiTable>(42))) == "unknown");
    CHECK_FALSE(ri_table_from_name("saaty").has_value());
    CHECK(static_cast<int>(RiTable::alonso_lamata) == 3);
    CHECK(static_cast<int>(AhpMethod::geometric) == 1);
}

// ---- key drivers ----

TEST_CASE("key drivers recover an exact linear relation") {
    // y = 1 + 2·x1 + 0.5·x2 exactly. By hand: sd(x1) = sd(x2) = √2.5 = 1.581139; y = 4, 5.5, 9,
    // 10.5, 13.5, mean 8.5, Σdev² = 58.5, sd(y) = √14.625 = 3.824265.
    // β1 = 2·1.581139/3.824265 = 0.826898; β2 = 0.5·1.581139/3.824265 = 0.206725.
    // r1 = (Σ dx1·dy = 24)/4/(1.581139·3.824265) = 6/6.046693 = 0.992278;
    // r2 = (Σ dx2·dy = 21)/4/6.046693 = 0.868243. Pratt: 0.820513, 0.179487 (sum 1).
    const double x1[] = {1, 2, 3, 4, 5};
    const double x2[] = {2, 1, 4, 3, 5};
    const double y[] = {4, 5.5, 9, 10.5, 13.5};
    const double* dims[] = {x1, x2};
    const KeyDrivers k = key_drivers(y, dims, 2, 5);
    CHECK(k.n == 5);
    CHECK(k.intercept == near(1, 1e-9));
    CHECK(k.coefficients[0] == near(2, 1e-9));
    CHECK(k.coefficients[1] == near(0.5, 1e-9));
    CHECK(k.r_squared == near(1, 1e-12));
    CHECK(k.standardized[0] == near(0.826898));
    CHECK(k.standardized[1] == near(0.206725));
    CHECK(k.correlations[0] == near(0.992278));
    CHECK(k.correlations[1] == near(0.868243));
    CHECK(k.importance[0] == near(0.820513));
    CHECK(k.importance[1] == near(0.179487));
}

TEST_CASE("key drivers agree with the normal equations on noisy data") {
    // Second method: solve (XᵀX)b = Xᵀy for X = [1, x1, x2, x3] by Gaussian elimination.
    std::mt19937 rng(5);
    std::normal_distribution<double> noise(0, 0.7);
    const std::size_t n = 300;
    std::vector<double> c[3], y(n);
    for (auto& col : c)
        col.resize(n);
    for (std::size_t r = 0; r < n; ++r) {
        for (auto& col : c)
            col[r] = 1 + static_cast<double>(rng() % 5);
        y[r] = 0.3 + 0.6 * c[0][r] + 0.25 * c[1][r] + 0.05 * c[2][r] + noise(rng);
    }
    double m[4][5] = {};
    for (std::size_t r = 0; r < n; ++r) {
        const double row[4] = {1, c[0][r], c[1][r], c[2][r]};
        for (int i = 0; i < 4; ++i) {
            for (int j = 0; j < 4; ++j)
                m[i][j] += row[i] * row[j];
            m[i][4] += row[i] * y[r];
        }
    }
    for (int p = 0; p < 4; ++p)
        for (int i = p + 1; i < 4; ++i) {
            const double f = m[i][p] / m[p][p];
            for (int j = p; j < 5; ++j)
                m[i][j] -= f * m[p][j];
        }
    double b[4];
    for (int i = 3; i >= 0; --i) {
        b[i] = m[i][4];
        for (int j = i + 1; j < 4; ++j)
            b[i] -= m[i][j] * b[j];
        b[i] /= m[i][i];
    }
    const double* dims[] = {c[0].data(), c[1].data(), c[2].data()};
    const KeyDrivers k = key_drivers(y.data(), dims, 3, n);
    CHECK(k.intercept == near(b[0], 1e-9));
    for (int j = 0; j < 3; ++j)
        CHECK(k.coefficients[static_cast<std::size_t>(j)] == near(b[j + 1], 1e-9));
    // R² from the residuals of the normal-equation fit.
    double mean_y = 0;
    for (const double v : y)
        mean_y += v / static_cast<double>(n);
    double sse = 0, sst = 0;
    for (std::size_t r = 0; r < n; ++r) {
        const double fit = b[0] + b[1] * c[0][r] + b[2] * c[1][r] + b[3] * c[2][r];
        sse += (y[r] - fit) * (y[r] - fit);
        sst += (y[r] - mean_y) * (y[r] - mean_y);
    }
    CHECK(k.r_squared == near(1 - sse / sst, 1e-10));
    double total = 0;
    for (const double d : k.importance)
        total += d;
    CHECK(total == near(1, 1e-10)); // Pratt's shares sum to 1
    CHECK(k.importance[0] > k.importance[1]);
    CHECK(k.importance[1] > k.importance[2]);
}

TEST_CASE("key drivers refuse data that cannot support a regression") {
    const double x1[] = {1, 2, 3, 4, 5};
    const double x2[] = {2, 1, 4, 3, 5};
    const double y[] = {4, 5.5, 9, 10.5, 13.5};
    const double* dims[] = {x1, x2};
    // Too few responses: 2 dimensions need at least 4.
    error e = error_of([&] { key_drivers(y, dims, 2, 3); });
    CHECK(e.code() == errc::invalid_argument);
    CHECK_THAT(e.what(), Catch::Contains("too few"));
    CHECK(key_drivers(y, dims, 2, 4).n == 4);
    // A constant dimension, named.
    const double flat[] = {3, 3, 3, 3, 3};
    const double* with_flat[] = {x1, flat};
    e = error_of([&] { key_drivers(y, with_flat, 2, 5); });
    CHECK(e.code() == errc::invalid_argument);
    CHECK_THAT(e.what(), Catch::Contains("dimension 1") && Catch::Contains("constant"));
    // Collinear: x3 = x1 + x2, named as the one depending on those before it.
    const double x1b[] = {1, 2, 3, 4, 5, 6};
    const double x2b[] = {2, 1, 4, 3, 5, 5};
    const double x3b[] = {3, 3, 7, 7, 10, 11}; // x1b + x2b
    const double yb[] = {1, 2, 3, 4, 5, 7};
    const double* coll6[] = {x1b, x2b, x3b};
    e = error_of([&] { key_drivers(yb, coll6, 3, 6); });
    CHECK(e.code() == errc::invalid_argument);
    CHECK_THAT(e.what(), Catch::Contains("dimension 2") && Catch::Contains("collinear"));
    // A duplicated dimension is collinear too.
    const double* twice[] = {x1b, x1b};
    e = error_of([&] { key_drivers(yb, twice, 2, 6); });
    CHECK_THAT(e.what(), Catch::Contains("dimension 1"));
    // Constant overall score, non-finite values, NULLs, no dimensions.
    const double flat_y[] = {2, 2, 2, 2, 2};
    CHECK(code_of([&] { key_drivers(flat_y, dims, 2, 5); }) == errc::invalid_argument);
    const double nan_x[] = {1, 2, nan_v, 4, 5};
    const double* with_nan[] = {x1, nan_x};
    e = error_of([&] { key_drivers(y, with_nan, 2, 5); });
    CHECK_THAT(e.what(), Catch::Contains("dimension 1") && Catch::Contains("row 2"));
    CHECK(code_of([&] { key_drivers(nullptr, dims, 2, 5); }) == errc::invalid_argument);
    CHECK(code_of([&] { key_drivers(y, dims, 0, 5); }) == errc::invalid_argument);
    const double* null_dim[] = {x1, nullptr};
    CHECK(code_of([&] { key_drivers(y, null_dim, 2, 5); }) == errc::invalid_argument);
}

// ---- operational figures ----

TEST_CASE("MTTR, mean duration and percentiles") {
    // DOMAIN.md §6: MTTR = total repair time / repairs = 7200 s / 3 = 2400 s.
    CHECK(mttr(7200, 3) == 2400);
    CHECK(std::isnan(mttr(0, 0)));
    CHECK(code_of([] { mttr(-1, 3); }) == errc::invalid_argument);
    CHECK(code_of([] { mttr(inf_v, 3); }) == errc::invalid_argument);
    const double d[] = {600, 1800, 3600, 7200};
    CHECK(mean_duration(d, 4) == 3300); // 13200 / 4
    CHECK(std::isnan(mean_duration(nullptr, 0)));
    const double neg[] = {10, -1};
    CHECK(code_of([&] { mean_duration(neg, 2); }) == errc::invalid_argument);
    // Type 7 (numpy's default) on 1, 2, 3, 4 given unsorted: p50 → h = 1.5 → 2.5; p90 →
    // h = 2.7 → 3.7; p0 and p100 are the extremes; p25 → h = 0.75 → 1.75.
    const double v[] = {4, 1, 3, 2};
    CHECK(percentile(v, 4, 50) == near(2.5, 1e-12));
    CHECK(percentile(v, 4, 90) == near(3.7, 1e-12));
    CHECK(percentile(v, 4, 25) == near(1.75, 1e-12));
    CHECK(percentile(v, 4, 0) == 1);
    CHECK(percentile(v, 4, 100) == 4);
    const double one[] = {42};
    CHECK(percentile(one, 1, 95) == 42);
    CHECK(std::isnan(percentile(nullptr, 0, 50)));
    // Brute force: on 0, 1, …, 100 the p-th percentile is p.
    std::vector<double> hundred(101);
    for (std::size_t i = 0; i <= 100; ++i)
        hundred[100 - i] = static_cast<double>(i);
    for (const double p : {5.0, 37.5, 95.0, 99.0})
        CHECK(percentile(hundred.data(), hundred.size(), p) == near(p, 1e-9));
    CHECK(code_of([&] { percentile(v, 4, 101); }) == errc::invalid_argument);
    CHECK(code_of([&] { percentile(v, 4, -1); }) == errc::invalid_argument);
    CHECK(code_of([&] { percentile(v, 4, nan_v); }) == errc::invalid_argument);
    const double bad[] = {1, nan_v};
    CHECK(code_of([&] { percentile(bad, 2, 50); }) == errc::invalid_argument);
}

TEST_CASE("share within limit counts durations at or below the limit") {
    const double d[] = {10, 20, 30, 40};
    const Share s = within_limit(d, 4, 25);
    CHECK(s.successes == 2);
    CHECK(s.value == 0.5);
    // Wilson 2/4 is symmetric about 0.5: centre 0.5, half = z·√(1/16 + z²/64)/(1 + z²/4)
    // = 1.959964·√(0.0625 + 0.060023)/1.960365 = 1.959964·0.350033/1.960365 = 0.349961.
    CHECK(s.low == near(0.5 - 0.349961));
    CHECK(s.high == near(0.5 + 0.349961));
    CHECK(within_limit(d, 4, 30).successes == 3); // the limit itself is within
    CHECK(within_limit(d, 4, 5).successes == 0);
    CHECK(within_limit(nullptr, 0, 5).n == 0);
    CHECK(code_of([&] { within_limit(d, 4, -1); }) == errc::invalid_argument);
    CHECK(code_of([&] { within_limit(d, 4, nan_v); }) == errc::invalid_argument);
    const double neg[] = {-5};
    CHECK(code_of([&] { within_limit(neg, 1, 5); }) == errc::invalid_argument);
}

TEST_CASE("sample size with the finite-population correction") {
    // Cochran: n0 = z²·p(1−p)/e² = 3.841459·0.25/0.0025 = 384.146 → 385.
    CHECK(sample_size(0.05) == 385);
    // ±3 %: 3.841459·0.25/0.0009 = 1067.07 → 1068. 99 %, ±5 %: 6.634897·0.25/0.0025 = 663.49
    // → 664.
    CHECK(sample_size(0.03) == 1068);
    CHECK(sample_size(0.05, 0.99) == 664);
    // p = 0.2: 3.841459·0.16/0.0025 = 245.85 → 246.
    CHECK(sample_size(0.05, 0.95, 0.2) == 246);
    // An estate of 1000 households: 384.146/(1 + 383.146/1000) = 277.73 → 278; of 100:
    // 384.146/4.83146 = 79.51 → 80 (both as in Krejcie & Morgan's 1970 table).
    CHECK(sample_size(0.05, 0.95, 0.5, 1000) == 278);
    CHECK(sample_size(0.05, 0.95, 0.5, 100) == 80);
    // Tiny estates: 10 → 384.146/39.3146 = 9.77 → 10; 1 → exactly 1.
    CHECK(sample_size(0.05, 0.95, 0.5, 10) == 10);
    CHECK(sample_size(0.05, 0.95, 0.5, 1) == 1);
    // A wide margin never asks for fewer than one response.
    CHECK(sample_size(0.99) == 1);
    CHECK(code_of([] { sample_size(0); }) == errc::invalid_argument);
    CHECK(code_of([] { sample_size(1); }) == errc::invalid_argument);
    CHECK(code_of([] { sample_size(0.05, 1); }) == errc::invalid_argument);
    CHECK(code_of([] { sample_size(0.05, 0.95, 0); }) == errc::invalid_argument);
    CHECK(code_of([] { sample_size(0.05, 0.95, nan_v); }) == errc::invalid_argument);
    CHECK(code_of([] { sample_size(1e-12); }) == errc::out_of_range);
}

TEST_CASE("AHP on judgements of 1e200 and more: exact weights or a clear refusal (issue 12)") {
    // Relative closeness, for weights far below 1.
    const auto rel = [](double got, double want) {
        return std::isfinite(got) && std::fabs(got - want) <= 1e-9 * std::fabs(want);
    };
    for (const AhpMethod m : {AhpMethod::eigen, AhpMethod::geometric}) {
        INFO(static_cast<int>(m));
        // 2×2, a12 = 1e200: weights 1/(1 + 1e-200) and 1e-200/(1 + 1e-200), i.e. 1 and 1e-200.
        // The eigen method returned NaN weights with OK here.
        const double two[] = {1, 1e200, 1e-200, 1};
        const Ahp r2 = ahp(two, 2, RiTable::saaty1980, m);
        CHECK(rel(r2.weights[0], 1));
        CHECK(rel(r2.weights[1], 1e-200));
        CHECK(r2.lambda_max == 2);
        CHECK(r2.consistent);
        // A consistent 3×3 chain a01 = a12 = 1e150, a02 = 1e300: weights proportional to
        // (1e300, 1e150, 1), i.e. (1, 1e-150, 1e-300); λmax = 3.
        const double chain[] = {1, 1e150, 1e300, 1e-150, 1, 1e150, 1e-300, 1e-150, 1};
        const Ahp rc = ahp(chain, 3, RiTable::saaty1980, m);
        CHECK(rel(rc.weights[0], 1));
        CHECK(rel(rc.weights[1], 1e-150));
        CHECK(rel(rc.weights[2], 1e-300));
        CHECK(rc.lambda_max == near(3, 1e-9));
        CHECK(rc.cr == near(0, 1e-9));
        CHECK(rc.consistent);
        // A cycle, x = 1e200: A = [[1, x, 1/x], [1/x, 1, x], [x, 1/x, 1]] is circulant, so
        // its weights are 1/3 each and λmax = 1 + x + 1/x = 1e200 (exact for both methods);
        // CI = (λmax − 3) / 2 and CR = CI / 0.58; every pair is off by a factor of 1e200, the
        // first in reading order, (0, 1), is named.
        const double x = 1e200;
        const double cycle[] = {1, x, 1 / x, 1 / x, 1, x, x, 1 / x, 1};
        const Ahp ry = ahp(cycle, 3, RiTable::saaty1980, m);
        for (double w : ry.weights)
            CHECK(rel(w, 1.0 / 3));
        CHECK(rel(ry.lambda_max, 1e200));
        CHECK(rel(ry.ci, 0.5e200));
        CHECK(rel(ry.cr, 0.5e200 / 0.58));
        CHECK_FALSE(ry.consistent);
        CHECK(ry.worst == std::make_pair(std::size_t{0}, std::size_t{1}));
        // a01 = a12 = a02 = 1e300: the weights are proportional to (1e200, 1, 1e-200) (the row
        // geometric means; B = G⁻¹AG is circulant), so the last is 1e-400 of the first, below
        // the smallest double: refused, never returned as 0, NaN or infinity.
        const double wide[] = {1, 1e300, 1e300, 1e-300, 1, 1e300, 1e-300, 1e-300, 1};
        const error e = error_of([&] { ahp(wide, 3, RiTable::saaty1980, m); });
        CHECK(e.code() == errc::out_of_range);
        CHECK_THAT(e.what(), Catch::Contains("too wide a range"));
    }
    // Random reciprocal matrices with judgements up to 1e300 either give finite, positive
    // weights summing to 1 or are refused as too wide: never NaN or infinity with success.
    std::mt19937_64 rng(12);
    std::uniform_real_distribution<double> exponent(-300, 300);
    int refused = 0, computed = 0;
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t n = 2 + static_cast<std::size_t>(trial % 6);
        std::vector<double> a(n * n, 1.0);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                a[i * n + j] = std::pow(10.0, exponent(rng));
                a[j * n + i] = 1 / a[i * n + j];
            }
        for (const AhpMethod m : {AhpMethod::eigen, AhpMethod::geometric}) {
            try {
                const Ahp r = ahp(a.data(), n, RiTable::saaty1980, m);
                double sum = 0;
                for (double w : r.weights) {
                    CHECK(std::isfinite(w));
                    CHECK(w > 0);
                    sum += w;
                }
                CHECK(sum == near(1, 1e-9));
                CHECK(std::isfinite(r.lambda_max));
                CHECK(std::isfinite(r.cr));
                ++computed;
            } catch (const error& e) {
                CHECK(e.code() == errc::out_of_range);
                ++refused;
            }
        }
    }
    CHECK(computed > 0);
    CHECK(computed + refused == 400);
}
