// The people of the monthly report (report.hpp PeopleFigures, DOMAIN.md §8): the month's requests
// by team and by handler as the report's pass tallied them (performance_detail.hpp), scored by
// the profile's `performance` section, the handlers at the top and the bottom, and the team ×
// category map.
#include "plaint/performance.hpp"
#include "plaint/report.hpp"

#include "performance_detail.hpp"
#include "report_detail.hpp"

#include <algorithm>
#include <cmath>

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
                const SurveyResponses* surveys, StaffTally& tally) {
    if (!tally.staffed())
        return;
    PeopleFigures p;
    std::vector<std::array<std::size_t, 5>> categories;
    p.teams = tally.finish(StaffBy::team, surveys, &categories);
    for (const StaffFigures& f : p.teams) {
        const Team* t = ledger.profile().find_team(f.id);
        p.team_names.push_back(t ? t->name : std::string());
    }
    std::vector<StaffFigures> handlers = tally.finish(StaffBy::handler, surveys);
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
    for (std::size_t i = 0; i < p.teams.size(); ++i) {
        h.rows.push_back(p.teams[i].id);
        for (std::size_t n : categories[i]) {
            h.cells.push_back(n);
            h.max = std::max(h.max, n);
        }
    }
    rep.people = std::move(p);
}

} // namespace detail
PLAINT_END_NAMESPACE
