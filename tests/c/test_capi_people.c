/* People and teams from C99 (Since 0.7, issue 15 part 2, DOMAIN.md §8 "Who handles it"): handler
 * and team ids (plaint_staff_id_check), a profile's teams (count, id, name, calendar, roles,
 * find), the team the rules dispatch a case to (plaint_decision_team), a complaint's handler and
 * team from its ASSIGN and ESCALATE events, and the ledger's (views, queries, JSON, CSV); with
 * NULL pointers, indexes out of range, hostile ids (65 bytes, invalid UTF-8, control characters,
 * an embedded NUL) and structs of their 0.6 size, which keep their 0.6 meaning (no handler or
 * team read, any team and handler matched, nothing written past them).
 *
 * Expected values are read off TEAMS_PROFILE below and examples/data/default-profile.json's
 * `teams` and `dispatch` sections: teams sorted by id (byte order), roles in role order (duty
 * staff 1, CS assistant 2, CS manager 3, general manager 4, company 5), every role for a team
 * that lists none. Instants: T0 = Monday 2026-10-12T09:00:00+08:00 = 1791766800 (as in
 * test_capi_ledger_queries.c), inside the default profile's office hours. */
#include "plaint/plaint.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define MIN 60LL
#define T0 1791766800LL

/* Three teams given out of order: sorted they are cs, engineering, security. Equipment goes to
 * engineering, noise to security. */
static const char* const TEAMS_PROFILE =
    "{\"plaint_profile\": 1,"
    " \"calendars\": {\"office\": {\"timezone\": \"Asia/Shanghai\","
    "   \"week\": {\"mon\": [[\"09:00\", \"18:00\"]]}}},"
    " \"teams\": {"
    "   \"security\": {\"name\": \"保安部\", \"roles\": [\"duty_staff\"]},"
    "   \"engineering\": {\"name\": \"工程部\", \"roles\": [\"cs_assistant\", \"duty_staff\"],"
    "                   \"calendar\": \"office\"},"
    "   \"cs\": {}},"
    " \"rules\": {\"sections\": [{\"name\": \"dispatch\", \"hit\": \"first\", \"rows\": ["
    "   {\"id\": \"equipment\", \"when\": {\"category\": \"equipment\"},"
    "    \"then\": {\"team\": \"engineering\"}},"
    "   {\"id\": \"noise\", \"when\": {\"keywords\": [\"noise\"]},"
    "    \"then\": {\"team\": \"security\"}}]}]}}";

static int streq(const char* a, const char* b) {
    return a && b && strcmp(a, b) == 0;
}

/* A view's text (pointer and length) equals `s`. */
static int text_is(const char* p, size_t len, const char* s) {
    return p && len == strlen(s) && memcmp(p, s, len) == 0;
}

static void test_staff_ids(void) {
    char long_id[66];
    memset(long_id, 'h', 65);
    long_id[65] = '\0';
    /* Good ids: ASCII, non-ASCII (工程-7 is 8 bytes), 64 bytes exactly, and by length. */
    CHECK(plaint_staff_id_check("eng-017", PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_staff_id_check("工程-7", PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_staff_id_check(long_id, 64) == PLAINT_OK);
    CHECK(plaint_staff_id_check("eng-017xyz", 7) == PLAINT_OK);
    /* 65 bytes: too large, and the message says the limit. */
    CHECK(plaint_staff_id_check(long_id, PLAINT_NTS) == PLAINT_E_TOO_LARGE);
    CHECK(strstr(plaint_last_error_message(), "64") != NULL);
    CHECK(plaint_staff_id_check(long_id, 65) == PLAINT_E_TOO_LARGE);
    /* Not UTF-8: a lone byte 0xFF, and 工 (E5 B7 A5) cut after two bytes. */
    CHECK(plaint_staff_id_check("\xff\xfe", PLAINT_NTS) == PLAINT_E_ENCODING);
    CHECK(plaint_staff_id_check("工", 2) == PLAINT_E_ENCODING);
    /* An embedded NUL, given by length. */
    CHECK(plaint_staff_id_check("a\0b", 3) == PLAINT_E_ENCODING);
    /* Control characters: C0 (tab, line feed), DEL, C1 (U+0085 is C2 85). */
    CHECK(plaint_staff_id_check("a\tb", PLAINT_NTS) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(strstr(plaint_last_error_message(), "control") != NULL);
    CHECK(plaint_staff_id_check("a\nb", PLAINT_NTS) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_staff_id_check("a\x7f", PLAINT_NTS) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_staff_id_check("a\xc2\x85", PLAINT_NTS) == PLAINT_E_INVALID_ARGUMENT);
    /* Empty, and NULL (with or without a length). */
    CHECK(plaint_staff_id_check("", PLAINT_NTS) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_staff_id_check("abc", 0) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_staff_id_check(NULL, PLAINT_NTS) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_staff_id_check(NULL, 0) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(PLAINT_STAFF_ID_MAX == 64);
}

static void test_profile_teams(void) {
    plaint_profile* p = NULL;
    plaint_profile* empty = NULL;
    const char* s = "untouched";
    size_t n = 99;
    size_t index = 99;
    int32_t roles[8];
    int k;

    CHECK(plaint_profile_from_json(&p, TEAMS_PROFILE, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_profile_team_count(p, &n) == PLAINT_OK && n == 3);
    CHECK(plaint_profile_team_id(p, 0, &s) == PLAINT_OK && streq(s, "cs"));
    CHECK(plaint_profile_team_id(p, 1, &s) == PLAINT_OK && streq(s, "engineering"));
    CHECK(plaint_profile_team_id(p, 2, &s) == PLAINT_OK && streq(s, "security"));
    CHECK(plaint_profile_team_name(p, 0, &s) == PLAINT_OK && streq(s, ""));
    CHECK(plaint_profile_team_name(p, 1, &s) == PLAINT_OK && streq(s, "工程部"));
    CHECK(plaint_profile_team_name(p, 2, &s) == PLAINT_OK && streq(s, "保安部"));
    CHECK(plaint_profile_team_calendar(p, 0, &s) == PLAINT_OK && streq(s, ""));
    CHECK(plaint_profile_team_calendar(p, 1, &s) == PLAINT_OK && streq(s, "office"));

    /* engineering lists cs_assistant, duty_staff: in role order 1, 2. */
    CHECK(plaint_profile_team_roles(p, 1, roles, 8, &n) == PLAINT_OK && n == 2);
    CHECK(roles[0] == PLAINT_ROLE_DUTY_STAFF && roles[1] == PLAINT_ROLE_CS_ASSISTANT);
    /* cs lists none: every role, 1 to 5. */
    CHECK(plaint_profile_team_roles(p, 0, roles, 8, &n) == PLAINT_OK && n == 5);
    for (k = 0; k < 5; ++k)
        CHECK(roles[k] == k + 1);
    /* Too small an array: the first ones, and the full count; capacity 0 with NULL counts. */
    roles[0] = roles[1] = -7;
    CHECK(plaint_profile_team_roles(p, 0, roles, 1, &n) == PLAINT_OK && n == 5);
    CHECK(roles[0] == PLAINT_ROLE_DUTY_STAFF && roles[1] == -7);
    n = 0;
    CHECK(plaint_profile_team_roles(p, 2, NULL, 0, &n) == PLAINT_OK && n == 1);

    CHECK(plaint_profile_find_team(p, "security", &index) == PLAINT_OK && index == 2);
    CHECK(plaint_profile_find_team(p, "cs", &index) == PLAINT_OK && index == 0);

    /* Out of range (index 3 of 3, and SIZE_MAX) and NULL: failures that write nothing. */
    s = "untouched";
    CHECK(plaint_profile_team_id(p, 3, &s) == PLAINT_E_OUT_OF_RANGE && streq(s, "untouched"));
    CHECK(strstr(plaint_last_error_message(), "3 teams") != NULL);
    CHECK(plaint_profile_team_name(p, (size_t)-1, &s) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_profile_team_calendar(p, 3, &s) == PLAINT_E_OUT_OF_RANGE);
    n = 42;
    CHECK(plaint_profile_team_roles(p, 3, roles, 8, &n) == PLAINT_E_OUT_OF_RANGE && n == 42);
    CHECK(plaint_profile_team_roles(p, 0, NULL, 1, &n) == PLAINT_E_INVALID_ARGUMENT && n == 42);
    CHECK(plaint_profile_team_roles(p, 0, roles, 8, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_team_roles(NULL, 0, roles, 8, &n) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_team_count(NULL, &n) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_team_count(p, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_team_id(NULL, 0, &s) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_team_id(p, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_team_name(p, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_team_calendar(NULL, 0, &s) == PLAINT_E_INVALID_ARGUMENT);
    /* find: ids are compared exactly; NULLs. */
    index = 77;
    CHECK(plaint_profile_find_team(p, "Security", &index) == PLAINT_E_NOT_FOUND && index == 77);
    CHECK(plaint_profile_find_team(p, "", &index) == PLAINT_E_NOT_FOUND);
    CHECK(plaint_profile_find_team(p, "\xff", &index) == PLAINT_E_NOT_FOUND);
    CHECK(plaint_profile_find_team(p, NULL, &index) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_find_team(p, "cs", NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_find_team(NULL, "cs", &index) == PLAINT_E_INVALID_ARGUMENT);

    /* A profile without a teams section has none. */
    CHECK(plaint_profile_from_json(&empty, "{\"plaint_profile\": 1}", PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_profile_team_count(empty, &n) == PLAINT_OK && n == 0);
    CHECK(plaint_profile_team_id(empty, 0, &s) == PLAINT_E_OUT_OF_RANGE);
    plaint_profile_free(empty);

    /* Hostile teams sections are validation errors: 65-byte id, a control character. */
    {
        char doc[256];
        char id[66];
        memset(id, 't', 65);
        id[65] = '\0';
        snprintf(doc, sizeof doc, "{\"plaint_profile\": 1, \"teams\": {\"%s\": {}}}", id);
        empty = NULL;
        CHECK(plaint_profile_from_json(&empty, doc, PLAINT_NTS) == PLAINT_E_VALIDATION);
        CHECK(empty == NULL);
        CHECK(plaint_profile_from_json(&empty,
                                       "{\"plaint_profile\": 1, \"teams\": {\"a\\u0001b\": {}}}",
                                       PLAINT_NTS) == PLAINT_E_VALIDATION);
        CHECK(plaint_profile_from_json(&empty,
                                       "{\"plaint_profile\": 1, \"teams\": {\"a\": {}},"
                                       " \"rules\": {\"sections\": [{\"name\": \"s\", \"hit\":"
                                       " \"first\", \"rows\": [{\"id\": \"r\", \"then\":"
                                       " {\"team\": \"b\"}}]}]}}",
                                       PLAINT_NTS) == PLAINT_E_VALIDATION);
        CHECK(strstr(plaint_last_error_message(), "undefined team 'b'") != NULL);
    }
    plaint_profile_free(p);
}

/* The default profile's five teams (examples/data/default-profile.json). */
static void test_default_teams(void) {
    static const char* const ids[5] = {"cleaning", "customer_service", "engineering", "greening",
                                       "security"};
    static const char* const calendars[5] = {"", "", "", "office", ""};
    static const size_t role_counts[5] = {2, 3, 2, 2, 2};
    plaint_profile* p = NULL;
    plaint_ledger* l = NULL;
    plaint_profile* from_ledger = NULL;
    const char* s = NULL;
    size_t n = 0;
    size_t i;
    int32_t roles[5];

    CHECK(plaint_profile_default(&p) == PLAINT_OK);
    CHECK(plaint_profile_team_count(p, &n) == PLAINT_OK && n == 5);
    for (i = 0; i < 5 && i < n; ++i) {
        CHECK(plaint_profile_team_id(p, i, &s) == PLAINT_OK && streq(s, ids[i]));
        CHECK(plaint_profile_team_calendar(p, i, &s) == PLAINT_OK && streq(s, calendars[i]));
        CHECK(plaint_profile_team_roles(p, i, roles, 5, &n) == PLAINT_OK && n == role_counts[i]);
        CHECK(roles[0] == PLAINT_ROLE_DUTY_STAFF && roles[1] == PLAINT_ROLE_CS_ASSISTANT);
        n = 5;
    }
    CHECK(plaint_profile_team_roles(p, 1, roles, 5, &n) == PLAINT_OK && n == 3);
    CHECK(roles[2] == PLAINT_ROLE_CS_MANAGER);
    CHECK(plaint_profile_team_name(p, 2, &s) == PLAINT_OK &&
          streq(s, "工程维修部 engineering and repair"));

    /* A ledger's profile handle shares the teams. */
    CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_profile(l, &from_ledger) == PLAINT_OK);
    plaint_ledger_free(l);
    CHECK(plaint_profile_team_id(from_ledger, 4, &s) == PLAINT_OK && streq(s, "security"));
    plaint_profile_free(from_ledger);
    plaint_profile_free(p);
}

static void test_decisions(void) {
    plaint_profile* small = NULL;
    plaint_profile* def = NULL;
    plaint_complaint* c = NULL;
    plaint_decision* d = NULL;
    const char* team = "untouched";

    CHECK(plaint_profile_from_json(&small, TEAMS_PROFILE, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_profile_default(&def) == PLAINT_OK);
    CHECK(plaint_complaint_new(&c, "D-1", T0) == PLAINT_OK);

    /* Equipment: engineering, in both profiles. */
    CHECK(plaint_complaint_set_category(c, PLAINT_CATEGORY_EQUIPMENT) == PLAINT_OK);
    CHECK(plaint_profile_classify(small, c, T0, NULL, &d) == PLAINT_OK);
    CHECK(plaint_decision_team(d, &team) == PLAINT_OK && streq(team, "engineering"));
    plaint_decision_free(d);
    CHECK(plaint_profile_classify(def, c, T0, NULL, &d) == PLAINT_OK);
    CHECK(plaint_decision_team(d, &team) == PLAINT_OK && streq(team, "engineering"));
    plaint_decision_free(d);

    /* Other, "noise": security by the small profile. Rubbish in the default profile: cleaning
     * (its dispatch reads 垃圾 in the cleaning row). */
    CHECK(plaint_complaint_set_category(c, PLAINT_CATEGORY_OTHER) == PLAINT_OK);
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_CONTENT, "noise upstairs", PLAINT_NTS) ==
          PLAINT_OK);
    CHECK(plaint_profile_classify(small, c, T0, NULL, &d) == PLAINT_OK);
    CHECK(plaint_decision_team(d, &team) == PLAINT_OK && streq(team, "security"));
    plaint_decision_free(d);
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_CONTENT, "楼道垃圾三天没人清理", PLAINT_NTS) ==
          PLAINT_OK);
    CHECK(plaint_profile_classify(def, c, T0, NULL, &d) == PLAINT_OK);
    CHECK(plaint_decision_team(d, &team) == PLAINT_OK && streq(team, "cleaning"));
    plaint_decision_free(d);

    /* Nothing matches: NULL, as plaint_decision_sla_policy gives for none. */
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_CONTENT, "a question about fees", PLAINT_NTS) ==
          PLAINT_OK);
    CHECK(plaint_profile_classify(small, c, T0, NULL, &d) == PLAINT_OK);
    team = "untouched";
    CHECK(plaint_decision_team(d, &team) == PLAINT_OK && team == NULL);
    CHECK(plaint_decision_team(d, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_team(NULL, &team) == PLAINT_E_INVALID_ARGUMENT);
    plaint_decision_free(d);

    plaint_complaint_free(c);
    plaint_profile_free(def);
    plaint_profile_free(small);
}

/* An event of `type` at `at` by duty staff naming `handler` and `team` (either may be NULL). */
static plaint_event staff_event(int32_t type, int64_t at, const char* handler, const char* team) {
    plaint_event e = PLAINT_EVENT_INIT;
    e.type = type;
    e.at = at;
    e.role = PLAINT_ROLE_DUTY_STAFF;
    e.nature = PLAINT_NATURE_VALID;
    e.handler = handler;
    e.team = team;
    return e;
}

static void test_complaint(void) {
    plaint_complaint* c = NULL;
    plaint_complaint* back = NULL;
    plaint_event e;
    plaint_event out;
    const char* s = "untouched";
    size_t n = 0;
    size_t before = 0;
    char* json = NULL;
    char long_id[66];
    memset(long_id, 'h', 65);
    long_id[65] = '\0';

    CHECK(plaint_complaint_new(&c, "P-1", T0) == PLAINT_OK);
    CHECK(plaint_complaint_handler(c, &s) == PLAINT_OK && streq(s, ""));
    CHECK(plaint_complaint_team(c, &s) == PLAINT_OK && streq(s, ""));

    /* Recording names a handler but does not take the case. */
    e = staff_event(PLAINT_EVENT_RECORD, T0 + MIN, "desk-01", NULL);
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(plaint_complaint_handler(c, &s) == PLAINT_OK && streq(s, ""));
    e = staff_event(PLAINT_EVENT_CLASSIFY, T0 + 2 * MIN, "desk-01", NULL);
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    /* Assigned to eng-17 of engineering: the owner's handler and team. A complaint handle has no
     * profile, so any well-formed team id is taken. */
    e = staff_event(PLAINT_EVENT_ASSIGN, T0 + 3 * MIN, "eng-17", "engineering");
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(plaint_complaint_handler(c, &s) == PLAINT_OK && streq(s, "eng-17"));
    CHECK(plaint_complaint_team(c, &s) == PLAINT_OK && streq(s, "engineering"));
    /* A team on another event is refused, not dropped; without it the start is taken. */
    e = staff_event(PLAINT_EVENT_START, T0 + 4 * MIN, "eng-17", "security");
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(strstr(plaint_last_error_message(), "a team is given on 'assign' or 'escalate'") != NULL);
    e = staff_event(PLAINT_EVENT_START, T0 + 4 * MIN, "eng-17", "");
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(plaint_complaint_team(c, &s) == PLAINT_OK && streq(s, "engineering"));

    /* The log: RECEIVE, RECORD, CLASSIFY, ASSIGN, START. "" for none, never NULL. */
    CHECK(plaint_complaint_event_count(c, &n) == PLAINT_OK && n == 5);
    plaint_event_init(&out, sizeof out);
    CHECK(plaint_complaint_event(c, 0, &out) == PLAINT_OK);
    CHECK(streq(out.handler, "") && streq(out.team, ""));
    CHECK(plaint_complaint_event(c, 1, &out) == PLAINT_OK);
    CHECK(streq(out.handler, "desk-01") && streq(out.team, ""));
    CHECK(plaint_complaint_event(c, 3, &out) == PLAINT_OK);
    CHECK(out.type == PLAINT_EVENT_ASSIGN);
    CHECK(streq(out.handler, "eng-17") && streq(out.team, "engineering"));
    CHECK(plaint_complaint_event(c, 4, &out) == PLAINT_OK);
    CHECK(streq(out.handler, "eng-17") && streq(out.team, ""));

    /* Bad ids: refused with their status, and nothing changes. */
    CHECK(plaint_complaint_event_count(c, &before) == PLAINT_OK);
    e = staff_event(PLAINT_EVENT_RESOLVE, T0 + 5 * MIN, long_id, NULL);
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_E_TOO_LARGE);
    e = staff_event(PLAINT_EVENT_RESOLVE, T0 + 5 * MIN, "\xff\xfe", NULL);
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_E_ENCODING);
    e = staff_event(PLAINT_EVENT_RESOLVE, T0 + 5 * MIN, "a\nb", NULL);
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_E_INVALID_ARGUMENT);
    e = staff_event(PLAINT_EVENT_ESCALATE, T0 + 5 * MIN, NULL, long_id);
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_E_TOO_LARGE);
    e = staff_event(PLAINT_EVENT_ESCALATE, T0 + 5 * MIN, NULL, "a\x01");
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_event_count(c, &n) == PLAINT_OK && n == before);
    CHECK(plaint_complaint_handler(c, &s) == PLAINT_OK && streq(s, "eng-17"));

    /* 64 bytes is the limit; "" is no handler, as NULL. */
    long_id[64] = '\0';
    e = staff_event(PLAINT_EVENT_RESOLVE, T0 + 5 * MIN, long_id, NULL);
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(plaint_complaint_event(c, 5, &out) == PLAINT_OK && strlen(out.handler) == 64);

    /* An escalation naming nobody: the handler goes, the team stays. */
    e = staff_event(PLAINT_EVENT_ESCALATE, T0 + 6 * MIN, "", "");
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(plaint_complaint_handler(c, &s) == PLAINT_OK && streq(s, ""));
    CHECK(plaint_complaint_team(c, &s) == PLAINT_OK && streq(s, "engineering"));

    /* The JSON form carries them and reads them back. */
    CHECK(plaint_complaint_to_json(c, &json) == PLAINT_OK);
    CHECK(json && strstr(json, "\"handler\":\"eng-17\"") != NULL);
    CHECK(json && strstr(json, "\"team\":\"engineering\"") != NULL);
    CHECK(plaint_complaint_from_json(&back, json, PLAINT_NTS) == PLAINT_OK);
    plaint_string_free(json);
    CHECK(plaint_complaint_event(back, 3, &out) == PLAINT_OK);
    CHECK(streq(out.handler, "eng-17") && streq(out.team, "engineering"));
    CHECK(plaint_complaint_team(back, &s) == PLAINT_OK && streq(s, "engineering"));
    plaint_complaint_free(back);

    /* NULLs. */
    CHECK(plaint_complaint_handler(NULL, &s) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_handler(c, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_team(NULL, &s) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_team(c, NULL) == PLAINT_E_INVALID_ARGUMENT);
    plaint_complaint_free(c);
}

/* A 0.6 caller's plaint_event ends before `handler`: neither read nor written. */
static void test_old_event_struct(void) {
    plaint_complaint* c = NULL;
    plaint_event e;
    plaint_event out;
    const char* s = NULL;
    const unsigned char* tail;
    size_t i;
    int untouched = 1;

    CHECK(plaint_complaint_new(&c, "O-1", T0) == PLAINT_OK);
    /* The pointers past its size hold what would be refused if read (a control character). */
    e = staff_event(PLAINT_EVENT_RECORD, T0 + MIN, "bad\x01id", "bad\x01team");
    e.size = (uint32_t)offsetof(plaint_event, handler);
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    e = staff_event(PLAINT_EVENT_CLASSIFY, T0 + 2 * MIN, NULL, NULL);
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    e = staff_event(PLAINT_EVENT_ASSIGN, T0 + 3 * MIN, "bad\x01id", "bad\x01team");
    e.size = (uint32_t)offsetof(plaint_event, handler);
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(plaint_complaint_handler(c, &s) == PLAINT_OK && streq(s, ""));
    CHECK(plaint_complaint_team(c, &s) == PLAINT_OK && streq(s, ""));
    /* The full 0.7 struct, with the same ids: refused. */
    e = staff_event(PLAINT_EVENT_START, T0 + 4 * MIN, "bad\x01id", NULL);
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_E_INVALID_ARGUMENT);
    /* Covering `handler` but not `team`: the handler is read, the team is not. */
    e = staff_event(PLAINT_EVENT_ASSIGN, T0 + 4 * MIN, "eng-17", "bad\x01team");
    e.size = (uint32_t)offsetof(plaint_event, team);
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(plaint_complaint_handler(c, &s) == PLAINT_OK && streq(s, "eng-17"));
    CHECK(plaint_complaint_team(c, &s) == PLAINT_OK && streq(s, ""));

    /* Output into a 0.6-sized struct: nothing past `to_state` is written. */
    memset(&out, 0x5a, sizeof out);
    out.size = (uint32_t)offsetof(plaint_event, handler);
    CHECK(plaint_complaint_event(c, 4, &out) == PLAINT_OK);
    CHECK(out.type == PLAINT_EVENT_ASSIGN && out.to_state == PLAINT_STATE_ASSIGNED);
    tail = (const unsigned char*)&out + offsetof(plaint_event, handler);
    for (i = 0; i < sizeof out - offsetof(plaint_event, handler); ++i)
        untouched = untouched && tail[i] == 0x5a;
    CHECK(untouched);
    plaint_complaint_free(c);
}

static void test_ledger(void) {
    plaint_ledger* l = NULL;
    plaint_complaint* c = NULL;
    plaint_complaint_view v = PLAINT_COMPLAINT_VIEW_INIT;
    plaint_complaint_view old;
    plaint_query q = PLAINT_QUERY_INIT;
    plaint_event e;
    plaint_event out;
    size_t found[4];
    size_t n = 0;
    size_t before = 0;
    size_t i;
    char* json = NULL;
    const char* s = NULL;

    /* The default profile: A (equipment) goes to engineering, B (垃圾) to cleaning, C to none. */
    CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_add_complaint_json(l,
                                           "{\"id\":\"A\",\"received\":\"2026-10-12T09:00:00+08:"
                                           "00\",\"category\":\"equipment\",\"content\":\"lift "
                                           "stuck\"}",
                                           PLAINT_NTS, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_add_complaint_json(
              l,
              "{\"id\":\"B\",\"received\":\"2026-10-12T09:00:00+08:00\",\"category\":\"other\","
              "\"content\":\"楼道垃圾三天没人清理\"}",
              PLAINT_NTS, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_add_complaint_json(
              l,
              "{\"id\":\"C\",\"received\":\"2026-10-12T09:00:00+08:00\",\"category\":\"other\","
              "\"content\":\"a question about fees\"}",
              PLAINT_NTS, NULL) == PLAINT_OK);

    CHECK(plaint_ledger_view(l, 0, &v) == PLAINT_OK);
    CHECK(text_is(v.team, v.team_len, "engineering") && v.team_from_rules == 1);
    CHECK(text_is(v.rule_team, v.rule_team_len, "engineering"));
    CHECK(text_is(v.handler, v.handler_len, ""));
    CHECK(plaint_ledger_view(l, 1, &v) == PLAINT_OK);
    CHECK(text_is(v.team, v.team_len, "cleaning") && v.team_from_rules == 1);
    CHECK(plaint_ledger_view(l, 2, &v) == PLAINT_OK);
    CHECK(text_is(v.team, v.team_len, "") && v.team_from_rules == 0);
    CHECK(text_is(v.rule_team, v.rule_team_len, ""));

    for (i = 0; i < 3; ++i) {
        e = staff_event(PLAINT_EVENT_RECORD, T0 + MIN, "desk-01", NULL);
        CHECK(plaint_ledger_add_event(l, i, &e) == PLAINT_OK);
        e = staff_event(PLAINT_EVENT_CLASSIFY, T0 + 2 * MIN, "desk-01", NULL);
        CHECK(plaint_ledger_add_event(l, i, &e) == PLAINT_OK);
    }
    /* A to eng-17 of engineering; C to cs-05 of customer service; B stays with the rules'. */
    e = staff_event(PLAINT_EVENT_ASSIGN, T0 + 3 * MIN, "eng-17", "engineering");
    CHECK(plaint_ledger_add_event(l, 0, &e) == PLAINT_OK);
    e = staff_event(PLAINT_EVENT_ASSIGN, T0 + 3 * MIN, "cs-05", "customer_service");
    CHECK(plaint_ledger_add_event(l, 2, &e) == PLAINT_OK);
    CHECK(plaint_ledger_view(l, 0, &v) == PLAINT_OK);
    CHECK(text_is(v.handler, v.handler_len, "eng-17"));
    CHECK(text_is(v.team, v.team_len, "engineering") && v.team_from_rules == 0);
    CHECK(plaint_ledger_view(l, 2, &v) == PLAINT_OK);
    CHECK(text_is(v.team, v.team_len, "customer_service") && v.team_from_rules == 0);
    CHECK(text_is(v.rule_team, v.rule_team_len, ""));

    /* An unknown team: not found, the message lists the teams, and nothing changes. */
    CHECK(plaint_ledger_event_count(l, &before) == PLAINT_OK);
    e = staff_event(PLAINT_EVENT_ASSIGN, T0 + 4 * MIN, "gd-01", "gardening");
    CHECK(plaint_ledger_add_event(l, 1, &e) == PLAINT_E_NOT_FOUND);
    CHECK(strstr(plaint_last_error_message(), "gardening") != NULL);
    CHECK(strstr(plaint_last_error_message(), "greening") != NULL);
    e = staff_event(PLAINT_EVENT_ESCALATE, T0 + 4 * MIN, "x", "Engineering");
    CHECK(plaint_ledger_add_event(l, 0, &e) == PLAINT_E_NOT_FOUND);
    e = staff_event(PLAINT_EVENT_START, T0 + 4 * MIN, "a\tb", NULL);
    CHECK(plaint_ledger_add_event(l, 0, &e) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_event_count(l, &n) == PLAINT_OK && n == before);
    CHECK(plaint_ledger_view(l, 1, &v) == PLAINT_OK);
    CHECK(v.state == PLAINT_STATE_CLASSIFIED && text_is(v.handler, v.handler_len, ""));
    CHECK(text_is(v.team, v.team_len, "cleaning") && v.team_from_rules == 1);
    CHECK(plaint_ledger_view(l, 0, &v) == PLAINT_OK);
    CHECK(v.state == PLAINT_STATE_ASSIGNED && text_is(v.handler, v.handler_len, "eng-17"));

    /* Queries by team (assigned, else the rules') and by handler. */
    q.team = "engineering";
    CHECK(plaint_ledger_select(l, &q, found, 4, &n) == PLAINT_OK && n == 1 && found[0] == 0);
    q.team = "cleaning";
    CHECK(plaint_ledger_select(l, &q, found, 4, &n) == PLAINT_OK && n == 1 && found[0] == 1);
    q.team = "security";
    CHECK(plaint_ledger_select(l, &q, found, 4, &n) == PLAINT_OK && n == 0);
    q.team = "\xff\xfe"; /* not an id: matches nothing, no error */
    CHECK(plaint_ledger_select(l, &q, found, 4, &n) == PLAINT_OK && n == 0);
    q.team = NULL;
    q.handler = "eng-17";
    CHECK(plaint_ledger_select(l, &q, found, 4, &n) == PLAINT_OK && n == 1 && found[0] == 0);
    q.handler = ""; /* no handler: B only (C has cs-05) */
    CHECK(plaint_ledger_select(l, &q, found, 4, &n) == PLAINT_OK && n == 1 && found[0] == 1);
    q.handler = "cs-05";
    q.team = "customer_service";
    CHECK(plaint_ledger_select(l, &q, found, 4, &n) == PLAINT_OK && n == 1 && found[0] == 2);
    q.team = "engineering"; /* both filters must pass */
    CHECK(plaint_ledger_select(l, &q, found, 4, &n) == PLAINT_OK && n == 0);
    /* A 0.6 query ends before `kind`, a kinds-era one before `team`: any team and handler. */
    plaint_query_init(&q, offsetof(plaint_query, team));
    q.team = "security";
    q.handler = "nobody";
    CHECK(q.size == offsetof(plaint_query, team));
    CHECK(plaint_ledger_select(l, &q, found, 4, &n) == PLAINT_OK && n == 3);
    plaint_query_init(&q, offsetof(plaint_query, kind));
    CHECK(plaint_ledger_select(l, &q, found, 4, &n) == PLAINT_OK && n == 3);
    /* Covering `team` but not `handler`. */
    plaint_query_init(&q, sizeof q);
    q.team = "engineering";
    q.handler = "nobody";
    q.size = (uint32_t)offsetof(plaint_query, handler);
    CHECK(plaint_ledger_select(l, &q, found, 4, &n) == PLAINT_OK && n == 1 && found[0] == 0);

    /* A view of the 0.7 kinds size (ending before `handler`) is written no further. */
    memset(&old, 0x5a, sizeof old);
    old.size = (uint32_t)offsetof(plaint_complaint_view, handler);
    CHECK(plaint_ledger_view(l, 0, &old) == PLAINT_OK);
    CHECK(old.index == 0 && old.kind_decided == 1);
    CHECK(old.handler_len == (size_t)0x5a5a5a5a5a5a5a5aULL);
    CHECK(old.team_from_rules == 0x5a5a5a5a);
    /* A 0.6 view likewise. */
    memset(&old, 0x5a, sizeof old);
    old.size = (uint32_t)offsetof(plaint_complaint_view, kind);
    CHECK(plaint_ledger_view(l, 0, &old) == PLAINT_OK);
    CHECK(old.kind == 0x5a5a5a5a && old.rule_team_len == (size_t)0x5a5a5a5a5a5a5a5aULL);

    /* The escalation of A names nobody: the handler goes, the team stays assigned. */
    e = staff_event(PLAINT_EVENT_START, T0 + 5 * MIN, "eng-17", NULL);
    CHECK(plaint_ledger_add_event(l, 0, &e) == PLAINT_OK);
    e = staff_event(PLAINT_EVENT_ESCALATE, T0 + 6 * MIN, NULL, NULL);
    CHECK(plaint_ledger_add_event(l, 0, &e) == PLAINT_OK);
    CHECK(plaint_ledger_view(l, 0, &v) == PLAINT_OK);
    CHECK(text_is(v.handler, v.handler_len, ""));
    CHECK(text_is(v.team, v.team_len, "engineering") && v.team_from_rules == 0);

    /* The rebuilt complaint carries its events' handlers and teams. */
    CHECK(plaint_ledger_complaint(l, 0, &c) == PLAINT_OK);
    plaint_event_init(&out, sizeof out);
    CHECK(plaint_complaint_event_count(c, &n) == PLAINT_OK);
    for (i = 0; i < n; ++i) {
        CHECK(plaint_complaint_event(c, i, &out) == PLAINT_OK);
        if (out.type == PLAINT_EVENT_ASSIGN)
            CHECK(streq(out.handler, "eng-17") && streq(out.team, "engineering"));
        if (out.type == PLAINT_EVENT_RECORD)
            CHECK(streq(out.handler, "desk-01") && streq(out.team, ""));
    }
    CHECK(plaint_complaint_team(c, &s) == PLAINT_OK && streq(s, "engineering"));
    plaint_complaint_free(c);

    /* The ledger's JSON of C names its team and handler; of B, its rules' team. */
    CHECK(plaint_ledger_complaint_json(l, 2, &json) == PLAINT_OK);
    CHECK(json && strstr(json, "\"team\":\"customer_service\"") != NULL);
    CHECK(json && strstr(json, "\"handler\":\"cs-05\"") != NULL);
    plaint_string_free(json);
    CHECK(plaint_ledger_complaint_json(l, 1, &json) == PLAINT_OK);
    CHECK(json && strstr(json, "\"team\":\"cleaning\"") != NULL);
    CHECK(json && strstr(json, "\"handler\":null") != NULL);
    plaint_string_free(json);
    plaint_ledger_free(l);
}

static void test_csv(void) {
    plaint_ledger* l = NULL;
    plaint_import_result r = PLAINT_IMPORT_RESULT_INIT;
    plaint_complaint_view v = PLAINT_COMPLAINT_VIEW_INIT;
    char* problems = NULL;
    const char* complaints = "id,received,category\n"
                             "K-1,2026-10-12T09:00:00+08:00,other\n"
                             "K-2,2026-10-12T09:00:00+08:00,other\n";
    /* K-1 assigned to sec-02 of security; K-2's assignment names a team the profile lacks. */
    const char* events = "complaint_id,at,type,nature,handler,team\n"
                         "K-1,2026-10-12T09:01:00+08:00,record,,desk-01,\n"
                         "K-1,2026-10-12T09:02:00+08:00,classify,valid,desk-01,\n"
                         "K-1,2026-10-12T09:03:00+08:00,assign,,sec-02,security\n"
                         "K-2,2026-10-12T09:01:00+08:00,record,,,\n"
                         "K-2,2026-10-12T09:02:00+08:00,classify,valid,,\n"
                         "K-2,2026-10-12T09:03:00+08:00,assign,,x,nobody\n";
    CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_import_csv(l, complaints, PLAINT_NTS, events, PLAINT_NTS, 0, &r,
                                   &problems) == PLAINT_OK);
    CHECK(r.complaints == 2 && r.bad_rows == 1);
    CHECK(problems && strstr(problems, "\"line\":7") != NULL);
    CHECK(problems && strstr(problems, "nobody") != NULL);
    plaint_string_free(problems);
    CHECK(plaint_ledger_view(l, 0, &v) == PLAINT_OK);
    CHECK(text_is(v.handler, v.handler_len, "sec-02") && text_is(v.team, v.team_len, "security"));
    CHECK(plaint_ledger_view(l, 1, &v) == PLAINT_OK);
    CHECK(v.state == PLAINT_STATE_CLASSIFIED && text_is(v.team, v.team_len, ""));
    plaint_ledger_free(l);
}

/* A case's SLA clocks count in the calendar of the team that owns it (README.md, "Teams and
 * their calendars"). Policy p: `resolution`, 8 hours, naming no calendar; equipment goes to
 * greening, which works 09:00-18:00 Monday to Friday in Asia/Shanghai (UTC+8, no daylight
 * saving). Received Friday 2026-03-06T17:00:00+08:00 = 1772787600. By hand: 1 h on Friday
 * (17:00-18:00) and 7 h on Monday (09:00-16:00): due Monday 2026-03-09T16:00:00+08:00 =
 * 1773043200, 71 h after receipt. The case of no team counts round the clock: due Saturday
 * 01:00 = 1772787600 + 8 h = 1772816400. */
static void test_team_calendar_clocks(void) {
    static const char* const profile_json =
        "{\"plaint_profile\": 1,"
        " \"calendars\": {\"office\": {\"timezone\": \"Asia/Shanghai\", \"week\": {"
        "   \"mon\": [[\"09:00\", \"18:00\"]], \"tue\": [[\"09:00\", \"18:00\"]],"
        "   \"wed\": [[\"09:00\", \"18:00\"]], \"thu\": [[\"09:00\", \"18:00\"]],"
        "   \"fri\": [[\"09:00\", \"18:00\"]]}}},"
        " \"policies\": {\"p\": {\"targets\": [{\"kind\": \"resolution\", \"duration\": \"8h\"}]}},"
        " \"teams\": {\"greening\": {\"calendar\": \"office\"}},"
        " \"rules\": {\"sections\": ["
        "   {\"name\": \"policy\", \"hit\": \"first\", \"rows\": ["
        "     {\"id\": \"all\", \"when\": {}, \"then\": {\"sla_policy\": \"p\"}}]},"
        "   {\"name\": \"dispatch\", \"hit\": \"first\", \"rows\": ["
        "     {\"id\": \"equipment\", \"when\": {\"category\": \"equipment\"},"
        "      \"then\": {\"team\": \"greening\"}}]}]}}";
    plaint_profile* p = NULL;
    plaint_ledger* l = NULL;
    plaint_ledger_clock clocks[4];
    plaint_complaint* k = NULL;
    plaint_clock_list* list = NULL;
    plaint_clock one;
    plaint_policy_set* set = NULL;
    plaint_event e;
    size_t n = 0;
    const int64_t received = 1772787600LL;
    CHECK(plaint_profile_from_json(&p, profile_json, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_ledger_new(&l, p) == PLAINT_OK);
    CHECK(plaint_ledger_add_complaint_json(
              l, "{\"id\":\"G\",\"received\":1772787600,\"category\":\"equipment\"}", PLAINT_NTS,
              NULL) == PLAINT_OK);
    CHECK(plaint_ledger_add_complaint_json(
              l, "{\"id\":\"N\",\"received\":1772787600,\"category\":\"other\"}", PLAINT_NTS,
              NULL) == PLAINT_OK);
    plaint_ledger_clock_init(&clocks[0], sizeof clocks[0]);
    CHECK(plaint_ledger_clocks_at(l, received + 30 * MIN, PLAINT_CLOCKS_OPEN, clocks, 4, &n) ==
          PLAINT_OK);
    CHECK(n == 2);
    if (n == 2) {
        CHECK(clocks[0].index == 0 && clocks[0].has_due && clocks[0].due == 1773043200LL);
        CHECK(clocks[0].due - received == 71 * 60 * MIN);
        CHECK(clocks[0].elapsed == 30 * MIN);
        CHECK(clocks[1].index == 1 && clocks[1].has_due && clocks[1].due == 1772816400LL);
    }
    plaint_ledger_free(l);

    /* The same through a complaint and the profile (plaint_profile_clocks). Unassigned and seen
     * half an hour in: dispatched to greening, due Monday 16:00; dispatched nowhere (NULL),
     * Saturday 01:00. Assigned to greening on Friday at 21:00 (1772802000) after 4 h round the
     * clock, the other 4 h count on Monday 09:00-13:00: due 2026-03-09T13:00:00+08:00 =
     * 1773032400. */
    CHECK(plaint_complaint_new(&k, "K", received) == PLAINT_OK);
    e = staff_event(PLAINT_EVENT_RECORD, received + 10 * MIN, NULL, NULL);
    CHECK(plaint_complaint_apply_event(k, &e) == PLAINT_OK);
    e = staff_event(PLAINT_EVENT_CLASSIFY, received + 20 * MIN, NULL, NULL);
    CHECK(plaint_complaint_apply_event(k, &e) == PLAINT_OK);
    e = staff_event(PLAINT_EVENT_ASSIGN, 1772802000LL, "g-1", "greening");
    CHECK(plaint_complaint_apply_event(k, &e) == PLAINT_OK);
    plaint_clock_init(&one, sizeof one);
    CHECK(plaint_profile_clocks(p, k, "p", "greening", received + 30 * MIN, &list) == PLAINT_OK);
    CHECK(plaint_clock_list_get(list, 0, &one) == PLAINT_OK && one.due == 1773043200LL);
    plaint_clock_list_free(list);
    list = NULL;
    CHECK(plaint_profile_clocks(p, k, "p", NULL, received + 30 * MIN, &list) == PLAINT_OK);
    CHECK(plaint_clock_list_get(list, 0, &one) == PLAINT_OK && one.due == 1772816400LL);
    plaint_clock_list_free(list);
    list = NULL;
    CHECK(plaint_profile_clocks(p, k, "p", "", 1772802000LL + MIN, &list) == PLAINT_OK);
    CHECK(plaint_clock_list_get(list, 0, &one) == PLAINT_OK && one.due == 1773032400LL);
    CHECK(one.elapsed == 4 * 60 * MIN);
    plaint_clock_list_free(list);
    list = NULL;
    /* The policy set alone knows no teams: round the clock, Saturday 01:00. */
    CHECK(plaint_profile_policy_set(p, &set) == PLAINT_OK);
    CHECK(plaint_complaint_clocks(k, set, "p", received + 30 * MIN, &list) == PLAINT_OK);
    CHECK(plaint_clock_list_get(list, 0, &one) == PLAINT_OK && one.due == 1772816400LL);
    plaint_clock_list_free(list);
    plaint_policy_set_free(set);
    /* NULL arguments and an unknown policy; `out` unchanged on failure. */
    list = NULL;
    CHECK(plaint_profile_clocks(NULL, k, "p", NULL, received, &list) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_clocks(p, NULL, "p", NULL, received, &list) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_clocks(p, k, NULL, NULL, received, &list) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_clocks(p, k, "p", NULL, received, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_clocks(p, k, "nope", NULL, received, &list) == PLAINT_E_NOT_FOUND);
    CHECK(list == NULL);
    plaint_complaint_free(k);
    plaint_profile_free(p);
}

int main(void) {
    CHECK(PLAINT_VERSION_NUMBER >= 600);
    test_staff_ids();
    test_profile_teams();
    test_default_teams();
    test_decisions();
    test_complaint();
    test_old_event_struct();
    test_ledger();
    test_csv();
    test_team_calendar_clocks();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
