// The shim of plaint/c/snapshot.h over plaint/snapshot.hpp. Snapshots: a whole ledger saved to a
// file and loaded back.
#include "shim.hpp"

using namespace plaint_shim;

extern "C" {

int plaint_ledger_save(const plaint_ledger* l, const char* path) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(path, "path");
        plaint::save_snapshot(h.impl, path);
    });
}

int plaint_ledger_load(plaint_ledger** out, const char* path, const plaint_profile* profile) {
    return guard([&] {
        need(out, "out");
        need(path, "path");
        *out = new plaint_ledger{profile ? plaint::load_snapshot(path, profile->impl)
                                         : plaint::load_snapshot(path)};
    });
}

} // extern "C"
