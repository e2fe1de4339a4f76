#include "trust.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xdg.h"

static const char *const verdict_words[] = {
	[VH_TRUST_ALLOW] = "allow",
	[VH_TRUST_DENY] = "deny",
};

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decodes n hex digits at s into a fresh NUL-terminated buffer. Returns 0,
 * 1 when s is not lowercase hex of whole bytes, -1 out of memory. */
static int unhex(char **out, size_t *len, const char *s, size_t n)
{
	size_t i;
	char *b;
	int hi, lo;

	*out = NULL;
	if (n % 2)
		return 1;
	b = malloc(n / 2 + 1);
	if (!b)
		return -1;
	for (i = 0; i < n / 2; i++) {
		hi = hexval(s[2 * i]);
		lo = hexval(s[2 * i + 1]);
		if (hi < 0 || lo < 0) {
			free(b);
			return 1;
		}
		b[i] = (char)(hi << 4 | lo);
	}
	b[n / 2] = '\0';
	*out = b;
	*len = n / 2;
	return 0;
}

static int add(struct vh_trust *t, enum vh_verdict v, char *path, char *cfg, size_t cfg_len)
{
	struct vh_trust_entry *e;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;

		e = realloc(t->v, cap * sizeof(*e));
		if (!e)
			return -1;
		t->v = e;
		t->cap = cap;
	}
	e = &t->v[t->n++];
	e->verdict = v;
	e->path = path;
	e->cfg = cfg;
	e->cfg_len = cfg_len;
	return 0;
}

/* One line without its '\n'. Returns 0 (added), 1 (not a decision), -1. */
static int parse_line(struct vh_trust *t, const char *s, size_t n)
{
	const char *sp1, *sp2, *end = s + n;
	enum vh_verdict v;
	char *path = NULL, *cfg = NULL;
	size_t path_len, cfg_len;
	int r;

	sp1 = memchr(s, ' ', n);
	if (!sp1)
		return 1;
	if ((size_t)(sp1 - s) == 5 && !memcmp(s, "allow", 5))
		v = VH_TRUST_ALLOW;
	else if ((size_t)(sp1 - s) == 4 && !memcmp(s, "deny", 4))
		v = VH_TRUST_DENY;
	else
		return 1;
	sp2 = memchr(sp1 + 1, ' ', (size_t)(end - sp1 - 1));
	if (!sp2)
		return 1;
	r = unhex(&path, &path_len, sp1 + 1, (size_t)(sp2 - sp1 - 1));
	if (r)
		return r;
	/* A path is absolute and NUL-free, or the line is not ours. */
	if (path_len == 0 || path[0] != '/' || strlen(path) != path_len) {
		free(path);
		return 1;
	}
	r = unhex(&cfg, &cfg_len, sp2 + 1, (size_t)(end - sp2 - 1));
	if (r == 0 && cfg_len > VH_TRUST_MAX_CFG)
		r = 1;
	if (r == 0 && add(t, v, path, cfg, cfg_len) < 0)
		r = -1;
	if (r) {
		free(path);
		free(cfg);
	}
	return r;
}

int vh_trust_parse(struct vh_trust *t, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl;
	size_t lineno = 0;
	int r;

	memset(t, 0, sizeof(*t));
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		lineno++;
		if (nl > p) { /* blank lines are nothing */
			r = parse_line(t, p, (size_t)(nl - p));
			if (r < 0)
				return -1;
			if (r > 0 && !t->bad_lines++)
				t->first_bad = lineno;
		}
		p = nl + 1;
	}
	return 0;
}

void vh_trust_free(struct vh_trust *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].path);
		free(t->v[i].cfg);
	}
	free(t->v);
	memset(t, 0, sizeof(*t));
}

enum vh_verdict vh_trust_lookup(const struct vh_trust *t, const char *env, const char *cfg,
				size_t cfg_len)
{
	enum vh_verdict v = VH_TRUST_NONE;
	size_t i;

	for (i = 0; i < t->n; i++) {
		const struct vh_trust_entry *e = &t->v[i];

		if (strcmp(e->path, env))
			continue;
		if (e->verdict == VH_TRUST_DENY)
			return VH_TRUST_DENY;
		if (e->cfg_len == cfg_len && !memcmp(e->cfg, cfg, cfg_len))
			v = VH_TRUST_ALLOW;
	}
	return v;
}

int vh_trust_file(char **out)
{
	return vh_xdg_file(out, "XDG_DATA_HOME", ".local/share", "trust");
}

/* Reads fd to the end, at most max bytes (one more shows it was more). */
static int read_all(struct vh_buf *out, int fd, size_t max)
{
	char chunk[8192];
	ssize_t n;

	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		if (vh_buf_add(out, chunk, (size_t)n) < 0) {
			errno = ENOMEM;
			return -1;
		}
		if (out->len > max)
			return 0;
	}
}

int vh_trust_load(struct vh_trust *t, const char *file)
{
	struct vh_buf text = VH_BUF_INIT;
	int fd, rc;

	memset(t, 0, sizeof(*t));
	fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT || errno == ENOTDIR ? 0 : -2;
	rc = read_all(&text, fd, (size_t)-1);
	close(fd);
	if (rc < 0) {
		vh_buf_free(&text);
		return errno == ENOMEM ? -1 : -2;
	}
	rc = vh_trust_parse(t, text.data ? text.data : "", text.len);
	vh_buf_free(&text);
	return rc;
}

int vh_trust_read_cfg(struct vh_buf *out, const char *env)
{
	struct vh_buf path = VH_BUF_INIT;
	int fd, rc = -1;

	if (vh_buf_puts(&path, env) < 0 || vh_buf_puts(&path, "/pyvenv.cfg") < 0) {
		errno = ENOMEM;
		goto done;
	}
	fd = open(path.data, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		goto done;
	rc = read_all(out, fd, VH_TRUST_MAX_CFG);
	close(fd);
done:
	vh_buf_free(&path);
	return rc;
}

static int put_hex(struct vh_buf *b, const char *s, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		if (vh_buf_putc(b, digits[(unsigned char)s[i] >> 4]) < 0 ||
		    vh_buf_putc(b, digits[(unsigned char)s[i] & 15]) < 0)
			return -1;
	}
	return 0;
}

static int put_entry(struct vh_buf *b, enum vh_verdict v, const char *path, const char *cfg,
		     size_t cfg_len)
{
	if (vh_buf_puts(b, verdict_words[v]) < 0 || vh_buf_putc(b, ' ') < 0 ||
	    put_hex(b, path, strlen(path)) < 0 || vh_buf_putc(b, ' ') < 0 ||
	    put_hex(b, cfg, cfg_len) < 0 || vh_buf_putc(b, '\n') < 0)
		return -1;
	return 0;
}


static int write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int vh_trust_record(const char **why, const char *file, enum vh_verdict verdict, const char *env,
		    const char *cfg, size_t cfg_len)
{
	struct vh_buf lock = VH_BUF_INIT, tmp = VH_BUF_INIT, text = VH_BUF_INIT;
	struct vh_trust t = { 0 };
	int lockfd = -1, fd = -1, rc = -1, saved, r;
	size_t i;

	/* Past a file size limit, write() should fail like on a full disk,
	 * not kill the process half-way. */
	signal(SIGXFSZ, SIG_IGN);
	*why = "cannot create the directory of";
	if (vh_xdg_make_parent(file) < 0)
		goto done;
	*why = "out of memory writing";
	errno = ENOMEM;
	if (vh_buf_puts(&lock, file) < 0 || vh_buf_puts(&lock, ".lock") < 0 ||
	    vh_buf_printf(&tmp, "%s.%ld.tmp", file, (long)getpid()) < 0)
		goto done;
	*why = "cannot lock";
	lockfd = open(lock.data, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (lockfd < 0 || flock(lockfd, LOCK_EX) < 0)
		goto done;
	*why = "cannot read";
	r = vh_trust_load(&t, file);
	if (r < 0)
		goto done;
	*why = "out of memory writing";
	errno = ENOMEM;
	for (i = 0; i < t.n; i++) {
		if (!strcmp(t.v[i].path, env))
			continue; /* the new decision replaces the old ones */
		if (put_entry(&text, t.v[i].verdict, t.v[i].path, t.v[i].cfg, t.v[i].cfg_len) < 0)
			goto done;
	}
	if (put_entry(&text, verdict, env, cfg, cfg_len) < 0)
		goto done;
	*why = "cannot write";
	fd = open(tmp.data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || write_all(fd, text.data, text.len) < 0 || fsync(fd) < 0)
		goto done;
	if (close(fd) < 0) {
		fd = -1;
		goto done;
	}
	fd = -1;
	if (rename(tmp.data, file) < 0)
		goto done;
	rc = 0;
done:
	saved = errno;
	if (fd >= 0)
		close(fd);
	if (rc < 0 && tmp.data)
		unlink(tmp.data);
	if (lockfd >= 0)
		close(lockfd); /* releases the lock */
	vh_trust_free(&t);
	vh_buf_free(&lock);
	vh_buf_free(&tmp);
	vh_buf_free(&text);
	errno = saved;
	return rc;
}
