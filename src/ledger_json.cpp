// The JSON forms of the ledger (ledger.hpp): a complaint view (`Ledger::view_json`) and an
// import's problems (`to_json(const std::vector<ImportProblem>&)`), what the C ABI's
// plaint_ledger_complaint_json and the imports' problems_out hand over, byte for byte.
#include "plaint/ledger.hpp"

#include "json_write.hpp"

PLAINT_BEGIN_NAMESPACE
namespace {

using detail::json_key;
using detail::json_text;

// An enumeration by its name (`to_string`), or null when there is none.
template <class E>
void enum_member(std::string& o, const char* key, std::optional<E> value) {
    json_key(o, key);
    const auto name =
        value ? enum_name(detail::EnumTraits<E>::kind, static_cast<std::int32_t>(*value))
              : std::nullopt;
    if (name)
        json_text(o, *name);
    else
        o += "null";
}

// An instant as ISO 8601 in UTC ("2026-10-01T08:00:00Z"), or null.
void instant_member(std::string& o, const char* key, std::optional<Instant> t) {
    json_key(o, key);
    if (t)
        json_text(o, format_iso8601(*t, 0));
    else
        o += "null";
}

void integer_member(std::string& o, const char* key, std::int64_t v) {
    json_key(o, key);
    o += std::to_string(v);
}

} // namespace

std::string to_json(const std::vector<ImportProblem>& problems) {
    std::string o = "[";
    for (const ImportProblem& p : problems) {
        if (o.size() > 1)
            o += ',';
        o += '{';
        json_key(o, "file");
        json_text(o, p.file);
        json_key(o, "line");
        o += std::to_string(p.line);
        integer_member(o, "status", static_cast<int>(p.code));
        json_key(o, "message");
        json_text(o, p.message);
        o += '}';
    }
    o += ']';
    return o;
}

std::string Ledger::view_json(std::size_t index) const {
    const ComplaintView v = view(index);
    std::vector<std::string_view> tag_list;
    tags(index, tag_list);
    std::string o = "{";
    json_key(o, "index");
    o += std::to_string(v.index);
    json_key(o, "id");
    json_text(o, v.id);
    enum_member(o, "kind", std::optional<Kind>(v.kind));
    json_key(o, "team");
    if (v.team.empty())
        o += "null";
    else
        json_text(o, v.team);
    json_key(o, "handler");
    if (v.handler.empty())
        o += "null";
    else
        json_text(o, v.handler);
    enum_member(o, "state", std::optional<State>(v.state));
    enum_member(o, "owner", std::optional<Role>(v.owner));
    enum_member(o, "nature", std::optional<Nature>(v.nature));
    enum_member(o, "severity", std::optional<Severity>(v.severity));
    integer_member(o, "cycle", v.cycle);
    json_key(o, "event_count");
    o += std::to_string(v.event_count);
    instant_member(o, "last_event_at", v.last_event_at);
    integer_member(o, "escalations", v.escalations);
    integer_member(o, "reevaluations", v.reevaluations);
    enum_member(o, "visit_method", v.visit_method);
    instant_member(o, "rectification_deadline", v.rectification_deadline);
    json_key(o, "sla_policy");
    if (v.sla_policy.empty())
        o += "null";
    else
        json_text(o, v.sla_policy);
    enum_member(o, "rule_nature", v.rule_nature);
    enum_member(o, "rule_escalate_to", v.rule_escalate_to);
    enum_member(o, "planned_visit", std::optional<VisitMethod>(v.planned_visit));
    json_key(o, "tags");
    o += '[';
    for (std::size_t i = 0; i < tag_list.size(); ++i) {
        if (i)
            o += ',';
        json_text(o, tag_list[i]);
    }
    o += ']';
    json_key(o, "complaint");
    o += plaint::to_json(complaint(index));
    o += '}';
    return o;
}

PLAINT_END_NAMESPACE
