#include "core/util/cache.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/compat.h"
#include "core/util/fileio.h"
#include "core/util/xdg.h"

#define VH_CACHE_MAX 65536

static char *cache_file(void)
{
	char *file = NULL;

	return vh_xdg_file(&file, "XDG_CACHE_HOME", ".cache", "checked") == 0 ? file : NULL;
}

/* A place only the user can write (xdg.h): the cache is used only there. */
static int usable(const char *file, int writing)
{
	struct vh_buf why = VH_BUF_INIT;
	int r = vh_xdg_usable(&why, file, writing);

	vh_buf_free(&why);
	return r == 0;
}

int vh_cache_get(struct vh_buf *value, const char *key)
{
	static char buf[VH_CACHE_MAX];
	static ssize_t n = -1;
	size_t klen = strlen(key);
	const char *p, *nl, *found = NULL, *end;
	char *file;
	struct stat st;
	int fd;

	/* Read once per process: export asks it a few questions. */
	if (n < 0) {
		n = 0;
		file = cache_file();
		/* Its answers feed the trust checks ("git tracks nothing in this
		 * env"): a file someone else wrote, or could, is not read, nor one
		 * in a place others can write (xdg.h). */
		fd = file && usable(file, 0) ? open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) : -1;
		free(file);
		if (fd >= 0 && fstat(fd, &st) == 0 && vh_file_private(fd, NULL, &st))
			n = read(fd, buf, sizeof(buf));
		if (fd >= 0)
			close(fd);
		if (n < 0)
			n = 0;
	}
	end = buf + n;
	for (p = buf; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break; /* a line cut short (being written, or past the end) */
		if ((size_t)(nl - p) > klen && !memcmp(p, key, klen) && p[klen] == ' ')
			found = p + klen + 1;
	}
	if (!found)
		return 0;
	nl = memchr(found, '\n', (size_t)(end - found));
	vh_buf_reset(value);
	return vh_buf_add(value, found, (size_t)(nl - found)) == 0 && vh_buf_puts(value, "") == 0;
}

void vh_cache_put(const char *key, const char *value)
{
	struct vh_buf line = VH_BUF_INIT;
	struct stat st;
	int fd, flags = O_APPEND;
	char *file = cache_file();

	if (!file || vh_xdg_make_parent(file) < 0 || !usable(file, 1))
		goto done;
	if (vh_buf_puts(&line, key) < 0 || vh_buf_putc(&line, ' ') < 0 ||
	    vh_buf_puts(&line, value) < 0 || vh_buf_putc(&line, '\n') < 0)
		goto done;
	/* Only the first 64 KiB is read back: start over when it is full. A
	 * file vh_cache_get would not read starts over too, as the user's. */
	if (lstat(file, &st) == 0) {
		if (!S_ISREG(st.st_mode) || st.st_nlink != 1 || !vh_file_private(-1, file, &st)) {
			if (unlink(file) < 0)
				goto done;
		} else if (st.st_size + (off_t)line.len > VH_CACHE_MAX - 4096) {
			flags |= O_TRUNC;
		}
	}
	fd = vh_file_open_own(file, flags);
	if (fd < 0)
		goto done;
	/* One write of one short line: appends from two shells do not mix. */
	if (write(fd, line.data, line.len) < 0)
		(void)0;
	close(fd);
done:
	free(file);
	vh_buf_free(&line);
}

int vh_cache_ident(struct vh_buf *out, const char *path, int follow)
{
	struct vh_stat st;

	if (vh_stat(&st, AT_FDCWD, path, follow) < 0)
		return vh_buf_puts(out, "none");
	return vh_buf_printf(out, "%llu.%llu.%lld.%lld.%ld.%lld.%ld", (unsigned long long)st.dev,
			     (unsigned long long)st.ino, (long long)st.size,
			     (long long)st.mtime.tv_sec, st.mtime.tv_nsec,
			     (long long)st.ctime.tv_sec, st.ctime.tv_nsec);
}
