/* What an env would change about the user's commands: the programs in its
 * bin/ that PATH already finds elsewhere (ls, git, sudo), named when
 * automatic activation refuses the env, so the user sees what is at stake. */
#ifndef VH_SHADOW_H
#define VH_SHADOW_H

#include "core/util/buf.h"

/* The names of bin/ looked at, at most: a bin/ holding more (an env can
 * be anyone's, with 200,000 names) costs no more than this many. */
#define VH_SHADOW_SCAN 10000
/* Names left to find at most for which a PATH directory is asked name by
 * name; with more, it is read once instead. */
#define VH_SHADOW_ASK 64

/* Appends to out, separated by ", ", the names of at most max programs in
 * env/bin that a directory of path (a ':'-separated list) also holds, with
 * " and N more" past max; nothing when none. The env's own Python tools
 * (python*, pip*, pydoc*, activate*, ...) are left out: every env has
 * them. Names are escaped for the terminal. One pass over bin/, stopped
 * after VH_SHADOW_SCAN names (the message then says so), and for each
 * PATH directory the smaller of a question per name left and one read of
 * the directory: linear, whatever bin/ holds. Returns the count, or
 * VH_ENOMEM. */
int vh_shadow_list(struct vh_buf *out, const char *env, const char *path, size_t max);

/* The same, with the steps taken (entries read, names asked) in *work. */
int vh_shadow_list_counted(struct vh_buf *out, const char *env, const char *path, size_t max,
			   size_t *work);

#endif
