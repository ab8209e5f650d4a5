// Survey answers in the monthly report (DOMAIN.md §6, issue 6 "The monthly report"): responses
// read from CSV and appended, and their satisfaction figures for the report's month and the month
// before, with the weekly trend over both.
#include "plaint/report.hpp"

#include "csv.hpp"
#include "error_detail.hpp"
#include "ledger_state.hpp"
#include "plaint/error.hpp"
#include "plaint/profile.hpp"
#include "plaint/survey.hpp"
#include "report_detail.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_set>

PLAINT_BEGIN_NAMESPACE

namespace detail {
namespace {

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

// The survey figures of the month and the previous month, by the instant each response refers to
// (its complaint's receipt when the ledger has it, else its own), and the weekly trend over both
// months by the day each response was taken.
void add_satisfaction(MonthlyReport& rep, const Ledger& ledger, const ReportOptions& options,
                      const SurveyResponses& s, Instant prev_from, const LocalClock& clock,
                      std::vector<std::size_t>& cases) {
    const std::optional<Survey> survey = ledger.profile().survey(options.survey);
    std::vector<std::size_t> cur, prev;
    cases.assign(s.size(), SIZE_MAX);
    for (std::size_t r = 0; r < s.size(); ++r) {
        Instant when = s.at[r];
        if (!s.complaint_id[r].empty())
            if (auto ci = ledger.find(s.complaint_id[r])) {
                when = LedgerAccess::received(ledger, *ci);
                cases[r] = *ci;
            }
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
    const std::string overall = survey && !survey->overall.empty() ? survey->overall : "overall";
    const std::uint64_t mask =
        survey && survey->satisfied_mask ? survey->satisfied_mask : satisfaction::default_satisfied;
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

PLAINT_END_NAMESPACE
