// The profile's rules on the ledger's complaints (DOMAIN.md §3, re-evaluation): at intake, after
// each event that may change their answer, in a sweep (`Ledger::reevaluate`), and over a whole log
// under another profile (`Ledger::replay`).
#include "plaint/ledger.hpp"

#include "ledger_impl.hpp"
#include "profile_detail.hpp"
#include "rules_detail.hpp"

#include <algorithm>
#include <string>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Targets breached as of `at` under the complaint's policy (a bit per target).
std::uint16_t LedgerImpl::missed_mask(const Rec& r, Instant at) {
    std::uint16_t m = 0;
    run(r, at, false, scratch_ev, [&](const LiteClock& c) {
        if (c.state == ClockState::breached)
            m = static_cast<std::uint16_t>(m | (1u << c.target));
    });
    return m;
}

// After an event: the targets missed so far, and the rules again when that set grew or the
// event is one the rules read (DOMAIN.md §3: re-evaluation on events).
void LedgerImpl::derive(std::uint32_t ci, Instant at, EventType type) {
    Rec& r = recs[ci];
    const std::uint16_t now = missed_mask(r, at);
    const bool grew = (now & ~r.missed) != 0;
    r.missed = now;
    if (type == EventType::classify)
        rules(ci, at, Trigger::classify);
    else if (grew || type == EventType::unsatisfied || type == EventType::reopen)
        rules(ci, at, Trigger::event);
}

// The profile's rules on the complaint as it stands at `at` (Profile::reevaluate's rules,
// src/profile.cpp, on the packed record): caches the SLA policy, the suggested nature,
// escalation role and return-visit method, and adds a `classify` event when the rules now
// decide a more serious nature or a higher severity. Returns whether it added one.
bool LedgerImpl::rules(std::uint32_t ci, Instant at, Trigger trigger) {
    Rec& r = recs[ci];
    Facts& f = facts;
    f.channel = static_cast<Channel>(r.channel);
    f.category = static_cast<Category>(r.category);
    f.nature = static_cast<Nature>(r.nature);
    f.severity = static_cast<Severity>(r.severity);
    // At intake an unstated kind is the rules' to decide; after it the kind is fixed.
    if (trigger == Trigger::intake && (r.kind & kind_decided))
        f.kind.reset();
    else
        f.kind = r.kind_of();
    f.building = pool.get(r.building);
    f.unit = pool.get(r.unit);
    f.subcategory = pool.get(r.subcategory);
    f.content = text.get(r.content);
    f.tags.clear();
    for (std::uint32_t i = 0; i < r.n_tags; ++i)
        f.tags.push_back(pool.get(tag_ids[r.tags + i]));
    f.reporter_count = r.reporters;
    f.repeat_count = r.repeat_count();
    f.hours_since_received = detail::hours_between(r.received, at);
    f.unsatisfied_visits = r.unsatisfied;
    f.reopens = r.cycle - 1;
    f.received = r.received;
    f.missed_targets.clear();
    if (r.policy != 0xff)
        for (std::size_t t = 0; t < policies[r.policy].targets.size(); ++t)
            if (r.missed & (1u << t))
                f.missed_targets.push_back(policies[r.policy].targets[t].t->name);
    Decision& d = decision;
    profile.rules().classify(f, d);

    if (trigger == Trigger::intake && (r.kind & kind_decided))
        r.kind = static_cast<std::uint8_t>(static_cast<unsigned>(d.kind.value_or(Kind::complaint)) |
                                           kind_decided);
    r.rule_nature = d.nature ? static_cast<std::uint8_t>(*d.nature) : 0xff;
    r.rule_escalate = d.escalate_to ? static_cast<std::uint8_t>(*d.escalate_to) : 0;
    r.rule_team = d.team ? team_index(*d.team) : 0;
    if (trigger == Trigger::intake || trigger == Trigger::classify) {
        r.policy = policy_index(d.sla_policy);
        r.missed = missed_mask(r, at);
    }
    if (trigger == Trigger::intake && !d.tags.empty()) {
        // Tags the rules add, after the intake's own (replay drops them and asks again).
        for (auto t : d.tags) {
            const std::uint32_t id = pool.intern(t);
            const auto b = tag_ids.begin() + r.tags;
            if (std::find(b, tag_ids.end(), id) == tag_ids.end() && r.n_tags < Limits::tags) {
                tag_ids.push_back(id);
                ++r.n_tags;
            }
        }
    }
    const Nature judged = static_cast<Nature>(r.nature);
    const Severity sev = static_cast<Severity>(r.severity);
    const int now = seriousness(judged);
    const bool nature_up = d.nature && now > 0 && seriousness(*d.nature) > now;
    const bool severity_up = d.severity && *d.severity != Severity::unset &&
                             (sev == Severity::unset || *d.severity < sev);
    bool added = false;
    if ((nature_up || severity_up) && judged != Nature::unjudged &&
        transition(r.kind_of(), static_cast<State>(r.state), EventType::classify)) {
        std::string note = "re-evaluated by the profile's rules:";
        for (auto id : d.matched)
            note += " " + std::string(id);
        PEv pe;
        pe.delta = static_cast<std::uint32_t>(at - r.received);
        pe.set_type(EventType::classify, static_cast<State>(r.state));
        const Severity new_sev = severity_up ? *d.severity : Severity::unset;
        pe.actor_sev =
            static_cast<std::uint8_t>(r.owner | 0x08u | (static_cast<unsigned>(new_sev) << 4));
        pe.detail = static_cast<std::uint8_t>(nature_up ? *d.nature : judged);
        const std::uint32_t note_id = pool.intern(note) | pooled_note;
        const std::uint32_t idx = append_event(r, pe);
        ev_notes.emplace_back(idx, note_id);
        r.nature = pe.detail;
        if (severity_up)
            r.severity = static_cast<std::uint8_t>(*d.severity);
        ++r.reevaluations;
        if (nature_up && d.sla_policy)
            r.policy = policy_index(d.sla_policy);
        r.missed = missed_mask(r, at);
        added = true;
    }
    // The return-visit method by the judged nature (the suggested one while unjudged).
    if (d.visit_method) {
        r.plan_visit = static_cast<std::uint8_t>(*d.visit_method);
    } else {
        const Nature jn = static_cast<Nature>(r.nature);
        f.nature = jn != Nature::unjudged ? jn : d.nature.value_or(Nature::unjudged);
        f.severity = static_cast<Severity>(r.severity) != Severity::unset
                         ? static_cast<Severity>(r.severity)
                         : d.severity.value_or(Severity::unset);
        r.plan_visit = static_cast<std::uint8_t>(profile.visit_method(f));
    }
    return added;
}

} // namespace detail

using detail::LedgerImpl;
using detail::Rec;

std::size_t Ledger::reevaluate(Instant now) {
    auto& m = *impl_;
    std::size_t added = 0;
    for (std::uint32_t ci = 0; ci < m.recs.size(); ++ci) {
        Rec& r = m.recs[ci];
        if (static_cast<State>(r.state) == State::closed || m.last_at(r) > now ||
            // now >= the last event >= received: the difference is exact in unsigned arithmetic
            static_cast<std::uint64_t>(now) - static_cast<std::uint64_t>(r.received) >
                detail::none32)
            continue;
        const Rec saved = r;
        const auto mk = m.mark();
        try {
            r.missed = m.missed_mask(r, now);
            if (m.rules(ci, now, detail::Trigger::sweep))
                ++added;
        } catch (...) {
            m.rollback(mk, ci, saved);
            throw;
        }
    }
    return added;
}

Ledger Ledger::replay(const Profile& profile) const {
    Ledger out(profile);
    const auto& m = *impl_;
    out.reserve(size(), event_count());
    Intake in;
    Event e;
    for (std::size_t ci = 0; ci < size(); ++ci) {
        const Rec& r = m.recs[ci];
        in.id = m.ids.get(r.id);
        in.received = r.received;
        in.channel = static_cast<Channel>(r.channel);
        // A kind the rules decided is decided again by the new profile's rules.
        in.kind.reset();
        if (!(r.kind & detail::kind_decided))
            in.kind = r.kind_of();
        in.category = static_cast<Category>(r.category);
        in.subcategory = m.pool.get(r.subcategory);
        in.building = m.pool.get(r.building);
        in.unit = m.pool.get(r.unit);
        in.content = m.text.get(r.content);
        in.reporter_count = r.reporters;
        in.name = in.contact = in.remedy = {};
        if (r.extra) {
            const auto& x = m.extras[r.extra];
            in.name = m.ids.get(x.name);
            in.contact = m.ids.get(x.contact);
            in.remedy = m.text.get(x.remedy);
        }
        in.tags.clear();
        for (std::uint32_t i = 0; i < r.n_input_tags; ++i)
            in.tags.push_back(m.pool.get(m.tag_ids[r.tags + i]));
        const auto nci = static_cast<std::uint32_t>(out.impl_->add_intake(in));
        for (std::uint32_t i = m.events[r.first_ev].next; i != detail::none32;
             i = m.events[i].next) {
            const detail::PEv& pe = m.events[i];
            if (pe.derived())
                continue;
            e = Event::of(pe.type(), r.received + static_cast<Instant>(pe.delta), pe.actor());
            e.note.assign(m.note_of(i));
            e.nature = pe.type() == EventType::classify ? static_cast<Nature>(pe.detail)
                                                        : Nature::unjudged;
            e.severity = pe.type() == EventType::classify ? pe.severity() : Severity::unset;
            e.target.reset();
            e.method.reset();
            e.deadline.reset();
            if (pe.type() == EventType::assign || pe.type() == EventType::escalate)
                e.target = static_cast<Role>(pe.detail);
            if (pe.type() == EventType::visit)
                e.method = static_cast<VisitMethod>(pe.detail);
            if (pe.type() == EventType::unsatisfied)
                e.deadline = m.deadline_of(i);
            e.handler.clear();
            e.team.clear();
            e.handler.assign(m.pool.get(pe.handler));
            e.team.assign(m.team_name(pe.team()));
            out.impl_->add_event(nci, e);
        }
    }
    return out;
}

PLAINT_END_NAMESPACE
