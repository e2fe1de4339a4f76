/* See dircache.h. */
#include "dircache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "xdg.h"

/* "VHdirs", the format's version, the record size and a byte-order mark:
 * a file written by another build or machine (a shared $HOME) reads as no
 * file. */
struct head {
	char magic[6];
	uint8_t version, recsize;
	uint32_t order;
	uint32_t n;
};

#define VH_DIRCACHE_VERSION 1
#define VH_DIRCACHE_ORDER 0x01020304u

static char *cache_file(void)
{
	char *file = NULL;

	return vh_xdg_file(&file, "XDG_CACHE_HOME", ".cache", "dirs") == 0 ? file : NULL;
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

static void load(struct vh_dircache *c)
{
	struct head h;
	struct stat st;
	char *file;
	ssize_t got;
	int fd;

	c->loaded = 1;
	c->n = 0;
	file = cache_file();
	fd = file ? open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) : -1;
	free(file);
	if (fd < 0)
		return;
	/* Written by someone else, it could hide an env from the walk. */
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
	    (st.st_mode & 022))
		goto done;
	if (read(fd, &h, sizeof(h)) != (ssize_t)sizeof(h) || memcmp(h.magic, "VHdirs", 6) ||
	    h.version != VH_DIRCACHE_VERSION || h.recsize != sizeof(struct vh_dircache_rec) ||
	    h.order != VH_DIRCACHE_ORDER || h.n > VH_DIRCACHE_MAX)
		goto done;
	got = read(fd, c->rec, h.n * sizeof(c->rec[0]));
	if (got == (ssize_t)(h.n * sizeof(c->rec[0])))
		c->n = h.n;
done:
	close(fd);
}

int vh_dircache_has(struct vh_dircache *c, const struct stat *st)
{
	struct vh_dircache_rec want;
	size_t i;

	if (!S_ISDIR(st->st_mode))
		return 0;
	if (!c->loaded)
		load(c);
	fill(&want, c->key, st);
	for (i = 0; i < c->n; i++)
		if (c->rec[i].ino == want.ino && !memcmp(&c->rec[i], &want, sizeof(want)))
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

/* 0 when the first component of every name is no entry of the directory. */
static int all_absent(int dirfd, const char *path, const char *const *names)
{
	char buf[4096];
	struct stat st;
	size_t pl = strlen(path), nl;
	const char *slash;

	for (; *names; names++) {
		slash = strchr(*names, '/');
		nl = slash ? (size_t)(slash - *names) : strlen(*names);
		if (!nl || pl + nl + 2 > sizeof(buf))
			return -1;
		memcpy(buf, path, pl);
		buf[pl] = '/';
		memcpy(buf + pl + 1, *names, nl);
		buf[pl + 1 + nl] = '\0';
		if (fstatat(dirfd, buf, &st, AT_SYMLINK_NOFOLLOW) == 0 || errno != ENOENT)
			return -1;
	}
	return 0;
}

int vh_dircache_add(struct vh_dircache *c, int dirfd, const char *path, const struct stat *st,
		    const char *const *names)
{
	struct vh_dircache_rec r;
	size_t i;

	if (!S_ISDIR(st->st_mode))
		return 0;
	fill(&r, c->key, st);
	if (!settled(&r))
		return 0;
	if (!c->loaded)
		load(c);
	if (all_absent(dirfd, path, names) < 0 || !vh_fs_keeps_dir_times(dirfd, path))
		return 0;
	/* One record per directory and key: an older one of it goes. */
	for (i = 0; i < c->n; i++)
		if (c->rec[i].dev == r.dev && c->rec[i].ino == r.ino && c->rec[i].key == r.key) {
			memmove(&c->rec[i], &c->rec[i + 1], (c->n - i - 1) * sizeof(r));
			c->n--;
			break;
		}
	if (c->n == VH_DIRCACHE_MAX) {
		memmove(&c->rec[0], &c->rec[1], (c->n - 1) * sizeof(r));
		c->n--;
	}
	c->rec[c->n++] = r;
	c->added++;
	return 1;
}

void vh_dircache_save(struct vh_dircache *c)
{
	struct head h;
	char *file = NULL, *tmp = NULL;
	size_t len;
	int fd = -1, ok;

	if (!c->added)
		return;
	file = cache_file();
	if (!file || vh_xdg_make_parent(file) < 0)
		goto done;
	len = strlen(file);
	tmp = malloc(len + 8);
	if (!tmp)
		goto done;
	memcpy(tmp, file, len);
	memcpy(tmp + len, ".XXXXXX", 8);
	fd = mkstemp(tmp);
	if (fd < 0)
		goto done;
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, "VHdirs", 6);
	h.version = VH_DIRCACHE_VERSION;
	h.recsize = sizeof(struct vh_dircache_rec);
	h.order = VH_DIRCACHE_ORDER;
	h.n = (uint32_t)c->n;
	ok = write(fd, &h, sizeof(h)) == (ssize_t)sizeof(h) &&
	     write(fd, c->rec, c->n * sizeof(c->rec[0])) == (ssize_t)(c->n * sizeof(c->rec[0]));
	if (close(fd) < 0)
		ok = 0;
	fd = -1;
	/* Two shells writing at once: the last rename wins, the other's
	 * directories are asked about again next time. */
	if (!ok || rename(tmp, file) < 0)
		unlink(tmp);
	c->added = 0;
done:
	if (fd >= 0)
		close(fd);
	free(tmp);
	free(file);
}
