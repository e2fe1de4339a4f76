/* The env stores of the tools that keep a project's env outside the
 * project: Poetry, pipenv, pyenv-virtualenv, uv (UV_PROJECT_ENVIRONMENT)
 * and virtualenvwrapper (.project files). Each tool's rule lives in its own
 * core/store/store_TOOL.c, computed as the tool computes it, with no process and
 * no Python; this file orders them for discovery and tells the trust policy
 * which directories are the user's own stores.
 *
 * Per directory of the walk up, discovery asks twice:
 *   VH_STORES_FIRST   settings that make the tool ignore an in-project
 *                     .venv (UV_PROJECT_ENVIRONMENT; Poetry's
 *                     virtualenvs.in-project = false), before the child
 *                     env directories;
 *   VH_STORES_AFTER   the stores' default rules, after them: Poetry (a
 *                     pyproject.toml), pipenv (a Pipfile), pyenv (a
 *                     .python-version naming an env), virtualenvwrapper
 *                     (a $WORKON_HOME/NAME/.project naming the directory).
 * The nearest pyproject.toml, Pipfile and .python-version are the only ones
 * their tools read, so farther ones are not looked at again. */
#ifndef VH_STORES_H
#define VH_STORES_H

#include <stddef.h>

#include "core/util/buf.h"
#include "core/find/discover.h"
#include "core/find/pathfd.h"

enum vh_store_id {
	VH_STORE_POETRY,
	VH_STORE_PIPENV,
	VH_STORE_PYENV,
	VH_STORE_UV,
	VH_STORE_VEW,
	VH_STORE_COUNT
};

/* The names the config's `stores` line uses: "poetry", "pipenv", "pyenv",
 * "uv", "virtualenvwrapper". */
extern const char *const vh_store_names[VH_STORE_COUNT];

enum vh_stores_phase { VH_STORES_FIRST, VH_STORES_AFTER };

/* What one walk has seen so far (the nearest-file rules) and the lines it
 * has to say. Zero it before the walk; free with vh_stores_walk_free. */
struct vh_stores_walk {
	int poetry_seen, pipenv_seen, pyenv_seen;
	int pyproject; /* the directory asked about holds pyproject.toml (FIRST sets it) */
	/* The walk's directories by descriptor (see pathfd.h), or NULL: the
	 * rules ask about the directory's own files through it. */
	const struct vh_pathfd *at;
	/* UV_PROJECT_ENVIRONMENT, read once a walk (FIRST sets it) */
	const char *uv_env;
	int uv_env_read;
	struct vh_buf warn; /* lines for stderr, each ending in '\n' */
};

/* The env the stores give dir, the absolute directory the walk is at.
 * Returns 0 (none: walk on), 1 (found: out->rule, env, owner and from are
 * set, and project_setting), 2 (dir's files cannot be read exactly: activate
 * nothing and look no further; w->warn says why), -1 out of memory. */
int vh_stores_find(struct vh_found *out, struct vh_stores_walk *w, const char *dir,
		   enum vh_stores_phase phase);

void vh_stores_walk_free(struct vh_stores_walk *w);

/* For the region a shell is handed (core/decide/region.h): what the
 * stores' answers for the directories at and below top depend on besides
 * the walk's names there: the user's own settings files their first rules
 * read for a top that holds pyproject.toml, and virtualenvwrapper's
 * projects, which may name any directory. Adds them to d (or makes it
 * unusable). Returns 0 or VH_ENOMEM. */
struct vh_deps;
int vh_stores_region(struct vh_deps *d, const char *top);

/* For the trust policy: 1 when real_env (an absolute path with no symlink)
 * is an env directory right inside one of the user's own stores, as the
 * user's environment and user-level config (not a project's) place them:
 * $WORKON_HOME (virtualenvwrapper; default ~/.virtualenvs), pipenv's
 * (WORKON_HOME, else $XDG_DATA_HOME/virtualenvs), Poetry's virtualenvs.path
 * (POETRY_VIRTUALENVS_PATH, ~/.config/pypoetry/config.toml, default
 * ~/.cache/pypoetry/virtualenvs), $PYENV_ROOT/versions (and its
 * VERSION/envs/), and an absolute UV_PROJECT_ENVIRONMENT itself. Such an env
 * is "yours by location": a project can select it but not bring it. The
 * roots are compared after realpath(), so a symlinked store still counts.
 * Returns 1, 0, or -1 out of memory. */
int vh_env_in_user_store(const char *real_env);

/* The same roots as a list (real paths, each a directory that exists;
 * an absolute UV_PROJECT_ENVIRONMENT is listed as the env itself).
 * Returns 0 or -1; the caller frees each string and the array. */
int vh_store_roots(char ***out, size_t *n);

#endif
