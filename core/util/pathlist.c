#include "core/util/pathlist.h"

#include <stdlib.h>
#include <string.h>

#include "core/util/buf.h"

/* Finds the first entry equal to entry; sets *start and *len to it. */
static int locate(const char *list, const char *entry, size_t *start, size_t *len, long *index)
{
	size_t n = strlen(entry), pos = 0;
	long i = 0;
	const char *colon;

	if (!*list)
		return 0;
	for (;;) {
		colon = strchr(list + pos, ':');
		*len = colon ? (size_t)(colon - (list + pos)) : strlen(list + pos);
		if (*len == n && memcmp(list + pos, entry, n) == 0) {
			*start = pos;
			*index = i;
			return 1;
		}
		if (!colon)
			return 0;
		pos += *len + 1;
		i++;
	}
}

long vh_pathlist_find(const char *list, const char *entry)
{
	size_t start, len;
	long index;

	return locate(list, entry, &start, &len, &index) ? index : -1;
}

int vh_pathlist_remove(char **out, const char *list, const char *entry)
{
	struct vh_buf b = VH_BUF_INIT;
	size_t start, len, total = strlen(list);
	long index;

	if (!locate(list, entry, &start, &len, &index)) {
		*out = strdup(list);
		return *out ? 0 : -1;
	}
	if (start + len == total) {
		/* the last entry: drop it with the ':' before it, if any */
		if (vh_buf_add(&b, list, start ? start - 1 : 0) < 0)
			goto fail;
	} else {
		if (vh_buf_add(&b, list, start) < 0 ||
		    vh_buf_puts(&b, list + start + len + 1) < 0)
			goto fail;
	}
	*out = vh_buf_detach(&b);
	return *out ? 0 : -1;
fail:
	vh_buf_free(&b);
	return -1;
}

int vh_pathlist_prepend(char **out, const char *list, const char *entry)
{
	struct vh_buf b = VH_BUF_INIT;

	if (vh_buf_puts(&b, entry) < 0 ||
	    (*list && (vh_buf_putc(&b, ':') < 0 || vh_buf_puts(&b, list) < 0))) {
		vh_buf_free(&b);
		return -1;
	}
	*out = vh_buf_detach(&b);
	return *out ? 0 : -1;
}
