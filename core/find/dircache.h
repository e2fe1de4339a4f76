/* The directories discovery has found to hold none of the names it asks
 * about, so that the next walk through them asks the kernel one question
 * per directory instead of one per name: $XDG_CACHE_HOME/venvhook/dirs
 * (default ~/.cache/venvhook/dirs).
 *
 * Most directories of a walk up (a repository without an env, the
 * directories above a project) hold none of the names, and every walk
 * asks again about each of them. A directory's ctime changes whenever an
 * entry is made, removed or renamed in it, and nobody can set it back
 * (only the clock), so a directory whose dev, inode, ctime and mtime are
 * those recorded still lacks the names it lacked then. That is the whole
 * rule, with three conditions on recording, each one failing towards "ask
 * again" rather than "wrong":
 *   - every name was seen absent as an entry (lstat ENOENT), not merely
 *     unusable: an empty .venv or a dangling symlink could change without
 *     the directory changing;
 *   - the ctime and mtime are at least VH_DIRCACHE_SETTLE seconds old, so
 *     that a change in the same clock tick as the recording (or within a
 *     coarse file system's granularity) cannot leave the times as they were;
 *   - the file system is one that keeps those times (compat.h,
 *     vh_fs_keeps_dir_times): not NFS, FUSE, SMB or FAT.
 * A record holds a key of what it says: "holds none of these names" for
 * the name list (so a config with other env directory names never uses
 * another's records; a work tree's root is recorded with the list less
 * .git), or, for a file, "passed this judgement" (gitdir.c's HEAD and
 * config checks, by each file's dev, inode and times, taken before and
 * after the read that judged it). The file is the user's: one owned by
 * anyone else, writable by others, or not in this format is not read.
 * Losing it only costs time: every failure here is silent. */
#ifndef VH_DIRCACHE_H
#define VH_DIRCACHE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "core/util/compat.h"

#define VH_DIRCACHE_SETTLE 3 /* seconds */
#define VH_DIRCACHE_MAX 256  /* directories kept; the oldest go first */
/* Directories recorded by one walk at most: recording asks each name again
 * (lstat) and the file system's type, so a first walk from deep down
 * spreads that over a few directory changes instead of paying it at once. */
#define VH_DIRCACHE_ADD_MAX 4

struct vh_dircache_rec {
	uint64_t dev, ino, key;
	int64_t ctime_s, mtime_s;
	uint32_t ctime_ns, mtime_ns;
};

/* The file: this header ("VHdirs", the format's version, the record size
 * and a byte-order mark, so that a file written by another build or machine
 * reads as no file), then records, appended in one write() per walk that
 * adds any (no temporary file and rename: creating a file costs more than
 * the walk), and started over once it holds VH_DIRCACHE_MAX. A directory
 * may have several records (its older times never match again). */
struct vh_dircache_head {
	char magic[6];
	uint8_t version, recsize;
	uint32_t order, zero;
};

struct vh_dircache {
	int loaded, usable; /* usable: the file read is the user's and in this format */
	size_t n;           /* records in f.rec: those read, then those added */
	size_t added;       /* of them added since the last vh_dircache_save */
	/* the last file system asked about (vh_fs_keeps_dir_times) */
	uint64_t fs_dev;
	int fs_known, fs_keeps;
	/* as in the file, read in one call */
	struct vh_dircache_file {
		struct vh_dircache_head head;
		struct vh_dircache_rec rec[VH_DIRCACHE_MAX];
	} f;
};

/* The key of what a record says of its file: for a directory, the
 * NULL-terminated list of names it holds none of; for a file, a list that
 * names the judgement it passed (and the version of its rules). Mixed with
 * the format's version. */
uint64_t vh_dircache_key(const char *const *names);

/* 1 when st (an lstat of a directory, or a stat of a file) is recorded
 * under key. Reads the file the first time it is asked. */
int vh_dircache_has(struct vh_dircache *c, uint64_t key, const struct stat *st);

/* Records path (relative to dirfd; st its status) under key when it meets
 * the conditions above: its times are settled (now being the current
 * time), its file system keeps them, and, for a directory (names not
 * NULL), each of names (their first components) is absent; a file
 * (names NULL) must be a regular file, judged by the caller from what it
 * read between st and a second status equal to it. Costs a question per
 * name (and a statfs per file system and process), once per change; at
 * most VH_DIRCACHE_ADD_MAX records between two vh_dircache_save calls.
 * Returns 1 recorded, 0 not. */
int vh_dircache_add(struct vh_dircache *c, uint64_t key, int dirfd, const char *path,
		    const struct stat *st, const char *const *names);

/* Appends what was added to the file (or starts it over, when it is full
 * or was unusable). */
void vh_dircache_save(struct vh_dircache *c);

#endif
