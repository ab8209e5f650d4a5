// Snapshots of the ledger (issue 6, "Snapshots"; the format is described in snapshot.hpp).
// The payload is a Boost.Serialization binary archive holding one versioned object; the ledger
// writes its packed state into it through src/ledger_state.hpp, a chunk at a time, so that
// saving and loading run at memory speed. Everything that could be wrong with an input is
// checked in the order that lets the error say what it is: magic, header checksum, version,
// byte order, length against the real size, payload checksum — all before the payload is read.
#include "plaint/snapshot.hpp"

#include "error_detail.hpp"
#include "file_input.hpp"
#include "ledger_state.hpp"

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/basic_archive.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/serialization/binary_object.hpp>
#include <boost/serialization/split_member.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <streambuf>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

PLAINT_BEGIN_NAMESPACE
namespace detail {
namespace {

// ---- CRC-32C (Castagnoli, reflected 0x82F63B78), slicing by 8 ----
// CRC-32C rather than a 64-bit hash: it detects every error of up to 3 bits in payloads of this
// size and every burst up to 32 bits, guarantees a hash only makes likely; slicing by 8 runs at
// well over 1 GB/s on its own, far from the snapshot's 200 MB/s floor.
struct CrcTables {
    std::uint32_t t[8][256];
    CrcTables() {
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c >> 1) ^ (0x82F63B78u & (0u - (c & 1u)));
            t[0][i] = c;
        }
        for (int k = 1; k < 8; ++k)
            for (std::uint32_t i = 0; i < 256; ++i)
                t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xffu];
    }
};

const CrcTables& crc_tables() {
    static const CrcTables tables;
    return tables;
}

// Continues a CRC-32C; start with 0. Reads bytes, so it gives the same on any byte order.
std::uint32_t crc32c(std::uint32_t crc, const void* data, std::size_t n) {
    const auto& t = crc_tables().t;
    const auto* p = static_cast<const unsigned char*>(data);
    crc = ~crc;
    for (; n >= 8; p += 8, n -= 8) {
        const std::uint32_t lo = (std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 |
                                  std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24) ^
                                 crc;
        crc = t[7][lo & 0xffu] ^ t[6][(lo >> 8) & 0xffu] ^ t[5][(lo >> 16) & 0xffu] ^
              t[4][lo >> 24] ^ t[3][p[4]] ^ t[2][p[5]] ^ t[1][p[6]] ^ t[0][p[7]];
    }
    for (; n > 0; ++p, --n)
        crc = t[0][(crc ^ *p) & 0xffu] ^ (crc >> 8);
    return ~crc;
}

// ---- the header ----
constexpr std::size_t header_size = 32;
constexpr char magic[8] = {'P', 'L', 'A', 'I', 'N', 'T', 'S', 'N'};

std::uint8_t native_order() {
    const std::uint16_t one = 1;
    unsigned char b[2];
    std::memcpy(b, &one, 2);
    return b[0] == 1 ? 1 : 2; // 1 little-endian, 2 big-endian
}

void put_le(unsigned char* p, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i)
        p[i] = static_cast<unsigned char>(v >> (8 * i));
}
std::uint64_t get_le(const unsigned char* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= std::uint64_t(p[i]) << (8 * i);
    return v;
}

std::array<unsigned char, header_size> make_header(std::uint64_t length, std::uint32_t crc) {
    std::array<unsigned char, header_size> h{};
    std::memcpy(h.data(), magic, 8);
    put_le(h.data() + 8, snapshot_format_version, 4);
    h[12] = native_order();
    h[13] = static_cast<unsigned char>(sizeof(std::size_t));
    put_le(h.data() + 16, length, 8);
    put_le(h.data() + 24, crc, 4);
    put_le(h.data() + 28, crc32c(0, h.data(), 28), 4);
    return h;
}

struct Header {
    std::uint64_t length = 0;
    std::uint32_t crc = 0;
};

// Checks a header against the size of what holds it; `where` names the input in messages.
Header check_header(const unsigned char* h, std::uint64_t total, const std::string& where) {
    const std::size_t have = static_cast<std::size_t>(std::min<std::uint64_t>(total, 8));
    if (std::memcmp(h, magic, have) != 0 || total == 0)
        throw error(errc::parse, where + " is not a plaint snapshot (its first bytes are not the "
                                         "magic \"PLAINTSN\")");
    if (total < header_size)
        throw error(errc::parse, where + " is truncated: " + std::to_string(total) +
                                     " bytes, shorter than the 32-byte snapshot header");
    if (get_le(h + 28, 4) != crc32c(0, h, 28))
        throw error(errc::parse, where + " has a corrupted snapshot header (checksum mismatch)");
    const auto version = static_cast<std::uint32_t>(get_le(h + 8, 4));
    if (version < 1 || version > snapshot_format_version)
        throw error(errc::unsupported, where + " has snapshot format version " +
                                           std::to_string(version) +
                                           "; this library reads versions 1 to " +
                                           std::to_string(snapshot_format_version));
    if (h[12] != native_order() || h[13] != sizeof(std::size_t))
        throw error(errc::unsupported,
                    where + " was written on a machine with " +
                        (h[12] == 1   ? "little-endian"
                         : h[12] == 2 ? "big-endian"
                                      : "unknown") +
                        " byte order and " + std::to_string(h[13]) +
                        "-byte words; snapshots are not portable across byte orders or word sizes");
    if (h[14] != 0 || h[15] != 0)
        throw error(errc::parse, where + " has a malformed snapshot header (reserved bytes set)");
    Header out;
    out.length = get_le(h + 16, 8);
    out.crc = static_cast<std::uint32_t>(get_le(h + 24, 4));
    const std::uint64_t body = total - header_size;
    if (out.length > body)
        throw error(errc::parse, where + " is truncated: the header promises " +
                                     std::to_string(out.length) + " payload bytes, " +
                                     std::to_string(body) + " are there");
    if (out.length < body)
        throw error(errc::parse, where + " has " + std::to_string(body - out.length) +
                                     " bytes after the end of its snapshot");
    return out;
}

void check_payload(const Header& h, const char* payload, const std::string& where) {
    const std::uint32_t crc = crc32c(0, payload, static_cast<std::size_t>(h.length));
    if (crc != h.crc)
        throw error(errc::parse, where + " is corrupted: the payload's CRC-32C is " +
                                     std::to_string(crc) + ", the header says " +
                                     std::to_string(h.crc));
}

// ---- byte streams under the archive ----

// Buffers the archive's output, checksums it and hands it to `flush_to` in large blocks.
class CrcOut : public std::streambuf {
public:
    explicit CrcOut(std::size_t buffer = std::size_t(1) << 20) : buf_(buffer) {
        setp(buf_.data(), buf_.data() + buf_.size());
    }
    std::uint32_t crc() const noexcept { return crc_; }
    std::uint64_t length() const noexcept { return length_; }
    void finish() { drain(); }

protected:
    virtual void flush_to(const char* p, std::size_t n) = 0;

    int_type overflow(int_type c) override {
        drain();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        const auto len = static_cast<std::size_t>(n);
        if (len >= buf_.size() / 2) { // a bulk block: no copy through the buffer
            drain();
            emit(s, len);
        } else {
            if (len > static_cast<std::size_t>(epptr() - pptr()))
                drain();
            std::memcpy(pptr(), s, len);
            pbump(static_cast<int>(len));
        }
        return n;
    }
    int sync() override {
        drain();
        return 0;
    }

private:
    void drain() {
        const auto n = static_cast<std::size_t>(pptr() - pbase());
        if (n > 0)
            emit(pbase(), n);
        setp(buf_.data(), buf_.data() + buf_.size());
    }
    void emit(const char* p, std::size_t n) {
        crc_ = crc32c(crc_, p, n);
        length_ += n;
        flush_to(p, n);
    }
    std::vector<char> buf_;
    std::uint32_t crc_ = 0;
    std::uint64_t length_ = 0;
};

class StringOut final : public CrcOut {
public:
    explicit StringOut(std::string& out) : out_(out) {}

private:
    void flush_to(const char* p, std::size_t n) override { out_.append(p, n); }
    std::string& out_;
};

// Reads bytes already in memory (and checksummed); it knows how many remain.
class MemIn final : public std::streambuf {
public:
    MemIn(const char* p, std::size_t n) {
        char* b = const_cast<char*>(p); // the get area is only read
        setg(b, b, b + n);
    }
    std::uint64_t remaining() const noexcept {
        return static_cast<std::uint64_t>(egptr() - gptr());
    }
};

// ---- the archive's one object ----

template <class Archive>
class ArchiveWriter final : public StateWriter {
public:
    explicit ArchiveWriter(Archive& ar) : ar_(ar) {}
    void count(std::uint64_t n) override { ar_ << n; }
    void bytes(const void* p, std::size_t n) override {
        if (n > 0)
            ar_ << boost::serialization::make_binary_object(p, n);
    }

private:
    Archive& ar_;
};

template <class Archive>
class ArchiveReader final : public StateReader {
public:
    ArchiveReader(Archive& ar, const MemIn& in) : ar_(ar), in_(in) {}
    std::uint64_t count() override {
        need(8);
        std::uint64_t n = 0;
        ar_ >> n;
        return n;
    }
    void bytes(void* p, std::size_t n) override {
        need(n);
        if (n > 0)
            ar_ >> boost::serialization::make_binary_object(p, n);
    }
    std::uint64_t remaining() const noexcept override { return in_.remaining(); }

private:
    void need(std::size_t n) const {
        if (n > in_.remaining())
            throw error(errc::parse, "snapshot: the payload ends " +
                                         std::to_string(n - in_.remaining()) +
                                         " bytes before its contents do");
    }
    Archive& ar_;
    const MemIn& in_;
};

// The payload: the profile's JSON, then the ledger's state. Its class version is the ledger
// state's version; `load` reads every version up to it.
class Payload {
public:
    const Ledger* source = nullptr;  // saving
    const Profile* wanted = nullptr; // loading under a given profile, or null
    const MemIn* in = nullptr;       // loading
    std::optional<Ledger> result;

private:
    friend class boost::serialization::access;

    template <class Archive>
    void save(Archive& ar, unsigned /*version*/) const {
        ArchiveWriter<Archive> w(ar);
        const std::string json = source->profile().to_json();
        w.count(json.size());
        w.bytes(json.data(), json.size());
        LedgerAccess::save(*source, w);
    }

    template <class Archive>
    void load(Archive& ar, unsigned version) {
        if (version < 1 || version > ledger_state_version)
            throw error(errc::unsupported, "snapshot: payload class version " +
                                               std::to_string(version) +
                                               " is newer than this library reads (" +
                                               std::to_string(ledger_state_version) + ")");
        ArchiveReader<Archive> r(ar, *in);
        std::string json(r.items(1, "profile bytes"), '\0');
        r.bytes(json.data(), json.size());
        const bool same = wanted && wanted->to_json() == json;
        std::optional<Profile> stored;
        if (!same)
            stored.emplace(Profile::from_json(json));
        Ledger ledger(same ? *wanted : *stored);
        LedgerAccess::load(ledger, r, version);
        if (r.remaining() != 0)
            throw error(errc::parse, "snapshot: " + std::to_string(r.remaining()) +
                                         " bytes left over after the ledger");
        if (wanted && !same)
            result.emplace(ledger.replay(*wanted));
        else
            result.emplace(std::move(ledger));
    }

    BOOST_SERIALIZATION_SPLIT_MEMBER()
};

} // namespace
} // namespace detail
PLAINT_END_NAMESPACE

BOOST_CLASS_VERSION(plaint::detail::Payload, plaint::detail::ledger_state_version)
BOOST_CLASS_TRACKING(plaint::detail::Payload, boost::serialization::track_never)

PLAINT_BEGIN_NAMESPACE
namespace detail {
namespace {

// Boost's own errors: a newer archive library version is unsupported, anything else corrupt.
template <class F>
auto guarded(F&& f) -> decltype(f()) {
    try {
        return f();
    } catch (const error&) {
        throw;
    } catch (const boost::archive::archive_exception& e) {
        const bool newer = e.code == boost::archive::archive_exception::unsupported_version ||
                           e.code == boost::archive::archive_exception::unsupported_class_version;
        throw error(newer ? errc::unsupported : errc::parse,
                    std::string("snapshot: the Boost.Serialization archive is ") +
                        (newer ? "of a newer version: " : "malformed: ") + e.what());
    } catch (const std::bad_alloc&) {
        throw error(errc::no_memory, "snapshot: out of memory");
    } catch (const std::exception& e) {
        throw error(errc::parse, std::string("snapshot: the payload is malformed: ") + e.what());
    }
}

// Boost reads its archive header's signature as a length-prefixed string, sized by that length
// unchecked, before anything of ours runs: the payload must start with the very bytes Boost
// writes there (the length, then "serialization::archive").
const std::string& boost_prefix() {
    static const std::string prefix = [] {
        std::string s;
        StringOut out(s);
        { boost::archive::binary_oarchive ar(out); }
        out.finish();
        return s.substr(0, sizeof(std::size_t) +
                               std::strlen(boost::archive::BOOST_ARCHIVE_SIGNATURE()));
    }();
    return prefix;
}

void write_payload(const Ledger& ledger, CrcOut& out) {
    guarded([&] {
        boost::archive::binary_oarchive ar(out);
        Payload p;
        p.source = &ledger;
        ar << static_cast<const Payload&>(p);
        return 0;
    });
    out.finish();
}

// `payload` has been checked against its header and checksum.
Ledger read_payload(const char* payload, std::size_t n, const Profile* wanted) {
    const std::string& prefix = boost_prefix();
    if (n < prefix.size() || std::memcmp(payload, prefix.data(), prefix.size()) != 0)
        throw error(errc::parse,
                    "snapshot: the payload is not a Boost.Serialization binary archive");
    return guarded([&] {
        MemIn in(payload, n);
        boost::archive::binary_iarchive ar(in);
        Payload p;
        p.wanted = wanted;
        p.in = &in;
        ar >> p;
        return std::move(*p.result);
    });
}

Ledger load_bytes(std::string_view bytes, const Profile* wanted) {
    const std::string where = "the snapshot";
    unsigned char h[header_size] = {};
    std::memcpy(h, bytes.data(), std::min(bytes.size(), header_size));
    const Header hd = check_header(h, bytes.size(), where);
    const char* payload = bytes.data() + header_size;
    check_payload(hd, payload, where);
    return read_payload(payload, static_cast<std::size_t>(hd.length), wanted);
}

// ---- files ----

[[noreturn]] void io_error(const std::string& what, const std::string& path, int err) {
    throw error(errc::io, what + " " + quote(path, 256) + ": " + std::strerror(err));
}

class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    int get() const noexcept { return fd_; }
    int release() noexcept { return std::exchange(fd_, -1); }
    void reset(int fd) noexcept {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = fd;
    }

private:
    int fd_;
};

void write_all(int fd, const char* p, std::size_t n, const std::string& path) {
    while (n > 0) {
        const ssize_t k = ::write(fd, p, std::min<std::size_t>(n, std::size_t(1) << 30));
        if (k < 0) {
            if (errno == EINTR)
                continue;
            io_error("cannot write", path, errno);
        }
        p += k;
        n -= static_cast<std::size_t>(k);
    }
}

class FileOut final : public CrcOut {
public:
    FileOut(int fd, const std::string& path) : fd_(fd), path_(path) {}

private:
    void flush_to(const char* p, std::size_t n) override { write_all(fd_, p, n, path_); }
    int fd_;
    const std::string& path_;
};

std::string folder_of(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string temp_name(const std::string& path) {
    static std::atomic<std::uint64_t> counter{0};
    const auto t =
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    std::uint64_t x = t ^ (std::uint64_t(::getpid()) << 32) ^ (counter.fetch_add(1) * 0x9e37u);
    x ^= x >> 29;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 32;
    static const char hex[] = "0123456789abcdef";
    std::string name = path + ".tmp-";
    for (int i = 0; i < 12; ++i)
        name += hex[(x >> (4 * i)) & 0xfu];
    return name;
}

// Reads a snapshot file as a stream (src/file_input.hpp), so that a pipe or a FIFO loads as a
// file does. A regular file's size is checked against the header before anything is allocated
// for the payload; a stream cannot tell its size, so its payload is read in pieces of at most
// 64 MiB, grown as the bytes come, and a header that promises more or less than is there is
// found at the end: a truncation or trailing bytes, with the same messages.
Ledger load_file(const std::string& path, const Profile* wanted) {
    InputFile in(path, "snapshot");
    const std::string where = "the snapshot " + quote(path, 256);
    const std::string shrank = where + " is truncated: it shrank while being read";
    unsigned char h[header_size] = {};
    const std::size_t got = in.read(reinterpret_cast<char*>(h), header_size);
    std::uint64_t total = got;
    if (in.regular_size()) {
        total = *in.regular_size();
        if (got < std::min<std::uint64_t>(total, header_size))
            throw error(errc::parse, shrank);
    } else if (got == header_size) {
        // What the header promises; check_header looks at the magic and checksums first.
        const std::uint64_t promised = get_le(h + 16, 8);
        const std::uint64_t most = std::numeric_limits<std::uint64_t>::max();
        total = promised > most - header_size ? most : header_size + promised;
    }
    const Header hd = check_header(h, total, where);
    const auto length = static_cast<std::size_t>(hd.length);
    auto no_memory = [&] {
        return error(errc::no_memory, "no memory for the " + std::to_string(hd.length) +
                                          "-byte payload of " + where);
    };
    if (in.regular_size()) {
        std::unique_ptr<char[]> payload;
        try {
            payload.reset(new char[length + 1]);
        } catch (const std::bad_alloc&) {
            throw no_memory();
        }
        if (in.read(payload.get(), length) < length)
            throw error(errc::parse, shrank);
        check_payload(hd, payload.get(), where);
        return read_payload(payload.get(), length, wanted);
    }
    std::string payload;
    try {
        while (payload.size() < length) {
            const std::size_t want = std::min(length - payload.size(), std::size_t(64) << 20);
            const std::size_t at = payload.size();
            payload.resize(at + want);
            const std::size_t n = in.read(&payload[at], want);
            payload.resize(at + n);
            if (n < want)
                throw error(errc::parse, where + " is truncated: the header promises " +
                                             std::to_string(hd.length) + " payload bytes, " +
                                             std::to_string(payload.size()) + " are there");
        }
    } catch (const std::bad_alloc&) {
        throw no_memory();
    }
    char extra = 0;
    if (in.read(&extra, 1) != 0)
        throw error(errc::parse, where + " has bytes after the end of its snapshot");
    check_payload(hd, payload.data(), where);
    return read_payload(payload.data(), length, wanted);
}

} // namespace
} // namespace detail

void save_snapshot(const Ledger& ledger, const std::string& path) {
    using namespace detail;
    const std::string folder = folder_of(path);
    std::string tmp;
    Fd fd;
    for (int attempt = 0; fd.get() < 0; ++attempt) {
        tmp = temp_name(path);
        fd.reset(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
        if (fd.get() < 0 && (errno != EEXIST || attempt > 100)) {
            io_error("cannot create a temporary file beside", path, errno);
        }
    }
    try {
        const std::array<unsigned char, header_size> blank{};
        write_all(fd.get(), reinterpret_cast<const char*>(blank.data()), header_size, tmp);
        FileOut out(fd.get(), tmp);
        write_payload(ledger, out);
        const auto h = make_header(out.length(), out.crc());
        if (::lseek(fd.get(), 0, SEEK_SET) != 0)
            io_error("cannot seek in", tmp, errno);
        write_all(fd.get(), reinterpret_cast<const char*>(h.data()), header_size, tmp);
        if (::fsync(fd.get()) != 0)
            io_error("cannot sync", tmp, errno);
        if (::close(fd.release()) != 0)
            io_error("cannot close", tmp, errno);
        if (::rename(tmp.c_str(), path.c_str()) != 0)
            io_error("cannot rename the temporary file over", path, errno);
    } catch (...) {
        ::unlink(tmp.c_str());
        throw;
    }
    // The rename is durable only once the folder is synced; a file system that cannot sync a
    // folder (EINVAL) has nothing to sync.
    Fd dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0)
        io_error("saved, but cannot open the folder to sync it:", folder, errno);
    if (::fsync(dir.get()) != 0 && errno != EINVAL)
        io_error("saved, but cannot sync the folder", folder, errno);
}

Ledger load_snapshot(const std::string& path) {
    return detail::load_file(path, nullptr);
}

Ledger load_snapshot(const std::string& path, const Profile& profile) {
    return detail::load_file(path, &profile);
}

std::string save_snapshot_to_string(const Ledger& ledger) {
    using namespace detail;
    return guarded([&] {
        std::string out;
        // Room for the whole snapshot at once (an over-estimate: pages never written cost
        // nothing), so that appending never copies what is already there.
        out.reserve(header_size + ledger.memory_bytes() + ledger.text_bytes());
        out.resize(header_size);
        StringOut sink(out);
        write_payload(ledger, sink);
        const auto h = make_header(sink.length(), sink.crc());
        std::memcpy(out.data(), h.data(), header_size);
        return out;
    });
}

Ledger load_snapshot_from_string(std::string_view bytes) {
    return detail::load_bytes(bytes, nullptr);
}

Ledger load_snapshot_from_string(std::string_view bytes, const Profile& profile) {
    return detail::load_bytes(bytes, &profile);
}

PLAINT_END_NAMESPACE
