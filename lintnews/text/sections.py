"""Byte sections laid end to end after a small header: the layout of the
table-cache files whose parts are used as views of the (mapped) file, never
copied (`names.compact`, `langprofiles`).

    4 bytes  the header's length (little-endian)
    header   JSON of [*fields, [length of each section, ...]] (data only:
             nothing read from a cache file can run code or crash the reader)
    sections one after the other
"""
from __future__ import annotations

import json


def pack(fields: tuple, sections) -> bytes:
    """`sections` (bytes) under a header holding `fields` (plain data) and their lengths."""
    sections = tuple(sections)
    head = json.dumps([*fields, [len(section) for section in sections]]).encode("ascii")
    return b"".join((len(head).to_bytes(4, "little"), head, *sections))


def header(data) -> tuple[tuple, tuple, int]:
    """(fields, section lengths, where the sections start) of `pack`'s bytes;
    ValueError when `data` does not start with such a header."""
    data = memoryview(data)
    size = int.from_bytes(data[:4], "little")
    try:
        head = json.loads(bytes(data[4:4 + size]).decode("ascii"))
    except (UnicodeDecodeError, RecursionError):
        raise ValueError("no section header") from None
    if not (isinstance(head, list) and head and isinstance(head[-1], list)
            and all(isinstance(f, (int, str)) for f in head[:-1])):
        raise ValueError("no section header")
    return tuple(head[:-1]), tuple(head[-1]), 4 + size


def unpack(data) -> tuple[tuple, list[memoryview]]:
    """(fields, sections as views of `data`) of `pack`'s bytes; ValueError when
    the sections do not fill `data` exactly."""
    data = memoryview(data)
    fields, lengths, pos = header(data)
    sections = []
    for length in lengths:
        if not isinstance(length, int) or length < 0:
            raise ValueError("a section of no length")
        sections.append(data[pos:pos + length])
        pos += length
    if pos != len(data):
        raise ValueError("sections of the wrong size")
    return fields, sections
