// Ledger ingest (issue 6, "Performance"): 1,000,000 synthetic complaints of ~6 events each —
// receive, record, classify, assign, start, resolve, and for one in three a visit and a
// satisfied — fed one complaint and one event at a time under the embedded default profile, the
// rules classifying each complaint at intake and again at its classify event. Targets: ingest
// ≥ 1,000,000 events/s; ≤ 300 bytes of memory per complaint besides its content text.
//
// Counters: `events_per_s` (every event in the log, `receive` and the rules' re-evaluation
// events included, over the wall time of the whole ingest); `events_per_complaint`;
// `bytes_per_complaint` the live heap bytes the ledger holds after the ingest (operator new is
// counted in this program) less its content text, per complaint; `estimate_per_complaint`
// the ledger's own `memory_bytes()` per complaint.
//
//   ingest/N/0       N complaints, the whole ingest timed once per iteration
//   ingest/N/1       the same with people (issue 15): every event names one of 200 handlers, and
//                    every assign one of the default profile's five teams; the handler and team
//                    ids are interned, so the bytes per complaint should barely move
#include <plaint/ledger.hpp>

#include <benchmark/benchmark.h>

#include "alloc_counter.hpp"

#include "synthetic.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

// ---- every allocation of this program, counted ----

using alloc_counter::live_bytes;
using alloc_counter::peak_bytes;

namespace {

using plaint::Event;
using plaint::EventType;
using plaint::Role;

using synthetic::contents;
using synthetic::Rng;

struct Input {
    std::vector<std::string> ids, buildings, units;
};

void ingest(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const bool staffed = state.range(1) != 0;
    std::vector<std::string> handlers;
    for (int h = 0; h < 200; ++h)
        handlers.push_back("h-" + std::to_string(1000 + h));
    const char* const teams[] = {"customer_service", "engineering", "security", "cleaning",
                                 "greening"};
    Input in;
    in.ids.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        in.ids.push_back("C-" + std::to_string(10000000 + i));
    for (int b = 0; b < 12; ++b)
        in.buildings.push_back((b < 6 ? "A" : "B") + std::to_string(b % 6 + 1));
    for (int u = 0; u < 600; ++u)
        in.units.push_back(std::to_string(u / 10 + 2) + std::to_string(u % 10 + 1).insert(0, "0"));

    double events_per_s = 0, bytes = 0, estimate = 0, per = 0;
    // The embedded profile is compiled once per process, on first use: before the count, so that
    // each run's bytes are the ledger's alone. PLAINT_BENCH_PROFILE names another profile file
    // (to tell the cost of the code from the cost of the default profile's rules).
    const char* other = std::getenv("PLAINT_BENCH_PROFILE");
    const plaint::Profile profile =
        other ? plaint::Profile::from_file(other) : plaint::Profile::default_profile();
    for (auto _ : state) {
        const std::size_t before = live_bytes.load();
        auto* ledger = new plaint::Ledger(profile);
        ledger->reserve(n, n * 7);
        Rng rng{20261101};
        plaint::Intake it;
        Event e;
        const plaint::Instant base = 1788192000; // 2026-09-01T00:00:00+08:00
        const auto t0 = std::chrono::steady_clock::now();
        for (std::size_t i = 0; i < n; ++i) {
            it.id = in.ids[i];
            it.received = base + static_cast<plaint::Instant>(i) * 2;
            it.channel = static_cast<plaint::Channel>(1 + rng.below(4));
            it.category = static_cast<plaint::Category>(1 + rng.below(5));
            it.building = in.buildings[rng.below(12)];
            it.unit = in.units[rng.below(600)];
            it.content = contents[rng.below(10)];
            // Stated: every request walks a complaint's cycle, as in the benchmark before kinds
            // (the default profile would take "请问…怎么办理" as a consultation, which is answered
            // instead).
            it.kind = plaint::Kind::complaint;
            it.reporter_count = 1 + static_cast<std::int32_t>(rng.below(3));
            const std::size_t ci = ledger->add(it);
            plaint::Instant at = it.received;
            const std::string& handler = handlers[rng.below(200)];
            auto step = [&](EventType t, Role r, plaint::Instant dt) {
                at += dt;
                e.type = t;
                e.at = at;
                e.actor = r;
                if (staffed) {
                    e.handler.assign(handler);
                    if (t == EventType::assign)
                        e.team.assign(teams[i % 5]);
                    else
                        e.team.clear();
                }
                ledger->add_event(ci, e);
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
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        state.SetIterationTime(secs);
        const std::size_t held = live_bytes.load() - before;
        events_per_s = static_cast<double>(ledger->event_count()) / secs;
        per = static_cast<double>(ledger->event_count()) / static_cast<double>(n);
        bytes = static_cast<double>(held - ledger->text_bytes()) / static_cast<double>(n);
        estimate = static_cast<double>(ledger->memory_bytes()) / static_cast<double>(n);
        delete ledger;
    }
    state.counters["events_per_s"] = events_per_s;
    state.counters["events_per_complaint"] = per;
    state.counters["bytes_per_complaint"] = bytes;
    state.counters["estimate_per_complaint"] = estimate;
}

} // namespace

BENCHMARK(ingest)
    ->Args({1000000, 0})
    ->Args({1000000, 1})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
