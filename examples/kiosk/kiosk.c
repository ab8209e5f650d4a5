/* A complaint kiosk's classifier, in C99 through the C ABI: a profile (a JSON file given as the
 * only argument, or the embedded default) classifies complaints read as JSON lines on stdin,
 * each at its received instant, and writes one JSON line per complaint:
 *
 *   {"id": "...", "decision": {...}, "explanation": [...]}
 *
 * A line that is not a valid complaint gives {"line": N, "error": "...", "problems": [...]},
 * and the kiosk goes on with the next line. It exits 0 once stdin ends, 1 when the profile
 * cannot be loaded (its problems are written to stderr), 2 for bad usage.
 *
 *   kiosk [PROFILE.json] < complaints.jsonl */
#include "plaint/plaint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes `s` as a JSON string. */
static void put_json_string(FILE* out, const char* s) {
    const unsigned char* p = (const unsigned char*)s;
    fputc('"', out);
    for (; *p; ++p) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

/* Writes the last failure's problems as a JSON list. */
static void put_problems(FILE* out) {
    size_t n = 0, i;
    if (plaint_last_error_problem_count(&n) != PLAINT_OK)
        n = 0;
    fputc('[', out);
    for (i = 0; i < n; ++i) {
        const char* pointer = "";
        const char* message = "";
        size_t line = 0, column = 0;
        if (plaint_last_error_problem(i, &pointer, &line, &column, &message) != PLAINT_OK)
            break;
        fputs(i ? ", {\"pointer\": " : "{\"pointer\": ", out);
        put_json_string(out, pointer);
        fprintf(out, ", \"line\": %lu, \"column\": %lu, \"message\": ", (unsigned long)line,
                (unsigned long)column);
        put_json_string(out, message);
        fputc('}', out);
    }
    fputc(']', out);
}

/* Writes the error line for input line `line_no` (the last failure's message and problems). */
static void put_error(FILE* out, unsigned long line_no) {
    fprintf(out, "{\"line\": %lu, \"error\": ", line_no);
    put_json_string(out, plaint_last_error_message());
    fputs(", \"problems\": ", out);
    put_problems(out);
    fputs("}\n", out);
}

/* Reads one line of any length into *buf (grown as needed), without its newline.
 * Returns 0 at the end of input. */
static int read_line(FILE* in, char** buf, size_t* cap, size_t* len) {
    int ch;
    *len = 0;
    if (feof(in))
        return 0;
    while ((ch = fgetc(in)) != EOF && ch != '\n') {
        if (*len + 1 >= *cap) {
            size_t grown = *cap ? *cap * 2 : 4096;
            char* p = (char*)realloc(*buf, grown);
            if (!p)
                return 0;
            *buf = p;
            *cap = grown;
        }
        (*buf)[(*len)++] = (char)ch;
    }
    if (ch == EOF && *len == 0)
        return 0;
    if (*buf)
        (*buf)[*len] = '\0';
    return 1;
}

/* Classifies one complaint line; writes its result or its error line. */
static void classify_line(const plaint_profile* profile, const char* text, size_t len,
                          unsigned long line_no) {
    plaint_complaint* c = NULL;
    plaint_decision* d = NULL;
    const char* id = NULL;
    char* decision = NULL;
    char* explanation = NULL;
    int64_t received = 0;

    if (plaint_complaint_from_json(&c, text, len) != PLAINT_OK ||
        plaint_complaint_text(c, PLAINT_FIELD_ID, &id, NULL) != PLAINT_OK ||
        plaint_complaint_received(c, &received) != PLAINT_OK ||
        plaint_profile_classify(profile, c, received, NULL, &d) != PLAINT_OK ||
        plaint_decision_to_json(d, &decision) != PLAINT_OK ||
        plaint_decision_explain_json(d, &explanation) != PLAINT_OK) {
        put_error(stdout, line_no);
    } else {
        fputs("{\"id\": ", stdout);
        put_json_string(stdout, id);
        printf(", \"decision\": %s, \"explanation\": %s}\n", decision, explanation);
    }
    plaint_string_free(explanation);
    plaint_string_free(decision);
    plaint_decision_free(d);
    plaint_complaint_free(c);
}

int main(int argc, char** argv) {
    plaint_profile* profile = NULL;
    char* buf = NULL;
    size_t cap = 0, len = 0;
    unsigned long line_no = 0;
    int status;

    if (argc > 2) {
        fprintf(stderr, "usage: %s [PROFILE.json] < complaints.jsonl\n", argv[0]);
        return 2;
    }
    status =
        argc == 2 ? plaint_profile_from_file(&profile, argv[1]) : plaint_profile_default(&profile);
    if (status != PLAINT_OK) {
        fprintf(stderr, "cannot load the profile: %s\n", plaint_last_error_message());
        return 1;
    }
    while (read_line(stdin, &buf, &cap, &len)) {
        ++line_no;
        if (len == 0 || strspn(buf, " \t\r") == len)
            continue; /* blank lines are skipped, but counted */
        classify_line(profile, buf, len, line_no);
    }
    free(buf);
    plaint_profile_free(profile);
    return 0;
}
