/* Which command made an env: the made-here rule's reading of the command
 * lines the user just ran (issue 21; the man page's Made here says it for
 * users).
 *
 * An env that appears while the user sits at a prompt is theirs with no
 * command only when the command line that made it is one of theirs that
 * makes envs (python -m venv, virtualenv, uv, poetry, pipenv, pdm, hatch,
 * conda create -p, pixi install,
 * rye...) naming that env or working in its project, and no command on the
 * lines read brought files that could be it (tar, unzip, git clone, cp, mv,
 * rsync, curl...). The lines are the shell's own record of what the user
 * typed, which no project file can write; the hook hands them to `venvhook
 * export` through the environment, never argv. This module only reads
 * them: when an env counts as new, and which lines are read for it, is the
 * policy's (policy.c). It reads them as the shell would, word by word, with
 * quotes, escapes, substitutions, heredocs and the dialect's own rules, and
 * where it cannot tell what a word or a region is it reads it the careful
 * way: a command that brings files counts wherever it might run (a
 * comment, a heredoc, the text of sh -c), one that makes envs only where it
 * surely runs. Linear in the input, bounded nesting, no allocation per
 * byte. The one thing it asks the file system: for a pixi line and
 * pixi's env, the real paths and the manifests pixi's own walk up would
 * meet (realpath, lstat; no file is opened). */
#ifndef VH_MADEBY_H
#define VH_MADEBY_H

#include <stddef.h>

/* How a shell reads a line (its registry entry says; POSIX is the default). */
enum vh_dialect {
	VH_DIALECT_POSIX = 0, /* the Bourne family */
	VH_DIALECT_FISH,      /* '...' with \' and \\; (cmd) substitutes anywhere */
	VH_DIALECT_CSH,       /* the C shells */
	/* a syntax of its own (shells/shell.h: line_dialect): read as POSIX where
	 * they agree, and a command venvhook does not know makes the lines
	 * unreadable (it may fetch or unpack in that syntax's own terms) */
	VH_DIALECT_OTHER,
};

/* A program that runs the command string after -c, and how it reads it
 * (the shell registry lists them: vh_shell_programs, shells/shell.h). */
struct vh_dialect_program {
	const char *name;
	enum vh_dialect dialect;
};

enum vh_madeby_verdict {
	VH_MADEBY_NONE = 0, /* no command read makes this env */
	VH_MADEBY_MADE,     /* one makes it, and none brought files to it */
	VH_MADEBY_BROUGHT,  /* one could have brought it (by: which) */
};

struct vh_madeby {
	enum vh_madeby_verdict verdict;
	char by[48]; /* the command that made or brought it: "python3 -m venv", "tar", "git clone" */
};

struct vh_madeby_ask {
	/* The lines the user ran since the last export, in order, each ended
	 * by the byte 037 (the last may end at len instead). */
	const char *lines;
	size_t len;
	/* Where each line started: the first in from when given (it was
	 * running at the last export, started before it), every other one in
	 * base, the directory of the last export: no line since ran a cd that
	 * worked, or it would have exported. NULL: not known (relative paths
	 * then name nothing until a cd to an absolute one). */
	const char *from;
	const char *base;
	/* $HOME for cd and ~ (or NULL) */
	const char *home;
	/* The env, absolute as discovery found it, and its real path (or NULL). */
	const char *env;
	const char *real;
	/* 1: only the last line counts; 0: all of them. */
	int last_only;
	enum vh_dialect dialect;
	/* the shells a line may run with -c (NULL-name-terminated), or NULL */
	const struct vh_dialect_program *programs;
	/* 1: PIXI_NO_INSTALL or PIXI_PROJECT_MANIFEST is set, which change what
	 * pixi installs: no pixi line makes an env (nor where the lines name
	 * either) */
	int pixi_vars;
};

/* Judges ask into out. Returns 0 or VH_ENOMEM. */
int vh_madeby_judge(struct vh_madeby *out, const struct vh_madeby_ask *ask);

/* What the hook hands export in __venvhook_cmdlines (see the hooks):
 *
 *     FLAGS \036 FROM \036 LINE \037 LINE \037 ... LINE \036
 *
 * exactly three fields, each ended by the byte 036 (RS): FLAGS says what
 * the shell could not see ("g": a line since is missing from its history;
 * "t": there were more lines than it hands over, and it hands over the
 * last alone; "b": it could not tell where each line ends); FROM is the
 * directory the first line started in when that line was running at the
 * last export (a cd in it exported), else empty; then the lines run since
 * the last export, from that one on, each ended by the byte 037 (US). A
 * line that holds the byte 036 itself makes the count wrong, and the whole
 * is refused as unreadable. Reading them costs the hook a process in some
 * shells, so it first runs export with the value "?", and only when the
 * rule needs them (an env appeared) does export ask for them (see
 * cmd_export.c). */
enum vh_lines_state {
	VH_LINES_NONE = 0, /* the shell handed nothing (one without a prompt hook) */
	VH_LINES_OK,
	VH_LINES_GAP,      /* some line since is not in the shell's history */
	VH_LINES_CUT,      /* more lines than were handed over: the last alone */
	VH_LINES_BAD,      /* not in the format above (a line holds 036), or too big */
	VH_LINES_ASK,      /* "?": the hook has not read them, and will if asked */
};

struct vh_lines {
	enum vh_lines_state state;
	const char *from;  /* NUL-terminated, or NULL */
	const char *lines; /* len bytes, each line ended by 037 */
	size_t len;
	char *copy;        /* what they point into */
};

/* The most bytes read from __venvhook_cmdlines: more is refused (BAD). */
#define VH_LINES_MAX (256 * 1024)

/* Reads value (the variable's, or NULL) into l. Returns 0 or VH_ENOMEM;
 * free l with vh_lines_free. */
int vh_lines_read(struct vh_lines *l, const char *value);

/* The same from a shell that cannot build that value: the variable is
 * "-FLAGS", from is FROM, and text (len bytes, what it wrote on export's
 * stdin) holds the lines one per line. Returns 0 or VH_ENOMEM. */
int vh_lines_read_list(struct vh_lines *l, const char *value, const char *from, const char *text,
		       size_t len);
void vh_lines_free(struct vh_lines *l);

#endif
