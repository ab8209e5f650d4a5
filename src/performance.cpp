// Staff performance (performance.hpp, DOMAIN.md §8 绩效考核): one pass over the ledger's cases of
// the period, grouped by the handler or team that owns each, with the report's definitions of
// response and resolution times (report_detail.hpp) and the satisfaction module's intervals.
#include "plaint/performance.hpp"

#include "json_write.hpp"
#include "report_detail.hpp"

#include "plaint/error.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

PLAINT_BEGIN_NAMESPACE

namespace {

struct Group {
    StaffFigures f;
    std::vector<double> first_response, resolution, answers;
    std::size_t reopened = 0, satisfied = 0, unsatisfied = 0;
    std::unordered_map<std::string, std::size_t> target_rows;
};

satisfaction::Share share_of(std::size_t successes, std::size_t n, double confidence) {
    const satisfaction::Interval i = satisfaction::wilson(successes, n, confidence);
    return {n ? static_cast<double>(successes) / static_cast<double>(n) : detail::nan, successes, n,
            i.low, i.high};
}

bool is_end(State s) {
    return s == State::closed || s == State::explained;
}

} // namespace

std::vector<StaffFigures> staff_performance(const Ledger& ledger, const PerformanceOptions& o,
                                            const SurveyResponses* surveys) {
    if (o.from >= o.to)
        throw error(errc::invalid_argument, "the period's start must be before its end");
    if (!(o.confidence > 0 && o.confidence < 1))
        throw error(errc::invalid_argument, "confidence must lie in (0, 1)");
    if (o.by != StaffBy::handler && o.by != StaffBy::team)
        throw error(errc::invalid_argument,
                    "unknown staff grouping " + std::to_string(static_cast<int>(o.by)));
    const Instant as_of = o.as_of.value_or(o.to);
    std::map<std::string, Group> groups;                  // by id: "" first
    std::unordered_map<std::string_view, Group*> by_case; // complaint id -> its group
    std::vector<EventBrief> ev;
    std::vector<ClockBrief> clocks, at_escalation;
    const PolicySet& policies = ledger.profile().policies();

    for (std::size_t ci = 0; ci < ledger.size(); ++ci) {
        const ComplaintView v = ledger.view(ci);
        if (v.received < o.from || v.received >= o.to)
            continue;
        const std::string_view key = o.by == StaffBy::handler ? v.handler : v.team;
        Group& g = groups[std::string(key)];
        g.f.id = std::string(key);
        by_case.emplace(v.id, &g);
        ++g.f.cases;
        const auto k = static_cast<std::size_t>(v.kind) - 1;
        ++g.f.cases_by_kind[k];
        ledger.events_brief(ci, ev);
        // The state as of `as_of`: the last event's then (ledger views give the latest).
        State state = State::received;
        bool reopened = false;
        detail::ResponseTimes t;
        for (const EventBrief& e : ev) {
            if (e.at > as_of)
                break;
            t.see(e);
            switch (e.type) {
            case EventType::reopen:
                reopened = true;
                break;
            case EventType::satisfied:
                ++g.satisfied;
                break;
            case EventType::unsatisfied:
                ++g.unsatisfied;
                break;
            case EventType::escalate: {
                ledger.clocks_brief(ci, e.at, at_escalation);
                const bool breached = std::any_of(
                    at_escalation.begin(), at_escalation.end(), [](const ClockBrief& c) {
                        return c.state == ClockState::breached && !c.stopped;
                    });
                g.f.breach_escalations += breached ? 1 : 0;
                break;
            }
            default:
                break;
            }
        }
        // The state as of `as_of`: the view's when nothing came after, else read off the log.
        if (v.last_event_at <= as_of) {
            state = v.state;
        } else {
            const Complaint c = ledger.complaint(ci, true);
            for (const Event& e : c.events())
                if (e.at <= as_of)
                    state = e.to;
        }
        if (is_end(state)) {
            ++g.f.closed;
            ++g.f.closed_by_kind[k];
        }
        g.reopened += reopened ? 1 : 0;
        if (t.responded)
            g.first_response.push_back(static_cast<double>(*t.responded - v.received));
        if (t.resolved)
            g.resolution.push_back(static_cast<double>(*t.resolved - v.received));

        if (v.sla_policy.empty())
            continue;
        const Policy* policy = policies.find(v.sla_policy);
        ledger.clocks_brief(ci, as_of, clocks);
        for (const ClockBrief& c : clocks) {
            if (!policy || c.target >= policy->targets.size() ||
                (c.state != ClockState::met && c.state != ClockState::breached))
                continue;
            const std::string& name = policy->targets[c.target].name;
            auto [it, added] = g.target_rows.emplace(name, g.f.sla.size());
            if (added)
                g.f.sla.push_back({name, 0, 0, {}});
            TargetShare& s = g.f.sla[it->second];
            (c.state == ClockState::met ? s.met : s.breached) += 1;
        }
    }

    // Satisfaction: the overall answers (1 to 5) of the responses about the period's cases.
    if (surveys) {
        const auto q = std::find(surveys->questions.begin(), surveys->questions.end(), o.overall);
        if (q != surveys->questions.end()) {
            const auto& answers =
                surveys->answers[static_cast<std::size_t>(q - surveys->questions.begin())];
            for (std::size_t r = 0; r < surveys->size(); ++r) {
                auto it = by_case.find(surveys->complaint_id[r]);
                if (it == by_case.end() || answers[r] < 1 || answers[r] > 5)
                    continue;
                it->second->answers.push_back(answers[r]);
            }
        }
    }

    std::vector<StaffFigures> out;
    out.reserve(groups.size());
    for (auto& [id, g] : groups) {
        StaffFigures& f = g.f;
        for (TargetShare& s : f.sla)
            s.share_met = share_of(s.met, s.met + s.breached, o.confidence);
        f.first_response = detail::durations(g.first_response);
        f.resolution = detail::durations(g.resolution);
        f.reopened = share_of(g.reopened, f.cases, o.confidence);
        f.unsatisfied_visits = share_of(g.unsatisfied, g.satisfied + g.unsatisfied, o.confidence);
        f.satisfaction =
            satisfaction::mean(g.answers.data(), g.answers.size(), {1, 5}, o.confidence);
        f.csat = satisfaction::csat(g.answers.data(), g.answers.size(),
                                    satisfaction::default_satisfied, {1, 5}, o.confidence);
        f.small_sample = f.cases < o.small_sample;
        out.push_back(std::move(f));
    }
    return out;
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

std::string to_json(const std::vector<StaffFigures>& figures) {
    std::string o = "[";
    for (const StaffFigures& f : figures) {
        if (o.size() > 1)
            o += ',';
        o += '{';
        detail::json_key(o, "id");
        detail::json_text(o, f.id);
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
    return o + "]";
}

PLAINT_END_NAMESPACE
