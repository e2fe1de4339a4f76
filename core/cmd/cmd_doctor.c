/* venvhook doctor: checks the setup of the running shell and says what to
 * fix. Only the shell knows its own hooks: the shell function runs
 * `venvhook call SHELL doctor` and evals the answer, the call of the hook's
 * __venvhook_doctor (asks_shell), whatever words followed (an answer the
 * shell evals holds no report: a report names paths), and that runs the
 * binary itself, `venvhook doctor shell=SHELL KEY=VALUE...`, with what the
 * shell sees:
 *
 *   shell=NAME      the shell the facts are of
 *   loads=N         how many times init ran in this shell
 *   hooks=TEXT      where the hook is wired for a directory change
 *   precmd=TEXT     where it is wired before each prompt
 *   ps1_exported=1  PS1 is exported
 *   ...             what else the shell's checks read (shells/)
 *
 * and the shell's registry entry says how to judge them (shells/shell.h:
 * checks, doctor, rival_facts). Run directly, the binary sees none of
 * that: the hook is not loaded in the shell that ran it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shells/shell.h"
#include "core/util/buf.h"
#include "core/cmd/cmd.h"
#include "core/cmd/doctor.h"
#include "core/find/envdir.h"
#include "core/util/msg.h"
#include "core/decide/userconfig.h"
#include "core/util/xdg.h"

/* One of the shell's checks: its first wire that does not hold is the
 * problem, else the check is fine. */
static void check(struct vh_doctor *d, const struct vh_shell_check *c)
{
	const struct vh_shell_wire *w;
	const char *when;

	for (w = c->wire; w < c->wire + sizeof(c->wire) / sizeof(c->wire[0]) && w->fact; w++) {
		when = w->when ? vh_doctor_fact(d, w->when) : NULL;
		if (w->when && !(when && !strcmp(when, "1")))
			continue;
		if (!vh_doctor_fact_has(d, w->fact, w->needle)) {
			vh_doctor_say(d, 1, w->problem, NULL, NULL);
			return;
		}
	}
	vh_doctor_say(d, 0, c->ok, NULL, NULL);
}

/* A shell whose rc sources a saved init output: that the copy loaded is
 * what this binary's init prints now. */
static void check_saved(struct vh_doctor *d, const struct vh_shell *sh)
{
	const char *made = vh_doctor_fact(d, "made");
	struct vh_buf now = VH_BUF_INIT, line = VH_BUF_INIT;

	if (vh_shell_made(&now, sh) < 0 || vh_shell_rc_line(&line, sh, 0, "venvhook") < 0) {
		vh_doctor_say(d, 1, "cannot tell whether the hook loaded from ", sh->saved_init,
			      " is this venvhook's");
	} else if (made && !strcmp(made, now.data)) {
		vh_doctor_say(d, 0, "the hook loaded from ", sh->saved_init, " is this venvhook's");
	} else {
		struct vh_buf after = VH_BUF_INIT;

		vh_buf_puts(&after, made && *made ? " was made by another venvhook (" :
			    " was made by an older venvhook (");
		vh_msg_escape(&after, made && *made ? made : "no version");
		vh_buf_printf(&after, "; this one is %s): make it again; the line '%s' in %s makes"
			      " it at each start", now.data, line.data, sh->rc[0].file);
		vh_doctor_say(d, 1, "the hook loaded from ", sh->saved_init, vh_buf_str(&after));
		vh_buf_free(&after);
	}
	vh_buf_free(&now);
	vh_buf_free(&line);
}

static void check_hooks(struct vh_doctor *d, const struct vh_shell *sh)
{
	const char *loads = vh_doctor_fact(d, "loads"), *texts[8];
	const struct vh_shell_check *c;
	long n = loads ? strtol(loads, NULL, 10) : 0;
	size_t k;

	if (n == 1)
		vh_doctor_say(d, 0, "the hook is loaded, once", NULL, NULL);
	else if (n > 1)
		vh_doctor_say(d, 0, "the hook was loaded ", loads, " times: harmless, but your rc files run init more than once");
	if (sh->saved_init)
		check_saved(d, sh);
	for (c = sh->checks; c && c->ok; c++)
		check(d, c);
	if (sh->doctor)
		sh->doctor(d);
	vh_doctor_vscode(d);
	for (k = 0; sh->rival_facts && sh->rival_facts[k] && k < 8; k++)
		texts[k] = vh_doctor_fact(d, sh->rival_facts[k]);
	if (k)
		vh_doctor_rivals(d, texts, k, sh->rivals);
}

/* venvhook's own files, in a place someone else can change: not used
 * (core/util/xdg.h); the caches say nothing of it at each prompt. */
static void check_places(struct vh_doctor *d)
{
	static const char *const files[][3] = {
		{ "XDG_DATA_HOME", ".local/share", "trust" },
		{ "XDG_CACHE_HOME", ".cache", "checked" },
		{ "XDG_CACHE_HOME", ".cache", "dirs" },
		{ "XDG_CACHE_HOME", ".cache", "projects" },
	};
	struct vh_buf why = VH_BUF_INIT, after = VH_BUF_INIT;
	struct stat st;
	char *file, *slash, *said = NULL;
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		file = NULL;
		if (vh_xdg_file(&file, files[i][0], files[i][1], files[i][2]) != 0 || !file)
			continue;
		slash = strrchr(file, '/');
		*slash = '\0';
		/* (not made yet: it will be, the user's alone; said once a directory) */
		if (stat(file, &st) == 0 && (!said || strcmp(said, file))) {
			*slash = '/';
			vh_buf_reset(&why);
			vh_buf_reset(&after);
			if (vh_xdg_usable(&why, file, 1) == VH_EUNSAFE &&
			    vh_buf_printf(&after, ": %s; make that yours alone, or set %s to a directory"
					  " of your own", vh_buf_str(&why), files[i][0]) == 0) {
				*slash = '\0';
				vh_doctor_say(d, 1, "venvhook neither uses nor writes its files in ", file,
					      vh_buf_str(&after));
				free(said);
				said = file;
				file = NULL;
			}
		}
		free(file);
	}
	free(said);
	vh_buf_free(&why);
	vh_buf_free(&after);
}

static void check_files(struct vh_doctor *d)
{
	const char *w = getenv("WORKON_HOME");
	struct stat st;

	check_places(d);
	if (w && *w && (stat(w, &st) < 0 || !S_ISDIR(st.st_mode)))
		vh_doctor_say(d, 1, "WORKON_HOME (", w, ") is not a directory: venvhook activate NAME and the completion find no named env; create it or fix the variable");
	if (vh_config.bad_lines)
		vh_doctor_say(d, 1, "the config file ", vh_config.file, " has bad lines (see the warnings above)");
}

static int finish(struct vh_doctor *d)
{
	if (!d->problems)
		vh_buf_puts(&d->out, "no problem found\n");
	if (d->out.len && (fwrite(d->out.data, 1, d->out.len, stdout) != d->out.len || fflush(stdout)))
		d->problems = 1;
	vh_buf_free(&d->out);
	return d->problems ? 1 : 0;
}

/* Through the shell function, which evals what this prints: the call of
 * the hook's function that gathers the facts, never a report. */
static int run_in(const struct vh_cmd *self, const struct vh_shell *sh, const struct vh_cmd_args *a)
{
	struct vh_buf out = VH_BUF_INIT;
	int rc = 0;

	(void)self, (void)a;
	if (vh_shell_call(&out, sh, "__venvhook_doctor") < 0 ||
	    fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout))
		rc = 1;
	vh_buf_free(&out);
	return rc;
}

/* Run directly: with the facts __venvhook_doctor passes, the report on
 * them; with none, the hook is not loaded where this ran. */
static int run(const struct vh_cmd *self, const struct vh_cmd_args *a)
{
	struct vh_doctor d = { VH_BUF_INIT, 0, a->npos, a->pos };
	const char *name = vh_doctor_fact(&d, "shell"), *ps1 = vh_doctor_fact(&d, "ps1_exported");
	const struct vh_shell *sh;

	if (!a->npos) {
		vh_doctor_say(&d, 1, "the hook is not loaded in the shell that ran this (or the binary was run directly): add the init line for your shell to its rc file (see venvhook --help)", NULL, NULL);
		check_files(&d);
		return finish(&d);
	}
	if (!name)
		return vh_cmd_usage(self);
	if (!(sh = vh_cmd_shell(name)))
		return VH_EXIT_USAGE;
	vh_buf_printf(&d.out, "venvhook doctor, in %s\n", sh->name);
	check_hooks(&d, sh);
	if (ps1 && !strcmp(ps1, "1"))
		vh_doctor_say(&d, 1, "PS1 is exported: child shells of other kinds inherit a prompt written for this one; set it without export", NULL, NULL);
	check_files(&d);
	return finish(&d);
}

const struct vh_cmd vh_cmd_doctor = {
	.name = "doctor",
	.summary = "check this shell's setup and say what to fix",
	.brief = "check this shell setup",
	.help = "Checks the setup of the shell it runs from and says what to fix: the\n"
		"hook not loaded, loaded more than once, no longer run (the shell's\n"
		"directory-change or prompt hook reset after venvhook was loaded), another\n"
		"tool (direnv, pyenv-virtualenv, zsh-autoswitch-virtualenv, virtualfish)\n"
		"also switching envs, VS Code's Python extension activating an env in the\n"
		"terminal too, PS1 exported, a WORKON_HOME that is not a directory,\n"
		"a config file with bad lines, venvhook's own files in a place someone\n"
		"else can change. Exit 1 when a problem is found. Works\n"
		"through the shell function, which tells it what the shell sees.\n",
	/* the shell function's facts, KEY=VALUE: not the user's words */
	.raw_args = 1,
	.min_args = 0,
	.max_args = -1,
	.asks_shell = 1,
	.run = run,
	.run_in = run_in,
};
