#include "core/trust/shadow.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/msg.h"

/* Every env's bin/ holds these; naming them would say nothing. */
static const char *const own_tools[] = {
	"python", "pip", "pydoc", "activate", "Activate", "deactivate", "easy_install", "wheel",
	"idle", "2to3", NULL,
};

static int own_tool(const char *name)
{
	const char *const *t;

	for (t = own_tools; *t; t++)
		if (!strncmp(name, *t, strlen(*t)))
			return 1;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether an absolute directory of path, other than skip, holds an
 * executable name. */
static int on_path(const char *name, const char *path, const char *skip)
{
	struct vh_buf p = VH_BUF_INIT;
	const char *s = path, *e;
	size_t len;
	int found = 0;

	for (; !found && s; s = *e ? e + 1 : NULL) {
		e = strchr(s, ':');
		if (!e)
			e = s + strlen(s);
		len = (size_t)(e - s);
		if (!len || s[0] != '/' || (strlen(skip) == len && !strncmp(s, skip, len)))
			continue;
		vh_buf_reset(&p);
		found = vh_buf_add(&p, s, len) == 0 && vh_buf_putc(&p, '/') == 0 &&
			vh_buf_puts(&p, name) == 0 && access(p.data, X_OK) == 0;
	}
	vh_buf_free(&p);
	return found;
}

int vh_shadow_list(struct vh_buf *out, const char *env, const char *path, size_t max)
{
	struct vh_buf bin = VH_BUF_INIT;
	char **names = NULL, **grown;
	size_t n = 0, cap = 0, i;
	struct dirent *de;
	DIR *d = NULL;
	int rc = -1;

	if (vh_buf_puts(&bin, env) < 0 || vh_buf_puts(&bin, "/bin") < 0)
		goto done;
	rc = 0;
	d = path ? opendir(bin.data) : NULL;
	if (!d)
		goto done;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.' || own_tool(de->d_name) ||
		    !on_path(de->d_name, path, bin.data))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			grown = realloc(names, cap * sizeof(*names));
			if (!grown)
				goto oom;
			names = grown;
		}
		names[n] = strdup(de->d_name);
		if (!names[n])
			goto oom;
		n++;
	}
	if (n) /* qsort's array may not be NULL, even empty */
		qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n && i < max; i++)
		if ((i && vh_buf_puts(out, ", ") < 0) || vh_msg_escape(out, names[i]) < 0)
			goto oom;
	if (n > max && vh_buf_printf(out, " and %zu more", n - max) < 0)
		goto oom;
	rc = (int)n;
	goto done;
oom:
	rc = -1;
done:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (d)
		closedir(d);
	vh_buf_free(&bin);
	return rc;
}
