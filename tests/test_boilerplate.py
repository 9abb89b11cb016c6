"""LN3xx boilerplate: widget lines, teaser blocks and lines, meta lines, credits."""
from __future__ import annotations

import pytest

from lintnews.engine.lint import build_rules
from lintnews.finding import UNSAFE, Severity

from helpers import apply_suggestions, lint, only, spans

ARTICLE = "The council met on Monday.\nIt voted to rebuild the bridge.\n"


def boilerplate(findings):
    return [f for f in findings if f.rule.startswith("LN3")]


@pytest.mark.parametrize("line", [
    "Exit mobile version", "Share this article", "Follow us on Telegram",
    "Follow us on Facebook, X and Instagram", "Subscribe to our newsletter",
    "Advertisement", "© 2024 Example Media. All rights reserved.",
    "We use cookies to give you the best experience.", "Privacy policy",
    "Síguenos en redes sociales", "Lire la suite", "Anzeige", "Поделиться", "Читати далі",
    "Media playback is unsupported on your device", "Image source, Getty Images",
    "Image caption, Rescuers searched the rubble", "Click to share on X (Opens in new window)",
    "Our Standards: The Thomson Reuters Trust Principles.", "Sign up here.",
])
def test_widget_line_fires_and_its_removal_leaves_no_blank_line(line):
    text = ARTICLE + line + "\nThe work starts in May.\n"
    found = only(lint(text), "LN301")
    assert spans(found) == [(line, len(ARTICLE), len(ARTICLE) + len(line))]
    assert found[0].fixes[0].applicability is UNSAFE
    assert apply_suggestions(text, found) == ARTICLE + "The work starts in May.\n"


@pytest.mark.parametrize("text", [
    "Readers can follow us on the map as the front moves.\n",
    "Follow us on the map, the mayor told readers, as the front moves east and south.\n",
    "The advertisement ran for weeks, and readers were asked to share this article.\n",
    "She said the cookie policy of the ministry was new.\n",
    "The image source, a photographer said, was a drone over the port.\n",
    "The agency's standards, the Thomson Reuters Trust Principles, require independence.\n",
    "Volunteers who want to help can sign up here, at the town hall, the mayor said.\n",
])
def test_prose_that_uses_the_words_is_silent(text):
    assert boilerplate(lint(text)) == []


def test_edge_phrase_counts_only_near_the_start_or_end():
    middle = "One.\nTwo.\nThree.\nComments\nFour.\nFive.\nSix.\n"
    assert boilerplate(lint(middle)) == []
    end = "One.\nTwo.\nThree.\nFour.\nComments\n"
    assert spans(lint(end), "LN301") == [("Comments", 23, 31)]


def test_teaser_block_is_one_finding_to_the_end_of_the_article():
    block = ("Related articles\n\nFloods close roads in the north\n\n"
             "Heavy rain cut off three villages on Sunday and...\n\n"
             "A new library opens\n\nThe city's library reopened its doors after…\n")
    text = "The council met.\n\nIt voted to rebuild the bridge.\n\n" + block
    found = only(lint(text), "LN302")
    start = text.index("Related")
    assert spans(found) == [(text[start:len(text) - 1], start, len(text) - 1)]
    assert "4 teaser lines" in found[0].message
    assert apply_suggestions(text, found) == "The council met.\n\nIt voted to rebuild the bridge.\n"


def test_teaser_block_mid_article_stops_at_its_last_snippet():
    text = ("The council met.\nRead also\nFloods close roads\nHeavy rain cut off villages and...\n"
            "Next steps\nThe bridge work starts in May and will take a year to finish.\n")
    found = only(lint(text), "LN302")
    assert [f.excerpt for f in found] == ["Read also\nFloods close roads\nHeavy rain cut off villages and..."]
    assert apply_suggestions(text, found) == (
        "The council met.\nNext steps\nThe bridge work starts in May and will take a year to finish.\n")


@pytest.mark.parametrize("line", [
    "You may be interested in: Floods close roads in the north",
    "Lea también: Inundaciones en el norte",
    "Читайте также: Паводок на севере",
    "Lesen Sie auch: Hochwasser im Norden",
])
def test_teaser_line_is_reported_alone(line):
    text = ARTICLE + line + "\nThe work starts in May.\n"
    found = only(lint(text), "LN302")
    assert [f.excerpt for f in found] == [line]
    assert apply_suggestions(text, found) == ARTICLE + "The work starts in May.\n"


def test_meta_lines():
    text = "First modification:\nThe council met.\nOriginal: www.example.org/story\n"
    assert [f.excerpt for f in only(lint(text), "LN303")] == [
        "First modification:", "Original: www.example.org/story"]
    assert apply_suggestions(text, only(lint(text), "LN303")) == "The council met.\n"


def test_meta_words_in_prose_are_silent():
    assert boilerplate(lint("Original plans for the bridge were dropped in 2019, officials said.\n")) == []


def test_agency_credit_is_only_info():
    text = ARTICLE + "With Reuters and EFE\n"
    found = boilerplate(lint(text))
    assert [(f.rule, f.excerpt, f.severity) for f in found] == [("LN304", "With Reuters and EFE", Severity.INFO)]


def test_removal_in_markdown_takes_the_heading_marker():
    text = "The council met.\n\n## Related articles\n\n- [Floods close roads](https://example.org/a)\n"
    found = only(lint(text, filename="a.md"), "LN302")
    assert len(found) == 1
    assert apply_suggestions(text, found) == "The council met.\n"


def test_removal_in_html_keeps_the_rest_of_the_line():
    text = "<p>The council met.</p><p>Exit mobile version</p>\n"
    found = only(lint(text, filename="a.html"), "LN301")
    assert [f.excerpt for f in found] == ["Exit mobile version"]
    assert apply_suggestions(text, found) == "<p>The council met.</p><p></p>\n"


def test_at_least_80_phrases_in_six_languages():
    entries = [e for e in build_rules().ruleset.entries if e.kind == "boilerplate"]
    languages = set()
    count = 0
    for entry in entries:
        for key in ("phrases", "edge_phrases"):
            for language, phrases in entry.data.get(key, {}).items():
                languages.add(language)
                count += len(phrases)
    assert count >= 80
    assert {"en", "es", "ru", "uk", "de", "fr"} <= languages
