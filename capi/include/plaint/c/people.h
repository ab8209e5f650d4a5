/**
 * @file plaint/c/people.h
 * The people of the service desk (DOMAIN.md §8, "Who handles it"): the teams a profile defines
 * (customer service, engineering and repair, security, cleaning...) and the handlers who carry a
 * case. The library knows a handler only by an opaque, pseudonymous id the caller chooses
 * ("eng-017"); it stores no name or other personal data about staff. Events name a handler and,
 * on ASSIGN and ESCALATE, a team (plaint_event's `handler` and `team`); a complaint's owner is
 * plaint_complaint_handler and plaint_complaint_team; a profile's rules may dispatch a case to a
 * team (plaint_decision_team); a ledger's views and queries carry both (plaint_complaint_view,
 * plaint_query). The C mirror of plaint/people.hpp; part of plaint.h, the one header users
 * include. Valid C99.
 */
#ifndef PLAINT_C_PEOPLE_H
#define PLAINT_C_PEOPLE_H

#include "plaint/c/complaint.h"
#include "plaint/c/profile.h"
#include "plaint/c/rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The most bytes a handler or team id holds. Since 0.7. */
#define PLAINT_STAFF_ID_MAX 64

/**
 * Checks a handler or team id as the library checks the ids of events and teams: 1 to
 * PLAINT_STAFF_ID_MAX bytes of well-formed UTF-8 without control characters (C0, DEL, C1) — an
 * opaque key, not a name. `len` bytes at `id`, or PLAINT_NTS for a NUL-terminated id.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for a NULL `id`, an empty id or a control
 * character; PLAINT_E_TOO_LARGE for more than 64 bytes; PLAINT_E_ENCODING for text that is not
 * UTF-8 or holds a NUL. The message names the problem. Thread-safe. Since 0.7.
 */
PLAINT_API int plaint_staff_id_check(const char* id, size_t len);

/**
 * The number of teams of the profile's `teams` section (`{"<id>": {"name", "roles",
 * "calendar"}}`); 0 when it has none. Teams are numbered 0 to count - 1 in the order of their
 * ids (byte order).
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.7.
 */
PLAINT_API int plaint_profile_team_count(const plaint_profile* p, size_t* out);
/**
 * Team `index`'s id (its key in the profile), NUL-terminated, borrowed: valid as long as the
 * profile handle `p` (or another handle sharing the profile: plaint_ledger_profile's).
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `index` ≥ the count; PLAINT_E_INVALID_ARGUMENT
 * for NULL. `*out` is unchanged on failure. Thread-safe. Since 0.7.
 */
PLAINT_API int plaint_profile_team_id(const plaint_profile* p, size_t index, const char** out);
/**
 * Team `index`'s display name ("工程维修部"), NUL-terminated UTF-8, borrowed as
 * plaint_profile_team_id's; "" when the profile gives none.
 * @return as plaint_profile_team_id. Since 0.7.
 */
PLAINT_API int plaint_profile_team_name(const plaint_profile* p, size_t index, const char** out);
/**
 * Team `index`'s calendar: the name of one of the profile's calendars, or "24x7"; "" when the
 * team keeps the calendars of the SLA targets. NUL-terminated, borrowed as
 * plaint_profile_team_id's.
 * @return as plaint_profile_team_id. Since 0.7.
 */
PLAINT_API int plaint_profile_team_calendar(const plaint_profile* p, size_t index,
                                            const char** out);
/**
 * The roles team `index`'s members hold, PLAINT_ROLE_* codes in role order (every role when the
 * profile lists none), into the caller's array `roles_out` of `capacity` elements; `*count_out`
 * receives how many there are in all (at most 5). When that is more than `capacity`, only the
 * first `capacity` are written and the call still succeeds; with `capacity` 0, `roles_out` may be
 * NULL.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `index` ≥ the count; PLAINT_E_INVALID_ARGUMENT for
 * a NULL `p` or `count_out`, or a NULL `roles_out` with a capacity. Nothing is written on
 * failure. Thread-safe. Since 0.7.
 */
PLAINT_API int plaint_profile_team_roles(const plaint_profile* p, size_t index, int32_t* roles_out,
                                         size_t capacity, size_t* count_out);
/**
 * The index of the team with id `id` (NUL-terminated), as plaint_profile_team_id numbers them.
 * @return PLAINT_OK; PLAINT_E_NOT_FOUND for an id no team has; PLAINT_E_INVALID_ARGUMENT for
 * NULL. `*out` is unchanged on failure. Thread-safe. Since 0.7.
 */
PLAINT_API int plaint_profile_find_team(const plaint_profile* p, const char* id, size_t* out);

/**
 * The team the profile's rules dispatch the complaint to (a `team` output: engineering for
 * equipment, security for noise at night...), NUL-terminated, borrowed until the decision is
 * freed; NULL when no rule decided one (as plaint_decision_sla_policy). A ledger keeps it as the
 * complaint's team until an ASSIGN or ESCALATE names one (plaint_complaint_view's `rule_team`).
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.7.
 */
PLAINT_API int plaint_decision_team(const plaint_decision* d, const char** out);

/**
 * The handler who owns the case: the `handler` of the latest ASSIGN or ESCALATE; "" when that
 * event named none (or there was none). NUL-terminated, borrowed until the next change to `c`.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.7.
 */
PLAINT_API int plaint_complaint_handler(const plaint_complaint* c, const char** out);
/**
 * The team that owns the case: the latest `team` an ASSIGN or ESCALATE gave; "" when none did.
 * NUL-terminated, borrowed until the next change to `c`. (A complaint handle knows no profile:
 * the team its rules dispatch it to is a ledger's, plaint_complaint_view's `team`.)
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.7.
 */
PLAINT_API int plaint_complaint_team(const plaint_complaint* c, const char** out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_PEOPLE_H */
