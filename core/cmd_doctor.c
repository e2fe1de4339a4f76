/* venvhook doctor: checks the setup of the running shell and says what to
 * fix. Only the shell knows its own hooks, so the shell function (or tcsh's
 * and csh's __venvhook_doctor alias) passes what it sees as KEY=VALUE
 * arguments to `venvhook call SHELL doctor`:
 *
 *   loads=N         how many times init ran in this shell
 *   hooks=TEXT      where the hook is wired: PROMPT_COMMAND (bash),
 *                   chpwd/precmd functions (zsh), function names (fish),
 *                   the cwdcmd alias (tcsh), the cd alias (csh)
 *   ps1_exported=1  PS1 is exported (bash, zsh)
 *   ran=1|0|unknown the hook ran at the prompt this was typed at (bash)
 *   precmd=TEXT     precmd_functions (bash), the precmd alias (tcsh)
 *   vscode=TEXT     VS Code's saved copy of PROMPT_COMMAND (bash)
 *   cd=1|0          cd is venvhook's wrapper (bash)
 *   segment=1       the --prompt segment is loaded (tcsh)
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
 * their hooks go by, and how to stop each. */
static const char *const rivals[][3] = {
	{ "_direnv_hook", "direnv", "keep one of them for Python envs" },
	{ "__direnv_export_eval", "direnv", "keep one of them for Python envs" },
	{ "direnv export", "direnv", "keep one of them for Python envs" },
	{ "_pyenv_virtualenv_hook", "pyenv-virtualenv", "keep one of them for Python envs" },
	{ "check_venv", "zsh-autoswitch-virtualenv", "keep one of them for Python envs" },
	{ "_autoswitch", "zsh-autoswitch-virtualenv", "keep one of them for Python envs" },
	{ "__vfsupport", "virtualfish", "keep one of them for Python envs" },
	{ "__vf_", "virtualfish", "keep one of them for Python envs" },
	{ "auto_vrun", "oh-my-zsh's python plugin (PYTHON_AUTO_VRUN=true)",
	  "set PYTHON_AUTO_VRUN=false before oh-my-zsh is loaded, or drop its python plugin" },
};

static void check_rivals(struct report *r, const char *const *texts, size_t ntexts)
{
	const char *seen[sizeof(rivals) / sizeof(rivals[0])];
	struct vh_buf b = VH_BUF_INIT;
	size_t i, j, k, nseen = 0;

	for (i = 0; i < sizeof(rivals) / sizeof(rivals[0]); i++) {
		for (k = 0; k < ntexts && !(texts[k] && strstr(texts[k], rivals[i][0])); k++)
			;
		if (k == ntexts)
			continue;
		for (j = 0; j < nseen && strcmp(seen[j], rivals[i][1]); j++)
			;
		if (j < nseen)
			continue;
		seen[nseen++] = rivals[i][1];
		vh_buf_reset(&b);
		vh_buf_printf(&b, "%s also switches envs from this shell's hooks: two tools would "
			      "fight over VIRTUAL_ENV and PATH; %s", rivals[i][1], rivals[i][2]);
		say(r, 1, vh_buf_str(&b), NULL, NULL);
	}
	vh_buf_free(&b);
}

/* The first entry of a PROMPT_COMMAND text, up to ';' or a newline,
 * blanks trimmed, when it comes before venvhook's hook; else NULL. */
static char *ahead_of_hook(const char *pc)
{
	const char *hook = pc ? strstr(pc, "__venvhook_hook") : NULL, *s = pc, *e;

	if (!hook)
		return NULL;
	while (s < hook && (*s == ' ' || *s == '\t' || *s == '\n' || *s == ';'))
		s++;
	if (s == hook)
		return NULL;
	for (e = s; e < hook && *e != ';' && *e != '\n'; e++)
		;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return strndup(s, (size_t)(e - s));
}

/* The first word of a list of names, or "". */
static char *first_word(const char *list)
{
	size_t n;

	while (list && *list == ' ')
		list++;
	n = list ? strcspn(list, " ") : 0;
	return strndup(list ? list : "", n);
}

/* bash: what ran before this prompt, and in which order. ran=1 says the
 * hook ran at the prompt the doctor command was typed at (the hook notes
 * bash's command number), whatever called it: PROMPT_COMMAND, a terminal's
 * integration that runs a saved copy of it (VS Code keeps it in
 * __vsc_original_prompt_command), or bash-preexec's precmd_functions. */
static void check_bash(struct report *r, int argc, char **argv)
{
	const char *ran = fact(argc, argv, "ran"), *pc = fact(argc, argv, "hooks");
	const char *vsc = fact(argc, argv, "vscode"), *pre = fact(argc, argv, "precmd");
	const char *cd = fact(argc, argv, "cd"), *texts[3] = { pc, vsc, pre };
	const char *order = vsc && strstr(vsc, "__venvhook_hook") ? vsc : pc;
	int preexec = pc && (strstr(pc, "__bp_precmd_invoke_cmd") || strstr(pc, "__bp_install"));
	int wired = (pc && strstr(pc, "__venvhook_hook")) || (vsc && strstr(vsc, "__venvhook_hook")) ||
		    (preexec && pre && strstr(pre, "__venvhook_precmd"));
	char *first = NULL;

	if (ran ? !strcmp(ran, "0") : !wired)
		say(r, 1, "PROMPT_COMMAND no longer runs the hook: something set it after venvhook was loaded (some terminals and editors do); put the init line last in ~/.bashrc", NULL, NULL);
	else if (ran && !strcmp(ran, "1"))
		say(r, 0, "the hook runs before each prompt", NULL, NULL);
	else
		say(r, 0, "the hook is wired to run before each prompt (run doctor at a prompt to see it run)", NULL, NULL);
	if (preexec && pre && strstr(pre, "__venvhook_precmd")) {
		first = first_word(pre);
		if (first && strcmp(first, "__venvhook_precmd"))
			say(r, 1, "precmd_functions runs ", first, " before venvhook's hook, so a prompt it draws can show the env of the directory before; put the init line after whatever adds it to precmd_functions in ~/.bashrc");
	} else if (!preexec && (first = ahead_of_hook(order))) {
		say(r, 1, "PROMPT_COMMAND runs ", first, " before venvhook's hook, so a prompt it draws can show the env of the directory before; put the init line after the line that adds it in ~/.bashrc");
	}
	free(first);
	if (cd && !strcmp(cd, "1"))
		say(r, 0, "cd, pushd and popd switch the env for the rest of their command line", NULL, NULL);
	else if (cd)
		say(r, 1, "cd is a function defined after venvhook was loaded, so the env switches at the next prompt, not for the rest of the cd's command line; define it (or load the tool that does) before the init line in ~/.bashrc", NULL, NULL);
	check_rivals(r, texts, 3);
}

static void check_hooks(struct report *r, const struct vh_shell *sh, int argc, char **argv)
{
	const char *loads = fact(argc, argv, "loads"), *hooks = fact(argc, argv, "hooks");
	const char *precmd = fact(argc, argv, "precmd"), *texts[2] = { hooks, precmd };
	long n = loads ? strtol(loads, NULL, 10) : 0;

	if (n == 1)
		say(r, 0, "the hook is loaded, once", NULL, NULL);
	else if (n > 1)
		say(r, 0, "the hook was loaded ", loads, " times: harmless, but your rc files run init more than once");
	if (!strcmp(sh->name, "bash")) {
		check_bash(r, argc, argv);
		return;
	}
	if (!hooks || !strstr(hooks, "__venvhook_hook")) {
		if (!strcmp(sh->name, "zsh"))
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
	/* What runs before each prompt: an env made there, a deactivate
	 * outside venvhook and (tcsh) the --prompt segment wait for it. */
	if (!strcmp(sh->name, "zsh") && hooks && !strstr(hooks, "__venvhook_precmd"))
		say(r, 1, "precmd_functions no longer holds venvhook's prompt hook: something reset it after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line last in ~/.zshrc", NULL, NULL);
	else if (!strcmp(sh->name, "fish") && hooks && !strstr(hooks, "__venvhook_precmd"))
		say(r, 1, "the prompt hook function is gone: load venvhook again", NULL, NULL);
	else if (!strcmp(sh->name, "tcsh") && precmd && !strstr(precmd, "__venvhook_hook"))
		say(r, 1, "the precmd alias no longer runs the hook: something set it after venvhook was loaded, so an env made at the prompt, a deactivate outside venvhook and the --prompt segment wait for the next cd; put the init line after the line that sets precmd in ~/.tcshrc", NULL, NULL);
	else if (!strcmp(sh->name, "tcsh") && precmd && fact(argc, argv, "segment") &&
		 !strcmp(fact(argc, argv, "segment"), "1") && !strstr(precmd, "__venvhook_prompt"))
		say(r, 1, "the precmd alias no longer shows the env's name (init --prompt): something set it after venvhook was loaded; put the init line after the line that sets precmd in ~/.tcshrc", NULL, NULL);
	else if (strcmp(sh->name, "csh"))
		say(r, 0, "the hook runs before each prompt", NULL, NULL);
	check_rivals(r, texts, 2);
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
	check_hooks(&r, sh, argc, argv);
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
