#include "core/cmd/args.h"

#include <string.h>

#include "core/cmd/cmd.h"
#include "core/util/msg.h"
#include "core/util/suggest.h"
#include "shells/shell.h"

/* The index of flag among c's options, or VH_ENOTFOUND. */
static int option_index(const struct vh_cmd *c, const char *flag)
{
	int i;

	for (i = 0; c->options && c->options[i].flag && i < VH_CMD_MAX_OPTIONS; i++)
		if (!strcmp(c->options[i].flag, flag))
			return i;
	return VH_ENOTFOUND;
}

/* "venvhook: activate: <what> '<word>'<tail>", then the usage line. */
static int wrong(const struct vh_cmd *c, const char *what, const char *word, const char *like)
{
	struct vh_buf b = VH_BUF_INIT;

	vh_msg_escape(&b, word);
	if (like)
		vh_msgf("%s: %s '%s' (did you mean '%s'?)", c->name, what, vh_buf_str(&b), like);
	else
		vh_msgf("%s: %s '%s'", c->name, what, vh_buf_str(&b));
	vh_buf_free(&b);
	return vh_cmd_usage(c);
}

static int unknown(const struct vh_cmd *c, const char *word)
{
	const char *flags[VH_CMD_MAX_OPTIONS];
	size_t n = 0;

	while (c->options && c->options[n].flag && n < VH_CMD_MAX_OPTIONS) {
		flags[n] = c->options[n].flag;
		n++;
	}
	return wrong(c, "no such option", word, vh_suggest(word, flags, n));
}

int vh_cmd_parse(struct vh_cmd_args *out, const struct vh_cmd *c, int argc, char **argv)
{
	int i, k, npos = 0, ended = c->raw_args;
	char *w;

	memset(out, 0, sizeof(*out));
	out->argv = argv;
	out->argc = argc;
	out->pos = argv + 1;
	for (i = 1; i < argc; i++) {
		w = argv[i];
		if (!ended && !strcmp(w, "--")) {
			ended = 1;
			if (c->options_first)
				out->pos = argv + i + 1;
			continue;
		}
		if (ended || w[0] != '-' || !w[1]) {
			/* the first operand ends the options of a command that
			 * runs another (exec: the rest is that program's) */
			if (c->options_first) {
				if (!ended)
					out->pos = argv + i;
				npos++;
				ended = 1;
				continue;
			}
			argv[1 + npos++] = w;
			continue;
		}
		k = option_index(c, w);
		/* a login shell's name (its $0, a dash before it) names a shell */
		if (k < 0 && c->arg == VH_CMD_ARG_SHELL && vh_shell_lookup(w)) {
			argv[1 + npos++] = w;
			continue;
		}
		if (k < 0)
			return unknown(c, w);
		if (out->opt[k])
			return wrong(c, "given twice:", w, NULL);
		if (c->options[k].value) {
			if (i + 1 >= argc)
				return wrong(c, "a value is missing after", w, NULL);
			out->opt[k] = argv[++i];
		} else {
			out->opt[k] = c->options[k].flag;
		}
	}
	out->npos = npos;
	if (npos < c->min_args || (c->max_args >= 0 && npos > c->max_args))
		return npos < c->min_args ? vh_cmd_usage(c) :
		       wrong(c, "one argument too many:", out->pos[c->max_args], NULL);
	return 0;
}

const char *vh_cmd_opt(const struct vh_cmd_args *a, const struct vh_cmd *c, const char *flag)
{
	int k = option_index(c, flag);

	return k < 0 ? NULL : a->opt[k];
}

int vh_cmd_synopsis(struct vh_buf *out, const struct vh_cmd *c)
{
	const struct vh_cmd_option *o;

	if (vh_buf_puts(out, c->name) < 0)
		return VH_ENOMEM;
	for (o = c->options; o && o->flag; o++)
		if (vh_buf_printf(out, " [%s%s%s]", o->flag, o->value ? " " : "",
				  o->value ? o->value : "") < 0)
			return VH_ENOMEM;
	if (c->operands && *c->operands && vh_buf_printf(out, " %s", c->operands) < 0)
		return VH_ENOMEM;
	return 0;
}
