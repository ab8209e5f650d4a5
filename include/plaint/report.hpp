/// @file report.hpp
/// The monthly report (DOMAIN.md §4–6; the 《客户服务信息统计分析汇总表》 the customer-service
/// assistant fills for the general manager): from a ledger and, optionally, the return-visit
/// survey responses, the figures of one month — complaints received and how they split, the main
/// issues, the share of each SLA target met, response and resolution times, MTTR of repairs,
/// escalations, return visits against their quotas, satisfaction with its intervals and its
/// change from the month before, and two heat maps (building × category, weekday × hour in local
/// time). A `MonthlyReport` is a plain value; it renders itself as JSON (stable keys, listed at
/// `MonthlyReport::to_json`), as one tidy CSV table and as one self-contained HTML page.
#pragma once

#include "plaint/aggregate.hpp"
#include "plaint/config.hpp"
#include "plaint/ledger.hpp"
#include "plaint/performance.hpp"
#include "plaint/satisfaction.hpp"
#include "plaint/time.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

PLAINT_BEGIN_NAMESPACE

/// Survey responses as columns, one row per response: the complaint it is about, the building,
/// when it was taken, and one column of answers per question (`satisfaction::missing` for an
/// unanswered one). A plain value. Since 0.5.
struct SurveyResponses {
    std::vector<std::string> complaint_id; ///< may be "" (a periodic survey)
    std::vector<std::string> building;
    std::vector<Instant> at;
    std::vector<std::string> questions;            ///< the score columns' names
    std::vector<std::vector<std::int8_t>> answers; ///< `answers[q][row]`

    /// The number of responses.
    std::size_t size() const noexcept { return at.size(); }
    /// Appends the rows of `other`; questions are matched by name, and a question one side lacks
    /// is `missing` on that side's rows.
    void append(const SurveyResponses& other);

    /// Reads CSV (RFC 4180 as `Ledger::import_csv` reads it: quoted fields may hold commas,
    /// doubled quotes and line breaks; UTF-8, optional BOM, a header row; LF, CRLF or CR; blank
    /// lines ignored): columns `complaint_id`, `building`, `at` (ISO 8601 with an offset, or
    /// epoch seconds; required), and every other column a question answered by an integer
    /// 0..127 or an empty cell (missing) — the format of
    /// `examples/data/sample/surveys-YYYY-MM.csv`.
    /// @throws error `errc::parse` naming the line ("survey CSV line N: ..."; a bad instant, an
    /// answer that is not an integer 0..127, a row with the wrong number of fields, a quote
    /// inside an unquoted field or after a closing one (since 0.7), a quote not closed),
    /// `errc::encoding` (a broken byte order mark, since 0.7), `errc::invalid_argument` (no `at`
    /// column, a repeated column), `errc::too_large` (a record of more than 1,024 fields).
    static SurveyResponses from_csv(std::string_view text);
};

/// What the report is computed for. Since 0.5.
struct ReportOptions {
    /// The month, "YYYY-MM"; empty: the month of the latest complaint received.
    std::string month;
    /// The estate's time zone (an IANA name or a POSIX TZ string) for the month's bounds and the
    /// weekday × hour map; empty: the zone of the profile's first calendar that is not 24×7
    /// (in name order), else UTC.
    std::string timezone;
    /// The instant the clocks are read at; empty: the end of the month.
    std::optional<Instant> as_of;
    double confidence = 0.95;            ///< of every interval
    double csat_target = 0.85;           ///< the satisfaction target (DOMAIN.md §6)
    std::size_t top = 10;                ///< main issues listed (sub-categories, tags)
    std::string survey = "return_visit"; ///< the profile's survey that weighs the index
    /// Only requests of this kind count, in every figure of the report (a return visit counts
    /// when its request is of the kind); unset: every kind, split in `by_kind`. Since 0.7.
    std::optional<Kind> kind;
};

/// A count under a name. Since 0.5.
struct NamedCount {
    std::string name;
    std::size_t count = 0;
};

/// One SLA target over the month's complaints (clocks of every cycle and round). Since 0.5.
struct TargetFigures {
    std::string target; ///< the target's name ("resolution")
    TargetKind kind = TargetKind::custom;
    std::size_t clocks = 0;          ///< clocks started
    std::size_t met = 0;             ///< stopped on time
    std::size_t breached = 0;        ///< stopped late, or open past due
    std::size_t pending = 0;         ///< open and not yet due
    satisfaction::Share share_met{}; ///< met / (met + breached), Wilson interval
    double mean_elapsed = 0;         ///< business seconds of the stopped clocks; NaN if none
    double p90_elapsed = 0;          ///< 90th percentile of the same; NaN if none
};

/// The satisfaction figures of one month's responses. Since 0.5.
struct SatisfactionFigures {
    std::string month; ///< "YYYY-MM"
    std::size_t responses = 0;
    satisfaction::MeanScore overall{}; ///< mean of the overall question, t interval
    satisfaction::Share csat{};        ///< satisfied share of the overall question, Wilson
    satisfaction::Verdict verdict = satisfaction::Verdict::undecided; ///< against the target
    satisfaction::Nps nps{};         ///< of the 0..10 question, when there is one
    satisfaction::MeanScore index{}; ///< the survey's weighted index on 0..100, t interval
    /// Mean of each question answered (in the order of the responses' columns).
    std::vector<std::pair<std::string, double>> questions;
};

/// A point of the satisfaction trend: the responses of one local week (Monday first). Since 0.5.
struct TrendPoint {
    std::string week; ///< its Monday, "YYYY-MM-DD"
    std::size_t responses = 0;
    double csat = 0; ///< NaN when no responses
    double mean = 0; ///< NaN when no responses
};

/// A heat map: `cells[r·cols.size() + c]` complaints in row r and column c. Since 0.5.
struct HeatMap {
    std::vector<std::string> rows, cols;
    std::vector<std::size_t> cells;
    std::size_t max = 0; ///< the largest cell
    /// The cell in row r, column c (no bounds check).
    std::size_t at(std::size_t r, std::size_t c) const { return cells[r * cols.size() + c]; }
};

/// The people of a report's month (DOMAIN.md §8): its requests by the team and the handler that
/// own them (staff_performance over the month, read as of the report's instant), scored by the
/// profile's `performance` section when it has one. Since 0.7.
struct PeopleFigures {
    std::vector<StaffFigures> teams;     ///< by team id; "" (the requests of no team) first
    std::vector<std::string> team_names; ///< the profile's name of each team ("" when none)
    std::vector<StaffScore> team_scores; ///< in the order of `teams`; empty without a section
    std::size_t handlers = 0;            ///< handlers owning a request of the month
    std::size_t handlers_small = 0;      ///< of them, small samples (shown, never ranked)
    /// Ranked handlers (scored, not small samples) by score, best first, then id: the first
    /// half, at most `ReportOptions::top`. Empty without a `performance` section.
    std::vector<StaffScore> top_handlers;
    /// The other half from the worst, worst first, at most `ReportOptions::top`; never one of
    /// `top_handlers`.
    std::vector<StaffScore> bottom_handlers;
    /// Requests by team (rows, in the order of `teams`) and category (enum order).
    HeatMap team_category;
};

/// The monthly report; a plain value. Since 0.5.
struct MonthlyReport {
    // ---- what it covers ----
    std::string month;        ///< "YYYY-MM"
    std::string previous;     ///< the month before, "YYYY-MM"
    std::string timezone;     ///< the zone of the bounds and the weekday × hour map
    Instant from = 0, to = 0; ///< [from, to) in UTC
    Instant as_of = 0;        ///< the clocks' instant
    std::string profile;      ///< the profile's name
    double confidence = 0.95;
    double csat_target = 0.85;

    // ---- complaints received in the month ----
    /// The kind the report is restricted to (`ReportOptions::kind`); unset: every kind. Since 0.7.
    std::optional<Kind> kind;
    /// Requests of the month (of the report's kinds); the headline of the page and the summary is
    /// `complaints` when the report covers every kind. Since 0.5; since 0.7 of every kind.
    std::size_t received = 0;
    std::size_t complaints = 0;        ///< of `received`, those of kind complaint. Since 0.7.
    std::vector<NamedCount> by_kind;   ///< `received` by kind, enum order. Since 0.7.
    std::size_t received_previous = 0; ///< in the month before
    std::size_t open = 0;              ///< of the month's, not closed or explained (latest state)
    std::vector<NamedCount> by_category, by_nature, by_severity, by_channel; ///< enum order
    std::vector<NamedCount> by_building;                                     ///< name order
    std::vector<NamedCount> top_subcategories; ///< count descending, then name; at most `top`
    std::vector<NamedCount> top_tags;          ///< count descending, then name; at most `top`
    /// The profile's keywords by the month's complaints whose content holds them (folded as
    /// matched), count descending, then keyword; at most `top`, none of count 0. Since 0.6.
    std::vector<NamedCount> top_keywords;
    /// Complaints of the month with an earlier one from the same unit within the profile's
    /// repeat window (`ComplaintView::repeat_count` ≥ 1). Since 0.6.
    std::size_t repeated = 0;

    // ---- handling ----
    std::vector<TargetFigures> sla; ///< per target name, in order of first appearance
    DurationFigures first_response; ///< receipt → first assign, start, resolve or explain
    DurationFigures resolution;     ///< receipt → first resolve or explain
    std::size_t repairs = 0;        ///< resolved complaints under a policy with repair targets
    double mttr = 0;                ///< their mean receipt → first resolve, seconds; NaN if none
    std::size_t escalations = 0;    ///< escalate events of the month's complaints
    std::size_t escalated = 0;      ///< the month's complaints with at least one
    std::vector<NamedCount> escalations_to; ///< by target role, role order
    std::size_t reevaluated = 0;            ///< the month's complaints the rules judged again

    // ---- return visits made in the month (on any month's complaints) ----
    std::size_t visits = 0;
    std::vector<NamedCount> visits_by_method, visits_by_role; ///< enum order
    std::size_t visits_satisfied = 0, visits_unsatisfied = 0; ///< outcomes recorded in the month
    std::vector<QuotaCompliance> quotas;                      ///< `Ledger::visit_quotas`
    bool quotas_met = true;                                   ///< every quota met

    // ---- satisfaction ----
    std::optional<SatisfactionFigures> satisfaction;          ///< when there are responses
    std::optional<SatisfactionFigures> satisfaction_previous; ///< the month before
    std::vector<TrendPoint> trend; ///< weekly, over both months' responses

    // ---- heat maps ----
    HeatMap building_category; ///< rows buildings (name order), columns categories (enum order)
    HeatMap weekday_hour;      ///< rows Mon..Sun, columns 00..23, local time

    // ---- people ----
    /// When a request of the month has a team or a handler. Since 0.7.
    std::optional<PeopleFigures> people;

    /// The report as JSON (UTF-8, two-space indent, keys in a fixed order; NaN → null).
    /// Stable keys, Since 0.5:
    /// - `plaint_report`: 1 (the format); `month`, `previous_month`, `timezone`, `from`, `to`,
    ///   `as_of` (ISO 8601 UTC), `profile`, `confidence`, `csat_target`
    /// - `complaints`: `received`, `received_previous`, `change` (received − previous), `open`,
    ///   `by_category`, `by_nature`, `by_severity`, `by_channel`, `by_building` (objects name →
    ///   count, in the order above)
    /// - `main_issues`: `subcategories`, `tags`, and Since 0.6 `keywords`: arrays of {`name`,
    ///   `count`, `share`}
    /// - Since 0.6, `complaints` also has `repeated` (after `open`)
    /// - Since 0.7, `kind` (after `csat_target`: the kind the report is restricted to, or null),
    ///   and in `complaints`, `complaints` (after `received`) and `by_kind` (first of the
    ///   counts)
    /// - `sla`: `targets`: array of {`target`, `kind`, `clocks`, `met`, `breached`, `pending`,
    ///   `share_met`, `share_low`, `share_high`, `mean_elapsed_s`, `p90_elapsed_s`};
    ///   `first_response`, `resolution`: {`n`, `mean_s`, `p50_s`, `p90_s`}; `repairs`, `mttr_s`
    /// - `escalations`: `events`, `complaints`, `to` (role → count), `reevaluated`
    /// - `return_visits`: `made`, `by_method`, `by_role` (name → count), `satisfied`,
    ///   `unsatisfied`, `quotas`: array of {`role`, `visits`, `required`, `compliant`},
    ///   `quotas_met`
    /// - `satisfaction`: `current`, `previous` (null when no responses): {`month`, `responses`,
    ///   `mean`, `mean_low`, `mean_high`, `csat`, `csat_low`, `csat_high`, `csat_successes`,
    ///   `verdict` ("met", "missed", "undecided"), `nps`, `nps_low`, `nps_high`, `nps_n`,
    ///   `index`, `index_low`, `index_high`, `questions` (name → mean)}; `change`: {`mean`,
    ///   `csat`, `nps`, `index`} (current − previous, null when either is missing); `trend`:
    ///   array of {`week`, `responses`, `csat`, `mean`}
    /// - `heatmaps`: `building_category`, `weekday_hour`: {`rows`, `cols`, `cells` (array of
    ///   rows, each an array of counts), `max`}
    /// - Since 0.7, `people` (last; null when no request of the month has a team or handler):
    ///   {`teams` (the objects of `to_json(std::vector<StaffFigures>)`, each with `name`
    ///   added after `id`), `team_scores` (those of `to_json(std::vector<StaffScore>)`, or null
    ///   without a `performance` section), `handlers`, `handlers_small`, `top_handlers`,
    ///   `bottom_handlers` (scores, as `team_scores`), `team_category` (a heat map)}
    std::string to_json() const;
    /// The report as one tidy CSV table (RFC 4180, UTF-8, LF): header
    /// `section,group,item,metric,value`, one figure a row; `section` is one of `meta`,
    /// `complaints`, `main_issues`, `sla`, `times`, `escalations`, `return_visits`, `quotas`,
    /// `satisfaction`, `trend`, `heatmap`, and since 0.7 `people` (groups `team`,
    /// `top_handlers`, `bottom_handlers`; the team × category map is a `heatmap`
    /// `team_category`); `group` the breakdown ("by_category", a month, a
    /// heat map's name), `item` the row ("equipment", a target, a building), `metric` the
    /// figure ("count", "share_met", a column of a heat map); undefined figures are empty.
    /// Since 0.5.
    std::string to_csv() const;
    /// The report as one self-contained HTML page (UTF-8; inline CSS and SVG, no script, no
    /// external asset; `@media print` rules): key figures, counts, main issues, the SLA
    /// compliance per target as bars, times, return visits and quotas, satisfaction with the
    /// weekly trend, both heat maps, and since 0.7 the people (the team table, top and bottom
    /// handlers by score with their n, the team × category map). Every text from the data is
    /// HTML-escaped. Since 0.5.
    std::string to_html() const;
    /// A short plain-text summary (a dozen lines) for a terminal. Since 0.5.
    std::string summary() const;
};

/// Computes the report of `options.month` from `ledger` and, when given, the survey responses
/// (those of the month and of the month before are used: a response counts in the month its
/// complaint was received when the complaint is in the ledger, else in the month it was taken).
/// Complaints count in the month they were received ([from, to) in the zone's local time); their
/// clocks are read as of `options.as_of`; return visits and their outcomes count in the month
/// they were made, whatever the complaint's month.
/// Work: one pass over the ledger's complaints and their events, with the month's clocks.
/// @throws error `errc::parse`, `errc::out_of_range` (a bad month), `errc::not_found` (an
/// unknown time zone), `errc::invalid_argument` (confidence or target out of range, an empty
/// ledger with no month given), and calendar errors for instants outside a calendar's years.
/// Thread-safety: reads the ledger only (as its `const` members do). Since 0.5.
MonthlyReport monthly_report(const Ledger& ledger, const ReportOptions& options = {},
                             const SurveyResponses* surveys = nullptr);

/// The month ("YYYY-MM") of the latest complaint received, in `timezone` (as
/// `ReportOptions::timezone`, empty for the profile's zone); empty for an empty ledger.
/// @throws error `errc::not_found` (an unknown zone). Since 0.5.
std::string latest_month(const Ledger& ledger, const std::string& timezone = "");

/// Writes `report.json`, `report.csv` and `report.html` of `report` (`to_json`, `to_csv`,
/// `to_html`) into the folder `folder`, created with its parents when missing. Each file is
/// written atomically: a temporary file in the same folder, flushed to disk, then renamed over
/// the target, so a reader sees the old file or the new one, never a part. On error the temporary
/// file is removed; files already renamed stay.
/// @throws error `errc::io` (the folder cannot be created or written; the message names the file
/// and the system's reason), `errc::invalid_argument` (an empty folder name). Since 0.5.
void write_report_files(const MonthlyReport& report, const std::string& folder);

/// Writes `text` as the file `name` (one plain name, no '/') in the folder `folder`, created with
/// its parents when missing, atomically as `write_report_files` writes its files: for the files
/// that go beside a report (the report program's `people.json`). @throws error `errc::io`,
/// `errc::invalid_argument` (an empty folder; a name that is not one plain name). Since 0.7.
void write_report_file(const std::string& folder, const std::string& name, std::string_view text);

/// `text` with `&`, `<`, `>`, `"` and `'` replaced by their HTML character references, for
/// text and attribute values. Since 0.5.
std::string html_escape(std::string_view text);

PLAINT_END_NAMESPACE
