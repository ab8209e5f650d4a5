// Input files (issue 12, "Files"): every loader that reads a file (Profile::from_file,
// load_snapshot) reads it as a stream through src/file_input.cpp. A FIFO works as a regular file
// does, a directory is refused by name, a device that never ends is refused after the loader's
// limit plus one byte, and the limit is exact at its edge. The limits come from the headers:
// a profile is at most 16 MiB (profile.hpp); a snapshot's header is 32 bytes, the payload length
// at byte 16 and the header's CRC-32C at byte 28 over the 28 before (snapshot.hpp), checked here
// with a CRC-32C written bit by bit from its definition (reflected polynomial 0x82F63B78) and
// checked against the published value for "123456789", 0xE3069283 (RFC 3720, B.4).
#include "snapshot_bytes.hpp"
#include "support.hpp"
#include <plaint/ledger.hpp>
#include <plaint/profile.hpp>
#include <plaint/snapshot.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace plaint;
using test::crc32c_bitwise;
using test::le;
using test::put_le;
using test::reseal;

namespace {

constexpr std::size_t profile_limit = std::size_t(16) << 20; // profile.hpp: 16 MiB

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string temp_path(const std::string& name) {
    return std::string(PLAINT_TEST_TMP) + "/files-" + std::to_string(::getpid()) + "-" + name;
}

// A FIFO with a thread writing `data` into it, `repeat` times, until the reader closes its end.
// The destructor lets a writer still waiting for a reader go, then removes the FIFO.
class Fifo {
public:
    Fifo(const std::string& name, std::string data, std::size_t repeat = 1)
        : path_(temp_path(name)), data_(std::move(data)) {
        std::signal(SIGPIPE, SIG_IGN); // a reader that stops early gives EPIPE, not a signal
        ::unlink(path_.c_str());
        REQUIRE(::mkfifo(path_.c_str(), 0600) == 0);
        writer_ = std::thread([this, repeat] {
            const int fd = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC);
            if (fd < 0)
                return;
            for (std::size_t r = 0; r < repeat; ++r) {
                for (std::size_t at = 0; at < data_.size();) {
                    const ssize_t k = ::write(fd, data_.data() + at, data_.size() - at);
                    if (k < 0 && errno == EINTR)
                        continue;
                    if (k <= 0) {
                        ::close(fd);
                        return;
                    }
                    at += static_cast<std::size_t>(k);
                    written_ += static_cast<std::size_t>(k);
                }
            }
            ::close(fd);
        });
    }
    Fifo(const Fifo&) = delete;
    Fifo& operator=(const Fifo&) = delete;
    ~Fifo() {
        const int fd = ::open(path_.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0)
            ::close(fd);
        writer_.join();
        ::unlink(path_.c_str());
    }
    const std::string& path() const { return path_; }
    // Bytes the reader took (or that sit in the pipe's buffer); call after the reader is done.
    std::size_t written() {
        const int fd = ::open(path_.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0)
            ::close(fd);
        writer_.join();
        writer_ = std::thread([] {});
        return written_;
    }

private:
    std::string path_, data_;
    std::atomic<std::size_t> written_{0};
    std::thread writer_;
};

// The default profile's file, padded with JSON whitespace to `size` bytes.
std::string padded_profile(std::size_t size) {
    std::string text = slurp(std::string(PLAINT_DATA_DIR) + "/default-profile.json");
    REQUIRE(text.size() < size);
    text.resize(size, ' ');
    return text;
}

const std::string& small_snapshot() {
    static const std::string bytes = [] {
        const std::string path = std::string(PLAINT_DATA_DIR) + "/sample/complaints-2026-10.jsonl";
        std::ifstream in(path, std::ios::binary);
        REQUIRE(in);
        std::string text, line;
        for (int i = 0; i < 50 && std::getline(in, line); ++i)
            text += line + "\n";
        Ledger l;
        REQUIRE(l.import_json_lines(text).complaints == 50);
        return save_snapshot_to_string(l);
    }();
    return bytes;
}

} // namespace

TEST_CASE("files: the test's CRC-32C matches the published check value") {
    CHECK(crc32c_bitwise("123456789", 0, 9) == 0xE3069283u);
}

TEST_CASE("files: a profile from a FIFO loads as from a regular file") {
    Fifo fifo("profile.fifo", slurp(std::string(PLAINT_DATA_DIR) + "/default-profile.json"));
    CHECK(Profile::from_file(fifo.path()).name() == "default");
}

TEST_CASE("files: a directory is refused by name, as I/O, for a profile and a snapshot") {
    const error p = test::error_of([] { (void)Profile::from_file(PLAINT_TEST_TMP); });
    CHECK(p.code() == errc::io);
    CHECK_THAT(p.what(), Catch::Contains("is a directory"));
    const error s = test::error_of([] { (void)load_snapshot(PLAINT_TEST_TMP); });
    CHECK(s.code() == errc::io);
    CHECK_THAT(s.what(), Catch::Contains("is a directory"));
}

TEST_CASE("files: endless devices are refused after the limit, not read on") {
    // /dev/zero and /dev/urandom never end: a profile is too large once 16 MiB + 1 bytes came.
    CHECK(test::code_of([] { (void)Profile::from_file("/dev/zero"); }) == errc::too_large);
    CHECK(test::code_of([] { (void)Profile::from_file("/dev/urandom"); }) == errc::too_large);
    // A snapshot's first bytes are its magic "PLAINTSN": neither device starts with it.
    CHECK(test::code_of([] { (void)load_snapshot("/dev/zero"); }) == errc::parse);
    CHECK(test::code_of([] { (void)load_snapshot("/dev/urandom"); }) == errc::parse);
}

TEST_CASE("files: a FIFO offering 64 MiB is read no further than the profile's limit") {
    // 64 MiB of spaces offered; the loader stops after 16 MiB + 1 bytes. What the writer got
    // rid of is that plus at most the pipe's buffer (64 KiB on Linux; 2 MiB allowed here).
    Fifo fifo("endless.fifo", std::string(std::size_t(1) << 20, ' '), 64);
    CHECK(test::code_of([&] { (void)Profile::from_file(fifo.path()); }) == errc::too_large);
    const std::size_t written = fifo.written();
    CHECK(written > profile_limit);
    CHECK(written <= profile_limit + 1 + (std::size_t(2) << 20));
}

TEST_CASE("files: a profile of exactly 16 MiB loads, one byte more is too large") {
    SECTION("regular file") {
        const std::string path = temp_path("edge.json");
        for (const std::size_t size : {profile_limit, profile_limit + 1}) {
            {
                std::ofstream out(path, std::ios::binary);
                out << padded_profile(size);
            }
            if (size == profile_limit)
                CHECK(Profile::from_file(path).name() == "default");
            else
                CHECK(test::code_of([&] { (void)Profile::from_file(path); }) == errc::too_large);
        }
        ::unlink(path.c_str());
    }
    SECTION("FIFO") {
        {
            Fifo fifo("edge.fifo", padded_profile(profile_limit));
            CHECK(Profile::from_file(fifo.path()).name() == "default");
        }
        Fifo fifo("edge.fifo", padded_profile(profile_limit + 1));
        CHECK(test::code_of([&] { (void)Profile::from_file(fifo.path()); }) == errc::too_large);
    }
}

TEST_CASE("files: a snapshot from a FIFO loads as from a regular file") {
    const std::string& bytes = small_snapshot();
    Fifo fifo("snapshot.fifo", bytes);
    const Ledger l = load_snapshot(fifo.path());
    CHECK(l.size() == 50);
    CHECK(save_snapshot_to_string(l) == bytes); // the same ledger, byte for byte
}

TEST_CASE("files: a snapshot from a FIFO is checked against its header at the end") {
    const std::string& bytes = small_snapshot();
    SECTION("a byte more than the header promises") {
        Fifo fifo("trailing.fifo", bytes + "x");
        const error e = test::error_of([&] { (void)load_snapshot(fifo.path()); });
        CHECK(e.code() == errc::parse);
        CHECK_THAT(e.what(), Catch::Contains("after the end"));
    }
    SECTION("ten bytes fewer") {
        Fifo fifo("short.fifo", bytes.substr(0, bytes.size() - 10));
        const error e = test::error_of([&] { (void)load_snapshot(fifo.path()); });
        CHECK(e.code() == errc::parse);
        CHECK_THAT(e.what(), Catch::Contains("truncated"));
    }
    SECTION("a valid header promising 1 TiB, then 100 bytes: truncated, nothing 1 TiB big") {
        std::string forged = bytes.substr(0, 32) + std::string(100, 'p');
        put_le(forged, 16, std::uint64_t(1) << 40, 8);
        put_le(forged, 28, crc32c_bitwise(forged, 0, 28), 4);
        Fifo fifo("forged.fifo", forged);
        const error e = test::error_of([&] { (void)load_snapshot(fifo.path()); });
        CHECK(e.code() == errc::parse);
        CHECK_THAT(e.what(), Catch::Contains("1099511627776 payload bytes, 100 are there"));
    }
}
