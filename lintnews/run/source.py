"""Reading files: bytes to text, with clear errors and what `--fix` must keep.

A regular file is read whole, checked for being binary (a NUL byte in its
first 8 KB, or the signature of an image, PDF or archive: skipped with a
note), stripped of a UTF-8, UTF-16 or UTF-32 byte-order mark, and decoded
strictly (UTF-8 unless `--encoding` says otherwise). UTF-16 without a mark is
recognised by where its NUL bytes fall (`utf16_without_bom`) rather than
skipped as binary, which would pass a run that checked nothing. Every problem is a
`SourceError` whose one-line message names the file and, for bad UTF-8, the
byte offset and line. An empty or whitespace-only file is text like any other
(it simply has no findings). The `Source` keeps the BOM, the encoding and the
raw bytes, so a fix can write the file back as it was and check that nobody
changed it meanwhile.
"""
from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


#: Openings of binary formats that may lack a NUL byte near the start.
_MAGIC = (b"\x89PNG\r\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"%PDF-", b"PK\x03\x04",
          b"\x1f\x8b\x08", b"\x7fELF")


class SourceError(Exception):
    """A file that cannot be linted; str() is a one-line message naming it.

    `skipped` marks a file that is not text at all (binary): the run notes it
    and goes on, and it does not make the exit status 2.
    """

    def __init__(self, message: str, skipped: bool = False) -> None:
        super().__init__(message)
        self.skipped = skipped


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    raw: bytes = b""


def check_encoding(name: str) -> str:
    """`name` if Python can decode text with it; a ValueError saying why not."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise ValueError(f"unknown encoding '{name}' (try utf-8, cp1252, latin-1, utf-16)") from None
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(f"'{name}' is not a text encoding")
    return name


def is_binary(data: bytes, nul_bytes: bool = True) -> bool:
    """Whether bytes are a binary file: a known binary signature, or (unless
    an encoding such as UTF-16 was chosen) a NUL byte in the first 8 KB."""
    return data.startswith(_MAGIC) or (nul_bytes and b"\x00" in data[:8192])


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for text in UTF-16 that has no byte-order mark, else None.

    Text written as UTF-16 has the high bytes of its characters on one side:
    NULs for Latin letters, digits and spaces, 0x04 for Cyrillic letters, so
    two values make up almost all of that side, and it has a NUL (a space or
    a line break); the other side has almost none. A binary file's bytes fall
    anywhere. The guess is kept only when the whole file decodes and reads as
    text.
    """
    head = data[:8192]
    if len(data) % 2 or len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if _high_bytes(odd, even):
        codec = "utf-16-le"
    elif _high_bytes(even, odd):
        codec = "utf-16-be"
    else:
        return None
    try:
        sample = data[:65536].decode(codec)
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    readable = sum(1 for ch in sample if ch.isprintable() or ch in "\t\n\r")
    return codec if readable >= 0.95 * len(sample) else None


def _high_bytes(side: bytes, other: bytes) -> bool:
    """Could `side` be the high bytes of UTF-16 text and `other` the low ones?"""
    from collections import Counter

    if not side.count(0) or other.count(0) > 0.02 * len(other):
        return False
    return sum(n for _, n in Counter(side).most_common(2)) >= 0.9 * len(side)


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    bom = b""
    codec = encoding or "utf-8"
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom, codec = mark, name
            break
    if not bom and encoding is None and b"\x00" in data[:8192] and not data.startswith(_MAGIC):
        codec = utf16_without_bom(data) or codec
    if not bom and codec == (encoding or "utf-8") and is_binary(data, nul_bytes=encoding is None):
        raise SourceError(f"{path}: binary file, not text; skipped", skipped=True)
    try:
        text = str(memoryview(data)[len(bom):], codec)
    except UnicodeDecodeError as exc:
        where = exc.start + len(bom)
        line = data.count(b"\n", 0, where) + 1
        if codecs.lookup(codec).name == "utf-8":
            raise SourceError(
                f"{path}: not valid UTF-8 at byte {where} (line {line}: {exc.reason}); "
                "use --encoding to read another encoding, e.g. --encoding cp1252"
            ) from None
        raise SourceError(f"{path}: cannot decode as {codec} at byte {where} (line {line}: {exc.reason})") from None
    except LookupError:
        raise SourceError(f"{path}: unknown encoding '{codec}'") from None
    return Source(path, text, codec, bom, data)


def read_source(path: Path, encoding: str | None = None, display: str | None = None) -> Source:
    """Read and decode one file; every failure is a one-line SourceError.

    Only regular files are read: a FIFO, a device or a socket would block or
    never end, so they are refused (opening with O_NONBLOCK keeps a FIFO
    without a writer from hanging the open itself).
    """
    name = display or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise SourceError(_os_message(name, path, exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(f"{name}: is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{name}: not a regular file (a pipe, device or socket); skipped")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read()
    except OSError as exc:
        raise SourceError(_os_message(name, path, exc)) from None
    finally:
        os.close(fd)
    return decode(data, name, encoding)


def _os_message(name: str, path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        if os.path.islink(path):
            return f"{name}: broken symlink (its target does not exist)"
        return f"{name}: no such file (deleted while lintnews ran?)"
    if exc.errno == errno.ELOOP:
        return f"{name}: symlink loop (too many levels of symbolic links)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{name}: permission denied"
    if exc.errno == errno.EISDIR:
        return f"{name}: is a folder"
    return f"{name}: cannot read ({exc.strerror or exc})"
