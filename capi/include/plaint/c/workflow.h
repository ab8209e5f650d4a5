/**
 * @file plaint/c/workflow.h
 * The handling workflow: which events a complaint allows now, and each kind of request's table.
 * The C mirror of plaint/workflow.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_WORKFLOW_H
#define PLAINT_C_WORKFLOW_H

#include "plaint/c/complaint.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Whether event `type` is allowed now (by the state table of the complaint's kind and its nature
 * and owner; the event's own details are not considered): `*out` is 1 or 0.
 * @return PLAINT_OK, PLAINT_E_INVALID_ARGUMENT, PLAINT_E_OUT_OF_RANGE. Since 0.1.
 */
PLAINT_API int plaint_complaint_allows(const plaint_complaint* c, int32_t type, int32_t* out);

/**
 * The workflow table of one kind of request: the state after event `event` in state `state` for a
 * request of kind `kind`, or 0 when the table has no such move. The table alone: a complaint's
 * guards on its nature and owner, and the details an event needs, are plaint_complaint_allows's
 * and plaint_complaint_apply_event's. A COMPLAINT follows the full cycle; a REPAIR may be
 * assigned from RECORDED, is CONFIRMed (RESOLVED -> CLOSED) or found UNSATISFIED (RESOLVED ->
 * RECTIFICATION) by the resident; a CONSULTATION is ANSWERed (-> CLOSED) from RECORDED,
 * CLASSIFIED, ASSIGNED or IN_PROGRESS; a SUGGESTION or PRAISE is ACKNOWLEDGEd (-> CLOSED) from
 * RECORDED, CLASSIFIED or ASSIGNED; every kind may ESCALATE while open and REOPEN when CLOSED.
 * @param kind PLAINT_KIND_*.
 * @param state PLAINT_STATE_*, the state before.
 * @param event PLAINT_EVENT_*.
 * @param out receives the PLAINT_STATE_* after, or 0 for an illegal move; unchanged on failure.
 * @return PLAINT_OK (legal or not); PLAINT_E_OUT_OF_RANGE for an unknown kind, state or event
 * code; PLAINT_E_INVALID_ARGUMENT for a NULL `out`. Thread-safe. Since 0.7.
 */
PLAINT_API int plaint_workflow_transition(int32_t kind, int32_t state, int32_t event, int32_t* out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_WORKFLOW_H */
