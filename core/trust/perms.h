/* Who besides the user can change what a path holds, for the trust policy
 * (the judgement itself is core/util/writers.h's): an env's owner, its
 * mode, its ACLs, and every directory above it, whose writers can swap the
 * entries in it, so that an env is only as safe as every directory above
 * it; and the symlinks on the path put on PATH. */
#ifndef VH_PERMS_H
#define VH_PERMS_H

#include "core/util/compat.h"
#include "core/util/writers.h"

/* Judges the file at path (absolute; st its status, symlinks followed):
 * another owner (root is fine), its mode, an ACL entry, and for a
 * directory its default ACL. A directory writable by others but sticky
 * (/tmp) lets them add entries, not swap the user's: that is fine when
 * sticky_ok. A group write bit is harmless when the group is the user's
 * private group (the answer is cached on disk, core/trust/cache.h). */
enum vh_writers vh_perm_judge(const char *path, const struct vh_stat *st, int sticky_ok);

/* The first entry on the way to real (absolute) that someone else could
 * change: the one walk (vh_path_steady), each directory's default ACL
 * counting too, sticky directories fine for entries the user or root owns,
 * every directory from / down. Returns 0 with *bad NULL when none is, 0
 * with *bad (caller frees) and *why set (VH_WRITERS_UNKNOWN: it cannot be
 * looked at), VH_ENOMEM. */
int vh_perm_parents(char **bad, enum vh_writers *why, const char *real);

/* vh_path_steady (writers.h) with the cached group answer: 0 with *bad
 * NULL when no one but the user and root can change what path leads to
 * (*real, when real is not NULL, what it leads to), 0 with *bad set when
 * someone can, or VH_ENOMEM. */
int vh_perm_steady(char **real, char **bad, enum vh_writers *why, const char *path);

/* Follows path (absolute) as the kernel would, and judges all it passes
 * (vh_perm_steady: the same one walk) and the file at the end
 * (vh_perm_judge; a directory may be sticky): so nobody but the user or
 * root can make path lead elsewhere, nor change what it leads to. Returns 0 with *real (caller frees) the
 * path resolved, or 0 with *bad (caller frees: the first entry that fails)
 * and *why; VH_ENOTFOUND for a relative path, a missing entry or too many
 * links; VH_ENOMEM. */
int vh_perm_path(char **real, char **bad, enum vh_writers *why, const char *path);

#endif
