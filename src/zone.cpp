#include "zone.hpp"

#include "plaint/error.hpp"

#include "error_detail.hpp"

#include <boost/date_time/local_time/posix_time_zone.hpp>
#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <mutex>
#include <stdexcept>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// The civil-date arithmetic below follows the well-known era-based method (400-year eras of
// 146097 days, years counted from March), which is exact for every proleptic Gregorian date.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = m > 2 ? m - 3 : m + 9;
    const unsigned doy = (153 * mp + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) noexcept {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
}

bool valid_civil(std::int64_t y, std::int64_t m, std::int64_t d) noexcept {
    if (m < 1 || m > 12 || d < 1)
        return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= days[m - 1] + ((m == 2 && leap) ? 1 : 0);
}

namespace {

class FixedZone final : public Zone {
public:
    explicit FixedZone(std::int64_t offset) : offset_(offset) {}
    Instant to_utc(std::int64_t local) const override { return local - offset_; }

private:
    std::int64_t offset_;
};

class IanaZone final : public Zone {
public:
    explicit IanaZone(const date::time_zone* tz) : tz_(tz) {}
    Instant to_utc(std::int64_t local) const override {
        const auto info = tz_->get_info(date::local_seconds(std::chrono::seconds(local)));
        // For unique times `first` is the offset in force; for a gap or an overlap it is the
        // offset before the transition: the documented rule in one expression.
        return local - info.first.offset.count();
    }

private:
    const date::time_zone* tz_;
};

// A POSIX TZ rule string, read strictly before Boost.Date_Time sees any of it: Boost's own
// reader walks its tokenizer past the end on a date without its ".w.d" fields, loads a week of 9
// into an enum, ignores whatever follows a zone without DST ("CST-8,M"), reads a DST offset as
// the shift itself and cannot read <...> names or the Jn and n day forms correctly.
//   std offset [dst [offset] ,start[/time],end[/time]]
// Names: three or more letters, or <...> holding three or more letters, digits, '+' or '-'.
// Offsets: [+|-]hh[:mm[:ss]], west of Greenwich positive, within ±18:00 like ISO 8601 here.
// Dates: Mm.w.d (month 1-12, week 1-5 where 5 is the last, weekday 0-6 from Sunday).
// Times: hh[:mm[:ss]] from 00:00:00 to 23:59:59 (the POSIX default is 02:00:00).
struct PosixRule {
    std::int64_t std_offset = 0; // seconds to add to UTC for standard time (ISO sign)
    std::int64_t dst_offset = 0; // the same for daylight time
    bool has_dst = false;
    struct Date {
        unsigned month = 0, week = 0, weekday = 0;
        std::int64_t time = 2 * 3600;
    } start, end;
};

class PosixReader {
public:
    explicit PosixReader(const std::string& s) : s_(s) {}

    PosixRule read() {
        PosixRule r;
        name("standard-time name");
        r.std_offset = -offset("standard-time offset");
        if (at_end())
            return r;
        r.has_dst = true;
        name("daylight-time name");
        r.dst_offset = r.std_offset + 3600; // POSIX: one hour ahead unless given
        if (!at_end() && peek() != ',')
            r.dst_offset = -offset("daylight-time offset");
        const std::int64_t shift = r.dst_offset - r.std_offset;
        if (shift <= -24 * 3600 || shift >= 24 * 3600)
            fail("daylight time must differ from standard time by less than 24 hours");
        if (at_end())
            fail("a daylight-time name needs its rule: ',start[/time],end[/time]', such as "
                 "',M3.2.0,M11.1.0'");
        expect(',', "',' before the daylight-time start rule");
        r.start = rule_date("start");
        expect(',', "',' before the daylight-time end rule");
        r.end = rule_date("end");
        if (!at_end())
            fail("unexpected text after the end rule");
        return r;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw error(errc::not_found, "time zone " + detail::quote(s_) +
                                         " is not a valid POSIX TZ rule: at character " +
                                         std::to_string(pos_ + 1) + ", " + what);
    }
    bool at_end() const { return pos_ == s_.size(); }
    char peek() const { return at_end() ? '\0' : s_[pos_]; }
    static bool is_digit(char c) { return c >= '0' && c <= '9'; }
    static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
    void expect(char c, const char* what) {
        if (peek() != c)
            fail(std::string("expected ") + what);
        ++pos_;
    }

    void name(const char* what) {
        const std::size_t begin = pos_;
        if (peek() == '<') {
            ++pos_;
            while (is_alpha(peek()) || is_digit(peek()) || peek() == '+' || peek() == '-')
                ++pos_;
            if (pos_ - begin - 1 < 3 || peek() != '>') {
                pos_ = begin;
                fail(std::string("expected a ") + what +
                     " of three or more letters, digits, '+' or '-' between '<' and '>'");
            }
            ++pos_;
            return;
        }
        while (is_alpha(peek()))
            ++pos_;
        if (pos_ - begin < 3) {
            pos_ = begin;
            fail(std::string("expected a ") + what + " of three or more letters (or <...>)");
        }
    }

    // hh[:mm[:ss]] with one or two digits of hours up to `max_hours`; the seconds it spells.
    std::int64_t clock(const char* what, int max_hours) {
        const std::size_t begin = pos_;
        std::int64_t v = 0;
        int n = 0;
        while (is_digit(peek()) && n < 2) {
            v = v * 10 + (peek() - '0');
            ++pos_;
            ++n;
        }
        if (n == 0)
            fail(std::string("expected the hours of the ") + what);
        if (is_digit(peek()) || v > max_hours) {
            pos_ = begin;
            fail(std::string("the hours of the ") + what + " must be 0-" +
                 std::to_string(max_hours));
        }
        v *= 3600;
        for (std::int64_t unit : {std::int64_t{60}, std::int64_t{1}}) {
            if (peek() != ':')
                break;
            ++pos_;
            const std::size_t at = pos_;
            if (!is_digit(peek()) || at + 1 >= s_.size() || !is_digit(s_[at + 1]))
                fail(std::string("expected two digits of ") + (unit == 60 ? "minutes" : "seconds") +
                     " in the " + what);
            const int part = (s_[at] - '0') * 10 + (s_[at + 1] - '0');
            if (part > 59)
                fail(std::string(unit == 60 ? "minutes" : "seconds") + " of the " + what +
                     " must be 00-59");
            pos_ += 2;
            v += part * unit;
        }
        return v;
    }

    // [+|-]hh[:mm[:ss]], west of Greenwich positive; ±18:00 at most.
    std::int64_t offset(const char* what) {
        const std::size_t begin = pos_;
        int sign = 1;
        if (peek() == '+' || peek() == '-') {
            sign = peek() == '-' ? -1 : 1;
            ++pos_;
        }
        const std::int64_t v = clock(what, 18);
        if (v > 18 * 3600) {
            pos_ = begin;
            fail(std::string("the ") + what + " must lie within ±18:00");
        }
        return sign * v;
    }

    unsigned number(const char* what, unsigned lo, unsigned hi) {
        const std::size_t begin = pos_;
        unsigned v = 0;
        int n = 0;
        while (is_digit(peek()) && n < 3) {
            v = v * 10 + static_cast<unsigned>(peek() - '0');
            ++pos_;
            ++n;
        }
        if (n == 0)
            fail(std::string("expected the ") + what);
        if (is_digit(peek()) || v < lo || v > hi) {
            pos_ = begin;
            fail(std::string("the ") + what + " must be " + std::to_string(lo) + "-" +
                 std::to_string(hi));
        }
        return v;
    }

    PosixRule::Date rule_date(const char* which) {
        PosixRule::Date d;
        const std::string rule = std::string("daylight-time ") + which + " rule";
        if (peek() == 'J' || is_digit(peek()))
            fail("the " + rule + " is a day of the year (Jn or n), which is not supported here; " +
                 "use Mm.w.d (month, week 1-5, weekday 0-6), such as M3.2.0");
        if (peek() != 'M')
            fail("expected the " + rule + " as Mm.w.d, such as M3.2.0");
        ++pos_;
        d.month = number(("month of the " + rule).c_str(), 1, 12);
        expect('.', "'.' and the week (1-5) after the month, as in M3.2.0");
        d.week = number(("week of the " + rule).c_str(), 1, 5);
        expect('.', "'.' and the weekday (0-6, Sunday 0) after the week, as in M3.2.0");
        d.weekday = number(("weekday of the " + rule).c_str(), 0, 6);
        if (peek() == '/') {
            ++pos_;
            if (peek() == '+' || peek() == '-')
                fail("a signed transition time is not supported here; use 00:00:00-23:59:59");
            d.time = clock(("time of the " + rule).c_str(), 23);
        }
        return d;
    }

    const std::string& s_;
    std::size_t pos_ = 0;
};

// Whole days since the epoch of a local second count, floored without overflow.
std::int64_t local_day(std::int64_t local) {
    return local / 86400 - (local % 86400 < 0 ? 1 : 0);
}

// A POSIX TZ rule through Boost.Date_Time, which needs no database. Boost computes the two
// transition dates of a year from a canonical string written from the validated rule, one it
// reads correctly: plain names, no standard offset (kept here), the shift as the DST offset,
// Mm.w.d dates and hh:mm:ss times.
class PosixZone final : public Zone {
public:
    explicit PosixZone(const PosixRule& r)
        : tz_(canonical(r)), std_offset_(r.std_offset),
          dst_shift_(r.has_dst ? r.dst_offset - r.std_offset : 0) {}
    Instant to_utc(std::int64_t local) const override {
        if (dst_shift_ == 0)
            return local - std_offset_;
        std::int64_t y;
        unsigned m, d;
        civil_from_days(local_day(local), y, m, d);
        if (y < 1400 || y > 9999)
            throw error(errc::out_of_range, "local time in year " + std::to_string(y) +
                                                " lies outside the years 1400-9999 a POSIX TZ "
                                                "rule is computed for");
        const auto year = static_cast<unsigned short>(y);
        // Boost gives both transitions as local wall times: the start in standard time, the end
        // in daylight time. With the usual positive shift the start opens a gap (read as
        // standard time) and the end an overlap (read as daylight time); a negative shift swaps
        // them. Either way a wall time belongs to the offset in force before the transition.
        const std::int64_t start = seconds_of(tz_.dst_local_start_time(year));
        const std::int64_t end = seconds_of(tz_.dst_local_end_time(year));
        const std::int64_t from = start + std::max<std::int64_t>(dst_shift_, 0);
        const std::int64_t until = end + std::max<std::int64_t>(-dst_shift_, 0);
        bool dst;
        if (start < end) // northern hemisphere
            dst = local >= from && local < until;
        else // southern: DST spans the new year
            dst = local < until || local >= from;
        return local - std_offset_ - (dst ? dst_shift_ : 0);
    }

private:
    static std::string canonical(const PosixRule& r) {
        if (!r.has_dst)
            return "STD0";
        const auto hms = [](std::int64_t v) {
            const std::int64_t a = v < 0 ? -v : v;
            return std::string(v < 0 ? "-" : "") + std::to_string(a / 3600) + ":" +
                   std::to_string(a / 60 % 60) + ":" + std::to_string(a % 60);
        };
        const auto day_rule = [&](const PosixRule::Date& d) {
            return "M" + std::to_string(d.month) + "." + std::to_string(d.week) + "." +
                   std::to_string(d.weekday) + "/" + hms(d.time);
        };
        return "STD0DST" + hms(r.dst_offset - r.std_offset) + "," + day_rule(r.start) + "," +
               day_rule(r.end);
    }
    static std::int64_t seconds_of(const boost::posix_time::ptime& t) {
        const auto date = t.date();
        return days_from_civil(date.year(), date.month(), date.day()) * 86400 +
               t.time_of_day().total_seconds();
    }
    boost::local_time::posix_time_zone tz_;
    std::int64_t std_offset_ = 0;
    std::int64_t dst_shift_ = 0;
};

// Whether a name not in the zone database is meant as a POSIX TZ string: it starts with a zone
// abbreviation (letters, or <...>) followed by what could be an offset. Anything else is
// reported as an unknown zone name rather than a malformed rule.
bool looks_posix(const std::string& s) {
    if (!s.empty() && s[0] == '<')
        return true;
    std::size_t i = 0;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])))
        ++i;
    if (i == 0)
        return false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
}

} // namespace

std::unique_ptr<Zone> make_zone(const std::string& name) {
    if (name.empty() || name == "UTC" || name == "Z")
        return std::make_unique<FixedZone>(0);
    try {
        return std::make_unique<IanaZone>(date::locate_zone(name));
    } catch (const std::bad_alloc&) {
        throw; // out of memory is not "no such zone"
    } catch (const std::exception&) {
        // Not in the database: a POSIX rule, or nothing.
    }
    if (looks_posix(name)) {
        const PosixRule rule = PosixReader(name).read();
        try {
            return std::make_unique<PosixZone>(rule);
        } catch (const std::bad_alloc&) {
            throw;
        } catch (const std::exception& e) {
            // Not expected once the rule has been read: the canonical string is Boost's own form.
            throw error(errc::not_found, "time zone " + detail::quote(name) +
                                             " is not a valid POSIX TZ rule: " + e.what());
        }
    }
    throw error(errc::not_found,
                "time zone '" + name +
                    "' is not in the system zone database (is tzdata installed?) and is not a "
                    "POSIX TZ rule such as 'CST-8' or 'EST5EDT,M3.2.0,M11.1.0'");
}

} // namespace detail
PLAINT_END_NAMESPACE
