/* The user's decisions about envs, kept in $XDG_DATA_HOME/venvhook/trust
 * (default ~/.local/share/venvhook/trust). One decision per line:
 *
 *     allow <path> <identity> <git> <how> <when>
 *     deny <path>
 *
 * <path> is the env's real path in lowercase hex, so any byte round-trips
 * and no line can be forged by a directory name. <identity> says which
 * directory was allowed (see vh_trust_identity): a new directory at the
 * same path (rm -rf and a new clone) is not allowed. <git> is "-" when git
 * tracked nothing in the env, "?" when git could not tell, else the hex id
 * of the tracked entries (see git.h): a pull that changes them asks again.
 * <how> is made (venvhook saw the user make it), allowed (venvhook allow)
 * or activated (venvhook activate), <when> seconds since the epoch.
 * A deny holds for the path whatever is there, and beats an allow, except
 * that an env the user activated by hand stays on while it is pinned.
 * Lines of an older venvhook ("allow <path> <pyvenv.cfg in hex>") are read
 * as old allows: they no longer let anything in. */
#ifndef VH_TRUST_H
#define VH_TRUST_H

#include <stddef.h>
#include <time.h>

#include "core/util/buf.h"

enum vh_decision {
	VH_DECISION_NONE = 0,
	VH_DECISION_ALLOW,
	VH_DECISION_DENY,
	VH_DECISION_OLD_ALLOW, /* bound to pyvenv.cfg bytes only: void now */
};

enum vh_consent { VH_CONSENT_MADE, VH_CONSENT_ALLOWED, VH_CONSENT_ACTIVATED };

#define VH_TRUST_IDENT_MAX 96
/* The trust file is read whole, and its parse is linear, but a file past
 * this (some 80,000 decisions) is refused: no consent holds then. */
#define VH_TRUST_MAX (16u << 20)

struct vh_trust_entry {
	enum vh_decision decision;
	char *path;
	enum vh_consent how;              /* allows */
	char ident[VH_TRUST_IDENT_MAX];   /* allows */
	char git[41];                     /* allows: "-", "?" or a digest */
	long long when;
};

struct vh_trust {
	struct vh_trust_entry *v;
	size_t n, cap;
	size_t bad_lines; /* lines that are not a decision (skipped) */
	size_t first_bad; /* 1-based line number of the first of them */
};

extern const char *const vh_consent_names[];

/* Parses text (len bytes, any content) into t. Returns 0 or VH_ENOMEM. Free t with vh_trust_free in both cases. */
int vh_trust_parse(struct vh_trust *t, const char *text, size_t len);
void vh_trust_free(struct vh_trust *t);

/* The decisions held for env (its real path): *deny says whether one is a
 * deny; the result is the newest allow of that kind (NULL for none), old
 * allows included. */
const struct vh_trust_entry *vh_trust_find(const struct vh_trust *t, const char *env, int *deny);

/* Appends e's line (nothing for an old allow, which is dropped on the
 * next write). Returns 0 or VH_ENOMEM. */
int vh_trust_format_entry(struct vh_buf *b, const struct vh_trust_entry *e);

/* *out = the trust file's path. Returns 0, VH_ENOHOME when neither
 * XDG_DATA_HOME nor HOME is set, VH_ENOMEM. */
int vh_trust_file(char **out);

/* Loads the trust file (a missing one holds nothing). Its decisions are
 * believed only from a place only the user can write (vh_xdg_usable) and a
 * file that is the user's own regular file no one else can write. Returns
 * 0; VH_ENOMEM; VH_EIO when it cannot be used (its place is not the user's
 * alone, it is not a regular file, it cannot be read), or VH_EREFUSED when
 * it is a file others could have written: t holds its lines then, of which
 * only the denies may be kept. Either way why gets what is wrong, escaped
 * ("<path> is writable by anyone"). */
int vh_trust_load(struct vh_trust *t, const char *file, struct vh_buf *why);

/* Records e (an allow or a deny) for e->path. A deny or an allow made or
 * given with allow replaces every decision held for the path; an allow by
 * activation replaces the allows only, so a deny still keeps automatic
 * activation off. Holds an flock on "<file>.lock" from read to rename so
 * that two shells deciding at once lose neither decision; writes a
 * new file beside it (never an existing one, never through a symlink) and
 * renames it, so a failed write (full disk) leaves the old file whole.
 * Nothing is written where someone else could change it (vh_xdg_usable);
 * of a file others could have written (VH_EREFUSED above), only the denies
 * are kept. Returns 0, or VH_EIO (VH_ENOMEM) with errno set and *why naming
 * the step that failed. */
int vh_trust_record(const char **why, const char *file, const struct vh_trust_entry *e);

/* The identity an allow is bound to, for the env directory real: its
 * device and inode and, where the file system records one, its birth time
 * ("b<dev>.<ino>.<sec>.<nsec>"); elsewhere the inode and modification time
 * of its pyvenv.cfg stand in for the birth time ("i<dev>.<ino>.<cfg
 * inode>.<sec>.<nsec>"). Returns 0, VH_EIO with errno set, or VH_ENOMEM. */
int vh_trust_identity(char out[VH_TRUST_IDENT_MAX], const char *real);

/* The same from the status of the env directory and of its pyvenv.cfg
 * (followed, as vh_stat(..., 1) gives them), for a caller that has them. */
struct vh_stat;
int vh_trust_identity_of(char out[VH_TRUST_IDENT_MAX], const struct vh_stat *dir,
			 const struct vh_stat *cfg);

#endif
