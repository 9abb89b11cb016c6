"""Literal-term matchers: the word-start and bounded term sets find what the trie patterns find,
and the near-name index finds the closest form."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


from lintnews.kinds.common import (
    _LEFT_BOUNDARY, _RIGHT_BOUNDARY, WordStartTerms, starts_word, term_pattern, trie_pattern,
)
from lintnews.text.termindex import BoundedTerms


_TERMS = ["Kyiv", "Kyiv Metro", "Kiev", "KIEV", "Igor Klymenko", "O'Brien", "-Kyiv",
          "’s", "ab", "ab cd", "cd", "Kyïv", "İstanbul", "cd-ab ab", "Sr."]


_ALPHABET = list("abcdKyivKIEVO'Brien-’s İstanbulïSr\u0301\u200c_1. \n")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TERMS + _ALPHABET), max_size=30).map("".join))
def test_bounded_terms_find_what_the_trie_pattern_finds(text):
    pattern = re.compile(_LEFT_BOUNDARY + "(?:" + trie_pattern(_TERMS) + ")" + _RIGHT_BOUNDARY)
    index = BoundedTerms(_TERMS)
    assert [m.span() for m in index.finditer(text)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TERMS + _ALPHABET), max_size=30).map("".join))
def test_word_start_terms_give_a_word_start_caller_the_same_matches(text):
    def kept(matches):
        return [m.span() for m in matches if starts_word(text, m.start()) or text[m.start() - 1] == "-"]

    # the terms between word boundaries, as the trie pattern with a left boundary finds them
    bounded = re.compile(_LEFT_BOUNDARY + "(?:" + trie_pattern(_TERMS) + ")" + _RIGHT_BOUNDARY)
    assert kept(WordStartTerms(_TERMS).finditer(text)) == kept(bounded.finditer(text))
    old = kept(term_pattern(_TERMS).finditer(text))  # also matched inside words
    new = kept(WordStartTerms(_TERMS).finditer(text))
    # A match inside a word hid one at the next word start; no longer: where
    # the old pattern found a term at a word start, a term is found there
    # too, or one from an earlier word start runs into it (the old pattern's
    # matches inside a word shifted where its later matches began: in
    # `Kyivcd-ab ab cd` it found `cd`, the new finds `ab cd` holding it).
    assert all(any(s < o_end and o_start < e for s, e in new) for o_start, o_end in old)


@pytest.mark.parametrize("text, old, new", [
    ("Kyivcd-ab ab cd", (13, 15), (10, 15)),  # found by the property above: `ab cd` holds `cd`
    ("Kyivcd-ab ab cd-ab ab", (13, 21), (10, 15)),  # ... and `cd-ab ab` overlaps `ab cd`
])
def test_a_word_start_match_may_take_the_place_of_the_old_patterns(text, old, new):
    found = [m.span() for m in WordStartTerms(_TERMS).finditer(text)]
    assert new in found and old not in found
    assert old in [m.span() for m in term_pattern(_TERMS).finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TERMS + _ALPHABET), max_size=30).map("".join))
def test_word_start_terms_find_the_same_in_a_large_text_by_the_compiled_pattern(text):
    small = WordStartTerms(_TERMS)
    large = WordStartTerms(_TERMS)
    large.LARGE_TEXT = 0  # every text counts as large: the compiled pattern's path
    assert [m.span() for m in large.finditer(text)] == [m.span() for m in small.finditer(text)]
    if any(m for m in large.finditer(text)):
        assert large._pattern is not None and large._index is None


def test_a_match_inside_a_word_no_longer_hides_a_name_at_the_next_word():
    terms = ["iv kharkiv", "kharkiv"]
    text = "kyiv kharkiv"
    assert [m.span() for m in term_pattern(terms).finditer(text)] == [(2, 12)]  # inside "kyiv": dropped
    assert [m.span() for m in WordStartTerms(terms).finditer(text)] == [(5, 12)]


def test_word_start_terms_build_nothing_for_a_text_that_cannot_match():
    terms = WordStartTerms(["kyiv", "kryvyi rih"])
    assert list(terms.finditer("Officials in Kyiv and Kryvyi Rih.")) == []
    assert terms._index is None
    assert [m.span() for m in terms.finditer("in kryvyi rih")] == [(3, 13)]
    assert terms._index is not None
    phrase = WordStartTerms(["in the framework of"])  # gated by its longest word
    assert list(phrase.finditer("in the end, in the city of")) == [] and phrase._index is None
    assert [m.span() for m in phrase.finditer("in the framework of")] == [(0, 19)]
    punctuation = WordStartTerms(["--"])  # no word to look for: never gated
    assert [m.span() for m in punctuation.finditer("a -- b")] == [(2, 4)]
    words = frozenset({"in", "kryvyi", "rih"})  # a Document's word set saves finding the runs again
    assert [m.span() for m in terms.finditer("in kryvyi rih", words)] == [(3, 13)]


def test_the_near_index_built_per_letter_finds_the_closest_form():
    from lintnews.families.names.near import NearIndex, distance, max_edits

    forms = ["kharkiv", "kherson", "kramatorsk", "mariupol", "melitopol", "zaporizhzhia", "zakharova"]
    index = NearIndex(forms)
    for word in ["kharkovk", "khersonn", "kramatorks", "mariupl", "melitopolia", "zaporozhye",
                 "zajarova", "odesa", "", "k"]:
        limit = max_edits(len(word))
        close = [(distance(word, f, limit), f) for f in forms if word and f[0] == word[0]]
        close = [(d, f) for d, f in close if d <= min(limit, max_edits(len(f)))]
        found = index.nearest(word)
        if not close:
            assert found is None, word
        else:
            assert found is not None and found[1] == min(close)[0] and (found[1], found[0]) in close
    assert set(index._by_letter) <= {"k", "m", "z", "o"}

