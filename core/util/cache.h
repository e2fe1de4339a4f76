/* venvhook's cache, $XDG_CACHE_HOME/venvhook/checked (default
 * ~/.cache/venvhook/checked): answers that are costly to get again (a
 * libgit2 index read, a group lookup), one "<key> <value>" line each.
 * Keys hold the identity of what the answer depends on, so a stale line is
 * never found rather than ever wrong; the file starts over past 60 KB.
 * The file is read only when it is the user's and no one else can write
 * it (its answers feed the trust checks); one that is not is replaced at
 * the next write. Losing it only costs time: every failure here is silent. */
#ifndef VH_CACHE_H
#define VH_CACHE_H

#include "core/util/buf.h"

/* The value of the newest line for key (no blank, no newline) into value.
 * Returns 1 found, 0 not. */
int vh_cache_get(struct vh_buf *value, const char *key);

/* Adds "key value" (neither with a blank or newline; value may be ""). */
void vh_cache_put(const char *key, const char *value);

/* Appends the identity of the file at path (follow: through a symlink) as
 * a key's part: "DEV.INO.SIZE.MTIME.CTIME" (times to the nanosecond), or
 * "none". A write, a rename over it or a new file is another identity. */
int vh_cache_ident(struct vh_buf *out, const char *path, int follow);

#endif
