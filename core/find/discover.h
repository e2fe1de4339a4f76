/* Which env belongs to a directory. */
#ifndef VH_DISCOVER_H
#define VH_DISCOVER_H

#include <stddef.h>

#include "core/util/buf.h"
#include "core/decide/userconfig.h"

enum vh_rule {
	VH_RULE_NONE = 0,
	VH_RULE_INSIDE,	/* the directory (or a parent) holds pyvenv.cfg itself */
	VH_RULE_CHILD,	/* a child named .venv or venv holds pyvenv.cfg */
	VH_RULE_POINTER,	/* a file named .venv names the env or holds its path */
	/* A tool's store (core/store/stores.h); from names the file that chose it. */
	VH_RULE_POETRY,	/* owner/pyproject.toml: Poetry's env of the project */
	VH_RULE_PIPENV,	/* owner/Pipfile: pipenv's env of the project */
	VH_RULE_PYENV,	/* owner/.python-version names a pyenv-virtualenv env */
	VH_RULE_UV,	/* UV_PROJECT_ENVIRONMENT at owner (pyproject.toml or uv.lock) */
	VH_RULE_UV_PROJECT, /* the .venv of owner's uv workspace root, from its pyproject.toml */
	VH_RULE_VEW,	/* $WORKON_HOME/NAME/.project names owner (virtualenvwrapper) */
	VH_RULE_HATCH,	/* owner/pyproject.toml: hatch's default env of the project */
	VH_RULE_PDM,	/* owner/.pdm-python, or pdm's central venv of owner/pyproject.toml */
	VH_RULE_CONDA,	/* owner/.conda is a conda prefix (conda create -p .conda; VS Code's) */
	VH_RULE_PIXI,	/* owner/.pixi/envs/default, pixi's env of the manifest from */
	VH_RULE_CONDA_ENV, /* the named conda env owner/environment.yml's name: chooses */
};

#define VH_FOUND_EXPECT 4

struct vh_found {
	enum vh_rule rule;
	char *env;	/* absolute path of the env directory, or NULL */
	char *owner;	/* the directory it was found from */
	char *stop;	/* git work-tree root the walk stopped at, or NULL */
	char *from;	/* the store rules: the file that chose the env, else NULL */
	/* 1 when a setting the project itself controls put the env where it is
	 * (a relative UV_PROJECT_ENVIRONMENT; virtualenvs.path, in-project or
	 * cache-dir from the project's poetry.toml; a relative
	 * virtualenvs.path): then the env is an in-project env for the trust
	 * policy, not one that is the user's by location. */
	int project_setting;
	/* How the walk ended when it found no env and stopped at no work
	 * tree: top, it asked every directory up to "/" and none held
	 * anything. */
	int top;
	/* 1 when the answer rests on more than the names of walk_names in
	 * the directories walked and the files the rules read there: a
	 * warning, a pointer file, libgit2, a directory it could not look
	 * into (region.h hands the shell no region then). */
	int unsure;
	/* No env found: the nearest directory from cwd up (below the walk's
	 * end) that holds a project file (pyproject.toml, Pipfile, uv.lock),
	 * or NULL; and where the stores would put the project's env, were it
	 * made (up to VH_FOUND_EXPECT paths): the hook watches them. */
	char *project;
	char *expect[VH_FOUND_EXPECT];
	size_t nexpect;
	/* What the walk has to say (a pointer file that points nowhere, a
	 * .git it cannot read, a directory it cannot look into, a store's
	 * file it cannot read): a line each, escaped, for the command. */
	struct vh_buf warnings;
	/* conda's config files' lines are in warnings: their id, for the
	 * shell to carry in VH_CONDARC_SAID (else empty) */
	char conda_said[20];
	/* they were read and say nothing: the shell's VH_CONDARC_SAID goes */
	int conda_forget;
};

/* A regular file by this name points to the project's env. */
extern const char vh_pointer_name[];

/* Every name a directory of the walk is asked about (see discover.c), at
 * most VH_WALK_NAMES_MAX - 1 of them, NULL-terminated into names; its
 * count returned. VH_WALK_BUT_GIT leaves out git's names (a work tree's
 * root is recorded without them). */
struct vh_found;
#define VH_WALK_NAMES_MAX (18 + VH_CONFIG_MAX_ENV_DIRS)
enum vh_walk_names { VH_WALK_ALL, VH_WALK_BUT_GIT };
size_t vh_walk_names(const char **names, enum vh_walk_names which);

/* The names the walk asked in the directory it found f's env in before
 * the step that found it (for the child env directories: its own
 * pyvenv.cfg, the stores' files and the env directory names before the
 * one found; for .conda and pixi's env, all of those and, for pixi's,
 * .conda and the pixi.toml it rests on); none for any other rule. */
size_t vh_walk_names_before(const char **names, const struct vh_found *f);

/* The paths, relative to a directory, where an env of that directory is
 * found when it is made there at the prompt: the config's env directories
 * (step_children), .conda and pixi's default env (step_conda). The hook
 * watches them in the shell's directory and the project's root
 * (cmd_export.c, trust/watch.h). At most VH_ENV_PLACES_MAX - 1 of them,
 * NULL-terminated into places; its count returned. */
#define VH_ENV_PLACES_MAX (3 + VH_CONFIG_MAX_ENV_DIRS)
size_t vh_env_places(const char **places);

/* Walks up from the absolute directory cwd; see README "How discovery works".
 * Returns 0 (out->env NULL when nothing was found) or VH_ENOMEM.
 * Unreadable directories and broken repositories get a line in
 * out->warnings and are walked past. Caller frees with vh_found_free. */
int vh_discover(struct vh_found *out, const char *cwd);
void vh_found_free(struct vh_found *f);

/* conda's config files' lines (condaenv.h) are said once a shell, as the
 * config file's are (userconfig.h): export passes the id the shell holds
 * in VH_CONDARC_SAID (NULL: none), and the walk leaves those lines out of
 * its warnings when they are the same lines again. */
#define VH_CONDARC_SAID "__VENVHOOK_CONDARC_SAID"
void vh_discover_heard(const char *id);

/* *out = the shell's working directory: $PWD when it names the current
 * directory (it keeps the symlinks the user cd'd through), else getcwd().
 * Returns VH_ENOTFOUND when neither works (the directory was deleted),
 * VH_EIO (another reason: errno) or VH_ENOMEM. */
int vh_cwd(char **out);

#endif
