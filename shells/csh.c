/* tcsh and csh. Their hook output is run through `eval "`...`"`, which joins
 * the lines into one: every statement ends in ';', and a value holding a
 * newline cannot travel at all, so it is refused. */
#include <string.h>

#include "shell.h"

extern const char vh_hook_tcsh[], vh_hook_csh[], vh_completion_tcsh[], vh_prompt_tcsh[];

/* In '...' every byte is literal except '!', which history substitution
 * would take even there: it goes outside as \!. A ' goes outside as "'". */
static int quote(struct vh_buf *out, const char *s)
{
	if (vh_buf_putc(out, '\'') < 0)
		return -1;
	for (; *s; s++) {
		if (*s == '\n')
			return -1;
		if (*s == '\'') {
			if (vh_buf_puts(out, "'\"'\"'") < 0)
				return -1;
		} else if (*s == '!') {
			if (vh_buf_puts(out, "'\\!'") < 0)
				return -1;
		} else if (vh_buf_putc(out, *s) < 0) {
			return -1;
		}
	}
	return vh_buf_putc(out, '\'');
}

static int set_env(struct vh_buf *out, const char *name, const char *value)
{
	if (vh_buf_printf(out, "setenv %s ", name) < 0 || quote(out, value) < 0)
		return -1;
	return vh_buf_puts(out, " ;\n");
}

static int unset_env(struct vh_buf *out, const char *name)
{
	return vh_buf_printf(out, "unsetenv %s ;\n", name);
}

/* setenv PATH also resets tcsh's and csh's $path list. */
static int set_path(struct vh_buf *out, const char *list)
{
	return set_env(out, "PATH", list);
}

/* tcsh and csh have no string operation that could take one entry out of
 * a value exactly (tcsh's :s modifier reads & and its delimiter in the
 * replacement, BSD csh applies it to history only): removing, and so
 * leaving or switching, sends the whole new PATH. Putting one in front is
 * a concatenation with "$PATH", whose value is not read again; a PATH
 * empty now, or holding a newline (which these shells cannot carry), goes
 * the whole way too. */
static int edit_path(struct vh_buf *out, const char *now, const char *remove, const char *prepend)
{
	if (remove || !prepend || !*now || strchr(now, '\n'))
		return 1;
	if (vh_buf_puts(out, "setenv PATH ") < 0 || quote(out, prepend) < 0)
		return -1;
	return vh_buf_puts(out, ":\"$PATH\" ;\n");
}

static int set_local(struct vh_buf *out, const char *name, const char *value)
{
	if (vh_buf_printf(out, "set %s = ", name) < 0 || quote(out, value) < 0)
		return -1;
	return vh_buf_puts(out, " ;\n");
}

static int set_list(struct vh_buf *out, const char *name, const char *const *values, size_t n)
{
	size_t i;

	if (vh_buf_printf(out, "set %s = (", name) < 0)
		return -1;
	for (i = 0; i < n; i++)
		if (vh_buf_putc(out, ' ') < 0 || quote(out, values[i]) < 0)
			return -1;
	return vh_buf_puts(out, " ) ;\n");
}

static int rehash(struct vh_buf *out)
{
	return vh_buf_puts(out, "rehash ;\n");
}

const struct vh_shell vh_shell_tcsh = {
	.name = "tcsh",
	.hook = vh_hook_tcsh,
	.extra = vh_completion_tcsh,
	.prompt = vh_prompt_tcsh,
	.set_list = set_list,
	.names_list = 1,
	.one_line = 1,
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_path = set_path,
	.edit_path = edit_path,
	.set_local = set_local,
	.rehash = rehash,
};

const struct vh_shell vh_shell_csh = {
	.name = "csh",
	.hook = vh_hook_csh,
	.set_list = set_list,
	.one_line = 1,
	.quote = quote,
	.set_env = set_env,
	.unset_env = unset_env,
	.set_path = set_path,
	.edit_path = edit_path,
	.set_local = set_local,
	.rehash = rehash,
};
