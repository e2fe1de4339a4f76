/* What an env would change about the user's commands: the programs in its
 * bin/ that PATH already finds elsewhere (ls, git, sudo), named when
 * automatic activation refuses the env, so the user sees what is at stake. */
#ifndef VH_SHADOW_H
#define VH_SHADOW_H

#include "core/util/buf.h"

/* Appends to out, separated by ", ", the names of at most max programs in
 * env/bin that a directory of path (a ':'-separated list) also holds, with
 * " and N more" past max; nothing when none. The env's own Python tools
 * (python*, pip*, pydoc*, activate*, ...) are left out: every env has
 * them. Names are escaped for the terminal. Returns the count, or -1 out
 * of memory. */
int vh_shadow_list(struct vh_buf *out, const char *env, const char *path, size_t max);

#endif
