// The `teams` section of a profile, read for src/profile.cpp; not installed.
#pragma once

#include "json_util.hpp"

#include "plaint/config.hpp"
#include "plaint/people.hpp"

#include <string>
#include <vector>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// The teams of `v` (the profile's "teams" object), sorted by id; every problem goes to
// `problems` with its pointer under /teams. `calendars` are the profile's calendar names.
std::vector<Team> read_teams(const Json& v, const std::vector<std::string>& calendars,
                             Problems& problems);

// The team `id` of `teams` (sorted by id), or nullptr.
const Team* find_team(const std::vector<Team>& teams, std::string_view id) noexcept;

} // namespace detail
PLAINT_END_NAMESPACE
