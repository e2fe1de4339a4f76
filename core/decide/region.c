/* See region.h. */
#include "core/decide/region.h"
#include "core/find/envdir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/decide/userconfig.h"
#include "core/store/stores.h"
#include "core/trust/trust.h"
#include "core/util/buf.h"
#include "core/util/compat.h"
#include "core/util/err.h"
#include "core/util/fileio.h"
#include "core/util/xdg.h"

void vh_region_free(struct vh_region *r)
{
	size_t i;

	free(r->top);
	free(r->ref);
	for (i = 0; i < r->nenv; i++)
		free(r->env[i]);
	vh_deps_free(&r->deps);
	memset(r, 0, sizeof(*r));
}

/* The directory the answer belongs to, when it is one the region can
 * hold: the project root of an env discovery's own rules found (or the env
 * itself, entered) and the policy let on, or "/" when there is no env up
 * to it; NULL for any other answer. */
static const char *top_of(const struct vh_wanted *w)
{
	const struct vh_found *f = &w->found;

	if (w->say.len || f->warnings.len || f->unsure || w->want.pin || w->want.pause)
		return NULL;
	if (!f->env)
		return f->top && !f->stop && !w->want.env ? "/" : NULL;
	if ((f->rule != VH_RULE_INSIDE && f->rule != VH_RULE_CHILD && f->rule != VH_RULE_CONDA &&
	     f->rule != VH_RULE_PIXI) || !w->want.env ||
	    strcmp(w->want.env, f->env))
		return NULL;
	/* No symlink on the way to it: the hook compares $PWD's text with it,
	 * and a link changed later would lead that text elsewhere. */
	return w->real && !strcmp(w->real, f->env) ? f->owner : NULL;
}

/* A name a shell can hold as a variable's. */
static int env_name_ok(const char *s)
{
	if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_'))
		return 0;
	for (s++; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_' ||
		      (*s >= '0' && *s <= '9')))
			return 0;
	return 1;
}

/* The variables the answer read (vh_getenv), as they were: "NAME=VALUE",
 * or "NAME" unset. 0 with *ok 0 when one cannot be handed over (too many,
 * a name no shell holds): no region. 0 or VH_ENOMEM. */
static int env_of(int *ok, struct vh_region *r)
{
	const char *names[VH_REGION_MAX_ENV], *v;
	struct vh_buf b = VH_BUF_INIT;
	int n = vh_getenv_names(names, VH_REGION_MAX_ENV), i;

	*ok = 0;
	if (n < 0)
		return 0;
	for (i = 0; i < n; i++) {
		/* the hook's own checks: where it is, and the PATH it compares */
		if (!strcmp(names[i], "PATH") || !strcmp(names[i], "PWD"))
			continue;
		if (!env_name_ok(names[i]))
			return 0;
		v = getenv(names[i]);
		vh_buf_reset(&b);
		if (vh_buf_puts(&b, names[i]) < 0 || (v && (vh_buf_putc(&b, '=') < 0 || vh_buf_puts(&b, v) < 0)) ||
		    !(r->env[r->nenv] = vh_buf_detach(&b))) {
			vh_buf_free(&b);
			return VH_ENOMEM;
		}
		r->nenv++;
	}
	vh_buf_free(&b);
	*ok = 1;
	return 0;
}

/* "<dir>/<name>" into p (reset first). */
static int path_in(struct vh_buf *p, const char *dir, const char *name)
{
	vh_buf_reset(p);
	return vh_buf_puts(p, dir) < 0 || (strcmp(dir, "/") && vh_buf_putc(p, '/') < 0) ||
	       vh_buf_puts(p, name) < 0 ? VH_ENOMEM : 0;
}

/* What the policy's git question about env (in dir) depends on: the
 * nearest '.git' at dir or above (trust/tracked.c), absent up to it, and
 * the index and config git answers from. A '.git' file (a submodule, a
 * worktree) keeps its index elsewhere: no region. */
static int git_deps(struct vh_deps *d, const char *dir)
{
	struct vh_buf p = VH_BUF_INIT, q = VH_BUF_INIT;
	struct stat st;
	char *at = strdup(dir), *slash;
	int rc = VH_ENOMEM;

	while (at) {
		if (path_in(&p, at, ".git") < 0)
			goto done;
		if (lstat(p.data, &st) == 0) {
			if (!S_ISDIR(st.st_mode))
				d->unusable = 1;
			else if (path_in(&q, p.data, "index") < 0 || vh_deps_add(d, q.data) < 0 ||
				 path_in(&q, p.data, "config") < 0 || vh_deps_add(d, q.data) < 0)
				goto done;
			break;
		}
		if (errno != ENOENT)
			d->unusable = 1;
		if (vh_deps_add(d, p.data) < 0)
			goto done;
		if (!strcmp(at, "/"))
			break;
		slash = strrchr(at, '/');
		slash[slash == at] = '\0';
	}
	rc = at ? 0 : VH_ENOMEM;
done:
	free(at);
	vh_buf_free(&p);
	vh_buf_free(&q);
	return rc;
}

/* The files outside the walk's directories that the answer read: the
 * config, and for an env the trust file and git's index. */
static int outside_deps(struct vh_deps *d, const struct vh_wanted *w)
{
	char *file = NULL, *parent;
	const char *env = w->found.env;
	int rc;

	if (!vh_config.file) {
		d->unusable = 1;
		return 0;
	}
	rc = vh_deps_add(d, vh_config.file);
	if (rc < 0 || !env)
		return rc;
	rc = vh_trust_file(&file);
	if (rc == VH_ENOHOME)
		d->unusable = 1;
	else if (rc == 0)
		rc = vh_deps_add(d, file);
	free(file);
	if (rc < 0)
		return rc;
	parent = strdup(env);
	if (!parent)
		return VH_ENOMEM;
	*strrchr(parent, '/') = '\0';
	rc = git_deps(d, *parent ? parent : "/");
	free(parent);
	return rc;
}

/* What top holds of the names its steps asked before the answer, and for
 * an env its pyvenv.cfg. */
static int top_deps(struct vh_deps *d, const struct vh_wanted *w, const char *top)
{
	const char *names[VH_WALK_NAMES_MAX];
	size_t i;
	int rc = 0;

	if (w->found.env)
		vh_walk_names_before(names, &w->found);
	else
		vh_walk_names(names, VH_WALK_ALL);
	for (i = 0; names[i] && rc == 0; i++)
		rc = vh_deps_add_in(d, top, names[i]);
	if (rc == 0 && w->found.env)
		rc = vh_deps_add_in(d, w->found.env, "pyvenv.cfg");
	/* (and a conda prefix's mark: envdir.h) */
	if (rc == 0 && w->found.env)
		rc = vh_deps_add_in(d, w->found.env, vh_conda_marker);
	return rc;
}

/* --- the reference file: $XDG_CACHE_HOME/venvhook/region, a symlink to
 * region.SEC.NSEC, a file made then and never changed; a new one when
 * something it is to be older than is not. --- */

static int ref_name_ok(const char *name)
{
	return !strncmp(name, "region.", 7) && name[7] && strspn(name + 7, "0123456789.") == strlen(name + 7);
}

/* A new reference file, linked from link (dir its directory). */
static void ref_make(const char *link, const char *dir, const char *old)
{
	struct vh_buf name = VH_BUF_INIT, path = VH_BUF_INIT, tmp = VH_BUF_INIT;
	struct timespec now;
	int fd;

	if (clock_gettime(CLOCK_REALTIME, &now) < 0 || vh_xdg_make_parent(link) < 0 ||
	    vh_buf_printf(&name, "region.%lld.%09ld", (long long)now.tv_sec, now.tv_nsec) < 0 ||
	    path_in(&path, dir, name.data) < 0 || vh_buf_printf(&tmp, "%s.%ld", link, (long)getpid()) < 0)
		goto done;
	fd = vh_file_open_own(path.data, O_EXCL);
	if (fd < 0)
		goto done;
	close(fd);
	unlink(tmp.data);
	if (symlink(name.data, tmp.data) < 0 || rename(tmp.data, link) < 0) {
		unlink(tmp.data);
		unlink(path.data);
		goto done;
	}
	/* A shell that holds the old one finds it gone, and asks export. */
	if (old && path_in(&path, dir, old) == 0)
		unlink(path.data);
done:
	vh_buf_free(&name);
	vh_buf_free(&path);
	vh_buf_free(&tmp);
}

/* *ref = the reference file for deps whose newest time is newest, when
 * the one there is the user's, newer than that and settled; else NULL
 * (and a new one is made when the one there is not newer). */
static int ref_find(char **ref, const struct timespec *newest)
{
	struct vh_buf path = VH_BUF_INIT;
	struct timespec now;
	struct vh_stat st;
	struct stat own;
	char *link = NULL, *dir = NULL, target[64];
	ssize_t n = -1;
	int rc = VH_ENOMEM, there = 0;

	*ref = NULL;
	if (vh_xdg_file(&link, "XDG_CACHE_HOME", ".cache", "region") == VH_ENOMEM)
		goto done;
	rc = 0;
	if (!link || clock_gettime(CLOCK_REALTIME, &now) < 0)
		goto done;
	if (!(dir = strndup(link, (size_t)(strrchr(link, '/') - link)))) {
		rc = VH_ENOMEM;
		goto done;
	}
	n = readlink(link, target, sizeof(target) - 1);
	if (n > 0 && (size_t)n < sizeof(target) - 1) {
		target[n] = '\0';
		if (!ref_name_ok(target))
			n = -1;
		else if (path_in(&path, dir, target) < 0)
			rc = VH_ENOMEM;
		else
			there = vh_stat(&st, AT_FDCWD, path.data, 0) == 0 && S_ISREG(st.mode) &&
				stat(path.data, &own) == 0 && vh_file_private(-1, path.data, &own);
	}
	if (rc < 0)
		goto done;
	if (there && vh_timespec_cmp(&st.mtime, newest) > 0) {
		if (st.mtime.tv_sec + VH_REGION_SETTLE <= now.tv_sec)
			*ref = vh_buf_detach(&path);
	} else if (newest->tv_sec <= now.tv_sec) {
		/* (a time to come: no file made now would be newer) */
		ref_make(link, dir, n > 0 ? target : NULL);
	}
done:
	vh_buf_free(&path);
	free(link);
	free(dir);
	return rc;
}

int vh_region_of(struct vh_region *r, const struct vh_wanted *w, const char *cwd)
{
	const char *top = top_of(w);
	int rc, env_ok = 0;

	(void)cwd;
	memset(r, 0, sizeof(*r));
	if (!top)
		return 0;
	if ((rc = top_deps(&r->deps, w, top)) < 0 || (rc = outside_deps(&r->deps, w)) < 0 ||
	    (rc = vh_stores_region(&r->deps, top)) < 0)
		goto done;
	if (r->deps.unusable)
		goto done;
	if (r->deps.nthere) {
		if ((rc = ref_find(&r->ref, &r->deps.newest)) < 0 || !r->ref)
			goto done;
	}
	r->nnames = vh_walk_names(r->names, VH_WALK_ALL);
	if ((rc = env_of(&env_ok, r)) < 0 || !env_ok)
		goto done;
	if (!(r->top = strdup(top)))
		rc = VH_ENOMEM;
done:
	if (rc < 0 || !r->top)
		vh_region_free(r);
	return rc;
}
