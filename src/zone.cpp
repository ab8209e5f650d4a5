#include "zone.hpp"

#include "plaint/error.hpp"

#include <boost/date_time/local_time/posix_time_zone.hpp>
#include <date/tz.h>

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

// A POSIX TZ rule ("EST5EDT,M3.2.0,M11.1.0") through Boost.Date_Time, which needs no database.
class PosixZone final : public Zone {
public:
    explicit PosixZone(const std::string& rule) : tz_(rule) {
        // Boost reads the offset with the ISO sign (east of Greenwich positive), the inverse of
        // POSIX, where "CST-8" is eight hours east. Negate, so the string means what POSIX says.
        std_offset_ = -tz_.base_utc_offset().total_seconds();
        dst_shift_ = tz_.has_dst() ? tz_.dst_offset().total_seconds() : 0;
    }
    Instant to_utc(std::int64_t local) const override {
        if (dst_shift_ == 0)
            return local - std_offset_;
        std::int64_t y;
        unsigned m, d;
        civil_from_days(local >= 0 ? local / 86400 : (local - 86399) / 86400, y, m, d);
        const auto year = static_cast<unsigned short>(y);
        // Boost gives both transitions as local wall times: the start in standard time, the end
        // in daylight time.
        const std::int64_t start = seconds_of(tz_.dst_local_start_time(year));
        const std::int64_t end = seconds_of(tz_.dst_local_end_time(year));
        bool dst;
        if (start < end) // northern hemisphere
            dst = local >= start + dst_shift_ && local < end;
        else // southern: DST spans the new year
            dst = local < end || local >= start + dst_shift_;
        return local - std_offset_ - (dst ? dst_shift_ : 0);
    }

private:
    static std::int64_t seconds_of(const boost::posix_time::ptime& t) {
        const auto date = t.date();
        return days_from_civil(date.year(), date.month(), date.day()) * 86400 +
               t.time_of_day().total_seconds();
    }
    boost::local_time::posix_time_zone tz_;
    std::int64_t std_offset_ = 0;
    std::int64_t dst_shift_ = 0;
};

// A POSIX TZ string starts with a zone abbreviation (three or more letters, or <...>) followed by
// an offset. Checked before Boost sees it, since Boost reads some IANA-like names leniently.
bool looks_posix(const std::string& s) {
    std::size_t i = 0;
    if (!s.empty() && s[0] == '<') {
        i = s.find('>');
        if (i == std::string::npos || i < 2)
            return false;
        ++i;
    } else {
        while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i])))
            ++i;
        if (i < 3)
            return false;
    }
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
    } catch (const std::exception&) {
        // Not in the database: a POSIX rule, or nothing.
    }
    if (looks_posix(name)) {
        try {
            return std::make_unique<PosixZone>(name);
        } catch (const std::exception& e) {
            throw error(errc::not_found,
                        "time zone '" + name + "' is not a valid POSIX TZ rule: " + e.what());
        }
    }
    throw error(errc::not_found,
                "time zone '" + name +
                    "' is not in the system zone database (is tzdata installed?) and is not a "
                    "POSIX TZ rule such as 'CST-8' or 'EST5EDT,M3.2.0,M11.1.0'");
}

} // namespace detail
PLAINT_END_NAMESPACE
