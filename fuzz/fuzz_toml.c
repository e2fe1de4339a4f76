/*
 * libFuzzer harness: the TOML reader (core/util/toml.c). Any violated invariant
 * aborts, which libFuzzer records as a crash with the input that caused it.
 *
 * Invariants, from toml.h's contract:
 *  - vh_toml_parse returns 0 or 1 (never -1 but out of memory), and on 1
 *    says "line N: why" with N no more than the input's line count + 1;
 *  - every key part and string it keeps is valid UTF-8 without a NUL;
 *  - the same bytes parse the same way twice;
 *  - round trip: the strings, booleans and arrays of strings it keeps,
 *    written back as TOML (one `"k"."k" = "v"` line each, every byte
 *    escaped as TOML allows), parse back to exactly the same entries in
 *    the same order (the tables a header opens are not written back);
 *  - vh_toml_get finds the first entry of each kept path, and says dup
 *    exactly when the path occurs more than once;
 *  - the memory it holds and the steps it took are within toml.h's linear
 *    bounds, for every input (fuzz-long feeds up to 1 MiB).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/util/buf.h"
#include "core/util/toml.h"

/* The steps a parse may take per byte of text (toml.h's work): a lookup
 * walks at most 8 crit-bit nodes per byte of its key (4 bytes of parent,
 * the name, its end) twice and compares it once. */
#define WORK_PER_BYTE 256
/* Key path components written back in the round trip, at most. */
#define ROUND_TRIP_MAX (1u << 20)

#define CHECK(cond, ...)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "fuzz_toml: %s:%d: invariant '%s' broken: ", \
				__FILE__, __LINE__, #cond);                     \
			fprintf(stderr, __VA_ARGS__);                          \
			fputc('\n', stderr);                                   \
			abort();                                               \
		}                                                              \
	} while (0)

/* Strict UTF-8 (no surrogates, nothing past U+10FFFF, no overlongs). */
static int utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned int cp, n, i;

	while (*p) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		if (*p >= 0xc2 && *p <= 0xdf)
			n = 2, cp = *p & 0x1f;
		else if (*p >= 0xe0 && *p <= 0xef)
			n = 3, cp = *p & 0x0f;
		else if (*p >= 0xf0 && *p <= 0xf4)
			n = 4, cp = *p & 0x07;
		else
			return 0;
		for (i = 1; i < n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i] & 0x3f);
		}
		if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		p += n;
	}
	return 1;
}

/* A basic string holding exactly s: controls, quote and backslash escaped. */
static void quoted(struct vh_buf *b, const char *s)
{
	vh_buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20 || c == 0x7f || c == '"' || c == '\\')
			vh_buf_printf(b, "\\u%04x", c);
		else
			vh_buf_putc(b, (char)c);
	}
	vh_buf_putc(b, '"');
}

/* The key path of e: its components, in a buffer grown as needed. */
static const char **key_of(const struct vh_toml *doc, const struct vh_toml_entry *e,
			   const char ***buf, size_t *cap)
{
	if (e->depth + 1 > *cap) {
		*cap = e->depth + 1;
		*buf = realloc(*buf, *cap * sizeof(**buf));
		CHECK(*buf, "out of memory");
	}
	vh_toml_key(doc, e, *buf);
	return *buf;
}

static int same_entry(const struct vh_toml *da, const struct vh_toml_entry *a,
		      const struct vh_toml *db, const struct vh_toml_entry *b)
{
	static const char **ka, **kb;
	static size_t ca, cb;
	size_t i;

	if (a->depth != b->depth || a->type != b->type)
		return 0;
	key_of(da, a, &ka, &ca);
	key_of(db, b, &kb, &cb);
	for (i = 0; i < a->depth; i++)
		if (strcmp(ka[i], kb[i]))
			return 0;
	if (a->type == VH_TOML_STRINGS) {
		if (a->nstrs != b->nstrs)
			return 0;
		for (i = 0; i < a->nstrs; i++)
			if (strcmp(a->strs[i], b->strs[i]))
				return 0;
		return 1;
	}
	return a->type == VH_TOML_STRING ? !strcmp(a->str, b->str) :
	       a->type == VH_TOML_BOOL ? a->boolean == b->boolean : 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vh_buf err = VH_BUF_INIT, err2 = VH_BUF_INIT, out = VH_BUF_INIT;
	struct vh_toml doc, again, back;
	static const char **kbuf, **obuf;
	static size_t kcap, ocap;
	const char **key;
	size_t i, j, k, lines = 1, m;
	int rc, rc2, dup;

	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	rc = vh_toml_parse(&doc, &err, (const char *)data, size);
	CHECK(rc == 0 || rc == VH_ESYNTAX, "returned %d", rc);
	rc2 = vh_toml_parse(&again, &err2, (const char *)data, size);
	CHECK(rc2 == rc && again.n == doc.n, "a second parse differs");
	if (rc == VH_ESYNTAX) {
		unsigned long n;

		CHECK(err.data && sscanf(err.data, "line %lu: ", &n) == 1 && n >= 1 && n <= lines,
		      "reason '%s' for %zu lines", err.data ? err.data : "(none)", lines);
		goto done;
	}
	/* Every entry's whole key path, while their components add up to
	 * ROUND_TRIP_MAX (deep paths and many keys are far more than the
	 * text: a harness that walked them all would be the square). */
	for (i = m = 0; i < doc.n; i++) {
		if (doc.v[i].type == VH_TOML_STRING)
			CHECK(doc.v[i].str && utf8_ok(doc.v[i].str), "a string is not UTF-8");
		for (j = 0; j < doc.v[i].nstrs; j++)
			CHECK(doc.v[i].type == VH_TOML_STRINGS && utf8_ok(doc.v[i].strs[j]),
			      "an array's string is not UTF-8");
		if ((m += doc.v[i].depth) > ROUND_TRIP_MAX)
			continue;
		CHECK(same_entry(&doc, &doc.v[i], &again, &again.v[i]), "entry %zu differs between two parses", i);
		key = key_of(&doc, &doc.v[i], &kbuf, &kcap);
		for (j = 0; j < doc.v[i].depth; j++)
			CHECK(utf8_ok(key[j]), "key part is not UTF-8");
	}
	/* The bounds toml.h states: memory and work linear in the text. */
	CHECK(doc.bytes <= VH_TOML_BYTES_PER_BYTE * size + 4096, "%zu bytes held for %zu of text",
	      doc.bytes, size);
	CHECK(doc.work <= WORK_PER_BYTE * size + 64, "%zu steps for %zu bytes of text", doc.work, size);
	/* Round trip of the strings, booleans and arrays of strings, each written with its whole
	 * key path: only up to that bound too. */
	if (m > ROUND_TRIP_MAX)
		goto lookups;
	for (i = 0; i < doc.n; i++) {
		if (doc.v[i].type == VH_TOML_OTHER || doc.v[i].type == VH_TOML_TABLE)
			continue;
		key = key_of(&doc, &doc.v[i], &kbuf, &kcap);
		for (j = 0; j < doc.v[i].depth; j++) {
			if (j)
				vh_buf_putc(&out, '.');
			quoted(&out, key[j]);
		}
		vh_buf_puts(&out, " = ");
		if (doc.v[i].type == VH_TOML_STRING) {
			quoted(&out, doc.v[i].str);
		} else if (doc.v[i].type == VH_TOML_STRINGS) {
			vh_buf_putc(&out, '[');
			for (j = 0; j < doc.v[i].nstrs; j++) {
				if (j)
					vh_buf_puts(&out, ", ");
				quoted(&out, doc.v[i].strs[j]);
			}
			vh_buf_putc(&out, ']');
		} else
			vh_buf_puts(&out, doc.v[i].boolean ? "true" : "false");
		vh_buf_putc(&out, '\n');
	}
	vh_buf_reset(&err2);
	rc2 = vh_toml_parse(&back, &err2, out.data ? out.data : "", out.len);
	CHECK(rc2 == 0, "the written-back document is refused: %s\n%s", vh_buf_str(&err2), vh_buf_str(&out));
	for (i = k = 0; i < doc.n; i++) {
		if (doc.v[i].type == VH_TOML_OTHER || doc.v[i].type == VH_TOML_TABLE)
			continue;
		CHECK(k < back.n && same_entry(&doc, &doc.v[i], &back, &back.v[k]), "entry %zu does not round-trip", i);
		k++;
	}
	CHECK(k == back.n, "the round trip has %zu entries, not %zu", back.n, k);
	vh_toml_free(&back);
lookups:
	/* Lookups: the first entry of a path, dup when it recurs (compared
	 * with a plain search of the first 64 entries' paths, when the paths
	 * are short enough for that search to stay quick). */
	for (i = 0; i < doc.n && i < 64 && doc.n <= 4096; i++) {
		const char *path[17], **other;
		const struct vh_toml_entry *e;

		if (doc.v[i].depth > 16)
			continue;
		key = key_of(&doc, &doc.v[i], &kbuf, &kcap);
		for (j = 0; j < doc.v[i].depth; j++)
			path[j] = key[j];
		path[j] = NULL;
		e = vh_toml_get(&doc, path, &dup);
		for (m = 0, k = 0; k < doc.n; k++) {
			if (doc.v[k].depth != doc.v[i].depth)
				continue;
			other = key_of(&doc, &doc.v[k], &obuf, &ocap);
			for (j = 0; j < doc.v[k].depth && !strcmp(other[j], path[j]); j++)
				;
			m += j == doc.v[k].depth;
		}
		CHECK(e && (size_t)(e - doc.v) <= i && e->depth == doc.v[i].depth, "lookup of entry %zu", i);
		other = key_of(&doc, e, &obuf, &ocap);
		for (j = 0; j < e->depth && !strcmp(other[j], path[j]); j++)
			;
		CHECK(j == e->depth, "lookup of entry %zu found another path", i);
		CHECK(dup == (m > 1), "dup says %d for %zu entries", dup, m);
	}
done:
	vh_toml_free(&doc);
	vh_toml_free(&again);
	vh_buf_free(&err);
	vh_buf_free(&err2);
	vh_buf_free(&out);
	return 0;
}
