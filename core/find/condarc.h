/* conda's config files (.condarc) and the envs directories they add:
 * their `envs_dirs:` (or its older name `envs_path:`), read as conda reads
 * them, from the files conda reads, in conda's order. Only places to look
 * for a named env come from here: an env found there is judged as any. */
#ifndef VH_CONDARC_H
#define VH_CONDARC_H

#include <stddef.h>

#include "core/util/buf.h"

/* The most bytes and list entries venvhook reads of one .condarc (a real
 * one is a few hundred bytes and lists a few directories). */
#define VH_CONDARC_MAX (64 * 1024)
#define VH_CONDARC_MAX_DIRS 64
/* The most YAML files venvhook reads of one condarc.d directory. */
#define VH_CONDARC_MAX_LISTED 16
/* The most entries (of any name) venvhook reads of one such directory. */
#define VH_CONDARC_MAX_ENTRIES 1024

/* Appends to dirs, each followed by a NUL, the entries of the YAML text's
 * top-level `envs_dirs:` (or `envs_path:`) list as written (unquoted, not
 * expanded); *final = 1 when the key is marked `#!final` (conda's flag: the
 * files after it, and the environment, are not read for it). Not a YAML
 * parser: the key in column 0, its list either in block form (`- item`
 * lines, one indentation, plain or simply quoted items) or in flow form on
 * the key's line (`[a, 'b']`). Anything else venvhook cannot read for sure
 * (an anchor, an alias, a tag, a mapping or a list as an item, a scalar
 * where a list belongs, an escape in quotes, a control character, a tab in
 * an indentation, both keys or one twice, a multi-line value, more than
 * VH_CONDARC_MAX_DIRS entries; another key's value that opens a quote, a
 * '[' or a '{' it does not close on its line; a document that starts on
 * its `---` line) refuses the file's list whole. Linear in
 * len. Returns 0, VH_EREFUSED (why says why, a phrase; dirs as it was) or
 * VH_ENOMEM. */
int vh_condarc_parse(struct vh_buf *dirs, int *final, struct vh_buf *why, const char *text, size_t len);

/* 1 when a line of the text starts with the key envs_dirs or envs_path
 * (whether or not it reads for sure), else 0. Linear in len. */
int vh_condarc_sets(const char *text, size_t len);

/* Appends to dirs, each followed by a NUL, the absolute envs directories
 * conda's config files add, in conda's order (the files' lists merged as
 * conda's SequenceParameter.merge merges them: the later file's first),
 * conda's places each read as conda reads them (.condarc, condarc, then
 * condarc.d's *.yml and *.yaml files by name), `~` and `$NAME`/`${NAME}`
 * expanded (an entry left relative, holding a `$` after that, or naming
 * PWD, OLDPWD, CONDA_PREFIX, VIRTUAL_ENV or venvhook's own __VENVHOOK_* or
 * __venvhook_* variables is skipped with a line), duplicates dropped. root is
 * conda's root (NULL: unknown); *final = 1 when a file's `#!final` means
 * the environment's CONDA_ENVS_DIRS/CONDA_ENVS_PATH do not count. A file
 * is read only when no one but the user and root can change it or any
 * directory on its path (vh_path_steady, core/util/writers.h), it is a
 * regular file of at most VH_CONDARC_MAX bytes, and its list reads for
 * sure; otherwise a line in warnings says why it was not read (for a
 * file others can change, only when it sets the key: it is read, the safe
 * way, for nothing else). Returns 0 or VH_ENOMEM. */
int vh_condarc_envs_dirs(struct vh_buf *dirs, int *final, struct vh_buf *warnings, const char *root);

#endif
