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
	.set_local = set_local,
	.set_list = set_list,
	.rehash = zsh_rehash,
};
