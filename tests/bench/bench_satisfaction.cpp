// Grouped satisfaction scores (satisfaction::group) on the peers' work (peers/README.md,
// "satisfaction"; issue 5 "Performance"): 10,000,000 survey rows, building 0..999 × month 0..11
// (12,000 groups), five 1..5 dimensions (response, attitude, quality, result, overall) and a
// 0..10 recommend score; per group the mean of every column with its t interval, CSAT {4, 5} of
// the five dimensions with Wilson intervals, the NPS, and the weighted index 0.20·response +
// 0.25·attitude + 0.20·quality + 0.15·result + 0.20·overall (in scale units, the peer's
// "composite") with its t interval. Target: under 0.25 s on one thread, at most 1.2× the input's
// size in extra memory. Compare rows/s with the peer's RESULT line (pandas groupby).
//
// The rows come from a splitmix64 stream with the peer's distributions (numpy's default_rng
// stream cannot be reproduced here); agreement with pandas on the peer's own rows is checked by
// tests/scripts/satisfaction_agreement.py, which runs this program as
//   bench_satisfaction --agreement ROWS_FILE RESULTS_CSV
//
// Counters: `wall_s` the seconds per call; `extra_bytes` the peak of the bytes allocated during
// the call (operator new is counted in this program: the group ids, key table, counters,
// index sums and the result itself), `extra_ratio` that over the input's bytes (10M × (2 int32
// keys + 6 int8 scores) = 140 MB) and `extra_ratio_110MB` over the reckoning with a
// 1-byte month (110 MB).
//
//   BM_peers_work          the whole, as above
//   BM_peers_means_only    every column's mean only: no CSAT, NPS or index
//   BM_peers_hashed_keys   the same work grouped by three keys spread over the int32 range
//                          (hashed; about 130,000 groups of some 75 rows)
//   BM_three_dense_keys    building × month × team 0..10 (direct; about 250,000 groups of some
//                          40 rows): the counters outgrow the caches
//   BM_one_group           no keys: every row in one group
//   BM_kernel_column_wise / BM_kernel_row_fused / BM_kernel_blocked   the design choice, counts
//                          per level only, six columns: over a stored array of every row's group
//                          (ids precomputed, not timed), column after column or one fused loop
//                          per row; or in blocks of 64K rows whose ids are computed per block
//                          (timed), column after column (what group() does)
#include <plaint/aggregate.hpp>

#include <benchmark/benchmark.h>

#include "alloc_counter.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

// ---- every allocation of this program, counted ----

using alloc_counter::live_bytes;
using alloc_counter::peak_bytes;

namespace {

namespace sat = plaint::satisfaction;

// ---- the peers' workload ----

constexpr std::size_t peer_rows = 10000000;
constexpr const char* dimension_names[] = {"response", "attitude", "quality", "result", "overall"};
const std::vector<double> peer_weights = {0.20, 0.25, 0.20, 0.15, 0.20};

struct Survey {
    std::vector<std::int32_t> building, month;
    std::vector<std::vector<std::int8_t>> dims; // five 1..5 columns
    std::vector<std::int8_t> nps;               // 0..10
    std::size_t rows() const { return building.size(); }
    std::size_t bytes() const { return rows() * (2 * sizeof(std::int32_t) + 6); }
};

struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in 0..n−1 by the high half of a 64 × 32 product (bias below 2⁻³²).
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
    }
};

// Drawn column by column in the peer's order: building, month, the five dimensions, nps.
Survey make_survey(std::size_t rows) {
    Survey s;
    SplitMix64 rng{20260303};
    s.building.resize(rows);
    s.month.resize(rows);
    for (auto& b : s.building)
        b = static_cast<std::int32_t>(rng.below(1000));
    for (auto& m : s.month)
        m = static_cast<std::int32_t>(rng.below(12));
    s.dims.assign(5, std::vector<std::int8_t>(rows));
    for (auto& d : s.dims)
        for (auto& x : d)
            x = static_cast<std::int8_t>(1 + rng.below(5));
    s.nps.resize(rows);
    for (auto& x : s.nps)
        x = static_cast<std::int8_t>(rng.below(11));
    return s;
}

const Survey& peer_survey() {
    static const Survey s = make_survey(peer_rows);
    return s;
}

std::vector<sat::ScoreColumn> peer_columns(const Survey& s, bool full) {
    std::vector<sat::ScoreColumn> cols;
    for (std::size_t d = 0; d < 5; ++d)
        cols.push_back(sat::ScoreColumn{dimension_names[d], s.dims[d].data(), s.rows(),
                                        sat::Scale{1, 5},
                                        full ? sat::default_satisfied : std::uint64_t{0}, false});
    cols.push_back(sat::ScoreColumn{"nps", s.nps.data(), s.rows(), sat::Scale{0, 10}, 0, full});
    return cols;
}

std::vector<sat::IndexSpec> peer_index() {
    return {sat::IndexSpec{"composite", {0, 1, 2, 3, 4}, peer_weights, sat::IndexUnits::scale}};
}

void run_group(benchmark::State& state, const std::vector<sat::KeyColumn>& keys,
               const std::vector<sat::ScoreColumn>& cols, const std::vector<sat::IndexSpec>& index,
               std::size_t rows, std::size_t bytes) {
    std::size_t extra = 0, groups = 0;
    double seconds = 0;
    for (auto _ : state) {
        const std::size_t before = live_bytes.load();
        peak_bytes.store(before);
        const auto t0 = std::chrono::steady_clock::now();
        const sat::Grouped g = sat::group(keys, cols, index);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        extra = std::max(extra, peak_bytes.load() - before);
        groups = g.size();
        benchmark::DoNotOptimize(g.scores.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(rows));
    state.counters["groups"] = static_cast<double>(groups);
    state.counters["wall_s"] = seconds / static_cast<double>(state.iterations());
    state.counters["extra_bytes"] = static_cast<double>(extra);
    state.counters["extra_ratio"] = static_cast<double>(extra) / static_cast<double>(bytes);
    state.counters["extra_ratio_110MB"] =
        static_cast<double>(extra) / static_cast<double>(rows * 11);
}

void BM_peers_work(benchmark::State& state) {
    const Survey& s = peer_survey();
    run_group(state,
              {{"building", s.building.data(), s.rows()}, {"month", s.month.data(), s.rows()}},
              peer_columns(s, true), peer_index(), s.rows(), s.bytes());
}
BENCHMARK(BM_peers_work)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_peers_means_only(benchmark::State& state) {
    const Survey& s = peer_survey();
    run_group(state,
              {{"building", s.building.data(), s.rows()}, {"month", s.month.data(), s.rows()}},
              peer_columns(s, false), {}, s.rows(), s.bytes());
}
BENCHMARK(BM_peers_means_only)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_peers_hashed_keys(benchmark::State& state) {
    const Survey& s = peer_survey();
    // Buildings and months spread far apart, plus a third key: no direct table fits.
    std::vector<std::int32_t> b(s.rows()), m(s.rows()), t(s.rows());
    for (std::size_t i = 0; i < s.rows(); ++i) {
        b[i] = s.building[i] * 2000003 - 1000000000;
        m[i] = s.month[i] * 100000000 - 600000000;
        t[i] = static_cast<std::int32_t>((i * 2654435761u) >> 7) % 6 * 400000000 - 1000000000;
    }
    run_group(state,
              {{"building", b.data(), s.rows()},
               {"month", m.data(), s.rows()},
               {"team", t.data(), s.rows()}},
              peer_columns(s, true), peer_index(), s.rows(), s.bytes() + 4 * s.rows());
}
BENCHMARK(BM_peers_hashed_keys)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_three_dense_keys(benchmark::State& state) {
    const Survey& s = peer_survey();
    std::vector<std::int32_t> t(s.rows());
    for (std::size_t i = 0; i < s.rows(); ++i)
        t[i] = static_cast<std::int32_t>((i * 2654435761u) >> 7) % 11;
    run_group(state,
              {{"building", s.building.data(), s.rows()},
               {"month", s.month.data(), s.rows()},
               {"team", t.data(), s.rows()}},
              peer_columns(s, true), peer_index(), s.rows(), s.bytes() + 4 * s.rows());
}
BENCHMARK(BM_three_dense_keys)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_one_group(benchmark::State& state) {
    const Survey& s = peer_survey();
    run_group(state, {}, peer_columns(s, true), peer_index(), s.rows(), s.rows() * 6);
}
BENCHMARK(BM_one_group)->Unit(benchmark::kMillisecond)->UseRealTime();

// ---- the design choice: column after column, or one fused loop over the rows ----

const std::vector<std::uint32_t>& peer_group_ids() {
    static const std::vector<std::uint32_t> ids = [] {
        const Survey& s = peer_survey();
        std::vector<std::uint32_t> v(s.rows());
        for (std::size_t i = 0; i < s.rows(); ++i)
            v[i] = static_cast<std::uint32_t>(s.building[i] * 12 + s.month[i]);
        return v;
    }();
    return ids;
}

// Slots as in group(): 0 missing, 1.. the levels, then out of scale; stride 7 for 1..5 columns
// and 13 for 0..10.
std::array<std::uint8_t, 256> slots(int lowest, int highest) {
    std::array<std::uint8_t, 256> t{};
    t.fill(static_cast<std::uint8_t>(highest - lowest + 2));
    t[255] = 0;
    for (int v = lowest; v <= highest; ++v)
        t[static_cast<std::size_t>(v)] = static_cast<std::uint8_t>(v - lowest + 1);
    return t;
}

void BM_kernel_column_wise(benchmark::State& state) {
    const Survey& s = peer_survey();
    const auto& gid = peer_group_ids();
    const auto five = slots(1, 5), eleven = slots(0, 10);
    for (auto _ : state) {
        std::vector<std::vector<std::uint32_t>> counts;
        for (std::size_t c = 0; c < 6; ++c) {
            const std::size_t stride = c < 5 ? 7 : 13;
            const std::uint8_t* t = c < 5 ? five.data() : eleven.data();
            const std::int8_t* x = c < 5 ? s.dims[c].data() : s.nps.data();
            counts.emplace_back(12000 * stride, 0);
            std::uint32_t* h = counts.back().data();
            for (std::size_t i = 0; i < s.rows(); ++i)
                ++h[gid[i] * stride + t[static_cast<std::uint8_t>(x[i])]];
        }
        benchmark::DoNotOptimize(counts.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(s.rows()));
}
BENCHMARK(BM_kernel_column_wise)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_kernel_row_fused(benchmark::State& state) {
    const Survey& s = peer_survey();
    const auto& gid = peer_group_ids();
    const auto five = slots(1, 5), eleven = slots(0, 10);
    constexpr std::size_t stride = 5 * 7 + 13; // one group's counters side by side
    for (auto _ : state) {
        std::vector<std::uint32_t> counts(12000 * stride, 0);
        std::uint32_t* h = counts.data();
        for (std::size_t i = 0; i < s.rows(); ++i) {
            std::uint32_t* g = h + gid[i] * stride;
            for (std::size_t c = 0; c < 5; ++c)
                ++g[c * 7 + five[static_cast<std::uint8_t>(s.dims[c][i])]];
            ++g[35 + eleven[static_cast<std::uint8_t>(s.nps[i])]];
        }
        benchmark::DoNotOptimize(counts.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(s.rows()));
}
BENCHMARK(BM_kernel_row_fused)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_kernel_blocked(benchmark::State& state) {
    const Survey& s = peer_survey();
    const auto five = slots(1, 5), eleven = slots(0, 10);
    constexpr std::size_t block = 65536;
    std::vector<std::uint32_t> ids(block);
    for (auto _ : state) {
        std::vector<std::vector<std::uint32_t>> counts;
        for (std::size_t c = 0; c < 6; ++c)
            counts.emplace_back(12000 * (c < 5 ? 7 : 13), 0);
        for (std::size_t base = 0; base < s.rows(); base += block) {
            const std::size_t n = std::min(block, s.rows() - base);
            for (std::size_t i = 0; i < n; ++i) // the ids, as a direct table would give them
                ids[i] = static_cast<std::uint32_t>(s.building[base + i] * 12 + s.month[base + i]);
            for (std::size_t c = 0; c < 6; ++c) {
                const std::size_t stride = c < 5 ? 7 : 13;
                const std::uint8_t* t = c < 5 ? five.data() : eleven.data();
                const std::int8_t* x = (c < 5 ? s.dims[c].data() : s.nps.data()) + base;
                std::uint32_t* h = counts[c].data();
                for (std::size_t i = 0; i < n; ++i)
                    ++h[ids[i] * stride + t[static_cast<std::uint8_t>(x[i])]];
            }
        }
        benchmark::DoNotOptimize(counts.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(s.rows()));
}
BENCHMARK(BM_kernel_blocked)->Unit(benchmark::kMillisecond)->UseRealTime();

// ---- agreement with pandas on the peer's own rows ----

// ROWS_FILE: "PLNTSAT1", uint64 rows, then building int32[rows], month int32[rows], response,
// attitude, quality, result, overall, nps int8[rows] each (native byte order), as written by
// tests/scripts/satisfaction_agreement.py. Writes one CSV line per group: the peer's columns.
int agreement(const char* rows_file, const char* out_file) {
    std::ifstream in(rows_file, std::ios::binary);
    char magic[8];
    std::uint64_t rows = 0;
    if (!in.read(magic, 8) || std::memcmp(magic, "PLNTSAT1", 8) != 0 ||
        !in.read(reinterpret_cast<char*>(&rows), sizeof rows)) {
        std::fprintf(stderr, "%s: not a rows file\n", rows_file);
        return 2;
    }
    Survey s;
    s.building.resize(rows);
    s.month.resize(rows);
    s.dims.assign(5, std::vector<std::int8_t>(rows));
    s.nps.resize(rows);
    const auto n = static_cast<std::streamsize>(rows);
    in.read(reinterpret_cast<char*>(s.building.data()), n * 4);
    in.read(reinterpret_cast<char*>(s.month.data()), n * 4);
    for (auto& d : s.dims)
        in.read(reinterpret_cast<char*>(d.data()), n);
    in.read(reinterpret_cast<char*>(s.nps.data()), n);
    if (!in) {
        std::fprintf(stderr, "%s: truncated\n", rows_file);
        return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const sat::Grouped g =
        sat::group({{"building", s.building.data(), s.rows()}, {"month", s.month.data(), s.rows()}},
                   peer_columns(s, true), peer_index());
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::FILE* out = std::fopen(out_file, "w");
    if (out == nullptr) {
        std::fprintf(stderr, "cannot write %s\n", out_file);
        return 2;
    }
    std::fprintf(out, "building,month,n,mean_overall,csat,nps,composite\n");
    for (std::size_t k = 0; k < g.size(); ++k) {
        const sat::ColumnStats& overall = g.score(k, 4);
        std::fprintf(out, "%d,%d,%zu,%.17g,%.17g,%.17g,%.17g\n", g.key(k, 0), g.key(k, 1),
                     g.rows[k], overall.mean.value, overall.csat.value, g.score(k, 5).nps.value,
                     g.index(k, 0).value);
    }
    std::fclose(out);
    std::printf("plaint: rows=%zu groups=%zu wall_s=%.4f\n", s.rows(), g.size(), wall);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "--agreement") == 0)
        return agreement(argv[2], argv[3]);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
