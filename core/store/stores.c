/* The order of the store rules and what they share; see stores.h. */
#include "core/store/stores.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/find/envdir.h"
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
};

static int on(enum vh_store_id id)
{
	return vh_config.stores & (1u << id);
}

static int take(struct vh_found *out, struct vh_store_hit *hit, enum vh_rule rule, const char *dir)
{
	out->rule = rule;
	out->env = hit->env;
	out->from = hit->from;
	out->project_setting = hit->project_setting;
	out->owner = strdup(dir);
	memset(hit, 0, sizeof(*hit));
	return out->owner ? 1 : -1;
}

int vh_stores_find(struct vh_found *out, struct vh_stores_walk *w, const char *dir,
		   enum vh_stores_phase phase)
{
	struct vh_store_hit hit = { 0 };
	int rc = 0;

	if (!w->uv_env_read) {
		w->uv_env = getenv("UV_PROJECT_ENVIRONMENT");
		w->uv_env_read = 1;
	}
	if (phase == VH_STORES_FIRST) {
		/* Asked once a directory: uv and Poetry (in both phases) want it. */
		w->pyproject = (on(VH_STORE_UV) || on(VH_STORE_POETRY)) &&
			       vh_store_is_file(w, dir, "pyproject.toml");
		if (on(VH_STORE_UV) && (rc = vh_store_uv(&hit, w, dir)) == 1)
			return take(out, &hit, VH_RULE_UV, dir);
		if (rc == 0 && on(VH_STORE_POETRY) && (rc = vh_store_poetry(&hit, w, dir, phase)) == 1)
			return take(out, &hit, VH_RULE_POETRY, dir);
		return rc;
	}
	if (on(VH_STORE_POETRY) && (rc = vh_store_poetry(&hit, w, dir, phase)) == 1)
		return take(out, &hit, VH_RULE_POETRY, dir);
	if (rc == 0 && on(VH_STORE_PIPENV) && (rc = vh_store_pipenv(&hit, w, dir)) == 1)
		return take(out, &hit, VH_RULE_PIPENV, dir);
	if (rc == 0 && on(VH_STORE_PYENV) && (rc = vh_store_pyenv(&hit, w, dir)) == 1)
		return take(out, &hit, VH_RULE_PYENV, dir);
	if (rc == 0 && on(VH_STORE_VEW) && (rc = vh_store_vew(&hit, w, dir)) == 1)
		return take(out, &hit, VH_RULE_VEW, dir);
	return rc;
}

int vh_stores_region(struct vh_deps *d, const char *top)
{
	int rc = 0;

	if (on(VH_STORE_POETRY) && vh_store_is_file(NULL, top, "pyproject.toml"))
		rc = vh_store_poetry_region(d);
	if (rc == 0 && on(VH_STORE_VEW))
		rc = vh_store_vew_region(d);
	return rc;
}

void vh_stores_walk_free(struct vh_stores_walk *w)
{
	vh_buf_free(&w->warn);
	memset(w, 0, sizeof(*w));
}

/* --- the user's store roots, for the trust policy --- */

static int add_root(char ***v, size_t *n, char *path)
{
	char *real, **nv;

	if (!path)
		return 0;
	real = realpath(path, NULL);
	free(path);
	if (!real)
		return errno == ENOMEM ? -1 : 0;
	nv = realloc(*v, (*n + 1) * sizeof(*nv));
	if (!nv) {
		free(real);
		return -1;
	}
	*v = nv;
	nv[(*n)++] = real;
	return 0;
}

int vh_store_roots(char ***out, size_t *n)
{
	char *p = NULL;
	const char *uv = getenv("UV_PROJECT_ENVIRONMENT");
	size_t i;

	*out = NULL;
	*n = 0;
	if ((on(VH_STORE_VEW) && (vh_store_vew_root(&p) < 0 || add_root(out, n, p) < 0)) ||
	    (on(VH_STORE_PIPENV) && (vh_store_pipenv_root(&p) < 0 || add_root(out, n, p) < 0)) ||
	    (on(VH_STORE_POETRY) && (vh_store_poetry_root(&p) < 0 || add_root(out, n, p) < 0)) ||
	    (on(VH_STORE_PYENV) && (vh_store_pyenv_root(&p) < 0 || add_root(out, n, p) < 0)))
		goto oom;
	if (on(VH_STORE_UV) && uv && uv[0] == '/' && add_root(out, n, strdup(uv)) < 0)
		goto oom;
	return 0;
oom:
	for (i = 0; i < *n; i++)
		free((*out)[i]);
	free(*out);
	*out = NULL;
	*n = 0;
	return -1;
}

/* real_env's parent, as a new string ("/" for a top-level directory). */
static char *parent_of(const char *real_env)
{
	const char *slash = strrchr(real_env, '/');

	if (!slash)
		return NULL;
	return slash == real_env ? strdup("/") : strndup(real_env, (size_t)(slash - real_env));
}

int vh_env_in_user_store(const char *real_env)
{
	char **roots, *parent;
	size_t n, i, len;
	int yes = 0;

	if (vh_store_roots(&roots, &n) < 0)
		return -1;
	parent = parent_of(real_env);
	for (i = 0; i < n && parent; i++) {
		if (!strcmp(roots[i], real_env) || !strcmp(roots[i], parent)) {
			yes = 1;
			break;
		}
		/* pyenv-virtualenv keeps an env in versions/VERSION/envs/NAME. */
		len = strlen(roots[i]);
		if (!strncmp(parent, roots[i], len) && parent[len] == '/' &&
		    strchr(parent + len + 1, '/') && !strcmp(strchr(parent + len + 1, '/'), "/envs") &&
		    !strcmp(roots[i] + (len >= 9 ? len - 9 : 0), "/versions")) {
			yes = 1;
			break;
		}
	}
	for (i = 0; i < n; i++)
		free(roots[i]);
	free(roots);
	if (!parent)
		return errno == ENOMEM ? -1 : 0;
	free(parent);
	return yes;
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
	int rc = env && from ? vh_env_at(AT_FDCWD, env) : -1;

	if (rc == 1) {
		hit->env = env;
		hit->from = from;
		return 1;
	}
	free(env);
	free(from);
	return rc;
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
		return *out ? 0 : -1;
	}
	slash = strchr(path, '/');
	if (!slash)
		slash = path + strlen(path);
	if (slash == path + 1) {
		home = getenv("HOME");
		if (!home && (pw = getpwuid(getuid())))
			home = pw->pw_dir;
	} else {
		name = strndup(path + 1, (size_t)(slash - path - 1));
		if (!name)
			return -1;
		pw = getpwnam(name);
		free(name);
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home) { /* as Python: left as it is */
		*out = strdup(path);
		return *out ? 0 : -1;
	}
	for (hl = strlen(home); hl && home[hl - 1] == '/'; hl--)
		;
	if (vh_buf_add(&b, home, hl) < 0 || vh_buf_puts(&b, slash) < 0 ||
	    (!b.len && vh_buf_putc(&b, '/') < 0)) {
		vh_buf_free(&b);
		return -1;
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
		value = getenv(name);
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
	return -1;
}


int vh_store_refuse(struct vh_stores_walk *w, const char *path, const char *what)
{
	/* A reason from a reader: "line N: ..." or "is larger than ...". */
	const char *sep = !strncmp(what, "line ", 5) ? ": " :
			  (what[0] >= 'a' && what[0] <= 'z') ? " " : "";

	if (vh_msg_escape(&w->warn, path) < 0 || vh_buf_puts(&w->warn, sep) < 0 ||
	    vh_buf_puts(&w->warn, what) < 0 ||
	    vh_buf_putc(&w->warn, '\n') < 0)
		return -1;
	return 2;
}

