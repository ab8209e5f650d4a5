/**
 * @file plaint/c/complaint.h
 * Complaints: intake fields, tags, events and their log, JSON form.
 * The C mirror of plaint/complaint.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_COMPLAINT_H
#define PLAINT_C_COMPLAINT_H

#include "plaint/c/config.h"

#ifdef __cplusplus
extern "C" {
#endif

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
 * A `team` is different: a team named on any other event is refused
 * (PLAINT_E_INVALID_ARGUMENT), never dropped, so clear it when reusing the struct. `handler` and
 * `team` (since 0.7) are read and written only when `size` covers them: a caller compiled
 * against 0.6 names no handler and no team. Since 0.1.
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
    /* Since 0.7 (plaint/c/people.h): read and written only when `size` covers them. */
    const char* handler; /**< who did it: an opaque handler id (plaint_staff_id_check), NUL-
                              terminated; NULL or "" for none. On ASSIGN and ESCALATE, the handler
                              who takes the case (none leaves it to the role or team). As output:
                              "" for none, never NULL */
    const char* team;    /**< ASSIGN, ESCALATE: the team that takes the case, NUL-terminated (a
                              ledger checks it is one of its profile's teams); NULL or "" keeps
                              the current one; refused on other events. As output: "" for none,
                              never NULL */
} plaint_event;

/** Zero-initialised plaint_event with its size set. Since 0.1. */
#define PLAINT_EVENT_INIT                                                                          \
    { sizeof(plaint_event), 0, 0, 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, NULL, NULL }
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
/**
 * States the kind of request (PLAINT_KIND_*), which chooses the workflow its events follow
 * (plaint_workflow_transition). A complaint whose kind was never stated is a COMPLAINT, and a
 * ledger's rules may decide its kind at intake (plaint_decision_kind).
 * @param c the complaint; changed only on success.
 * @param kind PLAINT_KIND_COMPLAINT to PLAINT_KIND_PRAISE.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for a NULL `c`; PLAINT_E_OUT_OF_RANGE for any other
 * code (0 included: a stated kind cannot be unstated); PLAINT_E_ILLEGAL_TRANSITION once events
 * other than RECEIVE and RECORD are in the log. Not synchronised. Since 0.7.
 */
PLAINT_API int plaint_complaint_set_kind(plaint_complaint* c, int32_t kind);
/**
 * The kind of request: as stated, else PLAINT_KIND_COMPLAINT.
 * @param out receives a PLAINT_KIND_* code.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.7.
 */
PLAINT_API int plaint_complaint_kind(const plaint_complaint* c, int32_t* out);
/**
 * The kind of request as stated (plaint_complaint_set_kind, or the `kind` key of its JSON form).
 * @param out receives a PLAINT_KIND_* code, or 0 when the kind was never stated.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.7.
 */
PLAINT_API int plaint_complaint_stated_kind(const plaint_complaint* c, int32_t* out);
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
 * `at`, an escalation not going up; since 0.7 a control character in `handler` or `team`);
 * PLAINT_E_OUT_OF_RANGE (an unknown enum code); PLAINT_E_ENCODING / PLAINT_E_TOO_LARGE (the
 * note; since 0.7 `handler` and `team`, which plaint_staff_id_check checks);
 * PLAINT_E_OUT_OF_ORDER (earlier than the last event); PLAINT_E_ILLEGAL_TRANSITION (the message
 * names the state and the event). Since 0.1.
 */
PLAINT_API int plaint_complaint_apply_event(plaint_complaint* c, const plaint_event* event);

/** The number of events in the log (at least 1: RECEIVE).
 *  @return PLAINT_OK or PLAINT_E_INVALID_ARGUMENT. Since 0.1. */
PLAINT_API int plaint_complaint_event_count(const plaint_complaint* c, size_t* out);
/**
 * Copies event `index` (0 is RECEIVE) into `*out`, whose `size` the caller sets first; only the
 * fields that `size` covers are written. `note`, and since 0.7 `handler` and `team`, are
 * borrowed (never NULL; "" for none) until the next change to `c`.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT (NULL, size too small); PLAINT_E_OUT_OF_RANGE.
 * Since 0.1.
 */
PLAINT_API int plaint_complaint_event(const plaint_complaint* c, size_t index, plaint_event* out);
/**
 * Reads a complaint from its JSON form: `{"id", "received", "channel", "category", "kind" (since
 * 0.7; absent: not stated), "name", "contact", "building", "unit", "content", "remedy",
 * "subcategory", "reporter_count", "tags", "events"}` (instants as ISO 8601 text or UTC seconds,
 * enumerations by name); the `events` list, as plaint_complaint_to_json writes it, is applied in
 * order. Unknown keys are errors. `len` bytes at `json`, or PLAINT_NTS.
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

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_COMPLAINT_H */
