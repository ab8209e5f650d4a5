// The ledger's stored state for snapshots (ledger_state.hpp): the packed stores (ledger_impl.hpp)
// written as they lie, and read back into an empty ledger with every index, span, text and event
// checked before it is trusted.
#include "ledger_state.hpp"

#include "complaint_detail.hpp"
#include "error_detail.hpp"
#include "ledger_impl.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// ---- snapshots (src/snapshot.cpp through src/ledger_state.hpp) ----
// Records, events, spans and extras are written as they lie in memory, a chunk at a time: every
// byte of them is a named field (no padding to leak or to vary from run to run), and the
// snapshot header refuses a machine of another byte order.
static_assert(std::has_unique_object_representations_v<Rec> && sizeof(Rec) == 104, "Rec layout");
static_assert(std::has_unique_object_representations_v<PEv> && sizeof(PEv) == 16, "PEv layout");
static_assert(std::has_unique_object_representations_v<Span> && sizeof(Span) == 12, "Span");
static_assert(std::has_unique_object_representations_v<Extra> && sizeof(Extra) == 36, "Extra");

namespace {

void put_string(StateWriter& w, std::string_view s) {
    w.count(s.size());
    w.bytes(s.data(), s.size());
}

std::string get_string(StateReader& r, const char* what) {
    std::string s(r.items(1, what), '\0');
    r.bytes(s.data(), s.size());
    return s;
}

void put_arena(StateWriter& w, const Arena& a) {
    w.count(a.chunk_count());
    for (std::size_t i = 0; i < a.chunk_count(); ++i)
        put_string(w, a.chunk(i));
}

[[noreturn]] void corrupt(const std::string& what) {
    throw error(errc::parse, "snapshot: inconsistent ledger state: " + what);
}

void get_arena(StateReader& r, Arena& a, const char* what) {
    const std::size_t n = r.items(8, what);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t len = r.items(1, what);
        if (len > Arena::chunk_size)
            corrupt(std::string(what) + " chunk of " + std::to_string(len) + " bytes");
        a.add_chunk(len, [&](char* p, std::size_t k) { r.bytes(p, k); });
    }
}

// Whether `code` is one of E's codes, by a table made once (from_code searches names).
template <class E>
bool valid(unsigned code) {
    static const std::vector<bool> ok = [] {
        std::vector<bool> v(256);
        for (unsigned c = 0; c < 256; ++c)
            v[c] = from_code<E>(static_cast<std::int32_t>(c)).has_value();
        return v;
    }();
    return code < 256 && ok[code];
}

template <class T>
void get_vector(StateReader& r, std::vector<T>& v, const char* what) {
    v.resize(r.items(sizeof(T), what));
    r.bytes(v.data(), v.size() * sizeof(T));
}

// Everything a query or a later write will index with, checked, so that a state that passed the
// checksum but does not hold together (a hostile file) is refused rather than trusted.
// Texts too: each as intake would take it (its size limit, UTF-8 without NUL), so that a loaded
// ledger finds its ids and writes every text back.
void check_loaded_text(std::string_view v, std::size_t limit, const std::string& what) {
    if (v.size() > limit)
        corrupt(what + " is " + std::to_string(v.size()) + " bytes; the limit is " +
                std::to_string(limit));
    try {
        validate_text(v, what);
    } catch (const error& e) {
        corrupt(e.what());
    }
}

// Each complaint's events must replay as `Complaint::apply` takes them — with the ledger's own
// re-evaluation events and without, as `Ledger::complaint` rebuilds them — so that a loaded
// ledger can be read back whole: the receipt first, instants in order, each event one its state,
// nature and owner allow, with valid details. The same checks as a write, on the packed events.
void check_replay(const LedgerImpl& m, const Rec& x, bool with_derived,
                  const std::function<std::string()>& who) {
    const PEv& first = m.events[x.first_ev];
    if (first.type() != EventType::receive || first.delta != 0 ||
        (first.type_to >> 4) != static_cast<unsigned>(State::received))
        corrupt(who() + "its log does not begin with its receipt");
    State state = State::received;
    Nature nature = Nature::unjudged;
    Role owner = Role::duty_staff;
    std::uint32_t last = 0;
    for (std::uint32_t i = first.next; i != none32; i = m.events[i].next) {
        const PEv& pe = m.events[i];
        if (pe.derived() && !with_derived)
            continue;
        const EventType type = pe.type();
        if (pe.delta < last)
            corrupt(who() + "an event earlier than the one before it");
        last = pe.delta;
        if (type == EventType::receive)
            corrupt(who() + "a second receipt");
        const std::optional<State> next = transition(x.kind_of(), state, type);
        if (!next || detail::blocked_by(x.kind_of(), nature, owner, type))
            corrupt(who() + "an event its state does not allow");
        if ((type == EventType::classify && !valid<Nature>(pe.detail)) ||
            ((type == EventType::assign || type == EventType::escalate) &&
             !valid<Role>(pe.detail)) ||
            (type == EventType::visit && !valid<VisitMethod>(pe.detail)))
            corrupt(who() + "an event's nature, role or visit method is out of range");
        const Event e = m.event_at(x, i, false);
        try {
            detail::check_details(x.kind_of(), state, owner, e);
        } catch (const error& err) {
            corrupt(who() + err.what());
        }
        if (type == EventType::classify)
            nature = e.nature;
        else if (type == EventType::assign || type == EventType::escalate)
            owner = *e.target;
        state = *next;
    }
}

// People: interned, valid handler ids; teams of the profile, only on assign and escalate. Notes:
// in order, each one stored.
void check_people_and_notes(const LedgerImpl& m) {
    const std::size_t teams = m.profile.teams().size();
    for (std::size_t i = 0; i < m.events.size(); ++i) {
        const PEv& e = m.events[i];
        if (e.handler >= m.pool.size() || e.team() > teams)
            corrupt("an event's handler or team is out of range");
        const EventType t = e.type();
        if (e.team() != 0 && t != EventType::assign && t != EventType::escalate)
            corrupt("a team on an event other than assign or escalate");
        try {
            if (e.handler)
                validate_staff_id(m.pool.get(e.handler), "handler");
        } catch (const error& err) {
            corrupt(std::string("a handler id: ") + err.what());
        }
    }
    for (std::size_t i = 0; i < m.ev_notes.size(); ++i) {
        const auto [ev, note] = m.ev_notes[i];
        const bool ok = (note & pooled_note)
                            ? (note & ~pooled_note) < m.pool.size() && (note & ~pooled_note) != 0
                            : note < m.notes.size() && note != 0;
        if (ev >= m.events.size() || (i > 0 && ev <= m.ev_notes[i - 1].first) || !ok)
            corrupt("an event's note is out of range or out of order");
    }
}

// Each record's team as its latest assign or escalate names it (after the chains are checked).
void check_record_teams(const LedgerImpl& m) {
    const std::size_t teams = m.profile.teams().size();
    for (std::size_t ci = 0; ci < m.recs.size(); ++ci) {
        const Rec& x = m.recs[ci];
        if (x.team > teams || x.rule_team > teams)
            corrupt("complaint " + std::to_string(ci) + ": its team is out of range");
        std::uint8_t team = 0;
        for (std::uint32_t i = x.first_ev; i != none32; i = m.events[i].next)
            if (m.events[i].team() != 0)
                team = m.events[i].team();
        if (team != x.team || m.owners[ci] != m.owner_handler(x))
            corrupt("complaint " + std::to_string(ci) +
                    ": its team or handler is not what its events name");
    }
}

void check_state(const LedgerImpl& m) {
    if (m.notes.empty() || m.extras.empty())
        corrupt("the note or extra table lacks its empty first entry");
    check_people_and_notes(m); // before anything reads an event's handler, team or note
    for (const Span& s : m.notes)
        if (!m.text.holds(s))
            corrupt("a note lies outside the text store");
        else
            check_loaded_text(m.text.get(s), Limits::long_text, "a note");
    for (const Extra& x : m.extras)
        if (!m.ids.holds(x.name) || !m.ids.holds(x.contact) || !m.text.holds(x.remedy))
            corrupt("a name, contact or remedy lies outside its store");
        else {
            check_loaded_text(m.ids.get(x.name), Limits::short_text, "a name");
            check_loaded_text(m.ids.get(x.contact), Limits::short_text, "a contact");
            check_loaded_text(m.text.get(x.remedy), Limits::long_text, "a remedy");
        }
    // Interned strings are buildings, units, sub-categories, tags and re-evaluation notes: each
    // is checked against its own field's limit below; here, the encoding of all of them.
    for (std::size_t i = 1; i < m.pool.size(); ++i)
        check_loaded_text(m.pool.get(static_cast<std::uint32_t>(i)), Limits::long_text,
                          "an interned string");
    for (std::uint32_t t : m.tag_ids)
        if (t == 0 || t >= m.pool.size())
            corrupt("a tag names no interned string");
        else if (m.pool.get(t).size() > Limits::tag)
            corrupt("a tag is longer than " + std::to_string(Limits::tag) + " bytes");
    for (std::size_t i = 0; i < m.deadlines.size(); ++i)
        if (m.deadlines[i].first >= m.events.size() ||
            (i > 0 && m.deadlines[i].first <= m.deadlines[i - 1].first))
            corrupt("the rectification deadlines are out of order or name no event");
    std::vector<bool> seen(m.events.size());
    std::size_t total = 0;
    for (std::size_t ci = 0; ci < m.recs.size(); ++ci) {
        const Rec& x = m.recs[ci];
        const auto who = [ci] { return "complaint " + std::to_string(ci) + ": "; };
        if (x.id.len == 0 || !m.ids.holds(x.id) || !m.text.holds(x.content))
            corrupt(who() + "its id or content lies outside its store");
        if (x.building >= m.pool.size() || x.unit >= m.pool.size() ||
            x.subcategory >= m.pool.size())
            corrupt(who() + "a building, unit or sub-category names no interned string");
        check_loaded_text(m.ids.get(x.id), Limits::id, who() + "its id");
        check_loaded_text(m.text.get(x.content), Limits::long_text, who() + "its content");
        for (std::uint32_t f : {x.building, x.unit, x.subcategory})
            if (m.pool.get(f).size() > Limits::short_text)
                corrupt(who() + "a building, unit or sub-category is longer than " +
                        std::to_string(Limits::short_text) + " bytes");
        if (std::uint64_t(x.tags) + x.n_tags > m.tag_ids.size() || x.n_input_tags > x.n_tags ||
            x.extra >= m.extras.size())
            corrupt(who() + "its tags or extra fields lie outside their tables");
        if ((x.policy != 0xff && x.policy >= m.policies.size()) || !valid<Channel>(x.channel) ||
            !valid<Category>(x.category) || !valid<Nature>(x.nature) ||
            !valid<Severity>(x.severity) || !valid<State>(x.state) || !valid<Role>(x.owner) ||
            (x.visit != 0 && !valid<VisitMethod>(x.visit)) ||
            (x.rule_nature != 0xff && !valid<Nature>(x.rule_nature)) ||
            (x.rule_escalate != 0 && !valid<Role>(x.rule_escalate)) ||
            !valid<VisitMethod>(x.plan_visit) || !valid<Kind>(x.kind & 0x7fu))
            corrupt(who() + "an enumeration or SLA policy out of range");
        if (x.n_events == 0)
            corrupt(who() + "it has no events");
        std::uint32_t i = x.first_ev;
        for (std::uint32_t k = 0; k < x.n_events; ++k) {
            if (i >= m.events.size() || seen[i])
                corrupt(who() + "its event chain is broken");
            seen[i] = true;
            const PEv& e = m.events[i];
            if (!valid<EventType>(e.type_code()) || !valid<State>(e.type_to >> 4) ||
                !valid<Role>(e.actor_sev & 0x07u) || !valid<Severity>(e.actor_sev >> 4))
                corrupt(who() + "an event's type, state, actor or severity is out of range");
            if (k + 1 == x.n_events && (i != x.last_ev || e.next != none32))
                corrupt(who() + "its event chain does not end at its last event");
            i = e.next;
        }
        check_replay(m, x, true, who);
        check_replay(m, x, false, who);
        total += x.n_events;
    }
    if (total != m.events.size())
        corrupt("events that belong to no complaint");
    check_record_teams(m); // after the chains: it walks them
}

} // namespace

std::size_t StateReader::items(std::size_t item_bytes, const char* what) {
    const std::uint64_t n = count();
    if (n > remaining() / item_bytes)
        throw error(errc::parse, "snapshot: " + std::to_string(n) + " " + what +
                                     " cannot fit in the " + std::to_string(remaining()) +
                                     " bytes left");
    return static_cast<std::size_t>(n);
}

void LedgerAccess::save(const Ledger& ledger, StateWriter& w) {
    const LedgerImpl& m = *ledger.impl_;
    w.count(m.policies.size());
    for (const auto& p : m.policies)
        put_string(w, p.name);
    w.count(m.recs.size());
    m.recs.for_each_block([&](const Rec* p, std::size_t n) { w.bytes(p, n * sizeof(Rec)); });
    w.count(m.events.size());
    m.events.for_each_block([&](const PEv* p, std::size_t n) { w.bytes(p, n * sizeof(PEv)); });
    put_arena(w, m.ids);
    put_arena(w, m.text);
    w.count(m.pool.size() - 1);
    for (std::size_t i = 1; i < m.pool.size(); ++i)
        put_string(w, m.pool.get(static_cast<std::uint32_t>(i)));
    w.count(m.tag_ids.size());
    w.bytes(m.tag_ids.data(), m.tag_ids.size() * sizeof(std::uint32_t));
    w.count(m.notes.size());
    w.bytes(m.notes.data(), m.notes.size() * sizeof(Span));
    w.count(m.extras.size());
    w.bytes(m.extras.data(), m.extras.size() * sizeof(Extra));
    w.count(m.deadlines.size());
    for (const auto& [ev, at] : m.deadlines) {
        w.count(ev);
        w.count(static_cast<std::uint64_t>(at));
    }
    w.count(m.ev_notes.size());
    for (const auto& [ev, note] : m.ev_notes) {
        w.count(ev);
        w.count(note);
    }
    w.count(m.owners.size());
    m.owners.for_each_block(
        [&](const std::uint32_t* p, std::size_t n) { w.bytes(p, n * sizeof(std::uint32_t)); });
}

void LedgerAccess::load(Ledger& ledger, StateReader& r, std::uint32_t version) {
    if (version < 1 || version > ledger_state_version)
        throw error(errc::unsupported, "snapshot: ledger state version " + std::to_string(version) +
                                           " is not one this library reads (1 to " +
                                           std::to_string(ledger_state_version) + ")");
    LedgerImpl& m = *ledger.impl_;
    if (m.recs.size() != 0)
        throw error(errc::internal, "a snapshot is loaded into an empty ledger only");
    const std::size_t np = r.items(8, "SLA policy names");
    if (np != m.policies.size())
        corrupt(std::to_string(np) + " SLA policies; its profile has " +
                std::to_string(m.policies.size()));
    for (std::size_t i = 0; i < np; ++i)
        if (get_string(r, "SLA policy name bytes") != m.policies[i].name)
            corrupt("SLA policy " + std::to_string(i) + " is not the profile's " +
                    quote(m.policies[i].name));
    const std::size_t nr = r.items(sizeof(Rec), "complaints");
    if (nr >= none32 - 1)
        corrupt("too many complaints");
    m.recs.fill(nr, [&](Rec* p, std::size_t k) { r.bytes(p, k * sizeof(Rec)); });
    const std::size_t ne = r.items(sizeof(PEv), "events");
    if (ne >= none32 - 1)
        corrupt("too many events");
    m.events.fill(ne, [&](PEv* p, std::size_t k) { r.bytes(p, k * sizeof(PEv)); });
    get_arena(r, m.ids, "id store chunks");
    get_arena(r, m.text, "text store chunks");
    const std::size_t ns = r.items(8, "interned strings");
    for (std::size_t i = 0; i < ns; ++i) {
        std::string s = get_string(r, "interned string bytes");
        if (s.empty() || !m.pool.add(std::move(s)))
            corrupt("an interned string is empty or repeated");
    }
    get_vector(r, m.tag_ids, "tags");
    get_vector(r, m.notes, "notes");
    get_vector(r, m.extras, "extra fields");
    m.deadlines.resize(r.items(16, "rectification deadlines"));
    for (auto& [ev, at] : m.deadlines) {
        const std::uint64_t e = r.count();
        if (e >= none32)
            corrupt("a rectification deadline names no event");
        ev = static_cast<std::uint32_t>(e);
        at = static_cast<Instant>(r.count());
    }
    if (version < 2)
        for (std::size_t ci = 0; ci < m.recs.size(); ++ci)
            m.recs[ci].set_repeat_count(0); // spare bytes in version 1
    if (version < 3)
        for (std::size_t ci = 0; ci < m.recs.size(); ++ci)
            m.recs[ci].kind = static_cast<std::uint8_t>(Kind::complaint); // a spare byte before
    if (version >= 4) {
        m.ev_notes.resize(r.items(16, "event notes"));
        for (auto& [ev, note] : m.ev_notes) {
            const std::uint64_t e = r.count(), n = r.count();
            if (e >= none32 || n > none32)
                corrupt("an event's note is out of range");
            ev = static_cast<std::uint32_t>(e);
            note = static_cast<std::uint32_t>(n);
        }
        if (r.items(4, "owners") != nr)
            corrupt("its owners do not match its complaints");
        m.owners.fill(nr, [&](std::uint32_t* p, std::size_t k) { r.bytes(p, k * 4); });
    } else {
        // Each event held its note where its handler now is; the records' last two bytes and the
        // events' high bits past the type's fifth were spare, zero.
        for (std::uint32_t i = 0; i < ne; ++i) {
            PEv& e = m.events[i];
            if (e.handler != 0)
                m.ev_notes.emplace_back(i, e.handler);
            e.handler = 0;
            if (e.high > 1)
                corrupt("an event's type is out of range");
        }
        for (std::size_t ci = 0; ci < nr; ++ci) {
            m.recs[ci].team = m.recs[ci].rule_team = 0;
            m.owners.push_back(0); // nobody was named
        }
    }
    check_state(m);
    // The unit index is derived: rebuilt in intake order. Each complaint keeps the repeat count
    // it was classified with.
    for (std::uint32_t ci = 0; ci < nr; ++ci)
        m.unit_insert(m.recs[ci]);
    std::size_t want = 16;
    while (want * 3 < nr * 4)
        want *= 2;
    m.slots.assign(want, none32);
    m.slot_used = nr;
    for (std::uint32_t ci = 0; ci < nr; ++ci) {
        const std::string_view id = m.id_of(ci);
        std::size_t i = LedgerImpl::hash(id) & (want - 1);
        for (; m.slots[i] != none32; i = (i + 1) & (want - 1))
            if (m.id_of(m.slots[i]) == id)
                corrupt("id " + quote(id) + " is repeated");
        m.slots[i] = ci;
    }
}

} // namespace detail

PLAINT_END_NAMESPACE
