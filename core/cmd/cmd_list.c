/* venvhook list [--paths] [--null] [--] [PREFIX]: the env names, one a
 * line (see envlist.h); with PREFIX only those that start with it, which
 * is what a completion asks and all that is then stat()ed. A name can hold
 * any byte but '/': for a person they are escaped as every message is
 * (vh_msg_escape), and the completions read them with --null, each ended by
 * a NUL and not escaped, a form that gives back exactly the name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util/buf.h"
#include "core/cmd/cmd.h"
#include "core/find/discover.h"
#include "core/find/envlist.h"
#include "core/util/msg.h"

static int run(const struct vh_cmd *self, const struct vh_cmd_args *a)
{
	struct vh_env_list l = { 0 };
	struct vh_found found = { 0 };
	struct vh_buf out = VH_BUF_INIT;
	const char *prefix = a->npos ? a->pos[0] : NULL;
	char *cwd = NULL;
	int paths = vh_cmd_opt(a, self, "--paths") != NULL, null = vh_cmd_opt(a, self, "--null") != NULL;
	int rc = 1;
	size_t k;

	if (vh_cwd(&cwd) == 0 && vh_env_list_project(&found, cwd) < 0)
		goto done;
	if (vh_env_list_collect(&l, &found, prefix) < 0)
		goto done;
	for (k = 0; k < l.n; k++) {
		if (null ? vh_buf_add(&out, l.v[k].name, strlen(l.v[k].name) + 1) < 0 ||
			   (paths && vh_buf_add(&out, l.v[k].path, strlen(l.v[k].path) + 1) < 0) :
			   vh_msg_escape(&out, l.v[k].name) < 0 ||
			   (paths && (vh_buf_putc(&out, '\t') < 0 || vh_msg_escape(&out, l.v[k].path) < 0)) ||
			   vh_buf_putc(&out, '\n') < 0)
			goto done;
	}
	if (fwrite(out.data ? out.data : "", 1, out.len, stdout) != out.len || fflush(stdout))
		goto done;
	if (l.skipped)
		vh_msgf("left out %zu env%s whose name holds a newline or tab", l.skipped,
			l.skipped == 1 ? "" : "s");
	rc = 0;
done:
	if (rc)
		vh_msgf("out of memory");
	vh_env_list_free(&l);
	vh_found_free(&found);
	free(cwd);
	vh_buf_free(&out);
	return rc;
}

static const struct vh_cmd_option options[] = {
	{ "--paths", "also print each env path", NULL },
	{ "--null", "end each name with a NUL, unescaped (for completion)", NULL },
	{ NULL, NULL, NULL },
};

const struct vh_cmd vh_cmd_list = {
	.name = "list",
	.operands = "[--] [PREFIX]",
	.summary = "print the names of the envs in $WORKON_HOME, the tools' stores and the project",
	.brief = "print the names of the envs",
	.help = "Prints the names activate takes, one a line, sorted: $WORKON_HOME's, those\n"
		"of the Poetry, pipenv and pyenv stores as those tools name them, and the\n"
		"current project's. With PREFIX, only the names that start with it (what\n"
		"completion asks for); --paths adds a tab and each env's path. Control\n"
		"characters, bytes that are not UTF-8 and backslashes are shown as \\xHH;\n"
		"--null prints each name (and path) as it is, ended by a NUL byte instead.\n",
	.options = options,
	.min_args = 0,
	.max_args = 1,
	.run = run,
};
