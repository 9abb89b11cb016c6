"""Files that only this user can have written: the caches' guard on shared machines.

A cache folder may sit where other users can reach it (a team machine's
shared cache, a group-writable checkout). What lintnews reads back from a
cache must be something this user wrote, so

- `folder_problem` creates a cache folder `0700` and refuses (with a message
  saying why and what to do) one that another user owns or others can write to;
- `open_private` / `read_private` open a cache file without following a
  symlink and without blocking on a FIFO, and check on the open descriptor
  that it is a regular file owned by this user, before reading it;
- `create_private` makes a new small file without following a link.

Writing a whole cache file goes through `engine.atomic.atomic_write`, which
never writes through a link either.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

_READ = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
         | getattr(os, "O_CLOEXEC", 0))
_CREATE = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
           | getattr(os, "O_CLOEXEC", 0))
#: A cache file is never larger than this; a bigger one is not read.
MAX_BYTES = 1 << 30


def _me() -> int | None:
    return os.geteuid() if hasattr(os, "geteuid") else None


def folder_problem(folder: Path, create: bool = True) -> str | None:
    """Create `folder` (mode 0700) if needed; None when it is safe to use, else why not.

    A folder that cannot be created (read-only, full disk) raises OSError:
    that only means there is no cache, not that anyone is up to something.
    With `create` false a missing folder is simply no problem (yet).
    """
    if create:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        if create:
            raise
        return None
    if not stat.S_ISDIR(info.st_mode):
        return f"the cache path {folder} is not a folder"
    me = _me()
    if me is None:
        return None
    if info.st_uid != me:
        return (f"the cache folder {folder} belongs to another user (uid {info.st_uid}); "
                "not used: give lintnews a cache folder of your own")
    if info.st_mode & 0o022:
        return (f"the cache folder {folder} can be written by other users "
                f"(mode {stat.S_IMODE(info.st_mode):o}); not used: run `chmod go-w {folder}`, "
                "or point the cache elsewhere")
    return None


def open_private(path: Path) -> tuple[int, os.stat_result] | None:
    """(descriptor, status) of `path` if it is a regular file of this user's and
    not a link; else None. The caller closes the descriptor."""
    try:
        fd = os.open(path, _READ)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        return None
    me = _me()
    if not stat.S_ISREG(info.st_mode) or (me is not None and info.st_uid != me):
        os.close(fd)
        return None
    return fd, info


def read_private(path: Path, limit: int = MAX_BYTES) -> bytes | None:
    """The bytes of `path` if `open_private` accepts it and it is not over `limit`."""
    opened = open_private(path)
    if opened is None:
        return None
    fd, info = opened
    try:
        if info.st_size > limit:
            return None
        chunks, left = [], info.st_size
        while left > 0:
            chunk = os.read(fd, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def create_private(path: Path, data: bytes) -> None:
    """Write a new file (mode 0600) at `path`; an existing file or link is left as it is."""
    try:
        fd = os.open(path, _CREATE, 0o600)
    except OSError:
        return
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
