/// @file calendar.hpp
/// Business calendars (DOMAIN.md §5): when an office is open, in its own time zone, with weekly
/// hours (several intervals a day, night shifts past midnight), closed dates, extra working dates
/// (China's 调休 weekend workdays) and per-date special hours. A `Calendar` answers: is it open at
/// t, when does it next open, what instant lies d business seconds after (or before) t, and how
/// many business seconds lie between two instants. It is compiled, lazily and year by year, into
/// sorted UTC open intervals with prefix sums, so each answer is a binary search. A `Calendar` is
/// immutable and cheap to copy (copies share the compiled data); it is safe to use from any
/// number of threads at once.
#pragma once

#include "plaint/config.hpp"
#include "plaint/error.hpp"
#include "plaint/time.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

PLAINT_BEGIN_NAMESPACE

namespace detail {
class CalendarImpl;
}

/// A local date, proleptic Gregorian. Since 0.2.
struct LocalDate {
    std::int32_t year = 1970;
    std::int32_t month = 1; ///< 1-12
    std::int32_t day = 1;   ///< 1-31
    friend bool operator<(const LocalDate& a, const LocalDate& b) noexcept {
        if (a.year != b.year)
            return a.year < b.year;
        if (a.month != b.month)
            return a.month < b.month;
        return a.day < b.day;
    }
    friend bool operator==(const LocalDate& a, const LocalDate& b) noexcept {
        return a.year == b.year && a.month == b.month && a.day == b.day;
    }
};

/// A half-open opening `[start, end)` in seconds after local midnight. `end` may be 86400
/// ("24:00"); an `end` at or before `start` runs past midnight into the next day and belongs to
/// the day it starts on. Since 0.2.
struct Opening {
    std::int32_t start = 0;
    std::int32_t end = 0;
};

/// What a calendar is made of, before compilation. Since 0.2.
struct CalendarSpec {
    /// Always open (`"24x7"`); every other field is then ignored.
    bool always_open = false;
    /// An IANA zone name ("Asia/Shanghai", read from the system zone database with its full
    /// history), a POSIX TZ rule string ("CST-8", "EST5EDT,M3.2.0,M11.1.0"), or "UTC".
    std::string timezone = "UTC";
    /// Weekly openings, index 0 = Monday ... 6 = Sunday.
    std::array<std::vector<Opening>, 7> week;
    /// Dates with no opening at all.
    std::vector<LocalDate> closed;
    /// Dates with their own openings, replacing their weekday's: an extra working date, a short
    /// day; an empty list closes the date.
    std::map<LocalDate, std::vector<Opening>> dates;
};

/// The years a calendar computes: instants from 1900-01-01 to 2199-12-31 (UTC). Since 0.2.
inline constexpr std::int32_t calendar_first_year = 1900;
/// See `calendar_first_year`. Since 0.2.
inline constexpr std::int32_t calendar_last_year = 2199;

/// A compiled business calendar. Since 0.2.
class Calendar {
public:
    /// A calendar that is always open (24×7).
    Calendar();

    /// Compiles a calendar. @throws error `errc::validation` for intervals out of range or
    /// overlapping on one day, a date both closed and with hours, an invalid date, a calendar
    /// never open (no weekday or date with opening hours: pointer `/week`, since 0.6);
    /// `errc::not_found` for a time zone that is neither in the zone database nor a valid
    /// POSIX TZ string.
    static Calendar compile(const CalendarSpec& spec);

    /// Parses and compiles the JSON form: `"24x7"`, or an object with `timezone`, `week`
    /// (`mon`..`sun`, each a list of `["HH:MM", "HH:MM"]`), `closed` (a list of `"YYYY-MM-DD"`)
    /// and `dates` (an object from `"YYYY-MM-DD"` to a list of intervals), plus optional
    /// `name` and `description` strings. Unknown keys are errors.
    /// @throws error `errc::parse` (with line and column) for malformed JSON,
    /// `errc::validation` (with the JSON pointer) for a document of the wrong shape,
    /// `errc::too_large` for a document over 16 MiB or (since 0.6) of more than 1,000,000
    /// values, and the errors of `compile`.
    static Calendar from_json(std::string_view json);

    /// The calendar as its JSON form (`"24x7"` or an object); `from_json` of it gives an equal
    /// calendar.
    std::string to_json() const;

    /// The specification the calendar was compiled from.
    const CalendarSpec& spec() const noexcept;

    /// Whether the office is open at `t`. @throws error `errc::out_of_range` outside the years.
    bool is_open(Instant t) const;
    /// `t` itself when open, else the next instant it opens.
    /// @throws error `errc::not_found` when it never opens again within the years,
    /// `errc::out_of_range` for `t` outside them.
    Instant next_open(Instant t) const;
    /// The earliest instant u ≥ t such that the open time in [t, u) is `d` (d ≥ 0). So
    /// 16:00 + 1 h on a 09:00–17:00 day is 17:00 that day; `d` = 0 gives `t`. A negative `d` is
    /// `sub(t, -d)`. @throws error `errc::out_of_range` when the result lies beyond the years.
    Instant add(Instant t, Duration d) const;
    /// The latest instant u ≤ t such that the open time in [u, t) is `d` (d ≥ 0). A negative `d`
    /// is `add(t, -d)`. @throws error `errc::out_of_range` as `add`.
    Instant sub(Instant t, Duration d) const;
    /// Open seconds in [a, b); negative when b < a. @throws error `errc::out_of_range`.
    Duration between(Instant a, Instant b) const;

    /// `out[i] = add(t[i], d[i])` for i < n. Stops at the first failure and throws it, naming
    /// the index; `out` before that index is filled.
    void add_many(const Instant* t, const Duration* d, std::size_t n, Instant* out) const;
    /// `out[i] = sub(t[i], d[i])` for i < n; failures as `add_many`. Since 0.2.
    void sub_many(const Instant* t, const Duration* d, std::size_t n, Instant* out) const;
    /// `out[i] = between(a[i], b[i])` for i < n; failures as `add_many`.
    void between_many(const Instant* a, const Instant* b, std::size_t n, Duration* out) const;

    /// The version of the system zone database used for IANA names ("2026a"), or "" when it
    /// cannot be read. Since 0.2.
    static std::string tzdb_version();

private:
    explicit Calendar(std::shared_ptr<const detail::CalendarImpl> impl);
    std::shared_ptr<const detail::CalendarImpl> impl_;
};

/// Parses "YYYY-MM-DD". @throws error `errc::parse`. Since 0.2.
LocalDate parse_local_date(std::string_view text);
/// Parses "HH:MM" (00:00–24:00) into seconds after midnight. @throws error `errc::parse`.
/// Since 0.2.
std::int32_t parse_time_of_day(std::string_view text);

PLAINT_END_NAMESPACE
