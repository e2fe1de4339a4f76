#include "core/decide/envname.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>

#include "core/find/envdir.h"
#include "core/util/err.h"
#include "core/util/fileio.h"
#include "core/util/toml.h"
#include "core/util/msg.h"
#include "core/find/pyvenv.h"
#include "core/decide/userconfig.h"

const char *vh_path_base(const char *path, size_t *len)
{
	size_t n = strlen(path);
	const char *b;

	while (n > 1 && path[n - 1] == '/')
		n--;
	b = path + n;
	while (b > path && b[-1] != '/')
		b--;
	if (b == path + n) /* "/" */
		b = path, n = 1;
	*len = (size_t)(path + n - b);
	return b;
}

/* The name of the directory that ends at end in env. */
static char *parent_name(const char *env, const char *end)
{
	char *parent = strndup(env, (size_t)(end - env));
	const char *b;
	size_t len;
	char *r;

	if (!parent)
		return NULL;
	b = vh_path_base(*parent ? parent : "/", &len);
	r = strndup(b, len);
	free(parent);
	return r;
}

/* The project's name when the env is called .venv or venv (the config's
 * env directories), .conda, or is pixi's .pixi/envs/default; else the
 * env's. */
static char *default_name(const char *env)
{
	static const char pixi[] = "/.pixi/envs/default";
	const char *const *name;
	const char *b;
	size_t len, n = strlen(env);

	if (n > sizeof(pixi) - 1 && !strcmp(env + n - (sizeof(pixi) - 1), pixi))
		return parent_name(env, env + n - (sizeof(pixi) - 1));
	b = vh_path_base(env, &len);
	if (len == 6 && !memcmp(b, ".conda", 6) && b > env + 1)
		return parent_name(env, b - 1);
	for (name = vh_config.env_dirs; *name; name++)
		if (strlen(*name) == len && memcmp(b, *name, len) == 0 && b > env + 1)
			return parent_name(env, b - 1);
	return strndup(b, len);
}

/* pyvenv.cfg's prompt (NULL when it has none, or cannot be read: then say
 * tells). Returns 0 or VH_ENOMEM. */
static int cfg_name(char **name, struct vh_buf *say, const char *env)
{
	struct vh_buf cfg = VH_BUF_INIT;
	struct vh_pyvenv pv;
	int rc = VH_ENOMEM;

	*name = NULL;
	if (vh_buf_puts(&cfg, env) < 0 || vh_buf_puts(&cfg, "/pyvenv.cfg") < 0)
		goto done;
	if (vh_pyvenv_read(&pv, cfg.data) < 0) {
		int e = errno;

		if (e == ENOMEM)
			goto done;
		rc = vh_buf_puts(say, "cannot read ") < 0 || vh_msg_escape(say, cfg.data) < 0 ||
		     vh_buf_printf(say, ": %s; naming the env after its directory\n", strerror(e)) < 0 ?
		     VH_ENOMEM : 0;
		goto done;
	}
	rc = 0;
	if (pv.bad_lines && (vh_buf_puts(say, "ignoring lines with NUL bytes in ") < 0 ||
			     vh_msg_escape(say, cfg.data) < 0 || vh_buf_putc(say, '\n') < 0))
		rc = VH_ENOMEM;
	if (rc == 0 && pv.prompt) {
		/* NULL also for a prompt that says nothing (empty once unquoted) */
		*name = vh_pyvenv_prompt_text(pv.prompt);
	}
	vh_pyvenv_free(&pv);
done:
	vh_buf_free(&cfg);
	return rc;
}

/* name as the prompt will show it: no byte that could drive the terminal
 * or reorder the line. Takes name (NULL: out of memory). */
static int displayable(char **out, char *name)
{
	struct vh_buf b = VH_BUF_INIT;

	*out = NULL;
	if (!name)
		return VH_ENOMEM;
	if (vh_msg_sanitize(&b, name) < 0 || vh_buf_puts(&b, "") < 0) {
		vh_buf_free(&b);
		free(name);
		return VH_ENOMEM;
	}
	free(name);
	*out = vh_buf_detach(&b);
	return 0;
}

static int is_venv(const char *env)
{
	const char *m = vh_env_marker(AT_FDCWD, env);

	return m && !strcmp(m, "pyvenv.cfg");
}

int vh_env_name(char **name, struct vh_buf *say, const char *env, const struct vh_state *now)
{
	char *raw = NULL;
	int rc;

	*name = NULL;
	/* An env venvhook has on keeps its name. It comes from the environment
	 * then: cleaned again. (Not one someone else put on, whose name is
	 * theirs: an activate script's "(.venv) ", an editor's.) */
	if (now->v[VH_MARK_ENV] && strcmp(now->v[VH_MARK_ENV], env) == 0 &&
	    now->v[VH_VIRTUAL_ENV] && strcmp(now->v[VH_VIRTUAL_ENV], env) == 0 &&
	    !vh_state_foreign(now) && now->v[VH_VIRTUAL_ENV_PROMPT])
		return displayable(name, strdup(now->v[VH_VIRTUAL_ENV_PROMPT]));
	/* (a conda prefix has no pyvenv.cfg to read) */
	rc = vh_conda_at(AT_FDCWD, env) && !is_venv(env) ? 0 : cfg_name(&raw, say, env);
	if (rc < 0)
		return rc;
	return displayable(name, raw ? raw : default_name(env));
}

/* The workspace name pixi's manifest gives: pixi.toml's [workspace] name
 * (or the older [project] name); pyproject.toml's [tool.pixi.workspace]
 * name, else its [project] name. NULL when none (or the file cannot be
 * read: pixi would refuse it). */
static char *pixi_name(const char *manifest)
{
	static const char *const toml_ws[] = { "workspace", "name", NULL };
	static const char *const toml_pr[] = { "project", "name", NULL };
	static const char *const py_ws[] = { "tool", "pixi", "workspace", "name", NULL };
	static const char *const *const in_toml[] = { toml_ws, toml_pr, NULL };
	static const char *const *const in_py[] = { py_ws, toml_pr, NULL };
	const char *const *const *keys;
	const struct vh_toml_entry *e;
	struct vh_buf err = VH_BUF_INIT;
	struct vh_toml doc;
	size_t n;
	char *name = NULL;
	int dup = 0;

	vh_path_base(manifest, &n);
	keys = n == strlen("pyproject.toml") && !strcmp(manifest + strlen(manifest) - n,
							 "pyproject.toml") ? in_py : in_toml;
	if (vh_toml_read(&doc, &err, manifest, VH_READ_MAX) == 0)
		for (; *keys && !name; keys++)
			if ((e = vh_toml_get(&doc, *keys, &dup)) && !dup && e->type == VH_TOML_STRING &&
			    *e->str)
				name = strdup(e->str);
	vh_toml_free(&doc);
	vh_buf_free(&err);
	return name;
}

int vh_env_conda_name(char **out, const char *env, const char *pixi_manifest)
{
	const char *marker = vh_env_marker(AT_FDCWD, env), *base, *parent;
	size_t n, pn;
	char *dir;

	*out = NULL;
	if (!marker || strcmp(marker, vh_conda_marker))
		return 0;
	if (pixi_manifest) {
		*out = pixi_name(pixi_manifest);
		if (!*out && (dir = strdup(pixi_manifest))) {
			/* the manifest's directory's name */
			*strrchr(dir, '/') = '\0';
			base = vh_path_base(*dir ? dir : "/", &n);
			*out = strndup(base, n);
			free(dir);
		}
		return *out ? 0 : VH_ENOMEM;
	}
	base = vh_path_base(env, &n);
	/* the directory it is in: named "envs"? */
	dir = strndup(env, (size_t)(base - env));
	if (!dir)
		return VH_ENOMEM;
	parent = vh_path_base(*dir ? dir : "/", &pn);
	*out = pn == 4 && !strncmp(parent, "envs", 4) ? strndup(base, n) : strdup(env);
	free(dir);
	return *out ? 0 : VH_ENOMEM;
}
