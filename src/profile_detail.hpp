// Helpers of the profile (src/profile.cpp) shared with the ledger; not installed.
#pragma once

#include "plaint/config.hpp"
#include "plaint/enums.hpp"

PLAINT_BEGIN_NAMESPACE
namespace detail {

// How serious a nature is, for re-evaluation, which only escalates (DOMAIN.md §3: a
// communicative complaint handled badly becomes a valid one): 0 unjudged, 1 the communicative
// natures, 2 valid, 3 major; -1 for invalid, which is never reached or left automatically (that
// takes a person's judgement). Profile::reevaluate and the ledger's re-evaluation both rank by it.
int seriousness(Nature n) noexcept;

} // namespace detail
PLAINT_END_NAMESPACE
