/* A growable byte buffer; every string venvhook builds goes through one. */
#ifndef VH_BUF_H
#define VH_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "core/util/err.h"

struct vh_buf {
	char *data; /* always NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

#define VH_BUF_INIT { NULL, 0, 0 }

int vh_buf_add(struct vh_buf *b, const char *p, size_t n);
/* Room for n more bytes and the NUL after them at data + len (for a read
 * straight into the buffer). Returns 0 or VH_ENOMEM. */
int vh_buf_grow(struct vh_buf *b, size_t n);
int vh_buf_puts(struct vh_buf *b, const char *s);
int vh_buf_putc(struct vh_buf *b, char c);
int vh_buf_printf(struct vh_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int vh_buf_vprintf(struct vh_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* The contents as a C string ("" for an empty buffer, never NULL). */
const char *vh_buf_str(struct vh_buf *b);
/* Hands the malloc'd string to the caller and resets the buffer. */
char *vh_buf_detach(struct vh_buf *b);
void vh_buf_reset(struct vh_buf *b);
void vh_buf_free(struct vh_buf *b);

#endif
