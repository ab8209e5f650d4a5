/**
 * @file plaint/c/profile.h
 * Profiles: a site's rules, policies, calendars and keywords as one compiled document.
 * The C mirror of plaint/profile.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_PROFILE_H
#define PLAINT_C_PROFILE_H

#include "plaint/c/sla.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A profile: one JSON document bundling a customer's calendars, SLA policies, classification
 * rules, return-visit rules and surveys (the README's "Profiles and classification rules"
 * section gives the form). Immutable: one handle may be used from any number of threads at
 * once. Since 0.3.
 */
typedef struct plaint_profile plaint_profile;

/**
 * Compiles a profile from its JSON form, `{"plaint_profile": 1, "name", "description",
 * "calendars", "policies", "rules", "return_visits", "surveys"}`. `len` bytes at `json`, or
 * PLAINT_NTS.
 * @param out receives the handle; free it with plaint_profile_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_PARSE for malformed JSON or an embedded NUL (with its line and
 * column); PLAINT_E_VALIDATION for unknown keys, bad values, undefined calendars or policies
 * (every problem, in document order, through plaint_last_error_problem_count and
 * plaint_last_error_problem; plaint_last_error_location gives the first);
 * PLAINT_E_UNSUPPORTED for a `plaint_profile` version other than 1; PLAINT_E_TOO_LARGE for a
 * document over 16 MiB, nested deeper than 64, with more than 10,000 rows or (since 0.6) more
 * than 1,000,000 values (the one problem gives the place of the first over);
 * PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_profile_from_json(plaint_profile** out, const char* json, size_t len);
/**
 * Compiles the profile in a file (UTF-8 JSON; `path` NUL-terminated), read as a stream: a pipe,
 * a FIFO or /dev/stdin works as a file does (opening a FIFO waits for its writer).
 * @return PLAINT_OK; PLAINT_E_IO when it cannot be opened or read, or is a directory;
 * PLAINT_E_TOO_LARGE as soon as more than 16 MiB have come (the rest is not read); the statuses
 * of plaint_profile_from_json. Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_profile_from_file(plaint_profile** out, const char* path);
/**
 * The embedded default profile (the JSON of examples/data/default-profile.json: DOMAIN.md's
 * natures, severities, SLA policies and return visits).
 * @param out receives a handle to the shared default; free it with plaint_profile_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_profile_default(plaint_profile** out);
/** Frees a profile. NULL is a no-op. Policy sets and decisions taken from it stay valid.
 *  Since 0.3. */
PLAINT_API void plaint_profile_free(plaint_profile* p);
/**
 * The profile as JSON (keys sorted); plaint_profile_from_json of it gives an equal profile.
 * The result is owned: free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_profile_to_json(const plaint_profile* p, char** out);
/**
 * The profile's calendars and SLA policies as a policy set handle that shares them and
 * outlives the profile.
 * @param out receives the handle; free it with plaint_policy_set_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_profile_policy_set(const plaint_profile* p, plaint_policy_set** out);
/**
 * The monthly minimum of return visits role `role` (PLAINT_ROLE_*) makes; 0 when the profile
 * sets none.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for an unknown role (PLAINT_ROLE_NONE included);
 * PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_profile_visit_quota(const plaint_profile* p, int32_t role, int32_t* out);
/**
 * The window of the rules' `repeat_count` conditions, in seconds: how far back earlier
 * complaints from the same unit count as repeats (the rules' `repeat_window_days`, 30 days when
 * the profile sets none). A ledger counts with it.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.6.
 */
PLAINT_API int plaint_profile_repeat_window(const plaint_profile* p, int64_t* seconds_out);
/**
 * The number of keywords of the profile's rules, each once (since 0.7 the written forms of one
 * word are one keyword, listed as first written; before, folded: Latin letters in lower case).
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.6.
 */
PLAINT_API int plaint_profile_keyword_count(const plaint_profile* p, size_t* out);
/**
 * Keyword `index` (in the order first met in the document), NUL-terminated UTF-8 owned by the
 * profile: valid while the profile lives.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `index` ≥ the count; PLAINT_E_INVALID_ARGUMENT
 * for NULL. Thread-safe. Since 0.6.
 */
PLAINT_API int plaint_profile_keyword(const plaint_profile* p, size_t index, const char** out);
/**
 * The keywords found in `text` (`len` bytes, or PLAINT_NTS), as their indexes in ascending
 * order, into the caller's array `out` as the ledger queries fill theirs: `*count_out` is how
 * many were found, at most `capacity` are written, capacity 0 with a NULL `out` counts only.
 * One pass over the text whatever the number of keywords.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL `p` or `count_out`, NULL `text` with a
 * length, or NULL `out` with a capacity. Nothing is written on failure. Thread-safe. Since 0.6.
 */
PLAINT_API int plaint_profile_find_keywords(const plaint_profile* p, const char* text, size_t len,
                                            uint32_t* out, size_t capacity, size_t* count_out);
/**
 * Whether the profile's keywords match in all their written forms — traditional and simplified
 * Chinese with the Hong Kong and Taiwan forms (OpenCC), full-width and half-width, Unicode case
 * and NFKC — `*out` 1, or each as written (Latin letters in any case) as before 0.7, `*out` 0
 * (`"fold_keywords": false` in the rules object).
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.7.
 */
PLAINT_API int plaint_profile_folds_keywords(const plaint_profile* p, int32_t* out);
/**
 * Where keyword `index` first occurs in `text` (`len` bytes, or PLAINT_NTS), in whichever of
 * its written forms: `*offset_out` and `*length_out` in bytes of `text` (`電梯` for the keyword
 * `电梯`); `*length_out` 0 when it does not occur. A plain search, for explanations.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `index` ≥ the keyword count;
 * PLAINT_E_INVALID_ARGUMENT for NULL `p`, `offset_out` or `length_out`, or NULL `text` with a
 * length. Nothing is written on failure. Thread-safe. Since 0.7.
 */
PLAINT_API int plaint_profile_keyword_match(const plaint_profile* p, size_t index, const char* text,
                                            size_t len, size_t* offset_out, size_t* length_out);
/**
 * The bytes the profile's compiled keyword matcher holds (its automaton and the keywords'
 * forms). @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.7.
 */
PLAINT_API int plaint_profile_keyword_memory(const plaint_profile* p, size_t* out);
/**
 * The number of non-fatal findings of the profile (an unreachable row...).
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_profile_warning_count(const plaint_profile* p, size_t* out);
/**
 * Finding `index`: its JSON pointer and message, each output optional, borrowed until the
 * profile is freed.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `index` ≥ the count; PLAINT_E_INVALID_ARGUMENT
 * for NULL. Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_profile_warning(const plaint_profile* p, size_t index,
                                      const char** pointer_out, const char** message_out);

/**
 * Every clock of complaint `c` under SLA policy `policy` (NUL-terminated) of profile `p`, as of
 * instant `at`, each counted in the calendar of the team that owns the case (the README's
 * "Teams and their calendars"): the team of the latest ASSIGN or ESCALATE that names one, else
 * `dispatched_team` (NUL-terminated: the team the profile's rules dispatch the case to, as
 * plaint_decision_team gives it; NULL or "" for none). A target that names its own calendar
 * keeps it; any other counts in the owning team's calendar when that team has one. When the
 * owner changes to a team of another calendar while a clock runs, the time elapsed is kept and
 * the rest counts in the new calendar from the event. A team the profile lacks counts as a team
 * without a calendar. Otherwise as plaint_complaint_clocks (which counts in the targets'
 * calendars alone); a ledger of `p` gives the same clocks.
 * @param out receives the list; free it with plaint_clock_list_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_NOT_FOUND for an unknown policy; PLAINT_E_OUT_OF_RANGE for
 * instants outside the years a calendar computes (1900–2199); PLAINT_E_INVALID_ARGUMENT for a
 * NULL `p`, `c`, `policy` or `out`. Reads `c`: not concurrently with a change to it. Since 0.7.
 */
PLAINT_API int plaint_profile_clocks(const plaint_profile* p, const plaint_complaint* c,
                                     const char* policy, const char* dispatched_team, int64_t at,
                                     plaint_clock_list** out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_PROFILE_H */
