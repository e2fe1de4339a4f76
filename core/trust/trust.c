#include "core/trust/trust.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/find/envdir.h"
#include "core/util/compat.h"
#include "core/util/err.h"
#include "core/util/fileio.h"
#include "core/util/hex.h"
#include "core/util/msg.h"
#include "core/util/writers.h"
#include "core/util/xdg.h"

const char *const vh_consent_names[] = {
	[VH_CONSENT_MADE] = "made",
	[VH_CONSENT_ALLOWED] = "allowed",
	[VH_CONSENT_ACTIVATED] = "activated",
};

static int add(struct vh_trust *t, const struct vh_trust_entry *src)
{
	struct vh_trust_entry *e;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;

		e = realloc(t->v, cap * sizeof(*e));
		if (!e)
			return VH_ENOMEM;
		t->v = e;
		t->cap = cap;
	}
	t->v[t->n++] = *src;
	return 0;
}

/* The words of a line, at most max, split at single blanks. */
static size_t split(const char *w[], size_t wl[], size_t max, const char *s, size_t n)
{
	const char *end = s + n, *sp;
	size_t k = 0;

	while (s <= end && k < max + 1) {
		sp = memchr(s, ' ', (size_t)(end - s));
		if (!sp)
			sp = end;
		w[k] = s;
		wl[k] = (size_t)(sp - s);
		k++;
		s = sp + 1;
	}
	return k;
}

static int word_is(const char *w, size_t n, const char *s)
{
	return strlen(s) == n && !memcmp(w, s, n);
}

/* A word of [0-9a-z.] only, fitting max bytes with its NUL: 0 or
 * VH_ESYNTAX. */
static int token(char *out, size_t max, const char *w, size_t n)
{
	size_t i;

	if (!n || n >= max)
		return VH_ESYNTAX;
	for (i = 0; i < n; i++)
		if (!((w[i] >= '0' && w[i] <= '9') || (w[i] >= 'a' && w[i] <= 'z') || w[i] == '.'))
			return VH_ESYNTAX;
	memcpy(out, w, n);
	out[n] = '\0';
	return 0;
}

/* 0 or VH_ESYNTAX. */
static int parse_allow(struct vh_trust_entry *e, const char *w[], const size_t wl[])
{
	char when[24];
	size_t i;

	if (token(e->ident, sizeof(e->ident), w[2], wl[2]) || (e->ident[0] != 'b' && e->ident[0] != 'i'))
		return 1;
	if (word_is(w[3], wl[3], "-") || word_is(w[3], wl[3], "?")) {
		e->git[0] = w[3][0];
		e->git[1] = '\0';
	} else if (wl[3] != 40 || token(e->git, sizeof(e->git), w[3], wl[3])) {
		return 1;
	} else {
		for (i = 0; i < 40; i++)
			if (vh_hex_digit(e->git[i]) < 0)
				return 1;
	}
	for (i = 0; i < 3 && !word_is(w[4], wl[4], vh_consent_names[i]); i++)
		;
	if (i == 3)
		return 1;
	e->how = (enum vh_consent)i;
	if (token(when, sizeof(when), w[5], wl[5]) || strspn(when, "0123456789") != wl[5])
		return 1;
	e->when = strtoll(when, NULL, 10);
	return 0;
}

/* One line without its '\n'. Returns 0 (added), VH_ESYNTAX (not a
 * decision) or VH_ENOMEM. */
static int parse_line(struct vh_trust *t, const char *s, size_t n)
{
	const char *w[7];
	size_t wl[7], k, path_len;
	struct vh_trust_entry e;
	int r;

	memset(&e, 0, sizeof(e));
	k = split(w, wl, 6, s, n);
	if (k == 2 && word_is(w[0], wl[0], "deny"))
		e.decision = VH_DECISION_DENY;
	else if (k == 3 && word_is(w[0], wl[0], "deny"))
		e.decision = VH_DECISION_DENY; /* an older venvhook's, with its pyvenv.cfg */
	else if (k == 3 && word_is(w[0], wl[0], "allow"))
		e.decision = VH_DECISION_OLD_ALLOW;
	else if (k == 6 && word_is(w[0], wl[0], "allow"))
		e.decision = VH_DECISION_ALLOW;
	else
		return VH_ESYNTAX;
	if (k == 3) {
		char *cfg;
		size_t cfg_len;

		r = vh_hex_decode(&cfg, &cfg_len, w[2], wl[2]);
		free(cfg);
		if (r)
			return r;
	}
	if (e.decision == VH_DECISION_ALLOW && parse_allow(&e, w, wl))
		return VH_ESYNTAX;
	r = vh_hex_decode(&e.path, &path_len, w[1], wl[1]);
	if (r)
		return r;
	/* A path is absolute and NUL-free, or the line is not ours. */
	if (path_len == 0 || e.path[0] != '/' || strlen(e.path) != path_len) {
		free(e.path);
		return VH_ESYNTAX;
	}
	if (add(t, &e) < 0) {
		free(e.path);
		return VH_ENOMEM;
	}
	return 0;
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
			if (r == VH_ENOMEM)
				return r;
			if (r < 0 && !t->bad_lines++)
				t->first_bad = lineno;
		}
		p = nl + 1;
	}
	return 0;
}

void vh_trust_free(struct vh_trust *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].path);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

const struct vh_trust_entry *vh_trust_find(const struct vh_trust *t, const char *env, int *deny)
{
	const struct vh_trust_entry *allow = NULL;
	size_t i;

	*deny = 0;
	for (i = 0; i < t->n; i++) {
		const struct vh_trust_entry *e = &t->v[i];

		if (strcmp(e->path, env))
			continue;
		if (e->decision == VH_DECISION_DENY)
			*deny = 1;
		else if (!allow || allow->decision == VH_DECISION_OLD_ALLOW)
			allow = e; /* a real allow beats an old one */
		else if (e->decision == VH_DECISION_ALLOW)
			allow = e; /* the later line is the newer decision */
	}
	return allow;
}

int vh_trust_file(char **out)
{
	return vh_xdg_file(out, "XDG_DATA_HOME", ".local/share", "trust");
}

/* "<file> <what>[ (<errno's text>)]" into why; returns rc, or VH_ENOMEM. */
static int unusable(struct vh_buf *why, const char *file, const char *what, int e, int rc)
{
	if (vh_msg_escape(why, file) < 0 || vh_buf_printf(why, " %s", what) < 0 ||
	    (e && vh_buf_printf(why, " (%s)", strerror(e)) < 0))
		return VH_ENOMEM;
	return rc;
}

int vh_trust_load(struct vh_trust *t, const char *file, struct vh_buf *why)
{
	struct vh_buf text = VH_BUF_INIT;
	struct vh_stat vs;
	struct stat st;
	int rc, r;

	memset(t, 0, sizeof(*t));
	r = vh_xdg_usable(why, file, 0);
	if (r)
		return r == VH_ENOMEM ? VH_ENOMEM : VH_EIO;
	/* (no one else can swap it between this look and the read: its
	 * directory is the user's alone) */
	if (stat(file, &st) < 0)
		return errno == ENOENT ? 0 : unusable(why, file, "cannot be read", errno, VH_EIO);
	if (!S_ISREG(st.st_mode))
		return unusable(why, file, "is not a regular file", 0, VH_EIO);
	rc = vh_read_file(&text, AT_FDCWD, file, VH_TRUST_MAX);
	if (rc == VH_ENOTFOUND)
		return 0;
	if (rc != VH_OK) {
		vh_buf_free(&text);
		return rc == VH_ENOMEM ? VH_ENOMEM :
		       unusable(why, file, "cannot be read", errno, VH_EIO);
	}
	rc = vh_trust_parse(t, text.data ? text.data : "", text.len) < 0 ? VH_ENOMEM : 0;
	vh_buf_free(&text);
	if (rc == 0 && !vh_file_private(-1, file, &st)) {
		vh_stat_from(&vs, &st);
		rc = unusable(why, file, vh_writers_text(vh_writers_of(-1, file, &vs, 0)), 0,
			      VH_EREFUSED);
	}
	return rc;
}

int vh_trust_format_entry(struct vh_buf *b, const struct vh_trust_entry *e)
{
	if (e->decision == VH_DECISION_DENY)
		return vh_buf_puts(b, "deny ") < 0 || vh_hex_put(b, e->path, strlen(e->path)) < 0 ||
		       vh_buf_putc(b, '\n') < 0 ? VH_ENOMEM : 0;
	if (e->decision != VH_DECISION_ALLOW)
		return 0; /* an old allow lets nothing in: it is dropped */
	if (vh_buf_puts(b, "allow ") < 0 || vh_hex_put(b, e->path, strlen(e->path)) < 0 ||
	    vh_buf_printf(b, " %s %s %s %lld\n", e->ident, e->git, vh_consent_names[e->how],
			  e->when) < 0)
		return VH_ENOMEM;
	return 0;
}

/* Whether the new decision n takes the place of the old one o. */
static int replaces(const struct vh_trust_entry *n, const struct vh_trust_entry *o)
{
	if (strcmp(n->path, o->path))
		return 0;
	if (n->decision == VH_DECISION_ALLOW && n->how == VH_CONSENT_ACTIVATED)
		return o->decision != VH_DECISION_DENY;
	return 1;
}

int vh_trust_record(const char **why, const char *file, const struct vh_trust_entry *e)
{
	struct vh_buf lock = VH_BUF_INIT, text = VH_BUF_INIT, said = VH_BUF_INIT;
	struct vh_trust t = { 0 };
	int lockfd = -1, rc = VH_EIO, saved, r;
	size_t i;

	/* Past a file size limit, write() should fail like on a full disk,
	 * not kill the process half-way. */
	signal(SIGXFSZ, SIG_IGN);
	*why = "cannot create the directory of";
	if (vh_xdg_make_parent(file) < 0)
		goto done;
	*why = "out of memory writing";
	errno = ENOMEM;
	r = vh_xdg_usable(&said, file, 1);
	if (r == VH_ENOMEM)
		goto done;
	*why = "not writing where someone else could change it:";
	errno = EPERM;
	if (r)
		goto done;
	*why = "out of memory writing";
	errno = ENOMEM;
	if (vh_buf_puts(&lock, file) < 0 || vh_buf_puts(&lock, ".lock") < 0)
		goto done;
	*why = "cannot lock";
	lockfd = vh_file_open_own(lock.data, 0);
	if (lockfd < 0 || flock(lockfd, LOCK_EX) < 0)
		goto done;
	*why = "cannot read";
	r = vh_trust_load(&t, file, &said);
	if (r < 0 && r != VH_EREFUSED)
		goto done;
	*why = "out of memory writing";
	errno = ENOMEM;
	for (i = 0; i < t.n; i++) {
		if (replaces(e, &t.v[i]))
			continue;
		/* a file someone else could have written: only its denies,
		 * which take away, are kept */
		if (r == VH_EREFUSED && t.v[i].decision != VH_DECISION_DENY)
			continue;
		if (vh_trust_format_entry(&text, &t.v[i]) < 0)
			goto done;
	}
	if (vh_trust_format_entry(&text, e) < 0)
		goto done;
	*why = "cannot write";
	if (vh_file_replace(file, text.data, text.len) < 0)
		goto done;
	rc = 0;
done:
	saved = errno;
	if (lockfd >= 0)
		close(lockfd); /* releases the lock */
	vh_trust_free(&t);
	vh_buf_free(&lock);
	vh_buf_free(&text);
	vh_buf_free(&said);
	errno = saved;
	return rc == 0 ? 0 : saved == ENOMEM ? VH_ENOMEM : VH_EIO;
}

int vh_trust_identity_of(char out[VH_TRUST_IDENT_MAX], const struct vh_stat *dir,
			 const struct vh_stat *cfg)
{
	int n;

	if (dir->has_btime)
		n = snprintf(out, VH_TRUST_IDENT_MAX, "b%llu.%llu.%lld.%ld",
			     (unsigned long long)dir->dev, (unsigned long long)dir->ino,
			     (long long)dir->btime.tv_sec, dir->btime.tv_nsec);
	else
		/* No birth time: a new directory could reuse the inode, so the
		 * pyvenv.cfg inside must be the same file, unchanged, too. */
		n = snprintf(out, VH_TRUST_IDENT_MAX, "i%llu.%llu.%llu.%lld.%ld",
			     (unsigned long long)dir->dev, (unsigned long long)dir->ino,
			     (unsigned long long)cfg->ino, (long long)cfg->mtime.tv_sec,
			     cfg->mtime.tv_nsec);
	if (n < 0 || n >= VH_TRUST_IDENT_MAX) {
		errno = ENAMETOOLONG;
		return VH_ETOOBIG;
	}
	return 0;
}

int vh_trust_identity(char out[VH_TRUST_IDENT_MAX], const char *real)
{
	struct vh_buf cfg = VH_BUF_INIT;
	struct vh_stat dir, st;
	int n;

	if (vh_stat(&dir, AT_FDCWD, real, 1) < 0)
		return VH_EIO;
	if (!dir.has_btime) {
		/* the file the policy guards as the env's mark (policy.c) */
		const char *marker = vh_env_marker(AT_FDCWD, real);

		if (vh_buf_puts(&cfg, real) < 0 || vh_buf_putc(&cfg, '/') < 0 ||
		    vh_buf_puts(&cfg, marker ? marker : "pyvenv.cfg") < 0) {
			vh_buf_free(&cfg);
			errno = ENOMEM;
			return VH_ENOMEM;
		}
		n = vh_stat(&st, AT_FDCWD, cfg.data, 1);
		vh_buf_free(&cfg);
		if (n < 0)
			return VH_EIO;
	}
	return vh_trust_identity_of(out, &dir, &st);
}
