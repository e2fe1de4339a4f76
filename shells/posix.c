#include "posix.h"

/* Inside '...' every byte but ' is literal, newlines included; ' itself
 * becomes '\'' (close, escaped quote, reopen). */
int vh_posix_quote(struct vh_buf *out, const char *s)
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

int vh_posix_set_env(struct vh_buf *out, const char *name, const char *value)
{
	if (vh_buf_printf(out, "builtin export %s=", name) < 0 ||
	    vh_posix_quote(out, value) < 0)
		return -1;
	return vh_buf_putc(out, '\n');
}

int vh_posix_unset_env(struct vh_buf *out, const char *name)
{
	return vh_buf_printf(out, "builtin unset -v %s\n", name);
}

int vh_posix_set_local(struct vh_buf *out, const char *name, const char *value)
{
	if (vh_buf_printf(out, "%s=", name) < 0 || vh_posix_quote(out, value) < 0)
		return -1;
	return vh_buf_putc(out, '\n');
}
