// Pieces of the synthetic complaints the ledger, snapshot and report benchmarks generate: a
// deterministic random stream and complaint texts in Chinese and English.
#pragma once

#include <cstdint>

namespace synthetic {

// splitmix64: a deterministic stream.
struct Rng {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
};

inline const char* const contents[] = {"卫生间天花板漏水，楼上的住户联系不上",
                                       "电梯经常停在12楼不动",
                                       "楼下广场晚上噪音太大",
                                       "The corridor light on floor 8 has been out for a week",
                                       "Water leak from the ceiling in the kitchen",
                                       "保安态度太差",
                                       "请问物业费怎么办理缴纳",
                                       "Parking spaces taken by outside cars every night",
                                       "垃圾站气味很大，希望尽快处理",
                                       "The lift is noisy and shakes between floors"};

} // namespace synthetic
