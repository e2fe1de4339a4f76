#include "core/util/msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

size_t vh_utf8_valid(const unsigned char *s)
{
	/* a NUL ends the string and is no continuation byte: 4 is safe */
	return vh_utf8_valid_n(s, 4);
}

size_t vh_utf8_valid_n(const unsigned char *s, size_t avail)
{
	size_t n, i;
	unsigned int cp;

	if (!avail)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (avail < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

int vh_utf8_put(struct vh_buf *b, unsigned long cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80)
		u[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		u[0] = (char)(0xc0 | (cp >> 6)), u[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
	else if (cp < 0x10000)
		u[0] = (char)(0xe0 | (cp >> 12)), u[1] = (char)(0x80 | ((cp >> 6) & 0x3f)),
		u[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
	else if (cp <= 0x10ffff)
		u[0] = (char)(0xf0 | (cp >> 18)), u[1] = (char)(0x80 | ((cp >> 12) & 0x3f)),
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), u[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
	else
		return VH_ESYNTAX;
	return vh_buf_add(b, u, n);
}

/* The code point of the valid sequence of n bytes at p. */
static unsigned long code_point(const unsigned char *p, size_t n)
{
	unsigned long cp = n == 1 ? p[0] : p[0] & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
	size_t i;

	for (i = 1; i < n; i++)
		cp = (cp << 6) | (p[i] & 0x3f);
	return cp;
}

/* The invisible controls that reorder what follows them on the line, so a
 * name could make the rest of a message, or the prompt, read otherwise. */
static int bidi_control(unsigned long cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

size_t vh_text_next(const unsigned char *s, unsigned long *cp, enum vh_text_kind *kind)
{
	size_t n = vh_utf8_valid(s);

	if (!n) {
		*cp = s[0];
		*kind = VH_TEXT_INVALID;
		return 1;
	}
	*cp = code_point(s, n);
	*kind = *cp < 0x20 || (*cp >= 0x7f && *cp < 0xa0) || bidi_control(*cp) ? VH_TEXT_CONTROL :
		VH_TEXT_SHOWN;
	return n;
}

int vh_msg_sanitize(struct vh_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	enum vh_text_kind kind;
	unsigned long cp;
	size_t n;
	int rc;

	for (; *p; p += n) {
		n = vh_text_next(p, &cp, &kind);
		/* Shown text stays, and so does an invalid byte past the C1
		 * range (a Latin-1 name shows in a Latin-1 terminal); a control
		 * (a C1 one written as UTF-8 too) is one '?'. */
		if (kind == VH_TEXT_SHOWN || (kind == VH_TEXT_INVALID && cp >= 0xa0))
			rc = vh_buf_add(out, (const char *)p, n);
		else
			rc = vh_buf_putc(out, '?');
		if (rc < 0)
			return rc;
	}
	return 0;
}

int vh_msg_escape(struct vh_buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	enum vh_text_kind kind;
	unsigned long cp;
	size_t n, i;

	for (; *p; p += n) {
		n = vh_text_next(p, &cp, &kind);
		if (kind == VH_TEXT_SHOWN && cp != '\\') {
			if (vh_buf_add(out, (const char *)p, n) < 0)
				return VH_ENOMEM;
			continue;
		}
		for (i = 0; i < n; i++)
			if (vh_buf_printf(out, "\\x%02x", p[i]) < 0)
				return VH_ENOMEM;
	}
	return 0;
}

static struct vh_buf *captured;

void vh_msg_capture(struct vh_buf *into)
{
	captured = into;
}

/* One write per line: stderr is unbuffered, and a line cut into pieces can be
 * interleaved with terminal echo or another process's output. */
void vh_msgf(const char *fmt, ...)
{
	struct vh_buf line = VH_BUF_INIT;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vh_buf_puts(&line, "venvhook: ") < 0 ? VH_ENOMEM : vh_buf_vprintf(&line, fmt, ap);
	va_end(ap);
	if (rc == 0 && vh_buf_putc(&line, '\n') == 0) {
		if (!captured || vh_buf_add(captured, line.data, line.len) < 0)
			fwrite(line.data, 1, line.len, stderr);
	}
	vh_buf_free(&line);
}

void vh_msg_path(const char *prefix, const char *path, const char *suffix)
{
	struct vh_buf b = VH_BUF_INIT;

	if (vh_msg_escape(&b, path) < 0)
		vh_buf_reset(&b);
	vh_msgf("%s%s%s", prefix, vh_buf_str(&b), suffix);
	vh_buf_free(&b);
}

void vh_msg_lines(const struct vh_buf *lines)
{
	const char *p = lines->data, *nl;

	while (p && *p && (nl = strchr(p, '\n'))) {
		vh_msgf("%.*s", (int)(nl - p), p);
		p = nl + 1;
	}
}
