/**
 * @file plaint/c/workflow.h
 * The handling workflow: which events a complaint allows now.
 * The C mirror of plaint/workflow.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_WORKFLOW_H
#define PLAINT_C_WORKFLOW_H

#include "plaint/c/complaint.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Whether event `type` is allowed now (by the state table and the complaint's nature and
 * owner; the event's own details are not considered): `*out` is 1 or 0.
 * @return PLAINT_OK, PLAINT_E_INVALID_ARGUMENT, PLAINT_E_OUT_OF_RANGE. Since 0.1.
 */
PLAINT_API int plaint_complaint_allows(const plaint_complaint* c, int32_t type, int32_t* out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_WORKFLOW_H */
