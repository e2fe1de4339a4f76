/* A named conda env a project chooses: environment.yml's top-level
 * `name:`, found in the directories conda keeps named envs in. */
#ifndef VH_CONDAENV_H
#define VH_CONDAENV_H

#include <stddef.h>

#include "core/util/buf.h"

/* The file whose `name:` chooses the env (conda env create's default). */
extern const char vh_condaenv_file[];

/* *name = the value of the top-level `name:` key of the YAML text (len
 * bytes), or NULL when there is none. Not a YAML parser: a line that
 * starts in column 0 with `name` and a `:` is the key; its value is plain
 * (up to a ` #` comment) or quoted in ' or " (no escapes: one holding a
 * backslash or a doubled quote is refused, as is a name holding a
 * control character). Linear in len. Returns 0, VH_EREFUSED (why says
 * why, a phrase), or VH_ENOMEM. */
int vh_condaenv_parse(char **name, struct vh_buf *why, const char *text, size_t len);

/* *env = the absolute path of the conda env name in conda's envs_dirs,
 * the first that holds a conda prefix by that name, or NULL. The order is
 * conda's (mockable_context_envs_dirs, conda/base/context.py at conda
 * 0f64223f): $CONDA_ENVS_DIRS and $CONDA_ENVS_PATH (':'-separated, '~/'
 * expanded, entries with '$' or not absolute skipped), then, with conda's
 * root known from $CONDA_EXE (ROOT/bin/conda, ROOT/condabin/conda),
 * ROOT/envs and ~/.conda/envs (~/.conda/envs first when the user cannot
 * write ROOT's conda-meta/history); without it, ~/.conda/envs and then
 * the installers' default roots' envs: ~/miniforge3, ~/miniconda3,
 * ~/anaconda3, ~/mambaforge. conda's config files' envs_dirs
 * (core/find/condarc.h) come after the environment's (before it, and
 * alone, when a file marks the key #!final) and before the rest; a file
 * not read is said in places->warnings (lines). "base" and a name that
 * is not a single path component name no env. places holds what the
 * files say, read at the first call and reused by the next (one walk
 * reads conda's files once, however many environment.yml it meets);
 * start it zeroed, free it with vh_conda_places_free. Returns 0 or
 * VH_ENOMEM. */
struct vh_conda_places {
	int done;		/* the files were read */
	int final;		/* a file's #!final: the environment's lists not read */
	char *root;		/* conda's root from CONDA_EXE, or NULL */
	struct vh_buf dirs;	/* the files' envs directories, each NUL-ended */
	struct vh_buf warnings; /* what the files' reading has to say: lines */
};
int vh_condaenv_find(char **env, struct vh_conda_places *places, const char *name);
void vh_conda_places_free(struct vh_conda_places *places);

#endif
