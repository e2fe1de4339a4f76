/*
 * The digest comes from what the platform has (configure's --with-sha256):
 *   commoncrypto  macOS's CC_SHA256_*, in libSystem;
 *   libc          the <sha2.h> SHA256Init family in OpenBSD's and NetBSD's libc;
 *   libmd         libmd's <sha256.h> (FreeBSD's base, libmd-dev elsewhere);
 *   nettle        nettle's <nettle/sha2.h>.
 * The first two are always loaded. libmd and nettle are loaded with
 * dlopen() when a name is first hashed: linked, they would add their
 * loading to every `venvhook export` (measured for libmd: ~45 us on a
 * ~500 us start-up), and most directory changes hash nothing. Their
 * headers rename the functions (FreeBSD's SHA256_Init is _libmd_SHA256_Init,
 * nettle's sha256_init nettle_sha256_init), so the names asked of dlsym are
 * the headers' own, expanded, and the pointers take their types from the
 * headers: a mismatch with the library configure found is a compile error.
 */
#include "core/util/sha256.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "core/util/err.h"

#if defined(VH_SHA256_COMMONCRYPTO)
#include <CommonCrypto/CommonDigest.h>
#elif defined(VH_SHA256_LIBC)
#include <sha2.h>
#elif defined(VH_SHA256_LIBMD)
#include <sha256.h>
#elif defined(VH_SHA256_NETTLE)
#include <nettle/sha2.h>
#else
#error "configure chose no SHA-256 (--with-sha256)"
#endif

#if defined(VH_SHA256_LIBMD) || defined(VH_SHA256_NETTLE)
#include <dlfcn.h>

#define VH_STR(x) #x
#define VH_NAME(x) VH_STR(x) /* the name x expands to */

#ifdef VH_SHA256_LIBMD
typedef SHA256_CTX vh_sha_ctx;
#define VH_SHA_INIT SHA256_Init
#define VH_SHA_UPDATE SHA256_Update
#define VH_SHA_FINAL SHA256_Final
#else
typedef struct sha256_ctx vh_sha_ctx;
#define VH_SHA_INIT sha256_init
#define VH_SHA_UPDATE sha256_update
#define VH_SHA_FINAL sha256_digest
#endif

static struct {
	int tried, ok;
	char why[256];
	__typeof__(&VH_SHA_INIT) init;
	__typeof__(&VH_SHA_UPDATE) update;
	__typeof__(&VH_SHA_FINAL) final;
} lib;

#define LOAD(field, fn) ((*(void **)&lib.field = dlsym(handle, VH_NAME(fn))) != NULL)

static int lib_load(struct vh_buf *why)
{
	void *handle;
	const char *e;

	if (!lib.tried) {
		lib.tried = 1;
		handle = dlopen(VH_SHA256_LIBNAME, RTLD_NOW | RTLD_LOCAL);
		if (handle && LOAD(init, VH_SHA_INIT) && LOAD(update, VH_SHA_UPDATE) &&
		    LOAD(final, VH_SHA_FINAL)) {
			lib.ok = 1;
		} else {
			e = dlerror();
			snprintf(lib.why, sizeof(lib.why), "cannot load %s: %s", VH_SHA256_LIBNAME,
				 e ? e : "a function is missing");
			if (handle)
				dlclose(handle);
		}
	}
	if (!lib.ok && why)
		vh_buf_puts(why, lib.why);
	return lib.ok ? 0 : VH_ENOLIB;
}

int vh_sha256(unsigned char out[VH_SHA256_LEN], const void *data, size_t len, struct vh_buf *why)
{
	vh_sha_ctx ctx;
	int rc = lib_load(why);

	if (rc < 0)
		return rc;
	lib.init(&ctx);
#ifdef VH_SHA256_LIBMD
	lib.update(&ctx, data, len);
	lib.final(out, &ctx);
#else
	lib.update(&ctx, len, data);
	lib.final(&ctx, VH_SHA256_LEN, out);
#endif
	return 0;
}

#elif defined(VH_SHA256_COMMONCRYPTO)

int vh_sha256(unsigned char out[VH_SHA256_LEN], const void *data, size_t len, struct vh_buf *why)
{
	CC_SHA256_CTX ctx;
	const unsigned char *p = data;
	CC_LONG n;

	(void)why;
	CC_SHA256_Init(&ctx);
	/* CC_LONG is 32 bits */
	do {
		n = len > 0x40000000u ? 0x40000000u : (CC_LONG)len;
		CC_SHA256_Update(&ctx, p, n);
		p += n;
		len -= n;
	} while (len);
	CC_SHA256_Final(out, &ctx);
	return 0;
}

#else /* VH_SHA256_LIBC */

int vh_sha256(unsigned char out[VH_SHA256_LEN], const void *data, size_t len, struct vh_buf *why)
{
	SHA2_CTX ctx;

	(void)why;
	SHA256Init(&ctx);
	SHA256Update(&ctx, data, len);
	SHA256Final(out, &ctx);
	return 0;
}

#endif

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
			return VH_ENOMEM;
	}
	return 0;
}
