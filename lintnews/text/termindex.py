"""Finding many literal terms at once when there are too many for one regex.

The regex module's named lists (`\\L<terms>`) are the fast way to find a few
hundred terms. They do not scale to a newsroom's list of 100,000: compiling
and scanning such a list takes seconds, and more with regex.IGNORECASE
(docs/performance.md, "Figures moved out of the code").

`TermIndex` does the same job in one pass of a cheap word pattern: each word
of the text is looked up in a dictionary of the terms' first words, and only
the few terms that begin with that word are compared. Building it is linear in
the number of terms; scanning costs the same whatever their number.

It answers like `regex.compile(r"\\L<terms>(?![\\w\\u0300-\\u036f])", terms=...)`
would (longest term first at each start, matches never overlap), except that
a term is only tried where a word begins. Every caller checks that anyway
(`kinds.common.starts_word`). Terms that do not begin with a word character
are few and go to an ordinary named-list pattern.

`BoundedTerms` is the same idea for a pattern with a word boundary on both
sides, where it can answer exactly like the `re` trie it replaces (the
entity table's names): no compiling, which every process would pay, and it
can be stored in the table cache.
"""
from __future__ import annotations

import re
import regex

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Callable, Iterable, Iterator, Mapping

_WORD = regex.compile(r"\w+")
_FIRST_WORD = regex.compile(r"\w+")
_WORD_CHAR = regex.compile(r"[\w\u0300-\u036f]")


class TermMatch:
    """What a caller reads of a regex Match: group(), span(), start(), end()."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def group(self, index: int = 0) -> str:
        if index:
            raise IndexError("a term match has no groups")
        return self._text[self._start:self._end]

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def __repr__(self) -> str:
        return f"<TermMatch span={self.span()} match={self.group()!r}>"


class TermIndex:
    """Many literal terms, matched by their first word; see the module docstring."""

    def __init__(self, terms: Iterable[str], ignore_case: bool = False) -> None:
        self.ignore_case = ignore_case
        fold = str.lower if ignore_case else str
        self._fold = fold
        # each candidate is (length in the text, folded form): lower() can change
        # a term's length (İ becomes i + a combining dot), the text keeps it
        by_word: dict[str, list[tuple[int, str]]] = {}
        others: list[str] = []
        for term in set(terms):
            if not term:
                continue
            first = _FIRST_WORD.match(term)
            if first is None:
                others.append(term)
            else:
                by_word.setdefault(fold(first.group()), []).append((len(term), fold(term)))
        for candidates in by_word.values():
            if len(candidates) > 1:
                candidates.sort(reverse=True)
        self._by_word = by_word
        flags = regex.IGNORECASE if ignore_case else 0
        self._others = regex.compile(r"\L<terms>(?![\w\u0300-\u036f])", flags,
                                     terms=sorted(others, key=len, reverse=True)) if others else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[TermMatch]:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        if self._others is None:
            yield from self._words(text, pos, endpos)
            return
        # merge the two sources, keeping the leftmost (then longest) and no overlaps
        found = sorted(
            [(m.start(), -m.end()) for m in self._words(text, pos, endpos)]
            + [(m.start(), -m.end()) for m in self._others.finditer(text, pos, endpos)]
        )
        last = -1
        for start, neg_end in found:
            if start >= last:
                last = -neg_end
                yield TermMatch(text, start, last)

    def _words(self, text: str, pos: int, endpos: int) -> Iterator[TermMatch]:
        by_word, fold = self._by_word, self._fold
        last = pos
        for word in _WORD.finditer(text, pos, endpos):
            start = word.start()
            if start < last:
                continue
            candidates = by_word.get(fold(word.group()))
            if candidates is None:
                continue
            for length, term in candidates:
                end = start + length
                if end > endpos or fold(text[start:end]) != term:
                    continue
                if end < endpos and _WORD_CHAR.match(text, end):
                    continue
                yield TermMatch(text, start, end)
                last = end
                break


_LEFT_RUN = re.compile(r"(?<![\w\u0300-\u036f])\w+")
_FIRST_RUN = re.compile(r"\w+")
_WORD_AFTER = re.compile(r"[\w\u0300-\u036f]")


class BoundedTerms:
    """Literal terms with a word boundary on both sides, found by word lookup.

    `BoundedTerms(terms).finditer(text)` yields exactly the matches of
    `re.compile(LEFT + "(?:" + trie.trie_pattern(terms) + ")" + RIGHT)`
    (LEFT and RIGHT: no word character or combining mark on that side), but
    costs no compiling: a trie of a few thousand names would be compiled by
    `re` in every process, and a compiled pattern cannot be stored. Why it is
    the same: a term whose first character is a word character can only start
    where a run of word characters starts, and that run is then the term's own
    first run (`Kyiv` in `Kyiv Metro`), so each run of the text is looked up
    by itself in a dict; the candidates are tried longest first, as the
    trie's greedy optional tails do; matches never overlap, leftmost first.
    The rare terms that begin with another character keep a (small) trie.
    Unlike a compiled pattern, the index pickles as plain data.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        by_run: dict[str, list[str]] = {}
        odd: list[str] = []
        for term in set(terms):
            first = _FIRST_RUN.match(term)
            if first is None:
                if term:
                    odd.append(term)
            else:
                by_run.setdefault(first.group(), []).append(term)
        self._set({run: tuple(sorted(found, key=len, reverse=True)) for run, found in by_run.items()},
                  tuple(sorted(odd)))

    def _set(self, by_run: dict[str, tuple[str, ...]], odd: tuple[str, ...]) -> None:
        from lintnews.text.trie import LEFT_BOUNDARY as _LEFT_BOUNDARY, RIGHT_BOUNDARY as _RIGHT_BOUNDARY, trie_pattern

        self._by_run = by_run
        self._odd_terms = odd
        self._odd = (re.compile(_LEFT_BOUNDARY + "(?:" + trie_pattern(odd) + ")" + _RIGHT_BOUNDARY)
                     if odd else None)

    def parts(self) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
        """Plain data (first run -> its terms, longest first; the other terms) that
        `from_parts` turns back into the same index: what the table cache keeps."""
        return self._by_run, self._odd_terms

    @classmethod
    def from_parts(cls, by_run: dict[str, tuple[str, ...]], odd: tuple[str, ...]) -> "BoundedTerms":
        index = cls.__new__(cls)
        index._set(by_run, tuple(odd))
        return index

    def finditer(self, text: str, words: "frozenset[str] | set[str] | None" = None) -> Iterator[TermMatch]:
        """The matches in `text`; `words` may give the set of its `\\w+` runs
        (`Document.word_set`), which saves finding them again."""
        for start, end in self.spans(text, words):
            yield TermMatch(text, start, end)

    def spans(self, text: str, words: "frozenset[str] | set[str] | None" = None,
              starts: "Callable[[set[str]], Mapping[str, list[int]] | None] | None" = None) -> Iterator[tuple[int, int]]:
        """`finditer`'s matches as (start, end) pairs, without a match object each.

        `starts(runs)`, if given, maps each of a set of runs to the offsets, in
        order, where `text` has it as a whole run (not inside a longer one), or
        is None: then the runs are searched for here."""
        by_run, after, odd = self._by_run, _WORD_AFTER.match, self._odd
        last = 0
        pending = odd.search(text) if odd is not None else None
        for start, group in _runs_of(text, by_run, words, starts):
            while pending is not None and pending.start() < start:
                if pending.start() >= last:
                    last = pending.end()
                    yield pending.start(), last
                pending = odd.search(text, last)
            if start < last:
                continue
            for term in by_run[group]:
                end = start + len(term)
                if text.startswith(term, start) and not after(text, end):
                    last = end
                    yield start, end
                    break
        while pending is not None:
            if pending.start() >= last:
                last = pending.end()
                yield pending.start(), last
            pending = odd.search(text, last)


def _runs_of(text: str, by_run: dict, words=None, starts=None) -> Iterator[tuple[int, str]]:
    """(start, run) of the runs of `text` that `_LEFT_RUN` finds and `by_run`
    holds, in order: where `_LEFT_RUN.finditer` would find them, but with
    positions looked up only for the runs that are keys (a set intersection
    in C, then `str.find`), not for every word of the text.

    A run found by `str.find` is one of `_LEFT_RUN`'s when nothing word-like
    (a word character or a combining mark) comes before it and no word
    character after it (`\\w` of `re` is `str.isalnum()` or `_`). In a text
    over `_EAGER_TEXT` characters the runs' positions are merged lazily: it
    can hold millions of them. `starts`: as `BoundedTerms.spans` takes it.
    """
    if words is None:
        words = word_set(text)
    hits = by_run.keys() & words
    if not hits:
        return iter(())
    known = starts(hits) if starts is not None else None
    if known is not None:  # whole runs: only a combining mark before rules one out
        found = [(i, run) for run in hits for i in known[run] if not (i and "\u0300" <= text[i - 1] <= "\u036f")]
        found.sort()
        return iter(found)
    if len(hits) == 1:
        return _positions(text, next(iter(hits)))
    if len(text) <= _EAGER_TEXT:  # an article: one list, sorted in C
        found = []
        for run in hits:
            found.extend(_positions(text, run))
        found.sort()  # one run per position: the runs never compare
        return iter(found)
    from heapq import merge  # imported only for a long text with two runs to merge

    return merge(*(_positions(text, run) for run in sorted(hits)))


#: Up to this length a text's run positions are collected in one list and
#: sorted; a longer one (millions of names) merges them lazily.
_EAGER_TEXT = 1 << 20


def _positions(text: str, run: str) -> Iterator[tuple[int, str]]:
    find, size, n = text.find, len(text), len(run)
    i = find(run)
    while i != -1:
        end = i + n
        if i:
            before = text[i - 1]
            if before.isalnum() or before == "_" or "\u0300" <= before <= "\u036f":
                i = find(run, i + 1)
                continue
        if end < size and (text[end].isalnum() or text[end] == "_"):
            i = find(run, i + 1)
            continue
        yield i, run
        i = find(run, end)


def word_set(text: str, chunk: int = 1 << 20) -> set[str]:
    """The distinct `\\w+` runs of `text` (`re`), found a megabyte at a time so
    that a huge text never has a list of all its words at once."""
    if len(text) <= chunk:
        return _distinct_runs(text)
    found: set[str] = set()
    pos, size = 0, len(text)
    while pos < size:
        end = min(pos + chunk, size)
        while end < size and (text[end].isalnum() or text[end] == "_"):
            end += 1  # never cut a run in two
        found |= _distinct_runs(text[pos:end])
        pos = end
    return found


def _distinct_runs(text: str) -> set[str]:
    """`set(re.findall(r"\\w+", text))`, with work per distinct word rather than per word.

    The text is cut at its ASCII blanks and punctuation (none is a word
    character) as UTF-8 bytes, in C, and only the distinct pieces are
    decoded: an article repeats most of its words. A piece of word
    characters only (`str.isalnum`: `re`'s `\\w` but for `_`) is one whole
    run; the few others (an underscore, a curly quote or a dash inside) are
    split by the pattern.
    """
    runs = set()
    others = []
    for piece in set(text.encode("utf-8", "surrogatepass").translate(_ASCII_NON_WORD).split()):
        word = piece.decode("utf-8", "surrogatepass")
        if word.isalnum():
            runs.add(word)
        else:
            others.append(word)
    if others:
        runs.update(_ANY_RUN.findall(" ".join(others)))
    return runs


_ANY_RUN = re.compile(r"\w+")
_NON_WORD = bytes(c for c in range(128) if not (chr(c).isalnum() or chr(c) == "_"))
_ASCII_NON_WORD = bytes.maketrans(_NON_WORD, b" " * len(_NON_WORD))
