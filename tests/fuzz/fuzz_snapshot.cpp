// Fuzz target: snapshot bytes (load_snapshot_from_string). The first byte is a mode: with bit 0
// clear the rest is taken as a snapshot whose header is made to agree with it (payload length,
// the payload's and the header's CRC-32C), so the fuzzer reaches the payload's checks rather
// than stopping at a checksum; with bit 0 set the bytes are loaded as they are. The snapshot is
// loaded under the default profile (shared when the stored one is the same, a replay when it
// differs); when bits 1 to 3 are all set it is loaded under its stored profile as well, which
// compiles that profile (a cost that would otherwise dominate each execution). A snapshot that
// loads reads back and saves again to the same bytes (fuzz_ledger.hpp).
#include "fuzz_ledger.hpp"

#include <array>
#include <cstring>
#include <optional>

namespace {

std::uint32_t crc32c(const unsigned char* p, std::size_t n) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1u) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t crc = ~0u;
    for (std::size_t i = 0; i < n; ++i)
        crc = table[(crc ^ p[i]) & 0xffu] ^ (crc >> 8);
    return ~crc;
}

void put_le(unsigned char* p, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i)
        p[i] = static_cast<unsigned char>(v >> (8 * i));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plaint;
    if (size == 0)
        return 0;
    const std::uint8_t mode = data[0];
    std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    constexpr std::size_t header = 32;
    if ((mode & 1u) == 0 && bytes.size() >= header) {
        auto* h = reinterpret_cast<unsigned char*>(bytes.data());
        put_le(h + 16, bytes.size() - header, 8);
        put_le(h + 24, crc32c(h + header, bytes.size() - header), 4);
        put_le(h + 28, crc32c(h, 28), 4);
    }
    // The checks run outside the try: an error from a ledger that loaded is a finding.
    std::optional<Ledger> l;
    try {
        l.emplace(load_snapshot_from_string(bytes, Profile::default_profile()));
    } catch (const error&) {
    }
    if (l)
        plaint_fuzz::check_ledger(*l);
    if ((mode & 0x0eu) == 0x0eu) {
        std::optional<Ledger> stored;
        try {
            stored.emplace(load_snapshot_from_string(bytes));
        } catch (const error&) {
        }
        if (stored)
            plaint_fuzz::check_ledger(*stored);
    }
    return 0;
}
