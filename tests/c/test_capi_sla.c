/* The SLA face of the C ABI, exercised from C99: policy sets (default and from JSON), durations,
 * and the clocks of complaints under the default policies, with NULL pointers, indexes out of
 * range, structs too small, bad documents with the place of their first problem, and a policy
 * set freed before the clock lists computed from it.
 *
 * Expected values are worked by hand from DOMAIN.md §5's limits (the default `complaint` policy:
 * record 1 h, first feedback 24 h, resolution 72 h, round the clock, warnings at 75% and 90%;
 * `consultation`: an answer within 1 hour of the office calendar, Mon-Fri 09:00-12:00 and
 * 13:00-18:00 at +08:00, closed 1-7 October 2026) and each complaint's event timeline; the
 * comment beside each says how. Offsets are from T0 = 2026-03-02T09:15:00+08:00. */
#include "plaint/plaint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define T0 1772414100LL /* 2026-03-02T09:15:00+08:00, worked by hand (tests/c/test_capi.c) */
#define H 3600LL
#define MIN 60LL

/* The instant of an ISO 8601 text; a bad text fails the test. */
static int64_t at(const char* iso) {
    int64_t t = 0;
    if (plaint_instant_parse(iso, PLAINT_NTS, &t) != PLAINT_OK) {
        ++failures;
        fprintf(stderr, "cannot parse %s: %s\n", iso, plaint_last_error_message());
    }
    return t;
}

/* The last failure's place, checked field by field. */
static int location_is(const char* pointer, size_t line, size_t column) {
    const char* p = NULL;
    size_t l = 99, col = 99;
    if (plaint_last_error_location(&p, &l, &col) != PLAINT_OK || p == NULL)
        return 0;
    if (strcmp(p, pointer) != 0 || l != line || col != column) {
        fprintf(stderr, "location is '%s' %u:%u\n", p, (unsigned)l, (unsigned)col);
        return 0;
    }
    return 1;
}

static void step(plaint_complaint* c, int32_t type, int64_t t, int32_t role) {
    CHECK(plaint_complaint_apply(c, type, t, role, NULL) == PLAINT_OK);
}

static void classify(plaint_complaint* c, int64_t t) {
    plaint_event e = PLAINT_EVENT_INIT;
    e.type = PLAINT_EVENT_CLASSIFY;
    e.at = t;
    e.role = PLAINT_ROLE_DUTY_STAFF;
    e.nature = PLAINT_NATURE_VALID;
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
}

/* Received at T0; recorded +10 min, classified +20 min, assigned +30 min, started +2 h,
 * waiting on the resident from +5 h to +29 h, resolved +80 h. */
static plaint_complaint* handled(void) {
    plaint_complaint* c = NULL;
    CHECK(plaint_complaint_new(&c, "C", T0) == PLAINT_OK);
    step(c, PLAINT_EVENT_RECORD, T0 + 10 * MIN, PLAINT_ROLE_DUTY_STAFF);
    classify(c, T0 + 20 * MIN);
    step(c, PLAINT_EVENT_ASSIGN, T0 + 30 * MIN, PLAINT_ROLE_DUTY_STAFF);
    step(c, PLAINT_EVENT_START, T0 + 2 * H, PLAINT_ROLE_DUTY_STAFF);
    step(c, PLAINT_EVENT_WAIT, T0 + 5 * H, PLAINT_ROLE_DUTY_STAFF);
    step(c, PLAINT_EVENT_RESUME, T0 + 29 * H, PLAINT_ROLE_DUTY_STAFF);
    step(c, PLAINT_EVENT_RESOLVE, T0 + 80 * H, PLAINT_ROLE_DUTY_STAFF);
    return c;
}

/* The clock of `target`, cycle and round in `list`, copied into `*out`; 0 when there is none. */
static int find(const plaint_clock_list* list, const char* target, int32_t cycle, int32_t round,
                plaint_clock* out) {
    size_t n = 0, i;
    CHECK(plaint_clock_list_count(list, &n) == PLAINT_OK);
    for (i = 0; i < n; ++i) {
        plaint_clock k = PLAINT_CLOCK_INIT;
        CHECK(plaint_clock_list_get(list, i, &k) == PLAINT_OK);
        if (k.target && strcmp(k.target, target) == 0 && k.cycle == cycle && k.round == round) {
            *out = k;
            return 1;
        }
    }
    fprintf(stderr, "no clock %s cycle %d round %d\n", target, (int)cycle, (int)round);
    return 0;
}

/* The clocks of `c` under the default policy `policy` at `t`; NULL on failure. */
static plaint_clock_list* clocks_at(const plaint_policy_set* set, const plaint_complaint* c,
                                    const char* policy, int64_t t) {
    plaint_clock_list* list = NULL;
    CHECK(plaint_complaint_clocks(c, set, policy, t, &list) == PLAINT_OK);
    return list;
}

static int near(double a, double b) {
    double d = a - b;
    return d < 1e-9 && d > -1e-9;
}

static void test_enums(void) {
    const char* name = NULL;
    int32_t code = -1;
    /* The codes of plaint.h equal the C++ enumerations' (include/plaint/enums.hpp), by hand. */
    CHECK(PLAINT_TARGET_RECORD == 1 && PLAINT_TARGET_ACKNOWLEDGE == 2);
    CHECK(PLAINT_TARGET_FIRST_RESPONSE == 3 && PLAINT_TARGET_FIRST_FEEDBACK == 4);
    CHECK(PLAINT_TARGET_RESOLUTION == 5 && PLAINT_TARGET_REPAIR_RESPONSE == 6);
    CHECK(PLAINT_TARGET_REPAIR_COMPLETION == 7 && PLAINT_TARGET_CONSULTATION_ANSWER == 8);
    CHECK(PLAINT_TARGET_RETURN_VISIT == 9 && PLAINT_TARGET_RECTIFICATION == 10);
    CHECK(PLAINT_TARGET_CUSTOM == 11);
    CHECK(PLAINT_CLOCK_NOT_STARTED == 0 && PLAINT_CLOCK_RUNNING == 1 && PLAINT_CLOCK_PAUSED == 2);
    CHECK(PLAINT_CLOCK_MET == 3 && PLAINT_CLOCK_WARNING == 4 && PLAINT_CLOCK_BREACHED == 5);
    CHECK(PLAINT_ENUM_TARGET_KIND == 9 && PLAINT_ENUM_CLOCK_STATE == 10);
    /* Every code has the library's name, and the name parses back to the code. */
    {
        static const char* const kinds[] = {"record",
                                            "acknowledge",
                                            "first_response",
                                            "first_feedback",
                                            "resolution",
                                            "repair_response",
                                            "repair_completion",
                                            "consultation_answer",
                                            "return_visit",
                                            "rectification",
                                            "custom"};
        static const char* const states[] = {"not_started", "running", "paused",
                                             "met",         "warning", "breached"};
        int32_t i;
        for (i = 0; i < 11; ++i) {
            CHECK(plaint_enum_name(PLAINT_ENUM_TARGET_KIND, i + 1, &name) == PLAINT_OK);
            CHECK(name && strcmp(name, kinds[i]) == 0);
            CHECK(plaint_enum_parse(PLAINT_ENUM_TARGET_KIND, kinds[i], &code) == PLAINT_OK);
            CHECK(code == i + 1);
        }
        for (i = 0; i < 6; ++i) {
            CHECK(plaint_enum_name(PLAINT_ENUM_CLOCK_STATE, i, &name) == PLAINT_OK);
            CHECK(name && strcmp(name, states[i]) == 0);
            CHECK(plaint_enum_parse(PLAINT_ENUM_CLOCK_STATE, states[i], &code) == PLAINT_OK);
            CHECK(code == i);
        }
    }
    CHECK(plaint_enum_name(PLAINT_ENUM_TARGET_KIND, 0, &name) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_enum_name(PLAINT_ENUM_TARGET_KIND, 12, &name) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_enum_name(PLAINT_ENUM_CLOCK_STATE, 6, &name) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_enum_name(PLAINT_ENUM_CLOCK_STATE, -1, &name) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_enum_parse(PLAINT_ENUM_CLOCK_STATE, "late", &code) == PLAINT_E_OUT_OF_RANGE);
    CHECK(strstr(plaint_last_error_message(), "not_started, running") != NULL);
    CHECK(plaint_enum_name(12, 0, &name) == PLAINT_E_OUT_OF_RANGE); /* kinds end at 11 (0.7) */
}

static void test_durations(void) {
    int64_t d = -1;
    CHECK(plaint_duration_parse("1h30m", PLAINT_NTS, &d) == PLAINT_OK && d == 5400);
    CHECK(plaint_duration_parse("PT72H", PLAINT_NTS, &d) == PLAINT_OK && d == 259200);
    CHECK(plaint_duration_parse("3600", PLAINT_NTS, &d) == PLAINT_OK && d == 3600);
    CHECK(plaint_duration_parse("P1DT2H", PLAINT_NTS, &d) == PLAINT_OK && d == 93600);
    CHECK(plaint_duration_parse("2d", PLAINT_NTS, &d) == PLAINT_OK && d == 172800);
    /* Length-delimited: only "24h" of "24hours" counts. */
    CHECK(plaint_duration_parse("24hours", 3, &d) == PLAINT_OK && d == 86400);
    d = -1;
    CHECK(plaint_duration_parse("1 hour", PLAINT_NTS, &d) == PLAINT_E_PARSE);
    CHECK(strstr(plaint_last_error_message(), "1 hour") != NULL);
    CHECK(plaint_duration_parse("-5m", PLAINT_NTS, &d) == PLAINT_E_PARSE);
    CHECK(plaint_duration_parse("PT24", PLAINT_NTS, &d) == PLAINT_E_PARSE);
    CHECK(plaint_duration_parse("", PLAINT_NTS, &d) == PLAINT_E_PARSE);
    CHECK(plaint_duration_parse("1h\0"
                                "30m",
                                6, &d) == PLAINT_E_PARSE); /* an embedded NUL */
    CHECK(plaint_duration_parse("9999999999999999h", PLAINT_NTS, &d) == PLAINT_E_OVERFLOW);
    CHECK(plaint_duration_parse("99999999999999999999", PLAINT_NTS, &d) == PLAINT_E_OVERFLOW);
    CHECK(d == -1); /* untouched on failure */
    /* Issue 12: 'T' with no time part, a unit twice, out of order, 'P' or 'PT' alone. */
    {
        static const char* const bad[] = {"P1DT", "1h1h", "PT1H1H", "1m1h", "P", "PT", "P1DT1D"};
        size_t i;
        for (i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
            CHECK(plaint_duration_parse(bad[i], PLAINT_NTS, &d) == PLAINT_E_PARSE);
            CHECK(d == -1);
        }
        CHECK(plaint_duration_parse("1h1h", PLAINT_NTS, &d) == PLAINT_E_PARSE);
        CHECK(strstr(plaint_last_error_message(), "twice") != NULL);
        /* 2^64 - 1 and a day count one past int64 seconds: too large, never "positive". */
        CHECK(plaint_duration_parse("18446744073709551615", PLAINT_NTS, &d) == PLAINT_E_OVERFLOW);
        CHECK(strstr(plaint_last_error_message(), "too large") != NULL);
        CHECK(plaint_duration_parse("106751991167301d", PLAINT_NTS, &d) == PLAINT_E_OVERFLOW);
        CHECK(d == -1);
        CHECK(plaint_duration_parse("1d2h3m4s", PLAINT_NTS, &d) == PLAINT_OK && d == 93784);
    }
    /* The same number as a policy document's duration: too large, not "must be positive". */
    {
        plaint_policy_set* set = NULL;
        CHECK(plaint_policy_set_from_json(&set,
                                          "{\"policies\": {\"p\": {\"targets\": [{\"kind\": "
                                          "\"record\", \"duration\": 18446744073709551615}]}}}",
                                          PLAINT_NTS) == PLAINT_E_VALIDATION);
        CHECK(set == NULL);
        CHECK(strstr(plaint_last_error_message(), "too large") != NULL);
        CHECK(strstr(plaint_last_error_message(), "positive") == NULL);
    }
    CHECK(plaint_duration_parse(NULL, 0, &d) == PLAINT_E_PARSE); /* empty */
    CHECK(plaint_duration_parse(NULL, 3, &d) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_duration_parse("1h", PLAINT_NTS, NULL) == PLAINT_E_INVALID_ARGUMENT);
}

static void test_default_set(void) {
    plaint_policy_set* set = NULL;
    plaint_policy_set* again = NULL;
    plaint_calendar* office = NULL;
    plaint_calendar* always = NULL;
    const char* name = NULL;
    size_t n = 0;
    int64_t t = 0;
    char* json = NULL;
    char* json2 = NULL;
    static const char* const names[] = {"complaint", "consultation", "feedback", "repair",
                                        "repair_urgent"};
    size_t i;

    CHECK(plaint_policy_set_default(&set) == PLAINT_OK && set != NULL);
    CHECK(plaint_policy_set_policy_count(set, &n) == PLAINT_OK && n == 5);
    for (i = 0; i < 5; ++i) {
        CHECK(plaint_policy_set_policy_name(set, i, &name) == PLAINT_OK);
        CHECK(name && strcmp(name, names[i]) == 0); /* sorted */
    }
    name = NULL;
    CHECK(plaint_policy_set_policy_name(set, 5, &name) == PLAINT_E_OUT_OF_RANGE);
    CHECK(strstr(plaint_last_error_message(), "5 policies") != NULL);
    CHECK(plaint_policy_set_policy_name(set, (size_t)-1, &name) == PLAINT_E_OUT_OF_RANGE);
    CHECK(name == NULL);

    /* The office calendar: 17:30 on 30 Sep + 1 h is 30 min to 18:00, closed 1-7 Oct, then
     * 30 min from 09:00 on 8 Oct. */
    CHECK(plaint_policy_set_calendar(set, "office", &office) == PLAINT_OK);
    CHECK(plaint_calendar_add(office, at("2026-09-30T17:30:00+08:00"), H, &t) == PLAINT_OK);
    CHECK(t == at("2026-10-08T09:30:00+08:00"));
    CHECK(plaint_policy_set_calendar(set, "24x7", &always) == PLAINT_OK);
    CHECK(plaint_calendar_add(always, 0, 100, &t) == PLAINT_OK && t == 100);
    CHECK(plaint_policy_set_calendar(set, "nowhere", &always) == PLAINT_E_NOT_FOUND);
    CHECK(strstr(plaint_last_error_message(), "nowhere") != NULL);

    /* The JSON form reads back as an equal set. */
    CHECK(plaint_policy_set_to_json(set, &json) == PLAINT_OK && json != NULL);
    CHECK(json && strstr(json, "\"first_feedback\"") != NULL);
    CHECK(plaint_policy_set_from_json(&again, json, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_policy_set_to_json(again, &json2) == PLAINT_OK);
    CHECK(json && json2 && strcmp(json, json2) == 0);
    plaint_string_free(json);
    plaint_string_free(json2);
    plaint_policy_set_free(again);

    /* Each default handle is a handle of its own: freeing one leaves the others, and the
     * calendars taken from it, usable. */
    CHECK(plaint_policy_set_default(&again) == PLAINT_OK);
    plaint_policy_set_free(set);
    CHECK(plaint_policy_set_policy_count(again, &n) == PLAINT_OK && n == 5);
    CHECK(plaint_calendar_add(office, at("2026-09-30T17:30:00+08:00"), H, &t) == PLAINT_OK);
    CHECK(t == at("2026-10-08T09:30:00+08:00"));
    CHECK(plaint_calendar_add(always, 0, 100, &t) == PLAINT_OK && t == 100);
    plaint_calendar_free(office);
    plaint_calendar_free(always);
    plaint_policy_set_free(again);
}

static void test_a_complaint_while_handled(void) {
    plaint_policy_set* set = NULL;
    plaint_complaint* c = handled();
    plaint_clock_list* list;
    plaint_clock k = PLAINT_CLOCK_INIT;
    size_t n = 0;
    CHECK(plaint_policy_set_default(&set) == PLAINT_OK);

    /* At +30 min. */
    list = clocks_at(set, c, "complaint", T0 + 30 * MIN);
    /* One clock per target of the default complaint policy: record, first_feedback,
     * resolution, rectification (not started: round 0). */
    CHECK(plaint_clock_list_count(list, &n) == PLAINT_OK && n == 4);
    CHECK(plaint_clock_list_get(list, 0, &k) == PLAINT_OK);
    CHECK(strcmp(k.target, "record") == 0 && k.kind == PLAINT_TARGET_RECORD);
    /* Recorded at +10 min: met, 10 min used, due +1 h. */
    CHECK(find(list, "record", 1, 1, &k));
    CHECK(k.state == PLAINT_CLOCK_MET && k.elapsed == 10 * MIN && k.duration == H);
    CHECK(k.has_due && k.due == T0 + H && k.has_stopped && k.stopped == T0 + 10 * MIN);
    CHECK(k.has_started && k.started == T0 && !k.has_breached_at && k.breached_at == 0);
    CHECK(k.escalate_to == PLAINT_ROLE_NONE && k.remaining == 50 * MIN);
    /* First feedback, stopped by the start at +2 h: still running at +30 min. */
    CHECK(find(list, "first_feedback", 1, 1, &k));
    CHECK(k.kind == PLAINT_TARGET_FIRST_FEEDBACK);
    CHECK(k.state == PLAINT_CLOCK_RUNNING && k.elapsed == 30 * MIN);
    CHECK(k.remaining == 24 * H - 30 * MIN && k.has_due && k.due == T0 + 24 * H);
    CHECK(!k.has_stopped && k.stopped == 0);
    CHECK(near(k.percent, 100.0 * 1800.0 / 86400.0)); /* 30 min of 24 h */
    /* Warnings at 75% and 90% of 24 h: +18 h and +21 h 36 min. */
    CHECK(k.warning_count == 2 && k.warnings[0] == T0 + 18 * H);
    CHECK(k.warnings[1] == T0 + 21 * H + 36 * MIN && k.warnings[2] == 0 && k.warnings[3] == 0);
    CHECK(find(list, "rectification", 1, 0, &k));
    CHECK(k.state == PLAINT_CLOCK_NOT_STARTED && k.kind == PLAINT_TARGET_RECTIFICATION);
    CHECK(!k.has_started && !k.has_due && k.warning_count == 0);
    plaint_clock_list_free(list);

    /* At +10 h, waiting since +5 h: 5 h counted; due projected as if it resumed now, 67 h on. */
    list = clocks_at(set, c, "complaint", T0 + 10 * H);
    CHECK(find(list, "resolution", 1, 1, &k));
    CHECK(k.state == PLAINT_CLOCK_PAUSED && k.elapsed == 5 * H);
    CHECK(k.has_due && k.due == T0 + 10 * H + 67 * H);
    plaint_clock_list_free(list);

    /* At +100 h, resolved at +80 h: 5 h before the wait and 51 h after it, 56 h of 72 h; due
     * +96 h (5 h, then 67 h from +29 h): met. */
    list = clocks_at(set, c, "complaint", T0 + 100 * H);
    CHECK(find(list, "resolution", 1, 1, &k));
    CHECK(k.kind == PLAINT_TARGET_RESOLUTION && k.state == PLAINT_CLOCK_MET);
    CHECK(k.elapsed == 56 * H && k.remaining == 16 * H && k.duration == 72 * H);
    CHECK(k.has_due && k.due == T0 + 96 * H);
    CHECK(k.has_stopped && k.stopped == T0 + 80 * H && !k.has_breached_at);
    CHECK(near(k.percent, 100.0 * 56.0 / 72.0));
    /* Warnings at 54 h and 64.8 h of running time: 5 h, then 49 h and 59 h 48 min from +29 h. */
    CHECK(k.warning_count == 2 && k.warnings[0] == T0 + 78 * H);
    CHECK(k.warnings[1] == T0 + 88 * H + 48 * MIN);
    CHECK(find(list, "first_feedback", 1, 1, &k));
    CHECK(k.state == PLAINT_CLOCK_MET && k.elapsed == 2 * H);
    plaint_clock_list_free(list);

    /* Unknown policies; instants beyond the years a calendar computes. */
    list = NULL;
    CHECK(plaint_complaint_clocks(c, set, "nothing", T0, &list) == PLAINT_E_NOT_FOUND);
    CHECK(strstr(plaint_last_error_message(), "nothing") != NULL);
    CHECK(plaint_complaint_clocks(c, set, "", T0, &list) == PLAINT_E_NOT_FOUND);
    CHECK(list == NULL);
    /* Every clock of `c` stopped by +80 h, so a far query instant is never counted to ... */
    CHECK(plaint_complaint_clocks(c, set, "complaint", at("2300-01-01T00:00:00Z"), &list) ==
          PLAINT_OK);
    plaint_clock_list_free(list);
    list = NULL;
    /* ... but a clock still running is: year 2300 lies beyond 2199. */
    {
        plaint_complaint* fresh = NULL;
        CHECK(plaint_complaint_new(&fresh, "D", T0) == PLAINT_OK);
        CHECK(plaint_complaint_clocks(fresh, set, "complaint", at("2300-01-01T00:00:00Z"), &list) ==
              PLAINT_E_OUT_OF_RANGE);
        CHECK(list == NULL);
        plaint_complaint_free(fresh);
    }
    plaint_complaint_free(c);
    plaint_policy_set_free(set);
}

static void test_breaches_name_the_role(void) {
    plaint_policy_set* set = NULL;
    plaint_complaint* c = NULL;
    plaint_clock_list* list;
    plaint_clock k = PLAINT_CLOCK_INIT;
    CHECK(plaint_policy_set_default(&set) == PLAINT_OK);
    CHECK(plaint_complaint_new(&c, "C", T0) == PLAINT_OK);
    step(c, PLAINT_EVENT_RECORD, T0 + 2 * H, PLAINT_ROLE_DUTY_STAFF); /* an hour late */

    /* At +19 h: record stopped late, breached at its due instant +1 h; no role to escalate to.
     * First feedback: 19 h of 24 is past the 75% warning; it escalates only on breach. */
    list = clocks_at(set, c, "complaint", T0 + 19 * H);
    CHECK(find(list, "record", 1, 1, &k));
    CHECK(k.state == PLAINT_CLOCK_BREACHED && k.has_breached_at && k.breached_at == T0 + H);
    CHECK(k.escalate_to == PLAINT_ROLE_NONE && k.remaining == -H);
    CHECK(find(list, "first_feedback", 1, 1, &k));
    CHECK(k.state == PLAINT_CLOCK_WARNING && k.escalate_to == PLAINT_ROLE_NONE);
    plaint_clock_list_free(list);

    /* At +25 h: first feedback an hour over, escalating to the customer-service manager. */
    list = clocks_at(set, c, "complaint", T0 + 25 * H);
    CHECK(find(list, "first_feedback", 1, 1, &k));
    CHECK(k.state == PLAINT_CLOCK_BREACHED && k.breached_at == T0 + 24 * H);
    CHECK(k.escalate_to == PLAINT_ROLE_CS_MANAGER && k.remaining == -H);
    CHECK(near(k.percent, 100.0 * 25.0 / 24.0));
    plaint_clock_list_free(list);

    /* Resolution: 54 h is 75% of 72 h, warning to the manager; past 72 h, to the general
     * manager. Exactly at the due instant it is not late yet. */
    list = clocks_at(set, c, "complaint", T0 + 54 * H - 1);
    CHECK(find(list, "resolution", 1, 1, &k) && k.state == PLAINT_CLOCK_RUNNING);
    CHECK(k.escalate_to == PLAINT_ROLE_NONE);
    plaint_clock_list_free(list);
    list = clocks_at(set, c, "complaint", T0 + 54 * H);
    CHECK(find(list, "resolution", 1, 1, &k) && k.state == PLAINT_CLOCK_WARNING);
    CHECK(k.escalate_to == PLAINT_ROLE_CS_MANAGER);
    plaint_clock_list_free(list);
    list = clocks_at(set, c, "complaint", T0 + 72 * H);
    CHECK(find(list, "resolution", 1, 1, &k) && k.state == PLAINT_CLOCK_WARNING);
    CHECK(k.remaining == 0 && !k.has_breached_at);
    plaint_clock_list_free(list);
    list = clocks_at(set, c, "complaint", T0 + 72 * H + 1);
    CHECK(find(list, "resolution", 1, 1, &k) && k.state == PLAINT_CLOCK_BREACHED);
    CHECK(k.escalate_to == PLAINT_ROLE_GENERAL_MANAGER && k.breached_at == T0 + 72 * H);
    plaint_clock_list_free(list);
    plaint_complaint_free(c);
    plaint_policy_set_free(set);
}

static void test_office_hours_around_national_day(void) {
    plaint_policy_set* set = NULL;
    plaint_complaint* c = NULL;
    plaint_clock_list* list;
    plaint_clock k = PLAINT_CLOCK_INIT;
    CHECK(plaint_policy_set_default(&set) == PLAINT_OK);
    /* Wednesday 30 Sep 2026, 17:30: half an hour before closing on the eve of National Day;
     * the office reopens on Thursday 8 Oct at 09:00. */
    CHECK(plaint_complaint_new(&c, "C", at("2026-09-30T17:30:00+08:00")) == PLAINT_OK);
    list = clocks_at(set, c, "consultation", at("2026-10-05T12:00:00+08:00"));
    CHECK(find(list, "consultation_answer", 1, 1, &k));
    CHECK(k.kind == PLAINT_TARGET_CONSULTATION_ANSWER && k.state == PLAINT_CLOCK_RUNNING);
    /* 30 minutes of office time, half the hour. */
    CHECK(k.elapsed == 30 * MIN && k.remaining == 30 * MIN && near(k.percent, 50.0));
    CHECK(k.has_due && k.due == at("2026-10-08T09:30:00+08:00"));
    /* 75% of an hour is 45 minutes: 30 on 30 Sep, 15 on 8 Oct; 90% is 54: 24 on 8 Oct. */
    CHECK(k.warning_count == 2 && k.warnings[0] == at("2026-10-08T09:15:00+08:00"));
    CHECK(k.warnings[1] == at("2026-10-08T09:24:00+08:00"));
    /* Round the clock the same complaint's record clock is long breached. */
    CHECK(find(list, "record", 1, 1, &k) && k.state == PLAINT_CLOCK_BREACHED);
    CHECK(k.breached_at == at("2026-09-30T18:30:00+08:00"));
    plaint_clock_list_free(list);
    plaint_complaint_free(c);
    plaint_policy_set_free(set);
}

static void test_rectification_rounds(void) {
    plaint_policy_set* set = NULL;
    plaint_complaint* c = handled();
    plaint_clock_list* list;
    plaint_clock k = PLAINT_CLOCK_INIT;
    plaint_event u = PLAINT_EVENT_INIT;
    CHECK(plaint_policy_set_default(&set) == PLAINT_OK);
    {
        plaint_event v = PLAINT_EVENT_INIT;
        v.type = PLAINT_EVENT_VISIT;
        v.at = T0 + 90 * H;
        v.role = PLAINT_ROLE_DUTY_STAFF;
        v.visit_method = PLAINT_VISIT_PHONE;
        CHECK(plaint_complaint_apply_event(c, &v) == PLAINT_OK);
    }
    /* Unsatisfied at +91 h with 48 h to rectify: due +139 h. */
    u.type = PLAINT_EVENT_UNSATISFIED;
    u.at = T0 + 91 * H;
    u.role = PLAINT_ROLE_DUTY_STAFF;
    u.has_deadline = 1;
    u.deadline = T0 + 139 * H;
    CHECK(plaint_complaint_apply_event(c, &u) == PLAINT_OK);
    list = clocks_at(set, c, "complaint", T0 + 100 * H);
    CHECK(find(list, "rectification", 1, 1, &k));
    CHECK(k.state == PLAINT_CLOCK_RUNNING && k.due == T0 + 139 * H);
    CHECK(k.duration == 48 * H && k.elapsed == 9 * H && k.started == T0 + 91 * H);
    plaint_clock_list_free(list);
    /* Resolved two hours late at +141 h, visited +150 h, unsatisfied again at +151 h with a
     * deadline of +175 h: round 1 breached at +139 h, round 2 running. */
    step(c, PLAINT_EVENT_RESOLVE, T0 + 141 * H, PLAINT_ROLE_DUTY_STAFF);
    {
        plaint_event v = PLAINT_EVENT_INIT;
        v.type = PLAINT_EVENT_VISIT;
        v.at = T0 + 150 * H;
        v.role = PLAINT_ROLE_DUTY_STAFF;
        v.visit_method = PLAINT_VISIT_PHONE;
        CHECK(plaint_complaint_apply_event(c, &v) == PLAINT_OK);
    }
    u.at = T0 + 151 * H;
    u.deadline = T0 + 175 * H;
    CHECK(plaint_complaint_apply_event(c, &u) == PLAINT_OK);
    list = clocks_at(set, c, "complaint", T0 + 152 * H);
    CHECK(find(list, "rectification", 1, 1, &k));
    CHECK(k.state == PLAINT_CLOCK_BREACHED && k.breached_at == T0 + 139 * H);
    CHECK(k.escalate_to == PLAINT_ROLE_CS_MANAGER);
    CHECK(find(list, "rectification", 1, 2, &k));
    CHECK(k.state == PLAINT_CLOCK_RUNNING && k.due == T0 + 175 * H);
    plaint_clock_list_free(list);
    plaint_complaint_free(c);
    plaint_policy_set_free(set);
}

static void test_documents_and_locations(void) {
    plaint_policy_set* set = NULL;
    plaint_complaint* c = handled();
    plaint_clock_list* list = NULL;
    plaint_clock k = PLAINT_CLOCK_INIT;
    size_t n = 9;
    const char* name = NULL;
    /* A stricter resolution target: 48 h, one warning at 50%. */
    static const char strict[] = "{\"policies\": {\"strict\": {\"targets\": ["
                                 "{\"kind\": \"resolution\", \"duration\": \"48h\", "
                                 "\"warn\": [0.5]}]}}}";
    /* The calendar 'nowhere' is undefined: its value "nowhere" starts at column 82, counted by
     * hand (places point at the value, as for calendars). */
    static const char undefined[] = "{\"policies\": {\"p\": {\"targets\": [{\"kind\": \"record\", "
                                    "\"duration\": \"1h\", \"calendar\": \"nowhere\"}]}}}";
    /* Two problems, written policies first: problems are listed in document order, so the
     * first reported is the undefined calendar at column 82; /calendars/24x7 (its value at
     * column 119) comes second. */
    static const char two[] = "{\"policies\": {\"p\": {\"targets\": [{\"kind\": \"record\", "
                              "\"duration\": \"1h\", \"calendar\": \"nowhere\"}]}}, "
                              "\"calendars\": {\"24x7\": \"24x7\"}}";

    /* The same history under a changed policy: 5 h, then 43 h from +29 h, due +72 h; resolved
     * at +80 h, breached; the one warning at 24 h of running time: 5 h + 19 h from +29 h. */
    CHECK(plaint_policy_set_from_json(&set, strict, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_policy_set_policy_count(set, &n) == PLAINT_OK && n == 1);
    CHECK(plaint_policy_set_policy_name(set, 0, &name) == PLAINT_OK);
    CHECK(name && strcmp(name, "strict") == 0);
    CHECK(plaint_complaint_clocks(c, set, "strict", T0 + 100 * H, &list) == PLAINT_OK);
    CHECK(plaint_clock_list_count(list, &n) == PLAINT_OK && n == 1);
    CHECK(find(list, "resolution", 1, 1, &k));
    CHECK(k.due == T0 + 72 * H && k.state == PLAINT_CLOCK_BREACHED);
    CHECK(k.breached_at == T0 + 72 * H && k.warning_count == 1 && k.warnings[0] == T0 + 48 * H);
    CHECK(k.escalate_to == PLAINT_ROLE_NONE); /* the target names no role */
    plaint_clock_list_free(list);
    plaint_policy_set_free(set);
    set = NULL;

    /* No policies at all is a valid set: every index is out of range. */
    CHECK(plaint_policy_set_from_json(&set, "{}", PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_policy_set_policy_count(set, &n) == PLAINT_OK && n == 0);
    CHECK(plaint_policy_set_policy_name(set, 0, &name) == PLAINT_E_OUT_OF_RANGE);
    list = NULL;
    CHECK(plaint_complaint_clocks(c, set, "complaint", T0, &list) == PLAINT_E_NOT_FOUND);
    CHECK(list == NULL);
    plaint_policy_set_free(set);
    set = NULL;

    CHECK(plaint_policy_set_from_json(&set, undefined, PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(set == NULL);
    CHECK(location_is("/policies/p/targets/0/calendar", 1, 82));
    CHECK(strstr(plaint_last_error_message(), "undefined calendar 'nowhere'") != NULL);
    CHECK(plaint_policy_set_from_json(&set, two, PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(location_is("/policies/p/targets/0/calendar", 1, 82));
    CHECK(strstr(plaint_last_error_message(), "has 2 problems") != NULL);
    CHECK(strstr(plaint_last_error_message(), "/calendars/24x7") != NULL);
    /* Wrong shapes and values. */
    CHECK(plaint_policy_set_from_json(&set, "[]", PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(location_is("/", 0, 0));
    CHECK(plaint_policy_set_from_json(&set, "{\"policy\": {}}", PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(location_is("/policy", 1, 12));
    CHECK(plaint_policy_set_from_json(&set,
                                      "{\"policies\": {\"p\": {\"targets\": "
                                      "[{\"kind\": \"record\", \"duration\": \"1 hour\"}]}}}",
                                      PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(location_is("/policies/p/targets/0/duration", 1, 64));
    CHECK(plaint_policy_set_from_json(&set, "{\"policies\": {\"q\": {\"targets\": []}}}",
                                      PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(location_is("/policies/q/targets", 1, 32));
    /* Problems inside a calendar keep their place in it; an unknown zone is one of them. The
     * interval's "[" is column 44 and the calendar's "{" column 21, counted by hand. */
    CHECK(plaint_policy_set_from_json(&set,
                                      "{\"calendars\": {\"office\": {\"week\": {\"mon\": "
                                      "[[\"09:00\", \"25:00\"]]}}}}",
                                      PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(location_is("/calendars/office/week/mon/0", 1, 44));
    CHECK(plaint_policy_set_from_json(&set, "{\"calendars\": {\"x\": {\"timezone\": \"XYZ\"}}}",
                                      PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(location_is("/calendars/x", 1, 21));
    CHECK(set == NULL);

    /* Malformed text: the place is a line and column (the "}" where a value should be). */
    CHECK(plaint_policy_set_from_json(&set, "{\n\"policies\": }", PLAINT_NTS) == PLAINT_E_PARSE);
    CHECK(location_is("/policies", 2, 13)); /* and the value it was reading (issue 12) */
    /* A NUL byte is not JSON, even at the end of the given length. */
    CHECK(plaint_policy_set_from_json(&set, "{}\0", 3) == PLAINT_E_PARSE);
    CHECK(location_is("", 1, 3));
    CHECK(plaint_policy_set_from_json(&set, "{}garbage", 2) == PLAINT_OK); /* length-delimited */
    plaint_policy_set_free(set);
    set = NULL;
    CHECK(plaint_policy_set_from_json(&set, NULL, 0) == PLAINT_E_PARSE);
    CHECK(plaint_policy_set_from_json(&set, "", PLAINT_NTS) == PLAINT_E_PARSE);
    /* Hostile sizes: nested too deep, and over 16 MiB. */
    {
        char deep[201];
        char* big;
        memset(deep, '[', 100);
        memset(deep + 100, ']', 100);
        deep[200] = '\0';
        CHECK(plaint_policy_set_from_json(&set, deep, PLAINT_NTS) == PLAINT_E_TOO_LARGE);
        big = malloc((17u << 20) + 1);
        CHECK(big != NULL);
        if (big) {
            memset(big, ' ', 17u << 20);
            big[17u << 20] = '\0';
            CHECK(plaint_policy_set_from_json(&set, big, 17u << 20) == PLAINT_E_TOO_LARGE);
            free(big);
        }
    }
    CHECK(set == NULL);
    plaint_complaint_free(c);
}

static void test_null_range_and_sizes(void) {
    plaint_policy_set* set = NULL;
    plaint_complaint* c = handled();
    plaint_clock_list* list = NULL;
    plaint_calendar* cal = NULL;
    plaint_clock k = PLAINT_CLOCK_INIT;
    const char* name = NULL;
    char* s = NULL;
    size_t n = 0;
    CHECK(plaint_policy_set_default(&set) == PLAINT_OK);

    CHECK(plaint_policy_set_from_json(NULL, "{}", PLAINT_NTS) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_policy_set_from_json(&set, NULL, PLAINT_NTS) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_policy_set_default(NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_policy_set_to_json(NULL, &s) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_policy_set_to_json(set, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_policy_set_policy_count(NULL, &n) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_policy_set_policy_count(set, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_policy_set_policy_name(NULL, 0, &name) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_policy_set_policy_name(set, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_policy_set_calendar(NULL, "office", &cal) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_policy_set_calendar(set, NULL, &cal) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_policy_set_calendar(set, "office", NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_clocks(NULL, set, "complaint", T0, &list) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_clocks(c, NULL, "complaint", T0, &list) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_clocks(c, set, NULL, T0, &list) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_clocks(c, set, "complaint", T0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(strstr(plaint_last_error_message(), "NULL") != NULL);
    CHECK(plaint_clock_list_count(NULL, &n) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_clock_list_get(NULL, 0, &k) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(s == NULL && cal == NULL && list == NULL && name == NULL);
    plaint_policy_set_free(NULL);
    plaint_clock_list_free(NULL);
    plaint_clock_init(NULL, sizeof(plaint_clock));

    list = clocks_at(set, c, "complaint", T0 + 100 * H);
    CHECK(plaint_clock_list_count(list, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_clock_list_get(list, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_clock_list_count(list, &n) == PLAINT_OK && n == 4);
    CHECK(plaint_clock_list_get(list, 4, &k) == PLAINT_E_OUT_OF_RANGE);
    CHECK(strstr(plaint_last_error_message(), "4 clocks") != NULL);
    CHECK(plaint_clock_list_get(list, (size_t)-1, &k) == PLAINT_E_OUT_OF_RANGE);
    CHECK(k.target == NULL); /* untouched */
    /* A struct smaller than the 0.2 one is refused, and left as it was. */
    k.size = (uint32_t)(sizeof(plaint_clock) - 1);
    CHECK(plaint_clock_list_get(list, 0, &k) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(strstr(plaint_last_error_message(), "PLAINT_CLOCK_INIT") != NULL);
    k.size = 0;
    CHECK(plaint_clock_list_get(list, 0, &k) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(k.target == NULL);
    /* A larger struct (a caller of a later version) gets the 0.2 fields and nothing past. */
    {
        unsigned char buf[sizeof(plaint_clock) + 16];
        plaint_clock* p = (plaint_clock*)(void*)buf;
        memset(buf, 0xab, sizeof buf);
        plaint_clock_init(p, sizeof buf);
        CHECK(p->size == sizeof buf && p->target == NULL && p->warning_count == 0);
        CHECK(buf[sizeof(plaint_clock)] == 0); /* zeroed: the caller said it is that large */
        memset(buf + sizeof(plaint_clock), 0xab, 16);
        CHECK(plaint_clock_list_get(list, 0, p) == PLAINT_OK);
        CHECK(p->target && strcmp(p->target, "record") == 0);
        CHECK(buf[sizeof(plaint_clock)] == 0xab && buf[sizeof buf - 1] == 0xab);
        /* plaint_clock_init zeroes exactly what it is told, and ignores a size too small. */
        memset(buf, 0xab, sizeof buf);
        plaint_clock_init(p, sizeof(plaint_clock));
        CHECK(p->size == sizeof(plaint_clock) && p->due == 0);
        CHECK(buf[sizeof(plaint_clock)] == 0xab);
        plaint_clock_init(p, 2);
        CHECK(p->size == sizeof(plaint_clock));
    }
    /* PLAINT_CLOCK_INIT and plaint_clock_init agree. */
    {
        plaint_clock a = PLAINT_CLOCK_INIT, b;
        plaint_clock_init(&b, sizeof b);
        CHECK(a.size == b.size && a.target == b.target && a.state == b.state);
        CHECK(a.warning_count == b.warning_count && a.warnings[3] == b.warnings[3]);
    }
    plaint_clock_list_free(list);
    plaint_complaint_free(c);
    plaint_policy_set_free(set);
}

static void test_any_free_order(void) {
    plaint_policy_set* set = NULL;
    plaint_complaint* c = handled();
    plaint_clock_list* list = NULL;
    plaint_calendar* always = NULL;
    plaint_clock k = PLAINT_CLOCK_INIT;
    size_t n = 0;
    int64_t t = 0;
    /* A set of its own (not the default), with a target name that is not a kind's. */
    static const char doc[] = "{\"policies\": {\"p\": {\"targets\": [{\"kind\": \"resolution\", "
                              "\"name\": \"result in three days\", \"duration\": \"PT72H\"}]}}}";
    CHECK(plaint_policy_set_from_json(&set, doc, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_policy_set_calendar(set, "24x7", &always) == PLAINT_OK);
    CHECK(plaint_complaint_clocks(c, set, "p", T0 + 100 * H, &list) == PLAINT_OK);
    /* The set and the complaint go first; the list and the calendar live on. */
    plaint_policy_set_free(set);
    plaint_complaint_free(c);
    CHECK(plaint_clock_list_count(list, &n) == PLAINT_OK && n == 1);
    CHECK(plaint_clock_list_get(list, 0, &k) == PLAINT_OK);
    CHECK(k.target && strcmp(k.target, "result in three days") == 0);
    CHECK(k.state == PLAINT_CLOCK_MET && k.elapsed == 56 * H && k.due == T0 + 96 * H);
    CHECK(plaint_calendar_add(always, 0, 100, &t) == PLAINT_OK && t == 100);
    plaint_calendar_free(always);
    /* `target` is valid until the list is freed. */
    CHECK(strcmp(k.target, "result in three days") == 0);
    plaint_clock_list_free(list);
}

int main(void) {
    test_enums();
    test_durations();
    test_default_set();
    test_a_complaint_while_handled();
    test_breaches_name_the_role();
    test_office_hours_around_national_day();
    test_rectification_rounds();
    test_documents_and_locations();
    test_null_range_and_sizes();
    test_any_free_order();
    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
