/* The C ABI's file loaders (issue 12, "Files"), exercised from C99 with POSIX: a profile
 * (plaint_profile_from_file) and a snapshot (plaint_ledger_load) read from a FIFO load as from a
 * regular file; a directory is an I/O error that says so; /dev/zero and /dev/urandom never end,
 * so a profile from them is too large (plaint.h: over 16 MiB) and a snapshot from them is not a
 * snapshot (its first bytes are not the magic "PLAINTSN", snapshot.hpp). A FIFO is fed by a
 * forked child writing a file's bytes. */
#define _POSIX_C_SOURCE 200809L

#include "plaint/plaint.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

/* The bytes of the file at `path` (NUL-terminated); *len_out gets their count. */
static char* slurp(const char* path, size_t* len_out) {
    FILE* f = fopen(path, "rb");
    char* text = NULL;
    size_t len = 0, cap = 0, got;
    if (!f)
        return NULL;
    do {
        if (len + 4096 + 1 > cap) {
            char* grown = (char*)realloc(text, cap = (len + 4096 + 1) * 2);
            if (!grown) {
                free(text);
                fclose(f);
                return NULL;
            }
            text = grown;
        }
        got = fread(text + len, 1, 4096, f);
        len += got;
    } while (got > 0);
    fclose(f);
    text[len] = '\0';
    *len_out = len;
    return text;
}

/* Makes a FIFO at `path` and forks a child that writes `len` bytes at `data` into it and exits.
 * Returns the child's pid, or -1. */
static pid_t feed_fifo(const char* path, const char* data, size_t len) {
    pid_t pid;
    unlink(path);
    if (mkfifo(path, 0600) != 0)
        return -1;
    pid = fork();
    if (pid == 0) {
        int fd;
        size_t at = 0;
        alarm(60); /* a reader that never comes fails the test instead of hanging it */
        fd = open(path, O_WRONLY);
        signal(SIGPIPE, SIG_IGN);
        while (fd >= 0 && at < len) {
            ssize_t k = write(fd, data + at, len - at);
            if (k <= 0)
                break;
            at += (size_t)k;
        }
        _exit(at == len ? 0 : 1);
    }
    return pid;
}

/* Waits for the child; 1 when it wrote everything. */
static int fed(pid_t pid) {
    int status = 0;
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

static void test_profile_files(void) {
    const char* fifo = PLAINT_TEST_TMP "/capi-files-profile.fifo";
    plaint_profile* p = NULL;
    char* json = NULL;
    size_t len = 0;
    char* text = slurp(PLAINT_DATA_DIR "/default-profile.json", &len);
    pid_t child;
    CHECK(text != NULL);
    if (!text)
        return;

    /* A FIFO holding the default profile: it loads, and is the default profile. */
    child = feed_fifo(fifo, text, len);
    CHECK(child > 0);
    CHECK(plaint_profile_from_file(&p, fifo) == PLAINT_OK);
    CHECK(fed(child));
    CHECK(p != NULL && plaint_profile_to_json(p, &json) == PLAINT_OK &&
          strstr(json, "\"name\": \"default\"") != NULL);
    plaint_string_free(json);
    plaint_profile_free(p);
    unlink(fifo);

    /* A directory: an I/O error naming it as one. */
    p = NULL;
    CHECK(plaint_profile_from_file(&p, PLAINT_TEST_TMP) == PLAINT_E_IO);
    CHECK(p == NULL && strstr(plaint_last_error_message(), "is a directory") != NULL);

    /* Endless devices: too large once more than 16 MiB came. */
    CHECK(plaint_profile_from_file(&p, "/dev/zero") == PLAINT_E_TOO_LARGE);
    CHECK(plaint_profile_from_file(&p, "/dev/urandom") == PLAINT_E_TOO_LARGE);
    CHECK(p == NULL);
    free(text);
}

static void test_snapshot_files(void) {
    const char* file = PLAINT_TEST_TMP "/capi-files.plaintsn";
    const char* fifo = PLAINT_TEST_TMP "/capi-files-snapshot.fifo";
    const char* lines = "{\"id\": \"F-1\", \"received\": \"2026-10-01T08:00:00+08:00\"}\n"
                        "{\"id\": \"F-2\", \"received\": \"2026-10-02T08:00:00+08:00\"}\n";
    plaint_ledger* l = NULL;
    plaint_ledger* back = NULL;
    size_t n = 0, len = 0;
    char* bytes;
    pid_t child;

    CHECK(plaint_ledger_new(&l, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_import_json_lines(l, lines, PLAINT_NTS, 0, NULL, NULL) == PLAINT_OK);
    CHECK(plaint_ledger_save(l, file) == PLAINT_OK);
    plaint_ledger_free(l);
    bytes = slurp(file, &len);
    CHECK(bytes != NULL);
    if (!bytes)
        return;

    /* The saved bytes through a FIFO: the two complaints come back. */
    child = feed_fifo(fifo, bytes, len);
    CHECK(child > 0);
    CHECK(plaint_ledger_load(&back, fifo, NULL) == PLAINT_OK);
    CHECK(fed(child));
    CHECK(back != NULL && plaint_ledger_count(back, &n) == PLAINT_OK && n == 2);
    plaint_ledger_free(back);
    back = NULL;

    /* The same bytes but the last: truncated, a parse error. */
    child = feed_fifo(fifo, bytes, len - 1);
    CHECK(plaint_ledger_load(&back, fifo, NULL) == PLAINT_E_PARSE);
    CHECK(fed(child));
    CHECK(back == NULL);
    unlink(fifo);

    /* A directory: I/O; endless devices: not a snapshot. */
    CHECK(plaint_ledger_load(&back, PLAINT_TEST_TMP, NULL) == PLAINT_E_IO);
    CHECK(strstr(plaint_last_error_message(), "is a directory") != NULL);
    CHECK(plaint_ledger_load(&back, "/dev/zero", NULL) == PLAINT_E_PARSE);
    CHECK(plaint_ledger_load(&back, "/dev/urandom", NULL) == PLAINT_E_PARSE);
    CHECK(back == NULL);
    unlink(file);
    free(bytes);
}

int main(void) {
    test_profile_files();
    test_snapshot_files();
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
