#include "core/find/discover.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/find/dircache.h"
#include "core/decide/userconfig.h"
#include "core/find/condaenv.h"
#include "core/find/envdir.h"
#include "core/util/err.h"
#include "core/find/git.h"
#include "core/find/gitdir.h"
#include "core/util/fileio.h"
#include "core/util/msg.h"
#include "core/util/toml.h"
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

/* dir/name is a conda prefix (envdir.h's vh_conda_at, asked as the walk
 * asks): its conda-meta/history, and no condabin/conda (conda's own
 * installation is no env). */
static int conda_prefix(const struct vh_pathfd *at, const char *dir, const char *name)
{
	return probe(at, dir, name, vh_conda_marker, 1) == PRESENT &&
	       probe(at, dir, name, "condabin/conda", 1) != PRESENT;
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
	return out->owner && out->env ? 0 : VH_ENOMEM;
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
		return VH_ENOMEM;
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
	return *out ? 0 : VH_ENOMEM;
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
		rc = out->owner ? 0 : VH_ENOMEM;
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
		rc = VH_ENOMEM;
	}
	free(env);
	free(text);
	return rc;
}

/* The names a directory of the walk is asked about, in the order of the
 * steps that ask them (walk_step): its own pyvenv.cfg; the stores' files
 * (whether or not the stores are on); the config's env directories; git's.
 * A name no step asks about still works, asked each time: the walk cache
 * (dircache.h) answers only for the names listed, and the region a shell
 * is handed (region.h) watches only these. A rule that reads a file in a
 * directory of the walk reads it by one of these names. */
static const char *const inside_names[] = { "pyvenv.cfg", NULL };
static const char *const store_names[] = { "pyproject.toml", "poetry.toml", "uv.lock", "Pipfile",
					   ".python-version", ".pdm-python", ".pdm.toml", "hatch.toml",
					   NULL };
static const char *const conda_names[] = { ".conda", ".pixi", "pixi.toml", "environment.yml", NULL };
static const char *const git_names[] = { ".git", "HEAD", NULL };
static const char vh_pixi_env[] = ".pixi/envs/default";

size_t vh_env_places(const char **places)
{
	const char *const *p;
	size_t n = 0;

	for (p = vh_config.env_dirs; *p; p++)
		places[n++] = *p;
	places[n++] = ".conda";
	places[n++] = vh_pixi_env;
	places[n] = NULL;
	return n;
}

size_t vh_walk_names(const char **names, enum vh_walk_names which)
{
	const char *const *const fixed[] = { inside_names, store_names };
	const char *const *p;
	size_t n = 0, i;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		for (p = fixed[i]; *p; p++)
			names[n++] = *p;
	for (p = vh_config.env_dirs; *p; p++)
		names[n++] = *p;
	for (p = conda_names; *p; p++)
		names[n++] = *p;
	for (p = git_names; which == VH_WALK_ALL && *p; p++)
		names[n++] = *p;
	names[n] = NULL;
	return n;
}

size_t vh_walk_names_before(const char **names, const struct vh_found *f)
{
	const char *const *const fixed[] = { inside_names, store_names };
	const char *const *p;
	const char *hit;
	size_t n = 0, i;

	if (f->rule == VH_RULE_CHILD || f->rule == VH_RULE_CONDA || f->rule == VH_RULE_PIXI) {
		hit = f->env + strlen(f->owner) + (strcmp(f->owner, "/") != 0);
		for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
			for (p = fixed[i]; *p; p++)
				names[n++] = *p;
		for (p = vh_config.env_dirs; *p && strcmp(*p, hit); p++)
			names[n++] = *p;
	}
	/* step_conda's: .conda, then pixi's env and the manifest it rests on
	 * (a pixi env found by a pyproject.toml's table is unsure: no region) */
	if (f->rule == VH_RULE_PIXI) {
		names[n++] = ".conda";
		names[n++] = "pixi.toml";
	}
	names[n] = NULL;
	return n;
}

/* Records dir in the cache when it holds none of the names (dircache.h). */
static void remember(struct vh_dircache *c, uint64_t key, const struct vh_pathfd *at,
		     const char *dir, const struct stat *st, const char *const *names)
{
	const char *rel;
	int fd = vh_pathfd_base(at, dir, &rel);

	vh_dircache_add(c, key, fd, rel, st, names);
}

/* One walk up: where it is, what it has learnt, what it holds open. */
struct walk {
	const char *cwd;
	char *dir;		/* the directory asked about, cut as the walk goes up */
	struct vh_pathfd at;	/* cwd's directories by descriptor (pathfd.h) */
	int opened;
	struct vh_stores_walk stores;
	/* the walk cache: the keys of "holds none of the names" and of
	 * "holds none but .git" (a work tree's root) */
	const char *names[VH_WALK_NAMES_MAX], *but_git[VH_WALK_NAMES_MAX];
	uint64_t key, key_root;
	struct vh_gitdir_known gk;
	/* the directory asked about: its status, and whether the cache knows it */
	struct stat dst;
	int have_st, known, known_root;
	/* what gitdir.c asks of the directories below a root (gitdir.h) */
	dev_t below_dev;
	size_t below;
	int below_plain;
	/* libgit2, asked at most once a walk (from cwd) */
	int git_asked, git_st;
	char *git_root;
	struct vh_buf why;
	int warned;	/* "cannot look into" said once */
	/* conda's config files, read once a walk (condaenv.h) */
	struct vh_conda_places conda;
};

enum { WALK_ON, WALK_DONE };

/* The walk cache's knowledge of w->dir (dircache.h): with it, the steps'
 * questions about the names it lacks are answered without asking. */
static void look_up(struct walk *w, struct vh_dircache *cache)
{
	w->have_st = vh_pathfd_stat(&w->at, w->dir, &w->dst, AT_SYMLINK_NOFOLLOW) == 0;
	w->known = w->have_st && vh_dircache_has(cache, w->key, &w->dst);
	w->known_root = w->have_st && !w->known && vh_dircache_has(cache, w->key_root, &w->dst);
	w->at.empty = w->known || w->known_root ? w->dir : NULL;
	w->at.absent = w->known ? w->names : w->but_git;
}

/* The directory is an env itself (it holds pyvenv.cfg). */
static int step_inside(struct vh_found *out, struct walk *w)
{
	enum probe pr = probe(&w->at, w->dir, "pyvenv.cfg", NULL, 1);

	if (pr == PRESENT)
		return found(out, VH_RULE_INSIDE, w->dir, NULL) < 0 ? VH_ENOMEM : WALK_DONE;
	if (pr == UNREADABLE && !w->warned++) {
		vh_buf_puts(&out->warnings, "cannot look into ");
		vh_msg_escape(&out->warnings, w->dir);
		vh_buf_puts(&out->warnings, ", looking further up\n");
		out->unsure = 1;
	}
	return WALK_ON;
}

/* The tools' own rules (core/store/stores.h): found, or refused (a
 * warning says why, and nothing above is used). */
static int step_stores(struct vh_found *out, struct walk *w, enum vh_stores_phase phase)
{
	int rc = vh_stores_find(out, &w->stores, w->dir, phase);

	if (rc < 0)
		return VH_ENOMEM;
	if (rc == VH_STORE_REFUSED)
		out->unsure = 1;
	return rc != VH_STORE_NONE ? WALK_DONE : WALK_ON;
}

/* A child env directory (the config's env_dirs, .venv first), or a
 * pointer file named .venv. */
static int step_children(struct vh_found *out, struct walk *w)
{
	const char *const *name;
	enum probe pr;
	int rc;

	for (name = vh_config.env_dirs; *name; name++) {
		pr = probe(&w->at, w->dir, *name, "pyvenv.cfg", 1);
		/* or a conda prefix by a name the config lists for envs
		 * (conda create -p ./venv): an env directory all the same */
		if (pr == ABSENT && conda_prefix(&w->at, w->dir, *name))
			pr = PRESENT;
		if (pr == PRESENT)
			return found(out, VH_RULE_CHILD, w->dir, *name) < 0 ? VH_ENOMEM : WALK_DONE;
		/* Costs nothing on the usual walk: only a .venv that is not a
		 * directory fails with ENOTDIR. */
		if (pr == NOT_DIR && vh_config.follow_pointers && !strcmp(*name, vh_pointer_name)) {
			out->unsure = 1;
			rc = follow_pointer(out, &w->stores, &w->at, w->dir);
			return rc == VH_ENOMEM ? VH_ENOMEM : WALK_DONE;
		}
	}
	return WALK_ON;
}

/* *has = 1 when dir/pyproject.toml has a [tool.pixi] table: pixi's
 * manifest (PYPROJECT_PIXI_PREFIX, crates/pixi_consts/src/consts.rs at
 * pixi 2b25fc76). A file that cannot be read as TOML is none: the stores
 * that read it say why. 0 or VH_ENOMEM. */
static int pixi_pyproject(int *has, const char *dir)
{
	static const char *const table[] = { "tool", "pixi", NULL };
	struct vh_buf err = VH_BUF_INIT;
	struct vh_toml doc;
	char *file = join(dir, "pyproject.toml");
	int r;

	*has = 0;
	if (!file)
		return VH_ENOMEM;
	r = vh_toml_read(&doc, &err, file, VH_READ_MAX);
	if (r == 0)
		*has = vh_toml_has_table(&doc, table);
	vh_toml_free(&doc);
	vh_buf_free(&err);
	free(file);
	return r == VH_ENOMEM ? r : 0;
}

/* A conda prefix where the tools that make one in a project put it:
 * .conda (VS Code's Python extension: conda create -p .conda), and
 * pixi's default env, .pixi/envs/default (PIXI_DIR, ENVIRONMENTS_DIR,
 * DEFAULT_ENVIRONMENT_NAME in crates/pixi_consts/src/consts.rs at pixi
 * 2b25fc76), beside its manifest: pixi.toml, else a pyproject.toml with a
 * [tool.pixi] table, pixi's order. (conda create -p ./NAME, by a name the
 * config lists: step_children.) WALK_ON, WALK_DONE or VH_ENOMEM. */
static int step_conda(struct vh_found *out, struct walk *w)
{
	const char *manifest = NULL;
	int has;

	if (conda_prefix(&w->at, w->dir, ".conda"))
		return found(out, VH_RULE_CONDA, w->dir, ".conda") < 0 ? VH_ENOMEM : WALK_DONE;
	if (!conda_prefix(&w->at, w->dir, vh_pixi_env))
		return WALK_ON;
	if (probe(&w->at, w->dir, "pixi.toml", NULL, 1) == PRESENT) {
		manifest = "pixi.toml";
	} else if (probe(&w->at, w->dir, "pyproject.toml", NULL, 1) == PRESENT) {
		out->unsure = 1; /* rests on what the file holds */
		if (pixi_pyproject(&has, w->dir) < 0)
			return VH_ENOMEM;
		if (has)
			manifest = "pyproject.toml";
	}
	if (!manifest)
		return WALK_ON;
	if (found(out, VH_RULE_PIXI, w->dir, vh_pixi_env) < 0 || !(out->from = join(w->dir, manifest)))
		return VH_ENOMEM;
	return WALK_DONE;
}

/* A named conda env: environment.yml's top-level name:, in the
 * directories conda keeps named envs in (core/find/condaenv.h). One that
 * names none there (or no name) lets the walk go on; one venvhook cannot
 * read says so in a line, and the walk goes on. WALK_ON, WALK_DONE or
 * VH_ENOMEM. */
static int step_conda_named(struct vh_found *out, struct walk *w)
{
	struct vh_buf text = VH_BUF_INIT, why = VH_BUF_INIT;
	char *file = NULL, *name = NULL, *env = NULL;
	int rc = WALK_ON, r;

	if (probe(&w->at, w->dir, vh_condaenv_file, NULL, 1) != PRESENT)
		return WALK_ON;
	out->unsure = 1; /* rests on what the file holds, and on conda's places */
	if (!(file = join(w->dir, vh_condaenv_file))) {
		rc = VH_ENOMEM;
		goto done;
	}
	r = vh_read_file(&text, AT_FDCWD, file, VH_READ_MAX);
	if (r == VH_ENOMEM) {
		rc = VH_ENOMEM;
		goto done;
	}
	r = r == VH_OK ? vh_condaenv_parse(&name, &why, text.data, text.len) :
	    vh_buf_puts(&why, "cannot be read as a file") < 0 ? VH_ENOMEM : VH_EREFUSED;
	if (r == VH_EREFUSED) {
		vh_msg_escape(&out->warnings, file);
		vh_buf_puts(&out->warnings, ": ");
		vh_buf_puts(&out->warnings, vh_buf_str(&why));
		vh_buf_puts(&out->warnings, "; not using it\n");
	}
	if (r == VH_ENOMEM || (name && vh_condaenv_find(&env, &w->conda, name) < 0)) {
		rc = VH_ENOMEM;
		goto done;
	}
	if (env) {
		out->rule = VH_RULE_CONDA_ENV;
		out->env = env;
		env = NULL;
		out->from = file;
		file = NULL;
		rc = (out->owner = strdup(w->dir)) ? WALK_DONE : VH_ENOMEM;
	}
done:
	vh_buf_free(&text);
	vh_buf_free(&why);
	free(file);
	free(name);
	free(env);
	return rc;
}

/* The nearest project root, for the hook to watch (a tool run below it
 * makes its env there: pixi install its .pixi/envs/default beside
 * pixi.toml; conda env create -p ../.conda from a subdirectory, beside
 * environment.yml): WALK_ON, or VH_ENOMEM. */
static int step_project(struct vh_found *out, struct walk *w)
{
	if (!out->project && (probe(&w->at, w->dir, "pyproject.toml", NULL, 1) == PRESENT ||
			      probe(&w->at, w->dir, "Pipfile", NULL, 1) == PRESENT ||
			      probe(&w->at, w->dir, "uv.lock", NULL, 1) == PRESENT ||
			      probe(&w->at, w->dir, "pixi.toml", NULL, 1) == PRESENT ||
			      probe(&w->at, w->dir, vh_condaenv_file, NULL, 1) == PRESENT) &&
	    !(out->project = strdup(w->dir)))
		return VH_ENOMEM;
	return WALK_ON;
}

/* The walk ends at w->dir, a work tree's root. */
static int stop_here(struct vh_found *out, struct walk *w)
{
	out->stop = strdup(w->dir);
	return out->stop ? WALK_DONE : VH_ENOMEM;
}

/* A '.git' here: a work tree's root ends the walk. libgit2 is asked once,
 * from cwd so that GIT_CEILING_DIRECTORIES applies as it does for git, and
 * only when a '.git' is met: a walk that meets none never loads it. */
static int step_git(struct vh_found *out, struct walk *w, struct vh_dircache *cache)
{
	if (!vh_config.stop_at_git_root || probe(&w->at, w->dir, ".git", NULL, 0) != PRESENT)
		return WALK_ON;
	/* Most often the files alone say so, and libgit2 stays unloaded. */
	w->gk.below_dev = w->below && w->below_plain ? &w->below_dev : NULL;
	if (!w->git_asked && vh_gitdir_is_root(&w->at, w->cwd, w->dir, &w->gk)) {
		if (!w->known_root && w->have_st)
			remember(cache, w->key_root, &w->at, w->dir, &w->dst, w->but_git);
		return stop_here(out, w);
	}
	out->unsure = 1;
	if (!w->git_asked++)
		w->git_st = vh_git_root(&w->git_root, &w->why, w->cwd, w->dir);
	if (w->git_st == VH_ENOMEM)
		return VH_ENOMEM;
	/* No answer (a FIFO for a config, no libgit2): git would not look
	 * above a repository it cannot read; neither do we. */
	if (w->git_st != VH_OK && w->git_st != VH_ENOTFOUND) {
		git_msg(&out->warnings, w->dir, "cannot be read", &w->why);
		return stop_here(out, w);
	}
	if (w->git_root && same_file(w->git_root, w->dir))
		return stop_here(out, w);
	/* Not the root libgit2 found: hidden by a ceiling (walk on) or broken.
	 * Like git, do not look above a broken one. */
	if (broken_repo(&out->warnings, w->dir))
		return stop_here(out, w);
	w->below_plain = 0;
	return WALK_ON;
}

/* Walking on past w->dir: what gitdir.c asks of the directories below a
 * root, and the cache's record of a directory that holds none of the
 * names. */
static void passed(struct walk *w, struct vh_dircache *cache)
{
	if (!w->known || (w->below && w->dst.st_dev != w->below_dev))
		w->below_plain = 0;
	if (!w->below++)
		w->below_dev = w->dst.st_dev;
	if (!w->known && w->have_st)
		remember(cache, w->key, &w->at, w->dir, &w->dst, w->names);
}

/* The steps of one directory, in the order the tools' own rules take:
 * WALK_ON (nothing here: go up), WALK_DONE (out says what was found), or
 * VH_ENOMEM. */
static int walk_step(struct vh_found *out, struct walk *w, struct vh_dircache *cache)
{
	int rc;

	look_up(w, cache);
	if ((rc = step_inside(out, w)) != WALK_ON ||
	    (rc = step_stores(out, w, VH_STORES_FIRST)) != WALK_ON ||
	    (rc = step_children(out, w)) != WALK_ON ||
	    (rc = step_conda(out, w)) != WALK_ON ||
	    (rc = step_conda_named(out, w)) != WALK_ON ||
	    (rc = step_stores(out, w, VH_STORES_AFTER)) != WALK_ON ||
	    (rc = step_project(out, w)) != WALK_ON ||
	    (rc = step_git(out, w, cache)) != WALK_ON)
		return rc;
	passed(w, cache);
	return WALK_ON;
}

/* Up one directory; 0 at "/". Above cwd, every question is asked from a
 * descriptor of one of its directories (core/find/pathfd.h), so that its
 * cost stays linear in the depth; cwd's own are asked as they are, and a
 * walk that ends there (a project's root) opens nothing. */
static int walk_up(struct walk *w, int *rc)
{
	if (!up(w->dir))
		return 0;
	w->stores.depth++;
	if (!w->opened++ && (*rc = vh_pathfd_open(&w->at, w->cwd)) < 0)
		return 0;
	return 1;
}

/* Past the work tree's root the walk stopped at, only the tools that look
 * there (pyenv, uv): the same walk, asking only their names (stores.h,
 * VH_STORES_BEYOND). WALK_DONE or VH_ENOMEM. */
static int walk_beyond(struct vh_found *out, struct walk *w, struct vh_dircache *cache)
{
	int rc = 0, r;

	while (walk_up(w, &rc)) {
		w->have_st = vh_pathfd_stat(&w->at, w->dir, &w->dst, AT_SYMLINK_NOFOLLOW) == 0;
		w->known = w->have_st && vh_dircache_has(cache, w->key, &w->dst);
		w->at.empty = w->known ? w->dir : NULL;
		w->at.absent = w->names;
		r = vh_stores_find(out, &w->stores, w->dir, VH_STORES_BEYOND);
		if (r < 0)
			return VH_ENOMEM;
		if (r == VH_STORE_FOUND) {
			free(out->stop);
			out->stop = NULL;
			return WALK_DONE;
		}
		if (r == VH_STORE_REFUSED) {
			out->unsure = 1;
			return WALK_DONE;
		}
		if (!w->known && w->have_st)
			remember(cache, w->key, &w->at, w->dir, &w->dst, w->names);
	}
	return rc < 0 ? VH_ENOMEM : WALK_DONE;
}

static void walk_free(struct walk *w)
{
	vh_conda_places_free(&w->conda);
	vh_buf_free(&w->why);
	vh_stores_walk_free(&w->stores);
	vh_pathfd_close(&w->at);
	free(w->git_root);
	free(w->dir);
}

static const char *heard;

void vh_discover_heard(const char *id)
{
	heard = id;
}

/* conda's config files' lines, once a shell: the id of the lines (FNV-1a,
 * 64 bits, in hex) is what the shell carries once it heard them. */
static int conda_lines(struct vh_found *out, const struct vh_conda_places *conda)
{
	const struct vh_buf *lines = &conda->warnings;
	uint64_t h = 0xcbf29ce484222325u;
	size_t i;

	/* read and nothing to say: the shell forgets what it heard, so that
	 * the same trouble, back later, is said again */
	out->conda_forget = conda->done && !lines->len && heard;
	if (!lines->len)
		return 0;
	for (i = 0; i < lines->len; i++)
		h = (h ^ (unsigned char)lines->data[i]) * 0x100000001b3u;
	snprintf(out->conda_said, sizeof(out->conda_said), "%016llx", (unsigned long long)h);
	if (heard && !strcmp(heard, out->conda_said)) {
		out->conda_said[0] = '\0';
		return 0;
	}
	return vh_buf_add(&out->warnings, lines->data, lines->len);
}

int vh_discover(struct vh_found *out, const char *cwd)
{
	static struct vh_dircache cache;
	struct walk w;
	int rc = 0, step = WALK_ON;

	memset(out, 0, sizeof(*out));
	memset(&w, 0, sizeof(w));
	w.cwd = cwd;
	w.stores.at = &w.at;
	w.gk.cache = &cache;
	w.below_plain = 1;
	w.git_st = VH_ENOTFOUND;
	vh_walk_names(w.names, VH_WALK_ALL);
	vh_walk_names(w.but_git, VH_WALK_BUT_GIT);
	w.key = vh_dircache_key(w.names);
	w.key_root = vh_dircache_key(w.but_git);
	w.dir = strdup(cwd);
	if (!w.dir) {
		rc = VH_ENOMEM;
		goto done;
	}
	do
		step = walk_step(out, &w, &cache);
	while (step == WALK_ON && walk_up(&w, &rc));
	if (step == WALK_DONE && rc == 0 && out->stop && !out->env)
		step = walk_beyond(out, &w, &cache);
	if (step < 0 || rc < 0)
		rc = VH_ENOMEM;
	else if (step == WALK_ON)
		out->top = 1; /* up to "/" and nothing */
done:
	/* No env: where the stores would put it, for the hook to watch. */
	if (rc == 0 && !out->env && vh_stores_finish(&w.stores, cwd) < 0)
		rc = VH_ENOMEM;
	while (rc == 0 && !out->env && w.stores.nexpect && out->nexpect < VH_FOUND_EXPECT) {
		out->expect[out->nexpect++] = w.stores.expect[--w.stores.nexpect];
		w.stores.expect[w.stores.nexpect] = NULL;
	}
	vh_dircache_save(&cache);
	vh_buf_add(&out->warnings, vh_buf_str(&w.stores.warn), w.stores.warn.len);
	if (w.stores.warn.len)
		out->unsure = 1;
	if (rc == 0 && conda_lines(out, &w.conda) < 0)
		rc = VH_ENOMEM;
	walk_free(&w);
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
		return *out ? 0 : VH_ENOMEM;
	}
	cwd = getcwd(NULL, 0);
	if (!cwd)
		return errno == ENOMEM ? VH_ENOMEM : errno == ENOENT ? VH_ENOTFOUND : VH_EIO;
	*out = cwd;
	return 0;
}
