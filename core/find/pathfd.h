/* The directories of one absolute path, reachable by descriptor.
 *
 * Discovery walks up from the current directory asking a few names in each
 * directory (pyvenv.cfg, .venv/pyvenv.cfg, .git, the stores' files). Asked
 * as "/a/b/.../name", each question makes the kernel resolve every
 * component of the path again, so a walk from N levels deep costs N²
 * lookups. Here some of the path's directories are opened once, top-down
 * (every VH_PATHFD_STRIDE-th, and the path itself), and a question about
 * anything below one of them resolves only what lies below it. The kernel
 * resolves a path one component at a time, so fstatat(fd of "/a/b",
 * "c/name") gives exactly what stat("/a/b/c/name") gives, symlinks in c
 * and all: the answers do not change, only their cost. */
#ifndef VH_PATHFD_H
#define VH_PATHFD_H

#include <stddef.h>
#include <sys/stat.h>

/* Components between two opened directories: each question resolves at
 * most this many more than its own name. */
#define VH_PATHFD_STRIDE 4

struct vh_pathfd {
	char *path;  /* the path given (absolute) */
	size_t n;    /* opened directories */
	size_t *len; /* len[i]: length of the prefix of path that fd[i] is */
	int *fd;
	/* A directory known (dircache.h) to hold none of the names of the
	 * NULL-terminated list absent (their first components): a question of
	 * vh_pathfd_stat_in about one of them, or below one, in it is answered
	 * ENOENT without asking.
	 * Set by the caller; NULL for none. */
	const char *empty;
	const char *const *absent;
};

/* Opens the directories of the absolute path; none for a path of at most
 * VH_PATHFD_STRIDE components, where no question would be cheaper for
 * them. One that cannot be opened
 * (no search permission, gone, no descriptor left) ends the list: the
 * questions below it are asked from the last one opened, or by their whole
 * path, and get the same answers. Returns 0, or VH_ENOMEM. Free
 * with vh_pathfd_close (also after a failure). */
int vh_pathfd_open(struct vh_pathfd *p, const char *path);
void vh_pathfd_close(struct vh_pathfd *p);

/* fstatat(AT_FDCWD, path, st, flags) and openat(AT_FDCWD, path, oflags),
 * asked from the nearest opened directory that is a proper prefix of the
 * absolute path (so AT_SYMLINK_NOFOLLOW still looks at path's own last
 * component). p may be NULL: then they are those calls. */
int vh_pathfd_stat(const struct vh_pathfd *p, const char *path, struct stat *st, int flags);
int vh_pathfd_openat(const struct vh_pathfd *p, const char *path, int oflags);

/* The descriptor (or AT_FDCWD) and the relative rest of path those calls
 * ask from, for another *at() call. */
int vh_pathfd_base(const struct vh_pathfd *p, const char *path, const char **rel);

/* vh_pathfd_stat of dir + "/" + name (name not empty, relative), without
 * building the whole path: the walk asks a few names in each directory.
 * ENOENT at once for a name p->absent lists, when dir is p->empty. */
int vh_pathfd_stat_in(const struct vh_pathfd *p, const char *dir, const char *name,
		      struct stat *st, int flags);

#endif
