#include "core/util/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(struct vh_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > (size_t)-1 / 2 - b->len)
		return VH_ENOMEM;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	p = realloc(b->data, cap);
	if (!p)
		return VH_ENOMEM;
	b->data = p;
	b->cap = cap;
	return 0;
}

int vh_buf_grow(struct vh_buf *b, size_t n)
{
	return grow(b, n);
}

int vh_buf_add(struct vh_buf *b, const char *p, size_t n)
{
	if (grow(b, n) < 0)
		return VH_ENOMEM;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return 0;
}

int vh_buf_puts(struct vh_buf *b, const char *s)
{
	return vh_buf_add(b, s, strlen(s));
}

int vh_buf_putc(struct vh_buf *b, char c)
{
	return vh_buf_add(b, &c, 1);
}

int vh_buf_vprintf(struct vh_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0 || grow(b, (size_t)n) < 0) {
		va_end(again);
		return VH_ENOMEM;
	}
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
	va_end(again);
	b->len += (size_t)n;
	return 0;
}

int vh_buf_printf(struct vh_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vh_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

const char *vh_buf_str(struct vh_buf *b)
{
	return b->data ? b->data : "";
}

char *vh_buf_detach(struct vh_buf *b)
{
	char *s = b->data;

	if (!s)
		s = calloc(1, 1);
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void vh_buf_reset(struct vh_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void vh_buf_free(struct vh_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
