// Staff performance scores (issue 15, 绩效考核): a profile's `performance` section read and
// refused with its place, scores, contributions, intervals and ranks worked out by hand, and the
// intervals of the time figures the scores read.
#include "support.hpp"
#include <plaint/ledger.hpp>
#include <plaint/performance.hpp>
#include <plaint/profile.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace plaint;
using test::code_of;

namespace {

constexpr Instant H = 3600;
constexpr double none = std::numeric_limits<double>::quiet_NaN();

const char* const policies = R"("policies": {"p": {"targets": [
    {"kind": "record", "duration": "1h"}, {"kind": "resolution", "duration": "72h"}]}})";

Profile with_performance(const std::string& section) {
    return Profile::from_json(std::string(R"({"plaint_profile": 1, )") + policies +
                              R"(, "performance": )" + section + "}");
}

std::string problem(const std::string& section) {
    return message_of([&] { with_performance(section); });
}

satisfaction::Share share(double value, std::size_t n, double low, double high) {
    return {value, static_cast<std::size_t>(std::lround(value * static_cast<double>(n))), n, low,
            high};
}

StaffFigures figures(const std::string& id, std::size_t cases) {
    StaffFigures f;
    f.id = id;
    f.cases = cases;
    f.reopened = share(none, 0, none, none);
    return f;
}

} // namespace

TEST_CASE("performance scores: the section read, weights given or from AHP") {
    const Profile p = with_performance(R"({"description": "d", "metrics": [
        {"metric": "sla_met:resolution", "direction": "higher", "target": 0.9, "band": 0.4,
         "weight": 0.5, "description": "on time"},
        {"metric": "reopen_rate", "target": 0.05, "band": 0.2, "weight": 0.3},
        {"metric": "csat", "target": 0.9, "band": 0.5, "weight": 0.2}]})");
    const PerformanceScheme* s = p.performance();
    REQUIRE(s != nullptr);
    CHECK(s->description == "d");
    REQUIRE(s->metrics.size() == 3);
    CHECK(s->metrics[0].metric == StaffMetric::sla_met);
    CHECK(s->metrics[0].target_name == "resolution");
    CHECK(s->metrics[0].name == "sla_met:resolution");
    CHECK(s->metrics[1].direction == Better::lower); // its nature, when not stated
    CHECK(s->metrics[2].weight == 0.2);
    CHECK_FALSE(s->ahp);
    CHECK(Profile::from_json(R"({"plaint_profile": 1})").performance() == nullptr);
    CHECK(s->to_json().find(R"("metric":"sla_met:resolution")") != std::string::npos);

    // AHP: csat judged 3 times as important as reopen_rate: weights 3/4 and 1/4.
    const Profile a = with_performance(R"({"metrics": [
        {"metric": "csat", "target": 0.9, "band": 0.5},
        {"metric": "reopen_rate", "target": 0.05, "band": 0.2}],
        "ahp": [[1, 3], [0.3333333333333333, 1]]})");
    REQUIRE(a.performance()->ahp);
    CHECK(a.performance()->metrics[0].weight == Approx(0.75));
    CHECK(a.performance()->metrics[1].weight == Approx(0.25));

    // The default profile scores by six metrics whose weights sum to 1.
    const PerformanceScheme* d = Profile::default_profile().performance();
    REQUIRE(d != nullptr);
    double sum = 0;
    for (const MetricRule& r : d->metrics)
        sum += r.weight;
    CHECK(sum == Approx(1));
}

TEST_CASE("performance scores: a bad section is a validation error with its place") {
    const std::string csat = R"({"metric": "csat", "target": 0.9, "band": 0.5, "weight": )";
    CHECK(problem(R"({"metrics": [)" + csat + R"(0.5}, {"metric": "reopen_rate", "target": 0,
          "band": 0.1, "weight": 0.4}]})")
              .find("/performance/metrics: the weights sum to 0.9; they must sum to 1") !=
          std::string::npos);
    CHECK(problem(R"({"metrics": [{"metric": "speed", "target": 1, "band": 1, "weight": 1}]})")
              .find("/performance/metrics/0/metric: unknown metric 'speed'; expected one of "
                    "closed_share,") != std::string::npos);
    CHECK(problem(R"({"metrics": [{"metric": "reopen_rate", "direction": "higher", "target": 0,
          "band": 1, "weight": 1}]})")
              .find("/performance/metrics/0/direction: reopen_rate is better lower") !=
          std::string::npos);
    CHECK(problem(R"({"metrics": [{"metric": "sla_met:nope", "target": 1, "band": 1,
          "weight": 1}]})")
              .find("/performance/metrics/0/metric: no SLA policy has a target named 'nope'") !=
          std::string::npos);
    CHECK(problem(R"({"metrics": [{"metric": "csat:x", "target": 1, "band": 1, "weight": 1}]})")
              .find("only sla_met takes a target's name") != std::string::npos);
    CHECK(problem(R"({"metrics": [{"metric": "csat", "target": 1, "band": 0, "weight": 1}]})")
              .find("/performance/metrics/0/band: the band must be more than 0") !=
          std::string::npos);
    CHECK(problem(R"({"metrics": [{"metric": "csat", "target": 1.5, "band": 1, "weight": 1}]})")
              .find("/performance/metrics/0/target: csat is a share") != std::string::npos);
    CHECK(problem(R"({"metrics": [{"metric": "csat", "band": 1, "weight": 1}]})")
              .find("/performance/metrics/0: a metric row needs its target") != std::string::npos);
    CHECK(problem(R"({"metrics": [{"metric": "csat", "target": 1, "band": 1}]})")
              .find("/performance/metrics/0: a metric row needs its weight") != std::string::npos);
    CHECK(problem(R"({"metrics": [)" + csat + "0.5}, " + csat + "0.5}]}")
              .find("/performance/metrics/1/metric: the metric 'csat' is scored twice") !=
          std::string::npos);
    CHECK(problem(R"({"metrics": [)" + csat + R"(2}]})")
              .find("/performance/metrics/0/weight: a weight lies in (0, 1]") != std::string::npos);
    CHECK(problem(R"({"metrics": [)" + csat + R"("heavy"}]})")
              .find("/performance/metrics/0/weight: expected a number") != std::string::npos);
    CHECK(problem(R"({"metrics": []})").find("/performance/metrics: expected a list of 1 to 32") !=
          std::string::npos);
    CHECK(problem(R"({"metric": []})").find("/performance/metric: unknown key") !=
          std::string::npos);
    CHECK(problem("7").find("/performance: expected an object") != std::string::npos);
    // Weights both ways; an AHP matrix of the wrong shape.
    CHECK(problem(R"({"metrics": [)" + csat + R"(1}], "ahp": [[1]]})")
              .find("/performance/metrics/0/weight: give the weights one way") !=
          std::string::npos);
    CHECK(problem(R"({"metrics": [{"metric": "csat", "target": 1, "band": 1},
          {"metric": "reopen_rate", "target": 0, "band": 1}], "ahp": [[1, 2]]})")
              .find("/performance/ahp: expected a 2x2 pairwise-comparison matrix") !=
          std::string::npos);
    CHECK(code_of([&] { with_performance("[]"); }) == errc::validation);
}

TEST_CASE("performance scores: contributions and the interval, worked by hand") {
    const Profile p = with_performance(R"({"metrics": [
        {"metric": "sla_met", "target": 0.9, "band": 0.4, "weight": 0.5},
        {"metric": "reopen_rate", "target": 0.05, "band": 0.2, "weight": 0.3},
        {"metric": "csat", "target": 0.9, "band": 0.5, "weight": 0.2}]})");
    StaffFigures x = figures("x", 40);
    // SLA: 30 + 20 met of 60 clocks = 0.8333; Wilson 95 %: [0.71968, 0.90687] (by hand:
    // centre (p + z²/2n)/(1 + z²/n), half z·√(p(1−p)/n + z²/4n²)/(1 + z²/n), z = 1.95996).
    x.sla = {{"record", 30, 10, {}}, {"resolution", 20, 0, {}}};
    x.reopened = share(0.1, 40, 0.04, 0.23);
    x.csat = share(0.8, 20, 0.58, 0.92);
    const auto s = score_performance({x}, *p.performance());
    REQUIRE(s.size() == 1);
    REQUIRE(s[0].metrics.size() == 3);
    const MetricScore &sla = s[0].metrics[0], &reopen = s[0].metrics[1], &csat = s[0].metrics[2];
    CHECK(sla.value == Approx(50.0 / 60));
    CHECK(sla.low == Approx(0.71968).epsilon(1e-4));
    CHECK(sla.high == Approx(0.90687).epsilon(1e-4));
    // 100·(1 − (0.9 − 0.83333)/0.4) = 83.333; at the low end 100·(1 − 0.18032/0.4) = 54.92; the
    // high end is past the target: 100.
    CHECK(sla.score == Approx(83.3333));
    CHECK(sla.score_low == Approx(54.92).epsilon(1e-3));
    CHECK(sla.score_high == Approx(100));
    // Lower is better: 100·(1 − 0.05/0.2) = 75; worse end 0.23: 100·(1 − 0.18/0.2) = 10.
    CHECK(reopen.score == Approx(75));
    CHECK(reopen.score_low == Approx(10));
    CHECK(reopen.score_high == Approx(100));
    // 100·(1 − 0.1/0.5) = 80; worse end 0.58: 100·(1 − 0.32/0.5) = 36.
    CHECK(csat.score == Approx(80));
    CHECK(csat.score_low == Approx(36));
    // Total 0.5·83.333 + 0.3·75 + 0.2·80 = 80.1667; low 27.46 + 3 + 7.2 = 37.66; high 100.
    CHECK(s[0].score == Approx(80.1667).epsilon(1e-4));
    CHECK(sla.contribution == Approx(41.6667).epsilon(1e-4));
    CHECK(reopen.contribution == Approx(22.5));
    CHECK(csat.contribution == Approx(16));
    CHECK(s[0].low == Approx(37.66).epsilon(1e-3));
    CHECK(s[0].high == Approx(100));
    CHECK(s[0].ranked); // 40 cases, not a small sample
    CHECK(s[0].rank_best == 1);
    CHECK(s[0].rank_worst == 1);

    // csat missing (no answers): the others' weights carry the score (0.8 of the total), the
    // interval counts the unknown as 0 and as 100.
    StaffFigures y = x;
    y.csat = share(none, 0, none, none);
    const auto m = score_performance({y}, *p.performance());
    CHECK(m[0].metrics[2].missing);
    CHECK(m[0].metrics[2].contribution == 0);
    CHECK(m[0].score == Approx((0.5 * 83.3333 + 0.3 * 75) / 0.8).epsilon(1e-4)); // 80.2083
    CHECK(m[0].low == Approx(0.5 * 54.92 + 0.3 * 10).epsilon(1e-3));
    CHECK(m[0].high == Approx(100));
    const std::string json = to_json(m);
    CHECK(json.find(R"("metric":"csat","value":null,)") != std::string::npos);
    CHECK(json.find(R"("missing":true)") != std::string::npos);
    CHECK(code_of([&] { score_performance({x}, *p.performance(), 1.0); }) ==
          errc::invalid_argument);
}

TEST_CASE("performance scores: ranks are ranges that only separated intervals narrow") {
    // One metric, csat with target 1 and band 1: the score is 100 × the share, its interval
    // 100 × the share's.
    const Profile p = with_performance(
        R"({"metrics": [{"metric": "csat", "target": 1, "band": 1, "weight": 1}]})");
    std::vector<StaffFigures> f = {figures("", 100),  figures("a", 100), figures("b", 100),
                                   figures("c", 100), figures("d", 10),  figures("e", 40)};
    f[0].csat = share(0.99, 100, 0.95, 1); // nobody's cases: never ranked
    f[1].csat = share(0.9, 100, 0.85, 0.95);
    f[2].csat = share(0.8, 100, 0.70, 0.88);
    f[3].csat = share(0.6, 100, 0.50, 0.70); // touches b's low end: not separated from b
    f[4].csat = share(0.99, 10, 0.5, 1);
    f[4].small_sample = true;               // never ranked, however high
    f[5].csat = share(none, 0, none, none); // nothing to score
    const auto s = score_performance(f, *p.performance());
    CHECK_FALSE(s[0].ranked);
    CHECK_FALSE(s[4].ranked);
    CHECK_FALSE(s[5].ranked);
    CHECK(std::isnan(s[5].score));
    CHECK(s[1].score == Approx(90));
    // a: nobody above; c wholly below (0.70 < 0.85): ranks 1 to 2.
    CHECK(s[1].rank_best == 1);
    CHECK(s[1].rank_worst == 2);
    // b: overlaps a and c: 1 to 3.
    CHECK(s[2].rank_best == 1);
    CHECK(s[2].rank_worst == 3);
    // c: a wholly above: 2 to 3.
    CHECK(s[3].rank_best == 2);
    CHECK(s[3].rank_worst == 3);
    const std::string json = to_json(s);
    CHECK(json.rfind(R"([{"id":"","cases":100,"small_sample":false,"score":99,)", 0) == 0);
    CHECK(json.find(R"("ranked":false,"rank_best":null,"rank_worst":null)") != std::string::npos);
    CHECK(json.find(R"("id":"c","cases":100,"small_sample":false,"score":60,"low":50,"high":70,)"
                    R"("ranked":true,"rank_best":2,"rank_worst":3,)") != std::string::npos);
}

TEST_CASE("performance scores: the time figures' intervals, worked by hand") {
    // Ten cases assigned 1, 2, ..., 10 hours after receipt, all to h1.
    Ledger l(Profile::from_json(std::string(R"({"plaint_profile": 1, )") + policies + "}"));
    const Instant t0 = parse_iso8601("2026-03-02T09:00:00+08:00");
    for (int i = 1; i <= 10; ++i) {
        Intake in;
        const std::string id = "c" + std::to_string(i); // Intake::id is a view: kept alive
        in.id = id;
        in.received = t0 + i * 86400;
        const auto c = l.add(in);
        l.add_event(c, Event::of(EventType::record, in.received + 60));
        Event k = Event::of(EventType::classify, in.received + 120);
        k.nature = Nature::valid;
        l.add_event(c, k);
        Event a = Event::of(EventType::assign, in.received + i * H);
        a.handler = "h1";
        l.add_event(c, a);
    }
    PerformanceOptions o;
    o.from = t0;
    o.to = t0 + 30 * 86400;
    const auto f = staff_performance(l, o);
    REQUIRE(f.size() == 1);
    const DurationFigures& d = f[0].first_response;
    // Mean 5.5 h, sd √(82.5/9) = 3.02765 h, t(0.975, 9) = 2.262157: half 2.16585 h.
    CHECK(d.mean == Approx(5.5 * H));
    CHECK(d.mean_low == Approx(3.33415 * H).epsilon(1e-5));
    CHECK(d.mean_high == Approx(7.66585 * H).epsilon(1e-5));
    // 90th percentile (type 7): 9 + 0.1 × 1 = 9.1 h. B ~ Binomial(10, 0.9): P(B ≤ 6) = 0.0128 ≤
    // 0.025 < P(B ≤ 7) = 0.0702, so the lower end is x(7) = 7 h; P(B ≥ 10) = 0.349 > 0.025, so
    // no order statistic of ten gives an upper end.
    CHECK(d.p90 == Approx(9.1 * H));
    CHECK(d.p90_low == Approx(7 * H));
    CHECK(std::isnan(d.p90_high));
}
