/**
 * @file plaint.h
 * The C ABI of plaint, the complaint-handling library for property management. Valid C99.
 *
 * Conventions (the README's "C ABI" section says more):
 * - Every fallible function returns `PLAINT_OK` (0) or a negative `PLAINT_E_*` status. The
 *   message of the last failure on the calling thread is `plaint_last_error_message()`.
 * - Handles are opaque; `plaint_x_free(NULL)` is a no-op. Strings are UTF-8; text setters take
 *   a pointer and a length, or `PLAINT_NTS` for a NUL-terminated string.
 * - Instants are int64 UTC seconds since the Unix epoch. Enumerations pass as int32_t.
 * - Borrowed results say how long they live; owned strings are freed with `plaint_string_free`.
 * - No C++ exception crosses this boundary.
 *
 * This header includes one header per concept, `plaint/c/<concept>.h`, the C mirror of the C++
 * header `plaint/<concept>.hpp` (the shim of each is `capi/src/<concept>.cpp`); each compiles on
 * its own, but this one is the include users need.
 */
#ifndef PLAINT_PLAINT_H
#define PLAINT_PLAINT_H

#include "plaint/c/aggregate.h"
#include "plaint/c/calendar.h"
#include "plaint/c/complaint.h"
#include "plaint/c/config.h"
#include "plaint/c/enums.h"
#include "plaint/c/error.h"
#include "plaint/c/ledger.h"
#include "plaint/c/people.h"
#include "plaint/c/performance.h"
#include "plaint/c/profile.h"
#include "plaint/c/report.h"
#include "plaint/c/rules.h"
#include "plaint/c/satisfaction.h"
#include "plaint/c/sla.h"
#include "plaint/c/snapshot.h"
#include "plaint/c/survey.h"
#include "plaint/c/time.h"
#include "plaint/c/workflow.h"

#endif /* PLAINT_PLAINT_H */
