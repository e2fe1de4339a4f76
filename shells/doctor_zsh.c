/* zsh's doctor checks beyond the wires (shell.h): cd, pushd and popd as
 * aliases or functions. zsh runs venvhook's hook from chpwd_functions on
 * every directory change, whatever made it, so an alias or a wrapper of
 * cd is harmless (named as fine), unless it changes directory with -q,
 * which runs no chpwd hook: then the env switches only at the next
 * prompt, not for the rest of the command line (`cd proj && pip ...`). */
#include <string.h>

#include "core/cmd/doctor.h"
#include "core/util/buf.h"
#include "core/util/msg.h"
#include "shells/shell.h"

static const char *const names[] = { "cd", "pushd", "popd" };

/* The length of the word at s (up to a blank, a quote or one of ;&|(){}),
 * and in *skip the separators before it. */
static size_t word_at(const char *s, size_t *skip)
{
	static const char sep[] = " \t\n;&|(){}\"'";

	*skip = strspn(s, sep);
	return strcspn(s + *skip, sep);
}

/* 1 when w (n bytes) is an option word of zsh's cd that holds q (-q,
 * -qP...). */
static int quiet_option(const char *w, size_t n)
{
	size_t i;
	int q = 0;

	if (n < 2 || w[0] != '-')
		return 0;
	for (i = 1; i < n; i++) {
		if (!strchr("qsLP", w[i]))
			return 0;
		q |= w[i] == 'q';
	}
	return q;
}

/* 1 when text runs cd, pushd or popd with -q among the options that
 * follow it. */
static int changes_quietly(const char *text)
{
	const char *s = text;
	size_t skip, n, i;
	int after = 0;

	while (*s) {
		n = word_at(s, &skip);
		s += skip;
		if (!n)
			break;
		if (after && s[0] == '-' && !(n == 2 && s[1] == '-')) {
			if (quiet_option(s, n))
				return 1;
		} else {
			after = 0;
			for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
				after |= strlen(names[i]) == n && !strncmp(s, names[i], n);
		}
		s += n;
	}
	return 0;
}

/* One finding for name defined as kind (an alias: its text, escaped). */
static void judge(struct vh_doctor *d, const char *name, int alias, const char *text)
{
	struct vh_buf b = VH_BUF_INIT;
	int quiet = changes_quietly(text);

	vh_buf_printf(&b, "%s is %s", name, alias ? "an alias (" : "a function");
	if (alias) {
		vh_msg_escape(&b, text);
		vh_buf_putc(&b, ')');
	}
	if (quiet)
		vh_buf_puts(&b, " that changes directory with -q, which runs no chpwd hook: the env "
			    "switches at the next prompt, not for the rest of the command line; "
			    "drop the -q");
	else
		vh_buf_puts(&b, ": harmless, zsh runs venvhook's hook on every directory change "
			    "(chpwd), so it switches the env for the rest of the command line");
	vh_doctor_say(d, quiet, vh_buf_str(&b), NULL, NULL);
	vh_buf_free(&b);
}

void vh_doctor_zsh(struct vh_doctor *d);

void vh_doctor_zsh(struct vh_doctor *d)
{
	struct vh_buf key = VH_BUF_INIT;
	const char *v;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		vh_buf_reset(&key);
		vh_buf_printf(&key, "alias_%s", names[i]);
		if ((v = vh_doctor_fact(d, vh_buf_str(&key))))
			judge(d, names[i], 1, v);
		vh_buf_reset(&key);
		vh_buf_printf(&key, "func_%s", names[i]);
		if ((v = vh_doctor_fact(d, vh_buf_str(&key))))
			judge(d, names[i], 0, v);
	}
	vh_buf_free(&key);
}
