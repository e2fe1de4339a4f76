/* The user's allow/deny decisions for envs automatic activation would
 * refuse, kept in $XDG_DATA_HOME/venvhook/trust (default
 * ~/.local/share/venvhook/trust). One decision per line:
 *
 *     allow <path> <pyvenv.cfg>
 *     deny <path> <pyvenv.cfg>
 *
 * with the env's real path and the exact bytes of its pyvenv.cfg written in
 * lowercase hex, so any byte round-trips and no line can be forged by a
 * directory name. An allow holds only for the pyvenv.cfg it saw; a deny
 * holds for the path whatever the file says, and beats any allow. */
#ifndef VH_TRUST_H
#define VH_TRUST_H

#include <stddef.h>

#include "buf.h"

enum vh_verdict { VH_TRUST_NONE = 0, VH_TRUST_ALLOW, VH_TRUST_DENY };

struct vh_trust_entry {
	enum vh_verdict verdict;
	char *path;
	char *cfg;
	size_t cfg_len;
};

struct vh_trust {
	struct vh_trust_entry *v;
	size_t n, cap;
	size_t bad_lines; /* lines that are not a decision (skipped) */
	size_t first_bad; /* 1-based line number of the first of them */
};

/* The largest pyvenv.cfg a decision is recorded for. */
#define VH_TRUST_MAX_CFG (64 * 1024)

/* Parses text (len bytes, any content) into t. Returns 0 or -1 (out of
 * memory). Free t with vh_trust_free in both cases. */
int vh_trust_parse(struct vh_trust *t, const char *text, size_t len);
void vh_trust_free(struct vh_trust *t);

/* The decision for env (its real path) whose pyvenv.cfg holds cfg. */
enum vh_verdict vh_trust_lookup(const struct vh_trust *t, const char *env, const char *cfg,
				size_t cfg_len);

/* *out = the trust file's path. Returns 0, 1 when neither XDG_DATA_HOME nor
 * HOME is set, -1 out of memory. */
int vh_trust_file(char **out);

/* Loads the trust file (a missing one holds nothing). Returns 0, -1 out of
 * memory, or -2 when it exists and cannot be read (errno says why). */
int vh_trust_load(struct vh_trust *t, const char *file);

/* Records verdict for env, replacing the decisions held for that path.
 * Holds an flock on "<file>.lock" from read to rename so that two shells
 * deciding at once lose neither decision; writes a temporary file and
 * renames it, so a failed write (full disk) leaves the old file whole.
 * Returns 0 or -1 with errno set and *why naming the step that failed. */
int vh_trust_record(const char **why, const char *file, enum vh_verdict verdict, const char *env,
		    const char *cfg, size_t cfg_len);

/* Reads env/pyvenv.cfg whole into *out (at most VH_TRUST_MAX_CFG + 1
 * bytes). Returns 0, or -1 with errno set. */
int vh_trust_read_cfg(struct vh_buf *out, const char *env);

#endif
