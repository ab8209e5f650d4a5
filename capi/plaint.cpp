// The C ABI: a thin shim over the C++ core. Every entry point funnels through guard(), which
// turns any exception into a status code and a per-thread message; nothing escapes.
#include "plaint/plaint.h"

#include "plaint/plaint.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

struct plaint_complaint {
    plaint::Complaint impl;
};

struct plaint_calendar {
    plaint::Calendar impl; // shares the compiled calendar: copies are cheap
};

struct plaint_policy_set {
    plaint::PolicySet impl; // shares the compiled set: copies are cheap
    // The policies' names, computed once so that plaint_policy_set_policy_name can lend them
    // for the handle's life.
    std::vector<std::string> names;
};

struct plaint_profile {
    plaint::Profile impl; // shares the compiled profile: copies are cheap
};

struct plaint_decision {
    // The profile the decision's views borrow from (its rule set), kept alive with it.
    plaint::Profile profile;
    plaint::Decision decision;
    // NUL-terminated copies of the decision's strings, lent by the getters.
    std::string sla_policy;
    std::vector<std::string> tags;
    std::vector<std::string> matched;
    // Computed with the decision: the facts borrow the complaint, which may change or go.
    plaint::Explanation explanation;
};

struct plaint_clock_list {
    // Copies: the list owns its target names and outlives the set and the complaint.
    std::vector<plaint::Clock> clocks;
};

namespace {

thread_local std::string last_error;
// The place of the last failure (plaint_last_error_location); empty when it had none.
thread_local plaint::Location last_location;
// Every problem of the last failure (plaint_last_error_problem); empty when it had none.
thread_local std::vector<plaint::Problem> last_problems;

int fail(int status, const char* message, const plaint::Location* where = nullptr,
         const std::vector<plaint::Problem>* problems = nullptr) noexcept {
    try {
        last_error = message;
    } catch (...) {
        last_error.clear(); // no memory for the message; the status still tells
    }
    try {
        if (where)
            last_location = *where;
        else
            last_location = plaint::Location{};
    } catch (...) {
        last_location = plaint::Location{}; // no memory for the pointer: report no place
    }
    try {
        if (problems)
            last_problems = *problems;
        else
            last_problems.clear();
    } catch (...) {
        last_problems.clear(); // no memory for the list: the message still names them all
    }
    return status;
}

template <class F>
int guard(F&& body) noexcept {
    try {
        body();
        return PLAINT_OK;
    } catch (const plaint::error& e) {
        return fail(static_cast<int>(e.code()), e.what(), e.where() ? &*e.where() : nullptr,
                    &e.problems());
    } catch (const std::bad_alloc&) {
        return fail(PLAINT_E_NO_MEMORY, "out of memory");
    } catch (const std::exception& e) {
        return fail(PLAINT_E_INTERNAL, e.what());
    } catch (...) {
        return fail(PLAINT_E_INTERNAL, "unknown internal error");
    }
}

[[noreturn]] void null_argument(const char* name) {
    throw plaint::error(plaint::errc::invalid_argument, std::string(name) + " is NULL");
}

template <class T>
T* need(T* p, const char* name) {
    if (!p)
        null_argument(name);
    return p;
}

std::string_view text_arg(const char* data, std::size_t len, const char* name) {
    if (!data) {
        if (len == 0)
            return {};
        null_argument(name);
    }
    return len == PLAINT_NTS ? std::string_view(data) : std::string_view(data, len);
}

std::optional<plaint::EnumKind> kind_of(int32_t kind) {
    if (kind < PLAINT_ENUM_CHANNEL || kind > PLAINT_ENUM_CLOCK_STATE)
        return std::nullopt;
    return static_cast<plaint::EnumKind>(kind);
}

plaint::TextField field_of(int32_t field) {
    if (field < PLAINT_FIELD_ID || field > PLAINT_FIELD_SUBCATEGORY)
        throw plaint::error(plaint::errc::out_of_range,
                            "unknown text field code " + std::to_string(field));
    return static_cast<plaint::TextField>(field);
}

// The JSON text of a document. nlohmann's parser takes a NUL byte for the end of its input, so
// "{...}\0anything" given with its length would be read as "{...}"; a NUL is never valid JSON,
// so it is refused here, with its place, as the parser reports other malformed text.
std::string_view json_arg(const char* data, std::size_t len, const char* what) {
    const std::string_view s = text_arg(data, len, "json");
    const std::size_t nul = s.find('\0');
    if (nul == std::string_view::npos)
        return s;
    plaint::Location at;
    at.line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < nul; ++i)
        if (s[i] == '\n') {
            ++at.line;
            line_start = i + 1;
        }
    at.column = nul - line_start + 1;
    throw plaint::error(plaint::errc::parse,
                        std::string(what) + " is not valid JSON at line " +
                            std::to_string(at.line) + ", column " + std::to_string(at.column) +
                            ": embedded NUL byte",
                        at);
}

char* owned_copy(const std::string& s) {
    char* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p)
        throw std::bad_alloc();
    std::memcpy(p, s.c_str(), s.size() + 1);
    return p;
}

// Fields of plaint_event known to version 0.1 of the ABI, through `deadline`.
constexpr std::size_t event_min_size = offsetof(plaint_event, deadline) + sizeof(int64_t);
// Fields of plaint_clock known to version 0.2 of the ABI: all of them, through `warnings`.
constexpr std::size_t clock_min_size = offsetof(plaint_clock, warnings) + 4 * sizeof(int64_t);
static_assert(clock_min_size == sizeof(plaint_clock), "plaint_clock 0.2 ends at `warnings`");

// Fields of plaint_facts_columns known to version 0.3 of the ABI: all of them, through
// `received`.
constexpr std::size_t facts_columns_min_size =
    offsetof(plaint_facts_columns, received) + sizeof(const int64_t*);
static_assert(facts_columns_min_size == sizeof(plaint_facts_columns),
              "plaint_facts_columns 0.3 ends at `received`");

plaint_policy_set* new_policy_set(const plaint::PolicySet& set) {
    return new plaint_policy_set{set, set.policy_names()};
}

int32_t role_code(const std::optional<plaint::Role>& r) {
    return r ? static_cast<int32_t>(*r) : PLAINT_ROLE_NONE;
}

// An optional instant as its plaint_clock pair: the flag, and the instant or 0.
void put(const std::optional<plaint::Instant>& t, int32_t& has, int64_t& value) {
    has = t ? 1 : 0;
    value = t ? *t : 0;
}

template <class E>
E enum_arg(int32_t code) {
    return plaint::checked_from_code<E>(code);
}

// Decisions k rows long, written to the caller's columns from row base on.
void write_decisions(const plaint::Decision* d, std::size_t base, std::size_t k,
                     int32_t* nature_out, int32_t* severity_out, int32_t* escalate_to_out,
                     int32_t* visit_method_out) {
    for (std::size_t j = 0; j < k; ++j) {
        const std::size_t i = base + j;
        if (nature_out)
            nature_out[i] =
                d[j].nature ? static_cast<int32_t>(*d[j].nature) : PLAINT_NATURE_UNJUDGED;
        if (severity_out)
            severity_out[i] =
                d[j].severity ? static_cast<int32_t>(*d[j].severity) : PLAINT_SEVERITY_UNSET;
        if (escalate_to_out)
            escalate_to_out[i] = role_code(d[j].escalate_to);
        if (visit_method_out)
            visit_method_out[i] =
                d[j].visit_method ? static_cast<int32_t>(*d[j].visit_method) : PLAINT_VISIT_NONE;
    }
}

} // namespace

extern "C" {

int32_t plaint_version_number(void) {
    return PLAINT_VERSION_NUMBER;
}
const char* plaint_version_string(void) {
    return PLAINT_VERSION_STRING;
}
int32_t plaint_abi_version(void) {
    return PLAINT_ABI_VERSION;
}

const char* plaint_last_error_message(void) {
    return last_error.c_str();
}

const char* plaint_status_string(int status) {
    switch (status) {
    case PLAINT_OK:
        return "ok";
    case PLAINT_E_INVALID_ARGUMENT:
        return "invalid argument";
    case PLAINT_E_OUT_OF_RANGE:
        return "out of range";
    case PLAINT_E_PARSE:
        return "parse error";
    case PLAINT_E_ENCODING:
        return "invalid encoding";
    case PLAINT_E_TOO_LARGE:
        return "too large";
    case PLAINT_E_OVERFLOW:
        return "overflow";
    case PLAINT_E_ILLEGAL_TRANSITION:
        return "illegal transition";
    case PLAINT_E_OUT_OF_ORDER:
        return "event out of order";
    case PLAINT_E_NOT_FOUND:
        return "not found";
    case PLAINT_E_IO:
        return "input/output error";
    case PLAINT_E_NO_MEMORY:
        return "out of memory";
    case PLAINT_E_UNSUPPORTED:
        return "unsupported";
    case PLAINT_E_VALIDATION:
        return "validation failed";
    case PLAINT_E_INTERNAL:
        return "internal error";
    default:
        return "unknown status";
    }
}

int plaint_last_error_location(const char** pointer_out, size_t* line_out, size_t* column_out) {
    if (pointer_out)
        *pointer_out = last_location.pointer.c_str();
    if (line_out)
        *line_out = last_location.line;
    if (column_out)
        *column_out = last_location.column;
    return PLAINT_OK;
}

int plaint_last_error_problem_count(size_t* out) {
    return guard([&] { *need(out, "out") = last_problems.size(); });
}

int plaint_last_error_problem(size_t index, const char** pointer_out, size_t* line_out,
                              size_t* column_out, const char** message_out) {
    return guard([&] {
        if (index >= last_problems.size())
            throw plaint::error(plaint::errc::out_of_range,
                                "problem index " + std::to_string(index) + " is out of range (" +
                                    std::to_string(last_problems.size()) + " problems)");
        const plaint::Problem& p = last_problems[index];
        if (pointer_out)
            *pointer_out = p.pointer.c_str();
        if (line_out)
            *line_out = p.line;
        if (column_out)
            *column_out = p.column;
        if (message_out)
            *message_out = p.message.c_str();
    });
}

void plaint_string_free(char* s) {
    std::free(s);
}

int plaint_enum_name(int32_t kind, int32_t code, const char** out) {
    return guard([&] {
        need(out, "out");
        auto k = kind_of(kind);
        if (!k)
            throw plaint::error(plaint::errc::out_of_range,
                                "unknown enumeration kind " + std::to_string(kind));
        auto n = plaint::enum_name(*k, code);
        if (!n)
            throw plaint::error(plaint::errc::out_of_range, "unknown code " + std::to_string(code) +
                                                                " in enumeration " +
                                                                std::to_string(kind));
        *out = n->data(); // the names are NUL-terminated literals
    });
}

int plaint_enum_parse(int32_t kind, const char* name, int32_t* out) {
    return guard([&] {
        need(name, "name");
        need(out, "out");
        auto k = kind_of(kind);
        if (!k)
            throw plaint::error(plaint::errc::out_of_range,
                                "unknown enumeration kind " + std::to_string(kind));
        auto c = plaint::enum_code(*k, name);
        if (!c)
            throw plaint::error(plaint::errc::out_of_range, "unknown name '" + std::string(name) +
                                                                "'; expected one of " +
                                                                plaint::enum_names(*k));
        *out = *c;
    });
}

int plaint_instant_parse(const char* text, size_t len, int64_t* out) {
    return guard([&] {
        auto s = text_arg(text, len, "text");
        need(out, "out");
        *out = plaint::parse_iso8601(s);
    });
}

int plaint_instant_format(int64_t t, int32_t offset_seconds, char** out) {
    return guard([&] {
        need(out, "out");
        *out = owned_copy(plaint::format_iso8601(t, offset_seconds));
    });
}

void plaint_event_init(plaint_event* e, size_t size) {
    if (!e || size < sizeof(uint32_t) || size > UINT32_MAX)
        return;
    std::memset(e, 0, size); // the caller's struct, whatever its version
    e->size = static_cast<uint32_t>(size);
}

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
        if (index >= tags.size())
            throw plaint::error(plaint::errc::out_of_range,
                                "tag index " + std::to_string(index) + " is out of range (" +
                                    std::to_string(tags.size()) + " tags)");
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
        need(event, "event");
        if (event->size < event_min_size)
            throw plaint::error(plaint::errc::invalid_argument,
                                "plaint_event.size " + std::to_string(event->size) +
                                    " is too small; initialise it with PLAINT_EVENT_INIT");
        plaint::Event e;
        e.type = enum_arg<plaint::EventType>(event->type);
        e.at = event->at;
        e.actor = enum_arg<plaint::Role>(event->role);
        if (event->note)
            e.note = event->note;
        // Only the details this event type uses are read; the rest are ignored, as documented.
        switch (e.type) {
        case plaint::EventType::classify:
            e.nature = enum_arg<plaint::Nature>(event->nature);
            e.severity = enum_arg<plaint::Severity>(event->severity);
            break;
        case plaint::EventType::assign:
        case plaint::EventType::escalate:
            if (event->target_role != PLAINT_ROLE_NONE)
                e.target = enum_arg<plaint::Role>(event->target_role);
            break;
        case plaint::EventType::visit:
            if (event->visit_method != PLAINT_VISIT_NONE)
                e.method = enum_arg<plaint::VisitMethod>(event->visit_method);
            break;
        case plaint::EventType::unsatisfied:
            if (event->has_deadline)
                e.deadline = event->deadline;
            break;
        default:
            break;
        }
        c->impl.apply(e);
    });
}

int plaint_complaint_allows(const plaint_complaint* c, int32_t type, int32_t* out) {
    return guard([&] {
        need(c, "complaint");
        need(out, "out");
        const auto t = enum_arg<plaint::EventType>(type);
        const auto allowed = c->impl.allowed_events();
        *out = 0;
        for (auto a : allowed)
            if (a == t)
                *out = 1;
    });
}

int plaint_complaint_event_count(const plaint_complaint* c, size_t* out) {
    return guard([&] { *need(out, "out") = need(c, "complaint")->impl.events().size(); });
}

int plaint_complaint_event(const plaint_complaint* c, size_t index, plaint_event* out) {
    return guard([&] {
        need(c, "complaint");
        need(out, "out");
        if (out->size < event_min_size)
            throw plaint::error(plaint::errc::invalid_argument,
                                "plaint_event.size " + std::to_string(out->size) +
                                    " is too small; initialise it with PLAINT_EVENT_INIT");
        const auto& log = c->impl.events();
        if (index >= log.size())
            throw plaint::error(plaint::errc::out_of_range,
                                "event index " + std::to_string(index) + " is out of range (" +
                                    std::to_string(log.size()) + " events)");
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

int plaint_calendar_from_json(plaint_calendar** out, const char* json, size_t len) {
    return guard([&] {
        need(out, "out");
        auto text = json_arg(json, len, "calendar");
        *out = new plaint_calendar{plaint::Calendar::from_json(text)};
    });
}

int plaint_calendar_always_open(plaint_calendar** out) {
    return guard([&] {
        need(out, "out"); // first: the right side of `*out = new …` would be evaluated first
        *out = new plaint_calendar{plaint::Calendar()};
    });
}

void plaint_calendar_free(plaint_calendar* c) {
    delete c;
}

int plaint_calendar_to_json(const plaint_calendar* c, char** out) {
    return guard([&] {
        need(c, "calendar");
        need(out, "out");
        *out = owned_copy(c->impl.to_json());
    });
}

int plaint_calendar_is_open(const plaint_calendar* c, int64_t t, int32_t* out) {
    return guard([&] {
        need(c, "calendar");
        need(out, "out");
        *out = c->impl.is_open(t) ? 1 : 0;
    });
}

int plaint_calendar_next_open(const plaint_calendar* c, int64_t t, int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        need(out, "out");
        *out = c->impl.next_open(t);
    });
}

int plaint_calendar_add(const plaint_calendar* c, int64_t t, int64_t d, int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        need(out, "out");
        *out = c->impl.add(t, d);
    });
}

int plaint_calendar_sub(const plaint_calendar* c, int64_t t, int64_t d, int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        need(out, "out");
        *out = c->impl.sub(t, d);
    });
}

int plaint_calendar_between(const plaint_calendar* c, int64_t a, int64_t b, int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        need(out, "out");
        *out = c->impl.between(a, b);
    });
}

int plaint_calendar_add_many(const plaint_calendar* c, const int64_t* t, const int64_t* d, size_t n,
                             int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        if (n == 0)
            return; // the arrays may be NULL then
        need(t, "t");
        need(d, "d");
        need(out, "out");
        c->impl.add_many(t, d, n, out);
    });
}

int plaint_calendar_sub_many(const plaint_calendar* c, const int64_t* t, const int64_t* d, size_t n,
                             int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        if (n == 0)
            return;
        need(t, "t");
        need(d, "d");
        need(out, "out");
        // The C++ API has no sub_many: one try around the whole loop names the failing index
        // the way Calendar::add_many does.
        std::size_t i = 0;
        try {
            for (; i < n; ++i)
                out[i] = c->impl.sub(t[i], d[i]);
        } catch (const plaint::error& e) {
            throw plaint::error(e.code(), "at index " + std::to_string(i) + ": " + e.what());
        }
    });
}

int plaint_calendar_between_many(const plaint_calendar* c, const int64_t* a, const int64_t* b,
                                 size_t n, int64_t* out) {
    return guard([&] {
        need(c, "calendar");
        if (n == 0)
            return;
        need(a, "a");
        need(b, "b");
        need(out, "out");
        c->impl.between_many(a, b, n, out);
    });
}

int plaint_tzdb_version(char** out) {
    return guard([&] {
        need(out, "out");
        std::string v = plaint::Calendar::tzdb_version();
        if (v == "unknown") // what date/tz says when its database has no version file
            v.clear();
        *out = owned_copy(v);
    });
}

int plaint_policy_set_from_json(plaint_policy_set** out, const char* json, size_t len) {
    return guard([&] {
        need(out, "out");
        auto text = json_arg(json, len, "SLA policy set");
        *out = new_policy_set(plaint::PolicySet::from_json(text));
    });
}

int plaint_policy_set_default(plaint_policy_set** out) {
    return guard([&] {
        need(out, "out");
        *out = new_policy_set(plaint::PolicySet::default_set());
    });
}

void plaint_policy_set_free(plaint_policy_set* set) {
    delete set;
}

int plaint_policy_set_to_json(const plaint_policy_set* set, char** out) {
    return guard([&] {
        need(set, "set");
        need(out, "out");
        *out = owned_copy(set->impl.to_json());
    });
}

int plaint_policy_set_policy_count(const plaint_policy_set* set, size_t* out) {
    return guard([&] { *need(out, "out") = need(set, "set")->names.size(); });
}

int plaint_policy_set_policy_name(const plaint_policy_set* set, size_t index, const char** out) {
    return guard([&] {
        need(set, "set");
        need(out, "out");
        if (index >= set->names.size())
            throw plaint::error(plaint::errc::out_of_range,
                                "policy index " + std::to_string(index) + " is out of range (" +
                                    std::to_string(set->names.size()) + " policies)");
        *out = set->names[index].c_str();
    });
}

int plaint_policy_set_calendar(const plaint_policy_set* set, const char* name,
                               plaint_calendar** out) {
    return guard([&] {
        need(set, "set");
        need(name, "name");
        need(out, "out");
        const plaint::Calendar* cal = set->impl.calendar(name);
        if (!cal)
            throw plaint::error(plaint::errc::not_found,
                                "no calendar named '" + std::string(name) + "' in the policy set");
        *out = new plaint_calendar{*cal};
    });
}

int plaint_duration_parse(const char* text, size_t len, int64_t* out) {
    return guard([&] {
        auto s = text_arg(text, len, "text");
        need(out, "out");
        *out = plaint::parse_duration(s);
    });
}

void plaint_clock_init(plaint_clock* c, size_t size) {
    if (!c || size < sizeof(uint32_t) || size > UINT32_MAX)
        return;
    std::memset(c, 0, size); // the caller's struct, whatever its version
    c->size = static_cast<uint32_t>(size);
}

int plaint_complaint_clocks(const plaint_complaint* c, const plaint_policy_set* set,
                            const char* policy, int64_t at, plaint_clock_list** out) {
    return guard([&] {
        need(c, "complaint");
        need(set, "set");
        need(policy, "policy");
        need(out, "out");
        auto list = std::make_unique<plaint_clock_list>();
        list->clocks = set->impl.clocks(policy, c->impl, at);
        *out = list.release();
    });
}

int plaint_clock_list_count(const plaint_clock_list* list, size_t* out) {
    return guard([&] { *need(out, "out") = need(list, "list")->clocks.size(); });
}

int plaint_clock_list_get(const plaint_clock_list* list, size_t index, plaint_clock* out) {
    return guard([&] {
        need(list, "list");
        need(out, "out");
        if (out->size < clock_min_size)
            throw plaint::error(plaint::errc::invalid_argument,
                                "plaint_clock.size " + std::to_string(out->size) +
                                    " is too small; initialise it with PLAINT_CLOCK_INIT");
        if (index >= list->clocks.size())
            throw plaint::error(plaint::errc::out_of_range,
                                "clock index " + std::to_string(index) + " is out of range (" +
                                    std::to_string(list->clocks.size()) + " clocks)");
        const plaint::Clock& k = list->clocks[index];
        // Every field below belongs to the 0.2 struct, which `size` covers; later fields will
        // be written only when `size` reaches them (see plaint_complaint_event).
        out->target = k.target.c_str();
        out->kind = static_cast<int32_t>(k.kind);
        out->cycle = k.cycle;
        out->round = k.round;
        out->state = static_cast<int32_t>(k.state);
        out->escalate_to = role_code(k.escalate_to);
        put(k.started, out->has_started, out->started);
        put(k.stopped, out->has_stopped, out->stopped);
        put(k.due, out->has_due, out->due);
        put(k.breached_at, out->has_breached_at, out->breached_at);
        out->duration = k.duration;
        out->elapsed = k.elapsed;
        out->remaining = k.remaining;
        out->percent = k.percent;
        const std::size_t n = std::min<std::size_t>(k.warnings.size(), 4);
        out->warning_count = static_cast<uint32_t>(n);
        for (std::size_t i = 0; i < 4; ++i)
            out->warnings[i] = i < n ? k.warnings[i] : 0;
    });
}

void plaint_clock_list_free(plaint_clock_list* list) {
    delete list;
}

int plaint_profile_from_json(plaint_profile** out, const char* json, size_t len) {
    return guard([&] {
        need(out, "out");
        auto text = json_arg(json, len, "profile");
        *out = new plaint_profile{plaint::Profile::from_json(text)};
    });
}

int plaint_profile_from_file(plaint_profile** out, const char* path) {
    return guard([&] {
        need(out, "out");
        need(path, "path");
        *out = new plaint_profile{plaint::Profile::from_file(path)};
    });
}

int plaint_profile_default(plaint_profile** out) {
    return guard([&] {
        need(out, "out");
        *out = new plaint_profile{plaint::Profile::default_profile()};
    });
}

void plaint_profile_free(plaint_profile* p) {
    delete p;
}

int plaint_profile_to_json(const plaint_profile* p, char** out) {
    return guard([&] {
        need(p, "profile");
        need(out, "out");
        *out = owned_copy(p->impl.to_json());
    });
}

int plaint_profile_policy_set(const plaint_profile* p, plaint_policy_set** out) {
    return guard([&] {
        need(p, "profile");
        need(out, "out");
        *out = new_policy_set(p->impl.policies());
    });
}

int plaint_profile_visit_quota(const plaint_profile* p, int32_t role, int32_t* out) {
    return guard([&] {
        need(p, "profile");
        need(out, "out");
        *out = p->impl.visit_quota(enum_arg<plaint::Role>(role));
    });
}

int plaint_profile_warning_count(const plaint_profile* p, size_t* out) {
    return guard([&] { *need(out, "out") = need(p, "profile")->impl.warnings().size(); });
}

int plaint_profile_warning(const plaint_profile* p, size_t index, const char** pointer_out,
                           const char** message_out) {
    return guard([&] {
        const auto& warnings = need(p, "profile")->impl.warnings();
        if (index >= warnings.size())
            throw plaint::error(plaint::errc::out_of_range,
                                "warning index " + std::to_string(index) + " is out of range (" +
                                    std::to_string(warnings.size()) + " warnings)");
        if (pointer_out)
            *pointer_out = warnings[index].pointer.c_str();
        if (message_out)
            *message_out = warnings[index].message.c_str();
    });
}

int plaint_profile_classify(const plaint_profile* p, const plaint_complaint* c, int64_t at,
                            const char* policy, plaint_decision** out) {
    return guard([&] {
        need(p, "profile");
        need(c, "complaint");
        need(out, "out");
        const std::string_view name = policy ? std::string_view(policy) : std::string_view();
        // Profile::facts counts no missed targets for a policy it does not know; a typo in a
        // caller's policy name is better reported than silently ignored.
        if (!name.empty() && !p->impl.policies().find(name))
            throw plaint::error(plaint::errc::not_found,
                                "no SLA policy named '" + std::string(name) + "' in the profile");
        const plaint::Facts facts = p->impl.facts(c->impl, at, name);
        auto d = std::make_unique<plaint_decision>(plaint_decision{p->impl, {}, {}, {}, {}, {}});
        p->impl.classify(facts, d->decision);
        if (d->decision.sla_policy)
            d->sla_policy = std::string(*d->decision.sla_policy);
        d->tags.assign(d->decision.tags.begin(), d->decision.tags.end());
        d->matched.assign(d->decision.matched.begin(), d->decision.matched.end());
        d->explanation = p->impl.rules().explain(facts);
        *out = d.release();
    });
}

void plaint_decision_free(plaint_decision* d) {
    delete d;
}

#define PLAINT_DECISION_GETTER(name, type, expr)                                                   \
    int plaint_decision_##name(const plaint_decision* d, type* out) {                              \
        return guard([&] {                                                                         \
            const plaint_decision& k = *need(d, "decision");                                       \
            *need(out, "out") = (expr);                                                            \
        });                                                                                        \
    }

PLAINT_DECISION_GETTER(nature, int32_t,
                       k.decision.nature ? static_cast<int32_t>(*k.decision.nature)
                                         : PLAINT_NATURE_UNJUDGED)
PLAINT_DECISION_GETTER(severity, int32_t,
                       k.decision.severity ? static_cast<int32_t>(*k.decision.severity)
                                           : PLAINT_SEVERITY_UNSET)
PLAINT_DECISION_GETTER(escalate_to, int32_t, role_code(k.decision.escalate_to))
PLAINT_DECISION_GETTER(visit_method, int32_t,
                       k.decision.visit_method ? static_cast<int32_t>(*k.decision.visit_method)
                                               : PLAINT_VISIT_NONE)
PLAINT_DECISION_GETTER(sla_policy, const char*,
                       k.decision.sla_policy ? k.sla_policy.c_str() : nullptr)
PLAINT_DECISION_GETTER(tag_count, size_t, k.tags.size())
PLAINT_DECISION_GETTER(matched_count, size_t, k.matched.size())
#undef PLAINT_DECISION_GETTER

int plaint_decision_tag(const plaint_decision* d, size_t index, const char** out) {
    return guard([&] {
        need(d, "decision");
        need(out, "out");
        if (index >= d->tags.size())
            throw plaint::error(plaint::errc::out_of_range,
                                "tag index " + std::to_string(index) + " is out of range (" +
                                    std::to_string(d->tags.size()) + " tags)");
        *out = d->tags[index].c_str();
    });
}

int plaint_decision_matched(const plaint_decision* d, size_t index, const char** out) {
    return guard([&] {
        need(d, "decision");
        need(out, "out");
        if (index >= d->matched.size())
            throw plaint::error(plaint::errc::out_of_range,
                                "matched index " + std::to_string(index) + " is out of range (" +
                                    std::to_string(d->matched.size()) + " rows)");
        *out = d->matched[index].c_str();
    });
}

int plaint_decision_to_json(const plaint_decision* d, char** out) {
    return guard([&] {
        need(d, "decision");
        need(out, "out");
        *out = owned_copy(plaint::to_json(d->decision));
    });
}

int plaint_decision_explain_json(const plaint_decision* d, char** out) {
    return guard([&] {
        need(d, "decision");
        need(out, "out");
        *out = owned_copy(plaint::to_json(d->explanation));
    });
}

int plaint_profile_classify_many(const plaint_profile* p, const plaint_facts_columns* in,
                                 int32_t* nature_out, int32_t* severity_out,
                                 int32_t* escalate_to_out, int32_t* visit_method_out) {
    return guard([&] {
        need(p, "profile");
        need(in, "in");
        if (in->size < facts_columns_min_size)
            throw plaint::error(plaint::errc::invalid_argument,
                                "plaint_facts_columns.size " + std::to_string(in->size) +
                                    " is too small; initialise it with PLAINT_FACTS_COLUMNS_INIT");
        // Rows go through in chunks of Facts and Decisions kept per thread: classifying
        // allocates nothing once they have grown to their size (rules.hpp).
        constexpr std::size_t chunk = 64;
        thread_local std::vector<plaint::Facts> facts(chunk);
        thread_local std::vector<plaint::Decision> decisions(chunk);
        const auto text = [](const char* const* column, std::size_t row) {
            return column && column[row] ? std::string_view(column[row]) : std::string_view();
        };
        for (std::size_t base = 0; base < in->count; base += chunk) {
            const std::size_t k = std::min(chunk, in->count - base);
            std::size_t i = base;
            try {
                for (; i < base + k; ++i) {
                    plaint::Facts& f = facts[i - base];
                    f.channel = in->channel ? enum_arg<plaint::Channel>(in->channel[i])
                                            : plaint::Channel::other;
                    f.category = in->category ? enum_arg<plaint::Category>(in->category[i])
                                              : plaint::Category::other;
                    f.nature = in->nature ? enum_arg<plaint::Nature>(in->nature[i])
                                          : plaint::Nature::unjudged;
                    f.severity = in->severity ? enum_arg<plaint::Severity>(in->severity[i])
                                              : plaint::Severity::unset;
                    f.reporter_count = in->reporter_count ? in->reporter_count[i] : 1;
                    f.repeat_count = in->repeat_count ? in->repeat_count[i] : 0;
                    f.hours_since_received =
                        in->hours_since_received ? in->hours_since_received[i] : 0;
                    f.content = text(in->content, i);
                    f.building = text(in->building, i);
                    f.unit = text(in->unit, i);
                    f.received = in->received ? in->received[i] : 0;
                }
            } catch (const plaint::error& e) {
                // Rows before the bad one are classified and written, as documented.
                p->impl.classify_many(facts.data(), i - base, decisions.data());
                write_decisions(decisions.data(), base, i - base, nature_out, severity_out,
                                escalate_to_out, visit_method_out);
                throw plaint::error(e.code(), "at row " + std::to_string(i) + ": " + e.what());
            }
            p->impl.classify_many(facts.data(), k, decisions.data());
            write_decisions(decisions.data(), base, k, nature_out, severity_out, escalate_to_out,
                            visit_method_out);
        }
    });
}

} // extern "C"
