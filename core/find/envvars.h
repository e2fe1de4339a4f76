/* An env's own variables, as its tool's activation sets them: a conda
 * prefix's conda-meta/state (`conda env config vars set`), and the
 * [activation] env table of the manifest of a pixi project's default env.
 * Both files lie inside the env or project already judged; they decide
 * nothing about trust. The env is trusted for what goes on PATH, not for
 * the shell: a name the shell or its tools read as code or configuration
 * at once is refused (vh_envvar_refused), the rest set as plain strings
 * (no expansion), and the whole bounded. doc/THREATS.md has the rule. */
#ifndef VH_ENVVARS_H
#define VH_ENVVARS_H

#include <stddef.h>

#include "core/util/buf.h"

/* Bounds: more variables than VH_ENVVARS_MAX are refused (the first ones
 * are set), a value longer than VH_ENVVAR_VALUE_MAX, a name longer than
 * VH_ENVVAR_NAME_MAX, a file larger than VH_ENVVARS_FILE_MAX too. */
#define VH_ENVVARS_MAX 64
#define VH_ENVVAR_NAME_MAX 128
#define VH_ENVVAR_VALUE_MAX (32 * 1024)
#define VH_ENVVARS_FILE_MAX (256 * 1024)

struct vh_envvar {
	char *name, *value;
};

struct vh_envvars {
	struct vh_envvar *v;
	size_t n;
};

/* Why an env may not set name (a phrase, "a shell reads it as code"), or
 * NULL when it may. The one list, with the reason for each. */
const char *vh_envvar_refused(const char *name);

/* Why leaving must not unset name, though a record of the names an env
 * set holds it (the record is the shell's environment: it can be forged),
 * or NULL when leaving unsets it: every name an env may set, and the
 * refused names whose unsetting cannot hurt the shell or the session (an
 * older venvhook may have set one its rule allowed then). */
const char *vh_envvar_kept(const char *name);

/* The variables conda's activation sets for prefix from its
 * conda-meta/state. A file that is not there: none. One line per refused
 * variable, or one for a file that cannot be read (then none), into say.
 * Returns 0 or VH_ENOMEM. Free out with vh_envvars_free in every case. */
int vh_envvars_conda(struct vh_envvars *out, struct vh_buf *say, const char *prefix);

/* The same for pixi's default env: manifest's [activation] env
 * (pixi.toml), or [tool.pixi.activation] env (pyproject.toml). */
int vh_envvars_pixi(struct vh_envvars *out, struct vh_buf *say, const char *manifest);

void vh_envvars_free(struct vh_envvars *vars);

#endif
