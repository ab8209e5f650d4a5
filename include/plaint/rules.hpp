/// @file rules.hpp
/// Classification and severity rules (DOMAIN.md §3): ordered rows of conditions on a complaint's
/// facts — enumeration sets, numeric ranges, tags, keywords in the content (Chinese and English,
/// case-insensitive for Latin letters, all found in one pass whatever their number), building
/// and unit patterns, the complaint's history, combined with all / any / not — and outputs
/// (nature, severity, SLA policy, escalation role, return-visit method, kind of request, tags).
/// Rows are grouped in sections, each with its hit policy: `first` (the first matching row),
/// `collect` (every matching row) or `priority` (the matching row of highest severity). A `RuleSet`
/// is compiled once, immutable and safe to share across threads; classifying allocates nothing when
/// the caller reuses its `Decision`.
#pragma once

#include "plaint/calendar.hpp"
#include "plaint/complaint.hpp"
#include "plaint/config.hpp"
#include "plaint/enums.hpp"
#include "plaint/time.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

PLAINT_BEGIN_NAMESPACE

/// What the rules read about a complaint. Views borrow the caller's text for one call.
/// Since 0.3.
struct Facts {
    Channel channel = Channel::other;
    Category category = Category::other;
    Nature nature = Nature::unjudged;
    Severity severity = Severity::unset;
    /// The kind of request as stated at intake; unset when the rules are to decide it (their
    /// `kind` output). A `kind` condition matches only a stated kind. Since 0.7.
    std::optional<Kind> kind;
    std::string_view building, unit, subcategory, content;
    std::vector<std::string_view> tags;
    std::int32_t reporter_count = 1;
    std::int32_t repeat_count = 0; ///< earlier complaints from the same unit in the window
    double hours_since_received = 0;
    // History, for re-evaluation on events.
    std::vector<std::string_view> missed_targets; ///< SLA targets breached so far
    std::int32_t unsatisfied_visits = 0;
    std::int32_t reopens = 0;
    Instant received = 0; ///< for conditions on a calendar's hours

    /// The facts of a complaint as it stands at `now` (history from its event log; the SLA
    /// targets missed are the caller's to add; `kind` its stated kind).
    static Facts of(const Complaint& c, Instant now);

    /// Throws `plaint::error` unless these facts are ones a complaint could have, checked as a
    /// `Complaint` checks its own: a reporter count of 1 to `Limits::reporters` (`out_of_range`),
    /// repeat, unsatisfied-visit and reopen counts of 0 or more (`out_of_range`), finite hours
    /// (`out_of_range`), texts of valid UTF-8 without NUL (`encoding`) within their limits —
    /// building, unit and sub-category `Limits::short_text`, content `Limits::long_text`, tags
    /// 1 to `Limits::tag` bytes and at most `Limits::tags` of them (`too_large`). Facts made by
    /// `Facts::of` always pass; the C and Python batches check every row with it. A stated kind
    /// outside the enumeration is `out_of_range`. Since 0.7.
    void check() const;
};

/// The outcome of classification. Reuse one across calls to avoid allocating. Since 0.3.
struct Decision {
    std::optional<Nature> nature;
    std::optional<Severity> severity;
    std::optional<std::string_view> sla_policy; ///< borrowed from the rule set
    std::optional<Role> escalate_to;
    std::optional<VisitMethod> visit_method;
    /// The kind of request the rules see (a `kind` output); a ledger takes it at intake when
    /// the kind was not stated. Since 0.7.
    std::optional<Kind> kind;
    /// The team the rules dispatch the case to (a `team` output: engineering for equipment,
    /// security for noise at night...), borrowed from the rule set. Since 0.7.
    std::optional<std::string_view> team;
    std::vector<std::string_view> tags;    ///< tags to add, borrowed from the rule set
    std::vector<std::string_view> matched; ///< ids of the rows that decided, in order

    void clear() noexcept {
        nature.reset();
        severity.reset();
        sla_policy.reset();
        escalate_to.reset();
        visit_method.reset();
        kind.reset();
        team.reset();
        tags.clear();
        matched.clear();
    }
};

/// Why one row matched or not. Since 0.3.
struct RowExplanation {
    std::string section;
    std::string id;
    bool matched = false;
    bool decided = false; ///< its outputs are in the decision
    std::string failed;   ///< for a row that did not match: the first condition that failed
    /// For a row that matched: the keywords its `keywords` conditions found in the content, as
    /// the profile wrote them — or, when the content wrote one in another form, that form "as"
    /// the keyword: `電梯 as 电梯`, `ＥＬＥＶＡＴＯＲ as elevator`. Since 0.7.
    std::vector<std::string> keywords;
};

/// Every row's outcome for one complaint, and the decision. Since 0.3.
struct Explanation {
    std::vector<RowExplanation> rows;
    /// The explanation as lines of text, one a row.
    std::string text() const;
};

/// The JSON form of a decision: `{"nature", "severity", "sla_policy", "escalate_to",
/// "visit_method", "kind", "team", "tags", "matched"}`, leaving out what was not decided (`kind`
/// and `team` since 0.7). Since 0.3.
std::string to_json(const Decision& d);
/// The JSON form of an explanation: a list of `{"section", "id", "matched", "decided",
/// "failed", "keywords"}` (`failed` and `keywords` only when there are some; `keywords` since
/// 0.7). Since 0.3.
std::string to_json(const Explanation& e);

namespace detail {
class RuleSetImpl;
}

/// A compiled rule set. Since 0.3.
class RuleSet {
public:
    /// An empty rule set: every decision is empty.
    RuleSet();
    /// Reads `{"sections": [{"name", "hit", "rows": [{"id", "when", "then"}]}]}`.
    /// @throws error `errc::parse`, `errc::validation` (every problem, with its JSON pointer),
    /// `errc::too_large` (over 16 MiB, nesting deeper than 64, more than 10,000 rows, 10,000
    /// keywords or 256 keyword lists per row...).
    static RuleSet from_json(std::string_view json);
    /// The same, with the calendars that `received` conditions may name
    /// (`{"received": {"in": "office"}}` or `{"received": {"outside": "office"}}`); the
    /// calendars are shared with the rule set, which keeps them alive.
    static RuleSet from_json(std::string_view json,
                             const std::map<std::string, Calendar, std::less<>>& calendars);

    /// Classifies: fills `out` (cleared first). Allocates nothing once `out` has grown to
    /// hold a decision of this size.
    void classify(const Facts& facts, Decision& out) const;
    /// The same, returning the decision.
    Decision classify(const Facts& facts) const;
    /// `classify(facts[i], out[i])` for i < n: the batch form, one call for many complaints.
    void classify_many(const Facts* facts, std::size_t n, Decision* out) const;
    /// Every row's outcome and, for rows that did not match, the first condition that failed.
    Explanation explain(const Facts& facts) const;

    /// Unreachable rows and other non-fatal findings.
    const std::vector<Warning>& warnings() const noexcept;
    /// The number of rows in all sections.
    std::size_t row_count() const noexcept;
    /// The window of `repeat_count` conditions: how far back earlier complaints from the same
    /// unit count as repeats, in seconds (`"repeat_window_days"` of the rules object, 1 to 3,650
    /// days; 30 days when absent). A ledger counts with it. Since 0.6.
    Duration repeat_window() const noexcept;
    /// Every keyword of the rule set's `keywords` conditions once, as the document first wrote
    /// it, in the order first met. Since 0.7 keywords are matched in all their written forms
    /// (traditional and simplified Chinese with the Hong Kong and Taiwan forms, full-width and
    /// half-width, Unicode case, NFKC; see `keyword_forms`): two written forms of one word are
    /// one keyword, listed in the form met first. (Before 0.7: folded, Latin letters in lower
    /// case.) Since 0.6.
    const std::vector<std::string>& keywords() const noexcept;
    /// Whether keywords are matched in all their written forms: true unless the rules object
    /// says `"fold_keywords": false`, which matches each as written (Latin letters in any
    /// case), as before 0.7. Since 0.7.
    bool folds_keywords() const noexcept;
    /// The forms keyword k (a position in `keywords()`) is matched in: its simplified NFKC case
    /// fold first, then its traditional, Hong Kong and Taiwan forms from OpenCC, each with its
    /// upper-case, full-width and decomposed forms (Latin letters match in any case besides).
    /// With folding off, the keyword as written. @throws error `errc::out_of_range`. Since 0.7.
    const std::vector<std::string>& keyword_forms(std::size_t k) const;
    /// Where keyword k first occurs in `text`, in whichever of its forms: a view into `text`;
    /// a view with a null `data()` when it does not occur. A plain search, for explanations.
    /// @throws error `errc::out_of_range`. Since 0.7.
    std::string_view keyword_match(std::size_t k, std::string_view text) const;
    /// The bytes the compiled keyword matcher holds (its automaton, outputs and forms).
    /// Since 0.7.
    std::size_t keyword_memory() const noexcept;
    /// The positions in `keywords()` of the keywords found in `text` (one pass over it), in
    /// ascending order, into `out` (cleared first). Since 0.6.
    void find_keywords(std::string_view text, std::vector<std::uint32_t>& out) const;
    /// For many texts at once: adds to `counts[k]` (which must hold `keywords().size()` entries)
    /// the number of the `n` texts that hold keyword k. The texts are scanned side by side, as
    /// `classify_many` scans contents. Since 0.6.
    void count_keywords(const std::string_view* texts, std::size_t n, std::size_t* counts) const;
    /// The rule set as JSON; `from_json` of it gives an equal rule set.
    std::string to_json() const;

private:
    explicit RuleSet(std::shared_ptr<const detail::RuleSetImpl> impl);
    std::shared_ptr<const detail::RuleSetImpl> impl_;
};

PLAINT_END_NAMESPACE
