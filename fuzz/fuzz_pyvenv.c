/*
 * libFuzzer harness: pyvenv.cfg reading (core/find/pyvenv.c) through the system's
 * libinih, and vh_pyvenv_prompt_text. Any violated invariant aborts, which
 * libFuzzer records as a crash with the input that caused it.
 *
 * Invariants, each taken from a documented contract:
 *  - the parser agrees with an independent model of the rule pyvenv.h and
 *    the comment atop pyvenv.c state (CPython's site.py: split each '\n' line
 *    on the first '=', strip both sides, lowercase the key, ignore the rest;
 *    a value holding a NUL is dropped and counted in bad_lines);
 *  - vh_pyvenv_read of the same bytes from a file gives the same result;
 *  - reader callbacks never write past the buffer size inih passes (libinih
 *    is not instrumented, so its 200-byte stack buffer has no redzones: the
 *    reader is handed an exactly-sized heap buffer here instead);
 *  - vh_pyvenv_prompt_text returns NULL or a non-empty string no longer than
 *    its input, and an unquoted value unchanged;
 *  - a prompt written as CPython writes it (repr() of the string) comes back
 *    out of "prompt = <repr>" as exactly the original string.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dlfcn.h>
#include <ini.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/find/pyvenv.h"

#define CHECK(cond, ...)                                                         \
	do {                                                                     \
		if (!(cond)) {                                                   \
			fprintf(stderr, "fuzz_pyvenv: %s:%d: invariant '%s' broken: ", \
				__FILE__, __LINE__, #cond);                       \
			fprintf(stderr, __VA_ARGS__);                            \
			fputc('\n', stderr);                                     \
			abort();                                                 \
		}                                                                \
	} while (0)

/* --- the reader-size contract, checked around the real libinih --- */

typedef int (*parse_stream_fn)(ini_reader, void *, ini_handler, void *);

struct guard {
	ini_reader reader;
	void *stream;
};

static char *guarded_reader(char *dst, int size, void *stream)
{
	struct guard *g = stream;
	char *heap, *got;
	size_t len;

	CHECK(size > 0, "inih passed size %d", size);
	heap = malloc((size_t)size);
	CHECK(heap, "out of memory");
	/* ASan reports any write past size bytes here. */
	got = g->reader(heap, size, g->stream);
	if (got) {
		CHECK(got == heap, "reader returned a pointer other than its buffer");
		len = strnlen(heap, (size_t)size);
		CHECK(len < (size_t)size, "reader left no NUL within %d bytes", size);
		memcpy(dst, heap, len + 1);
	}
	free(heap);
	return got ? dst : NULL;
}

/* Takes the place of libinih's entry point for core/find/pyvenv.c (the executable
 * defines it first), wraps the reader and calls the real one in libinih.so. */
int ini_parse_stream(ini_reader reader, void *stream, ini_handler handler, void *user)
{
	static parse_stream_fn real;
	struct guard g = { reader, stream };

	if (!real) {
		*(void **)&real = dlsym(RTLD_NEXT, "ini_parse_stream");
		CHECK(real, "libinih's ini_parse_stream not found: %s", dlerror());
	}
	return real(guarded_reader, &g, handler, user);
}

/* --- an independent model of the documented rule --- */

struct model {
	const char *prompt, *version, *home; /* into the input; NULL when absent */
	size_t prompt_len, version_len, home_len;
	int bad_lines;
};

static int is_key(const char *b, size_t n, const char *key)
{
	size_t i;

	if (n != strlen(key))
		return 0;
	for (i = 0; i < n; i++)
		if (tolower((unsigned char)b[i]) != key[i])
			return 0;
	return 1;
}

static void model_set(struct model *m, const char **slot, size_t *slot_len, const char *v,
		      size_t n)
{
	if (memchr(v, '\0', n)) {
		m->bad_lines++;
		return;
	}
	*slot = v;
	*slot_len = n;
}

static void model_parse(struct model *m, const char *p, size_t len)
{
	const char *end = p + len, *nl, *line_end, *eq, *kb, *ke, *vb, *ve;

	memset(m, 0, sizeof(*m));
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p < end; p = nl ? nl + 1 : end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		line_end = nl ? nl : end;
		eq = memchr(p, '=', (size_t)(line_end - p));
		if (!eq)
			continue;
		kb = p, ke = eq, vb = eq + 1, ve = line_end;
		while (kb < ke && isspace((unsigned char)*kb))
			kb++;
		while (ke > kb && isspace((unsigned char)ke[-1]))
			ke--;
		while (vb < ve && isspace((unsigned char)*vb))
			vb++;
		while (ve > vb && isspace((unsigned char)ve[-1]))
			ve--;
		if (is_key(kb, (size_t)(ke - kb), "prompt"))
			model_set(m, &m->prompt, &m->prompt_len, vb, (size_t)(ve - vb));
		else if (is_key(kb, (size_t)(ke - kb), "home"))
			model_set(m, &m->home, &m->home_len, vb, (size_t)(ve - vb));
		else if (is_key(kb, (size_t)(ke - kb), "version_info") ||
			 (is_key(kb, (size_t)(ke - kb), "version") && !m->version))
			model_set(m, &m->version, &m->version_len, vb, (size_t)(ve - vb));
	}
}

static void same_field(const char *name, const char *got, const char *want, size_t want_len)
{
	if (!want) {
		CHECK(!got, "%s: got '%s', the rule finds none", name, got);
		return;
	}
	CHECK(got, "%s: got none, the rule finds '%.*s'", name, (int)want_len, want);
	CHECK(strlen(got) == want_len && memcmp(got, want, want_len) == 0,
	      "%s: got '%s', the rule finds '%.*s'", name, got, (int)want_len, want);
}

static void same_cfg(const struct vh_pyvenv *a, const struct vh_pyvenv *b)
{
	CHECK(a->bad_lines == b->bad_lines, "bad_lines %d vs %d", a->bad_lines, b->bad_lines);
	CHECK(!a->prompt == !b->prompt && (!a->prompt || !strcmp(a->prompt, b->prompt)), "prompt");
	CHECK(!a->home == !b->home && (!a->home || !strcmp(a->home, b->home)), "home");
	CHECK(!a->version == !b->version && (!a->version || !strcmp(a->version, b->version)),
	      "version");
}

/* --- prompt text --- */

static void check_prompt_text(const char *raw)
{
	char *text = vh_pyvenv_prompt_text(raw);
	size_t n = strlen(raw);
	int quoted = n >= 2 && (raw[0] == '\'' || raw[0] == '"') && raw[n - 1] == raw[0];

	if (text) {
		CHECK(*text, "empty prompt text from '%s'", raw);
		/* every escape repr() writes is longer than what it stands for */
		CHECK(strlen(text) <= n, "prompt text longer than '%s'", raw);
		CHECK(quoted || !strcmp(text, raw), "unquoted '%s' changed to '%s'", raw, text);
	} else {
		CHECK(quoted || n == 0, "unquoted non-empty '%s' refused", raw);
	}
	free(text);
}

/* Decodes one UTF-8 sequence as Python accepts it (no overlongs, no
 * surrogates, at most U+10FFFF). Returns its length, or 0 if invalid. */
static size_t utf8_decode(uint32_t *cp, const unsigned char *s, size_t n)
{
	size_t len, i;
	uint32_t c;

	if (s[0] < 0x80)
		return *cp = s[0], 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* repr(s) as CPython writes it into pyvenv.cfg. Whether a non-ASCII code
 * point counts as printable (kept) or not (escaped) depends on Unicode
 * tables; both forms are valid repr() output, so the input picks. Returns -1
 * if s is not a Python str (invalid UTF-8). */
static int py_repr(struct vh_buf *out, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	char q = memchr(s, '\'', n) && !memchr(s, '"', n) ? '"' : '\'';
	size_t i = 0, k;
	uint32_t cp;

	vh_buf_putc(out, q);
	while (i < n) {
		k = utf8_decode(&cp, u + i, n - i);
		if (!k)
			return -1;
		if (cp == '\\' || cp == (uint32_t)q)
			vh_buf_printf(out, "\\%c", (char)cp);
		else if (cp == '\t')
			vh_buf_puts(out, "\\t");
		else if (cp == '\n')
			vh_buf_puts(out, "\\n");
		else if (cp == '\r')
			vh_buf_puts(out, "\\r");
		else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0xa0))
			vh_buf_printf(out, "\\x%02x", cp);
		else if (cp < 0x80 || (cp + i) % 3)
			vh_buf_add(out, s + i, k);
		else if (cp < 0x100)
			vh_buf_printf(out, "\\x%02x", cp);
		else if (cp < 0x10000)
			vh_buf_printf(out, "\\u%04x", cp);
		else
			vh_buf_printf(out, "\\U%08x", cp);
		i += k;
	}
	vh_buf_putc(out, q);
	return 0;
}

static void check_repr_round_trip(const char *s, size_t n)
{
	struct vh_buf repr = VH_BUF_INIT, cfg = VH_BUF_INIT;
	struct vh_pyvenv pc;
	char *text;

	if (n == 0 || memchr(s, '\0', n) || py_repr(&repr, s, n) < 0)
		goto done;
	vh_buf_printf(&cfg, "home = /usr/bin\nprompt = %s\nversion = 3.11.2\n", vh_buf_str(&repr));
	CHECK(vh_pyvenv_parse(&pc, cfg.data, cfg.len) == 0, "parse failed");
	CHECK(pc.prompt && !strcmp(pc.prompt, repr.data), "prompt line read as '%s', written %s",
	      pc.prompt ? pc.prompt : "(none)", repr.data);
	text = vh_pyvenv_prompt_text(pc.prompt);
	CHECK(text && strlen(text) == n && !memcmp(text, s, n), "repr %s came back as '%s'",
	      repr.data, text ? text : "(NULL)");
	free(text);
	vh_pyvenv_free(&pc);
done:
	vh_buf_free(&repr);
	vh_buf_free(&cfg);
}

/* --- the entry point --- */

static int memfd = -1;
static char memfd_path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	struct vh_pyvenv cfg, from_file;
	struct model m;
	char *raw;

	CHECK(vh_pyvenv_parse(&cfg, text, size) == 0, "parse of %zu bytes failed", size);
	model_parse(&m, text, size);
	same_field("prompt", cfg.prompt, m.prompt, m.prompt_len);
	same_field("home", cfg.home, m.home, m.home_len);
	same_field("version", cfg.version, m.version, m.version_len);
	CHECK(cfg.bad_lines == m.bad_lines, "bad_lines %d, the rule counts %d", cfg.bad_lines,
	      m.bad_lines);

	/* The same bytes from a file, through vh_pyvenv_read's own loop. */
	if (memfd < 0) {
		memfd = memfd_create("pyvenv.cfg", MFD_CLOEXEC);
		CHECK(memfd >= 0, "memfd_create");
		snprintf(memfd_path, sizeof(memfd_path), "/proc/self/fd/%d", memfd);
	}
	CHECK(ftruncate(memfd, 0) == 0 && pwrite(memfd, data, size, 0) == (ssize_t)size,
	      "cannot write the memfd");
	CHECK(vh_pyvenv_read(&from_file, memfd_path) == 0, "read of %s failed", memfd_path);
	same_cfg(&cfg, &from_file);
	vh_pyvenv_free(&from_file);

	if (cfg.prompt)
		check_prompt_text(cfg.prompt);
	vh_pyvenv_free(&cfg);

	/* The input itself as a raw prompt value, and as a string CPython wrote. */
	raw = strndup(text, size);
	CHECK(raw, "out of memory");
	check_prompt_text(raw);
	free(raw);
	check_repr_round_trip(text, size);
	return 0;
}
