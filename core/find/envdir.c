#include "core/find/envdir.h"
#include "core/util/compat.h"
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/util/buf.h"
#include "core/util/err.h"
#include "core/store/store.h"

static char *join(const char *dir, const char *name);

int vh_conda_scripts(size_t *n, const char *env)
{
	struct dirent *d;
	char *dir;
	DIR *dh;

	*n = 0;
	if (!(dir = join(env, "etc/conda/activate.d")))
		return VH_ENOMEM;
	/* (opendir opens with O_DIRECTORY: anything else fails at once) */
	dh = opendir(dir);
	free(dir);
	if (!dh)
		return 0;
	while ((d = readdir(dh)))
		if (d->d_name[0] != '.')
			(*n)++;
	closedir(dh);
	return 0;
}

int vh_env_name_ok(const char *name)
{
	return *name && strcmp(name, ".") && strcmp(name, "..") && !strchr(name, '/');
}

int vh_workon_home(char **out)
{
	const char *home = vh_getenv("WORKON_HOME");
	struct vh_buf b = VH_BUF_INIT;

	*out = NULL;
	if (home && *home) {
		*out = strdup(home);
		return *out ? 0 : VH_ENOMEM;
	}
	home = vh_getenv("HOME");
	if (!home || !*home)
		return 0;
	if (vh_buf_puts(&b, home) < 0 || vh_buf_puts(&b, "/.virtualenvs") < 0) {
		vh_buf_free(&b);
		return VH_ENOMEM;
	}
	*out = vh_buf_detach(&b);
	return 0;
}

static char *join(const char *dir, const char *name)
{
	struct vh_buf b = VH_BUF_INIT;

	if (vh_buf_puts(&b, dir) < 0 ||
	    (dir[0] && dir[strlen(dir) - 1] != '/' && vh_buf_putc(&b, '/') < 0) ||
	    vh_buf_puts(&b, name) < 0) {
		vh_buf_free(&b);
		return NULL;
	}
	return vh_buf_detach(&b);
}

enum vh_resolve vh_env_resolve(char **out, const char *arg, const char *base)
{
	char *dir = NULL, *real;
	int r;

	*out = NULL;
	if (!*arg) {
		*out = strdup("");
		return *out ? VH_RESOLVE_NOT_ENV : VH_RESOLVE_OOM;
	}
	if (vh_env_name_ok(arg)) {
		r = vh_workon_home(&dir);
		if (r < 0 || !dir)
			return r < 0 ? VH_RESOLVE_OOM : VH_RESOLVE_NO_HOME;
		*out = join(dir, arg);
		free(dir);
		if (!*out)
			return VH_RESOLVE_OOM;
		return vh_env_at(AT_FDCWD, *out) ? VH_RESOLVED : VH_RESOLVE_NOT_ENV;
	}
	dir = arg[0] == '/' ? strdup(arg) : join(base, arg);
	if (!dir)
		return VH_RESOLVE_OOM;
	real = realpath(dir, NULL);
	if (real) {
		free(dir);
		dir = real;
	}
	*out = dir;
	return real && vh_env_at(AT_FDCWD, dir) ? VH_RESOLVED : VH_RESOLVE_NOT_ENV;
}

/* 1 when path is below dir + "/bin/". */
static int in_bin(const char *path, const char *dir)
{
	size_t n = dir ? strlen(dir) : 0;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	return dir && !strncmp(path, dir, n) && !strncmp(path + n, "/bin/", 5);
}

int vh_env_moved(char **old, const char *env)
{
	static const char *const scripts[] = { "bin/pip", "bin/pip3", NULL };
	char *script, *python = NULL, *real = NULL, *was = NULL, *was_real = NULL, *slash;
	size_t i;
	int rc = 0;

	*old = NULL;
	for (i = 0; scripts[i] && !python; i++) {
		if (!(script = join(env, scripts[i])))
			return VH_ENOMEM;
		python = vh_store_shebang(script);
		free(script);
	}
	if (!python || in_bin(python, env))
		goto done;
	real = realpath(env, NULL);
	if (real && in_bin(python, real))
		goto done;
	/* The prefix the script names: its interpreter's directory's parent,
	 * unless that is this env by another path. */
	if (!(was = strdup(python))) {
		rc = VH_ENOMEM;
		goto done;
	}
	for (i = 0; i < 2 && (slash = strrchr(was, '/')) && slash != was; i++)
		*slash = '\0';
	was_real = realpath(was, NULL);
	if (i == 2 && !(was_real && real && !strcmp(was_real, real))) {
		*old = was;
		was = NULL;
	}
done:
	free(python);
	free(real);
	free(was);
	free(was_real);
	return rc;
}
