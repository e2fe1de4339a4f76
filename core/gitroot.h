/* The one place venvhook asks libgit2 anything. Kept behind this interface
 * because loading and initialising libgit2 dominates venvhook's start-up
 * cost; callers ask only when a '.git' entry makes the answer matter. */
#ifndef VH_GITROOT_H
#define VH_GITROOT_H

#include "buf.h"

/* *root = the work-tree root (no trailing '/') of the repository that holds
 * dir, searching upward as git does and honouring GIT_CEILING_DIRECTORIES;
 * NULL when there is none (no repository, a bare one, a hidden or broken
 * one). Returns 0, or -1 on out of memory. Caller frees *root. */
int vh_gitroot(char **root, const char *dir);

/* 1 when dir itself holds a repository libgit2 can open, else 0 with
 * libgit2's reason appended to why. */
int vh_git_valid(struct vh_buf *why, const char *dir);

/* *tracked = 1 when the repository holding env (an absolute, real path)
 * tracks env/pyvenv.cfg or anything under env/bin: the env came with the
 * repository. *root = its work-tree root then (caller frees). Returns 0
 * (also when there is no repository: *tracked = 0), -1 out of memory. */
int vh_git_tracked(int *tracked, char **root, const char *env);

#endif
