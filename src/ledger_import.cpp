// Bulk import into a ledger: JSON lines and CSV (RFC 4180). Every row is read with bounded
// memory (a record longer than the limit is skipped to its end, never buffered whole), checked,
// and either added or reported with its line and reason (issue 6: "each bad row is reported with
// its line and reason and the rest is imported, or, by option, nothing is").
#include "plaint/ledger.hpp"

#include "csv.hpp"
#include "error_detail.hpp"
#include "ledger_state.hpp"

#include <algorithm>
#include <istream>
#include <sstream>

PLAINT_BEGIN_NAMESPACE
namespace detail {
namespace {

// At most this many fields a record: the widest file has 13 columns.
constexpr std::size_t max_fields = 256;

Instant instant_field(const std::string& s, const char* what) {
    if (s.empty())
        throw error(errc::invalid_argument, std::string(what) + " is required");
    const bool digits = std::all_of(s.begin() + (s[0] == '-' ? 1 : 0), s.end(),
                                    [](char c) { return c >= '0' && c <= '9'; }) &&
                        s.size() > (s[0] == '-' ? 1u : 0u);
    if (digits) {
        if (s.size() > 18)
            throw error(errc::out_of_range,
                        std::string(what) + ": " + quote(s) + " is out of range");
        return std::stoll(s);
    }
    try {
        return parse_iso8601(s);
    } catch (const error& e) {
        throw error(e.code(), std::string(what) + ": " + e.what());
    }
}

std::int32_t int_field(const std::string& s, const char* what) {
    if (s.empty() || s.size() > 9 ||
        !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw error(errc::parse, std::string(what) + ": expected a whole number, not " + quote(s));
    return std::stoi(s);
}

// Column layouts of the two files (README, "The ledger").
const char* const complaint_columns[] = {"id",          "received", "channel", "category",
                                         "subcategory", "building", "unit",    "reporter_count",
                                         "content",     "tags",     "name",    "contact",
                                         "remedy",      "kind"};
const char* const event_columns[] = {"complaint_id", "at",       "type",     "role",
                                     "note",         "nature",   "severity", "target",
                                     "method",       "deadline", "handler",  "team"};

template <std::size_t N>
std::string column_list(const char* const (&cols)[N]) {
    std::string s;
    for (std::size_t i = 0; i < N; ++i)
        s += (i ? ", " : "") + std::string(cols[i]);
    return s;
}

// Maps each column to its position in the file; a problem for unknown, repeated or missing ones.
template <std::size_t N>
std::string read_header(const CsvRecord& h, const char* const (&cols)[N], std::size_t required,
                        std::vector<int>& pos) {
    pos.assign(N, -1);
    if (h.code != errc::ok)
        return "the header row is bad: " + h.problem;
    for (std::size_t i = 0; i < h.fields.size(); ++i) {
        const std::string& name = h.fields[i];
        std::size_t k = 0;
        while (k < N && name != cols[k])
            ++k;
        if (k == N)
            return "unknown column " + quote(name) + "; expected " + column_list(cols);
        if (pos[k] >= 0)
            return "column " + quote(name) + " appears twice";
        pos[k] = static_cast<int>(i);
    }
    for (std::size_t k = 0; k < required; ++k)
        if (pos[k] < 0)
            return "the header has no column " + std::string(cols[k]);
    return {};
}

class Importer {
public:
    Importer(Ledger& l, const ImportOptions& o, ImportReport& r) : ledger(l), opt(o), rep(r) {}

    void problem(const char* file, std::size_t line, errc code, std::string message) {
        ++rep.bad_rows;
        if (rep.problems.size() < opt.max_problems)
            rep.problems.push_back({file, line, code, std::move(message)});
    }
    // Counts a row; false (with a problem) past the limit.
    bool count_row(const char* file, std::size_t line, std::size_t& rows) {
        if (++rows > opt.max_rows) {
            if (rows == opt.max_rows + 1)
                problem(file, line, errc::too_large,
                        "more than " + std::to_string(opt.max_rows) + " rows; the rest is ignored");
            return false;
        }
        ++rep.rows;
        return true;
    }

    void json_lines(std::istream& in) {
        ByteSource src(in);
        std::string line;
        std::size_t number = 0, rows = 0;
        for (;;) {
            line.clear();
            bool over = false, any = false;
            int c;
            while ((c = src.get()) != -1 && c != '\n') {
                any = true;
                // A CR may end the line (CRLF) and is then not counted: room for one more byte
                // when it is a CR, dropped below.
                if (line.size() >= opt.max_line_bytes + (c == '\r' ? 1 : 0))
                    over = true;
                else
                    line.push_back(static_cast<char>(c));
            }
            if (c == -1 && !any)
                break;
            ++number;
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (!over && std::all_of(line.begin(), line.end(),
                                     [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; }))
                continue;
            if (!count_row("json lines", number, rows))
                break;
            if (over) {
                problem("json lines", number, errc::too_large,
                        "the line is over " + std::to_string(opt.max_line_bytes) + " bytes");
                continue;
            }
            try {
                // Its events checked by the kind the ledger takes it as (an unstated kind is
                // the rules' to decide: a consultation is answered, not resolved).
                std::size_t events = 0;
                detail::LedgerAccess::add_json(ledger, line, &events);
                ++rep.complaints;
                rep.events += events;
            } catch (const error& e) {
                std::string msg = e.what();
                if (!e.problems().empty() && msg.find(e.problems()[0].message) == std::string::npos)
                    msg += ": " + e.problems()[0].pointer + " " + e.problems()[0].message;
                problem("json lines", number, e.code(), msg);
            }
        }
    }

    void complaints_csv(std::istream& input) {
        CsvReader reader(input, CsvLimits{max_fields, opt.max_line_bytes});
        CsvRecord r;
        if (!reader.next(r)) {
            problem("complaints", 1, errc::invalid_argument,
                    "the file is empty: a header row "
                    "is required");
            return;
        }
        std::vector<int> pos;
        const std::string bad = read_header(r, complaint_columns, 2, pos);
        if (!bad.empty()) {
            problem("complaints", 1, errc::validation, bad);
            return;
        }
        const std::size_t width = r.fields.size();
        std::size_t rows = 0;
        Intake in;
        while (reader.next(r)) {
            if (csv_blank(r))
                continue;
            if (!count_row("complaints", r.line, rows))
                break;
            try {
                check_record(r, width, pos, complaint_columns);
                auto f = [&](std::size_t k) -> const std::string& {
                    static const std::string empty;
                    return pos[k] < 0 ? empty : r.fields[static_cast<std::size_t>(pos[k])];
                };
                in = Intake();
                in.id = f(0);
                in.received = instant_field(f(1), "received");
                if (!f(2).empty())
                    in.channel = parse_enum<Channel>(f(2));
                if (!f(3).empty())
                    in.category = parse_enum<Category>(f(3));
                in.subcategory = f(4);
                in.building = f(5);
                in.unit = f(6);
                if (!f(7).empty())
                    in.reporter_count = int_field(f(7), "reporter_count");
                in.content = f(8);
                std::string_view tags = f(9);
                while (!tags.empty()) {
                    const auto semi = tags.find(';');
                    std::string_view t = tags.substr(0, semi);
                    while (!t.empty() && t.front() == ' ')
                        t.remove_prefix(1);
                    while (!t.empty() && t.back() == ' ')
                        t.remove_suffix(1);
                    if (!t.empty())
                        in.tags.push_back(t);
                    if (semi == std::string_view::npos)
                        break;
                    tags.remove_prefix(semi + 1);
                }
                in.name = f(10);
                in.contact = f(11);
                in.remedy = f(12);
                if (!f(13).empty())
                    in.kind = parse_enum<Kind>(f(13));
                ledger.add(in);
                ++rep.complaints;
            } catch (const error& e) {
                problem("complaints", r.line, e.code(), e.what());
            }
        }
    }

    void events_csv(std::istream& input) {
        CsvReader reader(input, CsvLimits{max_fields, opt.max_line_bytes});
        CsvRecord r;
        if (!reader.next(r)) {
            problem("events", 1, errc::invalid_argument,
                    "the file is empty: a header row is "
                    "required");
            return;
        }
        std::vector<int> pos;
        const std::string bad = read_header(r, event_columns, 3, pos);
        if (!bad.empty()) {
            problem("events", 1, errc::validation, bad);
            return;
        }
        const std::size_t width = r.fields.size();
        std::size_t rows = 0;
        Event e;
        while (reader.next(r)) {
            if (csv_blank(r))
                continue;
            if (!count_row("events", r.line, rows))
                break;
            try {
                check_record(r, width, pos, event_columns);
                auto f = [&](std::size_t k) -> const std::string& {
                    static const std::string empty;
                    return pos[k] < 0 ? empty : r.fields[static_cast<std::size_t>(pos[k])];
                };
                const auto ci = ledger.find(f(0));
                if (!ci)
                    throw error(errc::not_found, "no complaint with id " + quote(f(0)) +
                                                     " (it must come in the complaints file)");
                e = Event();
                e.at = instant_field(f(1), "at");
                e.type = parse_enum<EventType>(f(2));
                if (e.type == EventType::receive) {
                    if (e.at != ledger.view(*ci).received)
                        throw error(errc::invalid_argument,
                                    "a 'receive' event must be at the complaint's received "
                                    "instant (it is written at intake)");
                    continue; // already there
                }
                if (!f(3).empty())
                    e.actor = parse_enum<Role>(f(3));
                e.note = f(4);
                if (!f(5).empty())
                    e.nature = parse_enum<Nature>(f(5));
                if (!f(6).empty())
                    e.severity = parse_enum<Severity>(f(6));
                if (!f(7).empty())
                    e.target = parse_enum<Role>(f(7));
                if (!f(8).empty())
                    e.method = parse_enum<VisitMethod>(f(8));
                if (!f(9).empty())
                    e.deadline = instant_field(f(9), "deadline");
                e.handler = f(10);
                e.team = f(11);
                ledger.add_event(*ci, e);
                ++rep.events;
            } catch (const error& ex) {
                problem("events", r.line, ex.code(), ex.what());
            }
        }
    }

private:
    // Structure and encoding of a record, before reading its values (so that a message never
    // quotes invalid UTF-8).
    template <std::size_t N>
    void check_record(const CsvRecord& r, std::size_t width, const std::vector<int>& pos,
                      const char* const (&cols)[N]) {
        if (r.code != errc::ok)
            throw error(r.code, r.problem);
        if (r.fields.size() != width)
            throw error(errc::parse, "expected " + std::to_string(width) + " fields, found " +
                                         std::to_string(r.fields.size()));
        for (std::size_t k = 0; k < N; ++k)
            if (pos[k] >= 0)
                validate_text(r.fields[static_cast<std::size_t>(pos[k])], cols[k]);
    }

    Ledger& ledger;
    const ImportOptions& opt;
    ImportReport& rep;
};

// Runs `work` on the ledger, or on a copy that replaces it only when no row was bad.
template <class Work>
ImportReport run(Ledger& ledger, const ImportOptions& options, Work&& work) {
    ImportReport rep;
    if (!options.all_or_nothing) {
        Importer im(ledger, options, rep);
        work(im);
        return rep;
    }
    Ledger staged(ledger);
    Importer im(staged, options, rep);
    work(im);
    if (rep.bad_rows == 0) {
        ledger = std::move(staged);
    } else {
        rep.committed = false;
        rep.complaints = rep.events = 0;
    }
    return rep;
}

} // namespace
} // namespace detail

ImportReport Ledger::import_json_lines(std::istream& in, const ImportOptions& options) {
    return detail::run(*this, options, [&](detail::Importer& im) { im.json_lines(in); });
}

ImportReport Ledger::import_json_lines(std::string_view text, const ImportOptions& options) {
    std::istringstream in{std::string(text)};
    return import_json_lines(in, options);
}

ImportReport Ledger::import_csv(std::istream& complaints, std::istream* events,
                                const ImportOptions& options) {
    return detail::run(*this, options, [&](detail::Importer& im) {
        im.complaints_csv(complaints);
        if (events)
            im.events_csv(*events);
    });
}

ImportReport Ledger::import_csv(std::string_view complaints, std::string_view events,
                                const ImportOptions& options) {
    std::istringstream c{std::string(complaints)};
    std::istringstream e{std::string(events)};
    return import_csv(c, events.empty() ? nullptr : &e, options);
}

PLAINT_END_NAMESPACE
