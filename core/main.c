/* venvhook: makes Python virtual environments follow you around the shell. */
#include <stdio.h>
#include <string.h>

#include "../shells/shell.h"
#include "cmd.h"
#include "compat.h"
#include "msg.h"
#include "userconfig.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "unknown"
#endif

struct cmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage; /* also the man page's SYNOPSIS line: keep them alike */
	const char *help;  /* one line, for venvhook --help */
	const char *more;  /* the rest of venvhook CMD --help */
};

static const struct cmd cmds[] = {
	{ "init", vh_cmd_init, "init SHELL [--prompt]",
	  "print the hook to load in your shell's rc file (--prompt: the env's name in the prompt too)",
	  "Prints the hook for SHELL (bash, zsh, fish, tcsh or csh; a path or a\n"
	  "login name such as -bash also does). Load it from the end of the rc file:\n"
	  "  bash, zsh:  eval \"$(venvhook init bash)\"   (or zsh)\n"
	  "  fish:       status is-interactive; and venvhook init fish | source\n"
	  "  tcsh, csh:  eval \"`venvhook init tcsh`\"   (or csh)\n"
	  "With --prompt (bash, zsh, fish, tcsh), the prompt also shows (NAME) of the\n"
	  "active env, from VIRTUAL_ENV_PROMPT, unless VIRTUAL_ENV_DISABLE_PROMPT is set.\n" },
	{ "export", vh_cmd_export, "export SHELL",
	  "print the code that moves the shell to the env of $PWD (the hook runs this)",
	  "Finds the env of the current directory and prints the SHELL code that\n"
	  "activates it, switches to it or deactivates the one venvhook activated;\n"
	  "nothing when nothing changes. The hook runs it when the directory changes.\n" },
	{ "activate", vh_cmd_needs_hook, "activate [--force] NAME|PATH",
	  "activate an env by name ($WORKON_HOME or the project) or path; it stays on across cd",
	  "NAME is an env in $WORKON_HOME (default ~/.virtualenvs), else in a\n"
	  "tool's store as venvhook list names it, or else the project's .venv or\n"
	  "venv; PATH (anything with a '/', or '.') is an env\n"
	  "directory. The env stays active across cd until you deactivate it.\n"
	  "A denied env, or one anyone can write to, needs --force.\n"
	  "Works through the shell function that init defines.\n" },
	{ "deactivate", vh_cmd_needs_hook, "deactivate",
	  "deactivate; inside a project, automatic activation stays off until you leave it",
	  "Deactivates the env venvhook activated. Inside a project, that project's\n"
	  "env stays off until you leave the project.\n"
	  "Works through the shell function that init defines.\n" },
	{ "allow", vh_cmd_allow, "allow [PATH...]",
	  "trust the env of each PATH (default: here) for automatic activation",
	  "Trusts the env of each PATH (an env, or a directory whose env discovery\n"
	  "finds) for automatic activation, bound to that env directory and, where\n"
	  "git tracks files in it, to those files as they are now: a new directory\n"
	  "at the same path, or a pull that changes them, needs allowing again.\n"
	  "Through the shell function it applies at once.\n" },
	{ "deny", vh_cmd_deny, "deny [PATH...]",
	  "never activate the env of each PATH (default: here) automatically",
	  "Keeps the env of each PATH off whatever it holds; a deny beats an allow.\n"
	  "Through the shell function it applies at once.\n" },
	{ "status", vh_cmd_status, "status [--json]",
	  "say what is active and why, and what discovery finds here",
	  "Prints the active env and who activated it (venvhook on entering its\n"
	  "project, venvhook activate, or something outside venvhook), the env\n"
	  "discovery finds for the current directory and by which rule (or the git\n"
	  "work-tree root the walk stopped at), its Python version from pyvenv.cfg,\n"
	  "the trust decision, a pause, and the config file. --json prints the same\n"
	  "as one JSON object for scripts.\n" },
	{ "doctor", vh_cmd_doctor, "doctor",
	  "check this shell's setup and say what to fix",
	  "Checks the setup of the shell it runs from and says what to fix: the\n"
	  "hook not loaded, loaded more than once, no longer run (PROMPT_COMMAND,\n"
	  "chpwd_functions or cwdcmd reset after venvhook), another tool (direnv,\n"
	  "pyenv-virtualenv, zsh-autoswitch-virtualenv, virtualfish) also switching\n"
	  "envs, PS1 exported, a WORKON_HOME that is not a directory, a config file\n"
	  "with bad lines. Exit 1 when a problem is found. Works through the shell\n"
	  "function, which tells it what the shell sees.\n" },
	{ "config", vh_cmd_config, "config",
	  "print the settings in force, as a config file would say them",
	  "Prints the settings venvhook uses, from $XDG_CONFIG_HOME/venvhook/config\n"
	  "(default ~/.config/venvhook/config) or the defaults, in the file's own\n"
	  "format: env_dirs, stop_at_git_root, quiet, follow_pointer_files, trust.\n" },
	{ "list", vh_cmd_list, "list [--paths] [--] [PREFIX]",
	  "print the names of the envs in $WORKON_HOME, the tools' stores and the project",
	  "Prints the names activate takes, one a line, sorted: $WORKON_HOME's, those\n"
	  "of the Poetry, pipenv and pyenv stores as those tools name them, and the\n"
	  "current project's. With PREFIX, only the names that start with it (what\n"
	  "completion asks for); --paths adds a tab and each env's path.\n" },
	{ "call", vh_cmd_call, NULL, NULL, NULL }, /* the shell function's way in */
	{ NULL, NULL, NULL, NULL, NULL },
};

static void usage(FILE *f)
{
	const struct cmd *c;

	/* Two blanks at least between the columns: tests split on them. */
	fprintf(f, "usage: venvhook COMMAND [ARGS]\n\ncommands:\n");
	for (c = cmds; c->name; c++)
		if (c->usage)
			fprintf(f, "  %-29s  %s\n", c->usage, c->help);
	fprintf(f, "\n  --help                         show this help\n"
		   "  --version                      show the version\n"
		   "  COMMAND --help                 show that command's help\n\n"
		   "shells: %s\n\n"
		   "Load the hook from your shell's rc file:\n"
		   "  bash, zsh (~/.bashrc, ~/.zshrc):  eval \"$(venvhook init bash)\"  (or zsh)\n"
		   "  fish (config.fish):              status is-interactive; and venvhook init fish | source\n"
		   "  tcsh, csh (~/.tcshrc, ~/.cshrc): eval \"`venvhook init tcsh`\"  (or csh)\n\n"
		   "See man venvhook.\n",
		vh_shell_names());
}

int vh_is_help_arg(const char *arg)
{
	return arg && (!strcmp(arg, "--help") || !strcmp(arg, "-h"));
}

int vh_cmd_help(FILE *f, const char *name)
{
	const struct cmd *c;

	for (c = cmds; c->name; c++)
		if (c->usage && !strcmp(c->name, name))
			break;
	if (!c->name)
		return -1;
	if (fprintf(f, "usage: venvhook %s\n\n%s", c->usage, c->more) < 0 ||
	    fflush(f))
		return -1;
	return 0;
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
	for (c = cmds; c->name; c++) {
		if (strcmp(argv[1], c->name))
			continue;
		/* Only right after the command: `allow ./-h` names a directory. */
		if (c->usage && argc > 2 && vh_is_help_arg(argv[2]))
			return vh_cmd_help(stdout, c->name) ? 1 : 0;
		if (vh_config_load() < 0) {
			vh_msgf("out of memory");
			return 1;
		}
		return c->run(argc - 1, argv + 1);
	}
	{
		struct vh_buf b = VH_BUF_INIT;

		vh_msg_escape(&b, argv[1]);
		vh_msgf("unknown command '%s'; see 'venvhook --help'", vh_buf_str(&b));
		vh_buf_free(&b);
	}
	return VH_EXIT_USAGE;
}
