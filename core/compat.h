/* What differs between the systems venvhook runs on (Linux, macOS, the
 * BSDs), behind one interface chosen at configure time. Everything else in
 * core/ is POSIX. */
#ifndef VH_COMPAT_H
#define VH_COMPAT_H

#include <sys/types.h>
#include <time.h>

/* The parts of a file's status venvhook uses, with nanosecond times and,
 * where the system and the file system keep one, the birth time. */
struct vh_stat {
	dev_t dev;
	ino_t ino;
	mode_t mode;
	uid_t uid;
	gid_t gid;
	nlink_t nlink;
	off_t size;
	struct timespec mtime, ctime;
	struct timespec btime; /* valid when has_btime */
	int has_btime;
};

/* vh_stat(out, dirfd, path, follow): fstatat with AT_FDCWD or a directory
 * descriptor; follow = 0 looks at a symlink itself. Birth time comes from
 * statx (Linux) or st_birthtimespec (macOS, the BSDs); a file system that
 * records none (or records 0) leaves has_btime 0. Returns 0 or -1 with
 * errno set. */
int vh_stat(struct vh_stat *out, int dirfd, const char *path, int follow);

/* Negative, zero or positive as a is before, equal to or after b. */
int vh_timespec_cmp(const struct timespec *a, const struct timespec *b);

#endif
