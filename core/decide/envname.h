/* The name an env is shown by: VIRTUAL_ENV_PROMPT, and the activation
 * line's. A step of the data flow between "which env is wanted" (want.h)
 * and the plan: it reads the env's pyvenv.cfg, and says nothing itself. */
#ifndef VH_ENVNAME_H
#define VH_ENVNAME_H

#include <stddef.h>

#include "core/util/buf.h"
#include "core/decide/state.h"

/* *name = VIRTUAL_ENV_PROMPT for env: the active one's when env is
 * already active (pyvenv.cfg is read only on a change), else pyvenv.cfg's
 * prompt, else the project's name when the env is one of its env_dirs,
 * else the env directory's; every byte that could drive the terminal or
 * reorder the line replaced (see vh_msg_sanitize). A pyvenv.cfg that
 * cannot be read, or holds lines with NUL bytes, gets a line in say
 * (escaped, ending in '\n'). Returns 0 or VH_ENOMEM; caller frees *name. */
int vh_env_name(char **name, struct vh_buf *say, const char *env, const struct vh_state *now);

/* *out = CONDA_DEFAULT_ENV for env when it is a conda prefix (and no
 * venv: envdir.h's vh_env_marker), else NULL: what conda's activation
 * sets, the prefix's name when it lies in a directory named "envs" (a
 * named env), else its path (Activator._default_env, conda/activate.py at
 * conda 0f64223f); for pixi's env (pixi_manifest: the manifest that chose
 * it, else NULL) the workspace's name, the manifest's, else its
 * directory's (get_static_environment_variables and display_name,
 * crates/pixi_core/src/activation.rs and workspace/mod.rs at pixi
 * 2b25fc76). Returns 0 or VH_ENOMEM; caller frees *out. */
int vh_env_conda_name(char **out, const char *env, const char *pixi_manifest);

/* The last component of path (trailing '/' ignored; "/" for "/"), as a
 * pointer into path and its length. */
const char *vh_path_base(const char *path, size_t *len);

#endif
