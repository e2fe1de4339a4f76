/* Whether an env may go first on PATH: the trust policy (README "Trust").
 *
 * Automatic activation takes an env when the user consented to it and it
 * is still the env consented to: venvhook saw the user's own command make
 * it at a prompt (the made-here rule: it was not there at the last export,
 * and the command line that made it makes envs and brought no files; see
 * made_here() and madeby.h), or `venvhook allow` / `venvhook activate` took it,
 * bound to the env directory's identity and, where git tracks any of it, to
 * the tracked content. An env in the user's own env stores ($WORKON_HOME,
 * Poetry's, pipenv's, pyenv's: see stores.h) is the user's by location,
 * unless a setting of the project chose it. Anything else is refused with
 * the reason, and git must say it tracks none of it; an allow overrides
 * that, but not a change of identity. Whatever the basis, the env and its
 * bin/ and pyvenv.cfg must be the user's (or root's) and writable by nobody
 * else (mode bits and ACLs), and so must every directory above it (a
 * sticky one, as /tmp, is fine): consent cannot make a path others can
 * swap safe, so no allow overrides that; only `activate --force` does, for
 * the shell it is given in. A deny is overridden only by an allow (or that
 * --force). When the user's decisions cannot be read (or could have been
 * written by someone else), nothing is activated automatically: a deny
 * among them could not be honoured.
 *
 * What goes on PATH is what was judged: the env's path as found when no
 * one but the user and root can change what it leads to (every directory
 * and symlink on it theirs: perms.h), else its real path. */
#ifndef VH_POLICY_H
#define VH_POLICY_H

#include "core/util/buf.h"
#include "core/trust/madeby.h"
#include "core/trust/trust.h"

struct vh_watch;
struct vh_lines;

/* What the hook saw since the last export, for the made-here rule: what
 * that export noted (watch.h), the command lines run since (madeby.h), and
 * how this shell reads them. */
struct vh_made_ask {
	const struct vh_watch *watch;
	const struct vh_lines *lines;
	enum vh_dialect dialect;
	const struct vh_dialect_program *programs;
};

enum vh_policy_mode {
	VH_POLICY_AUTO,   /* discovery found it (a cd, a pointer file) */
	VH_POLICY_PIN,    /* the env `venvhook activate` pinned, from the environment */
	VH_POLICY_MANUAL, /* `venvhook activate` now: the user's explicit choice */
};

enum vh_basis {
	VH_BASIS_NONE = 0,
	VH_BASIS_CONSENT, /* a recorded allow, made or activated, still matching */
	VH_BASIS_MADE,    /* made just now at a prompt in its project: record it */
	VH_BASIS_STORE,   /* in one of the user's env stores */
	VH_BASIS_CONFIG,  /* trust = owner or off in the config */
	VH_BASIS_CHOSEN,  /* activate by hand: record it unless already good */
};

struct vh_policy {
	int ok;
	/* refused for now: the made-here rule needs the lines the shell ran,
	 * which the hook hands over when asked (madeby.h, VH_LINES_ASK) */
	int need_lines;
	enum vh_basis basis;
	const struct vh_trust_entry *consent; /* CONSENT: the record (in trust) */
	char *real;         /* the env's real path */
	/* ok: the path for PATH and VIRTUAL_ENV, the env as given when no one
	 * but the user and root can change what it leads to, else real */
	char *use;
	/* the user's decisions could not be used (warnings says why): nothing
	 * a deny might cover is taken */
	int unknown;
	/* refused, and 'venvhook allow' would let it in */
	int fixable;
	/* ok, by force: who else can change what it runs (a sentence
	 * fragment, "its bin/ is writable by its group"), or empty */
	struct vh_buf exposed;
	char ident[VH_TRUST_IDENT_MAX];
	char git[41];       /* "-", "?" or the tracked entries' id */
	struct vh_buf why;  /* refused: why, a sentence fragment */
	struct vh_buf warnings; /* lines to print, each ending in '\n' */
	struct vh_trust trust;
};

/* What the policy is asked, besides the env. */
struct vh_policy_ask {
	enum vh_policy_mode mode;
	/* what the hook saw since the last export, for the made-here rule
	 * (AUTO only; NULL: nothing) */
	const struct vh_made_ask *seen;
	const char *path; /* PATH now, to name what the env's bin/ would shadow */
	/* MANUAL: the user's --force; PIN: this shell's own `activate --force`
	 * of this env (the hook's key, never the environment): the deny and
	 * the checks of who else can write it do not hold it back */
	int force;
	/* a setting of the project put the env where it is (discovery's
	 * project_setting): it is not the user's by location, wherever it is */
	int project_chose;
};

/* Judges env (an absolute path, as discovery or the user gave it).
 * Returns 0 (out filled; out->ok says) or VH_ENOMEM. Free out with
 * vh_policy_free in both cases. */
int vh_policy_check(struct vh_policy *out, const char *env, const struct vh_policy_ask *ask);
void vh_policy_free(struct vh_policy *p);

/* 1 when the user's decisions (p->trust, as vh_policy_check read them)
 * hold an allow of the env p judged that still matches it (the same
 * directory, the same tracked content) and no deny: allowing it again
 * changes nothing. */
int vh_policy_allowed(const struct vh_policy *p);

/* Records the user's consent to the env p judged (p->real, identity and
 * git content as judged). Returns 0, or a code (VH_EIO, VH_ENOHOME,
 * VH_ENOMEM) with errno set and *why naming the step that failed
 * ("cannot write"...), *file the trust file (caller frees). */
int vh_policy_consent(const struct vh_policy *p, enum vh_consent how, const char **why,
		      char **file);

#endif
