// JSON forms of complaints, decisions and explanations: round trips, and errors with places.
#include "support.hpp"
#include <plaint/profile.hpp>

#include <catch2/catch.hpp>

#include "../bench/alloc_counter.hpp" // replaces operator new: counts every byte asked for

#include <functional>

using namespace plaint;

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
    // The default profile's first row (section "kind") fails on the category; in section
    // "policy", the rows for stated kinds fail on a kind not stated.
    CHECK(
        ex.rfind(
            R"x([{"decided":false,"failed":"category in [equipment] (was other)","id":"equipment-is-repair","matched":false,"section":"kind"})x",
            0) == 0);
    CHECK(
        ex.find(
            R"x({"decided":false,"failed":"kind in [consultation] (was not stated)","id":"stated-consultation","matched":false,"section":"policy"})x") !=
        std::string::npos);
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

// Issue 12: one rule for keys — every key is known at every level; the derived fields `to_json`
// writes are checked against the events, never ignored.
TEST_CASE("complaint JSON: unknown and wrongly typed keys inside events are refused") {
    const auto problem_of = [](const std::string& text) {
        const error e = error_of([&] { complaint_from_json(text); });
        INFO(e.what());
        CHECK(e.code() == errc::validation);
        REQUIRE(!e.problems().empty());
        return e.problems()[0].pointer + ": " + e.problems()[0].message;
    };
    CHECK(problem_of(R"({"id": "X", "received": 0, "events": [
            {"type": "record", "at": 60, "colour": 1}]})") == "/events/0/colour: unknown key");
    CHECK(problem_of(R"({"id": "X", "received": 0, "events": [
            {"type": "record", "at": 60, "note": 5}]})") == "/events/0/note: expected a string");
    CHECK(problem_of(R"({"id": "X", "received": 0, "events": [
            {"type": "record", "at": 60, "note": null}]})") == "/events/0/note: expected a string");
    // A receive event: only first, and at the received instant (as to_json writes it).
    CHECK(problem_of(R"({"id": "X", "received": 0, "events": [
            {"type": "receive", "at": 60}]})") ==
          "/events/0/at: the 'receive' event is at the received instant");
    CHECK(problem_of(R"({"id": "X", "received": 0, "events": [
            {"type": "receive", "at": 0}, {"type": "receive", "at": 0}]})") ==
          "/events/1/type: 'receive' is only the first event");
    const Complaint ok = complaint_from_json(R"({"id": "X", "received": 0, "events": [
            {"type": "receive", "at": 0, "role": "duty_staff"}, {"type": "record", "at": 60}]})");
    CHECK(ok.events().size() == 2);
}

TEST_CASE("complaint JSON: state, nature, severity and owner must agree with the events") {
    const std::string log = R"("events": [{"type": "record", "at": 60},
        {"type": "classify", "at": 120, "nature": "valid", "severity": "p2"}])";
    // What the log derives: classified, valid, p2, owned by the duty staff.
    const Complaint c = complaint_from_json(R"({"id": "X", "received": 0, "state": "classified",
        "nature": "valid", "severity": "p2", "owner": "duty_staff", )" +
                                            log + "}");
    CHECK(c.state() == State::classified);
    for (const char* wrong :
         {R"("state": "closed")", R"("nature": "invalid")", R"("severity": "p1")",
          R"("owner": "general_manager")", R"("state": "nonsense")", R"("nature": 7)"}) {
        INFO(wrong);
        const error e = error_of([&] {
            complaint_from_json(R"({"id": "X", "received": 0, )" + std::string(wrong) + ", " + log +
                                "}");
        });
        CHECK(e.code() == errc::validation);
    }
    // A to_json form read back is equal, derived fields included.
    CHECK(to_json(complaint_from_json(to_json(c))) == to_json(c));
}

TEST_CASE("complaint JSON: epoch seconds only within the years written as text") {
    // 253402300799 is 9999-12-31T23:59:59Z (time.hpp's max_text_instant): the last accepted;
    // one more has no ISO 8601 form and could not be written back.
    const Complaint last = complaint_from_json(R"({"id": "X", "received": 253402300799})");
    CHECK(to_json(last).find("9999-12-31T23:59:59Z") != std::string::npos);
    CHECK(error_of([] {
              complaint_from_json(R"({"id": "X", "received": 253402300800})");
          }).code() == errc::validation);
    CHECK(error_of([] {
              complaint_from_json(R"({"id": "X", "received": 18446744073709551615})");
          }).code() == errc::validation);
    // -17987443200 is 1400-01-01T00:00:00Z, the first; one second earlier is refused.
    CHECK(complaint_from_json(R"({"id": "X", "received": -17987443200})").received() ==
          -17987443200);
    CHECK(error_of([] {
              complaint_from_json(R"({"id": "X", "received": -17987443201})");
          }).code() == errc::validation);
    CHECK(
        error_of([] {
            complaint_from_json(
                R"({"id": "X", "received": 0, "events": [{"type": "record", "at": 253402300800}]})");
        }).code() == errc::validation);
}

TEST_CASE("complaint JSON: a long event log costs linear work") {
    // 60,004 events: record, classify, assign, start, then 30,000 wait/resume cycles. Applying
    // each event used to reallocate the whole log (issue 12: 5k events 0.4 s, 40k 31.7 s).
    std::string text = R"({"id": "X", "received": 0, "events": [{"type": "record", "at": 1},
        {"type": "classify", "at": 2, "nature": "valid"}, {"type": "assign", "at": 3},
        {"type": "start", "at": 4})";
    const int cycles = 30000;
    for (int k = 0; k < cycles; ++k)
        text += R"(, {"type": "wait", "at": )" + std::to_string(5 + 2 * k) +
                R"(}, {"type": "resume", "at": )" + std::to_string(6 + 2 * k) + "}";
    text += "]}";
    const std::size_t before = alloc_counter::total_bytes.load();
    const Complaint c = complaint_from_json(text);
    const std::size_t used = alloc_counter::total_bytes.load() - before;
    CHECK(c.events().size() == std::size_t(5 + 2 * cycles));
    CHECK(c.state() == State::in_progress);
    // Linear: the parsed document, the log and its doublings are a few hundred bytes an event
    // (the text is ~40 bytes an event). Quadratic growth asked for ~n^2/2 events' worth, over
    // 100 GB here.
    INFO("allocated " << used << " bytes for " << text.size() << " bytes of text");
    CHECK(used < 64 * text.size());
}
