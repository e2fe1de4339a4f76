/* Linux's statx needs _GNU_SOURCE; nothing else in core/ asks for it. */
#define _GNU_SOURCE 1
#include "compat.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#ifdef HAVE_SYS_SYSMACROS_H
#include <sys/sysmacros.h> /* makedev, on glibc */
#endif

/* st_mtim (POSIX 2008) or st_mtimespec (older macOS), else whole seconds. */
#if defined(HAVE_STRUCT_STAT_ST_MTIM)
#define VH_ST_TIME(st, x) ((st)->st_##x##tim)
#elif defined(HAVE_STRUCT_STAT_ST_MTIMESPEC)
#define VH_ST_TIME(st, x) ((st)->st_##x##timespec)
#endif

static void from_stat(struct vh_stat *out, const struct stat *st)
{
	memset(out, 0, sizeof(*out));
	out->dev = st->st_dev;
	out->ino = st->st_ino;
	out->mode = st->st_mode;
	out->uid = st->st_uid;
	out->gid = st->st_gid;
	out->nlink = st->st_nlink;
	out->size = st->st_size;
#ifdef VH_ST_TIME
	out->mtime = VH_ST_TIME(st, m);
	out->ctime = VH_ST_TIME(st, c);
#else
	out->mtime.tv_sec = st->st_mtime;
	out->ctime.tv_sec = st->st_ctime;
#endif
#ifdef HAVE_STRUCT_STAT_ST_BIRTHTIMESPEC
	out->btime = st->st_birthtimespec;
	out->has_btime = out->btime.tv_sec > 0;
#endif
}

#ifdef HAVE_STATX
static int by_statx(struct vh_stat *out, int dirfd, const char *path, int follow)
{
	struct statx sx;

	if (statx(dirfd, path, follow ? 0 : AT_SYMLINK_NOFOLLOW,
		  STATX_BASIC_STATS | STATX_BTIME, &sx) < 0)
		return -1;
	memset(out, 0, sizeof(*out));
	out->dev = makedev(sx.stx_dev_major, sx.stx_dev_minor);
	out->ino = (ino_t)sx.stx_ino;
	out->mode = sx.stx_mode;
	out->uid = sx.stx_uid;
	out->gid = sx.stx_gid;
	out->nlink = sx.stx_nlink;
	out->size = (off_t)sx.stx_size;
	out->mtime.tv_sec = sx.stx_mtime.tv_sec;
	out->mtime.tv_nsec = sx.stx_mtime.tv_nsec;
	out->ctime.tv_sec = sx.stx_ctime.tv_sec;
	out->ctime.tv_nsec = sx.stx_ctime.tv_nsec;
	if ((sx.stx_mask & STATX_BTIME) && sx.stx_btime.tv_sec > 0) {
		out->btime.tv_sec = sx.stx_btime.tv_sec;
		out->btime.tv_nsec = sx.stx_btime.tv_nsec;
		out->has_btime = 1;
	}
	return 0;
}
#endif

int vh_stat(struct vh_stat *out, int dirfd, const char *path, int follow)
{
	struct stat st;

#ifdef HAVE_STATX
	/* A kernel older than 4.11 (or a seccomp filter) says ENOSYS. */
	if (by_statx(out, dirfd, path, follow) == 0)
		return 0;
	if (errno != ENOSYS && errno != EPERM)
		return -1;
#endif
	if (fstatat(dirfd, path, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0)
		return -1;
	from_stat(out, &st);
	return 0;
}

int vh_timespec_cmp(const struct timespec *a, const struct timespec *b)
{
	if (a->tv_sec != b->tv_sec)
		return a->tv_sec < b->tv_sec ? -1 : 1;
	if (a->tv_nsec != b->tv_nsec)
		return a->tv_nsec < b->tv_nsec ? -1 : 1;
	return 0;
}
