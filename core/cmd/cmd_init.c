/* venvhook init SHELL: the hook code the user's rc file evals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shells/shell.h"
#include "core/util/buf.h"
#include "core/cmd/cmd.h"
#include "core/util/compat.h"
#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/trust/perms.h"

/* The names of the commands that the shell function sends through
 * `venvhook call` and evals (those that change the shell's state, and
 * those that ask it for its facts): a list the hook reads, so that it
 * never holds a copy of its own. */
static int put_evals(struct vh_buf *out, const struct vh_shell *sh)
{
	const char *names[16];
	size_t n = 0, i;

	for (i = 0; vh_cmds[i]; i++)
		if ((vh_cmds[i]->changes_shell || vh_cmds[i]->asks_shell) &&
		    n < sizeof(names) / sizeof(names[0]))
			names[n++] = vh_cmds[i]->name;
	return sh->emit->set_list(out, "__venvhook_evals", names, n);
}

/* The path the hook calls the binary by. real is the binary's resolved
 * path, which a package manager that keeps versions side by side (Homebrew's
 * Cellar/venvhook/0.1.0/bin, nix's store) replaces at each upgrade; the
 * shell found it through a stable symlink (Homebrew's bin/venvhook), which
 * the hook names instead when it still leads to this very binary and
 * nobody but the user or root can make it lead elsewhere (vh_perm_path).
 * Else real. *path is malloc'd; VH_ENOMEM. */
static int hook_path(char **path, const char *real)
{
	char *found = NULL, *resolved = NULL, *bad = NULL;
	enum vh_writers why;
	int rc = 0;

	*path = NULL;
	if (vh_self_invoked(&found) == 0 && strcmp(found, real) &&
	    vh_perm_path(&resolved, &bad, &why, found) == 0 && resolved && !strcmp(resolved, real)) {
		*path = found;
		found = NULL;
	} else if (!(*path = strdup(real))) {
		rc = VH_ENOMEM;
	}
	free(found);
	free(resolved);
	free(bad);
	return rc;
}

static int run(const struct vh_cmd *self, const struct vh_cmd_args *a)
{
	const struct vh_shell *sh;
	struct vh_buf out = VH_BUF_INIT, body = VH_BUF_INIT;
	const char *name = NULL, *why;
	char *self_path = NULL, *real;
	int rc = 1, prompt = vh_cmd_opt(a, self, "--prompt") != NULL, i;

	name = a->pos[0];
	sh = vh_cmd_shell(name);
	if (!sh)
		return VH_EXIT_USAGE;
	if (prompt && !sh->prompt) {
		vh_msgf("%s %s", sh->name, sh->no_prompt ? sh->no_prompt : "has no prompt segment");
		return VH_EXIT_USAGE;
	}
	/* The hook calls this binary by an absolute path, so it never depends
	 * on PATH (which venvhook itself rewrites). */
	if (vh_self_path(&real) < 0) {
		struct vh_buf line = VH_BUF_INIT;
		size_t k;

		for (k = 0; k < sizeof(sh->rc) / sizeof(sh->rc[0]) && sh->rc[k].file; k++)
			if ((k && vh_buf_puts(&line, "; ") < 0) ||
			    vh_shell_rc_line(&line, sh, k, "/path/to/venvhook") < 0)
				break;
		vh_msgf("cannot find my own path (asked %s): load the hook with venvhook's"
			" absolute path (%s)", vh_self_methods, vh_buf_str(&line));
		vh_buf_free(&line);
		return 1;
	}
	i = hook_path(&self_path, real);
	free(real);
	if (i < 0)
		goto done;
	if (sh->bad_exe && (why = sh->bad_exe(self_path))) {
		vh_msg_path("cannot write a hook that calls ", self_path, why);
		goto done;
	}
	i = sh->emit->set_local(&body, "__venvhook_exe", self_path);
	if (i == VH_EUNSAYABLE)
		vh_msg_path("cannot write a hook that calls ", self_path,
			    ": the shell cannot quote that path safely");
	if (i < 0)
		goto done;
	if (put_evals(&body, sh) < 0)
		goto done;
	/* A shell whose rc saves this to a file (saved_init): what doctor
	 * checks that file against. */
	if (sh->saved_init) {
		struct vh_buf made = VH_BUF_INIT;

		i = vh_shell_made(&made, sh) < 0 ? VH_ENOMEM :
		    sh->emit->set_local(&body, "__venvhook_made", made.data);
		vh_buf_free(&made);
		if (i < 0)
			goto done;
	}
	/* (what the hook's completer reads, before it) */
	if (sh->completion && sh->completion(&body, sh, vh_cmds) < 0)
		goto done;
	/* (a one-line shell's hook and prompt come without their comment
	 * lines: build-aux/embed.sh) */
	if (vh_buf_puts(&body, sh->hook) < 0)
		goto done;
	if (prompt && vh_buf_puts(&body, sh->prompt) < 0)
		goto done;
	/* behind the line that, in another shell, says which line to use
	 * there and defines nothing */
	if (sh->guard(&out, sh, self_path, vh_buf_str(&body)) < 0)
		goto done;
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0)
		goto done;
	rc = 0;
done:
	free(self_path);
	vh_buf_free(&body);
	vh_buf_free(&out);
	return rc;
}

static const struct vh_cmd_option options[] = {
	{ "--prompt", "the env name in the prompt too", NULL },
	{ NULL, NULL, NULL },
};

/* init's help beyond its entry's: each shell's rc line, and those with a
 * prompt segment. */
static int more_help(FILE *f)
{
	const struct vh_shell *const *sh;
	int sep = 0;

	fputs("Load it from the end of the shell's rc file:\n", f);
	vh_cmd_rc_lines(f, "  ");
	fputs("With --prompt, the prompt also shows (NAME) of the active env, from\n"
	      "VIRTUAL_ENV_PROMPT, unless VIRTUAL_ENV_DISABLE_PROMPT is set, in ", f);
	for (sh = vh_shells; *sh; sh++)
		if ((*sh)->prompt)
			fprintf(f, "%s%s", sep++ ? ", " : "", (*sh)->name);
	fputs(".\n", f);
	return ferror(f) ? VH_EIO : 0;
}

/* One row per rc line, each with its shell's name (nushell has two). */
int vh_cmd_rc_lines(FILE *f, const char *indent)
{
	const struct vh_shell *const *sh;
	struct vh_buf line = VH_BUF_INIT;
	size_t i;
	int rc = 0;

	for (sh = vh_shells; *sh && rc == 0; sh++) {
		for (i = 0; rc == 0; i++) {
			vh_buf_reset(&line);
			if (vh_shell_rc_line(&line, *sh, i, "venvhook") < 0)
				break;
			if (fprintf(f, "%s%-6s %-28s %s\n", indent, (*sh)->name,
				    (*sh)->rc[i].file, vh_buf_str(&line)) < 0)
				rc = VH_EIO;
		}
	}
	vh_buf_free(&line);
	return rc;
}

const struct vh_cmd vh_cmd_init = {
	.name = "init",
	.operands = "SHELL",
	.summary = "print the hook to load in your shell's rc file (--prompt: the env's name in the prompt too)",
	.brief = "print the hook for a shell rc file",
	.help = "Prints the hook for SHELL, one of the shells below (its path, or its login\n"
		"name -SHELL, also does).\n",
	.more_help = more_help,
	.options = options,
	.arg = VH_CMD_ARG_SHELL,
	.min_args = 1,
	.max_args = 1,
	.no_config_warnings = 1,
	.run = run,
};
