#include "core/util/writers.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/util/buf.h"

/* The user, asked once: glibc's getuid() is a system call each time, and
 * a judgement of a path asks it for every directory. */
static uid_t user(void)
{
	static uid_t me;
	static int known;

	if (!known) {
		me = getuid();
		known = 1;
	}
	return me;
}

const char *vh_writers_text(enum vh_writers w)
{
	switch (w) {
	case VH_WRITERS_OWNER:
		return "belongs to another user";
	case VH_WRITERS_ANYONE:
		return "is writable by anyone";
	case VH_WRITERS_GROUP:
		return "is writable by its group";
	case VH_WRITERS_ACL:
		return "is writable by another user through an ACL";
	case VH_WRITERS_INHERIT:
		return "has a default ACL that lets another user write what is made in it";
	case VH_WRITERS_UNKNOWN:
		return "has an ACL that cannot be read";
	default:
		return "is yours";
	}
}

int vh_private_group_lookup(gid_t gid)
{
	static int known = -1;
	static gid_t known_gid;
	struct passwd *pw;
	struct group *gr;
	char **m;

	if (known >= 0 && known_gid == gid)
		return known;
	known_gid = gid;
	known = 0;
	/* NSS may be a network service: asked only for the user's own group */
	if (gid != getgid() || !(pw = getpwuid(getuid())) || pw->pw_gid != gid || !pw->pw_name)
		return known;
	gr = getgrgid(gid);
	if (!gr || !gr->gr_name || strcmp(gr->gr_name, pw->pw_name))
		return known;
	for (m = gr->gr_mem; m && *m; m++)
		if (strcmp(*m, pw->pw_name))
			return known;
	return known = 1;
}

enum vh_writers vh_writers_with(int fd, const char *path, const struct vh_stat *st, unsigned flags,
				int (*private_group)(gid_t gid))
{
	uid_t me = user();
	struct vh_acl acl;
	int group;

	if (st->uid != me && !(st->uid == 0 && (flags & VH_WRITERS_ROOT_OK)))
		return VH_WRITERS_OWNER;
	if ((flags & VH_WRITERS_STICKY_OK) && S_ISDIR(st->mode) && (st->mode & S_ISVTX))
		return VH_WRITERS_NONE;
	if (st->mode & S_IWOTH)
		return VH_WRITERS_ANYONE;
	if (vh_acl_get(&acl, fd, path, st->mode, me, (flags & VH_WRITERS_INHERITED) != 0) < 0)
		return VH_WRITERS_UNKNOWN;
	group = acl.has_group ? acl.group_write : (st->mode & S_IWGRP) != 0;
	if (group && !(private_group ? private_group : vh_private_group_lookup)(st->gid))
		return VH_WRITERS_GROUP;
	if (acl.others_write)
		return VH_WRITERS_ACL;
	if (acl.inherit_write)
		return VH_WRITERS_INHERIT;
	return VH_WRITERS_NONE;
}

enum vh_writers vh_writers_of(int fd, const char *path, const struct vh_stat *st, unsigned flags)
{
	return vh_writers_with(fd, path, st, flags, NULL);
}

/* The directory dir (status st) as the place of the next entry of a path:
 * 0 when no one else can change its entries, 1 when others can add entries
 * but only the owner of an entry can swap it (sticky), or why not. flags
 * add to VH_WRITERS_ROOT_OK (VH_WRITERS_INHERITED). */
static int place(enum vh_writers *why, const char *dir, const struct vh_stat *st, unsigned flags,
		 int (*private_group)(gid_t))
{
	flags |= VH_WRITERS_ROOT_OK;
	*why = vh_writers_with(-1, dir, st, flags, private_group);
	if (*why == VH_WRITERS_NONE)
		return 0;
	if (S_ISDIR(st->mode) && (st->mode & S_ISVTX) &&
	    vh_writers_with(-1, dir, st, flags | VH_WRITERS_STICKY_OK, private_group) ==
		    VH_WRITERS_NONE)
		return 1;
	return VH_EUNSAFE;
}

/* Where vh_path_steady's walk is: cur, the path resolved so far; p, what
 * is left of rest to walk; dir, the status of cur's directory; sticky,
 * that place() found it sticky; links, how many were followed. */
struct walk {
	struct vh_buf cur, rest, next;
	struct vh_stat dir;
	const char *p;
	int links, sticky;
	unsigned flags;
	int (*private_group)(gid_t);
};

/* What a step of the walk found, besides a failure (a negative VH_E code). */
enum { STEP_ON = 0, STEP_UNSTEADY = 1 /* *why says why */ };

/* cur is a directory the walk goes on in: its status in w->dir, judged as
 * the place of the next entry when there is one. STEP_ON or STEP_UNSTEADY. */
static int enter(struct walk *w, enum vh_writers *why)
{
	if (vh_stat(&w->dir, AT_FDCWD, w->cur.data, 1) < 0) {
		*why = VH_WRITERS_UNKNOWN;
		return STEP_UNSTEADY;
	}
	while (*w->p == '/')
		w->p++;
	if (*w->p && (w->sticky = place(why, w->cur.data, &w->dir, w->flags, w->private_group)) < 0)
		return STEP_UNSTEADY;
	return STEP_ON;
}

/* cur, with the entry st just added, is a symlink: the walk goes on with
 * its target and what followed it, from the link's directory (keep bytes
 * of cur) or from /. STEP_ON, STEP_UNSTEADY or VH_ENOMEM. */
static int follow(struct walk *w, enum vh_writers *why, const struct vh_stat *st, size_t keep)
{
	char target[PATH_MAX];
	ssize_t n;

	if (st->uid != user() && st->uid != 0) {
		*why = VH_WRITERS_OWNER;
		return STEP_UNSTEADY;
	}
	n = readlink(w->cur.data, target, sizeof(target) - 1);
	if (n <= 0 || ++w->links > 40) {
		*why = VH_WRITERS_UNKNOWN;
		return STEP_UNSTEADY;
	}
	target[n] = '\0';
	w->cur.len = target[0] == '/' ? 1 : keep;
	w->cur.data[w->cur.len] = '\0';
	vh_buf_reset(&w->next);
	/* p is "" or "/" and what followed the link */
	if (vh_buf_puts(&w->next, target) < 0 || vh_buf_puts(&w->next, w->p) < 0)
		return VH_ENOMEM;
	vh_buf_reset(&w->rest);
	if (vh_buf_puts(&w->rest, w->next.data) < 0)
		return VH_ENOMEM;
	w->p = w->rest.data;
	if (vh_stat(&w->dir, AT_FDCWD, w->cur.data, 1) < 0) {
		*why = VH_WRITERS_UNKNOWN;
		return STEP_UNSTEADY;
	}
	w->sticky = place(why, w->cur.data, &w->dir, w->flags, w->private_group);
	return w->sticky < 0 ? STEP_UNSTEADY : STEP_ON;
}

/* The next entry of the path, c (len bytes): walked. STEP_ON,
 * STEP_UNSTEADY or VH_ENOMEM. */
static int step(struct walk *w, enum vh_writers *why, const char *c, size_t len)
{
	struct vh_stat st;
	size_t keep = w->cur.len;

	if (len == 2 && c[0] == '.' && c[1] == '.') {
		/* up from where the path has led, as the kernel goes */
		while (w->cur.len > 1 && w->cur.data[w->cur.len - 1] != '/')
			w->cur.len--;
		if (w->cur.len > 1)
			w->cur.len--;
		w->cur.data[w->cur.len] = '\0';
		return enter(w, why);
	}
	if ((w->cur.len > 1 && vh_buf_putc(&w->cur, '/') < 0) || vh_buf_add(&w->cur, c, len) < 0 ||
	    vh_buf_puts(&w->cur, "") < 0)
		return VH_ENOMEM;
	if (vh_stat(&st, AT_FDCWD, w->cur.data, 0) < 0) {
		*why = VH_WRITERS_UNKNOWN;
		return STEP_UNSTEADY;
	}
	/* more after it ("a/b", "a/..", "a/"): as the kernel, only in a
	 * directory (a link is followed first) */
	if (*w->p == '/' && !S_ISLNK(st.mode) && !S_ISDIR(st.mode)) {
		*why = VH_WRITERS_UNKNOWN;
		errno = ENOTDIR;
		return STEP_UNSTEADY;
	}
	/* in a sticky directory, only the entry's owner can swap it */
	if (w->sticky && st.uid != user() && st.uid != 0) {
		*why = VH_WRITERS_OWNER;
		return STEP_UNSTEADY;
	}
	if (S_ISLNK(st.mode))
		return follow(w, why, &st, keep);
	w->dir = st;
	/* the next entry's place, when there is one */
	while (*w->p == '/')
		w->p++;
	if (*w->p && (w->sticky = place(why, w->cur.data, &w->dir, w->flags, w->private_group)) < 0)
		return STEP_UNSTEADY;
	return STEP_ON;
}

int vh_path_steady(char **real, char **bad, enum vh_writers *why, const char *path, unsigned flags,
		   int (*private_group)(gid_t gid))
{
	struct walk w = { VH_BUF_INIT, VH_BUF_INIT, VH_BUF_INIT, { 0 }, NULL, 0, 0, flags, private_group };
	const char *c;
	size_t len;
	int rc = VH_ENOMEM, saved = 0, r;

	if (real)
		*real = NULL;
	*bad = NULL;
	*why = VH_WRITERS_NONE;
	if (vh_buf_puts(&w.cur, "/") < 0 || vh_buf_puts(&w.rest, path) < 0)
		goto done;
	if (vh_stat(&w.dir, AT_FDCWD, "/", 1) < 0) {
		*why = VH_WRITERS_UNKNOWN;
		goto not;
	}
	if ((w.sticky = place(why, "/", &w.dir, flags, private_group)) < 0)
		goto not;
	for (w.p = w.rest.data; *w.p;) {
		while (*w.p == '/')
			w.p++;
		c = w.p;
		w.p += strcspn(w.p, "/");
		len = (size_t)(w.p - c);
		if (!len || (len == 1 && c[0] == '.'))
			continue;
		r = step(&w, why, c, len);
		if (r < 0)
			goto done;
		if (r == STEP_UNSTEADY)
			goto not;
	}
	*why = VH_WRITERS_NONE;
	rc = 0;
	if (real && !(*real = vh_buf_detach(&w.cur)))
		rc = VH_ENOMEM;
	goto done;
not:
	saved = errno;
	rc = 0;
	*bad = vh_buf_detach(&w.cur);
	if (!*bad)
		rc = VH_ENOMEM;
done:
	vh_buf_free(&w.cur);
	vh_buf_free(&w.rest);
	vh_buf_free(&w.next);
	if (rc == 0 && *bad)
		errno = saved;
	return rc;
}
