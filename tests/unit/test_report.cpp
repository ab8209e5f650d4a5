// The monthly report (issue 6, "The monthly report"): a hand-built March 2026 under the default
// profile whose every figure is worked out by hand below, the JSON keys, HTML escaping of hostile
// names, and the shipped sample data's October 2026 with every section non-trivial.
#include "support.hpp"

#include <plaint/ledger.hpp>
#include <plaint/report.hpp>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace plaint;

namespace {

const std::string hostile = "<script>alert(\"x\")</script> & Co";

Instant at(const char* iso) {
    return parse_iso8601(iso);
}

constexpr Instant H = 3600, M = 60;

std::size_t add(Ledger& l, const char* id, const char* received, Category cat, const char* sub,
                const std::string& building, Channel ch, const char* content,
                std::vector<std::string_view> tags = {}) {
    Intake in;
    in.id = id;
    in.received = at(received);
    in.category = cat;
    in.subcategory = sub;
    in.building = building;
    in.channel = ch;
    in.content = content;
    in.tags = std::move(tags);
    return l.add(in);
}

void ev(Ledger& l, std::size_t i, EventType t, Instant when, Role who = Role::cs_assistant) {
    l.add_event(i, Event::of(t, when, who));
}

void classify(Ledger& l, std::size_t i, Instant when, Severity s) {
    Event e = Event::of(EventType::classify, when, Role::duty_staff);
    e.nature = Nature::valid;
    e.severity = s;
    l.add_event(i, e);
}

void visit(Ledger& l, std::size_t i, Instant when, Role who, VisitMethod m) {
    Event e = Event::of(EventType::visit, when, who);
    e.method = m;
    l.add_event(i, e);
}

void assign(Ledger& l, std::size_t i, Instant when) {
    Event e = Event::of(EventType::assign, when, Role::duty_staff);
    e.target = Role::cs_assistant;
    l.add_event(i, e);
}

// March 2026 in Asia/Shanghai (the default profile's office zone, +08:00, no DST):
//   c1 Mon 2 Mar 09:00, A, attitude/noise, phone: record +30m, assign +1h, start +2h,
//      resolve +10h, visit (CS manager, phone) +12h, satisfied.
//   c2 Tue 3 Mar 14:30, A, quality/cleaning, online: record +2h (late), assign +3h,
//      start +30h (first feedback late), resolve +80h (resolution late), visit (CS manager,
//      phone) +81h, unsatisfied (deadline +100h), resolve +90h (rectified in time), visit
//      (general manager, on site) +91h, satisfied.
//   c3 Sat 7 Mar 23:15, B, attitude/noise, phone: record +10m, assign +30m, escalate to the
//      CS manager +1h, start +2h; still open at the month's end (resolution overdue).
//   c4 Tue 10 Mar 08:00, B, equipment/water_leak, phone (the `repair` policy): record +20m,
//      assign +40m, start +5h, resolve +20h, visit (CS manager, phone) +22h, satisfied.
//   c5 Fri 27 Feb 10:00 (the month before), visited by the CS manager on 1 Mar.
//   c6 1 Apr 00:00 local: after the month (its end is exclusive).
//   c7 Tue 31 Mar 23:59:59, the hostile building, other/"fees&<b>", letter: received only.
Ledger march() {
    Ledger l;
    const auto c1 = add(l, "c1", "2026-03-02T09:00:00+08:00", Category::attitude, "noise", "A",
                        Channel::phone, "upstairs is loud at night", {"repeat"});
    const Instant t1 = at("2026-03-02T09:00:00+08:00");
    ev(l, c1, EventType::record, t1 + 30 * M, Role::duty_staff);
    classify(l, c1, t1 + 40 * M, Severity::p4);
    assign(l, c1, t1 + H);
    ev(l, c1, EventType::start, t1 + 2 * H);
    ev(l, c1, EventType::resolve, t1 + 10 * H);
    visit(l, c1, t1 + 12 * H, Role::cs_manager, VisitMethod::phone);
    ev(l, c1, EventType::satisfied, t1 + 12 * H + M, Role::cs_manager);

    const auto c2 = add(l, "c2", "2026-03-03T14:30:00+08:00", Category::quality, "cleaning", "A",
                        Channel::online, "the stairs were not swept");
    const Instant t2 = at("2026-03-03T14:30:00+08:00");
    ev(l, c2, EventType::record, t2 + 2 * H, Role::duty_staff);
    classify(l, c2, t2 + 2 * H + 10 * M, Severity::p4);
    assign(l, c2, t2 + 3 * H);
    ev(l, c2, EventType::start, t2 + 30 * H);
    ev(l, c2, EventType::resolve, t2 + 80 * H);
    visit(l, c2, t2 + 81 * H, Role::cs_manager, VisitMethod::phone);
    Event u = Event::of(EventType::unsatisfied, t2 + 81 * H + M, Role::cs_manager);
    u.deadline = t2 + 100 * H;
    l.add_event(c2, u);
    ev(l, c2, EventType::resolve, t2 + 90 * H);
    visit(l, c2, t2 + 91 * H, Role::general_manager, VisitMethod::on_site);
    ev(l, c2, EventType::satisfied, t2 + 91 * H + M, Role::general_manager);

    const auto c3 = add(l, "c3", "2026-03-07T23:15:00+08:00", Category::attitude, "noise", "B",
                        Channel::phone, "the guard was rude", {"repeat"});
    const Instant t3 = at("2026-03-07T23:15:00+08:00");
    ev(l, c3, EventType::record, t3 + 10 * M, Role::duty_staff);
    classify(l, c3, t3 + 20 * M, Severity::p4);
    assign(l, c3, t3 + 30 * M);
    Event esc = Event::of(EventType::escalate, t3 + H, Role::cs_assistant);
    esc.target = Role::cs_manager;
    l.add_event(c3, esc);
    ev(l, c3, EventType::start, t3 + 2 * H, Role::cs_manager);

    const auto c4 = add(l, "c4", "2026-03-10T08:00:00+08:00", Category::equipment, "water_leak",
                        "B", Channel::phone, "the kitchen tap drips");
    const Instant t4 = at("2026-03-10T08:00:00+08:00");
    ev(l, c4, EventType::record, t4 + 20 * M, Role::duty_staff);
    classify(l, c4, t4 + 25 * M, Severity::p3);
    assign(l, c4, t4 + 40 * M);
    ev(l, c4, EventType::start, t4 + 5 * H);
    ev(l, c4, EventType::resolve, t4 + 20 * H);
    visit(l, c4, t4 + 22 * H, Role::cs_manager, VisitMethod::phone);
    ev(l, c4, EventType::satisfied, t4 + 22 * H + M, Role::cs_manager);

    const auto c5 = add(l, "c5", "2026-02-27T10:00:00+08:00", Category::quality, "cleaning", "A",
                        Channel::phone, "the lobby floor is dirty");
    const Instant t5 = at("2026-02-27T10:00:00+08:00");
    ev(l, c5, EventType::record, t5 + 10 * M, Role::duty_staff);
    classify(l, c5, t5 + 15 * M, Severity::p4);
    assign(l, c5, t5 + 20 * M);
    ev(l, c5, EventType::start, t5 + H);
    ev(l, c5, EventType::resolve, t5 + 5 * H);
    visit(l, c5, at("2026-03-01T10:00:00+08:00"), Role::cs_manager, VisitMethod::phone);
    ev(l, c5, EventType::satisfied, at("2026-03-01T10:01:00+08:00"), Role::cs_manager);

    add(l, "c6", "2026-04-01T00:00:00+08:00", Category::other, "fees", "A", Channel::phone,
        "the bill is wrong");
    add(l, "c7", "2026-03-31T23:59:59+08:00", Category::other, "fees&<b>", hostile, Channel::letter,
        "the bill is wrong");
    return l;
}

// Survey answers: response_speed, attitude, quality, result, overall, recommend.
SurveyResponses march_surveys() {
    const std::string csv =
        "complaint_id,building,at,response_speed,attitude,quality,result,overall,recommend\n"
        "c1,A,2026-03-02T21:01:00+08:00,5,5,5,5,5,10\n"
        "c2,A,2026-03-07T07:31:00+08:00,1,3,2,1,2,3\n"
        "c4,B,2026-03-11T06:01:00+08:00,4,4,4,5,4,9\n"
        ",\"B, east\",2026-03-15T10:00:00+08:00,3,3,3,3,4,8\n" // no complaint: by its date
        "c5,A,2026-03-01T10:01:00+08:00,5,5,5,5,5,10\n"        // February's complaint
        ",A,2026-01-15T10:00:00+08:00,1,1,1,1,1,0\n";          // another month: ignored
    return SurveyResponses::from_csv(csv);
}

MonthlyReport march_report() {
    static const Ledger l = march();
    static const SurveyResponses s = march_surveys();
    ReportOptions o;
    o.month = "2026-03";
    return monthly_report(l, o, &s);
}

std::size_t count_of(const std::vector<NamedCount>& v, const std::string& name) {
    for (const auto& c : v)
        if (c.name == name)
            return c.count;
    FAIL("no count named " << name);
    return 0;
}

const TargetFigures& target(const MonthlyReport& r, const std::string& name) {
    for (const auto& t : r.sla)
        if (t.target == name)
            return t;
    FAIL("no SLA target " << name);
    return r.sla.front();
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST_CASE("report: the month's bounds and counts, worked by hand") {
    const MonthlyReport r = march_report();
    CHECK(r.month == "2026-03");
    CHECK(r.previous == "2026-02");
    CHECK(r.timezone == "Asia/Shanghai");
    CHECK(r.from == at("2026-03-01T00:00:00+08:00"));
    CHECK(r.to == at("2026-04-01T00:00:00+08:00"));
    CHECK(r.as_of == r.to);
    // c1, c2, c3, c4, c7 (c6 falls on the exclusive end); c5 in February.
    CHECK(r.received == 5);
    CHECK(r.received_previous == 1);
    CHECK(r.open == 2); // c3 in progress, c7 received; c1, c2, c4 closed when satisfied
    CHECK(count_of(r.by_category, "attitude") == 2);
    CHECK(count_of(r.by_category, "quality") == 1);
    CHECK(count_of(r.by_category, "equipment") == 1);
    CHECK(count_of(r.by_category, "other") == 1);
    CHECK(count_of(r.by_category, "sudden_event") == 0);
    CHECK(count_of(r.by_channel, "phone") == 3);
    CHECK(count_of(r.by_channel, "online") == 1);
    CHECK(count_of(r.by_channel, "letter") == 1);
    CHECK(count_of(r.by_nature, "valid") == 4);
    CHECK(count_of(r.by_nature, "unjudged") == 1);
    CHECK(count_of(r.by_severity, "p4") == 3);
    CHECK(count_of(r.by_severity, "p3") == 1);
    CHECK(count_of(r.by_severity, "unset") == 1);
    REQUIRE(r.by_building.size() == 3);
    // Name order, bytewise: '<' sorts before 'A'.
    CHECK(r.by_building[0].name == hostile);
    CHECK(r.by_building[1].name == "A");
    CHECK(r.by_building[1].count == 2);
    CHECK(r.by_building[2].count == 2);
    // Main issues: noise twice, then the single ones by name.
    REQUIRE(r.top_subcategories.size() == 4);
    CHECK(r.top_subcategories[0].name == "noise");
    CHECK(r.top_subcategories[0].count == 2);
    CHECK(r.top_subcategories[1].name == "cleaning");
    CHECK(r.top_subcategories[2].name == "fees&<b>");
    CHECK(r.top_subcategories[3].name == "water_leak");
    REQUIRE_FALSE(r.top_tags.empty());
    CHECK(count_of(r.top_tags, "repeat") == 2);
}

TEST_CASE("report: SLA shares, times and MTTR, worked by hand") {
    const MonthlyReport r = march_report();
    // The complaint policy's targets first (c1 is the first complaint), then the repair ones.
    REQUIRE(r.sla.size() == 6);
    CHECK(r.sla[0].target == "record");
    CHECK(r.sla[1].target == "first_feedback");
    CHECK(r.sla[2].target == "resolution");
    CHECK(r.sla[3].target == "rectification");
    CHECK(r.sla[4].target == "repair_response");
    CHECK(r.sla[5].target == "repair_completion");

    // record (1 h): c1 30m, c3 10m, c4 20m met; c2 2h breached; c7 running at the month's end.
    const auto& rec = target(r, "record");
    CHECK(rec.clocks == 5);
    CHECK(rec.met == 3);
    CHECK(rec.breached == 1);
    CHECK(rec.pending == 1);
    CHECK(rec.share_met.value == Approx(0.75));
    // Wilson 3 of 4 at 95 %, by hand: centre (p + z²/2n)/(1 + z²/n) = 0.627524, half-width
    // z·√(p(1−p)/n + z²/4n²)/(1 + z²/n) = 0.326886.
    CHECK(rec.share_met.low == Approx(0.300642).margin(1e-6));
    CHECK(rec.share_met.high == Approx(0.954413).margin(1e-6));
    // Stopped clocks 600, 1200, 1800, 7200 s: mean 2700; p90 h = 3·0.9 = 2.7 → 1800 + 0.7·5400.
    CHECK(rec.mean_elapsed == Approx(2700));
    CHECK(rec.p90_elapsed == Approx(5580));

    // first feedback (24 h, stops at start): c1 2h, c3 2h met; c2 30h breached; c7 running.
    const auto& ff = target(r, "first_feedback");
    CHECK(ff.met == 2);
    CHECK(ff.breached == 1);
    CHECK(ff.pending == 1);
    // resolution (72 h): c1 10h met; c2 80h breached; c3 open past due breached; c7 running.
    const auto& res = target(r, "resolution");
    CHECK(res.met == 1);
    CHECK(res.breached == 2);
    CHECK(res.pending == 1);
    CHECK(res.share_met.value == Approx(1.0 / 3));
    // Wilson 1 of 3, by hand as above: 0.061492..0.792340.
    CHECK(res.share_met.low == Approx(0.061492).margin(1e-6));
    CHECK(res.share_met.high == Approx(0.792340).margin(1e-6));
    // rectification: c2 resolved at +90h before its deadline +100h.
    CHECK(target(r, "rectification").met == 1);
    CHECK(target(r, "rectification").clocks == 1);
    CHECK(target(r, "repair_response").met == 1);
    CHECK(target(r, "repair_completion").met == 1);

    // First response (first assign or start): 3600, 10800, 1800, 2400 s.
    CHECK(r.first_response.n == 4);
    CHECK(r.first_response.mean == Approx(4650));
    CHECK(r.first_response.p50 == Approx(3000)); // h = 1.5: 2400 + 0.5·1200
    CHECK(r.first_response.p90 == Approx(8640)); // h = 2.7: 3600 + 0.7·7200
    // Resolution (first resolve): 36000, 288000, 72000 s.
    CHECK(r.resolution.n == 3);
    CHECK(r.resolution.mean == Approx(132000));
    CHECK(r.resolution.p50 == Approx(72000));
    CHECK(r.resolution.p90 == Approx(244800)); // h = 1.8: 72000 + 0.8·216000
    // MTTR: c4 is the only repair, 20 h.
    CHECK(r.repairs == 1);
    CHECK(r.mttr == Approx(72000));
    // Escalations: c3's one, to the CS manager.
    CHECK(r.escalations == 1);
    CHECK(r.escalated == 1);
    CHECK(count_of(r.escalations_to, "cs_manager") == 1);
    CHECK(r.reevaluated == 0);
}

TEST_CASE("report: return visits and quota compliance, worked by hand") {
    const MonthlyReport r = march_report();
    // c1, c2 (twice), c4 and February's c5 were visited in March.
    CHECK(r.visits == 5);
    CHECK(count_of(r.visits_by_role, "cs_manager") == 4);
    CHECK(count_of(r.visits_by_role, "general_manager") == 1);
    CHECK(count_of(r.visits_by_method, "phone") == 4);
    CHECK(count_of(r.visits_by_method, "on_site") == 1);
    CHECK(r.visits_satisfied == 4);
    CHECK(r.visits_unsatisfied == 1);
    // DOMAIN.md §4 quotas: CS manager ≥ 3 (4 made), general manager ≥ 1 (1 made).
    REQUIRE(r.quotas.size() == 2);
    CHECK(r.quotas[0].role == Role::cs_manager);
    CHECK(r.quotas[0].visits == 4);
    CHECK(r.quotas[0].required == 3);
    CHECK(r.quotas[0].compliant);
    CHECK(r.quotas[1].role == Role::general_manager);
    CHECK(r.quotas[1].visits == 1);
    CHECK(r.quotas_met);

    // Without the general manager's visit the quota is missed.
    Ledger l = march();
    ReportOptions o;
    o.month = "2026-02";
    const MonthlyReport feb = monthly_report(l, o);
    CHECK(feb.received == 1);
    CHECK(feb.visits == 0);
    CHECK_FALSE(feb.quotas_met);
    CHECK_FALSE(feb.satisfaction);
}

TEST_CASE("report: heat maps, worked by hand") {
    const MonthlyReport r = march_report();
    const HeatMap& bc = r.building_category;
    REQUIRE(bc.rows == std::vector<std::string>{hostile, "A", "B"});
    REQUIRE(bc.cols ==
            std::vector<std::string>{"equipment", "attitude", "quality", "sudden_event", "other"});
    CHECK(bc.at(0, 4) == 1); // c7
    CHECK(bc.at(1, 1) == 1); // c1
    CHECK(bc.at(1, 2) == 1); // c2
    CHECK(bc.at(2, 0) == 1); // c4
    CHECK(bc.at(2, 1) == 1); // c3
    std::size_t sum = 0;
    for (auto c : bc.cells)
        sum += c;
    CHECK(sum == 5);
    CHECK(bc.max == 1);

    const HeatMap& wh = r.weekday_hour;
    REQUIRE(wh.rows.size() == 7);
    REQUIRE(wh.cols.size() == 24);
    CHECK(wh.at(0, 9) == 1);  // c1 Monday 09:00
    CHECK(wh.at(1, 14) == 1); // c2 Tuesday 14:30
    CHECK(wh.at(5, 23) == 1); // c3 Saturday 23:15
    CHECK(wh.at(1, 8) == 1);  // c4 Tuesday 08:00
    CHECK(wh.at(1, 23) == 1); // c7 Tuesday 23:59:59
    sum = 0;
    for (auto c : wh.cells)
        sum += c;
    CHECK(sum == 5);
}

TEST_CASE("report: satisfaction and its change, worked by hand") {
    const MonthlyReport r = march_report();
    REQUIRE(r.satisfaction);
    const SatisfactionFigures& s = *r.satisfaction;
    // March: c1, c2, c4 by their complaints' month and the unlinked response of 15 March.
    CHECK(s.responses == 4);
    // Overall 5, 2, 4, 4: mean 15/4; satisfied {4, 5}: 3 of 4 (Wilson as for "record" above).
    CHECK(s.overall.value == Approx(3.75));
    CHECK(s.csat.value == Approx(0.75));
    CHECK(s.csat.successes == 3);
    CHECK(s.csat.low == Approx(0.300642).margin(1e-6));
    CHECK(s.csat.high == Approx(0.954413).margin(1e-6));
    CHECK(s.verdict == satisfaction::Verdict::undecided); // 0.85 lies inside the interval
    // Recommend 10, 3, 9, 8: promoters 2, detractors 1 → 100·(2 − 1)/4.
    CHECK(s.nps.value == Approx(25));
    // Index: 0.4·speed + 0.2·(attitude + quality + result), each (x − 1)/4·100:
    // c1 100; c2 0.4·0 + 0.2·(50 + 25 + 0) = 15; c4 0.4·75 + 0.2·(75 + 75 + 100) = 80;
    // all 3s 50 → mean 245/4.
    CHECK(s.index.value == Approx(61.25));

    REQUIRE(r.satisfaction_previous);
    CHECK(r.satisfaction_previous->responses == 1); // c5, February's complaint
    CHECK(r.satisfaction_previous->csat.value == Approx(1.0));
    REQUIRE_FALSE(r.trend.empty());
    std::size_t n = 0;
    for (const auto& p : r.trend)
        n += p.responses;
    CHECK(n == 5);

    const auto j = nlohmann::json::parse(r.to_json());
    CHECK(j["satisfaction"]["change"]["csat"].get<double>() == Approx(-0.25));
    CHECK(j["satisfaction"]["change"]["mean"].get<double>() == Approx(-1.25));
}

TEST_CASE("report: a keyword is counted once in all its written forms, named as written") {
    // The default profile writes 电梯 and elevator. k1 writes 电梯, k2 電梯 (traditional), k3
    // ＥＬＥＶＡＴＯＲ (full-width), k4 ELEVATOR: 电梯 twice, elevator twice, nothing else.
    Ledger l;
    auto put = [&](const char* id, const char* when, const char* content) {
        Intake in;
        in.id = id;
        in.received = at(when);
        in.building = "A";
        in.content = content;
        return l.add(in);
    };
    put("k1", "2026-04-01T10:00:00+08:00", "电梯停了");
    put("k2", "2026-04-02T10:00:00+08:00", "電梯停運");
    put("k3", "2026-04-03T10:00:00+08:00", "ＥＬＥＶＡＴＯＲ stuck");
    put("k4", "2026-04-04T10:00:00+08:00", "ELEVATOR stuck");
    ReportOptions o;
    o.month = "2026-04";
    const MonthlyReport r = monthly_report(l, o);
    REQUIRE(r.top_keywords.size() == 2);
    CHECK(r.top_keywords[0].name == "elevator"); // ties by name bytewise: e before 电 (E7)
    CHECK(r.top_keywords[0].count == 2);
    CHECK(r.top_keywords[1].name == "电梯");
    CHECK(r.top_keywords[1].count == 2);
}

TEST_CASE("report: main keywords and repeat complaints, worked by hand") {
    // The default profile's keywords include water, leak, lift, no water, noisy, 电梯, 电梯困人,
    // 请问 and 怎么办理, and since 0.7 停车 (the dispatch to security; examples/data/
    // default-profile.json). Taken in in the order received:
    //   k4 31 Mar, A/101 "leak"                          (March: not counted for April)
    //   k1 1 Apr,  A/101 "Water LEAK in the lift..."     water, leak, lift; repeat 1 (k4)
    //   k2 2 Apr,  A/101 "电梯困人，电梯停了"             电梯困人, 电梯; repeat 2 (k4, k1)
    //   k3 3 Apr,  A/102 "noisy neighbours, no water..." noisy, no water, water; repeat 0
    //   k5 5 Apr,  no unit "请问怎么办理停车证"           请问, 怎么办理, 停车; repeat 0
    Ledger l;
    auto put = [&](const char* id, const char* when, const char* unit, const char* content) {
        Intake in;
        in.id = id;
        in.received = at(when);
        in.building = "A";
        in.unit = unit;
        in.content = content;
        return l.add(in);
    };
    put("k4", "2026-03-31T10:00:00+08:00", "101", "leak");
    put("k1", "2026-04-01T10:00:00+08:00", "101", "Water LEAK in the lift, water everywhere");
    const auto k2 = put("k2", "2026-04-02T10:00:00+08:00", "101", "电梯困人，电梯停了");
    put("k3", "2026-04-03T10:00:00+08:00", "102", "noisy neighbours, no water since noon");
    put("k5", "2026-04-05T10:00:00+08:00", "", "请问怎么办理停车证");
    CHECK(l.view(k2).repeat_count == 2);
    ReportOptions o;
    o.month = "2026-04";
    const MonthlyReport r = monthly_report(l, o);
    CHECK(r.received == 4);
    CHECK(r.repeated == 2); // k1, k2
    // water in k1 and k3 (once per complaint however often it occurs); then the ones found
    // once, by name bytewise (ASCII before the UTF-8 of Chinese: 停 E5, 怎 E6, 电 E7, 请 E8).
    const std::vector<std::pair<std::string, std::size_t>> expected = {
        {"water", 2}, {"leak", 1},     {"lift", 1}, {"no water", 1}, {"noisy", 1},
        {"停车", 1},  {"怎么办理", 1}, {"电梯", 1}, {"电梯困人", 1}, {"请问", 1}};
    REQUIRE(r.top_keywords.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CHECK(r.top_keywords[i].name == expected[i].first);
        CHECK(r.top_keywords[i].count == expected[i].second);
    }
    o.top = 2;
    const MonthlyReport two = monthly_report(l, o);
    REQUIRE(two.top_keywords.size() == 2);
    CHECK(two.top_keywords[1].name == "leak");
    const auto j = nlohmann::json::parse(r.to_json());
    CHECK(j["complaints"]["repeated"] == 2);
    CHECK(j["main_issues"]["keywords"][0]["name"] == "water");
    CHECK(j["main_issues"]["keywords"][0]["count"] == 2);
    CHECK(j["main_issues"]["keywords"][0]["share"] == Approx(0.5).epsilon(0)); // 2 of 4
    const std::string csv = r.to_csv();
    CHECK(csv.find("\nmain_issues,keywords,water,count,2\n") != std::string::npos);
    CHECK(csv.find("\ncomplaints,,,repeated,2\n") != std::string::npos);
    const std::string html = r.to_html();
    CHECK(html.find("电梯困人") != std::string::npos);
    CHECK(html.find("Repeat complaints") != std::string::npos);
    const std::string text = r.summary();
    CHECK(text.find("still open: 4, repeats: 2\n") != std::string::npos);
    CHECK(text.find("; keywords: water 2, leak 1, lift 1\n") != std::string::npos);
}

TEST_CASE("report: JSON keys are stable") {
    const MonthlyReport r = march_report();
    const auto j = nlohmann::ordered_json::parse(r.to_json());
    std::vector<std::string> keys;
    for (const auto& kv : j.items())
        keys.push_back(kv.key());
    CHECK(keys == std::vector<std::string>{
                      "plaint_report", "month", "previous_month", "timezone", "from", "to", "as_of",
                      "profile", "confidence", "csat_target", "kind", "complaints", "main_issues",
                      "sla", "escalations", "return_visits", "satisfaction", "heatmaps", "people"});
    auto keys_of = [](const nlohmann::ordered_json& o) {
        std::vector<std::string> k;
        for (const auto& kv : o.items())
            k.push_back(kv.key());
        return k;
    };
    CHECK(keys_of(j["complaints"]) ==
          std::vector<std::string>{"received", "complaints", "received_previous", "change", "open",
                                   "repeated", "by_kind", "by_category", "by_nature", "by_severity",
                                   "by_channel", "by_building"});
    CHECK(keys_of(j["main_issues"]) ==
          std::vector<std::string>{"subcategories", "tags", "keywords"});
    CHECK(keys_of(j["sla"]) ==
          std::vector<std::string>{"targets", "first_response", "resolution", "repairs", "mttr_s"});
    CHECK(keys_of(j["sla"]["targets"][0]) ==
          std::vector<std::string>{"target", "kind", "clocks", "met", "breached", "pending",
                                   "share_met", "share_low", "share_high", "mean_elapsed_s",
                                   "p90_elapsed_s"});
    CHECK(keys_of(j["return_visits"]) == std::vector<std::string>{"made", "by_method", "by_role",
                                                                  "satisfied", "unsatisfied",
                                                                  "quotas", "quotas_met"});
    CHECK(keys_of(j["satisfaction"]) ==
          std::vector<std::string>{"current", "previous", "change", "trend"});
    CHECK(keys_of(j["satisfaction"]["current"]) ==
          std::vector<std::string>{"month", "responses", "mean", "mean_low", "mean_high", "csat",
                                   "csat_low", "csat_high", "csat_successes", "verdict", "nps",
                                   "nps_low", "nps_high", "nps_n", "index", "index_low",
                                   "index_high", "questions"});
    CHECK(keys_of(j["heatmaps"]) == std::vector<std::string>{"building_category", "weekday_hour"});
    CHECK(keys_of(j["heatmaps"]["weekday_hour"]) ==
          std::vector<std::string>{"rows", "cols", "cells", "max"});
    CHECK(j["complaints"]["received"] == 5);
    CHECK(j["heatmaps"]["weekday_hour"]["cells"][0][9] == 1);
    CHECK(j["satisfaction"]["current"]["verdict"] == "undecided");
    // Undefined figures are null, never NaN: no previous month's NPS interval from one answer.
    CHECK(j["satisfaction"]["previous"]["nps_low"].is_null());
    // The default profile dispatches every request to a team: people, though no handler.
    CHECK(j["people"]["teams"].size() >= 1);
    CHECK(j["people"]["handlers"] == 0);
    CHECK(j["people"]["top_handlers"].empty());

    // CSV: one tidy table.
    const std::string csv = r.to_csv();
    CHECK(csv.rfind("section,group,item,metric,value\n", 0) == 0);
    CHECK(csv.find("\ncomplaints,,,received,5\n") != std::string::npos);
    CHECK(csv.find("\nsla,targets,record,share_met,0.750000\n") != std::string::npos);
    // The hostile building is quoted (it holds a quote): "" doubles it.
    CHECK(csv.find("\"<script>alert(\"\"x\"\")</script> & Co\"") != std::string::npos);
}

TEST_CASE("report: HTML escapes every text from the data") {
    CHECK(html_escape("<script>&\"'x") == "&lt;script&gt;&amp;&quot;&#39;x");
    CHECK(html_escape("") == "");
    CHECK(html_escape("楼栋 A1") == "楼栋 A1");
    const std::string html = march_report().to_html();
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("fees&<b>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co") !=
          std::string::npos);
    CHECK(html.find("fees&amp;&lt;b&gt;") != std::string::npos);
    // Self-contained: no external reference, inline SVG, print rules.
    CHECK(html.find("src=") == std::string::npos);
    CHECK(html.find("href=") == std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
}

TEST_CASE("report: bad options and input") {
    const Ledger l = march();
    ReportOptions o;
    o.month = "2026-13";
    CHECK(test::code_of([&] { monthly_report(l, o); }) == errc::out_of_range);
    o.month = "March";
    CHECK(test::code_of([&] { monthly_report(l, o); }) == errc::parse);
    o.month = "2026-03";
    o.confidence = 1;
    CHECK(test::code_of([&] { monthly_report(l, o); }) == errc::invalid_argument);
    o.confidence = 0.95;
    o.timezone = "Nowhere/Special";
    CHECK(test::code_of([&] { monthly_report(l, o); }) == errc::not_found);
    const Ledger empty;
    CHECK(test::code_of([&] { monthly_report(empty); }) == errc::invalid_argument);
    CHECK(latest_month(l) == "2026-04");
    CHECK(latest_month(empty).empty());

    CHECK(test::code_of([] { SurveyResponses::from_csv("complaint_id,overall\nc1,5\n"); }) ==
          errc::invalid_argument); // no `at`
    CHECK(test::code_of([] { SurveyResponses::from_csv("at,overall\nyesterday,5\n"); }) ==
          errc::parse);
    CHECK(test::code_of([] { SurveyResponses::from_csv("at,overall\n0,500\n"); }) == errc::parse);
    CHECK(test::code_of([] { SurveyResponses::from_csv("at,overall\n0,-1\n"); }) == errc::parse);
    CHECK(test::code_of([] { SurveyResponses::from_csv("at,overall\n0,5,6\n"); }) == errc::parse);
    CHECK(test::code_of([] { SurveyResponses::from_csv("at,overall\n0,\"5\n"); }) == errc::parse);
    CHECK(test::code_of([] { SurveyResponses::from_csv("at,at\n0,0\n"); }) ==
          errc::invalid_argument);
    // An answer outside the survey's scale is refused when scored.
    const SurveyResponses bad = SurveyResponses::from_csv("at,overall\n1772553600,9\n");
    o.timezone.clear();
    CHECK(test::code_of([&] { monthly_report(l, o, &bad); }) == errc::out_of_range);
    // Questions are matched by name when appending; a BOM and CRLF are read.
    SurveyResponses a = SurveyResponses::from_csv("\xEF\xBB\xBF"
                                                  "at,overall\r\n0,5\r\n\r\n");
    a.append(SurveyResponses::from_csv("at,recommend\n0,9\n"));
    REQUIRE(a.size() == 2);
    REQUIRE(a.questions == std::vector<std::string>{"overall", "recommend"});
    CHECK(a.answers[0] == std::vector<std::int8_t>{5, satisfaction::missing});
    CHECK(a.answers[1] == std::vector<std::int8_t>{satisfaction::missing, 9});
}

TEST_CASE("report: survey CSV is read as the ledger's import reads CSV (one reader)") {
    // One grammar (RFC 4180, README "The ledger") and one set of messages for both readers. An
    // unterminated quote in line 2: the import reports it as its row's problem, the survey
    // reader throws it with the line.
    const char* open_quote = "a quoted field is not closed before the end of the input "
                             "(truncated?)";
    Ledger l;
    const ImportReport r = l.import_csv("id,received\nC-1,\"0\n", "");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[0].message == open_quote);
    const error e = error_of([] { SurveyResponses::from_csv("at,q\n0,\"5\n"); });
    CHECK(e.code() == errc::parse);
    CHECK(std::string(e.what()) == std::string("survey CSV line 2: ") + open_quote);
    // A quote inside an unquoted field, or text after a closing quote, is malformed, in the
    // header as in a row (the survey reader took them as part of the name: "q\"1", "q1x").
    CHECK(message_of([] { SurveyResponses::from_csv("at,q\"1\n0,5\n"); }) ==
          "survey CSV line 1: a quote inside an unquoted field; quote the whole field and double "
          "the quote");
    CHECK(message_of([] { SurveyResponses::from_csv("at,\"q1\"x\n0,5\n"); }) ==
          "survey CSV line 1: a character after a closing quote; a field with quotes must be "
          "quoted whole");
    // A lone CR ends a record, as LF and CRLF do: a header of two columns and one row, 5 to q.
    const SurveyResponses cr = SurveyResponses::from_csv("at,q\r0,5\r");
    REQUIRE(cr.questions == std::vector<std::string>{"q"});
    REQUIRE(cr.size() == 1);
    CHECK(cr.answers[0][0] == 5);
    // A quoted field may hold a comma, a doubled quote and a line break: the question is
    // `a,"b"` + LF + `c`, and the row, which starts on line 3, is the bad one (6 fields of 2).
    const SurveyResponses q = SurveyResponses::from_csv("at,\"a,\"\"b\"\"\nc\"\n0,4\n");
    REQUIRE(q.questions == std::vector<std::string>{"a,\"b\"\nc"});
    CHECK(q.answers[0] == std::vector<std::int8_t>{4});
    CHECK(message_of([] { SurveyResponses::from_csv("at,\"q\n\"\n0,1,2,3,4,5\n"); }) ==
          "survey CSV line 3: expected 2 fields, found 6");
}

TEST_CASE("report: the sample data's October has every section") {
    const std::string dir = PLAINT_DATA_DIR "/sample/";
    Ledger l;
    for (const char* f : {"complaints-2026-09.jsonl", "complaints-2026-10.jsonl"}) {
        const auto rep = l.import_json_lines(read_text(dir + f));
        REQUIRE(rep.bad_rows == 0);
    }
    SurveyResponses s = SurveyResponses::from_csv(read_text(dir + "surveys-2026-09.csv"));
    s.append(SurveyResponses::from_csv(read_text(dir + "surveys-2026-10.csv")));
    const MonthlyReport r = monthly_report(l, {}, &s);
    CHECK(r.month == "2026-10");
    CHECK(r.received > 2000);
    CHECK(r.received_previous > 1900);
    CHECK(r.by_building.size() == 12);
    CHECK(r.top_subcategories.size() == 10);
    CHECK_FALSE(r.top_tags.empty());
    REQUIRE(r.sla.size() >= 5);
    for (const auto& t : r.sla) {
        INFO(t.target);
        CHECK(t.clocks > 0);
        CHECK(t.met > 0);
        CHECK(t.breached > 0); // October runs late (sample README)
    }
    CHECK(r.first_response.n > 2000);
    CHECK(r.resolution.p90 > r.resolution.mean);
    CHECK(r.repairs > 100);
    CHECK(std::isfinite(r.mttr));
    CHECK(r.escalations > 0);
    CHECK(r.visits > 0);
    CHECK(r.visits_unsatisfied > 0);
    CHECK(r.quotas_met); // sample README: October meets both quotas
    REQUIRE(r.satisfaction);
    REQUIRE(r.satisfaction_previous);
    CHECK(r.satisfaction->csat.value > 0.8);
    CHECK(r.satisfaction->csat.value < 0.95);
    CHECK(r.satisfaction->csat.value < r.satisfaction_previous->csat.value);
    CHECK(std::isfinite(r.satisfaction->nps.value));
    CHECK(std::isfinite(r.satisfaction->index.value));
    CHECK(r.trend.size() >= 8);
    CHECK(r.building_category.max > 0);
    CHECK(r.weekday_hour.max > 0);
    CHECK(r.to_html().find("CSAT") != std::string::npos);

    // September misses the general manager's quota (sample README).
    ReportOptions o;
    o.month = "2026-09";
    const MonthlyReport sep = monthly_report(l, o, &s);
    CHECK_FALSE(sep.quotas_met);
}

// Kinds in the report (issue 15): March's ledger states no kinds, so the default profile's kind
// section decides them: c4 (equipment) is a repair, c1, c2, c3 and c7 complaints.
TEST_CASE("report: requests split by kind, the headline counts complaints, one kind alone") {
    const MonthlyReport r = march_report();
    CHECK(r.received == 5);
    CHECK(r.complaints == 4);
    CHECK_FALSE(r.kind);
    CHECK(count_of(r.by_kind, "complaint") == 4);
    CHECK(count_of(r.by_kind, "repair") == 1);
    CHECK(count_of(r.by_kind, "consultation") == 0);
    CHECK(r.by_kind.size() == 5);
    CHECK(r.summary().find("complaints received: 4 of 5 requests (repair 1; ") !=
          std::string::npos);
    const auto j = nlohmann::json::parse(r.to_json());
    CHECK(j["kind"].is_null());
    CHECK(j["complaints"]["complaints"] == 4);
    CHECK(j["complaints"]["by_kind"]["repair"] == 1);
    CHECK(r.to_csv().find("\ncomplaints,by_kind,repair,count,1\n") != std::string::npos);
    CHECK(r.to_html().find("<h2>Requests received</h2>") != std::string::npos);

    // The repairs alone: c4, its visit by the CS manager on 11 Mar, its clocks under `repair`.
    static const Ledger l = march();
    ReportOptions o;
    o.month = "2026-03";
    o.kind = Kind::repair;
    const MonthlyReport rep = monthly_report(l, o);
    CHECK(rep.kind == Kind::repair);
    CHECK(rep.received == 1);
    CHECK(rep.complaints == 0);
    CHECK(count_of(rep.by_category, "equipment") == 1);
    CHECK(count_of(rep.by_category, "attitude") == 0);
    CHECK(rep.visits == 1);
    CHECK(rep.open == 0);
    for (const auto& t : rep.sla)
        CHECK((t.target == "record" || t.target == "repair_response" ||
               t.target == "repair_completion" || t.target == "rectification"));
    CHECK(nlohmann::json::parse(rep.to_json())["kind"] == "repair");
    CHECK(rep.summary().find("repair requests received: 1 (") != std::string::npos);
}

TEST_CASE("report files: one beside the report, written whole, with a plain name only") {
    const std::string dir = "report-file-test/nested";
    std::filesystem::remove_all("report-file-test");
    write_report_file(dir, "people.json", "[]\n");
    std::ifstream in(dir + "/people.json");
    std::stringstream got;
    got << in.rdbuf();
    CHECK(got.str() == "[]\n");
    // Written again: replaced whole, and no temporary file is left behind.
    write_report_file(dir, "people.json", "[1]\n");
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        ++files;
        CHECK(e.path().filename() == "people.json");
    }
    CHECK(files == 1);
    for (const char* bad : {"", "a/b", ".", ".."})
        CHECK(test::code_of([&] { write_report_file(dir, bad, "x"); }) == errc::invalid_argument);
    CHECK(test::code_of([&] { write_report_file("", "people.json", "x"); }) ==
          errc::invalid_argument);
    // A folder that cannot be made: under a regular file.
    CHECK(test::code_of([&] { write_report_file(dir + "/people.json/sub", "x.json", "x"); }) ==
          errc::io);
    std::filesystem::remove_all("report-file-test");
}
