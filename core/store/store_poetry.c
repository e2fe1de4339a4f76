/* Poetry: the env of the project whose pyproject.toml is nearest, in
 * Poetry's virtualenvs.path, named as EnvManager.generate_env_name names it
 * (Poetry 1.3 and 2.x alike):
 *
 *   {name}-{hash}-py{X.Y}
 *   name  the project name, normalised as packaging's canonicalize_name
 *         (runs of '-', '_', '.' become one '-', lowercase), each of
 *         ` $!*@"\` and CR, LF, TAB made '_', cut to 42 characters;
 *         Poetry 2 reads [project] name, then [tool.poetry] name
 *         ("non-package-mode" for package-mode = false without one);
 *         Poetry 1 reads [tool.poetry] name only;
 *   hash  the first 8 characters of urlsafe-base64(sha256(realpath of the
 *         project directory)) (the path's bytes, less those that are not
 *         UTF-8, as Poetry's encode() drops them);
 *   X.Y   the minor version `poetry env use` recorded in envs.toml; else
 *         that of the Python Poetry prefers (EnvManager.get): Poetry 2 the
 *         `python` on PATH (virtualenvs.use-poetry-python: its own), Poetry
 *         1 its own (virtualenvs.prefer-active-python: the `python` on
 *         PATH). The one env of that name and hash is taken whatever its
 *         version; of several, the preferred version's, and when that
 *         cannot be told without running Python, the newest.
 *
 * Read from Poetry's source (python-poetry/poetry
 * f46702336862f30050d5c641d5ed6f7568ded793 and the tags 1.3.0, 1.8.5):
 * src/poetry/utils/env/env_manager.py (EnvManager.get, generate_env_name),
 * src/poetry/utils/env/python/manager.py (get_preferred_python),
 * src/poetry/config/config.py (Config.get, boolean_normalizer: case-blind
 * since 2.0.1, commit f907d2d31), src/poetry/locations.py (platformdirs).
 *
 * Settings, as Poetry's Config.get reads them: POETRY_VIRTUALENVS_IN_PROJECT
 * / POETRY_VIRTUALENVS_PATH / POETRY_CACHE_DIR, else the project's
 * poetry.toml, else the user's $POETRY_CONFIG_DIR/config.toml (default
 * platformdirs' config directory: ~/.config/pypoetry, on macOS
 * ~/Library/Application Support/pypoetry), else the defaults
 * ({cache-dir}/virtualenvs, cache-dir ~/.cache/pypoetry, on macOS
 * ~/Library/Caches/pypoetry). An in-project .venv directory wins unless
 * virtualenvs.in-project is false. Which Poetry is installed (toolver.c)
 * is asked only where the versions differ. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcntl.h>

#include "core/find/envdir.h"
#include "core/util/compat.h"
#include "core/util/sha256.h"
#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/store/store.h"
#include "core/util/toml.h"

enum source { UNSET, USER, PROJECT, ENVIRON };

struct setting {
	enum source from;
	int in_project;	/* for the booleans: 0 false, 1 anything else */
	char *str;
};

struct poetry_cfg {
	struct setting in_project, path, cache_dir;
	/* Poetry 1's virtualenvs.prefer-active-python, Poetry 2's
	 * virtualenvs.use-poetry-python (unset: false) */
	struct setting prefer_active, use_poetry;
};

static void cfg_free(struct poetry_cfg *c)
{
	free(c->in_project.str);
	free(c->path.str);
	free(c->cache_dir.str);
	free(c->prefer_active.str);
	free(c->use_poetry.str);
	memset(c, 0, sizeof(*c));
}

static int set_str(struct setting *s, enum source from, const char *v)
{
	char *copy = strdup(v);

	if (!copy)
		return VH_ENOMEM;
	free(s->str);
	s->str = copy;
	s->from = from;
	return 0;
}

/* The three settings from one config file (config.toml or poetry.toml).
 * 0, VH_STORE_REFUSED or VH_ENOMEM. */
static int read_config(struct poetry_cfg *c, struct vh_stores_walk *w, const char *file,
		       enum source from)
{
	static const char *const in_project[] = { "virtualenvs", "in-project", NULL };
	static const char *const path[] = { "virtualenvs", "path", NULL };
	static const char *const cache_dir[] = { "cache-dir", NULL };
	static const char *const prefer[] = { "virtualenvs", "prefer-active-python", NULL };
	static const char *const use[] = { "virtualenvs", "use-poetry-python", NULL };
	struct vh_buf why = VH_BUF_INIT;
	struct vh_toml doc;
	const struct vh_toml_entry *e;
	int rc, dup;

	rc = vh_toml_read(&doc, &why, file, VH_STORE_MAX_FILE);
	if (rc == VH_ENOTFOUND) {
		rc = 0;
		goto done;
	}
	if (rc) {
		if (rc == VH_EREFUSED) {
			vh_buf_puts(&why, "; so Poetry's env is not looked for");
			rc = vh_store_refuse(w, file, vh_buf_str(&why));
		}
		goto done;
	}
	e = vh_toml_get(&doc, in_project, &dup);
	if (e && !dup) {
		c->in_project.from = from;
		c->in_project.in_project = !(e->type == VH_TOML_BOOL && !e->boolean);
	}
	if (!dup && (e = vh_toml_get(&doc, path, &dup)) && !dup) {
		if (e->type != VH_TOML_STRING)
			dup = 1;
		else if (set_str(&c->path, from, e->str) < 0)
			rc = VH_ENOMEM;
	}
	if (!dup && (e = vh_toml_get(&doc, cache_dir, &dup)) && !dup) {
		if (e->type != VH_TOML_STRING)
			dup = 1;
		else if (set_str(&c->cache_dir, from, e->str) < 0)
			rc = VH_ENOMEM;
	}
	if (!dup && (e = vh_toml_get(&doc, prefer, &dup)) && !dup && e->type == VH_TOML_BOOL) {
		c->prefer_active.from = from;
		c->prefer_active.in_project = e->boolean;
	}
	if (!dup && (e = vh_toml_get(&doc, use, &dup)) && !dup && e->type == VH_TOML_BOOL) {
		c->use_poetry.from = from;
		c->use_poetry.in_project = e->boolean;
	}
	if (dup && rc == 0)
		rc = vh_store_refuse(w, file, ": a Poetry setting is given twice or is not a string; "
				     "so Poetry's env is not looked for");
done:
	vh_toml_free(&doc);
	vh_buf_free(&why);
	return rc;
}

static int copy_setting(struct setting *dst, const struct setting *src)
{
	*dst = *src;
	dst->str = src->str ? strdup(src->str) : NULL;
	return !src->str || dst->str ? 0 : VH_ENOMEM;
}

/* The path of the user's config.toml ($POETRY_CONFIG_DIR, else
 * platformdirs' config directory); NULL with no home at all. 0 or
 * VH_ENOMEM. */
static int config_file(char **file)
{
	const char *dir = vh_getenv("POETRY_CONFIG_DIR");
	char *base = NULL;

	*file = NULL;
	if (dir && *dir)
		base = strdup(dir);
	else if (vh_platdir(&base, VH_PLATDIR_CONFIG, "pypoetry") < 0)
		return VH_ENOMEM;
	if (!base)
		return dir && *dir ? VH_ENOMEM : 0;
	*file = vh_store_join(base, "config.toml");
	free(base);
	return *file ? 0 : VH_ENOMEM;
}

int vh_store_poetry_region(struct vh_deps *d)
{
	char *file = NULL;
	int rc = config_file(&file) < 0 ? VH_ENOMEM : file ? vh_deps_add(d, file) : 0;

	free(file);
	return rc;
}

/* The user's config.toml, read once a process (again while it is refused,
 * so that each walk says why). 0, VH_STORE_REFUSED or VH_ENOMEM. */
static int user_config(struct poetry_cfg *c, struct vh_stores_walk *w)
{
	static struct poetry_cfg kept;
	static int have;
	char *file = NULL;
	int rc;

	if (!have) {
		if (config_file(&file) < 0)
			return VH_ENOMEM;
		kept.in_project.in_project = 1;
		rc = file ? read_config(&kept, w, file, USER) : 0;
		free(file);
		if (rc) {
			cfg_free(&kept);
			return rc;
		}
		have = 1;
	}
	if (copy_setting(&c->in_project, &kept.in_project) < 0 || copy_setting(&c->path, &kept.path) < 0 ||
	    copy_setting(&c->cache_dir, &kept.cache_dir) < 0 ||
	    copy_setting(&c->prefer_active, &kept.prefer_active) < 0 ||
	    copy_setting(&c->use_poetry, &kept.use_poetry) < 0)
		return VH_ENOMEM;
	return 0;
}

/* The Poetry installed, when a rule depends on its version. 0 or
 * VH_ENOMEM. */
static int poetry_tool(const struct vh_tool **t)
{
	return vh_tool_find(t, "poetry", "poetry");
}

/* boolean_normalizer: "true" or "1", any case since Poetry 2.0.1 (before
 * it, exactly). 1, 0, or VH_ENOMEM. */
static int env_bool(const char *v)
{
	const struct vh_tool *t;

	if (!strcmp(v, "true") || !strcmp(v, "1"))
		return 1;
	if (strcasecmp(v, "true"))
		return 0;
	if (poetry_tool(&t) < 0)
		return VH_ENOMEM;
	return vh_tool_at_least(t, 2, 0, 1) != VH_TOOL_OLDER;
}

static int environ_bool(struct setting *s, const char *name)
{
	const char *v = vh_getenv(name);
	int b;

	if (!v)
		return 0;
	if ((b = env_bool(v)) < 0)
		return b;
	s->from = ENVIRON;
	s->in_project = b;
	return 0;
}

static int environ_settings(struct poetry_cfg *c)
{
	const char *v;

	if (environ_bool(&c->in_project, "POETRY_VIRTUALENVS_IN_PROJECT") < 0 ||
	    environ_bool(&c->prefer_active, "POETRY_VIRTUALENVS_PREFER_ACTIVE_PYTHON") < 0 ||
	    environ_bool(&c->use_poetry, "POETRY_VIRTUALENVS_USE_POETRY_PYTHON") < 0)
		return VH_ENOMEM;
	if ((v = vh_getenv("POETRY_VIRTUALENVS_PATH")) && set_str(&c->path, ENVIRON, v) < 0)
		return VH_ENOMEM;
	if ((v = vh_getenv("POETRY_CACHE_DIR")) && set_str(&c->cache_dir, ENVIRON, v) < 0)
		return VH_ENOMEM;
	return 0;
}

/* All settings in force for the project in dir. 0, VH_STORE_REFUSED or
 * VH_ENOMEM. */
static int load_config(struct poetry_cfg *c, struct vh_stores_walk *w, const char *dir, int project)
{
	char *file;
	int rc;

	memset(c, 0, sizeof(*c));
	c->in_project.in_project = 1;
	rc = user_config(c, w);
	if (rc == 0 && project) {
		file = vh_store_join(dir, "poetry.toml");
		rc = file ? read_config(c, w, file, PROJECT) : VH_ENOMEM;
		free(file);
	}
	if (rc == 0 && environ_settings(c) < 0)
		rc = VH_ENOMEM;
	return rc;
}

/* virtualenvs.path with {cache-dir} filled in and ~ expanded; relative to
 * dir when relative. *set: a project setting decided it. 0,
 * VH_STORE_REFUSED or VH_ENOMEM. */
static int venvs_path(char **out, int *set, struct vh_stores_walk *w, const struct poetry_cfg *c,
		      const char *dir)
{
	struct vh_buf b = VH_BUF_INIT;
	char *cache = NULL, *expanded = NULL;
	const char *p, *tmpl;
	int rc = 0;

	*out = NULL;
	*set = c->path.from == PROJECT;
	if (c->cache_dir.str)
		cache = strdup(c->cache_dir.str);
	else if (vh_platdir(&cache, VH_PLATDIR_CACHE, "pypoetry") < 0)
		return VH_ENOMEM;
	if (!cache)
		return c->cache_dir.str ? VH_ENOMEM : 0;
	if (c->path.from == UNSET)
		*set = c->cache_dir.from == PROJECT;
	tmpl = c->path.str ? c->path.str : "{cache-dir}/virtualenvs";
	for (p = tmpl; *p && rc == 0; p++) {
		if (*p == '{' && strchr(p, '}')) {
			if (strncmp(p, "{cache-dir}", 11)) {
				rc = vh_store_refuse(w, tmpl, ": Poetry's virtualenvs.path holds a {...} venvhook "
						     "does not resolve; so Poetry's env is not looked for");
				break;
			}
			rc = vh_buf_puts(&b, cache);
			if (c->cache_dir.from == PROJECT)
				*set = 1;
			p += 10;
		} else {
			rc = vh_buf_putc(&b, *p);
		}
	}
	free(cache);
	if (rc == 0 && vh_buf_puts(&b, "") < 0)
		rc = VH_ENOMEM;
	if (rc == 0)
		rc = vh_store_expanduser(&expanded, b.data);
	vh_buf_free(&b);
	if (rc)
		return rc;
	if (expanded[0] != '/') {
		/* Relative to where poetry runs: the project directory. */
		*out = vh_store_join(dir, expanded);
		free(expanded);
		*set = 1;
		return *out ? 0 : VH_ENOMEM;
	}
	*out = expanded;
	return 0;
}

/* The project's name from pyproject.toml into *name (NULL: not a Poetry
 * project). Poetry 2 reads [project] name first; Poetry 1 knows only
 * [tool.poetry] name, so where both are there and differ the installed
 * Poetry decides. 0, VH_STORE_REFUSED or VH_ENOMEM. */
static int project_name(char **name, struct vh_stores_walk *w, const char *dir, const char *file)
{
	static const char *const project[] = { "project", "name", NULL };
	static const char *const tool[] = { "tool", "poetry", "name", NULL };
	static const char *const mode[] = { "tool", "poetry", "package-mode", NULL };
	const struct vh_toml *doc;
	const struct vh_toml_entry *e, *t;
	const struct vh_tool *poetry;
	int rc, dup, dup2;

	*name = NULL;
	if ((rc = vh_store_pyproject(&doc, w, dir)) != 0 || !doc)
		return rc;
	e = vh_toml_get(doc, project, &dup);
	t = vh_toml_get(doc, tool, &dup2);
	if (dup || dup2 || (e && e->type != VH_TOML_STRING) || (t && t->type != VH_TOML_STRING))
		return vh_store_refuse(w, file, ": the project name is given twice or is not a string; "
				       "not activating an env for it");
	if (e && t && strcmp(e->str, t->str)) {
		if (poetry_tool(&poetry) < 0)
			return VH_ENOMEM;
		if (poetry->major == 1)
			e = t;
	}
	if (!e)
		e = t;
	if (e) {
		*name = strdup(e->str);
	} else {
		e = vh_toml_get(doc, mode, &dup);
		if (!e || e->type != VH_TOML_BOOL || e->boolean)
			return 0;
		*name = strdup("non-package-mode");
	}
	return *name ? 0 : VH_ENOMEM;
}

int vh_poetry_env_base(struct vh_buf *out, struct vh_buf *why, const char *name, const char *real)
{
	unsigned char digest[VH_SHA256_LEN];
	struct vh_buf b64 = VH_BUF_INIT, bytes = VH_BUF_INIT;
	const unsigned char *s;
	size_t n = 0, len;
	int dash = 0, rc = VH_ENOMEM;

	for (s = (const unsigned char *)name; *s; s++)
		if (*s >= 0x80)
			return vh_buf_puts(why, "venvhook cannot compute Poetry's env name for a "
					   "project name that is not ASCII") < 0 ? VH_ENOMEM : VH_EREFUSED;
	/* canonicalize_name, lower(), then the shell-unsafe characters. */
	for (s = (const unsigned char *)name; *s && n < 42; s++) {
		int c = *s;

		if (c == '-' || c == '_' || c == '.') {
			if (!dash++) {
				if (vh_buf_putc(out, '-') < 0)
					goto done;
				n++;
			}
			continue;
		}
		dash = 0;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (strchr(" $`!*@\"\\\r\n\t", c))
			c = '_';
		if (vh_buf_putc(out, (char)c) < 0)
			goto done;
		n++;
	}
	/* encode(): the path as UTF-8; bytes that are not UTF-8 (surrogates in
	 * Python's str) are dropped by its errors="ignore" fallback. */
	for (s = (const unsigned char *)real; *s; s += len) {
		len = vh_utf8_valid(s);
		if (len && vh_buf_add(&bytes, (const char *)s, len) < 0)
			goto done;
		if (!len)
			len = 1;
	}
	rc = vh_sha256(digest, bytes.data ? bytes.data : "", bytes.len, why);
	if (rc == 0 && (vh_base64url(&b64, digest, sizeof(digest)) < 0 || vh_buf_putc(out, '-') < 0 ||
			vh_buf_add(out, b64.data, 8) < 0))
		rc = VH_ENOMEM;
done:
	vh_buf_free(&b64);
	vh_buf_free(&bytes);
	return rc;
}

/* {name}-{hash} of the project in dir. 0, VH_STORE_REFUSED (said why) or
 * VH_ENOMEM. */
static int env_base(struct vh_buf *out, struct vh_stores_walk *w, const char *name,
		    const char *dir, const char *file)
{
	struct vh_buf why = VH_BUF_INIT;
	char *real = realpath(dir, NULL);
	int rc;

	if (!real)
		return vh_store_refuse(w, dir, ": cannot resolve the project's path; not looking for its Poetry env");
	vh_buf_puts(&why, ": ");
	rc = vh_poetry_env_base(out, &why, name, real);
	if (rc == VH_EREFUSED || rc == VH_ENOLIB) {
		vh_buf_puts(&why, "; so its Poetry env is not looked for");
		rc = vh_store_refuse(w, file, vh_buf_str(&why));
	}
	free(real);
	vh_buf_free(&why);
	return rc;
}

/* "3.11" > "3.9": compares the X.Y after "-py" numerically. */
static int newer(const char *a, const char *b)
{
	char *ea, *eb;
	unsigned long ma = strtoul(a, &ea, 10), mb = strtoul(b, &eb, 10);
	unsigned long na = *ea == '.' ? strtoul(ea + 1, NULL, 10) : 0;
	unsigned long nb = *eb == '.' ? strtoul(eb + 1, NULL, 10) : 0;

	if (ma != mb)
		return ma > mb;
	if (na != nb)
		return na > nb;
	return strcmp(a, b) > 0;
}

/* The "X.Y" of the Python Poetry would make an env with (see above), into
 * pref; "-" when it cannot be told. 0 or VH_ENOMEM. */
static int preferred_minor(char pref[16], const struct poetry_cfg *c)
{
	const struct vh_tool *t;
	const char *mark = vh_getenv("__VENVHOOK_ENV");
	char *python = NULL, *skip = NULL;
	int active, rc = 0;

	if (poetry_tool(&t) < 0)
		return VH_ENOMEM;
	active = t->major == 1 ? c->prefer_active.in_project : !c->use_poetry.in_project;
	if (active) {
		/* PATH as it is without the env venvhook put on it. */
		if (mark && !(skip = vh_store_join(mark, "bin")))
			return VH_ENOMEM;
		rc = vh_path_which(&python, "python", vh_getenv("PATH"), skip);
	}
	if (rc == 0)
		vh_python_minor(pref, python ? python : t->python);
	if (!pref[0])
		strcpy(pref, "-");
	free(python);
	free(skip);
	return rc;
}

/* The env directory name: from envs.toml, else as preferred_minor says.
 * 0 (*out NULL: none), VH_STORE_REFUSED or VH_ENOMEM. */
/* No envs.toml, or nothing recorded in it for the project base names:
 * its one env in venvs, else the one of the Python Poetry prefers (none
 * when that one is not there: Poetry would make it), else the newest.
 * *out NULL when there is none. 0 or VH_ENOMEM. */
static int unrecorded_env(char **out, const struct poetry_cfg *c, const char *venvs, const char *base)
{
	struct vh_buf name = VH_BUF_INIT;
	char pref[16] = "", *best = NULL;
	size_t n = 0, blen = strlen(base);
	struct dirent *d;
	DIR *dir = opendir(venvs);
	int rc = 0;

	while (dir && (d = readdir(dir))) {
		if (strncmp(d->d_name, base, blen) || strncmp(d->d_name + blen, "-py", 3))
			continue;
		n++;
		if (best && !newer(d->d_name + blen + 3, best + blen + 3))
			continue;
		free(best);
		if (!(best = strdup(d->d_name))) {
			rc = VH_ENOMEM;
			break;
		}
	}
	if (dir)
		closedir(dir);
	if (rc == 0 && n > 1 && (rc = preferred_minor(pref, c)) == 0 && strcmp(pref, "-")) {
		free(best);
		best = NULL;
		if (vh_buf_puts(&name, base) < 0 || vh_buf_puts(&name, "-py") < 0 ||
		    vh_buf_puts(&name, pref) < 0)
			rc = VH_ENOMEM;
		else
			best = vh_buf_detach(&name);
	}
	if (rc < 0) {
		free(best);
		best = NULL;
	}
	*out = best;
	return rc;
}

static int pick_env(char **out, struct vh_stores_walk *w, const struct poetry_cfg *c,
		    const char *venvs, const char *base)
{
	struct vh_buf why = VH_BUF_INIT, name = VH_BUF_INIT;
	const struct vh_toml_entry *e;
	const char *minor[] = { base, "minor", NULL };
	struct vh_toml doc;
	char *file;
	int rc, dup;

	*out = NULL;
	file = vh_store_join(venvs, "envs.toml");
	if (!file)
		return VH_ENOMEM;
	rc = vh_toml_read(&doc, &why, file, VH_STORE_MAX_FILE);
	if (rc == VH_EREFUSED) {
		vh_buf_puts(&why, "; so Poetry's env is not looked for");
		rc = vh_store_refuse(w, file, vh_buf_str(&why));
		goto done;
	}
	if (rc < 0 && rc != VH_ENOTFOUND)
		goto done;
	if (rc == 0 && (e = vh_toml_get(&doc, minor, &dup))) {
		const char *s = e->str, *end;

		if (dup || e->type != VH_TOML_STRING) {
			rc = vh_store_refuse(w, file, ": the entry of this project is not one string; "
					     "so Poetry's env is not looked for");
			goto done;
		}
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		for (end = s + strlen(s); end > s && strchr(" \t\n\r", end[-1]); end--)
			;
		if (vh_buf_puts(&name, base) < 0 || vh_buf_puts(&name, "-py") < 0 ||
		    vh_buf_add(&name, s, (size_t)(end - s)) < 0)
			rc = VH_ENOMEM;
		else
			*out = vh_buf_detach(&name);
		goto done;
	}
	rc = unrecorded_env(out, c, venvs, base);
done:
	vh_toml_free(&doc);
	vh_buf_free(&why);
	vh_buf_free(&name);
	free(file);
	return rc;
}

/* Where Poetry will make the project's env when none is there: {base}-pyX.Y
 * for the Python Poetry would take, which (unless told otherwise) is the
 * one it runs on, Debian's and most installs' python3: the X.Y of the
 * program the first python3 on PATH leads to (python3.X, through its
 * links: an env's own python3 leads there too). Noted for the hook to
 * watch (vh_store_expect). 0 or VH_ENOMEM. */
static int expect(struct vh_stores_walk *w, const char *venvs, const char *base)
{
	const char *path = vh_getenv("PATH"), *p, *e, *target = NULL;
	struct vh_buf b = VH_BUF_INIT;
	char *real = NULL;
	int rc = 0;

	for (p = path; p && *p; p = *e ? e + 1 : e) {
		e = strchr(p, ':');
		if (!e)
			e = p + strlen(p);
		if (e == p || *p != '/')
			continue;
		vh_buf_reset(&b);
		if (vh_buf_add(&b, p, (size_t)(e - p)) < 0 || vh_buf_puts(&b, "/python3") < 0) {
			rc = VH_ENOMEM;
			break;
		}
		real = realpath(b.data, NULL);
		if (!real)
			continue;
		target = strrchr(real, '/') + 1;
		if (strncmp(target, "python3.", 8) || !target[8] || strspn(target + 8, "0123456789") !=
								    strlen(target + 8))
			target = NULL;
		break;
	}
	if (rc == 0 && target) {
		vh_buf_reset(&b);
		if (vh_buf_puts(&b, venvs) < 0 || vh_buf_putc(&b, '/') < 0 || vh_buf_puts(&b, base) < 0 ||
		    vh_buf_puts(&b, "-py") < 0 || vh_buf_puts(&b, target + 6) < 0 ||
		    vh_store_expect(w, b.data) < 0)
			rc = VH_ENOMEM;
	}
	free(real);
	vh_buf_free(&b);
	return rc;
}

int vh_store_poetry(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir,
		    enum vh_stores_phase phase)
{
	struct poetry_cfg c;
	struct vh_buf base = VH_BUF_INIT;
	char *file = NULL, *venvs = NULL, *name = NULL, *pick = NULL;
	struct stat st;
	int rc, set = 0;

	if (w->poetry_seen || !w->pyproject)
		return VH_STORE_NONE;
	rc = load_config(&c, w, dir, 1);
	if (rc)
		goto done;
	if (phase == VH_STORES_FIRST && c.in_project.in_project)
		goto done; /* .venv first, as Poetry */
	w->poetry_seen = 1;
	if (phase == VH_STORES_AFTER && vh_store_exists(w, dir, ".venv/.")) {
		/* Poetry's env is that .venv, which is no env (else it was
		 * found before this rule). */
		goto done;
	}
	if ((rc = venvs_path(&venvs, &set, w, &c, dir)) != 0 || !venvs)
		goto done;
	/* No store, no env: nothing to hash (libmd stays unloaded). The hook
	 * watches for the store itself, which Poetry makes with its first
	 * env; that env is then new by its birth time (made_here, policy.c). */
	if (stat(venvs, &st) < 0 || !S_ISDIR(st.st_mode)) {
		rc = vh_store_expect(w, venvs);
		goto done;
	}
	file = vh_store_join(dir, "pyproject.toml");
	if (!file) {
		rc = VH_ENOMEM;
		goto done;
	}
	if ((rc = project_name(&name, w, dir, file)) != 0 || !name)
		goto done;
	if ((rc = env_base(&base, w, name, dir, file)) != 0)
		goto done;
	if ((rc = pick_env(&pick, w, &c, venvs, base.data)) != 0)
		goto done;
	if (!pick) {
		rc = expect(w, venvs, base.data);
		goto done;
	}
	if (vh_env_name_ok(pick)) {
		/* (an env not made yet: the hook watches where Poetry will make it) */
		char *env = vh_store_join(venvs, pick);

		if (!env || (!vh_env_at(AT_FDCWD, env) && vh_store_expect(w, env) < 0)) {
			free(env);
			rc = VH_ENOMEM;
			goto done;
		}
		free(env);
	}
	rc = vh_store_take_named(hit, venvs, pick, file);
	file = NULL;
	if (rc == VH_STORE_FOUND)
		hit->project_setting = set || c.in_project.from == PROJECT;
done:
	cfg_free(&c);
	vh_buf_free(&base);
	free(file);
	free(venvs);
	free(name);
	free(pick);
	return rc;
}

int vh_store_poetry_root(char **out)
{
	struct vh_stores_walk w = { 0 };
	struct poetry_cfg c;
	int rc, set;

	*out = NULL;
	/* The user's settings only: a project's poetry.toml makes no store. */
	rc = load_config(&c, &w, "/", 0);
	if (rc == 0)
		rc = venvs_path(out, &set, &w, &c, "/");
	if (rc == 0 && set) {
		free(*out);
		*out = NULL;
	}
	cfg_free(&c);
	vh_stores_walk_free(&w);
	return rc < 0 ? rc : 0;
}
