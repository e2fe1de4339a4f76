/* venvhook export SHELL: what the hook evals after a directory change. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "../shells/shell.h"
#include "apply.h"
#include "cmd.h"
#include "discover.h"
#include "envdir.h"
#include "msg.h"

static int usable(const char *env)
{
	if (strchr(env, ':')) {
		vh_msg_path("not activating ", env, ": PATH cannot hold a ':' in a directory name");
		return 0;
	}
	return 1;
}

/* The env wanted here: the one `venvhook activate` pinned while it exists,
 * else what discovery finds unless `venvhook deactivate` paused it. *found
 * holds discovery's answer; want points into it and into now. Returns 0 or
 * -1 (out of memory). */
static int wanted(struct vh_want *want, struct vh_found *found, const struct vh_state *now,
		  const char *cwd)
{
	const char *pin = now->v[VH_MARK_PIN], *pause = now->v[VH_MARK_PAUSE];

	memset(want, 0, sizeof(*want));
	want->pin = pin;
	want->pause = pause;
	if (pin) {
		if (vh_env_at(AT_FDCWD, pin) && usable(pin)) {
			want->env = pin;
			return 0;
		}
		vh_msg_path("the env you activated, ", pin, ", is gone; back to automatic activation");
		want->pin = NULL;
	}
	if (vh_discover(found, cwd) < 0)
		return -1;
	/* Leaving the paused project, for another or for none, ends the pause. */
	if (pause && (!found->env || strcmp(found->env, pause) != 0))
		want->pause = NULL;
	if (found->env && !want->pause && usable(found->env))
		want->env = found->env;
	return 0;
}

int vh_cmd_export(int argc, char **argv)
{
	const struct vh_shell *sh = vh_cmd_shell_arg(argc, argv);
	struct vh_found found = { 0 };
	struct vh_state now;
	struct vh_want want;
	char *cwd = NULL, *prompt = NULL;
	int rc = 1, r;

	if (!sh)
		return VH_EXIT_USAGE;
	vh_state_read(&now);
	if (vh_cwd(&cwd) < 0) {
		vh_msgf("the current directory is gone; leaving the env as it is");
		return 0;
	}
	if (wanted(&want, &found, &now, cwd) < 0)
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
done:
	if (rc)
		vh_msgf("out of memory");
	free(prompt);
	free(cwd);
	vh_found_free(&found);
	return rc;
}
