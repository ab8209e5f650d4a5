/// @file complaint.hpp
/// A complaint (客户投诉, DOMAIN.md §2–3): the intake record, its classification, its owning
/// role and its lifecycle state, and the timestamped event log that drove it there. A
/// `Complaint` is mutable and not synchronised: share it between threads only with a lock.
#pragma once

#include "plaint/config.hpp"
#include "plaint/enums.hpp"
#include "plaint/people.hpp"
#include "plaint/time.hpp"
#include "plaint/workflow.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

PLAINT_BEGIN_NAMESPACE

/// Size limits on a complaint's text, in bytes of UTF-8. Since 0.1.
struct Limits {
    static constexpr std::size_t id = 128;          ///< id: 1 to 128 bytes
    static constexpr std::size_t short_text = 256;  ///< name, contact, building, unit, sub-category
    static constexpr std::size_t long_text = 65536; ///< content, remedy, event notes
    static constexpr std::size_t tag = 64;          ///< one tag: 1 to 64 bytes
    static constexpr std::size_t tags = 32;         ///< tags on one complaint
    static constexpr std::int32_t reporters = 1000000; ///< reporter count: 1 to this
    /// Events one complaint's log holds in a ledger, the receipt included: an event is taken
    /// while the log holds fewer (the re-evaluation the rules may add after it can follow).
    /// The ledger derives each event's clocks from the whole log, so this bounds the work one
    /// complaint costs. Since 0.6.
    static constexpr std::size_t ledger_events = 1000;
};

/// One lifecycle event. As input to `Complaint::apply`, `from` and `to` are ignored; in the log
/// they hold the states before and after. Since 0.1.
struct Event {
    EventType type = EventType::record;
    Instant at = 0;                      ///< when it happened (UTC seconds)
    Role actor = Role::duty_staff;       ///< who did it
    std::string note;                    ///< free text, UTF-8, up to `Limits::long_text`
    Nature nature = Nature::unjudged;    ///< classify: the judged nature (required)
    Severity severity = Severity::unset; ///< classify: the severity (unset keeps the current)
    std::optional<Role> target;          ///< assign: new owner (default the actor);
                                         ///< escalate: new owner (default the next role)
    std::optional<VisitMethod> method;   ///< visit: how the return visit is made (required)
    std::optional<Instant> deadline;     ///< unsatisfied: rectification deadline (required)
    /// Who did it: an opaque handler id (`validate_staff_id`), "" for none; on `assign` and
    /// `escalate`, the handler who takes the case ("" leaves it to the role or team). Since 0.7.
    std::string handler;
    /// assign, escalate: the team that takes the case ("" keeps the current one); refused on
    /// other events. A ledger checks it is one of its profile's teams. Since 0.7.
    std::string team;
    State from = State::received; ///< log only: state before
    State to = State::received;   ///< log only: state after

    /// An event with no details: `Event::of(EventType::start, at, Role::cs_assistant)`.
    static Event of(EventType type, Instant at, Role actor = Role::duty_staff,
                    std::string note = {}) {
        Event e;
        e.type = type;
        e.at = at;
        e.actor = actor;
        e.note = std::move(note);
        return e;
    }
};

/// Which text field; the values equal the C ABI's `PLAINT_FIELD_*`. Since 0.1.
enum class TextField : std::int32_t {
    id = 1,
    name = 2,
    contact = 3,
    building = 4,
    unit = 5,
    content = 6,
    remedy = 7,
    subcategory = 8,
};

/// A complaint with its lifecycle. Every setter and `apply` either succeeds or throws
/// `plaint::error` and leaves the complaint exactly as it was. Not thread-safe.
/// Since 0.1.
class Complaint {
public:
    /// A complaint received at `received` by the duty staff: state `received`, owner
    /// `Role::duty_staff`, channel and category `other`, one reporter, and a `receive` event.
    /// @throws error `errc::invalid_argument` for an empty id, `errc::encoding` or
    /// `errc::too_large` for a bad one.
    Complaint(std::string_view id, Instant received);

    const std::string& id() const noexcept { return id_; }
    Instant received() const noexcept { return received_; }
    Channel channel() const noexcept { return channel_; }
    Category category() const noexcept { return category_; }
    /// The kind of request: as stated (`set_kind`), else `Kind::complaint`. Its workflow is
    /// `transition(kind(), state, event)`. Since 0.7.
    Kind kind() const noexcept { return kind_.value_or(Kind::complaint); }
    /// The kind as stated, or nothing when it never was: a ledger's rules may then decide it
    /// (their `kind` output). Since 0.7.
    std::optional<Kind> stated_kind() const noexcept { return kind_; }
    Nature nature() const noexcept { return nature_; }
    Severity severity() const noexcept { return severity_; }
    std::int32_t reporter_count() const noexcept { return reporter_count_; }
    State state() const noexcept { return state_; }
    /// The role that owns the complaint now.
    Role owner() const noexcept { return owner_; }
    /// The method of the latest return visit, if one was made.
    std::optional<VisitMethod> visit_method() const noexcept { return visit_method_; }
    /// The current rectification deadline, while in rectification.
    std::optional<Instant> rectification_deadline() const noexcept { return deadline_; }
    /// The handler who owns the case: the `handler` of the latest `assign` or `escalate`; ""
    /// when none names one. Since 0.7.
    const std::string& handler() const noexcept { return handler_; }
    /// The team that owns the case: the latest `team` an `assign` or `escalate` gave; "" when
    /// none did. Since 0.7.
    const std::string& team() const noexcept { return team_; }
    /// 1 for the first handling cycle, plus one per reopen.
    std::int32_t cycle() const noexcept { return cycle_; }
    const std::vector<std::string>& tags() const noexcept { return tags_; }
    const std::vector<Event>& events() const noexcept { return events_; }

    /// The value of a text field.
    const std::string& text(TextField f) const noexcept;
    /// Sets a text field, after checking its UTF-8, NULs and size limit.
    /// @throws error `errc::encoding`, `errc::too_large`, `errc::invalid_argument` (empty id).
    void set_text(TextField f, std::string_view value);

    void set_name(std::string_view v) { set_text(TextField::name, v); }
    void set_contact(std::string_view v) { set_text(TextField::contact, v); }
    void set_building(std::string_view v) { set_text(TextField::building, v); }
    void set_unit(std::string_view v) { set_text(TextField::unit, v); }
    void set_content(std::string_view v) { set_text(TextField::content, v); }
    void set_remedy(std::string_view v) { set_text(TextField::remedy, v); }
    void set_subcategory(std::string_view v) { set_text(TextField::subcategory, v); }
    const std::string& name() const noexcept { return text(TextField::name); }
    const std::string& contact() const noexcept { return text(TextField::contact); }
    const std::string& building() const noexcept { return text(TextField::building); }
    const std::string& unit() const noexcept { return text(TextField::unit); }
    const std::string& content() const noexcept { return text(TextField::content); }
    const std::string& remedy() const noexcept { return text(TextField::remedy); }
    const std::string& subcategory() const noexcept { return text(TextField::subcategory); }

    /// @throws error `errc::out_of_range` for a value outside the enumeration.
    void set_channel(Channel c);
    /// @throws error `errc::out_of_range` for a value outside the enumeration.
    void set_category(Category c);
    /// States the kind of request. @throws error `errc::out_of_range` for a value outside the
    /// enumeration, `errc::illegal_transition` once events other than `receive` and `record`
    /// are recorded (each kind has its own workflow). Since 0.7.
    void set_kind(Kind k);
    /// @throws error `errc::out_of_range` outside 1 to `Limits::reporters`.
    void set_reporter_count(std::int32_t n);
    /// Moves the received instant (and the `receive` event with it).
    /// @throws error `errc::illegal_transition` once any other event is recorded.
    void set_received(Instant t);

    /// Adds a tag; adding one already present does nothing.
    /// @throws error `errc::invalid_argument` (empty), `errc::encoding`, `errc::too_large`
    /// (a long tag, or more than `Limits::tags`).
    void add_tag(std::string_view tag);
    /// Removes a tag; returns whether it was present.
    bool remove_tag(std::string_view tag) noexcept;

    /// Applies one event. Checks, in order: the event type and enumerations in range, the note,
    /// the handler and team ids (a team only on `assign` and `escalate`, `errc::invalid_argument`),
    /// `at` not earlier than the last event (`errc::out_of_order`), the transition table of the
    /// complaint's kind and the guards (`errc::illegal_transition`, naming the state and the
    /// event), the details the event needs (`errc::invalid_argument`). On any error nothing
    /// changes.
    void apply(const Event& e);

    /// The events legal now, with their guards on the current nature and owner; the events'
    /// own details (a deadline, a method) are not considered.
    std::vector<EventType> allowed_events() const;

private:
    const char* blocked_by(EventType t) const noexcept;
    void check_details(const Event& e) const;

    std::string id_, name_, contact_, building_, unit_, content_, remedy_, subcategory_;
    std::string handler_, team_;
    Instant received_;
    Channel channel_ = Channel::other;
    Category category_ = Category::other;
    std::optional<Kind> kind_;
    Nature nature_ = Nature::unjudged;
    Severity severity_ = Severity::unset;
    std::int32_t reporter_count_ = 1;
    State state_ = State::received;
    Role owner_ = Role::duty_staff;
    std::optional<VisitMethod> visit_method_;
    std::optional<Instant> deadline_;
    std::int32_t cycle_ = 1;
    std::vector<std::string> tags_;
    std::vector<Event> events_;
};

/// Reads a complaint from its JSON form: `{"id", "received" (ISO 8601 text or epoch seconds),
/// "channel", "category", "subcategory", "name", "contact", "building", "unit", "content",
/// "remedy", "reporter_count", "tags"}` (only `id` and `received` are required). An `events`
/// list, as `to_json` writes it, is applied in order (each event's keys: type, at, role, note,
/// nature, severity, target, method, deadline, and since 0.7 handler and team; a `receive`
/// event only first, at `received`). Since 0.7 also `kind`.
/// Unknown keys are errors at every level. The derived `state`, `nature`, `severity` and
/// `owner` that `to_json` writes may be given and must then equal what the events make them.
/// Epoch seconds are taken within years 1400–9999 (`min_text_instant`..`max_text_instant`),
/// so every complaint read is written back. Limits: 4 MiB of text, 8 levels of nesting.
/// @throws error `errc::parse`, `errc::validation` (every problem with its place), and the
/// errors of the setters and of `Complaint::apply`. Since 0.3.
Complaint complaint_from_json(std::string_view json);
/// The JSON form of a complaint, with its event log (`events`: type, at, role, note and the
/// details each event type carries). Since 0.3.
std::string to_json(const Complaint& c);

/// Checks that `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
/// U+10FFFF) with no NUL byte. @throws error `errc::encoding` naming `what` and the byte offset.
/// Since 0.1.
void validate_text(std::string_view text, std::string_view what);

PLAINT_END_NAMESPACE
