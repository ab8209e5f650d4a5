/// @file people.hpp
/// The people of the service desk (DOMAIN.md §8, "Who handles it"): teams — departments such as
/// customer service, engineering and repair, security, cleaning — defined in a profile, and
/// handlers, the staff who carry a case. The library knows a handler only by an opaque,
/// pseudonymous id that the caller chooses ("eng-017"); it stores no name or other personal data
/// about staff. Teams are immutable values of a compiled profile.
#pragma once

#include "plaint/config.hpp"
#include "plaint/enums.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

PLAINT_BEGIN_NAMESPACE

/// A team of a profile's `teams` section: `{"<id>": {"name", "roles", "calendar"}}`. Since 0.7.
struct Team {
    std::string id;   ///< its key in the profile: a handler-style id (`validate_staff_id`)
    std::string name; ///< a display name ("工程部"), UTF-8, up to 256 bytes; "" when not given
    /// The roles its members hold, in role order; every role when the profile lists none.
    std::vector<Role> roles;
    /// The calendar its work counts in (a calendar of the profile, or "24x7"); "" when the team
    /// keeps the calendars of the SLA targets. The SLA clocks of the cases the team owns (named by
    /// their latest assign or escalate, else dispatched to it by the rules) count in it, except
    /// a target's that names its own calendar; a change of owner mid-clock counts the rest of the
    /// clock in the new team's calendar (`PolicySet::clocks` with teams, `Profile::clocks`, the
    /// ledger; README.md, "Teams and their calendars"). Since 0.7.
    std::string calendar;
};

/// Limits on people. Since 0.7.
struct PeopleLimits {
    static constexpr std::size_t id = 64;     ///< a handler or team id: 1 to 64 bytes
    static constexpr std::size_t teams = 127; ///< teams in one profile
};

/// Checks a handler or team id: 1 to `PeopleLimits::id` bytes of well-formed UTF-8 without
/// control characters (C0, DEL, C1) — an opaque key, not a name.
/// @throws error `errc::invalid_argument` (empty; a control character), `errc::too_large`,
/// `errc::encoding` (not UTF-8, or a NUL), each naming `what`. Thread-safe. Since 0.7.
void validate_staff_id(std::string_view id, std::string_view what);

PLAINT_END_NAMESPACE
