/* venvhook exec [-C DIR] [--require-env] [--] COMMAND [ARG...]: runs
 * COMMAND in the env that automatic activation would choose for DIR, by
 * execvp (no shell in between: COMMAND's status and signals are exec's,
 * its arguments reach it byte for byte). The hook's path to the plan
 * (envof.h), then the plan put on this process's environment instead of
 * printed (environ.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cmd/cmd.h"
#include "core/cmd/envof.h"
#include "core/find/discover.h"
#include "core/output/environ.h"
#include "core/util/buf.h"
#include "core/util/err.h"
#include "core/util/msg.h"

/* The exit statuses of exec's own (the man page's EXIT STATUS), as env(1)
 * and the shells have them. */
#define EXEC_FAILED 125    /* no env to run in: DIR, --require-env, memory */
#define EXEC_REFUSED 126   /* the env is refused, or COMMAND cannot be executed */
#define EXEC_NOT_FOUND 127 /* no COMMAND on PATH */

/* The longest #! line a kernel reads: 256 bytes on Linux, 512 on macOS. */
#define SHEBANG_MAX 512

/* 1 when the file at path starts with a #! line whose words (blanks
 * between) after the one naming venvhook are exactly the n words. */
static int shebang_is(const char *path, char *const *words, int n)
{
	char line[SHEBANG_MAX + 1], *p, *w, *save = NULL;
	struct stat st;
	ssize_t got;
	int fd, i = -1;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 0;
	}
	do
		got = read(fd, line, SHEBANG_MAX);
	while (got < 0 && errno == EINTR);
	close(fd);
	if (got < 2 || line[0] != '#' || line[1] != '!')
		return 0;
	line[got] = '\0';
	if ((p = memchr(line, '\n', (size_t)got)))
		*p = '\0';
	for (w = strtok_r(line + 2, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		if (i < 0) {
			p = strrchr(w, '/');
			i = !strcmp(p ? p + 1 : w, "venvhook") ? 0 : -1;
		} else if (i >= n || strcmp(w, words[i++])) {
			return 0;
		}
	}
	return i == n;
}

/* Run as a script's interpreter (#!/usr/bin/env -S venvhook exec --
 * python3), exec gets the #! line's words after venvhook, then the
 * script's path, then the script's arguments. *dir = the directory the
 * script really is in (symlinks followed: a link in ~/bin runs its
 * project's script with the project's env) when one of the arguments
 * after COMMAND (argv[first]) is a file whose #! line holds exactly the
 * words before it; else NULL. Returns 0 or VH_ENOMEM. */
static int script_dir(char **dir, int argc, char **argv, int first)
{
	size_t len = 0;
	char *real, *slash;
	int j;

	*dir = NULL;
	for (j = 0; j < first; j++)
		len += strlen(argv[j]) + 1;
	for (j = first + 1; j < argc; j++) {
		len += strlen(argv[j - 1]) + 1;
		if (len > SHEBANG_MAX)
			break;
		if (!shebang_is(argv[j], argv, j))
			continue;
		real = realpath(argv[j], NULL);
		if (!real)
			return errno == ENOMEM ? VH_ENOMEM : 0;
		slash = strrchr(real, '/');
		slash[slash == real] = '\0';
		*dir = real;
		return 0;
	}
	return 0;
}

static int run(const struct vh_cmd *self, const struct vh_cmd_args *a)
{
	struct vh_envof e;
	struct vh_buf name = VH_BUF_INIT;
	const char *dir_arg = vh_cmd_opt(a, self, "-C");
	char *dir = NULL, **argv = a->argv;
	int require = vh_cmd_opt(a, self, "--require-env") != NULL;
	int rc = EXEC_FAILED, r = 0, argc = a->argc, i = (int)(a->pos - a->argv);

	memset(&e, 0, sizeof(e));
	if (vh_msg_escape(&name, argv[i]) < 0)
		goto oom;
	if (dir_arg) {
		r = vh_envof_enter(&dir, dir_arg);
	} else {
		r = script_dir(&dir, argc, argv, i);
		if (r == 0 && !dir && vh_cwd(&dir) < 0) {
			vh_msgf("the current directory is gone: not running %s", vh_buf_str(&name));
			goto done;
		}
	}
	if (r == VH_ENOMEM)
		goto oom;
	if (r < 0)
		goto done;
	r = vh_envof(&e, dir);
	vh_msg_lines(&e.w.say);
	if (r < 0)
		goto oom;
	if (e.refused) {
		struct vh_buf line = VH_BUF_INIT;

		/* the line above says why; 'venvhook allow' alone would mean
		 * the caller's directory, not DIR */
		vh_buf_printf(&line, "not running %s", vh_buf_str(&name));
		if (!strchr(e.w.found.env, ':')) {
			vh_buf_puts(&line, ": 'venvhook allow ");
			vh_msg_escape(&line, dir);
			vh_buf_puts(&line, "' trusts that env");
		}
		vh_msgf("%s", vh_buf_str(&line));
		vh_buf_free(&line);
		rc = EXEC_REFUSED;
		goto done;
	}
	if (!e.w.want.env && require) {
		vh_msg_path("no env for ", dir, "");
		goto done;
	}
	if (vh_environ_apply(&e.plan) < 0)
		goto oom;
	vh_envof_free(&e);
	free(dir);
	dir = NULL;
	fflush(stdout);
	execvp(argv[i], argv + i);
	rc = errno == ENOENT || errno == ENOTDIR ? EXEC_NOT_FOUND : EXEC_REFUSED;
	if (rc == EXEC_NOT_FOUND)
		vh_msgf("%s: command not found", vh_buf_str(&name));
	else
		vh_msgf("%s: cannot run it: %s", vh_buf_str(&name), strerror(errno));
	goto done;
oom:
	vh_msgf("out of memory");
done:
	vh_envof_free(&e);
	vh_buf_free(&name);
	free(dir);
	return rc;
}

static const struct vh_cmd_option options[] = {
	{ "-C", "run in that directory, with its env", "DIR" },
	{ "--require-env", "fail where no env is found", NULL },
	{ NULL, NULL, NULL },
};

const struct vh_cmd vh_cmd_exec = {
	.name = "exec",
	.operands = "[--] COMMAND [ARG...]",
	.summary = "run a command with the env of the current directory (or DIR), for editors and scripts",
	.brief = "run a command in the env of a directory",
	.help = "Runs COMMAND with the env that a cd into DIR (default: here) would\n"
		"activate, found and trusted the same way: its bin/ first on PATH,\n"
		"VIRTUAL_ENV and VIRTUAL_ENV_PROMPT set, PYTHONHOME unset; an env already\n"
		"active is taken off first, and a pin or pause is ignored. -C also runs\n"
		"COMMAND in DIR. As a script's interpreter (#!/usr/bin/env -S venvhook\n"
		"exec -- python3) the env is that of the script's directory. With no env,\n"
		"COMMAND runs without one, unless --require-env (exit 125). A refused env\n"
		"runs nothing (exit 126); 127: no such COMMAND; else COMMAND's status.\n",
	.options = options,
	.arg = VH_CMD_ARG_COMMAND,
	.min_args = 1,
	.max_args = -1,
	.options_first = 1,
	.run = run,
};
