"""LN801-LN804 translation leftovers."""
from __future__ import annotations

from lintnews.finding import SAFE, UNSAFE, Fix
from tests.helpers import apply_suggestions, fixes, lint, only, spans


def test_spanish_dateline_with_two_cities():
    text = "Moscú/Kiev.- Talks resumed on Monday."
    found = only(lint(text), "LN801")
    assert spans(found) == [("Moscú/Kiev.-", 0, 12)]
    assert fixes(found) == ["MOSCOW/KYIV —"]
    assert apply_suggestions(text, found) == "MOSCOW/KYIV — Talks resumed on Monday."


def test_dateline_with_agency():
    found = only(lint("ROMA (EFE).- The pope spoke."), "LN801")
    assert fixes(found) == ["ROME (EFE) —"]


def test_english_dateline_and_scores_are_silent():
    assert only(lint("MOSCOW/KYIV — Talks resumed.\nThe final was 2-1.- A fine match."), "LN801") == []
    assert only(lint("He arrived in Kyiv. - Later he left."), "LN801") == []


def test_inverted_question_mark_before_english():
    text = "¿Who will pay for the damage?"
    found = only(lint(text), "LN802")
    assert spans(found) == [("¿", 0, 1)]
    assert apply_suggestions(text, found) == "Who will pay for the damage?"


def test_inverted_marks_in_spanish_quote_are_silent():
    assert only(lint("They chanted “¡Viva la libertad!” outside."), "LN802") == []


def test_preserved_note_removed():
    text = "“We hold the line,” he posted (orthography and punctuation preserved)."
    found = only(lint(text), "LN803")
    assert spans(found) == [("(orthography and punctuation preserved)", 30, 69)]
    assert apply_suggestions(text, found) == "“We hold the line,” he posted."


def test_translator_note_without_fix():
    found = only(lint("The oblast (N. del T.: region) was shelled."), "LN803")
    assert spans(found) == [("(N. del T.: region)", 11, 30)]
    assert fixes(found) == []


def test_sic_and_editors_note_are_silent():
    assert only(lint("He wrote “we was there” (sic). (Editor's note: corrected at 10:00.)"), "LN803") == []


def test_known_mistranslation_keeps_case_and_gives_reason():
    text = "Fragging wounds were treated, and twelve servicemen were destroyed."
    found = only(lint(text), "LN804")
    assert spans(found) == [("Fragging wounds", 0, 15), ("servicemen were destroyed", 41, 66)]
    assert fixes(found) == ["Shrapnel wounds", "servicemen were killed"]
    assert "shell fragments" in found[0].message
    assert found[0].fixes[0].applicability is SAFE and not found[1].fixes[0].applicability is SAFE


def test_nearest_legitimate_text_is_silent():
    assert only(lint("A shrapnel wound; the bridge was destroyed; he denounced the plan."), "LN804") == []


def test_newsroom_can_add_mistranslation_rules(tmp_path):
    from lintnews import Config, lint_text

    (tmp_path / "house.toml").write_text('''
[[rule]]
code = "NEWS801"
name = "house-calque"
kind = "mistranslation"
category = "translation"
severity = "info"
summary = "House list."
[[rule.term]]
found = "special military operation"
expected = "invasion"
reason = "house style"
[[rule.examples]]
text = "The special military operation began."
expect = ["NEWS801"]
[[rule.examples]]
text = "The invasion began."
''', encoding="utf-8")
    found = lint_text("The special military operation began.", Config(rules=(str(tmp_path),), select=("LN", "NEWS")), "a.txt")
    assert [(f.rule, f.excerpt) for f in found if f.rule == "NEWS801"] == [
        ("NEWS801", "special military operation")]


def test_machine_translation_notice_line_is_removed_after_review():
    text = "The talks ended.\n\nTranslated with www.DeepL.com/Translator (free version)\n"
    found = only(lint(text), "LN808")
    assert spans(found) == [("Translated with www.DeepL.com/Translator (free version)", 18, 73)]
    assert found[0].fixes == (Fix.replace(18, 74, "", UNSAFE),)


def test_machine_translation_notice_inside_a_sentence_or_a_translators_credit_is_silent():
    assert only(lint("The letter, translated with DeepL by the ministry, was read.\n"), "LN808") == []
    assert only(lint("The talks ended.\nTranslated by Anna Smith\n"), "LN808") == []
