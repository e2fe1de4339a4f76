/*
 * libFuzzer harness: the made-here rule's reading of command lines
 * (core/trust/madeby.c). Any violated invariant aborts, which libFuzzer
 * records as a crash with the input that caused it.
 *
 * The first byte picks the dialect, whether only the last line counts and
 * whether the env is a venv or pixi's;
 * the rest is the lines, as the hook hands them over. Invariants, from
 * madeby.h's contract:
 *  - vh_madeby_judge returns 0 (never an error but out of memory), with a
 *    verdict of the three and a NUL-terminated `by`;
 *  - the same input judges the same way twice;
 *  - a line that brings files stays brought whatever is appended after
 *    it on its own line (a later line cannot make a bringer harmless);
 *  - vh_lines_read of the input as the variable's value (NUL-cut) returns
 *    0 and a state of the list, its pointers inside its own copy.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/trust/madeby.h"

#define CHECK(cond, ...)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "fuzz_madeby: %s:%d: invariant '%s' broken: ", \
				__FILE__, __LINE__, #cond);                     \
			fprintf(stderr, __VA_ARGS__);                          \
			fputc('\n', stderr);                                   \
			abort();                                               \
		}                                                              \
	} while (0)

static const struct vh_dialect_program programs[] = {
	{ "sh", VH_DIALECT_POSIX }, { "fish", VH_DIALECT_FISH }, { "tcsh", VH_DIALECT_CSH },
	{ "nu", VH_DIALECT_OTHER },
	{ NULL, VH_DIALECT_POSIX },
};

static void judge(struct vh_madeby *out, const char *text, size_t len, unsigned char how)
{
	struct vh_madeby_ask ask;

	memset(&ask, 0, sizeof(ask));
	ask.lines = text;
	ask.len = len;
	ask.from = how & 4 ? "/p/a" : NULL;
	ask.base = "/p";
	ask.home = "/h";
	/* bit 32: pixi's default env, whose reading walks the file system up
	 * from /p/a (realpath, lstat: reads only, bounded by the path) */
	ask.env = how & 32 ? "/p/.pixi/envs/default" : "/p/.venv";
	ask.real = how & 8 ? "/r/.venv" : NULL;
	ask.last_only = how & 16 ? 1 : 0;
	ask.dialect = (enum vh_dialect)(how % 4);
	ask.programs = programs;
	CHECK(vh_madeby_judge(out, &ask) == 0, "judge failed");
	CHECK(out->verdict <= VH_MADEBY_BROUGHT, "verdict %d", out->verdict);
	CHECK(memchr(out->by, '\0', sizeof(out->by)) != NULL, "by not terminated");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vh_madeby a, b;
	struct vh_lines l;
	unsigned char how;
	char *text, *value;
	size_t len;

	if (!size)
		return 0;
	how = data[0];
	len = size - 1;
	text = malloc(len + 32);
	value = malloc(len + 1);
	if (!text || !value)
		abort();
	memcpy(text, data + 1, len);
	judge(&a, text, len, how);
	judge(&b, text, len, how);
	CHECK(a.verdict == b.verdict && !strcmp(a.by, b.by), "not the same twice");
	if (a.verdict == VH_MADEBY_BROUGHT && !(how & 16)) {
		memcpy(text + len, "\037python3 -m venv .venv", 22);
		judge(&b, text, len + 22, how);
		CHECK(b.verdict == VH_MADEBY_BROUGHT, "a later line undid a bringer");
	}
	memcpy(value, data + 1, len);
	value[len] = '\0';
	CHECK(vh_lines_read(&l, value) == 0, "lines_read failed");
	CHECK(l.state <= VH_LINES_ASK, "state %d", l.state);
	if (l.lines)
		CHECK(l.lines >= l.copy && l.lines + l.len <= l.copy + strlen(value) + 1,
		      "lines outside the copy");
	vh_lines_free(&l);
	free(text);
	free(value);
	return 0;
}
