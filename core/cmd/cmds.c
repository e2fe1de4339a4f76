/* The command table: every cmd_*.c's entry, in venvhook --help's order. */
#include <string.h>

#include "shells/shell.h"
#include "core/util/buf.h"
#include "core/cmd/cmd.h"
#include "core/util/msg.h"
#include "core/util/suggest.h"

const struct vh_cmd *const vh_cmds[] = {
	&vh_cmd_init,
	&vh_cmd_export,
	&vh_cmd_activate,
	&vh_cmd_deactivate,
	&vh_cmd_allow,
	&vh_cmd_deny,
	&vh_cmd_status,
	&vh_cmd_doctor,
	&vh_cmd_config,
	&vh_cmd_list,
	&vh_cmd_exec,
	&vh_cmd_which,
	&vh_cmd_call,
	&vh_cmd_guard,
	NULL,
};

const struct vh_cmd *vh_cmd_find(const char *name)
{
	const struct vh_cmd *const *c;

	for (c = vh_cmds; *c; c++)
		if (!strcmp((*c)->name, name))
			return *c;
	return NULL;
}

int vh_cmd_usage(const struct vh_cmd *c)
{
	struct vh_buf line = VH_BUF_INIT;

	vh_cmd_synopsis(&line, c);
	if (c->arg == VH_CMD_ARG_SHELL)
		vh_msgf("usage: venvhook %s (SHELL one of: %s)", vh_buf_str(&line), vh_shell_names());
	else
		vh_msgf("usage: venvhook %s", vh_buf_str(&line));
	vh_buf_free(&line);
	return VH_EXIT_USAGE;
}

int vh_cmd_help(FILE *f, const struct vh_cmd *c)
{
	struct vh_buf line = VH_BUF_INIT;
	int rc = VH_EIO;

	if (vh_cmd_synopsis(&line, c) < 0)
		rc = VH_ENOMEM;
	else if (fprintf(f, "usage: venvhook %s\n\n%s", line.data, c->help) >= 0 &&
		 (!c->more_help || c->more_help(f) >= 0) && !fflush(f))
		rc = 0;
	vh_buf_free(&line);
	return rc;
}

int vh_is_help_arg(const char *arg)
{
	return arg && (!strcmp(arg, "--help") || !strcmp(arg, "-h"));
}

const struct vh_shell *vh_cmd_shell(const char *name)
{
	const struct vh_shell *sh = vh_shell_lookup(name);

	if (!sh) {
		struct vh_buf b = VH_BUF_INIT;
		const char *names[32], *like;
		size_t n = 0;

		for (n = 0; vh_shells[n] && n < sizeof(names) / sizeof(names[0]); n++)
			names[n] = vh_shells[n]->name;
		like = vh_suggest(name, names, n);
		vh_msg_escape(&b, name);
		if (like)
			vh_msgf("unknown shell '%s' (did you mean '%s'?; known: %s)", vh_buf_str(&b), like,
				vh_shell_names());
		else
			vh_msgf("unknown shell '%s' (known: %s)", vh_buf_str(&b), vh_shell_names());
		vh_buf_free(&b);
	}
	return sh;
}
