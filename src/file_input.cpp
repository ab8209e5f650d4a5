// Input files for the loaders (src/file_input.hpp says why they are streamed).
#include "file_input.hpp"

#include "error_detail.hpp"

#include "plaint/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

PLAINT_BEGIN_NAMESPACE
namespace detail {
namespace {

constexpr std::size_t chunk = std::size_t(1) << 16;

[[noreturn]] void io_failure(const std::string& what, const std::string& name, int err) {
    throw error(errc::io, what + " " + name + ": " + std::strerror(err));
}

} // namespace

InputFile::InputFile(const std::string& path, const std::string& what)
    : name_(what + " " + quote(path, 256)) {
    do
        fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0)
        io_failure("cannot open the", name_, errno);
    struct stat st;
    if (::fstat(fd_, &st) != 0) {
        const int err = errno;
        ::close(fd_);
        io_failure("cannot examine the", name_, err);
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd_);
        throw error(errc::io, "the " + name_ + " is a directory, not a file");
    }
    if (S_ISREG(st.st_mode))
        regular_size_ = static_cast<std::uint64_t>(st.st_size);
}

InputFile::~InputFile() {
    ::close(fd_);
}

std::size_t InputFile::read(char* p, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
        const ssize_t k =
            ::read(fd_, p + got, std::min<std::size_t>(n - got, std::size_t(1) << 30));
        if (k < 0) {
            if (errno == EINTR)
                continue;
            io_failure("cannot read the", name_, errno);
        }
        if (k == 0)
            break;
        got += static_cast<std::size_t>(k);
    }
    return got;
}

std::string InputFile::read_all(std::size_t limit) {
    if (regular_size_ && *regular_size_ > limit)
        throw error(errc::too_large, "the " + name_ + " is " + std::to_string(*regular_size_) +
                                         " bytes; the limit is " + std::to_string(limit));
    std::string out;
    // A regular file's size is known: one allocation (a byte more, to see it has not grown).
    if (regular_size_)
        out.reserve(static_cast<std::size_t>(*regular_size_) + 1);
    for (;;) {
        // Never ask for more than one byte past the limit: that byte says the input is over it.
        const std::size_t room = limit - std::min(limit, out.size());
        const std::size_t want = room >= chunk ? chunk : room + 1;
        const std::size_t at = out.size();
        out.resize(at + want);
        const std::size_t got = read(&out[at], want);
        out.resize(at + got);
        if (out.size() > limit)
            throw error(errc::too_large, "the " + name_ + " is more than " + std::to_string(limit) +
                                             " bytes (the limit)");
        if (got < want)
            return out;
    }
}

std::string read_file(const std::string& path, std::size_t limit, const std::string& what) {
    return InputFile(path, what).read_all(limit);
}

} // namespace detail
PLAINT_END_NAMESPACE
