/* The POSIX family: bash and zsh. The same quoting and the same
 * export/unset; only the hook and the way to forget hashed commands
 * differ. */
#include "../core/err.h"
#include "shell.h"

extern const char vh_hook_bash[], vh_hook_zsh[], vh_prompt_bash[], vh_prompt_zsh[];
void vh_doctor_bash(struct vh_doctor *d); /* shells/doctor_bash.c */

/* Inside '...' every byte but ' is literal, newlines included; ' itself
 * becomes '\'' (close, escaped quote, reopen). */
static int quote(struct vh_buf *out, const char *s)
{
	if (vh_buf_putc(out, '\'') < 0)
		return VH_ENOMEM;
	for (; *s; s++) {
		if (*s == '\'') {
			if (vh_buf_puts(out, "'\\''") < 0)
				return VH_ENOMEM;
		} else if (vh_buf_putc(out, *s) < 0) {
			return VH_ENOMEM;
		}
	}
	return vh_buf_putc(out, '\'');
}

/* PREFIX name='value' */
static int assign(struct vh_buf *out, const char *prefix, const char *name, const char *value)
{
	if (vh_buf_printf(out, "%s%s=", prefix, name) < 0 || quote(out, value) < 0)
		return VH_ENOMEM;
	return vh_buf_putc(out, '\n');
}

/* name=('a' 'b'): an array in bash and zsh alike. */
static int set_list(struct vh_buf *out, const char *name, const char *const *values, size_t n)
{
	size_t i;

	if (vh_buf_printf(out, "%s=(", name) < 0)
		return VH_ENOMEM;
	for (i = 0; i < n; i++)
		if ((i && vh_buf_putc(out, ' ') < 0) || quote(out, values[i]) < 0)
			return VH_ENOMEM;
	return vh_buf_puts(out, ")\n");
}

static int set_local(struct vh_buf *out, const char *name, const char *value)
{
	return assign(out, "", name, value);
}

/* bash and zsh: `builtin`, so a user's function or alias named export or
 * unset cannot take over. */
static int set_env(struct vh_buf *out, const char *name, const char *value)
{
	return assign(out, "builtin export ", name, value);
}

static int unset_env(struct vh_buf *out, const char *name)
{
	return vh_buf_printf(out, "builtin unset -v %s\n", name);
}

static int set_path(struct vh_buf *out, const char *list)
{
	return set_env(out, "PATH", list);
}

static int bash_rehash(struct vh_buf *out)
{
	return vh_buf_puts(out, "builtin hash -r\n");
}

static int zsh_rehash(struct vh_buf *out)
{
	return vh_buf_puts(out, "builtin rehash\n");
}

static const char *const rival_facts[] = { "hooks", "precmd", NULL };

const struct vh_shell vh_shell_bash = {
	.name = "bash",
	.hook = vh_hook_bash,
	.prompt = vh_prompt_bash,
	.rc_file = "~/.bashrc",
	.rc_line = "eval \"$(%s init bash)\"",
	.end = "\n",
	.doctor = vh_doctor_bash,
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_path = set_path,
	.set_local = set_local,
	.set_list = set_list,
	.rehash = bash_rehash,
};

static const struct vh_shell_check zsh_checks[] = {
	{ "the hook runs on directory changes",
	  { { "hooks", "__venvhook_hook", NULL,
	      "chpwd_functions no longer holds the hook: something reset it after venvhook was loaded; put the init line last in ~/.zshrc" } } },
	{ "the hook runs before each prompt",
	  { { "hooks", "__venvhook_precmd", NULL,
	      "precmd_functions no longer holds venvhook's prompt hook: something reset it after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line last in ~/.zshrc" } } },
	{ NULL, { { NULL, NULL, NULL, NULL } } },
};

const struct vh_shell vh_shell_zsh = {
	.name = "zsh",
	.hook = vh_hook_zsh,
	.prompt = vh_prompt_zsh,
	.rc_file = "~/.zshrc",
	.rc_line = "eval \"$(%s init zsh)\"",
	.end = "\n",
	.checks = zsh_checks,
	.rival_facts = rival_facts,
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_path = set_path,
	.set_local = set_local,
	.set_list = set_list,
	.rehash = zsh_rehash,
};
