/*
 * libmd is loaded with dlopen() when a name is first hashed. Linked, it
 * would add its loading to every `venvhook export` (measured: ~45 us on a
 * ~500 us start-up), and most directory changes hash nothing. The function
 * pointers take their types from <sha2.h>, so a mismatch with the headers
 * configure found is a compile error.
 */
#include "core/util/sha256.h"

#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <md5.h>
#include <sha2.h>

static struct {
	int tried, ok;
	char why[256];
	__typeof__(&SHA256Init) init;
	__typeof__(&SHA256Update) update;
	__typeof__(&SHA256Final) final;
	__typeof__(&MD5Init) md5_init;
	__typeof__(&MD5Update) md5_update;
	__typeof__(&MD5Final) md5_final;
} md;

#define LOAD(field, symbol) \
	(*(void **)&md.field = dlsym(handle, #symbol)) != NULL

static int md_load(struct vh_buf *why)
{
	void *handle;
	const char *e;

	if (!md.tried) {
		md.tried = 1;
		handle = dlopen(VH_LIBMD_SONAME, RTLD_NOW | RTLD_LOCAL);
		if (handle && LOAD(init, SHA256Init) && LOAD(update, SHA256Update) &&
		    LOAD(final, SHA256Final) && LOAD(md5_init, MD5Init) && LOAD(md5_update, MD5Update) &&
		    LOAD(md5_final, MD5Final)) {
			md.ok = 1;
		} else {
			e = dlerror();
			snprintf(md.why, sizeof(md.why), "cannot load %s: %s", VH_LIBMD_SONAME,
				 e ? e : "a function is missing");
			if (handle)
				dlclose(handle);
		}
	}
	if (!md.ok && why)
		vh_buf_puts(why, md.why);
	return md.ok ? 0 : -1;
}

int vh_sha256(unsigned char out[VH_SHA256_LEN], const void *data, size_t len, struct vh_buf *why)
{
	SHA2_CTX ctx;

	if (md_load(why) < 0)
		return -1;
	md.init(&ctx);
	md.update(&ctx, data, len);
	md.final(out, &ctx);
	return 0;
}

int vh_md5(unsigned char out[VH_MD5_LEN], const void *data, size_t len, struct vh_buf *why)
{
	MD5_CTX ctx;

	if (md_load(why) < 0)
		return -1;
	md.md5_init(&ctx);
	md.md5_update(&ctx, data, len);
	md.md5_final(out, &ctx);
	return 0;
}

int vh_base64url(struct vh_buf *out, const unsigned char *data, size_t len)
{
	static const char abc[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	char q[4];
	size_t i;
	uint32_t v;

	for (i = 0; i < len; i += 3) {
		v = (uint32_t)data[i] << 16;
		if (i + 1 < len)
			v |= (uint32_t)data[i + 1] << 8;
		if (i + 2 < len)
			v |= data[i + 2];
		q[0] = abc[v >> 18];
		q[1] = abc[(v >> 12) & 63];
		q[2] = i + 1 < len ? abc[(v >> 6) & 63] : '=';
		q[3] = i + 2 < len ? abc[v & 63] : '=';
		if (vh_buf_add(out, q, 4) < 0)
			return -1;
	}
	return 0;
}
