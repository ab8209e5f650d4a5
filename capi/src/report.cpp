// The shim of plaint/c/report.h over plaint/report.hpp. The monthly report of a ledger: JSON, CSV,
// HTML and its files.
#include "shim.hpp"

using namespace plaint_shim;

namespace {

// The report's options and survey responses from the C options (NULL: every default).
struct ReportInput {
    plaint::ReportOptions options;
    plaint::SurveyResponses surveys;
    bool has_surveys = false;
};

ReportInput report_input(const plaint_report_options* o) {
    ReportInput in;
    if (!o)
        return in;
    check_size(o);
    if (o->month)
        in.options.month = o->month;
    if (o->timezone)
        in.options.timezone = o->timezone;
    if (o->has_as_of)
        in.options.as_of = o->as_of;
    if (o->confidence != 0.0)
        in.options.confidence = o->confidence;
    if (o->csat_target != 0.0)
        in.options.csat_target = o->csat_target;
    if (o->top != 0)
        in.options.top = o->top;
    in.has_surveys = surveys_arg(o->surveys, o->survey_lens, o->survey_count, in.surveys);
    return in;
}

plaint::MonthlyReport compute_report(const plaint_ledger* l, const plaint_report_options* o) {
    const plaint_ledger& h = ledger_arg(l);
    const ReportInput in = report_input(o);
    return plaint::monthly_report(h.impl, in.options, in.has_surveys ? &in.surveys : nullptr);
}

} // namespace

extern "C" {

PLAINT_SIZED_INIT(plaint_report_options)

int plaint_ledger_report_json(const plaint_ledger* l, const plaint_report_options* options,
                              char** out) {
    return guard([&] {
        need(out, "out");
        *out = owned_copy(compute_report(l, options).to_json());
    });
}

int plaint_ledger_report_csv(const plaint_ledger* l, const plaint_report_options* options,
                             char** out) {
    return guard([&] {
        need(out, "out");
        *out = owned_copy(compute_report(l, options).to_csv());
    });
}

int plaint_ledger_report_html(const plaint_ledger* l, const plaint_report_options* options,
                              char** out) {
    return guard([&] {
        need(out, "out");
        *out = owned_copy(compute_report(l, options).to_html());
    });
}

int plaint_ledger_report_files(const plaint_ledger* l, const plaint_report_options* options,
                               const char* folder) {
    return guard([&] {
        need(folder, "folder");
        plaint::write_report_files(compute_report(l, options), folder);
    });
}

} // extern "C"
