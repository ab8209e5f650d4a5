/* Walks one complaint from intake to closure through the C ABI and prints its event log:
 * the same complaint as lifecycle.cpp and lifecycle.py, with the same output. */
#include <plaint/plaint.h>

#include <stdio.h>

static int check(int status) {
    if (status != PLAINT_OK)
        fprintf(stderr, "error (%s): %s\n", plaint_status_string(status),
                plaint_last_error_message());
    return status == PLAINT_OK;
}

static const char* name_of(int32_t kind, int32_t code) {
    const char* name = "?";
    plaint_enum_name(kind, code, &name);
    return name;
}

/* One step of the walk: an event type, an ISO time, the actor, a note and its details. */
struct step {
    int32_t type;
    const char* at;
    int32_t role;
    const char* note;
};

int main(void) {
    static const struct step steps[] = {
        {PLAINT_EVENT_RECORD, "2026-03-02T09:20:00+08:00", PLAINT_ROLE_DUTY_STAFF,
         "recorded on the complaint form"},
        {PLAINT_EVENT_CLASSIFY, "2026-03-02T09:30:00+08:00", PLAINT_ROLE_DUTY_STAFF,
         "within our scope"},
        {PLAINT_EVENT_ASSIGN, "2026-03-02T09:35:00+08:00", PLAINT_ROLE_DUTY_STAFF,
         "to the customer-service assistant"},
        {PLAINT_EVENT_START, "2026-03-02T10:00:00+08:00", PLAINT_ROLE_CS_ASSISTANT,
         "plumber on site"},
        {PLAINT_EVENT_RESOLVE, "2026-03-02T14:00:00+08:00", PLAINT_ROLE_CS_ASSISTANT,
         "pipe joint replaced"},
        {PLAINT_EVENT_VISIT, "2026-03-03T10:00:00+08:00", PLAINT_ROLE_CS_ASSISTANT, "return call"},
        {PLAINT_EVENT_SATISFIED, "2026-03-03T10:05:00+08:00", PLAINT_ROLE_CS_ASSISTANT,
         "resident satisfied"},
    };
    plaint_complaint* c = NULL;
    int64_t t0 = 0;
    int32_t state = 0;
    size_t i, n = 0;
    int ok =
        check(plaint_instant_parse("2026-03-02T09:15:00+08:00", PLAINT_NTS, &t0)) &&
        check(plaint_complaint_new(&c, "2026-03-0042", t0)) &&
        check(plaint_complaint_set_channel(c, PLAINT_CHANNEL_PHONE)) &&
        check(plaint_complaint_set_category(c, PLAINT_CATEGORY_EQUIPMENT)) &&
        check(plaint_complaint_set_text(c, PLAINT_FIELD_SUBCATEGORY, "plumbing", PLAINT_NTS)) &&
        check(plaint_complaint_set_text(c, PLAINT_FIELD_NAME, "Ms Wang", PLAINT_NTS)) &&
        check(plaint_complaint_set_text(c, PLAINT_FIELD_BUILDING, "3", PLAINT_NTS)) &&
        check(plaint_complaint_set_text(c, PLAINT_FIELD_UNIT, "1202", PLAINT_NTS)) &&
        check(plaint_complaint_set_text(
            c, PLAINT_FIELD_CONTENT, "卫生间天花板漏水 / water leaking from the bathroom ceiling",
            PLAINT_NTS)) &&
        check(plaint_complaint_set_text(c, PLAINT_FIELD_REMEDY,
                                        "fix the pipe and repaint the ceiling", PLAINT_NTS));
    for (i = 0; ok && i < sizeof steps / sizeof steps[0]; ++i) {
        plaint_event e = PLAINT_EVENT_INIT;
        e.type = steps[i].type;
        e.role = steps[i].role;
        e.note = steps[i].note;
        ok = check(plaint_instant_parse(steps[i].at, PLAINT_NTS, &e.at));
        if (e.type == PLAINT_EVENT_CLASSIFY) {
            e.nature = PLAINT_NATURE_VALID;
            e.severity = PLAINT_SEVERITY_P2;
        } else if (e.type == PLAINT_EVENT_ASSIGN) {
            e.target_role = PLAINT_ROLE_CS_ASSISTANT;
        } else if (e.type == PLAINT_EVENT_VISIT) {
            e.visit_method = PLAINT_VISIT_PHONE;
        }
        ok = ok && check(plaint_complaint_apply_event(c, &e));
    }
    if (ok) {
        const char* id = "";
        plaint_complaint_text(c, PLAINT_FIELD_ID, &id, NULL);
        plaint_complaint_state(c, &state);
        printf("complaint %s: %s\n", id, name_of(PLAINT_ENUM_STATE, state));
        plaint_complaint_event_count(c, &n);
        for (i = 0; ok && i < n; ++i) {
            plaint_event e = PLAINT_EVENT_INIT;
            char* at = NULL;
            ok = check(plaint_complaint_event(c, i, &e)) &&
                 check(plaint_instant_format(e.at, 8 * 3600, &at));
            if (ok)
                printf("%s  %s  %s -> %s  %s  %s\n", at, name_of(PLAINT_ENUM_EVENT, e.type),
                       name_of(PLAINT_ENUM_STATE, e.from_state),
                       name_of(PLAINT_ENUM_STATE, e.to_state), name_of(PLAINT_ENUM_ROLE, e.role),
                       e.note);
            plaint_string_free(at);
        }
    }
    plaint_complaint_free(c);
    return ok ? 0 : 1;
}
