/**
 * @file plaint.h
 * The C ABI of plaint, the complaint-handling library for property management. Valid C99.
 *
 * Conventions (the README's "C ABI" section says more):
 * - Every fallible function returns `PLAINT_OK` (0) or a negative `PLAINT_E_*` status. The
 *   message of the last failure on the calling thread is `plaint_last_error_message()`.
 * - Handles are opaque; `plaint_x_free(NULL)` is a no-op. Strings are UTF-8; text setters take
 *   a pointer and a length, or `PLAINT_NTS` for a NUL-terminated string.
 * - Instants are int64 UTC seconds since the Unix epoch. Enumerations pass as int32_t.
 * - Borrowed results say how long they live; owned strings are freed with `plaint_string_free`.
 * - No C++ exception crosses this boundary.
 */
#ifndef PLAINT_PLAINT_H
#define PLAINT_PLAINT_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#if defined(PLAINT_BUILDING_CAPI)
#define PLAINT_API __declspec(dllexport)
#else
#define PLAINT_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define PLAINT_API __attribute__((visibility("default")))
#else
#define PLAINT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Versions ------------------------------------------------------------------------------ */

/** Major version. Since 0.1. */
#define PLAINT_VERSION_MAJOR 0
/** Minor version. Since 0.1. */
#define PLAINT_VERSION_MINOR 3
/** Patch version. Since 0.1. */
#define PLAINT_VERSION_PATCH 0
/** major·10000 + minor·100 + patch. Since 0.1. */
#define PLAINT_VERSION_NUMBER                                                                      \
    (PLAINT_VERSION_MAJOR * 10000 + PLAINT_VERSION_MINOR * 100 + PLAINT_VERSION_PATCH)
/** The version as text. Since 0.1. */
#define PLAINT_VERSION_STRING "0.3.0"
/** The shared library's SOVERSION; changes only when this ABI breaks. Since 0.1. */
#define PLAINT_ABI_VERSION 1

/** The run-time library's version number (see PLAINT_VERSION_NUMBER). Never fails. Since 0.1. */
PLAINT_API int32_t plaint_version_number(void);
/** The run-time library's version string; static storage. Never fails. Since 0.1. */
PLAINT_API const char* plaint_version_string(void);
/** The run-time library's ABI version (see PLAINT_ABI_VERSION). Never fails. Since 0.1. */
PLAINT_API int32_t plaint_abi_version(void);

/* ---- Status codes and errors ------------------------------------------------------------- */

#define PLAINT_OK 0                      /**< success. Since 0.1. */
#define PLAINT_E_INVALID_ARGUMENT (-1)   /**< NULL pointer, empty required value. Since 0.1. */
#define PLAINT_E_OUT_OF_RANGE (-2)       /**< unknown enum code, index out of range. Since 0.1. */
#define PLAINT_E_PARSE (-3)              /**< malformed text. Since 0.1. */
#define PLAINT_E_ENCODING (-4)           /**< invalid UTF-8 or embedded NUL. Since 0.1. */
#define PLAINT_E_TOO_LARGE (-5)          /**< over a documented size limit. Since 0.1. */
#define PLAINT_E_OVERFLOW (-6)           /**< arithmetic overflow. Since 0.1. */
#define PLAINT_E_ILLEGAL_TRANSITION (-7) /**< event not allowed in this state. Since 0.1. */
#define PLAINT_E_OUT_OF_ORDER (-8)       /**< event earlier than the last one. Since 0.1. */
#define PLAINT_E_NOT_FOUND (-9)          /**< nothing found. Since 0.1. */
#define PLAINT_E_IO (-10)                /**< file input or output failed. Since 0.1. */
#define PLAINT_E_NO_MEMORY (-11)         /**< out of memory. Since 0.1. */
#define PLAINT_E_UNSUPPORTED (-12)       /**< unsupported version or feature. Since 0.1. */
#define PLAINT_E_VALIDATION (-13)        /**< a document failed validation. Since 0.1. */
#define PLAINT_E_INTERNAL (-100)         /**< a bug in plaint. Since 0.1. */

/**
 * The message of the last failed call on this thread ("" when none failed). Valid until the
 * next plaint call on the same thread. Never fails; never NULL. Since 0.1.
 */
PLAINT_API const char* plaint_last_error_message(void);
/**
 * A fixed description of a status code ("invalid argument"); "unknown status" for other values.
 * Static storage. Never fails; never NULL. Since 0.1.
 */
PLAINT_API const char* plaint_status_string(int status);
/**
 * Where in its input the last failed call on this thread found the problem: a JSON pointer
 * ("/week/mon/0") for a document that failed validation, a 1-based line and column (in bytes)
 * for malformed text. Each output may be NULL. When the last failure had no place (or no call
 * failed yet), `*pointer_out` is "" and `*line_out`, `*column_out` are 0. The pointer string is
 * valid until the next plaint call on the same thread; never NULL.
 * @return PLAINT_OK, always. Thread-safe (the place is per thread). Since 0.2.
 */
PLAINT_API int plaint_last_error_location(const char** pointer_out, size_t* line_out,
                                          size_t* column_out);
/**
 * The number of problems the last failed call on this thread reported: every problem of a
 * document that failed validation (PLAINT_E_VALIDATION), in document order; 0 for a failure
 * of any other kind, or when no call failed yet. The list is replaced by each failure (a
 * failure of this function or of plaint_last_error_problem included), and kept by calls that
 * succeed.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe (the list is per thread).
 * Since 0.3.
 */
PLAINT_API int plaint_last_error_problem_count(size_t* out);
/**
 * Problem `index` of the last failure on this thread: its JSON pointer ("" for the whole
 * document), 1-based line and column (in characters; 0 when unknown) and message (a sentence
 * without the place). Each output may be NULL. The strings are borrowed: valid until the next
 * plaint call on the same thread.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `index` ≥ the count (which, being a failure,
 * replaces the list by an empty one). Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_last_error_problem(size_t index, const char** pointer_out, size_t* line_out,
                                         size_t* column_out, const char** message_out);
/** Frees a string that plaint returned as owned. NULL is a no-op. Since 0.1. */
PLAINT_API void plaint_string_free(char* s);

/** Pass as a length to mean "the string is NUL-terminated". Since 0.1. */
#define PLAINT_NTS SIZE_MAX

/* ---- Enumerations (codes never change) --------------------------------------------------- */

/* Channel (投诉方式). Since 0.1. */
#define PLAINT_CHANNEL_PHONE 1
#define PLAINT_CHANNEL_VISIT 2
#define PLAINT_CHANNEL_LETTER 3
#define PLAINT_CHANNEL_ONLINE 4
#define PLAINT_CHANNEL_AUTHORITY 5
#define PLAINT_CHANNEL_MEDIA 6
#define PLAINT_CHANNEL_OTHER 7

/* Category (投诉内容). Since 0.1. */
#define PLAINT_CATEGORY_EQUIPMENT 1
#define PLAINT_CATEGORY_ATTITUDE 2
#define PLAINT_CATEGORY_QUALITY 3
#define PLAINT_CATEGORY_SUDDEN_EVENT 4
#define PLAINT_CATEGORY_OTHER 5

/* Nature (投诉性质). Since 0.1. */
#define PLAINT_NATURE_UNJUDGED 0
#define PLAINT_NATURE_VALID 1
#define PLAINT_NATURE_INVALID 2
#define PLAINT_NATURE_MAJOR 3
#define PLAINT_NATURE_HELP_SEEKING 4
#define PLAINT_NATURE_CONSULTING 5
#define PLAINT_NATURE_VENTING 6

/* Severity. Since 0.1. */
#define PLAINT_SEVERITY_UNSET 0
#define PLAINT_SEVERITY_P1 1
#define PLAINT_SEVERITY_P2 2
#define PLAINT_SEVERITY_P3 3
#define PLAINT_SEVERITY_P4 4

/* Role, in escalation order. 0 means "none" where a role is optional. Since 0.1. */
#define PLAINT_ROLE_NONE 0
#define PLAINT_ROLE_DUTY_STAFF 1
#define PLAINT_ROLE_CS_ASSISTANT 2
#define PLAINT_ROLE_CS_MANAGER 3
#define PLAINT_ROLE_GENERAL_MANAGER 4
#define PLAINT_ROLE_COMPANY 5

/* Return-visit method. 0 means "none". Since 0.1. */
#define PLAINT_VISIT_NONE 0
#define PLAINT_VISIT_PHONE 1
#define PLAINT_VISIT_ON_SITE 2
#define PLAINT_VISIT_MEETING 3
#define PLAINT_VISIT_PUBLIC_NOTICE 4
#define PLAINT_VISIT_OTHER 5

/* Lifecycle state. Since 0.1. */
#define PLAINT_STATE_RECEIVED 1
#define PLAINT_STATE_RECORDED 2
#define PLAINT_STATE_CLASSIFIED 3
#define PLAINT_STATE_ASSIGNED 4
#define PLAINT_STATE_IN_PROGRESS 5
#define PLAINT_STATE_WAITING 6
#define PLAINT_STATE_RESOLVED 7
#define PLAINT_STATE_RETURN_VISIT 8
#define PLAINT_STATE_RECTIFICATION 9
#define PLAINT_STATE_CLOSED 10
#define PLAINT_STATE_EXPLAINED 11

/* Lifecycle event. Since 0.1. */
#define PLAINT_EVENT_RECEIVE 1
#define PLAINT_EVENT_RECORD 2
#define PLAINT_EVENT_CLASSIFY 3
#define PLAINT_EVENT_ASSIGN 4
#define PLAINT_EVENT_START 5
#define PLAINT_EVENT_WAIT 6
#define PLAINT_EVENT_RESUME 7
#define PLAINT_EVENT_RESOLVE 8
#define PLAINT_EVENT_VISIT 9
#define PLAINT_EVENT_SATISFIED 10
#define PLAINT_EVENT_UNSATISFIED 11
#define PLAINT_EVENT_EXPLAIN 12
#define PLAINT_EVENT_CLOSE 13
#define PLAINT_EVENT_ESCALATE 14
#define PLAINT_EVENT_REOPEN 15

/* What an SLA target measures (the README's "SLA policies and clocks" section gives each
 * kind's default events). Since 0.2. */
#define PLAINT_TARGET_RECORD 1              /**< recorded within (1 h) */
#define PLAINT_TARGET_ACKNOWLEDGE 2         /**< judged and acknowledged within */
#define PLAINT_TARGET_FIRST_RESPONSE 3      /**< someone owns or works on it within */
#define PLAINT_TARGET_FIRST_FEEDBACK 4      /**< first feedback to the complainant within */
#define PLAINT_TARGET_RESOLUTION 5          /**< result and solution within; pauses while waiting */
#define PLAINT_TARGET_REPAIR_RESPONSE 6     /**< on-site assessment within */
#define PLAINT_TARGET_REPAIR_COMPLETION 7   /**< repair finished within; pauses while waiting */
#define PLAINT_TARGET_CONSULTATION_ANSWER 8 /**< a consultation answered within */
#define PLAINT_TARGET_RETURN_VISIT 9        /**< return visit within, after resolution */
#define PLAINT_TARGET_RECTIFICATION 10      /**< rectified by the unsatisfied visit's deadline */
#define PLAINT_TARGET_CUSTOM 11             /**< events given explicitly */

/* The state of an SLA clock at an instant. Since 0.2. */
#define PLAINT_CLOCK_NOT_STARTED 0 /**< its start event has not happened */
#define PLAINT_CLOCK_RUNNING 1
#define PLAINT_CLOCK_PAUSED 2
#define PLAINT_CLOCK_MET 3      /**< stopped on or before its due instant */
#define PLAINT_CLOCK_WARNING 4  /**< running past a warning threshold, not yet due */
#define PLAINT_CLOCK_BREACHED 5 /**< past its due instant (stopped late, or still open) */

/* Which enumeration, for plaint_enum_name and plaint_enum_parse. Since 0.1. */
#define PLAINT_ENUM_CHANNEL 1
#define PLAINT_ENUM_CATEGORY 2
#define PLAINT_ENUM_NATURE 3
#define PLAINT_ENUM_SEVERITY 4
#define PLAINT_ENUM_ROLE 5
#define PLAINT_ENUM_VISIT_METHOD 6
#define PLAINT_ENUM_STATE 7
#define PLAINT_ENUM_EVENT 8
#define PLAINT_ENUM_TARGET_KIND 9  /**< PLAINT_TARGET_*. Since 0.2. */
#define PLAINT_ENUM_CLOCK_STATE 10 /**< PLAINT_CLOCK_*. Since 0.2. */

/**
 * The stable name of `code` in enumeration `kind` ("on_site"), in static storage.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT if `out` is NULL; PLAINT_E_OUT_OF_RANGE for an
 * unknown kind or code. Since 0.1.
 */
PLAINT_API int plaint_enum_name(int32_t kind, int32_t code, const char** out);
/**
 * The code of `name` (NUL-terminated) in enumeration `kind`.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL; PLAINT_E_OUT_OF_RANGE for an unknown
 * kind or name (the message lists the valid names). Since 0.1.
 */
PLAINT_API int plaint_enum_parse(int32_t kind, const char* name, int32_t* out);

/* ---- Time ---------------------------------------------------------------------------------- */

/**
 * Parses an ISO 8601 instant with an offset ("2026-03-02T09:30:00+08:00", "...Z"); a fraction
 * of a second is truncated. `len` may be PLAINT_NTS.
 * @return PLAINT_OK; PLAINT_E_PARSE (the message names the column); PLAINT_E_OUT_OF_RANGE for
 * a year outside 1400–9999 or an offset beyond ±18:00; PLAINT_E_INVALID_ARGUMENT for NULL.
 * Thread-safe. Since 0.1.
 */
PLAINT_API int plaint_instant_parse(const char* text, size_t len, int64_t* out);
/**
 * Formats `t` as ISO 8601, in UTC ("Z") when `offset_seconds` is 0, else as the wall time at
 * that offset with "±hh:mm". The result is owned: free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE outside years 1400–9999 or for an offset that is not
 * a whole minute within ±18:00; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.1.
 */
PLAINT_API int plaint_instant_format(int64_t t, int32_t offset_seconds, char** out);

/* ---- Complaints -------------------------------------------------------------------------- */

/** A complaint with its lifecycle. Not synchronised: use one handle from one thread at a time. */
typedef struct plaint_complaint plaint_complaint;

/* Text fields, for plaint_complaint_set_text and plaint_complaint_text. Since 0.1. */
#define PLAINT_FIELD_ID 1          /**< 1–128 bytes */
#define PLAINT_FIELD_NAME 2        /**< complainant; up to 256 bytes */
#define PLAINT_FIELD_CONTACT 3     /**< up to 256 bytes */
#define PLAINT_FIELD_BUILDING 4    /**< 栋; up to 256 bytes */
#define PLAINT_FIELD_UNIT 5        /**< 房号; up to 256 bytes */
#define PLAINT_FIELD_CONTENT 6     /**< what the complaint says; up to 65,536 bytes */
#define PLAINT_FIELD_REMEDY 7      /**< the remedy wanted; up to 65,536 bytes */
#define PLAINT_FIELD_SUBCATEGORY 8 /**< free sub-category; up to 256 bytes */

/**
 * A lifecycle event. Initialise with PLAINT_EVENT_INIT or plaint_event_init(&e, sizeof e):
 * `size` tells the library which fields the caller knows, so the struct can grow at its end.
 * As input, `from_state` and `to_state` are ignored, and so are the details an event type does
 * not use (they are neither checked nor logged): `nature` and `severity` belong to CLASSIFY,
 * `target_role` to ASSIGN and ESCALATE, `visit_method` to VISIT, the deadline to UNSATISFIED.
 * Since 0.1.
 */
typedef struct plaint_event {
    uint32_t size;        /**< sizeof(plaint_event) as the caller compiled it */
    int32_t type;         /**< PLAINT_EVENT_* */
    int64_t at;           /**< when, UTC seconds */
    int32_t role;         /**< the actor, PLAINT_ROLE_* */
    const char* note;     /**< free text, NUL-terminated UTF-8, or NULL for none */
    int32_t nature;       /**< classify: PLAINT_NATURE_* (required) */
    int32_t severity;     /**< classify: PLAINT_SEVERITY_* (UNSET keeps the current one) */
    int32_t target_role;  /**< assign: new owner (NONE: the actor); escalate: new owner (NONE:
                               the next role up) */
    int32_t visit_method; /**< visit: PLAINT_VISIT_* (required) */
    int32_t has_deadline; /**< unsatisfied: non-zero when `deadline` is set (required) */
    int64_t deadline;     /**< unsatisfied: the rectification deadline, UTC seconds */
    int32_t from_state;   /**< output only: the state before */
    int32_t to_state;     /**< output only: the state after */
} plaint_event;

/** Zero-initialised plaint_event with its size set. Since 0.1. */
#define PLAINT_EVENT_INIT                                                                          \
    { sizeof(plaint_event), 0, 0, 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0 }
/**
 * Zeroes the `size` bytes at `e` and stores `size` in `e->size`; pass `sizeof *e`, so that a
 * library newer than the caller's header never writes past the caller's struct. NULL, or a
 * size too small to hold the `size` field, is a no-op. Since 0.1.
 */
PLAINT_API void plaint_event_init(plaint_event* e, size_t size);

/**
 * Creates a complaint received at `received`: state RECEIVED, owner DUTY_STAFF, channel and
 * category OTHER, one reporter, and a RECEIVE event in its log. `id` is NUL-terminated.
 * @param out receives the handle; free it with plaint_complaint_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT (NULL, empty id); PLAINT_E_ENCODING;
 * PLAINT_E_TOO_LARGE. Since 0.1.
 */
PLAINT_API int plaint_complaint_new(plaint_complaint** out, const char* id, int64_t received);
/** Frees a complaint. NULL is a no-op. Since 0.1. */
PLAINT_API void plaint_complaint_free(plaint_complaint* c);
/**
 * A deep copy of `c`, owned by the caller.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.1.
 */
PLAINT_API int plaint_complaint_clone(const plaint_complaint* c, plaint_complaint** out);

/**
 * Sets a text field (PLAINT_FIELD_*) from `len` bytes at `data`, or a NUL-terminated string
 * when `len` is PLAINT_NTS. On failure the complaint is unchanged.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT (NULL, empty id); PLAINT_E_OUT_OF_RANGE (unknown
 * field); PLAINT_E_ENCODING (invalid UTF-8, embedded NUL); PLAINT_E_TOO_LARGE. Since 0.1.
 */
PLAINT_API int plaint_complaint_set_text(plaint_complaint* c, int32_t field, const char* data,
                                         size_t len);
/**
 * A text field, borrowed: valid until the next call that changes `c`, or its free. The text is
 * NUL-terminated; `len_out` (may be NULL) receives its length in bytes.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL; PLAINT_E_OUT_OF_RANGE. Since 0.1.
 */
PLAINT_API int plaint_complaint_text(const plaint_complaint* c, int32_t field, const char** out,
                                     size_t* len_out);

/** Sets the channel. @return PLAINT_OK, PLAINT_E_INVALID_ARGUMENT, PLAINT_E_OUT_OF_RANGE.
 *  Since 0.1. */
PLAINT_API int plaint_complaint_set_channel(plaint_complaint* c, int32_t channel);
/** Sets the category. @return PLAINT_OK, PLAINT_E_INVALID_ARGUMENT, PLAINT_E_OUT_OF_RANGE.
 *  Since 0.1. */
PLAINT_API int plaint_complaint_set_category(plaint_complaint* c, int32_t category);
/** Sets how many residents raised it (1 to 1,000,000).
 *  @return PLAINT_OK, PLAINT_E_INVALID_ARGUMENT, PLAINT_E_OUT_OF_RANGE. Since 0.1. */
PLAINT_API int plaint_complaint_set_reporter_count(plaint_complaint* c, int32_t count);
/** Moves the received instant; only while RECEIVE is the only event.
 *  @return PLAINT_OK, PLAINT_E_INVALID_ARGUMENT, PLAINT_E_ILLEGAL_TRANSITION. Since 0.1. */
PLAINT_API int plaint_complaint_set_received(plaint_complaint* c, int64_t received);
/** Adds a tag (1–64 bytes, NUL-terminated; at most 32 tags); an existing tag is kept once.
 *  @return PLAINT_OK, PLAINT_E_INVALID_ARGUMENT, PLAINT_E_ENCODING, PLAINT_E_TOO_LARGE.
 *  Since 0.1. */
PLAINT_API int plaint_complaint_add_tag(plaint_complaint* c, const char* tag);
/** Removes a tag. @return PLAINT_OK; PLAINT_E_NOT_FOUND when absent; PLAINT_E_INVALID_ARGUMENT.
 *  Since 0.1. */
PLAINT_API int plaint_complaint_remove_tag(plaint_complaint* c, const char* tag);
/** The number of tags. @return PLAINT_OK or PLAINT_E_INVALID_ARGUMENT. Since 0.1. */
PLAINT_API int plaint_complaint_tag_count(const plaint_complaint* c, size_t* out);
/** Tag `index`, borrowed until the next change to `c`.
 *  @return PLAINT_OK, PLAINT_E_INVALID_ARGUMENT, PLAINT_E_OUT_OF_RANGE. Since 0.1. */
PLAINT_API int plaint_complaint_tag(const plaint_complaint* c, size_t index, const char** out);

/* Getters: each returns PLAINT_OK, or PLAINT_E_INVALID_ARGUMENT for a NULL argument. Since 0.1. */
PLAINT_API int plaint_complaint_received(const plaint_complaint* c, int64_t* out);
PLAINT_API int plaint_complaint_channel(const plaint_complaint* c, int32_t* out);
PLAINT_API int plaint_complaint_category(const plaint_complaint* c, int32_t* out);
PLAINT_API int plaint_complaint_nature(const plaint_complaint* c, int32_t* out);
PLAINT_API int plaint_complaint_severity(const plaint_complaint* c, int32_t* out);
PLAINT_API int plaint_complaint_reporter_count(const plaint_complaint* c, int32_t* out);
/** The lifecycle state, PLAINT_STATE_*. */
PLAINT_API int plaint_complaint_state(const plaint_complaint* c, int32_t* out);
/** The owning role, PLAINT_ROLE_*. */
PLAINT_API int plaint_complaint_owner(const plaint_complaint* c, int32_t* out);
/** The latest return-visit method, or PLAINT_VISIT_NONE. */
PLAINT_API int plaint_complaint_visit_method(const plaint_complaint* c, int32_t* out);
/** The handling cycle: 1, plus one per reopen. */
PLAINT_API int plaint_complaint_cycle(const plaint_complaint* c, int32_t* out);
/** The rectification deadline: `*has_out` is 1 and `*deadline_out` set while in rectification,
 *  else `*has_out` is 0. */
PLAINT_API int plaint_complaint_rectification_deadline(const plaint_complaint* c, int32_t* has_out,
                                                       int64_t* deadline_out);

/**
 * Applies an event with no details (record, start, wait, resume, resolve, satisfied, explain,
 * close, reopen, and assign or escalate with their defaults). `note` may be NULL.
 * @return as plaint_complaint_apply_event. Since 0.1.
 */
PLAINT_API int plaint_complaint_apply(plaint_complaint* c, int32_t type, int64_t at, int32_t role,
                                      const char* note);
/**
 * Applies an event with its details. On any failure the complaint is unchanged.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT (NULL, a size too small, a missing detail: a
 * classify without nature, a visit without method, an unsatisfied without a deadline after
 * `at`, an escalation not going up); PLAINT_E_OUT_OF_RANGE (an unknown enum code);
 * PLAINT_E_ENCODING / PLAINT_E_TOO_LARGE (the note); PLAINT_E_OUT_OF_ORDER (earlier than the
 * last event); PLAINT_E_ILLEGAL_TRANSITION (the message names the state and the event).
 * Since 0.1.
 */
PLAINT_API int plaint_complaint_apply_event(plaint_complaint* c, const plaint_event* event);
/**
 * Whether event `type` is allowed now (by the state table and the complaint's nature and
 * owner; the event's own details are not considered): `*out` is 1 or 0.
 * @return PLAINT_OK, PLAINT_E_INVALID_ARGUMENT, PLAINT_E_OUT_OF_RANGE. Since 0.1.
 */
PLAINT_API int plaint_complaint_allows(const plaint_complaint* c, int32_t type, int32_t* out);

/** The number of events in the log (at least 1: RECEIVE).
 *  @return PLAINT_OK or PLAINT_E_INVALID_ARGUMENT. Since 0.1. */
PLAINT_API int plaint_complaint_event_count(const plaint_complaint* c, size_t* out);
/**
 * Copies event `index` (0 is RECEIVE) into `*out`, whose `size` the caller sets first; only the
 * fields that `size` covers are written. `note` is borrowed (never NULL; "" for none) until the
 * next change to `c`.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT (NULL, size too small); PLAINT_E_OUT_OF_RANGE.
 * Since 0.1.
 */
PLAINT_API int plaint_complaint_event(const plaint_complaint* c, size_t index, plaint_event* out);
/**
 * Reads a complaint from its JSON form: `{"id", "received", "channel", "category", "name",
 * "contact", "building", "unit", "content", "remedy", "subcategory", "reporter_count", "tags",
 * "events"}` (instants as ISO 8601 text or UTC seconds, enumerations by name); the `events`
 * list, as plaint_complaint_to_json writes it, is applied in order. Unknown keys are errors.
 * `len` bytes at `json`, or PLAINT_NTS.
 * @param out receives the handle; free it with plaint_complaint_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_PARSE for malformed JSON or an embedded NUL (with its line and
 * column); PLAINT_E_VALIDATION for unknown keys, bad values or an event log that cannot be
 * applied (every problem: plaint_last_error_problem_count and plaint_last_error_problem);
 * PLAINT_E_ENCODING; PLAINT_E_TOO_LARGE; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe.
 * Since 0.3.
 */
PLAINT_API int plaint_complaint_from_json(plaint_complaint** out, const char* json, size_t len);
/**
 * The complaint as JSON, with its whole event log; plaint_complaint_from_json of it gives an
 * equal complaint. The result is owned: free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Reads `c`: not concurrently with a
 * change to it. Since 0.3.
 */
PLAINT_API int plaint_complaint_to_json(const plaint_complaint* c, char** out);

/* ---- Business calendars ------------------------------------------------------------------ */

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
 * overlapping openings (the message lists every problem; plaint_last_error_location gives the
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

/* ---- SLA policies and clocks ------------------------------------------------------------- */

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
 * undefined calendars, duplicate target names, bad durations, events or roles, and bad
 * calendars, an unknown time zone included (the message lists every problem;
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
 * @return PLAINT_OK; PLAINT_E_PARSE for anything else (a sign, spaces, a missing unit);
 * PLAINT_E_OVERFLOW beyond int64; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.2.
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

/* ---- Profiles and classification --------------------------------------------------------- */

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
 * document over 16 MiB, nested deeper than 64 or with more than 10,000 rows;
 * PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_profile_from_json(plaint_profile** out, const char* json, size_t len);
/**
 * Compiles the profile in a file (UTF-8 JSON; `path` NUL-terminated).
 * @return PLAINT_OK; PLAINT_E_IO when it cannot be read; the statuses of
 * plaint_profile_from_json. Thread-safe. Since 0.3.
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
 * The decision as JSON: `{"escalate_to", "matched", "nature", "severity", "sla_policy", "tags",
 * "visit_method"}` with keys sorted, leaving out what was not decided. Owned: free it with
 * plaint_string_free.
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
 * repeats, 0 hours since received, empty texts, received at 0. A NULL string in a text
 * column is "". Rows have no tags and no history. Initialise with PLAINT_FACTS_COLUMNS_INIT,
 * or set `size` to sizeof(plaint_facts_columns): the struct may grow at its end. Since 0.3.
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
} plaint_facts_columns;

/** plaint_facts_columns with its size set, no rows and every column NULL. Since 0.3. */
#define PLAINT_FACTS_COLUMNS_INIT                                                                  \
    {                                                                                              \
        sizeof(plaint_facts_columns), 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,     \
            NULL, NULL                                                                             \
    }

/**
 * Classifies `in->count` complaints given as columns, as plaint_profile_classify would one by
 * one (the return-visit method included), allocating nothing per row. Each output array is
 * the caller's, `in->count` long, and may be NULL when not wanted: row i gets the nature
 * (UNJUDGED when undecided), severity (UNSET), role to escalate to (NONE) and return-visit
 * method (NONE; the return-visit rules give one when no classification rule does).
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for an unknown enumeration code (the message begins
 * "at row i: "; rows before i are written, the rest untouched); PLAINT_E_INVALID_ARGUMENT
 * for NULL `p` or `in`, or a `size` smaller than the 0.3 struct. Texts are matched as bytes
 * (keywords are UTF-8). Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_profile_classify_many(const plaint_profile* p, const plaint_facts_columns* in,
                                            int32_t* nature_out, int32_t* severity_out,
                                            int32_t* escalate_to_out, int32_t* visit_method_out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_PLAINT_H */
