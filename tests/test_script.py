"""LN101 mixed-script words: fires on homoglyphs, silent on one-script words."""
from __future__ import annotations

from lintnews.finding import DISPLAY_ONLY, SAFE
import pytest
from hypothesis import given, strategies as st

from tests.helpers import apply_suggestions, fixes, lint, only, spans

CYR_KA, CYR_O, CYR_ES, CYR_A = "\u041a", "\u043e", "\u0421", "\u0430"


def test_cyrillic_capital_in_latin_word():
    text = f"Officials in {CYR_KA}yiv said so."
    found = only(lint(text), "LN101")
    assert spans(found) == [(f"{CYR_KA}yiv", 13, 17)]
    assert fixes(found) == ["Kyiv"]
    assert found[0].fixes[0].applicability is SAFE
    assert "Cyrillic Capital Letter Ka" in found[0].message


def test_lowercase_homoglyph_inside_word_and_fix_roundtrip():
    text = f"Shelling near Khark{CYR_O}v continued."
    found = only(lint(text), "LN101")
    assert spans(found) == [(f"Khark{CYR_O}v", 14, 21)]
    fixed = apply_suggestions(text, found)
    assert fixed == "Shelling near Kharkov continued."
    assert only(lint(fixed), "LN101") == []


def test_latin_letter_in_cyrillic_word_maps_to_cyrillic():
    text = f"The sign read п{'a'}рк."
    found = only(lint(text), "LN101")
    assert fixes(found) == [f"п{CYR_A}рк"]


def test_greek_lookalike_in_latin_word():
    found = only(lint("Flights to \u0391thens resumed."), "LN101")
    assert fixes(found) == ["Athens"]


def test_degree_unit_with_cyrillic_es():
    text = f"It was 31 \u00b0{CYR_ES} at noon."
    found = only(lint(text), "LN101")
    assert spans(found) == [(CYR_ES, 11, 12)]
    assert fixes(found) == ["C"]
    assert only(lint("It was 31 \u00b0C at noon."), "LN101") == []


def test_mixed_word_without_lookalike_has_no_fix():
    found = only(lint("Spokeswoman Za\u0436arova spoke."), "LN101")
    assert spans(found) == [("Za\u0436arova", 12, 20)]
    assert fixes(found) == []
    assert "Retype" in found[0].message


def test_silent_on_single_script_words_and_ukrainian_apostrophe():
    text = "In Kyiv, Київ, Athens and Αθήνα; ВʼЯЧЕСЛАВ and мʼясо are Cyrillic words."
    assert only(lint(text), "LN101") == []


def test_silent_on_greek_units_and_maths():
    assert only(lint("A dose of 5 \u03bcg through 10 k\u03a9, and \u0394x is small."), "LN101") == []


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=40))
def test_pure_latin_never_fires(text):
    assert only(lint(text), "LN101") == []


# -- a look-alike initial is mixed-script, not an untranslated passage

@pytest.mark.parametrize("text,initials", [
    ("The explorer \u0412. K. Arsenyev mapped the coast.\n", ["\u0412"]),
    ("\u0412. K. Arsenyev mapped the coast.\n", ["\u0412"]),
    ("The explorer \u0412. \u041a. Arsenyev mapped the coast.\n", ["\u0412", "\u041a"]),
])
def test_cyrillic_initial_in_a_latin_name_is_ln101_not_ln102(text, initials):
    found = lint(text)
    # the Latin look-alike, or the romanized letter: hints, never applied
    assert [(f.rule, f.excerpt, [(x.edits[0].replacement, x.applicability) for x in f.fixes]) for f in found] == [
        ("LN101", i, [(latin, DISPLAY_ONLY)] + ([("V", DISPLAY_ONLY)] if i == "\u0412" else []))
        for i, latin in zip(initials, ("B", "K") if initials[0] == "\u0412" else ("K",))]
    assert "“B.”, or “V.”" in found[0].message
    assert not any(f.fixable for f in found)


def test_cyrillic_name_with_initials_is_still_untranslated():
    text = "The explorer \u0412. \u041a. \u0410\u0440\u0441\u0435\u043d\u044c\u0435\u0432 mapped the coast.\n"
    assert [f.rule for f in lint(text)] == ["LN102"]


def test_real_cyrillic_word_in_english_text_is_still_untranslated():
    text = "The sign read \u0412\u0445\u043e\u0434 at the door.\n"
    assert [f.rule for f in lint(text)] == ["LN102"]


def test_latin_initials_are_silent():
    assert lint("The explorer V. K. Arsenyev mapped the coast.\n") == []
