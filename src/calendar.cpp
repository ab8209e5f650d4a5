#include "plaint/calendar.hpp"

#include "error_detail.hpp"
#include "json_util.hpp"
#include "zone.hpp"

#include <date/tz.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <set>
#include <unordered_map>

PLAINT_BEGIN_NAMESPACE
namespace detail {

namespace {

constexpr std::int64_t day = 86400;
constexpr int year_count = calendar_last_year - calendar_first_year + 1;

// UTC instants of 1 January 00:00 for each computed year, plus the end of the last one.
struct YearTable {
    std::array<Instant, year_count + 1> start{};
    YearTable() {
        for (int i = 0; i <= year_count; ++i)
            start[static_cast<std::size_t>(i)] =
                days_from_civil(calendar_first_year + i, 1, 1) * day;
    }
};
const YearTable years;

const Instant range_lo = years.start.front();
const Instant range_hi = years.start.back();

// Index of the year holding t, for range_lo <= t < range_hi.
int year_index(Instant t) {
    auto i = static_cast<int>((t - range_lo) / (day * 365 + day / 4 - day / 100 + day / 400));
    if (i >= year_count)
        i = year_count - 1;
    while (i > 0 && years.start[static_cast<std::size_t>(i)] > t)
        --i;
    while (i + 1 < year_count && years.start[static_cast<std::size_t>(i + 1)] <= t)
        ++i;
    return i;
}

[[noreturn]] void outside(Instant t) {
    throw error(errc::out_of_range, "instant " + std::to_string(t) +
                                        " lies outside the years a calendar computes (" +
                                        std::to_string(calendar_first_year) + "-" +
                                        std::to_string(calendar_last_year) + ")");
}

std::int64_t local_days(const LocalDate& d) {
    return days_from_civil(d.year, static_cast<unsigned>(d.month), static_cast<unsigned>(d.day));
}

// First i with a[i] > x (upper) or a[i] >= x (lower), without branches on the data: random
// instants make a branchy binary search mispredict about half its steps.
template <bool upper>
std::size_t first_past(const std::int64_t* a, std::size_t n, std::int64_t x) noexcept {
    if (n == 0)
        return 0;
    std::size_t lo = 0;
    while (n > 1) {
        const std::size_t half = n / 2;
        const std::int64_t v = a[lo + half - 1];
        lo += half * static_cast<std::size_t>(upper ? v <= x : v < x);
        n -= half;
    }
    return lo + static_cast<std::size_t>(upper ? a[lo] <= x : a[lo] < x);
}

} // namespace

// One year's open time: merged, sorted UTC intervals clipped to [lo, hi), with prefix sums
// (cum[i] = open seconds before interval i; cum[n] = the year's total).
struct Block {
    std::vector<Instant> start, end;
    std::vector<Duration> cum;
    Instant lo = 0, hi = 0;
    // by_day[k]: the first interval whose end is after lo + k days (k = 0 .. days + 1).
    std::vector<std::uint32_t> by_day;
    // by_open[q]: the first interval whose cumulative end reaches q * open_step open seconds.
    static constexpr Duration open_step = 3600;
    std::vector<std::uint32_t> by_open;

    std::size_t size() const noexcept { return start.size(); }
    Duration total() const noexcept { return cum.back(); }
    // First interval whose end is after t: it lies between the first ones after t's UTC day's
    // start and after its end, usually a couple of intervals apart.
    std::size_t find(Instant t) const noexcept {
        const auto k = static_cast<std::size_t>((t - lo) / 86400);
        const std::size_t a = by_day[k], b = by_day[k + 1];
        return a + first_past<true>(end.data() + a, b - a, t);
    }
    // First interval i whose cumulative end cum[i + 1] reaches the target (upper: passes it).
    // The answer lies between the first intervals reaching the open-hour marks around the
    // target, usually one or two apart. Needs 0 <= target < total (upper) or <= total.
    template <bool upper>
    std::size_t find_open(Duration target) const noexcept {
        const auto q = static_cast<std::size_t>(target / open_step);
        const std::size_t a = by_open[q], b = std::min<std::size_t>(by_open[q + 1], size() - 1);
        return a + first_past<upper>(cum.data() + 1 + a, b - a + 1, target);
    }
    void index() {
        const auto days = static_cast<std::size_t>((hi - lo + 86399) / 86400);
        by_day.resize(days + 2);
        for (std::size_t k = 0; k < by_day.size(); ++k)
            by_day[k] = static_cast<std::uint32_t>(
                std::upper_bound(end.begin(), end.end(), lo + static_cast<Instant>(k) * 86400) -
                end.begin());
        by_open.resize(static_cast<std::size_t>(total() / open_step) + 2);
        for (std::size_t q = 0; q < by_open.size(); ++q)
            by_open[q] = static_cast<std::uint32_t>(
                std::lower_bound(cum.begin() + 1, cum.end(), static_cast<Duration>(q) * open_step) -
                (cum.begin() + 1));
    }
    // Open seconds in [lo, t).
    Duration open_before(Instant t) const noexcept {
        const std::size_t i = find(t);
        Duration c = cum[i];
        if (i < size() && start[i] < t)
            c += t - start[i];
        return c;
    }
};

class CalendarImpl {
public:
    explicit CalendarImpl(CalendarSpec spec) : spec_(std::move(spec)) {
        if (spec_.always_open)
            return;
        zone_ = make_zone(spec_.timezone);
        for (const auto& d : spec_.closed)
            closed_.insert(local_days(d));
        for (const auto& [d, openings] : spec_.dates) {
            dates_[local_days(d)] = &openings;
            if (!openings.empty())
                last_special_ = std::max(last_special_, local_days(d));
        }
        for (const auto& w : spec_.week)
            has_weekly_ = has_weekly_ || !w.empty();
        for (auto& slot : blocks_)
            slot.store(nullptr, std::memory_order_relaxed);
    }

    const CalendarSpec& spec() const noexcept { return spec_; }
    bool always_open() const noexcept { return spec_.always_open; }

    const Block& block(int index) const {
        const Block* b = blocks_[static_cast<std::size_t>(index)].load(std::memory_order_acquire);
        if (b)
            return *b;
        std::lock_guard<std::mutex> lock(mu_);
        b = blocks_[static_cast<std::size_t>(index)].load(std::memory_order_relaxed);
        if (!b) {
            owned_.push_back(compile_year(index));
            b = owned_.back().get();
            blocks_[static_cast<std::size_t>(index)].store(b, std::memory_order_release);
        }
        return *b;
    }

    // Whether any year from `index` on can hold an opening.
    bool may_open_from(int index) const noexcept {
        return has_weekly_ ||
               last_special_ >= years.start[static_cast<std::size_t>(index)] / day - 3;
    }

private:
    const std::vector<Opening>& openings_on(std::int64_t d) const {
        static const std::vector<Opening> none;
        if (auto it = dates_.find(d); it != dates_.end())
            return *it->second;
        if (closed_.count(d))
            return none;
        const auto weekday = static_cast<std::size_t>(((d + 3) % 7 + 7) % 7); // 1970-01-01: Thu
        return spec_.week[weekday];
    }

    std::unique_ptr<Block> compile_year(int index) const {
        auto b = std::make_unique<Block>();
        b->lo = years.start[static_cast<std::size_t>(index)];
        b->hi = years.start[static_cast<std::size_t>(index) + 1];
        // Local dates whose openings can reach into this UTC year: offsets stay within ±18 h and
        // an opening ends at most 48 h after its date's midnight.
        std::vector<std::pair<Instant, Instant>> spans;
        for (std::int64_t d = b->lo / day - 3; d <= b->hi / day + 1; ++d) {
            for (const Opening& o : openings_on(d)) {
                const std::int64_t ls = d * day + o.start;
                const std::int64_t le = d * day + (o.end > o.start ? o.end : o.end + day);
                const Instant us = zone_->to_utc(ls), ue = zone_->to_utc(le);
                const Instant s = std::max(us, b->lo), e = std::min(ue, b->hi);
                if (e > s) // an opening wholly inside a DST gap holds no time
                    spans.emplace_back(s, e);
            }
        }
        std::sort(spans.begin(), spans.end());
        Duration total = 0;
        b->cum.push_back(0);
        for (const auto& [s, e] : spans) {
            if (!b->end.empty() && s <= b->end.back()) { // overlapping or adjacent: merge
                if (e > b->end.back()) {
                    total += e - b->end.back();
                    b->end.back() = e;
                    b->cum.back() = total;
                }
                continue;
            }
            b->start.push_back(s);
            b->end.push_back(e);
            total += e - s;
            b->cum.push_back(total);
        }
        b->index();
        return b;
    }

    CalendarSpec spec_;
    std::unique_ptr<Zone> zone_;
    std::set<std::int64_t> closed_;
    std::unordered_map<std::int64_t, const std::vector<Opening>*> dates_;
    std::int64_t last_special_ = INT64_MIN;
    bool has_weekly_ = false;
    mutable std::array<std::atomic<const Block*>, year_count> blocks_;
    mutable std::mutex mu_;
    mutable std::vector<std::unique_ptr<Block>> owned_;
};

} // namespace detail

using detail::Block;
using detail::day;

namespace {

void check_range(Instant t) {
    if (t < detail::range_lo || t > detail::range_hi)
        detail::outside(t);
}

std::string time_text(std::int32_t s) {
    char buf[16];
    if (s % 60 == 0)
        std::snprintf(buf, sizeof buf, "%02d:%02d", s / 3600, s / 60 % 60);
    else
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    return buf;
}

std::string date_text(const LocalDate& d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string opening_problem(const Opening& o) {
    if (o.start < 0 || o.start >= day)
        return "an opening must start within 00:00-23:59:59";
    if (o.end < 0 || o.end > day)
        return "an opening must end within 00:00-24:00";
    return {};
}

// Problems with one day's list of openings: each in range, none overlapping another.
void check_openings(const std::vector<Opening>& list, const std::string& where,
                    detail::Problems& problems) {
    std::vector<std::pair<std::int64_t, std::int64_t>> spans;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string p = opening_problem(list[i]);
        if (!p.empty()) {
            problems.add(detail::pointer_join(where, i), p);
            continue;
        }
        const std::int64_t e = list[i].end > list[i].start ? list[i].end : list[i].end + day;
        spans.emplace_back(list[i].start, e);
    }
    std::sort(spans.begin(), spans.end());
    for (std::size_t i = 1; i < spans.size(); ++i)
        if (spans[i].first < spans[i - 1].second)
            problems.add(where, "openings " +
                                    time_text(static_cast<std::int32_t>(spans[i - 1].first)) +
                                    " and " + time_text(static_cast<std::int32_t>(spans[i].first)) +
                                    " overlap");
}

bool date_in_range(const LocalDate& d) {
    return detail::valid_civil(d.year, d.month, d.day) && d.year >= calendar_first_year &&
           d.year <= calendar_last_year;
}

const char* const weekday_keys[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

} // namespace

LocalDate parse_local_date(std::string_view s) {
    auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
    bool ok = s.size() == 10 && s[4] == '-' && s[7] == '-';
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        ok = ok && digit(i);
    if (!ok)
        throw error(errc::parse, "date " + detail::quote(s) + " is not YYYY-MM-DD");
    auto num = [&](std::size_t a, std::size_t n) {
        int v = 0;
        for (std::size_t i = a; i < a + n; ++i)
            v = v * 10 + (s[i] - '0');
        return v;
    };
    LocalDate d{num(0, 4), num(5, 2), num(8, 2)};
    if (!detail::valid_civil(d.year, d.month, d.day))
        throw error(errc::parse, "date " + detail::quote(s) + " does not exist");
    return d;
}

std::int32_t parse_time_of_day(std::string_view s) {
    auto digit = [&](std::size_t i) { return s[i] >= '0' && s[i] <= '9'; };
    const bool hm = s.size() == 5 && s[2] == ':' && digit(0) && digit(1) && digit(3) && digit(4);
    const bool hms = s.size() == 8 && s[2] == ':' && s[5] == ':' && digit(0) && digit(1) &&
                     digit(3) && digit(4) && digit(6) && digit(7);
    if (!hm && !hms)
        throw error(errc::parse, "time " + detail::quote(s) + " is not HH:MM or HH:MM:SS");
    const int h = (s[0] - '0') * 10 + (s[1] - '0');
    const int m = (s[3] - '0') * 10 + (s[4] - '0');
    const int sec = hms ? (s[6] - '0') * 10 + (s[7] - '0') : 0;
    if (m > 59 || sec > 59 || h > 24 || (h == 24 && (m != 0 || sec != 0)))
        throw error(errc::parse, "time " + detail::quote(s) + " is not within 00:00-24:00");
    return h * 3600 + m * 60 + sec;
}

Calendar::Calendar()
    : Calendar(std::make_shared<const detail::CalendarImpl>([] {
          CalendarSpec s;
          s.always_open = true;
          return s;
      }())) {}

Calendar::Calendar(std::shared_ptr<const detail::CalendarImpl> impl) : impl_(std::move(impl)) {}

namespace {

// Every problem of a specification, each with its JSON pointer.
void validate(const CalendarSpec& spec, detail::Problems& problems) {
    for (std::size_t w = 0; w < 7; ++w)
        check_openings(spec.week[w], std::string("/week/") + weekday_keys[w], problems);
    std::set<LocalDate> closed;
    for (std::size_t i = 0; i < spec.closed.size(); ++i) {
        const auto& d = spec.closed[i];
        if (!date_in_range(d))
            problems.add(detail::pointer_join("/closed", i),
                         "date " + date_text(d) + " is invalid or outside " +
                             std::to_string(calendar_first_year) + "-" +
                             std::to_string(calendar_last_year));
        closed.insert(d);
    }
    for (const auto& [d, list] : spec.dates) {
        const std::string where = detail::pointer_join("/dates", date_text(d));
        if (!date_in_range(d))
            problems.add(where, "date is invalid or outside " +
                                    std::to_string(calendar_first_year) + "-" +
                                    std::to_string(calendar_last_year));
        if (closed.count(d))
            problems.add(where, "date is listed both as closed and with its own hours");
        check_openings(list, where, problems);
    }
}

// A calendar with no opening hours at all never opens within its years: every deadline and
// clock on it would fail later, complaint by complaint, so it is refused at once. Checked last,
// once everything else holds (a time zone that does not exist is said so first).
void check_opens(const CalendarSpec& spec, const detail::PositionIndex* index) {
    const bool weekly = std::any_of(spec.week.begin(), spec.week.end(),
                                    [](const std::vector<Opening>& l) { return !l.empty(); });
    const bool dated = std::any_of(spec.dates.begin(), spec.dates.end(),
                                   [](const auto& d) { return !d.second.empty(); });
    if (spec.always_open || weekly || dated)
        return;
    detail::Problems problems;
    problems.add("/week", "the calendar is never open: give a weekday or a date opening hours "
                          "(or use \"24x7\")");
    problems.throw_if_any("calendar", index);
}

} // namespace

Calendar Calendar::compile(const CalendarSpec& spec) {
    if (spec.always_open) {
        CalendarSpec s;
        s.always_open = true;
        return Calendar(std::make_shared<const detail::CalendarImpl>(std::move(s)));
    }
    detail::Problems problems;
    validate(spec, problems);
    problems.throw_if_any("calendar");
    auto impl = std::make_shared<const detail::CalendarImpl>(spec);
    check_opens(impl->spec(), nullptr);
    return Calendar(std::move(impl));
}

Calendar Calendar::from_json(std::string_view text) {
    detail::JsonLimits limits;
    limits.max_depth = 8;
    limits.max_values = detail::max_document_values;
    limits.max_key_bytes = detail::max_document_key_bytes;
    detail::Json parsed = detail::parse_json(text, limits, "calendar");
    const detail::DisposeOnExit parsed_guard(parsed);
    const detail::Json& doc = parsed;
    CalendarSpec spec;
    if (doc.is_string()) {
        if (doc.get<std::string>() != "24x7") {
            detail::Problems p;
            p.add("", "a calendar is an object or the string \"24x7\"");
            p.throw_if_any("calendar");
        }
        spec.always_open = true;
        return compile(spec);
    }
    detail::Problems problems;
    if (!doc.is_object()) {
        problems.add("", "a calendar is an object or the string \"24x7\"");
        problems.throw_if_any("calendar");
    }
    auto read_openings = [&](const detail::Json& v, const std::string& where,
                             std::vector<Opening>& out) {
        if (!v.is_array()) {
            problems.add(where, "expected a list of [\"HH:MM\", \"HH:MM\"] intervals");
            return;
        }
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::string at = detail::pointer_join(where, i);
            const auto& pair = v[i];
            if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() ||
                !pair[1].is_string()) {
                problems.add(at, "expected an interval [\"HH:MM\", \"HH:MM\"]");
                continue;
            }
            try {
                out.push_back({parse_time_of_day(pair[0].get<std::string>()),
                               parse_time_of_day(pair[1].get<std::string>())});
            } catch (const error& e) {
                problems.add(at, e.what());
            }
        }
    };
    for (const auto& [key, value] : doc.items()) {
        const std::string where = detail::pointer_join("", key);
        if (key == "name" || key == "description") {
            if (!value.is_string())
                problems.add(where, "expected a string");
        } else if (key == "timezone") {
            if (value.is_string() && !value.get<std::string>().empty())
                spec.timezone = value.get<std::string>();
            else
                problems.add(where, "expected a time zone: an IANA name, a POSIX TZ string or "
                                    "\"UTC\"");
        } else if (key == "week") {
            if (!value.is_object()) {
                problems.add(where, "expected an object with keys mon..sun");
                continue;
            }
            for (const auto& [wk, wv] : value.items()) {
                const auto* it = std::find(std::begin(weekday_keys), std::end(weekday_keys), wk);
                if (it == std::end(weekday_keys)) {
                    problems.add(detail::pointer_join(where, wk),
                                 "unknown weekday; expected one of mon, tue, wed, thu, fri, sat, "
                                 "sun");
                    continue;
                }
                read_openings(wv, detail::pointer_join(where, wk),
                              spec.week[static_cast<std::size_t>(it - std::begin(weekday_keys))]);
            }
        } else if (key == "closed") {
            if (!value.is_array()) {
                problems.add(where, "expected a list of \"YYYY-MM-DD\" dates");
                continue;
            }
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (!value[i].is_string()) { // said without an exception: lists may be long
                    problems.add(detail::pointer_join(where, i), "expected a date \"YYYY-MM-DD\"");
                    continue;
                }
                try {
                    spec.closed.push_back(parse_local_date(value[i].get<std::string>()));
                } catch (const error& e) {
                    problems.add(detail::pointer_join(where, i), e.what());
                }
            }
        } else if (key == "dates") {
            if (!value.is_object()) {
                problems.add(where, "expected an object from \"YYYY-MM-DD\" to intervals");
                continue;
            }
            for (const auto& [dk, dv] : value.items()) {
                const std::string at = detail::pointer_join(where, dk);
                try {
                    read_openings(dv, at, spec.dates[parse_local_date(dk)]);
                } catch (const error& e) {
                    problems.add(at, e.what());
                }
            }
        } else {
            problems.add(where, "unknown key; expected timezone, week, closed, dates, name or "
                                "description");
        }
    }
    validate(spec, problems); // what was read is checked too, so one pass reports everything
    const detail::PositionIndex index(text);
    problems.throw_if_any("calendar", &index);
    auto impl = std::make_shared<const detail::CalendarImpl>(std::move(spec));
    check_opens(impl->spec(), &index);
    return Calendar(std::move(impl));
}

std::string Calendar::to_json() const {
    const CalendarSpec& s = impl_->spec();
    if (s.always_open)
        return "\"24x7\"";
    detail::Json doc = detail::Json::object();
    const detail::DisposeOnExit guard(doc);
    doc["timezone"] = s.timezone;
    // Built in place: a temporary tree would allocate as it is destroyed (see detail::dispose).
    auto openings = [](detail::Json& a, const std::vector<Opening>& list) {
        a = detail::Json::array();
        for (const auto& o : list) {
            detail::Json& span = a.emplace_back(detail::Json::array());
            span.push_back(time_text(o.start));
            span.push_back(time_text(o.end));
        }
    };
    doc["week"] = detail::Json::object();
    for (std::size_t w = 0; w < 7; ++w)
        openings(doc["week"][weekday_keys[w]], s.week[w]);
    doc["closed"] = detail::Json::array();
    for (const auto& d : s.closed)
        doc["closed"].push_back(date_text(d));
    doc["dates"] = detail::Json::object();
    for (const auto& [d, list] : s.dates)
        openings(doc["dates"][date_text(d)], list);
    return doc.dump();
}

const CalendarSpec& Calendar::spec() const noexcept {
    return impl_->spec();
}

bool Calendar::is_open(Instant t) const {
    check_range(t);
    if (t == detail::range_hi) // the end of the years is a bound, not an instant inside them
        detail::outside(t);
    if (impl_->always_open())
        return true;
    const Block& b = impl_->block(detail::year_index(t));
    const std::size_t i = b.find(t);
    return i < b.size() && b.start[i] <= t;
}

Instant Calendar::next_open(Instant t) const {
    check_range(t);
    if (t == detail::range_hi) // the end of the years is a bound, not an instant inside them
        detail::outside(t);
    if (impl_->always_open())
        return t;
    for (int y = detail::year_index(t); y < detail::year_count; ++y) {
        if (!impl_->may_open_from(y))
            break;
        const Block& b = impl_->block(y);
        const Instant from = std::max(t, b.lo);
        const std::size_t i = b.find(from);
        if (i < b.size())
            return std::max(from, b.start[i]);
    }
    throw error(errc::not_found, "the calendar does not open after instant " + std::to_string(t) +
                                     " within the years it computes");
}

Instant Calendar::add(Instant t, Duration d) const {
    if (d < 0) {
        if (d == INT64_MIN)
            throw error(errc::overflow, "duration " + std::to_string(d) + " cannot be negated");
        return sub(t, -d);
    }
    check_range(t);
    if (impl_->always_open()) {
        const Instant u = plaint::add(t, d);
        check_range(u);
        return u;
    }
    if (d == 0)
        return t;
    if (t == detail::range_hi)
        detail::outside(t);
    Duration rem = d;
    int y = detail::year_index(t);
    const Block* b = &impl_->block(y);
    Duration c = b->open_before(t);
    for (;;) {
        const Duration avail = b->total() - c;
        if (rem <= avail) {
            const Duration target = c + rem;
            // The first interval whose cumulative end reaches the target: earliest instant.
            const std::size_t i = b->find_open<false>(target);
            return b->start[i] + (target - b->cum[i]);
        }
        rem -= avail;
        if (++y >= detail::year_count || !impl_->may_open_from(y))
            throw error(errc::out_of_range, "adding " + std::to_string(d) +
                                                " business seconds to " + std::to_string(t) +
                                                " goes beyond the years the calendar computes");
        b = &impl_->block(y);
        c = 0;
    }
}

Instant Calendar::sub(Instant t, Duration d) const {
    if (d < 0) {
        if (d == INT64_MIN)
            throw error(errc::overflow, "duration " + std::to_string(d) + " cannot be negated");
        return add(t, -d);
    }
    check_range(t);
    if (impl_->always_open()) {
        const Instant u = plaint::add(t, -d);
        check_range(u);
        return u;
    }
    if (d == 0)
        return t;
    Duration rem = d;
    int y = t == detail::range_hi ? detail::year_count - 1 : detail::year_index(t);
    const Block* b = &impl_->block(y);
    Duration c = b->open_before(t);
    for (;;) {
        if (rem <= c) {
            const Duration target = c - rem;
            // The first interval whose cumulative end passes the target: latest instant.
            const std::size_t i = b->find_open<true>(target);
            return b->start[i] + (target - b->cum[i]);
        }
        rem -= c;
        if (--y < 0)
            throw error(errc::out_of_range, "subtracting " + std::to_string(d) +
                                                " business seconds from " + std::to_string(t) +
                                                " goes before the years the calendar computes");
        b = &impl_->block(y);
        c = b->total();
    }
}

Duration Calendar::between(Instant a, Instant b) const {
    check_range(a);
    check_range(b);
    if (impl_->always_open())
        return b - a; // both within the range: no overflow
    if (b < a)
        return -between(b, a);
    if (a == b)
        return 0;
    const int ya = detail::year_index(a);
    const int yb = b == detail::range_hi ? detail::year_count - 1 : detail::year_index(b);
    const Block& ba = impl_->block(ya);
    if (ya == yb)
        return ba.open_before(b) - ba.open_before(a);
    Duration sum = ba.total() - ba.open_before(a);
    for (int y = ya + 1; y < yb; ++y)
        sum += impl_->block(y).total();
    return sum + impl_->block(yb).open_before(b);
}

void Calendar::add_many(const Instant* t, const Duration* d, std::size_t n, Instant* out) const {
    for (std::size_t i = 0; i < n; ++i) {
        try {
            out[i] = add(t[i], d[i]);
        } catch (const error& e) {
            throw error(e.code(), "at index " + std::to_string(i) + ": " + e.what());
        }
    }
}

void Calendar::sub_many(const Instant* t, const Duration* d, std::size_t n, Instant* out) const {
    for (std::size_t i = 0; i < n; ++i) {
        try {
            out[i] = sub(t[i], d[i]);
        } catch (const error& e) {
            throw error(e.code(), "at index " + std::to_string(i) + ": " + e.what());
        }
    }
}

void Calendar::between_many(const Instant* a, const Instant* b, std::size_t n,
                            Duration* out) const {
    for (std::size_t i = 0; i < n; ++i) {
        try {
            out[i] = between(a[i], b[i]);
        } catch (const error& e) {
            throw error(e.code(), "at index " + std::to_string(i) + ": " + e.what());
        }
    }
}

std::string Calendar::tzdb_version() {
    std::string v;
    try {
        v = date::get_tzdb().version;
    } catch (const std::bad_alloc&) {
        throw; // out of memory is not "the database has no version"
    } catch (...) {
    }
    if (!v.empty() && v != "unknown")
        return v;
    // Debian's tzdata ships no +VERSION file, which date/tz reads; its tzdata.zi names the
    // version on its first line ("# version 2026f").
    std::ifstream zi("/usr/share/zoneinfo/tzdata.zi");
    std::string line;
    if (zi && std::getline(zi, line) && line.rfind("# version ", 0) == 0)
        return line.substr(10);
    return {};
}

PLAINT_END_NAMESPACE
