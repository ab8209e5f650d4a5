// The monthly report over 1,000,000 complaints (issue 6, "Performance": report over 1M
// complaints < 1 s). The ledger holds 1,000,000 synthetic complaints of ~6 events each, all
// received in October 2026 (one every 2 s from 1 October, Asia/Shanghai), made as
// bench_ledger.cpp makes them under the embedded default profile, and one return-visit survey
// response per visited complaint (333,334). The ledger is built once; each iteration computes
// the whole report (counts, main issues, every SLA clock as of the month's end, times, MTTR,
// escalations, visits and quotas, satisfaction of both months, heat maps). `render` times the
// JSON, CSV and HTML exports of the result.
//
//   BM_report/N     N complaints: monthly_report
//   BM_render/N     N complaints: to_json + to_csv + to_html of its report
#include <plaint/ledger.hpp>
#include <plaint/report.hpp>

#include <benchmark/benchmark.h>

#include <cstdlib>

#include "synthetic.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace {

using plaint::Event;
using plaint::EventType;
using plaint::Role;

using synthetic::contents;
using synthetic::Rng;
const char* const subcategories[] = {"water_leak", "elevator", "noise",   "lighting", "water_leak",
                                     "guard",      "fees",     "parking", "refuse",   "elevator"};

// PLAINT_BENCH_PROFILE names another profile file than the default one (to tell the cost of the
// code from the cost of the default profile's rules).
plaint::Profile bench_profile() {
    const char* other = std::getenv("PLAINT_BENCH_PROFILE");
    return other ? plaint::Profile::from_file(other) : plaint::Profile::default_profile();
}

struct Data {
    plaint::Ledger ledger{bench_profile()};
    plaint::SurveyResponses surveys;
};

std::unique_ptr<Data> build(std::size_t n) {
    auto d = std::make_unique<Data>();
    plaint::Ledger& ledger = d->ledger;
    ledger.reserve(n, n * 7);
    std::vector<std::string> buildings, units;
    for (int b = 0; b < 12; ++b)
        buildings.push_back((b < 6 ? "A" : "B") + std::to_string(b % 6 + 1));
    for (int u = 0; u < 600; ++u)
        units.push_back(std::to_string(u / 10 + 2) + std::to_string(u % 10 + 1).insert(0, "0"));
    auto& s = d->surveys;
    s.questions = {"response_speed", "attitude", "quality", "result", "overall", "recommend"};
    s.answers.resize(s.questions.size());
    Rng rng{20261101};
    plaint::Intake it;
    Event e;
    const plaint::Instant base = 1790784000; // 2026-10-01T00:00:00+08:00
    std::string id;
    for (std::size_t i = 0; i < n; ++i) {
        id = "C-" + std::to_string(10000000 + i);
        it.id = id;
        it.received = base + static_cast<plaint::Instant>(i) * 2;
        it.channel = static_cast<plaint::Channel>(1 + rng.below(4));
        it.category = static_cast<plaint::Category>(1 + rng.below(5));
        it.building = buildings[rng.below(12)];
        it.unit = units[rng.below(600)];
        const auto c = rng.below(10);
        it.content = contents[c];
        // Stated: every request walks a complaint's cycle, as in the benchmark before kinds (the
        // default profile would take "请问…怎么办理" as a consultation, which is answered instead).
        it.kind = plaint::Kind::complaint;
        it.subcategory = subcategories[c];
        it.reporter_count = 1 + static_cast<std::int32_t>(rng.below(3));
        const std::size_t ci = ledger.add(it);
        plaint::Instant at = it.received;
        auto step = [&](EventType t, Role r, plaint::Instant dt) {
            at += dt;
            e.type = t;
            e.at = at;
            e.actor = r;
            ledger.add_event(ci, e);
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
            s.complaint_id.push_back(id);
            s.building.emplace_back(it.building);
            s.at.push_back(at);
            for (std::size_t q = 0; q + 1 < s.questions.size(); ++q)
                s.answers[q].push_back(static_cast<std::int8_t>(1 + rng.below(5)));
            s.answers.back().push_back(static_cast<std::int8_t>(rng.below(11)));
        }
    }
    return d;
}

const Data& data(std::size_t n) {
    static std::unique_ptr<Data> d;
    static std::size_t built = 0;
    if (!d || built != n) {
        d = build(n);
        built = n;
    }
    return *d;
}

void BM_report(benchmark::State& state) {
    const Data& d = data(static_cast<std::size_t>(state.range(0)));
    plaint::ReportOptions o;
    o.month = "2026-10";
    std::size_t received = 0;
    for (auto _ : state) {
        const plaint::MonthlyReport r = plaint::monthly_report(d.ledger, o, &d.surveys);
        received = r.received;
        benchmark::DoNotOptimize(received);
    }
    state.counters["complaints"] = static_cast<double>(received);
    state.counters["complaints_per_s"] = benchmark::Counter(
        static_cast<double>(received), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_render(benchmark::State& state) {
    const Data& d = data(static_cast<std::size_t>(state.range(0)));
    plaint::ReportOptions o;
    o.month = "2026-10";
    const plaint::MonthlyReport r = plaint::monthly_report(d.ledger, o, &d.surveys);
    std::size_t bytes = 0;
    for (auto _ : state) {
        bytes = r.to_json().size() + r.to_csv().size() + r.to_html().size();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}

} // namespace

BENCHMARK(BM_report)->Arg(1000000)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_render)->Arg(1000000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
