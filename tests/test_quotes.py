"""LN4xx quotes and the shared quotation interface (`lintnews.quotation`)."""
from __future__ import annotations

import pytest

from lintnews.markup import make_document
from lintnews.quotation import in_quotation, quoted_spans

from helpers import apply_suggestions, fixes, lint, spans


def quotes(text, **kw):
    return [f for f in lint(text, **kw) if f.rule.startswith("LN4")]


@pytest.mark.parametrize("text", [
    "The Kremlin’s view, the Ukrainians’ view and the ’90s were all discussed at six o’clock.\n",
    "He played rock ’n’ roll and rock 'n' roll in the '90s, didn't he?\n",
    "He called it an ‘act of aggression’ and named the ‘Lake – Hill’ road.\n",
    "She said: “They told us ‘leave now’ and we left.”\n",
    '"It is over," he said. "We go home," she said. The players\' bus left.\n',
    "«Правда» and «Известия» printed it.\n",
])
def test_legitimate_quotation_is_silent(text):
    assert quotes(text) == []


def test_multi_paragraph_quotation_with_reopening_is_silent():
    text = "The mayor said “we will rebuild the bridge.\n“It will take a year,” she added.\n"
    assert quotes(text) == []


def test_quotation_running_over_lines_from_the_paragraph_start_is_silent():
    # scraped text breaks lines inside quotations; the quotation began its paragraph
    text = "\"We lost everything in the fire.\nNow we start again,\" she said.\n"
    assert quotes(text) == []


def test_unclosed_quote_points_at_the_opening_mark():
    text = "The mayor said “we will rebuild the bridge.\nThe council agreed.\n"
    assert spans(quotes(text), "LN401") == [("“", 15, 16)]
    assert fixes(quotes(text)) == []


def test_stray_closing_mark_after_a_repeated_fragment():
    text = "“We will rebuild,” she said, “what was lost.” was lost”.\n"
    found = quotes(text)
    assert [(f.rule, f.offset) for f in found] == [("LN402", text.rindex("”"))]


def test_split_quotation_points_at_the_closing_mark_in_the_next_paragraph():
    text = "A neighbour spoke. “The roof fell in, and we ran.\nIt was awful.”\n"
    found = quotes(text)
    assert [(f.rule, f.offset) for f in found] == [("LN403", text.rindex("”"))]
    assert "line 1" in found[0].message


def test_quote_opened_inside_an_open_quote():
    text = "He said: “We tried to stop it. “Then it was too late,” he added.\n"
    found = quotes(text)
    assert [(f.rule, f.excerpt, f.offset) for f in found] == [("LN404", "“", text.index("“Then"))]


def test_reopened_and_never_closed_gives_both_findings_on_the_second_mark():
    text = "He said: “We tried to stop it. “Then it was too late.\nThe town fell.\n"
    found = quotes(text)
    at = text.index("“Then")
    assert [(f.rule, f.offset) for f in found] == [("LN401", at), ("LN404", at)]


def test_nested_straight_quotes_that_balance_are_silent():
    assert quotes('It was more "sweeping and "vague" law" than this.\n') == []


def test_mixed_pair_fixes_the_mark_out_of_style():
    text = "“One,” he said. “Two\" she said.\n"
    found = quotes(text)
    assert spans(found, "LN405") == [('"', 20, 21)]
    assert apply_suggestions(text, found) == "“One,” he said. “Two” she said.\n"


def test_mixed_style_reports_the_minority_with_safe_twins():
    text = "“One,” he said. “Two,” she said. \"Three,\" they said.\n"
    found = quotes(text)
    assert [(f.rule, f.offset) for f in found] == [("LN406", 33), ("LN406", 40)]
    assert all(s.safe for f in found for s in f.suggestions)
    assert apply_suggestions(text, found) == "“One,” he said. “Two,” she said. “Three,” they said.\n"


def test_mixed_style_tie_is_silent():
    assert quotes("“One,” he said. \"Two,\" she said.\n") == []


def test_guillemets_become_english_marks_by_depth():
    text = "It said «the so-called „experts“ lied» today.\n"
    found = quotes(text)
    assert {f.rule for f in found} == {"LN407"}
    assert [f.excerpt for f in found] == ["«", "„", "“", "»"]
    assert apply_suggestions(text, found) == "It said “the so-called ‘experts’ lied” today.\n"


def test_guillemets_follow_a_straight_document():
    text = 'He said "yes." It said «no» today. "Maybe," she said.\n'
    assert apply_suggestions(text, quotes(text)) == 'He said "yes." It said "no" today. "Maybe," she said.\n'


def test_lone_guillemet_has_no_fix():
    found = quotes("It said «no today.\n")
    assert [(f.rule, f.excerpt, f.suggestions) for f in found] == [("LN407", "«", ())]


def test_quoted_spans_are_the_balanced_outermost_quotations():
    text = "He said “we ‘will’ win” and “so” today.\nShe said “one.\n“Two,” she added.\n"
    doc = make_document(text)
    first, second = text.index("“we"), text.index("“so")
    third = text.index("“one")
    assert quoted_spans(doc) == [
        (first, text.index("”") + 1), (second, second + 4), (third, text.rindex("”") + 1)]
    assert in_quotation(doc, text.index("will"), text.index("will") + 4)
    assert not in_quotation(doc, text.index("today"), text.index("today") + 5)
    assert quoted_spans(doc) is quoted_spans(doc)  # computed once, cached on the document


def test_markdown_paragraphs_are_the_unit():
    text = "She said “we will\nrebuild the bridge” today.\n\nThe council agreed.\n"
    assert quotes(text, filename="a.md") == []
