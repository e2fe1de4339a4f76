/* venvhook allow [--yes] [PATH...] and venvhook deny [PATH...]: the user's
 * decision about envs that automatic activation would refuse (or should
 * refuse). Each PATH is an env, or a directory whose env discovery finds;
 * default: here. Allowing several at once (the README's adoption line)
 * takes the envs with nothing to say for or against them; one git tracks
 * came with its repository, and is allowed only with --yes, or a y at the
 * terminal. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/cmd/cmd.h"
#include "core/find/discover.h"
#include "core/find/envdir.h"
#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/trust/policy.h"
#include "core/trust/trust.h"
#include "core/decide/want.h"

/* Of several allowed at once, one git tracks (p->git a digest) or cannot
 * tell about ("?"): 1 when the user says so (--yes, or y at the terminal
 * when stdin and stderr are both one), else 0 after the line that says
 * why not. */
static int bulk_consent(const struct vh_policy *p, const char *env, int yes)
{
	const char *what = !strcmp(p->git, "?") ? "git cannot tell whether it tracks its files" :
			   "git tracks its files (it came with its repository)";
	char answer[16];

	if (yes)
		return 1;
	if (isatty(0) && isatty(2)) {
		struct vh_buf q = VH_BUF_INIT;
		int ok;

		vh_buf_puts(&q, "allow ");
		vh_msg_escape(&q, env);
		vh_buf_printf(&q, "? %s [y/N] ", what);
		fprintf(stderr, "venvhook: %s", vh_buf_str(&q));
		fflush(stderr);
		vh_buf_free(&q);
		ok = fgets(answer, sizeof(answer), stdin) && (answer[0] == 'y' || answer[0] == 'Y');
		if (!ok)
			vh_msg_path("not allowing ", env, "");
		return ok;
	}
	{
		struct vh_buf tail = VH_BUF_INIT;

		vh_buf_printf(&tail, ": %s; allow it by itself, or add --yes", what);
		vh_msg_path("not allowing ", env, vh_buf_str(&tail));
		vh_buf_free(&tail);
	}
	return 0;
}

/* Records the decision for one env (its real path); bulk: one of several
 * allowed at once, yes: --yes. 0 done (or left, said why), 1 failed. */
static int decide_one(enum vh_decision decision, const char *env, int bulk, int yes)
{
	struct vh_policy p;
	struct vh_trust_entry e;
	const char *why = "out of memory writing";
	char *file = NULL;
	int rc = 1, r;

	memset(&p, 0, sizeof(p));
	if (decision == VH_DECISION_ALLOW) {
		/* What the allow is bound to: the directory and git's content. */
		struct vh_policy_ask ask = { .mode = VH_POLICY_MANUAL, .force = 1 };

		if (vh_policy_check(&p, env, &ask) < 0) {
			vh_msgf("out of memory");
			goto done;
		}
		vh_msg_lines(&p.warnings);
		if (!p.ok) {
			struct vh_buf tail = VH_BUF_INIT;

			vh_buf_puts(&tail, ": ");
			vh_buf_puts(&tail, vh_buf_str(&p.why));
			vh_msg_path("cannot allow ", env, vh_buf_str(&tail));
			vh_buf_free(&tail);
			goto done;
		}
		if (vh_policy_allowed(&p)) {
			vh_msg_path("already allowed ", env, "");
			rc = 0;
			goto done;
		}
		if (bulk && strcmp(p.git, "-") && !bulk_consent(&p, env, yes)) {
			rc = 0;
			goto done;
		}
		r = vh_policy_consent(&p, VH_CONSENT_ALLOWED, &why, &file);
	} else {
		memset(&e, 0, sizeof(e));
		e.decision = VH_DECISION_DENY;
		e.path = (char *)env;
		r = vh_trust_file(&file);
		if (r == VH_ENOHOME)
			why = "neither XDG_DATA_HOME nor HOME is set: cannot record in";
		errno = r == VH_ENOHOME ? ENOENT : ENOMEM;
		r = r ? r : vh_trust_record(&why, file, &e);
	}
	if (r < 0) {
		struct vh_buf say = VH_BUF_INIT;

		vh_want_unrecorded(&say, why, file, "nothing was recorded");
		vh_msg_lines(&say);
		vh_buf_free(&say);
		goto done;
	}
	if (p.exposed.len) {
		/* consent cannot make a path others can swap safe (policy.h) */
		struct vh_buf tail = VH_BUF_INIT;

		vh_buf_puts(&tail, ", but ");
		vh_buf_puts(&tail, vh_buf_str(&p.exposed));
		vh_buf_puts(&tail, ": only 'venvhook activate --force' uses it");
		vh_msg_path("allowed ", env, vh_buf_str(&tail));
		vh_buf_free(&tail);
	} else {
		vh_msg_path(decision == VH_DECISION_ALLOW ? "allowed " : "denied ", env,
			    decision == VH_DECISION_ALLOW && strcmp(p.git, "-") && strcmp(p.git, "?") ?
			    " (git tracks its files: a change to them asks again)" : "");
	}
	rc = 0;
done:
	vh_policy_free(&p);
	free(file);
	return rc;
}

/* Records the decision for the env each of the n paths means (none: here)
 * and says so; returns an exit code: 1 when a decision failed, or when no
 * path had an env. A path without one among others is said, not a failure,
 * so that one allow of every directory in ~/src adopts those with an env. */
static int decide(enum vh_decision decision, int n, char **paths, int yes)
{
	char *env = NULL;
	int i, rc = 0, none = 0;

	for (i = 0; i < (n ? n : 1); i++) {
		struct vh_buf say = VH_BUF_INIT;
		int r = vh_want_target(&env, &say, n ? paths[i] : NULL);

		vh_msg_lines(&say);
		vh_buf_free(&say);
		if (r == VH_ENOMEM)
			vh_msgf("out of memory");
		if (r == VH_ENOTFOUND)
			none++;
		else if (r < 0 || decide_one(decision, env, n > 1, yes))
			rc = 1;
		free(env);
		env = NULL;
	}
	return rc || none == (n ? n : 1);
}

static enum vh_decision decision_of(const struct vh_cmd *c)
{
	return c == &vh_cmd_allow ? VH_DECISION_ALLOW : VH_DECISION_DENY;
}

static int run(const struct vh_cmd *self, const struct vh_cmd_args *a)
{
	return decide(decision_of(self), a->npos, a->pos, vh_cmd_opt(a, self, "--yes") != NULL);
}

/* Through the shell function the decision applies here and now, as a cd
 * would apply it. */
static int run_in(const struct vh_cmd *self, const struct vh_shell *sh, const struct vh_cmd_args *a)
{
	int rc = run(self, a);

	return rc ? rc : vh_export_run(sh, NULL);
}

static const struct vh_cmd_option allow_options[] = {
	{ "--yes", "also envs git tracks, of several", NULL },
	{ NULL, NULL, NULL },
};

const struct vh_cmd vh_cmd_allow = {
	.name = "allow",
	.operands = "[PATH...]",
	.summary = "trust the env of each PATH (default: here) for automatic activation",
	.brief = "trust the env here for automatic activation",
	.help = "Trusts the env of each PATH (an env, or a directory whose env discovery\n"
		"finds) for automatic activation, bound to that env directory and, where\n"
		"git tracks files in it, to those files as they are now: a new directory\n"
		"at the same path, or a pull that changes them, needs allowing again.\n"
		"Of several PATHs, one without an env gets a line and the others are\n"
		"allowed, but for an env git tracks (it came with its repository): that\n"
		"one needs --yes, or y at the prompt when venvhook asks at a terminal.\n"
		"An env already allowed is said so. Through the shell function it\n"
		"applies at once.\n",
	.options = allow_options,
	.arg = VH_CMD_ARG_PATHS,
	.min_args = 0,
	.max_args = -1,
	.changes_shell = 1,
	.run = run,
	.run_in = run_in,
};

const struct vh_cmd vh_cmd_deny = {
	.name = "deny",
	.operands = "[PATH...]",
	.summary = "never activate the env of each PATH (default: here) automatically",
	.brief = "never activate the env here automatically",
	.help = "Keeps the env of each PATH off whatever it holds; a deny beats an allow.\n"
		"Through the shell function it applies at once.\n",
	.arg = VH_CMD_ARG_PATHS,
	.min_args = 0,
	.max_args = -1,
	.changes_shell = 1,
	.run = run,
	.run_in = run_in,
};
