/// @file survey.hpp
/// A survey definition from a profile's `surveys` section (DOMAIN.md §6): the instrument, its
/// answer scale and satisfied levels, the dimensions the residents rate (an indicator tree of
/// dimensions and items) with their weights — given directly or derived from an AHP
/// pairwise-comparison matrix — and the overall question. Plain values, copied out of the
/// compiled profile.
#pragma once

#include "plaint/config.hpp"
#include "plaint/satisfaction.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

PLAINT_BEGIN_NAMESPACE

/// One survey of a profile. Since 0.4.
struct Survey {
    std::string name;                 ///< its key in the profile's `surveys`
    std::string description;          ///< free text
    std::string instrument;           ///< what it is: "return_visit", "periodic", "nps", "ces"...
    satisfaction::Scale scale;        ///< the answer scale of every question
    std::uint64_t satisfied_mask = 0; ///< the levels counted as satisfied (bit k = level k)
    std::vector<satisfaction::Indicator> dimensions; ///< the indicator tree, local weights
    std::vector<satisfaction::ItemWeight> items;     ///< its leaves with global weights
    std::string overall;                             ///< the overall question's name (may be empty)
    std::optional<satisfaction::Ahp> ahp;            ///< when the top-level weights came from AHP

    /// The definition as JSON: `{"name", "description", "instrument", "scale": [lo, hi],
    /// "satisfied": [...], "dimensions": [{"name", "weight", "items": [...]}], "items":
    /// [{"path", "weight"}], "overall", "ahp": {"weights", "lambda_max", "ci", "ri", "cr",
    /// "consistent", "ri_table", "method", "worst"}}` (weights normalised; `ahp` only when
    /// used).
    std::string to_json() const;
};

PLAINT_END_NAMESPACE
