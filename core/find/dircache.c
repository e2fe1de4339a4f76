/* See dircache.h. */
#include "core/find/dircache.h"

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/util/fileio.h"
#include "core/util/xdg.h"

#define VH_DIRCACHE_VERSION 1
#define VH_DIRCACHE_ORDER 0x01020304u

static char *cache_file(void)
{
	char *file = NULL;

	return vh_xdg_file(&file, "XDG_CACHE_HOME", ".cache", "dirs") == 0 ? file : NULL;
}

/* A place only the user can write (xdg.h). */
static int usable(const char *file, int writing)
{
	struct vh_buf why = VH_BUF_INIT;
	int r = vh_xdg_usable(&why, file, writing);

	vh_buf_free(&why);
	if (r)
		errno = EPERM;
	return r == 0;
}

uint64_t vh_dircache_key(const char *const *names)
{
	uint64_t h = 0xcbf29ce484222325ull ^ VH_DIRCACHE_VERSION; /* FNV-1a */
	const char *s;

	for (; *names; names++)
		for (s = *names;; s++) {
			h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
			if (!*s)
				break;
		}
	return h;
}

static void fill(struct vh_dircache_rec *r, uint64_t key, const struct stat *st)
{
	struct vh_stat vs;

	vh_stat_from(&vs, st);
	memset(r, 0, sizeof(*r));
	r->dev = (uint64_t)vs.dev;
	r->ino = (uint64_t)vs.ino;
	r->key = key;
	r->ctime_s = (int64_t)vs.ctime.tv_sec;
	r->ctime_ns = (uint32_t)vs.ctime.tv_nsec;
	r->mtime_s = (int64_t)vs.mtime.tv_sec;
	r->mtime_ns = (uint32_t)vs.mtime.tv_nsec;
}

/* The user's own file, in this format: its records (a torn last record,
 * from a full disk, makes the whole file unusable). */
static void load(struct vh_dircache *c)
{
	const struct vh_dircache_head *h = &c->f.head;
	struct stat st;
	char *file;
	ssize_t got;
	size_t body;
	int fd;

	c->loaded = 1;
	c->n = 0;
	file = cache_file();
	/* Written by someone else, it could hide an env from the walk: read
	 * only from a place only the user can write (a cache: not using one
	 * only costs time, and is said by doctor). */
	fd = file && usable(file, 0) ? open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) : -1;
	free(file);
	if (fd < 0) {
		c->usable = errno == ENOENT;
		return;
	}
	if (fstat(fd, &st) < 0 || !vh_file_private(fd, NULL, &st))
		goto done;
	/* (by the offset in *c: GCC takes &c->f for its first member and warns
	 * of an overflow) */
	got = read(fd, (char *)c + offsetof(struct vh_dircache, f), sizeof(c->f));
	if (got < (ssize_t)sizeof(*h) || memcmp(h->magic, "VHdirs", 6) ||
	    h->version != VH_DIRCACHE_VERSION || h->recsize != sizeof(struct vh_dircache_rec) ||
	    h->order != VH_DIRCACHE_ORDER)
		goto done;
	body = (size_t)got - sizeof(*h);
	if (body % sizeof(c->f.rec[0]))
		goto done;
	c->n = body / sizeof(c->f.rec[0]);
	c->usable = 1;
done:
	close(fd);
}

int vh_dircache_has(struct vh_dircache *c, uint64_t key, const struct stat *st)
{
	struct vh_dircache_rec want;
	size_t i;

	if (!c->loaded)
		load(c);
	fill(&want, key, st);
	for (i = 0; i < c->n; i++)
		if (c->f.rec[i].ino == want.ino && !memcmp(&c->f.rec[i], &want, sizeof(want)))
			return 1;
	return 0;
}

/* The settle rule: both times at least VH_DIRCACHE_SETTLE seconds before
 * now, by the clock the file system stamps them with. */
static int settled(const struct vh_dircache_rec *r)
{
	struct timespec now;

	if (clock_gettime(CLOCK_REALTIME, &now) < 0)
		return 0;
	return r->ctime_s + VH_DIRCACHE_SETTLE <= (int64_t)now.tv_sec &&
	       r->mtime_s + VH_DIRCACHE_SETTLE <= (int64_t)now.tv_sec;
}

/* The first component of every name is no entry of the directory. */
static bool all_absent(int dirfd, const char *path, const char *const *names)
{
	char buf[4096];
	struct stat st;
	size_t pl = strlen(path), nl;
	const char *slash;

	for (; *names; names++) {
		slash = strchr(*names, '/');
		nl = slash ? (size_t)(slash - *names) : strlen(*names);
		if (!nl || pl + nl + 2 > sizeof(buf))
			return false;
		memcpy(buf, path, pl);
		buf[pl] = '/';
		memcpy(buf + pl + 1, *names, nl);
		buf[pl + 1 + nl] = '\0';
		if (fstatat(dirfd, buf, &st, AT_SYMLINK_NOFOLLOW) == 0 || errno != ENOENT)
			return false;
	}
	return true;
}

/* vh_fs_keeps_dir_times of the directory path lies in (path itself for a
 * directory), asked once per file system. */
static int fs_keeps(struct vh_dircache *c, uint64_t dev, int dirfd, const char *path, int is_dir)
{
	const char *slash = strrchr(path, '/');
	char *parent;

	if (c->fs_known && c->fs_dev == dev)
		return c->fs_keeps;
	if (is_dir || !slash) {
		c->fs_keeps = vh_fs_keeps_dir_times(dirfd, is_dir ? path : ".");
	} else {
		parent = slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));
		if (!parent)
			return 0;
		c->fs_keeps = vh_fs_keeps_dir_times(dirfd, parent);
		free(parent);
	}
	c->fs_dev = dev;
	c->fs_known = 1;
	return c->fs_keeps;
}

int vh_dircache_add(struct vh_dircache *c, uint64_t key, int dirfd, const char *path,
		    const struct stat *st, const char *const *names)
{
	struct vh_dircache_rec r;

	if (c->added >= VH_DIRCACHE_ADD_MAX || (names ? !S_ISDIR(st->st_mode) : !S_ISREG(st->st_mode)))
		return 0;
	fill(&r, key, st);
	if (!settled(&r))
		return 0;
	if (!c->loaded)
		load(c);
	if ((names && !all_absent(dirfd, path, names)) ||
	    !fs_keeps(c, r.dev, dirfd, path, names != NULL))
		return 0;
	if (c->n == VH_DIRCACHE_MAX) {
		/* full: the file starts over with what this walk adds */
		memmove(&c->f.rec[0], &c->f.rec[c->n - c->added], c->added * sizeof(r));
		c->n = c->added;
		c->usable = 0;
	}
	c->f.rec[c->n++] = r;
	c->added++;
	return 1;
}

void vh_dircache_save(struct vh_dircache *c)
{
	struct vh_dircache_head h;
	struct stat st;
	char *file = NULL;
	const struct vh_dircache_rec *from;
	size_t size;
	int fd = -1, fresh;

	if (!c->added)
		return;
	file = cache_file();
	if (!file || vh_xdg_make_parent(file) < 0 || !usable(file, 1))
		goto done;
	/* An unusable file (another owner, another format, torn, full) goes:
	 * appending to it would be read by no one. */
	if (!c->usable && unlink(file) < 0 && errno != ENOENT)
		goto done;
	fd = vh_file_open_own(file, O_APPEND);
	if (fd < 0 || fstat(fd, &st) < 0)
		goto done;
	fresh = st.st_size == 0;
	if (!fresh && (st.st_size < (off_t)sizeof(h) ||
		       (st.st_size - (off_t)sizeof(h)) % (off_t)sizeof(c->f.rec[0])))
		goto done; /* torn meanwhile: the next load finds it unusable */
	from = &c->f.rec[c->n - c->added];
	size = c->added * sizeof(*from);
	if (fresh) {
		/* (two shells starting the file at once write two headers: the
		 * next load finds it torn, and the next save starts it over) */
		memset(&h, 0, sizeof(h));
		memcpy(h.magic, "VHdirs", 6);
		h.version = VH_DIRCACHE_VERSION;
		h.recsize = sizeof(struct vh_dircache_rec);
		h.order = VH_DIRCACHE_ORDER;
		if (vh_write_all(fd, (const char *)&h, sizeof(h)) < 0)
			goto done;
	}
	/* One write of a few records: appends from two shells do not mix. */
	if (write(fd, from, size) < 0)
		(void)0;
	c->usable = 1;
done:
	c->added = 0;
	if (fd >= 0)
		close(fd);
	free(file);
}
