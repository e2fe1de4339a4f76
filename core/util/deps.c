/* See deps.h. */
#include "core/util/deps.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/util/buf.h"
#include "core/util/compat.h"
#include "core/util/err.h"

/* vh_fs_keeps_dir_times of the file system path (there, no symlink) is on,
 * asked once per file system and walk. */
static int fs_keeps(struct vh_deps *d, dev_t dev, const char *path, int is_dir)
{
	const char *slash = strrchr(path, '/');
	char *parent;
	size_t i;
	int keeps;

	for (i = 0; i < d->nfs; i++)
		if (d->fs_dev[i] == dev)
			return d->fs_keeps[i];
	if (is_dir) {
		keeps = vh_fs_keeps_dir_times(AT_FDCWD, path);
	} else {
		parent = !slash ? NULL : slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));
		keeps = parent && vh_fs_keeps_dir_times(AT_FDCWD, parent);
		free(parent);
	}
	if (d->nfs < sizeof(d->fs_dev) / sizeof(d->fs_dev[0])) {
		d->fs_dev[d->nfs] = dev;
		d->fs_keeps[d->nfs++] = keeps;
	}
	return keeps;
}

int vh_deps_add(struct vh_deps *d, const char *path)
{
	struct vh_stat st;
	int there;

	if (d->unusable)
		return 0;
	if (vh_stat(&st, AT_FDCWD, path, 0) == 0)
		there = 1;
	else if (errno == ENOENT)
		there = 0;
	else
		goto unusable;
	if (there && (S_ISLNK(st.mode) || !fs_keeps(d, st.dev, path, S_ISDIR(st.mode))))
		goto unusable;
	if (d->n == VH_DEPS_MAX)
		goto unusable;
	if (!(d->path[d->n] = strdup(path)))
		return VH_ENOMEM;
	d->there[d->n++] = (unsigned char)there;
	d->nthere += (size_t)there;
	if (there && vh_timespec_cmp(&st.mtime, &d->newest) > 0)
		d->newest = st.mtime;
	return 0;
unusable:
	d->unusable = 1;
	return 0;
}

int vh_deps_add_in(struct vh_deps *d, const char *dir, const char *name)
{
	struct vh_buf p = VH_BUF_INIT;
	int rc;

	if (vh_buf_puts(&p, dir) < 0 || (strcmp(dir, "/") && vh_buf_putc(&p, '/') < 0) ||
	    vh_buf_puts(&p, name) < 0)
		rc = VH_ENOMEM;
	else
		rc = vh_deps_add(d, p.data);
	vh_buf_free(&p);
	return rc;
}

void vh_deps_free(struct vh_deps *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->path[i]);
	memset(d, 0, sizeof(*d));
}
