/* See toml.h. A recursive-descent reader of TOML 1.0 (https://toml.io),
 * written from the specification; it records string, boolean and
 * string-array values and the tables headers open, by their full key
 * path, and checks the rest only for syntax. */
#include "core/util/toml.h"
#include "core/util/hex.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/util/fileio.h"
#include "core/util/msg.h"

/* Deeper nesting than this in arrays and inline tables is refused rather
 * than recursed into: no file these rules read needs it. */
#define MAX_NEST 32

#define NONE UINT32_MAX
#define INTERNAL 0x80000000u /* a crit-bit reference to an internal node */

/* A key path: the root (the document, node 0) or a component under its
 * parent. Its name, and every kept string, lie in the tree's text. */
struct node {
	uint32_t parent, name, len, depth;
	uint32_t first, count; /* the entries at this path: the first, how many */
	uint32_t flags;        /* NODE_ARRAY, NODE_USED */
};

#define NODE_ARRAY 1u /* declared by a [[header]] */
#define NODE_USED 2u  /* an entry is at it or below it (vh_toml_has_table) */

/* An internal node of the crit-bit tree that finds a node from its parent
 * and name: the key is the parent's number (4 bytes, big-endian), then the
 * name, then zero bytes; a name holds no NUL, so no key is a prefix of
 * another. Leaves are node numbers; internal ones carry INTERNAL. */
struct crit {
	uint32_t child[2];
	uint32_t byte;
	uint8_t otherbits; /* every bit but the one that decides, set */
};

struct vh_toml_tree {
	struct node *nodes;
	size_t n, cap;
	struct crit *crit;
	size_t ncrit, ccap;
	uint32_t top; /* the crit-bit root: NONE when empty */
	struct vh_buf text; /* names and kept strings, NUL-terminated */
};

struct parser {
	const char *p, *end;
	size_t line;
	struct vh_buf *err;
	struct vh_toml *doc;
	struct vh_toml_tree *t;
	uint32_t table;  /* the current [table] */
	int table_kept;	 /* 0 under [[array]] tables */
	size_t nstrs;	 /* the strings of every array of strings */
	int oom;
};

static int fail(struct parser *ps, const char *why)
{
	if (!ps->oom && !ps->err->len)
		vh_buf_printf(ps->err, "line %zu: %s", ps->line, why);
	return VH_ESYNTAX;
}

static int oom(struct parser *ps)
{
	ps->oom = 1;
	return VH_ENOMEM;
}

/* --- the key paths --- */

/* Byte i of the key (parent, name of len bytes). */
static unsigned key_byte(uint32_t parent, const char *name, size_t len, size_t i)
{
	if (i < 4)
		return (parent >> (24 - 8 * i)) & 0xff;
	return i - 4 < len ? (unsigned char)name[i - 4] : 0;
}

static int direction(const struct crit *c, unsigned byte)
{
	return (1 + (c->otherbits | byte)) >> 8;
}

/* The leaf the key leads to (NONE for an empty tree). */
static uint32_t crit_walk(const struct vh_toml_tree *t, size_t *work, uint32_t parent,
			  const char *name, size_t len)
{
	uint32_t r = t->top;

	while (r != NONE && (r & INTERNAL)) {
		const struct crit *c = &t->crit[r & ~INTERNAL];

		r = c->child[direction(c, key_byte(parent, name, len, c->byte))];
		++*work;
	}
	return r;
}

static const char *name_of(const struct vh_toml_tree *t, uint32_t node)
{
	return t->text.data + t->nodes[node].name;
}

static int same_key(const struct vh_toml_tree *t, uint32_t node, uint32_t parent,
		    const char *name, size_t len)
{
	return t->nodes[node].parent == parent && t->nodes[node].len == len &&
	       !memcmp(name_of(t, node), name, len);
}

/* The node (parent, name), or NONE. */
static uint32_t find_child(const struct vh_toml_tree *t, size_t *work, uint32_t parent,
			   const char *name, size_t len)
{
	uint32_t leaf = crit_walk(t, work, parent, name, len);

	*work += len + 1;
	return leaf != NONE && same_key(t, leaf, parent, name, len) ? leaf : NONE;
}

/* The node (parent, name), made when it is new; its name is taken from
 * the end of the tree's text, at name_off (len bytes), and stays there
 * only if the node is new. NONE out of memory. */
static uint32_t child(struct parser *ps, uint32_t parent, size_t name_off, size_t len)
{
	struct vh_toml_tree *t = ps->t;
	const char *name = t->text.data + name_off;
	uint32_t leaf, fresh, *where;
	struct crit *c;
	size_t i;
	unsigned diff, a, b;
	int dir;

	leaf = crit_walk(t, &ps->doc->work, parent, name, len);
	ps->doc->work += len + 1;
	if (leaf != NONE && same_key(t, leaf, parent, name, len)) {
		t->text.len = name_off; /* known: its copy of the name goes */
		t->text.data[name_off] = '\0';
		return leaf;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap * 2;
		struct node *v = realloc(t->nodes, cap * sizeof(*v));

		if (!v)
			return NONE;
		t->nodes = v;
		t->cap = cap;
	}
	if (t->ncrit == t->ccap) {
		size_t cap = t->ccap ? t->ccap * 2 : 16;
		struct crit *v = realloc(t->crit, cap * sizeof(*v));

		if (!v)
			return NONE;
		t->crit = v;
		t->ccap = cap;
	}
	if (vh_buf_putc(&t->text, '\0') < 0)
		return NONE;
	name = t->text.data + name_off; /* the text may have moved */
	fresh = (uint32_t)t->n++;
	t->nodes[fresh] = (struct node){ parent, (uint32_t)name_off, (uint32_t)len,
					 t->nodes[parent].depth + 1, NONE, 0, 0 };
	if (leaf == NONE) {
		t->top = fresh;
		return fresh;
	}
	/* The first byte where the new key and the leaf's differ; the keys
	 * end in a zero no name byte equals, so there is one. */
	for (i = 0;; i++) {
		a = key_byte(parent, name, len, i);
		b = key_byte(t->nodes[leaf].parent, name_of(t, leaf), t->nodes[leaf].len, i);
		++ps->doc->work;
		if (a != b)
			break;
	}
	diff = a ^ b;
	diff |= diff >> 1;
	diff |= diff >> 2;
	diff |= diff >> 4;
	diff = (diff & ~(diff >> 1)) ^ 255;
	dir = (1 + (diff | b)) >> 8;
	t->crit[t->ncrit] = (struct crit){ { 0, 0 }, (uint32_t)i, (uint8_t)diff };
	t->crit[t->ncrit].child[1 - dir] = fresh;
	/* Down to where the new node goes: above the first internal node
	 * that decides on a later bit. */
	for (where = &t->top; *where & INTERNAL; ++ps->doc->work) {
		c = &t->crit[*where & ~INTERNAL];
		if (c->byte > i || (c->byte == i && c->otherbits > diff))
			break;
		where = &c->child[direction(c, key_byte(parent, name, len, c->byte))];
	}
	t->crit[t->ncrit].child[dir] = *where;
	*where = (uint32_t)t->ncrit++ | INTERNAL;
	return fresh;
}

/* --- characters --- */

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
		n = vh_utf8_valid_n((const unsigned char *)ps->p, (size_t)(ps->end - ps->p));
		if (!n)
			return fail(ps, "invalid UTF-8");
	}
	return 0;
}

/* Whitespace, a comment, then a newline or the end: what ends a line. */
static int end_of_line(struct parser *ps)
{
	int rc;
	size_t n;

	skip_ws(ps);
	if ((rc = skip_comment(ps)) < 0)
		return rc;
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
	int rc;
	size_t n;

	for (;;) {
		skip_ws(ps);
		if ((rc = skip_comment(ps)) < 0)
			return rc;
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
	int c, d;

	for (i = 0; i < digits; i++) {
		c = peek(ps, i);
		d = c < 0 ? VH_ESYNTAX : vh_hex_digit(tolower(c));
		if (d < 0)
			return fail(ps, "a bad \\u escape");
		cp = cp * 16 + (uint32_t)d;
	}
	ps->p += digits;
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return fail(ps, "a \\u escape that is no Unicode scalar value");
	return vh_utf8_put(out, cp) < 0 ? oom(ps) : 0;
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
	n = vh_utf8_valid_n((const unsigned char *)ps->p, (size_t)(ps->end - ps->p));
	if (!n)
		return fail(ps, "invalid UTF-8");
	if (vh_buf_add(out, ps->p, n) < 0)
		return oom(ps);
	ps->p += n;
	return 0;
}

/* A string of any of the four kinds, quote at p, appended to out. */
static int string(struct parser *ps, struct vh_buf *out)
{
	int rc;
	size_t start = out->len;
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
			if ((rc = escape(ps, out)) < 0)
				return rc;
			continue;
		}
		if ((rc = string_char(ps, out, multi)) < 0)
			return rc;
	}
	if (vh_buf_puts(out, "") < 0)
		return oom(ps);
	if (memchr(out->data + start, '\0', out->len - start))
		return fail(ps, "a string holding a NUL");
	return 0;
}

/* --- keys --- */

static int is_bare(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-';
}

/* Drops what was appended to the tree's text from off on. */
static void text_cut(struct vh_toml_tree *t, size_t off)
{
	if (t->text.data) {
		t->text.len = off;
		t->text.data[off] = '\0';
	}
}

/* A dotted key at p. Kept, each component is looked up (or made) under
 * *node, which ends as the key's node, and *under_array is set when one of
 * them was declared by a [[header]]; not kept, the key is only read. */
static int key(struct parser *ps, uint32_t *node, int kept, int *under_array)
{
	int rc;
	struct vh_toml_tree *t = ps->t;
	const char *start;
	size_t off;

	for (;;) {
		skip_ws(ps);
		off = t->text.len;
		if (peek(ps, 0) == '"' || peek(ps, 0) == '\'') {
			if (peek(ps, 1) == peek(ps, 0) && peek(ps, 2) == peek(ps, 0))
				return fail(ps, "a multi-line string as a key");
			if ((rc = string(ps, &t->text)) < 0)
				return rc;
		} else {
			for (start = ps->p; !at_end(ps) && is_bare(*ps->p); ps->p++)
				;
			if (ps->p == start)
				return fail(ps, "a key was expected");
			if (kept && vh_buf_add(&t->text, start, (size_t)(ps->p - start)) < 0)
				return oom(ps);
		}
		if (kept) {
			*node = child(ps, *node, off, t->text.len - off);
			if (*node == NONE)
				return oom(ps);
			if (under_array && (t->nodes[*node].flags & NODE_ARRAY))
				*under_array = 1;
		} else {
			text_cut(t, off);
		}
		skip_ws(ps);
		if (peek(ps, 0) != '.')
			return 0;
		ps->p++;
	}
}

/* --- values --- */

static int value(struct parser *ps, uint32_t k, int kept, int depth);

/* An entry at node k; a string's value lies in the tree's text at off. */
static int record(struct parser *ps, uint32_t k, enum vh_toml_type type, size_t off, int boolean)
{
	struct vh_toml *doc = ps->doc;
	struct node *n = &ps->t->nodes[k];
	struct vh_toml_entry *e;

	if (doc->n == doc->cap) {
		size_t cap = doc->cap ? doc->cap * 2 : 16;

		e = realloc(doc->v, cap * sizeof(*e));
		if (!e)
			return oom(ps);
		doc->v = e;
		doc->cap = cap;
	}
	if (n->first == NONE)
		n->first = (uint32_t)doc->n;
	n->count++;
	e = &doc->v[doc->n++];
	e->node = k;
	e->depth = n->depth;
	e->type = type;
	e->str = NULL;
	e->strs = NULL;
	e->nstrs = 0;
	e->at = off;
	e->boolean = boolean;
	return 0;
}

/* Digits of a base, '_' only between two of them; the count, or
 * VH_ESYNTAX. */
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
	return under ? VH_ESYNTAX : n;
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
static int scalar(struct parser *ps, uint32_t k, int kept)
{
	const char *e;
	size_t left = (size_t)(ps->end - ps->p);

	if (left >= 4 && !memcmp(ps->p, "true", 4) && (left == 4 || !is_bare(ps->p[4]))) {
		ps->p += 4;
		return kept ? record(ps, k, VH_TOML_BOOL, 0, 1) : 0;
	}
	if (left >= 5 && !memcmp(ps->p, "false", 5) && (left == 5 || !is_bare(ps->p[5]))) {
		ps->p += 5;
		return kept ? record(ps, k, VH_TOML_BOOL, 0, 0) : 0;
	}
	e = datetime(ps->p, ps->end);
	if (!e)
		e = number(ps->p, ps->end);
	if (!e || e == ps->p || (e < ps->end && (is_bare(*e) || *e == '.' || *e == ':' || *e == '+')))
		return fail(ps, "a value was expected");
	ps->p = e;
	return kept ? record(ps, k, VH_TOML_OTHER, 0, 0) : 0;
}

static int array(struct parser *ps, uint32_t k, int kept, int depth)
{
	int rc;
	struct vh_toml_tree *t = ps->t;
	size_t off = t->text.len, n = 0;
	int mixed = !kept;

	ps->p++;
	for (;;) {
		if ((rc = skip_ws_newlines(ps)) < 0)
			return rc;
		if (peek(ps, 0) == ']')
			break;
		/* The elements are not addressable by a key path; the strings of
		 * an array of strings are kept with it, one after another in
		 * the text, each with its NUL. */
		if (!mixed && (peek(ps, 0) == '"' || peek(ps, 0) == '\'')) {
			if ((rc = string(ps, &t->text)) < 0)
				return rc;
			if (vh_buf_putc(&t->text, '\0') < 0)
				return oom(ps);
			n++;
		} else {
			if (!mixed)
				text_cut(t, off);
			mixed = 1;
			if ((rc = value(ps, NONE, 0, depth + 1)) < 0)
				return rc;
		}
		if ((rc = skip_ws_newlines(ps)) < 0)
			return rc;
		if (peek(ps, 0) == ',') {
			ps->p++;
			continue;
		}
		if (peek(ps, 0) != ']')
			return fail(ps, "an array needs ',' or ']' here");
		break;
	}
	ps->p++;
	if (!kept)
		return 0;
	if (mixed)
		return record(ps, k, VH_TOML_OTHER, 0, 0);
	if ((rc = record(ps, k, VH_TOML_STRINGS, off, 0)) < 0)
		return rc;
	ps->doc->v[ps->doc->n - 1].nstrs = n;
	ps->nstrs += n;
	return 0;
}

/* key = value at p, under the node base (the table or the inline table). */
static int keyval(struct parser *ps, uint32_t base, int kept, int depth)
{
	int rc;
	uint32_t k = base;

	if ((rc = key(ps, &k, kept, NULL)) < 0)
		return rc;
	if (peek(ps, 0) != '=')
		return fail(ps, "'=' was expected after a key");
	ps->p++;
	skip_ws(ps);
	return value(ps, k, kept, depth);
}

static int inline_table(struct parser *ps, uint32_t k, int kept, int depth)
{
	int rc;
	ps->p++;
	skip_ws(ps);
	if (peek(ps, 0) == '}') {
		ps->p++;
		return kept ? record(ps, k, VH_TOML_OTHER, 0, 0) : 0;
	}
	for (;;) {
		if ((rc = keyval(ps, k, kept, depth + 1)) < 0)
			return rc;
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

static int value(struct parser *ps, uint32_t k, int kept, int depth)
{
	int rc;
	struct vh_toml_tree *t = ps->t;
	size_t off = t->text.len;
	int c = peek(ps, 0);

	if (depth > MAX_NEST)
		return fail(ps, "values nested too deeply");
	if (c == '"' || c == '\'') {
		if ((rc = string(ps, &t->text)) < 0)
			return rc;
		if (!kept) {
			text_cut(t, off);
			return 0;
		}
		/* kept with its NUL: the next text goes after it */
		if (vh_buf_putc(&t->text, '\0') < 0)
			return oom(ps);
		return record(ps, k, VH_TOML_STRING, off, 0);
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
	int rc;
	int is_array = peek(ps, 1) == '[', under_array = 0;
	uint32_t k = 0;

	ps->p += is_array ? 2 : 1;
	/* A header's path is always looked up, whether or not its keys are
	 * kept: a [[header]] marks its node, and every table at or under a
	 * marked node names a part of one element, which is not addressable. */
	if ((rc = key(ps, &k, 1, &under_array)) < 0)
		return rc;
	if (peek(ps, 0) != ']' || (is_array && peek(ps, 1) != ']'))
		return fail(ps, is_array ? "']]' was expected to end a table header" :
			    "']' was expected to end a table header");
	ps->p += is_array ? 2 : 1;
	ps->table_kept = !is_array && !under_array;
	if (is_array) {
		struct node *nodes = ps->t->nodes;
		uint32_t up;

		/* [[a.b]] makes a table of a (vh_toml_has_table), as [a.b]
		 * does; each node is marked once. */
		nodes[k].flags |= NODE_ARRAY;
		for (up = nodes[k].parent; up != NONE && !(nodes[up].flags & NODE_USED); up = nodes[up].parent)
			nodes[up].flags |= NODE_USED;
	}
	if (ps->table_kept && (rc = record(ps, k, VH_TOML_TABLE, 0, 0)) < 0)
		return rc;
	ps->table = k;
	return end_of_line(ps);
}

/* Memory the document holds, by the capacity of what it holds. */
static size_t held(const struct vh_toml *doc)
{
	const struct vh_toml_tree *t = doc->tree;

	return doc->cap * sizeof(*doc->v) + sizeof(*t) + t->cap * sizeof(*t->nodes) +
	       t->ccap * sizeof(*t->crit) + t->text.cap;
}

/* Where the strings of the arrays of strings, and the strings, lie now
 * that the text stays where it is; which nodes have an entry at or below
 * them (each node is marked once: linear). */
static int settle(struct vh_toml *doc, size_t nstrs)
{
	struct vh_toml_tree *t = doc->tree;
	size_t i, j, used = 0;
	const char *s;
	uint32_t k;

	if (nstrs) {
		doc->strv = malloc(nstrs * sizeof(*doc->strv));
		if (!doc->strv)
			return VH_ENOMEM;
	}
	for (i = 0; i < doc->n; i++) {
		struct vh_toml_entry *e = &doc->v[i];

		if (e->type == VH_TOML_STRING)
			e->str = t->text.data + e->at;
		if (e->type == VH_TOML_STRINGS) {
			/* no strv when every array is empty: nothing to point into */
			e->strs = doc->strv ? doc->strv + used : NULL;
			for (j = 0, s = t->text.data + e->at; j < e->nstrs; j++, s += strlen(s) + 1)
				doc->strv[used++] = s;
		}
		for (k = (uint32_t)e->node; k != NONE && !(t->nodes[k].flags & NODE_USED);
		     k = t->nodes[k].parent)
			t->nodes[k].flags |= NODE_USED;
	}
	return 0;
}

int vh_toml_parse(struct vh_toml *doc, struct vh_buf *err, const char *text, size_t len)
{
	struct parser ps = { 0 };
	struct vh_toml_tree *t;
	int rc = 0;

	memset(doc, 0, sizeof(*doc));
	if (len > VH_TOML_MAX_TEXT)
		return vh_buf_printf(err, "line 1: more than %u MiB of text", VH_TOML_MAX_TEXT >> 20) < 0 ?
		       VH_ENOMEM : VH_ESYNTAX;
	t = doc->tree = calloc(1, sizeof(*t));
	if (!t)
		return VH_ENOMEM;
	t->top = NONE;
	t->cap = 16;
	t->nodes = malloc(t->cap * sizeof(*t->nodes));
	/* the root, named "" at offset 0 */
	if (!t->nodes || vh_buf_putc(&t->text, '\0') < 0)
		return VH_ENOMEM;
	t->nodes[0] = (struct node){ NONE, 0, 0, 0, NONE, 0, 0 };
	t->n = 1;
	ps.p = text;
	ps.end = text + len;
	ps.line = 1;
	ps.err = err;
	ps.doc = doc;
	ps.t = t;
	ps.table_kept = 1;
	/* A byte order mark is allowed at the start. */
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		ps.p += 3;
	while (rc == 0 && !at_end(&ps)) {
		if (skip_ws_newlines(&ps) < 0) {
			rc = VH_ESYNTAX;
			break;
		}
		if (at_end(&ps))
			break;
		if (*ps.p == '[')
			rc = header(&ps);
		else if (keyval(&ps, ps.table, ps.table_kept, 0) < 0 || end_of_line(&ps) < 0)
			rc = VH_ESYNTAX;
	}
	/* The text is where it stays: the strings can point into it now. */
	if (settle(doc, ps.nstrs) < 0) {
		rc = VH_ENOMEM;
		ps.oom = 1;
	}
	doc->bytes = held(doc) + ps.nstrs * sizeof(*doc->strv);
	if (rc < 0)
		return ps.oom ? VH_ENOMEM : VH_ESYNTAX;
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
	return rc == VH_ESYNTAX ? VH_EREFUSED : rc;
}

const struct vh_toml_entry *vh_toml_get(const struct vh_toml *doc, const char *const *path,
					int *dup)
{
	const struct vh_toml_tree *t = doc->tree;
	const struct node *n;
	uint32_t k = 0;
	size_t work = 0;

	*dup = 0;
	if (!t)
		return NULL;
	for (; *path && k != NONE; path++)
		k = find_child(t, &work, k, *path, strlen(*path));
	if (k == NONE)
		return NULL;
	n = &t->nodes[k];
	if (!n->count)
		return NULL;
	*dup = n->count > 1;
	return &doc->v[n->first];
}

void vh_toml_key(const struct vh_toml *doc, const struct vh_toml_entry *e, const char **parts)
{
	const struct vh_toml_tree *t = doc->tree;
	uint32_t k = (uint32_t)e->node;
	size_t i = e->depth;

	while (i > 0) {
		parts[--i] = name_of(t, k);
		k = t->nodes[k].parent;
	}
}

int vh_toml_has_table(const struct vh_toml *doc, const char *const *path)
{
	const struct vh_toml_tree *t = doc->tree;
	uint32_t k = 0;
	size_t work = 0;

	if (!t)
		return 0;
	for (; *path && k != NONE; path++)
		k = find_child(t, &work, k, *path, strlen(*path));
	return k != NONE && (t->nodes[k].flags & NODE_USED);
}

void vh_toml_free(struct vh_toml *doc)
{
	if (doc->tree) {
		free(doc->tree->nodes);
		free(doc->tree->crit);
		vh_buf_free(&doc->tree->text);
		free(doc->tree);
	}
	free(doc->v);
	free(doc->strv);
	memset(doc, 0, sizeof(*doc));
}
