/* PATH as a ':'-separated list of entries, compared byte for byte. */
#ifndef VH_PATHLIST_H
#define VH_PATHLIST_H

#include <stddef.h>

/* Index of the first entry equal to entry, or -1. */
long vh_pathlist_find(const char *list, const char *entry);
/* *out = list without its first entry equal to entry (a copy of list if
 * there is none). An empty list stays empty. Caller frees. */
int vh_pathlist_remove(char **out, const char *list, const char *entry);
/* How many entries of list equal entry. */
size_t vh_pathlist_count(const char *list, const char *entry);
/* *out = list with every entry equal to entry but the first taken out
 * (keep 1) or all of them (keep 0). Caller frees. */
int vh_pathlist_prune(char **out, const char *list, const char *entry, int keep);
/* *out = entry, then list (just entry when list is empty). Caller frees. */
int vh_pathlist_prepend(char **out, const char *list, const char *entry);

/* *out = "ENTRY/name" for the first entry of list (PATH; NULL: the
 * system's default, confstr(_CS_PATH)) that holds name as a regular file
 * with execute permission: the program execvp() runs. Symlinks are not
 * followed: an env's bin/python stays that, not the interpreter it links
 * to. An empty entry is the current directory, and an empty or relative
 * entry is taken from cwd when cwd is given (then *out is absolute when
 * cwd is), else left as it is. Returns 0, or VH_ENOTFOUND (none holds it)
 * or VH_ENOMEM with *out NULL and errno set. Caller frees. */
int vh_pathlist_search(char **out, const char *list, const char *name, const char *cwd);

#endif
