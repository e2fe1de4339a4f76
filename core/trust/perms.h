/* Who besides the user can change what a path holds: its owner, and
 * anyone its mode lets write. A directory's writers can swap the entries
 * in it, so an env is only as safe as every directory above it. */
#ifndef VH_PERMS_H
#define VH_PERMS_H

#include "core/util/compat.h"

enum vh_perm {
	VH_PERM_OK = 0,
	VH_PERM_NOT_YOURS, /* owned by another user (root is fine) */
	VH_PERM_GROUP,     /* writable by a group other users are in */
	VH_PERM_ANYONE,    /* writable by anyone */
};

/* Judges one file. A directory writable by others but sticky (/tmp) lets
 * them add entries, not swap the user's: that is OK when sticky_ok. A group
 * write bit is harmless when the group is the user's private group (named
 * as the user, the user's primary group, no other member listed), as with
 * umask 002 on Fedora and RHEL. */
enum vh_perm vh_perm_judge(const struct vh_stat *st, int sticky_ok);

/* The first directory above real (an absolute path without symlinks), up
 * to $HOME (inclusive) when real is under it, else up to /, that another
 * user can change (see vh_perm_judge, sticky directories OK). Returns 0
 * with *bad NULL when none is, 0 with *bad (caller frees) and *why set,
 * -1 out of memory. A directory that cannot be looked at counts as bad. */
int vh_perm_parents(char **bad, enum vh_perm *why, const char *real);

/* Follows path (absolute) one entry at a time, as the kernel would, and
 * judges every entry it passes: each directory looked in (sticky ones OK)
 * and the file at the end must be the user's or root's and writable by no
 * one else, and each symlink met the user's or root's (a link sits in a
 * directory judged already). So nobody else can make path lead elsewhere.
 * Returns 0 with *real (caller frees) the path resolved, or 0 with *bad
 * (caller frees: the first entry that fails) and *why; VH_ENOTFOUND for a
 * relative path, a missing entry or too many links; VH_ENOMEM. */
int vh_perm_path(char **real, char **bad, enum vh_perm *why, const char *path);

/* "belongs to another user" and the like, for messages. */
const char *vh_perm_text(enum vh_perm p);

#endif
