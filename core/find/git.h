/* The one place venvhook asks libgit2 anything.
 *
 * Every question runs in a child process that loads libgit2 itself, and is
 * given at most VH_GIT_TIMEOUT_MS to answer: libgit2 opens whatever a
 * repository's files name (a FIFO as .git/config, an include.path to a
 * device), and a project's files must never hang the user's cd. The parent
 * never loads libgit2, which with its dependencies costs more than the rest
 * of venvhook; callers ask only when a '.git' makes the answer matter. */
#ifndef VH_GIT_H
#define VH_GIT_H

#include "core/util/buf.h"
#include "core/util/err.h"

/* How long a question may take before venvhook gives up on it (ms);
 * $VENVHOOK_GIT_TIMEOUT_MS, when set to a number, replaces it. */
#define VH_GIT_TIMEOUT_MS 2000

/* A question that could not be answered (no answer in time, a repository
 * libgit2 refuses, no libgit2) is remembered in the cache (cache.h) for
 * this many seconds, keyed by the question, its argument and the identity
 * of the repository's .git, config, HEAD, index, commondir and gitdir: the
 * same question is then answered "cannot tell" again, which every caller
 * refuses, without a child, until then or until one of those files
 * changes. A broken repository costs its timeout once, not at every cd. */
#define VH_GIT_UNKNOWN_TTL 60


/* *root = the work-tree root (no trailing '/') of the repository that holds
 * dir, searching upward as git does and honouring GIT_CEILING_DIRECTORIES;
 * worktree is the directory whose .git the caller met first above dir (what
 * a failure is remembered by). Returns VH_OK, VH_ENOTFOUND (none, or a bare
 * one), or another code (err.h: VH_EFAILED, VH_ENOLIB, VH_ETIMEOUT, VH_EIO,
 * VH_ENOMEM) with why filled. Caller frees *root. */
int vh_git_root(char **root, struct vh_buf *why, const char *dir, const char *worktree);

/* VH_OK when dir/.git is a repository libgit2 can open; else a code (err.h)
 * with libgit2's reason in why. */
int vh_git_valid(struct vh_buf *why, const char *dir);

/* What the index of the repository at worktree/.git holds under some
 * paths (read-only, whoever owns the repository). */
struct vh_git_tracked {
	int tracked;        /* an index entry is one of the paths or under one */
	char digest[41];    /* hex id of the entries found ("" when none) */
	char *root;         /* the work tree's real path */
	char *index;        /* the index file libgit2 read */
};

/* Asks the index of exactly worktree/.git (no search: an env directory
 * that looks like a bare repository cannot stand in for it) which entries
 * equal or lie under any of the n absolute paths (those outside the work
 * tree are skipped). Any failure is a code (err.h) with why filled: the caller
 * must take it as "cannot tell". Free out with vh_git_tracked_free. */
int vh_git_tracked(struct vh_git_tracked *out, struct vh_buf *why, const char *worktree,
		   const char *const *paths, size_t n);
void vh_git_tracked_free(struct vh_git_tracked *t);

#endif
