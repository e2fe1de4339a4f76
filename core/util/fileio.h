/* Whole small files in and out. Every file venvhook reads can be a
 * project's, so a read never waits on what is not a regular file (a FIFO
 * as pyvenv.cfg would hang the user's cd) and never grows past a bound. */
#ifndef VH_FILEIO_H
#define VH_FILEIO_H

#include <stddef.h>

#include "core/util/buf.h"
#include "core/util/err.h"

/* The most venvhook reads of a file a project, a tool or an env holds
 * (pyvenv.cfg, pyproject.toml, Pipfile, poetry.toml, the tools' config
 * files, .python-version, the config file): far above any real one. Every
 * parser of them is linear in its input, so this bounds what a cd costs
 * whatever the files hold; a larger file is refused with one line. */
#define VH_READ_MAX (1024 * 1024)

/* Appends the regular file path (relative to dirfd, or AT_FDCWD) to out,
 * NUL-terminated, when it holds at most max bytes. Opened without waiting
 * (O_NONBLOCK) and judged by fstat before a byte is read. Returns 0,
 * VH_ENOTFOUND (no such file, or a path through a non-directory),
 * VH_ENOTREG, VH_ETOOBIG (more than max bytes), VH_ENOMEM or VH_EIO;
 * errno is set for every failure. */
int vh_read_file(struct vh_buf *out, int dirfd, const char *path, size_t max);

/* The same, saying in why what is wrong with the file ("is larger than 64
 * KiB", "is not a regular file", "cannot be read (...)"), after its path.
 * Returns 0 (read), VH_EREFUSED (why says why not), VH_ENOTFOUND or
 * VH_ENOMEM. */
int vh_read_file_why(struct vh_buf *out, struct vh_buf *why, const char *path, size_t max);

/* 1 when st (the status of fd, or, fd < 0, of the absolute path) is the
 * user's own regular file or directory that no one else can write, by its
 * mode or an ACL (core/util/writers.h): venvhook's own files (the trust
 * file, the config, the caches and indexes, and their directories: see
 * xdg.h), whose contents decide what runs, are believed only then. */
struct stat;
int vh_file_private(int fd, const char *path, const struct stat *st);

/* Opens path, a file of venvhook's own in a directory only the user can
 * write (xdg.h), for writing (flags: O_APPEND, O_TRUNC, O_RDWR...): made
 * when absent (0600), never through a symlink, never a file that is not
 * the user's own private regular file with one link. Returns the
 * descriptor, or VH_EIO with errno set (EPERM for a file that is not). */
int vh_file_open_own(const char *path, int flags);

/* Replaces path, in a directory only the user can write, with the len
 * bytes of data: written to a new file beside it that mkstemp makes (never
 * an existing file, never through a symlink), flushed to disk and renamed
 * over path, so that a failed write leaves the old file whole. Returns 0
 * or VH_EIO with errno set. */
int vh_file_replace(const char *path, const char *data, size_t len);

/* write(2) until all n bytes are written, EINTR retried. Returns 0 or
 * VH_EIO with errno set. */
int vh_write_all(int fd, const char *p, size_t n);

#endif
