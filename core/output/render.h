/* The one loop that turns a plan into a shell's code. */
#ifndef VH_RENDER_H
#define VH_RENDER_H

#include "shells/shell.h"
#include "core/util/buf.h"
#include "core/output/plan.h"

/* Appends the plan's operations in sh's syntax. Returns 0, VH_EUNSAYABLE
 * when sh cannot carry one of the values (*bad is then the variable that
 * failed), or VH_ENOMEM. */
int vh_render(struct vh_buf *out, enum vh_var *bad, const struct vh_shell *sh,
	      const struct vh_plan *plan);

#endif
