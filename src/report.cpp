// The monthly report (DOMAIN.md §4–6, issue 6 "The monthly report"): figures, JSON, CSV and the
// text summary. The HTML page is drawn in report_render.cpp.
#include "plaint/report.hpp"

#include "csv.hpp"
#include "error_detail.hpp"
#include "json_util.hpp"
#include "plaint/error.hpp"
#include "plaint/profile.hpp"
#include "plaint/survey.hpp"
#include "report_detail.hpp"
#include "zone.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

PLAINT_BEGIN_NAMESPACE

namespace detail {

std::string fixed(double v, int precision) {
    if (!std::isfinite(v))
        return "";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", precision, v);
    return buf;
}

std::string month_of_days(std::int64_t days) {
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04lld-%02u", static_cast<long long>(y), m);
    return buf;
}

std::string date_of_days(std::int64_t days) {
    std::int64_t y = 0;
    unsigned m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
    return buf;
}

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

// UTC to local wall time in a zone that only converts the other way (zone.hpp): a fixed point
// of L ↦ L + (t − to_utc(L)). Months without a transition use one offset for every instant.
class LocalClock {
public:
    explicit LocalClock(const std::string& name) : zone_(make_zone(name)) {}
    std::int64_t offset_at(Instant t) const {
        std::int64_t local = t + guess_;
        for (int i = 0; i < 4; ++i) {
            const Instant u = zone_->to_utc(local);
            if (u == t)
                break;
            local += t - u;
        }
        guess_ = local - t;
        return guess_;
    }
    // The UTC instant of local midnight on the first of a month.
    Instant month_start(int year, unsigned month) const {
        return zone_->to_utc(days_from_civil(year, month, 1) * 86400);
    }

private:
    std::unique_ptr<Zone> zone_;
    mutable std::int64_t guess_ = 0;
};

std::string profile_zone(const Profile& p) {
    std::vector<std::string> names;
    for (const auto& pn : p.policies().policy_names())
        for (const Target& t : p.policies().find(pn)->targets)
            names.push_back(t.calendar);
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
        const Calendar* c = p.policies().calendar(n);
        if (c && !c->spec().always_open)
            return c->spec().timezone;
    }
    return "UTC";
}

std::pair<int, unsigned> parse_month(std::string_view ym) {
    // Ledger::month_range validates the shape and the month.
    (void)Ledger::month_range(ym, 0);
    return {std::stoi(std::string(ym.substr(0, 4))),
            static_cast<unsigned>(std::stoi(std::string(ym.substr(5, 2))))};
}

// The type-7 percentile of `satisfaction::percentile` (Hyndman & Fan), found with two selections
// in linear time instead of a sort: a month of a million durations is sorted several times over
// otherwise, which alone took half the report's time. Reorders `v`.
double percentile_inplace(std::vector<double>& v, double percent) {
    if (v.empty())
        return nan;
    const double h = static_cast<double>(v.size() - 1) * percent / 100;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto at = v.begin() + static_cast<std::ptrdiff_t>(lo);
    std::nth_element(v.begin(), at, v.end());
    const double x0 = *at;
    if (lo + 1 >= v.size())
        return x0;
    const double x1 = *std::min_element(at + 1, v.end());
    return x0 + (h - static_cast<double>(lo)) * (x1 - x0);
}

DurationFigures durations(std::vector<double>& v) {
    DurationFigures d;
    d.n = v.size();
    d.mean = satisfaction::mean_duration(v.data(), v.size());
    d.p50 = percentile_inplace(v, 50);
    d.p90 = percentile_inplace(v, 90);
    return d;
}

template <class E>
std::vector<NamedCount> enum_counts(const std::size_t* counts, int lo, int hi) {
    std::vector<NamedCount> out;
    for (int c = lo; c <= hi; ++c)
        out.push_back(
            {std::string(to_string(static_cast<E>(c))), counts[static_cast<std::size_t>(c)]});
    return out;
}

std::vector<NamedCount> top_of(const std::unordered_map<std::string_view, std::size_t>& m,
                               std::size_t top) {
    std::vector<NamedCount> out;
    out.reserve(m.size());
    for (const auto& kv : m)
        out.push_back({std::string(kv.first), kv.second});
    std::sort(out.begin(), out.end(), [](const NamedCount& a, const NamedCount& b) {
        return a.count != b.count ? a.count > b.count : a.name < b.name;
    });
    if (out.size() > top)
        out.resize(top);
    return out;
}

bool is_nps_question(const std::string& q) {
    return q == "recommend" || q == "nps" || q.find("recommend") != std::string::npos;
}

std::string leaf_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The survey figures of the rows `rows` of `s`.
SatisfactionFigures score_rows(const SurveyResponses& s, const std::vector<std::size_t>& rows,
                               const std::optional<Survey>& survey, const std::string& month,
                               double confidence, double target) {
    SatisfactionFigures f;
    f.month = month;
    f.responses = rows.size();
    const satisfaction::Scale scale = survey ? survey->scale : satisfaction::Scale{1, 5};
    const std::uint64_t mask =
        survey && survey->satisfied_mask ? survey->satisfied_mask : satisfaction::default_satisfied;
    const std::string overall = survey && !survey->overall.empty() ? survey->overall : "overall";

    std::vector<std::vector<std::int8_t>> cols(s.questions.size());
    std::vector<satisfaction::ScoreColumn> scores;
    std::optional<std::size_t> overall_col, nps_col;
    for (std::size_t q = 0; q < s.questions.size(); ++q) {
        auto& col = cols[q];
        col.reserve(rows.size());
        for (std::size_t r : rows)
            col.push_back(s.answers[q][r]);
        satisfaction::ScoreColumn sc;
        sc.name = s.questions[q];
        sc.data = col.data();
        sc.size = col.size();
        if (is_nps_question(s.questions[q])) {
            sc.scale = {0, 10};
            sc.nps = true;
            if (!nps_col)
                nps_col = q;
        } else {
            sc.scale = scale;
            if (s.questions[q] == overall) {
                sc.satisfied = mask;
                overall_col = q;
            }
        }
        scores.push_back(std::move(sc));
    }
    std::vector<satisfaction::IndexSpec> indexes;
    if (survey && !survey->items.empty()) {
        satisfaction::IndexSpec spec;
        spec.name = "index";
        for (const auto& item : survey->items) {
            const std::string leaf = leaf_of(item.path);
            auto it = std::find(s.questions.begin(), s.questions.end(), leaf);
            if (it == s.questions.end()) {
                spec.columns.clear();
                break;
            }
            spec.columns.push_back(static_cast<std::size_t>(it - s.questions.begin()));
            spec.weights.push_back(item.global_weight);
        }
        if (!spec.columns.empty())
            indexes.push_back(std::move(spec));
    }
    const satisfaction::MeanScore no_mean{nan, nan, 0, nan, nan, nan};
    f.overall = no_mean;
    f.index = no_mean;
    f.csat = {nan, 0, 0, nan, nan};
    f.nps = {nan, nan, 0, 0, 0, 0, nan, nan};
    if (rows.empty())
        return f;
    const satisfaction::Grouped g = satisfaction::group({}, scores, indexes, confidence);
    if (g.size() != 1)
        return f;
    if (overall_col) {
        f.overall = g.score(0, *overall_col).mean;
        f.csat = g.score(0, *overall_col).csat;
        f.verdict = satisfaction::check_target(f.csat, target);
    }
    if (nps_col)
        f.nps = g.score(0, *nps_col).nps;
    if (!indexes.empty())
        f.index = g.index(0, 0);
    for (std::size_t q = 0; q < s.questions.size(); ++q)
        f.questions.emplace_back(s.questions[q], g.score(0, q).mean.value);
    return f;
}

// At most this many fields a record of survey answers: a survey has a few questions, and a record
// of millions of empty fields would otherwise hold some 128 bytes of memory for each byte of
// input.
constexpr std::size_t max_survey_fields = 1024;

// The next record of survey answers that is not a blank line, into `r`; false at the end.
// @throws error the record's problem, "survey CSV line N: ...".
bool next_survey_record(CsvReader& reader, CsvRecord& r) {
    while (reader.next(r)) {
        if (r.code != errc::ok)
            throw error(r.code, "survey CSV line " + std::to_string(r.line) + ": " + r.problem);
        if (!csv_blank(r))
            return true;
    }
    return false;
}

} // namespace
} // namespace detail

// ---- survey responses ----

void SurveyResponses::append(const SurveyResponses& o) {
    const std::size_t before = size();
    for (const auto& q : o.questions)
        if (std::find(questions.begin(), questions.end(), q) == questions.end()) {
            questions.push_back(q);
            answers.emplace_back(before, satisfaction::missing);
        }
    complaint_id.insert(complaint_id.end(), o.complaint_id.begin(), o.complaint_id.end());
    building.insert(building.end(), o.building.begin(), o.building.end());
    at.insert(at.end(), o.at.begin(), o.at.end());
    for (std::size_t q = 0; q < questions.size(); ++q) {
        auto it = std::find(o.questions.begin(), o.questions.end(), questions[q]);
        if (it == o.questions.end()) {
            answers[q].resize(size(), satisfaction::missing);
        } else {
            const auto& src = o.answers[static_cast<std::size_t>(it - o.questions.begin())];
            answers[q].insert(answers[q].end(), src.begin(), src.end());
        }
    }
}

SurveyResponses SurveyResponses::from_csv(std::string_view text) {
    // The text is read in place; answers are checked as they come, so that the first bad record
    // is reported with its line, and nothing more is read after it.
    detail::CsvReader reader(text, detail::CsvLimits{detail::max_survey_fields,
                                                     std::numeric_limits<std::size_t>::max()});
    detail::CsvRecord rec;
    SurveyResponses s;
    if (!detail::next_survey_record(reader, rec))
        return s;
    const std::vector<std::string> head = std::move(rec.fields);
    std::optional<std::size_t> c_id, c_building, c_at;
    std::vector<std::size_t> c_q;
    std::unordered_set<std::string_view> seen; // each column once (a set: a long header is linear)
    for (std::size_t i = 0; i < head.size(); ++i) {
        const std::string& h = head[i];
        if (!seen.insert(h).second)
            throw error(errc::invalid_argument,
                        "survey CSV: column " + detail::quote(h) + " appears twice");
        if (h == "complaint_id")
            c_id = i;
        else if (h == "building")
            c_building = i;
        else if (h == "at")
            c_at = i;
        else {
            c_q.push_back(i);
            s.questions.push_back(h);
        }
    }
    if (!c_at)
        throw error(errc::invalid_argument, "survey CSV: no 'at' column");
    s.answers.resize(c_q.size());
    while (detail::next_survey_record(reader, rec)) {
        const auto& f = rec.fields;
        const std::string where = "survey CSV line " + std::to_string(rec.line) + ": ";
        if (f.size() != head.size())
            throw error(errc::parse, where + "expected " + std::to_string(head.size()) +
                                         " fields, found " + std::to_string(f.size()));
        Instant t = 0;
        try {
            const std::string& a = f[*c_at];
            if (!a.empty() &&
                std::all_of(a.begin(), a.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) &&
                a.size() < 18)
                t = std::stoll(a);
            else
                t = parse_iso8601(a);
        } catch (const error& e) {
            throw error(errc::parse, where + "bad instant: " + e.what());
        }
        s.at.push_back(t);
        s.complaint_id.push_back(c_id ? f[*c_id] : std::string());
        s.building.push_back(c_building ? f[*c_building] : std::string());
        for (std::size_t q = 0; q < c_q.size(); ++q) {
            const std::string& a = f[c_q[q]];
            std::int8_t v = satisfaction::missing;
            if (!a.empty()) {
                if (a.size() > 3 || !std::all_of(a.begin(), a.end(),
                                                 [](char ch) { return ch >= '0' && ch <= '9'; }))
                    throw error(errc::parse, where + "answer " + detail::quote(a) + " to " +
                                                 detail::quote(s.questions[q]) +
                                                 " is not an integer 0..127");
                const int n = std::stoi(a);
                if (n > 127)
                    throw error(errc::parse, where + "answer " + a + " to " +
                                                 detail::quote(s.questions[q]) +
                                                 " is not an integer 0..127");
                v = static_cast<std::int8_t>(n);
            }
            s.answers[q].push_back(v);
        }
    }
    return s;
}

// ---- the figures ----

std::string latest_month(const Ledger& ledger, const std::string& timezone) {
    if (ledger.size() == 0)
        return {};
    Instant latest = ledger.view(0).received;
    for (std::size_t i = 1; i < ledger.size(); ++i)
        latest = std::max(latest, ledger.view(i).received);
    detail::LocalClock clock(timezone.empty() ? detail::profile_zone(ledger.profile()) : timezone);
    const std::int64_t local = latest + clock.offset_at(latest);
    return detail::month_of_days(detail::floor_div(local, 86400));
}

MonthlyReport monthly_report(const Ledger& ledger, const ReportOptions& options,
                             const SurveyResponses* surveys) {
    using namespace detail;
    if (!(options.confidence > 0 && options.confidence < 1))
        throw error(errc::invalid_argument, "the confidence must lie in (0, 1)");
    if (!(options.csat_target >= 0 && options.csat_target <= 1))
        throw error(errc::invalid_argument, "the CSAT target must lie in [0, 1]");
    MonthlyReport rep;
    rep.timezone = options.timezone.empty() ? profile_zone(ledger.profile()) : options.timezone;
    const LocalClock clock(rep.timezone);
    rep.month = options.month.empty() ? latest_month(ledger, rep.timezone) : options.month;
    if (rep.month.empty())
        throw error(errc::invalid_argument, "no month given and the ledger is empty");
    const auto [year, mon] = parse_month(rep.month);
    const int pyear = mon == 1 ? year - 1 : year;
    const unsigned pmon = mon == 1 ? 12 : mon - 1;
    const int nyear = mon == 12 ? year + 1 : year;
    const unsigned nmon = mon == 12 ? 1 : mon + 1;
    {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02u", pyear, pmon);
        rep.previous = buf;
    }
    rep.from = clock.month_start(year, mon);
    rep.to = clock.month_start(nyear, nmon);
    const Instant prev_from = clock.month_start(pyear, pmon);
    rep.as_of = options.as_of.value_or(rep.to);
    rep.profile = ledger.profile().name();
    rep.confidence = options.confidence;
    rep.csat_target = options.csat_target;
    const std::int64_t off_from = clock.offset_at(rep.from);
    const bool one_offset = off_from == clock.offset_at(rep.to - 1);

    // Per-policy target maps: the report's SLA row of each target, and whether it is a repair.
    const PolicySet& set = ledger.profile().policies();
    struct PolicyMap {
        std::string_view name;
        std::vector<std::size_t> rows;
        bool repair = false;
    };
    std::vector<PolicyMap> pmaps;
    auto policy_map = [&](std::string_view name) -> const PolicyMap& {
        for (const auto& pm : pmaps)
            if (pm.name == name)
                return pm;
        PolicyMap pm;
        pm.name = name;
        if (const Policy* p = set.find(name))
            for (const Target& t : p->targets) {
                auto it = std::find_if(rep.sla.begin(), rep.sla.end(),
                                       [&](const TargetFigures& f) { return f.target == t.name; });
                if (it == rep.sla.end()) {
                    TargetFigures f;
                    f.target = t.name;
                    f.kind = t.kind;
                    rep.sla.push_back(f);
                    it = rep.sla.end() - 1;
                }
                pm.rows.push_back(static_cast<std::size_t>(it - rep.sla.begin()));
                if (t.kind == TargetKind::repair_completion ||
                    t.kind == TargetKind::repair_response)
                    pm.repair = true;
            }
        pmaps.push_back(std::move(pm));
        return pmaps.back();
    };

    std::array<std::size_t, 8> by_channel{}, by_category{}, by_nature{}, by_severity{}, esc_to{},
        visit_method{}, visit_role{};
    std::unordered_map<std::string_view, std::size_t> building_index, subcats, tags;
    std::vector<std::array<std::size_t, 8>> bc_cells; // per building index, per category code
    std::vector<std::string_view> building_names;
    std::array<std::size_t, 7 * 24> wh{};
    std::vector<double> first_response, resolution, repair_times;
    std::vector<std::vector<double>> elapsed; // per SLA row
    std::vector<EventBrief> ev;
    std::vector<ClockBrief> clocks;
    std::vector<std::string_view> tagbuf;
    const RuleSet& rules = ledger.profile().rules();
    std::vector<std::string_view> contents; // scanned for keywords 256 at a time
    contents.reserve(256);
    std::vector<std::size_t> keyword_counts(rules.keywords().size());

    const std::size_t n = ledger.size();
    first_response.reserve(n);
    resolution.reserve(n);
    for (std::size_t ci = 0; ci < n; ++ci) {
        const ComplaintView v = ledger.view(ci);
        if (v.received >= rep.to)
            continue;
        const bool in_month = v.received >= rep.from;
        if (!in_month && v.received >= prev_from)
            ++rep.received_previous;
        if (!in_month && v.last_event_at < rep.from)
            continue; // nothing of it happened in the month
        ledger.events_brief(ci, ev);
        // Return visits and their outcomes made in the month, whatever the complaint's month.
        for (const EventBrief& e : ev) {
            if (e.at < rep.from || e.at >= rep.to)
                continue;
            if (e.type == EventType::visit) {
                ++rep.visits;
                ++visit_method[static_cast<std::size_t>(e.detail) & 7];
                ++visit_role[static_cast<std::size_t>(e.actor) & 7];
            } else if (e.type == EventType::satisfied) {
                ++rep.visits_satisfied;
            } else if (e.type == EventType::unsatisfied) {
                ++rep.visits_unsatisfied;
            }
        }
        if (!in_month)
            continue;

        ++rep.received;
        if (v.state != State::closed && v.state != State::explained)
            ++rep.open;
        ++by_channel[static_cast<std::size_t>(v.channel) & 7];
        ++by_category[static_cast<std::size_t>(v.category) & 7];
        ++by_nature[static_cast<std::size_t>(v.nature) & 7];
        ++by_severity[static_cast<std::size_t>(v.severity) & 7];
        auto bi = building_index.find(v.building);
        if (bi == building_index.end()) {
            bi = building_index.emplace(v.building, building_names.size()).first;
            building_names.push_back(v.building);
            bc_cells.emplace_back();
        }
        ++bc_cells[bi->second][static_cast<std::size_t>(v.category) & 7];
        ++subcats[v.subcategory];
        ledger.tags(ci, tagbuf);
        for (auto t : tagbuf)
            ++tags[t];
        contents.push_back(v.content);
        if (contents.size() == 256) {
            rules.count_keywords(contents.data(), contents.size(), keyword_counts.data());
            contents.clear();
        }
        if (v.repeat_count > 0)
            ++rep.repeated;
        const std::int64_t off = one_offset ? off_from : clock.offset_at(v.received);
        const std::int64_t local = v.received + off;
        const std::int64_t days = floor_div(local, 86400);
        const auto weekday = static_cast<std::size_t>(((days % 7) + 7 + 3) % 7); // 1970-01-01: Thu
        const auto hour = static_cast<std::size_t>((local - days * 86400) / 3600);
        ++wh[weekday * 24 + hour];

        // Times by the events, wall clock (DOMAIN.md §6: response time, resolution time).
        std::optional<Instant> responded, resolved;
        bool reevaluated = false, escalated = false;
        for (const EventBrief& e : ev) {
            if (e.at > rep.as_of)
                break;
            switch (e.type) {
            case EventType::assign:
            case EventType::start:
                if (!responded)
                    responded = e.at;
                break;
            case EventType::resolve:
            case EventType::explain:
                if (!responded)
                    responded = e.at;
                if (!resolved)
                    resolved = e.at;
                break;
            case EventType::escalate:
                ++rep.escalations;
                ++esc_to[static_cast<std::size_t>(e.detail) & 7];
                escalated = true;
                break;
            case EventType::classify:
                if (e.derived)
                    reevaluated = true;
                break;
            default:
                break;
            }
        }
        rep.escalated += escalated ? 1 : 0;
        rep.reevaluated += reevaluated ? 1 : 0;
        if (responded)
            first_response.push_back(static_cast<double>(*responded - v.received));
        if (resolved)
            resolution.push_back(static_cast<double>(*resolved - v.received));

        if (v.sla_policy.empty())
            continue;
        const PolicyMap& pm = policy_map(v.sla_policy);
        if (pm.repair && resolved)
            repair_times.push_back(static_cast<double>(*resolved - v.received));
        ledger.clocks_brief(ci, rep.as_of, clocks);
        elapsed.resize(rep.sla.size());
        for (const ClockBrief& c : clocks) {
            if (c.state == ClockState::not_started || c.target >= pm.rows.size())
                continue;
            const std::size_t row = pm.rows[c.target];
            TargetFigures& f = rep.sla[row];
            ++f.clocks;
            if (c.state == ClockState::met)
                ++f.met;
            else if (c.state == ClockState::breached)
                ++f.breached;
            else
                ++f.pending;
            if (c.stopped)
                elapsed[row].push_back(static_cast<double>(c.elapsed));
        }
    }

    rep.by_channel = enum_counts<Channel>(by_channel.data(), 1, 7);
    rep.by_category = enum_counts<Category>(by_category.data(), 1, 5);
    rep.by_nature = enum_counts<Nature>(by_nature.data(), 0, 6);
    rep.by_severity = enum_counts<Severity>(by_severity.data(), 0, 4);
    rep.escalations_to = enum_counts<Role>(esc_to.data(), 1, 5);
    rep.visits_by_method = enum_counts<VisitMethod>(visit_method.data(), 1, 5);
    rep.visits_by_role = enum_counts<Role>(visit_role.data(), 1, 5);
    rep.top_subcategories = top_of(subcats, options.top);
    rep.top_tags = top_of(tags, options.top);
    rules.count_keywords(contents.data(), contents.size(), keyword_counts.data());
    {
        std::unordered_map<std::string_view, std::size_t> found;
        for (std::size_t k = 0; k < keyword_counts.size(); ++k)
            if (keyword_counts[k] > 0)
                found.emplace(rules.keywords()[k], keyword_counts[k]);
        rep.top_keywords = top_of(found, options.top);
    }

    std::vector<std::size_t> order(building_names.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return building_names[a] < building_names[b]; });
    rep.building_category.cols = {"equipment", "attitude", "quality", "sudden_event", "other"};
    for (std::size_t i : order) {
        std::size_t total = 0;
        rep.building_category.rows.emplace_back(building_names[i]);
        for (std::size_t c = 1; c <= 5; ++c) {
            rep.building_category.cells.push_back(bc_cells[i][c]);
            rep.building_category.max = std::max(rep.building_category.max, bc_cells[i][c]);
            total += bc_cells[i][c];
        }
        rep.by_building.push_back({std::string(building_names[i]), total});
    }
    rep.weekday_hour.rows = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    for (int h = 0; h < 24; ++h) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d", h);
        rep.weekday_hour.cols.emplace_back(buf);
    }
    rep.weekday_hour.cells.assign(wh.begin(), wh.end());
    rep.weekday_hour.max = *std::max_element(wh.begin(), wh.end());

    elapsed.resize(rep.sla.size());
    for (std::size_t r = 0; r < rep.sla.size(); ++r) {
        TargetFigures& f = rep.sla[r];
        f.share_met = {nan, f.met, f.met + f.breached, nan, nan};
        if (f.met + f.breached > 0) {
            f.share_met.value =
                static_cast<double>(f.met) / static_cast<double>(f.met + f.breached);
            const auto w = satisfaction::wilson(f.met, f.met + f.breached, options.confidence);
            f.share_met.low = w.low;
            f.share_met.high = w.high;
        }
        f.mean_elapsed = satisfaction::mean_duration(elapsed[r].data(), elapsed[r].size());
        f.p90_elapsed = percentile_inplace(elapsed[r], 90);
    }
    rep.first_response = durations(first_response);
    rep.resolution = durations(resolution);
    rep.repairs = repair_times.size();
    double total = 0;
    for (double d : repair_times)
        total += d;
    rep.mttr = satisfaction::mttr(total, rep.repairs);

    rep.quotas = ledger.visit_quotas(rep.from, rep.to);
    for (const auto& q : rep.quotas)
        rep.quotas_met = rep.quotas_met && q.compliant;

    // ---- satisfaction ----
    if (surveys && surveys->size() > 0) {
        const SurveyResponses& s = *surveys;
        const std::optional<Survey> survey = ledger.profile().survey(options.survey);
        std::vector<std::size_t> cur, prev;
        for (std::size_t r = 0; r < s.size(); ++r) {
            Instant when = s.at[r];
            if (!s.complaint_id[r].empty())
                if (auto ci = ledger.find(s.complaint_id[r]))
                    when = ledger.view(*ci).received;
            if (when >= rep.from && when < rep.to)
                cur.push_back(r);
            else if (when >= prev_from && when < rep.from)
                prev.push_back(r);
        }
        if (!cur.empty())
            rep.satisfaction =
                score_rows(s, cur, survey, rep.month, options.confidence, options.csat_target);
        if (!prev.empty())
            rep.satisfaction_previous =
                score_rows(s, prev, survey, rep.previous, options.confidence, options.csat_target);
        // The weekly trend over both months, by the day each response was taken.
        const std::string overall =
            survey && !survey->overall.empty() ? survey->overall : "overall";
        const std::uint64_t mask = survey && survey->satisfied_mask
                                       ? survey->satisfied_mask
                                       : satisfaction::default_satisfied;
        auto oq = std::find(s.questions.begin(), s.questions.end(), overall);
        if (oq != s.questions.end()) {
            const auto& col = s.answers[static_cast<std::size_t>(oq - s.questions.begin())];
            struct Acc {
                std::size_t n = 0, sat = 0;
                double sum = 0;
            };
            std::map<std::int64_t, Acc> weeks;
            for (const auto* rows : {&prev, &cur})
                for (std::size_t r : *rows) {
                    const int a = col[r];
                    if (a < 0)
                        continue;
                    const std::int64_t local = s.at[r] + clock.offset_at(s.at[r]);
                    const std::int64_t days = floor_div(local, 86400);
                    const std::int64_t monday = days - ((days % 7) + 7 + 3) % 7;
                    Acc& acc = weeks[monday];
                    ++acc.n;
                    acc.sum += a;
                    if (a < 64 && ((mask >> a) & 1u))
                        ++acc.sat;
                }
            for (const auto& [monday, acc] : weeks)
                rep.trend.push_back({date_of_days(monday), acc.n,
                                     static_cast<double>(acc.sat) / static_cast<double>(acc.n),
                                     acc.sum / static_cast<double>(acc.n)});
        }
    }
    return rep;
}

// ---- JSON ----

namespace {

using OJson = nlohmann::ordered_json;

// Every part is built in place inside the one guarded root, in the order it is written: a
// temporary tree (an initializer list makes one per member) would allocate as it is destroyed,
// which under memory failure is std::terminate (see detail::dispose).

// An ordered_json object is a vector of (const key, value) pairs, which grows by copying every
// member and destroying the old ones: a member that is a tree is copied whole and its old copy's
// destructor allocates. Objects with such members reserve room for all of them first.
OJson& object_of(OJson& o, std::size_t members) {
    o = OJson::object();
    o.get_ptr<OJson::object_t*>()->reserve(members);
    return o;
}

void counts_json(OJson& o, const std::vector<NamedCount>& v) {
    o = OJson::object();
    for (const auto& c : v)
        o[c.name] = c.count;
}

OJson num(double v) {
    return std::isfinite(v) ? OJson(v) : OJson(nullptr);
}

void issues_json(OJson& a, const std::vector<NamedCount>& v, std::size_t total) {
    a = OJson::array();
    for (const auto& c : v) {
        OJson& e = a.emplace_back(OJson::object());
        e["name"] = c.name;
        e["count"] = c.count;
        e["share"] =
            total ? num(static_cast<double>(c.count) / static_cast<double>(total)) : OJson(nullptr);
    }
}

void durations_json(OJson& o, const DurationFigures& d) {
    o = OJson::object();
    o["n"] = d.n;
    o["mean_s"] = num(d.mean);
    o["p50_s"] = num(d.p50);
    o["p90_s"] = num(d.p90);
}

const char* verdict_name(satisfaction::Verdict v) {
    switch (v) {
    case satisfaction::Verdict::met:
        return "met";
    case satisfaction::Verdict::missed:
        return "missed";
    default:
        return "undecided";
    }
}

void satisfaction_json(OJson& o, const std::optional<SatisfactionFigures>& s) {
    if (!s) {
        o = nullptr;
        return;
    }
    object_of(o, 18);
    o["month"] = s->month;
    o["responses"] = s->responses;
    o["mean"] = num(s->overall.value);
    o["mean_low"] = num(s->overall.low);
    o["mean_high"] = num(s->overall.high);
    o["csat"] = num(s->csat.value);
    o["csat_low"] = num(s->csat.low);
    o["csat_high"] = num(s->csat.high);
    o["csat_successes"] = s->csat.successes;
    o["verdict"] = verdict_name(s->verdict);
    o["nps"] = num(s->nps.value);
    o["nps_low"] = num(s->nps.low);
    o["nps_high"] = num(s->nps.high);
    o["nps_n"] = s->nps.n;
    o["index"] = num(s->index.value);
    o["index_low"] = num(s->index.low);
    o["index_high"] = num(s->index.high);
    OJson& q = o["questions"];
    q = OJson::object();
    for (const auto& [name, mean] : s->questions)
        q[name] = num(mean);
}

void heat_json(OJson& o, const HeatMap& h) {
    object_of(o, 4);
    o["rows"] = h.rows;
    o["cols"] = h.cols;
    OJson& cells = o["cells"];
    cells = OJson::array();
    for (std::size_t r = 0; r < h.rows.size(); ++r) {
        OJson& row = cells.emplace_back(OJson::array());
        for (std::size_t c = 0; c < h.cols.size(); ++c)
            row.push_back(h.at(r, c));
    }
    o["max"] = h.max;
}

} // namespace

std::string MonthlyReport::to_json() const {
    OJson j;
    const detail::DisposeOnExit guard(j);
    object_of(j, 17);
    j["plaint_report"] = 1;
    j["month"] = month;
    j["previous_month"] = previous;
    j["timezone"] = timezone;
    j["from"] = format_iso8601(from);
    j["to"] = format_iso8601(to);
    j["as_of"] = format_iso8601(as_of);
    j["profile"] = profile;
    j["confidence"] = confidence;
    j["csat_target"] = csat_target;
    OJson& c = j["complaints"];
    object_of(c, 10);
    c["received"] = received;
    c["received_previous"] = received_previous;
    c["change"] =
        static_cast<std::int64_t>(received) - static_cast<std::int64_t>(received_previous);
    c["open"] = open;
    c["repeated"] = repeated;
    counts_json(c["by_category"], by_category);
    counts_json(c["by_nature"], by_nature);
    counts_json(c["by_severity"], by_severity);
    counts_json(c["by_channel"], by_channel);
    counts_json(c["by_building"], by_building);
    OJson& issues = j["main_issues"];
    object_of(issues, 3);
    issues_json(issues["subcategories"], top_subcategories, received);
    issues_json(issues["tags"], top_tags, received);
    issues_json(issues["keywords"], top_keywords, received);
    OJson& s = j["sla"];
    object_of(s, 5);
    OJson& targets = s["targets"];
    targets = OJson::array();
    for (const auto& t : sla) {
        OJson& e = targets.emplace_back(OJson::object());
        e["target"] = t.target;
        e["kind"] = std::string(plaint::to_string(t.kind));
        e["clocks"] = t.clocks;
        e["met"] = t.met;
        e["breached"] = t.breached;
        e["pending"] = t.pending;
        e["share_met"] = num(t.share_met.value);
        e["share_low"] = num(t.share_met.low);
        e["share_high"] = num(t.share_met.high);
        e["mean_elapsed_s"] = num(t.mean_elapsed);
        e["p90_elapsed_s"] = num(t.p90_elapsed);
    }
    durations_json(s["first_response"], first_response);
    durations_json(s["resolution"], resolution);
    s["repairs"] = repairs;
    s["mttr_s"] = num(mttr);
    OJson& esc = j["escalations"];
    object_of(esc, 4);
    esc["events"] = escalations;
    esc["complaints"] = escalated;
    counts_json(esc["to"], escalations_to);
    esc["reevaluated"] = reevaluated;
    OJson& rv = j["return_visits"];
    object_of(rv, 7);
    rv["made"] = visits;
    counts_json(rv["by_method"], visits_by_method);
    counts_json(rv["by_role"], visits_by_role);
    rv["satisfied"] = visits_satisfied;
    rv["unsatisfied"] = visits_unsatisfied;
    OJson& q = rv["quotas"];
    q = OJson::array();
    for (const auto& quota : quotas) {
        OJson& e = q.emplace_back(OJson::object());
        e["role"] = std::string(plaint::to_string(quota.role));
        e["visits"] = quota.visits;
        e["required"] = quota.required;
        e["compliant"] = quota.compliant;
    }
    rv["quotas_met"] = quotas_met;
    OJson& sat = j["satisfaction"];
    object_of(sat, 4);
    satisfaction_json(sat["current"], satisfaction);
    satisfaction_json(sat["previous"], satisfaction_previous);
    OJson& ch = sat["change"];
    ch = OJson::object();
    const bool both = satisfaction && satisfaction_previous;
    ch["mean"] = both ? num(satisfaction->overall.value - satisfaction_previous->overall.value)
                      : OJson(nullptr);
    ch["csat"] =
        both ? num(satisfaction->csat.value - satisfaction_previous->csat.value) : OJson(nullptr);
    ch["nps"] =
        both ? num(satisfaction->nps.value - satisfaction_previous->nps.value) : OJson(nullptr);
    ch["index"] =
        both ? num(satisfaction->index.value - satisfaction_previous->index.value) : OJson(nullptr);
    OJson& tr = sat["trend"];
    tr = OJson::array();
    for (const auto& p : trend) {
        OJson& e = tr.emplace_back(OJson::object());
        e["week"] = p.week;
        e["responses"] = p.responses;
        e["csat"] = num(p.csat);
        e["mean"] = num(p.mean);
    }
    OJson& heat = j["heatmaps"];
    object_of(heat, 2);
    heat_json(heat["building_category"], building_category);
    heat_json(heat["weekday_hour"], weekday_hour);
    return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

// ---- CSV ----

namespace {

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

class CsvOut {
public:
    CsvOut() { out_ = "section,group,item,metric,value\n"; }
    void row(std::string_view section, std::string_view group, std::string_view item,
             std::string_view metric, const std::string& value) {
        out_ += csv_field(section);
        out_ += ',';
        out_ += csv_field(group);
        out_ += ',';
        out_ += csv_field(item);
        out_ += ',';
        out_ += csv_field(metric);
        out_ += ',';
        out_ += csv_field(value);
        out_ += '\n';
    }
    void count(std::string_view section, std::string_view group, std::string_view item,
               std::string_view metric, std::size_t v) {
        row(section, group, item, metric, std::to_string(v));
    }
    void real(std::string_view section, std::string_view group, std::string_view item,
              std::string_view metric, double v) {
        row(section, group, item, metric, detail::fixed(v, 6));
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

} // namespace

std::string MonthlyReport::to_csv() const {
    CsvOut c;
    c.row("meta", "", "", "month", month);
    c.row("meta", "", "", "previous_month", previous);
    c.row("meta", "", "", "timezone", timezone);
    c.row("meta", "", "", "from", format_iso8601(from));
    c.row("meta", "", "", "to", format_iso8601(to));
    c.row("meta", "", "", "as_of", format_iso8601(as_of));
    c.row("meta", "", "", "profile", profile);
    c.count("complaints", "", "", "received", received);
    c.count("complaints", "", "", "received_previous", received_previous);
    c.count("complaints", "", "", "open", open);
    c.count("complaints", "", "", "repeated", repeated);
    const std::pair<const char*, const std::vector<NamedCount>*> groups[] = {
        {"by_category", &by_category},
        {"by_nature", &by_nature},
        {"by_severity", &by_severity},
        {"by_channel", &by_channel},
        {"by_building", &by_building}};
    for (const auto& [g, v] : groups)
        for (const auto& x : *v)
            c.count("complaints", g, x.name, "count", x.count);
    for (const auto& x : top_subcategories)
        c.count("main_issues", "subcategories", x.name, "count", x.count);
    for (const auto& x : top_tags)
        c.count("main_issues", "tags", x.name, "count", x.count);
    for (const auto& x : top_keywords)
        c.count("main_issues", "keywords", x.name, "count", x.count);
    for (const auto& t : sla) {
        c.count("sla", "targets", t.target, "clocks", t.clocks);
        c.count("sla", "targets", t.target, "met", t.met);
        c.count("sla", "targets", t.target, "breached", t.breached);
        c.count("sla", "targets", t.target, "pending", t.pending);
        c.real("sla", "targets", t.target, "share_met", t.share_met.value);
        c.real("sla", "targets", t.target, "share_low", t.share_met.low);
        c.real("sla", "targets", t.target, "share_high", t.share_met.high);
        c.real("sla", "targets", t.target, "mean_elapsed_s", t.mean_elapsed);
        c.real("sla", "targets", t.target, "p90_elapsed_s", t.p90_elapsed);
    }
    for (const auto& [name, d] :
         {std::pair<const char*, const DurationFigures*>{"first_response", &first_response},
          {"resolution", &resolution}}) {
        c.count("times", name, "", "n", d->n);
        c.real("times", name, "", "mean_s", d->mean);
        c.real("times", name, "", "p50_s", d->p50);
        c.real("times", name, "", "p90_s", d->p90);
    }
    c.count("times", "repairs", "", "n", repairs);
    c.real("times", "repairs", "", "mttr_s", mttr);
    c.count("escalations", "", "", "events", escalations);
    c.count("escalations", "", "", "complaints", escalated);
    c.count("escalations", "", "", "reevaluated", reevaluated);
    for (const auto& x : escalations_to)
        c.count("escalations", "to", x.name, "count", x.count);
    c.count("return_visits", "", "", "made", visits);
    c.count("return_visits", "", "", "satisfied", visits_satisfied);
    c.count("return_visits", "", "", "unsatisfied", visits_unsatisfied);
    for (const auto& x : visits_by_method)
        c.count("return_visits", "by_method", x.name, "count", x.count);
    for (const auto& x : visits_by_role)
        c.count("return_visits", "by_role", x.name, "count", x.count);
    for (const auto& q : quotas) {
        const std::string role(plaint::to_string(q.role));
        c.count("quotas", "", role, "visits", static_cast<std::size_t>(q.visits));
        c.count("quotas", "", role, "required", static_cast<std::size_t>(q.required));
        c.row("quotas", "", role, "compliant", q.compliant ? "true" : "false");
    }
    for (const auto* s : {&satisfaction_previous, &satisfaction}) {
        if (!*s)
            continue;
        const SatisfactionFigures& f = **s;
        c.count("satisfaction", f.month, "", "responses", f.responses);
        c.real("satisfaction", f.month, "overall", "mean", f.overall.value);
        c.real("satisfaction", f.month, "overall", "mean_low", f.overall.low);
        c.real("satisfaction", f.month, "overall", "mean_high", f.overall.high);
        c.real("satisfaction", f.month, "overall", "csat", f.csat.value);
        c.real("satisfaction", f.month, "overall", "csat_low", f.csat.low);
        c.real("satisfaction", f.month, "overall", "csat_high", f.csat.high);
        c.row("satisfaction", f.month, "overall", "verdict", verdict_name(f.verdict));
        c.real("satisfaction", f.month, "recommend", "nps", f.nps.value);
        c.real("satisfaction", f.month, "index", "index", f.index.value);
        for (const auto& [q, mean] : f.questions)
            c.real("satisfaction", f.month, q, "question_mean", mean);
    }
    for (const auto& p : trend) {
        c.count("trend", "week", p.week, "responses", p.responses);
        c.real("trend", "week", p.week, "csat", p.csat);
        c.real("trend", "week", p.week, "mean", p.mean);
    }
    for (const auto& [name, h] :
         {std::pair<const char*, const HeatMap*>{"building_category", &building_category},
          {"weekday_hour", &weekday_hour}})
        for (std::size_t r = 0; r < h->rows.size(); ++r)
            for (std::size_t col = 0; col < h->cols.size(); ++col)
                c.count("heatmap", name, h->rows[r], h->cols[col], h->at(r, col));
    return c.take();
}

// ---- text ----

std::string MonthlyReport::summary() const {
    using detail::fixed;
    std::string s;
    auto line = [&](const std::string& l) { s += l + "\n"; };
    line("plaint monthly report " + month + " (" + timezone + ", profile " + profile + ")");
    line("  complaints received: " + std::to_string(received) + " (" + previous + ": " +
         std::to_string(received_previous) + "), still open: " + std::to_string(open) +
         ", repeat complaints: " + std::to_string(repeated));
    const auto first_three = [](const std::vector<NamedCount>& v) {
        std::string top;
        for (std::size_t i = 0; i < v.size() && i < 3; ++i)
            top += (i ? ", " : "") + v[i].name + " " + std::to_string(v[i].count);
        return top;
    };
    line("  main issues: " + first_three(top_subcategories) +
         (top_keywords.empty() ? "" : "; keywords: " + first_three(top_keywords)));
    for (const auto& t : sla)
        if (t.met + t.breached > 0)
            line("  SLA " + t.target + ": " + fixed(100 * t.share_met.value, 1) + "% met (" +
                 std::to_string(t.met) + "/" + std::to_string(t.met + t.breached) + ")");
    line("  first response: mean " + fixed(first_response.mean / 3600, 1) + " h, p90 " +
         fixed(first_response.p90 / 3600, 1) + " h; resolution: mean " +
         fixed(resolution.mean / 3600, 1) + " h, p90 " + fixed(resolution.p90 / 3600, 1) +
         " h; MTTR " + fixed(mttr / 3600, 1) + " h over " + std::to_string(repairs) + " repairs");
    line("  escalations: " + std::to_string(escalations) + " on " + std::to_string(escalated) +
         " complaints");
    std::string q;
    for (const auto& c : quotas)
        q += std::string(q.empty() ? "" : ", ") + std::string(plaint::to_string(c.role)) + " " +
             std::to_string(c.visits) + "/" + std::to_string(c.required) +
             (c.compliant ? " ok" : " MISSED");
    line("  return visits: " + std::to_string(visits) + "; quotas: " + q);
    if (satisfaction) {
        const auto& f = *satisfaction;
        std::string l = "  satisfaction: CSAT " + fixed(100 * f.csat.value, 1) + "% (" +
                        fixed(100 * f.csat.low, 1) + "–" + fixed(100 * f.csat.high, 1) +
                        "%, target " + fixed(100 * csat_target, 0) +
                        "%: " + verdict_name(f.verdict) + "), mean " + fixed(f.overall.value, 2) +
                        ", NPS " + fixed(f.nps.value, 1) + ", index " + fixed(f.index.value, 1);
        if (satisfaction_previous)
            l += "; " + previous + ": CSAT " + fixed(100 * satisfaction_previous->csat.value, 1) +
                 "%, mean " + fixed(satisfaction_previous->overall.value, 2);
        line(l);
    } else {
        line("  satisfaction: no survey responses");
    }
    return s;
}

PLAINT_END_NAMESPACE
