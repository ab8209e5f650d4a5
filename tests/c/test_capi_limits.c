/* The README's "Limits" table through the C ABI (issue 12, item 5): each limit a C caller can
 * reach, at its edge and one past it, with the status the header documents. Edge values come
 * from the documented limits; large inputs are built in memory. */
#include "check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MIB ((size_t)1 << 20)

/* 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z: 25,567 days before 1970 (70 years, 17 leap
 * days) and 84,006 after (230 years, 56 leap days: 1972..2196 less 2100). */
#define Y1900 (-25567LL * 86400)
#define Y2200 (84006LL * 86400)

/* `n` bytes of 'x', NUL-terminated; free with free(). */
static char* xs(size_t n) {
    char* s = malloc(n + 1);
    if (!s)
        abort();
    memset(s, 'x', n);
    s[n] = '\0';
    return s;
}

/* `head`, spaces, `tail`: exactly `bytes` long (not NUL-terminated past it; one spare byte). */
static char* padded(const char* head, const char* tail, size_t bytes) {
    const size_t h = strlen(head), t = strlen(tail);
    char* s = malloc(bytes + 1);
    if (!s)
        abort();
    memcpy(s, head, h);
    memset(s + h, ' ', bytes - h - t);
    memcpy(s + bytes - t, tail, t);
    s[bytes] = '\0';
    return s;
}

static void texts(void) {
    plaint_complaint* c = NULL;
    char* id128 = xs(128);
    char* id129 = xs(129);
    CHECK(plaint_complaint_new(&c, id128, 0) == PLAINT_OK);
    plaint_complaint_free(c);
    c = NULL;
    CHECK(plaint_complaint_new(&c, id129, 0) == PLAINT_E_TOO_LARGE);
    CHECK(c == NULL);
    CHECK(plaint_complaint_new(&c, "", 0) == PLAINT_E_INVALID_ARGUMENT);
    free(id128);
    free(id129);

    CHECK(plaint_complaint_new(&c, "K", 0) == PLAINT_OK);
    {
        char* s = xs(65537);
        static const int32_t shorts[] = {PLAINT_FIELD_NAME, PLAINT_FIELD_CONTACT,
                                         PLAINT_FIELD_BUILDING, PLAINT_FIELD_UNIT,
                                         PLAINT_FIELD_SUBCATEGORY};
        static const int32_t longs[] = {PLAINT_FIELD_CONTENT, PLAINT_FIELD_REMEDY};
        size_t i;
        for (i = 0; i < sizeof shorts / sizeof shorts[0]; ++i) {
            CHECK(plaint_complaint_set_text(c, shorts[i], s, 256) == PLAINT_OK);
            CHECK(plaint_complaint_set_text(c, shorts[i], s, 257) == PLAINT_E_TOO_LARGE);
        }
        for (i = 0; i < sizeof longs / sizeof longs[0]; ++i) {
            CHECK(plaint_complaint_set_text(c, longs[i], s, 65536) == PLAINT_OK);
            CHECK(plaint_complaint_set_text(c, longs[i], s, 65537) == PLAINT_E_TOO_LARGE);
        }
        s[64] = '\0';
        CHECK(plaint_complaint_add_tag(c, s) == PLAINT_OK);
        s[64] = 'x';
        s[65] = '\0';
        CHECK(plaint_complaint_add_tag(c, s) == PLAINT_E_TOO_LARGE);
        for (i = 1; i < 32; ++i) {
            char tag[8];
            snprintf(tag, sizeof tag, "t%u", (unsigned)i);
            CHECK(plaint_complaint_add_tag(c, tag) == PLAINT_OK);
        }
        CHECK(plaint_complaint_add_tag(c, "t32") == PLAINT_E_TOO_LARGE);
        free(s);
    }
    CHECK(plaint_complaint_set_reporter_count(c, 1000000) == PLAINT_OK);
    CHECK(plaint_complaint_set_reporter_count(c, 1000001) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_set_reporter_count(c, 1) == PLAINT_OK);
    CHECK(plaint_complaint_set_reporter_count(c, 0) == PLAINT_E_OUT_OF_RANGE);
    plaint_complaint_free(c);
}

static void documents(void) {
    plaint_complaint* c = NULL;
    plaint_calendar* cal = NULL;
    plaint_profile* p = NULL;
    char* doc = padded("{\"id\": \"K\", \"received\": 0", "}", 4 * MIB + 1);
    CHECK(plaint_complaint_from_json(&c, doc, 4 * MIB + 1) == PLAINT_E_TOO_LARGE);
    memmove(doc + 4 * MIB - 1, "}", 1); /* the same, a byte shorter */
    CHECK(plaint_complaint_from_json(&c, doc, 4 * MIB) == PLAINT_OK);
    plaint_complaint_free(c);
    c = NULL;
    free(doc);
    /* 8 levels pass the depth check (then fail validation), 9 do not. */
    CHECK(plaint_complaint_from_json(&c, "{\"events\": [[[[[[[]]]]]]]}", PLAINT_NTS) ==
          PLAINT_E_VALIDATION);
    CHECK(plaint_complaint_from_json(&c, "{\"events\": [[[[[[[[]]]]]]]]}", PLAINT_NTS) ==
          PLAINT_E_TOO_LARGE);

    doc = padded("{\"timezone\": \"UTC\"", "}", 16 * MIB + 1);
    CHECK(plaint_calendar_from_json(&cal, doc, 16 * MIB + 1) == PLAINT_E_TOO_LARGE);
    CHECK(plaint_calendar_from_json(&cal, doc + 1, 16 * MIB) == PLAINT_E_PARSE); /* in size */
    free(doc);
    CHECK(plaint_calendar_from_json(&cal, "{\"closed\": [[[[[[[]]]]]]]}", PLAINT_NTS) ==
          PLAINT_E_VALIDATION);
    CHECK(plaint_calendar_from_json(&cal, "{\"closed\": [[[[[[[[]]]]]]]]}", PLAINT_NTS) ==
          PLAINT_E_TOO_LARGE);

    doc = padded("{\"plaint_profile\": 1", "}", 16 * MIB);
    CHECK(plaint_profile_from_json(&p, doc, 16 * MIB) == PLAINT_OK);
    plaint_profile_free(p);
    p = NULL;
    free(doc);
    doc = padded("{\"plaint_profile\": 1", "}", 16 * MIB + 1);
    CHECK(plaint_profile_from_json(&p, doc, 16 * MIB + 1) == PLAINT_E_TOO_LARGE);
    free(doc);
}

static void years(void) {
    plaint_calendar* cal = NULL;
    int32_t open = 0;
    int64_t t = 0;
    CHECK(plaint_calendar_from_json(&cal, "\"24x7\"", PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_calendar_is_open(cal, Y1900, &open) == PLAINT_OK && open);
    CHECK(plaint_calendar_is_open(cal, Y1900 - 1, &open) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_calendar_is_open(cal, Y2200 - 1, &open) == PLAINT_OK && open);
    CHECK(plaint_calendar_is_open(cal, Y2200 + 1, &open) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_calendar_add(cal, Y2200 - 2, 1, &t) == PLAINT_OK && t == Y2200 - 1);
    CHECK(plaint_calendar_add(cal, Y2200 - 1, 2, &t) == PLAINT_E_OUT_OF_RANGE);
    plaint_calendar_free(cal);

    /* Text instants: 1400-01-01T00:00:00Z to 9999-12-31T23:59:59Z (time.hpp). */
    CHECK(plaint_instant_parse("1400-01-01T00:00:00Z", PLAINT_NTS, &t) == PLAINT_OK &&
          t == -17987443200LL);
    CHECK(plaint_instant_parse("1399-12-31T23:59:59Z", PLAINT_NTS, &t) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_instant_parse("9999-12-31T23:59:59Z", PLAINT_NTS, &t) == PLAINT_OK &&
          t == 253402300799LL);
    CHECK(plaint_instant_parse("9999-12-31T23:59:59-00:01", PLAINT_NTS, &t) ==
          PLAINT_E_OUT_OF_RANGE);
}

/* A profile with `n` SLA policies, the first with `targets` targets. */
static char* policies_profile(unsigned n, unsigned targets) {
    char* s = malloc(64 + (size_t)n * 80 + (size_t)targets * 64);
    size_t at;
    unsigned i, k;
    if (!s)
        abort();
    at = (size_t)sprintf(s,
                         "{\"plaint_profile\": 1, \"rules\": {\"sections\": []}, \"policies\": {");
    for (i = 0; i < n; ++i) {
        at += (size_t)sprintf(s + at, "%s\"p%u\": {\"targets\": [", i ? ", " : "", i);
        for (k = 0; k < (i == 0 ? targets : 1u); ++k)
            at += (size_t)sprintf(s + at,
                                  "%s{\"kind\": \"record\", \"name\": \"t%u\", \"duration\": 3600}",
                                  k ? ", " : "", k);
        at += (size_t)sprintf(s + at, "]}");
    }
    sprintf(s + at, "}}");
    return s;
}

static void ledger(void) {
    plaint_profile* p = NULL;
    plaint_ledger* l = NULL;
    char* doc = policies_profile(254, 16);
    CHECK(plaint_profile_from_json(&p, doc, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_ledger_new(&l, p) == PLAINT_OK);
    plaint_ledger_free(l);
    l = NULL;
    plaint_profile_free(p);
    p = NULL;
    free(doc);
    doc = policies_profile(255, 1);
    CHECK(plaint_profile_from_json(&p, doc, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_ledger_new(&l, p) == PLAINT_E_UNSUPPORTED);
    plaint_profile_free(p);
    p = NULL;
    free(doc);
    doc = policies_profile(1, 17);
    CHECK(plaint_profile_from_json(&p, doc, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_ledger_new(&l, p) == PLAINT_E_UNSUPPORTED);
    plaint_profile_free(p);
    p = NULL;
    free(doc);

    /* An event at most 2^32 - 1 seconds after receipt (received 1900: a negative receipt). */
    CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
    {
        size_t i = 0, n = 0;
        plaint_event e = PLAINT_EVENT_INIT;
        char json[64];
        snprintf(json, sizeof json, "{\"id\": \"K\", \"received\": %lld", (long long)Y1900);
        strcat(json, "}");
        CHECK(plaint_ledger_add_complaint_json(l, json, PLAINT_NTS, &i) == PLAINT_OK);
        e.type = PLAINT_EVENT_RECORD;
        e.role = PLAINT_ROLE_DUTY_STAFF;
        e.at = Y1900 + 4294967296LL;
        CHECK(plaint_ledger_add_event(l, i, &e) == PLAINT_E_OUT_OF_RANGE);
        e.at = INT64_MAX;
        CHECK(plaint_ledger_add_event(l, i, &e) == PLAINT_E_OUT_OF_RANGE);
        e.at = Y1900 + 4294967295LL;
        CHECK(plaint_ledger_add_event(l, i, &e) == PLAINT_OK);
        CHECK(plaint_ledger_event_count(l, &n) == PLAINT_OK && n == 2);
    }
    plaint_ledger_free(l);
}

static void imports(void) {
    plaint_ledger* l = NULL;
    plaint_import_result r = PLAINT_IMPORT_RESULT_INIT;
    char* problems = NULL;
    const size_t line = sizeof "{\"id\": \"\"}\n" - 1;
    char* text = malloc(1001 * line + 1);
    size_t i;
    if (!text)
        abort();
    for (i = 0; i < 1001; ++i)
        memcpy(text + i * line, "{\"id\": \"\"}\n", line);
    text[1001 * line] = '\0';
    CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
    /* 1,000 bad rows: all listed; 1,001: 1,000 listed, all counted. */
    CHECK(plaint_ledger_import_json_lines(l, text, 1000 * line, 0, &r, &problems) == PLAINT_OK);
    CHECK(r.bad_rows == 1000);
    CHECK(problems && strstr(problems, "\"line\":1000,") != NULL);
    plaint_string_free(problems);
    problems = NULL;
    CHECK(plaint_ledger_import_json_lines(l, text, 1001 * line, 0, &r, &problems) == PLAINT_OK);
    CHECK(r.bad_rows == 1001);
    CHECK(problems && strstr(problems, "\"line\":1000,") != NULL);
    CHECK(problems && strstr(problems, "\"line\":1001,") == NULL);
    plaint_string_free(problems);
    problems = NULL;
    free(text);

    /* A line of 4 MiB is read; one of 4 MiB + 1 is a bad row, too large. */
    {
        char* a = padded("{\"id\": \"A\", \"received\": 0", "}\n", 4 * MIB + 1);
        char* b = padded("{\"id\": \"B\", \"received\": 0", "}\n", 4 * MIB + 2);
        CHECK(plaint_ledger_import_json_lines(l, a, 4 * MIB + 1, 0, &r, NULL) == PLAINT_OK);
        CHECK(r.complaints == 1 && r.bad_rows == 0);
        CHECK(plaint_ledger_import_json_lines(l, b, 4 * MIB + 2, 0, &r, &problems) == PLAINT_OK);
        CHECK(r.complaints == 0 && r.bad_rows == 1);
        CHECK(problems && strstr(problems, "\"status\":-5") != NULL);
        plaint_string_free(problems);
        free(a);
        free(b);
    }
    plaint_ledger_free(l);
}

static void scales(void) {
    const double v[2] = {0, 1000};
    plaint_score s;
    double ri = 0;
    plaint_score_init(&s, sizeof s);
    CHECK(plaint_mean(v, 2, 0, 1000, 0.95, &s) == PLAINT_OK && s.value == 500);
    CHECK(plaint_mean(v, 2, 0, 1001, 0.95, &s) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_random_index(PLAINT_RI_SAATY1980, 15, &ri) == PLAINT_OK && ri == 1.59);
    CHECK(plaint_random_index(PLAINT_RI_SAATY1980, 16, &ri) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_random_index(PLAINT_RI_DONEGAN_DODD, 20, &ri) == PLAINT_OK && ri == 1.5371);
    CHECK(plaint_random_index(PLAINT_RI_DONEGAN_DODD, 21, &ri) == PLAINT_E_OUT_OF_RANGE);
}

/* At most 1,000 events in one complaint's log in a ledger, the receipt included. No SLA policy
 * and no rules: the log is what is applied. Receipt, record, 249 cycles of classify, explain,
 * close, reopen (998 events), classify (999), explain (1,000); then close is TOO_LARGE. */
static void events_per_complaint(void) {
    static const int32_t cycle[4] = {PLAINT_EVENT_CLASSIFY, PLAINT_EVENT_EXPLAIN,
                                     PLAINT_EVENT_CLOSE, PLAINT_EVENT_REOPEN};
    plaint_profile* p = NULL;
    plaint_ledger* l = NULL;
    plaint_event e = PLAINT_EVENT_INIT;
    size_t i = 0, n = 0, k;
    int ok = 1;
    CHECK(plaint_profile_from_json(
              &p, "{\"plaint_profile\": 1, \"rules\": {\"sections\": []}, \"policies\": {}}",
              PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_ledger_new(&l, p) == PLAINT_OK);
    CHECK(plaint_ledger_add_complaint_json(l, "{\"id\": \"K\", \"received\": 0}", PLAINT_NTS, &i) ==
          PLAINT_OK);
    e.role = PLAINT_ROLE_CS_MANAGER;
    e.nature = PLAINT_NATURE_INVALID;
    e.type = PLAINT_EVENT_RECORD;
    e.at = 1;
    ok &= plaint_ledger_add_event(l, i, &e) == PLAINT_OK;
    for (k = 0; k < 249 * 4 + 2; ++k) {
        e.type = cycle[k % 4];
        e.at = (int64_t)k + 2;
        ok &= plaint_ledger_add_event(l, i, &e) == PLAINT_OK;
    }
    CHECK(ok);
    CHECK(plaint_ledger_event_count(l, &n) == PLAINT_OK && n == 1000);
    e.type = PLAINT_EVENT_CLOSE;
    e.at = 10000;
    CHECK(plaint_ledger_add_event(l, i, &e) == PLAINT_E_TOO_LARGE);
    CHECK(plaint_ledger_event_count(l, &n) == PLAINT_OK && n == 1000);
    plaint_ledger_free(l);
    plaint_profile_free(p);
}

int main(void) {
    texts();
    documents();
    years();
    ledger();
    events_per_complaint();
    imports();
    scales();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
