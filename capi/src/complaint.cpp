// The shim of plaint/c/complaint.h over plaint/complaint.hpp. Complaints: intake fields, tags,
// events and their log, JSON form.
#include "shim.hpp"

using namespace plaint_shim;

namespace {

plaint::TextField field_of(int32_t field) {
    if (field < PLAINT_FIELD_ID || field > PLAINT_FIELD_SUBCATEGORY)
        throw plaint::error(plaint::errc::out_of_range,
                            "unknown text field code " + std::to_string(field));
    return static_cast<plaint::TextField>(field);
}

} // namespace

extern "C" {

PLAINT_SIZED_INIT(plaint_event)

int plaint_complaint_new(plaint_complaint** out, const char* id, int64_t received) {
    return guard([&] {
        need(out, "out");
        need(id, "id");
        *out = new plaint_complaint{plaint::Complaint(id, received)};
    });
}

void plaint_complaint_free(plaint_complaint* c) {
    delete c;
}

int plaint_complaint_clone(const plaint_complaint* c, plaint_complaint** out) {
    return guard([&] {
        need(c, "complaint");
        need(out, "out");
        *out = new plaint_complaint{c->impl};
    });
}

int plaint_complaint_set_text(plaint_complaint* c, int32_t field, const char* data, size_t len) {
    return guard([&] {
        need(c, "complaint");
        auto f = field_of(field);
        c->impl.set_text(f, text_arg(data, len, "data"));
    });
}

int plaint_complaint_text(const plaint_complaint* c, int32_t field, const char** out,
                          size_t* len_out) {
    return guard([&] {
        need(c, "complaint");
        need(out, "out");
        const std::string& s = c->impl.text(field_of(field));
        *out = s.c_str();
        if (len_out)
            *len_out = s.size();
    });
}

int plaint_complaint_set_channel(plaint_complaint* c, int32_t channel) {
    return guard(
        [&] { need(c, "complaint")->impl.set_channel(enum_arg<plaint::Channel>(channel)); });
}

int plaint_complaint_set_category(plaint_complaint* c, int32_t category) {
    return guard(
        [&] { need(c, "complaint")->impl.set_category(enum_arg<plaint::Category>(category)); });
}

int plaint_complaint_set_kind(plaint_complaint* c, int32_t kind) {
    return guard([&] { need(c, "complaint")->impl.set_kind(enum_arg<plaint::Kind>(kind)); });
}

int plaint_complaint_set_reporter_count(plaint_complaint* c, int32_t count) {
    return guard([&] { need(c, "complaint")->impl.set_reporter_count(count); });
}

int plaint_complaint_set_received(plaint_complaint* c, int64_t received) {
    return guard([&] { need(c, "complaint")->impl.set_received(received); });
}

int plaint_complaint_add_tag(plaint_complaint* c, const char* tag) {
    return guard([&] {
        need(c, "complaint");
        need(tag, "tag");
        c->impl.add_tag(tag);
    });
}

int plaint_complaint_remove_tag(plaint_complaint* c, const char* tag) {
    return guard([&] {
        need(c, "complaint");
        need(tag, "tag");
        if (!c->impl.remove_tag(tag))
            throw plaint::error(plaint::errc::not_found, "no tag '" + std::string(tag) + "'");
    });
}

int plaint_complaint_tag_count(const plaint_complaint* c, size_t* out) {
    return guard([&] { *need(out, "out") = need(c, "complaint")->impl.tags().size(); });
}

int plaint_complaint_tag(const plaint_complaint* c, size_t index, const char** out) {
    return guard([&] {
        need(c, "complaint");
        need(out, "out");
        const auto& tags = c->impl.tags();
        check_position(index, tags.size(), "tag index", "tags");
        *out = tags[index].c_str();
    });
}

#define PLAINT_GETTER(name, type, expr)                                                            \
    int plaint_complaint_##name(const plaint_complaint* c, type* out) {                            \
        return guard([&] {                                                                         \
            const plaint::Complaint& k = need(c, "complaint")->impl;                               \
            *need(out, "out") = (expr);                                                            \
        });                                                                                        \
    }

PLAINT_GETTER(received, int64_t, k.received())
PLAINT_GETTER(channel, int32_t, static_cast<int32_t>(k.channel()))
PLAINT_GETTER(category, int32_t, static_cast<int32_t>(k.category()))
PLAINT_GETTER(nature, int32_t, static_cast<int32_t>(k.nature()))
PLAINT_GETTER(severity, int32_t, static_cast<int32_t>(k.severity()))
PLAINT_GETTER(reporter_count, int32_t, k.reporter_count())
PLAINT_GETTER(state, int32_t, static_cast<int32_t>(k.state()))
PLAINT_GETTER(owner, int32_t, static_cast<int32_t>(k.owner()))
PLAINT_GETTER(visit_method, int32_t,
              k.visit_method() ? static_cast<int32_t>(*k.visit_method()) : PLAINT_VISIT_NONE)
PLAINT_GETTER(cycle, int32_t, k.cycle())
PLAINT_GETTER(kind, int32_t, static_cast<int32_t>(k.kind()))
PLAINT_GETTER(stated_kind, int32_t, k.stated_kind() ? static_cast<int32_t>(*k.stated_kind()) : 0)
#undef PLAINT_GETTER

int plaint_complaint_rectification_deadline(const plaint_complaint* c, int32_t* has_out,
                                            int64_t* deadline_out) {
    return guard([&] {
        need(c, "complaint");
        need(has_out, "has_out");
        need(deadline_out, "deadline_out");
        auto d = c->impl.rectification_deadline();
        *has_out = d ? 1 : 0;
        *deadline_out = d ? *d : 0;
    });
}

int plaint_complaint_apply(plaint_complaint* c, int32_t type, int64_t at, int32_t role,
                           const char* note) {
    plaint_event e = PLAINT_EVENT_INIT;
    e.type = type;
    e.at = at;
    e.role = role;
    e.note = note;
    return plaint_complaint_apply_event(c, &e);
}

int plaint_complaint_apply_event(plaint_complaint* c, const plaint_event* event) {
    return guard([&] {
        need(c, "complaint");
        c->impl.apply(event_arg(event));
    });
}

int plaint_complaint_event_count(const plaint_complaint* c, size_t* out) {
    return guard([&] { *need(out, "out") = need(c, "complaint")->impl.events().size(); });
}

int plaint_complaint_event(const plaint_complaint* c, size_t index, plaint_event* out) {
    return guard([&] {
        need(c, "complaint");
        need(out, "out");
        check_size(out);
        const auto& log = c->impl.events();
        check_position(index, log.size(), "event index", "events");
        const plaint::Event& e = log[index];
        const uint32_t size = out->size;
        out->type = static_cast<int32_t>(e.type);
        out->at = e.at;
        out->role = static_cast<int32_t>(e.actor);
        out->note = e.note.c_str();
        out->nature = static_cast<int32_t>(e.nature);
        out->severity = static_cast<int32_t>(e.severity);
        out->target_role = e.target ? static_cast<int32_t>(*e.target) : PLAINT_ROLE_NONE;
        out->visit_method = e.method ? static_cast<int32_t>(*e.method) : PLAINT_VISIT_NONE;
        out->has_deadline = e.deadline ? 1 : 0;
        out->deadline = e.deadline ? *e.deadline : 0;
        if (size >= offsetof(plaint_event, from_state) + sizeof(int32_t))
            out->from_state = static_cast<int32_t>(e.from);
        if (size >= offsetof(plaint_event, to_state) + sizeof(int32_t))
            out->to_state = static_cast<int32_t>(e.to);
        if (PLAINT_COVERS(out, plaint_event, handler)) // 0.7
            out->handler = e.handler.c_str();
        if (PLAINT_COVERS(out, plaint_event, team)) // 0.7
            out->team = e.team.c_str();
    });
}

int plaint_complaint_from_json(plaint_complaint** out, const char* json, size_t len) {
    return guard([&] {
        need(out, "out");
        auto text = json_arg(json, len, "complaint");
        *out = new plaint_complaint{plaint::complaint_from_json(text)};
    });
}

int plaint_complaint_to_json(const plaint_complaint* c, char** out) {
    return guard([&] {
        need(c, "complaint");
        need(out, "out");
        *out = owned_copy(plaint::to_json(c->impl));
    });
}

} // extern "C"
