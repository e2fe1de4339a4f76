#include <stdlib.h>

#include "core/find/pyvenv.h"
#include "tap.h"

static struct vh_pyvenv parse(const char *text, size_t len)
{
	struct vh_pyvenv pv;

	if (vh_pyvenv_parse(&pv, text, len) < 0)
		tap_ok(0, "parse failed");
	return pv;
}
#define PARSE(lit) parse(lit, sizeof(lit) - 1)

static void prompt_case(const char *raw, const char *want)
{
	char *got = vh_pyvenv_prompt_text(raw);

	tap_str(got, want, raw);
	free(got);
}

int main(void)
{
	struct vh_pyvenv pv;
	char big[4096];
	size_t n;

	pv = PARSE("home = /usr/bin\ninclude-system-site-packages = false\n"
		   "version = 3.11.2\nprompt = 'my proj'\n");
	tap_str(pv.home, "/usr/bin", "CPython's file: home");
	tap_str(pv.version, "3.11.2", "CPython's file: version");
	tap_str(pv.prompt, "'my proj'", "CPython's file: prompt kept raw");
	vh_pyvenv_free(&pv);

	/* Debian's inih cuts lines at 200 bytes; a long command line must not
	 * leak its tail as a key, nor hide the keys after it. */
	n = (size_t)snprintf(big, sizeof(big), "command = /usr/bin/python3 -m venv ");
	while (n < 600)
		n += (size_t)snprintf(big + n, sizeof(big) - n, "--x prompt = evil ");
	n += (size_t)snprintf(big + n, sizeof(big) - n, "\nprompt = good\nhome = /h\n");
	pv = parse(big, n);
	tap_str(pv.prompt, "good", "a 600-byte line neither leaks a key nor hides the next");
	tap_str(pv.home, "/h", "  and keys after it are read");
	vh_pyvenv_free(&pv);

	/* Found by fuzz/fuzz_pyvenv: an '=' past inih's cut still separates. */
	n = (size_t)snprintf(big, sizeof(big), "prompt%*s= far\n", 250, "");
	pv = parse(big, n);
	tap_str(pv.prompt, "far", "a key padded past 200 bytes before its '=' is read");
	vh_pyvenv_free(&pv);

	/* A value longer than inih's buffer is read whole. */
	n = (size_t)snprintf(big, sizeof(big), "home = /");
	while (n < 500)
		big[n++] = 'a';
	big[n] = '\0';
	pv = parse(big, n);
	tap_ok(pv.home && strlen(pv.home) == 493, "a 500-byte value is kept whole (%zu)",
	       pv.home ? strlen(pv.home) : 0);
	vh_pyvenv_free(&pv);

	pv = PARSE("prompt = a ; b # c\n");
	tap_str(pv.prompt, "a ; b # c", "' ;' is not a comment in pyvenv.cfg");
	vh_pyvenv_free(&pv);

	pv = PARSE("prompt = first\n   home = /indented\n");
	tap_str(pv.prompt, "first", "an indented line is not a continuation");
	tap_str(pv.home, "/indented", "  it is a key of its own, as site.py reads it");
	vh_pyvenv_free(&pv);

	pv = PARSE("Prompt=x=y\r\nVERSION_INFO = 3.12.1.final.0\r\nversion = 3.12.1\r\n");
	tap_str(pv.prompt, "x=y", "keys are case-blind, split on the first '=', CRLF stripped");
	tap_str(pv.version, "3.12.1.final.0", "version_info wins over version");
	vh_pyvenv_free(&pv);

	pv = PARSE("prompt: colon\n[section]\n; prompt = commented\n");
	tap_ok(pv.prompt == NULL, "':' does not separate and comments hold no key");
	vh_pyvenv_free(&pv);

	pv = PARSE("prompt = a\0b\nhome = /h\n");
	tap_ok(pv.prompt == NULL && pv.bad_lines == 1, "a NUL byte drops that line only");
	tap_str(pv.home, "/h", "  the next line is still read");
	vh_pyvenv_free(&pv);

	pv = PARSE("\xef\xbb\xbfprompt = bom\n");
	tap_ok(pv.prompt != NULL, "a UTF-8 BOM before the first key is tolerated");
	vh_pyvenv_free(&pv);

	pv = PARSE("\x01\x02\xff\xfe garbage \x80\n\n====\n");
	tap_ok(!pv.prompt && !pv.home && !pv.version, "binary garbage yields no keys");
	vh_pyvenv_free(&pv);

	pv = PARSE("");
	tap_ok(!pv.prompt && !pv.home, "an empty file yields no keys");
	vh_pyvenv_free(&pv);

	tap_ok(vh_pyvenv_read(&pv, "/nonexistent/pyvenv.cfg") < 0, "a missing file is an error");

	prompt_case("'my proj'", "my proj");
	prompt_case("\"dq\"", "dq");
	prompt_case("plain", "plain");
	prompt_case("'it\\'s'", "it's");
	prompt_case("'back\\\\slash'", "back\\slash");
	prompt_case("'caf\\xe9'", "caf\xc3\xa9");
	prompt_case("'\\u263a'", "\xe2\x98\xba");
	prompt_case("'tab\\there'", "tab\there");
	prompt_case("'bad\\x4'", "bad\\x4");
	prompt_case("'mismatch\"", "'mismatch\"");
	tap_ok(vh_pyvenv_prompt_text("''") == NULL, "an empty prompt is no prompt");
	tap_ok(vh_pyvenv_prompt_text("'\\x00'") == NULL, "a prompt that decodes to NUL is refused");
	return tap_done();
}
