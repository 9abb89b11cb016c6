"""LN202 for the historical and geographic regions of Ukraine (`[[region]]`,
rules/names-ukraine-regions.toml): the Russian name or adjective beside the
nearest legitimate text. Fixtures are written for these tests."""
from __future__ import annotations

from lintnews.families.names.gazetteer import region_forms
from lintnews.finding import UNSAFE
from tests.helpers import fixes, lint, only, spans


def test_the_russian_forms_are_romanized_from_the_cyrillic():
    nouns, adjectives = region_forms(("Полесье",), ("Полесский",))
    assert nouns == ["Polesye", "Polesie"]
    assert adjectives == ["Polessky", "Polesskiy", "Polesskii", "Polesskaya", "Polesskaia"]


def test_a_russian_adjective_of_a_region_in_a_text_about_ukraine():
    text = "Ukraine's army said there was no attack in the Volyn and Polessky directions."
    found = only(lint(text), "LN202")
    assert spans(found) == [("Polessky", 57, 65)] and fixes(found) == ["Polissia"]
    assert found[0].fixes[0].applicability is UNSAFE


def test_a_russian_region_name_in_a_text_about_ukraine():
    found = only(lint("Ukrainian troops moved west to Prikarpatye on Monday."), "LN202")
    assert spans(found) == [("Prikarpatye", 31, 42)] and fixes(found) == ["Prykarpattia"]


def test_the_english_forms_and_the_surname_are_silent():
    text = ("Ukraine's Polissia and Prykarpattia, Galicia and Transcarpathia are regions. "
            "Galician villages. In Ukraine, the singer Sergey Polessky spoke.")
    assert only(lint(text), "LN202") == []


def test_a_district_named_after_the_region_is_silent():
    assert only(lint("In Ukraine, the Polessky district court opened on Monday."), "LN202") == []


def test_outside_ukraine_it_is_silent():
    assert only(lint("In Belarus, the Polesye reserve near Minsk reopened. Lukashenko came."), "LN202") == []
    assert only(lint("Wines of Galicia, Spain, won prizes."), "LN202") == []
