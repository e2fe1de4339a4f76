/* What make check tells the unit tests that run real shells, from
 * configure.ac's list of shells (test_quote, test_pathedit). */
#ifndef VH_SHELLENV_H
#define VH_SHELLENV_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* VH_<NAME><suffix>: the shell's path (""), how to start it without rc
 * files ("_BARE"), and the like. */
static const char *shell_var(const char *name, const char *suffix)
{
	char var[64];
	size_t i;

	snprintf(var, sizeof(var), "VH_%s%s", name, suffix);
	for (i = 3; var[i] && i < 3 + strlen(name); i++)
		if (var[i] >= 'a' && var[i] <= 'z')
			var[i] = (char)(var[i] - 'a' + 'A');
	return getenv(var);
}

/* 1 when name is one of configure.ac's optional shells and CI does not
 * ask for all (VH_REQUIRE_ALL_SHELLS). */
static int optional(const char *name)
{
	const char *list = getenv("VH_OPTIONAL_SHELLS"), *all = getenv("VH_REQUIRE_ALL_SHELLS");
	size_t n = strlen(name);
	const char *p;

	if (all && *all)
		return 0;
	for (p = list; p && (p = strstr(p, name)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
	return 0;
}

#endif
