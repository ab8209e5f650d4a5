/// @file workflow.hpp
/// The complaint lifecycle of DOMAIN.md §4 as an explicit state machine: receive → record →
/// judge → handle → return visit → close, with waiting on the resident, rectification until the
/// complainant is satisfied (闭环管理), the explain-and-close path for invalid complaints,
/// escalation up the role chain and reopening. Other kinds of request (DOMAIN.md §8) have their
/// own tables: a repair is assigned without a judged nature, fixed and confirmed with the
/// resident; a consultation is answered and closed; a suggestion or praise is acknowledged and
/// closed. `transition` is the whole table; `Complaint` applies it together with the guards on an
/// event's details.
#pragma once

#include "plaint/config.hpp"
#include "plaint/enums.hpp"

#include <optional>

PLAINT_BEGIN_NAMESPACE

/// The state after `event` in state `from`, or nothing when the event is illegal there. This is
/// the table alone; `Complaint::apply` also checks the event's details (an invalid complaint
/// is explained, never assigned; an unsatisfied visit needs a deadline...). Events that keep
/// the state (re-classification, re-assignment, escalation) return `from`. Thread-safe.
/// Since 0.1.
constexpr std::optional<State> transition(State from, EventType event) noexcept {
    using S = State;
    using E = EventType;
    switch (event) {
    case E::receive:
        return std::nullopt; // only the constructor writes it
    case E::record:
        if (from == S::received)
            return S::recorded;
        break;
    case E::classify:
        if (from == S::recorded)
            return S::classified;
        if (from == S::classified || from == S::assigned || from == S::in_progress ||
            from == S::waiting || from == S::rectification)
            return from;
        break;
    case E::assign:
        if (from == S::classified)
            return S::assigned;
        if (from == S::assigned || from == S::in_progress || from == S::waiting ||
            from == S::rectification)
            return from;
        break;
    case E::start:
        if (from == S::assigned)
            return S::in_progress;
        break;
    case E::wait:
        if (from == S::in_progress)
            return S::waiting;
        break;
    case E::resume:
        if (from == S::waiting)
            return S::in_progress;
        break;
    case E::resolve:
        if (from == S::in_progress || from == S::rectification)
            return S::resolved;
        break;
    case E::visit:
        if (from == S::resolved)
            return S::return_visit;
        break;
    case E::satisfied:
        if (from == S::return_visit)
            return S::closed;
        break;
    case E::unsatisfied:
        if (from == S::return_visit)
            return S::rectification;
        break;
    case E::explain:
        if (from == S::classified || from == S::assigned)
            return S::explained;
        break;
    case E::close:
        if (from == S::explained)
            return S::closed;
        break;
    case E::escalate:
        if (from != S::closed)
            return from;
        break;
    case E::reopen:
        if (from == S::closed)
            return S::recorded;
        break;
    case E::answer:
    case E::acknowledge:
    case E::confirm:
        break; // other kinds' events
    }
    return std::nullopt;
}

/// The state after `event` in state `from` for a request of kind `kind`: the table of each kind
/// (the README draws them). A complaint's is `transition(from, event)`. The others, in short:
/// - repair: a complaint's cycle with `assign` legal from `recorded` (no nature to judge first;
///   `classify` may still set a severity), and the resident's word after the work: `confirm`
///   (resolved → closed) or `unsatisfied` (resolved → rectification: redo by a deadline);
/// - consultation: `record`, then optionally `classify`, `assign`, `start`, `wait`/`resume`, and
///   `answer` (→ closed) from recorded, classified, assigned or in progress;
/// - suggestion and praise: `record`, optionally `classify` and `assign` (passed on to whoever
///   it concerns), and `acknowledge` (→ closed) from recorded, classified or assigned.
/// Every kind may `escalate` while open and `reopen` when closed. Thread-safe. Since 0.7.
constexpr std::optional<State> transition(Kind kind, State from, EventType event) noexcept {
    using S = State;
    using E = EventType;
    switch (kind) {
    case Kind::complaint:
        return transition(from, event);
    case Kind::repair:
        if (event == E::assign && from == S::recorded)
            return S::assigned;
        if (event == E::confirm && from == S::resolved)
            return S::closed;
        if (event == E::unsatisfied && from == S::resolved)
            return S::rectification;
        if (event == E::explain && from == S::recorded)
            return S::explained;
        return transition(from, event);
    case Kind::consultation:
        switch (event) {
        case E::record:
        case E::classify:
        case E::start:
        case E::wait:
        case E::resume:
        case E::escalate:
        case E::reopen:
            return transition(from, event);
        case E::assign:
            if (from == S::recorded || from == S::classified)
                return S::assigned;
            if (from == S::assigned || from == S::in_progress || from == S::waiting)
                return from;
            break;
        case E::answer:
            if (from == S::recorded || from == S::classified || from == S::assigned ||
                from == S::in_progress)
                return S::closed;
            break;
        default:
            break;
        }
        break;
    case Kind::suggestion:
    case Kind::praise:
        switch (event) {
        case E::record:
        case E::escalate:
        case E::reopen:
            return transition(from, event);
        case E::classify:
            if (from == S::recorded)
                return S::classified;
            if (from == S::classified || from == S::assigned)
                return from;
            break;
        case E::assign:
            if (from == S::recorded || from == S::classified)
                return S::assigned;
            if (from == S::assigned)
                return from;
            break;
        case E::acknowledge:
            if (from == S::recorded || from == S::classified || from == S::assigned)
                return S::closed;
            break;
        default:
            break;
        }
        break;
    }
    return std::nullopt;
}

/// True for every state but `closed`. Since 0.1.
constexpr bool is_open(State s) noexcept {
    return s != State::closed;
}

/// The role a complaint escalates to from `r`, or nothing from the top of the chain (company).
/// Since 0.1.
constexpr std::optional<Role> next_role(Role r) noexcept {
    switch (r) {
    case Role::duty_staff:
        return Role::cs_assistant;
    case Role::cs_assistant:
        return Role::cs_manager;
    case Role::cs_manager:
        return Role::general_manager;
    case Role::general_manager:
        return Role::company;
    case Role::company:
        break;
    }
    return std::nullopt;
}

PLAINT_END_NAMESPACE
