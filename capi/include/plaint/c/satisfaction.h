/**
 * @file plaint/c/satisfaction.h
 * Satisfaction scores: levels, means, CSAT, NPS, CES, AHP, key drivers, indices,
 * operational figures.
 * The C mirror of plaint/satisfaction.hpp; part of plaint.h, the one header users include. Valid
 * C99.
 */
#ifndef PLAINT_C_SATISFACTION_H
#define PLAINT_C_SATISFACTION_H

#include "plaint/c/config.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Satisfaction scores (DOMAIN.md §6; issue 5): the 5-point
 * mean with its t interval, the satisfaction rate (CSAT) with a Wilson interval and a target
 * check, NPS, CES, an ACSI-style index, a weighted index over an indicator tree, SERVQUAL gaps,
 * AHP weights, key drivers, the report's operational figures, the sample size for a margin of
 * error, and scores grouped by building, month, category or team.
 *
 * Rules shared by every function of this section (Since 0.4):
 * - Answers come as `const double* values, size_t count`; `values` may be NULL only when `count`
 *   is 0. Each answer must be finite (else PLAINT_E_INVALID_ARGUMENT, the message naming its
 *   index) and a level of the scale (else PLAINT_E_OUT_OF_RANGE, naming index and value).
 * - A scale is `lowest`..`highest`, whole levels, lowest < highest, at most 1001 levels (else
 *   PLAINT_E_INVALID_ARGUMENT). `confidence` must lie in (0, 1) (else
 *   PLAINT_E_INVALID_ARGUMENT); 0.95 is the usual choice.
 * - A part of a result that the data leave undefined (an interval from one answer, any figure
 *   from none) is NaN, never an error.
 * - Enumeration codes outside their list are PLAINT_E_OUT_OF_RANGE; a NULL pointer that is not
 *   documented as optional, or a result struct whose `size` is smaller than this version's,
 *   is PLAINT_E_INVALID_ARGUMENT. Outputs are written only on success.
 * - Every function is pure and thread-safe; it keeps no pointer after it returns.
 */

/** The answer code of a missing answer in a grouped score column (plaint_group_input).
 *  Since 0.4. */
#define PLAINT_MISSING (-1)

/* Whether a target share is reached (plaint_check_target). Codes never change. Since 0.4. */
#define PLAINT_VERDICT_MET 0       /**< the whole interval is at or above the target */
#define PLAINT_VERDICT_MISSED 1    /**< the whole interval is below the target */
#define PLAINT_VERDICT_UNDECIDED 2 /**< the interval straddles the target, or there is no data */

/* Random-index tables for the AHP consistency ratio. Codes never change. Since 0.4. */
#define PLAINT_RI_SAATY1980 0     /**< Saaty (1980), n = 1..15; the default */
#define PLAINT_RI_SAATY2005 1     /**< Saaty (2005), n = 1..15 */
#define PLAINT_RI_DONEGAN_DODD 2  /**< Donegan & Dodd (1991), n = 1..20 */
#define PLAINT_RI_ALONSO_LAMATA 3 /**< Alonso & Lamata (2006), n = 1..15 */

/* How AHP weights are derived. Codes never change. Since 0.4. */
#define PLAINT_AHP_EIGEN 0     /**< the normalised principal right eigenvector (Saaty) */
#define PLAINT_AHP_GEOMETRIC 1 /**< the normalised geometric means of the rows */

/**
 * One score with its interval, as the score functions write it. Which fields a score fills:
 * - a mean (plaint_mean, plaint_ces, plaint_acsi, a grouped mean or index): value in the
 *   scale's units, low/high the t interval, sd, percent, n;
 * - a share (plaint_csat, plaint_within_limit, a grouped CSAT): value in [0, 1], low/high the
 *   Wilson interval, successes, n;
 * - an NPS (plaint_nps, a grouped NPS): value in points −100..100, low/high value ∓ z·se
 *   clipped to ±100, se, n, successes (the promoters, 9–10), passives (7–8), detractors (0–6).
 * Fields a score does not fill are NaN (reals) or 0 (counts). Initialise with PLAINT_SCORE_INIT
 * or plaint_score_init(&s, sizeof s): `size` tells the library which fields the caller knows,
 * so the struct can grow at its end. Since 0.4.
 */
typedef struct plaint_score {
    uint32_t size;       /**< sizeof(plaint_score) as the caller compiled it */
    double value;        /**< the score; NaN when there are no answers */
    double low;          /**< lower bound of the interval; NaN when undefined */
    double high;         /**< upper bound of the interval; NaN when undefined */
    double sd;           /**< mean: sample standard deviation (divisor n − 1); NaN when n < 2 */
    double se;           /**< NPS: standard error in points; NaN when n < 2 */
    double percent;      /**< mean: (value − lowest)/(highest − lowest)·100 */
    uint64_t n;          /**< answers counted (missing answers never count) */
    uint64_t successes;  /**< share: the successes (satisfied answers); NPS: the promoters */
    uint64_t passives;   /**< NPS: answers 7–8 */
    uint64_t detractors; /**< NPS: answers 0–6 */
    uint64_t missing;    /**< plaint_groups_score: the group's missing answers; else 0 */
} plaint_score;

/** plaint_score with its size set and every other field 0. Since 0.4. */
#define PLAINT_SCORE_INIT                                                                          \
    { sizeof(plaint_score), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0, 0, 0, 0, 0 }
/**
 * Zeroes the `size` bytes at `s` and stores `size` in `s->size`; pass `sizeof *s`. NULL, or a
 * size too small to hold the `size` field, is a no-op. Since 0.4.
 */
PLAINT_API void plaint_score_init(plaint_score* s, size_t size);

/**
 * The mask of satisfied levels for plaint_csat and grouped CSAT: bit k set for each level k of
 * `levels` ({4, 5} gives 0x30). `levels` may be NULL only when `count` is 0 (mask 0).
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for a level outside 0..63; PLAINT_E_INVALID_ARGUMENT
 * for NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_levels(const int32_t* levels, size_t count, uint64_t* out);

/**
 * The Wilson score interval of `successes` out of `n` at `confidence`: (NaN, NaN) when n = 0;
 * the low bound is exactly 0 when successes = 0, the high bound exactly 1 when successes = n.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for successes > n, a bad confidence or NULL.
 * Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_wilson(uint64_t successes, uint64_t n, double confidence, double* low_out,
                             double* high_out);

/**
 * The mean of answers on the scale `lowest`..`highest` (the 5-point mean of DOMAIN.md §6 on
 * 1..5), its sample standard deviation, t interval and value as a percentage of the scale.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for an answer that is not a level of the scale;
 * PLAINT_E_INVALID_ARGUMENT for NaN or infinity, a bad scale or confidence, NULL, or a small
 * `out->size`. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_mean(const double* values, size_t count, int32_t lowest, int32_t highest,
                           double confidence, plaint_score* out);
/**
 * The satisfaction rate (CSAT): the share of answers at a level of `satisfied_mask` (bit k for
 * level k; plaint_levels builds it) with its Wilson interval. The scale must lie within 0..63
 * and contain every level of the mask.
 * @return as plaint_mean. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_csat(const double* values, size_t count, uint64_t satisfied_mask,
                           int32_t lowest, int32_t highest, double confidence, plaint_score* out);
/**
 * The net promoter score of answers 0..10, with its standard error and interval.
 * @return as plaint_mean (the scale is 0..10). Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_nps(const double* values, size_t count, double confidence, plaint_score* out);
/**
 * A customer-effort score: the mean of answers on the 7-point scale 1..7 (`scale` 7) or the
 * older 1..5 (`scale` 5), written as plaint_mean writes it.
 * @return as plaint_mean; PLAINT_E_INVALID_ARGUMENT for a `scale` other than 5 or 7.
 * Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_ces(const double* values, size_t count, int32_t scale, double confidence,
                          plaint_score* out);
/**
 * Whether the share in `share` (value, n, low, high, as plaint_csat wrote them) reaches
 * `target` (in [0, 1], e.g. 0.85) with confidence: PLAINT_VERDICT_MET when low ≥ target,
 * PLAINT_VERDICT_MISSED when high < target, otherwise (and when n = 0) UNDECIDED.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for a target outside [0, 1], NULL or a small
 * `share->size`. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_check_target(const plaint_score* share, double target, int32_t* out);

/**
 * AHP results besides the weights. Initialise with PLAINT_AHP_RESULT_INIT or
 * plaint_ahp_result_init(&r, sizeof r). Since 0.4.
 */
typedef struct plaint_ahp_result {
    uint32_t size;      /**< sizeof(plaint_ahp_result) as the caller compiled it */
    int32_t ri_table;   /**< the random-index table used, PLAINT_RI_* */
    int32_t method;     /**< the method used, PLAINT_AHP_* */
    int32_t consistent; /**< 1 when cr < 0.10, else 0 */
    double lambda_max;  /**< principal eigenvalue (geometric method: mean of (A·w)ᵢ / wᵢ) */
    double ci;          /**< (λmax − n)/(n − 1); 0 for n ≤ 2 */
    double ri;          /**< RI(n) from the table */
    double cr;          /**< ci / ri; 0 for n ≤ 2 */
    int64_t worst_i;    /**< inconsistent: row i < worst_j of the judgement that contributes most
                             to the inconsistency (the largest |ln(aᵢⱼ·wⱼ/wᵢ)|); else −1 */
    int64_t worst_j;    /**< its column; −1 when consistent */
} plaint_ahp_result;

/** plaint_ahp_result with its size set and every other field 0. Since 0.4. */
#define PLAINT_AHP_RESULT_INIT                                                                     \
    { sizeof(plaint_ahp_result), 0, 0, 0, 0.0, 0.0, 0.0, 0.0, 0, 0 }
/** Zeroes the `size` bytes at `r` and stores `size` in `r->size`, as plaint_score_init.
 *  Since 0.4. */
PLAINT_API void plaint_ahp_result_init(plaint_ahp_result* r, size_t size);

/**
 * AHP weights and consistency of a row-major n×n positive reciprocal matrix of judgements
 * (Saaty's 1–9 scale or any positive ratios: aᵢⱼ > 0, aᵢᵢ = 1, aᵢⱼ·aⱼᵢ = 1 within a relative
 * 1e-9). `weights_out` receives n weights summing to 1.
 * @param ri_table PLAINT_RI_*. @param method PLAINT_AHP_*.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for n = 0, a non-finite, non-positive,
 * non-reciprocal or off-1 diagonal cell (the message names the cell "(i, j)", 0-based), NULL or
 * a small `out->size`; PLAINT_E_OUT_OF_RANGE for an unknown table or method, n beyond the
 * table, or judgements so far apart (ratios near 1e300) that a weight or λmax leaves double's
 * range: never NaN or infinity with PLAINT_OK. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_ahp(const double* matrix, size_t n, int32_t ri_table, int32_t method,
                          double* weights_out, plaint_ahp_result* out);
/**
 * The random index RI(n) of table `ri_table` (0 for n ≤ 2).
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for an unknown table, n = 0 or n beyond the table;
 * PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_random_index(int32_t ri_table, size_t n, double* out);
/**
 * The stable name of a random-index table ("saaty1980", "saaty2005", "donegan_dodd",
 * "alonso_lamata"), in static storage.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for an unknown code; PLAINT_E_INVALID_ARGUMENT for
 * NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_ri_table_name(int32_t ri_table, const char** out);
/**
 * The code of a random-index table's name (NUL-terminated).
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for an unknown name (the message lists the valid
 * ones); PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_ri_table_parse(const char* name, int32_t* out);

/**
 * Key-driver analysis: which dimension scores move the overall score. Least-squares regression
 * with intercept of `overall[r]` on `dims[j][r]` (j < dim_count, r < count). Each output array
 * holds `dim_count` values and may be NULL when not wanted: the raw coefficients, the
 * standardised ones (βⱼ·sd(xⱼ)/sd(y)), each dimension's Pearson correlation with the overall
 * score, and Pratt's relative importance (βⱼ(std)·rⱼ / R², summing to 1; NaN when R² = 0).
 * `intercept_out` and `r_squared_out` may be NULL too.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL inputs, dim_count = 0, too few
 * responses (count ≤ dim_count + 1), a non-finite value (naming the dimension and row), a
 * constant overall score, a constant dimension or collinear dimensions (naming the dimension).
 * Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_key_drivers(const double* overall, const double* const* dims,
                                  size_t dim_count, size_t count, double* coefficients_out,
                                  double* standardized_out, double* correlations_out,
                                  double* importance_out, double* intercept_out,
                                  double* r_squared_out);

/**
 * An ACSI-style index: each respondent's weighted mean of `items` answers on 1..10 rescaled to
 * 0..100 as (x − 1)/9·100, and their mean with a t interval in `out` (scale 0..100). `answers`
 * is row-major: respondent r's item j at `answers[r·items + j]`, `count` rows (NULL only when
 * count is 0). `weights` holds `items` non-negative weights with a positive sum, normalised; NULL
 * means equal weights. `respondents_out` (count values) may be NULL when not wanted.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for an answer that is not a whole 1..10 (naming row
 * and item); PLAINT_E_INVALID_ARGUMENT for items = 0, a bad weight, NaN, a bad confidence,
 * NULL or a small `out->size`. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_acsi(const double* answers, size_t count, size_t items, const double* weights,
                           double confidence, double* respondents_out, plaint_score* out);

/**
 * An indicator tree (dimension → item), flat: node i has parent `parent[i]` (−1 for a top-level
 * dimension, else the index of an earlier node, so parents come before their children), a
 * local weight among its siblings (normalised among them), and, when it is an item (a node no
 * other node names as parent), an answer scale. Children keep the order of the array; the
 * items, in depth-first order, are the leaves in array order when the nodes are listed in
 * pre-order. Optional columns may be NULL: `weight` (every weight 1), `lowest` (1), `highest`
 * (5), `name` (nodes named by their index, "0", "1"…; names make paths such as
 * "quality/attitude" in messages). Initialise with PLAINT_INDICATOR_TREE_INIT. Since 0.4.
 */
typedef struct plaint_indicator_tree {
    uint32_t size;           /**< sizeof(plaint_indicator_tree) as the caller compiled it */
    size_t count;            /**< nodes */
    const int32_t* parent;   /**< per node, −1 or an earlier node; required */
    const double* weight;    /**< per node, finite, ≥ 0, siblings with a positive sum */
    const int32_t* lowest;   /**< per node, the lowest level of an item's scale */
    const int32_t* highest;  /**< per node, the highest level of an item's scale */
    const char* const* name; /**< per node, NUL-terminated UTF-8 */
} plaint_indicator_tree;

/** plaint_indicator_tree with its size set, no nodes and every column NULL. Since 0.4. */
#define PLAINT_INDICATOR_TREE_INIT                                                                 \
    { sizeof(plaint_indicator_tree), 0, NULL, NULL, NULL, NULL, NULL }
/** Zeroes the `size` bytes at `t` and stores `size` in `t->size`, as plaint_score_init.
 *  Since 0.4. */
PLAINT_API void plaint_indicator_tree_init(plaint_indicator_tree* t, size_t size);

/**
 * The global weight of every item of the tree: the product of the normalised local weights
 * along its path; they sum to 1. `out` holds `tree->count` values, one per node: the global
 * weight of an item, NaN for a dimension.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for no nodes, a parent that is not −1 or an
 * earlier node, a negative or non-finite weight, siblings whose weights sum to 0, a bad scale,
 * a tree deeper than 32 levels, NULL, or a small `tree->size`. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_global_weights(const plaint_indicator_tree* tree, double* out);
/**
 * The weighted satisfaction index of item scores: `item_scores` holds one value per node, read
 * for the items only (the mean answer, any real number within the item's scale), each rescaled
 * to 0..100 as (x − lowest)/(highest − lowest)·100 and weighted by its global weight; `out`
 * receives the index. `item_scores_out` (the rescaled scores) and `global_weights_out` may be
 * NULL; when given they hold one value per node, NaN for dimensions.
 * @return as plaint_global_weights; PLAINT_E_INVALID_ARGUMENT for a non-finite item score;
 * PLAINT_E_OUT_OF_RANGE for one outside its scale (naming the item's path). Thread-safe.
 * Since 0.4.
 */
PLAINT_API int plaint_weighted_index(const plaint_indicator_tree* tree, const double* item_scores,
                                     double* item_scores_out, double* global_weights_out,
                                     double* out);

/**
 * SERVQUAL gaps (perception − expectation) of `items` items, item i in dimension
 * `dimension_of[i]` (0..dimensions − 1), from mean perception and expectation scores on
 * `lowest`..`highest` (the 7-point scale 1..7 is usual). `dimension_weights` holds `dimensions`
 * non-negative weights with a positive sum (e.g. the 100 points customers allocate), normalised;
 * NULL means equal. Outputs: `item_gaps_out` (items values) and `dimension_gaps_out`
 * (dimensions values: the mean gap of each dimension's items), each optional; the unweighted
 * mean of the dimension gaps and their weighted sum, required.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL inputs, items or dimensions 0, a
 * dimension index out of range, a dimension without items, a bad weight, a non-finite score;
 * PLAINT_E_OUT_OF_RANGE for a score outside the scale. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_servqual(const double* perception, const double* expectation,
                               const int32_t* dimension_of, size_t items, size_t dimensions,
                               const double* dimension_weights, int32_t lowest, int32_t highest,
                               double* item_gaps_out, double* dimension_gaps_out,
                               double* unweighted_out, double* weighted_out);

/**
 * Mean time to repair: total repair seconds / repairs; NaN when repairs = 0.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for a negative or non-finite total, or NULL.
 * Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_mttr(double total_repair_seconds, uint64_t repairs, double* out);
/**
 * The mean of durations in seconds (each finite and ≥ 0); NaN when count = 0.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for a negative or non-finite duration (naming
 * its index), or NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_mean_duration(const double* durations, size_t count, double* out);
/**
 * The `percent` percentile (0..100) of finite values by linear interpolation between order
 * statistics (Hyndman & Fan type 7, numpy's default); NaN when count = 0. The values are not
 * changed.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for a non-finite value, a percent outside
 * 0..100, or NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_percentile(const double* values, size_t count, double percent, double* out);
/**
 * The share of durations (seconds, each ≥ 0) at or below `limit`, with its Wilson interval,
 * written as plaint_csat writes a share.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for a negative or non-finite duration, a
 * negative or NaN limit, a bad confidence, NULL or a small `out->size`. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_within_limit(const double* durations, size_t count, double limit,
                                   double confidence, plaint_score* out);
/**
 * Responses needed to estimate a share `p` (0.5 when unknown) within ± `margin` at
 * `confidence`: z²·p(1−p)/margin², with the finite-population correction for an estate of
 * `population` households (0: infinite), rounded up and at most the population.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for margin or p outside (0, 1), a bad
 * confidence or NULL; PLAINT_E_OUT_OF_RANGE when the answer exceeds 2⁶³. Thread-safe.
 * Since 0.4.
 */
PLAINT_API int plaint_sample_size(double margin, double confidence, double p, uint64_t population,
                                  uint64_t* out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_SATISFACTION_H */
