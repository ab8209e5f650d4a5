/* The C ABI tests' one assertion: counts checks and failures, and on a failure prints the
 * expression with the library's last error message. Each test file includes it once. */
#ifndef PLAINT_TEST_CHECK_H
#define PLAINT_TEST_CHECK_H

#include "plaint/plaint.h"

#include <stdio.h>

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        ++checks;                                                                                  \
        if (!(cond)) {                                                                             \
            ++failures;                                                                            \
            fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__, __LINE__,       \
                    #cond, plaint_last_error_message());                                           \
        }                                                                                          \
    } while (0)

#endif
