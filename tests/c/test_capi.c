/* The C ABI, exercised from C99: every entry point with good input, NULL pointers and
 * out-of-range values. Expected values come from plaint.h and from hand-worked instants. */
#include "plaint/plaint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define T0 1772414100LL /* 2026-03-02T09:15:00+08:00, worked by hand */
#define MIN 60LL

static int32_t state_of(const plaint_complaint* c) {
    int32_t s = -1;
    CHECK(plaint_complaint_state(c, &s) == PLAINT_OK);
    return s;
}

static size_t count_of(const plaint_complaint* c) {
    size_t n = 0;
    CHECK(plaint_complaint_event_count(c, &n) == PLAINT_OK);
    return n;
}

static void test_versions(void) {
    CHECK(plaint_version_number() == PLAINT_VERSION_NUMBER);
    CHECK(strcmp(plaint_version_string(), PLAINT_VERSION_STRING) == 0);
    CHECK(plaint_abi_version() == PLAINT_ABI_VERSION);
    CHECK(PLAINT_VERSION_NUMBER == 600); /* 0.6.0 */
}

static void test_errors(void) {
    CHECK(strcmp(plaint_status_string(PLAINT_OK), "ok") == 0);
    CHECK(strcmp(plaint_status_string(PLAINT_E_ILLEGAL_TRANSITION), "illegal transition") == 0);
    CHECK(strcmp(plaint_status_string(12345), "unknown status") == 0);
    CHECK(strcmp(plaint_status_string(-12345), "unknown status") == 0);
    plaint_string_free(NULL);
    plaint_complaint_free(NULL);
    plaint_event_init(NULL, sizeof(plaint_event));
}

static void test_enums(void) {
    const char* name = NULL;
    int32_t code = -1;
    CHECK(plaint_enum_name(PLAINT_ENUM_VISIT_METHOD, PLAINT_VISIT_ON_SITE, &name) == PLAINT_OK);
    CHECK(name && strcmp(name, "on_site") == 0);
    CHECK(plaint_enum_name(PLAINT_ENUM_NATURE, PLAINT_NATURE_UNJUDGED, &name) == PLAINT_OK);
    CHECK(name && strcmp(name, "unjudged") == 0);
    CHECK(plaint_enum_parse(PLAINT_ENUM_ROLE, "general_manager", &code) == PLAINT_OK);
    CHECK(code == PLAINT_ROLE_GENERAL_MANAGER);
    CHECK(plaint_enum_parse(PLAINT_ENUM_EVENT, "unsatisfied", &code) == PLAINT_OK);
    CHECK(code == PLAINT_EVENT_UNSATISFIED);
    CHECK(plaint_enum_name(PLAINT_ENUM_CHANNEL, 99, &name) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_enum_name(0, 1, &name) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_enum_name(12, 1, &name) == PLAINT_E_OUT_OF_RANGE); /* kinds end at 11 (0.7) */
    CHECK(plaint_enum_name(PLAINT_ENUM_CHANNEL, 1, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_enum_parse(PLAINT_ENUM_CHANNEL, "sms", &code) == PLAINT_E_OUT_OF_RANGE);
    CHECK(strstr(plaint_last_error_message(), "expected one of phone, visit") != NULL);
    CHECK(plaint_enum_parse(PLAINT_ENUM_CHANNEL, NULL, &code) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_enum_parse(PLAINT_ENUM_CHANNEL, "phone", NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_enum_parse(-3, "phone", &code) == PLAINT_E_OUT_OF_RANGE);
}

static void test_time(void) {
    int64_t t = 0;
    char* s = NULL;
    CHECK(plaint_instant_parse("2026-03-02T09:15:00+08:00", PLAINT_NTS, &t) == PLAINT_OK);
    CHECK(t == T0);
    /* Length-delimited: only the first 20 bytes count. */
    CHECK(plaint_instant_parse("1970-01-01T00:00:00Zgarbage", 20, &t) == PLAINT_OK);
    CHECK(t == 0);
    CHECK(plaint_instant_parse("2026-02-30T00:00:00Z", PLAINT_NTS, &t) == PLAINT_E_PARSE);
    CHECK(strstr(plaint_last_error_message(), "column 9") != NULL);
    CHECK(plaint_instant_parse("2026-03-02T09:15:00", PLAINT_NTS, &t) == PLAINT_E_PARSE);
    CHECK(plaint_instant_parse("1300-01-01T00:00:00Z", PLAINT_NTS, &t) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_instant_parse("2026-03-02T09:15:00\0Z", 21, &t) == PLAINT_E_PARSE);
    CHECK(plaint_instant_parse("\xff\xfe", PLAINT_NTS, &t) == PLAINT_E_PARSE);
    CHECK(plaint_instant_parse(NULL, PLAINT_NTS, &t) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_instant_parse("", 0, &t) == PLAINT_E_PARSE);
    CHECK(plaint_instant_parse(NULL, 0, &t) == PLAINT_E_PARSE); /* empty text */
    CHECK(plaint_instant_parse("1970-01-01T00:00:00Z", PLAINT_NTS, NULL) ==
          PLAINT_E_INVALID_ARGUMENT);

    CHECK(plaint_instant_format(T0, 8 * 3600, &s) == PLAINT_OK);
    CHECK(s && strcmp(s, "2026-03-02T09:15:00+08:00") == 0);
    plaint_string_free(s);
    s = NULL;
    CHECK(plaint_instant_format(-1, 0, &s) == PLAINT_OK);
    CHECK(s && strcmp(s, "1969-12-31T23:59:59Z") == 0);
    plaint_string_free(s);
    s = NULL;
    CHECK(plaint_instant_format(INT64_MAX, 0, &s) == PLAINT_E_OUT_OF_RANGE);
    CHECK(s == NULL);
    CHECK(plaint_instant_format(0, 45, &s) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_instant_format(0, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    /* Issue 12: an offset cannot carry an instant past the text range. 9999-12-31T23:59:59 at
     * -00:01 is 10000-01-01T00:00:59Z and 1400-01-01T00:00:00 at +00:01 is 1399-12-31T23:59Z:
     * refused; 9999-12-31T22:59:59-01:00 is the last instant, 253402300799, and writes back. */
    t = 7;
    CHECK(plaint_instant_parse("9999-12-31T23:59:59-00:01", PLAINT_NTS, &t) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_instant_parse("1400-01-01T00:00:00+00:01", PLAINT_NTS, &t) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(t == 7);
    CHECK(plaint_instant_parse("9999-12-31T22:59:59-01:00", PLAINT_NTS, &t) == PLAINT_OK);
    CHECK(t == 253402300799LL);
    CHECK(plaint_instant_format(t, 0, &s) == PLAINT_OK);
    CHECK(s && strcmp(s, "9999-12-31T23:59:59Z") == 0);
    plaint_string_free(s);
}

static plaint_complaint* new_complaint(void) {
    plaint_complaint* c = NULL;
    CHECK(plaint_complaint_new(&c, "C-1", T0) == PLAINT_OK);
    return c;
}

static void test_fields(void) {
    plaint_complaint* c = new_complaint();
    const char* text = NULL;
    size_t len = 0;
    int32_t v = 0;
    int64_t t = 0;

    CHECK(plaint_complaint_text(c, PLAINT_FIELD_ID, &text, &len) == PLAINT_OK);
    CHECK(strcmp(text, "C-1") == 0 && len == 3);
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_CONTENT, "卫生间漏水", PLAINT_NTS) ==
          PLAINT_OK);
    CHECK(plaint_complaint_text(c, PLAINT_FIELD_CONTENT, &text, &len) == PLAINT_OK);
    CHECK(strcmp(text, "卫生间漏水") == 0 && len == 15); /* five 3-byte characters */
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_BUILDING, "3栋xyz", 4) == PLAINT_OK);
    CHECK(plaint_complaint_text(c, PLAINT_FIELD_BUILDING, &text, NULL) == PLAINT_OK);
    CHECK(strcmp(text, "3栋") == 0);

    /* Bad text leaves the field as it was. */
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_CONTENT, "a\0b", 3) == PLAINT_E_ENCODING);
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_CONTENT, "\xe6\xbc", 2) == PLAINT_E_ENCODING);
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_CONTENT, "\xc0\xaf", PLAINT_NTS) ==
          PLAINT_E_ENCODING);
    {
        char* big = malloc(65537);
        CHECK(big != NULL);
        if (big) {
            memset(big, 'a', 65537);
            CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_CONTENT, big, 65537) ==
                  PLAINT_E_TOO_LARGE);
            CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_REMEDY, big, 65536) == PLAINT_OK);
            free(big);
        }
    }
    CHECK(plaint_complaint_text(c, PLAINT_FIELD_CONTENT, &text, &len) == PLAINT_OK);
    CHECK(len == 15);
    CHECK(plaint_complaint_set_text(c, 0, "x", 1) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_set_text(c, 9, "x", 1) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_ID, "", 0) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_NAME, NULL, 0) == PLAINT_OK); /* empty */
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_NAME, NULL, 5) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_set_text(NULL, PLAINT_FIELD_NAME, "x", 1) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_text(c, 42, &text, &len) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_text(c, PLAINT_FIELD_ID, NULL, &len) == PLAINT_E_INVALID_ARGUMENT);

    CHECK(plaint_complaint_set_channel(c, PLAINT_CHANNEL_AUTHORITY) == PLAINT_OK);
    CHECK(plaint_complaint_channel(c, &v) == PLAINT_OK && v == PLAINT_CHANNEL_AUTHORITY);
    CHECK(plaint_complaint_set_channel(c, 0) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_set_channel(c, 8) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_channel(c, &v) == PLAINT_OK && v == PLAINT_CHANNEL_AUTHORITY);
    CHECK(plaint_complaint_set_category(c, PLAINT_CATEGORY_EQUIPMENT) == PLAINT_OK);
    CHECK(plaint_complaint_category(c, &v) == PLAINT_OK && v == PLAINT_CATEGORY_EQUIPMENT);
    CHECK(plaint_complaint_set_category(c, -1) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_set_reporter_count(c, 12) == PLAINT_OK);
    CHECK(plaint_complaint_reporter_count(c, &v) == PLAINT_OK && v == 12);
    CHECK(plaint_complaint_set_reporter_count(c, 0) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_set_received(c, T0 - 60) == PLAINT_OK);
    CHECK(plaint_complaint_received(c, &t) == PLAINT_OK && t == T0 - 60);
    CHECK(plaint_complaint_nature(c, &v) == PLAINT_OK && v == PLAINT_NATURE_UNJUDGED);
    CHECK(plaint_complaint_severity(c, &v) == PLAINT_OK && v == PLAINT_SEVERITY_UNSET);
    CHECK(plaint_complaint_owner(c, &v) == PLAINT_OK && v == PLAINT_ROLE_DUTY_STAFF);
    CHECK(plaint_complaint_visit_method(c, &v) == PLAINT_OK && v == PLAINT_VISIT_NONE);
    CHECK(plaint_complaint_cycle(c, &v) == PLAINT_OK && v == 1);

    /* Tags. */
    {
        size_t n = 0;
        const char* tag = NULL;
        CHECK(plaint_complaint_add_tag(c, "water") == PLAINT_OK);
        CHECK(plaint_complaint_add_tag(c, "漏水") == PLAINT_OK);
        CHECK(plaint_complaint_add_tag(c, "water") == PLAINT_OK);
        CHECK(plaint_complaint_tag_count(c, &n) == PLAINT_OK && n == 2);
        CHECK(plaint_complaint_tag(c, 1, &tag) == PLAINT_OK && strcmp(tag, "漏水") == 0);
        CHECK(plaint_complaint_tag(c, 2, &tag) == PLAINT_E_OUT_OF_RANGE);
        CHECK(plaint_complaint_add_tag(c, "") == PLAINT_E_INVALID_ARGUMENT);
        CHECK(plaint_complaint_add_tag(c, NULL) == PLAINT_E_INVALID_ARGUMENT);
        CHECK(plaint_complaint_remove_tag(c, "water") == PLAINT_OK);
        CHECK(plaint_complaint_remove_tag(c, "water") == PLAINT_E_NOT_FOUND);
        CHECK(plaint_complaint_tag_count(c, &n) == PLAINT_OK && n == 1);
    }

    /* Every getter refuses NULL. */
    CHECK(plaint_complaint_state(NULL, &v) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_state(c, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_received(NULL, &t) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_owner(NULL, &v) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_cycle(c, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_tag_count(NULL, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_event_count(NULL, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_rectification_deadline(c, NULL, &t) == PLAINT_E_INVALID_ARGUMENT);
    plaint_complaint_free(c);
}

static void test_new(void) {
    plaint_complaint* c = NULL;
    CHECK(plaint_complaint_new(NULL, "x", 0) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_new(&c, NULL, 0) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_new(&c, "", 0) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_new(&c, "\xff", 0) == PLAINT_E_ENCODING);
    CHECK(c == NULL);
}

static void test_lifecycle(void) {
    plaint_complaint* c = new_complaint();
    plaint_complaint* copy = NULL;
    plaint_event e = PLAINT_EVENT_INIT;
    int32_t v = 0, has = 0;
    int64_t deadline = 0;
    size_t i;

    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_RECORD, T0 + 10 * MIN, PLAINT_ROLE_DUTY_STAFF,
                                 "recorded") == PLAINT_OK);
    /* Details that RECORD does not use are ignored: neither checked nor logged. */
    {
        plaint_complaint* d = new_complaint();
        plaint_event in = PLAINT_EVENT_INIT, out = PLAINT_EVENT_INIT;
        in.type = PLAINT_EVENT_RECORD;
        in.at = T0 + MIN;
        in.role = PLAINT_ROLE_DUTY_STAFF;
        in.nature = 99;
        in.visit_method = 9;
        in.target_role = -4;
        CHECK(plaint_complaint_apply_event(d, &in) == PLAINT_OK);
        CHECK(plaint_complaint_event(d, 1, &out) == PLAINT_OK);
        CHECK(out.nature == PLAINT_NATURE_UNJUDGED && out.visit_method == PLAINT_VISIT_NONE &&
              out.target_role == PLAINT_ROLE_NONE && out.has_deadline == 0);
        plaint_complaint_free(d);
    }
    /* plaint_event_init zeroes exactly the caller's struct and records its size. */
    {
        unsigned char buf[sizeof(plaint_event) + 8];
        plaint_event* p = (plaint_event*)(void*)buf;
        memset(buf, 0xab, sizeof buf);
        plaint_event_init(p, sizeof(plaint_event));
        CHECK(p->size == sizeof(plaint_event) && p->type == 0 && p->note == NULL);
        CHECK(buf[sizeof(plaint_event)] == 0xab); /* nothing written past the struct */
        plaint_event_init(p, 2);                  /* too small to hold `size`: no-op */
        CHECK(p->size == sizeof(plaint_event));
    }
    /* A classify without a nature is refused. */
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_CLASSIFY, T0 + 20 * MIN, PLAINT_ROLE_DUTY_STAFF,
                                 NULL) == PLAINT_E_INVALID_ARGUMENT);
    e.type = PLAINT_EVENT_CLASSIFY;
    e.at = T0 + 20 * MIN;
    e.role = PLAINT_ROLE_DUTY_STAFF;
    e.nature = PLAINT_NATURE_VALID;
    e.severity = PLAINT_SEVERITY_P2;
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(plaint_complaint_nature(c, &v) == PLAINT_OK && v == PLAINT_NATURE_VALID);
    CHECK(plaint_complaint_severity(c, &v) == PLAINT_OK && v == PLAINT_SEVERITY_P2);

    plaint_event_init(&e, sizeof e);
    e.type = PLAINT_EVENT_ASSIGN;
    e.at = T0 + 30 * MIN;
    e.role = PLAINT_ROLE_DUTY_STAFF;
    e.target_role = PLAINT_ROLE_CS_ASSISTANT;
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(plaint_complaint_owner(c, &v) == PLAINT_OK && v == PLAINT_ROLE_CS_ASSISTANT);
    CHECK(plaint_complaint_allows(c, PLAINT_EVENT_START, &v) == PLAINT_OK && v == 1);
    CHECK(plaint_complaint_allows(c, PLAINT_EVENT_CLOSE, &v) == PLAINT_OK && v == 0);
    CHECK(plaint_complaint_allows(c, 99, &v) == PLAINT_E_OUT_OF_RANGE);

    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_START, T0 + 40 * MIN, PLAINT_ROLE_CS_ASSISTANT,
                                 NULL) == PLAINT_OK);
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_RESOLVE, T0 + 120 * MIN, PLAINT_ROLE_CS_ASSISTANT,
                                 "pipe replaced") == PLAINT_OK);

    /* A visit needs its method. */
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_VISIT, T0 + 1440 * MIN, PLAINT_ROLE_CS_ASSISTANT,
                                 NULL) == PLAINT_E_INVALID_ARGUMENT);
    plaint_event_init(&e, sizeof e);
    e.type = PLAINT_EVENT_VISIT;
    e.at = T0 + 1440 * MIN;
    e.role = PLAINT_ROLE_CS_ASSISTANT;
    e.visit_method = PLAINT_VISIT_PHONE;
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);

    plaint_event_init(&e, sizeof e);
    e.type = PLAINT_EVENT_UNSATISFIED;
    e.at = T0 + 1445 * MIN;
    e.role = PLAINT_ROLE_CS_ASSISTANT;
    e.has_deadline = 1;
    e.deadline = T0 + 3 * 1440 * MIN;
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(state_of(c) == PLAINT_STATE_RECTIFICATION);
    CHECK(plaint_complaint_rectification_deadline(c, &has, &deadline) == PLAINT_OK);
    CHECK(has == 1 && deadline == T0 + 3 * 1440 * MIN);

    /* Rejected events leave the complaint as it was. */
    CHECK(plaint_complaint_clone(c, &copy) == PLAINT_OK);
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_CLOSE, T0 + 1500 * MIN, PLAINT_ROLE_CS_ASSISTANT,
                                 NULL) == PLAINT_E_ILLEGAL_TRANSITION);
    CHECK(strcmp(plaint_last_error_message(),
                 "event 'close' is not allowed in state 'rectification'") == 0);
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_RESOLVE, T0, PLAINT_ROLE_CS_ASSISTANT, NULL) ==
          PLAINT_E_OUT_OF_ORDER);
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_RESOLVE, T0 + 1500 * MIN, 7, NULL) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_apply(c, 0, T0 + 1500 * MIN, PLAINT_ROLE_CS_ASSISTANT, NULL) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_RESOLVE, T0 + 1500 * MIN, PLAINT_ROLE_CS_ASSISTANT,
                                 "\xc3") == PLAINT_E_ENCODING);
    plaint_event_init(&e, sizeof e);
    e.type = PLAINT_EVENT_CLASSIFY; /* judging again is allowed here; severity 9 is not */
    e.at = T0 + 1500 * MIN;
    e.role = PLAINT_ROLE_CS_ASSISTANT;
    e.nature = PLAINT_NATURE_VALID;
    e.severity = 9;
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_E_OUT_OF_RANGE);
    e.severity = 0;
    e.size = 8; /* an uninitialised or foreign struct */
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_apply_event(c, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_complaint_apply_event(NULL, &e) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(count_of(c) == count_of(copy));
    CHECK(state_of(c) == state_of(copy));

    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_RESOLVE, T0 + 2000 * MIN, PLAINT_ROLE_CS_ASSISTANT,
                                 "re-sealed") == PLAINT_OK);
    plaint_event_init(&e, sizeof e);
    e.type = PLAINT_EVENT_VISIT;
    e.at = T0 + 2100 * MIN;
    e.role = PLAINT_ROLE_CS_MANAGER;
    e.visit_method = PLAINT_VISIT_ON_SITE;
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_SATISFIED, T0 + 2101 * MIN, PLAINT_ROLE_CS_MANAGER,
                                 NULL) == PLAINT_OK);
    CHECK(state_of(c) == PLAINT_STATE_CLOSED);
    CHECK(plaint_complaint_visit_method(c, &v) == PLAINT_OK && v == PLAINT_VISIT_ON_SITE);

    /* The log: types and state chain, worked from the calls above. */
    {
        const int32_t types[] = {
            PLAINT_EVENT_RECEIVE, PLAINT_EVENT_RECORD,      PLAINT_EVENT_CLASSIFY,
            PLAINT_EVENT_ASSIGN,  PLAINT_EVENT_START,       PLAINT_EVENT_RESOLVE,
            PLAINT_EVENT_VISIT,   PLAINT_EVENT_UNSATISFIED, PLAINT_EVENT_RESOLVE,
            PLAINT_EVENT_VISIT,   PLAINT_EVENT_SATISFIED};
        const int32_t to[] = {
            PLAINT_STATE_RECEIVED,     PLAINT_STATE_RECORDED,      PLAINT_STATE_CLASSIFIED,
            PLAINT_STATE_ASSIGNED,     PLAINT_STATE_IN_PROGRESS,   PLAINT_STATE_RESOLVED,
            PLAINT_STATE_RETURN_VISIT, PLAINT_STATE_RECTIFICATION, PLAINT_STATE_RESOLVED,
            PLAINT_STATE_RETURN_VISIT, PLAINT_STATE_CLOSED};
        CHECK(count_of(c) == 11);
        for (i = 0; i < 11 && i < count_of(c); ++i) {
            plaint_event out = PLAINT_EVENT_INIT;
            CHECK(plaint_complaint_event(c, i, &out) == PLAINT_OK);
            CHECK(out.type == types[i]);
            CHECK(out.to_state == to[i]);
            if (i > 0)
                CHECK(out.from_state == to[i - 1]);
            CHECK(out.note != NULL);
        }
    }
    {
        plaint_event out = PLAINT_EVENT_INIT;
        CHECK(plaint_complaint_event(c, 1, &out) == PLAINT_OK);
        CHECK(strcmp(out.note, "recorded") == 0 && out.at == T0 + 10 * MIN);
        CHECK(plaint_complaint_event(c, 3, &out) == PLAINT_OK);
        CHECK(out.target_role == PLAINT_ROLE_CS_ASSISTANT);
        CHECK(plaint_complaint_event(c, 7, &out) == PLAINT_OK);
        CHECK(out.has_deadline == 1 && out.deadline == T0 + 3 * 1440 * MIN);
        CHECK(plaint_complaint_event(c, 11, &out) == PLAINT_E_OUT_OF_RANGE);
        CHECK(plaint_complaint_event(c, (size_t)-1, &out) == PLAINT_E_OUT_OF_RANGE);
        CHECK(plaint_complaint_event(c, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
        out.size = 4;
        CHECK(plaint_complaint_event(c, 0, &out) == PLAINT_E_INVALID_ARGUMENT);
    }
    /* Reopen starts a new cycle in RECORDED. */
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_REOPEN, T0 + 3000 * MIN, PLAINT_ROLE_CS_MANAGER,
                                 "leak is back") == PLAINT_OK);
    CHECK(state_of(c) == PLAINT_STATE_RECORDED);
    CHECK(plaint_complaint_cycle(c, &v) == PLAINT_OK && v == 2);
    /* The clone taken earlier is independent of the original. */
    CHECK(state_of(copy) == PLAINT_STATE_RECTIFICATION);
    plaint_complaint_free(copy);
    plaint_complaint_free(c);
}

static void test_invalid_and_escalation(void) {
    plaint_complaint* c = new_complaint();
    plaint_event e = PLAINT_EVENT_INIT;
    int32_t v = 0;
    int64_t t = T0;
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_RECORD, t += MIN, PLAINT_ROLE_DUTY_STAFF, NULL) ==
          PLAINT_OK);
    e.type = PLAINT_EVENT_CLASSIFY;
    e.at = t += MIN;
    e.role = PLAINT_ROLE_DUTY_STAFF;
    e.nature = PLAINT_NATURE_INVALID;
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_ASSIGN, t += MIN, PLAINT_ROLE_DUTY_STAFF, NULL) ==
          PLAINT_E_ILLEGAL_TRANSITION);
    /* Escalate step by step to the company, then no further. */
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_ESCALATE, t += MIN, PLAINT_ROLE_DUTY_STAFF,
                                 NULL) == PLAINT_OK);
    CHECK(plaint_complaint_owner(c, &v) == PLAINT_OK && v == PLAINT_ROLE_CS_ASSISTANT);
    plaint_event_init(&e, sizeof e);
    e.type = PLAINT_EVENT_ESCALATE;
    e.at = t += MIN;
    e.role = PLAINT_ROLE_CS_ASSISTANT;
    e.target_role = PLAINT_ROLE_COMPANY;
    CHECK(plaint_complaint_apply_event(c, &e) == PLAINT_OK);
    CHECK(plaint_complaint_owner(c, &v) == PLAINT_OK && v == PLAINT_ROLE_COMPANY);
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_ESCALATE, t += MIN, PLAINT_ROLE_COMPANY, NULL) ==
          PLAINT_E_ILLEGAL_TRANSITION);
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_EXPLAIN, t += MIN, PLAINT_ROLE_COMPANY,
                                 "outside the management scope") == PLAINT_OK);
    CHECK(state_of(c) == PLAINT_STATE_EXPLAINED);
    CHECK(plaint_complaint_apply(c, PLAINT_EVENT_CLOSE, t += MIN, PLAINT_ROLE_COMPANY, NULL) ==
          PLAINT_OK);
    CHECK(state_of(c) == PLAINT_STATE_CLOSED);
    plaint_complaint_free(c);
}

int main(void) {
    test_versions();
    test_errors();
    test_enums();
    test_time();
    test_new();
    test_fields();
    test_lifecycle();
    test_invalid_and_escalation();
    printf("%d checks, %d failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
