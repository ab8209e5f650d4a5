/**
 * @file plaint/c/enums.h
 * The enumerations' codes, their names and parsing.
 * The C mirror of plaint/enums.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_ENUMS_H
#define PLAINT_C_ENUMS_H

#include "plaint/c/config.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Channel (投诉方式). Since 0.1. */
#define PLAINT_CHANNEL_PHONE 1
#define PLAINT_CHANNEL_VISIT 2
#define PLAINT_CHANNEL_LETTER 3
#define PLAINT_CHANNEL_ONLINE 4
#define PLAINT_CHANNEL_AUTHORITY 5
#define PLAINT_CHANNEL_MEDIA 6
#define PLAINT_CHANNEL_OTHER 7

/* Category (投诉内容). Since 0.1. */
#define PLAINT_CATEGORY_EQUIPMENT 1
#define PLAINT_CATEGORY_ATTITUDE 2
#define PLAINT_CATEGORY_QUALITY 3
#define PLAINT_CATEGORY_SUDDEN_EVENT 4
#define PLAINT_CATEGORY_OTHER 5

/* Nature (投诉性质). Since 0.1. */
#define PLAINT_NATURE_UNJUDGED 0
#define PLAINT_NATURE_VALID 1
#define PLAINT_NATURE_INVALID 2
#define PLAINT_NATURE_MAJOR 3
#define PLAINT_NATURE_HELP_SEEKING 4
#define PLAINT_NATURE_CONSULTING 5
#define PLAINT_NATURE_VENTING 6

/* Kind of request (DOMAIN.md §8): each has its own workflow (plaint_workflow_transition). 0 means
 * "not stated" where a kind is optional. Since 0.7. */
#define PLAINT_KIND_COMPLAINT 1 /**< 投诉: the full cycle, with a nature judged before handling */
#define PLAINT_KIND_REPAIR 2    /**< 报修: assessed on site, fixed, confirmed with the resident */
#define PLAINT_KIND_CONSULTATION 3 /**< 咨询: answered and closed */
#define PLAINT_KIND_SUGGESTION 4   /**< 建议: acknowledged and closed */
#define PLAINT_KIND_PRAISE 5       /**< 表扬: acknowledged and closed */

/* Severity. Since 0.1. */
#define PLAINT_SEVERITY_UNSET 0
#define PLAINT_SEVERITY_P1 1
#define PLAINT_SEVERITY_P2 2
#define PLAINT_SEVERITY_P3 3
#define PLAINT_SEVERITY_P4 4

/* Role, in escalation order. 0 means "none" where a role is optional. Since 0.1. */
#define PLAINT_ROLE_NONE 0
#define PLAINT_ROLE_DUTY_STAFF 1
#define PLAINT_ROLE_CS_ASSISTANT 2
#define PLAINT_ROLE_CS_MANAGER 3
#define PLAINT_ROLE_GENERAL_MANAGER 4
#define PLAINT_ROLE_COMPANY 5

/* Return-visit method. 0 means "none". Since 0.1. */
#define PLAINT_VISIT_NONE 0
#define PLAINT_VISIT_PHONE 1
#define PLAINT_VISIT_ON_SITE 2
#define PLAINT_VISIT_MEETING 3
#define PLAINT_VISIT_PUBLIC_NOTICE 4
#define PLAINT_VISIT_OTHER 5

/* Lifecycle state. Since 0.1. */
#define PLAINT_STATE_RECEIVED 1
#define PLAINT_STATE_RECORDED 2
#define PLAINT_STATE_CLASSIFIED 3
#define PLAINT_STATE_ASSIGNED 4
#define PLAINT_STATE_IN_PROGRESS 5
#define PLAINT_STATE_WAITING 6
#define PLAINT_STATE_RESOLVED 7
#define PLAINT_STATE_RETURN_VISIT 8
#define PLAINT_STATE_RECTIFICATION 9
#define PLAINT_STATE_CLOSED 10
#define PLAINT_STATE_EXPLAINED 11

/* Lifecycle event. Since 0.1. */
#define PLAINT_EVENT_RECEIVE 1
#define PLAINT_EVENT_RECORD 2
#define PLAINT_EVENT_CLASSIFY 3
#define PLAINT_EVENT_ASSIGN 4
#define PLAINT_EVENT_START 5
#define PLAINT_EVENT_WAIT 6
#define PLAINT_EVENT_RESUME 7
#define PLAINT_EVENT_RESOLVE 8
#define PLAINT_EVENT_VISIT 9
#define PLAINT_EVENT_SATISFIED 10
#define PLAINT_EVENT_UNSATISFIED 11
#define PLAINT_EVENT_EXPLAIN 12
#define PLAINT_EVENT_CLOSE 13
#define PLAINT_EVENT_ESCALATE 14
#define PLAINT_EVENT_REOPEN 15
/* Since 0.7: answer closes a consultation, acknowledge a suggestion or praise, and confirm
 * (the resident's word that the work is done) a finished repair. */
#define PLAINT_EVENT_ANSWER 16
#define PLAINT_EVENT_ACKNOWLEDGE 17
#define PLAINT_EVENT_CONFIRM 18

/* What an SLA target measures (the README's "SLA policies and clocks" section gives each
 * kind's default events). Since 0.2. */
#define PLAINT_TARGET_RECORD 1              /**< recorded within (1 h) */
#define PLAINT_TARGET_ACKNOWLEDGE 2         /**< judged and acknowledged within */
#define PLAINT_TARGET_FIRST_RESPONSE 3      /**< someone owns or works on it within */
#define PLAINT_TARGET_FIRST_FEEDBACK 4      /**< first feedback to the complainant within */
#define PLAINT_TARGET_RESOLUTION 5          /**< result and solution within; pauses while waiting */
#define PLAINT_TARGET_REPAIR_RESPONSE 6     /**< on-site assessment within */
#define PLAINT_TARGET_REPAIR_COMPLETION 7   /**< repair finished within; pauses while waiting */
#define PLAINT_TARGET_CONSULTATION_ANSWER 8 /**< a consultation answered within */
#define PLAINT_TARGET_RETURN_VISIT 9        /**< return visit within, after resolution */
#define PLAINT_TARGET_RECTIFICATION 10      /**< rectified by the unsatisfied visit's deadline */
#define PLAINT_TARGET_CUSTOM 11             /**< events given explicitly */

/* The state of an SLA clock at an instant. Since 0.2. */
#define PLAINT_CLOCK_NOT_STARTED 0 /**< its start event has not happened */
#define PLAINT_CLOCK_RUNNING 1
#define PLAINT_CLOCK_PAUSED 2
#define PLAINT_CLOCK_MET 3      /**< stopped on or before its due instant */
#define PLAINT_CLOCK_WARNING 4  /**< running past a warning threshold, not yet due */
#define PLAINT_CLOCK_BREACHED 5 /**< past its due instant (stopped late, or still open) */

/* Which enumeration, for plaint_enum_name and plaint_enum_parse. Since 0.1. */
#define PLAINT_ENUM_CHANNEL 1
#define PLAINT_ENUM_CATEGORY 2
#define PLAINT_ENUM_NATURE 3
#define PLAINT_ENUM_SEVERITY 4
#define PLAINT_ENUM_ROLE 5
#define PLAINT_ENUM_VISIT_METHOD 6
#define PLAINT_ENUM_STATE 7
#define PLAINT_ENUM_EVENT 8
#define PLAINT_ENUM_TARGET_KIND 9  /**< PLAINT_TARGET_*. Since 0.2. */
#define PLAINT_ENUM_CLOCK_STATE 10 /**< PLAINT_CLOCK_*. Since 0.2. */
#define PLAINT_ENUM_KIND 11        /**< PLAINT_KIND_*. Since 0.7. */

/**
 * The stable name of `code` in enumeration `kind` ("on_site"), in static storage.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT if `out` is NULL; PLAINT_E_OUT_OF_RANGE for an
 * unknown kind or code. Since 0.1.
 */
PLAINT_API int plaint_enum_name(int32_t kind, int32_t code, const char** out);
/**
 * The code of `name` (NUL-terminated) in enumeration `kind`.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT for NULL; PLAINT_E_OUT_OF_RANGE for an unknown
 * kind or name (the message lists the valid names). Since 0.1.
 */
PLAINT_API int plaint_enum_parse(int32_t kind, const char* name, int32_t* out);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_ENUMS_H */
