/* The ledger face of the C ABI (Since 0.5), exercised from C99: bulk imports of the shipped sample
 * data (JSON lines, and CSV with its events), bad lines reported with their line numbers, the
 * all-or-nothing import, complaints added one by one with their events, look-ups, the complaint
 * as JSON, snapshots saved and loaded (and refused when truncated or foreign), the monthly report
 * as JSON, CSV, HTML and files, with NULL pointers, bad paths, indexes out of range and bad
 * options.
 *
 * Expected values come from outside the code under test: the sample files counted with
 * `wc -l` (complaints-2026-10.jsonl: 2,231 lines, one complaint each; events-2026-10.csv: 16,623
 * lines, a header and 16,622 events; complaints-2026-10.csv: a header and 2,231 rows), and
 * examples/data/sample/README.md (October's ids are 2026-10-NNNN, all received in October 2026
 * local time, so the report of 2026-10 counts every one of them). */
#include "plaint/plaint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define SAMPLE PLAINT_DATA_DIR "/sample/"
#define OCTOBER_COMPLAINTS 2231 /* wc -l complaints-2026-10.jsonl */
#define OCTOBER_EVENTS 16622    /* wc -l events-2026-10.csv, less its header */

/* The whole of a file as a NUL-terminated string (malloc'd), or NULL; its length in *len. */
static char* read_file(const char* path, size_t* len) {
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
            if (len)
                *len = got;
        }
    }
    fclose(f);
    return text;
}

static int write_file(const char* path, const char* data, size_t len) {
    FILE* f = fopen(path, "wb");
    size_t put;
    if (!f)
        return 0;
    put = fwrite(data, 1, len, f);
    return fclose(f) == 0 && put == len;
}

static int file_exists(const char* path) {
    FILE* f = fopen(path, "rb");
    if (!f)
        return 0;
    fclose(f);
    return 1;
}

static size_t count(const plaint_ledger* l) {
    size_t n = 99999;
    CHECK(plaint_ledger_count(l, &n) == PLAINT_OK);
    return n;
}

/* The first `lines` lines of `text` (malloc'd). */
static char* first_lines(const char* text, int lines) {
    const char* p = text;
    char* out;
    while (lines-- > 0 && (p = strchr(p, '\n')) != NULL)
        ++p;
    if (!p)
        p = text + strlen(text);
    out = malloc((size_t)(p - text) + 1);
    memcpy(out, text, (size_t)(p - text));
    out[p - text] = '\0';
    return out;
}

static plaint_ledger* october(void) {
    plaint_ledger* l = NULL;
    char* text = read_file(SAMPLE "complaints-2026-10.jsonl", NULL);
    CHECK(text != NULL);
    CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_import_json_lines(l, text, PLAINT_NTS, 0, NULL, NULL) == PLAINT_OK);
    free(text);
    return l;
}

static void test_import_json_lines(void) {
    plaint_ledger* l = NULL;
    plaint_profile* p = NULL;
    plaint_profile* back = NULL;
    plaint_import_result r = PLAINT_IMPORT_RESULT_INIT;
    char* problems = NULL;
    size_t len = 0, events = 0;
    char* text = read_file(SAMPLE "complaints-2026-10.jsonl", &len);
    CHECK(text != NULL);
    CHECK(plaint_profile_default(&p) == PLAINT_OK);
    CHECK(plaint_ledger_new(&l, p) == PLAINT_OK);
    plaint_profile_free(p); /* the ledger keeps its profile alive */
    CHECK(count(l) == 0);
    CHECK(plaint_ledger_import_json_lines(l, text, len, 0, &r, &problems) == PLAINT_OK);
    CHECK(r.committed == 1);
    CHECK(r.complaints == OCTOBER_COMPLAINTS);
    CHECK(r.rows == OCTOBER_COMPLAINTS);
    CHECK(r.bad_rows == 0);
    CHECK(r.events == OCTOBER_EVENTS); /* the same events as the CSV export */
    CHECK(problems && strcmp(problems, "[]") == 0);
    plaint_string_free(problems);
    CHECK(count(l) == OCTOBER_COMPLAINTS);
    /* every input event, plus one RECEIVE per complaint, plus the ledger's re-evaluations */
    CHECK(plaint_ledger_event_count(l, &events) == PLAINT_OK);
    CHECK(events >= OCTOBER_EVENTS + OCTOBER_COMPLAINTS);
    CHECK(plaint_ledger_profile(l, &back) == PLAINT_OK && back != NULL);
    plaint_profile_free(back);

    /* The same file again: every line a duplicate id, nothing added, each line reported. */
    CHECK(plaint_ledger_import_json_lines(l, text, len, 0, &r, NULL) == PLAINT_OK);
    CHECK(r.complaints == 0 && r.bad_rows == OCTOBER_COMPLAINTS && r.committed == 1);
    CHECK(count(l) == OCTOBER_COMPLAINTS);
    plaint_ledger_free(l);
    free(text);
}

static void test_bad_lines(void) {
    plaint_ledger* l = NULL;
    plaint_import_result r = PLAINT_IMPORT_RESULT_INIT;
    char* problems = NULL;
    char* text = read_file(SAMPLE "complaints-2026-10.jsonl", NULL);
    char* three = first_lines(text, 3);
    char* bad = malloc(strlen(three) + 32);
    char* second = strchr(three, '\n') + 1; /* line 2 of the three */
    /* line 1 good, line 2 malformed, lines 3 and 4 the sample's lines 2 and 3 */
    memcpy(bad, three, (size_t)(second - three));
    strcpy(bad + (second - three), "{\"id\": \"broken\",\n");
    strcat(bad, second);

    CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
    /* all or nothing: the bad line refuses the whole text, the ledger stays empty */
    CHECK(plaint_ledger_import_json_lines(l, bad, PLAINT_NTS, PLAINT_IMPORT_ALL_OR_NOTHING, &r,
                                          &problems) == PLAINT_OK);
    CHECK(r.committed == 0 && r.bad_rows == 1 && r.rows == 4);
    CHECK(count(l) == 0);
    CHECK(problems && strstr(problems, "\"line\":2") != NULL);
    CHECK(problems && strstr(problems, "\"file\":\"json lines\"") != NULL);
    CHECK(problems && strstr(problems, "\"status\":-3") != NULL); /* PLAINT_E_PARSE */
    plaint_string_free(problems);
    problems = NULL;

    /* by default: the three good lines imported, line 2 reported */
    CHECK(plaint_ledger_import_json_lines(l, bad, PLAINT_NTS, 0, &r, &problems) == PLAINT_OK);
    CHECK(r.committed == 1 && r.complaints == 3 && r.bad_rows == 1);
    CHECK(count(l) == 3);
    CHECK(problems && strstr(problems, "\"line\":2") != NULL);
    plaint_string_free(problems);

    /* all or nothing on a ledger that holds complaints: the count does not move */
    CHECK(plaint_ledger_import_json_lines(l, bad, PLAINT_NTS, PLAINT_IMPORT_ALL_OR_NOTHING, &r,
                                          NULL) == PLAINT_OK);
    CHECK(r.committed == 0);
    CHECK(count(l) == 3);

    /* bad arguments */
    CHECK(plaint_ledger_import_json_lines(l, bad, PLAINT_NTS, 2u, &r, NULL) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(strstr(plaint_last_error_message(), "flags") != NULL);
    r.size = 4;
    CHECK(plaint_ledger_import_json_lines(l, bad, PLAINT_NTS, 0, &r, NULL) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(count(l) == 3);
    CHECK(plaint_ledger_import_json_lines(NULL, bad, PLAINT_NTS, 0, NULL, NULL) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_import_json_lines(l, NULL, 5, 0, NULL, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_import_json_lines(l, NULL, 0, 0, NULL, NULL) == PLAINT_OK); /* empty */
    plaint_ledger_free(l);
    free(bad);
    free(three);
    free(text);
}

static void test_import_csv(void) {
    plaint_ledger* l = NULL;
    plaint_import_result r = PLAINT_IMPORT_RESULT_INIT;
    char* problems = NULL;
    char* complaints = read_file(SAMPLE "complaints-2026-10.csv", NULL);
    char* events = read_file(SAMPLE "events-2026-10.csv", NULL);
    CHECK(complaints && events);
    CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_import_csv(l, complaints, PLAINT_NTS, events, PLAINT_NTS, 0, &r,
                                   &problems) == PLAINT_OK);
    CHECK(r.complaints == OCTOBER_COMPLAINTS && r.events == OCTOBER_EVENTS && r.bad_rows == 0);
    CHECK(problems && strcmp(problems, "[]") == 0);
    plaint_string_free(problems);
    CHECK(count(l) == OCTOBER_COMPLAINTS);
    plaint_ledger_free(l);

    /* a complaints file with an unknown column: the whole file is bad, at line 1 */
    CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_import_csv(l, "id,received,colour\nX,2026-10-01T09:00:00+08:00,red\n",
                                   PLAINT_NTS, NULL, 0, 0, &r, &problems) == PLAINT_OK);
    CHECK(r.complaints == 0 && r.bad_rows >= 1);
    CHECK(problems && strstr(problems, "\"file\":\"complaints\",\"line\":1") != NULL);
    plaint_string_free(problems);
    /* a bad row on line 3 */
    CHECK(plaint_ledger_import_csv(l,
                                   "id,received\nA,2026-10-01T09:00:00+08:00\nB,yesterday\n"
                                   "C,2026-10-01T10:00:00+08:00\n",
                                   PLAINT_NTS, NULL, 0, 0, &r, &problems) == PLAINT_OK);
    CHECK(r.complaints == 2 && r.bad_rows == 1);
    CHECK(problems && strstr(problems, "\"line\":3") != NULL);
    plaint_string_free(problems);
    CHECK(count(l) == 2);
    CHECK(plaint_ledger_import_csv(l, NULL, 3, NULL, 0, 0, NULL, NULL) ==
          PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_import_csv(l, "id,received\n", PLAINT_NTS, NULL, 7, 0, NULL, NULL) ==
          PLAINT_E_INVALID_ARGUMENT);
    plaint_ledger_free(l);
    free(complaints);
    free(events);
}

static void test_complaints_and_events(void) {
    plaint_ledger* l = october();
    plaint_complaint* c = NULL;
    plaint_event e = PLAINT_EVENT_INIT;
    size_t index = 99, n = 0;
    int32_t state = 0;
    char* json = NULL;
    int64_t received = 0;

    CHECK(plaint_ledger_find(l, "2026-10-0001", &index) == PLAINT_OK && index == 0);
    CHECK(plaint_ledger_find(l, "2026-10-9999", &index) == PLAINT_E_NOT_FOUND);
    CHECK(plaint_ledger_complaint_json(l, 0, &json) == PLAINT_OK);
    CHECK(json && strstr(json, "\"id\":\"2026-10-0001\"") != NULL);
    CHECK(json && strstr(json, "\"complaint\":{") != NULL);
    /* the sample's first line: a leak in A5 1609, tagged holiday and water */
    CHECK(json && strstr(json, "\"tags\":[\"holiday\",\"water\"]") != NULL);
    CHECK(json && strstr(json, "\"building\":\"A5\"") != NULL);
    plaint_string_free(json);
    CHECK(plaint_ledger_complaint(l, 0, &c) == PLAINT_OK);
    CHECK(plaint_complaint_received(c, &received) == PLAINT_OK);
    /* 2026-10-01T07:25:12+08:00 is 2026-09-30T23:25:12Z: day 20726 since 1970 (2026-01-01 is
     * day 20454, plus 272), so 20726 * 86400 + 84312 = 1790810712 */
    CHECK(received == 1790810712LL);
    plaint_complaint_free(c);
    c = NULL;

    /* One complaint from JSON, then its events one at a time. 2026-10-31T10:00:00+08:00 is
     * 2026-10-31T02:00:00Z: day 20757 since 1970 (2026-01-01 is day 20454, plus 303), so
     * 20757 * 86400 + 7200 = 1793412000. */
    CHECK(plaint_ledger_add_complaint_json(
              l, "{\"id\":\"X-1\",\"received\":\"2026-10-31T10:00:00+08:00\"}", PLAINT_NTS,
              &index) == PLAINT_OK);
    CHECK(index == OCTOBER_COMPLAINTS);
    CHECK(count(l) == OCTOBER_COMPLAINTS + 1);
    CHECK(plaint_ledger_add_complaint_json(
              l, "{\"id\":\"X-1\",\"received\":\"2026-10-31T10:00:00+08:00\"}", PLAINT_NTS, NULL) ==
          PLAINT_E_INVALID_ARGUMENT); /* a duplicate id */
    CHECK(plaint_ledger_add_complaint_json(l, "{\"id\":", PLAINT_NTS, NULL) == PLAINT_E_PARSE);
    CHECK(count(l) == OCTOBER_COMPLAINTS + 1);

    e.type = PLAINT_EVENT_RECORD;
    e.at = 1793412000LL + 60;
    e.role = PLAINT_ROLE_DUTY_STAFF;
    CHECK(plaint_ledger_add_event(l, index, &e) == PLAINT_OK);
    CHECK(plaint_ledger_complaint(l, index, &c) == PLAINT_OK);
    CHECK(plaint_complaint_state(c, &state) == PLAINT_OK && state == PLAINT_STATE_RECORDED);
    CHECK(plaint_complaint_received(c, &received) == PLAINT_OK && received == 1793412000LL);
    CHECK(plaint_complaint_event_count(c, &n) == PLAINT_OK && n == 2);
    e.at = 1793412000LL + 30; /* earlier than the last event */
    e.type = PLAINT_EVENT_CLASSIFY;
    e.nature = PLAINT_NATURE_VALID;
    CHECK(plaint_ledger_add_event(l, index, &e) == PLAINT_E_OUT_OF_ORDER);
    e.at = 1793412000LL + 120;
    e.type = PLAINT_EVENT_CLOSE; /* not from RECORDED */
    CHECK(plaint_ledger_add_event(l, index, &e) == PLAINT_E_ILLEGAL_TRANSITION);
    CHECK(plaint_ledger_add_event(l, OCTOBER_COMPLAINTS + 1, &e) == PLAINT_E_OUT_OF_RANGE);
    e.size = 4;
    CHECK(plaint_ledger_add_event(l, index, &e) == PLAINT_E_INVALID_ARGUMENT);

    /* a complaint handle added as a copy: c is X-1 itself, so a new id first */
    CHECK(plaint_complaint_set_text(c, PLAINT_FIELD_ID, "X-2", PLAINT_NTS) == PLAINT_OK);
    CHECK(plaint_ledger_add_complaint(l, c, &index) == PLAINT_OK);
    CHECK(index == OCTOBER_COMPLAINTS + 1);
    plaint_complaint_free(c);

    /* out of range and NULL */
    CHECK(plaint_ledger_complaint_json(l, OCTOBER_COMPLAINTS + 2, &json) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_ledger_complaint(l, (size_t)-1, &c) == PLAINT_E_OUT_OF_RANGE);
    CHECK(plaint_ledger_complaint_json(NULL, 0, &json) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_complaint_json(l, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_complaint(l, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_find(l, NULL, &index) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_find(l, "X-1", NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_add_event(l, 0, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_add_event(NULL, 0, &e) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_add_complaint(l, NULL, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_add_complaint_json(l, NULL, 3, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_add_complaint_json(NULL, "{}", 2, NULL) == PLAINT_E_INVALID_ARGUMENT);
    plaint_ledger_free(l);
}

/* Issue 12: a refused event used to leave the previous event linked to the removed slot (a use
 * after free when the refused event had opened a new chunk of 4,096 events). Through the CSV
 * import: fillers of one event each, then X with its events up to a return visit, ending at event
 * 4,096; then X's `unsatisfied` with a deadline in year 4052 (past every calendar's years), which
 * is refused as a bad row. X's chain must end where it did, and the ledger save and load. */
static const char* const X_EVENTS = "complaint_id,at,type,role,nature,method,deadline\n"
                                    "X,2026-03-02T09:30:00+08:00,record,duty_staff,,,\n"
                                    "X,2026-03-02T10:00:00+08:00,classify,duty_staff,valid,,\n"
                                    "X,2026-03-02T10:30:00+08:00,assign,duty_staff,,,\n"
                                    "X,2026-03-02T11:00:00+08:00,start,duty_staff,,,\n"
                                    "X,2026-03-02T11:30:00+08:00,resolve,duty_staff,,,\n"
                                    "X,2026-03-02T12:30:00+08:00,visit,cs_manager,,phone,\n";
static const char* const X_UNSATISFIED =
    "X,2026-03-02T12:31:00+08:00,unsatisfied,cs_manager,,,4052-01-01T00:00:00Z\n";

static size_t chain_length(const plaint_ledger* l, size_t index) {
    plaint_complaint* c = NULL;
    size_t n = 0;
    CHECK(plaint_ledger_complaint(l, index, &c) == PLAINT_OK);
    CHECK(plaint_complaint_event_count(c, &n) == PLAINT_OK);
    plaint_complaint_free(c);
    return n;
}

static void test_refused_event_at_a_chunk_edge(void) {
    plaint_ledger *scratch = NULL, *l = NULL, *back = NULL;
    plaint_import_result r = PLAINT_IMPORT_RESULT_INIT;
    char* problems = NULL;
    char* complaints;
    char* events;
    size_t x_events = 0, fillers, k, total = 0, x = 0, y = 0, at;
    const char* snap = PLAINT_TEST_TMP "/chunk-edge.plaintsn";

    /* X alone, to count the events it holds (its receipt, its six, any re-evaluation). */
    CHECK(plaint_ledger_new(&scratch, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_import_csv(scratch, "id,received\nX,2026-03-02T09:00:00+08:00\n",
                                   PLAINT_NTS, X_EVENTS, PLAINT_NTS, 0, &r, NULL) == PLAINT_OK);
    CHECK(r.bad_rows == 0);
    CHECK(plaint_ledger_event_count(scratch, &x_events) == PLAINT_OK && x_events >= 7);
    plaint_ledger_free(scratch);

    fillers = 4096 - x_events;
    complaints = malloc(64 * (fillers + 2));
    at = (size_t)sprintf(complaints, "id,received\n");
    for (k = 0; k < fillers; ++k)
        at +=
            (size_t)sprintf(complaints + at, "F-%lu,2026-03-02T08:00:00+08:00\n", (unsigned long)k);
    sprintf(complaints + at, "X,2026-03-02T09:00:00+08:00\n");
    events = malloc(strlen(X_EVENTS) + strlen(X_UNSATISFIED) + 1);
    strcpy(events, X_EVENTS);
    strcat(events, X_UNSATISFIED);

    CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_import_csv(l, complaints, PLAINT_NTS, events, PLAINT_NTS, 0, &r,
                                   &problems) == PLAINT_OK);
    CHECK(r.complaints == fillers + 1 && r.bad_rows == 1);
    /* the refused row is the events file's eighth line */
    CHECK(problems && strstr(problems, "\"file\":\"events\",\"line\":8") != NULL);
    plaint_string_free(problems);
    CHECK(plaint_ledger_event_count(l, &total) == PLAINT_OK && total == 4096);
    CHECK(plaint_ledger_find(l, "X", &x) == PLAINT_OK);
    CHECK(chain_length(l, x) == x_events);
    /* the next receipt takes the freed slot; X's chain must not reach it */
    CHECK(plaint_ledger_add_complaint_json(
              l, "{\"id\":\"Y\",\"received\":\"2026-03-02T13:00:00+08:00\"}", PLAINT_NTS, &y) ==
          PLAINT_OK);
    CHECK(chain_length(l, x) == x_events);
    CHECK(chain_length(l, y) == 1);
    CHECK(plaint_ledger_save(l, snap) == PLAINT_OK);
    CHECK(plaint_ledger_load(&back, snap, NULL) == PLAINT_OK);
    if (back) {
        CHECK(chain_length(back, x) == x_events);
        CHECK(chain_length(back, y) == 1);
    }
    remove(snap);
    plaint_ledger_free(back);
    plaint_ledger_free(l);
    free(complaints);
    free(events);
}

static void test_snapshots(void) {
    plaint_ledger* l = october();
    plaint_ledger* back = NULL;
    plaint_profile* p = NULL;
    char* json = NULL;
    char* again = NULL;
    char* bytes;
    size_t len = 0;
    const char* path = PLAINT_TEST_TMP "/capi-ledger.snapshot";
    const char* cut = PLAINT_TEST_TMP "/capi-ledger-truncated.snapshot";

    CHECK(plaint_ledger_save(l, path) == PLAINT_OK);
    CHECK(plaint_ledger_load(&back, path, NULL) == PLAINT_OK);
    CHECK(count(back) == OCTOBER_COMPLAINTS);
    CHECK(plaint_ledger_complaint_json(l, 1234, &json) == PLAINT_OK);
    CHECK(plaint_ledger_complaint_json(back, 1234, &again) == PLAINT_OK);
    CHECK(json && again && strcmp(json, again) == 0);
    plaint_string_free(again);
    plaint_ledger_free(back);
    back = NULL;
    /* under a profile equal to the stored one */
    CHECK(plaint_profile_default(&p) == PLAINT_OK);
    CHECK(plaint_ledger_load(&back, path, p) == PLAINT_OK);
    plaint_profile_free(p);
    CHECK(count(back) == OCTOBER_COMPLAINTS);
    CHECK(plaint_ledger_complaint_json(back, 1234, &again) == PLAINT_OK);
    CHECK(json && again && strcmp(json, again) == 0);
    plaint_string_free(again);
    plaint_string_free(json);
    plaint_ledger_free(back);
    back = NULL;

    /* refused: a missing file, a truncated snapshot, a file that is no snapshot */
    CHECK(plaint_ledger_load(&back, PLAINT_TEST_TMP "/no-such-dir/x.snapshot", NULL) ==
          PLAINT_E_IO);
    CHECK(back == NULL);
    CHECK(strstr(plaint_last_error_message(), "no-such-dir") != NULL);
    bytes = read_file(path, &len);
    CHECK(bytes != NULL && len > 1000);
    CHECK(write_file(cut, bytes, len / 2));
    CHECK(plaint_ledger_load(&back, cut, NULL) == PLAINT_E_PARSE);
    CHECK(back == NULL);
    CHECK(plaint_last_error_message()[0] != '\0');
    CHECK(write_file(cut, bytes, 20)); /* shorter than the header */
    CHECK(plaint_ledger_load(&back, cut, NULL) == PLAINT_E_PARSE);
    CHECK(back == NULL);
    free(bytes);
    CHECK(plaint_ledger_load(&back, SAMPLE "complaints-2026-10.jsonl", NULL) == PLAINT_E_PARSE);
    CHECK(back == NULL);
    /* a folder that does not exist: nothing written */
    CHECK(plaint_ledger_save(l, PLAINT_TEST_TMP "/no-such-dir/x.snapshot") == PLAINT_E_IO);
    CHECK(!file_exists(PLAINT_TEST_TMP "/no-such-dir/x.snapshot"));
    /* NULL */
    CHECK(plaint_ledger_save(NULL, path) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_save(l, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_load(NULL, path, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_load(&back, NULL, NULL) == PLAINT_E_INVALID_ARGUMENT);
    remove(path);
    remove(cut);
    plaint_ledger_free(l);
}

static void test_report(void) {
    plaint_ledger* l = october();
    plaint_ledger* empty = NULL;
    plaint_report_options o = PLAINT_REPORT_OPTIONS_INIT;
    char* json = NULL;
    char* csv = NULL;
    char* html = NULL;
    char* surveys[2];
    const char* folder = PLAINT_TEST_TMP "/capi-report";

    /* no options: the month of the latest complaint, October */
    CHECK(plaint_ledger_report_json(l, NULL, &json) == PLAINT_OK);
    CHECK(json && strstr(json, "\"month\": \"2026-10\"") != NULL);
    CHECK(json && strstr(json, "\"received\": 2231") != NULL);
    CHECK(json && strstr(json, "\"satisfaction\"") != NULL);
    plaint_string_free(json);
    json = NULL;

    /* with both months' surveys (README: CSAT 85.1 % in October, 90.0 % in September) */
    surveys[0] = read_file(SAMPLE "surveys-2026-09.csv", NULL);
    surveys[1] = read_file(SAMPLE "surveys-2026-10.csv", NULL);
    CHECK(surveys[0] && surveys[1]);
    o.month = "2026-10";
    o.surveys = (const char* const*)surveys;
    o.survey_count = 2;
    CHECK(plaint_ledger_report_json(l, &o, &json) == PLAINT_OK);
    CHECK(json && strstr(json, "\"received\": 2231") != NULL);
    CHECK(json && strstr(json, "\"csat\": 0.85") != NULL);
    CHECK(json && strstr(json, "\"csat\": 0.90") != NULL);
    plaint_string_free(json);
    CHECK(plaint_ledger_report_csv(l, &o, &csv) == PLAINT_OK);
    CHECK(csv && strncmp(csv, "section,group,item,metric,value\n", 32) == 0);
    plaint_string_free(csv);
    CHECK(plaint_ledger_report_html(l, &o, &html) == PLAINT_OK);
    CHECK(html && strstr(html, "<svg") != NULL && strstr(html, "2026-10") != NULL);
    plaint_string_free(html);
    CHECK(plaint_ledger_report_files(l, &o, folder) == PLAINT_OK);
    CHECK(file_exists(PLAINT_TEST_TMP "/capi-report/report.json"));
    CHECK(file_exists(PLAINT_TEST_TMP "/capi-report/report.csv"));
    CHECK(file_exists(PLAINT_TEST_TMP "/capi-report/report.html"));
    remove(PLAINT_TEST_TMP "/capi-report/report.json");
    remove(PLAINT_TEST_TMP "/capi-report/report.csv");
    remove(PLAINT_TEST_TMP "/capi-report/report.html");
    remove(folder);

    /* bad options */
    json = NULL;
    o.month = "2026-13";
    CHECK(plaint_ledger_report_json(l, &o, &json) != PLAINT_OK && json == NULL);
    o.month = "2026-10";
    o.timezone = "Nowhere/Atlantis";
    CHECK(plaint_ledger_report_json(l, &o, &json) == PLAINT_E_NOT_FOUND);
    o.timezone = NULL;
    o.surveys = NULL;
    CHECK(plaint_ledger_report_json(l, &o, &json) == PLAINT_E_INVALID_ARGUMENT);
    {
        const char* bad_csv[1] = {"complaint_id,building,at,overall\nX,A1,not-a-time,5\n"};
        o.surveys = bad_csv;
        o.survey_count = 1;
        CHECK(plaint_ledger_report_json(l, &o, &json) == PLAINT_E_PARSE);
        CHECK(strstr(plaint_last_error_message(), "options.surveys[0]") != NULL);
        bad_csv[0] = NULL;
        CHECK(plaint_ledger_report_json(l, &o, &json) == PLAINT_E_INVALID_ARGUMENT);
        o.survey_count = 0;
    }
    o.confidence = 1.5;
    CHECK(plaint_ledger_report_json(l, &o, &json) == PLAINT_E_INVALID_ARGUMENT);
    o.confidence = 0;
    o.size = 4;
    CHECK(plaint_ledger_report_json(l, &o, &json) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(json == NULL);
    /* an unwritable folder: below a regular file */
    CHECK(plaint_ledger_report_files(l, NULL, SAMPLE "README.md/out") == PLAINT_E_IO);
    /* an empty ledger has no month of its own */
    CHECK(plaint_ledger_new(&empty, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_report_json(empty, NULL, &json) == PLAINT_E_INVALID_ARGUMENT);
    plaint_ledger_free(empty);
    /* NULL */
    CHECK(plaint_ledger_report_json(NULL, NULL, &json) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_report_json(l, NULL, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_report_csv(l, NULL, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_report_html(NULL, NULL, &html) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_report_files(l, NULL, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_report_files(NULL, NULL, folder) == PLAINT_E_INVALID_ARGUMENT);
    free(surveys[0]);
    free(surveys[1]);
    plaint_ledger_free(l);
}

static void test_nulls(void) {
    size_t n = 0;
    plaint_profile* p = NULL;
    plaint_import_result r;
    plaint_report_options o;
    CHECK(plaint_ledger_new(NULL, NULL) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_count(NULL, &n) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_event_count(NULL, &n) == PLAINT_E_INVALID_ARGUMENT);
    CHECK(plaint_ledger_profile(NULL, &p) == PLAINT_E_INVALID_ARGUMENT);
    plaint_ledger_free(NULL);
    plaint_import_result_init(NULL, sizeof r);
    plaint_import_result_init(&r, sizeof r);
    CHECK(r.size == sizeof r && r.complaints == 0 && r.committed == 0);
    plaint_report_options_init(&o, sizeof o);
    CHECK(o.size == sizeof o && o.month == NULL && o.survey_count == 0);
    {
        plaint_ledger* l = NULL;
        CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
        CHECK(plaint_ledger_count(l, NULL) == PLAINT_E_INVALID_ARGUMENT);
        CHECK(plaint_ledger_profile(l, NULL) == PLAINT_E_INVALID_ARGUMENT);
        plaint_ledger_free(l);
    }
}

int main(void) {
    CHECK(PLAINT_VERSION_NUMBER >= 500); /* this face came with 0.5.0 */
    test_import_json_lines();
    test_bad_lines();
    test_import_csv();
    test_complaints_and_events();
    test_refused_event_at_a_chunk_edge();
    test_snapshots();
    test_report();
    test_nulls();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
