/**
 * @file plaint/c/performance.h
 * Staff performance (绩效考核, DOMAIN.md §8): the figures the guides assess staff by, per handler
 * or per team over a period — cases owned and closed by kind, the share of each SLA target met,
 * times to first response and to resolution, reopened cases, unsatisfied return visits,
 * escalations made while a limit was breached, and the satisfaction of the surveys joined to the
 * cases — each share with its interval, and small samples flagged rather than trusted. Computed
 * from a ledger (plaint/c/ledger.h) and, when given, survey responses as CSV (the documents
 * plaint_report_options takes), and their scores by the profile's `performance` section. The C
 * mirror of plaint/performance.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_PERFORMANCE_H
#define PLAINT_C_PERFORMANCE_H

#include "plaint/c/ledger.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @name Whom the figures are for (plaint_performance_options' `by`). Values never change.
 *  Since 0.7. */
/**@{*/
/** The handler who owns each case: the `handler` of its latest ASSIGN or ESCALATE. */
#define PLAINT_STAFF_BY_HANDLER 1
/** The team that owns each case: the latest an ASSIGN or ESCALATE named, else the rules'. */
#define PLAINT_STAFF_BY_TEAM 2
/**@}*/

/**
 * What the staff figures cover (plaint_ledger_performance_json). Initialise with
 * PLAINT_PERFORMANCE_OPTIONS_INIT or plaint_performance_options_init(&o, sizeof o), which set the
 * defaults below, then set at least the period (`from` < `to`). Unlike plaint_report_options, a
 * zero is no default here: it is read as given (a confidence of 0 is refused, a `small_sample`
 * of 0 flags nothing). The library reads only the members `size` covers. Since 0.7.
 */
typedef struct plaint_performance_options {
    uint32_t size;     /**< sizeof(plaint_performance_options) as the caller compiled it */
    int32_t by;        /**< PLAINT_STAFF_BY_HANDLER (the default) or PLAINT_STAFF_BY_TEAM */
    int64_t from;      /**< the cases received in [from, to), UTC seconds */
    int64_t to;        /**< (exclusive) */
    int32_t has_as_of; /**< non-zero: read clocks, events and states at `as_of`, not at `to` */
    int64_t as_of;     /**< UTC seconds */
    double confidence; /**< of every interval, in (0, 1); the default 0.95 */
    /** A group with fewer cases than this is flagged `small_sample`; the default 30. */
    size_t small_sample;
    /** The survey question that says how satisfied (answers 1 to 5), NUL-terminated; NULL or
     *  "": "overall". A question the surveys lack leaves the satisfaction figures empty. */
    const char* overall;
    /** Survey responses: `survey_count` CSV documents (complaint_id, building, at, then one
     *  column a question; the form of examples/data/sample/surveys-*.csv), appended in order and
     *  joined to the cases by complaint id, as plaint_report_options takes them. */
    const char* const* surveys;
    const size_t* survey_lens; /**< their lengths (NULL: all NUL-terminated; or PLAINT_NTS) */
    size_t survey_count;
} plaint_performance_options;

/** plaint_performance_options with its size and defaults set: by handler, confidence 0.95,
 *  small samples under 30 cases, the question "overall", no surveys, no period. Since 0.7. */
#define PLAINT_PERFORMANCE_OPTIONS_INIT                                                            \
    {                                                                                              \
        sizeof(plaint_performance_options), PLAINT_STAFF_BY_HANDLER, 0, 0, 0, 0, 0.95, 30, NULL,   \
            NULL, NULL, 0                                                                          \
    }
/**
 * Sets up `size` bytes at `o` as PLAINT_PERFORMANCE_OPTIONS_INIT does: zeroes them, stores `size`
 * in `o->size` and the defaults of the members `size` covers (pass `sizeof *o`). NULL, or a size
 * too small for the `size` field, is a no-op. Since 0.7.
 */
PLAINT_API void plaint_performance_options_init(plaint_performance_options* o, size_t size);

/**
 * The staff figures of the ledger's cases received in [from, to), per handler or team
 * (`options->by`), as JSON: an array of one object per group ordered by id (the cases nobody
 * owns, id "", first), keys `id`, `cases`, `closed`, `cases_by_kind` and `closed_by_kind`
 * (objects kind name → count), `sla` (an array of {`target`, `met`, `breached`, `share_met`,
 * `share_low`, `share_high`} in order of first appearance), `first_response` and `resolution`
 * ({`n`, `mean_s`, `p50_s`, `p90_s`}), `reopened`, `unsatisfied_visits` ({`value`, `successes`,
 * `n`, `low`, `high`}), `breach_escalations`, `satisfaction` ({`mean`, `n`, `low`, `high`}),
 * `csat` (as `reopened`), `small_sample`; NaN is null. A case's owner is the ledger's latest,
 * whatever `as_of`. Owned: free with plaint_string_free; `*out` is unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT (a NULL ledger, `options` or `out`, a NULL survey
 * document, an options size smaller than the struct, a `by` that is neither
 * PLAINT_STAFF_BY_HANDLER nor PLAINT_STAFF_BY_TEAM, `from` ≥ `to`, a confidence outside (0, 1) or
 * NaN, a survey CSV without an `at` column); PLAINT_E_PARSE / PLAINT_E_ENCODING /
 * PLAINT_E_TOO_LARGE (a bad survey CSV: the message names `options.surveys[i]` and, for a parse
 * error, the line); PLAINT_E_OUT_OF_RANGE (an instant outside a calendar's years). The message
 * names the problem. Reads the ledger only. Since 0.7.
 */
PLAINT_API int plaint_ledger_performance_json(const plaint_ledger* l,
                                              const plaint_performance_options* options,
                                              char** out);

/**
 * The same figures scored by the `performance` section of the ledger's profile (the metrics, each
 * with its direction, target, band and weight — or AHP judgements — see the README, "Staff
 * performance"), as JSON: an array of one object per group in the order of
 * plaint_ledger_performance_json, keys `id`, `cases`, `small_sample`, `score` (0–100, the sum of
 * the contributions; null when no metric has data), `low` and `high` (the score's interval: every
 * metric at the worse, then the better, end of its own interval, a metric without data counted
 * as 0, then 100), `ranked` (false for a small sample and for the cases nobody owns, id ""),
 * `rank_best` and `rank_worst` (the rank as a range: only groups whose intervals lie wholly above
 * or below move it; null when not ranked), `metrics`: [{`metric`, `value`, `low`, `high`,
 * `score`, `score_low`, `score_high`, `weight`, `contribution`, `missing`}] in the section's
 * order; NaN is null. Owned: free with plaint_string_free; `*out` is unchanged on failure.
 * @return as plaint_ledger_performance_json, and PLAINT_E_NOT_FOUND when the ledger's profile
 * has no `performance` section. Reads the ledger only. Since 0.7.
 */
PLAINT_API int plaint_ledger_performance_scores_json(const plaint_ledger* l,
                                                     const plaint_performance_options* options,
                                                     char** out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_PERFORMANCE_H */
