"""The LN702 index's candidate pruning finds exactly what comparing every candidate finds.

`_NearIndex` skips a candidate when an upper bound on the shingles it shares
cannot reach the threshold. `_ReferenceIndex` is the index as it was before
that pruning (every candidate of the postings compared in full); on texts made
of a tiny vocabulary, where many shingles are shared and postings fill up
(`_MAX_POSTINGS`), both must name the same earlier paragraph every time.
"""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from lintnews.checks.duplication import _JACCARD_SHINGLES, _JACCARD_WORDS, _MAX_POSTINGS, _OPENING_WORDS, _NearIndex, _jaccard


class _ReferenceIndex:
    def __init__(self) -> None:
        self.postings: dict = {}
        self.openings: dict = {}
        self.paragraphs: list = []

    def match_and_add(self, start, words):
        shingles = set(zip(words, words[1:], words[2:]))
        opening = tuple(words[:_OPENING_WORDS])
        shared = shingles & self.postings.keys()
        found = self._best(words, shingles, shared, opening)
        me = len(self.paragraphs)
        self.paragraphs.append((start, words))
        for sh in shared:
            posting = self.postings[sh]
            if type(posting) is int:
                self.postings[sh] = [posting, me]
            elif len(posting) < _MAX_POSTINGS:
                posting.append(me)
        self.postings.update(dict.fromkeys(shingles - shared, me))
        self.openings.setdefault(opening, []).append(me)
        return found

    def _best(self, words, shingles, shared, opening):
        candidates = set()
        for sh in shared:
            posting = self.postings[sh]
            candidates.update([posting] if type(posting) is int else posting)
        for other in sorted(candidates):
            start, ow = self.paragraphs[other]
            if _jaccard(shingles, set(zip(ow, ow[1:], ow[2:]))) >= _JACCARD_SHINGLES:
                return start
        for other in self.openings.get(opening, ()):
            start, ow = self.paragraphs[other]
            if _jaccard(set(words), set(ow)) >= _JACCARD_WORDS:
                return start
        return None


def _paragraphs(seed: int, count: int, vocabulary: int) -> list[list[str]]:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocabulary)]
    out = []
    for _ in range(count):
        if out and rng.random() < 0.3:  # an edited copy of an earlier paragraph
            base = list(rng.choice(out))
            for _ in range(rng.randint(0, len(base) // 2)):
                base[rng.randrange(len(base))] = rng.choice(words)
            out.append(base)
        else:
            out.append([rng.choice(words) for _ in range(rng.randint(12, 40))])
    return out


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10**6), vocabulary=st.integers(3, 30))
def test_pruned_index_finds_what_the_full_comparison_finds(seed, vocabulary):
    fast, slow = _NearIndex(), _ReferenceIndex()
    for n, words in enumerate(_paragraphs(seed, 80, vocabulary)):
        assert fast.match_and_add(n, words) == slow.match_and_add(n, words)


def test_full_postings_still_allow_a_match():
    # 25 paragraphs share one phrase (its postings fill up); the last one
    # repeats paragraph 24 nearly word for word and must still be found.
    fast, slow = _NearIndex(), _ReferenceIndex()
    texts = [["the", "same", "opening", *(f"p{n}w{i}" for i in range(12))] for n in range(25)]
    texts.append(texts[24][:-1] + ["changed"])
    results = [(fast.match_and_add(n, t), slow.match_and_add(n, t)) for n, t in enumerate(texts)]
    assert all(a == b for a, b in results)
    assert results[-1][0] == 24
