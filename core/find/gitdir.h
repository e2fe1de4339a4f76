/* What a '.git' directory says about the work tree on its own, without
 * libgit2: most directory changes in a repository with no env end at its
 * root, and loading libgit2 to learn that costs more than the rest of an
 * export. The answer is given only when it is certainly git's; anything
 * unusual is left to libgit2 (git.h). */
#ifndef VH_GITDIR_H
#define VH_GITDIR_H

#include "core/find/pathfd.h"

#include <sys/types.h>

struct vh_dircache;

/* What the walk already knows (both may be NULL):
 *   below_dev  of the directories from cwd up to (not including) dir: each
 *              is a directory, no symlink, holds no HEAD, and is on file
 *              system *below_dev; they are then not asked again;
 *   cache      the walk cache (dircache.h), which keeps the judgements of
 *              HEAD and config below by each file's status, so that an
 *              unchanged one is not read again. */
struct vh_gitdir_known {
	const dev_t *below_dev;
	struct vh_dircache *cache;
};

/* 1 when git, asked from cwd, would take dir (an ancestor of cwd, or cwd,
 * holding the nearest '.git' entry of the walk up) as the root of its work
 * tree, as far as the files show for certain: dir/.git is a directory that
 * is a repository (HEAD names a ref or an object, objects/ and refs/ are
 * there), whose config sets no work tree elsewhere, no bare flag, no
 * include and no unknown format version, or a submodule's .git file
 * naming such a repository whose core.worktree, if set, is dir; no directory between cwd and dir
 * looks like a bare repository or lies on another file system; and
 * GIT_CEILING_DIRECTORIES is not set. 0 when that is not certain (ask
 * libgit2). Opens nothing that could block: only regular files, without
 * waiting. Asks through at (the walk's directories, see pathfd.h; may be
 * NULL). */
int vh_gitdir_is_root(const struct vh_pathfd *at, const char *cwd, const char *dir,
		      const struct vh_gitdir_known *known);

#endif
