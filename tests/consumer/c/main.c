/* Builds against the installed C ABI with pkg-config only. */
#include <plaint/plaint.h>

#include <stdio.h>

int main(void) {
    plaint_complaint* c = NULL;
    plaint_event e = PLAINT_EVENT_INIT;
    const char* state = NULL;
    int32_t s = 0;
    size_t n = 0;
    int64_t t = 0;
    int i;
    const int32_t path[] = {PLAINT_EVENT_RECORD,  PLAINT_EVENT_CLASSIFY, PLAINT_EVENT_ASSIGN,
                            PLAINT_EVENT_START,   PLAINT_EVENT_WAIT,     PLAINT_EVENT_RESUME,
                            PLAINT_EVENT_RESOLVE, PLAINT_EVENT_VISIT,    PLAINT_EVENT_SATISFIED};
    if (plaint_instant_parse("2026-03-02T09:15:00+08:00", PLAINT_NTS, &t) != PLAINT_OK ||
        plaint_complaint_new(&c, "X-2", t) != PLAINT_OK) {
        fprintf(stderr, "%s\n", plaint_last_error_message());
        return 1;
    }
    for (i = 0; i < 8 + 1; ++i) {
        plaint_event_init(&e, sizeof e);
        e.type = path[i];
        e.at = t + 60 * (i + 1);
        e.role = PLAINT_ROLE_DUTY_STAFF;
        e.nature = PLAINT_NATURE_VALID;
        e.visit_method = PLAINT_VISIT_PHONE;
        if (plaint_complaint_apply_event(c, &e) != PLAINT_OK) {
            fprintf(stderr, "%s\n", plaint_last_error_message());
            plaint_complaint_free(c);
            return 1;
        }
    }
    plaint_complaint_state(c, &s);
    plaint_enum_name(PLAINT_ENUM_STATE, s, &state);
    plaint_complaint_event_count(c, &n);
    printf("c-consumer: %s state=%s events=%u\n", plaint_version_string(), state, (unsigned)n);
    plaint_complaint_free(c);
    return 0;
}
