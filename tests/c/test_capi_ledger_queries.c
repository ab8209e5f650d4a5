/* The ledger's queries from C99 (Since 0.6): the view of one complaint, select with each filter,
 * the clocks of every complaint at an instant (open, warning, breached), the escalations and
 * return visits due, the monthly return-visit quotas, month ranges, replay under another profile
 * and the periodic re-evaluation; with NULL pointers, bad enumeration codes, struct sizes too
 * small or misaligned, capacity 0 (the count only), short arrays (truncated, the rest
 * untouched), a caller's struct larger than the library's, indexes out of range and bad month
 * strings, each failure leaving every output as it was.
 *
 * Expected values are worked by hand from the default profile (examples/data/default-profile.json):
 * - policies: `complaint` (record 1 h, first feedback 24 h with escalation to the CS manager on
 *   breach, resolution 72 h with the CS manager on warning and the general manager on breach,
 *   round the clock; warnings at 75 % and 90 %), `repair` (record 1 h, response 24 h, completion
 *   48 h) and `consultation` (record 1 h; answered within 1 hour of the `office` calendar, the
 *   CS assistant on breach);
 * - the `office` calendar: Asia/Shanghai (UTC+8, no DST), Monday to Friday 09:00-18:00, closed
 *   1-7 October 2026, Saturday 10 October 2026 a make-up working day 09:00-18:00;
 * - the rules: equipment -> the `repair` policy and P3; "请问" with category other -> consulting
 *   under `consultation`; channel media -> major, P1, owned by the general manager; otherwise
 *   valid and P4 under `complaint`; return visits on site for major complaints, else by phone;
 *   monthly quotas CS manager 3, general manager 1;
 * - the README's tables of clock start and stop events and of the lifecycle.
 *
 * Instants: T0 = Monday 2026-10-12T09:00:00+08:00 = 01:00Z. 2026-01-01 is day 20454 since 1970
 * (56 years with 14 leap days: 56 * 365 + 14); 12 October is 273 + 11 days later, day 20738;
 * 20738 * 86400 + 3600 = 1791766800. 2026-01-01 was a Thursday, and 284 = 40 * 7 + 4 days on,
 * 12 October is a Monday. */
#include "plaint/plaint.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define MIN 60LL
#define HOUR 3600LL
#define T0 1791766800LL
/* Friday 2026-10-09T17:30:00+08:00: 2 days 15.5 hours before T0. */
#define Q4_RECEIVED (T0 - 63 * HOUR - 30 * MIN)

/* The four complaints, in intake order (indexes 0 to 3). */
static const char* const complaints[] = {
    /* 0: a service-quality complaint, assigned to the CS assistant and not yet started */
    "{\"id\":\"Q-1\",\"received\":\"2026-10-12T09:00:00+08:00\",\"channel\":\"phone\","
    "\"category\":\"quality\",\"building\":\"A1\",\"unit\":\"0101\","
    "\"content\":\"corridor lights broken\",\"events\":["
    "{\"type\":\"record\",\"at\":\"2026-10-12T09:10:00+08:00\",\"role\":\"duty_staff\"},"
    "{\"type\":\"classify\",\"at\":\"2026-10-12T09:20:00+08:00\",\"role\":\"duty_staff\","
    "\"nature\":\"valid\",\"severity\":\"p4\"},"
    "{\"type\":\"assign\",\"at\":\"2026-10-12T09:30:00+08:00\",\"role\":\"duty_staff\","
    "\"target\":\"cs_assistant\"}]}",
    /* 1: a repair, started at 11:00 and resolved at 14:00 */
    "{\"id\":\"Q-2\",\"received\":\"2026-10-12T10:00:00+08:00\",\"channel\":\"online\","
    "\"category\":\"equipment\",\"subcategory\":\"elevator\",\"building\":\"B3\","
    "\"unit\":\"2-0301\",\"content\":\"elevator stuck on floor 3\",\"events\":["
    "{\"type\":\"record\",\"at\":\"2026-10-12T10:05:00+08:00\",\"role\":\"duty_staff\"},"
    "{\"type\":\"classify\",\"at\":\"2026-10-12T10:10:00+08:00\",\"role\":\"duty_staff\","
    "\"nature\":\"valid\",\"severity\":\"p3\"},"
    "{\"type\":\"assign\",\"at\":\"2026-10-12T10:15:00+08:00\",\"role\":\"duty_staff\","
    "\"target\":\"cs_assistant\"},"
    "{\"type\":\"start\",\"at\":\"2026-10-12T11:00:00+08:00\",\"role\":\"cs_assistant\"},"
    "{\"type\":\"resolve\",\"at\":\"2026-10-12T14:00:00+08:00\",\"role\":\"cs_assistant\"}]}",
    /* 2: the same flat as Q-1, two hours later, and it reached the media; recorded only */
    "{\"id\":\"Q-3\",\"received\":\"2026-10-12T11:00:00+08:00\",\"channel\":\"media\","
    "\"category\":\"quality\",\"building\":\"A1\",\"unit\":\"0101\","
    "\"content\":\"reported to the evening paper\",\"events\":["
    "{\"type\":\"record\",\"at\":\"2026-10-12T11:05:00+08:00\",\"role\":\"duty_staff\"}]}",
    /* 3: a consultation received on Friday evening, judged consulting and left there */
    "{\"id\":\"Q-4\",\"received\":\"2026-10-09T17:30:00+08:00\",\"channel\":\"phone\","
    "\"category\":\"other\",\"content\":\"请问物业费怎么办理缴纳\",\"events\":["
    "{\"type\":\"record\",\"at\":\"2026-10-09T17:40:00+08:00\",\"role\":\"duty_staff\"},"
    "{\"type\":\"classify\",\"at\":\"2026-10-09T17:45:00+08:00\",\"role\":\"duty_staff\","
    "\"nature\":\"consulting\",\"severity\":\"p4\"}]}",
};
#define N_COMPLAINTS 4

/* The whole of a file as a NUL-terminated string (malloc'd), or NULL. */
static char* read_file(const char* path) {
    FILE* f = fopen(path, "rb");
    char* text = NULL;
    long size;
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        text = malloc((size_t)size + 1);
        if (text)
            text[fread(text, 1, (size_t)size, f)] = '\0';
    }
    fclose(f);
    return text;
}

static plaint_ledger* small_ledger(const plaint_profile* profile) {
    plaint_ledger* l = NULL;
    size_t i, index = 99;
    CHECK(plaint_ledger_new(&l, profile) == PLAINT_OK);
    for (i = 0; i < N_COMPLAINTS; ++i) {
        CHECK(plaint_ledger_add_complaint_json(l, complaints[i], PLAINT_NTS, &index) == PLAINT_OK);
        CHECK(index == i);
    }
    return l;
}

/* Whether the text `p`, `len` is `s`. */
static int text_is(const char* p, size_t len, const char* s) {
    return p != NULL && len == strlen(s) && memcmp(p, s, len) == 0;
}

static plaint_complaint_view view_of(const plaint_ledger* l, size_t index) {
    plaint_complaint_view v = PLAINT_COMPLAINT_VIEW_INIT;
    CHECK(plaint_ledger_view(l, index, &v) == PLAINT_OK);
    return v;
}

/* The second method for select: every complaint's view, filtered here. */
static size_t select_by_hand(const plaint_ledger* l, const plaint_query* q, size_t* out) {
    size_t i, n = 0, total = 0;
    CHECK(plaint_ledger_count(l, &total) == PLAINT_OK);
    for (i = 0; i < total; ++i) {
        const plaint_complaint_view v = view_of(l, i);
        if ((q->state != PLAINT_ANY && v.state != q->state) ||
            (q->owner != PLAINT_ANY && v.owner != q->owner) ||
            (q->category != PLAINT_ANY && v.category != q->category) ||
            (q->nature != PLAINT_ANY && v.nature != q->nature) ||
            (q->severity != PLAINT_ANY && v.severity != q->severity) ||
            (q->building && !text_is(v.building, v.building_len, q->building)) ||
            (q->open_only && v.state == PLAINT_STATE_CLOSED) ||
            (q->has_received_from && v.received < q->received_from) ||
            (q->has_received_before && v.received >= q->received_before))
            continue;
        out[n++] = i;
    }
    return n;
}

/* select(q) is `expected` (n indexes, worked by hand) and agrees with the second method. */
static void check_select(const plaint_ledger* l, const plaint_query* q, const size_t* expected,
                         size_t n) {
    size_t got[16], hand[16], count = 99, i;
    CHECK(plaint_ledger_select(l, q, got, 16, &count) == PLAINT_OK);
    CHECK(count == n);
    for (i = 0; i < n && i < count; ++i)
        CHECK(got[i] == expected[i]);
    CHECK(select_by_hand(l, q, hand) == n);
    for (i = 0; i < n; ++i)
        CHECK(hand[i] == expected[i]);
}

static void test_view(void) {
    plaint_ledger* l = small_ledger(NULL);
    plaint_complaint_view v = view_of(l, 0);
    plaint_complaint_view before;
    struct {
        plaint_complaint_view v;
        unsigned char extra[16];
    } newer;
    size_t i;

    CHECK(v.size == sizeof v);
    CHECK(v.index == 0);
    CHECK(text_is(v.id, v.id_len, "Q-1"));
    CHECK(v.received == T0);
    CHECK(v.channel == PLAINT_CHANNEL_PHONE);
    CHECK(v.category == PLAINT_CATEGORY_QUALITY);
    CHECK(v.subcategory != NULL && v.subcategory_len == 0); /* "" for an empty text, never NULL */
    CHECK(text_is(v.building, v.building_len, "A1"));
    CHECK(text_is(v.unit, v.unit_len, "0101"));
    CHECK(text_is(v.content, v.content_len, "corridor lights broken"));
    CHECK(v.reporter_count == 1);
    CHECK(v.repeat_count == 0); /* the first complaint from A1 0101 */
    CHECK(v.state == PLAINT_STATE_ASSIGNED);
    CHECK(v.owner == PLAINT_ROLE_CS_ASSISTANT); /* the assign event's target */
    CHECK(v.nature == PLAINT_NATURE_VALID);
    CHECK(v.severity == PLAINT_SEVERITY_P4);
    CHECK(v.visit_method == PLAINT_VISIT_NONE);
    CHECK(v.has_rectification_deadline == 0 && v.rectification_deadline == 0);
    CHECK(v.cycle == 1);
    CHECK(v.event_count == 4); /* receive, record, classify, assign */
    CHECK(v.last_event_at == T0 + 30 * MIN);
    CHECK(v.escalations == 0);
    CHECK(v.reevaluations == 0); /* the rules decide valid and P4: nothing to raise */
    CHECK(text_is(v.sla_policy, v.sla_policy_len, "complaint"));
    CHECK(v.rule_nature == PLAINT_NATURE_VALID);
    CHECK(v.rule_escalate_to == PLAINT_ROLE_NONE);
    CHECK(v.planned_visit == PLAINT_VISIT_PHONE);

    v = view_of(l, 1);
    CHECK(text_is(v.id, v.id_len, "Q-2"));
    CHECK(text_is(v.subcategory, v.subcategory_len, "elevator"));
    CHECK(text_is(v.sla_policy, v.sla_policy_len, "repair")); /* equipment */
    CHECK(v.state == PLAINT_STATE_RESOLVED);
    CHECK(v.severity == PLAINT_SEVERITY_P3);
    CHECK(v.event_count == 6 && v.last_event_at == T0 + 5 * HOUR);

    v = view_of(l, 2);
    CHECK(text_is(v.id, v.id_len, "Q-3"));
    CHECK(v.channel == PLAINT_CHANNEL_MEDIA);
    CHECK(v.repeat_count == 1); /* Q-1, from A1 0101 two hours before */
    CHECK(v.state == PLAINT_STATE_RECORDED);
    CHECK(v.owner == PLAINT_ROLE_DUTY_STAFF);
    CHECK(v.nature == PLAINT_NATURE_UNJUDGED); /* nobody judged it yet */
    CHECK(v.severity == PLAINT_SEVERITY_UNSET);
    CHECK(v.rule_nature == PLAINT_NATURE_MAJOR); /* reached the media */
    CHECK(v.rule_escalate_to == PLAINT_ROLE_GENERAL_MANAGER);
    CHECK(v.planned_visit == PLAINT_VISIT_ON_SITE); /* major: on site */

    v = view_of(l, 3);
    CHECK(text_is(v.id, v.id_len, "Q-4"));
    CHECK(v.received == Q4_RECEIVED);
    CHECK(v.building != NULL && v.building_len == 0 && v.unit_len == 0);
    CHECK(v.repeat_count == 0); /* no unit */
    CHECK(text_is(v.content, v.content_len, "请问物业费怎么办理缴纳"));
    CHECK(v.state == PLAINT_STATE_CLASSIFIED);
    CHECK(v.nature == PLAINT_NATURE_CONSULTING);
    CHECK(text_is(v.sla_policy, v.sla_policy_len, "consultation"));
    CHECK(v.rule_nature == PLAINT_NATURE_CONSULTING);

    /* failures leave *out as it was */
    memset(&before, 0xab, sizeof before);
    before.size = sizeof before;
    v = before;
    CHECK(plaint_ledger_view(l, N_COMPLAINTS, &v) == PLAINT_E_OUT_OF_RANGE);
    CHECK(memcmp(&v, &before, sizeof v) == 0);
    CHECK(plaint_ledger_view(l, (size_t)-1, &v) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_ledger_view(NULL, 0, &v) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_view(l, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    v.size = 4;
    before.size = 4;
    CHECK(plaint_ledger_view(l, 0, &v) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(strstr(plaint_last_error_message(), "PLAINT_COMPLAINT_VIEW_INIT") != NULL);
    v.size = offsetof(plaint_complaint_view, sla_policy_len); /* one field short */
    before.size = v.size;
    CHECK(plaint_ledger_view(l, 0, &v) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(memcmp(&v, &before, sizeof v) == 0);

    /* a caller compiled against a newer, larger struct: its extra bytes are left alone */
    memset(&newer, 0x5a, sizeof newer);
    newer.v.size = sizeof newer;
    CHECK(plaint_ledger_view(l, 2, &newer.v) == PLAINT_OK);
    CHECK(newer.v.size == sizeof newer);
    CHECK(text_is(newer.v.id, newer.v.id_len, "Q-3"));
    for (i = 0; i < sizeof newer.extra; ++i)
        CHECK(newer.extra[i] == 0x5a);

    /* the init function */
    memset(&v, 0xab, sizeof v);
    plaint_complaint_view_init(&v, sizeof v);
    CHECK(v.size == sizeof v && v.id == NULL && v.index == 0 && v.sla_policy_len == 0);
    plaint_complaint_view_init(NULL, sizeof v);
    v.index = 7;
    plaint_complaint_view_init(&v, 2); /* too small for `size`: a no-op */
    CHECK(v.index == 7);
    plaint_ledger_free(l);
}

static void test_select(void) {
    plaint_ledger* l = small_ledger(NULL);
    plaint_query q = PLAINT_QUERY_INIT;
    plaint_query init;
    size_t out[8], count = 99, i;
    static const size_t all[] = {0, 1, 2, 3};

    /* PLAINT_QUERY_INIT and plaint_query_init agree: every enumeration PLAINT_ANY */
    memset(&init, 0x55, sizeof init);
    plaint_query_init(&init, sizeof init);
    CHECK(init.size == sizeof init && init.state == PLAINT_ANY && init.owner == PLAINT_ANY);
    CHECK(init.category == PLAINT_ANY && init.nature == PLAINT_ANY && init.severity == PLAINT_ANY);
    CHECK(init.building == NULL && init.open_only == 0 && init.has_received_from == 0);
    CHECK(init.received_from == 0 && init.has_received_before == 0 && init.received_before == 0);
    CHECK(q.size == init.size && q.state == init.state && q.severity == init.severity);
    /* a shorter struct: only the members its size covers */
    memset(&init, 0x55, sizeof init);
    plaint_query_init(&init, offsetof(plaint_query, category));
    CHECK(init.size == offsetof(plaint_query, category));
    CHECK(init.state == PLAINT_ANY && init.owner == PLAINT_ANY);
    CHECK(init.category == 0x55555555);
    plaint_query_init(NULL, sizeof init);
    init.state = 5;
    plaint_query_init(&init, 3); /* too small for `size`: a no-op */
    CHECK(init.state == 5);

    /* everything, with the default query and with none */
    check_select(l, &q, all, 4);
    CHECK(plaint_ledger_select(l, NULL, out, 8, &count) == PLAINT_OK && count == 4);
    for (i = 0; i < 4; ++i)
        CHECK(out[i] == i);

    /* each filter on its own (the states, owners and judgements of test_view) */
    q.state = PLAINT_STATE_RESOLVED;
    {
        static const size_t e[] = {1};
        check_select(l, &q, e, 1);
    }
    q.state = PLAINT_STATE_ASSIGNED;
    {
        static const size_t e[] = {0};
        check_select(l, &q, e, 1);
    }
    q.state = PLAINT_STATE_CLOSED;
    check_select(l, &q, NULL, 0);
    q.state = PLAINT_ANY;
    q.owner = PLAINT_ROLE_CS_ASSISTANT; /* were assigned to the assistant */
    {
        static const size_t e[] = {0, 1};
        check_select(l, &q, e, 2);
    }
    q.owner = PLAINT_ROLE_DUTY_STAFF;
    {
        static const size_t e[] = {2, 3};
        check_select(l, &q, e, 2);
    }
    q.owner = PLAINT_ANY;
    q.building = "A1";
    {
        static const size_t e[] = {0, 2};
        check_select(l, &q, e, 2);
    }
    q.building = "";
    {
        static const size_t e[] = {3}; /* Q-4 has no building */
        check_select(l, &q, e, 1);
    }
    q.building = "nowhere";
    check_select(l, &q, NULL, 0);
    q.building = NULL;
    q.category = PLAINT_CATEGORY_QUALITY;
    {
        static const size_t e[] = {0, 2};
        check_select(l, &q, e, 2);
    }
    q.category = PLAINT_CATEGORY_EQUIPMENT;
    {
        static const size_t e[] = {1};
        check_select(l, &q, e, 1);
    }
    q.category = PLAINT_ANY;
    q.nature = PLAINT_NATURE_VALID;
    {
        static const size_t e[] = {0, 1};
        check_select(l, &q, e, 2);
    }
    q.nature = PLAINT_NATURE_UNJUDGED;
    {
        static const size_t e[] = {2};
        check_select(l, &q, e, 1);
    }
    q.nature = PLAINT_NATURE_CONSULTING;
    {
        static const size_t e[] = {3};
        check_select(l, &q, e, 1);
    }
    q.nature = PLAINT_ANY;
    q.severity = PLAINT_SEVERITY_P4;
    {
        static const size_t e[] = {0, 3};
        check_select(l, &q, e, 2);
    }
    q.severity = PLAINT_SEVERITY_UNSET;
    {
        static const size_t e[] = {2};
        check_select(l, &q, e, 1);
    }
    q.severity = PLAINT_ANY;
    q.open_only = 1; /* none is closed yet */
    check_select(l, &q, all, 4);
    q.open_only = 0;
    q.has_received_from = 1;
    q.received_from = T0; /* Q-4 came on the Friday before */
    check_select(l, &q, all, 3);
    q.has_received_from = 0;
    q.has_received_before = 1;
    q.received_before = T0 + 2 * HOUR; /* Q-3 came at T0 + 2 h exactly: not before */
    {
        static const size_t e[] = {0, 1, 3};
        check_select(l, &q, e, 3);
    }
    q.has_received_from = 1;
    q.received_from = T0 + HOUR; /* [10:00, 11:00): Q-2 */
    {
        static const size_t e[] = {1};
        check_select(l, &q, e, 1);
    }
    /* filters together: building A1 and owned by the duty staff */
    plaint_query_init(&q, sizeof q);
    q.building = "A1";
    q.owner = PLAINT_ROLE_DUTY_STAFF;
    {
        static const size_t e[] = {2};
        check_select(l, &q, e, 1);
    }

    /* the count only, and a short array: truncated, the rest untouched */
    plaint_query_init(&q, sizeof q);
    count = 99;
    CHECK(plaint_ledger_select(l, &q, NULL, 0, &count) == PLAINT_OK && count == 4);
    for (i = 0; i < 8; ++i)
        out[i] = 77;
    CHECK(plaint_ledger_select(l, &q, out, 2, &count) == PLAINT_OK && count == 4);
    CHECK(out[0] == 0 && out[1] == 1 && out[2] == 77);

    /* bad codes, sizes and pointers: nothing written */
    count = 99;
    out[0] = 77;
    q.state = 0; /* no state has code 0 */
    CHECK(plaint_ledger_select(l, &q, out, 8, &count) == PLAINT_E_OUT_OF_RANGE);
    q.state = 12;
    CHECK(plaint_ledger_select(l, &q, out, 8, &count) == PLAINT_E_OUT_OF_RANGE);
    q.state = PLAINT_ANY;
    q.owner = PLAINT_ROLE_NONE; /* every complaint has an owner */
    CHECK(plaint_ledger_select(l, &q, out, 8, &count) == PLAINT_E_OUT_OF_RANGE);
    q.owner = 6;
    CHECK(plaint_ledger_select(l, &q, out, 8, &count) == PLAINT_E_OUT_OF_RANGE);
    q.owner = PLAINT_ANY;
    q.category = 0;
    CHECK(plaint_ledger_select(l, &q, out, 8, &count) == PLAINT_E_OUT_OF_RANGE);
    q.category = PLAINT_ANY;
    q.nature = 7;
    CHECK(plaint_ledger_select(l, &q, out, 8, &count) == PLAINT_E_OUT_OF_RANGE);
    q.nature = -2;
    CHECK(plaint_ledger_select(l, &q, out, 8, &count) == PLAINT_E_OUT_OF_RANGE);
    q.nature = PLAINT_ANY;
    q.severity = 5;
    CHECK(plaint_ledger_select(l, &q, out, 8, &count) == PLAINT_E_OUT_OF_RANGE);
    q.severity = PLAINT_ANY;
    q.size = 4;
    CHECK(plaint_ledger_select(l, &q, out, 8, &count) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(strstr(plaint_last_error_message(), "PLAINT_QUERY_INIT") != NULL);
    q.size = sizeof q;
    CHECK(plaint_ledger_select(l, &q, NULL, 1, &count) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_select(l, &q, out, 8, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_select(NULL, &q, out, 8, &count) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(count == 99 && out[0] == 77);
    plaint_ledger_free(l);
}

/* T0 + 25 h is Tuesday 13 October, 10:00 +08:00. */
#define AT (T0 + 25 * HOUR)

static void test_clocks_at(void) {
    plaint_ledger* l = small_ledger(NULL);
    plaint_ledger_clock k[8];
    plaint_ledger_clock first = PLAINT_LEDGER_CLOCK_INIT;
    struct newer_clock {
        plaint_ledger_clock c;
        int64_t extra[2];
    } newer[3];
    size_t count = 99, i;

    /* Open at T0 + 25 h, by complaint, then in policy order:
     * - record stopped at 09:10; first feedback (receive .. start) and resolution
     *   (receive .. resolve) run since T0; rectification never started.
     * - everything stopped (record at 10:05, response at the start, completion at the
     *   resolve).
     * - record stopped; first feedback and resolution run since T0 + 2 h.
     * - Q-4 (consultation): record stopped; the answer runs since Friday 17:30. */
    k[0] = first;
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_OPEN, k, 8, &count) == PLAINT_OK);
    CHECK(count == 5);
    CHECK(k[0].size == sizeof k[0] && k[4].size == sizeof k[0]);
    CHECK(k[0].index == 0 && strcmp(k[0].target, "first_feedback") == 0);
    /* 24 h round the clock from T0: due T0 + 24 h, breached an hour ago */
    CHECK(k[0].kind == PLAINT_TARGET_FIRST_FEEDBACK);
    CHECK(k[0].state == PLAINT_CLOCK_BREACHED);
    CHECK(k[0].has_started == 1 && k[0].started == T0 && k[0].has_stopped == 0);
    CHECK(k[0].has_due == 1 && k[0].due == T0 + 24 * HOUR);
    CHECK(k[0].has_breached_at == 1 && k[0].breached_at == T0 + 24 * HOUR);
    CHECK(k[0].duration == 24 * HOUR && k[0].elapsed == 25 * HOUR);
    CHECK(k[0].remaining == -HOUR);
    CHECK(k[0].escalate_to == PLAINT_ROLE_CS_MANAGER);
    CHECK(k[0].cycle == 1 && k[0].round == 1);
    /* resolution: 72 h from T0; warnings at 54 h and 64.8 h = 64 h 48 min; 25 h used */
    CHECK(k[1].index == 0 && strcmp(k[1].target, "resolution") == 0);
    CHECK(k[1].state == PLAINT_CLOCK_RUNNING);
    CHECK(k[1].due == T0 + 72 * HOUR && k[1].remaining == 47 * HOUR);
    CHECK(k[1].warning_count == 2);
    CHECK(k[1].warnings[0] == T0 + 54 * HOUR && k[1].warnings[1] == T0 + 64 * HOUR + 48 * MIN);
    CHECK(k[1].escalate_to == PLAINT_ROLE_NONE); /* running: no escalation */
    /* Q-3's first feedback: 23 h of 24 used, past 18 h and 21.6 h: a warning, due T0 + 26 h */
    CHECK(k[2].index == 2 && strcmp(k[2].target, "first_feedback") == 0);
    CHECK(k[2].state == PLAINT_CLOCK_WARNING);
    CHECK(k[2].due == T0 + 26 * HOUR && k[2].elapsed == 23 * HOUR && k[2].remaining == HOUR);
    CHECK(k[2].warnings[0] == T0 + 20 * HOUR);
    CHECK(k[2].warnings[1] == T0 + 2 * HOUR + 21 * HOUR + 36 * MIN);
    CHECK(k[3].index == 2 && strcmp(k[3].target, "resolution") == 0);
    CHECK(k[3].due == T0 + 74 * HOUR);
    /* Q-4's answer, 1 office hour from Friday 17:30: 30 minutes that day, then Saturday
     * 10 October is a make-up working day: due Saturday 09:30 +08:00, 47.5 h before T0. Used by
     * Tuesday 10:00: 0.5 h Friday + 9 h Saturday + 0 Sunday + 9 h Monday + 1 h Tuesday. */
    CHECK(k[4].index == 3 && strcmp(k[4].target, "consultation_answer") == 0);
    CHECK(k[4].kind == PLAINT_TARGET_CONSULTATION_ANSWER);
    CHECK(k[4].state == PLAINT_CLOCK_BREACHED);
    CHECK(k[4].started == Q4_RECEIVED);
    CHECK(k[4].due == T0 - 47 * HOUR - 30 * MIN);
    CHECK(k[4].elapsed == 19 * HOUR + 30 * MIN);
    CHECK(k[4].remaining == HOUR - (19 * HOUR + 30 * MIN));
    CHECK(k[4].escalate_to == PLAINT_ROLE_CS_ASSISTANT);

    /* breached: Q-1's feedback and Q-4's answer; warning: Q-3's feedback */
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_BREACHED, k, 8, &count) == PLAINT_OK);
    CHECK(count == 2);
    CHECK(k[0].index == 0 && strcmp(k[0].target, "first_feedback") == 0);
    CHECK(k[1].index == 3 && strcmp(k[1].target, "consultation_answer") == 0);
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_WARNING, k, 8, &count) == PLAINT_OK);
    CHECK(count == 1 && k[0].index == 2 && k[0].state == PLAINT_CLOCK_WARNING);
    /* 90 minutes earlier Q-1's feedback is 23.5 h in: past its warnings, not yet breached */
    CHECK(plaint_ledger_clocks_at(l, AT - 90 * MIN, PLAINT_CLOCKS_BREACHED, k, 8, &count) ==
          PLAINT_OK);
    CHECK(count == 1 && k[0].index == 3);
    CHECK(plaint_ledger_clocks_at(l, AT - 90 * MIN, PLAINT_CLOCKS_WARNING, k, 8, &count) ==
          PLAINT_OK);
    CHECK(count == 2 && k[0].index == 0 && k[1].index == 2);
    /* before anything was received: no clocks */
    CHECK(plaint_ledger_clocks_at(l, Q4_RECEIVED - 1, PLAINT_CLOCKS_OPEN, k, 8, &count) ==
          PLAINT_OK);
    CHECK(count == 0);

    /* the count only; a short array (the rest untouched) */
    count = 99;
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_OPEN, NULL, 0, &count) == PLAINT_OK);
    CHECK(count == 5);
    for (i = 0; i < 8; ++i)
        k[i] = first;
    k[2].index = 77;
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_OPEN, k, 2, &count) == PLAINT_OK);
    CHECK(count == 5 && k[1].index == 0 && strcmp(k[1].target, "resolution") == 0);
    CHECK(k[2].index == 77 && k[2].target == NULL);

    /* a caller's larger struct: the stride is its size, the bytes past ours are zeroed */
    memset(newer, 0x77, sizeof newer);
    newer[0].c.size = sizeof newer[0];
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_OPEN, &newer[0].c, 3, &count) == PLAINT_OK);
    CHECK(count == 5);
    for (i = 0; i < 3; ++i) {
        CHECK(newer[i].c.size == sizeof newer[0]);
        CHECK(newer[i].extra[0] == 0 && newer[i].extra[1] == 0);
    }
    CHECK(newer[1].c.index == 0 && newer[1].c.due == T0 + 72 * HOUR);
    CHECK(newer[2].c.index == 2 && newer[2].c.state == PLAINT_CLOCK_WARNING);

    /* bad filters, sizes and pointers: nothing written */
    for (i = 0; i < 8; ++i)
        k[i] = first;
    k[0].index = 77;
    count = 99;
    CHECK(plaint_ledger_clocks_at(l, AT, 0, k, 8, &count) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_ledger_clocks_at(l, AT, 4, k, 8, &count) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_ledger_clocks_at(l, AT, -1, k, 8, &count) == PLAINT_E_OUT_OF_RANGE);
    k[0].size = 4;
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_OPEN, k, 8, &count) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(strstr(plaint_last_error_message(), "PLAINT_LEDGER_CLOCK_INIT") != NULL);
    k[0].size = 0xdeadbee8u; /* garbage (uninitialised): over the 65,536-byte bound */
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_OPEN, k, 8, &count) ==
          PLAINT_E_INVALID_ARGUMENT);
    k[0].size = sizeof k[0] + 1; /* not a multiple of its alignment */
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_OPEN, k, 8, &count) ==
          PLAINT_E_INVALID_ARGUMENT);
    k[0].size = sizeof k[0];
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_OPEN, NULL, 8, &count) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_OPEN, k, 8, NULL) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_clocks_at(NULL, AT, PLAINT_CLOCKS_OPEN, k, 8, &count) ==
          PLAINT_E_INVALID_ARGUMENT);
    /* 2300 lies outside the years the office calendar computes (1900-2199) */
    CHECK(plaint_ledger_clocks_at(l, 10413792000LL, PLAINT_CLOCKS_OPEN, k, 8, &count) ==
          PLAINT_E_OUT_OF_RANGE);
    CHECK(count == 99 && k[0].index == 77 && k[0].target == NULL);

    plaint_ledger_clock_init(&first, sizeof first);
    CHECK(first.size == sizeof first && first.target == NULL && first.warning_count == 0);
    plaint_ledger_clock_init(NULL, sizeof first);
    plaint_ledger_free(l);
}

static void test_escalations_and_replay(void) {
    plaint_ledger* l = small_ledger(NULL);
    plaint_ledger* what_if = NULL;
    plaint_ledger* same = NULL;
    plaint_profile* p48 = NULL;
    plaint_escalation_due e[8];
    plaint_escalation_due init = PLAINT_ESCALATION_DUE_INIT;
    plaint_ledger_clock k[8];
    plaint_complaint_view v;
    size_t count = 99, added = 99;
    char* text = read_file(PLAINT_DATA_DIR "/default-profile.json");
    char* ff;
    char* limit;

    /* At T0 + 25 h: Q-1's breached feedback calls for the CS manager (it is the assistant's);
     * Q-3's rules call for the general manager (it reached the media); Q-4's breached answer
     * calls for the CS assistant (the duty staff own it). Q-2's clocks are all stopped. */
    e[0] = init;
    CHECK(plaint_ledger_escalations_due(l, AT, e, 8, &count) == PLAINT_OK);
    CHECK(count == 3);
    CHECK(e[0].index == 0 && e[0].owner == PLAINT_ROLE_CS_ASSISTANT);
    CHECK(e[0].to == PLAINT_ROLE_CS_MANAGER && strcmp(e[0].reason, "first_feedback") == 0);
    CHECK(e[1].index == 2 && e[1].owner == PLAINT_ROLE_DUTY_STAFF);
    CHECK(e[1].to == PLAINT_ROLE_GENERAL_MANAGER && strcmp(e[1].reason, "rules") == 0);
    CHECK(e[2].index == 3 && e[2].owner == PLAINT_ROLE_DUTY_STAFF);
    CHECK(e[2].to == PLAINT_ROLE_CS_ASSISTANT && strcmp(e[2].reason, "consultation_answer") == 0);
    CHECK(e[2].size == sizeof e[0]);
    /* two hours earlier Q-1's feedback is not yet due; at 10:30 on T0 Q-3 is not yet received */
    CHECK(plaint_ledger_escalations_due(l, AT - 2 * HOUR, e, 8, &count) == PLAINT_OK);
    CHECK(count == 2 && e[0].index == 2 && e[1].index == 3);
    CHECK(plaint_ledger_escalations_due(l, T0 + 90 * MIN, e, 8, &count) == PLAINT_OK);
    CHECK(count == 1 && e[0].index == 3);
    count = 99;
    CHECK(plaint_ledger_escalations_due(l, AT, NULL, 0, &count) == PLAINT_OK && count == 3);
    e[0] = init;
    e[1].index = 77;
    CHECK(plaint_ledger_escalations_due(l, AT, e, 1, &count) == PLAINT_OK);
    CHECK(count == 3 && e[0].index == 0 && e[1].index == 77);
    e[0].size = 4;
    CHECK(plaint_ledger_escalations_due(l, AT, e, 8, &count) == PLAINT_E_INVALID_ARGUMENT);
    e[0].size = sizeof e[0] - 1;
    CHECK(plaint_ledger_escalations_due(l, AT, e, 8, &count) == PLAINT_E_INVALID_ARGUMENT);
    e[0].size = sizeof e[0];
    CHECK(plaint_ledger_escalations_due(l, AT, NULL, 2, &count) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_escalations_due(l, AT, e, 8, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_escalations_due(NULL, AT, e, 8, &count) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(count == 3 && e[0].index == 0 && e[1].index == 77);
    plaint_escalation_due_init(&init, sizeof init);
    CHECK(init.size == sizeof init && init.reason == NULL);
    plaint_escalation_due_init(NULL, sizeof init);

    /* Replay under the default profile with a first feedback of 48 h (the first "24h" after
     * "first_feedback" in the file is the complaint policy's). Q-1's feedback is then due at
     * T0 + 48 h: at T0 + 25 h it runs (25 h of 48, before the 36 h warning), so only Q-4's answer
     * is breached, and Q-1 no longer calls for a manager. Q-3's feedback, due T0 + 50 h, is
     * 23 h in: no warning. */
    CHECK(text != NULL);
    ff = text ? strstr(text, "\"first_feedback\"") : NULL;
    limit = ff ? strstr(ff, "\"24h\"") : NULL;
    CHECK(limit != NULL);
    if (limit) {
        limit[1] = '4';
        limit[2] = '8';
    }
    CHECK(plaint_profile_from_json(&p48, text, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_ledger_replay(l, p48, &what_if) == PLAINT_OK && what_if != NULL);
    plaint_ledger_clock_init(&k[0], sizeof k[0]);
    plaint_profile_free(p48); /* the replayed ledger keeps it alive */
    CHECK(plaint_ledger_clocks_at(what_if, AT, PLAINT_CLOCKS_BREACHED, k, 8, &count) == PLAINT_OK);
    CHECK(count == 1 && k[0].index == 3);
    CHECK(plaint_ledger_clocks_at(what_if, AT, PLAINT_CLOCKS_WARNING, k, 8, &count) == PLAINT_OK);
    CHECK(count == 0);
    CHECK(plaint_ledger_clocks_at(what_if, AT, PLAINT_CLOCKS_OPEN, k, 8, &count) == PLAINT_OK);
    CHECK(count == 5 && k[0].index == 0 && strcmp(k[0].target, "first_feedback") == 0);
    CHECK(k[0].due == T0 + 48 * HOUR && k[0].state == PLAINT_CLOCK_RUNNING);
    CHECK(k[2].index == 2 && k[2].due == T0 + 50 * HOUR);
    CHECK(plaint_ledger_escalations_due(what_if, AT, e, 8, &count) == PLAINT_OK);
    CHECK(count == 2 && e[0].index == 2 && e[1].index == 3);
    v = view_of(what_if, 0); /* the same events, the same state */
    CHECK(v.state == PLAINT_STATE_ASSIGNED && v.event_count == 4);
    /* the original is untouched */
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_BREACHED, k, 8, &count) == PLAINT_OK);
    CHECK(count == 2 && k[0].due == T0 + 24 * HOUR);
    /* NULL: the default profile, the same clocks as the original */
    CHECK(plaint_ledger_replay(l, NULL, &same) == PLAINT_OK);
    CHECK(plaint_ledger_clocks_at(same, AT, PLAINT_CLOCKS_BREACHED, k, 8, &count) == PLAINT_OK);
    CHECK(count == 2 && k[0].index == 0 && k[0].due == T0 + 24 * HOUR && k[1].index == 3);
    plaint_ledger_free(same);
    same = (plaint_ledger*)&count; /* a sentinel: failures leave it */
    CHECK(plaint_ledger_replay(NULL, NULL, &same) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_replay(l, NULL, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(same == (plaint_ledger*)&count);

    /* Re-evaluation at T0 + 25 h: Q-4 (judged consulting) missed its answer, so the rules'
     * first nature row makes it valid under the `complaint` policy: one CLASSIFY event, at
     * T0 + 25 h. Q-1 is valid already, Q-3 is not judged yet (nothing to raise), Q-2 is resolved
     * (no classify there). Again: nothing more. */
    CHECK(plaint_ledger_reevaluate(l, AT, &added) == PLAINT_OK && added == 1);
    v = view_of(l, 3);
    CHECK(v.nature == PLAINT_NATURE_VALID && v.reevaluations == 1);
    CHECK(text_is(v.sla_policy, v.sla_policy_len, "complaint"));
    CHECK(v.event_count == 4 && v.last_event_at == AT); /* receive, record, classify, + 1 */
    CHECK(plaint_ledger_reevaluate(l, AT + HOUR, &added) == PLAINT_OK && added == 0);
    CHECK(plaint_ledger_reevaluate(l, AT + HOUR, NULL) == PLAINT_OK);
    added = 99;
    CHECK(plaint_ledger_reevaluate(NULL, AT, &added) == PLAINT_E_INVALID_ARGUMENT && added == 99);
    {
        static const size_t e_valid[] = {0, 1, 3};
        plaint_query q = PLAINT_QUERY_INIT;
        q.nature = PLAINT_NATURE_VALID;
        check_select(l, &q, e_valid, 3);
    }
    /* Under `complaint`, Q-4's feedback (due 24 h after Friday 17:30) and its resolution (due
     * 72 h after, T0 + 8.5 h) are both breached: the general manager, for the resolution. */
    CHECK(plaint_ledger_escalations_due(l, AT, e, 8, &count) == PLAINT_OK);
    CHECK(count == 3 && e[2].index == 3 && e[2].to == PLAINT_ROLE_GENERAL_MANAGER);
    CHECK(strcmp(e[2].reason, "resolution") == 0);
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_BREACHED, k, 8, &count) == PLAINT_OK);
    CHECK(count == 3 && k[1].index == 3 && k[1].due == Q4_RECEIVED + 24 * HOUR);
    CHECK(k[2].index == 3 && k[2].due == T0 + 8 * HOUR + 30 * MIN);

    /* the replayed ledger outlives the original; its borrowed names stay valid */
    plaint_ledger_free(l);
    CHECK(plaint_ledger_escalations_due(what_if, AT, e, 8, &count) == PLAINT_OK);
    CHECK(count == 2 && strcmp(e[1].reason, "consultation_answer") == 0);
    plaint_ledger_free(what_if);
    free(text);
}

static void test_visits_and_quotas(void) {
    plaint_ledger* l = small_ledger(NULL);
    plaint_visit_due d[4];
    plaint_visit_due dinit = PLAINT_VISIT_DUE_INIT;
    plaint_quota_compliance q[8];
    plaint_quota_compliance qinit = PLAINT_QUOTA_COMPLIANCE_INIT;
    plaint_event ev = PLAINT_EVENT_INIT;
    plaint_ledger_clock k[8];
    const char* target;
    int64_t from = 0, to = 0;
    size_t count = 99;

    /* Q-2 is resolved (14:00): its visit is due, by phone (valid, one reporter); the default
     * policies have no return_visit target, so no due instant. */
    d[0] = dinit;
    CHECK(plaint_ledger_visits_due(l, d, 4, &count) == PLAINT_OK);
    CHECK(count == 1 && d[0].index == 1 && d[0].method == PLAINT_VISIT_PHONE);
    CHECK(d[0].resolved_at == T0 + 5 * HOUR && d[0].has_due == 0 && d[0].due == 0);
    k[0] = (plaint_ledger_clock)PLAINT_LEDGER_CLOCK_INIT;
    CHECK(plaint_ledger_clocks_at(l, AT, PLAINT_CLOCKS_OPEN, k, 8, &count) == PLAINT_OK);
    target = k[0].target; /* borrowed from the profile: valid while the ledger lives */

    /* Q-2 visited by the CS assistant at T0 + 26 h, satisfied: closed. Q-1 started and resolved,
     * then visited by the CS manager at T0 + 28 h, satisfied: closed. */
    ev.type = PLAINT_EVENT_VISIT;
    ev.at = T0 + 26 * HOUR;
    ev.role = PLAINT_ROLE_CS_ASSISTANT;
    ev.visit_method = PLAINT_VISIT_PHONE;
    CHECK(plaint_ledger_add_event(l, 1, &ev) == PLAINT_OK);
    ev.type = PLAINT_EVENT_SATISFIED;
    ev.at += 5 * MIN;
    CHECK(plaint_ledger_add_event(l, 1, &ev) == PLAINT_OK);
    ev.type = PLAINT_EVENT_START;
    ev.at = T0 + 26 * HOUR;
    CHECK(plaint_ledger_add_event(l, 0, &ev) == PLAINT_OK);
    ev.type = PLAINT_EVENT_RESOLVE;
    ev.at = T0 + 27 * HOUR;
    CHECK(plaint_ledger_add_event(l, 0, &ev) == PLAINT_OK);
    CHECK(plaint_ledger_visits_due(l, d, 4, &count) == PLAINT_OK);
    CHECK(count == 1 && d[0].index == 0 && d[0].resolved_at == T0 + 27 * HOUR);
    ev.type = PLAINT_EVENT_VISIT;
    ev.at = T0 + 28 * HOUR;
    ev.role = PLAINT_ROLE_CS_MANAGER;
    CHECK(plaint_ledger_add_event(l, 0, &ev) == PLAINT_OK);
    ev.type = PLAINT_EVENT_SATISFIED;
    ev.at += 5 * MIN;
    CHECK(plaint_ledger_add_event(l, 0, &ev) == PLAINT_OK);
    CHECK(plaint_ledger_visits_due(l, d, 4, &count) == PLAINT_OK && count == 0);
    CHECK(strcmp(target, "first_feedback") == 0);
    CHECK(view_of(l, 0).visit_method == PLAINT_VISIT_PHONE);
    {
        static const size_t still_open[] = {2, 3}, closed[] = {0, 1};
        plaint_query qq = PLAINT_QUERY_INIT;
        qq.open_only = 1;
        check_select(l, &qq, still_open, 2);
        qq.open_only = 0;
        qq.state = PLAINT_STATE_CLOSED;
        check_select(l, &qq, closed, 2);
    }

    /* October 2026 at UTC+8: [2026-10-01T00:00+08:00, 2026-11-01T00:00+08:00). 1 October is
     * day 20454 + 273 = 20727: 20727 * 86400 - 28800 = 1790784000; 1 November is day 20758:
     * 20758 * 86400 - 28800 = 1793462400. */
    CHECK(plaint_month_range("2026-10", 28800, &from, &to) == PLAINT_OK);
    CHECK(from == 1790784000LL && to == 1793462400LL);
    /* Quotas (CS manager 3, general manager 1) in role order, and the CS assistant, who has
     * none but made a visit: assistant 1 of 0 (met), manager 1 of 3, general manager 0 of 1. */
    q[0] = qinit;
    CHECK(plaint_ledger_visit_quotas(l, from, to, q, 8, &count) == PLAINT_OK);
    CHECK(count == 3);
    CHECK(q[0].role == PLAINT_ROLE_CS_ASSISTANT && q[0].visits == 1 && q[0].required == 0);
    CHECK(q[0].compliant == 1);
    CHECK(q[1].role == PLAINT_ROLE_CS_MANAGER && q[1].visits == 1 && q[1].required == 3);
    CHECK(q[1].compliant == 0);
    CHECK(q[2].role == PLAINT_ROLE_GENERAL_MANAGER && q[2].visits == 0 && q[2].required == 1);
    CHECK(q[2].compliant == 0 && q[2].size == sizeof q[0]);
    /* [from, to) is half open: from just after the assistant's visit, it is not counted (and the
     * assistant, with no quota, is not listed); up to the instant of the visits, neither is */
    CHECK(plaint_ledger_visit_quotas(l, T0 + 26 * HOUR + 1, to, q, 8, &count) == PLAINT_OK);
    CHECK(count == 2 && q[0].role == PLAINT_ROLE_CS_MANAGER && q[0].visits == 1);
    CHECK(plaint_ledger_visit_quotas(l, from, T0 + 26 * HOUR, q, 8, &count) == PLAINT_OK);
    CHECK(count == 2 && q[0].visits == 0 && q[1].visits == 0);
    CHECK(plaint_ledger_visit_quotas(l, to, from, q, 8, &count) == PLAINT_OK); /* empty */
    CHECK(count == 2 && q[0].visits == 0);
    /* September: nothing */
    CHECK(plaint_month_range("2026-09", 28800, &from, &to) == PLAINT_OK);
    CHECK(plaint_ledger_visit_quotas(l, from, to, q, 8, &count) == PLAINT_OK);
    CHECK(count == 2 && q[0].visits == 0 && q[1].visits == 0);

    /* counts only, short arrays, sizes, NULL */
    count = 99;
    CHECK(plaint_ledger_visits_due(l, NULL, 0, &count) == PLAINT_OK && count == 0);
    CHECK(plaint_ledger_visit_quotas(l, 0, INT64_MAX, NULL, 0, &count) == PLAINT_OK);
    CHECK(count == 3);
    q[0] = qinit;
    q[1].role = 77;
    CHECK(plaint_ledger_visit_quotas(l, 0, INT64_MAX, q, 1, &count) == PLAINT_OK);
    CHECK(count == 3 && q[0].role == PLAINT_ROLE_CS_ASSISTANT && q[1].role == 77);
    count = 99;
    q[0].size = 4;
    CHECK(plaint_ledger_visit_quotas(l, 0, INT64_MAX, q, 8, &count) == PLAINT_E_INVALID_ARGUMENT);
    q[0].size = sizeof q[0] + 2; /* not a multiple of 4 */
    CHECK(plaint_ledger_visit_quotas(l, 0, INT64_MAX, q, 8, &count) == PLAINT_E_INVALID_ARGUMENT);
    q[0].size = sizeof q[0];
    CHECK(plaint_ledger_visit_quotas(l, 0, INT64_MAX, NULL, 8, &count) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_visit_quotas(l, 0, INT64_MAX, q, 8, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_visit_quotas(NULL, 0, INT64_MAX, q, 8, &count) ==
          PLAINT_E_INVALID_ARGUMENT);
    d[0].size = 4;
    CHECK(plaint_ledger_visits_due(l, d, 4, &count) == PLAINT_E_INVALID_ARGUMENT);
    d[0].size = sizeof d[0];
    CHECK(plaint_ledger_visits_due(l, NULL, 4, &count) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_visits_due(l, d, 4, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_visits_due(NULL, d, 4, &count) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(count == 99 && q[1].role == 77);
    plaint_visit_due_init(&dinit, sizeof dinit);
    CHECK(dinit.size == sizeof dinit && dinit.has_due == 0);
    plaint_visit_due_init(NULL, sizeof dinit);
    plaint_quota_compliance_init(&qinit, sizeof qinit);
    CHECK(qinit.size == sizeof qinit && qinit.visits == 0);
    plaint_quota_compliance_init(NULL, sizeof qinit);
    plaint_ledger_free(l);
}

static void test_month_range(void) {
    int64_t from = 11, to = 22;
    char longer[1001];
    /* December 2026 in UTC: 1 December is day 20454 + 334 = 20788, 20788 * 86400 = 1796083200;
     * 1 January 2027 is day 20454 + 365 = 20819, 20819 * 86400 = 1798761600. */
    CHECK(plaint_month_range("2026-12", 0, &from, &to) == PLAINT_OK);
    CHECK(from == 1796083200LL && to == 1798761600LL);
    /* February 2026 at UTC-5: 1 February is day 20454 + 31 = 20485, midnight there is 05:00Z:
     * 20485 * 86400 + 18000 = 1769922000; 28 days later, 1 March: 1769922000 + 28 * 86400. */
    CHECK(plaint_month_range("2026-02", -18000, &from, &to) == PLAINT_OK);
    CHECK(from == 1769922000LL && to == 1769922000LL + 28 * 86400LL);

    /* bad months and offsets: outputs unchanged */
    from = 11;
    to = 22;
    CHECK(plaint_month_range("2026-13", 0, &from, &to) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_month_range("2026-00", 0, &from, &to) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_month_range("", 0, &from, &to) == PLAINT_E_PARSE);
    CHECK(plaint_month_range("2026-1", 0, &from, &to) == PLAINT_E_PARSE);
    CHECK(plaint_month_range("2026-100", 0, &from, &to) == PLAINT_E_PARSE);
    CHECK(plaint_month_range("2026/10", 0, &from, &to) == PLAINT_E_PARSE);
    CHECK(plaint_month_range("20a6-10", 0, &from, &to) == PLAINT_E_PARSE);
    CHECK(plaint_month_range(" 2026-10", 0, &from, &to) == PLAINT_E_PARSE);
    memset(longer, '9', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    memcpy(longer, "2026-10", 7);
    CHECK(plaint_month_range(longer, 0, &from, &to) == PLAINT_E_PARSE);
    CHECK(plaint_month_range("2026-10", 18 * 3600, &from, &to) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_month_range("2026-10", -18 * 3600, &from, &to) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_month_range("2026-10", 30, &from, &to) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_month_range(NULL, 0, &from, &to) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_month_range("2026-10", 0, NULL, &to) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_month_range("2026-10", 0, &from, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(from == 11 && to == 22);
}

int main(void) {
    CHECK(PLAINT_VERSION_NUMBER >= 600); /* these calls came with 0.6.0 */
    test_view();
    test_select();
    test_clocks_at();
    test_escalations_and_replay();
    test_visits_and_quotas();
    test_month_range();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
