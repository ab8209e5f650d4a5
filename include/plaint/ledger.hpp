/// @file ledger.hpp
/// The ledger (DOMAIN.md §4–5): an in-memory store of complaints and their event logs that
/// derives, from the events and a compiled profile, each complaint's state and owner, its
/// classification (the profile's rules, re-evaluated on events so that a communicative complaint
/// handled badly becomes a valid one), its SLA policy and clocks, the escalations it calls for,
/// its return visit and its rectification. Replaying the same events under another profile
/// recomputes everything ("what if our limits had been 48 hours?"). The ledger keeps compact
/// records — interned strings, enumerations in bytes, events in one shared packed array with
/// their notes in an arena — and rebuilds a `Complaint` only when asked for one.
///
/// A `Ledger` is mutable and not synchronised: writes (adding complaints or events, imports,
/// `reevaluate`) need exclusive access; any number of threads may call its `const` members at
/// once while nobody writes.
#pragma once

#include "plaint/complaint.hpp"
#include "plaint/config.hpp"
#include "plaint/enums.hpp"
#include "plaint/profile.hpp"
#include "plaint/sla.hpp"
#include "plaint/time.hpp"

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

PLAINT_BEGIN_NAMESPACE

/// What is known of a complaint when it is taken in: the intake record (《客户投诉记录表》).
/// Views borrow the caller's text for the duration of one call. Since 0.5.
struct Intake {
    std::string_view id; ///< required, unique in the ledger, 1 to `Limits::id` bytes
    Instant received = 0;
    Channel channel = Channel::other;
    Category category = Category::other;
    /// The kind of request; unset lets the profile's rules decide it (their `kind` output),
    /// a complaint when they do not. Since 0.7.
    std::optional<Kind> kind;
    std::string_view subcategory, building, unit; ///< up to `Limits::short_text` bytes each
    std::string_view name, contact;               ///< up to `Limits::short_text` bytes each
    std::string_view content, remedy;             ///< up to `Limits::long_text` bytes each
    std::int32_t reporter_count = 1;              ///< 1 to `Limits::reporters`
    std::vector<std::string_view> tags;           ///< at most `Limits::tags`, each a valid tag
};

/// A complaint as the ledger holds it: the intake fields, the state derived from its events and
/// the classification derived from the profile. Views point into the ledger and stay valid until
/// the ledger is next modified, moved or destroyed. Since 0.5.
struct ComplaintView {
    std::size_t index = 0; ///< the complaint's position in the ledger (order of intake)
    std::string_view id;
    Instant received = 0;
    Channel channel = Channel::other;
    Category category = Category::other;
    Kind kind = Kind::complaint; ///< the kind of request, as stated or decided. Since 0.7.
    bool kind_decided = false;   ///< the profile's rules decided the kind. Since 0.7.
    std::string_view subcategory, building, unit, content;
    std::int32_t reporter_count = 1;
    /// Earlier complaints from the same building and unit received within the profile's repeat
    /// window before this one (`RuleSet::repeat_window`), among those in the ledger when this one
    /// was taken in: the `repeat_count` its rules read. 0 when the unit is empty. Since 0.6.
    std::int32_t repeat_count = 0;
    // From the events, as `Complaint` derives them.
    State state = State::received;
    Role owner = Role::duty_staff;
    Nature nature = Nature::unjudged;              ///< the judged nature (classify events)
    Severity severity = Severity::unset;           ///< the judged severity (classify events)
    std::optional<VisitMethod> visit_method;       ///< of the latest return visit made
    std::optional<Instant> rectification_deadline; ///< while in rectification
    std::int32_t cycle = 1;                        ///< 1 + reopens
    std::size_t event_count = 0;                   ///< events in the log, `receive` included
    Instant last_event_at = 0;
    std::int32_t escalations = 0;   ///< escalate events in the log
    std::int32_t reevaluations = 0; ///< classify events the ledger added on re-evaluation
    // From the profile's rules (the latest evaluation).
    std::string_view sla_policy;                    ///< "" when the rules name none
    std::optional<Nature> rule_nature;              ///< the nature the rules suggest
    std::optional<Role> rule_escalate_to;           ///< the role the rules say should own it
    VisitMethod planned_visit = VisitMethod::phone; ///< the return-visit method it calls for
    // People (people.hpp). Since 0.7.
    std::string_view handler;     ///< the owner's handler id (latest assign or escalate); ""
    std::string_view team;        ///< the owning team: the latest assigned, else `rule_team`; ""
    bool team_from_rules = false; ///< `team` is the rules' dispatch, no assign has named one
    std::string_view rule_team;   ///< the team the profile's rules dispatch it to; ""
};

/// A query on complaints; unset members match everything. Since 0.5.
struct Query {
    std::optional<State> state;
    std::optional<Role> owner;
    std::optional<std::string_view> building;
    std::optional<Category> category;
    std::optional<Nature> nature; ///< the judged nature
    std::optional<Severity> severity;
    std::optional<Kind> kind;                ///< the kind of request. Since 0.7.
    std::optional<std::string_view> team;    ///< `ComplaintView::team` ("" for none). Since 0.7.
    std::optional<std::string_view> handler; ///< `ComplaintView::handler` ("" for none). Since 0.7.
    bool open_only = false;                  ///< only complaints not closed
    std::optional<Instant> received_from;    ///< received at or after
    std::optional<Instant> received_before;  ///< received before
};

/// Which clocks `Ledger::clocks_at` lists. Since 0.5.
enum class ClockFilter : std::int32_t {
    open = 1,     ///< started and not stopped: running, paused, warning or breached while open
    warning = 2,  ///< in the warning state (running past a warning threshold, not yet due)
    breached = 3, ///< breached: stopped late, or open past its due instant
};

/// One clock of one complaint. Since 0.5.
struct LedgerClock {
    std::size_t index = 0; ///< the complaint
    Clock clock;
};

/// A complaint whose clocks or rules call for a higher owner than it has. Since 0.5.
struct EscalationDue {
    std::size_t index = 0;
    Role owner = Role::duty_staff; ///< the owner now
    Role to = Role::duty_staff;    ///< the role that should own it
    std::string reason;            ///< "rules" or the target whose clock calls for it
};

/// A complaint awaiting its return visit (state `resolved`). Since 0.5.
struct VisitDue {
    std::size_t index = 0;
    VisitMethod method = VisitMethod::phone; ///< from the profile's return-visit rules
    Instant resolved_at = 0;                 ///< the latest `resolve` event
    /// The due instant of the policy's `return_visit` target, when the policy has one.
    std::optional<Instant> due;
};

/// Return visits made by one role in a period, against the profile's monthly quota. Since 0.5.
struct QuotaCompliance {
    Role role = Role::duty_staff;
    std::int32_t visits = 0;   ///< `visit` events with this actor in [from, to)
    std::int32_t required = 0; ///< the profile's quota
    bool compliant = true;     ///< visits >= required
};

/// One event of a complaint's log in brief, without its note: what reports read, filled without
/// allocating. Since 0.5.
struct EventBrief {
    Instant at = 0;
    EventType type = EventType::receive;
    Role actor = Role::duty_staff;
    bool derived = false; ///< added by the ledger's re-evaluation, not an input event
    /// The event's detail as its enumeration code: the nature (classify), the target role (assign,
    /// escalate), the visit method (visit); 0 otherwise.
    std::int32_t detail = 0;
    std::string_view handler; ///< the event's handler id, "" for none. Since 0.7.
    std::string_view team;    ///< assign, escalate: the team it names, "" for none. Since 0.7.
};

/// One clock in brief: `Clock` without its name and warnings, filled without allocating. The
/// target is its position in the complaint's SLA policy (`PolicySet::find(sla_policy)->targets`).
/// Since 0.5.
struct ClockBrief {
    std::uint16_t target = 0;
    TargetKind kind = TargetKind::custom;
    ClockState state = ClockState::not_started; ///< never `warning` (warnings are not derived)
    std::int32_t cycle = 1, round = 1;
    std::optional<Instant> started, stopped, due;
    Duration duration = 0, elapsed = 0; ///< business seconds
};

/// How a bulk import treats bad rows. Since 0.5.
struct ImportOptions {
    /// Import nothing when any row is bad; the ledger is then left exactly as it was (the
    /// import works on a copy of the ledger, which costs its size in memory for the while).
    bool all_or_nothing = false;
    std::size_t max_line_bytes = 4u << 20; ///< a JSON line or a CSV record, in bytes
    std::size_t max_rows = 50000000;       ///< rows per file; more is an error of the file
    std::size_t max_problems = 1000;       ///< problems kept in the report (all are counted)
};

/// One bad row of an import. Since 0.5.
struct ImportProblem {
    std::string file;     ///< "complaints", "events" or "json lines"
    std::size_t line = 0; ///< 1-based line where the row starts (0: the whole file)
    errc code = errc::ok; ///< the error the row raised
    std::string message;  ///< what is wrong
};

/// What a bulk import did. Since 0.5.
struct ImportReport {
    std::size_t complaints = 0;          ///< complaints added
    std::size_t events = 0;              ///< events added (not counting `receive`)
    std::size_t rows = 0;                ///< data rows read, in all files
    std::size_t bad_rows = 0;            ///< rows refused (all of them, kept or not)
    bool committed = true;               ///< false when all-or-nothing refused the whole import
    std::vector<ImportProblem> problems; ///< the first `max_problems` bad rows, in input order
};

/// The JSON form of an import's problems, compact, UTF-8: an array with one object per problem,
/// in order, `{"file":…,"line":n,"status":code,"message":…}` (`status` the error code's value,
/// e.g. -3 for `errc::parse`); `[]` when there are none. Strings are escaped as JSON strings
/// (`"`, `\` and control characters). The form the C ABI's imports give in `problems_out`.
/// Thread-safety: pure. Since 0.7.
std::string to_json(const std::vector<ImportProblem>& problems);

namespace detail {
class LedgerImpl;
struct LedgerAccess; // snapshots (src/snapshot.cpp) read and restore the stored state
} // namespace detail

/// The ledger. Not thread-safe for writes; safe for concurrent `const` calls. Since 0.5.
class Ledger {
public:
    /// An empty ledger deriving everything with `profile` (shared: the ledger keeps it alive).
    /// @throws error `errc::unsupported` for a profile with more than 254 SLA policies or a
    /// policy with more than 16 targets.
    explicit Ledger(const Profile& profile = Profile::default_profile());
    Ledger(const Ledger&);
    Ledger(Ledger&&) noexcept;
    Ledger& operator=(const Ledger&);
    Ledger& operator=(Ledger&&) noexcept;
    ~Ledger();

    /// The profile everything is derived with.
    const Profile& profile() const noexcept;
    /// Complaints in the ledger.
    std::size_t size() const noexcept;
    /// Events in the ledger, `receive` events and re-evaluations included.
    std::size_t event_count() const noexcept;
    /// Bytes the ledger holds, capacity included, not counting the text of contents, remedies
    /// and notes (an estimate of its heap use, for capacity planning).
    std::size_t memory_bytes() const noexcept;
    /// Bytes of content, remedy and note text held.
    std::size_t text_bytes() const noexcept;

    /// Takes in a complaint: state `received`, owner the duty staff, a `receive` event; the
    /// profile's rules classify it at once (SLA policy, suggested nature, escalation role,
    /// return-visit method, tags to add). Returns its index.
    /// @throws error `errc::invalid_argument` (empty or duplicate id), `errc::encoding`,
    /// `errc::too_large`, `errc::out_of_range` (reporter count, enumerations, a received
    /// instant outside a policy calendar's years). On error nothing changes.
    std::size_t add(const Intake& intake);
    /// Takes in a complaint with its event log (the `receive` event is skipped, the others are
    /// applied in order as by `add_event`). On error nothing changes; errors as `add` and
    /// `add_event`.
    std::size_t add(const Complaint& complaint);
    /// Applies one event to complaint `index`, checked as `Complaint::apply` checks it, then
    /// derives: SLA clocks as of the event, and, on a relevant event (classify, unsatisfied,
    /// reopen, or one by which another SLA target has been missed), the rules again — adding a
    /// `classify` event (its note naming the rules) when they now decide a more serious nature
    /// or a higher severity (see `Profile::reevaluate`).
    /// @throws error `errc::out_of_range` (unknown index, enumerations, an event 2^32
    /// seconds or more after receipt), `errc::out_of_order`, `errc::illegal_transition`,
    /// `errc::invalid_argument`, `errc::encoding`, `errc::too_large` (note; more than 65,534
    /// reopens). On error nothing changes.
    void add_event(std::size_t index, const Event& event);
    /// The same, for the complaint with id `id`. @throws error `errc::not_found` as well.
    void add_event(std::string_view id, const Event& event);
    /// Re-evaluates every open complaint as of `now` (missed targets, time since receipt) and
    /// adds the `classify` events that calls for; returns how many it added. Run it
    /// periodically: events re-evaluate only the complaint they touch, as of their instant.
    /// Complaints whose last event is after `now` are skipped. On error (a calendar that cannot
    /// place `now`) the complaint being evaluated is left as it was and the error thrown.
    std::size_t reevaluate(Instant now);
    /// Prepares for this many more complaints and events: sizes the id index ahead (the records
    /// and events grow in fixed chunks, never copied, so they need nothing reserved).
    void reserve(std::size_t complaints, std::size_t events);

    /// The index of the complaint with id `id`.
    std::optional<std::size_t> find(std::string_view id) const noexcept;
    /// A view of complaint `index`. @throws error `errc::out_of_range`.
    ComplaintView view(std::size_t index) const;
    /// Complaint `index` rebuilt as a `Complaint` with its whole log (with the re-evaluation
    /// events when `with_reevaluations`; the stored state is the same either way only when
    /// the rules raised nothing). @throws error `errc::out_of_range`.
    Complaint complaint(std::size_t index, bool with_reevaluations = true) const;
    /// Complaint `index` as one compact JSON object, UTF-8: the view's `index`, `id`, `kind`,
    /// `team` and `handler` (since 0.7; null when none), `state`,
    /// `owner`, `nature`, `severity`, `cycle`, `event_count`, `last_event_at`, `escalations`,
    /// `reevaluations`, `visit_method`, `rectification_deadline`, `sla_policy`, `rule_nature`,
    /// `rule_escalate_to`, `planned_visit` and `tags` (its own and the rules' additions), then
    /// `complaint`, the complaint with its whole log as `to_json(complaint(index))` writes it.
    /// Members come in that order; enumerations by name (`to_string`), instants as ISO 8601 in
    /// UTC ("2026-10-01T08:00:00Z"), and null for what is not set (`visit_method`,
    /// `rectification_deadline`, an empty `sla_policy`, `rule_nature`, `rule_escalate_to`). The
    /// form of the C ABI's `plaint_ledger_complaint_json`. Since 0.7.
    /// @throws error `errc::out_of_range`.
    std::string view_json(std::size_t index) const;
    /// Every clock of complaint `index` under its SLA policy as of `at` (events after `at` are
    /// not seen), as `PolicySet::clocks` gives them; empty when the rules name no policy.
    /// @throws error `errc::out_of_range`; calendar errors for instants outside its years.
    std::vector<Clock> clocks(std::size_t index, Instant at) const;

    /// The events of complaint `index` in brief, in order, `receive` first, into `out` (cleared
    /// first; no allocation once `out` has the capacity). Since 0.5.
    /// @throws error `errc::out_of_range`.
    void events_brief(std::size_t index, std::vector<EventBrief>& out) const;
    /// The clocks of complaint `index` as of `at` in brief, in `clocks` order, into `out`
    /// (cleared first; no allocation once `out` has the capacity; states met, breached, running,
    /// paused or not started). Since 0.5. @throws error as `clocks`.
    void clocks_brief(std::size_t index, Instant at, std::vector<ClockBrief>& out) const;
    /// The tags of complaint `index` (its own and the rules' additions), into `out` (cleared
    /// first); the views stay valid until the ledger is next modified. Since 0.5.
    /// @throws error `errc::out_of_range`.
    void tags(std::size_t index, std::vector<std::string_view>& out) const;

    /// A copy of the ledger's complaints and input events, everything derived again under
    /// `profile` (re-evaluation events of this ledger are dropped and made anew). Events the
    /// new profile's calendars cannot place (out of their years) make the replay throw.
    Ledger replay(const Profile& profile) const;

    /// The complaints matching `q`, by index in ascending order.
    std::vector<std::size_t> select(const Query& q) const;
    /// The clocks of every complaint as of `at` that pass `filter`, by complaint index, then in
    /// `clocks` order. Complaints received after `at` have no clocks.
    std::vector<LedgerClock> clocks_at(Instant at, ClockFilter filter) const;
    /// Complaints whose clocks (warning or breached, as of `at`) or rules call for a higher
    /// owner than the present one; the highest such role, with the reason.
    std::vector<EscalationDue> escalations_due(Instant at) const;
    /// Complaints awaiting their return visit as of their latest event (state `resolved`), with
    /// the method the profile's return-visit rules give (by nature and reporter count).
    std::vector<VisitDue> visits_due() const;
    /// Return visits made in [from, to) by each role with a quota in the profile (and by any
    /// other role that made visits), with the compliance check; in role order.
    std::vector<QuotaCompliance> visit_quotas(Instant from, Instant to) const;
    /// The month `yyyy_mm` ("2026-10") as [from, to) UTC instants, its days starting at local
    /// midnight at `utc_offset_seconds` east of UTC (28,800 for China Standard Time).
    /// @throws error `errc::parse`, `errc::out_of_range`.
    static std::pair<Instant, Instant> month_range(std::string_view yyyy_mm,
                                                   std::int32_t utc_offset_seconds);

    /// Imports complaints as JSON lines: each non-blank line is one complaint in the JSON form
    /// `complaint_from_json` reads, events included; the events are checked by the workflow of
    /// the kind the ledger takes the complaint as (the stated one, or when none is stated the
    /// one the profile's rules decide: a rules-decided consultation's `answer` is taken). Bad
    /// lines are reported with their line number and reason and the rest imported (or nothing,
    /// by option).
    /// @throws error `errc::io` when the stream fails while reading.
    ImportReport import_json_lines(std::istream& in, const ImportOptions& options = {});
    /// The same from text in memory.
    ImportReport import_json_lines(std::string_view text, const ImportOptions& options = {});
    /// Imports CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks;
    /// UTF-8, an optional byte order mark; a header row required; LF or CRLF; blank lines
    /// ignored): `complaints` with columns id, received (required), channel,
    /// category, subcategory, building, unit, reporter_count, content, tags (separated by ';'),
    /// name, contact, remedy, kind (since 0.7; empty: the rules decide); then `events` (may be
    /// null) with columns complaint_id, at, type (required), role, note, nature, severity, target,
    /// method, deadline, handler, team (since 0.7) — events of one complaint in time order.
    /// Instants are ISO 8601 with an offset or epoch seconds; enumerations by their names
    /// (`to_string`); empty fields take the defaults of `Intake` and `Event`; a `receive` event at
    /// the received instant is skipped. Unknown, repeated or missing required columns make the
    /// whole file bad (reported at line 1); each bad row is reported with its line and the rest
    /// imported (or nothing, by option).
    /// @throws error `errc::io` when a stream fails while reading.
    ImportReport import_csv(std::istream& complaints, std::istream* events,
                            const ImportOptions& options = {});
    /// The same from text in memory (`events` may be empty).
    ImportReport import_csv(std::string_view complaints, std::string_view events,
                            const ImportOptions& options = {});

private:
    friend struct detail::LedgerAccess;
    std::unique_ptr<detail::LedgerImpl> impl_;
};

PLAINT_END_NAMESPACE
