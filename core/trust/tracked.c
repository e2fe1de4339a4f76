#include "core/trust/tracked.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/util/cache.h"
#include "core/util/compat.h"
#include "core/find/git.h"
#include "core/util/hex.h"

void vh_tracked_free(struct vh_tracked *t)
{
	free(t->root);
	vh_buf_free(&t->why);
	memset(t, 0, sizeof(*t));
}

static char *parent_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return NULL;
	return slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));
}

/* The nearest directory at dir or above it that holds a '.git' entry,
 * whatever it is (a directory, a file, even a FIFO: libgit2 judges it in
 * its bounded child). NULL with *oom 0 when there is none. */
static char *worktree_of(const char *dir, int *oom)
{
	struct vh_buf p = VH_BUF_INIT;
	struct stat st;
	char *d = strdup(dir), *slash;

	*oom = !d;
	while (d) {
		vh_buf_reset(&p);
		if (vh_buf_puts(&p, d) < 0 || vh_buf_puts(&p, strcmp(d, "/") ? "/.git" : ".git") < 0) {
			*oom = 1;
			free(d);
			d = NULL;
			break;
		}
		if (lstat(p.data, &st) == 0)
			break;
		if (!strcmp(d, "/")) {
			free(d);
			d = NULL;
			break;
		}
		slash = strrchr(d, '/');
		if (slash == d)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	vh_buf_free(&p);
	return d;
}

/* What the answer for this env depends on, besides the index: the device,
 * inode and change time of the env directory, its pyvenv.cfg and bin/ (a
 * file added to bin/ changes bin/'s change time). The key names the rules'
 * version: "git2:" since an entry spelled in another case counts (an
 * answer of the rules before is never found). */
static int env_key(struct vh_buf *key, const char *real, const char *worktree)
{
	static const char *const leaf[] = { "", "/pyvenv.cfg", "/bin" };
	struct vh_buf p = VH_BUF_INIT;
	struct vh_stat st;
	size_t i;
	int rc = VH_ENOMEM;

	if (vh_buf_puts(key, "git2:") < 0 || vh_hex_put(key, real, strlen(real)) < 0 || vh_buf_putc(key, ':') < 0 ||
	    vh_hex_put(key, worktree, strlen(worktree)) < 0)
		goto done;
	for (i = 0; i < 3; i++) {
		vh_buf_reset(&p);
		if (vh_buf_puts(&p, real) < 0 || vh_buf_puts(&p, leaf[i]) < 0)
			goto done;
		if (vh_stat(&st, AT_FDCWD, p.data, 1) < 0)
			memset(&st, 0, sizeof(st));
		if (vh_buf_printf(key, ":%llu.%llu.%lld.%ld", (unsigned long long)st.dev,
				  (unsigned long long)st.ino, (long long)st.ctime.tv_sec,
				  st.ctime.tv_nsec) < 0)
			goto done;
	}
	rc = 0;
done:
	vh_buf_free(&p);
	return rc;
}

/* The identity of the index file, and of the config beside it: any write
 * of the index (a commit, a pull, git add) is a new one, and so is a new
 * core.ignorecase, which decides how its paths are compared. */
static int index_ident(struct vh_buf *out, const char *index)
{
	struct vh_buf config = VH_BUF_INIT;
	const char *slash = strrchr(index, '/');
	int rc;

	rc = vh_cache_ident(out, index, 1) < 0 || vh_buf_putc(out, '+') < 0 ||
	     vh_buf_add(&config, index, slash ? (size_t)(slash + 1 - index) : 0) < 0 ||
	     vh_buf_puts(&config, "config") < 0 || vh_cache_ident(out, config.data, 1) < 0 ? VH_ENOMEM : 0;
	vh_buf_free(&config);
	return rc;
}

/* Cached value: "<hex index path>:<index identity>:<- or digest>". */
static int cached(struct vh_tracked *out, const char *key)
{
	struct vh_buf value = VH_BUF_INIT, ident = VH_BUF_INIT;
	char *index = NULL, *c1, *c2;
	size_t n;
	int hit = 0;

	if (!vh_cache_get(&value, key))
		goto done;
	c1 = strchr(value.data, ':');
	c2 = c1 ? strrchr(c1 + 1, ':') : NULL;
	if (!c2 || c2 == c1 || vh_hex_decode(&index, &n, value.data, (size_t)(c1 - value.data)))
		goto done;
	*c2 = '\0';
	if (index_ident(&ident, index) < 0 || strcmp(ident.data, c1 + 1))
		goto done;
	if (!strcmp(c2 + 1, "-")) {
		out->answer = VH_TRACKED_NO;
		hit = 1;
	} else if (strlen(c2 + 1) == 40) {
		out->answer = VH_TRACKED_YES;
		strcpy(out->digest, c2 + 1);
		hit = 1;
	}
done:
	free(index);
	vh_buf_free(&value);
	vh_buf_free(&ident);
	return hit;
}

static void remember(const char *key, const struct vh_git_tracked *t)
{
	struct vh_buf value = VH_BUF_INIT;

	if (vh_hex_put(&value, t->index, strlen(t->index)) == 0 && vh_buf_putc(&value, ':') == 0 &&
	    index_ident(&value, t->index) == 0 &&
	    vh_buf_printf(&value, ":%s", t->tracked ? t->digest : "-") == 0)
		vh_cache_put(key, value.data);
	vh_buf_free(&value);
}

/* Asks the repository at worktree about paths; merges into out. */
static int ask(struct vh_tracked *out, const char *real, const char *worktree,
	       const char *const *paths, size_t n)
{
	struct vh_git_tracked t;
	struct vh_buf key = VH_BUF_INIT;
	struct vh_tracked one = { 0 };
	int st, rc = VH_ENOMEM;

	if (env_key(&key, real, worktree) < 0)
		goto done;
	if (!cached(&one, key.data)) {
		st = vh_git_tracked(&t, &one.why, worktree, paths, n);
		if (st == VH_ENOMEM)
			goto done;
		if (st != VH_OK) {
			one.answer = VH_TRACKED_UNKNOWN;
		} else {
			one.answer = t.tracked ? VH_TRACKED_YES : VH_TRACKED_NO;
			strcpy(one.digest, t.digest);
			remember(key.data, &t);
			vh_git_tracked_free(&t);
		}
	}
	/* Two repositories (a symlinked env): tracked in one, or unknown in
	 * one, is the answer; a digest of both is the first one's. */
	if (one.answer == VH_TRACKED_UNKNOWN && out->answer != VH_TRACKED_YES) {
		out->answer = VH_TRACKED_UNKNOWN;
		vh_buf_reset(&out->why);
		if (vh_buf_puts(&out->why, vh_buf_str(&one.why)) < 0)
			goto done;
	} else if (one.answer == VH_TRACKED_YES && out->answer != VH_TRACKED_YES) {
		out->answer = VH_TRACKED_YES;
		strcpy(out->digest, one.digest);
		free(out->root);
		out->root = strdup(worktree);
		if (!out->root)
			goto done;
	} else if (one.answer == VH_TRACKED_NO && out->answer == VH_TRACKED_NO_REPO) {
		out->answer = VH_TRACKED_NO;
	}
	rc = 0;
done:
	vh_tracked_free(&one);
	vh_buf_free(&key);
	return rc;
}

/* realpath(dir + "/" + leaf) for a dir with no symlink in it (a real
 * path): when leaf itself is no symlink, that is the two joined, and one
 * lstat replaces realpath's readlink of every component. NULL with errno
 * as realpath leaves it. */
static char *real_under(const char *dir, const char *leaf)
{
	struct vh_buf p = VH_BUF_INIT;
	struct stat st;
	char *r = NULL;

	if (vh_buf_puts(&p, dir) < 0 || vh_buf_puts(&p, strcmp(dir, "/") ? "/" : "") < 0 ||
	    vh_buf_puts(&p, leaf) < 0) {
		errno = ENOMEM;
		goto done;
	}
	if (lstat(p.data, &st) < 0)
		goto done;
	r = S_ISLNK(st.st_mode) ? realpath(p.data, NULL) : vh_buf_detach(&p);
done:
	vh_buf_free(&p);
	return r;
}

/* realpath(parent of env), given real = realpath(env): when env's own name
 * is no symlink (nor "." or ".."), the parent of real, without asking the
 * file system about every component again. */
static char *real_parent(const char *env, const char *parent, const char *real)
{
	const char *base = strrchr(env, '/');
	struct stat st;

	if (real && base && strcmp(base, "/.") && strcmp(base, "/..") && base[1] &&
	    lstat(env, &st) == 0 && !S_ISLNK(st.st_mode))
		return parent_of(real);
	return realpath(parent, NULL);
}

int vh_tracked_check(struct vh_tracked *out, const char *env, const char *real)
{
	struct vh_buf as_found = VH_BUF_INIT;
	char *parent = NULL, *rparent = NULL, *realbin = NULL, *w1 = NULL, *w2 = NULL;
	const char *paths[3];
	const char *base = strrchr(env, '/');
	size_t n = 0;
	int rc = VH_ENOMEM, oom;

	memset(out, 0, sizeof(*out));
	parent = parent_of(env);
	rparent = parent ? real_parent(env, parent, real) : NULL;
	if (parent && !rparent && errno == ENOMEM)
		goto done;
	/* The env's own name under its parent's real path: a symlink named
	 * .venv that git tracks is the project's choice of env. */
	if (rparent && base) {
		if (vh_buf_puts(&as_found, rparent) < 0 ||
		    vh_buf_puts(&as_found, strcmp(rparent, "/") ? "/" : "") < 0 ||
		    vh_buf_puts(&as_found, base + 1) < 0)
			goto done;
		paths[n++] = as_found.data;
	}
	paths[n++] = real;
	realbin = real_under(real, "bin");
	if (!realbin && errno == ENOMEM)
		goto done;
	if (realbin)
		paths[n++] = realbin;
	w1 = rparent ? worktree_of(rparent, &oom) : NULL;
	if (rparent && !w1 && oom)
		goto done;
	{
		char *rp = parent_of(real);
		int failed = !rp;

		/* The same directory as rparent most often: the same walk. */
		if (rp && rparent && !strcmp(rp, rparent))
			w2 = w1 ? strdup(w1) : NULL, oom = w1 && !w2;
		else
			w2 = rp ? worktree_of(rp, &oom) : NULL;
		failed |= rp && !w2 && oom;
		free(rp);
		if (failed)
			goto done;
	}
	if (w1 && ask(out, real, w1, paths, n) < 0)
		goto done;
	if (w2 && (!w1 || strcmp(w1, w2)) && ask(out, real, w2, paths, n) < 0)
		goto done;
	rc = 0;
done:
	if (rc < 0)
		vh_tracked_free(out);
	free(parent);
	free(rparent);
	free(realbin);
	free(w1);
	free(w2);
	vh_buf_free(&as_found);
	return rc;
}
