// Fuzz target: a ledger's CSV import (Ledger::import_csv) under the default profile: the
// complaints file, then, after the first NUL byte, the events file. Checks as
// fuzz_import_jsonl.cpp.
#include "fuzz_ledger.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plaint;
    const std::string_view all = plaint_fuzz::text(data, size);
    const std::size_t nul = all.find('\0');
    const std::string_view complaints = all.substr(0, nul);
    const std::string_view events =
        nul == std::string_view::npos ? std::string_view() : all.substr(nul + 1);
    Ledger l;
    ImportOptions options;
    options.all_or_nothing = size % 4 == 0;
    options.max_problems = 8;
    plaint_fuzz::check_import(l, options, l.import_csv(complaints, events, options));
    return 0;
}
