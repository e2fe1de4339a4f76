/*
 * libFuzzer harness: a .condarc's envs_dirs list (vh_condarc_parse,
 * core/find/condarc.c). Any violated invariant aborts.
 *
 * Invariants, from condarc.h's contract:
 *  - it returns 0 or VH_EREFUSED (no input is an error);
 *  - refused: why says why, no entry is added and *final is 0; read: why
 *    is empty;
 *  - at most VH_CONDARC_MAX_DIRS entries, each not empty, holding no
 *    control byte, and lying in the input as it is (nothing unescaped
 *    or joined);
 *  - entries and #!final only from an input holding "envs_", and only
 *    when vh_condarc_sets says it sets the key (read_one says a file
 *    others can change only then).
 * Time: libFuzzer's -timeout (the reader is one pass over the lines).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/find/condarc.h"
#include "core/util/buf.h"
#include "core/util/err.h"

#define CHECK(cond)                                                                      \
	do {                                                                             \
		if (!(cond)) {                                                           \
			fprintf(stderr, "fuzz_condarc: %s:%d: invariant '%s' broken\n", \
				__FILE__, __LINE__, #cond);                               \
			abort();                                                         \
		}                                                                        \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vh_buf dirs = VH_BUF_INIT, why = VH_BUF_INIT;
	const char *p, *q;
	size_t n = 0;
	int final = 7, rc = vh_condarc_parse(&dirs, &final, &why, (const char *)data, size);

	CHECK(rc == 0 || rc == VH_EREFUSED);
	CHECK(rc == 0 ? why.len == 0 : why.len > 0);
	CHECK(final == 0 || final == 1);
	if (rc)
		CHECK(dirs.len == 0 && final == 0);
	if (dirs.len || final)
		CHECK(memmem(data, size, "envs_", 5) != NULL && vh_condarc_sets((const char *)data, size));
	for (p = dirs.data; p && p < dirs.data + dirs.len; p += strlen(p) + 1) {
		CHECK(*p);
		for (q = p; *q; q++)
			CHECK((unsigned char)*q >= 0x20 && *q != 0x7f);
		CHECK(memmem(data, size, p, strlen(p)) != NULL);
		n++;
	}
	CHECK(n <= VH_CONDARC_MAX_DIRS);
	vh_buf_free(&dirs);
	vh_buf_free(&why);
	return 0;
}
