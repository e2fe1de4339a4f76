/* PATH as a ':'-separated list of entries, compared byte for byte. */
#ifndef VH_PATHLIST_H
#define VH_PATHLIST_H

#include <stddef.h>

/* Index of the first entry equal to entry, or -1. */
long vh_pathlist_find(const char *list, const char *entry);
/* *out = list without its first entry equal to entry (a copy of list if
 * there is none). An empty list stays empty. Caller frees. */
int vh_pathlist_remove(char **out, const char *list, const char *entry);
/* *out = entry, then list (just entry when list is empty). Caller frees. */
int vh_pathlist_prepend(char **out, const char *list, const char *entry);

#endif
