#include "shells/shell.h"

#include <string.h>

/* The entries, from configure.ac's list (config.h's VH_SHELL_LIST). */
#define VH_SHELL(name) extern const struct vh_shell vh_shell_##name;
VH_SHELL_LIST
#undef VH_SHELL

#define VH_SHELL(name) &vh_shell_##name,
const struct vh_shell *const vh_shells[] = { VH_SHELL_LIST NULL };
#undef VH_SHELL

const struct vh_shell *vh_shell_lookup(const char *name)
{
	const struct vh_shell *const *sh;
	const char *slash = strrchr(name, '/');

	if (slash)
		name = slash + 1;
	if (*name == '-')
		name++;
	for (sh = vh_shells; *sh; sh++)
		if (strcmp((*sh)->name, name) == 0 || ((*sh)->also && strcmp((*sh)->also, name) == 0))
			return *sh;
	return NULL;
}

const char *vh_shell_names(void)
{
	static char names[256];
	const struct vh_shell *const *sh;

	if (!names[0])
		for (sh = vh_shells; *sh; sh++) {
			if (sh != vh_shells)
				strcat(names, ", ");
			strcat(names, (*sh)->name);
		}
	return names;
}

int vh_shell_call(struct vh_buf *out, const struct vh_shell *sh, const char *name)
{
	return vh_buf_puts(out, name) < 0 || vh_buf_puts(out, sh->end) < 0 ? -1 : 0;
}

int vh_shell_rc_line(struct vh_buf *out, const struct vh_shell *sh, const char *exe)
{
	const char *at = strstr(sh->rc_line, "%s");

	if (!at)
		return vh_buf_puts(out, sh->rc_line);
	if (vh_buf_add(out, sh->rc_line, (size_t)(at - sh->rc_line)) < 0 || vh_buf_puts(out, exe) < 0)
		return -1;
	return vh_buf_puts(out, at + 2);
}
