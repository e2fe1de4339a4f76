/* The guard every init output starts with: in the shell the hook is for,
 * the hook; in any other shell that can eval it (the wrong rc line, say
 * `eval "$(venvhook init zsh)"` in ~/.bashrc), one line naming the rc line
 * for that shell, and nothing defined.
 *
 * The POSIX family's and fish's outputs are read by sh and fish alike, so
 * their guard is one text both parse. It rests on one difference: inside
 * '...' fish takes \' and \\ as escapes, sh takes nothing. So
 *     false '\' || SH && true '\' && X
 * is, to sh, `false \`, SH, `true \`, and to fish one `false` with one
 * argument, and X runs where SH holds, in sh only (a command before ||
 * or && cannot end a shell under set -e); and
 *     true '\'' ; FISH ; true \'
 * is, to fish, `true "'"`, FISH, `true "'"`, and to sh one `true` with one
 * argument. SH may hold no ' and no \ (fish reads them in its string),
 * FISH no ' (sh's string). Anything else both parse the same way; the
 * hook itself is one quoted word, eval'ed only in its shell, written so
 * that neither reads a \ or a ' inside quotes (vh_guard_quote).
 *
 * The csh family joins the output into one line, sh reads it line by
 * line: there the difference is that csh takes "\" as a whole string, sh
 * as the start of one. The first line hides a here-document from csh, in
 * which sh skips the hook; csh meets a comment where sh's messages begin.
 * Between tcsh and csh, each line of the hook is eval'ed only in its
 * shell: one word for the whole hook would pass BSD csh's 8 KiB limit. */
#include <ctype.h>
#include <string.h>

#include "core/util/err.h"
#include "shells/shell.h"

/* s as one word that sh and fish both read as s: no \ or ' inside quotes,
 * and no '' (zsh's rc_quotes would read it as a quote). */
int vh_guard_quote(struct vh_buf *out, const char *s)
{
	int open = 0;

	for (; *s; s++) {
		if (*s == '\'' || *s == '\\') {
			if ((open && vh_buf_putc(out, '\'') < 0) || vh_buf_putc(out, '\\') < 0 ||
			    vh_buf_putc(out, *s) < 0)
				return VH_ENOMEM;
			open = 0;
			continue;
		}
		if ((!open && vh_buf_putc(out, '\'') < 0) || vh_buf_putc(out, *s) < 0)
			return VH_ENOMEM;
		open = 1;
	}
	if (!open) /* an empty word */
		return vh_buf_puts(out, "''") < 0 ? VH_ENOMEM : 0;
	return vh_buf_putc(out, '\'') < 0 ? VH_ENOMEM : 0;
}

int vh_guard_say(struct vh_buf *out, const struct vh_shell *hook, const struct vh_shell *in)
{
	if (!in)
		return vh_buf_printf(out, "this is the %s hook, and this shell is not %s"
				     " (venvhook --help lists the rc line for each shell)",
				     hook->name, hook->name) < 0 ? VH_ENOMEM : 0;
	if (vh_buf_printf(out, "this is the %s hook; in %s use: ", hook->name, in->name) < 0)
		return VH_ENOMEM;
	return vh_shell_rc_say(out, in, "venvhook", 0) < 0 ? VH_ENOMEM : 0;
}

/* The whole line, as the shells print it. */
static int say(struct vh_buf *out, const struct vh_shell *hook, const struct vh_shell *in)
{
	return vh_buf_puts(out, "venvhook: ") < 0 ? VH_ENOMEM : vh_guard_say(out, hook, in);
}

/* One clause of the first line: in the POSIX shell where test holds, print
 * the line for hook there (in = NULL: a shell of no known kind). */
static int sh_clause(struct vh_buf *out, const struct vh_shell *hook, const struct vh_shell *in,
		     const char *test)
{
	struct vh_buf line = VH_BUF_INIT;
	int rc = VH_ENOMEM;

	if (say(&line, hook, in) < 0 ||
	    vh_buf_printf(out, "false '\\' || %s && true '\\' && printf '%%s\\n' ", test) < 0 ||
	    vh_guard_quote(out, vh_buf_str(&line)) < 0 || vh_buf_puts(out, " >&2 ; ") < 0)
		goto done;
	rc = 0;
done:
	vh_buf_free(&line);
	return rc;
}

/* The shell where none of the family's tests holds: sh, dash, ... */
static int other_test(struct vh_buf *out)
{
	const struct vh_shell *const *sh;
	int n = 0;

	/* (an if, not `! {`, which zsh -n takes for an error) */
	if (vh_buf_puts(out, "if") < 0)
		return VH_ENOMEM;
	for (sh = vh_shells; *sh; sh++)
		if ((*sh)->sh_test && vh_buf_printf(out, "%s { %s ; }", n++ ? " ||" : "", (*sh)->sh_test) < 0)
			return VH_ENOMEM;
	return vh_buf_puts(out, " ; then false ; else true ; fi") < 0 ? VH_ENOMEM : 0;
}

/* The clauses for the POSIX shells other than self, and for another kind. */
static int sh_clauses(struct vh_buf *out, const struct vh_shell *self)
{
	const struct vh_shell *const *sh;
	struct vh_buf test = VH_BUF_INIT;
	int rc = 0;

	for (sh = vh_shells; *sh && rc == 0; sh++)
		if ((*sh)->sh_test && *sh != self)
			rc = sh_clause(out, self, *sh, (*sh)->sh_test);
	if (rc == 0)
		rc = other_test(&test) < 0 ? VH_ENOMEM : sh_clause(out, self, NULL, vh_buf_str(&test));
	vh_buf_free(&test);
	return rc;
}

/* The line for hook in fish, for FISH (no ', and nothing fish's double
 * quotes would read). */
static int fish_clauses(struct vh_buf *out, const struct vh_shell *self)
{
	const struct vh_shell *const *sh;
	struct vh_buf line = VH_BUF_INIT;
	const char *c;
	int rc = 0;

	for (sh = vh_shells; *sh && rc == 0; sh++) {
		if ((*sh)->guard != vh_guard_fish)
			continue;
		vh_buf_reset(&line);
		rc = VH_ENOMEM;
		if (say(&line, self, *sh) < 0 || vh_buf_puts(out, "true '\\'' ; echo \"") < 0)
			break;
		for (c = vh_buf_str(&line); *c; c++) {
			if (*c == '\'') {
				rc = VH_EUNSAYABLE;
				goto done;
			}
			if ((strchr("\"$\\", *c) && vh_buf_putc(out, '\\') < 0) || vh_buf_putc(out, *c) < 0)
				goto done;
		}
		if (vh_buf_puts(out, "\" >&2 ; true \\' ; ") < 0)
			goto done;
		rc = 0;
	}
done:
	vh_buf_free(&line);
	return rc;
}

int vh_guard_posix(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		   const char *body)
{
	int rc;

	(void)exe;
	if ((rc = sh_clauses(out, self)) < 0 || (rc = fish_clauses(out, self)) < 0)
		return rc;
	/* a shell of this kind, too old for its hook */
	if (self->sh_new && vh_buf_printf(out, "false '\\' || %s && ! %s && %s ; true '\\' ; ",
					  self->sh_test, self->sh_new, self->sh_old_say) < 0)
		return VH_ENOMEM;
	if (vh_buf_printf(out, "\nfalse '\\' || %s%s%s && true '\\' && eval ", self->sh_test,
			  self->sh_new ? " && " : "", self->sh_new ? self->sh_new : "") < 0 ||
	    vh_guard_quote(out, body) < 0 || vh_buf_putc(out, '\n') < 0)
		return VH_ENOMEM;
	return 0;
}

/* fish's own output: its `eval (venvhook init fish)` joins the lines with
 * blanks, so the hook goes without its comment lines and with each line
 * ended by ';' (a line ending in \ goes on on the next). */
static int joinable(struct vh_buf *out, const char *body)
{
	const char *line, *end, *c;
	size_t n;

	for (line = body; *line; line = *end ? end + 1 : end) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		for (c = line; c < end && (*c == ' ' || *c == '\t'); c++)
			;
		if (c == end || *c == '#')
			continue;
		n = (size_t)(end - line);
		if (line[n - 1] == '\\') {
			if (vh_buf_add(out, line, n - 1) < 0)
				return VH_ENOMEM;
			continue;
		}
		if (vh_buf_add(out, line, n) < 0 || vh_buf_puts(out, " ;\n") < 0)
			return VH_ENOMEM;
	}
	return 0;
}

int vh_guard_fish(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		  const char *body)
{
	struct vh_buf joined = VH_BUF_INIT;
	int rc;

	(void)exe;
	if ((rc = sh_clauses(out, self)) < 0 || (rc = joinable(&joined, body)) < 0)
		goto done;
	/* only an interactive fish gets the hook (the rc line may have no
	 * `status is-interactive` in front; `return` would end config.fish) */
	rc = VH_ENOMEM;
	if (vh_buf_puts(out, "\ntrue '\\' ; false && true '\\' && status is-interactive && eval ") < 0 ||
	    vh_guard_quote(out, vh_buf_str(&joined)) < 0 || vh_buf_putc(out, '\n') < 0)
		goto done;
	rc = 0;
done:
	vh_buf_free(&joined);
	return rc;
}

int vh_guard_csh(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		 const char *body)
{
	const struct vh_shell *const *sh;
	struct vh_buf line = VH_BUF_INIT, word = VH_BUF_INIT;
	const char *l, *end;
	int rc = VH_ENOMEM;

	/* csh: one unsetenv of names no one has (its builtins that take any
	 * word, print nothing and start no process; BSD csh's eval ignores a
	 * builtin's redirections); sh: the same, not found, quietly, then
	 * `:` reading the here-document, and `:` */
	if (vh_buf_puts(out, "unsetenv __venvhook_x \"\\\" \" 2>/dev/null || : ; : <<'#__VENVHOOK__' ; : \" \"\\\" ;\n") < 0)
		goto done;
	/* the other shells of the family: the binary says the line (csh has no
	 * way to write to stderr itself) */
	for (sh = vh_shells; *sh; sh++) {
		if (!(*sh)->csh_test || *sh == self)
			continue;
		if (vh_buf_printf(out, "if ( %s ) ", (*sh)->csh_test) < 0 ||
		    (rc = self->emit->quote(out, exe)) < 0 ||
		    vh_buf_printf(out, " guard %s %s ;\n", self->name, (*sh)->name) < 0)
			goto done;
		rc = VH_ENOMEM;
	}
	for (l = body; *l; l = *end ? end + 1 : end) {
		end = strchr(l, '\n');
		if (!end)
			end = l + strlen(l);
		if (end == l)
			continue;
		vh_buf_reset(&word);
		if (vh_buf_add(&word, l, (size_t)(end - l)) < 0 ||
		    vh_buf_printf(out, "if ( %s ) eval ", self->csh_test) < 0 ||
		    (rc = self->emit->quote(out, vh_buf_str(&word))) < 0 || vh_buf_puts(out, " ;\n") < 0)
			goto done;
		rc = VH_ENOMEM;
	}
	/* csh: a comment to the end; sh: the here-document's end, and then
	 * the line for the POSIX shell it is */
	if (vh_buf_puts(out, "#__VENVHOOK__\n") < 0)
		goto done;
	for (sh = vh_shells; *sh; sh++) {
		if (!(*sh)->sh_test)
			continue;
		vh_buf_reset(&line);
		if (say(&line, self, *sh) < 0 || vh_buf_printf(out, "%s && printf '%%s\\n' ", (*sh)->sh_test) < 0 ||
		    vh_guard_quote(out, vh_buf_str(&line)) < 0 || vh_buf_puts(out, " >&2\n") < 0)
			goto done;
	}
	vh_buf_reset(&line);
	vh_buf_reset(&word);
	if (other_test(&word) < 0 || say(&line, self, NULL) < 0 ||
	    vh_buf_printf(out, "%s && printf '%%s\\n' ", vh_buf_str(&word)) < 0 ||
	    vh_guard_quote(out, vh_buf_str(&line)) < 0 || vh_buf_puts(out, " >&2\n") < 0)
		goto done;
	rc = 0;
done:
	vh_buf_free(&line);
	vh_buf_free(&word);
	return rc;
}

/* The shells of another kind (nushell, xonsh, elvish): their output, loaded
 * by a POSIX shell's rc line (eval "$(venvhook init xonsh)" in ~/.bashrc),
 * says the one line there and defines nothing; in its own shell it is the
 * hook behind lines that do nothing. The sh part hides in what the shell
 * reads as a string (elvish, nushell: \' outside quotes is, to sh, a
 * quoted ', to them the start of a '...' string; xonsh: a triple-quoted
 * string, which sh reads as '' ':' '' and then lines), and sh skips the
 * hook in a here-document whose end is a line the shell runs as a no-op.
 * So the sh part holds no ', and its line is a printf format with every
 * other byte octal (nushell reads $( inside its string). */
static int oct_line(struct vh_buf *out, const struct vh_shell *hook, const struct vh_shell *in)
{
	struct vh_buf line = VH_BUF_INIT;
	const unsigned char *c;
	int rc = VH_ENOMEM;

	if (say(&line, hook, in) < 0 || vh_buf_puts(out, "printf \"") < 0)
		goto done;
	for (c = (const unsigned char *)vh_buf_str(&line); *c; c++)
		if ((isalnum(*c) || strchr(" ,.:;/_-", *c) ? vh_buf_putc(out, (char)*c) :
		     vh_buf_printf(out, "\\%03o", *c)) < 0)
			goto done;
	if (vh_buf_puts(out, "\\n\" >&2") < 0)
		goto done;
	rc = 0;
done:
	vh_buf_free(&line);
	return rc;
}

/* The clauses for every POSIX shell, and for one of no known kind, sep
 * after each. */
static int oct_clauses(struct vh_buf *out, const struct vh_shell *self, const char *sep)
{
	const struct vh_shell *const *sh;
	struct vh_buf test = VH_BUF_INIT;
	int rc = VH_ENOMEM;

	for (sh = vh_shells; *sh; sh++)
		if ((*sh)->sh_test && (vh_buf_printf(out, "%s && ", (*sh)->sh_test) < 0 ||
				       oct_line(out, self, *sh) < 0 || vh_buf_puts(out, sep) < 0))
			goto done;
	if (other_test(&test) < 0 || vh_buf_printf(out, "%s && ", vh_buf_str(&test)) < 0 ||
	    oct_line(out, self, NULL) < 0 || vh_buf_puts(out, sep) < 0)
		goto done;
	rc = 0;
done:
	vh_buf_free(&test);
	return rc;
}

/* body, then the here-document's end (a line body must not hold). */
static int oct_body(struct vh_buf *out, const char *body, const char *end)
{
	size_t n = strlen(end), len = strlen(body);
	const char *l, *nl;

	for (l = body; *l; l = nl ? nl + 1 : l + strlen(l)) {
		nl = strchr(l, '\n');
		if (!strncmp(l, end, n) && (l[n] == '\n' || !l[n]))
			return VH_EUNSAYABLE;
	}
	if (vh_buf_puts(out, body) < 0 || (len && body[len - 1] != '\n' && vh_buf_putc(out, '\n') < 0) ||
	    vh_buf_printf(out, "%s\n", end) < 0)
		return VH_ENOMEM;
	return 0;
}

static int string_guard(struct vh_buf *out, const struct vh_shell *self, const char *body,
			const char *head, const char *end)
{
	int rc;

	if (vh_buf_printf(out, "%s \\' ; ", head) < 0)
		return VH_ENOMEM;
	if ((rc = oct_clauses(out, self, " ; ")) < 0)
		return rc;
	if (vh_buf_printf(out, ": <<\\%s ; : \\'\n", end) < 0)
		return VH_ENOMEM;
	return oct_body(out, body, end);
}

/* elvish: the first line echoes one string to /dev/null; the end is nop. */
int vh_guard_elvish(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		    const char *body)
{
	(void)exe;
	return string_guard(out, self, body, "echo >/dev/null", "nop");
}

/* nushell: the same with its redirection; the end is the value null. */
int vh_guard_nu(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		const char *body)
{
	(void)exe;
	return string_guard(out, self, body, "echo o> /dev/null", "null");
}

/* xonsh: a docstring holds the sh lines; the end is pass. */
int vh_guard_xonsh(struct vh_buf *out, const struct vh_shell *self, const char *exe,
		   const char *body)
{
	int rc;

	(void)exe;
	if (vh_buf_puts(out, "''':'\n") < 0)
		return VH_ENOMEM;
	if ((rc = oct_clauses(out, self, "\n")) < 0)
		return rc;
	if (vh_buf_puts(out, ": <<\"pass\"\n'''\n") < 0)
		return VH_ENOMEM;
	return oct_body(out, body, "pass");
}
