"""A cache of the tables lintnews builds from its rule files and word lists.

Building the rules costs far more than linting one small file: parsing the
TOML rule files, the entity table of names, the English word list. A
pre-commit hook pays that on every commit. This cache keeps the built tables
between processes, like Python's `__pycache__` keeps byte code:

- Where: `$LINTNEWS_TABLE_CACHE_DIR` if set (an empty value turns the cache
  off), else `$XDG_CACHE_HOME/lintnews/tables`, else
  `~/.cache/lintnews/tables`: per user, shared by every repository, because
  the tables depend on lintnews and its rule folders, not on the text.
- Keyed by content: a table built from rules is stored under a hash of
  lintnews's version, its code, the rule files in use (`cache.ruleset_version`)
  and the Python version; a word list under its source file's size and
  modification time. A changed rule file or upgrade simply misses.
- Safe: a file is written atomically (`atomic.atomic_write`), carries its key
  and a CRC-32 of its payload, and anything that does not check out — missing,
  truncated, corrupt, from another version, unreadable, unpicklable — is
  ignored and the table is built again. A folder that cannot be written
  (read-only, full disk) only means the table is not kept. Nothing here can
  raise or change a finding: a loaded table equals the built one. A file
  that another user owns is never read: a pickle can run code, and no one
  may plant one for you, even in a folder others can write to.

`--no-cache` does not turn this cache off: it concerns findings of the user's
files (re-check everything), while this cache holds only lintnews's own
derived data, validated by content. Set `LINTNEWS_TABLE_CACHE_DIR=` to turn
it off.
"""
from __future__ import annotations

import os
import struct
import sys
import zlib
from pathlib import Path

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Callable, TypeVar
    T = TypeVar("T")


ENV = "LINTNEWS_TABLE_CACHE_DIR"
MAGIC = b"LNTC2"
#: Changing how any cached table is laid out or built must change this.
FORMAT = "4"
_HEADER = struct.Struct("<5s32sI")  # magic, key digest, CRC-32 of the payload
#: Files from this size on are mapped rather than read (see `read`).
MAP_FROM = 1 << 20


def folder() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    environ = os.environ
    settings = (environ.get(ENV), environ.get("XDG_CACHE_HOME"), environ.get("HOME"))
    if settings != _folder[0]:  # asked ~100 times a run: built again only when they change
        _folder[:] = [settings, _find_folder(*settings)]
    return _folder[1]


_folder: list = [None, None]  # [the settings it was found under, the folder]


def _find_folder(env: str | None, xdg: str | None, _home: str | None) -> Path | None:
    if env is not None:
        return Path(env) if env.strip() else None
    base = xdg
    if not base:
        home = os.path.expanduser("~")
        if home == "~":  # no home folder to keep a cache in
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "lintnews" / "tables"


def sha256(data: bytes = b""):
    """`hashlib.sha256(data)`."""
    import hashlib

    return hashlib.sha256(data)




def digest(*parts: str) -> bytes:
    """A cache key: a hash of `parts`, this module's FORMAT and the Python version."""
    h = sha256(FORMAT.encode())
    h.update(sys.implementation.cache_tag.encode() if sys.implementation.cache_tag else sys.version.encode())
    for part in parts:
        h.update(b"\0" + part.encode("utf-8", "surrogateescape"))
    return h.digest()


def path_for(name: str, key: bytes) -> Path | None:
    """Where the table `name` built under `key` is kept (None: the cache is off)."""
    base = folder()
    return base / f"{name}-{key.hex()[:24]}.bin" if base is not None else None


def read(name: str, key: bytes) -> memoryview | None:
    """The payload stored under (name, key), or None when absent or not intact.

    A view of the file's bytes, not a copy. A large file (the word list is
    3 MB, the names table 2 MB) is mapped into memory rather than read:
    reading copies it into fresh memory on every run of a hook, while a
    mapping costs only the CRC's pass over pages already in the
    system's cache. The writer replaces files by renaming (never rewriting
    one in place), so a mapped file does not change under a reader.
    """
    path = path_for(name, key)
    if path is None:
        return None
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                return None  # a pickle planted by another user would run their code
            data = _mapped(fh) if info.st_size >= MAP_FROM else None
            if data is None:
                data = fh.read()
    except (OSError, ValueError):
        return None
    if len(data) < _HEADER.size:
        return None
    magic, stored_key, crc = _HEADER.unpack_from(data)
    payload = memoryview(data)[_HEADER.size:]
    if magic != MAGIC or stored_key != key or zlib.crc32(payload) != crc:
        return None
    return payload


def _mapped(fh):
    """The file mapped read-only, or None where mapping is not possible."""
    try:
        import mmap

        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (ImportError, OSError, ValueError):
        return None


def write(name: str, key: bytes, payload: bytes | Callable[[], bytes]) -> None:
    """Store `payload` under (name, key) atomically; any failure is ignored.

    `payload` may be a function, called only when the folder can be written:
    a read-only cache does not pay for building what it cannot keep.
    """
    path = path_for(name, key)
    if path is None:
        return
    try:
        from lintnews.engine.atomic import atomic_write

        path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK):
            return
        data = payload() if callable(payload) else payload
        atomic_write(path, _HEADER.pack(MAGIC, key, zlib.crc32(data)) + data, None)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no cache
        pass


def cached_pickle(name: str, key: bytes | None, build: Callable[[], T]) -> T:
    """`build()`, or its result as pickled under (name, key) by an earlier process."""
    if key is None:
        return build()
    payload = read(name, key)
    if payload is not None:
        try:
            return _unpickle(payload)
        except Exception:  # noqa: BLE001 - a payload that does not unpickle is rebuilt
            pass
    value = build()

    def pickled() -> bytes:
        import pickle

        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    write(name, key, pickled)
    return value


def _unpickle(payload):
    import pickle

    return pickle.loads(payload)
