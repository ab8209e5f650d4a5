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
    plaint_fuzz::check_import(l, options,
                              l.import_json_lines(plaint_fuzz::text(data, size), options));
    return 0;
}
