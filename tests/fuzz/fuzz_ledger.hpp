// What the ledger targets (import, snapshot) check of a ledger they built.
#pragma once

#include "fuzz_common.hpp"

#include "plaint/plaint.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace plaint_fuzz {

// Every complaint (the first 256) reads back, by index and by id, and as JSON that reads again.
inline void read_back(const plaint::Ledger& l) {
    using namespace plaint;
    std::vector<EventBrief> brief;
    std::vector<std::string_view> tags;
    const std::size_t n = std::min<std::size_t>(l.size(), 256);
    for (std::size_t i = 0; i < n; ++i) {
        const Complaint c = l.complaint(i);     // must not throw
        const std::string json = to_json(c);    // must not throw
        PLAINT_FUZZ_CHECK(l.find(c.id()) == i); // its id finds it
        l.events_brief(i, brief);               // must not throw
        PLAINT_FUZZ_CHECK(!brief.empty());      // receive first
        l.tags(i, tags);
        (void)complaint_from_json(json); // must not throw
    }
}

// read_back, and the whole ledger goes through a snapshot and comes back the same.
inline void check_ledger(const plaint::Ledger& l) {
    using namespace plaint;
    read_back(l);
    const std::string bytes = save_snapshot_to_string(l);
    // Under the ledger's own profile: the loader then shares it rather than compiling the
    // stored copy (the profile's compile is fuzz_profile_json's; here it would cost most of
    // each execution).
    const Ledger back = load_snapshot_from_string(bytes, l.profile()); // must not throw
    PLAINT_FUZZ_CHECK(back.size() == l.size());
    PLAINT_FUZZ_CHECK(back.event_count() == l.event_count());
    PLAINT_FUZZ_CHECK(save_snapshot_to_string(back) == bytes);
}

// What both import targets check of an import's outcome: the report agrees with the ledger (all
// or nothing leaves it empty), every complaint reads back, and after a sweep the ledger goes
// through a snapshot unchanged.
inline void check_import(plaint::Ledger& l, const plaint::ImportOptions& options,
                         const plaint::ImportReport& r) {
    using namespace plaint;
    PLAINT_FUZZ_CHECK(r.problems.size() <= r.bad_rows && r.problems.size() <= options.max_problems);
    if (!r.committed)
        PLAINT_FUZZ_CHECK(options.all_or_nothing && l.size() == 0 && l.event_count() == 0);
    else
        PLAINT_FUZZ_CHECK(l.size() == r.complaints);
    read_back(l);
    if (l.size() == 0)
        return;
    // One snapshot per execution, after the re-evaluation (a snapshot costs most of it).
    try {
        l.reevaluate(1798761600); // 2027-01-01
    } catch (const error&) {
    }
    check_ledger(l);
}

} // namespace plaint_fuzz
