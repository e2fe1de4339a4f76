/* venvhook deactivate: the env off; inside a project, its env stays off
 * until the shell leaves it. Works through the shell function, as
 * activate does. */
#include <stdlib.h>
#include <string.h>

#include "core/output/apply.h"
#include "core/cmd/cmd.h"
#include "core/find/discover.h"
#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/decide/want.h"

static int run_in(const struct vh_cmd *self, const struct vh_shell *sh, const struct vh_cmd_args *a)
{
	struct vh_wanted w;
	struct vh_state now;
	char *cwd = NULL;
	int rc = 1, r;

	/* `deactivate nondestructive` is how the activate scripts clear an
	 * env before theirs; it reaches here through the deactivate habit. */
	if (a->npos && strcmp(a->pos[0], "nondestructive"))
		return vh_cmd_usage(self);
	vh_state_read(&now);
	if (vh_cwd(&cwd) < 0)
		cwd = NULL;
	r = vh_want_none(&w, &now, cwd);
	vh_msg_lines(&w.say);
	if (r == VH_ENOMEM)
		goto oom;
	if (r < 0)
		goto done;
	r = vh_apply(sh, &now, &w.want);
	if (r == VH_ENOMEM)
		goto oom;
	if (r < 0)
		goto done;
	rc = 0;
	if (w.found.env && !vh_quiet())
		vh_msg_path("automatic activation is off in ", w.found.owner, " until you leave it");
	goto done;
oom:
	vh_msgf("out of memory");
done:
	vh_wanted_free(&w);
	free(cwd);
	return rc;
}

const struct vh_cmd vh_cmd_deactivate = {
	.name = "deactivate",
	.summary = "deactivate; inside a project, automatic activation stays off until you leave it",
	.brief = "deactivate the env venvhook activated",
	.help = "Deactivates the env venvhook activated. Inside a project, that project's\n"
		"env stays off until you leave the project.\n"
		"Works through the shell function that init defines.\n",
	/* `deactivate nondestructive`, not in the usage: only scripts say it */
	.max_args = 1,
	.changes_shell = 1,
	.run_in = run_in,
};
