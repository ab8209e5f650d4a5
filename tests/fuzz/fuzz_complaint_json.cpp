// Fuzz target: a complaint's JSON with its event log (complaint_from_json). A complaint that
// reads writes JSON that reads back to the same JSON.
#include "fuzz_common.hpp"

#include "plaint/plaint.hpp"

#include <optional>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plaint;
    std::optional<Complaint> c;
    try {
        c = complaint_from_json(plaint_fuzz::text(data, size));
    } catch (const error&) {
        return 0;
    }
    const std::string json = to_json(*c);              // must not throw
    const Complaint again = complaint_from_json(json); // must not throw
    PLAINT_FUZZ_CHECK(to_json(again) == json);
    return 0;
}
