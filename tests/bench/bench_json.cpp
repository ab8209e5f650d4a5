// JSON loaders on hostile input (issue 12): documents of N empty objects where each loader
// expects something else, and a profile of far more rule rows than allowed. Each loader refuses
// them; the figures say what the refusal costs as N grows (linear: time per N constant), and
// the peak memory held through operator new ("peak_MB").
//   BM_calendar_closed        Calendar::from_json  {"closed": [{},{},...]}
//   BM_policy_targets         PolicySet::from_json {"policies": {"p": {"targets": [{},...]}}}
//   BM_rules_rows             RuleSet::from_json   {"sections": [{"rows": [{},...]}]}
//   BM_profile_rows           Profile::from_json   rules rows, as above, inside a profile
//   BM_profile_surveys        Profile::from_json   {"surveys": {"s": {"satisfied": [{},...]}}}
// Run against the commit before the change (a git worktree) to compare, alternating A B A B.
// Figures (CPU time per call, two runs each, 2-core machine shared with other builds), before
// (81eb8d3) -> after (3e1f645), N = 10,000 / 40,000:
//   BM_calendar_closed    32-41 / 326-328 ms     ->  2.3-2.4 / 10.0-10.1 ms   (quadratic -> linear)
//   BM_policy_targets     OOM-killed at 10,000 (23.6 GB resident after 104 s: a problem for
//                         each earlier target of the same name)   ->  6.1-6.2 / 25.6-29.6 ms
//   BM_rules_rows         16-17 / 36-40 ms       ->  7.8-8.0 / 1.8 ms (refused at row 10,001)
//   BM_profile_rows       45 / 302-320 ms        ->  11.1-11.7 / 2.0-2.1 ms (refused at 10,001)
//   BM_profile_surveys    25-26 / 311-314 ms     ->  2.6-2.7 / 10.5-11.0 ms
// peak_MB at 40,000: calendar 23.8 -> 4.6, rules 17.1 -> 0.5, profile rows 20.2 -> 1.1,
// surveys 29.6 -> 4.6.
#include "alloc_counter.hpp"

#include <plaint/calendar.hpp>
#include <plaint/error.hpp>
#include <plaint/profile.hpp>
#include <plaint/rules.hpp>
#include <plaint/sla.hpp>

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

// "{},{},...,{}": n empty objects.
std::string empties(std::size_t n) {
    std::string s;
    s.reserve(3 * n);
    for (std::size_t i = 0; i < n; ++i)
        s += i ? ",{}" : "{}";
    return s;
}

template <class Load>
void run(benchmark::State& state, const std::string& doc, Load load) {
    std::size_t refused = 0;
    alloc_counter::reset_peak();
    const std::size_t base = alloc_counter::live_bytes.load();
    for (auto _ : state) {
        try {
            load(doc);
        } catch (const plaint::error&) {
            ++refused;
        }
    }
    if (refused != static_cast<std::size_t>(state.iterations()))
        state.SkipWithError("a hostile document was accepted");
    state.SetBytesProcessed(static_cast<std::int64_t>(doc.size()) *
                            static_cast<std::int64_t>(state.iterations()));
    state.counters["peak_MB"] = static_cast<double>(alloc_counter::peak_bytes.load() - base) / 1e6;
}

void BM_calendar_closed(benchmark::State& state) {
    const std::string doc =
        "{\"closed\": [" + empties(static_cast<std::size_t>(state.range(0))) + "]}";
    run(state, doc, [](const std::string& d) { plaint::Calendar::from_json(d); });
}

void BM_policy_targets(benchmark::State& state) {
    const std::string doc = "{\"policies\": {\"p\": {\"targets\": [" +
                            empties(static_cast<std::size_t>(state.range(0))) + "]}}}";
    run(state, doc, [](const std::string& d) { plaint::PolicySet::from_json(d); });
}

void BM_rules_rows(benchmark::State& state) {
    const std::string doc = "{\"sections\": [{\"name\": \"s\", \"rows\": [" +
                            empties(static_cast<std::size_t>(state.range(0))) + "]}]}";
    run(state, doc, [](const std::string& d) { plaint::RuleSet::from_json(d); });
}

void BM_profile_rows(benchmark::State& state) {
    const std::string doc =
        "{\"plaint_profile\": 1, \"rules\": {\"sections\": [{\"name\": \"s\", \"rows\": [" +
        empties(static_cast<std::size_t>(state.range(0))) + "]}]}}";
    run(state, doc, [](const std::string& d) { plaint::Profile::from_json(d); });
}

void BM_profile_surveys(benchmark::State& state) {
    const std::string doc = "{\"plaint_profile\": 1, \"surveys\": {\"s\": {\"dimensions\": "
                            "[\"a\"], \"satisfied\": [" +
                            empties(static_cast<std::size_t>(state.range(0))) + "]}}}";
    run(state, doc, [](const std::string& d) { plaint::Profile::from_json(d); });
}

} // namespace

BENCHMARK(BM_calendar_closed)->Arg(10000)->Arg(40000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_policy_targets)->Arg(10000)->Arg(40000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_rules_rows)->Arg(10000)->Arg(40000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_profile_rows)->Arg(10000)->Arg(40000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_profile_surveys)->Arg(10000)->Arg(40000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
