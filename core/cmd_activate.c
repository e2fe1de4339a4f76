/* venvhook activate NAME|PATH and venvhook deactivate: the user's own
 * choice of env. They change the shell's environment, so the shell runs
 * them through `venvhook call SHELL ...` (the function or alias that init
 * defines) and evals what they print. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../shells/shell.h"
#include "apply.h"
#include "buf.h"
#include "cmd.h"
#include "compat.h"
#include "discover.h"
#include "envdir.h"
#include "envlist.h"
#include "msg.h"
#include "policy.h"
#include "trust.h"

/* Activated by hand with an activate script, or by another tool. */
static int foreign(const struct vh_state *now, const char *doing)
{
	const char *ve = now->v[VH_VIRTUAL_ENV], *mark = now->v[VH_MARK_ENV];

	if (!ve || (mark && !strcmp(ve, mark)))
		return 0;
	{
		struct vh_buf b = VH_BUF_INIT;

		vh_buf_printf(&b, "cannot %s: VIRTUAL_ENV (", doing);
		vh_msg_escape(&b, ve);
		vh_buf_puts(&b, ") was set outside venvhook; use that env's own deactivate first");
		vh_msgf("%s", vh_buf_str(&b));
		vh_buf_free(&b);
	}
	return 1;
}

/* A conda prefix: conda's own activation sets far more than PATH (its
 * activate.d scripts), so venvhook leaves it to conda rather than half
 * activate it. */
static int conda_prefix(const char *dir)
{
	struct stat st;
	char *meta = malloc(strlen(dir) + sizeof("/conda-meta"));
	int r;

	if (!meta)
		return 0;
	strcpy(meta, dir);
	strcat(meta, "/conda-meta");
	r = stat(meta, &st) == 0 && S_ISDIR(st.st_mode);
	free(meta);
	return r;
}

static void not_env_msg(enum vh_resolve r, const char *arg, const char *looked)
{
	struct vh_buf b = VH_BUF_INIT;
	char *home = NULL;

	if (r == VH_RESOLVE_NO_HOME) {
		vh_buf_puts(&b, "no env named '");
		vh_msg_escape(&b, arg);
		vh_buf_puts(&b, "': neither WORKON_HOME nor HOME is set");
	} else if (!strchr(arg, '/') && strcmp(arg, ".") && strcmp(arg, "..")) {
		vh_buf_puts(&b, "no env named '");
		vh_msg_escape(&b, arg);
		vh_buf_puts(&b, "' in ");
		if (vh_workon_home(&home) == 0)
			vh_msg_escape(&b, home);
		vh_buf_puts(&b, " (see venvhook list)");
	} else {
		vh_msg_escape(&b, arg);
		if (strcmp(arg, looked)) {
			vh_buf_puts(&b, " (");
			vh_msg_escape(&b, looked);
			vh_buf_puts(&b, ")");
		}
		if (conda_prefix(looked))
			vh_buf_puts(&b, " is a conda env (it holds conda-meta/, no pyvenv.cfg), which venvhook does not activate: use conda activate");
		else
			vh_buf_puts(&b, " is not an env: it holds no pyvenv.cfg");
	}
	vh_msgf("%s", vh_buf_str(&b));
	free(home);
	vh_buf_free(&b);
}

/* The user chose env by hand: that is consent, recorded (bound to what the
 * env is now) unless the policy would take the env anyway, so that the pin
 * it leaves behind is judged like any env on the next cd. */
static int remember_choice(const struct vh_policy *chosen, const char *env,
			   const struct vh_state *now)
{
	struct vh_policy p;
	const char *why;
	char *file = NULL;
	int rc = 0;

	struct vh_policy_ask ask = { .mode = VH_POLICY_PIN, .path = now->v[VH_PATH] };

	if (vh_policy_check(&p, env, &ask) < 0) {
		vh_policy_free(&p);
		return -1;
	}
	if (!p.ok && vh_policy_consent(chosen, VH_CONSENT_ACTIVATED, &why, &file) < 0) {
		vh_cmd_record_failed(why, file, "not activating what cannot stay on");
		rc = 1;
	}
	free(file);
	vh_policy_free(&p);
	return rc;
}

static int activate(const struct vh_shell *sh, const char *arg, int force)
{
	struct vh_policy_ask ask = { .mode = VH_POLICY_MANUAL };
	struct vh_policy chosen;
	struct vh_state now;
	struct vh_want want = { 0 };
	enum vh_resolve r;
	char *cwd = NULL, *env = NULL, *prompt = NULL;
	int rc = 1;

	memset(&chosen, 0, sizeof(chosen));
	vh_state_read(&now);
	if (foreign(&now, "activate"))
		return 1;
	if (vh_cwd(&cwd) < 0 && arg[0] != '/' && strchr(arg, '/')) {
		vh_msgf("the current directory is gone: give the env's absolute path");
		return 1;
	}
	r = vh_env_resolve(&env, arg, cwd ? cwd : "/");
	if (r == VH_RESOLVE_OOM)
		goto oom;
	/* A name not in $WORKON_HOME: one of the stores', as list names it. */
	if (r != VH_RESOLVED && !strchr(arg, '/') && strcmp(arg, ".") && strcmp(arg, "..")) {
		char *store = NULL;

		if (vh_env_list_find(&store, arg) < 0)
			goto oom;
		if (store) {
			free(env);
			env = store;
			r = VH_RESOLVED;
		}
	}
	if (r != VH_RESOLVED) {
		not_env_msg(r, arg, env);
		goto done;
	}
	if (strchr(env, ':')) {
		vh_msg_path("cannot activate ", env, ": PATH cannot hold a ':' in a directory name");
		goto done;
	}
	ask.path = now.v[VH_PATH];
	ask.force = force;
	if (vh_policy_check(&chosen, env, &ask) < 0)
		goto oom;
	if (!chosen.ok) {
		struct vh_buf tail = VH_BUF_INIT;

		vh_buf_puts(&tail, ": ");
		vh_buf_puts(&tail, vh_buf_str(&chosen.why));
		vh_msg_path("not activating ", env, vh_buf_str(&tail));
		vh_buf_free(&tail);
		goto done;
	}
	switch (remember_choice(&chosen, env, &now)) {
	case 0:
		break;
	case -1:
		goto oom;
	default:
		goto done;
	}
	prompt = vh_env_prompt(env, &now);
	if (!prompt)
		goto oom;
	want.env = want.pin = env;
	want.prompt = prompt;
	switch (vh_apply(sh, &now, &want)) {
	case 0:
		rc = 0;
		break;
	case -1:
		goto oom;
	default: /* -2: said why; nothing changed */
		break;
	}
	goto done;
oom:
	vh_msgf("out of memory");
done:
	vh_policy_free(&chosen);
	free(prompt);
	free(env);
	free(cwd);
	return rc;
}

static int deactivate(const struct vh_shell *sh)
{
	struct vh_found found = { 0 };
	struct vh_state now;
	struct vh_want want = { 0 };
	char *cwd = NULL;
	int rc = 1;

	vh_state_read(&now);
	if (foreign(&now, "deactivate"))
		return 1;
	if (!now.v[VH_MARK_ENV] && !now.v[VH_MARK_PIN]) {
		vh_msgf("no env is active");
		return 1;
	}
	/* Inside a project, its env stays off until you leave it: otherwise the
	 * next cd within it would switch it straight back on. */
	if (vh_cwd(&cwd) == 0 && vh_discover(&found, cwd) < 0)
		goto oom;
	want.pause = found.env;
	switch (vh_apply(sh, &now, &want)) {
	case 0:
		rc = 0;
		break;
	case -1:
		goto oom;
	default:
		goto done;
	}
	if (found.env && !vh_quiet())
		vh_msg_path("automatic activation is off in ", found.owner,
			    " until you leave it");
	goto done;
oom:
	vh_msgf("out of memory");
done:
	vh_found_free(&found);
	free(cwd);
	return rc;
}

/* Anything else through the csh alias: a command line that runs this
 * binary with the same arguments, for the shell to eval. */
static int rerun(const struct vh_shell *sh, int argc, char **argv)
{
	struct vh_buf out = VH_BUF_INIT;
	char *self;
	int i, rc = 1;

	if (vh_self_path(&self) < 0) {
		vh_msgf("cannot find my own path (asked %s)", vh_self_methods);
		goto done;
	}
	if (sh->quote(&out, self) < 0)
		goto done;
	for (i = 0; i < argc; i++) {
		if (vh_buf_putc(&out, ' ') < 0)
			goto done;
		if (sh->quote(&out, argv[i]) < 0) {
			vh_msgf("this shell cannot pass an argument holding a newline");
			goto done;
		}
	}
	if (vh_buf_puts(&out, sh->one_line ? " ;\n" : "\n") < 0)
		goto done;
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout))
		goto done;
	rc = 0;
done:
	free(self);
	vh_buf_free(&out);
	return rc;
}

/* venvhook call SHELL COMMAND [ARGS]: what the shell function evals. */
int vh_cmd_call(int argc, char **argv)
{
	const struct vh_shell *sh;

	int rc;

	if (argc < 2) {
		vh_msgf("usage: venvhook call SHELL COMMAND [ARGS] (the shell function runs this)");
		return VH_EXIT_USAGE;
	}
	sh = vh_cmd_shell_arg(2, argv);
	if (!sh)
		return VH_EXIT_USAGE;
	/* `venvhook activate --help` reaches here through the shell function,
	 * which evals whatever this prints on stdout: the help goes to stderr,
	 * stdout stays empty, and the eval of nothing leaves the shell as it was.
	 * (The other commands come back through rerun() and print it as usual.) */
	if (argc > 3 && vh_is_help_arg(argv[3]) &&
	    (!strcmp(argv[2], "activate") || !strcmp(argv[2], "deactivate") ||
	     !strcmp(argv[2], "allow") || !strcmp(argv[2], "deny")))
		return vh_cmd_help(stderr, argv[2]) ? 1 : 0;
	if (argc > 2 && !strcmp(argv[2], "activate")) {
		int force = argc == 5 && !strcmp(argv[3], "--force");

		if (argc != 4 + force) {
			vh_msgf("usage: venvhook activate [--force] NAME|PATH");
			return VH_EXIT_USAGE;
		}
		rc = activate(sh, argv[3 + force], force);
	} else if (argc > 2 && (!strcmp(argv[2], "allow") || !strcmp(argv[2], "deny"))) {
		rc = vh_trust_decide(argv[2][0] == 'a' ? VH_DECISION_ALLOW : VH_DECISION_DENY,
				     argc - 3, argv + 3);
		/* The decision applies here and now, as a cd would apply it. */
		if (rc == 0)
			rc = vh_export_run(sh, NULL);
	} else if (argc > 2 && !strcmp(argv[2], "deactivate")) {
		/* `deactivate nondestructive` is how the activate scripts clear an
		 * env before theirs; it reaches here through the deactivate habit. */
		if (argc > 4 || (argc == 4 && strcmp(argv[3], "nondestructive"))) {
			vh_msgf("usage: venvhook deactivate");
			return VH_EXIT_USAGE;
		}
		rc = deactivate(sh);
	} else if (argc > 2 && !strcmp(argv[2], "doctor")) {
		/* The csh family's alias passes no facts: send it to the alias
		 * that gathers them (see hooks/venvhook.tcsh). */
		if (argc == 3 && sh->one_line)
			return fputs("__venvhook_doctor ;\n", stdout) < 0 || fflush(stdout) ? 1 : 0;
		return vh_doctor(sh, argc - 3, argv + 3);
	} else {
		return rerun(sh, argc - 2, argv + 2);
	}
	/* The shell's deactivate follows the new state (see the hooks). */
	if (rc == 0 && (fputs(sh->one_line ? "__venvhook_sync ;\n" : "__venvhook_sync\n", stdout) < 0 ||
			fflush(stdout)))
		rc = 1;
	return rc;
}

/* Run directly, they could not change the shell that called them. */
int vh_cmd_needs_hook(int argc, char **argv)
{
	(void)argc;
	vh_msgf("venvhook %s changes your shell's environment, so it works through the "
		"'venvhook' shell function: load it from your rc file with "
		"eval \"$(venvhook init SHELL)\" (see venvhook --help)", argv[0]);
	return VH_EXIT_USAGE;
}
