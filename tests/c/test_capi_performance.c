/* Staff performance from C99 (Since 0.7, issue 15 part 3, DOMAIN.md §8 绩效考核):
 * plaint_ledger_performance_json per handler and per team on the small ledger of
 * tests/unit/test_performance.cpp, built here through the C API, with survey responses as CSV
 * documents; the options' initialisers; and every bad input (NULL pointers, a struct too small,
 * an unknown grouping, an empty period, confidences 0, 1 and NaN, bad survey documents), each
 * with its status, a message and `*out` untouched.
 *
 * The figures are worked by hand from the ledger below (as in test_performance.cpp): one policy
 * of two round-the-clock targets (record within 1 h, resolution within 72 h). Instants: T0 =
 * 2026-03-02T09:00:00+08:00 = 01:00 UTC = 1772413200 (tests/support: 20514 days to 2 March
 * 2026, 20514 * 86400 + 3600).
 *   A: eng-17 of eng; recorded in 10 min, assigned at 30 min, resolved at 5 h, a satisfied visit.
 *   B: eng-17 of eng, a day later; recorded at 2 h (late), assigned at 2 h 10, resolved at 80 h
 *      (late), an unsatisfied visit, resolved again at 90 h, a satisfied visit.
 *   C: cs-05 of cs, two days later; escalated at 90 min with its record clock open past due,
 *      recorded at 100 min, assigned at 2 h, resolved at 10 h, a satisfied visit, reopened at
 *      20 h and left open.
 *   D: nobody, three days later; recorded in 5 min, left open. */
#include "plaint/plaint.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define M 60LL
#define H 3600LL
#define D 86400LL
#define T0 1772413200LL
/* 2026-03-01T00:00:00+08:00 and 2026-04-01T00:00:00+08:00: T0 less a day and 9 hours; and 31
 * days later. */
#define MARCH_FROM (T0 - D - 9 * H)
#define MARCH_TO (MARCH_FROM + 31 * D)

static const char* const PROFILE =
    "{\"plaint_profile\": 1,"
    " \"policies\": {\"p\": {\"targets\": [{\"kind\": \"record\", \"duration\": \"1h\"},"
    "                                      {\"kind\": \"resolution\", \"duration\": \"72h\"}]}},"
    " \"teams\": {\"eng\": {}, \"cs\": {}},"
    " \"performance\": {\"metrics\": ["
    "   {\"metric\": \"closed_share\", \"target\": 1, \"band\": 1, \"weight\": 0.5},"
    "   {\"metric\": \"reopen_rate\", \"target\": 0, \"band\": 1, \"weight\": 0.5}]},"
    " \"rules\": {\"sections\": [{\"name\": \"policy\", \"hit\": \"first\","
    "                            \"rows\": [{\"id\": \"all\", \"then\": {\"sla_policy\": "
    "\"p\"}}]}]}}";

/* The answers of test_performance.cpp: A 5, B 2, C 4, and Z (no case of the ledger) 1. */
static const char* const SURVEYS = "complaint_id,building,at,overall\n"
                                   "A,,2026-03-03T09:00:00+08:00,5\n"
                                   "B,,2026-03-07T09:00:00+08:00,2\n"
                                   "C,,2026-03-05T09:00:00+08:00,4\n"
                                   "Z,,2026-03-02T09:00:00+08:00,1\n";

static plaint_event ev(int32_t type, int64_t at, const char* handler, const char* team) {
    plaint_event e = PLAINT_EVENT_INIT;
    e.type = type;
    e.at = at;
    e.role = PLAINT_ROLE_DUTY_STAFF;
    e.nature = PLAINT_NATURE_VALID;
    e.visit_method = PLAINT_VISIT_PHONE;
    if (type == PLAINT_EVENT_UNSATISFIED) {
        e.has_deadline = 1;
        e.deadline = at + 19 * H;
    }
    e.handler = handler;
    e.team = team;
    return e;
}

static size_t intake(plaint_ledger* l, const char* id, int64_t at) {
    char json[128];
    size_t index = 0;
    snprintf(json, sizeof json, "{\"id\":\"%s\",\"received\":%lld,\"content\":\"x\"}", id,
             (long long)at);
    CHECK(plaint_ledger_add_complaint_json(l, json, PLAINT_NTS, &index) == PLAINT_OK);
    return index;
}

static void apply_all(plaint_ledger* l, size_t index, const plaint_event* events, size_t n) {
    size_t i;
    for (i = 0; i < n; ++i)
        CHECK(plaint_ledger_add_event(l, index, &events[i]) == PLAINT_OK);
}

static plaint_ledger* hand_ledger(void) {
    plaint_profile* p = NULL;
    plaint_ledger* l = NULL;
    const int64_t tb = T0 + D, tc = T0 + 2 * D, td = T0 + 3 * D;
    size_t a, b, c, d;
    CHECK(plaint_profile_from_json(&p, PROFILE, PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_ledger_new(&l, p) == PLAINT_OK);
    plaint_profile_free(p); /* the ledger keeps its profile */
    a = intake(l, "A", T0);
    {
        const plaint_event e[] = {ev(PLAINT_EVENT_RECORD, T0 + 10 * M, "desk-1", NULL),
                                  ev(PLAINT_EVENT_CLASSIFY, T0 + 20 * M, NULL, NULL),
                                  ev(PLAINT_EVENT_ASSIGN, T0 + 30 * M, "eng-17", "eng"),
                                  ev(PLAINT_EVENT_START, T0 + H, NULL, NULL),
                                  ev(PLAINT_EVENT_RESOLVE, T0 + 5 * H, NULL, NULL),
                                  ev(PLAINT_EVENT_VISIT, T0 + 6 * H, NULL, NULL),
                                  ev(PLAINT_EVENT_SATISFIED, T0 + 6 * H + M, NULL, NULL)};
        apply_all(l, a, e, sizeof e / sizeof e[0]);
    }
    b = intake(l, "B", tb);
    {
        const plaint_event e[] = {ev(PLAINT_EVENT_RECORD, tb + 2 * H, NULL, NULL),
                                  ev(PLAINT_EVENT_CLASSIFY, tb + 2 * H + 5 * M, NULL, NULL),
                                  ev(PLAINT_EVENT_ASSIGN, tb + 2 * H + 10 * M, "eng-17", "eng"),
                                  ev(PLAINT_EVENT_START, tb + 3 * H, NULL, NULL),
                                  ev(PLAINT_EVENT_RESOLVE, tb + 80 * H, NULL, NULL),
                                  ev(PLAINT_EVENT_VISIT, tb + 81 * H, NULL, NULL),
                                  ev(PLAINT_EVENT_UNSATISFIED, tb + 81 * H + M, NULL, NULL),
                                  ev(PLAINT_EVENT_RESOLVE, tb + 90 * H, NULL, NULL),
                                  ev(PLAINT_EVENT_VISIT, tb + 91 * H, NULL, NULL),
                                  ev(PLAINT_EVENT_SATISFIED, tb + 91 * H + M, NULL, NULL)};
        apply_all(l, b, e, sizeof e / sizeof e[0]);
    }
    c = intake(l, "C", tc);
    {
        const plaint_event e[] = {ev(PLAINT_EVENT_ESCALATE, tc + 90 * M, NULL, NULL),
                                  ev(PLAINT_EVENT_RECORD, tc + 100 * M, NULL, NULL),
                                  ev(PLAINT_EVENT_CLASSIFY, tc + 110 * M, NULL, NULL),
                                  ev(PLAINT_EVENT_ASSIGN, tc + 2 * H, "cs-05", "cs"),
                                  ev(PLAINT_EVENT_START, tc + 3 * H, NULL, NULL),
                                  ev(PLAINT_EVENT_RESOLVE, tc + 10 * H, NULL, NULL),
                                  ev(PLAINT_EVENT_VISIT, tc + 11 * H, NULL, NULL),
                                  ev(PLAINT_EVENT_SATISFIED, tc + 11 * H + M, NULL, NULL),
                                  ev(PLAINT_EVENT_REOPEN, tc + 20 * H, NULL, NULL)};
        apply_all(l, c, e, sizeof e / sizeof e[0]);
    }
    d = intake(l, "D", td);
    {
        const plaint_event e = ev(PLAINT_EVENT_RECORD, td + 5 * M, NULL, NULL);
        apply_all(l, d, &e, 1);
    }
    return l;
}

/* The object of group `id` in the figures' JSON, copied into `buf` (up to the next group). */
static const char* group_of(const char* json, const char* id, char* buf, size_t cap) {
    char key[96];
    const char* start;
    const char* end;
    size_t n;
    buf[0] = '\0';
    if (!json)
        return buf;
    snprintf(key, sizeof key, "{\"id\":\"%s\",", id);
    start = strstr(json, key);
    if (!start)
        return buf;
    end = strstr(start + 1, "{\"id\":");
    n = end ? (size_t)(end - start) : strlen(start);
    if (n >= cap)
        n = cap - 1;
    memcpy(buf, start, n);
    buf[n] = '\0';
    return buf;
}

static int has(const char* text, const char* part) {
    return text && strstr(text, part) != NULL;
}

static int starts_with(const char* text, const char* prefix) {
    return text && strncmp(text, prefix, strlen(prefix)) == 0;
}

/* The number of groups: objects that open with an id. */
static size_t group_count(const char* json) {
    size_t n = 0;
    const char* p = json;
    while (p && (p = strstr(p, "{\"id\":")) != NULL) {
        ++n;
        ++p;
    }
    return n;
}

static void test_init(void) {
    const plaint_performance_options macro = PLAINT_PERFORMANCE_OPTIONS_INIT;
    plaint_performance_options o;
    unsigned char raw[sizeof(plaint_performance_options)];

    CHECK(macro.size == sizeof(plaint_performance_options));
    CHECK(macro.by == PLAINT_STAFF_BY_HANDLER && PLAINT_STAFF_BY_HANDLER == 1);
    CHECK(PLAINT_STAFF_BY_TEAM == 2);
    CHECK(macro.confidence == 0.95 && macro.small_sample == 30);
    CHECK(macro.from == 0 && macro.to == 0 && macro.has_as_of == 0);
    CHECK(macro.overall == NULL && macro.surveys == NULL && macro.survey_lens == NULL &&
          macro.survey_count == 0);

    memset(&o, 0xAB, sizeof o);
    plaint_performance_options_init(&o, sizeof o);
    CHECK(o.size == sizeof o && o.by == PLAINT_STAFF_BY_HANDLER);
    CHECK(o.confidence == 0.95 && o.small_sample == 30 && o.from == 0 && o.to == 0);
    CHECK(o.has_as_of == 0 && o.as_of == 0 && o.overall == NULL && o.surveys == NULL);
    CHECK(o.survey_lens == NULL && o.survey_count == 0);

    /* A struct that ends before `confidence`: only what it covers is written. */
    memset(raw, 0xAB, sizeof raw);
    plaint_performance_options_init((plaint_performance_options*)(void*)raw,
                                    offsetof(plaint_performance_options, confidence));
    memcpy(&o, raw, sizeof o);
    CHECK(o.size == offsetof(plaint_performance_options, confidence));
    CHECK(o.by == PLAINT_STAFF_BY_HANDLER && o.from == 0 && o.as_of == 0);
    CHECK(raw[offsetof(plaint_performance_options, confidence)] == 0xAB);

    /* NULL, and a size that cannot hold the size field: no-ops. */
    plaint_performance_options_init(NULL, sizeof o);
    memset(raw, 0xAB, sizeof raw);
    plaint_performance_options_init((plaint_performance_options*)(void*)raw, 3);
    CHECK(raw[0] == 0xAB && raw[3] == 0xAB);
}

static void test_by_handler(void) {
    plaint_ledger* l = hand_ledger();
    plaint_performance_options o = PLAINT_PERFORMANCE_OPTIONS_INIT;
    const char* const docs[] = {SURVEYS};
    char* json = NULL;
    char g[2048];

    o.from = MARCH_FROM;
    o.to = MARCH_TO;
    o.surveys = docs;
    o.survey_count = 1;
    CHECK(plaint_ledger_performance_json(l, &o, &json) == PLAINT_OK);
    CHECK(group_count(json) == 3);
    /* Ordered by id: nobody (""), cs-05, eng-17. */
    CHECK(starts_with(json, "[{\"id\":\"\",\"cases\":1,\"closed\":0,"));
    CHECK(has(json, "\"id\":\"cs-05\"") && has(json, "\"id\":\"eng-17\""));
    CHECK(strstr(json, "\"id\":\"cs-05\"") < strstr(json, "\"id\":\"eng-17\""));

    /* eng-17: A and B, both closed complaints; record and resolution each met once (A) and
     * breached once (B): shares 0.5. First response 1,800 and 7,800 s: mean 4,800, p90 1,800 +
     * 0.9 * 6,000 = 7,200. Resolution 18,000 and 288,000 s: mean 153,000. Visits: 1 of 3
     * unsatisfied. Surveys: 5 and 2, mean 3.5, one of two satisfied. */
    group_of(json, "eng-17", g, sizeof g);
    CHECK(has(g, "\"cases\":2,\"closed\":2,"));
    CHECK(has(g, "\"cases_by_kind\":{\"complaint\":2,"));
    CHECK(has(g, "\"closed_by_kind\":{\"complaint\":2,"));
    CHECK(has(g, "{\"target\":\"record\",\"met\":1,\"breached\":1,\"share_met\":0.5,"));
    CHECK(has(g, "{\"target\":\"resolution\",\"met\":1,\"breached\":1,\"share_met\":0.5,"));
    CHECK(has(g, "\"first_response\":{\"n\":2,\"mean_s\":4800,"));
    /* The 90th percentile's interval from order statistics of two: B ~ Binomial(2, 0.9),
     * P(B = 0) = 0.01 <= 0.025 < P(B <= 1) = 0.19, so the lower end is x(1) = 1800 s;
     * P(B >= 2) = 0.81: no upper end. */
    CHECK(has(g, "\"p90_s\":7200,"));
    CHECK(has(g, "\"p90_low_s\":1800,\"p90_high_s\":null}"));
    CHECK(has(g, "\"resolution\":{\"n\":2,\"mean_s\":153000,"));
    CHECK(has(g, "\"reopened\":{\"value\":0,\"successes\":0,\"n\":2,"));
    CHECK(has(g, "\"unsatisfied_visits\":{\"value\":"));
    CHECK(has(g, "\"successes\":1,\"n\":3,"));
    CHECK(has(g, "\"breach_escalations\":0,"));
    CHECK(has(g, "\"satisfaction\":{\"mean\":3.5,\"n\":2,"));
    CHECK(has(g, "\"csat\":{\"value\":0.5,\"successes\":1,\"n\":2,"));
    CHECK(has(g, "\"small_sample\":true}"));

    /* cs-05: C, reopened and open; escalated with its record clock past due. First response 2 h
     * (the escalation is none), resolution 10 h; answer 4. */
    group_of(json, "cs-05", g, sizeof g);
    CHECK(has(g, "\"cases\":1,\"closed\":0,"));
    CHECK(has(g, "\"breach_escalations\":1,"));
    CHECK(has(g, "\"reopened\":{\"value\":1,\"successes\":1,\"n\":1,"));
    CHECK(has(g, "\"first_response\":{\"n\":1,\"mean_s\":7200,"));
    CHECK(has(g, "\"resolution\":{\"n\":1,\"mean_s\":36000,"));
    CHECK(has(g, "{\"target\":\"record\",\"met\":0,\"breached\":1,"));
    CHECK(has(g, "{\"target\":\"resolution\",\"met\":1,\"breached\":1,"));
    CHECK(has(g, "\"satisfaction\":{\"mean\":4,\"n\":1,"));

    /* Nobody: D, no response yet (no mean: null), no survey. */
    group_of(json, "", g, sizeof g);
    CHECK(has(g, "\"first_response\":{\"n\":0,\"mean_s\":null,"));
    CHECK(has(g, "\"satisfaction\":{\"mean\":null,\"n\":0,"));
    CHECK(has(g, "{\"target\":\"record\",\"met\":1,\"breached\":0,"));
    plaint_string_free(json);
    json = NULL;

    /* The same answers split over two documents, given by length: the same satisfaction. */
    {
        const char* const two[] = {"complaint_id,building,at,overall\n"
                                   "A,,2026-03-03T09:00:00+08:00,5\n",
                                   "complaint_id,building,at,overall\n"
                                   "B,,2026-03-07T09:00:00+08:00,2\nGARBAGE AFTER THE LENGTH"};
        const size_t lens[] = {PLAINT_NTS, strlen(two[1]) - strlen("GARBAGE AFTER THE LENGTH")};
        o.surveys = two;
        o.survey_lens = lens;
        o.survey_count = 2;
        CHECK(plaint_ledger_performance_json(l, &o, &json) == PLAINT_OK);
        group_of(json, "eng-17", g, sizeof g);
        CHECK(has(g, "\"satisfaction\":{\"mean\":3.5,\"n\":2,"));
        plaint_string_free(json);
        json = NULL;
    }

    /* Another question as `overall`: "q1" answered 4 and 4 for A and B. And with no surveys,
     * no satisfaction. */
    {
        const char* const q1[] = {"complaint_id,building,at,overall,q1\n"
                                  "A,,2026-03-03T09:00:00+08:00,5,4\n"
                                  "B,,2026-03-07T09:00:00+08:00,2,4\n"};
        o.surveys = q1;
        o.survey_lens = NULL;
        o.survey_count = 1;
        o.overall = "q1";
        CHECK(plaint_ledger_performance_json(l, &o, &json) == PLAINT_OK);
        group_of(json, "eng-17", g, sizeof g);
        CHECK(has(g, "\"satisfaction\":{\"mean\":4,\"n\":2,"));
        CHECK(has(g, "\"csat\":{\"value\":1,\"successes\":2,\"n\":2,"));
        plaint_string_free(json);
        json = NULL;
        /* A question the surveys lack: nothing joined. */
        o.overall = "q9";
        CHECK(plaint_ledger_performance_json(l, &o, &json) == PLAINT_OK);
        group_of(json, "eng-17", g, sizeof g);
        CHECK(has(g, "\"satisfaction\":{\"mean\":null,\"n\":0,"));
        plaint_string_free(json);
        json = NULL;
        o.overall = NULL;
        o.surveys = NULL;
        o.survey_count = 0;
        CHECK(plaint_ledger_performance_json(l, &o, &json) == PLAINT_OK);
        group_of(json, "eng-17", g, sizeof g);
        CHECK(has(g, "\"satisfaction\":{\"mean\":null,\"n\":0,"));
        plaint_string_free(json);
        json = NULL;
    }

    /* As of 3 March at noon (B recorded, assigned and started, not resolved): of eng-17's two
     * cases only A is closed and resolved. */
    o.has_as_of = 1;
    o.as_of = T0 + D + 3 * H;
    CHECK(plaint_ledger_performance_json(l, &o, &json) == PLAINT_OK);
    group_of(json, "eng-17", g, sizeof g);
    CHECK(has(g, "\"cases\":2,\"closed\":1,"));
    CHECK(has(g, "\"resolution\":{\"n\":1,\"mean_s\":18000,"));
    plaint_string_free(json);
    json = NULL;
    o.has_as_of = 0;

    /* A threshold of 2: eng-17 (2 cases) is no small sample; cs-05 (1) still is. */
    o.small_sample = 2;
    CHECK(plaint_ledger_performance_json(l, &o, &json) == PLAINT_OK);
    group_of(json, "eng-17", g, sizeof g);
    CHECK(has(g, "\"small_sample\":false}"));
    group_of(json, "cs-05", g, sizeof g);
    CHECK(has(g, "\"small_sample\":true}"));
    plaint_string_free(json);
    json = NULL;

    /* A period that holds only A (1 to 2 March, +08:00): one group, eng-17 with one case. */
    o.from = MARCH_FROM;
    o.to = MARCH_FROM + 2 * D;
    CHECK(plaint_ledger_performance_json(l, &o, &json) == PLAINT_OK);
    CHECK(group_count(json) == 1);
    CHECK(starts_with(json, "[{\"id\":\"eng-17\",\"cases\":1,\"closed\":1,"));
    plaint_string_free(json);
    json = NULL;
    /* A period with no case: an empty array. */
    o.from = MARCH_TO;
    o.to = MARCH_TO + D;
    CHECK(plaint_ledger_performance_json(l, &o, &json) == PLAINT_OK);
    CHECK(json && strcmp(json, "[]") == 0);
    plaint_string_free(json);
    plaint_ledger_free(l);
}

static void test_by_team(void) {
    plaint_ledger* l = hand_ledger();
    plaint_performance_options o;
    char* json = NULL;
    char g[2048];

    plaint_performance_options_init(&o, sizeof o);
    o.by = PLAINT_STAFF_BY_TEAM;
    o.from = MARCH_FROM;
    o.to = MARCH_TO;
    CHECK(plaint_ledger_performance_json(l, &o, &json) == PLAINT_OK);
    /* Teams by id: none (D: no rule dispatches), cs, eng. */
    CHECK(group_count(json) == 3);
    CHECK(starts_with(json, "[{\"id\":\"\",\"cases\":1,"));
    CHECK(strstr(json, "\"id\":\"cs\"") < strstr(json, "\"id\":\"eng\""));
    group_of(json, "eng", g, sizeof g);
    CHECK(has(g, "\"cases\":2,\"closed\":2,\"cases_by_kind\":{\"complaint\":2,"));
    CHECK(has(g, "\"satisfaction\":{\"mean\":null,\"n\":0,"));
    group_of(json, "cs", g, sizeof g);
    CHECK(has(g, "\"breach_escalations\":1,"));
    plaint_string_free(json);
    plaint_ledger_free(l);
}

/* Scores by the profile's section: half the closed share, half the reopen rate, each scoring
 * 100 × the share (closed) or 100 × (1 − the rate) (reopened). */
static void test_scores(void) {
    plaint_ledger* l = hand_ledger();
    plaint_performance_options o = PLAINT_PERFORMANCE_OPTIONS_INIT;
    plaint_profile* bare = NULL;
    plaint_ledger* unscored = NULL;
    char* json = NULL;
    char sentinel = 'x';
    char g[2048];

    o.by = PLAINT_STAFF_BY_TEAM;
    o.from = MARCH_FROM;
    o.to = MARCH_TO;
    o.small_sample = 1; /* rank even these few cases */
    CHECK(plaint_ledger_performance_scores_json(l, &o, &json) == PLAINT_OK);
    CHECK(group_count(json) == 3);
    /* Nobody's (D: open, not reopened): 0.5 x 0 + 0.5 x 100 = 50, never ranked. */
    CHECK(starts_with(json, "[{\"id\":\"\",\"cases\":1,\"small_sample\":false,\"score\":50,"));
    CHECK(has(json, "\"ranked\":false,\"rank_best\":null,\"rank_worst\":null,"));
    /* eng: A and B closed, neither reopened: 100. Its low end: Wilson 95 % of 2 of 2 is
     * [0.34237, 1], of 0 of 2 [0, 0.65763]: 0.5 x 34.237 + 0.5 x 34.237 = 34.237. */
    group_of(json, "eng", g, sizeof g);
    CHECK(has(g, "\"score\":100,\"low\":34.23"));
    CHECK(has(g, "\"high\":100,\"ranked\":true,"));
    CHECK(has(g, "{\"metric\":\"closed_share\",\"value\":1,"));
    CHECK(has(g, "\"contribution\":50,\"missing\":false}"));
    /* cs: C open and reopened: 0, its interval [0, 79.35] overlapping eng's: both ranks 1 to 2. */
    CHECK(has(g, "\"rank_best\":1,\"rank_worst\":2,"));
    group_of(json, "cs", g, sizeof g);
    CHECK(has(g, "\"score\":0,\"low\":0,\"high\":79.3"));
    CHECK(has(g, "\"rank_best\":1,\"rank_worst\":2,"));
    plaint_string_free(json);

    /* The monthly report of March holds the same people: teams and their scores; no handler is
     * ranked there (the report flags samples under 30 cases). */
    {
        plaint_report_options r = PLAINT_REPORT_OPTIONS_INIT;
        r.month = "2026-03";
        CHECK(plaint_ledger_report_json(l, &r, &json) == PLAINT_OK);
        CHECK(has(json, "\n  \"people\": {\n    \"teams\": [\n"));
        CHECK(has(json, "\"handlers\": 2,\n    \"handlers_small\": 2,\n"));
        CHECK(has(json, "\"top_handlers\": [],\n    \"bottom_handlers\": [],\n"));
        plaint_string_free(json);
        CHECK(plaint_ledger_report_csv(l, &r, &json) == PLAINT_OK);
        CHECK(has(json, "\npeople,team,eng,cases,2\n"));
        CHECK(has(json, "\npeople,team,eng,score,100.000000\n"));
        plaint_string_free(json);
    }

    /* Small samples (the default, 30 cases) are never ranked. */
    o.small_sample = 30;
    CHECK(plaint_ledger_performance_scores_json(l, &o, &json) == PLAINT_OK);
    CHECK(!has(json, "\"ranked\":true"));
    plaint_string_free(json);

    /* A profile without a performance section; bad options as for the figures. */
    CHECK(plaint_profile_from_json(&bare, "{\"plaint_profile\": 1}", PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_ledger_new(&unscored, bare) == PLAINT_OK);
    json = &sentinel;
    CHECK(plaint_ledger_performance_scores_json(unscored, &o, &json) == PLAINT_E_NOT_FOUND);
    CHECK(has(plaint_last_error_message(), "no performance section"));
    CHECK(json == &sentinel);
    o.to = o.from;
    CHECK(plaint_ledger_performance_scores_json(l, &o, &json) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_performance_scores_json(NULL, &o, &json) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_performance_scores_json(l, NULL, &json) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_performance_scores_json(l, &o, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(json == &sentinel);
    plaint_ledger_free(unscored);
    plaint_profile_free(bare);
    plaint_ledger_free(l);
}

/* `call` fails with `status`, leaves `*out` as it was and says something. */
static void check_fails(plaint_ledger* l, const plaint_performance_options* o, int status,
                        const char* in_message) {
    char sentinel = 'x';
    char* json = &sentinel;
    const int got = plaint_ledger_performance_json(l, o, &json);
    CHECK(got == status);
    if (got != status)
        fprintf(stderr, "  expected %d, got %d\n", status, got);
    CHECK(json == &sentinel);
    CHECK(strlen(plaint_last_error_message()) > 0);
    CHECK(strstr(plaint_last_error_message(), in_message) != NULL);
    if (got == PLAINT_OK && json != &sentinel)
        plaint_string_free(json);
}

static void test_bad_input(void) {
    plaint_ledger* l = hand_ledger();
    plaint_performance_options o = PLAINT_PERFORMANCE_OPTIONS_INIT;
    plaint_performance_options bad;
    char* json = NULL;
    o.from = MARCH_FROM;
    o.to = MARCH_TO;

    /* NULL ledger, options, out. */
    check_fails(NULL, &o, PLAINT_E_INVALID_ARGUMENT, "ledger is NULL");
    check_fails(l, NULL, PLAINT_E_INVALID_ARGUMENT, "options is NULL");
    CHECK(plaint_ledger_performance_json(l, &o, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(strstr(plaint_last_error_message(), "out is NULL") != NULL);

    /* A size too small: 0, 4, and one byte short of the whole struct. */
    bad = o;
    bad.size = 0;
    check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "PLAINT_PERFORMANCE_OPTIONS_INIT");
    bad.size = 4;
    check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "too small");
    bad.size = (uint32_t)sizeof bad - 1;
    check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "plaint_performance_options.size");

    /* Groupings 0 and 3. */
    bad = o;
    bad.by = 0;
    check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "unknown staff grouping 0");
    bad.by = 3;
    check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "unknown staff grouping 3");

    /* from = to, and from after to. */
    bad = o;
    bad.to = bad.from;
    check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "start must be before");
    bad.to = bad.from - 1;
    check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "start must be before");

    /* Confidences 0, 1 and NaN (0 is no default here), and below 0. */
    bad = o;
    bad.confidence = 0;
    check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "confidence");
    bad.confidence = 1;
    check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "confidence");
    bad.confidence = NAN;
    check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "confidence");
    bad.confidence = -0.5;
    check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "confidence");

    /* Surveys: a count without documents, a NULL document, a bad instant (line 2 of the second
     * document), an answer out of 0..127, no `at` column, and a broken byte order mark. */
    bad = o;
    bad.survey_count = 1;
    check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "options.surveys is NULL");
    {
        const char* const null_doc[] = {SURVEYS, NULL};
        bad.surveys = null_doc;
        bad.survey_count = 2;
        check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "options.surveys[1] is NULL");
    }
    {
        const char* const bad_at[] = {SURVEYS, "complaint_id,building,at,overall\n"
                                               "A,,not-an-instant,5\n"};
        bad.surveys = bad_at;
        bad.survey_count = 2;
        check_fails(l, &bad, PLAINT_E_PARSE, "options.surveys[1]");
        CHECK(strstr(plaint_last_error_message(), "line 2") != NULL);
    }
    {
        const char* const big[] = {"complaint_id,building,at,overall\n"
                                   "A,,2026-03-03T09:00:00+08:00,300\n"};
        bad.surveys = big;
        bad.survey_count = 1;
        check_fails(l, &bad, PLAINT_E_PARSE, "options.surveys[0]");
    }
    {
        const char* const no_at[] = {"complaint_id,building,overall\nA,,5\n"};
        bad.surveys = no_at;
        bad.survey_count = 1;
        check_fails(l, &bad, PLAINT_E_INVALID_ARGUMENT, "options.surveys[0]");
    }
    {
        const char* const bom[] = {"\xef\xbb"
                                   "complaint_id,building,at,overall\n"};
        bad.surveys = bom;
        bad.survey_count = 1;
        check_fails(l, &bad, PLAINT_E_ENCODING, "options.surveys[0]");
    }

    /* The good options still work after all that, and the ledger is unchanged. */
    CHECK(plaint_ledger_performance_json(l, &o, &json) == PLAINT_OK);
    CHECK(group_count(json) == 3);
    plaint_string_free(json);
    plaint_ledger_free(l);
}

int main(void) {
    CHECK(PLAINT_VERSION_NUMBER >= 600);
    test_init();
    test_by_handler();
    test_by_team();
    test_bad_input();
    test_scores();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
