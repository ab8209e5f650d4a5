// The ledger's packed storage and LedgerImpl, the class behind `Ledger` (ledger.hpp), shared by
// the ledger's sources: intake, events and the stores (ledger.cpp), the profile's rules on the
// stored complaints (ledger_reevaluation.cpp), the queries (ledger_queries.cpp) and the snapshot
// state (ledger_state.cpp). The readers the queries run per complaint are inline here. Internal.
#pragma once

#include "plaint/config.hpp"
#include "plaint/ledger.hpp"

#include "clock_engine.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// ---- compact storage ----
// The budget (≤ 300 bytes per complaint of ~6 events, content aside) rules out a
// Complaint object per complaint: records are packed, strings interned or kept in arenas, and
// events live in one shared array threaded per complaint.

constexpr std::uint32_t none32 = 0xffffffffu;
constexpr std::uint8_t kind_decided = 0x80; // Rec::kind: the rules decided it

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
    // The kind of request (state version 3; a spare byte, zero, before): its code, with
    // `kind_decided` set when the rules decided it rather than the intake.
    std::uint8_t kind = 1;
    // The owning team, from the latest assign or escalate that named one, and the team the rules
    // dispatch the case to: positions + 1 in the profile's teams, 0 none (state version 4; spare
    // bytes, zero, before). The owning handler is in `LedgerImpl::owners`.
    std::uint8_t team = 0, rule_team = 0;

    Kind kind_of() const noexcept { return static_cast<Kind>(kind & 0x7f); }

    std::int32_t repeat_count() const noexcept { return repeats[0] | (repeats[1] << 8); }
    void set_repeat_count(std::size_t n) noexcept {
        const auto v = static_cast<unsigned>(std::min<std::size_t>(n, 0xffff));
        repeats[0] = static_cast<std::uint8_t>(v & 0xff);
        repeats[1] = static_cast<std::uint8_t>(v >> 8);
    }
};

// One event, packed in 16 bytes: instant as seconds after receipt, the next event of the same
// complaint, its handler (an interned id, 0 none), type (low four bits, the fifth in `high`) and
// state after, actor with the re-evaluation flag and severity, one detail (nature, target role or
// visit method), and in `high` the team an assign or escalate names (position + 1, 0 none).
// Notes are rare: they live in `ev_notes`, not in every event.
// State version 4 (0.7): `handler` held the note before, and `high` only the type's fifth bit
// (version 3) or zero (before).
struct PEv {
    std::uint32_t delta = 0;
    std::uint32_t next = none32;
    std::uint32_t handler = 0;
    std::uint8_t type_to = 0;
    std::uint8_t actor_sev = 0;
    std::uint8_t detail = 0;
    std::uint8_t high = 0; // bit 0: the type's fifth bit; bits 1-7: the team

    void set_type(EventType t, State to) noexcept {
        const auto code = static_cast<unsigned>(t);
        type_to = static_cast<std::uint8_t>((code & 0x0fu) | (static_cast<unsigned>(to) << 4));
        high = static_cast<std::uint8_t>((high & 0xfeu) | ((code >> 4) & 1u));
    }
    unsigned type_code() const noexcept { return (type_to & 0x0fu) | ((high & 1u) << 4); }
    std::uint8_t team() const noexcept { return static_cast<std::uint8_t>(high >> 1); }
    void set_team(std::uint8_t t) noexcept {
        high = static_cast<std::uint8_t>((high & 1u) | (static_cast<unsigned>(t) << 1));
    }
    EventType type() const noexcept { return static_cast<EventType>(type_code()); }
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

// What has the rules run again (LedgerImpl::rules, ledger_reevaluation.cpp).
enum class Trigger { intake, classify, event, sweep };

class LedgerImpl {
public:
    explicit LedgerImpl(const Profile& p) : profile(p) { compile(); }
    LedgerImpl(const LedgerImpl&) = default;

    Profile profile;
    std::vector<CPolicy> policies;
    // The profile's teams' calendars for the clocks (TeamCals), resolved once; empty when no team
    // has a calendar, and the clocks then never look at teams.
    std::vector<CalRef> team_cals;

    Chunked<Rec> recs;
    Chunked<PEv> events;
    Arena ids;  // ids, names, contacts: counted as overhead
    Arena text; // contents, remedies, notes
    Pool pool;  // buildings, units, sub-categories, tags, re-evaluation notes
    std::vector<std::uint32_t> tag_ids;
    std::vector<Span> notes = std::vector<Span>(1);
    std::vector<Extra> extras = std::vector<Extra>(1);
    std::vector<std::pair<std::uint32_t, Instant>> deadlines; // by event index, ascending
    // The events' notes, by event index ascending: an index into `notes`, or `pooled_note` with
    // an interned re-evaluation note.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ev_notes;
    // Per record, the owner's handler: that of its latest assign or escalate (interned, 0 none).
    Chunked<std::uint32_t> owners;
    std::vector<std::uint32_t> slots; // id index, open addressing
    std::size_t slot_used = 0;
    // The receipt instants of each unit's complaints (building and unit interned ids), sorted:
    // derived, for repeat counts; rebuilt on snapshot load.
    std::unordered_map<std::uint64_t, std::vector<Instant>> by_unit;

    // Scratch, reused so that the hot path allocates nothing once warm.
    std::vector<EvLite> scratch_ev;
    Facts facts;
    Decision decision;
    std::vector<std::string_view> missed_names;

    // ---- set-up (ledger.cpp) ----
    void compile();
    std::uint8_t policy_index(std::optional<std::string_view> name) const;

    // ---- the id index (its writes in ledger.cpp) ----
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
    void index_insert(std::uint32_t ci);
    void place(std::uint32_t ci);
    void index_erase(std::uint32_t ci) noexcept;

    // ---- rollback: every write is all or nothing (ledger.cpp) ----
    struct Mark {
        std::size_t recs, events, tag_ids, notes, extras, deadlines, ev_notes;
        Arena::Mark ids, text;
    };
    Mark mark() const {
        return {recs.size(),      events.size(),   tag_ids.size(), notes.size(), extras.size(),
                deadlines.size(), ev_notes.size(), ids.mark(),     text.mark()};
    }
    void rollback(const Mark& m) noexcept;
    void rollback(const Mark& m, std::uint32_t ci, const Rec& saved) noexcept;

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
    std::string_view team_name(std::uint8_t t) const noexcept {
        return t == 0 ? std::string_view() : std::string_view(profile.teams()[t - 1u].id);
    }
    // The position + 1 of team `id` in the profile; throws errc::not_found for an unknown one.
    std::uint8_t team_index(std::string_view id) const;
    // The owner's handler read off the events (what `owners` holds; for checking a loaded state).
    std::uint32_t owner_handler(const Rec& r) const noexcept {
        std::uint32_t h = 0;
        for (std::uint32_t i = r.first_ev; i != none32; i = events[i].next) {
            const EventType t = events[i].type();
            if (t == EventType::assign || t == EventType::escalate)
                h = events[i].handler;
        }
        return h;
    }
    // The note of event `ev`, "" for none.
    std::string_view note_of(std::uint32_t ev) const noexcept {
        auto it = std::lower_bound(ev_notes.begin(), ev_notes.end(), ev,
                                   [](const std::pair<std::uint32_t, std::uint32_t>& a,
                                      std::uint32_t k) { return a.first < k; });
        if (it == ev_notes.end() || it->first != ev)
            return {};
        if (it->second & pooled_note)
            return pool.get(it->second & ~pooled_note);
        return text.get(notes[it->second]);
    }
    // Event `i` of complaint `r` as its log holds it (ledger_queries.cpp).
    Event event_at(const Rec& r, std::uint32_t i, bool with_note) const;
    // The complaint's events, in order, for the clock engine; returns whether any names a team.
    bool gather(const Rec& r, std::vector<EvLite>& out) const {
        out.clear();
        unsigned teams = 0;
        for (std::uint32_t i = r.first_ev; i != none32; i = events[i].next) {
            const PEv& e = events[i];
            const EventType t = e.type();
            teams |= e.team();
            out.push_back({r.received + static_cast<Instant>(e.delta), t, e.team(),
                           t == EventType::unsatisfied ? deadline_of(i) : no_instant});
        }
        return teams != 0;
    }

    // ---- repeat complaints (ledger.cpp) ----
    static std::uint64_t unit_key(const Rec& r) noexcept {
        return (static_cast<std::uint64_t>(r.building) << 32) | r.unit;
    }
    std::size_t count_repeats(const Rec& r) const;
    void unit_insert(const Rec& r);
    std::size_t unit_index_bytes() const noexcept;
    void unit_erase(const Rec& r) noexcept;

    // ---- writing (ledger.cpp) ----
    std::uint32_t append_event(Rec& r, const PEv& pe);
    std::uint32_t add_intake(const Intake& in);
    void add_event(std::uint32_t ci, const Event& e);

    // ---- the profile's rules (ledger_reevaluation.cpp) ----
    std::uint16_t missed_mask(const Rec& r, Instant at);
    void derive(std::uint32_t ci, Instant at, EventType type);
    bool rules(std::uint32_t ci, Instant at, Trigger trigger);

    // ---- queries ----
    // The clocks of `r` as of `at` (README.md, "Teams and their calendars": each counted in the
    // owning team's calendar, the rules' dispatch before any assign names a team), into `f`;
    // `ev` is scratch.
    template <class F>
    void run(const Rec& r, Instant at, bool warnings, std::vector<EvLite>& ev, F&& f) const {
        if (r.policy == 0xff)
            return;
        const bool named = gather(r, ev);
        // Teams matter when one has a calendar and the case's dispatch or an event names a team
        // (a team without a calendar then keeps the targets' calendars: no cost for the others).
        const bool teams =
            !team_cals.empty() && (named || (r.rule_team && team_cals[r.rule_team].cal));
        const TeamCals tc{team_cals.data(), team_cals.size(), r.rule_team};
        run_clocks(policies[r.policy], ev.data(), ev.size(), at, warnings, teams ? &tc : nullptr,
                   f);
    }
    template <class F>
    void lite_clocks(const Rec& r, Instant at, F&& f) const {
        thread_local std::vector<EvLite> ev;
        run(r, at, true, ev, f);
    }
};

} // namespace detail
PLAINT_END_NAMESPACE
