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

/* Records an allow or deny for the env each of the n paths means (none:
 * here) and says so; returns an exit code (1 when any failed). */
enum vh_decision;
int vh_trust_decide(enum vh_decision decision, int n, char **paths);

/* One line for a decision that could not be written: "<why> <file>:
 * <errno's text>; <after>" (why and file from vh_trust_record). */
void vh_cmd_record_failed(const char *why, const char *file, const char *after);
int vh_cmd_needs_hook(int argc, char **argv);

/* What export prints, for the directory the shell is in; key is the one
 * the hook holds (see watch.h), NULL when no hook asks (allow, deny and
 * the like through the shell function): then the watch is left as it is.
 * Returns an exit code. */
struct vh_shell;
int vh_export_run(const struct vh_shell *sh, const char *key);

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
