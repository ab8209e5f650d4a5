// What every file of the C shim shares: the handles' insides (opaque to C users), the
// exception firewall (guard), and the argument, text, enumeration and struct-size checks.
// Each capi/src/X.cpp is the shim of plaint/c/X.h over plaint/X.hpp; nothing here is exported.
#pragma once

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
    plaint::satisfaction::Grouped impl; // records what was asked of each score column
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
    std::string team; // a NUL-terminated copy of the decided team (0.7), when there is one
};

struct plaint_ledger {
    plaint::Ledger impl; // shares its profile
};

struct plaint_clock_list {
    // Copies: the list owns its target names and outlives the set and the complaint.
    std::vector<plaint::Clock> clocks;
};

namespace plaint_shim {

// ---- Sized structs: one row each ----
// Every struct a caller passes with a leading `size` (its `_INIT` macro or `_init` function sets
// it): its name, its initialiser, and the bytes of the fields its first version had, which are
// the least the library accepts. A row whose first version is the whole struct today says so,
// and the build fails when a field is added without moving its row on.
template <class T>
struct Sized;

#define PLAINT_SIZED(T, INIT, LAST, LAST_SIZE, WHOLE)                                              \
    template <>                                                                                    \
    struct Sized<T> {                                                                              \
        static constexpr const char* name = #T;                                                    \
        static constexpr const char* init = #INIT;                                                 \
        static constexpr std::size_t min_size = offsetof(T, LAST) + (LAST_SIZE);                   \
        static_assert(!(WHOLE) || min_size == sizeof(T), #T " ends at `" #LAST "`");               \
    };

PLAINT_SIZED(plaint_event, PLAINT_EVENT_INIT, deadline, sizeof(int64_t),
             false) // 0.1; handler, team 0.7
PLAINT_SIZED(plaint_clock, PLAINT_CLOCK_INIT, warnings, 4 * sizeof(int64_t), true) // 0.2
PLAINT_SIZED(plaint_facts_columns, PLAINT_FACTS_COLUMNS_INIT, received, sizeof(void*),
             false)                                                            // 0.3; kind 0.7
PLAINT_SIZED(plaint_score, PLAINT_SCORE_INIT, missing, sizeof(uint64_t), true) // 0.4
PLAINT_SIZED(plaint_ahp_result, PLAINT_AHP_RESULT_INIT, worst_j, sizeof(int64_t), true)     // 0.4
PLAINT_SIZED(plaint_indicator_tree, PLAINT_INDICATOR_TREE_INIT, name, sizeof(void*), true)  // 0.4
PLAINT_SIZED(plaint_group_input, PLAINT_GROUP_INPUT_INIT, index_units, sizeof(void*), true) // 0.4
PLAINT_SIZED(plaint_import_result, PLAINT_IMPORT_RESULT_INIT, bad_rows, sizeof(uint64_t),
             true)                                                                            // 0.5
PLAINT_SIZED(plaint_report_options, PLAINT_REPORT_OPTIONS_INIT, top, sizeof(uint32_t), false) // 0.5
PLAINT_SIZED(plaint_complaint_view, PLAINT_COMPLAINT_VIEW_INIT, sla_policy_len, sizeof(size_t),
             false) // 0.6; kind, kind_decided 0.7
PLAINT_SIZED(plaint_query, PLAINT_QUERY_INIT, received_before, sizeof(int64_t),
             false) // 0.6; kind 0.7
PLAINT_SIZED(plaint_ledger_clock, PLAINT_LEDGER_CLOCK_INIT, warnings, 4 * sizeof(int64_t),
             true) // 0.6
PLAINT_SIZED(plaint_escalation_due, PLAINT_ESCALATION_DUE_INIT, reason, sizeof(const char*),
             true)                                                                // 0.6
PLAINT_SIZED(plaint_visit_due, PLAINT_VISIT_DUE_INIT, due, sizeof(int64_t), true) // 0.6
PLAINT_SIZED(plaint_quota_compliance, PLAINT_QUOTA_COMPLIANCE_INIT, compliant, sizeof(int32_t),
             true) // 0.6
PLAINT_SIZED(plaint_performance_options, PLAINT_PERFORMANCE_OPTIONS_INIT, survey_count,
             sizeof(size_t), true) // 0.7
#undef PLAINT_SIZED

// What every `plaint_*_init(p, size)` does to the caller's struct, whatever its version: zero
// `size` bytes and store `size` in its leading `size` field. NULL, or a size that cannot hold
// that field (or does not fit in it), is a no-op; returns whether it wrote.
template <class T>
bool init_sized(T* p, size_t size) {
    static_assert(Sized<T>::min_size > 0, "a sized struct has its row in the table");
    if (!p || size < sizeof(uint32_t) || size > UINT32_MAX)
        return false;
    std::memset(p, 0, size);
    p->size = static_cast<uint32_t>(size);
    return true;
}

// The exported `T_init(p, size)` of a sized struct T whose initialiser only zeroes it and stores
// its size (one line in the concept's shim file, after its row in the table above).
#define PLAINT_SIZED_INIT(T)                                                                       \
    void T##_init(T* p, size_t size) {                                                             \
        init_sized(p, size);                                                                       \
    }

// Whether the caller's struct `*p` (of type T), `p->size` bytes long, reaches to the end of
// `member`: a field appended after the struct's first version is read or written only then, so
// that a caller compiled against an older header keeps the older meaning.
#define PLAINT_COVERS(p, T, member)                                                                \
    ((p)->size >= offsetof(T, member) + sizeof(static_cast<T*>(nullptr)->member))

// A struct the caller passes in or out: its `size` must cover at least its first version.
template <class T>
void check_size(const T* p) {
    if (p->size < Sized<T>::min_size)
        throw plaint::error(plaint::errc::invalid_argument,
                            std::string(Sized<T>::name) + ".size " + std::to_string(p->size) +
                                " is too small; initialise it with " + Sized<T>::init);
}

inline thread_local std::string last_error;

// The place of the last failure (plaint_last_error_location); empty when it had none.
inline thread_local plaint::Location last_location;

// Every problem of the last failure (plaint_last_error_problem); empty when it had none.
inline thread_local std::vector<plaint::Problem> last_problems;

inline int fail(int status, const char* message, const plaint::Location* where = nullptr,
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
inline int guard(F&& body) noexcept {
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

[[noreturn]] inline void null_argument(const char* name) {
    throw plaint::error(plaint::errc::invalid_argument, std::string(name) + " is NULL");
}

template <class T>
inline T* need(T* p, const char* name) {
    if (!p)
        null_argument(name);
    return p;
}

inline std::string_view text_arg(const char* data, std::size_t len, const char* name) {
    if (!data) {
        if (len == 0)
            return {};
        null_argument(name);
    }
    return len == PLAINT_NTS ? std::string_view(data) : std::string_view(data, len);
}

// The JSON text of a document. nlohmann's parser takes a NUL byte for the end of its input, so
// "{...}\0anything" given with its length would be read as "{...}"; a NUL is never valid JSON,
// so it is refused here, with its place, as the parser reports other malformed text.
inline std::string_view json_arg(const char* data, std::size_t len, const char* what) {
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

inline char* owned_copy(const std::string& s) {
    char* p = static_cast<char*>(std::malloc(s.size() + 1));
    if (!p)
        throw std::bad_alloc();
    std::memcpy(p, s.c_str(), s.size() + 1);
    return p;
}

inline plaint_policy_set* new_policy_set(const plaint::PolicySet& set) {
    return new plaint_policy_set{set, set.policy_names()};
}

inline plaint_profile* new_profile(const plaint::Profile& profile) {
    return new plaint_profile{profile, profile.survey_names()};
}

inline int32_t role_code(const std::optional<plaint::Role>& r) {
    return r ? static_cast<int32_t>(*r) : PLAINT_ROLE_NONE;
}

// An optional instant as its plaint_clock pair: the flag, and the instant or 0.
inline void put(const std::optional<plaint::Instant>& t, int32_t& has, int64_t& value) {
    has = t ? 1 : 0;
    value = t ? *t : 0;
}

template <class E>
inline E enum_arg(int32_t code) {
    return plaint::checked_from_code<E>(code);
}

// The C event as a C++ event: only the details its type uses are read, as documented.
inline plaint::Event event_arg(const plaint_event* event) {
    need(event, "event");
    check_size(event);
    plaint::Event e;
    e.type = enum_arg<plaint::EventType>(event->type);
    e.at = event->at;
    e.actor = enum_arg<plaint::Role>(event->role);
    if (event->note)
        e.note = event->note;
    // Since 0.7, for every event; a caller's struct older than the field names no handler.
    if (PLAINT_COVERS(event, plaint_event, handler) && event->handler)
        e.handler = event->handler;
    // Since 0.7; a team on an event other than assign or escalate is refused by the core, not
    // dropped here: a label the caller gave is never silently ignored.
    if (PLAINT_COVERS(event, plaint_event, team) && event->team)
        e.team = event->team;
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

namespace sat = plaint::satisfaction;

inline const double not_a_number = std::numeric_limits<double>::quiet_NaN();

inline plaint_score* score_out(plaint_score* out) {
    need(out, "out");
    check_size(out);
    return out;
}

// The fields of a plaint_score, all of them, before the score fills its own.
inline void clear_score(plaint_score* out) {
    out->value = out->low = out->high = not_a_number;
    out->sd = out->se = out->percent = not_a_number;
    out->n = out->successes = out->passives = out->detractors = out->missing = 0;
}

inline void put_mean(const sat::MeanScore& m, plaint_score* out) {
    clear_score(out);
    out->value = m.value;
    out->low = m.low;
    out->high = m.high;
    out->sd = m.sd;
    out->percent = m.percent;
    out->n = m.n;
}

inline void put_share(const sat::Share& s, plaint_score* out) {
    clear_score(out);
    out->value = s.value;
    out->low = s.low;
    out->high = s.high;
    out->n = s.n;
    out->successes = s.successes;
}

inline void put_nps(const sat::Nps& p, plaint_score* out) {
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

inline void check_position(std::size_t i, std::size_t count, const char* what, const char* plural) {
    if (i >= count)
        throw plaint::error(plaint::errc::out_of_range,
                            std::string(what) + " " + std::to_string(i) + " is out of range (" +
                                std::to_string(count) + " " + plural + ")");
}

// Survey responses given as `count` CSV documents (the options of the report and of staff
// performance): appended in order into `out`; a failure names the document, "options.surveys[i]".
// Returns whether there was any.
inline bool surveys_arg(const char* const* docs, const size_t* lens, std::size_t count,
                        plaint::SurveyResponses& out) {
    if (count > 0)
        need(docs, "options.surveys");
    for (std::size_t i = 0; i < count; ++i) {
        const std::string where = "options.surveys[" + std::to_string(i) + "]";
        if (!docs[i])
            null_argument(where.c_str());
        const std::size_t len = lens ? lens[i] : PLAINT_NTS;
        const std::string_view text = text_arg(docs[i], len, where.c_str());
        try {
            out.append(plaint::SurveyResponses::from_csv(text));
        } catch (const plaint::error& e) {
            throw plaint::error(e.code(), where + ": " + e.what(),
                                e.where() ? *e.where() : plaint::Location{});
        }
    }
    return count > 0;
}

inline plaint_ledger& ledger_arg(plaint_ledger* l) {
    return *need(l, "ledger");
}

inline const plaint_ledger& ledger_arg(const plaint_ledger* l) {
    return *need(l, "ledger");
}

} // namespace plaint_shim
