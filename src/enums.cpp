#include "plaint/enums.hpp"

#include <cstddef>

PLAINT_BEGIN_NAMESPACE
namespace {

struct Entry {
    std::int32_t code;
    const char* name;
};

// The names are part of the text formats (profiles, CSV, JSON): never rename one.
constexpr Entry channels[] = {{1, "phone"},     {2, "visit"}, {3, "letter"}, {4, "online"},
                              {5, "authority"}, {6, "media"}, {7, "other"}};
constexpr Entry categories[] = {
    {1, "equipment"}, {2, "attitude"}, {3, "quality"}, {4, "sudden_event"}, {5, "other"}};
constexpr Entry natures[] = {{0, "unjudged"},     {1, "valid"},      {2, "invalid"}, {3, "major"},
                             {4, "help_seeking"}, {5, "consulting"}, {6, "venting"}};
constexpr Entry severities[] = {{0, "unset"}, {1, "p1"}, {2, "p2"}, {3, "p3"}, {4, "p4"}};
constexpr Entry roles[] = {{1, "duty_staff"},
                           {2, "cs_assistant"},
                           {3, "cs_manager"},
                           {4, "general_manager"},
                           {5, "company"}};
constexpr Entry methods[] = {
    {1, "phone"}, {2, "on_site"}, {3, "meeting"}, {4, "public_notice"}, {5, "other"}};
constexpr Entry states[] = {{1, "received"}, {2, "recorded"},     {3, "classified"},
                            {4, "assigned"}, {5, "in_progress"},  {6, "waiting"},
                            {7, "resolved"}, {8, "return_visit"}, {9, "rectification"},
                            {10, "closed"},  {11, "explained"}};
constexpr Entry events[] = {
    {1, "receive"},      {2, "record"},       {3, "classify"}, {4, "assign"},    {5, "start"},
    {6, "wait"},         {7, "resume"},       {8, "resolve"},  {9, "visit"},     {10, "satisfied"},
    {11, "unsatisfied"}, {12, "explain"},     {13, "close"},   {14, "escalate"}, {15, "reopen"},
    {16, "answer"},      {17, "acknowledge"}, {18, "confirm"}};
constexpr Entry kinds[] = {
    {1, "complaint"}, {2, "repair"}, {3, "consultation"}, {4, "suggestion"}, {5, "praise"}};

constexpr Entry target_kinds[] = {{1, "record"},
                                  {2, "acknowledge"},
                                  {3, "first_response"},
                                  {4, "first_feedback"},
                                  {5, "resolution"},
                                  {6, "repair_response"},
                                  {7, "repair_completion"},
                                  {8, "consultation_answer"},
                                  {9, "return_visit"},
                                  {10, "rectification"},
                                  {11, "custom"}};
constexpr Entry clock_states[] = {{0, "not_started"}, {1, "running"}, {2, "paused"},
                                  {3, "met"},         {4, "warning"}, {5, "breached"}};

struct Table {
    const Entry* begin;
    std::size_t size;
};

template <std::size_t N>
constexpr Table table_of(const Entry (&a)[N]) {
    return {a, N};
}

Table table(EnumKind kind) noexcept {
    switch (kind) {
    case EnumKind::channel:
        return table_of(channels);
    case EnumKind::category:
        return table_of(categories);
    case EnumKind::nature:
        return table_of(natures);
    case EnumKind::severity:
        return table_of(severities);
    case EnumKind::role:
        return table_of(roles);
    case EnumKind::visit_method:
        return table_of(methods);
    case EnumKind::state:
        return table_of(states);
    case EnumKind::event_type:
        return table_of(events);
    case EnumKind::target_kind:
        return table_of(target_kinds);
    case EnumKind::clock_state:
        return table_of(clock_states);
    case EnumKind::kind:
        return table_of(kinds);
    }
    return {nullptr, 0};
}

} // namespace

std::optional<std::string_view> enum_name(EnumKind kind, std::int32_t code) noexcept {
    Table t = table(kind);
    for (std::size_t i = 0; i < t.size; ++i)
        if (t.begin[i].code == code)
            return std::string_view(t.begin[i].name);
    return std::nullopt;
}

std::optional<std::int32_t> enum_code(EnumKind kind, std::string_view name) noexcept {
    Table t = table(kind);
    for (std::size_t i = 0; i < t.size; ++i)
        if (name == t.begin[i].name)
            return t.begin[i].code;
    return std::nullopt;
}

std::string enum_names(EnumKind kind) {
    Table t = table(kind);
    std::string out;
    for (std::size_t i = 0; i < t.size; ++i) {
        if (i)
            out += ", ";
        out += t.begin[i].name;
    }
    return out;
}

PLAINT_END_NAMESPACE
