#include "core/trust/policy.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/util/compat.h"
#include "core/find/envdir.h"
#include "core/util/err.h"
#include "core/util/msg.h"
#include "core/trust/contents.h"
#include "core/trust/perms.h"
#include "core/trust/shadow.h"
#include "core/store/stores.h"
#include "core/trust/tracked.h"
#include "core/decide/userconfig.h"
#include "core/trust/madeby.h"
#include "core/trust/watch.h"

/* The things whose owner decides what runs: the env directory (its
 * entries can be swapped), the file that makes it an env (pyvenv.cfg; a
 * conda prefix's conda-meta/history, and conda-meta/ that holds it:
 * envdir.h) and bin/ (its programs go first on PATH). A missing bin/
 * holds nothing to run. A conda prefix is judged as a venv is, in every
 * other respect too: only the marker differs. */
enum { G_DIR, G_CFG, G_BIN, G_META, NGUARDED };
static const char *const guarded_venv[NGUARDED][2] = {
	{ "", "the env directory" },
	{ "/pyvenv.cfg", "its pyvenv.cfg" },
	{ "/bin", "its bin/" },
	{ NULL, NULL },
};
static const char *const guarded_conda[NGUARDED][2] = {
	{ "", "the env directory" },
	{ "/conda-meta/history", "its conda-meta/history" },
	{ "/bin", "its bin/" },
	{ "/conda-meta", "its conda-meta/" },
};

struct facts {
	const char *const (*guarded)[2]; /* guarded_venv or guarded_conda */
	struct vh_stat st[NGUARDED];
	int has[NGUARDED];
	struct vh_tracked tracked;
};

void vh_policy_free(struct vh_policy *p)
{
	free(p->real);
	free(p->use);
	vh_buf_free(&p->why);
	vh_buf_free(&p->exposed);
	vh_buf_free(&p->warnings);
	vh_trust_free(&p->trust);
	memset(p, 0, sizeof(*p));
}

static int warn_path(struct vh_buf *w, const char *prefix, const char *path, const char *suffix)
{
	if (vh_buf_puts(w, prefix) < 0 || vh_msg_escape(w, path) < 0 || vh_buf_puts(w, suffix) < 0 ||
	    vh_buf_putc(w, '\n') < 0)
		return VH_ENOMEM;
	return 0;
}

/* The user's recorded decisions, read into p->trust. A file that cannot
 * be used leaves none, and p->unknown: nothing a deny might cover is
 * taken (fail closed). */
static int load_decisions(struct vh_policy *p)
{
	struct vh_buf why = VH_BUF_INIT;
	char *file = NULL, what[96];
	int r, rc = 0;

	r = vh_trust_file(&file);
	if (r == VH_ENOHOME)
		return 0;
	if (r < 0)
		return r;
	r = vh_trust_load(&p->trust, file, &why);
	if (r == VH_ENOMEM) {
		rc = r;
	} else if (r < 0) {
		vh_trust_free(&p->trust);
		p->unknown = 1;
		rc = vh_buf_puts(&p->warnings, "ignoring your decisions: ") < 0 ||
		     vh_buf_puts(&p->warnings, vh_buf_str(&why)) < 0 ||
		     vh_buf_puts(&p->warnings, "; until that is fixed, no env is activated but by"
				 " 'venvhook activate --force'\n") < 0 ? VH_ENOMEM : 0;
	}
	if (rc == 0 && p->trust.bad_lines) {
		snprintf(what, sizeof(what), ": ignoring %zu line%s that %s no decision (first: line %zu)",
			 p->trust.bad_lines, p->trust.bad_lines == 1 ? "" : "s",
			 p->trust.bad_lines == 1 ? "is" : "are", p->trust.first_bad);
		rc = warn_path(&p->warnings, "", file, what);
	}
	vh_buf_free(&why);
	free(file);
	return rc;
}

/* Refused: why gets the reason (what, then arg when given). Returns 0 or
 * VH_ENOMEM. (The helpers below return VH_EREFUSED when they refused, why
 * filled, and the judge takes that as its answer: p->ok stays 0.) */
static int refuse(struct vh_policy *p, const char *what, const char *arg)
{
	p->ok = 0;
	return vh_buf_puts(&p->why, what) < 0 || (arg && vh_buf_puts(&p->why, arg) < 0) ? VH_ENOMEM : 0;
}

static int stat_guarded(struct vh_policy *p, struct facts *f)
{
	struct vh_buf path = VH_BUF_INIT;
	const char *marker = vh_env_marker(AT_FDCWD, p->real);
	const char *const (*guarded)[2];
	int i, rc = 0;

	/* (no marker: judged as a venv, and refused for its pyvenv.cfg) */
	f->guarded = marker && !strcmp(marker, vh_conda_marker) ? guarded_conda : guarded_venv;
	guarded = f->guarded;
	for (i = 0; i < NGUARDED && rc == 0; i++) {
		if (!guarded[i][0])
			continue;
		vh_buf_reset(&path);
		if (vh_buf_puts(&path, p->real) < 0 || vh_buf_puts(&path, guarded[i][0]) < 0) {
			rc = VH_ENOMEM;
			break;
		}
		f->has[i] = vh_stat(&f->st[i], AT_FDCWD, path.data, 1) == 0;
		if (f->has[i])
			continue;
		if (errno == ENOENT && i == G_BIN) {
			/* absent holds nothing to run; a link to nothing yet is
			 * whatever whoever can write where it points makes later */
			struct vh_stat lst;

			if (vh_stat(&lst, AT_FDCWD, path.data, 0) < 0 && errno == ENOENT)
				continue;
			rc = vh_buf_printf(&p->why, "%s is a symlink that leads nowhere yet (what"
					   " it leads to is made by whoever can write there)",
					   guarded[i][1]);
			rc = rc < 0 ? VH_ENOMEM : VH_EREFUSED;
			break;
		}
		rc = vh_buf_printf(&p->why, "cannot check %s (%s)", guarded[i][1], strerror(errno));
		rc = rc < 0 ? VH_ENOMEM : VH_EREFUSED;
	}
	vh_buf_free(&path);
	return rc;
}

/* An allow's git content against what git says now: "-" (nothing
 * tracked) holds while nothing is; "?" (git could not tell) also while git
 * still cannot; a digest only for the same entries. */
static int same_content(const char *allowed, const char *now)
{
	if (!strcmp(allowed, "?"))
		return !strcmp(now, "?") || !strcmp(now, "-");
	return !strcmp(allowed, now);
}

/* What the made-here rule found (made_here()). */
enum made {
	MADE_NOT_SEEN = 0, /* nothing was watched (no hook asked) */
	MADE_THERE,        /* it was there at the last export */
	MADE_YES,
	MADE_OLD,          /* it is new here, but its files are older than the last export */
	MADE_NO_BTIME,     /* not watched, and no birth time says it is new */
	MADE_NO_LINES,     /* the shell said nothing of what it ran */
	MADE_GAP,          /* a line since is missing from the shell's history */
	MADE_CUT,          /* more lines since than the hook hands over */
	MADE_BAD,          /* the lines could not be read */
	MADE_NEED,         /* the lines are needed, and the hook will hand them over */
	MADE_BROUGHT,      /* a command read could have brought it (madeby.by) */
	MADE_NONE,         /* no command read makes it */
};

/* 1 when t, a file's birth time, is before since, the last export's
 * moment as vh_clock_files read it (less the time a stamp may lag where
 * that is not the files' own clock). */
static int before(const struct timespec *t, const struct timespec *since)
{
	struct timespec s = *since, now;
	long slack = 0;

	if (vh_clock_files(&now, &slack) < 0)
		slack = 1000000000L;
	while (s.tv_nsec < 0) {
		s.tv_sec--;
		s.tv_nsec += 1000000000L;
	}
	return vh_timespec_cmp(t, &s) < 0;
}

/* The made-here rule. An env is new when it was not there at the last
 * export: a watched path that was absent then (the hook looks at those at
 * every prompt, so it appeared during the last line), or, anywhere else,
 * an env directory born since (its birth time, which no one can set). Its
 * guarded files must be as new (birth time, else change time). Then the
 * lines the shell ran since that export (for a watched path, the last one
 * alone) must hold a command that makes envs naming it or working in its
 * project, and none that could have brought it. Timestamps that anyone
 * can set (mtime) decide nothing. */
static enum made made_here(struct vh_madeby *by, const struct vh_made_ask *seen, const char *env,
			   const char *real, const struct facts *f)
{
	const struct vh_watch *w = seen ? seen->watch : NULL;
	const struct vh_lines *l = seen ? seen->lines : NULL;
	struct vh_madeby_ask ask;
	int i, watched;

	memset(by, 0, sizeof(*by));
	if (!w || !w->since.tv_sec)
		return MADE_NOT_SEEN;
	if (vh_watch_was_there(w, env))
		return MADE_THERE;
	watched = vh_watch_appeared(w, env);
	if (!watched) {
		if (!f->st[G_DIR].has_btime)
			return MADE_NO_BTIME;
		if (before(&f->st[G_DIR].btime, &w->since))
			return MADE_THERE;
	}
	/* (birth times only: a file system without them may round the
	 * others down to its own grain) */
	for (i = 0; i < NGUARDED; i++) {
		const struct vh_stat *st = &f->st[i];

		if (f->has[i] && st->has_btime && before(&st->btime, &w->since))
			return MADE_OLD;
	}
	if (!l || l->state == VH_LINES_NONE)
		return MADE_NO_LINES;
	if (l->state == VH_LINES_ASK)
		return MADE_NEED;
	if (l->state == VH_LINES_GAP)
		return MADE_GAP;
	if (l->state == VH_LINES_BAD)
		return MADE_BAD;
	/* (after a shortcut cd the watch may still hold the old directory's
	 * paths, which the hook no longer looks at: the last line alone
	 * cannot vouch for one; it can for the paths of the directory the cd
	 * went into, looked at before every line since) */
	if (l->state == VH_LINES_CUT && (!watched || (w->moved && !vh_watch_here(w, env))))
		return MADE_CUT;
	memset(&ask, 0, sizeof(ask));
	ask.lines = l->lines;
	ask.len = l->len;
	ask.from = l->from;
	ask.base = w->base;
	ask.home = vh_getenv("HOME");
	ask.env = env;
	ask.real = real;
	/* a watched path was looked at before every line: it appeared during
	 * the last; only that one is read when the earlier ones were cut */
	ask.last_only = watched && l->state == VH_LINES_CUT;
	ask.dialect = seen->dialect;
	ask.programs = seen->programs;
	ask.pixi_vars = vh_getenv("PIXI_NO_INSTALL") || vh_getenv("PIXI_PROJECT_MANIFEST");
	if (vh_madeby_judge(by, &ask) < 0)
		return MADE_BAD;
	/* Unwatched, an env is new by its birth time against since; after a
	 * cd the region's shortcut took, the lines begin at that cd, later
	 * than since, and cannot vouch for what came between (an unpack). A
	 * watched path appeared during the last line, which they hold. */
	if (by->verdict == VH_MADEBY_MADE && !watched && w->moved)
		return MADE_CUT;
	return by->verdict == VH_MADEBY_MADE ? MADE_YES :
	       by->verdict == VH_MADEBY_BROUGHT ? MADE_BROUGHT : MADE_NONE;
}

/* Who else can change what the env runs: the env directory, its
 * pyvenv.cfg and bin/, every directory above it. Returns 0, VH_EREFUSED
 * (why says who, as "its bin/ is writable by its group"), VH_ENOMEM. */
/* A guarded entry (bin/, pyvenv.cfg) that is a symlink: judging what it
 * leads to now does not hold unless no one else can make it lead
 * elsewhere, nor change what it leads to: every directory and link on the
 * way, not only the target (vh_perm_path). No tool that makes envs makes
 * such a link. VH_EREFUSED (why filled), 0, or VH_ENOMEM. */
static int check_link(struct vh_policy *p, const char *path, const char *what)
{
	struct vh_stat st;
	enum vh_writers why = VH_WRITERS_NONE;
	char *led = NULL, *bad = NULL;
	int r, refused;

	if (vh_stat(&st, AT_FDCWD, path, 0) < 0 || !S_ISLNK(st.mode))
		return 0; /* (the followed stat judged it: not a link) */
	r = vh_perm_path(&led, &bad, &why, path);
	if (r == VH_ENOMEM)
		return r;
	refused = r < 0 || bad || !led;
	if (r < 0)
		r = vh_buf_printf(&p->why, "%s is a symlink that cannot be followed", what);
	else if (bad)
		r = vh_buf_printf(&p->why, "%s is a symlink, and ", what) < 0 ||
		    vh_msg_escape(&p->why, bad) < 0 ||
		    vh_buf_printf(&p->why, " on the way to what it leads to %s",
				  why == VH_WRITERS_UNKNOWN ? "cannot be looked at" :
				  vh_writers_text(why)) < 0 ? VH_ENOMEM : 0;
	free(led);
	free(bad);
	if (r < 0)
		return VH_ENOMEM;
	return refused ? VH_EREFUSED : 0;
}

static int check_perms(struct vh_policy *p, const struct facts *f)
{
	const char *const (*guarded)[2] = f->guarded;
	struct vh_buf path = VH_BUF_INIT;
	enum vh_writers why;
	char *bad = NULL;
	int i, rc = 0;

	for (i = 0; i < NGUARDED && rc == 0; i++) {
		if (!f->has[i])
			continue;
		vh_buf_reset(&path);
		if (vh_buf_puts(&path, p->real) < 0 || vh_buf_puts(&path, guarded[i][0]) < 0) {
			rc = VH_ENOMEM;
			break;
		}
		if (i != G_DIR && (rc = check_link(p, path.data, guarded[i][1])) != 0)
			break;
		why = vh_perm_judge(path.data, &f->st[i], 0);
		if (why == VH_WRITERS_OWNER)
			rc = vh_buf_printf(&p->why, "%s belongs to uid %lu, not to you", guarded[i][1],
					   (unsigned long)f->st[i].uid);
		else if (why != VH_WRITERS_NONE)
			rc = vh_buf_printf(&p->why, "%s %s", guarded[i][1], vh_writers_text(why));
		if (why != VH_WRITERS_NONE)
			rc = rc < 0 ? VH_ENOMEM : VH_EREFUSED;
	}
	vh_buf_free(&path);
	/* and what runs from it besides bin/ itself: its links, site-packages */
	if (rc == 0)
		rc = vh_env_contents_check(&p->why, p->real);
	if (rc)
		return rc;
	if (vh_perm_parents(&bad, &why, p->real) < 0)
		return VH_ENOMEM;
	if (!bad)
		return 0;
	rc = vh_buf_puts(&p->why, "the directory ") < 0 || vh_msg_escape(&p->why, bad) < 0 ||
	     vh_buf_printf(&p->why, " above it %s, who could put another env in its place",
			   why == VH_WRITERS_UNKNOWN ? "cannot be looked at" : vh_writers_text(why)) < 0 ?
	     VH_ENOMEM : VH_EREFUSED;
	free(bad);
	return rc;
}

/* Identity and git content: what an allow is bound to. */
static int judge_content(struct vh_policy *p, struct facts *f, const char *env)
{
	/* the directory and pyvenv.cfg as stat_guarded saw them: the same
	 * moment the other checks judged */
	int missing = !f->has[G_DIR] || !f->has[G_CFG];

	if (missing)
		errno = ENOENT;
	if (missing || vh_trust_identity_of(p->ident, &f->st[G_DIR], &f->st[G_CFG]) < 0) {
		int rc = vh_buf_printf(&p->why, "cannot check the env directory (%s)", strerror(errno));

		return rc < 0 ? VH_ENOMEM : VH_EREFUSED;
	}
	if (vh_tracked_check(&f->tracked, env, p->real) < 0)
		return VH_ENOMEM;
	switch (f->tracked.answer) {
	case VH_TRACKED_YES:
		strcpy(p->git, f->tracked.digest);
		break;
	case VH_TRACKED_UNKNOWN:
		strcpy(p->git, "?");
		break;
	default:
		strcpy(p->git, "-");
	}
	return 0;
}

/* The user's own choice (activate), or this shell's forced pin. */
static int manual(struct vh_policy *p, struct facts *f, const char *env, int deny, int force)
{
	int rc;

	if (p->unknown && !force)
		return refuse(p, "your decisions cannot be read, so a deny of it could not be honoured;"
			      " activate --force uses it anyway", NULL);
	if (deny && !force)
		return refuse(p, "you denied it; 'venvhook allow' undoes that, or use activate --force",
			      NULL);
	rc = stat_guarded(p, f);
	if (rc)
		return rc == VH_EREFUSED ? 0 : rc;
	rc = check_perms(p, f);
	if (rc == VH_EREFUSED && !force)
		return vh_buf_puts(&p->why, "; activate --force uses it anyway") < 0 ? VH_ENOMEM : 0;
	if (rc == VH_EREFUSED) {
		/* forced: what others can change, for the line that says so */
		vh_buf_free(&p->exposed);
		p->exposed = p->why;
		memset(&p->why, 0, sizeof(p->why));
	} else if (rc) {
		return rc;
	}
	rc = judge_content(p, f, env);
	if (rc)
		return rc == VH_EREFUSED ? 0 : rc;
	p->ok = 1;
	p->basis = VH_BASIS_CHOSEN;
	return 0;
}

static const char *consent_verb(const struct vh_trust_entry *e)
{
	return e->how == VH_CONSENT_MADE ? "made here" :
	       e->how == VH_CONSENT_ACTIVATED ? "activated" : "allowed";
}

/* What the made-here rule saw, for the refusal: what venvhook saw, in the
 * user's words. */
static int say_made(struct vh_buf *why, enum made m, const struct vh_madeby *by)
{
	switch (m) {
	case MADE_OLD:
		return vh_buf_puts(why, "it appeared here, but its files are older than that (an archive"
				   " or a copy that keeps times brought it)");
	case MADE_NO_BTIME:
		return vh_buf_puts(why, "it appeared where venvhook was not watching, and this file system"
				   " keeps no creation time that shows it is new");
	case MADE_NO_LINES:
		return vh_buf_puts(why, "it appeared, but this shell did not tell venvhook which command"
				   " made it");
	case MADE_GAP:
		return vh_buf_puts(why, "it appeared, but a command you ran since is not in the shell's"
				   " history, so venvhook cannot tell what made it");
	case MADE_CUT:
		return vh_buf_puts(why, "it appeared where venvhook was not watching, after more commands"
				   " than this shell hands venvhook");
	case MADE_BAD:
		return vh_buf_puts(why, "it appeared, but venvhook could not read the commands you ran");
	case MADE_BROUGHT:
		if (!by->by[0])
			return vh_buf_puts(why, "it appeared after a command venvhook cannot read"
					   " (a program a variable names, python -c code, an option"
					   " of a tool's that venvhook does not know, a line nested"
					   " too deep, one of this shell's own, or a tar, cp, git"
					   " and the like in text it cannot tell runs or not)");
		if (vh_buf_puts(why, "it appeared with ") < 0 || vh_msg_escape(why, by->by) < 0)
			return VH_ENOMEM;
		return vh_buf_puts(why, " (an env that may have come with files unpacked, fetched,"
				   " cloned, copied or moved is not taken as yours)");
	case MADE_NONE:
		return vh_buf_puts(why, "it appeared, but not from a command venvhook knows to make envs"
				   " (python -m venv, virtualenv, uv, poetry, pipenv, pdm, hatch, conda, pixi)");
	case MADE_THERE:
		return vh_buf_puts(why, "it was already here when you arrived");
	default:
		return vh_buf_puts(why, "venvhook did not see you make it");
	}
}

/* The reason an env that is not the user's by consent or location is
 * refused, and what it would shadow. */
static int not_consented(struct vh_policy *p, const char *env, enum made m,
			 const struct vh_madeby *by, const struct vh_trust_entry *e, const char *path)
{
	struct vh_buf shadow = VH_BUF_INIT;
	int n, rc;

	if (m != MADE_NOT_SEEN && m != MADE_THERE)
		rc = say_made(&p->why, m, by);
	else if (e && e->decision == VH_DECISION_OLD_ALLOW)
		rc = refuse(p, "venvhook did not see you make it, and your allow of it is from an older"
			       " venvhook, which bound it to pyvenv.cfg only", NULL);
	else if (e)
		rc = vh_buf_printf(&p->why, "it is not the env you %s: git tracks other files in it"
				   " since", consent_verb(e));
	else
		rc = say_made(&p->why, m, by);
	if (rc < 0)
		return VH_ENOMEM;
	n = vh_shadow_list(&shadow, env, path, 6);
	if (n < 0 || (n > 0 && (vh_buf_puts(&p->why, ", and its bin/ would shadow ") < 0 ||
				vh_buf_puts(&p->why, shadow.data) < 0)))
		rc = VH_ENOMEM;
	vh_buf_free(&shadow);
	return rc;
}

static int judge_new(struct vh_policy *p, struct facts *f, const char *env,
		     const struct vh_policy_ask *ask, const struct vh_trust_entry *e);

static int automatic(struct vh_policy *p, struct facts *f, const char *env,
		     const struct vh_policy_ask *ask, int deny, const struct vh_trust_entry *e)
{
	int rc;

	/* this shell's own activate --force, and nothing else, keeps a pin
	 * that a deny or a writable directory would take away */
	if (ask->mode == VH_POLICY_PIN && ask->force)
		return manual(p, f, env, deny, 1);
	if (p->unknown)
		return refuse(p, "your decisions cannot be read, so a deny of it could not be honoured",
			      NULL);
	/* only an allow (which replaces it) undoes a deny */
	if (deny)
		return refuse(p, "you denied it; 'venvhook allow' undoes that", NULL);
	/* trust = off: no checks at all, but a deny still holds. */
	if (vh_config.trust == VH_CONFIG_TRUST_OFF) {
		p->ok = 1;
		p->basis = VH_BASIS_CONFIG;
		return 0;
	}
	rc = stat_guarded(p, f);
	if (rc == 0)
		rc = judge_content(p, f, env);
	/* whatever the basis: consent cannot make a path others can swap safe */
	if (rc == 0 && (rc = check_perms(p, f)) == VH_EREFUSED)
		return ask->mode == VH_POLICY_AUTO &&
		       vh_buf_puts(&p->why, "; 'venvhook activate --force' uses it anyway") < 0 ?
		       VH_ENOMEM : 0;
	if (rc)
		return rc == VH_EREFUSED ? 0 : rc;
	/* Consent overrides the git checks, not the identity it was given to:
	 * the same directory, the same tracked content. */
	if (e && e->decision == VH_DECISION_ALLOW && !strcmp(e->ident, p->ident) &&
	    same_content(e->git, p->git)) {
		p->ok = 1;
		p->basis = VH_BASIS_CONSENT;
		p->consent = e;
		return 0;
	}
	rc = judge_new(p, f, env, ask, e);
	/* An allow for the path, of another directory: that is the news,
	 * whatever else keeps the new one out. */
	if (rc == 0 && !p->ok && e && e->decision == VH_DECISION_ALLOW && strcmp(e->ident, p->ident)) {
		vh_buf_reset(&p->why);
		rc = vh_buf_printf(&p->why, "it is not the env you %s: that directory was replaced by"
				   " another one since", consent_verb(e)) < 0 ? VH_ENOMEM : 0;
	}
	return rc;
}

/* An env without a matching consent: judged as if new. */
static int judge_new(struct vh_policy *p, struct facts *f, const char *env,
		     const struct vh_policy_ask *ask, const struct vh_trust_entry *e)
{
	struct vh_madeby by;
	enum made made;
	int rc = 0, in_store = 0;

	/* every refusal here is one an allow would lift */
	p->fixable = 1;
	memset(&by, 0, sizeof(by));
	if (f->tracked.answer == VH_TRACKED_YES && e && e->decision == VH_DECISION_ALLOW &&
	    !strcmp(e->ident, p->ident)) {
		rc = vh_buf_printf(&p->why, "git tracks other files in it than when you %s it",
				   e->how == VH_CONSENT_MADE ? "made" : e->how == VH_CONSENT_ACTIVATED ?
				   "activated" : "allowed") < 0 ? VH_ENOMEM : VH_EREFUSED;
	} else if (rc == 0 && f->tracked.answer == VH_TRACKED_YES) {
		rc = vh_buf_puts(&p->why, "its files are tracked by git in ") < 0 ||
		     vh_msg_escape(&p->why, f->tracked.root) < 0 ||
		     vh_buf_puts(&p->why, " (it came with the repository)") < 0 ? VH_ENOMEM : VH_EREFUSED;
	} else if (rc == 0 && f->tracked.answer == VH_TRACKED_UNKNOWN) {
		rc = vh_buf_puts(&p->why, "cannot tell whether git tracks it (") < 0 ||
		     vh_msg_escape(&p->why, vh_buf_str(&f->tracked.why)) < 0 ||
		     vh_buf_putc(&p->why, ')') < 0 ? VH_ENOMEM : VH_EREFUSED;
	}
	if (rc)
		return rc == VH_EREFUSED ? 0 : rc;
	if (!ask->project_chose) {
		if (vh_env_in_user_store(&in_store, p->real) < 0)
			return VH_ENOMEM;
	}
	if (vh_config.trust == VH_CONFIG_TRUST_OWNER) {
		p->basis = VH_BASIS_CONFIG;
	} else if (in_store) {
		p->basis = VH_BASIS_STORE;
	} else {
		made = ask->mode == VH_POLICY_AUTO ? made_here(&by, ask->seen, env, p->real, f) :
		       MADE_NOT_SEEN;
		if (made == MADE_NEED) {
			p->need_lines = 1;
			return refuse(p, "venvhook needs the commands you ran", NULL);
		}
		if (made != MADE_YES)
			return not_consented(p, env, made, &by, e, ask->path);
		p->basis = VH_BASIS_MADE;
	}
	p->ok = 1;
	return 0;
}

/* p->use: the path was judged by what it leads to now; it goes on PATH as
 * it is only when no one else can make it lead elsewhere later, and it
 * still leads to what was judged. */
static int path_to_use(struct vh_policy *p, const char *env)
{
	enum vh_writers why;
	char *bad = NULL, *led = NULL;
	int steady = 0;

	if (strcmp(env, p->real)) {
		if (vh_perm_steady(&led, &bad, &why, env) < 0)
			return VH_ENOMEM;
		steady = !bad && !strcmp(led, p->real);
		free(bad);
		free(led);
	}
	p->use = strdup(steady ? env : p->real);
	return p->use ? 0 : VH_ENOMEM;
}

int vh_policy_check(struct vh_policy *p, const char *env, const struct vh_policy_ask *ask)
{
	const struct vh_trust_entry *e;
	struct facts f;
	int deny, rc;

	memset(p, 0, sizeof(*p));
	memset(&f, 0, sizeof(f));
	p->real = realpath(env, NULL);
	if (!p->real)
		return errno == ENOMEM ? VH_ENOMEM :
		       vh_buf_printf(&p->why, "cannot resolve its path (%s)", strerror(errno));
	if (load_decisions(p) < 0)
		return VH_ENOMEM;
	e = vh_trust_find(&p->trust, p->real, &deny);
	rc = ask->mode == VH_POLICY_MANUAL ? manual(p, &f, env, deny, ask->force) :
	     automatic(p, &f, env, ask, deny, e);
	if (rc == 0 && !p->ok && p->fixable && ask->mode == VH_POLICY_AUTO &&
	    vh_buf_puts(&p->why, "; 'venvhook allow' trusts it") < 0)
		rc = VH_ENOMEM;
	if (rc == 0 && p->ok)
		rc = path_to_use(p, env);
	vh_tracked_free(&f.tracked);
	return rc;
}

int vh_policy_allowed(const struct vh_policy *p)
{
	const struct vh_trust_entry *e;
	int deny;

	if (!p->real)
		return 0;
	e = vh_trust_find(&p->trust, p->real, &deny);
	return e && !deny && e->decision == VH_DECISION_ALLOW && !strcmp(e->ident, p->ident) &&
	       same_content(e->git, p->git);
}

int vh_policy_consent(const struct vh_policy *p, enum vh_consent how, const char **why,
		      char **file)
{
	struct vh_trust_entry e;
	int r;

	*file = NULL;
	r = vh_trust_file(file);
	if (r) {
		*why = r == VH_ENOHOME ? "neither XDG_DATA_HOME nor HOME is set: cannot record in" :
			       "out of memory writing";
		errno = r == VH_ENOHOME ? ENOENT : ENOMEM;
		return r;
	}
	memset(&e, 0, sizeof(e));
	e.decision = VH_DECISION_ALLOW;
	e.path = p->real;
	e.how = how;
	strcpy(e.ident, p->ident);
	strcpy(e.git, p->git[0] ? p->git : "?");
	e.when = (long long)time(NULL);
	return vh_trust_record(why, *file, &e);
}
