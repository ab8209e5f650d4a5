/**
 * @file plaint/c/calendar.h
 * Business calendars: opening hours, holidays, time zones; business-time arithmetic.
 * The C mirror of plaint/calendar.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_CALENDAR_H
#define PLAINT_C_CALENDAR_H

#include "plaint/c/config.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * A compiled business calendar: when an office is open, in its own time zone, with weekly
 * hours, closed dates and dates with their own hours (the README's "Business calendars" section
 * gives the JSON form and the exact rules). Immutable: one handle may be used from any number
 * of threads at once. Instants are int64 UTC seconds, durations int64 seconds; a calendar
 * computes the years 1900–2199 (UTC), and an instant outside them is PLAINT_E_OUT_OF_RANGE.
 * Since 0.2.
 */
typedef struct plaint_calendar plaint_calendar;

/**
 * Compiles a calendar from its JSON form: `"24x7"`, or an object with `timezone` (an IANA name
 * read from the system zone database, a POSIX TZ string such as "CST-8", or "UTC"), `week`
 * (`mon`..`sun`, each a list of ["HH:MM", "HH:MM"] openings), `closed` (a list of
 * "YYYY-MM-DD" dates), `dates` (an object from "YYYY-MM-DD" to a list of openings), and
 * optional `name` and `description` strings. `len` bytes at `json`, or PLAINT_NTS.
 * @param out receives the handle; free it with plaint_calendar_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_PARSE for malformed JSON (plaint_last_error_location gives the
 * line and column); PLAINT_E_VALIDATION for a document of the wrong shape, bad times or dates,
 * overlapping openings, no opening hours at all (never open: "/week", since 0.6) (the message
 * lists every problem; plaint_last_error_location gives the
 * JSON pointer of the first); PLAINT_E_NOT_FOUND for a time zone that is neither in the zone
 * database nor a valid POSIX TZ string; PLAINT_E_TOO_LARGE for a document over 16 MiB or
 * nested too deep; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_calendar_from_json(plaint_calendar** out, const char* json, size_t len);
/**
 * A calendar that is always open (24×7).
 * @param out receives the handle; free it with plaint_calendar_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.2.
 */
PLAINT_API int plaint_calendar_always_open(plaint_calendar** out);
/** Frees a calendar. NULL is a no-op. Since 0.2. */
PLAINT_API void plaint_calendar_free(plaint_calendar* c);
/**
 * The calendar as its JSON form (`"24x7"` or an object with every field written out);
 * plaint_calendar_from_json of it gives an equal calendar. The result is owned: free it with
 * plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_calendar_to_json(const plaint_calendar* c, char** out);
/**
 * Whether the office is open at `t`: `*out` is 1 or 0. Openings are half-open: open at their
 * start, closed at their end.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE outside the years; PLAINT_E_INVALID_ARGUMENT for
 * NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_calendar_is_open(const plaint_calendar* c, int64_t t, int32_t* out);
/**
 * `t` itself when the office is open at `t`, else the next instant it opens.
 * @return PLAINT_OK; PLAINT_E_NOT_FOUND when it never opens again within the years;
 * PLAINT_E_OUT_OF_RANGE for `t` outside them; PLAINT_E_INVALID_ARGUMENT for NULL.
 * Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_calendar_next_open(const plaint_calendar* c, int64_t t, int64_t* out);
/**
 * The earliest instant u ≥ t such that the open time in [t, u) is `d` seconds: 16:00 + 1 h on
 * a 09:00–17:00 day is 17:00 that day, not 09:00 the next. `d` = 0 gives `t`; a negative `d`
 * is plaint_calendar_sub(c, t, -d).
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `t` or the result outside the years (also when
 * the calendar never opens again); PLAINT_E_OVERFLOW for `d` = INT64_MIN, or for t + d beyond
 * int64 on a 24×7 calendar; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_calendar_add(const plaint_calendar* c, int64_t t, int64_t d, int64_t* out);
/**
 * The latest instant u ≤ t such that the open time in [u, t) is `d` seconds. A negative `d` is
 * plaint_calendar_add(c, t, -d).
 * @return as plaint_calendar_add. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_calendar_sub(const plaint_calendar* c, int64_t t, int64_t d, int64_t* out);
/**
 * The open seconds in [a, b); negative (minus the open seconds in [b, a)) when b < a.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `a` or `b` outside the years;
 * PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_calendar_between(const plaint_calendar* c, int64_t a, int64_t b,
                                       int64_t* out);
/**
 * `out[i] = add(t[i], d[i])` for i < n. The arrays may be NULL only when `n` is 0. Stops at the
 * first element that fails and returns its status; the message begins "at index i: ", and
 * `out` is filled before that index (the rest is untouched).
 * @return PLAINT_OK; the status of plaint_calendar_add for the failing element;
 * PLAINT_E_INVALID_ARGUMENT for a NULL handle, or a NULL array with `n` > 0. Thread-safe.
 * Since 0.2.
 */
PLAINT_API int plaint_calendar_add_many(const plaint_calendar* c, const int64_t* t,
                                        const int64_t* d, size_t n, int64_t* out);
/**
 * `out[i] = sub(t[i], d[i])` for i < n; NULL arrays and failures as plaint_calendar_add_many.
 * Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_calendar_sub_many(const plaint_calendar* c, const int64_t* t,
                                        const int64_t* d, size_t n, int64_t* out);
/**
 * `out[i] = between(a[i], b[i])` for i < n; NULL arrays and failures as
 * plaint_calendar_add_many. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_calendar_between_many(const plaint_calendar* c, const int64_t* a,
                                            const int64_t* b, size_t n, int64_t* out);

/**
 * The version of the system zone database that IANA zone names are read from ("2024a"), or ""
 * when it cannot be read (POSIX TZ strings and "UTC" need no database). The result is owned:
 * free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.2.
 */
PLAINT_API int plaint_tzdb_version(char** out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_CALENDAR_H */
