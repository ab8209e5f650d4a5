// Profiles: the embedded default encodes DOMAIN.md (each expectation cites the section it
// comes from); loading reports every problem of a document with its place.
#include "support.hpp"
#include <plaint/profile.hpp>

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>
#include <string>

using namespace plaint;

namespace {

bool has_tag(const Decision& d, std::string_view t) {
    return std::find(d.tags.begin(), d.tags.end(), t) != d.tags.end();
}

} // namespace

TEST_CASE("the default profile is the shipped JSON and loads cleanly") {
    const Profile& p = Profile::default_profile();
    CHECK(p.name() == "default");
    CHECK(p.warnings().empty());
    const Profile shipped =
        Profile::from_json(read_file(std::string(PLAINT_DATA_DIR) + "/default-profile.json"));
    CHECK(shipped.to_json() == p.to_json());
    CHECK(Profile::from_json(p.to_json()).to_json() == p.to_json());
    // DOMAIN.md §4: the customer-service manager makes at least 3 return visits a month, the
    // general manager at least 1.
    CHECK(p.visit_quota(Role::cs_manager) == 3);
    CHECK(p.visit_quota(Role::general_manager) == 1);
    CHECK(p.visit_quota(Role::duty_staff) == 0);
    CHECK(p.policies().find("consultation") != nullptr);
}

TEST_CASE("the default profile classifies as DOMAIN.md says") {
    const Profile& p = Profile::default_profile();
    Facts media; // §3: a complaint that went to the media is major; §4: on-site return visit
    media.channel = Channel::media;
    media.content = "小区电梯故障无人处理，已联系记者";
    Decision d = p.classify(media);
    CHECK(d.nature == Nature::major);
    CHECK(d.severity == Severity::p1);
    CHECK(d.escalate_to == Role::general_manager);
    CHECK(d.visit_method == VisitMethod::on_site);
    CHECK(d.sla_policy == "complaint");
    CHECK(has_tag(d, "elevator"));

    Facts scope; // §3: outside the office's scope -> invalid
    scope.tags = {"outside_scope"};
    d = p.classify(scope);
    CHECK(d.nature == Nature::invalid);

    Facts consult; // §3 communicative, §5: consultation answered within 1 hour
    consult.category = Category::other;
    consult.content = "请问物业费怎么交？";
    d = p.classify(consult);
    CHECK(d.nature == Nature::consulting);
    CHECK(d.sla_policy == "consultation");
    CHECK(d.visit_method == VisitMethod::phone);

    Facts leak; // §3 equipment; §5 repair limits
    leak.category = Category::equipment;
    leak.content = "卫生间天花板漏水 water from upstairs";
    d = p.classify(leak);
    CHECK(d.nature == Nature::valid);
    CHECK(d.sla_policy == "repair");
    CHECK(d.severity == Severity::p3);
    CHECK(has_tag(d, "water"));

    Facts sudden; // §3 sudden events: P1 and the stricter repair tier
    sudden.category = Category::sudden_event;
    d = p.classify(sudden);
    CHECK(d.severity == Severity::p1);
    CHECK(d.sla_policy == "repair_urgent");

    Facts many; // §4: an issue raised by many residents: a meeting, or a public notice
    many.reporter_count = 12;
    d = p.classify(many);
    CHECK(d.severity == Severity::p2);
    CHECK(d.visit_method == VisitMethod::meeting);
    CHECK(has_tag(d, "collective"));
    many.reporter_count = 35;
    CHECK(p.classify(many).visit_method == VisitMethod::public_notice);

    Facts repeat; // repeat complaints from the same unit raise severity
    repeat.repeat_count = 2;
    CHECK(p.classify(repeat).severity == Severity::p2);
}

TEST_CASE("a communicative complaint handled badly becomes a valid one") {
    const Profile& p = Profile::default_profile();
    // Monday 2 March 2026, 09:15 in Shanghai: a consultation, answered within one office hour.
    const Instant t0 = parse_iso8601("2026-03-02T09:15:00+08:00");
    Complaint c("C", t0);
    c.set_category(Category::other);
    c.set_content("请问停车位怎么办理？");
    c.apply(Event::of(EventType::record, t0 + 60));
    Event judge = Event::of(EventType::classify, t0 + 120);
    judge.nature = Nature::consulting;
    judge.severity = Severity::p4;
    c.apply(judge);
    // Within the hour nothing changes.
    CHECK_FALSE(p.reevaluate(c, t0 + 1800, "consultation"));
    // At 10:30 the one-hour limit (10:15) is missed: the rules judge it valid again.
    const auto e = p.reevaluate(c, t0 + 75 * 60, "consultation");
    REQUIRE(e);
    CHECK(e->type == EventType::classify);
    CHECK(e->nature == Nature::valid);
    CHECK(e->note.find("communicative-handled-badly") != std::string::npos);
    c.apply(*e);
    CHECK(c.nature() == Nature::valid);
    CHECK(c.events().back().note == e->note);
    // Judged valid now, it stays so: re-evaluation only escalates, and the consulting keywords
    // that still match cannot turn it back into a communicative complaint.
    CHECK_FALSE(p.reevaluate(c, t0 + 80 * 60, "consultation"));
    CHECK_FALSE(p.reevaluate(c, t0 + 80 * 60, "complaint"));
}

TEST_CASE("every problem of a profile is reported with its pointer, line and column") {
    const std::string text = R"({
  "plaint_profile": 1,
  "colour": "blue",
  "calendars": {"office": {"timezone": "Asia/Shanghai", "week": {"mon": [["09:00", "25:00"]]}}},
  "policies": {"p": {"targets": [{"kind": "record", "duration": "1h", "calendar": "night"}]}},
  "rules": {"sections": [{"name": "n", "hit": "first", "rows": [
    {"id": "a", "when": {"channel": ["phone", "sms"]}, "then": {"nature": "valid"}},
    {"id": "b", "then": {"sla_policy": "fast"}}]}]},
  "return_visits": {"rules": [{"when": {"nature": "major"}, "method": "by_pigeon"}],
                    "quotas": {"boss": 3}},
  "surveys": {"s": {"scale": [5, 1], "dimensions": ["a"]}}
})";
    const error e = error_of([&] { Profile::from_json(text); });
    CHECK(e.code() == errc::validation);
    const std::string msg = e.what();
    INFO(msg);
    // Positions counted by hand in the text above (columns in characters).
    for (const char* expected : {
             "/colour: unknown key; expected plaint_profile, name, description, calendars, "
             "policies, rules, return_visits, surveys, teams or performance (line 3, column 13)",
             "/calendars/office/week/mon/0: time '25:00' is not within 00:00-24:00 (line 4, "
             "column 74)",
             "/policies/p/targets/0/calendar: undefined calendar 'night' (line 5, column 83)",
             "/rules/sections/0/rows/0/when/channel/1: unknown channel 'sms'; expected one of "
             "phone, visit, letter, online, authority, media, other (line 7, column 47)",
             "/rules/sections/0/rows/1/then/sla_policy: undefined SLA policy 'fast' (line 8, "
             "column 40)",
             "/return_visits/rules/0/method: expected a visit method, one of phone, on_site, "
             "meeting, public_notice, other (line 9, column 71)",
             "/return_visits/quotas/boss: unknown role 'boss'; expected one of duty_staff, "
             "cs_assistant, cs_manager, general_manager, company (line 10, column 40)",
             "/surveys/s/scale: expected [lowest, highest]: whole numbers from -1000 to 1000, "
             "lowest below highest (line 11, column 30)",
         })
        CHECK(msg.find(expected) != std::string::npos);
    CHECK(e.problems().size() == 8);

    CHECK(error_of([] { Profile::from_json(R"({"plaint_profile": 2})"); }).code() ==
          errc::unsupported);
    CHECK(error_of([] { Profile::from_json(R"({"name": "x"})"); }).code() == errc::validation);
    CHECK(error_of([] { Profile::from_json("[1, 2"); }).code() == errc::parse);
}

TEST_CASE("hostile profiles: truncated, oversized, deeply nested, unreadable") {
    const std::string text = Profile::default_profile().to_json();
    for (std::size_t n = 0; n < text.size(); n += 3) {
        const errc code = error_of([&] { Profile::from_json(text.substr(0, n)); }).code();
        CHECK((code == errc::parse || code == errc::validation));
    }
    CHECK(error_of([] { Profile::from_json(std::string(100u << 20, ' ')); }).code() ==
          errc::too_large);
    CHECK(error_of([] {
              Profile::from_json(std::string(10000, '[') + std::string(10000, ']'));
          }).code() == errc::too_large);
    CHECK(error_of([] { Profile::from_file("/nonexistent/profile.json"); }).code() == errc::io);
    // A 100 MB file is refused before it is read.
    const std::string big = std::string(PLAINT_TEST_TMP) + "/big-profile.json";
    {
        std::ofstream out(big, std::ios::binary);
        out.seekp((100 << 20) - 1);
        out.put('}');
    }
    CHECK(error_of([&] { Profile::from_file(big); }).code() == errc::too_large);
    std::remove(big.c_str());
    CHECK(Profile::from_file(std::string(PLAINT_DATA_DIR) + "/default-profile.json").name() ==
          "default");
}

// ---- surveys ----

namespace {
Profile with_survey(const std::string& survey) {
    return Profile::from_json(R"({"plaint_profile": 1, "surveys": {"s": )" + survey + "}}");
}
std::string problems_of(const std::string& survey) {
    const error e = error_of([&] { with_survey(survey); });
    CHECK(e.code() == errc::validation);
    return e.what();
}
} // namespace

TEST_CASE("the default profile's return-visit survey") {
    const Profile& p = Profile::default_profile();
    CHECK(p.survey_names() == std::vector<std::string>{"return_visit"});
    CHECK_FALSE(p.survey("periodic"));
    const Survey s = *p.survey("return_visit");
    CHECK(s.instrument == "return_visit");
    CHECK(s.scale.lowest == 1);
    CHECK(s.scale.highest == 5);
    CHECK(s.satisfied_mask == ((1u << 4) | (1u << 5)));
    CHECK(s.overall == "overall");
    // Response speed 0.4; service quality 0.6 shared equally by its three items: 0.2 each.
    REQUIRE(s.items.size() == 4);
    const char* paths[] = {"response_speed", "service_quality/attitude", "service_quality/quality",
                           "service_quality/result"};
    const double weights[] = {0.4, 0.2, 0.2, 0.2};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(s.items[i].path == paths[i]);
        CHECK(s.items[i].global_weight == Approx(weights[i]).epsilon(1e-12));
    }
    CHECK_FALSE(s.ahp);
    const std::string json = s.to_json();
    CHECK(json.find(R"("satisfied":[4,5])") != std::string::npos);
    CHECK(json.find(R"("path":"service_quality/result")") != std::string::npos);
}

TEST_CASE("survey weights: on the dimensions, in a weights object, or from AHP") {
    // 3 and 1 normalise to 0.75 and 0.25; items without weights share equally.
    Survey s = *with_survey(R"({"dimensions": [{"name": "a", "weight": 3},
                                {"name": "b", "weight": 1, "items": ["x", "y"]}]})")
                    .survey("s");
    REQUIRE(s.items.size() == 3);
    CHECK(s.items[0].global_weight == Approx(0.75));
    CHECK(s.items[1].global_weight == Approx(0.125));
    CHECK(s.items[2].path == "b/y");
    CHECK(s.dimensions[0].weight == Approx(0.75)); // local weights come back normalised
    // Defaults: scale 1..5, the top two levels satisfied; on 0..10, 9 and 10.
    CHECK(s.satisfied_mask == ((1u << 4) | (1u << 5)));
    CHECK(with_survey(R"({"scale": [0, 10], "dimensions": ["r"]})").survey("s")->satisfied_mask ==
          ((1u << 9) | (1u << 10)));

    s = *with_survey(R"({"dimensions": ["a", "b"], "weights": {"b": 1, "a": 1}})").survey("s");
    CHECK(s.items[0].global_weight == Approx(0.5));

    // A consistent AHP matrix: a = 2b = 4c gives 4/7, 2/7, 1/7 (every column is proportional
    // to them), consistency ratio 0.
    const Profile consistent = with_survey(R"({"dimensions": ["a", "b", "c"],
        "ahp": {"matrix": [[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]]}})");
    s = *consistent.survey("s");
    REQUIRE(s.ahp);
    CHECK(s.ahp->cr == Approx(0).margin(1e-9));
    CHECK(s.items[0].global_weight == Approx(4.0 / 7));
    CHECK(s.items[1].global_weight == Approx(2.0 / 7));
    CHECK(s.items[2].global_weight == Approx(1.0 / 7));
    CHECK(consistent.warnings().empty());
    CHECK(s.to_json().find(R"("ri_table":"saaty1980")") != std::string::npos);

    // Circular judgements (a ≫ b ≫ c ≫ a) are inconsistent: a warning, not an error.
    const Profile circular = with_survey(R"({"dimensions": ["a", "b", "c"],
        "ahp": {"matrix": [[1, 9, 0.1111111111111111], [0.1111111111111111, 1, 9],
                           [9, 0.1111111111111111, 1]], "ri_table": "donegan_dodd"}})");
    REQUIRE(circular.warnings().size() == 1);
    CHECK(circular.warnings()[0].pointer == "/surveys/s/ahp/matrix");
    CHECK(circular.warnings()[0].message.find("contradict") != std::string::npos);
    CHECK(circular.warnings()[0].message.find("donegan_dodd") != std::string::npos);
    CHECK_FALSE(circular.survey("s")->ahp->consistent);
}

TEST_CASE("survey mistakes are reported with their places") {
    CHECK_THAT(problems_of(R"({"dimensions": ["a", "b"], "weights": {"a": 1}, "ahp": [[1]]})"),
               Catch::Contains("/surveys/s: give the dimensions' weights one way"));
    CHECK_THAT(problems_of(R"({"dimensions": ["a", "b"], "weights": {"a": 1, "c": 2}})"),
               Catch::Contains("/surveys/s/weights/c: no dimension named 'c'") &&
                   Catch::Contains("/surveys/s/weights: no weight for dimension 'b'"));
    CHECK_THAT(problems_of(R"({"dimensions": ["a", {"name": "b", "items": ["a"]}]})"),
               Catch::Contains("/surveys/s/dimensions/1/items/0: the name 'a' is used twice"));
    CHECK_THAT(problems_of(R"({"dimensions": ["a"], "overall": "a"})"),
               Catch::Contains("/surveys/s/overall: the overall question 'a' is also"));
    CHECK_THAT(problems_of(R"({"dimensions": ["a"], "satisfied": [5, 6]})"),
               Catch::Contains("/surveys/s/satisfied/1: level 6 is outside the scale 1..5"));
    CHECK_THAT(problems_of(R"({"dimensions": [{"name": "a", "wieght": 2}]})"),
               Catch::Contains("/surveys/s/dimensions/0/wieght: unknown key"));
    CHECK_THAT(problems_of(R"({"dimensions": [{"name": "a", "weight": -1}]})"),
               Catch::Contains("/surveys/s/dimensions/0/weight: expected a weight"));
    CHECK_THAT(problems_of(R"({"dimensions": [{"name": "a", "weight": 0}]})"),
               Catch::Contains("/surveys/s/dimensions:"));
    // 2 against 2 is not reciprocal: the cell is named.
    CHECK_THAT(problems_of(R"({"dimensions": ["a", "b"], "ahp": [[1, 2], [2, 1]]})"),
               Catch::Contains("/surveys/s/ahp/0/1: ") || Catch::Contains("/surveys/s/ahp/1/0: "));
    CHECK_THAT(problems_of(R"({"dimensions": ["a", "b"], "ahp": [[1, 2], [0.5, 1], [1, 1]]})"),
               Catch::Contains("/surveys/s/ahp: expected a 2x2 pairwise-comparison matrix"));
    CHECK_THAT(problems_of(R"({"dimensions": ["a", "b"], "ahp": [[1, 2, 3], [0.5, 1]]})"),
               Catch::Contains("/surveys/s/ahp/0: expected a row of 2 numbers"));
    CHECK_THAT(problems_of(R"({"dimensions": ["a", "b"], "ahp": {"matrix": [[1, 2], [0.5, 1]],
                                "ri_table": "mine"}})"),
               Catch::Contains("/surveys/s/ahp/ri_table: expected a random-index table"));
    CHECK_THAT(problems_of(R"({"dimensions": []})"),
               Catch::Contains("/surveys/s/dimensions: expected a list of 1 to 64 dimensions"));
    CHECK_THAT(problems_of(R"({"scale": [1, 5]})"),
               Catch::Contains("/surveys/s: a survey needs its dimensions"));
    CHECK_THAT(problems_of(R"({"dimensions": ["a"], "colour": 1})"),
               Catch::Contains("/surveys/s/colour: unknown key"));
}

TEST_CASE("the commercial kiosk profile weighs its survey by AHP") {
    const Profile p = Profile::from_file(PLAINT_EXAMPLES_DIR "/kiosk/commercial-profile.json");
    const Survey s = *p.survey("tenant_visit");
    REQUIRE(s.ahp);
    // Quality and result are judged alike against everything: equal weights. Response speed
    // is preferred to every other dimension and attitude is below all: the order follows.
    // Geometric means by hand: 12^(1/4) = 1.861, (1/12)^(1/4) = 0.537, 1, 1 → 0.423, 0.122,
    // 0.227, 0.227; the eigenvector agrees to about 0.01 on a matrix this nearly consistent.
    CHECK(s.ahp->consistent);
    CHECK(s.ahp->cr < 0.01);
    CHECK(s.items[2].global_weight == Approx(s.items[3].global_weight).epsilon(1e-9));
    CHECK(s.items[0].global_weight == Approx(0.423).margin(0.01));
    CHECK(s.items[1].global_weight == Approx(0.122).margin(0.01));
    CHECK(s.items[2].global_weight == Approx(0.227).margin(0.01));
    CHECK(p.warnings().empty());
}

TEST_CASE("facts are checked as a complaint checks its fields") {
    const auto code_of = [](const Facts& f) {
        try {
            f.check();
            return errc{};
        } catch (const error& e) {
            return e.code();
        }
    };
    Facts ok;
    ok.content = "the lift is stuck";
    ok.building = "B3";
    ok.unit = "1201";
    CHECK(code_of(ok) == errc{});
    // The edges a complaint takes (complaint.hpp, Limits) are taken; one past them is refused.
    Facts f = ok;
    f.reporter_count = 1000000;
    CHECK(code_of(f) == errc{});
    f.reporter_count = 1000001;
    CHECK(code_of(f) == errc::out_of_range);
    f.reporter_count = 0;
    CHECK(code_of(f) == errc::out_of_range);
    f = ok;
    f.repeat_count = -1;
    CHECK(code_of(f) == errc::out_of_range);
    f = ok;
    f.reopens = -3;
    CHECK(code_of(f) == errc::out_of_range);
    f = ok;
    f.hours_since_received = std::numeric_limits<double>::infinity();
    CHECK(code_of(f) == errc::out_of_range);
    f.hours_since_received = -2.5; // a clock read before the receipt: finite, taken
    CHECK(code_of(f) == errc{});
    const std::string unit256(256, 'u'), unit257(257, 'u'), content65537(65537, 'c');
    f = ok;
    f.unit = unit256;
    CHECK(code_of(f) == errc{});
    f.unit = unit257;
    CHECK(code_of(f) == errc::too_large);
    f = ok;
    f.content = content65537;
    CHECK(code_of(f) == errc::too_large);
    f = ok;
    f.content = std::string_view("\xe7\x94", 2); // a cut three-byte character
    CHECK(code_of(f) == errc::encoding);
    f.content = std::string_view("a\0b", 3);
    CHECK(code_of(f) == errc::encoding);
    f = ok;
    f.tags = {"lift", ""};
    CHECK(code_of(f) == errc::invalid_argument);
    f.tags.assign(33, "lift");
    CHECK(code_of(f) == errc::too_large);
    // A complaint's own facts always pass.
    Complaint c("C-1", parse_iso8601("2026-10-05T09:00:00+08:00"));
    c.set_text(TextField::content, "电梯停运");
    c.set_reporter_count(12);
    CHECK(code_of(Facts::of(c, parse_iso8601("2026-10-05T10:00:00+08:00"))) == errc{});
}
