// Expected instants are worked by hand (days since 1970-01-01 counted with the leap years
// named beside each value) or cross-checked against an independent civil-date formula below.
#include "support.hpp"
#include <plaint/time.hpp>

#include <boost/date_time/posix_time/posix_time.hpp>
#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <limits>
#include <random>

using plaint::errc;
using plaint::Instant;

namespace {

std::size_t column_of(std::string_view text) {
    try {
        plaint::parse_iso8601(text);
    } catch (const plaint::error& e) {
        REQUIRE(e.code() == errc::parse);
        REQUIRE(e.where().has_value());
        return e.where()->column;
    }
    FAIL("no error for " << text);
    return 0;
}

// Days from 1970-01-01 to y-m-d by counting whole years and months: a second method, independent
// of Boost.Date_Time, to check the parser against.
std::int64_t days_by_counting(int y, int m, int d) {
    auto leap = [](int yy) { return (yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0; };
    static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    std::int64_t days = 0;
    for (int yy = 1970; yy < y; ++yy)
        days += leap(yy) ? 366 : 365;
    for (int yy = y; yy < 1970; ++yy)
        days -= leap(yy) ? 366 : 365;
    for (int mm = 1; mm < m; ++mm)
        days += month_days[mm - 1] + ((mm == 2 && leap(y)) ? 1 : 0);
    return days + d - 1;
}

} // namespace

TEST_CASE("ISO 8601 instants parse to hand-worked epoch seconds") {
    CHECK(plaint::parse_iso8601("1970-01-01T00:00:00Z") == 0);
    // 1970..2025: 56 years with 14 leap days (1972..2024) = 20454 days; Jan 4 is +3 days;
    // 09:00+08:00 is 01:00Z. 20457 * 86400 + 3600.
    CHECK(plaint::parse_iso8601("2026-01-04T09:00:00+08:00") == 1767488400);
    CHECK(plaint::parse_iso8601("2026-01-04T01:00:00Z") == 1767488400);
    CHECK(plaint::parse_iso8601("2026-01-04 09:00+0800") == 1767488400);
    CHECK(plaint::parse_iso8601("2026-01-04T09:00+08") == 1767488400);
    CHECK(plaint::parse_iso8601("2026-01-04t01:00:00z") == 1767488400);
    // 2000-03-01: 30 years with 7 leap days = 10957, + 31 (Jan) + 29 (Feb, 2000 is leap).
    CHECK(plaint::parse_iso8601("2000-03-01T00:00:00Z") == 11017LL * 86400);
    // -03:30 is behind UTC: 20:30 local on Dec 31 is midnight UTC.
    CHECK(plaint::parse_iso8601("1969-12-31T20:30:00-03:30") == 0);
    CHECK(plaint::parse_iso8601("1969-12-31T23:59:59Z") == -1);
}

TEST_CASE("fractions of a second are truncated towards the earlier second") {
    CHECK(plaint::parse_iso8601("1970-01-01T00:00:00.999Z") == 0);
    CHECK(plaint::parse_iso8601("1970-01-01T00:00:00,5Z") == 0);
    CHECK(plaint::parse_iso8601("1969-12-31T23:59:59.5Z") == -1);
}

TEST_CASE("the text range is 1400-01-01 to 9999-12-31") {
    CHECK(plaint::parse_iso8601("1400-01-01T00:00:00Z") == plaint::min_text_instant);
    CHECK(plaint::parse_iso8601("9999-12-31T23:59:59Z") == plaint::max_text_instant);
    CHECK(plaint::min_text_instant == days_by_counting(1400, 1, 1) * 86400);
    CHECK(plaint::max_text_instant == days_by_counting(9999, 12, 31) * 86400 + 86399);
    CHECK(code_of([] { plaint::parse_iso8601("1399-12-31T23:59:59Z"); }) == errc::out_of_range);
    CHECK(code_of([] { plaint::format_iso8601(plaint::max_text_instant + 1); }) ==
          errc::out_of_range);
    CHECK(code_of([] { plaint::format_iso8601(plaint::min_text_instant - 1); }) ==
          errc::out_of_range);
    // In range in UTC but past 9999 at +01:00.
    CHECK(code_of([] { plaint::format_iso8601(plaint::max_text_instant, 3600); }) ==
          errc::out_of_range);
}

TEST_CASE("a parse error names the column of the first bad character") {
    CHECK(column_of("") == 1);
    CHECK(column_of("2026") == 5);
    CHECK(column_of("2026-1-01T00:00Z") == 7);
    CHECK(column_of("2026-01-01") == 11);
    CHECK(column_of("2026-01-01X00:00Z") == 11);
    CHECK(column_of("2026-01-01T0:00Z") == 13);
    CHECK(column_of("2026-01-01T00:00") == 17);   // no offset: local time needs a calendar
    CHECK(column_of("2026-01-01T00:00Z ") == 18); // trailing text
    CHECK(column_of("2026-13-01T00:00Z") == 6);   // month
    CHECK(column_of("2026-00-01T00:00Z") == 6);
    CHECK(column_of("2026-02-29T00:00Z") == 9); // 2026 is not a leap year
    CHECK(column_of("2026-04-31T00:00Z") == 9);
    CHECK(column_of("2026-01-01T24:00Z") == 12);    // hour
    CHECK(column_of("2026-01-01T23:60Z") == 15);    // minute
    CHECK(column_of("2026-01-01T23:59:60Z") == 18); // no leap seconds
    CHECK(column_of("2026-01-01T00:00:00.Z") == 21);
    CHECK(column_of("2026-01-01T00:00+08:7") == 22);
    CHECK(column_of("2026-01-01T00:00+08:60") == 21);
    CHECK(column_of("２０２６-01-01T00:00Z") == 1); // full-width digits are not digits
    CHECK(plaint::parse_iso8601("2024-02-29T00:00:00Z") == days_by_counting(2024, 2, 29) * 86400);
}

TEST_CASE("offsets beyond 18 hours and oversized text are refused") {
    CHECK(code_of([] { plaint::parse_iso8601("2026-01-01T00:00+18:01"); }) == errc::out_of_range);
    CHECK(plaint::parse_iso8601("2026-01-01T18:00+18:00") == days_by_counting(2026, 1, 1) * 86400);
    CHECK(code_of([] { plaint::parse_iso8601(std::string(1000000, '9')); }) == errc::parse);
    CHECK(code_of([] { plaint::parse_iso8601(std::string("2026-01-01T00:00\0Z", 18)); }) ==
          errc::parse);
}

TEST_CASE("instants format as ISO 8601 in UTC or at an offset") {
    CHECK(plaint::format_iso8601(0) == "1970-01-01T00:00:00Z");
    CHECK(plaint::format_iso8601(-1) == "1969-12-31T23:59:59Z");
    CHECK(plaint::format_iso8601(1767488400, 8 * 3600) == "2026-01-04T09:00:00+08:00");
    CHECK(plaint::format_iso8601(0, -(3 * 3600 + 30 * 60)) == "1969-12-31T20:30:00-03:30");
    CHECK(plaint::format_iso8601(plaint::min_text_instant) == "1400-01-01T00:00:00Z");
    CHECK(plaint::format_iso8601(plaint::max_text_instant) == "9999-12-31T23:59:59Z");
    CHECK(code_of([] { plaint::format_iso8601(0, 30); }) == errc::out_of_range);
    CHECK(code_of([] { plaint::format_iso8601(0, 19 * 3600); }) == errc::out_of_range);
}

TEST_CASE("parse and format agree with the counting method on random instants") {
    std::mt19937_64 rng(20260101);
    std::uniform_int_distribution<Instant> dist(plaint::min_text_instant, plaint::max_text_instant);
    for (int i = 0; i < 2000; ++i) {
        const Instant t = dist(rng);
        const std::string s = plaint::format_iso8601(t);
        int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)),
            d = std::stoi(s.substr(8, 2));
        int hh = std::stoi(s.substr(11, 2)), mi = std::stoi(s.substr(14, 2)),
            ss = std::stoi(s.substr(17, 2));
        INFO(s);
        CHECK(days_by_counting(y, m, d) * 86400 + hh * 3600 + mi * 60 + ss == t);
        CHECK(plaint::parse_iso8601(s) == t);
        CHECK(plaint::parse_iso8601(plaint::format_iso8601(t, -5 * 3600)) == t);
    }
}

TEST_CASE("arithmetic overflow is an error never a wrapped value") {
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    constexpr auto min = std::numeric_limits<std::int64_t>::min();
    CHECK(plaint::add(1, 2) == 3);
    CHECK(plaint::add(max, 0) == max);
    CHECK(plaint::add(max - 1, 1) == max);
    CHECK(code_of([&] { plaint::add(max, 1); }) == errc::overflow);
    CHECK(code_of([&] { plaint::add(min, -1); }) == errc::overflow);
    CHECK(plaint::difference(5, 7) == -2);
    CHECK(code_of([&] { plaint::difference(max, -1); }) == errc::overflow);
    CHECK(code_of([&] { plaint::difference(min, 1); }) == errc::overflow);
}

TEST_CASE("conversion to and from std::chrono::system_clock") {
    using namespace std::chrono;
    auto tp = plaint::to_system_clock(1767488400);
    CHECK(duration_cast<seconds>(tp.time_since_epoch()).count() == 1767488400);
    CHECK(plaint::from_system_clock(tp) == 1767488400);
    // floor, not truncation: -1.5 s is in the second starting at -2.
    CHECK(plaint::from_system_clock(system_clock::time_point(milliseconds(-1500))) == -2);
    CHECK(plaint::from_system_clock(system_clock::time_point(milliseconds(1999))) == 1);
    CHECK(code_of([] { plaint::to_system_clock(std::numeric_limits<std::int64_t>::max()); }) ==
          errc::overflow);
}

TEST_CASE("conversion to and from boost::posix_time::ptime") {
    namespace bg = boost::gregorian;
    namespace bp = boost::posix_time;
    CHECK(plaint::to_ptime(11017LL * 86400) == bp::ptime(bg::date(2000, 3, 1)));
    CHECK(plaint::to_ptime(-1) == bp::ptime(bg::date(1969, 12, 31), bp::time_duration(23, 59, 59)));
    CHECK(plaint::from_ptime(bp::ptime(bg::date(2026, 1, 4), bp::hours(1))) == 1767488400);
    CHECK(plaint::from_ptime(bp::ptime(bg::date(1969, 12, 31), bp::time_duration(23, 59, 59) +
                                                                   bp::milliseconds(500))) == -1);
    CHECK(code_of([] { plaint::from_ptime(bp::ptime(bp::not_a_date_time)); }) ==
          errc::invalid_argument);
    CHECK(code_of([] { plaint::from_ptime(bp::ptime(bp::pos_infin)); }) == errc::invalid_argument);
    CHECK(code_of([] { plaint::to_ptime(plaint::max_text_instant + 1); }) == errc::out_of_range);
    CHECK(plaint::from_ptime(plaint::to_ptime(plaint::min_text_instant)) ==
          plaint::min_text_instant);
}

TEST_CASE("an offset cannot carry an instant outside the text range (issue 12)") {
    // 9999-12-31T23:59:59 at -00:01 is 10000-01-01T00:00:59Z, which has no text form here;
    // 1400-01-01T00:00:00 at +00:01 is 1399-12-31T23:59:00Z. Both were accepted, and then
    // format_iso8601 could not write them back.
    for (const char* beyond :
         {"9999-12-31T23:59:59-00:01", "9999-12-31T23:00:00-01:00", "9999-12-31T20:00:00-18:00",
          "1400-01-01T00:00:00+00:01", "1400-01-01T17:59:59+18:00"}) {
        INFO(beyond);
        const plaint::error e = error_of([&] { plaint::parse_iso8601(beyond); });
        CHECK(e.code() == errc::out_of_range);
        REQUIRE(e.where());
        CHECK(e.where()->column == 20); // the offset
    }
    // The edges themselves, reached through an offset, are in range and round-trip.
    CHECK(plaint::parse_iso8601("9999-12-31T22:59:59-01:00") == plaint::max_text_instant);
    CHECK(plaint::parse_iso8601("1400-01-01T18:00:00+18:00") == plaint::min_text_instant);
    CHECK(plaint::parse_iso8601("1400-01-01T00:00:00-18:00") ==
          plaint::min_text_instant + 18 * 3600);
    CHECK(plaint::parse_iso8601("9999-12-31T23:59:59+18:00") ==
          plaint::max_text_instant - 18 * 3600);
    for (const char* text : {"9999-12-31T22:59:59-01:00", "1400-01-01T18:00:00+18:00",
                             "9999-12-31T23:59:59+18:00", "1400-01-01T00:00:00-18:00"}) {
        INFO(text);
        const Instant t = plaint::parse_iso8601(text);
        CHECK(plaint::parse_iso8601(plaint::format_iso8601(t)) == t);
    }
}
