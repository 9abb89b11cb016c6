"""LN804-LN807: calques, calqued labels, transliterated acronyms, translated names (issue 22)."""
from __future__ import annotations

from lintnews.finding import SAFE
import importlib.util
from pathlib import Path

import pytest

from lintnews.engine.rulefiles import load_rules
from lintnews.errors import RuleFileError
from lintnews.kinds.substitution import expand
from tests.helpers import apply_suggestions, fixes, lint, only, spans

ROOT = Path(__file__).resolve().parent.parent


# -- the kind's data syntax ------------------------------------------------------
def test_expand_gives_every_combination_and_fills_references():
    assert expand("it is {said|spoken} in the {article|report}", "the {2} says") == [
        ("it is said in the article", "the article says"),
        ("it is said in the report", "the report says"),
        ("it is spoken in the article", "the article says"),
        ("it is spoken in the report", "the report says"),
    ]
    assert expand("fragging wound", "shrapnel wound") == [("fragging wound", "shrapnel wound")]


def test_expanded_calque_reports_the_chosen_noun():
    text = "Kyiv will answer, - it is spoken in the statement of the ministry."
    found = only(lint(text), "LN804")
    assert spans(found) == [("it is spoken in the statement", 20, 49)]
    assert fixes(found) == ["the statement says"]
    assert not found[0].fixes[0].applicability is SAFE


def test_calque_fix_is_safe_only_where_marked():
    text = "Volunteers found a brotherly grave near Izium."
    found = only(lint(text), "LN804")
    assert spans(found) == [("brotherly grave", 19, 34)]
    assert apply_suggestions(text, found) == "Volunteers found a mass grave near Izium."
    assert found[0].fixes[0].applicability is SAFE


def test_canal_is_a_waterway_unless_a_channel_speaks():
    assert fixes(only(lint("His Telegram canal and TV canal were blocked."), "LN804")) == [
        "Telegram channel", "TV channel"]
    assert only(lint("Barges use the canal; the Suez Canal reopened."), "LN804") == []


# -- LN805 labels ---------------------------------------------------------------
def test_label_at_line_start_with_colon():
    text = "Direct language of Zaluzhnyi: “We will hold.”\nYermak's direct speech: “They lose.”\nRecall: the dam fell."
    found = only(lint(text), "LN805")
    assert spans(found) == [("Direct language", 0, 15), ("direct speech", 55, 68), ("Recall", 83, 89)]
    assert "Пряма мова" in found[0].message


def test_label_words_in_a_sentence_are_silent():
    text = ("Children learn direct speech in school: quotes and commas.\n"
            "Literally, the town vanished.\nWe recall the war: it was long.\nRecall that the dam fell.")
    assert only(lint(text), "LN805") == []


# -- LN806 acronyms ---------------------------------------------------------------
def test_acronyms_in_a_ukraine_text():
    text = "Ukraine said the ZAES lost power and the PPO shot down a BPLA."
    found = only(lint(text), "LN806")
    assert spans(found) == [("ZAES", 17, 21), ("PPO", 41, 44), ("BPLA", 57, 61)]
    assert fixes(found) == ["ZNPP", "air defence", "drone"]
    assert not any(f.fixes[0].applicability is SAFE for f in found)


def test_acronyms_need_a_russia_or_ukraine_context():
    assert only(lint("The DRG code of the PPO plan covers the MID range."), "LN806") == []
    assert [f.excerpt for f in only(lint("In Kyiv the DRG was seen."), "LN806")] == ["DRG"]


def test_acronym_only_as_written_and_not_in_a_designation():
    text = "Ukraine got ZSU-23-4 guns and Bofors L70-RT guns; zsu and Zsu are not acronyms. The ZSU held."
    assert spans(only(lint(text), "LN806")) == [("ZSU", 84, 87)]


def test_acronym_not_in_a_headline_in_capitals():
    assert only(lint("RUSSIA SAYS THE ZSU RETREATED FROM THE CITY\nThe army held.\n"), "LN806") == []


def test_english_acronyms_only_in_coined_words():
    text = "Russia's FSB and the KGB; the KGBists and an NKVDIst; a communist-KDBist regime."
    found = only(lint(text), "LN806")
    assert spans(found) == [("KGBists", 30, 37), ("NKVDIst", 45, 52), ("KDBist", 66, 72)]
    assert fixes(found) == ["KGB officers", "NKVD officer", "KGB officer"]
    assert "coined" in found[0].message


def test_frg_beside_the_gdr_is_history():
    assert [f.excerpt for f in only(lint("Russia and the FRG signed a deal."), "LN806")] == ["FRG"]
    assert only(lint("In 1970 the Soviet Union, the FRG and the GDR met."), "LN806") == []


# -- LN807 names -------------------------------------------------------------------
def test_translated_names_get_their_english_form():
    text = "Russia shut North Stream 2, European Truth and the French Press Agency reported."
    found = only(lint(text), "LN807")
    assert spans(found) == [("North Stream", 12, 24), ("European Truth", 28, 42),
                            ("the French Press Agency", 47, 70)]
    assert apply_suggestions(text, found) == (
        "Russia shut Nord Stream 2, European Pravda and Agence France-Presse reported.")


def test_names_as_written_in_context_only():
    assert only(lint("Russia's gas flows through Nord Stream; the north stream of the glacier melts."),
                "LN807") == []
    assert only(lint("The North Stream trail follows the creek."), "LN807") == []


# -- bad data ------------------------------------------------------------------------
def _rules(tmp_path, body: str):
    (tmp_path / "house.toml").write_text(body, encoding="utf-8")
    return load_rules([tmp_path])


def test_unknown_context_is_an_error(tmp_path):
    with pytest.raises(RuleFileError, match="unknown context"):
        from lintnews.kinds import build_checks
        build_checks(_rules(tmp_path, """
[[rule]]
code = "NEWS101"
name = "house-acronyms"
kind = "mistranslation"
category = "translation"
severity = "warning"
summary = "x"
context = "nowhere"
[[rule.term]]
found = "ABC"
expected = "x"
reason = "y"
[[rule.examples]]
text = "ABC"
expect = ["NEWS101"]
[[rule.examples]]
text = "x"
"""))


# -- the proposing tool ----------------------------------------------------------------
def _tool():
    spec = importlib.util.spec_from_file_location("propose_acronyms", ROOT / "tools" / "propose_acronyms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_tool_romanizes_by_the_schemes_mt_uses():
    tool = _tool()
    assert tool.romanizations("ЗСУ", "uk") == ["ZSU"]
    assert {"MCHS", "MChS"} <= set(tool.romanizations("МЧС", "ru"))
    assert {"BZHD", "BZhD", "BJD"} <= set(tool.romanizations("БЖД", "ru"))
    assert tool.romanizations("МАГАТЕ", "uk")[0] == "MAHATE"
    assert tool.romanizations("ABC", "ru") == []


def test_tool_comments_out_english_collisions(tmp_path, capsys):
    data = tmp_path / "a.tsv"
    data.write_text("ДРГ\tru\tsabotage group\tacronym\nКДБ\tuk\tKGB\tacronym\n", encoding="utf-8")
    assert _tool().main(["--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert '# found = "DRG"' in out and '\nfound = "KDB"' in out


def test_tool_missing_file_is_a_message(tmp_path, capsys):
    assert _tool().main(["--data", str(tmp_path / "none.tsv")]) == 2
    assert "cannot read" in capsys.readouterr().err


def _names_tool():
    spec = importlib.util.spec_from_file_location("propose_translated_names",
                                                  ROOT / "tools" / "propose_translated_names.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_names_tool_translates_word_by_word():
    tool = _names_tool()
    glossary = {"північн": ["North", "Northern"], "поток": ["Stream"], "потік": ["Stream"]}
    assert tool.renderings("Північний потік", glossary) == ["North Stream", "Northern Stream"]
    assert tool.renderings("Північний газопровід", glossary) is None


def test_names_tool_skips_the_names_own_english(tmp_path, capsys):
    names = tmp_path / "n.tsv"
    names.write_text("Слуга народу\tServant of the People\nРадіо Свобода\tRadio Liberty\n", encoding="utf-8")
    glossary = tmp_path / "g.tsv"
    glossary.write_text("слуга\tServant\nнарод\tof the People\nрадіо\tRadio\nсвобод\tFreedom|Liberty\n",
                        encoding="utf-8")
    assert _names_tool().main(["--names", str(names), "--glossary", str(glossary)]) == 0
    out = capsys.readouterr().out
    assert 'found = "Radio Freedom"' in out
    assert "Servant" not in out and 'found = "Radio Liberty"' not in out


def test_northern_stream_and_newspapers():
    text = "Moscow's Northern Stream and the New Newspaper: Russia says so."
    assert fixes(only(lint(text), "LN807")) == ["Nord Stream", "Novaya Gazeta"]


def test_acronym_that_is_also_english_needs_context_in_its_paragraph():
    text = "Ukraine's army held the line.\nThe DRG code and the MID range were set.\nIn Kyiv the DRG was seen."
    assert spans(only(lint(text), "LN806")) == [("DRG", text.rindex("DRG"), text.rindex("DRG") + 3)]
    # an acronym English does not use needs the context anywhere in the text
    assert [f.excerpt for f in only(lint("Ukraine's army held.\nThe ZSU left."), "LN806")] == ["ZSU"]
