/* Moving the shell from one env to another: the plan, its rendering in the
 * shell's syntax on stdout, and the one line on stderr that says so. The
 * last step of the commands that change the shell (export, activate,
 * deactivate): part of the command layer, which prints. */
#include "core/output/apply.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shells/shell.h"
#include "core/util/buf.h"
#include "core/decide/userconfig.h"
#include "core/find/discover.h"
#include "core/find/envdir.h"
#include "core/decide/envname.h"
#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/output/render.h"

int vh_quiet(void)
{
	const char *q = getenv("VENVHOOK_QUIET");

	/* Set, the variable decides (VENVHOOK_QUIET=0 speaks); else the config. */
	if (q)
		return *q && strcmp(q, "0") != 0;
	return vh_config.quiet;
}

static void escape_n(struct vh_buf *out, const char *s, size_t n)
{
	char *copy = strndup(s, n);

	if (copy)
		vh_msg_escape(out, copy);
	free(copy);
}

static void announce(const struct vh_plan *plan, const char *old_prompt, const char *note)
{
	struct vh_buf line = VH_BUF_INIT;
	const char *dir;
	size_t len;

	if (vh_quiet() || (!plan->activated && !plan->deactivated))
		return;
	if (plan->activated) {
		vh_buf_puts(&line, "activated ");
		vh_msg_escape(&line, plan->target.v[VH_VIRTUAL_ENV_PROMPT]);
		dir = vh_path_base(plan->activated, &len);
		vh_buf_puts(&line, " (");
		escape_n(&line, dir, len);
		if (note) {
			vh_buf_puts(&line, "; ");
			vh_buf_puts(&line, note);
		}
		vh_buf_puts(&line, ")");
	}
	if (plan->deactivated) {
		vh_buf_puts(&line, plan->activated ? ", deactivated " : "deactivated ");
		if (old_prompt) {
			vh_msg_escape(&line, old_prompt);
		} else {
			dir = vh_path_base(plan->deactivated, &len);
			escape_n(&line, dir, len);
		}
	}
	vh_msgf("%s", vh_buf_str(&line));
	vh_buf_free(&line);
}

/* Said once, on activating an env that was moved or copied from where it
 * was made (its pip scripts name another prefix's python), quiet or not:
 * the first pip would fail with "cannot execute" and no hint. */
static void moved(const char *env)
{
	char *old = NULL;

	struct vh_buf line = VH_BUF_INIT;

	if (!env || vh_env_moved(&old, env) < 0 || !old)
		return;
	vh_msg_escape(&line, env);
	vh_buf_puts(&line, " was made as ");
	vh_msg_escape(&line, old);
	/* venv --upgrade keeps the scripts (CPython's venv skips
	 * setup_scripts then): only making it anew fixes them. */
	vh_buf_puts(&line, ": its scripts (pip, ...) name that path's python and fail to run;"
		    " recreate it ('python3 -m venv --clear ");
	vh_msg_escape(&line, env);
	vh_buf_puts(&line, "', then install its packages again)");
	vh_msgf("%s", vh_buf_str(&line));
	vh_buf_free(&line);
	free(old);
}

/* Said once, on activating a conda prefix whose activation scripts
 * (etc/conda/activate.d) conda would run: venvhook runs none, quiet or
 * not, so that a missing setting (a compiler's, GDAL's data) has a cause
 * the user can see. */
static void scripts_skipped(const char *env)
{
	struct vh_buf line = VH_BUF_INIT;
	size_t n = 0;

	if (!env || vh_conda_scripts(&n, env) < 0 || !n)
		return;
	vh_msg_escape(&line, env);
	vh_buf_printf(&line, ": did not run its %zu conda activation script%s (etc/conda/activate.d);"
		      " 'conda activate' runs them", n, n == 1 ? "" : "s");
	vh_msgf("%s", vh_buf_str(&line));
	vh_buf_free(&line);
}

/* want's variables that sh can hold into *vars (borrowed strings), a
 * line each for the others into say. The value a name has now must be one
 * sh can hold too: the plan saves it to put back on leaving, and a save
 * the shell cannot be told would stop the whole activation; that name is
 * left as it is instead. */
static int sayable_vars(struct vh_envvar **vars, size_t *n, struct vh_buf *say,
			const struct vh_shell *sh, const struct vh_state *now,
			const struct vh_want *want)
{
	const char *why, *before, *held;
	size_t i;

	*n = 0;
	*vars = want->nvars ? malloc(want->nvars * sizeof(**vars)) : NULL;
	if (want->nvars && !*vars)
		return VH_ENOMEM;
	for (i = 0; i < want->nvars; i++) {
		before = vh_state_get(now, want->vars[i].name);
		why = vh_shell_unsayable(sh, want->vars[i].value);
		held = !why && before ? vh_shell_unsayable(sh, before) : NULL;
		if (!why && !held) {
			(*vars)[(*n)++] = want->vars[i];
			continue;
		}
		if (vh_msg_escape(say, want->env) < 0 || vh_buf_puts(say, ": not setting ") < 0 ||
		    vh_msg_escape(say, want->vars[i].name) < 0 ||
		    (held ? vh_buf_printf(say, ": its value now cannot be saved to put back (%s)\n", held) :
			    vh_buf_printf(say, ": %s\n", why)) < 0)
			return VH_ENOMEM;
	}
	return 0;
}

int vh_apply(const struct vh_shell *sh, const struct vh_state *now, const struct vh_want *want_in)
{
	struct vh_plan plan = { 0 };
	struct vh_buf out = VH_BUF_INIT, say = VH_BUF_INIT;
	struct vh_want w = *want_in, *want = &w;
	struct vh_envvar *vars = NULL;
	enum vh_var bad = VH_NVARS;
	int rc = VH_ENOMEM;

	if (want_in->vars_say && vh_buf_puts(&say, want_in->vars_say) < 0)
		goto done;
	if (sayable_vars(&vars, &w.nvars, &say, sh, now, want_in) < 0)
		goto done;
	w.vars = vars;
	if (vh_plan(&plan, now, want) < 0)
		goto done;
	rc = vh_render(&out, &bad, sh, &plan);
	if (rc < 0)
		goto done;
	rc = VH_EIO;
	if (out.len && (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout)))
		goto done;
	announce(&plan, now->v[VH_VIRTUAL_ENV_PROMPT], want->note);
	/* the variables not set, said once: on activating */
	if (plan.activated)
		vh_msg_lines(&say);
	moved(plan.activated);
	if (want->conda_env)
		scripts_skipped(plan.activated);
	rc = 0;
done:
	if (rc == VH_EUNSAYABLE) {
		const char *what = bad < VH_NVARS ? plan.target.v[bad] : NULL;
		const char *why = vh_shell_unsayable(sh, what);
		struct vh_buf b = VH_BUF_INIT;

		vh_buf_puts(&b, ": ");
		vh_buf_puts(&b, why ? why : "this shell cannot quote a value safely");
		vh_msg_path(want->env ? "not activating " : "cannot update the environment for ",
			    want->env ? want->env : vh_var_names[bad], vh_buf_str(&b));
		vh_buf_free(&b);
	}
	vh_buf_free(&out);
	vh_buf_free(&say);
	free(vars);
	vh_plan_free(&plan);
	return rc;
}

