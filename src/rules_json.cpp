// The JSON forms of the rules' results (rules.hpp): decisions and explanations.
#include "plaint/rules.hpp"

#include "json_util.hpp"

PLAINT_BEGIN_NAMESPACE

using detail::Json;

std::string to_json(const Decision& d) {
    Json doc = Json::object();
    const detail::DisposeOnExit guard(doc);
    if (d.nature)
        doc["nature"] = std::string(to_string(*d.nature));
    if (d.severity)
        doc["severity"] = std::string(to_string(*d.severity));
    if (d.sla_policy)
        doc["sla_policy"] = std::string(*d.sla_policy);
    if (d.escalate_to)
        doc["escalate_to"] = std::string(to_string(*d.escalate_to));
    if (d.visit_method)
        doc["visit_method"] = std::string(to_string(*d.visit_method));
    if (d.kind)
        doc["kind"] = std::string(to_string(*d.kind));
    if (d.team)
        doc["team"] = std::string(*d.team);
    doc["tags"] = Json::array();
    for (auto t : d.tags)
        doc["tags"].push_back(std::string(t));
    doc["matched"] = Json::array();
    for (auto m : d.matched)
        doc["matched"].push_back(std::string(m));
    return doc.dump();
}

std::string to_json(const Explanation& e) {
    Json doc = Json::array();
    const detail::DisposeOnExit guard(doc);
    for (const auto& r : e.rows) {
        Json& j = doc.emplace_back(Json::object());
        j["section"] = r.section;
        j["id"] = r.id;
        j["matched"] = r.matched;
        j["decided"] = r.decided;
        if (!r.failed.empty())
            j["failed"] = r.failed;
        if (!r.keywords.empty())
            j["keywords"] = r.keywords;
    }
    return doc.dump();
}

PLAINT_END_NAMESPACE
