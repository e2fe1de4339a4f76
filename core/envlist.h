/* The env names in $WORKON_HOME and the current project, sorted. */
#ifndef VH_ENVLIST_H
#define VH_ENVLIST_H

#include <stddef.h>

#include "discover.h"

struct vh_env_entry {
	char *name;
	char *path;
};

struct vh_env_list {
	struct vh_env_entry *v;
	size_t n, cap;
	size_t skipped; /* names holding a newline or tab: a line cannot hold them */
};

/* Fills l with the envs of $WORKON_HOME and, when project is given, those
 * discovery found for the current directory. Returns 0 or -1 (out of
 * memory). Free with vh_env_list_free in both cases. */
int vh_env_list_collect(struct vh_env_list *l, const struct vh_found *project);
void vh_env_list_free(struct vh_env_list *l);

#endif
