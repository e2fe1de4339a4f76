#include "core/trust/perms.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/util/buf.h"
#include "core/util/cache.h"
#include "core/util/err.h"

const char *vh_perm_text(enum vh_perm p)
{
	switch (p) {
	case VH_PERM_NOT_YOURS:
		return "belongs to another user";
	case VH_PERM_GROUP:
		return "is writable by its group";
	case VH_PERM_ANYONE:
		return "is writable by anyone";
	default:
		return "is yours";
	}
}

/* The lookup itself: NSS may be a network service, hence the cache. */
static int lookup_private(gid_t gid, uid_t uid)
{
	struct passwd *pw = getpwuid(uid);
	struct group *gr;
	char **m;

	if (!pw || pw->pw_gid != gid)
		return 0;
	gr = getgrgid(gid);
	if (!gr || !gr->gr_name || !pw->pw_name || strcmp(gr->gr_name, pw->pw_name))
		return 0;
	for (m = gr->gr_mem; m && *m; m++)
		if (strcmp(*m, pw->pw_name))
			return 0;
	return 1;
}

/* Whether gid is the user's private group, asked once per process and
 * cached on disk per day and per version of the group and user files. */
static int private_group(gid_t gid)
{
	static int known = -1;
	static gid_t known_gid;
	struct vh_buf key = VH_BUF_INIT, value = VH_BUF_INIT;
	struct vh_stat g, p;
	uid_t uid = getuid();

	if (known >= 0 && known_gid == gid)
		return known;
	if (gid != getgid())
		return 0;
	memset(&g, 0, sizeof(g));
	memset(&p, 0, sizeof(p));
	vh_stat(&g, AT_FDCWD, "/etc/group", 1);
	vh_stat(&p, AT_FDCWD, "/etc/passwd", 1);
	if (vh_buf_printf(&key, "upg:%lu:%lu:%lld.%ld:%lld.%ld:%lld", (unsigned long)uid,
			  (unsigned long)gid, (long long)g.mtime.tv_sec, g.mtime.tv_nsec,
			  (long long)p.mtime.tv_sec, p.mtime.tv_nsec,
			  (long long)(time(NULL) / 86400)) == 0 &&
	    vh_cache_get(&value, key.data) && (value.data[0] == '0' || value.data[0] == '1')) {
		known = value.data[0] == '1';
	} else {
		known = lookup_private(gid, uid);
		if (key.data)
			vh_cache_put(key.data, known ? "1" : "0");
	}
	known_gid = gid;
	vh_buf_free(&key);
	vh_buf_free(&value);
	return known;
}

enum vh_perm vh_perm_judge(const struct vh_stat *st, int sticky_ok)
{
	uid_t me = getuid();

	if (st->uid != me && st->uid != 0)
		return VH_PERM_NOT_YOURS;
	if (sticky_ok && S_ISDIR(st->mode) && (st->mode & S_ISVTX))
		return VH_PERM_OK;
	if (st->mode & S_IWOTH)
		return VH_PERM_ANYONE;
	if ((st->mode & S_IWGRP) && !private_group(st->gid))
		return VH_PERM_GROUP;
	return VH_PERM_OK;
}

int vh_perm_parents(char **bad, enum vh_perm *why, const char *real)
{
	const char *home = getenv("HOME");
	size_t len = strlen(real), hlen = home ? strlen(home) : 0;
	struct vh_stat st;
	char *dir;
	int under_home;

	*bad = NULL;
	*why = VH_PERM_OK;
	while (hlen > 1 && home[hlen - 1] == '/')
		hlen--;
	under_home = home && home[0] == '/' && hlen > 1 && !strncmp(real, home, hlen) &&
		     real[hlen] == '/';
	dir = strdup(real);
	if (!dir)
		return -1;
	for (;;) {
		/* Up one: "/a/b" -> "/a" -> "/". */
		while (len > 1 && dir[len - 1] != '/')
			len--;
		if (len > 1)
			len--;
		else if (dir[0] == '/' && len == 1 && !dir[1])
			break; /* "/" was the last one looked at */
		dir[len] = '\0';
		if (vh_stat(&st, AT_FDCWD, dir, 1) < 0)
			*why = VH_PERM_NOT_YOURS;
		else
			*why = vh_perm_judge(&st, 1);
		if (*why != VH_PERM_OK) {
			*bad = dir;
			return 0;
		}
		if ((under_home && len == hlen) || len == 1)
			break;
	}
	free(dir);
	return 0;
}

/* How many symlinks one path may pass, as Linux's MAXSYMLINKS. */
#define VH_PERM_MAX_LINKS 40

int vh_perm_path(char **real, char **bad, enum vh_perm *why, const char *path)
{
	struct vh_buf cur = VH_BUF_INIT, rest = VH_BUF_INIT, next = VH_BUF_INIT;
	struct vh_stat st;
	char target[4096];
	const char *r, *slash;
	size_t n;
	ssize_t tn;
	int links = 0, rc = VH_ENOMEM;

	*real = *bad = NULL;
	*why = VH_PERM_OK;
	if (path[0] != '/')
		return VH_ENOTFOUND;
	if (vh_buf_puts(&rest, path) < 0 || vh_buf_puts(&cur, "/") < 0)
		goto done;
	/* "/" itself, where every path starts */
	if (vh_stat(&st, AT_FDCWD, "/", 1) < 0) {
		rc = VH_ENOTFOUND;
		goto done;
	}
	if ((*why = vh_perm_judge(&st, 1)) != VH_PERM_OK)
		goto bad;
	while (rest.len) {
		r = vh_buf_str(&rest);
		while (*r == '/')
			r++;
		slash = strchr(r, '/');
		n = slash ? (size_t)(slash - r) : strlen(r);
		if (!n)
			break;
		if ((n == 1 && r[0] == '.') || (n == 2 && r[0] == '.' && r[1] == '.')) {
			if (n == 2) { /* up one; "/.." is "/" */
				while (cur.len > 1 && cur.data[cur.len - 1] != '/')
					cur.len--;
				if (cur.len > 1)
					cur.len--;
				cur.data[cur.len] = '\0';
			}
		} else {
			if ((cur.len > 1 && vh_buf_putc(&cur, '/') < 0) || vh_buf_add(&cur, r, n) < 0)
				goto done;
			if (vh_stat(&st, AT_FDCWD, cur.data, 0) < 0) {
				rc = VH_ENOTFOUND;
				goto done;
			}
			if (S_ISLNK(st.mode)) {
				/* A link's own mode means nothing; its owner and the
				 * directory it sits in (judged already) decide. */
				if (st.uid != getuid() && st.uid != 0) {
					*why = VH_PERM_NOT_YOURS;
					goto bad;
				}
				tn = readlink(cur.data, target, sizeof(target) - 1);
				if (tn <= 0 || ++links > VH_PERM_MAX_LINKS) {
					rc = VH_ENOTFOUND;
					goto done;
				}
				target[tn] = '\0';
				/* the target, then what followed the link */
				vh_buf_reset(&next);
				if (vh_buf_add(&next, target, (size_t)tn) < 0 || vh_buf_putc(&next, '/') < 0 ||
				    vh_buf_puts(&next, r + n) < 0)
					goto done;
				if (target[0] == '/') {
					cur.len = 1;
					cur.data[1] = '\0';
				} else { /* relative to the link's directory */
					while (cur.len > 1 && cur.data[cur.len - 1] != '/')
						cur.len--;
					if (cur.len > 1)
						cur.len--;
					cur.data[cur.len] = '\0';
				}
				vh_buf_reset(&rest);
				if (vh_buf_add(&rest, next.data, next.len) < 0)
					goto done;
				continue;
			}
			/* a directory may be sticky; the file at the end may not */
			if ((*why = vh_perm_judge(&st, S_ISDIR(st.mode))) != VH_PERM_OK)
				goto bad;
		}
		r += n;
		n = strlen(r);
		memmove(rest.data, r, n + 1);
		rest.len = n;
	}
	*real = vh_buf_detach(&cur);
	rc = *real ? 0 : VH_ENOMEM;
	goto done;
bad:
	*bad = vh_buf_detach(&cur);
	rc = *bad ? 0 : VH_ENOMEM;
done:
	vh_buf_free(&cur);
	vh_buf_free(&rest);
	vh_buf_free(&next);
	return rc;
}
