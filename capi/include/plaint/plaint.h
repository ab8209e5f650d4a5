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
#define PLAINT_VERSION_MINOR 6
/** Patch version. Since 0.1. */
#define PLAINT_VERSION_PATCH 0
/** major·10000 + minor·100 + patch. Since 0.1. */
#define PLAINT_VERSION_NUMBER                                                                      \
    (PLAINT_VERSION_MAJOR * 10000 + PLAINT_VERSION_MINOR * 100 + PLAINT_VERSION_PATCH)
/** The version as text. Since 0.1. */
#define PLAINT_VERSION_STRING "0.6.0"
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
 * document that failed validation (PLAINT_E_VALIDATION), in document order, or one for a
 * document that is not valid JSON (PLAINT_E_PARSE: its pointer, line and column, where the
 * parser stopped); 0 for a failure of any other kind, or when no call failed yet. A list keeps
 * the first 100 problems and then one more, pointer "", message "and N more problems" (since
 * 0.6). The list is replaced by each failure (a
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
 * a year outside 1400–9999, an offset beyond ±18:00 or an instant the offset carries outside
 * 1400-01-01T00:00:00Z–9999-12-31T23:59:59Z; PLAINT_E_INVALID_ARGUMENT for NULL.
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
 * The number of keywords of the profile's rules (each once, folded: Latin letters in lower
 * case). @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.6.
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

/* ---- Satisfaction scores ----------------------------------------------------------------- */

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

/* ---- Grouped satisfaction scores --------------------------------------------------------- */

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

/* ---- Surveys of a profile ------------------------------------------------------------------ */

/**
 * The number of surveys in the profile's `surveys` section.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_profile_survey_count(const plaint_profile* p, size_t* out);
/**
 * The name of survey `index`, in document order; borrowed: valid until the profile is freed.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `index` ≥ the count; PLAINT_E_INVALID_ARGUMENT
 * for NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_profile_survey_name(const plaint_profile* p, size_t index, const char** out);
/**
 * The survey named `name` (NUL-terminated) as JSON: `{"name", "description", "instrument",
 * "scale": [lowest, highest], "satisfied": [levels], "dimensions": [{"name", "weight",
 * "items": [...]}], "items": [{"path", "weight"}], "overall", "ahp": {"weights", "lambda_max",
 * "ci", "ri", "cr", "consistent", "ri_table", "method", "worst"}}` (local weights normalised
 * among siblings, item weights global; "ahp" only when the weights came from a pairwise
 * matrix). Owned: free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_NOT_FOUND when the profile has no such survey;
 * PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_profile_survey_json(const plaint_profile* p, const char* name, char** out);

/* ---- The ledger, snapshots and the monthly report ---------------------------------------- */

/**
 * The ledger: complaints and their event logs, with everything the profile derives from them
 * (state, owner, classification re-evaluated on events, SLA clocks, escalations, return visits).
 * Mutable and not synchronised: a call that changes it (imports, adding complaints or events)
 * needs exclusive access; calls that take a `const plaint_ledger*` may run on many threads at
 * once while none changes it. Keeps its profile alive: free the two in any order. Since 0.5.
 */
typedef struct plaint_ledger plaint_ledger;

/** Import flag: when any row is bad, import nothing (the ledger is left as it was). Since 0.5. */
#define PLAINT_IMPORT_ALL_OR_NOTHING 1u

/**
 * What a bulk import did. Initialise with PLAINT_IMPORT_RESULT_INIT or
 * plaint_import_result_init(&r, sizeof r): the library writes only the fields `size` covers.
 * Since 0.5.
 */
typedef struct plaint_import_result {
    uint32_t size;       /**< sizeof(plaint_import_result) as the caller compiled it */
    int32_t committed;   /**< 1; 0 when PLAINT_IMPORT_ALL_OR_NOTHING refused the import */
    uint64_t complaints; /**< complaints added */
    uint64_t events;     /**< events added (RECEIVE not counted) */
    uint64_t rows;       /**< data rows read, in all files */
    uint64_t bad_rows;   /**< rows refused (all of them, listed or not) */
} plaint_import_result;

/** Zero-initialised plaint_import_result with its size set. Since 0.5. */
#define PLAINT_IMPORT_RESULT_INIT                                                                  \
    { sizeof(plaint_import_result), 0, 0, 0, 0, 0 }
/** Zeroes `size` bytes at `r` and stores `size` in `r->size` (pass `sizeof *r`). NULL, or a size
 *  too small for the `size` field, is a no-op. Since 0.5. */
PLAINT_API void plaint_import_result_init(plaint_import_result* r, size_t size);

/**
 * Creates an empty ledger deriving everything with `profile` (NULL: the embedded default
 * profile); the ledger shares the profile and keeps it alive.
 * @param out receives the handle; free it with plaint_ledger_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for a NULL `out`; PLAINT_E_UNSUPPORTED for a
 * profile with more than 254 SLA policies or a policy with more than 16 targets. Since 0.5.
 */
PLAINT_API int plaint_ledger_new(plaint_ledger** out, const plaint_profile* profile);
/** Frees a ledger. NULL is a no-op. Since 0.5. */
PLAINT_API void plaint_ledger_free(plaint_ledger* l);
/**
 * The profile the ledger derives with, as a new handle that shares it.
 * @param out receives the handle; free it with plaint_profile_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.5.
 */
PLAINT_API int plaint_ledger_profile(const plaint_ledger* l, plaint_profile** out);
/** The number of complaints. @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.5. */
PLAINT_API int plaint_ledger_count(const plaint_ledger* l, size_t* out);
/** The number of events, RECEIVE events and re-evaluations included.
 *  @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.5. */
PLAINT_API int plaint_ledger_event_count(const plaint_ledger* l, size_t* out);

/**
 * Imports complaints as JSON lines (`len` bytes at `text`, or PLAINT_NTS): each non-blank line
 * one complaint in the form plaint_complaint_from_json reads, events included. A bad line is
 * skipped and reported with its 1-based line number and reason, and the rest imported; with
 * PLAINT_IMPORT_ALL_OR_NOTHING in `flags`, any bad line leaves the ledger as it was (and
 * `committed` is 0). Either way the call succeeds: bad rows are data, not a failure.
 * @param result_out receives the counts (may be NULL; its `size` set by the caller).
 * @param problems_out receives the bad rows as JSON (may be NULL): an array of at most 1,000
 * `{"file": "json lines", "line": 1-based (0: the whole input), "status": PLAINT_E_* code,
 * "message"}` in input order; owned: free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT (NULL, a result size too small, unknown flags);
 * PLAINT_E_NO_MEMORY. Since 0.5.
 */
PLAINT_API int plaint_ledger_import_json_lines(plaint_ledger* l, const char* text, size_t len,
                                               uint32_t flags, plaint_import_result* result_out,
                                               char** problems_out);
/**
 * Imports complaints as CSV and their events as CSV (RFC 4180, UTF-8, a header row; the columns
 * of examples/data/sample/README.md: complaints `id`, `received` (required), `channel`,
 * `category`, `subcategory`, `building`, `unit`, `reporter_count`, `content`, `tags`, `name`,
 * `contact`, `remedy`; events `complaint_id`, `at`, `type` (required), `role`, `note`, `nature`,
 * `severity`, `target`, `method`, `deadline`). `events` may be NULL with `events_len` 0 (no
 * events); lengths may be PLAINT_NTS. Bad rows, flags and outputs as
 * plaint_ledger_import_json_lines (`file` is "complaints" or "events"; unknown or missing
 * columns make the whole file bad, at line 1).
 * @return as plaint_ledger_import_json_lines. Since 0.5.
 */
PLAINT_API int plaint_ledger_import_csv(plaint_ledger* l, const char* complaints,
                                        size_t complaints_len, const char* events,
                                        size_t events_len, uint32_t flags,
                                        plaint_import_result* result_out, char** problems_out);
/**
 * Adds one complaint from its JSON form (as plaint_complaint_from_json reads it, events
 * included); the profile's rules classify it. `len` bytes at `json`, or PLAINT_NTS.
 * @param index_out receives its index (may be NULL).
 * @return PLAINT_OK; the statuses of plaint_complaint_from_json; PLAINT_E_INVALID_ARGUMENT for a
 * duplicate id; PLAINT_E_OUT_OF_RANGE for an instant outside a calendar's years. On failure the
 * ledger is unchanged. Since 0.5.
 */
PLAINT_API int plaint_ledger_add_complaint_json(plaint_ledger* l, const char* json, size_t len,
                                                size_t* index_out);
/**
 * Adds a copy of complaint `c` with its event log; errors as plaint_ledger_add_complaint_json.
 * @param index_out receives its index (may be NULL). Since 0.5.
 */
PLAINT_API int plaint_ledger_add_complaint(plaint_ledger* l, const plaint_complaint* c,
                                           size_t* index_out);
/**
 * Applies one event to complaint `index`, checked as plaint_complaint_apply_event checks it,
 * then derives its clocks and, on a relevant event, its classification again.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE (an unknown index or code); the statuses of
 * plaint_complaint_apply_event. On failure the ledger is unchanged. Since 0.5.
 */
PLAINT_API int plaint_ledger_add_event(plaint_ledger* l, size_t index, const plaint_event* event);
/**
 * The index of the complaint with id `id` (NUL-terminated).
 * @return PLAINT_OK; PLAINT_E_NOT_FOUND; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.5.
 */
PLAINT_API int plaint_ledger_find(const plaint_ledger* l, const char* id, size_t* out);
/**
 * Complaint `index` rebuilt as a complaint handle with its whole log (the ledger's
 * re-evaluation events included), owned by the caller and independent of the ledger.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.5.
 */
PLAINT_API int plaint_ledger_complaint(const plaint_ledger* l, size_t index,
                                       plaint_complaint** out);
/**
 * Complaint `index` as the ledger sees it, as JSON: `{"index", "id", "state", "owner",
 * "nature", "severity", "cycle", "event_count", "last_event_at", "escalations",
 * "reevaluations", "visit_method", "rectification_deadline", "sla_policy", "rule_nature",
 * "rule_escalate_to", "planned_visit", "tags", "complaint"}` — enumerations by name, instants as
 * ISO 8601 UTC, null for what is not set; "complaint" is plaint_complaint_to_json's form of the
 * rebuilt complaint. Owned: free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.5.
 */
PLAINT_API int plaint_ledger_complaint_json(const plaint_ledger* l, size_t index, char** out);

/**
 * Saves the whole ledger (with its profile) as a snapshot file at `path`, atomically: a
 * temporary file beside it, synced, then renamed over it; on failure `path` keeps what it held.
 * @return PLAINT_OK; PLAINT_E_IO (the message names the file and the reason);
 * PLAINT_E_NO_MEMORY; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.5.
 */
PLAINT_API int plaint_ledger_save(const plaint_ledger* l, const char* path);
/**
 * Loads the snapshot file at `path`. With `profile` NULL the ledger is the one saved, under its
 * stored profile; with a profile equal to the stored one, the same, sharing `profile`; with
 * another profile, the saved ledger replayed under it (everything derived again). The file is
 * read as a stream: a pipe or a FIFO works as a regular file does.
 * @param out receives the handle; free it with plaint_ledger_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_IO (cannot open or read, or a directory); PLAINT_E_PARSE (not a
 * snapshot, truncated, corrupted); PLAINT_E_UNSUPPORTED (a newer format, another byte order);
 * PLAINT_E_INVALID_ARGUMENT for NULL. Nothing is built from a refused file. Since 0.5.
 */
PLAINT_API int plaint_ledger_load(plaint_ledger** out, const char* path,
                                  const plaint_profile* profile);

/**
 * What the monthly report is computed for. Initialise with PLAINT_REPORT_OPTIONS_INIT or
 * plaint_report_options_init(&o, sizeof o); zero and NULL members take their defaults. The
 * library reads only the members `size` covers. Since 0.5.
 */
typedef struct plaint_report_options {
    uint32_t size;        /**< sizeof(plaint_report_options) as the caller compiled it */
    const char* month;    /**< "YYYY-MM"; NULL or "": the month of the latest complaint */
    const char* timezone; /**< IANA name or POSIX TZ; NULL or "": the profile's zone */
    /** Survey responses: `survey_count` CSV documents (complaint_id, building, at, then one
     *  column a question; the form of examples/data/sample/surveys-*.csv), appended in order.
     *  Give the month's and the month before's for the change and the trend. */
    const char* const* surveys;
    const size_t* survey_lens; /**< their lengths (NULL: all NUL-terminated; or PLAINT_NTS) */
    size_t survey_count;
    int32_t has_as_of;  /**< non-zero: read the clocks at `as_of`, not at the month's end */
    int64_t as_of;      /**< UTC seconds */
    double confidence;  /**< of every interval, in (0, 1); 0: 0.95 */
    double csat_target; /**< the satisfaction target, in (0, 1]; 0: 0.85 */
    uint32_t top;       /**< main issues listed; 0: 10 */
} plaint_report_options;

/** Zero-initialised plaint_report_options with its size set: every default. Since 0.5. */
#define PLAINT_REPORT_OPTIONS_INIT                                                                 \
    { sizeof(plaint_report_options), NULL, NULL, NULL, NULL, 0, 0, 0, 0.0, 0.0, 0 }
/** Zeroes `size` bytes at `o` and stores `size` in `o->size` (pass `sizeof *o`). NULL, or a size
 *  too small for the `size` field, is a no-op. Since 0.5. */
PLAINT_API void plaint_report_options_init(plaint_report_options* o, size_t size);

/**
 * The monthly report (DOMAIN.md §4–6) of the ledger as JSON: two-space indent, keys in a fixed
 * order, NaN as null; the stable keys `plaint_report`, `month`, `previous_month`, `timezone`,
 * `from`, `to`, `as_of`, `profile`, `confidence`, `csat_target`, `complaints`, `main_issues`,
 * `sla`, `escalations`, `return_visits`, `satisfaction`, `heatmaps` (the README and report.hpp
 * list their members). `options` may be NULL (every default). Owned: free with
 * plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT (NULL ledger or `out`, a NULL survey document,
 * an options size too small, an empty ledger with no month, a confidence or target out of
 * range); PLAINT_E_PARSE / PLAINT_E_OUT_OF_RANGE (a bad month; a bad survey CSV, the message
 * naming `surveys[i]` and the line); PLAINT_E_NOT_FOUND (an unknown time zone). Reads the ledger
 * only. Since 0.5.
 */
PLAINT_API int plaint_ledger_report_json(const plaint_ledger* l,
                                         const plaint_report_options* options, char** out);
/**
 * The same report as one tidy CSV table (header `section,group,item,metric,value`, one figure
 * a row, LF line ends). Owned: free with plaint_string_free.
 * @return as plaint_ledger_report_json. Since 0.5.
 */
PLAINT_API int plaint_ledger_report_csv(const plaint_ledger* l,
                                        const plaint_report_options* options, char** out);
/**
 * The same report as one self-contained HTML page (inline CSS and SVG, no script, no external
 * asset). Owned: free with plaint_string_free.
 * @return as plaint_ledger_report_json. Since 0.5.
 */
PLAINT_API int plaint_ledger_report_html(const plaint_ledger* l,
                                         const plaint_report_options* options, char** out);
/**
 * Computes the report once and writes `report.json`, `report.csv` and `report.html` into the
 * folder `folder` (created with its parents when missing), each atomically (a temporary file in
 * the folder, synced, then renamed), as the plaint-report program does.
 * @return as plaint_ledger_report_json; PLAINT_E_IO when the folder cannot be created or
 * written (files already renamed stay). Since 0.5.
 */
PLAINT_API int plaint_ledger_report_files(const plaint_ledger* l,
                                          const plaint_report_options* options, const char* folder);

/* ---- Ledger queries, replay and re-evaluation ----------------------------------------------- */

/*
 * Rules shared by the calls of this section that return arrays (Since 0.6):
 * - They fill a caller's array `out` of `capacity` elements and store in `*count_out` how many
 *   results there are in all. When that is more than `capacity`, only the first `capacity` are
 *   written and the call still returns PLAINT_OK: compare `*count_out` with `capacity` and call
 *   again with a larger array (the ledger gives the same results while nobody changes it).
 *   With `capacity` 0, `out` may be NULL and only the count is computed.
 * - For arrays of structs, the caller sets `size` in the first element only (its `_INIT` macro
 *   or `_init` function, with `sizeof`): the library reads `out[0].size` as the size of every
 *   element — the array's stride — so that a library newer than the caller's header never
 *   writes past the caller's elements. Each element written gets `size` and the fields the
 *   library knows; any bytes of the element beyond them are zeroed. A first `size` smaller
 *   than the 0.6 struct, over 65,536 (an uninitialised element) or not a multiple of the
 *   struct's alignment is PLAINT_E_INVALID_ARGUMENT.
 * - `count_out` is required. On failure nothing is written: neither `out` nor `*count_out`.
 * - They read the ledger only: any number of threads may call them at once while nobody
 *   changes the ledger.
 */

/** An enumeration member of plaint_query that matches every value. Since 0.6. */
#define PLAINT_ANY (-1)

/* Which clocks plaint_ledger_clocks_at lists. Codes never change. Since 0.6. */
#define PLAINT_CLOCKS_OPEN 1     /**< started, not stopped (running, paused, late or warned) */
#define PLAINT_CLOCKS_WARNING 2  /**< in the WARNING state (past a warning, not yet due) */
#define PLAINT_CLOCKS_BREACHED 3 /**< BREACHED: stopped late, or open past its due instant */

/**
 * A complaint as the ledger holds it (plaint_ledger_view): its intake fields, the state its
 * events give and the classification the profile's rules give. Initialise with
 * PLAINT_COMPLAINT_VIEW_INIT or plaint_complaint_view_init(&v, sizeof v): the library writes
 * only the fields `size` covers.
 *
 * Texts are pointer and length, pointing into the ledger: they are NOT NUL-terminated (use the
 * length), never NULL (an empty text is "" with length 0), and valid until the ledger is next
 * changed (an import, an added complaint or event, plaint_ledger_reevaluate) or freed.
 * Since 0.6.
 */
typedef struct plaint_complaint_view {
    uint32_t size;    /**< sizeof(plaint_complaint_view) as the caller compiled it */
    size_t index;     /**< the complaint's position in the ledger (order of intake) */
    const char* id;   /**< the complaint's id */
    size_t id_len;    /**< its length in bytes */
    int64_t received; /**< UTC seconds */
    int32_t channel;  /**< PLAINT_CHANNEL_* */
    int32_t category; /**< PLAINT_CATEGORY_* */
    const char* subcategory;
    size_t subcategory_len;
    const char* building;
    size_t building_len;
    const char* unit;
    size_t unit_len;
    const char* content;
    size_t content_len;
    int32_t reporter_count; /**< how many residents raised it */
    int32_t repeat_count;   /**< earlier complaints from the same building and unit within the
                                 profile's repeat window, as its rules read it; 0 without a
                                 unit */
    int32_t state;          /**< PLAINT_STATE_* */
    int32_t owner;          /**< PLAINT_ROLE_* */
    int32_t nature;         /**< the judged nature (classify events), PLAINT_NATURE_* */
    int32_t severity;       /**< the judged severity, PLAINT_SEVERITY_* */
    int32_t visit_method;   /**< of the latest return visit made; PLAINT_VISIT_NONE before one */
    int32_t has_rectification_deadline; /**< 1 while in rectification, else 0 */
    int64_t rectification_deadline;     /**< UTC seconds; 0 when not set */
    int32_t cycle;                      /**< the handling cycle: 1, plus one per reopen */
    int32_t escalations;                /**< ESCALATE events in the log */
    size_t event_count;       /**< events in the log, RECEIVE and re-evaluations included */
    int64_t last_event_at;    /**< the latest event's instant, UTC seconds */
    int32_t reevaluations;    /**< CLASSIFY events the ledger added on re-evaluation */
    int32_t rule_nature;      /**< the nature the rules suggest; PLAINT_NATURE_UNJUDGED for none (as
                                   plaint_decision_nature) */
    int32_t rule_escalate_to; /**< the role the rules say should own it; PLAINT_ROLE_NONE */
    int32_t planned_visit;    /**< the return-visit method it calls for, PLAINT_VISIT_* */
    const char* sla_policy;   /**< the SLA policy the rules name; "" for none */
    size_t sla_policy_len;
} plaint_complaint_view;

/** Zero-initialised plaint_complaint_view with its size set. Since 0.6. */
#define PLAINT_COMPLAINT_VIEW_INIT                                                                 \
    {                                                                                              \
        sizeof(plaint_complaint_view), 0, NULL, 0, 0, 0, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0, \
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0                                \
    }
/** Zeroes `size` bytes at `v` and stores `size` in `v->size` (pass `sizeof *v`). NULL, or a size
 *  too small for the `size` field, is a no-op. Since 0.6. */
PLAINT_API void plaint_complaint_view_init(plaint_complaint_view* v, size_t size);

/**
 * Complaint `index` as the ledger holds it, into `*out` (whose `size` the caller sets first).
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `index` ≥ the count; PLAINT_E_INVALID_ARGUMENT
 * for NULL or a `size` smaller than the 0.6 struct. `*out` is unchanged on failure. Reads the
 * ledger only. Since 0.6.
 */
PLAINT_API int plaint_ledger_view(const plaint_ledger* l, size_t index, plaint_complaint_view* out);

/**
 * A query on complaints (plaint_ledger_select). Initialise with PLAINT_QUERY_INIT or
 * plaint_query_init(&q, sizeof q), which match every complaint (enumerations PLAINT_ANY,
 * `building` NULL, no bounds), then set what to filter on; a complaint must pass every filter.
 * The library reads only the members `size` covers. Since 0.6.
 */
typedef struct plaint_query {
    uint32_t size;        /**< sizeof(plaint_query) as the caller compiled it */
    int32_t state;        /**< PLAINT_STATE_* or PLAINT_ANY */
    int32_t owner;        /**< PLAINT_ROLE_* (not NONE) or PLAINT_ANY */
    int32_t category;     /**< PLAINT_CATEGORY_* or PLAINT_ANY */
    int32_t nature;       /**< the judged nature, PLAINT_NATURE_* (UNJUDGED too) or PLAINT_ANY */
    int32_t severity;     /**< the judged severity, PLAINT_SEVERITY_* (UNSET too) or PLAINT_ANY */
    const char* building; /**< NUL-terminated, compared byte for byte ("" matches complaints
                               without a building); NULL for any */
    int32_t open_only;    /**< non-zero: only complaints not CLOSED */
    int32_t has_received_from;   /**< non-zero: only complaints received at or after… */
    int64_t received_from;       /**< …this instant, UTC seconds */
    int32_t has_received_before; /**< non-zero: only complaints received before… */
    int64_t received_before;     /**< …this instant, UTC seconds */
} plaint_query;

/** plaint_query with its size set, matching every complaint. Since 0.6. */
#define PLAINT_QUERY_INIT                                                                          \
    {                                                                                              \
        sizeof(plaint_query), PLAINT_ANY, PLAINT_ANY, PLAINT_ANY, PLAINT_ANY, PLAINT_ANY, NULL, 0, \
            0, 0, 0, 0                                                                             \
    }
/**
 * Sets up `size` bytes at `q` as PLAINT_QUERY_INIT does: zeroes them, stores `size` in
 * `q->size` and PLAINT_ANY in every enumeration member `size` covers (pass `sizeof *q`). NULL, or
 * a size too small for the `size` field, is a no-op. Since 0.6.
 */
PLAINT_API void plaint_query_init(plaint_query* q, size_t size);

/**
 * The indexes of the complaints matching `q` (NULL: every complaint), in ascending order, into
 * the caller's array `out` (the rules of this section).
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for an enumeration code that is neither a member of
 * its list nor PLAINT_ANY (ROLE_NONE is no owner); PLAINT_E_INVALID_ARGUMENT for NULL `l` or
 * `count_out`, a NULL `out` with a capacity, or a `q->size` smaller than the 0.6 struct.
 * Since 0.6.
 */
PLAINT_API int plaint_ledger_select(const plaint_ledger* l, const plaint_query* q, size_t* out,
                                    size_t capacity, size_t* count_out);

/**
 * One SLA clock of one complaint in the ledger (plaint_ledger_clocks_at): the complaint's index,
 * then the fields of plaint_clock, with the same meanings. Initialise the first element of an
 * array with PLAINT_LEDGER_CLOCK_INIT or plaint_ledger_clock_init. Since 0.6.
 */
typedef struct plaint_ledger_clock {
    uint32_t size;       /**< sizeof(plaint_ledger_clock) as the caller compiled it */
    size_t index;        /**< the complaint */
    const char* target;  /**< the target's name, NUL-terminated; borrowed from the ledger's
                              profile: valid until the ledger is freed */
    int32_t kind;        /**< PLAINT_TARGET_* */
    int32_t cycle;       /**< the handling cycle: 1, plus one per reopen */
    int32_t round;       /**< 1, or more when the target started again in the cycle */
    int32_t state;       /**< PLAINT_CLOCK_* */
    int32_t escalate_to; /**< the role to escalate to in the WARNING or BREACHED state, as the
                              target says; else PLAINT_ROLE_NONE */
    int32_t has_started;
    int64_t started;
    int32_t has_stopped;
    int64_t stopped;
    int32_t has_due;
    int64_t due;
    int32_t has_breached_at;
    int64_t breached_at;
    int64_t duration;
    int64_t elapsed;
    int64_t remaining;
    double percent;
    uint32_t warning_count;
    int64_t warnings[4];
} plaint_ledger_clock;

/** Zero-initialised plaint_ledger_clock with its size set. Since 0.6. */
#define PLAINT_LEDGER_CLOCK_INIT                                                                   \
    {                                                                                              \
        sizeof(plaint_ledger_clock), 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, \
            0, {                                                                                   \
            0, 0, 0, 0                                                                             \
        }                                                                                          \
    }
/** Zeroes `size` bytes at `c` and stores `size` in `c->size` (pass `sizeof *c`). NULL, or a size
 *  too small for the `size` field, is a no-op. Since 0.6. */
PLAINT_API void plaint_ledger_clock_init(plaint_ledger_clock* c, size_t size);

/**
 * The clocks of every complaint as of `at` (events after `at` are not seen) that `filter`
 * selects (PLAINT_CLOCKS_OPEN, _WARNING or _BREACHED), by complaint index, then in the order of
 * plaint_complaint_clocks; complaints received after `at`, or whose rules name no SLA policy,
 * have none. Into the caller's array `out` (the rules of this section).
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for an unknown filter or an instant outside the
 * years a calendar computes; PLAINT_E_INVALID_ARGUMENT for NULL `l` or `count_out`, a NULL
 * `out` with a capacity, or a bad `out[0].size` (the rules of this section). Since 0.6.
 */
PLAINT_API int plaint_ledger_clocks_at(const plaint_ledger* l, int64_t at, int32_t filter,
                                       plaint_ledger_clock* out, size_t capacity,
                                       size_t* count_out);

/**
 * A complaint whose clocks or rules call for a higher owner than it has
 * (plaint_ledger_escalations_due). Initialise the first element of an array with
 * PLAINT_ESCALATION_DUE_INIT or plaint_escalation_due_init. Since 0.6.
 */
typedef struct plaint_escalation_due {
    uint32_t size;      /**< sizeof(plaint_escalation_due) as the caller compiled it */
    size_t index;       /**< the complaint */
    int32_t owner;      /**< the owner now, PLAINT_ROLE_* */
    int32_t to;         /**< the role that should own it, PLAINT_ROLE_* */
    const char* reason; /**< NUL-terminated: "rules" when the rules call for `to`, else the name
                             of the target whose warning or breach does; static or borrowed
                             from the ledger's profile: valid until the ledger is freed */
} plaint_escalation_due;

/** Zero-initialised plaint_escalation_due with its size set. Since 0.6. */
#define PLAINT_ESCALATION_DUE_INIT                                                                 \
    { sizeof(plaint_escalation_due), 0, 0, 0, NULL }
/** Zeroes `size` bytes at `e` and stores `size` in `e->size` (pass `sizeof *e`). NULL, or a size
 *  too small for the `size` field, is a no-op. Since 0.6. */
PLAINT_API void plaint_escalation_due_init(plaint_escalation_due* e, size_t size);

/**
 * The open complaints received by `at` whose clocks (WARNING or BREACHED as of `at`, with the
 * target's escalation role) or rules call for a higher owner than the present one: the highest
 * such role, with the reason, by complaint index. Into the caller's array `out` (the rules of
 * this section).
 * @return as plaint_ledger_clocks_at (no filter). Since 0.6.
 */
PLAINT_API int plaint_ledger_escalations_due(const plaint_ledger* l, int64_t at,
                                             plaint_escalation_due* out, size_t capacity,
                                             size_t* count_out);

/**
 * A complaint awaiting its return visit (plaint_ledger_visits_due). Initialise the first
 * element of an array with PLAINT_VISIT_DUE_INIT or plaint_visit_due_init. Since 0.6.
 */
typedef struct plaint_visit_due {
    uint32_t size;       /**< sizeof(plaint_visit_due) as the caller compiled it */
    size_t index;        /**< the complaint */
    int32_t method;      /**< PLAINT_VISIT_*, from the profile's return-visit rules */
    int64_t resolved_at; /**< the latest RESOLVE event, UTC seconds */
    int32_t has_due;     /**< 1 when the complaint's SLA policy has a RETURN_VISIT target */
    int64_t due;         /**< that target's due instant; 0 when not set */
} plaint_visit_due;

/** Zero-initialised plaint_visit_due with its size set. Since 0.6. */
#define PLAINT_VISIT_DUE_INIT                                                                      \
    { sizeof(plaint_visit_due), 0, 0, 0, 0, 0 }
/** Zeroes `size` bytes at `v` and stores `size` in `v->size` (pass `sizeof *v`). NULL, or a size
 *  too small for the `size` field, is a no-op. Since 0.6. */
PLAINT_API void plaint_visit_due_init(plaint_visit_due* v, size_t size);

/**
 * The complaints awaiting their return visit as of their latest event (state RESOLVED), by
 * index, with the method the profile's return-visit rules give (by nature and reporter count).
 * Into the caller's array `out` (the rules of this section).
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT as plaint_ledger_clocks_at. Since 0.6.
 */
PLAINT_API int plaint_ledger_visits_due(const plaint_ledger* l, plaint_visit_due* out,
                                        size_t capacity, size_t* count_out);

/**
 * Return visits made by one role in a period, against the profile's monthly quota
 * (plaint_ledger_visit_quotas). Initialise the first element of an array with
 * PLAINT_QUOTA_COMPLIANCE_INIT or plaint_quota_compliance_init. Since 0.6.
 */
typedef struct plaint_quota_compliance {
    uint32_t size;     /**< sizeof(plaint_quota_compliance) as the caller compiled it */
    int32_t role;      /**< PLAINT_ROLE_* */
    int32_t visits;    /**< VISIT events with this actor in the period */
    int32_t required;  /**< the profile's quota (plaint_profile_visit_quota) */
    int32_t compliant; /**< 1 when visits ≥ required, else 0 */
} plaint_quota_compliance;

/** Zero-initialised plaint_quota_compliance with its size set. Since 0.6. */
#define PLAINT_QUOTA_COMPLIANCE_INIT                                                               \
    { sizeof(plaint_quota_compliance), 0, 0, 0, 0 }
/** Zeroes `size` bytes at `q` and stores `size` in `q->size` (pass `sizeof *q`). NULL, or a size
 *  too small for the `size` field, is a no-op. Since 0.6. */
PLAINT_API void plaint_quota_compliance_init(plaint_quota_compliance* q, size_t size);

/**
 * The return visits (VISIT events, by their actor) made in [`from`, `to`) by each role with a
 * quota in the profile, and by any other role that made visits, with the compliance check, in
 * role order (at most 5). An empty period (`from` ≥ `to`) counts no visits. Into the caller's
 * array `out` (the rules of this section); plaint_month_range gives a month's period.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT as plaint_ledger_clocks_at. Since 0.6.
 */
PLAINT_API int plaint_ledger_visit_quotas(const plaint_ledger* l, int64_t from, int64_t to,
                                          plaint_quota_compliance* out, size_t capacity,
                                          size_t* count_out);

/**
 * The month `month` ("2026-10", NUL-terminated, exactly YYYY-MM) as the UTC instants [from, to)
 * of its first and the next month's first local midnight, at `utc_offset_seconds` east of UTC
 * (28,800 for China Standard Time).
 * @return PLAINT_OK; PLAINT_E_PARSE for text that is not YYYY-MM; PLAINT_E_OUT_OF_RANGE for a
 * month outside 01..12 or an offset that is not a whole minute within ±18:00;
 * PLAINT_E_INVALID_ARGUMENT for NULL. Outputs unchanged on failure. Thread-safe. Since 0.6.
 */
PLAINT_API int plaint_month_range(const char* month, int32_t utc_offset_seconds, int64_t* from_out,
                                  int64_t* to_out);

/**
 * A new ledger with a copy of `l`'s complaints and input events, everything derived again under
 * `profile` (NULL: the embedded default profile): state, classification, SLA clocks ("what if
 * our limits had been 48 hours?"). The ledger's own re-evaluation events are dropped and made
 * anew. `l` is not changed; the new ledger shares `profile` and keeps it alive.
 * @param out receives the handle; free it with plaint_ledger_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE when the new profile's calendars cannot place an
 * event (outside their years); PLAINT_E_UNSUPPORTED as plaint_ledger_new;
 * PLAINT_E_INVALID_ARGUMENT for NULL `l` or `out`. Reads `l` only. Since 0.6.
 */
PLAINT_API int plaint_ledger_replay(const plaint_ledger* l, const plaint_profile* profile,
                                    plaint_ledger** out);

/**
 * Re-evaluates every open complaint as of `now` (the targets it has missed, the time since
 * receipt) and adds the CLASSIFY events the rules call for. Run it periodically: events
 * re-evaluate only the complaint they touch, as of their instant. Complaints whose latest event
 * is after `now` are skipped.
 * @param added_out receives how many CLASSIFY events were added (may be NULL).
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE when a calendar cannot place `now` (the complaint
 * being evaluated is left as it was, those before it keep their new events, and `*added_out` is
 * unchanged); PLAINT_E_INVALID_ARGUMENT for NULL `l`. Changes the ledger: needs exclusive
 * access. Since 0.6.
 */
PLAINT_API int plaint_ledger_reevaluate(plaint_ledger* l, int64_t now, size_t* added_out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_PLAINT_H */
