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
    for lazy in (encoding._SUSPECT, encoding._INVISIBLE, encoding._ASCII_CONTROL, quotation._MARK):
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


# -- literal gates and one-pass scans that stand in for a pattern per position --

_BRACKETY = ["(", "[", ")", "]", "translator's note", "Translator’s Note: x", "spelling preserved",
             "the author's spelling has been kept", "N. del T.", " ", "(", "a", "\n", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_BRACKETY), max_size=16))
def test_translator_notes_are_tried_only_where_a_bracket_opens(pieces):
    from lintnews.families.translation.checks import _NOTE, _notes

    prose = "".join(pieces)
    assert [m.span() for m in _notes(prose)] == [m.span() for m in _NOTE.finditer(prose)]


def test_dateline_needs_the_hint_that_gates_the_text():
    from lintnews.families.translation.checks import _DATELINE, _DATELINE_HINT

    for text in ("MADRID (EFE). - El", "Kyiv/Lviv. – Officials said", "BOGOTÁ.- The", "MOSCOW .\t- x"):
        assert _DATELINE.match(text) is not None and _DATELINE_HINT.search(text) is not None
    # the nearest text without the hint: a full stop then a dash that opens nothing
    assert _DATELINE.match("MADRID. -El") is None and _DATELINE_HINT.search("MADRID. -El") is None
    assert spans(only(lint("MADRID (EFE). - El ministro dijo hoy que no."), "LN801"))[0][1] == 0


@settings(max_examples=300, deadline=None)
@given(st.sets(st.sampled_from(["Cnn", "Bbc", "Bb", "Bbcxz", "Bbcxzq", "Cny", "Wsj", "Xyz", "CNN", "cnn",
                                "Tv", "Mth", "Ǆbc", "Brr", "Brré", "Str_", "Nth9"])))
def test_consonant_words_found_in_the_joined_word_set_as_by_fullmatch(words):
    import regex

    from lintnews.families.spacing.capitals import _CONSONANT_WORDS

    one = regex.compile(r"[B-DF-HJ-NP-TV-XZ][b-df-hj-np-tvxz]{2,4}")
    expected = sorted(w for w in words if 3 <= len(w) <= 5 and one.fullmatch(w))
    assert sorted(_CONSONANT_WORDS.findall(" ".join(words))) == expected


_NAMEY = ["Kyivan", "Kyivans", "x-", "'", "’", "a", " ", "\n", "Ivanko", "\u0301", "_", "#", "Kyiv", "Zaluzhny", "."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NAMEY), max_size=24))
def test_capitalised_occurrences_of_judged_words_are_the_pattern_matches(pieces):
    from lintnews.families.names.kind import _CAPITALISED, _occurrences

    prose = "".join(pieces)
    words = {"Kyivan", "Ivanko", "Zaluzhny", "Kyivans"}
    expected = [(m.start(), m.group()) for m in _CAPITALISED.finditer(prose) if m.group() in words]
    assert _occurrences(prose, words) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Kyiv", "Kyiv Oblast", "Lviv", "Odesa", "kyiv", " ", "\n", "-", "x", "é",
                                 "\u0301", "_", "2"]), max_size=30))
def test_bounded_terms_sorted_positions_match_the_lazy_merge(pieces):
    from lintnews.text import termindex

    index = termindex.BoundedTerms(["Kyiv", "Kyiv Oblast", "Lviv", "Odesa", "Odesa Oblast"])
    text = "".join(pieces)
    eager = list(index.spans(text))
    saved = termindex._EAGER_TEXT
    termindex._EAGER_TEXT = -1  # every text merged lazily, as a long one is
    try:
        lazy = [m.span() for m in index.finditer(text)]
    finally:
        termindex._EAGER_TEXT = saved
    assert eager == lazy


def _reference_units(low: str, units) -> list[str]:
    """The sound units read by trying each listed spelling at each place, in Python."""
    out, i = [], 0
    while i < len(low):
        for spelling, unit in units:
            if low.startswith(spelling, i):
                out.append(unit)
                i += len(spelling)
                break
        else:
            out.append(low[i])
            i += 1
    return out


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("schtzkhxqgjwvfyaeiouoeeyayie\n.é")), max_size=20))
def test_sound_units_read_in_one_pattern_as_by_trying_each_spelling(low):
    from lintnews.families.names.sounds import _SOUND_UNITS, _TRIP_UNITS, _units

    assert _units(low, _SOUND_UNITS) == _reference_units(low, _SOUND_UNITS)
    assert _units(low, _TRIP_UNITS) == _reference_units(low, _TRIP_UNITS)


def test_patronymic_gate_needs_the_ending_at_a_word_end():
    from lintnews.families.names.given import PATRONYMIC_ENDINGS, may_hold_patronymic, patronymic_runs
    from lintnews.markup import make_document

    def ends_a_word(text: str) -> bool:
        prose = make_document(text).prose
        return may_hold_patronymic(prose) and bool(patronymic_runs(prose))

    assert ends_a_word("Said Ivanovich and others.")
    # the ending inside a word is no patronymic; no ending at all skips the words
    assert not ends_a_word("The Ivanovichi family and Petrovnas.")
    assert not ends_a_word("Nothing here.")
    # the runs found where the endings stand are the document's words that end so
    doc = make_document("Said Ivanovich, Petrovna_ and x_evna, Sergeevich2 or Olga Petrovna.")
    assert patronymic_runs(doc.prose) == {w for w in doc.word_set if w.endswith(PATRONYMIC_ENDINGS)}


def test_non_latin_gate_holds_every_cyrillic_and_greek_character():
    import re

    import regex

    from lintnews.families.script.checks import _MAYBE_NON_LATIN, _NON_LATIN

    # every code point the script pattern finds is in the gate's blocks (an upgrade
    # of Unicode in `regex` that adds letters elsewhere fails here)
    scripts = "".join(_NON_LATIN.findall("".join(map(chr, range(0x20, 0x30000)))))
    assert scripts and re.fullmatch(_MAYBE_NON_LATIN.pattern + "+", scripts)
    assert _MAYBE_NON_LATIN.search("Plain English, “quoted” — and café.") is None
    assert spans(only(lint("The letter В was in the word Вut here."), "LN101"))


_PHRASEY = ["de", "facto", "DE FACTO", "De", "Facto", "a", "priori", "A PRIORI", "coup", "d’état", "D’ÉTAT",
            "via", "VIA", "situ", "in", " ", "-", "vis", "à", "’", "x", "ß", "STATUS", "quo", "½"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PHRASEY), max_size=14))
def test_borrowed_phrases_are_removed_only_where_their_longest_word_is(pieces):
    from lintnews.config import Config
    from lintnews.engine.lint import context_for
    from lintnews.families.untranslated.checks import _ANY_WORD

    ev = context_for(Config()).ruleset.data.language_evidence
    text = " ".join(pieces)
    gate_open = not ev.borrowed_words.isdisjoint(map(str.casefold, _ANY_WORD.findall(text)))
    if not gate_open:  # the gate skips the substitution only where it changes nothing
        assert ev.borrowed.sub(" ", text) == text


_MARKY = ["’", "’’", "‘", "‘‘", "“", "”", '"', "'", "«", "»", "„", "‚", "a", " ", "\n", "Ã©", "Ã", "â€™", "é",
          "В", "Ω", "Ⅻ", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MARKY), max_size=30), st.integers(0, 5), st.integers(0, 5))
def test_one_class_scans_find_what_the_alternations_found(pieces, cut_lo, cut_hi):
    import re

    from lintnews.families.encoding.checks import _SUSPECT, _suspects
    from lintnews.families.script.checks import _NON_LATIN, _non_latin
    from lintnews.text.quotation import _marks

    prose = "".join(pieces)
    lo, hi = min(cut_lo, len(prose)), max(0, len(prose) - cut_hi)
    doubled = re.compile(r"’’|‘‘|[“”‘’\"'«»„‚]")  # the marks as one alternation
    assert list(_marks(prose, lo, hi)) == [m.start() for m in doubled.finditer(prose, lo, hi)]
    assert [m.span() for m in _suspects(prose)] == [m.span() for m in _SUSPECT.finditer(prose)]
    assert list(_non_latin(prose, lo)) == [m.start() for m in _NON_LATIN.finditer(prose, lo)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "  ", "\t", ",", ".", "..", ":", "!", "?", ";", "\n", "x ."]), max_size=30))
def test_spaces_before_marks_are_found_from_the_marks(pieces):
    from lintnews.families.spacing.checks import _SPACE_BEFORE, _spaces_before

    prose = "".join(pieces)
    assert [m.span() for m in _spaces_before(prose)] == [m.span() for m in _SPACE_BEFORE.finditer(prose)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["the", "vote", "in", "kyiv", "the vote", "and", "or", "x"]), max_size=40))
def test_repeat_candidates_are_the_same_from_packed_bytes_and_from_an_array(pieces):
    from lintnews.families.duplication import fragments

    words = " ".join(pieces).split()
    packed = list(fragments._candidates(words))
    saved = fragments._PACKED_WORDS
    fragments._PACKED_WORDS = -1  # every piece through the array, as one huge line is
    try:
        assert list(fragments._candidates(words)) == packed
    finally:
        fragments._PACKED_WORDS = saved
    # a word doubled is a candidate at shift 1
    if len(words) >= 2 and words[0] == words[1]:
        assert (0, 1) in packed
