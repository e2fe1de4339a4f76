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
#include "core/util/toml.h"

enum vh_store_id {
	VH_STORE_POETRY,
	VH_STORE_PIPENV,
	VH_STORE_PYENV,
	VH_STORE_UV,
	VH_STORE_VEW,
	VH_STORE_VIRTUALFISH, /* $VIRTUALFISH_HOME: a pointer file's names */
	VH_STORE_AUTOSWITCH,  /* $AUTOSWITCH_VIRTUAL_ENV_DIR (zsh-autoswitch-virtualenv) */
	VH_STORE_HATCH,
	VH_STORE_PDM,
	VH_STORE_COUNT
};

/* The names the config's `stores` line uses: "poetry", "pipenv", "pyenv",
 * "uv", "virtualenvwrapper", "virtualfish", "autoswitch", "hatch", "pdm". */
extern const char *const vh_store_names[VH_STORE_COUNT];

/* What a store rule answers (vh_stores_find, each rule in store_TOOL.c,
 * vh_store_take, vh_store_refuse): one of these, or a negative VH_E code
 * (core/util/err.h) when it failed. */
enum vh_store_answer {
	VH_STORE_NONE = 0,    /* no env here: walk on */
	VH_STORE_FOUND = 1,   /* the env is found: the result is filled */
	VH_STORE_REFUSED = 2, /* activate nothing and look no further (dir's files
			       * cannot be read exactly: w->warn says why) */
};

/* VH_STORES_BEYOND: the directories above the git work-tree root the walk
 * stopped at, where only the tools that look past it are asked: pyenv
 * (the nearest .python-version, up to /) and uv (the nearest
 * pyproject.toml and its workspace). */
enum vh_stores_phase { VH_STORES_FIRST, VH_STORES_AFTER, VH_STORES_BEYOND };

/* What one walk has seen so far (the nearest-file rules) and the lines it
 * has to say. Zero it before the walk; free with vh_stores_walk_free. */
struct vh_stores_walk {
	int poetry_seen, pipenv_seen, pyenv_seen, uv_seen, hatch_seen, pdm_seen;
	int depth; /* of the directory asked about: 0 the walk's first, 1 its parent... */
	int pyproject; /* the directory asked about holds pyproject.toml (FIRST sets it) */
	/* The walk's directories by descriptor (see pathfd.h), or NULL: the
	 * rules ask about the directory's own files through it. */
	const struct vh_pathfd *at;
	/* UV_PROJECT_ENVIRONMENT, read once a walk (FIRST sets it) */
	const char *uv_env;
	int uv_env_read;
	/* pyproject.toml of the directory pp_dir, read once for the rules
	 * that look into it (vh_store_pyproject) */
	char *pp_dir;
	int pp_rc; /* 0, VH_STORE_REFUSED, VH_ENOTFOUND (no pyproject.toml) */
	struct vh_toml pp_doc;
	struct vh_buf warn; /* lines for stderr, each ending in '\n' */
	/* where a rule would find the project's env, were it made (the env
	 * it names is not there yet): the hook watches these */
	char *expect[VH_FOUND_EXPECT];
	size_t nexpect;
};

/* The commands that write a store's record of a project in place, where
 * the hook watches nothing (a path per env would cost a stat per env at
 * every prompt): virtualenvwrapper's setvirtualenvproject, and the
 * mkvirtualenv -a, mkproject and cpvirtualenv that write or copy a
 * $WORKON_HOME/NAME/.project (store_vew.c), and rmvirtualenv, which takes
 * away an env venvhook may have on (it refuses only the env whose path is
 * spelt exactly as $WORKON_HOME/NAME). init hands the list to the
 * hook (__venvhook_storecmds); a shell that hands its hook the command line
 * for free runs export at the prompt after a line that names one.
 * NULL-terminated. */
extern const char *const vh_stores_commands[];

/* The env the stores give dir, the absolute directory the walk is at.
 * Returns VH_STORE_NONE (walk on), VH_STORE_FOUND (out->rule, env, owner
 * and from are set, and project_setting), VH_STORE_REFUSED (dir's files
 * cannot be read exactly: activate nothing and look no further; w->warn
 * says why), or VH_ENOMEM. */
int vh_stores_find(struct vh_found *out, struct vh_stores_walk *w, const char *dir,
		   enum vh_stores_phase phase);

/* The walk found no env for cwd: notes where one would appear that the
 * rules could not name yet (pyenv local writes cwd's .python-version when
 * pyenv is there and no version file was met). 0 or VH_ENOMEM. */
int vh_stores_finish(struct vh_stores_walk *w, const char *cwd);

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
 * *yes = 1 (yes) or 0 (no); returns 0 or VH_ENOMEM. */
int vh_env_in_user_store(int *yes, const char *real_env);

/* The same roots as a list, the one place that says where each store
 * keeps its envs (for the trust policy, and for watching where an env
 * would appear): each root's real path (a directory that exists; an
 * absolute UV_PROJECT_ENVIRONMENT is listed as the env itself) and the
 * shape of an env's path below it, an fnmatch(FNM_PATHNAME) pattern: a
 * child NAME (most stores), VERSION/envs/NAME (pyenv-virtualenv),
 * NAME/ID/ENV (hatch), or "" for the root itself. Returns 0 or
 * VH_ENOMEM; free with vh_store_roots_free. */
struct vh_store_root {
	char *path;
	const char *shape;
	enum vh_store_id id;
};
int vh_store_roots(struct vh_store_root **out, size_t *n);
void vh_store_roots_free(struct vh_store_root *v, size_t n);

/* The tool that made env (an absolute path) for its own use, when it is
 * one: "tox" and "nox" (a directory in .tox or .nox), "pipx" (in
 * $PIPX_HOME/venvs, default platformdirs' data directory's pipx/venvs,
 * ~/.local/pipx/venvs, /opt/pipx/venvs; or pipx's shared env), "uv tool"
 * ($UV_TOOL_DIR, default ~/.local/share/uv/tools, on macOS too). Entering
 * such an env is no request to activate it: its refusal is not said.
 * NULL for any other env (and out of memory). */
const char *vh_store_tool_env(const char *env);

/* A pointer file (a regular file named .venv) in dir names an env: the
 * homes the tools that write one look it up in, in turn: pipenv's store
 * first when dir holds a Pipfile (pipenv's get_location), then
 * $WORKON_HOME (default ~/.virtualenvs), $VIRTUALFISH_HOME (virtualfish,
 * default ~/.virtualenvs), $AUTOSWITCH_VIRTUAL_ENV_DIR
 * (zsh-autoswitch-virtualenv, default ~/.virtualenvs) and pipenv's store.
 * Returns VH_STORE_FOUND with *out the env, VH_STORE_NONE with *out the
 * first place looked at (NULL: no home at all), or VH_ENOMEM. The caller
 * frees *out. */
int vh_store_named(char **out, const struct vh_stores_walk *w, const char *dir, const char *name);

#endif
