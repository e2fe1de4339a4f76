/* The shell registry: one entry per shell, and everything core needs to
 * know about it. core/ goes through this interface and never writes shell
 * syntax nor names a shell. The entries are listed by shells/shell.c in
 * the order of configure.ac's list of shells (VH_SHELL_TABLE), which also
 * says which hooks/ files each has. */
#ifndef VH_SHELL_H
#define VH_SHELL_H

#include <stddef.h>

#include "core/util/buf.h"
#include "core/trust/madeby.h"

struct vh_cmd;
struct vh_doctor;

/* What doctor checks of the hook's wiring: each wire, in order, must hold
 * (the fact fact holds needle, when the fact when is "1" or when is NULL);
 * the first that does not is a problem, said as problem, and if all hold
 * the check is fine, said as ok. */
struct vh_shell_wire {
	const char *fact, *needle, *when, *problem;
};
struct vh_shell_check {
	const char *ok; /* NULL ends the list */
	struct vh_shell_wire wire[3]; /* ended by a NULL fact */
};

/* A file the user edits and the line to add to it (%s: how to call
 * venvhook). */
struct vh_shell_rc {
	const char *file, *line;
};

/* A shell family's emitter. Each appends to out and returns 0, VH_ENOMEM, or
 * VH_EUNSAYABLE when this shell cannot carry a value safely, which is
 * when unsayable says why (nothing useful is left in out then)
 * (core/util/err.h). */
struct vh_emitter {
	/* s as one word that evaluates to exactly s. */
	int (*quote)(struct vh_buf *out, const char *s);
	int (*set_env)(struct vh_buf *out, const char *name, const char *value);
	int (*unset_env)(struct vh_buf *out, const char *name);
	/* PATH from a ':'-separated list (fish keeps PATH as a list). */
	int (*set_path)(struct vh_buf *out, const char *list);
	/* PATH changed in place, with the shell's own operations, from the
	 * value now (what venvhook read, the shell's own): the first entry
	 * equal to remove taken out (it is one of now's entries), then prepend
	 * put first, joined by ':' unless what is left is empty; either may be
	 * NULL. Keeps a switch's code small whatever PATH holds. Returns 0;
	 * VH_EUNSAYABLE (nothing appended) when this shell cannot say it so,
	 * and set_path is used with the whole new value; VH_ENOMEM. NULL:
	 * always set_path. */
	int (*edit_path)(struct vh_buf *out, const char *now, const char *remove,
			 const char *prepend);
	/* An env's own variable set or unset (core/output/render.c): a name
	 * of the user's too, which the shell may hold read-only or as an
	 * array. As set_env and unset_env, but a failed assignment stops
	 * nothing after it (zsh stops the whole eval at one). NULL: set_env
	 * and unset_env, where a failed one stops nothing. */
	int (*set_own)(struct vh_buf *out, const char *name, const char *value);
	int (*unset_own)(struct vh_buf *out, const char *name);
	/* A shell variable of venvhook's own, not exported. */
	int (*set_local)(struct vh_buf *out, const char *name, const char *value);
	/* A list variable of venvhook's own, not exported (n may be 0). */
	int (*set_list)(struct vh_buf *out, const char *name, const char *const *values, size_t n);
};

struct vh_shell {
	const char *name;
	/* Other names init and export take for it ("nushell"), NULL-ended;
	 * NULL: none. */
	const char *const *aliases;
	const char *hook; /* hooks/venvhook.<name>, embedded at build time */
	/* hooks/prompt.<name>, printed after the rest by `init SHELL --prompt`,
	 * or NULL where the shell has no way to show it; no_prompt then says
	 * why (a sentence fragment after "NAME "). */
	const char *prompt;
	const char *no_prompt;
	/* Appends the completion, which init prints before the hook (after
	 * the lines that give it the binary), from the command table cmds
	 * (NULL-terminated); NULL where the shell loads its own file
	 * (completions/) or has none. tcsh: its completion is no file a tcsh
	 * would load by itself; nushell, xonsh, elvish: lists their hook's
	 * completer reads (vh_shell_completion_lists). */
	int (*completion)(struct vh_buf *out, const struct vh_shell *sh,
			  const struct vh_cmd *const *cmds);

	/* The rc files and the line to add to each, in the order the shell
	 * reads them, for --help, the man page and init's refusals; ended by
	 * a NULL file. One for a shell that evals init's output; two for one
	 * that cannot eval text (nushell: a file it reads first saves init's
	 * output, the next sources it). */
	struct vh_shell_rc rc[3];
	/* The file init's output is saved to, for a shell whose rc sources
	 * it (nushell), else NULL: doctor's advice when it is stale. */
	const char *saved_init;

	/* init's output: the hook (body: the variables it starts with, the
	 * hook file, completion and prompt) behind the guard that, in any
	 * other shell that could eval it, prints one line naming the rc line
	 * for that shell and defines nothing (shells/guard.c; exe: the path
	 * the hook calls). */
	int (*guard)(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		     const char *body);
	/* The POSIX family: a test, in sh words holding no ' and no \, that
	 * holds in this shell and in no other shell of the registry (every
	 * guard asks it); and, where the hook needs a newer version than some
	 * have, a test that holds when this one is new enough and the command
	 * that says it is not in one line on stderr (same rules). NULL
	 * otherwise. */
	const char *sh_test, *sh_new, *sh_old_say;
	/* The csh family: a csh expression that holds in this shell and not in
	 * the others of the family. */
	const char *csh_test;
	/* The rc line evals init's output as one joined line (the csh family;
	 * configure.ac's list says one-line too, and the hooks are embedded
	 * without their comment lines then): a value holding a newline cannot
	 * travel. */
	int one_line;
	/* Ends a statement in what the shell evals ("\n"; " ;\n" where the
	 * lines are joined). A call of one of the hook's own functions or
	 * aliases is its name and this, unless call says otherwise. */
	const char *end;
	/* How such a call is written, %s its name ("%s()\n" in Python), or
	 * NULL. */
	const char *call;
	/* Why the hook cannot call the binary at path (a sentence fragment
	 * after "cannot write a hook that calls PATH"), or NULL when it can
	 * (NULL: any path it can quote). */
	const char *(*bad_exe)(const char *path);
	/* The completion reads the env names from a list variable that export
	 * keeps up to date, not from `venvhook list` (tcsh: complete cannot
	 * take names with blanks from a command). */
	int names_list;
	/* How the shell reads a command line, for the made-here rule, which
	 * reads the lines the hook hands over (core/trust/madeby.h). */
	enum vh_dialect line_dialect;

	/* doctor (its facts come from the hook's __venvhook_doctor): the
	 * checks of the hook's wiring; a function for the checks the wires
	 * cannot say (bash's: whether the hook ran), or NULL; and the facts in
	 * which another tool's hook names show. */
	const struct vh_shell_check *checks;
	void (*doctor)(struct vh_doctor *d);
	const char *const *rival_facts;
	/* Other tools of this shell's own that switch Python envs, beyond
	 * those core/cmd/doctor.c knows for every shell: the name their hook
	 * shows under in those facts, the tool, how to stop it; ended by a
	 * NULL name; NULL: none. */
	const char *const (*rivals)[3];

	/* Why this shell cannot be told value (a sentence fragment after
	 * "not activating PATH: "), or NULL when it can: the csh family's
	 * eval joins lines (a newline), nushell's strings are UTF-8 (a byte
	 * that is not). The emitter refuses exactly these values; the quoting
	 * tests and fuzz harnesses hold it to that. NULL: it can say any. */
	const char *(*unsayable)(const char *value);

	/* How to say things in it: one emitter for each family (bash, zsh,
	 * ksh93 and mksh, tcsh and csh, fish, nu, xonsh, elvish). */
	const struct vh_emitter *emit;
};

/* The programs a command line may hand a command string with -c (the
 * shells venvhook knows and their kin), and how each reads it: the
 * made-here rule reads that string too (core/trust/madeby.h). */
extern const struct vh_dialect_program vh_shell_programs[];

/* The registry, in configure.ac's order, NULL-terminated. */
extern const struct vh_shell *const vh_shells[];

/* "zsh", "-zsh" (a login shell's argv[0]) and "/bin/zsh" all find zsh;
 * an entry's aliases find it too. */
const struct vh_shell *vh_shell_lookup(const char *name);
/* The names, for --help and errors: "bash, zsh". */
const char *vh_shell_names(void);

/* The guards (shells/guard.c), and s quoted for sh and fish at once. */
int vh_guard_posix(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		   const char *body);
int vh_guard_fish(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		  const char *body);
int vh_guard_csh(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		 const char *body);
int vh_guard_elvish(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		    const char *body);
int vh_guard_nu(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		const char *body);
int vh_guard_xonsh(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		   const char *body);
int vh_guard_quote(struct vh_buf *out, const char *s);
/* What the hook for hook says in shell in (NULL: a shell of no known
 * kind), after "venvhook: ": "this is the zsh hook; in bash use: ...". */
int vh_guard_say(struct vh_buf *out, const struct vh_shell *hook, const struct vh_shell *in);

/* sh's rc line i (0 for the first; see rc), venvhook called as exe;
 * VH_ENOTFOUND past the last. */
int vh_shell_rc_line(struct vh_buf *out, const struct vh_shell *sh, size_t i, const char *exe);

/* All of sh's rc lines, venvhook called as exe, as a sentence: "LINE",
 * or "LINE in FILE, then LINE in FILE" where there are two or files is
 * set. */
int vh_shell_rc_say(struct vh_buf *out, const struct vh_shell *sh, const char *exe, int files);

/* What a saved init output (saved_init) is checked against: the version
 * and a hash of the hook, "0.1.0-1a2b3c4d". */
int vh_shell_made(struct vh_buf *out, const struct vh_shell *sh);

/* The completion as lists the hook's completer reads (a shell whose
 * hooks/venvhook.NAME completes from them: its entry's completion):
 * __venvhook_commands (and --help, --version), __venvhook_options ("COMMAND
 * --FLAG" each), __venvhook_shell_commands, __venvhook_env_commands and
 * __venvhook_program_commands (the commands whose argument is a shell, an
 * env, or a program to run), __venvhook_shells; from the command table
 * cmds. */
int vh_shell_completion_lists(struct vh_buf *out, const struct vh_shell *sh,
			      const struct vh_cmd *const *cmds);

/* Why sh cannot be told value, or NULL (see unsayable). */
const char *vh_shell_unsayable(const struct vh_shell *sh, const char *value);

/* A call of the hook's function (or alias) name, as sh evals it. */
int vh_shell_call(struct vh_buf *out, const struct vh_shell *sh, const char *name);

#endif
