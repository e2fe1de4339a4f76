/* venvhook config: the settings in force, in the config file's format, so
 * the output is a valid starting point for the file itself. */
#include <stdio.h>

#include "buf.h"
#include "cmd.h"
#include "msg.h"
#include "userconfig.h"

int vh_cmd_config(int argc, char **argv)
{
	struct vh_buf out = VH_BUF_INIT;
	int rc = 1;

	(void)argv;
	if (argc != 1) {
		vh_msgf("usage: venvhook config");
		return VH_EXIT_USAGE;
	}
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
