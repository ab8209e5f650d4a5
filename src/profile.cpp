#include "plaint/profile.hpp"

#include "error_detail.hpp"
#include "file_input.hpp"
#include "json_util.hpp"
#include "people_detail.hpp"
#include "performance_detail.hpp"
#include "profile_detail.hpp"
#include "survey_read.hpp"

#include <map>
#include <sstream>

PLAINT_BEGIN_NAMESPACE
namespace detail {

extern const char* const default_profile; // examples/data/default-profile.json, embedded

class ProfileImpl {
public:
    std::string name;
    PolicySet policies = PolicySet::from_json(R"({"policies": {}})");
    RuleSet rules;
    RuleSet visits; // one first-hit section whose rows output a visit method
    std::map<Role, std::int32_t> quotas;
    std::vector<Warning> warnings;
    std::vector<Survey> surveys;
    std::vector<Team> teams; // by id
    std::optional<PerformanceScheme> performance;
    std::string json;
};

namespace {

const char* const profile_keys = "plaint_profile, name, description, calendars, policies, rules, "
                                 "return_visits, surveys, teams or performance";

// The return-visit rules, rewritten as a rule set: rows {id, when, method} become rows
// {id, when, then: {visit_method}}; problems found in it are mapped back to the profile's
// pointers. The rule set's text is written directly, its members in key order as nlohmann
// writes them, rather than copied into a tree (see detail::dispose).
RuleSet read_visits(const Json& v, Problems& problems, std::map<Role, std::int32_t>& quotas) {
    const std::string base = "/return_visits";
    std::string rows;
    if (!v.is_object()) {
        problems.add(base, "expected an object with rules and quotas");
        return RuleSet();
    }
    for (const auto& [key, value] : v.items()) {
        const std::string at = pointer_join(base, key);
        if (key == "description") {
            if (!value.is_string())
                problems.add(at, "expected a string");
        } else if (key == "rules") {
            if (!value.is_array()) {
                problems.add(at, "expected a list of rules");
                continue;
            }
            for (std::size_t i = 0; i < value.size(); ++i) {
                const Json& r = value[i];
                const std::string rat = pointer_join(at, i);
                if (!r.is_object()) {
                    problems.add(rat, "expected a rule object");
                    continue;
                }
                std::map<std::string, std::string> row; // key -> value as JSON text
                for (const auto& [rk, rv] : r.items()) {
                    if (rk == "id" || rk == "when" || rk == "description")
                        row[rk] = rv.dump();
                    else if (rk == "method")
                        row["then"] = "{\"visit_method\":" + rv.dump() + "}";
                    else
                        problems.add(pointer_join(rat, rk),
                                     "unknown key; expected id, when, method or description");
                }
                if (!row.count("then")) {
                    problems.add(rat, "a return-visit rule needs a method");
                    row["then"] = "{\"visit_method\":\"phone\"}";
                }
                if (!row.count("id"))
                    row["id"] = "\"return_visits#" + std::to_string(i + 1) + "\"";
                rows += rows.empty() ? "{" : ",{";
                bool first = true;
                for (const auto& [rk, text] : row) {
                    rows += first ? "\"" : ",\"";
                    first = false;
                    rows += rk + "\":" + text;
                }
                rows += "}";
            }
        } else if (key == "quotas") {
            if (!value.is_object()) {
                problems.add(at, "expected an object from roles to monthly minimums");
                continue;
            }
            for (const auto& [role, n] : value.items()) {
                const std::string qat = pointer_join(at, role);
                auto code = enum_code(EnumKind::role, role);
                if (!code)
                    problems.add(qat, "unknown role " + quote(role) + "; expected one of " +
                                          enum_names(EnumKind::role));
                else if (!n.is_number_integer() || n.get<std::int64_t>() < 0 ||
                         n.get<std::int64_t>() > 1000)
                    problems.add(qat, "expected a whole number of visits from 0 to 1000");
                else
                    quotas[static_cast<Role>(*code)] = n.get<std::int32_t>();
            }
        } else {
            problems.add(at, "unknown key; expected rules, quotas or description");
        }
    }
    try {
        return RuleSet::from_json(R"({"sections":[{"hit":"first","name":"return_visits","rows":[)" +
                                  rows + "]}]}");
    } catch (const error& e) {
        for (const Problem& p : e.problems()) {
            if (auto more = more_problems(p)) {
                problems.add_more(*more);
                continue;
            }
            std::string ptr = p.pointer;
            const std::string from = "/sections/0/rows/";
            if (ptr.rfind(from, 0) == 0)
                ptr = base + "/rules/" + ptr.substr(from.size());
            const auto then = ptr.find("/then/visit_method");
            if (then != std::string::npos)
                ptr = ptr.substr(0, then) + "/method";
            problems.add(ptr, p.message);
        }
        if (e.problems().empty())
            problems.add(base, e.what());
        return RuleSet();
    }
}

} // namespace
} // namespace detail

Profile::Profile(std::shared_ptr<const detail::ProfileImpl> impl) : impl_(std::move(impl)) {}

namespace detail {

// Profile::from_json, over a compiled policy set when one is given (the default profile's,
// PolicySet::default_set, which sla.cpp compiles from the same document): the document's
// calendars and policies are then taken as that set, not compiled again.
std::shared_ptr<const ProfileImpl> read_profile(std::string_view text,
                                                const PolicySet* policy_set) {
    // Rule rows and surveys are counted while the text is parsed: a profile of far too many is
    // refused at the first one over, before the rest is read or built.
    detail::JsonLimits limits;
    limits.max_values = detail::max_document_values;
    limits.max_key_bytes = detail::max_document_key_bytes;
    limits.counts.push_back({"/rules/sections/*/rows/*", 10000, "more than 10,000 rows"});
    limits.counts.push_back({"/return_visits/rules/*", 10000, "more than 10,000 rows"});
    limits.counts.push_back({"/surveys/*", 64, "more than 64 surveys"});
    Json parsed = detail::parse_json(text, limits, "profile");
    const detail::DisposeOnExit parsed_guard(parsed);
    const Json& doc = parsed;
    auto impl = std::make_shared<detail::ProfileImpl>();
    detail::Problems problems;
    if (!doc.is_object()) {
        problems.add("", "expected a profile object");
        problems.throw_if_any("profile");
    }
    if (!doc.contains("plaint_profile"))
        problems.add("", "a profile starts with its format version: \"plaint_profile\": 1");
    for (const auto& [key, value] : doc.items()) {
        const std::string at = detail::pointer_join("", key);
        if (key == "plaint_profile") {
            if (!value.is_number_integer())
                problems.add(at, "expected the format version, 1");
            else if (value.get<std::int64_t>() != 1)
                throw error(errc::unsupported,
                            "profile format version " + value.dump() +
                                " is not supported by this library (it reads version 1)",
                            Location{"/plaint_profile", 0, 0});
        } else if (key == "name" || key == "description") {
            if (!value.is_string())
                problems.add(at, "expected a string");
            else if (key == "name")
                impl->name = value.get<std::string>();
        } else if (key == "calendars" || key == "policies") {
            // read below, as a policy set
        } else if (key == "rules" || key == "return_visits" || key == "surveys" || key == "teams" ||
                   key == "performance") {
            // read below
        } else {
            problems.add(at, std::string("unknown key; expected ") + detail::profile_keys);
        }
    }
    // The policy set's text, written as nlohmann would write {calendars, policies}.
    const Json* policies = doc.contains("policies") ? &doc["policies"] : nullptr;
    if (policy_set) {
        impl->policies = *policy_set;
    } else {
        try {
            std::string sla = "{";
            if (doc.contains("calendars"))
                sla += "\"calendars\":" + doc["calendars"].dump() + ",";
            sla += "\"policies\":" + (policies ? policies->dump() : std::string("{}")) + "}";
            impl->policies = PolicySet::from_json(sla);
        } catch (const error& e) {
            problems.add_nested("", e);
        }
    }
    if (doc.contains("teams")) {
        std::vector<std::string> calendar_names;
        if (doc.contains("calendars") && doc["calendars"].is_object())
            for (const auto& [name, cal] : doc["calendars"].items())
                calendar_names.push_back(name);
        impl->teams = detail::read_teams(doc["teams"], calendar_names, problems);
    }
    if (doc.contains("rules")) {
        try {
            // The calendars `received` conditions may name: those of this profile that
            // compile (a broken one is reported by the policies above) and "24x7".
            std::map<std::string, Calendar, std::less<>> calendars;
            if (doc.contains("calendars") && doc["calendars"].is_object())
                for (const auto& [name, cal] : doc["calendars"].items()) {
                    try {
                        calendars.emplace(name, Calendar::from_json(cal.dump()));
                    } catch (const error&) {
                        calendars.emplace(name, Calendar());
                    }
                }
            impl->rules = RuleSet::from_json(doc["rules"].dump(), calendars);
            for (const Warning& w : impl->rules.warnings())
                impl->warnings.push_back({"/rules" + w.pointer, w.message});
        } catch (const error& e) {
            problems.add_nested("/rules", e);
        }
        // Every SLA policy a rule names must exist.
        // (Pointers, not a conditional of a member and Json::array(), which would copy it.)
        const Json* sections =
            doc["rules"].contains("sections") ? &doc["rules"]["sections"] : nullptr;
        for (std::size_t si = 0; sections && sections->is_array() && si < sections->size(); ++si) {
            const Json& section = (*sections)[si];
            if (!section.is_object() || !section.contains("rows"))
                continue;
            const Json& rows = section["rows"];
            for (std::size_t ri = 0; rows.is_array() && ri < rows.size(); ++ri) {
                if (!rows[ri].is_object() || !rows[ri].contains("then") ||
                    !rows[ri]["then"].is_object())
                    continue;
                const std::string then_at = "/rules/sections/" + std::to_string(si) + "/rows/" +
                                            std::to_string(ri) + "/then";
                // Every team a rule dispatches to must be one of the profile's.
                if (rows[ri]["then"].contains("team") && rows[ri]["then"]["team"].is_string()) {
                    const std::string& t = rows[ri]["then"]["team"].get_ref<const std::string&>();
                    if (!find_team(impl->teams, t))
                        problems.add(then_at + "/team", "undefined team " + detail::quote(t));
                }
                if (!rows[ri]["then"].contains("sla_policy"))
                    continue;
                const Json& p = rows[ri]["then"]["sla_policy"];
                if (p.is_string() && (!policies || (policies->is_object() &&
                                                    !policies->contains(p.get<std::string>()))))
                    problems.add(then_at + "/sla_policy",
                                 "undefined SLA policy " + detail::quote(p.get<std::string>()));
            }
        }
    }
    if (doc.contains("return_visits"))
        impl->visits = detail::read_visits(doc["return_visits"], problems, impl->quotas);
    if (doc.contains("surveys"))
        impl->surveys = detail::read_surveys(doc["surveys"], problems, impl->warnings);
    if (doc.contains("performance")) {
        impl->performance = detail::read_performance(doc["performance"], problems, impl->warnings);
        // An SLA target scored by name must be one of the policies'.
        for (std::size_t i = 0; impl->performance && i < impl->performance->metrics.size(); ++i) {
            const std::string& t = impl->performance->metrics[i].target_name;
            bool found = t.empty();
            for (const std::string& name : impl->policies.policy_names())
                for (const Target& target : impl->policies.find(name)->targets)
                    found = found || target.name == t;
            if (!found)
                problems.add("/performance/metrics/" + std::to_string(i) + "/metric",
                             "no SLA policy has a target named " + detail::quote(t));
        }
    }
    if (!problems.empty()) {
        const detail::PositionIndex index(text);
        problems.throw_if_any("profile", &index);
    }
    impl->json = doc.dump(2);
    return impl;
}

} // namespace detail

Profile Profile::from_json(std::string_view text) {
    return Profile(detail::read_profile(text, nullptr));
}

Profile Profile::from_file(const std::string& path) {
    // Streamed, not sized by seeking: pipes and FIFOs work, a directory is refused by name, and
    // /dev/zero is refused after 16 MiB + 1 bytes (src/file_input.hpp).
    return from_json(detail::read_file(path, detail::JsonLimits{}.max_bytes, "profile"));
}

const Profile& Profile::default_profile() {
    static const Profile p(
        detail::read_profile(detail::default_profile, &PolicySet::default_set()));
    return p;
}

const std::string& Profile::name() const noexcept {
    return impl_->name;
}
const PolicySet& Profile::policies() const noexcept {
    return impl_->policies;
}
const RuleSet& Profile::rules() const noexcept {
    return impl_->rules;
}
const std::vector<Warning>& Profile::warnings() const noexcept {
    return impl_->warnings;
}
const std::vector<Team>& Profile::teams() const noexcept {
    return impl_->teams;
}
const PerformanceScheme* Profile::performance() const noexcept {
    return impl_->performance ? &*impl_->performance : nullptr;
}
const Team* Profile::find_team(std::string_view id) const noexcept {
    return detail::find_team(impl_->teams, id);
}

VisitMethod Profile::visit_method(const Facts& facts) const {
    thread_local Decision d;
    impl_->visits.classify(facts, d);
    return d.visit_method.value_or(VisitMethod::phone);
}

namespace {
// `decided` is scratch for the facts as classified (the caller's thread's, fetched once per
// batch: a thread-local costs a call when the library is a shared one).
void add_visit_method(const Profile& p, const Facts& facts, Decision& out, Facts& decided) {
    if (!out.visit_method) {
        decided = facts;
        if (out.nature)
            decided.nature = *out.nature;
        if (out.severity)
            decided.severity = *out.severity;
        out.visit_method = p.visit_method(decided);
    }
}
Facts& decided_scratch() {
    thread_local Facts decided;
    return decided;
}
} // namespace

void Profile::classify(const Facts& facts, Decision& out) const {
    impl_->rules.classify(facts, out);
    add_visit_method(*this, facts, out, decided_scratch());
}

void Profile::classify_many(const Facts* facts, std::size_t n, Decision* out) const {
    impl_->rules.classify_many(facts, n, out);
    Facts& decided = decided_scratch();
    for (std::size_t i = 0; i < n; ++i)
        add_visit_method(*this, facts[i], out[i], decided);
}

Decision Profile::classify(const Facts& facts) const {
    Decision d;
    classify(facts, d);
    return d;
}

std::optional<Survey> Profile::survey(std::string_view name) const {
    for (const Survey& s : impl_->surveys)
        if (s.name == name)
            return s;
    return std::nullopt;
}

std::vector<std::string> Profile::survey_names() const {
    std::vector<std::string> names;
    for (const Survey& s : impl_->surveys)
        names.push_back(s.name);
    return names;
}

std::int32_t Profile::visit_quota(Role role) const noexcept {
    auto it = impl_->quotas.find(role);
    return it == impl_->quotas.end() ? 0 : it->second;
}

std::vector<Clock> Profile::clocks(std::string_view policy, const Complaint& c, Instant at,
                                   std::string_view dispatched_team) const {
    return impl_->policies.clocks(policy, c, at, impl_->teams, dispatched_team);
}

Facts Profile::facts(const Complaint& c, Instant at, std::string_view policy) const {
    Facts f = Facts::of(c, at);
    if (!policy.empty() && impl_->policies.find(policy)) {
        thread_local std::vector<std::string> names; // keep the views alive for this thread
        names.clear();
        for (const Clock& clock : clocks(policy, c, at))
            if (clock.state == ClockState::breached)
                names.push_back(clock.target);
        for (const auto& n : names)
            f.missed_targets.push_back(n);
    }
    return f;
}

namespace detail {

int seriousness(Nature n) noexcept {
    switch (n) {
    case Nature::unjudged:
        return 0;
    case Nature::help_seeking:
    case Nature::consulting:
    case Nature::venting:
        return 1;
    case Nature::valid:
        return 2;
    case Nature::major:
        return 3;
    case Nature::invalid:
        break;
    }
    return -1;
}

} // namespace detail

std::optional<Event> Profile::reevaluate(const Complaint& c, Instant at,
                                         std::string_view policy) const {
    const Facts f = facts(c, at, policy);
    const Decision d = classify(f);
    const int now = detail::seriousness(c.nature());
    const bool nature_up = d.nature && now > 0 && detail::seriousness(*d.nature) > now;
    // Severity rises only: P1 is the most severe.
    const bool severity_up = d.severity && *d.severity != Severity::unset &&
                             (c.severity() == Severity::unset || *d.severity < c.severity());
    if ((!nature_up && !severity_up) || c.nature() == Nature::unjudged ||
        !transition(c.state(), EventType::classify))
        return std::nullopt;
    Event e = Event::of(EventType::classify, at, c.owner());
    e.nature = nature_up ? *d.nature : c.nature();
    e.severity = severity_up ? *d.severity : Severity::unset;
    e.note = "re-evaluated by the profile's rules:";
    for (auto id : d.matched)
        e.note += " " + std::string(id);
    return e;
}

std::string Profile::to_json() const {
    return impl_->json;
}

PLAINT_END_NAMESPACE
