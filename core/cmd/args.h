/* A command's arguments as its table entry declares them (cmd.h): one
 * parser serves every command, so a flag is declared once (its entry's
 * options), is taken on either side of the operands (unless the entry says
 * options come first), and a wrong word gets one line that names it. The
 * usage line is made from the same entry. */
#ifndef VH_ARGS_H
#define VH_ARGS_H

#include "core/util/buf.h"

/* The most options a command declares. */
#define VH_CMD_MAX_OPTIONS 8

struct vh_cmd;

struct vh_cmd_args {
	/* One per entry of the command's options: NULL when not given; the
	 * flag itself for a flag, its value for an option that takes one. */
	const char *opt[VH_CMD_MAX_OPTIONS];
	char **pos; /* the operands, in their order */
	int npos;
	/* The words as given, argv[0] the command's name: untouched where
	 * options come first (exec matches them to a script's #! line). */
	char **argv;
	int argc;
};

/* Parses the argc words of argv (argv[0] is the command's name), moving the
 * operands to the front of argv[1...] (out->pos points there), but where
 * options come first (then the operands are argv's tail, in place). "--"
 * ends the options. Returns 0, or VH_EXIT_USAGE once stderr has what was wrong
 * and the usage line. */
int vh_cmd_parse(struct vh_cmd_args *out, const struct vh_cmd *c, int argc, char **argv);

/* The value given for c's option flag (the flag itself for one without a
 * value), or NULL when it was not given. */
const char *vh_cmd_opt(const struct vh_cmd_args *a, const struct vh_cmd *c, const char *flag);

/* "NAME [--flag] [-X VALUE] OPERANDS": the usage line of venvhook --help,
 * COMMAND --help, usage errors and the man page's SYNOPSIS. 0 or
 * VH_ENOMEM. */
int vh_cmd_synopsis(struct vh_buf *out, const struct vh_cmd *c);

#endif
