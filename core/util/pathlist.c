#include "core/util/pathlist.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
		return *out ? 0 : VH_ENOMEM;
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
	return *out ? 0 : VH_ENOMEM;
fail:
	vh_buf_free(&b);
	return VH_ENOMEM;
}

size_t vh_pathlist_count(const char *list, const char *entry)
{
	size_t n = strlen(entry), len, count = 0;
	const char *p = list, *colon;

	if (!*list)
		return 0;
	for (;;) {
		colon = strchr(p, ':');
		len = colon ? (size_t)(colon - p) : strlen(p);
		count += len == n && memcmp(p, entry, n) == 0;
		if (!colon)
			return count;
		p = colon + 1;
	}
}

int vh_pathlist_prune(char **out, const char *list, const char *entry, int keep)
{
	struct vh_buf b = VH_BUF_INIT;
	size_t n = strlen(entry), len;
	const char *p = list, *colon;
	int kept = 0, first = 1;

	if (vh_buf_puts(&b, "") < 0)
		goto fail;
	while (*list) {
		colon = strchr(p, ':');
		len = colon ? (size_t)(colon - p) : strlen(p);
		if (!(len == n && memcmp(p, entry, n) == 0 && kept++ >= keep)) {
			if ((!first && vh_buf_putc(&b, ':') < 0) || vh_buf_add(&b, p, len) < 0)
				goto fail;
			first = 0;
		}
		if (!colon)
			break;
		p = colon + 1;
	}
	*out = vh_buf_detach(&b);
	return *out ? 0 : VH_ENOMEM;
fail:
	vh_buf_free(&b);
	return VH_ENOMEM;
}

int vh_pathlist_prepend(char **out, const char *list, const char *entry)
{
	struct vh_buf b = VH_BUF_INIT;

	if (vh_buf_puts(&b, entry) < 0 ||
	    (*list && (vh_buf_putc(&b, ':') < 0 || vh_buf_puts(&b, list) < 0))) {
		vh_buf_free(&b);
		return VH_ENOMEM;
	}
	*out = vh_buf_detach(&b);
	return *out ? 0 : VH_ENOMEM;
}

/* A '/' after what b holds, unless it ends in one. */
static int slash(struct vh_buf *b)
{
	return b->len && b->data[b->len - 1] == '/' ? 0 : vh_buf_putc(b, '/');
}

int vh_pathlist_search(char **out, const char *list, const char *name, const char *cwd)
{
	struct vh_buf file = VH_BUF_INIT;
	struct stat st;
	const char *dir, *end;
	char *fallback = NULL;
	size_t n;
	int err = ENOENT, rc;

	*out = NULL;
	if (!list) {
		n = confstr(_CS_PATH, NULL, 0);
		fallback = n ? malloc(n) : NULL;
		if (!fallback) {
			errno = n ? ENOMEM : ENOENT;
			return n ? VH_ENOMEM : VH_ENOTFOUND;
		}
		confstr(_CS_PATH, fallback, n);
		list = fallback;
	}
	for (dir = list;; dir = end + 1) {
		end = strchr(dir, ':');
		if (!end)
			end = dir + strlen(dir);
		vh_buf_reset(&file);
		if (cwd && *dir != '/')
			rc = vh_buf_puts(&file, cwd) < 0 ||
			     (end > dir && (slash(&file) < 0 ||
					    vh_buf_add(&file, dir, (size_t)(end - dir)) < 0));
		else
			rc = end == dir ? vh_buf_putc(&file, '.') : vh_buf_add(&file, dir, (size_t)(end - dir));
		if (rc || slash(&file) < 0 || vh_buf_puts(&file, name) < 0) {
			err = ENOMEM;
			break;
		}
		if (stat(file.data, &st) == 0 && S_ISREG(st.st_mode) && access(file.data, X_OK) == 0) {
			*out = vh_buf_detach(&file);
			if (!*out)
				err = ENOMEM;
			break;
		}
		if (!*end)
			break;
	}
	vh_buf_free(&file);
	free(fallback);
	if (*out)
		return 0;
	errno = err;
	return err == ENOMEM ? VH_ENOMEM : VH_ENOTFOUND;
}
