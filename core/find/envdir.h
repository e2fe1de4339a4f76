/* What counts as an env, where named envs live, and how a name or path
 * given by the user (or by a project's .venv pointer file) finds one. */
#ifndef VH_ENVDIR_H
#define VH_ENVDIR_H

#include <stddef.h>

/* 1 when rel (relative to dirfd, or absolute) is an env: it holds a
 * regular pyvenv.cfg (a venv), or is a conda prefix (vh_conda_at). */
int vh_env_at(int dirfd, const char *rel);

/* The file that makes rel an env, relative to it: "pyvenv.cfg" for a venv
 * (first: a venv made inside a conda prefix's tree is a venv), else
 * vh_conda_marker for a conda prefix, else NULL. The trust policy guards
 * it as it guards pyvenv.cfg. */
const char *vh_env_marker(int dirfd, const char *rel);

/* conda's mark of a prefix, "conda-meta/history": conda itself tells an
 * env by it (PrefixData.is_environment, conda/core/prefix_data.py at
 * conda 0f64223f), and pixi writes it into each of its envs
 * (create_history_file, crates/pixi_core/src/environment/conda_metadata.rs
 * at pixi 2b25fc76). */
extern const char vh_conda_marker[];

/* 1 when rel (relative to dirfd, or absolute) is a conda prefix: its
 * conda-meta/history is a regular file, and it is not conda's own
 * installation (base: a regular condabin/conda). */
int vh_conda_at(int dirfd, const char *rel);

/* *n = the scripts conda's activation would run from the prefix env
 * (etc/conda/activate.d: each entry whose name does not start with '.';
 * conda picks those of the shell's extension, Activator.
 * _get_activate_scripts in conda/activate.py at conda 0f64223f), which
 * venvhook never runs; 0 when there is no such directory. Returns 0 or
 * VH_ENOMEM. */
int vh_conda_scripts(size_t *n, const char *env);

/* $WORKON_HOME, else ~/.virtualenvs (virtualenvwrapper's convention), or
 * NULL when neither is known (no HOME), as the stores' roots (stores.h).
 * Returns 0 or VH_ENOMEM. */
int vh_workon_home(char **out);

/* 1 when name can name an env in a store (joined to the store's
 * directory, it stays right inside it): not empty, not "." or "..", no
 * '/'. Every name joined to a store goes through this, whoever wrote it
 * (an index, a project's file, the user). */
int vh_env_name_ok(const char *name);

enum vh_resolve {
	VH_RESOLVED = 0,
	VH_RESOLVE_OOM = -1,
	VH_RESOLVE_NOT_ENV = 1, /* *out names what was looked at */
	VH_RESOLVE_NO_HOME = 2, /* a name, but no $WORKON_HOME and no $HOME */
};

/* A name (no '/': an env in $WORKON_HOME) or a path (relative to base, made
 * absolute without symlinks) to the env's absolute path in *out. On
 * VH_RESOLVE_NOT_ENV, *out is the directory that holds no pyvenv.cfg.
 * Caller frees *out in both cases. */
enum vh_resolve vh_env_resolve(char **out, const char *arg, const char *base);

/* An env moved or copied from where it was made: the programs pip
 * installed (bin/pip, bin/pip3) name in their first line the interpreter
 * of another prefix, so they no longer run. *old = that prefix, or NULL
 * when the scripts agree with env (or there are none to tell). Returns 0
 * or VH_ENOMEM. */
int vh_env_moved(char **old, const char *env);

#endif
