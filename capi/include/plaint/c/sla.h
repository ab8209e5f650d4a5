/**
 * @file plaint/c/sla.h
 * SLA policies, durations and the clocks of a complaint.
 * The C mirror of plaint/sla.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_SLA_H
#define PLAINT_C_SLA_H

#include "plaint/c/calendar.h"
#include "plaint/c/complaint.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Calendars and SLA policies, compiled once (the README's "SLA policies and clocks" section
 * gives the JSON form). A policy is a named list of targets — record within 1 hour, first
 * feedback within 24, a result within 72… — each counted in its own business calendar or round
 * the clock. Immutable: one handle may be used from any number of threads at once. Since 0.2.
 */
typedef struct plaint_policy_set plaint_policy_set;

/**
 * Compiles a policy set from its JSON form: an object with `calendars` (names to calendars in
 * the form plaint_calendar_from_json reads; "24x7" is reserved and always defined) and
 * `policies` (names to objects with a non-empty `targets` list; each target an object with
 * `kind`, `name`, `duration` (seconds, or text as plaint_duration_parse reads), `calendar`,
 * `start`, `stop`, `pause`, `resume`, `warn`, `escalate_on_warning`, `escalate_on_breach`,
 * `deadline_from_event`). `len` bytes at `json`, or PLAINT_NTS.
 * @param out receives the handle; free it with plaint_policy_set_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_PARSE for malformed JSON or an embedded NUL
 * (plaint_last_error_location gives the line and column); PLAINT_E_VALIDATION for unknown keys,
 * undefined calendars, duplicate target names, bad durations, events or roles, a duration whose
 * deadline for a complaint received at the start of 2100 would fall after 2199 (since 0.6), and
 * bad calendars, an unknown time zone or a calendar never open included (the message lists
 * every problem;
 * plaint_last_error_location gives the JSON pointer of the first, such as
 * "/policies/p/targets/0/calendar" or "/calendars/office/week/mon/0");
 * PLAINT_E_TOO_LARGE for a document over 16 MiB or nested too deep;
 * PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_policy_set_from_json(plaint_policy_set** out, const char* json, size_t len);
/**
 * The default policies (DOMAIN.md §5): `complaint` (record 1 h, first feedback 24 h, result
 * 72 h, round the clock), `repair` (response 24 h, completion 48 h), `repair_urgent` (4 h /
 * 24 h) and `consultation` (answered within 1 hour of the `office` calendar); each with
 * rectification by the deadline set at an unsatisfied return visit.
 * @param out receives a handle to the shared default set; free it with plaint_policy_set_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_policy_set_default(plaint_policy_set** out);
/** Frees a policy set. NULL is a no-op. Calendars and clock lists taken from it stay valid.
 *  Since 0.2. */
PLAINT_API void plaint_policy_set_free(plaint_policy_set* set);
/**
 * The set as its JSON form, every target written out with its events and warnings;
 * plaint_policy_set_from_json of it gives an equal set. The result is owned: free it with
 * plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_policy_set_to_json(const plaint_policy_set* set, char** out);
/**
 * The number of policies in the set.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_policy_set_policy_count(const plaint_policy_set* set, size_t* out);
/**
 * The name of policy `index`, in sorted (byte) order; borrowed: valid until the set is freed.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `index` ≥ the count; PLAINT_E_INVALID_ARGUMENT
 * for NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_policy_set_policy_name(const plaint_policy_set* set, size_t index,
                                             const char** out);
/**
 * The calendar named `name` (NUL-terminated; "24x7" always exists) as a new calendar handle
 * that shares the compiled calendar and outlives the set.
 * @param out receives the handle; free it with plaint_calendar_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_NOT_FOUND for a name the set does not define;
 * PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_policy_set_calendar(const plaint_policy_set* set, const char* name,
                                          plaint_calendar** out);
/**
 * Parses a duration in seconds: digits ("3600"), a sum of d/h/m/s parts ("1h30m", "24h",
 * "45s"), or ISO 8601 ("PT72H", "P1DT2H"; a day is 86,400 seconds). `len` may be PLAINT_NTS.
 * Each unit comes at most once, in the order d, h, m, s; ISO's T only before a time part.
 * @return PLAINT_OK; PLAINT_E_PARSE for anything else (a sign, spaces, a missing unit, a unit
 * twice or out of order: "1h1h", "1m1h"; "P1DT", "PT", "P", ""); PLAINT_E_OVERFLOW beyond
 * int64; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_duration_parse(const char* text, size_t len, int64_t* out);

/**
 * One SLA clock of a complaint at an instant, as plaint_clock_list_get copies it out.
 * Initialise with PLAINT_CLOCK_INIT or plaint_clock_init(&c, sizeof c): `size` tells the
 * library which fields the caller knows, so the struct can grow at its end. Instants are UTC
 * seconds; `has_*` is 1 when the instant after it is set, else 0 (and the instant 0).
 * Durations are business seconds of the target's calendar. Since 0.2.
 */
typedef struct plaint_clock {
    uint32_t size;           /**< sizeof(plaint_clock) as the caller compiled it */
    const char* target;      /**< the target's name; borrowed from the list */
    int32_t kind;            /**< PLAINT_TARGET_* */
    int32_t cycle;           /**< the handling cycle: 1, plus one per reopen */
    int32_t round;           /**< 1, or more when the target started again in the cycle; 0 for
                                  a clock that has not started in its cycle */
    int32_t state;           /**< PLAINT_CLOCK_* */
    int32_t escalate_to;     /**< the role to escalate to in the WARNING or BREACHED state, as
                                  the target says; else PLAINT_ROLE_NONE */
    int32_t has_started;     /**< whether `started` is set */
    int64_t started;         /**< the instant of the start event */
    int32_t has_stopped;     /**< whether `stopped` is set */
    int64_t stopped;         /**< the instant of the stop event (or of the reopen that ended
                                  the cycle) */
    int32_t has_due;         /**< whether `due` is set */
    int64_t due;             /**< when the running time reaches the duration; while paused,
                                  projected as if the clock resumed at the query instant */
    int32_t has_breached_at; /**< whether `breached_at` is set */
    int64_t breached_at;     /**< the due instant, once the clock is BREACHED */
    int64_t duration;        /**< the target */
    int64_t elapsed;         /**< counted so far */
    int64_t remaining;       /**< duration − elapsed; negative when over */
    double percent;          /**< 100 · elapsed / duration */
    uint32_t warning_count;  /**< how many of `warnings` are set (0–4) */
    int64_t warnings[4];     /**< the instants each warning fraction is reached, ascending */
} plaint_clock;

/** Zero-initialised plaint_clock with its size set. Since 0.2. */
#define PLAINT_CLOCK_INIT                                                                          \
    {                                                                                              \
        sizeof(plaint_clock), NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, 0, {      \
            0, 0, 0, 0                                                                             \
        }                                                                                          \
    }
/**
 * Zeroes the `size` bytes at `c` and stores `size` in `c->size`; pass `sizeof *c`, so that a
 * library newer than the caller's header never writes past the caller's struct. NULL, or a
 * size too small to hold the `size` field, is a no-op. Since 0.2.
 */
PLAINT_API void plaint_clock_init(plaint_clock* c, size_t size);

/**
 * The clocks of one complaint at one instant, computed once and owned by the list: it copies
 * what it needs, so it stays valid after the complaint and the policy set are changed or
 * freed. Immutable: one list may be read from any number of threads at once. Since 0.2.
 */
typedef struct plaint_clock_list plaint_clock_list;

/**
 * Every clock of complaint `c` under policy `policy` (NUL-terminated) of `set`, as of instant
 * `at` (events after `at` are not seen): one per target, handling cycle and round, in target
 * order, then cycle and round. A target that has not started in the current cycle gives a
 * NOT_STARTED clock with round 0. Clocks are derived from the event log, never stored.
 * @param out receives the list; free it with plaint_clock_list_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_NOT_FOUND for an unknown policy; PLAINT_E_OUT_OF_RANGE for
 * instants outside the years a calendar computes (1900–2199); PLAINT_E_INVALID_ARGUMENT for
 * NULL. Reads `c`: not concurrently with a change to it. Since 0.2.
 */
PLAINT_API int plaint_complaint_clocks(const plaint_complaint* c, const plaint_policy_set* set,
                                       const char* policy, int64_t at, plaint_clock_list** out);
/** The number of clocks in the list.
 *  @return PLAINT_OK or PLAINT_E_INVALID_ARGUMENT. Thread-safe. Since 0.2. */
PLAINT_API int plaint_clock_list_count(const plaint_clock_list* list, size_t* out);
/**
 * Copies clock `index` into `*out`, whose `size` the caller sets first (PLAINT_CLOCK_INIT); only
 * the fields that `size` covers are written. `out->target` is borrowed from the list: valid
 * until the list is freed.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT (NULL, a size smaller than the 0.2 struct);
 * PLAINT_E_OUT_OF_RANGE for `index` ≥ the count. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_clock_list_get(const plaint_clock_list* list, size_t index,
                                     plaint_clock* out);
/** Frees a clock list. NULL is a no-op. Since 0.2. */
PLAINT_API void plaint_clock_list_free(plaint_clock_list* list);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_SLA_H */
