#include "plaint/sla.hpp"

#include "clock_engine.hpp"
#include "error_detail.hpp"
#include "json_util.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

PLAINT_BEGIN_NAMESPACE
namespace detail {

extern const char* const default_profile; // examples/data/default-profile.json, embedded

class PolicySetImpl {
public:
    std::map<std::string, Calendar, std::less<>> calendars;
    std::map<std::string, Policy, std::less<>> policies;
    // Each policy's targets' calendars, resolved once.
    std::map<std::string, std::vector<const Calendar*>, std::less<>> target_calendars;
    // Each policy compiled for the clock engine (src/clock_engine.hpp); it points into the maps
    // above, whose nodes never move: an impl is built once and then only shared.
    std::map<std::string, CPolicy, std::less<>> compiled;
};

namespace {

using E = EventType;

// Default events per kind (DOMAIN.md §4–5): most clocks run from receipt (or from a reopen, for
// a new cycle) until the step they measure; a consultation's answer and a suggestion's
// acknowledgement end the handling clocks, a repair's confirmation its return-visit clock (§8).
// Handling clocks pause while the case waits on the resident.
void apply_defaults(Target& t, bool has_start, bool has_stop, bool has_pause, bool has_resume) {
    std::vector<E> start = {E::receive, E::reopen}, stop, pause, resume;
    switch (t.kind) {
    case TargetKind::record:
        start = {E::receive};
        stop = {E::record};
        break;
    case TargetKind::acknowledge:
        stop = {E::classify, E::explain, E::answer, E::acknowledge};
        break;
    case TargetKind::first_response:
        stop = {E::assign, E::start, E::explain, E::answer, E::acknowledge};
        break;
    case TargetKind::first_feedback:
        stop = {E::start, E::resolve, E::explain, E::answer, E::acknowledge};
        break;
    case TargetKind::resolution:
    case TargetKind::repair_completion:
        stop = {E::resolve, E::explain, E::answer, E::acknowledge};
        pause = {E::wait};
        resume = {E::resume};
        break;
    case TargetKind::repair_response:
        stop = {E::start, E::explain};
        break;
    case TargetKind::consultation_answer:
        stop = {E::answer, E::resolve, E::explain};
        break;
    case TargetKind::return_visit:
        start = {E::resolve};
        stop = {E::visit, E::confirm};
        break;
    case TargetKind::rectification:
        start = {E::unsatisfied};
        stop = {E::resolve};
        break;
    case TargetKind::custom:
        start.clear();
        break;
    }
    if (!has_start)
        t.start = start;
    if (!has_stop)
        t.stop = stop;
    if (!has_pause)
        t.pause = pause;
    if (!has_resume)
        t.resume = resume;
}

bool mul_add(Duration& acc, Duration value, Duration unit) {
    Duration v;
    return !__builtin_mul_overflow(value, unit, &v) && !__builtin_add_overflow(acc, v, &acc);
}

// A text duration: digits; d/h/m/s parts; or ISO 8601 P[nD][T[nH][nM][nS]]. Each unit at most
// once and in that order, every unit with its number, and ISO's 'T' only before a time part:
// "1h1h", "1m1h", "P1DT" and "PT" are mistakes, not durations.
Duration parse_duration_text(std::string_view s) {
    auto fail = [&](const std::string& why) -> Duration {
        throw error(errc::parse, "duration " + quote(s) + ": " + why);
    };
    if (s.empty())
        return fail("empty");
    const bool iso = s[0] == 'P' || s[0] == 'p';
    std::size_t i = iso ? 1 : 0;
    if (iso && i == s.size())
        return fail("no value after 'P'; write for example PT1H or P1D");
    Duration total = 0;
    bool in_time = false;
    int last_unit = -1; // index into "dhms" of the last unit read
    while (i < s.size()) {
        if (iso && (s[i] == 'T' || s[i] == 't')) {
            if (in_time)
                return fail("'T' twice");
            in_time = true;
            ++i;
            if (i == s.size())
                return fail("'T' needs an hour, minute or second part after it, such as PT1H");
            continue;
        }
        Duration value = 0;
        const std::size_t digits_at = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (__builtin_mul_overflow(value, 10, &value) ||
                __builtin_add_overflow(value, s[i] - '0', &value))
                throw error(errc::overflow,
                            "duration " + quote(s) + " is too large: it overflows 64-bit seconds");
            ++i;
        }
        if (i == digits_at)
            return fail("expected a number");
        if (i == s.size()) {
            if (iso || last_unit >= 0)
                return fail("a number needs a unit");
            return value; // plain seconds
        }
        const char unit = static_cast<char>(s[i] | 0x20);
        static constexpr Duration scales[] = {86400, 3600, 60, 1};
        const char* const units = "dhms";
        int k = -1;
        for (int u = 0; u < 4; ++u)
            if (unit == units[u])
                k = u;
        if (k < 0 || (iso && (k == 0) == in_time))
            return fail(iso ? "unknown unit; ISO 8601 durations here are PnDTnHnMnS"
                            : "unknown unit; use d, h, m, s (or ISO 8601 PnDTnHnMnS)");
        if (k == last_unit)
            return fail(std::string("the unit '") + units[k] + "' is given twice");
        if (k < last_unit)
            return fail("units must come in the order d, h, m, s");
        if (!mul_add(total, value, scales[k]))
            throw error(errc::overflow,
                        "duration " + quote(s) + " is too large: it overflows 64-bit seconds");
        last_unit = k;
        ++i;
    }
    if (last_unit < 0)
        return fail("no value");
    return total;
}

std::vector<E> read_events(const Json& v, const std::string& where, Problems& problems) {
    std::vector<E> out;
    if (!v.is_array()) {
        problems.add(where, "expected a list of event names");
        return out;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string at = pointer_join(where, i);
        if (!v[i].is_string()) {
            problems.add(at, "expected an event name");
            continue;
        }
        auto code = enum_code(EnumKind::event_type, v[i].get<std::string>());
        if (!code)
            problems.add(at, "unknown event " + quote(v[i].get<std::string>()) +
                                 "; expected one of " + enum_names(EnumKind::event_type));
        else
            out.push_back(static_cast<E>(*code));
    }
    return out;
}

std::optional<Role> read_role(const Json& v, const std::string& where, Problems& problems) {
    if (v.is_string())
        if (auto code = enum_code(EnumKind::role, v.get<std::string>()))
            return static_cast<Role>(*code);
    problems.add(where, "expected a role, one of " + enum_names(EnumKind::role));
    return std::nullopt;
}

Target read_target(const Json& v, const std::string& where, Problems& problems) {
    Target t;
    if (!v.is_object()) {
        problems.add(where, "expected a target object");
        return t;
    }
    bool has[4] = {false, false, false, false};
    bool has_duration = false, has_kind = false;
    for (const auto& [key, value] : v.items()) {
        const std::string at = pointer_join(where, key);
        if (key == "kind") {
            has_kind = true;
            auto code = value.is_string()
                            ? enum_code(EnumKind::target_kind, value.get<std::string>())
                            : std::nullopt;
            if (code)
                t.kind = static_cast<TargetKind>(*code);
            else
                problems.add(at,
                             "expected a target kind, one of " + enum_names(EnumKind::target_kind));
        } else if (key == "name" || key == "description") {
            if (!value.is_string() || (key == "name" && value.get<std::string>().empty()))
                problems.add(at, "expected a non-empty string");
            else if (key == "name")
                t.name = value.get<std::string>();
        } else if (key == "duration") {
            has_duration = true;
            try {
                // JSON reads 18446744073709551615 as unsigned and 1e19 as a double: either is
                // too large, not a negative or a misspelt duration.
                if ((value.is_number_unsigned() &&
                     value.get<std::uint64_t>() >
                         static_cast<std::uint64_t>(std::numeric_limits<Duration>::max())) ||
                    (value.is_number_float() && std::fabs(value.get<double>()) >= 0x1p63))
                    throw error(errc::out_of_range,
                                "a duration of " + value.dump() +
                                    " s is too large: at most 9223372036854775807 s");
                if (value.is_number_integer())
                    t.duration = value.get<Duration>();
                else if (value.is_string())
                    t.duration = parse_duration_text(value.get<std::string>());
                else
                    throw error(errc::parse, "expected seconds or a text such as \"24h\"");
                if (t.duration <= 0)
                    problems.add(at, "a duration must be positive");
            } catch (const error& e) {
                problems.add(at, e.what());
            }
        } else if (key == "calendar") {
            t.own_calendar = true;
            if (value.is_string())
                t.calendar = value.get<std::string>();
            else
                problems.add(at, "expected a calendar name");
        } else if (key == "start" || key == "stop" || key == "pause" || key == "resume") {
            const int k = key == "start" ? 0 : key == "stop" ? 1 : key == "pause" ? 2 : 3;
            has[k] = true;
            auto events = read_events(value, at, problems);
            (k == 0 ? t.start : k == 1 ? t.stop : k == 2 ? t.pause : t.resume) = events;
        } else if (key == "warn") {
            t.warn.clear();
            if (!value.is_array()) {
                problems.add(at, "expected a list of fractions");
                continue;
            }
            if (value.size() > 4)
                problems.add(at, "at most 4 warnings");
            for (std::size_t i = 0; i < value.size() && i < 4; ++i) {
                const double f = value[i].is_number() ? value[i].get<double>() : -1.0;
                if (!(f > 0.0 && f < 1.0))
                    problems.add(pointer_join(at, i), "a warning is a fraction in (0, 1)");
                else if (!t.warn.empty() && f <= t.warn.back())
                    problems.add(pointer_join(at, i), "warnings must be in ascending order");
                else
                    t.warn.push_back(f);
            }
        } else if (key == "escalate_on_warning") {
            t.escalate_on_warning = read_role(value, at, problems);
        } else if (key == "escalate_on_breach") {
            t.escalate_on_breach = read_role(value, at, problems);
        } else if (key == "deadline_from_event") {
            if (value.is_boolean())
                t.deadline_from_event = value.get<bool>();
            else
                problems.add(at, "expected true or false");
        } else {
            problems.add(at, "unknown key; expected kind, name, duration, calendar, start, "
                             "stop, pause, resume, warn, escalate_on_warning, "
                             "escalate_on_breach, deadline_from_event or description");
        }
    }
    if (!has_kind)
        problems.add(where, "a target needs a kind");
    if (t.name.empty())
        t.name = std::string(to_string(t.kind));
    apply_defaults(t, has[0], has[1], has[2], has[3]);
    if (t.deadline_from_event &&
        std::any_of(t.start.begin(), t.start.end(), [](E e) { return e != E::unsatisfied; }))
        problems.add(where, "deadline_from_event needs start events that carry a deadline "
                            "(unsatisfied)");
    if (t.deadline_from_event && has_duration)
        problems.add(where, "a target with deadline_from_event takes its due instant from the "
                            "event; remove the duration");
    if (!t.deadline_from_event && !has_duration)
        problems.add(where, "a target needs a duration");
    if (has_kind && t.start.empty())
        problems.add(where, "a target needs start events");
    if (has_kind && t.stop.empty())
        problems.add(where, "a target needs stop events");
    return t;
}

// 2100-01-01T00:00:00Z: a target must give a deadline for a complaint received up to then.
constexpr Instant horizon = 4102444800;

// Whether a complaint received at the horizon gets a deadline `d` of the calendar's time later
// within the years calendars compute (up to calendar_last_year). Bounds drawn from the weekly
// hours settle most targets at once; only a duration close to the calendar's open time in those
// years is worked out, on a copy of the calendar (its hundred years' tables are not kept), and
// at most `exact` times a document (each costs about a millisecond: a hostile document of many
// calendars must not cost minutes); beyond that a duration within the bounds is given the
// benefit of the doubt.
bool within_years(const Calendar& cal, Duration d, int& exact) {
    const CalendarSpec& spec = cal.spec();
    if (!spec.always_open) {
        constexpr Duration day = 86400;
        Duration week = 0; // one week's open seconds; an opening may run past midnight
        for (const auto& list : spec.week)
            for (const Opening& o : list)
                week += o.end > o.start ? o.end - o.start : o.end + day - o.start;
        // Open on its own dates only: a calendar that ends by design, not one of the years.
        if (week == 0)
            return true;
        // 2100 to 2199 hold 36,524 days: 5,217 whole weeks and 5 days. A day of its own (closed,
        // or with its own hours) changes at most two days' time; the years' edges in local time
        // (offsets within 18 hours) and daylight-saving shifts (two a year, under 3 hours) little.
        const Duration slack =
            static_cast<Duration>(spec.closed.size() + spec.dates.size() + 2) * 2 * day +
            100 * 2 * 3 * 3600;
        const Duration lower = 5217 * week - slack;
        const Duration upper = 5218 * week + slack;
        if (d <= lower)
            return true;
        if (d > upper)
            return false;
    }
    if (!spec.always_open && exact-- <= 0)
        return true;
    try {
        if (spec.always_open) // no tables: a sum
            cal.add(horizon, d);
        else
            Calendar::compile(spec).add(horizon, d);
        return true;
    } catch (const error&) {
        return false;
    }
}

} // namespace
} // namespace detail

Duration parse_duration(std::string_view text) {
    return detail::parse_duration_text(text);
}

PolicySet::PolicySet(std::shared_ptr<const detail::PolicySetImpl> impl) : impl_(std::move(impl)) {}

PolicySet PolicySet::from_json(std::string_view text) {
    using detail::Json;
    detail::JsonLimits limits;
    limits.max_values = detail::max_document_values;
    limits.max_key_bytes = detail::max_document_key_bytes;
    Json parsed = detail::parse_json(text, limits, "SLA policy set");
    const detail::DisposeOnExit parsed_guard(parsed);
    const Json& doc = parsed;
    detail::Problems problems;
    auto impl = std::make_shared<detail::PolicySetImpl>();
    impl->calendars.emplace("24x7", Calendar());
    if (!doc.is_object()) {
        problems.add("", "expected an object with calendars and policies");
        problems.throw_if_any("SLA policy set");
    }
    const Json* policies = nullptr;
    // Calendars whose definitions failed: already reported, so not again as undefined.
    std::set<std::string, std::less<>> broken;
    int exact_checks = 64; // see within_years
    for (const auto& [key, value] : doc.items()) {
        const std::string where = detail::pointer_join("", key);
        if (key == "calendars") {
            if (!value.is_object()) {
                problems.add(where, "expected an object from names to calendars");
                continue;
            }
            for (const auto& [name, cal] : value.items()) {
                const std::string at = detail::pointer_join(where, name);
                if (name == "24x7") {
                    problems.add(at, "the name 24x7 is reserved for round-the-clock time");
                    continue;
                }
                try {
                    impl->calendars.emplace(name, Calendar::from_json(cal.dump()));
                } catch (const error& e) {
                    problems.add_nested(at, e);
                    broken.insert(name);
                }
            }
        } else if (key == "policies") {
            if (!value.is_object())
                problems.add(where, "expected an object from names to policies");
            else
                policies = &value;
        } else {
            problems.add(where, "unknown key; expected calendars or policies");
        }
    }
    if (policies) {
        for (const auto& [name, pv] : policies->items()) {
            const std::string at = detail::pointer_join("/policies", name);
            Policy p;
            p.name = name;
            if (!pv.is_object()) {
                problems.add(at, "expected an object with targets");
                continue;
            }
            for (const auto& [key, value] : pv.items()) {
                const std::string kat = detail::pointer_join(at, key);
                if (key == "description") {
                    if (!value.is_string())
                        problems.add(kat, "expected a string");
                } else if (key == "targets") {
                    if (!value.is_array() || value.empty()) {
                        problems.add(kat, "expected a non-empty list of targets");
                        continue;
                    }
                    for (std::size_t i = 0; i < value.size(); ++i)
                        p.targets.push_back(
                            detail::read_target(value[i], detail::pointer_join(kat, i), problems));
                } else {
                    problems.add(kat, "unknown key; expected targets or description");
                }
            }
            std::vector<const Calendar*> cals;
            std::set<std::string_view> target_names;
            for (std::size_t i = 0; i < p.targets.size(); ++i) {
                const Target& t = p.targets[i];
                const std::string tat = detail::pointer_join(at + "/targets", i);
                if (!target_names.insert(t.name).second)
                    problems.add(tat, "duplicate target name " + detail::quote(t.name) +
                                          "; give one of them a name");
                auto it = impl->calendars.find(t.calendar);
                if (it == impl->calendars.end()) {
                    if (!broken.count(t.calendar))
                        problems.add(tat + "/calendar",
                                     "undefined calendar " + detail::quote(t.calendar));
                    cals.push_back(nullptr);
                    continue;
                }
                cals.push_back(&it->second);
                // A deadline past the calendars' years cannot be computed: a target that would
                // need one for complaints of this century cannot work.
                if (!t.deadline_from_event && t.duration > 0 &&
                    !detail::within_years(it->second, t.duration, exact_checks))
                    problems.add(tat + "/duration", "the duration is too long for calendar " +
                                                        detail::quote(t.calendar) +
                                                        ": a complaint received in 2100 "
                                                        "would be due after " +
                                                        std::to_string(calendar_last_year) +
                                                        ", the last year calendars compute");
            }
            impl->target_calendars[name] = std::move(cals);
            impl->policies.emplace(name, std::move(p));
        }
    }
    if (!problems.empty()) {
        const detail::PositionIndex index(text);
        problems.throw_if_any("SLA policy set", &index);
    }
    for (const auto& [name, policy] : impl->policies)
        impl->compiled.emplace(name,
                               detail::compile_policy(name, policy, impl->target_calendars[name]));
    return PolicySet(std::move(impl));
}

const PolicySet& PolicySet::default_set() {
    // The default profile's calendars and policies, compiled here: the default profile is built
    // over this set (Profile::default_profile), so the SLA layer never reaches up to the profile.
    // The text is the set's part of the document as Profile::from_json writes it for any profile.
    static const PolicySet set = [] {
        detail::Json doc = detail::parse_json(detail::default_profile, {}, "default profile");
        const detail::DisposeOnExit guard(doc);
        std::string sla = "{";
        if (doc.contains("calendars"))
            sla += "\"calendars\":" + doc["calendars"].dump() + ",";
        sla += "\"policies\":" + (doc.contains("policies") ? doc["policies"].dump() : "{}") + "}";
        return from_json(sla);
    }();
    return set;
}

const Policy* PolicySet::find(std::string_view name) const noexcept {
    auto it = impl_->policies.find(name);
    return it == impl_->policies.end() ? nullptr : &it->second;
}

std::vector<std::string> PolicySet::policy_names() const {
    std::vector<std::string> out;
    for (const auto& [name, p] : impl_->policies)
        out.push_back(name);
    return out;
}

const Calendar* PolicySet::calendar(std::string_view name) const noexcept {
    auto it = impl_->calendars.find(name);
    return it == impl_->calendars.end() ? nullptr : &it->second;
}

std::string PolicySet::to_json() const {
    using detail::Json;
    Json doc = Json::object();
    const detail::DisposeOnExit guard(doc);
    doc["calendars"] = Json::object();
    for (const auto& [name, cal] : impl_->calendars)
        if (name != "24x7") {
            Json& slot = doc["calendars"][name];
            slot = detail::parse_json(cal.to_json(), detail::JsonLimits{}, "calendar");
        }
    doc["policies"] = Json::object();
    // Built in place: a temporary tree would allocate as it is destroyed (see detail::dispose).
    auto names = [](Json& a, const std::vector<EventType>& v) {
        a = Json::array();
        for (auto e : v)
            a.push_back(std::string(to_string(e)));
    };
    for (const auto& [name, p] : impl_->policies) {
        Json& targets = doc["policies"][name]["targets"];
        targets = Json::array();
        for (const Target& t : p.targets) {
            Json& j = targets.emplace_back(Json::object());
            j["kind"] = std::string(to_string(t.kind));
            j["name"] = t.name;
            if (t.deadline_from_event)
                j["deadline_from_event"] = true;
            else
                j["duration"] = t.duration;
            if (t.own_calendar)
                j["calendar"] = t.calendar;
            names(j["start"], t.start);
            names(j["stop"], t.stop);
            names(j["pause"], t.pause);
            names(j["resume"], t.resume);
            j["warn"] = t.warn;
            if (t.escalate_on_warning)
                j["escalate_on_warning"] = std::string(to_string(*t.escalate_on_warning));
            if (t.escalate_on_breach)
                j["escalate_on_breach"] = std::string(to_string(*t.escalate_on_breach));
        }
    }
    return doc.dump();
}

namespace {

// The position + 1 of team `id` among `teams` (sorted by id, as a profile holds them, or not),
// 0 for "" or an unknown one.
std::uint8_t team_position(const std::vector<Team>& teams, std::string_view id) {
    if (id.empty())
        return 0;
    for (std::size_t i = 0; i < teams.size() && i < 255; ++i)
        if (teams[i].id == id)
            return static_cast<std::uint8_t>(i + 1);
    return 0;
}

std::vector<Clock> complaint_clocks(const detail::PolicySetImpl& impl, std::string_view policy,
                                    const Complaint& complaint, Instant at,
                                    const std::vector<Team>* teams,
                                    std::string_view dispatched_team) {
    const auto it = impl.compiled.find(policy);
    if (it == impl.compiled.end())
        throw error(errc::not_found, "no SLA policy named " + detail::quote(policy));
    const detail::CPolicy& cp = it->second;
    // The teams' calendars, resolved for this call (a profile's are few).
    std::vector<detail::CalRef> cals;
    detail::TeamCals tc;
    if (teams) {
        cals.resize(std::min<std::size_t>(teams->size(), 254) + 1);
        bool any = false;
        for (std::size_t i = 0; i + 1 < cals.size(); ++i) {
            const std::string& name = (*teams)[i].calendar;
            if (name.empty())
                continue;
            const auto c = impl.calendars.find(name);
            if (c == impl.calendars.end())
                throw error(errc::not_found, "team " + detail::quote((*teams)[i].id) +
                                                 " counts in calendar " + detail::quote(name) +
                                                 ", which the policy set lacks");
            cals[i + 1] = detail::cal_ref(&c->second);
            any = true;
        }
        if (!any)
            teams = nullptr;
        tc = {cals.data(), cals.size(),
              teams ? team_position(*teams, dispatched_team) : std::uint8_t(0)};
    }
    const auto& log = complaint.events();
    std::vector<detail::EvLite> ev;
    ev.reserve(log.size());
    for (const Event& e : log)
        ev.push_back(
            {e.at, e.type, teams ? team_position(*teams, e.team) : std::uint8_t(0),
             e.type == EventType::unsatisfied && e.deadline ? *e.deadline : detail::no_instant});
    std::vector<Clock> out;
    detail::run_clocks(cp, ev.data(), ev.size(), at, true, teams ? &tc : nullptr,
                       [&](const detail::LiteClock& c) { out.push_back(detail::to_clock(cp, c)); });
    return out;
}

} // namespace

std::vector<Clock> PolicySet::clocks(std::string_view policy, const Complaint& complaint,
                                     Instant at) const {
    return complaint_clocks(*impl_, policy, complaint, at, nullptr, {});
}

std::vector<Clock> PolicySet::clocks(std::string_view policy, const Complaint& complaint,
                                     Instant at, const std::vector<Team>& teams,
                                     std::string_view dispatched_team) const {
    return complaint_clocks(*impl_, policy, complaint, at, &teams, dispatched_team);
}

PLAINT_END_NAMESPACE
