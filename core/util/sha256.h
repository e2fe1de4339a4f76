/* SHA-256 and URL-safe base64: what Poetry and pipenv hash a project's
 * path with to name its env. The digest comes from the platform's own
 * (configure's --with-sha256: CommonCrypto, libc, libmd or nettle); a
 * library that is not always loaded is loaded with dlopen() on the first
 * hash, so a directory change that needs none does not pay for it. */
#ifndef VH_SHA256_H
#define VH_SHA256_H

#include <stddef.h>

#include "core/util/buf.h"

#define VH_SHA256_LEN 32

/* out = SHA-256 of len bytes at data. Returns 0; VH_ENOLIB when the
 * library cannot be loaded, with the reason appended to why. */
int vh_sha256(unsigned char out[VH_SHA256_LEN], const void *data, size_t len, struct vh_buf *why);

/* Appends base64 of data with the URL-safe alphabet ('-', '_') and '='
 * padding, as Python's base64.urlsafe_b64encode. Returns 0 or VH_ENOMEM. */
int vh_base64url(struct vh_buf *out, const unsigned char *data, size_t len);

#endif
