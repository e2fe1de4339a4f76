/* venvhook config: the settings in force, in the config file's format, so
 * the output is a valid starting point for the file itself. */
#include <stdio.h>

#include "core/util/buf.h"
#include "core/cmd/cmd.h"
#include "core/util/msg.h"
#include "core/decide/userconfig.h"

static int run(const struct vh_cmd *self, const struct vh_cmd_args *a)
{
	struct vh_buf out = VH_BUF_INIT;
	int rc = 1;

	(void)self, (void)a;
	if (vh_config.file) {
		if (vh_buf_puts(&out, "# ") < 0 || vh_msg_escape(&out, vh_config.file) < 0 ||
		    vh_buf_puts(&out, vh_config.found ? "\n" : " (not found: the defaults)\n") < 0)
			goto done;
	} else if (vh_buf_puts(&out, "# no config file: neither XDG_CONFIG_HOME nor HOME is set\n") < 0) {
		goto done;
	}
	if (vh_config_format(&out) < 0)
		goto done;
	if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout))
		goto done;
	rc = 0;
done:
	vh_buf_free(&out);
	return rc;
}

const struct vh_cmd vh_cmd_config = {
	.name = "config",
	.summary = "print the settings in force, as a config file would say them",
	.brief = "print the settings in force",
	.help = "Prints the settings venvhook uses, from $XDG_CONFIG_HOME/venvhook/config\n"
		"(default ~/.config/venvhook/config) or the defaults, in the file's own\n"
		"format: env_dirs, stop_at_git_root, quiet, follow_pointer_files, trust.\n",
	.min_args = 0,
	.max_args = 0,
	.run = run,
};
