/* Which command made an env: the made-here rule's reading of the command
 * lines the user just ran (issue 21; doc/made-here.md says it for users).
 *
 * An env that appears while the user sits at a prompt is theirs with no
 * command only when the command line that made it is one of theirs that
 * makes envs (python -m venv, virtualenv, uv, poetry, pipenv, pdm, hatch,
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
 * byte. */
#ifndef VH_MADEBY_H
#define VH_MADEBY_H

#include <stddef.h>

/* How a shell reads a line (its registry entry says; POSIX is the default). */
enum vh_dialect {
	VH_DIALECT_POSIX = 0, /* sh, bash, zsh, ksh */
	VH_DIALECT_FISH,      /* '...' with \' and \\; (cmd) substitutes anywhere */
	VH_DIALECT_CSH,       /* csh, tcsh */
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
	/* The lines the user ran, in order: the last one alone, and those
	 * before it since the window began (either may be NULL). */
	const char *earlier;
	size_t earlier_len;
	const char *line;
	size_t line_len;
	/* The absolute directory the first of them started in, and the one
	 * the last started in (NULL: not known; relative paths name nothing
	 * then until a cd to an absolute one; without line_from the last
	 * starts where the earlier ones left); $HOME for cd and ~ (or NULL). */
	const char *from;
	const char *line_from;
	const char *home;
	/* The env, absolute as discovery found it, and its real path (or NULL). */
	const char *env;
	const char *real;
	/* 1: only the last line's commands count (the earlier ones still move
	 * the directory); 0: all of them. */
	int last_only;
	enum vh_dialect dialect;
};

/* Judges ask into out. Returns 0 or VH_ENOMEM. */
int vh_madeby_judge(struct vh_madeby *out, const struct vh_madeby_ask *ask);

/* What the hook hands export in __VENVHOOK_LINES (see the hooks):
 *
 *     FLAGS \036 FROM \036 EARLIER \036 LFROM \036 LINE \036
 *
 * exactly five fields, each ended by the byte 036 (RS): FLAGS says what
 * the shell could not see ("g": a line since is missing from its history;
 * "t": there were more lines than it hands over, and it hands over the
 * last alone; "b": it could not tell where each line ends), FROM the
 * directory the first of the lines started in, EARLIER the lines before
 * the last since the last export (from the one that was last then, which
 * may have been running), one after another, LFROM the directory the last
 * started in, LINE the last line (the one just run, or running when a cd
 * inside it exports). A line that holds the byte 036
 * itself makes the count wrong, and the whole is refused as unreadable.
 * Reading them costs the hook a process in some shells, so it first runs
 * export with the value "?", and only when the rule needs them (an env
 * appeared) does export ask for them (see cmd_export.c). */
enum vh_lines_state {
	VH_LINES_NONE = 0, /* the shell handed nothing (csh, a hook without it) */
	VH_LINES_OK,
	VH_LINES_GAP,      /* some line since is not in the shell's history */
	VH_LINES_CUT,      /* more lines than were handed over */
	VH_LINES_BAD,      /* not in the format above (a line holds 036), or too big */
	VH_LINES_ASK,      /* "?": the hook has not read them, and will if asked */
};

struct vh_lines {
	enum vh_lines_state state;
	/* into a copy the struct owns; from and line_from NUL-terminated */
	const char *from, *earlier, *line_from, *line;
	size_t earlier_len, line_len;
	char *copy;
};

/* The most bytes read from __VENVHOOK_LINES: more is refused (BAD). */
#define VH_LINES_MAX (256 * 1024)

/* Reads value (the variable's, or NULL) into l. Returns 0 or VH_ENOMEM;
 * free l with vh_lines_free. */
int vh_lines_read(struct vh_lines *l, const char *value);

/* The same from a shell that cannot build that value (tcsh): the variable
 * is "-FLAGS", from and line_from as FROM and LFROM, and text (len bytes,
 * what it wrote on export's stdin) the lines one per line, the last being
 * LINE. Returns 0 or VH_ENOMEM. */
int vh_lines_read_list(struct vh_lines *l, const char *value, const char *from,
		       const char *line_from, const char *text, size_t len);
void vh_lines_free(struct vh_lines *l);

#endif
