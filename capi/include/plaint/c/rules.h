/**
 * @file plaint/c/rules.h
 * Classification by a profile's rules: decisions and their explanations, one or many.
 * The C mirror of plaint/rules.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_RULES_H
#define PLAINT_C_RULES_H

#include "plaint/c/complaint.h"
#include "plaint/c/profile.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The outcome of classifying one complaint: what the rules decided, and why (every row's
 * outcome, computed with the decision). Owns its strings and outlives the profile and the
 * complaint. Immutable: one handle may be read from any number of threads at once. Since 0.3.
 */
typedef struct plaint_decision plaint_decision;

/**
 * Classifies complaint `c` as it stands at instant `at` (events after `at` are not seen):
 * its facts (channel, category, nature, severity, texts, tags, reporters, history), with the
 * targets of SLA policy `policy` (NUL-terminated) missed by `at` — or none when `policy` is
 * NULL or "" — are run through the profile's rules; the return-visit method comes from the
 * return-visit rules when no rule set one. The explanation is computed at the same time.
 * @param out receives the decision; free it with plaint_decision_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_NOT_FOUND for a policy the profile does not define;
 * PLAINT_E_OUT_OF_RANGE for an instant outside the years a calendar computes;
 * PLAINT_E_INVALID_ARGUMENT for NULL. Reads `c`: not concurrently with a change to it.
 * Since 0.3.
 */
PLAINT_API int plaint_profile_classify(const plaint_profile* p, const plaint_complaint* c,
                                       int64_t at, const char* policy, plaint_decision** out);
/** Frees a decision. NULL is a no-op. Since 0.3. */
PLAINT_API void plaint_decision_free(plaint_decision* d);
/* Getters: each returns PLAINT_OK, or PLAINT_E_INVALID_ARGUMENT for a NULL argument.
 * Thread-safe. Since 0.3. */
/** The decided nature, or PLAINT_NATURE_UNJUDGED when no rule decided one. */
PLAINT_API int plaint_decision_nature(const plaint_decision* d, int32_t* out);
/** The decided severity, or PLAINT_SEVERITY_UNSET. */
PLAINT_API int plaint_decision_severity(const plaint_decision* d, int32_t* out);
/** The role to escalate to, or PLAINT_ROLE_NONE. */
PLAINT_API int plaint_decision_escalate_to(const plaint_decision* d, int32_t* out);
/** The return-visit method, or PLAINT_VISIT_NONE. */
PLAINT_API int plaint_decision_visit_method(const plaint_decision* d, int32_t* out);
/**
 * The kind of request the rules decided (a `kind` output), PLAINT_KIND_*, or 0 when no rule
 * decided one. A ledger takes it at intake for a complaint whose kind was not stated.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for a NULL argument. Thread-safe. Since 0.7.
 */
PLAINT_API int plaint_decision_kind(const plaint_decision* d, int32_t* out);
/** The SLA policy's name, borrowed until the decision is freed; NULL when none was decided. */
PLAINT_API int plaint_decision_sla_policy(const plaint_decision* d, const char** out);
/** The number of tags to add. */
PLAINT_API int plaint_decision_tag_count(const plaint_decision* d, size_t* out);
/**
 * Tag `index`, borrowed until the decision is freed.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE; PLAINT_E_INVALID_ARGUMENT. Since 0.3.
 */
PLAINT_API int plaint_decision_tag(const plaint_decision* d, size_t index, const char** out);
/** The number of rows that decided. */
PLAINT_API int plaint_decision_matched_count(const plaint_decision* d, size_t* out);
/**
 * The id of deciding row `index`, in order, borrowed until the decision is freed.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE; PLAINT_E_INVALID_ARGUMENT. Since 0.3.
 */
PLAINT_API int plaint_decision_matched(const plaint_decision* d, size_t index, const char** out);
/**
 * The decision as JSON: `{"escalate_to", "kind" (since 0.7), "matched", "nature", "severity",
 * "sla_policy", "tags", "visit_method"}` with keys sorted, leaving out what was not decided. Owned:
 * free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_decision_to_json(const plaint_decision* d, char** out);
/**
 * Why: a JSON list with one object per rule row, in profile order, `{"section", "id",
 * "matched", "decided", "failed"}` (`failed`, for a row that did not match, is the first
 * condition that failed). Owned: free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_decision_explain_json(const plaint_decision* d, char** out);

/**
 * The facts of many complaints as columns, for plaint_profile_classify_many: row i of each
 * array describes complaint i. Every array pointer may be NULL, which gives every row the
 * default: channel and category OTHER, nature UNJUDGED, severity UNSET, one reporter, no
 * repeats, 0 hours since received, empty texts, received at 0, no kind stated (since 0.7). A NULL
 * string in a text column is "". Rows have no tags and no history. Initialise with
 * PLAINT_FACTS_COLUMNS_INIT, or set `size` to sizeof(plaint_facts_columns): the struct may grow at
 * its end. Since 0.3.
 */
typedef struct plaint_facts_columns {
    uint32_t size;                 /**< sizeof(plaint_facts_columns) as the caller compiled it */
    size_t count;                  /**< the number of rows */
    const int32_t* channel;        /**< PLAINT_CHANNEL_* */
    const int32_t* category;       /**< PLAINT_CATEGORY_* */
    const int32_t* nature;         /**< PLAINT_NATURE_* (the current judgement) */
    const int32_t* severity;       /**< PLAINT_SEVERITY_* */
    const int32_t* reporter_count; /**< how many residents raised it */
    const int32_t* repeat_count;   /**< earlier complaints from the same unit in the window */
    const double* hours_since_received;
    const char* const* content;  /**< UTF-8, NUL-terminated */
    const char* const* building; /**< UTF-8, NUL-terminated */
    const char* const* unit;     /**< UTF-8, NUL-terminated */
    const int64_t* received;     /**< UTC seconds, for conditions on a calendar's hours */
    /* Since 0.7: read only when `size` covers it (an older struct states no kind). */
    const int32_t* kind; /**< the kind of request as stated, PLAINT_KIND_*, or 0 for a row whose
                              kind is not stated (a `kind` condition matches no such row) */
} plaint_facts_columns;

/** plaint_facts_columns with its size set, no rows and every column NULL. Since 0.3. */
#define PLAINT_FACTS_COLUMNS_INIT                                                                  \
    {                                                                                              \
        sizeof(plaint_facts_columns), 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,     \
            NULL, NULL, NULL                                                                       \
    }

/**
 * Classifies `in->count` complaints given as columns, as plaint_profile_classify would one by
 * one (the return-visit method included), allocating nothing per row. Each output array is
 * the caller's, `in->count` long, and may be NULL when not wanted: row i gets the nature
 * (UNJUDGED when undecided), severity (UNSET), role to escalate to (NONE) and return-visit
 * method (NONE; the return-visit rules give one when no classification rule does).
 * Every row is checked as a complaint checks its fields (Since 0.7): a reporter count of 1 to
 * 1,000,000, a repeat count of 0 or more, finite hours, texts of valid UTF-8 within their
 * limits (content 65,536 bytes, building and unit 256), a kind of 0 or a PLAINT_KIND_* code.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for an unknown enumeration code or a count or hours
 * out of range, PLAINT_E_ENCODING for a text that is not UTF-8, PLAINT_E_TOO_LARGE for a text
 * over its limit (the message begins "at row i: "; rows before i are written, the rest
 * untouched); PLAINT_E_INVALID_ARGUMENT for NULL `p` or `in`, or a `size` smaller than the 0.3
 * struct. Texts are matched as bytes (keywords are UTF-8). Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_profile_classify_many(const plaint_profile* p, const plaint_facts_columns* in,
                                            int32_t* nature_out, int32_t* severity_out,
                                            int32_t* escalate_to_out, int32_t* visit_method_out);

/**
 * plaint_profile_classify_many with one more output column: `kind_out` (may be NULL; else
 * `in->count` long) gets row i's decided kind of request, PLAINT_KIND_*, or 0 where no rule
 * decided one. Everything else, statuses and rows written on failure included, as
 * plaint_profile_classify_many. Thread-safe. Since 0.7.
 */
PLAINT_API int plaint_profile_classify_many_v2(const plaint_profile* p,
                                               const plaint_facts_columns* in, int32_t* nature_out,
                                               int32_t* severity_out, int32_t* escalate_to_out,
                                               int32_t* visit_method_out, int32_t* kind_out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_RULES_H */
