/* venvhook guard HOOK SHELL: the line a hook says when another shell of
 * its family evals it, for the shells that cannot write to stderr by
 * themselves (shells/guard.c). */
#include "core/cmd/cmd.h"
#include "core/util/buf.h"
#include "core/util/msg.h"
#include "shells/shell.h"

static int run(const struct vh_cmd *self, const struct vh_cmd_args *a)
{
	const struct vh_shell *hook, *in;
	struct vh_buf line = VH_BUF_INIT;
	int rc = 1;

	(void)self;
	hook = vh_cmd_shell(a->pos[0]);
	in = vh_cmd_shell(a->pos[1]);
	if (!hook || !in)
		return VH_EXIT_USAGE;
	if (vh_guard_say(&line, hook, in) == 0) {
		vh_msgf("%s", vh_buf_str(&line));
		rc = 0;
	}
	vh_buf_free(&line);
	return rc;
}

const struct vh_cmd vh_cmd_guard = {
	.name = "guard",
	.operands = "HOOK SHELL",
	.hidden = 1,
	.raw_args = 1,
	.min_args = 2,
	.max_args = 2,
	.run = run,
};
