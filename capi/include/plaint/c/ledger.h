/**
 * @file plaint/c/ledger.h
 * The ledger: complaints and their event logs, imports, queries, replay and re-evaluation.
 * The C mirror of plaint/ledger.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_LEDGER_H
#define PLAINT_C_LEDGER_H

#include "plaint/c/complaint.h"
#include "plaint/c/profile.h"

#ifdef __cplusplus
extern "C" {
#endif

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
 * `contact`, `remedy`, `kind` (since 0.7; empty: not stated, the rules decide); events
 * `complaint_id`, `at`, `type` (required), `role`, `note`, `nature`, `severity`, `target`,
 * `method`, `deadline`, `handler`, `team` (since 0.7)). `events` may be NULL with `events_len` 0
 * (no events); lengths may be PLAINT_NTS. Bad rows, flags and outputs as
 * plaint_ledger_import_json_lines (`file` is "complaints" or "events"; unknown or missing columns
 * make the whole file bad, at line 1).
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
 * then derives its clocks and, on a relevant event, its classification again. Since 0.7 an
 * ASSIGN or ESCALATE that names a `team` makes it the owning team, and its `handler` (or none)
 * the owner's handler.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE (an unknown index or code); PLAINT_E_NOT_FOUND for a
 * `team` that is not one of the profile's teams (since 0.7; the message lists them); the
 * statuses of plaint_complaint_apply_event. On failure the ledger is unchanged. Since 0.5.
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
 * Complaint `index` as the ledger sees it, as JSON: `{"index", "id", "kind", "team" and "handler"
 * (since 0.7; null for none), "state",
 * "owner", "nature", "severity", "cycle", "event_count", "last_event_at", "escalations",
 * "reevaluations", "visit_method", "rectification_deadline", "sla_policy", "rule_nature",
 * "rule_escalate_to", "planned_visit", "tags", "complaint"}` — enumerations by name, instants as
 * ISO 8601 UTC, null for what is not set; "complaint" is plaint_complaint_to_json's form of the
 * rebuilt complaint. Owned: free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.5.
 */
PLAINT_API int plaint_ledger_complaint_json(const plaint_ledger* l, size_t index, char** out);

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
    /* Since 0.7: written only when `size` covers them. */
    int32_t kind;         /**< the kind of request, PLAINT_KIND_*: as stated at intake, else as the
                               profile's rules decided (a `kind` output), else COMPLAINT */
    int32_t kind_decided; /**< 1 when the kind was not stated (the rules' or the default), else 0 */
    /* Since 0.7 (plaint/c/people.h): written only when `size` covers them; texts as above. */
    const char* handler; /**< the owner's handler id (latest ASSIGN or ESCALATE); "" for none */
    size_t handler_len;
    const char* team; /**< the owning team: the latest an ASSIGN or ESCALATE named, else
                           `rule_team`; "" for none */
    size_t team_len;
    const char* rule_team; /**< the team the profile's rules dispatch it to (a `team` output,
                                plaint_decision_team); "" for none */
    size_t rule_team_len;
    int32_t team_from_rules; /**< 1 when `team` is `rule_team` because no ASSIGN or ESCALATE
                                  named a team, else 0 */
} plaint_complaint_view;

/** Zero-initialised plaint_complaint_view with its size set. Since 0.6. */
#define PLAINT_COMPLAINT_VIEW_INIT                                                                 \
    {                                                                                              \
        sizeof(plaint_complaint_view), 0, NULL, 0, 0, 0, 0, NULL, 0, NULL, 0, NULL, 0, NULL, 0, 0, \
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, NULL, 0, NULL, 0, NULL, \
            0, 0                                                                                   \
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
    /* Since 0.7: read only when `size` covers it (an older struct matches every kind). */
    int32_t kind; /**< the kind of request (stated or decided), PLAINT_KIND_*; PLAINT_ANY or 0 for
                       any kind */
    /* Since 0.7 (plaint/c/people.h): read only when `size` covers them (an older struct matches
     * every team and handler). */
    const char* team;    /**< the owning team (plaint_complaint_view's `team`: assigned, else the
                              rules'), NUL-terminated, compared byte for byte ("" matches
                              complaints without a team); NULL for any */
    const char* handler; /**< the owner's handler id, NUL-terminated, compared byte for byte (""
                              matches complaints without a handler); NULL for any */
} plaint_query;

/** plaint_query with its size set, matching every complaint. Since 0.6. */
#define PLAINT_QUERY_INIT                                                                          \
    {                                                                                              \
        sizeof(plaint_query), PLAINT_ANY, PLAINT_ANY, PLAINT_ANY, PLAINT_ANY, PLAINT_ANY, NULL, 0, \
            0, 0, 0, 0, PLAINT_ANY, NULL, NULL                                                     \
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
 * its list nor PLAINT_ANY (ROLE_NONE is no owner; a `kind` of 0 is any kind);
 * PLAINT_E_INVALID_ARGUMENT for NULL `l` or `count_out`, a NULL `out` with a capacity, or a
 * `q->size` smaller than the 0.6 struct. Since 0.6.
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

#endif /* PLAINT_C_LEDGER_H */
