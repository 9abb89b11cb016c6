"""LN501 mojibake and LN502 invisible characters: each fires on damage, not on its twin."""
from __future__ import annotations

from lintnews.finding import SAFE
import sys

import pytest

from lintnews.document import PLACEHOLDER
from tests.helpers import apply_suggestions, fixes, lint, only, spans


def test_mojibake_apostrophe_is_repaired_safely():
    text = "The mayor said it wasnâ€™t over."
    found = only(lint(text), "LN501")
    assert spans(found) == [("â€™", 22, 25)]
    assert fixes(found) == ["’"]
    assert found[0].fixes[0].applicability is SAFE
    assert apply_suggestions(text, found) == "The mayor said it wasn’t over."


def test_mojibake_accent_and_copyright():
    text = "CafÃ© owners, Â© 2024 Example Media."
    found = only(lint(text), "LN501")
    assert fixes(found) == ["é", "©"]
    assert apply_suggestions(text, found) == "Café owners, © 2024 Example Media."


def test_correct_accents_and_curly_quotes_stay_silent():
    text = "The café’s “naïve” owner went to Sälen, à la française, for Ã la carte?"
    assert only(lint(text.replace(" for Ã la carte?", ".")), "LN501") == []


def test_mojibake_never_uncurls_quotes_on_the_same_line():
    text = "“Quoted” and donâ€™t."
    found = only(lint(text), "LN501")
    assert apply_suggestions(text, found) == "“Quoted” and don’t."


def test_pure_ascii_text_does_not_import_ftfy(monkeypatch):
    monkeypatch.delitem(sys.modules, "ftfy", raising=False)
    assert only(lint("Plain ASCII text with no damage at all."), "LN501") == []
    assert "ftfy" not in sys.modules


@pytest.mark.parametrize("char,replacement", [
    ("\u200b", ""), ("\u2060", ""), ("\x07", ""), ("\u200e", ""),
])
def test_invisible_characters_are_removed(char, replacement):
    text = f"The talks{char} resumed."
    found = only(lint(text), "LN502")
    assert spans(found) == [(char, 9, 10)]
    assert fixes(found) == [replacement]
    assert found[0].fixes[0].applicability is SAFE


def test_replacement_character_has_no_fix_and_is_an_error():
    found = only(lint("The Ukrainian city of Kramatorsk\ufffds mayor"), "LN502")
    assert spans(found) == [("\ufffd", 32, 33)]
    assert fixes(found) == []
    assert str(found[0].severity) == "error"


def test_soft_hyphen_between_spaces_stays_silent():
    # inside a word it fires: LN502's example
    assert only(lint("A lone \u00ad mark between spaces."), "LN502") == []


def test_joiners_in_emoji_and_bidi_marks_in_arabic_stay_silent():
    assert only(lint("The team 👩\u200d🔬 met."), "LN502") == []
    assert only(lint("The sign read \u200fمرحبا in Arabic."), "LN502") == []
    assert spans(only(lint("The wo\u200drd."), "LN502")) == [("\u200d", 6, 7)]


def test_no_break_space_at_line_edge_is_encoding():
    found = only(lint("The talks resumed.\n\u00a0Next line."), "LN502")
    assert spans(found) == [("\u00a0", 19, 20)]
    assert fixes(found) == [""]


def test_no_break_space_next_to_a_space_is_a_doubled_space_not_encoding():
    found = lint("The talks \u00a0resumed.\n")
    assert [(f.rule, f.category, str(f.severity), f.excerpt) for f in found] == [
        ("LN603", "spacing", "info", " \u00a0")]
    assert apply_suggestions("The talks \u00a0resumed.\n", found) == "The talks resumed.\n"


def test_soft_hyphen_at_a_word_edge_is_encoding():
    for text in ("Officials in Kyiv\u00ad said so.", "Officials in \u00adKyiv said so."):
        found = lint(text)
        assert [(f.rule, f.category, f.excerpt) for f in found] == [("LN502", "encoding", "\u00ad")]
        assert apply_suggestions(text, found) == "Officials in Kyiv said so."


def test_soft_hyphen_standing_alone_is_silent():
    assert only(lint("A dash \u00ad here."), "LN502") == []


def test_spacer_paragraph_of_zero_width_spaces_is_layout_not_text():
    assert only(lint("The talks ended.\n\n\u200b\n\n\u200b \n\nThey resume today.\n"), "LN502") == []


def test_zero_width_space_beside_a_word_still_fires():
    found = only(lint("The talks ended.\n\n\u200bThey resume today.\n"), "LN502")
    assert spans(found) == [("\u200b", 18, 19)]


def test_no_break_space_between_number_and_unit_stays_silent():
    assert only(lint("The column was 10\u00a0km long, said Mr.\u00a0Smith."), "LN502") == []


def test_no_break_space_entity_in_html_maps_to_the_entity():
    text = "<p>The talks&nbsp; resumed.</p>"
    found = only(lint(text, filename="a.html"), "LN603")
    assert spans(found) == [("&nbsp; ", 12, 19)]
    assert apply_suggestions(text, found) == "<p>The talks resumed.</p>"


def test_placeholder_is_never_reported():
    assert only(lint(f"See {PLACEHOLDER} for details."), "LN502") == []
    assert only(lint("See `code` and https://example.com/x for details.", filename="a.md"), "LN502") == []


def test_mojibake_repair_that_invents_unassigned_characters_is_not_offered():
    # found by the property tests: ó + three C1 bytes "decode" to U+C0000, unassigned
    text = "\x91ó\x80\x80\x80ó"
    found = only(lint(text), "LN501")
    assert spans(found) == [(text, 0, 6)]
    # neither the "UTF-8" reading (unassigned U+C0000) nor an uncertain
    # Windows-1252 guess is offered: the finding stays, without a fix
    assert fixes(found) == []
    assert apply_suggestions(text, found) == text


def test_mojibake_findings_never_overlap():
    text = "Ð¡Ð»Ð°Ð²Ð° and cafÃ© and donâ€™t"
    found = only(lint(text), "LN501")
    assert spans(found) == [("Ð¡Ð»Ð°Ð²Ð°", 0, 10), ("Ã©", 18, 20), ("â€™", 28, 31)]
    assert apply_suggestions(text, found) == "Слава and café and don’t"
