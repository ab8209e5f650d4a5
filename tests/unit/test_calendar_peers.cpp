// plaint's business time against an independent implementation: dayjs-business-time 1.0.4 (with
// dayjs 1.11.23 on Node 20), run by the peer harness (peers/run bizdays) on the first 10,000 rows
// of peers/bizdays/gen_bt_inputs.js (mulberry32, seed 20260202). Every expected value below is
// that program's output, stored verbatim in tests/vectors/bizdays_dayjs_10000.csv (see
// tests/vectors/README.md); nothing expected is computed by plaint.
//
// The harness's calendar (peers/bizdays/calendar_cn_2026.json: Mon-Fri 09-12 and 13-18 in
// Asia/Shanghai, the 2026 holidays and make-up workdays) has for 2026 exactly the hours, closed
// dates and make-up dates of examples/data/calendars/cn-office.json, which is what is loaded here.
// dayjs-business-time has no make-up workdays; the harness emulates them exactly with a seven-day
// week whose non-make-up weekend dates are closed.
//
// Both peer operations map one to one: `addBusinessMinutes(dur)` from the start is
// `add(start, dur * 60)`, and `start.businessMinutesDiff(end)` is `between(start, end)` in
// minutes. The documented quirks of the other peers (pandas returning the next opening when time
// runs out exactly at a closing, moment-business-time's workingDiff) do not occur in dayjs's
// answers on these rows: when time runs out at a closing, dayjs returns the closing, the earliest
// instant, as plaint does. So every row must match exactly.
#include "support.hpp"
#include <plaint/calendar.hpp>

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace plaint;

namespace {

// The harness's minutes count from 2026-01-01T00:00 in Shanghai, UTC+8 all year.
constexpr Instant base = 1767196800; // 2026-01-01T00:00:00+08:00

struct Rows {
    std::vector<Instant> start, end, deadline; // UTC seconds
    std::vector<Duration> dur, between;        // seconds
};

// start_min,dur_min,deadline_min,end_min,biz_minutes: the peer's own cross-check file.
Rows read_vectors() {
    std::istringstream in(read_file(std::string(PLAINT_VECTORS_DIR) + "/bizdays_dayjs_10000.csv"));
    std::string line;
    REQUIRE(std::getline(in, line));
    REQUIRE(line == "start_min,dur_min,deadline_min,end_min,biz_minutes");
    Rows r;
    while (std::getline(in, line)) {
        long long s = 0, d = 0, dl = 0, e = 0, bm = 0;
        char tail = 0;
        INFO("line: " << line);
        REQUIRE(std::sscanf(line.c_str(), "%lld,%lld,%lld,%lld,%lld%c", &s, &d, &dl, &e, &bm,
                            &tail) == 5);
        r.start.push_back(base + s * 60);
        r.dur.push_back(d * 60);
        r.deadline.push_back(base + dl * 60);
        r.end.push_back(base + e * 60);
        r.between.push_back(bm * 60);
    }
    return r;
}

Calendar cn_office() {
    return Calendar::from_json(
        read_file(std::string(PLAINT_DATA_DIR) + "/calendars/cn-office.json"));
}

std::string shanghai(Instant t) {
    return format_iso8601(t, 8 * 3600);
}

} // namespace

TEST_CASE("add and between equal dayjs-business-time's answers on the first 10000 generated rows") {
    const Rows r = read_vectors();
    REQUIRE(r.start.size() == 10000);
    const Calendar c = cn_office();

    std::size_t add_diff = 0, between_diff = 0;
    for (std::size_t i = 0; i < r.start.size(); ++i) {
        const Instant a = c.add(r.start[i], r.dur[i]);
        const Duration b = c.between(r.start[i], r.end[i]);
        if (a != r.deadline[i] && ++add_diff <= 10)
            FAIL_CHECK("row " << i + 1 << ": add(" << shanghai(r.start[i]) << ", " << r.dur[i] / 60
                              << " min) = " << shanghai(a) << ", dayjs "
                              << shanghai(r.deadline[i]));
        if (b != r.between[i] && ++between_diff <= 10)
            FAIL_CHECK("row " << i + 1 << ": between(" << shanghai(r.start[i]) << ", "
                              << shanghai(r.end[i]) << ") = " << b / 60 << " min, dayjs "
                              << r.between[i] / 60);
    }
    CHECK(add_diff == 0);
    CHECK(between_diff == 0);

    // The batch calls give the same answers.
    std::vector<Instant> deadlines(r.start.size());
    std::vector<Duration> open(r.start.size());
    c.add_many(r.start.data(), r.dur.data(), r.start.size(), deadlines.data());
    c.between_many(r.start.data(), r.end.data(), r.start.size(), open.data());
    CHECK(deadlines == r.deadline);
    CHECK(open == r.between);
}

TEST_CASE("the dayjs rows cover the cases where business-time libraries disagree") {
    // Not a check of plaint, but of the vectors: the comparison above means something only if
    // the rows reach these cases. The counts are facts about the peer's rows.
    const Rows r = read_vectors();
    const Calendar c = cn_office();
    std::size_t at_closing = 0, start_closed = 0, end_closed = 0, none_between = 0,
                on_makeup_day = 0;
    const auto& makeup = c.spec().dates; // the six 2026 make-up workdays (and 2025's)
    for (std::size_t i = 0; i < r.start.size(); ++i) {
        const Instant local = r.deadline[i] + 8 * 3600;
        const auto minute_of_day = (local % 86400) / 60;
        // Time runs out exactly at a closing (12:00 or 18:00): dayjs, like plaint, answers the
        // closing itself (pandas answers the next opening).
        at_closing += minute_of_day == 12 * 60 || minute_of_day == 18 * 60;
        start_closed += !c.is_open(r.start[i]);
        end_closed += !c.is_open(r.end[i]);
        none_between += r.between[i] == 0;
        const std::string date = shanghai(r.deadline[i]).substr(0, 10);
        on_makeup_day += makeup.count(parse_local_date(date)) > 0;
    }
    CHECK(at_closing > 0);
    CHECK(start_closed > 0);
    CHECK(end_closed > 0);
    CHECK(none_between > 0);
    CHECK(on_makeup_day > 0);
}
