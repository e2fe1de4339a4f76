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
 * tool itself would refuse the file.
 *
 * The files are a project's (a clone delivers them, and every cd reads
 * them), so the work and the memory are linear in the text whatever it
 * holds: each key component is looked up once, from its parent, in a
 * crit-bit tree (time linear in the component's length, no hashing an
 * input could defeat), and a key path is one node of a tree, never copied
 * per value. A parse takes at most VH_TOML_BYTES_PER_BYTE bytes of memory
 * per byte of text (tests/unit/test_toml.c checks both bounds). */
#ifndef VH_TOML_H
#define VH_TOML_H

#include <stddef.h>

#include "core/util/buf.h"

/* The memory a parse may take per byte of its text, at most: a path
 * component of two bytes ("a.") costs a node, a crit-bit node and its
 * name, and the arrays grow by doubling. */
#define VH_TOML_BYTES_PER_BYTE 64
/* The largest text vh_toml_parse reads; callers cap files far lower. */
#define VH_TOML_MAX_TEXT (64u << 20)

enum vh_toml_type {
	VH_TOML_STRING,
	VH_TOML_BOOL,
	VH_TOML_STRINGS, /* an array whose elements are all strings (or none) */
	VH_TOML_TABLE,   /* a [table] header: the table exists, maybe empty */
	VH_TOML_OTHER
};

struct vh_toml_entry {
	size_t node;	/* its key path (vh_toml_key) */
	size_t depth;	/* components in its key path */
	enum vh_toml_type type;
	const char *str; /* VH_TOML_STRING: the value, escapes undone (no NUL) */
	int boolean;	/* VH_TOML_BOOL */
	const char *const *strs; /* VH_TOML_STRINGS: nstrs values */
	size_t nstrs;
	size_t at;	/* toml.c's: where str (or the first of strs) lies in the text */
};

struct vh_toml_tree; /* the key paths (toml.c) */

/* The key/value pairs of a document, in file order. Pairs inside an array
 * of tables ([[x]]) or an array are not addressable by a path and are not
 * kept. */
struct vh_toml {
	struct vh_toml_entry *v;
	size_t n, cap;
	struct vh_toml_tree *tree;
	const char **strv; /* every array's strings, one after another */
	/* Steps the key paths took (tree lookups and the bytes they
	 * compared): linear in the text, as tests/unit/test_toml.c checks. */
	size_t work;
	size_t bytes; /* the memory it holds */
};

/* Parses len bytes of text into doc. Returns 0; VH_ESYNTAX when the text is
 * not TOML this reader reads exactly, with "line N: why" appended to err;
 * VH_ENOMEM. Free doc with vh_toml_free in every case. */
int vh_toml_parse(struct vh_toml *doc, struct vh_buf *err, const char *text, size_t len);

/* Reads the regular file path (at most max bytes) and parses it. Returns 0;
 * VH_EREFUSED with the reason in err (cannot be read, too big, not TOML);
 * VH_ENOTFOUND when the file does not exist; VH_ENOMEM. */
int vh_toml_read(struct vh_toml *doc, struct vh_buf *err, const char *path, size_t max);

/* The entry at the path given as NULL-terminated components, or NULL.
 * *dup is set to 1 when the path is defined more than once (the document
 * is then invalid TOML: treat it as unreadable). */
const struct vh_toml_entry *vh_toml_get(const struct vh_toml *doc, const char *const *path,
					int *dup);

/* 1 when the table at path exists: a [path] header, a key below it, or
 * an (inline) value at path itself; else 0. */
int vh_toml_has_table(const struct vh_toml *doc, const char *const *path);

/* The components of e's key path into parts[0 .. e->depth - 1]. */
void vh_toml_key(const struct vh_toml *doc, const struct vh_toml_entry *e, const char **parts);

void vh_toml_free(struct vh_toml *doc);

#endif
