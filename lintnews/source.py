"""Reading files: bytes to text, with clear errors and what `--fix` must keep.

A file is read whole, checked for being binary (a NUL byte), stripped of a
UTF-8 or UTF-16 byte-order mark, and decoded strictly. Every problem is a
`SourceError` whose message names the file and, for bad UTF-8, the byte offset.
The `Source` keeps the BOM and encoding so a fix can write the file back as it
was.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class SourceError(Exception):
    """A file that cannot be linted; str() is a one-line message naming it."""


@dataclass(frozen=True)
class Source:
    path: str
    text: str
    encoding: str = "utf-8"
    bom: bytes = b""
    raw: bytes = b""


def decode(data: bytes, path: str, encoding: str | None = None) -> Source:
    bom = b""
    codec = encoding or "utf-8"
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom, codec = mark, name
            break
    body = data[len(bom):]
    if not bom and encoding is None and b"\x00" in body[:8192]:
        raise SourceError(f"{path}: binary file (NUL bytes), skipped")
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        if codec.replace("_", "-").lower() in ("utf-8", "utf8"):
            raise SourceError(
                f"{path}: not valid UTF-8 at byte {exc.start + len(bom)} "
                f"({exc.reason}); use --encoding to read another encoding"
            ) from None
        raise SourceError(f"{path}: cannot decode as {codec} at byte {exc.start}") from None
    except LookupError:
        raise SourceError(f"unknown encoding '{codec}'") from None
    return Source(path, text, codec, bom, data)


def read_source(path: Path, encoding: str | None = None, display: str | None = None) -> Source:
    name = display or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{name}: is a folder") from None
    except PermissionError:
        raise SourceError(f"{name}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return decode(data, name, encoding)
