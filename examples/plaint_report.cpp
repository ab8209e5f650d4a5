// plaint-report: a property-management office's month in one program (issue 6, "the main job").
// Reads complaints (JSON lines, or CSV with their events as CSV), return-visit surveys and a
// profile, computes the monthly report and writes report.json, report.csv and report.html into
// an output folder, each atomically (a temporary file in the folder, flushed, then renamed).
// With no arguments at all it runs on the shipped sample data (examples/data/sample/) with the
// embedded default profile and writes ./plaint-report-out/.
//
// Bad rows (a complaint or event the ledger refuses) are dropped from the report, said on stderr
// (the first 10 rows, each cut to a few lines, then a count) and make the exit status 3; with
// --strict any bad row fails the run before a file is written.
//
// Exit status: 0 done; 1 the data or the files failed (unreadable input, a bad profile, a
// month with no data, an unwritable folder, a bad row under --strict); 2 a usage error; 3 done,
// but bad rows were dropped (the report leaves them out).
#include <plaint/ledger.hpp>
#include <plaint/performance.hpp>
#include <plaint/profile.hpp>
#include <plaint/report.hpp>
#include <plaint/version.hpp>

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#ifndef PLAINT_SAMPLE_DIR
#define PLAINT_SAMPLE_DIR "examples/data/sample"
#endif

namespace fs = std::filesystem;

namespace {

constexpr const char* usage_text =
    R"(usage: plaint-report [options]

Computes the monthly complaints report and writes report.json, report.csv and report.html.
With no arguments: the shipped sample data (October 2026) with the default profile, written to
./plaint-report-out/.

options:
  --profile FILE       the profile (JSON); default: the embedded default profile
  --complaints FILE    complaints as JSON lines (.jsonl, .json) or CSV (.csv); repeatable
  --events FILE        the events (CSV) of the CSV complaints file given in the same position
                       (the first --events goes with the first CSV --complaints); repeatable
  --surveys FILE       return-visit survey responses (CSV) of the month and the month before;
                       repeatable
  --month YYYY-MM      the month; default: the month of the latest complaint
  --by team|handler    also the month's staff performance per team or handler: a table on
                       stdout and people.json beside the report; scored by the profile's
                       performance section (the embedded profile has one): scores.json
  --kind KIND          only requests of this kind (complaint, repair, consultation, suggestion,
                       praise); default: every kind, split by kind, the headline counting
                       complaints
  --out DIR            the output folder, created if missing; default: ./plaint-report-out
  --strict             any bad row (a complaint or event refused) fails the run: exit 1, no
                       report written
  --help               this text
  --version            the version

Bad rows are dropped from the report and said on stderr: the first 10, each cut to its first
lines, then how many there were in all.

exit status: 0 done; 1 failed (data or files, or a bad row under --strict); 2 usage error;
3 done, but bad rows were dropped (the report was written without them)
)";

constexpr int exit_rows_dropped = 3;
constexpr std::size_t max_rows_shown = 10;     // bad rows shown on stderr
constexpr std::size_t max_lines_per_row = 4;   // lines of one row's message (its problems)
constexpr std::size_t max_line_bytes = 300;    // bytes of one line of a message
constexpr std::size_t max_warnings_shown = 10; // profile warnings shown

struct UsageError {
    std::string message;
};

struct Args {
    std::string profile;
    std::vector<std::string> complaints, events, surveys;
    std::string month;
    std::optional<plaint::Kind> kind;
    std::optional<plaint::StaffBy> by;
    std::string out = "plaint-report-out";
    bool help = false, version = false, strict = false;
};

Args parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&](std::string_view name) -> std::string {
            if (i + 1 >= argc)
                throw UsageError{std::string(name) + " needs a value"};
            return argv[++i];
        };
        if (arg == "--help" || arg == "-h")
            a.help = true;
        else if (arg == "--version")
            a.version = true;
        else if (arg == "--profile")
            a.profile = value(arg);
        else if (arg == "--complaints")
            a.complaints.push_back(value(arg));
        else if (arg == "--events")
            a.events.push_back(value(arg));
        else if (arg == "--surveys")
            a.surveys.push_back(value(arg));
        else if (arg == "--month")
            a.month = value(arg);
        else if (arg == "--by") {
            const std::string b = value(arg);
            if (b == "team")
                a.by = plaint::StaffBy::team;
            else if (b == "handler")
                a.by = plaint::StaffBy::handler;
            else
                throw UsageError{"--by expects team or handler, not '" + b + "'"};
        } else if (arg == "--kind") {
            const std::string k = value(arg);
            auto code = plaint::enum_code(plaint::EnumKind::kind, k);
            if (!code)
                throw UsageError{"--kind expects one of " +
                                 plaint::enum_names(plaint::EnumKind::kind) + ", not '" + k + "'"};
            a.kind = static_cast<plaint::Kind>(*code);
        } else if (arg == "--out")
            a.out = value(arg);
        else if (arg == "--strict")
            a.strict = true;
        else
            throw UsageError{"unknown option '" + std::string(arg) + "'"};
    }
    if (!a.month.empty()) {
        const std::string& m = a.month;
        const bool ok =
            m.size() == 7 && m[4] == '-' && m.find_first_not_of("0123456789-") == std::string::npos;
        if (!ok)
            throw UsageError{"--month expects YYYY-MM, not '" + m + "'"};
    }
    std::size_t csv = 0;
    for (const auto& c : a.complaints) {
        const bool is_csv = c.size() >= 4 && c.compare(c.size() - 4, 4, ".csv") == 0;
        csv += is_csv ? 1 : 0;
    }
    if (a.events.size() > csv)
        throw UsageError{"more --events files than CSV --complaints files"};
    if (a.complaints.empty() && !a.events.empty())
        throw UsageError{"--events needs a CSV --complaints file"};
    return a;
}

// The whole file, read as a stream (a pipe or a FIFO works); a directory is refused by name,
// not read as an empty file.
std::string read_file(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw std::runtime_error(path + ": is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(path + ": cannot open: " + std::strerror(errno));
    std::string text;
    char block[1 << 16];
    while (in.read(block, sizeof block) || in.gcount() > 0)
        text.append(block, static_cast<std::size_t>(in.gcount()));
    if (in.bad())
        throw std::runtime_error(path + ": read error");
    return text;
}

// A progress bar on stderr, drawn only when stderr is a terminal and the input is long.
class Progress {
public:
    Progress(std::size_t total, bool on) : total_(total), on_(on && total > 0) {}
    void add(std::size_t n) {
        done_ += n;
        if (!on_)
            return;
        const int width = 40;
        const auto filled =
            static_cast<int>(static_cast<double>(done_) / static_cast<double>(total_) * width);
        const int percent =
            static_cast<int>(100.0 * static_cast<double>(done_) / static_cast<double>(total_));
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.resize(static_cast<std::size_t>(width), '.');
        std::fprintf(stderr, "\rreading [%s] %3d%%", bar.c_str(), percent);
        std::fflush(stderr);
    }
    void finish() {
        if (on_)
            std::fprintf(stderr, "\n");
    }

private:
    std::size_t total_, done_ = 0;
    bool on_;
};

constexpr std::size_t chunk_bytes = 1u << 20;

// The end of the record that contains byte `from` or after it (quote-aware for CSV).
std::size_t next_break(std::string_view text, std::size_t from, bool csv) {
    if (!csv) {
        const auto nl = text.find('\n', from);
        return nl == std::string_view::npos ? text.size() : nl + 1;
    }
    return from; // CSV chunks are cut by split_csv
}

// Splits CSV text after its header into chunks of whole records (RFC 4180 quotes respected).
std::vector<std::pair<std::size_t, std::size_t>> split_csv(std::string_view text,
                                                           std::size_t body) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t start = body;
    bool quoted = false;
    for (std::size_t i = body; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == '\n' && !quoted && i + 1 - start >= chunk_bytes) {
            out.push_back({start, i + 1});
            start = i + 1;
        }
    }
    if (start < text.size())
        out.push_back({start, text.size()});
    return out;
}

std::size_t header_end(std::string_view text) {
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"')
            quoted = !quoted;
        else if (text[i] == '\n' && !quoted)
            return i + 1;
    }
    return text.size();
}

std::size_t lines_in(std::string_view text, std::size_t from, std::size_t to) {
    std::size_t n = 0;
    for (std::size_t i = from; i < to; ++i)
        n += text[i] == '\n' ? 1u : 0u;
    return n;
}

struct Tally {
    std::size_t complaints = 0, events = 0, bad = 0, shown = 0;
};

// At most `max` bytes of `s`, cut on a UTF-8 character boundary and marked "...".
std::string cut(std::string_view s, std::size_t max) {
    if (s.size() <= max)
        return std::string(s);
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0u) == 0x80u)
        --n;
    return std::string(s.substr(0, n)) + "...";
}

// Prints a bad row's message on stderr: its first max_lines_per_row lines (a validation error
// lists one problem a line), each cut to max_line_bytes, then how many lines were left out.
void print_row(const std::string& file, std::size_t line, std::string_view message) {
    std::size_t lines = 0, left = 0;
    while (!message.empty()) {
        const std::size_t nl = message.find('\n');
        const std::string_view one = message.substr(0, nl);
        message = nl == std::string_view::npos ? std::string_view() : message.substr(nl + 1);
        if (lines == max_lines_per_row) {
            ++left;
            continue;
        }
        if (lines++ == 0)
            std::fprintf(stderr, "plaint-report: %s:%zu: %s\n", file.c_str(), line,
                         cut(one, max_line_bytes).c_str());
        else
            std::fprintf(stderr, "    %s\n", cut(one, max_line_bytes).c_str());
    }
    if (left > 0)
        std::fprintf(stderr, "    ... and %zu more line%s\n", left, left == 1 ? "" : "s");
}

void report_problems(const plaint::ImportReport& r, const std::string& file, std::size_t first_line,
                     bool header, Tally& t) {
    t.complaints += r.complaints;
    t.events += r.events;
    t.bad += r.bad_rows;
    for (const auto& p : r.problems) {
        if (t.shown >= max_rows_shown)
            break;
        ++t.shown;
        std::size_t line = p.line;
        if (line > 0)
            line = header ? (line >= 2 ? first_line + line - 2 : 1) : first_line + line - 1;
        print_row(file, line, p.message);
    }
}

// Imports a JSON lines file in chunks of whole lines.
void import_jsonl(plaint::Ledger& ledger, const std::string& path, const std::string& text,
                  Progress& bar, Tally& t) {
    std::size_t pos = 0, line = 1;
    const std::string_view all(text);
    while (pos < all.size()) {
        const std::size_t end = next_break(all, std::min(all.size(), pos + chunk_bytes), false);
        const auto r = ledger.import_json_lines(all.substr(pos, end - pos));
        report_problems(r, path, line, false, t);
        line += lines_in(all, pos, end);
        bar.add(end - pos);
        pos = end;
    }
}

// Imports a CSV complaints file in chunks of whole records, then its events file the same way
// (events find their complaint in the ledger).
void import_csv(plaint::Ledger& ledger, const std::string& cpath, const std::string& ctext,
                const std::string* epath, const std::string* etext, Progress& bar, Tally& t) {
    const std::string_view c(ctext);
    const std::size_t ch = header_end(c);
    const std::string chead(c.substr(0, ch));
    for (const auto& [from, to] : split_csv(c, ch)) {
        const auto r = ledger.import_csv(chead + std::string(c.substr(from, to - from)), "");
        report_problems(r, cpath, 2 + lines_in(c, ch, from), true, t);
        bar.add(to - from);
    }
    bar.add(ch);
    if (!epath)
        return;
    const std::string_view e(*etext);
    const std::size_t eh = header_end(e);
    const std::string ehead(e.substr(0, eh));
    for (const auto& [from, to] : split_csv(e, eh)) {
        const auto r = ledger.import_csv(chead, ehead + std::string(e.substr(from, to - from)));
        report_problems(r, *epath, 2 + lines_in(e, eh, from), true, t);
        bar.add(to - from);
    }
    bar.add(eh);
}

// Hours with one decimal, "-" when undefined.
std::string hours_text(double seconds) {
    if (!std::isfinite(seconds))
        return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f h", seconds / 3600);
    return buf;
}

// The month's staff performance (performance.hpp) per team or handler: a table on stdout and
// people.json beside the report (written atomically, as the report's files are); with the
// profile's `performance` section, each one's score and rank too, and scores.json.
void write_people(const plaint::MonthlyReport& report, const plaint::Ledger& ledger,
                  const plaint::SurveyResponses& responses, plaint::StaffBy by,
                  const fs::path& dir) {
    plaint::PerformanceOptions o;
    o.by = by;
    o.from = report.from;
    o.to = report.to;
    o.as_of = report.as_of;
    const std::vector<plaint::StaffFigures> figs = plaint::staff_performance(ledger, o, &responses);
    const plaint::PerformanceScheme* scheme = ledger.profile().performance();
    std::vector<plaint::StaffScore> scores;
    if (scheme)
        scores = plaint::score_performance(figs, *scheme, o.confidence);
    const char* what = by == plaint::StaffBy::team ? "team" : "handler";
    std::printf("people by %s, %s (cases of every kind received in the month; * fewer than %zu "
                "cases, never ranked):\n",
                what, report.month.c_str(), o.small_sample);
    std::printf("  %-20s %7s %7s %12s %12s %8s", what, "cases", "closed", "first resp.",
                "resolution", "CSAT");
    if (scheme)
        std::printf(" %20s %7s", "score (interval)", "rank");
    std::printf("\n");
    for (std::size_t i = 0; i < figs.size(); ++i) {
        const plaint::StaffFigures& f = figs[i];
        const std::string id = f.id.empty() ? "(nobody)" : f.id;
        char csat[32] = "-";
        if (f.csat.n > 0)
            std::snprintf(csat, sizeof csat, "%.1f%%", 100 * f.csat.value);
        std::printf("  %-20s %7zu %7zu %12s %12s %8s", id.c_str(), f.cases, f.closed,
                    hours_text(f.first_response.mean).c_str(),
                    hours_text(f.resolution.mean).c_str(), csat);
        if (scheme) {
            const plaint::StaffScore& s = scores[i];
            char score[48], rank[24] = "-";
            std::snprintf(score, sizeof score, "%.1f (%.1f-%.1f)", s.score, s.low, s.high);
            if (s.ranked && s.rank_best == s.rank_worst)
                std::snprintf(rank, sizeof rank, "%zu", s.rank_best);
            else if (s.ranked)
                std::snprintf(rank, sizeof rank, "%zu-%zu", s.rank_best, s.rank_worst);
            std::printf(" %20s %7s", score, rank);
        }
        std::printf("%s\n", f.small_sample ? " *" : "");
    }
    plaint::write_report_file(dir.string(), "people.json", plaint::to_json(figs) + "\n");
    std::printf("wrote %s\n", (dir / "people.json").string().c_str());
    if (scheme) {
        plaint::write_report_file(dir.string(), "scores.json", plaint::to_json(scores) + "\n");
        std::printf("wrote %s\n", (dir / "scores.json").string().c_str());
    }
}

int run(const Args& a) {
    const std::string sample = PLAINT_SAMPLE_DIR;
    std::vector<std::string> complaints = a.complaints, surveys = a.surveys;
    if (complaints.empty()) {
        complaints = {sample + "/complaints-2026-09.jsonl", sample + "/complaints-2026-10.jsonl"};
        if (surveys.empty())
            surveys = {sample + "/surveys-2026-09.csv", sample + "/surveys-2026-10.csv"};
        std::fprintf(stderr, "plaint-report: no --complaints: using the sample data in %s\n",
                     sample.c_str());
    }
    const plaint::Profile profile = a.profile.empty() ? plaint::Profile::default_profile()
                                                      : plaint::Profile::from_file(a.profile);
    // A profile can validate and still not work as meant (a calendar never open, say): the
    // library says so in its warnings, shown here before anything is read.
    const auto& warnings = profile.warnings();
    for (std::size_t i = 0; i < warnings.size() && i < max_warnings_shown; ++i)
        std::fprintf(stderr, "plaint-report: profile warning: %s: %s\n",
                     cut(warnings[i].pointer, max_line_bytes).c_str(),
                     cut(warnings[i].message, max_line_bytes).c_str());
    if (warnings.size() > max_warnings_shown)
        std::fprintf(stderr, "plaint-report: ... and %zu more profile warnings\n",
                     warnings.size() - max_warnings_shown);
    plaint::Ledger ledger(profile);

    // Read every file first: the progress bar needs the total.
    std::vector<std::string> texts;
    std::size_t total = 0;
    for (const auto& f : complaints) {
        texts.push_back(read_file(f));
        total += texts.back().size();
    }
    std::vector<std::string> event_texts;
    for (const auto& f : a.events) {
        event_texts.push_back(read_file(f));
        total += event_texts.back().size();
    }
    Progress bar(total, ::isatty(STDERR_FILENO) == 1 && total >= (8u << 20));
    Tally tally;
    std::size_t next_events = 0;
    for (std::size_t i = 0; i < complaints.size(); ++i) {
        const std::string& f = complaints[i];
        const bool is_csv = f.size() >= 4 && f.compare(f.size() - 4, 4, ".csv") == 0;
        if (is_csv) {
            const bool has = next_events < a.events.size();
            if (!has)
                std::fprintf(stderr, "plaint-report: %s: no --events file; complaints only\n",
                             f.c_str());
            import_csv(ledger, f, texts[i], has ? &a.events[next_events] : nullptr,
                       has ? &event_texts[next_events] : nullptr, bar, tally);
            next_events += has ? 1 : 0;
        } else {
            import_jsonl(ledger, f, texts[i], bar, tally);
        }
        texts[i].clear();
        texts[i].shrink_to_fit();
    }
    bar.finish();
    if (tally.bad > 0)
        std::fprintf(stderr, "plaint-report: %zu bad row%s (%zu shown above)%s\n", tally.bad,
                     tally.bad == 1 ? "" : "s", tally.shown,
                     a.strict ? "; --strict: no report written"
                              : " dropped: the report leaves them out");
    if (a.strict && tally.bad > 0)
        return 1;
    if (ledger.size() == 0)
        throw std::runtime_error("no complaints were imported");

    plaint::SurveyResponses responses;
    for (const auto& f : surveys) {
        try {
            responses.append(plaint::SurveyResponses::from_csv(read_file(f)));
        } catch (const plaint::error& e) {
            throw std::runtime_error(f + ": " + e.what());
        }
    }

    plaint::ReportOptions options;
    options.month = a.month;
    options.kind = a.kind;
    const plaint::MonthlyReport report = plaint::monthly_report(ledger, options, &responses);
    if (report.received == 0)
        std::fprintf(stderr, "plaint-report: warning: no complaints received in %s\n",
                     report.month.c_str());

    const fs::path dir(a.out);
    plaint::write_report_files(report, a.out); // each file atomically

    std::fputs(report.summary().c_str(), stdout);
    std::printf("imported %zu complaints and %zu events; wrote %s, %s and %s\n", tally.complaints,
                tally.events, (dir / "report.json").string().c_str(),
                (dir / "report.csv").string().c_str(), (dir / "report.html").string().c_str());
    if (a.by)
        write_people(report, ledger, responses, *a.by, dir);
    if (tally.bad > 0) {
        std::fprintf(stderr,
                     "plaint-report: %zu bad row%s dropped (exit status %d; --strict refuses "
                     "them)\n",
                     tally.bad, tally.bad == 1 ? " was" : "s were", exit_rows_dropped);
        return exit_rows_dropped;
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    Args args;
    try {
        args = parse(argc, argv);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "plaint-report: %s\n(try --help)\n", e.message.c_str());
        return 2;
    }
    if (args.help) {
        std::fputs(usage_text, stdout);
        return 0;
    }
    if (args.version) {
        std::printf("plaint-report %s\n", plaint::version_string);
        return 0;
    }
    try {
        return run(args);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "plaint-report: %s\n", e.what());
        return 1;
    }
}
