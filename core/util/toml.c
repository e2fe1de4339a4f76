/* See toml.h. A recursive-descent reader of TOML 1.0 (https://toml.io),
 * written from the specification; it records string and boolean values
 * by their full key path and checks the rest only for syntax. */
#include "core/util/toml.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/util/fileio.h"

/* Deeper nesting than this in arrays and inline tables is refused rather
 * than recursed into: no file these rules read needs it. */
#define MAX_NEST 32

struct path {
	char **v;
	size_t n, cap;
};

struct parser {
	const char *p, *end;
	size_t line;
	struct vh_buf *err;
	struct vh_toml *doc;
	struct path table;	/* the current [table] */
	int table_kept;		/* 0 under [[array]] tables */
	struct path *arrays;	/* the [[array]] paths seen */
	size_t narrays;
	int oom;
};

static int fail(struct parser *ps, const char *why)
{
	if (!ps->oom && !ps->err->len)
		vh_buf_printf(ps->err, "line %zu: %s", ps->line, why);
	return -1;
}

static int oom(struct parser *ps)
{
	ps->oom = 1;
	return -1;
}

static void path_free(struct path *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		free(k->v[i]);
	free(k->v);
	memset(k, 0, sizeof(*k));
}

static int path_push(struct path *k, char *s)
{
	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 8;
		char **v = realloc(k->v, cap * sizeof(*v));

		if (!v) {
			free(s);
			return -1;
		}
		k->v = v;
		k->cap = cap;
	}
	k->v[k->n++] = s;
	return 0;
}

static int path_copy(struct path *dst, const struct path *src, size_t n)
{
	size_t i;
	char *s;

	memset(dst, 0, sizeof(*dst));
	for (i = 0; i < n; i++) {
		s = strdup(src->v[i]);
		if (!s || path_push(dst, s) < 0) {
			path_free(dst);
			return -1;
		}
	}
	return 0;
}

static int path_has_prefix(const struct path *k, const struct path *prefix)
{
	size_t i;

	if (prefix->n > k->n)
		return 0;
	for (i = 0; i < prefix->n; i++)
		if (strcmp(k->v[i], prefix->v[i]))
			return 0;
	return 1;
}

/* --- characters --- */

/* Length of the UTF-8 sequence at p (1..4), 0 when invalid or cut short. */
static size_t utf8_len(const unsigned char *p, const unsigned char *end)
{
	uint32_t cp;
	size_t n, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, cp = p[0] & 0x07;
	else
		return 0;
	if ((size_t)(end - p) < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

static int put_utf8(struct vh_buf *b, uint32_t cp)
{
	char s[4];
	size_t n;

	if (cp < 0x80) {
		s[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xc0 | cp >> 6), s[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	} else if (cp < 0x10000) {
		s[0] = (char)(0xe0 | cp >> 12), s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
	} else {
		s[0] = (char)(0xf0 | cp >> 18), s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), s[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
	}
	return vh_buf_add(b, s, n);
}

static int at_end(const struct parser *ps)
{
	return ps->p >= ps->end;
}

static int peek(const struct parser *ps, size_t i)
{
	return ps->p + i < ps->end ? (unsigned char)ps->p[i] : -1;
}

static void skip_ws(struct parser *ps)
{
	while (!at_end(ps) && (*ps->p == ' ' || *ps->p == '\t'))
		ps->p++;
}

/* A newline (LF or CRLF) at p: its length, else 0. */
static size_t newline_at(const struct parser *ps)
{
	if (peek(ps, 0) == '\n')
		return 1;
	if (peek(ps, 0) == '\r' && peek(ps, 1) == '\n')
		return 2;
	return 0;
}

/* A comment's text: any character but the control ones (tab is fine). */
static int skip_comment(struct parser *ps)
{
	size_t n;

	if (peek(ps, 0) != '#')
		return 0;
	for (ps->p++; !at_end(ps) && !newline_at(ps); ps->p += n) {
		unsigned char c = (unsigned char)*ps->p;

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return fail(ps, "a control character in a comment");
		n = utf8_len((const unsigned char *)ps->p, (const unsigned char *)ps->end);
		if (!n)
			return fail(ps, "invalid UTF-8");
	}
	return 0;
}

/* Whitespace, a comment, then a newline or the end: what ends a line. */
static int end_of_line(struct parser *ps)
{
	size_t n;

	skip_ws(ps);
	if (skip_comment(ps) < 0)
		return -1;
	if (at_end(ps))
		return 0;
	n = newline_at(ps);
	if (!n)
		return fail(ps, "unexpected text after a value or header");
	ps->p += n;
	ps->line++;
	return 0;
}

/* Blank lines and comments, as inside an array. */
static int skip_ws_newlines(struct parser *ps)
{
	size_t n;

	for (;;) {
		skip_ws(ps);
		if (skip_comment(ps) < 0)
			return -1;
		n = newline_at(ps);
		if (!n)
			return 0;
		ps->p += n;
		ps->line++;
	}
}

/* --- strings --- */

static int hex_escape(struct parser *ps, struct vh_buf *out, size_t digits)
{
	uint32_t cp = 0;
	size_t i;
	int c;

	for (i = 0; i < digits; i++) {
		c = peek(ps, i);
		if (c >= '0' && c <= '9')
			cp = cp * 16 + (uint32_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			cp = cp * 16 + (uint32_t)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			cp = cp * 16 + (uint32_t)(c - 'A' + 10);
		else
			return fail(ps, "a bad \\u escape");
	}
	ps->p += digits;
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return fail(ps, "a \\u escape that is no Unicode scalar value");
	return put_utf8(out, cp) < 0 ? oom(ps) : 0;
}

static int escape(struct parser *ps, struct vh_buf *out)
{
	int c = peek(ps, 0);
	char s;

	ps->p++;
	switch (c) {
	case 'b': s = '\b'; break;
	case 't': s = '\t'; break;
	case 'n': s = '\n'; break;
	case 'f': s = '\f'; break;
	case 'r': s = '\r'; break;
	case '"': s = '"'; break;
	case '\\': s = '\\'; break;
	case 'u': return hex_escape(ps, out, 4);
	case 'U': return hex_escape(ps, out, 8);
	default: return fail(ps, "an unknown escape in a string");
	}
	return vh_buf_putc(out, s) < 0 ? oom(ps) : 0;
}

/* One character of a string's body (not a quote or backslash) to out.
 * multi: newlines are part of the string. */
static int string_char(struct parser *ps, struct vh_buf *out, int multi)
{
	unsigned char c = (unsigned char)*ps->p;
	size_t n = newline_at(ps);

	if (n && multi) {
		ps->p += n;
		ps->line++;
		return vh_buf_putc(out, '\n') < 0 ? oom(ps) : 0;
	}
	if ((c < 0x20 && c != '\t') || c == 0x7f)
		return fail(ps, c == '\n' || c == '\r' ? "a string that does not end on its line" :
			    "a control character in a string");
	n = utf8_len((const unsigned char *)ps->p, (const unsigned char *)ps->end);
	if (!n)
		return fail(ps, "invalid UTF-8");
	if (vh_buf_add(out, ps->p, n) < 0)
		return oom(ps);
	ps->p += n;
	return 0;
}

/* A string of any of the four kinds, quote at p, into out. */
static int string(struct parser *ps, struct vh_buf *out)
{
	char q = *ps->p;
	int multi = peek(ps, 1) == q && peek(ps, 2) == q;
	size_t run, n;

	ps->p += multi ? 3 : 1;
	if (multi && (n = newline_at(ps))) { /* a newline right after the quotes is dropped */
		ps->p += n;
		ps->line++;
	}
	for (;;) {
		if (at_end(ps))
			return fail(ps, "a string that never ends");
		if (*ps->p == q) {
			if (!multi) {
				ps->p++;
				break;
			}
			for (run = 0; peek(ps, run) == q; run++)
				;
			if (run >= 3) {
				if (run > 5)
					return fail(ps, "too many quotes closing a string");
				if (vh_buf_add(out, ps->p, run - 3) < 0)
					return oom(ps);
				ps->p += run;
				break;
			}
			if (vh_buf_add(out, ps->p, run) < 0)
				return oom(ps);
			ps->p += run;
			continue;
		}
		if (*ps->p == '\\' && q == '"') {
			ps->p++;
			if (multi) {
				/* A line-ending backslash eats the whitespace and
				 * newlines up to the next other character. */
				const char *save = ps->p;

				skip_ws(ps);
				if (newline_at(ps)) {
					for (;;) {
						skip_ws(ps);
						n = newline_at(ps);
						if (!n)
							break;
						ps->p += n;
						ps->line++;
					}
					continue;
				}
				ps->p = save;
			}
			if (at_end(ps))
				return fail(ps, "a string that never ends");
			if (escape(ps, out) < 0)
				return -1;
			continue;
		}
		if (string_char(ps, out, multi) < 0)
			return -1;
	}
	if (!out->data && vh_buf_puts(out, "") < 0)
		return oom(ps);
	if (strlen(out->data) != out->len)
		return fail(ps, "a string holding a NUL");
	return 0;
}

/* --- keys --- */

static int is_bare(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-';
}

/* A dotted key at p, appended component by component to k. */
static int key(struct parser *ps, struct path *k)
{
	struct vh_buf part = VH_BUF_INIT;
	const char *start;

	for (;;) {
		skip_ws(ps);
		vh_buf_reset(&part);
		if (peek(ps, 0) == '"' || peek(ps, 0) == '\'') {
			if (peek(ps, 1) == peek(ps, 0) && peek(ps, 2) == peek(ps, 0)) {
				vh_buf_free(&part);
				return fail(ps, "a multi-line string as a key");
			}
			if (string(ps, &part) < 0) {
				vh_buf_free(&part);
				return -1;
			}
		} else {
			for (start = ps->p; !at_end(ps) && is_bare(*ps->p); ps->p++)
				;
			if (ps->p == start) {
				vh_buf_free(&part);
				return fail(ps, "a key was expected");
			}
			if (vh_buf_add(&part, start, (size_t)(ps->p - start)) < 0) {
				vh_buf_free(&part);
				return oom(ps);
			}
		}
		if (path_push(k, vh_buf_detach(&part)) < 0)
			return oom(ps);
		if (!k->v[k->n - 1])
			return oom(ps);
		skip_ws(ps);
		if (peek(ps, 0) != '.')
			return 0;
		ps->p++;
	}
}

/* --- values --- */

static int value(struct parser *ps, const struct path *k, int kept, int depth);

static int record(struct parser *ps, const struct path *k, enum vh_toml_type type, char *str,
		  int boolean)
{
	struct vh_toml *doc = ps->doc;
	struct vh_toml_entry *e;
	struct path copy;

	if (doc->n == doc->cap) {
		size_t cap = doc->cap ? doc->cap * 2 : 16;

		e = realloc(doc->v, cap * sizeof(*e));
		if (!e) {
			free(str);
			return oom(ps);
		}
		doc->v = e;
		doc->cap = cap;
	}
	if (path_copy(&copy, k, k->n) < 0) {
		free(str);
		return oom(ps);
	}
	e = &doc->v[doc->n++];
	memset(e, 0, sizeof(*e));
	e->key = copy.v;
	e->depth = copy.n;
	e->type = type;
	e->str = str;
	e->boolean = boolean;
	return 0;
}

/* An array's strings, while it is read (see array()). */
struct strings {
	char **v;
	size_t n;
	int mixed; /* an element that is not a string */
};

static void strings_free(struct strings *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

/* Digits of a base, '_' only between two of them; the count, or -1. */
static int digits(const char **p, const char *end, int base)
{
	const char *s = *p;
	int n = 0, under = 0;

	for (; s < end; s++) {
		int c = (unsigned char)*s;
		int ok = base == 16 ? ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
				       (c >= 'A' && c <= 'F')) :
			 c >= '0' && c < '0' + base;

		if (ok) {
			n++;
			under = 0;
		} else if (c == '_' && n && !under) {
			under = 1;
		} else {
			break;
		}
	}
	*p = s;
	return under ? -1 : n;
}

/* Exactly n decimal digits. */
static int fixed(const char **p, const char *end, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (*p + i >= end || (*p)[i] < '0' || (*p)[i] > '9')
			return 0;
	*p += n;
	return 1;
}

/* HH:MM:SS[.frac] at p. */
static int time_part(const char **p, const char *end)
{
	if (!fixed(p, end, 2) || *p >= end || **p != ':' || (++*p, !fixed(p, end, 2)) ||
	    *p >= end || **p != ':' || (++*p, !fixed(p, end, 2)))
		return 0;
	if (*p < end && **p == '.') {
		++*p;
		if (!fixed(p, end, 1))
			return 0;
		while (*p < end && **p >= '0' && **p <= '9')
			++*p;
	}
	return 1;
}

/* A date, time or date-time, as TOML writes them; the end, or NULL. */
static const char *datetime(const char *s, const char *end)
{
	const char *p = s;

	if (fixed(&p, end, 2) && p < end && *p == ':') {
		p = s;
		return time_part(&p, end) ? p : NULL;
	}
	p = s;
	if (!fixed(&p, end, 4) || p >= end || *p != '-' || (++p, !fixed(&p, end, 2)) || p >= end ||
	    *p != '-' || (++p, !fixed(&p, end, 2)))
		return NULL;
	if (p + 1 < end && (*p == 'T' || *p == 't' || (*p == ' ' && p[1] >= '0' && p[1] <= '9'))) {
		p++;
		if (!time_part(&p, end))
			return NULL;
		if (p < end && (*p == 'Z' || *p == 'z')) {
			p++;
		} else if (p < end && (*p == '+' || *p == '-')) {
			p++;
			if (!fixed(&p, end, 2) || p >= end || *p != ':' || (++p, !fixed(&p, end, 2)))
				return NULL;
		}
	}
	return p;
}

/* An integer or float, as TOML writes them; the end, or NULL. */
static const char *number(const char *s, const char *end)
{
	const char *p = s;
	int signed_ = 0, n;

	if (p < end && (*p == '+' || *p == '-'))
		p++, signed_ = 1;
	if (end - p >= 3 && (!memcmp(p, "inf", 3) || !memcmp(p, "nan", 3)))
		return p + 3;
	if (!signed_ && end - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'o' || p[1] == 'b')) {
		int base = p[1] == 'x' ? 16 : p[1] == 'o' ? 8 : 2;

		p += 2;
		return digits(&p, end, base) > 0 ? p : NULL;
	}
	s = p;
	n = digits(&p, end, 10);
	if (n <= 0 || (n > 1 && *s == '0'))
		return NULL;
	if (p < end && *p == '.') {
		p++;
		if (digits(&p, end, 10) <= 0)
			return NULL;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (digits(&p, end, 10) <= 0)
			return NULL;
	}
	return p;
}

/* true, false, or a number, date or time, checked to be one as TOML
 * writes it; their values are not needed. */
static int scalar(struct parser *ps, const struct path *k, int kept)
{
	const char *e;
	size_t left = (size_t)(ps->end - ps->p);

	if (left >= 4 && !memcmp(ps->p, "true", 4) && (left == 4 || !is_bare(ps->p[4]))) {
		ps->p += 4;
		return kept ? record(ps, k, VH_TOML_BOOL, NULL, 1) : 0;
	}
	if (left >= 5 && !memcmp(ps->p, "false", 5) && (left == 5 || !is_bare(ps->p[5]))) {
		ps->p += 5;
		return kept ? record(ps, k, VH_TOML_BOOL, NULL, 0) : 0;
	}
	e = datetime(ps->p, ps->end);
	if (!e)
		e = number(ps->p, ps->end);
	if (!e || e == ps->p || (e < ps->end && (is_bare(*e) || *e == '.' || *e == ':' || *e == '+')))
		return fail(ps, "a value was expected");
	ps->p = e;
	return kept ? record(ps, k, VH_TOML_OTHER, NULL, 0) : 0;
}

static int array(struct parser *ps, const struct path *k, int kept, int depth)
{
	struct strings a = { 0 };
	struct vh_buf str = VH_BUF_INIT;
	char **v;
	int rc = 0;

	ps->p++;
	for (;;) {
		if (skip_ws_newlines(ps) < 0)
			goto bad;
		if (peek(ps, 0) == ']')
			break;
		/* The elements are not addressable by a key path; the strings of
		 * an array of strings are kept with it. */
		if (kept && !a.mixed && (peek(ps, 0) == '"' || peek(ps, 0) == '\'')) {
			vh_buf_reset(&str);
			if (string(ps, &str) < 0)
				goto bad;
			v = realloc(a.v, (a.n + 1) * sizeof(*v));
			if (!v || !(v[a.n] = vh_buf_detach(&str))) {
				if (v)
					a.v = v;
				oom(ps);
				goto bad;
			}
			a.v = v;
			a.n++;
		} else {
			a.mixed = 1;
			if (value(ps, k, 0, depth + 1) < 0)
				goto bad;
		}
		if (skip_ws_newlines(ps) < 0)
			goto bad;
		if (peek(ps, 0) == ',') {
			ps->p++;
			continue;
		}
		if (peek(ps, 0) != ']') {
			fail(ps, "an array needs ',' or ']' here");
			goto bad;
		}
		break;
	}
	ps->p++;
	if (kept && !a.mixed) {
		rc = record(ps, k, VH_TOML_STRINGS, NULL, 0);
		if (rc == 0) {
			ps->doc->v[ps->doc->n - 1].strs = a.v;
			ps->doc->v[ps->doc->n - 1].nstrs = a.n;
			a.v = NULL;
			a.n = 0;
		}
	} else if (kept) {
		rc = record(ps, k, VH_TOML_OTHER, NULL, 0);
	}
	strings_free(&a);
	vh_buf_free(&str);
	return rc;
bad:
	strings_free(&a);
	vh_buf_free(&str);
	return -1;
}

/* key = value at p, under the path base (the table or the inline table). */
static int keyval(struct parser *ps, const struct path *base, int kept, int depth)
{
	struct path k;
	int rc;

	if (path_copy(&k, base, base->n) < 0)
		return oom(ps);
	rc = key(ps, &k);
	if (rc == 0 && peek(ps, 0) != '=')
		rc = fail(ps, "'=' was expected after a key");
	if (rc == 0) {
		ps->p++;
		skip_ws(ps);
		rc = value(ps, &k, kept, depth);
	}
	path_free(&k);
	return rc;
}

static int inline_table(struct parser *ps, const struct path *k, int kept, int depth)
{
	ps->p++;
	skip_ws(ps);
	if (peek(ps, 0) == '}') {
		ps->p++;
		return kept ? record(ps, k, VH_TOML_OTHER, NULL, 0) : 0;
	}
	for (;;) {
		if (keyval(ps, k, kept, depth + 1) < 0)
			return -1;
		skip_ws(ps);
		if (peek(ps, 0) == ',') {
			ps->p++;
			continue;
		}
		if (peek(ps, 0) != '}')
			return fail(ps, "an inline table needs ',' or '}' here (and fits on one line)");
		ps->p++;
		return 0;
	}
}

static int value(struct parser *ps, const struct path *k, int kept, int depth)
{
	struct vh_buf s = VH_BUF_INIT;
	int c = peek(ps, 0);

	if (depth > MAX_NEST)
		return fail(ps, "values nested too deeply");
	if (c == '"' || c == '\'') {
		if (string(ps, &s) < 0) {
			vh_buf_free(&s);
			return -1;
		}
		return kept ? record(ps, k, VH_TOML_STRING, vh_buf_detach(&s), 0) : (vh_buf_free(&s), 0);
	}
	if (c == '[')
		return array(ps, k, kept, depth);
	if (c == '{')
		return inline_table(ps, k, kept, depth);
	return scalar(ps, k, kept);
}

/* --- tables --- */

static int header(struct parser *ps)
{
	int is_array = peek(ps, 1) == '[';
	struct path k = { 0 };
	size_t i;

	ps->p += is_array ? 2 : 1;
	if (key(ps, &k) < 0)
		goto bad;
	if (peek(ps, 0) != ']' || (is_array && peek(ps, 1) != ']')) {
		fail(ps, is_array ? "']]' was expected to end a table header" :
		     "']' was expected to end a table header");
		goto bad;
	}
	ps->p += is_array ? 2 : 1;
	/* Under an array of tables (or a table below one), keys name a part of
	 * one element: not addressable. */
	ps->table_kept = !is_array;
	for (i = 0; i < ps->narrays && ps->table_kept; i++)
		if (path_has_prefix(&k, &ps->arrays[i]))
			ps->table_kept = 0;
	if (is_array) {
		struct path *a = realloc(ps->arrays, (ps->narrays + 1) * sizeof(*a));

		if (!a) {
			oom(ps);
			goto bad;
		}
		ps->arrays = a;
		if (path_copy(&ps->arrays[ps->narrays], &k, k.n) < 0) {
			oom(ps);
			goto bad;
		}
		ps->narrays++;
	}
	if (ps->table_kept && record(ps, &k, VH_TOML_TABLE, NULL, 0) < 0)
		goto bad;
	path_free(&ps->table);
	ps->table = k;
	return end_of_line(ps);
bad:
	path_free(&k);
	return -1;
}

int vh_toml_parse(struct vh_toml *doc, struct vh_buf *err, const char *text, size_t len)
{
	struct parser ps = { 0 };
	size_t i;
	int rc = 0;

	memset(doc, 0, sizeof(*doc));
	ps.p = text;
	ps.end = text + len;
	ps.line = 1;
	ps.err = err;
	ps.doc = doc;
	ps.table_kept = 1;
	/* A byte order mark is allowed at the start. */
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		ps.p += 3;
	while (rc == 0 && !at_end(&ps)) {
		if (skip_ws_newlines(&ps) < 0) {
			rc = -1;
			break;
		}
		if (at_end(&ps))
			break;
		if (*ps.p == '[')
			rc = header(&ps);
		else if (keyval(&ps, &ps.table, ps.table_kept, 0) < 0 || end_of_line(&ps) < 0)
			rc = -1;
	}
	path_free(&ps.table);
	for (i = 0; i < ps.narrays; i++)
		path_free(&ps.arrays[i]);
	free(ps.arrays);
	if (rc < 0)
		return ps.oom ? -1 : 1;
	return 0;
}

int vh_toml_read(struct vh_toml *doc, struct vh_buf *err, const char *path, size_t max)
{
	struct vh_buf text = VH_BUF_INIT;
	int rc;

	memset(doc, 0, sizeof(*doc));
	rc = vh_read_file_why(&text, err, path, max);
	if (rc) {
		vh_buf_free(&text);
		return rc;
	}
	rc = vh_toml_parse(doc, err, text.data ? text.data : "", text.len);
	vh_buf_free(&text);
	return rc;
}

const struct vh_toml_entry *vh_toml_get(const struct vh_toml *doc, const char *const *path,
					int *dup)
{
	const struct vh_toml_entry *hit = NULL;
	size_t i, j, depth;

	*dup = 0;
	for (depth = 0; path[depth]; depth++)
		;
	for (i = 0; i < doc->n; i++) {
		if (doc->v[i].depth != depth)
			continue;
		for (j = 0; j < depth && !strcmp(doc->v[i].key[j], path[j]); j++)
			;
		if (j < depth)
			continue;
		if (hit)
			*dup = 1;
		else
			hit = &doc->v[i];
	}
	return hit;
}

int vh_toml_has_table(const struct vh_toml *doc, const char *const *path)
{
	size_t i, j, depth;

	for (depth = 0; path[depth]; depth++)
		;
	for (i = 0; i < doc->n; i++) {
		if (doc->v[i].depth < depth)
			continue;
		for (j = 0; j < depth && !strcmp(doc->v[i].key[j], path[j]); j++)
			;
		if (j == depth)
			return 1;
	}
	return 0;
}

void vh_toml_free(struct vh_toml *doc)
{
	size_t i, j;

	for (i = 0; i < doc->n; i++) {
		for (j = 0; j < doc->v[i].depth; j++)
			free(doc->v[i].key[j]);
		free(doc->v[i].key);
		free(doc->v[i].str);
		for (j = 0; j < doc->v[i].nstrs; j++)
			free(doc->v[i].strs[j]);
		free(doc->v[i].strs);
	}
	free(doc->v);
	memset(doc, 0, sizeof(*doc));
}
