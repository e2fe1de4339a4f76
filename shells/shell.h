/* One emitter per shell: how to say each plan operation in its syntax.
 * core/ renders through this interface and never writes shell syntax. */
#ifndef VH_SHELL_H
#define VH_SHELL_H

#include "../core/buf.h"

struct vh_shell {
	const char *name;
	const char *hook; /* hooks/venvhook.<name>, embedded at build time */
	/* Printed by init after the hook, or NULL: tcsh's completion, which has
	 * no file a tcsh would load by itself. */
	const char *extra;
	/* hooks/prompt.<name>, printed after the rest by `init SHELL --prompt`,
	 * or NULL where the shell has no way to show it (csh). */
	const char *prompt;
	/* The rc line evals init's output as one joined line (csh family):
	 * comment lines must go, and every statement ends in ';'. */
	int one_line;
	/* The completion reads the env names from a list variable that export
	 * keeps up to date, not from `venvhook list` (tcsh: complete cannot
	 * take names with blanks from a command). */
	int names_list;
	/* Appends s as one word that evaluates to exactly s; < 0 when this shell
	 * cannot carry s safely (nothing useful is left in out then). */
	int (*quote)(struct vh_buf *out, const char *s);
	int (*set_env)(struct vh_buf *out, const char *name, const char *value);
	int (*unset_env)(struct vh_buf *out, const char *name);
	/* PATH from a ':'-separated list (fish keeps PATH as a list). */
	int (*set_path)(struct vh_buf *out, const char *list);
	/* PATH changed in place, with the shell's own operations, from the
	 * value now (what venvhook read, the shell's own): the first entry
	 * equal to remove taken out (it is one of now's entries), then prepend
	 * put first, joined by ':' unless what is left is empty; either may be
	 * NULL. Keeps a switch's code small whatever PATH holds. Returns 0; 1
	 * (nothing appended) when this shell cannot say it, and set_path is
	 * used with the whole new value; < 0 as quote. NULL: always set_path. */
	int (*edit_path)(struct vh_buf *out, const char *now, const char *remove,
			 const char *prepend);
	/* A shell variable of venvhook's own, not exported. */
	int (*set_local)(struct vh_buf *out, const char *name, const char *value);
	int (*rehash)(struct vh_buf *out);
	/* A list variable of venvhook's own, not exported (n may be 0). */
	int (*set_list)(struct vh_buf *out, const char *name, const char *const *values, size_t n);
};

/* "zsh", "-zsh" (a login shell's argv[0]) and "/bin/zsh" all find zsh. */
const struct vh_shell *vh_shell_lookup(const char *name);
/* The names, for --help and errors: "bash, zsh". */
const char *vh_shell_names(void);

#endif
