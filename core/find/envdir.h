/* What counts as an env, where named envs live, and how a name or path
 * given by the user (or by a project's .venv pointer file) finds one. */
#ifndef VH_ENVDIR_H
#define VH_ENVDIR_H

/* 1 when rel (relative to dirfd, or absolute) holds a regular pyvenv.cfg. */
int vh_env_at(int dirfd, const char *rel);

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
