#include "shell.h"

#include <string.h>

extern const struct vh_shell vh_shell_bash, vh_shell_zsh, vh_shell_fish, vh_shell_tcsh,
	vh_shell_csh;

static const struct vh_shell *const shells[] = {
	&vh_shell_bash,
	&vh_shell_zsh,
	&vh_shell_fish,
	&vh_shell_tcsh,
	&vh_shell_csh,
	NULL,
};

const struct vh_shell *vh_shell_lookup(const char *name)
{
	const struct vh_shell *const *sh;
	const char *slash = strrchr(name, '/');

	if (slash)
		name = slash + 1;
	if (*name == '-')
		name++;
	for (sh = shells; *sh; sh++)
		if (strcmp((*sh)->name, name) == 0)
			return *sh;
	return NULL;
}

const char *vh_shell_names(void)
{
	static char names[128];
	const struct vh_shell *const *sh;

	if (!names[0])
		for (sh = shells; *sh; sh++) {
			if (sh != shells)
				strcat(names, ", ");
			strcat(names, (*sh)->name);
		}
	return names;
}
