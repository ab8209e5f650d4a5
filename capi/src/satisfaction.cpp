// The shim of plaint/c/satisfaction.h over plaint/satisfaction.hpp. Satisfaction scores: levels,
// means, CSAT, NPS, CES, AHP, key drivers, indices,
#include "shim.hpp"

using namespace plaint_shim;

namespace {

sat::RiTable ri_table_arg(int32_t code) {
    if (code < PLAINT_RI_SAATY1980 || code > PLAINT_RI_ALONSO_LAMATA)
        throw plaint::error(
            plaint::errc::out_of_range,
            "unknown random-index table code " + std::to_string(code) +
                "; expected PLAINT_RI_SAATY1980 (0) to PLAINT_RI_ALONSO_LAMATA (3)");
    return static_cast<sat::RiTable>(code);
}

sat::AhpMethod ahp_method_arg(int32_t code) {
    if (code != PLAINT_AHP_EIGEN && code != PLAINT_AHP_GEOMETRIC)
        throw plaint::error(plaint::errc::out_of_range,
                            "unknown AHP method code " + std::to_string(code) +
                                "; expected PLAINT_AHP_EIGEN (0) or PLAINT_AHP_GEOMETRIC (1)");
    return static_cast<sat::AhpMethod>(code);
}

// An indicator tree given flat, as the C++ tree, with the node of each item in the depth-first
// order the C++ functions use.
struct Tree {
    std::vector<sat::Indicator> roots;
    std::vector<std::size_t> item_nodes;
    std::size_t count = 0;
};

constexpr int max_tree_depth = 32; // as satisfaction::global_weights

sat::Indicator build_node(const plaint_indicator_tree& t,
                          const std::vector<std::vector<std::size_t>>& children, std::size_t i,
                          std::vector<std::size_t>& items) {
    sat::Indicator node;
    if (t.name) {
        if (!t.name[i])
            throw plaint::error(plaint::errc::invalid_argument,
                                "tree->name[" + std::to_string(i) + "] is NULL");
        node.name = t.name[i];
    } else {
        node.name = std::to_string(i);
    }
    node.weight = t.weight ? t.weight[i] : 1.0;
    node.scale = sat::Scale{t.lowest ? t.lowest[i] : 1, t.highest ? t.highest[i] : 5};
    if (children[i].empty())
        items.push_back(i);
    for (const std::size_t c : children[i]) // depth is bounded by max_tree_depth (flat_tree)
        node.children.push_back(build_node(t, children, c, items));
    return node;
}

Tree flat_tree(const plaint_indicator_tree* t) {
    need(t, "tree");
    check_size(t);
    Tree tree;
    tree.count = t->count;
    if (t->count == 0)
        return tree; // satisfaction::global_weights reports the empty tree
    need(t->parent, "tree->parent");
    std::vector<std::vector<std::size_t>> children(t->count);
    std::vector<std::size_t> roots;
    std::vector<int> depth(t->count, 1);
    for (std::size_t i = 0; i < t->count; ++i) {
        const int32_t p = t->parent[i];
        if (p == -1) {
            roots.push_back(i);
            continue;
        }
        if (p < 0 || static_cast<std::size_t>(p) >= i)
            throw plaint::error(plaint::errc::invalid_argument,
                                "tree->parent[" + std::to_string(i) + "] is " + std::to_string(p) +
                                    "; a parent is -1 or an earlier node");
        const auto up = static_cast<std::size_t>(p);
        depth[i] = depth[up] + 1;
        if (depth[i] > max_tree_depth)
            throw plaint::error(plaint::errc::invalid_argument, "indicator tree node " +
                                                                    std::to_string(i) +
                                                                    " is deeper than 32 levels");
        children[up].push_back(i);
    }
    for (const std::size_t r : roots)
        tree.roots.push_back(build_node(*t, children, r, tree.item_nodes));
    return tree;
}

// One value per node: the items' from `item_values` (in item order), NaN for dimensions.
void per_node(const Tree& tree, const std::vector<double>& item_values, double* out) {
    for (std::size_t i = 0; i < tree.count; ++i)
        out[i] = not_a_number;
    for (std::size_t k = 0; k < tree.item_nodes.size(); ++k)
        out[tree.item_nodes[k]] = item_values[k];
}

} // namespace

extern "C" {

PLAINT_SIZED_INIT(plaint_score)

PLAINT_SIZED_INIT(plaint_ahp_result)

PLAINT_SIZED_INIT(plaint_indicator_tree)

int plaint_levels(const int32_t* levels, size_t count, uint64_t* out) {
    return guard([&] {
        need(out, "out");
        if (count > 0)
            need(levels, "levels");
        uint64_t mask = 0;
        for (std::size_t i = 0; i < count; ++i)
            mask |= sat::levels({static_cast<int>(levels[i])});
        *out = mask;
    });
}

int plaint_wilson(uint64_t successes, uint64_t n, double confidence, double* low_out,
                  double* high_out) {
    return guard([&] {
        need(low_out, "low_out");
        need(high_out, "high_out");
        const sat::Interval w = sat::wilson(successes, n, confidence);
        *low_out = w.low;
        *high_out = w.high;
    });
}

int plaint_mean(const double* values, size_t count, int32_t lowest, int32_t highest,
                double confidence, plaint_score* out) {
    return guard([&] {
        score_out(out);
        put_mean(sat::mean(values, count, sat::Scale{lowest, highest}, confidence), out);
    });
}

int plaint_csat(const double* values, size_t count, uint64_t satisfied_mask, int32_t lowest,
                int32_t highest, double confidence, plaint_score* out) {
    return guard([&] {
        score_out(out);
        put_share(sat::csat(values, count, satisfied_mask, sat::Scale{lowest, highest}, confidence),
                  out);
    });
}

int plaint_nps(const double* values, size_t count, double confidence, plaint_score* out) {
    return guard([&] {
        score_out(out);
        put_nps(sat::nps(values, count, confidence), out);
    });
}

int plaint_ces(const double* values, size_t count, int32_t scale, double confidence,
               plaint_score* out) {
    return guard([&] {
        score_out(out);
        put_mean(sat::ces(values, count, scale, confidence).score, out);
    });
}

int plaint_check_target(const plaint_score* share, double target, int32_t* out) {
    return guard([&] {
        need(share, "share");
        need(out, "out");
        check_size(share);
        const sat::Share s{share->value, static_cast<std::size_t>(share->successes),
                           static_cast<std::size_t>(share->n), share->low, share->high};
        *out = static_cast<int32_t>(sat::check_target(s, target));
    });
}

int plaint_ahp(const double* matrix, size_t n, int32_t ri_table, int32_t method,
               double* weights_out, plaint_ahp_result* out) {
    return guard([&] {
        need(weights_out, "weights_out");
        need(out, "out");
        check_size(out);
        const sat::Ahp r = sat::ahp(matrix, n, ri_table_arg(ri_table), ahp_method_arg(method));
        std::copy(r.weights.begin(), r.weights.end(), weights_out);
        out->ri_table = static_cast<int32_t>(r.table);
        out->method = static_cast<int32_t>(r.method);
        out->consistent = r.consistent ? 1 : 0;
        out->lambda_max = r.lambda_max;
        out->ci = r.ci;
        out->ri = r.ri;
        out->cr = r.cr;
        out->worst_i = r.worst ? static_cast<int64_t>(r.worst->first) : -1;
        out->worst_j = r.worst ? static_cast<int64_t>(r.worst->second) : -1;
    });
}

int plaint_random_index(int32_t ri_table, size_t n, double* out) {
    return guard([&] {
        need(out, "out");
        *out = sat::random_index(ri_table_arg(ri_table), n);
    });
}

int plaint_ri_table_name(int32_t ri_table, const char** out) {
    return guard([&] {
        need(out, "out");
        *out = sat::ri_table_name(ri_table_arg(ri_table));
    });
}

int plaint_ri_table_parse(const char* name, int32_t* out) {
    return guard([&] {
        need(name, "name");
        need(out, "out");
        const auto t = sat::ri_table_from_name(name);
        if (!t)
            throw plaint::error(plaint::errc::out_of_range,
                                "unknown random-index table '" + std::string(name) +
                                    "'; expected one of saaty1980, saaty2005, donegan_dodd, "
                                    "alonso_lamata");
        *out = static_cast<int32_t>(*t);
    });
}

int plaint_key_drivers(const double* overall, const double* const* dims, size_t dim_count,
                       size_t count, double* coefficients_out, double* standardized_out,
                       double* correlations_out, double* importance_out, double* intercept_out,
                       double* r_squared_out) {
    return guard([&] {
        const sat::KeyDrivers k = sat::key_drivers(overall, dims, dim_count, count);
        const auto put = [](const std::vector<double>& v, double* to) {
            if (to)
                std::copy(v.begin(), v.end(), to);
        };
        put(k.coefficients, coefficients_out);
        put(k.standardized, standardized_out);
        put(k.correlations, correlations_out);
        put(k.importance, importance_out);
        if (intercept_out)
            *intercept_out = k.intercept;
        if (r_squared_out)
            *r_squared_out = k.r_squared;
    });
}

int plaint_acsi(const double* answers, size_t count, size_t items, const double* weights,
                double confidence, double* respondents_out, plaint_score* out) {
    return guard([&] {
        score_out(out);
        const sat::IndexScore r = sat::acsi(answers, count, items, weights, confidence);
        if (respondents_out)
            std::copy(r.respondents.begin(), r.respondents.end(), respondents_out);
        put_mean(r.overall, out);
    });
}

int plaint_global_weights(const plaint_indicator_tree* tree, double* out) {
    return guard([&] {
        const Tree t = flat_tree(tree);
        need(out, "out");
        const std::vector<sat::ItemWeight> items = sat::global_weights(t.roots);
        std::vector<double> w(items.size());
        for (std::size_t k = 0; k < items.size(); ++k)
            w[k] = items[k].global_weight;
        per_node(t, w, out);
    });
}

int plaint_weighted_index(const plaint_indicator_tree* tree, const double* item_scores,
                          double* item_scores_out, double* global_weights_out, double* out) {
    return guard([&] {
        const Tree t = flat_tree(tree);
        need(item_scores, "item_scores");
        need(out, "out");
        std::vector<double> scores(t.item_nodes.size());
        for (std::size_t k = 0; k < scores.size(); ++k)
            scores[k] = item_scores[t.item_nodes[k]];
        const sat::WeightedIndex r = sat::weighted_index(t.roots, scores.data(), scores.size());
        if (item_scores_out)
            per_node(t, r.item_scores, item_scores_out);
        if (global_weights_out) {
            std::vector<double> w(r.items.size());
            for (std::size_t k = 0; k < w.size(); ++k)
                w[k] = r.items[k].global_weight;
            per_node(t, w, global_weights_out);
        }
        *out = r.value;
    });
}

int plaint_servqual(const double* perception, const double* expectation,
                    const int32_t* dimension_of, size_t items, size_t dimensions,
                    const double* dimension_weights, int32_t lowest, int32_t highest,
                    double* item_gaps_out, double* dimension_gaps_out, double* unweighted_out,
                    double* weighted_out) {
    return guard([&] {
        need(unweighted_out, "unweighted_out");
        need(weighted_out, "weighted_out");
        std::vector<std::size_t> dims;
        if (dimension_of) {
            dims.resize(items);
            for (std::size_t i = 0; i < items; ++i) {
                if (dimension_of[i] < 0)
                    throw plaint::error(plaint::errc::invalid_argument,
                                        "dimension_of[" + std::to_string(i) + "] is " +
                                            std::to_string(dimension_of[i]) +
                                            "; dimensions are numbered from 0");
                dims[i] = static_cast<std::size_t>(dimension_of[i]);
            }
        }
        const sat::Servqual s =
            sat::servqual(perception, expectation, dimension_of ? dims.data() : nullptr, items,
                          dimensions, dimension_weights, sat::Scale{lowest, highest});
        if (item_gaps_out)
            std::copy(s.item_gaps.begin(), s.item_gaps.end(), item_gaps_out);
        if (dimension_gaps_out)
            std::copy(s.dimension_gaps.begin(), s.dimension_gaps.end(), dimension_gaps_out);
        *unweighted_out = s.unweighted;
        *weighted_out = s.weighted;
    });
}

int plaint_mttr(double total_repair_seconds, uint64_t repairs, double* out) {
    return guard([&] { *need(out, "out") = sat::mttr(total_repair_seconds, repairs); });
}

int plaint_mean_duration(const double* durations, size_t count, double* out) {
    return guard([&] { *need(out, "out") = sat::mean_duration(durations, count); });
}

int plaint_percentile(const double* values, size_t count, double percent, double* out) {
    return guard([&] { *need(out, "out") = sat::percentile(values, count, percent); });
}

int plaint_within_limit(const double* durations, size_t count, double limit, double confidence,
                        plaint_score* out) {
    return guard([&] {
        score_out(out);
        put_share(sat::within_limit(durations, count, limit, confidence), out);
    });
}

int plaint_sample_size(double margin, double confidence, double p, uint64_t population,
                       uint64_t* out) {
    return guard([&] { *need(out, "out") = sat::sample_size(margin, confidence, p, population); });
}

} // extern "C"
