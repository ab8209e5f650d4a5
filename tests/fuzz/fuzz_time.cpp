// Fuzz target: the small parsers of instants and durations. The first byte picks one, the rest
// is its text (or, for formatting, its numbers):
//   0 ISO 8601 instant: what parses formats and parses back to the same instant;
//   1 duration: what parses is not negative and parses back from its digits;
//   2 local date "YYYY-MM-DD": a real day;  3 time of day "HH:MM": 0..24 h;
//   4 month "YYYY-MM" after an offset (4 bytes): 28 to 31 whole days;
//   5 an instant and an offset (8 + 4 bytes): what formats parses back to the instant.
#include "fuzz_common.hpp"

#include "plaint/plaint.hpp"

#include <cstring>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plaint;
    if (size == 0)
        return 0;
    const std::string_view s = plaint_fuzz::text(data + 1, size - 1);
    try {
        switch (data[0] % 6) {
        case 0: {
            const Instant t = parse_iso8601(s);
            PLAINT_FUZZ_CHECK(t >= min_text_instant && t <= max_text_instant);
            PLAINT_FUZZ_CHECK(parse_iso8601(format_iso8601(t)) == t); // must not throw
            break;
        }
        case 1: {
            const Duration d = parse_duration(s);
            PLAINT_FUZZ_CHECK(d >= 0);
            PLAINT_FUZZ_CHECK(parse_duration(std::to_string(d)) == d);
            break;
        }
        case 2: {
            const LocalDate d = parse_local_date(s);
            PLAINT_FUZZ_CHECK(d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31);
            break;
        }
        case 3: {
            const std::int32_t t = parse_time_of_day(s);
            PLAINT_FUZZ_CHECK(t >= 0 && t <= 86400);
            break;
        }
        case 4: {
            std::int32_t offset = 0;
            std::string_view month = s;
            if (month.size() >= 4) {
                std::memcpy(&offset, month.data(), 4);
                month.remove_prefix(4);
            }
            const auto [from, to] = Ledger::month_range(month, offset % (18 * 3600 + 1));
            PLAINT_FUZZ_CHECK(from < to);
            // One offset at both ends: whole days, 28 to 31 of them.
            PLAINT_FUZZ_CHECK((to - from) % 86400 == 0);
            PLAINT_FUZZ_CHECK(to - from >= 28 * 86400 && to - from <= 31 * 86400);
            break;
        }
        default: {
            if (s.size() < 12)
                return 0;
            Instant t = 0;
            std::int32_t offset = 0;
            std::memcpy(&t, s.data(), 8);
            std::memcpy(&offset, s.data() + 8, 4);
            if (s.size() > 12) // near the text range more often than not
                t %= max_text_instant + 1;
            const std::string text = format_iso8601(t, offset);
            PLAINT_FUZZ_CHECK(parse_iso8601(text) == t); // must not throw
            break;
        }
        }
    } catch (const error&) {
    }
    return 0;
}
