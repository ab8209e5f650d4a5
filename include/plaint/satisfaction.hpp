/// @file satisfaction.hpp
/// Satisfaction scores (DOMAIN.md §6): the 5-point mean with its t interval, the satisfaction
/// rate (CSAT) with a Wilson interval and a target check, NPS, CES, an ACSI-style index, a
/// weighted index over an indicator tree, SERVQUAL gaps, AHP weights from a pairwise-comparison
/// matrix, key-driver regression, the operational figures of the report (MTTR, percentiles,
/// share within a limit) and the sample size for a margin of error. Every function is pure,
/// thread-safe and allocation-light; results are plain values the caller owns. A part of a
/// result that is undefined for the data (an interval from one response, any figure from none)
/// is NaN, never an error. Bad input is an error: NaN or infinity (`errc::invalid_argument`,
/// naming the index), a value that is not a level of the scale (`errc::out_of_range`, naming
/// index and value), a confidence outside (0, 1) (`errc::invalid_argument`).
#pragma once

#include "plaint/config.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

PLAINT_BEGIN_NAMESPACE

namespace satisfaction {

/// An answer scale of inclusive integer levels `lowest..highest`. A valid scale has
/// `lowest < highest` and at most 1001 levels (`highest − lowest ≤ 1000`); functions given
/// another throw `errc::invalid_argument`. Since 0.4.
struct Scale {
    int lowest = 1;  ///< the lowest level (1 = very dissatisfied on the 5-point scale)
    int highest = 5; ///< the highest level
};

/// A two-sided confidence interval. Since 0.4.
struct Interval {
    double low;  ///< lower bound (NaN when undefined)
    double high; ///< upper bound (NaN when undefined)
};

/// A mean score in the scale's units. Since 0.4.
struct MeanScore {
    double value;  ///< the mean, e.g. (5·n5 + 4·n4 + 3·n3 + 2·n2 + 1·n1) / N; NaN when n = 0
    double sd;     ///< sample standard deviation (divisor n − 1); NaN when n < 2
    std::size_t n; ///< responses counted
    double low; ///< value − t(1−α/2, n−1)·sd/√n (not clipped to the scale); NaN when n < 2
    double high; ///< value + t(1−α/2, n−1)·sd/√n (not clipped to the scale); NaN when n < 2
    double percent; ///< (value − lowest) / (highest − lowest) · 100; NaN when n = 0
};

/// A share of responses (CSAT: the satisfied share). Since 0.4.
struct Share {
    double value;          ///< successes / n, in [0, 1]; NaN when n = 0
    std::size_t successes; ///< responses counted as successes
    std::size_t n;         ///< responses counted
    double low;            ///< Wilson score interval, lower bound; NaN when n = 0
    double high;           ///< Wilson score interval, upper bound; NaN when n = 0
};

/// Net promoter score: promoters answer 9–10, passives 7–8, detractors 0–6. Since 0.4.
struct Nps {
    double value; ///< 100 · (promoters − detractors) / n, in points −100..100; NaN when n = 0
    /// Standard error in points, 100·√((p⁺ + p⁻ − (p⁺ − p⁻)²) / n) with p⁺, p⁻ the promoter
    /// and detractor shares; NaN when n < 2.
    double se;
    std::size_t n;          ///< answers counted
    std::size_t promoters;  ///< answers 9–10
    std::size_t passives;   ///< answers 7–8
    std::size_t detractors; ///< answers 0–6
    double low;             ///< value − z·se (Wald), clipped to −100; NaN when n < 2
    double high;            ///< value + z·se (Wald), clipped to 100; NaN when n < 2
};

/// Whether a target share is reached. Values never change (they cross the C ABI). Since 0.4.
enum class Verdict : std::int32_t {
    met = 0,       ///< the whole interval is at or above the target
    missed = 1,    ///< the whole interval is below the target
    undecided = 2, ///< the interval straddles the target (or there is no data)
};

/// The satisfied levels {4, 5} of the 5-point return-visit survey, as a mask. Since 0.4.
inline constexpr std::uint64_t default_satisfied =
    (std::uint64_t{1} << 4) | (std::uint64_t{1} << 5);

// ---- building blocks ----

/// Wilson score interval for `successes` out of `n` at `confidence`; (NaN, NaN) when n = 0.
/// Exactly 0 as the low bound when successes = 0 and 1 as the high bound when successes = n.
/// @throws error `errc::invalid_argument` when successes > n or confidence is not in (0, 1).
/// Since 0.4.
Interval wilson(std::size_t successes, std::size_t n, double confidence = 0.95);

/// Quantile of Student's t distribution with `dof` > 0 degrees of freedom (non-integer allowed)
/// at probability p in (0, 1), e.g. t_quantile(0.975, 9) = 2.262157.
/// @throws error `errc::invalid_argument` for p outside (0, 1) or dof ≤ 0 or NaN. Since 0.4.
double t_quantile(double p, double dof);

/// Quantile of the standard normal distribution at p in (0, 1), e.g.
/// normal_quantile(0.975) = 1.959964. @throws error `errc::invalid_argument` for p outside (0, 1).
/// Since 0.4.
double normal_quantile(double p);

/// The mask of satisfied levels: bit k set for each level k listed ({4, 5} → 0b110000).
/// @throws error `errc::out_of_range` for a level outside 0..63. Since 0.4.
std::uint64_t levels(std::initializer_list<int> satisfied);

/// Whether the share reaches `target` (in [0, 1], e.g. 0.85) with confidence: `met` when
/// share.low ≥ target, `missed` when share.high < target, otherwise (and when the share has no
/// data) `undecided`. @throws error `errc::invalid_argument` for a target outside [0, 1].
/// Since 0.4.
Verdict check_target(const Share& share, double target);

// ---- scores from counts per level (one pass over the data is the caller's) ----

/// Mean score from counts per level: `counts[i]` responses at level `scale.lowest + i`, for i in
/// 0..(highest − lowest); `counts` must point to that many values.
/// @throws error `errc::invalid_argument` for a NULL `counts`, a bad scale or confidence.
/// Since 0.4.
MeanScore mean_of_counts(const std::uint64_t* counts, Scale scale, double confidence = 0.95);

/// Satisfied share from counts per level (laid out as for `mean_of_counts`): a response at
/// level k is satisfied when bit k of `satisfied_mask` is set. The scale must lie within 0..63.
/// @throws error `errc::invalid_argument` for a NULL `counts`, a bad scale or confidence, a
/// scale outside 0..63, or a mask with a level outside the scale. Since 0.4.
Share csat_of_counts(const std::uint64_t* counts, Scale scale, std::uint64_t satisfied_mask,
                     double confidence = 0.95);

/// NPS from the counts of the 11 levels 0..10 (`counts[k]` answers of k).
/// @throws error `errc::invalid_argument` for a NULL `counts` or a bad confidence. Since 0.4.
Nps nps_of_counts(const std::uint64_t* counts, double confidence = 0.95);

// ---- scores from arrays of responses ----
// `values` may be NULL only when n = 0. Each value must be finite (else
// `errc::invalid_argument` naming the index) and an integer level of the scale (else
// `errc::out_of_range` naming index and value).

/// Mean score of responses on `scale` (DOMAIN.md §6), with sd and t interval. Since 0.4.
MeanScore mean(const double* values, std::size_t n, Scale scale = {}, double confidence = 0.95);

/// Satisfaction rate: the share of responses at a level in `satisfied_mask` (see `levels`),
/// with its Wilson interval. Since 0.4.
Share csat(const double* values, std::size_t n, std::uint64_t satisfied_mask = default_satisfied,
           Scale scale = {}, double confidence = 0.95);

/// NPS of answers 0..10 with standard error and interval. Since 0.4.
Nps nps(const double* values, std::size_t n, double confidence = 0.95);

/// A customer-effort score: the mean on its scale, with the scale it was asked on. Since 0.4.
struct Ces {
    MeanScore score; ///< mean in the scale's units (score.percent on 0..100)
    int scale;       ///< 7 (levels 1..7) or 5 (the older 1..5 scale)
};

/// CES of answers on the 7-point (1..7) or the older 5-point (1..5) scale.
/// @throws error `errc::invalid_argument` for any other `scale`. Since 0.4.
Ces ces(const double* values, std::size_t n, int scale = 7, double confidence = 0.95);

// ---- indices ----

/// An index on 0..100 per respondent and over all respondents. Since 0.4.
struct IndexScore {
    std::vector<double> respondents; ///< each respondent's index, in input order
    MeanScore overall; ///< mean of the respondents' indices, scale 0..100 (percent = value)
};

/// ACSI-style index: each respondent's weighted mean of `items` answers on 1..10, rescaled to
/// 0..100 as (x − 1)/9·100. `answers` is row-major, `n` rows of `items` values (respondent r,
/// item j at `answers[r·items + j]`); `weights` holds `items` non-negative weights with a
/// positive sum, normalised to sum 1 (NULL: equal weights).
/// @throws error `errc::invalid_argument` for items = 0, a bad weight or confidence;
/// `errc::out_of_range` for an answer that is not an integer 1..10 (naming row and item).
/// Since 0.4.
IndexScore acsi(const double* answers, std::size_t n, std::size_t items,
                const double* weights = nullptr, double confidence = 0.95);

/// A node of an indicator tree: a dimension (with children) or an item (a leaf, answered on
/// `scale`). `weight` is the node's local weight among its siblings: any non-negative number;
/// the weights of siblings are normalised to sum 1 (so 3 and 1 mean 0.75 and 0.25) and must
/// have a positive sum. Since 0.4.
struct Indicator {
    std::string name;                ///< a name for messages and paths (`ItemWeight::path`)
    double weight = 1;               ///< local weight among its siblings (normalised)
    Scale scale = {};                ///< the answer scale, for a leaf
    std::vector<Indicator> children; ///< empty for an item
};

/// One item (leaf) of an indicator tree in depth-first order, with its global weight. Since 0.4.
struct ItemWeight {
    std::string path;     ///< names from the root, joined by '/' ("quality/speed")
    double global_weight; ///< product of the normalised local weights along the path
    Scale scale;          ///< the item's answer scale
};

/// The leaves of an indicator tree (a forest of `roots`) in depth-first order with their
/// global weights, which sum to 1.
/// @throws error `errc::invalid_argument` for no roots, a negative or non-finite weight,
/// siblings whose weights sum to 0, a bad scale, or a tree deeper than 32 levels. Since 0.4.
std::vector<ItemWeight> global_weights(const std::vector<Indicator>& roots);

/// A weighted satisfaction index over an indicator tree. Since 0.4.
struct WeightedIndex {
    double value;                    ///< Σ global weight · item score on 0..100
    std::vector<ItemWeight> items;   ///< the leaves, depth-first, with their global weights
    std::vector<double> item_scores; ///< each item's score rescaled to 0..100
};

/// The index of item scores (`item_scores[i]` the mean answer of leaf i, depth-first, in the
/// leaf's scale units — any real number within the scale), each rescaled to 0..100 as
/// (x − lowest)/(highest − lowest)·100 and weighted by its global weight.
/// @throws error as `global_weights`; `errc::invalid_argument` when `count` differs from the
/// number of leaves or a score is not finite; `errc::out_of_range` for a score outside its
/// scale. Since 0.4.
WeightedIndex weighted_index(const std::vector<Indicator>& roots, const double* item_scores,
                             std::size_t count);

/// SERVQUAL gaps (perception − expectation). Since 0.4.
struct Servqual {
    std::vector<double> item_gaps;      ///< per item
    std::vector<double> dimension_gaps; ///< per dimension: the mean of its items' gaps
    double unweighted;                  ///< the mean of the dimension gaps
    double weighted;                    ///< Σ normalised dimension weight · dimension gap
};

/// SERVQUAL gaps of `items` items, item i belonging to dimension `dimension_of[i]` (in
/// 0..dimensions−1), with mean perception and expectation scores on `scale` (real numbers
/// within the scale). `dimension_weights` holds `dimensions` non-negative weights with a
/// positive sum (e.g. the 100 points customers allocate), normalised; NULL means equal.
/// @throws error `errc::invalid_argument` for a NULL array, items = 0, a dimension index out of
/// range, a dimension without items, a bad weight, a non-finite score; `errc::out_of_range`
/// for a score outside the scale. Since 0.4.
Servqual servqual(const double* perception, const double* expectation,
                  const std::size_t* dimension_of, std::size_t items, std::size_t dimensions,
                  const double* dimension_weights = nullptr, Scale scale = {1, 7});

// ---- AHP ----

/// Random-index tables for the consistency ratio. Values never change. Since 0.4.
enum class RiTable : std::int32_t {
    saaty1980 = 0,     ///< Saaty (1980), n = 1..15 (the default)
    saaty2005 = 1,     ///< Saaty (2005), n = 1..15
    donegan_dodd = 2,  ///< Donegan & Dodd (1991), n = 1..20
    alonso_lamata = 3, ///< Alonso & Lamata (2006), n = 1..15
};

/// How AHP weights are derived. Values never change. Since 0.4.
enum class AhpMethod : std::int32_t {
    eigen = 0,     ///< normalised principal right eigenvector (Saaty)
    geometric = 1, ///< normalised geometric means of the rows (Crawford & Williams)
};

/// The table's stable name: "saaty1980", "saaty2005", "donegan_dodd", "alonso_lamata";
/// "unknown" for another value. Since 0.4.
const char* ri_table_name(RiTable table) noexcept;

/// Parses a table name as `ri_table_name` writes it; empty when unknown. Since 0.4.
std::optional<RiTable> ri_table_from_name(const std::string& name);

/// The random index RI(n) of a table (0 for n ≤ 2).
/// @throws error `errc::out_of_range` for n = 0, n beyond the table, or an unknown table.
/// Since 0.4.
double random_index(RiTable table, std::size_t n);

/// AHP weights and consistency of a pairwise-comparison matrix. Since 0.4.
struct Ahp {
    std::vector<double> weights; ///< sum 1, one per criterion
    double lambda_max; ///< principal eigenvalue (geometric method: mean of (A·w)ᵢ / wᵢ)
    double ci;         ///< (λmax − n)/(n − 1); 0 for n ≤ 2
    double ri;         ///< RI(n) from the table
    double cr;         ///< ci / ri; 0 for n ≤ 2
    bool consistent;   ///< cr < 0.10
    RiTable table;
    const char* table_name; ///< ri_table_name(table), a static string
    AhpMethod method;
    /// For an inconsistent matrix, the judgement (i, j), i < j, that contributes most to the
    /// inconsistency: the largest |ln(aᵢⱼ·wⱼ/wᵢ)|. Empty when consistent.
    std::optional<std::pair<std::size_t, std::size_t>> worst;
};

/// AHP on a row-major n×n positive reciprocal matrix of judgements (Saaty's 1–9 scale or any
/// positive ratios): aᵢⱼ > 0, aᵢᵢ = 1, aᵢⱼ·aⱼᵢ = 1 within a relative 1e-9.
/// @throws error `errc::invalid_argument` for a NULL matrix or n = 0, a non-finite,
/// non-positive, non-reciprocal or off-1 diagonal cell (the message names the cell "(i, j)",
/// 0-based); `errc::out_of_range` for n beyond the RI table, or for judgements so far apart
/// (ratios near 1e300) that a weight or λmax leaves double's range — ratios like 1e200 are
/// computed exactly, on the matrix rescaled by its row geometric means. Since 0.4.
Ahp ahp(const double* matrix, std::size_t n, RiTable table = RiTable::saaty1980,
        AhpMethod method = AhpMethod::eigen);

// ---- key drivers ----

/// Which dimension scores move the overall score. Since 0.4.
struct KeyDrivers {
    std::size_t n;                    ///< responses
    double intercept;                 ///< of the raw regression
    std::vector<double> coefficients; ///< raw least-squares coefficients, one per dimension
    std::vector<double> standardized; ///< βⱼ·sd(xⱼ)/sd(y)
    std::vector<double> correlations; ///< Pearson r of each dimension with the overall score
    /// Pratt's relative importance, βⱼ(std)·rⱼ / R²: sums to 1; a negative share marks a
    /// suppressor. NaN when R² = 0.
    std::vector<double> importance;
    double r_squared;
};

/// Least-squares regression with intercept of `overall[r]` on the dimension scores
/// `dims[j][r]` (j < n_dims, r < n).
/// @throws error `errc::invalid_argument` for NULL arrays, n_dims = 0, too few responses
/// (n ≤ n_dims + 1), a non-finite value (naming the dimension and row), a constant overall
/// score, a constant dimension (naming it) or collinear dimensions (naming the first that is
/// a linear combination of the ones before it). Since 0.4.
KeyDrivers key_drivers(const double* overall, const double* const* dims, std::size_t n_dims,
                       std::size_t n);

// ---- operational figures ----

/// Mean time to repair: total repair seconds / repairs; NaN when repairs = 0.
/// @throws error `errc::invalid_argument` for a negative or non-finite total. Since 0.4.
double mttr(double total_repair_seconds, std::uint64_t repairs);

/// Mean of durations (seconds, ≥ 0); NaN when n = 0.
/// @throws error `errc::invalid_argument` for a negative or non-finite duration. Since 0.4.
double mean_duration(const double* durations, std::size_t n);

/// The `percent` percentile (0..100) of finite values by linear interpolation between order
/// statistics (Hyndman & Fan type 7, numpy's default): h = (n−1)·percent/100,
/// x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎); NaN when n = 0.
/// @throws error `errc::invalid_argument` for a non-finite value or percent outside 0..100.
/// Since 0.4.
double percentile(const double* values, std::size_t n, double percent);

/// The share of durations (≥ 0) at or below `limit`, with its Wilson interval.
/// @throws error as `mean_duration`; `errc::invalid_argument` for a negative or NaN limit or a
/// bad confidence. Since 0.4.
Share within_limit(const double* durations, std::size_t n, double limit, double confidence = 0.95);

/// Responses needed to estimate a share within ± `margin` (in (0, 1)) at `confidence`:
/// n₀ = z²·p(1−p)/margin², with the finite-population correction n₀ / (1 + (n₀ − 1)/N) for an
/// estate of N = `population` households (0: infinite), rounded up (after dropping a relative
/// 1e-9 of floating-point noise) and at most N.
/// @throws error `errc::invalid_argument` for margin or p outside (0, 1) or a bad confidence;
/// `errc::out_of_range` when the answer exceeds 2⁶³. Since 0.4.
std::uint64_t sample_size(double margin, double confidence = 0.95, double p = 0.5,
                          std::uint64_t population = 0);

} // namespace satisfaction

/// Durations in wall-clock seconds. Since 0.5 (declared in report.hpp until 0.7).
struct DurationFigures {
    std::size_t n = 0;
    double mean = 0; ///< NaN when n = 0
    double p50 = 0;  ///< median, type-7 percentile; NaN when n = 0
    double p90 = 0;  ///< 90th percentile; NaN when n = 0
    /// The t interval of the mean and the distribution-free (order-statistic) interval of the
    /// 90th percentile, where a figure asks for them (staff performance, since 0.7); NaN
    /// otherwise, and when n is too small (2 for the mean; for the percentile, when no pair of
    /// order statistics covers it at the confidence asked).
    double mean_low = std::numeric_limits<double>::quiet_NaN();
    double mean_high = std::numeric_limits<double>::quiet_NaN();
    double p90_low = std::numeric_limits<double>::quiet_NaN();
    double p90_high = std::numeric_limits<double>::quiet_NaN();
};

PLAINT_END_NAMESPACE
