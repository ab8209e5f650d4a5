// Business time through the C ABI's batch calls (libplaint.so), on the same 1,000,000 rows and
// cn-office calendar as bench_calendar.cpp: what a C, Python (ctypes) or other FFI caller gets.
#include "bizdays_inputs.hpp"

#include <plaint/plaint.h>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <fstream>
#include <memory>
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

void check(int status) {
    if (status != PLAINT_OK)
        throw std::runtime_error(std::string("plaint: ") + plaint_last_error_message());
}

struct CalendarFree {
    void operator()(plaint_calendar* c) const { plaint_calendar_free(c); }
};
using CalendarPtr = std::unique_ptr<plaint_calendar, CalendarFree>;

const plaint_calendar* cn_office() {
    static const CalendarPtr c = [] {
        plaint_calendar* raw = nullptr;
        const std::string& json = cn_office_json();
        check(plaint_calendar_from_json(&raw, json.data(), json.size()));
        return CalendarPtr(raw);
    }();
    return c.get();
}

std::int64_t batch_items(const benchmark::State& state) {
    return static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(rows);
}

void BM_capi_add_many(benchmark::State& state) {
    const auto& in = inputs();
    const plaint_calendar* c = cn_office();
    std::vector<std::int64_t> out(rows);
    check(plaint_calendar_add_many(c, in.start.data(), in.dur.data(), rows, out.data()));
    for (auto _ : state) {
        if (plaint_calendar_add_many(c, in.start.data(), in.dur.data(), rows, out.data()) !=
            PLAINT_OK) {
            state.SkipWithError(plaint_last_error_message());
            break;
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(batch_items(state));
}
BENCHMARK(BM_capi_add_many)->Unit(benchmark::kMillisecond);

void BM_capi_between_many(benchmark::State& state) {
    const auto& in = inputs();
    const plaint_calendar* c = cn_office();
    std::vector<std::int64_t> out(rows);
    check(plaint_calendar_between_many(c, in.start.data(), in.end.data(), rows, out.data()));
    for (auto _ : state) {
        if (plaint_calendar_between_many(c, in.start.data(), in.end.data(), rows, out.data()) !=
            PLAINT_OK) {
            state.SkipWithError(plaint_last_error_message());
            break;
        }
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(batch_items(state));
}
BENCHMARK(BM_capi_between_many)->Unit(benchmark::kMillisecond);

// One call per item, for comparison with the batch call.
void BM_capi_add(benchmark::State& state) {
    const auto& in = inputs();
    const plaint_calendar* c = cn_office();
    std::size_t i = 0;
    std::int64_t out = 0;
    for (auto _ : state) {
        benchmark::DoNotOptimize(plaint_calendar_add(c, in.start[i], in.dur[i], &out));
        benchmark::DoNotOptimize(out);
        i = i + 1 == rows ? 0 : i + 1;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_capi_add);

} // namespace

BENCHMARK_MAIN();
