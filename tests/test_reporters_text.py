"""The text report's words: each finding's severity, and a quotation mark named in its fix."""
from __future__ import annotations

import re

# Our own short article: an error (a lowercase name), a warning (a Russian-derived name)
# and a note (a quotation opened straight and closed curly).
ARTICLE = 'Officials in kyiv met the Kiev mayor. He said "we will stay” and left.\n'


def test_piped_output_says_each_findings_severity_in_words(run_cli, tmp_path):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run_cli("check", "--select", "LN2,LN405", "story.txt")  # a pipe, as in pre-commit or CI
    heads = [line for line in proc.stdout.splitlines() if line.startswith("story.txt:")]
    assert heads == [
        "story.txt:1:14: error: LN201 [capitalization] “kyiv” is a proper noun: write “Kyiv”.",
        "story.txt:1:27: warning: LN202 [transliteration] “Kiev” is the Russian-derived spelling of Київ: "
        "English news writes “Kyiv”. This text also writes “Kyiv” once, in lowercase.",
        "story.txt:1:47: info: LN405 [quotes] This quotation opens with \" and closes with ”: "
        "write “ here so the two marks match.",
    ]
    assert "\x1b[" not in proc.stdout


def test_a_configured_severity_is_the_word_shown(run_cli, tmp_path):
    (tmp_path / "story.txt").write_text("Officials in kyiv said so.\n", encoding="utf-8")
    (tmp_path / ".lintnews.toml").write_text('severity = {LN201 = "info"}\n', encoding="utf-8")
    assert run_cli("check", "story.txt").stdout.startswith("story.txt:1:14: info: LN201 ")


def test_a_terminal_gets_colours_and_the_same_words(run_cli, tmp_path):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    coloured = run_cli("check", "--select", "LN201", "story.txt", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in coloured
    plain = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert plain.splitlines()[0] == "story.txt:1:14: error: LN201 [capitalization] “kyiv” is a proper noun: write “Kyiv”."


def test_a_fix_that_puts_in_a_quotation_mark_names_it(run_cli, tmp_path):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    out = run_cli("check", "--select", "LN405", "story.txt").stdout
    assert "      = fix: replace with a curly opening quotation mark “ (safe)\n" in out
    # a word keeps its quotes
    out = run_cli("check", "--select", "LN201", "story.txt").stdout
    assert "      = fix: replace with “Kyiv” (safe)\n" in out


def test_shown_names_marks_and_quotes_words():
    from lintnews.report.wording import shown

    assert shown("“") == "a curly opening quotation mark “"
    assert shown("”") == "a curly closing quotation mark ”"
    assert shown('"') == 'a straight quotation mark "'
    assert shown("«") == "an opening guillemet «"
    assert shown("Kyiv") == "“Kyiv”"
    assert shown("“Kyiv”") == "““Kyiv””"  # a quotation, not a mark: shown as written
