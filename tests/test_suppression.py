"""Suppression comments, allow phrases and per-file ignores."""
from __future__ import annotations

from tests.helpers import lint, spans


def test_disable_enable_block_by_prefix():
    text = ("kyiv one.\n\n<!-- lintnews-disable LN2 -->\nkyiv two.\n<!-- lintnews-enable -->\n\n"
            "kyiv three.\n")
    found = spans(lint(text, "a.md"), "LN201")
    assert [s[1] for s in found] == [0, text.index("kyiv three")]


def test_disable_only_named_code_keeps_others():
    text = "<!-- lintnews-disable LN202 -->\nKiev and kyiv.\n"
    codes = [(f.rule, f.excerpt) for f in lint(text, "a.md")]
    assert codes == [("LN201", "kyiv")]


def test_disable_next_line_in_html():
    text = "<p>kyiv a</p>\n<!-- lintnews-disable-next-line LN201 -->\n<p>kyiv b</p>\n<p>kyiv c</p>\n"
    found = spans(lint(text, "a.html"), "LN201")
    assert [text[s[1]:s[1] + 6] for s in found] == ["kyiv a", "kyiv c"]


def test_unknown_code_in_suppression_is_reported():
    text = "<!-- lintnews-disable LN299X -->\nKyiv.\n"
    found = [(f.rule, f.line) for f in lint(text, "a.md")]
    assert found == [("LN001", 1)]


def test_suppression_comments_do_nothing_in_plain_text():
    text = "<!-- lintnews-disable -->\nkyiv\n"
    assert [f.rule for f in lint(text, "a.txt")] == ["LN201"]


def test_allow_phrase_is_never_flagged():
    text = "Dynamo Kiev won in 1986. Kiev fell silent."
    found = spans(lint(text, allow=("Dynamo Kiev",)), "LN202")
    assert found == [("Kiev", text.rindex("Kiev"), text.rindex("Kiev") + 4)]


def test_two_rules_with_the_same_fix_on_the_same_span_report_once():
    text = "The talks ended. kyiv said nothing."
    found = [(f.rule, f.excerpt) for f in lint(text)]
    assert found == [("LN201", "kyiv")]
