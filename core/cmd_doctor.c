/* venvhook doctor: checks the setup of the running shell and says what to
 * fix. Only the shell knows its own hooks, so the shell function (or tcsh's
 * and csh's __venvhook_doctor alias) passes what it sees as KEY=VALUE
 * arguments to `venvhook call SHELL doctor`:
 *
 *   loads=N         how many times init ran in this shell
 *   hooks=TEXT      where the hook is wired: PROMPT_COMMAND (bash),
 *                   chpwd/precmd functions (zsh), function names (fish),
 *                   the cwdcmd/precmd aliases (tcsh), the cd alias (csh)
 *   ps1_exported=1  PS1 is exported (bash, zsh)
 *
 * Run directly, the binary sees none of that: the hook is not loaded in
 * the shell that ran it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../shells/shell.h"
#include "buf.h"
#include "cmd.h"
#include "envdir.h"
#include "msg.h"
#include "userconfig.h"

struct report {
	struct vh_buf out;
	int problems;
};

/* One finding: before, arg (escaped: it may be a path), after. */
static void say(struct report *r, int problem, const char *before, const char *arg,
		const char *after)
{
	vh_buf_puts(&r->out, problem ? "problem  " : "ok       ");
	vh_buf_puts(&r->out, before);
	if (arg) {
		vh_msg_escape(&r->out, arg);
		vh_buf_puts(&r->out, after);
	}
	vh_buf_putc(&r->out, '\n');
	r->problems += problem;
}

static const char *fact(int argc, char **argv, const char *key)
{
	size_t n = strlen(key);
	int i;

	for (i = 0; i < argc; i++)
		if (!strncmp(argv[i], key, n) && argv[i][n] == '=')
			return argv[i] + n + 1;
	return NULL;
}

/* Other tools that switch Python envs from a shell hook, by the names
 * their hooks go by. */
static const char *const rivals[][2] = {
	{ "_direnv_hook", "direnv" },
	{ "__direnv_export_eval", "direnv" },
	{ "direnv export", "direnv" },
	{ "_pyenv_virtualenv_hook", "pyenv-virtualenv" },
	{ "check_venv", "zsh-autoswitch-virtualenv" },
	{ "_autoswitch", "zsh-autoswitch-virtualenv" },
	{ "__vfsupport", "virtualfish" },
	{ "__vf_", "virtualfish" },
};

static void check_hooks(struct report *r, const struct vh_shell *sh, const char *loads,
			const char *hooks)
{
	const char *seen[sizeof(rivals) / sizeof(rivals[0])];
	size_t i, j, nseen = 0;
	long n = loads ? strtol(loads, NULL, 10) : 0;

	if (n == 1)
		say(r, 0, "the hook is loaded, once", NULL, NULL);
	else if (n > 1)
		say(r, 0, "the hook was loaded ", loads, " times: harmless, but your rc files run init more than once");
	if (!hooks || !strstr(hooks, "__venvhook_hook")) {
		if (!strcmp(sh->name, "bash"))
			say(r, 1, "PROMPT_COMMAND no longer runs the hook: something set it after venvhook was loaded (some terminals and editors do); put the init line last in ~/.bashrc", NULL, NULL);
		else if (!strcmp(sh->name, "zsh"))
			say(r, 1, "chpwd_functions no longer holds the hook: something reset it after venvhook was loaded; put the init line last in ~/.zshrc", NULL, NULL);
		else if (!strcmp(sh->name, "tcsh"))
			say(r, 1, "the cwdcmd alias no longer runs the hook: something replaced it after venvhook was loaded; put the init line last in ~/.tcshrc", NULL, NULL);
		else if (!strcmp(sh->name, "csh"))
			say(r, 1, "the cd alias no longer runs the hook: something replaced it after venvhook was loaded; put the init line last in ~/.cshrc", NULL, NULL);
		else
			say(r, 1, "the hook function is gone: load venvhook again", NULL, NULL);
	} else {
		say(r, 0, "the hook runs on directory changes", NULL, NULL);
	}
	for (i = 0; hooks && i < sizeof(rivals) / sizeof(rivals[0]); i++) {
		if (!strstr(hooks, rivals[i][0]))
			continue;
		for (j = 0; j < nseen && strcmp(seen[j], rivals[i][1]); j++)
			;
		if (j < nseen)
			continue;
		seen[nseen++] = rivals[i][1];
		say(r, 1, "", rivals[i][1], " also switches envs from this shell's hooks: two tools would fight over VIRTUAL_ENV and PATH; keep one of them for Python envs");
	}
}

static void check_files(struct report *r)
{
	const char *w = getenv("WORKON_HOME");
	struct stat st;

	if (w && *w && (stat(w, &st) < 0 || !S_ISDIR(st.st_mode)))
		say(r, 1, "WORKON_HOME (", w, ") is not a directory: venvhook activate NAME and the completion find no named env; create it or fix the variable");
	if (vh_config.bad_lines)
		say(r, 1, "the config file ", vh_config.file, " has bad lines (see the warnings above)");
}

static int finish(struct report *r)
{
	if (!r->problems)
		vh_buf_puts(&r->out, "no problem found\n");
	if (r->out.len && (fwrite(r->out.data, 1, r->out.len, stdout) != r->out.len || fflush(stdout)))
		r->problems = 1;
	vh_buf_free(&r->out);
	return r->problems ? 1 : 0;
}

int vh_doctor(const struct vh_shell *sh, int argc, char **argv)
{
	struct report r = { VH_BUF_INIT, 0 };
	const char *ps1 = fact(argc, argv, "ps1_exported");

	vh_buf_printf(&r.out, "venvhook doctor, in %s\n", sh->name);
	check_hooks(&r, sh, fact(argc, argv, "loads"), fact(argc, argv, "hooks"));
	if (ps1 && !strcmp(ps1, "1"))
		say(&r, 1, "PS1 is exported: child shells of other kinds inherit a prompt written for this one; set it without export", NULL, NULL);
	check_files(&r);
	return finish(&r);
}

int vh_cmd_doctor(int argc, char **argv)
{
	struct report r = { VH_BUF_INIT, 0 };

	(void)argv;
	if (argc != 1) {
		vh_msgf("usage: venvhook doctor");
		return VH_EXIT_USAGE;
	}
	say(&r, 1, "the hook is not loaded in the shell that ran this (or the binary was run directly): add the init line for your shell to its rc file (see venvhook --help)", NULL, NULL);
	check_files(&r);
	return finish(&r);
}
