/*
 * libFuzzer harness: the trust file reader (core/trust/trust.c). The file lives in
 * the user's data directory, but a corrupt one (a crash mid-write by some
 * other tool, an editor, a bad merge of dotfiles) must never crash venvhook
 * or make it trust what it should not. Any violated invariant aborts.
 *
 * Invariants, from the format trust.h documents:
 *  - every non-blank line is either one entry or one bad line;
 *  - every entry has an absolute, NUL-free path; an allow has an identity
 *    ("b..." or "i..."), a git field of "-", "?" or 40 hex digits, a known
 *    kind of consent;
 *  - a decision written out and read back is the same decision;
 *  - vh_trust_find of an entry's path says deny exactly when some entry
 *    for that path denies, and returns an allow for that path whenever
 *    there is one (a current allow rather than an old one);
 *  - a path with no entry gets no decision.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/trust/trust.h"

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

static int hex40(const char *s)
{
	return strlen(s) == 40 && strspn(s, "0123456789abcdef") == 40;
}

static void round_trip(const struct vh_trust_entry *e)
{
	struct vh_buf line = VH_BUF_INIT;
	struct vh_trust back;

	if (e->decision == VH_DECISION_OLD_ALLOW)
		return;
	CHECK(vh_trust_format_entry(&line, e) == 0);
	CHECK(vh_trust_parse(&back, line.data, line.len) == 0);
	CHECK(back.n == 1 && back.bad_lines == 0);
	CHECK(back.v[0].decision == e->decision && !strcmp(back.v[0].path, e->path));
	if (e->decision == VH_DECISION_ALLOW)
		CHECK(!strcmp(back.v[0].ident, e->ident) && !strcmp(back.v[0].git, e->git) &&
		      back.v[0].how == e->how && back.v[0].when == e->when);
	vh_trust_free(&back);
	vh_buf_free(&line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const struct vh_trust_entry *found;
	struct vh_trust t;
	size_t i, j;
	int deny, want_deny, want_allow, want_current;

	if (vh_trust_parse(&t, text, size) < 0) {
		vh_trust_free(&t);
		return 0; /* out of memory */
	}
	CHECK(t.n + t.bad_lines == nonblank_lines(text, size));
	for (i = 0; i < t.n; i++) {
		const struct vh_trust_entry *e = &t.v[i];

		CHECK(e->path && e->path[0] == '/');
		if (e->decision == VH_DECISION_ALLOW) {
			CHECK(e->ident[0] == 'b' || e->ident[0] == 'i');
			CHECK(!strcmp(e->git, "-") || !strcmp(e->git, "?") || hex40(e->git));
			CHECK(e->how <= VH_CONSENT_ACTIVATED);
		}
		round_trip(e);
		/* the lookups of the first entries (all of them would be the
		 * square of a 1 MiB file's, in fuzz-long) */
		if (i >= 64)
			continue;
		want_deny = want_allow = want_current = 0;
		for (j = 0; j < t.n; j++) {
			if (strcmp(t.v[j].path, e->path))
				continue;
			want_deny |= t.v[j].decision == VH_DECISION_DENY;
			want_allow |= t.v[j].decision != VH_DECISION_DENY;
			want_current |= t.v[j].decision == VH_DECISION_ALLOW;
		}
		found = vh_trust_find(&t, e->path, &deny);
		CHECK(deny == want_deny);
		CHECK(!found == !want_allow);
		CHECK(!found || !strcmp(found->path, e->path));
		CHECK(!found || (found->decision == VH_DECISION_ALLOW) == want_current);
	}
	CHECK(vh_trust_find(&t, "/\x01no such path\x01", &deny) == NULL && !deny);
	vh_trust_free(&t);
	return 0;
}
