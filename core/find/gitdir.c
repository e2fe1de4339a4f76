#include "core/find/gitdir.h"
#include "core/util/compat.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/find/dircache.h"
#include "core/util/fileio.h"
#include "core/find/pathfd.h"

/* vh_read_file of the absolute path, asked from the walk's directories. */
static int read_at(struct vh_buf *out, const struct vh_pathfd *at, const char *path, size_t max)
{
	const char *rel;
	int fd = vh_pathfd_base(at, path, &rel);

	return vh_read_file(out, fd, rel, max);
}

static int is_dir(const struct vh_pathfd *at, const char *base, const char *leaf)
{
	struct vh_buf p = VH_BUF_INIT;
	struct stat st;
	int ok = vh_buf_puts(&p, base) == 0 && vh_buf_puts(&p, leaf) == 0 &&
		 vh_pathfd_stat(at, p.data, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);

	vh_buf_free(&p);
	return ok;
}

static int exists(const struct vh_pathfd *at, const char *base, const char *leaf)
{
	struct vh_buf p = VH_BUF_INIT;
	struct stat st;
	int ok = vh_buf_puts(&p, base) == 0 && vh_buf_puts(&p, leaf) == 0 &&
		 vh_pathfd_stat(at, p.data, &st, AT_SYMLINK_NOFOLLOW) == 0;

	vh_buf_free(&p);
	return ok;
}

/* The walk cache's judgement of a file (dircache.h): *st (followed, as the
 * read follows) and 1 when the file, unchanged, was judged before; 0 when
 * it is to be read (*have says whether *st was taken). */
static int judged(int *have, struct stat *st, const struct vh_gitdir_known *k, uint64_t key,
		  const struct vh_pathfd *at, const char *path)
{
	*have = k && k->cache && vh_pathfd_stat(at, path, st, 0) == 0 && S_ISREG(st->st_mode);
	return *have && vh_dircache_has(k->cache, key, st);
}

/* Records a judgement that held for the file as st saw it, when its status
 * after the read is still st (nothing changed it while it was read). */
static void remember(const struct vh_gitdir_known *k, uint64_t key, const struct vh_pathfd *at,
		     const char *path, const struct stat *st)
{
	struct vh_stat a, b;
	struct stat now;
	const char *rel;
	int fd = vh_pathfd_base(at, path, &rel);

	if (fstatat(fd, rel, &now, 0) < 0)
		return;
	vh_stat_from(&a, st);
	vh_stat_from(&b, &now);
	if (a.dev == b.dev && a.ino == b.ino && a.size == b.size &&
	    !vh_timespec_cmp(&a.ctime, &b.ctime) && !vh_timespec_cmp(&a.mtime, &b.mtime))
		vh_dircache_add(k->cache, key, fd, rel, &now, NULL);
}

/* The keys of the two judgements: a new rule in head_ok or config_plain
 * gets a new version here, so that no judgement of the old rules holds. */
static uint64_t key_of(const char *what)
{
	const char *list[] = { what, NULL };

	return vh_dircache_key(list);
}

/* HEAD as git validates it: "ref: refs/..." or an object id in hex. */
static int head_ok(const struct vh_pathfd *at, const char *gitdir, const struct vh_gitdir_known *k)
{
	struct vh_buf p = VH_BUF_INIT, head = VH_BUF_INIT;
	uint64_t key = key_of("gitdir.c head_ok 1");
	struct stat st;
	size_t n;
	int ok = 0, have;

	if (vh_buf_puts(&p, gitdir) < 0 || vh_buf_puts(&p, "/HEAD") < 0)
		goto done;
	if (judged(&have, &st, k, key, at, p.data)) {
		ok = 1;
		goto done;
	}
	if (read_at(&head, at, p.data, 4096) != VH_OK)
		goto done;
	n = head.len;
	if (n && head.data[n - 1] == '\n')
		head.data[--n] = '\0';
	if (!strncmp(head.data, "ref: refs/", 10))
		ok = !strchr(head.data, '\n');
	else
		ok = (n == 40 || n == 64) && strspn(head.data, "0123456789abcdef") == n;
	if (ok && have)
		remember(k, key, at, p.data, &st);
done:
	vh_buf_free(&p);
	vh_buf_free(&head);
	return ok;
}

/* Each line of text (lowercased, NUL-free) is one git init writes, or a
 * setting that changes nothing venvhook asks git (see config_plain); with
 * wt, one core.worktree line may be there too, its value's place in the
 * text left in wt[0] (offset) and wt[1] (length; 0 when none). */
static int lines_plain(char *text, size_t *wt)
{
	static const char *const harmless[] = {
		"filemode", "logallrefupdates", "ignorecase", "precomposeunicode", "symlinks",
		"autocrlf", "url", "fetch", "remote", "merge", "rebase", "pushremote", "email",
		"name", "editor", "pager", "whitespace", "eol", "safecrlf", "sharedrepository",
		"hookspath", "sparsecheckout", "sparsecheckoutcone", "fsmonitor", "untrackedcache",
		"splitindex", "checkstat", "trustctime", "autodetach", "prune", "gc", "mirror",
		"pushurl", "tagopt", "skipfetchall", "partialclonefilter", "promisor", NULL,
	};
	char *line, *next, *eq, *key, *value, *c;
	const char *const *h;
	int in_core = 0;

	for (line = text; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		while (*line == ' ' || *line == '\t' || *line == '\r')
			line++;
		if (!*line || *line == '#' || *line == ';')
			continue;
		if (*line == '[') {
			/* a section other git init writes: include, extensions... */
			if (strncmp(line, "[core]", 6) && strncmp(line, "[remote ", 8) &&
			    strncmp(line, "[branch ", 8) && strncmp(line, "[user]", 6) &&
			    strncmp(line, "[gc]", 4))
				return 0;
			in_core = !strncmp(line, "[core]", 6);
			continue;
		}
		eq = strchr(line, '=');
		if (!eq || strchr(line, '\\') || strchr(line, '"'))
			return 0;
		value = eq + 1;
		while (eq > line && (eq[-1] == ' ' || eq[-1] == '\t'))
			eq--;
		*eq = '\0';
		key = line;
		while (*value == ' ' || *value == '\t')
			value++;
		for (c = value + strlen(value); c > value && isspace((unsigned char)c[-1]);)
			*--c = '\0';
		if (!strcmp(key, "repositoryformatversion")) {
			if (strcmp(value, "0") && strcmp(value, "1"))
				return 0;
			continue;
		}
		if (!strcmp(key, "bare")) {
			if (strcmp(value, "false"))
				return 0;
			continue;
		}
		/* a submodule's (git submodule writes it): one, plain, in [core];
		 * a comment after a value is git's to strip, not ours */
		if (!strcmp(key, "worktree")) {
			if (!wt || !in_core || wt[1] || !*value || strpbrk(value, "#;"))
				return 0;
			wt[0] = (size_t)(value - text);
			wt[1] = strlen(value);
			continue;
		}
		for (h = harmless; *h && strcmp(key, *h); h++)
			;
		if (!*h)
			return 0;
	}
	return 1;
}

/* A config that certainly leaves the work tree where the .git is: every
 * line a section header, a comment, or a key among those git init writes
 * with a value that changes nothing here. Anything else is for libgit2.
 * With worktree (a repository a .git file names), core.worktree may be set:
 * its value, as written, goes to *worktree (empty when not set), and the
 * config is read each time (the cache keeps yes or no, not a value). */
static int config_plain(struct vh_buf *worktree, const struct vh_pathfd *at, const char *gitdir,
			const struct vh_gitdir_known *k)
{
	struct vh_buf p = VH_BUF_INIT, cfg = VH_BUF_INIT;
	char *c, *orig = NULL;
	uint64_t judgement = key_of("gitdir.c config_plain 1");
	struct stat st;
	size_t wt[2] = { 0, 0 };
	int ok = 0, rc, have = 0;

	if (vh_buf_puts(&p, gitdir) < 0 || vh_buf_puts(&p, "/config") < 0)
		goto done;
	if (!worktree && judged(&have, &st, k, judgement, at, p.data)) {
		ok = 1;
		goto done;
	}
	rc = read_at(&cfg, at, p.data, 65536);
	/* none at all (not even a dangling symlink): every default holds */
	if (rc == VH_ENOTFOUND && !exists(at, gitdir, "/config")) {
		ok = 1;
		goto done;
	}
	if (rc != VH_OK || memchr(cfg.data, '\0', cfg.len) || (worktree && !(orig = strdup(cfg.data))))
		goto done;
	for (c = cfg.data; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	if (!lines_plain(cfg.data, worktree ? wt : NULL) ||
	    (wt[1] && vh_buf_add(worktree, orig + wt[0], wt[1]) < 0))
		goto done;
	ok = 1;
	if (have)
		remember(k, judgement, at, p.data, &st);
done:
	vh_buf_free(&p);
	vh_buf_free(&cfg);
	free(orig);
	return ok;
}

/* No directory from cwd up to (not including) dir is a symlink (git walks
 * up the physical path, the shell's walk the logical one), one git would
 * take for a bare repository first, or on another file system than dir
 * (git stops at a file system's edge). */
static int path_plain(const struct vh_pathfd *at, const char *cwd, const char *dir,
		      const struct vh_gitdir_known *k)
{
	struct stat top, st;
	char *d = strdup(cwd), *slash;
	size_t len = strlen(dir);
	int ok = 0;

	if (!d || vh_pathfd_stat(at, dir, &top, 0) < 0)
		goto done;
	if (k && k->below_dev) {
		ok = *k->below_dev == top.st_dev;
		goto done;
	}
	while (strlen(d) > len) {
		if (vh_pathfd_stat(at, d, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISDIR(st.st_mode) ||
		    st.st_dev != top.st_dev ||
		    vh_pathfd_stat_in(at, d, "HEAD", &st, AT_SYMLINK_NOFOLLOW) == 0)
			goto done;
		slash = strrchr(d, '/');
		if (!slash)
			goto done;
		if (slash == d)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	ok = !strcmp(d, dir);
done:
	free(d);
	return ok;
}

/* dir + "/" + rel into *out (rel alone when absolute); 0 or VH_ENOMEM. */
static int join(struct vh_buf *out, const char *dir, const char *rel)
{
	if (*rel != '/' && (vh_buf_puts(out, dir) < 0 || (strcmp(dir, "/") && vh_buf_puts(out, "/") < 0)))
		return VH_ENOMEM;
	return vh_buf_puts(out, rel);
}

/* The repository a regular .git file names, as git reads it
 * (read_gitfile_gently, setup.c, git v2.43.0): "gitdir: PATH", the CRs and
 * LFs at its end dropped, PATH relative to dir. libgit2 (read_gitfile,
 * src/libgit2/repository.c at 02b618d0) also drops blanks around PATH and
 * reads '\\' as '/': a PATH the two could read apart is left to libgit2.
 * 1 with *repo set, 0 when it is not certainly that. */
static int gitfile_repo(struct vh_buf *repo, const struct vh_pathfd *at, const char *dotgit,
			const char *dir)
{
	struct vh_buf text = VH_BUF_INIT;
	struct stat st;
	size_t n;
	int ok = 0;

	if (vh_pathfd_stat(at, dotgit, &st, AT_SYMLINK_NOFOLLOW) < 0 || !S_ISREG(st.st_mode) ||
	    read_at(&text, at, dotgit, 4096) != VH_OK || memchr(text.data, '\0', text.len) ||
	    strncmp(text.data, "gitdir: ", 8))
		goto done;
	for (n = text.len; n > 8 && (text.data[n - 1] == '\n' || text.data[n - 1] == '\r');)
		text.data[--n] = '\0';
	ok = n > 8 && !strpbrk(text.data + 8, "\n\\") && !isspace((unsigned char)text.data[8]) &&
	     !isspace((unsigned char)text.data[n - 1]) && join(repo, dir, text.data + 8) == 0;
done:
	vh_buf_free(&text);
	return ok;
}

/* A repository git takes as one, its config plain (config_plain). */
static int repo_plain(struct vh_buf *worktree, const struct vh_pathfd *at, const char *repo,
		      const struct vh_gitdir_known *k)
{
	return is_dir(at, repo, "/objects") && is_dir(at, repo, "/refs") && !exists(at, repo, "/commondir") &&
	       head_ok(at, repo, k) && config_plain(worktree, at, repo, k);
}

/* A submodule's checkout (or a --separate-git-dir one): dir/.git a file
 * naming its repository, whose work tree is dir: core.worktree unset (git
 * then takes the .git file's directory) or naming dir (git submodule sets
 * it, relative to the repository: setup_explicit_git_dir in setup.c,
 * load_workdir in libgit2's repository.c). A linked worktree's repository
 * (commondir) is left to libgit2. */
static int gitfile_root(const struct vh_pathfd *at, const char *dotgit, const char *dir,
			const struct vh_gitdir_known *k)
{
	struct vh_buf repo = VH_BUF_INIT, wt = VH_BUF_INIT, tree = VH_BUF_INIT;
	struct stat a, b;
	int ok = gitfile_repo(&repo, at, dotgit, dir) && is_dir(at, repo.data, "") &&
		 repo_plain(&wt, at, repo.data, k);

	if (ok && wt.len)
		ok = join(&tree, repo.data, wt.data) == 0 && vh_pathfd_stat(at, tree.data, &a, 0) == 0 &&
		     vh_pathfd_stat(at, dir, &b, 0) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
	vh_buf_free(&repo);
	vh_buf_free(&wt);
	vh_buf_free(&tree);
	return ok;
}

int vh_gitdir_is_root(const struct vh_pathfd *at, const char *cwd, const char *dir,
		      const struct vh_gitdir_known *known)
{
	const char *ceil = vh_getenv("GIT_CEILING_DIRECTORIES");
	struct vh_buf gitdir = VH_BUF_INIT;
	int ok = 0;

	/* Ceilings and file system edges have rules of their own: libgit2's. */
	if ((ceil && *ceil) || vh_getenv("GIT_DISCOVERY_ACROSS_FILESYSTEM"))
		return 0;
	if (join(&gitdir, dir, ".git") < 0)
		goto done;
	ok = (is_dir(at, gitdir.data, "") ? repo_plain(NULL, at, gitdir.data, known)
					  : gitfile_root(at, gitdir.data, dir, known)) &&
	     path_plain(at, cwd, dir, known);
done:
	vh_buf_free(&gitdir);
	return ok;
}
