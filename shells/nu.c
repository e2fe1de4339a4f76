/* nushell. It cannot eval text: init's output is saved to a file that
 * config.nu sources, and what export prints is read by the hook as data.
 * Each statement is one line, `__venvhook_OP ARG...`, with each ARG a nu
 * literal (a string, or a list of strings), so that it is at once a call
 * of the hook's command of that name (as init's lines are run) and a line
 * the hook splits at its first blank and reads with `from nuon`. A string
 * is double-quoted printable ASCII, anything else as \u{X}: nushell's
 * strings are UTF-8, so a value that is not cannot be said at all. */
#include <string.h>

#include "core/util/err.h"
#include "core/util/msg.h"
#include "shells/shell.h"

extern const char vh_hook_nu[], vh_prompt_nu[];

static const char *unsayable(const char *value)
{
	const unsigned char *p = (const unsigned char *)value;
	size_t n;

	for (; *p; p += n)
		if (!(n = *p < 0x80 ? 1 : vh_utf8_valid(p)))
			return "nushell's strings hold only UTF-8, and this name is not";
	return NULL;
}

static int quote(struct vh_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long c;
	size_t n, i;

	if (unsayable(s))
		return VH_EUNSAYABLE;
	if (vh_buf_putc(out, '"') < 0)
		return VH_ENOMEM;
	for (; *p; p += n) {
		n = *p < 0x80 ? 1 : vh_utf8_valid(p);
		if (*p == '"' || *p == '\\') {
			if (vh_buf_putc(out, '\\') < 0 || vh_buf_putc(out, (char)*p) < 0)
				return VH_ENOMEM;
		} else if (*p >= 0x20 && *p < 0x7f) {
			if (vh_buf_putc(out, (char)*p) < 0)
				return VH_ENOMEM;
		} else {
			c = n == 1 ? *p : *p & (0xff >> (n + 1));
			for (i = 1; i < n; i++)
				c = (c << 6) | (p[i] & 0x3f);
			if (vh_buf_printf(out, "\\u{%lx}", c) < 0)
				return VH_ENOMEM;
		}
	}
	return vh_buf_putc(out, '"') < 0 ? VH_ENOMEM : 0;
}

/* `__venvhook_OP "name"` and, when value is not NULL, its quoted value. */
static int op(struct vh_buf *out, const char *what, const char *name, const char *value)
{
	int rc;

	if (vh_buf_printf(out, "__venvhook_%s \"%s\"", what, name) < 0 ||
	    (value && vh_buf_putc(out, ' ') < 0))
		return VH_ENOMEM;
	if (value && (rc = quote(out, value)) < 0)
		return rc;
	return vh_buf_putc(out, '\n') < 0 ? VH_ENOMEM : 0;
}

static int set_env(struct vh_buf *out, const char *name, const char *value)
{
	return op(out, "setenv", name, value);
}

static int unset_env(struct vh_buf *out, const char *name)
{
	return op(out, "unsetenv", name, NULL);
}

/* PATH is a list in nushell: the hook splits the value at ':'. */
static int set_path(struct vh_buf *out, const char *list)
{
	return op(out, "setenv", "PATH", list);
}

/* The list's first entry equal to remove (a whole string) taken out, the
 * new one put in front; "" for neither. */
static int edit_path(struct vh_buf *out, const char *now, const char *remove, const char *prepend)
{
	int rc;

	(void)now;
	if (vh_buf_puts(out, "__venvhook_editpath ") < 0)
		return VH_ENOMEM;
	if ((rc = quote(out, remove ? remove : "")) < 0)
		return rc;
	if (vh_buf_putc(out, ' ') < 0)
		return VH_ENOMEM;
	if ((rc = quote(out, prepend ? prepend : "")) < 0)
		return rc;
	return vh_buf_putc(out, '\n') < 0 ? VH_ENOMEM : 0;
}

static int set_local(struct vh_buf *out, const char *name, const char *value)
{
	return op(out, "local", name, value);
}

static int set_list(struct vh_buf *out, const char *name, const char *const *values, size_t n)
{
	size_t i;
	int rc;

	if (vh_buf_printf(out, "__venvhook_list \"%s\" [", name) < 0)
		return VH_ENOMEM;
	for (i = 0; i < n; i++) {
		if (i && vh_buf_putc(out, ' ') < 0)
			return VH_ENOMEM;
		if ((rc = quote(out, values[i])) < 0)
			return rc;
	}
	return vh_buf_puts(out, "]\n") < 0 ? VH_ENOMEM : 0;
}

/* The hook's state is a record in $env (not handed to commands): its
 * path there can hold no quote of nu's. */
static const char *bad_exe(const char *path)
{
	return unsayable(path) ? ": nushell's strings hold only UTF-8; install venvhook in a"
				 " directory whose name is" : NULL;
}

static const struct vh_shell_check checks[] = {
	{ "the hook runs on directory changes",
	  { { "hooks", "env_change.PWD", NULL,
	      "$env.config.hooks.env_change.PWD no longer holds venvhook's hook: something set $env.config.hooks after venvhook was loaded; source venvhook's file last in config.nu" } } },
	{ "the hook runs before each prompt",
	  { { "precmd", "pre_prompt", NULL,
	      "$env.config.hooks.pre_prompt no longer holds venvhook's hook: something set $env.config.hooks after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; source venvhook's file last in config.nu" } } },
	{ NULL, { { NULL, NULL, NULL, NULL } } },
};

static const char *const rival_facts[] = { "rivals", NULL };
static const char *const aliases[] = { "nushell", NULL };

static const struct vh_emitter nu_emit = {
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_path = set_path,
	.edit_path = edit_path,
	.set_local = set_local,
	.set_list = set_list,
};

const struct vh_shell vh_shell_nu = {
	.name = "nu",
	.guard = vh_guard_nu,
	.aliases = aliases,
	.hook = vh_hook_nu,
	.prompt = vh_prompt_nu,
	.completion = vh_shell_completion_lists,
	.rc = { { "~/.config/nushell/env.nu", "%s init nu | save -f ~/.venvhook.nu" },
		{ "~/.config/nushell/config.nu", "source ~/.venvhook.nu" } },
	.saved_init = "~/.venvhook.nu",
	.end = "\n",
	.bad_exe = bad_exe,
	.checks = checks,
	.rival_facts = rival_facts,
	.unsayable = unsayable,
	.emit = &nu_emit,
	.line_dialect = VH_DIALECT_OTHER,
};
