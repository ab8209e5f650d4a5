// The monthly report's figures (DOMAIN.md §4–6, issue 6 "The monthly report"): counts, main
// issues, SLA clocks, times, escalations, visits and quotas of a month of the ledger. The survey
// answers and their figures are in report_surveys.cpp; JSON, CSV and the text summary in
// report_formats.cpp; the HTML page in report_render.cpp.
#include "plaint/report.hpp"

#include "performance_detail.hpp"
#include "plaint/error.hpp"
#include "plaint/profile.hpp"
#include "report_detail.hpp"
#include "zone.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <unordered_map>

PLAINT_BEGIN_NAMESPACE

namespace detail {

// The type-7 percentile of `satisfaction::percentile` (Hyndman & Fan), found with two selections
// in linear time instead of a sort: a month of a million durations is sorted several times over
// otherwise, which alone took half the report's time. Reorders `v`.
double percentile_inplace(std::vector<double>& v, double percent) {
    if (v.empty())
        return nan;
    const double h = static_cast<double>(v.size() - 1) * percent / 100;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto at = v.begin() + static_cast<std::ptrdiff_t>(lo);
    std::nth_element(v.begin(), at, v.end());
    const double x0 = *at;
    if (lo + 1 >= v.size())
        return x0;
    const double x1 = *std::min_element(at + 1, v.end());
    return x0 + (h - static_cast<double>(lo)) * (x1 - x0);
}

DurationFigures durations(std::vector<double>& v) {
    DurationFigures d;
    d.n = v.size();
    d.mean = satisfaction::mean_duration(v.data(), v.size());
    d.p50 = percentile_inplace(v, 50);
    d.p90 = percentile_inplace(v, 90);
    return d;
}

std::string fixed(double v, int precision) {
    if (!std::isfinite(v))
        return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", precision, v);
    return buf;
}

std::string month_of_days(std::int64_t days) {
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04lld-%02u", static_cast<long long>(y), m);
    return buf;
}

std::string date_of_days(std::int64_t days) {
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return buf;
}

LocalClock::LocalClock(const std::string& name) : zone_(make_zone(name)) {}
LocalClock::~LocalClock() = default;

std::int64_t LocalClock::offset_at(Instant t) const {
    std::int64_t local = t + guess_;
    for (int i = 0; i < 4; ++i) {
        const Instant u = zone_->to_utc(local);
        if (u == t)
            break;
        local += t - u;
    }
    guess_ = local - t;
    return guess_;
}

Instant LocalClock::month_start(int year, unsigned month) const {
    return zone_->to_utc(days_from_civil(year, month, 1) * 86400);
}

namespace {

std::string profile_zone(const Profile& p) {
    std::vector<std::string> names;
    for (const auto& pn : p.policies().policy_names())
        for (const Target& t : p.policies().find(pn)->targets)
            names.push_back(t.calendar);
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
        const Calendar* c = p.policies().calendar(n);
        if (c && !c->spec().always_open)
            return c->spec().timezone;
    }
    return "UTC";
}

std::pair<int, unsigned> parse_month(std::string_view ym) {
    // Ledger::month_range validates the shape and the month.
    (void)Ledger::month_range(ym, 0);
    return {std::stoi(std::string(ym.substr(0, 4))),
            static_cast<unsigned>(std::stoi(std::string(ym.substr(5, 2))))};
}

template <class E>
std::vector<NamedCount> enum_counts(const std::size_t* counts, int lo, int hi) {
    std::vector<NamedCount> out;
    for (int c = lo; c <= hi; ++c)
        out.push_back(
            {std::string(to_string(static_cast<E>(c))), counts[static_cast<std::size_t>(c)]});
    return out;
}

std::vector<NamedCount> top_of(const std::unordered_map<std::string_view, std::size_t>& m,
                               std::size_t top) {
    std::vector<NamedCount> out;
    out.reserve(m.size());
    for (const auto& kv : m)
        out.push_back({std::string(kv.first), kv.second});
    std::sort(out.begin(), out.end(), [](const NamedCount& a, const NamedCount& b) {
        return a.count != b.count ? a.count > b.count : a.name < b.name;
    });
    if (out.size() > top)
        out.resize(top);
    return out;
}

} // namespace
} // namespace detail

// ---- the figures ----

std::string latest_month(const Ledger& ledger, const std::string& timezone) {
    if (ledger.size() == 0)
        return {};
    Instant latest = ledger.view(0).received;
    for (std::size_t i = 1; i < ledger.size(); ++i)
        latest = std::max(latest, ledger.view(i).received);
    detail::LocalClock clock(timezone.empty() ? detail::profile_zone(ledger.profile()) : timezone);
    const std::int64_t local = latest + clock.offset_at(latest);
    return detail::month_of_days(detail::floor_div(local, 86400));
}

MonthlyReport monthly_report(const Ledger& ledger, const ReportOptions& options,
                             const SurveyResponses* surveys) {
    using namespace detail;
    if (!(options.confidence > 0 && options.confidence < 1))
        throw error(errc::invalid_argument, "the confidence must lie in (0, 1)");
    if (!(options.csat_target >= 0 && options.csat_target <= 1))
        throw error(errc::invalid_argument, "the CSAT target must lie in [0, 1]");
    MonthlyReport rep;
    rep.timezone = options.timezone.empty() ? profile_zone(ledger.profile()) : options.timezone;
    const LocalClock clock(rep.timezone);
    rep.month = options.month.empty() ? latest_month(ledger, rep.timezone) : options.month;
    if (rep.month.empty())
        throw error(errc::invalid_argument, "no month given and the ledger is empty");
    const auto [year, mon] = parse_month(rep.month);
    const int pyear = mon == 1 ? year - 1 : year;
    const unsigned pmon = mon == 1 ? 12 : mon - 1;
    const int nyear = mon == 12 ? year + 1 : year;
    const unsigned nmon = mon == 12 ? 1 : mon + 1;
    {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02u", pyear, pmon);
        rep.previous = buf;
    }
    rep.from = clock.month_start(year, mon);
    rep.to = clock.month_start(nyear, nmon);
    const Instant prev_from = clock.month_start(pyear, pmon);
    rep.as_of = options.as_of.value_or(rep.to);
    rep.profile = ledger.profile().name();
    rep.confidence = options.confidence;
    rep.csat_target = options.csat_target;
    const std::int64_t off_from = clock.offset_at(rep.from);
    const bool one_offset = off_from == clock.offset_at(rep.to - 1);

    // Per-policy target maps: the report's SLA row of each target, and whether it is a repair.
    const PolicySet& set = ledger.profile().policies();
    struct PolicyMap {
        std::string_view name;
        std::vector<std::size_t> rows;
        bool repair = false;
    };
    std::vector<PolicyMap> pmaps;
    auto policy_map = [&](std::string_view name) -> const PolicyMap& {
        for (const auto& pm : pmaps)
            if (pm.name == name)
                return pm;
        PolicyMap pm;
        pm.name = name;
        if (const Policy* p = set.find(name))
            for (const Target& t : p->targets) {
                auto it = std::find_if(rep.sla.begin(), rep.sla.end(),
                                       [&](const TargetFigures& f) { return f.target == t.name; });
                if (it == rep.sla.end()) {
                    TargetFigures f;
                    f.target = t.name;
                    f.kind = t.kind;
                    rep.sla.push_back(f);
                    it = rep.sla.end() - 1;
                }
                pm.rows.push_back(static_cast<std::size_t>(it - rep.sla.begin()));
                if (t.kind == TargetKind::repair_completion ||
                    t.kind == TargetKind::repair_response)
                    pm.repair = true;
            }
        pmaps.push_back(std::move(pm));
        return pmaps.back();
    };

    std::array<std::size_t, 8> by_kind{}, by_channel{}, by_category{}, by_nature{}, by_severity{},
        esc_to{}, visit_method{}, visit_role{};
    std::unordered_map<std::string_view, std::size_t> building_index, subcats, tags;
    std::vector<std::array<std::size_t, 8>> bc_cells; // per building index, per category code
    std::vector<std::string_view> building_names;
    std::array<std::size_t, 7 * 24> wh{};
    std::vector<double> first_response, resolution, repair_times;
    std::vector<std::vector<double>> elapsed; // per SLA row
    std::vector<EventBrief> ev;
    std::vector<ClockBrief> clocks;
    std::vector<std::string_view> tagbuf;
    const RuleSet& rules = ledger.profile().rules();
    std::vector<std::string_view> contents; // scanned for keywords 256 at a time
    contents.reserve(256);
    std::vector<std::size_t> keyword_counts(rules.keywords().size());

    // The people's figures, tallied in this pass from the events and clocks read for the rest.
    PerformanceOptions staff;
    staff.from = rep.from;
    staff.to = rep.to;
    staff.as_of = rep.as_of;
    staff.confidence = options.confidence;
    staff.kind = options.kind;
    StaffTally tally(ledger, staff, true, true, false);

    const std::size_t n = ledger.size();
    first_response.reserve(n);
    resolution.reserve(n);
    for (std::size_t ci = 0; ci < n; ++ci) {
        const ComplaintView v = ledger.view(ci);
        if (v.received >= rep.to || (options.kind && v.kind != *options.kind))
            continue;
        const bool in_month = v.received >= rep.from;
        if (!in_month && v.received >= prev_from)
            ++rep.received_previous;
        if (!in_month && v.last_event_at < rep.from)
            continue; // nothing of it happened in the month
        ledger.events_brief(ci, ev);
        // Return visits and their outcomes made in the month, whatever the complaint's month.
        for (const EventBrief& e : ev) {
            if (e.at < rep.from || e.at >= rep.to)
                continue;
            if (e.type == EventType::visit) {
                ++rep.visits;
                ++visit_method[static_cast<std::size_t>(e.detail) & 7];
                ++visit_role[static_cast<std::size_t>(e.actor) & 7];
            } else if (e.type == EventType::satisfied) {
                ++rep.visits_satisfied;
            } else if (e.type == EventType::unsatisfied) {
                ++rep.visits_unsatisfied;
            }
        }
        if (!in_month)
            continue;

        ++rep.received;
        ++by_kind[static_cast<std::size_t>(v.kind) & 7];
        if (v.kind == Kind::complaint)
            ++rep.complaints;
        if (v.state != State::closed && v.state != State::explained)
            ++rep.open;
        ++by_channel[static_cast<std::size_t>(v.channel) & 7];
        ++by_category[static_cast<std::size_t>(v.category) & 7];
        ++by_nature[static_cast<std::size_t>(v.nature) & 7];
        ++by_severity[static_cast<std::size_t>(v.severity) & 7];
        auto bi = building_index.find(v.building);
        if (bi == building_index.end()) {
            bi = building_index.emplace(v.building, building_names.size()).first;
            building_names.push_back(v.building);
            bc_cells.emplace_back();
        }
        ++bc_cells[bi->second][static_cast<std::size_t>(v.category) & 7];
        ++subcats[v.subcategory];
        ledger.tags(ci, tagbuf);
        for (auto t : tagbuf)
            ++tags[t];
        contents.push_back(v.content);
        if (contents.size() == 256) {
            rules.count_keywords(contents.data(), contents.size(), keyword_counts.data());
            contents.clear();
        }
        if (v.repeat_count > 0)
            ++rep.repeated;
        const std::int64_t off = one_offset ? off_from : clock.offset_at(v.received);
        const std::int64_t local = v.received + off;
        const std::int64_t days = floor_div(local, 86400);
        const auto weekday = static_cast<std::size_t>(((days % 7) + 7 + 3) % 7); // 1970-01-01: Thu
        const auto hour = static_cast<std::size_t>((local - days * 86400) / 3600);
        ++wh[weekday * 24 + hour];

        // Times by the events, wall clock (DOMAIN.md §6: response time, resolution time).
        detail::ResponseTimes times;
        bool reevaluated = false, escalated = false;
        for (const EventBrief& e : ev) {
            if (e.at > rep.as_of)
                break;
            times.see(e);
            switch (e.type) {
            case EventType::escalate:
                ++rep.escalations;
                ++esc_to[static_cast<std::size_t>(e.detail) & 7];
                escalated = true;
                break;
            case EventType::classify:
                if (e.derived)
                    reevaluated = true;
                break;
            default:
                break;
            }
        }
        const std::optional<Instant> responded = times.responded, resolved = times.resolved;
        rep.escalated += escalated ? 1 : 0;
        rep.reevaluated += reevaluated ? 1 : 0;
        if (responded)
            first_response.push_back(static_cast<double>(*responded - v.received));
        if (resolved)
            resolution.push_back(static_cast<double>(*resolved - v.received));

        if (v.sla_policy.empty()) {
            tally.add(ci, v, ev, nullptr);
            continue;
        }
        const PolicyMap& pm = policy_map(v.sla_policy);
        if (pm.repair && resolved)
            repair_times.push_back(static_cast<double>(*resolved - v.received));
        ledger.clocks_brief(ci, rep.as_of, clocks);
        tally.add(ci, v, ev, &clocks);
        elapsed.resize(rep.sla.size());
        for (const ClockBrief& c : clocks) {
            if (c.state == ClockState::not_started || c.target >= pm.rows.size())
                continue;
            const std::size_t row = pm.rows[c.target];
            TargetFigures& f = rep.sla[row];
            ++f.clocks;
            if (c.state == ClockState::met)
                ++f.met;
            else if (c.state == ClockState::breached)
                ++f.breached;
            else
                ++f.pending;
            if (c.stopped)
                elapsed[row].push_back(static_cast<double>(c.elapsed));
        }
    }

    rep.kind = options.kind;
    rep.by_kind = enum_counts<Kind>(by_kind.data(), 1, 5);
    rep.by_channel = enum_counts<Channel>(by_channel.data(), 1, 7);
    rep.by_category = enum_counts<Category>(by_category.data(), 1, 5);
    rep.by_nature = enum_counts<Nature>(by_nature.data(), 0, 6);
    rep.by_severity = enum_counts<Severity>(by_severity.data(), 0, 4);
    rep.escalations_to = enum_counts<Role>(esc_to.data(), 1, 5);
    rep.visits_by_method = enum_counts<VisitMethod>(visit_method.data(), 1, 5);
    rep.visits_by_role = enum_counts<Role>(visit_role.data(), 1, 5);
    rep.top_subcategories = top_of(subcats, options.top);
    rep.top_tags = top_of(tags, options.top);
    rules.count_keywords(contents.data(), contents.size(), keyword_counts.data());
    {
        std::unordered_map<std::string_view, std::size_t> found;
        for (std::size_t k = 0; k < keyword_counts.size(); ++k)
            if (keyword_counts[k] > 0)
                found.emplace(rules.keywords()[k], keyword_counts[k]);
        rep.top_keywords = top_of(found, options.top);
    }

    std::vector<std::size_t> order(building_names.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return building_names[a] < building_names[b]; });
    rep.building_category.cols = {"equipment", "attitude", "quality", "sudden_event", "other"};
    for (std::size_t i : order) {
        std::size_t total = 0;
        rep.building_category.rows.emplace_back(building_names[i]);
        for (std::size_t c = 1; c <= 5; ++c) {
            rep.building_category.cells.push_back(bc_cells[i][c]);
            rep.building_category.max = std::max(rep.building_category.max, bc_cells[i][c]);
            total += bc_cells[i][c];
        }
        rep.by_building.push_back({std::string(building_names[i]), total});
    }
    rep.weekday_hour.rows = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (int h = 0; h < 24; ++h) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d", h);
        rep.weekday_hour.cols.emplace_back(buf);
    }
    rep.weekday_hour.cells.assign(wh.begin(), wh.end());
    rep.weekday_hour.max = *std::max_element(wh.begin(), wh.end());

    elapsed.resize(rep.sla.size());
    for (std::size_t r = 0; r < rep.sla.size(); ++r) {
        TargetFigures& f = rep.sla[r];
        f.share_met = {nan, f.met, f.met + f.breached, nan, nan};
        if (f.met + f.breached > 0) {
            f.share_met.value =
                static_cast<double>(f.met) / static_cast<double>(f.met + f.breached);
            const auto w = satisfaction::wilson(f.met, f.met + f.breached, options.confidence);
            f.share_met.low = w.low;
            f.share_met.high = w.high;
        }
        f.mean_elapsed = satisfaction::mean_duration(elapsed[r].data(), elapsed[r].size());
        f.p90_elapsed = percentile_inplace(elapsed[r], 90);
    }
    rep.first_response = durations(first_response);
    rep.resolution = durations(resolution);
    rep.repairs = repair_times.size();
    double total = 0;
    for (double d : repair_times)
        total += d;
    rep.mttr = satisfaction::mttr(total, rep.repairs);

    rep.quotas = ledger.visit_quotas(rep.from, rep.to);
    for (const auto& q : rep.quotas)
        rep.quotas_met = rep.quotas_met && q.compliant;

    // ---- satisfaction ----
    if (surveys && surveys->size() > 0) {
        std::vector<std::size_t> cases;
        add_satisfaction(rep, ledger, options, *surveys, prev_from, clock, cases);
        tally.join(*surveys, std::move(cases));
    }
    add_people(rep, ledger, options, surveys, tally);
    return rep;
}

PLAINT_END_NAMESPACE
