// The shim of plaint/c/aggregate.h over plaint/aggregate.hpp. Grouped satisfaction scores: one
// score per group of rows, exported as columns or JSON.
#include "shim.hpp"

using namespace plaint_shim;

namespace {

// ---- grouped scores ----

enum class StatKind { real, count, unknown };

StatKind stat_kind(int32_t stat) {
    if (stat >= PLAINT_STAT_MEAN && stat <= PLAINT_STAT_NPS_HIGH)
        return StatKind::real;
    if (stat >= PLAINT_STAT_MEAN_N && stat <= PLAINT_STAT_MISSING)
        return StatKind::count;
    return StatKind::unknown;
}

void check_stat(int32_t stat, StatKind wanted, bool index) {
    const StatKind kind = stat_kind(stat);
    if (kind == StatKind::unknown)
        throw plaint::error(plaint::errc::out_of_range,
                            "unknown statistic code " + std::to_string(stat));
    if (kind != wanted) {
        const std::string other = std::string("plaint_groups_export") + (index ? "_index" : "") +
                                  (kind == StatKind::count ? "_count" : "");
        throw plaint::error(plaint::errc::out_of_range,
                            "statistic " + std::to_string(stat) +
                                (kind == StatKind::count ? " is a count" : " is not a count") +
                                "; export it with " + other);
    }
    if (index && !(stat <= PLAINT_STAT_MEAN_PERCENT || stat == PLAINT_STAT_MEAN_N))
        throw plaint::error(plaint::errc::out_of_range,
                            "statistic " + std::to_string(stat) +
                                " does not apply to an index, which has the PLAINT_STAT_MEAN_* "
                                "statistics only");
}

// A mean's statistic (PLAINT_STAT_MEAN .. _MEAN_PERCENT, or PLAINT_STAT_MEAN_N as a count).
double mean_stat(const sat::MeanScore& m, int32_t stat) {
    switch (stat) {
    case PLAINT_STAT_MEAN:
        return m.value;
    case PLAINT_STAT_MEAN_SD:
        return m.sd;
    case PLAINT_STAT_MEAN_LOW:
        return m.low;
    case PLAINT_STAT_MEAN_HIGH:
        return m.high;
    default: // PLAINT_STAT_MEAN_PERCENT; check_stat let nothing else through
        return m.percent;
    }
}

double real_stat(const sat::ColumnStats& s, int32_t stat) {
    switch (stat) {
    case PLAINT_STAT_CSAT:
        return s.csat.value;
    case PLAINT_STAT_CSAT_LOW:
        return s.csat.low;
    case PLAINT_STAT_CSAT_HIGH:
        return s.csat.high;
    case PLAINT_STAT_NPS:
        return s.nps.value;
    case PLAINT_STAT_NPS_SE:
        return s.nps.se;
    case PLAINT_STAT_NPS_LOW:
        return s.nps.low;
    case PLAINT_STAT_NPS_HIGH:
        return s.nps.high;
    default:
        return mean_stat(s.mean, stat);
    }
}

uint64_t count_stat(const sat::ColumnStats& s, int32_t stat) {
    switch (stat) {
    case PLAINT_STAT_MEAN_N:
        return s.mean.n;
    case PLAINT_STAT_CSAT_SUCCESSES:
        return s.csat.successes;
    case PLAINT_STAT_CSAT_N:
        return s.csat.n;
    case PLAINT_STAT_NPS_N:
        return s.nps.n;
    case PLAINT_STAT_NPS_PROMOTERS:
        return s.nps.promoters;
    case PLAINT_STAT_NPS_PASSIVES:
        return s.nps.passives;
    case PLAINT_STAT_NPS_DETRACTORS:
        return s.nps.detractors;
    default: // PLAINT_STAT_MISSING; check_stat let nothing else through
        return s.missing;
    }
}

std::string name_arg(const char* const* names, std::size_t i, const char* array) {
    const std::string where = std::string(array) + "[" + std::to_string(i) + "]";
    if (!names[i])
        null_argument(where.c_str());
    std::string name = names[i];
    plaint::validate_text(name, where);
    return name;
}

const plaint_groups& groups_arg(const plaint_groups* g) {
    return *need(g, "groups");
}

} // namespace

extern "C" {

PLAINT_SIZED_INIT(plaint_group_input)

int plaint_groups_new(plaint_groups** out, const plaint_group_input* in, double confidence) {
    return guard([&] {
        need(out, "out");
        need(in, "in");
        check_size(in);
        if (in->key_count > sat::max_keys)
            throw plaint::error(plaint::errc::invalid_argument,
                                std::to_string(in->key_count) +
                                    " key columns given; at most 3 are allowed");
        std::vector<sat::KeyColumn> keys;
        if (in->key_count > 0) {
            need(in->keys, "in->keys");
            need(in->key_names, "in->key_names");
        }
        for (std::size_t k = 0; k < in->key_count; ++k)
            keys.push_back(
                sat::KeyColumn{name_arg(in->key_names, k, "in->key_names"), in->keys[k], in->rows});
        auto h = std::make_unique<plaint_groups>();
        std::vector<sat::ScoreColumn> scores;
        if (in->score_count > 0) {
            need(in->scores, "in->scores");
            need(in->score_names, "in->score_names");
        }
        for (std::size_t c = 0; c < in->score_count; ++c) {
            sat::ScoreColumn col;
            col.name = name_arg(in->score_names, c, "in->score_names");
            col.data = in->scores[c];
            col.size = in->rows;
            col.scale =
                sat::Scale{in->lowest ? in->lowest[c] : 1, in->highest ? in->highest[c] : 5};
            col.satisfied = in->satisfied ? in->satisfied[c] : 0;
            col.nps = in->nps && in->nps[c] != 0;
            scores.push_back(std::move(col));
        }
        std::vector<sat::IndexSpec> indexes;
        if (in->index_count > 0) {
            need(in->index_names, "in->index_names");
            need(in->index_sizes, "in->index_sizes");
            need(in->index_columns, "in->index_columns");
            need(in->index_weights, "in->index_weights");
        }
        std::size_t at = 0;
        for (std::size_t x = 0; x < in->index_count; ++x) {
            sat::IndexSpec spec;
            spec.name = name_arg(in->index_names, x, "in->index_names");
            const int32_t units = in->index_units ? in->index_units[x] : PLAINT_INDEX_PERCENT;
            if (units != PLAINT_INDEX_PERCENT && units != PLAINT_INDEX_SCALE)
                throw plaint::error(plaint::errc::out_of_range, "index '" + spec.name + "'" +
                                                                    ": unknown units code " +
                                                                    std::to_string(units));
            spec.units = static_cast<sat::IndexUnits>(units);
            for (uint32_t j = 0; j < in->index_sizes[x]; ++j, ++at) {
                spec.columns.push_back(in->index_columns[at]);
                spec.weights.push_back(in->index_weights[at]);
            }
            indexes.push_back(std::move(spec));
        }
        h->impl = sat::group(keys, scores, indexes, confidence);
        *out = h.release();
    });
}

void plaint_groups_free(plaint_groups* g) {
    delete g;
}

int plaint_groups_count(const plaint_groups* g, size_t* out) {
    return guard([&] { *need(out, "out") = groups_arg(g).impl.size(); });
}

int plaint_groups_key_count(const plaint_groups* g, size_t* out) {
    return guard([&] { *need(out, "out") = groups_arg(g).impl.key_names.size(); });
}

int plaint_groups_score_count(const plaint_groups* g, size_t* out) {
    return guard([&] { *need(out, "out") = groups_arg(g).impl.score_names.size(); });
}

int plaint_groups_index_count(const plaint_groups* g, size_t* out) {
    return guard([&] { *need(out, "out") = groups_arg(g).impl.index_names.size(); });
}

int plaint_groups_key_name(const plaint_groups* g, size_t k, const char** out) {
    return guard([&] {
        const auto& names = groups_arg(g).impl.key_names;
        need(out, "out");
        check_position(k, names.size(), "key column", "key columns");
        *out = names[k].c_str();
    });
}

int plaint_groups_score_name(const plaint_groups* g, size_t column, const char** out) {
    return guard([&] {
        const auto& names = groups_arg(g).impl.score_names;
        need(out, "out");
        check_position(column, names.size(), "score column", "score columns");
        *out = names[column].c_str();
    });
}

int plaint_groups_index_name(const plaint_groups* g, size_t index, const char** out) {
    return guard([&] {
        const auto& names = groups_arg(g).impl.index_names;
        need(out, "out");
        check_position(index, names.size(), "index", "indexes");
        *out = names[index].c_str();
    });
}

int plaint_groups_key(const plaint_groups* g, size_t group, size_t k, int32_t* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        need(out, "out");
        check_position(group, r.size(), "group", "groups");
        check_position(k, r.key_names.size(), "key column", "key columns");
        *out = r.key(group, k);
    });
}

int plaint_groups_rows(const plaint_groups* g, size_t group, uint64_t* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        need(out, "out");
        check_position(group, r.size(), "group", "groups");
        *out = r.rows[group];
    });
}

int plaint_groups_score(const plaint_groups* g, size_t group, size_t column, int32_t measure,
                        plaint_score* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        score_out(out);
        check_position(group, r.size(), "group", "groups");
        check_position(column, r.score_names.size(), "score column", "score columns");
        const sat::ColumnStats& s = r.score(group, column);
        switch (measure) {
        case PLAINT_MEASURE_MEAN:
            put_mean(s.mean, out);
            break;
        case PLAINT_MEASURE_CSAT:
            put_share(s.csat, out);
            break;
        case PLAINT_MEASURE_NPS:
            put_nps(s.nps, out);
            break;
        default:
            throw plaint::error(plaint::errc::out_of_range,
                                "unknown measure code " + std::to_string(measure) +
                                    "; expected PLAINT_MEASURE_MEAN (1), _CSAT (2) or _NPS (3)");
        }
        out->missing = s.missing;
    });
}

int plaint_groups_index(const plaint_groups* g, size_t group, size_t index, plaint_score* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        score_out(out);
        check_position(group, r.size(), "group", "groups");
        check_position(index, r.index_names.size(), "index", "indexes");
        put_mean(r.index(group, index), out);
    });
}

int plaint_groups_export_keys(const plaint_groups* g, size_t k, int32_t* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        check_position(k, r.key_names.size(), "key column", "key columns");
        if (r.size() == 0)
            return; // `out` may be NULL then
        need(out, "out");
        for (std::size_t i = 0; i < r.size(); ++i)
            out[i] = r.key(i, k);
    });
}

int plaint_groups_export_rows(const plaint_groups* g, uint64_t* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        if (r.size() == 0)
            return;
        need(out, "out");
        std::copy(r.rows.begin(), r.rows.end(), out);
    });
}

int plaint_groups_export(const plaint_groups* g, size_t column, int32_t stat, double* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        check_position(column, r.score_names.size(), "score column", "score columns");
        check_stat(stat, StatKind::real, false);
        if (r.size() == 0)
            return;
        need(out, "out");
        for (std::size_t i = 0; i < r.size(); ++i) {
            out[i] = real_stat(r.score(i, column), stat);
        }
    });
}

int plaint_groups_export_count(const plaint_groups* g, size_t column, int32_t stat, uint64_t* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        check_position(column, r.score_names.size(), "score column", "score columns");
        check_stat(stat, StatKind::count, false);
        if (r.size() == 0)
            return;
        need(out, "out");
        for (std::size_t i = 0; i < r.size(); ++i) {
            out[i] = count_stat(r.score(i, column), stat);
        }
    });
}

int plaint_groups_export_index(const plaint_groups* g, size_t index, int32_t stat, double* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        check_position(index, r.index_names.size(), "index", "indexes");
        check_stat(stat, StatKind::real, true);
        if (r.size() == 0)
            return;
        need(out, "out");
        for (std::size_t i = 0; i < r.size(); ++i)
            out[i] = mean_stat(r.index(i, index), stat);
    });
}

int plaint_groups_export_index_count(const plaint_groups* g, size_t index, int32_t stat,
                                     uint64_t* out) {
    return guard([&] {
        const sat::Grouped& r = groups_arg(g).impl;
        check_position(index, r.index_names.size(), "index", "indexes");
        check_stat(stat, StatKind::count, true);
        if (r.size() == 0)
            return;
        need(out, "out");
        for (std::size_t i = 0; i < r.size(); ++i)
            out[i] = r.index(i, index).n; // PLAINT_STAT_MEAN_N, the index's only count
    });
}

int plaint_groups_to_json(const plaint_groups* g, char** out) {
    return guard([&] {
        const plaint_groups& h = groups_arg(g);
        need(out, "out");
        *out = owned_copy(plaint::satisfaction::to_json(h.impl));
    });
}

} // extern "C"
