// Bytes of a snapshot as the tests read and forge them: CRC-32C from its definition (bit by bit,
// checked against the published check value in test_snapshot.cpp and test_files.cpp), little-
// endian fields, and the header's two checksums made right again after an edit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace test {

// CRC-32C bit by bit, from the definition.
inline std::uint32_t crc32c_bitwise(const std::string& s, std::size_t from, std::size_t n) {
    std::uint32_t c = 0xffffffffu;
    for (std::size_t i = from; i < from + n; ++i) {
        c ^= static_cast<unsigned char>(s[i]);
        for (int k = 0; k < 8; ++k)
            c = (c & 1u) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
    }
    return ~c;
}

inline std::uint64_t le(const std::string& s, std::size_t at, std::size_t bytes) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < bytes; ++i)
        v |= std::uint64_t(static_cast<unsigned char>(s[at + i])) << (8 * i);
    return v;
}

inline void put_le(std::string& s, std::size_t at, std::uint64_t v, std::size_t bytes) {
    for (std::size_t i = 0; i < bytes; ++i)
        s[at + i] = static_cast<char>((v >> (8 * i)) & 0xffu);
}

// Makes the header's two checksums right again after an edit (a hostile, not a damaged, file).
inline void reseal(std::string& s) {
    put_le(s, 24, crc32c_bitwise(s, 32, s.size() - 32), 4);
    put_le(s, 28, crc32c_bitwise(s, 0, 28), 4);
}

} // namespace test
