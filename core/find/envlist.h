/* The env names in $WORKON_HOME, the tools' stores and the current
 * project, sorted. */
#ifndef VH_ENVLIST_H
#define VH_ENVLIST_H

#include <stddef.h>

#include "core/find/discover.h"

struct vh_env_entry {
	char *name;
	char *path;
	size_t order; /* when it was met */
};

struct vh_env_list {
	struct vh_env_entry *v;
	size_t n, cap;
	size_t skipped; /* names holding a newline or tab: a line cannot hold them */
};

/* Fills l with the envs whose names start with prefix (NULL or "": all):
 * those of $WORKON_HOME, then of the stores the config follows, named as
 * their tools name them (pipenv's and Poetry's directory names, pyenv's
 * version names, VERSION/envs/NAME included), and, when project is given,
 * the ones discovery found for the current directory. A name met twice is
 * kept the first time. Only names that match are stat()ed. Returns 0 or
 * VH_ENOMEM. Free with vh_env_list_free in both cases. */
int vh_env_list_collect(struct vh_env_list *l, const struct vh_found *project, const char *prefix);

/* found = what list and activate take as the current project: discovery
 * from cwd with the stores off (the project's own env directories are all
 * list adds from it, and the store rules would only cost). Returns 0 or
 * VH_ENOMEM; free found with vh_found_free in both cases. */
int vh_env_list_project(struct vh_found *found, const char *cwd);

/* *out = the path of the env NAME as list names it, run in cwd (NULL: no
 * project), or NULL when there is none. Returns 0 or VH_ENOMEM. */
int vh_env_list_find(char **out, const char *cwd, const char *name);
void vh_env_list_free(struct vh_env_list *l);

#endif
