/* Who besides the user can change a file or a directory: the user who owns
 * it, its group, anyone, or someone an ACL names. The one judgement behind
 * every "writable by no one else" of venvhook: its own files and their
 * directories (fileio.h, xdg.h), an env and the directories above it, and
 * each directory and symlink on a path put on PATH (core/trust/perms.h). */
#ifndef VH_WRITERS_H
#define VH_WRITERS_H

#include <sys/types.h>

#include "core/util/compat.h"

enum vh_writers {
	VH_WRITERS_NONE = 0, /* the user alone (and root, with VH_WRITERS_ROOT_OK) */
	VH_WRITERS_OWNER,    /* it belongs to another user */
	VH_WRITERS_ANYONE,   /* anyone may write it */
	VH_WRITERS_GROUP,    /* its group may, which is not the user's private group */
	VH_WRITERS_ACL,      /* an ACL entry lets another user or group write it */
	VH_WRITERS_INHERIT,  /* a directory whose default ACL gives others what is made in it */
	VH_WRITERS_UNKNOWN,  /* it has an ACL that cannot be read: counted as others' */
};

enum {
	VH_WRITERS_ROOT_OK = 1,   /* root's counts as the user's: root can change anything anyway */
	VH_WRITERS_STICKY_OK = 2, /* a sticky directory (as /tmp): others may add entries in
				   * it, not swap the user's (or root's) */
	VH_WRITERS_INHERITED = 4, /* a directory's default ACL counts */
};

/* Judges the file fd (or, fd < 0, the absolute path, symlinks followed)
 * whose status is st, for the user running venvhook. A group write bit is
 * harmless when the group is the user's private group, as private_group
 * says (NULL: vh_private_group_lookup). */
enum vh_writers vh_writers_with(int fd, const char *path, const struct vh_stat *st, unsigned flags,
				int (*private_group)(gid_t gid));
enum vh_writers vh_writers_of(int fd, const char *path, const struct vh_stat *st, unsigned flags);

/* Whether anyone but the user and root can change what the absolute path
 * leads to, following it one entry at a time as the kernel does (the one
 * walk venvhook judges paths by): each directory it passes through is
 * judged as above (root's are fine; a sticky one, for entries the user or
 * root owns), each symlink on it must be the user's or root's, and is
 * followed (at most 40); an entry with more after it must be a directory.
 * Returns 0 with *bad NULL (steady; *real, when real is not NULL, the
 * path it resolved to, which the caller frees: what was judged, to be
 * used instead of a second resolution), 0 with *bad set (not: *bad, which
 * the caller frees, names the directory or symlink, *why says what is
 * wrong with it; a path that cannot be looked at is not steady either,
 * *why VH_WRITERS_UNKNOWN), or VH_ENOMEM. The file at the end is not judged. flags add to how each
 * directory is judged (VH_WRITERS_INHERITED: its default ACL counts). */
int vh_path_steady(char **real, char **bad, enum vh_writers *why, const char *path, unsigned flags,
		   int (*private_group)(gid_t gid));

/* 1 when gid is the user's private group: the user's primary group, named
 * as the user, no other member listed (the user private groups of Debian,
 * Fedora and RHEL, where umask 002 makes a group write bit harmless).
 * Asked of the user and group databases once a process. */
int vh_private_group_lookup(gid_t gid);

/* "belongs to another user", "is writable by its group"...: what follows
 * a file's name in a message. */
const char *vh_writers_text(enum vh_writers w);

#endif
