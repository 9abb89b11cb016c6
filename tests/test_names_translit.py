"""Transliteration recall (issue 22): each mechanism on a damaged form and on its
nearest legitimate text. Fixtures are written for these tests."""
from __future__ import annotations

from tests.helpers import fixes, lint, only, spans


# -- LN204: what a text writes most ---------------------------------------------

def test_surname_inside_a_reported_full_name_counts_for_the_majority():
    text = ("Zaluzhnyi spoke. Zaluzhnyi left.\nValery Zaluzhny met the minister. "
            "Later Valery Zaluzhny and Zaluzhny said the talks went well.")
    found = only(lint(text), "LN204")
    assert spans(found) == [("Zaluzhnyi", 0, 9), ("Zaluzhnyi", 17, 26)] and fixes(found) == ["Zaluzhny"] * 2
    assert fixes(only(lint(text), "LN202")) == ["Valerii Zaluzhny"] * 2


def test_a_name_repeated_back_to_back_counts_once():
    text = "Talks end  Zaluzhny  Zaluzhny\nGeneral Zaluzhnyi spoke on Monday."
    found = only(lint(text), "LN204")
    assert [f.excerpt for f in found] == ["Zaluzhny", "Zaluzhny"] and set(fixes(found)) == {"Zaluzhnyi"}


def test_one_form_repeated_is_consistent():
    assert only(lint("Talks end  Zaluzhny  Zaluzhny\nGeneral Zaluzhny spoke on Monday."), "LN204") == []
