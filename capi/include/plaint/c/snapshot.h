/**
 * @file plaint/c/snapshot.h
 * Snapshots: a whole ledger saved to a file and loaded back.
 * The C mirror of plaint/snapshot.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_SNAPSHOT_H
#define PLAINT_C_SNAPSHOT_H

#include "plaint/c/ledger.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Saves the whole ledger (with its profile) as a snapshot file at `path`, atomically: a
 * temporary file beside it, synced, then renamed over it; on failure `path` keeps what it held.
 * @return PLAINT_OK; PLAINT_E_IO (the message names the file and the reason);
 * PLAINT_E_NO_MEMORY; PLAINT_E_INVALID_ARGUMENT for NULL. Since 0.5.
 */
PLAINT_API int plaint_ledger_save(const plaint_ledger* l, const char* path);
/**
 * Loads the snapshot file at `path`. With `profile` NULL the ledger is the one saved, under its
 * stored profile; with a profile equal to the stored one, the same, sharing `profile`; with
 * another profile, the saved ledger replayed under it (everything derived again). The file is
 * read as a stream: a pipe or a FIFO works as a regular file does.
 * @param out receives the handle; free it with plaint_ledger_free. Unchanged on failure.
 * @return PLAINT_OK; PLAINT_E_IO (cannot open or read, or a directory); PLAINT_E_PARSE (not a
 * snapshot, truncated, corrupted); PLAINT_E_UNSUPPORTED (a newer format, another byte order);
 * PLAINT_E_INVALID_ARGUMENT for NULL. Nothing is built from a refused file. Since 0.5.
 */
PLAINT_API int plaint_ledger_load(plaint_ledger** out, const char* path,
                                  const plaint_profile* profile);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_SNAPSHOT_H */
