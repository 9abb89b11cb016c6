"""Names no list holds: Russified given names (LN211), Western names through
Cyrillic (LN212), one name spelt two ways (LN213), case forms (LN214), the
generated foreign spellings (LN203) and the document context of the guards."""
from __future__ import annotations

from lintnews.finding import SAFE
import pytest

from tests.helpers import fixes, lint, only, spans


def codes(text: str) -> list[str]:
    return [f.rule for f in lint(text) if f.rule.startswith("LN2")]


# -- LN211: Russified given names ---------------------------------------------

def test_a_russian_given_name_before_a_ukrainian_surname_in_ukraine():
    text = "Near Kyiv, Ukraine, the village head Olga Sukhenko and her husband Igor were found."
    found = only(lint(text), "LN211")
    assert spans(found) == [("Olga", 37, 41), ("Igor", 67, 71)]
    assert fixes(found) == ["Olha", "Ihor"]
    assert all(not x.applicability is SAFE for f in found for x in f.fixes)


def test_the_same_names_outside_ukraine_or_for_russians_are_silent():
    assert only(lint("The chemist Olga Sukhenko lectured in Paris, where Igor joined her."), "LN211") == []
    # a Russian surname, and a Belarusian the tables know
    text = "In Ukraine's war, Igor Konashenkov spoke for Moscow and Alexander Lukashenko for Minsk."
    assert only(lint(text), "LN211") == []


def test_a_bare_given_name_the_text_also_gives_a_russian_is_silent():
    text = ("Kyiv, Ukraine. The mayor Sergey Sidorenko met Igor Konashenkov's deputy. "
            "Igor said nothing.")
    found = only(lint(text), "LN211")
    assert [f.excerpt for f in found] == ["Sergey"]
    assert fixes(found) == ["Serhiy"]


def test_a_line_naming_another_country_is_elsewhere():
    text = "Ukraine counts its dead.\nIn Russia, the teacher Olga Ivanenko was fined."
    assert only(lint(text), "LN211") == []


# -- LN212: Western names through Cyrillic ------------------------------------

def test_a_back_transliterated_figure_with_its_given_name():
    text = "Chancellor Olaf Sholts met the minister Analena Berbok."
    found = only(lint(text), "LN212")
    assert spans(found) == [("Olaf Sholts", 11, 22), ("Analena Berbok", 40, 54)]
    assert fixes(found) == ["Olaf Scholz", "Annalena Baerbock"]


def test_a_back_transliterated_surname_alone_needs_the_figure_in_the_text():
    assert fixes(only(lint("Max Verstappen won; Ferstapen said so."), "LN212")) == ["Verstappen"]
    # no Max, no Formula: a stranger called Ferstapen
    assert only(lint("Ferstapen said so."), "LN212") == []


def test_a_real_different_name_with_the_same_key_is_silent():
    # Mark Milley is not Javier Milei, Derek Mertz not Friedrich Merz
    assert only(lint("Argentina's Javier Milei met General Mark Milley. Milley left."), "LN212") == []
    assert only(lint("German fans cheered. Derek Mertz made 3 saves."), "LN212") == []


def test_the_figures_own_spelling_with_or_without_accents_is_silent():
    text = "Valérie Pécresse, Pecresse's aides, Mevlut Cavusoglu and Lewis Hamilton spoke."
    assert only(lint(text), "LN212") == []


# -- LN213: one name spelt two ways -------------------------------------------

def test_the_minority_spelling_is_reported_with_the_majority_form():
    text = "Councillor Mykhalchyshyn said so. Mykhalchyshyn added more. Later Mikhalchishin left."
    found = only(lint(text), "LN213")
    assert spans(found) == [("Mikhalchishin", 66, 79)]
    assert fixes(found) == ["Mykhalchyshyn"]


def test_a_tie_without_an_official_form_is_left_alone():
    assert only(lint("Mykhalchyshyn said so. Later Mikhalchishin left."), "LN213") == []


def test_two_real_people_with_one_key_are_silent():
    text = "The deputies Taras Mykhalchyshyn and Ivan Mykhalchyshin spoke; Mykhalchyshyn left."
    assert only(lint(text), "LN213") == []
    assert only(lint("Petrov met Petrova and Petrov's son."), "LN213") == []


def test_the_official_form_of_a_listed_figure_wins():
    text = "Nikos Christodulides met Christodulidis's aides."
    found = only(lint(text), "LN213")
    assert "Christodoulides" in fixes(found)


# -- LN214 and the generated foreign spellings --------------------------------

def test_case_forms_of_a_ukrainian_place_in_ukraine():
    text = "Ukraine: the head of Buchi said that in Buche the occupiers shot civilians."
    found = only(lint(text), "LN214")
    assert spans(found) == [("Buchi", 21, 26), ("Buche", 40, 45)]
    assert fixes(found) == ["Bucha", "Bucha"]


def test_case_forms_outside_ukraine_or_as_a_surname_are_silent():
    assert only(lint("Buche is a German surname."), "LN214") == []
    assert only(lint("In Ukraine, Hans Buche spoke."), "LN214") == []


def test_a_czech_spelling_of_a_listed_ukrainian():
    found = only(lint("In Ukraine, Zelenskyj visited the front."), "LN203")
    assert spans(found) == [("Zelenskyj", 12, 21)]
    assert "Czech" in found[0].message


# -- the document context ------------------------------------------------------

def test_the_lede_puts_every_paragraph_in_ukraine():
    lede = "Ukraine: shelling hit the Kyiv region overnight.\n\n"
    far = "The mayor said water was back. " * 12
    text = lede + far + "\n\nRepairs went on in Vasilkov on Tuesday."
    assert "LN202" in codes(text)
    assert "LN202" not in codes(far + "\n\nRepairs went on in Vasilkov on Tuesday.")


def test_foreign_spellings_of_listed_russians_from_their_cyrillic():
    found = only(lint("Schoigu met Ławrow in Minsk."), "LN203")
    assert spans(found) == [("Schoigu", 0, 7), ("Ławrow", 12, 18)]
    assert fixes(found) == ["Shoigu", "Lavrov"]
    assert only(lint("Shoigu met Lavrov in Minsk."), "LN203") == []


def test_another_given_name_is_overruled_by_another_spelling_of_the_figure():
    text = "In Formula One, Luc Hemilton led; later Chemilton lost to Max Verstappen."
    assert spans(only(lint(text), "LN212")) == [("Hemilton", 20, 28), ("Chemilton", 40, 49)]
    assert only(lint("General Mark Milley spoke in Buenos Aires."), "LN212") == []


def test_a_ukrainian_adjective_is_no_case_form():
    assert only(lint("In Ukraine, the Luhanska oblast administration met in Kyiv."), "LN214") == []
    found = only(lint("In Ukraine, fighting near Luganska went on."), "LN214")
    assert fixes(found) == ["Luhansk"]


def test_a_russian_whose_surname_is_also_a_ukrainian_village_keeps_his_given_name():
    # Kulikov is a Russian-derived form of a Ukrainian village, but a person here
    assert only(lint("In Kyiv, Ukraine, the Russian sprinter Evgeny Kulikov won."), "LN211") == []


@pytest.fixture(scope="module")
def schemes():
    from pathlib import Path

    import lintnews.rules
    from lintnews.engine.rulefiles import load_rules
    from lintnews.families.names import inflection

    ruleset = load_rules([Path(lintnews.rules.__file__).parent])
    return {s.name: s for s in inflection.schemes(ruleset)}, inflection.case_forms(ruleset)


@pytest.mark.parametrize("scheme, native, expected", [
    ("czech", "Зеленський", "Zelenskyj"),
    ("german", "Вишгород", "Wyschhorod"),
    ("polish", "Луганськ", "Łuhansk"),
    ("polish", "Ольга", "Olha"),
    ("french", "Буча", "Boutcha"),
    ("spanish", "Херсон", "Jerson"),
    ("czech-russian", "Ельцин", "Jelcin"),
    ("german-russian", "Лавров", "Lawrow"),
])
def test_the_schemes_spell_cyrillic_as_those_languages_do(schemes, scheme, native, expected):
    assert schemes[0][scheme].romanize(native) == expected


def test_case_forms_take_the_longest_ending(schemes):
    from lintnews.families.names.inflection import inflect

    case_forms = schemes[1]
    assert "Kakhovskaya" in inflect("Kakhovka", case_forms)
    assert "Kakhovkoy" not in inflect("Kakhovka", case_forms)  # -ka, not -a
    assert "Buchi" in inflect("Bucha", case_forms)
    assert "Luhanska" not in inflect("Luhansk", case_forms)
    assert "Luganska" in inflect("Lugansk", case_forms, russian=True)


def test_a_case_form_that_is_an_english_word_is_not_generated():
    # Smila (Сміла) + -e would be "Smile"
    assert only(lint("In Ukraine, the mayor of Smila said: Smile, we are back."), "LN214") == []


def test_a_tie_goes_to_the_spelling_in_english_letters():
    found = only(lint("Premier Mykhalčyšyn spoke. Later Mykhalchyshyn left."), "LN213")
    assert spans(found) == [("Mykhalčyšyn", 8, 19)]
    assert fixes(found) == ["Mykhalchyshyn"]


def test_a_generated_spelling_of_a_surname_after_the_given_name():
    found = only(lint("In Ukraine, President Volodymyr Zelenskyj spoke."), "LN203")
    assert spans(found) == [("Zelenskyj", 32, 41)]
