/* Lowercase hex: how venvhook writes any byte string (a path, a key) into
 * its own files and into the words the hooks pass back, so that no byte of
 * a directory name can end a field or a line, or split a word a hook
 * passes unquoted. */
#ifndef VH_HEX_H
#define VH_HEX_H

#include <stddef.h>

#include "core/util/buf.h"

/* Appends the n bytes at s as 2n lowercase hex digits. */
int vh_hex_put(struct vh_buf *out, const char *s, size_t n);

/* The value of a lowercase hex digit, or VH_ESYNTAX. */
int vh_hex_digit(int c);

/* Decodes the n hex digits at s into a fresh NUL-terminated string (*out,
 * *len bytes). Returns 0, VH_ESYNTAX when s is not lowercase hex of whole
 * bytes, or VH_ENOMEM. Caller frees *out. */
int vh_hex_decode(char **out, size_t *len, const char *s, size_t n);

#endif
