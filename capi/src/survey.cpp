// The shim of plaint/c/survey.h over plaint/survey.hpp. The surveys of a profile: names and JSON
// forms.
#include "shim.hpp"

using namespace plaint_shim;

extern "C" {

int plaint_profile_survey_count(const plaint_profile* p, size_t* out) {
    return guard([&] { *need(out, "out") = need(p, "profile")->survey_names.size(); });
}

int plaint_profile_survey_name(const plaint_profile* p, size_t index, const char** out) {
    return guard([&] {
        const auto& names = need(p, "profile")->survey_names;
        need(out, "out");
        check_position(index, names.size(), "survey index", "surveys");
        *out = names[index].c_str();
    });
}

int plaint_profile_survey_json(const plaint_profile* p, const char* name, char** out) {
    return guard([&] {
        need(p, "profile");
        need(name, "name");
        need(out, "out");
        const std::optional<plaint::Survey> s = p->impl.survey(name);
        if (!s)
            throw plaint::error(plaint::errc::not_found,
                                "no survey named '" + std::string(name) + "' in the profile");
        *out = owned_copy(s->to_json());
    });
}

} // extern "C"
