// The people of the monthly report (report.hpp PeopleFigures, DOMAIN.md §8): the month's requests
// by team and by handler through staff_performance, scored by the profile's `performance`
// section, the handlers at the top and the bottom, and the team × category map.
#include "plaint/performance.hpp"
#include "plaint/report.hpp"

#include "report_detail.hpp"

#include <algorithm>
#include <cmath>
#include <map>

PLAINT_BEGIN_NAMESPACE
namespace detail {

namespace {

// Best first: by score, then by id (equal scores in a stable, readable order).
bool better(const StaffScore& a, const StaffScore& b) {
    if (a.score != b.score)
        return a.score > b.score;
    return a.id < b.id;
}

} // namespace

void add_people(MonthlyReport& rep, const Ledger& ledger, const ReportOptions& options,
                const SurveyResponses* surveys) {
    // Whether any request of the month names a team or a handler, and the team × category map.
    std::map<std::string, std::array<std::size_t, 5>> by_team; // "" first
    bool staffed = false;
    for (std::size_t i = 0; i < ledger.size(); ++i) {
        const ComplaintView v = ledger.view(i);
        if (v.received < rep.from || v.received >= rep.to ||
            (options.kind && v.kind != *options.kind))
            continue;
        staffed = staffed || !v.team.empty() || !v.handler.empty();
        const auto c = static_cast<std::size_t>(v.category);
        auto& row = by_team[std::string(v.team)];
        if (c >= 1 && c <= row.size())
            ++row[c - 1];
    }
    if (!staffed)
        return;

    PeopleFigures p;
    PerformanceOptions o;
    o.from = rep.from;
    o.to = rep.to;
    o.as_of = rep.as_of;
    o.confidence = options.confidence;
    o.kind = options.kind;
    o.by = StaffBy::team;
    p.teams = staff_performance(ledger, o, surveys);
    for (const StaffFigures& f : p.teams) {
        const Team* t = ledger.profile().find_team(f.id);
        p.team_names.push_back(t ? t->name : std::string());
    }
    o.by = StaffBy::handler;
    std::vector<StaffFigures> handlers = staff_performance(ledger, o, surveys);
    for (const StaffFigures& f : handlers) {
        if (f.id.empty())
            continue;
        ++p.handlers;
        p.handlers_small += f.small_sample ? 1 : 0;
    }
    if (const PerformanceScheme* scheme = ledger.profile().performance()) {
        p.team_scores = score_performance(p.teams, *scheme, options.confidence);
        std::vector<StaffScore> ranked;
        for (StaffScore& s : score_performance(handlers, *scheme, options.confidence))
            if (s.ranked)
                ranked.push_back(std::move(s));
        std::sort(ranked.begin(), ranked.end(), better);
        const std::size_t top = std::min(options.top, (ranked.size() + 1) / 2);
        const std::size_t bottom = std::min(options.top, ranked.size() / 2);
        p.top_handlers.assign(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(top));
        p.bottom_handlers.assign(ranked.rbegin(),
                                 ranked.rbegin() + static_cast<std::ptrdiff_t>(bottom));
    }
    HeatMap& h = p.team_category;
    h.cols = {"equipment", "attitude", "quality", "sudden_event", "other"};
    // Rows in the order of `teams`, which staff_performance gives by id as the map holds them.
    for (const auto& [team, row] : by_team) {
        h.rows.push_back(team);
        for (std::size_t n : row) {
            h.cells.push_back(n);
            h.max = std::max(h.max, n);
        }
    }
    rep.people = std::move(p);
}

} // namespace detail
PLAINT_END_NAMESPACE
