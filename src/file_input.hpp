// Reading input files for the loaders (issue 12, "Files"): the one place that opens a file a
// loader reads. A file is read as a stream, in chunks, never sized by seeking, so that pipes,
// FIFOs, /dev/stdin and character devices work as regular files do; a directory is refused by
// name; and a loader's size limit is enforced as the bytes come, without reading on past it
// (/dev/zero and /dev/urandom are refused as too large after limit + 1 bytes). POSIX only, as
// the snapshot writer is. Not installed.
#pragma once

#include "plaint/config.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// An open input file. Opening blocks until a FIFO has a writer, as any reader of a FIFO does.
// Errors are plaint::error: errc::io (cannot open, a directory, a read error), naming the file
// as `what` + its quoted path ("profile '/etc/x.json'").
class InputFile {
public:
    InputFile(const std::string& path, const std::string& what);
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    ~InputFile();

    // The size of a regular file, as the file system says (a hint: the file may change while
    // it is read); nullopt for pipes, FIFOs and devices.
    std::optional<std::uint64_t> regular_size() const noexcept { return regular_size_; }
    // Reads up to `n` bytes into `p`; fewer only at the end of the input.
    std::size_t read(char* p, std::size_t n);
    // Reads the rest of the input. errc::too_large as soon as more than `limit` bytes have come
    // (or, for a regular file, at once when its size is over `limit`), without reading on.
    std::string read_all(std::size_t limit);
    // "profile '/etc/x.json'", for messages.
    const std::string& name() const noexcept { return name_; }

private:
    int fd_ = -1;
    std::optional<std::uint64_t> regular_size_;
    std::string name_;
};

// The whole file at `path`, at most `limit` bytes (see InputFile::read_all); `what` names it in
// messages ("profile").
std::string read_file(const std::string& path, std::size_t limit, const std::string& what);

} // namespace detail
PLAINT_END_NAMESPACE
