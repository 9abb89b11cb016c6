"""LN601–LN607 spacing and punctuation: each fires on damage and not on its twin."""
from __future__ import annotations

from lintnews.finding import SAFE
import pytest

from lintnews.families.spacing.checks import split_glued
from lintnews.engine.lint import build_rules
from lintnews.text.wordlist import frequencies
from tests.helpers import apply_suggestions, fixes, lint, only, spans


def test_space_before_comma():
    text = "The move, which meant , in effect, a retreat."
    found = only(lint(text), "LN601")
    assert spans(found) == [(" ,", 21, 23)]
    assert fixes(found) == [","] and found[0].fixes[0].applicability is SAFE
    assert apply_suggestions(text, found) == "The move, which meant, in effect, a retreat."


def test_space_before_question_mark_and_mid_paragraph_period():
    found = only(lint("Is it over ? Nobody knows . The talks go on."), "LN601")
    assert spans(found) == [(" ?", 10, 12), (" .", 25, 27)]


def test_legitimate_spaces_before_marks_stay_silent():
    text = ("He carried a .45 pistol and waited ... then left at 10 : 30 with 1 ,000 men.\n"
            "The minister said so on Twitter .\n")
    assert only(lint(text), "LN601") == []


def test_missing_space_after_period_before_a_capital_is_safe():
    text = "The attack came at dawn.The city was dark."
    found = only(lint(text), "LN602")
    assert spans(found) == [(".The", 23, 27)]
    assert fixes(found) == [". The"] and found[0].fixes[0].applicability is SAFE


def test_missing_space_after_number_period_before_lowercase_is_unsafe():
    found = only(lint("It happened on May 1.the mayor said."), "LN602")
    assert spans(found) == [(".the", 20, 24)]
    assert fixes(found) == [". the"] and not found[0].fixes[0].applicability is SAFE


def test_decimals_abbreviations_initials_domains_stay_silent():
    text = ("Prices rose 1.5% at 10.30 in the U.S. and e.g. in J.R.R. Tolkien country, "
            "the agency said on gov.uk, Amazon.com, Kostroma.Today and report.pdf.")
    assert only(lint(text), "LN602") == []


def test_doubled_space_is_a_style_note():
    # its span and fix: LN603's example
    found = only(lint("The talks  resumed on Monday."), "LN603")
    assert str(found[0].severity) == "info"


def test_two_spaces_after_a_sentence_and_column_layout_stay_silent():
    text = "The talks ended.  They resume.\nName  Age  Town  Role\n*  6. Heading\n"
    assert only(lint(text), "LN603") == []


def test_doubled_word():
    text = "Officials said that the the talks failed."
    found = only(lint(text), "LN604")
    assert spans(found) == [("the the", 20, 27)] and fixes(found) == ["the"]
    assert apply_suggestions(text, found) == "Officials said that the talks failed."


def test_doubled_word_ignores_case():
    assert spans(only(lint("The the talks failed."), "LN604")) == [("The the", 0, 7)]


@pytest.mark.parametrize("text, span", [
    ("The officials (the the ministers) met.", ("the the", 15, 22)),
    ("He called it “the the plan” twice.", ("the the", 14, 21)),
    ("Officials said «the the talks» failed.", ("the the", 16, 23)),
    ("[The the] report was late.", ("The the", 1, 8)),
])
def test_doubled_word_after_an_opening_bracket_or_quote(text, span):
    found = only(lint(text), "LN604")
    assert spans(found) == [span] and fixes(found) == [span[0].split()[0]]


@pytest.mark.parametrize("text", [
    "He said “that that was final” and left.",  # an allowed double, quoted
    "The word (the) was dropped, then (the) came back.",  # one word per bracket
    "Readers wrote “the” and “the” in two letters.",  # quoted apart
])
def test_quoted_or_bracketed_words_that_are_not_doubled_stay_silent(text):
    assert only(lint(text), "LN604") == []


def test_allowed_doubles_names_and_line_breaks_stay_silent():
    text = ("She had had enough; he said that that was final in Bora Bora, and "
            "gave her her coat.\nThe end\nend of story.")
    assert only(lint(text), "LN604") == []


def test_glued_name_and_relative_pronoun():
    text = "The remarks of Dario Benedettowho spoke on Friday."
    found = only(lint(text), "LN605")
    assert spans(found) == [("Benedettowho", 21, 33)]
    assert fixes(found) == ["Benedetto who"] and not found[0].fixes[0].applicability is SAFE


def test_glued_common_words():
    found = only(lint("Never share your personalinformation online."), "LN605")
    assert spans(found) == [("personalinformation", 17, 36)]
    assert fixes(found) == ["personal information"]


def test_glued_function_word():
    assert fixes(only(lint("The capital ofthe region was shelled."), "LN605")) == ["of the"]


def test_names_compounds_and_repeated_spellings_are_not_glued_words():
    text = ("Fighting near Sievierodonetsk, Lysychansk and Kramatorsk continued; Oreshnik missiles, "
            "General Kartapolov, a livestream, counterterrorism, cybersecurity and smartphones. "
            "Goethe and Holland. The bookshelfcase and the bookshelfcase.")
    assert only(lint(text), "LN605") == []


def test_split_glued_unit():
    data = build_rules().ruleset.data.spacing
    table = frequencies()
    assert split_glued("Benedettowho", data, table) == "Benedetto who"
    assert split_glued("drawdown", data, table) is None
    assert split_glued("Lysychansk", data, table) is None


def test_sentence_starting_in_lowercase():
    text = "The attack came at night. from Moscow, the order came."
    found = only(lint(text), "LN606")
    assert spans(found) == [("from", 26, 30)]
    assert fixes(found) == ["From"] and not found[0].fixes[0].applicability is SAFE


def test_paragraph_starting_in_lowercase_after_a_full_stop():
    found = only(lint("The first paragraph ends here.\nthe second starts badly.\n"), "LN606")
    assert spans(found) == [("the", 31, 34)]


def test_abbreviations_initials_lists_brands_and_continuations_stay_silent():
    text = ("Apple Inc. said the phones sold well, e.g. in the U.S. market at 9 a.m. sharp, etc. and more. "
            "iPhone sales rose. eBay fell.\n"
            "1. the first item\n"
            "The sentence breaks\n"
            "across lines.\n"
            "b) a listed item\n")
    assert only(lint(text), "LN606") == []


def test_capitalised_function_word_after_comma():
    text = "The president, Volodymyr Zelensky, Last week proposed a truce."
    found = only(lint(text), "LN607")
    assert spans(found) == [("Last", 35, 39)]
    assert fixes(found) == ["last"] and not found[0].fixes[0].applicability is SAFE


def test_names_and_titles_after_comma_stay_silent():
    text = "Reuters, The Guardian and the BBC reported it, and The Hague agreed, In Kyiv too."
    assert only(lint(text), "LN607") == []


def test_newsroom_can_extend_the_spacing_data(tmp_path):
    (tmp_path / "house.toml").write_text('[spacing]\ndoubled_words_allowed = ["bla"]\n'
                                         'comma_function_words = ["Yesterday"]\n', encoding="utf-8")
    found = lint("The mayor, Yesterday evening, said so.", rules=(str(tmp_path),))
    assert spans(only(found, "LN607")) == [("Yesterday", 11, 20)]


def test_missing_space_ignores_a_superscript_digit_after_a_period():
    # found by the property tests: "²" is alphanumeric but not a letter
    assert [f.rule for f in lint("It grew to 10.² metres, then 0.² more.")] == []


# -- LN606: brands, handles, product names and lines that are not sentences

@pytest.mark.parametrize("text", [
    "The firm sold well. ecobee shares rose.\n",
    "The firm sold well. my6sense shares rose.\n",
    "The firm sold well. iPhone sales rose.\n",
    "The talks ended.\n\necobee said it would hire more staff in the spring.\n",
    "Volkswagen said the ID. models sold well.\n",
    "The talks ended.\n\njm/hs\n\nThe city was dark.\n",
    "The talks ended.\n\nphoto: getty images\n\nThe city was dark.\n",
])
def test_lowercase_brands_product_names_and_credits_are_not_sentence_starts(text):
    assert only(lint(text), "LN606") == []


@pytest.mark.parametrize("text,word,at", [
    ("The talks ended at the UN. the city was dark.\n", "the", 27),
    ("The firm sold well. shares rose on Monday.\n", "shares", 20),
    ("The talks ended.\n\nthe city was dark and the people were sad and the end came soon.\n", "the", 18),
])
def test_real_lowercase_sentence_start_beside_them_still_fires(text, word, at):
    found = only(lint(text), "LN606")
    assert [(f.excerpt, f.offset) for f in found] == [(word, at)]
    assert fixes(found) == [word.capitalize()]


def test_long_runs_from_the_word_set_are_those_of_the_text():
    """LN605 finds its tokens (runs of five letters or more) in the document's
    distinct word runs joined by spaces instead of in the whole text: the same
    set, whatever digits, underscores, marks or numerals sit around them."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from lintnews.families.spacing.checks import _LONG_TOKEN
    from lintnews.document import Document

    alphabet = st.sampled_from(list("abcdeKLMNé") + ["\u0301", "_", "1", "²", "Ⅻ", "½", "五", "д",
                                                     " ", "\n", "-", "’", ".", "@", "\ufffc"])

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet, max_size=80))
    def check(text):
        doc = Document(text)
        assert set(_LONG_TOKEN.findall(" ".join(doc.word_set))) == set(_LONG_TOKEN.findall(text))

    check()


def test_a_glued_word_next_to_digits_and_underscores_is_still_found():
    text = "Ask about_covid19 and personalinformation today.\n"
    assert spans(lint(text), "LN605") == [("personalinformation", 22, 41)]


def test_unknown_words_are_remembered_with_the_same_answers():
    from lintnews.text.wordlist import unknown

    words = {"Government", "weather", "Benedettowho", "Kharkovk"}
    assert unknown(words) == {"Benedettowho", "Kharkovk"}
    assert unknown(words | {"Zxqvbnm"}) == {"Benedettowho", "Kharkovk", "Zxqvbnm"}
    assert unknown({"weather", "Government"}) == set()


def test_long_tokens_are_the_runs_of_five_letters_inside_word_runs():
    from lintnews.families.spacing.checks import _long_tokens

    found = _long_tokens(frozenset({"weather", "news", "covid19cases", "abc_defghij", "Kyiv", "Zelenskyy"}))
    assert found == {"weather", "covid", "cases", "defghij", "Zelenskyy"}
