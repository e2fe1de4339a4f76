#include <string.h>

#include "core/util/err.h"
#include "shells/shell.h"

extern const char vh_hook_fish[], vh_prompt_fish[];

/* fish is not POSIX: inside '...' both \ and ' are escapes, so a trailing
 * backslash would eat the closing quote. Every other byte, newlines and
 * invalid UTF-8 included, is taken as it is. */
static int quote_bytes(struct vh_buf *out, const char *s, size_t n)
{
	size_t i;

	if (vh_buf_putc(out, '\'') < 0)
		return VH_ENOMEM;
	for (i = 0; i < n; i++) {
		if ((s[i] == '\\' || s[i] == '\'') && vh_buf_putc(out, '\\') < 0)
			return VH_ENOMEM;
		if (vh_buf_putc(out, s[i]) < 0)
			return VH_ENOMEM;
	}
	return vh_buf_putc(out, '\'');
}

static int quote(struct vh_buf *out, const char *s)
{
	return quote_bytes(out, s, strlen(s));
}

static int set_env(struct vh_buf *out, const char *name, const char *value)
{
	if (vh_buf_printf(out, "builtin set -gx %s ", name) < 0 || quote(out, value) < 0)
		return VH_ENOMEM;
	return vh_buf_putc(out, '\n');
}

static int unset_env(struct vh_buf *out, const char *name)
{
	return vh_buf_printf(out, "builtin set -eg %s\n", name);
}

/* PATH is a list in fish: one quoted word per entry, empty ones included. */
static int set_path(struct vh_buf *out, const char *list)
{
	const char *end;

	if (vh_buf_puts(out, "builtin set -gx PATH") < 0)
		return VH_ENOMEM;
	if (*list) {
		for (;;) {
			end = strchr(list, ':');
			if (!end)
				end = list + strlen(list);
			if (vh_buf_putc(out, ' ') < 0 || quote_bytes(out, list, (size_t)(end - list)) < 0)
				return VH_ENOMEM;
			if (!*end)
				break;
			list = end + 1;
		}
	}
	return vh_buf_putc(out, '\n');
}

/* PATH is a list: the first element equal to remove goes by its index
 * (contains -i compares whole strings), the new one goes in front. */
static int edit_path(struct vh_buf *out, const char *now, const char *remove, const char *prepend)
{
	(void)now;
	if (remove && (vh_buf_puts(out, "builtin set -l __venvhook_i (builtin contains -i -- ") < 0 ||
		       quote(out, remove) < 0 ||
		       vh_buf_puts(out, " $PATH)\nbuiltin set -q __venvhook_i[1]; and builtin set -eg"
				   " PATH[$__venvhook_i[1]]\nbuiltin set -e __venvhook_i\n") < 0))
		return VH_ENOMEM;
	if (prepend && (vh_buf_puts(out, "builtin set -gx PATH ") < 0 || quote(out, prepend) < 0 ||
			vh_buf_puts(out, " $PATH\n") < 0))
		return VH_ENOMEM;
	return 0;
}

static int set_local(struct vh_buf *out, const char *name, const char *value)
{
	if (vh_buf_printf(out, "builtin set -g %s ", name) < 0 || quote(out, value) < 0)
		return VH_ENOMEM;
	return vh_buf_putc(out, '\n');
}

static int set_list(struct vh_buf *out, const char *name, const char *const *values, size_t n)
{
	size_t i;

	if (vh_buf_printf(out, "builtin set -g %s", name) < 0)
		return VH_ENOMEM;
	for (i = 0; i < n; i++)
		if (vh_buf_putc(out, ' ') < 0 || quote(out, values[i]) < 0)
			return VH_ENOMEM;
	return vh_buf_putc(out, '\n');
}

/* (handlers: `functions --handlers`, its lines joined by ';') */
static const struct vh_shell_check checks[] = {
	{ "the hook runs on directory changes",
	  { { "hooks", "__venvhook_hook", NULL, "the hook function is gone: load venvhook again" },
	    { "handlers", ";PWD __venvhook_hook;", "handlers_known",
	      "__venvhook_hook no longer runs when PWD changes: something defined it again after venvhook was loaded; put the init line last in config.fish" } } },
	{ "the hook runs before each prompt",
	  { { "hooks", "__venvhook_precmd", NULL,
	      "the prompt hook function is gone: load venvhook again" },
	    { "handlers", ";fish_prompt __venvhook_precmd;", "handlers_known",
	      "__venvhook_precmd no longer runs before each prompt: something defined it again after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line last in config.fish" } } },
	{ NULL, { { NULL, NULL, NULL, NULL } } },
};

static const char *const rival_facts[] = { "hooks", NULL };

void vh_doctor_fish(struct vh_doctor *d); /* shells/doctor_fish.c */

static const struct vh_emitter fish_emit = {
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_path = set_path,
	.edit_path = edit_path,
	.set_local = set_local,
	.set_list = set_list,
};

const struct vh_shell vh_shell_fish = {
	.name = "fish",
	.guard = vh_guard_fish,
	.hook = vh_hook_fish,
	.prompt = vh_prompt_fish,
	.rc = { { "~/.config/fish/config.fish", "status is-interactive; and %s init fish | source" } },
	.end = "\n",
	.line_dialect = VH_DIALECT_FISH,
	.checks = checks,
	.doctor = vh_doctor_fish,
	.rival_facts = rival_facts,
	.emit = &fish_emit,
};
