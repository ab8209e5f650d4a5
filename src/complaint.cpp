#include "plaint/complaint.hpp"

#include "complaint_detail.hpp"
#include "enums_detail.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <utility>

PLAINT_BEGIN_NAMESPACE

void validate_text(std::string_view text, std::string_view what) {
    detail::check_utf8(text, what);
}

namespace {

const char* field_label(TextField f) {
    switch (f) {
    case TextField::id:
        return "id";
    case TextField::name:
        return "name";
    case TextField::contact:
        return "contact";
    case TextField::building:
        return "building";
    case TextField::unit:
        return "unit";
    case TextField::content:
        return "content";
    case TextField::remedy:
        return "remedy";
    case TextField::subcategory:
        return "subcategory";
    }
    return "?";
}

std::size_t field_limit(TextField f) {
    switch (f) {
    case TextField::id:
        return Limits::id;
    case TextField::content:
    case TextField::remedy:
        return Limits::long_text;
    default:
        return Limits::short_text;
    }
}

} // namespace

namespace detail {

void check_size(std::string_view v, std::size_t limit, const char* what) {
    if (v.size() > limit)
        throw error(errc::too_large, std::string(what) + " is " + std::to_string(v.size()) +
                                         " bytes; the limit is " + std::to_string(limit));
}

std::string illegal(State s, EventType e, const std::string& why) {
    std::string m = "event '" + std::string(to_string(e)) + "' is not allowed in state '" +
                    std::string(to_string(s)) + "'";
    if (!why.empty())
        m += ": " + why;
    return m;
}

} // namespace detail
using detail::check_enum;
using detail::check_size;
using detail::illegal;

Complaint::Complaint(std::string_view id, Instant received) : received_(received) {
    set_text(TextField::id, id);
    Event e;
    e.type = EventType::receive;
    e.at = received;
    e.actor = Role::duty_staff;
    e.from = e.to = State::received;
    events_.push_back(std::move(e));
}

const std::string& Complaint::text(TextField f) const noexcept {
    switch (f) {
    case TextField::id:
        return id_;
    case TextField::name:
        return name_;
    case TextField::contact:
        return contact_;
    case TextField::building:
        return building_;
    case TextField::unit:
        return unit_;
    case TextField::content:
        return content_;
    case TextField::remedy:
        return remedy_;
    case TextField::subcategory:
        return subcategory_;
    }
    return id_; // unreachable for valid fields; set_text rejects the others
}

void Complaint::set_text(TextField f, std::string_view value) {
    const char* label = field_label(f);
    if (*label == '?')
        throw error(errc::out_of_range,
                    "unknown text field code " + std::to_string(static_cast<int>(f)));
    check_size(value, field_limit(f), label);
    validate_text(value, label);
    if (f == TextField::id && value.empty())
        throw error(errc::invalid_argument, "a complaint id must not be empty");
    std::string copy(value); // allocate before touching the complaint
    const_cast<std::string&>(text(f)).swap(copy);
}

void Complaint::set_channel(Channel c) {
    check_enum(c);
    channel_ = c;
}

void Complaint::set_kind(Kind k) {
    check_enum(k);
    for (const Event& e : events_)
        if (e.type != EventType::receive && e.type != EventType::record)
            throw error(errc::illegal_transition,
                        "the kind cannot change once events after 'record' are recorded");
    kind_ = k;
}

void Complaint::set_category(Category c) {
    check_enum(c);
    category_ = c;
}

void Complaint::set_reporter_count(std::int32_t n) {
    if (n < 1 || n > Limits::reporters)
        throw error(errc::out_of_range, "reporter count " + std::to_string(n) + " is outside 1.." +
                                            std::to_string(Limits::reporters));
    reporter_count_ = n;
}

void Complaint::set_received(Instant t) {
    if (events_.size() > 1)
        throw error(errc::illegal_transition,
                    "the received instant cannot move once events after 'receive' are recorded");
    received_ = t;
    events_.front().at = t;
}

void Complaint::add_tag(std::string_view tag) {
    if (tag.empty())
        throw error(errc::invalid_argument, "a tag must not be empty");
    check_size(tag, Limits::tag, "tag");
    validate_text(tag, "tag");
    if (std::find(tags_.begin(), tags_.end(), tag) != tags_.end())
        return;
    if (tags_.size() >= Limits::tags)
        throw error(errc::too_large,
                    "a complaint holds at most " + std::to_string(Limits::tags) + " tags");
    tags_.emplace_back(tag);
}

bool Complaint::remove_tag(std::string_view tag) noexcept {
    auto it = std::find(tags_.begin(), tags_.end(), tag);
    if (it == tags_.end())
        return false;
    tags_.erase(it);
    return true;
}

// Guards on the complaint itself (its nature and owner), beyond the table. Shared by apply and
// allowed_events so that the two never disagree.
const char* detail::blocked_by(Kind kind, Nature nature, Role owner, EventType t) noexcept {
    // The nature guards are a complaint's (DOMAIN.md §3): other kinds are handled, or a repair
    // outside the office's scope explained, whatever nature was noted.
    switch (t) {
    case EventType::assign:
    case EventType::start:
        if (kind == Kind::complaint && nature == Nature::invalid)
            return "an invalid complaint is explained, not handled";
        break;
    case EventType::explain:
        if (kind == Kind::complaint && nature != Nature::invalid)
            return "only an invalid complaint is explained";
        break;
    case EventType::escalate:
        if (owner == Role::company)
            return "the company is the top of the role chain";
        break;
    default:
        break;
    }
    return nullptr;
}

const char* Complaint::blocked_by(EventType t) const noexcept {
    return detail::blocked_by(kind(), nature_, owner_, t);
}

// Guards on the details the event carries.
void detail::check_details(Kind kind, State state, Role owner, const Event& e) {
    switch (e.type) {
    case EventType::classify:
        if (kind != Kind::complaint) // a severity alone may be noted on other kinds
            break;
        if (e.nature == Nature::unjudged)
            throw error(errc::invalid_argument,
                        "event 'classify' needs a nature; when the duty staff cannot judge, "
                        "escalate to the customer-service manager");
        if (e.nature == Nature::invalid &&
            (state == State::in_progress || state == State::waiting ||
             state == State::rectification))
            throw error(errc::illegal_transition,
                        illegal(state, e.type, "a complaint being handled cannot become invalid"));
        break;
    case EventType::escalate:
        if (e.target && *e.target <= owner)
            throw error(errc::invalid_argument, "escalation must go up the role chain: '" +
                                                    std::string(to_string(*e.target)) +
                                                    "' is not above '" +
                                                    std::string(to_string(owner)) + "'");
        break;
    case EventType::visit:
        if (!e.method)
            throw error(errc::invalid_argument, "event 'visit' needs a return-visit method");
        break;
    case EventType::unsatisfied:
        if (!e.deadline)
            throw error(errc::invalid_argument,
                        "event 'unsatisfied' needs a rectification deadline");
        if (*e.deadline <= e.at)
            throw error(errc::invalid_argument,
                        "the rectification deadline " + std::to_string(*e.deadline) +
                            " is not after the event at " + std::to_string(e.at));
        break;
    default:
        break;
    }
}

void detail::check_staff(const Event& e) {
    if (!e.handler.empty())
        validate_staff_id(e.handler, "handler");
    if (!e.team.empty()) {
        if (e.type != EventType::assign && e.type != EventType::escalate)
            throw error(errc::invalid_argument,
                        "a team is given on 'assign' or 'escalate', not on '" +
                            std::string(to_string(e.type)) + "'");
        validate_staff_id(e.team, "team");
    }
}

void Complaint::check_details(const Event& e) const {
    detail::check_details(kind(), state_, owner_, e);
}

void Complaint::apply(const Event& e) {
    // Validate everything first; commit only with operations that cannot throw.
    check_enum(e.type);
    check_enum(e.actor);
    if (e.type == EventType::receive)
        throw error(errc::illegal_transition,
                    "event 'receive' is written when the complaint is created");

    // Keep only the details this event type uses: the others are ignored (neither checked nor
    // logged), so the log reads the same whatever else the caller left in the struct.
    Event rec = Event::of(e.type, e.at, e.actor);
    if (e.type == EventType::classify) {
        check_enum(e.nature);
        check_enum(e.severity);
        rec.nature = e.nature;
        rec.severity = e.severity;
    } else if (e.type == EventType::assign || e.type == EventType::escalate) {
        if (e.target)
            check_enum(*e.target);
        rec.target = e.target;
    } else if (e.type == EventType::visit) {
        if (e.method)
            check_enum(*e.method);
        rec.method = e.method;
    } else if (e.type == EventType::unsatisfied) {
        rec.deadline = e.deadline;
    }
    check_size(e.note, Limits::long_text, "note");
    validate_text(e.note, "note");
    detail::check_staff(e);

    const Instant last = events_.back().at;
    if (e.at < last)
        throw error(errc::out_of_order,
                    "event '" + std::string(to_string(e.type)) + "' at " + std::to_string(e.at) +
                        " is earlier than the last event, at " + std::to_string(last));
    const std::optional<State> next = transition(kind(), state_, e.type);
    if (!next)
        throw error(errc::illegal_transition, illegal(state_, e.type));
    if (const char* why = blocked_by(e.type))
        throw error(errc::illegal_transition, illegal(state_, e.type, why));
    check_details(rec);

    rec.note = e.note;
    rec.handler = e.handler;
    rec.team = e.team;
    // The owner's handler and team after the event, made before anything changes.
    const bool takes = e.type == EventType::assign || e.type == EventType::escalate;
    std::string new_handler = takes ? e.handler : handler_;
    std::string new_team = takes && !e.team.empty() ? e.team : team_;
    rec.from = state_;
    rec.to = *next;
    if (e.type == EventType::assign && !rec.target)
        rec.target = e.actor;
    if (e.type == EventType::escalate && !rec.target)
        rec.target = next_role(owner_);
    // The only step that may throw; nothing changed yet. Growth by doubling: reserving one more
    // slot at a time reallocated the whole log at every event (quadratic in a long log).
    if (events_.size() == events_.capacity())
        events_.reserve(events_.size() * 2 + 4);
    // From here on nothing throws.
    switch (e.type) {
    case EventType::classify:
        nature_ = rec.nature;
        if (rec.severity != Severity::unset)
            severity_ = rec.severity;
        break;
    case EventType::assign:
    case EventType::escalate:
        owner_ = *rec.target;
        handler_.swap(new_handler);
        team_.swap(new_team);
        break;
    case EventType::visit:
        visit_method_ = rec.method;
        break;
    case EventType::unsatisfied:
        deadline_ = rec.deadline;
        break;
    case EventType::resolve:
        deadline_.reset();
        break;
    case EventType::reopen:
        ++cycle_;
        break;
    default:
        break;
    }
    state_ = *next;
    events_.push_back(std::move(rec));
}

std::vector<EventType> Complaint::allowed_events() const {
    std::vector<EventType> out;
    for (std::int32_t code = 1;; ++code) {
        auto t = from_code<EventType>(code);
        if (!t)
            break;
        if (transition(kind(), state_, *t) && !blocked_by(*t))
            out.push_back(*t);
    }
    return out;
}

PLAINT_END_NAMESPACE
