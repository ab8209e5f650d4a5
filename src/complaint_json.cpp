// The JSON form of complaints: what kiosks and imports exchange. (Decisions and explanations,
// the rules' forms, are in rules_json.cpp.)
#include "plaint/complaint.hpp"

#include "complaint_detail.hpp"

#include "json_util.hpp"

PLAINT_BEGIN_NAMESPACE

namespace {

using detail::Json;

// Epoch seconds only within the years that have an ISO 8601 form, so that `to_json` writes every
// complaint it reads back.
Instant instant_of(const Json& v, const std::string& at, detail::Problems& problems) {
    if (v.is_number_integer()) {
        if (v.is_number_unsigned() && v.get<std::uint64_t>() > std::uint64_t(max_text_instant)) {
            problems.add(at, "an instant past 9999-12-31T23:59:59Z, the last one written as text");
            return 0;
        }
        const auto t = v.get<Instant>();
        if (t < min_text_instant || t > max_text_instant) {
            problems.add(at, "an instant outside years 1400-9999, those written as text");
            return 0;
        }
        return t;
    }
    if (v.is_string()) {
        try {
            return parse_iso8601(v.get<std::string>());
        } catch (const error& e) {
            problems.add(at, e.what());
            return 0;
        }
    }
    problems.add(at, "expected an ISO 8601 instant or epoch seconds");
    return 0;
}

const std::pair<const char*, TextField> text_fields[] = {{"name", TextField::name},
                                                         {"contact", TextField::contact},
                                                         {"building", TextField::building},
                                                         {"unit", TextField::unit},
                                                         {"content", TextField::content},
                                                         {"remedy", TextField::remedy},
                                                         {"subcategory", TextField::subcategory}};

template <std::size_t N>
void unknown_keys(const Json& object, const std::string& at, const char* const (&known)[N],
                  detail::Problems& problems) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string& key = it.key();
        if (std::find_if(std::begin(known), std::end(known),
                         [&key](const char* k) { return key == k; }) == std::end(known))
            problems.add(detail::pointer_join(at, key), "unknown key");
    }
}

} // namespace

Complaint complaint_from_json(std::string_view text) {
    return detail::complaint_from_json(text, {});
}

Complaint detail::complaint_from_json(std::string_view text,
                                      const std::function<Kind(const Complaint&)>& workflow) {
    detail::JsonLimits limits;
    limits.max_bytes = 4u << 20;
    limits.max_depth = 8;
    Json parsed = detail::parse_json(text, limits, "complaint");
    const detail::DisposeOnExit parsed_guard(parsed);
    const Json& doc = parsed;
    detail::Problems problems;
    if (!doc.is_object()) {
        problems.add("", "expected a complaint object");
        problems.throw_if_any("complaint");
    }
    if (!doc.contains("id") || !doc["id"].is_string())
        problems.add("/id", "a complaint needs an id (a string)");
    if (!doc.contains("received"))
        problems.add("/received", "a complaint needs its received instant");
    // `state`, `nature`, `severity` and `owner` are what `to_json` writes of the derived state:
    // read back, each must agree with what the events derive (checked at the end).
    static const char* const known[] = {"id",          "received", "channel", "category",
                                        "subcategory", "name",     "contact", "building",
                                        "unit",        "content",  "remedy",  "reporter_count",
                                        "tags",        "events",   "state",   "nature",
                                        "severity",    "owner",    "kind"};
    unknown_keys(doc, "", known, problems);
    // Check every field before building anything, so one pass reports all the problems.
    const Instant received =
        doc.contains("received") ? instant_of(doc["received"], "/received", problems) : 0;
    if (doc.contains("channel"))
        detail::read_enum<Channel>(doc["channel"], "/channel", problems);
    if (doc.contains("category"))
        detail::read_enum<Category>(doc["category"], "/category", problems);
    if (doc.contains("kind"))
        detail::read_enum<Kind>(doc["kind"], "/kind", problems);
    if (!problems.empty()) {
        const detail::PositionIndex index(text);
        problems.throw_if_any("complaint", &index);
    }
    Complaint c(doc["id"].get<std::string>(), received);
    for (const auto& [name, field] : text_fields)
        if (doc.contains(name)) {
            if (doc[name].is_string())
                c.set_text(field, doc[name].get<std::string>());
            else
                problems.add(detail::pointer_join("", name), "expected a string");
        }
    if (doc.contains("channel"))
        if (auto v = detail::read_enum<Channel>(doc["channel"], "/channel", problems))
            c.set_channel(*v);
    if (doc.contains("category"))
        if (auto v = detail::read_enum<Category>(doc["category"], "/category", problems))
            c.set_category(*v);
    if (doc.contains("kind"))
        if (auto v = detail::read_enum<Kind>(doc["kind"], "/kind", problems))
            c.set_kind(*v);
    if (doc.contains("reporter_count")) {
        if (doc["reporter_count"].is_number_integer() &&
            doc["reporter_count"].get<std::int64_t>() >= 1 &&
            doc["reporter_count"].get<std::int64_t>() <= Limits::reporters)
            c.set_reporter_count(doc["reporter_count"].get<std::int32_t>());
        else
            problems.add("/reporter_count", "expected a whole number from 1 to 1,000,000");
    }
    if (doc.contains("tags")) {
        if (!doc["tags"].is_array())
            problems.add("/tags", "expected a list of tags");
        else
            for (std::size_t i = 0; i < doc["tags"].size(); ++i) {
                if (doc["tags"][i].is_string())
                    c.add_tag(doc["tags"][i].get<std::string>());
                else
                    problems.add(detail::pointer_join("/tags", i), "expected a tag");
            }
    }
    if (workflow && problems.empty()) {
        const Kind k = workflow(c);
        if (!c.stated_kind() && k != Kind::complaint)
            c.set_kind(k);
    }
    if (doc.contains("events")) {
        const Json& events = doc["events"];
        if (!events.is_array())
            problems.add("/events", "expected a list of events");
        for (std::size_t i = 0; events.is_array() && i < events.size(); ++i) {
            const std::string at = detail::pointer_join("/events", i);
            const Json& ev = events[i];
            if (!ev.is_object() || !ev.contains("type") || !ev.contains("at")) {
                problems.add(at, "expected an event with type and at");
                break;
            }
            static const char* const event_keys[] = {"type",     "at",       "role",   "note",
                                                     "nature",   "severity", "target", "method",
                                                     "deadline", "handler",  "team"};
            unknown_keys(ev, at, event_keys, problems);
            auto type = detail::read_enum<EventType>(ev["type"], at + "/type", problems);
            const Instant when = instant_of(ev["at"], at + "/at", problems);
            if (type && *type == EventType::receive) {
                // Written by the constructor: as `to_json` writes it, first and at receipt.
                if (i != 0)
                    problems.add(at + "/type", "'receive' is only the first event");
                else if (problems.empty() && when != received)
                    problems.add(at + "/at", "the 'receive' event is at the received instant");
                if (!problems.empty())
                    break;
                continue;
            }
            if (!type) {
                break;
            }
            Event e = Event::of(*type, when);
            if (ev.contains("role"))
                if (auto r = detail::read_enum<Role>(ev["role"], at + "/role", problems))
                    e.actor = *r;
            if (ev.contains("note")) {
                if (ev["note"].is_string())
                    e.note = ev["note"].get<std::string>();
                else
                    problems.add(at + "/note", "expected a string");
            }
            if (ev.contains("nature"))
                if (auto n = detail::read_enum<Nature>(ev["nature"], at + "/nature", problems))
                    e.nature = *n;
            if (ev.contains("severity"))
                if (auto s =
                        detail::read_enum<Severity>(ev["severity"], at + "/severity", problems))
                    e.severity = *s;
            if (ev.contains("target"))
                e.target = detail::read_enum<Role>(ev["target"], at + "/target", problems);
            if (ev.contains("method"))
                e.method = detail::read_enum<VisitMethod>(ev["method"], at + "/method", problems);
            if (ev.contains("deadline"))
                e.deadline = instant_of(ev["deadline"], at + "/deadline", problems);
            for (const char* key : {"handler", "team"})
                if (ev.contains(key)) {
                    if (ev[key].is_string())
                        (*key == 'h' ? e.handler : e.team) = ev[key].get<std::string>();
                    else
                        problems.add(at + "/" + key, "expected a string");
                }
            if (!problems.empty())
                break;
            try {
                c.apply(e);
            } catch (const error& err) {
                problems.add(at, err.what());
                break;
            }
        }
    }
    // The derived fields `to_json` writes, when given, agree with the events.
    const auto agrees = [&](const char* key, auto derived) {
        using E = decltype(derived);
        if (!problems.empty() || !doc.contains(key))
            return;
        const std::string at = detail::pointer_join("", key);
        if (auto v = detail::read_enum<E>(doc[key], at, problems))
            if (*v != derived)
                problems.add(at, "is " + std::string(to_string(*v)) + " but the events make it " +
                                     std::string(to_string(derived)));
    };
    agrees("state", c.state());
    agrees("nature", c.nature());
    agrees("severity", c.severity());
    agrees("owner", c.owner());
    if (!problems.empty()) {
        const detail::PositionIndex index(text);
        problems.throw_if_any("complaint", &index);
    }
    return c;
}

std::string to_json(const Complaint& c) {
    Json doc = Json::object();
    const detail::DisposeOnExit guard(doc);
    doc["id"] = c.id();
    doc["received"] = format_iso8601(c.received());
    doc["channel"] = std::string(to_string(c.channel()));
    doc["category"] = std::string(to_string(c.category()));
    if (c.stated_kind())
        doc["kind"] = std::string(to_string(*c.stated_kind()));
    for (const auto& [name, field] : text_fields)
        if (!c.text(field).empty())
            doc[name] = c.text(field);
    doc["reporter_count"] = c.reporter_count();
    doc["tags"] = c.tags();
    doc["state"] = std::string(to_string(c.state()));
    doc["nature"] = std::string(to_string(c.nature()));
    doc["severity"] = std::string(to_string(c.severity()));
    doc["owner"] = std::string(to_string(c.owner()));
    Json& events = doc["events"];
    events = Json::array();
    for (const Event& e : c.events()) {
        Json& j = events.emplace_back(Json::object());
        j["type"] = std::string(to_string(e.type));
        j["at"] = format_iso8601(e.at);
        j["role"] = std::string(to_string(e.actor));
        if (!e.note.empty())
            j["note"] = e.note;
        if (e.type == EventType::classify) {
            j["nature"] = std::string(to_string(e.nature));
            j["severity"] = std::string(to_string(e.severity));
        }
        if (e.target)
            j["target"] = std::string(to_string(*e.target));
        if (e.method)
            j["method"] = std::string(to_string(*e.method));
        if (e.deadline)
            j["deadline"] = format_iso8601(*e.deadline);
        if (!e.handler.empty())
            j["handler"] = e.handler;
        if (!e.team.empty())
            j["team"] = e.team;
    }
    return doc.dump();
}

PLAINT_END_NAMESPACE
