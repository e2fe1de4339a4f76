/* venvhook allow [PATH...] and venvhook deny [PATH...]: the user's decision
 * about envs that automatic activation would refuse (or should refuse).
 * Each PATH is an env, or a directory whose env discovery finds; default:
 * here. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "discover.h"
#include "envdir.h"
#include "msg.h"
#include "policy.h"
#include "trust.h"

/* *env = the real path of the env arg (or the current directory) means. */
static int target(char **env, const char *arg)
{
	struct vh_found found = { 0 };
	char *cwd = NULL, *dir = NULL;
	int rc = 1;

	*env = NULL;
	if (vh_cwd(&cwd) < 0 && (!arg || arg[0] != '/')) {
		vh_msgf("the current directory is gone: give the env's absolute path");
		return 1;
	}
	if (!arg) {
		dir = cwd;
		cwd = NULL;
	} else if (arg[0] == '/') {
		dir = strdup(arg);
	} else {
		struct vh_buf b = VH_BUF_INIT;

		if (vh_buf_puts(&b, cwd) < 0 || vh_buf_putc(&b, '/') < 0 || vh_buf_puts(&b, arg) < 0)
			vh_buf_free(&b);
		dir = vh_buf_detach(&b);
	}
	if (!dir)
		goto oom;
	if (vh_env_at(AT_FDCWD, dir)) {
		*env = realpath(dir, NULL);
	} else {
		if (vh_discover(&found, dir) < 0)
			goto oom;
		if (!found.env) {
			vh_msg_path("no env for ", dir, ": nothing to decide about");
			goto done;
		}
		*env = realpath(found.env, NULL);
	}
	if (!*env) {
		vh_msg_path("cannot resolve ", found.env ? found.env : dir, "");
		goto done;
	}
	rc = 0;
	goto done;
oom:
	vh_msgf("out of memory");
	rc = 1;
done:
	vh_found_free(&found);
	free(dir);
	free(cwd);
	return rc;
}

void vh_cmd_record_failed(const char *why, const char *file, const char *after)
{
	struct vh_buf line = VH_BUF_INIT;
	int saved = errno;

	vh_buf_printf(&line, "%s ", why);
	vh_msg_escape(&line, file ? file : "the trust file");
	vh_buf_printf(&line, ": %s; %s", strerror(saved), after);
	vh_msgf("%s", vh_buf_str(&line));
	vh_buf_free(&line);
}

/* Records the decision for one env (its real path). */
static int decide_one(enum vh_decision decision, const char *env)
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
		if (!p.ok) {
			struct vh_buf tail = VH_BUF_INIT;

			vh_buf_puts(&tail, ": ");
			vh_buf_puts(&tail, vh_buf_str(&p.why));
			vh_msg_path("cannot allow ", env, vh_buf_str(&tail));
			vh_buf_free(&tail);
			goto done;
		}
		r = vh_policy_consent(&p, VH_CONSENT_ALLOWED, &why, &file);
	} else {
		memset(&e, 0, sizeof(e));
		e.decision = VH_DECISION_DENY;
		e.path = (char *)env;
		r = vh_trust_file(&file);
		if (r > 0)
			why = "neither XDG_DATA_HOME nor HOME is set: cannot record in";
		errno = r > 0 ? ENOENT : ENOMEM;
		r = r ? -1 : vh_trust_record(&why, file, &e);
	}
	if (r < 0) {
		vh_cmd_record_failed(why, file, "nothing was recorded");
		goto done;
	}
	vh_msg_path(decision == VH_DECISION_ALLOW ? "allowed " : "denied ", env, "");
	rc = 0;
done:
	vh_policy_free(&p);
	free(file);
	return rc;
}

int vh_trust_decide(enum vh_decision decision, int n, char **paths)
{
	char *env = NULL;
	int i, rc = 0;

	for (i = 0; i < (n ? n : 1); i++) {
		if (target(&env, n ? paths[i] : NULL)) {
			rc = 1;
			continue;
		}
		if (decide_one(decision, env))
			rc = 1;
		free(env);
		env = NULL;
	}
	return rc;
}

int vh_cmd_allow(int argc, char **argv)
{
	return vh_trust_decide(VH_DECISION_ALLOW, argc - 1, argv + 1);
}

int vh_cmd_deny(int argc, char **argv)
{
	return vh_trust_decide(VH_DECISION_DENY, argc - 1, argv + 1);
}
