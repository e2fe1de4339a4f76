#include "core/util/json.h"

#include "core/util/msg.h"

#include <stdlib.h>
#include <string.h>

#include "core/util/err.h"

int vh_json_str(struct vh_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	enum vh_text_kind kind;
	unsigned long cp;
	size_t n;
	int rc;

	if (!s)
		return vh_buf_puts(out, "null");
	if (vh_buf_putc(out, '"') < 0)
		return VH_ENOMEM;
	for (; *p; p += n) {
		n = vh_text_next(p, &cp, &kind);
		if (kind != VH_TEXT_SHOWN) /* every control is in the BMP */
			rc = vh_buf_printf(out, "\\u%04lx", cp);
		else if (cp == '"' || cp == '\\')
			rc = vh_buf_printf(out, "\\%c", (int)cp);
		else
			rc = vh_buf_add(out, (const char *)p, n);
		if (rc < 0)
			return rc;
	}
	return vh_buf_putc(out, '"');
}

/* The reader: recursive descent over a bounded depth; each byte is looked
 * at a bounded number of times. */
struct rd {
	const unsigned char *p, *end;
	int depth;
};

static void ws(struct rd *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static int hex4(struct rd *r, unsigned long *cp)
{
	int i, c;

	if (r->end - r->p < 4)
		return VH_ESYNTAX;
	*cp = 0;
	for (i = 0; i < 4; i++) {
		c = r->p[i];
		if (c >= '0' && c <= '9')
			c -= '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			c = (c | 0x20) - 'a' + 10;
		else
			return VH_ESYNTAX;
		*cp = *cp * 16 + (unsigned long)c;
	}
	r->p += 4;
	return 0;
}

static int put_utf8(struct vh_buf *b, unsigned long cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	return vh_buf_add(b, u, n);
}

/* A string at r->p ('"'), into b when b is not NULL; *bad set when it holds
 * what no C string or environment can (a NUL, half a surrogate pair). */
static int str(struct rd *r, struct vh_buf *b, int *bad)
{
	unsigned long cp, lo;
	enum vh_text_kind kind;
	size_t n;
	const unsigned char *s;

	r->p++;
	while (r->p < r->end && *r->p != '"') {
		if (*r->p < 0x20)
			return VH_ESYNTAX;
		if (*r->p == '\\') {
			if (++r->p >= r->end)
				return VH_ESYNTAX;
			switch (*r->p++) {
			case '"': cp = '"'; break;
			case '\\': cp = '\\'; break;
			case '/': cp = '/'; break;
			case 'b': cp = '\b'; break;
			case 'f': cp = '\f'; break;
			case 'n': cp = '\n'; break;
			case 'r': cp = '\r'; break;
			case 't': cp = '\t'; break;
			case 'u':
				if (hex4(r, &cp) < 0)
					return VH_ESYNTAX;
				if (cp >= 0xd800 && cp < 0xdc00 && r->end - r->p >= 6 && r->p[0] == '\\' &&
				    r->p[1] == 'u') {
					s = r->p;
					r->p += 2;
					if (hex4(r, &lo) < 0)
						return VH_ESYNTAX;
					if (lo >= 0xdc00 && lo < 0xe000)
						cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
					else
						r->p = s; /* a lone half; the next escape is read on its own */
				}
				if (cp == 0 || (cp >= 0xd800 && cp < 0xe000)) {
					*bad = 1;
					continue;
				}
				break;
			default:
				return VH_ESYNTAX;
			}
			if (b && put_utf8(b, cp) < 0)
				return VH_ENOMEM;
			continue;
		}
		/* vh_text_next reads up to 4 bytes: only where they are there */
		if (r->end - r->p < 4) {
			unsigned char tmp[5] = { 0 };
			memcpy(tmp, r->p, (size_t)(r->end - r->p));
			n = vh_text_next(tmp, &cp, &kind);
		} else {
			n = vh_text_next(r->p, &cp, &kind);
		}
		if (kind == VH_TEXT_INVALID || n > (size_t)(r->end - r->p))
			return VH_ESYNTAX;
		if (b && vh_buf_add(b, (const char *)r->p, n) < 0)
			return VH_ENOMEM;
		r->p += n;
	}
	if (r->p >= r->end)
		return VH_ESYNTAX;
	r->p++;
	return 0;
}

static int lit(struct rd *r, const char *word)
{
	size_t n = strlen(word);

	if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n))
		return VH_ESYNTAX;
	r->p += n;
	return 0;
}

static int num(struct rd *r)
{
	const unsigned char *s;

	if (r->p < r->end && *r->p == '-')
		r->p++;
	if (r->p >= r->end || *r->p < '0' || *r->p > '9')
		return VH_ESYNTAX;
	if (*r->p == '0')
		r->p++;
	else
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
			r->p++;
	if (r->p < r->end && *r->p == '.') {
		s = ++r->p;
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
			r->p++;
		if (r->p == s)
			return VH_ESYNTAX;
	}
	if (r->p < r->end && (*r->p | 0x20) == 'e') {
		r->p++;
		if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
			r->p++;
		s = r->p;
		while (r->p < r->end && *r->p >= '0' && *r->p <= '9')
			r->p++;
		if (r->p == s)
			return VH_ESYNTAX;
	}
	return 0;
}

static int value(struct rd *r, struct vh_json_pairs *keep, const char *key);

/* key and value (NULL: bad) appended to keep. */
static int keep_pair(struct vh_json_pairs *keep, const char *key, const char *val, int bad)
{
	struct vh_json_pair *pair;

	if (keep->n == keep->cap) {
		size_t cap = keep->cap ? keep->cap * 2 : 8;

		pair = realloc(keep->v, cap * sizeof(*pair));
		if (!pair)
			return VH_ENOMEM;
		keep->v = pair;
		keep->cap = cap;
	}
	pair = &keep->v[keep->n];
	pair->key = strdup(key);
	pair->value = val ? strdup(val) : NULL;
	pair->bad = bad || !val;
	if (!pair->key || (val && !pair->value)) {
		free(pair->key);
		free(pair->value);
		return VH_ENOMEM;
	}
	keep->n++;
	return 0;
}

/* An object at r->p ('{'). keep: the object's string members go there
 * (keep_key NULL), or the members of its member keep_key's object do. */
static int object(struct rd *r, struct vh_json_pairs *keep, const char *keep_key)
{
	struct vh_buf k = VH_BUF_INIT, v = VH_BUF_INIT;
	int rc = VH_ESYNTAX, kbad, vbad, first = 1;

	if (++r->depth > VH_JSON_DEPTH)
		goto done;
	r->p++;
	for (;;) {
		ws(r);
		if (r->p < r->end && *r->p == '}' && first) {
			r->p++;
			break;
		}
		if (r->p >= r->end || *r->p != '"')
			goto done;
		vh_buf_reset(&k); /* and its text: an empty key is empty */
		kbad = vbad = 0;
		if ((rc = str(r, &k, &kbad)) < 0)
			goto done;
		rc = VH_ESYNTAX;
		ws(r);
		if (r->p >= r->end || *r->p != ':')
			goto done;
		r->p++;
		ws(r);
		if (keep && keep_key) {
			if (!kbad && k.len == strlen(keep_key) && !memcmp(vh_buf_str(&k), keep_key, k.len)) {
				if (r->p >= r->end || *r->p != '{')
					goto done;
				vh_json_pairs_free(keep); /* the last one counts */
				rc = object(r, keep, NULL);
			} else {
				rc = value(r, NULL, NULL);
			}
		} else if (keep) {
			vh_buf_reset(&v);
			if (r->p < r->end && *r->p == '"')
				rc = str(r, &v, &vbad);
			else
				rc = (vbad = 1, value(r, NULL, NULL));
			if (rc == 0)
				rc = keep_pair(keep, vh_buf_str(&k), vbad ? NULL : vh_buf_str(&v), kbad || vbad);
		} else {
			rc = value(r, NULL, NULL);
		}
		if (rc < 0)
			goto done;
		rc = VH_ESYNTAX;
		first = 0;
		ws(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (r->p < r->end && *r->p == '}') {
			r->p++;
			break;
		}
		goto done;
	}
	r->depth--;
	rc = 0;
done:
	vh_buf_free(&k);
	vh_buf_free(&v);
	return rc;
}

static int array(struct rd *r)
{
	int rc, first = 1;

	if (++r->depth > VH_JSON_DEPTH)
		return VH_ESYNTAX;
	r->p++;
	for (;;) {
		ws(r);
		if (r->p < r->end && *r->p == ']' && first) {
			r->p++;
			break;
		}
		if ((rc = value(r, NULL, NULL)) < 0)
			return rc;
		first = 0;
		ws(r);
		if (r->p < r->end && *r->p == ',') {
			r->p++;
			continue;
		}
		if (r->p < r->end && *r->p == ']') {
			r->p++;
			break;
		}
		return VH_ESYNTAX;
	}
	r->depth--;
	return 0;
}

static int value(struct rd *r, struct vh_json_pairs *keep, const char *key)
{
	int bad = 0;

	ws(r);
	if (r->p >= r->end)
		return VH_ESYNTAX;
	switch (*r->p) {
	case '{': return object(r, keep, key);
	case '[': return array(r);
	case '"': return str(r, NULL, &bad);
	case 't': return lit(r, "true");
	case 'f': return lit(r, "false");
	case 'n': return lit(r, "null");
	default: return num(r);
	}
}

int vh_json_members(struct vh_json_pairs *out, const char *text, size_t len, const char *key)
{
	struct rd r = { (const unsigned char *)text, (const unsigned char *)text + len, 0 };
	int rc;

	memset(out, 0, sizeof(*out));
	/* Python's json.loads takes a BOM-less text; conda writes none */
	ws(&r);
	if (r.p < r.end && *r.p == '{')
		rc = object(&r, out, key);
	else
		rc = value(&r, NULL, NULL);
	if (rc == 0) {
		ws(&r);
		if (r.p != r.end)
			rc = VH_ESYNTAX;
	}
	return rc;
}

void vh_json_pairs_free(struct vh_json_pairs *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].key);
		free(p->v[i].value);
	}
	free(p->v);
	memset(p, 0, sizeof(*p));
}
