// Fuzz target: survey answers as CSV (SurveyResponses::from_csv). What reads has one answer per
// question and row, each missing or 0..127, and appends to itself.
#include "fuzz_common.hpp"

#include "plaint/plaint.hpp"

#include <optional>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plaint;
    std::optional<SurveyResponses> r;
    try {
        r = SurveyResponses::from_csv(plaint_fuzz::text(data, size));
    } catch (const error&) {
        return 0;
    }
    const std::size_t n = r->size();
    PLAINT_FUZZ_CHECK(r->complaint_id.size() == n && r->building.size() == n);
    PLAINT_FUZZ_CHECK(r->answers.size() == r->questions.size());
    for (const auto& column : r->answers)
        PLAINT_FUZZ_CHECK(column.size() == n);
    SurveyResponses twice = *r;
    twice.append(*r);
    PLAINT_FUZZ_CHECK(twice.size() == 2 * n);
    return 0;
}
