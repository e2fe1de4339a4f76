/* The trust policy as a table (README "Trust", core/trust/policy.h): one
 * row per rule, each a real env on disk, a real trust file and a real
 * watch, judged by vh_policy_check; each row asserts the decision, its
 * basis and the line the user sees (the reason, then any warning); a row
 * that is taken, the path put on PATH (what was judged: the path as given
 * only when no one else can make it lead elsewhere) and, when forced, what
 * others can change.
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
#include "core/trust/madeby.h"
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
	int needs;        /* NEEDS_ROOT (chown), NEEDS_ACL (setfacl) */
	/* optional (NULL: the default) */
	const char *via;     /* the path judged, under root (default: env) */
	const char *use;     /* taken: the path put on PATH, '@' for root (default: the
			      * path judged, as given) */
	const char *exposed; /* taken by force: what others can change (default "") */
	const char *home;    /* $HOME, under root (default h) */
	const char *data;    /* $XDG_DATA_HOME, under root (default share) */
	/* __venvhook_cmdlines as the hook hands it (madeby.h), each line run
	 * in the project: NULL for the line that made the env (MADE_LINE), so
	 * that every other rule is seen to hold for an env made here (the
	 * line is necessary, never sufficient); "" for none handed */
	const char *lines;
};

#define NEEDS_ROOT 1
#define NEEDS_ACL 2

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

/* root/rel into buf, which has room for a path */
static const char *under(char *buf, size_t size, const char *rel)
{
	snprintf(buf, size, "%s/%s", root, rel);
	return buf;
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

/* A conda prefix as conda lays it out (no pyvenv.cfg): conda-meta/history
 * as History.write_head writes it (conda/history.py at conda 0f64223f),
 * and bin/. */
static void mkconda(struct ctx *c)
{
	sh("mkdir -p '%s/bin' '%s/conda-meta' && printf '==> 2026-01-01 00:00:00 <==\\n# cmd:"
	   " conda create -p .conda python\\n' >'%s/conda-meta/history'", c->env, c->env, c->env);
}
static void s_conda(struct ctx *c) { mkconda(c); }
static void s_conda_allowed(struct ctx *c) { mkconda(c); consent(c, VH_CONSENT_ALLOWED); }
/* pixi's default env, in a project that holds its manifest (pixi's walk up
 * ends there: madeby.c) */
static void s_pixi(struct ctx *c) { mkconda(c); sh("touch '%s/../../pixi.toml'", c->proj); }
static void s_conda_meta_open(struct ctx *c) { mkconda(c); sh("chmod o+w '%s/conda-meta'", c->env); }
static void s_conda_history_open(struct ctx *c)
{
	mkconda(c);
	sh("chmod o+w '%s/conda-meta/history'", c->env);
}
static void s_conda_bin_open(struct ctx *c) { mkconda(c); sh("chmod o+w '%s/bin'", c->env); }
static void s_conda_history_fifo(struct ctx *c)
{
	sh("mkdir -p '%s/bin' '%s/conda-meta' && mkfifo '%s/conda-meta/history'", c->env, c->env,
	   c->env);
}
static void s_conda_base(struct ctx *c)
{
	mkconda(c);
	sh("mkdir -p '%s/condabin' && touch '%s/condabin/conda'", c->env, c->env);
}
static void s_conda_parent_open(struct ctx *c) { mkconda(c); sh("chmod 0777 '%s'", c->proj); }
static void s_conda_denied(struct ctx *c);
static void s_conda_tracked(struct ctx *c)
{
	mkconda(c);
	sh("cd '%s' && git init -q && git add .conda && git -c user.name=t -c user.email=t@t"
	   " commit -qm x", c->proj);
}

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
static void s_conda_denied(struct ctx *c) { mkconda(c); deny(c); }

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
	const char *dirs[2] = { c->proj, c->env };

	mkenv(c);
	vh_watch_free(c->watch);
	memset(c->watch, 0, sizeof(*c->watch));
	c->watch->since.tv_sec = 0;
	if (vh_watch_update(c->watch, c->proj, dirs, 2) < 0)
		tap_ok(0, "setup: watch");
}

/* there at the last export (a watched path), made again since */
static void s_there_remade(struct ctx *c)
{
	s_before_watch(c);
	sh("rm -rf '%s'", c->env);
	mkenv(c);
}

/* appeared while watched, its bin/ from long ago (the rest made now) */
static void s_archive_bin(struct ctx *c)
{
	char p[600];

	mkenv(c);
	snprintf(p, sizeof(p), "%s/bin", c->env);
	set_mtime(p, 1000000000);
}

/* a watch a cd by the region's shortcut moved, still holding the env's
 * path (the old directory's, which the hook no longer looks at) */
static void s_shortcut_watched(struct ctx *c)
{
	c->watch->moved = 1;
	mkenv(c);
}

/* a cd by the region's shortcut into the env's project: the hook has
 * looked at the env's path before every line since */
static void s_shortcut_here(struct ctx *c)
{
	const char *rel[1] = { ".venv" };

	if (vh_watch_move(c->watch, c->proj, rel, 1) < 0)
		tap_ok(0, "setup: move");
	mkenv(c);
}

/* a watch a cd by the region's shortcut moved (the lines begin at that
 * cd), and an env made since where it does not look */
static void s_shortcut_unwatched(struct ctx *c)
{
	const char *dirs[1] = { c->proj };

	vh_watch_free(c->watch);
	memset(c->watch, 0, sizeof(*c->watch));
	if (vh_watch_update(c->watch, c->proj, dirs, 1) < 0)
		tap_ok(0, "setup: watch");
	c->watch->moved = 1;
	mkenv(c);
}

/* an env made elsewhere before the watch began, moved in since: its
 * files' birth times, which nobody can set, are older than the watch */
static void s_moved_in(struct ctx *c)
{
	const char *dirs[2] = { c->proj, c->env };
	char env[512];

	strcpy(env, c->env);
	if (snprintf(c->env, sizeof(c->env), "%s.made", env) >= (int)sizeof(c->env))
		tap_ok(0, "setup: %s.made is too long", env);
	mkenv(c);
	strcpy(c->env, env);
	/* (the file system's clock is coarse: the watch begins clearly later) */
	sh("sleep 0.1");
	vh_watch_free(c->watch);
	memset(c->watch, 0, sizeof(*c->watch));
	if (vh_watch_update(c->watch, c->proj, dirs, 2) < 0)
		tap_ok(0, "setup: watch");
	sh("mv '%s.made' '%s'", c->env, c->env);
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

/* ACLs: a named user may write bin/ */
static void s_bin_acl(struct ctx *c) { mkenv(c); sh("setfacl -m u:12345:rwx '%s/bin'", c->env); }

/* a default ACL on the directory above, set after the env was made */
static void s_parent_default_acl(struct ctx *c)
{
	mkenv(c);
	sh("setfacl -d -m u:12345:rwx '%s'", c->proj);
}

/* a default ACL on the store, the env made in it since: inherited */
static void s_store_default_acl(struct ctx *c)
{
	sh("setfacl -d -m u:12345:rwx '%s'", c->proj);
	mkenv(c);
}

/* a directory above $HOME that anyone may write (HOME is @/up/hh) */
static void s_above_home_open(struct ctx *c)
{
	mkenv(c);
	sh("chmod 0777 '%s/up'", root);
}

/* the env reached through a symlink (.venv -> env) */
static void s_link(struct ctx *c)
{
	mkenv(c);
	sh("ln -s env '%s/.venv'", c->proj);
}

static void s_link_foreign(struct ctx *c)
{
	s_link(c);
	sh("chown -h 12345 '%s/.venv'", c->proj);
}

/* allowed, then a directory symlink to its project (@/h/open/p -> ../lko)
 * in a directory anyone can write */
static void s_link_in_open_dir(struct ctx *c)
{
	mkenv(c);
	consent(c, VH_CONSENT_ALLOWED);
	sh("mkdir -p '%s/h/open' && chmod 0777 '%s/h/open' && ln -s ../lko '%s/h/open/p'", root, root,
	   root);
}

/* allowed; then its bin/ a symlink to nothing yet, in a directory anyone
 * can write (the attacker makes it after the check) */
static void s_bin_dangling(struct ctx *c)
{
	mkenv(c);
	consent(c, VH_CONSENT_ALLOWED);
	sh("mkdir -p '%s/h/shared' && chmod 0777 '%s/h/shared' && rm -rf '%s/bin' &&"
	   " ln -s '%s/h/shared/nobin' '%s/bin'", root, root, c->env, root, c->env);
}

/* allowed; its bin/ a symlink to a directory of the user's (or, open:
 * one in a directory anyone can write, who could swap it) */
static void bin_linked(struct ctx *c, const char *to, int open)
{
	mkenv(c);
	consent(c, VH_CONSENT_ALLOWED);
	sh("mkdir -p '%s/%s' && chmod %s '%s/%s' && mv '%s/bin' '%s/%s/bin' &&"
	   " ln -s '%s/%s/bin' '%s/bin'", root, to, open ? "0777" : "0755", root, to, c->env, root,
	   to, root, to, c->env);
}

static void s_bin_link_open(struct ctx *c) { bin_linked(c, "h/open3", 1); }
static void s_bin_link_own(struct ctx *c) { bin_linked(c, "h/own3", 0); }

/* allowed; then what runs from it besides bin/ itself changed: a link in
 * bin/ to nothing yet or through a directory anyone can write, a
 * site-packages others can write (a .pth file there runs at every start) */
static void contents(struct ctx *c, const char *how)
{
	mkenv(c);
	sh("mkdir -p '%s/lib/python3.11/site-packages'", c->env);
	consent(c, VH_CONSENT_ALLOWED);
	sh("cd '%s' && mkdir -p '%s/h/shared' && chmod 0777 '%s/h/shared' && %s", c->env, root, root,
	   how);
}

static void s_python_dangling(struct ctx *c)
{
	char how[600];

	snprintf(how, sizeof(how), "ln -s '%s/h/gone/py' bin/python", root);
	contents(c, how);
}

static void s_python_link_open(struct ctx *c)
{
	char how[600];

	snprintf(how, sizeof(how), "mkdir -p '%s/h/shared/py' && ln -s '%s/h/shared/py/python3'"
		 " bin/python && touch '%s/h/shared/py/python3'", root, root, root);
	contents(c, how);
}

static void s_site_open(struct ctx *c) { contents(c, "chmod o+w lib/python3.11/site-packages"); }
static void s_site_acl(struct ctx *c) { contents(c, "setfacl -m u:12345:rwx lib/python3.11/site-packages"); }
static void s_lib_open(struct ctx *c) { contents(c, "chmod o+w lib"); }

/* an env python3 -m venv made (its links lead to the system's python) */
static void s_real_venv(struct ctx *c)
{
	sh("/usr/bin/python3 -m venv --without-pip '%s'", c->env);
	consent(c, VH_CONSENT_ALLOWED);
}

/* allowed, the trust file then someone else's */
static void s_trust_foreign(struct ctx *c)
{
	mkenv(c);
	consent(c, VH_CONSENT_ALLOWED);
	sh("chown 12345 '%s/share/venvhook/trust'", root);
}

/* allowed, the trust file then copied into $XDG_DATA_HOME (the row's,
 * data, which venvhook has not looked at yet: a place's verdict is kept
 * for the process), and how (a command; $d is that directory) applied */
static void own_files_in(struct ctx *c, const char *data, const char *how)
{
	char d[512];

	mkenv(c);
	setenv("XDG_DATA_HOME", under(d, sizeof(d), "share"), 1);
	consent(c, VH_CONSENT_ALLOWED);
	setenv("XDG_DATA_HOME", under(d, sizeof(d), data), 1);
	sh("d='%s' && mkdir -p \"$d/venvhook\" && cp '%s/share/venvhook/trust' \"$d/venvhook/trust\" && %s",
	   d, root, how);
}

static void s_own_dir_open(struct ctx *c) { own_files_in(c, "x1", "chmod 0777 \"$d/venvhook\""); }
static void s_own_root_acl(struct ctx *c) { own_files_in(c, "x2", "setfacl -m u:12345:rwx \"$d\""); }
/* a shared XDG root as /tmp is: sticky, anyone may add to it */
static void s_own_root_sticky(struct ctx *c) { own_files_in(c, "x3", "chmod 1777 \"$d\""); }
/* the XDG root and its venvhook/ the user's own, a directory above them not */
static void s_own_above_open(struct ctx *c) { own_files_in(c, "x4/d", "chmod 0777 \"$d/..\""); }

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
#define FORCE_IT "; 'venvhook activate --force' uses it anyway"
#define UNKNOWN "your decisions cannot be read, so a deny of it could not be honoured"
#define IGNORING "ignoring your decisions: "
#define UNTIL "; until that is fixed, no env is activated but by 'venvhook activate --force'\n"
#define ARCHIVE "it appeared here, but its files are older than that (an archive or a copy" \
		" that keeps times brought it)"
#define THERE "it was already here when you arrived"
#define NO_LINE "it appeared, but this shell did not tell venvhook which command made it"
#define UNREADABLE "it appeared, but venvhook could not read the commands you ran"
#define BROUGHT(cmd) "it appeared with " cmd " (an env that may have come with files unpacked," \
		     " fetched, cloned, copied or moved is not taken as yours)"
#define NOT_MAKER "it appeared, but not from a command venvhook knows to make envs" \
		  " (python -m venv, virtualenv, uv, poetry, pipenv, pdm, hatch, conda, pixi)"
/* __venvhook_cmdlines of one line (no flags, no FROM) */
#define LINE(l) "\036\036" l "\037\036"
#define MADE_LINE LINE("python3 -m venv .venv")
#define A VH_POLICY_AUTO
#define P VH_POLICY_PIN
#define M VH_POLICY_MANUAL
#define STRICT VH_CONFIG_TRUST_STRICT

/* a row names only what it needs; the fields it leaves out are the defaults */
/* more than VH_LINES_MAX of lines, filled in by main */
static char big_lines[VH_LINES_MAX + 64];

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
static const struct row rows[] = {
	/* consent */
	{ "made here: appeared at a prompt, made then", "h/made/.venv", s_env, 1, A, 0, 0, STRICT,
	  1, VH_BASIS_MADE, "", "", 0 },
	{ "not seen made: no watch", "h/unseen/.venv", s_env, 0, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, NOT_SEEN NO_ALLOW, "", 0 },
	{ "made here, recorded: consent", "h/madeok/.venv", s_made_recorded, 0, A, 0, 0, STRICT,
	  1, VH_BASIS_CONSENT, "", "", 0 },
	{ "archive: unpacked at the prompt (tar), files older than the watch", "h/tar/.venv",
	  s_archive, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE, BROUGHT("tar") NO_ALLOW, "", 0,
	  .lines = LINE("tar xzf ../p.tgz") },
	{ "archive: fetched and unpacked (curl | tar), times set since the watch", "h/tar2/.venv",
	  s_archive_late, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE, BROUGHT("curl") NO_ALLOW, "", 0,
	  .lines = LINE("curl -s https://example.org/p.tgz | tar xz") },
	{ "archive: born before the watch, moved in while a line made envs", "h/tar4/.venv",
	  s_moved_in, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE, ARCHIVE NO_ALLOW, "", 0 },
	{ "times anyone can set decide nothing: files from 2001, made by the line", "h/old/.venv",
	  s_archive, 1, A, 0, 0, STRICT, 1, VH_BASIS_MADE, "", "", 0 },
	/* made here: the line is necessary */
	{ "after a shortcut cd and more lines than are handed, a watched path: the last line cannot vouch",
	  "h/shortcut/.venv", s_shortcut_watched, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE,
	  "it appeared where venvhook was not watching, after more commands than this shell hands"
	  " venvhook" NO_ALLOW, "", 0, .lines = "t" MADE_LINE },
	{ "after a shortcut cd into its directory, a path the hook looked at since: the last line vouches",
	  "h/shorthere/.venv", s_shortcut_here, 1, A, 0, 0, STRICT, 1, VH_BASIS_MADE, "", "", 0,
	  .lines = "t" MADE_LINE },
	{ "after a cd by the region's shortcut, an env where it did not look: the lines cannot vouch",
	  "h/short/.venv", s_shortcut_unwatched, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE,
	  "it appeared where venvhook was not watching, after more commands than this shell hands"
	  " venvhook" NO_ALLOW, "", 0 },
	{ "made here needs a line: the shell handed none", "h/nol/.venv", s_env, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, NO_LINE NO_ALLOW, "", 0, .lines = "" },
	{ "made here: the lines not read yet, export asks for them", "h/ask/.venv", s_env, 1, A, 0, 0,
	  STRICT, 0, VH_BASIS_NONE, "venvhook needs the commands you ran" NO_ALLOW, "", 0, .lines = "?" },
	{ "forged __venvhook_cmdlines (a line holds the byte 036): unreadable", "h/forged/.venv",
	  s_env, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE, UNREADABLE NO_ALLOW, "", 0,
	  .lines = "\036\036python3 -m venv .venv\036\037\036" },
	{ "oversized __venvhook_cmdlines (over 256 KiB): unreadable", "h/big/.venv", s_env, 1, A, 0,
	  0, STRICT, 0, VH_BASIS_NONE, UNREADABLE NO_ALLOW, "", 0, .lines = big_lines },
	{ "a line missing from the history: cannot tell", "h/gap/.venv", s_env, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, "it appeared, but a command you ran since is not in the shell's history,"
	  " so venvhook cannot tell what made it" NO_ALLOW, "", 0, .lines = "g" MADE_LINE },
	{ "a line that makes no env", "h/ls/.venv", s_env, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE,
	  NOT_MAKER NO_ALLOW, "", 0, .lines = LINE("ls -la") },
	{ "a line that makes another env", "h/other/.venv", s_env, 1, A, 0, 0, STRICT, 0,
	  VH_BASIS_NONE, NOT_MAKER NO_ALLOW, "", 0, .lines = LINE("python3 -m venv ../elsewhere/.venv") },
	{ "unpack, then env-making on the same line: refused", "h/both/.venv", s_archive_bin, 1, A, 0,
	  0, STRICT, 0, VH_BASIS_NONE, BROUGHT("tar") NO_ALLOW, "", 0,
	  .lines = LINE("tar xzf ../p.tgz && python3 -m venv .venv") },
	{ "made by virtualenv naming it", "h/ve/.venv", s_env, 1, A, 0, 0, STRICT, 1, VH_BASIS_MADE,
	  "", "", 0, .lines = LINE("virtualenv .venv") },
	{ "allowed", "h/allowed/.venv", s_allowed, 0, A, 0, 0, STRICT, 1, VH_BASIS_CONSENT, "", "", 0 },
	{ "allowed, then replaced by another directory", "h/swap/.venv", s_replaced, 0, A, 0, 0,
	  STRICT, 0, VH_BASIS_NONE,
	  "it is not the env you allowed: that directory was replaced by another one since" NO_ALLOW,
	  "", 0 },
	{ "there before the watch began: already here", "h/before/.venv", s_before_watch, 1, A, 0,
	  0, STRICT, 0, VH_BASIS_NONE, THERE NO_ALLOW, "", 0 },
	{ "there at the last export, made again since: already here", "h/remade/.venv",
	  s_there_remade, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE, THERE NO_ALLOW, "", 0,
	  .lines = LINE("rm -rf .venv && python3 -m venv .venv") },
	{ "two allows of one path: the later line counts", "h/two/.venv", s_two_allows, 0, A, 0, 0,
	  STRICT, 1, VH_BASIS_CONSENT, "", "", 0 },
	{ "allowed, git tracks it since", "h/trk2/.venv", s_allowed_then_tracked, 0, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, "git tracks other files in it than when you allowed it" NO_ALLOW, "", 0 },
	/* deny */
	{ "denied beats made here", "h/denied/.venv", s_denied, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, DENIED, "", 0 },
	{ "denied beats an older allow", "h/alden/.venv", s_allowed_denied, 0, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, DENIED, "", 0 },
	{ "denied, activated with --force: still not automatic", "h/forced/.venv", s_denied_forced,
	  1, A, 0, 0, STRICT, 0, VH_BASIS_NONE, DENIED, "", 0 },
	{ "denied, activated with --force: a pin without this shell's --force is refused",
	  "h/forced2/.venv", s_denied_forced, 0, P, 0, 0, STRICT, 0, VH_BASIS_NONE, DENIED, "", 0 },
	{ "denied, activated with --force: kept while pinned by this shell's --force",
	  "h/forced3/.venv", s_denied_forced, 0, P, 1, 0, STRICT, 1, VH_BASIS_CHOSEN, "", "", 0 },
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
	{ "a store path a project setting placed (poetry.toml): not the user's by location", "h/.virtualenvs/pt", s_env, 0, A, 0, 1,
	  STRICT, 0, VH_BASIS_NONE, NOT_SEEN NO_ALLOW, "", 0 },
	/* git */
	{ "tracked: came with the repository", "h/tracked/.venv", s_tracked, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, "its files are tracked by git in @/h/tracked (it came with the"
	  " repository)" NO_ALLOW, "", 0 },
	/* owners and modes */
	{ "writable parent", "h/wp/.venv", s_parent_open, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE,
	  "the directory @/h/wp above it is writable by anyone, who could put another env in its"
	  " place" FORCE_IT, "", 0 },
	{ "sticky parent: others can add, not swap", "h/sticky/.venv", s_parent_sticky, 1, A, 0, 0,
	  STRICT, 1, VH_BASIS_MADE, "", "", 0 },
	{ "env directory writable by anyone", "h/eo/.venv", s_env_open, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, "the env directory is writable by anyone" FORCE_IT, "", 0 },
	{ "pyvenv.cfg writable by anyone", "h/co/.venv", s_cfg_open, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, "its pyvenv.cfg is writable by anyone" FORCE_IT, "", 0 },
	{ "bin/ writable by anyone, activate without --force", "h/bo/.venv", s_bin_open, 0, M, 0, 0,
	  STRICT, 0, VH_BASIS_NONE, "its bin/ is writable by anyone; activate --force uses it anyway",
	  "", 0 },
	{ "bin/ writable by anyone, activate --force: taken, and said", "h/bof/.venv", s_bin_open, 0,
	  M, 1, 0, STRICT, 1, VH_BASIS_CHOSEN, "", "", 0, .exposed = "its bin/ is writable by anyone" },
	{ "allow does not override the mode: consent cannot make a swappable env safe", "h/oa/.venv",
	  s_open_allowed, 0, A, 0, 0, STRICT, 0, VH_BASIS_NONE,
	  "the env directory is writable by anyone" FORCE_IT, "", 0 },
	{ "group-writable, another group", "h/grp/.venv", s_bin_group, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, "its bin/ is writable by its group" FORCE_IT, "", 1 },
	{ "private group: group-writable by the user's own group", "h/upg/.venv", s_bin_private_group,
	  1, A, 0, 0, STRICT, 1, VH_BASIS_MADE, "", "", 0 },
	{ "foreign-owned pyvenv.cfg", "h/fo/.venv", s_cfg_foreign, 1, A, 0, 0, STRICT, 0,
	  VH_BASIS_NONE, "its pyvenv.cfg belongs to uid 12345, not to you" FORCE_IT, "", 1 },
	{ "foreign-owned env directory", "h/fd/.venv", s_dir_foreign, 1, A, 0, 0, STRICT, 0,
	  VH_BASIS_NONE, "the env directory belongs to uid 12345, not to you" FORCE_IT, "", 1 },
	/* ACLs (POSIX.1e): an entry, or a default ACL on a directory above */
	{ "ACL: a named user may write bin/", "h/acl/.venv", s_bin_acl, 1, A, 0, 0, STRICT, 0,
	  VH_BASIS_NONE, "its bin/ is writable by another user through an ACL" FORCE_IT, "", NEEDS_ACL },
	{ "ACL: a default ACL on the directory above", "h/dacl/.venv", s_parent_default_acl, 1, A, 0,
	  0, STRICT, 0, VH_BASIS_NONE, "the directory @/h/dacl above it has a default ACL that lets"
	  " another user write what is made in it, who could put another env in its place" FORCE_IT,
	  "", NEEDS_ACL },
	{ "ACL: made in a store whose default ACL it inherits", "h2/.virtualenvs/dacl",
	  s_store_default_acl, 0, A, 0, 0, STRICT, 0, VH_BASIS_NONE,
	  "the env directory is writable by another user through an ACL" FORCE_IT, "", NEEDS_ACL,
	  .home = "h2" },
	/* every directory from / down, not only up to $HOME */
	{ "writable directory above $HOME", "up/hh/p/.venv", s_above_home_open, 1, A, 0, 0, STRICT, 0,
	  VH_BASIS_NONE, "the directory @/up above it is writable by anyone, who could put another"
	  " env in its place" FORCE_IT, "", 0, .home = "up/hh" },
	/* the path judged is the path used */
	{ "symlink on the path, the user's: the path as found goes on PATH", "h/lk/env", s_link, 1, A,
	  0, 0, STRICT, 1, VH_BASIS_MADE, "", "", 0, .via = "h/lk/.venv" },
	{ "symlink on the path owned by someone else: the real path goes on PATH", "h/lkf/env",
	  s_link_foreign, 1, A, 0, 0, STRICT, 1, VH_BASIS_MADE, "", "", NEEDS_ROOT,
	  .via = "h/lkf/.venv", .use = "@/h/lkf/env" },
	{ "directory symlink in a directory anyone can write: the real path goes on PATH",
	  "h/lko/env", s_link_in_open_dir, 0, A, 0, 0, STRICT, 1, VH_BASIS_CONSENT, "", "", 0,
	  .via = "h/open/p/env", .use = "@/h/lko/env" },
	/* a bin/ that is a symlink: judged all the way to what it leads to */
	{ "bin/ a symlink to nothing yet: not judged as absent", "h/bdl/.venv", s_bin_dangling, 0, A,
	  0, 0, STRICT, 0, VH_BASIS_NONE, "its bin/ is a symlink that leads nowhere yet (what it leads"
	  " to is made by whoever can write there)", "", 0 },
	{ "bin/ a symlink through a directory anyone can write: refused", "h/bln/.venv",
	  s_bin_link_open, 0, A, 0, 0, STRICT, 0, VH_BASIS_NONE, "its bin/ is a symlink, and"
	  " @/h/open3 on the way to what it leads to is writable by anyone" FORCE_IT, "", 0 },
	{ "bin/ a symlink to a directory of the user's: taken", "h/blo/.venv", s_bin_link_own, 0, A,
	  0, 0, STRICT, 1, VH_BASIS_CONSENT, "", "", 0 },
	/* what runs from it besides bin/ itself: the links in bin/, site-packages */
	{ "a link in bin/ to nothing yet: refused", "h/pyd/.venv", s_python_dangling, 0, A, 0, 0,
	  STRICT, 0, VH_BASIS_NONE, "its bin/python is a symlink that leads nowhere (what it would"
	  " lead to is made by whoever can write there)" FORCE_IT, "", 0 },
	{ "a link in bin/ through a directory anyone can write: refused", "h/pyo/.venv",
	  s_python_link_open, 0, A, 0, 0, STRICT, 0, VH_BASIS_NONE, "its bin/python is a symlink,"
	  " and @/h/shared on the way to what it leads to is writable by anyone" FORCE_IT, "", 0 },
	{ "site-packages writable by anyone: refused", "h/spo/.venv", s_site_open, 0, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, "its lib/python3.11/site-packages/ is writable by anyone" FORCE_IT, "", 0 },
	{ "site-packages writable through an ACL: refused", "h/spa/.venv", s_site_acl, 0, A, 0, 0,
	  STRICT, 0, VH_BASIS_NONE, "its lib/python3.11/site-packages/ is writable by another user"
	  " through an ACL" FORCE_IT, "", NEEDS_ACL },
	{ "lib/ writable by anyone: refused", "h/libo/.venv", s_lib_open, 0, A, 0, 0, STRICT, 0,
	  VH_BASIS_NONE, "its lib/ is writable by anyone" FORCE_IT, "", 0 },
	{ "an env python3 -m venv made: its links lead to the system's python", "h/real/.venv",
	  s_real_venv, 0, A, 0, 0, STRICT, 1, VH_BASIS_CONSENT, "", "", 0 },
	/* the trust file */
	{ "unreadable trust file: nothing a deny might cover is taken, said once", "h/tu/.venv",
	  s_trust_unreadable, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE, UNKNOWN,
	  IGNORING "@/share/venvhook/trust is not a regular file" UNTIL, 0 },
	{ "trust file with a bad line", "h/tb/.venv", s_trust_bad_lines, 0, A, 0, 0, STRICT, 0,
	  VH_BASIS_NONE, NOT_SEEN NO_ALLOW,
	  "@/share/venvhook/trust: ignoring 1 line that is no decision (first: line 1)\n", 0 },
	/* venvhook's own files: believed only when the user's alone */
	{ "own files: the trust file belongs to someone else", "h/tf/.venv", s_trust_foreign, 0, A,
	  0, 0, STRICT, 0, VH_BASIS_NONE, UNKNOWN,
	  IGNORING "@/share/venvhook/trust belongs to another user" UNTIL, NEEDS_ROOT },
	{ "own files: their directory writable by anyone", "h/xo/.venv", s_own_dir_open, 0, A, 0, 0,
	  STRICT, 0, VH_BASIS_NONE, UNKNOWN, IGNORING "@/x1/venvhook is writable by anyone" UNTIL, 0,
	  .data = "x1" },
	{ "own files: an ACL entry on the XDG root", "h/xa/.venv", s_own_root_acl, 0, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, UNKNOWN,
	  IGNORING "@/x2 is writable by another user through an ACL" UNTIL, NEEDS_ACL, .data = "x2" },
	{ "own files: the XDG root sticky and writable by anyone", "h/xs/.venv", s_own_root_sticky, 0,
	  A, 0, 0, STRICT, 0, VH_BASIS_NONE, UNKNOWN,
	  IGNORING "@/x3 is writable by anyone" UNTIL, 0, .data = "x3" },
	{ "own files: a directory above the XDG root writable by anyone", "h/xw/.venv",
	  s_own_above_open, 0, A, 0, 0, STRICT, 0, VH_BASIS_NONE, UNKNOWN,
	  IGNORING "@/x4 is writable by anyone" UNTIL, 0, .data = "x4/d" },
	{ "own files unusable: activate without --force is refused", "h/xm/.venv", s_own_dir_open, 0,
	  M, 0, 0, STRICT, 0, VH_BASIS_NONE, UNKNOWN "; activate --force uses it anyway",
	  IGNORING "@/x1/venvhook is writable by anyone" UNTIL, 0, .data = "x1" },
	{ "own files unusable: activate --force still takes it", "h/xf/.venv", s_own_dir_open, 0, M,
	  1, 0, STRICT, 1, VH_BASIS_CHOSEN, "", IGNORING "@/x1/venvhook is writable by anyone" UNTIL,
	  0, .data = "x1" },
	/* the environment's markers */
	{ "inherited pin marker proves nothing, made here or not", "h/pin/.venv", s_env, 1, P, 0, 0, STRICT,
	  0, VH_BASIS_NONE, NOT_SEEN, "", 0 },
	/* a conda prefix (conda-meta/history, no pyvenv.cfg): judged as a venv is */
	{ "conda prefix: not seen made", "h/cn/.conda", s_conda, 0, A, 0, 0, STRICT, 0, VH_BASIS_NONE,
	  NOT_SEEN NO_ALLOW, "", 0 },
	{ "conda prefix: made here by conda create -p", "h/cmh/.conda", s_conda, 1, A, 0, 0, STRICT, 1,
	  VH_BASIS_MADE, "", "", 0, .lines = LINE("conda create -y -p .conda python=3.11") },
	{ "conda prefix: conda install does not make one", "h/cmi/.conda", s_conda, 1, A, 0, 0, STRICT,
	  0, VH_BASIS_NONE, NOT_MAKER NO_ALLOW, "", 0, .lines = LINE("conda install -p .conda numpy") },
	{ "pixi env: made here by pixi install, run in the project", "h/pxm/.pixi/envs/default",
	  s_pixi, 1, A, 0, 0, STRICT, 1, VH_BASIS_MADE, "", "", 0,
	  .lines = LINE("cd ../.. && pixi install") },
	{ "pixi env: pixi install in another project does not make it", "h/pxo/.pixi/envs/default",
	  s_conda, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE, NOT_MAKER NO_ALLOW, "", 0,
	  .lines = LINE("cd ../../../other && pixi install") },
	/* made here by its tool: every other rule still holds */
	{ "conda prefix made by conda create -p, tracked by git: came with the repository",
	  "h/cmt/.conda", s_conda_tracked, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE,
	  "its files are tracked by git in @/h/cmt (it came with the repository)" NO_ALLOW, "", 0,
	  .lines = LINE("conda create -y -p .conda python=3.11") },
	{ "conda prefix made by conda create -p under a directory anyone can write",
	  "h/cmw/.conda", s_conda_parent_open, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE,
	  "the directory @/h/cmw above it is writable by anyone, who could put another env in its"
	  " place" FORCE_IT, "", 0, .lines = LINE("conda create -y -p .conda python=3.11") },
	{ "conda prefix made by conda create -p, denied: the deny holds", "h/cmd/.conda",
	  s_conda_denied, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE, DENIED, "", 0,
	  .lines = LINE("conda create -y -p .conda python=3.11") },
	{ "pixi env made by pixi install under a directory anyone can write",
	  "h/pxw/.pixi/envs/default", s_conda_parent_open, 1, A, 0, 0, STRICT, 0, VH_BASIS_NONE,
	  "the directory @/h/pxw/.pixi/envs above it is writable by anyone, who could put another"
	  " env in its place" FORCE_IT, "", 0, .lines = LINE("cd ../.. && pixi install") },
	{ "conda prefix: conda create --clone copies another prefix", "h/cmc/.conda", s_conda, 1, A,
	  0, 0, STRICT, 0, VH_BASIS_NONE, BROUGHT("conda create --clone") NO_ALLOW, "", 0,
	  .lines = LINE("conda create --clone /opt/other -p .conda") },
	{ "conda prefix: allowed", "h/ca/.conda", s_conda_allowed, 0, A, 0, 0, STRICT, 1,
	  VH_BASIS_CONSENT, "", "", 0 },
	{ "conda prefix: conda-meta/ writable by anyone, allowed or not", "h/cmo/.conda",
	  s_conda_meta_open, 0, A, 0, 0, VH_CONFIG_TRUST_OWNER, 0, VH_BASIS_NONE,
	  "its conda-meta/ is writable by anyone" FORCE_IT, "", 0 },
	{ "conda prefix: conda-meta/history writable by anyone", "h/cho/.conda",
	  s_conda_history_open, 0, A, 0, 0, VH_CONFIG_TRUST_OWNER, 0, VH_BASIS_NONE,
	  "its conda-meta/history is writable by anyone" FORCE_IT, "", 0 },
	{ "conda prefix: bin/ writable by anyone", "h/cbo/.conda", s_conda_bin_open, 0, A, 0, 0,
	  VH_CONFIG_TRUST_OWNER, 0, VH_BASIS_NONE, "its bin/ is writable by anyone" FORCE_IT, "", 0 },
	{ "conda prefix: a FIFO as conda-meta/history makes no env", "h/cff/.conda",
	  s_conda_history_fifo, 0, A, 0, 0, VH_CONFIG_TRUST_OWNER, 0, VH_BASIS_NONE,
	  "cannot check its pyvenv.cfg (No such file or directory)", "", 0 },
	{ "conda prefix: tracked, came with the repository", "h/ctr/.conda", s_conda_tracked, 0, A,
	  0, 0, STRICT, 0, VH_BASIS_NONE, "its files are tracked by git in @/h/ctr (it came with the"
	  " repository)" NO_ALLOW, "", 0 },
	{ "conda's installation (condabin/conda) is no env", "h/cbs/miniforge3", s_conda_base, 0, A,
	  0, 0, VH_CONFIG_TRUST_OWNER, 0, VH_BASIS_NONE,
	  "cannot check its pyvenv.cfg (No such file or directory)", "", 0 },
	{ "conda prefix: trust = owner, nothing others can write", "h/cow/.conda", s_conda, 0, A, 0,
	  0, VH_CONFIG_TRUST_OWNER, 1, VH_BASIS_CONFIG, "", "", 0 },
	/* the config */
	{ "trust = owner: no consent needed", "h/own/.venv", s_env, 0, A, 0, 0,
	  VH_CONFIG_TRUST_OWNER, 1, VH_BASIS_CONFIG, "", "", 0 },
	{ "trust = owner: modes still checked", "h/own2/.venv", s_env_open, 0, A, 0, 0,
	  VH_CONFIG_TRUST_OWNER, 0, VH_BASIS_NONE, "the env directory is writable by anyone" FORCE_IT,
	  "", 0 },
	{ "trust = off: no checks", "h/off/.venv", s_env_open, 0, A, 0, 0, VH_CONFIG_TRUST_OFF,
	  1, VH_BASIS_CONFIG, "", "", 0 },
	{ "trust = off: a deny still holds", "h/offd/.venv", s_denied, 0, A, 0, 0,
	  VH_CONFIG_TRUST_OFF, 0, VH_BASIS_NONE, DENIED, "", 0 },
};
#pragma GCC diagnostic pop

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
	struct vh_lines lines;
	struct vh_made_ask seen = { NULL, &lines, VH_DIALECT_POSIX, NULL };
	struct vh_policy p;
	struct vh_buf want = VH_BUF_INIT;
	struct ctx c;
	const char *dirs[2];
	char *slash, via[512], home[512], data[512];
	int rc;

	if ((r->needs & NEEDS_ROOT) && getuid() != 0) {
		printf("ok %d - %s # SKIP needs root\n", ++tap_count, r->rule);
		return;
	}
	if ((r->needs & NEEDS_ACL) && system("command -v setfacl >/dev/null") != 0) {
		printf("ok %d - %s # SKIP setfacl is not installed\n", ++tap_count, r->rule);
		return;
	}
	memset(&w, 0, sizeof(w));
	snprintf(c.env, sizeof(c.env), "%s/%s", root, r->env);
	snprintf(c.proj, sizeof(c.proj), "%s", c.env);
	slash = strrchr(c.proj, '/');
	*slash = '\0';
	sh("rm -rf '%s/share/venvhook' && mkdir -p '%s'", root, c.proj);
	setenv("HOME", under(home, sizeof(home), r->home ? r->home : "h"), 1);
	setenv("XDG_DATA_HOME", under(data, sizeof(data), r->data ? r->data : "share"), 1);
	c.watch = &w;
	if (r->via)
		under(via, sizeof(via), r->via);
	else
		snprintf(via, sizeof(via), "%s", c.env);
	/* the project and the env's own path (as found), as export watches them */
	dirs[0] = c.proj;
	dirs[1] = via;
	if (r->watch && vh_watch_update(&w, c.proj, dirs, 2) < 0)
		tap_ok(0, "setup: watch");
	vh_config.trust = VH_CONFIG_TRUST_STRICT;
	r->setup(&c);
	vh_config.trust = r->config;
	seen.watch = r->watch ? &w : NULL;
	ask.seen = &seen;
	if (vh_lines_read(&lines, r->lines ? r->lines : MADE_LINE) != 0)
		tap_ok(0, "setup: lines");
	rc = vh_policy_check(&p, via, &ask);
	tap_ok(rc == 0 && p.ok == r->ok && p.basis == r->basis, "%s: %s (basis %d)", r->rule,
	       r->ok ? "taken" : "refused", (int)p.basis);
	if (rc || p.ok != r->ok || p.basis != r->basis)
		printf("#   got: rc %d, ok %d, basis %d\n", rc, p.ok, (int)p.basis);
	tap_str(vh_buf_str(&p.why), expand(&want, r->why), "  the reason the user sees");
	tap_str(vh_buf_str(&p.warnings), expand(&want, r->warn), "  and the warnings");
	if (r->ok) {
		/* what goes on PATH is what was judged */
		tap_str(p.use ? p.use : "(none)", r->use ? expand(&want, r->use) : via,
			"  the path put on PATH");
		tap_str(vh_buf_str(&p.exposed), expand(&want, r->exposed ? r->exposed : ""),
			"  what others can change, said when forced");
	}
	vh_policy_free(&p);
	vh_lines_free(&lines);
	vh_watch_free(&w);
	vh_buf_free(&want);
	setenv("HOME", under(home, sizeof(home), "h"), 1);
	setenv("XDG_DATA_HOME", under(data, sizeof(data), "share"), 1);
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
	/* one line that makes the env, padded with blanks past the cap */
	memset(big_lines, ' ', sizeof(big_lines) - 1);
	memcpy(big_lines, "\036\036python3 -m venv .venv", sizeof("\036\036python3 -m venv .venv") - 1);
	memcpy(big_lines + sizeof(big_lines) - 3, "\037\036", 2);
	if (vh_config_load() != 0)
		tap_ok(0, "config: loaded");
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		run_row(&rows[i]);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		tap_ok(0, "clean up %s", root);
	return tap_done();
}
