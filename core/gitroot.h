/* The one place venvhook asks libgit2 anything. Kept behind this interface
 * because loading and initialising libgit2 dominates venvhook's start-up
 * cost; callers ask only when a '.git' entry makes the answer matter. */
#ifndef VH_GITROOT_H
#define VH_GITROOT_H

/* *root = the work-tree root (no trailing '/') of the repository that holds
 * dir, or NULL when there is none (no repository, a bare one, or one hidden
 * by GIT_CEILING_DIRECTORIES). Returns 0, or -1 after printing one line on
 * stderr when the repository is broken (the caller then treats it as none).
 * Caller frees *root. */
int vh_gitroot(char **root, const char *dir);

#endif
