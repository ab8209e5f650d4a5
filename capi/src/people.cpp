// The shim of plaint/c/people.h over plaint/people.hpp. The people of the service desk: the
// profile's teams, handler and team ids, a complaint's owner by handler and team, and the team
// the rules dispatch a case to.
#include "shim.hpp"

using namespace plaint_shim;

namespace {

const plaint::Team& team_at(const plaint_profile* p, size_t index) {
    const std::vector<plaint::Team>& teams = need(p, "profile")->impl.teams();
    check_position(index, teams.size(), "team index", "teams");
    return teams[index];
}

} // namespace

extern "C" {

int plaint_staff_id_check(const char* id, size_t len) {
    return guard([&] {
        need(id, "id"); // NULL is no id, even with a length of 0
        plaint::validate_staff_id(text_arg(id, len, "id"), "staff");
    });
}

int plaint_profile_team_count(const plaint_profile* p, size_t* out) {
    return guard([&] { *need(out, "out") = need(p, "profile")->impl.teams().size(); });
}

int plaint_profile_team_id(const plaint_profile* p, size_t index, const char** out) {
    return guard([&] {
        need(out, "out");
        *out = team_at(p, index).id.c_str();
    });
}

int plaint_profile_team_name(const plaint_profile* p, size_t index, const char** out) {
    return guard([&] {
        need(out, "out");
        *out = team_at(p, index).name.c_str();
    });
}

int plaint_profile_team_calendar(const plaint_profile* p, size_t index, const char** out) {
    return guard([&] {
        need(out, "out");
        *out = team_at(p, index).calendar.c_str();
    });
}

int plaint_profile_team_roles(const plaint_profile* p, size_t index, int32_t* roles_out,
                              size_t capacity, size_t* count_out) {
    return guard([&] {
        need(count_out, "count_out");
        if (capacity > 0)
            need(roles_out, "roles_out");
        const std::vector<plaint::Role>& roles = team_at(p, index).roles;
        const std::size_t k = std::min(capacity, roles.size());
        for (std::size_t i = 0; i < k; ++i)
            roles_out[i] = static_cast<int32_t>(roles[i]);
        *count_out = roles.size();
    });
}

int plaint_profile_find_team(const plaint_profile* p, const char* id, size_t* out) {
    return guard([&] {
        need(p, "profile");
        need(id, "id");
        need(out, "out");
        const plaint::Team* t = p->impl.find_team(id);
        if (!t)
            throw plaint::error(plaint::errc::not_found,
                                "no team '" + std::string(id) + "' in the profile");
        *out = static_cast<size_t>(t - p->impl.teams().data());
    });
}

int plaint_decision_team(const plaint_decision* d, const char** out) {
    return guard([&] {
        const plaint_decision& k = *need(d, "decision");
        *need(out, "out") = k.decision.team ? k.team.c_str() : nullptr;
    });
}

int plaint_complaint_handler(const plaint_complaint* c, const char** out) {
    return guard([&] { *need(out, "out") = need(c, "complaint")->impl.handler().c_str(); });
}

int plaint_complaint_team(const plaint_complaint* c, const char** out) {
    return guard([&] { *need(out, "out") = need(c, "complaint")->impl.team().c_str(); });
}

} // extern "C"
