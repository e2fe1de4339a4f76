/* cmdtable: prints venvhook's command table and its shells as lines of
 * tab-separated fields, for build-aux/completion.sh, which makes the
 * completion files from them at build time (so that they cannot drift
 * from the table):
 *
 *     shell    NAME
 *     command  NAME  ARG  BRIEF      (ARG: none, shell, env, command,
 *                                     commandline: COMMAND and its own words,
 *                                     or paths: any number of directories)
 *     option   COMMAND  FLAG  BRIEF  VALUE   (VALUE: "-", or DIR: a directory follows)
 *
 * Hidden commands (call) and those without a brief (export) are left out.
 * Fails on a text the completion files could not carry as it is. */
#include <stdio.h>
#include <string.h>

#include "core/cmd/cmd.h"
#include "shells/shell.h"

static int bad(const char *what, const char *name, const char *s)
{
	if (!s || !*s || strpbrk(s, "'\"\\\t\n`$")) {
		fprintf(stderr, "cmdtable: %s of %s: %s: empty, or holds a quote, backslash, tab,"
			" newline, backquote or $\n", what, name, s ? s : "(none)");
		return 1;
	}
	return 0;
}

int main(void)
{
	static const char *const args[] = { "none", "shell", "env", "command", "paths" };
	const struct vh_cmd *const *c;
	const struct vh_cmd_option *o;
	const char *names = vh_shell_names(), *e;
	int fails = 0;

	/* vh_shell_names() is "bash, zsh, ..." */
	while (*names) {
		e = strchr(names, ',');
		if (!e)
			e = names + strlen(names);
		printf("shell\t%.*s\n", (int)(e - names), names);
		names = *e ? e + 2 : e;
	}
	for (c = vh_cmds; *c; c++) {
		if ((*c)->hidden || !(*c)->brief)
			continue;
		fails += bad("the brief", (*c)->name, (*c)->brief);
		/* a command whose COMMAND takes the rest of the line: commandline */
		printf("command\t%s\t%s%s\t%s\n", (*c)->name, args[(*c)->arg],
		       (*c)->arg == VH_CMD_ARG_COMMAND && (*c)->max_args < 0 ? "line" : "", (*c)->brief);
		for (o = (*c)->options; o && o->flag; o++) {
			fails += bad("the brief", o->flag, o->brief);
			/* --long, or -X */
			fails += o->flag[0] != '-' || (o->flag[1] != '-' && (!o->flag[1] || o->flag[2])) ||
				 bad("the flag", (*c)->name, o->flag);
			fails += o->value && (strcmp(o->value, "DIR") || bad("the value", o->flag, o->value));
			printf("option\t%s\t%s\t%s\t%s\n", (*c)->name, o->flag, o->brief,
			       o->value ? o->value : "-");
		}
	}
	if (fflush(stdout) || ferror(stdout))
		fails++;
	return fails ? 1 : 0;
}
