/* venvhook init SHELL: the hook code the user's rc file evals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../shells/shell.h"
#include "buf.h"
#include "cmd.h"
#include "compat.h"
#include "msg.h"

/* The hook without its comment and blank lines: joined into one line by
 * the csh family's eval, a comment would swallow everything after it. */
static int put_code_lines(struct vh_buf *out, const char *hook)
{
	const char *line = hook, *end, *p;

	for (; *line; line = *end ? end + 1 : end) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		for (p = line; p < end && (*p == ' ' || *p == '\t'); p++)
			;
		if (p == end || *p == '#')
			continue;
		if (vh_buf_add(out, line, (size_t)(end - line)) < 0 || vh_buf_putc(out, '\n') < 0)
			return -1;
	}
	return 0;
}

int vh_cmd_init(int argc, char **argv)
{
	const struct vh_shell *sh;
	struct vh_buf out = VH_BUF_INIT;
	char *self;
	char *args[2];
	int rc = 1, prompt = 0, i, n = 1;

	/* init SHELL [--prompt]; the flag is taken on either side of SHELL. */
	args[0] = argv[0];
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--prompt") && !prompt) {
			prompt = 1;
		} else if (n < 2) {
			args[n++] = argv[i];
		} else {
			n = 3;
			break;
		}
	}
	if (n != 2) {
		vh_msgf("usage: venvhook init SHELL [--prompt] (SHELL one of: %s)", vh_shell_names());
		return VH_EXIT_USAGE;
	}
	sh = vh_cmd_shell_arg(2, args);
	if (!sh)
		return VH_EXIT_USAGE;
	if (prompt && !sh->prompt) {
		vh_msgf("%s has no hook that runs before each prompt, so --prompt cannot keep"
			" the env's name there up to date; show $VIRTUAL_ENV_PROMPT yourself"
			" or use tcsh", sh->name);
		return VH_EXIT_USAGE;
	}
	/* The hook calls this binary by its absolute path, so it never depends
	 * on PATH (which venvhook itself rewrites). */
	if (vh_self_path(&self) < 0) {
		vh_msgf("cannot find my own path (asked %s): load the hook with venvhook's"
			" absolute path (eval \"$(/path/to/venvhook init bash)\")", vh_self_methods);
		return 1;
	}
	/* The csh family's hook runs "`$__venvhook_exe:q ...`", and inside
	 * "`...`" csh splits the path at a blank whatever the :q. The rc line's
	 * eval, at the top level, also takes a '!' for history substitution
	 * however it is quoted in what init prints. */
	if (sh->one_line && strpbrk(self, " \t!")) {
		vh_msg_path("cannot write a hook that calls ", self,
			    strpbrk(self, " \t") ?
			    ": csh and tcsh would split that path at its blank; install venvhook"
			    " in a directory without one" :
			    ": csh and tcsh would take its '!' for history substitution; install"
			    " venvhook in a directory without one");
		goto done;
	}
	if (sh->set_local(&out, "__venvhook_exe", self) < 0) {
		vh_msg_path("cannot write a hook that calls ", self,
			    ": the shell cannot quote that path safely");
		goto done;
	}
	if ((sh->one_line ? put_code_lines(&out, sh->hook) : vh_buf_puts(&out, sh->hook)) < 0)
		goto done;
	if (sh->extra &&
	    (sh->one_line ? put_code_lines(&out, sh->extra) : vh_buf_puts(&out, sh->extra)) < 0)
		goto done;
	if (prompt &&
	    (sh->one_line ? put_code_lines(&out, sh->prompt) : vh_buf_puts(&out, sh->prompt)) < 0)
		goto done;
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0)
		goto done;
	rc = 0;
done:
	free(self);
	vh_buf_free(&out);
	return rc;
}
