/* What venvhook takes from an env's pyvenv.cfg. */
#ifndef VH_PYVENV_H
#define VH_PYVENV_H

#include <stddef.h>

struct vh_pyvenv {
	char *prompt;  /* as written, quotes still on; NULL when absent */
	char *version; /* "version_info" or "version" */
	char *home;
	int bad_lines; /* lines dropped: a NUL byte in a key we use */
};

/* Reads path. Returns 0, or vh_read_file's code (errno set) when the file
 * cannot be read or is larger than venvhook will read, or VH_ENOMEM. Unknown keys and lines without '='
 * are ignored, as CPython's site.py ignores them. */
int vh_pyvenv_read(struct vh_pyvenv *out, const char *path);
/* The same for text already in memory (len bytes, NULs allowed). */
int vh_pyvenv_parse(struct vh_pyvenv *out, const char *text, size_t len);
void vh_pyvenv_free(struct vh_pyvenv *cfg);

/* The prompt with a surrounding pair of quotes removed and Python string
 * escapes undone (CPython writes repr(prompt)). NULL if the result would be
 * empty or hold a NUL. Caller frees. */
char *vh_pyvenv_prompt_text(const char *raw);

#endif
