"""langdetect's language profiles kept in the table cache, decoded per n-gram.

langdetect builds its model on first use by parsing 55 JSON profiles into a
dict of ~88,000 n-grams, each mapped to a list of 55 probabilities: ~0.4 s of
every process that identifies a language, so a pre-commit run on an article
with one Russian sentence took 0.6 s where a clean one takes 0.08. Almost
all of those probabilities are zero (~184,000 are not), and a detection
looks up a few hundred n-grams.

The first process stores the model in the table cache (`tablecache`) as an
n-gram hash table (`wordlist.WordTable`) over the non-zero probabilities
(their language numbers and the exact doubles); later processes map the file
and build an n-gram's list only when a detection asks for it. The detector
asks the model only `ngram in model` and `model[ngram]`, and gets the same
lists, in the same language order, that langdetect's own loading gives: the
detections are the same to the last bit (tested against a fresh load over
every n-gram and over texts in several languages).

The key covers langdetect's version and its profile files (names, sizes,
modification times) as well as the table cache's own format and Python's
version; anything unusual (another model layout, a damaged file) means
langdetect's own loading, as before.
"""
from __future__ import annotations

import sys
from array import array

from lintnews.text.sections import pack, unpack
from lintnews.text.wordlist import WordTable, build_bytes

#: Changing the layout below must change this.
LAYOUT = 1


class ProfileMap:
    """n-gram -> the list of its probabilities per language, as langdetect's
    `DetectorFactory.word_lang_prob_map` holds it, built on first request."""

    def __init__(self, ngrams: WordTable, offsets: array, languages: memoryview, values: memoryview,
                 size: int) -> None:
        self._ngrams = ngrams
        self._offsets = offsets
        self._languages = languages
        self._values = values
        self._size = size
        self._made: dict[str, list[float]] = {}

    def __contains__(self, ngram: object) -> bool:
        return ngram in self._made or ngram in self._ngrams

    def __getitem__(self, ngram: str) -> list[float]:
        made = self._made.get(ngram)
        if made is not None:
            return made
        number = self._ngrams.get(ngram)
        if number is None:
            raise KeyError(ngram)
        start, end = self._offsets[number], self._offsets[number + 1]
        probabilities = [0.0] * self._size
        for language, value in zip(self._languages[start:end], self._values[start:end]):
            probabilities[language] = value
        self._made[ngram] = probabilities
        return probabilities

    def __len__(self) -> int:
        return len(self._ngrams)


def dumps(langlist: list[str], model: dict[str, list[float]]) -> bytes:
    """The model of a loaded `DetectorFactory` as `loads` reads it back."""
    sizes = {len(probabilities) for probabilities in model.values()}
    if len(sizes) != 1:
        raise ValueError("probability lists of different lengths")
    numbers: dict[str, int] = {}
    offsets, languages, values = array("I", [0]), array("B"), array("d")
    for ngram, probabilities in model.items():
        numbers[ngram] = len(offsets) - 1
        for language, value in enumerate(probabilities):
            if value:
                languages.append(language)
                values.append(value)
        offsets.append(len(values))
    sections = (build_bytes(numbers), offsets.tobytes(), languages.tobytes(), values.tobytes())
    return pack((LAYOUT, sys.byteorder, tuple(langlist), sizes.pop()), sections)


def loads(data) -> tuple[list[str], ProfileMap]:
    """(language list, model) from `dumps`' bytes; ValueError when they are not such."""
    fields, sections = unpack(data)
    if len(fields) != 4 or fields[:2] != (LAYOUT, sys.byteorder) or len(sections) != 4:
        raise ValueError("a language model of another layout")
    _layout, _byteorder, langlist, width = fields
    ngrams, offsets_bytes, languages, values = sections
    table = WordTable(ngrams)
    offsets = array("I")
    offsets.frombytes(offsets_bytes)
    values = values.cast("d")
    if len(offsets) != len(table) + 1 or offsets[-1] != len(values) or len(values) != len(languages):
        raise ValueError("a language model whose sections disagree")
    if not (isinstance(width, int) and len(langlist) <= width and max(languages, default=0) < width):
        raise ValueError("a language model with languages out of range")
    return list(langlist), ProfileMap(table, offsets, languages, values, width)


def cache_key() -> bytes | None:
    """The table-cache key of this langdetect's model (None: no cache, or no profiles)."""
    import os

    from lintnews.run import tablecache
    if tablecache.folder() is None:
        return None
    try:
        from langdetect import detector_factory
        from langdetect.detector_factory import PROFILES_DIRECTORY

        stamp = []
        for entry in sorted(os.scandir(PROFILES_DIRECTORY), key=lambda e: e.name):
            info = entry.stat()
            stamp.append(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}")
        source = getattr(detector_factory, "__file__", "")
    except (ImportError, OSError, AttributeError):
        return None
    return tablecache.digest("langdetect", str(LAYOUT), source, *stamp)
