/* What differs between the systems venvhook runs on (Linux, macOS, the
 * BSDs), behind one interface chosen at configure time. Everything else in
 * core/ is POSIX. */
#ifndef VH_COMPAT_H
#define VH_COMPAT_H

#include <sys/types.h>
#include <time.h>

/* The parts of a file's status venvhook uses, with nanosecond times and,
 * where the system and the file system keep one, the birth time. */
struct vh_stat {
	dev_t dev;
	ino_t ino;
	mode_t mode;
	uid_t uid;
	gid_t gid;
	nlink_t nlink;
	off_t size;
	struct timespec mtime, ctime;
	struct timespec btime; /* valid when has_btime */
	int has_btime;
};

/* vh_stat(out, dirfd, path, follow): fstatat with AT_FDCWD or a directory
 * descriptor; follow = 0 looks at a symlink itself. Birth time comes from
 * statx (Linux) or st_birthtimespec (macOS, the BSDs); a file system that
 * records none (or records 0) leaves has_btime 0. Returns 0 or VH_EIO
 * with errno set. */
int vh_stat(struct vh_stat *out, int dirfd, const char *path, int follow);

struct dirent;
/* 0 when readdir's entry e is surely not a symlink (its d_type says so:
 * Linux, macOS and the BSDs fill it on their file systems), else 1, and
 * the caller asks lstat. */
int vh_dirent_may_be_link(const struct dirent *e);

/* The same fields from a struct stat fstatat() filled (no birth time
 * where only statx gives one). */
struct stat;
void vh_stat_from(struct vh_stat *out, const struct stat *st);

/* 1 when the directory (path relative to dirfd) is on a local file system
 * known to change a directory's ctime whenever an entry is made, removed
 * or renamed in it, as POSIX requires: ext2/3/4, XFS, Btrfs, F2FS,
 * bcachefs, ZFS, tmpfs, ramfs and overlayfs on Linux; APFS, HFS+, UFS, ZFS
 * and tmpfs on macOS and the BSDs. 0 for anything else (NFS, FUSE, SMB,
 * 9p, FAT, unknown), and on a system where configure found no statfs():
 * there, a directory's times may not tell that its entries changed. */
int vh_fs_keeps_dir_times(int dirfd, const char *path);

/* A descriptor of the directory path (relative to dirfd), to ask *at()
 * calls from, or -1 with errno set. Where the system has neither O_PATH nor
 * O_SEARCH it is opened for reading, which a directory the user may search
 * but not list refuses: the caller then asks by the whole path, which is
 * slower and gives the same answers. */
int vh_open_searchdir(int dirfd, const char *path);

/* What a file's ACL says about who besides its owner may write it, beyond
 * its mode bits. */
struct vh_acl {
	int has_group;     /* the ACL, not the mode's group bits, says group_write */
	int group_write;   /* has_group: the owning group may write it */
	int others_write;  /* a named user (neither me nor root) or a named group may */
	int inherit_write; /* a directory: its default (inherited) entries give that
			    * to what is made in it */
};

/* Reads the ACL of the file fd (or, fd < 0, of the absolute path, symlinks
 * followed), whose mode is mode, as it concerns the user me, through the
 * system's own interface: Linux's POSIX.1e ACLs from their extended
 * attributes (system.posix_acl_access, asked only when the mode's group
 * bits, which are then the ACL's mask, allow writing; and, for a directory
 * when inherited, system.posix_acl_default), macOS's extended ACL (its allow entries, and
 * their inheritance flags); elsewhere nothing (vh_acl_kind says which). A
 * file without an ACL leaves *out all 0. Returns 0, or VH_EIO with errno
 * set when there is one that cannot be read: count that as writable by
 * others. */
int vh_acl_get(struct vh_acl *out, int fd, const char *path, mode_t mode, uid_t me,
	       int inherited);

/* The ACLs vh_acl_get reads in this build, for doctor and messages. */
extern const char vh_acl_kind[];

/* Negative, zero or positive as a is before, equal to or after b. */
int vh_timespec_cmp(const struct timespec *a, const struct timespec *b);

/* Now, from the clock the kernel stamps files with, or as near to it as
 * the system allows: a file made after this call has times no earlier,
 * less *slack_ns (0 where the clock is the files' own: Linux's coarse
 * clock; elsewhere the time a stamp may lag). Returns 0, or clock_gettime's
 * -1 with errno set. */
int vh_clock_files(struct timespec *now, long *slack_ns);

/* Records argv[0] for vh_self_path's last resort; main() calls it first.
 * Only the pointer is kept: nothing is resolved until it is asked for. */
void vh_self_init(const char *argv0);

/* *out (malloc'd; the caller frees it): the absolute path of the running
 * binary, symlinks resolved. Asks, in turn, what configure found of
 * _NSGetExecutablePath (macOS) and sysctl KERN_PROC_PATHNAME (FreeBSD,
 * DragonFly, NetBSD), then /proc/self/exe (Linux; procfs elsewhere), then
 * argv[0] as vh_self_from_argv0 reads it. The last gives up what the kernel
 * knows: argv[0] is whatever the caller chose, so a binary started with a
 * made-up one (exec -a) is not found, and one found on a PATH other than
 * the one it inherited may resolve to another file of that name.
 * Returns 0, or vh_self_from_argv0's code with *out NULL when none
 * answers. */
int vh_self_path(char **out);

/* The argv[0] step alone: an argv0 holding a '/' is resolved from the
 * current directory; one without is looked up on path (NULL: the system's
 * default, confstr(_CS_PATH)) as execvp() looks, an empty entry meaning the
 * current directory, and the first regular file with execute permission
 * wins. Returns 0, or with *out NULL VH_ENOTFOUND (no such file),
 * VH_ENOMEM or VH_EIO (errno says why). */
int vh_self_from_argv0(char **out, const char *argv0, const char *path);

/* *out (malloc'd): the path the binary was started by, not resolved:
 * argv[0] when it holds a '/', else where it is found on PATH, as the
 * shell found it (Homebrew's bin/venvhook, a symlink into a versioned
 * directory that an upgrade replaces). 0, or VH_ENOTFOUND when that is
 * no absolute path, or vh_self_from_argv0's code. The caller must check that it leads to this binary. */
int vh_self_invoked(char **out);

/* What vh_self_path asks in this build, for a message:
 * "/proc/self/exe, argv[0]" on Linux. */
extern const char vh_self_methods[];

/* Whose per-user directories the tools' stores follow: macOS's
 * (~/Library/Caches, ~/Library/Application Support, as Python's
 * platformdirs gives them there) or the XDG ones every other system uses.
 * The build's system decides; the test hook VENVHOOK_TEST_PLATFORM
 * ("macos" or "linux") picks one, so that the macOS rules are tested on
 * Linux. 1 for macOS, else 0. */
int vh_platform_macos(void);

/* getenv(name), noting name: the variables the answer of this process
 * read (an export's region holds only while they stay as they were,
 * core/decide/region.h). Discovery, the stores and the config read the
 * environment through it. */
const char *vh_getenv(const char *name);

/* The names vh_getenv was asked, in order, into names (at most max);
 * their count, or VH_ETOOBIG when more were asked than it could note. */
int vh_getenv_names(const char **names, size_t max);

#endif
