"""Near-known names: a capitalised word one or two edits from a known name.

Comparing every word with every name would be slow, so the index uses the
symmetric-deletion trick: each known form is stored under every string made
by deleting up to `max_edits` of its letters; a word looks up its own
deletions, and only those few candidates get a true edit distance. Words of
6 to 9 letters may be one edit away (`Kharkovk`, `Kriminna`), longer words two.
"""
from __future__ import annotations

from itertools import combinations


def max_edits(length: int) -> int:
    return 1 if length <= 9 else 2


def _deletions(word: str, edits: int) -> set[str]:
    out = {word}
    out.update(word[:i] + word[i + 1:] for i in range(len(word)))
    if edits > 1:
        n = len(word)
        for i, j in combinations(range(n), 2):
            out.add(word[:i] + word[i + 1:j] + word[j + 1:])
    return out


class NearIndex:
    def __init__(self, forms) -> None:
        """`forms`: lowercase single-word known forms of at least six letters.

        Only a form with the word's first letter can be near it, so the
        deletions are indexed one first letter at a time, when a word with
        that letter is first looked up (most short texts need one or two
        letters, or none).
        """
        self._forms = list(forms)
        self._by_letter: dict[str, dict[str, list[str]]] = {}

    def _index(self, letter: str) -> dict[str, list[str]]:
        by_deletion: dict[str, list[str]] = {}
        for form in self._forms:
            if form[0] == letter:
                for d in _deletions(form, max_edits(len(form))):
                    by_deletion.setdefault(d, []).append(form)
        self._by_letter[letter] = by_deletion
        return by_deletion

    def nearest(self, word: str) -> tuple[str, int] | None:
        """The closest known form to `word` (lowercase) and its distance, if close enough."""
        if not word:
            return None
        by_deletion = self._by_letter.get(word[0])
        if by_deletion is None:
            by_deletion = self._index(word[0])
        limit = max_edits(len(word))
        best = None
        seen = set()
        for d in _deletions(word, limit):
            for form in by_deletion.get(d, ()):
                if form in seen:
                    continue
                seen.add(form)
                dist = distance(word, form, limit)
                if dist <= min(limit, max_edits(len(form))) and (best is None or dist < best[1]):
                    best = (form, dist)
        return best


def distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count as one)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2 = None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]
