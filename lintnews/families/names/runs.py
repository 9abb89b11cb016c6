"""Where a document's words stand, for the names checks that ask again and again.

`starts(doc, word)` answers like `Document.word_starts`: the prose offsets of
the whole runs (`\\w+` of `re`, not inside a longer run) equal to `word`. The
names checks ask it for the same names many times over (the entity index, the
Ukraine context, given names, figures, sound-alikes), and `word_starts` scans
the whole text for each word. Here each answer is kept for the document
(`Document.memo`), and once a document has been asked about `MAP_FROM` words,
the words that begin with an ASCII capital, as names do, are looked up in a
map of every such run of the text to its offsets, made in one scan. A text
over `ONE_MAP` characters, where that map would be large, is not mapped.
"""
from __future__ import annotations

import re
from itertools import filterfalse

#: A run that begins with an ASCII capital: `\w*` is greedy, so a match ends
#: where its run ends.
_CAPITAL_RUN = re.compile(r"[A-Z]\w*")
#: After this many words searched one by one, one scan maps all capitalised runs.
MAP_FROM = 24
#: Up to this length a text's capitalised runs may be mapped.
ONE_MAP = 1 << 20


class _Starts:
    """The word offsets of one document found so far (see module doc). It keeps
    no reference to its document, whose memo holds it."""

    def __init__(self, doc) -> None:
        self.found: dict[str, list[int]] = {}
        self.capital: dict[str, list[int]] | None = None
        self.mappable = len(doc.prose) <= ONE_MAP

    def _mapped(self, doc, word: str) -> bool:
        if "A" <= word[:1] <= "Z" and self.mappable:
            if self.capital is None and len(self.found) >= MAP_FROM:
                self.capital = _map_capital_runs(doc.prose)
            return self.capital is not None
        return False

    def starts(self, doc, word: str) -> list[int]:
        if self._mapped(doc, word):
            return self.capital.get(word, _NONE)
        found = self.found.get(word)
        if found is None:
            found = self.found[word] = doc.word_starts(word)
        return found

    def many(self, doc, words: set[str]) -> "dict[str, list[int]] | None":
        """`starts` of each of `words` once the text is mapped (or this many
        words map it), else None: the caller searches for them itself."""
        if self.capital is None:
            if not self.mappable or len(self.found) + len(words) < MAP_FROM:
                return None
            self.capital = _map_capital_runs(doc.prose)
        return {word: self.starts(doc, word) for word in words}


def _map_capital_runs(prose: str) -> dict[str, list[int]]:
    """Every run of `prose` that begins with an ASCII capital -> its offsets, in order."""
    out: dict[str, list[int]] = {}
    get = out.get
    for match in _CAPITAL_RUN.finditer(prose):
        i = match.start()
        if i:
            before = prose[i - 1]
            if before.isalnum() or before == "_":
                continue  # a capital inside a run (iPhone)
        word = match[0]
        found = get(word)
        if found is None:
            out[word] = [i]
        else:
            found.append(i)
    return out


def _offsets(doc) -> _Starts:
    return doc.memo("names.word-starts", _Starts)


def starts(doc, word: str) -> list[int]:
    """`doc.word_starts(word)`, found once per document. The list is shared: read only."""
    return _offsets(doc).starts(doc, word)


def capitalised_runs(doc) -> "list[str] | None":
    """The runs of `doc` that may begin with a capital, once the text is mapped (None
    before): those that begin with an ASCII capital (the map's words), and those that
    begin with another character and hold one that is not ASCII."""
    capital = _offsets(doc).capital
    if capital is None:
        return None
    out = list(capital)
    if not doc.prose.isascii():
        out += [w for w in filterfalse(str.isascii, doc.word_set) if not "A" <= w[0] <= "Z"]
    return out


def known_starts(doc):
    """For `BoundedTerms.spans`: a set of runs -> each one's `starts` in `doc`."""
    offsets = _offsets(doc)
    return lambda runs: offsets.many(doc, runs)


_NONE: list[int] = []
