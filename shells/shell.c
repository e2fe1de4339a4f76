#include "shells/shell.h"

#include <string.h>

#include "core/util/err.h"

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
	const char *slash = strrchr(name, '/'), *const *alias;

	if (slash)
		name = slash + 1;
	if (*name == '-')
		name++;
	for (sh = vh_shells; *sh; sh++) {
		if (strcmp((*sh)->name, name) == 0)
			return *sh;
		for (alias = (*sh)->aliases; alias && *alias; alias++)
			if (strcmp(*alias, name) == 0)
				return *sh;
	}
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
	const char *at = sh->call ? strstr(sh->call, "%s") : NULL;

	if (at)
		return vh_buf_add(out, sh->call, (size_t)(at - sh->call)) < 0 ||
		       vh_buf_puts(out, name) < 0 || vh_buf_puts(out, at + 2) < 0 ? -1 : 0;
	return vh_buf_puts(out, name) < 0 || vh_buf_puts(out, sh->end) < 0 ? -1 : 0;
}

int vh_shell_rc_line(struct vh_buf *out, const struct vh_shell *sh, size_t i, const char *exe)
{
	const char *line, *at;

	if (i >= sizeof(sh->rc) / sizeof(sh->rc[0]) || !sh->rc[i].file)
		return VH_ENOTFOUND;
	line = sh->rc[i].line;
	at = strstr(line, "%s");
	if (!at)
		return vh_buf_puts(out, line) < 0 ? VH_ENOMEM : 0;
	if (vh_buf_add(out, line, (size_t)(at - line)) < 0 || vh_buf_puts(out, exe) < 0 ||
	    vh_buf_puts(out, at + 2) < 0)
		return VH_ENOMEM;
	return 0;
}

const char *vh_shell_unsayable(const struct vh_shell *sh, const char *value)
{
	return sh->unsayable && value ? sh->unsayable(value) : NULL;
}

/* FNV-1a: a check that a saved copy is current, not a defence. */
static unsigned long long fnv(unsigned long long h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

int vh_shell_made(struct vh_buf *out, const struct vh_shell *sh, const char *exe)
{
	unsigned long long h = 14695981039346656037ULL;

	h = fnv(fnv(fnv(h, sh->hook), sh->prompt), exe);
	return vh_buf_printf(out, "%s-%08llx", PACKAGE_VERSION, h & 0xffffffffULL) < 0 ? VH_ENOMEM : 0;
}
