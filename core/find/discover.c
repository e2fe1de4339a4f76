#include "core/find/discover.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/find/dircache.h"
#include "core/decide/userconfig.h"
#include "core/find/envdir.h"
#include "core/util/err.h"
#include "core/find/git.h"
#include "core/find/gitdir.h"
#include "core/util/msg.h"
#include "core/find/pathfd.h"
#include "core/store/stores.h"

const char vh_pointer_name[] = ".venv";

enum probe { ABSENT, PRESENT, UNREADABLE, NOT_DIR };

static enum probe probe(const struct vh_pathfd *at, const char *dir, const char *a, const char *b,
			int want_reg)
{
	char small[256];
	struct vh_buf p = VH_BUF_INIT;
	const char *name = a;
	size_t la = strlen(a), lb = b ? strlen(b) : 0;
	struct stat st;
	enum probe r = ABSENT;
	int e;

	/* a, or a/b: most often short, so on the stack */
	if (b && la + lb + 2 <= sizeof(small)) {
		memcpy(small, a, la);
		small[la] = '/';
		memcpy(small + la + 1, b, lb + 1);
		name = small;
	} else if (b) {
		if (vh_buf_puts(&p, a) < 0 || vh_buf_putc(&p, '/') < 0 || vh_buf_puts(&p, b) < 0)
			goto done;
		name = p.data;
	}
	e = vh_pathfd_stat_in(at, dir, name, &st, want_reg ? 0 : AT_SYMLINK_NOFOLLOW);
	if (e == 0)
		r = !want_reg || S_ISREG(st.st_mode) ? PRESENT : ABSENT;
	else if (errno == EACCES)
		r = UNREADABLE;
	else if (errno == ENOTDIR)
		r = NOT_DIR;
done:
	vh_buf_free(&p);
	return r;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static char *join(const char *dir, const char *name)
{
	struct vh_buf b = VH_BUF_INIT;

	if (vh_buf_puts(&b, dir) < 0 || (strcmp(dir, "/") && vh_buf_putc(&b, '/') < 0) ||
	    vh_buf_puts(&b, name) < 0) {
		vh_buf_free(&b);
		return NULL;
	}
	return vh_buf_detach(&b);
}

/* Cuts dir to its parent in place; returns 0 at "/". */
static int up(char *dir)
{
	char *slash = strrchr(dir, '/');

	if (!slash || (slash == dir && !dir[1]))
		return 0;
	if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	return 1;
}

static int found(struct vh_found *out, enum vh_rule rule, const char *dir, const char *name)
{
	out->rule = rule;
	out->owner = strdup(dir);
	out->env = name ? join(dir, name) : strdup(dir);
	return out->owner && out->env ? 0 : -1;
}

/* The warnings the walk returns (vh_found.warnings), a line each. Out of
 * memory, a warning is lost: the walk goes on. */

/* "<dir>/.git <what> (<why>); not looking above it" */
static void git_msg(struct vh_buf *w, const char *dir, const char *what, struct vh_buf *why)
{
	vh_msg_escape(w, dir);
	vh_buf_printf(w, "/.git %s (", what);
	vh_msg_escape(w, vh_buf_str(why));
	vh_buf_puts(w, "); not looking above it\n");
}

/* 1 (a warning said so) when dir/.git is no repository libgit2 can open. */
static int broken_repo(struct vh_buf *w, const char *dir)
{
	struct vh_buf why = VH_BUF_INIT;
	int st = vh_git_valid(&why, dir);

	if (st != VH_OK)
		git_msg(w, dir, st == VH_EFAILED ? "is not a usable repository" :
			"cannot be checked", &why);
	vh_buf_free(&why);
	return st != VH_OK;
}

/* "<dir>/.venv<what>; not looking above it" */
static void pointer_msg(struct vh_buf *w, const char *dir, const char *what, const char *target)
{
	vh_msg_escape(w, dir);
	vh_buf_puts(w, strcmp(dir, "/") ? "/" : "");
	vh_buf_puts(w, vh_pointer_name);
	vh_buf_puts(w, what);
	if (target) {
		vh_msg_escape(w, target);
		vh_buf_puts(w, ", which holds no pyvenv.cfg");
	}
	vh_buf_puts(w, "; not looking above it\n");
}

/* The first line of the pointer file dir/.venv, trimmed, into *out.
 * Returns 0, VH_EREFUSED with a warning in w saying why it cannot be used,
 * VH_ENOMEM. */
static int read_pointer(char **out, struct vh_buf *w, const struct vh_pathfd *at, const char *dir)
{
	/* not on the stack: inlined, it would make every walk's frame 4 KiB
	 * deeper, a page the kernel faults in at each export */
	static char text[4096];
	struct stat st;
	char *s, *e, *path;
	ssize_t n;
	int fd;

	*out = NULL;
	path = join(dir, vh_pointer_name);
	if (!path)
		return -1;
	/* A project's file: never waited on, never a terminal (a .venv that
	 * links to /dev/tty would read what the user types ahead), read only
	 * when fstat says it is a regular file. */
	fd = vh_pathfd_openat(at, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	free(path);
	if (fd >= 0 && (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))) {
		close(fd);
		pointer_msg(w, dir, " is not a regular file", NULL);
		return VH_EREFUSED;
	}
	n = fd < 0 ? -1 : read(fd, text, sizeof(text) - 1);
	if (fd >= 0)
		close(fd);
	if (n < 0) {
		pointer_msg(w, dir, errno == EACCES ? " cannot be read" : " is not a readable file", NULL);
		return VH_EREFUSED;
	}
	text[n] = '\0';
	if (memchr(text, '\0', (size_t)n)) {
		pointer_msg(w, dir, " is not text (it should name an env or hold its path)", NULL);
		return VH_EREFUSED;
	}
	for (s = text; *s == ' ' || *s == '\t'; s++)
		;
	e = s + strcspn(s, "\r\n");
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	if (e == s) {
		pointer_msg(w, dir, " is empty (it should name an env or hold its path)", NULL);
		return VH_EREFUSED;
	}
	*out = strndup(s, (size_t)(e - s));
	return *out ? 0 : -1;
}

/* dir/.venv is a file: the env it names (in the homes of the tools that
 * write such files: vh_store_named) or the path it holds (relative to
 * dir). Returns 0 (found), VH_EREFUSED (a warning says why not),
 * VH_ENOMEM. */
static int follow_pointer(struct vh_found *out, const struct vh_stores_walk *w,
			  const struct vh_pathfd *at, const char *dir)
{
	char *text = NULL, *env = NULL;
	enum vh_resolve r;
	int rc;

	rc = read_pointer(&text, &out->warnings, at, dir);
	if (rc)
		return rc;
	if (!strchr(text, '/') && strcmp(text, ".") && strcmp(text, "..")) {
		rc = vh_store_named(&env, w, dir, text);
		r = rc < 0 ? VH_RESOLVE_OOM : rc ? VH_RESOLVED : env ? VH_RESOLVE_NOT_ENV :
		    VH_RESOLVE_NO_HOME;
	} else {
		r = vh_env_resolve(&env, text, dir);
	}
	switch (r) {
	case VH_RESOLVED:
		out->rule = VH_RULE_POINTER;
		out->owner = strdup(dir);
		out->env = env;
		env = NULL;
		rc = out->owner ? 0 : -1;
		break;
	case VH_RESOLVE_NOT_ENV:
		pointer_msg(&out->warnings, dir, " points to ", env);
		rc = VH_EREFUSED;
		break;
	case VH_RESOLVE_NO_HOME:
		pointer_msg(&out->warnings, dir, " names an env, but neither WORKON_HOME nor HOME is set",
			    NULL);
		rc = VH_EREFUSED;
		break;
	default:
		rc = -1;
	}
	free(env);
	free(text);
	return rc;
}

/* Every name a directory of the walk is asked about, as dircache.h wants
 * them: the config's env directories and the names of the rules here, of
 * the stores (whether or not they are on) and of gitdir.c. A rule that asks
 * about a name not listed still works: its question is asked each time.
 * but_git: the same without .git, for a work tree's root. */
static void walk_names(const char **names, const char **but_git)
{
	static const char *const fixed[] = { "pyvenv.cfg", "pyproject.toml", "uv.lock", "Pipfile",
					     ".python-version", ".pdm-python", ".pdm.toml", "hatch.toml", ".git",
					     "HEAD", NULL };
	size_t n = 0, i;

	for (i = 0; fixed[i]; i++)
		names[n++] = fixed[i];
	for (i = 0; vh_config.env_dirs[i]; i++)
		names[n++] = vh_config.env_dirs[i];
	names[n] = NULL;
	for (i = n = 0; names[i]; i++)
		if (strcmp(names[i], ".git"))
			but_git[n++] = names[i];
	but_git[n] = NULL;
}

/* Records dir in the cache when it holds none of the names (dircache.h). */
static void remember(struct vh_dircache *c, uint64_t key, const struct vh_pathfd *at,
		     const char *dir, const struct stat *st, const char *const *names)
{
	const char *rel;
	int fd = vh_pathfd_base(at, dir, &rel);

	vh_dircache_add(c, key, fd, rel, st, names);
}

int vh_discover(struct vh_found *out, const char *cwd)
{
	static struct vh_dircache cache;
	const char *names[16 + VH_CONFIG_MAX_ENV_DIRS], *but_git[16 + VH_CONFIG_MAX_ENV_DIRS];
	uint64_t key, key_root;
	struct vh_gitdir_known gk = { NULL, &cache };
	struct stat dst;
	dev_t below_dev = 0;
	size_t below = 0;
	int known, known_root, have_st, below_plain = 1;
	char *dir, *root = NULL;
	const char *const *name;
	struct vh_buf why = VH_BUF_INIT;
	struct vh_stores_walk stores = { 0 };
	struct vh_pathfd at;
	enum probe pr;
	int rc = 0, warned = 0, git_asked = 0, opened = 0, st = VH_ENOTFOUND;

	memset(out, 0, sizeof(*out));
	memset(&at, 0, sizeof(at));
	dir = strdup(cwd);
	if (!dir)
		return -1;
	/* Above cwd, every question of the walk is asked from a descriptor of
	 * one of its directories (core/find/pathfd.h), so that its cost stays
	 * linear in the depth; cwd's own are asked as they are, and a walk
	 * that ends there (a project's root) opens nothing. */
	stores.at = &at;
	walk_names(names, but_git);
	key = vh_dircache_key(names);
	key_root = vh_dircache_key(but_git);
	do {
		/* A directory the cache knows holds none of the names (or, a
		 * work tree's root, none but .git): the questions below are
		 * answered without asking (pathfd.h). */
		have_st = vh_pathfd_stat(&at, dir, &dst, AT_SYMLINK_NOFOLLOW) == 0;
		known = have_st && vh_dircache_has(&cache, key, &dst);
		known_root = have_st && !known && vh_dircache_has(&cache, key_root, &dst);
		at.empty = known || known_root ? dir : NULL;
		at.absent = known ? names : but_git;
		pr = probe(&at, dir, "pyvenv.cfg", NULL, 1);
		if (pr == PRESENT) {
			rc = found(out, VH_RULE_INSIDE, dir, NULL);
			goto done;
		}
		if (pr == UNREADABLE && !warned++) {
			vh_buf_puts(&out->warnings, "cannot look into ");
			vh_msg_escape(&out->warnings, dir);
			vh_buf_puts(&out->warnings, ", looking further up\n");
		}
		/* The tools' own rules (core/store/stores.h), around the child dirs. */
		if ((rc = vh_stores_find(out, &stores, dir, VH_STORES_FIRST)) != 0)
			goto store;
		for (name = vh_config.env_dirs; *name; name++) {
			pr = probe(&at, dir, *name, "pyvenv.cfg", 1);
			if (pr == PRESENT) {
				rc = found(out, VH_RULE_CHILD, dir, *name);
				goto done;
			}
			/* Costs nothing on the usual walk: only a .venv that is not
			 * a directory fails with ENOTDIR. */
			if (pr == NOT_DIR && vh_config.follow_pointers &&
			    !strcmp(*name, vh_pointer_name)) {
				rc = follow_pointer(out, &stores, &at, dir);
				rc = rc == VH_EREFUSED ? 0 : rc;
				goto done;
			}
		}
		if ((rc = vh_stores_find(out, &stores, dir, VH_STORES_AFTER)) != 0)
			goto store;
		/* The nearest project root, for the hook to watch (a tool run
		 * below it makes its env there) */
		if (!out->project && (probe(&at, dir, "pyproject.toml", NULL, 1) == PRESENT ||
				      probe(&at, dir, "Pipfile", NULL, 1) == PRESENT ||
				      probe(&at, dir, "uv.lock", NULL, 1) == PRESENT) &&
		    !(out->project = strdup(dir)))
			goto oom;
		/* A work-tree root ends the walk. libgit2 is asked once, from cwd so
		 * that GIT_CEILING_DIRECTORIES applies as it does for git, and only
		 * when a '.git' is met: a walk that meets none never loads it. */
		if (vh_config.stop_at_git_root && probe(&at, dir, ".git", NULL, 0) == PRESENT) {
			/* Most often the files alone say so, and libgit2 stays unloaded. */
			gk.below_dev = below && below_plain ? &below_dev : NULL;
			if (!git_asked && vh_gitdir_is_root(&at, cwd, dir, &gk)) {
				if (!known_root && have_st)
					remember(&cache, key_root, &at, dir, &dst, but_git);
				goto stop;
			}
			if (!git_asked++)
				st = vh_git_root(&root, &why, cwd, dir);
			if (st == VH_ENOMEM)
				goto oom;
			/* No answer (a FIFO for a config, no libgit2): git would not
			 * look above a repository it cannot read; neither do we. */
			if (st != VH_OK && st != VH_ENOTFOUND) {
				git_msg(&out->warnings, dir, "cannot be read", &why);
				goto stop;
			}
			if (root && same_file(root, dir))
				goto stop;
			/* Not the root libgit2 found: hidden by a ceiling (walk on)
			 * or broken. Like git, do not look above a broken one. */
			if (!broken_repo(&out->warnings, dir)) {
				below_plain = 0;
				continue;
			}
			goto stop;
		}
		/* Walking on: what gitdir.c asks of the directories below a root. */
		if (!known || (below && dst.st_dev != below_dev))
			below_plain = 0;
		if (!below++)
			below_dev = dst.st_dev;
		if (!known && have_st)
			remember(&cache, key, &at, dir, &dst, names);
	} while (up(dir) && ++stores.depth && (opened++ || (rc = vh_pathfd_open(&at, cwd)) == 0));
	if (rc < 0)
		goto oom;
	goto done;
store: /* 1: found; 2: said why not, and nothing above is used */
	rc = rc < 0 ? -1 : 0;
	goto done;
stop:
	out->stop = strdup(dir);
	if (!out->stop)
		goto oom;
	/* Past the root, only the tools that look there (pyenv, uv): the
	 * same walk, asking only their names (stores.h, VH_STORES_BEYOND). */
	while (up(dir) && ++stores.depth && (opened++ || (rc = vh_pathfd_open(&at, cwd)) == 0)) {
		have_st = vh_pathfd_stat(&at, dir, &dst, AT_SYMLINK_NOFOLLOW) == 0;
		known = have_st && vh_dircache_has(&cache, key, &dst);
		at.empty = known ? dir : NULL;
		at.absent = names;
		if ((rc = vh_stores_find(out, &stores, dir, VH_STORES_BEYOND)) != 0) {
			if (rc == 1) {
				free(out->stop);
				out->stop = NULL;
			}
			goto store;
		}
		if (!known && have_st)
			remember(&cache, key, &at, dir, &dst, names);
	}
	rc = rc < 0 ? -1 : 0;
	goto done;
oom:
	rc = -1;
done:
	/* No env: where the stores would put it, for the hook to watch. */
	if (rc == 0 && !out->env && vh_stores_finish(&stores, cwd) < 0)
		rc = -1;
	while (rc == 0 && !out->env && stores.nexpect && out->nexpect < VH_FOUND_EXPECT) {
		out->expect[out->nexpect++] = stores.expect[--stores.nexpect];
		stores.expect[stores.nexpect] = NULL;
	}
	vh_dircache_save(&cache);
	vh_buf_free(&why);
	vh_buf_add(&out->warnings, vh_buf_str(&stores.warn), stores.warn.len);
	vh_stores_walk_free(&stores);
	vh_pathfd_close(&at);
	free(root);
	free(dir);
	if (rc < 0)
		vh_found_free(out);
	return rc;
}

void vh_found_free(struct vh_found *f)
{
	free(f->env);
	free(f->owner);
	free(f->stop);
	free(f->from);
	free(f->project);
	while (f->nexpect)
		free(f->expect[--f->nexpect]);
	vh_buf_free(&f->warnings);
	memset(f, 0, sizeof(*f));
}

int vh_cwd(char **out)
{
	const char *pwd = getenv("PWD");
	char *cwd;

	if (pwd && pwd[0] == '/' && same_file(pwd, ".")) {
		*out = strdup(pwd);
		return *out ? 0 : -1;
	}
	cwd = getcwd(NULL, 0);
	if (!cwd)
		return -1;
	*out = cwd;
	return 0;
}
