// How fast a complaint is created and walked through its whole lifecycle, and how fast ISO 8601
// instants are parsed: the per-event cost that the ledger's ingest will build on.
#include <plaint/plaint.hpp>

#include <benchmark/benchmark.h>

namespace {

void BM_lifecycle(benchmark::State& state) {
    using namespace plaint;
    const EventType path[] = {EventType::record,   EventType::classify, EventType::assign,
                              EventType::start,    EventType::resolve,  EventType::visit,
                              EventType::satisfied};
    Event e;
    e.nature = Nature::valid;
    e.method = VisitMethod::phone;
    for (auto _ : state) {
        Complaint c("bench", 1772414100);
        Instant t = 1772414100;
        for (EventType type : path) {
            e.type = type;
            e.at = t += 60;
            c.apply(e);
        }
        benchmark::DoNotOptimize(c.state());
    }
    state.SetItemsProcessed(state.iterations() * 8); // events per complaint, with receive
}
BENCHMARK(BM_lifecycle);

void BM_parse_iso8601(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(plaint::parse_iso8601("2026-03-02T09:15:00+08:00"));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_parse_iso8601);

} // namespace

BENCHMARK_MAIN();
