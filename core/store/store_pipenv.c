/* pipenv: the env of the project whose Pipfile is nearest, as pipenv's
 * VenvLocator (pipenv/utils/venv_locator.py) places it:
 *
 *   $WORKON_HOME (default $XDG_DATA_HOME/virtualenvs, ~/.local/share/...,
 *   on macOS too), with $VARS and ~ expanded, / {name}-{hash}[-{PIPENV_PYTHON}]
 *   name  the Pipfile's directory's name, each of ` &$!*@"()[]\` and CR,
 *         LF, TAB made '_', cut to 42 characters;
 *   hash  urlsafe-base64(sha256(the Pipfile's path)[:6]) (8 characters):
 *         its real path, or since 2026.4 (commit 4e0c1722c) the real path
 *         of its directory, a symlinked Pipfile kept;
 *   PIPENV_CUSTOM_VENV_NAME replaces the whole name.
 *
 * Which of that env and the project's .venv, by version (pypa/pipenv
 * 3f1b272abd51d7d7ab7f5935bb6b25da86e93e8b, venv_locator.py get_location
 * and is_venv_in_project; Debian's 2022.12.19, project.py):
 *   - a .venv file points to the env (discover.c's pointer rule);
 *   - pipenv 2022: a .venv directory is the env; without one, the store's,
 *     unless PIPENV_VENV_IN_PROJECT says .venv;
 *   - pipenv 2026.2 and later (commits 7b59919d0, 62356a706):
 *     PIPENV_VENV_IN_PROJECT (true or false), else the Pipfile's
 *     [pipenv] venv_in_project, else whether .venv is a directory, says
 *     in-project; in-project, .venv is the env unless neither setting is
 *     true and the store's env exists: the store beats a .venv made
 *     beside it.
 * The Pipfile is looked for in the directory and PIPENV_MAX_DEPTH - 1
 * above it (default 3 directories in all for 2022, 10 from 2024.0.2:
 * commit 0e8e40d21; PIPENV_NO_INHERIT: the directory only). The Pipfile
 * must be TOML: pipenv refuses anything else. Which pipenv is installed
 * (toolver.c) is asked only where the versions differ; unknown, the
 * current rules apply. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/find/envdir.h"
#include "core/util/compat.h"
#include "core/util/sha256.h"
#include "core/util/msg.h"
#include "core/store/store.h"
#include "core/util/toml.h"

/* What a setting says as a Python boolean: neither when it is not one
 * (the raw string, or not set). */
enum pybool { IS_FALSE, IS_TRUE, IS_NEITHER };

/* pipenv's env_to_bool. */
static enum pybool boolish(const char *v)
{
	static const char *const f[] = { "0", "false", "no", "off" }, *const t[] = { "1", "true", "yes", "on" };
	size_t i;

	for (i = 0; i < 4; i++) {
		if (!strcasecmp(v, f[i]))
			return IS_FALSE;
		if (!strcasecmp(v, t[i]))
			return IS_TRUE;
	}
	return IS_NEITHER;
}

/* get_from_env("VENV_IN_PROJECT"): a boolean pipenv reads (1, true,
 * yes, on; 0, false, no, off), else the string itself. */
enum setting { UNSET, SAYS_FALSE, SAYS_TRUE, SAYS_STRING, SAYS_EMPTY };

static enum setting from_env(const char *name, const char *negated)
{
	const char *v = vh_getenv(name);
	enum pybool b;

	if (!v && negated && (v = vh_getenv(negated))) {
		b = boolish(v);
		if (b != IS_NEITHER)
			return b == IS_TRUE ? SAYS_FALSE : SAYS_TRUE;
	} else if (v) {
		b = boolish(v);
		if (b != IS_NEITHER)
			return b == IS_TRUE ? SAYS_TRUE : SAYS_FALSE;
	}
	return !v ? UNSET : *v ? SAYS_STRING : SAYS_EMPTY;
}

static int truthy(enum setting s)
{
	return s == SAYS_TRUE || s == SAYS_STRING;
}

/* pipenv's environment settings, read once a process. */
static enum setting venv_in_project(void)
{
	return from_env("PIPENV_VENV_IN_PROJECT", "PIPENV_NO_VENV_IN_PROJECT");
}

/* The pipenv installed. 0 or VH_ENOMEM. */
static int pipenv_tool(const struct vh_tool **t)
{
	return vh_tool_find(t, "pipenv", "pipenv");
}

/* 1 when the installed pipenv is at least 2026.minor (or unknown: the
 * current rules), 0 older, or VH_ENOMEM. */
static int since_2026(int minor)
{
	const struct vh_tool *t;

	if (pipenv_tool(&t) < 0)
		return VH_ENOMEM;
	return vh_tool_at_least(t, 2026, minor, 0) != VH_TOOL_OLDER;
}

/* 1 when a Pipfile depth directories above the current one is beyond
 * where pipenv looks, else 0; VH_ENOMEM. */
static int too_deep(int depth)
{
	const char *v = vh_getenv("PIPENV_MAX_DEPTH");
	enum setting inherit = from_env("PIPENV_NO_INHERIT", NULL);
	const struct vh_tool *t;
	char *e;
	long n;

	if (depth == 0)
		return 0;
	if (truthy(inherit))
		return 1;
	if (v && *v) {
		n = strtol(v, &e, 10);
		return !*e && n >= 0 && depth >= n;
	}
	if (depth < 3)
		return 0;
	if (pipenv_tool(&t) < 0)
		return VH_ENOMEM;
	return depth >= (vh_tool_at_least(t, 2024, 0, 2) == VH_TOOL_OLDER ? 3 : 10);
}

int vh_store_pipenv_root(char **out)
{
	const char *home = vh_getenv("WORKON_HOME"), *data;
	char *joined = NULL, *vars = NULL;
	int rc;

	*out = NULL;
	if (home && *home) {
		joined = strdup(home);
	} else {
		data = vh_getenv("XDG_DATA_HOME");
		if (data && !*data)
			return 0; /* a relative "virtualenvs": wherever pipenv runs */
		joined = vh_store_join(data ? data : "~/.local/share", "virtualenvs");
	}
	if (!joined)
		return VH_ENOMEM;
	rc = vh_store_expandvars(&vars, joined);
	free(joined);
	if (rc < 0)
		return rc;
	rc = vh_store_expanduser(out, vars);
	free(vars);
	if (rc == 0 && (*out)[0] != '/') {
		free(*out);
		*out = NULL;
	}
	return rc;
}

int vh_pipenv_env_name(struct vh_buf *out, struct vh_buf *why, const char *real)
{
	unsigned char digest[VH_SHA256_LEN];
	struct vh_buf b64 = VH_BUF_INIT;
	const unsigned char *s, *dir_end, *name;
	size_t n = 0, len;
	int rc = VH_ENOMEM;

	/* location.encode(): a path that is not UTF-8 makes pipenv fail, so
	 * it can have made no env for it. */
	for (s = (const unsigned char *)real; *s; s += len)
		if (!(len = vh_utf8_valid(s)))
			return VH_ENOTFOUND;
	dir_end = (const unsigned char *)strrchr(real, '/');
	if (!dir_end)
		return VH_ENOTFOUND;
	for (name = dir_end; name > (const unsigned char *)real && name[-1] != '/'; name--)
		;
	for (s = name; s < dir_end && n < 42; s += len, n++) {
		len = vh_utf8_valid(s);
		if (len == 1 && strchr(" &$`!*@\"()[]\\\r\n\t", *s)) {
			if (vh_buf_putc(out, '_') < 0)
				goto done;
		} else if (vh_buf_add(out, (const char *)s, len) < 0) {
			goto done;
		}
	}
	rc = vh_sha256(digest, real, strlen(real), why);
	if (rc == 0 && (vh_base64url(&b64, digest, 6) < 0 || vh_buf_putc(out, '-') < 0 ||
			vh_buf_add(out, b64.data, 8) < 0))
		rc = VH_ENOMEM;
done:
	vh_buf_free(&b64);
	return rc;
}

/* The Pipfile's [pipenv] venv_in_project: neither when not set, else
 * Python's bool() of it (a TOML false, "" are false; anything else true). */
static enum pybool pipfile_in_project(const struct vh_toml *doc)
{
	static const char *const key[] = { "pipenv", "venv_in_project", NULL };
	const struct vh_toml_entry *e;
	int dup;

	e = vh_toml_get(doc, key, &dup);
	if (!e)
		return IS_NEITHER;
	if (e->type == VH_TOML_BOOL)
		return e->boolean ? IS_TRUE : IS_FALSE;
	return e->type == VH_TOML_STRING && *e->str == '\0' ? IS_FALSE : IS_TRUE;
}

/* The store env's path for the Pipfile at file (in dir) into *out (NULL:
 * pipenv can have made none). 0, VH_STORE_REFUSED (said why) or
 * VH_ENOMEM. */
static int store_env(char **out, struct vh_stores_walk *w, const char *dir, const char *file)
{
	struct vh_buf why = VH_BUF_INIT, name = VH_BUF_INIT;
	const char *custom = vh_getenv("PIPENV_CUSTOM_VENV_NAME"), *py = vh_getenv("PIPENV_PYTHON");
	char *real = NULL, *home = NULL, *rdir = NULL;
	struct stat st, lst;
	int rc = 0, kept;

	*out = NULL;
	if (vh_store_pipenv_root(&home) < 0)
		return VH_ENOMEM;
	/* No store, no env: nothing to hash. The hook watches for the store
	 * itself, which pipenv makes with its first env; that env is then
	 * new by its birth time (made_here, policy.c). */
	if (!home)
		goto done;
	if (stat(home, &st) < 0 || !S_ISDIR(st.st_mode)) {
		rc = vh_store_expect(w, home);
		goto done;
	}
	if (custom && *custom && boolish(custom) == IS_NEITHER) {
		if (vh_buf_puts(&name, custom) < 0)
			rc = VH_ENOMEM;
		goto take;
	}
	if (custom && boolish(custom) == IS_TRUE)
		goto done; /* pipenv cannot use a name that reads as true */
	/* A symlinked Pipfile: its own path since 2026.4, its target's before. */
	kept = lstat(file, &lst) == 0 && S_ISLNK(lst.st_mode);
	if (kept && (kept = since_2026(4)) < 0) {
		rc = kept;
		goto done;
	}
	if (kept) {
		rdir = realpath(dir, NULL);
		real = rdir ? vh_store_join(rdir, "Pipfile") : NULL;
	} else {
		real = realpath(file, NULL);
	}
	if (!real)
		goto done;
	vh_buf_puts(&why, ": ");
	rc = vh_pipenv_env_name(&name, &why, real);
	if (rc == VH_ENOTFOUND) {
		rc = 0;
		goto done;
	}
	if (rc == VH_ENOLIB) {
		vh_buf_puts(&why, "; so its pipenv env is not looked for");
		rc = vh_store_refuse(w, file, vh_buf_str(&why));
	}
	if (rc)
		goto done;
	if (py && *py && boolish(py) == IS_NEITHER) {
		const char *base = py[0] == '/' ? strrchr(py, '/') + 1 : py;

		if (vh_buf_putc(&name, '-') < 0 || vh_buf_puts(&name, base) < 0)
			rc = VH_ENOMEM;
	} else if (py && boolish(py) == IS_TRUE) {
		goto done;
	}
take:
	/* a name never leaves its store (PIPENV_CUSTOM_VENV_NAME="../x") */
	if (rc == 0 && !vh_env_name_ok(vh_buf_str(&name)))
		goto done;
	if (rc == 0 && !(*out = vh_store_join(home, name.data)))
		rc = VH_ENOMEM;
done:
	vh_buf_free(&why);
	vh_buf_free(&name);
	free(real);
	free(rdir);
	free(home);
	return rc;
}

/* Whether pipenv uses its store's env for the project in dir (file its
 * Pipfile, doc read from it; is_dir: dir holds a .venv directory): *store,
 * and *stop when it asked for the store alone (no .venv instead, nothing
 * above); *env the store's env when it was looked up. 0 or a VH_E code. */
static int use_store(int *store, int *stop, char **env, struct vh_stores_walk *w, const char *dir,
		     const char *file, const struct vh_toml *doc, int is_dir)
{
	enum setting env_says = venv_in_project();
	enum pybool pf = pipfile_in_project(doc);
	int rc = 0, in_project;

	/* pipenv 2026.2 and later (VenvLocator.is_venv_in_project). */
	in_project = env_says == SAYS_FALSE ? 0 : env_says == SAYS_TRUE ? 1 :
		     pf != IS_NEITHER ? pf == IS_TRUE : is_dir;
	if (is_dir) {
		/* get_location: the store's env beats .venv unless a setting
		 * asked for .venv; an explicit false asks for the store alone. */
		if (!in_project) {
			*store = *stop = 1;
		} else if (!truthy(env_says) && pf != IS_TRUE) {
			if ((rc = store_env(env, w, dir, file)) != 0)
				return rc;
			*store = *env && vh_env_at(AT_FDCWD, *env);
		}
		/* pipenv 2022: a .venv directory is the env, whatever is set. */
		if (*store && (rc = since_2026(2)) <= 0)
			*store = *stop = 0;
		return rc < 0 ? rc : 0;
	}
	*store = !in_project;
	/* pipenv 2022 has no [pipenv] venv_in_project, and takes any other
	 * string in PIPENV_VENV_IN_PROJECT for true. */
	if (((env_says == UNSET && pf != IS_NEITHER) || env_says == SAYS_STRING) &&
	    (rc = since_2026(2)) == 0)
		*store = env_says != SAYS_STRING;
	return rc < 0 ? rc : 0;
}

int vh_store_pipenv(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir,
		    enum vh_stores_phase phase)
{
	struct vh_buf why = VH_BUF_INIT;
	char *file = NULL, *env = NULL;
	struct vh_toml doc = { 0 };
	int rc = VH_STORE_NONE, deep, is_dir, store = 0, stop = 0;

	if (w->pipenv_seen || !vh_store_is_file(w, dir, "Pipfile"))
		return VH_STORE_NONE;
	/* A .venv that is neither a directory nor absent is a pointer file,
	 * which discover.c follows. */
	is_dir = vh_store_exists(w, dir, ".venv/.");
	if (phase == VH_STORES_FIRST ? !is_dir : (is_dir || vh_store_exists(w, dir, ".venv")))
		return VH_STORE_NONE;
	w->pipenv_seen = 1;
	if ((deep = too_deep(w->depth)) != 0)
		return deep < 0 ? deep : VH_STORE_NONE;
	file = vh_store_join(dir, "Pipfile");
	if (!file)
		return VH_ENOMEM;
	rc = vh_toml_read(&doc, &why, file, VH_STORE_MAX_FILE);
	if (rc == VH_EREFUSED) {
		vh_buf_puts(&why, "; not activating an env for it");
		rc = vh_store_refuse(w, file, vh_buf_str(&why));
	} else if (rc == VH_ENOTFOUND) {
		rc = VH_STORE_REFUSED; /* gone since it was seen: nothing this time */
	}
	if (rc)
		goto done;
	rc = use_store(&store, &stop, &env, w, dir, file, &doc, is_dir);
	if (rc)
		goto done;
	if (!store) {
		/* In-project without a .venv: pipenv has no env, and would make
		 * one here; nothing above is the project's. */
		rc = is_dir ? VH_STORE_NONE : VH_STORE_REFUSED;
		goto done;
	}
	if (!env && (rc = store_env(&env, w, dir, file)) != 0)
		goto done;
	/* (an env not made yet: the hook watches where pipenv will make it) */
	if (env && !vh_env_at(AT_FDCWD, env) && vh_store_expect(w, env) < 0) {
		rc = VH_ENOMEM;
		goto done;
	}
	if (env) {
		/* (vh_store_take owns both from here, whatever it returns) */
		rc = vh_store_take(hit, env, file);
		env = file = NULL;
	}
	/* Asked for the store alone: no .venv instead, and nothing above. */
	if (rc == VH_STORE_NONE && stop)
		rc = VH_STORE_REFUSED;
done:
	vh_toml_free(&doc);
	vh_buf_free(&why);
	free(file);
	free(env);
	return rc;
}
