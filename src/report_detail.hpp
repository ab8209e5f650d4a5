// Helpers shared by the report's figures (report.cpp), its survey figures (report_surveys.cpp),
// its exports (report_formats.cpp) and its HTML page (report_render.cpp). Internal.
#pragma once

#include "plaint/config.hpp"
#include "plaint/report.hpp"
#include "plaint/time.hpp"

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

class Zone;

// A figure with nothing to compute it from.
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// `v` with `precision` decimals; "" when not finite.
std::string fixed(double v, int precision);
// "YYYY-MM" and "YYYY-MM-DD" of a count of days since 1970-01-01.
std::string month_of_days(std::int64_t days);
std::string date_of_days(std::int64_t days);

// `a / b` rounded down (the built-in division rounds toward zero).
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

// UTC to local wall time in a zone that only converts the other way (zone.hpp): a fixed point
// of L ↦ L + (t − to_utc(L)). Months without a transition use one offset for every instant.
class LocalClock {
public:
    explicit LocalClock(const std::string& name);
    ~LocalClock();
    std::int64_t offset_at(Instant t) const;
    // The UTC instant of local midnight on the first of a month.
    Instant month_start(int year, unsigned month) const;

private:
    std::unique_ptr<Zone> zone_;
    mutable std::int64_t guess_ = 0;
};

// The type-7 percentile (Hyndman & Fan) of `v` in linear time; reorders `v`. NaN when empty.
double percentile_inplace(std::vector<double>& v, double percent);
// n, mean, median and 90th percentile of durations; reorders `v`.
DurationFigures durations(std::vector<double>& v);

class StaffTally;
// The people of the report's month (report_people.cpp) from the tally of its requests by team
// and by handler: set when a request of the month has a team or a handler.
void add_people(MonthlyReport& rep, const Ledger& ledger, const ReportOptions& options,
                const SurveyResponses* surveys, StaffTally& tally);

// When a request was first responded to and first resolved (DOMAIN.md §6, wall clock): a
// response is an assignment, the start of work, or an end — a resolution, an explanation, a
// consultation's answer, an acknowledgement. `see` takes the events in order, so that a caller
// walking them for other reasons reads them once.
struct ResponseTimes {
    std::optional<Instant> responded, resolved;
    void see(const EventBrief& e) noexcept {
        switch (e.type) {
        case EventType::assign:
        case EventType::start:
            if (!responded)
                responded = e.at;
            break;
        case EventType::resolve:
        case EventType::explain:
        case EventType::answer:
        case EventType::acknowledge:
            if (!responded)
                responded = e.at;
            if (!resolved)
                resolved = e.at;
            break;
        default:
            break;
        }
    }
};

// The report's satisfaction figures and weekly trend from survey responses (report_surveys.cpp),
// for the month [rep.from, rep.to) and the month before it, from `prev_from`; `cases` gets each
// response's complaint index in the ledger (SIZE_MAX for none), for the people's figures.
void add_satisfaction(MonthlyReport& rep, const Ledger& ledger, const ReportOptions& options,
                      const SurveyResponses& s, Instant prev_from, const LocalClock& clock,
                      std::vector<std::size_t>& cases);

} // namespace detail
PLAINT_END_NAMESPACE
