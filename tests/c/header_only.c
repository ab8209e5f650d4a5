/* plaint.h on its own compiles as strict C99 (the build fails otherwise). */
#include "plaint/plaint.h"

int plaint_header_only_check(void);
int plaint_header_only_check(void) {
    plaint_event e = PLAINT_EVENT_INIT;
    plaint_clock k = PLAINT_CLOCK_INIT;
    plaint_score s = PLAINT_SCORE_INIT;
    plaint_ahp_result a = PLAINT_AHP_RESULT_INIT;
    plaint_indicator_tree t = PLAINT_INDICATOR_TREE_INIT;
    plaint_group_input g = PLAINT_GROUP_INPUT_INIT;
    plaint_import_result r = PLAINT_IMPORT_RESULT_INIT;
    plaint_report_options o = PLAINT_REPORT_OPTIONS_INIT;
    return (int)e.size + (int)k.size + (int)s.size + (int)a.size + (int)t.size + (int)g.size +
           (int)r.size + (int)o.size;
}
