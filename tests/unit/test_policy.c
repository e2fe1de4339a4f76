/* The trust policy as a table (README "Trust", core/trust/policy.h): one
 * row per rule, each a real env on disk, a real trust file and a real
 * watch, judged by vh_policy_check; each row asserts the decision, its
 * basis and the line the user sees (the reason, then any warning).
 * doc/THREATS.md names these rows; tests/mutate/mutations lists the
 * one-line mutations of the rules that this table must kill. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/util/err.h"
#include "core/trust/policy.h"
#include "core/trust/trust.h"
#include "core/trust/watch.h"
#include "core/decide/userconfig.h"
#include "tap.h"

static char root[64];

/* What a row's setup works on. */
struct ctx {
	char env[512];  /* the env directory */
	char proj[512]; /* the directory it sits in */
	struct vh_watch *watch;
};

struct row {
	const char *rule;
	const char *env; /* under root; its parent is the project */
	void (*setup)(struct ctx *c);
	int watch; /* a watch begins on the project before setup */
	enum vh_policy_mode mode;
	int force;
	int project_chose;
	enum vh_config_trust config;
	int ok;
	enum vh_basis basis;
	const char *why;  /* '@' stands for root */
	const char *warn; /* likewise */
	int root_only;    /* needs root (chown) */
};

__attribute__((format(printf, 1, 2)))
static void sh(const char *fmt, ...)
{
	char cmd[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (system(cmd) != 0)
		tap_ok(0, "setup: %s", cmd);
}

static void mkenv(struct ctx *c)
{
	char cfg[600];
	FILE *f;

	sh("mkdir -p '%s/bin'", c->env);
	snprintf(cfg, sizeof(cfg), "%s/pyvenv.cfg", c->env);
	f = fopen(cfg, "w");
	if (!f || fputs("home = /usr/bin\n", f) < 0 || fclose(f))
		tap_ok(0, "setup: write %s", cfg);
}

/* Consent as the commands record it: judged by hand, then recorded. */
static void consent(struct ctx *c, enum vh_consent how)
{
	struct vh_policy_ask ask = { .mode = VH_POLICY_MANUAL, .force = 1 };
	struct vh_policy p;
	const char *why = NULL;
	char *file = NULL;

	if (vh_policy_check(&p, c->env, &ask) != 0 || !p.ok ||
	    vh_policy_consent(&p, how, &why, &file) != 0)
		tap_ok(0, "setup: record consent to %s (%s)", c->env, why ? why : vh_buf_str(&p.why));
	vh_policy_free(&p);
	free(file);
}

static void deny(struct ctx *c)
{
	struct vh_trust_entry e = { .decision = VH_DECISION_DENY };
	const char *why = NULL;
	char *file = NULL;

	e.path = realpath(c->env, NULL);
	if (!e.path || vh_trust_file(&file) != 0 || vh_trust_record(&why, file, &e) != 0)
		tap_ok(0, "setup: record a deny of %s", c->env);
	free(e.path);
	free(file);
}

static void set_mtime(const char *path, time_t when)
{
	struct timespec ts[2] = { { when, 0 }, { when, 0 } };

	if (utimensat(AT_FDCWD, path, ts, 0) != 0)
		tap_ok(0, "setup: utimensat %s", path);
}

static void s_env(struct ctx *c) { mkenv(c); }

/* an archive unpacked in place: every file's time from long ago */
static void s_archive(struct ctx *c)
{
	char p[600];

	mkenv(c);
	snprintf(p, sizeof(p), "%s/pyvenv.cfg", c->env);
	set_mtime(p, 1000000000);
	snprintf(p, sizeof(p), "%s/bin", c->env);
	set_mtime(p, 1000000000);
	set_mtime(c->env, 1000000000);
}

/* an archive unpacked after the watch began, its pyvenv.cfg's time set
 * to a moment since then: the change time gives it away */
static void s_archive_late(struct ctx *c)
{
	char p[600];

	c->watch->since.tv_sec -= 10;
	mkenv(c);
	snprintf(p, sizeof(p), "%s/pyvenv.cfg", c->env);
	set_mtime(p, c->watch->since.tv_sec + 2);
}

static void s_allowed(struct ctx *c) { mkenv(c); consent(c, VH_CONSENT_ALLOWED); }
static void s_made_recorded(struct ctx *c) { mkenv(c); consent(c, VH_CONSENT_MADE); }

static void s_replaced(struct ctx *c)
{
	mkenv(c);
	consent(c, VH_CONSENT_ALLOWED);
	sh("rm -rf '%s'", c->env);
	mkenv(c);
}

static void s_denied(struct ctx *c) { mkenv(c); deny(c); }

/* denied, then `activate --force` (which records "activated" and keeps the deny) */
static void s_denied_forced(struct ctx *c)
{
	mkenv(c);
	deny(c);
	consent(c, VH_CONSENT_ACTIVATED);
}

/* allowed, then denied: the newer deny wins */
static void s_allowed_denied(struct ctx *c)
{
	mkenv(c);
	consent(c, VH_CONSENT_ALLOWED);
	deny(c);
}

/* denied, activated with --force, then swapped for another directory:
 * the activate was of the one before, and the deny still holds */
static void s_denied_forced_replaced(struct ctx *c)
{
	s_denied_forced(c);
	sh("rm -rf '%s'", c->env);
	mkenv(c);
}

/* two allows of one path (a file edited by hand): the later line counts */
static void s_two_allows(struct ctx *c)
{
	struct vh_trust_entry e = { .decision = VH_DECISION_ALLOW, .how = VH_CONSENT_ALLOWED };
	char *file = NULL, old[4096];
	FILE *f;
	size_t n;

	mkenv(c);
	consent(c, VH_CONSENT_ALLOWED);
	e.path = realpath(c->env, NULL);
	strcpy(e.ident, "i1.1.1.1.1");
	strcpy(e.git, "-");
	e.when = 1;
	/* the stale allow first, then the real one */
	if (!e.path || vh_trust_file(&file) != 0 || !(f = fopen(file, "r")))
		tap_ok(0, "setup: two allows");
	n = fread(old, 1, sizeof(old) - 1, f);
	fclose(f);
	old[n] = '\0';
	f = fopen(file, "w");
	{
		struct vh_buf line = VH_BUF_INIT;

		if (!f || vh_trust_format_entry(&line, &e) < 0 || fputs(line.data, f) < 0 ||
		    fputs(old, f) < 0 || fclose(f))
			tap_ok(0, "setup: write two allows");
		vh_buf_free(&line);
	}
	free(e.path);
	free(file);
}

/* an allow and a deny of one path in the file (edited by hand: a deny
 * recorded by venvhook drops the allow): the deny holds */
static void s_allow_and_deny_lines(struct ctx *c)
{
	struct vh_trust_entry e = { .decision = VH_DECISION_DENY };
	struct vh_buf line = VH_BUF_INIT;
	char *file = NULL;
	FILE *f;

	mkenv(c);
	consent(c, VH_CONSENT_ALLOWED);
	e.path = realpath(c->env, NULL);
	if (!e.path || vh_trust_file(&file) != 0 || vh_trust_format_entry(&line, &e) < 0 ||
	    !(f = fopen(file, "a")) || fputs(line.data, f) < 0 || fclose(f))
		tap_ok(0, "setup: a deny line");
	vh_buf_free(&line);
	free(e.path);
	free(file);
}

/* allowed while git tracked none of it; git tracks it since */
static void s_allowed_then_tracked(struct ctx *c)
{
	mkenv(c);
	consent(c, VH_CONSENT_ALLOWED);
	sh("cd '%s' && git init -q . && git add .venv", c->proj);
}

/* there before the watch began (and so older than it) */
static void s_before_watch(struct ctx *c)
{
	const char *dirs[1] = { c->proj };

	mkenv(c);
	vh_watch_free(c->watch);
	memset(c->watch, 0, sizeof(*c->watch));
	c->watch->since.tv_sec = 0;
	if (vh_watch_update(c->watch, NULL, dirs, 1) < 0)
		tap_ok(0, "setup: watch");
}

/* appeared while watched, its bin/ from long ago (the rest made now) */
static void s_archive_bin(struct ctx *c)
{
	char p[600];

	mkenv(c);
	snprintf(p, sizeof(p), "%s/bin", c->env);
	set_mtime(p, 1000000000);
}

static void s_tracked(struct ctx *c)
{
	mkenv(c);
	sh("cd '%s' && git init -q . && git add .venv", c->proj);
}

static void s_parent_open(struct ctx *c) { mkenv(c); sh("chmod 0777 '%s'", c->proj); }
static void s_parent_sticky(struct ctx *c) { mkenv(c); sh("chmod 1777 '%s'", c->proj); }
static void s_env_open(struct ctx *c) { mkenv(c); sh("chmod o+w '%s'", c->env); }
static void s_cfg_open(struct ctx *c) { mkenv(c); sh("chmod o+w '%s/pyvenv.cfg'", c->env); }
static void s_bin_open(struct ctx *c) { mkenv(c); sh("chmod o+w '%s/bin'", c->env); }

static void s_open_allowed(struct ctx *c)
{
	s_env_open(c);
	consent(c, VH_CONSENT_ALLOWED);
}

static void s_bin_group(struct ctx *c)
{
	mkenv(c);
	sh("chgrp 12345 '%s/bin' && chmod g+w '%s/bin'", c->env, c->env);
}

/* group-writable, the group the user's own private one (umask 002) */
static void s_bin_private_group(struct ctx *c)
{
	char gid[32];

	mkenv(c);
	snprintf(gid, sizeof(gid), "%lu", (unsigned long)getgid());
	sh("chgrp %s '%s/bin'", gid, c->env);
	sh("chmod g+w '%s/bin'", c->env);
}

static void s_cfg_foreign(struct ctx *c) { mkenv(c); sh("chown 12345 '%s/pyvenv.cfg'", c->env); }
static void s_dir_foreign(struct ctx *c) { mkenv(c); sh("chown 12345 '%s'", c->env); }

static void s_trust_unreadable(struct ctx *c)
{
	mkenv(c);
	sh("mkdir -p '%s/share/venvhook/trust'", root);
}

static void s_trust_bad_lines(struct ctx *c)
{
	mkenv(c);
	sh("mkdir -p '%s/share/venvhook' && echo garbage > '%s/share/venvhook/trust'", root, root);
}

#define NO_ALLOW "; 'venvhook allow' trusts it"
#define NOT_SEEN "venvhook did not see you make it"
#define DENIED "you denied it; 'venvhook allow' undoes that"
#define ARCHIVE "it appeared here, but its files are older than that (an archive or a copy" \
		" that keeps times brought it)"
#define A VH_POLICY_AUTO
#define P VH_POLICY_PIN
#define M VH_POLICY_MANUAL
#define STRICT VH_CONFIG_TRUST_STRICT

static const struct row rows[] = {
	/* consent */
	{ "made here: appeared at a prompt, made then", "h/made/.venv", s_env, 1, A, 0, 0, STRICT,
	  1, VH_BASIS_MADE, "", "", 0 },
	{ "not seen made: no watch", "h/unseen/.venv", s_env, 0, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, NOT_SEEN NO_ALLOW, "", 0 },
	{ "made here, recorded: consent", "h/madeok/.venv", s_made_recorded, 0, A, 0, 0, STRICT,
	  1, VH_BASIS_CONSENT, "", "", 0 },
	{ "archive: appeared, files older than the watch", "h/tar/.venv", s_archive, 1, A, 0, 0,
	  STRICT, 0, VH_BASIS_NONE, ARCHIVE NO_ALLOW, "", 0 },
	{ "archive: times set since the watch, change time later", "h/tar2/.venv", s_archive_late, 1,
	  A, 0, 0, STRICT, 0, VH_BASIS_NONE, ARCHIVE NO_ALLOW, "", 0 },
	{ "allowed", "h/allowed/.venv", s_allowed, 0, A, 0, 0, STRICT, 1, VH_BASIS_CONSENT, "", "", 0 },
	{ "allowed, then replaced by another directory", "h/swap/.venv", s_replaced, 0, A, 0, 0,
	  STRICT, 0, VH_BASIS_NONE,
	  "it is not the env you allowed: that directory was replaced by another one since" NO_ALLOW,
	  "", 0 },
	{ "archive: bin/ older than the watch", "h/tar3/.venv", s_archive_bin, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, ARCHIVE NO_ALLOW, "", 0 },
	{ "there before the watch began: not seen made", "h/before/.venv", s_before_watch, 1, A, 0,
	  0, STRICT, 0, VH_BASIS_NONE, NOT_SEEN NO_ALLOW, "", 0 },
	{ "two allows of one path: the later line counts", "h/two/.venv", s_two_allows, 0, A, 0, 0,
	  STRICT, 1, VH_BASIS_CONSENT, "", "", 0 },
	{ "allowed, git tracks it since", "h/trk2/.venv", s_allowed_then_tracked, 0, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, "git tracks other files in it than when you allowed it" NO_ALLOW, "", 0 },
	/* deny */
	{ "denied beats made here", "h/denied/.venv", s_denied, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, DENIED NO_ALLOW, "", 0 },
	{ "denied beats an older allow", "h/alden/.venv", s_allowed_denied, 0, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, DENIED NO_ALLOW, "", 0 },
	{ "denied, activated with --force: still not automatic", "h/forced/.venv", s_denied_forced,
	  1, A, 0, 0, STRICT, 0, VH_BASIS_NONE, DENIED NO_ALLOW, "", 0 },
	{ "denied, activated with --force: kept while pinned", "h/forced2/.venv", s_denied_forced, 0,
	  P, 0, 0, STRICT, 1, VH_BASIS_CONSENT, "", "", 0 },
	{ "denied, activated with --force, then replaced: refused while pinned",
	  "h/.virtualenvs/dfr", s_denied_forced_replaced, 0, P, 0, 0, STRICT, 0, VH_BASIS_NONE, DENIED,
	  "", 0 },
	{ "an allow and a deny line: refused while pinned", "h/adpin/.venv", s_allow_and_deny_lines,
	  0, P, 0, 0, STRICT, 0, VH_BASIS_NONE, DENIED, "", 0 },
	{ "denied, pinned without an activate: refused", "h/dpin/.venv", s_denied, 0, P, 0, 0,
	  STRICT, 0, VH_BASIS_NONE, DENIED, "", 0 },
	{ "denied, activate without --force: refused", "h/dman/.venv", s_denied, 0, M, 0, 0, STRICT,
	  0, VH_BASIS_NONE, DENIED ", or use activate --force", "", 0 },
	{ "forced: activate --force takes a denied env", "h/dforce/.venv", s_denied, 0, M, 1, 0,
	  STRICT, 1, VH_BASIS_CHOSEN, "", "", 0 },
	{ "activate takes an env nobody else can write", "h/man/.venv", s_env, 0, M, 0, 0, STRICT,
	  1, VH_BASIS_CHOSEN, "", "", 0 },
	/* location */
	{ "store by location: ~/.virtualenvs", "h/.virtualenvs/st", s_env, 0, A, 0, 0, STRICT,
	  1, VH_BASIS_STORE, "", "", 0 },
	{ "pointer into a store: the project chose it", "h/.virtualenvs/pt", s_env, 0, A, 0, 1,
	  STRICT, 0, VH_BASIS_NONE, NOT_SEEN NO_ALLOW, "", 0 },
	/* git */
	{ "tracked: came with the repository", "h/tracked/.venv", s_tracked, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, "its files are tracked by git in @/h/tracked (it came with the"
	  " repository)" NO_ALLOW, "", 0 },
	/* owners and modes */
	{ "writable parent", "h/wp/.venv", s_parent_open, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE,
	  "the directory @/h/wp above it is writable by anyone, who could put another env in its"
	  " place" NO_ALLOW, "", 0 },
	{ "sticky parent: others can add, not swap", "h/sticky/.venv", s_parent_sticky, 1, A, 0, 0,
	  STRICT, 1, VH_BASIS_MADE, "", "", 0 },
	{ "env directory writable by anyone", "h/eo/.venv", s_env_open, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, "the env directory is writable by anyone" NO_ALLOW, "", 0 },
	{ "pyvenv.cfg writable by anyone", "h/co/.venv", s_cfg_open, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, "its pyvenv.cfg is writable by anyone" NO_ALLOW, "", 0 },
	{ "bin/ writable by anyone, activate without --force", "h/bo/.venv", s_bin_open, 0, M, 0, 0,
	  STRICT, 0, VH_BASIS_NONE, "its bin/ is writable by anyone; activate --force uses it anyway",
	  "", 0 },
	{ "bin/ writable by anyone, activate --force", "h/bof/.venv", s_bin_open, 0, M, 1, 0,
	  STRICT, 1, VH_BASIS_CHOSEN, "", "", 0 },
	{ "allow overrides the mode, not the identity", "h/oa/.venv", s_open_allowed, 0, A, 0, 0,
	  STRICT, 1, VH_BASIS_CONSENT, "", "", 0 },
	{ "group-writable, another group", "h/grp/.venv", s_bin_group, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, "its bin/ is writable by its group" NO_ALLOW, "", 1 },
	{ "private group: group-writable by the user's own group", "h/upg/.venv", s_bin_private_group,
	  1, A, 0, 0, STRICT, 1, VH_BASIS_MADE, "", "", 0 },
	{ "foreign-owned pyvenv.cfg", "h/fo/.venv", s_cfg_foreign, 1, A, 0, 0, STRICT, 0,
	  VH_BASIS_NONE, "its pyvenv.cfg belongs to uid 12345, not to you" NO_ALLOW, "", 1 },
	{ "foreign-owned env directory", "h/fd/.venv", s_dir_foreign, 1, A, 0, 0, STRICT, 0,
	  VH_BASIS_NONE, "the env directory belongs to uid 12345, not to you" NO_ALLOW, "", 1 },
	/* the trust file */
	{ "unreadable trust file: no decision applies, said once", "h/tu/.venv", s_trust_unreadable,
	  1, A, 0, 0, STRICT, 1, VH_BASIS_MADE, "",
	  "cannot read @/share/venvhook/trust, so no allow or deny applies\n", 0 },
	{ "trust file with a bad line", "h/tb/.venv", s_trust_bad_lines, 0, A, 0, 0, STRICT, 0,
	  VH_BASIS_NONE, NOT_SEEN NO_ALLOW,
	  "@/share/venvhook/trust: ignoring 1 line that is no decision (first: line 1)\n", 0 },
	/* the environment's markers */
	{ "inherited pin marker proves nothing, made here or not", "h/pin/.venv", s_env, 1, P, 0, 0, STRICT,
	  0, VH_BASIS_NONE, NOT_SEEN, "", 0 },
	/* the config */
	{ "trust = owner: no consent needed", "h/own/.venv", s_env, 0, A, 0, 0,
	  VH_CONFIG_TRUST_OWNER, 1, VH_BASIS_CONFIG, "", "", 0 },
	{ "trust = owner: modes still checked", "h/own2/.venv", s_env_open, 0, A, 0, 0,
	  VH_CONFIG_TRUST_OWNER, 0, VH_BASIS_NONE, "the env directory is writable by anyone" NO_ALLOW,
	  "", 0 },
	{ "trust = off: no checks", "h/off/.venv", s_env_open, 0, A, 0, 0, VH_CONFIG_TRUST_OFF,
	  1, VH_BASIS_CONFIG, "", "", 0 },
	{ "trust = off: a deny still holds", "h/offd/.venv", s_denied, 0, A, 0, 0,
	  VH_CONFIG_TRUST_OFF, 0, VH_BASIS_NONE, DENIED NO_ALLOW, "", 0 },
};

/* s with each '@' replaced by root. */
static const char *expand(struct vh_buf *b, const char *s)
{
	vh_buf_reset(b);
	for (; *s; s++)
		if (*s == '@')
			vh_buf_puts(b, root);
		else
			vh_buf_putc(b, *s);
	return vh_buf_str(b);
}

static void run_row(const struct row *r)
{
	struct vh_policy_ask ask = { .mode = r->mode, .force = r->force,
				     .project_chose = r->project_chose, .path = "/usr/bin:/bin" };
	struct vh_watch w;
	struct vh_policy p;
	struct vh_buf want = VH_BUF_INIT;
	struct ctx c;
	const char *dirs[1];
	char *slash;
	int rc;

	if (r->root_only && getuid() != 0) {
		printf("ok %d - %s # SKIP needs root\n", ++tap_count, r->rule);
		return;
	}
	memset(&w, 0, sizeof(w));
	snprintf(c.env, sizeof(c.env), "%s/%s", root, r->env);
	snprintf(c.proj, sizeof(c.proj), "%s", c.env);
	slash = strrchr(c.proj, '/');
	*slash = '\0';
	sh("rm -rf '%s/share/venvhook' && mkdir -p '%s'", root, c.proj);
	c.watch = &w;
	dirs[0] = c.proj;
	if (r->watch && vh_watch_update(&w, NULL, dirs, 1) < 0)
		tap_ok(0, "setup: watch");
	vh_config.trust = VH_CONFIG_TRUST_STRICT;
	r->setup(&c);
	vh_config.trust = r->config;
	ask.watch = r->watch ? &w : NULL;
	rc = vh_policy_check(&p, c.env, &ask);
	tap_ok(rc == 0 && p.ok == r->ok && p.basis == r->basis, "%s: %s (basis %d)", r->rule,
	       r->ok ? "taken" : "refused", (int)p.basis);
	if (rc || p.ok != r->ok || p.basis != r->basis)
		printf("#   got: rc %d, ok %d, basis %d\n", rc, p.ok, (int)p.basis);
	tap_str(vh_buf_str(&p.why), expand(&want, r->why), "  the reason the user sees");
	tap_str(vh_buf_str(&p.warnings), expand(&want, r->warn), "  and the warnings");
	vh_policy_free(&p);
	vh_watch_free(&w);
	vh_buf_free(&want);
}

int main(void)
{
	char cmd[128];
	size_t i;

	snprintf(root, sizeof(root), "/tmp/vh-policy.XXXXXX");
	if (!mkdtemp(root))
		return 1;
	setenv("XDG_DATA_HOME", root, 1);
	setenv("XDG_CONFIG_HOME", root, 1);
	setenv("XDG_CACHE_HOME", root, 1);
	snprintf(cmd, sizeof(cmd), "%s/share", root);
	setenv("XDG_DATA_HOME", cmd, 1);
	snprintf(cmd, sizeof(cmd), "%s/h", root);
	setenv("HOME", cmd, 1);
	mkdir(cmd, 0755);
	unsetenv("WORKON_HOME");
	unsetenv("PIPENV_VENV_IN_PROJECT");
	unsetenv("POETRY_VIRTUALENVS_PATH");
	unsetenv("PYENV_ROOT");
	unsetenv("UV_PROJECT_ENVIRONMENT");
	/* git's answer in time on any machine, under valgrind too: the
	 * timeout's own rule is tested in trust.bats */
	setenv("VENVHOOK_GIT_TIMEOUT_MS", "120000", 1);
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	if (vh_config_load() != 0)
		tap_ok(0, "config: loaded");
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		run_row(&rows[i]);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		tap_ok(0, "clean up %s", root);
	return tap_done();
}
