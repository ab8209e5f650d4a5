// Fuzz target: a ledger's JSON-lines import (Ledger::import_json_lines) under the default
// profile, then a re-evaluation. Whatever is imported reads back and goes through a snapshot
// (fuzz_ledger.hpp); an all-or-nothing import that refuses leaves the ledger empty.
#include "fuzz_ledger.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plaint;
    Ledger l;
    ImportOptions options;
    options.all_or_nothing = size % 4 == 0;
    options.max_problems = 8;
    const ImportReport r = l.import_json_lines(plaint_fuzz::text(data, size), options);
    PLAINT_FUZZ_CHECK(r.problems.size() <= r.bad_rows && r.problems.size() <= 8);
    if (!r.committed)
        PLAINT_FUZZ_CHECK(options.all_or_nothing && l.size() == 0 && l.event_count() == 0);
    else
        PLAINT_FUZZ_CHECK(l.size() == r.complaints);
    plaint_fuzz::read_back(l);
    if (l.size() == 0)
        return 0;
    // One snapshot per execution, after the re-evaluation (a snapshot costs most of it).
    try {
        l.reevaluate(1798761600); // 2027-01-01
    } catch (const error&) {
    }
    plaint_fuzz::check_ledger(l);
    return 0;
}
