// JSON forms of complaints, decisions and explanations: round trips, and errors with places.
#include "support.hpp"
#include <plaint/profile.hpp>

#include <catch2/catch.hpp>

#include <functional>

using namespace plaint;

namespace {} // namespace

TEST_CASE("a complaint and its event log survive a JSON round trip") {
    const Complaint c = complaint_from_json(R"({"id": "K-7",
        "received": "2026-03-02T09:15:00+08:00", "channel": "phone", "category": "equipment",
        "building": "3", "unit": "1202", "content": "卫生间漏水", "reporter_count": 2,
        "tags": ["water"], "events": [
          {"type": "record", "at": "2026-03-02T09:20:00+08:00", "role": "duty_staff",
           "note": "recorded"},
          {"type": "classify", "at": "2026-03-02T09:30:00+08:00", "nature": "valid",
           "severity": "p2"},
          {"type": "assign", "at": "2026-03-02T09:35:00+08:00", "target": "cs_assistant"}]})");
    CHECK(c.id() == "K-7");
    CHECK(c.received() == 1772414100); // worked by hand in test_workflow.cpp
    CHECK(c.channel() == Channel::phone);
    CHECK(c.content() == "卫生间漏水");
    CHECK(c.reporter_count() == 2);
    CHECK(c.state() == State::assigned);
    CHECK(c.owner() == Role::cs_assistant);
    CHECK(c.severity() == Severity::p2);
    CHECK(c.events().size() == 4);
    const Complaint again = complaint_from_json(to_json(c));
    CHECK(to_json(again) == to_json(c));
    CHECK(again.events()[1].note == "recorded");
}

TEST_CASE("bad complaint documents are refused with the place of each problem") {
    const error e = error_of([] {
        complaint_from_json(R"({"id": "X", "received": "yesterday", "channel": "sms",
            "colour": 1})");
    });
    CHECK(e.code() == errc::validation);
    const std::string msg = e.what();
    INFO(msg);
    CHECK(msg.find("/colour: unknown key (line 2, column 23)") != std::string::npos);
    // Every problem in one pass, in document order.
    REQUIRE(e.problems().size() == 3);
    CHECK(e.problems()[0].pointer == "/received");
    CHECK(e.problems()[1].pointer == "/channel");
    CHECK(e.problems()[2].pointer == "/colour");
    CHECK(error_of([] { complaint_from_json(R"({"received": 0})"); }).code() == errc::validation);
    const error order = error_of([] {
        complaint_from_json(R"({"id": "X", "received": 100, "events": [
            {"type": "record", "at": 50}]})");
    });
    CHECK(order.code() == errc::validation);
    CHECK(std::string(order.what()).find("/events/0: event 'record' at 50 is earlier") !=
          std::string::npos);
    CHECK(error_of([] {
              complaint_from_json(R"({"id": "X", "received": 0, "content": "a\u0000b"})");
          }).code() == errc::encoding);
    CHECK(error_of([] { complaint_from_json("{\"id\": \"X\","); }).code() == errc::parse);
}

TEST_CASE("decisions and explanations as JSON") {
    Facts f;
    f.channel = Channel::media;
    const Profile& p = Profile::default_profile();
    const Decision d = p.classify(f);
    CHECK(to_json(d) ==
          R"({"escalate_to":"general_manager","matched":["complaint","reached-authorities",)"
          R"("authorities-p1"],"nature":"major","severity":"p1","sla_policy":"complaint",)"
          R"("tags":[],"visit_method":"on_site"})");
    const std::string ex = to_json(p.rules().explain(f));
    CHECK(ex.find(
              R"({"decided":true,"id":"reached-authorities","matched":true,"section":"nature"})") !=
          std::string::npos);
    // The default profile's first row (section "policy") fails on the category.
    CHECK(
        ex.rfind(
            R"x([{"decided":false,"failed":"category in [sudden_event] (was other)","id":"sudden-event","matched":false,"section":"policy"})x",
            0) == 0);
}

TEST_CASE("numbers too large for a double and byte-order marks are errors, not crashes") {
    for (const char* text : {R"({"sections": [], "x": 1e999})", R"({"plaint_profile": 1e999})"}) {
        INFO(text);
        CHECK(error_of([&] { RuleSet::from_json(text); }).code() == errc::parse);
        CHECK(error_of([&] { Profile::from_json(text); }).code() == errc::parse);
    }
    CHECK(error_of([] { complaint_from_json(R"({"id": "C", "received": 1e999})"); }).code() ==
          errc::parse);
    // A UTF-8 byte-order mark before a document with problems: the mark is skipped as one
    // character, so the value of "x" is at column 24 (counted by hand: mark 1, '{' 2,
    // "sections" 3-12, ':' 13, ' ' 14, '[' 15, ']' 16, ',' 17, ' ' 18, "x" 19-21, ':' 22,
    // ' ' 23, '1' 24).
    const error e =
        error_of([] { RuleSet::from_json("\xEF\xBB\xBF{\"sections\": [], \"x\": 1}"); });
    CHECK(e.code() == errc::validation);
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].pointer == "/x");
    CHECK(e.problems()[0].line == 1);
    CHECK(e.problems()[0].column == 24);
}
