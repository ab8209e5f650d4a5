// The complaint's checks and lifecycle guards shared by `Complaint` (src/complaint.cpp) and the
// ledger (src/ledger.cpp, src/ledger_state.cpp), so that the two never disagree; not installed.
#pragma once

#include "plaint/complaint.hpp"
#include "plaint/config.hpp"
#include "plaint/enums.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

PLAINT_BEGIN_NAMESPACE
namespace detail {

// Throws errc::too_large when `v` is longer than `limit` bytes (a `Limits` member), naming
// `what`.
void check_size(std::string_view v, std::size_t limit, const char* what);

// The lifecycle's guards beyond the state table. The message of an illegal transition:
std::string illegal(State s, EventType e, const std::string& why = {});
// Why an event of type t is refused for a request of this kind, nature and owner, or nullptr.
const char* blocked_by(Kind kind, Nature nature, Role owner, EventType t) noexcept;
// Checks the details an event carries (classify's nature, escalate's target, visit's method,
// unsatisfied's deadline) against the request's kind, state and owner; throws plaint::error.
void check_details(Kind kind, State state, Role owner, const Event& e);
// Checks an event's handler and team ids (people.hpp), and that a team comes only on assign and
// escalate; throws plaint::error.
void check_staff(const Event& e);

// `complaint_from_json`, with the kind whose workflow checks the events: `workflow`, when given,
// is called once with the complaint as read before its events (fields and tags set) and returns
// that kind (a ledger's: the stated kind, or the one its rules decide for an unstated one). An
// unstated kind is then stated on the complaint returned, so that its events were checked by the
// right table; without `workflow` an unstated kind is a complaint's.
Complaint complaint_from_json(std::string_view text,
                              const std::function<Kind(const Complaint&)>& workflow);

} // namespace detail
PLAINT_END_NAMESPACE
