#include "core/cmd/envof.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/find/discover.h"
#include "core/util/buf.h"
#include "core/util/err.h"
#include "core/util/msg.h"

int vh_envof(struct vh_envof *e, const char *dir)
{
	int rc;

	memset(e, 0, sizeof(*e));
	vh_state_read(&e->now);
	vh_state_adopt(&e->now);
	rc = vh_want_here(&e->w, &e->now, dir, NULL, 0, 0);
	if (rc < 0)
		return rc;
	/* no pin and no pause (adopted): an env found and not wanted was refused */
	e->refused = e->w.found.env && !e->w.want.env;
	return vh_plan(&e->plan, &e->now, &e->w.want) < 0 ? VH_ENOMEM : 0;
}

void vh_envof_free(struct vh_envof *e)
{
	vh_wanted_free(&e->w);
	vh_plan_free(&e->plan);
	memset(e, 0, sizeof(*e));
}

/* *out = base/dir without its empty and "." components, or NULL when it
 * holds a ".." (which only the file system can resolve: a symlink's ..
 * is not its name's). Returns 0 or VH_ENOMEM. */
static int lexical(char **out, const char *base, const char *dir)
{
	struct vh_buf b = VH_BUF_INIT;
	const char *parts[2] = { base, dir }, *p, *end;
	size_t n;
	int i;

	*out = NULL;
	for (i = 0; i < 2; i++) {
		for (p = parts[i]; p && *p; p = *end ? end + 1 : end) {
			end = strchr(p, '/');
			if (!end)
				end = p + strlen(p);
			n = (size_t)(end - p);
			if (n == 2 && !memcmp(p, "..", 2)) {
				vh_buf_free(&b);
				return 0;
			}
			if (!n || (n == 1 && *p == '.'))
				continue;
			if (vh_buf_putc(&b, '/') < 0 || vh_buf_add(&b, p, n) < 0) {
				vh_buf_free(&b);
				return VH_ENOMEM;
			}
		}
	}
	if (!b.len && vh_buf_putc(&b, '/') < 0)
		return VH_ENOMEM;
	*out = vh_buf_detach(&b);
	return *out ? 0 : VH_ENOMEM;
}

int vh_envof_enter(char **cwd, const char *dir)
{
	char *old = NULL, *path = NULL;
	int rc = VH_ENOMEM;

	*cwd = NULL;
	/* where a relative dir starts from; gone, chdir says so */
	if (dir[0] != '/' && vh_cwd(&old) < 0)
		old = NULL;
	if (chdir(dir) < 0) {
		struct vh_buf why = VH_BUF_INIT;

		vh_buf_printf(&why, ": %s", strerror(errno));
		vh_msg_path("cannot enter ", dir, vh_buf_str(&why));
		vh_buf_free(&why);
		rc = VH_EIO;
		goto done;
	}
	if ((dir[0] == '/' || old) && lexical(&path, old, dir) < 0)
		goto done;
	/* vh_cwd takes PWD only when it names the directory we are in */
	if (path && setenv("PWD", path, 1) < 0)
		goto done;
	if (vh_cwd(cwd) < 0) {
		vh_msg_path("cannot enter ", dir, ": its path cannot be found");
		rc = VH_EIO;
		goto done;
	}
	rc = setenv("PWD", *cwd, 1) < 0 ? VH_ENOMEM : 0;
done:
	if (rc) {
		free(*cwd);
		*cwd = NULL;
	}
	free(old);
	free(path);
	return rc;
}
