#include "plaint/time.hpp"

#include "error_detail.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <cstdio>
#include <limits>

PLAINT_BEGIN_NAMESPACE
namespace {

namespace bg = boost::gregorian;
namespace bp = boost::posix_time;

const bg::date epoch_date(1970, 1, 1);
constexpr std::int64_t day_seconds = 86400;
constexpr std::int32_t max_offset = 18 * 3600; // ISO 8601 and IANA both stay within ±18:00

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

// A cursor over the text that reports the 1-based column of whatever it failed to find.
class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}

    [[noreturn]] void fail(const std::string& what) const {
        Location at;
        at.line = 1;
        at.column = pos_ + 1;
        throw error(errc::parse,
                    "invalid ISO 8601 instant " + detail::quote(s_) + " at column " +
                        std::to_string(pos_ + 1) + ": " + what,
                    at);
    }
    bool at_end() const { return pos_ == s_.size(); }
    char peek() const { return at_end() ? '\0' : s_[pos_]; }
    std::size_t pos() const { return pos_; }
    void skip() { ++pos_; }

    int digits(int n, const char* what) {
        int v = 0;
        for (int i = 0; i < n; ++i) {
            char c = peek();
            if (c < '0' || c > '9')
                fail(std::string("expected ") + std::to_string(n) + " digits of the " + what);
            v = v * 10 + (c - '0');
            ++pos_;
        }
        return v;
    }
    void expect(char c, const char* what) {
        if (peek() != c)
            fail(std::string("expected ") + what);
        ++pos_;
    }
    void set_pos(std::size_t p) { pos_ = p; }

private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

} // namespace

Instant add(Instant t, Duration d) {
    Instant r;
    if (__builtin_add_overflow(t, d, &r))
        throw error(errc::overflow,
                    "instant " + std::to_string(t) + " + " + std::to_string(d) + " s overflows");
    return r;
}

Duration difference(Instant a, Instant b) {
    Duration r;
    if (__builtin_sub_overflow(a, b, &r))
        throw error(errc::overflow,
                    "instant " + std::to_string(a) + " - " + std::to_string(b) + " overflows");
    return r;
}

Instant parse_iso8601(std::string_view text) {
    Reader r(text);
    if (text.size() > 64) {
        r.set_pos(64);
        r.fail("too long for an instant");
    }
    const std::size_t year_pos = r.pos();
    int year = r.digits(4, "year");
    r.expect('-', "'-' after the year");
    const std::size_t month_pos = r.pos();
    int month = r.digits(2, "month");
    r.expect('-', "'-' after the month");
    const std::size_t day_pos = r.pos();
    int day = r.digits(2, "day");
    if (r.peek() != 'T' && r.peek() != 't' && r.peek() != ' ')
        r.fail("expected 'T' between date and time");
    r.skip();
    const std::size_t hour_pos = r.pos();
    int hour = r.digits(2, "hour");
    r.expect(':', "':' after the hour");
    const std::size_t minute_pos = r.pos();
    int minute = r.digits(2, "minute");
    int second = 0;
    std::size_t second_pos = r.pos();
    if (r.peek() == ':') {
        r.skip();
        second_pos = r.pos();
        second = r.digits(2, "second");
        if (r.peek() == '.' || r.peek() == ',') {
            r.skip();
            if (r.peek() < '0' || r.peek() > '9')
                r.fail("expected digits of the fraction");
            while (r.peek() >= '0' && r.peek() <= '9')
                r.skip(); // truncated: Instant counts whole seconds
        }
    }
    std::int64_t offset = 0;
    const std::size_t offset_pos = r.pos();
    if (r.peek() == 'Z' || r.peek() == 'z') {
        r.skip();
    } else if (r.peek() == '+' || r.peek() == '-') {
        const int sign = r.peek() == '-' ? -1 : 1;
        r.skip();
        int oh = r.digits(2, "offset hours");
        int om = 0;
        if (r.peek() == ':') {
            r.skip();
            om = r.digits(2, "offset minutes");
        } else if (r.peek() >= '0' && r.peek() <= '9') {
            om = r.digits(2, "offset minutes");
        }
        if (om > 59) {
            r.set_pos(r.pos() - 2);
            r.fail("offset minutes above 59");
        }
        offset = sign * (oh * 3600 + om * 60);
        if (offset > max_offset || offset < -max_offset) {
            r.set_pos(offset_pos);
            Location at{"", 1, offset_pos + 1};
            throw error(errc::out_of_range,
                        "offset in " + detail::quote(text) + " is beyond ±18:00", at);
        }
    } else if (r.at_end()) {
        r.fail("expected an offset ('Z' or ±hh:mm); local time needs a calendar");
    } else {
        r.fail("expected 'Z' or an offset ±hh:mm");
    }
    if (!r.at_end())
        r.fail("unexpected text after the instant");

    auto field_error = [&](std::size_t pos, const char* what) {
        r.set_pos(pos);
        r.fail(what);
    };
    if (month < 1 || month > 12)
        field_error(month_pos, "month must be 01-12");
    if (hour > 23)
        field_error(hour_pos, "hour must be 00-23");
    if (minute > 59)
        field_error(minute_pos, "minute must be 00-59");
    if (second > 59)
        field_error(second_pos, "second must be 00-59 (leap seconds are not represented)");
    if (year < 1400) {
        Location at{"", 1, year_pos + 1};
        throw error(errc::out_of_range,
                    "year in " + detail::quote(text) + " is before 1400, the first supported", at);
    }
    std::int64_t days = 0;
    try {
        bg::date d(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                   static_cast<unsigned short>(day));
        days = (d - epoch_date).days();
    } catch (const std::out_of_range&) {
        field_error(day_pos, "no such day in that month");
    }
    const Instant t = days * day_seconds + hour * 3600 + minute * 60 + second - offset;
    // An offset can carry a date at either end into year 1399 or 10000 in UTC, which
    // format_iso8601 cannot write back: refused here, so that every instant read can be written.
    if (t < min_text_instant || t > max_text_instant) {
        Location at{"", 1, offset_pos + 1};
        throw error(errc::out_of_range,
                    "instant " + detail::quote(text) +
                        " lies outside 1400-01-01T00:00:00Z to 9999-12-31T23:59:59Z",
                    at);
    }
    return t;
}

std::string format_iso8601(Instant t, std::int32_t offset_seconds) {
    if (offset_seconds > max_offset || offset_seconds < -max_offset || offset_seconds % 60 != 0)
        throw error(errc::out_of_range, "offset " + std::to_string(offset_seconds) +
                                            " s is not a whole minute within ±18:00");
    if (t < min_text_instant || t > max_text_instant)
        throw error(errc::out_of_range,
                    "instant " + std::to_string(t) + " lies outside years 1400-9999");
    const Instant local = t + offset_seconds;
    if (local < min_text_instant || local > max_text_instant)
        throw error(errc::out_of_range, "instant " + std::to_string(t) +
                                            " at that offset lies outside years 1400-9999");
    const std::int64_t days = floor_div(local, day_seconds);
    const std::int64_t sod = local - days * day_seconds;
    const bg::date d = epoch_date + bg::days(static_cast<long>(days));
    char buf[40];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d",
                          static_cast<int>(d.year()), static_cast<int>(d.month()),
                          static_cast<int>(d.day()), static_cast<int>(sod / 3600),
                          static_cast<int>(sod / 60 % 60), static_cast<int>(sod % 60));
    std::string out(buf, static_cast<std::size_t>(n));
    if (offset_seconds == 0) {
        out += 'Z';
    } else {
        const int a = offset_seconds < 0 ? -offset_seconds : offset_seconds;
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_seconds < 0 ? '-' : '+', a / 3600,
                      a / 60 % 60);
        out += buf;
    }
    return out;
}

std::chrono::system_clock::time_point to_system_clock(Instant t) {
    using namespace std::chrono;
    using Rep = system_clock::duration;
    constexpr auto lim = duration_cast<seconds>(Rep::max()).count();
    if (t > lim || t < -lim)
        throw error(errc::overflow,
                    "instant " + std::to_string(t) + " does not fit in system_clock");
    return system_clock::time_point(duration_cast<Rep>(seconds(t)));
}

Instant from_system_clock(std::chrono::system_clock::time_point tp) noexcept {
    return std::chrono::floor<std::chrono::seconds>(tp.time_since_epoch()).count();
}

boost::posix_time::ptime to_ptime(Instant t) {
    if (t < min_text_instant || t > max_text_instant)
        throw error(errc::out_of_range,
                    "instant " + std::to_string(t) + " lies outside years 1400-9999");
    const std::int64_t days = floor_div(t, day_seconds);
    const std::int64_t sod = t - days * day_seconds;
    return bp::ptime(epoch_date + bg::days(static_cast<long>(days)),
                     bp::seconds(static_cast<long>(sod)));
}

Instant from_ptime(const boost::posix_time::ptime& t) {
    if (t.is_special())
        throw error(errc::invalid_argument,
                    "a special ptime (" + bp::to_simple_string(t) + ") is not an instant");
    const bp::time_duration since = t - bp::ptime(epoch_date);
    std::int64_t secs = since.total_seconds();
    if (since < bp::seconds(static_cast<long>(secs)))
        --secs; // floor, not truncation, before the epoch
    return secs;
}

PLAINT_END_NAMESPACE
