// People of the service desk (people.hpp): ids of handlers and teams, and the `teams` section of
// a profile (read by src/profile.cpp through people_detail.hpp).
#include "plaint/people.hpp"

#include "error_detail.hpp"
#include "json_util.hpp"
#include "people_detail.hpp"
#include "utf8.hpp"

#include "plaint/error.hpp"

#include <algorithm>
#include <string>

PLAINT_BEGIN_NAMESPACE

void validate_staff_id(std::string_view id, std::string_view what) {
    if (id.empty())
        throw error(errc::invalid_argument, std::string(what) + " id must not be empty");
    if (id.size() > PeopleLimits::id)
        throw error(errc::too_large, std::string(what) + " id is " + std::to_string(id.size()) +
                                         " bytes; at most " + std::to_string(PeopleLimits::id));
    detail::check_utf8(id, what);
    for (std::size_t i = 0; i < id.size(); ++i) {
        const auto c = static_cast<unsigned char>(id[i]);
        // C0 and DEL; C1 (U+0080..U+009F) is the lead byte 0xC2 followed by 0x80..0x9F.
        const bool c1 =
            c == 0xC2 && i + 1 < id.size() && static_cast<unsigned char>(id[i + 1]) <= 0x9F;
        if (c < 0x20 || c == 0x7F || c1)
            throw error(errc::invalid_argument, std::string(what) +
                                                    " id holds a control character at byte " +
                                                    std::to_string(i));
    }
}

namespace detail {

const Team* find_team(const std::vector<Team>& teams, std::string_view id) noexcept {
    auto it = std::lower_bound(teams.begin(), teams.end(), id,
                               [](const Team& t, std::string_view k) { return t.id < k; });
    return it != teams.end() && it->id == id ? &*it : nullptr;
}

std::vector<Team> read_teams(const Json& v, const std::vector<std::string>& calendars,
                             Problems& problems) {
    std::vector<Team> out;
    const std::string base = "/teams";
    if (!v.is_object()) {
        problems.add(base, "expected an object of teams by id");
        return out;
    }
    if (v.size() > PeopleLimits::teams) {
        problems.add(base, "more than " + std::to_string(PeopleLimits::teams) + " teams");
        return out;
    }
    for (const auto& [id, t] : v.items()) {
        const std::string at = pointer_join(base, id);
        Team team;
        try {
            validate_staff_id(id, "a team");
            team.id = id;
        } catch (const error& e) {
            problems.add(at, e.what());
            continue;
        }
        if (!t.is_object()) {
            problems.add(at, "expected a team object with name, roles and calendar");
            continue;
        }
        for (const auto& [key, value] : t.items()) {
            const std::string kat = pointer_join(at, key);
            if (key == "name") {
                if (!value.is_string() || value.get_ref<const std::string&>().size() > 256) {
                    problems.add(kat, "expected a name of at most 256 bytes");
                    continue;
                }
                try {
                    check_utf8(value.get_ref<const std::string&>(), "team name");
                    team.name = value.get<std::string>();
                } catch (const error& e) {
                    problems.add(kat, e.what());
                }
            } else if (key == "roles") {
                if (!value.is_array() || value.empty()) {
                    problems.add(kat, "expected a non-empty list of roles");
                    continue;
                }
                for (std::size_t i = 0; i < value.size(); ++i)
                    if (auto r = read_enum<Role>(value[i], pointer_join(kat, i), problems))
                        if (std::find(team.roles.begin(), team.roles.end(), *r) == team.roles.end())
                            team.roles.push_back(*r);
                std::sort(team.roles.begin(), team.roles.end());
            } else if (key == "calendar") {
                if (!value.is_string()) {
                    problems.add(kat, "expected a calendar name");
                    continue;
                }
                const std::string& c = value.get_ref<const std::string&>();
                if (c != "24x7" &&
                    std::find(calendars.begin(), calendars.end(), c) == calendars.end())
                    problems.add(kat, "undefined calendar " + quote(c));
                else
                    team.calendar = c;
            } else {
                problems.add(kat, "unknown key; expected name, roles or calendar");
            }
        }
        if (team.roles.empty() && !t.contains("roles"))
            for (std::int32_t r = 1; r <= 5; ++r)
                team.roles.push_back(static_cast<Role>(r));
        out.push_back(std::move(team));
    }
    std::sort(out.begin(), out.end(), [](const Team& a, const Team& b) { return a.id < b.id; });
    return out;
}

} // namespace detail
PLAINT_END_NAMESPACE
