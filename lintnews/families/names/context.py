"""Where a document is: does its text put a name in Ukraine?

A guarded name (a Russian-derived place form that is also a surname or a place
elsewhere, a Russian given name before a Ukrainian surname, a case form) is
reported only in a Ukrainian context. The context is the document's, not the
paragraph's: an article whose lede is about Ukraine puts all its paragraphs
there, unless a paragraph (a line of the text) clearly names another country.

    where = Whereabouts(doc, (ukraine_words, pattern), (elsewhere_words, pattern))
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

import regex

#: How far (characters, either side) a name looks for a Ukraine word in its paragraph.
WINDOW = 250
#: The lede: the document's first characters, where a headline and first
#: paragraph say what the article is about.
LEDE = 400
_FIRST_RUN = regex.compile(r"\w+")
_REGION_AFTER = regex.compile(r"[ \u00a0](?:region|district|raion|oblast|Oblast|Raion|hromada)\b")


def words_pattern(words) -> "regex.Pattern | None":
    """One pattern for a list of words between word boundaries (longest first)."""
    words = sorted(set(words), key=len, reverse=True)
    if not words:
        return None
    return regex.compile(r"\b(?:" + "|".join(map(regex.escape, words)) + r")\b")


def occurrences(doc, words) -> list[int]:
    """Sorted prose offsets of the whole words (or phrases) `words` in `doc`: found
    with `str.find`, and only for the words whose first run the text has."""
    present = doc.word_set
    out: list[int] = []
    for word in words:
        first = _FIRST_RUN.match(word)
        if first is None or first.group() not in present:
            continue
        if first.end() == len(word):
            out += doc.word_starts(word)
            continue
        prose, n, size = doc.prose, len(word), len(doc.prose)
        i = prose.find(word)
        while i != -1:
            end = i + n
            if not (i and prose[i - 1].isalnum()) and not (end < size and prose[end].isalnum()):
                out.append(i)
            i = prose.find(word, i + 1)
    out.sort()
    return out


class Whereabouts:
    """The Ukraine context of one document (see module doc); computed when first asked."""

    def __init__(self, doc, ukraine, elsewhere) -> None:
        """`ukraine`, `elsewhere`: (the words, their pattern) (see `words_pattern`)."""
        self.doc = doc
        self.prose = doc.prose
        self.ukraine_words, self.ukraine = ukraine
        self.elsewhere_words, self.elsewhere = elsewhere
        self._document: bool | None = None

    @property
    def document(self) -> bool:
        """Does the document as a whole put its names in Ukraine?"""
        if self._document is None:
            self._document = self._judge_document()
        return self._document

    def _judge_document(self) -> bool:
        hits = occurrences(self.doc, self.ukraine_words)
        if not hits:
            return False
        if hits[0] < LEDE:
            return True
        return len(hits) > len(occurrences(self.doc, self.elsewhere_words))

    def _line(self, start: int, end: int) -> tuple[int, int]:
        lo = self.prose.rfind("\n", 0, start) + 1
        hi = self.prose.find("\n", end)
        return lo, (len(self.prose) if hi < 0 else hi)

    def near(self, start: int, end: int) -> bool:
        """A Ukraine word near the name in its paragraph, or "region" right after it."""
        prose = self.prose
        if _REGION_AFTER.match(prose, end):
            return True
        if self.ukraine is None:
            return False
        lo = max(0, start - WINDOW, prose.rfind("\n\n", 0, start) + 1)
        hi = prose.find("\n\n", end)
        hi = min(len(prose), end + WINDOW, hi if hi >= 0 else len(prose))
        return self.ukraine.search(prose, lo, hi) is not None

    def in_ukraine(self, start: int, end: int) -> bool:
        """Does the text put the name at prose [start, end) in Ukraine?

        Its line names Ukraine: yes; else its line names another country: no;
        else a Ukraine word near it, else the document decides."""
        if _REGION_AFTER.match(self.prose, end):
            return True
        lo, hi = self._line(start, end)
        if self.ukraine is not None and self.ukraine.search(self.prose, lo, hi) is not None:
            return True
        if self.elsewhere is not None and self.elsewhere.search(self.prose, lo, hi) is not None:
            return False
        return self.near(start, end) or self.document
