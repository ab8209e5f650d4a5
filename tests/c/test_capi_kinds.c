/* Kinds of request from C99 (Since 0.7, issue 15): the codes, a complaint's stated kind, each
 * kind's workflow table (plaint_workflow_transition and events applied to complaint handles), the
 * kind a profile's rules decide (plaint_decision_kind, plaint_profile_classify_many_v2 and the
 * facts' kind column), and the ledger's kind (intake, view, queries, CSV); with NULL pointers,
 * codes out of range (kind 0, 6, -1; event 19) and structs of their 0.6 size, which must keep
 * their 0.6 meaning (no kind stated, any kind, nothing written past them).
 *
 * Expected states are worked by hand from the tables in include/plaint/workflow.hpp:
 * - a complaint: the full cycle; `assign` only from CLASSIFIED; no `answer`, `acknowledge` or
 *   `confirm`; `unsatisfied` only from RETURN_VISIT;
 * - a repair: the complaint's cycle, plus `assign` RECORDED -> ASSIGNED, `confirm` RESOLVED ->
 *   CLOSED, `unsatisfied` RESOLVED -> RECTIFICATION, `explain` RECORDED -> EXPLAINED;
 * - a consultation: `record`, `classify`, `start`, `wait`, `resume`, `escalate`, `reopen` as a
 *   complaint's; `assign` RECORDED or CLASSIFIED -> ASSIGNED (kept in ASSIGNED, IN_PROGRESS,
 *   WAITING); `answer` -> CLOSED from RECORDED, CLASSIFIED, ASSIGNED or IN_PROGRESS; no other;
 * - a suggestion or praise: `record`, `escalate`, `reopen` as a complaint's; `classify`
 *   RECORDED -> CLASSIFIED (kept in CLASSIFIED, ASSIGNED); `assign` RECORDED or CLASSIFIED ->
 *   ASSIGNED (kept in ASSIGNED); `acknowledge` -> CLOSED from RECORDED, CLASSIFIED or ASSIGNED.
 *
 * Decisions are worked by hand from KIND_PROFILE below. Instants: T0 = Monday
 * 2026-10-12T09:00:00+08:00 = 1791766800 (as in test_capi_ledger_queries.c). */
#include "plaint/plaint.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define MIN 60LL
#define T0 1791766800LL

/* The "kind" section decides a kind that was not stated: words of praise make a praise, the
 * equipment category a repair (first match). The "severity" section reads the STATED kind only:
 * a stated repair is P3. */
static const char* const KIND_PROFILE =
    "{\"plaint_profile\": 1, \"name\": \"kinds\", \"rules\": {\"sections\": ["
    "{\"name\": \"kind\", \"hit\": \"first\", \"rows\": ["
    "{\"id\": \"praise-words\", \"when\": {\"keywords\": [\"表扬\", \"thank you\"]}, "
    "\"then\": {\"kind\": \"praise\"}},"
    "{\"id\": \"equipment\", \"when\": {\"category\": \"equipment\"}, "
    "\"then\": {\"kind\": \"repair\"}}]},"
    "{\"name\": \"severity\", \"hit\": \"first\", \"rows\": ["
    "{\"id\": \"stated-repair\", \"when\": {\"kind\": \"repair\"}, "
    "\"then\": {\"severity\": \"p3\"}}]}]}}";

static int32_t state_of(const plaint_complaint* c) {
    int32_t s = -1;
    CHECK(plaint_complaint_state(c, &s) == PLAINT_OK);
    return s;
}

/* Applies an event without details; returns the status. */
static int apply(plaint_complaint* c, int32_t type, int64_t at) {
    return plaint_complaint_apply(c, type, at, PLAINT_ROLE_DUTY_STAFF, NULL);
}

static int32_t next_state(int32_t kind, int32_t state, int32_t event) {
    int32_t out = -1;
    CHECK(plaint_workflow_transition(kind, state, event, &out) == PLAINT_OK);
    return out;
}

static void test_codes(void) {
    const char* name = NULL;
    int32_t code = -1;
    /* The header's codes, by hand from DOMAIN.md §8 and the 0.7 events. */
    CHECK(PLAINT_KIND_COMPLAINT == 1 && PLAINT_KIND_REPAIR == 2 && PLAINT_KIND_CONSULTATION == 3);
    CHECK(PLAINT_KIND_SUGGESTION == 4 && PLAINT_KIND_PRAISE == 5 && PLAINT_ENUM_KIND == 11);
    CHECK(PLAINT_EVENT_ANSWER == 16 && PLAINT_EVENT_ACKNOWLEDGE == 17 &&
          PLAINT_EVENT_CONFIRM == 18);
    CHECK(plaint_enum_name(PLAINT_ENUM_KIND, PLAINT_KIND_CONSULTATION, &name) == PLAINT_OK);
    CHECK(name && strcmp(name, "consultation") == 0);
    CHECK(plaint_enum_parse(PLAINT_ENUM_KIND, "praise", &code) == PLAINT_OK);
    CHECK(code == PLAINT_KIND_PRAISE);
    CHECK(plaint_enum_name(PLAINT_ENUM_EVENT, PLAINT_EVENT_CONFIRM, &name) == PLAINT_OK);
    CHECK(name && strcmp(name, "confirm") == 0);
    CHECK(plaint_enum_parse(PLAINT_ENUM_EVENT, "acknowledge", &code) == PLAINT_OK);
    CHECK(code == PLAINT_EVENT_ACKNOWLEDGE);
    name = "unchanged";
    CHECK(plaint_enum_name(PLAINT_ENUM_KIND, 0, &name) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_enum_name(PLAINT_ENUM_KIND, 6, &name) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_enum_name(PLAINT_ENUM_KIND, -1, &name) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_enum_name(PLAINT_ENUM_EVENT, 19, &name) == PLAINT_E_OUT_OF_RANGE);
    CHECK(strcmp(name, "unchanged") == 0);
    CHECK(plaint_enum_parse(PLAINT_ENUM_KIND, "request", &code) == PLAINT_E_OUT_OF_RANGE);
    CHECK(strstr(plaint_last_error_message(), "complaint, repair, consultation") != NULL);
    CHECK(plaint_enum_parse(PLAINT_ENUM_KIND, NULL, &code) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_enum_name(PLAINT_ENUM_KIND, 1, NULL) == PLAINT_E_INVALID_ARGUMENT);
}

static void test_transition_table(void) {
    int32_t out = 77;
    /* Repair (the table in the header comment above). */
    CHECK(next_state(PLAINT_KIND_REPAIR, PLAINT_STATE_RECORDED, PLAINT_EVENT_ASSIGN) ==
          PLAINT_STATE_ASSIGNED);
    CHECK(next_state(PLAINT_KIND_REPAIR, PLAINT_STATE_RESOLVED, PLAINT_EVENT_CONFIRM) ==
          PLAINT_STATE_CLOSED);
    CHECK(next_state(PLAINT_KIND_REPAIR, PLAINT_STATE_RESOLVED, PLAINT_EVENT_UNSATISFIED) ==
          PLAINT_STATE_RECTIFICATION);
    CHECK(next_state(PLAINT_KIND_REPAIR, PLAINT_STATE_RECORDED, PLAINT_EVENT_EXPLAIN) ==
          PLAINT_STATE_EXPLAINED);
    CHECK(next_state(PLAINT_KIND_REPAIR, PLAINT_STATE_RESOLVED, PLAINT_EVENT_VISIT) ==
          PLAINT_STATE_RETURN_VISIT); /* the complaint's visit stays open to a repair */
    CHECK(next_state(PLAINT_KIND_REPAIR, PLAINT_STATE_IN_PROGRESS, PLAINT_EVENT_ANSWER) == 0);
    /* A complaint has none of these moves. */
    CHECK(next_state(PLAINT_KIND_COMPLAINT, PLAINT_STATE_RECORDED, PLAINT_EVENT_ASSIGN) == 0);
    CHECK(next_state(PLAINT_KIND_COMPLAINT, PLAINT_STATE_RESOLVED, PLAINT_EVENT_CONFIRM) == 0);
    CHECK(next_state(PLAINT_KIND_COMPLAINT, PLAINT_STATE_RESOLVED, PLAINT_EVENT_UNSATISFIED) == 0);
    CHECK(next_state(PLAINT_KIND_COMPLAINT, PLAINT_STATE_RECORDED, PLAINT_EVENT_ACKNOWLEDGE) == 0);
    CHECK(next_state(PLAINT_KIND_COMPLAINT, PLAINT_STATE_RETURN_VISIT, PLAINT_EVENT_SATISFIED) ==
          PLAINT_STATE_CLOSED);
    CHECK(next_state(PLAINT_KIND_COMPLAINT, PLAINT_STATE_CLASSIFIED, PLAINT_EVENT_ASSIGN) ==
          PLAINT_STATE_ASSIGNED);
    /* Consultation. */
    CHECK(next_state(PLAINT_KIND_CONSULTATION, PLAINT_STATE_RECORDED, PLAINT_EVENT_ANSWER) ==
          PLAINT_STATE_CLOSED);
    CHECK(next_state(PLAINT_KIND_CONSULTATION, PLAINT_STATE_IN_PROGRESS, PLAINT_EVENT_ANSWER) ==
          PLAINT_STATE_CLOSED);
    CHECK(next_state(PLAINT_KIND_CONSULTATION, PLAINT_STATE_WAITING, PLAINT_EVENT_ANSWER) == 0);
    CHECK(next_state(PLAINT_KIND_CONSULTATION, PLAINT_STATE_WAITING, PLAINT_EVENT_ASSIGN) ==
          PLAINT_STATE_WAITING);
    CHECK(next_state(PLAINT_KIND_CONSULTATION, PLAINT_STATE_IN_PROGRESS, PLAINT_EVENT_RESOLVE) ==
          0);
    CHECK(next_state(PLAINT_KIND_CONSULTATION, PLAINT_STATE_RECORDED, PLAINT_EVENT_ACKNOWLEDGE) ==
          0);
    /* Suggestion and praise. */
    CHECK(next_state(PLAINT_KIND_SUGGESTION, PLAINT_STATE_ASSIGNED, PLAINT_EVENT_ACKNOWLEDGE) ==
          PLAINT_STATE_CLOSED);
    CHECK(next_state(PLAINT_KIND_SUGGESTION, PLAINT_STATE_ASSIGNED, PLAINT_EVENT_START) == 0);
    CHECK(next_state(PLAINT_KIND_SUGGESTION, PLAINT_STATE_ASSIGNED, PLAINT_EVENT_CLASSIFY) ==
          PLAINT_STATE_ASSIGNED);
    CHECK(next_state(PLAINT_KIND_PRAISE, PLAINT_STATE_RECORDED, PLAINT_EVENT_ACKNOWLEDGE) ==
          PLAINT_STATE_CLOSED);
    CHECK(next_state(PLAINT_KIND_PRAISE, PLAINT_STATE_RECORDED, PLAINT_EVENT_ANSWER) == 0);
    CHECK(next_state(PLAINT_KIND_PRAISE, PLAINT_STATE_RECORDED, PLAINT_EVENT_CONFIRM) == 0);
    /* Every kind: escalate while open, reopen when closed, receive never. */
    for (int32_t k = PLAINT_KIND_COMPLAINT; k <= PLAINT_KIND_PRAISE; ++k) {
        CHECK(next_state(k, PLAINT_STATE_CLOSED, PLAINT_EVENT_REOPEN) == PLAINT_STATE_RECORDED);
        CHECK(next_state(k, PLAINT_STATE_RECORDED, PLAINT_EVENT_ESCALATE) == PLAINT_STATE_RECORDED);
        CHECK(next_state(k, PLAINT_STATE_CLOSED, PLAINT_EVENT_ESCALATE) == 0);
        CHECK(next_state(k, PLAINT_STATE_RECEIVED, PLAINT_EVENT_RECEIVE) == 0);
        CHECK(next_state(k, PLAINT_STATE_RECEIVED, PLAINT_EVENT_RECORD) == PLAINT_STATE_RECORDED);
    }
    /* Codes out of range, and NULL; the output untouched on failure. */
    CHECK(plaint_workflow_transition(0, PLAINT_STATE_RECORDED, PLAINT_EVENT_ASSIGN, &out) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_workflow_transition(6, PLAINT_STATE_RECORDED, PLAINT_EVENT_ASSIGN, &out) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_workflow_transition(-1, PLAINT_STATE_RECORDED, PLAINT_EVENT_ASSIGN, &out) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(strstr(plaint_last_error_message(), "-1") != NULL);
    CHECK(plaint_workflow_transition(PLAINT_KIND_REPAIR, 0, PLAINT_EVENT_ASSIGN, &out) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_workflow_transition(PLAINT_KIND_REPAIR, 12, PLAINT_EVENT_ASSIGN, &out) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_workflow_transition(PLAINT_KIND_REPAIR, PLAINT_STATE_RECORDED, 19, &out) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_workflow_transition(PLAINT_KIND_REPAIR, PLAINT_STATE_RECORDED, 0, &out) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(out == 77);
    CHECK(plaint_workflow_transition(PLAINT_KIND_REPAIR, PLAINT_STATE_RECORDED, PLAINT_EVENT_ASSIGN,
                                     NULL) == PLAINT_E_INVALID_ARGUMENT);
}

static void test_complaint_kind(void) {
    plaint_complaint* c = NULL;
    plaint_complaint* d = NULL;
    int32_t k = -1;
    int32_t allowed = -1;
    char* json = NULL;
    CHECK(plaint_complaint_new(&c, "K-1", T0) == PLAINT_OK);
    /* Never stated: a complaint, stated 0. */
    CHECK(plaint_complaint_kind(c, &k) == PLAINT_OK && k == PLAINT_KIND_COMPLAINT);
    CHECK(plaint_complaint_stated_kind(c, &k) == PLAINT_OK && k == 0);
    /* Out of range and NULL: nothing changes. */
    CHECK(plaint_complaint_set_kind(c, 0) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_set_kind(c, 6) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_set_kind(c, -1) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_set_kind(c, PLAINT_ANY) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_stated_kind(c, &k) == PLAINT_OK && k == 0);
    CHECK(plaint_complaint_set_kind(NULL, PLAINT_KIND_REPAIR) == PLAINT_E_INVALID_ARGUMENT);
    k = 99;
    CHECK(plaint_complaint_kind(NULL, &k) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_kind(c, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_stated_kind(NULL, &k) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_stated_kind(c, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(k == 99);
    /* Stated, and stated again while only RECEIVE and RECORD are logged. */
    CHECK(plaint_complaint_set_kind(c, PLAINT_KIND_CONSULTATION) == PLAINT_OK);
    CHECK(apply(c, PLAINT_EVENT_RECORD, T0 + 5 * MIN) == PLAINT_OK);
    CHECK(plaint_complaint_set_kind(c, PLAINT_KIND_REPAIR) == PLAINT_OK);
    CHECK(plaint_complaint_kind(c, &k) == PLAINT_OK && k == PLAINT_KIND_REPAIR);
    CHECK(plaint_complaint_stated_kind(c, &k) == PLAINT_OK && k == PLAINT_KIND_REPAIR);
    /* A repair may be assigned from RECORDED; a complaint may not. */
    CHECK(plaint_complaint_allows(c, PLAINT_EVENT_ASSIGN, &allowed) == PLAINT_OK && allowed == 1);
    CHECK(plaint_complaint_allows(c, PLAINT_EVENT_CONFIRM, &allowed) == PLAINT_OK && allowed == 0);
    CHECK(plaint_complaint_allows(c, 19, &allowed) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_clone(c, &d) == PLAINT_OK);
    CHECK(plaint_complaint_set_kind(d, PLAINT_KIND_COMPLAINT) == PLAINT_OK);
    CHECK(plaint_complaint_allows(d, PLAINT_EVENT_ASSIGN, &allowed) == PLAINT_OK && allowed == 0);
    CHECK(apply(d, PLAINT_EVENT_ASSIGN, T0 + 10 * MIN) == PLAINT_E_ILLEGAL_TRANSITION);
    plaint_complaint_free(d);
    d = NULL;
    /* Once handled, the kind is fixed. */
    CHECK(apply(c, PLAINT_EVENT_ASSIGN, T0 + 10 * MIN) == PLAINT_OK);
    CHECK(plaint_complaint_set_kind(c, PLAINT_KIND_CONSULTATION) == PLAINT_E_ILLEGAL_TRANSITION);
    CHECK(plaint_complaint_stated_kind(c, &k) == PLAINT_OK && k == PLAINT_KIND_REPAIR);
    CHECK(apply(c, 19, T0 + 11 * MIN) == PLAINT_E_OUT_OF_RANGE);
    /* The JSON form carries the stated kind both ways. */
    CHECK(plaint_complaint_to_json(c, &json) == PLAINT_OK);
    CHECK(json && strstr(json, "\"kind\":\"repair\"") != NULL);
    CHECK(plaint_complaint_from_json(&d, json, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_complaint_stated_kind(d, &k) == PLAINT_OK && k == PLAINT_KIND_REPAIR);
    CHECK(state_of(d) == PLAINT_STATE_ASSIGNED);
    plaint_string_free(json);
    plaint_complaint_free(d);
    d = NULL;
    CHECK(plaint_complaint_from_json(&d, "{\"id\":\"K-2\",\"received\":0,\"kind\":\"favour\"}",
                                     PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(d == NULL);
    CHECK(plaint_complaint_from_json(&d, "{\"id\":\"K-2\",\"received\":0}", PLAINT_NTS) ==
          PLAINT_OK);
    CHECK(plaint_complaint_stated_kind(d, &k) == PLAINT_OK && k == 0);
    plaint_complaint_free(d);
    plaint_complaint_free(c);
}

/* A repair confirmed after one rectification; a consultation answered after waiting on the
 * resident; a suggestion classified, passed on and acknowledged; a praise acknowledged at once;
 * each state worked from the tables above. */
static void test_workflows(void) {
    plaint_complaint* r = NULL;
    plaint_complaint* q = NULL;
    plaint_complaint* s = NULL;
    plaint_complaint* p = NULL;
    plaint_event e = PLAINT_EVENT_INIT;
    int32_t cycle = 0;

    CHECK(plaint_complaint_new(&r, "R-1", T0) == PLAINT_OK);
    CHECK(plaint_complaint_set_kind(r, PLAINT_KIND_REPAIR) == PLAINT_OK);
    CHECK(apply(r, PLAINT_EVENT_RECORD, T0 + 1 * MIN) == PLAINT_OK);
    CHECK(state_of(r) == PLAINT_STATE_RECORDED);
    CHECK(apply(r, PLAINT_EVENT_ASSIGN, T0 + 2 * MIN) == PLAINT_OK); /* no nature judged */
    CHECK(state_of(r) == PLAINT_STATE_ASSIGNED);
    CHECK(apply(r, PLAINT_EVENT_START, T0 + 30 * MIN) == PLAINT_OK);
    CHECK(state_of(r) == PLAINT_STATE_IN_PROGRESS);
    CHECK(apply(r, PLAINT_EVENT_CONFIRM, T0 + 40 * MIN) == PLAINT_E_ILLEGAL_TRANSITION);
    CHECK(apply(r, PLAINT_EVENT_RESOLVE, T0 + 60 * MIN) == PLAINT_OK);
    CHECK(state_of(r) == PLAINT_STATE_RESOLVED);
    e.type = PLAINT_EVENT_UNSATISFIED; /* the resident is not satisfied: redo by a deadline */
    e.at = T0 + 70 * MIN;
    e.role = PLAINT_ROLE_DUTY_STAFF;
    e.has_deadline = 1;
    e.deadline = T0 + 24 * 60 * MIN;
    CHECK(plaint_complaint_apply_event(r, &e) == PLAINT_OK);
    CHECK(state_of(r) == PLAINT_STATE_RECTIFICATION);
    CHECK(apply(r, PLAINT_EVENT_RESOLVE, T0 + 120 * MIN) == PLAINT_OK);
    CHECK(state_of(r) == PLAINT_STATE_RESOLVED);
    CHECK(apply(r, PLAINT_EVENT_CONFIRM, T0 + 130 * MIN) == PLAINT_OK);
    CHECK(state_of(r) == PLAINT_STATE_CLOSED);
    CHECK(apply(r, PLAINT_EVENT_REOPEN, T0 + 200 * MIN) == PLAINT_OK);
    CHECK(state_of(r) == PLAINT_STATE_RECORDED);
    CHECK(plaint_complaint_cycle(r, &cycle) == PLAINT_OK && cycle == 2);

    CHECK(plaint_complaint_new(&q, "Q-1", T0) == PLAINT_OK);
    CHECK(plaint_complaint_set_kind(q, PLAINT_KIND_CONSULTATION) == PLAINT_OK);
    CHECK(apply(q, PLAINT_EVENT_RECORD, T0 + 1 * MIN) == PLAINT_OK);
    CHECK(apply(q, PLAINT_EVENT_ASSIGN, T0 + 2 * MIN) == PLAINT_OK);
    CHECK(state_of(q) == PLAINT_STATE_ASSIGNED);
    CHECK(apply(q, PLAINT_EVENT_START, T0 + 3 * MIN) == PLAINT_OK);
    CHECK(apply(q, PLAINT_EVENT_WAIT, T0 + 4 * MIN) == PLAINT_OK);
    CHECK(state_of(q) == PLAINT_STATE_WAITING);
    CHECK(apply(q, PLAINT_EVENT_ANSWER, T0 + 5 * MIN) == PLAINT_E_ILLEGAL_TRANSITION);
    CHECK(apply(q, PLAINT_EVENT_RESUME, T0 + 6 * MIN) == PLAINT_OK);
    CHECK(apply(q, PLAINT_EVENT_RESOLVE, T0 + 7 * MIN) == PLAINT_E_ILLEGAL_TRANSITION);
    CHECK(apply(q, PLAINT_EVENT_ANSWER, T0 + 8 * MIN) == PLAINT_OK);
    CHECK(state_of(q) == PLAINT_STATE_CLOSED);

    CHECK(plaint_complaint_new(&s, "S-1", T0) == PLAINT_OK);
    CHECK(plaint_complaint_set_kind(s, PLAINT_KIND_SUGGESTION) == PLAINT_OK);
    CHECK(apply(s, PLAINT_EVENT_RECORD, T0 + 1 * MIN) == PLAINT_OK);
    e = (plaint_event)PLAINT_EVENT_INIT; /* a severity alone, no nature: fine for a suggestion */
    e.type = PLAINT_EVENT_CLASSIFY;
    e.at = T0 + 2 * MIN;
    e.role = PLAINT_ROLE_DUTY_STAFF;
    e.severity = PLAINT_SEVERITY_P4;
    CHECK(plaint_complaint_apply_event(s, &e) == PLAINT_OK);
    CHECK(state_of(s) == PLAINT_STATE_CLASSIFIED);
    CHECK(apply(s, PLAINT_EVENT_ASSIGN, T0 + 3 * MIN) == PLAINT_OK);
    CHECK(state_of(s) == PLAINT_STATE_ASSIGNED);
    CHECK(apply(s, PLAINT_EVENT_START, T0 + 4 * MIN) == PLAINT_E_ILLEGAL_TRANSITION);
    CHECK(apply(s, PLAINT_EVENT_CONFIRM, T0 + 4 * MIN) == PLAINT_E_ILLEGAL_TRANSITION);
    CHECK(apply(s, PLAINT_EVENT_ACKNOWLEDGE, T0 + 5 * MIN) == PLAINT_OK);
    CHECK(state_of(s) == PLAINT_STATE_CLOSED);

    CHECK(plaint_complaint_new(&p, "P-1", T0) == PLAINT_OK);
    CHECK(plaint_complaint_set_kind(p, PLAINT_KIND_PRAISE) == PLAINT_OK);
    CHECK(apply(p, PLAINT_EVENT_ACKNOWLEDGE, T0 + 1 * MIN) == PLAINT_E_ILLEGAL_TRANSITION);
    CHECK(state_of(p) == PLAINT_STATE_RECEIVED);
    CHECK(apply(p, PLAINT_EVENT_RECORD, T0 + 1 * MIN) == PLAINT_OK);
    CHECK(apply(p, PLAINT_EVENT_ACKNOWLEDGE, T0 + 2 * MIN) == PLAINT_OK);
    CHECK(state_of(p) == PLAINT_STATE_CLOSED);

    plaint_complaint_free(r);
    plaint_complaint_free(q);
    plaint_complaint_free(s);
    plaint_complaint_free(p);
}

static void test_decisions(void) {
    plaint_profile* prof = NULL;
    plaint_profile* def = NULL;
    plaint_complaint* c = NULL;
    plaint_decision* d = NULL;
    int32_t k = -1;
    int32_t sev = -1;
    char* json = NULL;
    CHECK(plaint_profile_from_json(&prof, KIND_PROFILE, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_profile_default(&def) == PLAINT_OK);

    /* Not stated, words of praise: the rules decide PRAISE; no severity (the kind is not
     * stated, so the severity row's condition fails). */
    CHECK(plaint_complaint_new(&c, "D-1", T0) == PLAINT_OK);
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_CONTENT, "Thank you for the new lights",
                                    PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_profile_classify(prof, c, T0, NULL, &d) == PLAINT_OK);
    CHECK(plaint_decision_kind(d, &k) == PLAINT_OK && k == PLAINT_KIND_PRAISE);
    CHECK(plaint_decision_severity(d, &sev) == PLAINT_OK && sev == PLAINT_SEVERITY_UNSET);
    CHECK(plaint_decision_to_json(d, &json) == PLAINT_OK);
    CHECK(json && strstr(json, "\"kind\":\"praise\"") != NULL);
    plaint_string_free(json);
    k = 42;
    CHECK(plaint_decision_kind(NULL, &k) == PLAINT_E_INVALID_ARGUMENT && k == 42);
    CHECK(plaint_decision_kind(d, NULL) == PLAINT_E_INVALID_ARGUMENT);
    plaint_decision_free(d);
    /* Stated repair in the equipment category: REPAIR from the equipment row, P3 from the
     * stated kind. */
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_CONTENT, "lift stuck", PLAINT_NTS) ==
          PLAINT_OK);
    CHECK(plaint_complaint_set_category(c, PLAINT_CATEGORY_EQUIPMENT) == PLAINT_OK);
    CHECK(plaint_complaint_set_kind(c, PLAINT_KIND_REPAIR) == PLAINT_OK);
    CHECK(plaint_profile_classify(prof, c, T0, NULL, &d) == PLAINT_OK);
    CHECK(plaint_decision_kind(d, &k) == PLAINT_OK && k == PLAINT_KIND_REPAIR);
    CHECK(plaint_decision_severity(d, &sev) == PLAINT_OK && sev == PLAINT_SEVERITY_P3);
    plaint_decision_free(d);
    /* The default profile's kind section makes equipment a repair (its row reads no stated
     * kind); a quality request gets no kind from it: 0. */
    CHECK(plaint_profile_classify(def, c, T0, NULL, &d) == PLAINT_OK);
    CHECK(plaint_decision_kind(d, &k) == PLAINT_OK && k == PLAINT_KIND_REPAIR);
    plaint_decision_free(d);
    CHECK(plaint_complaint_set_category(c, PLAINT_CATEGORY_QUALITY) == PLAINT_OK);
    CHECK(plaint_profile_classify(def, c, T0, NULL, &d) == PLAINT_OK);
    CHECK(plaint_decision_kind(d, &k) == PLAINT_OK && k == 0);
    plaint_decision_free(d);
    plaint_complaint_free(c);
    plaint_profile_free(def);
    plaint_profile_free(prof);
}

static void test_classify_many(void) {
    plaint_profile* prof = NULL;
    /* 0: equipment, not stated -> REPAIR decided, no severity
     * 1: equipment, stated REPAIR -> REPAIR, P3
     * 2: praise words, not stated -> PRAISE, no severity
     * 3: other, stated SUGGESTION -> no kind decided (0), no severity */
    const int32_t category[] = {PLAINT_CATEGORY_EQUIPMENT, PLAINT_CATEGORY_EQUIPMENT,
                                PLAINT_CATEGORY_OTHER, PLAINT_CATEGORY_OTHER};
    const char* const content[] = {"lift", "lift", "表扬保安", "more benches please"};
    const int32_t kind[] = {0, PLAINT_KIND_REPAIR, 0, PLAINT_KIND_SUGGESTION};
    const int32_t bad_kind[] = {0, PLAINT_KIND_REPAIR, 6, 0};
    const int32_t negative_kind[] = {-1, 0, 0, 0};
    int32_t kind_out[4] = {-9, -9, -9, -9};
    int32_t sev_out[4] = {-9, -9, -9, -9};
    plaint_facts_columns in = PLAINT_FACTS_COLUMNS_INIT;
    CHECK(plaint_profile_from_json(&prof, KIND_PROFILE, PLAINT_NTS) == PLAINT_OK);
    in.count = 4;
    in.category = category;
    in.content = content;
    in.kind = kind;
    CHECK(plaint_profile_classify_many_v2(prof, &in, NULL, sev_out, NULL, NULL, kind_out) ==
          PLAINT_OK);
    CHECK(kind_out[0] == PLAINT_KIND_REPAIR && kind_out[1] == PLAINT_KIND_REPAIR);
    CHECK(kind_out[2] == PLAINT_KIND_PRAISE && kind_out[3] == 0);
    CHECK(sev_out[0] == PLAINT_SEVERITY_UNSET && sev_out[1] == PLAINT_SEVERITY_P3);
    CHECK(sev_out[2] == PLAINT_SEVERITY_UNSET && sev_out[3] == PLAINT_SEVERITY_UNSET);
    /* The 0.3 call reads the kind column as well (the struct's size covers it). */
    memset(sev_out, 0xff, sizeof sev_out);
    CHECK(plaint_profile_classify_many(prof, &in, NULL, sev_out, NULL, NULL) == PLAINT_OK);
    CHECK(sev_out[0] == PLAINT_SEVERITY_UNSET && sev_out[1] == PLAINT_SEVERITY_P3);
    /* A NULL kind column: no row states a kind, so no P3. */
    in.kind = NULL;
    CHECK(plaint_profile_classify_many_v2(prof, &in, NULL, sev_out, NULL, NULL, kind_out) ==
          PLAINT_OK);
    CHECK(sev_out[1] == PLAINT_SEVERITY_UNSET && kind_out[1] == PLAINT_KIND_REPAIR);
    /* A 0.6 caller's struct ends before `kind`: the column is not read at all, even holding a
     * code out of range, and no row states a kind. */
    in.kind = bad_kind;
    in.size = (uint32_t)offsetof(plaint_facts_columns, kind);
    memset(sev_out, 0xff, sizeof sev_out);
    CHECK(plaint_profile_classify_many_v2(prof, &in, NULL, sev_out, NULL, NULL, kind_out) ==
          PLAINT_OK);
    CHECK(sev_out[1] == PLAINT_SEVERITY_UNSET && kind_out[2] == PLAINT_KIND_PRAISE);
    in.size = sizeof in;
    /* Codes out of range in the column: the rows before are written, the message names the
     * row. */
    memset(kind_out, 0xff, sizeof kind_out);
    CHECK(plaint_profile_classify_many_v2(prof, &in, NULL, NULL, NULL, NULL, kind_out) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(strstr(plaint_last_error_message(), "at row 2") != NULL);
    CHECK(kind_out[0] == PLAINT_KIND_REPAIR && kind_out[1] == PLAINT_KIND_REPAIR);
    CHECK(kind_out[2] == -1 && kind_out[3] == -1);
    in.kind = negative_kind;
    CHECK(plaint_profile_classify_many_v2(prof, &in, NULL, NULL, NULL, NULL, kind_out) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(strstr(plaint_last_error_message(), "at row 0") != NULL);
    /* NULL and a size below the 0.3 struct. */
    in.kind = kind;
    CHECK(plaint_profile_classify_many_v2(NULL, &in, NULL, NULL, NULL, NULL, kind_out) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_classify_many_v2(prof, NULL, NULL, NULL, NULL, NULL, kind_out) ==
          PLAINT_E_INVALID_ARGUMENT);
    in.size = (uint32_t)offsetof(plaint_facts_columns, received);
    CHECK(plaint_profile_classify_many_v2(prof, &in, NULL, NULL, NULL, NULL, kind_out) ==
          PLAINT_E_INVALID_ARGUMENT);
    plaint_profile_free(prof);
}

static size_t select_kind(const plaint_ledger* l, int32_t kind, size_t* out, size_t capacity) {
    plaint_query q = PLAINT_QUERY_INIT;
    size_t n = 999;
    q.kind = kind;
    CHECK(plaint_ledger_select(l, &q, out, capacity, &n) == PLAINT_OK);
    return n;
}

static void test_ledger(void) {
    plaint_profile* prof = NULL;
    plaint_ledger* l = NULL;
    plaint_complaint* c = NULL;
    plaint_complaint_view v = PLAINT_COMPLAINT_VIEW_INIT;
    plaint_complaint_view old;
    plaint_query q;
    plaint_event e = PLAINT_EVENT_INIT;
    size_t found[8];
    size_t n = 0;
    size_t index = 99;
    char* json = NULL;
    CHECK(plaint_profile_from_json(&prof, KIND_PROFILE, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_ledger_new(&l, prof) == PLAINT_OK);

    /* 0: a stated repair; 1: not stated, praise words (decided PRAISE); 2: a stated
     * consultation, from JSON; 3: not stated, nothing matches (a COMPLAINT by default). */
    CHECK(plaint_complaint_new(&c, "L-1", T0) == PLAINT_OK);
    CHECK(plaint_complaint_set_category(c, PLAINT_CATEGORY_EQUIPMENT) == PLAINT_OK);
    CHECK(plaint_complaint_set_kind(c, PLAINT_KIND_REPAIR) == PLAINT_OK);
    CHECK(plaint_ledger_add_complaint(l, c, &index) == PLAINT_OK && index == 0);
    plaint_complaint_free(c);
    CHECK(plaint_ledger_add_complaint_json(
              l,
              "{\"id\":\"L-2\",\"received\":\"2026-10-12T09:10:00+08:00\","
              "\"content\":\"thank you, the gardener was great\"}",
              PLAINT_NTS, &index) == PLAINT_OK &&
          index == 1);
    CHECK(plaint_ledger_add_complaint_json(l,
                                           "{\"id\":\"L-3\",\"received\":\"2026-10-12T09:20:00+08:"
                                           "00\",\"kind\":\"consultation\"}",
                                           PLAINT_NTS, &index) == PLAINT_OK &&
          index == 2);
    CHECK(plaint_ledger_add_complaint_json(
              l, "{\"id\":\"L-4\",\"received\":\"2026-10-12T09:30:00+08:00\"}", PLAINT_NTS,
              &index) == PLAINT_OK &&
          index == 3);

    CHECK(plaint_ledger_view(l, 0, &v) == PLAINT_OK);
    CHECK(v.kind == PLAINT_KIND_REPAIR && v.kind_decided == 0);
    CHECK(plaint_ledger_view(l, 1, &v) == PLAINT_OK);
    CHECK(v.kind == PLAINT_KIND_PRAISE && v.kind_decided == 1);
    CHECK(plaint_ledger_view(l, 2, &v) == PLAINT_OK);
    CHECK(v.kind == PLAINT_KIND_CONSULTATION && v.kind_decided == 0);
    CHECK(plaint_ledger_view(l, 3, &v) == PLAINT_OK);
    CHECK(v.kind == PLAINT_KIND_COMPLAINT && v.kind_decided == 1);
    CHECK(plaint_ledger_complaint_json(l, 1, &json) == PLAINT_OK);
    CHECK(json && strstr(json, "\"kind\":\"praise\"") != NULL);
    plaint_string_free(json);

    /* A 0.6 caller's view ends before `kind`: the 0.6 fields are written, nothing past them. */
    memset(&old, 0x5a, sizeof old);
    old.size = (uint32_t)offsetof(plaint_complaint_view, kind);
    CHECK(plaint_ledger_view(l, 1, &old) == PLAINT_OK);
    CHECK(old.size == offsetof(plaint_complaint_view, kind));
    CHECK(old.index == 1 && old.id_len == 3 && memcmp(old.id, "L-2", 3) == 0);
    CHECK(old.kind == 0x5a5a5a5a && old.kind_decided == 0x5a5a5a5a);
    /* Covering `kind` but not `kind_decided`: only `kind` is written. */
    memset(&old, 0x5a, sizeof old);
    old.size = (uint32_t)offsetof(plaint_complaint_view, kind_decided);
    CHECK(plaint_ledger_view(l, 1, &old) == PLAINT_OK);
    CHECK(old.kind == PLAINT_KIND_PRAISE && old.kind_decided == 0x5a5a5a5a);

    /* Queries by kind. */
    CHECK(select_kind(l, PLAINT_KIND_REPAIR, found, 8) == 1 && found[0] == 0);
    CHECK(select_kind(l, PLAINT_KIND_PRAISE, found, 8) == 1 && found[0] == 1);
    CHECK(select_kind(l, PLAINT_KIND_CONSULTATION, found, 8) == 1 && found[0] == 2);
    CHECK(select_kind(l, PLAINT_KIND_COMPLAINT, found, 8) == 1 && found[0] == 3);
    CHECK(select_kind(l, PLAINT_KIND_SUGGESTION, found, 8) == 0);
    CHECK(select_kind(l, PLAINT_ANY, found, 8) == 4);
    CHECK(select_kind(l, 0, found, 8) == 4); /* 0 is no kind: any */
    plaint_query_init(&q, sizeof q);
    CHECK(q.kind == PLAINT_ANY);
    n = 77;
    q.kind = 6;
    CHECK(plaint_ledger_select(l, &q, found, 8, &n) == PLAINT_E_OUT_OF_RANGE && n == 77);
    q.kind = -2;
    CHECK(plaint_ledger_select(l, &q, found, 8, &n) == PLAINT_E_OUT_OF_RANGE && n == 77);
    /* A 0.6 caller's query ends before `kind`: whatever lies there, every kind matches, and
     * plaint_query_init leaves it alone. */
    memset(&q, 0x5a, sizeof q);
    plaint_query_init(&q, offsetof(plaint_query, kind));
    CHECK(q.size == offsetof(plaint_query, kind) && q.state == PLAINT_ANY);
    CHECK(q.kind == 0x5a5a5a5a);
    CHECK(plaint_ledger_select(l, &q, found, 8, &n) == PLAINT_OK && n == 4);
    q.kind = PLAINT_KIND_REPAIR;
    CHECK(plaint_ledger_select(l, &q, found, 8, &n) == PLAINT_OK && n == 4);

    /* Each kind's workflow through the ledger. */
    CHECK(plaint_ledger_add_event(l, 2, &e) == PLAINT_E_OUT_OF_RANGE); /* type 0 */
    e.role = PLAINT_ROLE_DUTY_STAFF;
    e.type = PLAINT_EVENT_RECORD;
    e.at = T0 + 40 * MIN;
    CHECK(plaint_ledger_add_event(l, 2, &e) == PLAINT_OK);
    e.type = PLAINT_EVENT_ANSWER;
    e.at = T0 + 45 * MIN;
    CHECK(plaint_ledger_add_event(l, 2, &e) == PLAINT_OK);
    CHECK(plaint_ledger_view(l, 2, &v) == PLAINT_OK && v.state == PLAINT_STATE_CLOSED);
    e.type = PLAINT_EVENT_RECORD;
    CHECK(plaint_ledger_add_event(l, 3, &e) == PLAINT_OK);
    e.type = PLAINT_EVENT_ANSWER; /* a complaint is not answered */
    CHECK(plaint_ledger_add_event(l, 3, &e) == PLAINT_E_ILLEGAL_TRANSITION);
    e.type = 19;
    CHECK(plaint_ledger_add_event(l, 3, &e) == PLAINT_E_OUT_OF_RANGE);
    e.type = PLAINT_EVENT_RECORD;
    CHECK(plaint_ledger_add_event(l, 1, &e) == PLAINT_OK);
    e.type = PLAINT_EVENT_ACKNOWLEDGE;
    CHECK(plaint_ledger_add_event(l, 1, &e) == PLAINT_OK);
    CHECK(plaint_ledger_view(l, 1, &v) == PLAINT_OK && v.state == PLAINT_STATE_CLOSED);
    e.type = PLAINT_EVENT_RECORD;
    CHECK(plaint_ledger_add_event(l, 0, &e) == PLAINT_OK);
    e.type = PLAINT_EVENT_ASSIGN;
    CHECK(plaint_ledger_add_event(l, 0, &e) == PLAINT_OK);
    e.type = PLAINT_EVENT_START;
    CHECK(plaint_ledger_add_event(l, 0, &e) == PLAINT_OK);
    e.type = PLAINT_EVENT_RESOLVE;
    CHECK(plaint_ledger_add_event(l, 0, &e) == PLAINT_OK);
    e.type = PLAINT_EVENT_CONFIRM;
    CHECK(plaint_ledger_add_event(l, 0, &e) == PLAINT_OK);
    CHECK(plaint_ledger_view(l, 0, &v) == PLAINT_OK && v.state == PLAINT_STATE_CLOSED);
    CHECK(v.kind == PLAINT_KIND_REPAIR);

    plaint_ledger_free(l);
    plaint_profile_free(prof);
}

static void test_csv(void) {
    plaint_ledger* l = NULL;
    plaint_import_result r = PLAINT_IMPORT_RESULT_INIT;
    plaint_complaint_view v = PLAINT_COMPLAINT_VIEW_INIT;
    char* problems = NULL;
    /* The default profile decides no kind: an empty cell is a complaint (decided). */
    const char* csv = "id,received,kind\n"
                      "C-1,2026-10-12T09:00:00+08:00,suggestion\n"
                      "C-2,2026-10-12T09:05:00+08:00,\n"
                      "C-3,2026-10-12T09:10:00+08:00,favour\n";
    CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_import_csv(l, csv, PLAINT_NTS, NULL, 0, 0, &r, &problems) == PLAINT_OK);
    CHECK(r.complaints == 2 && r.bad_rows == 1);
    CHECK(problems && strstr(problems, "\"line\":4") != NULL);
    plaint_string_free(problems);
    CHECK(plaint_ledger_view(l, 0, &v) == PLAINT_OK);
    CHECK(v.kind == PLAINT_KIND_SUGGESTION && v.kind_decided == 0);
    CHECK(plaint_ledger_view(l, 1, &v) == PLAINT_OK);
    CHECK(v.kind == PLAINT_KIND_COMPLAINT && v.kind_decided == 1);
    plaint_ledger_free(l);
}

int main(void) {
    CHECK(PLAINT_VERSION_NUMBER >= 600);
    test_codes();
    test_transition_table();
    test_complaint_kind();
    test_workflows();
    test_decisions();
    test_classify_many();
    test_ledger();
    test_csv();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
