// The shim of plaint/c/enums.h over plaint/enums.hpp. The enumerations' codes, their names and
// parsing.
#include "shim.hpp"

using namespace plaint_shim;

namespace {

std::optional<plaint::EnumKind> kind_of(int32_t kind) {
    if (kind < PLAINT_ENUM_CHANNEL || kind > PLAINT_ENUM_KIND)
        return std::nullopt;
    return static_cast<plaint::EnumKind>(kind);
}

} // namespace

extern "C" {

int plaint_enum_name(int32_t kind, int32_t code, const char** out) {
    return guard([&] {
        need(out, "out");
        auto k = kind_of(kind);
        if (!k)
            throw plaint::error(plaint::errc::out_of_range,
                                "unknown enumeration kind " + std::to_string(kind));
        auto n = plaint::enum_name(*k, code);
        if (!n)
            throw plaint::error(plaint::errc::out_of_range, "unknown code " + std::to_string(code) +
                                                                " in enumeration " +
                                                                std::to_string(kind));
        *out = n->data(); // the names are NUL-terminated literals
    });
}

int plaint_enum_parse(int32_t kind, const char* name, int32_t* out) {
    return guard([&] {
        need(name, "name");
        need(out, "out");
        auto k = kind_of(kind);
        if (!k)
            throw plaint::error(plaint::errc::out_of_range,
                                "unknown enumeration kind " + std::to_string(kind));
        auto c = plaint::enum_code(*k, name);
        if (!c)
            throw plaint::error(plaint::errc::out_of_range, "unknown name '" + std::string(name) +
                                                                "'; expected one of " +
                                                                plaint::enum_names(*k));
        *out = *c;
    });
}

} // extern "C"
