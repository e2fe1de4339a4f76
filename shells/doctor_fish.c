/* fish's doctor checks beyond the wires (shell.h): the init line of
 * config.fish (the fact rcfile, $__fish_config_dir/config.fish) without
 * the README's `status is-interactive; and` guard. fish reads config.fish
 * in every fish it starts, also the non-interactive `fish -c` that prompt
 * themes such as tide run at each prompt: there the line starts one
 * venvhook process each time, for nothing (its output does nothing where
 * no prompt is drawn). Said only where the line is plainly unguarded: at
 * the top level of the file, with no is-interactive test on it or on any
 * top-level line before it (a guard this cannot read is never blamed). */
#include <fcntl.h>
#include <string.h>

#include "core/cmd/doctor.h"
#include "core/util/buf.h"
#include "core/util/fileio.h"
#include "shells/shell.h"

/* 1 when the line (n bytes, blanks trimmed in front) starts with word
 * followed by a blank, ';' or its end. */
static int starts_with(const char *line, size_t n, const char *word)
{
	size_t k = strlen(word);

	return n >= k && !strncmp(line, word, k) &&
	       (n == k || line[k] == ' ' || line[k] == '\t' || line[k] == ';');
}

/* 1 when the line (n bytes) holds text. */
static int holds(const char *line, size_t n, const char *text)
{
	size_t k = strlen(text), i;

	for (i = 0; i + k <= n; i++)
		if (!strncmp(line + i, text, k))
			return 1;
	return 0;
}

/* The number (from 1) of the first unguarded init line of text, or 0. */
static long unguarded_line(const char *text)
{
	static const char *const opens[] = { "if", "while", "for", "function", "begin", "switch" };
	const char *p = text, *e;
	long no = 0;
	int depth = 0, guarded = 0;
	size_t n, i;

	for (; *p && !guarded; p = *e ? e + 1 : e) {
		no++;
		e = strchr(p, '\n');
		if (!e)
			e = p + strlen(p);
		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		n = (size_t)(e - p);
		if (!n || *p == '#')
			continue;
		if (!depth && holds(p, n, "is-interactive"))
			guarded = 1;
		else if (!depth && holds(p, n, " init fish") && holds(p, n, "source"))
			return no;
		if (starts_with(p, n, "end"))
			depth -= depth > 0;
		for (i = 0; i < sizeof(opens) / sizeof(opens[0]); i++)
			if (starts_with(p, n, opens[i]) && !holds(p, n, "; end"))
				depth++;
	}
	return 0;
}

void vh_doctor_fish(struct vh_doctor *d);

void vh_doctor_fish(struct vh_doctor *d)
{
	const char *rc = vh_doctor_fact(d, "rcfile");
	struct vh_buf text = VH_BUF_INIT, after = VH_BUF_INIT;
	long no;

	if (!rc || rc[0] != '/' || vh_read_file(&text, AT_FDCWD, rc, VH_READ_MAX) != 0)
		goto done;
	if ((no = unguarded_line(vh_buf_str(&text))) > 0) {
		vh_buf_printf(&after, " (line %ld) runs in every fish, also in the non-interactive"
			      " ones that prompt themes such as tide start at each prompt, one venvhook"
			      " process each time: guard it as the README's line does, 'status"
			      " is-interactive; and venvhook init fish | source'", no);
		vh_doctor_say(d, 1, "the init line in ", rc, vh_buf_str(&after));
	}
done:
	vh_buf_free(&text);
	vh_buf_free(&after);
}
