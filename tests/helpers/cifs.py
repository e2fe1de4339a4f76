#!/usr/bin/python3
"""cifs.py BACKING MOUNTPOINT: mounts BACKING at MOUNTPOINT as a
case-insensitive, case-preserving file system, as macOS's default APFS,
exFAT/vfat drives, SMB shares and casefold directories are: a name is
found whatever the case it is asked in, and a new one keeps the case it
was made with. The tests need one and the Linux kernel here has no
casefold support: this is a passthrough FUSE file system (python3-fusepy)
whose only difference is the name lookup. It runs in the foreground until
unmounted. Test code only: not fast, not for anything else.
"""
import errno
import os
import sys

from fusepy import FUSE, FuseOSError, Operations


class CaseInsensitive(Operations):
    def __init__(self, root):
        self.root = os.path.realpath(root)

    # The backing path of a path as asked: each component, when no entry
    # has exactly that name, is the entry whose name matches it case-
    # insensitively; a component that matches none keeps its case (a name
    # about to be made).
    def real(self, path):
        at = self.root
        for part in [p for p in path.split("/") if p]:
            exact = os.path.join(at, part)
            if os.path.lexists(exact) or not os.path.isdir(at):
                at = exact
                continue
            folded = part.casefold()
            try:
                names = os.listdir(at)
            except OSError:
                names = []
            match = [n for n in names if n.casefold() == folded]
            at = os.path.join(at, match[0] if match else part)
        return at

    def getattr(self, path, fh=None):
        st = os.lstat(self.real(path))
        return {k: getattr(st, k) for k in (
            "st_mode", "st_ino", "st_nlink", "st_uid", "st_gid", "st_size",
            "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns")}

    def access(self, path, mode):
        if not os.access(self.real(path), mode):
            raise FuseOSError(errno.EACCES)

    def readdir(self, path, fh):
        return [".", ".."] + os.listdir(self.real(path))

    def readlink(self, path):
        return os.readlink(self.real(path))

    def statfs(self, path):
        st = os.statvfs(self.real(path))
        return {k: getattr(st, k) for k in (
            "f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree",
            "f_files", "f_flag", "f_frsize", "f_namemax")}

    def chmod(self, path, mode):
        os.chmod(self.real(path), mode)

    def chown(self, path, uid, gid):
        os.lchown(self.real(path), uid, gid)

    def utimens(self, path, times=None):
        os.utime(self.real(path), ns=None if times is None else
                 tuple(int(t * 1e9) if isinstance(t, float) else t for t in times),
                 follow_symlinks=False)

    def mkdir(self, path, mode):
        os.mkdir(self.real(path), mode)

    def rmdir(self, path):
        os.rmdir(self.real(path))

    def unlink(self, path):
        os.unlink(self.real(path))

    def symlink(self, target, source):
        # fusepy passes (link path, what it points to)
        os.symlink(source, self.real(target))

    def link(self, target, source):
        os.link(self.real(source), self.real(target))

    def rename(self, old, new):
        os.rename(self.real(old), self.real(new))

    def mknod(self, path, mode, dev):
        os.mknod(self.real(path), mode, dev)

    def open(self, path, flags):
        return os.open(self.real(path), flags)

    def create(self, path, mode, fi=None):
        return os.open(self.real(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)

    def read(self, path, size, offset, fh):
        return os.pread(fh, size, offset)

    def write(self, path, data, offset, fh):
        return os.pwrite(fh, data, offset)

    def truncate(self, path, length, fh=None):
        if fh is None:
            os.truncate(self.real(path), length)
        else:
            os.ftruncate(fh, length)

    def flush(self, path, fh):
        return 0

    def fsync(self, path, datasync, fh):
        os.fsync(fh)

    def release(self, path, fh):
        os.close(fh)


if __name__ == "__main__":
    # use_ino: the backing inode numbers, so that two spellings of one
    # name are the same file to lstat, as on a real case-insensitive one
    FUSE(CaseInsensitive(sys.argv[1]), sys.argv[2], foreground=True, use_ino=True,
         nothreads=True, allow_other=True, default_permissions=True)
