// The shim of plaint/c/rules.h over plaint/rules.hpp. Classification by a profile's rules:
// decisions and their explanations, one or many.
#include "shim.hpp"

using namespace plaint_shim;

namespace {

// Decisions k rows long, written to the caller's columns from row base on.
void write_decisions(const plaint::Decision* d, std::size_t base, std::size_t k,
                     int32_t* nature_out, int32_t* severity_out, int32_t* escalate_to_out,
                     int32_t* visit_method_out, int32_t* kind_out) {
    for (std::size_t j = 0; j < k; ++j) {
        const std::size_t i = base + j;
        if (nature_out)
            nature_out[i] =
                d[j].nature ? static_cast<int32_t>(*d[j].nature) : PLAINT_NATURE_UNJUDGED;
        if (severity_out)
            severity_out[i] =
                d[j].severity ? static_cast<int32_t>(*d[j].severity) : PLAINT_SEVERITY_UNSET;
        if (escalate_to_out)
            escalate_to_out[i] = role_code(d[j].escalate_to);
        if (visit_method_out)
            visit_method_out[i] =
                d[j].visit_method ? static_cast<int32_t>(*d[j].visit_method) : PLAINT_VISIT_NONE;
        if (kind_out)
            kind_out[i] = d[j].kind ? static_cast<int32_t>(*d[j].kind) : 0;
    }
}

// The stated kind of row i: none for a 0, and for a caller's struct older than the column.
std::optional<plaint::Kind> kind_row(const plaint_facts_columns* in, std::size_t i) {
    if (!PLAINT_COVERS(in, plaint_facts_columns, kind) || !in->kind || in->kind[i] == 0)
        return std::nullopt;
    return enum_arg<plaint::Kind>(in->kind[i]);
}

int classify_many(const plaint_profile* p, const plaint_facts_columns* in, int32_t* nature_out,
                  int32_t* severity_out, int32_t* escalate_to_out, int32_t* visit_method_out,
                  int32_t* kind_out) {
    return guard([&] {
        need(p, "profile");
        need(in, "in");
        check_size(in);
        // Rows go through in chunks of Facts and Decisions kept per thread: classifying
        // allocates nothing once they have grown to their size (rules.hpp).
        constexpr std::size_t chunk = 512;
        thread_local std::vector<plaint::Facts> facts(chunk);
        thread_local std::vector<plaint::Decision> decisions(chunk);
        const auto text = [](const char* const* column, std::size_t row) {
            return column && column[row] ? std::string_view(column[row]) : std::string_view();
        };
        for (std::size_t base = 0; base < in->count; base += chunk) {
            const std::size_t k = std::min(chunk, in->count - base);
            std::size_t i = base;
            try {
                for (; i < base + k; ++i) {
                    plaint::Facts& f = facts[i - base];
                    f.channel = in->channel ? enum_arg<plaint::Channel>(in->channel[i])
                                            : plaint::Channel::other;
                    f.category = in->category ? enum_arg<plaint::Category>(in->category[i])
                                              : plaint::Category::other;
                    f.nature = in->nature ? enum_arg<plaint::Nature>(in->nature[i])
                                          : plaint::Nature::unjudged;
                    f.severity = in->severity ? enum_arg<plaint::Severity>(in->severity[i])
                                              : plaint::Severity::unset;
                    f.kind = kind_row(in, i);
                    f.reporter_count = in->reporter_count ? in->reporter_count[i] : 1;
                    f.repeat_count = in->repeat_count ? in->repeat_count[i] : 0;
                    f.hours_since_received =
                        in->hours_since_received ? in->hours_since_received[i] : 0;
                    f.content = text(in->content, i);
                    f.building = text(in->building, i);
                    f.unit = text(in->unit, i);
                    f.received = in->received ? in->received[i] : 0;
                    f.check(); // as plaint_complaint_* checks each field
                }
            } catch (const plaint::error& e) {
                // Rows before the bad one are classified and written, as documented.
                p->impl.classify_many(facts.data(), i - base, decisions.data());
                write_decisions(decisions.data(), base, i - base, nature_out, severity_out,
                                escalate_to_out, visit_method_out, kind_out);
                throw plaint::error(e.code(), "at row " + std::to_string(i) + ": " + e.what());
            }
            p->impl.classify_many(facts.data(), k, decisions.data());
            write_decisions(decisions.data(), base, k, nature_out, severity_out, escalate_to_out,
                            visit_method_out, kind_out);
        }
    });
}

} // namespace

extern "C" {

int plaint_profile_classify(const plaint_profile* p, const plaint_complaint* c, int64_t at,
                            const char* policy, plaint_decision** out) {
    return guard([&] {
        need(p, "profile");
        need(c, "complaint");
        need(out, "out");
        const std::string_view name = policy ? std::string_view(policy) : std::string_view();
        // Profile::facts counts no missed targets for a policy it does not know; a typo in a
        // caller's policy name is better reported than silently ignored.
        if (!name.empty() && !p->impl.policies().find(name))
            throw plaint::error(plaint::errc::not_found,
                                "no SLA policy named '" + std::string(name) + "' in the profile");
        const plaint::Facts facts = p->impl.facts(c->impl, at, name);
        auto d =
            std::make_unique<plaint_decision>(plaint_decision{p->impl, {}, {}, {}, {}, {}, {}});
        p->impl.classify(facts, d->decision);
        if (d->decision.sla_policy)
            d->sla_policy = std::string(*d->decision.sla_policy);
        if (d->decision.team)
            d->team = std::string(*d->decision.team);
        d->tags.assign(d->decision.tags.begin(), d->decision.tags.end());
        d->matched.assign(d->decision.matched.begin(), d->decision.matched.end());
        d->explanation = p->impl.rules().explain(facts);
        *out = d.release();
    });
}

void plaint_decision_free(plaint_decision* d) {
    delete d;
}

#define PLAINT_DECISION_GETTER(name, type, expr)                                                   \
    int plaint_decision_##name(const plaint_decision* d, type* out) {                              \
        return guard([&] {                                                                         \
            const plaint_decision& k = *need(d, "decision");                                       \
            *need(out, "out") = (expr);                                                            \
        });                                                                                        \
    }

PLAINT_DECISION_GETTER(nature, int32_t,
                       k.decision.nature ? static_cast<int32_t>(*k.decision.nature)
                                         : PLAINT_NATURE_UNJUDGED)
PLAINT_DECISION_GETTER(severity, int32_t,
                       k.decision.severity ? static_cast<int32_t>(*k.decision.severity)
                                           : PLAINT_SEVERITY_UNSET)
PLAINT_DECISION_GETTER(escalate_to, int32_t, role_code(k.decision.escalate_to))
PLAINT_DECISION_GETTER(visit_method, int32_t,
                       k.decision.visit_method ? static_cast<int32_t>(*k.decision.visit_method)
                                               : PLAINT_VISIT_NONE)
PLAINT_DECISION_GETTER(kind, int32_t, k.decision.kind ? static_cast<int32_t>(*k.decision.kind) : 0)
PLAINT_DECISION_GETTER(sla_policy, const char*,
                       k.decision.sla_policy ? k.sla_policy.c_str() : nullptr)
PLAINT_DECISION_GETTER(tag_count, size_t, k.tags.size())
PLAINT_DECISION_GETTER(matched_count, size_t, k.matched.size())
#undef PLAINT_DECISION_GETTER

int plaint_decision_tag(const plaint_decision* d, size_t index, const char** out) {
    return guard([&] {
        need(d, "decision");
        need(out, "out");
        check_position(index, d->tags.size(), "tag index", "tags");
        *out = d->tags[index].c_str();
    });
}

int plaint_decision_matched(const plaint_decision* d, size_t index, const char** out) {
    return guard([&] {
        need(d, "decision");
        need(out, "out");
        check_position(index, d->matched.size(), "matched index", "rows");
        *out = d->matched[index].c_str();
    });
}

int plaint_decision_to_json(const plaint_decision* d, char** out) {
    return guard([&] {
        need(d, "decision");
        need(out, "out");
        *out = owned_copy(plaint::to_json(d->decision));
    });
}

int plaint_decision_explain_json(const plaint_decision* d, char** out) {
    return guard([&] {
        need(d, "decision");
        need(out, "out");
        *out = owned_copy(plaint::to_json(d->explanation));
    });
}

int plaint_profile_classify_many(const plaint_profile* p, const plaint_facts_columns* in,
                                 int32_t* nature_out, int32_t* severity_out,
                                 int32_t* escalate_to_out, int32_t* visit_method_out) {
    return classify_many(p, in, nature_out, severity_out, escalate_to_out, visit_method_out,
                         nullptr);
}

int plaint_profile_classify_many_v2(const plaint_profile* p, const plaint_facts_columns* in,
                                    int32_t* nature_out, int32_t* severity_out,
                                    int32_t* escalate_to_out, int32_t* visit_method_out,
                                    int32_t* kind_out) {
    return classify_many(p, in, nature_out, severity_out, escalate_to_out, visit_method_out,
                         kind_out);
}

} // extern "C"
