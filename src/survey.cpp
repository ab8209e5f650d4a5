// Survey definitions: read from a profile's `surveys` section, and written back as JSON.
#include "plaint/survey.hpp"

#include "error_detail.hpp"
#include "json_util.hpp"
#include "survey_read.hpp"

#include <cmath>
#include <set>

PLAINT_BEGIN_NAMESPACE
namespace detail {

namespace {

using satisfaction::Indicator;

constexpr std::size_t max_dimensions = 64; // top-level dimensions, and items under one
constexpr std::size_t max_surveys = 64;

// A weight: a finite number, not negative.
std::optional<double> read_weight(const Json& v, const std::string& at, Problems& problems) {
    if (v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() >= 0)
        return v.get<double>();
    problems.add(at, "expected a weight, a number of 0 or more");
    return std::nullopt;
}

// A node's name, checked for uniqueness within the survey.
bool read_name(const Json& v, const std::string& at, Problems& problems,
               std::set<std::string>& names, std::string& out) {
    if (!v.is_string() || v.get<std::string>().empty()) {
        problems.add(at, "expected a non-empty name");
        return false;
    }
    out = v.get<std::string>();
    if (!names.insert(out).second) {
        problems.add(at, "the name " + quote(out) + " is used twice in this survey");
        return false;
    }
    return true;
}

// An item: a name, or {"name", "weight", "description"}.
void read_item(const Json& v, const std::string& at, Problems& problems,
               std::set<std::string>& names, Indicator& out, bool& weighted) {
    if (v.is_string()) {
        read_name(v, at, problems, names, out.name);
        return;
    }
    if (!v.is_object()) {
        problems.add(at, "expected an item name or an object with a name");
        return;
    }
    if (!v.contains("name"))
        problems.add(at, "an item needs a name");
    for (const auto& [key, value] : v.items()) {
        const std::string kat = pointer_join(at, key);
        if (key == "name") {
            read_name(value, kat, problems, names, out.name);
        } else if (key == "weight") {
            if (auto w = read_weight(value, kat, problems)) {
                out.weight = *w;
                weighted = true;
            }
        } else if (key != "description") {
            problems.add(kat, "unknown key; expected name, weight or description");
        }
    }
}

// A dimension: a name, or {"name", "weight", "items", "description"}.
void read_dimension(const Json& v, const std::string& at, Problems& problems,
                    std::set<std::string>& names, Indicator& out, bool& weighted) {
    if (v.is_string()) {
        read_name(v, at, problems, names, out.name);
        return;
    }
    if (!v.is_object()) {
        problems.add(at, "expected a dimension name or an object with a name");
        return;
    }
    if (!v.contains("name"))
        problems.add(at, "a dimension needs a name");
    for (const auto& [key, value] : v.items()) {
        const std::string kat = pointer_join(at, key);
        if (key == "name") {
            read_name(value, kat, problems, names, out.name);
        } else if (key == "weight") {
            if (auto w = read_weight(value, kat, problems)) {
                out.weight = *w;
                weighted = true;
            }
        } else if (key == "items") {
            if (!value.is_array() || value.empty() || value.size() > max_dimensions) {
                problems.add(kat, "expected a list of 1 to 64 items");
                continue;
            }
            bool items_weighted = false;
            out.children.resize(value.size());
            for (std::size_t i = 0; i < value.size(); ++i)
                read_item(value[i], pointer_join(kat, i), problems, names, out.children[i],
                          items_weighted);
        } else if (key != "description") {
            problems.add(kat, "unknown key; expected name, weight, items or description");
        }
    }
}

// Local weights normalised among siblings (their sum is positive once global_weights passed).
void normalise(std::vector<Indicator>& nodes) {
    double sum = 0;
    for (const auto& n : nodes)
        sum += n.weight;
    for (auto& n : nodes) {
        n.weight /= sum;
        normalise(n.children);
    }
}

void set_scale(std::vector<Indicator>& nodes, satisfaction::Scale scale) {
    for (auto& n : nodes) {
        n.scale = scale;
        set_scale(n.children, scale);
    }
}

Survey read_survey(const std::string& name, const Json& v, const std::string& at,
                   Problems& problems, std::vector<Warning>& warnings) {
    Survey s;
    s.name = name;
    s.scale = {1, 5};
    std::vector<int> satisfied;
    bool have_satisfied = false, dims_weighted = false;
    const Json* weights = nullptr;
    const Json* ahp = nullptr;
    std::set<std::string> names;
    for (const auto& [key, value] : v.items()) {
        const std::string kat = pointer_join(at, key);
        if (key == "description" || key == "instrument" || key == "overall") {
            if (!value.is_string()) {
                problems.add(kat, "expected a string");
                continue;
            }
            (key == "description"  ? s.description
             : key == "instrument" ? s.instrument
                                   : s.overall) = value.get<std::string>();
        } else if (key == "scale") {
            if (!value.is_array() || value.size() != 2 || !value[0].is_number_integer() ||
                !value[1].is_number_integer() || value[0].get<std::int64_t>() < -1000 ||
                value[1].get<std::int64_t>() > 1000 ||
                value[0].get<std::int64_t>() >= value[1].get<std::int64_t>() ||
                value[1].get<std::int64_t>() - value[0].get<std::int64_t>() > 1000)
                problems.add(kat, "expected [lowest, highest]: whole numbers from -1000 to 1000, "
                                  "lowest below highest");
            else
                s.scale = {value[0].get<int>(), value[1].get<int>()};
        } else if (key == "satisfied") {
            have_satisfied = true;
            if (!value.is_array() || value.empty()) {
                problems.add(kat, "expected a list of the scale's satisfied levels");
                continue;
            }
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (!value[i].is_number_integer())
                    problems.add(pointer_join(kat, i), "expected a level, a whole number");
                else
                    satisfied.push_back(static_cast<int>(
                        std::clamp<std::int64_t>(value[i].get<std::int64_t>(), -100000, 100000)));
            }
        } else if (key == "dimensions") {
            if (!value.is_array() || value.empty() || value.size() > max_dimensions) {
                problems.add(kat, "expected a list of 1 to 64 dimensions");
                continue;
            }
            s.dimensions.resize(value.size());
            for (std::size_t i = 0; i < value.size(); ++i)
                read_dimension(value[i], pointer_join(kat, i), problems, names, s.dimensions[i],
                               dims_weighted);
        } else if (key == "weights") {
            weights = &value;
        } else if (key == "ahp") {
            ahp = &value;
        } else {
            problems.add(kat, "unknown key; expected description, instrument, scale, satisfied, "
                              "dimensions, overall, weights or ahp");
        }
    }
    if (!v.contains("dimensions"))
        problems.add(at, "a survey needs its dimensions");
    if (!s.overall.empty() && names.count(s.overall))
        problems.add(pointer_join(at, "overall"),
                     "the overall question " + quote(s.overall) + " is also a dimension or item");
    // Satisfied levels: given, or the top two levels of the scale.
    if (!have_satisfied)
        satisfied = {s.scale.highest - 1, s.scale.highest};
    for (std::size_t i = 0; i < satisfied.size(); ++i) {
        const int level = satisfied[i];
        const std::string sat = have_satisfied ? pointer_join(pointer_join(at, "satisfied"), i)
                                               : pointer_join(at, "scale");
        if (level < s.scale.lowest || level > s.scale.highest)
            problems.add(sat, "level " + std::to_string(level) + " is outside the scale " +
                                  std::to_string(s.scale.lowest) + ".." +
                                  std::to_string(s.scale.highest));
        else if (level < 0 || level > 63)
            problems.add(sat, "satisfied levels must lie in 0..63");
        else
            s.satisfied_mask |= std::uint64_t(1) << level;
    }
    // Top-level weights: on the dimensions, in `weights`, or from `ahp` — one of them.
    const int sources = (dims_weighted ? 1 : 0) + (weights ? 1 : 0) + (ahp ? 1 : 0);
    if (sources > 1)
        problems.add(at, "give the dimensions' weights one way: on each dimension, in weights, "
                         "or as an ahp matrix");
    else if (weights && !s.dimensions.empty()) {
        const std::string wat = pointer_join(at, "weights");
        if (!weights->is_object()) {
            problems.add(wat, "expected an object from dimensions to weights");
        } else {
            for (const auto& [dim, w] : weights->items()) {
                auto it =
                    std::find_if(s.dimensions.begin(), s.dimensions.end(),
                                 [&wanted = dim](const Indicator& d) { return d.name == wanted; });
                if (it == s.dimensions.end())
                    problems.add(pointer_join(wat, dim),
                                 "no dimension named " + quote(dim) + " in this survey");
                else if (auto x = read_weight(w, pointer_join(wat, dim), problems))
                    it->weight = *x;
            }
            for (const auto& d : s.dimensions)
                if (!d.name.empty() && !weights->contains(d.name))
                    problems.add(wat, "no weight for dimension " + quote(d.name));
        }
    } else if (ahp && !s.dimensions.empty()) {
        std::vector<std::string> dimension_names;
        for (const Indicator& d : s.dimensions)
            dimension_names.push_back(d.name);
        s.ahp = read_ahp(*ahp, pointer_join(at, "ahp"), dimension_names, "dimensions", problems,
                         warnings);
        for (std::size_t i = 0; s.ahp && i < s.dimensions.size(); ++i)
            s.dimensions[i].weight = s.ahp->weights[i];
    }
    set_scale(s.dimensions, s.scale);
    if (problems.empty() && !s.dimensions.empty()) {
        try {
            s.items = satisfaction::global_weights(s.dimensions);
            normalise(s.dimensions);
        } catch (const error& e) {
            problems.add(pointer_join(at, "dimensions"), e.what());
        }
    }
    return s;
}

} // namespace

std::vector<Survey> read_surveys(const Json& v, Problems& problems,
                                 std::vector<Warning>& warnings) {
    std::vector<Survey> out;
    const std::string base = "/surveys";
    if (!v.is_object()) {
        problems.add(base, "expected an object from survey names to surveys");
        return out;
    }
    if (v.size() > max_surveys) {
        problems.add(base, "more than 64 surveys");
        return out;
    }
    for (const auto& [name, s] : v.items()) {
        const std::string at = pointer_join(base, name);
        if (!s.is_object()) {
            problems.add(at, "expected a survey object");
            continue;
        }
        out.push_back(read_survey(name, s, at, problems, warnings));
    }
    return out;
}

namespace {
// Built in place: a temporary tree would allocate as it is destroyed (see detail::dispose).
void indicator_json(Json& j, const Indicator& d) {
    j = Json::object();
    j["name"] = d.name;
    j["weight"] = d.weight;
    if (!d.children.empty()) {
        Json& items = j["items"];
        items = Json::array();
        for (const auto& c : d.children)
            indicator_json(items.emplace_back(), c);
    }
}
} // namespace

// AHP weights from a profile's judgements (`v`: a matrix, or {matrix, ri_table, method,
// description}) over `names` in order (`what` names them in messages: "dimensions",
// "metrics"); problems go to `problems`, an inconsistent matrix to `warnings`. Empty when the
// judgements are unusable.
std::optional<satisfaction::Ahp> read_ahp(const Json& v, const std::string& at,
                                          const std::vector<std::string>& names, const char* what,
                                          Problems& problems, std::vector<Warning>& warnings) {
    const Json* matrix = &v;
    satisfaction::RiTable table = satisfaction::RiTable::saaty1980;
    satisfaction::AhpMethod method = satisfaction::AhpMethod::eigen;
    std::string mat = at;
    if (v.is_object()) {
        matrix = nullptr;
        for (const auto& [key, value] : v.items()) {
            const std::string kat = pointer_join(at, key);
            if (key == "matrix") {
                matrix = &value;
                mat = kat;
            } else if (key == "ri_table") {
                auto t = value.is_string()
                             ? satisfaction::ri_table_from_name(value.get<std::string>())
                             : std::nullopt;
                if (t)
                    table = *t;
                else
                    problems.add(kat, "expected a random-index table: saaty1980, saaty2005, "
                                      "donegan_dodd or alonso_lamata");
            } else if (key == "method") {
                // Not `value == "eigen"`: nlohmann's comparison is noexcept and builds a value
                // from the literal, so an allocation failure there would terminate.
                const std::string_view text =
                    value.is_string() ? std::string_view(value.get_ref<const std::string&>()) : "";
                if (text == "eigen")
                    method = satisfaction::AhpMethod::eigen;
                else if (text == "geometric")
                    method = satisfaction::AhpMethod::geometric;
                else
                    problems.add(kat, "expected a method: eigen or geometric");
            } else if (key != "description") {
                problems.add(kat, "unknown key; expected matrix, ri_table, method or description");
            }
        }
        if (!matrix) {
            problems.add(at, "an AHP object needs a matrix");
            return std::nullopt;
        }
    }
    const std::size_t n = names.size();
    if (!matrix->is_array() || matrix->size() != n) {
        problems.add(mat, "expected a " + std::to_string(n) + "x" + std::to_string(n) +
                              " pairwise-comparison matrix, a row for each of the " + what);
        return std::nullopt;
    }
    std::vector<double> cells(n * n, 0);
    bool shaped = true;
    for (std::size_t i = 0; i < n; ++i) {
        const Json& row = (*matrix)[i];
        if (!row.is_array() || row.size() != n) {
            problems.add(pointer_join(mat, i),
                         "expected a row of " + std::to_string(n) + " numbers");
            shaped = false;
            continue;
        }
        for (std::size_t j = 0; j < n; ++j) {
            if (!row[j].is_number()) {
                problems.add(pointer_join(pointer_join(mat, i), j), "expected a number");
                shaped = false;
            } else {
                cells[i * n + j] = row[j].get<double>();
            }
        }
    }
    if (!shaped)
        return std::nullopt;
    std::optional<satisfaction::Ahp> out;
    try {
        out = satisfaction::ahp(cells.data(), n, table, method);
    } catch (const error& e) {
        // The message names the cell "(i, j)"; point at it when it does.
        std::string where = mat;
        const std::string m = e.what();
        const auto open = m.find('(');
        std::size_t i = 0, j = 0;
        if (open != std::string::npos && std::sscanf(m.c_str() + open, "(%zu, %zu)", &i, &j) == 2 &&
            i < n && j < n)
            where = pointer_join(pointer_join(mat, i), j);
        problems.add(where, m);
        return std::nullopt;
    }
    if (!out->consistent) {
        std::string msg = "the judgements contradict each other: consistency ratio " +
                          std::to_string(out->cr) + " (" + out->table_name + "), 0.10 or more";
        if (out->worst)
            msg += "; the judgement of " + quote(names[out->worst->first]) + " against " +
                   quote(names[out->worst->second]) + " contributes most";
        warnings.push_back({mat, msg});
    }
    return out;
}

void ahp_json(Json& a, const satisfaction::Ahp& ahp) {
    a = Json::object();
    a["weights"] = ahp.weights;
    a["lambda_max"] = ahp.lambda_max;
    a["ci"] = ahp.ci;
    a["ri"] = ahp.ri;
    a["cr"] = ahp.cr;
    a["consistent"] = ahp.consistent;
    a["ri_table"] = ahp.table_name;
    a["method"] = ahp.method == satisfaction::AhpMethod::eigen ? "eigen" : "geometric";
    if (ahp.worst) {
        Json& w = a["worst"];
        w = Json::array();
        w.push_back(ahp.worst->first);
        w.push_back(ahp.worst->second);
    }
}

} // namespace detail

std::string Survey::to_json() const {
    using detail::Json;
    Json j = Json::object();
    const detail::DisposeOnExit guard(j);
    j["name"] = name;
    j["description"] = description;
    j["instrument"] = instrument;
    Json& s = j["scale"];
    s = Json::array();
    s.push_back(scale.lowest);
    s.push_back(scale.highest);
    j["overall"] = overall;
    Json& sat = j["satisfied"];
    sat = Json::array();
    for (int level = 0; level < 64; ++level)
        if ((satisfied_mask >> level) & 1)
            sat.push_back(level);
    // Local weights, normalised among siblings.
    Json& dims = j["dimensions"];
    dims = Json::array();
    for (const auto& d : dimensions)
        detail::indicator_json(dims.emplace_back(), d);
    Json& leaves = j["items"];
    leaves = Json::array();
    for (const auto& it : items) {
        Json& leaf = leaves.emplace_back(Json::object());
        leaf["path"] = it.path;
        leaf["weight"] = it.global_weight;
    }
    if (ahp)
        detail::ahp_json(j["ahp"], *ahp);
    return j.dump();
}

PLAINT_END_NAMESPACE
