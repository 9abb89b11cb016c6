"""LN611-LN616 source-language spacing, LN210 institution names, LN310 title tails (issue 22)."""
from __future__ import annotations

from lintnews.finding import SAFE
from tests.helpers import apply_suggestions, fixes, lint, only, spans


def _at(text: str, part: str, nth: int = 0) -> tuple[str, int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return part, start, start + len(part)


# -- LN611 ------------------------------------------------------------------------
def test_space_after_opening_quote_and_bracket():
    text = "Direct speech: “ We also discussed it.” The party PAS ( Party of Action ) won."
    found = only(lint(text), "LN611")
    assert spans(found) == [_at(text, "“ "), _at(text, "( "), _at(text, " )")]
    assert apply_suggestions(text, found) == (
        "Direct speech: “We also discussed it.” The party PAS (Party of Action) won.")
    # the engine makes any fix inside a quotation unsafe (engine/overlap.py)
    assert [f.fixes[0].applicability is SAFE for f in found] == [False, True, True]
    assert found[0].severity.name == "INFO"


def test_space_before_closing_quote_at_the_end():
    text = "It is known as “earthquake diplomacy ”, she said."
    assert spans(only(lint(text), "LN611")) == [_at(text, " ”")]


def test_quotes_and_brackets_set_right_are_silent():
    text = "He said “We won” and left (quietly). The sign read « Bonjour ». A “ mark closed later."
    assert only(lint(text), "LN611") == []


# -- LN612 ------------------------------------------------------------------------
def test_split_possessive_and_contraction():
    text = "Recean is one of the president’ s advisers; they don' t agree."
    found = only(lint(text), "LN612")
    assert spans(found) == [_at(text, "’ s"), _at(text, "' t")]
    assert apply_suggestions(text, found) == "Recean is one of the president’s advisers; they don't agree."


def test_quoted_letters_are_not_contractions():
    assert only(lint("The ‘A’ s were printed; he wrote 'yes' s twice."), "LN612") == []


# -- LN613 ------------------------------------------------------------------------
def test_spaced_thousands_separator():
    text = "The quake killed more than 33, 000 people and 1, 250, 000 were displaced."
    found = only(lint(text), "LN613")
    assert spans(found) == [_at(text, "33, 000"), _at(text, "1, 250, 000")]
    assert fixes(found) == ["33,000", "1,250,000"]
    assert [f.fixes[0].applicability is SAFE for f in found] == [True, True]


def test_ambiguous_group_is_an_unsafe_fix():
    found = only(lint("Officials counted 12, 500 displaced people."), "LN613")
    assert fixes(found) == ["12,500"] and not found[0].fixes[0].applicability is SAFE


def test_lists_dates_and_years_are_silent():
    text = ("Rooms 101, 202 and 303; seats 3, 4 and 5; on May 12, 500 troops left; "
            "in 2022, 300 people fled; flights 101, 202, 303 left.")
    assert only(lint(text), "LN613") == []


# -- LN614 ------------------------------------------------------------------------
def test_glued_opening_bracket():
    text = "In Moldova( also: Moldavia) the president spoke. The party(Party of Action) won."
    found = only(lint(text), "LN614")
    assert spans(found) == [_at(text, "( "), ("(", text.index("(P"), text.index("(P") + 1)]
    assert apply_suggestions(text, found) == (
        "In Moldova (also: Moldavia) the president spoke. The party (Party of Action) won.")


def test_marks_inside_words_are_silent():
    assert only(lint("Name the minister(s) and student(in); CO2(g) and getData(a, b) and fooBar(x y)."),
                "LN614") == []


# -- LN615 ------------------------------------------------------------------------
def test_russian_attribution_dash():
    text = "“We worked in crisis mode”, - said the minister. \"It will pass,\" – wrote the analyst."
    found = only(lint(text), "LN615")
    assert spans(found) == [_at(text, " -"), _at(text, " –")]
    assert apply_suggestions(text, found) == (
        "“We worked in crisis mode”, said the minister. \"It will pass,\" wrote the analyst.")


def test_dash_after_a_quoted_title_is_silent():
    text = "The slogan “Yes We Can” - a phrase from 2008 - won. “We won,” he said - and left."
    assert only(lint(text), "LN615") == []


# -- LN616 ------------------------------------------------------------------------
def test_full_stop_before_comma():
    text = "She was under pressure. , as she said. Tools, parts, etc. , were sold."
    found = only(lint(text), "LN616")
    assert spans(found) == [_at(text, ". ,"), _at(text, ". ,", 1)]
    assert apply_suggestions(text, found) == "She was under pressure, as she said. Tools, parts, etc., were sold."


# -- LN210 ------------------------------------------------------------------------
def test_institution_with_lowercased_words():
    text = "The Ministry of defense of Ukraine wrote to the Ministry of foreign affairs."
    found = only(lint(text), "LN210")
    assert spans(found) == [_at(text, "Ministry of defense"), _at(text, "Ministry of foreign affairs")]
    assert apply_suggestions(text, found) == (
        "The Ministry of Defense of Ukraine wrote to the Ministry of Foreign Affairs.")


def test_institution_lowercase_generic_or_at_sentence_start_is_silent():
    text = ("Each country's ministry of defence agreed. Ministry of defence officials left.\n"
            "The Ministry of Defence and the defence ministry met.")
    assert only(lint(text), "LN210") == []


# -- LN310 ------------------------------------------------------------------------
def test_title_tail_on_the_first_line():
    text = "Zelensky visits London - DW - 09.02.2023\nThe president arrived on Wednesday.\n"
    found = only(lint(text), "LN310")
    assert spans(found) == [_at(text, " - DW - 09.02.2023")]
    assert apply_suggestions(text, found) == "Zelensky visits London\nThe president arrived on Wednesday.\n"


def test_title_tail_cut_in_the_middle_of_the_title():
    text = "Minister visited Turkey - DW-12 - the head of the ministry visited. 02 2023\nText.\n"
    assert spans(only(lint(text), "LN310")) == [_at(text, " - DW-12")]


def test_dated_tail_on_a_later_line_and_sites_in_sentences():
    text = ("Headline\nIt was reported by DW - and by the BBC.\nThe king met him - BBC News said so.\n"
            "Earlier story - DW - 10.02.2023\n")
    assert spans(only(lint(text), "LN310")) == [_at(text, " - DW - 10.02.2023")]
