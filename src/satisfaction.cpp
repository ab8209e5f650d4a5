// Satisfaction scores (DOMAIN.md §6, issue 5): counts-based scores, their array faces, indices,
// SERVQUAL and the operational figures. AHP is in ahp.cpp, key drivers in
// satisfaction_drivers.cpp; the shared checks are in satisfaction_detail.hpp.
#include "plaint/satisfaction.hpp"
#include "plaint/error.hpp"

#include "error_detail.hpp"
#include "satisfaction_detail.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace satisfaction {

namespace detail {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

void check_confidence(double confidence) {
    if (!(confidence > 0 && confidence < 1))
        throw error(errc::invalid_argument, "confidence must be in (0, 1), got " + num(confidence));
}

void check_scale(Scale scale) {
    const long long width = static_cast<long long>(scale.highest) - scale.lowest;
    if (width <= 0 || width > max_scale_width)
        throw error(errc::invalid_argument,
                    "scale " + std::to_string(scale.lowest) + ".." + std::to_string(scale.highest) +
                        " must have lowest < highest and at most 1001 levels");
}

void check_finite(const double* values, std::size_t n, const char* what) {
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isfinite(values[i]))
            throw error(errc::invalid_argument, std::string(what) + " at index " +
                                                    std::to_string(i) + " is " + num(values[i]) +
                                                    ", not a finite number");
}

MeanScore mean_of_reals(const double* values, std::size_t n, double lowest, double highest,
                        double confidence) {
    // Two passes: the second sums squared deviations from the mean, which keeps the sd exact for
    // all-equal data where the one-pass Σx² − n·mean² formula cancels catastrophically.
    MeanScore r{nan, nan, n, nan, nan, nan};
    if (n == 0)
        return r;
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += values[i];
    const double dn = static_cast<double>(n);
    r.value = sum / dn;
    r.percent = (r.value - lowest) / (highest - lowest) * 100;
    if (n < 2)
        return r;
    double ss = 0;
    for (std::size_t i = 0; i < n; ++i)
        ss += (values[i] - r.value) * (values[i] - r.value);
    r.sd = std::sqrt(ss / (dn - 1));
    const double half = t_quantile(0.5 + confidence / 2, dn - 1) * r.sd / std::sqrt(dn);
    r.low = r.value - half;
    r.high = r.value + half;
    return r;
}

} // namespace detail

using detail::check_confidence;
using detail::check_scale;
using detail::nan;
using detail::num;

namespace {

std::size_t level_count(Scale s) {
    return static_cast<std::size_t>(s.highest - s.lowest) + 1;
}

// Counts the answers per level, rejecting anything that is not an integer level of the scale.
std::vector<std::uint64_t> count_levels(const double* values, std::size_t n, Scale scale) {
    if (values == nullptr && n > 0)
        throw error(errc::invalid_argument, "values is NULL");
    std::vector<std::uint64_t> counts(level_count(scale), 0);
    const double lo = scale.lowest, hi = scale.highest;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = values[i];
        if (v >= lo && v <= hi && v == std::floor(v)) {
            ++counts[static_cast<std::size_t>(v - lo)];
            continue;
        }
        if (!std::isfinite(v))
            throw error(errc::invalid_argument, "value at index " + std::to_string(i) + " is " +
                                                    num(v) + ", not a finite number");
        throw error(errc::out_of_range, "value " + num(v) + " at index " + std::to_string(i) +
                                            " is not a level of the scale " +
                                            std::to_string(scale.lowest) + ".." +
                                            std::to_string(scale.highest));
    }
    return counts;
}

Share share_of(std::uint64_t successes, std::uint64_t n, double confidence) {
    const Interval ci = wilson(successes, n, confidence);
    const double value = n == 0 ? nan : static_cast<double>(successes) / static_cast<double>(n);
    return Share{value, successes, n, ci.low, ci.high};
}

void check_weights(const double* weights, std::size_t count, const char* what,
                   std::vector<double>& out) {
    out.assign(count, 1.0 / static_cast<double>(count));
    if (weights == nullptr)
        return;
    double sum = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (!std::isfinite(weights[i]) || weights[i] < 0)
            throw error(errc::invalid_argument, std::string(what) + " weight at index " +
                                                    std::to_string(i) + " is " + num(weights[i]) +
                                                    "; weights must be finite and non-negative");
        sum += weights[i];
    }
    if (!(sum > 0))
        throw error(errc::invalid_argument, std::string(what) + " weights sum to 0");
    for (std::size_t i = 0; i < count; ++i)
        out[i] = weights[i] / sum;
}

void check_mask(Scale scale, std::uint64_t satisfied_mask) {
    check_scale(scale);
    if (scale.lowest < 0 || scale.highest > 63)
        throw error(errc::invalid_argument, "a satisfaction rate needs a scale within 0..63, got " +
                                                std::to_string(scale.lowest) + ".." +
                                                std::to_string(scale.highest));
    const std::uint64_t in_scale =
        (scale.highest == 63 ? ~std::uint64_t{0} : (std::uint64_t{1} << (scale.highest + 1)) - 1) &
        ~((std::uint64_t{1} << scale.lowest) - 1);
    if (satisfied_mask & ~in_scale) {
        int bad = 0;
        while (!((satisfied_mask & ~in_scale) >> bad & 1))
            ++bad;
        throw error(errc::invalid_argument,
                    "satisfied level " + std::to_string(bad) + " is outside the scale " +
                        std::to_string(scale.lowest) + ".." + std::to_string(scale.highest));
    }
}

} // namespace

// ---- building blocks ----

double normal_quantile(double p) {
    if (!(p > 0 && p < 1))
        throw error(errc::invalid_argument, "probability must be in (0, 1), got " + num(p));
    return boost::math::quantile(boost::math::normal_distribution<double>(), p);
}

double t_quantile(double p, double dof) {
    if (!(p > 0 && p < 1))
        throw error(errc::invalid_argument, "probability must be in (0, 1), got " + num(p));
    if (!(dof > 0))
        throw error(errc::invalid_argument, "degrees of freedom must be positive, got " + num(dof));
    if (std::isinf(dof))
        return normal_quantile(p);
    // Boost's quantile costs a few microseconds; grouped aggregation asks for it once per group
    // with the same p and few distinct group sizes, so a small per-thread cache of exact answers
    // turns 12,000 groups into a few hundred evaluations.
    struct Entry {
        double p, dof, t;
    };
    thread_local std::array<Entry, 512> cache{}; // p = 0 never matches a valid p
    std::uint64_t pb = 0, db = 0;
    std::memcpy(&pb, &p, sizeof p);
    std::memcpy(&db, &dof, sizeof dof);
    const std::uint64_t h = (db * 0x9E3779B97F4A7C15u) ^ (pb * 0xC2B2AE3D27D4EB4Fu);
    Entry& e = cache[static_cast<std::size_t>(h >> 55)];
    if (e.p != p || e.dof != dof)
        e = Entry{p, dof,
                  boost::math::quantile(boost::math::students_t_distribution<double>(dof), p)};
    return e.t;
}

Interval wilson(std::size_t successes, std::size_t n, double confidence) {
    check_confidence(confidence);
    if (successes > n)
        throw error(errc::invalid_argument, "successes (" + std::to_string(successes) +
                                                ") exceed the responses (" + std::to_string(n) +
                                                ")");
    if (n == 0)
        return {nan, nan};
    // Wilson (1927); Newcombe (1998), method 3.
    const double z = normal_quantile(0.5 + confidence / 2);
    const double dn = static_cast<double>(n);
    const double p = static_cast<double>(successes) / dn;
    const double z2 = z * z;
    const double denom = 1 + z2 / dn;
    const double centre = (p + z2 / (2 * dn)) / denom;
    const double half = z * std::sqrt(p * (1 - p) / dn + z2 / (4 * dn * dn)) / denom;
    Interval r{std::max(0.0, centre - half), std::min(1.0, centre + half)};
    if (successes == 0)
        r.low = 0;
    if (successes == n)
        r.high = 1;
    return r;
}

std::uint64_t levels(std::initializer_list<int> satisfied) {
    std::uint64_t mask = 0;
    for (const int level : satisfied) {
        if (level < 0 || level > 63)
            throw error(errc::out_of_range,
                        "satisfied level " + std::to_string(level) + " is outside 0..63");
        mask |= std::uint64_t{1} << level;
    }
    return mask;
}

Verdict check_target(const Share& share, double target) {
    if (!(target >= 0 && target <= 1))
        throw error(errc::invalid_argument, "target must be in [0, 1], got " + num(target));
    if (share.n == 0 || std::isnan(share.low) || std::isnan(share.high))
        return Verdict::undecided;
    if (share.low >= target)
        return Verdict::met;
    if (share.high < target)
        return Verdict::missed;
    return Verdict::undecided;
}

// ---- from counts ----

MeanScore mean_of_counts(const std::uint64_t* counts, Scale scale, double confidence) {
    check_scale(scale);
    check_confidence(confidence);
    if (counts == nullptr)
        throw error(errc::invalid_argument, "counts is NULL");
    const std::size_t width = level_count(scale);
    std::uint64_t n = 0;
    double sum = 0;
    for (std::size_t i = 0; i < width; ++i) {
        n += counts[i];
        sum += static_cast<double>(counts[i]) * static_cast<double>(i);
    }
    MeanScore r{nan, nan, n, nan, nan, nan};
    if (n == 0)
        return r;
    // Work in offsets from the lowest level: DOMAIN.md's Σ level·count / N, shifted, so the sums
    // stay small and exact in double for any realistic N.
    const double dn = static_cast<double>(n);
    const double offset_mean = sum / dn;
    r.value = scale.lowest + offset_mean;
    r.percent = offset_mean / (scale.highest - scale.lowest) * 100;
    if (n < 2)
        return r;
    double ss = 0;
    for (std::size_t i = 0; i < width; ++i) {
        const double d = static_cast<double>(i) - offset_mean;
        ss += static_cast<double>(counts[i]) * d * d;
    }
    r.sd = std::sqrt(ss / (dn - 1));
    const double half = t_quantile(0.5 + confidence / 2, dn - 1) * r.sd / std::sqrt(dn);
    r.low = r.value - half;
    r.high = r.value + half;
    return r;
}

Share csat_of_counts(const std::uint64_t* counts, Scale scale, std::uint64_t satisfied_mask,
                     double confidence) {
    check_mask(scale, satisfied_mask);
    check_confidence(confidence);
    if (counts == nullptr)
        throw error(errc::invalid_argument, "counts is NULL");
    std::uint64_t n = 0, successes = 0;
    for (int level = scale.lowest; level <= scale.highest; ++level) {
        const std::uint64_t c = counts[level - scale.lowest];
        n += c;
        if (satisfied_mask >> level & 1)
            successes += c;
    }
    return share_of(successes, n, confidence);
}

Nps nps_of_counts(const std::uint64_t* counts, double confidence) {
    check_confidence(confidence);
    if (counts == nullptr)
        throw error(errc::invalid_argument, "counts is NULL");
    Nps r{nan, nan, 0, 0, 0, 0, nan, nan};
    for (int k = 0; k <= 10; ++k) {
        const std::uint64_t c = counts[k];
        (k >= 9 ? r.promoters : k >= 7 ? r.passives : r.detractors) += c;
    }
    r.n = r.promoters + r.passives + r.detractors;
    if (r.n == 0)
        return r;
    const double dn = static_cast<double>(r.n);
    const double pp = static_cast<double>(r.promoters) / dn;
    const double pd = static_cast<double>(r.detractors) / dn;
    r.value = 100 * (pp - pd);
    if (r.n < 2)
        return r;
    // Each answer scores +1, 0 or −1; the NPS is 100 times their mean, and its variance is
    // that of a trinomial: (p⁺ + p⁻ − (p⁺ − p⁻)²) / n.
    const double var = std::max(0.0, pp + pd - (pp - pd) * (pp - pd));
    r.se = 100 * std::sqrt(var / dn);
    const double z = normal_quantile(0.5 + confidence / 2);
    r.low = std::max(-100.0, r.value - z * r.se);
    r.high = std::min(100.0, r.value + z * r.se);
    return r;
}

// ---- from arrays ----

MeanScore mean(const double* values, std::size_t n, Scale scale, double confidence) {
    check_scale(scale);
    check_confidence(confidence);
    const std::vector<std::uint64_t> counts = count_levels(values, n, scale);
    return mean_of_counts(counts.data(), scale, confidence);
}

Share csat(const double* values, std::size_t n, std::uint64_t satisfied_mask, Scale scale,
           double confidence) {
    check_mask(scale, satisfied_mask);
    check_confidence(confidence);
    const std::vector<std::uint64_t> counts = count_levels(values, n, scale);
    return csat_of_counts(counts.data(), scale, satisfied_mask, confidence);
}

Nps nps(const double* values, std::size_t n, double confidence) {
    check_confidence(confidence);
    const std::vector<std::uint64_t> counts = count_levels(values, n, Scale{0, 10});
    return nps_of_counts(counts.data(), confidence);
}

Ces ces(const double* values, std::size_t n, int scale, double confidence) {
    if (scale != 7 && scale != 5)
        throw error(errc::invalid_argument,
                    "a CES scale is 7 (1..7) or 5 (1..5), got " + std::to_string(scale));
    return Ces{mean(values, n, Scale{1, scale}, confidence), scale};
}

// ---- indices ----

IndexScore acsi(const double* answers, std::size_t n, std::size_t items, const double* weights,
                double confidence) {
    check_confidence(confidence);
    if (items == 0)
        throw error(errc::invalid_argument, "an ACSI index needs at least one item");
    if (answers == nullptr && n > 0)
        throw error(errc::invalid_argument, "answers is NULL");
    std::vector<double> w;
    check_weights(weights, items, "item", w);
    IndexScore r;
    r.respondents.resize(n);
    for (std::size_t row = 0; row < n; ++row) {
        double index = 0;
        for (std::size_t j = 0; j < items; ++j) {
            const double x = answers[row * items + j];
            if (!std::isfinite(x))
                throw error(errc::invalid_argument, "answer of row " + std::to_string(row) +
                                                        ", item " + std::to_string(j) + " is " +
                                                        num(x) + ", not a finite number");
            if (!(x >= 1 && x <= 10 && x == std::floor(x)))
                throw error(errc::out_of_range,
                            "answer " + num(x) + " of row " + std::to_string(row) + ", item " +
                                std::to_string(j) + " is not a level of the scale 1..10");
            index += w[j] * (x - 1) / 9 * 100;
        }
        r.respondents[row] = index;
    }
    r.overall = detail::mean_of_reals(r.respondents.data(), n, 0, 100, confidence);
    return r;
}

namespace {

void walk(const std::vector<Indicator>& siblings, const std::string& prefix, double parent_weight,
          int depth, std::vector<ItemWeight>& out) {
    if (depth > 32)
        throw error(errc::invalid_argument,
                    "indicator tree under \"" + prefix + "\" is deeper than 32 levels");
    if (siblings.empty())
        return;
    double sum = 0;
    for (const Indicator& s : siblings) {
        const std::string path = prefix.empty() ? s.name : prefix + "/" + s.name;
        if (!std::isfinite(s.weight) || s.weight < 0)
            throw error(errc::invalid_argument, "indicator " + plaint::detail::quote(path) +
                                                    " has weight " + num(s.weight) +
                                                    "; weights must be finite and non-negative");
        sum += s.weight;
    }
    if (!(sum > 0))
        throw error(errc::invalid_argument,
                    "the weights of the indicators under " +
                        (prefix.empty() ? std::string("the root") : plaint::detail::quote(prefix)) +
                        " sum to 0");
    for (const Indicator& s : siblings) {
        const std::string path = prefix.empty() ? s.name : prefix + "/" + s.name;
        const double w = parent_weight * (s.weight / sum);
        if (s.children.empty()) {
            try {
                check_scale(s.scale);
            } catch (const error& e) {
                throw error(e.code(), "indicator " + plaint::detail::quote(path) + ": " + e.what());
            }
            out.push_back(ItemWeight{path, w, s.scale});
        } else {
            walk(s.children, path, w, depth + 1, out);
        }
    }
}

} // namespace

std::vector<ItemWeight> global_weights(const std::vector<Indicator>& roots) {
    if (roots.empty())
        throw error(errc::invalid_argument, "an indicator tree needs at least one indicator");
    std::vector<ItemWeight> out;
    walk(roots, "", 1.0, 1, out);
    return out;
}

WeightedIndex weighted_index(const std::vector<Indicator>& roots, const double* item_scores,
                             std::size_t count) {
    WeightedIndex r{0, global_weights(roots), {}};
    if (count != r.items.size())
        throw error(errc::invalid_argument, "the tree has " + std::to_string(r.items.size()) +
                                                " items but " + std::to_string(count) +
                                                " scores were given");
    if (item_scores == nullptr)
        throw error(errc::invalid_argument, "item_scores is NULL");
    r.item_scores.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double x = item_scores[i];
        const ItemWeight& item = r.items[i];
        if (!std::isfinite(x))
            throw error(errc::invalid_argument, "score of item " +
                                                    plaint::detail::quote(item.path) + " is " +
                                                    num(x) + ", not a finite number");
        if (x < item.scale.lowest || x > item.scale.highest)
            throw error(errc::out_of_range,
                        "score " + num(x) + " of item " + plaint::detail::quote(item.path) +
                            " is outside its scale " + std::to_string(item.scale.lowest) + ".." +
                            std::to_string(item.scale.highest));
        const double rescaled =
            (x - item.scale.lowest) / (item.scale.highest - item.scale.lowest) * 100;
        r.item_scores[i] = rescaled;
        r.value += item.global_weight * rescaled;
    }
    return r;
}

Servqual servqual(const double* perception, const double* expectation,
                  const std::size_t* dimension_of, std::size_t items, std::size_t dimensions,
                  const double* dimension_weights, Scale scale) {
    check_scale(scale);
    if (perception == nullptr || expectation == nullptr || dimension_of == nullptr)
        throw error(errc::invalid_argument, "perception, expectation or dimension_of is NULL");
    if (items == 0 || dimensions == 0)
        throw error(errc::invalid_argument, "SERVQUAL needs at least one item and one dimension");
    std::vector<double> w;
    check_weights(dimension_weights, dimensions, "dimension", w);
    detail::check_finite(perception, items, "perception");
    detail::check_finite(expectation, items, "expectation");
    Servqual r{std::vector<double>(items), std::vector<double>(dimensions, 0.0), 0, 0};
    std::vector<std::size_t> per_dimension(dimensions, 0);
    for (std::size_t i = 0; i < items; ++i) {
        if (dimension_of[i] >= dimensions)
            throw error(errc::invalid_argument,
                        "item " + std::to_string(i) + " belongs to dimension " +
                            std::to_string(dimension_of[i]) + ", but there are only " +
                            std::to_string(dimensions));
        for (const double x : {perception[i], expectation[i]})
            if (x < scale.lowest || x > scale.highest)
                throw error(errc::out_of_range, "score " + num(x) + " of item " +
                                                    std::to_string(i) + " is outside the scale " +
                                                    std::to_string(scale.lowest) + ".." +
                                                    std::to_string(scale.highest));
        r.item_gaps[i] = perception[i] - expectation[i];
        r.dimension_gaps[dimension_of[i]] += r.item_gaps[i];
        ++per_dimension[dimension_of[i]];
    }
    for (std::size_t d = 0; d < dimensions; ++d) {
        if (per_dimension[d] == 0)
            throw error(errc::invalid_argument, "dimension " + std::to_string(d) + " has no items");
        r.dimension_gaps[d] /= static_cast<double>(per_dimension[d]);
        r.unweighted += r.dimension_gaps[d];
        r.weighted += w[d] * r.dimension_gaps[d];
    }
    r.unweighted /= static_cast<double>(dimensions);
    return r;
}

// ---- operational figures ----

double mttr(double total_repair_seconds, std::uint64_t repairs) {
    if (!std::isfinite(total_repair_seconds) || total_repair_seconds < 0)
        throw error(errc::invalid_argument,
                    "total repair time must be finite and non-negative, got " +
                        num(total_repair_seconds));
    if (repairs == 0)
        return nan;
    return total_repair_seconds / static_cast<double>(repairs);
}

namespace {
void check_durations(const double* d, std::size_t n) {
    if (d == nullptr && n > 0)
        throw error(errc::invalid_argument, "durations is NULL");
    for (std::size_t i = 0; i < n; ++i)
        if (!std::isfinite(d[i]) || d[i] < 0)
            throw error(errc::invalid_argument, "duration at index " + std::to_string(i) + " is " +
                                                    num(d[i]) +
                                                    "; durations must be finite and non-negative");
}
} // namespace

double mean_duration(const double* durations, std::size_t n) {
    check_durations(durations, n);
    if (n == 0)
        return nan;
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
        sum += durations[i];
    return sum / static_cast<double>(n);
}

double percentile(const double* values, std::size_t n, double percent) {
    if (!(percent >= 0 && percent <= 100))
        throw error(errc::invalid_argument, "percent must be in 0..100, got " + num(percent));
    if (values == nullptr && n > 0)
        throw error(errc::invalid_argument, "values is NULL");
    detail::check_finite(values, n, "value");
    if (n == 0)
        return nan;
    std::vector<double> x(values, values + n);
    std::sort(x.begin(), x.end());
    // Hyndman & Fan (1996) type 7: h = (n − 1)·p, interpolate between x⌊h⌋ and x⌊h⌋+1.
    const double h = static_cast<double>(n - 1) * percent / 100;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    if (lo + 1 >= n)
        return x[n - 1];
    return x[lo] + (h - static_cast<double>(lo)) * (x[lo + 1] - x[lo]);
}

Share within_limit(const double* durations, std::size_t n, double limit, double confidence) {
    check_confidence(confidence);
    if (std::isnan(limit) || limit < 0)
        throw error(errc::invalid_argument, "limit must be non-negative, got " + num(limit));
    check_durations(durations, n);
    std::size_t within = 0;
    for (std::size_t i = 0; i < n; ++i)
        within += durations[i] <= limit ? 1 : 0;
    return share_of(within, n, confidence);
}

std::uint64_t sample_size(double margin, double confidence, double p, std::uint64_t population) {
    check_confidence(confidence);
    if (!(margin > 0 && margin < 1))
        throw error(errc::invalid_argument, "margin must be in (0, 1), got " + num(margin));
    if (!(p > 0 && p < 1))
        throw error(errc::invalid_argument, "p must be in (0, 1), got " + num(p));
    const double z = normal_quantile(0.5 + confidence / 2);
    double n = z * z * p * (1 - p) / (margin * margin);
    if (population > 0)
        n = n / (1 + (n - 1) / static_cast<double>(population));
    // 0.05 margin at p = 0.5 with z = 2 is exactly 400 in exact arithmetic; let a 400.0000000001
    // from rounding stay 400.
    n = std::ceil(n * (1 - 1e-9));
    if (!(n < 9.2e18))
        throw error(errc::out_of_range, "the sample size exceeds 2^63");
    auto r = static_cast<std::uint64_t>(std::max(1.0, n));
    if (population > 0)
        r = std::min(r, population);
    return r;
}

} // namespace satisfaction
PLAINT_END_NAMESPACE
