"""LN102 untranslated Cyrillic runs and LN103 untranslated Latin-script passages."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lintnews.families.untranslated.checks import cyrillic_language
from tests.helpers import lint, only, spans

ROOT = Path(__file__).resolve().parent.parent


# -- LN102 -----------------------------------------------------------------
def test_russian_runs_inside_english_sentence_are_one_finding_each():
    text = "Then the окно машины, которая стояла во дворе, “Lada”, было разбито."
    found = only(lint(text), "LN102")
    assert spans(found) == [
        ("окно машины, которая стояла во дворе", 9, 45),
        ("было разбито", 55, 67),
    ]
    assert "Russian" in found[0].message and "Ukrainian" not in found[0].message
    assert "okno mashiny, kotoraya stoyala vo dvore" in found[0].message
    assert "bylo razbito" in found[1].message
    assert "needs translating" in found[0].message


def test_ukrainian_named_and_romanized_with_kmu_2010():
    found = only(lint("The mayor said: Київ вистояв і переможе."), "LN102")
    assert spans(found) == [("Київ вистояв і переможе", 16, 39)]
    assert "Ukrainian" in found[0].message
    assert "Kyiv vystoiav i peremozhe" in found[0].message


def test_russian_press_romanization():
    found = only(lint("She signed it Мария Захарова, официальный представитель."), "LN102")
    assert "Mariya Zakharova" in found[0].message


def test_short_ambiguous_run_does_not_guess():
    found = only(lint("The crowd chanted: Ми не здамося."), "LN102")
    assert spans(found) == [("Ми не здамося", 19, 32)]
    assert "too short to tell" in found[0].message


@pytest.mark.parametrize("text,lang", [
    ("їхав", "uk"), ("ёлка", "ru"), ("выход", "ru"), ("ўсё", "be"), ("ђак", "sr"),
    ("љубав", "sr"), ("ѓавол", "mk"), ("нет", None), ("България е държава", None),
])
def test_language_from_letters(text, lang):
    assert cyrillic_language(text)[0] == lang


@pytest.mark.parametrize("text", [
    "Kyiv (Київ) is the capital.",
    "Protesters chanted the word “слава” all night.",
    "The show “Слуга народу” (“Servant of the People”) made him famous.",
    "The show Servant of the People (“Слуга народу”) made him famous.",
    "The paper “Новая газета” (Novaya Gazeta) closed.",
    "The city is spelt Київ in Ukrainian and Киев in Russian.",
    "Its name is written as Одеса, in Ukrainian, on the new signs.",
])
def test_glosses_and_translated_titles_are_silent(text):
    assert only(lint(text), "LN102") == []


@pytest.mark.parametrize("text,run", [
    ("Officials said Київ would hold.", "Київ"),  # no talk of spelling
    ("The Russian военные заявили об этом in Russian media.", "военные заявили об этом"),  # too long for a cited word
    ("The report was written in haste: войска отступили.", "войска отступили"),  # “written” not right before it
])
def test_unquoted_cyrillic_fires_unless_the_sentence_cites_its_spelling(text, run):
    assert [f.excerpt for f in only(lint(text), "LN102")] == [run]


def test_quoted_untranslated_speech_still_fires():
    found = only(lint("He told reporters: “мы не отступим”."), "LN102")
    assert spans(found) == [("мы не отступим", 20, 34)]


def test_allow_config_silences_a_phrase():
    assert only(lint("The motto was Слава Україні today.", allow=("Слава Україні",)), "LN102") == []
    assert only(lint("The motto was Слава Україні today."), "LN102") != []


# -- LN103 -----------------------------------------------------------------
def test_spanish_label_line_fires_with_language_and_confidence():
    text = "The strike hit at dawn.\nLea también: los detalles del ataque\nPolice arrived."
    found = only(lint(text), "LN103")
    assert spans(found) == [("Lea también: los detalles del ataque", 24, 60)]
    assert "Spanish" in found[0].message and "%" in found[0].message


def test_consecutive_foreign_sentences_make_one_finding():
    text = ("The minister spoke. Der Minister sagte, dass die Lage sehr ernst ist. "
            "Er wird morgen nach Berlin reisen.")
    found = only(lint(text), "LN103")
    assert spans(found) == [(text[20:], 20, len(text))]
    assert "German" in found[0].message


@pytest.mark.parametrize("text", [
    "He spoke at the Folk och Försvar conference in Sälen on Sunday.",
    "The Verkhovna Rada voted, and the Rada will meet again.",
    "It became a de facto ban, not a coup d'état, and the status quo per se held.",
    "The crowd sang “Liberté, égalité, fraternité” (“Liberty, equality, fraternity”) at the march.",
    "Exit mobile version",
    "La Paz, Los Angeles and Le Monde are names.",
])
def test_names_borrowed_phrases_and_translated_quotes_are_silent(text):
    assert only(lint(text), "LN103") == []


def test_clean_english_does_not_load_the_language_detector():
    """No candidate, no detector: the langdetect module is never imported."""
    article = ("The council met on Tuesday to discuss the budget for the coming year. "
               "Officials said the plan would be published next week, and residents "
               "will be able to comment on it until the end of the month.\n") * 30
    code = textwrap.dedent(f"""
        import sys
        from lintnews import lint_text
        lint_text({article!r}, None, "article.txt")
        print("langdetect" in sys.modules, "lingua" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_results_do_not_depend_on_order():
    a = "Der Minister sagte, dass die Lage sehr ernst ist."
    b = "Police closed the road. Лес был тёмный и тихий."
    first = [(f.rule, f.offset, f.message) for t in (a, b) for f in lint(t)]
    second = [(f.rule, f.offset, f.message) for t in (b, a) for f in lint(t)]
    assert sorted(first) == sorted(second)


def test_look_alike_letter_inside_a_latin_word_is_left_to_mixed_script():
    text = "Officials in Kyiv and Моscow and КyКy said so, and Привет мир."
    found = lint(text)
    assert [(f.rule, f.excerpt) for f in found if f.rule in ("LN101", "LN102")] == [
        ("LN101", "Моscow"), ("LN101", "КyКy"), ("LN102", "Привет мир")]


def test_a_passage_seen_before_gets_the_same_identification():
    from lintnews.families.untranslated.checks import _identify_cached, _identify_now

    label = "Lea también: los detalles del ataque"
    first = only(lint(f"The strike hit at dawn.\n{label}\nPolice arrived."), "LN103")
    hits = _identify_cached.cache_info().hits
    again = only(lint(f"Markets fell.\n{label}\n"), "LN103")
    assert _identify_cached.cache_info().hits > hits
    assert [f.message for f in again] == [f.message for f in first]
    assert spans(again) == [(label, 14, 14 + len(label))]
    assert _identify_cached(label, ("es", "fr"), "langdetect") == _identify_now(label, ("es", "fr"), "langdetect")


def test_a_cyrillic_run_is_identified_among_the_cyrillic_languages_as_among_all():
    """LN102 asks langdetect to choose among the Cyrillic languages only: the
    answer is the one it gives among all thirteen (to rounding noise)."""
    from lintnews.text.langid import CYRILLIC_LANGUAGES, LANGUAGES, identify

    for run in ("Погода на завтра в городе", "Новини дня у нашому місті", "Времето утре в града"):
        among_all = identify(run, "langdetect", LANGUAGES)
        cyrillic = identify(run, "langdetect", CYRILLIC_LANGUAGES)
        assert [lang for lang, _ in cyrillic] == [lang for lang, _ in among_all]
        assert all(abs(p - q) < 1e-6 for (_, p), (_, q) in zip(cyrillic, among_all))
    assert identify("Погода на завтра в городе", "langdetect", CYRILLIC_LANGUAGES)[0][0] == "ru"
    message = only(lint("Police closed the road.\nПогода на завтра в городе\n"), "LN102")[0].message
    assert "Russian (language identification, " in message


# -- LN103's sentence gate -------------------------------------------------
def _evidence():
    from lintnews.config import Config
    from lintnews.engine.lint import context_for

    return context_for(Config()).ruleset.data.language_evidence


@pytest.mark.slow
def test_the_sentence_gate_passes_every_candidate():
    """`_may_be_foreign` may let a sentence through that `passage_candidate`
    rejects, never the other way round: on sentences made of foreign function
    words glued to digits, apostrophes, Cyrillic letters, marks and quotes,
    with borrowed phrases and translated quotes, every candidate passes."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from lintnews.families.untranslated.checks import _may_be_foreign, passage_candidate

    ev = _evidence()
    foreign = sorted(ev.foreign)
    pieces = st.one_of(
        st.sampled_from(foreign),
        st.sampled_from(foreign).map(str.upper),
        st.sampled_from(foreign).map(str.title),
        st.sampled_from(["the", "and", "said", "Kyiv", "de facto", "coup d'état", "İstanbul",
                         "à la carte", "e\u0301te\u0301", "2", "дe", "x", "“la casa” (the house)"]),
    )
    glue = st.sampled_from([" ", " ", " ", "", "'", "’", "2", "д", ", ", "-", "“", "”", "\u0301", "_", "°"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.tuples(pieces, glue), min_size=1, max_size=12))
    def check(parts):
        text = "".join(p + g for p, g in parts)
        if passage_candidate(text, ev):
            assert _may_be_foreign(text, ev.foreign), text

    check()


def test_the_sentence_gate_stops_an_english_sentence_of_a_passing_paragraph():
    from lintnews.families.untranslated.checks import _may_be_foreign

    ev = _evidence()
    assert not _may_be_foreign("The mayor spoke to reporters on Monday.", ev.foreign)
    assert _may_be_foreign("Él dijo que la casa es muy grande.", ev.foreign)
    # a word glued to a digit is still looked at
    assert _may_be_foreign("Él dijo2que la casa es muy grande.", ev.foreign)
    # a short line whose only function word opens it, capitalised (a candidate: `für`, `dla`)
    assert _may_be_foreign("Für Kinder, schön.", ev.foreign)
    assert _may_be_foreign("Dla dzieci, już.", ev.foreign)


def test_a_paragraph_keeps_its_spanish_sentence_and_not_its_english_one():
    text = ("The statement was read per la radio. Él dijo que la casa de su familia "
            "no es muy grande y que las calles del barrio están muy sucias.\n")
    found = only(lint(text), "LN103")
    start = text.index("Él")
    assert spans(found) == [(text[start:-1], start, len(text) - 1)]
    assert "Spanish" in found[0].message
