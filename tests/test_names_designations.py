"""LN217: weapon designations whose Cyrillic letters were read as Latin look-alikes,
beside the nearest legitimate text (the English designation, other products named
with the same letters). Fixtures are written for these tests."""
from __future__ import annotations

from lintnews.families.names.designations import misreading
from lintnews.finding import SAFE, UNSAFE
from tests.helpers import fixes, lint, only, spans


def test_the_misreading_is_derived_from_the_cyrillic_letters():
    assert misreading("S-400", "С-400") == "C-400"
    assert misreading("Pantsir-S1", "Панцирь-С1") == "Pantsir-C1"
    assert misreading("Kh-47M2", "Х-47М2") == "X-47M2"
    assert misreading("TOS-1A", "ТОС-1А") == "TOC-1A"
    assert misreading("Tor-M2", "Тор-М2") is None          # nothing to misread
    assert misreading("BTR-82A", "БТР-82А") is None        # Б has no look-alike


def test_an_air_defence_system_in_a_text_about_russia():
    text = "Russia has deployed C-400 and C-300PMU systems that fire missiles at aircraft."
    found = only(lint(text), "LN217")
    assert spans(found) == [("C-400", 20, 25), ("C-300PMU", 30, 38)]
    assert fixes(found) == ["S-400", "S-300PMU"]
    assert all(f.fixes[0].applicability is UNSAFE for f in found)


def test_the_name_with_its_english_plural_needs_no_context():
    found = only(lint("Two Pantsir-C1s guarded the airfield."), "LN217")
    assert spans(found) == [("Pantsir-C1s", 4, 15)] and fixes(found) == ["Pantsir-S1s"]
    assert found[0].fixes[0].applicability is SAFE


def test_a_kh_missile():
    found = only(lint("Ukraine said it shot down an X-101 cruise missile over Kyiv."), "LN217")
    assert spans(found) == [("X-101", 29, 34)] and fixes(found) == ["Kh-101"]


def test_the_english_designations_and_other_products_are_silent():
    assert only(lint("Russia has deployed S-400 systems and Pantsir-S1 launchers; Kh-101 missiles."), "LN217") == []
    # a C-130 is another number; a car and a NASA X-plane have no weapon in their sentence
    text = ("A C-130 Hercules brought the missiles to Ukraine. The Mercedes C-300 was parked outside "
            "the Kremlin. NASA's X-59 flew. Russia fired a missile.")
    assert only(lint(text), "LN217") == []


def test_context_needs_a_country_too():
    assert only(lint("The C-400 missile launcher in the game fires at the aliens."), "LN217") == []
    assert fixes(only(lint("The C-400 missile launcher in Syria fires at aircraft."), "LN217")) == ["S-400"]


def test_inside_a_longer_token_is_silent():
    assert only(lint("Russia fired missiles; part C-4000 and AC-400 and C-400-X were listed."), "LN217") == []


def test_case_readings_are_romanized_from_the_cyrillic():
    from lintnews.families.names.designations import case_readings
    assert "Formuli-1" in case_readings("Formula 1", "Формула-1")
    assert "Formula-1" not in case_readings("Formula 1", "Формула-1")
    assert {"Pantsirya-S1", "Pantsirya-C1"} <= set(case_readings("Pantsir-S1", "Панцирь-С1"))
    assert case_readings("S-400", "С-400") == []          # no word to inflect


def test_a_case_ending_on_the_designation_word():
    found = only(lint("The press service of Formuli-1 said two Iskandera-M launchers left."), "LN217")
    assert spans(found) == [("Formuli-1", 21, 30), ("Iskandera-M", 40, 51)]
    assert fixes(found) == ["Formula 1", "Iskander-M"] and found[0].template == "case"


def test_the_english_forms_of_a_name_with_a_digit_are_silent():
    assert only(lint("Formula 1, Formula-1 and Formula One; two Iskander-M launchers; Tochka-U."), "LN217") == []
