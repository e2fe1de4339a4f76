/* venvhook activate [--force] NAME|PATH: the user's own choice of env,
 * kept across cd until deactivate. It changes the shell's environment, so
 * it works only through the shell function (`venvhook call SHELL
 * activate`), which evals what it prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/output/apply.h"
#include "core/cmd/cmd.h"
#include "core/find/discover.h"
#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/decide/want.h"
#include "shells/shell.h"

/* The hook's key, set to say that pin is this shell's forced one (the
 * next export adds back what else the key holds). */
static int force_key(const struct vh_shell *sh, const char *pin)
{
	struct vh_buf key = VH_BUF_INIT, out = VH_BUF_INIT;
	int rc = VH_ENOMEM;

	if (vh_export_force_part(&key, pin) < 0 || sh->emit->set_local(&out, "__venvhook_key", key.data) < 0)
		goto done;
	rc = fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) ? VH_EIO : 0;
done:
	vh_buf_free(&key);
	vh_buf_free(&out);
	return rc;
}

static int run_in(const struct vh_cmd *self, const struct vh_shell *sh, const struct vh_cmd_args *a)
{
	struct vh_wanted w;
	struct vh_state now;
	char *cwd = NULL;
	int force = vh_cmd_opt(a, self, "--force") != NULL;
	int rc = 1, r;

	vh_state_read(&now);
	if (vh_cwd(&cwd) < 0)
		cwd = NULL;
	r = vh_want_chosen(&w, &now, cwd, a->pos[0], force);
	vh_msg_lines(&w.say);
	if (r == VH_ENOMEM)
		goto oom;
	if (r < 0)
		goto done;
	/* VH_EUNSAYABLE: said why, nothing changed; VH_EIO: stdout is gone */
	r = vh_apply(sh, &now, &w.want);
	if (r == VH_ENOMEM)
		goto oom;
	/* --force holds for this shell only: its hook's key (which a child
	 * shell does not inherit) carries it from export to export */
	if (r == 0 && w.forced)
		r = force_key(sh, w.want.pin);
	if (r == VH_ENOMEM)
		goto oom;
	rc = r ? 1 : 0;
	goto done;
oom:
	vh_msgf("out of memory");
done:
	vh_wanted_free(&w);
	free(cwd);
	return rc;
}

static const struct vh_cmd_option options[] = {
	{ "--force", "even a denied env, or one others can change (this shell only)", NULL },
	{ NULL, NULL, NULL },
};

const struct vh_cmd vh_cmd_activate = {
	.name = "activate",
	.operands = "NAME|PATH",
	.summary = "activate an env by name ($WORKON_HOME or the project) or path; it stays on across cd",
	.brief = "activate an env by name or path",
	.help = "NAME is an env in $WORKON_HOME (default ~/.virtualenvs), else in a\n"
		"tool's store as venvhook list names it, or else the project's .venv or\n"
		"venv; PATH (anything with a '/', or '.') is an env\n"
		"directory. The env stays active across cd until you deactivate it.\n"
		"A denied env, or one someone else can change, needs --force, which\n"
		"holds for this shell only.\n"
		"Works through the shell function that init defines.\n",
	.options = options,
	.arg = VH_CMD_ARG_ENV,
	.min_args = 1,
	.max_args = 1,
	.changes_shell = 1,
	.run_in = run_in,
};
