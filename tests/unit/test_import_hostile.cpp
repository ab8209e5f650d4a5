// Hostile input at the ledger's importers and the survey reader (issue 12): inputs of the
// largest size a record may have (4 MiB, ImportOptions::max_line_bytes and the complaint's own
// limit), shaped so that a cost quadratic in their size would take minutes — a record of four
// million empty fields, a quoted field of two million doubled quotes, a complaint line of
// 60,000 events, a header of a million columns. Each is handled with the outcome worked out
// below, and the work is bounded by the bytes the call asks of operator new (a quadratic path
// asks for quadratically many), never by a clock.
#include "support.hpp"
#include <plaint/ledger.hpp>
#include <plaint/report.hpp>

#include <catch2/catch.hpp>

#include "../bench/alloc_counter.hpp" // replaces operator new: counts every byte asked for

#include <string>

using namespace plaint;

namespace {

constexpr std::size_t MiB = 1u << 20;

// The bytes `f` asks for, which must stay under `factor` times the input's size.
template <class F>
void linear(const char* what, std::size_t input, std::size_t factor, F&& f) {
    const std::size_t before = alloc_counter::total_bytes.load();
    f();
    const std::size_t used = alloc_counter::total_bytes.load() - before;
    INFO(what << ": " << used << " bytes allocated for " << input << " bytes of input");
    CHECK(used < factor * input);
}

} // namespace

TEST_CASE("CSV import: a record of four million empty fields") {
    // The header names two columns; the record has 4 MiB of commas, so 4 Mi + 1 fields: one bad
    // row (the wrong number of fields), and nothing imported.
    const std::string text = "id,received\n" + std::string(4 * MiB - 1, ',') + "\n";
    Ledger l;
    linear("commas", text.size(), 64, [&] {
        const ImportReport r = l.import_csv(text, "");
        CHECK(r.rows == 1);
        CHECK(r.bad_rows == 1);
        CHECK(r.complaints == 0);
    });
    CHECK(l.size() == 0);
}

TEST_CASE("CSV import: a quoted field of two million doubled quotes") {
    // "C-1" received at 0, its content a quoted field holding 2 Mi doubled quotes, so 2 Mi quote
    // characters: more than a content's 65,536 bytes, one bad row.
    const std::string field = "\"" + std::string(4 * MiB - 64, '"') + "\"";
    const std::string text = "id,received,content\nC-1,0," + field + "\n";
    Ledger l;
    linear("quotes", text.size(), 64, [&] {
        const ImportReport r = l.import_csv(text, "");
        CHECK(r.bad_rows == 1);
        REQUIRE(!r.problems.empty());
        CHECK(r.problems[0].code == errc::too_large);
    });
    // An unterminated quote runs to the end of the text: one bad row, at line 2.
    const std::string open = "id,received\n\"" + std::string(4 * MiB - 16, 'x');
    linear("unterminated", open.size(), 64, [&] {
        const ImportReport r = l.import_csv(open, "");
        CHECK(r.bad_rows == 1);
        REQUIRE(!r.problems.empty());
        CHECK(r.problems[0].line == 2);
    });
    CHECK(l.size() == 0);
}

TEST_CASE("CSV import: a header of a million columns") {
    // "a0,a1,...": unknown columns make the whole file bad, at line 1.
    std::string header;
    for (int i = 0; header.size() < 4 * MiB - 16; ++i)
        header += (i ? ",a" : "a") + std::to_string(i);
    const std::string text = header + "\n";
    Ledger l;
    linear("columns", text.size(), 64, [&] {
        const ImportReport r = l.import_csv(text, "");
        CHECK(r.bad_rows >= 1);
        REQUIRE(!r.problems.empty());
        CHECK(r.problems[0].line == 1);
    });
}

// record, classify (p1: the rules cannot raise it, so they add no event), assign, start, then
// wait/resume pairs: `pairs` of them, or as many as fit in `bytes`.
std::string event_line(std::size_t bytes, std::size_t& pairs) {
    std::string line = R"({"id": "X", "received": 0, "events": [{"type": "record", "at": 1},)"
                       R"({"type": "classify", "at": 2, "nature": "valid", "severity": "p1"},)"
                       R"({"type": "assign", "at": 3}, {"type": "start", "at": 4})";
    const std::string tail = "]}";
    const std::size_t want = pairs;
    pairs = 0;
    while (pairs < want) {
        const std::string pair = R"(,{"type":"wait","at":)" + std::to_string(5 + 2 * pairs) +
                                 R"(},{"type":"resume","at":)" + std::to_string(6 + 2 * pairs) +
                                 "}";
        if (line.size() + pair.size() + tail.size() > bytes)
            break;
        line += pair;
        ++pairs;
    }
    return line + tail;
}

TEST_CASE("JSON lines import: one 4 MiB line of 70,000 events") {
    // The ledger derives each event's clocks from the whole log, so a complaint in a ledger
    // holds at most Limits::ledger_events (1,000) events: this line is one bad row, refused
    // once its 1,001st event comes (it used to take minutes: the work grew with the square of
    // the log).
    std::size_t pairs = std::size_t(-1);
    const std::string line = event_line(4 * MiB, pairs);
    REQUIRE(pairs > 30000);
    Ledger l;
    linear("events", line.size(), 64, [&] {
        const ImportReport r = l.import_json_lines(line + "\n");
        CHECK(r.bad_rows == 1);
        CHECK(r.complaints == 0);
        REQUIRE(!r.problems.empty());
        CHECK(r.problems[0].code == errc::too_large);
    });
    CHECK(l.size() == 0);
    CHECK(l.event_count() == 0);
    // At the limit: receipt, 4 events and 497 pairs make 999 events, taken; the log's count
    // is 999 and the state in progress (the last event a resume).
    pairs = 497;
    const std::string ok = event_line(4 * MiB, pairs);
    REQUIRE(pairs == 497);
    const ImportReport r = l.import_json_lines(ok + "\n");
    CHECK(r.bad_rows == 0);
    REQUIRE(l.size() == 1);
    CHECK(l.view(0).event_count == 999);
    CHECK(l.view(0).state == State::in_progress);
}

TEST_CASE("survey CSV: a 4 MiB header and a 4 MiB row") {
    // A record holds at most 1,024 fields: a header of 4 Mi commas is refused at its 1,025th.
    const std::string commas = std::string(4 * MiB, ',') + "\n";
    linear("survey header", commas.size(), 64, [&] {
        CHECK(test::code_of([&] { SurveyResponses::from_csv(commas); }) == errc::too_large);
    });
    // A good header, then one row of 4 Mi fields: refused there too.
    const std::string row = "at,q\n0" + std::string(4 * MiB, ',') + "\n";
    linear("survey row", row.size(), 64, [&] {
        CHECK(test::code_of([&] { SurveyResponses::from_csv(row); }) == errc::too_large);
    });
    // A quoted cell of 2 Mi doubled quotes is no answer 0..127.
    const std::string quoted = "at,q\n0,\"" + std::string(4 * MiB, '"') + "\"\n";
    linear("survey quotes", quoted.size(), 64, [&] {
        CHECK(test::code_of([&] { SurveyResponses::from_csv(quoted); }) == errc::parse);
    });
    // The edge: `at` and 1,023 questions (1,024 fields) are read; one more column is refused.
    std::string head = "at", values = "0";
    for (int q = 0; q < 1023; ++q) {
        head += ",q" + std::to_string(q);
        values += ",5";
    }
    const SurveyResponses ok = SurveyResponses::from_csv(head + "\n" + values + "\n");
    CHECK(ok.questions.size() == 1023);
    CHECK(test::code_of([&] { SurveyResponses::from_csv(head + ",q1023\n" + values + ",5\n"); }) ==
          errc::too_large);
}
