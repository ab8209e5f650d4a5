// The shim of plaint/c/profile.h over plaint/profile.hpp. Profiles: a site's rules, policies,
// calendars and keywords as one compiled document.
#include "shim.hpp"

using namespace plaint_shim;

extern "C" {

int plaint_profile_from_json(plaint_profile** out, const char* json, size_t len) {
    return guard([&] {
        need(out, "out");
        auto text = json_arg(json, len, "profile");
        *out = new_profile(plaint::Profile::from_json(text));
    });
}

int plaint_profile_from_file(plaint_profile** out, const char* path) {
    return guard([&] {
        need(out, "out");
        need(path, "path");
        *out = new_profile(plaint::Profile::from_file(path));
    });
}

int plaint_profile_default(plaint_profile** out) {
    return guard([&] {
        need(out, "out");
        *out = new_profile(plaint::Profile::default_profile());
    });
}

void plaint_profile_free(plaint_profile* p) {
    delete p;
}

int plaint_profile_to_json(const plaint_profile* p, char** out) {
    return guard([&] {
        need(p, "profile");
        need(out, "out");
        *out = owned_copy(p->impl.to_json());
    });
}

int plaint_profile_policy_set(const plaint_profile* p, plaint_policy_set** out) {
    return guard([&] {
        need(p, "profile");
        need(out, "out");
        *out = new_policy_set(p->impl.policies());
    });
}

int plaint_profile_visit_quota(const plaint_profile* p, int32_t role, int32_t* out) {
    return guard([&] {
        need(p, "profile");
        need(out, "out");
        *out = p->impl.visit_quota(enum_arg<plaint::Role>(role));
    });
}

int plaint_profile_repeat_window(const plaint_profile* p, int64_t* seconds_out) {
    return guard([&] {
        *need(seconds_out, "seconds_out") = need(p, "profile")->impl.rules().repeat_window();
    });
}

int plaint_profile_keyword_count(const plaint_profile* p, size_t* out) {
    return guard([&] { *need(out, "out") = need(p, "profile")->impl.rules().keywords().size(); });
}

int plaint_profile_keyword(const plaint_profile* p, size_t index, const char** out) {
    return guard([&] {
        const auto& keywords = need(p, "profile")->impl.rules().keywords();
        need(out, "out");
        check_position(index, keywords.size(), "keyword index", "keywords");
        *out = keywords[index].c_str();
    });
}

int plaint_profile_find_keywords(const plaint_profile* p, const char* text, size_t len,
                                 uint32_t* out, size_t capacity, size_t* count_out) {
    return guard([&] {
        const plaint::RuleSet& rules = need(p, "profile")->impl.rules();
        need(count_out, "count_out");
        if (capacity > 0)
            need(out, "out");
        const std::string_view t = text_arg(text, len, "text");
        std::vector<std::uint32_t> found;
        rules.find_keywords(t, found);
        const std::size_t k = std::min(capacity, found.size());
        if (k > 0) // `out` may be NULL with no room: never hand it to the copy
            std::copy(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(k), out);
        *count_out = found.size();
    });
}

int plaint_profile_folds_keywords(const plaint_profile* p, int32_t* out) {
    return guard(
        [&] { *need(out, "out") = need(p, "profile")->impl.rules().folds_keywords() ? 1 : 0; });
}

int plaint_profile_keyword_match(const plaint_profile* p, size_t index, const char* text,
                                 size_t len, size_t* offset_out, size_t* length_out) {
    return guard([&] {
        const plaint::RuleSet& rules = need(p, "profile")->impl.rules();
        need(offset_out, "offset_out");
        need(length_out, "length_out");
        check_position(index, rules.keywords().size(), "keyword index", "keywords");
        const std::string_view t = text_arg(text, len, "text");
        const std::string_view at = rules.keyword_match(index, t);
        *offset_out = at.data() ? static_cast<std::size_t>(at.data() - t.data()) : 0;
        *length_out = at.size();
    });
}

int plaint_profile_keyword_memory(const plaint_profile* p, size_t* out) {
    return guard([&] { *need(out, "out") = need(p, "profile")->impl.rules().keyword_memory(); });
}

int plaint_profile_warning_count(const plaint_profile* p, size_t* out) {
    return guard([&] { *need(out, "out") = need(p, "profile")->impl.warnings().size(); });
}

int plaint_profile_warning(const plaint_profile* p, size_t index, const char** pointer_out,
                           const char** message_out) {
    return guard([&] {
        const auto& warnings = need(p, "profile")->impl.warnings();
        check_position(index, warnings.size(), "warning index", "warnings");
        if (pointer_out)
            *pointer_out = warnings[index].pointer.c_str();
        if (message_out)
            *message_out = warnings[index].message.c_str();
    });
}

int plaint_profile_clocks(const plaint_profile* p, const plaint_complaint* c, const char* policy,
                          const char* dispatched_team, int64_t at, plaint_clock_list** out) {
    return guard([&] {
        need(p, "profile");
        need(c, "complaint");
        need(policy, "policy");
        need(out, "out");
        auto list = std::make_unique<plaint_clock_list>();
        list->clocks = p->impl.clocks(policy, c->impl, at, dispatched_team ? dispatched_team : "");
        *out = list.release();
    });
}

} // extern "C"
