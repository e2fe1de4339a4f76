/* What the store rules (core/store/store_*.c) share; stores.h is the interface
 * the rest of venvhook uses. */
#ifndef VH_STORE_H
#define VH_STORE_H

#include "core/util/buf.h"
#include "core/util/fileio.h"
#include "core/store/stores.h"
#include "core/util/deps.h"
#include "core/util/err.h"
#include "core/util/toml.h"

/* What a rule found: the env, the file that chose it, and whether a
 * project setting placed it (see struct vh_found). */
struct vh_store_hit {
	char *env;
	char *from;
	int project_setting;
	enum vh_rule rule; /* VH_RULE_NONE: the store's own rule */
};

/* Each rule: VH_STORE_NONE (nothing here), VH_STORE_FOUND (hit filled),
 * VH_STORE_REFUSED (a line in w->warn, or the tool's settings say the
 * project has no env yet: nothing is activated), or VH_ENOMEM. */
int vh_store_poetry(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir,
		    enum vh_stores_phase phase);
int vh_store_pipenv(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir,
		    enum vh_stores_phase phase);
int vh_store_pyenv(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir);
int vh_store_uv(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir,
		enum vh_stores_phase phase);

/* dir's pyproject.toml, parsed once a walk: *doc NULL when there is none.
 * 0; VH_STORE_REFUSED when it is no TOML venvhook reads exactly, or too
 * big (w->warn says so: no env for it); VH_ENOMEM. */
int vh_store_pyproject(const struct vh_toml **doc, struct vh_stores_walk *w, const char *dir);
int vh_store_vew(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir);
int vh_store_hatch(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir);
int vh_store_pdm(struct vh_store_hit *hit, struct vh_stores_walk *w, const char *dir,
		 enum vh_stores_phase phase);

/* The region's part of each (stores.h, vh_stores_region): the user's
 * Poetry config.toml, as a dependency; virtualenvwrapper's $WORKON_HOME and
 * its envs (none of which may name a project: then any directory may be
 * one), or unusable past VH_STORE_VEW_REGION_MAX envs. 0 or VH_ENOMEM. */
#define VH_STORE_VEW_REGION_MAX 16
int vh_store_poetry_region(struct vh_deps *d);
/* hatch's: its config file, and its store for top's project absent
 * (unusable when it is there). */
int vh_store_hatch_region(struct vh_deps *d, const char *top);
int vh_store_vew_region(struct vh_deps *d);

/* Poetry's {name}-{hash} for a project name and the project directory's
 * real path (see store_poetry.c). 0; VH_EREFUSED (a name that is not
 * ASCII) or VH_ENOLIB (libmd not loaded), why appended; VH_ENOMEM. */
int vh_poetry_env_base(struct vh_buf *out, struct vh_buf *why, const char *name, const char *real);

/* pipenv's default {name}-{hash} for a Pipfile's real path. 0; VH_ENOLIB
 * (libmd not loaded, why appended); VH_ENOTFOUND when pipenv could make no
 * env for that path (not UTF-8); VH_ENOMEM. */
int vh_pipenv_env_name(struct vh_buf *out, struct vh_buf *why, const char *real);

/* The directories each store keeps envs in, as the user (not a project)
 * configured them; *out NULL when the store has none. 0 or VH_ENOMEM. */
int vh_store_poetry_root(char **out);
int vh_store_pipenv_root(char **out);
int vh_store_pyenv_root(char **out); /* $PYENV_ROOT/versions */
int vh_store_vew_root(char **out);
int vh_store_virtualfish_root(char **out); /* $VIRTUALFISH_HOME */
int vh_store_autoswitch_root(char **out);  /* $AUTOSWITCH_VIRTUAL_ENV_DIR */
int vh_store_hatch_root(char **out);       /* hatch's env/virtual: NAME/ID/ENV below it */
int vh_store_pdm_root(char **out);         /* pdm's venv.location */

/* dir + "/" + name (no doubled '/' after "/"); NULL out of memory. */
char *vh_store_join(const char *dir, const char *name);

/* Takes env and from, the env a rule computed and the file that chose it:
 * VH_STORE_FOUND when env is an env directory (hit holds both), else
 * VH_STORE_NONE (both freed); VH_ENOMEM (both freed) when either is NULL,
 * that is out of memory. */
int vh_store_take(struct vh_store_hit *hit, char *env, char *from);

/* Notes path (copied) as where the project's env would be, were the tool
 * to make it (the hook watches it; the first VH_FOUND_EXPECT only). 0 or
 * VH_ENOMEM. */
int vh_store_expect(struct vh_stores_walk *w, const char *path);

/* vh_store_take of the env named name in the store dir, when name can
 * name one (vh_env_name_ok: a name never leaves its store); else
 * VH_STORE_NONE (from freed). */
int vh_store_take_named(struct vh_store_hit *hit, const char *dir, const char *name, char *from);

/* 1 when dir/name is a regular file (symlinks followed); asked through
 * w->at when w is not NULL. */
int vh_store_is_file(const struct vh_stores_walk *w, const char *dir, const char *name);

/* 1 when dir/name exists at all (symlinks followed), as os.path.exists. */
int vh_store_exists(const struct vh_stores_walk *w, const char *dir, const char *name);

/* Python's os.path.expanduser and os.path.expandvars (POSIX), which the
 * tools apply to their settings. 0 or VH_ENOMEM; the caller frees *out. */
int vh_store_expanduser(char **out, const char *path);
int vh_store_expandvars(char **out, const char *path);


/* Appends "<path><what>\n" to w->warn, path escaped for the terminal, and
 * returns VH_STORE_REFUSED, or VH_ENOMEM. A what from a reader ("line N:
 * ...", "is larger than ...") gets ": " or " " before it. */
int vh_store_refuse(struct vh_stores_walk *w, const char *path, const char *what);

/* A tool's own config.toml, as hatch and pdm find theirs: the file the
 * variable var names, else config.toml in tool's config directory
 * (vh_platdir). 0: read into *doc (the caller frees it); VH_ENOTFOUND:
 * none; VH_EREFUSED: it cannot be read or parsed, refused with one line in
 * w->warn (so tool's env is not looked for); VH_ENOMEM. */
int vh_store_tool_config(struct vh_toml *doc, struct vh_stores_walk *w, const char *var,
			 const char *tool);

/* The path of that file into *file (NULL with no home), for the region
 * (stores.h, vh_stores_region). 0 or VH_ENOMEM. */
int vh_store_tool_config_file(char **file, const char *var, const char *tool);


/* The per-user directories of platformdirs (see platdirs.c): the cache,
 * config or data directory of app as the tools written in Python place
 * them on this platform. *out NULL when there is no home. 0 or VH_ENOMEM. */
enum vh_platdir { VH_PLATDIR_CACHE, VH_PLATDIR_CONFIG, VH_PLATDIR_DATA };
int vh_platdir(char **out, enum vh_platdir kind, const char *app);

/* An installed tool, as toolver.c finds it: its command on PATH, the
 * version of the distribution that command runs (major -1: unknown), and
 * the interpreter its script names (NULL: unknown). */
struct vh_tool {
	int found;
	int major, minor, patch;
	char *python;
};

/* The tool whose command is command (distribution dist), looked up once
 * a process: *out is never NULL after 0. 0 or VH_ENOMEM. */
int vh_tool_find(const struct vh_tool **out, const char *command, const char *dist);

/* Whether t's version is at least major.minor.patch. */
enum vh_tool_since { VH_TOOL_OLDER, VH_TOOL_AT_LEAST, VH_TOOL_UNKNOWN };
enum vh_tool_since vh_tool_at_least(const struct vh_tool *t, int major, int minor, int patch);

/* *out = the first runnable regular file name in path's absolute entries,
 * skipping the entry skip (NULL: none); NULL when none. 0 or VH_ENOMEM. */
int vh_path_which(char **out, const char *name, const char *path, const char *skip);

/* The interpreter a script's first line names ("#!/path/python", or
 * pip's launcher for longer paths), or NULL (none, "#!/usr/bin/env",
 * unreadable, out of memory). Caller frees. */
char *vh_store_shebang(const char *script);

/* The "X.Y" of the interpreter python names, without running it: from
 * its real name (python3.11), else from the pyvenv.cfg of the env it is
 * in; "" when neither tells. Returns 0. */
int vh_python_minor(char out[16], const char *python);

/* The limit on the project files read (pyproject.toml, Pipfile, the tools'
 * config files): far above any real one, so a bigger file is garbage. */
#define VH_STORE_MAX_FILE VH_READ_MAX

#endif
