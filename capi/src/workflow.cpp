// The shim of plaint/c/workflow.h over plaint/workflow.hpp. The handling workflow: which events a
// complaint allows now.
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

} // extern "C"
