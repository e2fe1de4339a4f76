/*
 * libFuzzer harness: the trust file reader (core/trust.c). The file lives in
 * the user's data directory, but a corrupt one (a crash mid-write by some
 * other tool, an editor, a bad merge of dotfiles) must never crash venvhook
 * or make it trust what it should not. Any violated invariant aborts.
 *
 * Invariants, from the format trust.h documents:
 *  - every entry has an absolute, NUL-free path and a pyvenv.cfg of at most
 *    VH_TRUST_MAX_CFG bytes;
 *  - every non-blank line is either one entry or one bad line;
 *  - a lookup of an entry's own path and bytes gives deny when any entry
 *    for that path denies, else allow (a deny beats an allow);
 *  - a path with no entry gets no decision.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/trust.h"

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "invariant: %s\n", #c); abort(); } } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t nonblank_lines(const char *p, size_t n)
{
	size_t lines = 0, i, start = 0;

	for (i = 0; i <= n; i++) {
		if (i == n || p[i] == '\n') {
			lines += i > start;
			start = i + 1;
		}
	}
	return lines;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct vh_trust t;
	size_t i, j;

	if (vh_trust_parse(&t, text, size) < 0) {
		vh_trust_free(&t);
		return 0; /* out of memory */
	}
	CHECK(t.n + t.bad_lines == nonblank_lines(text, size));
	for (i = 0; i < t.n; i++) {
		const struct vh_trust_entry *e = &t.v[i];
		enum vh_verdict want = e->verdict, got;

		CHECK(e->path && e->path[0] == '/');
		CHECK(e->cfg && e->cfg_len <= VH_TRUST_MAX_CFG);
		for (j = 0; j < t.n; j++)
			if (!strcmp(t.v[j].path, e->path) && t.v[j].verdict == VH_TRUST_DENY)
				want = VH_TRUST_DENY;
		got = vh_trust_lookup(&t, e->path, e->cfg, e->cfg_len);
		CHECK(got == want);
	}
	CHECK(vh_trust_lookup(&t, "/\x01no such path\x01", "", 0) == VH_TRUST_NONE);
	vh_trust_free(&t);
	return 0;
}
