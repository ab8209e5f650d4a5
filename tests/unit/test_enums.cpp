// The C++ enumerations must carry exactly the codes the C header promises: the header is the
// independent source here.
#include <plaint/enums.hpp>
#include <plaint/error.hpp>

#include "plaint/plaint.h"

#include <catch2/catch.hpp>

using namespace plaint;

#define SAME(cpp, c) static_assert(static_cast<int>(cpp) == (c), #cpp " != " #c)
SAME(Channel::phone, PLAINT_CHANNEL_PHONE);
SAME(Channel::visit, PLAINT_CHANNEL_VISIT);
SAME(Channel::letter, PLAINT_CHANNEL_LETTER);
SAME(Channel::online, PLAINT_CHANNEL_ONLINE);
SAME(Channel::authority, PLAINT_CHANNEL_AUTHORITY);
SAME(Channel::media, PLAINT_CHANNEL_MEDIA);
SAME(Channel::other, PLAINT_CHANNEL_OTHER);
SAME(Category::equipment, PLAINT_CATEGORY_EQUIPMENT);
SAME(Category::attitude, PLAINT_CATEGORY_ATTITUDE);
SAME(Category::quality, PLAINT_CATEGORY_QUALITY);
SAME(Category::sudden_event, PLAINT_CATEGORY_SUDDEN_EVENT);
SAME(Category::other, PLAINT_CATEGORY_OTHER);
SAME(Nature::unjudged, PLAINT_NATURE_UNJUDGED);
SAME(Nature::valid, PLAINT_NATURE_VALID);
SAME(Nature::invalid, PLAINT_NATURE_INVALID);
SAME(Nature::major, PLAINT_NATURE_MAJOR);
SAME(Nature::help_seeking, PLAINT_NATURE_HELP_SEEKING);
SAME(Nature::consulting, PLAINT_NATURE_CONSULTING);
SAME(Nature::venting, PLAINT_NATURE_VENTING);
SAME(Severity::unset, PLAINT_SEVERITY_UNSET);
SAME(Severity::p1, PLAINT_SEVERITY_P1);
SAME(Severity::p4, PLAINT_SEVERITY_P4);
SAME(Role::duty_staff, PLAINT_ROLE_DUTY_STAFF);
SAME(Role::cs_assistant, PLAINT_ROLE_CS_ASSISTANT);
SAME(Role::cs_manager, PLAINT_ROLE_CS_MANAGER);
SAME(Role::general_manager, PLAINT_ROLE_GENERAL_MANAGER);
SAME(Role::company, PLAINT_ROLE_COMPANY);
SAME(VisitMethod::phone, PLAINT_VISIT_PHONE);
SAME(VisitMethod::on_site, PLAINT_VISIT_ON_SITE);
SAME(VisitMethod::meeting, PLAINT_VISIT_MEETING);
SAME(VisitMethod::public_notice, PLAINT_VISIT_PUBLIC_NOTICE);
SAME(VisitMethod::other, PLAINT_VISIT_OTHER);
SAME(State::received, PLAINT_STATE_RECEIVED);
SAME(State::recorded, PLAINT_STATE_RECORDED);
SAME(State::classified, PLAINT_STATE_CLASSIFIED);
SAME(State::assigned, PLAINT_STATE_ASSIGNED);
SAME(State::in_progress, PLAINT_STATE_IN_PROGRESS);
SAME(State::waiting, PLAINT_STATE_WAITING);
SAME(State::resolved, PLAINT_STATE_RESOLVED);
SAME(State::return_visit, PLAINT_STATE_RETURN_VISIT);
SAME(State::rectification, PLAINT_STATE_RECTIFICATION);
SAME(State::closed, PLAINT_STATE_CLOSED);
SAME(State::explained, PLAINT_STATE_EXPLAINED);
SAME(EventType::receive, PLAINT_EVENT_RECEIVE);
SAME(EventType::record, PLAINT_EVENT_RECORD);
SAME(EventType::classify, PLAINT_EVENT_CLASSIFY);
SAME(EventType::assign, PLAINT_EVENT_ASSIGN);
SAME(EventType::start, PLAINT_EVENT_START);
SAME(EventType::wait, PLAINT_EVENT_WAIT);
SAME(EventType::resume, PLAINT_EVENT_RESUME);
SAME(EventType::resolve, PLAINT_EVENT_RESOLVE);
SAME(EventType::visit, PLAINT_EVENT_VISIT);
SAME(EventType::satisfied, PLAINT_EVENT_SATISFIED);
SAME(EventType::unsatisfied, PLAINT_EVENT_UNSATISFIED);
SAME(EventType::explain, PLAINT_EVENT_EXPLAIN);
SAME(EventType::close, PLAINT_EVENT_CLOSE);
SAME(EventType::escalate, PLAINT_EVENT_ESCALATE);
SAME(EventType::reopen, PLAINT_EVENT_REOPEN);
SAME(TargetKind::record, PLAINT_TARGET_RECORD);
SAME(TargetKind::acknowledge, PLAINT_TARGET_ACKNOWLEDGE);
SAME(TargetKind::first_response, PLAINT_TARGET_FIRST_RESPONSE);
SAME(TargetKind::first_feedback, PLAINT_TARGET_FIRST_FEEDBACK);
SAME(TargetKind::resolution, PLAINT_TARGET_RESOLUTION);
SAME(TargetKind::repair_response, PLAINT_TARGET_REPAIR_RESPONSE);
SAME(TargetKind::repair_completion, PLAINT_TARGET_REPAIR_COMPLETION);
SAME(TargetKind::consultation_answer, PLAINT_TARGET_CONSULTATION_ANSWER);
SAME(TargetKind::return_visit, PLAINT_TARGET_RETURN_VISIT);
SAME(TargetKind::rectification, PLAINT_TARGET_RECTIFICATION);
SAME(TargetKind::custom, PLAINT_TARGET_CUSTOM);
SAME(ClockState::not_started, PLAINT_CLOCK_NOT_STARTED);
SAME(ClockState::running, PLAINT_CLOCK_RUNNING);
SAME(ClockState::paused, PLAINT_CLOCK_PAUSED);
SAME(ClockState::met, PLAINT_CLOCK_MET);
SAME(ClockState::warning, PLAINT_CLOCK_WARNING);
SAME(ClockState::breached, PLAINT_CLOCK_BREACHED);
SAME(EnumKind::target_kind, PLAINT_ENUM_TARGET_KIND);
SAME(EnumKind::clock_state, PLAINT_ENUM_CLOCK_STATE);
SAME(EnumKind::channel, PLAINT_ENUM_CHANNEL);
SAME(EnumKind::event_type, PLAINT_ENUM_EVENT);
SAME(errc::invalid_argument, PLAINT_E_INVALID_ARGUMENT);
SAME(errc::out_of_range, PLAINT_E_OUT_OF_RANGE);
SAME(errc::parse, PLAINT_E_PARSE);
SAME(errc::encoding, PLAINT_E_ENCODING);
SAME(errc::too_large, PLAINT_E_TOO_LARGE);
SAME(errc::overflow, PLAINT_E_OVERFLOW);
SAME(errc::illegal_transition, PLAINT_E_ILLEGAL_TRANSITION);
SAME(errc::out_of_order, PLAINT_E_OUT_OF_ORDER);
SAME(errc::not_found, PLAINT_E_NOT_FOUND);
SAME(errc::io, PLAINT_E_IO);
SAME(errc::no_memory, PLAINT_E_NO_MEMORY);
SAME(errc::unsupported, PLAINT_E_UNSUPPORTED);
SAME(errc::validation, PLAINT_E_VALIDATION);
SAME(errc::internal, PLAINT_E_INTERNAL);

TEST_CASE("names and codes are stable and round-trip") {
    CHECK(to_string(Channel::authority) == "authority");
    CHECK(to_string(Nature::help_seeking) == "help_seeking");
    CHECK(to_string(VisitMethod::on_site) == "on_site");
    CHECK(to_string(Role::general_manager) == "general_manager");
    CHECK(to_string(State::return_visit) == "return_visit");
    CHECK(to_string(EventType::unsatisfied) == "unsatisfied");
    CHECK(to_string(Severity::p1) == "p1");
    CHECK(to_string(static_cast<Channel>(99)) == "?");
    CHECK(parse_enum<Category>("sudden_event") == Category::sudden_event);
    CHECK(parse_enum<Role>("cs_manager") == Role::cs_manager);

    const EnumKind kinds[] = {EnumKind::channel,     EnumKind::category,   EnumKind::nature,
                              EnumKind::severity,    EnumKind::role,       EnumKind::visit_method,
                              EnumKind::state,       EnumKind::event_type, EnumKind::target_kind,
                              EnumKind::clock_state, EnumKind::kind};
    for (EnumKind k : kinds) {
        int seen = 0;
        for (std::int32_t code = -2; code < 40; ++code) {
            auto n = enum_name(k, code);
            if (!n)
                continue;
            ++seen;
            CHECK(enum_code(k, *n) == code);
        }
        CHECK(seen > 0);
    }
    // How many values each enumeration has, counted from DOMAIN.md and the issue.
    auto count = [](EnumKind k) {
        int n = 0;
        for (std::int32_t code = -2; code < 40; ++code)
            n += enum_name(k, code) ? 1 : 0;
        return n;
    };
    CHECK(count(EnumKind::channel) == 7);
    CHECK(count(EnumKind::category) == 5);
    CHECK(count(EnumKind::nature) == 7);
    CHECK(count(EnumKind::severity) == 5);
    CHECK(count(EnumKind::role) == 5);
    CHECK(count(EnumKind::visit_method) == 5);
    CHECK(count(EnumKind::state) == 11);
    CHECK(count(EnumKind::event_type) == 18); // 15, then answer, acknowledge, confirm (0.7)
    CHECK(count(EnumKind::target_kind) == 11);
    CHECK(count(EnumKind::clock_state) == 6);
    CHECK(count(EnumKind::kind) == 5); // DOMAIN.md §8: complaint, repair, consultation,
                                       // suggestion, praise
}

TEST_CASE("unknown codes and names are refused with the valid names listed") {
    CHECK_FALSE(from_code<Channel>(0));
    CHECK_FALSE(from_code<Channel>(8));
    CHECK_FALSE(from_code<Role>(-1));
    CHECK(from_code<Nature>(0) == Nature::unjudged);
    CHECK_FALSE(enum_code(EnumKind::channel, "sms"));
    CHECK_FALSE(enum_code(EnumKind::channel, "Phone")); // names are case-sensitive
    CHECK_FALSE(enum_code(EnumKind::channel, ""));
    CHECK_FALSE(enum_name(static_cast<EnumKind>(42), 1));
    try {
        parse_enum<Channel>("sms");
        FAIL("no error");
    } catch (const error& e) {
        CHECK(e.code() == errc::out_of_range);
        CHECK(std::string(e.what()) ==
              "unknown channel 'sms'; expected one of phone, visit, letter, online, authority, "
              "media, other");
    }
    try {
        checked_from_code<VisitMethod>(9);
        FAIL("no error");
    } catch (const error& e) {
        CHECK(e.code() == errc::out_of_range);
        CHECK(std::string(e.what()) == "unknown visit method code 9");
    }
    CHECK(std::string(errc_name(errc::illegal_transition)) == "illegal_transition");
    CHECK(std::string(errc_name(static_cast<errc>(-55))) == "unknown");
}
