"""Where a document is: does its text put a name in Ukraine?

A guarded name (a Russian-derived place form that is also a surname or a place
elsewhere, a Russian given name before a Ukrainian surname, a case form) is
reported only in a Ukrainian context. The context is the document's, not the
paragraph's: an article whose lede is about Ukraine puts all its paragraphs
there, unless a paragraph (a line of the text) clearly names another country.

    where = Whereabouts(doc, ukraine_words, elsewhere_words)
    where.in_ukraine(start, end)

- Ukraine words: the `[ukraine-context] words` of the rule files and the
  oblasts' names (Ukraine, Ukrainian, Kyiv, Donbas, raion, Kharkiv region ...).
- Elsewhere words: `[ukraine-context] elsewhere`, names of other countries
  and their capitals (Russia, Belarus, Moscow, Minsk, Poland ...).

The document is in Ukraine when its first lines (the headline and the lede,
`LEDE` characters) name Ukraine, or when Ukraine words outnumber the other
countries' names. A line that names another country and not Ukraine is
elsewhere, whatever the document. Near the name (`WINDOW` characters in the
same paragraph) a Ukraine word, or "region"/"district" right after the name,
is enough, as before.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import regex

from lintnews.families.names.runs import starts as word_starts

#: How far (characters, either side) a name looks for a Ukraine word in its paragraph.
WINDOW = 250
#: The lede: the document's first characters, where a headline and first
#: paragraph say what the article is about.
LEDE = 400
_FIRST_RUN = regex.compile(r"\w+")
_REGION_AFTER = regex.compile(r"[ \u00a0](?:region|district|raion|oblast|Oblast|Raion|hromada)\b")


def occurrences(doc, words: tuple[str, ...]) -> list[int]:
    """Sorted prose offsets of the whole words (or phrases) `words` in `doc`: found
    with `str.find`, and only for the words whose first run the text has."""
    by_first = _by_first_run(words)
    prose, size = doc.prose, len(doc.prose)
    out: list[int] = []
    for first in doc.word_set.intersection(by_first):
        for word, whole in by_first[first]:
            if whole:
                out += word_starts(doc, word)
                continue
            n = len(word)
            i = prose.find(word)
            while i != -1:
                end = i + n
                if not (i and prose[i - 1].isalnum()) and not (end < size and prose[end].isalnum()):
                    out.append(i)
                i = prose.find(word, i + 1)
    out.sort()
    return out


@lru_cache(maxsize=64)
def _by_first_run(words: tuple[str, ...]) -> dict[str, list[tuple[str, bool]]]:
    """The words that begin with a run, by that first run: (word, whether it is that run alone)."""
    out: dict[str, list[tuple[str, bool]]] = {}
    for word in words:
        first = _FIRST_RUN.match(word)
        if first is not None:
            out.setdefault(first.group(), []).append((word, first.end() == len(word)))
    return out


def _offsets(doc, ukraine_words: tuple[str, ...], elsewhere_words: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """`occurrences` of both lists of words, found once per document (`Document.memo`) for
    every check that asks with the same words."""
    made = doc.memo("names.context-offsets", _nothing_yet)
    key = (ukraine_words, elsewhere_words)
    found = made.get(key)
    if found is None:
        found = made[key] = (occurrences(doc, ukraine_words), occurrences(doc, elsewhere_words))
    return found


def _nothing_yet(_doc) -> dict:
    return {}


class Whereabouts:
    """The Ukraine context of one document (see module doc).

    The offsets of the Ukraine words and of the other countries' names are
    found once per document (`occurrences`, with `str.find`), when a name
    first asks, and kept for the other checks that ask with the same words
    (`Document.memo`); each question is then a binary search in them."""

    def __init__(self, doc, ukraine_words, elsewhere_words) -> None:
        self.doc = doc
        self.prose = doc.prose
        self.ukraine_words = ukraine_words
        self.elsewhere_words = elsewhere_words
        self._ukraine: list[int] | None = None
        self._elsewhere: list[int] | None = None
        self._document: bool | None = None
        self._lines: dict[int, bool | None] = {}

    def _found(self) -> tuple[list[int], list[int]]:
        if self._ukraine is None:
            self._ukraine, self._elsewhere = _offsets(self.doc, self.ukraine_words, self.elsewhere_words)
        return self._ukraine, self._elsewhere

    @property
    def document(self) -> bool:
        """Does the document as a whole put its names in Ukraine?"""
        if self._document is None:
            ukraine, elsewhere = self._found()
            self._document = bool(ukraine) and (ukraine[0] < LEDE or len(ukraine) > len(elsewhere))
        return self._document

    @staticmethod
    def _any(offsets: list[int], lo: int, hi: int) -> bool:
        i = bisect_left(offsets, lo)
        return i < len(offsets) and offsets[i] < hi

    def _line_verdict(self, start: int, end: int) -> "bool | None":
        """True: the name's line names Ukraine; False: another country and not Ukraine; None: neither."""
        prose = self.prose
        lo = prose.rfind("\n", 0, start) + 1
        verdict = self._lines.get(lo, 0)
        if verdict == 0:
            hi = prose.find("\n", end)
            hi = len(prose) if hi < 0 else hi
            ukraine, elsewhere = self._found()
            verdict = True if self._any(ukraine, lo, hi) else (False if self._any(elsewhere, lo, hi) else None)
            self._lines[lo] = verdict
        return verdict

    def near(self, start: int, end: int) -> bool:
        """A Ukraine word near the name in its paragraph, or "region" right after it."""
        prose = self.prose
        if _REGION_AFTER.match(prose, end):
            return True
        lo = max(0, start - WINDOW, prose.rfind("\n\n", 0, start) + 1)
        hi = prose.find("\n\n", end)
        hi = min(len(prose), end + WINDOW, hi if hi >= 0 else len(prose))
        return self._any(self._found()[0], lo, hi)

    def named_in_ukraine(self, start: int, end: int) -> bool:
        """`in_ukraine` without the word after the name: for a form that is only
        reported before "district", that word cannot be the evidence too."""
        verdict = self._line_verdict(start, end)
        if verdict is not None:
            return verdict
        lo = max(0, start - WINDOW, self.prose.rfind("\n\n", 0, start) + 1)
        hi = self.prose.find("\n\n", end)
        hi = min(len(self.prose), end + WINDOW, hi if hi >= 0 else len(self.prose))
        return self._any(self._found()[0], lo, hi) or self.document

    def in_ukraine(self, start: int, end: int) -> bool:
        """Does the text put the name at prose [start, end) in Ukraine?

        Its line names Ukraine: yes; else its line names another country: no;
        else a Ukraine word near it, else the document decides."""
        if _REGION_AFTER.match(self.prose, end):
            return True
        verdict = self._line_verdict(start, end)
        if verdict is not None:
            return verdict
        return self.near(start, end) or self.document
