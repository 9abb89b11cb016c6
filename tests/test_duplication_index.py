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

from lintnews.families.duplication.checks import _JACCARD_SHINGLES, _JACCARD_WORDS, _MAX_POSTINGS, _OPENING_WORDS, _NearIndex, _jaccard


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


# -- LN701 on sentences: words are counted only when a text comes back --------

def _reference_sentences(doc, start, end, seen):
    """`_repeated_sentences` as it was: every sentence's words counted first."""
    from lintnews.families.duplication.checks import _normal, _long_enough

    prose, out = doc.prose, []
    for pos, stop in doc.sentences:  # the Document's one definition of a sentence
        if not start <= pos < end:
            continue
        sentence = prose[pos:stop]
        if _long_enough(sentence):
            first = seen.repeat(_normal(sentence), pos, stop, "sentence")
            if first is not None:
                out.append((pos, stop, first))
    return out


def _sentence_text(seed: int, vocabulary: int) -> str:
    """Lines of sentences from a tiny vocabulary: short and long ones, in several
    cases and spacings, so that texts come back short, long and both."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(vocabulary)] + ["Ab-cd", "x_y", "İz", "straße"]
    sentences = []
    for _ in range(rng.randint(3, 12)):
        n = rng.choice([2, 5, 7, 8, 9, 14])
        sentences.append(" ".join(rng.choice(words) for _ in range(n)))
    lines = []
    for _ in range(rng.randint(1, 25)):
        picked = [rng.choice(sentences) for _ in range(rng.randint(1, 4))]
        picked = [s.upper() if rng.random() < 0.2 else s.replace(" ", "  ") if rng.random() < 0.2 else s
                  for s in picked]
        lines.append(" ".join(f"{s[0].upper()}{s[1:]}." for s in picked))
    return "\n".join(lines) + "\n"


@settings(max_examples=80, deadline=None)
@given(seed=st.integers(0, 10**6), vocabulary=st.integers(2, 12))
def test_sentence_repeats_are_those_of_counting_every_sentence(seed, vocabulary):
    from lintnews.families.duplication.checks import _normal, _repeated_sentences, _Seen
    from lintnews.document import Document

    doc = Document(_sentence_text(seed, vocabulary))
    fast, slow, keyed = _Seen(), _Seen(), _Seen()
    got, want, by_keys = [], [], []
    for start, end in doc.paragraphs:
        got += list(_repeated_sentences(doc, start, end, fast))
        want += _reference_sentences(doc, start, end, slow)
        # as `duplicates` calls it: the paragraph's key, and its casefolded text
        # when that is single-spaced and as long as the paragraph
        text = doc.prose[start:end]
        folded = text.casefold()
        spaced = folded.isprintable() and "  " not in folded and folded[:1] != " " and folded[-1:] != " "
        by_keys += list(_repeated_sentences(doc, start, end, keyed, _normal(text),
                                            folded if spaced and len(folded) == len(text) else None))
    assert [(f.offset, f.end_offset, f.message) for f in by_keys] == [(f.offset, f.end_offset, f.message) for f in got]
    assert [(f.offset, f.end_offset) for f in got] == [(a, b) for a, b, _ in want]
    lines = [doc.lines.position(first)[0] for _, _, first in want]
    assert [f.message for f in got] == [f"This sentence repeats one on line {n} word for word: remove one copy."
                                        for n in lines]
    # the first copy of every text that came back is the same; so are the counts
    assert fast.first.items() <= slow.first.items()
    assert fast.copies == slow.copies and fast.overflow == slow.overflow
    assert list(fast.summaries(doc)) == list(slow.summaries(doc))


def test_a_sentence_that_comes_back_longer_is_first_counted_where_it_is_long():
    # the same text, once too short to count (seven words) and then as a long
    # sentence: the short copy is not its first occurrence.
    from lintnews.families.duplication.checks import _repeated_sentences, _Seen
    from lintnews.document import Document

    short = "One two three four five six seven."
    long = "One two three four five six seven eight."
    doc = Document(f"{short} {short}\n{long} Other words here now.\n{long}\n")
    seen = _Seen()
    found = [f for start, end in doc.paragraphs for f in _repeated_sentences(doc, start, end, seen)]
    last = doc.text.rindex(long)
    assert [(f.offset, f.end_offset) for f in found] == [(last, last + len(long))]
    assert "line 2" in found[0].message


def test_repeated_sentences_are_the_documents_sentences():
    # LN701 splits as `Document.sentences` does: after an ellipsis too, as well
    # as after . ! ? before a capital.
    from lintnews.families.duplication.checks import _repeated_sentences, _Seen
    from lintnews.document import Document

    repeated = "The talks in the capital went on late into the night."
    doc = Document(f"He waited… {repeated}\nThen silence… {repeated}\nNothing else was said here today.\n")
    seen = _Seen()
    found = [f for start, end in doc.paragraphs for f in _repeated_sentences(doc, start, end, seen)]
    second = doc.text.rindex(repeated)
    assert [(f.offset, f.end_offset, f.message) for f in found] == [
        (second, second + len(repeated),
         "This sentence repeats one on line 1 word for word: remove one copy.")]


# -- LN703: `_ECHO` is tried only where a match can start ---------------------

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list(".,!?\"”’' \taAbBéÉßǅ1-\n\ua7cd\U00010d70"), max_size=60))
def test_echo_matches_are_those_of_scanning_the_whole_text(text):
    from lintnews.families.duplication.checks import _ECHO, _echoes

    assert [m.span() for m in _echoes(text)] == [m.span() for m in _ECHO.finditer(text)]
