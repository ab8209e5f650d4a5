#include "plaint/ledger.hpp"

#include "clock_engine.hpp"
#include "complaint_detail.hpp"
#include "enums_detail.hpp"
#include "error_detail.hpp"
#include "ledger_state.hpp"
#include "profile_detail.hpp"
#include "rules_detail.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <limits>
#include <type_traits>
#include <unordered_map>

PLAINT_BEGIN_NAMESPACE
namespace detail {
namespace {

// ---- compact storage ----
// The budget (≤ 300 bytes per complaint of ~6 events, content aside) rules out a
// Complaint object per complaint: records are packed, strings interned or kept in arenas, and
// events live in one shared array threaded per complaint.

constexpr std::uint32_t none32 = 0xffffffffu;

// A vector in fixed chunks: no doubling slack, no copying on growth.
template <class T>
class Chunked {
public:
    static constexpr std::size_t shift = 12;
    static constexpr std::size_t per = std::size_t(1) << shift;

    std::size_t size() const noexcept { return size_; }
    T& operator[](std::size_t i) noexcept { return chunks_[i >> shift][i & (per - 1)]; }
    const T& operator[](std::size_t i) const noexcept { return chunks_[i >> shift][i & (per - 1)]; }
    void push_back(const T& v) {
        if ((size_ >> shift) == chunks_.size()) {
            chunks_.emplace_back();
            chunks_.back().reserve(per);
        }
        chunks_[size_ >> shift].push_back(v);
        ++size_;
    }
    void truncate(std::size_t n) noexcept {
        while (size_ > n) {
            chunks_[(size_ - 1) >> shift].pop_back();
            --size_;
            if (chunks_.back().empty())
                chunks_.pop_back();
        }
    }
    std::size_t bytes() const noexcept {
        std::size_t b = chunks_.capacity() * sizeof(std::vector<T>);
        for (const auto& c : chunks_)
            b += c.capacity() * sizeof(T);
        return b;
    }
    // Snapshots: the elements as contiguous blocks, and filling an empty one block by block.
    template <class F>
    void for_each_block(F&& f) const {
        for (const auto& c : chunks_)
            f(c.data(), c.size());
    }
    template <class F>
    void fill(std::size_t n, F&& read) {
        for (std::size_t done = 0; done < n;) {
            const std::size_t k = std::min(per, n - done);
            chunks_.emplace_back();
            chunks_.back().reserve(per);
            chunks_.back().resize(k);
            read(chunks_.back().data(), k);
            done += k;
            size_ = done;
        }
    }

private:
    std::vector<std::vector<T>> chunks_;
    std::size_t size_ = 0;
};

struct Span {
    std::uint32_t chunk = 0, off = 0, len = 0;
};

// Append-only text in chunks of at most 1 MiB; a text never spans two chunks (texts are at most
// 64 KiB), so every text is one contiguous view.
class Arena {
public:
    static constexpr std::size_t chunk_size = std::size_t(1) << 20;
    Span put(std::string_view s) {
        if (s.empty())
            return {};
        if (chunks_.empty() || chunks_.back().size() + s.size() > chunk_size)
            chunks_.emplace_back();
        auto& c = chunks_.back();
        Span sp{static_cast<std::uint32_t>(chunks_.size() - 1),
                static_cast<std::uint32_t>(c.size()), static_cast<std::uint32_t>(s.size())};
        c.insert(c.end(), s.begin(), s.end());
        bytes_ += s.size();
        return sp;
    }
    std::string_view get(Span s) const noexcept {
        if (s.len == 0)
            return {};
        return {chunks_[s.chunk].data() + s.off, s.len};
    }
    struct Mark {
        std::size_t chunks = 0, last = 0, bytes = 0;
    };
    Mark mark() const noexcept {
        return {chunks_.size(), chunks_.empty() ? 0 : chunks_.back().size(), bytes_};
    }
    void rollback(const Mark& m) noexcept {
        chunks_.resize(m.chunks);
        if (!chunks_.empty())
            chunks_.back().resize(m.last);
        bytes_ = m.bytes;
    }
    std::size_t bytes() const noexcept { return bytes_; }
    // Snapshots: the chunks as they are (spans name them), and appending one to an arena.
    std::size_t chunk_count() const noexcept { return chunks_.size(); }
    std::string_view chunk(std::size_t i) const noexcept {
        return {chunks_[i].data(), chunks_[i].size()};
    }
    template <class F>
    void add_chunk(std::size_t n, F&& read) {
        chunks_.emplace_back(n);
        read(chunks_.back().data(), n);
        bytes_ += n;
    }
    bool holds(Span s) const noexcept {
        return s.len == 0 || (s.chunk < chunks_.size() &&
                              std::uint64_t(s.off) + s.len <= chunks_[s.chunk].size());
    }
    std::size_t capacity() const noexcept {
        std::size_t b = chunks_.capacity() * sizeof(std::vector<char>);
        for (const auto& c : chunks_)
            b += c.capacity();
        return b;
    }

private:
    std::vector<std::vector<char>> chunks_;
    std::size_t bytes_ = 0;
};

// Interned strings (buildings, units, sub-categories, tags, re-evaluation notes); id 0 is "".
class Pool {
public:
    Pool() { strings_.emplace_back(); }
    Pool(const Pool& o) : strings_(o.strings_) { rebuild(); }
    Pool& operator=(const Pool& o) {
        if (this != &o) {
            strings_ = o.strings_;
            rebuild();
        }
        return *this;
    }
    Pool(Pool&&) = default;
    Pool& operator=(Pool&&) = default;

    std::uint32_t intern(std::string_view s) {
        if (s.empty())
            return 0;
        auto it = map_.find(s);
        if (it != map_.end())
            return it->second;
        strings_.emplace_back(s);
        const auto id = static_cast<std::uint32_t>(strings_.size() - 1);
        map_.emplace(strings_.back(), id);
        return id;
    }
    std::optional<std::uint32_t> find(std::string_view s) const {
        if (s.empty())
            return 0u;
        auto it = map_.find(s);
        if (it == map_.end())
            return std::nullopt;
        return it->second;
    }
    std::string_view get(std::uint32_t id) const noexcept { return strings_[id]; }
    std::size_t size() const noexcept { return strings_.size(); }
    // Snapshots: appends a string as the next id (duplicates are the loader's to refuse).
    bool add(std::string s) {
        strings_.push_back(std::move(s));
        return map_.emplace(strings_.back(), static_cast<std::uint32_t>(strings_.size() - 1))
            .second;
    }
    std::size_t bytes() const noexcept {
        std::size_t b = map_.bucket_count() * sizeof(void*) + map_.size() * 48;
        for (const auto& s : strings_)
            b += sizeof(std::string) + (s.capacity() > 15 ? s.capacity() + 1 : 0);
        return b;
    }

private:
    void rebuild() {
        map_.clear();
        for (std::size_t i = 1; i < strings_.size(); ++i)
            map_.emplace(strings_[i], static_cast<std::uint32_t>(i));
    }
    std::deque<std::string> strings_; // stable addresses for the map's views
    std::unordered_map<std::string_view, std::uint32_t> map_;
};

// One complaint, packed.
struct Rec {
    Instant received = 0;
    Instant deadline = no_instant; // rectification deadline
    Span id, content;
    std::uint32_t building = 0, unit = 0, subcategory = 0;
    std::uint32_t first_ev = none32, last_ev = none32;
    std::uint32_t n_events = 0;
    std::uint32_t tags = 0;  // offset into tag_ids
    std::uint32_t extra = 0; // index into extras (name, contact, remedy); 0: none
    std::int32_t reporters = 1;
    std::uint16_t cycle = 1;
    std::uint16_t missed = 0; // targets of the policy breached so far (bit per target)
    std::uint16_t escalations = 0, reevaluations = 0, unsatisfied = 0;
    std::uint8_t channel = 0, category = 0, nature = 0, severity = 0, state = 0, owner = 0;
    std::uint8_t visit = 0; // latest visit method, 0 none
    std::uint8_t policy = 0xff;
    std::uint8_t rule_nature = 0xff, rule_escalate = 0;
    std::uint8_t plan_visit = 1;
    std::uint8_t n_tags = 0, n_input_tags = 0;
    // Earlier complaints from the same unit within the repeat window when it was taken in, in two
    // bytes, low first (state version 2; these were spare bytes, always zero, in version 1).
    std::uint8_t repeats[2] = {0, 0};
    std::uint8_t spare[3] = {0, 0, 0}; // named padding: snapshots write records as bytes

    std::int32_t repeat_count() const noexcept { return repeats[0] | (repeats[1] << 8); }
    void set_repeat_count(std::size_t n) noexcept {
        const auto v = static_cast<unsigned>(std::min<std::size_t>(n, 0xffff));
        repeats[0] = static_cast<std::uint8_t>(v & 0xff);
        repeats[1] = static_cast<std::uint8_t>(v >> 8);
    }
};

// One event, packed in 16 bytes: instant as seconds after receipt, the next event of the same
// complaint, a note (0 none; high bit: an interned note), type and state after, actor with the
// re-evaluation flag and severity, and one detail (nature, target role or visit method).
struct PEv {
    std::uint32_t delta = 0;
    std::uint32_t next = none32;
    std::uint32_t note = 0;
    std::uint8_t type_to = 0;
    std::uint8_t actor_sev = 0;
    std::uint8_t detail = 0;
    std::uint8_t spare = 0;

    EventType type() const noexcept { return static_cast<EventType>(type_to & 0x0f); }
    State to() const noexcept { return static_cast<State>(type_to >> 4); }
    Role actor() const noexcept { return static_cast<Role>(actor_sev & 0x07); }
    bool derived() const noexcept { return (actor_sev & 0x08) != 0; }
    Severity severity() const noexcept { return static_cast<Severity>(actor_sev >> 4); }
};
static_assert(sizeof(PEv) == 16, "packed event");

constexpr std::uint32_t pooled_note = 0x80000000u;

struct Extra {
    Span name, contact, remedy;
};

void check_text(std::string_view v, std::size_t limit, const char* what) {
    check_size(v, limit, what);
    validate_text(v, what);
}

enum class Trigger { intake, classify, event, sweep };

} // namespace

class LedgerImpl {
public:
    explicit LedgerImpl(const Profile& p) : profile(p) { compile(); }
    LedgerImpl(const LedgerImpl&) = default;

    Profile profile;
    std::vector<CPolicy> policies;

    Chunked<Rec> recs;
    Chunked<PEv> events;
    Arena ids;  // ids, names, contacts: counted as overhead
    Arena text; // contents, remedies, notes
    Pool pool;  // buildings, units, sub-categories, tags, re-evaluation notes
    std::vector<std::uint32_t> tag_ids;
    std::vector<Span> notes = std::vector<Span>(1);
    std::vector<Extra> extras = std::vector<Extra>(1);
    std::vector<std::pair<std::uint32_t, Instant>> deadlines; // by event index, ascending
    std::vector<std::uint32_t> slots;                         // id index, open addressing
    std::size_t slot_used = 0;
    // The receipt instants of each unit's complaints (building and unit interned ids), sorted:
    // derived, for repeat counts; rebuilt on snapshot load.
    std::unordered_map<std::uint64_t, std::vector<Instant>> by_unit;

    // Scratch, reused so that the hot path allocates nothing once warm.
    std::vector<EvLite> scratch_ev;
    Facts facts;
    Decision decision;
    std::vector<std::string_view> missed_names;

    // ---- set-up ----
    void compile() {
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
    }

    std::uint8_t policy_index(std::optional<std::string_view> name) const {
        if (!name)
            return 0xff;
        for (std::size_t i = 0; i < policies.size(); ++i)
            if (policies[i].name == *name)
                return static_cast<std::uint8_t>(i);
        return 0xff;
    }

    // ---- the id index ----
    static std::size_t hash(std::string_view s) noexcept {
        return std::hash<std::string_view>{}(s);
    }
    std::string_view id_of(std::uint32_t ci) const noexcept { return ids.get(recs[ci].id); }

    std::optional<std::uint32_t> find(std::string_view id) const noexcept {
        if (slots.empty())
            return std::nullopt;
        const std::size_t m = slots.size() - 1;
        for (std::size_t i = hash(id) & m;; i = (i + 1) & m) {
            const std::uint32_t s = slots[i];
            if (s == none32)
                return std::nullopt;
            if (id_of(s) == id)
                return s;
        }
    }
    void index_insert(std::uint32_t ci) {
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
    void place(std::uint32_t ci) {
        const std::size_t m = slots.size() - 1;
        std::size_t i = hash(id_of(ci)) & m;
        while (slots[i] != none32)
            i = (i + 1) & m;
        slots[i] = ci;
        ++slot_used;
    }
    // Backward-shift deletion (linear probing), for rolling back an intake.
    void index_erase(std::uint32_t ci) noexcept {
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
    struct Mark {
        std::size_t recs, events, tag_ids, notes, extras, deadlines;
        Arena::Mark ids, text;
    };
    Mark mark() const {
        return {recs.size(),   events.size(),    tag_ids.size(), notes.size(),
                extras.size(), deadlines.size(), ids.mark(),     text.mark()};
    }
    void rollback(const Mark& m) noexcept {
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
        ids.rollback(m.ids);
        text.rollback(m.text);
    }
    // A write to an existing complaint rolls back with its record as it was: the events appended
    // after the mark are gone, so the record's last event again ends its chain (it pointed at
    // the first of them, a slot now free or another complaint's).
    void rollback(const Mark& m, std::uint32_t ci, const Rec& saved) noexcept {
        rollback(m);
        recs[ci] = saved;
        if (saved.last_ev != none32)
            events[saved.last_ev].next = none32;
    }

    // ---- reading a complaint ----
    Instant last_at(const Rec& r) const noexcept {
        return r.received + static_cast<Instant>(events[r.last_ev].delta);
    }
    Instant deadline_of(std::uint32_t ev) const noexcept {
        auto it = std::lower_bound(deadlines.begin(), deadlines.end(), ev,
                                   [](const std::pair<std::uint32_t, Instant>& a, std::uint32_t k) {
                                       return a.first < k;
                                   });
        return it != deadlines.end() && it->first == ev ? it->second : no_instant;
    }
    std::string_view note_of(const PEv& e) const noexcept {
        if (e.note == 0)
            return {};
        if (e.note & pooled_note)
            return pool.get(e.note & ~pooled_note);
        return text.get(notes[e.note]);
    }
    // Event `i` of complaint `r` as its log holds it, the note left out unless asked for. The
    // details' codes are taken as stored (the snapshot loader checks them first).
    Event event_at(const Rec& r, std::uint32_t i, bool with_note) const {
        const PEv& pe = events[i];
        Event e = Event::of(pe.type(), r.received + static_cast<Instant>(pe.delta), pe.actor(),
                            with_note ? std::string(note_of(pe)) : std::string());
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
        return e;
    }
    // The complaint's events, in order, for the clock engine.
    const std::vector<EvLite>& gather(const Rec& r, std::vector<EvLite>& out) const {
        out.clear();
        for (std::uint32_t i = r.first_ev; i != none32; i = events[i].next) {
            const PEv& e = events[i];
            const EventType t = e.type();
            out.push_back({r.received + static_cast<Instant>(e.delta), t,
                           t == EventType::unsatisfied ? deadline_of(i) : no_instant});
        }
        return out;
    }

    // Targets breached as of `at` under the complaint's policy (a bit per target).
    std::uint16_t missed_mask(const Rec& r, Instant at) {
        if (r.policy == 0xff)
            return 0;
        gather(r, scratch_ev);
        std::uint16_t m = 0;
        run_clocks(policies[r.policy], scratch_ev.data(), scratch_ev.size(), at, false,
                   [&](const LiteClock& c) {
                       if (c.state == ClockState::breached)
                           m = static_cast<std::uint16_t>(m | (1u << c.target));
                   });
        return m;
    }

    // ---- repeat complaints ----
    static std::uint64_t unit_key(const Rec& r) noexcept {
        return (static_cast<std::uint64_t>(r.building) << 32) | r.unit;
    }
    // Complaints of r's unit received in [received - window, received): the repeat count.
    std::size_t count_repeats(const Rec& r) const {
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
    void unit_insert(const Rec& r) {
        if (r.unit == 0)
            return;
        std::vector<Instant>& v = by_unit[unit_key(r)];
        v.insert(std::upper_bound(v.begin(), v.end(), r.received), r.received);
    }
    std::size_t unit_index_bytes() const noexcept {
        // Each node: the key, the vector, the hash-chain link (libstdc++ caches no hash for
        // integer keys); each bucket a pointer.
        std::size_t n = by_unit.bucket_count() * sizeof(void*);
        for (const auto& [key, v] : by_unit)
            n += sizeof(void*) + sizeof(key) + sizeof(v) + v.capacity() * sizeof(Instant);
        return n;
    }
    void unit_erase(const Rec& r) noexcept {
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
    std::uint32_t append_event(Rec& r, const PEv& pe) {
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

    std::uint32_t add_intake(const Intake& in) {
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
                                                " is outside 1.." +
                                                std::to_string(Limits::reporters));
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
            pe.type_to = static_cast<std::uint8_t>(static_cast<unsigned>(EventType::receive) |
                                                   (static_cast<unsigned>(State::received) << 4));
            pe.actor_sev = static_cast<std::uint8_t>(Role::duty_staff);
            const auto ci = static_cast<std::uint32_t>(recs.size());
            append_event(r, pe);
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

    // Complaint::apply's checks (src/complaint.cpp), on the packed record.
    void add_event(std::uint32_t ci, const Event& e) {
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
        if (r0.n_events >= Limits::ledger_events)
            throw error(errc::too_large, "a complaint in a ledger holds at most " +
                                             std::to_string(Limits::ledger_events) +
                                             " events (its log holds " +
                                             std::to_string(r0.n_events) + ")");
        const Instant last = last_at(r0);
        if (e.at < last)
            throw error(errc::out_of_order, "event '" + std::string(to_string(e.type)) + "' at " +
                                                std::to_string(e.at) +
                                                " is earlier than the last event, at " +
                                                std::to_string(last));
        // The store keeps an event's time as 32 bits of seconds after receipt: at most
        // 2^32 - 1. The difference taken unsigned: e.at >= received, and e.at - received as
        // int64 overflows for a receipt before 1970 and an event near INT64_MAX.
        if (static_cast<std::uint64_t>(e.at) - static_cast<std::uint64_t>(r0.received) > none32)
            throw error(errc::out_of_range, "an event 2^32 seconds (136 years) or more after "
                                            "receipt; the ledger keeps at most 2^32 - 1");
        const std::optional<State> next = transition(state, e.type);
        if (!next)
            throw error(errc::illegal_transition, detail::illegal(state, e.type));
        if (const char* why = detail::blocked_by(nature, owner, e.type))
            throw error(errc::illegal_transition, detail::illegal(state, e.type, why));
        detail::check_details(state, owner, e);
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
        try {
            pe.delta = static_cast<std::uint32_t>(e.at - r0.received);
            pe.type_to = static_cast<std::uint8_t>(static_cast<unsigned>(e.type) |
                                                   (static_cast<unsigned>(*next) << 4));
            pe.actor_sev = static_cast<std::uint8_t>(static_cast<unsigned>(e.actor) |
                                                     (static_cast<unsigned>(sev) << 4));
            pe.detail = detail;
            if (!e.note.empty()) {
                notes.push_back(text.put(e.note));
                pe.note = static_cast<std::uint32_t>(notes.size() - 1);
            }
            Rec& r = recs[ci];
            const std::uint32_t idx = append_event(r, pe);
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
            throw;
        }
    }

    // After an event: the targets missed so far, and the rules again when that set grew or the
    // event is one the rules read (DOMAIN.md §3: re-evaluation on events).
    void derive(std::uint32_t ci, Instant at, EventType type) {
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
    bool rules(std::uint32_t ci, Instant at, Trigger trigger) {
        Rec& r = recs[ci];
        Facts& f = facts;
        f.channel = static_cast<Channel>(r.channel);
        f.category = static_cast<Category>(r.category);
        f.nature = static_cast<Nature>(r.nature);
        f.severity = static_cast<Severity>(r.severity);
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

        r.rule_nature = d.nature ? static_cast<std::uint8_t>(*d.nature) : 0xff;
        r.rule_escalate = d.escalate_to ? static_cast<std::uint8_t>(*d.escalate_to) : 0;
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
            transition(static_cast<State>(r.state), EventType::classify)) {
            std::string note = "re-evaluated by the profile's rules:";
            for (auto id : d.matched)
                note += " " + std::string(id);
            PEv pe;
            pe.delta = static_cast<std::uint32_t>(at - r.received);
            pe.type_to = static_cast<std::uint8_t>(static_cast<unsigned>(EventType::classify) |
                                                   (static_cast<unsigned>(r.state) << 4));
            const Severity new_sev = severity_up ? *d.severity : Severity::unset;
            pe.actor_sev =
                static_cast<std::uint8_t>(r.owner | 0x08u | (static_cast<unsigned>(new_sev) << 4));
            pe.detail = static_cast<std::uint8_t>(nature_up ? *d.nature : judged);
            pe.note = pool.intern(note) | pooled_note;
            append_event(r, pe);
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

    // ---- queries ----
    template <class F>
    void lite_clocks(const Rec& r, Instant at, F&& f) const {
        if (r.policy == 0xff)
            return;
        thread_local std::vector<EvLite> ev;
        gather(r, ev);
        run_clocks(policies[r.policy], ev.data(), ev.size(), at, true, f);
    }
};

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
        const std::optional<State> next = transition(state, type);
        if (!next || detail::blocked_by(nature, owner, type))
            corrupt(who() + "an event its state does not allow");
        if ((type == EventType::classify && !valid<Nature>(pe.detail)) ||
            ((type == EventType::assign || type == EventType::escalate) &&
             !valid<Role>(pe.detail)) ||
            (type == EventType::visit && !valid<VisitMethod>(pe.detail)))
            corrupt(who() + "an event's nature, role or visit method is out of range");
        const Event e = m.event_at(x, i, false);
        try {
            detail::check_details(state, owner, e);
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

void check_state(const LedgerImpl& m) {
    if (m.notes.empty() || m.extras.empty())
        corrupt("the note or extra table lacks its empty first entry");
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
            !valid<VisitMethod>(x.plan_visit))
            corrupt(who() + "an enumeration or SLA policy out of range");
        if (x.n_events == 0)
            corrupt(who() + "it has no events");
        std::uint32_t i = x.first_ev;
        for (std::uint32_t k = 0; k < x.n_events; ++k) {
            if (i >= m.events.size() || seen[i])
                corrupt(who() + "its event chain is broken");
            seen[i] = true;
            const PEv& e = m.events[i];
            const bool note_ok = (e.note & pooled_note) ? (e.note & ~pooled_note) < m.pool.size()
                                                        : e.note < m.notes.size();
            if (!valid<EventType>(e.type_to & 0x0fu) || !valid<State>(e.type_to >> 4) ||
                !valid<Role>(e.actor_sev & 0x07u) || !valid<Severity>(e.actor_sev >> 4) || !note_ok)
                corrupt(who() + "an event's type, state, actor, severity or note is out of range");
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
           m.slots.capacity() * 4 + (m.text.capacity() - m.text.bytes()) + m.unit_index_bytes();
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

std::size_t Ledger::add(const Complaint& c) {
    Intake in;
    in.id = c.id();
    in.received = c.received();
    in.channel = c.channel();
    in.category = c.category();
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
    return v;
}

Complaint Ledger::complaint(std::size_t index, bool with_reevaluations) const {
    const ComplaintView v = view(index);
    const auto& m = *impl_;
    const Rec& r = m.recs[index];
    Complaint c(v.id, v.received);
    c.set_channel(v.channel);
    c.set_category(v.category);
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
        out.push_back({r.received + static_cast<Instant>(pe.delta), t, pe.actor(), pe.derived(),
                       has_detail ? static_cast<std::int32_t>(pe.detail) : 0});
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
    m.gather(r, ev);
    const detail::CPolicy& p = m.policies[r.policy];
    detail::run_clocks(p, ev.data(), ev.size(), at, false, [&](const detail::LiteClock& c) {
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
            e.note.assign(m.note_of(pe));
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
            out.impl_->add_event(nci, e);
        }
    }
    return out;
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
