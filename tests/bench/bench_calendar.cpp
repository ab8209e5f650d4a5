// Business time through the C++ API, on the peers' work (peers/README.md, "business time"): the
// same 1,000,000 rows as gen_bt_inputs.js and the cn-office calendar, which for 2026 equals the
// peers' calendar_cn_2026.json. Compare items/s with the peers' RESULT lines (ops_per_s).
//   BM_add_many       deadline = add(start, dur), the batch call        (peers' operation A)
//   BM_between_many   open time in [start, end), the batch call         (peers' operation B)
//   BM_add, BM_between  the same one call at a time
//   BM_compile_year   from_json + the first is_open in 2026, which compiles that year
//   BM_from_json      from_json alone (parse, validate, zone look-up), the share of the above
#include "bizdays_inputs.hpp"

#include <plaint/calendar.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr std::size_t rows = 1000000;

const bizdays::Inputs& inputs() {
    static const bizdays::Inputs in = bizdays::generate(rows);
    return in;
}

const std::string& cn_office_json() {
    static const std::string text = [] {
        const std::string path = std::string(PLAINT_DATA_DIR) + "/calendars/cn-office.json";
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw std::runtime_error("cannot read " + path);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }();
    return text;
}

// Compiled once; the batch runs below warm the years they touch before timing.
const plaint::Calendar& cn_office() {
    static const plaint::Calendar c = plaint::Calendar::from_json(cn_office_json());
    return c;
}

std::int64_t batch_items(const benchmark::State& state) {
    return static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(rows);
}

void BM_add_many(benchmark::State& state) {
    const auto& in = inputs();
    const auto& c = cn_office();
    std::vector<plaint::Instant> out(rows);
    c.add_many(in.start.data(), in.dur.data(), rows, out.data()); // compiles the years used
    for (auto _ : state) {
        c.add_many(in.start.data(), in.dur.data(), rows, out.data());
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(batch_items(state));
}
BENCHMARK(BM_add_many)->Unit(benchmark::kMillisecond);

void BM_between_many(benchmark::State& state) {
    const auto& in = inputs();
    const auto& c = cn_office();
    std::vector<plaint::Duration> out(rows);
    c.between_many(in.start.data(), in.end.data(), rows, out.data());
    for (auto _ : state) {
        c.between_many(in.start.data(), in.end.data(), rows, out.data());
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(batch_items(state));
}
BENCHMARK(BM_between_many)->Unit(benchmark::kMillisecond);

void BM_add(benchmark::State& state) {
    const auto& in = inputs();
    const auto& c = cn_office();
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(c.add(in.start[i], in.dur[i]));
        i = i + 1 == rows ? 0 : i + 1;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_add);

void BM_between(benchmark::State& state) {
    const auto& in = inputs();
    const auto& c = cn_office();
    std::size_t i = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(c.between(in.start[i], in.end[i]));
        i = i + 1 == rows ? 0 : i + 1;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_between);

// A fresh calendar each time: nothing compiled is shared between iterations. The zone database
// is read once per process (by the warm-up call), as in a service that loads calendars.
void BM_compile_year(benchmark::State& state) {
    const std::string& json = cn_office_json();
    const plaint::Instant monday_10am = 1772416800; // 2026-03-02T10:00:00+08:00
    benchmark::DoNotOptimize(plaint::Calendar::from_json(json).is_open(monday_10am));
    for (auto _ : state) {
        const plaint::Calendar c = plaint::Calendar::from_json(json);
        benchmark::DoNotOptimize(c.is_open(monday_10am));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_compile_year)->Unit(benchmark::kMicrosecond);

void BM_from_json(benchmark::State& state) {
    const std::string& json = cn_office_json();
    benchmark::DoNotOptimize(plaint::Calendar::from_json(json));
    for (auto _ : state) {
        const plaint::Calendar c = plaint::Calendar::from_json(json);
        benchmark::DoNotOptimize(&c);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_from_json)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
