/* venvhook which [-C DIR] [COMMAND]: the path a PATH lookup of COMMAND
 * (default python) gives with the env of DIR on, for an editor's
 * interpreter setting: the env exec would run in (envof.h), and the
 * lookup execvp makes, symlinks not followed (ENV/bin/python, not the
 * interpreter it links to). No process is started. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cmd/cmd.h"
#include "core/cmd/envof.h"
#include "core/find/discover.h"
#include "core/util/buf.h"
#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/util/pathlist.h"

/* A path on stdout: as it is for a program to read, escaped for a
 * terminal (no control or bidi byte reaches one); none holding a newline,
 * which no reader of lines could take. Returns 0 or 1 (an exit code). */
static int print_path(const char *path)
{
	struct vh_buf b = VH_BUF_INIT;
	int rc = 1;

	if (strchr(path, '\n')) {
		vh_msg_path("not printing ", path, ": its name holds a newline");
		return 1;
	}
	if (isatty(STDOUT_FILENO) ? vh_msg_escape(&b, path) < 0 : vh_buf_puts(&b, path) < 0) {
		vh_msgf("out of memory");
		goto done;
	}
	if (vh_buf_putc(&b, '\n') == 0 && fwrite(b.data, 1, b.len, stdout) == b.len && !fflush(stdout))
		rc = 0;
done:
	vh_buf_free(&b);
	return rc;
}

static int run(const struct vh_cmd *self, const struct vh_cmd_args *a)
{
	struct vh_envof e;
	const char *dir_arg = vh_cmd_opt(a, self, "-C"), *name = a->npos ? a->pos[0] : "python";
	char *dir = NULL, *path = NULL;
	int rc = 1, r;

	memset(&e, 0, sizeof(e));
	if (!*name || strchr(name, '/')) {
		vh_msgf("which: COMMAND is a name to look up on PATH, without a '/'");
		return vh_cmd_usage(self);
	}
	if (dir_arg) {
		if (vh_envof_enter(&dir, dir_arg) < 0)
			goto done;
	} else if (vh_cwd(&dir) < 0) {
		vh_msgf("the current directory is gone");
		goto done;
	}
	r = vh_envof(&e, dir);
	vh_msg_lines(&e.w.say);
	if (r < 0) {
		vh_msgf("out of memory");
		goto done;
	}
	if (!e.w.want.env) {
		/* refused: the line above says why */
		if (!e.refused)
			vh_msg_path("no env for ", dir, "");
		goto done;
	}
	if (vh_pathlist_search(&path, e.plan.target.v[VH_PATH], name, dir) < 0) {
		struct vh_buf b = VH_BUF_INIT;

		if (errno == ENOMEM) {
			vh_msgf("out of memory");
		} else {
			vh_buf_puts(&b, "no ");
			vh_msg_escape(&b, name);
			vh_buf_puts(&b, " on PATH with the env of ");
			vh_msg_escape(&b, dir);
			vh_msgf("%s on", vh_buf_str(&b));
		}
		vh_buf_free(&b);
		goto done;
	}
	rc = print_path(path);
done:
	vh_envof_free(&e);
	free(dir);
	free(path);
	return rc;
}

static const struct vh_cmd_option options[] = {
	{ "-C", "for that directory", "DIR" },
	{ NULL, NULL, NULL },
};

const struct vh_cmd vh_cmd_which = {
	.name = "which",
	.operands = "[COMMAND]",
	.summary = "print the path of COMMAND (default python) with the env of here (or DIR) on",
	.brief = "print the path of a program in the env of a directory",
	.help = "Prints the absolute path that a PATH lookup of COMMAND (default: python)\n"
		"gives with the env on that venvhook exec would run in: ENV/bin/python,\n"
		"symlinks not followed, for an editor's interpreter setting. Starts no\n"
		"process. Exits 1, with one line, when DIR has no env, its env is refused,\n"
		"or no COMMAND is on PATH.\n",
	.options = options,
	.arg = VH_CMD_ARG_COMMAND,
	.min_args = 0,
	.max_args = 1,
	.run = run,
};
