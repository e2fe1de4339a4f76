/* venvhook: makes Python virtual environments follow you around the shell. */
#include <stdio.h>
#include <string.h>

#include "../shells/shell.h"
#include "cmd.h"
#include "msg.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif

struct cmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
	const char *help;
};

static const struct cmd cmds[] = {
	{ "init", vh_cmd_init, "init SHELL",
	  "print the hook to load in your shell's rc file" },
	{ "export", vh_cmd_export, "export SHELL",
	  "print the code that moves the shell to the env of $PWD (the hook runs this)" },
	{ "activate", vh_cmd_needs_hook, "activate [--force] NAME|PATH",
	  "activate an env by name ($WORKON_HOME or the project) or path; it stays on across cd" },
	{ "deactivate", vh_cmd_needs_hook, "deactivate",
	  "deactivate; inside a project, automatic activation stays off until you leave it" },
	{ "allow", vh_cmd_allow, "allow [PATH]",
	  "trust the env of PATH (default: here) for automatic activation" },
	{ "deny", vh_cmd_deny, "deny [PATH]",
	  "never activate the env of PATH (default: here) automatically" },
	{ "list", vh_cmd_list, "list [--paths]",
	  "print the names of the envs in $WORKON_HOME and the current project" },
	{ "call", vh_cmd_call, NULL, NULL }, /* the shell function's way in */
	{ NULL, NULL, NULL, NULL },
};

static void usage(FILE *f)
{
	const struct cmd *c;

	fprintf(f, "usage: venvhook COMMAND [ARGS]\n\ncommands:\n");
	for (c = cmds; c->name; c++)
		if (c->usage)
			fprintf(f, "  %-30s %s\n", c->usage, c->help);
	fprintf(f, "\n  --help                         show this help\n"
		   "  --version                      show the version\n\n"
		   "shells: %s\n\n"
		   "Load the hook from your shell's rc file:\n"
		   "  bash, zsh (~/.bashrc, ~/.zshrc):  eval \"$(venvhook init bash)\"  (or zsh)\n"
		   "  fish (config.fish):              venvhook init fish | source\n"
		   "  tcsh, csh (~/.tcshrc, ~/.cshrc): eval \"`venvhook init tcsh`\"  (or csh)\n",
		vh_shell_names());
}

const struct vh_shell *vh_cmd_shell_arg(int argc, char **argv)
{
	const struct vh_shell *sh;

	if (argc != 2) {
		vh_msgf("usage: venvhook %s SHELL (one of: %s)", argv[0], vh_shell_names());
		return NULL;
	}
	sh = vh_shell_lookup(argv[1]);
	if (!sh) {
		struct vh_buf b = VH_BUF_INIT;

		vh_msg_escape(&b, argv[1]);
		vh_msgf("unknown shell '%s' (known: %s)", vh_buf_str(&b), vh_shell_names());
		vh_buf_free(&b);
	}
	return sh;
}

int main(int argc, char **argv)
{
	const struct cmd *c;

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
	for (c = cmds; c->name; c++)
		if (!strcmp(argv[1], c->name))
			return c->run(argc - 1, argv + 1);
	{
		struct vh_buf b = VH_BUF_INIT;

		vh_msg_escape(&b, argv[1]);
		vh_msgf("unknown command '%s'; see 'venvhook --help'", vh_buf_str(&b));
		vh_buf_free(&b);
	}
	return VH_EXIT_USAGE;
}
