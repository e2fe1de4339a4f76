#include "core/find/condaenv.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/find/condarc.h"
#include "core/find/envdir.h"
#include "core/util/compat.h"
#include "core/util/err.h"

const char vh_condaenv_file[] = "environment.yml";

/* 1 when the line [p, e) is the top-level key "name": *v then points
 * past its ':'. */
static int name_key(const char *p, const char *e, const char **v)
{
	if (e - p < 5 || memcmp(p, "name", 4))
		return 0;
	p += 4;
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p >= e || *p != ':' || (p + 1 < e && p[1] != ' ' && p[1] != '\t'))
		return 0;
	*v = p + 1;
	return 1;
}

/* The value [p, e) of the key, unquoted, into *out (NULL: empty). 0,
 * VH_EREFUSED (why filled) or VH_ENOMEM. */
static int value(char **out, struct vh_buf *why, const char *p, const char *e)
{
	const char *q, *end;

	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	if (p < e && (*p == '\'' || *p == '"')) {
		end = memchr(p + 1, *p, (size_t)(e - p - 1));
		if (!end || memchr(p + 1, '\\', (size_t)(end - p - 1)) ||
		    (end + 1 < e && *(end + 1) == *p))
			return vh_buf_puts(why, "its name: is quoted in a way venvhook does not read") < 0 ?
			       VH_ENOMEM : VH_EREFUSED;
		for (q = end + 1; q < e && (*q == ' ' || *q == '\t'); q++)
			;
		if (q < e && *q != '#')
			return vh_buf_puts(why, "its name: has text after the quoted name") < 0 ?
			       VH_ENOMEM : VH_EREFUSED;
		p++;
	} else {
		/* a plain scalar: up to a comment (" #") */
		for (end = p; end < e && !(*end == '#' && end > p && (end[-1] == ' ' || end[-1] == '\t'));
		     end++)
			;
		if (p < e && *p == '#')
			end = p;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
	}
	if (end == p)
		return 0;
	/* (a '\r' inside a line ends it, for YAML: no control byte is a name's) */
	for (q = p; q < end; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			return vh_buf_puts(why, "its name: holds a control character") < 0 ?
			       VH_ENOMEM : VH_EREFUSED;
	*out = strndup(p, (size_t)(end - p));
	return *out ? 0 : VH_ENOMEM;
}

int vh_condaenv_parse(char **name, struct vh_buf *why, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl, *e, *v;
	int seen = 0, rc;

	*name = NULL;
	if (len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		p += 3;
	for (; p < end; p = nl ? nl + 1 : end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		e = nl ? nl : end;
		if (e > p && e[-1] == '\r')
			e--;
		if (!name_key(p, e, &v))
			continue;
		if (seen++) {
			free(*name);
			*name = NULL;
			return vh_buf_puts(why, "it has more than one top-level name: key") < 0 ? VH_ENOMEM : VH_EREFUSED;
		}
		rc = value(name, why, v, e);
		if (rc)
			return rc;
	}
	return 0;
}

/* dir + "/" + name, with a leading "~/" of dir expanded from home (NULL:
 * such an entry is skipped). */
static char *join_home(const char *dir, const char *name, const char *home)
{
	struct vh_buf b = VH_BUF_INIT;

	if (!strncmp(dir, "~/", 2)) {
		if (!home || *home != '/')
			return NULL;
		if (vh_buf_puts(&b, home) < 0 || vh_buf_puts(&b, dir + 1) < 0)
			goto oom;
	} else if (vh_buf_puts(&b, dir) < 0) {
		goto oom;
	}
	if (vh_buf_putc(&b, '/') < 0 || vh_buf_puts(&b, name) < 0)
		goto oom;
	return vh_buf_detach(&b);
oom:
	vh_buf_free(&b);
	return NULL;
}

/* *env = dir/name when it is a conda prefix, else left NULL. 0 or
 * VH_ENOMEM. */
static int try_dir(char **env, const char *dir, size_t n, const char *name, const char *home)
{
	char *d = strndup(dir, n), *p;

	if (!d)
		return VH_ENOMEM;
	p = (d[0] == '/' || !strncmp(d, "~/", 2)) && !strchr(d, '$') ? join_home(d, name, home) : NULL;
	free(d);
	if (p && vh_conda_at(AT_FDCWD, p))
		*env = p;
	else
		free(p);
	return 0;
}

/* Each entry of the ':'-separated list, up to the first that has it. */
static int try_list(char **env, const char *list, const char *name, const char *home)
{
	const char *p, *c;
	int r = 0;

	for (p = list; r == 0 && !*env && p && *p; p = c ? c + 1 : NULL) {
		c = strchr(p, ':');
		r = try_dir(env, p, c ? (size_t)(c - p) : strlen(p), name, home);
	}
	return r;
}

/* conda's root from CONDA_EXE, into *root (NULL: unknown). */
static int conda_root(char **root)
{
	const char *exe = vh_getenv("CONDA_EXE"), *tail;
	size_t n;

	*root = NULL;
	if (!exe || *exe != '/')
		return 0;
	n = strlen(exe);
	tail = n > 10 && !strcmp(exe + n - 10, "/bin/conda") ? exe + n - 10 :
	       n > 15 && !strcmp(exe + n - 15, "/condabin/conda") ? exe + n - 15 : NULL;
	if (!tail || tail == exe)
		return 0;
	*root = strndup(exe, (size_t)(tail - exe));
	return *root ? 0 : VH_ENOMEM;
}

int vh_condaenv_find(char **env, struct vh_conda_places *places, const char *name)
{
	static const char *const guesses[] = { "~/.conda/envs", "~/miniforge3/envs", "~/miniconda3/envs",
					       "~/anaconda3/envs", "~/mambaforge/envs", NULL };
	const char *home = vh_getenv("HOME"), *const *g, *p, *root;
	char *envs = NULL, *hist = NULL;
	int r = 0, writable;

	*env = NULL;
	if (!vh_env_name_ok(name) || !strcmp(name, "base"))
		return 0;
	if (!places->done) {
		if ((r = conda_root(&places->root)) < 0 ||
		    (r = vh_condarc_envs_dirs(&places->dirs, &places->final, &places->warnings, places->root)) < 0)
			return r;
		places->done = 1;
	}
	root = places->root;
	/* the environment is the source after every file: its entries first,
	 * unless a file's #!final cut the sources before it */
	if (!places->final && ((r = try_list(env, vh_getenv("CONDA_ENVS_DIRS"), name, home)) < 0 || *env ||
			       (r = try_list(env, vh_getenv("CONDA_ENVS_PATH"), name, home)) < 0 || *env))
		goto done;
	for (p = places->dirs.data; r == 0 && !*env && p && p < places->dirs.data + places->dirs.len;
	     p += strlen(p) + 1)
		r = try_dir(env, p, strlen(p), name, home);
	if (r < 0 || *env)
		goto done;
	if (!root) {
		for (g = guesses; r == 0 && !*env && *g; g++)
			r = try_dir(env, *g, strlen(*g), name, home);
		goto done;
	}
	r = VH_ENOMEM;
	if (!(envs = join_home(root, "envs", NULL)) || !(hist = join_home(root, vh_conda_marker, NULL)))
		goto done;
	/* conda's root_writable: its history can be opened for appending */
	writable = access(hist, W_OK) == 0;
	r = writable ? try_dir(env, envs, strlen(envs), name, home) : 0;
	if (r == 0 && !*env)
		r = try_dir(env, "~/.conda/envs", 13, name, home);
	if (r == 0 && !*env && !writable)
		r = try_dir(env, envs, strlen(envs), name, home);
done:
	free(envs);
	free(hist);
	return r;
}

void vh_conda_places_free(struct vh_conda_places *places)
{
	free(places->root);
	vh_buf_free(&places->dirs);
	vh_buf_free(&places->warnings);
	memset(places, 0, sizeof(*places));
}
