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
#include "core/trust/perms.h"
#include "core/trust/shadow.h"
#include "core/store/stores.h"
#include "core/trust/tracked.h"
#include "core/decide/userconfig.h"
#include "core/trust/watch.h"

/* The three things whose owner decides what runs: the env directory (its
 * entries can be swapped), pyvenv.cfg and bin/ (its programs go first on
 * PATH). A missing bin/ holds nothing to run. */
enum { G_DIR, G_CFG, G_BIN, NGUARDED };
static const char *const guarded[NGUARDED][2] = {
	{ "", "the env directory" },
	{ "/pyvenv.cfg", "its pyvenv.cfg" },
	{ "/bin", "its bin/" },
};

/* How far a file's times may sit from the moment the shell began watching
 * and from each other, for the file to count as made there and then: the
 * kernel stamps files from a clock that can lag the one export reads. */
#define VH_MADE_SLACK_NS 50000000L
#define VH_MADE_SKEW_S 1

struct facts {
	struct vh_stat st[NGUARDED];
	int has[NGUARDED];
	struct vh_tracked tracked;
};

void vh_policy_free(struct vh_policy *p)
{
	free(p->real);
	vh_buf_free(&p->why);
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

/* The user's recorded decisions, read into p->trust. */
static int load_decisions(struct vh_policy *p)
{
	char *file = NULL, what[96];
	int r, rc = 0;

	r = vh_trust_file(&file);
	if (r == VH_ENOHOME)
		return 0;
	if (r < 0)
		return r;
	r = vh_trust_load(&p->trust, file);
	if (r == VH_ENOMEM)
		rc = r;
	else if (r == VH_EIO)
		rc = warn_path(&p->warnings, "cannot read ", file, ", so no allow or deny applies");
	if (rc == 0 && p->trust.bad_lines) {
		snprintf(what, sizeof(what), ": ignoring %zu line%s that %s no decision (first: line %zu)",
			 p->trust.bad_lines, p->trust.bad_lines == 1 ? "" : "s",
			 p->trust.bad_lines == 1 ? "is" : "are", p->trust.first_bad);
		rc = warn_path(&p->warnings, "", file, what);
	}
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
	int i, rc = 0;

	for (i = 0; i < NGUARDED && rc == 0; i++) {
		vh_buf_reset(&path);
		if (vh_buf_puts(&path, p->real) < 0 || vh_buf_puts(&path, guarded[i][0]) < 0) {
			rc = VH_ENOMEM;
			break;
		}
		f->has[i] = vh_stat(&f->st[i], AT_FDCWD, path.data, 1) == 0;
		if (f->has[i] || (errno == ENOENT && i == G_BIN))
			continue;
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

/* 0: the env did not appear while the shell watched; 1: it did and its
 * files were made then; 2: it did, but its files are older (an unpacked
 * archive or a copy that kept its times) or carry times set by hand. */
static int made_here(const struct vh_watch *w, const char *env, const struct facts *f)
{
	struct timespec since, now;
	const struct vh_stat *st;
	int i;

	if (!w || !w->since.tv_sec || !vh_watch_appeared(w, env))
		return 0;
	since = w->since;
	since.tv_nsec -= VH_MADE_SLACK_NS;
	if (since.tv_nsec < 0) {
		since.tv_sec--;
		since.tv_nsec += 1000000000L;
	}
	if (clock_gettime(CLOCK_REALTIME, &now) < 0)
		return 2;
	now.tv_sec += VH_MADE_SKEW_S;
	for (i = 0; i < NGUARDED; i++) {
		struct timespec skewed;

		if (!f->has[i])
			continue;
		st = &f->st[i];
		skewed = st->ctime;
		skewed.tv_sec += VH_MADE_SKEW_S;
		if (vh_timespec_cmp(&st->mtime, &since) < 0 || vh_timespec_cmp(&st->ctime, &since) < 0 ||
		    (st->has_btime && vh_timespec_cmp(&st->btime, &since) < 0) ||
		    vh_timespec_cmp(&st->mtime, &skewed) > 0 || vh_timespec_cmp(&st->ctime, &now) > 0)
			return 2;
	}
	/* Written in place, pyvenv.cfg's change and modification times agree;
	 * an archive sets the second long after the first. */
	st = &f->st[G_CFG];
	return st->ctime.tv_sec - st->mtime.tv_sec > VH_MADE_SKEW_S ? 2 : 1;
}

static int check_perms(struct vh_policy *p, const struct facts *f)
{
	enum vh_perm why;
	char *bad = NULL;
	int i, rc;

	for (i = 0; i < NGUARDED; i++) {
		if (!f->has[i])
			continue;
		why = vh_perm_judge(&f->st[i], 0);
		if (why == VH_PERM_NOT_YOURS)
			rc = vh_buf_printf(&p->why, "%s belongs to uid %lu, not to you", guarded[i][1],
					   (unsigned long)f->st[i].uid);
		else if (why != VH_PERM_OK)
			rc = vh_buf_printf(&p->why, "%s %s", guarded[i][1], vh_perm_text(why));
		if (why != VH_PERM_OK)
			return rc < 0 ? VH_ENOMEM : VH_EREFUSED;
	}
	if (vh_perm_parents(&bad, &why, p->real) < 0)
		return VH_ENOMEM;
	if (!bad)
		return 0;
	rc = vh_buf_puts(&p->why, "the directory ") < 0 || vh_msg_escape(&p->why, bad) < 0 ||
	     vh_buf_printf(&p->why, " above it %s, who could put another env in its place",
			   vh_perm_text(why)) < 0 ? VH_ENOMEM : VH_EREFUSED;
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

static int manual(struct vh_policy *p, struct facts *f, const char *env, int deny, int force)
{
	int i, rc;

	if (deny && !force)
		return refuse(p, "you denied it; 'venvhook allow' undoes that, or use activate --force",
			      NULL);
	rc = stat_guarded(p, f);
	if (rc)
		return rc == VH_EREFUSED ? 0 : rc;
	for (i = 0; i < NGUARDED && !force; i++)
		if (f->has[i] && (f->st[i].mode & S_IWOTH))
			return vh_buf_printf(&p->why, "%s is writable by anyone; activate --force uses it anyway",
					     guarded[i][1]) < 0 ? VH_ENOMEM : 0;
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

/* The reason an env that is not the user's by consent or location is
 * refused, and what it would shadow. */
static int not_consented(struct vh_policy *p, const char *env, int appeared,
			 const struct vh_trust_entry *e, const char *path)
{
	struct vh_buf shadow = VH_BUF_INIT;
	int n, rc;

	if (appeared == 2)
		rc = refuse(p, "it appeared here, but its files are older than that (an archive or a copy"
			       " that keeps times brought it)", NULL);
	else if (e && e->decision == VH_DECISION_OLD_ALLOW)
		rc = refuse(p, "venvhook did not see you make it, and your allow of it is from an older"
			       " venvhook, which bound it to pyvenv.cfg only", NULL);
	else if (e)
		rc = vh_buf_printf(&p->why, "it is not the env you %s: git tracks other files in it"
				   " since", consent_verb(e));
	else
		rc = refuse(p, "venvhook did not see you make it", NULL);
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
	enum vh_policy_mode mode = ask->mode;
	int rc;

	if (deny && (mode == VH_POLICY_AUTO || !e || e->how != VH_CONSENT_ACTIVATED))
		return refuse(p, "you denied it; 'venvhook allow' undoes that", NULL);
	/* trust = off: no checks at all, but a deny above still holds. */
	if (vh_config.trust == VH_CONFIG_TRUST_OFF) {
		p->ok = 1;
		p->basis = VH_BASIS_CONFIG;
		return 0;
	}
	rc = stat_guarded(p, f);
	if (rc == 0)
		rc = judge_content(p, f, env);
	if (rc)
		return rc == VH_EREFUSED ? 0 : rc;
	/* Consent overrides the owner, mode and git checks, not the identity
	 * it was given to: the same directory, the same tracked content. */
	if (e && e->decision == VH_DECISION_ALLOW && !strcmp(e->ident, p->ident) &&
	    same_content(e->git, p->git)) {
		p->ok = 1;
		p->basis = VH_BASIS_CONSENT;
		p->consent = e;
		return 0;
	}
	if (deny)
		return refuse(p, "you denied it; 'venvhook allow' undoes that", NULL);
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
	int rc, appeared, in_store = 0;

	rc = check_perms(p, f);
	if (rc == 0 && f->tracked.answer == VH_TRACKED_YES && e && e->decision == VH_DECISION_ALLOW &&
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
		in_store = vh_env_in_user_store(p->real);
		if (in_store < 0)
			return VH_ENOMEM;
	}
	if (vh_config.trust == VH_CONFIG_TRUST_OWNER) {
		p->basis = VH_BASIS_CONFIG;
	} else if (in_store) {
		p->basis = VH_BASIS_STORE;
	} else {
		appeared = ask->mode == VH_POLICY_AUTO ? made_here(ask->watch, env, f) : 0;
		if (appeared != 1)
			return not_consented(p, env, appeared, e, ask->path);
		p->basis = VH_BASIS_MADE;
	}
	p->ok = 1;
	return 0;
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
	/* (once: a deny's reason already says what allow does) */
	if (rc == 0 && !p->ok && ask->mode == VH_POLICY_AUTO &&
	    !strstr(vh_buf_str(&p->why), "'venvhook allow'") &&
	    vh_buf_puts(&p->why, "; 'venvhook allow' trusts it") < 0)
		rc = VH_ENOMEM;
	vh_tracked_free(&f.tracked);
	return rc;
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
