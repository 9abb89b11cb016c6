"""The Document's shared analysis: words found once (in C), positions only for
the words that matter, sentences with one definition."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lintnews.document import Document
from lintnews.kinds.common import WordStartTerms, starts_word
from lintnews.text.termindex import BoundedTerms, word_set

_TERMS = ["Kyiv", "Kyiv Metro", "kyiv", "Kiev", "ab", "ab cd", "cd", "Kyïv", "İstanbul", "O'Brien"]
_ALPHABET = list("abcdKyivKIEVO'Brien-’s İstanbulïSr\u0301\u200c_1. \n")
_TEXTS = st.lists(st.sampled_from(_TERMS + _ALPHABET), max_size=30).map("".join)


def test_words_are_one_findall_with_folded_forms_and_a_set():
    doc = Document("Officials in kyiv said: Kyiv_2 and KYIV, kyiv.")
    assert doc.words == re.findall(r"\w+", doc.prose)
    assert doc.folded_words == [w.lower() for w in doc.words]
    assert doc.word_set == frozenset(doc.words) and "Kyiv_2" in doc.word_set
    assert "kyiv" in doc.folded_word_set and "KYIV" not in doc.folded_word_set


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab_1 .,-—“”’'\u00a0\u0301\u200bйİß\x1c\t\n") + ["\ud800"]), max_size=40),
       st.integers(min_value=1, max_value=12))
def test_the_word_set_is_the_set_of_word_runs_in_any_text_and_any_chunk(text, chunk):
    # underscores, marks, curly quotes, no-break spaces, lone surrogates; a chunk
    # boundary inside a run never cuts it
    assert word_set(text) == set(re.findall(r"\w+", text))
    assert word_set(text, chunk=chunk) == set(re.findall(r"\w+", text))


def test_the_documents_word_set_holds_words_glued_to_non_ascii_punctuation():
    doc = Document("“Kyiv”—Lviv’s snake_case naïve e\u0301 12\u00a0000")
    assert doc.word_set == frozenset(["Kyiv", "Lviv", "s", "snake_case", "naïve", "e", "12", "000"])


def test_word_starts_are_whole_runs_only():
    doc = Document("kyiv kyivan _kyiv kyiv. akyiv kyiv")
    assert doc.word_starts("kyiv") == [0, 18, 30]
    assert doc.word_starts("lviv") == []


def test_sentences_split_inside_paragraphs():
    text = "He said so. Then he left!\n\n“Why?” she asked. 3 men came.\nNo break after e.g. in this."
    doc = Document(text, fmt="markdown")
    assert [text[s:e] for s, e in doc.sentences] == [
        "He said so.", "Then he left!", "“Why?” she asked.", "3 men came.", "No break after e.g. in this."]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_bounded_terms_given_the_word_set_find_the_same(text):
    index = BoundedTerms(_TERMS)
    doc = Document(text)
    assert [m.span() for m in index.finditer(text, doc.word_set)] == [m.span() for m in index.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_word_start_terms_gated_by_the_word_set_keep_every_word_start_match(text):
    gated, plain = WordStartTerms(_TERMS), WordStartTerms(_TERMS)
    plain.finditer("Kyiv")  # compiled: no gate any more

    def kept(matches):
        return [m.span() for m in matches if starts_word(text, m.start()) or text[m.start() - 1] == "-"]

    assert kept(gated.finditer(text, Document(text).word_set)) == kept(plain.finditer(text))
