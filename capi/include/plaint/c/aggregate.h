/**
 * @file plaint/c/aggregate.h
 * Grouped satisfaction scores: one score per group of rows, exported as columns or JSON.
 * The C mirror of plaint/aggregate.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_AGGREGATE_H
#define PLAINT_C_AGGREGATE_H

#include "plaint/c/satisfaction.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The units of a weighted index over score columns. Codes never change. Since 0.4. */
#define PLAINT_INDEX_PERCENT 0 /**< each answer rescaled to 0..100 before weighting */
#define PLAINT_INDEX_SCALE 1   /**< raw answers weighted, in the columns' common scale units */

/* The scores of a grouped score column (plaint_groups_score). Codes never change. Since 0.4. */
#define PLAINT_MEASURE_MEAN 1 /**< the mean with its t interval */
#define PLAINT_MEASURE_CSAT 2 /**< the satisfied share with its Wilson interval */
#define PLAINT_MEASURE_NPS 3  /**< the NPS with its standard error and interval */

/* One statistic of every group, for the batch exporters. Codes never change. Since 0.4.
 * Real statistics, for plaint_groups_export (an index has the MEAN_* ones): */
#define PLAINT_STAT_MEAN 1         /**< mean, in the scale's units */
#define PLAINT_STAT_MEAN_SD 2      /**< its sample standard deviation */
#define PLAINT_STAT_MEAN_LOW 3     /**< its t interval, lower bound */
#define PLAINT_STAT_MEAN_HIGH 4    /**< its t interval, upper bound */
#define PLAINT_STAT_MEAN_PERCENT 5 /**< the mean on 0..100 */
#define PLAINT_STAT_CSAT 6         /**< the satisfied share, in [0, 1] */
#define PLAINT_STAT_CSAT_LOW 7     /**< its Wilson interval, lower bound */
#define PLAINT_STAT_CSAT_HIGH 8    /**< its Wilson interval, upper bound */
#define PLAINT_STAT_NPS 9          /**< NPS in points */
#define PLAINT_STAT_NPS_SE 10      /**< its standard error in points */
#define PLAINT_STAT_NPS_LOW 11     /**< its interval, lower bound */
#define PLAINT_STAT_NPS_HIGH 12    /**< its interval, upper bound */
/* Counts, for plaint_groups_export_count (an index has MEAN_N only): */
#define PLAINT_STAT_MEAN_N 13         /**< answers counted in the mean */
#define PLAINT_STAT_CSAT_SUCCESSES 14 /**< satisfied answers */
#define PLAINT_STAT_CSAT_N 15         /**< answers counted in the CSAT */
#define PLAINT_STAT_NPS_N 16          /**< answers counted in the NPS */
#define PLAINT_STAT_NPS_PROMOTERS 17  /**< answers 9–10 */
#define PLAINT_STAT_NPS_PASSIVES 18   /**< answers 7–8 */
#define PLAINT_STAT_NPS_DETRACTORS 19 /**< answers 0–6 */
#define PLAINT_STAT_MISSING 20        /**< missing answers (PLAINT_MISSING) */

/**
 * Survey responses as columns, for plaint_groups_new: `rows` rows, up to three int32 key
 * columns (building, month, category or team…; any value is a key) and one int8 column of
 * answers per question. Every column is borrowed for the call only and never copied. A score
 * column holds levels of its scale or PLAINT_MISSING; per column, the scale (`lowest`,
 * `highest`: within 0..127, lowest < highest), the satisfied levels for CSAT (a mask as
 * plaint_levels builds it; 0 asks for no CSAT; the scale must then lie within 0..63) and whether
 * to compute the NPS (non-zero; the scale must be 0..10). The optional per-column arrays may be
 * NULL: `lowest` (every column 1), `highest` (5), `satisfied` (no CSAT), `nps` (no NPS).
 *
 * Weighted indices: index i weighs `index_sizes[i]` score columns; the column positions and
 * their weights (finite, ≥ 0, positive sum, normalised) follow one index after another in
 * `index_columns` and `index_weights`; `index_units` (NULL: every index PERCENT) says
 * PLAINT_INDEX_PERCENT or PLAINT_INDEX_SCALE (every column of the index on the same scale).
 * A respondent's index is Σ wⱼ·xⱼ / Σ wⱼ over the rows where each of its columns is answered;
 * a group's index is the mean of its respondents' with a t interval.
 *
 * Names are NUL-terminated UTF-8, required for every column and index. Initialise with
 * PLAINT_GROUP_INPUT_INIT or plaint_group_input_init(&in, sizeof in). Since 0.4.
 */
typedef struct plaint_group_input {
    uint32_t size;                  /**< sizeof(plaint_group_input) as the caller compiled it */
    size_t rows;                    /**< rows of every column */
    size_t key_count;               /**< key columns, 0..3 (0: every row in one group) */
    const int32_t* const* keys;     /**< key_count columns of `rows` keys */
    const char* const* key_names;   /**< key_count names */
    size_t score_count;             /**< score columns */
    const int8_t* const* scores;    /**< score_count columns of `rows` answers */
    const char* const* score_names; /**< score_count names */
    const int32_t* lowest;          /**< per score column: the lowest level */
    const int32_t* highest;         /**< per score column: the highest level */
    const uint64_t* satisfied;      /**< per score column: the satisfied-levels mask */
    const int32_t* nps;             /**< per score column: non-zero for the NPS */
    size_t index_count;             /**< weighted indices */
    const char* const* index_names; /**< index_count names */
    const uint32_t* index_sizes;    /**< per index: how many columns it weighs (≥ 1) */
    const uint32_t* index_columns;  /**< Σ index_sizes positions in the score columns */
    const double* index_weights;    /**< Σ index_sizes weights, parallel to index_columns */
    const int32_t* index_units;     /**< per index: PLAINT_INDEX_* */
} plaint_group_input;

/** plaint_group_input with its size set, no rows, no columns and every pointer NULL.
 *  Since 0.4. */
#define PLAINT_GROUP_INPUT_INIT                                                                    \
    {                                                                                              \
        sizeof(plaint_group_input), 0, 0, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0,    \
            NULL, NULL, NULL, NULL, NULL                                                           \
    }
/** Zeroes the `size` bytes at `in` and stores `size` in `in->size`, as plaint_score_init.
 *  Since 0.4. */
PLAINT_API void plaint_group_input_init(plaint_group_input* in, size_t size);

/**
 * Grouped scores: the groups in ascending order of their key tuple (first key most
 * significant), each with, per score column, its mean, CSAT and NPS and its missing answers,
 * and its indices. Owns everything (it borrows nothing from the input). Immutable: one handle
 * may be read from any number of threads at once. Since 0.4.
 */
typedef struct plaint_groups plaint_groups;

/**
 * Groups the rows of `in` by their key tuple and scores every group, in one pass over the
 * rows (the columns are read in place). A PLAINT_MISSING answer counts in its column's
 * missing answers, never in its scores, and leaves the row out of every index using the column.
 * Only groups with rows appear; zero rows give zero groups.
 * @param confidence of every interval, in (0, 1).
 * @param out receives the handle; free it with plaint_groups_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for an answer that is neither a level of its
 * column's scale nor PLAINT_MISSING (naming the column, the first such row and its value), or
 * an unknown PLAINT_INDEX_* code; PLAINT_E_INVALID_ARGUMENT for more than three key columns, a
 * NULL column with rows or a NULL name (naming it), a bad scale or satisfied mask, NPS on a
 * scale other than 0..10, an index with no columns, a position out of range or repeated, a
 * negative or non-finite weight or weights summing to 0, SCALE units over different scales, a
 * bad confidence, NULL, or a small `in->size`; PLAINT_E_ENCODING for a name that is not UTF-8;
 * PLAINT_E_TOO_LARGE for more than 2³² − 2 groups; PLAINT_E_NO_MEMORY. Thread-safe.
 * Since 0.4.
 */
PLAINT_API int plaint_groups_new(plaint_groups** out, const plaint_group_input* in,
                                 double confidence);
/** Frees grouped scores. NULL is a no-op. Since 0.4. */
PLAINT_API void plaint_groups_free(plaint_groups* g);
/* Sizes: each returns PLAINT_OK, or PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe.
 * Since 0.4. */
/** The number of groups. */
PLAINT_API int plaint_groups_count(const plaint_groups* g, size_t* out);
/** The number of key columns. */
PLAINT_API int plaint_groups_key_count(const plaint_groups* g, size_t* out);
/** The number of score columns. */
PLAINT_API int plaint_groups_score_count(const plaint_groups* g, size_t* out);
/** The number of indices. */
PLAINT_API int plaint_groups_index_count(const plaint_groups* g, size_t* out);
/* Names, borrowed until the handle is freed: each returns PLAINT_OK, PLAINT_E_OUT_OF_RANGE
 * for a position ≥ the count, or PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.4. */
/** The name of key column `k`. */
PLAINT_API int plaint_groups_key_name(const plaint_groups* g, size_t k, const char** out);
/** The name of score column `column`. */
PLAINT_API int plaint_groups_score_name(const plaint_groups* g, size_t column, const char** out);
/** The name of index `index`. */
PLAINT_API int plaint_groups_index_name(const plaint_groups* g, size_t index, const char** out);
/**
 * Group `group`'s key `k`.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for a group or key position ≥ its count;
 * PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_groups_key(const plaint_groups* g, size_t group, size_t k, int32_t* out);
/**
 * The number of rows of group `group`.
 * @return as plaint_groups_key. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_groups_rows(const plaint_groups* g, size_t group, uint64_t* out);
/**
 * One score of group `group`'s column `column`: `measure` PLAINT_MEASURE_MEAN, _CSAT or _NPS,
 * written as plaint_mean, plaint_csat or plaint_nps write it, with `out->missing` the group's
 * missing answers in the column. A measure the column was not asked for has NaN reals and zero
 * counts (but `missing`).
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for a position ≥ its count or an unknown measure;
 * PLAINT_E_INVALID_ARGUMENT for NULL or a small `out->size`. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_groups_score(const plaint_groups* g, size_t group, size_t column,
                                   int32_t measure, plaint_score* out);
/**
 * Group `group`'s index `index`, written as plaint_mean writes a mean (scale 0..100 for
 * PERCENT units: `percent` equals `value`).
 * @return as plaint_groups_score. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_groups_index(const plaint_groups* g, size_t group, size_t index,
                                   plaint_score* out);
/**
 * Batch exporters, for data frames: each fills the caller's array with one value per group, in
 * group order (the array holds plaint_groups_count values; NULL is allowed when there are no
 * groups). plaint_groups_export_keys writes key column `k`; plaint_groups_export_rows the rows
 * of each group; plaint_groups_export a real statistic (PLAINT_STAT_MEAN … _NPS_HIGH) of score
 * column `column`, and plaint_groups_export_count a count (PLAINT_STAT_MEAN_N … _MISSING);
 * plaint_groups_export_index and plaint_groups_export_index_count the same of index `index`,
 * which has the MEAN_* statistics only.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for a position ≥ its count, an unknown statistic or
 * one of the other kind (a count to plaint_groups_export…); PLAINT_E_INVALID_ARGUMENT for NULL.
 * Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_groups_export_keys(const plaint_groups* g, size_t k, int32_t* out);
/** See plaint_groups_export_keys. Since 0.4. */
PLAINT_API int plaint_groups_export_rows(const plaint_groups* g, uint64_t* out);
/** See plaint_groups_export_keys. Since 0.4. */
PLAINT_API int plaint_groups_export(const plaint_groups* g, size_t column, int32_t stat,
                                    double* out);
/** See plaint_groups_export_keys. Since 0.4. */
PLAINT_API int plaint_groups_export_count(const plaint_groups* g, size_t column, int32_t stat,
                                          uint64_t* out);
/** See plaint_groups_export_keys. Since 0.4. */
PLAINT_API int plaint_groups_export_index(const plaint_groups* g, size_t index, int32_t stat,
                                          double* out);
/** See plaint_groups_export_keys. Since 0.4. */
PLAINT_API int plaint_groups_export_index_count(const plaint_groups* g, size_t index, int32_t stat,
                                                uint64_t* out);
/**
 * The grouped scores as JSON: `{"keys": [names], "scores": [names], "indexes": [names],
 * "groups": [{"keys": [k…], "rows", "scores": {name: {"missing", "mean": {"value", "sd",
 * "low", "high", "percent", "n"}, "csat": {"value", "low", "high", "successes", "n"}, "nps":
 * {"value", "se", "low", "high", "n", "promoters", "passives", "detractors"}}}, "indexes":
 * {name: {"value", "sd", "low", "high", "percent", "n"}}}]}`, "csat" and "nps" only for the
 * columns they were asked of, NaN written as null. Owned: free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_groups_to_json(const plaint_groups* g, char** out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_AGGREGATE_H */
