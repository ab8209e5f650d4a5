// Staff performance (performance.hpp, DOMAIN.md §8 绩效考核): one pass over the ledger's cases of
// the period, grouped by the handler or team that owns each, with the report's definitions of
// response and resolution times (report_detail.hpp) and the satisfaction module's intervals.
#include "plaint/performance.hpp"

#include "json_write.hpp"
#include "performance_detail.hpp"
#include "report_detail.hpp"

#include "plaint/error.hpp"
#include "plaint/workflow.hpp"

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/chi_squared.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

PLAINT_BEGIN_NAMESPACE

namespace detail {
// One handler's or team's tally (StaffTally).
struct Group {
    StaffFigures f;
    std::vector<double> first_response, resolution, answers;
    std::size_t reopened = 0, satisfied = 0, unsatisfied = 0;
    std::vector<std::uint32_t> target_rows;   // a target's global id -> its row in f.sla + 1
    std::array<std::size_t, 5> by_category{}; // cases by category, enum order
};
} // namespace detail

namespace {

using detail::ResponseTimes;

satisfaction::Share share_of(std::size_t successes, std::size_t n, double confidence) {
    const satisfaction::Interval i = satisfaction::wilson(successes, n, confidence);
    return {n ? static_cast<double>(successes) / static_cast<double>(n) : detail::nan, successes, n,
            i.low, i.high};
}

bool is_end(State s) {
    return s == State::closed || s == State::explained;
}

// The figures of durations `v` with the t interval of the mean and the distribution-free
// interval of the 90th percentile: the order statistics x(l) and x(u) (1-based) with
// P(l ≤ B < u) ≥ confidence for B ~ Binomial(n, 0.9), the number of durations below the
// percentile; an end with no order statistic to give it stays NaN. The median and the 90th
// percentile are detail::durations' (type 7); every order statistic wanted is selected in
// ascending rank, each selection over what lies above the one before (about 2n, not 5n, moves).
DurationFigures durations_with_intervals(std::vector<double>& v, double confidence) {
    const std::size_t n = v.size();
    if (n == 0)
        return detail::durations(v);
    DurationFigures d;
    d.n = n;
    // The mean as satisfaction::mean_duration sums it; no time is negative (an event is never
    // earlier than the one before it, the first being the receipt).
    double sum = 0;
    for (double x : v)
        sum += x;
    const double dn = static_cast<double>(n);
    d.mean = sum / dn;
    if (n >= 2) {
        double ss = 0;
        for (double x : v)
            ss += (x - d.mean) * (x - d.mean);
        const double half =
            satisfaction::t_quantile(0.5 + confidence / 2, dn - 1) * std::sqrt(ss / (dn - 1) / dn);
        d.mean_low = d.mean - half;
        d.mean_high = d.mean + half;
    }
    // x(l) lies above the percentile when B < l, x(u) below it when B ≥ u: l is the largest with
    // P(B ≤ l − 1) ≤ tail (0: none), u the smallest with P(B ≥ u) ≤ tail (n + 1: none); both by
    // bisection on the monotone distribution function, a few dozen evaluations.
    const double tail = (1 - confidence) / 2;
    const boost::math::binomial_distribution<double> b(dn, 0.9);
    std::size_t lo = 0, hi = n; // l = the first k with P(B ≤ k) > tail, in [0, n]
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (boost::math::cdf(b, static_cast<double>(mid)) <= tail)
            lo = mid + 1;
        else
            hi = mid;
    }
    const std::size_t l = lo;
    lo = 1;
    hi = n + 1; // u = the first in [1, n + 1] with P(B ≥ u) = 1 − P(B ≤ u − 1) ≤ tail
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (boost::math::cdf(boost::math::complement(b, static_cast<double>(mid - 1))) <= tail)
            hi = mid;
        else
            lo = mid + 1;
    }
    const std::size_t u = lo;

    // The 0-based ranks wanted, selected in ascending order.
    const double h50 = (dn - 1) * 50 / 100, h90 = (dn - 1) * 90 / 100;
    const auto r50 = static_cast<std::size_t>(std::floor(h50));
    const auto r90 = static_cast<std::size_t>(std::floor(h90));
    std::vector<std::size_t> ranks = {r50, r90};
    if (r50 + 1 < n)
        ranks.push_back(r50 + 1);
    if (r90 + 1 < n)
        ranks.push_back(r90 + 1);
    if (l >= 1)
        ranks.push_back(l - 1);
    if (u <= n)
        ranks.push_back(u - 1);
    std::sort(ranks.begin(), ranks.end());
    ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
    std::size_t from = 0;
    for (std::size_t r : ranks) {
        std::nth_element(v.begin() + static_cast<std::ptrdiff_t>(from),
                         v.begin() + static_cast<std::ptrdiff_t>(r), v.end());
        from = r + 1;
    }
    const auto type7 = [&](double h, std::size_t r) {
        return r + 1 < n ? v[r] + (h - static_cast<double>(r)) * (v[r + 1] - v[r]) : v[r];
    };
    d.p50 = type7(h50, r50);
    d.p90 = type7(h90, r90);
    if (l >= 1)
        d.p90_low = v[l - 1];
    if (u <= n)
        d.p90_high = v[u - 1];
    return d;
}

// The exact Poisson interval of a count k: [χ²(α/2; 2k)/2, χ²(1 − α/2; 2k + 2)/2].
satisfaction::Interval poisson(std::size_t k, double confidence) {
    const double tail = (1 - confidence) / 2;
    const double dk = static_cast<double>(k);
    const double low =
        k ? boost::math::quantile(boost::math::chi_squared_distribution<double>(2 * dk), tail) / 2
          : 0.0;
    const double high =
        boost::math::quantile(boost::math::chi_squared_distribution<double>(2 * dk + 2), 1 - tail) /
        2;
    return {low, high};
}

} // namespace

namespace detail {

void check_options(const PerformanceOptions& o) {
    if (o.from >= o.to)
        throw error(errc::invalid_argument, "the period's start must be before its end");
    if (!(o.confidence > 0 && o.confidence < 1))
        throw error(errc::invalid_argument, "confidence must lie in (0, 1)");
    if (o.kind) // an unknown code: out_of_range, naming the enumeration
        (void)checked_from_code<Kind>(static_cast<std::int32_t>(*o.kind));
    if (o.by != StaffBy::handler && o.by != StaffBy::team)
        throw error(errc::invalid_argument,
                    "unknown staff grouping " + std::to_string(static_cast<int>(o.by)));
}

struct StaffTally::Groups {
    std::map<std::string, Group> by_id; // "" first
    // Owner ids as the ledger's views give them (interned: one pointer per id), to their group.
    std::unordered_map<std::string_view, Group*, ViewHash, ViewSame> cache;
    std::vector<std::pair<std::string_view, Group*>> recent; // the first 16 owners met
    std::vector<Group*> by_case; // case index -> its group, when counted
};

std::size_t StaffTally::ViewHash::operator()(std::string_view s) const noexcept {
    return std::hash<const void*>()(s.data()) ^ (s.size() * 0x9E3779B97F4A7C15u);
}
bool StaffTally::ViewSame::operator()(std::string_view a, std::string_view b) const noexcept {
    return a.data() == b.data() && a.size() == b.size();
}

StaffTally::StaffTally(const Ledger& ledger, const PerformanceOptions& o, bool teams, bool handlers,
                       bool unowned_handlers)
    : ledger_(ledger), o_(o), as_of_(o.as_of.value_or(o.to)), unowned_handlers_(unowned_handlers) {
    check_options(o);
    for (std::size_t gi = 0; gi < 2; ++gi)
        if (gi == 0 ? teams : handlers) {
            groups_[gi] = std::make_unique<Groups>();
            groups_[gi]->recent.reserve(16);
        }
}

StaffTally::~StaffTally() = default;

bool StaffTally::wants(const ComplaintView& v) const noexcept {
    return v.received >= o_.from && v.received < o_.to && (!o_.kind || v.kind == *o_.kind);
}

const std::vector<std::uint32_t>& StaffTally::targets_of(std::string_view policy) {
    // A profile has few policies: a scan, the views' pointers first (the ledger's names).
    for (const auto& [name, ids] : policy_targets_)
        if (name.data() == policy.data() && name.size() == policy.size())
            return ids;
    for (const auto& [name, ids] : policy_targets_)
        if (name == policy)
            return ids;
    std::vector<std::uint32_t> ids;
    if (const Policy* p = ledger_.profile().policies().find(policy))
        for (const Target& t : p->targets) {
            auto n = std::find(target_names_.begin(), target_names_.end(), t.name);
            ids.push_back(static_cast<std::uint32_t>(n - target_names_.begin()));
            if (n == target_names_.end())
                target_names_.push_back(t.name);
        }
    policy_targets_.emplace_back(policy, std::move(ids));
    return policy_targets_.back().second;
}

void StaffTally::add(std::size_t ci, const ComplaintView& v, const std::vector<EventBrief>& ev,
                     const std::vector<ClockBrief>* clocks) {
    staffed_ = staffed_ || !v.team.empty() || !v.handler.empty();
    // What the case brings, the same for every grouping.
    State state = State::received;
    bool reopened = false, replayed = true;
    const bool settled = v.last_event_at <= as_of_;
    std::size_t satisfied = 0, unsatisfied = 0, breach_escalations = 0;
    ResponseTimes t;
    for (const EventBrief& e : ev) {
        if (e.at > as_of_)
            break;
        t.see(e);
        // The state as of `as_of` by the kind's table (views give the latest state), when
        // events came after it.
        if (!settled && e.type != EventType::receive) {
            if (auto next = transition(v.kind, state, e.type))
                state = *next;
            else
                replayed = false;
        }
        switch (e.type) {
        case EventType::reopen:
            reopened = true;
            break;
        case EventType::satisfied:
            ++satisfied;
            break;
        case EventType::unsatisfied:
            ++unsatisfied;
            break;
        case EventType::escalate: {
            ledger_.clocks_brief(ci, e.at, at_escalation_);
            if (std::any_of(at_escalation_.begin(), at_escalation_.end(), [](const ClockBrief& c) {
                    return c.state == ClockState::breached && !c.stopped;
                }))
                ++breach_escalations;
            break;
        }
        default:
            break;
        }
    }
    if (settled) {
        state = v.state;
    } else if (!replayed) { // an event the table did not take: read the log itself
        const Complaint c = ledger_.complaint(ci, true);
        state = State::received;
        for (const Event& e : c.events())
            if (e.at <= as_of_)
                state = e.to;
    }
    const std::vector<std::uint32_t>* ids =
        clocks && !v.sla_policy.empty() ? &targets_of(v.sla_policy) : nullptr;
    const auto k = static_cast<std::size_t>(v.kind) - 1;

    for (std::size_t gi = 0; gi < 2; ++gi) {
        if (!groups_[gi])
            continue;
        Groups& gs = *groups_[gi];
        const std::string_view key = gi == 0 ? v.team : v.handler;
        if (key.empty() && gi == 1 && !unowned_handlers_)
            continue;
        // A few owners are found by a scan of the latest ones, more by a hash of the view.
        Group* found = nullptr;
        for (const auto& [seen, grp] : gs.recent)
            if (seen.data() == key.data() && seen.size() == key.size()) {
                found = grp;
                break;
            }
        if (!found) {
            auto hit = gs.cache.find(key);
            if (hit == gs.cache.end()) {
                Group& made = gs.by_id[std::string(key)];
                made.f.id = std::string(key);
                hit = gs.cache.emplace(key, &made).first;
            }
            found = hit->second;
            if (gs.recent.size() < gs.recent.capacity())
                gs.recent.emplace_back(key, found);
        }
        Group& g = *found;
        if (gs.by_case.empty())
            gs.by_case.assign(ledger_.size(), nullptr);
        if (ci < gs.by_case.size())
            gs.by_case[ci] = &g;
        ++g.f.cases;
        ++g.f.cases_by_kind[k];
        const auto cat = static_cast<std::size_t>(v.category);
        if (cat >= 1 && cat <= g.by_category.size())
            ++g.by_category[cat - 1];
        if (is_end(state)) {
            ++g.f.closed;
            ++g.f.closed_by_kind[k];
        }
        g.reopened += reopened ? 1 : 0;
        g.satisfied += satisfied;
        g.unsatisfied += unsatisfied;
        g.f.breach_escalations += breach_escalations;
        if (t.responded)
            g.first_response.push_back(static_cast<double>(*t.responded - v.received));
        if (t.resolved)
            g.resolution.push_back(static_cast<double>(*t.resolved - v.received));
        if (!ids)
            continue;
        for (const ClockBrief& c : *clocks) {
            if (c.target >= ids->size() ||
                (c.state != ClockState::met && c.state != ClockState::breached))
                continue;
            const std::uint32_t id = (*ids)[c.target];
            if (g.target_rows.size() <= id)
                g.target_rows.resize(id + 1, 0);
            if (!g.target_rows[id]) {
                g.f.sla.push_back({target_names_[id], 0, 0, {}});
                g.target_rows[id] = static_cast<std::uint32_t>(g.f.sla.size());
            }
            TargetShare& s = g.f.sla[g.target_rows[id] - 1];
            (c.state == ClockState::met ? s.met : s.breached) += 1;
        }
    }
}

std::vector<StaffFigures> StaffTally::finish(StaffBy by, const SurveyResponses* surveys,
                                             std::vector<std::array<std::size_t, 5>>* categories) {
    const std::size_t gi = by == StaffBy::team ? 0 : 1;
    if (!groups_[gi])
        throw error(errc::invalid_argument, "no figures were tallied for this grouping");
    Groups& gs = *groups_[gi];
    // Satisfaction: the overall answers (1 to 5) of the responses about the period's cases.
    if (surveys && !gs.by_case.empty()) {
        const auto q = std::find(surveys->questions.begin(), surveys->questions.end(), o_.overall);
        if (q != surveys->questions.end()) {
            const auto& answers =
                surveys->answers[static_cast<std::size_t>(q - surveys->questions.begin())];
            // The responses' cases, found once for every grouping.
            if (surveys != joined_) {
                survey_cases_.clear();
                for (std::size_t r = 0; r < surveys->size(); ++r) {
                    const auto ci = ledger_.find(surveys->complaint_id[r]);
                    survey_cases_.push_back(ci ? *ci : SIZE_MAX);
                }
                joined_ = surveys;
            }
            for (std::size_t r = 0; r < surveys->size(); ++r) {
                const std::size_t ci = survey_cases_[r];
                Group* g = ci < gs.by_case.size() ? gs.by_case[ci] : nullptr;
                if (!g || answers[r] < 1 || answers[r] > 5)
                    continue;
                g->answers.push_back(answers[r]);
            }
        }
    }
    std::vector<StaffFigures> out;
    out.reserve(gs.by_id.size());
    for (auto& [id, g] : gs.by_id) {
        StaffFigures& f = g.f;
        for (TargetShare& s : f.sla)
            s.share_met = share_of(s.met, s.met + s.breached, o_.confidence);
        f.first_response = durations_with_intervals(g.first_response, o_.confidence);
        f.resolution = durations_with_intervals(g.resolution, o_.confidence);
        f.reopened = share_of(g.reopened, f.cases, o_.confidence);
        f.unsatisfied_visits = share_of(g.unsatisfied, g.satisfied + g.unsatisfied, o_.confidence);
        f.satisfaction =
            satisfaction::mean(g.answers.data(), g.answers.size(), {1, 5}, o_.confidence);
        f.csat = satisfaction::csat(g.answers.data(), g.answers.size(),
                                    satisfaction::default_satisfied, {1, 5}, o_.confidence);
        f.small_sample = f.cases < o_.small_sample;
        if (categories)
            categories->push_back(g.by_category);
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace detail

std::vector<StaffFigures> staff_performance(const Ledger& ledger, const PerformanceOptions& o,
                                            const SurveyResponses* surveys) {
    detail::StaffTally tally(ledger, o, o.by == StaffBy::team, o.by == StaffBy::handler);
    const Instant as_of = o.as_of.value_or(o.to);
    std::vector<EventBrief> ev;
    std::vector<ClockBrief> clocks;
    for (std::size_t ci = 0; ci < ledger.size(); ++ci) {
        const ComplaintView v = ledger.view(ci);
        if (!tally.wants(v))
            continue;
        ledger.events_brief(ci, ev);
        const bool timed = !v.sla_policy.empty();
        if (timed)
            ledger.clocks_brief(ci, as_of, clocks);
        tally.add(ci, v, ev, timed ? &clocks : nullptr);
    }
    return tally.finish(o.by, surveys);
}

namespace {

void share_json(std::string& o, const char* key, const satisfaction::Share& s) {
    detail::json_key(o, key);
    o += '{';
    detail::json_field(o, "value", s.value);
    detail::json_field(o, "successes", s.successes);
    detail::json_field(o, "n", s.n);
    detail::json_field(o, "low", s.low);
    detail::json_field(o, "high", s.high);
    o += '}';
}

void duration_json(std::string& o, const char* key, const DurationFigures& d) {
    detail::json_key(o, key);
    o += '{';
    detail::json_field(o, "n", d.n);
    detail::json_field(o, "mean_s", d.mean);
    detail::json_field(o, "p50_s", d.p50);
    detail::json_field(o, "p90_s", d.p90);
    detail::json_field(o, "mean_low_s", d.mean_low);
    detail::json_field(o, "mean_high_s", d.mean_high);
    detail::json_field(o, "p90_low_s", d.p90_low);
    detail::json_field(o, "p90_high_s", d.p90_high);
    o += '}';
}

void kinds_json(std::string& o, const char* key, const std::array<std::size_t, 5>& counts) {
    detail::json_key(o, key);
    o += '{';
    for (std::size_t k = 0; k < counts.size(); ++k)
        detail::json_field(o, std::string(to_string(static_cast<Kind>(k + 1))).c_str(), counts[k]);
    o += '}';
}

} // namespace

namespace detail {

void staff_figures_json(std::string& o, const StaffFigures& f, const std::string* name) {
    o += '{';
    detail::json_key(o, "id");
    detail::json_text(o, f.id);
    if (name) {
        detail::json_key(o, "name");
        detail::json_text(o, *name);
    }
    detail::json_field(o, "cases", f.cases);
    detail::json_field(o, "closed", f.closed);
    kinds_json(o, "cases_by_kind", f.cases_by_kind);
    kinds_json(o, "closed_by_kind", f.closed_by_kind);
    detail::json_key(o, "sla");
    o += '[';
    for (std::size_t i = 0; i < f.sla.size(); ++i) {
        const TargetShare& s = f.sla[i];
        o += i ? ",{" : "{";
        detail::json_key(o, "target");
        detail::json_text(o, s.target);
        detail::json_field(o, "met", s.met);
        detail::json_field(o, "breached", s.breached);
        detail::json_field(o, "share_met", s.share_met.value);
        detail::json_field(o, "share_low", s.share_met.low);
        detail::json_field(o, "share_high", s.share_met.high);
        o += '}';
    }
    o += ']';
    duration_json(o, "first_response", f.first_response);
    duration_json(o, "resolution", f.resolution);
    share_json(o, "reopened", f.reopened);
    share_json(o, "unsatisfied_visits", f.unsatisfied_visits);
    detail::json_field(o, "breach_escalations", f.breach_escalations);
    detail::json_key(o, "satisfaction");
    o += '{';
    detail::json_field(o, "mean", f.satisfaction.value);
    detail::json_field(o, "n", f.satisfaction.n);
    detail::json_field(o, "low", f.satisfaction.low);
    detail::json_field(o, "high", f.satisfaction.high);
    o += '}';
    share_json(o, "csat", f.csat);
    detail::json_key(o, "small_sample");
    o += f.small_sample ? "true" : "false";
    o += '}';
}

} // namespace detail

namespace {

// A JSON array of `items`, each written by `write(o, item)`.
template <class T, class W>
std::string json_array(const std::vector<T>& items, W write) {
    std::string o = "[";
    for (const T& item : items) {
        if (o.size() > 1)
            o += ',';
        write(o, item);
    }
    return o + "]";
}

} // namespace

std::string to_json(const std::vector<StaffFigures>& figures) {
    return json_array(
        figures, [](std::string& o, const StaffFigures& f) { detail::staff_figures_json(o, f); });
}

// ---- scoring ----

namespace {

struct Figure {
    double value = detail::nan, low = detail::nan, high = detail::nan;
};

Figure share_figure(std::size_t successes, std::size_t n, double confidence) {
    if (n == 0)
        return {};
    const satisfaction::Interval i = satisfaction::wilson(successes, n, confidence);
    return {static_cast<double>(successes) / static_cast<double>(n), i.low, i.high};
}

Figure figure_of(const StaffFigures& f, const MetricRule& r, double confidence) {
    constexpr double hour = 3600;
    switch (r.metric) {
    case StaffMetric::closed_share:
        return share_figure(f.closed, f.cases, confidence);
    case StaffMetric::sla_met: {
        std::size_t met = 0, all = 0;
        for (const TargetShare& t : f.sla)
            if (r.target_name.empty() || t.target == r.target_name) {
                met += t.met;
                all += t.met + t.breached;
            }
        return share_figure(met, all, confidence);
    }
    case StaffMetric::first_response_mean_h:
        return {f.first_response.mean / hour, f.first_response.mean_low / hour,
                f.first_response.mean_high / hour};
    case StaffMetric::first_response_p90_h:
        return {f.first_response.p90 / hour, f.first_response.p90_low / hour,
                f.first_response.p90_high / hour};
    case StaffMetric::resolution_mean_h:
        return {f.resolution.mean / hour, f.resolution.mean_low / hour,
                f.resolution.mean_high / hour};
    case StaffMetric::resolution_p90_h:
        return {f.resolution.p90 / hour, f.resolution.p90_low / hour, f.resolution.p90_high / hour};
    case StaffMetric::reopen_rate:
        return {f.reopened.value, f.reopened.low, f.reopened.high};
    case StaffMetric::unsatisfied_visit_rate:
        return {f.unsatisfied_visits.value, f.unsatisfied_visits.low, f.unsatisfied_visits.high};
    case StaffMetric::breach_escalations_per_case: {
        if (f.cases == 0)
            return {};
        const double n = static_cast<double>(f.cases);
        const satisfaction::Interval i = poisson(f.breach_escalations, confidence);
        return {static_cast<double>(f.breach_escalations) / n, i.low / n, i.high / n};
    }
    case StaffMetric::satisfaction_mean:
        return {f.satisfaction.value, f.satisfaction.low, f.satisfaction.high};
    case StaffMetric::csat:
        return {f.csat.value, f.csat.low, f.csat.high};
    }
    return {};
}

// 0–100: full at the target or better, 0 at `band` short of it; NaN for an unknown value.
double score_at(const MetricRule& r, double v) {
    if (std::isnan(v))
        return detail::nan;
    const double shortfall = r.direction == Better::higher ? r.target - v : v - r.target;
    return 100 * std::clamp(1 - std::max(0.0, shortfall) / r.band, 0.0, 1.0);
}

} // namespace

std::vector<StaffScore> score_performance(const std::vector<StaffFigures>& figures,
                                          const PerformanceScheme& scheme, double confidence) {
    if (!(confidence > 0 && confidence < 1))
        throw error(errc::invalid_argument, "confidence must lie in (0, 1)");
    std::vector<StaffScore> out;
    out.reserve(figures.size());
    for (const StaffFigures& f : figures) {
        StaffScore s;
        s.id = f.id;
        s.cases = f.cases;
        s.small_sample = f.small_sample;
        double present = 0, points = 0;
        for (const MetricRule& r : scheme.metrics) {
            const Figure x = figure_of(f, r, confidence);
            MetricScore m{r.name, x.value, x.low,    x.high, detail::nan,
                          0,      100,     r.weight, 0,      std::isnan(x.value)};
            if (!m.missing) {
                m.score = score_at(r, x.value);
                // The interval's worse and better ends; an end it lacks is unknown: 0 or 100.
                const double worse = r.direction == Better::higher ? x.low : x.high;
                const double better = r.direction == Better::higher ? x.high : x.low;
                m.score_low = std::isnan(worse) ? 0 : score_at(r, worse);
                m.score_high = std::isnan(better) ? 100 : score_at(r, better);
                present += r.weight;
                points += r.weight * m.score;
            }
            s.low += r.weight * m.score_low;
            s.high += r.weight * m.score_high;
            s.metrics.push_back(std::move(m));
        }
        s.score = present > 0 ? points / present : detail::nan;
        for (MetricScore& m : s.metrics)
            m.contribution = m.missing ? 0 : m.weight * m.score / present;
        s.ranked = !s.small_sample && !s.id.empty() && present > 0;
        out.push_back(std::move(s));
    }
    // Ranks as ranges: only another group's interval wholly above (below) moves one.
    std::size_t ranked = 0;
    for (const StaffScore& s : out)
        ranked += s.ranked ? 1 : 0;
    for (StaffScore& s : out) {
        if (!s.ranked)
            continue;
        std::size_t above = 0, below = 0;
        for (const StaffScore& t : out) {
            if (!t.ranked || &t == &s)
                continue;
            above += t.low > s.high ? 1 : 0;
            below += t.high < s.low ? 1 : 0;
        }
        s.rank_best = 1 + above;
        s.rank_worst = ranked - below;
    }
    return out;
}

std::vector<StaffScore> staff_scores(const Ledger& ledger, const PerformanceOptions& options,
                                     const SurveyResponses* surveys) {
    const PerformanceScheme* scheme = ledger.profile().performance();
    if (!scheme)
        throw error(errc::not_found, "the ledger's profile has no performance section to score by");
    return score_performance(staff_performance(ledger, options, surveys), *scheme,
                             options.confidence);
}

namespace detail {

void staff_score_json(std::string& o, const StaffScore& s) {
    o += '{';
    detail::json_key(o, "id");
    detail::json_text(o, s.id);
    detail::json_field(o, "cases", s.cases);
    detail::json_key(o, "small_sample");
    o += s.small_sample ? "true" : "false";
    detail::json_field(o, "score", s.score);
    detail::json_field(o, "low", s.low);
    detail::json_field(o, "high", s.high);
    detail::json_key(o, "ranked");
    o += s.ranked ? "true" : "false";
    detail::json_key(o, "rank_best");
    o += s.ranked ? std::to_string(s.rank_best) : "null";
    detail::json_key(o, "rank_worst");
    o += s.ranked ? std::to_string(s.rank_worst) : "null";
    detail::json_key(o, "metrics");
    o += '[';
    for (std::size_t i = 0; i < s.metrics.size(); ++i) {
        const MetricScore& m = s.metrics[i];
        o += i ? ",{" : "{";
        detail::json_key(o, "metric");
        detail::json_text(o, m.metric);
        detail::json_field(o, "value", m.value);
        detail::json_field(o, "low", m.low);
        detail::json_field(o, "high", m.high);
        detail::json_field(o, "score", m.score);
        detail::json_field(o, "score_low", m.score_low);
        detail::json_field(o, "score_high", m.score_high);
        detail::json_field(o, "weight", m.weight);
        detail::json_field(o, "contribution", m.contribution);
        detail::json_key(o, "missing");
        o += m.missing ? "true" : "false";
        o += '}';
    }
    o += "]}";
}

} // namespace detail

std::string to_json(const std::vector<StaffScore>& scores) {
    return json_array(scores, detail::staff_score_json);
}

PLAINT_END_NAMESPACE
