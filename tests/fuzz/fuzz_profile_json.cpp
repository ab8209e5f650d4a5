// Fuzz target: a profile's JSON (Profile::from_json). A profile that compiles writes JSON that
// compiles to the same profile, and classifies and answers for its surveys without failing.
#include "fuzz_common.hpp"

#include "plaint/plaint.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plaint;
    std::optional<Profile> p;
    try {
        p = Profile::from_json(plaint_fuzz::text(data, size));
    } catch (const error&) {
        return 0;
    }
    const std::string json = p->to_json();
    const Profile again = Profile::from_json(json); // must not throw
    PLAINT_FUZZ_CHECK(again.to_json() == json);
    Facts f;
    f.channel = Channel::phone;
    f.category = Category::equipment;
    f.building = "A5";
    f.unit = "1609";
    f.content = "卫生间天花板漏水 water leak, no hot water";
    f.reporter_count = 3;
    f.hours_since_received = 30;
    f.received = 1790000000; // 2026-09-21
    try {
        (void)p->classify(f);
    } catch (const error&) {
        // a calendar condition outside the calendar's years may fail; nothing else should
    }
    for (const std::string& name : p->survey_names())
        PLAINT_FUZZ_CHECK(p->survey(name).has_value());
    return 0;
}
