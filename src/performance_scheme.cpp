// A profile's `performance` section (performance.hpp): the metrics staff are scored by, each
// with its direction, target, band and weight (or AHP judgements over them), read for
// src/profile.cpp through performance_detail.hpp, and written back as JSON.
#include "error_detail.hpp"
#include "json_util.hpp"
#include "performance_detail.hpp"
#include "survey_read.hpp"

#include "plaint/performance.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <set>

PLAINT_BEGIN_NAMESPACE

namespace {

using detail::Json;

struct MetricName {
    StaffMetric metric;
    std::string_view name;
    Better natural;
    bool share; // a share in [0, 1]: its target too
};

constexpr std::array<MetricName, 11> metric_names{{
    {StaffMetric::closed_share, "closed_share", Better::higher, true},
    {StaffMetric::sla_met, "sla_met", Better::higher, true},
    {StaffMetric::first_response_mean_h, "first_response_mean_h", Better::lower, false},
    {StaffMetric::first_response_p90_h, "first_response_p90_h", Better::lower, false},
    {StaffMetric::resolution_mean_h, "resolution_mean_h", Better::lower, false},
    {StaffMetric::resolution_p90_h, "resolution_p90_h", Better::lower, false},
    {StaffMetric::reopen_rate, "reopen_rate", Better::lower, true},
    {StaffMetric::unsatisfied_visit_rate, "unsatisfied_visit_rate", Better::lower, true},
    {StaffMetric::breach_escalations_per_case, "breach_escalations_per_case", Better::lower, false},
    {StaffMetric::satisfaction_mean, "satisfaction_mean", Better::higher, false},
    {StaffMetric::csat, "csat", Better::higher, true},
}};

const MetricName* find_metric(StaffMetric m) noexcept {
    for (const MetricName& n : metric_names)
        if (n.metric == m)
            return &n;
    return nullptr;
}

std::string metric_list() {
    std::string out;
    for (const MetricName& n : metric_names) {
        if (!out.empty())
            out += ", ";
        out += n.name;
    }
    return out + " (sla_met also as sla_met:<target>)";
}

// A finite number, or a problem at `at`.
std::optional<double> number(const Json& v, const std::string& at, detail::Problems& problems) {
    if (v.is_number() && std::isfinite(v.get<double>()))
        return v.get<double>();
    problems.add(at, "expected a number");
    return std::nullopt;
}

// One metric row; false when it is unusable (its problems said).
bool read_metric(const Json& v, const std::string& at, detail::Problems& problems, MetricRule& r,
                 bool& weighted) {
    using detail::pointer_join;
    if (!v.is_object()) {
        problems.add(at, "expected a metric: {metric, direction, target, band, weight}");
        return false;
    }
    bool ok = true, have_metric = false, have_target = false, have_band = false;
    std::optional<Better> stated;
    std::string direction_at;
    for (const auto& [key, value] : v.items()) {
        const std::string kat = pointer_join(at, key);
        if (key == "metric") {
            const std::string* name =
                value.is_string() ? &value.get_ref<const std::string&>() : nullptr;
            std::optional<StaffMetric> m;
            if (name) {
                const auto colon = name->find(':');
                m = staff_metric_from_string(std::string_view(*name).substr(0, colon));
                if (m && colon != std::string::npos) {
                    r.target_name = name->substr(colon + 1);
                    if (*m != StaffMetric::sla_met || r.target_name.empty()) {
                        problems.add(kat, "only sla_met takes a target's name after ':'");
                        ok = false;
                    }
                }
            }
            if (!m) {
                problems.add(kat, "unknown metric" +
                                      (name ? " " + detail::quote(*name) : std::string()) +
                                      "; expected one of " + metric_list());
                ok = false;
                continue;
            }
            r.metric = *m;
            r.name = *name;
            have_metric = true;
        } else if (key == "direction") {
            direction_at = kat;
            // Not `value == "higher"`: nlohmann's comparison is noexcept and builds a value from
            // the literal, so an allocation failure there would terminate.
            const std::string_view text =
                value.is_string() ? std::string_view(value.get_ref<const std::string&>()) : "";
            if (text == "higher")
                stated = Better::higher;
            else if (text == "lower")
                stated = Better::lower;
            else {
                problems.add(kat, "expected a direction: higher or lower (is better)");
                ok = false;
            }
        } else if (key == "target") {
            auto x = number(value, kat, problems);
            ok = ok && x;
            if (x) {
                r.target = *x;
                have_target = true;
            }
        } else if (key == "band") {
            auto x = number(value, kat, problems);
            if (x && !(*x > 0)) {
                problems.add(kat, "the band must be more than 0: how far short of the target "
                                  "the score reaches 0");
                x.reset();
            }
            ok = ok && x;
            if (x) {
                r.band = *x;
                have_band = true;
            }
        } else if (key == "weight") {
            auto x = number(value, kat, problems);
            if (x && !(*x > 0 && *x <= 1)) {
                problems.add(kat, "a weight lies in (0, 1]");
                x.reset();
            }
            ok = ok && x;
            if (x) {
                r.weight = *x;
                weighted = true;
            }
        } else if (key == "description") {
            if (value.is_string())
                r.description = value.get<std::string>();
            else {
                problems.add(kat, "expected a string");
                ok = false;
            }
        } else {
            problems.add(kat, "unknown key; expected metric, direction, target, band, weight or "
                              "description");
            ok = false;
        }
    }
    if (!have_metric) {
        if (!v.contains("metric"))
            problems.add(at, "a metric row needs its metric");
        return false;
    }
    const MetricName* n = find_metric(r.metric);
    if (!n) // a metric was found by name, so it has a row; kept for the compiler's sake
        return false;
    r.direction = n->natural;
    if (stated && *stated != n->natural) {
        problems.add(direction_at, std::string(n->name) + " is better " +
                                       (n->natural == Better::higher ? "higher" : "lower") +
                                       "; the direction stated would reward the opposite");
        ok = false;
    }
    if (!have_target && !v.contains("target")) {
        problems.add(at, "a metric row needs its target");
        ok = false;
    }
    if (!have_band && !v.contains("band")) {
        problems.add(at, "a metric row needs its band");
        ok = false;
    }
    if (have_target && n->share && !(r.target >= 0 && r.target <= 1)) {
        problems.add(pointer_join(at, "target"),
                     std::string(n->name) + " is a share: its target lies in [0, 1]");
        ok = false;
    }
    if (have_target && !n->share && r.target < 0) {
        problems.add(pointer_join(at, "target"), "the target must not be negative");
        ok = false;
    }
    return ok;
}

} // namespace

std::string_view to_string(StaffMetric m) noexcept {
    const MetricName* n = find_metric(m);
    return n ? n->name : std::string_view();
}

std::optional<StaffMetric> staff_metric_from_string(std::string_view name) noexcept {
    for (const MetricName& n : metric_names)
        if (n.name == name)
            return n.metric;
    return std::nullopt;
}

Better natural_direction(StaffMetric m) noexcept {
    const MetricName* n = find_metric(m);
    return n ? n->natural : Better::higher;
}

std::string PerformanceScheme::to_json() const {
    Json j = Json::object();
    const detail::DisposeOnExit guard(j);
    j["description"] = description;
    Json& ms = j["metrics"];
    ms = Json::array();
    for (const MetricRule& r : metrics) {
        Json& m = ms.emplace_back(Json::object());
        m["metric"] = r.name;
        m["direction"] = r.direction == Better::higher ? "higher" : "lower";
        m["target"] = r.target;
        m["band"] = r.band;
        m["weight"] = r.weight;
        m["description"] = r.description;
    }
    if (ahp)
        detail::ahp_json(j["ahp"], *ahp);
    return j.dump();
}

namespace detail {

std::optional<PerformanceScheme> read_performance(const Json& v, Problems& problems,
                                                  std::vector<Warning>& warnings) {
    const std::string base = "/performance";
    if (!v.is_object()) {
        problems.add(base, "expected an object: {description, metrics, ahp}");
        return std::nullopt;
    }
    PerformanceScheme s;
    const Json* metrics = nullptr;
    const Json* ahp = nullptr;
    for (const auto& [key, value] : v.items()) {
        const std::string at = pointer_join(base, key);
        if (key == "description") {
            if (value.is_string())
                s.description = value.get<std::string>();
            else
                problems.add(at, "expected a string");
        } else if (key == "metrics") {
            metrics = &value;
        } else if (key == "ahp") {
            ahp = &value;
        } else {
            problems.add(at, "unknown key; expected description, metrics or ahp");
        }
    }
    const std::string mat = pointer_join(base, "metrics");
    if (!metrics) {
        problems.add(base, "a performance section needs its metrics");
        return std::nullopt;
    }
    if (!metrics->is_array() || metrics->empty() || metrics->size() > max_metrics) {
        problems.add(mat, "expected a list of 1 to " + std::to_string(max_metrics) + " metrics");
        return std::nullopt;
    }
    bool ok = true, weighted = false;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < metrics->size(); ++i) {
        MetricRule r{};
        bool w = false;
        const std::string at = pointer_join(mat, i);
        if (!read_metric((*metrics)[i], at, problems, r, w)) {
            ok = false;
            continue;
        }
        if (!seen.insert(r.name).second) {
            problems.add(pointer_join(at, "metric"),
                         "the metric " + quote(r.name) + " is scored twice");
            ok = false;
        }
        if (w && ahp) {
            problems.add(pointer_join(at, "weight"),
                         "give the weights one way: on each metric, or as an ahp matrix");
            ok = false;
        }
        if (!w && !ahp) {
            problems.add(at, "a metric row needs its weight (or the section an ahp matrix)");
            ok = false;
        }
        weighted = weighted || w;
        s.metrics.push_back(std::move(r));
    }
    if (!ok)
        return std::nullopt;
    if (ahp) {
        std::vector<std::string> names;
        for (const MetricRule& r : s.metrics)
            names.push_back(r.name);
        s.ahp = read_ahp(*ahp, pointer_join(base, "ahp"), names, "metrics", problems, warnings);
        if (!s.ahp)
            return std::nullopt;
        for (std::size_t i = 0; i < s.metrics.size(); ++i)
            s.metrics[i].weight = s.ahp->weights[i];
    } else {
        double sum = 0;
        for (const MetricRule& r : s.metrics)
            sum += r.weight;
        if (std::fabs(sum - 1) > 1e-6) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.6g", sum);
            problems.add(mat, std::string("the weights sum to ") + buf + "; they must sum to 1");
            return std::nullopt;
        }
    }
    return s;
}

} // namespace detail

PLAINT_END_NAMESPACE
