#include "core/util/hex.h"

#include <stdlib.h>

int vh_hex_put(struct vh_buf *out, const char *s, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++)
		if (vh_buf_putc(out, digits[(unsigned char)s[i] >> 4]) < 0 ||
		    vh_buf_putc(out, digits[(unsigned char)s[i] & 15]) < 0)
			return VH_ENOMEM;
	return vh_buf_puts(out, "");
}

int vh_hex_digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return VH_ESYNTAX;
}

int vh_hex_decode(char **out, size_t *len, const char *s, size_t n)
{
	size_t i;
	char *b;
	int hi, lo;

	*out = NULL;
	if (n % 2)
		return VH_ESYNTAX;
	b = malloc(n / 2 + 1);
	if (!b)
		return VH_ENOMEM;
	for (i = 0; i < n / 2; i++) {
		hi = vh_hex_digit((unsigned char)s[2 * i]);
		lo = vh_hex_digit((unsigned char)s[2 * i + 1]);
		if (hi < 0 || lo < 0) {
			free(b);
			return VH_ESYNTAX;
		}
		b[i] = (char)(hi << 4 | lo);
	}
	b[n / 2] = '\0';
	*out = b;
	*len = n / 2;
	return 0;
}
