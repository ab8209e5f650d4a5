// The C ABI: a thin shim over the C++ core. Every entry point funnels through guard(), which
// turns any exception into a status code and a per-thread message; nothing escapes.
#include "plaint/plaint.h"

#include "plaint/plaint.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <type_traits>
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
    // The surveys' names, computed once so that plaint_profile_survey_name can lend them for the
    // handle's life.
    std::vector<std::string> survey_names;
};

struct plaint_groups {
    plaint::satisfaction::Grouped impl;
    // Per score column, whether CSAT and NPS were asked of it: a group whose answers are all
    // missing has n = 0 either way, and plaint_groups_to_json writes only what was asked.
    std::vector<char> csat_asked;
    std::vector<char> nps_asked;
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

struct plaint_ledger {
    plaint::Ledger impl; // shares its profile
};

struct plaint_clock_list {
    // Copies: the list owns its target names and outlives the set and the complaint.
    std::vector<plaint::Clock> clocks;
};

namespace {

// What every `plaint_*_init(p, size)` does to the caller's struct, whatever its version: zero
// `size` bytes and store `size` in its leading `size` field. NULL, or a size that cannot hold
// that field (or does not fit in it), is a no-op; returns whether it wrote.
template <class T>
bool init_sized(T* p, size_t size) {
    if (!p || size < sizeof(uint32_t) || size > UINT32_MAX)
        return false;
    std::memset(p, 0, size);
    p->size = static_cast<uint32_t>(size);
    return true;
}

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

plaint_profile* new_profile(const plaint::Profile& profile) {
    return new plaint_profile{profile, profile.survey_names()};
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

// The C event as a C++ event: only the details its type uses are read, as documented.
plaint::Event event_arg(const plaint_event* event) {
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
    return e;
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
    init_sized(e, size);
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
        c->impl.apply(event_arg(event));
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
    init_sized(c, size);
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
        *out = new_profile(plaint::Profile::from_json(text));
    });
}

int plaint_profile_from_file(plaint_profile** out, const char* path) {
    return guard([&] {
        need(out, "out");
        need(path, "path");
        *out = new_profile(plaint::Profile::from_file(path));
    });
}

int plaint_profile_default(plaint_profile** out) {
    return guard([&] {
        need(out, "out");
        *out = new_profile(plaint::Profile::default_profile());
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

int plaint_profile_repeat_window(const plaint_profile* p, int64_t* seconds_out) {
    return guard([&] {
        *need(seconds_out, "seconds_out") = need(p, "profile")->impl.rules().repeat_window();
    });
}

int plaint_profile_keyword_count(const plaint_profile* p, size_t* out) {
    return guard([&] { *need(out, "out") = need(p, "profile")->impl.rules().keywords().size(); });
}

int plaint_profile_keyword(const plaint_profile* p, size_t index, const char** out) {
    return guard([&] {
        const auto& keywords = need(p, "profile")->impl.rules().keywords();
        need(out, "out");
        if (index >= keywords.size())
            throw plaint::error(plaint::errc::out_of_range,
                                "keyword index " + std::to_string(index) + " is out of range (" +
                                    std::to_string(keywords.size()) + " keywords)");
        *out = keywords[index].c_str();
    });
}

int plaint_profile_find_keywords(const plaint_profile* p, const char* text, size_t len,
                                 uint32_t* out, size_t capacity, size_t* count_out) {
    return guard([&] {
        const plaint::RuleSet& rules = need(p, "profile")->impl.rules();
        need(count_out, "count_out");
        if (capacity > 0)
            need(out, "out");
        const std::string_view t = text_arg(text, len, "text");
        std::vector<std::uint32_t> found;
        rules.find_keywords(t, found);
        const std::size_t k = std::min(capacity, found.size());
        if (k > 0) // `out` may be NULL with no room: never hand it to the copy
            std::copy(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(k), out);
        *count_out = found.size();
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
        constexpr std::size_t chunk = 512;
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

// ---- Satisfaction scores ----------------------------------------------------------------------

namespace {

namespace sat = plaint::satisfaction;

const double not_a_number = std::numeric_limits<double>::quiet_NaN();

// Every field of these structs belongs to version 0.4 of the ABI, which introduced them.
static_assert(offsetof(plaint_score, missing) + sizeof(uint64_t) == sizeof(plaint_score),
              "plaint_score 0.4 ends at `missing`");
static_assert(offsetof(plaint_ahp_result, worst_j) + sizeof(int64_t) == sizeof(plaint_ahp_result),
              "plaint_ahp_result 0.4 ends at `worst_j`");
static_assert(offsetof(plaint_indicator_tree, name) + sizeof(const char* const*) ==
                  sizeof(plaint_indicator_tree),
              "plaint_indicator_tree 0.4 ends at `name`");
static_assert(offsetof(plaint_group_input, index_units) + sizeof(const int32_t*) ==
                  sizeof(plaint_group_input),
              "plaint_group_input 0.4 ends at `index_units`");

// The library reads or writes only what a struct's `size` covers; every field known to 0.4
// is needed, so a smaller struct is refused.
void check_size(uint32_t size, std::size_t needed, const char* type, const char* init) {
    if (size < needed)
        throw plaint::error(plaint::errc::invalid_argument,
                            std::string(type) + ".size " + std::to_string(size) +
                                " is too small; initialise it with " + init);
}

plaint_score* score_out(plaint_score* out) {
    need(out, "out");
    check_size(out->size, sizeof(plaint_score), "plaint_score", "PLAINT_SCORE_INIT");
    return out;
}

// The fields of a plaint_score, all of them, before the score fills its own.
void clear_score(plaint_score* out) {
    out->value = out->low = out->high = not_a_number;
    out->sd = out->se = out->percent = not_a_number;
    out->n = out->successes = out->passives = out->detractors = out->missing = 0;
}

void put_mean(const sat::MeanScore& m, plaint_score* out) {
    clear_score(out);
    out->value = m.value;
    out->low = m.low;
    out->high = m.high;
    out->sd = m.sd;
    out->percent = m.percent;
    out->n = m.n;
}

void put_share(const sat::Share& s, plaint_score* out) {
    clear_score(out);
    out->value = s.value;
    out->low = s.low;
    out->high = s.high;
    out->n = s.n;
    out->successes = s.successes;
}

void put_nps(const sat::Nps& p, plaint_score* out) {
    clear_score(out);
    out->value = p.value;
    out->low = p.low;
    out->high = p.high;
    out->se = p.se;
    out->n = p.n;
    out->successes = p.promoters;
    out->passives = p.passives;
    out->detractors = p.detractors;
}

sat::RiTable ri_table_arg(int32_t code) {
    if (code < PLAINT_RI_SAATY1980 || code > PLAINT_RI_ALONSO_LAMATA)
        throw plaint::error(
            plaint::errc::out_of_range,
            "unknown random-index table code " + std::to_string(code) +
                "; expected PLAINT_RI_SAATY1980 (0) to PLAINT_RI_ALONSO_LAMATA (3)");
    return static_cast<sat::RiTable>(code);
}

sat::AhpMethod ahp_method_arg(int32_t code) {
    if (code != PLAINT_AHP_EIGEN && code != PLAINT_AHP_GEOMETRIC)
        throw plaint::error(plaint::errc::out_of_range,
                            "unknown AHP method code " + std::to_string(code) +
                                "; expected PLAINT_AHP_EIGEN (0) or PLAINT_AHP_GEOMETRIC (1)");
    return static_cast<sat::AhpMethod>(code);
}

// An indicator tree given flat, as the C++ tree, with the node of each item in the depth-first
// order the C++ functions use.
struct Tree {
    std::vector<sat::Indicator> roots;
    std::vector<std::size_t> item_nodes;
    std::size_t count = 0;
};

constexpr int max_tree_depth = 32; // as satisfaction::global_weights

sat::Indicator build_node(const plaint_indicator_tree& t,
                          const std::vector<std::vector<std::size_t>>& children, std::size_t i,
                          std::vector<std::size_t>& items) {
    sat::Indicator node;
    if (t.name) {
        if (!t.name[i])
            throw plaint::error(plaint::errc::invalid_argument,
                                "tree->name[" + std::to_string(i) + "] is NULL");
        node.name = t.name[i];
    } else {
        node.name = std::to_string(i);
    }
    node.weight = t.weight ? t.weight[i] : 1.0;
    node.scale = sat::Scale{t.lowest ? t.lowest[i] : 1, t.highest ? t.highest[i] : 5};
    if (children[i].empty())
        items.push_back(i);
    for (const std::size_t c : children[i]) // depth is bounded by max_tree_depth (flat_tree)
        node.children.push_back(build_node(t, children, c, items));
    return node;
}

Tree flat_tree(const plaint_indicator_tree* t) {
    need(t, "tree");
    check_size(t->size, sizeof(plaint_indicator_tree), "plaint_indicator_tree",
               "PLAINT_INDICATOR_TREE_INIT");
    Tree tree;
    tree.count = t->count;
    if (t->count == 0)
        return tree; // satisfaction::global_weights reports the empty tree
    need(t->parent, "tree->parent");
    std::vector<std::vector<std::size_t>> children(t->count);
    std::vector<std::size_t> roots;
    std::vector<int> depth(t->count, 1);
    for (std::size_t i = 0; i < t->count; ++i) {
        const int32_t p = t->parent[i];
        if (p == -1) {
            roots.push_back(i);
            continue;
        }
        if (p < 0 || static_cast<std::size_t>(p) >= i)
            throw plaint::error(plaint::errc::invalid_argument,
                                "tree->parent[" + std::to_string(i) + "] is " + std::to_string(p) +
                                    "; a parent is -1 or an earlier node");
        const auto up = static_cast<std::size_t>(p);
        depth[i] = depth[up] + 1;
        if (depth[i] > max_tree_depth)
            throw plaint::error(plaint::errc::invalid_argument, "indicator tree node " +
                                                                    std::to_string(i) +
                                                                    " is deeper than 32 levels");
        children[up].push_back(i);
    }
    for (const std::size_t r : roots)
        tree.roots.push_back(build_node(*t, children, r, tree.item_nodes));
    return tree;
}

// One value per node: the items' from `item_values` (in item order), NaN for dimensions.
void per_node(const Tree& tree, const std::vector<double>& item_values, double* out) {
    for (std::size_t i = 0; i < tree.count; ++i)
        out[i] = not_a_number;
    for (std::size_t k = 0; k < tree.item_nodes.size(); ++k)
        out[tree.item_nodes[k]] = item_values[k];
}

// ---- grouped scores ----

enum class StatKind { real, count, unknown };

StatKind stat_kind(int32_t stat) {
    if (stat >= PLAINT_STAT_MEAN && stat <= PLAINT_STAT_NPS_HIGH)
        return StatKind::real;
    if (stat >= PLAINT_STAT_MEAN_N && stat <= PLAINT_STAT_MISSING)
        return StatKind::count;
    return StatKind::unknown;
}

void check_stat(int32_t stat, StatKind wanted, bool index) {
    const StatKind kind = stat_kind(stat);
    if (kind == StatKind::unknown)
        throw plaint::error(plaint::errc::out_of_range,
                            "unknown statistic code " + std::to_string(stat));
    if (kind != wanted) {
        const std::string other = std::string("plaint_groups_export") + (index ? "_index" : "") +
                                  (kind == StatKind::count ? "_count" : "");
        throw plaint::error(plaint::errc::out_of_range,
                            "statistic " + std::to_string(stat) +
                                (kind == StatKind::count ? " is a count" : " is not a count") +
                                "; export it with " + other);
    }
    if (index && !(stat <= PLAINT_STAT_MEAN_PERCENT || stat == PLAINT_STAT_MEAN_N))
        throw plaint::error(plaint::errc::out_of_range,
                            "statistic " + std::to_string(stat) +
                                " does not apply to an index, which has the PLAINT_STAT_MEAN_* "
                                "statistics only");
}

// A mean's statistic (PLAINT_STAT_MEAN .. _MEAN_PERCENT, or PLAINT_STAT_MEAN_N as a count).
double mean_stat(const sat::MeanScore& m, int32_t stat) {
    switch (stat) {
    case PLAINT_STAT_MEAN:
        return m.value;
    case PLAINT_STAT_MEAN_SD:
        return m.sd;
    case PLAINT_STAT_MEAN_LOW:
        return m.low;
    case PLAINT_STAT_MEAN_HIGH:
        return m.high;
    default: // PLAINT_STAT_MEAN_PERCENT; check_stat let nothing else through
        return m.percent;
    }
}

double real_stat(const sat::ColumnStats& s, int32_t stat) {
    switch (stat) {
    case PLAINT_STAT_CSAT:
        return s.csat.value;
    case PLAINT_STAT_CSAT_LOW:
        return s.csat.low;
    case PLAINT_STAT_CSAT_HIGH:
        return s.csat.high;
    case PLAINT_STAT_NPS:
        return s.nps.value;
    case PLAINT_STAT_NPS_SE:
        return s.nps.se;
    case PLAINT_STAT_NPS_LOW:
        return s.nps.low;
    case PLAINT_STAT_NPS_HIGH:
        return s.nps.high;
    default:
        return mean_stat(s.mean, stat);
    }
}

uint64_t count_stat(const sat::ColumnStats& s, int32_t stat) {
    switch (stat) {
    case PLAINT_STAT_MEAN_N:
        return s.mean.n;
    case PLAINT_STAT_CSAT_SUCCESSES:
        return s.csat.successes;
    case PLAINT_STAT_CSAT_N:
        return s.csat.n;
    case PLAINT_STAT_NPS_N:
        return s.nps.n;
    case PLAINT_STAT_NPS_PROMOTERS:
        return s.nps.promoters;
    case PLAINT_STAT_NPS_PASSIVES:
        return s.nps.passives;
    case PLAINT_STAT_NPS_DETRACTORS:
        return s.nps.detractors;
    default: // PLAINT_STAT_MISSING; check_stat let nothing else through
        return s.missing;
    }
}

void check_position(std::size_t i, std::size_t count, const char* what, const char* plural) {
    if (i >= count)
        throw plaint::error(plaint::errc::out_of_range,
                            std::string(what) + " " + std::to_string(i) + " is out of range (" +
                                std::to_string(count) + " " + plural + ")");
}

std::string name_arg(const char* const* names, std::size_t i, const char* array) {
    const std::string where = std::string(array) + "[" + std::to_string(i) + "]";
    if (!names[i])
        null_argument(where.c_str());
    std::string name = names[i];
    plaint::validate_text(name, where);
    return name;
}

// A small JSON writer for plaint_groups_to_json: names are checked UTF-8 (plaint_groups_new);
// reals are written shortest-round-trip, NaN as null.
void json_text(std::string& o, const std::string& s) {
    o += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            o += '\\';
            o += ch;
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            o += buf;
        } else {
            o += ch;
        }
    }
    o += '"';
}

void json_real(std::string& o, double v) {
    if (!std::isfinite(v)) {
        o += "null";
        return;
    }
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    o.append(buf, r.ptr);
}

template <class T>
void json_field(std::string& o, const char* key, const T& value) {
    if (o.back() != '{')
        o += ',';
    json_text(o, key);
    o += ':';
    if constexpr (std::is_floating_point_v<T>)
        json_real(o, value);
    else
        o += std::to_string(value);
}

void json_mean(std::string& o, const sat::MeanScore& m) {
    o += '{';
    json_field(o, "value", m.value);
    json_field(o, "sd", m.sd);
    json_field(o, "low", m.low);
    json_field(o, "high", m.high);
    json_field(o, "percent", m.percent);
    json_field(o, "n", m.n);
    o += '}';
}

void json_names(std::string& o, const char* key, const std::vector<std::string>& names) {
    json_text(o, key);
    o += ":[";
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i)
            o += ',';
        json_text(o, names[i]);
    }
    o += ']';
}

std::string groups_json(const plaint_groups& h) {
    const sat::Grouped& g = h.impl;
    std::string o = "{";
    json_names(o, "keys", g.key_names);
    o += ',';
    json_names(o, "scores", g.score_names);
    o += ',';
    json_names(o, "indexes", g.index_names);
    o += ",\"groups\":[";
    for (std::size_t i = 0; i < g.size(); ++i) {
        if (i)
            o += ',';
        o += "{\"keys\":[";
        for (std::size_t k = 0; k < g.key_names.size(); ++k) {
            if (k)
                o += ',';
            o += std::to_string(g.key(i, k));
        }
        o += "],\"rows\":" + std::to_string(g.rows[i]) + ",\"scores\":{";
        for (std::size_t c = 0; c < g.score_names.size(); ++c) {
            const sat::ColumnStats& s = g.score(i, c);
            if (c)
                o += ',';
            json_text(o, g.score_names[c]);
            o += ":{";
            json_field(o, "missing", s.missing);
            o += ",\"mean\":";
            json_mean(o, s.mean);
            if (h.csat_asked[c]) {
                o += ",\"csat\":{";
                json_field(o, "value", s.csat.value);
                json_field(o, "low", s.csat.low);
                json_field(o, "high", s.csat.high);
                json_field(o, "successes", s.csat.successes);
                json_field(o, "n", s.csat.n);
                o += '}';
            }
            if (h.nps_asked[c]) {
                o += ",\"nps\":{";
                json_field(o, "value", s.nps.value);
                json_field(o, "se", s.nps.se);
                json_field(o, "low", s.nps.low);
                json_field(o, "high", s.nps.high);
                json_field(o, "n", s.nps.n);
                json_field(o, "promoters", s.nps.promoters);
                json_field(o, "passives", s.nps.passives);
                json_field(o, "detractors", s.nps.detractors);
                o += '}';
            }
            o += '}';
        }
        o += "},\"indexes\":{";
        for (std::size_t x = 0; x < g.index_names.size(); ++x) {
            if (x)
                o += ',';
            json_text(o, g.index_names[x]);
            o += ':';
            json_mean(o, g.index(i, x));
        }
        o += "}}";
    }
    o += "]}";
    return o;
}

const plaint_groups& groups_arg(const plaint_groups* g) {
    return *need(g, "groups");
}

} // namespace

extern "C" {

void plaint_score_init(plaint_score* s, size_t size) {
    init_sized(s, size);
}

void plaint_ahp_result_init(plaint_ahp_result* r, size_t size) {
    init_sized(r, size);
}

void plaint_indicator_tree_init(plaint_indicator_tree* t, size_t size) {
    init_sized(t, size);
}

void plaint_group_input_init(plaint_group_input* in, size_t size) {
    init_sized(in, size);
}

int plaint_levels(const int32_t* levels, size_t count, uint64_t* out) {
    return guard([&] {
        need(out, "out");
        if (count > 0)
            need(levels, "levels");
        uint64_t mask = 0;
        for (std::size_t i = 0; i < count; ++i)
            mask |= sat::levels({static_cast<int>(levels[i])});
        *out = mask;
    });
}

int plaint_wilson(uint64_t successes, uint64_t n, double confidence, double* low_out,
                  double* high_out) {
    return guard([&] {
        need(low_out, "low_out");
        need(high_out, "high_out");
        const sat::Interval w = sat::wilson(successes, n, confidence);
        *low_out = w.low;
        *high_out = w.high;
    });
}

int plaint_mean(const double* values, size_t count, int32_t lowest, int32_t highest,
                double confidence, plaint_score* out) {
    return guard([&] {
        score_out(out);
        put_mean(sat::mean(values, count, sat::Scale{lowest, highest}, confidence), out);
    });
}

int plaint_csat(const double* values, size_t count, uint64_t satisfied_mask, int32_t lowest,
                int32_t highest, double confidence, plaint_score* out) {
    return guard([&] {
        score_out(out);
        put_share(sat::csat(values, count, satisfied_mask, sat::Scale{lowest, highest}, confidence),
                  out);
    });
}

int plaint_nps(const double* values, size_t count, double confidence, plaint_score* out) {
    return guard([&] {
        score_out(out);
        put_nps(sat::nps(values, count, confidence), out);
    });
}

int plaint_ces(const double* values, size_t count, int32_t scale, double confidence,
               plaint_score* out) {
    return guard([&] {
        score_out(out);
        put_mean(sat::ces(values, count, scale, confidence).score, out);
    });
}

int plaint_check_target(const plaint_score* share, double target, int32_t* out) {
    return guard([&] {
        need(share, "share");
        need(out, "out");
        check_size(share->size, sizeof(plaint_score), "plaint_score", "PLAINT_SCORE_INIT");
        const sat::Share s{share->value, static_cast<std::size_t>(share->successes),
                           static_cast<std::size_t>(share->n), share->low, share->high};
        *out = static_cast<int32_t>(sat::check_target(s, target));
    });
}

int plaint_ahp(const double* matrix, size_t n, int32_t ri_table, int32_t method,
               double* weights_out, plaint_ahp_result* out) {
    return guard([&] {
        need(weights_out, "weights_out");
        need(out, "out");
        check_size(out->size, sizeof(plaint_ahp_result), "plaint_ahp_result",
                   "PLAINT_AHP_RESULT_INIT");
        const sat::Ahp r = sat::ahp(matrix, n, ri_table_arg(ri_table), ahp_method_arg(method));
        std::copy(r.weights.begin(), r.weights.end(), weights_out);
        out->ri_table = static_cast<int32_t>(r.table);
        out->method = static_cast<int32_t>(r.method);
        out->consistent = r.consistent ? 1 : 0;
        out->lambda_max = r.lambda_max;
        out->ci = r.ci;
        out->ri = r.ri;
        out->cr = r.cr;
        out->worst_i = r.worst ? static_cast<int64_t>(r.worst->first) : -1;
        out->worst_j = r.worst ? static_cast<int64_t>(r.worst->second) : -1;
    });
}

int plaint_random_index(int32_t ri_table, size_t n, double* out) {
    return guard([&] {
        need(out, "out");
        *out = sat::random_index(ri_table_arg(ri_table), n);
    });
}

int plaint_ri_table_name(int32_t ri_table, const char** out) {
    return guard([&] {
        need(out, "out");
        *out = sat::ri_table_name(ri_table_arg(ri_table));
    });
}

int plaint_ri_table_parse(const char* name, int32_t* out) {
    return guard([&] {
        need(name, "name");
        need(out, "out");
        const auto t = sat::ri_table_from_name(name);
        if (!t)
            throw plaint::error(plaint::errc::out_of_range,
                                "unknown random-index table '" + std::string(name) +
                                    "'; expected one of saaty1980, saaty2005, donegan_dodd, "
                                    "alonso_lamata");
        *out = static_cast<int32_t>(*t);
    });
}

int plaint_key_drivers(const double* overall, const double* const* dims, size_t dim_count,
                       size_t count, double* coefficients_out, double* standardized_out,
                       double* correlations_out, double* importance_out, double* intercept_out,
                       double* r_squared_out) {
    return guard([&] {
        const sat::KeyDrivers k = sat::key_drivers(overall, dims, dim_count, count);
        const auto put = [](const std::vector<double>& v, double* to) {
            if (to)
                std::copy(v.begin(), v.end(), to);
        };
        put(k.coefficients, coefficients_out);
        put(k.standardized, standardized_out);
        put(k.correlations, correlations_out);
        put(k.importance, importance_out);
        if (intercept_out)
            *intercept_out = k.intercept;
        if (r_squared_out)
            *r_squared_out = k.r_squared;
    });
}

int plaint_acsi(const double* answers, size_t count, size_t items, const double* weights,
                double confidence, double* respondents_out, plaint_score* out) {
    return guard([&] {
        score_out(out);
        const sat::IndexScore r = sat::acsi(answers, count, items, weights, confidence);
        if (respondents_out)
            std::copy(r.respondents.begin(), r.respondents.end(), respondents_out);
        put_mean(r.overall, out);
    });
}

int plaint_global_weights(const plaint_indicator_tree* tree, double* out) {
    return guard([&] {
        const Tree t = flat_tree(tree);
        need(out, "out");
        const std::vector<sat::ItemWeight> items = sat::global_weights(t.roots);
        std::vector<double> w(items.size());
        for (std::size_t k = 0; k < items.size(); ++k)
            w[k] = items[k].global_weight;
        per_node(t, w, out);
    });
}

int plaint_weighted_index(const plaint_indicator_tree* tree, const double* item_scores,
                          double* item_scores_out, double* global_weights_out, double* out) {
    return guard([&] {
        const Tree t = flat_tree(tree);
        need(item_scores, "item_scores");
        need(out, "out");
        std::vector<double> scores(t.item_nodes.size());
        for (std::size_t k = 0; k < scores.size(); ++k)
            scores[k] = item_scores[t.item_nodes[k]];
        const sat::WeightedIndex r = sat::weighted_index(t.roots, scores.data(), scores.size());
        if (item_scores_out)
            per_node(t, r.item_scores, item_scores_out);
        if (global_weights_out) {
            std::vector<double> w(r.items.size());
            for (std::size_t k = 0; k < w.size(); ++k)
                w[k] = r.items[k].global_weight;
            per_node(t, w, global_weights_out);
        }
        *out = r.value;
    });
}

int plaint_servqual(const double* perception, const double* expectation,
                    const int32_t* dimension_of, size_t items, size_t dimensions,
                    const double* dimension_weights, int32_t lowest, int32_t highest,
                    double* item_gaps_out, double* dimension_gaps_out, double* unweighted_out,
                    double* weighted_out) {
    return guard([&] {
        need(unweighted_out, "unweighted_out");
        need(weighted_out, "weighted_out");
        std::vector<std::size_t> dims;
        if (dimension_of) {
            dims.resize(items);
            for (std::size_t i = 0; i < items; ++i) {
                if (dimension_of[i] < 0)
                    throw plaint::error(plaint::errc::invalid_argument,
                                        "dimension_of[" + std::to_string(i) + "] is " +
                                            std::to_string(dimension_of[i]) +
                                            "; dimensions are numbered from 0");
                dims[i] = static_cast<std::size_t>(dimension_of[i]);
            }
        }
        const sat::Servqual s =
            sat::servqual(perception, expectation, dimension_of ? dims.data() : nullptr, items,
                          dimensions, dimension_weights, sat::Scale{lowest, highest});
        if (item_gaps_out)
            std::copy(s.item_gaps.begin(), s.item_gaps.end(), item_gaps_out);
        if (dimension_gaps_out)
            std::copy(s.dimension_gaps.begin(), s.dimension_gaps.end(), dimension_gaps_out);
        *unweighted_out = s.unweighted;
        *weighted_out = s.weighted;
    });
}

int plaint_mttr(double total_repair_seconds, uint64_t repairs, double* out) {
    return guard([&] { *need(out, "out") = sat::mttr(total_repair_seconds, repairs); });
}

int plaint_mean_duration(const double* durations, size_t count, double* out) {
    return guard([&] { *need(out, "out") = sat::mean_duration(durations, count); });
}

int plaint_percentile(const double* values, size_t count, double percent, double* out) {
    return guard([&] { *need(out, "out") = sat::percentile(values, count, percent); });
}

int plaint_within_limit(const double* durations, size_t count, double limit, double confidence,
                        plaint_score* out) {
    return guard([&] {
        score_out(out);
        put_share(sat::within_limit(durations, count, limit, confidence), out);
    });
}

int plaint_sample_size(double margin, double confidence, double p, uint64_t population,
                       uint64_t* out) {
    return guard([&] { *need(out, "out") = sat::sample_size(margin, confidence, p, population); });
}

int plaint_groups_new(plaint_groups** out, const plaint_group_input* in, double confidence) {
    return guard([&] {
        need(out, "out");
        need(in, "in");
        check_size(in->size, sizeof(plaint_group_input), "plaint_group_input",
                   "PLAINT_GROUP_INPUT_INIT");
        if (in->key_count > sat::max_keys)
            throw plaint::error(plaint::errc::invalid_argument,
                                std::to_string(in->key_count) +
                                    " key columns given; at most 3 are allowed");
        std::vector<sat::KeyColumn> keys;
        if (in->key_count > 0) {
            need(in->keys, "in->keys");
            need(in->key_names, "in->key_names");
        }
        for (std::size_t k = 0; k < in->key_count; ++k)
            keys.push_back(
                sat::KeyColumn{name_arg(in->key_names, k, "in->key_names"), in->keys[k], in->rows});
        auto h = std::make_unique<plaint_groups>();
        std::vector<sat::ScoreColumn> scores;
        if (in->score_count > 0) {
            need(in->scores, "in->scores");
            need(in->score_names, "in->score_names");
        }
        for (std::size_t c = 0; c < in->score_count; ++c) {
            sat::ScoreColumn col;
            col.name = name_arg(in->score_names, c, "in->score_names");
            col.data = in->scores[c];
            col.size = in->rows;
            col.scale =
                sat::Scale{in->lowest ? in->lowest[c] : 1, in->highest ? in->highest[c] : 5};
            col.satisfied = in->satisfied ? in->satisfied[c] : 0;
            col.nps = in->nps && in->nps[c] != 0;
            h->csat_asked.push_back(col.satisfied != 0);
            h->nps_asked.push_back(col.nps);
            scores.push_back(std::move(col));
        }
        std::vector<sat::IndexSpec> indexes;
        if (in->index_count > 0) {
            need(in->index_names, "in->index_names");
            need(in->index_sizes, "in->index_sizes");
            need(in->index_columns, "in->index_columns");
            need(in->index_weights, "in->index_weights");
        }
        std::size_t at = 0;
        for (std::size_t x = 0; x < in->index_count; ++x) {
            sat::IndexSpec spec;
            spec.name = name_arg(in->index_names, x, "in->index_names");
            const int32_t units = in->index_units ? in->index_units[x] : PLAINT_INDEX_PERCENT;
            if (units != PLAINT_INDEX_PERCENT && units != PLAINT_INDEX_SCALE)
                throw plaint::error(plaint::errc::out_of_range, "index '" + spec.name + "'" +
                                                                    ": unknown units code " +
                                                                    std::to_string(units));
            spec.units = static_cast<sat::IndexUnits>(units);
            for (uint32_t j = 0; j < in->index_sizes[x]; ++j, ++at) {
                spec.columns.push_back(in->index_columns[at]);
                spec.weights.push_back(in->index_weights[at]);
            }
            indexes.push_back(std::move(spec));
        }
        h->impl = sat::group(keys, scores, indexes, confidence);
        *out = h.release();
    });
}

void plaint_groups_free(plaint_groups* g) {
    delete g;
}

int plaint_groups_count(const plaint_groups* g, size_t* out) {
    return guard([&] { *need(out, "out") = groups_arg(g).impl.size(); });
}

int plaint_groups_key_count(const plaint_groups* g, size_t* out) {
    return guard([&] { *need(out, "out") = groups_arg(g).impl.key_names.size(); });
}

int plaint_groups_score_count(const plaint_groups* g, size_t* out) {
    return guard([&] { *need(out, "out") = groups_arg(g).impl.score_names.size(); });
}

int plaint_groups_index_count(const plaint_groups* g, size_t* out) {
    return guard([&] { *need(out, "out") = groups_arg(g).impl.index_names.size(); });
}

int plaint_groups_key_name(const plaint_groups* g, size_t k, const char** out) {
    return guard([&] {
        const auto& names = groups_arg(g).impl.key_names;
        need(out, "out");
        check_position(k, names.size(), "key column", "key columns");
        *out = names[k].c_str();
    });
}

int plaint_groups_score_name(const plaint_groups* g, size_t column, const char** out) {
    return guard([&] {
        const auto& names = groups_arg(g).impl.score_names;
        need(out, "out");
        check_position(column, names.size(), "score column", "score columns");
        *out = names[column].c_str();
    });
}

int plaint_groups_index_name(const plaint_groups* g, size_t index, const char** out) {
    return guard([&] {
        const auto& names = groups_arg(g).impl.index_names;
        need(out, "out");
        check_position(index, names.size(), "index", "indexes");
        *out = names[index].c_str();
    });
}

int plaint_groups_key(const plaint_groups* g, size_t group, size_t k, int32_t* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        need(out, "out");
        check_position(group, r.size(), "group", "groups");
        check_position(k, r.key_names.size(), "key column", "key columns");
        *out = r.key(group, k);
    });
}

int plaint_groups_rows(const plaint_groups* g, size_t group, uint64_t* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        need(out, "out");
        check_position(group, r.size(), "group", "groups");
        *out = r.rows[group];
    });
}

int plaint_groups_score(const plaint_groups* g, size_t group, size_t column, int32_t measure,
                        plaint_score* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        score_out(out);
        check_position(group, r.size(), "group", "groups");
        check_position(column, r.score_names.size(), "score column", "score columns");
        const sat::ColumnStats& s = r.score(group, column);
        switch (measure) {
        case PLAINT_MEASURE_MEAN:
            put_mean(s.mean, out);
            break;
        case PLAINT_MEASURE_CSAT:
            put_share(s.csat, out);
            break;
        case PLAINT_MEASURE_NPS:
            put_nps(s.nps, out);
            break;
        default:
            throw plaint::error(plaint::errc::out_of_range,
                                "unknown measure code " + std::to_string(measure) +
                                    "; expected PLAINT_MEASURE_MEAN (1), _CSAT (2) or _NPS (3)");
        }
        out->missing = s.missing;
    });
}

int plaint_groups_index(const plaint_groups* g, size_t group, size_t index, plaint_score* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        score_out(out);
        check_position(group, r.size(), "group", "groups");
        check_position(index, r.index_names.size(), "index", "indexes");
        put_mean(r.index(group, index), out);
    });
}

int plaint_groups_export_keys(const plaint_groups* g, size_t k, int32_t* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        check_position(k, r.key_names.size(), "key column", "key columns");
        if (r.size() == 0)
            return; // `out` may be NULL then
        need(out, "out");
        for (std::size_t i = 0; i < r.size(); ++i)
            out[i] = r.key(i, k);
    });
}

int plaint_groups_export_rows(const plaint_groups* g, uint64_t* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        if (r.size() == 0)
            return;
        need(out, "out");
        std::copy(r.rows.begin(), r.rows.end(), out);
    });
}

int plaint_groups_export(const plaint_groups* g, size_t column, int32_t stat, double* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        check_position(column, r.score_names.size(), "score column", "score columns");
        check_stat(stat, StatKind::real, false);
        if (r.size() == 0)
            return;
        need(out, "out");
        for (std::size_t i = 0; i < r.size(); ++i) {
            out[i] = real_stat(r.score(i, column), stat);
        }
    });
}

int plaint_groups_export_count(const plaint_groups* g, size_t column, int32_t stat, uint64_t* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        check_position(column, r.score_names.size(), "score column", "score columns");
        check_stat(stat, StatKind::count, false);
        if (r.size() == 0)
            return;
        need(out, "out");
        for (std::size_t i = 0; i < r.size(); ++i) {
            out[i] = count_stat(r.score(i, column), stat);
        }
    });
}

int plaint_groups_export_index(const plaint_groups* g, size_t index, int32_t stat, double* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        check_position(index, r.index_names.size(), "index", "indexes");
        check_stat(stat, StatKind::real, true);
        if (r.size() == 0)
            return;
        need(out, "out");
        for (std::size_t i = 0; i < r.size(); ++i)
            out[i] = mean_stat(r.index(i, index), stat);
    });
}

int plaint_groups_export_index_count(const plaint_groups* g, size_t index, int32_t stat,
                                     uint64_t* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        check_position(index, r.index_names.size(), "index", "indexes");
        check_stat(stat, StatKind::count, true);
        if (r.size() == 0)
            return;
        need(out, "out");
        for (std::size_t i = 0; i < r.size(); ++i)
            out[i] = r.index(i, index).n; // PLAINT_STAT_MEAN_N, the index's only count
    });
}

int plaint_groups_to_json(const plaint_groups* g, char** out) {
    return guard([&] {
        const plaint_groups& h = groups_arg(g);
        need(out, "out");
        *out = owned_copy(groups_json(h));
    });
}

int plaint_profile_survey_count(const plaint_profile* p, size_t* out) {
    return guard([&] { *need(out, "out") = need(p, "profile")->survey_names.size(); });
}

int plaint_profile_survey_name(const plaint_profile* p, size_t index, const char** out) {
    return guard([&] {
        const auto& names = need(p, "profile")->survey_names;
        need(out, "out");
        check_position(index, names.size(), "survey index", "surveys");
        *out = names[index].c_str();
    });
}

int plaint_profile_survey_json(const plaint_profile* p, const char* name, char** out) {
    return guard([&] {
        need(p, "profile");
        need(name, "name");
        need(out, "out");
        const std::optional<plaint::Survey> s = p->impl.survey(name);
        if (!s)
            throw plaint::error(plaint::errc::not_found,
                                "no survey named '" + std::string(name) + "' in the profile");
        *out = owned_copy(s->to_json());
    });
}

} // extern "C"

// ---- The ledger, snapshots and the monthly report (Since 0.5) ----

namespace {

// Fields of plaint_import_result and plaint_report_options known to version 0.5 of the ABI:
// all of them.
constexpr std::size_t import_result_min_size =
    offsetof(plaint_import_result, bad_rows) + sizeof(uint64_t);
static_assert(import_result_min_size == sizeof(plaint_import_result),
              "plaint_import_result 0.5 ends at `bad_rows`");
constexpr std::size_t report_options_min_size =
    offsetof(plaint_report_options, top) + sizeof(uint32_t);

plaint_ledger& ledger_arg(plaint_ledger* l) {
    return *need(l, "ledger");
}
const plaint_ledger& ledger_arg(const plaint_ledger* l) {
    return *need(l, "ledger");
}

plaint::ImportOptions import_options(uint32_t flags, const plaint_import_result* result_out) {
    if (flags & ~uint32_t{PLAINT_IMPORT_ALL_OR_NOTHING})
        throw plaint::error(plaint::errc::invalid_argument,
                            "unknown import flags " + std::to_string(flags) +
                                " (known: PLAINT_IMPORT_ALL_OR_NOTHING)");
    if (result_out && result_out->size < import_result_min_size)
        throw plaint::error(plaint::errc::invalid_argument,
                            "plaint_import_result.size " + std::to_string(result_out->size) +
                                " is too small; initialise it with PLAINT_IMPORT_RESULT_INIT");
    plaint::ImportOptions o;
    o.all_or_nothing = (flags & PLAINT_IMPORT_ALL_OR_NOTHING) != 0;
    return o;
}

// A JSON key, after a comma unless it opens its object.
void json_key(std::string& o, const char* key) {
    if (o.back() != '{')
        o += ',';
    json_text(o, key);
    o += ':';
}

// The import's outputs; the owned string is made before anything is stored, so that a failure
// to allocate it leaves the outputs unchanged.
void put_import(const plaint::ImportReport& r, plaint_import_result* result_out,
                char** problems_out) {
    char* problems = nullptr;
    if (problems_out) {
        std::string o = "[";
        for (const auto& p : r.problems) {
            if (o.size() > 1)
                o += ',';
            o += '{';
            json_key(o, "file");
            json_text(o, p.file);
            json_key(o, "line");
            o += std::to_string(p.line);
            json_key(o, "status");
            o += std::to_string(static_cast<int>(p.code));
            json_key(o, "message");
            json_text(o, p.message);
            o += '}';
        }
        o += ']';
        problems = owned_copy(o);
    }
    if (result_out) {
        result_out->committed = r.committed ? 1 : 0;
        result_out->complaints = r.complaints;
        result_out->events = r.events;
        result_out->rows = r.rows;
        result_out->bad_rows = r.bad_rows;
    }
    if (problems_out)
        *problems_out = problems;
}

template <class E>
void json_enum(std::string& o, const char* key, std::optional<E> value) {
    json_key(o, key);
    const auto name =
        value ? plaint::enum_name(plaint::detail::EnumTraits<E>::kind, static_cast<int32_t>(*value))
              : std::nullopt;
    if (name)
        json_text(o, std::string(*name));
    else
        o += "null";
}

void json_instant(std::string& o, const char* key, std::optional<plaint::Instant> t) {
    json_key(o, key);
    if (t)
        json_text(o, plaint::format_iso8601(*t, 0));
    else
        o += "null";
}

std::string view_json(const plaint::Ledger& ledger, std::size_t index) {
    const plaint::ComplaintView v = ledger.view(index);
    std::vector<std::string_view> tags;
    ledger.tags(index, tags);
    std::string o = "{";
    json_key(o, "index");
    o += std::to_string(v.index);
    json_key(o, "id");
    json_text(o, std::string(v.id));
    json_enum(o, "state", std::optional<plaint::State>(v.state));
    json_enum(o, "owner", std::optional<plaint::Role>(v.owner));
    json_enum(o, "nature", std::optional<plaint::Nature>(v.nature));
    json_enum(o, "severity", std::optional<plaint::Severity>(v.severity));
    json_key(o, "cycle");
    o += std::to_string(v.cycle);
    json_key(o, "event_count");
    o += std::to_string(v.event_count);
    json_instant(o, "last_event_at", v.last_event_at);
    json_key(o, "escalations");
    o += std::to_string(v.escalations);
    json_key(o, "reevaluations");
    o += std::to_string(v.reevaluations);
    json_enum(o, "visit_method", v.visit_method);
    json_instant(o, "rectification_deadline", v.rectification_deadline);
    json_key(o, "sla_policy");
    if (v.sla_policy.empty())
        o += "null";
    else
        json_text(o, std::string(v.sla_policy));
    json_enum(o, "rule_nature", v.rule_nature);
    json_enum(o, "rule_escalate_to", v.rule_escalate_to);
    json_enum(o, "planned_visit", std::optional<plaint::VisitMethod>(v.planned_visit));
    json_key(o, "tags");
    o += '[';
    for (std::size_t i = 0; i < tags.size(); ++i) {
        if (i)
            o += ',';
        json_text(o, std::string(tags[i]));
    }
    o += ']';
    json_key(o, "complaint");
    o += plaint::to_json(ledger.complaint(index));
    o += '}';
    return o;
}

// The report's options and survey responses from the C options (NULL: every default).
struct ReportInput {
    plaint::ReportOptions options;
    plaint::SurveyResponses surveys;
    bool has_surveys = false;
};

ReportInput report_input(const plaint_report_options* o) {
    ReportInput in;
    if (!o)
        return in;
    if (o->size < report_options_min_size)
        throw plaint::error(plaint::errc::invalid_argument,
                            "plaint_report_options.size " + std::to_string(o->size) +
                                " is too small; initialise it with PLAINT_REPORT_OPTIONS_INIT");
    if (o->month)
        in.options.month = o->month;
    if (o->timezone)
        in.options.timezone = o->timezone;
    if (o->has_as_of)
        in.options.as_of = o->as_of;
    if (o->confidence != 0.0)
        in.options.confidence = o->confidence;
    if (o->csat_target != 0.0)
        in.options.csat_target = o->csat_target;
    if (o->top != 0)
        in.options.top = o->top;
    if (o->survey_count > 0)
        need(o->surveys, "options.surveys");
    for (std::size_t i = 0; i < o->survey_count; ++i) {
        const std::string where = "options.surveys[" + std::to_string(i) + "]";
        if (!o->surveys[i])
            null_argument(where.c_str());
        const std::size_t len = o->survey_lens ? o->survey_lens[i] : PLAINT_NTS;
        const std::string_view text = text_arg(o->surveys[i], len, where.c_str());
        try {
            in.surveys.append(plaint::SurveyResponses::from_csv(text));
        } catch (const plaint::error& e) {
            throw plaint::error(e.code(), where + ": " + e.what(),
                                e.where() ? *e.where() : plaint::Location{});
        }
        in.has_surveys = true;
    }
    return in;
}

plaint::MonthlyReport compute_report(const plaint_ledger* l, const plaint_report_options* o) {
    const plaint_ledger& h = ledger_arg(l);
    const ReportInput in = report_input(o);
    return plaint::monthly_report(h.impl, in.options, in.has_surveys ? &in.surveys : nullptr);
}

} // namespace

extern "C" {

void plaint_import_result_init(plaint_import_result* r, size_t size) {
    init_sized(r, size);
}

void plaint_report_options_init(plaint_report_options* o, size_t size) {
    init_sized(o, size);
}

int plaint_ledger_new(plaint_ledger** out, const plaint_profile* profile) {
    return guard([&] {
        need(out, "out");
        *out = new plaint_ledger{
            plaint::Ledger(profile ? profile->impl : plaint::Profile::default_profile())};
    });
}

void plaint_ledger_free(plaint_ledger* l) {
    delete l;
}

int plaint_ledger_profile(const plaint_ledger* l, plaint_profile** out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(out, "out");
        *out = new_profile(h.impl.profile());
    });
}

int plaint_ledger_count(const plaint_ledger* l, size_t* out) {
    return guard([&] { *need(out, "out") = ledger_arg(l).impl.size(); });
}

int plaint_ledger_event_count(const plaint_ledger* l, size_t* out) {
    return guard([&] { *need(out, "out") = ledger_arg(l).impl.event_count(); });
}

int plaint_ledger_import_json_lines(plaint_ledger* l, const char* text, size_t len, uint32_t flags,
                                    plaint_import_result* result_out, char** problems_out) {
    return guard([&] {
        plaint_ledger& h = ledger_arg(l);
        const std::string_view t = text_arg(text, len, "text");
        const plaint::ImportOptions options = import_options(flags, result_out);
        put_import(h.impl.import_json_lines(t, options), result_out, problems_out);
    });
}

int plaint_ledger_import_csv(plaint_ledger* l, const char* complaints, size_t complaints_len,
                             const char* events, size_t events_len, uint32_t flags,
                             plaint_import_result* result_out, char** problems_out) {
    return guard([&] {
        plaint_ledger& h = ledger_arg(l);
        const std::string_view c = text_arg(complaints, complaints_len, "complaints");
        const std::string_view e = text_arg(events, events_len, "events");
        const plaint::ImportOptions options = import_options(flags, result_out);
        put_import(h.impl.import_csv(c, e, options), result_out, problems_out);
    });
}

int plaint_ledger_add_complaint_json(plaint_ledger* l, const char* json, size_t len,
                                     size_t* index_out) {
    return guard([&] {
        plaint_ledger& h = ledger_arg(l);
        const plaint::Complaint c = plaint::complaint_from_json(json_arg(json, len, "complaint"));
        const std::size_t index = h.impl.add(c);
        if (index_out)
            *index_out = index;
    });
}

int plaint_ledger_add_complaint(plaint_ledger* l, const plaint_complaint* c, size_t* index_out) {
    return guard([&] {
        plaint_ledger& h = ledger_arg(l);
        need(c, "complaint");
        const std::size_t index = h.impl.add(c->impl);
        if (index_out)
            *index_out = index;
    });
}

int plaint_ledger_add_event(plaint_ledger* l, size_t index, const plaint_event* event) {
    return guard([&] {
        plaint_ledger& h = ledger_arg(l);
        const plaint::Event e = event_arg(event);
        check_position(index, h.impl.size(), "complaint index", "complaints");
        h.impl.add_event(index, e);
    });
}

int plaint_ledger_find(const plaint_ledger* l, const char* id, size_t* out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(id, "id");
        need(out, "out");
        const auto index = h.impl.find(id);
        if (!index)
            throw plaint::error(plaint::errc::not_found,
                                "no complaint with id '" + std::string(id) + "' in the ledger");
        *out = *index;
    });
}

int plaint_ledger_complaint(const plaint_ledger* l, size_t index, plaint_complaint** out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(out, "out");
        check_position(index, h.impl.size(), "complaint index", "complaints");
        *out = new plaint_complaint{h.impl.complaint(index)};
    });
}

int plaint_ledger_complaint_json(const plaint_ledger* l, size_t index, char** out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(out, "out");
        check_position(index, h.impl.size(), "complaint index", "complaints");
        *out = owned_copy(view_json(h.impl, index));
    });
}

int plaint_ledger_save(const plaint_ledger* l, const char* path) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(path, "path");
        plaint::save_snapshot(h.impl, path);
    });
}

int plaint_ledger_load(plaint_ledger** out, const char* path, const plaint_profile* profile) {
    return guard([&] {
        need(out, "out");
        need(path, "path");
        *out = new plaint_ledger{profile ? plaint::load_snapshot(path, profile->impl)
                                         : plaint::load_snapshot(path)};
    });
}

int plaint_ledger_report_json(const plaint_ledger* l, const plaint_report_options* options,
                              char** out) {
    return guard([&] {
        need(out, "out");
        *out = owned_copy(compute_report(l, options).to_json());
    });
}

int plaint_ledger_report_csv(const plaint_ledger* l, const plaint_report_options* options,
                             char** out) {
    return guard([&] {
        need(out, "out");
        *out = owned_copy(compute_report(l, options).to_csv());
    });
}

int plaint_ledger_report_html(const plaint_ledger* l, const plaint_report_options* options,
                              char** out) {
    return guard([&] {
        need(out, "out");
        *out = owned_copy(compute_report(l, options).to_html());
    });
}

int plaint_ledger_report_files(const plaint_ledger* l, const plaint_report_options* options,
                               const char* folder) {
    return guard([&] {
        need(folder, "folder");
        plaint::write_report_files(compute_report(l, options), folder);
    });
}

} // extern "C"

// ---- Ledger queries, replay and re-evaluation (Since 0.6) ----

namespace {

// Fields of the 0.6 structs: all of them.
constexpr std::size_t complaint_view_min_size =
    offsetof(plaint_complaint_view, sla_policy_len) + sizeof(size_t);
static_assert(complaint_view_min_size == sizeof(plaint_complaint_view),
              "plaint_complaint_view 0.6 ends at `sla_policy_len`");
constexpr std::size_t query_min_size = offsetof(plaint_query, received_before) + sizeof(int64_t);
static_assert(query_min_size == sizeof(plaint_query), "plaint_query 0.6 ends at `received_before`");
constexpr std::size_t ledger_clock_min_size =
    offsetof(plaint_ledger_clock, warnings) + 4 * sizeof(int64_t);
static_assert(ledger_clock_min_size == sizeof(plaint_ledger_clock),
              "plaint_ledger_clock 0.6 ends at `warnings`");
constexpr std::size_t escalation_due_min_size =
    offsetof(plaint_escalation_due, reason) + sizeof(const char*);
static_assert(escalation_due_min_size == sizeof(plaint_escalation_due),
              "plaint_escalation_due 0.6 ends at `reason`");
constexpr std::size_t visit_due_min_size = offsetof(plaint_visit_due, due) + sizeof(int64_t);
static_assert(visit_due_min_size == sizeof(plaint_visit_due), "plaint_visit_due 0.6 ends at `due`");
constexpr std::size_t quota_compliance_min_size =
    offsetof(plaint_quota_compliance, compliant) + sizeof(int32_t);
static_assert(quota_compliance_min_size == sizeof(plaint_quota_compliance),
              "plaint_quota_compliance 0.6 ends at `compliant`");

// A text of the ledger as pointer and length: never NULL, so "" for an empty view (a default
// string_view has a null data pointer).
void put_text(std::string_view s, const char*& p, std::size_t& len) {
    p = s.empty() ? "" : s.data();
    len = s.size();
}

// The largest element size an array call accepts: far above any version of its structs, far
// below the garbage an uninitialised `size` tends to hold, which would stride past the array.
constexpr std::size_t max_element_size = 65536;

// The checked size of the first element of a caller's array that the library writes into.
void check_out_size(uint32_t size, std::size_t min_size, std::size_t align, const char* type,
                    const char* init) {
    const char* what = nullptr;
    if (size < min_size)
        what = " is too small";
    else if (size > max_element_size)
        what = " is over 65,536 (uninitialised?)";
    else if (size % align != 0)
        what = " is not a multiple of the struct's alignment";
    if (what)
        throw plaint::error(plaint::errc::invalid_argument, std::string(type) + ".size " +
                                                                std::to_string(size) + what +
                                                                "; initialise it with " + init);
}

// The stride of a caller's array of `capacity` structs T, read from its first element (0 when
// the capacity is 0: nothing is read or written then).
template <class T>
std::size_t array_stride(const T* out, std::size_t capacity, std::size_t min_size, const char* type,
                         const char* init) {
    if (capacity == 0)
        return 0;
    need(out, "out");
    check_out_size(out->size, min_size, alignof(T), type, init);
    return out->size;
}

// Writes the first min(capacity, n) results into the caller's array, each element made by
// fill(i, T&) in a zeroed T, stamped with the caller's size, copied as far as the caller's
// struct and this library's both reach, the rest of the caller's element zeroed; then the count.
// Nothing can fail once this starts, so a failure leaves every output unchanged.
template <class T, class Fill>
void put_array(T* out, std::size_t capacity, std::size_t stride, std::size_t n,
               std::size_t* count_out, Fill&& fill) noexcept {
    auto* base = reinterpret_cast<unsigned char*>(out);
    const std::size_t k = std::min(capacity, n);
    for (std::size_t i = 0; i < k; ++i) {
        T v{};
        fill(i, v);
        v.size = static_cast<uint32_t>(stride);
        unsigned char* dst = base + i * stride;
        const std::size_t copied = std::min(stride, sizeof(T));
        std::memcpy(dst, &v, copied);
        if (stride > copied)
            std::memset(dst + copied, 0, stride - copied);
    }
    *count_out = n;
}

// The name of `target` in the SLA policy of complaint `index`, as the ledger's profile holds
// it: NUL-terminated and valid while the ledger lives (it keeps its profile).
class TargetNames {
public:
    explicit TargetNames(const plaint::Ledger& l) : ledger_(l) {}

    const char* get(std::size_t index, const std::string& target) {
        if (index != index_ || !policy_) {
            const plaint::ComplaintView v = ledger_.view(index);
            policy_ = ledger_.profile().policies().find(v.sla_policy);
            index_ = index;
        }
        if (policy_)
            for (const plaint::Target& t : policy_->targets)
                if (t.name == target)
                    return t.name.c_str();
        throw plaint::error(plaint::errc::internal, "target '" + target + "' of complaint " +
                                                        std::to_string(index) +
                                                        " not found in its policy");
    }

private:
    const plaint::Ledger& ledger_;
    std::size_t index_ = 0;
    const plaint::Policy* policy_ = nullptr;
};

plaint::ClockFilter clock_filter_arg(int32_t filter) {
    switch (filter) {
    case PLAINT_CLOCKS_OPEN:
        return plaint::ClockFilter::open;
    case PLAINT_CLOCKS_WARNING:
        return plaint::ClockFilter::warning;
    case PLAINT_CLOCKS_BREACHED:
        return plaint::ClockFilter::breached;
    default:
        throw plaint::error(plaint::errc::out_of_range,
                            "unknown clock filter " + std::to_string(filter) +
                                " (known: PLAINT_CLOCKS_OPEN, _WARNING, _BREACHED)");
    }
}

template <class E>
std::optional<E> any_arg(int32_t code) {
    if (code == PLAINT_ANY)
        return std::nullopt;
    return enum_arg<E>(code);
}

plaint::Query query_arg(const plaint_query* q) {
    plaint::Query query;
    if (!q)
        return query;
    if (q->size < query_min_size)
        throw plaint::error(plaint::errc::invalid_argument,
                            "plaint_query.size " + std::to_string(q->size) +
                                " is too small; initialise it with PLAINT_QUERY_INIT");
    query.state = any_arg<plaint::State>(q->state);
    query.owner = any_arg<plaint::Role>(q->owner);
    query.category = any_arg<plaint::Category>(q->category);
    query.nature = any_arg<plaint::Nature>(q->nature);
    query.severity = any_arg<plaint::Severity>(q->severity);
    if (q->building)
        query.building = std::string_view(q->building);
    query.open_only = q->open_only != 0;
    if (q->has_received_from)
        query.received_from = q->received_from;
    if (q->has_received_before)
        query.received_before = q->received_before;
    return query;
}

} // namespace

extern "C" {

void plaint_complaint_view_init(plaint_complaint_view* v, size_t size) {
    init_sized(v, size);
}

void plaint_query_init(plaint_query* q, size_t size) {
    if (!init_sized(q, size))
        return;
    // PLAINT_ANY in the enumeration members the caller's struct has.
    const auto any = [&](int32_t plaint_query::*member, std::size_t offset) {
        if (size >= offset + sizeof(int32_t))
            q->*member = PLAINT_ANY;
    };
    any(&plaint_query::state, offsetof(plaint_query, state));
    any(&plaint_query::owner, offsetof(plaint_query, owner));
    any(&plaint_query::category, offsetof(plaint_query, category));
    any(&plaint_query::nature, offsetof(plaint_query, nature));
    any(&plaint_query::severity, offsetof(plaint_query, severity));
}

void plaint_ledger_clock_init(plaint_ledger_clock* c, size_t size) {
    init_sized(c, size);
}

void plaint_escalation_due_init(plaint_escalation_due* e, size_t size) {
    init_sized(e, size);
}

void plaint_visit_due_init(plaint_visit_due* v, size_t size) {
    init_sized(v, size);
}

void plaint_quota_compliance_init(plaint_quota_compliance* q, size_t size) {
    init_sized(q, size);
}

int plaint_ledger_view(const plaint_ledger* l, size_t index, plaint_complaint_view* out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(out, "out");
        if (out->size < complaint_view_min_size)
            throw plaint::error(plaint::errc::invalid_argument,
                                "plaint_complaint_view.size " + std::to_string(out->size) +
                                    " is too small; initialise it with "
                                    "PLAINT_COMPLAINT_VIEW_INIT");
        check_position(index, h.impl.size(), "complaint index", "complaints");
        const plaint::ComplaintView v = h.impl.view(index);
        plaint_complaint_view c{};
        c.index = v.index;
        put_text(v.id, c.id, c.id_len);
        c.received = v.received;
        c.channel = static_cast<int32_t>(v.channel);
        c.category = static_cast<int32_t>(v.category);
        put_text(v.subcategory, c.subcategory, c.subcategory_len);
        put_text(v.building, c.building, c.building_len);
        put_text(v.unit, c.unit, c.unit_len);
        put_text(v.content, c.content, c.content_len);
        c.reporter_count = v.reporter_count;
        c.repeat_count = v.repeat_count;
        c.state = static_cast<int32_t>(v.state);
        c.owner = static_cast<int32_t>(v.owner);
        c.nature = static_cast<int32_t>(v.nature);
        c.severity = static_cast<int32_t>(v.severity);
        c.visit_method = v.visit_method ? static_cast<int32_t>(*v.visit_method) : PLAINT_VISIT_NONE;
        put(v.rectification_deadline, c.has_rectification_deadline, c.rectification_deadline);
        c.cycle = v.cycle;
        c.event_count = v.event_count;
        c.last_event_at = v.last_event_at;
        c.escalations = v.escalations;
        c.reevaluations = v.reevaluations;
        put_text(v.sla_policy, c.sla_policy, c.sla_policy_len);
        c.rule_nature =
            v.rule_nature ? static_cast<int32_t>(*v.rule_nature) : PLAINT_NATURE_UNJUDGED;
        c.rule_escalate_to = role_code(v.rule_escalate_to);
        c.planned_visit = static_cast<int32_t>(v.planned_visit);
        // Every field belongs to the 0.6 struct, which `size` covers; later fields will be
        // copied only as far as the caller's `size` reaches.
        c.size = out->size;
        std::memcpy(out, &c, std::min<std::size_t>(out->size, sizeof c));
    });
}

int plaint_ledger_select(const plaint_ledger* l, const plaint_query* q, size_t* out,
                         size_t capacity, size_t* count_out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(count_out, "count_out");
        if (capacity > 0)
            need(out, "out");
        const std::vector<std::size_t> found = h.impl.select(query_arg(q));
        const std::size_t k = std::min(capacity, found.size());
        if (k > 0) // `out` may be NULL with no room: never hand it to the copy
            std::copy(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(k), out);
        *count_out = found.size();
    });
}

int plaint_ledger_clocks_at(const plaint_ledger* l, int64_t at, int32_t filter,
                            plaint_ledger_clock* out, size_t capacity, size_t* count_out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(count_out, "count_out");
        const plaint::ClockFilter f = clock_filter_arg(filter);
        const std::size_t stride = array_stride(out, capacity, ledger_clock_min_size,
                                                "plaint_ledger_clock", "PLAINT_LEDGER_CLOCK_INIT");
        const std::vector<plaint::LedgerClock> clocks = h.impl.clocks_at(at, f);
        // The target names, looked up before anything is written (a lookup may throw).
        TargetNames names(h.impl);
        std::vector<const char*> targets;
        const std::size_t k = std::min(capacity, clocks.size());
        targets.reserve(k);
        for (std::size_t i = 0; i < k; ++i)
            targets.push_back(names.get(clocks[i].index, clocks[i].clock.target));
        put_array(out, capacity, stride, clocks.size(), count_out,
                  [&](std::size_t i, plaint_ledger_clock& c) {
                      const plaint::Clock& kc = clocks[i].clock;
                      c.index = clocks[i].index;
                      c.target = targets[i];
                      c.kind = static_cast<int32_t>(kc.kind);
                      c.cycle = kc.cycle;
                      c.round = kc.round;
                      c.state = static_cast<int32_t>(kc.state);
                      c.escalate_to = role_code(kc.escalate_to);
                      put(kc.started, c.has_started, c.started);
                      put(kc.stopped, c.has_stopped, c.stopped);
                      put(kc.due, c.has_due, c.due);
                      put(kc.breached_at, c.has_breached_at, c.breached_at);
                      c.duration = kc.duration;
                      c.elapsed = kc.elapsed;
                      c.remaining = kc.remaining;
                      c.percent = kc.percent;
                      const std::size_t n = std::min<std::size_t>(kc.warnings.size(), 4);
                      c.warning_count = static_cast<uint32_t>(n);
                      for (std::size_t w = 0; w < n; ++w)
                          c.warnings[w] = kc.warnings[w];
                  });
    });
}

int plaint_ledger_escalations_due(const plaint_ledger* l, int64_t at, plaint_escalation_due* out,
                                  size_t capacity, size_t* count_out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(count_out, "count_out");
        const std::size_t stride =
            array_stride(out, capacity, escalation_due_min_size, "plaint_escalation_due",
                         "PLAINT_ESCALATION_DUE_INIT");
        const std::vector<plaint::EscalationDue> due = h.impl.escalations_due(at);
        TargetNames names(h.impl);
        std::vector<const char*> reasons;
        const std::size_t k = std::min(capacity, due.size());
        reasons.reserve(k);
        for (std::size_t i = 0; i < k; ++i)
            reasons.push_back(due[i].reason == "rules" ? "rules"
                                                       : names.get(due[i].index, due[i].reason));
        put_array(out, capacity, stride, due.size(), count_out,
                  [&](std::size_t i, plaint_escalation_due& e) {
                      e.index = due[i].index;
                      e.owner = static_cast<int32_t>(due[i].owner);
                      e.to = static_cast<int32_t>(due[i].to);
                      e.reason = reasons[i];
                  });
    });
}

int plaint_ledger_visits_due(const plaint_ledger* l, plaint_visit_due* out, size_t capacity,
                             size_t* count_out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(count_out, "count_out");
        const std::size_t stride = array_stride(out, capacity, visit_due_min_size,
                                                "plaint_visit_due", "PLAINT_VISIT_DUE_INIT");
        const std::vector<plaint::VisitDue> due = h.impl.visits_due();
        put_array(out, capacity, stride, due.size(), count_out,
                  [&](std::size_t i, plaint_visit_due& v) {
                      v.index = due[i].index;
                      v.method = static_cast<int32_t>(due[i].method);
                      v.resolved_at = due[i].resolved_at;
                      put(due[i].due, v.has_due, v.due);
                  });
    });
}

int plaint_ledger_visit_quotas(const plaint_ledger* l, int64_t from, int64_t to,
                               plaint_quota_compliance* out, size_t capacity, size_t* count_out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(count_out, "count_out");
        const std::size_t stride =
            array_stride(out, capacity, quota_compliance_min_size, "plaint_quota_compliance",
                         "PLAINT_QUOTA_COMPLIANCE_INIT");
        const std::vector<plaint::QuotaCompliance> quotas = h.impl.visit_quotas(from, to);
        put_array(out, capacity, stride, quotas.size(), count_out,
                  [&](std::size_t i, plaint_quota_compliance& q) {
                      q.role = static_cast<int32_t>(quotas[i].role);
                      q.visits = quotas[i].visits;
                      q.required = quotas[i].required;
                      q.compliant = quotas[i].compliant ? 1 : 0;
                  });
    });
}

int plaint_month_range(const char* month, int32_t utc_offset_seconds, int64_t* from_out,
                       int64_t* to_out) {
    return guard([&] {
        need(month, "month");
        need(from_out, "from_out");
        need(to_out, "to_out");
        const auto range = plaint::Ledger::month_range(month, utc_offset_seconds);
        *from_out = range.first;
        *to_out = range.second;
    });
}

int plaint_ledger_replay(const plaint_ledger* l, const plaint_profile* profile,
                         plaint_ledger** out) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(out, "out");
        *out = new plaint_ledger{
            h.impl.replay(profile ? profile->impl : plaint::Profile::default_profile())};
    });
}

int plaint_ledger_reevaluate(plaint_ledger* l, int64_t now, size_t* added_out) {
    return guard([&] {
        plaint_ledger& h = ledger_arg(l);
        const std::size_t added = h.impl.reevaluate(now);
        if (added_out)
            *added_out = added;
    });
}

} // extern "C"
