#include "core/util/xdg.h"
#include "core/util/compat.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/util/writers.h"

int vh_xdg_file(char **out, const char *var, const char *fallback, const char *leaf)
{
	const char *base = vh_getenv(var), *home = vh_getenv("HOME");
	struct vh_buf b = VH_BUF_INIT;
	int r;

	*out = NULL;
	if (base && base[0] == '/')
		r = vh_buf_puts(&b, base);
	else if (home && *home)
		r = vh_buf_puts(&b, home) < 0 || vh_buf_putc(&b, '/') < 0 ||
		    vh_buf_puts(&b, fallback) < 0 ? VH_ENOMEM : 0;
	else
		return VH_ENOHOME;
	if (r < 0 || vh_buf_puts(&b, "/venvhook/") < 0 || vh_buf_puts(&b, leaf) < 0) {
		vh_buf_free(&b);
		return VH_ENOMEM;
	}
	*out = vh_buf_detach(&b);
	return 0;
}

int vh_xdg_make_parent(const char *file)
{
	char *dir = strdup(file), *p, c;
	int rc = 0;

	if (!dir)
		return VH_ENOMEM;
	p = strrchr(dir, '/');
	if (p && p != dir) {
		*p = '\0';
		for (p = dir + 1; rc == 0; p++) {
			if (*p && *p != '/')
				continue;
			c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) < 0 && errno != EEXIST)
				rc = VH_EIO;
			*p = c;
			if (!c)
				break;
		}
	}
	free(dir);
	return rc;
}

/* "<path> <what is wrong>" */
static int say(struct vh_buf *why, const char *path, enum vh_writers w)
{
	if (vh_msg_escape(why, path) < 0 || vh_buf_putc(why, ' ') < 0 ||
	    vh_buf_puts(why, w == VH_WRITERS_UNKNOWN ? "cannot be looked at" : vh_writers_text(w)) < 0)
		return VH_ENOMEM;
	return VH_EUNSAFE;
}

/* The user's own directory, writable by no one else: 0, VH_EUNSAFE (why),
 * VH_ENOMEM. A
 * directory that is not there holds nothing: 0. */
static int own_dir(struct vh_buf *why, const char *dir)
{
	struct vh_stat st;
	enum vh_writers w;

	if (vh_stat(&st, AT_FDCWD, dir, 1) < 0)
		return errno == ENOENT ? 0 : say(why, dir, VH_WRITERS_UNKNOWN);
	w = S_ISDIR(st.mode) ? vh_writers_of(-1, dir, &st, 0) : VH_WRITERS_UNKNOWN;
	return w == VH_WRITERS_NONE ? 0 : say(why, dir, w);
}

/* The place: no one else can change what dir leads to, and dir and the
 * XDG root above it are the user's own. 0, VH_EUNSAFE (why says why not)
 * or VH_ENOMEM. */
static int place(struct vh_buf *why, char *dir)
{
	enum vh_writers w;
	char *bad = NULL, *slash;
	int r;

	r = vh_path_steady(NULL, &bad, &w, dir, 0, NULL);
	if (r == 0 && bad)
		r = say(why, bad, w);
	free(bad);
	if (r)
		return r;
	r = own_dir(why, dir);
	slash = strrchr(dir, '/');
	if (r == 0 && slash && slash != dir) {
		*slash = '\0';
		r = own_dir(why, dir); /* the XDG root */
		*slash = '/';
	}
	return r;
}

/* place(), once a process for each directory (the caches share one). */
static int place_once(struct vh_buf *why, char *dir)
{
	static struct {
		char *dir;
		int verdict;
		struct vh_buf why;
	} seen[4];
	static size_t n;
	struct vh_buf said = VH_BUF_INIT;
	size_t i;
	int r;

	for (i = 0; i < n; i++)
		if (!strcmp(seen[i].dir, dir))
			return seen[i].verdict && vh_buf_add(why, vh_buf_str(&seen[i].why),
							    seen[i].why.len) < 0 ? VH_ENOMEM : seen[i].verdict;
	r = place(&said, dir);
	if (r != VH_ENOMEM && vh_buf_add(why, vh_buf_str(&said), said.len) < 0)
		r = VH_ENOMEM;
	if (r != VH_ENOMEM && n < sizeof(seen) / sizeof(seen[0]) && (seen[n].dir = strdup(dir)) != NULL) {
		seen[n].verdict = r;
		seen[n].why = said;
		n++;
		return r;
	}
	vh_buf_free(&said);
	return r;
}

int vh_xdg_usable(struct vh_buf *why, const char *file, int writing)
{
	const char *slash = strrchr(file, '/');
	enum vh_writers w;
	struct stat st;
	char *dir, *bad = NULL;
	int r;

	if (!slash || slash == file)
		return 0;
	/* to read: nothing there, nothing to believe */
	if (!writing && lstat(file, &st) < 0)
		return 0;
	dir = strndup(file, (size_t)(slash - file));
	if (!dir)
		return VH_ENOMEM;
	r = place_once(why, dir);
	free(dir);
	/* a file that is a symlink: where it leads, too */
	if (r == 0 && !writing && S_ISLNK(st.st_mode)) {
		r = vh_path_steady(NULL, &bad, &w, file, 0, NULL);
		if (r == 0 && bad)
			r = say(why, bad, w);
		free(bad);
	}
	return r;
}
