"""LN704-LN705: phrases repeated inside a sentence (issue 22)."""
from __future__ import annotations

from lintnews.finding import SAFE
from tests.helpers import apply_suggestions, lint, only, spans


def _at(text: str, part: str, nth: int = 0) -> tuple[str, int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return part, start, start + len(part)


def test_phrase_repeated_back_to_back():
    text = "The land border was closed in 1993 in 1993. Allies came to help Turkey to help Turkey."
    found = only(lint(text), "LN704")
    assert spans(found) == [_at(text, " in 1993", 1), _at(text, " to help Turkey", 1)]
    assert apply_suggestions(text, found) == "The land border was closed in 1993. Allies came to help Turkey."
    assert not found[0].fixes[0].applicability is SAFE
    assert "“in 1993” is said twice" in found[0].message


def test_phrase_repeated_with_and():
    text = "All war criminals will be brought to justice and brought to justice, he said."
    found = only(lint(text), "LN704")
    assert spans(found) == [_at(text, " and brought to justice")]
    assert apply_suggestions(text, found) == "All war criminals will be brought to justice, he said."


def test_longer_phrase_across_a_comma():
    text = "Troops left the city of Lyman, the city of Lyman, on Friday."
    assert spans(only(lint(text), "LN704")) == [_at(text, ", the city of Lyman")]


def test_legitimate_repetitions_are_silent():
    text = ("Prices rose again and again, more and more, day by day; very, very fast. "
            "Go on, go on. The clock went tick tock tick tock. New York, New York is a song. "
            "We flew to Bora Bora.\n“We will fight, we will fight,” he said.\n"
            "He won 3 - 1 3 - 1 twice. Never again. Never again.")
    assert only(lint(text), "LN704") == []


def test_one_word_doubled_is_ln604_not_ln704():
    found = lint("The minister said that the the talks failed.")
    assert only(found, "LN704") == [] and len(only(found, "LN604")) == 1


def test_surname_doubled_is_reported_but_not_a_place():
    text = "We switch to NATO models  Zaluzhnyi  Zaluzhnyi\nHe flew to Walla Walla."
    found = only(lint(text), "LN704")
    assert spans(found) == [_at(text, "  Zaluzhnyi", 1)]
    assert "written twice" in found[0].message


def test_copies_on_two_lines_are_silent():
    assert only(lint("The army held the bridge\nthe bridge fell later."), "LN704") == []


def test_source_said_twice_at_the_end():
    text = "The two countries are moving closer, writes dpa on Sunday, February 12, dpa."
    found = only(lint(text), "LN705")
    assert spans(found) == [_at(text, ", dpa")]
    assert apply_suggestions(text, found) == "The two countries are moving closer, writes dpa on Sunday, February 12."


def test_clause_said_again_to_its_end():
    text = ("Parties - with support from the Kremlin - have become more popular, "
            "with support from the Kremlin - becoming more popular.")
    found = only(lint(text), "LN705")
    assert spans(found) == [_at(text, ", with support from the Kremlin - becoming more popular")]


def test_parallel_clauses_and_plain_tails_are_silent():
    text = ("It was not the police, the police said. "
            "In Ohio, they voted for control of the state senate; in Iowa, they voted for "
            "control of the governor's office. He spoke of the army, the army reserve.")
    assert only(lint(text), "LN705") == []


def test_repetition_inside_a_quotation_is_silent():
    text = "He said: “The troops left the city, writes the paper, the paper.”"
    assert only(lint(text), "LN705") == []


def test_breadcrumbs_and_tag_lists_are_silent():
    text = "BLOG > Weight Loss > Weight Loss Tips\nTags: lc 500 car car lc car lc 500 car lc convertible\n"
    assert only(lint(text), "LN704") == []


def test_copy_inside_a_compound_is_silent():
    text = "Shelling hit the village in the north, in the north-east and in the south's hills."
    assert only(lint(text), "LN704") == []


def test_a_long_text_is_read_in_pieces_and_the_spans_stay_right(monkeypatch):
    from lintnews.families.duplication import fragments

    monkeypatch.setattr(fragments, "_PIECE", 64)  # many pieces, cut at line breaks
    line = "The talks went on as planned on Tuesday.\n"
    damaged = "All war criminals will be brought to justice and brought to justice.\n"
    text = line * 5 + damaged + line * 3 + damaged
    found = only(lint(text), "LN704")
    start = len(line) * 5 + damaged.index(" and brought")
    second = len(line) * 8 + len(damaged) + damaged.index(" and brought")
    assert spans(found) == [(" and brought to justice", start, start + 23),
                            (" and brought to justice", second, second + 23)]
    assert list(fragments._pieces(text)) and "".join(p for _, p in fragments._pieces(text)) == text
