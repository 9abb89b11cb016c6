"""Cheap filters that let a check skip text must skip only text where it cannot fire.

Each filter is compared with the slower test it stands in for (kept here as the
reference), on generated text and on the nearest cases on either side.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lintnews.families.spacing.checks import _LEADING, _TRAILING, _lines_with_doubled_words
from lintnews.families.untranslated.checks import _PUNCT_TO_SPACE, _tokens
from tests.helpers import lint, only, spans


def _reference_doubled_lines(prose: str):
    """LN604's line filter in its plainest form: every line split and compared in Python."""
    pos = 0
    for line in prose.split("\n"):
        words = line.lower().split()
        if any(b.rstrip(_TRAILING) == a.lstrip(_LEADING) for a, b in zip(words, words[1:])):
            yield pos, pos + len(line)
        pos += len(line) + 1


_PIECES = ["the", "The", "the.", "THE”", "them", "a", "\n", " ", "\r\n", "\u00a0", "\t", "İ", "i̇", "Σ", "σ",
           "ς", ",", "“the", "\ufffc"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_doubled_word_lines_match_the_per_line_filter(pieces):
    prose = " ".join(pieces)
    assert list(_lines_with_doubled_words(prose)) == list(_reference_doubled_lines(prose))


def test_doubled_word_lines_nearest_cases():
    prose = "one the\nthe two\nthree the the.\nfour the them"
    # a pair split by a line break is no pair; "the them" is no pair either
    assert list(_lines_with_doubled_words(prose)) == [(16, 30)]
    assert list(_lines_with_doubled_words("the\nthe")) == []


def test_doubled_word_still_reported_after_the_whole_text_filter():
    findings = lint("First line is fine.\nThe the council met on Monday.\n")
    assert spans(only(findings, "LN604")) == [("The the", 20, 27)]
    assert only(lint("First line ends with the\nthe council met on Monday.\n"), "LN604") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("la é\u00a0\t\n—“”«»(),.'’-/?¿¡…x\u2028\ufffcİ")), max_size=60))
def test_prefilter_tokens_match_translate_and_split(text):
    text = text.lower()
    assert _tokens(text) == text.translate(_PUNCT_TO_SPACE).split()


def test_near_name_check_runs_only_when_a_word_earns_a_verdict():
    # LN205: a misspelling close to a known name fires; the document without it is silent
    near = [f for f in lint("Officials met Zelenskky in Kyiv on Monday.\n") if f.rule in ("LN205", "LN206")]
    assert [(f.rule, f.excerpt) for f in near] == [("LN205", "Zelenskky")]
    assert [f for f in lint("Officials met Zelensky in Kyiv on Monday.\n") if f.rule in ("LN205", "LN206")] == []


def test_glued_word_verdict_is_reused_and_still_judged_per_document():
    # The split of `personalinformation` is remembered after the first text;
    # the second text reports it again, the third uses it twice (a spelling): silent.
    first = lint("Share your personalinformation with nobody.\n")
    again = lint("Never post personalinformation online.\n")
    twice = lint("Our personalinformation policy covers personalinformation.\n")
    assert [(f.excerpt, f.fixes[0].edits[0].replacement) for f in only(first, "LN605")] == [
        ("personalinformation", "personal information")]
    assert spans(only(again, "LN605")) == [("personalinformation", 11, 30)]
    assert only(twice, "LN605") == []


def test_plain_character_classes_match_as_in_regex():
    # Patterns moved from `regex` to the faster `re` must find the same spans.
    import random
    import re

    import regex

    from lintnews.text import quotation
    from lintnews.families.encoding import checks as encoding

    rng = random.Random(7)
    chars = [chr(c) for c in [*range(0x300), *range(0x2000, 0x2100), 0xfeff, 0xfffd, 0x61c, 0xa0, 0xad]]
    for lazy in (encoding._SUSPECT, encoding._INVISIBLE, encoding._ASCII_CONTROL, quotation._MARKS):
        pattern = lazy.compiled() if hasattr(lazy, "compiled") else lazy  # some compile on first use
        assert isinstance(pattern, re.Pattern)
        reference = regex.compile(pattern.pattern)
        for _ in range(50):
            text = "".join(rng.choice(chars) for _ in range(500))
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in reference.finditer(text)]


def test_counted_words_skip_the_quote_pass_only_without_an_opening_quote():
    from lintnews.families.untranslated.checks import _LATIN_WORD, _counted_words, _translated_quote
    from lintnews.engine.lint import build_rules

    ev = build_rules().ruleset.data.language_evidence

    def reference(text):
        if ev.borrowed is not None:
            text = ev.borrowed.sub(" ", text)
        text = _translated_quote().sub(" ", text)
        return [w.lower().rstrip("'’") for i, w in enumerate(_LATIN_WORD.findall(text))
                if not (i and w[0].isupper() or (len(w) > 1 and w.isupper()))]

    for text in ("Ella dijo “la casa es grande” (the house is big) ayer.",
                 "Ella dijo la casa es grande (the house is big) ayer.",
                 "He wrote «la vie», meaning life, in NATO's Paris office.",
                 "Los vecinos' casas y ‘la calle’ (the street)."):
        assert _counted_words(text, ev) == reference(text)
    assert "casa" not in _counted_words("Ella dijo “la casa” (the house).", ev)
    assert "casa" in _counted_words("Ella dijo la casa (the house).", ev)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "7", ")", "”", " ", "  ", "\t", ",", ".", "..", ":", "!", "-", "\n", "é"]),
                max_size=30))
def test_space_before_punctuation_finds_what_the_look_behind_found(pieces):
    import regex

    from lintnews.families.spacing.checks import _SPACE_BEFORE, _before_blanks

    reference = regex.compile(r"(?<=[\p{L}\p{N})\]”’\"»%])[ \t]+([,;:!?]|\.(?!\.))")
    text = "".join(pieces)
    found = [m.span() for m in _SPACE_BEFORE.finditer(text)
             if m.start() and _before_blanks().match(text, m.start() - 1)]
    assert found == [m.span() for m in reference.finditer(text)]
