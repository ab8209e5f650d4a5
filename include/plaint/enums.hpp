/// @file enums.hpp
/// Enumerations of the complaint domain (DOMAIN.md §2–4). Every enumerator has an explicit,
/// documented integer code that equals the C ABI's `PLAINT_*` constant; codes are never
/// renumbered or reused. Each value also has a stable lower-case name used in text formats.
#pragma once

#include "plaint/config.hpp"
#include "plaint/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

PLAINT_BEGIN_NAMESPACE

/// How the complaint reached the office (投诉方式). Since 0.1.
enum class Channel : std::int32_t {
    phone = 1,     ///< 来电
    visit = 2,     ///< 来访
    letter = 3,    ///< 信函
    online = 4,    ///< 网上
    authority = 5, ///< went straight to higher authorities
    media = 6,     ///< went straight to the media
    other = 7,     ///< anything else
};

/// What the complaint is about (投诉内容); sites refine it with a free sub-category. Since 0.1.
enum class Category : std::int32_t {
    equipment = 1,    ///< 设备: air conditioning, lighting, water and power, elevators
    attitude = 2,     ///< 服务态度
    quality = 3,      ///< 服务质量: repair quality, late mail...
    sudden_event = 4, ///< 突发事件
    other = 5,        ///< anything else
};

/// The nature of a complaint (投诉性质), judged at classification. Since 0.1.
enum class Nature : std::int32_t {
    unjudged = 0,     ///< not judged yet
    valid = 1,        ///< 有效投诉: within the office's responsibility
    invalid = 2,      ///< 无效投诉: outside it; explained and closed
    major = 3,        ///< 重大投诉: valid and reached authorities, or serious harm
    help_seeking = 4, ///< 求助型 communicative complaint
    consulting = 5,   ///< 咨询型 communicative complaint
    venting = 6,      ///< 发泄型 communicative complaint
};

/// Kinds of request the service desk takes (DOMAIN.md §8): each has its own workflow (see
/// `transition`), and counts and limits are kept per kind. Since 0.7.
enum class Kind : std::int32_t {
    complaint = 1,    ///< 投诉: today's full cycle, with a nature judged before handling
    repair = 2,       ///< 报修: assessed on site, fixed, confirmed with the resident
    consultation = 3, ///< 咨询: answered and closed
    suggestion = 4,   ///< 建议: acknowledged and closed
    praise = 5,       ///< 表扬: acknowledged and closed
};

/// Severity, P1 most urgent. Since 0.1.
enum class Severity : std::int32_t {
    unset = 0, ///< not assessed yet
    p1 = 1,
    p2 = 2,
    p3 = 3,
    p4 = 4,
};

/// Roles, in escalation order: each escalates to the next. Since 0.1.
enum class Role : std::int32_t {
    duty_staff = 1,      ///< 值班人员
    cs_assistant = 2,    ///< 客户助理
    cs_manager = 3,      ///< 客服中心经理
    general_manager = 4, ///< 总物业经理
    company = 5,         ///< 公司
};

/// How a return visit (回访) is made. Since 0.1.
enum class VisitMethod : std::int32_t {
    phone = 1,         ///< a phone call (ordinary complaints)
    on_site = 2,       ///< on site (required for major complaints)
    meeting = 3,       ///< a residents' meeting (issues raised by many)
    public_notice = 4, ///< a public notice of how it was handled
    other = 5,
};

/// Lifecycle states (DOMAIN.md §4). Since 0.1.
enum class State : std::int32_t {
    received = 1,      ///< taken in, not yet recorded
    recorded = 2,      ///< recorded, awaiting judgement
    classified = 3,    ///< nature judged
    assigned = 4,      ///< a role owns the handling
    in_progress = 5,   ///< being handled
    waiting = 6,       ///< waiting on the resident
    resolved = 7,      ///< handled, awaiting the return visit
    return_visit = 8,  ///< return visit under way
    rectification = 9, ///< the complainant was unsatisfied: rectify by the deadline
    closed = 10,       ///< done
    explained = 11,    ///< an invalid complaint explained to the complainant
};

/// Events that drive the lifecycle. Since 0.1.
enum class EventType : std::int32_t {
    receive = 1,      ///< the complaint arrives (written by the constructor only)
    record = 2,       ///< recorded on the complaint record form
    classify = 3,     ///< nature (and severity) judged, or judged again
    assign = 4,       ///< a role takes ownership
    start = 5,        ///< handling starts
    wait = 6,         ///< handling waits on the resident
    resume = 7,       ///< the resident answered; handling goes on
    resolve = 8,      ///< handled
    visit = 9,        ///< the return visit is made
    satisfied = 10,   ///< the complainant is satisfied at the visit
    unsatisfied = 11, ///< the complainant is not: rectification with a deadline
    explain = 12,     ///< an invalid complaint is explained
    close = 13,       ///< an explained complaint is closed
    escalate = 14,    ///< ownership moves up the role chain
    reopen = 15,      ///< a closed complaint is opened again
    answer = 16,      ///< a consultation is answered, which closes it. Since 0.7.
    acknowledge = 17, ///< a suggestion or praise is acknowledged, which closes it. Since 0.7.
    confirm = 18,     ///< the resident confirms a finished repair, which closes it. Since 0.7.
};

/// What a target measures; the values equal the C ABI's `PLAINT_TARGET_*`. Each kind brings
/// default start, stop, pause and resume events (see the README); `custom` brings none.
/// Since 0.2.
enum class TargetKind : std::int32_t {
    record = 1,              ///< recorded within (1 h)
    acknowledge = 2,         ///< judged and acknowledged within
    first_response = 3,      ///< someone owns or works on it within
    first_feedback = 4,      ///< first feedback to the complainant within (24 h)
    resolution = 5,          ///< result and solution within (72 h); pauses while waiting
    repair_response = 6,     ///< on-site assessment within (24 h, or 4 h)
    repair_completion = 7,   ///< repair finished within (48 h, or 24 h); pauses while waiting
    consultation_answer = 8, ///< a consultation answered within (1 h)
    return_visit = 9,        ///< return visit within, after resolution
    rectification = 10,      ///< rectified by the deadline set at the unsatisfied visit
    custom = 11,             ///< events given explicitly
};

/// A clock's state at an instant; the values equal the C ABI's `PLAINT_CLOCK_*`. Since 0.2.
enum class ClockState : std::int32_t {
    not_started = 0, ///< its start event has not happened
    running = 1,
    paused = 2,
    met = 3,      ///< stopped on or before its due instant
    warning = 4,  ///< running past a warning threshold, not yet due (a paused clock is paused)
    breached = 5, ///< past its due instant (stopped late, or still open)
};

/// Identifies an enumeration across the C ABI. Since 0.1.
enum class EnumKind : std::int32_t {
    channel = 1,
    category = 2,
    nature = 3,
    severity = 4,
    role = 5,
    visit_method = 6,
    state = 7,
    event_type = 8,
    target_kind = 9,  ///< Since 0.2.
    clock_state = 10, ///< Since 0.2.
    kind = 11,        ///< Since 0.7.
};

/// The name of `code` in enumeration `kind`, or nothing when the code is unknown. Since 0.1.
std::optional<std::string_view> enum_name(EnumKind kind, std::int32_t code) noexcept;
/// The code of `name` in enumeration `kind`, or nothing when the name is unknown. Since 0.1.
std::optional<std::int32_t> enum_code(EnumKind kind, std::string_view name) noexcept;
/// "a, b, c": every name of `kind`, for error messages. Since 0.1.
std::string enum_names(EnumKind kind);

namespace detail {
template <class E>
struct EnumTraits;
template <>
struct EnumTraits<Channel> {
    static constexpr EnumKind kind = EnumKind::channel;
    static constexpr const char* label = "channel";
};
template <>
struct EnumTraits<Category> {
    static constexpr EnumKind kind = EnumKind::category;
    static constexpr const char* label = "category";
};
template <>
struct EnumTraits<Nature> {
    static constexpr EnumKind kind = EnumKind::nature;
    static constexpr const char* label = "nature";
};
template <>
struct EnumTraits<Severity> {
    static constexpr EnumKind kind = EnumKind::severity;
    static constexpr const char* label = "severity";
};
template <>
struct EnumTraits<Role> {
    static constexpr EnumKind kind = EnumKind::role;
    static constexpr const char* label = "role";
};
template <>
struct EnumTraits<VisitMethod> {
    static constexpr EnumKind kind = EnumKind::visit_method;
    static constexpr const char* label = "visit method";
};
template <>
struct EnumTraits<State> {
    static constexpr EnumKind kind = EnumKind::state;
    static constexpr const char* label = "state";
};
template <>
struct EnumTraits<EventType> {
    static constexpr EnumKind kind = EnumKind::event_type;
    static constexpr const char* label = "event";
};
template <>
struct EnumTraits<TargetKind> {
    static constexpr EnumKind kind = EnumKind::target_kind;
    static constexpr const char* label = "target kind";
};
template <>
struct EnumTraits<ClockState> {
    static constexpr EnumKind kind = EnumKind::clock_state;
    static constexpr const char* label = "clock state";
};
template <>
struct EnumTraits<Kind> {
    static constexpr EnumKind kind = EnumKind::kind;
    static constexpr const char* label = "kind";
};
} // namespace detail

/// The enumerator with integer `code`, or nothing when no enumerator has it. Since 0.1.
template <class E>
std::optional<E> from_code(std::int32_t code) noexcept {
    if (!enum_name(detail::EnumTraits<E>::kind, code))
        return std::nullopt;
    return static_cast<E>(code);
}

/// Like `from_code` but throws `errc::out_of_range` naming the enumeration. Since 0.1.
template <class E>
E checked_from_code(std::int32_t code) {
    if (auto e = from_code<E>(code))
        return *e;
    throw error(errc::out_of_range, std::string("unknown ") + detail::EnumTraits<E>::label +
                                        " code " + std::to_string(code));
}

/// The stable name of `e` ("on_site"); "?" for a value outside the enumeration. Since 0.1.
template <class E>
std::string_view to_string(E e) noexcept {
    auto n = enum_name(detail::EnumTraits<E>::kind, static_cast<std::int32_t>(e));
    return n ? *n : std::string_view("?");
}

/// The enumerator named `name`. @throws error `errc::out_of_range` listing the valid names.
/// Since 0.1.
template <class E>
E parse_enum(std::string_view name) {
    constexpr EnumKind kind = detail::EnumTraits<E>::kind;
    if (auto c = enum_code(kind, name))
        return static_cast<E>(*c);
    throw error(errc::out_of_range, std::string("unknown ") + detail::EnumTraits<E>::label + " '" +
                                        std::string(name) + "'; expected one of " +
                                        enum_names(kind));
}

PLAINT_END_NAMESPACE
