/* Subcommands, one file each, collected in main.c's table. */
#ifndef VH_CMD_H
#define VH_CMD_H

/* Exit codes: 0 done, 1 failed at run time, 2 bad usage. */
#define VH_EXIT_USAGE 2

int vh_cmd_init(int argc, char **argv);
int vh_cmd_export(int argc, char **argv);
int vh_cmd_list(int argc, char **argv);
int vh_cmd_config(int argc, char **argv);
int vh_cmd_status(int argc, char **argv);
int vh_cmd_doctor(int argc, char **argv);
/* doctor through the shell function: argv holds what the shell sees. */
struct vh_shell;
int vh_doctor(const struct vh_shell *sh, int argc, char **argv);
int vh_cmd_call(int argc, char **argv);
int vh_cmd_allow(int argc, char **argv);
int vh_cmd_deny(int argc, char **argv);

/* Records an allow or deny for the env arg means (NULL: here) and says so;
 * returns an exit code. */
enum vh_verdict;
int vh_trust_decide(enum vh_verdict verdict, const char *arg);
int vh_cmd_needs_hook(int argc, char **argv);

/* What export prints, for the directory the shell is in; recheck asks the
 * trust policy again about the env already active; names_key (tcsh) asks
 * for the env names when the list the shell holds is not that of here.
 * Returns an exit code. */
struct vh_shell;
int vh_export_run(const struct vh_shell *sh, int recheck, const char *names_key);

/* venvhook CMD --help: CMD's usage line and description on f; -1 for a
 * command without help (call, or none) or a failed write. */
#include <stdio.h>
int vh_cmd_help(FILE *f, const char *name);
/* Whether arg asks for help (--help or -h). */
int vh_is_help_arg(const char *arg);

/* The shell named by argv[1] of a subcommand, or NULL after printing why. */
struct vh_shell;
const struct vh_shell *vh_cmd_shell_arg(int argc, char **argv);

#endif
