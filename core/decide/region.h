/* The region where export's answer holds, handed to the hook so that a
 * `cd` that changes nothing starts no process (doc/venvhook.1, "The
 * region").
 *
 * The walk's answer for a directory X below a directory top depends on the
 * directories from X up to top holding none of the walk's names
 * (vh_walk_names), on what top holds of the names its own steps asked
 * before the answer, and on files elsewhere (the config, the trust file,
 * the git index the policy asked, a store's own files). So export hands
 * the shell:
 *   top    the directory the answer belongs to: the env's project root (or
 *          the env itself, entered), or "/" when there is no env up to it;
 *   names  what must be absent (not even a dangling symlink) in every
 *          directory from $PWD up to, not including, top;
 *   gone   paths that must be absent;
 *   keep   paths that must be there, modified no later than ref;
 *   ref    a file of venvhook's whose modification time is older than each
 *          of keep's was when export looked and at least
 *          VH_REGION_SETTLE seconds older than that moment, so that any
 *          later change of one of them makes it newer (the hooks'
 *          comparison of two files' times);
 *   env    the environment variables the answer read (vh_getenv: HOME,
 *          XDG_*, WORKON_HOME, UV_PROJECT_ENVIRONMENT, POETRY_*, PIPENV_*,
 *          HATCH_*, PDM_*, PYENV_ROOT, GIT_CEILING_DIRECTORIES...), each
 *          "NAME=VALUE" when it was set and "NAME" when not: the shell's
 *          must still be so (PATH and PWD are the hook's own checks).
 * A shell whose $PWD is top or below it, where those hold, $PWD is a
 * directory of the user's own that is no symlink, and nothing between
 * $PWD and top is a symlink, has the answer export would give: no process.
 * Anything else asks export. Only an answer that rests on nothing else is
 * handed out: an env the policy let on (or none), discovery's own, with
 * nothing to say, no pin or pause, a walk that met no git question,
 * pointer file or unreadable directory. */
#ifndef VH_REGION_H
#define VH_REGION_H

#include <stddef.h>

#include "core/decide/want.h"
#include "core/find/discover.h"
#include "core/util/deps.h"

/* Seconds a reference file must be older than the export that hands it
 * out: coarser than any file system's timestamps venvhook trusts. */
#define VH_REGION_SETTLE 3
#define VH_REGION_MAX_ENV 64
struct vh_region {
	char *top; /* NULL: no region, export at every change of directory */
	const char *names[VH_WALK_NAMES_MAX];
	size_t nnames;
	struct vh_deps deps; /* gone (absent) and keep (there) */
	char *ref;           /* NULL when keep is empty */
	char *env[VH_REGION_MAX_ENV];
	size_t nenv;
};

/* The region of w, export's answer for cwd (the environment's state now).
 * r->top stays NULL when the answer rests on anything the hook cannot test
 * (see above) or no settled reference file exists yet (one is made then,
 * for the exports after VH_REGION_SETTLE seconds). Returns 0 or
 * VH_ENOMEM; free with vh_region_free. */
int vh_region_of(struct vh_region *r, const struct vh_wanted *w, const char *cwd);

void vh_region_free(struct vh_region *r);

#endif
