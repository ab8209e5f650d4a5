/**
 * @file plaint/c/error.h
 * Status codes, the last failure on the calling thread, owned strings.
 * The C mirror of plaint/error.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_ERROR_H
#define PLAINT_C_ERROR_H

#include "plaint/c/config.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PLAINT_OK 0                      /**< success. Since 0.1. */
#define PLAINT_E_INVALID_ARGUMENT (-1)   /**< NULL pointer, empty required value. Since 0.1. */
#define PLAINT_E_OUT_OF_RANGE (-2)       /**< unknown enum code, index out of range. Since 0.1. */
#define PLAINT_E_PARSE (-3)              /**< malformed text. Since 0.1. */
#define PLAINT_E_ENCODING (-4)           /**< invalid UTF-8 or embedded NUL. Since 0.1. */
#define PLAINT_E_TOO_LARGE (-5)          /**< over a documented size limit. Since 0.1. */
#define PLAINT_E_OVERFLOW (-6)           /**< arithmetic overflow. Since 0.1. */
#define PLAINT_E_ILLEGAL_TRANSITION (-7) /**< event not allowed in this state. Since 0.1. */
#define PLAINT_E_OUT_OF_ORDER (-8)       /**< event earlier than the last one. Since 0.1. */
#define PLAINT_E_NOT_FOUND (-9)          /**< nothing found. Since 0.1. */
#define PLAINT_E_IO (-10)                /**< file input or output failed. Since 0.1. */
#define PLAINT_E_NO_MEMORY (-11)         /**< out of memory. Since 0.1. */
#define PLAINT_E_UNSUPPORTED (-12)       /**< unsupported version or feature. Since 0.1. */
#define PLAINT_E_VALIDATION (-13)        /**< a document failed validation. Since 0.1. */
#define PLAINT_E_INTERNAL (-100)         /**< a bug in plaint. Since 0.1. */

/**
 * The message of the last failed call on this thread ("" when none failed). Valid until the
 * next plaint call on the same thread. Never fails; never NULL. Since 0.1.
 */
PLAINT_API const char* plaint_last_error_message(void);
/**
 * A fixed description of a status code ("invalid argument"); "unknown status" for other values.
 * Static storage. Never fails; never NULL. Since 0.1.
 */
PLAINT_API const char* plaint_status_string(int status);
/**
 * Where in its input the last failed call on this thread found the problem: a JSON pointer
 * ("/week/mon/0") for a document that failed validation, a 1-based line and column (in bytes)
 * for malformed text. Each output may be NULL. When the last failure had no place (or no call
 * failed yet), `*pointer_out` is "" and `*line_out`, `*column_out` are 0. The pointer string is
 * valid until the next plaint call on the same thread; never NULL.
 * @return PLAINT_OK, always. Thread-safe (the place is per thread). Since 0.2.
 */
PLAINT_API int plaint_last_error_location(const char** pointer_out, size_t* line_out,
                                          size_t* column_out);
/**
 * The number of problems the last failed call on this thread reported: every problem of a
 * document that failed validation (PLAINT_E_VALIDATION), in document order, or one for a
 * document that is not valid JSON (PLAINT_E_PARSE: its pointer, line and column, where the
 * parser stopped); 0 for a failure of any other kind, or when no call failed yet. A list keeps
 * the first 100 problems and then one more, pointer "", message "and N more problems" (since
 * 0.6). The list is replaced by each failure (a
 * failure of this function or of plaint_last_error_problem included), and kept by calls that
 * succeed.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe (the list is per thread).
 * Since 0.3.
 */
PLAINT_API int plaint_last_error_problem_count(size_t* out);
/**
 * Problem `index` of the last failure on this thread: its JSON pointer ("" for the whole
 * document), 1-based line and column (in characters; 0 when unknown) and message (a sentence
 * without the place). Each output may be NULL. The strings are borrowed: valid until the next
 * plaint call on the same thread.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `index` ≥ the count (which, being a failure,
 * replaces the list by an empty one). Thread-safe. Since 0.3.
 */
PLAINT_API int plaint_last_error_problem(size_t index, const char** pointer_out, size_t* line_out,
                                         size_t* column_out, const char** message_out);
/** Frees a string that plaint returned as owned. NULL is a no-op. Since 0.1. */
PLAINT_API void plaint_string_free(char* s);

/** Pass as a length to mean "the string is NUL-terminated". Since 0.1. */
#define PLAINT_NTS SIZE_MAX

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_ERROR_H */
