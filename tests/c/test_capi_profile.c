/* The profile face of the C ABI, exercised from C99: the default profile and profiles from JSON
 * and files, decisions and their explanations, the batch classification over columns, the list
 * of every problem of a bad document, complaints as JSON, with NULL pointers, indexes and codes
 * out of range, and handles freed in any order.
 *
 * Expected values come from DOMAIN.md as the default profile encodes it, the same cases as
 * tests/unit/test_profile.cpp and tests/unit/test_json_forms.cpp (the comment beside each says
 * which): §3 natures (a complaint that reached the media is major, P1, escalated to the
 * general manager; a question is a consultation under the `consultation` policy), §4 return
 * visits (on site for major ones, a meeting for 10 or more reporters, by phone otherwise).
 * Positions in the bad profile were counted by hand (test_profile.cpp). */
#include "plaint/plaint.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define T0 1772414100LL /* 2026-03-02T09:15:00+08:00, worked by hand (tests/c/test_capi.c) */

/* A new complaint received at T0 with these facts; content may be NULL. */
static plaint_complaint* complaint(const char* id, int32_t channel, int32_t category,
                                   int32_t reporters, const char* content) {
    plaint_complaint* c = NULL;
    CHECK(plaint_complaint_new(&c, id, T0) == PLAINT_OK);
    CHECK(plaint_complaint_set_channel(c, channel) == PLAINT_OK);
    CHECK(plaint_complaint_set_category(c, category) == PLAINT_OK);
    CHECK(plaint_complaint_set_reporter_count(c, reporters) == PLAINT_OK);
    if (content)
        CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_CONTENT, content, PLAINT_NTS) == PLAINT_OK);
    return c;
}

static int32_t get(int (*f)(const plaint_decision*, int32_t*), const plaint_decision* d) {
    int32_t v = -99;
    CHECK(f(d, &v) == PLAINT_OK);
    return v;
}

static int has_tag(const plaint_decision* d, const char* tag) {
    size_t n = 0, i;
    CHECK(plaint_decision_tag_count(d, &n) == PLAINT_OK);
    for (i = 0; i < n; ++i) {
        const char* t = NULL;
        CHECK(plaint_decision_tag(d, i, &t) == PLAINT_OK);
        if (t && strcmp(t, tag) == 0)
            return 1;
    }
    return 0;
}

/* Problem `i` of the last failure, checked field by field. */
static int problem_is(size_t i, const char* pointer, size_t line, size_t column) {
    const char* p = NULL;
    const char* m = NULL;
    size_t l = 99, col = 99;
    if (plaint_last_error_problem(i, &p, &l, &col, &m) != PLAINT_OK || !p || !m)
        return 0;
    if (strcmp(p, pointer) != 0 || l != line || col != column) {
        fprintf(stderr, "problem %u is '%s' %u:%u %s\n", (unsigned)i, p, (unsigned)l, (unsigned)col,
                m);
        return 0;
    }
    return 1;
}

static void test_default_decisions(void) {
    plaint_profile* p = NULL;
    plaint_decision* d = NULL;
    plaint_complaint* c;
    const char* s = NULL;
    char* json = NULL;
    size_t n = 99;

    CHECK(plaint_profile_default(&p) == PLAINT_OK);
    CHECK(plaint_profile_warning_count(p, &n) == PLAINT_OK && n == 0);

    /* test_json_forms.cpp: a complaint that reached the media, nothing else set. */
    c = complaint("M", PLAINT_CHANNEL_MEDIA, PLAINT_CATEGORY_OTHER, 1, NULL);
    CHECK(plaint_profile_classify(p, c, T0 + 60, NULL, &d) == PLAINT_OK);
    CHECK(get(plaint_decision_nature, d) == PLAINT_NATURE_MAJOR);
    CHECK(get(plaint_decision_severity, d) == PLAINT_SEVERITY_P1);
    CHECK(get(plaint_decision_escalate_to, d) == PLAINT_ROLE_GENERAL_MANAGER);
    CHECK(get(plaint_decision_visit_method, d) == PLAINT_VISIT_ON_SITE);
    CHECK(plaint_decision_sla_policy(d, &s) == PLAINT_OK && s && strcmp(s, "complaint") == 0);
    CHECK(plaint_decision_tag_count(d, &n) == PLAINT_OK && n == 0);
    CHECK(plaint_decision_matched_count(d, &n) == PLAINT_OK && n == 3);
    CHECK(plaint_decision_matched(d, 1, &s) == PLAINT_OK && strcmp(s, "reached-authorities") == 0);
    CHECK(plaint_decision_matched(d, 3, &s) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_decision_tag(d, 0, &s) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_decision_to_json(d, &json) == PLAINT_OK);
    CHECK(json && strcmp(json, "{\"escalate_to\":\"general_manager\",\"matched\":[\"complaint\","
                               "\"reached-authorities\",\"authorities-p1\"],\"nature\":\"major\","
                               "\"severity\":\"p1\",\"sla_policy\":\"complaint\",\"tags\":[],"
                               "\"visit_method\":\"on_site\"}") == 0);
    plaint_string_free(json);
    json = NULL;
    CHECK(plaint_decision_explain_json(d, &json) == PLAINT_OK);
    /* The default profile's first row (section "kind") fails on the category. */
    CHECK(json && strncmp(json,
                          "[{\"decided\":false,\"failed\":\"category in [equipment] (was "
                          "other)\",\"id\":\"equipment-is-repair\",\"matched\":false,"
                          "\"section\":\"kind\"}",
                          strlen("[{\"decided\":false,\"failed\":\"category in [equipment] "
                                 "(was other)\",\"id\":\"equipment-is-repair\",\"matched\":"
                                 "false,\"section\":\"kind\"}")) == 0);
    CHECK(json && strstr(json, "{\"decided\":true,\"id\":\"reached-authorities\",\"matched\":true,"
                               "\"section\":\"nature\"}") != NULL);
    plaint_string_free(json);
    plaint_decision_free(d);
    d = NULL;
    /* A named policy is looked up; an unknown one is not found, and `*out` is kept. */
    CHECK(plaint_profile_classify(p, c, T0 + 60, "complaint", &d) == PLAINT_OK);
    plaint_decision_free(d);
    d = NULL;
    CHECK(plaint_profile_classify(p, c, T0 + 60, "no-such-policy", &d) == PLAINT_E_NOT_FOUND);
    CHECK(d == NULL);
    plaint_complaint_free(c);

    /* §3 communicative: a question in the `other` category, answered under `consultation`. */
    c = complaint("Q", PLAINT_CHANNEL_PHONE, PLAINT_CATEGORY_OTHER, 1,
                  "\xe8\xaf\xb7\xe9\x97\xae\xe7\x89\xa9\xe4\xb8\x9a\xe8\xb4\xb9\xe6\x80\x8e\xe4"
                  "\xb9\x88\xe4\xba\xa4\xef\xbc\x9f"); /* 请问物业费怎么交？ */
    CHECK(plaint_profile_classify(p, c, T0, "", &d) == PLAINT_OK);
    CHECK(get(plaint_decision_nature, d) == PLAINT_NATURE_CONSULTING);
    CHECK(get(plaint_decision_visit_method, d) == PLAINT_VISIT_PHONE);
    CHECK(plaint_decision_sla_policy(d, &s) == PLAINT_OK && s && strcmp(s, "consultation") == 0);
    plaint_complaint_free(c);
    plaint_decision_free(d);

    /* §4: twelve reporters: P2, escalated to the CS manager, a meeting, tagged collective. */
    c = complaint("R", PLAINT_CHANNEL_VISIT, PLAINT_CATEGORY_OTHER, 12, NULL);
    CHECK(plaint_profile_classify(p, c, T0, NULL, &d) == PLAINT_OK);
    CHECK(get(plaint_decision_severity, d) == PLAINT_SEVERITY_P2);
    CHECK(get(plaint_decision_escalate_to, d) == PLAINT_ROLE_CS_MANAGER);
    CHECK(get(plaint_decision_visit_method, d) == PLAINT_VISIT_MEETING);
    CHECK(has_tag(d, "collective"));
    /* The profile goes first: the decision keeps what it borrows alive. */
    plaint_profile_free(p);
    plaint_complaint_free(c);
    CHECK(plaint_decision_sla_policy(d, &s) == PLAINT_OK && s && strcmp(s, "complaint") == 0);
    CHECK(plaint_decision_to_json(d, &json) == PLAINT_OK && strstr(json, "\"meeting\"") != NULL);
    plaint_string_free(json);
    plaint_decision_free(d);
}

static void test_profile_handles(void) {
    plaint_profile* p = NULL;
    plaint_profile* q = NULL;
    plaint_policy_set* set = NULL;
    char* json = NULL;
    int32_t quota = -1;
    size_t n = 0;
    const char* name = NULL;

    CHECK(plaint_profile_default(&p) == PLAINT_OK);
    /* DOMAIN.md §4: at least 3 visits a month for the CS manager, 1 for the general manager. */
    CHECK(plaint_profile_visit_quota(p, PLAINT_ROLE_CS_MANAGER, &quota) == PLAINT_OK && quota == 3);
    CHECK(plaint_profile_visit_quota(p, PLAINT_ROLE_GENERAL_MANAGER, &quota) == PLAINT_OK &&
          quota == 1);
    CHECK(plaint_profile_visit_quota(p, PLAINT_ROLE_DUTY_STAFF, &quota) == PLAINT_OK && quota == 0);
    CHECK(plaint_profile_visit_quota(p, PLAINT_ROLE_NONE, &quota) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_profile_visit_quota(p, 99, &quota) == PLAINT_E_OUT_OF_RANGE);

    /* Its policies: the four of DOMAIN.md §5 and `feedback` (§8: suggestions and praise), in
     * sorted order; the set outlives the profile. */
    CHECK(plaint_profile_policy_set(p, &set) == PLAINT_OK);
    CHECK(plaint_policy_set_policy_count(set, &n) == PLAINT_OK && n == 5);
    CHECK(plaint_policy_set_policy_name(set, 0, &name) == PLAINT_OK &&
          strcmp(name, "complaint") == 0);

    /* to_json round-trips. */
    CHECK(plaint_profile_to_json(p, &json) == PLAINT_OK);
    CHECK(plaint_profile_from_json(&q, json, strlen(json)) == PLAINT_OK);
    plaint_profile_free(p);
    {
        char* again = NULL;
        CHECK(plaint_profile_to_json(q, &again) == PLAINT_OK);
        CHECK(again && strcmp(again, json) == 0);
        plaint_string_free(again);
    }
    plaint_string_free(json);
    plaint_profile_free(q);
    CHECK(plaint_policy_set_policy_name(set, 4, &name) == PLAINT_OK &&
          strcmp(name, "repair_urgent") == 0);
    plaint_policy_set_free(set);

    /* A file: the shipped default profile; a missing one is an I/O error. */
    p = NULL;
    CHECK(plaint_profile_from_file(&p, PLAINT_DATA_DIR "/default-profile.json") == PLAINT_OK);
    plaint_profile_free(p);
    p = NULL;
    CHECK(plaint_profile_from_file(&p, "/nonexistent/profile.json") == PLAINT_E_IO);
    CHECK(p == NULL);
    CHECK(plaint_last_error_problem_count(&n) == PLAINT_OK && n == 0);

    /* An unreachable row is a warning, with its pointer. */
    CHECK(plaint_profile_from_json(
              &p,
              "{\"plaint_profile\": 1, \"name\": \"w\", \"rules\": {\"sections\": [{\"name\": "
              "\"n\", \"hit\": \"first\", \"rows\": [{\"id\": \"all\", \"then\": {\"nature\": "
              "\"valid\"}}, {\"id\": \"never\", \"then\": {\"nature\": \"invalid\"}}]}]}}",
              PLAINT_NTS) == PLAINT_OK);
    {
        const char* ptr = NULL;
        const char* msg = NULL;
        CHECK(plaint_profile_warning_count(p, &n) == PLAINT_OK && n == 1);
        CHECK(plaint_profile_warning(p, 0, &ptr, &msg) == PLAINT_OK);
        CHECK(ptr && strcmp(ptr, "/rules/sections/0/rows/1") == 0);
        CHECK(msg && strstr(msg, "unreachable") != NULL);
        CHECK(plaint_profile_warning(p, 0, NULL, NULL) == PLAINT_OK);
        CHECK(plaint_profile_warning(p, 1, &ptr, &msg) == PLAINT_E_OUT_OF_RANGE);
    }
    plaint_profile_free(p);
}

static void test_problems(void) {
    /* test_profile.cpp: eight problems, positions counted by hand, in document order. */
    const char* text =
        "{\n"
        "  \"plaint_profile\": 1,\n"
        "  \"colour\": \"blue\",\n"
        "  \"calendars\": {\"office\": {\"timezone\": \"Asia/Shanghai\", \"week\": {\"mon\": "
        "[[\"09:00\", \"25:00\"]]}}},\n"
        "  \"policies\": {\"p\": {\"targets\": [{\"kind\": \"record\", \"duration\": \"1h\", "
        "\"calendar\": \"night\"}]}},\n"
        "  \"rules\": {\"sections\": [{\"name\": \"n\", \"hit\": \"first\", \"rows\": [\n"
        "    {\"id\": \"a\", \"when\": {\"channel\": [\"phone\", \"sms\"]}, \"then\": "
        "{\"nature\": \"valid\"}},\n"
        "    {\"id\": \"b\", \"then\": {\"sla_policy\": \"fast\"}}]}]},\n"
        "  \"return_visits\": {\"rules\": [{\"when\": {\"nature\": \"major\"}, \"method\": "
        "\"by_pigeon\"}],\n"
        "                    \"quotas\": {\"boss\": 3}},\n"
        "  \"surveys\": {\"s\": {\"scale\": [5, 1], \"dimensions\": [\"a\"]}}\n"
        "}";
    plaint_profile* p = NULL;
    size_t n = 0, line = 0, column = 0;
    const char* pointer = NULL;
    const char* message = NULL;

    CHECK(plaint_profile_from_json(&p, text, PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(p == NULL);
    CHECK(plaint_last_error_problem_count(&n) == PLAINT_OK && n == 8);
    CHECK(problem_is(0, "/colour", 3, 13));
    CHECK(problem_is(1, "/calendars/office/week/mon/0", 4, 74));
    CHECK(problem_is(2, "/policies/p/targets/0/calendar", 5, 83));
    CHECK(problem_is(3, "/rules/sections/0/rows/0/when/channel/1", 7, 47));
    CHECK(problem_is(4, "/rules/sections/0/rows/1/then/sla_policy", 8, 40));
    CHECK(problem_is(5, "/return_visits/rules/0/method", 9, 71));
    CHECK(problem_is(6, "/return_visits/quotas/boss", 10, 40));
    CHECK(problem_is(7, "/surveys/s/scale", 11, 30));
    CHECK(plaint_last_error_problem(3, &pointer, NULL, NULL, &message) == PLAINT_OK);
    CHECK(message && strstr(message, "unknown channel 'sms'") != NULL);
    /* Outputs are optional; the location is the first problem's. */
    CHECK(plaint_last_error_problem(0, NULL, NULL, NULL, NULL) == PLAINT_OK);
    CHECK(plaint_last_error_location(&pointer, &line, &column) == PLAINT_OK);
    CHECK(strcmp(pointer, "/colour") == 0 && line == 3 && column == 13);
    /* An index past the end fails, which replaces the list. */
    CHECK(plaint_last_error_problem(8, &pointer, &line, &column, &message) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_last_error_problem_count(&n) == PLAINT_OK && n == 0);
    CHECK(plaint_last_error_problem_count(NULL) == PLAINT_E_INVALID_ARGUMENT);

    /* Other failures: a version this build does not read, malformed text, an embedded NUL. */
    CHECK(plaint_profile_from_json(&p, "{\"plaint_profile\": 2}", PLAINT_NTS) ==
          PLAINT_E_UNSUPPORTED);
    CHECK(plaint_profile_from_json(&p, "{\"name\": \"x\"}", PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(plaint_last_error_problem_count(&n) == PLAINT_OK && n >= 1);
    CHECK(plaint_profile_from_json(&p, "[1, 2", PLAINT_NTS) == PLAINT_E_PARSE);
    /* one problem, at the element the input ended before (issue 12) */
    CHECK(plaint_last_error_problem_count(&n) == PLAINT_OK && n == 1);
    CHECK(problem_is(0, "/2", 1, 6));
    CHECK(plaint_profile_from_json(&p, "{}\0{}", 5) == PLAINT_E_PARSE);
    CHECK(plaint_last_error_location(NULL, &line, &column) == PLAINT_OK && line == 1 &&
          column == 3);
    CHECK(p == NULL);
}

static void test_classify_many(void) {
    /* Five rows: media; a question; 12 reporters; an equipment leak; a sudden event. */
    const int32_t channel[5] = {PLAINT_CHANNEL_MEDIA, PLAINT_CHANNEL_PHONE, PLAINT_CHANNEL_VISIT,
                                PLAINT_CHANNEL_ONLINE, PLAINT_CHANNEL_PHONE};
    const int32_t category[5] = {PLAINT_CATEGORY_OTHER, PLAINT_CATEGORY_OTHER,
                                 PLAINT_CATEGORY_OTHER, PLAINT_CATEGORY_EQUIPMENT,
                                 PLAINT_CATEGORY_SUDDEN_EVENT};
    const int32_t reporters[5] = {1, 1, 12, 1, 1};
    const char* const content[5] = {
        "\xe5\xb0\x8f\xe5\x8c\xba\xe7\x94\xb5\xe6\xa2\xaf\xe6\x95\x85\xe9\x9a\x9c", /* 小区电梯故障
                                                                                     */
        "\xe8\xaf\xb7\xe9\x97\xae\xe5\x81\x9c\xe8\xbd\xa6\xe4\xbd\x8d\xe6\x80\x8e\xe4\xb9\x88\xe5"
        "\x8a\x9e\xe7\x90\x86\xef\xbc\x9f", /* 请问停车位怎么办理？ */
        NULL, "water from upstairs", ""};
    /* Hand-worked from the default profile (test_profile.cpp): */
    const int32_t nature_want[5] = {PLAINT_NATURE_MAJOR, PLAINT_NATURE_CONSULTING,
                                    PLAINT_NATURE_VALID, PLAINT_NATURE_VALID, PLAINT_NATURE_VALID};
    const int32_t severity_want[5] = {PLAINT_SEVERITY_P1, PLAINT_SEVERITY_P4, PLAINT_SEVERITY_P2,
                                      PLAINT_SEVERITY_P3, PLAINT_SEVERITY_P1};
    const int32_t visit_want[5] = {PLAINT_VISIT_ON_SITE, PLAINT_VISIT_PHONE, PLAINT_VISIT_MEETING,
                                   PLAINT_VISIT_PHONE, PLAINT_VISIT_PHONE};
    int32_t nature[5], severity[5], escalate[5], visit[5];
    plaint_facts_columns in = PLAINT_FACTS_COLUMNS_INIT;
    plaint_profile* p = NULL;
    int i;

    CHECK(plaint_profile_default(&p) == PLAINT_OK);
    in.count = 5;
    in.channel = channel;
    in.category = category;
    in.reporter_count = reporters;
    in.content = content;
    CHECK(plaint_profile_classify_many(p, &in, nature, severity, escalate, visit) == PLAINT_OK);
    for (i = 0; i < 5; ++i) {
        plaint_complaint* c = complaint("B", channel[i], category[i], reporters[i], content[i]);
        plaint_decision* d = NULL;
        CHECK(nature[i] == nature_want[i]);
        CHECK(severity[i] == severity_want[i]);
        CHECK(visit[i] == visit_want[i]);
        /* The same as one complaint at a time. */
        CHECK(plaint_profile_classify(p, c, T0, NULL, &d) == PLAINT_OK);
        CHECK(nature[i] == get(plaint_decision_nature, d));
        CHECK(severity[i] == get(plaint_decision_severity, d));
        CHECK(escalate[i] == get(plaint_decision_escalate_to, d));
        CHECK(visit[i] == get(plaint_decision_visit_method, d));
        plaint_decision_free(d);
        plaint_complaint_free(c);
    }
    CHECK(escalate[0] == PLAINT_ROLE_GENERAL_MANAGER && escalate[2] == PLAINT_ROLE_CS_MANAGER &&
          escalate[1] == PLAINT_ROLE_NONE);

    /* Every output may be NULL; so may every column (all rows the default: valid, P4). */
    CHECK(plaint_profile_classify_many(p, &in, NULL, NULL, NULL, NULL) == PLAINT_OK);
    {
        plaint_facts_columns bare = PLAINT_FACTS_COLUMNS_INIT;
        bare.count = 2;
        CHECK(plaint_profile_classify_many(p, &bare, nature, severity, NULL, NULL) == PLAINT_OK);
        CHECK(nature[1] == PLAINT_NATURE_VALID && severity[1] == PLAINT_SEVERITY_P4);
        bare.count = 0;
        CHECK(plaint_profile_classify_many(p, &bare, NULL, NULL, NULL, NULL) == PLAINT_OK);
    }

    /* An unknown code names its row; the rows before it are written, the rest untouched. */
    {
        int32_t bad[5];
        memcpy(bad, channel, sizeof bad);
        bad[2] = 99;
        in.channel = bad;
        for (i = 0; i < 5; ++i)
            nature[i] = -7;
        CHECK(plaint_profile_classify_many(p, &in, nature, NULL, NULL, NULL) ==
              PLAINT_E_OUT_OF_RANGE);
        CHECK(strncmp(plaint_last_error_message(), "at row 2: ", 10) == 0);
        CHECK(nature[0] == PLAINT_NATURE_MAJOR && nature[1] == PLAINT_NATURE_CONSULTING);
        CHECK(nature[2] == -7 && nature[4] == -7);
        in.channel = channel;
    }
    {
        int32_t n5[5] = {0, 1, 2, 3, 7};
        int32_t s5[5] = {0, 1, 2, 5, 4};
        int32_t c5[5] = {1, 2, 3, 4, 0};
        in.nature = n5;
        CHECK(plaint_profile_classify_many(p, &in, nature, NULL, NULL, NULL) ==
              PLAINT_E_OUT_OF_RANGE);
        CHECK(strncmp(plaint_last_error_message(), "at row 4: ", 10) == 0);
        in.nature = NULL;
        in.severity = s5;
        CHECK(plaint_profile_classify_many(p, &in, nature, NULL, NULL, NULL) ==
              PLAINT_E_OUT_OF_RANGE);
        CHECK(strncmp(plaint_last_error_message(), "at row 3: ", 10) == 0);
        in.severity = NULL;
        in.category = c5;
        CHECK(plaint_profile_classify_many(p, &in, nature, NULL, NULL, NULL) ==
              PLAINT_E_OUT_OF_RANGE);
        CHECK(strncmp(plaint_last_error_message(), "at row 4: ", 10) == 0);
        in.category = category;
    }
    /* 1,200 rows go through in three chunks (512 rows each); a bad code at row 1,100, in the
       third, stops there, the rows before it written. */
    {
        enum { rows = 1200 };
        static int32_t ch[rows], cat[rows], rep[rows], nat[rows];
        static const char* text[rows];
        plaint_facts_columns many = PLAINT_FACTS_COLUMNS_INIT;
        for (i = 0; i < rows; ++i) {
            ch[i] = channel[i % 5];
            cat[i] = category[i % 5];
            rep[i] = reporters[i % 5];
            text[i] = content[i % 5];
        }
        many.count = rows;
        many.channel = ch;
        many.category = cat;
        many.reporter_count = rep;
        many.content = text;
        CHECK(plaint_profile_classify_many(p, &many, nat, NULL, NULL, NULL) == PLAINT_OK);
        for (i = 0; i < rows; ++i)
            CHECK(nat[i] == nature_want[i % 5]);
        ch[1100] = 99;
        for (i = 0; i < rows; ++i)
            nat[i] = -7;
        CHECK(plaint_profile_classify_many(p, &many, nat, NULL, NULL, NULL) ==
              PLAINT_E_OUT_OF_RANGE);
        CHECK(strncmp(plaint_last_error_message(), "at row 1100: ", 13) == 0);
        for (i = 0; i < 1100; ++i)
            CHECK(nat[i] == nature_want[i % 5]);
        for (i = 1100; i < rows; ++i)
            CHECK(nat[i] == -7);
    }
    /* A struct smaller than the 0.3 one is refused. */
    in.size = 8;
    CHECK(plaint_profile_classify_many(p, &in, nature, NULL, NULL, NULL) ==
          PLAINT_E_INVALID_ARGUMENT);
    in.size = sizeof in;
    CHECK(plaint_profile_classify_many(NULL, &in, nature, NULL, NULL, NULL) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_classify_many(p, NULL, nature, NULL, NULL, NULL) ==
          PLAINT_E_INVALID_ARGUMENT);
    plaint_profile_free(p);
}

/* The batch refuses, row by row, what a complaint refuses of its fields: a reporter count
 * outside 1..1,000,000 (plaint_complaint_set_reporter_count), a negative repeat count, hours
 * that are not finite, invalid UTF-8 or a NUL-free text over its limit. The rows before the
 * bad one are written; the bad one and the rest are untouched. */
static void test_classify_many_checks_rows_as_complaints(void) {
    plaint_profile* p = NULL;
    int32_t reporters[3] = {1, 1, 1};
    int32_t repeats[3] = {0, 0, 0};
    double hours[3] = {0, 0, 0};
    const char* content[3] = {"a", "b", "c"};
    char* long_unit = NULL;
    const char* units[3] = {"1", "2", "3"};
    int32_t nature[3];
    plaint_facts_columns in = PLAINT_FACTS_COLUMNS_INIT;
    int i, k;
    const struct {
        int column; /* 0 reporters, 1 repeats, 2 hours, 3 content, 4 unit */
        int status;
        const char* message;
    } cases[] = {
        {0, PLAINT_E_OUT_OF_RANGE, "at row 1: reporter count 0 is outside 1..1000000"},
        {0, PLAINT_E_OUT_OF_RANGE, "at row 1: reporter count 1000001 is outside 1..1000000"},
        {1, PLAINT_E_OUT_OF_RANGE, "at row 1: repeat count -1 is negative"},
        {2, PLAINT_E_OUT_OF_RANGE, "at row 1: hours since received is not a finite number"},
        {3, PLAINT_E_ENCODING, "at row 1: content: invalid UTF-8"},
        {4, PLAINT_E_TOO_LARGE, "at row 1: unit is 257 bytes; the limit is 256"},
    };

    CHECK(plaint_profile_default(&p) == PLAINT_OK);
    long_unit = (char*)malloc(258);
    CHECK(long_unit != NULL);
    memset(long_unit, 'u', 257);
    long_unit[257] = '\0';
    in.count = 3;
    in.reporter_count = reporters;
    in.repeat_count = repeats;
    in.hours_since_received = hours;
    in.content = content;
    in.unit = units;
    /* The good rows as they are: all classified. */
    CHECK(plaint_profile_classify_many(p, &in, nature, NULL, NULL, NULL) == PLAINT_OK);
    for (k = 0; k < (int)(sizeof cases / sizeof cases[0]); ++k) {
        switch (cases[k].column) {
        case 0:
            reporters[1] = k == 0 ? 0 : 1000001;
            break;
        case 1:
            repeats[1] = -1;
            break;
        case 2:
            hours[1] = NAN;
            break;
        case 3:
            content[1] = "\xff\xfe";
            break;
        default:
            units[1] = long_unit;
            break;
        }
        for (i = 0; i < 3; ++i)
            nature[i] = -7;
        CHECK(plaint_profile_classify_many(p, &in, nature, NULL, NULL, NULL) == cases[k].status);
        CHECK(strncmp(plaint_last_error_message(), cases[k].message, strlen(cases[k].message)) ==
              0);
        CHECK(nature[0] != -7 && nature[1] == -7 && nature[2] == -7);
        reporters[1] = 1;
        repeats[1] = 0;
        hours[1] = 0;
        content[1] = "b";
        units[1] = "2";
    }
    /* The edges themselves are taken. */
    reporters[1] = 1000000;
    units[1] = long_unit + 1; /* 256 bytes */
    CHECK(plaint_profile_classify_many(p, &in, nature, NULL, NULL, NULL) == PLAINT_OK);
    free(long_unit);
    plaint_profile_free(p);
}

static void test_complaint_json(void) {
    /* test_json_forms.cpp: a complaint with three events, and its round trip. */
    const char* text =
        "{\"id\": \"K-7\", \"received\": \"2026-03-02T09:15:00+08:00\", \"channel\": \"phone\", "
        "\"category\": \"equipment\", \"building\": \"3\", \"unit\": \"1202\", \"content\": "
        "\"leak\", \"reporter_count\": 2, \"tags\": [\"water\"], \"events\": [{\"type\": "
        "\"record\", \"at\": \"2026-03-02T09:20:00+08:00\", \"role\": \"duty_staff\", \"note\": "
        "\"recorded\"}, {\"type\": \"classify\", \"at\": \"2026-03-02T09:30:00+08:00\", "
        "\"nature\": \"valid\", \"severity\": \"p2\"}, {\"type\": \"assign\", \"at\": "
        "\"2026-03-02T09:35:00+08:00\", \"target\": \"cs_assistant\"}]}";
    plaint_complaint* c = NULL;
    plaint_complaint* again = NULL;
    char* json = NULL;
    char* json2 = NULL;
    int64_t received = 0;
    int32_t state = 0, owner = 0;
    size_t n = 0;

    CHECK(plaint_complaint_from_json(&c, text, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_complaint_received(c, &received) == PLAINT_OK && received == T0);
    CHECK(plaint_complaint_state(c, &state) == PLAINT_OK && state == PLAINT_STATE_ASSIGNED);
    CHECK(plaint_complaint_owner(c, &owner) == PLAINT_OK && owner == PLAINT_ROLE_CS_ASSISTANT);
    CHECK(plaint_complaint_event_count(c, &n) == PLAINT_OK && n == 4);
    CHECK(plaint_complaint_to_json(c, &json) == PLAINT_OK);
    CHECK(plaint_complaint_from_json(&again, json, strlen(json)) == PLAINT_OK);
    CHECK(plaint_complaint_to_json(again, &json2) == PLAINT_OK);
    CHECK(json && json2 && strcmp(json, json2) == 0);
    plaint_string_free(json);
    plaint_string_free(json2);
    plaint_complaint_free(again);
    plaint_complaint_free(c);

    /* Bad documents: every problem with its place (test_json_forms.cpp: /colour at 2:23). */
    c = NULL;
    CHECK(plaint_complaint_from_json(&c,
                                     "{\"id\": \"X\", \"received\": \"yesterday\", \"channel\": "
                                     "\"sms\",\n            \"colour\": 1}",
                                     PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(c == NULL);
    CHECK(plaint_last_error_problem_count(&n) == PLAINT_OK && n >= 1);
    {
        size_t i, found = 0;
        for (i = 0; i < n; ++i) {
            const char* ptr = NULL;
            size_t line = 0, column = 0;
            CHECK(plaint_last_error_problem(i, &ptr, &line, &column, NULL) == PLAINT_OK);
            if (ptr && strcmp(ptr, "/colour") == 0 && line == 2 && column == 23)
                found = 1;
        }
        CHECK(found);
    }
    CHECK(plaint_complaint_from_json(&c, "{\"id\": \"X\",", PLAINT_NTS) == PLAINT_E_PARSE);
    CHECK(plaint_complaint_from_json(&c, "{\"id\": \"X\"}\0", 12) == PLAINT_E_PARSE);
    CHECK(c == NULL);

    /* Issue 12: strict at every level. An unknown key inside an event, a note that is not a
     * string, a derived field that disagrees with the events, an instant past year 9999. */
    {
        static const char* const bad[] = {
            "{\"id\": \"X\", \"received\": 0, \"events\": [{\"type\": \"record\", \"at\": 60, "
            "\"colour\": 1}]}",
            "{\"id\": \"X\", \"received\": 0, \"events\": [{\"type\": \"record\", \"at\": 60, "
            "\"note\": 5}]}",
            "{\"id\": \"X\", \"received\": 0, \"state\": \"closed\"}",
            "{\"id\": \"X\", \"received\": 0, \"owner\": \"general_manager\"}",
            "{\"id\": \"X\", \"received\": 253402300800}"};
        static const char* const where[] = {"/events/0/colour", "/events/0/note", "/state",
                                            "/owner", "/received"};
        size_t k;
        for (k = 0; k < sizeof bad / sizeof bad[0]; ++k) {
            const char* ptr = NULL;
            CHECK(plaint_complaint_from_json(&c, bad[k], PLAINT_NTS) == PLAINT_E_VALIDATION);
            CHECK(c == NULL);
            CHECK(plaint_last_error_problem_count(&n) == PLAINT_OK && n == 1);
            CHECK(plaint_last_error_problem(0, &ptr, NULL, NULL, NULL) == PLAINT_OK);
            CHECK(ptr && strcmp(ptr, where[k]) == 0);
        }
        /* The derived fields as the events make them are accepted. */
        CHECK(plaint_complaint_from_json(&c,
                                         "{\"id\": \"X\", \"received\": 0, \"state\": "
                                         "\"received\", \"owner\": \"duty_staff\"}",
                                         PLAINT_NTS) == PLAINT_OK);
        plaint_complaint_free(c);
        c = NULL;
    }
}

static void test_nulls(void) {
    plaint_profile* p = NULL;
    plaint_complaint* c = NULL;
    plaint_decision* d = NULL;
    plaint_policy_set* set = NULL;
    const char* s = NULL;
    char* json = NULL;
    int32_t v = 0;
    size_t n = 0;

    CHECK(plaint_profile_default(NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_from_json(NULL, "{}", 2) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_from_json(&p, NULL, 2) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_from_json(&p, NULL, 0) == PLAINT_E_PARSE);
    CHECK(plaint_profile_from_file(NULL, "x") == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_from_file(&p, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_to_json(NULL, &json) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_policy_set(NULL, &set) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_visit_quota(NULL, PLAINT_ROLE_CS_MANAGER, &v) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_warning_count(NULL, &n) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_warning(NULL, 0, &s, &s) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_from_json(NULL, "{}", 2) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_to_json(NULL, &json) == PLAINT_E_INVALID_ARGUMENT);

    CHECK(plaint_profile_default(&p) == PLAINT_OK);
    CHECK(plaint_complaint_new(&c, "N", T0) == PLAINT_OK);
    CHECK(plaint_profile_to_json(p, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_policy_set(p, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_visit_quota(p, PLAINT_ROLE_CS_MANAGER, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_warning_count(p, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_to_json(c, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_classify(NULL, c, T0, NULL, &d) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_classify(p, NULL, T0, NULL, &d) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_classify(p, c, T0, NULL, NULL) == PLAINT_E_INVALID_ARGUMENT);

    /* An empty complaint (channel and category other): valid, P4, the complaint policy. */
    CHECK(plaint_profile_classify(p, c, T0, NULL, &d) == PLAINT_OK);
    CHECK(get(plaint_decision_nature, d) == PLAINT_NATURE_VALID);
    CHECK(plaint_decision_nature(NULL, &v) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_nature(d, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_severity(NULL, &v) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_escalate_to(NULL, &v) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_visit_method(NULL, &v) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_sla_policy(NULL, &s) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_sla_policy(d, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_tag_count(NULL, &n) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_tag(NULL, 0, &s) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_matched_count(NULL, &n) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_matched(NULL, 0, &s) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_matched(d, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_to_json(NULL, &json) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_to_json(d, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_explain_json(NULL, &json) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_decision_explain_json(d, NULL) == PLAINT_E_INVALID_ARGUMENT);
    plaint_decision_free(d);

    plaint_profile_free(p);

    /* A profile with no rules: nothing is decided, and every getter gives "none". */
    p = NULL;
    d = NULL;
    CHECK(plaint_profile_from_json(&p, "{\"plaint_profile\": 1, \"name\": \"empty\"}",
                                   PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_profile_classify(p, c, T0, NULL, &d) == PLAINT_OK);
    CHECK(get(plaint_decision_nature, d) == PLAINT_NATURE_UNJUDGED);
    CHECK(get(plaint_decision_severity, d) == PLAINT_SEVERITY_UNSET);
    CHECK(get(plaint_decision_escalate_to, d) == PLAINT_ROLE_NONE);
    CHECK(plaint_decision_sla_policy(d, &s) == PLAINT_OK && s == NULL);
    CHECK(plaint_decision_matched_count(d, &n) == PLAINT_OK && n == 0);
    plaint_decision_free(d);
    plaint_profile_free(p);
    plaint_complaint_free(c);

    /* Freeing NULL is a no-op. */
    plaint_profile_free(NULL);
    plaint_decision_free(NULL);
}

/* The repeat window and the keywords of a profile's rules (Since 0.6), by hand from the JSON. */
static void test_keywords_and_window(void) {
    plaint_profile* p = NULL;
    int64_t window = -1;
    size_t n = 99;
    const char* k = NULL;
    uint32_t found[4] = {77, 77, 77, 77};

    /* The default profile states 30 days: 30 x 86,400 s. */
    CHECK(plaint_profile_default(&p) == PLAINT_OK);
    CHECK(plaint_profile_repeat_window(p, &window) == PLAINT_OK && window == 2592000);
    plaint_profile_free(p);
    p = NULL;

    CHECK(plaint_profile_from_json(
              &p,
              "{\"plaint_profile\": 1, \"name\": \"k\", \"rules\": {\"repeat_window_days\": 7, "
              "\"sections\": [{\"name\": \"n\", \"hit\": \"collect\", \"rows\": ["
              "{\"id\": \"a\", \"when\": {\"keywords\": [\"Leak\", \"\xe6\xbc\x8f\xe6\xb0\xb4\"]}, "
              "\"then\": {\"tags\": [\"x\"]}}, {\"id\": \"b\", \"when\": {\"keywords\": {\"none\": "
              "[\"leak\", \"Power Cut\"]}}, \"then\": {\"tags\": [\"y\"]}}]}]}}",
              PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_profile_repeat_window(p, &window) == PLAINT_OK && window == 604800);
    /* "Leak" and "leak" are one keyword; as first written (since 0.7), in the order first met. */
    CHECK(plaint_profile_keyword_count(p, &n) == PLAINT_OK && n == 3);
    CHECK(plaint_profile_keyword(p, 0, &k) == PLAINT_OK && k && strcmp(k, "Leak") == 0);
    CHECK(plaint_profile_keyword(p, 1, &k) == PLAINT_OK && k &&
          strcmp(k, "\xe6\xbc\x8f\xe6\xb0\xb4") == 0); /* 漏水 */
    CHECK(plaint_profile_keyword(p, 2, &k) == PLAINT_OK && k && strcmp(k, "Power Cut") == 0);
    k = NULL;
    CHECK(plaint_profile_keyword(p, 3, &k) == PLAINT_E_OUT_OF_RANGE && k == NULL);

    /* Found: power cut (2) and leak (0), in ascending order, each once. */
    CHECK(plaint_profile_find_keywords(p, "POWER CUT and a leak, leak", PLAINT_NTS, found, 4, &n) ==
          PLAINT_OK);
    CHECK(n == 2 && found[0] == 0 && found[1] == 2 && found[2] == 77);
    /* Truncated: one written, the count is all of them. */
    found[0] = found[1] = 77;
    CHECK(plaint_profile_find_keywords(p, "POWER CUT and a leak", PLAINT_NTS, found, 1, &n) ==
          PLAINT_OK);
    CHECK(n == 2 && found[0] == 0 && found[1] == 77);
    /* Count only. */
    n = 99;
    CHECK(plaint_profile_find_keywords(p, "leak", PLAINT_NTS, NULL, 0, &n) == PLAINT_OK && n == 1);
    /* With its length, a NUL inside the text is a byte like any other: 漏水 NUL leak. */
    CHECK(plaint_profile_find_keywords(p, "\xe6\xbc\x8f\xe6\xb0\xb4\0leak", 11, found, 4, &n) ==
          PLAINT_OK);
    CHECK(n == 2 && found[0] == 0 && found[1] == 1);
    /* An empty text finds nothing; NULL with length 0 is empty. */
    CHECK(plaint_profile_find_keywords(p, NULL, 0, found, 4, &n) == PLAINT_OK && n == 0);
    CHECK(plaint_profile_find_keywords(p, "", PLAINT_NTS, found, 4, &n) == PLAINT_OK && n == 0);

    /* Bad arguments: nothing written. */
    n = 99;
    found[0] = 77;
    CHECK(plaint_profile_find_keywords(p, NULL, 5, found, 4, &n) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_find_keywords(p, "leak", PLAINT_NTS, NULL, 4, &n) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_find_keywords(p, "leak", PLAINT_NTS, found, 4, NULL) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_find_keywords(NULL, "leak", PLAINT_NTS, found, 4, &n) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(n == 99 && found[0] == 77);
    window = -1;
    CHECK(plaint_profile_repeat_window(NULL, &window) == PLAINT_E_INVALID_ARGUMENT && window == -1);
    CHECK(plaint_profile_repeat_window(p, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_keyword_count(NULL, &n) == PLAINT_E_INVALID_ARGUMENT && n == 99);
    CHECK(plaint_profile_keyword_count(p, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_keyword(NULL, 0, &k) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_keyword(p, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    plaint_profile_free(p);
    p = NULL;

    /* A window outside 1..3650 whole days is a problem of the document, with its place. */
    CHECK(plaint_profile_from_json(&p,
                                   "{\"plaint_profile\": 1, \"name\": \"k\", \"rules\": "
                                   "{\"repeat_window_days\": 0.5, \"sections\": []}}",
                                   PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(p == NULL);
    CHECK(plaint_last_error_problem_count(&n) == PLAINT_OK && n == 1);
    CHECK(problem_is(0, "/rules/repeat_window_days", 1, 68)); /* the value, as above */
}

/* Issue 12: a complaint's age at the far ends of int64. Received at 0 and classified at
 * INT64_MIN, or received at INT64_MIN and classified at INT64_MAX, overflowed now - received;
 * the ages are -2^63 s and 2^64 - 1 s (about 5.1e15 hours), and the age rows see them so. */
/* Since 0.7: the written forms of a keyword (the issue's pairs, with the default profile). */
static int classified(const plaint_profile* p, const char* content, int32_t nature,
                      const char* tag) {
    plaint_decision* d = NULL;
    plaint_complaint* c = complaint("F", PLAINT_CHANNEL_PHONE, PLAINT_CATEGORY_OTHER, 1, content);
    int ok = plaint_profile_classify(p, c, T0 + 60, NULL, &d) == PLAINT_OK;
    if (ok && nature >= 0)
        ok = get(plaint_decision_nature, d) == nature;
    if (ok && tag)
        ok = has_tag(d, tag);
    plaint_decision_free(d);
    plaint_complaint_free(c);
    return ok;
}

static void test_keyword_forms(void) {
    plaint_profile* p = NULL;
    plaint_decision* d = NULL;
    plaint_complaint* c;
    char* json = NULL;
    size_t off = 99, len = 99, n = 0, i;
    int32_t on = -1;
    const char* k = NULL;

    CHECK(plaint_profile_default(&p) == PLAINT_OK);
    CHECK(plaint_profile_folds_keywords(p, &on) == PLAINT_OK && on == 1);
    /* 请问物业费怎么交 / 請問物業費怎麼交: a consultation either way. */
    CHECK(classified(p,
                     "\xe8\xaf\xb7\xe9\x97\xae\xe7\x89\xa9\xe4\xb8\x9a\xe8\xb4\xb9\xe6\x80\x8e"
                     "\xe4\xb9\x88\xe4\xba\xa4",
                     PLAINT_NATURE_CONSULTING, NULL));
    CHECK(classified(p,
                     "\xe8\xab\x8b\xe5\x95\x8f\xe7\x89\xa9\xe6\xa5\xad\xe8\xb2\xbb\xe6\x80\x8e"
                     "\xe9\xba\xbc\xe4\xba\xa4",
                     PLAINT_NATURE_CONSULTING, NULL));
    /* 电梯停运 / 電梯停運, ELEVATOR / ＥＬＥＶＡＴＯＲ: the elevator tag. */
    CHECK(classified(p, "\xe7\x94\xb5\xe6\xa2\xaf\xe5\x81\x9c\xe8\xbf\x90", -1, "elevator"));
    CHECK(classified(p, "\xe9\x9b\xbb\xe6\xa2\xaf\xe5\x81\x9c\xe9\x81\x8b", -1, "elevator"));
    CHECK(classified(p, "ELEVATOR", -1, "elevator"));
    CHECK(classified(p,
                     "\xef\xbc\xa5\xef\xbc\xac\xef\xbc\xa5\xef\xbc\xb6\xef\xbc\xa1\xef\xbc\xb4"
                     "\xef\xbc\xaf\xef\xbc\xb2",
                     -1, "elevator"));
    CHECK(!classified(p, "the stairs", -1, "elevator"));
    /* The explanation says which form matched: 電梯 as 电梯. */
    c = complaint("E", PLAINT_CHANNEL_PHONE, PLAINT_CATEGORY_OTHER, 1,
                  "\xe9\x9b\xbb\xe6\xa2\xaf\xe5\x81\x9c\xe9\x81\x8b");
    CHECK(plaint_profile_classify(p, c, T0 + 60, NULL, &d) == PLAINT_OK);
    CHECK(plaint_decision_explain_json(d, &json) == PLAINT_OK);
    CHECK(json && strstr(json, "\"keywords\":[\"\xe9\x9b\xbb\xe6\xa2\xaf as "
                               "\xe7\x94\xb5\xe6\xa2\xaf\"]") != NULL);
    plaint_string_free(json);
    plaint_decision_free(d);
    plaint_complaint_free(c);
    /* keyword_match: where 电梯 is in 昨天電梯停運 - bytes 6 to 12. */
    CHECK(plaint_profile_keyword_count(p, &n) == PLAINT_OK);
    for (i = 0; i < n; ++i)
        if (plaint_profile_keyword(p, i, &k) == PLAINT_OK &&
            strcmp(k, "\xe7\x94\xb5\xe6\xa2\xaf") == 0)
            break;
    CHECK(i < n);
    CHECK(plaint_profile_keyword_match(p, i,
                                       "\xe6\x98\xa8\xe5\xa4\xa9\xe9\x9b\xbb\xe6\xa2\xaf\xe5"
                                       "\x81\x9c\xe9\x81\x8b",
                                       PLAINT_NTS, &off, &len) == PLAINT_OK);
    CHECK(off == 6 && len == 6);
    CHECK(plaint_profile_keyword_match(p, i, "nothing", PLAINT_NTS, &off, &len) == PLAINT_OK &&
          len == 0);
    off = len = 99;
    CHECK(plaint_profile_keyword_match(p, n, "x", PLAINT_NTS, &off, &len) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_profile_keyword_match(p, i, NULL, 3, &off, &len) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_profile_keyword_match(p, i, "x", PLAINT_NTS, NULL, &len) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(off == 99 && len == 99);
    CHECK(plaint_profile_keyword_memory(p, &len) == PLAINT_OK && len > 0);
    CHECK(plaint_profile_folds_keywords(NULL, &on) == PLAINT_E_INVALID_ARGUMENT);
    plaint_profile_free(p);
    p = NULL;

    /* É in the profile matches é; with folding off, only as written. */
    CHECK(plaint_profile_from_json(
              &p,
              "{\"plaint_profile\": 1, \"name\": \"f\", \"rules\": {\"sections\": [{\"name\": "
              "\"t\", \"hit\": \"collect\", \"rows\": [{\"id\": \"a\", \"when\": {\"keywords\": "
              "[\"CAF\xc3\x89\"]}, \"then\": {\"tags\": [\"cafe\"]}}]}]}}",
              PLAINT_NTS) == PLAINT_OK);
    CHECK(classified(p, "caf\xc3\xa9", -1, "cafe"));
    plaint_profile_free(p);
    p = NULL;
    CHECK(plaint_profile_from_json(
              &p,
              "{\"plaint_profile\": 1, \"name\": \"f\", \"rules\": {\"fold_keywords\": false, "
              "\"sections\": [{\"name\": \"t\", \"hit\": \"collect\", \"rows\": [{\"id\": \"a\", "
              "\"when\": {\"keywords\": [\"CAF\xc3\x89\"]}, \"then\": {\"tags\": [\"cafe\"]}}]}]}}",
              PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_profile_folds_keywords(p, &on) == PLAINT_OK && on == 0);
    CHECK(!classified(p, "caf\xc3\xa9", -1, "cafe"));
    CHECK(classified(p, "caf\xc3\x89", -1, "cafe"));
    plaint_profile_free(p);
    p = NULL;
    /* A keyword of a zero-width space only: a validation error at its place. */
    CHECK(plaint_profile_from_json(
              &p,
              "{\"plaint_profile\": 1, \"name\": \"f\", \"rules\": {\"sections\": [{\"name\": "
              "\"t\", \"rows\": [{\"id\": \"a\", \"when\": {\"keywords\": [\"x\", "
              "\"\xe2\x80\x8b\"]}, \"then\": {\"tags\": [\"z\"]}}]}]}}",
              PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(problem_is(0, "/rules/sections/0/rows/0/when/keywords/1", 1, 121));
}

static void test_classify_at_the_ends_of_time(void) {
    const char* doc =
        "{\"plaint_profile\": 1, \"rules\": {\"sections\": [{\"name\": \"age\", \"hit\": "
        "\"collect\", \"rows\": [{\"id\": \"old\", \"when\": {\"hours_since_received\": {\"gte\": "
        "24}}, \"then\": {\"tags\": [\"old\"]}}, {\"id\": \"future\", \"when\": "
        "{\"hours_since_received\": {\"lt\": 0}}, \"then\": {\"tags\": [\"future\"]}}]}]}}";
    const struct {
        int64_t received, at;
        const char* tag;
    } cases[] = {{0, INT64_MIN, "future"},
                 {INT64_MIN, INT64_MAX, "old"},
                 {INT64_MAX, INT64_MIN, "future"},
                 {INT64_MIN, INT64_MIN + 25 * 3600, "old"},
                 {INT64_MAX - 3600, INT64_MAX, NULL}};
    plaint_profile* p = NULL;
    size_t i, n = 99;
    const char* s = NULL;
    CHECK(plaint_profile_from_json(&p, doc, PLAINT_NTS) == PLAINT_OK);
    for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        plaint_complaint* c = NULL;
        plaint_decision* d = NULL;
        CHECK(plaint_complaint_new(&c, "C", cases[i].received) == PLAINT_OK);
        CHECK(plaint_profile_classify(p, c, cases[i].at, NULL, &d) == PLAINT_OK);
        CHECK(plaint_decision_tag_count(d, &n) == PLAINT_OK && n == (cases[i].tag ? 1u : 0u));
        if (cases[i].tag)
            CHECK(plaint_decision_tag(d, 0, &s) == PLAINT_OK && s && strcmp(s, cases[i].tag) == 0);
        plaint_decision_free(d);
        plaint_complaint_free(c);
    }
    plaint_profile_free(p);
}

int main(void) {
    test_default_decisions();
    test_profile_handles();
    test_problems();
    test_classify_many();
    test_classify_many_checks_rows_as_complaints();
    test_complaint_json();
    test_nulls();
    test_keywords_and_window();
    test_classify_at_the_ends_of_time();
    test_keyword_forms();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
