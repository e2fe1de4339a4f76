#include "core/util/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/compat.h"
#include "core/util/writers.h"

int vh_file_private(int fd, const char *path, const struct stat *st)
{
	struct vh_stat vs;

	if (!S_ISREG(st->st_mode) && !S_ISDIR(st->st_mode))
		return 0;
	vh_stat_from(&vs, st);
	return vh_writers_of(fd, path, &vs, 0) == VH_WRITERS_NONE;
}

int vh_file_open_own(const char *path, int flags)
{
	struct stat st;
	int fd = open(path, flags | O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC,
		      0600), saved;

	if (fd < 0)
		return VH_EIO;
	if (fstat(fd, &st) < 0)
		goto bad;
	/* one link: not a name for a file that also lives elsewhere */
	if (!S_ISREG(st.st_mode) || st.st_nlink != 1 || !vh_file_private(fd, NULL, &st)) {
		errno = EPERM;
		goto bad;
	}
	return fd;
bad:
	saved = errno;
	close(fd);
	errno = saved;
	return VH_EIO;
}

int vh_file_replace(const char *path, const char *data, size_t len)
{
	struct vh_buf tmp = VH_BUF_INIT;
	int fd = -1, rc = VH_EIO, made = 0, saved;

	if (vh_buf_puts(&tmp, path) < 0 || vh_buf_puts(&tmp, ".XXXXXX") < 0) {
		errno = ENOMEM;
		rc = VH_ENOMEM;
		goto done;
	}
	/* O_CREAT|O_EXCL, 0600: a name of its own, never an existing file or a
	 * symlink (mkostemp, with O_CLOEXEC, is not POSIX) */
	fd = mkstemp(tmp.data);
	if (fd < 0)
		goto done;
	made = 1;
	(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (vh_write_all(fd, data, len) < 0 || fsync(fd) < 0)
		goto done;
	rc = close(fd) < 0 ? VH_EIO : VH_OK;
	fd = -1;
	if (rc == 0 && rename(tmp.data, path) < 0)
		rc = VH_EIO;
done:
	saved = errno;
	if (fd >= 0)
		close(fd);
	if (rc < 0 && made)
		unlink(tmp.data);
	vh_buf_free(&tmp);
	errno = saved;
	return rc;
}

int vh_read_file(struct vh_buf *out, int dirfd, const char *path, size_t max)
{
	struct stat st;
	ssize_t n;
	size_t start = out->len, got, room;
	int fd, rc = VH_EIO, saved;

	fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return errno == ENOENT || errno == ENOTDIR ? VH_ENOTFOUND : VH_EIO;
	if (fstat(fd, &st) < 0)
		goto done;
	if (!S_ISREG(st.st_mode)) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		rc = VH_ENOTREG;
		goto done;
	}
	/* Straight into the buffer, sized by fstat (a page at a time where it
	 * says nothing, as /proc's files do), one byte past max to tell a
	 * file that is too large: no copy, and no large buffer on the stack,
	 * whose pages an export would fault in for a file of 20 bytes. */
	for (;;) {
		got = out->len - start;
		room = (size_t)st.st_size > got ? (size_t)st.st_size - got : 4096;
		if (max - got < room)
			room = max - got + 1;
		if (vh_buf_grow(out, room) < 0) {
			errno = ENOMEM;
			rc = VH_ENOMEM;
			goto done;
		}
		n = read(fd, out->data + out->len, room);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto done;
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->data[out->len] = '\0';
		if (out->len - start > max) {
			errno = EFBIG;
			rc = VH_ETOOBIG;
			goto done;
		}
		/* all fstat saw: no read more only to meet the end (a file
		 * growing meanwhile is read as it was) */
		if (out->len - start == (size_t)st.st_size)
			break;
	}
	rc = vh_buf_puts(out, "") < 0 ? (errno = ENOMEM, VH_ENOMEM) : VH_OK;
done:
	saved = errno;
	close(fd);
	if (rc != VH_OK && out->data) {
		out->len = start;
		out->data[start] = '\0';
	}
	errno = saved;
	return rc;
}

int vh_read_file_why(struct vh_buf *out, struct vh_buf *why, const char *path, size_t max)
{
	int st = vh_read_file(out, AT_FDCWD, path, max);

	switch (st) {
	case VH_OK:
	case VH_ENOMEM:
	case VH_ENOTFOUND:
		return st;
	case VH_ETOOBIG:
		st = vh_buf_printf(why, "is larger than %zu KiB", max / 1024);
		break;
	case VH_ENOTREG:
		st = vh_buf_puts(why, "is not a regular file");
		break;
	default:
		st = vh_buf_printf(why, "cannot be read (%s)", strerror(errno));
	}
	return st < 0 ? VH_ENOMEM : VH_EREFUSED;
}

int vh_write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return VH_EIO;
		if (w == 0) {
			errno = EIO;
			return VH_EIO;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}
