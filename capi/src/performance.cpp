// The shim of plaint/c/performance.h over plaint/performance.hpp. Staff performance: the figures
// per handler or team of a ledger's cases over a period, with the surveys joined to them, and their
// scores by the profile's `performance` section, as JSON.
#include "shim.hpp"

#include "plaint/performance.hpp"

using namespace plaint_shim;

namespace {

// The C options as the C++ ones. No member is a default when zero (unlike the report's): the
// initialiser sets the defaults, and what the caller then stores is checked as given, by the core
// (from ≥ to, a confidence outside (0, 1) or NaN, an unknown grouping).
plaint::PerformanceOptions performance_input(const plaint_performance_options& o) {
    plaint::PerformanceOptions p;
    // Cast, not enum_arg: the core refuses a grouping that is neither, naming it.
    p.by = static_cast<plaint::StaffBy>(o.by);
    p.from = o.from;
    p.to = o.to;
    if (o.has_as_of)
        p.as_of = o.as_of;
    p.confidence = o.confidence;
    p.small_sample = o.small_sample;
    if (o.overall && *o.overall)
        p.overall = o.overall;
    return p;
}

// The checks and hand-over of both JSON calls: `compute(ledger, options, surveys)` gives the text.
template <class F>
int performance_call(const plaint_ledger* l, const plaint_performance_options* options, char** out,
                     F compute) {
    return guard([&] {
        const plaint_ledger& h = ledger_arg(l);
        need(options, "options");
        need(out, "out");
        check_size(options);
        const plaint::PerformanceOptions o = performance_input(*options);
        plaint::SurveyResponses surveys;
        const bool has_surveys =
            surveys_arg(options->surveys, options->survey_lens, options->survey_count, surveys);
        const plaint::SurveyResponses* joined = has_surveys ? &surveys : nullptr;
        *out = owned_copy(compute(h.impl, o, joined));
    });
}

} // namespace

extern "C" {

void plaint_performance_options_init(plaint_performance_options* o, size_t size) {
    if (!init_sized(o, size))
        return;
    // The defaults of the members the caller's struct has (all of them, in 0.7).
    if (PLAINT_COVERS(o, plaint_performance_options, by))
        o->by = PLAINT_STAFF_BY_HANDLER;
    if (PLAINT_COVERS(o, plaint_performance_options, confidence))
        o->confidence = 0.95;
    if (PLAINT_COVERS(o, plaint_performance_options, small_sample))
        o->small_sample = 30;
}

int plaint_ledger_performance_json(const plaint_ledger* l,
                                   const plaint_performance_options* options, char** out) {
    return performance_call(l, options, out, [](const auto&... args) {
        return plaint::to_json(plaint::staff_performance(args...));
    });
}

int plaint_ledger_performance_scores_json(const plaint_ledger* l,
                                          const plaint_performance_options* options, char** out) {
    return performance_call(l, options, out, [](const auto&... args) {
        return plaint::to_json(plaint::staff_scores(args...));
    });
}

} // extern "C"
