/* The POSIX family: bash, zsh, ksh93 and mksh. The same quoting; each says
 * export, unset and lists its own way, and each has its own hook. */
#include "../core/err.h"
#include "shell.h"

extern const char vh_hook_bash[], vh_hook_zsh[], vh_hook_ksh93[], vh_hook_mksh[];
extern const char vh_prompt_bash[], vh_prompt_zsh[], vh_prompt_ksh93[], vh_prompt_mksh[];
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

/* ksh93 and mksh: `builtin` is something else there; a quoted command word
 * escapes an alias, and a function cannot take the name of a special
 * builtin such as export, unset or set. */
static int ksh_set_env(struct vh_buf *out, const char *name, const char *value)
{
	return assign(out, "\\export ", name, value);
}

static int ksh_unset_env(struct vh_buf *out, const char *name)
{
	return vh_buf_printf(out, "\\unset -v %s\n", name);
}

static int ksh_set_path(struct vh_buf *out, const char *list)
{
	return ksh_set_env(out, "PATH", list);
}

/* ksh93 reads name=() as a compound variable, not an empty array. */
static int ksh_set_list(struct vh_buf *out, const char *name, const char *const *values, size_t n)
{
	size_t i;

	if (vh_buf_printf(out, "\\set -A %s --", name) < 0)
		return VH_ENOMEM;
	for (i = 0; i < n; i++)
		if (vh_buf_putc(out, ' ') < 0 || quote(out, values[i]) < 0)
			return VH_ENOMEM;
	return vh_buf_putc(out, '\n');
}

/* Assigning PATH empties ksh93's and mksh's table of tracked commands. */
static int ksh_rehash(struct vh_buf *out)
{
	(void)out;
	return 0;
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

static const struct vh_shell_check ksh93_checks[] = {
	{ "the hook runs on directory changes",
	  { { "hooks", "PWD.set", NULL,
	      "PWD.set no longer runs the hook: something defined it again after venvhook was loaded; put the init line last in ~/.kshrc" } } },
	{ "the hook runs before each prompt",
	  { { "precmd", "PS1.get", NULL,
	      "PS1.get no longer runs the hook: something defined it again after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line last in ~/.kshrc" } } },
	{ NULL, { { NULL, NULL, NULL, NULL } } },
};

const struct vh_shell vh_shell_ksh93 = {
	.name = "ksh93",
	.hook = vh_hook_ksh93,
	.prompt = vh_prompt_ksh93,
	.rc_file = "~/.kshrc",
	.rc_line = "eval \"$(%s init ksh93)\"",
	.end = "\n",
	.checks = ksh93_checks,
	.rival_facts = rival_facts,
	.quote = quote,
	.set_env = ksh_set_env,
	.unset_env = ksh_unset_env,
	.set_path = ksh_set_path,
	.set_local = set_local,
	.set_list = ksh_set_list,
	.rehash = ksh_rehash,
};

static const struct vh_shell_check mksh_checks[] = {
	{ "the hook runs on directory changes",
	  { { "hooks", "__venvhook_cd", NULL,
	      "cd is a function that is not venvhook's, so the env switches at the next prompt, not for the rest of the cd's command line; leave cd to venvhook, or call __venvhook_check after the directory change in yours" } } },
	{ "the hook runs before each prompt",
	  { { "precmd", "${|__venvhook_precmd;}", NULL,
	      "PS1 no longer starts with venvhook's ${|__venvhook_precmd;}: something set PS1 after venvhook was loaded, so an env made at the prompt or a deactivate outside venvhook waits for the next cd; put the init line after the line that sets PS1 in ~/.mkshrc" } } },
	{ NULL, { { NULL, NULL, NULL, NULL } } },
};

const struct vh_shell vh_shell_mksh = {
	.name = "mksh",
	.hook = vh_hook_mksh,
	.prompt = vh_prompt_mksh,
	.rc_file = "~/.mkshrc",
	.rc_line = "eval \"$(%s init mksh)\"",
	.end = "\n",
	.checks = mksh_checks,
	.rival_facts = rival_facts,
	.quote = quote,
	.set_env = ksh_set_env,
	.unset_env = ksh_unset_env,
	.set_path = ksh_set_path,
	.set_local = set_local,
	.set_list = ksh_set_list,
	.rehash = ksh_rehash,
};
