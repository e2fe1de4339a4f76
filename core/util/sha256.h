/* SHA-256, MD5 and URL-safe base64: what Poetry, pipenv and hatch (SHA-256)
 * and pdm (MD5) hash a project's path with to name its env. The digest comes from the system's libmd
 * (found by configure), loaded with dlopen() on the first hash, so a
 * directory change that needs none does not pay for loading it. */
#ifndef VH_SHA256_H
#define VH_SHA256_H

#include <stddef.h>

#include "core/util/buf.h"

#define VH_SHA256_LEN 32
#define VH_MD5_LEN 16

/* out = SHA-256 of len bytes at data. Returns 0; -1 when libmd cannot be
 * loaded, with the reason appended to why (once per process). */
int vh_sha256(unsigned char out[VH_SHA256_LEN], const void *data, size_t len, struct vh_buf *why);

/* out = MD5 of len bytes at data, likewise. */
int vh_md5(unsigned char out[VH_MD5_LEN], const void *data, size_t len, struct vh_buf *why);

/* Appends base64 of data with the URL-safe alphabet ('-', '_') and '='
 * padding, as Python's base64.urlsafe_b64encode. Returns 0 or -1. */
int vh_base64url(struct vh_buf *out, const unsigned char *data, size_t len);

#endif
