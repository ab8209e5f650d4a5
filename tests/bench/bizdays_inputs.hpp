// The business-time benchmark's inputs: the same 1,000,000 rows the peer programs use
// (peers/bizdays/gen_bt_inputs.js), regenerated here so plaint and the peers measure the same work.
// mulberry32 (32-bit state) with seed 20260202; each row draws, in this order, a start minute
// uniform in [0, 343 days), a duration of 1..4320 business minutes, and an end up to 14 days after
// the start. Minutes count from 2026-01-01T00:00 in Shanghai (UTC+8 all year). Plain int64
// seconds, so the C ABI benchmark can use it without the C++ API.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace bizdays {

/// 2026-01-01T00:00+08:00 as UTC seconds.
inline constexpr std::int64_t base = 1767196800;

/// mulberry32: a 32-bit state advanced by a Weyl step and mixed; returns [0, 1) in steps of 2^-32.
class Mulberry32 {
public:
    explicit Mulberry32(std::uint32_t seed) : state_(seed) {}
    double next() {
        state_ += 0x6D2B79F5u;
        std::uint32_t z = state_;
        z = (z ^ (z >> 15)) * (z | 1u);
        z ^= z + (z ^ (z >> 7)) * (z | 61u);
        return static_cast<double>(z ^ (z >> 14)) / 4294967296.0;
    }

private:
    std::uint32_t state_;
};

struct Inputs {
    std::vector<std::int64_t> start_min, dur_min, end_min; ///< as in the peers' bt_inputs.csv
    std::vector<std::int64_t> start, end;                  ///< UTC seconds (plaint::Instant)
    std::vector<std::int64_t> dur;                         ///< seconds (plaint::Duration)
};

inline Inputs generate(std::size_t n) {
    constexpr double span = 343 * 1440; // 2026-01-01 .. 2026-12-10
    Mulberry32 rng(20260202u);
    Inputs in;
    for (auto* v : {&in.start_min, &in.dur_min, &in.end_min, &in.start, &in.dur, &in.end})
        v->reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        // Same expressions as the generator, evaluated left to right in doubles.
        const auto s = static_cast<std::int64_t>(std::floor(rng.next() * span));
        const auto d = 1 + static_cast<std::int64_t>(std::floor(rng.next() * 4320));
        const auto e = s + static_cast<std::int64_t>(std::floor(rng.next() * 14 * 1440));
        in.start_min.push_back(s);
        in.dur_min.push_back(d);
        in.end_min.push_back(e);
        in.start.push_back(base + s * 60);
        in.dur.push_back(d * 60);
        in.end.push_back(base + e * 60);
    }
    // The first rows of the peers' out/bt_inputs.csv, as written by `node
    // bizdays/gen_bt_inputs.js 1000000`: a port that drifted would measure other work.
    const std::int64_t expected[3][3] = {
        {278396, 661, 288903}, {248679, 69, 260496}, {185998, 1793, 201088}};
    for (std::size_t i = 0; i < 3 && i < n; ++i)
        if (in.start_min[i] != expected[i][0] || in.dur_min[i] != expected[i][1] ||
            in.end_min[i] != expected[i][2])
            throw std::logic_error("bizdays::generate differs from gen_bt_inputs.js");
    return in;
}

} // namespace bizdays
