/* Subcommands, tmux-style: each cmd_*.c exports one table entry, which says
 * everything about its command (name, help, options, operands, whether it
 * changes the shell's state, how it runs); core/cmd/cmds.c lists them. One
 * parser reads every command's arguments from its entry (args.h); the
 * usage lines, --help, the usage errors, `venvhook call` and, at build
 * time, the completion files all come from the entries, and lint.bats
 * holds the man page's SYNOPSIS to the usage lines. */
#ifndef VH_CMD_H
#define VH_CMD_H

#include <stdio.h>

#include "core/cmd/args.h"

struct vh_shell;

/* Exit codes: 0 done, 1 failed at run time, 2 bad usage. */
#define VH_EXIT_USAGE 2

/* What a command's first argument names, for the completions. */
enum vh_cmd_arg {
	VH_CMD_ARG_NONE,
	VH_CMD_ARG_SHELL, /* one of the shells (init) */
	VH_CMD_ARG_ENV,   /* an env by name, as `venvhook list` prints them, or by path */
	/* a program on PATH, after the options; for a command that runs it
	 * (max_args -1), the rest of the line is that program's (exec) */
	VH_CMD_ARG_COMMAND,
	VH_CMD_ARG_PATHS, /* any number of paths: directories (allow, deny) */
};

/* One of a command's flags, for the completions (brief as vh_cmd's):
 * --long, or -X; with value (its name in the usage, "DIR"), it takes a
 * directory as the next argument. */
struct vh_cmd_option {
	const char *flag;
	const char *brief;
	const char *value;
};

struct vh_cmd {
	const char *name;
	/* Its operands as the usage line names them after the options
	 * ("NAME|PATH", "[PATH...]", "[--] COMMAND [ARG...]"), or NULL. */
	const char *operands;
	/* No user types it (call, the shell function's): not in --help, the
	 * completions or the man page, and no --help of its own. */
	int hidden;
	const char *summary; /* one line, for venvhook --help */
	/* A few words, for the completions' menus (no quote, no backslash);
	 * NULL: the completions leave the command out (export, the hook's own). */
	const char *brief;
	const char *help;    /* the rest of venvhook CMD --help */
	int (*more_help)(FILE *f); /* what follows it there, from elsewhere (init: the shells'), or NULL */
	/* Its flags, ended by { NULL }, or NULL for none (at most
	 * VH_CMD_MAX_OPTIONS): the parser takes them, the usage line and the
	 * completions offer them. */
	const struct vh_cmd_option *options;
	enum vh_cmd_arg arg;
	/* How many operands it takes (max -1: any), checked by the parser. */
	int min_args, max_args;
	/* Options come before the first operand, which starts a program's
	 * own arguments (exec). */
	int options_first;
	/* Every word is an operand (the hooks' own commands: call hands the
	 * user's words on to another command's parser). */
	int raw_args;
	/* It changes the shell's state: the shell function (or alias) that
	 * init defines runs it as `venvhook call SHELL NAME ARGS` and evals
	 * what it prints; init hands the hooks the list of these. */
	int changes_shell;
	/* It judges what only the shell can see (doctor): the shell function
	 * runs it through call as it runs those above, and with no operands
	 * it answers with the call of the hook's __venvhook_NAME, which
	 * gathers the shell's facts and runs `venvhook call SHELL NAME
	 * FACTS...` (the hooks hold no command's name). */
	int asks_shell;
	/* main does not say the config file's warnings before it runs: export
	 * says them itself, once a shell rather than at every cd; init reads
	 * no setting, and its warnings would come before export's. */
	int no_config_warnings;
	/* Run directly, with its parsed arguments; NULL when it only works
	 * through the shell function. Returns an exit code. */
	int (*run)(const struct vh_cmd *self, const struct vh_cmd_args *a);
	/* Through `venvhook call SHELL`, for sh, with its arguments parsed
	 * the same way; NULL: call hands the shell back a command line that
	 * runs the binary as usual. */
	int (*run_in)(const struct vh_cmd *self, const struct vh_shell *sh, const struct vh_cmd_args *a);
};

/* The table, in venvhook --help's order, NULL-terminated. */
extern const struct vh_cmd *const vh_cmds[];

extern const struct vh_cmd vh_cmd_init, vh_cmd_export, vh_cmd_activate, vh_cmd_deactivate,
	vh_cmd_allow, vh_cmd_deny, vh_cmd_status, vh_cmd_doctor, vh_cmd_config, vh_cmd_list,
	vh_cmd_exec, vh_cmd_which, vh_cmd_call, vh_cmd_guard;

/* The entry named name, or NULL. */
const struct vh_cmd *vh_cmd_find(const char *name);

/* "venvhook: usage: venvhook USAGE" on stderr (with the shells' names for
 * a command that takes one); returns VH_EXIT_USAGE. */
int vh_cmd_usage(const struct vh_cmd *c);

/* venvhook CMD --help: the usage line and the help on f. 0, or VH_EIO when
 * the write failed. */
int vh_cmd_help(FILE *f, const struct vh_cmd *c);

/* Each shell's rc file and rc line (from its registry entry), a line each
 * after indent. 0, or VH_EIO when a write failed. */
int vh_cmd_rc_lines(FILE *f, const char *indent);

/* Whether arg asks for help (--help or -h). */
int vh_is_help_arg(const char *arg);

/* The shell named name (see vh_shell_lookup), or NULL after saying so. */
const struct vh_shell *vh_cmd_shell(const char *name);

/* What export prints, for the directory the shell is in; key is the one
 * the hook holds (see watch.h), NULL when no hook asks (allow, deny and
 * the like through the shell function): then the watch is left as it is.
 * Returns an exit code. */
int vh_export_run(const struct vh_shell *sh, const char *key);

/* Appends the hook key's part that marks pin as this shell's own
 * `activate --force` (cmd_export.c). Returns 0 or VH_ENOMEM. */
struct vh_buf;
int vh_export_force_part(struct vh_buf *key, const char *pin);

#endif
