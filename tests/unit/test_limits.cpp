// Every limit in the README's "Limits" table, at its edge and one past it (issue 12, item 5).
// The edge values come from the documented limits (README, complaint.hpp, ledger.hpp, the C
// header), not from what the code answers; the inputs are built in memory.
#include "support.hpp"

#include <plaint/aggregate.hpp>
#include <plaint/calendar.hpp>
#include <plaint/complaint.hpp>
#include <plaint/ledger.hpp>
#include <plaint/profile.hpp>
#include <plaint/report.hpp>
#include <plaint/rules.hpp>
#include <plaint/satisfaction.hpp>
#include <plaint/sla.hpp>
#include <plaint/time.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace plaint;

namespace {

constexpr std::size_t MiB = 1u << 20;

// `head` + spaces + `tail`, exactly `bytes` long: JSON whitespace pads a document to a size.
std::string padded(const std::string& head, const std::string& tail, std::size_t bytes) {
    REQUIRE(head.size() + tail.size() <= bytes);
    return head + std::string(bytes - head.size() - tail.size(), ' ') + tail;
}

// {"key": [[...[]...]]}: the object and `arrays` arrays, so `arrays` + 1 levels deep.
std::string nested(const std::string& key, std::size_t arrays) {
    return "{\"" + key + "\": " + std::string(arrays, '[') + std::string(arrays, ']') + "}";
}

std::string text_of(std::size_t n, char c = 'x') {
    return std::string(n, c);
}

// 1900-01-01T00:00:00Z and 2200-01-01T00:00:00Z, by counting days from the epoch:
// 1900..1969 holds 70 years and 17 leap days (1904..1968), so 25,567 days before 1970;
// 1970..2199 holds 230 years and 56 leap days (1972..2196 is 57 multiples of 4, less 2100),
// so 84,006 days.
constexpr Instant y1900 = -25567LL * 86400;
constexpr Instant y2200 = 84006LL * 86400;

// A profile with `n` SLA policies, the first with `targets` targets (each record 1 h, named).
std::string profile_with_policies(std::size_t n, std::size_t targets) {
    std::string p = R"({"plaint_profile": 1, "rules": {"sections": []}, "policies": {)";
    for (std::size_t i = 0; i < n; ++i) {
        p += (i ? ", \"p" : "\"p") + std::to_string(i) + "\": {\"targets\": [";
        const std::size_t k = i == 0 ? targets : 1;
        for (std::size_t t = 0; t < k; ++t)
            p += (t ? ", " : "") + std::string(R"({"kind": "record", "name": "t)") +
                 std::to_string(t) + R"(", "duration": "1h"})";
        p += "]}";
    }
    return p + "}}";
}

std::string rules_with_rows(std::size_t n) {
    std::string r = R"({"sections": [{"hit": "collect", "rows": [)";
    for (std::size_t i = 0; i < n; ++i)
        r += std::string(i ? "," : "") +
             R"({"when": {"channel": "phone"}, "then": {"tags": ["t"]}})";
    return r + "]}]}";
}

std::string rules_with_keywords(const std::vector<std::string>& kws) {
    std::string list;
    for (std::size_t i = 0; i < kws.size(); ++i)
        list += (i ? ",\"" : "\"") + kws[i] + "\"";
    return R"({"sections": [{"rows": [{"when": {"keywords": [)" + list +
           R"(]}, "then": {"tags": ["x"]}}]}]})";
}

// A `when` of `levels` condition objects, each but the last a "not" of the next.
std::string rules_with_condition_levels(std::size_t levels) {
    std::string c = R"({"channel": "phone"})";
    for (std::size_t i = 1; i < levels; ++i)
        c = R"({"not": )" + c + "}";
    return R"({"sections": [{"rows": [{"when": )" + c + R"(, "then": {"tags": ["x"]}}]}]})";
}

std::string survey_profile(const std::string& survey) {
    return R"({"plaint_profile": 1, "surveys": {"s": )" + survey + "}}";
}

std::string names_list(std::size_t n, const char* prefix) {
    std::string s = "[";
    for (std::size_t i = 0; i < n; ++i)
        s += std::string(i ? ", \"" : "\"") + prefix + std::to_string(i) + "\"";
    return s + "]";
}

} // namespace

// ---- a complaint's texts and counts (complaint.hpp `Limits`) -------------------------------

TEST_CASE("limits: a complaint's id is 1 to 128 bytes") {
    CHECK(Complaint(text_of(128), 0).id().size() == 128);
    CHECK(code_of([] { Complaint(text_of(129), 0); }) == errc::too_large);
    CHECK(code_of([] { Complaint("", 0); }) == errc::invalid_argument);
}

TEST_CASE("limits: short texts are up to 256 bytes, long ones up to 65,536") {
    Complaint c("K", 0);
    for (TextField f : {TextField::name, TextField::contact, TextField::building, TextField::unit,
                        TextField::subcategory}) {
        c.set_text(f, text_of(256));
        CHECK(c.text(f).size() == 256);
        CHECK(code_of([&] { c.set_text(f, text_of(257)); }) == errc::too_large);
        CHECK(c.text(f).size() == 256); // unchanged by the refusal
    }
    for (TextField f : {TextField::content, TextField::remedy}) {
        c.set_text(f, text_of(65536));
        CHECK(c.text(f).size() == 65536);
        CHECK(code_of([&] { c.set_text(f, text_of(65537)); }) == errc::too_large);
    }
    // An event's note likewise.
    c.apply(Event::of(EventType::record, 1, Role::duty_staff, text_of(65536)));
    CHECK(c.events().back().note.size() == 65536);
    CHECK(code_of([&] {
              c.apply(Event::of(EventType::classify, 2, Role::duty_staff, text_of(65537)));
          }) == errc::too_large);
}

TEST_CASE("limits: a tag is 1 to 64 bytes, a complaint holds 32") {
    Complaint c("K", 0);
    c.add_tag(text_of(64));
    CHECK(code_of([&] { c.add_tag(text_of(65)); }) == errc::too_large);
    CHECK(code_of([&] { c.add_tag(""); }) == errc::invalid_argument);
    for (int i = 1; i < 32; ++i)
        c.add_tag("t" + std::to_string(i));
    CHECK(c.tags().size() == 32);
    CHECK(code_of([&] { c.add_tag("t32"); }) == errc::too_large);
    CHECK(c.tags().size() == 32);
}

TEST_CASE("limits: a reporter count is 1 to 1,000,000") {
    Complaint c("K", 0);
    c.set_reporter_count(1);
    c.set_reporter_count(1000000);
    CHECK(c.reporter_count() == 1000000);
    CHECK(code_of([&] { c.set_reporter_count(0); }) == errc::out_of_range);
    CHECK(code_of([&] { c.set_reporter_count(1000001); }) == errc::out_of_range);
}

TEST_CASE("limits: the ledger's intake has the complaint's text limits") {
    Ledger l;
    const std::string id128 = text_of(128), id129 = text_of(129), s256 = text_of(256),
                      s257 = text_of(257), l65536 = text_of(65536), l65537 = text_of(65537);
    Intake in;
    in.id = id128;
    in.received = 0;
    in.building = s256;
    in.content = l65536;
    in.reporter_count = 1000000;
    std::vector<std::string> tags;
    for (int i = 0; i < 32; ++i)
        tags.push_back(i ? "t" + std::to_string(i) : text_of(64));
    for (const auto& t : tags)
        in.tags.push_back(t);
    l.add(in);
    CHECK(l.size() == 1);
    auto past = [&](auto change) {
        Intake x = in;
        x.id = "other";
        change(x);
        return code_of([&] { l.add(x); });
    };
    CHECK(past([&](Intake& x) { x.id = id129; }) == errc::too_large);
    CHECK(past([&](Intake& x) { x.building = s257; }) == errc::too_large);
    CHECK(past([&](Intake& x) { x.content = l65537; }) == errc::too_large);
    CHECK(past([&](Intake& x) { x.reporter_count = 1000001; }) == errc::out_of_range);
    CHECK(past([&](Intake& x) { x.tags.push_back("t32"); }) == errc::too_large);
    const std::string tag65 = text_of(65);
    CHECK(past([&](Intake& x) { x.tags[0] = tag65; }) == errc::too_large);
    CHECK(l.size() == 1);
}

// ---- documents: bytes and depth ---------------------------------------------------------------

TEST_CASE("limits: a complaint's JSON is at most 4 MiB and 8 levels") {
    const std::string head = R"({"id": "K", "received": 0)";
    CHECK(complaint_from_json(padded(head, "}", 4 * MiB)).id() == "K");
    CHECK(code_of([&] { complaint_from_json(padded(head, "}", 4 * MiB + 1)); }) == errc::too_large);
    // 8 levels pass the depth check (and then fail validation: events are objects); 9 do not.
    CHECK(code_of([] { complaint_from_json(nested("events", 7)); }) == errc::validation);
    CHECK(code_of([] { complaint_from_json(nested("events", 8)); }) == errc::too_large);
}

TEST_CASE("limits: a calendar's JSON is at most 16 MiB and 8 levels") {
    const std::string head = R"({"timezone": "UTC", "week": {"mon": [["09:00", "17:00"]]})";
    CHECK(Calendar::from_json(padded(head, "}", 16 * MiB)).is_open(9 * 3600 + 4 * 86400));
    CHECK(code_of([&] { Calendar::from_json(padded(head, "}", 16 * MiB + 1)); }) ==
          errc::too_large);
    CHECK(code_of([] { Calendar::from_json(nested("closed", 7)); }) == errc::validation);
    CHECK(code_of([] { Calendar::from_json(nested("closed", 8)); }) == errc::too_large);
}

TEST_CASE("limits: a profile, a policy set and a rule set are at most 16 MiB and 64 levels") {
    const std::string p = R"({"plaint_profile": 1, "name": "edge")";
    CHECK(Profile::from_json(padded(p, "}", 16 * MiB)).name() == "edge");
    CHECK(code_of([&] { Profile::from_json(padded(p, "}", 16 * MiB + 1)); }) == errc::too_large);
    CHECK(code_of([] { Profile::from_json(nested("name", 63)); }) == errc::validation);
    CHECK(code_of([] { Profile::from_json(nested("name", 64)); }) == errc::too_large);

    const std::string s =
        R"({"policies": {"p": {"targets": [{"kind": "record", "duration": "1h"}]}})";
    CHECK(PolicySet::from_json(padded(s, "}", 16 * MiB)).find("p") != nullptr);
    CHECK(code_of([&] { PolicySet::from_json(padded(s, "}", 16 * MiB + 1)); }) == errc::too_large);
    CHECK(code_of([] { PolicySet::from_json(nested("policies", 63)); }) == errc::validation);
    CHECK(code_of([] { PolicySet::from_json(nested("policies", 64)); }) == errc::too_large);

    const std::string r = R"({"sections": [])";
    RuleSet::from_json(padded(r, "}", 16 * MiB));
    CHECK(code_of([&] { RuleSet::from_json(padded(r, "}", 16 * MiB + 1)); }) == errc::too_large);
    CHECK(code_of([] { RuleSet::from_json(nested("sections", 63)); }) == errc::validation);
    CHECK(code_of([] { RuleSet::from_json(nested("sections", 64)); }) == errc::too_large);
}

// ---- rules ------------------------------------------------------------------------------------

TEST_CASE("limits: 10,000 rule rows") {
    RuleSet::from_json(rules_with_rows(10000));
    const error e = error_of([] { RuleSet::from_json(rules_with_rows(10001)); });
    CHECK(e.code() == errc::too_large);
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].pointer == "/sections/0/rows/10000");
    // In a profile, the rules' rows and the return-visit rules are counted apart, each to 10,000.
    const std::string rows = rules_with_rows(10000);
    Profile::from_json(R"({"plaint_profile": 1, "rules": )" + rows + "}");
    CHECK(code_of([] {
              Profile::from_json(R"({"plaint_profile": 1, "rules": )" + rules_with_rows(10001) +
                                 "}");
          }) == errc::too_large);
}

TEST_CASE("limits: 10,000 distinct keywords, each 1 to 256 bytes, 65,536 bytes in all") {
    std::vector<std::string> kws;
    for (int i = 0; i < 10000; ++i)
        kws.push_back("k" + std::to_string(i));
    RuleSet::from_json(rules_with_keywords(kws));
    kws.push_back("k10000");
    const error n = error_of([&] { RuleSet::from_json(rules_with_keywords(kws)); });
    CHECK(n.code() == errc::validation);
    REQUIRE(n.problems().size() == 1);
    CHECK(n.problems()[0].message == "more than 10,000 distinct keywords");

    RuleSet::from_json(rules_with_keywords({text_of(256)}));
    CHECK(code_of([] { RuleSet::from_json(rules_with_keywords({text_of(257)})); }) ==
          errc::validation);

    // 256 keywords of 256 bytes: 65,536 bytes, the limit; one byte more is over.
    std::vector<std::string> big;
    for (int i = 0; i < 256; ++i) {
        std::string k = std::to_string(i) + "-";
        k.resize(256, 'x');
        big.push_back(k);
    }
    RuleSet::from_json(rules_with_keywords(big));
    big.push_back("y");
    const error b = error_of([&] { RuleSet::from_json(rules_with_keywords(big)); });
    CHECK(b.code() == errc::validation);
    REQUIRE(b.problems().size() == 1);
    CHECK(b.problems()[0].message == "the keywords add up to more than 65,536 bytes");
}

TEST_CASE("limits: conditions nest 16 levels below a row's when") {
    // `when` is level 0; 16 nested "not"s reach level 16, the deepest allowed.
    RuleSet::from_json(rules_with_condition_levels(17));
    const error e = error_of([] { RuleSet::from_json(rules_with_condition_levels(18)); });
    CHECK(e.code() == errc::validation);
    REQUIRE(e.problems().size() == 1);
    CHECK_THAT(e.problems()[0].message, Catch::Contains("deeper than 16 levels"));
}

TEST_CASE("limits: the repeat window is 1 to 3650 days") {
    for (int d : {1, 3650}) {
        const RuleSet r =
            RuleSet::from_json(R"({"repeat_window_days": )" + std::to_string(d) + "}");
        CHECK(r.repeat_window() == Duration{d} * 86400);
    }
    for (int d : {0, 3651})
        CHECK(code_of([d] {
                  RuleSet::from_json(R"({"repeat_window_days": )" + std::to_string(d) + "}");
              }) == errc::validation);
}

// ---- profiles: surveys, quotas, SLA warnings ----------------------------------------------------

TEST_CASE("limits: 64 surveys of 64 dimensions, scales within -1000..1000 of 1001 levels") {
    std::string many;
    for (int i = 0; i < 64; ++i)
        many += (i ? ", \"s" : "\"s") + std::to_string(i) + R"(": {"dimensions": ["a"]})";
    CHECK(Profile::from_json(R"({"plaint_profile": 1, "surveys": {)" + many + "}}")
              .survey_names()
              .size() == 64);
    const error e = error_of([&] {
        Profile::from_json(R"({"plaint_profile": 1, "surveys": {)" + many +
                           R"(, "s64": {"dimensions": ["a"]}}})");
    });
    CHECK(e.code() == errc::too_large);

    Profile::from_json(survey_profile(R"({"dimensions": )" + names_list(64, "d") + "}"));
    CHECK(code_of([] {
              Profile::from_json(survey_profile(R"({"dimensions": )" + names_list(65, "d") + "}"));
          }) == errc::validation);

    for (const char* scale : {"[-1000, 0]", "[0, 1000]"})
        Profile::from_json(survey_profile(std::string(R"({"scale": )") + scale +
                                          R"(, "satisfied": [0], "dimensions": ["a"]})"));
    for (const char* scale : {"[-1001, 0]", "[0, 1001]", "[-500, 501]"})
        CHECK(code_of([scale] {
                  Profile::from_json(survey_profile(std::string(R"({"scale": )") + scale +
                                                    R"(, "satisfied": [0], "dimensions": ["a"]})"));
              }) == errc::validation);
}

TEST_CASE("limits: a monthly visit quota is 0 to 1000") {
    for (int q : {0, 1000})
        Profile::from_json(R"({"plaint_profile": 1, "return_visits": {"quotas": {"cs_manager": )" +
                           std::to_string(q) + "}}}");
    for (int q : {-1, 1001})
        CHECK(code_of([q] {
                  Profile::from_json(
                      R"({"plaint_profile": 1, "return_visits": {"quotas": {"cs_manager": )" +
                      std::to_string(q) + "}}}");
              }) == errc::validation);
}

TEST_CASE("limits: an SLA target has at most 4 warnings") {
    auto set = [](const char* warn) {
        return std::string(R"({"policies": {"p": {"targets": [{"kind": "record", "duration": "1h",
            "warn": )") +
               warn + "}]}}}";
    };
    CHECK(PolicySet::from_json(set("[0.1, 0.2, 0.3, 0.4]")).find("p")->targets[0].warn.size() == 4);
    CHECK(code_of([&] { PolicySet::from_json(set("[0.1, 0.2, 0.3, 0.4, 0.5]")); }) ==
          errc::validation);
}

// ---- problem lists ----------------------------------------------------------------------------

TEST_CASE("limits: a validation error lists 100 problems, then a count of the rest") {
    auto closed = [](std::size_t n) {
        std::string d = R"({"timezone": "UTC", "closed": [)";
        for (std::size_t i = 0; i < n; ++i)
            d += i ? ",{}" : "{}";
        return d + "]}";
    };
    const error at = error_of([&] { Calendar::from_json(closed(100)); });
    CHECK(at.code() == errc::validation);
    REQUIRE(at.problems().size() == 100);
    CHECK(at.problems().back().pointer == "/closed/99");
    const error past = error_of([&] { Calendar::from_json(closed(101)); });
    REQUIRE(past.problems().size() == 101);
    CHECK(past.problems()[99].pointer == "/closed/99");
    CHECK(past.problems()[100].pointer.empty());
    CHECK(past.problems()[100].message == "and 1 more problems");
}

// ---- time -------------------------------------------------------------------------------------

TEST_CASE("limits: an instant's text is at most 64 bytes") {
    // 20 bytes of date and time, a fraction of 38 digits, 6 of offset: 64 bytes.
    const std::string t64 = "2026-01-01T00:00:00." + std::string(38, '9') + "+00:00";
    REQUIRE(t64.size() == 64);
    CHECK(parse_iso8601(t64) == 1767225600); // 2026-01-01 is day 20,454 (test_time.cpp)
    const std::string t65 = "2026-01-01T00:00:00." + std::string(39, '9') + "+00:00";
    CHECK(code_of([&] { parse_iso8601(t65); }) == errc::parse);
}

TEST_CASE("limits: a calendar computes the years 1900 to 2199") {
    const Calendar always = Calendar::from_json(R"("24x7")");
    CHECK(always.is_open(y1900));
    CHECK(code_of([&] { always.is_open(y1900 - 1); }) == errc::out_of_range);
    CHECK(always.is_open(y2200 - 1));
    CHECK(code_of([&] { always.is_open(y2200 + 1); }) == errc::out_of_range);
    // An answer: the last second of 2199 plus one second ends at the bound; two go past it.
    CHECK(always.add(y2200 - 2, 1) == y2200 - 1);
    CHECK(code_of([&] { always.add(y2200 - 1, 2); }) == errc::out_of_range);
    CHECK(always.sub(y1900 + 1, 1) == y1900);
    CHECK(code_of([&] { always.sub(y1900, 1); }) == errc::out_of_range);
}

// ---- the ledger -------------------------------------------------------------------------------

TEST_CASE("limits: a ledger takes 254 SLA policies of 16 targets") {
    const Profile at = Profile::from_json(profile_with_policies(254, 16));
    Ledger l(at);
    CHECK(l.size() == 0);
    CHECK(code_of([] { Ledger(Profile::from_json(profile_with_policies(255, 1))); }) ==
          errc::unsupported);
    CHECK(code_of([] { Ledger(Profile::from_json(profile_with_policies(1, 17))); }) ==
          errc::unsupported);
}

TEST_CASE("limits: an event at most 2^32 - 1 seconds after receipt, in the ledger") {
    // The ledger stores an event's time as 32 bits of seconds after receipt: 4,294,967,295 s
    // (136 years) is the most. Received at 1970, 1900 and 2150 (a negative receipt: the
    // difference must not overflow either).
    for (Instant received : {Instant{0}, y1900, Instant{y2200 - 50LL * 365 * 86400}}) {
        Ledger l;
        Intake in;
        in.id = "K";
        in.received = received;
        const std::size_t i = l.add(in);
        const Instant last = received + 4294967295LL;
        const Event past = Event::of(EventType::record, last + 1);
        CHECK(code_of([&] { l.add_event(i, past); }) == errc::out_of_range);
        if (last < y2200) // the ledger's clocks refuse instants outside the calendars' years
            l.add_event(i, Event::of(EventType::record, last));
        else
            l.add_event(i, Event::of(EventType::record, received));
        CHECK(l.event_count() == 2);
    }
    // The farthest event possible: INT64_MAX after a receipt in 1900. The difference overflowed
    // int64 and wrapped negative, so the event was taken in (a ledger with no SLA policy runs
    // no clocks, which would refuse it for leaving the calendars' years).
    Ledger l(Profile::from_json(R"({"plaint_profile": 1, "rules": {"sections": []},
        "policies": {}})"));
    Intake in;
    in.id = "K";
    in.received = y1900;
    const std::size_t i = l.add(in);
    CHECK(code_of([&] { l.add_event(i, Event::of(EventType::record, INT64_MAX)); }) ==
          errc::out_of_range);
}

TEST_CASE("limits: a complaint in a ledger takes events while its log holds fewer than 1,000") {
    // No SLA policy and no rules: no re-evaluation events, so the log is exactly what is applied.
    Ledger l(Profile::from_json(R"({"plaint_profile": 1, "rules": {"sections": []},
        "policies": {}})"));
    Intake in;
    in.id = "K";
    in.received = 0;
    const std::size_t i = l.add(in); // 1 event: the receipt
    Instant t = 0;
    auto ev = [&](EventType type) {
        Event e = Event::of(type, ++t, Role::cs_manager);
        if (type == EventType::classify)
            e.nature = Nature::invalid;
        l.add_event(i, e);
    };
    ev(EventType::record); // 2 events; then 249 cycles of 4: 998
    for (int k = 0; k < 249; ++k) {
        ev(EventType::classify);
        ev(EventType::explain);
        ev(EventType::close);
        ev(EventType::reopen);
    }
    ev(EventType::classify); // 999
    ev(EventType::explain);  // 1,000
    CHECK(l.view(i).event_count == 1000);
    CHECK(l.view(i).cycle == 250);
    CHECK(code_of([&] { ev(EventType::close); }) == errc::too_large);
    CHECK(l.view(i).event_count == 1000);
    CHECK(l.event_count() == 1000);
}

// ---- imports ----------------------------------------------------------------------------------

TEST_CASE("limits: an imported line or CSV record is at most 4 MiB") {
    const std::string head = R"({"id": "K", "received": 0)";
    {
        Ledger l;
        const ImportReport r =
            l.import_json_lines(padded(head, "}", 4 * MiB) + "\n" +
                                padded(R"({"id": "L", "received": 0)", "}", 4 * MiB + 1) + "\n");
        CHECK(r.complaints == 1);
        CHECK(r.bad_rows == 1);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].line == 2);
        CHECK(r.problems[0].code == errc::too_large);
    }
    {
        // A CRLF line's CR is its end, not its content: a line of exactly 4 MiB still fits.
        Ledger l;
        const ImportReport r = l.import_json_lines(padded(head, "}", 4 * MiB) + "\r\n");
        CHECK(r.complaints == 1);
        CHECK(r.bad_rows == 0);
    }
    {
        // A CSV record: 4 MiB of field text (separators and the newline not counted). No valid
        // complaint is that long (content is at most 65,536 bytes), so the edge shows as the
        // content's own error, the record past it as the record's.
        const std::string header = "id,received,content\n";
        const std::string at = "K,0," + text_of(4 * MiB - 2) + "\n";   // 1 + 1 + 4 MiB - 2
        const std::string past = "L,0," + text_of(4 * MiB - 1) + "\n"; // one byte more
        Ledger l;
        const ImportReport r = l.import_csv(header + at + past, "", ImportOptions{});
        CHECK(r.bad_rows == 2);
        REQUIRE(r.problems.size() == 2);
        CHECK(r.problems[0].code == errc::too_large);
        CHECK(r.problems[0].message == "content is 4194302 bytes; the limit is 65536");
        CHECK(r.problems[1].code == errc::too_large);
        CHECK_THAT(r.problems[1].message, Catch::Contains("over 4194304 bytes"));
    }
}

TEST_CASE("limits: an import keeps 1,000 problems and counts the rest, and stops at max_rows") {
    auto bad_lines = [](std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i)
            s += "{\"id\": \"\"}\n";
        return s;
    };
    Ledger l;
    ImportReport r = l.import_json_lines(bad_lines(1000));
    CHECK(r.bad_rows == 1000);
    CHECK(r.problems.size() == 1000);
    r = l.import_json_lines(bad_lines(1001));
    CHECK(r.bad_rows == 1001);
    CHECK(r.problems.size() == 1000);

    // max_rows: rows past it are not read, and the first one over is a problem of its own.
    ImportOptions o;
    o.max_rows = 3;
    std::string three;
    for (int i = 0; i < 3; ++i)
        three += "{\"id\": \"R" + std::to_string(i) + "\", \"received\": 0}\n";
    r = l.import_json_lines(three, o);
    CHECK(r.complaints == 3);
    CHECK(r.bad_rows == 0);
    r = l.import_json_lines(three + "{\"id\": \"R9\", \"received\": 0}\n", o);
    CHECK(r.complaints == 0); // the three are duplicates now
    CHECK(r.rows == 3);
    REQUIRE(r.problems.size() == 4);
    CHECK(r.problems[3].code == errc::too_large);
    CHECK(r.problems[3].line == 4);
}

TEST_CASE("limits: a CSV record has at most 256 fields") {
    // Under a header of 2 columns: a row of 256 fields is read and found the wrong width; a row
    // of 257 is cut off by the reader as too large.
    auto row = [](std::size_t fields) { return "K" + std::string(fields - 1, ',') + "\n"; };
    Ledger l;
    ImportReport r = l.import_csv("id,received\n" + row(256) + row(257), "");
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].code == errc::parse);
    CHECK(r.problems[0].message == "expected 2 fields, found 256");
    CHECK(r.problems[1].code == errc::too_large);
    CHECK(r.problems[1].message == "more than 256 fields");
}

// ---- satisfaction -----------------------------------------------------------------------------

TEST_CASE("limits: a scale has at most 1001 levels and AHP n within its random-index table") {
    const double v[] = {0, 1000};
    CHECK(satisfaction::mean(v, 2, {0, 1000}).value == 500);
    CHECK(code_of([&] { satisfaction::mean(v, 2, {0, 1001}); }) == errc::invalid_argument);
    // Saaty 1980 and 2005, Alonso-Lamata: n = 1..15; Donegan-Dodd: 1..20 (ahp.cpp's sources).
    CHECK(satisfaction::random_index(satisfaction::RiTable::saaty1980, 15) == 1.59);
    CHECK(code_of([] { satisfaction::random_index(satisfaction::RiTable::saaty1980, 16); }) ==
          errc::out_of_range);
    CHECK(satisfaction::random_index(satisfaction::RiTable::donegan_dodd, 20) == 1.5371);
    CHECK(code_of([] { satisfaction::random_index(satisfaction::RiTable::donegan_dodd, 21); }) ==
          errc::out_of_range);
    CHECK(code_of([] { satisfaction::random_index(satisfaction::RiTable::saaty1980, 0); }) ==
          errc::out_of_range);
    // The matrix itself: 15 criteria all equal (every judgement 1) weigh 1/15 each; 16 are
    // beyond Saaty's 1980 table.
    const std::vector<double> ones15(15 * 15, 1.0), ones16(16 * 16, 1.0);
    const satisfaction::Ahp a = satisfaction::ahp(ones15.data(), 15);
    REQUIRE(a.weights.size() == 15);
    CHECK(a.weights[0] == Approx(1.0 / 15));
    CHECK(code_of([&] { satisfaction::ahp(ones16.data(), 16); }) == errc::out_of_range);
}

TEST_CASE("limits: CSAT levels 0..63 and grouped scores 0..127, 3 key columns and 32 tree levels") {
    const double v[] = {0, 63};
    CHECK(satisfaction::csat(v, 2, std::uint64_t{1} << 63, {0, 63}).value == 0.5);
    CHECK(code_of([&] { satisfaction::csat(v, 2, 1, {0, 64}); }) == errc::invalid_argument);

    const std::int32_t k[] = {1, 2};
    const std::int8_t a[] = {0, 127};
    std::vector<satisfaction::KeyColumn> keys(3, satisfaction::KeyColumn{"k", k, 2});
    satisfaction::ScoreColumn s;
    s.name = "s";
    s.data = a;
    s.size = 2;
    s.scale = {0, 127};
    CHECK(satisfaction::group(keys, {s}).size() == 2);
    s.scale = {0, 128};
    CHECK(code_of([&] { satisfaction::group(keys, {s}); }) == errc::invalid_argument);
    s.scale = {0, 127};
    keys.push_back(keys[0]);
    CHECK(code_of([&] { satisfaction::group(keys, {s}); }) == errc::invalid_argument);

    // A chain of `levels` indicators: the root is level 1, its one leaf at level `levels`.
    auto chain = [](int levels) {
        satisfaction::Indicator node{"n", 1, {}, {}};
        for (int i = 1; i < levels; ++i)
            node = satisfaction::Indicator{"n", 1, {}, {node}};
        return std::vector<satisfaction::Indicator>{node};
    };
    CHECK(satisfaction::global_weights(chain(32)).size() == 1);
    CHECK(code_of([&] { satisfaction::global_weights(chain(33)); }) == errc::invalid_argument);
}

TEST_CASE("limits: a duration is at most 9,223,372,036,854,775,807 seconds") {
    CHECK(parse_duration("9223372036854775807") == INT64_MAX);
    CHECK(code_of([] { parse_duration("9223372036854775808"); }) == errc::overflow);
    auto set = [](const char* d) {
        return std::string(R"({"policies": {"p": {"targets": [{"kind": "custom", "start":
            ["receive"], "stop": ["resolve"], "duration": )") +
               d + "}]}}}";
    };
    // In a policy set a duration must also keep its deadline within the calendars' years, so
    // the JSON number's own limit shows as the kind of error: past int64 it is too large.
    const error e = error_of([&] { PolicySet::from_json(set("9223372036854775808")); });
    REQUIRE(e.problems().size() == 1);
    CHECK_THAT(e.problems()[0].message, Catch::Contains("too large"));
}

TEST_CASE("limits: a profile, calendar or policy set holds at most 1,000,000 JSON values") {
    // The values counted: the object, "UTC", the list, then each element: 999,997 elements
    // make 1,000,000 values (each {} then a problem of its own), 999,998 one too many.
    auto closed = [](std::size_t n) {
        std::string d = R"({"timezone": "UTC", "closed": [)";
        d.reserve(d.size() + 3 * n + 2);
        for (std::size_t i = 0; i < n; ++i)
            d += i ? ",{}" : "{}";
        return d + "]}";
    };
    CHECK(code_of([&] { Calendar::from_json(closed(999997)); }) == errc::validation);
    CHECK(code_of([&] { Calendar::from_json(closed(999998)); }) == errc::too_large);
}

TEST_CASE("limits: a survey CSV's answer is a whole number 0 to 127") {
    const SurveyResponses r = SurveyResponses::from_csv("at,q\n0,0\n0,127\n");
    REQUIRE(r.answers.size() == 1);
    CHECK(r.answers[0][1] == 127);
    CHECK(code_of([] { SurveyResponses::from_csv("at,q\n0,128\n"); }) == errc::parse);
    CHECK(code_of([] { SurveyResponses::from_csv("at,q\n0,-1\n"); }) == errc::parse);
}

TEST_CASE("limits: a key in a profile, policy set, rule set or calendar is at most 1,024 bytes") {
    // An unknown key of 1,024 bytes is read (and is then a validation problem); 1,025 are not.
    auto doc = [](std::size_t bytes) { return "{\"" + text_of(bytes) + "\": 0}"; };
    CHECK(code_of([&] { Calendar::from_json(doc(1024)); }) == errc::validation);
    CHECK(code_of([&] { Calendar::from_json(doc(1025)); }) == errc::too_large);
    CHECK(code_of([&] { PolicySet::from_json(doc(1024)); }) == errc::validation);
    CHECK(code_of([&] { PolicySet::from_json(doc(1025)); }) == errc::too_large);
    CHECK(code_of([&] { RuleSet::from_json(doc(1024)); }) == errc::validation);
    CHECK(code_of([&] { RuleSet::from_json(doc(1025)); }) == errc::too_large);
    CHECK(code_of([&] { Profile::from_json(doc(1024)); }) == errc::validation);
    CHECK(code_of([&] { Profile::from_json(doc(1025)); }) == errc::too_large);
    // A name of 1,024 bytes works: a policy so named.
    const std::string name = text_of(1024);
    const PolicySet s =
        PolicySet::from_json(R"({"policies": {")" + name +
                             R"(": {"targets": [{"kind": "record", "duration": "1h"}]}}})");
    CHECK(s.find(name) != nullptr);
    CHECK(code_of([] {
              PolicySet::from_json(R"({"policies": {")" + text_of(1025) +
                                   R"(": {"targets": [{"kind": "record", "duration": "1h"}]}}})");
          }) == errc::too_large);
}
