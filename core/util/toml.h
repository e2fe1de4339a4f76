/* A strict reader of TOML (1.0) for the few settings venvhook looks up in
 * the tools' files: pyproject.toml's project name and its uv, hatch and
 * pdm tables, Poetry's config.toml, poetry.toml and envs.toml, the
 * Pipfile's [pipenv] table, hatch's and pdm's config files.
 *
 * It reads the whole grammar, so that nothing in a value it does not need
 * (an array, an inline table, a multi-line string holding "[project]") can
 * be mistaken for a key, but it keeps only strings, booleans, arrays of
 * strings and which tables a header opens: the values of every other kind
 * are recorded as VH_TOML_OTHER. Anything it cannot
 * read exactly (bad syntax, invalid UTF-8, a string holding a NUL, a key
 * defined twice) is an error: the caller then activates nothing, as the
 * tool itself would refuse the file. */
#ifndef VH_TOML_H
#define VH_TOML_H

#include <stddef.h>

#include "core/util/buf.h"

enum vh_toml_type {
	VH_TOML_STRING,
	VH_TOML_BOOL,
	VH_TOML_STRINGS, /* an array whose elements are all strings (or none) */
	VH_TOML_TABLE,   /* a [table] header: the table exists, maybe empty */
	VH_TOML_OTHER
};

struct vh_toml_entry {
	char **key;	/* the full path, one component each (unquoted) */
	size_t depth;	/* components in key */
	enum vh_toml_type type;
	char *str;	/* VH_TOML_STRING: the value, escapes undone (no NUL) */
	int boolean;	/* VH_TOML_BOOL */
	char **strs;	/* VH_TOML_STRINGS: nstrs values */
	size_t nstrs;
};

/* The key/value pairs of a document, in file order. Pairs inside an array
 * of tables ([[x]]) or an array are not addressable by a path and are not
 * kept. */
struct vh_toml {
	struct vh_toml_entry *v;
	size_t n, cap;
};

/* Parses len bytes of text into doc. Returns 0; 1 when the text is not TOML
 * this reader reads exactly, with "line N: why" appended to err; -1 out of
 * memory. Free doc with vh_toml_free in every case. */
int vh_toml_parse(struct vh_toml *doc, struct vh_buf *err, const char *text, size_t len);

/* Reads the regular file path (at most max bytes) and parses it. Returns 0;
 * 1 with the reason in err (cannot be read, too big, not TOML); 2 when the
 * file does not exist; -1 out of memory. */
int vh_toml_read(struct vh_toml *doc, struct vh_buf *err, const char *path, size_t max);

/* The entry at the path given as NULL-terminated components, or NULL.
 * *dup is set to 1 when the path is defined more than once (the document
 * is then invalid TOML: treat it as unreadable). */
const struct vh_toml_entry *vh_toml_get(const struct vh_toml *doc, const char *const *path,
					int *dup);

/* 1 when the table at path exists: a [path] header, a key below it, or
 * an (inline) value at path itself; else 0. */
int vh_toml_has_table(const struct vh_toml *doc, const char *const *path);

void vh_toml_free(struct vh_toml *doc);

#endif
