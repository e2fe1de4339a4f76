/* bash and zsh: the same quoting and the same export/unset; only the hook
 * and the way to forget hashed commands differ. */
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
 * holds. The entry goes with ${p/"$e"/:} on ":$PATH:": a quoted pattern is
 * a literal, the first occurrence is replaced, and an entry holds no ':'
 * (venvhook puts none on PATH), so ":entry:" is found only as a whole
 * entry, the first one equal to it. bash's nocasematch would make that
 * match blind to case, so it is off for that one expansion (# and %, used
 * after it, ignore nocasematch, and are fast only with the one ':'). */
static int edit_path(struct vh_buf *out, const char *remove, const char *prepend, int bash)
{
	static const char sub[] = "__venvhook_p=${__venvhook_p/\"$__venvhook_e\"/:}";
	struct vh_buf e = VH_BUF_INIT;
	int rc = -1;

	if (remove) {
		if (vh_buf_putc(&e, ':') < 0 || vh_buf_puts(&e, remove) < 0 || vh_buf_putc(&e, ':') < 0 ||
		    vh_buf_puts(out, "__venvhook_p=\":${PATH}:\" __venvhook_e=") < 0 ||
		    quote(out, e.data) < 0 || vh_buf_putc(out, '\n') < 0)
			goto done;
		if (bash ? vh_buf_printf(out, "if builtin shopt -q nocasematch; then builtin shopt -u"
					 " nocasematch; %s; builtin shopt -s nocasematch; else %s;"
					 " fi\n", sub, sub) < 0 :
			   vh_buf_printf(out, "%s\n", sub) < 0)
			goto done;
		if (vh_buf_puts(out, "__venvhook_p=${__venvhook_p#:}; __venvhook_p=${__venvhook_p%:}\n") < 0)
			goto done;
	}
	if (vh_buf_puts(out, "builtin export PATH=") < 0)
		goto done;
	if (prepend && (quote(out, prepend) < 0 ||
			vh_buf_puts(out, remove ? "\"${__venvhook_p:+:$__venvhook_p}\"\n" :
					  "\"${PATH:+:$PATH}\"\n") < 0))
		goto done;
	if (!prepend && vh_buf_puts(out, "\"$__venvhook_p\"\n") < 0)
		goto done;
	if (remove && vh_buf_puts(out, "builtin unset -v __venvhook_p __venvhook_e\n") < 0)
		goto done;
	rc = 0;
done:
	vh_buf_free(&e);
	return rc;
}

static int bash_edit_path(struct vh_buf *out, const char *now, const char *remove,
			  const char *prepend)
{
	(void)now;
	return edit_path(out, remove, prepend, 1);
}

static int zsh_edit_path(struct vh_buf *out, const char *now, const char *remove,
			 const char *prepend)
{
	(void)now;
	return edit_path(out, remove, prepend, 0);
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
