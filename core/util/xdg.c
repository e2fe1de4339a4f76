#include "core/util/xdg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/util/buf.h"
#include "core/util/err.h"

int vh_xdg_file(char **out, const char *var, const char *fallback, const char *leaf)
{
	const char *base = getenv(var), *home = getenv("HOME");
	struct vh_buf b = VH_BUF_INIT;
	int r;

	*out = NULL;
	if (base && base[0] == '/')
		r = vh_buf_puts(&b, base);
	else if (home && *home)
		r = vh_buf_puts(&b, home) < 0 || vh_buf_putc(&b, '/') < 0 ||
		    vh_buf_puts(&b, fallback) < 0 ? -1 : 0;
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
		return -1;
	p = strrchr(dir, '/');
	if (p && p != dir) {
		*p = '\0';
		for (p = dir + 1; rc == 0; p++) {
			if (*p && *p != '/')
				continue;
			c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) < 0 && errno != EEXIST)
				rc = -1;
			*p = c;
			if (!c)
				break;
		}
	}
	free(dir);
	return rc;
}
