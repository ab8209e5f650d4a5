// Memory failure (issue 12): an allocator that fails the Nth allocation, swept over N for a
// profile's compilation, an import, a report and a snapshot's save and load, from C++ and
// through the C ABI. Every failure must come out as `std::bad_alloc` or `errc::no_memory` (C++)
// and PLAINT_E_NO_MEMORY (C): never another error, a wrong answer, a crash or
// `std::terminate`; and every object involved stays valid and usable afterwards, which is
// checked by using it and comparing with a run that had all the memory it wanted.
//
// The allocator is this program's replacement of the global operator new, which the shared C
// library uses too (it takes operator new from the C++ runtime by dynamic symbol). A sweep tries
// every N up to the first 800 allocations and then about 700 more, evenly spaced, so that each
// scenario makes at most about 1,500 attempts (a few seconds in a release build);
// `PLAINT_NOMEM_EVERY=1` in the environment tries every N.
#include "support.hpp"
#include <plaint/ledger.hpp>
#include <plaint/profile.hpp>
#include <plaint/report.hpp>
#include <plaint/snapshot.hpp>

#include "plaint/plaint.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <new>
#include <sstream>

namespace {

// Armed: allocations are counted, and the one numbered `fail_at` (1-based) throws.
bool armed = false;
std::size_t counted = 0, fail_at = 0;
bool failed = false;

void* allocate(std::size_t n, std::size_t align) {
    if (armed) {
        ++counted;
        if (counted == fail_at) {
            failed = true;
            return nullptr;
        }
    }
    if (align <= alignof(std::max_align_t))
        return std::malloc(n ? n : 1);
    void* p = nullptr;
    return ::posix_memalign(&p, align, n ? n : align) == 0 ? p : nullptr;
}

} // namespace

void* operator new(std::size_t n) {
    if (void* p = allocate(n, 0))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    return operator new(n);
}
void* operator new(std::size_t n, std::align_val_t a) {
    if (void* p = allocate(n, static_cast<std::size_t>(a)))
        return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n, std::align_val_t a) {
    return operator new(n, a);
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
    return allocate(n, 0);
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
    return allocate(n, 0);
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
    std::free(p);
}

using namespace plaint;

namespace {

enum class Outcome { done, out_of_memory, other };

// Runs `f` with allocation `n` failing; what came of it, and in `other` what went wrong.
template <class F>
Outcome run_failing(std::size_t n, F&& f, std::string& other) {
    counted = 0;
    fail_at = n;
    failed = false;
    armed = true;
    Outcome o = Outcome::done;
    try {
        f();
    } catch (const std::bad_alloc&) {
        o = Outcome::out_of_memory;
    } catch (const error& e) {
        if (e.code() == errc::no_memory) {
            o = Outcome::out_of_memory;
        } else {
            o = Outcome::other;
            other = e.what();
        }
    } catch (const std::exception& e) {
        o = Outcome::other;
        other = e.what();
    }
    armed = false;
    return o;
}

// How many allocations `f` makes with all the memory it wants.
template <class F>
std::size_t allocations_of(F&& f) {
    counted = 0;
    fail_at = 0;
    armed = true;
    f();
    armed = false;
    return counted;
}

std::vector<std::size_t> sweep_points(std::size_t total) {
    std::vector<std::size_t> out;
    const bool every = std::getenv("PLAINT_NOMEM_EVERY") != nullptr;
    const std::size_t dense = every ? total : std::min<std::size_t>(total, 800);
    for (std::size_t n = 1; n <= dense; ++n)
        out.push_back(n);
    if (dense < total) {
        const std::size_t step = std::max<std::size_t>(1, (total - dense) / 700);
        for (std::size_t n = dense + step; n <= total; n += step)
            out.push_back(n);
        if (out.back() != total)
            out.push_back(total);
    }
    return out;
}

// Sweeps `f` over its allocations; after each attempt `check` sees whether it finished.
template <class F, class C>
void sweep(const char* what, F&& f, C&& check) {
    const std::size_t total = allocations_of(f);
    INFO(what << ": " << total << " allocations with all the memory wanted");
    REQUIRE(total > 0);
    // The run with all the memory wanted is checked like the others, which also puts the
    // scenario back as it was (an import's ledger, say) before the first failure is tried.
    check(true);
    std::size_t tried = 0, out_of_memory = 0;
    for (std::size_t n : sweep_points(total)) {
        std::string other;
        const Outcome o = run_failing(n, f, other);
        ++tried;
        if (o == Outcome::other)
            FAIL(what << ": allocation " << n << " failing gave another error: " << other);
        // A failure is reported whenever an allocation failed; the few the code can do without
        // (a reserve made to go faster, say) may let the call finish, and then correctly.
        if (o == Outcome::out_of_memory) {
            ++out_of_memory;
            CHECK(failed);
        }
        check(o == Outcome::done);
    }
    std::printf("%s: %zu allocations, %zu failure points tried, %zu reported out of memory\n", what,
                total, tried, out_of_memory);
    CHECK(out_of_memory > 0);
}

std::string profile_text() {
    return test::read_file(std::string(PLAINT_DATA_DIR) + "/default-profile.json");
}

// The sample month's first `n` complaints as JSON lines.
std::string sample_lines(std::size_t n) {
    std::istringstream in(
        test::read_file(std::string(PLAINT_DATA_DIR) + "/sample/complaints-2026-10.jsonl"));
    std::string line, out;
    for (std::size_t k = 0; k < n && std::getline(in, line); ++k)
        out += line + "\n";
    return out;
}

// Everything about a ledger, as text: its snapshot bytes (equal ledgers save equal bytes).
std::string state_of(const Ledger& l) {
    return save_snapshot_to_string(l);
}

ReportOptions october() {
    ReportOptions o;
    o.month = "2026-10";
    return o;
}

} // namespace

TEST_CASE("memory failure: compiling a profile") {
    const std::string text = profile_text();
    const std::string expected = Profile::from_json(text).to_json();
    sweep(
        "profile compile", [&] { (void)Profile::from_json(text); },
        [&](bool) {
            // Whatever failed before, the next compilation gives the same profile.
            CHECK(Profile::from_json(text).to_json() == expected);
        });
}

TEST_CASE("memory failure: a profile's named choices (AHP method, metric direction)") {
    // Small enough for every allocation to be failed in turn; the method and the direction were
    // once compared by building a JSON value inside a noexcept operator (a failure terminated).
    const std::string text = R"({"plaint_profile": 1,
      "surveys": {"s": {"dimensions": [{"name": "a", "items": ["x"]}, {"name": "b",
        "items": ["y"]}], "ahp": {"matrix": [[1, 2], [0.5, 1]], "method": "geometric"}}},
      "performance": {"metrics": [{"metric": "csat", "direction": "higher", "target": 0.9,
        "band": 0.3, "weight": 1}]}})";
    const std::string expected = Profile::from_json(text).to_json();
    sweep(
        "profile choices", [&] { (void)Profile::from_json(text); },
        [&](bool) { CHECK(Profile::from_json(text).to_json() == expected); });
}

TEST_CASE("memory failure: importing JSON lines into a ledger") {
    const std::string first = sample_lines(20), all = sample_lines(60);
    const std::string more = all.substr(first.size());
    Ledger reference;
    reference.import_json_lines(all);
    const std::string full = state_of(reference);
    Ledger base;
    base.import_json_lines(first);
    const std::string before = state_of(base);
    Ledger l = base;
    sweep(
        "import",
        [&] {
            ImportOptions o;
            o.all_or_nothing = true;
            const ImportReport r = l.import_json_lines(more, o);
            if (r.bad_rows != 0)
                throw std::runtime_error("a row was refused: " + r.problems.at(0).message);
        },
        [&](bool done) {
            if (done) {
                CHECK(state_of(l) == full);
            } else {
                // All or nothing: the ledger is as it was, and takes the same rows again.
                CHECK(state_of(l) == before);
                l.import_json_lines(more);
                CHECK(state_of(l) == full);
            }
            l = base;
        });
}

TEST_CASE("memory failure: the monthly report and snapshots") {
    Ledger l;
    l.import_json_lines(sample_lines(40));
    const std::string before = state_of(l);
    const std::string json = monthly_report(l, october()).to_json();
    sweep(
        "report", [&] { (void)monthly_report(l, october()).to_json(); },
        [&](bool) {
            CHECK(state_of(l) == before);
            CHECK(monthly_report(l, october()).to_json() == json);
        });
    sweep(
        "snapshot save", [&] { (void)save_snapshot_to_string(l); },
        [&](bool) { CHECK(state_of(l) == before); });
    sweep(
        "snapshot load", [&] { (void)load_snapshot_from_string(before); },
        [&](bool) { CHECK(state_of(load_snapshot_from_string(before)) == before); });
}

TEST_CASE("memory failure through the C ABI: PLAINT_E_NO_MEMORY and nothing else") {
    const std::string text = profile_text();
    const std::string lines = sample_lines(30);
    const auto c_sweep = [](const char* what, auto&& call) {
        // `call` returns a status; the same status with all the memory wanted is PLAINT_OK. A
        // first call, not counted, makes what is made once per process (the zone database, say),
        // so that the count is that of every later call.
        (void)call();
        counted = 0;
        fail_at = 0;
        armed = true;
        const int ok = call();
        armed = false;
        const std::size_t total = counted;
        REQUIRE(ok == PLAINT_OK);
        std::size_t no_memory = 0;
        for (std::size_t n : sweep_points(total)) {
            counted = 0;
            fail_at = n;
            failed = false;
            armed = true;
            const int status = call();
            armed = false;
            if (status != PLAINT_OK && status != PLAINT_E_NO_MEMORY)
                FAIL(what << ": allocation " << n << " failing gave status " << status << ": "
                          << plaint_last_error_message());
            if (status == PLAINT_E_NO_MEMORY)
                ++no_memory;
        }
        std::printf("C %s: %zu allocations, %zu reported PLAINT_E_NO_MEMORY\n", what, total,
                    no_memory);
        CHECK(no_memory > 0);
    };
    c_sweep("profile", [&] {
        plaint_profile* p = nullptr;
        const int s = plaint_profile_from_json(&p, text.data(), text.size());
        plaint_profile_free(p);
        return s;
    });
    plaint_ledger* l = nullptr;
    REQUIRE(plaint_ledger_new(&l, nullptr) == PLAINT_OK);
    c_sweep("import and report", [&] {
        plaint_ledger* fresh = nullptr;
        int s = plaint_ledger_new(&fresh, nullptr);
        plaint_import_result r = PLAINT_IMPORT_RESULT_INIT;
        if (s == PLAINT_OK)
            s = plaint_ledger_import_json_lines(fresh, lines.data(), lines.size(),
                                                PLAINT_IMPORT_ALL_OR_NOTHING, &r, nullptr);
        if (s == PLAINT_OK && r.bad_rows != 0)
            s = PLAINT_E_INTERNAL; // a row refused for want of memory would be a silent loss
        char* json = nullptr;
        if (s == PLAINT_OK)
            s = plaint_ledger_report_json(fresh, nullptr, &json);
        plaint_string_free(json);
        plaint_ledger_free(fresh);
        return s;
    });
    // Staff performance (0.7) by team, with a survey document read in the call.
    plaint_import_result r = PLAINT_IMPORT_RESULT_INIT;
    REQUIRE(plaint_ledger_import_json_lines(l, lines.data(), lines.size(),
                                            PLAINT_IMPORT_ALL_OR_NOTHING, &r,
                                            nullptr) == PLAINT_OK);
    plaint_performance_options o = PLAINT_PERFORMANCE_OPTIONS_INIT;
    REQUIRE(plaint_month_range("2026-10", 8 * 3600, &o.from, &o.to) == PLAINT_OK);
    o.by = PLAINT_STAFF_BY_TEAM;
    const char* const surveys[] = {"complaint_id,building,at,overall\n"
                                   "2026-10-0001,A5,2026-10-08T09:36:10+08:00,3\n"};
    o.surveys = surveys;
    o.survey_count = 1;
    c_sweep("staff performance", [&] {
        char* json = nullptr;
        const int s = plaint_ledger_performance_json(l, &o, &json);
        plaint_string_free(json);
        return s;
    });
    plaint_ledger_free(l);
}
