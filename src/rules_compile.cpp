// Compiling a rule set from its JSON form: conditions into nodes, rows' outputs, sections and
// their hit policies, every problem with its place; the warnings about rows that can never
// decide; and the JSON written back.
#include "plaint/people.hpp"
#include "plaint/rules.hpp"

#include "error_detail.hpp"
#include "fold.hpp"
#include "json_util.hpp"
#include "rules_impl.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

PLAINT_BEGIN_NAMESPACE
namespace detail {

namespace {

constexpr std::size_t max_rows = 10000;
constexpr std::size_t max_keywords = 10000;
constexpr std::size_t max_keyword_bytes = 256;
constexpr std::size_t max_keyword_total = 65536;
// The forms the keywords are matched in (src/fold.hpp): the matcher grows with them. Past this
// many bytes of forms, a keyword is matched in its fold only (a warning says from where), so the
// forms stay under 196,608 bytes at the limits of the keywords.
constexpr std::size_t max_form_total = 131072;

// Whether condition `c` of an earlier row holds whenever all of `later`'s top-level conditions
// hold: a condition of the later row on the same field that is at least as strict. Only simple
// tests are compared; anything else (any, not, nested groups) counts as not implied, so the
// check never warns wrongly.
bool implied(const RuleSetImpl& impl, const Node& c, const Node& later) {
    auto ids = [&impl](const Node& n) {
        std::vector<std::uint32_t> v(impl.lists.begin() + n.begin, impl.lists.begin() + n.end);
        std::sort(v.begin(), v.end());
        return v;
    };
    auto subset = [](const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
        return std::includes(b.begin(), b.end(), a.begin(), a.end());
    };
    for (std::uint32_t i = later.begin; i < later.end; ++i) {
        const Node& l = impl.nodes[impl.lists[i]];
        if (l.op != c.op)
            continue;
        switch (c.op) {
        case Op::enum_set:
            if (l.field == c.field && (l.mask & ~c.mask) == 0)
                return true;
            break;
        case Op::int_range:
            if (l.field == c.field && l.lo >= c.lo && l.hi <= c.hi)
                return true;
            break;
        case Op::real_range: {
            const bool lo_ok = l.dlo > c.dlo || (l.dlo == c.dlo && (l.lo_strict || !c.lo_strict));
            const bool hi_ok = l.dhi < c.dhi || (l.dhi == c.dhi && (l.hi_strict || !c.hi_strict));
            if (lo_ok && hi_ok)
                return true;
            break;
        }
        case Op::kw_any:
        case Op::tags_any:
        case Op::missed_any:
            if (l.begin != l.end && subset(ids(l), ids(c))) // each of the later's is one of these
                return true;
            break;
        case Op::kw_all:
        case Op::kw_none:
        case Op::tags_all:
        case Op::tags_none:
            if (subset(ids(c), ids(l)))
                return true;
            break;
        case Op::pattern:
        case Op::received:
            if (l.field == c.field && l.text == c.text)
                return true;
            break;
        default:
            break;
        }
    }
    return false;
}

// Whether `earlier` matches every complaint `later` matches, read off their top-level tests.
bool subsumes(const RuleSetImpl& impl, const Row& earlier, const Row& later) {
    const Node& e = impl.nodes[earlier.root];
    const Node& l = impl.nodes[later.root];
    if (e.op != Op::all || l.op != Op::all)
        return false;
    for (std::size_t f = 0; f < 5; ++f) // quick test on the enumerations first
        if ((later.enums[f] & ~earlier.enums[f]) != 0)
            return false;
    for (std::uint32_t i = e.begin; i < e.end; ++i)
        if (!implied(impl, impl.nodes[impl.lists[i]], l))
            return false;
    return true;
}
} // namespace

} // namespace detail

using detail::Hit;
using detail::JsonPath;
using detail::JsonView;
using detail::Node;
using detail::Op;

namespace {

class Compiler {
public:
    Compiler(detail::RuleSetImpl& impl, detail::Problems& problems,
             const std::map<std::string, Calendar, std::less<>>* calendars)
        : impl_(impl), problems_(problems), calendars_(calendars) {}

    std::uint32_t add(Node n) {
        impl_.nodes.push_back(std::move(n));
        return static_cast<std::uint32_t>(impl_.nodes.size() - 1);
    }

    // A condition object: its keys are ANDed.
    std::uint32_t condition(JsonView v, const JsonPath& at, int depth) {
        Node all;
        all.op = Op::all;
        all.text = "all";
        if (depth > 16) {
            problem(at, "conditions nest deeper than 16 levels");
            return add(all);
        }
        if (!v.is_object()) {
            problem(at, "expected a condition object");
            return add(all);
        }
        std::vector<std::uint32_t> children;
        for (JsonView value : v) {
            const JsonPath kat(at, value.key());
            if (auto c = one(value.key(), value, kat, depth))
                children.push_back(*c);
        }
        // Cheap tests first: a row that fails on its channel never pays for a keyword scan.
        std::stable_sort(children.begin(), children.end(),
                         [this](std::uint32_t a, std::uint32_t b) {
                             return cost(impl_.nodes[a].op) < cost(impl_.nodes[b].op);
                         });
        return group(Op::all, std::move(all.text), children);
    }

    static int cost(Op op) {
        switch (op) {
        case Op::enum_set:
        case Op::int_range:
        case Op::real_range:
            return 0;
        case Op::received:
        case Op::pattern:
            return 1;
        case Op::tags_any:
        case Op::tags_all:
        case Op::tags_none:
        case Op::missed_any:
            return 2;
        case Op::kw_any:
        case Op::kw_all:
        case Op::kw_none:
            return 3;
        default:
            return 4;
        }
    }

    std::uint32_t group(Op op, std::string text, const std::vector<std::uint32_t>& children) {
        Node n;
        n.op = op;
        n.text = std::move(text);
        n.begin = static_cast<std::uint32_t>(impl_.lists.size());
        impl_.lists.insert(impl_.lists.end(), children.begin(), children.end());
        n.end = static_cast<std::uint32_t>(impl_.lists.size());
        return add(std::move(n));
    }

private:
    void problem(const JsonPath& at, const std::string& message) {
        problems_.add(at.str(), message);
    }

    std::optional<std::uint32_t> one(std::string_view key, JsonView value, const JsonPath& at,
                                     int depth) {
        for (std::uint8_t i = 0; i < 5; ++i)
            if (key == detail::field_names[i])
                return enum_set(i, value, at);
        for (std::uint8_t i = 0; i < 4; ++i)
            if (key == detail::int_names[i])
                return int_range(i, value, at);
        for (std::uint8_t i = 0; i < 3; ++i)
            if (key == detail::pattern_names[i])
                return pattern(i, value, at);
        if (key == "hours_since_received")
            return real_range(value, at);
        if (key == "tags")
            return set_test(value, at, false);
        if (key == "keywords")
            return set_test(value, at, true);
        if (key == "missed")
            return missed(value, at);
        if (key == "received")
            return received(value, at);
        if (key == "all" || key == "any") {
            if (!value.is_array() || value.empty()) {
                problem(at, "expected a non-empty list of conditions");
                return std::nullopt;
            }
            std::vector<std::uint32_t> children;
            for (std::size_t i = 0; i < value.size(); ++i)
                children.push_back(condition(value[i], JsonPath(at, i), depth + 1));
            return group(key == "all" ? Op::all : Op::any, std::string(key), children);
        }
        if (key == "not") {
            const std::uint32_t c = condition(value, at, depth + 1);
            return group(Op::not_, "not", {c});
        }
        problem(at, "unknown condition; expected channel, category, nature, severity, kind, "
                    "reporter_count, repeat_count, unsatisfied_visits, reopens, "
                    "hours_since_received, tags, keywords, missed, received, building, "
                    "unit, subcategory, all, any or not");
        return std::nullopt;
    }

    // A string or a non-empty list of them; views into the document, which outlives compiling.
    std::vector<std::string_view> strings(JsonView value, const JsonPath& at, const char* what) {
        std::vector<std::string_view> out;
        if (value.is_string()) {
            out.push_back(value.str());
        } else if (value.is_array() && !value.empty()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (value[i].is_string())
                    out.push_back(value[i].str());
                else
                    problem(JsonPath(at, i), std::string("expected ") + what);
            }
        } else {
            problem(at, std::string("expected ") + what + " or a non-empty list of them");
        }
        return out;
    }

    // Ends a node's text with its list: "a, b]".
    static void list_text(std::string& text, const std::vector<std::string_view>& items) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i)
                text += ", ";
            text += items[i];
        }
        text += ']';
    }

    std::optional<std::uint32_t> enum_set(std::uint8_t field, JsonView value, const JsonPath& at) {
        Node n;
        n.op = Op::enum_set;
        n.field = field;
        n.text = std::string(detail::field_names[field]) + " in [";
        const auto names = strings(value, at, "a name");
        for (std::size_t i = 0; i < names.size(); ++i) {
            auto code = enum_code(detail::enum_kinds[field], names[i]);
            if (!code) {
                problem(value.is_array() ? JsonPath(at, i) : at,
                        "unknown " + std::string(detail::field_names[field]) + " " +
                            detail::quote(names[i]) + "; expected one of " +
                            enum_names(detail::enum_kinds[field]));
                continue;
            }
            n.mask |= std::uint64_t(1) << *code;
            if (i)
                n.text += ", ";
            n.text += names[i];
        }
        n.text += "]";
        return add(std::move(n));
    }

    // {"gte": a, "lte": b, "gt", "lt", "eq", "between": [a, b]}, or a bare number for eq.
    bool bounds(JsonView value, const JsonPath& at, double& lo, double& hi, bool& lo_strict,
                bool& hi_strict, std::string& text) {
        lo = -std::numeric_limits<double>::infinity();
        hi = std::numeric_limits<double>::infinity();
        lo_strict = hi_strict = false;
        auto number = [&](JsonView v, const JsonPath& where, double& out) {
            if (!v.is_number()) {
                problem(where, "expected a number");
                return false;
            }
            out = v.number();
            return true;
        };
        if (value.is_number()) {
            number(value, at, lo);
            hi = lo;
            text += " = " + value.dump();
            return true;
        }
        if (!value.is_object() || value.empty()) {
            problem(at, "expected a number or an object with eq, gt, gte, lt, lte or between");
            return false;
        }
        bool ok = true;
        for (JsonView v : value) {
            const std::string_view op = v.key();
            const JsonPath oat(at, op);
            double x = 0;
            if (op == "between") {
                double a = 0, b = 0;
                if (!v.is_array() || v.size() != 2 || !number(v[0], oat, a) ||
                    !number(v[1], oat, b) || a > b) {
                    problem(oat, "expected [low, high] with low <= high");
                    ok = false;
                    continue;
                }
                lo = std::max(lo, a);
                hi = std::min(hi, b);
                text += " between [" + v[0].dump() + "," + v[1].dump() + "]";
            } else if (op == "eq" || op == "gt" || op == "gte" || op == "lt" || op == "lte") {
                if (!number(v, oat, x)) {
                    ok = false;
                    continue;
                }
                if (op == "eq") {
                    lo = std::max(lo, x);
                    hi = std::min(hi, x);
                } else if (op == "gt" || op == "gte") {
                    if (x >= lo) {
                        lo = x;
                        lo_strict = op == "gt";
                    }
                } else if (x <= hi) {
                    hi = x;
                    hi_strict = op == "lt";
                }
                text += ' ';
                text += op;
                text += ' ';
                text += v.dump();
            } else {
                problem(oat, "unknown comparison; expected eq, gt, gte, lt, lte or between");
                ok = false;
            }
        }
        return ok;
    }

    std::optional<std::uint32_t> int_range(std::uint8_t field, JsonView value, const JsonPath& at) {
        Node n;
        n.op = Op::int_range;
        n.field = field;
        n.text = detail::int_names[field];
        double lo, hi;
        bool ls, hs;
        if (!bounds(value, at, lo, hi, ls, hs, n.text))
            return std::nullopt;
        // Integers: a strict or fractional bound becomes the next whole number inside it.
        const double l = ls ? std::floor(lo) + 1 : std::ceil(lo);
        const double h = hs ? std::ceil(hi) - 1 : std::floor(hi);
        constexpr double big = 9.0e18;
        // Bounds past ±9e18 are clamped to the int64 ends (a lower bound above every integer
        // stays above every value a field holds; an upper one below, below): no cast overflows.
        const auto to_int = [](double x) {
            if (x < -big)
                return std::numeric_limits<std::int64_t>::min();
            if (x > big)
                return std::numeric_limits<std::int64_t>::max();
            return static_cast<std::int64_t>(x);
        };
        n.lo = to_int(l);
        n.hi = to_int(h);
        return add(std::move(n));
    }

    std::optional<std::uint32_t> real_range(JsonView value, const JsonPath& at) {
        Node n;
        n.op = Op::real_range;
        n.text = "hours_since_received";
        if (!bounds(value, at, n.dlo, n.dhi, n.lo_strict, n.hi_strict, n.text))
            return std::nullopt;
        return add(std::move(n));
    }

    static std::uint32_t intern(std::unordered_map<std::string, std::uint32_t>& ids,
                                std::string_view s) {
        auto [it, fresh] = ids.emplace(std::string(s), static_cast<std::uint32_t>(ids.size()));
        (void)fresh;
        return it->second;
    }

    std::uint32_t keyword(std::string_view k, const JsonPath& at) {
        if (k.empty() || k.size() > detail::max_keyword_bytes) {
            problem(at, "a keyword is 1 to 256 bytes");
            return 0;
        }
        // A keyword met before, written the same: its id (its forms are the same).
        if (const auto seen = keyword_as_written_.find(std::string(k));
            seen != keyword_as_written_.end())
            return seen->second;
        // One keyword per fold: every written form of a word (src/fold.hpp), or with folding
        // off, its bytes with Latin letters in lower case.
        std::vector<std::string> forms;
        std::string folded;
        if (impl_.fold_keywords) {
            forms = form_maker_.forms(k);
            if (forms.empty()) {
                problem(at, "the keyword folds to nothing (only characters matching ignores, "
                            "such as zero-width spaces or variation selectors)");
                return 0;
            }
            folded = forms.front();
        } else {
            forms.emplace_back(k);
            folded = std::string(k);
            for (char& c : folded)
                if (c >= 'A' && c <= 'Z')
                    c = static_cast<char>(c + ('a' - 'A'));
        }
        auto it = keyword_ids_.find(folded);
        if (it != keyword_ids_.end()) {
            keyword_as_written_.emplace(std::string(k), it->second);
            return it->second;
        }
        if (impl_.keywords.size() >= detail::max_keywords) {
            if (!keywords_over_) // once: every keyword after the limit is over it
                problem(at, "more than 10,000 distinct keywords");
            keywords_over_ = true;
            return 0;
        }
        // The automaton grows with the keywords' total length times the distinct bytes they
        // use: bound it, so a hostile rule set cannot ask for gigabytes.
        keyword_bytes_ += k.size();
        if (keyword_bytes_ > detail::max_keyword_total) {
            if (!keyword_bytes_over_)
                problem(at, "the keywords add up to more than 65,536 bytes");
            keyword_bytes_over_ = true;
            return 0;
        }
        // The forms are bounded too: past the budget a keyword is matched in its fold only.
        std::size_t bytes = 0;
        for (const auto& f : forms)
            bytes += f.size();
        if (forms.size() > 1 && form_bytes_ + bytes > detail::max_form_total) {
            if (!forms_cut_)
                impl_.warnings.push_back(
                    {at.str(), "the keywords' written forms pass 131,072 bytes: from here on "
                               "each keyword is matched in its fold only (simplified, half-width, "
                               "Latin letters in any case)"});
            forms_cut_ = true;
            forms.resize(1);
            bytes = forms.front().size();
        }
        form_bytes_ += bytes;
        impl_.keywords.emplace_back(k);
        impl_.forms.push_back(std::move(forms));
        const auto id = static_cast<std::uint32_t>(impl_.keywords.size() - 1);
        keyword_ids_.emplace(std::move(folded), id);
        keyword_as_written_.emplace(std::string(k), id);
        return id;
    }

    // {"any": [...], "all": [...], "none": [...]}, or a list meaning any.
    std::optional<std::uint32_t> set_test(JsonView value, const JsonPath& at, bool keywords) {
        const char* what = keywords ? "keywords" : "tags";
        std::vector<std::pair<std::string_view, JsonView>> parts;
        if (value.is_array() || value.is_string()) {
            parts.emplace_back("any", value);
        } else if (value.is_object() && !value.empty()) {
            for (JsonView v : value)
                parts.emplace_back(v.key(), v);
        } else {
            problem(at, std::string("expected a list of ") + what +
                            " or an object with any, all or none");
            return std::nullopt;
        }
        std::vector<std::uint32_t> children;
        for (const auto& [mode, v] : parts) {
            const JsonPath mat = value.is_object() ? JsonPath(at, mode) : at;
            Node n;
            if (mode == "any")
                n.op = keywords ? Op::kw_any : Op::tags_any;
            else if (mode == "all")
                n.op = keywords ? Op::kw_all : Op::tags_all;
            else if (mode == "none")
                n.op = keywords ? Op::kw_none : Op::tags_none;
            else {
                problem(mat, "unknown mode; expected any, all or none");
                continue;
            }
            n.text = what;
            n.text += ' ';
            n.text += mode;
            n.text += " of [";
            const auto items = strings(v, mat, keywords ? "a keyword" : "a tag");
            n.begin = static_cast<std::uint32_t>(impl_.lists.size());
            for (std::size_t i = 0, j = 0; i < items.size(); ++i) {
                if (!keywords) {
                    impl_.lists.push_back(intern(impl_.tag_ids, items[i]));
                } else if (!v.is_array()) {
                    impl_.lists.push_back(keyword(items[i], mat));
                } else { // a keyword's problems name its place in the list
                    while (!v[j].is_string())
                        ++j;
                    impl_.lists.push_back(keyword(items[i], JsonPath(mat, j++)));
                }
            }
            n.end = static_cast<std::uint32_t>(impl_.lists.size());
            list_text(n.text, items);
            children.push_back(add(std::move(n)));
        }
        if (children.size() == 1)
            return children.front();
        return group(Op::all, what, children);
    }

    std::optional<std::uint32_t> missed(JsonView value, const JsonPath& at) {
        Node n;
        n.op = Op::missed_any;
        n.text = "missed any of [";
        const auto names = strings(value, at, "an SLA target name");
        n.begin = static_cast<std::uint32_t>(impl_.lists.size());
        for (std::string_view name : names)
            impl_.lists.push_back(intern(impl_.missed_ids, name));
        n.end = static_cast<std::uint32_t>(impl_.lists.size());
        list_text(n.text, names);
        return add(std::move(n));
    }

    // {"in": "office"} or {"outside": "office"}: received within a calendar's hours, or not.
    std::optional<std::uint32_t> received(JsonView value, const JsonPath& at) {
        if (!value.is_object() || value.size() != 1 ||
            (!value.contains("in") && !value.contains("outside"))) {
            problem(at, "expected {\"in\": calendar} or {\"outside\": calendar}");
            return std::nullopt;
        }
        const bool inside = value.contains("in");
        const JsonView name = *value.find(inside ? "in" : "outside");
        const JsonPath nat(at, inside ? "in" : "outside");
        if (!name.is_string()) {
            problem(nat, "expected a calendar name");
            return std::nullopt;
        }
        const std::string cal(name.str());
        const Calendar* found = nullptr;
        if (calendars_) {
            auto it = calendars_->find(cal);
            if (it != calendars_->end())
                found = &it->second;
        }
        if (!found && cal != "24x7") {
            problem(nat, "undefined calendar " + detail::quote(cal));
            return std::nullopt;
        }
        Node n;
        n.op = Op::received;
        n.field = inside ? 1 : 0;
        n.begin = static_cast<std::uint32_t>(impl_.calendars.size());
        impl_.calendars.push_back(found ? *found : Calendar());
        n.text = std::string("received ") + (inside ? "in" : "outside") + " the hours of " + cal;
        return add(std::move(n));
    }

    std::optional<std::uint32_t> pattern(std::uint8_t field, JsonView value, const JsonPath& at) {
        Node n;
        n.op = Op::pattern;
        n.field = field;
        n.text = std::string(detail::pattern_names[field]) + " like [";
        const auto pats = strings(value, at, "a pattern");
        n.begin = static_cast<std::uint32_t>(impl_.lists.size());
        for (std::string_view p : pats) {
            impl_.patterns.emplace_back(p);
            impl_.lists.push_back(static_cast<std::uint32_t>(impl_.patterns.size() - 1));
        }
        n.end = static_cast<std::uint32_t>(impl_.lists.size());
        list_text(n.text, pats);
        return add(std::move(n));
    }

    detail::RuleSetImpl& impl_;
    detail::Problems& problems_;
    const std::map<std::string, Calendar, std::less<>>* calendars_;
    std::unordered_map<std::string, std::uint32_t> keyword_ids_;        // by fold
    std::unordered_map<std::string, std::uint32_t> keyword_as_written_; // by the bytes written
    detail::FormMaker form_maker_; // OpenCC's conversions, once per run of characters
    std::size_t keyword_bytes_ = 0, form_bytes_ = 0;
    bool keywords_over_ = false, keyword_bytes_over_ = false, forms_cut_ = false;
};

void read_outputs(JsonView v, const JsonPath& at, detail::Row& row, detail::Problems& problems) {
    if (!v.is_object()) {
        problems.add(at.str(), "expected an object of outputs");
        return;
    }
    for (JsonView value : v) {
        const std::string_view key = value.key();
        const JsonPath kat(at, key);
        if (key == "nature")
            row.nature = detail::read_enum<Nature>(value, kat, problems);
        else if (key == "severity")
            row.severity = detail::read_enum<Severity>(value, kat, problems);
        else if (key == "escalate_to")
            row.escalate_to = detail::read_enum<Role>(value, kat, problems);
        else if (key == "visit_method")
            row.visit_method = detail::read_enum<VisitMethod>(value, kat, problems);
        else if (key == "kind")
            row.kind = detail::read_enum<Kind>(value, kat, problems);
        else if (key == "team") {
            if (!value.is_string()) {
                problems.add(kat.str(), "expected a team id");
                continue;
            }
            try {
                validate_staff_id(value.str(), "a team");
                row.team = std::string(value.str());
            } catch (const error& e) {
                problems.add(kat.str(), e.what());
            }
        } else if (key == "sla_policy") {
            if (value.is_string() && !value.str().empty())
                row.sla_policy = std::string(value.str());
            else
                problems.add(kat.str(), "expected a policy name");
        } else if (key == "tags") {
            if (!value.is_array()) {
                problems.add(kat.str(), "expected a list of tags");
                continue;
            }
            for (std::size_t i = 0; i < value.size(); ++i) {
                if (value[i].is_string() && !value[i].str().empty() &&
                    value[i].str().size() <= Limits::tag)
                    row.tags.emplace_back(value[i].str());
                else
                    problems.add(JsonPath(kat, i).str(), "expected a tag of 1 to 64 bytes");
            }
        } else {
            problems.add(kat.str(), "unknown output; expected nature, severity, sla_policy, "
                                    "escalate_to, visit_method, kind, team or tags");
        }
    }
}

} // namespace

RuleSet::RuleSet() : impl_(std::make_shared<const detail::RuleSetImpl>()) {}
RuleSet::RuleSet(std::shared_ptr<const detail::RuleSetImpl> impl) : impl_(std::move(impl)) {}

RuleSet RuleSet::from_json(std::string_view text) {
    static const std::map<std::string, Calendar, std::less<>> none;
    return from_json(text, none);
}

RuleSet RuleSet::from_json(std::string_view text,
                           const std::map<std::string, Calendar, std::less<>>& calendars) {
    // Rows are counted while the text is parsed: a document of far too many is refused at the
    // first one over, before the rest is read.
    detail::JsonLimits limits;
    limits.max_values = detail::max_document_values;
    limits.max_key_bytes = detail::max_document_key_bytes;
    limits.counts.push_back({"/sections/*/rows/*", detail::max_rows, "more than 10,000 rows"});
    const detail::JsonTree tree = detail::parse_json_tree(text, limits, "rule set");
    const JsonView doc(tree);
    auto impl = std::make_shared<detail::RuleSetImpl>();
    detail::Problems problems;
    Compiler compile(*impl, problems, &calendars);
    if (!doc.is_object()) {
        problems.add("", "expected an object with sections");
        problems.throw_if_any("rule set");
    }
    // row id -> (section, row) of its first use
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> ids;
    const JsonPath root;
    // Read first: keywords are compiled as the sections are read.
    if (const auto fold = doc.find("fold_keywords")) {
        if (fold->is_boolean())
            impl->fold_keywords = fold->boolean();
        else
            problems.add("/fold_keywords", "expected true or false");
    }
    for (JsonView value : doc) {
        if (value.key() == "fold_keywords")
            continue;
        if (value.key() == "repeat_window_days") {
            // Whole days, 1 to 10 years: a window the rules can reason about and a ledger can
            // index; fractions of a day would invite time-zone questions nobody asked.
            const double days = value.is_number() ? value.number() : 0;
            if (!value.is_number() || days != std::floor(days) || days < 1 || days > 3650)
                problems.add("/repeat_window_days", "expected a whole number of days, 1 to 3650");
            else
                impl->repeat_window = static_cast<Duration>(days) * 86400;
            continue;
        }
        if (value.key() != "sections") {
            problems.add(JsonPath(root, value.key()).str(),
                         "unknown key; expected sections, repeat_window_days or fold_keywords");
            continue;
        }
        if (!value.is_array()) {
            problems.add("/sections", "expected a list of sections");
            continue;
        }
        const JsonPath sections(root, "sections");
        for (std::size_t si = 0; si < value.size(); ++si) {
            const JsonPath sat(sections, si);
            const JsonView sv = value[si];
            detail::Section section;
            if (!sv.is_object()) {
                problems.add(sat.str(), "expected a section object");
                continue;
            }
            for (JsonView svalue : sv) {
                const std::string_view skey = svalue.key();
                const JsonPath kat(sat, skey);
                if (skey == "name") {
                    if (svalue.is_string())
                        section.name = std::string(svalue.str());
                    else
                        problems.add(kat.str(), "expected a string");
                } else if (skey == "hit") {
                    const std::string_view h = svalue.is_string() ? svalue.str() : "";
                    if (h == "first")
                        section.hit = Hit::first;
                    else if (h == "collect")
                        section.hit = Hit::collect;
                    else if (h == "priority")
                        section.hit = Hit::priority;
                    else
                        problems.add(kat.str(),
                                     "expected a hit policy: first, collect or priority");
                } else if (skey == "rows") {
                    if (!svalue.is_array()) {
                        problems.add(kat.str(), "expected a list of rows");
                        continue;
                    }
                    section.rows.reserve(std::min(svalue.size(), detail::max_rows));
                    for (std::size_t ri = 0; ri < svalue.size(); ++ri) {
                        const JsonPath rat(kat, ri);
                        const JsonView rv = svalue[ri];
                        if (++impl->row_count > detail::max_rows) {
                            problems.add(rat.str(), "more than 10,000 rows");
                            break;
                        }
                        if (!rv.is_object()) {
                            problems.add(rat.str(), "expected a row object");
                            continue;
                        }
                        detail::Row row;
                        bool has_when = false, has_then = false;
                        for (JsonView rval : rv) {
                            const std::string_view rkey = rval.key();
                            const JsonPath at(rat, rkey);
                            if (rkey == "id") {
                                if (rval.is_string() && !rval.str().empty())
                                    row.id = std::string(rval.str());
                                else
                                    problems.add(at.str(), "expected a non-empty id");
                            } else if (rkey == "when") {
                                has_when = true;
                                row.root = compile.condition(rval, at, 0);
                            } else if (rkey == "then") {
                                has_then = true;
                                read_outputs(rval, at, row, problems);
                            } else if (rkey != "description") {
                                problems.add(at.str(), "unknown key; expected id, when, then or "
                                                       "description");
                            }
                        }
                        if (row.id.empty())
                            row.id = section.name + "#" + std::to_string(ri + 1);
                        if (auto [first, fresh] = ids.emplace(row.id, std::make_pair(si, ri));
                            !fresh)
                            problems.add(rat.str() + "/id",
                                         "duplicate row id " + detail::quote(row.id) +
                                             "; first used at /sections/" +
                                             std::to_string(first->second.first) + "/rows/" +
                                             std::to_string(first->second.second));
                        if (!has_when)
                            row.root = compile.group(Op::all, "always", {});
                        {
                            const Node& root_node = impl->nodes[row.root];
                            for (std::uint32_t i = root_node.begin; i < root_node.end; ++i) {
                                const Node& c = impl->nodes[impl->lists[i]];
                                if (c.op == Op::enum_set)
                                    row.enums[c.field] &= c.mask;
                                else if (c.op == Op::int_range && c.field == 0) {
                                    row.reporters_lo = std::max(row.reporters_lo, c.lo);
                                    row.reporters_hi = std::min(row.reporters_hi, c.hi);
                                } else if (c.op == Op::int_range && c.field == 1) {
                                    row.repeats_lo = std::max(row.repeats_lo, c.lo);
                                    row.repeats_hi = std::min(row.repeats_hi, c.hi);
                                }
                            }
                        }
                        if (!has_then)
                            problems.add(rat.str(), "a row needs outputs (then)");
                        if (section.hit == Hit::first && !section.rows.empty()) {
                            // Under first hit, a row is never used when an earlier row matches
                            // whenever it does: compared with the 256 rows before it.
                            const detail::Row* shadow = nullptr;
                            const std::size_t from =
                                section.rows.size() > 256 ? section.rows.size() - 256 : 0;
                            for (std::size_t e = from; e < section.rows.size() && !shadow; ++e)
                                if (detail::subsumes(*impl, section.rows[e], row))
                                    shadow = &section.rows[e];
                            const Node& prev = impl->nodes[section.rows.back().root];
                            if (prev.op == Op::all && prev.begin == prev.end)
                                impl->warnings.push_back(
                                    {rat.str(), "unreachable: the row before it always matches"});
                            else if (shadow)
                                impl->warnings.push_back(
                                    {rat.str(), "unreachable: row " + detail::quote(shadow->id) +
                                                    " before it matches every complaint it "
                                                    "matches"});
                        }
                        section.rows.push_back(std::move(row));
                    }
                } else if (skey != "description") {
                    problems.add(kat.str(), "unknown key; expected name, hit, rows or description");
                }
            }
            if (section.hit == Hit::priority)
                for (std::size_t ri = 0; ri < section.rows.size(); ++ri)
                    if (!section.rows[ri].severity)
                        problems.add(sat.str() + "/rows/" + std::to_string(ri) + "/then",
                                     "a row under the priority hit policy needs a severity");
            if (section.rows.empty())
                impl->warnings.push_back({sat.str(), "the section has no rows"});
            impl->sections.push_back(std::move(section));
        }
    }
    if (!problems.empty()) {
        const detail::PositionIndex index(text);
        problems.throw_if_any("rule set", &index);
    }
    impl->matcher = detail::KeywordMatcher::with_forms(std::move(impl->forms));
    impl->forms.clear();
    impl->build_tables();
    detail::build_prefilter(*impl);
    for (auto& s : impl->sections)
        for (auto& r : s.rows)
            r.tag_views.assign(r.tags.begin(), r.tags.end());
    // The text as given; to_json() writes it out normalised when asked.
    impl->source = std::string(text);
    return RuleSet(std::move(impl));
}

std::string RuleSet::to_json() const {
    if (impl_->source.empty())
        return R"({"sections":[]})";
    // Normalised on demand (compact, keys sorted): compiling never pays for it.
    const detail::JsonTree tree =
        detail::parse_json_tree(impl_->source, detail::JsonLimits{}, "rule set");
    return detail::JsonView(tree).dump();
}

PLAINT_END_NAMESPACE
