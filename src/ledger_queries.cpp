// The ledger's queries (ledger.hpp): one complaint read back (its view, its whole log, its clocks,
// events and tags), and the whole ledger asked (a selection, clocks, escalations and return visits
// due, visit quotas), all on the packed stores (ledger_impl.hpp) without rebuilding a Complaint.
#include "plaint/ledger.hpp"

#include "error_detail.hpp"
#include "ledger_impl.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Event `i` of complaint `r` as its log holds it, the note left out unless asked for. The
// details' codes are taken as stored (the snapshot loader checks them first).
Event LedgerImpl::event_at(const Rec& r, std::uint32_t i, bool with_note) const {
    const PEv& pe = events[i];
    Event e = Event::of(pe.type(), r.received + static_cast<Instant>(pe.delta), pe.actor(),
                        with_note ? std::string(note_of(i)) : std::string());
    switch (pe.type()) {
    case EventType::classify:
        e.nature = static_cast<Nature>(pe.detail);
        e.severity = pe.severity();
        break;
    case EventType::assign:
    case EventType::escalate:
        e.target = static_cast<Role>(pe.detail);
        break;
    case EventType::visit:
        e.method = static_cast<VisitMethod>(pe.detail);
        break;
    case EventType::unsatisfied:
        e.deadline = deadline_of(i);
        break;
    default:
        break;
    }
    e.handler.assign(pool.get(pe.handler));
    e.team.assign(team_name(pe.team()));
    return e;
}

} // namespace detail

using detail::Rec;

std::optional<std::size_t> Ledger::find(std::string_view id) const noexcept {
    auto ci = impl_->find(id);
    if (!ci)
        return std::nullopt;
    return *ci;
}

ComplaintView Ledger::view(std::size_t index) const {
    if (index >= size())
        throw error(errc::out_of_range, "no complaint at index " + std::to_string(index));
    const auto& m = *impl_;
    const Rec& r = m.recs[index];
    ComplaintView v;
    v.index = index;
    v.id = m.ids.get(r.id);
    v.received = r.received;
    v.channel = static_cast<Channel>(r.channel);
    v.category = static_cast<Category>(r.category);
    v.kind = r.kind_of();
    v.kind_decided = (r.kind & detail::kind_decided) != 0;
    v.subcategory = m.pool.get(r.subcategory);
    v.building = m.pool.get(r.building);
    v.unit = m.pool.get(r.unit);
    v.content = m.text.get(r.content);
    v.reporter_count = r.reporters;
    v.repeat_count = r.repeat_count();
    v.state = static_cast<State>(r.state);
    v.owner = static_cast<Role>(r.owner);
    v.nature = static_cast<Nature>(r.nature);
    v.severity = static_cast<Severity>(r.severity);
    if (r.visit)
        v.visit_method = static_cast<VisitMethod>(r.visit);
    if (r.deadline != detail::no_instant)
        v.rectification_deadline = r.deadline;
    v.cycle = r.cycle;
    v.event_count = r.n_events;
    v.last_event_at = m.last_at(r);
    v.escalations = r.escalations;
    v.reevaluations = r.reevaluations;
    if (r.policy != 0xff)
        v.sla_policy = m.policies[r.policy].name;
    if (r.rule_nature != 0xff)
        v.rule_nature = static_cast<Nature>(r.rule_nature);
    if (r.rule_escalate)
        v.rule_escalate_to = static_cast<Role>(r.rule_escalate);
    v.planned_visit = static_cast<VisitMethod>(r.plan_visit);
    if (const std::uint32_t h = m.owners[index])
        v.handler = m.pool.get(h);
    if (r.team | r.rule_team) {
        v.team = m.team_name(r.team ? r.team : r.rule_team);
        v.team_from_rules = r.team == 0;
        v.rule_team = m.team_name(r.rule_team);
    }
    return v;
}

Complaint Ledger::complaint(std::size_t index, bool with_reevaluations) const {
    const ComplaintView v = view(index);
    const auto& m = *impl_;
    const Rec& r = m.recs[index];
    Complaint c(v.id, v.received);
    c.set_channel(v.channel);
    c.set_category(v.category);
    c.set_kind(v.kind);
    c.set_subcategory(v.subcategory);
    c.set_building(v.building);
    c.set_unit(v.unit);
    c.set_content(v.content);
    c.set_reporter_count(v.reporter_count);
    if (r.extra) {
        const auto& x = m.extras[r.extra];
        c.set_name(m.ids.get(x.name));
        c.set_contact(m.ids.get(x.contact));
        c.set_remedy(m.text.get(x.remedy));
    }
    for (std::uint32_t i = 0; i < r.n_tags; ++i)
        c.add_tag(m.pool.get(m.tag_ids[r.tags + i]));
    for (std::uint32_t i = m.events[r.first_ev].next; i != detail::none32; i = m.events[i].next) {
        if (m.events[i].derived() && !with_reevaluations)
            continue;
        c.apply(m.event_at(r, i, true));
    }
    return c;
}

std::vector<Clock> Ledger::clocks(std::size_t index, Instant at) const {
    if (index >= size())
        throw error(errc::out_of_range, "no complaint at index " + std::to_string(index));
    const auto& m = *impl_;
    const Rec& r = m.recs[index];
    std::vector<Clock> out;
    m.lite_clocks(r, at, [&](const detail::LiteClock& c) {
        out.push_back(detail::to_clock(m.policies[r.policy], c));
    });
    return out;
}

void Ledger::events_brief(std::size_t index, std::vector<EventBrief>& out) const {
    if (index >= size())
        throw error(errc::out_of_range, "no complaint at index " + std::to_string(index));
    const auto& m = *impl_;
    const Rec& r = m.recs[index];
    out.clear();
    for (std::uint32_t i = r.first_ev; i != detail::none32; i = m.events[i].next) {
        const detail::PEv& pe = m.events[i];
        const EventType t = pe.type();
        const bool has_detail = t == EventType::classify || t == EventType::assign ||
                                t == EventType::escalate || t == EventType::visit;
        EventBrief b;
        b.at = r.received + static_cast<Instant>(pe.delta);
        b.type = t;
        b.actor = pe.actor();
        b.derived = pe.derived();
        b.detail = has_detail ? static_cast<std::int32_t>(pe.detail) : 0;
        if (pe.handler)
            b.handler = m.pool.get(pe.handler);
        if (pe.team())
            b.team = m.team_name(pe.team());
        out.push_back(b);
    }
}

void Ledger::clocks_brief(std::size_t index, Instant at, std::vector<ClockBrief>& out) const {
    if (index >= size())
        throw error(errc::out_of_range, "no complaint at index " + std::to_string(index));
    const auto& m = *impl_;
    const Rec& r = m.recs[index];
    out.clear();
    if (r.policy == 0xff)
        return;
    thread_local std::vector<detail::EvLite> ev;
    const detail::CPolicy& p = m.policies[r.policy];
    m.run(r, at, false, ev, [&](const detail::LiteClock& c) {
        ClockBrief b;
        b.target = c.target;
        b.kind = p.targets[c.target].t->kind;
        b.state = c.state;
        b.cycle = c.cycle;
        b.round = c.round;
        if (c.has_started)
            b.started = c.started;
        if (c.has_stopped)
            b.stopped = c.stopped;
        if (c.has_due)
            b.due = c.due;
        b.duration = c.duration;
        b.elapsed = c.elapsed;
        out.push_back(b);
    });
}

void Ledger::tags(std::size_t index, std::vector<std::string_view>& out) const {
    if (index >= size())
        throw error(errc::out_of_range, "no complaint at index " + std::to_string(index));
    const auto& m = *impl_;
    const Rec& r = m.recs[index];
    out.clear();
    for (std::uint32_t i = 0; i < r.n_tags; ++i)
        out.push_back(m.pool.get(m.tag_ids[r.tags + i]));
}

std::vector<std::size_t> Ledger::select(const Query& q) const {
    const auto& m = *impl_;
    std::vector<std::size_t> out;
    std::uint32_t building = 0;
    if (q.building) {
        auto b = m.pool.find(*q.building);
        if (!b)
            return out;
        building = *b;
    }
    for (std::size_t ci = 0; ci < m.recs.size(); ++ci) {
        const Rec& r = m.recs[ci];
        if ((q.state && static_cast<State>(r.state) != *q.state) ||
            (q.owner && static_cast<Role>(r.owner) != *q.owner) ||
            (q.building && r.building != building) ||
            (q.category && static_cast<Category>(r.category) != *q.category) ||
            (q.kind && r.kind_of() != *q.kind) ||
            (q.team && m.team_name(r.team ? r.team : r.rule_team) != *q.team) ||
            (q.handler && m.pool.get(m.owners[ci]) != *q.handler) ||
            (q.nature && static_cast<Nature>(r.nature) != *q.nature) ||
            (q.severity && static_cast<Severity>(r.severity) != *q.severity) ||
            (q.open_only && static_cast<State>(r.state) == State::closed) ||
            (q.received_from && r.received < *q.received_from) ||
            (q.received_before && r.received >= *q.received_before))
            continue;
        out.push_back(ci);
    }
    return out;
}

std::vector<LedgerClock> Ledger::clocks_at(Instant at, ClockFilter filter) const {
    const auto& m = *impl_;
    std::vector<LedgerClock> out;
    for (std::size_t ci = 0; ci < m.recs.size(); ++ci) {
        const Rec& r = m.recs[ci];
        if (r.received > at)
            continue;
        m.lite_clocks(r, at, [&](const detail::LiteClock& c) {
            bool keep = false;
            switch (filter) {
            case ClockFilter::open:
                keep = c.has_started && !c.has_stopped;
                break;
            case ClockFilter::warning:
                keep = c.state == ClockState::warning;
                break;
            case ClockFilter::breached:
                keep = c.state == ClockState::breached;
                break;
            }
            if (keep)
                out.push_back({ci, detail::to_clock(m.policies[r.policy], c)});
        });
    }
    return out;
}

std::vector<EscalationDue> Ledger::escalations_due(Instant at) const {
    const auto& m = *impl_;
    std::vector<EscalationDue> out;
    for (std::size_t ci = 0; ci < m.recs.size(); ++ci) {
        const Rec& r = m.recs[ci];
        if (r.received > at || static_cast<State>(r.state) == State::closed)
            continue;
        int best = r.rule_escalate;
        std::string reason = best ? "rules" : "";
        m.lite_clocks(r, at, [&](const detail::LiteClock& c) {
            if (c.has_stopped)
                return;
            const Target& t = *m.policies[r.policy].targets[c.target].t;
            std::optional<Role> to;
            if (c.state == ClockState::breached)
                to = t.escalate_on_breach;
            else if (c.state == ClockState::warning)
                to = t.escalate_on_warning;
            if (to && static_cast<int>(*to) > best) {
                best = static_cast<int>(*to);
                reason = t.name;
            }
        });
        if (best > r.owner)
            out.push_back({ci, static_cast<Role>(r.owner), static_cast<Role>(best), reason});
    }
    return out;
}

std::vector<VisitDue> Ledger::visits_due() const {
    const auto& m = *impl_;
    std::vector<VisitDue> out;
    for (std::size_t ci = 0; ci < m.recs.size(); ++ci) {
        const Rec& r = m.recs[ci];
        if (static_cast<State>(r.state) != State::resolved)
            continue;
        VisitDue v;
        v.index = ci;
        v.method = static_cast<VisitMethod>(r.plan_visit);
        for (std::uint32_t i = r.first_ev; i != detail::none32; i = m.events[i].next)
            if (m.events[i].type() == EventType::resolve)
                v.resolved_at = r.received + static_cast<Instant>(m.events[i].delta);
        if (r.policy != 0xff && m.policies[r.policy].return_visit >= 0) {
            const auto rv = static_cast<std::uint16_t>(m.policies[r.policy].return_visit);
            m.lite_clocks(r, m.last_at(r), [&](const detail::LiteClock& c) {
                if (c.target == rv && c.has_started && !c.has_stopped && c.has_due)
                    v.due = c.due;
            });
        }
        out.push_back(v);
    }
    return out;
}

std::vector<QuotaCompliance> Ledger::visit_quotas(Instant from, Instant to) const {
    const auto& m = *impl_;
    std::int32_t done[6] = {0, 0, 0, 0, 0, 0};
    for (std::size_t ci = 0; ci < m.recs.size(); ++ci) {
        const Rec& r = m.recs[ci];
        for (std::uint32_t i = r.first_ev; i != detail::none32; i = m.events[i].next) {
            const detail::PEv& pe = m.events[i];
            if (pe.type() != EventType::visit)
                continue;
            const Instant at = r.received + static_cast<Instant>(pe.delta);
            if (at >= from && at < to)
                ++done[static_cast<int>(pe.actor())];
        }
    }
    std::vector<QuotaCompliance> out;
    for (int role = 1; role <= 5; ++role) {
        const auto rr = static_cast<Role>(role);
        const std::int32_t q = m.profile.visit_quota(rr);
        if (q == 0 && done[role] == 0)
            continue;
        out.push_back({rr, done[role], q, done[role] >= q});
    }
    return out;
}

std::pair<Instant, Instant> Ledger::month_range(std::string_view ym, std::int32_t offset) {
    const bool shape =
        ym.size() == 7 && ym[4] == '-' &&
        std::all_of(ym.begin(), ym.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
        ym[5] >= '0' && ym[5] <= '9' && ym[6] >= '0' && ym[6] <= '9';
    if (!shape)
        throw error(errc::parse, "month " + detail::quote(ym) + ": expected YYYY-MM");
    const int year = std::stoi(std::string(ym.substr(0, 4)));
    const int month = std::stoi(std::string(ym.substr(5, 2)));
    if (month < 1 || month > 12)
        throw error(errc::out_of_range, "month " + detail::quote(ym) + ": month out of 01..12");
    if (offset <= -18 * 3600 || offset >= 18 * 3600 || offset % 60 != 0)
        throw error(errc::out_of_range, "a UTC offset is a whole minute within ±18:00");
    auto start = [&](int y, int mo) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-01T00:00:00Z", y, mo);
        return parse_iso8601(buf) - offset;
    };
    const Instant from = start(year, month);
    const Instant to = month == 12 ? start(year + 1, 1) : start(year, month + 1);
    return {from, to};
}

PLAINT_END_NAMESPACE
