/// @file profile.hpp
/// A profile: one JSON document that bundles a customer's calendars, SLA policies,
/// classification rules, return-visit rules and survey definitions (DOMAIN.md §3–6). A kiosk
/// vendor ships one per customer and never recompiles. Loading validates the whole document and
/// reports every problem with its JSON pointer, line and column; the compiled profile is
/// immutable and safe to share across threads. The library embeds a default profile, the same
/// JSON as `examples/data/default-profile.json`.
#pragma once

#include "plaint/calendar.hpp"
#include "plaint/complaint.hpp"
#include "plaint/config.hpp"
#include "plaint/people.hpp"
#include "plaint/rules.hpp"
#include "plaint/sla.hpp"
#include "plaint/survey.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

PLAINT_BEGIN_NAMESPACE

namespace detail {
class ProfileImpl;
}
struct PerformanceScheme; // performance.hpp

/// A compiled profile. Since 0.3.
class Profile {
public:
    /// Reads a profile: `{"plaint_profile": 1, "name", "description", "calendars", "policies",
    /// "rules", "return_visits", "surveys", "teams", "performance"}` (`teams` and
    /// `performance` since 0.7). Unknown keys are errors;
    /// so are references to undefined calendars or policies.
    /// @throws error `errc::parse` (line and column), `errc::validation` (every problem, see
    /// `error::problems()`), `errc::too_large` (over 16 MiB, nesting deeper than 64, more than
    /// 10,000 rows or 1,000,000 values...), `errc::unsupported` (a `plaint_profile` version other
    /// than 1).
    static Profile from_json(std::string_view json);
    /// Reads a profile file, as a stream (a pipe, a FIFO or `/dev/stdin` works as a file does;
    /// opening a FIFO waits for its writer). @throws error `errc::io` when it cannot be opened
    /// or read or is a directory, `errc::too_large` as soon as more than 16 MiB have come (the
    /// rest is not read), and the errors of `from_json`.
    static Profile from_file(const std::string& path);
    /// The embedded default profile.
    static const Profile& default_profile();

    const std::string& name() const noexcept;
    const PolicySet& policies() const noexcept;
    const RuleSet& rules() const noexcept;
    /// Non-fatal findings (unreachable rows...), with their JSON pointers.
    const std::vector<Warning>& warnings() const noexcept;
    /// The teams of the profile's `teams` section (`{"<id>": {"name", "roles", "calendar"}}`),
    /// sorted by id; empty when it has none. A team's id is checked as `validate_staff_id`
    /// checks it, its roles are role names, its calendar one of the profile's or "24x7"; every
    /// rule's `team` output must name one of them. Since 0.7.
    const std::vector<Team>& teams() const noexcept;
    /// The team with id `id`, or nullptr; valid as long as the profile. Since 0.7.
    const Team* find_team(std::string_view id) const noexcept;
    /// The profile's `performance` section (performance.hpp: the metrics staff are scored by),
    /// or nullptr when it has none; valid as long as the profile. Since 0.7.
    const PerformanceScheme* performance() const noexcept;

    /// Classifies: the rules' decision, with the return-visit method from the return-visit rules
    /// (read with the decided nature) when no rule set one.
    void classify(const Facts& facts, Decision& out) const;
    Decision classify(const Facts& facts) const;
    /// classify for n complaints at once (out holds n decisions); faster than one by one, as
    /// the contents are scanned for keywords side by side. Since 0.4.
    void classify_many(const Facts* facts, std::size_t n, Decision* out) const;
    /// The return-visit method for these facts (phone when no rule matches).
    VisitMethod visit_method(const Facts& facts) const;
    /// The survey named `name` in the profile's `surveys`; empty when there is none. Since 0.4.
    std::optional<Survey> survey(std::string_view name) const;
    /// The names of the profile's surveys, in document order. Since 0.4.
    std::vector<std::string> survey_names() const;
    /// The monthly minimum of return visits a role makes (0 when the profile sets none).
    std::int32_t visit_quota(Role role) const noexcept;

    /// The clocks of `c` under SLA policy `policy` as of `at`, each counted in the calendar of
    /// the team that owns the case (README.md, "Teams and their calendars"): the team of the
    /// latest `assign` or `escalate` naming one, else `dispatched_team`, the team the rules
    /// dispatch it to (`Decision::team`; "" for none). `PolicySet::clocks` with the profile's
    /// teams; a ledger of this profile gives the same clocks. @throws error as
    /// `PolicySet::clocks`. Since 0.7.
    std::vector<Clock> clocks(std::string_view policy, const Complaint& c, Instant at,
                              std::string_view dispatched_team = {}) const;
    /// The facts of `c` at `at`, with the targets of SLA policy `policy` missed so far (their
    /// clocks as `clocks` counts them, with the teams `c`'s events name; since 0.7).
    Facts facts(const Complaint& c, Instant at, std::string_view policy) const;
    /// Re-evaluates `c` at `at` under SLA policy `policy`: a `classify` event, with a note naming
    /// the rules, when the rules now decide a more serious nature (communicative -> valid ->
    /// major) or a higher severity and the complaint's state allows judging it again; nothing
    /// otherwise (re-evaluation never de-escalates, and never makes or unmakes `invalid`). The
    /// caller applies it.
    std::optional<Event> reevaluate(const Complaint& c, Instant at, std::string_view policy) const;

    /// The profile as JSON (keys sorted); `from_json` of it gives an equal profile.
    std::string to_json() const;

private:
    explicit Profile(std::shared_ptr<const detail::ProfileImpl> impl);
    std::shared_ptr<const detail::ProfileImpl> impl_;
};

PLAINT_END_NAMESPACE
