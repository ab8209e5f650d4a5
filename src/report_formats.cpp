// The monthly report's exports besides the HTML page (report_render.cpp): JSON, CSV and the
// plain-text summary, each of every figure of a `MonthlyReport`.
#include "plaint/report.hpp"

#include "json_util.hpp"
#include "json_write.hpp"
#include "performance_detail.hpp"
#include "report_detail.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

PLAINT_BEGIN_NAMESPACE

// ---- JSON ----

namespace {

using OJson = nlohmann::ordered_json;

// Every part is built in place inside the one guarded root, in the order it is written: a
// temporary tree (an initializer list makes one per member) would allocate as it is destroyed,
// which under memory failure is std::terminate (see detail::dispose).

// An ordered_json object is a vector of (const key, value) pairs, which grows by copying every
// member and destroying the old ones: a member that is a tree is copied whole and its old copy's
// destructor allocates. Objects with such members reserve room for all of them first.
OJson& object_of(OJson& o, std::size_t members) {
    o = OJson::object();
    o.get_ptr<OJson::object_t*>()->reserve(members);
    return o;
}

void counts_json(OJson& o, const std::vector<NamedCount>& v) {
    o = OJson::object();
    for (const auto& c : v)
        o[c.name] = c.count;
}

OJson num(double v) {
    return std::isfinite(v) ? OJson(v) : OJson(nullptr);
}

void issues_json(OJson& a, const std::vector<NamedCount>& v, std::size_t total) {
    a = OJson::array();
    for (const auto& c : v) {
        OJson& e = a.emplace_back(OJson::object());
        e["name"] = c.name;
        e["count"] = c.count;
        e["share"] =
            total ? num(static_cast<double>(c.count) / static_cast<double>(total)) : OJson(nullptr);
    }
}

void durations_json(OJson& o, const DurationFigures& d) {
    o = OJson::object();
    o["n"] = d.n;
    o["mean_s"] = num(d.mean);
    o["p50_s"] = num(d.p50);
    o["p90_s"] = num(d.p90);
}

const char* verdict_name(satisfaction::Verdict v) {
    switch (v) {
    case satisfaction::Verdict::met:
        return "met";
    case satisfaction::Verdict::missed:
        return "missed";
    default:
        return "undecided";
    }
}

void satisfaction_json(OJson& o, const std::optional<SatisfactionFigures>& s) {
    if (!s) {
        o = nullptr;
        return;
    }
    object_of(o, 18);
    o["month"] = s->month;
    o["responses"] = s->responses;
    o["mean"] = num(s->overall.value);
    o["mean_low"] = num(s->overall.low);
    o["mean_high"] = num(s->overall.high);
    o["csat"] = num(s->csat.value);
    o["csat_low"] = num(s->csat.low);
    o["csat_high"] = num(s->csat.high);
    o["csat_successes"] = s->csat.successes;
    o["verdict"] = verdict_name(s->verdict);
    o["nps"] = num(s->nps.value);
    o["nps_low"] = num(s->nps.low);
    o["nps_high"] = num(s->nps.high);
    o["nps_n"] = s->nps.n;
    o["index"] = num(s->index.value);
    o["index_low"] = num(s->index.low);
    o["index_high"] = num(s->index.high);
    OJson& q = o["questions"];
    q = OJson::object();
    for (const auto& [name, mean] : s->questions)
        q[name] = num(mean);
}

void heat_json(OJson& o, const HeatMap& h) {
    object_of(o, 4);
    o["rows"] = h.rows;
    o["cols"] = h.cols;
    OJson& cells = o["cells"];
    cells = OJson::array();
    for (std::size_t r = 0; r < h.rows.size(); ++r) {
        OJson& row = cells.emplace_back(OJson::array());
        for (std::size_t c = 0; c < h.cols.size(); ++c)
            row.push_back(h.at(r, c));
    }
    o["max"] = h.max;
}

// The people as compact JSON: {teams (with their names), team_scores, handlers, handlers_small,
// top_handlers, bottom_handlers, team_category}.
std::string people_json(const PeopleFigures& p) {
    std::string o = "{\"teams\":[";
    for (std::size_t i = 0; i < p.teams.size(); ++i) {
        o += i ? "," : "";
        detail::staff_figures_json(o, p.teams[i], &p.team_names[i]);
    }
    o += "],\"team_scores\":";
    const auto scores = [&o](const std::vector<StaffScore>& v) {
        o += '[';
        for (std::size_t i = 0; i < v.size(); ++i) {
            o += i ? "," : "";
            detail::staff_score_json(o, v[i]);
        }
        o += ']';
    };
    if (p.team_scores.empty())
        o += "null";
    else
        scores(p.team_scores);
    detail::json_field(o, "handlers", p.handlers);
    detail::json_field(o, "handlers_small", p.handlers_small);
    detail::json_key(o, "top_handlers");
    scores(p.top_handlers);
    detail::json_key(o, "bottom_handlers");
    scores(p.bottom_handlers);
    const HeatMap& h = p.team_category;
    o += ",\"team_category\":{\"rows\":[";
    for (std::size_t r = 0; r < h.rows.size(); ++r) {
        o += r ? "," : "";
        detail::json_text(o, h.rows[r]);
    }
    o += "],\"cols\":[";
    for (std::size_t c = 0; c < h.cols.size(); ++c) {
        o += c ? "," : "";
        detail::json_text(o, h.cols[c]);
    }
    o += "],\"cells\":[";
    for (std::size_t r = 0; r < h.rows.size(); ++r) {
        o += r ? ",[" : "[";
        for (std::size_t c = 0; c < h.cols.size(); ++c)
            o += (c ? "," : "") + std::to_string(h.at(r, c));
        o += ']';
    }
    o += "]";
    detail::json_field(o, "max", h.max);
    return o + "}}";
}

} // namespace

std::string MonthlyReport::to_json() const {
    OJson j;
    const detail::DisposeOnExit guard(j);
    object_of(j, 19);
    j["plaint_report"] = 1;
    j["month"] = month;
    j["previous_month"] = previous;
    j["timezone"] = timezone;
    j["from"] = format_iso8601(from);
    j["to"] = format_iso8601(to);
    j["as_of"] = format_iso8601(as_of);
    j["profile"] = profile;
    j["confidence"] = confidence;
    j["csat_target"] = csat_target;
    if (kind)
        j["kind"] = std::string(to_string(*kind));
    else
        j["kind"] = nullptr;
    OJson& c = j["complaints"];
    object_of(c, 12);
    c["received"] = received;
    c["complaints"] = complaints;
    c["received_previous"] = received_previous;
    c["change"] =
        static_cast<std::int64_t>(received) - static_cast<std::int64_t>(received_previous);
    c["open"] = open;
    c["repeated"] = repeated;
    counts_json(c["by_kind"], by_kind);
    counts_json(c["by_category"], by_category);
    counts_json(c["by_nature"], by_nature);
    counts_json(c["by_severity"], by_severity);
    counts_json(c["by_channel"], by_channel);
    counts_json(c["by_building"], by_building);
    OJson& issues = j["main_issues"];
    object_of(issues, 3);
    issues_json(issues["subcategories"], top_subcategories, received);
    issues_json(issues["tags"], top_tags, received);
    issues_json(issues["keywords"], top_keywords, received);
    OJson& s = j["sla"];
    object_of(s, 5);
    OJson& targets = s["targets"];
    targets = OJson::array();
    for (const auto& t : sla) {
        OJson& e = targets.emplace_back(OJson::object());
        e["target"] = t.target;
        e["kind"] = std::string(plaint::to_string(t.kind));
        e["clocks"] = t.clocks;
        e["met"] = t.met;
        e["breached"] = t.breached;
        e["pending"] = t.pending;
        e["share_met"] = num(t.share_met.value);
        e["share_low"] = num(t.share_met.low);
        e["share_high"] = num(t.share_met.high);
        e["mean_elapsed_s"] = num(t.mean_elapsed);
        e["p90_elapsed_s"] = num(t.p90_elapsed);
    }
    durations_json(s["first_response"], first_response);
    durations_json(s["resolution"], resolution);
    s["repairs"] = repairs;
    s["mttr_s"] = num(mttr);
    OJson& esc = j["escalations"];
    object_of(esc, 4);
    esc["events"] = escalations;
    esc["complaints"] = escalated;
    counts_json(esc["to"], escalations_to);
    esc["reevaluated"] = reevaluated;
    OJson& rv = j["return_visits"];
    object_of(rv, 7);
    rv["made"] = visits;
    counts_json(rv["by_method"], visits_by_method);
    counts_json(rv["by_role"], visits_by_role);
    rv["satisfied"] = visits_satisfied;
    rv["unsatisfied"] = visits_unsatisfied;
    OJson& q = rv["quotas"];
    q = OJson::array();
    for (const auto& quota : quotas) {
        OJson& e = q.emplace_back(OJson::object());
        e["role"] = std::string(plaint::to_string(quota.role));
        e["visits"] = quota.visits;
        e["required"] = quota.required;
        e["compliant"] = quota.compliant;
    }
    rv["quotas_met"] = quotas_met;
    OJson& sat = j["satisfaction"];
    object_of(sat, 4);
    satisfaction_json(sat["current"], satisfaction);
    satisfaction_json(sat["previous"], satisfaction_previous);
    OJson& ch = sat["change"];
    ch = OJson::object();
    const bool both = satisfaction && satisfaction_previous;
    ch["mean"] = both ? num(satisfaction->overall.value - satisfaction_previous->overall.value)
                      : OJson(nullptr);
    ch["csat"] =
        both ? num(satisfaction->csat.value - satisfaction_previous->csat.value) : OJson(nullptr);
    ch["nps"] =
        both ? num(satisfaction->nps.value - satisfaction_previous->nps.value) : OJson(nullptr);
    ch["index"] =
        both ? num(satisfaction->index.value - satisfaction_previous->index.value) : OJson(nullptr);
    OJson& tr = sat["trend"];
    tr = OJson::array();
    for (const auto& p : trend) {
        OJson& e = tr.emplace_back(OJson::object());
        e["week"] = p.week;
        e["responses"] = p.responses;
        e["csat"] = num(p.csat);
        e["mean"] = num(p.mean);
    }
    OJson& heat = j["heatmaps"];
    object_of(heat, 2);
    heat_json(heat["building_category"], building_category);
    heat_json(heat["weekday_hour"], weekday_hour);
    // The people, written compactly and laid out into the document's text: their parts are the
    // staff figures' own JSON, and a tree of them would be copied as it grows.
    j["people"] = nullptr;
    std::string text = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    if (people) {
        const std::string_view tail = "null\n}";
        text.replace(text.size() - tail.size(), tail.size(),
                     detail::indent_json(people_json(*people), 1) + "\n}");
    }
    return text + "\n";
}

// ---- CSV ----

namespace {

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

class CsvOut {
public:
    CsvOut() { out_ = "section,group,item,metric,value\n"; }
    void row(std::string_view section, std::string_view group, std::string_view item,
             std::string_view metric, const std::string& value) {
        out_ += csv_field(section);
        out_ += ',';
        out_ += csv_field(group);
        out_ += ',';
        out_ += csv_field(item);
        out_ += ',';
        out_ += csv_field(metric);
        out_ += ',';
        out_ += csv_field(value);
        out_ += '\n';
    }
    void count(std::string_view section, std::string_view group, std::string_view item,
               std::string_view metric, std::size_t v) {
        row(section, group, item, metric, std::to_string(v));
    }
    void real(std::string_view section, std::string_view group, std::string_view item,
              std::string_view metric, double v) {
        row(section, group, item, metric, detail::fixed(v, 6));
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

void score_csv(CsvOut& c, std::string_view group, const StaffScore& s) {
    c.count("people", group, s.id, "cases", s.cases);
    c.real("people", group, s.id, "score", s.score);
    c.real("people", group, s.id, "score_low", s.low);
    c.real("people", group, s.id, "score_high", s.high);
    c.row("people", group, s.id, "rank_best", s.ranked ? std::to_string(s.rank_best) : "");
    c.row("people", group, s.id, "rank_worst", s.ranked ? std::to_string(s.rank_worst) : "");
    for (const MetricScore& m : s.metrics)
        c.real("people", group, s.id, m.metric + "_contribution", m.contribution);
}

// The people: one row a figure of each team, then the top and bottom handlers' scores, then
// the team × category map.
void people_csv(CsvOut& c, const PeopleFigures& p) {
    for (std::size_t i = 0; i < p.teams.size(); ++i) {
        const StaffFigures& f = p.teams[i];
        c.row("people", "team", f.id, "name", p.team_names[i]);
        c.count("people", "team", f.id, "cases", f.cases);
        c.count("people", "team", f.id, "closed", f.closed);
        for (const TargetShare& t : f.sla)
            c.real("people", "team", f.id, "sla_" + t.target, t.share_met.value);
        c.real("people", "team", f.id, "first_response_mean_s", f.first_response.mean);
        c.real("people", "team", f.id, "resolution_p90_s", f.resolution.p90);
        c.real("people", "team", f.id, "reopened", f.reopened.value);
        c.real("people", "team", f.id, "unsatisfied_visits", f.unsatisfied_visits.value);
        c.count("people", "team", f.id, "breach_escalations", f.breach_escalations);
        c.real("people", "team", f.id, "satisfaction_mean", f.satisfaction.value);
        c.real("people", "team", f.id, "csat", f.csat.value);
        c.row("people", "team", f.id, "small_sample", f.small_sample ? "true" : "false");
        if (i < p.team_scores.size()) {
            const StaffScore& s = p.team_scores[i];
            c.real("people", "team", f.id, "score", s.score);
            c.real("people", "team", f.id, "score_low", s.low);
            c.real("people", "team", f.id, "score_high", s.high);
        }
    }
    c.count("people", "handlers", "", "count", p.handlers);
    c.count("people", "handlers", "", "small_samples", p.handlers_small);
    for (const StaffScore& s : p.top_handlers)
        score_csv(c, "top_handlers", s);
    for (const StaffScore& s : p.bottom_handlers)
        score_csv(c, "bottom_handlers", s);
    const HeatMap& h = p.team_category;
    for (std::size_t r = 0; r < h.rows.size(); ++r)
        for (std::size_t col = 0; col < h.cols.size(); ++col)
            c.count("heatmap", "team_category", h.rows[r], h.cols[col], h.at(r, col));
}

} // namespace

std::string MonthlyReport::to_csv() const {
    CsvOut c;
    c.row("meta", "", "", "month", month);
    c.row("meta", "", "", "previous_month", previous);
    c.row("meta", "", "", "timezone", timezone);
    c.row("meta", "", "", "from", format_iso8601(from));
    c.row("meta", "", "", "to", format_iso8601(to));
    c.row("meta", "", "", "as_of", format_iso8601(as_of));
    c.row("meta", "", "", "profile", profile);
    c.count("complaints", "", "", "received", received);
    c.count("complaints", "", "", "complaints", complaints);
    c.count("complaints", "", "", "received_previous", received_previous);
    c.count("complaints", "", "", "open", open);
    c.count("complaints", "", "", "repeated", repeated);
    const std::pair<const char*, const std::vector<NamedCount>*> groups[] = {
        {"by_kind", &by_kind},       {"by_category", &by_category},
        {"by_nature", &by_nature},   {"by_severity", &by_severity},
        {"by_channel", &by_channel}, {"by_building", &by_building}};
    for (const auto& [g, v] : groups)
        for (const auto& x : *v)
            c.count("complaints", g, x.name, "count", x.count);
    for (const auto& x : top_subcategories)
        c.count("main_issues", "subcategories", x.name, "count", x.count);
    for (const auto& x : top_tags)
        c.count("main_issues", "tags", x.name, "count", x.count);
    for (const auto& x : top_keywords)
        c.count("main_issues", "keywords", x.name, "count", x.count);
    for (const auto& t : sla) {
        c.count("sla", "targets", t.target, "clocks", t.clocks);
        c.count("sla", "targets", t.target, "met", t.met);
        c.count("sla", "targets", t.target, "breached", t.breached);
        c.count("sla", "targets", t.target, "pending", t.pending);
        c.real("sla", "targets", t.target, "share_met", t.share_met.value);
        c.real("sla", "targets", t.target, "share_low", t.share_met.low);
        c.real("sla", "targets", t.target, "share_high", t.share_met.high);
        c.real("sla", "targets", t.target, "mean_elapsed_s", t.mean_elapsed);
        c.real("sla", "targets", t.target, "p90_elapsed_s", t.p90_elapsed);
    }
    for (const auto& [name, d] :
         {std::pair<const char*, const DurationFigures*>{"first_response", &first_response},
          {"resolution", &resolution}}) {
        c.count("times", name, "", "n", d->n);
        c.real("times", name, "", "mean_s", d->mean);
        c.real("times", name, "", "p50_s", d->p50);
        c.real("times", name, "", "p90_s", d->p90);
    }
    c.count("times", "repairs", "", "n", repairs);
    c.real("times", "repairs", "", "mttr_s", mttr);
    c.count("escalations", "", "", "events", escalations);
    c.count("escalations", "", "", "complaints", escalated);
    c.count("escalations", "", "", "reevaluated", reevaluated);
    for (const auto& x : escalations_to)
        c.count("escalations", "to", x.name, "count", x.count);
    c.count("return_visits", "", "", "made", visits);
    c.count("return_visits", "", "", "satisfied", visits_satisfied);
    c.count("return_visits", "", "", "unsatisfied", visits_unsatisfied);
    for (const auto& x : visits_by_method)
        c.count("return_visits", "by_method", x.name, "count", x.count);
    for (const auto& x : visits_by_role)
        c.count("return_visits", "by_role", x.name, "count", x.count);
    for (const auto& q : quotas) {
        const std::string role(plaint::to_string(q.role));
        c.count("quotas", "", role, "visits", static_cast<std::size_t>(q.visits));
        c.count("quotas", "", role, "required", static_cast<std::size_t>(q.required));
        c.row("quotas", "", role, "compliant", q.compliant ? "true" : "false");
    }
    for (const auto* s : {&satisfaction_previous, &satisfaction}) {
        if (!*s)
            continue;
        const SatisfactionFigures& f = **s;
        c.count("satisfaction", f.month, "", "responses", f.responses);
        c.real("satisfaction", f.month, "overall", "mean", f.overall.value);
        c.real("satisfaction", f.month, "overall", "mean_low", f.overall.low);
        c.real("satisfaction", f.month, "overall", "mean_high", f.overall.high);
        c.real("satisfaction", f.month, "overall", "csat", f.csat.value);
        c.real("satisfaction", f.month, "overall", "csat_low", f.csat.low);
        c.real("satisfaction", f.month, "overall", "csat_high", f.csat.high);
        c.row("satisfaction", f.month, "overall", "verdict", verdict_name(f.verdict));
        c.real("satisfaction", f.month, "recommend", "nps", f.nps.value);
        c.real("satisfaction", f.month, "index", "index", f.index.value);
        for (const auto& [q, mean] : f.questions)
            c.real("satisfaction", f.month, q, "question_mean", mean);
    }
    for (const auto& p : trend) {
        c.count("trend", "week", p.week, "responses", p.responses);
        c.real("trend", "week", p.week, "csat", p.csat);
        c.real("trend", "week", p.week, "mean", p.mean);
    }
    for (const auto& [name, h] :
         {std::pair<const char*, const HeatMap*>{"building_category", &building_category},
          {"weekday_hour", &weekday_hour}})
        for (std::size_t r = 0; r < h->rows.size(); ++r)
            for (std::size_t col = 0; col < h->cols.size(); ++col)
                c.count("heatmap", name, h->rows[r], h->cols[col], h->at(r, col));
    if (people)
        people_csv(c, *people);
    return c.take();
}

// ---- text ----

namespace {
// "repair 708, consultation 12": the kinds other than complaint that have requests.
std::string kinds_text(const std::vector<NamedCount>& by_kind) {
    std::string s;
    for (const auto& k : by_kind)
        if (k.name != "complaint" && k.count > 0)
            s += (s.empty() ? "" : ", ") + k.name + " " + std::to_string(k.count);
    return s.empty() ? "no other kinds" : s;
}
} // namespace

std::string MonthlyReport::summary() const {
    using detail::fixed;
    std::string s;
    auto line = [&](const std::string& l) { s += l + "\n"; };
    line("plaint monthly report " + month + " (" + timezone + ", profile " + profile + ")");
    if (kind)
        line("  " + std::string(to_string(*kind)) + " requests received: " +
             std::to_string(received) + " (" + previous + ": " + std::to_string(received_previous) +
             "), still open: " + std::to_string(open) + ", repeats: " + std::to_string(repeated));
    else
        line("  complaints received: " + std::to_string(complaints) + " of " +
             std::to_string(received) + " requests (" + kinds_text(by_kind) + "; " + previous +
             ": " + std::to_string(received_previous) + " requests), still open: " +
             std::to_string(open) + ", repeats: " + std::to_string(repeated));
    const auto first_three = [](const std::vector<NamedCount>& v) {
        std::string top;
        for (std::size_t i = 0; i < v.size() && i < 3; ++i)
            top += (i ? ", " : "") + v[i].name + " " + std::to_string(v[i].count);
        return top;
    };
    line("  main issues: " + first_three(top_subcategories) +
         (top_keywords.empty() ? "" : "; keywords: " + first_three(top_keywords)));
    for (const auto& t : sla)
        if (t.met + t.breached > 0)
            line("  SLA " + t.target + ": " + fixed(100 * t.share_met.value, 1) + "% met (" +
                 std::to_string(t.met) + "/" + std::to_string(t.met + t.breached) + ")");
    line("  first response: mean " + fixed(first_response.mean / 3600, 1) + " h, p90 " +
         fixed(first_response.p90 / 3600, 1) + " h; resolution: mean " +
         fixed(resolution.mean / 3600, 1) + " h, p90 " + fixed(resolution.p90 / 3600, 1) +
         " h; MTTR " + fixed(mttr / 3600, 1) + " h over " + std::to_string(repairs) + " repairs");
    line("  escalations: " + std::to_string(escalations) + " on " + std::to_string(escalated) +
         " complaints");
    std::string q;
    for (const auto& c : quotas)
        q += std::string(q.empty() ? "" : ", ") + std::string(plaint::to_string(c.role)) + " " +
             std::to_string(c.visits) + "/" + std::to_string(c.required) +
             (c.compliant ? " ok" : " MISSED");
    line("  return visits: " + std::to_string(visits) + "; quotas: " + q);
    if (satisfaction) {
        const auto& f = *satisfaction;
        std::string l = "  satisfaction: CSAT " + fixed(100 * f.csat.value, 1) + "% (" +
                        fixed(100 * f.csat.low, 1) + "–" + fixed(100 * f.csat.high, 1) +
                        "%, target " + fixed(100 * csat_target, 0) +
                        "%: " + verdict_name(f.verdict) + "), mean " + fixed(f.overall.value, 2) +
                        ", NPS " + fixed(f.nps.value, 1) + ", index " + fixed(f.index.value, 1);
        if (satisfaction_previous)
            l += "; " + previous + ": CSAT " + fixed(100 * satisfaction_previous->csat.value, 1) +
                 "%, mean " + fixed(satisfaction_previous->overall.value, 2);
        line(l);
    } else {
        line("  satisfaction: no survey responses");
    }
    return s;
}

PLAINT_END_NAMESPACE
