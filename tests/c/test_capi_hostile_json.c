/* Hostile JSON through the C ABI (issue 12), the same cases as tests/unit/test_json_hostile.cpp:
 * a 16 MiB profile of empty rule rows refused at the first row over 10,000; a 2 MiB calendar of
 * empty objects whose problems come back capped at 100 plus "and N more problems"; a parse
 * error as one problem with its place, said once in the message; a calendar that failed not
 * reported again as undefined; a calendar never open and a duration beyond the calendars'
 * years refused with their pointers. Columns were counted by hand. */
#include "plaint/plaint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* head, then "{}" repeated with commas while the whole stays within `bytes`, then tail.
 * `*count` receives the number of objects. Owned by the caller (free). */
static char* empties_doc(const char* head, const char* tail, size_t bytes, size_t* count) {
    char* s = (char*)malloc(bytes + 1);
    size_t len = strlen(head), n = 0;
    const size_t tail_len = strlen(tail);
    if (!s)
        return NULL;
    memcpy(s, head, len);
    while (len + 3 + tail_len <= bytes) {
        if (n)
            s[len++] = ',';
        s[len++] = '{';
        s[len++] = '}';
        ++n;
    }
    memcpy(s + len, tail, tail_len + 1);
    *count = n;
    return s;
}

static size_t problem_count(void) {
    size_t n = 99;
    CHECK(plaint_last_error_problem_count(&n) == PLAINT_OK);
    return n;
}

/* Problem `i` of the last failure has this pointer (and, when line is not 0, place). */
static int problem_is(size_t i, const char* pointer, size_t line, size_t column) {
    const char* p = NULL;
    const char* m = NULL;
    size_t l = 99, col = 99;
    if (plaint_last_error_problem(i, &p, &l, &col, &m) != PLAINT_OK || !p || !m)
        return 0;
    if (strcmp(p, pointer) != 0 || (line && (l != line || col != column))) {
        fprintf(stderr, "problem %u is '%s' %u:%u %s\n", (unsigned)i, p, (unsigned)l, (unsigned)col,
                m);
        return 0;
    }
    return 1;
}

static const char* problem_message(size_t i) {
    const char* p = NULL;
    const char* m = NULL;
    size_t l = 0, col = 0;
    if (plaint_last_error_problem(i, &p, &l, &col, &m) != PLAINT_OK || !m)
        return "";
    return m;
}

static void test_rows_refused_early(void) {
    static const char head[] =
        "{\"plaint_profile\": 1, \"rules\": {\"sections\": [{\"name\": \"s\", \"rows\": [";
    size_t n = 0;
    char* doc = empties_doc(head, "]}]}}", (size_t)16 << 20, &n);
    plaint_profile* p = NULL;
    CHECK(doc != NULL && n > 5000000);
    if (!doc)
        return;
    CHECK(plaint_profile_from_json(&p, doc, PLAINT_NTS) == PLAINT_E_TOO_LARGE);
    CHECK(p == NULL);
    CHECK(problem_count() == 1);
    /* the 10,001st "{}" starts after the head and 10,000 "{}," */
    CHECK(problem_is(0, "/rules/sections/0/rows/10000", 1, strlen(head) + 3 * 10000 + 1));
    CHECK(strcmp(problem_message(0), "more than 10,000 rows") == 0);
    free(doc);
}

static void test_problems_capped(void) {
    size_t n = 0;
    char* doc = empties_doc("{\"timezone\": \"UTC\", \"closed\": [", "]}", (size_t)2 << 20, &n);
    plaint_calendar* c = NULL;
    char expected[64];
    CHECK(doc != NULL);
    if (!doc)
        return;
    CHECK(plaint_calendar_from_json(&c, doc, PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(problem_count() == 101);
    CHECK(problem_is(0, "/closed/0", 1, 32));
    CHECK(problem_is(99, "/closed/99", 0, 0));
    CHECK(problem_is(100, "", 0, 0));
    sprintf(expected, "and %lu more problems", (unsigned long)(n - 100));
    CHECK(strcmp(problem_message(100), expected) == 0);
    CHECK(strlen(plaint_last_error_message()) < 20000);
    free(doc);
}

static void test_parse_error_one_problem(void) {
    plaint_profile* p = NULL;
    const char* msg;
    const char* pointer = NULL;
    size_t line = 0, column = 0;
    /* Line 2 is ` "name": tru}`: the parser sees the error at the '}' (column 13). */
    CHECK(plaint_profile_from_json(&p, "{\"plaint_profile\": 1,\n \"name\": tru}", PLAINT_NTS) ==
          PLAINT_E_PARSE);
    CHECK(problem_count() == 1);
    CHECK(problem_is(0, "/name", 2, 13));
    CHECK(plaint_last_error_location(&pointer, &line, &column) == PLAINT_OK);
    CHECK(line == 2 && column == 13);
    msg = plaint_last_error_message();
    CHECK(strstr(msg, "line 2, column 13") != NULL);
    /* the place once, not repeated by the parser's own text */
    CHECK(strstr(msg, "line") != NULL && strstr(strstr(msg, "line") + 1, "line") == NULL);
}

static void test_broken_calendar_once(void) {
    plaint_policy_set* s = NULL;
    CHECK(plaint_policy_set_from_json(
              &s,
              "{\"calendars\": {\"office\": {\"timezone\": \"UTC\", \"week\": {\"mon\": "
              "[[\"09:00\", \"25:00\"]]}}}, \"policies\": {\"p\": {\"targets\": [{\"kind\": "
              "\"record\", \"duration\": \"1h\", \"calendar\": \"office\"}]}}}",
              PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(problem_count() == 1);
    CHECK(problem_is(0, "/calendars/office/week/mon/0", 0, 0));
}

static void test_profiles_that_cannot_work(void) {
    plaint_profile* p = NULL;
    plaint_calendar* c = NULL;
    /* {"timezone": "UTC", "week": {}}: the week's object starts at column 29. */
    CHECK(plaint_calendar_from_json(&c, "{\"timezone\": \"UTC\", \"week\": {}}", PLAINT_NTS) ==
          PLAINT_E_VALIDATION);
    CHECK(problem_count() == 1);
    CHECK(problem_is(0, "/week", 1, 29));
    CHECK(plaint_profile_from_json(
              &p,
              "{\"plaint_profile\": 1, \"calendars\": {\"office\": {\"timezone\": \"UTC\", "
              "\"week\": {}}}, \"policies\": {\"p\": {\"targets\": [{\"kind\": \"record\", "
              "\"duration\": \"1h\", \"calendar\": \"office\"}]}}}",
              PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(problem_count() == 1);
    CHECK(problem_is(0, "/calendars/office/week", 0, 0));
    /* 100000d: 273 years, due after 2199 for a complaint received in 2100. */
    CHECK(plaint_profile_from_json(&p,
                                   "{\"plaint_profile\": 1, \"policies\": {\"p\": {\"targets\": "
                                   "[{\"kind\": \"record\", \"duration\": \"100000d\"}]}}}",
                                   PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(problem_count() == 1);
    CHECK(problem_is(0, "/policies/p/targets/0/duration", 0, 0));
    CHECK(p == NULL);
}

int main(void) {
    test_rows_refused_early();
    test_problems_capped();
    test_parse_error_one_problem();
    test_broken_calendar_once();
    test_profiles_that_cannot_work();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
