/*
 * libFuzzer harness: the JSON reader of a conda prefix's conda-meta/state
 * (vh_json_members, core/util/json.c). Any violated invariant aborts.
 *
 * Invariants, from json.h's contract:
 *  - it returns 0 or VH_ESYNTAX (no input is another error here);
 *  - members only with 0, and only from an input holding "env_vars";
 *  - a member that is not bad has a value; its key and value are valid
 *    UTF-8 (escapes decoded, nothing invalid passed through);
 *  - no more members than the input has bytes.
 * Time: libFuzzer's -timeout (one pass, nesting bounded by VH_JSON_DEPTH).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util/err.h"
#include "core/util/json.h"
#include "core/util/msg.h"

#define CHECK(cond)                                                               \
	do {                                                                      \
		if (!(cond)) {                                                    \
			fprintf(stderr, "fuzz_json: %s:%d: invariant '%s' broken\n", \
				__FILE__, __LINE__, #cond);                        \
			abort();                                                  \
		}                                                                 \
	} while (0)

static int utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	enum vh_text_kind kind;
	unsigned long cp;

	for (; *p; p += vh_text_next(p, &cp, &kind))
		if (vh_text_next(p, &cp, &kind), kind == VH_TEXT_INVALID)
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vh_json_pairs p;
	int rc = vh_json_members(&p, (const char *)data, size, "env_vars");
	size_t i;

	CHECK(rc == 0 || rc == VH_ESYNTAX);
	CHECK(p.n <= size);
	if (p.n)
		CHECK(memmem(data, size, "env_vars", 8) != NULL || memmem(data, size, "\\u", 2) != NULL);
	for (i = 0; rc == 0 && i < p.n; i++) {
		CHECK(p.v[i].key != NULL);
		CHECK(p.v[i].bad || p.v[i].value != NULL);
		CHECK(utf8(p.v[i].key));
		CHECK(!p.v[i].value || utf8(p.v[i].value));
	}
	vh_json_pairs_free(&p);
	return 0;
}
