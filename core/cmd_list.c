/* venvhook list [--paths]: the env names, one a line (see envlist.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "discover.h"
#include "envlist.h"
#include "msg.h"

int vh_cmd_list(int argc, char **argv)
{
	struct vh_env_list l = { 0 };
	struct vh_found found = { 0 };
	struct vh_buf out = VH_BUF_INIT;
	char *cwd = NULL;
	int paths = 0, rc = 1;
	size_t i;

	if (argc == 2 && !strcmp(argv[1], "--paths")) {
		paths = 1;
	} else if (argc != 1) {
		vh_msgf("usage: venvhook list [--paths]");
		return VH_EXIT_USAGE;
	}
	if (vh_cwd(&cwd) == 0 && vh_discover(&found, cwd) < 0)
		goto done;
	if (vh_env_list_collect(&l, &found) < 0)
		goto done;
	for (i = 0; i < l.n; i++) {
		if (vh_buf_puts(&out, l.v[i].name) < 0 ||
		    (paths && (vh_buf_putc(&out, '\t') < 0 || vh_buf_puts(&out, l.v[i].path) < 0)) ||
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
