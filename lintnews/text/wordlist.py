"""Word lists with frequencies, from the maintained pyspellchecker package.

Used where a check must know whether a token is a real word: glued words
(`Benedettowho` is not a word, `Benedetto` + `who` are), names near a known
entity (`Kharkovk` is not an English word), and the cheap language gate.
pyspellchecker ships lowercase word → frequency tables for English (about
160,000 words), Spanish, German, French, Italian, Portuguese, Russian and
others.

Parsing a table from the package's gzipped JSON, or even loading a
`marshal`led dict, costs more than a pre-commit run on one file may spend. So
the first process stores each table in the table cache
(`lintnews.run.tablecache`) as an open-addressing hash table in one file, and later
processes answer lookups straight from its bytes (`WordTable`: one CRC-32 and
a slice comparison per lookup, no dict to build). Without a usable cache the
table is parsed from JSON as before. A process that makes many lookups (a
corpus run) turns the stored table into a dict after 100,000 of them. Either
way `frequencies(lang)` is a read-only mapping with the same content, built
once per process, on first use.
"""
from __future__ import annotations

import struct
import sys
from array import array
from collections.abc import Mapping
from functools import lru_cache
from zlib import crc32

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Iterator

LANGUAGES = ("en", "es", "de", "fr", "it", "pt", "ru", "nl")

#: After this many lookups (about 2 MB of news) a process is linting a
#: corpus, not a few files: the table becomes a dict, whose lookups are
#: faster and which then pays for its building.
PROMOTE_AFTER = 100_000
_HEAD = struct.Struct("=II")     # number of slots (a power of two), number of words
_ENTRY = struct.Struct("=IH")    # frequency, length of the UTF-8 word that follows


class WordTable(Mapping):
    """A word → frequency mapping read from the bytes `build_bytes` makes
    (or a view of them in the cache file's bytes: nothing is copied)."""

    def __init__(self, data: bytes | memoryview) -> None:
        data = memoryview(data)
        nslots, self._count = _HEAD.unpack_from(data)
        if nslots < 1 or nslots & (nslots - 1) or len(data) < _HEAD.size + 4 * nslots:
            raise ValueError("not a word table")
        self._data = data
        self._mask = nslots - 1
        self._slots = data[_HEAD.size:_HEAD.size + 4 * nslots].cast("I")
        self._lookups = 0
        self._dict: dict[str, int] | None = None

    def get(self, word, default=None):
        if self._dict is not None:
            return self._dict.get(word, default)
        self._lookups += 1
        if self._lookups > PROMOTE_AFTER:
            self._dict = dict(self._entries())
            return self._dict.get(word, default)
        if not isinstance(word, str):
            return default
        key = word.encode("utf-8", "surrogatepass")
        data, slots, mask, size = self._data, self._slots, self._mask, len(key)
        at = crc32(key) & mask
        while True:
            offset = slots[at]
            if not offset:
                return default
            frequency, length = _ENTRY.unpack_from(data, offset)
            if length == size and data[offset + 6:offset + 6 + size] == key:
                return frequency
            at = (at + 1) & mask

    def __getitem__(self, word: str) -> int:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value

    def __contains__(self, word: object) -> bool:
        return self.get(word) is not None

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        return (word for word, _frequency in self._entries())

    def _entries(self) -> Iterator[tuple[str, int]]:
        data = self._data
        offset = _HEAD.size + 4 * (self._mask + 1)
        while offset < len(data):
            frequency, length = _ENTRY.unpack_from(data, offset)
            yield str(data[offset + 6:offset + 6 + length], "utf-8", "surrogatepass"), frequency
            offset += 6 + length


def build_bytes(table: dict[str, int]) -> bytes:
    """`table` as the hash-table file `WordTable` reads (load factor at most 5/8)."""
    nslots = 1
    while nslots * 5 < len(table) * 8:
        nslots *= 2
    mask = nslots - 1
    slots = array("I", bytes(4 * nslots))
    base = _HEAD.size + 4 * nslots
    blob = bytearray()
    for word, frequency in table.items():
        key = word.encode("utf-8", "surrogatepass")
        at = crc32(key) & mask
        while slots[at]:
            at = (at + 1) & mask
        slots[at] = base + len(blob)
        blob += _ENTRY.pack(frequency, len(key)) + key
    return _HEAD.pack(nslots, len(table)) + slots.tobytes() + bytes(blob)


def _source(lang: str):
    """pyspellchecker's table file, found without importing the package (or zipfile)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("spellchecker")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "resources" / f"{lang}.json.gz"
        if path.is_file():
            return path
    from importlib import resources  # a package inside a zip file

    return resources.files("spellchecker") / "resources" / f"{lang}.json.gz"


def _parse(data: bytes) -> dict[str, int]:
    import gzip
    import json

    return json.loads(gzip.decompress(data))


def _key(lang: str, source) -> bytes | None:
    from lintnews.run import tablecache
    if tablecache.folder() is None:
        return None
    try:
        info = source.stat()  # a plain file; a package inside a zip is keyed by content
        stamp = f"{source}:{info.st_size}:{info.st_mtime_ns}"
    except (AttributeError, OSError):
        import hashlib

        stamp = hashlib.sha256(source.read_bytes()).hexdigest()
    return tablecache.digest("words", lang, stamp, sys.byteorder)


@lru_cache(maxsize=None)
def _frequencies(lang: str) -> Mapping[str, int]:
    from lintnews.run import tablecache
    source = _source(lang)
    key = _key(lang, source)
    if key is not None:
        stored = tablecache.read(f"words-{lang}", key)
        if stored is not None and len(stored) >= _HEAD.size:
            try:
                return WordTable(stored)
            except (ValueError, TypeError, struct.error):
                pass
    table = _parse(source.read_bytes())
    if key is not None:
        tablecache.write(f"words-{lang}", key, lambda: build_bytes(table))
    return table


def frequencies(lang: str = "en") -> Mapping[str, int]:
    """The word → frequency table of a language (lowercase words), read-only."""
    if lang not in LANGUAGES:
        raise ValueError(f"no word list for language '{lang}'")
    table = _frequencies(lang)
    return table._dict if isinstance(table, WordTable) and table._dict is not None else table


def frequency(word: str, lang: str = "en") -> int:
    """How common `word` is in the language's table (0 when absent)."""
    return frequencies(lang).get(word.lower(), 0)


#: Words whose membership `unknown` remembers, per language (a few MB at most).
MEMO_SIZE = 200_000
_memos: dict[str, tuple[set[str], set[str]]] = {}


def unknown(words: set[str], lang: str = "en") -> set[str]:
    """The members of `words` whose lowercase form is not in the language's table.

    A corpus repeats most of its words, so the answers are remembered per
    process (up to `MEMO_SIZE` words) and later documents pay only set
    operations for the words already seen."""
    known, strange = _memos.setdefault(lang, (set(), set()))
    fresh = words - known - strange
    if not fresh:
        return words - known
    table = frequencies(lang)
    found = {word for word in fresh if word.lower() in table}
    if len(known) + len(strange) < MEMO_SIZE:
        known |= found
        strange |= fresh - found
    return words - known - found


def is_word(word: str, lang: str = "en", min_frequency: int = 1) -> bool:
    """True when `word` is in the language's table at least `min_frequency` times."""
    return frequency(word, lang) >= min_frequency
