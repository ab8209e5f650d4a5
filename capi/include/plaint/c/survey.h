/**
 * @file plaint/c/survey.h
 * The surveys of a profile: names and JSON forms.
 * The C mirror of plaint/survey.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_SURVEY_H
#define PLAINT_C_SURVEY_H

#include "plaint/c/profile.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The number of surveys in the profile's `surveys` section.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_profile_survey_count(const plaint_profile* p, size_t* out);
/**
 * The name of survey `index`, in document order; borrowed: valid until the profile is freed.
 * @return PLAINT_OK; PLAINT_E_OUT_OF_RANGE for `index` ≥ the count; PLAINT_E_INVALID_ARGUMENT
 * for NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_profile_survey_name(const plaint_profile* p, size_t index, const char** out);
/**
 * The survey named `name` (NUL-terminated) as JSON: `{"name", "description", "instrument",
 * "scale": [lowest, highest], "satisfied": [levels], "dimensions": [{"name", "weight",
 * "items": [...]}], "items": [{"path", "weight"}], "overall", "ahp": {"weights", "lambda_max",
 * "ci", "ri", "cr", "consistent", "ri_table", "method", "worst"}}` (local weights normalised
 * among siblings, item weights global; "ahp" only when the weights came from a pairwise
 * matrix). Owned: free it with plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_NOT_FOUND when the profile has no such survey;
 * PLAINT_E_INVALID_ARGUMENT for NULL. Thread-safe. Since 0.4.
 */
PLAINT_API int plaint_profile_survey_json(const plaint_profile* p, const char* name, char** out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_SURVEY_H */
