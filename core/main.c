/* venvhook: makes Python virtual environments follow you around the shell.
 * Finds the command's entry in the table (core/cmd/cmds.c) and runs it. */
#include <stdio.h>
#include <string.h>

#include "shells/shell.h"
#include "core/util/buf.h"
#include "core/cmd/cmd.h"
#include "core/util/compat.h"
#include "core/util/msg.h"
#include "core/util/suggest.h"
#include "core/decide/userconfig.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif

static void usage(FILE *f)
{
	const struct vh_cmd *const *c;
	struct vh_buf line = VH_BUF_INIT;

	/* Two blanks at least between the columns: tests split on them. */
	fprintf(f, "usage: venvhook COMMAND [ARGS]\n\ncommands:\n");
	for (c = vh_cmds; *c; c++) {
		vh_buf_reset(&line);
		if (!(*c)->hidden && vh_cmd_synopsis(&line, *c) == 0)
			fprintf(f, "  %-29s  %s\n", line.data, (*c)->summary);
	}
	vh_buf_free(&line);
	fprintf(f, "\n  --help                         show this help\n"
		   "  --version                      show the version\n"
		   "  COMMAND --help                 show that command's help\n\n"
		   "shells: %s\n\n"
		   "Load the hook from your shell's rc file:\n",
		vh_shell_names());
	vh_cmd_rc_lines(f, "  ");
	fputs("\nSee man venvhook.\n", f);
}

/* A command that changes the shell's state, run directly: it could not. */
static int needs_hook(const struct vh_cmd *c)
{
	vh_msgf("venvhook %s changes your shell's environment, so it works through the "
		"'venvhook' shell function: load it from your rc file (venvhook --help shows"
		" the line for each shell)", c->name);
	return VH_EXIT_USAGE;
}

int main(int argc, char **argv)
{
	const struct vh_cmd *c;
	struct vh_cmd_args a;
	int rc;

	vh_self_init(argv[0]);
	if (argc < 2) {
		usage(stderr);
		return VH_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
		printf("venvhook %s\n", PACKAGE_VERSION);
		return 0;
	}
	c = vh_cmd_find(argv[1]);
	if (!c) {
		struct vh_buf b = VH_BUF_INIT;
		const char *names[32], *like;
		size_t k = 0, i;

		for (i = 0; vh_cmds[i] && k < sizeof(names) / sizeof(names[0]); i++)
			if (!vh_cmds[i]->hidden)
				names[k++] = vh_cmds[i]->name;
		like = vh_suggest(argv[1], names, k);
		vh_msg_escape(&b, argv[1]);
		if (like)
			vh_msgf("unknown command '%s' (did you mean '%s'?); see 'venvhook --help'",
				vh_buf_str(&b), like);
		else
			vh_msgf("unknown command '%s'; see 'venvhook --help'", vh_buf_str(&b));
		vh_buf_free(&b);
		return VH_EXIT_USAGE;
	}
	/* Only right after the command: `allow ./-h` names a directory. */
	if (!c->hidden && argc > 2 && vh_is_help_arg(argv[2]))
		return vh_cmd_help(stdout, c) ? 1 : 0;
	if (!c->run)
		return needs_hook(c);
	rc = vh_cmd_parse(&a, c, argc - 1, argv + 1);
	if (rc)
		return rc;
	if (vh_config_load() < 0) {
		vh_msgf("out of memory");
		return 1;
	}
	/* (export says them once a shell, as it can) */
	if (!c->no_config_warnings)
		vh_msg_lines(&vh_config.warnings);
	return c->run(c, &a);
}
