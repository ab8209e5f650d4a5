/* plaint.h on its own compiles as strict C99 (the build fails otherwise). */
#include "plaint/plaint.h"

int plaint_header_only_check(void);
int plaint_header_only_check(void) {
    plaint_event e = PLAINT_EVENT_INIT;
    plaint_clock k = PLAINT_CLOCK_INIT;
    return (int)e.size + (int)k.size;
}
