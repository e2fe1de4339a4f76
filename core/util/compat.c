/* What differs between the systems is declared outside POSIX: Linux's
 * statx needs _GNU_SOURCE, macOS's birth times and statfs _DARWIN_C_SOURCE,
 * the BSDs' no feature macro at all (one hides them). config.h, included
 * first, asks for POSIX 2008 for every other file; nothing else in core/
 * asks for more. */
#undef _XOPEN_SOURCE
#define _GNU_SOURCE 1
#define _DARWIN_C_SOURCE 1
#include "core/util/compat.h"
#include "core/util/err.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#ifdef HAVE_SYS_VFS_H
#include <sys/vfs.h> /* statfs, on Linux */
#elif defined(HAVE_STRUCT_STATFS_F_FSTYPENAME)
#include <sys/param.h>
#include <sys/mount.h> /* statfs, on macOS and the BSDs */
#endif
#ifdef HAVE_SYS_SYSMACROS_H
#include <sys/sysmacros.h> /* makedev, on glibc */
#endif
#if defined(HAVE__NSGETEXECUTABLEPATH) && defined(HAVE_MACH_O_DYLD_H)
#define VH_SELF_DYLD 1
#include <mach-o/dyld.h>
#include <stdint.h>
#endif
#if HAVE_DECL_KERN_PROC_PATHNAME
#define VH_SELF_SYSCTL 1
#include <sys/sysctl.h>
#endif

#include "core/util/buf.h"
#include "core/util/pathlist.h"

/* statx where the C library has it (configure) and its header declares it:
 * a C library without the wrapper (musl before 1.2.5) builds the fstatat
 * path even with a config.h made for another one. */
#if defined(HAVE_STATX) && defined(STATX_BTIME)
#define VH_STATX 1
#endif

/* st_mtim (POSIX 2008) or st_mtimespec (older macOS), else whole seconds. */
#if defined(HAVE_STRUCT_STAT_ST_MTIM)
#define VH_ST_TIME(st, x) ((st)->st_##x##tim)
#elif defined(HAVE_STRUCT_STAT_ST_MTIMESPEC)
#define VH_ST_TIME(st, x) ((st)->st_##x##timespec)
#endif

void vh_stat_from(struct vh_stat *out, const struct stat *st)
{
	memset(out, 0, sizeof(*out));
	out->dev = st->st_dev;
	out->ino = st->st_ino;
	out->mode = st->st_mode;
	out->uid = st->st_uid;
	out->gid = st->st_gid;
	out->nlink = st->st_nlink;
	out->size = st->st_size;
#ifdef VH_ST_TIME
	out->mtime = VH_ST_TIME(st, m);
	out->ctime = VH_ST_TIME(st, c);
#else
	out->mtime.tv_sec = st->st_mtime;
	out->ctime.tv_sec = st->st_ctime;
#endif
#ifdef HAVE_STRUCT_STAT_ST_BIRTHTIMESPEC
	out->btime = st->st_birthtimespec;
	out->has_btime = out->btime.tv_sec > 0;
#endif
}

#ifdef VH_STATX
static int by_statx(struct vh_stat *out, int dirfd, const char *path, int follow)
{
	struct statx sx;

	if (statx(dirfd, path, follow ? 0 : AT_SYMLINK_NOFOLLOW,
		  STATX_BASIC_STATS | STATX_BTIME, &sx) < 0)
		return VH_EIO;
	memset(out, 0, sizeof(*out));
	out->dev = makedev(sx.stx_dev_major, sx.stx_dev_minor);
	out->ino = (ino_t)sx.stx_ino;
	out->mode = sx.stx_mode;
	out->uid = sx.stx_uid;
	out->gid = sx.stx_gid;
	out->nlink = sx.stx_nlink;
	out->size = (off_t)sx.stx_size;
	out->mtime.tv_sec = sx.stx_mtime.tv_sec;
	out->mtime.tv_nsec = sx.stx_mtime.tv_nsec;
	out->ctime.tv_sec = sx.stx_ctime.tv_sec;
	out->ctime.tv_nsec = sx.stx_ctime.tv_nsec;
	if ((sx.stx_mask & STATX_BTIME) && sx.stx_btime.tv_sec > 0) {
		out->btime.tv_sec = sx.stx_btime.tv_sec;
		out->btime.tv_nsec = sx.stx_btime.tv_nsec;
		out->has_btime = 1;
	}
	return 0;
}
#endif

int vh_stat(struct vh_stat *out, int dirfd, const char *path, int follow)
{
	struct stat st;

#ifdef VH_STATX
	/* A kernel older than 4.11 (or a seccomp filter) says ENOSYS. */
	if (by_statx(out, dirfd, path, follow) == 0)
		return 0;
	if (errno != ENOSYS && errno != EPERM)
		return VH_EIO;
#endif
	if (fstatat(dirfd, path, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0)
		return VH_EIO;
	vh_stat_from(out, &st);
	return 0;
}

int vh_fs_keeps_dir_times(int dirfd, const char *path)
{
#if defined(HAVE_SYS_VFS_H) || defined(HAVE_STRUCT_STATFS_F_FSTYPENAME)
	struct statfs sf;
	int fd = openat(dirfd, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY), r;

	if (fd < 0)
		return 0;
	r = fstatfs(fd, &sf);
	close(fd);
	if (r < 0)
		return 0;
#endif
#if defined(HAVE_SYS_VFS_H)
	/* The magic numbers of linux/magic.h, spelled out: that header is
	 * Linux's alone, and f_type's width differs between architectures. */
	switch ((unsigned long)sf.f_type & 0xffffffffUL) {
	case 0xEF53UL:     /* ext2, ext3, ext4 */
	case 0x58465342UL: /* XFS */
	case 0x9123683EUL: /* Btrfs */
	case 0xF2F52010UL: /* F2FS */
	case 0xCA451A4EUL: /* bcachefs */
	case 0x2FC12FC1UL: /* ZFS */
	case 0x01021994UL: /* tmpfs */
	case 0x858458F6UL: /* ramfs */
	case 0x794C7630UL: /* overlayfs */
		return 1;
	default:
		return 0;
	}
#elif defined(HAVE_STRUCT_STATFS_F_FSTYPENAME)
	return !strcmp(sf.f_fstypename, "apfs") || !strcmp(sf.f_fstypename, "hfs") ||
	       !strcmp(sf.f_fstypename, "ufs") || !strcmp(sf.f_fstypename, "ffs") ||
	       !strcmp(sf.f_fstypename, "zfs") || !strcmp(sf.f_fstypename, "tmpfs");
#else
	(void)dirfd;
	(void)path;
	return 0;
#endif
}

/* O_PATH (Linux, FreeBSD 14) and POSIX's O_SEARCH open a directory without
 * read permission, which search needs no more than stat() does. */
#if defined(O_PATH)
#define VH_O_SEARCHDIR O_PATH
#elif defined(O_SEARCH)
#define VH_O_SEARCHDIR O_SEARCH
#else
#define VH_O_SEARCHDIR O_RDONLY
#endif

int vh_open_searchdir(int dirfd, const char *path)
{
	return openat(dirfd, path, VH_O_SEARCHDIR | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
}

int vh_clock_files(struct timespec *now, long *slack_ns)
{
#ifdef CLOCK_REALTIME_COARSE
	/* Linux stamps files from the coarse clock: reading it, a file made
	 * later is stamped no earlier (with multigrain times, later still). */
	*slack_ns = 0;
	if (clock_gettime(CLOCK_REALTIME_COARSE, now) == 0)
		return 0;
#endif
	/* Elsewhere a stamp may lag the precise clock by a tick or so. */
	*slack_ns = 50000000L;
	return clock_gettime(CLOCK_REALTIME, now);
}

int vh_timespec_cmp(const struct timespec *a, const struct timespec *b)
{
	if (a->tv_sec != b->tv_sec)
		return a->tv_sec < b->tv_sec ? -1 : 1;
	if (a->tv_nsec != b->tv_nsec)
		return a->tv_nsec < b->tv_nsec ? -1 : 1;
	return 0;
}

#if defined(HAVE_LINUX_XATTR)
/* Linux: the POSIX.1e ACL as the kernel hands it out (posix_acl_xattr.h):
 * a little-endian version 2, then 8-byte entries of tag, permissions, id. */
#include <sys/xattr.h>

const char vh_acl_kind[] = "POSIX.1e (Linux extended attributes)";

enum { A_USER = 0x02, A_GROUP_OBJ = 0x04, A_GROUP = 0x08, A_MASK = 0x10, A_OTHER = 0x20 };

struct acl_scan {
	int named_write; /* a named user (not me, not root) or named group */
	int group_obj_write, other_write, mask, mask_write;
};

static unsigned long le(const unsigned char *p, int n)
{
	unsigned long v = 0;

	while (n--)
		v = v << 8 | p[n];
	return v;
}

static ssize_t xattr(int fd, const char *path, const char *name, void *buf, size_t size)
{
	return fd >= 0 ? fgetxattr(fd, name, buf, size) : getxattr(path, name, buf, size);
}

/* 0: no such ACL (or a file system that keeps none); 1: *s filled;
 * VH_EIO (errno says why). */
static int acl_read(struct acl_scan *s, int fd, const char *path, const char *name, uid_t me)
{
	unsigned char small[4 + 8 * 32], *p = small;
	ssize_t n = xattr(fd, path, name, small, sizeof(small));
	int rc = VH_EIO;

	memset(s, 0, sizeof(*s));
	if (n < 0 && errno == ERANGE) { /* more than 32 entries: ask its size */
		n = xattr(fd, path, name, NULL, 0);
		p = n > 0 ? malloc((size_t)n) : NULL;
		n = p ? xattr(fd, path, name, p, (size_t)n) : -1;
	}
	if (n < 0) {
		if (errno == ENODATA || errno == ENOTSUP || errno == EOPNOTSUPP)
			rc = 0;
		goto done;
	}
	if (n < 4 || le(p, 4) != 2 || (n - 4) % 8) {
		errno = EINVAL;
		goto done;
	}
	for (n -= 4; n > 0; n -= 8) {
		const unsigned char *e = p + 4 + (size_t)(n - 8);
		unsigned long tag = le(e, 2), id = le(e + 4, 4);
		int w = (le(e + 2, 2) & 2) != 0;

		if ((tag == A_USER && w && id != (unsigned long)me && id != 0) || (tag == A_GROUP && w))
			s->named_write = 1;
		else if (tag == A_GROUP_OBJ)
			s->group_obj_write = w;
		else if (tag == A_MASK)
			s->mask = 1, s->mask_write = w;
		else if (tag == A_OTHER)
			s->other_write = w;
	}
	rc = 1;
done:
	if (p != small)
		free(p);
	return rc;
}

int vh_acl_get(struct vh_acl *out, int fd, const char *path, mode_t mode, uid_t me,
	       int inherited)
{
	struct acl_scan s;
	int r;

	memset(out, 0, sizeof(*out));
	/* With an ACL, the group bits are its mask: without a write bit
	 * there, no named entry and no group may write. */
	if (mode & S_IWGRP) {
		r = acl_read(&s, fd, path, "system.posix_acl_access", me);
		if (r < 0)
			return r;
		if (r > 0) {
			out->has_group = 1;
			out->group_write = s.group_obj_write && (!s.mask || s.mask_write);
			out->others_write = s.named_write && s.mask_write;
		}
	}
	if (S_ISDIR(mode) && inherited) {
		r = acl_read(&s, fd, path, "system.posix_acl_default", me);
		if (r < 0)
			return r;
		out->inherit_write = r > 0 && ((s.named_write && (!s.mask || s.mask_write)) || s.other_write);
	}
	return 0;
}

#elif HAVE_DECL_ACL_TYPE_EXTENDED && defined(HAVE_MEMBERSHIP_H)
/* macOS: extended ACLs (NFSv4-like, not POSIX.1e) beside the mode bits,
 * which they do not show; entries name users and groups by UUID. Written
 * from acl(3), acl_get_entry(3) (0 on success there), mbr_uuid_to_id(3);
 * not run by the test suite, which runs on Linux. */
#include <membership.h>
#include <sys/acl.h>

const char vh_acl_kind[] = "macOS extended ACLs";

static int acl_writes(acl_permset_t ps)
{
	static const acl_perm_t w[] = { ACL_WRITE_DATA, ACL_APPEND_DATA, ACL_DELETE_CHILD,
					ACL_WRITE_SECURITY, ACL_CHANGE_OWNER };
	size_t i;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (acl_get_perm_np(ps, w[i]) > 0)
			return 1;
	return 0;
}

int vh_acl_get(struct vh_acl *out, int fd, const char *path, mode_t mode, uid_t me,
	       int inherited)
{
	acl_t acl;
	acl_entry_t e;
	int which = ACL_FIRST_ENTRY, rc = 0;

	memset(out, 0, sizeof(*out));
	acl = fd >= 0 ? acl_get_fd_np(fd, ACL_TYPE_EXTENDED) : acl_get_file(path, ACL_TYPE_EXTENDED);
	if (!acl)
		return errno == ENOENT || errno == ENOTSUP ? 0 : VH_EIO;
	while (acl_get_entry(acl, which, &e) == 0) {
		acl_tag_t tag;
		acl_permset_t ps;
		acl_flagset_t fs;
		guid_t *who;
		id_t id = 0;
		int type = -1, only;

		which = ACL_NEXT_ENTRY;
		if (acl_get_tag_type(e, &tag) < 0 || tag != ACL_EXTENDED_ALLOW)
			continue;
		if (acl_get_permset(e, &ps) < 0 || acl_get_flagset_np(e, &fs) < 0) {
			rc = VH_EIO;
			break;
		}
		if (!acl_writes(ps))
			continue;
		who = acl_get_qualifier(e);
		if (who && mbr_uuid_to_id((const unsigned char *)who, &id, &type) != 0)
			type = -1;
		if (who)
			acl_free(who);
		if (type == ID_TYPE_UID && (id == me || id == 0))
			continue;
		only = acl_get_flag_np(fs, ACL_ENTRY_ONLY_INHERIT) > 0;
		if (!only)
			out->others_write = 1;
		if (S_ISDIR(mode) && inherited && (only || acl_get_flag_np(fs, ACL_ENTRY_FILE_INHERIT) > 0 ||
				      acl_get_flag_np(fs, ACL_ENTRY_DIRECTORY_INHERIT) > 0))
			out->inherit_write = 1;
	}
	acl_free(acl);
	return rc;
}

#else
/* No ACL this build can read (the BSDs' are not read yet): the mode bits
 * alone say who may write. */
const char vh_acl_kind[] = "none (mode bits only)";

int vh_acl_get(struct vh_acl *out, int fd, const char *path, mode_t mode, uid_t me,
	       int inherited)
{
	(void)fd;
	(void)path;
	(void)mode;
	(void)me;
	(void)inherited;
	memset(out, 0, sizeof(*out));
	return 0;
}
#endif

static const char *self_argv0;

void vh_self_init(const char *argv0)
{
	self_argv0 = argv0;
}

const char vh_self_methods[] =
#ifdef VH_SELF_DYLD
	"_NSGetExecutablePath, "
#endif
#ifdef VH_SELF_SYSCTL
	"sysctl KERN_PROC_PATHNAME, "
#endif
	"/proc/self/exe, argv[0]";

#ifdef VH_SELF_DYLD
/* macOS: the path the binary was loaded by, which may hold symlinks and
 * "..": hence realpath. */
static char *by_dyld(void)
{
	uint32_t size = 0;
	char *buf, *real = NULL;

	(void)_NSGetExecutablePath(NULL, &size); /* -1, and the size it needs */
	buf = malloc(size + 1);
	if (!buf)
		return NULL;
	if (_NSGetExecutablePath(buf, &size) == 0)
		real = realpath(buf, NULL);
	free(buf);
	return real;
}
#endif

#ifdef VH_SELF_SYSCTL
/* The kernel's record of the binary's path, without procfs mounted. */
static char *by_sysctl(void)
{
#if HAVE_DECL_KERN_PROC_NARGV
	/* NetBSD: one of KERN_PROC_ARGS's answers, beside argv's count. */
	int mib[4] = { CTL_KERN, KERN_PROC_ARGS, -1, KERN_PROC_PATHNAME };
#else
	/* FreeBSD, DragonFly: one of KERN_PROC's; -1 is this process. */
	int mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PATHNAME, -1 };
#endif
	size_t len = 0;
	char *buf, *real = NULL;

	if (sysctl(mib, 4, NULL, &len, NULL, 0) < 0 || len == 0)
		return NULL;
	buf = malloc(len + 1);
	if (!buf)
		return NULL;
	if (sysctl(mib, 4, buf, &len, NULL, 0) == 0) {
		buf[len] = '\0';
		real = realpath(buf, NULL);
	}
	free(buf);
	return real;
}
#endif

/* The file argv0 names, as execvp would find it (on path, NULL: the
 * system's default), not resolved: *out is malloc'd. */
static int lookup(char **out, const char *argv0, const char *path)
{
	char *file = NULL;
	int rc;

	*out = NULL;
	if (!argv0 || !*argv0) {
		errno = ENOENT;
		return VH_ENOTFOUND;
	}
	if (strchr(argv0, '/')) {
		*out = strdup(argv0);
		return *out ? 0 : VH_ENOMEM;
	}
	rc = vh_pathlist_search(&file, path, argv0, NULL);
	if (rc < 0)
		return rc;
	*out = file;
	return 0;
}

int vh_self_from_argv0(char **out, const char *argv0, const char *path)
{
	char *found;

	int rc;

	*out = NULL;
	rc = lookup(&found, argv0, path);
	if (rc < 0)
		return rc;
	*out = realpath(found, NULL);
	free(found);
	return *out ? 0 : errno == ENOMEM ? VH_ENOMEM : errno == ENOENT ? VH_ENOTFOUND : VH_EIO;
}

int vh_self_invoked(char **out)
{
	int rc = lookup(out, self_argv0, getenv("PATH"));

	if (rc < 0)
		return rc;
	if ((*out)[0] == '/')
		return 0;
	free(*out);
	*out = NULL;
	errno = ENOENT;
	return VH_ENOTFOUND;
}

int vh_self_path(char **out)
{
	*out = NULL;
#ifdef VH_SELF_DYLD
	if ((*out = by_dyld()) != NULL)
		return 0;
#endif
#ifdef VH_SELF_SYSCTL
	if ((*out = by_sysctl()) != NULL)
		return 0;
#endif
	/* Linux; also FreeBSD and NetBSD when procfs is mounted Linux-style. A
	 * /proc that is not mounted (containers, sandboxes) just says ENOENT. */
	if ((*out = realpath("/proc/self/exe", NULL)) != NULL)
		return 0;
	return vh_self_from_argv0(out, self_argv0, getenv("PATH"));
}

int vh_platform_macos(void)
{
	/* A test hook, not a setting: it only moves where the stores are looked
	 * for, as WORKON_HOME or XDG_CACHE_HOME already can. */
	const char *t = getenv("VENVHOOK_TEST_PLATFORM");

	if (t && !strcmp(t, "macos"))
		return 1;
	if (t && !strcmp(t, "linux"))
		return 0;
#ifdef __APPLE__
	return 1;
#else
	return 0;
#endif
}

int vh_dirent_may_be_link(const struct dirent *e)
{
#ifdef DT_LNK
	return e->d_type == DT_LNK || e->d_type == DT_UNKNOWN;
#else
	(void)e;
	return 1;
#endif
}

/* The names vh_getenv was asked (NUL-separated), bounded. */
static struct {
	char buf[2048];
	size_t len, n;
	int over;
} env_read;

const char *vh_getenv(const char *name)
{
	size_t len = strlen(name) + 1, i;
	const char *p = env_read.buf;

	for (i = 0; i < env_read.n; i++, p += strlen(p) + 1)
		if (!strcmp(p, name))
			return getenv(name);
	if (env_read.n >= 64 || len > sizeof(env_read.buf) - env_read.len) {
		env_read.over = 1;
	} else {
		memcpy(env_read.buf + env_read.len, name, len);
		env_read.len += len;
		env_read.n++;
	}
	return getenv(name);
}

int vh_getenv_names(const char **names, size_t max)
{
	const char *p = env_read.buf;
	size_t i;

	if (env_read.over || env_read.n > max)
		return VH_ETOOBIG;
	for (i = 0; i < env_read.n; i++, p += strlen(p) + 1)
		names[i] = p;
	return (int)env_read.n;
}
