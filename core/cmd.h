/* Subcommands, one file each, collected in main.c's table. */
#ifndef VH_CMD_H
#define VH_CMD_H

/* Exit codes: 0 done, 1 failed at run time, 2 bad usage. */
#define VH_EXIT_USAGE 2

int vh_cmd_init(int argc, char **argv);
int vh_cmd_export(int argc, char **argv);
int vh_cmd_list(int argc, char **argv);
int vh_cmd_call(int argc, char **argv);
int vh_cmd_needs_hook(int argc, char **argv);

/* The shell named by argv[1] of a subcommand, or NULL after printing why. */
struct vh_shell;
const struct vh_shell *vh_cmd_shell_arg(int argc, char **argv);

#endif
