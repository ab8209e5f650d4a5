// Snapshot save and load (issue 6, "Performance"): a ledger of 1,000,000 synthetic complaints of
// ~6 events each (the generator of bench_ledger.cpp: receive, record, classify, assign, start,
// resolve, and for one in three a visit and a satisfied), under the embedded default profile,
// saved to a file under /tmp and loaded back. Target: save and load each ≥ 200 MB/s.
//
// Counters: `MB_per_s` (10^6 bytes of snapshot per second of wall time: for `save_file` the
// whole atomic save, temporary file, fsync, rename and folder sync included; for `load_file`
// reading, checking and rebuilding the ledger), `snapshot_MB`, `bytes_per_complaint`.
//
//   save_file / load_file       to and from /tmp/plaint-bench-snapshot.plaintsn
//   save_string / load_string   to and from memory (no disk)
#include <plaint/ledger.hpp>
#include <plaint/snapshot.hpp>

#include <benchmark/benchmark.h>

#include "synthetic.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace {

using plaint::Event;
using plaint::EventType;
using plaint::Role;

constexpr std::size_t complaints = 1000000;
const std::string path = "/tmp/plaint-bench-snapshot.plaintsn";

using synthetic::contents;
using synthetic::Rng;

const plaint::Ledger& ledger() {
    static const std::unique_ptr<plaint::Ledger> l = [] {
        auto out = std::make_unique<plaint::Ledger>(plaint::Profile::default_profile());
        out->reserve(complaints, complaints * 7);
        std::vector<std::string> buildings, units;
        for (int b = 0; b < 12; ++b)
            buildings.push_back((b < 6 ? "A" : "B") + std::to_string(b % 6 + 1));
        for (int u = 0; u < 600; ++u)
            units.push_back(std::to_string(u / 10 + 2) + std::to_string(u % 10 + 1).insert(0, "0"));
        Rng rng{20261101};
        plaint::Intake it;
        Event e;
        const plaint::Instant base = 1788192000; // 2026-09-01T00:00:00+08:00
        for (std::size_t i = 0; i < complaints; ++i) {
            const std::string id = "C-" + std::to_string(10000000 + i);
            it.id = id;
            it.received = base + static_cast<plaint::Instant>(i) * 2;
            it.channel = static_cast<plaint::Channel>(1 + rng.below(4));
            it.category = static_cast<plaint::Category>(1 + rng.below(5));
            it.building = buildings[rng.below(12)];
            it.unit = units[rng.below(600)];
            it.content = contents[rng.below(10)];
            // Stated: every request walks a complaint's cycle, as in the benchmark before kinds
            // (the default profile would take "请问…怎么办理" as a consultation, which is answered
            // instead).
            it.kind = plaint::Kind::complaint;
            it.reporter_count = 1 + static_cast<std::int32_t>(rng.below(3));
            const std::size_t ci = out->add(it);
            plaint::Instant at = it.received;
            auto step = [&](EventType t, Role r, plaint::Instant dt) {
                at += dt;
                e.type = t;
                e.at = at;
                e.actor = r;
                out->add_event(ci, e);
            };
            step(EventType::record, Role::duty_staff, 300);
            e.nature = plaint::Nature::valid;
            step(EventType::classify, Role::duty_staff, 600);
            e.target = Role::cs_assistant;
            step(EventType::assign, Role::duty_staff, 60);
            e.target.reset();
            step(EventType::start, Role::cs_assistant, 3600 + rng.below(40000));
            step(EventType::resolve, Role::cs_assistant, 3600 + rng.below(200000));
            if (i % 3 == 0) {
                e.method = plaint::VisitMethod::phone;
                step(EventType::visit, Role::cs_manager, 86400);
                e.method.reset();
                step(EventType::satisfied, Role::cs_manager, 60);
            }
        }
        return out;
    }();
    return *l;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// `secs`: the total over the iterations.
void report(benchmark::State& state, std::size_t bytes, double secs) {
    state.counters["MB_per_s"] =
        static_cast<double>(bytes) * static_cast<double>(state.iterations()) / 1e6 / secs;
    state.counters["snapshot_MB"] = static_cast<double>(bytes) / 1e6;
    state.counters["bytes_per_complaint"] =
        static_cast<double>(bytes) / static_cast<double>(complaints);
}

std::size_t file_size() {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr)
        return 0;
    std::fseek(f, 0, SEEK_END);
    const long n = std::ftell(f);
    std::fclose(f);
    return n > 0 ? static_cast<std::size_t>(n) : 0;
}

void save_file(benchmark::State& state) {
    const plaint::Ledger& l = ledger();
    double secs = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        plaint::save_snapshot(l, path);
        const double t = seconds_since(t0);
        secs += t;
        state.SetIterationTime(t);
    }
    report(state, file_size(), secs);
}

void load_file(benchmark::State& state) {
    if (file_size() == 0)
        plaint::save_snapshot(ledger(), path);
    double secs = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        auto* l = new plaint::Ledger(plaint::load_snapshot(path));
        const double t = seconds_since(t0);
        secs += t;
        state.SetIterationTime(t);
        if (l->size() != complaints)
            state.SkipWithError("the loaded ledger is not the saved one");
        delete l;
    }
    report(state, file_size(), secs);
    std::remove(path.c_str());
}

void save_string(benchmark::State& state) {
    const plaint::Ledger& l = ledger();
    double secs = 0;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::string s = plaint::save_snapshot_to_string(l);
        const double t = seconds_since(t0);
        secs += t;
        state.SetIterationTime(t);
        bytes = s.size();
    }
    report(state, bytes, secs);
}

void load_string(benchmark::State& state) {
    const std::string s = plaint::save_snapshot_to_string(ledger());
    double secs = 0;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        auto* l = new plaint::Ledger(plaint::load_snapshot_from_string(s));
        const double t = seconds_since(t0);
        secs += t;
        state.SetIterationTime(t);
        delete l;
    }
    report(state, s.size(), secs);
}

} // namespace

BENCHMARK(save_file)->Iterations(3)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(load_file)->Iterations(3)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(save_string)->Iterations(3)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(load_string)->Iterations(3)->UseManualTime()->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
