/* venvhook export SHELL: what the hook evals after a directory change. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>

#include "../shells/shell.h"
#include "apply.h"
#include "compat.h"
#include "cmd.h"
#include "discover.h"
#include "envdir.h"
#include "envlist.h"
#include "msg.h"
#include "policy.h"
#include "store.h"

static int usable(const char *env)
{
	if (strchr(env, ':')) {
		vh_msg_path("not activating ", env, ": PATH cannot hold a ':' in a directory name");
		return 0;
	}
	return 1;
}

/* 1 when the trust policy lets env be activated; else says why. */
static int trusted(int *ok, const char *env, enum vh_policy_mode mode)
{
	struct vh_buf why = VH_BUF_INIT;

	if (vh_policy_check(ok, &why, env, mode) < 0) {
		vh_buf_free(&why);
		return -1;
	}
	if (!*ok) {
		struct vh_buf tail = VH_BUF_INIT;

		vh_buf_puts(&tail, ": ");
		vh_buf_puts(&tail, vh_buf_str(&why));
		vh_msg_path(mode == VH_POLICY_AUTO ? "not activating " : "leaving ", env,
			    vh_buf_str(&tail));
		vh_buf_free(&tail);
	}
	vh_buf_free(&why);
	return 0;
}

/* The env wanted here: the one `venvhook activate` pinned while it exists,
 * else what discovery finds unless `venvhook deactivate` paused it, if the
 * trust policy lets it in. The env already active was let in when it was
 * activated; recheck asks again (after allow/deny). *found holds
 * discovery's answer; want points into it and into now. Returns 0 or -1
 * (out of memory). */
static int wanted(struct vh_want *want, struct vh_found *found, const struct vh_state *now,
		  const char *cwd, int recheck)
{
	const char *pin = now->v[VH_MARK_PIN], *pause = now->v[VH_MARK_PAUSE];
	const char *mark = now->v[VH_MARK_ENV], *ve = now->v[VH_VIRTUAL_ENV];
	int ok = 1;

	memset(want, 0, sizeof(*want));
	want->pin = pin;
	want->pause = pause;
	if (vh_discover(found, cwd) < 0)
		return -1;
	if (pin) {
		if (!vh_env_at(AT_FDCWD, pin) || !usable(pin))
			vh_msg_path("the env you activated, ", pin, ", is gone; back to automatic activation");
		else if (recheck && trusted(&ok, pin, VH_POLICY_MANUAL) < 0)
			return -1;
		else if (ok) {
			want->env = pin;
			return 0;
		}
		want->pin = NULL;
	}
	/* Leaving the paused project, for another or for none, ends the pause. */
	if (pause && (!found->env || strcmp(found->env, pause) != 0))
		want->pause = NULL;
	if (!found->env || want->pause || !usable(found->env))
		return 0;
	if (recheck || !mark || !ve || strcmp(mark, found->env) || strcmp(ve, mark)) {
		if (trusted(&ok, found->env, VH_POLICY_AUTO) < 0)
			return -1;
	}
	if (ok)
		want->env = found->env;
	return 0;
}

/* tcsh's completion reads the env names from a list variable: the hook
 * passes the key of the list it holds (WORKON_HOME's mtime and the project)
 * and gets a new list only when that changed, with no process of its own. */
static int names(const struct vh_shell *sh, const char *held, const struct vh_found *found)
{
	struct vh_env_list l = { 0 };
	struct vh_buf key = VH_BUF_INIT, out = VH_BUF_INIT;
	const char **v = NULL;
	char *home = NULL;
	struct vh_stat st;
	size_t i;
	int rc = -1;

	/* The directories the names come from: $WORKON_HOME and the stores'. */
	int (*const dirs[])(char **) = { vh_workon_home, vh_store_pipenv_root, vh_store_poetry_root,
					 vh_store_pyenv_root };

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		if (dirs[i](&home) < 0)
			goto done;
		if (home && vh_stat(&st, AT_FDCWD, home, 1) == 0)
			rc = vh_buf_printf(&key, "%lld.%09ld", (long long)st.mtime.tv_sec,
					   (long)st.mtime.tv_nsec);
		else
			rc = vh_buf_puts(&key, "none");
		free(home);
		home = NULL;
		/* Hex: the key travels unquoted through csh's "`...`", which
		 * would split it at a blank. */
		if (rc < 0 || vh_buf_putc(&key, ':') < 0)
			goto oom;
	}
	for (i = 0; found->rule == VH_RULE_CHILD && found->owner[i]; i++)
		if (vh_buf_printf(&key, "%02x", (unsigned char)found->owner[i]) < 0)
			goto oom;
	rc = 0;
	if (!strcmp(vh_buf_str(&key), held))
		goto done;
	if (vh_env_list_collect(&l, found, NULL) < 0 || !(v = calloc(l.n + 1, sizeof(*v))))
		goto oom;
	for (i = 0; i < l.n; i++)
		v[i] = l.v[i].name;
	/* A name or key the shell cannot carry: no list, rather than a wrong one. */
	if (sh->set_list(&out, "__venvhook_envs", v, l.n) < 0 ||
	    sh->set_local(&out, "__venvhook_envs_key", key.data) < 0)
		goto done;
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout))
		rc = -1;
	goto done;
oom:
	rc = -1;
done:
	free(v);
	free(home);
	vh_env_list_free(&l);
	vh_buf_free(&key);
	vh_buf_free(&out);
	return rc;
}

int vh_cmd_export(int argc, char **argv)
{
	const struct vh_shell *sh = NULL;

	/* export SHELL [NAMES-KEY]: only a shell with set_list sends a key. */
	if (argc == 3 && (sh = vh_shell_lookup(argv[1])) && sh->set_list)
		return vh_export_run(sh, 0, argv[2]);
	sh = vh_cmd_shell_arg(argc, argv);
	if (!sh)
		return VH_EXIT_USAGE;
	return vh_export_run(sh, 0, NULL);
}

int vh_export_run(const struct vh_shell *sh, int recheck, const char *names_key)
{
	struct vh_found found = { 0 };
	struct vh_state now;
	struct vh_want want;
	char *cwd = NULL, *prompt = NULL;
	int rc = 1, r;

	vh_state_read(&now);
	if (vh_cwd(&cwd) < 0) {
		vh_msgf("the current directory is gone; leaving the env as it is");
		return 0;
	}
	if (wanted(&want, &found, &now, cwd, recheck) < 0)
		goto done;
	if (want.env) {
		prompt = vh_env_prompt(want.env, &now);
		if (!prompt)
			goto done;
		want.prompt = prompt;
	}
	r = vh_apply(sh, &now, &want);
	if (r == -2 && want.env) {
		/* The new env cannot be said in this shell: still leave the old one. */
		want.env = want.prompt = NULL;
		r = vh_apply(sh, &now, &want);
	}
	/* -2: nothing was emitted and the reason is on stderr; the shell's
	 * state is as it was, which is not a failure of the prompt. */
	rc = r == -1 ? 1 : 0;
	if (rc == 0 && names_key && names(sh, names_key, &found) < 0)
		rc = 1;
done:
	if (rc)
		vh_msgf("out of memory");
	free(prompt);
	free(cwd);
	vh_found_free(&found);
	return rc;
}
