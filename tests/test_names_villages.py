"""LN218: a village's name garbled by translation, beside the nearest legitimate
text (the village's own name, a surname, the same word in a text about another
country, a word elsewhere in the sentence). Fixtures are written for these tests."""
from __future__ import annotations

from lintnews.families.names.villages import sibilant_neighbours
from lintnews.families.names.sounds import sound_key
from lintnews.finding import UNSAFE
from tests.helpers import fixes, lint, only, spans


def test_one_sibilant_changed():
    def near(word, place):
        return sound_key(place) in sibilant_neighbours(sound_key(word))
    assert near("Motichyn", "Motyzhyn")
    assert not near("Ovechkin", "Lotskyne")     # the first consonant
    assert not near("Prasad", "Pravda")         # not a sibilant
    assert not near("Motichan", "Motyzhyn")     # the vowels differ
    assert not near("Shevchenko", "Zhevchenko")  # the first consonant, even a sibilant


def test_a_garbled_village_after_village_in_a_text_about_ukraine():
    text = "Ukrainian police found the head of the village of Motichyn near Kyiv."
    found = only(lint(text), "LN218")
    assert spans(found) == [("Motichyn", 50, 58)] and fixes(found) == ["Motyzhyn"]
    assert found[0].fixes[0].applicability is UNSAFE


def test_the_real_village_and_other_positions_are_silent():
    assert only(lint("Ukrainian police found the head of the village of Motyzhyn near Kyiv."), "LN218") == []
    # not after "village": a surname or any other word is not judged
    assert only(lint("Ukrainian police said Motichyn was found near Kyiv."), "LN218") == []
    # an English word after "village"
    assert only(lint("In Ukraine, the village Church was burnt."), "LN218") == []


def test_outside_ukraine_it_is_silent():
    assert only(lint("French police found the mayor of the village of Motichyn near Lyon, France."), "LN218") == []
