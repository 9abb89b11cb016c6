"""Many literal terms found in one pass by an Aho-Corasick automaton in C.

For a newsroom's list of thousands of terms (`kinds.common.LARGE_TERM_LIST`
and more) `LiteralTerms` answers exactly as `termindex.TermIndex` does
(longest term first where a word begins, matches never overlap, no word
character or combining mark right after), but finds the candidates with
`ahocorasick-rs` (a binary wheel, the `fast` extra) instead of a Python step
per word of the text, which is faster on long phrase lists. For the
built-in lists (a few hundred names, mostly capitalised) the `re` trie is
faster than either automaton, so they keep it (the measurements:
docs/performance.md, "Figures moved out of the code").

Without ahocorasick-rs, `literal_terms` returns a TermIndex: the same
matches, more slowly (tests run both on the same texts).
"""
from __future__ import annotations

import regex

from lintnews.text.termindex import TermIndex, TermMatch

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Iterable, Iterator

_WORD = regex.compile(r"\w")
_WORD_CHAR = regex.compile(r"[\w\u0300-\u036f]")
_FIRST_WORD = regex.compile(r"\w+")


def available() -> bool:
    try:
        import ahocorasick_rs  # noqa: F401
    except ImportError:
        return False
    return True


def literal_terms(terms: Iterable[str], ignore_case: bool = False):
    """The fastest matcher of `terms` this install has (see the module docstring)."""
    terms = set(terms)
    if not ignore_case and available() and all(_FIRST_WORD.match(t) for t in terms if t):
        return LiteralTerms(terms)
    return TermIndex(terms, ignore_case)


class LiteralTerms:
    """Case-sensitive terms that all begin with a word character (see the module docstring)."""

    def __init__(self, terms: Iterable[str]) -> None:
        import ahocorasick_rs

        self.terms = sorted({t for t in terms if t})
        self._automaton = ahocorasick_rs.AhoCorasick(self.terms)  # every match, overlapping
        self._lengths = [len(t) for t in self.terms]

    def __reduce__(self):
        return LiteralTerms, (self.terms,)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[TermMatch]:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        region = text[pos:endpos] if (pos or endpos < len(text)) else text
        found = self._automaton.find_matches_as_indexes(region, overlapping=True)
        if not found:
            return
        # the longest match at each start first
        found.sort(key=lambda m: (m[1], -m[2]))
        word, after = _WORD.match, _WORD_CHAR.match
        last = pos
        tried = -1
        for _index, s, e in found:
            start, end = s + pos, e + pos
            if start < last or start == tried:
                continue
            # TermIndex tries a term only where a run of word characters begins
            if start > pos and word(text, start - 1):
                tried = start
                continue
            if end < endpos and after(text, end):
                continue  # a longer term at this start failed its boundary; try the next
            tried = start
            last = end
            yield TermMatch(text, start, end)
