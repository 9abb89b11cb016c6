"""One definition of a URL for every reader (`lintnews.markup.urls`)."""
from __future__ import annotations

import pytest

from lintnews import lint_text
from lintnews.markup import make_document
from lintnews.markup.urls import url_pattern, url_spans

QUOTED_URL = "He said: “see https://example.com/a” and left.\n"


@pytest.mark.parametrize("fmt", ["plain", "markdown", "html"])
def test_a_closing_quote_after_a_url_closes_the_quotation_in_every_format(fmt):
    assert [f.rule for f in lint_text(QUOTED_URL, fmt=fmt)] == []
    doc = make_document(QUOTED_URL, "a", fmt)
    assert "”" in doc.prose and "example.com" not in doc.prose


@pytest.mark.parametrize("fmt", ["plain", "markdown"])
def test_an_unclosed_quotation_before_a_url_is_still_reported(fmt):
    text = "He said: “see https://example.com/a and left.\n"
    found = lint_text(text, fmt=fmt)
    assert [(f.rule, f.offset, f.end_offset) for f in found] == [("LN401", 9, 10)]


def test_url_spans_match_the_one_pattern():
    text = ("Read www.example.com/x, https://a.org/b?c=1” or kyivindependent.com/news. "
            "Mail desk@example.org. HTTP://UPPER.EXAMPLE.COM/Kyiv and “https://q.ua/”.")
    assert url_spans(text) == [m.span() for m in url_pattern().finditer(text)]
    assert [text[s:e] for s, e in url_spans(text)] == [
        "www.example.com/x", "https://a.org/b?c=1", "kyivindependent.com/news", "desk@example.org",
        "HTTP://UPPER.EXAMPLE.COM/Kyiv", "https://q.ua/"]


@pytest.mark.parametrize("fmt", ["plain", "markdown"])
def test_an_uppercase_url_is_masked_in_plain_text_and_markdown(fmt):
    doc = make_document("See HTTP://WWW.EXAMPLE.COM/kyiv today.\n", "a", fmt)
    assert "kyiv" not in doc.prose and doc.prose.startswith("See ")
