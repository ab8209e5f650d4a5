/// @file snapshot.hpp
/// Snapshots: the whole ledger (complaints, event logs, everything derived, and the profile it
/// was derived with) saved to a file or a string and loaded back, as issue 6 asks ("Snapshots").
///
/// A snapshot is a 32-byte header followed by a payload. The header holds, with its integers
/// little-endian: the magic bytes `PLAINTSN`; the format version (uint32, now 1); the payload's
/// byte order (1 little-endian, 2 big-endian) and word size (8) in one byte each, then two zero
/// bytes; the payload length (uint64); the CRC-32C (Castagnoli) of the payload (uint32); and the
/// CRC-32C of the header's first 28 bytes (uint32). The payload is a Boost.Serialization binary
/// archive of the ledger with a class version (now 1); its bulk (records, events, texts) is
/// written as raw blocks, so it is not portable across byte orders or word sizes: a loader
/// refuses a snapshot from a machine of another byte order with `errc::unsupported`, and the
/// library reads every older format and class version it ever wrote.
///
/// Loading checks the header, the length against the actual size and the payload's checksum
/// before it builds anything from the payload, then checks that every index and span inside it
/// holds together; a truncated, corrupted or foreign input is refused with an error that says
/// what is wrong, and no ledger (not even a partial one) comes out of it.
///
/// Saving to a file is atomic: the snapshot is written to a temporary file beside the target
/// (`<path>.tmp-<random>`), flushed and synced to disk, then renamed over the target and the
/// folder synced. A crash or kill at any moment leaves either the previous snapshot or the new
/// one at `path`, never a mixture; it may leave a stray temporary file, which no loader reads.
///
/// The functions are thread-safe in the ledger's sense: saving reads the ledger (`const`), so it
/// may run while other threads read it but not while one writes it. Since 0.5.
#pragma once

#include "plaint/config.hpp"
#include "plaint/ledger.hpp"
#include "plaint/profile.hpp"

#include <cstdint>
#include <string>
#include <string_view>

PLAINT_BEGIN_NAMESPACE

/// The snapshot format version this library writes; it reads 1 to this. Since 0.5.
constexpr std::uint32_t snapshot_format_version = 1;

/// Saves `ledger` to the file `path`, atomically (see the file's comment). On error the temporary
/// file is removed and whatever was at `path` before is left as it was.
/// @throws error `errc::io` (the folder cannot be written, the disk is full, a sync or the rename
/// fails; the message names the file and the system's reason), `errc::no_memory`. Since 0.5.
void save_snapshot(const Ledger& ledger, const std::string& path);

/// Loads the snapshot in the file `path`: a ledger equal to the one saved, under the profile
/// stored in the snapshot. The file is read as a stream: a pipe or a FIFO works as a regular file
/// does (its length is then checked against the header as the bytes come).
/// @throws error `errc::io` (the file cannot be opened or read, or is a directory); `errc::parse`
/// (not a snapshot, a truncated or corrupted one, trailing bytes, inconsistent contents);
/// `errc::unsupported` (a newer format or class version, another byte order or word size); the
/// errors of `Profile::from_json` when the stored profile no longer compiles. Since 0.5.
Ledger load_snapshot(const std::string& path);

/// Loads the snapshot in the file `path` under `profile`: when `profile` is the one stored in the
/// snapshot (equal `to_json`), the ledger is the one saved and shares `profile`; otherwise it is
/// the saved ledger replayed under `profile` (`Ledger::replay`: everything derived again).
/// @throws error as `load_snapshot(path)`, and the errors of `Ledger::replay`. Since 0.5.
Ledger load_snapshot(const std::string& path, const Profile& profile);

/// The snapshot of `ledger` as bytes in memory (the same bytes `save_snapshot` writes).
/// @throws error `errc::no_memory`. Since 0.5.
std::string save_snapshot_to_string(const Ledger& ledger);

/// Loads a snapshot from bytes in memory, under its stored profile.
/// @throws error as `load_snapshot(path)`, but never `errc::io`. Since 0.5.
Ledger load_snapshot_from_string(std::string_view bytes);

/// Loads a snapshot from bytes in memory under `profile`, as `load_snapshot(path, profile)`.
/// Since 0.5.
Ledger load_snapshot_from_string(std::string_view bytes, const Profile& profile);

PLAINT_END_NAMESPACE
