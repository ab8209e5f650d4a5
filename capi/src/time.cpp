// The shim of plaint/c/time.h over plaint/time.hpp. Instants: ISO 8601 text and back.
#include "shim.hpp"

using namespace plaint_shim;

extern "C" {

int plaint_instant_parse(const char* text, size_t len, int64_t* out) {
    return guard([&] {
        auto s = text_arg(text, len, "text");
        need(out, "out");
        *out = plaint::parse_iso8601(s);
    });
}

int plaint_instant_format(int64_t t, int32_t offset_seconds, char** out) {
    return guard([&] {
        need(out, "out");
        *out = owned_copy(plaint::format_iso8601(t, offset_seconds));
    });
}

} // extern "C"
