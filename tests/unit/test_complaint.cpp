// The complaint record: defaults, setters, UTF-8 and size checks, and the guarantee that a
// rejected call leaves the complaint exactly as it was.
#include "support.hpp"
#include <plaint/complaint.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <string>

using namespace plaint;

namespace {

// Everything observable about a complaint, to compare before and after a rejected call.
std::string snapshot(const Complaint& c) {
    std::string s =
        c.id() + "|" + c.name() + "|" + c.contact() + "|" + c.building() + "|" + c.unit() + "|" +
        c.content() + "|" + c.remedy() + "|" + c.subcategory() + "|" +
        std::to_string(c.received()) + "|" + std::to_string(static_cast<int>(c.channel())) + "|" +
        std::to_string(static_cast<int>(c.category())) + "|" +
        std::to_string(static_cast<int>(c.nature())) + "|" +
        std::to_string(static_cast<int>(c.severity())) + "|" + std::to_string(c.reporter_count()) +
        "|" + std::to_string(static_cast<int>(c.state())) + "|" +
        std::to_string(static_cast<int>(c.owner())) + "|" + std::to_string(c.cycle());
    for (const auto& t : c.tags())
        s += "|tag:" + t;
    for (const auto& e : c.events())
        s += "|ev:" + std::to_string(static_cast<int>(e.type)) + "@" + std::to_string(e.at) + ":" +
             e.note;
    return s;
}

} // namespace

TEST_CASE("a new complaint starts received owned by the duty staff with one event") {
    Complaint c("C-1", 1767488400);
    CHECK(c.id() == "C-1");
    CHECK(c.received() == 1767488400);
    CHECK(c.state() == State::received);
    CHECK(c.owner() == Role::duty_staff);
    CHECK(c.channel() == Channel::other);
    CHECK(c.category() == Category::other);
    CHECK(c.nature() == Nature::unjudged);
    CHECK(c.severity() == Severity::unset);
    CHECK(c.reporter_count() == 1);
    CHECK(c.cycle() == 1);
    CHECK_FALSE(c.visit_method());
    CHECK_FALSE(c.rectification_deadline());
    REQUIRE(c.events().size() == 1);
    CHECK(c.events()[0].type == EventType::receive);
    CHECK(c.events()[0].at == 1767488400);
    CHECK(c.events()[0].to == State::received);
}

TEST_CASE("the id is required checked and bounded") {
    CHECK(code_of([] { Complaint("", 0); }) == errc::invalid_argument);
    CHECK(code_of([] { Complaint(std::string(128, 'x'), 0); }) == errc::ok);
    CHECK(code_of([] { Complaint(std::string(129, 'x'), 0); }) == errc::too_large);
    CHECK(code_of([] { Complaint("bad\xff", 0); }) == errc::encoding);
    Complaint c("id", 0);
    CHECK(code_of([&] { c.set_text(TextField::id, ""); }) == errc::invalid_argument);
    CHECK(c.id() == "id");
}

TEST_CASE("intake fields are set and read back Chinese and English alike") {
    Complaint c("C-2", 0);
    c.set_name("王女士");
    c.set_contact("+86 138 0000 0000");
    c.set_building("3栋");
    c.set_unit("1202");
    c.set_content("卫生间漏水 — water leaking from the ceiling");
    c.set_remedy("repair and compensation");
    c.set_subcategory("plumbing");
    c.set_channel(Channel::phone);
    c.set_category(Category::equipment);
    c.set_reporter_count(3);
    CHECK(c.name() == "王女士");
    CHECK(c.building() == "3栋");
    CHECK(c.unit() == "1202");
    CHECK(c.content() == "卫生间漏水 — water leaking from the ceiling");
    CHECK(c.remedy() == "repair and compensation");
    CHECK(c.subcategory() == "plumbing");
    CHECK(c.text(TextField::contact) == "+86 138 0000 0000");
    CHECK(c.channel() == Channel::phone);
    CHECK(c.category() == Category::equipment);
    CHECK(c.reporter_count() == 3);
}

TEST_CASE("text is valid UTF-8 without NUL within its limit") {
    // Each invalid sequence from the UTF-8 definition (RFC 3629 §3-4), byte offset of the fault.
    struct Bad {
        const char* bytes;
        std::size_t size;
    };
    const Bad bad[] = {
        {"\x80", 1},             // lone continuation byte
        {"\xc0\xaf", 2},         // overlong '/' (C0 and C1 never appear)
        {"\xe0\x80\xaf", 3},     // overlong 3-byte
        {"\xf0\x80\x80\xaf", 4}, // overlong 4-byte
        {"\xed\xa0\x80", 3},     // UTF-16 surrogate U+D800
        {"\xf4\x90\x80\x80", 4}, // U+110000, past the last code point
        {"\xf5\x80\x80\x80", 4}, // lead byte never used
        {"\xe6\xbc", 2},         // truncated 漏 (e6 bc 8f)
        {"ok\xe6\xbcx", 5},      // bad continuation
        {"a\0b", 3},             // embedded NUL
    };
    Complaint c("C-3", 0);
    c.set_content("before");
    for (const auto& b : bad) {
        INFO("case " << std::string(b.bytes, b.size).size());
        CHECK(code_of([&] { c.set_content(std::string_view(b.bytes, b.size)); }) == errc::encoding);
        CHECK(c.content() == "before");
    }
    // Boundary values that are valid: U+007F, U+0080, U+07FF, U+0800, U+FFFF, U+10000, U+10FFFF.
    c.set_content("\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf");
    CHECK(c.content().size() == 1 + 2 + 2 + 3 + 3 + 4 + 4);

    CHECK(code_of([&] { c.set_content(std::string(Limits::long_text, 'a')); }) == errc::ok);
    CHECK(code_of([&] { c.set_content(std::string(Limits::long_text + 1, 'a')); }) ==
          errc::too_large);
    CHECK(c.content().size() == Limits::long_text);
    CHECK(code_of([&] { c.set_name(std::string(Limits::short_text, 'n')); }) == errc::ok);
    CHECK(code_of([&] { c.set_name(std::string(Limits::short_text + 1, 'n')); }) ==
          errc::too_large);
    try {
        c.set_unit("12\xff");
        FAIL("no error");
    } catch (const error& e) {
        CHECK(std::string(e.what()) == "unit: invalid UTF-8 lead byte at byte 2");
    }
    CHECK(code_of([&] { c.set_text(static_cast<TextField>(99), "x"); }) == errc::out_of_range);
}

TEST_CASE("enumerations and counts out of range are refused") {
    Complaint c("C-4", 0);
    CHECK(code_of([&] { c.set_channel(static_cast<Channel>(0)); }) == errc::out_of_range);
    CHECK(code_of([&] { c.set_channel(static_cast<Channel>(8)); }) == errc::out_of_range);
    CHECK(code_of([&] { c.set_category(static_cast<Category>(6)); }) == errc::out_of_range);
    CHECK(code_of([&] { c.set_reporter_count(0); }) == errc::out_of_range);
    CHECK(code_of([&] { c.set_reporter_count(-5); }) == errc::out_of_range);
    CHECK(code_of([&] { c.set_reporter_count(Limits::reporters + 1); }) == errc::out_of_range);
    c.set_reporter_count(Limits::reporters);
    CHECK(c.channel() == Channel::other);
    CHECK(c.reporter_count() == Limits::reporters);
}

TEST_CASE("tags are unique bounded and removable") {
    Complaint c("C-5", 0);
    c.add_tag("water");
    c.add_tag("漏水");
    c.add_tag("water");
    REQUIRE(c.tags().size() == 2);
    CHECK(c.tags()[0] == "water");
    CHECK(c.tags()[1] == "漏水");
    CHECK(code_of([&] { c.add_tag(""); }) == errc::invalid_argument);
    CHECK(code_of([&] { c.add_tag(std::string(65, 't')); }) == errc::too_large);
    CHECK(code_of([&] { c.add_tag("\xff"); }) == errc::encoding);
    CHECK(c.remove_tag("water"));
    CHECK_FALSE(c.remove_tag("water"));
    for (int i = 0; c.tags().size() < Limits::tags; ++i)
        c.add_tag("t" + std::to_string(i));
    CHECK(code_of([&] { c.add_tag("one-too-many"); }) == errc::too_large);
    CHECK(code_of([&] { c.add_tag("t0"); }) == errc::ok); // present already: no change
    CHECK(c.tags().size() == Limits::tags);
}

TEST_CASE("the received instant moves only before any other event") {
    Complaint c("C-6", 100);
    c.set_received(50);
    CHECK(c.received() == 50);
    CHECK(c.events()[0].at == 50);
    c.apply(Event::of(EventType::record, 60, Role::duty_staff));
    CHECK(code_of([&] { c.set_received(10); }) == errc::illegal_transition);
    CHECK(c.received() == 50);
}

TEST_CASE("a rejected setter or event leaves the complaint unchanged") {
    Complaint c("C-7", 1000);
    c.set_content("leak");
    c.add_tag("a");
    c.apply(Event::of(EventType::record, 1010, Role::duty_staff, "recorded"));
    const std::string before = snapshot(c);
    CHECK(code_of([&] { c.set_content("\xc0\x80"); }) == errc::encoding);
    CHECK(code_of([&] { c.add_tag(std::string(100, 'x')); }) == errc::too_large);
    CHECK(code_of([&] { c.apply(Event::of(EventType::start, 1020, Role::duty_staff)); }) ==
          errc::illegal_transition);
    CHECK(code_of([&] { c.apply(Event::of(EventType::classify, 1005, Role::duty_staff)); }) ==
          errc::out_of_order);
    Event bad_note = Event::of(EventType::classify, 1020, Role::duty_staff, "\xff");
    bad_note.nature = Nature::valid;
    CHECK(code_of([&] { c.apply(bad_note); }) == errc::encoding);
    Event bad_severity = Event::of(EventType::classify, 1020, Role::duty_staff);
    bad_severity.nature = Nature::valid;
    bad_severity.severity = static_cast<Severity>(7);
    CHECK(code_of([&] { c.apply(bad_severity); }) == errc::out_of_range);
    CHECK(code_of([&] { c.apply(Event::of(static_cast<EventType>(0), 1020, Role::duty_staff)); }) ==
          errc::out_of_range);
    CHECK(code_of([&] { c.apply(Event::of(EventType::classify, 1020, static_cast<Role>(9))); }) ==
          errc::out_of_range);
    CHECK(snapshot(c) == before);
}
