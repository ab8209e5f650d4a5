// The shim of plaint/c/workflow.h over plaint/workflow.hpp. The handling workflow: which events a
// complaint allows now, and each kind of request's table.
#include "shim.hpp"

using namespace plaint_shim;

extern "C" {

int plaint_complaint_allows(const plaint_complaint* c, int32_t type, int32_t* out) {
    return guard([&] {
        need(c, "complaint");
        need(out, "out");
        const auto t = enum_arg<plaint::EventType>(type);
        const auto allowed = c->impl.allowed_events();
        *out = 0;
        for (auto a : allowed)
            if (a == t)
                *out = 1;
    });
}

int plaint_workflow_transition(int32_t kind, int32_t state, int32_t event, int32_t* out) {
    return guard([&] {
        need(out, "out");
        const auto k = enum_arg<plaint::Kind>(kind);
        const auto from = enum_arg<plaint::State>(state);
        const auto e = enum_arg<plaint::EventType>(event);
        const std::optional<plaint::State> to = plaint::transition(k, from, e);
        *out = to ? static_cast<int32_t>(*to) : 0;
    });
}

} // extern "C"
