/* A complaint kiosk's classifier, in C99 through the C ABI: a profile (a JSON file given as the
 * only argument, or the embedded default) classifies complaints read as JSON lines on stdin,
 * each at its received instant, and writes one JSON line per complaint:
 *
 *   {"id": "...", "decision": {...}, "explanation": [...]}
 *
 * A line that is not a valid complaint gives
 *
 *   {"line": N, "error": "...", "problems": [...], "problem_count": K}
 *
 * and the kiosk goes on with the next line. Blank lines are skipped (but counted in N).
 *
 * Limits (the kiosk's memory and output stay bounded whatever comes in):
 * - A line holds at most KIOSK_MAX_LINE bytes (4 MiB, the library's limit for one complaint),
 *   its newline (LF or CRLF) not counted. A longer line is never stored: the kiosk keeps no
 *   more than the limit, reads the rest of the line through and drops it, writes an error line
 *   for it (with its length, "problem_count": 0) and goes on with the next line.
 * - An error line lists the first KIOSK_MAX_PROBLEMS (20) problems; "problem_count" says how
 *   many there were in all. Its "error" is the first line of the library's message, cut to
 *   KIOSK_MAX_MESSAGE (1000) bytes, and each problem's pointer and message are cut to
 *   KIOSK_MAX_FIELD (300) bytes; a cut text ends with "...". An error line is thus at most
 *   about 15 KB.
 * - When memory for a line cannot be had, that line gets an error line and is skipped.
 *
 * Exit status:
 *   0  stdin ended and every line was answered (decision or error line)
 *   1  the profile cannot be loaded (its problems are written to stderr)
 *   2  bad usage
 *   3  reading stdin failed (stdin is a directory, an I/O error); the lines before were answered
 *   4  writing stdout failed (a full disk, /dev/full); the kiosk stops at once
 * Every non-zero exit writes its reason on stderr.
 *
 *   kiosk [PROFILE.json] < complaints.jsonl */
#include "plaint/plaint.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KIOSK_MAX_LINE ((size_t)4 << 20)
#define KIOSK_MAX_PROBLEMS 20
#define KIOSK_MAX_MESSAGE 1000
#define KIOSK_MAX_FIELD 300

/* Writes at most `max` bytes of the `len` bytes at `s` as a JSON string, stopping at a NUL and
 * ending with "..." when cut. The cut falls on a UTF-8 character boundary. */
static void put_json_text(FILE* out, const char* s, size_t len, size_t max) {
    const unsigned char* p = (const unsigned char*)s;
    size_t n = 0, i;
    int cut = 0;
    while (n < len && p[n])
        ++n;
    if (n > max) {
        n = max;
        while (n > 0 && (p[n] & 0xC0) == 0x80) /* not inside a multi-byte character */
            --n;
        cut = 1;
    }
    fputc('"', out);
    for (i = 0; i < n; ++i) {
        if (p[i] == '"' || p[i] == '\\')
            fprintf(out, "\\%c", p[i]);
        else if (p[i] == '\n')
            fputs("\\n", out);
        else if (p[i] < 0x20)
            fprintf(out, "\\u%04x", p[i]);
        else
            fputc(p[i], out);
    }
    if (cut)
        fputs("...", out);
    fputc('"', out);
}

/* Writes the NUL-terminated `s` as a JSON string (no limit: the kiosk's own texts). */
static void put_json_string(FILE* out, const char* s) {
    put_json_text(out, s, strlen(s), (size_t)-1);
}

/* Writes the last failure's first KIOSK_MAX_PROBLEMS problems as a JSON list, then the count of
 * all of them. */
static void put_problems(FILE* out) {
    size_t n = 0, i;
    if (plaint_last_error_problem_count(&n) != PLAINT_OK)
        n = 0;
    fputc('[', out);
    for (i = 0; i < n && i < KIOSK_MAX_PROBLEMS; ++i) {
        const char* pointer = "";
        const char* message = "";
        size_t line = 0, column = 0;
        if (plaint_last_error_problem(i, &pointer, &line, &column, &message) != PLAINT_OK)
            break;
        fputs(i ? ", {\"pointer\": " : "{\"pointer\": ", out);
        put_json_text(out, pointer, strlen(pointer), KIOSK_MAX_FIELD);
        fprintf(out, ", \"line\": %lu, \"column\": %lu, \"message\": ", (unsigned long)line,
                (unsigned long)column);
        put_json_text(out, message, strlen(message), KIOSK_MAX_FIELD);
        fputc('}', out);
    }
    fprintf(out, "], \"problem_count\": %lu", (unsigned long)n);
}

/* Writes the error line for input line `line_no`: the first line of the last failure's message
 * and its problems. */
static void put_error(FILE* out, unsigned long line_no) {
    const char* message = plaint_last_error_message();
    fprintf(out, "{\"line\": %lu, \"error\": ", line_no);
    put_json_text(out, message, strcspn(message, "\n"), KIOSK_MAX_MESSAGE);
    fputs(", \"problems\": ", out);
    put_problems(out);
    fputs("}\n", out);
}

/* Writes an error line the kiosk itself made (no problems). */
static void put_kiosk_error(FILE* out, unsigned long line_no, const char* message) {
    fprintf(out, "{\"line\": %lu, \"error\": ", line_no);
    put_json_string(out, message);
    fputs(", \"problems\": [], \"problem_count\": 0}\n", out);
}

/* Reads stdin in blocks and hands out lines, keeping at most KIOSK_MAX_LINE bytes of one. */
struct reader {
    FILE* in;
    char block[1 << 16];
    size_t pos, end;
    int eof;
    int err;    /* errno of a read error, or -1 when it set none */
    char* line; /* the line, NUL-terminated (grown up to KIOSK_MAX_LINE + 2 bytes) */
    size_t cap, len;
    unsigned long long total; /* the line's full length, kept or not */
    int dropped;              /* 1: over KIOSK_MAX_LINE, 2: no memory; the line was not kept */
};

/* Fills the block; returns 0 at the end of input or on a read error (r->err). */
static int fill(struct reader* r) {
    if (r->eof || r->err)
        return 0;
    errno = 0;
    r->pos = 0;
    r->end = fread(r->block, 1, sizeof r->block, r->in);
    if (r->end == 0) {
        if (ferror(r->in))
            r->err = errno ? errno : -1;
        else
            r->eof = 1;
        return 0;
    }
    return 1;
}

/* Keeps `n` more bytes of the line unless it is over the limit or memory ran out. */
static void keep(struct reader* r, const char* p, size_t n) {
    r->total += n;
    if (r->dropped)
        return;
    if (r->total > KIOSK_MAX_LINE + 1) { /* + 1: room for the CR of a CRLF, not counted */
        r->dropped = 1;
        return;
    }
    if (r->len + n + 1 > r->cap) {
        size_t grown = r->cap ? r->cap : 4096;
        char* q;
        while (grown < r->len + n + 1)
            grown *= 2;
        if (grown > KIOSK_MAX_LINE + 2)
            grown = KIOSK_MAX_LINE + 2;
        q = (char*)realloc(r->line, grown);
        if (!q) {
            r->dropped = 2;
            return;
        }
        r->line = q;
        r->cap = grown;
    }
    memcpy(r->line + r->len, p, n);
    r->len += n;
}

/* Reads the next line (without its newline). Returns 1 for a line (r->dropped says whether it
 * was kept), 0 at the end of input or on a read error (then r->err is set). */
static int read_line(struct reader* r) {
    int any = 0;
    char last = 0; /* the line's last byte */
    r->len = 0;
    r->total = 0;
    r->dropped = 0;
    for (;;) {
        const char* start;
        const char* nl;
        size_t avail;
        if (r->pos == r->end && !fill(r))
            break;
        any = 1;
        start = r->block + r->pos;
        avail = r->end - r->pos;
        nl = (const char*)memchr(start, '\n', avail);
        if (nl) {
            if (nl > start)
                last = nl[-1];
            keep(r, start, (size_t)(nl - start));
            r->pos += (size_t)(nl - start) + 1;
            break;
        }
        last = start[avail - 1];
        keep(r, start, avail);
        r->pos = r->end;
    }
    if (r->err)
        return 0; /* a line cut by a read error is not answered: it may be incomplete */
    /* A CRLF's CR belongs to the newline: not counted, not kept. */
    if (last == '\r') {
        --r->total;
        if (!r->dropped)
            --r->len;
    }
    if (!r->dropped && r->total > KIOSK_MAX_LINE)
        r->dropped = 1;
    if (r->line)
        r->line[r->len] = '\0';
    return any;
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

/* Says why writing stdout failed; returns the exit status for it. */
static int write_failed(void) {
    const int err = errno;
    fprintf(stderr, "kiosk: cannot write the output: %s\n",
            err ? strerror(err) : "a write error on stdout");
    return 4;
}

int main(int argc, char** argv) {
    static struct reader r; /* static: its block is 64 KiB */
    plaint_profile* profile = NULL;
    unsigned long line_no = 0;
    int status = 0;

    if (argc > 2) {
        fprintf(stderr, "usage: %s [PROFILE.json] < complaints.jsonl\n", argv[0]);
        return 2;
    }
    if ((argc == 2 ? plaint_profile_from_file(&profile, argv[1])
                   : plaint_profile_default(&profile)) != PLAINT_OK) {
        fprintf(stderr, "cannot load the profile: %s\n", plaint_last_error_message());
        return 1;
    }
    r.in = stdin;
    while (read_line(&r)) {
        ++line_no;
        errno = 0;
        if (r.dropped == 1) {
            char message[160];
            sprintf(message, "the line is %llu bytes, over the kiosk's limit of %lu; skipped",
                    r.total, (unsigned long)KIOSK_MAX_LINE);
            put_kiosk_error(stdout, line_no, message);
        } else if (r.dropped == 2) {
            put_kiosk_error(stdout, line_no, "no memory for the line; skipped");
        } else if (r.len == 0 || strspn(r.line, " \t\r") == r.len) {
            continue; /* blank lines are skipped, but counted */
        } else {
            classify_line(profile, r.line, r.len, line_no);
        }
        if (ferror(stdout)) {
            status = write_failed();
            break;
        }
    }
    if (status == 0 && r.err) {
        fprintf(stderr, "kiosk: cannot read the input after line %lu: %s\n", line_no,
                r.err > 0 ? strerror(r.err) : "a read error on stdin");
        status = 3;
    }
    errno = 0;
    if (fflush(stdout) != 0 && status != 4)
        status = write_failed();
    free(r.line);
    plaint_profile_free(profile);
    return status;
}
