/* venvhook allow [PATH] and venvhook deny [PATH]: the user's decision about
 * an env that automatic activation would refuse (or should refuse). PATH is
 * an env, or a directory whose env discovery finds; default: here. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "discover.h"
#include "envdir.h"
#include "msg.h"
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

int vh_trust_decide(enum vh_verdict verdict, const char *arg)
{
	struct vh_buf cfg = VH_BUF_INIT;
	const char *why;
	char *env = NULL, *file = NULL;
	int rc = 1, r;

	if (target(&env, arg))
		return 1;
	if (vh_trust_read_cfg(&cfg, env) < 0) {
		vh_msg_path("cannot read the pyvenv.cfg of ", env, "");
		goto done;
	}
	if (cfg.len > VH_TRUST_MAX_CFG) {
		vh_msg_path("not recording a decision for ", env, ": its pyvenv.cfg is over 64 KiB");
		goto done;
	}
	r = vh_trust_file(&file);
	if (r) {
		vh_msgf(r > 0 ? "cannot record the decision: neither XDG_DATA_HOME nor HOME is set" :
				"out of memory");
		goto done;
	}
	if (vh_trust_record(&why, file, verdict, env, cfg.data ? cfg.data : "", cfg.len) < 0) {
		struct vh_buf line = VH_BUF_INIT;

		vh_buf_printf(&line, "%s ", why);
		vh_msg_escape(&line, file);
		vh_buf_printf(&line, ": %s; nothing was recorded", strerror(errno));
		vh_msgf("%s", vh_buf_str(&line));
		vh_buf_free(&line);
		goto done;
	}
	vh_msg_path(verdict == VH_TRUST_ALLOW ? "allowed " : "denied ", env, "");
	rc = 0;
done:
	free(file);
	free(env);
	vh_buf_free(&cfg);
	return rc;
}

static int decide(enum vh_verdict verdict, int argc, char **argv)
{
	if (argc > 2) {
		vh_msgf("usage: venvhook %s [PATH]", argv[0]);
		return VH_EXIT_USAGE;
	}
	return vh_trust_decide(verdict, argc == 2 ? argv[1] : NULL);
}

int vh_cmd_allow(int argc, char **argv)
{
	return decide(VH_TRUST_ALLOW, argc, argv);
}

int vh_cmd_deny(int argc, char **argv)
{
	return decide(VH_TRUST_DENY, argc, argv);
}
