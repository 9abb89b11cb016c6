"""A cache of the tables lintnews builds from its rule files and word lists.

Building the rules costs far more than linting one small file: parsing the
TOML rule files, the entity table of names, the English word list. A
pre-commit hook pays that on every commit. This cache keeps the built tables
between processes, like Python's `__pycache__` keeps byte code:

- Where: `$LINTNEWS_TABLE_CACHE_DIR` if set (an empty value turns the cache
  off), else `tables` in platformdirs' user cache folder for lintnews
  (`~/.cache/lintnews/tables` on Linux, `$XDG_CACHE_HOME` honoured): per
  user, shared by every repository, because the tables depend on lintnews and
  its rule folders, not on the text.
- Keyed by content: one file per table, named and stamped with a hash of
  lintnews's version, its code, the rule files in use (`ruleset_version`)
  and the Python version; a word list under its source file's size and
  modification time. A changed rule file or upgrade simply misses.
- Data only: a file holds bytes that lintnews decodes itself (the word and
  name tables' own layouts) or JSON of plain lists and dicts
  (`cached_data`). Nothing read back can run code: there is no pickle.
- Safe on a shared machine (`lintnews.run.private`): the folder is created
  `0700`, and one that another user owns or can write to is not used (said
  once, on standard error); a file is opened without following a symlink or
  blocking on a FIFO and must be a regular file of this user's; a file is
  written atomically and never through a link (`atomic.atomic_write`). It
  carries its key and a CRC-32 of its payload, and anything that does not
  check out (missing, truncated, corrupt, another key, values of the wrong
  shape) is ignored and the table is built again. A folder that cannot be
  written (read-only, full disk) only means the table is not kept. Nothing
  here can raise or change a finding: a loaded table equals the built one.

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
    from typing import Any, Callable


ENV = "LINTNEWS_TABLE_CACHE_DIR"
MAGIC = b"LNTC3"
#: Changing how any cached table is laid out or built must change this.
FORMAT = "5"
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


def _find_folder(env: str | None, xdg: str | None, home: str | None) -> Path | None:
    if env is not None:
        return Path(env) if env.strip() else None
    if not xdg and (not home or os.path.expanduser("~") == "~"):
        return None  # no home folder to keep a cache in
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("lintnews", appauthor=False)) / "tables"


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


def usable(base: Path, create: bool) -> bool:
    """Whether the cache folder may be used (`private.folder_problem`); a folder
    refused for safety is reported once per process, on standard error."""
    from lintnews.run.private import folder_problem

    known = _usable.get(base)
    if known is not None and (known or not create):
        return known
    try:
        problem = folder_problem(base, create=create)
    except OSError:  # cannot be created: no cache, nothing to say
        return False
    if problem is not None and base not in _warned:
        _warned.add(base)
        sys.stderr.write(f"lintnews: warning: {problem}\n")
    ok = problem is None and base.is_dir()
    if ok or problem is not None:
        _usable[base] = ok
    return ok


_usable: dict[Path, bool] = {}
_warned: set[Path] = set()


def read(name: str, key: bytes) -> memoryview | None:
    """The payload stored under (name, key), or None when absent or not intact.

    A view of the file's bytes, not a copy. A large file (the word list is
    3 MB, the names table 2 MB) is mapped into memory rather than read:
    reading copies it into fresh memory on every run of a hook, while a
    mapping costs only the CRC's pass over pages already in the
    system's cache. The writer replaces files by renaming (never rewriting
    one in place), so a mapped file does not change under a reader.
    """
    from lintnews.run.private import open_private

    path = path_for(name, key)
    if path is None or not usable(path.parent, create=False):
        return None
    opened = open_private(path)  # no link followed, no FIFO waited on, owned by this user
    if opened is None:
        return None
    fd, info = opened
    try:
        data = _mapped(fd) if info.st_size >= MAP_FROM else None
        if data is None:
            with os.fdopen(fd, "rb", closefd=False) as stream:
                data = stream.read(info.st_size)
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)
    if len(data) < _HEADER.size:
        return None
    magic, stored_key, crc = _HEADER.unpack_from(data)
    payload = memoryview(data)[_HEADER.size:]
    if magic != MAGIC or stored_key != key or zlib.crc32(payload) != crc:
        return None
    return payload


def _mapped(fd: int):
    """The file mapped read-only, or None where mapping is not possible."""
    try:
        import mmap

        return mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
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

        if not usable(path.parent, create=True) or not os.access(path.parent, os.W_OK):
            return
        data = payload() if callable(payload) else payload
        atomic_write(path, _HEADER.pack(MAGIC, key, zlib.crc32(data)) + data, None)
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no cache
        pass


def cached_data(name: str, key: bytes | None, build: Callable[[], Any],
                valid: Callable[[Any], bool]) -> Any:
    """`build()`, or the plain data (JSON) an earlier process stored under (name, key).

    `build` returns lists, dicts, strings, numbers, booleans and None only;
    what is read back is used only if `valid(value)` accepts its shape, else
    it is built again. Data that JSON cannot hold is simply not stored.
    """
    import json

    if key is None:
        return build()
    payload = read(name, key)
    if payload is not None:
        try:
            value = json.loads(bytes(payload).decode("utf-8"))
            if valid(value):
                return value
        except (ValueError, RecursionError):
            pass
    value = build()

    def encoded() -> bytes:
        return json.dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8")

    try:
        data = encoded()
    except (TypeError, ValueError, RecursionError, UnicodeEncodeError):
        return value
    write(name, key, data)
    return value
