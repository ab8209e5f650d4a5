// Business calendars. Every expected instant is worked by hand from the calendar's hours (the
// comment beside it says how); DST dates are the published 2026 transitions (US: 8 March and
// 1 November; EU: 29 March and 25 October). A slow minute-stepping reference, which reads the
// specification directly, checks the compiled calendar on random inputs.
#include "support.hpp"
#include <plaint/calendar.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

using namespace plaint;

namespace {

Instant at(const char* iso) {
    return parse_iso8601(iso);
}

constexpr Duration H = 3600;
constexpr Duration M = 60;

Calendar data_calendar(const char* name) {
    return Calendar::from_json(read_file(std::string(PLAINT_DATA_DIR) + "/calendars/" + name));
}

// Mon-Fri 09:00-17:00 in Shanghai, no holidays.
Calendar nine_to_five(const char* zone = "Asia/Shanghai") {
    return Calendar::from_json(std::string(R"({"timezone": ")") + zone + R"(", "week": {
        "mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]], "wed": [["09:00","17:00"]],
        "thu": [["09:00","17:00"]], "fri": [["09:00","17:00"]]}})");
}

// Every day 00:00-08:00 in the given zone.
Calendar nights(const char* zone) {
    std::string week;
    for (const char* d : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        week += std::string(week.empty() ? "" : ",") + "\"" + d + "\": [[\"00:00\",\"08:00\"]]";
    return Calendar::from_json(std::string(R"({"timezone": ")") + zone + R"(", "week": {)" + week +
                               "}}");
}

} // namespace

TEST_CASE("a nine-to-five office: open, next opening, add, sub and between") {
    const Calendar c = nine_to_five();
    // 2026-01-05 is a Monday.
    CHECK(c.is_open(at("2026-01-05T09:00:00+08:00")));
    CHECK(c.is_open(at("2026-01-05T16:59:59+08:00")));
    CHECK_FALSE(c.is_open(at("2026-01-05T17:00:00+08:00"))); // half-open
    CHECK_FALSE(c.is_open(at("2026-01-05T08:59:59+08:00")));
    CHECK_FALSE(c.is_open(at("2026-01-10T10:00:00+08:00"))); // Saturday
    CHECK(c.next_open(at("2026-01-05T10:00:00+08:00")) == at("2026-01-05T10:00:00+08:00"));
    CHECK(c.next_open(at("2026-01-09T17:00:00+08:00")) == at("2026-01-12T09:00:00+08:00"));
    // 16:00 + 1 h ends at the closing time itself, the earliest instant.
    CHECK(c.add(at("2026-01-05T16:00:00+08:00"), H) == at("2026-01-05T17:00:00+08:00"));
    CHECK(c.add(at("2026-01-05T16:00:00+08:00"), H + 1) == at("2026-01-06T09:00:01+08:00"));
    CHECK(c.add(at("2026-01-10T10:00:00+08:00"), 1) == at("2026-01-12T09:00:01+08:00"));
    CHECK(c.add(at("2026-01-10T10:00:00+08:00"), 0) == at("2026-01-10T10:00:00+08:00"));
    // 24 business hours from Monday 10:00: Mon 7 h, Tue 8 h, Wed 8 h -> Thu 10:00.
    CHECK(c.add(at("2026-01-05T10:00:00+08:00"), 24 * H) == at("2026-01-08T10:00:00+08:00"));
    // sub: the latest instant. From 10:00 back 1 h is 09:00 the same day, not 17:00 the day
    // before; from an opening time itself it goes to the previous working day.
    CHECK(c.sub(at("2026-01-06T10:00:00+08:00"), H) == at("2026-01-06T09:00:00+08:00"));
    CHECK(c.sub(at("2026-01-12T09:00:00+08:00"), H) == at("2026-01-09T16:00:00+08:00"));
    CHECK(c.sub(at("2026-01-12T09:00:00+08:00"), 0) == at("2026-01-12T09:00:00+08:00"));
    CHECK(c.sub(at("2026-01-06T09:00:01+08:00"), 1) == at("2026-01-06T09:00:00+08:00"));
    CHECK(c.add(at("2026-01-06T09:00:00+08:00"), -H) == at("2026-01-05T16:00:00+08:00"));
    CHECK(c.between(at("2026-01-05T08:00:00+08:00"), at("2026-01-05T18:00:00+08:00")) == 8 * H);
    CHECK(c.between(at("2026-01-05T18:00:00+08:00"), at("2026-01-05T08:00:00+08:00")) == -8 * H);
    CHECK(c.between(at("2026-01-09T16:30:00+08:00"), at("2026-01-12T09:30:00+08:00")) == H);
    CHECK(c.between(at("2026-01-05T12:00:00+08:00"), at("2026-01-05T12:00:00+08:00")) == 0);
}

TEST_CASE("durations of one second and of three years") {
    const Calendar c = nine_to_five();
    const Instant mon = at("2026-01-05T09:00:00+08:00");
    CHECK(c.add(mon, 1) == mon + 1);
    CHECK(c.between(mon, mon + 1) == 1);
    // 156 weeks of 40 hours from a Monday 09:00 end on the Friday 17:00 of the 156th week:
    // 155 weeks, 4 days and 8 hours later.
    const Duration three_years = 156 * 40 * H;
    const Instant end = mon + 155 * 7 * 86400 + 4 * 86400 + 8 * H;
    CHECK(c.add(mon, three_years) == end);
    CHECK(c.between(mon, end) == three_years);
    CHECK(c.sub(end, three_years) == mon);
    // Round the clock, three years are 1096 days (2028 is a leap year).
    const Calendar always;
    CHECK(always.add(mon, 1096 * 86400) == at("2029-01-05T09:00:00+08:00"));
}

TEST_CASE("the lunch-break office around every 2026 holiday and make-up workday") {
    const Calendar c = data_calendar("cn-office.json");
    struct Day {
        const char* date;
        bool open;
    };
    // From the State Council's 2026 notice (DOMAIN.md §5); weekdays counted from
    // 2026-01-01, a Thursday. Each holiday with the day before and after it.
    const Day days[] = {
        {"2025-12-31", true},
        {"2026-01-01", false},
        {"2026-01-03", false},
        {"2026-01-04", true}, // Sunday worked
        {"2026-01-05", true},
        {"2026-02-13", true},
        {"2026-02-14", true}, // Saturday worked
        {"2026-02-15", false},
        {"2026-02-23", false},
        {"2026-02-24", true},
        {"2026-02-28", true}, // Saturday worked
        {"2026-03-01", false},
        {"2026-04-03", true},
        {"2026-04-04", false},
        {"2026-04-06", false},
        {"2026-04-07", true},
        {"2026-04-30", true},
        {"2026-05-01", false},
        {"2026-05-05", false},
        {"2026-05-06", true},
        {"2026-05-09", true}, // Saturday worked
        {"2026-05-10", false},
        {"2026-06-18", true},
        {"2026-06-19", false},
        {"2026-06-21", false},
        {"2026-06-22", true},
        {"2026-09-20", true}, // Sunday worked
        {"2026-09-24", true},
        {"2026-09-25", false},
        {"2026-09-27", false},
        {"2026-09-28", true},
        {"2026-09-30", true},
        {"2026-10-01", false},
        {"2026-10-07", false},
        {"2026-10-08", true},
        {"2026-10-10", true}, // Saturday worked
        {"2026-10-11", false},
        // 2025: Spring Festival 28 Jan - 4 Feb, 26 Jan (Sun) and 8 Feb (Sat) worked; National
        // Day and Mid-Autumn 1-8 Oct, 28 Sep (Sun) and 11 Oct (Sat) worked.
        {"2025-01-26", true},
        {"2025-01-27", true},
        {"2025-01-28", false},
        {"2025-02-04", false},
        {"2025-02-05", true},
        {"2025-02-08", true},
        {"2025-04-27", true},
        {"2025-05-01", false},
        {"2025-05-06", true},
        {"2025-05-31", false},
        {"2025-06-02", false},
        {"2025-06-03", true},
        {"2025-09-28", true},
        {"2025-10-08", false},
        {"2025-10-09", true},
        {"2025-10-11", true},
    };
    for (const Day& d : days) {
        INFO(d.date);
        const std::string morning = std::string(d.date) + "T10:00:00+08:00";
        const std::string lunch = std::string(d.date) + "T12:30:00+08:00";
        CHECK(c.is_open(at(morning.c_str())) == d.open);
        CHECK_FALSE(c.is_open(at(lunch.c_str())));
    }
    // 2025-12-31 17:00 + 2 h: one hour to 18:00, then 1-3 Jan closed, Sunday 4 Jan is worked.
    CHECK(c.add(at("2025-12-31T17:00:00+08:00"), 2 * H) == at("2026-01-04T10:00:00+08:00"));
    // Lunch break: 11:30 + 1 h is 13:30.
    CHECK(c.add(at("2026-01-05T11:30:00+08:00"), H) == at("2026-01-05T13:30:00+08:00"));
    // Ending exactly at a closing time: 11:00 + 1 h is 12:00, not 13:00.
    CHECK(c.add(at("2026-01-05T11:00:00+08:00"), H) == at("2026-01-05T12:00:00+08:00"));
    // 13 Feb (Fri) 8 h + 14 Feb (Sat, worked) 8 h + 24 Feb (Tue) 8 h.
    CHECK(c.between(at("2026-02-13T00:00:00+08:00"), at("2026-02-25T00:00:00+08:00")) == 24 * H);
    // The default 24-business-hour limit from a complaint on the eve of National Day:
    // 30 Sep 15:00 (3 h left), 8 Oct 8 h, 9 Oct 8 h, 10 Oct (Sat, worked) 5 h -> 10 Oct 15:00.
    CHECK(c.add(at("2026-09-30T15:00:00+08:00"), 24 * H) == at("2026-10-10T15:00:00+08:00"));
    CHECK(c.next_open(at("2026-09-30T18:00:00+08:00")) == at("2026-10-08T09:00:00+08:00"));
    CHECK(c.sub(at("2026-10-08T09:00:00+08:00"), H) == at("2026-09-30T17:00:00+08:00"));
}

TEST_CASE("DST in New York: a 23-hour and a 25-hour night of opening hours") {
    // 8 March 2026: 02:00 EST becomes 03:00 EDT. 1 November: 02:00 EDT becomes 01:00 EST.
    for (const char* zone : {"America/New_York", "EST5EDT,M3.2.0,M11.1.0"}) {
        INFO(zone);
        const Calendar c = nights(zone);
        // 00:00 EST = 05:00Z to 08:00 EDT = 12:00Z: 7 hours.
        CHECK(c.between(at("2026-03-08T04:00:00Z"), at("2026-03-08T20:00:00Z")) == 7 * H);
        // 00:00 EDT = 04:00Z to 08:00 EST = 13:00Z: 9 hours.
        CHECK(c.between(at("2026-11-01T03:00:00Z"), at("2026-11-01T20:00:00Z")) == 9 * H);
        // The night before has 8.
        CHECK(c.between(at("2026-03-07T04:00:00Z"), at("2026-03-07T20:00:00Z")) == 8 * H);
        CHECK(c.add(at("2026-03-08T05:00:00Z"), 7 * H) == at("2026-03-08T12:00:00Z"));
        CHECK(c.add(at("2026-11-01T04:00:00Z"), 9 * H) == at("2026-11-01T13:00:00Z"));
    }
}

TEST_CASE("DST in Paris: both transitions") {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST; 25 October: 03:00 CEST becomes 02:00 CET.
    for (const char* zone : {"Europe/Paris", "CET-1CEST,M3.5.0,M10.5.0/3"}) {
        INFO(zone);
        const Calendar c = nights(zone);
        // 00:00 CET = 28 Mar 23:00Z to 08:00 CEST = 06:00Z: 7 hours.
        CHECK(c.between(at("2026-03-28T20:00:00Z"), at("2026-03-29T12:00:00Z")) == 7 * H);
        CHECK(c.is_open(at("2026-03-28T23:00:00Z")));
        CHECK_FALSE(c.is_open(at("2026-03-29T06:00:00Z")));
        // 00:00 CEST = 24 Oct 22:00Z to 08:00 CET = 07:00Z: 9 hours.
        CHECK(c.between(at("2026-10-24T20:00:00Z"), at("2026-10-25T12:00:00Z")) == 9 * H);
        CHECK(c.is_open(at("2026-10-25T06:59:59Z")));
    }
}

TEST_CASE("local times in a DST gap move forward and ambiguous ones take the earlier instant") {
    const Calendar c = Calendar::from_json(R"({"timezone": "America/New_York",
        "dates": {"2026-03-08": [["02:30", "05:00"]], "2026-11-01": [["01:30", "03:00"]],
                  "2026-11-08": [["00:00", "24:00"]], "2026-03-15": [["00:00", "24:00"]]}})");
    // 02:30 does not exist: it becomes 03:30 EDT = 07:30Z; 05:00 EDT = 09:00Z.
    CHECK(c.next_open(at("2026-03-08T00:00:00Z")) == at("2026-03-08T07:30:00Z"));
    CHECK(c.between(at("2026-03-08T00:00:00Z"), at("2026-03-09T00:00:00Z")) == 90 * M);
    // 01:30 happens twice: the earlier is 01:30 EDT = 05:30Z; 03:00 EST = 08:00Z.
    CHECK(c.next_open(at("2026-11-01T00:00:00Z")) == at("2026-11-01T05:30:00Z"));
    CHECK(c.between(at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z")) == 150 * M);
    // Whole days away from the transitions hold 24 hours.
    CHECK(c.between(at("2026-11-08T00:00:00Z"), at("2026-11-10T00:00:00Z")) == 24 * H);
    CHECK(c.between(at("2026-03-15T00:00:00Z"), at("2026-03-17T00:00:00Z")) == 24 * H);
    const Calendar days = Calendar::from_json(R"({"timezone": "America/New_York",
        "dates": {"2026-03-08": [["00:00", "24:00"]], "2026-11-01": [["00:00", "24:00"]]}})");
    CHECK(days.between(at("2026-03-07T00:00:00Z"), at("2026-03-10T00:00:00Z")) == 23 * H);
    CHECK(days.between(at("2026-10-31T00:00:00Z"), at("2026-11-03T00:00:00Z")) == 25 * H);
}

TEST_CASE("night shifts run past midnight and across a closed date") {
    const Calendar c = Calendar::from_json(R"({"timezone": "CST-8",
        "week": {"mon": [["22:00","06:00"]], "tue": [["22:00","06:00"]],
                 "wed": [["22:00","06:00"]], "thu": [["22:00","06:00"]],
                 "fri": [["22:00","06:00"]], "sat": [["22:00","06:00"]],
                 "sun": [["22:00","06:00"]]},
        "closed": ["2026-10-01"]})");
    // Monday 21:00 to Tuesday 07:00 holds Monday's shift, 22:00-06:00.
    CHECK(c.between(at("2026-01-05T21:00:00+08:00"), at("2026-01-06T07:00:00+08:00")) == 8 * H);
    CHECK(c.is_open(at("2026-01-06T05:59:59+08:00")));
    CHECK_FALSE(c.is_open(at("2026-01-06T06:00:00+08:00")));
    // The shift that starts on 30 Sep still runs into 1 Oct; the one of 1 Oct does not happen.
    CHECK(c.is_open(at("2026-10-01T05:00:00+08:00")));
    CHECK_FALSE(c.is_open(at("2026-10-01T23:00:00+08:00")));
    CHECK_FALSE(c.is_open(at("2026-10-02T05:00:00+08:00")));
    CHECK(c.next_open(at("2026-10-01T06:00:00+08:00")) == at("2026-10-02T22:00:00+08:00"));
    // 30 Sep 23:00 + 8 h: 7 h to 06:00 on 1 Oct, then 1 h from 22:00 on 2 Oct.
    CHECK(c.add(at("2026-09-30T23:00:00+08:00"), 8 * H) == at("2026-10-02T23:00:00+08:00"));
}

TEST_CASE("IANA and POSIX forms of a zone agree") {
    const Calendar iana = nine_to_five("Asia/Shanghai");
    const Calendar posix = nine_to_five("CST-8");
    const Calendar ny = nine_to_five("America/New_York");
    const Calendar ny_posix = nine_to_five("EST5EDT,M3.2.0,M11.1.0");
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<Instant> when(at("2025-01-01T00:00:00Z"),
                                                at("2027-12-31T00:00:00Z"));
    std::uniform_int_distribution<Duration> dur(0, 30 * 8 * H);
    for (int i = 0; i < 500; ++i) {
        const Instant t = when(rng);
        const Duration d = dur(rng);
        CHECK(iana.add(t, d) == posix.add(t, d));
        CHECK(ny.add(t, d) == ny_posix.add(t, d));
        CHECK(ny.between(t, t + d) == ny_posix.between(t, t + d));
    }
    CHECK_FALSE(Calendar::tzdb_version().empty());
}

namespace {

// The slow reference: reads the specification directly. Only for fixed-offset zones.
struct Reference {
    const CalendarSpec& spec;
    std::int64_t offset;
    std::map<std::int64_t, std::vector<Opening>> dates; // by day number
    std::set<std::int64_t> closed;

    Reference(const CalendarSpec& s, std::int64_t off) : spec(s), offset(off) {
        for (const auto& [d, list] : spec.dates)
            dates[days_of(d)] = list;
        for (const auto& d : spec.closed)
            closed.insert(days_of(d));
    }
    static std::int64_t days_of(const LocalDate& d) {
        // Count days from 1970-01-01 year by year and month by month.
        auto leap = [](int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; };
        static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        std::int64_t n = 0;
        for (int y = 1970; y < d.year; ++y)
            n += leap(y) ? 366 : 365;
        for (int m = 1; m < d.month; ++m)
            n += md[m - 1] + (m == 2 && leap(d.year) ? 1 : 0);
        return n + d.day - 1;
    }
    const std::vector<Opening>& openings(std::int64_t local_day) const {
        static const std::vector<Opening> none;
        if (auto it = dates.find(local_day); it != dates.end())
            return it->second;
        if (closed.count(local_day))
            return none;
        return spec.week[static_cast<std::size_t>(((local_day + 3) % 7 + 7) % 7)];
    }
    bool open(Instant t) const {
        const std::int64_t local = t + offset;
        const std::int64_t d = local >= 0 ? local / 86400 : (local - 86399) / 86400;
        const std::int64_t sod = local - d * 86400;
        for (const Opening& o : openings(d)) // openings of that day
            if (sod >= o.start && (o.end > o.start ? sod < o.end : true))
                return true;
        for (const Opening& o : openings(d - 1)) // the day before, past midnight
            if (o.end <= o.start && sod < o.end)
                return true;
        return false;
    }
    Instant add(Instant t, Duration d) const { // minute steps: t and d whole minutes
        Instant u = t;
        while (d > 0) {
            if (open(u))
                d -= 60;
            u += 60;
        }
        return u;
    }
    Duration between(Instant a, Instant b) const {
        Duration n = 0;
        for (Instant u = a; u < b; u += 60)
            n += open(u) ? 60 : 0;
        return n;
    }
};

} // namespace

TEST_CASE("compiled calendars agree with a minute-stepping reference") {
    const Calendar office = data_calendar("cn-office.json");
    const Calendar hotline = Calendar::from_json(R"({"timezone": "Asia/Shanghai",
        "week": {"mon": [["08:00","12:00"],["22:00","02:00"]], "wed": [["00:00","24:00"]],
                 "sat": [["10:00","10:30"]]},
        "closed": ["2026-03-04"], "dates": {"2026-03-07": [], "2026-03-08": [["23:00","01:00"]]}})");
    for (const Calendar* c : {&office, &hotline}) {
        const Reference ref(c->spec(), 8 * 3600);
        std::mt19937_64 rng(20260202);
        const Instant base = at("2026-01-01T00:00:00+08:00");
        std::uniform_int_distribution<std::int64_t> minute(0, 343 * 1440);
        std::uniform_int_distribution<std::int64_t> dmin(0, 4320);
        std::uniform_int_distribution<std::int64_t> span(0, 14 * 1440);
        for (int i = 0; i < 250; ++i) {
            const Instant t = base + minute(rng) * 60;
            const Duration d = dmin(rng) * 60;
            const Instant b = t + span(rng) * 60;
            INFO("t=" << format_iso8601(t, 8 * 3600) << " d=" << d);
            const Instant u = c->add(t, d);
            CHECK(u == ref.add(t, d));
            CHECK(c->between(t, u) == d);
            CHECK(c->between(t, b) == ref.between(t, b));
            CHECK(c->is_open(t) == ref.open(t));
            // add(sub(t, d), d) lands at or before t, with no open time between.
            const Instant back = c->sub(t, d);
            CHECK(c->between(back, t) == d);
            const Instant again = c->add(back, d);
            CHECK(again <= t);
            CHECK(c->between(again, t) == 0);
        }
    }
}

TEST_CASE("batch forms equal the single forms") {
    const Calendar c = data_calendar("cn-office.json");
    const std::vector<Instant> t = {at("2026-02-13T17:00:00+08:00"), at("2026-05-09T09:00:00Z"),
                                    at("2026-10-10T11:59:00+08:00")};
    const std::vector<Duration> d = {2 * H, 30 * M, 4320 * M};
    std::vector<Instant> out(3);
    c.add_many(t.data(), d.data(), 3, out.data());
    std::vector<Duration> between(3);
    c.between_many(t.data(), out.data(), 3, between.data());
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(out[i] == c.add(t[i], d[i]));
        CHECK(between[i] == d[i]);
    }
    const Instant bad[] = {0, at("2300-01-01T00:00:00Z")};
    const Duration dd[] = {0, 0};
    Instant o[2];
    const error e = error_of([&] { c.add_many(bad, dd, 2, o); });
    CHECK(e.code() == errc::out_of_range);
    CHECK(std::string(e.what()).rfind("at index 1: ", 0) == 0);
}

TEST_CASE("instants and durations beyond what a calendar computes are errors") {
    const Calendar c = nine_to_five();
    CHECK(code_of([&] { c.is_open(at("2200-01-01T00:00:00Z")); }) == errc::out_of_range);
    CHECK(code_of([&] { c.is_open(at("1899-12-31T23:59:59Z")); }) == errc::out_of_range);
    CHECK(code_of([&] { c.add(at("2199-12-30T00:00:00Z"), 100 * H); }) == errc::out_of_range);
    CHECK(code_of([&] { c.sub(at("1900-01-02T00:00:00Z"), 100 * H); }) == errc::out_of_range);
    CHECK(code_of([&] { c.add(0, INT64_MIN); }) == errc::overflow);
    CHECK(code_of([&] { c.add(0, INT64_MAX); }) == errc::out_of_range);
    const Calendar always;
    CHECK(code_of([&] { always.add(1, INT64_MAX); }) == errc::overflow); // 1 + max wraps
    CHECK(code_of([&] { always.add(0, INT64_MAX); }) == errc::out_of_range);
    CHECK(always.between(0, 100) == 100);
    CHECK(always.is_open(0));
    // A calendar that never opens after its last special date.
    const Calendar once = Calendar::from_json(R"({"timezone": "UTC",
        "dates": {"2026-01-05": [["09:00","10:00"]]}})");
    CHECK(once.next_open(at("2026-01-01T00:00:00Z")) == at("2026-01-05T09:00:00Z"));
    CHECK(code_of([&] { once.next_open(at("2026-01-05T10:00:00Z")); }) == errc::not_found);
    CHECK(code_of([&] { once.add(at("2026-01-05T09:30:00Z"), H); }) == errc::out_of_range);
}

TEST_CASE("the JSON form: errors with their place, and a round trip") {
    const error syntax = error_of([] { Calendar::from_json("{\n  \"timezone\": \"UTC\",\n  }"); });
    CHECK(syntax.code() == errc::parse);
    REQUIRE(syntax.where());
    CHECK(syntax.where()->line == 3);
    CHECK(syntax.where()->column == 3);

    const error shape = error_of([] {
        Calendar::from_json(R"({"timezone": "UTC", "wek": {}, "week": {"mon": [["09:00","25:00"]],
            "tue": [["09:00","12:00"],["11:00","13:00"]], "fun": []},
            "closed": ["2026-02-30", 5], "dates": {"2026-13-01": [], "2026-01-05": []}})");
    });
    CHECK(shape.code() == errc::validation);
    const std::string msg = shape.what();
    INFO(msg);
    CHECK(msg.find("has 7 problems") != std::string::npos);
    CHECK(msg.find("/wek: unknown key") != std::string::npos);
    CHECK(msg.find("/week/mon/0: time '25:00' is not within 00:00-24:00") != std::string::npos);
    CHECK(msg.find("/week/fun: unknown weekday") != std::string::npos);
    CHECK(msg.find("/closed/0: date '2026-02-30' does not exist") != std::string::npos);
    CHECK(msg.find("/closed/1: expected a date") != std::string::npos);
    CHECK(msg.find("/dates/2026-13-01: date '2026-13-01' does not exist") != std::string::npos);
    CHECK(msg.find("/week/tue: openings 09:00 and 11:00 overlap") != std::string::npos);
    // Each problem has the line and column of its value, counted by hand in the text above.
    CHECK(msg.find("/closed/0: date '2026-02-30' does not exist (line 3, column 24)") !=
          std::string::npos);
    REQUIRE(shape.problems().size() == 7);
    // Problems come in document order: the first is /wek, whose "{" is at line 1, column 28.
    CHECK(shape.problems()[0].pointer == "/wek");
    CHECK(shape.problems()[0].line == 1);
    CHECK(shape.problems()[0].column == 28);
    CHECK(shape.problems()[6].pointer == "/dates/2026-13-01");
    CHECK(shape.where()->pointer == "/wek");
    CHECK(shape.where()->line == 1);

    CHECK(code_of([] { Calendar::from_json(R"({"timezone": "Mars/Olympus_Mons"})"); }) ==
          errc::not_found);
    CHECK(code_of([] { Calendar::from_json(R"({"timezone": "XYZ"})"); }) == errc::not_found);
    CHECK(code_of([] {
              Calendar::from_json(R"({"closed": ["2026-01-05"],
        "dates": {"2026-01-05": [["09:00","10:00"]]}})");
          }) == errc::validation);
    CHECK(code_of([] { Calendar::from_json("\"weekdays\""); }) == errc::validation);
    CHECK(code_of([] { Calendar::from_json("[]"); }) == errc::validation);
    CHECK(code_of([] { Calendar::from_json(std::string(100, '[') + std::string(100, ']')); }) ==
          errc::too_large);
    CHECK(code_of([] { Calendar::from_json(std::string(17u << 20, ' ')); }) == errc::too_large);
    CHECK(code_of([] { Calendar::from_json("{\"timezone\": \"\xff\"}"); }) == errc::parse);
    CHECK(code_of([] { Calendar::from_json(""); }) == errc::parse);

    // Every truncation of a valid document is an error, never a crash or a wrong calendar.
    const std::string text = read_file(std::string(PLAINT_DATA_DIR) + "/calendars/cn-office.json");
    for (std::size_t n = 0; n + 1 < text.size(); n += 7) {
        const errc code = code_of([&] { Calendar::from_json(text.substr(0, n)); });
        CHECK((code == errc::parse || code == errc::validation));
    }

    const Calendar c = data_calendar("cn-office.json");
    const Calendar again = Calendar::from_json(c.to_json());
    CHECK(again.to_json() == c.to_json());
    CHECK(again.add(at("2025-12-31T17:00:00+08:00"), 2 * H) == at("2026-01-04T10:00:00+08:00"));
    CHECK(Calendar::from_json("\"24x7\"").to_json() == "\"24x7\"");
    CHECK(Calendar().is_open(at("2026-10-01T03:00:00Z")));
}

TEST_CASE("one calendar shared by many threads gives the same answers") {
    const Calendar c = data_calendar("cn-office.json");
    const Instant base = at("2025-01-01T00:00:00+08:00");
    std::vector<Instant> expected(2000);
    {
        const Calendar fresh = data_calendar("cn-office.json");
        for (std::size_t i = 0; i < expected.size(); ++i)
            expected[i] = fresh.add(base + static_cast<Instant>(i) * 7919 * 60, 1000 * M);
    }
    std::vector<std::thread> threads;
    std::atomic<int> mismatches{0};
    for (int k = 0; k < 4; ++k)
        threads.emplace_back([&] {
            for (std::size_t i = 0; i < expected.size(); ++i)
                if (c.add(base + static_cast<Instant>(i) * 7919 * 60, 1000 * M) != expected[i])
                    ++mismatches;
        });
    for (auto& t : threads)
        t.join();
    CHECK(mismatches == 0);
}

TEST_CASE("hostile JSON: NUL bytes and duplicate keys are refused with their place") {
    const error nul = error_of([] { Calendar::from_json(std::string("\"24x7\"\0junk", 11)); });
    CHECK(nul.code() == errc::parse);
    REQUIRE(nul.where());
    CHECK(nul.where()->column == 7);
    const error dup = error_of([] {
        Calendar::from_json(R"({"timezone": "UTC", "week": {"mon": [], "tue": [], "mon": []}})");
    });
    CHECK(dup.code() == errc::parse);
    REQUIRE(dup.where());
    CHECK(dup.where()->pointer == "/week/mon");
    const error nested = error_of([] {
        Calendar::from_json(R"({"dates": {"2026-01-01": [["09:00", "10:00"]]},
                                "closed": ["2026-01-02"], "dates": {}})");
    });
    CHECK(nested.where()->pointer == "/dates");
    // Keys may repeat in different objects, and arrays of objects are fine.
    CHECK(code_of([] {
              Calendar::from_json(R"({"week": {"mon": [["09:00","10:00"]]},
                                      "dates": {"2026-01-05": [["09:00","10:00"]]}})");
          }) == errc::ok);
    CHECK(code_of([] { Calendar::from_json(R"({"timezone": ""})"); }) == errc::validation);
    // The end of the years is refused alike by every calendar.
    const Instant end = at("2200-01-01T00:00:00Z");
    CHECK(code_of([&] { Calendar().is_open(end); }) == errc::out_of_range);
    CHECK(code_of([&] { Calendar().next_open(end); }) == errc::out_of_range);
    CHECK(code_of([&] { nine_to_five().is_open(end); }) == errc::out_of_range);
    // The zone database version is a real one (e.g. "2026a"), read from Debian's tzdata.zi
    // when date/tz cannot find it.
    const std::string v = Calendar::tzdb_version();
    CHECK(v.size() >= 5);
    CHECK(v != "unknown");
}

// ---- POSIX TZ rules read strictly (issue 12) ----

namespace {

// Open all day, every day, in the given zone.
Calendar always(const std::string& zone) {
    std::string week;
    for (const char* d : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        week += std::string(week.empty() ? "" : ",") + "\"" + d + "\": [[\"00:00\",\"24:00\"]]";
    return Calendar::from_json(R"({"timezone": ")" + zone + R"(", "week": {)" + week + "}}");
}

} // namespace

TEST_CASE("a malformed POSIX TZ rule is refused whole, before Boost reads any of it") {
    // The issue's strings: the first three walked Boost's tokenizer past its end (stale tokens
    // filled the gap: "M3" was read as M3.3.3), the next two loaded a week of 58 or 9 into an
    // enum, and "CST-8,M" was a zone with the rest ignored. The others are the same grammar's
    // other edges: a DST name without its rule, a missing end, trailing text, each field one past
    // its range, day-of-year forms Boost reads wrongly, signed or 24:00 times, short names.
    for (const char* bad : {"AAA1BBB,M1,M1.1.0",
                            "EST5EDT,M3.2.0,M11/1.0",
                            "EST5EDT,M3,M11.1.0",
                            "CET-1CEST,M3.5.0,M10.58.0/3",
                            "CET-1CEST,M3.5.0,M1.9.0",
                            "CST-8,M",
                            "AAA5BBB",
                            "AAA5BBB,M3.2.0",
                            "AAA5BBB,M3.2.0,",
                            "AAA5BBB,M3.2.0,M11.1.0,",
                            "AAA5BBB,M3.2.0,M11.1.0x",
                            "AAA5BBB,M0.2.0,M11.1.0",
                            "AAA5BBB,M13.2.0,M11.1.0",
                            "AAA5BBB,M3.0.0,M11.1.0",
                            "AAA5BBB,M3.6.0,M11.1.0",
                            "AAA5BBB,M3.2.7,M11.1.0",
                            "AAA5BBB,M3.2.0,M11.1.",
                            "AAA5BBB,M3..0,M11.1.0",
                            "AAA5BBB,M3.2.0/,M11.1.0",
                            "AAA5BBB,J60,J300",
                            "AAA5BBB,59,300",
                            "AAA5BBB,M3.2.0/24,M11.1.0",
                            "AAA5BBB,M3.2.0/-1,M11.1.0",
                            "AAA5BBB,M3.2.0/2:5,M11.1.0",
                            "AAA5BBB,M3.2.0/2:00:60,M11.1.0",
                            "AAA5BBB,M3.2.0/002,M11.1.0",
                            "AAA19",
                            "AAA18:01",
                            "AAA-18:30",
                            "AAA5:60",
                            "AAA5:",
                            "AAA123",
                            "AA5",
                            "<AA>5",
                            "<AAA5",
                            "<A A>5",
                            "AAA5BB,M3.2.0,M11.1.0",
                            "AAA5BBB-19,M3.2.0,M11.1.0",
                            "AAA12BBB-12,M3.2.0,M11.1.0",
                            "CST-8 ",
                            "CST-8,",
                            "AAA+",
                            "<AAA>",
                            "<AAA>+"}) {
        INFO(bad);
        const error e = error_of([&] { always(bad); });
        CHECK(e.code() == errc::not_found);
        CHECK(std::string(e.what()).find("POSIX TZ") != std::string::npos);
    }
    // The message says what is wrong and where.
    CHECK_THAT(message_of([] { always("CET-1CEST,M3.5.0,M10.58.0/3"); }),
               Catch::Contains("week of the daylight-time end rule must be 1-5"));
    CHECK_THAT(message_of([] { always("EST5EDT,M3,M11.1.0"); }),
               Catch::Contains("at character 11"));
    CHECK_THAT(message_of([] { always("AAA5BBB,J60,J300"); }), Catch::Contains("not supported"));
    CHECK_THAT(message_of([] { always("AAA5BBB"); }), Catch::Contains("needs its rule"));
    // Not a POSIX string at all: an unknown zone name, the same code.
    CHECK(code_of([] { always("Mars/Olympus_Mons5"); }) == errc::not_found);
}

TEST_CASE("POSIX TZ rules: transitions worked by hand") {
    // EST5EDT,M3.2.0,M11.1.0 in 2026: March's second Sunday is the 8th (1 March is a Sunday),
    // November's first Sunday the 1st. DST starts 8 March 02:00 EST (07:00Z) and ends 1 November
    // 02:00 EDT (06:00Z). The spellings below all mean that rule: the DST offset given (4 hours
    // west, one hour ahead of standard time, which Boost's reader took for a 4-hour shift), the
    // times given, quoted names, a '+' sign.
    for (const char* zone : {"EST5EDT,M3.2.0,M11.1.0", "EST5EDT4,M3.2.0/2,M11.1.0/02:00:00",
                             "EST+5EDT+4:00,M03.2.0/02:00,M11.1.0/2", "<-05>5<-04>,M3.2.0,M11.1.0",
                             "<EST>5<EDT>,M3.2.0,M11.1.0"}) {
        INFO(zone);
        // The local day of 8 March runs 05:00Z (00:00 EST) to 04:00Z on the 9th (24:00 EDT):
        // 23 hours; 7 March 24; 1 November 04:00Z (00:00 EDT) to 05:00Z on the 2nd: 25.
        const Calendar day8 = Calendar::from_json(std::string(R"({"timezone": ")") + zone +
                                                  R"(", "dates": {"2026-03-08": [["00:00","24:00"]],
            "2026-03-07": [["00:00","24:00"]], "2026-11-01": [["00:00","24:00"]]}})");
        CHECK(day8.between(at("2026-03-08T05:00:00Z"), at("2026-03-10T00:00:00Z")) == 23 * H);
        CHECK(day8.between(at("2026-03-07T05:00:00Z"), at("2026-03-08T05:00:00Z")) == 24 * H);
        CHECK(day8.next_open(at("2026-03-08T05:00:00Z")) == at("2026-03-08T05:00:00Z"));
        CHECK_FALSE(day8.is_open(at("2026-03-09T04:00:00Z")));
        CHECK(day8.between(at("2026-10-31T00:00:00Z"), at("2026-11-03T00:00:00Z")) == 25 * H);
        // 01:59 EST = 06:59Z is before the gap; 03:00 EDT = 07:00Z just after it.
        const Calendar spring =
            Calendar::from_json(std::string(R"({"timezone": ")") + zone +
                                R"(", "dates": {"2026-03-08": [["01:59","03:00"]]}})");
        CHECK(spring.next_open(at("2026-03-08T00:00:00Z")) == at("2026-03-08T06:59:00Z"));
        CHECK(spring.between(at("2026-03-08T00:00:00Z"), at("2026-03-09T00:00:00Z")) == 1 * M);
        // 1 November: 01:30 comes twice and is read as the earlier (EDT, 05:30Z); 02:00 is EST
        // (07:00Z).
        const Calendar autumn =
            Calendar::from_json(std::string(R"({"timezone": ")") + zone +
                                R"(", "dates": {"2026-11-01": [["01:30","02:00"]]}})");
        CHECK(autumn.next_open(at("2026-11-01T00:00:00Z")) == at("2026-11-01T05:30:00Z"));
        CHECK(autumn.between(at("2026-11-01T00:00:00Z"), at("2026-11-02T00:00:00Z")) == 90 * M);
    }
    // Week 5 is the last: February 2026 has four Sundays (1, 8, 15, 22), so M2.5.0 is the 22nd;
    // here DST starts at 12:00 EST (17:00Z) and the local day of the 22nd holds 23 hours.
    const Calendar feb = Calendar::from_json(R"({"timezone": "AAA5BBB,M2.5.0/12,M11.1.0",
        "dates": {"2026-02-22": [["00:00","24:00"]], "2026-02-15": [["00:00","24:00"]]}})");
    CHECK(feb.between(at("2026-02-22T00:00:00Z"), at("2026-02-24T00:00:00Z")) == 23 * H);
    CHECK(feb.between(at("2026-02-15T00:00:00Z"), at("2026-02-17T00:00:00Z")) == 24 * H);
    CHECK(feb.next_open(at("2026-02-21T12:00:00Z")) == at("2026-02-22T05:00:00Z"));
    CHECK_FALSE(feb.is_open(at("2026-02-23T04:00:00Z")));
    // A zone with minutes: India, 5:30 east.
    const Calendar india = Calendar::from_json(R"({"timezone": "<+0530>-5:30",
        "dates": {"2026-01-05": [["09:00","10:00"]]}})");
    CHECK(india.next_open(at("2026-01-05T00:00:00Z")) == at("2026-01-05T03:30:00Z"));
    // 18:00 east is the limit, as for ISO 8601 offsets.
    const Calendar far_east = Calendar::from_json(R"({"timezone": "<+18>-18",
        "dates": {"2026-01-05": [["09:00","10:00"]]}})");
    CHECK(far_east.next_open(at("2026-01-04T00:00:00Z")) == at("2026-01-04T15:00:00Z"));
}

TEST_CASE("POSIX TZ rules agree with the zone database: a half-hour shift and a negative one") {
    // Lord Howe Island: 10:30 east, DST of 30 minutes from October's first Sunday to April's
    // (southern hemisphere, DST across the new year). Dublin: Irish Standard Time (+1) in
    // summer, GMT in winter counted as the "daylight" offset, a negative shift of one hour.
    // Both are the POSIX strings tzdata itself writes for these zones.
    const std::pair<const char*, const char*> pairs[] = {
        {"Australia/Lord_Howe", "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0"},
        {"Europe/Dublin", "IST-1GMT0,M10.5.0,M3.5.0/1"},
        {"America/New_York", "EST5EDT4,M3.2.0/2,M11.1.0/2"},
    };
    for (const auto& [iana_name, posix_rule] : pairs) {
        INFO(posix_rule);
        const Calendar iana = nights(iana_name);
        const Calendar posix = nights(posix_rule);
        std::mt19937_64 rng(12);
        std::uniform_int_distribution<Instant> when(at("2025-01-01T00:00:00Z"),
                                                    at("2027-12-31T00:00:00Z"));
        std::uniform_int_distribution<Duration> dur(0, 20 * 8 * H);
        for (int i = 0; i < 300; ++i) {
            const Instant t = when(rng);
            const Duration d = dur(rng);
            CHECK(iana.add(t, d) == posix.add(t, d));
            CHECK(iana.between(t, t + d) == posix.between(t, t + d));
            CHECK(iana.is_open(t) == posix.is_open(t));
        }
    }
    // By hand for Dublin: 29 March 2026 01:00 GMT becomes 02:00 IST, so the local night of the
    // 29th (00:00-08:00) holds 7 hours; 25 October 02:00 IST becomes 01:00 GMT, 9 hours.
    const Calendar dublin = nights("IST-1GMT0,M10.5.0,M3.5.0/1");
    CHECK(dublin.between(at("2026-03-28T20:00:00Z"), at("2026-03-29T12:00:00Z")) == 7 * H);
    CHECK(dublin.between(at("2026-10-24T20:00:00Z"), at("2026-10-25T12:00:00Z")) == 9 * H);
}
