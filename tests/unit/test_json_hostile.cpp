// Hostile JSON at every loader (issue 12): documents of the largest size a loader takes, shaped
// so that a cost quadratic in their size would take minutes (N empty objects where the loader
// expects something else; a profile of far more rule rows than allowed). Each is refused with
// its error; the work is bounded by counting the bytes allocated, never by a clock. Then the
// messages: a parse error is one problem with its place, said once; a failed calendar is not
// reported again as undefined; a limit is reported once; problem lists are capped at 100 plus a
// count of the rest. And profiles that cannot work: a calendar never open, a duration beyond
// the calendars' years.
#include "support.hpp"

#include <plaint/calendar.hpp>
#include <plaint/profile.hpp>
#include <plaint/rules.hpp>
#include <plaint/sla.hpp>

#include <string>

// Bytes held through operator new (every form of it is replaced), and the most held since a
// reset: a loader that builds the whole of a refused document shows it here.
#include "../bench/alloc_counter.hpp"

using namespace plaint;

namespace {

// "{},{},...": as many empty objects as fit in `bytes` once `head` and `tail` are added.
std::string empties_doc(const std::string& head, const std::string& tail, std::size_t bytes,
                        std::size_t& count) {
    std::string s = head;
    count = 0;
    while (s.size() + 3 + tail.size() <= bytes) {
        s += count ? ",{}" : "{}";
        ++count;
    }
    return s + tail;
}

// The most bytes held at once while `f` runs, beyond those held before.
template <class F>
std::size_t peak_of(F f) {
    const std::size_t before = alloc_counter::live_bytes.load();
    alloc_counter::reset_peak();
    f();
    return alloc_counter::peak_bytes.load() - before;
}

constexpr std::size_t MiB = 1u << 20;

// A problem list capped as Problems caps it: the first 100, then "and N more problems".
void check_capped(const error& e, std::size_t total) {
    REQUIRE(e.problems().size() == 101);
    CHECK(e.problems().back().pointer.empty());
    CHECK(e.problems().back().message == "and " + std::to_string(total - 100) + " more problems");
    CHECK_THAT(std::string(e.what()),
               Catch::StartsWith(std::string() + "") &&
                   Catch::Contains("has " + std::to_string(total) + " problems:"));
    CHECK(std::string(e.what()).size() < 64 * 1024); // 100 lines of at most some 600 bytes
}

} // namespace

TEST_CASE("a profile of far more rows than allowed is refused at the first one over") {
    // 16 MiB, the profile limit: about 5.6 million rows. Parsed in full before the fix (1 min 19 s
    // and 762 MB for such a profile, then "more than 10,000 rows").
    std::size_t n = 0;
    const std::string head =
        R"({"plaint_profile": 1, "rules": {"sections": [{"name": "s", "rows": [)";
    const std::string doc = empties_doc(head, "]}]}}", 16 * MiB, n);
    REQUIRE(n > 5000000);
    error e(errc::ok, "");
    const std::size_t held = peak_of([&] { e = error_of([&] { Profile::from_json(doc); }); });
    CHECK(e.code() == errc::too_large); // as documented: a limit on the document's size
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].pointer == "/rules/sections/0/rows/10000");
    CHECK(e.problems()[0].message == "more than 10,000 rows");
    CHECK(e.problems()[0].line == 1);
    CHECK(e.problems()[0].column == head.size() + 3 * 10000 + 1); // the 10,001st "{}"
    // 10,000 empty rows take a few MB at most; the whole document would take hundreds.
    CHECK(held < 16 * MiB);

    // The return-visit rules likewise.
    const std::string visits_head = R"({"plaint_profile": 1, "return_visits": {"rules": [)";
    const std::string visits = empties_doc(visits_head, "]}}", 16 * MiB, n);
    const error v = error_of([&] { Profile::from_json(visits); });
    CHECK(v.code() == errc::too_large);
    REQUIRE(v.problems().size() == 1);
    CHECK(v.problems()[0].pointer == "/return_visits/rules/10000");
    CHECK(v.problems()[0].message == "more than 10,000 rows");
}

TEST_CASE("a rule set of far more rows than allowed is refused at the first one over") {
    std::size_t n = 0;
    const std::string head = R"({"sections": [{"name": "a", "rows": [{}]}, {"rows": [)";
    const std::string doc = empties_doc(head, "]}]}", 16 * MiB, n);
    error e(errc::ok, "");
    const std::size_t held = peak_of([&] { e = error_of([&] { RuleSet::from_json(doc); }); });
    CHECK(e.code() == errc::too_large);
    REQUIRE(e.problems().size() == 1);
    // Rows are counted over all sections: one in the first, so the second's 10,000th is over.
    CHECK(e.problems()[0].pointer == "/sections/1/rows/9999");
    CHECK(e.problems()[0].column == head.size() + 3 * 9999 + 1);
    CHECK(held < 16 * MiB);
}

// 1 to 2 MiB: 350,000 to 700,000 values, a minute or more at the quadratic cost of before (a
// JSON array of 100,000 empty objects took 5.3 s).
TEST_CASE("loaders take MiBs of empty objects in linear time, problems capped") {
    std::size_t n = 0;
    // A calendar: each {} is a problem of its own.
    {
        const std::string doc = empties_doc(R"({"timezone": "UTC", "closed": [)", "]}", 2 * MiB, n);
        const error e = error_of([&] { Calendar::from_json(doc); });
        CHECK(e.code() == errc::validation);
        check_capped(e, n);
        CHECK(e.problems()[0].pointer == "/closed/0");
        CHECK(e.problems()[99].pointer == "/closed/99");
        CHECK(e.problems()[0].line == 1);
        CHECK(e.problems()[0].column == 32); // after {"timezone": "UTC", "closed": [
    }
    // A policy set: each {} target lacks its kind and its duration, and from the second on its
    // default name "record" repeats: 3n - 1 problems.
    {
        const std::string doc = empties_doc(R"({"policies": {"p": {"targets": [)", "]}}}", MiB, n);
        const error e = error_of([&] { PolicySet::from_json(doc); });
        check_capped(e, 3 * n - 1);
    }
    // A profile's survey: each {} is not a level.
    {
        const std::string doc = empties_doc(
            R"({"plaint_profile": 1, "surveys": {"s": {"dimensions": ["a"], "satisfied": [)",
            "]}}}", MiB, n);
        const error e = error_of([&] { Profile::from_json(doc); });
        check_capped(e, n);
        CHECK(e.problems()[0].pointer == "/surveys/s/satisfied/0");
    }
    // A profile's policies, through the policy set inside it: the nested count carries over.
    {
        const std::string doc =
            empties_doc(R"({"plaint_profile": 1, "policies": {"p": {"targets": [)", "]}}}", MiB, n);
        const error e = error_of([&] { Profile::from_json(doc); });
        check_capped(e, 3 * n - 1);
    }
    // Return-visit rules, read as a rule set inside the profile: its count of problems left out
    // carries over too. 150 rules with an unknown condition: 150 problems.
    {
        std::string rules;
        for (int i = 0; i < 150; ++i)
            rules += std::string(i ? "," : "") + R"({"when": {"x": 1}, "method": "phone"})";
        const error e = error_of([&] {
            Profile::from_json(R"({"plaint_profile": 1, "return_visits": {"rules": [)" + rules +
                               "]}}");
        });
        check_capped(e, 150);
        CHECK(e.problems()[0].pointer == "/return_visits/rules/0/when/x");
    }
    // An array of 2 MiB of {} where a profile is expected: a shape error.
    {
        const std::string doc = empties_doc("[", "]", 2 * MiB, n);
        const error e = error_of([&] { Profile::from_json(doc); });
        REQUIRE(e.problems().size() == 1);
        CHECK(e.problems()[0].message == "expected a profile object");
    }
}

TEST_CASE("a document of more than a million values is refused at the first one over") {
    // 16 MiB of {} would be 5.6 million values, some 570 MB parsed. The values counted: the
    // object, "UTC", the list, then element i is value i + 4: the 1,000,001st is element 999,997.
    std::size_t n = 0;
    const std::string head = R"({"timezone": "UTC", "closed": [)";
    const std::string doc = empties_doc(head, "]}", 16 * MiB, n);
    error e(errc::ok, "");
    const std::size_t held = peak_of([&] { e = error_of([&] { Calendar::from_json(doc); }); });
    CHECK(e.code() == errc::too_large);
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].pointer == "/closed/999997");
    CHECK(e.problems()[0].message == "more than 1,000,000 values");
    CHECK(e.problems()[0].column == head.size() + 3 * 999997 + 1);
    CHECK(held < 200 * MiB);
    // The same limit for policy sets, rule sets and profiles.
    const std::string policies =
        empties_doc(R"({"policies": {"p": {"targets": [)", "]}}}", 16 * MiB, n);
    CHECK(code_of([&] { PolicySet::from_json(policies); }) == errc::too_large);
    const std::string profile = empties_doc(
        R"({"plaint_profile": 1, "calendars": {"c": {"closed": [)", "]}}}", 16 * MiB, n);
    CHECK(code_of([&] { Profile::from_json(profile); }) == errc::too_large);
    const std::string rules = empties_doc(R"({"sections": [{"name": [)", "]}]}", 16 * MiB, n);
    CHECK(code_of([&] { RuleSet::from_json(rules); }) == errc::too_large);
}

TEST_CASE("a key of more than 1,024 bytes is refused where it is read") {
    // 8 MiB of name, then 2 MiB of targets below it: each target's pointer holds the name, so a
    // loader copying it for every target would copy terabytes.
    std::size_t n = 0;
    const std::string name(8 * MiB, 'p');
    const std::string doc =
        empties_doc(R"({"policies": {")" + name + R"(": {"targets": [)", "]}}}", 10 * MiB, n);
    const error e = error_of([&] { PolicySet::from_json(doc); });
    CHECK(e.code() == errc::too_large);
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].pointer == "/policies");
    CHECK(e.problems()[0].message == "a key of more than 1,024 bytes");
    // 1,024 bytes are a name.
    const std::string ok(1024, 'p');
    CHECK(code_of([&] {
              PolicySet::from_json(R"({"policies": {")" + ok +
                                   R"(": {"targets": [{"kind": "record", "duration": "1h"}]}}})");
          }) == errc::ok);
    for (const char* doc_head :
         {R"({"timezone": "UTC", ")", R"({"plaint_profile": 1, ")", R"({"sections": [], ")"}) {
        INFO(doc_head);
        const std::string long_key = std::string(doc_head) + std::string(1025, 'k') + R"(": 1})";
        CHECK(code_of([&] { Calendar::from_json(long_key); }) == errc::too_large);
        CHECK(code_of([&] { Profile::from_json(long_key); }) == errc::too_large);
        CHECK(code_of([&] { RuleSet::from_json(long_key); }) == errc::too_large);
    }
}

TEST_CASE("a parse error is one problem with its place, said once") {
    // Line 2 is ` "name": tru}`: the parser sees the error at the '}' after "tru" (column 13).
    const error e =
        error_of([] { Profile::from_json("{\"plaint_profile\": 1,\n \"name\": tru}"); });
    CHECK(e.code() == errc::parse);
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].pointer == "/name");
    CHECK(e.problems()[0].line == 2);
    CHECK(e.problems()[0].column == 13);
    REQUIRE(e.where());
    CHECK(e.where()->line == 2);
    CHECK(e.where()->column == 13);
    const std::string msg = e.what();
    CHECK(msg.find("line") == msg.rfind("line")); // the place once, not repeated by the parser
    CHECK_THAT(msg, Catch::Contains("line 2, column 13"));

    // A duplicate key: at the second value (column 23 of {"name": "a", "name": "b"}).
    const error d = error_of([] { Calendar::from_json(R"({"name": "a", "name": "b"})"); });
    CHECK(d.code() == errc::parse);
    REQUIRE(d.problems().size() == 1);
    CHECK(d.problems()[0].pointer == "/name");
    CHECK(d.problems()[0].line == 1);
    CHECK(d.problems()[0].column == 23);

    // A NUL byte: at its own place.
    const error z = error_of([] { RuleSet::from_json(std::string("{\n  \0}", 5)); });
    CHECK(z.code() == errc::parse);
    REQUIRE(z.problems().size() == 1);
    CHECK(z.problems()[0].line == 2);
    CHECK(z.problems()[0].column == 3);

    // Truncated inside an array of a policy set: the element being read.
    const error t =
        error_of([] { PolicySet::from_json(R"({"policies": {"p": {"targets": [{}, )"); });
    CHECK(t.code() == errc::parse);
    REQUIRE(t.problems().size() == 1);
    CHECK(t.problems()[0].pointer == "/policies/p/targets/1");
}

TEST_CASE("a calendar that failed is not reported again as undefined") {
    const error e = error_of([] {
        PolicySet::from_json(R"({"calendars": {"office": {"timezone": "UTC",
            "week": {"mon": [["09:00", "25:00"]]}}},
            "policies": {"p": {"targets": [{"kind": "record", "duration": "1h",
            "calendar": "office"}]}}})");
    });
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].pointer == "/calendars/office/week/mon/0");
    // A calendar never defined still is.
    const error u = error_of([] {
        PolicySet::from_json(R"({"policies": {"p": {"targets": [{"kind": "record",
            "duration": "1h", "calendar": "office"}]}}})");
    });
    REQUIRE(u.problems().size() == 1);
    CHECK(u.problems()[0].pointer == "/policies/p/targets/0/calendar");
    CHECK_THAT(u.problems()[0].message, Catch::Contains("undefined calendar"));
}

TEST_CASE("a keyword limit is reported once") {
    // 10,010 distinct keywords of 2 to 6 bytes (k0 .. k10009: 58,920 bytes, under the 65,536
    // bytes' limit): 10 over the 10,000 distinct.
    std::string kws;
    for (int i = 0; i < 10010; ++i)
        kws += (i ? ",\"k" : "\"k") + std::to_string(i) + "\"";
    const error e = error_of([&] {
        RuleSet::from_json(R"({"sections": [{"rows": [{"when": {"keywords": [)" + kws +
                           R"(]}, "then": {"tags": ["x"]}}]}]})");
    });
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].message == "more than 10,000 distinct keywords");
    // 300 keywords of 256 bytes: 76,800 bytes, over 65,536 from the 257th on.
    std::string longs;
    for (int i = 0; i < 300; ++i) {
        std::string k = std::to_string(i);
        k.resize(256, 'x');
        longs += (i ? ",\"" : "\"") + k + "\"";
    }
    const error b = error_of([&] {
        RuleSet::from_json(R"({"sections": [{"rows": [{"when": {"keywords": [)" + longs +
                           R"(]}, "then": {"tags": ["x"]}}]}]})");
    });
    REQUIRE(b.problems().size() == 1);
    CHECK(b.problems()[0].message == "the keywords add up to more than 65,536 bytes");
}

TEST_CASE("a calendar never open is a validation error with its place") {
    // {"timezone": "UTC", "week": {}}: the week's object starts at column 29.
    const error e = error_of([] { Calendar::from_json(R"({"timezone": "UTC", "week": {}})"); });
    CHECK(e.code() == errc::validation);
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].pointer == "/week");
    CHECK(e.problems()[0].column == 29);
    CHECK_THAT(e.problems()[0].message, Catch::Contains("never open"));
    // Every day empty; only closed dates; a date of its own with no hours.
    for (const char* doc :
         {R"({"timezone": "UTC", "week": {"mon": [], "tue": [], "wed": [], "thu": [], "fri": [],
             "sat": [], "sun": []}})",
          R"({"timezone": "UTC", "closed": ["2026-01-01"]})",
          R"({"timezone": "UTC", "dates": {"2026-01-05": []}})"}) {
        INFO(doc);
        const error x = error_of([&] { Calendar::from_json(doc); });
        CHECK(x.code() == errc::validation);
        REQUIRE(x.problems().size() == 1);
        CHECK(x.problems()[0].pointer == "/week");
    }
    // Built from a specification too.
    CalendarSpec spec;
    spec.timezone = "UTC";
    CHECK(code_of([&] { Calendar::compile(spec); }) == errc::validation);
    // Open on one date only is open: it works until then.
    CHECK(code_of([] {
              Calendar::from_json(R"({"timezone": "UTC", "dates": {"2026-01-05": [["09:00",
                  "10:00"]]}})");
          }) == errc::ok);
    // In a profile: the pointer of the calendar's week, and nothing later about its policy.
    const error p = error_of([] {
        Profile::from_json(R"({"plaint_profile": 1,
            "calendars": {"office": {"timezone": "UTC", "week": {}}},
            "policies": {"p": {"targets": [{"kind": "record", "duration": "1h",
            "calendar": "office"}]}}})");
    });
    REQUIRE(p.problems().size() == 1);
    CHECK(p.problems()[0].pointer == "/calendars/office/week");
    CHECK(p.problems()[0].line == 2);
}

TEST_CASE("a duration beyond the calendars' years is a validation error with its place") {
    auto policy = [](const std::string& calendar, const std::string& duration) {
        return R"({"calendars": {"office": {"timezone": "UTC", "week": {"mon": [["09:00",
            "17:00"]], "tue": [["09:00", "17:00"]], "wed": [["09:00", "17:00"]],
            "thu": [["09:00", "17:00"]], "fri": [["09:00", "17:00"]]}}},
            "policies": {"p": {"targets": [{"kind": "record", "duration": ")" +
               duration + R"(", "calendar": ")" + calendar + R"("}]}}})";
    };
    // 100000d: 273 years, past 2199 for any complaint received after 1926.
    const error e = error_of([&] { PolicySet::from_json(policy("24x7", "100000d")); });
    CHECK(e.code() == errc::validation);
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].pointer == "/policies/p/targets/0/duration");
    CHECK(e.problems()[0].line == 4);
    // Round the clock: 2100-01-01 to 2200-01-01 is 36,524 days (24 leap years, 2100 not one).
    CHECK(code_of([&] { PolicySet::from_json(policy("24x7", "36524d")); }) == errc::ok);
    CHECK(code_of([&] { PolicySet::from_json(policy("24x7", "36524d1s")); }) == errc::validation);
    // Monday to Friday, 8 hours: 2100-01-01 is a Friday (47,482 days after Thursday 1970-01-01);
    // 36,524 days are 5,217 weeks and 5 days (Friday to Tuesday): 26,088 weekdays, 208,704 h.
    CHECK(code_of([&] { PolicySet::from_json(policy("office", "208704h")); }) == errc::ok);
    CHECK(code_of([&] { PolicySet::from_json(policy("office", "208705h")); }) == errc::validation);
    // Mondays only, 8 hours: 5,218 Mondays from Friday 2100-01-01 to 2199 (the 5 days left over
    // hold one), 41,744 h. Close to the whole, the duration is worked out on a copy of the
    // calendar, so 2,000 such calendars leave no century of tables behind (about 0.35 MB each).
    std::string cals, pols;
    for (int i = 0; i < 2000; ++i) {
        const std::string n = std::to_string(i);
        cals += (i ? ",\"c" : "\"c") + n +
                R"(": {"timezone": "UTC", "week": {"mon": [["09:00", "17:00"]]}})";
        pols += (i ? ",\"p" : "\"p") + n +
                R"(": {"targets": [{"kind": "record", "duration": "41744h", "calendar": "c)" + n +
                R"("}]})";
    }
    std::size_t held = 0;
    CHECK(code_of([&] {
              held = peak_of([&] {
                  PolicySet::from_json("{\"calendars\": {" + cals + "}, \"policies\": {" + pols +
                                       "}}");
              });
          }) == errc::ok);
    CHECK(held < 64 * MiB);
    CHECK(code_of([] {
              PolicySet::from_json(R"({"calendars": {"c": {"timezone": "UTC", "week": {"mon":
                  [["09:00", "17:00"]]}}}, "policies": {"p": {"targets": [{"kind": "record",
                  "duration": "41745h", "calendar": "c"}]}}})");
          }) == errc::validation);
    // A calendar open on its own dates only ends by design: its targets are not checked.
    CHECK(code_of([] {
              PolicySet::from_json(R"({"calendars": {"event": {"timezone": "UTC", "dates":
                  {"2026-05-01": [["09:00", "17:00"]]}}}, "policies": {"p": {"targets": [
                  {"kind": "record", "duration": "1h", "calendar": "event"}]}}})");
          }) == errc::ok);
    // In a profile, at the target's duration.
    const error p = error_of([] {
        Profile::from_json(R"({"plaint_profile": 1, "policies": {"p": {"targets": [
            {"kind": "record", "duration": "100000d"}]}}})");
    });
    REQUIRE(p.problems().size() == 1);
    CHECK(p.problems()[0].pointer == "/policies/p/targets/0/duration");
}

TEST_CASE("unknown keys are errors at every level of the profile") {
    // Each object the profile holds, with one key too many, and the pointer it is reported at.
    const std::pair<const char*, const char*> cases[] = {
        {R"({"plaint_profile": 1, "x": 1})", "/x"},
        {R"({"plaint_profile": 1, "calendars": {"c": {"timezone": "UTC", "x": 1,
            "week": {"mon": [["09:00", "10:00"]]}}}})",
         "/calendars/c/x"},
        {R"({"plaint_profile": 1, "calendars": {"c": {"timezone": "UTC",
            "week": {"x": [], "mon": [["09:00", "10:00"]]}}}})",
         "/calendars/c/week/x"},
        {R"({"plaint_profile": 1, "policies": {"p": {"x": 1, "targets": [
            {"kind": "record", "duration": "1h"}]}}})",
         "/policies/p/x"},
        {R"({"plaint_profile": 1, "policies": {"p": {"targets": [
            {"kind": "record", "duration": "1h", "x": 1}]}}})",
         "/policies/p/targets/0/x"},
        {R"({"plaint_profile": 1, "rules": {"x": 1, "sections": []}})", "/rules/x"},
        {R"({"plaint_profile": 1, "rules": {"sections": [{"x": 1, "rows": []}]}})",
         "/rules/sections/0/x"},
        {R"({"plaint_profile": 1, "rules": {"sections": [{"rows": [
            {"x": 1, "then": {"tags": ["t"]}}]}]}})",
         "/rules/sections/0/rows/0/x"},
        {R"({"plaint_profile": 1, "rules": {"sections": [{"rows": [
            {"then": {"tags": ["t"], "x": 1}}]}]}})",
         "/rules/sections/0/rows/0/then/x"},
        {R"({"plaint_profile": 1, "rules": {"sections": [{"rows": [
            {"when": {"x": 1}, "then": {"tags": ["t"]}}]}]}})",
         "/rules/sections/0/rows/0/when/x"},
        {R"({"plaint_profile": 1, "rules": {"sections": [{"rows": [
            {"when": {"keywords": {"any": ["a"], "x": ["b"]}}, "then": {"tags": ["t"]}}]}]}})",
         "/rules/sections/0/rows/0/when/keywords/x"},
        {R"({"plaint_profile": 1, "rules": {"sections": [{"rows": [
            {"when": {"reporter_count": {"gte": 1, "x": 2}}, "then": {"tags": ["t"]}}]}]}})",
         "/rules/sections/0/rows/0/when/reporter_count/x"},
        {R"({"plaint_profile": 1, "rules": {"sections": [{"rows": [
            {"when": {"received": {"in": "24x7", "x": 1}}, "then": {"tags": ["t"]}}]}]}})",
         "/rules/sections/0/rows/0/when/received"},
        {R"({"plaint_profile": 1, "return_visits": {"x": 1}})", "/return_visits/x"},
        {R"({"plaint_profile": 1, "return_visits": {"rules": [{"method": "phone", "x": 1}]}})",
         "/return_visits/rules/0/x"},
        {R"({"plaint_profile": 1, "return_visits": {"quotas": {"x": 1}}})",
         "/return_visits/quotas/x"},
        {R"({"plaint_profile": 1, "surveys": {"s": {"dimensions": ["a"], "x": 1}}})",
         "/surveys/s/x"},
        {R"({"plaint_profile": 1, "surveys": {"s": {"dimensions": [{"name": "a", "x": 1}]}}})",
         "/surveys/s/dimensions/0/x"},
        {R"({"plaint_profile": 1, "surveys": {"s": {"dimensions": [{"name": "a",
            "items": [{"name": "b", "x": 1}]}]}}})",
         "/surveys/s/dimensions/0/items/0/x"},
        {R"({"plaint_profile": 1, "surveys": {"s": {"dimensions": ["a", "b"],
            "ahp": {"matrix": [[1, 2], [0.5, 1]], "x": 1}}}})",
         "/surveys/s/ahp/x"},
    };
    for (const auto& c : cases) { // no structured binding: a lambda captures the document
        INFO(c.first);
        const error e = error_of([&] { Profile::from_json(c.first); });
        CHECK(e.code() == errc::validation);
        REQUIRE(e.problems().size() == 1);
        CHECK(e.problems()[0].pointer == c.second);
    }
}
