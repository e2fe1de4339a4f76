/*
 * libgit2 is loaded with dlopen(), in a child process, the first time a
 * '.git' entry makes its answer matter. Linking it would cost every
 * `venvhook export` the loading of libgit2 and its ~18 libraries (mbedTLS,
 * libssh2, Kerberos...); most directory changes never meet a '.git' before
 * they find the env. The child bounds the question's time: what libgit2
 * opens (config, includes, index) is the project's to choose, FIFOs too.
 * The function pointers take their types from git2.h, so a mismatch with
 * the headers configure found is a compile error.
 */
#include "core/find/git.h"
#include "core/util/compat.h"

#include <dlfcn.h>
#include <errno.h>
#include <git2.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/util/cache.h"
#include "core/util/fileio.h"
#include "core/util/hex.h"

static struct {
	__typeof__(&git_libgit2_init) init;
	__typeof__(&git_libgit2_opts) opts;
	__typeof__(&git_repository_open_ext) open_ext;
	__typeof__(&git_repository_workdir) workdir;
	__typeof__(&git_repository_path) path;
	__typeof__(&git_repository_free) free;
	__typeof__(&git_error_last) error_last;
	__typeof__(&git_repository_index) repo_index;
	__typeof__(&git_index_caps) index_caps;
	__typeof__(&git_index_get_byindex) index_get_byindex;
	__typeof__(&git_index_entrycount) index_entrycount;
	__typeof__(&git_index_free) index_free;
	__typeof__(&git_odb_hash) odb_hash;
	__typeof__(&git_oid_fmt) oid_fmt;
} git;

#define LOAD(field, symbol) \
	(*(void **)&git.field = dlsym(handle, #symbol)) != NULL

/* In the child: libgit2 loaded and initialised, or why not. */
static int git_load(struct vh_buf *why)
{
	void *handle = dlopen(VH_LIBGIT2_SONAME, RTLD_NOW | RTLD_LOCAL);
	const char *e;

	if (!handle) {
		e = dlerror();
		vh_buf_printf(why, "cannot load %s (is libgit2 installed?): %s", VH_LIBGIT2_SONAME,
			      e ? e : "unknown error");
		return VH_ENOLIB;
	}
	if (!(LOAD(init, git_libgit2_init) && LOAD(opts, git_libgit2_opts) &&
	      LOAD(open_ext, git_repository_open_ext) && LOAD(workdir, git_repository_workdir) &&
	      LOAD(path, git_repository_path) && LOAD(free, git_repository_free) &&
	      LOAD(error_last, git_error_last) && LOAD(repo_index, git_repository_index) &&
	      LOAD(index_caps, git_index_caps) &&
	      LOAD(index_get_byindex, git_index_get_byindex) &&
	      LOAD(index_entrycount, git_index_entrycount) && LOAD(index_free, git_index_free) &&
	      LOAD(odb_hash, git_odb_hash) && LOAD(oid_fmt, git_oid_fmt))) {
		e = dlerror();
		vh_buf_printf(why, "%s lacks a function venvhook needs: %s", VH_LIBGIT2_SONAME,
			      e ? e : "unknown");
		return VH_ENOLIB;
	}
	if (git.init() < 0) {
		vh_buf_puts(why, "libgit2 did not start");
		return VH_ENOLIB;
	}
	/* Every question here only reads, and who owns the repository is what
	 * the trust policy judges, not a reason not to answer. */
	git.opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	return VH_OK;
}

static int git_failed(struct vh_buf *why, const char *doing)
{
	const git_error *err = git.error_last();

	vh_buf_printf(why, "%s: %s", doing, err && err->message ? err->message : "unknown error");
	return VH_EFAILED;
}

static int timeout_ms(void)
{
	const char *s = vh_getenv("VENVHOOK_GIT_TIMEOUT_MS");
	char *end;
	long v;

	if (s && *s) {
		v = strtol(s, &end, 10);
		if (!*end && v > 0 && v < 3600000)
			return (int)v;
	}
	return VH_GIT_TIMEOUT_MS;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The child's answer: one byte of status ('0' + -status), then the
 * question's payload (VH_OK) or the reason (anything else). */
typedef int (*question)(struct vh_buf *payload, struct vh_buf *why, const void *arg);

static void child(int fd, question q, const void *arg)
{
	struct vh_buf payload = VH_BUF_INIT, why = VH_BUF_INIT;
	int st = git_load(&why);
	char c;

	if (st == VH_OK)
		st = q(&payload, &why, arg);
	c = (char)('0' - st);
	if (vh_write_all(fd, &c, 1) == 0) {
		const struct vh_buf *b = st == VH_OK ? &payload : &why;

		vh_write_all(fd, b->data ? b->data : "", b->len);
	}
	_exit(0);
}

/* --- questions that cannot be answered, remembered --- */

/* What a question is remembered by: its name, the text of its argument,
 * and the repository (its .git) whose files decide the answer. */
struct memo {
	const char *question;
	struct vh_buf arg;
	const char *dotgit;
};

/* The files of a repository libgit2 reads before it can answer; a change
 * to any of them (a fix, a new config, a commit) is a new key. */
static const char *const memo_files[] = { "", "/config", "/HEAD", "/index", "/commondir",
					  "/gitdir", NULL };

/* "gitq:QUESTION:<hash of the argument>" and each file's identity. */
static int memo_key(struct vh_buf *key, const struct memo *m)
{
	struct vh_buf p = VH_BUF_INIT;
	uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a: the files' identity is the key's core */
	size_t i;
	int rc = VH_ENOMEM;

	for (i = 0; i < m->arg.len; i++)
		h = (h ^ (unsigned char)m->arg.data[i]) * 0x100000001b3ull;
	if (vh_buf_printf(key, "gitq:%s:%016llx", m->question, (unsigned long long)h) < 0)
		goto done;
	for (i = 0; memo_files[i]; i++) {
		vh_buf_reset(&p);
		if (vh_buf_puts(&p, m->dotgit) < 0 || vh_buf_puts(&p, memo_files[i]) < 0)
			goto done;
		/* the .git entry itself, then the files it leads to */
		if (vh_buf_putc(key, ':') < 0 || vh_cache_ident(key, p.data, i > 0) < 0)
			goto done;
	}
	rc = 0;
done:
	vh_buf_free(&p);
	return rc;
}

/* A question this process cannot answer (a timeout, a broken repository,
 * no libgit2), as remembered: "u<time>.<status>.<hex reason>". Returns its
 * status with the reason in why, or 0 when none is remembered within
 * VH_GIT_UNKNOWN_TTL seconds. */
static int memo_get(struct vh_buf *why, const char *key)
{
	struct vh_buf value = VH_BUF_INIT;
	long long when, now = (long long)time(NULL);
	char *reason = NULL;
	int st = 0, n = 0;
	size_t len;

	if (!vh_cache_get(&value, key) || sscanf(value.data, "u%lld.%d.%n", &when, &st, &n) != 2 || !n ||
	    when > now || now - when >= VH_GIT_UNKNOWN_TTL || st >= 0 || st < VH_EREFUSED ||
	    st == VH_ENOMEM || st == VH_ENOTFOUND ||
	    vh_hex_decode(&reason, &len, value.data + n, value.len - (size_t)n) ||
	    vh_buf_add(why, reason, len) < 0)
		st = 0;
	free(reason);
	vh_buf_free(&value);
	return st;
}

static void memo_put(const char *key, int st, const struct vh_buf *why)
{
	struct vh_buf value = VH_BUF_INIT;

	if (vh_buf_printf(&value, "u%lld.%d.", (long long)time(NULL), st) == 0 &&
	    vh_hex_put(&value, why->data ? why->data : "", why->len) == 0)
		vh_cache_put(key, value.data);
	vh_buf_free(&value);
}

static int ask_child(struct vh_buf *payload, struct vh_buf *why, question q, const void *arg);

/* Runs q in a child with libgit2 and reads its answer into payload (or
 * its reason into why), waiting at most timeout_ms(). With m, a question
 * that cannot be answered (not a timeout only: a repository libgit2
 * refuses, a libgit2 that cannot be loaded) is remembered, and for
 * VH_GIT_UNKNOWN_TTL seconds, while the repository's files stay as they
 * were, it is answered from memory: still "cannot tell", which every
 * caller refuses, but without a child and its wait at every cd. */
static int ask(struct vh_buf *payload, struct vh_buf *why, question q, const void *arg,
	       const struct memo *m)
{
	struct vh_buf key = VH_BUF_INIT;
	int st;

	if (m && memo_key(&key, m) < 0) {
		vh_buf_free(&key);
		return VH_ENOMEM;
	}
	st = m ? memo_get(why, key.data) : 0;
	if (!st) {
		st = ask_child(payload, why, q, arg);
		if (m && st != VH_OK && st != VH_ENOTFOUND && st != VH_ENOMEM)
			memo_put(key.data, st, why);
	}
	vh_buf_free(&key);
	return st;
}

static int ask_child(struct vh_buf *payload, struct vh_buf *why, question q, const void *arg)
{
	struct vh_buf reply = VH_BUF_INIT;
	long long deadline = now_ms() + timeout_ms(), left;
	struct pollfd pfd;
	char chunk[4096];
	int fds[2], st = VH_EIO, status, r;
	ssize_t n;
	pid_t pid;

	if (pipe(fds) < 0) {
		vh_buf_printf(why, "cannot make a pipe: %s", strerror(errno));
		return VH_EIO;
	}
	pid = fork();
	if (pid < 0) {
		vh_buf_printf(why, "cannot start a process: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return VH_EIO;
	}
	if (pid == 0) {
		close(fds[0]);
		child(fds[1], q, arg);
	}
	close(fds[1]);
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	for (;;) {
		left = deadline - now_ms();
		if (left <= 0) {
			st = VH_ETIMEOUT;
			break;
		}
		r = poll(&pfd, 1, (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0) {
			st = VH_ETIMEOUT;
			break;
		}
		n = read(fds[0], chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			st = n == 0 ? VH_OK : VH_EIO;
			break;
		}
		if (vh_buf_add(&reply, chunk, (size_t)n) < 0) {
			st = VH_ENOMEM;
			break;
		}
	}
	close(fds[0]);
	if (st != VH_OK)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (st == VH_ETIMEOUT) {
		vh_buf_printf(why, "git's files gave no answer within %d ms", timeout_ms());
	} else if (st == VH_EIO) {
		vh_buf_puts(why, "the process asking git failed");
	} else if (st == VH_OK) {
		/* No reply at all: the child died (a crash in libgit2). */
		if (!reply.len || reply.data[0] < '0' || reply.data[0] > '6') {
			vh_buf_puts(why, "the process asking git ended without an answer");
			st = VH_EFAILED;
		} else {
			st = '0' - reply.data[0];
			if (vh_buf_add(st == VH_OK ? payload : why, reply.data + 1,
				       reply.len - 1) < 0)
				st = VH_ENOMEM;
		}
	}
	vh_buf_free(&reply);
	return st;
}

/* worktree + "/.git" */
static int dotgit_of(struct vh_buf *out, const char *worktree)
{
	return vh_buf_puts(out, worktree) < 0 ||
	       vh_buf_puts(out, strcmp(worktree, "/") ? "/.git" : ".git") < 0 ? VH_ENOMEM : 0;
}

/* --- the questions, each run in the child --- */

static int q_root(struct vh_buf *payload, struct vh_buf *why, const void *arg)
{
	git_repository *repo = NULL;
	const char *workdir;
	size_t len;
	int st = VH_ENOTFOUND;

	(void)why;
	/* Not GIT_REPOSITORY_OPEN_FROM_ENV: GIT_DIR/GIT_WORK_TREE name a repository
	 * for git commands, not the project the shell is standing in. */
	if (git.open_ext(&repo, arg, 0, vh_getenv("GIT_CEILING_DIRECTORIES")) < 0)
		goto done;
	workdir = git.workdir(repo);
	if (!workdir)
		goto done;
	len = strlen(workdir);
	while (len > 1 && workdir[len - 1] == '/')
		len--;
	st = vh_buf_add(payload, workdir, len) < 0 ? VH_ENOMEM : VH_OK;
done:
	git.free(repo);
	return st;
}

int vh_git_root(char **root, struct vh_buf *why, const char *dir, const char *worktree)
{
	struct vh_buf payload = VH_BUF_INIT, dotgit = VH_BUF_INIT;
	struct memo m = { "root", VH_BUF_INIT, NULL };
	const char *ceiling = vh_getenv("GIT_CEILING_DIRECTORIES");
	int st = VH_ENOMEM;

	*root = NULL;
	/* the variable libgit2 heeds here is part of the question */
	if (dotgit_of(&dotgit, worktree) < 0 || vh_buf_puts(&m.arg, dir) < 0 ||
	    vh_buf_putc(&m.arg, '\0') < 0 || vh_buf_puts(&m.arg, ceiling ? ceiling : "") < 0)
		goto done;
	m.dotgit = dotgit.data;
	st = ask(&payload, why, q_root, dir, &m);
	if (st == VH_OK) {
		*root = vh_buf_detach(&payload);
		if (!*root)
			st = VH_ENOMEM;
	}
done:
	vh_buf_free(&m.arg);
	vh_buf_free(&dotgit);
	vh_buf_free(&payload);
	return st;
}

static int q_valid(struct vh_buf *payload, struct vh_buf *why, const void *arg)
{
	git_repository *repo = NULL;
	int st = VH_OK;

	(void)payload;
	if (git.open_ext(&repo, arg, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0) {
		const git_error *err = git.error_last();

		vh_buf_puts(why, err && err->message ? err->message : "not a repository");
		st = VH_EFAILED;
	}
	git.free(repo);
	return st;
}

int vh_git_valid(struct vh_buf *why, const char *dir)
{
	struct vh_buf payload = VH_BUF_INIT, dotgit = VH_BUF_INIT;
	struct memo m = { "valid", VH_BUF_INIT, NULL };
	int st = VH_ENOMEM;

	if (vh_buf_puts(&m.arg, dir) < 0 || dotgit_of(&dotgit, dir) < 0)
		goto done;
	m.dotgit = dotgit.data;
	st = ask(&payload, why, q_valid, dir, &m);
done:
	vh_buf_free(&m.arg);
	vh_buf_free(&dotgit);
	vh_buf_free(&payload);
	return st;
}

struct tracked_q {
	const char *dotgit;
	const char *const *paths;
	size_t n;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The paths relative to the work tree (root, a real path without trailing
 * '/'), sorted, each dropped that another one already covers. */
static int relative(char ***out, size_t *n, const char *root, const struct tracked_q *q)
{
	size_t len = strlen(root), i, k = 0, m;
	char **v = calloc(q->n + 1, sizeof(*v));

	*out = v;
	if (!v)
		return VH_ENOMEM;
	for (i = 0; i < q->n; i++) {
		const char *p = q->paths[i];

		if (strncmp(p, root, len) || (p[len] != '/' && p[len] != '\0'))
			continue; /* outside the work tree: not this index's to track */
		p += len;
		while (*p == '/')
			p++;
		v[k] = strdup(p);
		if (!v[k])
			return VH_ENOMEM;
		k++;
	}
	qsort(v, k, sizeof(*v), by_name);
	for (i = 0, m = 0; i < k; i++) {
		size_t l = m ? strlen(v[m - 1]) : 0;

		/* "" (the whole work tree) covers everything; "a" covers "a/b". */
		if (m && (!l || (!strncmp(v[i], v[m - 1], l) && (v[i][l] == '/' || !v[i][l])))) {
			free(v[i]);
			continue;
		}
		v[m++] = v[i];
	}
	for (i = m; i < k; i++)
		v[i] = NULL;
	*n = m;
	return 0;
}

/* How an index path relates to a path asked about. */
enum spelled { APART, EXACT, ASCII_CASE, OTHER_BYTES };

/* Whether entry (an index path) is rel or lies under it, comparing the
 * first components of entry, as many as rel has, one by one: EXACT when
 * each is the same; ASCII_CASE when some differ in the case of ASCII
 * letters only (core.ignorecase's rule, and every case-insensitive file
 * system's); OTHER_BYTES when some differ in bytes past ASCII, which a
 * file system that folds Unicode (APFS, ext4's casefold) may take for the
 * same name; else APART. *plen is the length of that part of entry. */
static int ascii_letter(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int has_high_byte(const char *s, size_t n)
{
	while (n--)
		if ((unsigned char)*s++ >= 0x80)
			return 1;
	return 0;
}

/* How one component (e, el bytes) is spelled against another (r, rl). */
static enum spelled component(const char *e, size_t el, const char *r, size_t rl)
{
	size_t i;

	if (el == rl && !memcmp(e, r, el))
		return EXACT;
	for (i = 0; el == rl && i < el; i++)
		if (e[i] != r[i] && !(ascii_letter((unsigned char)e[i]) &&
				      (e[i] | 0x20) == (r[i] | 0x20)))
			break;
	if (el == rl && i == el)
		return ASCII_CASE;
	return has_high_byte(e, el) || has_high_byte(r, rl) ? OTHER_BYTES : APART;
}

static enum spelled spelled_as(const char *entry, const char *rel, size_t *plen)
{
	enum spelled how = EXACT, c;
	const char *e = entry, *r = rel;
	size_t el, rl;

	for (;;) {
		el = strcspn(e, "/");
		rl = strcspn(r, "/");
		c = component(e, el, r, rl);
		if (c == APART)
			return APART;
		if (c > how)
			how = c;
		e += el;
		r += rl;
		if (!*r)
			break;
		if (*e != '/')
			return APART;
		e++, r++;
	}
	/* entry is rel, or lies under it */
	if (*e && *e != '/')
		return APART;
	*plen = (size_t)(e - entry);
	return how;
}

/* The entries the index holds of the paths asked about (relative to the
 * work tree root), as "<mode> <id> <path>\n" lines, in one pass over the
 * index. A path the file system would take for one of them counts too: an
 * entry spelled otherwise (.VENV/bin/ls for .venv) counts when git folds
 * case (core.ignorecase, the index's ignore-case capability) or when the
 * two spellings name the same file here (one lstat per spelling: the file
 * system says whether it is case-insensitive, or folds Unicode, at each
 * directory). */
struct tracked_scan {
	const char *root;
	char *last;     /* the last other spelling asked about, and the answer */
	int last_same;
};

static int same_file_as(struct tracked_scan *s, const char *entry, size_t plen, const char *rel)
{
	struct vh_buf a = VH_BUF_INIT, b = VH_BUF_INIT;
	struct stat sa, sb;

	if (s->last && strlen(s->last) == plen && !memcmp(s->last, entry, plen))
		return s->last_same;
	free(s->last);
	s->last = strndup(entry, plen);
	s->last_same = 0;
	if (vh_buf_puts(&a, s->root) == 0 && vh_buf_putc(&a, '/') == 0 && vh_buf_add(&a, entry, plen) == 0 &&
	    vh_buf_puts(&b, s->root) == 0 && vh_buf_putc(&b, '/') == 0 && vh_buf_puts(&b, rel) == 0 &&
	    lstat(a.data, &sa) == 0 && lstat(b.data, &sb) == 0)
		s->last_same = sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	vh_buf_free(&a);
	vh_buf_free(&b);
	return s->last_same;
}

static int entries_of(struct vh_buf *list, git_index *index, const char *root, char **rel, size_t n)
{
	struct tracked_scan s = { root, NULL, 0 };
	size_t pos, count = git.index_entrycount(index), i, plen;
	int ignore_case = (git.index_caps(index) & GIT_INDEX_CAPABILITY_IGNORE_CASE) != 0, rc = 0;
	const git_index_entry *e;
	char hex[GIT_OID_HEXSZ + 1];
	enum spelled how;

	for (pos = 0; pos < count && rc == 0; pos++) {
		e = git.index_get_byindex(index, pos);
		if (!e)
			continue;
		for (i = 0; i < n; i++) {
			/* "" (the whole work tree) holds everything */
			how = rel[i][0] ? spelled_as(e->path, rel[i], &plen) : EXACT;
			if (how == EXACT ||
			    (how == ASCII_CASE && (ignore_case || same_file_as(&s, e->path, plen, rel[i]))) ||
			    (how == OTHER_BYTES && same_file_as(&s, e->path, plen, rel[i])))
				break;
		}
		if (i == n)
			continue;
		git.oid_fmt(hex, &e->id);
		hex[GIT_OID_HEXSZ] = '\0';
		if (vh_buf_printf(list, "%o %s %s\n", e->mode, hex, e->path) < 0)
			rc = VH_ENOMEM;
	}
	free(s.last);
	return rc;
}

static int q_tracked(struct vh_buf *payload, struct vh_buf *why, const void *arg)
{
	const struct tracked_q *q = arg;
	git_repository *repo = NULL;
	git_index *index = NULL;
	struct vh_buf list = VH_BUF_INIT;
	const char *workdir;
	char *root = NULL, **rel = NULL, hex[GIT_OID_HEXSZ + 1] = "";
	size_t n = 0, i;
	git_oid id;
	int st = VH_ENOMEM;

	if (git.open_ext(&repo, q->dotgit, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0) {
		st = git_failed(why, "cannot open the repository");
		goto done;
	}
	workdir = git.workdir(repo);
	root = workdir ? realpath(workdir, NULL) : NULL;
	if (!root) {
		vh_buf_puts(why, workdir ? "cannot resolve its work tree" : "it has no work tree");
		st = VH_EFAILED;
		goto done;
	}
	if (git.repo_index(&index, repo) < 0) {
		st = git_failed(why, "cannot read its index");
		goto done;
	}
	if (relative(&rel, &n, root, q) < 0 || entries_of(&list, index, root, rel, n) < 0)
		goto done;
	if (list.len) {
		/* A blob id of the listing: git's own hash (with its collision
		 * detection), so one changed entry is another digest. */
		if (git.odb_hash(&id, list.data, list.len, GIT_OBJECT_BLOB) < 0) {
			st = git_failed(why, "cannot hash the entries");
			goto done;
		}
		git.oid_fmt(hex, &id);
		hex[GIT_OID_HEXSZ] = '\0';
	}
	if (vh_buf_printf(payload, "%d\n%s\n%s\n%sindex", list.len > 0, hex, root,
			  git.path(repo)) < 0)
		goto done;
	st = VH_OK;
done:
	for (i = 0; rel && rel[i]; i++)
		free(rel[i]);
	free(rel);
	free(root);
	vh_buf_free(&list);
	if (index)
		git.index_free(index);
	git.free(repo);
	return st;
}

void vh_git_tracked_free(struct vh_git_tracked *t)
{
	free(t->root);
	free(t->index);
	memset(t, 0, sizeof(*t));
}

int vh_git_tracked(struct vh_git_tracked *out, struct vh_buf *why, const char *worktree,
		   const char *const *paths, size_t n)
{
	struct vh_buf payload = VH_BUF_INIT, dotgit = VH_BUF_INIT;
	struct tracked_q q = { NULL, paths, n };
	struct memo m = { "tracked", VH_BUF_INIT, NULL };
	char *p, *nl[3];
	size_t k;
	int st, i;

	memset(out, 0, sizeof(*out));
	if (dotgit_of(&dotgit, worktree) < 0)
		return VH_ENOMEM;
	q.dotgit = m.dotgit = dotgit.data;
	for (k = 0; k < n; k++)
		if (vh_buf_add(&m.arg, paths[k], strlen(paths[k]) + 1) < 0) {
			st = VH_ENOMEM;
			goto done;
		}
	st = ask(&payload, why, q_tracked, &q, &m);
	if (st != VH_OK)
		goto done;
	/* "<0|1>\n<digest>\n<root>\n<index path>" */
	p = payload.data;
	for (i = 0; i < 3; i++) {
		nl[i] = p ? strchr(p, '\n') : NULL;
		if (!nl[i])
			break;
		*nl[i] = '\0';
		p = nl[i] + 1;
	}
	if (i < 3 || strlen(nl[0] + 1) > 40) {
		vh_buf_puts(why, "the process asking git gave a garbled answer");
		st = VH_EFAILED;
		goto done;
	}
	out->tracked = payload.data[0] == '1';
	strcpy(out->digest, nl[0] + 1);
	out->root = strdup(nl[1] + 1);
	out->index = strdup(nl[2] + 1);
	if (!out->root || !out->index) {
		vh_git_tracked_free(out);
		st = VH_ENOMEM;
	}
done:
	vh_buf_free(&m.arg);
	vh_buf_free(&payload);
	vh_buf_free(&dotgit);
	return st;
}
