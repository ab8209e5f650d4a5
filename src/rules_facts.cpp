// Facts::check: the facts the rules read, checked as a complaint checks its own fields, so that
// the batch paths (C's plaint_profile_classify_many, Python's classify_many) refuse what a
// Complaint refuses.
#include "complaint_detail.hpp"
#include "utf8.hpp"

#include "plaint/complaint.hpp"
#include "plaint/error.hpp"
#include "plaint/rules.hpp"

#include <cmath>
#include <string>

PLAINT_BEGIN_NAMESPACE

namespace {

void check_count(std::int32_t n, const char* what) {
    if (n < 0)
        throw error(errc::out_of_range,
                    std::string(what) + " " + std::to_string(n) + " is negative");
}

void check_text(std::string_view text, std::size_t limit, const char* what) {
    detail::check_size(text, limit, what);
    detail::check_utf8(text, what);
}

} // namespace

void Facts::check() const {
    if (reporter_count < 1 || reporter_count > Limits::reporters)
        throw error(errc::out_of_range, "reporter count " + std::to_string(reporter_count) +
                                            " is outside 1.." + std::to_string(Limits::reporters));
    if (kind && !from_code<Kind>(static_cast<std::int32_t>(*kind)))
        throw error(errc::out_of_range,
                    "unknown kind code " + std::to_string(static_cast<std::int32_t>(*kind)));
    check_count(repeat_count, "repeat count");
    check_count(unsatisfied_visits, "unsatisfied-visit count");
    check_count(reopens, "reopen count");
    if (!std::isfinite(hours_since_received))
        throw error(errc::out_of_range, "hours since received is not a finite number");
    check_text(building, Limits::short_text, "building");
    check_text(unit, Limits::short_text, "unit");
    check_text(subcategory, Limits::short_text, "sub-category");
    check_text(content, Limits::long_text, "content");
    if (tags.size() > Limits::tags)
        throw error(errc::too_large,
                    "a complaint holds at most " + std::to_string(Limits::tags) + " tags");
    for (const std::string_view tag : tags) {
        if (tag.empty())
            throw error(errc::invalid_argument, "a tag must not be empty");
        check_text(tag, Limits::tag, "tag");
    }
}

PLAINT_END_NAMESPACE
