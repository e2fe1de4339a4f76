/* venvhook call SHELL COMMAND [ARGS]: the way in of the shell function (or
 * alias) that init defines. A command with a way to run for the shell
 * (its entry's run_in) runs so, and what it prints is evaled by the
 * shell; any other comes back as a command line that runs this binary
 * with the same arguments, for a shell whose alias (a one_line shell's) evals
 * whatever it gets. */
#include <stdio.h>
#include <stdlib.h>

#include "shells/shell.h"
#include "core/util/buf.h"
#include "core/cmd/cmd.h"
#include "core/util/compat.h"
#include "core/util/err.h"
#include "core/util/msg.h"

/* A command line that runs this binary with argv, for the shell to eval. */
static int rerun(const struct vh_shell *sh, int argc, char **argv)
{
	struct vh_buf out = VH_BUF_INIT;
	char *self;
	int i, rc = 1, r;

	if (vh_self_path(&self) < 0) {
		vh_msgf("cannot find my own path (asked %s)", vh_self_methods);
		goto done;
	}
	/* the hook's name, as the other shells' functions pass it (status
	 * says when there is none) */
	if (vh_buf_printf(&out, "env __VENVHOOK_SHELL=%s ", sh->name) < 0 || sh->emit->quote(&out, self) < 0)
		goto done;
	for (i = 0; i < argc; i++) {
		if (vh_buf_putc(&out, ' ') < 0)
			goto done;
		r = sh->emit->quote(&out, argv[i]);
		if (r == VH_EUNSAYABLE)
			vh_msgf("cannot pass that argument: %s", vh_shell_unsayable(sh, argv[i]) ?
				vh_shell_unsayable(sh, argv[i]) : "this shell cannot quote it safely");
		if (r < 0)
			goto done;
	}
	if (vh_buf_puts(&out, sh->end) < 0)
		goto done;
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout))
		goto done;
	rc = 0;
done:
	free(self);
	vh_buf_free(&out);
	return rc;
}

static int run(const struct vh_cmd *self, const struct vh_cmd_args *a)
{
	const struct vh_shell *sh = vh_cmd_shell(a->pos[0]);
	const struct vh_cmd *c = a->npos > 1 ? vh_cmd_find(a->pos[1]) : NULL;
	struct vh_cmd_args ca;
	int rc;

	(void)self;
	if (!sh)
		return VH_EXIT_USAGE;
	if (!c || !c->run_in)
		return rerun(sh, a->npos - 1, a->pos + 1);
	/* `venvhook activate --help` reaches here through the shell function,
	 * which evals whatever a command that changes the shell prints on
	 * stdout: the help goes to stderr, stdout stays empty, and the eval of
	 * nothing leaves the shell as it was. */
	if (a->npos > 2 && vh_is_help_arg(a->pos[2]))
		return vh_cmd_help(c->changes_shell || c->asks_shell ? stderr : stdout, c) ? 1 : 0;
	rc = vh_cmd_parse(&ca, c, a->npos - 1, a->pos + 1);
	if (rc == 0)
		rc = c->run_in(c, sh, &ca);
	/* The shell's deactivate follows the new state (see the hooks). */
	if (rc == 0 && c->changes_shell) {
		struct vh_buf out = VH_BUF_INIT;

		if (vh_shell_call(&out, sh, "__venvhook_sync") < 0 ||
		    fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout))
			rc = 1;
		vh_buf_free(&out);
	}
	return rc;
}

const struct vh_cmd vh_cmd_call = {
	.name = "call",
	.operands = "SHELL COMMAND [ARGS]",
	.hidden = 1,
	.raw_args = 1,
	.min_args = 1,
	.max_args = -1,
	.run = run,
};
