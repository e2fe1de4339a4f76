/* What an answer depends on, file by file, so that a cheaper judge than the
 * one that gave it can tell when it might no longer hold: each path either
 * absent (it must stay so) or there (it must stay as it was: its
 * modification time no later than when it was looked at). The region a
 * shell is handed (core/decide/region.h) is made of these. */
#ifndef VH_DEPS_H
#define VH_DEPS_H

#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#define VH_DEPS_MAX 48

struct vh_deps {
	char *path[VH_DEPS_MAX];
	unsigned char there[VH_DEPS_MAX]; /* 1: must stay as it is; 0: must stay absent */
	size_t n, nthere;
	/* the newest modification time of those there (0 for none) */
	struct timespec newest;
	/* 1 when some path cannot be judged so: one that cannot be looked at
	 * (EACCES, a loop), a symlink that is there (its own time is not its
	 * target's), one on a file system whose times do not say it changed
	 * (vh_fs_keeps_dir_times), or more than VH_DEPS_MAX */
	int unusable;
	dev_t fs_dev[4];
	int fs_keeps[4];
	size_t nfs;
};

/* Looks at path (absolute) without following a last symlink and adds it as
 * absent or there. Returns 0 or VH_ENOMEM (unusable is set for a path
 * that cannot be judged). */
int vh_deps_add(struct vh_deps *d, const char *path);

/* The same for dir + "/" + name. */
int vh_deps_add_in(struct vh_deps *d, const char *dir, const char *name);

void vh_deps_free(struct vh_deps *d);

#endif
