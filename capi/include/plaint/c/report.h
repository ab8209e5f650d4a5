/**
 * @file plaint/c/report.h
 * The monthly report of a ledger: JSON, CSV, HTML and its files.
 * The C mirror of plaint/report.hpp; part of plaint.h, the one header users include. Valid C99.
 */
#ifndef PLAINT_C_REPORT_H
#define PLAINT_C_REPORT_H

#include "plaint/c/ledger.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * What the monthly report is computed for. Initialise with PLAINT_REPORT_OPTIONS_INIT or
 * plaint_report_options_init(&o, sizeof o); zero and NULL members take their defaults. The
 * library reads only the members `size` covers. Since 0.5.
 */
typedef struct plaint_report_options {
    uint32_t size;        /**< sizeof(plaint_report_options) as the caller compiled it */
    const char* month;    /**< "YYYY-MM"; NULL or "": the month of the latest complaint */
    const char* timezone; /**< IANA name or POSIX TZ; NULL or "": the profile's zone */
    /** Survey responses: `survey_count` CSV documents (complaint_id, building, at, then one
     *  column a question; the form of examples/data/sample/surveys-*.csv), appended in order.
     *  Give the month's and the month before's for the change and the trend. */
    const char* const* surveys;
    const size_t* survey_lens; /**< their lengths (NULL: all NUL-terminated; or PLAINT_NTS) */
    size_t survey_count;
    int32_t has_as_of;  /**< non-zero: read the clocks at `as_of`, not at the month's end */
    int64_t as_of;      /**< UTC seconds */
    double confidence;  /**< of every interval, in (0, 1); 0: 0.95 */
    double csat_target; /**< the satisfaction target, in (0, 1]; 0: 0.85 */
    uint32_t top;       /**< main issues listed; 0: 10 */
} plaint_report_options;

/** Zero-initialised plaint_report_options with its size set: every default. Since 0.5. */
#define PLAINT_REPORT_OPTIONS_INIT                                                                 \
    { sizeof(plaint_report_options), NULL, NULL, NULL, NULL, 0, 0, 0, 0.0, 0.0, 0 }
/** Zeroes `size` bytes at `o` and stores `size` in `o->size` (pass `sizeof *o`). NULL, or a size
 *  too small for the `size` field, is a no-op. Since 0.5. */
PLAINT_API void plaint_report_options_init(plaint_report_options* o, size_t size);

/**
 * The monthly report (DOMAIN.md §4–6) of the ledger as JSON: two-space indent, keys in a fixed
 * order, NaN as null; the stable keys `plaint_report`, `month`, `previous_month`, `timezone`,
 * `from`, `to`, `as_of`, `profile`, `confidence`, `csat_target`, `complaints`, `main_issues`,
 * `sla`, `escalations`, `return_visits`, `satisfaction`, `heatmaps` (the README and report.hpp
 * list their members). `options` may be NULL (every default). Owned: free with
 * plaint_string_free.
 * @return PLAINT_OK; PLAINT_E_INVALID_ARGUMENT (NULL ledger or `out`, a NULL survey document,
 * an options size too small, an empty ledger with no month, a confidence or target out of
 * range); PLAINT_E_PARSE / PLAINT_E_OUT_OF_RANGE (a bad month; a bad survey CSV, the message
 * naming `surveys[i]` and the line); PLAINT_E_NOT_FOUND (an unknown time zone). Reads the ledger
 * only. Since 0.5.
 */
PLAINT_API int plaint_ledger_report_json(const plaint_ledger* l,
                                         const plaint_report_options* options, char** out);
/**
 * The same report as one tidy CSV table (header `section,group,item,metric,value`, one figure
 * a row, LF line ends). Owned: free with plaint_string_free.
 * @return as plaint_ledger_report_json. Since 0.5.
 */
PLAINT_API int plaint_ledger_report_csv(const plaint_ledger* l,
                                        const plaint_report_options* options, char** out);
/**
 * The same report as one self-contained HTML page (inline CSS and SVG, no script, no external
 * asset). Owned: free with plaint_string_free.
 * @return as plaint_ledger_report_json. Since 0.5.
 */
PLAINT_API int plaint_ledger_report_html(const plaint_ledger* l,
                                         const plaint_report_options* options, char** out);
/**
 * Computes the report once and writes `report.json`, `report.csv` and `report.html` into the
 * folder `folder` (created with its parents when missing), each atomically (a temporary file in
 * the folder, synced, then renamed), as the plaint-report program does.
 * @return as plaint_ledger_report_json; PLAINT_E_IO when the folder cannot be created or
 * written (files already renamed stay). Since 0.5.
 */
PLAINT_API int plaint_ledger_report_files(const plaint_ledger* l,
                                          const plaint_report_options* options, const char* folder);

#ifdef __cplusplus
}
#endif

#endif /* PLAINT_C_REPORT_H */
