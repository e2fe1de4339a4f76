/*
 * pyvenv.cfg is defined by CPython's site.py, not by INI: split each line on
 * the first '=', strip both sides, lowercase the key, ignore the rest. Debian's
 * libinih is built with a 200-byte line buffer, ';' inline comments, ':' as a
 * second separator and indented continuation lines; each of those would
 * mangle real files ("command = ..." lines run past 200 bytes, a prompt may
 * hold " ;"). So inih drives the walk over lines through our reader, which
 * hands it a bounded, left-trimmed copy of each line, and the handler takes
 * key and value from the full raw line the reader kept.
 */
#include "core/find/pyvenv.h"
#include "core/util/hex.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/util/buf.h"
#include "core/util/fileio.h"
#include "core/util/msg.h"


struct reader {
	const char *p, *end;
	const char *line; /* the raw line inih is looking at */
	size_t line_len;
	struct vh_pyvenv *out;
};

static char *reader_next(char *dst, int size, void *stream)
{
	struct reader *r = stream;
	const char *nl, *s;
	size_t n, cap;

	if (r->p >= r->end || size < 2)
		return NULL;
	nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
	r->line = r->p;
	r->line_len = (size_t)((nl ? nl : r->end) - r->p);
	r->p = nl ? nl + 1 : r->end;

	/* Leading blanks would make inih join the line to the previous key. */
	s = r->line;
	while (s < r->line + r->line_len && (*s == ' ' || *s == '\t'))
		s++;
	n = (size_t)(r->line + r->line_len - s);
	cap = (size_t)size - 2;
	if (n > cap) {
		memcpy(dst, s, cap);
		/* inih calls the handler only if it sees a separator; the '='
		 * the handler splits on may lie past the cut ("prompt", 200
		 * blanks, "= x"), so show it one. */
		if (cap && !memchr(s, '=', cap) && memchr(s + cap, '=', n - cap))
			dst[cap - 1] = '=';
		n = cap;
	} else {
		memcpy(dst, s, n);
	}
	dst[n] = '\n';
	dst[n + 1] = '\0';
	/* inih stops at a NUL; the handler sees the whole raw line anyway. */
	return dst;
}

static void strip(const char **b, const char **e)
{
	while (*b < *e && isspace((unsigned char)**b))
		(*b)++;
	while (*e > *b && isspace((unsigned char)(*e)[-1]))
		(*e)--;
}

static int key_is(const char *b, const char *e, const char *key)
{
	size_t n = strlen(key), i;

	if ((size_t)(e - b) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (tolower((unsigned char)b[i]) != key[i])
			return 0;
	return 1;
}

static int take(char **slot, const char *b, const char *e, struct vh_pyvenv *out)
{
	char *v;

	if (memchr(b, '\0', (size_t)(e - b))) {
		out->bad_lines++;
		return 1;
	}
	v = strndup(b, (size_t)(e - b));
	if (!v)
		return 0;
	free(*slot);
	*slot = v;
	return 1;
}

static int on_pair(void *user, const char *section, const char *name, const char *value)
{
	struct reader *r = user;
	const char *kb = r->line, *ke, *vb, *ve = r->line + r->line_len;

	(void)section, (void)name, (void)value;
	ke = memchr(kb, '=', r->line_len);
	if (!ke)
		return 1; /* inih split on ':'; site.py would not see a key */
	vb = ke + 1;
	strip(&kb, &ke);
	strip(&vb, &ve);
	if (key_is(kb, ke, "prompt"))
		return take(&r->out->prompt, vb, ve, r->out);
	if (key_is(kb, ke, "home"))
		return take(&r->out->home, vb, ve, r->out);
	if (key_is(kb, ke, "version_info") ||
	    (key_is(kb, ke, "version") && !r->out->version))
		return take(&r->out->version, vb, ve, r->out);
	return 1;
}

int vh_pyvenv_parse(struct vh_pyvenv *out, const char *text, size_t len)
{
	struct reader r = { text, text + len, NULL, 0, out };

	memset(out, 0, sizeof(*out));
	/* inih skips a BOM only in its own copy of the line; skip it here too. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		r.p += 3;
	/* Its return value only counts lines inih could not split; site.py
	 * ignores those too. Out of memory shows as a handler returning 0. */
	if (ini_parse_stream(reader_next, &r, on_pair, &r) == -2) {
		vh_pyvenv_free(out);
		errno = ENOMEM;
		return VH_ENOMEM;
	}
	return 0;
}

int vh_pyvenv_read(struct vh_pyvenv *out, const char *path)
{
	struct vh_buf b = VH_BUF_INIT;
	int rc, saved;

	memset(out, 0, sizeof(*out));
	/* A FIFO or a device as pyvenv.cfg is refused, never waited on. */
	rc = vh_read_file(&b, AT_FDCWD, path, VH_READ_MAX);
	if (rc == VH_OK)
		rc = vh_pyvenv_parse(out, vh_buf_str(&b), b.len);
	saved = errno;
	vh_buf_free(&b);
	errno = saved;
	return rc;
}

void vh_pyvenv_free(struct vh_pyvenv *cfg)
{
	free(cfg->prompt);
	free(cfg->version);
	free(cfg->home);
	memset(cfg, 0, sizeof(*cfg));
}

/* Undoes the escapes repr() writes; an unknown escape stays as written. */
static int unescape(struct vh_buf *b, const char *s, size_t len)
{
	size_t i = 0, digits, k;
	uint32_t cp;
	int d;

	while (i < len) {
		if (s[i] != '\\' || i + 1 >= len) {
			if (vh_buf_putc(b, s[i++]) < 0)
				return VH_ENOMEM;
			continue;
		}
		switch (s[i + 1]) {
		case '\\': case '\'': case '"':
			if (vh_buf_putc(b, s[i + 1]) < 0)
				return VH_ENOMEM;
			i += 2;
			continue;
		case 'n': case 't': case 'r':
			if (vh_buf_putc(b, s[i + 1] == 'n' ? '\n' : s[i + 1] == 't' ? '\t' : '\r') < 0)
				return VH_ENOMEM;
			i += 2;
			continue;
		case 'x': digits = 2; break;
		case 'u': digits = 4; break;
		case 'U': digits = 8; break;
		default:
			if (vh_buf_putc(b, s[i++]) < 0)
				return VH_ENOMEM;
			continue;
		}
		cp = 0;
		for (k = 0; k < digits; k++) {
			d = i + 2 + k < len ? vh_hex_digit(tolower((unsigned char)s[i + 2 + k])) : VH_ESYNTAX;
			if (d < 0)
				break;
			cp = cp * 16 + (uint32_t)d;
		}
		if (k < digits || vh_utf8_put(b, cp) < 0) {
			if (vh_buf_putc(b, s[i++]) < 0)
				return VH_ENOMEM;
			continue;
		}
		i += 2 + digits;
	}
	return 0;
}

char *vh_pyvenv_prompt_text(const char *raw)
{
	struct vh_buf b = VH_BUF_INIT;
	size_t len = strlen(raw);
	int rc;

	if (len >= 2 && (raw[0] == '\'' || raw[0] == '"') && raw[len - 1] == raw[0])
		rc = unescape(&b, raw + 1, len - 2);
	else
		rc = vh_buf_add(&b, raw, len);
	if (rc < 0 || b.len == 0 || memchr(vh_buf_str(&b), '\0', b.len)) {
		vh_buf_free(&b);
		return NULL;
	}
	return vh_buf_detach(&b);
}
