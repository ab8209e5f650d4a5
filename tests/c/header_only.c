/* plaint.h on its own compiles as strict C99 (the build fails otherwise). */
#include "plaint/plaint.h"

int plaint_header_only_check(void);
int plaint_header_only_check(void) {
    plaint_event e = PLAINT_EVENT_INIT;
    return (int)e.size;
}
