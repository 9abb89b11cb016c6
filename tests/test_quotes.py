"""LN4xx quotes and the shared quotation interface (`lintnews.text.quotation`)."""
from __future__ import annotations

from lintnews.finding import SAFE
import pytest

from lintnews.markup import make_document
from lintnews.text.quotation import in_quotation, quoted_spans

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


def test_split_quotation_points_at_the_closing_mark_in_the_next_paragraph():
    text = "A neighbour spoke. “The roof fell in, and we ran.\nIt was awful.”\n"
    found = quotes(text)
    assert [(f.rule, f.offset) for f in found] == [("LN403", text.rindex("”"))]
    assert "line 1" in found[0].message


def test_reopened_and_never_closed_is_one_finding_on_the_second_mark():
    # the same character is reported once, and the message says both things
    text = "He said: “We tried to stop it. “Then it was too late.\nThe town fell.\n"
    found = quotes(text)
    at = text.index("“Then")
    assert [(f.rule, f.offset) for f in found] == [("LN404", at)]
    assert "never closed either" in found[0].message


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
    assert all(x.applicability is SAFE for f in found for x in f.fixes)
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
    assert [(f.rule, f.excerpt, f.fixes) for f in found] == [("LN407", "«", ())]


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


# -- severity policy: mixing styles is a style note unless the house has chosen

def test_mixed_style_is_info_without_a_house_convention():
    text = "“One,” he said. “Two,” she said. \"Three,\" they said.\n"
    assert {(f.rule, str(f.severity)) for f in quotes(text)} == {("LN406", "info")}


def test_mixed_pair_is_info_without_a_house_convention():
    found = quotes("“One,” he said. “Two\" she said.\n")
    assert [(f.rule, str(f.severity)) for f in found] == [("LN405", "info")]


def test_house_convention_makes_every_other_mark_a_warning():
    text = "\"One,\" he said. \"Two,\" she said.\n"  # consistent, but not the house's marks
    found = quotes(text, quotes="curly")
    assert [(f.rule, str(f.severity), f.offset) for f in found] == [
        ("LN406", "warning", 0), ("LN406", "warning", 5), ("LN406", "warning", 16), ("LN406", "warning", 21)]
    assert "house style writes curly" in found[0].message
    assert apply_suggestions(text, found) == "“One,” he said. “Two,” she said.\n"
    assert quotes(text, quotes="straight") == []


def test_style_profile_convention_sets_the_house_marks():
    text = "\"One,\" he said.\n"
    assert [str(f.severity) for f in quotes(text, style="bbc")] == ["warning", "warning"]
    assert quotes(text, style="bbc", quotes="any") == []


def test_mixed_pair_under_house_convention_is_a_warning():
    found = quotes("“One,” he said. “Two\" she said.\n", quotes="curly")
    assert [(f.rule, str(f.severity), f.excerpt) for f in found] == [("LN405", "warning", '"')]


def test_broken_pair_stays_a_warning_without_a_convention():
    found = quotes("The mayor said “we will rebuild.\nThe council agreed.\n")
    assert [(f.rule, str(f.severity)) for f in found] == [("LN401", "warning")]


# -- inch and foot marks

@pytest.mark.parametrize("text", [
    'He bought a 34" monitor and a 27" one.\n',
    'The centre is 6\'2" tall and the guard 5\' 11".\n',
    '“We bought a 34” monitor,” she said.\n',
    '"It has a 34" screen," she said. "Good," he said.\n',
])
def test_inch_and_foot_marks_after_digits_are_not_quotation_marks(text):
    assert quotes(text) == []


def test_real_unclosed_quote_after_an_inch_mark_still_fires():
    text = 'He bought a 34" monitor and said "it is great.\nThe shop closed.\n'
    assert spans(quotes(text), "LN401") == [('"', 33, 34)]


def test_closing_mark_after_a_number_still_closes():
    text = '"The score was 3-2" he said. She left.\n'
    assert quotes(text) == []
    assert quoted_spans(make_document(text)) == [(0, text.index('" he') + 1)]


def test_real_unclosed_quote_before_a_number_still_fires():
    text = 'The sign read "Room 101 is closed for 34 days.\nNobody came.\n'
    assert spans(quotes(text), "LN401") == [('"', 14, 15)]


# -- arrows and bullets

@pytest.mark.parametrize("text", [
    "Find a licensed professional near you »\n",
    "» Read the full report\n",
    "Home » World » Europe\n",
    "Next story › The budget vote\n",
])
def test_guillemets_as_arrows_and_bullets_are_silent(text):
    assert quotes(text) == []


def test_real_foreign_guillemets_beside_an_arrow_still_fire():
    text = "The agency called it «a provocation». More news »\n"
    found = quotes(text)
    assert [(f.rule, f.excerpt) for f in found] == [("LN407", "«"), ("LN407", "»")]
    assert found[1].offset == text.index("»")


def test_french_spaced_guillemets_are_still_a_pair():
    text = "The agency called it « a provocation » on Monday.\n"
    assert [f.excerpt for f in quotes(text)] == ["«", "»"]


# -- AP's doubled single marks

def test_ap_doubled_single_marks_are_one_double_mark():
    text = ("“It was an attempt,’’ he told the BBC. “And it is wrong.”\n\n"
            "It said that ‘‘voters are entitled to it.’’ It has “a role.’’\n")
    assert quotes(text) == []


def test_ap_marks_mixed_with_straight_get_a_two_character_fix():
    text = "\"One,\" he said. \"Two,\" she said. \"Three,’’ they said.\n"
    found = quotes(text)
    assert [(f.rule, f.excerpt) for f in found] == [("LN405", "’’")]
    assert apply_suggestions(text, found).endswith('"Three," they said.\n')


def test_a_real_stray_single_closing_mark_pair_still_fires():
    text = "He said “we will win.’’ and then ’’ again.\n"
    assert [f.rule for f in quotes(text)] == ["LN402"]


# -- headline single quotes

def test_headline_single_quotes_are_not_a_minority_style():
    text = ("Putin 'deserves medal' says ally\n\n"
            "“He said ‘go’,” the ally said. “He said ‘win’,” he added.\n")
    assert quotes(text) == []


def test_headline_ending_in_its_quotation_is_a_headline():
    text = ("Putin 'deserves medal'\n\n"
            "“He said ‘go’,” the ally said. “He said ‘win’,” he added.\n")
    assert quotes(text) == []
    body_only = text.replace("Putin 'deserves medal'\n\n", "Putin deserves a 'medal', he said.\n\n")
    assert [f.rule for f in quotes(body_only)] == ["LN406", "LN406"]  # the twin in a sentence


def test_single_quotes_still_count_against_single_quotes_in_the_body():
    text = ("He called it an ‘act’, a ‘crime’ and a ‘lie’, and 'a shame', she said today.\n")
    found = quotes(text)
    assert [(f.rule, f.excerpt) for f in found] == [("LN406", "'"), ("LN406", "'")]


# -- quotations over many paragraphs: one quotation, one finding

def test_quotation_over_many_paragraphs_with_inner_quotes_is_silent():
    text = ("“We left at dawn,” she said. “The road was closed.\n\n"
            "“Then the soldiers said ‘go back’ and we did.\n\n"
            "“We waited three days. Nobody came.”\n")
    assert quotes(text) == []


def test_paragraph_without_continuation_mark_is_one_finding_naming_both_ends():
    text = ("She said: “We left at dawn. The road was closed.\n\n"
            "Then the soldiers said ‘go back’ and we did. We waited.”\n")
    found = quotes(text)
    assert [(f.rule, f.excerpt, f.offset) for f in found] == [("LN403", "”", text.rindex("”"))]
    assert "opened with “ on line 1" in found[0].message


def test_unclosed_then_stray_far_apart_is_one_finding():
    text = ("She said: “We left at dawn.\n\nA second paragraph.\n\n"
            "He said “another one” then.\n\nIt ended there.” The end.\n")
    found = quotes(text)
    assert [(f.rule, f.offset) for f in found] == [("LN403", text.rindex("”"))]
    assert "line 1" in found[0].message


def test_a_stray_without_any_open_quotation_still_fires():
    assert [f.rule for f in quotes("They left.” The end.\n")] == ["LN402"]


def test_dropped_closing_mark_before_a_paragraph_with_its_own_quotes_still_fires():
    # the next paragraph neither continues nor closes the quotation: it is unclosed
    text = ("“We came here in 2014,” he said. “We built it.\n\n"
            "The children said ‘thank you’.\n\n“Then the war came back.”\n")
    found = quotes(text)
    assert [(f.rule, f.offset) for f in found] == [("LN401", text.index("“We built"))]
