/*
 * libFuzzer harness: environment.yml's top-level name: (vh_condaenv_parse,
 * core/find/condaenv.c). Any violated invariant aborts.
 *
 * Invariants, from condaenv.h's contract:
 *  - it returns 0 or 1 (no input is an error), and a name only with 0;
 *  - a name is not empty, holds no NUL, '\n' or '\r', and is a substring of
 *    the input (nothing is unescaped or joined);
 *  - a name comes only from an input with a line that starts with "name";
 *  - refused (1), why says why; found, why is empty.
 * Time: libFuzzer's -timeout (the reader is one pass over the lines).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/find/condaenv.h"
#include "core/util/buf.h"

#define CHECK(cond)                                                               \
	do {                                                                      \
		if (!(cond)) {                                                    \
			fprintf(stderr, "fuzz_condaenv: %s:%d: invariant '%s' broken\n", \
				__FILE__, __LINE__, #cond);                        \
			abort();                                                  \
		}                                                                 \
	} while (0)

static int has_key_line(const uint8_t *d, size_t n)
{
	size_t i;

	for (i = 0; i + 4 <= n; i++)
		if ((i == 0 || d[i - 1] == '\n' || (i == 3 && !memcmp(d, "\xef\xbb\xbf", 3))) &&
		    !memcmp(d + i, "name", 4))
			return 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vh_buf why = VH_BUF_INIT;
	char *name = NULL;
	int rc = vh_condaenv_parse(&name, &why, (const char *)data, size);

	CHECK(rc == 0 || rc == VH_EREFUSED);
	CHECK(!name || rc == 0);
	CHECK(rc == 0 ? why.len == 0 : why.len > 0);
	if (name) {
		size_t len = strlen(name);

		CHECK(len > 0);
		CHECK(!strpbrk(name, "\n\r"));
		CHECK(memmem(data, size, name, len) != NULL);
		CHECK(has_key_line(data, size));
	}
	free(name);
	vh_buf_free(&why);
	return 0;
}
