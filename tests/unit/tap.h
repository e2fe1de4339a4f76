/* A few lines of TAP for the unit tests; automake's tap-driver reads it. */
#ifndef VH_TAP_H
#define VH_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count, tap_failed;

__attribute__((format(printf, 2, 3)))
static int tap_ok(int pass, const char *fmt, ...)
{
	va_list ap;

	printf("%s %d - ", pass ? "ok" : "not ok", ++tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!pass)
		tap_failed++;
	return pass;
}

/* Compares two C strings (either may be NULL) and shows both on failure. */
__attribute__((unused))
static int tap_str(const char *got, const char *want, const char *what)
{
	int pass = (!got && !want) || (got && want && strcmp(got, want) == 0);

	tap_ok(pass, "%s", what);
	if (!pass)
		printf("#   got:  %s%s%s\n#   want: %s%s%s\n", got ? "'" : "", got ? got : "NULL",
		       got ? "'" : "", want ? "'" : "", want ? want : "NULL", want ? "'" : "");
	return pass;
}

static int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
