// Fuzz target: a calendar's JSON (Calendar::from_json). A calendar that compiles writes JSON
// that compiles to the same calendar, and its arithmetic agrees with itself: the open time
// between t and add(t, d) is d, and sub undoes add on an open instant.
#include "fuzz_common.hpp"

#include "plaint/plaint.hpp"

#include <optional>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plaint;
    std::optional<Calendar> c;
    try {
        c = Calendar::from_json(plaint_fuzz::text(data, size));
    } catch (const error&) {
        return 0;
    }
    const std::string json = c->to_json();
    const Calendar again = Calendar::from_json(json); // must not throw
    PLAINT_FUZZ_CHECK(again.to_json() == json);
    // A few instants from the input's own bytes (a hash), around 2026 and at the years' ends.
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t i = 0; i < size; ++i)
        h = (h ^ data[i]) * 1099511628211ull;
    const Instant starts[] = {1790000000 + static_cast<Instant>(h % 31536000),
                              -2208988800 + static_cast<Instant>(h % 86400 * 3),
                              7258118400 - 86400 * 8 + static_cast<Instant>(h % 86400)};
    const Duration ds[] = {0, 1, 3600, static_cast<Duration>((h >> 20) % (86400 * 40))};
    for (const Instant t : starts) {
        try {
            (void)c->is_open(t);
            (void)c->next_open(t);
        } catch (const error&) {
        }
        for (const Duration d : ds) {
            Instant u = 0;
            try {
                u = c->add(t, d);
            } catch (const error&) {
                continue;
            }
            PLAINT_FUZZ_CHECK(u >= t);
            PLAINT_FUZZ_CHECK(c->between(t, u) == d);
            PLAINT_FUZZ_CHECK(c->between(u, t) == -d);
            PLAINT_FUZZ_CHECK(again.add(t, d) == u);
            if (d > 0) {
                const Instant back = c->sub(u, d);
                PLAINT_FUZZ_CHECK(back >= t); // the latest such instant: t itself or later
                PLAINT_FUZZ_CHECK(c->between(back, u) == d);
            }
        }
    }
    return 0;
}
