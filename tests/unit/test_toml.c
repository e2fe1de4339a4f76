/* The TOML reader (core/util/toml.c): what it keeps, and what it refuses. */
#include <stdlib.h>
#include <string.h>

#include "core/util/toml.h"
#include "tap.h"

/* dotted split at '.' into path (at most 15 components) in buf. */
static void split(const char **path, char *buf, size_t size, const char *dotted)
{
	char *save = NULL, *tok;
	int n = 0;

	snprintf(buf, size, "%s", dotted);
	for (tok = strtok_r(buf, ".", &save); tok && n < 15; tok = strtok_r(NULL, ".", &save))
		path[n++] = tok;
	path[n] = NULL;
}

/* The value at the dotted path, as "s:VALUE", "b:1", "a:V1|V2" (an array
 * of strings), "t" (a table a header opens), "o" (another kind), "dup" or
 * NULL. */
static char *get(const struct vh_toml *doc, const char *dotted)
{
	static char out[256];
	const char *path[16];
	char buf[256];
	const struct vh_toml_entry *e;
	size_t i, len;
	int dup;

	split(path, buf, sizeof(buf), dotted);
	e = vh_toml_get(doc, path, &dup);
	if (dup)
		return "dup";
	if (!e)
		return NULL;
	if (e->type == VH_TOML_STRING)
		snprintf(out, sizeof(out), "s:%s", e->str);
	else if (e->type == VH_TOML_BOOL)
		snprintf(out, sizeof(out), "b:%d", e->boolean);
	else if (e->type == VH_TOML_TABLE)
		snprintf(out, sizeof(out), "t");
	else if (e->type == VH_TOML_STRINGS)
		for (i = 0, len = (size_t)snprintf(out, sizeof(out), "a:"); i < e->nstrs && len < sizeof(out); i++)
			len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s", i ? "|" : "", e->strs[i]);
	else
		snprintf(out, sizeof(out), "o");
	return out;
}

static void ok_doc(const char *text, const char *path, const char *want, const char *what)
{
	struct vh_buf err = VH_BUF_INIT;
	struct vh_toml doc;
	int rc = vh_toml_parse(&doc, &err, text, strlen(text));

	if (!tap_ok(rc == 0, "%s: parses", what))
		printf("#   %s\n", vh_buf_str(&err));
	else
		tap_str(get(&doc, path), want, what);
	vh_toml_free(&doc);
	vh_buf_free(&err);
}

/* vh_toml_has_table at the dotted path: whether the table exists. */
static void has_doc(const char *text, const char *dotted, int want, const char *what)
{
	struct vh_buf err = VH_BUF_INIT;
	struct vh_toml doc;
	const char *path[16];
	char buf[256];
	int rc = vh_toml_parse(&doc, &err, text, strlen(text));

	split(path, buf, sizeof(buf), dotted);
	if (!tap_ok(rc == 0, "%s: parses", what))
		printf("#   %s\n", vh_buf_str(&err));
	else
		tap_ok(vh_toml_has_table(&doc, path) == want, "%s: %s", what, want ? "there" : "not there");
	vh_toml_free(&doc);
	vh_buf_free(&err);
}

static void bad_doc(const char *text, size_t len, const char *want_err, const char *what)
{
	struct vh_buf err = VH_BUF_INIT;
	struct vh_toml doc;
	int rc = vh_toml_parse(&doc, &err, text, len ? len : strlen(text));

	tap_ok(rc == VH_ESYNTAX, "%s: refused", what);
	if (want_err)
		tap_str(err.data, want_err, "  with the reason and its line");
	vh_toml_free(&doc);
	vh_buf_free(&err);
}

/* --- linear in the text, whatever it holds (toml.h) --- */

/* A pathological document of about n bytes, of one shape. */
static void shape(struct vh_buf *b, int which, size_t n)
{
	size_t i = 0;

	vh_buf_reset(b);
	switch (which) {
	case 0: /* a deep dotted header, then many keys under it */
		vh_buf_puts(b, "[a");
		while (b->len < n / 2)
			vh_buf_puts(b, ".a");
		vh_buf_puts(b, "]\n");
		while (b->len < n)
			vh_buf_printf(b, "k%zu = \"v\"\n", i++);
		break;
	case 1: /* many [[x]] headers, then many [y] headers */
		while (b->len < n / 2)
			vh_buf_printf(b, "[[x%zu]]\n", i++);
		while (b->len < n)
			vh_buf_printf(b, "[y%zu]\nk = 1\n", i++);
		break;
	case 2: /* the same [[x]] header again and again, with keys */
		while (b->len < n)
			vh_buf_puts(b, "[[x]]\nname = \"a\"\n[x.sub]\nk = true\n");
		break;
	case 3: /* deep dotted keys, each a new chain */
		while (b->len < n)
			vh_buf_printf(b, "k%zu.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a = 1\n", i++);
		break;
	case 4: /* long names that share all but their last byte */
		while (b->len < n) {
			vh_buf_puts(b, "[\"");
			for (size_t k = 0; k < 200; k++)
				vh_buf_putc(b, 'a');
			vh_buf_printf(b, "%zu\"]\n", i++);
		}
		break;
	case 5: /* one long array of empty strings */
		vh_buf_puts(b, "a = [");
		while (b->len < n - 2)
			vh_buf_puts(b, "'',");
		vh_buf_puts(b, "]\n");
		break;
	default: /* one key defined over and over */
		while (b->len < n)
			vh_buf_puts(b, "[project]\nname = \"a\"\n");
		break;
	}
}

static void linear(void)
{
	static const char *const what[] = {
		"a deep dotted header then many keys", "many [[x]] then many [y] headers",
		"one [[x]] header repeated", "deep dotted keys", "long names sharing a prefix",
		"a long array of empty strings", "one key defined again and again",
	};
	struct vh_buf text = VH_BUF_INIT, err = VH_BUF_INIT;
	struct vh_toml doc;
	size_t work[2], bytes[2], len[2], i;
	int w, rc;

	for (w = 0; w < 7; w++) {
		for (i = 0; i < 2; i++) {
			shape(&text, w, (size_t)256 * 1024 << i);
			vh_buf_reset(&err);
			rc = vh_toml_parse(&doc, &err, text.data, text.len);
			if (!tap_ok(rc == 0, "%s (%zu KiB): parses", what[w], text.len >> 10))
				printf("#   %s\n", vh_buf_str(&err));
			work[i] = doc.work;
			bytes[i] = doc.bytes;
			len[i] = text.len;
			vh_toml_free(&doc);
		}
		/* Twice the text, at most twice the work (and a little): not
		 * the square. */
		if (!tap_ok(work[1] <= work[0] * 2 + work[0] / 8 + 1024, "%s: twice the text, twice the work",
			    what[w]))
			printf("#   %zu steps for %zu bytes, %zu for %zu\n", work[0], len[0], work[1], len[1]);
		if (!tap_ok(work[1] <= 256 * len[1], "%s: at most 256 steps a byte", what[w]))
			printf("#   %zu steps for %zu bytes\n", work[1], len[1]);
		if (!tap_ok(bytes[1] <= VH_TOML_BYTES_PER_BYTE * len[1], "%s: at most %d bytes of memory a byte",
			    what[w], VH_TOML_BYTES_PER_BYTE))
			printf("#   %zu bytes held for %zu of text\n", bytes[1], len[1]);
	}
	vh_buf_free(&text);
	vh_buf_free(&err);
}

int main(void)
{
	ok_doc("[project]\nname = \"demo\"\n", "project.name", "s:demo", "a table and a basic string");
	ok_doc("[tool.poetry]\nname = 'lit\\eral'\n", "tool.poetry.name", "s:lit\\eral", "literal strings keep backslashes");
	ok_doc("tool.poetry.name = \"dotted\"", "tool.poetry.name", "s:dotted", "dotted keys at the top, no final newline");
	ok_doc("[ tool . \"poetry\" ]\n'name' = \"q\"  # c\n", "tool.poetry.name", "s:q", "quoted keys and spaces in a header");
	ok_doc("[virtualenvs]\nin-project = false\n", "virtualenvs.in-project", "b:0", "a boolean");
	ok_doc("virtualenvs = { in-project = true, path = \"/x\" }\n", "virtualenvs.path", "s:/x", "an inline table's keys are addressable");
	ok_doc("[project]\nname = \"\\u00e9t\\U0001F600\\t\\\"\"\n", "project.name", "s:\xc3\xa9t\xf0\x9f\x98\x80\t\"", "escapes");
	ok_doc("[project]\nname = \"\"\"\nmulti\\\n   line\"\"\"\n", "project.name", "s:multiline", "a multi-line string trims its first newline and line-ending backslashes");
	ok_doc("a = '''x''''\n", "a", "s:x'", "a multi-line literal string ending in a quote");
	ok_doc("[project]\ndescription = \"\"\"\n[tool.poetry]\nname = \"evil\"\n\"\"\"\nname = \"good\"\n",
	       "project.name", "s:good", "a header inside a multi-line string is text");
	ok_doc("[project]\ndeps = [\n  \"a\", # c\n  [1, 2], {x = \"y\"},\n]\nname = \"n\"\n", "project.name", "s:n", "arrays over several lines are skipped");
	ok_doc("[project]\ndeps = [\"name = 'no'\"]\n", "project.name", NULL, "a key inside an array's string is not one");
	ok_doc("[[tool.poetry.source]]\nname = \"pypi\"\n[tool.poetry]\nname = \"real\"\n", "tool.poetry.name", "s:real", "an array of tables does not define its keys");
	ok_doc("[[tool.poetry]]\nname = \"x\"\n", "tool.poetry.name", NULL, "keys under [[...]] are not addressable");
	ok_doc("d = 1979-05-27 07:32:00Z\nn = -1_000.5e3\nt = true\n", "t", "b:1", "dates and numbers are read past");
	ok_doc("d = 1979-05-27 07:32:00Z\n", "d", "o", "a date is some other value");
	ok_doc("\xef\xbb\xbf[project]\r\nname = \"crlf\"\r\n", "project.name", "s:crlf", "a byte order mark and CRLF lines");
	ok_doc("[project]\nname = \"a\"\n[project]\nname = \"b\"\n", "project.name", "dup", "a key given twice is reported");
	ok_doc("[project]\nname = 1\n", "project.name", "o", "a name that is no string is another kind");
	ok_doc("m = [\"a\", 'b/*', \"\"\"c\"\"\",\n  '''d''' ,]\n", "m", "a:a|b/*|c|d", "an array of strings keeps them in order");
	ok_doc("m = []\n", "m", "a:", "an empty array is an array of no strings");
	ok_doc("m = [\"a\", 1]\nn = \"z\"\n", "m", "o", "a string then a number is another kind");
	ok_doc("m = [\"a\", 1]\nn = \"z\"\n", "n", "s:z", "  and the string after it is whole");
	ok_doc("m = [1, \"a\"]\n", "m", "o", "a number then a string is another kind");
	ok_doc("m = [\"a\", [\"b\"]]\n", "m", "o", "an array in the array is another kind");
	ok_doc("[[w]]\nm = [\"a\"]\n", "w.m", NULL, "an array of strings under [[...]] is not kept");
	ok_doc("[tool.uv]\n", "tool.uv", "t", "a header opens a table");
	has_doc("[tool.uv]\n", "tool.uv", 1, "an empty [tool.uv]");
	has_doc("[tool.uv.workspace]\n", "tool.uv", 1, "a header below it");
	has_doc("tool.uv.managed = false\n", "tool.uv", 1, "a dotted key below it");
	has_doc("[tool]\nuv = {}\n", "tool.uv", 1, "an inline table at it");
	has_doc("[tool]\nuvx = 1\n", "tool.uv", 0, "a key that only starts like it");
	has_doc("[[tool.uv]]\nx = 1\n", "tool.uv", 0, "an array of tables");
	has_doc("[[tool.uv.index]]\nurl = \"u\"\n", "tool.uv", 1, "an array of tables below it");
	has_doc("[project]\nname = \"uv\"\n", "tool.uv", 0, "no such table");

	bad_doc("[project]\nname = \"unterminated\n", 0, "line 2: a string that does not end on its line", "an unterminated string");
	bad_doc("name = \"a\" junk\n", 0, "line 1: unexpected text after a value or header", "text after a value");
	bad_doc("[project\nname = 1\n", 0, "line 1: ']' was expected to end a table header", "an open header");
	bad_doc("name = \"\\x41\"\n", 0, "line 1: an unknown escape in a string", "an escape TOML 1.0 lacks");
	bad_doc("name = \"\\ud800\"\n", 0, NULL, "a surrogate escape");
	bad_doc("name = \"a\\u0000b\"\n", 0, "line 1: a string holding a NUL", "a NUL escape");
	bad_doc("name = \"caf\xff\"\n", 0, "line 1: invalid UTF-8", "invalid UTF-8 in a string");
	bad_doc("# \xc3\n", 0, "line 1: invalid UTF-8", "invalid UTF-8 in a comment");
	bad_doc("a = 1\x00\n", 6, NULL, "a NUL byte");
	bad_doc("a = \"x\"\rb = 1\n", 0, NULL, "a lone CR");
	bad_doc("a = { b = 1,\n c = 2 }\n", 0, NULL, "an inline table across lines");
	bad_doc("a = [1 2]\n", 0, "line 1: an array needs ',' or ']' here", "an array without commas");
	bad_doc("a = bare\n", 0, "line 1: a value was expected", "a bare word as a value");
	bad_doc("é = 1\n", 0, NULL, "a non-ASCII bare key");
	ok_doc("a = \"\"\"\"\"\"\"\n", "a", "s:\"", "a multi-line string of one quote");
	bad_doc("a = \"\"\"\"\"\"\"\"\"\n", 0, NULL, "too many closing quotes");
	{
		char deep[200];

		memset(deep, '[', 100);
		memcpy(deep, "a = ", 4);
		deep[100] = '\0';
		bad_doc(deep, 0, "line 1: values nested too deeply", "deep nesting is refused, not recursed into");
	}
	linear();
	return tap_done();
}
