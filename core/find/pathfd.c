#include "core/find/pathfd.h"
#include "core/util/err.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/util/compat.h"

int vh_pathfd_open(struct vh_pathfd *p, const char *path)
{
	size_t total, comps = 0, i, e, since = 0;
	char c;
	int fd;

	memset(p, 0, sizeof(*p));
	if (path[0] != '/')
		return 0; /* nothing to open: every question by its whole path */
	total = strlen(path);
	for (i = 0; i < total; i++)
		comps += path[i] != '/' && (i == 0 || path[i - 1] == '/');
	if (comps <= VH_PATHFD_STRIDE)
		return 0; /* no question would resolve fewer components */
	p->path = strdup(path);
	p->len = malloc((comps / VH_PATHFD_STRIDE + 2) * sizeof(*p->len));
	p->fd = malloc((comps / VH_PATHFD_STRIDE + 2) * sizeof(*p->fd));
	if (!p->path || !p->len || !p->fd)
		return VH_ENOMEM;
	fd = vh_open_searchdir(AT_FDCWD, "/");
	if (fd < 0)
		return 0;
	p->len[0] = 0;
	p->fd[0] = fd;
	p->n = 1;
	for (i = 0; i < total;) {
		while (i < total && path[i] == '/')
			i++;
		if (i == total)
			break;
		for (e = i; e < total && path[e] != '/'; e++)
			;
		i = e;
		while (i < total && path[i] == '/')
			i++;
		/* every STRIDE-th component, and the last */
		if (++since < VH_PATHFD_STRIDE && i < total)
			continue;
		since = 0;
		c = p->path[e];
		p->path[e] = '\0';
		fd = vh_open_searchdir(p->fd[p->n - 1], p->path + p->len[p->n - 1] + 1);
		p->path[e] = c;
		if (fd < 0)
			break;
		p->len[p->n] = e;
		p->fd[p->n++] = fd;
	}
	return 0;
}

void vh_pathfd_close(struct vh_pathfd *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		close(p->fd[i]);
	free(p->path);
	free(p->len);
	free(p->fd);
	memset(p, 0, sizeof(*p));
}

/* The deepest opened directory that is a prefix of path (a proper one
 * when proper is set: then AT_SYMLINK_NOFOLLOW still looks at path's own
 * last component), and what is left of path below it, leading '/' gone;
 * AT_FDCWD and path itself when there is none. */
static int base(const struct vh_pathfd *p, const char *path, int proper, const char **rel)
{
	size_t n, i, l;

	*rel = path;
	if (!p || !p->n || path[0] != '/')
		return AT_FDCWD;
	n = strlen(path);
	for (i = p->n; i-- > 0;) {
		l = p->len[i];
		if (l + (size_t)proper <= n && (path[l] == '/' || !path[l]) &&
		    !memcmp(path, p->path, l)) {
			for (path += l; *path == '/'; path++)
				;
			if (proper && !*path)
				continue; /* only "/" itself, or trailing slashes */
			*rel = path;
			return p->fd[i];
		}
	}
	return AT_FDCWD;
}

int vh_pathfd_base(const struct vh_pathfd *p, const char *path, const char **rel)
{
	return base(p, path, 1, rel);
}

int vh_pathfd_stat(const struct vh_pathfd *p, const char *path, struct stat *st, int flags)
{
	const char *rel;
	int fd = base(p, path, 1, &rel);

	return fstatat(fd, rel, st, flags);
}

int vh_pathfd_openat(const struct vh_pathfd *p, const char *path, int oflags)
{
	const char *rel;
	int fd = base(p, path, 1, &rel);

	return openat(fd, rel, oflags);
}

/* 1 when name's first component is one of p->absent's in p->empty. */
static int known_absent(const struct vh_pathfd *p, const char *dir, const char *name)
{
	const char *const *a;
	const char *x, *y;

	if (!p || !p->empty || (dir != p->empty && strcmp(dir, p->empty)))
		return 0;
	for (a = p->absent; a && *a; a++) {
		for (x = *a, y = name; *x && *x != '/' && *x == *y; x++, y++)
			;
		if ((!*x || *x == '/') && (!*y || *y == '/'))
			return 1;
	}
	return 0;
}

int vh_pathfd_stat_in(const struct vh_pathfd *p, const char *dir, const char *name,
		      struct stat *st, int flags)
{
	char small[512], *buf = small;
	const char *rel;
	int fd, r;
	size_t rl, nl, n = 0;

	if (known_absent(p, dir, name)) {
		errno = ENOENT;
		return VH_ENOTFOUND;
	}
	fd = base(p, dir, 0, &rel);
	rl = strlen(rel);
	nl = strlen(name);
	if (rl + nl + 2 > sizeof(small) && !(buf = malloc(rl + nl + 2))) {
		errno = ENOMEM;
		return VH_ENOMEM;
	}
	memcpy(buf, rel, rl);
	n = rl;
	if (rl && rel[rl - 1] != '/')
		buf[n++] = '/';
	memcpy(buf + n, name, nl + 1);
	r = fstatat(fd, buf, st, flags);
	if (buf != small) {
		int e = errno;

		free(buf);
		errno = e;
	}
	return r;
}
