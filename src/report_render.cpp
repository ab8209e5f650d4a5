// The monthly report as one self-contained HTML page (issue 6: inline SVG, no external assets,
// readable when printed). Hand-made string building: every text that comes from the data
// (buildings, sub-categories, tags, target and profile names) goes through html_escape, since a
// building named "<script>" must print as text, never run.
#include "plaint/report.hpp"

#include "plaint/error.hpp"
#include "plaint/version.hpp"
#include "report_detail.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

PLAINT_BEGIN_NAMESPACE

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace {

using detail::fixed;

std::string esc(std::string_view s) {
    return html_escape(s);
}

std::string pct(double share, int decimals = 1) {
    return std::isfinite(share) ? fixed(100 * share, decimals) + "%" : "–";
}

std::string hours(double seconds) {
    return std::isfinite(seconds) ? fixed(seconds / 3600, 1) + " h" : "–";
}

std::string num(double v, int decimals) {
    return std::isfinite(v) ? fixed(v, decimals) : "–";
}

std::string signed_num(double v, int decimals, const char* unit = "") {
    if (!std::isfinite(v))
        return "–";
    return (v >= 0 ? "+" : "") + fixed(v, decimals) + unit;
}

std::string px(double v) {
    return fixed(v, 1);
}

// White to deep red by the share of the largest cell; text turns white on dark cells.
std::string heat_color(std::size_t v, std::size_t max) {
    const double f = max ? static_cast<double>(v) / static_cast<double>(max) : 0.0;
    const auto ch = [&](double lo, double hi) {
        return static_cast<int>(std::lround(lo + (hi - lo) * f));
    };
    char buf[32];
    std::snprintf(buf, sizeof buf, "rgb(%d,%d,%d)", ch(255, 165), ch(255, 15), ch(255, 21));
    return buf;
}

void card(std::string& h, const std::string& label, const std::string& value,
          const std::string& note = "") {
    h += "<div class=\"card\"><div class=\"label\">" + esc(label) + "</div><div class=\"value\">" +
         esc(value) + "</div>";
    if (!note.empty())
        h += "<div class=\"note\">" + esc(note) + "</div>";
    h += "</div>\n";
}

void counts_table(std::string& h, const std::string& title, const std::vector<NamedCount>& v,
                  std::size_t total) {
    h += "<table><caption>" + esc(title) + "</caption><tr><th>" + esc(title) +
         "</th><th class=\"n\">count</th><th class=\"n\">share</th></tr>\n";
    for (const auto& c : v)
        h += "<tr><td>" + esc(c.name) + "</td><td class=\"n\">" + std::to_string(c.count) +
             "</td><td class=\"n\">" +
             (total ? pct(static_cast<double>(c.count) / static_cast<double>(total)) : "–") +
             "</td></tr>\n";
    h += "</table>\n";
}

void heat_svg(std::string& h, const HeatMap& m, double cell_w, double cell_h, double label_w,
              const std::string& title) {
    const double top = 22;
    const double w = label_w + cell_w * static_cast<double>(m.cols.size()) + 4;
    const double ht = top + cell_h * static_cast<double>(m.rows.size()) + 4;
    h += "<svg class=\"heat\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + px(w) +
         "\" height=\"" + px(ht) + "\" viewBox=\"0 0 " + px(w) + " " + px(ht) + "\"><title>" +
         esc(title) + "</title>\n";
    for (std::size_t c = 0; c < m.cols.size(); ++c)
        h += "<text x=\"" + px(label_w + cell_w * (static_cast<double>(c) + 0.5)) +
             "\" y=\"15\" text-anchor=\"middle\" class=\"ax\">" + esc(m.cols[c]) + "</text>";
    h += "\n";
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
        const double y = top + cell_h * static_cast<double>(r);
        h += "<text x=\"" + px(label_w - 6) + "\" y=\"" + px(y + cell_h * 0.68) +
             "\" text-anchor=\"end\" class=\"ax\">" + esc(m.rows[r]) + "</text>";
        for (std::size_t c = 0; c < m.cols.size(); ++c) {
            const std::size_t v = m.at(r, c);
            const double x = label_w + cell_w * static_cast<double>(c);
            h += "<rect x=\"" + px(x) + "\" y=\"" + px(y) + "\" width=\"" + px(cell_w - 1) +
                 "\" height=\"" + px(cell_h - 1) + "\" fill=\"" + heat_color(v, m.max) +
                 "\"><title>" + esc(m.rows[r]) + " × " + esc(m.cols[c]) + ": " + std::to_string(v) +
                 "</title></rect>";
            const bool dark = m.max && v * 2 > m.max;
            h += "<text x=\"" + px(x + cell_w / 2) + "\" y=\"" + px(y + cell_h * 0.68) +
                 "\" text-anchor=\"middle\" class=\"cell" + (dark ? " dark" : "") + "\">" +
                 std::to_string(v) + "</text>";
        }
        h += "\n";
    }
    h += "</svg>\n";
}

void sla_svg(std::string& h, const std::vector<TargetFigures>& sla) {
    std::vector<const TargetFigures*> rows;
    for (const auto& t : sla)
        if (t.met + t.breached > 0)
            rows.push_back(&t);
    const double label_w = 170, bar_w = 360, row_h = 26, top = 8;
    const double w = label_w + bar_w + 120;
    const double ht = top + row_h * static_cast<double>(rows.size()) + 24;
    h += "<svg class=\"bars\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + px(w) +
         "\" height=\"" + px(ht) + "\" viewBox=\"0 0 " + px(w) + " " + px(ht) +
         "\"><title>SLA compliance per target</title>\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TargetFigures& t = *rows[i];
        const double y = top + row_h * static_cast<double>(i);
        const double share = t.share_met.value;
        h += "<text x=\"" + px(label_w - 8) + "\" y=\"" + px(y + 16) +
             "\" text-anchor=\"end\" class=\"ax\">" + esc(t.target) + "</text>";
        h += "<rect x=\"" + px(label_w) + "\" y=\"" + px(y + 3) + "\" width=\"" + px(bar_w) +
             "\" height=\"18\" class=\"track\"/>";
        h += "<rect x=\"" + px(label_w) + "\" y=\"" + px(y + 3) + "\" width=\"" +
             px(bar_w * share) + "\" height=\"18\" class=\"" +
             (share >= 0.9    ? "good"
              : share >= 0.75 ? "fair"
                              : "poor") +
             "\"/>";
        if (std::isfinite(t.share_met.low) && std::isfinite(t.share_met.high))
            h += "<line x1=\"" + px(label_w + bar_w * t.share_met.low) + "\" x2=\"" +
                 px(label_w + bar_w * t.share_met.high) + "\" y1=\"" + px(y + 12) + "\" y2=\"" +
                 px(y + 12) + "\" class=\"ci\"/>";
        h += "<text x=\"" + px(label_w + bar_w + 8) + "\" y=\"" + px(y + 16) + "\" class=\"ax\">" +
             pct(share) + " (" + std::to_string(t.met) + "/" + std::to_string(t.met + t.breached) +
             ")</text>\n";
    }
    const double axis_y = top + row_h * static_cast<double>(rows.size()) + 14;
    for (int k = 0; k <= 4; ++k) {
        const double x = label_w + bar_w * k / 4.0;
        h += "<text x=\"" + px(x) + "\" y=\"" + px(axis_y) +
             "\" text-anchor=\"middle\" class=\"ax\">" + std::to_string(k * 25) + "%</text>";
    }
    h += "\n</svg>\n";
}

void trend_svg(std::string& h, const std::vector<TrendPoint>& trend, double target) {
    const double left = 48, right = 16, top = 12, bottom = 40, plot_w = 520, plot_h = 180;
    const double w = left + plot_w + right, ht = top + plot_h + bottom;
    // The y axis spans the data and the target, rounded out to tens of per cent.
    double lo = target, hi = target;
    for (const auto& p : trend)
        if (std::isfinite(p.csat)) {
            lo = std::min(lo, p.csat);
            hi = std::max(hi, p.csat);
        }
    lo = std::max(0.0, std::floor(lo * 10 - 0.5) / 10);
    hi = std::min(1.0, std::ceil(hi * 10 + 0.5) / 10);
    if (hi <= lo)
        hi = lo + 0.1;
    const auto yof = [&](double v) { return top + plot_h * (1 - (v - lo) / (hi - lo)); };
    const std::size_t n = trend.size();
    const auto xof = [&](std::size_t i) {
        return left +
               (n > 1 ? plot_w * static_cast<double>(i) / static_cast<double>(n - 1) : plot_w / 2);
    };
    h += "<svg class=\"trend\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + px(w) +
         "\" height=\"" + px(ht) + "\" viewBox=\"0 0 " + px(w) + " " + px(ht) +
         "\"><title>Weekly CSAT</title>\n";
    for (int k = 0; k <= 4; ++k) {
        const double v = lo + (hi - lo) * k / 4.0;
        h += "<line x1=\"" + px(left) + "\" x2=\"" + px(left + plot_w) + "\" y1=\"" + px(yof(v)) +
             "\" y2=\"" + px(yof(v)) + "\" class=\"grid\"/><text x=\"" + px(left - 6) + "\" y=\"" +
             px(yof(v) + 4) + "\" text-anchor=\"end\" class=\"ax\">" + fixed(100 * v, 0) +
             "%</text>";
    }
    h += "<line x1=\"" + px(left) + "\" x2=\"" + px(left + plot_w) + "\" y1=\"" + px(yof(target)) +
         "\" y2=\"" + px(yof(target)) + "\" class=\"target\"/><text x=\"" + px(left + plot_w) +
         "\" y=\"" + px(yof(target) - 4) + "\" text-anchor=\"end\" class=\"ax\">target " +
         pct(target, 0) + "</text>\n";
    std::string points;
    for (std::size_t i = 0; i < n; ++i)
        if (std::isfinite(trend[i].csat))
            points += px(xof(i)) + "," + px(yof(trend[i].csat)) + " ";
    if (!points.empty())
        h += "<polyline points=\"" + points + "\" class=\"line\"/>\n";
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(trend[i].csat))
            continue;
        h += "<circle cx=\"" + px(xof(i)) + "\" cy=\"" + px(yof(trend[i].csat)) +
             "\" r=\"3.5\" class=\"dot\"><title>week of " + esc(trend[i].week) + ": " +
             pct(trend[i].csat) + " of " + std::to_string(trend[i].responses) + "</title></circle>";
        h += "<text x=\"" + px(xof(i)) + "\" y=\"" + px(top + plot_h + 16) +
             "\" text-anchor=\"middle\" class=\"ax\">" + esc(trend[i].week.substr(5)) + "</text>\n";
    }
    h += "<text x=\"" + px(left + plot_w / 2) + "\" y=\"" + px(ht - 4) +
         "\" text-anchor=\"middle\" class=\"ax\">week starting (Monday)</text>\n</svg>\n";
}

// A score with its interval: "82.4 (61.0–95.3)"; "–" when not scored.
std::string score_text(const StaffScore& s) {
    return num(s.score, 1) + " (" + num(s.low, 1) + "–" + num(s.high, 1) + ")";
}

// The SLA share met over every target of a group's clocks.
double sla_share(const StaffFigures& f) {
    std::size_t met = 0, all = 0;
    for (const TargetShare& t : f.sla) {
        met += t.met;
        all += t.met + t.breached;
    }
    return all ? static_cast<double>(met) / static_cast<double>(all) : detail::nan;
}

void handlers_table(std::string& h, const std::string& title,
                    const std::vector<StaffScore>& scores) {
    h += "<table><caption>" + esc(title) +
         "</caption><tr><th>handler</th><th class=\"n\">cases</th><th class=\"n\">score "
         "(interval)</th><th class=\"n\">rank</th></tr>\n";
    for (const StaffScore& s : scores) {
        const std::string rank = s.rank_best == s.rank_worst ? std::to_string(s.rank_best)
                                                             : std::to_string(s.rank_best) + "–" +
                                                                   std::to_string(s.rank_worst);
        h += "<tr><td>" + esc(s.id) + "</td><td class=\"n\">" + std::to_string(s.cases) +
             "</td><td class=\"n\">" + score_text(s) + "</td><td class=\"n\">" + rank +
             "</td></tr>\n";
    }
    h += "</table>\n";
}

void people_html(std::string& h, const PeopleFigures& p) {
    h += "<section id=\"people\">\n<h2>People</h2>\n<table><caption>Teams</caption><tr>"
         "<th>team</th><th class=\"n\">requests</th><th class=\"n\">closed</th>"
         "<th class=\"n\">SLA met</th><th class=\"n\">resolution p90</th>"
         "<th class=\"n\">reopened</th><th class=\"n\">CSAT</th>";
    const bool scored = !p.team_scores.empty();
    if (scored)
        h += "<th class=\"n\">score (interval)</th>";
    h += "</tr>\n";
    for (std::size_t i = 0; i < p.teams.size(); ++i) {
        const StaffFigures& f = p.teams[i];
        const std::string label = f.id.empty()              ? std::string("(no team)")
                                  : p.team_names[i].empty() ? f.id
                                                            : p.team_names[i];
        h += "<tr><td>" + esc(label) + (f.small_sample ? " <small>(small sample)</small>" : "") +
             "</td><td class=\"n\">" + std::to_string(f.cases) + "</td><td class=\"n\">" +
             std::to_string(f.closed) + "</td><td class=\"n\">" + pct(sla_share(f)) +
             "</td><td class=\"n\">" + hours(f.resolution.p90) + "</td><td class=\"n\">" +
             pct(f.reopened.value) + "</td><td class=\"n\">" + pct(f.csat.value) + "</td>";
        if (scored)
            h += "<td class=\"n\">" + score_text(p.team_scores[i]) + "</td>";
        h += "</tr>\n";
    }
    h += "</table>\n<p>" + std::to_string(p.handlers) + " handlers; " +
         std::to_string(p.handlers_small) +
         " with too few requests to rank (shown in the files, never ranked). A rank is a range: "
         "only a handler whose score interval lies wholly above or below another's moves it.</p>\n";
    if (!p.top_handlers.empty()) {
        h += "<div class=\"grid2\">\n";
        handlers_table(h, "Top handlers", p.top_handlers);
        handlers_table(h, "Bottom handlers", p.bottom_handlers);
        h += "</div>\n";
    }
    HeatMap m = p.team_category;
    for (std::string& r : m.rows)
        if (r.empty())
            r = "(no team)";
    h += "<p>Requests by team and category:</p>\n";
    heat_svg(h, m, 92, 22, 130, "Requests by team and category");
    h += "</section>\n";
}

const char* verdict_text(satisfaction::Verdict v) {
    switch (v) {
    case satisfaction::Verdict::met:
        return "target met";
    case satisfaction::Verdict::missed:
        return "target missed";
    default:
        return "undecided";
    }
}

const char* css = R"(
:root{--ink:#1d2330;--muted:#5b6473;--line:#d9dde4;--bg:#f6f7f9}
*{box-sizing:border-box}
body{font-family:"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",Arial,sans-serif;color:var(--ink);margin:0;background:#fff;line-height:1.4}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.2em;border-bottom:2px solid var(--ink);padding-bottom:2px;margin-top:28px}
.meta{color:var(--muted);font-size:.9em}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:16px}
.card{flex:1 1 150px;border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:var(--bg)}
.card .label{font-size:.8em;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
.card .value{font-size:1.6em;font-weight:700}.card .note{font-size:.8em;color:var(--muted)}
.grid2{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
table{border-collapse:collapse;font-size:.9em;margin:8px 0}
caption{text-align:left;font-weight:600;padding-bottom:4px}
th,td{border-bottom:1px solid var(--line);padding:3px 10px;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
svg text{font-family:inherit}
svg .ax{font-size:11px;fill:#333}svg .cell{font-size:10px;fill:#222}svg .cell.dark{fill:#fff}
svg .track{fill:#eceef2}svg .good{fill:#2e7d32}svg .fair{fill:#f9a825}svg .poor{fill:#c62828}
svg .ci{stroke:#111;stroke-width:1.5}svg .grid{stroke:#e3e6eb}svg .target{stroke:#c62828;stroke-dasharray:5 4}
svg .line{fill:none;stroke:#1565c0;stroke-width:2}svg .dot{fill:#1565c0}
.ok{color:#2e7d32;font-weight:600}.bad{color:#c62828;font-weight:600}
footer{margin-top:32px;color:var(--muted);font-size:.8em}
@media print{
 @page{size:A4;margin:12mm}
 body{font-size:10pt}main{max-width:none;padding:0}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 h2{break-after:avoid}section,table,svg,.card{break-inside:avoid}
 .card{background:#fff}
}
)";

} // namespace

std::string MonthlyReport::to_html() const {
    std::string h;
    h.reserve(64 * 1024);
    h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
         "Complaints report " +
         esc(month) + "</title>\n<style>" + css + "</style>\n</head>\n<body>\n<main>\n";
    h += "<h1>Complaints report " + esc(month) + "</h1>\n<p class=\"meta\">Profile " +
         esc(profile) + " · time zone " + esc(timezone) + " · " + esc(format_iso8601(from)) +
         " to " + esc(format_iso8601(to)) + " (UTC) · clocks as of " + esc(format_iso8601(as_of)) +
         "</p>\n";

    // ---- key figures ----
    h += "<section id=\"key-figures\">\n<div class=\"cards\">\n";
    if (kind)
        card(h, "Requests received (" + std::string(to_string(*kind)) + ")",
             std::to_string(received),
             previous + ": " + std::to_string(received_previous) + " (" +
                 signed_num(static_cast<double>(received) - static_cast<double>(received_previous),
                            0) +
                 ")");
    else
        card(h, "Complaints received", std::to_string(complaints),
             "of " + std::to_string(received) + " requests; " + previous + ": " +
                 std::to_string(received_previous) + " requests");
    card(h, "Still open", std::to_string(open));
    card(h, "Repeat complaints", std::to_string(repeated), "same unit, within the repeat window");
    const TargetFigures* res = nullptr;
    for (const auto& t : sla)
        if (t.kind == TargetKind::resolution)
            res = &t;
    if (res)
        card(h, "Resolved within limit", pct(res->share_met.value),
             std::to_string(res->met) + " of " + std::to_string(res->met + res->breached));
    card(h, "First response", hours(first_response.mean), "mean; p90 " + hours(first_response.p90));
    card(h, "MTTR (repairs)", hours(mttr), std::to_string(repairs) + " repairs");
    card(h, "Escalations", std::to_string(escalations), std::to_string(escalated) + " complaints");
    card(h, "Return visits", std::to_string(visits), quotas_met ? "quotas met" : "quota missed");
    if (satisfaction) {
        card(h, "CSAT", pct(satisfaction->csat.value),
             std::string(verdict_text(satisfaction->verdict)) + " (" + pct(csat_target, 0) + "); " +
                 pct(satisfaction->csat.low) + "–" + pct(satisfaction->csat.high));
        card(h, "Mean score", num(satisfaction->overall.value, 2),
             "of 5; " + std::to_string(satisfaction->responses) + " responses");
        card(h, "NPS", num(satisfaction->nps.value, 1));
    }
    h += "</div>\n</section>\n";

    // ---- complaints received ----
    h += "<section id=\"complaints\">\n<h2>Requests received</h2>\n<div class=\"grid2\">\n";
    counts_table(h, "kind", by_kind, received);
    counts_table(h, "category", by_category, received);
    counts_table(h, "nature", by_nature, received);
    counts_table(h, "severity", by_severity, received);
    counts_table(h, "channel", by_channel, received);
    counts_table(h, "building", by_building, received);
    h += "</div>\n</section>\n";

    h += "<section id=\"main-issues\">\n<h2>Main issues</h2>\n<div class=\"grid2\">\n";
    counts_table(h, "sub-category", top_subcategories, received);
    counts_table(h, "tag", top_tags, received);
    counts_table(h, "keyword", top_keywords, received);
    h += "</div>\n</section>\n";

    // ---- SLA ----
    h += "<section id=\"sla\">\n<h2>Time limits (SLA)</h2>\n";
    sla_svg(h, sla);
    h += "<table><tr><th>target</th><th class=\"n\">clocks</th><th class=\"n\">met</th>"
         "<th class=\"n\">breached</th><th class=\"n\">pending</th><th class=\"n\">share met"
         "</th><th class=\"n\">" +
         fixed(100 * confidence, 0) +
         "% interval</th><th class=\"n\">mean</th><th class=\"n\">p90</th></tr>\n";
    for (const auto& t : sla)
        h += "<tr><td>" + esc(t.target) + "</td><td class=\"n\">" + std::to_string(t.clocks) +
             "</td><td class=\"n\">" + std::to_string(t.met) + "</td><td class=\"n\">" +
             std::to_string(t.breached) + "</td><td class=\"n\">" + std::to_string(t.pending) +
             "</td><td class=\"n\">" + pct(t.share_met.value) + "</td><td class=\"n\">" +
             pct(t.share_met.low) + "–" + pct(t.share_met.high) + "</td><td class=\"n\">" +
             hours(t.mean_elapsed) + "</td><td class=\"n\">" + hours(t.p90_elapsed) +
             "</td></tr>\n";
    h += "</table>\n<table><caption>Handling times (wall clock)</caption><tr><th></th>"
         "<th class=\"n\">n</th><th class=\"n\">mean</th><th class=\"n\">median</th>"
         "<th class=\"n\">p90</th></tr>\n";
    for (const auto& [name, d] :
         {std::pair<const char*, const DurationFigures*>{"first response", &first_response},
          {"resolution", &resolution}})
        h += "<tr><td>" + std::string(name) + "</td><td class=\"n\">" + std::to_string(d->n) +
             "</td><td class=\"n\">" + hours(d->mean) + "</td><td class=\"n\">" + hours(d->p50) +
             "</td><td class=\"n\">" + hours(d->p90) + "</td></tr>\n";
    h += "<tr><td>repairs (MTTR)</td><td class=\"n\">" + std::to_string(repairs) +
         "</td><td class=\"n\">" + hours(mttr) + "</td><td></td><td></td></tr>\n</table>\n";
    h += "<p>Escalations: " + std::to_string(escalations) + " on " + std::to_string(escalated) +
         " complaints";
    for (const auto& e : escalations_to)
        if (e.count)
            h += " · to " + esc(e.name) + ": " + std::to_string(e.count);
    h += " · judged again by the rules: " + std::to_string(reevaluated) + "</p>\n</section>\n";

    // ---- return visits ----
    h += "<section id=\"return-visits\">\n<h2>Return visits</h2>\n<p>" + std::to_string(visits) +
         " visits made in the month; " + std::to_string(visits_satisfied) + " satisfied, " +
         std::to_string(visits_unsatisfied) +
         " unsatisfied (rectification).</p>\n"
         "<div class=\"grid2\">\n";
    counts_table(h, "method", visits_by_method, visits);
    counts_table(h, "role", visits_by_role, visits);
    h += "<table><caption>Monthly quotas</caption><tr><th>role</th><th class=\"n\">visits</th>"
         "<th class=\"n\">required</th><th>compliance</th></tr>\n";
    for (const auto& q : quotas)
        h += "<tr><td>" + esc(plaint::to_string(q.role)) + "</td><td class=\"n\">" +
             std::to_string(q.visits) + "</td><td class=\"n\">" + std::to_string(q.required) +
             "</td><td class=\"" + (q.compliant ? "ok\">met" : "bad\">missed") + "</td></tr>\n";
    h += "</table>\n</div>\n</section>\n";

    // ---- satisfaction ----
    h += "<section id=\"satisfaction\">\n<h2>Satisfaction</h2>\n";
    if (!satisfaction && !satisfaction_previous) {
        h += "<p>No survey responses for this month.</p>\n";
    } else {
        h += "<table><tr><th></th>";
        for (const auto* s : {&satisfaction_previous, &satisfaction})
            if (*s)
                h += "<th class=\"n\">" + esc((*s)->month) + "</th>";
        const bool both = satisfaction && satisfaction_previous;
        if (both)
            h += "<th class=\"n\">change</th>";
        h += "</tr>\n";
        const auto row = [&](const std::string& label, auto value, auto delta) {
            h += "<tr><td>" + label + "</td>";
            for (const auto* s : {&satisfaction_previous, &satisfaction})
                if (*s)
                    h += "<td class=\"n\">" + value(**s) + "</td>";
            if (both)
                h += "<td class=\"n\">" + delta(*satisfaction, *satisfaction_previous) + "</td>";
            h += "</tr>\n";
        };
        using F = SatisfactionFigures;
        row(
            "responses", [](const F& f) { return std::to_string(f.responses); },
            [](const F& a, const F& b) {
                return signed_num(
                    static_cast<double>(a.responses) - static_cast<double>(b.responses), 0);
            });
        row(
            "mean score (1–5)",
            [](const F& f) {
                return num(f.overall.value, 2) + " (" + num(f.overall.low, 2) + "–" +
                       num(f.overall.high, 2) + ")";
            },
            [](const F& a, const F& b) {
                return signed_num(a.overall.value - b.overall.value, 2);
            });
        row(
            "CSAT",
            [](const F& f) {
                return pct(f.csat.value) + " (" + pct(f.csat.low) + "–" + pct(f.csat.high) + ")";
            },
            [](const F& a, const F& b) {
                return signed_num(100 * (a.csat.value - b.csat.value), 1, " pt");
            });
        row(
            "CSAT target " + pct(csat_target, 0),
            [](const F& f) { return std::string(verdict_text(f.verdict)); },
            [](const F&, const F&) { return std::string(); });
        row(
            "NPS", [](const F& f) { return num(f.nps.value, 1); },
            [](const F& a, const F& b) { return signed_num(a.nps.value - b.nps.value, 1); });
        row(
            "satisfaction index (0–100)", [](const F& f) { return num(f.index.value, 1); },
            [](const F& a, const F& b) { return signed_num(a.index.value - b.index.value, 1); });
        h += "</table>\n";
        if (!trend.empty()) {
            h += "<p>Weekly CSAT over both months, by the day of the return visit:</p>\n";
            trend_svg(h, trend, csat_target);
        }
    }
    h += "</section>\n";

    // ---- people ----
    if (people)
        people_html(h, *people);

    // ---- heat maps ----
    h += "<section id=\"heatmaps\">\n<h2>Heat maps</h2>\n<p>Complaints received by building and "
         "category:</p>\n";
    heat_svg(h, building_category, 92, 22, 110, "Complaints by building and category");
    h += "<p>Complaints received by weekday and hour (local time, " + esc(timezone) + "):</p>\n";
    heat_svg(h, weekday_hour, 28, 22, 44, "Complaints by weekday and hour");
    h += "</section>\n<footer>Made by plaint " + std::string(plaint::version_string) +
         " from the ledger and the survey responses.</footer>\n</main>\n</body>\n</html>\n";
    return h;
}

namespace {

// Writes `text` to `dir/name` atomically: a temporary file in the same folder, flushed to disk,
// then renamed over the target, so a reader sees the old file or the new one, never a part.
void write_atomic(const std::filesystem::path& dir, const std::string& name,
                  std::string_view text) {
    const std::filesystem::path target = dir / name;
    std::string tmp = (dir / ("." + name + ".XXXXXX")).string();
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        throw error(errc::io,
                    target.string() + ": cannot create a temporary file: " + std::strerror(errno));
    std::size_t off = 0;
    bool ok = true;
    while (off < text.size()) {
        const ssize_t w = ::write(fd, text.data() + off, text.size() - off);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            ok = false;
            break;
        }
        off += static_cast<std::size_t>(w);
    }
    const int err = errno;
    ok = ok && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
    ok = (::close(fd) == 0) && ok;
    if (!ok || ::rename(tmp.c_str(), target.c_str()) != 0) {
        const int e = ok ? errno : err;
        ::unlink(tmp.c_str());
        throw error(errc::io, target.string() + ": cannot write: " + std::strerror(e));
    }
}

} // namespace

namespace {
std::filesystem::path report_folder(const std::string& folder) {
    if (folder.empty())
        throw error(errc::invalid_argument, "the report folder name is empty");
    const std::filesystem::path dir(folder);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        throw error(errc::io, folder + ": cannot create the folder: " + ec.message());
    return dir;
}
} // namespace

void write_report_file(const std::string& folder, const std::string& name, std::string_view text) {
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..")
        throw error(errc::invalid_argument,
                    "a report file name is one plain name, not '" + name + "'");
    write_atomic(report_folder(folder), name, text);
}

void write_report_files(const MonthlyReport& report, const std::string& folder) {
    const std::filesystem::path dir = report_folder(folder);
    write_atomic(dir, "report.json", report.to_json());
    write_atomic(dir, "report.csv", report.to_csv());
    write_atomic(dir, "report.html", report.to_html());
}

PLAINT_END_NAMESPACE
