// The JSON form of grouped scores (aggregate.hpp, `to_json(const Grouped&)`): what the C ABI's
// plaint_groups_to_json hands over, byte for byte.
#include "plaint/aggregate.hpp"

#include "plaint/error.hpp"

#include "json_write.hpp"
#include "utf8.hpp"

PLAINT_BEGIN_NAMESPACE
namespace satisfaction {
namespace {

using detail::json_field;
using detail::json_text;

void names_json(std::string& o, const char* key, const std::vector<std::string>& names,
                const char* what) {
    json_text(o, key);
    o += ":[";
    for (std::size_t i = 0; i < names.size(); ++i) {
        detail::check_utf8(names[i], std::string(what) + " " + std::to_string(i));
        if (i)
            o += ',';
        json_text(o, names[i]);
    }
    o += ']';
}

void mean_json(std::string& o, const MeanScore& m) {
    o += '{';
    json_field(o, "value", m.value);
    json_field(o, "sd", m.sd);
    json_field(o, "low", m.low);
    json_field(o, "high", m.high);
    json_field(o, "percent", m.percent);
    json_field(o, "n", m.n);
    o += '}';
}

} // namespace

std::string to_json(const Grouped& g) {
    if (g.asked.size() != g.score_names.size())
        throw error(errc::invalid_argument, "the grouped scores record what was asked of " +
                                                std::to_string(g.asked.size()) +
                                                " score columns, not of their " +
                                                std::to_string(g.score_names.size()));
    std::string o = "{";
    names_json(o, "keys", g.key_names, "key name");
    o += ',';
    names_json(o, "scores", g.score_names, "score name");
    o += ',';
    names_json(o, "indexes", g.index_names, "index name");
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
            const ColumnStats& s = g.score(i, c);
            if (c)
                o += ',';
            json_text(o, g.score_names[c]);
            o += ":{";
            json_field(o, "missing", s.missing);
            o += ",\"mean\":";
            mean_json(o, s.mean);
            if (g.asked[c].csat) {
                o += ",\"csat\":{";
                json_field(o, "value", s.csat.value);
                json_field(o, "low", s.csat.low);
                json_field(o, "high", s.csat.high);
                json_field(o, "successes", s.csat.successes);
                json_field(o, "n", s.csat.n);
                o += '}';
            }
            if (g.asked[c].nps) {
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
            mean_json(o, g.index(i, x));
        }
        o += "}}";
    }
    o += "]}";
    return o;
}

} // namespace satisfaction
PLAINT_END_NAMESPACE
