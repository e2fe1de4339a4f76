/* Whether git tracks anything of an env: the answer the trust policy needs
 * before it lets an env onto PATH, found without loading libgit2 where the
 * cache (cache.h) already holds it for this env and this index. */
#ifndef VH_TRACKED_H
#define VH_TRACKED_H

#include "core/util/buf.h"

enum vh_tracked_answer {
	VH_TRACKED_NO_REPO = 0, /* no .git at the env or above it */
	VH_TRACKED_NO,
	VH_TRACKED_YES,
	VH_TRACKED_UNKNOWN, /* git could not answer: the caller refuses */
};

struct vh_tracked {
	enum vh_tracked_answer answer;
	char digest[41]; /* VH_TRACKED_YES: the id of the tracked entries */
	char *root;      /* VH_TRACKED_YES: the work tree, for messages */
	struct vh_buf why; /* VH_TRACKED_UNKNOWN: why not */
};

/* Asks about the env found at env (its path as discovery has it) whose
 * real path is real: every index entry equal to or under the env's path
 * (its parent's real path and its own name, which catches a tracked
 * symlink), its real path, or the real path of its bin/ counts. The
 * repository asked is the one whose '.git' the walk up from the env's
 * parent meets first (for the path as found and for the real path), opened
 * exactly there. Returns 0 or VH_ENOMEM. Free with
 * vh_tracked_free. */
int vh_tracked_check(struct vh_tracked *out, const char *env, const char *real);
void vh_tracked_free(struct vh_tracked *t);

#endif
