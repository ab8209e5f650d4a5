// The monthly report's people (issue 15 part 4): the team table, the handlers at the top and the
// bottom by score, the team × category map — worked out by hand on a small ledger, and the
// report's team figures checked against staff_performance called on its own (a second path),
// in the JSON, the CSV and the HTML page.
#include "support.hpp"
#include <plaint/ledger.hpp>
#include <plaint/performance.hpp>
#include <plaint/report.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using namespace plaint;

namespace {

constexpr Instant M = 60, H = 3600, D = 86400;
const Instant t0 = parse_iso8601("2026-03-02T09:00:00+08:00");

// Equipment goes to eng, the rest to cs; one policy; the score is the closed share alone.
const char* const profile_text = R"({"plaint_profile": 1,
  "calendars": {"office": {"timezone": "Asia/Shanghai", "week": {"mon": [["09:00", "18:00"]]}}},
  "policies": {"p": {"targets": [{"kind": "record", "duration": "1h"},
                                 {"kind": "resolution", "duration": "72h"}]}},
  "teams": {"eng": {"name": "工程 & <维修>"}, "cs": {}},
  "rules": {"sections": [
    {"name": "dispatch", "hit": "first", "rows": [
      {"id": "eq", "when": {"category": "equipment"}, "then": {"team": "eng"}},
      {"id": "other", "then": {"team": "cs"}}]},
    {"name": "policy", "hit": "first", "rows": [{"id": "all", "then": {"sla_policy": "p"}}]}]},
  "performance": {"metrics": [{"metric": "closed_share", "target": 1, "band": 1, "weight": 1}]}})";

Event ev(EventType t, Instant at, const char* handler = "", const char* team = "") {
    Event e = Event::of(t, at);
    if (t == EventType::classify)
        e.nature = Nature::valid;
    if (t == EventType::visit)
        e.method = VisitMethod::phone;
    e.handler = handler;
    e.team = team;
    return e;
}

// `n` cases of `category` assigned to `handler` of `team`, the first `closed` of them closed (a
// satisfied visit after the resolution), the others left in progress.
void cases(Ledger& l, int& next, Category category, const char* handler, const char* team, int n,
           int closed) {
    for (int i = 0; i < n; ++i, ++next) {
        Intake in;
        const std::string id = "c" + std::to_string(next); // Intake::id is a view: kept alive
        in.id = id;
        in.received = t0 + (next % 20) * D + (next % 7) * H;
        in.category = category;
        const auto c = l.add(in);
        const Instant t = in.received;
        l.add_event(c, ev(EventType::record, t + 5 * M));
        l.add_event(c, ev(EventType::classify, t + 10 * M));
        l.add_event(c, ev(EventType::assign, t + 20 * M, handler, team));
        l.add_event(c, ev(EventType::start, t + H));
        if (i < closed) {
            l.add_event(c, ev(EventType::resolve, t + 3 * H));
            l.add_event(c, ev(EventType::visit, t + 4 * H));
            l.add_event(c, ev(EventType::satisfied, t + 4 * H + M));
        }
    }
}

Ledger people_ledger() {
    Ledger l(Profile::from_json(profile_text));
    int next = 1;
    cases(l, next, Category::equipment, "h1", "eng", 40, 40);
    cases(l, next, Category::equipment, "h2", "eng", 40, 20);
    cases(l, next, Category::attitude, "h3", "cs", 40, 0);
    cases(l, next, Category::attitude, "h4", "cs", 5, 5); // a small sample
    return l;
}

ReportOptions march() {
    ReportOptions o;
    o.month = "2026-03";
    return o;
}

} // namespace

TEST_CASE("report people: teams, top and bottom handlers, the map, worked by hand") {
    const Ledger l = people_ledger();
    const MonthlyReport r = monthly_report(l, march());
    REQUIRE(r.people);
    const PeopleFigures& p = *r.people;
    // Teams by id: cs (h3's 40 and h4's 5, 5 closed), eng (80, 60 closed).
    REQUIRE(p.teams.size() == 2);
    CHECK(p.teams[0].id == "cs");
    CHECK(p.teams[0].cases == 45);
    CHECK(p.teams[0].closed == 5);
    CHECK(p.teams[1].id == "eng");
    CHECK(p.teams[1].cases == 80);
    CHECK(p.teams[1].closed == 60);
    CHECK(p.team_names == std::vector<std::string>{"", "工程 & <维修>"});
    // Scores: the closed share × 100.
    REQUIRE(p.team_scores.size() == 2);
    CHECK(p.team_scores[0].score == Approx(100.0 * 5 / 45));
    CHECK(p.team_scores[1].score == Approx(75));
    CHECK(p.handlers == 4);
    CHECK(p.handlers_small == 1); // h4, 5 cases
    // Ranked: h1 (100; Wilson of 40 of 40 from 0.912), h2 (50; 0.352–0.648), h3 (0; to 0.088):
    // separated, so ranks 1, 2, 3 exactly; the first half (2) on top, the other (1) at the bottom.
    REQUIRE(p.top_handlers.size() == 2);
    CHECK(p.top_handlers[0].id == "h1");
    CHECK(p.top_handlers[0].score == Approx(100));
    CHECK(p.top_handlers[0].rank_best == 1);
    CHECK(p.top_handlers[0].rank_worst == 1);
    CHECK(p.top_handlers[1].id == "h2");
    CHECK(p.top_handlers[1].score == Approx(50));
    CHECK(p.top_handlers[1].rank_best == 2);
    CHECK(p.top_handlers[1].rank_worst == 2);
    REQUIRE(p.bottom_handlers.size() == 1);
    CHECK(p.bottom_handlers[0].id == "h3");
    CHECK(p.bottom_handlers[0].rank_best == 3);
    CHECK(p.bottom_handlers[0].cases == 40);
    // The map: cs 45 attitude, eng 80 equipment.
    const HeatMap& m = p.team_category;
    CHECK(m.rows == std::vector<std::string>{"cs", "eng"});
    CHECK(m.at(0, 1) == 45);
    CHECK(m.at(1, 0) == 80);
    CHECK(m.at(0, 0) == 0);
    CHECK(m.max == 80);

    // A second path: the report's team figures are staff_performance's over the month.
    PerformanceOptions o;
    o.by = StaffBy::team;
    o.from = r.from;
    o.to = r.to;
    o.as_of = r.as_of;
    CHECK(to_json(p.teams) == to_json(staff_performance(l, o)));

    // JSON: the people last, laid out as the rest; each team's name after its id.
    const auto j = nlohmann::ordered_json::parse(r.to_json());
    const auto& pj = j["people"];
    CHECK(pj["teams"][1]["id"] == "eng");
    CHECK(pj["teams"][1]["name"] == "工程 & <维修>");
    CHECK(std::next(pj["teams"][1].begin()).key() == "name");
    CHECK(pj["team_scores"][1]["score"] == 75);
    CHECK(pj["handlers"] == 4);
    CHECK(pj["handlers_small"] == 1);
    CHECK(pj["top_handlers"][0]["id"] == "h1");
    CHECK(pj["bottom_handlers"][0]["rank_best"] == 3);
    CHECK(pj["team_category"]["cells"][1][0] == 80);
    CHECK(
        r.to_json().find("\n  \"people\": {\n    \"teams\": [\n      {\n        \"id\": \"cs\",") !=
        std::string::npos);

    // CSV rows.
    const std::string csv = r.to_csv();
    CHECK(csv.find("\npeople,team,eng,cases,80\n") != std::string::npos);
    CHECK(csv.find("\npeople,team,eng,score,75.000000\n") != std::string::npos);
    CHECK(csv.find("\npeople,top_handlers,h1,score,100.000000\n") != std::string::npos);
    CHECK(csv.find("\npeople,bottom_handlers,h3,rank_best,3\n") != std::string::npos);
    CHECK(csv.find("\npeople,handlers,,small_samples,1\n") != std::string::npos);
    CHECK(csv.find("\nheatmap,team_category,eng,equipment,80\n") != std::string::npos);

    // HTML: the section, names escaped, the small-sample note.
    const std::string html = r.to_html();
    CHECK(html.find("<section id=\"people\">") != std::string::npos);
    CHECK(html.find("工程 &amp; &lt;维修&gt;") != std::string::npos);
    CHECK(html.find("<维修>") == std::string::npos);
    CHECK(html.find("<caption>Top handlers</caption>") != std::string::npos);
    CHECK(html.find("Requests by team and category") != std::string::npos);
}

TEST_CASE("report people: none without staff, the kind restriction, no scores without a section") {
    // A report restricted to repairs has none of these requests: no people.
    ReportOptions o = march();
    o.kind = Kind::repair;
    CHECK_FALSE(monthly_report(people_ledger(), o).people);

    // The same ledger under a profile without a performance section: figures, no scores.
    std::string text = profile_text;
    text = text.substr(0, text.find(",\n  \"performance\"")) + "}";
    Ledger l(Profile::from_json(text));
    int next = 1;
    cases(l, next, Category::equipment, "h1", "eng", 3, 1);
    const MonthlyReport r = monthly_report(l, march());
    REQUIRE(r.people);
    CHECK(r.people->teams.size() == 1);
    CHECK(r.people->team_scores.empty());
    CHECK(r.people->top_handlers.empty());
    CHECK(r.people->bottom_handlers.empty());
    const auto j = nlohmann::ordered_json::parse(r.to_json());
    CHECK(j["people"]["team_scores"].is_null());
    CHECK(j["people"]["top_handlers"].empty());
}
