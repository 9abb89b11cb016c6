"""LN701–LN703 duplication: each fires on a repeat and not on its nearest twin."""
from __future__ import annotations

from lintnews.finding import SAFE
from tests.helpers import apply_suggestions, fixes, lint, only, spans

P1 = "The city council met on Monday to discuss the budget for next year."
P2 = "Other business followed after a short break."


def test_repeated_paragraph_reports_the_later_copy_with_the_first_line():
    text = f"{P1}\n{P2}\n{P1}\n"
    found = only(lint(text), "LN701")
    start = len(P1) + len(P2) + 2
    assert spans(found) == [(P1, start, start + len(P1))]
    assert "line 1" in found[0].message
    assert fixes(found) == [""] and not found[0].fixes[0].applicability is SAFE


def test_repeat_ignores_whitespace_and_case():
    copy = P1.upper().replace(" ", "  ")
    text = f"{P1}\n{P2}\n{copy}\n"
    start = text.index(copy)
    assert spans(lint(text), "LN701") == [(copy, start, start + len(copy))]


def test_similar_but_different_paragraphs_are_not_exact_repeats():
    text = f"{P1}\n{P1.replace('Monday', 'Tuesday')}\n"
    assert only(lint(text), "LN701") == []


def test_repeated_sentence_inside_other_paragraphs():
    s = "The mayor said the bridge would reopen by the end of the month."
    text = f"{s} Work continues.\nCrews were busy. {s}\n"
    found = only(lint(text), "LN701")
    assert spans(found) == [(s, text.rindex(s), text.rindex(s) + len(s))]
    assert "line 1" in found[0].message


def test_short_repeated_lines_are_left_to_boilerplate_rules():
    assert only(lint("He added.\nShe left.\nHe added.\n"), "LN701") == []


FIRST = ("In a bid to stop the river town from falling to the rebels, soldiers fought for weeks "
         "to hold the old bridge.")
RESTATED = ("In a bid to stop the river town from falling to the rebels like its neighbour, "
            "troops have been holding the old bridge for weeks.")
OTHER = ("In a bid to win votes, the mayor promised new schools, cheaper buses and a park "
         "by the old mill.")


def test_near_duplicate_paragraph_with_the_same_opening():
    text = f"{FIRST}\nThe mayor spoke later.\n{RESTATED}\n"
    found = only(lint(text), "LN702")
    assert spans(found) == [(RESTATED, text.index(RESTATED), len(text) - 1)]
    assert "line 1" in found[0].message


def test_near_duplicate_by_shared_three_grams():
    a = ("Emergency crews worked through the night to clear the rubble from the collapsed "
         "school building in the city centre.")
    b = ("After the strike, emergency crews worked through the night to clear the rubble from "
         "the collapsed school building in the city centre.")
    assert spans(only(lint(f"{a}\n{b}\n"), "LN702")) == [(b, len(a) + 1, len(a) + 1 + len(b))]


def test_paragraphs_on_one_topic_and_a_headline_with_its_lead_stay_silent():
    headline = "Council meets to discuss the budget for next year"
    text = f"{headline}\n{P1}\n{FIRST}\n{OTHER}\n"
    assert only(lint(text), "LN702") == []


def test_fragment_repeated_after_a_closing_quote():
    text = "He said they will get “exactly what they want.” they want”. Then he left."
    found = only(lint(text), "LN703")
    assert spans(found) == [(" they want”.", 47, 59)]
    assert apply_suggestions(text, found) == "He said they will get “exactly what they want.” Then he left."


def test_fragment_repeated_after_a_sentence_end():
    text = "They will get what they want. they want. Then he left."
    found = only(lint(text), "LN703")
    assert spans(found) == [(" they want.", 29, 40)]


def test_new_sentence_after_a_quote_is_not_a_repeat():
    text = "He said they will get “exactly what they want.” They want more. “Never again.” Never again."
    assert only(lint(text), "LN703") == []


def test_many_paragraphs_stay_linear():
    paragraphs = "\n".join(
        f"Paragraph number {i} reports that the committee number {i} met on day {i} and agreed on item {i}."
        for i in range(3000))
    assert only(lint(paragraphs), "LN702") == []


def test_massive_repetition_is_summarised_after_ten_copies():
    line = "The council met on Monday to discuss the new budget for schools.\n"
    text = line * 25
    found = only(lint(text), "LN701")
    assert [f.line for f in found] == list(range(2, 13))
    assert all(f.message.startswith("This paragraph repeats the one on line 1 word for word") for f in found)
    assert found[-1].message.endswith(
        "and 13 more copies follow it (not reported one by one): remove the copies.")
    assert found[-1].fixes == () and found[0].fixes[0].edits[0].replacement == ""


def test_ten_repeats_are_all_reported_one_by_one():
    line = "The council met on Monday to discuss the new budget for schools.\n"
    found = only(lint(line * 11), "LN701")
    assert [f.line for f in found] == list(range(2, 12))
    assert not any("more copies" in f.message for f in found)


# -- list items, credits, captions and a page's <title> are not repeats

def test_repeated_short_list_items_are_left_alone():
    items = "Fast charging for all your devices\n\nThree colours to choose from in every store\n\n"
    text = f"{P1}\n\n{items}{P2}\n\n{items}"
    assert only(lint(text), "LN701") == []


def test_repeated_credit_line_under_quoted_posts_is_left_alone():
    credit = "— Jane Doe (@janedoe_news) November 20, 2019"
    text = f"{P1}\n\n{credit}\n\n{P2}\n\n{credit}\n"
    assert only(lint(text), "LN701") == []


def test_repeated_short_paragraph_that_is_a_sentence_still_fires():
    item = "Fast charging for all your devices at home."
    text = f"{P1}\n\n{item}\n\n{P2}\n\n{item}\n"
    assert spans(lint(text), "LN701") == [(item, text.rindex(item), text.rindex(item) + len(item))]


def test_long_repeated_line_without_a_full_stop_still_fires():
    line = ("Residents of the river town were told to leave their homes before the water reached "
            "the old bridge on Monday night")
    text = f"{P1}\n\n{line}\n\n{P2}\n\n{line}\n"
    assert spans(lint(text), "LN701") == [(line, text.rindex(line), text.rindex(line) + len(line))]


def test_a_short_line_whose_casefolding_makes_sixteen_words_is_compared():
    # "ǰ" casefolds to "j" and a combining caron, which is no word character:
    # twenty characters make twenty words, so the line is no label
    line = "ǰ" * 20
    text = f"{P1}\n\n{line}\n\n{P2}\n\n{line}\n"
    assert spans(lint(text), "LN701") == [(line, text.rindex(line), text.rindex(line) + len(line))]


def test_html_headline_repeating_the_title_is_left_alone():
    head = "Residents told to leave as the river rises past the old bridge in the town on Monday night"
    page = (f"<html><head><title>{head}</title></head><body><h1>{head}</h1>"
            f"<p>{P1}</p><p>{P2}</p></body></html>")
    assert only(lint(page, filename="a.html"), "LN701") == []


def test_html_body_paragraph_repeated_still_fires():
    head = "Residents told to leave as the river rises"
    page = f"<html><head><title>{head}</title></head><body><p>{P1}</p><p>{P2}</p><p>{P1}</p></body></html>"
    found = only(lint(page, filename="a.html"), "LN701")
    assert [f.excerpt for f in found] == [P1] and found[0].offset == page.rindex(P1)


def test_scraped_title_line_repeated_as_the_headline_is_left_alone():
    head = "Residents told to leave as the river rises past the old bridge in the town on Monday night"
    text = f"{head}\n\nNews | Europe\n\n{head}\n\n{P1}\n"
    assert only(lint(text), "LN701") == []


def test_first_paragraph_that_is_a_sentence_repeated_still_fires():
    text = f"{P1}\n\n{P2}\n\n{P1}\n"
    assert [f.offset for f in only(lint(text), "LN701")] == [text.rindex(P1)]


def test_html_title_that_ends_like_a_sentence_repeated_as_the_headline_is_left_alone():
    # not the page's first line read as a headline (it ends with a full stop): the
    # HTML reader's record of the <title> is what keeps it out
    head = "Residents were told to leave as the river rose past the old bridge on Monday night."
    page = (f"<html><head><meta charset='utf-8'>\n<title>\n  {head}</title></head><body><h1>{head}</h1>"
            f"<p>{P1}</p><p>{P2}</p><p>{P1}</p></body></html>")
    assert spans(lint(page, filename="a.html"), "LN701") == [(P1, page.rindex(P1), page.rindex(P1) + len(P1))]


def test_html_paragraph_repeating_a_body_paragraph_after_the_title_still_fires():
    head = "Residents were told to leave as the river rose past the old bridge on Monday night."
    page = f"<html><head><title>Town news</title></head><body><p>{head}</p><h2>{head}</h2></body></html>"
    assert spans(lint(page, filename="a.html"), "LN701") == [(head, page.rindex(head), page.rindex(head) + len(head))]


def test_a_title_tag_in_plain_text_is_not_a_title():
    head = "Residents were told to leave as the river rose past the old bridge on Monday night."
    text = f"<title>\n{head}\n{P2}\n{head}\n"
    assert spans(lint(text), "LN701") == [(head, text.rindex(head), text.rindex(head) + len(head))]


def test_a_paragraph_ends_like_a_sentence_only_at_its_end():
    from lintnews.families.duplication.checks import _ends_like_a_sentence

    assert _ends_like_a_sentence("He left. “I am done.”")
    assert _ends_like_a_sentence("Was it? (It was.)\n")
    assert not _ends_like_a_sentence("Prices rose 3.5 per cent")
    assert not _ends_like_a_sentence("He left.\n\n")
    assert not _ends_like_a_sentence("He left. Then")
