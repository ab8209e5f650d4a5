// The ledger (ledger.hpp): complaints taken in and their events written into the packed stores
// (ledger_impl.hpp), each write all or nothing. The profile's rules on the stored complaints are
// in ledger_reevaluation.cpp, the queries in ledger_queries.cpp, snapshots in ledger_state.cpp.
#include "plaint/ledger.hpp"

#include "complaint_detail.hpp"
#include "enums_detail.hpp"
#include "error_detail.hpp"
#include "ledger_impl.hpp"
#include "ledger_state.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {
namespace {

void check_text(std::string_view v, std::size_t limit, const char* what) {
    check_size(v, limit, what);
    validate_text(v, what);
}

} // namespace

// ---- set-up ----
void LedgerImpl::compile() {
    const PolicySet& set = profile.policies();
    const auto names = set.policy_names();
    if (names.size() > 254)
        throw error(errc::unsupported, "a ledger supports at most 254 SLA policies");
    for (const auto& name : names) {
        const Policy* p = set.find(name);
        if (p->targets.size() > 16)
            throw error(errc::unsupported, "SLA policy " + quote(name) +
                                               " has more than 16 targets, the ledger's limit");
        std::vector<const Calendar*> cals;
        for (const Target& t : p->targets)
            cals.push_back(set.calendar(t.calendar));
        policies.push_back(compile_policy(name, *p, cals));
    }
    // Team calendars (README.md, "Teams and their calendars"), by the teams' positions + 1.
    const auto& teams = profile.teams();
    for (std::size_t i = 0; i < teams.size(); ++i) {
        if (teams[i].calendar.empty())
            continue;
        if (team_cals.empty())
            team_cals.resize(teams.size() + 1);
        const Calendar* c = set.calendar(teams[i].calendar);
        if (!c)
            throw error(errc::internal, "undefined calendar " + quote(teams[i].calendar));
        team_cals[i + 1] = cal_ref(c);
    }
}

std::uint8_t LedgerImpl::policy_index(std::optional<std::string_view> name) const {
    if (!name)
        return 0xff;
    for (std::size_t i = 0; i < policies.size(); ++i)
        if (policies[i].name == *name)
            return static_cast<std::uint8_t>(i);
    return 0xff;
}

// ---- the id index ----
void LedgerImpl::index_insert(std::uint32_t ci) {
    if ((slot_used + 1) * 4 > slots.size() * 3) {
        std::vector<std::uint32_t> old(std::max<std::size_t>(16, slots.size() * 2), none32);
        old.swap(slots);
        slot_used = 0;
        for (std::uint32_t s : old)
            if (s != none32)
                place(s);
    }
    place(ci);
}

void LedgerImpl::place(std::uint32_t ci) {
    const std::size_t m = slots.size() - 1;
    std::size_t i = hash(id_of(ci)) & m;
    while (slots[i] != none32)
        i = (i + 1) & m;
    slots[i] = ci;
    ++slot_used;
}

// Backward-shift deletion (linear probing), for rolling back an intake.
void LedgerImpl::index_erase(std::uint32_t ci) noexcept {
    const std::size_t m = slots.size() - 1;
    std::size_t i = hash(id_of(ci)) & m;
    while (slots[i] != ci)
        i = (i + 1) & m;
    std::size_t j = i;
    for (;;) {
        j = (j + 1) & m;
        if (slots[j] == none32)
            break;
        const std::size_t k = hash(id_of(slots[j])) & m;
        if ((j > i && (k <= i || k > j)) || (j < i && (k <= i && k > j))) {
            slots[i] = slots[j];
            i = j;
        }
    }
    slots[i] = none32;
    --slot_used;
}

// ---- rollback: every write is all or nothing ----
void LedgerImpl::rollback(const Mark& m) noexcept {
    while (recs.size() > m.recs) {
        const auto ci = static_cast<std::uint32_t>(recs.size() - 1);
        if (find(id_of(ci)) == ci)
            index_erase(ci);
        unit_erase(recs[ci]);
        recs.truncate(ci);
    }
    events.truncate(m.events);
    tag_ids.resize(m.tag_ids);
    notes.resize(m.notes);
    extras.resize(m.extras);
    deadlines.resize(m.deadlines);
    ev_notes.resize(m.ev_notes);
    owners.truncate(recs.size());
    ids.rollback(m.ids);
    text.rollback(m.text);
}

// A write to an existing complaint rolls back with its record as it was: the events appended
// after the mark are gone, so the record's last event again ends its chain (it pointed at
// the first of them, a slot now free or another complaint's).
void LedgerImpl::rollback(const Mark& m, std::uint32_t ci, const Rec& saved) noexcept {
    rollback(m);
    recs[ci] = saved;
    if (saved.last_ev != none32)
        events[saved.last_ev].next = none32;
}

// ---- repeat complaints ----
// Complaints of r's unit received in [received - window, received): the repeat count.
std::size_t LedgerImpl::count_repeats(const Rec& r) const {
    if (r.unit == 0)
        return 0;
    const auto it = by_unit.find(unit_key(r));
    if (it == by_unit.end())
        return 0;
    const std::vector<Instant>& v = it->second;
    const Duration w = profile.rules().repeat_window();
    const Instant from = r.received < std::numeric_limits<Instant>::min() + w
                             ? std::numeric_limits<Instant>::min()
                             : r.received - w;
    return static_cast<std::size_t>(std::lower_bound(v.begin(), v.end(), r.received) -
                                    std::lower_bound(v.begin(), v.end(), from));
}

void LedgerImpl::unit_insert(const Rec& r) {
    if (r.unit == 0)
        return;
    std::vector<Instant>& v = by_unit[unit_key(r)];
    v.insert(std::upper_bound(v.begin(), v.end(), r.received), r.received);
}

std::size_t LedgerImpl::unit_index_bytes() const noexcept {
    // Each node: the key, the vector, the hash-chain link (libstdc++ caches no hash for
    // integer keys); each bucket a pointer.
    std::size_t n = by_unit.bucket_count() * sizeof(void*);
    for (const auto& [key, v] : by_unit)
        n += sizeof(void*) + sizeof(key) + sizeof(v) + v.capacity() * sizeof(Instant);
    return n;
}

void LedgerImpl::unit_erase(const Rec& r) noexcept {
    if (r.unit == 0)
        return;
    const auto it = by_unit.find(unit_key(r));
    if (it == by_unit.end())
        return;
    std::vector<Instant>& v = it->second;
    const auto at = std::lower_bound(v.begin(), v.end(), r.received);
    if (at != v.end() && *at == r.received)
        v.erase(at);
}

// ---- writing ----
std::uint32_t LedgerImpl::append_event(Rec& r, const PEv& pe) {
    if (events.size() >= none32 - 1)
        throw error(errc::too_large, "the ledger holds at most 4,294,967,293 events");
    const auto idx = static_cast<std::uint32_t>(events.size());
    events.push_back(pe);
    if (r.last_ev != none32)
        events[r.last_ev].next = idx;
    else
        r.first_ev = idx;
    r.last_ev = idx;
    ++r.n_events;
    return idx;
}

std::uint32_t LedgerImpl::add_intake(const Intake& in) {
    check_text(in.id, Limits::id, "id");
    if (in.id.empty())
        throw error(errc::invalid_argument, "a complaint id must not be empty");
    check_enum(in.channel);
    check_enum(in.category);
    check_text(in.subcategory, Limits::short_text, "subcategory");
    check_text(in.building, Limits::short_text, "building");
    check_text(in.unit, Limits::short_text, "unit");
    check_text(in.name, Limits::short_text, "name");
    check_text(in.contact, Limits::short_text, "contact");
    check_text(in.content, Limits::long_text, "content");
    check_text(in.remedy, Limits::long_text, "remedy");
    if (in.reporter_count < 1 || in.reporter_count > Limits::reporters)
        throw error(errc::out_of_range, "reporter count " + std::to_string(in.reporter_count) +
                                            " is outside 1.." + std::to_string(Limits::reporters));
    if (in.tags.size() > Limits::tags)
        throw error(errc::too_large,
                    "a complaint holds at most " + std::to_string(Limits::tags) + " tags");
    for (auto t : in.tags) {
        if (t.empty())
            throw error(errc::invalid_argument, "a tag must not be empty");
        check_text(t, Limits::tag, "tag");
    }
    if (find(in.id))
        throw error(errc::invalid_argument,
                    "a complaint with id " + quote(in.id) + " is already in the ledger");
    if (recs.size() >= none32 - 1)
        throw error(errc::too_large, "the ledger holds at most 4,294,967,293 complaints");

    const Mark m = mark();
    try {
        Rec r;
        r.received = in.received;
        r.id = ids.put(in.id);
        r.content = text.put(in.content);
        r.building = pool.intern(in.building);
        r.unit = pool.intern(in.unit);
        r.subcategory = pool.intern(in.subcategory);
        r.channel = static_cast<std::uint8_t>(in.channel);
        // Unstated: a complaint until the rules, run below, say otherwise.
        r.kind = in.kind ? static_cast<std::uint8_t>(*in.kind)
                         : static_cast<std::uint8_t>(static_cast<unsigned>(Kind::complaint) |
                                                     detail::kind_decided);
        r.category = static_cast<std::uint8_t>(in.category);
        r.nature = static_cast<std::uint8_t>(Nature::unjudged);
        r.severity = static_cast<std::uint8_t>(Severity::unset);
        r.state = static_cast<std::uint8_t>(State::received);
        r.owner = static_cast<std::uint8_t>(Role::duty_staff);
        r.reporters = in.reporter_count;
        r.tags = static_cast<std::uint32_t>(tag_ids.size());
        for (auto t : in.tags) {
            const std::uint32_t id = pool.intern(t);
            if (std::find(tag_ids.begin() + r.tags, tag_ids.end(), id) == tag_ids.end())
                tag_ids.push_back(id);
        }
        r.n_tags = r.n_input_tags = static_cast<std::uint8_t>(tag_ids.size() - r.tags);
        r.set_repeat_count(count_repeats(r));
        if (!in.name.empty() || !in.contact.empty() || !in.remedy.empty()) {
            extras.push_back({ids.put(in.name), ids.put(in.contact), text.put(in.remedy)});
            r.extra = static_cast<std::uint32_t>(extras.size() - 1);
        }
        PEv pe;
        pe.set_type(EventType::receive, State::received);
        pe.actor_sev = static_cast<std::uint8_t>(Role::duty_staff);
        const auto ci = static_cast<std::uint32_t>(recs.size());
        append_event(r, pe);
        owners.push_back(0); // first: a record is never without its owner slot
        recs.push_back(r);
        try {
            unit_insert(r);
        } catch (...) {
            recs.truncate(ci); // not in the unit index: rollback must not take it out
            throw;
        }
        index_insert(ci);
        rules(ci, in.received, Trigger::intake);
        return ci;
    } catch (...) {
        rollback(m);
        throw;
    }
}

std::uint8_t LedgerImpl::team_index(std::string_view id) const {
    const auto& teams = profile.teams();
    const Team* t = profile.find_team(id);
    if (!t) {
        std::string known;
        for (const Team& k : teams)
            known += (known.empty() ? "" : ", ") + k.id;
        throw error(errc::not_found, "unknown team " + quote(id) + "; the profile's teams are " +
                                         (known.empty() ? std::string("none") : known));
    }
    return static_cast<std::uint8_t>(t - teams.data() + 1); // at most PeopleLimits::teams
}

// Complaint::apply's checks (src/complaint.cpp), on the packed record.
void LedgerImpl::add_event(std::uint32_t ci, const Event& e) {
    Rec& r0 = recs[ci];
    check_enum(e.type);
    check_enum(e.actor);
    if (e.type == EventType::receive)
        throw error(errc::illegal_transition,
                    "event 'receive' is written when the complaint is created");
    const State state = static_cast<State>(r0.state);
    const Nature nature = static_cast<Nature>(r0.nature);
    const Role owner = static_cast<Role>(r0.owner);
    PEv pe;
    std::uint8_t detail = 0;
    Severity sev = Severity::unset;
    if (e.type == EventType::classify) {
        check_enum(e.nature);
        check_enum(e.severity);
        detail = static_cast<std::uint8_t>(e.nature);
        sev = e.severity;
    } else if ((e.type == EventType::assign || e.type == EventType::escalate) && e.target) {
        check_enum(*e.target);
    } else if (e.type == EventType::visit && e.method) {
        check_enum(*e.method);
    }
    check_text(e.note, Limits::long_text, "note");
    detail::check_staff(e);
    const std::uint8_t team = e.team.empty() ? 0 : team_index(e.team);
    if (r0.n_events >= Limits::ledger_events)
        throw error(errc::too_large, "a complaint in a ledger holds at most " +
                                         std::to_string(Limits::ledger_events) +
                                         " events (its log holds " + std::to_string(r0.n_events) +
                                         ")");
    const Instant last = last_at(r0);
    if (e.at < last)
        throw error(errc::out_of_order,
                    "event '" + std::string(to_string(e.type)) + "' at " + std::to_string(e.at) +
                        " is earlier than the last event, at " + std::to_string(last));
    // The store keeps an event's time as 32 bits of seconds after receipt: at most
    // 2^32 - 1. The difference taken unsigned: e.at >= received, and e.at - received as
    // int64 overflows for a receipt before 1970 and an event near INT64_MAX.
    if (static_cast<std::uint64_t>(e.at) - static_cast<std::uint64_t>(r0.received) > none32)
        throw error(errc::out_of_range, "an event 2^32 seconds (136 years) or more after "
                                        "receipt; the ledger keeps at most 2^32 - 1");
    const Kind kind = r0.kind_of();
    const std::optional<State> next = transition(kind, state, e.type);
    if (!next)
        throw error(errc::illegal_transition, detail::illegal(state, e.type));
    if (const char* why = detail::blocked_by(kind, nature, owner, e.type))
        throw error(errc::illegal_transition, detail::illegal(state, e.type, why));
    detail::check_details(kind, state, owner, e);
    switch (e.type) {
    case EventType::reopen:
        if (r0.cycle == 0xffff)
            throw error(errc::too_large, "a complaint is reopened at most 65,534 times");
        break;
    default:
        break;
    }
    if (e.type == EventType::assign)
        detail = static_cast<std::uint8_t>(e.target.value_or(e.actor));
    if (e.type == EventType::escalate)
        detail = static_cast<std::uint8_t>(e.target ? *e.target : *next_role(owner));
    if (e.type == EventType::visit)
        detail = static_cast<std::uint8_t>(*e.method);

    const Mark m = mark();
    const Rec saved = r0;
    const std::uint32_t saved_owner = owners[ci];
    try {
        pe.delta = static_cast<std::uint32_t>(e.at - r0.received);
        pe.set_type(e.type, *next);
        pe.actor_sev = static_cast<std::uint8_t>(static_cast<unsigned>(e.actor) |
                                                 (static_cast<unsigned>(sev) << 4));
        pe.detail = detail;
        pe.handler = e.handler.empty() ? 0 : pool.intern(e.handler);
        pe.set_team(team);
        Rec& r = recs[ci];
        const std::uint32_t idx = append_event(r, pe);
        if (!e.note.empty()) {
            notes.push_back(text.put(e.note));
            ev_notes.emplace_back(idx, static_cast<std::uint32_t>(notes.size() - 1));
        }
        if (team)
            r.team = team;
        if (e.type == EventType::assign || e.type == EventType::escalate)
            owners[ci] = pe.handler;
        switch (e.type) {
        case EventType::classify:
            r.nature = detail;
            if (sev != Severity::unset)
                r.severity = static_cast<std::uint8_t>(sev);
            break;
        case EventType::assign:
        case EventType::escalate:
            r.owner = detail;
            if (e.type == EventType::escalate)
                ++r.escalations;
            break;
        case EventType::visit:
            r.visit = detail;
            break;
        case EventType::unsatisfied:
            r.deadline = *e.deadline;
            deadlines.emplace_back(idx, *e.deadline);
            if (r.unsatisfied < 0xffff)
                ++r.unsatisfied;
            break;
        case EventType::resolve:
            r.deadline = no_instant;
            break;
        case EventType::reopen:
            ++r.cycle;
            break;
        default:
            break;
        }
        r.state = static_cast<std::uint8_t>(*next);
        derive(ci, e.at, e.type);
    } catch (...) {
        rollback(m, ci, saved);
        owners[ci] = saved_owner;
        throw;
    }
}

} // namespace detail

using detail::LedgerImpl;
using detail::Rec;

Ledger::Ledger(const Profile& profile) : impl_(std::make_unique<LedgerImpl>(profile)) {}
Ledger::Ledger(const Ledger& o) : impl_(std::make_unique<LedgerImpl>(*o.impl_)) {}
Ledger::Ledger(Ledger&&) noexcept = default;
Ledger& Ledger::operator=(const Ledger& o) {
    if (this != &o)
        impl_ = std::make_unique<LedgerImpl>(*o.impl_);
    return *this;
}
Ledger& Ledger::operator=(Ledger&&) noexcept = default;
Ledger::~Ledger() = default;

const Profile& Ledger::profile() const noexcept {
    return impl_->profile;
}
std::size_t Ledger::size() const noexcept {
    return impl_->recs.size();
}
std::size_t Ledger::event_count() const noexcept {
    return impl_->events.size();
}
std::size_t Ledger::text_bytes() const noexcept {
    return impl_->text.bytes();
}
std::size_t Ledger::memory_bytes() const noexcept {
    const auto& m = *impl_;
    return sizeof(LedgerImpl) + m.recs.bytes() + m.events.bytes() + m.ids.capacity() +
           m.pool.bytes() + m.tag_ids.capacity() * 4 + m.notes.capacity() * sizeof(detail::Span) +
           m.extras.capacity() * sizeof(detail::Extra) + m.deadlines.capacity() * 16 +
           m.ev_notes.capacity() * 8 + m.owners.bytes() + m.slots.capacity() * 4 +
           (m.text.capacity() - m.text.bytes()) + m.unit_index_bytes();
}

void Ledger::reserve(std::size_t complaints, std::size_t events) {
    (void)events; // chunked storage grows without copying; only the id index is sized ahead
    auto& m = *impl_;
    std::size_t want = 16;
    while (want * 3 < (m.slot_used + complaints) * 4)
        want *= 2;
    if (want > m.slots.size()) {
        std::vector<std::uint32_t> old(want, detail::none32);
        old.swap(m.slots);
        m.slot_used = 0;
        for (std::uint32_t s : old)
            if (s != detail::none32)
                m.place(s);
    }
}

std::size_t Ledger::add(const Intake& intake) {
    return impl_->add_intake(intake);
}

namespace {

Intake intake_of(const Complaint& c) {
    Intake in;
    in.id = c.id();
    in.received = c.received();
    in.channel = c.channel();
    in.category = c.category();
    in.kind = c.stated_kind();
    in.subcategory = c.subcategory();
    in.building = c.building();
    in.unit = c.unit();
    in.name = c.name();
    in.contact = c.contact();
    in.content = c.content();
    in.remedy = c.remedy();
    in.reporter_count = c.reporter_count();
    for (const auto& t : c.tags())
        in.tags.push_back(t);
    return in;
}

} // namespace

std::size_t detail::LedgerAccess::add_json(Ledger& ledger, std::string_view text,
                                           std::size_t* events) {
    auto& m = *ledger.impl_;
    const auto mk = m.mark();
    bool added = false;
    std::uint32_t ci = 0;
    try {
        const Complaint c = detail::complaint_from_json(text, [&](const Complaint& shell) {
            // The intake as read (its kind unstated when the text states none), so the rules
            // decide the kind as for any intake; its events are then checked by that kind.
            ci = m.add_intake(intake_of(shell));
            added = true;
            return m.recs[ci].kind_of();
        });
        if (!added) { // read without asking (it always asks when the text is good)
            ci = m.add_intake(intake_of(c));
            added = true;
        }
        for (const Event& e : c.events())
            if (e.type != EventType::receive)
                m.add_event(ci, e);
        if (events)
            *events = c.events().size() - 1;
    } catch (...) {
        if (added)
            m.rollback(mk);
        throw;
    }
    return ci;
}

Instant detail::LedgerAccess::received(const Ledger& ledger, std::size_t index) noexcept {
    return ledger.impl_->recs[index].received;
}

std::size_t Ledger::add(const Complaint& c) {
    const Intake in = intake_of(c);
    auto& m = *impl_;
    const auto mk = m.mark();
    const std::uint32_t ci = m.add_intake(in);
    try {
        for (const Event& e : c.events())
            if (e.type != EventType::receive)
                m.add_event(ci, e);
    } catch (...) {
        m.rollback(mk);
        throw;
    }
    return ci;
}

void Ledger::add_event(std::size_t index, const Event& event) {
    if (index >= size())
        throw error(errc::out_of_range, "no complaint at index " + std::to_string(index));
    impl_->add_event(static_cast<std::uint32_t>(index), event);
}

void Ledger::add_event(std::string_view id, const Event& event) {
    auto ci = impl_->find(id);
    if (!ci)
        throw error(errc::not_found, "no complaint with id " + detail::quote(id));
    impl_->add_event(*ci, event);
}

PLAINT_END_NAMESPACE
