// The shim of plaint/c/sla.h over plaint/sla.hpp. SLA policies, durations and the clocks of a
// complaint.
#include "shim.hpp"

using namespace plaint_shim;

namespace {} // namespace

extern "C" {

int plaint_policy_set_from_json(plaint_policy_set** out, const char* json, size_t len) {
    return guard([&] {
        need(out, "out");
        auto text = json_arg(json, len, "SLA policy set");
        *out = new_policy_set(plaint::PolicySet::from_json(text));
    });
}

int plaint_policy_set_default(plaint_policy_set** out) {
    return guard([&] {
        need(out, "out");
        *out = new_policy_set(plaint::PolicySet::default_set());
    });
}

void plaint_policy_set_free(plaint_policy_set* set) {
    delete set;
}

int plaint_policy_set_to_json(const plaint_policy_set* set, char** out) {
    return guard([&] {
        need(set, "set");
        need(out, "out");
        *out = owned_copy(set->impl.to_json());
    });
}

int plaint_policy_set_policy_count(const plaint_policy_set* set, size_t* out) {
    return guard([&] { *need(out, "out") = need(set, "set")->names.size(); });
}

int plaint_policy_set_policy_name(const plaint_policy_set* set, size_t index, const char** out) {
    return guard([&] {
        need(set, "set");
        need(out, "out");
        check_position(index, set->names.size(), "policy index", "policies");
        *out = set->names[index].c_str();
    });
}

int plaint_policy_set_calendar(const plaint_policy_set* set, const char* name,
                               plaint_calendar** out) {
    return guard([&] {
        need(set, "set");
        need(name, "name");
        need(out, "out");
        const plaint::Calendar* cal = set->impl.calendar(name);
        if (!cal)
            throw plaint::error(plaint::errc::not_found,
                                "no calendar named '" + std::string(name) + "' in the policy set");
        *out = new plaint_calendar{*cal};
    });
}

int plaint_duration_parse(const char* text, size_t len, int64_t* out) {
    return guard([&] {
        auto s = text_arg(text, len, "text");
        need(out, "out");
        *out = plaint::parse_duration(s);
    });
}

PLAINT_SIZED_INIT(plaint_clock)

int plaint_complaint_clocks(const plaint_complaint* c, const plaint_policy_set* set,
                            const char* policy, int64_t at, plaint_clock_list** out) {
    return guard([&] {
        need(c, "complaint");
        need(set, "set");
        need(policy, "policy");
        need(out, "out");
        auto list = std::make_unique<plaint_clock_list>();
        list->clocks = set->impl.clocks(policy, c->impl, at);
        *out = list.release();
    });
}

int plaint_clock_list_count(const plaint_clock_list* list, size_t* out) {
    return guard([&] { *need(out, "out") = need(list, "list")->clocks.size(); });
}

int plaint_clock_list_get(const plaint_clock_list* list, size_t index, plaint_clock* out) {
    return guard([&] {
        need(list, "list");
        need(out, "out");
        check_size(out);
        check_position(index, list->clocks.size(), "clock index", "clocks");
        const plaint::Clock& k = list->clocks[index];
        // Every field below belongs to the 0.2 struct, which `size` covers; later fields will
        // be written only when `size` reaches them (see plaint_complaint_event).
        out->target = k.target.c_str();
        out->kind = static_cast<int32_t>(k.kind);
        out->cycle = k.cycle;
        out->round = k.round;
        out->state = static_cast<int32_t>(k.state);
        out->escalate_to = role_code(k.escalate_to);
        put(k.started, out->has_started, out->started);
        put(k.stopped, out->has_stopped, out->stopped);
        put(k.due, out->has_due, out->due);
        put(k.breached_at, out->has_breached_at, out->breached_at);
        out->duration = k.duration;
        out->elapsed = k.elapsed;
        out->remaining = k.remaining;
        out->percent = k.percent;
        const std::size_t n = std::min<std::size_t>(k.warnings.size(), 4);
        out->warning_count = static_cast<uint32_t>(n);
        for (std::size_t i = 0; i < 4; ++i)
            out->warnings[i] = i < n ? k.warnings[i] : 0;
    });
}

void plaint_clock_list_free(plaint_clock_list* list) {
    delete list;
}

} // extern "C"
