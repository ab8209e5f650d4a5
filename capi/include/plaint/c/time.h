/**
 * @file plaint/c/time.h
 * Instants: ISO 8601 text and back.
 * The C mirror of plaint/time.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_TIME_H
#define PLAINT_C_TIME_H

#include "plaint/c/config.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Parses an ISO 8601 instant with an offset ("2026-03-02T09:30:00+08:00", "...Z"); a fraction
 * of a second is truncated. `len` may be PLAINT_NTS.
 * @return PLAINT_OK; PLAINT_E_PARSE (the message names the column); PLAINT_E_OUT_OF_RANGE for
 * a year outside 1400–9999, an offset beyond ±18:00 or an instant the offset carries outside
 * 1400-01-01T00:00:00Z–9999-12-31T23:59:59Z; PLAINT_E_INVALID_ARGUMENT for NULL.
 * Thread-safe. Since 0.1.
 */
PLAINT_API int plaint_instant_parse(const char* text, size_t len, int64_t* out);
/**
 * Formats `t` as ISO 8601, in UTC ("Z") when `offset_seconds` is 0, else as the wall time at
 * that offset with "±hh:mm". The result is owned: free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE outside years 1400–9999 or for an offset that is not
 * a whole minute within ±18:00; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.1.
 */
PLAINT_API int plaint_instant_format(int64_t t, int32_t offset_seconds, char** out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_TIME_H */
