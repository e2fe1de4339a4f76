/* venvhook init SHELL: the hook code the user's rc file evals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../shells/shell.h"
#include "buf.h"
#include "cmd.h"
#include "compat.h"
#include "err.h"
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

/* The names of the commands that change the shell's state, which the
 * shell function sends through `venvhook call` and evals: a list the hook
 * reads, so that it never holds a copy of its own. */
static int put_changes(struct vh_buf *out, const struct vh_shell *sh)
{
	const char *names[16];
	size_t n = 0, i;

	for (i = 0; vh_cmds[i]; i++)
		if (vh_cmds[i]->changes_shell && n < sizeof(names) / sizeof(names[0]))
			names[n++] = vh_cmds[i]->name;
	return sh->set_list(out, "__venvhook_changes", names, n);
}

static int run(const struct vh_cmd *self, int argc, char **argv)
{
	const struct vh_shell *sh;
	struct vh_buf out = VH_BUF_INIT;
	const char *name = NULL;
	char *self_path;
	int rc = 1, prompt = 0, i;

	/* init SHELL [--prompt]; the flag is taken on either side of SHELL. */
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--prompt") && !prompt)
			prompt = 1;
		else if (!name)
			name = argv[i];
		else
			return vh_cmd_usage(self);
	}
	if (!name)
		return vh_cmd_usage(self);
	sh = vh_cmd_shell(name);
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
	if (vh_self_path(&self_path) < 0) {
		vh_msgf("cannot find my own path (asked %s): load the hook with venvhook's"
			" absolute path (eval \"$(/path/to/venvhook init bash)\")", vh_self_methods);
		return 1;
	}
	/* The csh family's hook runs "`$__venvhook_exe:q ...`", and inside
	 * "`...`" csh splits the path at a blank whatever the :q. The rc line's
	 * eval, at the top level, also takes a '!' for history substitution
	 * however it is quoted in what init prints. */
	if (sh->one_line && strpbrk(self_path, " \t!")) {
		vh_msg_path("cannot write a hook that calls ", self_path,
			    strpbrk(self_path, " \t") ?
			    ": csh and tcsh would split that path at its blank; install venvhook"
			    " in a directory without one" :
			    ": csh and tcsh would take its '!' for history substitution; install"
			    " venvhook in a directory without one");
		goto done;
	}
	i = sh->set_local(&out, "__venvhook_exe", self_path);
	if (i == VH_EUNSAYABLE)
		vh_msg_path("cannot write a hook that calls ", self_path,
			    ": the shell cannot quote that path safely");
	if (i < 0)
		goto done;
	if (put_changes(&out, sh) < 0)
		goto done;
	if ((sh->one_line ? put_code_lines(&out, sh->hook) : vh_buf_puts(&out, sh->hook)) < 0)
		goto done;
	if (sh->completion && sh->completion(&out, vh_cmds) < 0)
		goto done;
	if (prompt &&
	    (sh->one_line ? put_code_lines(&out, sh->prompt) : vh_buf_puts(&out, sh->prompt)) < 0)
		goto done;
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0)
		goto done;
	rc = 0;
done:
	free(self_path);
	vh_buf_free(&out);
	return rc;
}

static const struct vh_cmd_option options[] = {
	{ "--prompt", "the env name in the prompt too" },
	{ NULL, NULL },
};

const struct vh_cmd vh_cmd_init = {
	.name = "init",
	.usage = "init SHELL [--prompt]",
	.summary = "print the hook to load in your shell's rc file (--prompt: the env's name in the prompt too)",
	.brief = "print the hook for a shell rc file",
	.help = "Prints the hook for SHELL (bash, zsh, fish, tcsh or csh; a path or a\n"
		"login name such as -bash also does). Load it from the end of the rc file:\n"
		"  bash, zsh:  eval \"$(venvhook init bash)\"   (or zsh)\n"
		"  fish:       status is-interactive; and venvhook init fish | source\n"
		"  tcsh, csh:  eval \"`venvhook init tcsh`\"   (or csh)\n"
		"With --prompt (bash, zsh, fish, tcsh), the prompt also shows (NAME) of the\n"
		"active env, from VIRTUAL_ENV_PROMPT, unless VIRTUAL_ENV_DISABLE_PROMPT is set.\n",
	.options = options,
	.arg = VH_CMD_ARG_SHELL,
	.min_args = 1,
	.max_args = 2,
	.run = run,
};
