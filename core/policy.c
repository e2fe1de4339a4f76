#include "policy.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gitroot.h"
#include "msg.h"
#include "trust.h"
#include "userconfig.h"
#include "xdg.h"

/* The three things whose owner decides what runs: the env directory (its
 * entries can be swapped), pyvenv.cfg and bin/ (its programs go first on
 * PATH). A missing bin/ holds nothing to run. */
static const char *const guarded[][2] = {
	{ "", "the env directory" },
	{ "/pyvenv.cfg", "pyvenv.cfg" },
	{ "/bin", "bin/" },
};
#define NGUARDED (sizeof(guarded) / sizeof(guarded[0]))

static int stat_guarded(struct stat st[NGUARDED], struct vh_buf *why, const char *env)
{
	struct vh_buf p = VH_BUF_INIT;
	size_t i;
	int rc = 0;

	for (i = 0; i < NGUARDED && rc == 0; i++) {
		vh_buf_reset(&p);
		if (vh_buf_puts(&p, env) < 0 || vh_buf_puts(&p, guarded[i][0]) < 0) {
			rc = -1;
			break;
		}
		if (stat(p.data, &st[i]) == 0)
			continue;
		memset(&st[i], 0, sizeof(st[i]));
		if (errno == ENOENT && i == 2)
			continue;
		rc = vh_buf_printf(why, "cannot check %s (%s)", guarded[i][1], strerror(errno));
		rc = rc < 0 ? -1 : 1;
	}
	vh_buf_free(&p);
	return rc;
}

/* 0 when the user made it, 1 (why filled) when not; -1 out of memory. */
static int ownership(struct vh_buf *why, const struct stat st[NGUARDED], enum vh_policy_mode mode)
{
	uid_t me = getuid();
	size_t i;

	for (i = 0; i < NGUARDED; i++) {
		if (!st[i].st_mode)
			continue;
		if (mode == VH_POLICY_MANUAL) {
			if (st[i].st_mode & S_IWOTH)
				return vh_buf_printf(why, "%s is writable by anyone", guarded[i][1]) < 0 ? -1 : 1;
			continue;
		}
		if (st[i].st_uid != me && st[i].st_uid != 0)
			return vh_buf_printf(why, "%s belongs to uid %lu, not to you", guarded[i][1],
					     (unsigned long)st[i].st_uid) < 0 ? -1 : 1;
		if (st[i].st_mode & (S_IWGRP | S_IWOTH))
			return vh_buf_printf(why, "%s is writable by %s", guarded[i][1],
					     st[i].st_mode & S_IWOTH ? "anyone" : "its group") < 0 ? -1 : 1;
	}
	return 0;
}

/* A .git entry in env or above it: only then can git track the env. */
static int under_git(const char *env)
{
	struct vh_buf p = VH_BUF_INIT;
	struct stat st;
	size_t len = strlen(env);
	int found = 0;

	for (;;) {
		vh_buf_reset(&p);
		if (vh_buf_add(&p, env, len) < 0 || vh_buf_puts(&p, len > 1 ? "/.git" : ".git") < 0) {
			found = 1; /* out of memory: let libgit2 decide */
			break;
		}
		found = lstat(p.data, &st) == 0;
		if (found || len <= 1)
			break;
		while (len > 1 && env[len - 1] != '/')
			len--;
		if (len > 1)
			len--; /* drop the '/' too, except the root's */
	}
	vh_buf_free(&p);
	return found;
}

/* The answer "not tracked" is kept per env identity in
 * $XDG_CACHE_HOME/venvhook/checked, so that entering a project does not load
 * libgit2 every time (issue 6's budget). The identity holds device, inode
 * and change time of the three guarded entries: a new clone at the same
 * path, or a file added to bin/, is a new identity and is asked again. */

static int identity(struct vh_buf *key, const char *real, const struct stat st[NGUARDED])
{
	static const char digits[] = "0123456789abcdef";
	const char *s;
	size_t i;

	for (s = real; *s; s++)
		if (vh_buf_putc(key, digits[(unsigned char)*s >> 4]) < 0 ||
		    vh_buf_putc(key, digits[(unsigned char)*s & 15]) < 0)
			return -1;
	for (i = 0; i < NGUARDED; i++)
		if (vh_buf_printf(key, " %lu:%lu:%lld.%ld", (unsigned long)st[i].st_dev,
				  (unsigned long)st[i].st_ino, (long long)st[i].st_ctim.tv_sec,
				  (long)st[i].st_ctim.tv_nsec) < 0)
			return -1;
	return vh_buf_putc(key, '\n');
}

static int cache_has(const char *file, const struct vh_buf *key)
{
	char buf[65536];
	ssize_t n;
	int fd = open(file, O_RDONLY | O_CLOEXEC), found = 0;
	const char *p;

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	for (p = buf; p && !found; p = memchr(p, '\n', (size_t)(buf + n - p)), p = p ? p + 1 : p)
		found = (size_t)(buf + n - p) >= key->len && !memcmp(p, key->data, key->len);
	return found;
}

/* Best effort: a cache that cannot be written only costs time. */
static void cache_add(const char *file, const struct vh_buf *key)
{
	struct stat st;
	int fd, flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC;

	if (vh_xdg_make_parent(file) < 0)
		return;
	/* Only the first 64 KiB is read back: start over when it is full. */
	if (stat(file, &st) == 0 && st.st_size > 60000)
		flags |= O_TRUNC;
	fd = open(file, flags, 0600);
	if (fd < 0)
		return;
	/* One write of one short line: appends from two shells do not mix. */
	if (write(fd, key->data, key->len) < 0)
		(void)0;
	close(fd);
}

/* 0 when git does not track the env, 1 (why filled) when it does. */
static int tracked(struct vh_buf *why, const char *real, const struct stat st[NGUARDED])
{
	struct vh_buf key = VH_BUF_INIT;
	char *root = NULL, *file = NULL;
	int is, rc = -1, cached;

	if (!under_git(real))
		return 0;
	cached = vh_xdg_file(&file, "XDG_CACHE_HOME", ".cache", "checked");
	if (cached < 0 || identity(&key, real, st) < 0)
		goto done;
	if (cached == 0 && cache_has(file, &key)) {
		rc = 0;
		goto done;
	}
	if (vh_git_tracked(&is, &root, real) < 0)
		goto done;
	if (is) {
		rc = vh_buf_puts(why, "its files are tracked by git in ") < 0 ? -1 : 1;
		if (rc > 0) {
			vh_msg_escape(why, root);
			vh_buf_puts(why, " (it came with the repository)");
		}
		goto done;
	}
	if (cached == 0)
		cache_add(file, &key);
	rc = 0;
done:
	free(root);
	free(file);
	vh_buf_free(&key);
	return rc;
}

/* The user's recorded decision for this env and this pyvenv.cfg. */
static enum vh_verdict decision(const char *real)
{
	struct vh_buf cfg = VH_BUF_INIT;
	struct vh_trust t;
	enum vh_verdict v = VH_TRUST_NONE;
	char *file = NULL;
	int r;

	if (vh_trust_file(&file) != 0)
		return VH_TRUST_NONE;
	r = vh_trust_load(&t, file);
	if (r == -2)
		vh_msg_path("cannot read ", file, ", so no allow or deny applies");
	if (t.bad_lines) {
		char what[96];

		snprintf(what, sizeof(what), ": ignoring %zu line%s that %s no decision (first: line %zu)",
			 t.bad_lines, t.bad_lines == 1 ? "" : "s", t.bad_lines == 1 ? "is" : "are",
			 t.first_bad);
		vh_msg_path("", file, what);
	}
	/* With no decisions (the usual case) pyvenv.cfg need not be read. */
	if (r == 0 && t.n) {
		if (vh_trust_read_cfg(&cfg, real) == 0 && cfg.len <= VH_TRUST_MAX_CFG)
			v = vh_trust_lookup(&t, real, cfg.data ? cfg.data : "", cfg.len);
		else
			v = vh_trust_lookup(&t, real, NULL, (size_t)-1); /* a deny still holds */
	}
	vh_trust_free(&t);
	vh_buf_free(&cfg);
	free(file);
	return v;
}

int vh_policy_check(int *ok, struct vh_buf *why, const char *env, enum vh_policy_mode mode)
{
	struct stat st[NGUARDED];
	char *real = realpath(env, NULL);
	int rc;

	*ok = 0;
	if (!real) {
		rc = vh_buf_printf(why, "cannot resolve its path (%s)", strerror(errno));
		return rc < 0 ? -1 : 0;
	}
	switch (decision(real)) {
	case VH_TRUST_DENY:
		rc = vh_buf_puts(why, mode == VH_POLICY_AUTO ?
				 "you denied it; 'venvhook allow' undoes that" :
				 "you denied it; 'venvhook allow' undoes that, or use activate --force");
		rc = rc < 0 ? -1 : 0;
		goto done;
	case VH_TRUST_ALLOW:
		*ok = 1;
		rc = 0;
		goto done;
	default:
		break;
	}
	/* The config can relax automatic activation (trust = owner | off); a
	 * deny above still holds, and a manual activate checks the same. */
	if (mode == VH_POLICY_AUTO && vh_config.trust == VH_TRUST_OFF) {
		*ok = 1;
		rc = 0;
		goto done;
	}
	rc = stat_guarded(st, why, real);
	if (rc == 0)
		rc = ownership(why, st, mode);
	if (rc == 0 && mode == VH_POLICY_AUTO && vh_config.trust == VH_TRUST_STRICT)
		rc = tracked(why, real, st);
	if (rc > 0)
		rc = vh_buf_puts(why, mode == VH_POLICY_AUTO ?
				 "; 'venvhook allow' trusts it" : "; activate --force uses it anyway") < 0 ? -1 : 0;
	else if (rc == 0)
		*ok = 1;
done:
	free(real);
	return rc;
}
