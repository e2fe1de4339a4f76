/* bash and zsh: the same quoting and the same export/unset; only the hook
 * and the way to forget hashed commands differ. */
#include <string.h>

#include "../core/pathlist.h"
#include "shell.h"

extern const char vh_hook_bash[], vh_hook_zsh[], vh_prompt_bash[], vh_prompt_zsh[];

/* Inside '...' every byte but ' is literal, newlines included; ' itself
 * becomes '\'' (close, escaped quote, reopen). */
static int quote(struct vh_buf *out, const char *s)
{
	if (vh_buf_putc(out, '\'') < 0)
		return -1;
	for (; *s; s++) {
		if (*s == '\'') {
			if (vh_buf_puts(out, "'\\''") < 0)
				return -1;
		} else if (vh_buf_putc(out, *s) < 0) {
			return -1;
		}
	}
	return vh_buf_putc(out, '\'');
}

/* `builtin`, so a user's function named export or unset cannot take over. */
static int set_env(struct vh_buf *out, const char *name, const char *value)
{
	if (vh_buf_printf(out, "builtin export %s=", name) < 0 || quote(out, value) < 0)
		return -1;
	return vh_buf_putc(out, '\n');
}

static int unset_env(struct vh_buf *out, const char *name)
{
	return vh_buf_printf(out, "builtin unset -v %s\n", name);
}

static int set_path(struct vh_buf *out, const char *list)
{
	return set_env(out, "PATH", list);
}

/* PATH edited where it is, so that a switch costs a few bytes whatever PATH
 * holds, in one expansion of it (bash copies and rescans a long value in
 * each). now is the shell's PATH, so where its first entry equal to remove
 * (E) lies is known, and the pattern says it: ${PATH/#"E:"} when it is
 * first, ${PATH/%":E"} when last, ${PATH/":E:"/:} between (an entry holds
 * no ':', venvhook puts none on PATH, so ":E:" matches only whole entries,
 * and none before this one equals E); alone, PATH becomes empty. The
 * patterns are quoted, so literals. Substitution rather than # and %:
 * bash matches those by converting a value to wide characters in a UTF-8
 * locale, and a substitution on ASCII without. bash's nocasematch makes a
 * substitution blind to case, so it is off for that one expansion. PATH is
 * set by a plain assignment: venvhook read it from its environment, so it
 * is exported already, and in bash `export` and a double-quoted expansion
 * of a long value cost more than the edit (an assignment is neither split
 * nor globbed there); zsh's glob_assign would glob it, so there it is
 * quoted. */
static int edit_path(struct vh_buf *out, const char *now, const char *remove, const char *prepend,
		     int bash)
{
	struct vh_buf e = VH_BUF_INIT, set = VH_BUF_INIT;
	const char *q = bash ? "" : "\"", *anchor = "", *with = "";
	size_t n = strlen(now), m, at = 0;
	long i;
	int rc = -1, empty = !*now;

	if (remove) {
		m = strlen(remove);
		i = vh_pathlist_find(now, remove);
		if (i < 0)
			return 1; /* the renderer checked: cannot happen */
		for (; i > 0; i--)
			at = (size_t)(strchr(now + at, ':') - now) + 1;
		/* left: n - m - 1 bytes, none when E was alone */
		empty = m == n || n - m - 1 == 0;
		if (at == 0)
			anchor = "#";
		else if (at + m == n)
			anchor = "%";
		else
			with = "/:";
		if (vh_buf_printf(&e, "%s%s%s", at ? ":" : "", remove, at + m < n ? ":" : "") < 0 ||
		    vh_buf_puts(out, "__venvhook_e=") < 0 || quote(out, e.data) < 0 ||
		    vh_buf_putc(out, '\n') < 0)
			goto done;
	}
	/* PATH='<prepend>':<rest>, PATH=<rest>, PATH='<prepend>' or PATH='' */
	if (vh_buf_puts(&set, "PATH=") < 0 ||
	    (prepend && (quote(&set, prepend) < 0 || (!empty && vh_buf_putc(&set, ':') < 0))) ||
	    (!empty && remove &&
	     vh_buf_printf(&set, "%s${PATH/%s\"$__venvhook_e\"%s}%s", q, anchor, with, q) < 0) ||
	    (!empty && !remove && vh_buf_printf(&set, "%s$PATH%s", q, q) < 0) ||
	    (empty && !prepend && vh_buf_puts(&set, "''") < 0))
		goto done;
	if (bash && remove && !empty) {
		if (vh_buf_printf(out, "if builtin shopt -q nocasematch; then builtin shopt -u"
				  " nocasematch; %s; builtin shopt -s nocasematch; else %s; fi\n",
				  set.data, set.data) < 0)
			goto done;
	} else if (vh_buf_printf(out, "%s\n", set.data) < 0) {
		goto done;
	}
	if (remove && vh_buf_puts(out, "builtin unset -v __venvhook_e\n") < 0)
		goto done;
	rc = 0;
done:
	vh_buf_free(&e);
	vh_buf_free(&set);
	return rc;
}

static int bash_edit_path(struct vh_buf *out, const char *now, const char *remove,
			  const char *prepend)
{
	return edit_path(out, now, remove, prepend, 1);
}

static int zsh_edit_path(struct vh_buf *out, const char *now, const char *remove,
			 const char *prepend)
{
	return edit_path(out, now, remove, prepend, 0);
}

static int set_local(struct vh_buf *out, const char *name, const char *value)
{
	if (vh_buf_printf(out, "%s=", name) < 0 || quote(out, value) < 0)
		return -1;
	return vh_buf_putc(out, '\n');
}

/* name=('a' 'b'): an array in bash and zsh alike. */
static int set_list(struct vh_buf *out, const char *name, const char *const *values, size_t n)
{
	size_t i;

	if (vh_buf_printf(out, "%s=(", name) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if ((i && vh_buf_putc(out, ' ') < 0) || quote(out, values[i]) < 0)
			return -1;
	return vh_buf_puts(out, ")\n");
}

static int bash_rehash(struct vh_buf *out)
{
	return vh_buf_puts(out, "builtin hash -r\n");
}

static int zsh_rehash(struct vh_buf *out)
{
	return vh_buf_puts(out, "builtin rehash\n");
}

const struct vh_shell vh_shell_bash = {
	.name = "bash",
	.hook = vh_hook_bash,
	.prompt = vh_prompt_bash,
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_path = set_path,
	.edit_path = bash_edit_path,
	.set_local = set_local,
	.set_list = set_list,
	.rehash = bash_rehash,
};

const struct vh_shell vh_shell_zsh = {
	.name = "zsh",
	.hook = vh_hook_zsh,
	.prompt = vh_prompt_zsh,
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_path = set_path,
	.edit_path = zsh_edit_path,
	.set_local = set_local,
	.set_list = set_list,
	.rehash = zsh_rehash,
};
