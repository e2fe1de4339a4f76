/* The order of the store rules and what they share; see stores.h. */
#include "core/store/stores.h"
#include "core/util/compat.h"

#include <errno.h>
#include <fnmatch.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/find/envdir.h"
#include "core/util/err.h"
#include "core/util/fileio.h"
#include "core/util/msg.h"
#include "core/store/store.h"
#include "core/decide/userconfig.h"

const char *const vh_store_names[VH_STORE_COUNT] = {
	[VH_STORE_POETRY] = "poetry",
	[VH_STORE_PIPENV] = "pipenv",
	[VH_STORE_PYENV] = "pyenv",
	[VH_STORE_UV] = "uv",
	[VH_STORE_VEW] = "virtualenvwrapper",
	[VH_STORE_VIRTUALFISH] = "virtualfish",
	[VH_STORE_AUTOSWITCH] = "autoswitch",
	[VH_STORE_HATCH] = "hatch",
	[VH_STORE_PDM] = "pdm",
};

const char *const vh_stores_commands[] = {
	"setvirtualenvproject", "mkvirtualenv", "mkproject", "cpvirtualenv", "rmvirtualenv", NULL,
};

/* A home from an environment variable, else ~/.virtualenvs, as
 * virtualfish (its virtual and auto_activation scripts,
 * justinmayer/virtualfish 341a88b73c4574e0b9d8773048fbb8147b3830b4) and
 * zsh-autoswitch-virtualenv (its plugin script,
 * MichaelAquilina/zsh-autoswitch-virtualenv
 * 9020833b13f8982d1fdc0d1541ccdc87670beb23) default it. 0 or VH_ENOMEM. */
static int home_of(char **out, const char *var)
{
	const char *v = vh_getenv(var), *home = vh_getenv("HOME");

	*out = NULL;
	if (v && *v)
		*out = strdup(v);
	else if (home && *home)
		*out = vh_store_join(home, ".virtualenvs");
	else
		return 0;
	return *out ? 0 : VH_ENOMEM;
}

int vh_store_virtualfish_root(char **out)
{
	return home_of(out, "VIRTUALFISH_HOME");
}

int vh_store_autoswitch_root(char **out)
{
	return home_of(out, "AUTOSWITCH_VIRTUAL_ENV_DIR");
}

static int on(enum vh_store_id id)
{
	return vh_config.stores & (1u << id);
}

static int take(struct vh_found *out, struct vh_store_hit *hit, enum vh_rule rule, const char *dir)
{
	out->rule = hit->rule != VH_RULE_NONE ? hit->rule : rule;
	out->env = hit->env;
	out->from = hit->from;
	out->project_setting = hit->project_setting;
	out->owner = strdup(dir);
	memset(hit, 0, sizeof(*hit));
	return out->owner ? VH_STORE_FOUND : VH_ENOMEM;
}

int vh_stores_find(struct vh_found *out, struct vh_stores_walk *w, const char *dir,
		   enum vh_stores_phase phase)
{
	struct vh_store_hit hit = { 0 };
	int rc = VH_STORE_NONE;

	if (!w->uv_env_read) {
		w->uv_env = vh_getenv("UV_PROJECT_ENVIRONMENT");
		w->uv_env_read = 1;
	}
	if (phase == VH_STORES_BEYOND) {
		if (on(VH_STORE_UV) && (rc = vh_store_uv(&hit, w, dir, phase)) == VH_STORE_FOUND)
			return take(out, &hit, VH_RULE_UV, dir);
		if (rc == VH_STORE_NONE && on(VH_STORE_PYENV) &&
		    (rc = vh_store_pyenv(&hit, w, dir)) == VH_STORE_FOUND)
			return take(out, &hit, VH_RULE_PYENV, dir);
		return rc;
	}
	if (phase == VH_STORES_FIRST) {
		/* Asked once a directory: uv and Poetry (in both phases) want it. */
		w->pyproject = (on(VH_STORE_UV) || on(VH_STORE_POETRY) || on(VH_STORE_HATCH) ||
				on(VH_STORE_PDM)) && vh_store_is_file(w, dir, "pyproject.toml");
		if (on(VH_STORE_UV) && (rc = vh_store_uv(&hit, w, dir, phase)) == VH_STORE_FOUND)
			return take(out, &hit, VH_RULE_UV, dir);
		if (rc == VH_STORE_NONE && on(VH_STORE_POETRY) &&
		    (rc = vh_store_poetry(&hit, w, dir, phase)) == VH_STORE_FOUND)
			return take(out, &hit, VH_RULE_POETRY, dir);
		if (rc == VH_STORE_NONE && on(VH_STORE_PIPENV) &&
		    (rc = vh_store_pipenv(&hit, w, dir, phase)) == VH_STORE_FOUND)
			return take(out, &hit, VH_RULE_PIPENV, dir);
		if (rc == VH_STORE_NONE && on(VH_STORE_PDM) &&
		    (rc = vh_store_pdm(&hit, w, dir, phase)) == VH_STORE_FOUND)
			return take(out, &hit, VH_RULE_PDM, dir);
		if (rc == VH_STORE_NONE && on(VH_STORE_HATCH) &&
		    (rc = vh_store_hatch(&hit, w, dir)) == VH_STORE_FOUND)
			return take(out, &hit, VH_RULE_HATCH, dir);
		return rc;
	}
	if (on(VH_STORE_POETRY) && (rc = vh_store_poetry(&hit, w, dir, phase)) == VH_STORE_FOUND)
		return take(out, &hit, VH_RULE_POETRY, dir);
	if (rc == VH_STORE_NONE && on(VH_STORE_PIPENV) &&
	    (rc = vh_store_pipenv(&hit, w, dir, phase)) == VH_STORE_FOUND)
		return take(out, &hit, VH_RULE_PIPENV, dir);
	if (rc == VH_STORE_NONE && on(VH_STORE_PDM) &&
	    (rc = vh_store_pdm(&hit, w, dir, phase)) == VH_STORE_FOUND)
		return take(out, &hit, VH_RULE_PDM, dir);
	if (rc == VH_STORE_NONE && on(VH_STORE_PYENV) &&
	    (rc = vh_store_pyenv(&hit, w, dir)) == VH_STORE_FOUND)
		return take(out, &hit, VH_RULE_PYENV, dir);
	if (rc == VH_STORE_NONE && on(VH_STORE_VEW) &&
	    (rc = vh_store_vew(&hit, w, dir)) == VH_STORE_FOUND)
		return take(out, &hit, VH_RULE_VEW, dir);
	return rc;
}

/* Anything by that name in dir (a dangling symlink too), or a name that
 * cannot be looked at. */
static int any_at(const char *dir, const char *name)
{
	char *p = vh_store_join(dir, name);
	struct stat st;
	int yes = !p || lstat(p, &st) == 0 || errno != ENOENT;

	free(p);
	return yes;
}

/* uv's workspace search from top (store_uv.c, workspace_root): the nearest
 * pyproject.toml above it, each directory on the way holding none. */
static int uv_region(struct vh_deps *d, const char *top)
{
	char *dir = strdup(top), *slash;
	int rc = 0;

	while (dir && rc == 0 && strcmp(dir, "/") && !d->unusable) {
		slash = strrchr(dir, '/');
		slash[slash == dir] = '\0';
		rc = vh_deps_add_in(d, dir, "pyproject.toml");
		if (rc == 0 && d->n && d->there[d->n - 1])
			break;
	}
	if (!dir)
		rc = VH_ENOMEM;
	free(dir);
	return rc;
}

int vh_stores_region(struct vh_deps *d, const char *top)
{
	int pyproject = vh_store_is_file(NULL, top, "pyproject.toml");
	int rc = 0;

	/* The rules that run before the env directories (VH_STORES_FIRST) and
	 * read what no path here can stand for: pipenv's (from 2026 a store env
	 * beats .venv, by the installed pipenv's version, PIPENV_VENV_IN_PROJECT
	 * and the Pipfile's [pipenv] venv_in_project) and pdm's saved
	 * interpreter (.pdm-python, .pdm.toml: an env anywhere). No region:
	 * export at every cd. */
	if ((on(VH_STORE_PIPENV) && any_at(top, "Pipfile")) ||
	    (on(VH_STORE_PDM) && pyproject && (any_at(top, ".pdm-python") || any_at(top, ".pdm.toml")))) {
		d->unusable = 1;
		return 0;
	}
	if (pyproject && on(VH_STORE_POETRY))
		rc = vh_store_poetry_region(d);
	if (rc == 0 && pyproject && on(VH_STORE_UV))
		rc = uv_region(d, top);
	if (rc == 0 && pyproject && on(VH_STORE_HATCH))
		rc = vh_store_hatch_region(d, top);
	if (rc == 0 && on(VH_STORE_VEW))
		rc = vh_store_vew_region(d);
	return rc;
}

int vh_stores_finish(struct vh_stores_walk *w, const char *cwd)
{
	char *versions = NULL, *file = NULL;
	struct stat st;
	int rc = 0;

	if (!on(VH_STORE_PYENV) || w->pyenv_seen)
		return 0;
	if (vh_store_pyenv_root(&versions) < 0)
		return VH_ENOMEM;
	if (versions && stat(versions, &st) == 0 && S_ISDIR(st.st_mode)) {
		file = vh_store_join(cwd, ".python-version");
		rc = file ? vh_store_expect(w, file) : VH_ENOMEM;
	}
	free(file);
	free(versions);
	return rc;
}

int vh_store_expect(struct vh_stores_walk *w, const char *path)
{
	if (!path || w->nexpect >= VH_FOUND_EXPECT)
		return 0;
	w->expect[w->nexpect] = strdup(path);
	return w->expect[w->nexpect++] ? 0 : VH_ENOMEM;
}

int vh_store_pyproject(const struct vh_toml **doc, struct vh_stores_walk *w, const char *dir)
{
	struct vh_buf why = VH_BUF_INIT;
	char *file;
	int rc;

	*doc = NULL;
	if (!w->pp_dir || strcmp(w->pp_dir, dir)) {
		free(w->pp_dir);
		vh_toml_free(&w->pp_doc);
		if (!(w->pp_dir = strdup(dir)) || !(file = vh_store_join(dir, "pyproject.toml"))) {
			free(w->pp_dir);
			w->pp_dir = NULL;
			return VH_ENOMEM;
		}
		rc = vh_toml_read(&w->pp_doc, &why, file, VH_STORE_MAX_FILE);
		if (rc == VH_EREFUSED) {
			vh_buf_puts(&why, "; not activating an env for it");
			rc = vh_store_refuse(w, file, vh_buf_str(&why));
		}
		free(file);
		vh_buf_free(&why);
		if (rc < 0 && rc != VH_ENOTFOUND) {
			free(w->pp_dir);
			w->pp_dir = NULL;
			return rc;
		}
		w->pp_rc = rc; /* VH_ENOTFOUND: none there */
	}
	if (w->pp_rc == 0)
		*doc = &w->pp_doc;
	return w->pp_rc == VH_ENOTFOUND ? 0 : w->pp_rc;
}

void vh_stores_walk_free(struct vh_stores_walk *w)
{
	while (w->nexpect)
		free(w->expect[--w->nexpect]);
	free(w->pp_dir);
	vh_toml_free(&w->pp_doc);
	vh_buf_free(&w->warn);
	memset(w, 0, sizeof(*w));
}

/* --- the user's store roots, for the trust policy --- */

static int uv_root(char **out)
{
	const char *uv = vh_getenv("UV_PROJECT_ENVIRONMENT");

	*out = uv && uv[0] == '/' ? strdup(uv) : NULL;
	return uv && uv[0] == '/' && !*out ? VH_ENOMEM : 0;
}

/* Every store, the one place that says where each keeps its envs: the
 * root as the user's environment and config place it, and the shape of
 * an env's path below it (fnmatch with FNM_PATHNAME; "" the root itself). */
static const struct {
	enum vh_store_id id;
	int (*root)(char **);
	const char *shape;
} stores[] = {
	{ VH_STORE_VEW, vh_store_vew_root, "*" },
	{ VH_STORE_PIPENV, vh_store_pipenv_root, "*" },
	{ VH_STORE_POETRY, vh_store_poetry_root, "*" },
	{ VH_STORE_PYENV, vh_store_pyenv_root, "*" },
	{ VH_STORE_PYENV, vh_store_pyenv_root, "*/envs/*" }, /* pyenv-virtualenv's own */
	{ VH_STORE_UV, uv_root, "" },
	{ VH_STORE_VIRTUALFISH, vh_store_virtualfish_root, "*" },
	{ VH_STORE_AUTOSWITCH, vh_store_autoswitch_root, "*" },
	{ VH_STORE_HATCH, vh_store_hatch_root, "*/*/*" },
	{ VH_STORE_PDM, vh_store_pdm_root, "*" },
};

void vh_store_roots_free(struct vh_store_root *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].path);
	free(v);
}

int vh_store_roots(struct vh_store_root **out, size_t *n)
{
	struct vh_store_root *v = NULL, *nv;
	char *p, *real;
	size_t i;

	*out = NULL;
	*n = 0;
	for (i = 0; i < sizeof(stores) / sizeof(stores[0]); i++) {
		if (!on(stores[i].id))
			continue;
		if (stores[i].root(&p) < 0)
			goto oom;
		if (!p)
			continue;
		real = realpath(p, NULL);
		free(p);
		if (!real) {
			if (errno == ENOMEM)
				goto oom;
			continue;
		}
		nv = realloc(v, (*n + 1) * sizeof(*nv));
		if (!nv) {
			free(real);
			goto oom;
		}
		v = nv;
		v[*n].path = real;
		v[*n].shape = stores[i].shape;
		v[*n].id = stores[i].id;
		(*n)++;
	}
	*out = v;
	return 0;
oom:
	vh_store_roots_free(v, *n);
	*n = 0;
	return VH_ENOMEM;
}

/* real_env's parent, as a new string ("/" for a top-level directory). */
static char *parent_of(const char *real_env)
{
	const char *slash = strrchr(real_env, '/');

	if (!slash)
		return NULL;
	return slash == real_env ? strdup("/") : strndup(real_env, (size_t)(slash - real_env));
}

int vh_env_in_user_store(int *yes, const char *real_env)
{
	struct vh_store_root *roots;
	size_t n, i, len;
	const char *rel;

	*yes = 0;
	if (vh_store_roots(&roots, &n) < 0)
		return VH_ENOMEM;
	for (i = 0; i < n && !*yes; i++) {
		len = strlen(roots[i].path);
		if (len == 1) /* "/" */
			len = 0;
		if (strncmp(real_env, roots[i].path, len) || (real_env[len] && real_env[len] != '/'))
			continue;
		rel = real_env[len] ? real_env + len + 1 : "";
		/* "." and ".." cannot be in a real path: a shape matches envs only. */
		*yes = !*roots[i].shape ? !*rel : *rel && fnmatch(roots[i].shape, rel, FNM_PATHNAME) == 0;
	}
	vh_store_roots_free(roots, n);
	return 0;
}

/* --- envs the tools keep for themselves --- */

/* 1 when real (a real path) is dir's real path, with sub appended to dir. */
static int same_dir(const char *real, const char *dir, const char *sub)
{
	char *p = sub ? vh_store_join(dir, sub) : strdup(dir), *r = NULL, *e = NULL;
	int yes = 0;

	if (p && vh_store_expanduser(&e, p) == 0 && e[0] == '/' && (r = realpath(e, NULL)))
		yes = !strcmp(r, real);
	free(p);
	free(e);
	free(r);
	return yes;
}

const char *vh_store_tool_env(const char *env)
{
	/* pipx src/pipx/paths.py (pypa/pipx 9bb766c055d47b44ea36c342b87ed569e7c442b1):
	 * PIPX_HOME, platformdirs' user_data_path("pipx"), the fallback
	 * ~/.local/pipx, PIPX_GLOBAL_HOME or /opt/pipx; venvs/ and shared/ in
	 * each. uv: crates/uv-tool (astral-sh/uv 26a9dd4b): UV_TOOL_DIR, else
	 * uv's data directory ($XDG_DATA_HOME/uv, ~/.local/share/uv)/tools. */
	const char *pipx[] = { vh_getenv("PIPX_HOME"), NULL, "~/.local/pipx", vh_getenv("PIPX_GLOBAL_HOME"),
			       "/opt/pipx" };
	const char *uv_dir = vh_getenv("UV_TOOL_DIR"), *xdg = vh_getenv("XDG_DATA_HOME");
	const char *slash = strrchr(env, '/'), *what = NULL;
	char *real = NULL, *parent = NULL, *data = NULL, *uv = NULL;
	size_t i;

	if (!slash || slash == env)
		return NULL;
	for (i = 0; slash - env >= 5 && i < 2; i++)
		if (!strncmp(slash - 5, i ? "/.nox" : "/.tox", 5))
			return i ? "nox" : "tox";
	real = realpath(env, NULL);
	parent = real ? parent_of(real) : NULL;
	if (!parent || vh_platdir(&data, VH_PLATDIR_DATA, "pipx") < 0)
		goto done;
	pipx[1] = data;
	for (i = 0; i < sizeof(pipx) / sizeof(pipx[0]) && !what; i++)
		if (pipx[i] && *pipx[i] &&
		    (same_dir(parent, pipx[i], "venvs") || same_dir(real, pipx[i], "shared")))
			what = "pipx";
	if (!what) {
		if (uv_dir && *uv_dir)
			uv = strdup(uv_dir);
		else
			uv = vh_store_join(xdg && *xdg ? xdg : "~/.local/share", "uv/tools");
		if (uv && same_dir(parent, uv, NULL))
			what = "uv tool";
	}
done:
	free(real);
	free(parent);
	free(data);
	free(uv);
	return what;
}

/* --- pointer files --- */

int vh_store_named(char **out, const struct vh_stores_walk *w, const char *dir, const char *name)
{
	int (*const homes[])(char **) = { vh_store_pipenv_root, vh_workon_home, vh_store_virtualfish_root,
					  vh_store_autoswitch_root, vh_store_pipenv_root };
	/* (VH_STORE_COUNT: $WORKON_HOME, asked whichever stores are on) */
	const enum vh_store_id id[] = { VH_STORE_PIPENV, VH_STORE_COUNT, VH_STORE_VIRTUALFISH,
					VH_STORE_AUTOSWITCH, VH_STORE_PIPENV };
	int pipfile = on(VH_STORE_PIPENV) && vh_store_is_file(w, dir, "Pipfile");
	char *home, *env;
	size_t i;

	*out = NULL;
	for (i = pipfile ? 0 : 1; i < sizeof(id) / sizeof(id[0]); i++) {
		if ((id[i] != VH_STORE_COUNT && !on(id[i])) || (i == 4 && pipfile))
			continue;
		if (homes[i](&home) < 0)
			return VH_ENOMEM;
		if (!home)
			continue;
		env = vh_store_join(home, name);
		free(home);
		if (!env)
			return VH_ENOMEM;
		if (vh_env_at(AT_FDCWD, env)) {
			free(*out);
			*out = env;
			return VH_STORE_FOUND;
		}
		if (*out)
			free(env);
		else
			*out = env;
	}
	return VH_STORE_NONE;
}

/* --- what the rules share --- */

char *vh_store_join(const char *dir, const char *name)
{
	struct vh_buf b = VH_BUF_INIT;

	if (vh_buf_puts(&b, dir) < 0 ||
	    ((!*dir || dir[strlen(dir) - 1] != '/') && vh_buf_putc(&b, '/') < 0) ||
	    vh_buf_puts(&b, name) < 0) {
		vh_buf_free(&b);
		return NULL;
	}
	return vh_buf_detach(&b);
}

int vh_store_take(struct vh_store_hit *hit, char *env, char *from)
{
	int rc = !env || !from ? VH_ENOMEM : vh_env_at(AT_FDCWD, env) ? VH_STORE_FOUND : VH_STORE_NONE;

	if (rc == VH_STORE_FOUND) {
		hit->env = env;
		hit->from = from;
		return rc;
	}
	free(env);
	free(from);
	return rc;
}

int vh_store_take_named(struct vh_store_hit *hit, const char *dir, const char *name, char *from)
{
	if (!from || !vh_env_name_ok(name)) {
		free(from);
		return from ? VH_STORE_NONE : VH_ENOMEM;
	}
	return vh_store_take(hit, vh_store_join(dir, name), from);
}

static int stat_at(struct stat *st, const struct vh_stores_walk *w, const char *dir,
		   const char *name)
{
	return vh_pathfd_stat_in(w ? w->at : NULL, dir, name, st, 0);
}

int vh_store_is_file(const struct vh_stores_walk *w, const char *dir, const char *name)
{
	struct stat st;

	return stat_at(&st, w, dir, name) == 0 && S_ISREG(st.st_mode);
}

int vh_store_exists(const struct vh_stores_walk *w, const char *dir, const char *name)
{
	struct stat st;

	return stat_at(&st, w, dir, name) == 0;
}

int vh_store_expanduser(char **out, const char *path)
{
	struct vh_buf b = VH_BUF_INIT;
	const char *slash, *home = NULL;
	struct passwd *pw;
	size_t hl;
	char *name;

	*out = NULL;
	if (path[0] != '~') {
		*out = strdup(path);
		return *out ? 0 : VH_ENOMEM;
	}
	slash = strchr(path, '/');
	if (!slash)
		slash = path + strlen(path);
	if (slash == path + 1) {
		home = vh_getenv("HOME");
		if (!home && (pw = getpwuid(getuid())))
			home = pw->pw_dir;
	} else {
		name = strndup(path + 1, (size_t)(slash - path - 1));
		if (!name)
			return VH_ENOMEM;
		pw = getpwnam(name);
		free(name);
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home) { /* as Python: left as it is */
		*out = strdup(path);
		return *out ? 0 : VH_ENOMEM;
	}
	for (hl = strlen(home); hl && home[hl - 1] == '/'; hl--)
		;
	if (vh_buf_add(&b, home, hl) < 0 || vh_buf_puts(&b, slash) < 0 ||
	    (!b.len && vh_buf_putc(&b, '/') < 0)) {
		vh_buf_free(&b);
		return VH_ENOMEM;
	}
	*out = vh_buf_detach(&b);
	return 0;
}

static int is_word(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* posixpath.expandvars: $NAME and ${NAME} (ASCII word characters) become
 * the variable's value; an unset one stays as it is written. */
int vh_store_expandvars(char **out, const char *path)
{
	struct vh_buf b = VH_BUF_INIT;
	const char *p = path, *start, *end, *value;
	char *name;

	while (*p) {
		if (*p != '$') {
			if (vh_buf_putc(&b, *p++) < 0)
				goto oom;
			continue;
		}
		start = p + 1;
		if (*start == '{') {
			end = strchr(start + 1, '}');
			if (!end) {
				if (vh_buf_putc(&b, *p++) < 0)
					goto oom;
				continue;
			}
			name = strndup(start + 1, (size_t)(end - start - 1));
			end++;
		} else {
			for (end = start; is_word((unsigned char)*end); end++)
				;
			if (end == start) {
				if (vh_buf_putc(&b, *p++) < 0)
					goto oom;
				continue;
			}
			name = strndup(start, (size_t)(end - start));
		}
		if (!name)
			goto oom;
		value = vh_getenv(name);
		free(name);
		if (value ? vh_buf_puts(&b, value) < 0 : vh_buf_add(&b, p, (size_t)(end - p)) < 0)
			goto oom;
		p = end;
	}
	if (vh_buf_puts(&b, "") < 0)
		goto oom;
	*out = vh_buf_detach(&b);
	return 0;
oom:
	vh_buf_free(&b);
	*out = NULL;
	return VH_ENOMEM;
}


int vh_store_refuse(struct vh_stores_walk *w, const char *path, const char *what)
{
	/* A reason from a reader: "line N: ..." or "is larger than ...". */
	const char *sep = !strncmp(what, "line ", 5) ? ": " :
			  (what[0] >= 'a' && what[0] <= 'z') ? " " : "";

	if (vh_msg_escape(&w->warn, path) < 0 || vh_buf_puts(&w->warn, sep) < 0 ||
	    vh_buf_puts(&w->warn, what) < 0 ||
	    vh_buf_putc(&w->warn, '\n') < 0)
		return VH_ENOMEM;
	return VH_STORE_REFUSED;
}

int vh_store_tool_config_file(char **file, const char *var, const char *tool)
{
	const char *v = vh_getenv(var);
	char *dir = NULL;

	*file = NULL;
	if (v && *v)
		return (*file = strdup(v)) ? 0 : VH_ENOMEM;
	if (vh_platdir(&dir, VH_PLATDIR_CONFIG, tool) < 0)
		return VH_ENOMEM;
	if (!dir)
		return 0;
	*file = vh_store_join(dir, "config.toml");
	free(dir);
	return *file ? 0 : VH_ENOMEM;
}

int vh_store_tool_config(struct vh_toml *doc, struct vh_stores_walk *w, const char *var,
			 const char *tool)
{
	struct vh_buf why = VH_BUF_INIT;
	char *file = NULL;
	int rc;

	memset(doc, 0, sizeof(*doc));
	if (vh_store_tool_config_file(&file, var, tool) < 0)
		return VH_ENOMEM;
	if (!file)
		return VH_ENOTFOUND;
	rc = vh_toml_read(doc, &why, file, VH_STORE_MAX_FILE);
	if (rc == VH_EREFUSED) {
		rc = vh_buf_printf(&why, "; so %s's env is not looked for", tool) < 0 ? VH_ENOMEM :
		     vh_store_refuse(w, file, vh_buf_str(&why));
		if (rc == VH_STORE_REFUSED)
			rc = VH_EREFUSED;
	}
	vh_buf_free(&why);
	free(file);
	return rc;
}

