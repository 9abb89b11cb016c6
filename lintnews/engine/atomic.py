"""Writing a file so that it is either wholly old or wholly new, never half.

`atomic_write(path, data, expected_original)` is the only way lintnews writes
a user's file (the `--fix` module calls it):

1. it refuses, with `FileChangedError`, when the file on disk is no longer
   the bytes lintnews read (`expected_original`): someone edited it meanwhile;
2. it writes the new bytes to a temporary file in the same folder (same file
   system, so the rename is atomic), flushes them to disk with `fsync` and
   gives the temporary file the original's permission bits;
3. it checks the original once more and renames the temporary file over it
   with `os.replace`, then syncs the folder.

On Linux the temporary file is created with `O_TMPFILE`: it has no name until
the data is safely on disk, so a process killed (even by SIGKILL) while
writing leaves nothing behind. Elsewhere, or on a file system without
`O_TMPFILE`, it is a named `.<name>.lintnews-<random>.tmp`. On any failure,
KeyboardInterrupt included, the temporary file is removed and the original is
untouched; the exception propagates.

It replaces only what it can replace without changing more than the text
(`RefusedError` otherwise, naming the reason): a symbolic link is never
followed (the caller resolves a link it trusts and passes the real path), a
FIFO or device is not read, a file with several hard links is not split, a
read-only file is left alone unless the caller allows it, and the new file
gets the old one's owner, group and extended attributes, or nothing is written.
"""
from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path

TEMP_SUFFIX = ".lintnews.tmp"
#: Use an anonymous O_TMPFILE where the system has it (tests turn it off to
#: exercise the named fallback).
USE_TMPFILE = True


class FileChangedError(Exception):
    """The file on disk is no longer what was read: writing would lose an edit."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = str(path)
        super().__init__(
            f"{self.path}: changed on disk since lintnews read it; not written "
            "(run lintnews again on the new version)"
        )


def _hook(point: str) -> None:
    """A place where tests stop the process (kill, interrupt, fail)."""


class RefusedError(Exception):
    """A file lintnews will not replace: doing so would change more than its text."""

    def __init__(self, path: str | os.PathLike, reason: str) -> None:
        self.path, self.reason = str(path), reason
        super().__init__(f"{self.path}: {reason}")


def atomic_write(path: str | os.PathLike, data: bytes, expected_original: bytes | None,
                 allow_read_only: bool = False) -> None:
    """Replace the content of `path` with `data`, atomically.

    `expected_original` is what the caller read (None: do not check, e.g. a
    new file). A symlink is refused, never followed (`RefusedError`), and so
    are a file with other hard links and, unless `allow_read_only`, a
    read-only file.
    """
    target = Path(path)
    original = _inspect(target, expected_original, allow_read_only)
    mode = None if original is None else stat.S_IMODE(original.st_mode)
    folder = target.parent
    fd, named = _open_temp(folder, target.name)
    try:
        _write_all(fd, data)
        if original is not None:
            _keep_metadata(fd, target, original)
        os.fchmod(fd, _new_file_mode() if mode is None else mode)
        os.fsync(fd)
        _hook("written")
        if named is None:  # O_TMPFILE: give the finished file a name now
            named = _link_anonymous(fd, folder, target, data, original)
        os.close(fd)
        fd = -1
        _inspect(target, expected_original, allow_read_only)
        _hook("before-replace")
        os.replace(named, target)
        named = None
    except BaseException:
        if fd >= 0:
            os.close(fd)
        if named is not None:
            _unlink_quietly(named)
        raise
    _sync_folder(folder)


_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_CLOEXEC", 0))


def _inspect(target: Path, expected: bytes | None, allow_read_only: bool) -> os.stat_result | None:
    """The file's status (None if absent); raise if it changed or must not be replaced.

    Opened without following a link and without blocking on a FIFO, and
    checked on the open descriptor, so what is checked is what is read.
    """
    try:
        fd = os.open(target, _OPEN_FLAGS)
    except FileNotFoundError:
        if expected is not None:
            raise FileChangedError(target) from None
        return None
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) and os.path.islink(target):
            raise RefusedError(target, "is a symbolic link; lintnews never writes through a link") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedError(target, "is not a regular file (a FIFO, device or socket); not written")
        if expected is not None:
            if info.st_size != len(expected) or _read_all(fd, info.st_size) != expected:
                raise FileChangedError(target)
    finally:
        os.close(fd)
    if info.st_nlink > 1:
        raise RefusedError(target, f"has {info.st_nlink} hard links: replacing it would leave the "
                                   "other names with the old text; not written")
    if not allow_read_only and (not info.st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise RefusedError(target, "is read-only; not written")
    return info


def _read_all(fd: int, size: int) -> bytes:
    chunks, left = [], size + 1  # one byte more: a file that grew is read as different
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _keep_metadata(fd: int, target: Path, original: os.stat_result) -> None:
    """Give the new file the old one's owner, group and extended attributes, or refuse."""
    if hasattr(os, "fchown"):
        current = os.fstat(fd)
        if (current.st_uid, current.st_gid) != (original.st_uid, original.st_gid):
            try:
                os.fchown(fd, original.st_uid, original.st_gid)
            except OSError:
                raise RefusedError(target, f"belongs to user {original.st_uid}, group {original.st_gid}, "
                                           "which a new file from lintnews cannot keep; not written") from None
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(target, follow_symlinks=False)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP):
            return
        raise
    for name in names:
        try:
            value = os.getxattr(target, name, follow_symlinks=False)
            try:
                if os.getxattr(fd, name) == value:
                    continue
            except OSError:
                pass
            os.setxattr(fd, name, value)
        except OSError:
            raise RefusedError(target, f"has the extended attribute {name}, which lintnews "
                                       "cannot keep; not written") from None


def _new_file_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _temp_path(folder: Path, name: str) -> str:
    return str(folder / f".{name}.{os.urandom(4).hex()}{TEMP_SUFFIX}")


def _open_temp(folder: Path, name: str) -> tuple[int, str | None]:
    """A file descriptor to write to, and its name (None when anonymous)."""
    flag = getattr(os, "O_TMPFILE", 0)
    if USE_TMPFILE and flag and os.path.isdir("/proc/self/fd"):
        try:
            return os.open(folder, flag | os.O_WRONLY, 0o600), None
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
                raise
    return _open_named(folder, name)


def _open_named(folder: Path, name: str) -> tuple[int, str]:
    while True:
        temp = _temp_path(folder, name)
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), temp
        except FileExistsError:
            continue


def _link_anonymous(fd: int, folder: Path, target: Path, data: bytes,
                    original: os.stat_result | None) -> str:
    """Name the O_TMPFILE file: linkat(2) of /proc/self/fd/N, following the link.

    Python's `os.link` cannot follow that link, so libc's linkat is called.
    Where that fails the data is written again to a named temp file.
    """
    name = target.name
    temp = _temp_path(folder, name)
    if _linkat_follow(f"/proc/self/fd/{fd}", temp):
        return temp
    named_fd, temp = _open_named(folder, name)
    try:
        _write_all(named_fd, data)
        if original is not None:
            _keep_metadata(named_fd, target, original)
        os.fchmod(named_fd, os.fstat(fd).st_mode & 0o7777)
        os.fsync(named_fd)
    except BaseException:
        os.close(named_fd)
        _unlink_quietly(temp)
        raise
    os.close(named_fd)
    return temp


def _linkat_follow(source: str, destination: str) -> bool:
    global _LINKAT
    if _LINKAT is None:
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            _LINKAT = libc.linkat
        except (OSError, AttributeError):
            _LINKAT = False
    if not _LINKAT:
        return False
    at_fdcwd, at_symlink_follow = -100, 0x400
    return _LINKAT(at_fdcwd, os.fsencode(source), at_fdcwd, os.fsencode(destination),
                   at_symlink_follow) == 0


_LINKAT = None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _unlink_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class AtomicTextFile(io.TextIOWrapper):
    """A text file whose content replaces `path` only once `commit()` is called.

    For reports written as a stream (`-o FILE`): the text goes to a named
    temporary file in the same folder; `commit()` syncs it and renames it over
    `path`; `close()` without a commit (an error, Ctrl-C) removes it, so the
    old report stays and no half report or temp file is left.
    """

    def __init__(self, path: str | os.PathLike, encoding: str = "utf-8", errors: str = "strict") -> None:
        target = Path(os.path.realpath(path))
        fd, temp = _open_named(target.parent, target.name)
        super().__init__(open(fd, "wb"), encoding=encoding, errors=errors)
        self._target, self._temp, self._committed = target, temp, False

    def commit(self) -> None:
        self.flush()
        try:
            mode = stat.S_IMODE(os.stat(self._target).st_mode)
        except FileNotFoundError:
            mode = _new_file_mode()
        os.fchmod(self.fileno(), mode)
        os.fsync(self.fileno())
        os.replace(self._temp, self._target)
        self._committed = True

    def close(self) -> None:
        try:
            super().close()
        finally:
            if not self._committed:
                _unlink_quietly(self._temp)


def atomic_text_file(path: str | os.PathLike) -> AtomicTextFile:
    """A report file: UTF-8, and a file name's undecodable bytes written back as they were."""
    return AtomicTextFile(path, "utf-8", "surrogateescape")
