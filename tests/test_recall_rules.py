"""LN215 lowercase pronoun, LN211 Russian patronymics, the Belarusian adjective (issue 22)."""
from __future__ import annotations

from lintnews.finding import SAFE
from lintnews.families.names.given import ukrainian_patronymic
from tests.helpers import apply_suggestions, fixes, lint, only, spans


def _at(text: str, part: str, nth: int = 0) -> tuple[str, int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return part, start, start + len(part)


# -- LN215 ------------------------------------------------------------------------
def test_lowercase_pronoun_before_a_verb_or_contraction():
    text = "i was born in Lviv. She said i’m late, and i think so."
    found = only(lint(text), "LN215")
    assert spans(found) == [("i", 0, 1), ("i", 29, 30), ("i", 43, 44)]
    assert text[29:32] == "i’m" and text[43:50] == "i think"
    assert apply_suggestions(text, found) == "I was born in Lviv. She said I’m late, and I think so."


def test_roman_numerals_and_list_letters_are_not_pronouns():
    text = ("See (i) the budget and point i of the plan, i.e. the law. Part i was written first; "
            "World War i was long. Hawaii will vote. The mini i am told is a phone.")
    assert spans(only(lint(text), "LN215")) == [("i", text.index("i am"), text.index("i am") + 1)]


# -- LN211 patronymics -----------------------------------------------------------
def test_russian_patronymic_of_a_ukrainian():
    text = "In Kharkiv, Ukraine, Anna Ivanovna stayed. In Kyiv, Pavlenko Yuri Yaroslavovich paid."
    found = only(lint(text), "LN211")
    assert spans(found) == [_at(text, "Ivanovna"), _at(text, "Yaroslavovich")]
    assert fixes(found) == ["Ivanivna", "Yaroslavovych"]
    assert not any(f.fixes[0].applicability is SAFE for f in found)


def test_patronymic_silent_for_russia_and_for_surnames():
    assert only(lint("In Moscow, Russia, Anna Ivanovna said the talks failed."), "LN211") == []
    # a male -ovich after a given name alone is a surname as often as a patronymic
    assert only(lint("In Kyiv, Ukraine, Roman Abramovich and Stanislav Shushkevich met."), "LN211") == []
    # the Ukrainian form is right already
    assert only(lint("In Kyiv, Ukraine, Anna Ivanivna stayed."), "LN211") == []


def test_ukrainian_patronymic_forms():
    assert ukrainian_patronymic("Ivanovna", {}) == "Ivanivna"
    assert ukrainian_patronymic("Aleksandrovna", {"Aleksandr": "Oleksandr"}) == "Oleksandrivna"
    assert ukrainian_patronymic("Sergeevich", {"Sergei": "Serhiy"}) == "Serhiiovych"
    assert ukrainian_patronymic("Nikolaevna", {"Nikolai": "Mykola"}) == "Mykolaivna"
    assert ukrainian_patronymic("Mikhailovich", {"Mikhail": "Mykhailo"}) == "Mykhailovych"
    assert ukrainian_patronymic("Sergeevna", {}) == ""  # unknown stem: no guess


# -- Belarusian ---------------------------------------------------------------------
def test_belarussian_spelling():
    text = "The Belarussian opposition met; many Belarussians fled."
    found = only(lint(text), "LN202")
    assert spans(found) == [_at(text, "Belarussian"), _at(text, "Belarussians")]
    assert fixes(found) == ["Belarusian", "Belarusians"]
    assert only(lint("The Belarusian opposition met; many Belarusians fled."), "LN202") == []


# -- LN216 ------------------------------------------------------------------------
def test_acronym_written_as_word():
    text = "Arms arrive in Ukraine (Cnn.co.jp); the Bbc said so."
    found = only(lint(text), "LN216")
    assert spans(found) == [_at(text, "Cnn"), _at(text, "Bbc")]
    assert fixes(found) == ["CNN", "BBC"]
    assert not any(f.fixes[0].applicability is SAFE for f in found)


def test_consonant_abbreviations_units_and_codes_are_silent():
    text = "Smith Ltd and Mrs Jones paid; 10 Mbps; Hmm. The CNN and Nato; code Xkcd-2 and 5Bcd."
    assert only(lint(text), "LN216") == []


# -- LN104 ------------------------------------------------------------------------
def test_german_name_in_a_case_form():
    text = "Bossong told the Evangelischen Pressedienst (epd) and the Bayerischen Rundfunk."
    found = only(lint(text), "LN104")
    assert spans(found) == [_at(text, "Evangelischen Pressedienst"), _at(text, "Bayerischen Rundfunk")]
    assert all(not f.fixes for f in found)


def test_german_nominative_and_german_text_are_silent():
    text = ("Bossong told the Evangelischer Pressedienst and the Deutsche Welle. "
            "Laut dem Evangelischen Pressedienst sagte er das.")
    assert only(lint(text), "LN104") == []


# -- LN402: a mark after a code name is no inch mark ---------------------------------
def test_straight_mark_after_a_code_name_closes_nothing():
    text = 'Another Pantsir-S1" in Libya was destroyed.\n'
    assert spans(only(lint(text), "LN402")) == [('"', 18, 19)]


def test_inch_marks_and_quoted_code_names_are_silent():
    text = 'A 34" monitor and a 6\'2" player.\nHe said "we bought the S1" and left.\n'
    found = lint(text)
    assert only(found, "LN402") == [] and only(found, "LN401") == []


# -- LN205: the Russian social networks are known names ------------------------------
def test_misspelt_social_network_is_near_a_known_name():
    text = "He ran groups in Odnoklasniki for years."
    found = only(lint(text), "LN205")
    assert spans(found) == [_at(text, "Odnoklasniki")]
    assert fixes(found) == ["Odnoklassniki"]
    assert only(lint("He ran groups in VKontakte and Odnoklassniki for years."), "LN205") == []


# -- LN205: a listed person's given name one letter off --------------------------------
def test_misspelt_given_name_of_a_listed_person():
    text = "Prime Minister Dmetry Medvedev spoke."
    found = only(lint(text), "LN205")
    assert spans(found) == [_at(text, "Dmetry")]
    assert fixes(found) == ["Dmitry"] and not found[0].fixes[0].applicability is SAFE


def test_other_romanizations_of_a_given_name_are_silent():
    text = "Dmitri Medvedev spoke; Dmitry Medvedev too; then Dmitriy Medvedev and Given Medvedev's words."
    assert only(lint(text), "LN205") == []
