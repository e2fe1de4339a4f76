/* The one parser of every command's words (core/cmd/args.c), on entries
 * made for the test: where options may stand, what "--" does, what a
 * command that runs another keeps, and the one line a wrong word gets. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/cmd/cmd.h"
#include "tap.h"

static const struct vh_cmd_option opts[] = {
	{ "--force", "f", NULL },
	{ "-C", "dir", "DIR" },
	{ NULL, NULL, NULL },
};

static const struct vh_cmd anywhere = {
	.name = "t", .operands = "A [B]", .options = opts, .min_args = 1, .max_args = 2,
};
static const struct vh_cmd first = {
	.name = "x", .operands = "[--] COMMAND [ARG...]", .options = opts, .min_args = 1,
	.max_args = -1, .options_first = 1,
};
static const struct vh_cmd raw = { .name = "r", .operands = "W...", .max_args = -1, .raw_args = 1 };

/* Parses the words (a NULL-ended list), stderr kept in err. */
static int parse(struct vh_cmd_args *a, char *err, size_t errsz, const struct vh_cmd *c, char **w)
{
	int argc = 0, rc, fd, saved;
	FILE *f = tmpfile();

	while (w[argc])
		argc++;
	fflush(stderr);
	saved = dup(2);
	fd = fileno(f);
	dup2(fd, 2);
	rc = vh_cmd_parse(a, c, argc, w);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(f);
	err[fread(err, 1, errsz - 1, f)] = '\0';
	fclose(f);
	return rc;
}

int main(void)
{
	struct vh_cmd_args a;
	struct vh_buf line = VH_BUF_INIT;
	char err[1024];
	char *w1[] = { "t", "one", "--force", "-C", "/d", "two", NULL };
	char *w2[] = { "t", "--", "--force", NULL };
	char *w3[] = { "t", "one", "--frce", NULL };
	char *w4[] = { "t", "--force", "one", "--force", NULL };
	char *w5[] = { "t", "one", "-C", NULL };
	char *w6[] = { "t", "a", "b", "c", NULL };
	char *w7[] = { "t", "--force", NULL };
	char *w8[] = { "x", "-C", "/d", "prog", "--force", "-C", NULL };
	char *w9[] = { "x", "--", "-prog", "x", NULL };
	char *w10[] = { "r", "--force", "--", "-x", NULL };
	char *w11[] = { "t", "-", NULL };

	tap_ok(parse(&a, err, sizeof(err), &anywhere, w1) == 0 && a.npos == 2 &&
		       !strcmp(a.pos[0], "one") && !strcmp(a.pos[1], "two"),
	       "options on either side of the operands, the operands in order");
	tap_str(vh_cmd_opt(&a, &anywhere, "--force"), "--force", "  a flag given: the flag");
	tap_str(vh_cmd_opt(&a, &anywhere, "-C"), "/d", "  an option's value");
	tap_ok(parse(&a, err, sizeof(err), &anywhere, w2) == 0 && a.npos == 1 &&
		       !strcmp(a.pos[0], "--force") && !vh_cmd_opt(&a, &anywhere, "--force"),
	       "-- ends the options: a word after it is an operand");
	tap_ok(parse(&a, err, sizeof(err), &anywhere, w3) == VH_EXIT_USAGE, "an unknown option: usage");
	tap_str(err, "venvhook: t: no such option '--frce' (did you mean '--force'?)\n"
		     "venvhook: usage: venvhook t [--force] [-C DIR] A [B]\n",
		"  one line naming it, a likely one, then the usage line");
	tap_ok(parse(&a, err, sizeof(err), &anywhere, w4) == VH_EXIT_USAGE &&
		       strstr(err, "given twice: '--force'"), "an option given twice: usage, named");
	tap_ok(parse(&a, err, sizeof(err), &anywhere, w5) == VH_EXIT_USAGE &&
		       strstr(err, "a value is missing after '-C'"), "an option's value missing: usage, named");
	tap_ok(parse(&a, err, sizeof(err), &anywhere, w6) == VH_EXIT_USAGE &&
		       strstr(err, "one argument too many: 'c'"), "too many operands: the first extra named");
	tap_ok(parse(&a, err, sizeof(err), &anywhere, w7) == VH_EXIT_USAGE &&
		       !strncmp(err, "venvhook: usage: ", 17), "too few operands: the usage line");
	tap_ok(parse(&a, err, sizeof(err), &anywhere, w11) == 0 && a.npos == 1 && !strcmp(a.pos[0], "-"),
	       "a lone '-' is an operand");
	tap_ok(parse(&a, err, sizeof(err), &first, w8) == 0 && a.npos == 3 &&
		       !strcmp(a.pos[0], "prog") && !strcmp(a.pos[1], "--force") && a.pos == w8 + 3 &&
		       !vh_cmd_opt(&a, &first, "--force") && !strcmp(vh_cmd_opt(&a, &first, "-C"), "/d"),
	       "options first: the first operand starts the program's words, kept in place");
	tap_ok(a.argv == w8 && a.argc == 6 && !strcmp(w8[1], "-C"), "  the words as given stay");
	tap_ok(parse(&a, err, sizeof(err), &first, w9) == 0 && a.npos == 2 && !strcmp(a.pos[0], "-prog"),
	       "options first: after --, a program whose name starts with '-'");
	tap_ok(parse(&a, err, sizeof(err), &raw, w10) == 0 && a.npos == 3 && !strcmp(a.pos[0], "--force") &&
		       !strcmp(a.pos[1], "--"), "raw words: every word an operand, -- too");
	tap_ok(vh_cmd_synopsis(&line, &first) == 0, "the usage line is made");
	tap_str(line.data, "x [--force] [-C DIR] [--] COMMAND [ARG...]", "  from the entry");
	vh_buf_free(&line);
	return tap_done();
}
