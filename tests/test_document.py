"""The Document: line index, prose-to-original mapping, paragraphs, findings."""
from __future__ import annotations

import pytest

from lintnews.document import Document, LineIndex, ProseBuilder
from lintnews.finding import SAFE, Fix, Severity
from lintnews.engine.registry import Rule

RULE = Rule("LN999", "test-rule", "meta", Severity.INFO, "A rule for tests.", messages={"default": "“{found}” is here."})


@pytest.mark.parametrize("text,offset,expected", [
    ("abc\ndef", 0, (1, 1)),
    ("abc\ndef", 3, (1, 4)),
    ("abc\ndef", 4, (2, 1)),
    ("abc\r\ndef", 5, (2, 1)),
    ("abc\rdef\rg", 8, (3, 1)),
    ("abc\r\n\r\ndef", 7, (3, 1)),
    ("", 0, (1, 1)),
])
def test_line_index_positions(text, offset, expected):
    assert LineIndex(text).position(offset) == expected


def test_line_span_excludes_line_break():
    text = "one\r\ntwo\nthree"
    index = LineIndex(text)
    assert [text[slice(*index.line_span(n, text))] for n in (1, 2, 3)] == ["one", "two", "three"]


def test_identity_prose_for_plain_text():
    doc = Document("Officials in Kyiv said so.")
    assert doc.is_identity()
    assert doc.to_original(13, 17) == (13, 17)


def test_builder_maps_replaced_and_dropped_spans_back():
    text = "a <b>Kyiv</b>&rsquo;s x"
    builder = ProseBuilder(text)
    builder.drop(2, 5)          # <b>
    builder.drop(9, 13)         # </b>
    builder.replace(13, 20, "’")  # &rsquo;
    prose, segments = builder.build()
    doc = Document(text, prose=prose, segments=segments)
    assert prose == "a Kyiv’s x"
    start = prose.index("Kyiv")
    assert doc.to_original(start, start + 4) == (5, 9)
    # a span that ends inside a replacement covers the whole replaced markup
    assert doc.to_original(start, start + 5) == (5, 20)
    assert text[slice(*doc.to_original(prose.index("s x"), len(prose)))] == "s x"


def test_finding_positions_point_into_original_text():
    text = "line one\r\nsay kyiv now"
    doc = Document(text)
    start = text.index("kyiv")
    f = doc.finding(RULE, start, start + 4, {"found": "kyiv"}, [("Kyiv", SAFE)])
    assert (f.line, f.column, f.end_line, f.end_column) == (2, 5, 2, 9)
    assert f.excerpt == "kyiv"
    assert f.fixes == (Fix.replace(start, start + 4, "Kyiv", SAFE),)
    assert (f.message, f.template, f.arguments) == ("“kyiv” is here.", "default", (("found", "kyiv"),))


def test_paragraphs_one_per_line_in_plain_text():
    text = "First paragraph here.\nSecond one.\n\n  Third.  \n"
    doc = Document(text)
    assert [text[s:e] for s, e in doc.paragraphs] == ["First paragraph here.", "Second one.", "Third."]


def test_paragraphs_of_hard_wrapped_plain_text_follow_blank_lines():
    text = ("A wrapped paragraph\nthat goes on\nacross lines.\n\n"
            "Another wrapped\nparagraph here.\n")
    doc = Document(text)
    assert [text[s:e] for s, e in doc.paragraphs] == [
        "A wrapped paragraph\nthat goes on\nacross lines.", "Another wrapped\nparagraph here."]


def test_a_plain_line_is_trimmed_of_every_unicode_blank_but_keeps_its_inner_ones():
    text = "\u3000\u00a0First line,\u2009inner blanks kept.\u202f\n\u2028\u00a0\ufffc \nSecond line\x1c\u200a"
    doc = Document(text)
    # a line of blanks and a placeholder is no paragraph; U+001C is no blank to Unicode
    assert [text[s:e] for s, e in doc.paragraphs] == ["First line,\u2009inner blanks kept.", "Second line\x1c"]
