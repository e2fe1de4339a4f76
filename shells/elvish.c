/* elvish. Its rc line evals init's output (`eval (venvhook init elvish |
 * slurp)`), and the hook evals what export prints the same way, catching
 * the variables it defines (var) as eval's namespace ends: an eval's new
 * names do not outlive it. Its source must be UTF-8, so every value is
 * written as a double-quoted string of printable ASCII, any other byte as
 * \xHH (a byte of the string, whatever it is). */
#include <string.h>

#include "core/util/err.h"
#include "shells/shell.h"

extern const char vh_hook_elvish[], vh_prompt_elvish[];

static int quote(struct vh_buf *out, const char *s)
{
	const unsigned char *p;

	if (vh_buf_putc(out, '"') < 0)
		return VH_ENOMEM;
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			if (vh_buf_putc(out, '\\') < 0 || vh_buf_putc(out, (char)*p) < 0)
				return VH_ENOMEM;
		} else if (*p >= 0x20 && *p < 0x7f) {
			if (vh_buf_putc(out, (char)*p) < 0)
				return VH_ENOMEM;
		} else if (vh_buf_printf(out, "\\x%02x", *p) < 0) {
			return VH_ENOMEM;
		}
	}
	return vh_buf_putc(out, '"');
}

static int set_env(struct vh_buf *out, const char *name, const char *value)
{
	if (vh_buf_printf(out, "set-env %s ", name) < 0 || quote(out, value) < 0)
		return VH_ENOMEM;
	return vh_buf_putc(out, '\n');
}

static int unset_env(struct vh_buf *out, const char *name)
{
	return vh_buf_printf(out, "unset-env %s\n", name);
}

/* $paths is PATH as a list: setting PATH sets it. */
static int set_path(struct vh_buf *out, const char *list)
{
	return set_env(out, "PATH", list);
}

/* PATH edited as a string with str:replace, the first ":E:" of
 * ":PATH:" (an entry holds no ':', so that is the first entry equal to
 * E), then the ':' added at each end taken off; the new entry in front. */
static int edit_path(struct vh_buf *out, const char *now, const char *remove, const char *prepend)
{
	(void)now;
	if (remove && (vh_buf_puts(out, "set-env PATH (str:trim-suffix (str:trim-prefix (str:replace "
				   "&max=1 ") < 0 ||
		       vh_buf_puts(out, "\":\"") < 0 || quote(out, remove) < 0 ||
		       vh_buf_puts(out, "\":\" \":\" \":\"$E:PATH\":\") \":\") \":\")\n") < 0))
		return VH_ENOMEM;
	if (prepend && (vh_buf_puts(out, "if (eq $E:PATH \"\") { set-env PATH ") < 0 ||
			quote(out, prepend) < 0 || vh_buf_puts(out, " } else { set-env PATH ") < 0 ||
			quote(out, prepend) < 0 || vh_buf_puts(out, "\":\"$E:PATH }\n") < 0))
		return VH_ENOMEM;
	return 0;
}

/* var, not set: in init's output it comes before the hook that uses it,
 * and the hook takes export's from the namespace its eval leaves. */
static int set_local(struct vh_buf *out, const char *name, const char *value)
{
	if (vh_buf_printf(out, "var %s = ", name) < 0 || quote(out, value) < 0)
		return VH_ENOMEM;
	return vh_buf_putc(out, '\n');
}

static int set_list(struct vh_buf *out, const char *name, const char *const *values, size_t n)
{
	size_t i;

	if (vh_buf_printf(out, "var %s = [", name) < 0)
		return VH_ENOMEM;
	for (i = 0; i < n; i++)
		if ((i && vh_buf_putc(out, ' ') < 0) || quote(out, values[i]) < 0)
			return VH_ENOMEM;
	return vh_buf_puts(out, "]\n");
}

static const struct vh_shell_check checks[] = {
	{ "the hook runs on directory changes",
	  { { "hooks", "after-chdir", NULL,
	      "$after-chdir no longer holds venvhook's hook: something set it after venvhook was loaded; put the init line last in rc.elv" } } },
	{ "the hook runs before each prompt",
	  { { "precmd", "before-readline", NULL,
	      "$edit:before-readline no longer holds venvhook's hook: something set it after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line last in rc.elv" } } },
	{ NULL, { { NULL, NULL, NULL, NULL } } },
};

static const char *const rival_facts[] = { "rivals", NULL };

static const struct vh_emitter elvish_emit = {
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_path = set_path,
	.edit_path = edit_path,
	.set_local = set_local,
	.set_list = set_list,
};

const struct vh_shell vh_shell_elvish = {
	.name = "elvish",
	.guard = vh_guard_elvish,
	.hook = vh_hook_elvish,
	.prompt = vh_prompt_elvish,
	.completion = vh_shell_completion_lists,
	.rc = { { "~/.config/elvish/rc.elv", "eval (%s init elvish | slurp)" } },
	.end = "\n",
	.checks = checks,
	.rival_facts = rival_facts,
	.emit = &elvish_emit,
	.line_dialect = VH_DIALECT_OTHER,
};
