/* The calendar face of the C ABI, exercised from C99: every plaint_calendar_* entry point with
 * good input, NULL pointers, instants outside the years a calendar computes and bad documents,
 * and plaint_last_error_location. Expected instants are worked by hand from the hours of
 * examples/data/calendars/cn-office.json (Mon-Fri 09:00-12:00 and 13:00-18:00 in Asia/Shanghai,
 * UTC+8 all year, with the State Council's 2025 and 2026 holidays); the comment beside each
 * says how. Instants are written as ISO 8601 text and read with plaint_instant_parse. */
#include "plaint/plaint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define H 3600LL
#define MIN 60LL
#define NBATCH 6

/* The instant of an ISO 8601 text; a bad text fails the test. */
static int64_t at(const char* iso) {
    int64_t t = 0;
    if (plaint_instant_parse(iso, PLAINT_NTS, &t) != PLAINT_OK) {
        ++failures;
        fprintf(stderr, "cannot parse %s: %s\n", iso, plaint_last_error_message());
    }
    return t;
}

/* The whole of a file as a NUL-terminated string (malloc'd), or NULL. */
static char* read_file(const char* path) {
    FILE* f = fopen(path, "rb");
    char* text = NULL;
    long size;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        text = malloc((size_t)size + 1);
        if (text) {
            size_t got = fread(text, 1, (size_t)size, f);
            text[got] = '\0';
        }
    }
    fclose(f);
    return text;
}

static plaint_calendar* load(const char* name) {
    char path[1024];
    char* text;
    plaint_calendar* c = NULL;
    snprintf(path, sizeof path, "%s/calendars/%s", PLAINT_DATA_DIR, name);
    text = read_file(path);
    CHECK(text != NULL);
    if (!text)
        return NULL;
    CHECK(plaint_calendar_from_json(&c, text, PLAINT_NTS) == PLAINT_OK);
    free(text);
    return c;
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

static void test_cn_office(void) {
    plaint_calendar* c = load("cn-office.json");
    int64_t t = 0, d = 0;
    int32_t open = -1;
    if (!c)
        return;
    /* 31 Dec 17:00 + 2 h: one hour to 18:00, 1-3 Jan closed (New Year), Sunday 4 Jan is a
     * make-up workday: the second hour is 09:00-10:00 on 4 Jan. */
    CHECK(plaint_calendar_add(c, at("2025-12-31T17:00:00+08:00"), 2 * H, &t) == PLAINT_OK);
    CHECK(t == at("2026-01-04T10:00:00+08:00"));
    /* Monday 5 Jan 11:30 + 1 h: 30 min to 12:00, lunch 12:00-13:00 closed, 30 min to 13:30. */
    CHECK(plaint_calendar_add(c, at("2026-01-05T11:30:00+08:00"), H, &t) == PLAINT_OK);
    CHECK(t == at("2026-01-05T13:30:00+08:00"));
    /* The earliest instant: 11:00 + 1 h ends at the 12:00 closing, not at the 13:00 reopening. */
    CHECK(plaint_calendar_add(c, at("2026-01-05T11:00:00+08:00"), H, &t) == PLAINT_OK);
    CHECK(t == at("2026-01-05T12:00:00+08:00"));
    /* The latest instant: 13:30 - 30 min is 13:00, not 12:00 (the lunch hour holds no time). */
    CHECK(plaint_calendar_sub(c, at("2026-01-05T13:30:00+08:00"), 30 * MIN, &t) == PLAINT_OK);
    CHECK(t == at("2026-01-05T13:00:00+08:00"));
    /* A negative duration goes the other way. */
    CHECK(plaint_calendar_add(c, at("2026-01-05T13:30:00+08:00"), -30 * MIN, &t) == PLAINT_OK);
    CHECK(t == at("2026-01-05T13:00:00+08:00"));
    CHECK(plaint_calendar_sub(c, at("2026-01-05T11:30:00+08:00"), -H, &t) == PLAINT_OK);
    CHECK(t == at("2026-01-05T13:30:00+08:00"));
    /* 8 Oct 09:00 - 1 h: 1-7 Oct closed (National Day), so 17:00-18:00 on 30 Sep. */
    CHECK(plaint_calendar_sub(c, at("2026-10-08T09:00:00+08:00"), H, &t) == PLAINT_OK);
    CHECK(t == at("2026-09-30T17:00:00+08:00"));
    /* 24 business hours from 30 Sep 15:00: 3 h left that day, 8 Oct 8 h, 9 Oct 8 h, then
     * 5 h on Saturday 10 Oct (a make-up workday): 09:00-12:00 and 13:00-15:00. */
    CHECK(plaint_calendar_add(c, at("2026-09-30T15:00:00+08:00"), 24 * H, &t) == PLAINT_OK);
    CHECK(t == at("2026-10-10T15:00:00+08:00"));
    /* 13 Feb (Fri) 8 h + 14 Feb (Sat, worked) 8 h + 15-23 Feb closed + 24 Feb (Tue) 8 h. */
    CHECK(plaint_calendar_between(c, at("2026-02-13T00:00:00+08:00"),
                                  at("2026-02-25T00:00:00+08:00"), &d) == PLAINT_OK);
    CHECK(d == 24 * H);
    CHECK(plaint_calendar_between(c, at("2026-02-25T00:00:00+08:00"),
                                  at("2026-02-13T00:00:00+08:00"), &d) == PLAINT_OK);
    CHECK(d == -24 * H);
    CHECK(plaint_calendar_between(c, at("2026-01-05T12:00:00+08:00"),
                                  at("2026-01-05T12:00:00+08:00"), &d) == PLAINT_OK);
    CHECK(d == 0);
    /* Half-open openings: open at 09:00 and 13:00, closed at 12:00 and through lunch. */
    CHECK(plaint_calendar_is_open(c, at("2026-01-05T12:30:00+08:00"), &open) == PLAINT_OK);
    CHECK(open == 0);
    CHECK(plaint_calendar_is_open(c, at("2026-01-05T12:00:00+08:00"), &open) == PLAINT_OK);
    CHECK(open == 0);
    CHECK(plaint_calendar_is_open(c, at("2026-01-05T11:59:59+08:00"), &open) == PLAINT_OK);
    CHECK(open == 1);
    CHECK(plaint_calendar_is_open(c, at("2026-01-05T09:00:00+08:00"), &open) == PLAINT_OK);
    CHECK(open == 1);
    CHECK(plaint_calendar_is_open(c, at("2026-01-01T10:00:00+08:00"), &open) == PLAINT_OK);
    CHECK(open == 0); /* New Year's Day, a Thursday */
    CHECK(plaint_calendar_is_open(c, at("2026-01-04T10:00:00+08:00"), &open) == PLAINT_OK);
    CHECK(open == 1); /* Sunday, worked */
    /* After 18:00 on 30 Sep the next opening is 8 Oct 09:00; open instants are their own. */
    CHECK(plaint_calendar_next_open(c, at("2026-09-30T18:00:00+08:00"), &t) == PLAINT_OK);
    CHECK(t == at("2026-10-08T09:00:00+08:00"));
    CHECK(plaint_calendar_next_open(c, at("2026-01-05T12:30:00+08:00"), &t) == PLAINT_OK);
    CHECK(t == at("2026-01-05T13:00:00+08:00"));
    CHECK(plaint_calendar_next_open(c, at("2026-01-05T10:00:00+08:00"), &t) == PLAINT_OK);
    CHECK(t == at("2026-01-05T10:00:00+08:00"));
    plaint_calendar_free(c);
}

static void test_posix_zone_and_always_open(void) {
    /* CST-8 is the POSIX spelling of UTC+8 (POSIX counts west positive). */
    const char* posix = "{\"timezone\": \"CST-8\", \"week\": {\"mon\": [[\"09:00\", \"17:00\"]]}}";
    plaint_calendar* c = NULL;
    plaint_calendar* a = NULL;
    int64_t t = 0, d = 0;
    int32_t open = -1;
    char* json = NULL;
    CHECK(plaint_calendar_from_json(&c, posix, PLAINT_NTS) == PLAINT_OK);
    /* Monday 16:00 + 1 h is 17:00 that day; + 2 h is 09:00 the next Monday + 1 h. */
    CHECK(plaint_calendar_add(c, at("2026-01-05T16:00:00+08:00"), H, &t) == PLAINT_OK);
    CHECK(t == at("2026-01-05T17:00:00+08:00"));
    CHECK(plaint_calendar_add(c, at("2026-01-05T16:00:00+08:00"), 2 * H, &t) == PLAINT_OK);
    CHECK(t == at("2026-01-12T10:00:00+08:00"));
    plaint_calendar_free(c);

    CHECK(plaint_calendar_always_open(&a) == PLAINT_OK);
    CHECK(plaint_calendar_is_open(a, 0, &open) == PLAINT_OK && open == 1);
    CHECK(plaint_calendar_add(a, 0, 100, &t) == PLAINT_OK && t == 100);
    CHECK(plaint_calendar_sub(a, 0, 100, &t) == PLAINT_OK && t == -100);
    CHECK(plaint_calendar_between(a, 0, 100, &d) == PLAINT_OK && d == 100);
    CHECK(plaint_calendar_next_open(a, 42, &t) == PLAINT_OK && t == 42);
    CHECK(plaint_calendar_to_json(a, &json) == PLAINT_OK);
    CHECK(json && strcmp(json, "\"24x7\"") == 0);
    plaint_string_free(json);
    /* 24x7 is also a document. */
    c = NULL;
    CHECK(plaint_calendar_from_json(&c, "\"24x7\"", PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_calendar_add(c, 0, 86400, &t) == PLAINT_OK && t == 86400);
    plaint_calendar_free(c);
    /* Beyond int64 on a 24x7 calendar. */
    CHECK(plaint_calendar_add(a, 1, INT64_MAX, &t) == PLAINT_E_OVERFLOW);
    plaint_calendar_free(a);
}

static void test_batches(void) {
    plaint_calendar* c = load("cn-office.json");
    int64_t t[NBATCH], d[NBATCH], out[NBATCH], back[NBATCH], span[NBATCH], one = 0;
    size_t i;
    if (!c)
        return;
    t[0] = at("2025-12-31T17:00:00+08:00");
    t[1] = at("2026-01-05T11:30:00+08:00");
    t[2] = at("2026-09-30T15:00:00+08:00");
    t[3] = at("2026-02-13T17:00:00+08:00");
    t[4] = at("2026-05-09T09:00:00Z");
    t[5] = at("2026-10-10T11:59:00+08:00");
    d[0] = 2 * H;
    d[1] = H;
    d[2] = 24 * H;
    d[3] = 2 * H;
    d[4] = -30 * MIN;
    d[5] = 0;
    CHECK(plaint_calendar_add_many(c, t, d, NBATCH, out) == PLAINT_OK);
    CHECK(out[0] == at("2026-01-04T10:00:00+08:00"));
    CHECK(out[1] == at("2026-01-05T13:30:00+08:00"));
    CHECK(out[2] == at("2026-10-10T15:00:00+08:00"));
    CHECK(out[5] == t[5]);
    CHECK(plaint_calendar_sub_many(c, out, d, NBATCH, back) == PLAINT_OK);
    CHECK(plaint_calendar_between_many(c, t, out, NBATCH, span) == PLAINT_OK);
    for (i = 0; i < NBATCH; ++i) {
        CHECK(plaint_calendar_add(c, t[i], d[i], &one) == PLAINT_OK && out[i] == one);
        CHECK(plaint_calendar_sub(c, out[i], d[i], &one) == PLAINT_OK && back[i] == one);
        CHECK(plaint_calendar_between(c, t[i], out[i], &one) == PLAINT_OK && span[i] == one);
        CHECK(span[i] == d[i]); /* add then between gives the duration back */
    }
    /* sub after add lands on t when t is open (11:30 is; 17:00 on 31 Dec is too). */
    CHECK(back[0] == t[0] && back[1] == t[1] && back[2] == t[2]);

    /* Empty batches accept NULL arrays; non-empty ones do not. */
    CHECK(plaint_calendar_add_many(c, NULL, NULL, 0, NULL) == PLAINT_OK);
    CHECK(plaint_calendar_sub_many(c, NULL, NULL, 0, NULL) == PLAINT_OK);
    CHECK(plaint_calendar_between_many(c, NULL, NULL, 0, NULL) == PLAINT_OK);
    CHECK(plaint_calendar_add_many(NULL, t, d, 0, out) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_add_many(c, NULL, d, 1, out) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_add_many(c, t, NULL, 1, out) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_add_many(c, t, d, 1, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_sub_many(NULL, t, d, 1, out) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_sub_many(c, NULL, d, 1, out) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_sub_many(c, t, NULL, 1, out) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_sub_many(c, t, d, 1, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_between_many(NULL, t, d, 1, out) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_between_many(c, NULL, d, 1, out) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_between_many(c, t, NULL, 1, out) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_between_many(c, t, d, 1, NULL) == PLAINT_E_INVALID_ARGUMENT);

    /* A failing element stops the batch: earlier outputs are written, later ones are not. */
    t[2] = at("2300-01-01T00:00:00Z");
    for (i = 0; i < NBATCH; ++i)
        out[i] = back[i] = span[i] = -7;
    CHECK(plaint_calendar_add_many(c, t, d, NBATCH, out) == PLAINT_E_OUT_OF_RANGE);
    CHECK(strncmp(plaint_last_error_message(), "at index 2: ", 12) == 0);
    CHECK(out[0] == at("2026-01-04T10:00:00+08:00") && out[1] != -7);
    CHECK(out[2] == -7 && out[3] == -7 && out[5] == -7);
    CHECK(plaint_calendar_sub_many(c, t, d, NBATCH, back) == PLAINT_E_OUT_OF_RANGE);
    CHECK(strncmp(plaint_last_error_message(), "at index 2: ", 12) == 0);
    CHECK(back[0] != -7 && back[1] != -7 && back[2] == -7 && back[3] == -7);
    CHECK(plaint_calendar_between_many(c, t, t, NBATCH, span) == PLAINT_E_OUT_OF_RANGE);
    CHECK(strncmp(plaint_last_error_message(), "at index 2: ", 12) == 0);
    CHECK(span[0] == 0 && span[1] == 0 && span[2] == -7 && span[3] == -7);
    /* A duration that cannot be negated fails with its own code, at its index. */
    t[2] = at("2026-01-05T10:00:00+08:00");
    d[1] = INT64_MIN;
    CHECK(plaint_calendar_add_many(c, t, d, NBATCH, out) == PLAINT_E_OVERFLOW);
    CHECK(strncmp(plaint_last_error_message(), "at index 1: ", 12) == 0);
    CHECK(plaint_calendar_sub_many(c, t, d, NBATCH, out) == PLAINT_E_OVERFLOW);
    CHECK(strncmp(plaint_last_error_message(), "at index 1: ", 12) == 0);
    plaint_calendar_free(c);
}

static void test_null_and_range(void) {
    plaint_calendar* c = NULL;
    int64_t t = 0, far = at("2300-01-01T00:00:00Z"), early = at("1899-12-31T23:59:59Z");
    int32_t open = 0;
    char* s = NULL;
    CHECK(plaint_calendar_always_open(&c) == PLAINT_OK);

    CHECK(plaint_calendar_from_json(NULL, "\"24x7\"", PLAINT_NTS) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_always_open(NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_to_json(NULL, &s) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_to_json(c, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_is_open(NULL, 0, &open) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_is_open(c, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_next_open(NULL, 0, &t) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_next_open(c, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_add(NULL, 0, 0, &t) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_add(c, 0, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_sub(NULL, 0, 0, &t) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_sub(c, 0, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_between(NULL, 0, 0, &t) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_between(c, 0, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_tzdb_version(NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(strstr(plaint_last_error_message(), "NULL") != NULL);
    plaint_calendar_free(NULL);
    CHECK(s == NULL);
    plaint_calendar_free(c);

    /* Year 2300 and 1899 lie outside 1900-2199, for a 24x7 calendar and an office alike. */
    c = load("cn-office.json");
    if (c) {
        CHECK(plaint_calendar_is_open(c, far, &open) == PLAINT_E_OUT_OF_RANGE);
        CHECK(plaint_calendar_is_open(c, early, &open) == PLAINT_E_OUT_OF_RANGE);
        CHECK(plaint_calendar_next_open(c, far, &t) == PLAINT_E_OUT_OF_RANGE);
        CHECK(plaint_calendar_add(c, far, H, &t) == PLAINT_E_OUT_OF_RANGE);
        CHECK(plaint_calendar_sub(c, far, H, &t) == PLAINT_E_OUT_OF_RANGE);
        CHECK(plaint_calendar_between(c, 0, far, &t) == PLAINT_E_OUT_OF_RANGE);
        CHECK(plaint_calendar_between(c, early, 0, &t) == PLAINT_E_OUT_OF_RANGE);
        CHECK(plaint_calendar_add(c, INT64_MAX, 0, &t) == PLAINT_E_OUT_OF_RANGE);
        CHECK(plaint_calendar_add(c, INT64_MIN, 0, &t) == PLAINT_E_OUT_OF_RANGE);
        /* The last holiday listed is in 2026, but weekdays open every year: a result past
         * 2199 is out of range too. */
        CHECK(plaint_calendar_add(c, 0, INT64_MAX, &t) == PLAINT_E_OUT_OF_RANGE);
        CHECK(plaint_calendar_add(c, 0, INT64_MIN, &t) == PLAINT_E_OVERFLOW);
        CHECK(plaint_calendar_sub(c, 0, INT64_MIN, &t) == PLAINT_E_OVERFLOW);
        plaint_calendar_free(c);
    }
    c = NULL;
    CHECK(plaint_calendar_always_open(&c) == PLAINT_OK);
    CHECK(plaint_calendar_is_open(c, far, &open) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_calendar_add(c, 0, far, &t) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_calendar_between(c, far, 0, &t) == PLAINT_E_OUT_OF_RANGE);
    plaint_calendar_free(c);

    /* A calendar whose only opening is one date never opens after it. */
    c = NULL;
    CHECK(plaint_calendar_from_json(&c,
                                    "{\"timezone\": \"UTC\", \"dates\": "
                                    "{\"2026-01-05\": [[\"09:00\", \"10:00\"]]}}",
                                    PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_calendar_next_open(c, at("2026-01-01T00:00:00Z"), &t) == PLAINT_OK);
    CHECK(t == at("2026-01-05T09:00:00Z"));
    CHECK(plaint_calendar_next_open(c, at("2026-01-05T10:00:00Z"), &t) == PLAINT_E_NOT_FOUND);
    CHECK(plaint_calendar_add(c, at("2026-01-05T09:30:00Z"), H, &t) == PLAINT_E_OUT_OF_RANGE);
    plaint_calendar_free(c);
}

static void test_documents_and_locations(void) {
    plaint_calendar* c = NULL;
    const char* p = NULL;
    int64_t t = 0;
    static const char syntax[] = "{\n  \"timezone\": \"UTC\",\n  }";
    /* Two problems: /week/mon/0 ends at 25:00, /closed/0 does not exist. Problems are listed
     * in document order, so the first is /week/mon/0, its interval's "[" at column 19 (counted
     * by hand). */
    static const char two[] = "{\"week\": {\"mon\": [[\"09:00\", \"25:00\"]]},"
                              " \"closed\": [\"2026-02-30\"]}";

    /* Malformed JSON: the trailing comma is seen at the "}" on line 3, column 3. */
    CHECK(plaint_calendar_from_json(&c, syntax, PLAINT_NTS) == PLAINT_E_PARSE);
    CHECK(c == NULL);
    CHECK(location_is("", 3, 3));
    CHECK(strstr(plaint_last_error_message(), "line 3, column 3") != NULL);
    /* Every output is optional. */
    CHECK(plaint_last_error_location(NULL, NULL, NULL) == PLAINT_OK);
    /* A later success keeps the place of the last failure. */
    CHECK(plaint_instant_parse("2026-01-05T00:00:00Z", PLAINT_NTS, &t) == PLAINT_OK);
    CHECK(location_is("", 3, 3));
    /* A failure without a place clears it. */
    CHECK(plaint_calendar_always_open(NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(location_is("", 0, 0));
    {
        size_t line = 7;
        CHECK(plaint_last_error_location(&p, &line, NULL) == PLAINT_OK);
        CHECK(p != NULL && *p == '\0' && line == 0);
    }

    /* Validation names the JSON pointer and the line and column of its value (counted by hand
     * in each text); a range problem inside an interval points at it. */
    CHECK(plaint_calendar_from_json(&c,
                                    "{\"timezone\": \"UTC\", \"week\": {\"mon\": "
                                    "[[\"09:00\", \"25:00\"]]}}",
                                    PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(c == NULL);
    CHECK(location_is("/week/mon/0", 1, 38));
    CHECK(strstr(plaint_last_error_message(), "/week/mon/0: time '25:00'") != NULL);
    CHECK(plaint_calendar_from_json(&c, two, PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(location_is("/week/mon/0", 1, 19));
    CHECK(strstr(plaint_last_error_message(), "has 2 problems") != NULL);
    CHECK(strstr(plaint_last_error_message(), "/closed/0") != NULL);
    /* Overlapping openings point at the day. */
    CHECK(plaint_calendar_from_json(&c,
                                    "{\"week\": {\"tue\": [[\"09:00\", \"12:00\"], "
                                    "[\"11:00\", \"13:00\"]]}}",
                                    PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(location_is("/week/tue", 1, 18));
    /* Wrong shapes, unknown keys and a string that is not "24x7". */
    CHECK(plaint_calendar_from_json(&c, "{\"wek\": {}}", PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(location_is("/wek", 1, 9));
    CHECK(plaint_calendar_from_json(&c, "\"weekdays\"", PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(location_is("/", 0, 0));
    CHECK(plaint_calendar_from_json(&c, "[]", PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(plaint_calendar_from_json(&c,
                                    "{\"closed\": [\"2026-01-05\"], \"dates\": "
                                    "{\"2026-01-05\": [[\"09:00\", \"10:00\"]]}}",
                                    PLAINT_NTS) == PLAINT_E_VALIDATION);
    CHECK(location_is("/dates/2026-01-05", 1, 52));

    /* Unknown zones. */
    CHECK(plaint_calendar_from_json(&c, "{\"timezone\": \"Mars/Olympus_Mons\"}", PLAINT_NTS) ==
          PLAINT_E_NOT_FOUND);
    CHECK(plaint_calendar_from_json(&c, "{\"timezone\": \"XYZ\"}", PLAINT_NTS) ==
          PLAINT_E_NOT_FOUND);
    CHECK(c == NULL);

    /* Length-delimited text: only the first 6 bytes count; NULL is empty only with length 0. */
    CHECK(plaint_calendar_from_json(&c, "\"24x7\"garbage", 6) == PLAINT_OK);
    plaint_calendar_free(c);
    c = NULL;
    /* A NUL byte is not JSON, even at the end of the given length. */
    CHECK(plaint_calendar_from_json(&c, "\"24x7\"\0", 7) == PLAINT_E_PARSE);
    CHECK(location_is("", 1, 7));
    CHECK(plaint_calendar_from_json(&c, "{\n\"timezone\": \"UTC\"\n}\n\0x", 23) == PLAINT_E_PARSE);
    CHECK(location_is("", 4, 1));
    CHECK(plaint_calendar_from_json(&c, NULL, 0) == PLAINT_E_PARSE);
    CHECK(plaint_calendar_from_json(&c, NULL, PLAINT_NTS) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_calendar_from_json(&c, "", PLAINT_NTS) == PLAINT_E_PARSE);
    CHECK(plaint_calendar_from_json(&c, "{\"timezone\": \"\xff\"}", PLAINT_NTS) == PLAINT_E_PARSE);
    CHECK(c == NULL);

    /* Hostile sizes: nested too deep, and over 16 MiB. */
    {
        char deep[201];
        char* big;
        memset(deep, '[', 100);
        memset(deep + 100, ']', 100);
        deep[200] = '\0';
        CHECK(plaint_calendar_from_json(&c, deep, PLAINT_NTS) == PLAINT_E_TOO_LARGE);
        big = malloc((17u << 20) + 1);
        CHECK(big != NULL);
        if (big) {
            memset(big, ' ', 17u << 20);
            big[17u << 20] = '\0';
            CHECK(plaint_calendar_from_json(&c, big, 17u << 20) == PLAINT_E_TOO_LARGE);
            free(big);
        }
        CHECK(c == NULL);
    }
}

static void test_round_trip_and_tzdb(void) {
    plaint_calendar* c = load("cn-office.json");
    plaint_calendar* again = NULL;
    char *json = NULL, *json2 = NULL, *version = NULL;
    int64_t t = 0;
    const char* names[] = {"24x7.json", "cn-hotline.json", "fr-paris-office.json",
                           "us-new-york-office.json"};
    size_t i;
    if (c) {
        CHECK(plaint_calendar_to_json(c, &json) == PLAINT_OK && json != NULL);
        CHECK(json && strstr(json, "\"timezone\":\"Asia/Shanghai\"") != NULL);
        CHECK(plaint_calendar_from_json(&again, json, PLAINT_NTS) == PLAINT_OK);
        CHECK(plaint_calendar_to_json(again, &json2) == PLAINT_OK);
        CHECK(json && json2 && strcmp(json, json2) == 0);
        CHECK(plaint_calendar_add(again, at("2025-12-31T17:00:00+08:00"), 2 * H, &t) == PLAINT_OK);
        CHECK(t == at("2026-01-04T10:00:00+08:00"));
        plaint_string_free(json);
        plaint_string_free(json2);
        plaint_calendar_free(again);
        plaint_calendar_free(c);
    }
    for (i = 0; i < sizeof names / sizeof names[0]; ++i)
        plaint_calendar_free(load(names[i])); /* every shipped calendar loads */

    CHECK(plaint_tzdb_version(&version) == PLAINT_OK);
    /* A year and a letter ("2024a"), or "" where the database does not say (Debian's tzdata
     * has no +VERSION file). */
    CHECK(version != NULL);
    if (version && *version) {
        CHECK(strlen(version) >= 5);
        for (i = 0; i < 4 && version[i]; ++i)
            CHECK(version[i] >= '0' && version[i] <= '9');
    }
    plaint_string_free(version);
}

/* POSIX TZ rules are read whole and strictly (issue 12): each of these once reached Boost's
 * reader, which walked past its end, loaded a week of 58 or 9 into an enum, or ignored ",M". */
static void test_posix_rules_strict(void) {
    static const char* const bad[] = {"AAA1BBB,M1,M1.1.0",
                                      "EST5EDT,M3.2.0,M11/1.0",
                                      "EST5EDT,M3,M11.1.0",
                                      "CET-1CEST,M3.5.0,M10.58.0/3",
                                      "CET-1CEST,M3.5.0,M1.9.0",
                                      "CST-8,M",
                                      "AAA5BBB",
                                      "AAA5BBB,J60,J300",
                                      "AAA5BBB,M3.2.0/24,M11.1.0",
                                      "AAA19"};
    char doc[256];
    size_t i;
    plaint_calendar* c = NULL;
    plaint_policy_set* set = NULL;
    plaint_profile* p = NULL;
    int64_t t = 0;
    for (i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        snprintf(doc, sizeof doc,
                 "{\"timezone\": \"%s\", \"week\": {\"mon\": [[\"09:00\", \"17:00\"]]}}", bad[i]);
        c = NULL;
        CHECK(plaint_calendar_from_json(&c, doc, PLAINT_NTS) == PLAINT_E_NOT_FOUND);
        CHECK(c == NULL);
        CHECK(strstr(plaint_last_error_message(), "POSIX TZ") != NULL);
        /* The same zone in a policy set's and a profile's calendars: a validation problem. */
        snprintf(doc, sizeof doc,
                 "{\"calendars\": {\"office\": {\"timezone\": \"%s\", \"week\": {\"mon\": "
                 "[[\"09:00\", \"17:00\"]]}}}}",
                 bad[i]);
        set = NULL;
        CHECK(plaint_policy_set_from_json(&set, doc, PLAINT_NTS) == PLAINT_E_VALIDATION);
        CHECK(set == NULL);
        CHECK(strstr(plaint_last_error_message(), "POSIX TZ") != NULL);
        snprintf(doc, sizeof doc,
                 "{\"plaint_profile\": 1, \"calendars\": {\"office\": {\"timezone\": \"%s\", "
                 "\"week\": {\"mon\": [[\"09:00\", \"17:00\"]]}}}}",
                 bad[i]);
        p = NULL;
        CHECK(plaint_profile_from_json(&p, doc, PLAINT_NTS) == PLAINT_E_VALIDATION);
        CHECK(p == NULL);
        CHECK(strstr(plaint_last_error_message(), "POSIX TZ") != NULL);
    }
    /* Valid rules still work. EST5EDT,M3.2.0,M11.1.0 in 2026: DST starts Sunday 8 March 02:00
     * EST (07:00Z), ends Sunday 1 November 02:00 EDT (06:00Z). Open 01:59-03:00 local on
     * 8 March: 01:59 EST = 06:59Z, 03:00 EDT = 07:00Z, one minute. The second spelling gives
     * the DST offset (4 h west) and quoted names. */
    {
        static const char* const good[] = {"EST5EDT,M3.2.0,M11.1.0",
                                           "<EST>5<EDT>4,M3.2.0/2,M11.1.0/2:00"};
        int64_t d = 0;
        for (i = 0; i < 2; ++i) {
            snprintf(doc, sizeof doc,
                     "{\"timezone\": \"%s\", \"dates\": {\"2026-03-08\": [[\"01:59\", \"03:00\"]], "
                     "\"2026-11-01\": [[\"01:30\", \"02:00\"]]}}",
                     good[i]);
            c = NULL;
            CHECK(plaint_calendar_from_json(&c, doc, PLAINT_NTS) == PLAINT_OK);
            CHECK(plaint_calendar_next_open(c, at("2026-03-08T00:00:00Z"), &t) == PLAINT_OK);
            CHECK(t == at("2026-03-08T06:59:00Z"));
            CHECK(plaint_calendar_between(c, at("2026-03-08T00:00:00Z"), at("2026-03-09T00:00:00Z"),
                                          &d) == PLAINT_OK);
            CHECK(d == 60);
            /* 01:30 on 1 November comes twice: the earlier, 01:30 EDT = 05:30Z; 02:00 EST =
             * 07:00Z. */
            CHECK(plaint_calendar_next_open(c, at("2026-11-01T00:00:00Z"), &t) == PLAINT_OK);
            CHECK(t == at("2026-11-01T05:30:00Z"));
            CHECK(plaint_calendar_between(c, at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z"),
                                          &d) == PLAINT_OK);
            CHECK(d == 90 * 60);
            plaint_calendar_free(c);
        }
    }
}

int main(void) {
    test_cn_office();
    test_posix_zone_and_always_open();
    test_posix_rules_strict();
    test_batches();
    test_null_and_range();
    test_documents_and_locations();
    test_round_trip_and_tzdb();
    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
