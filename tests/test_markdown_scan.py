"""The Markdown reader's inline scan gives what one alternation of all constructs gives.

`_inline_matches` runs one pattern per construct and merges them; the
reference here is the single `regex` alternation it replaced, built from the
same parts. Texts are drawn from the characters that matter to Markdown.
"""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from lintnews.markup.markdown import _INLINE_PARTS, _inline_matches

_REFERENCE = regex.compile("|".join(f"(?P<{name}>{source})" for name, source in _INLINE_PARTS),
                           regex.MULTILINE | regex.DOTALL)
_PIECES = ["a", "word", " ", "  ", "\t", "\n", "\n\n", "#", "## ", " #", "> ", "- ", "* ", "+ ", "1. ", "12) ",
           "*", "**", "_", "__", "`", "``", "[", "]", "(", ")", "](", "][", "!", "<", ">", "<!--", "-->",
           "http://x.org/a", "https://", "www.", "ftp://f", "<https://e.com>", "&amp;", "&#39;", "&x",
           "</b>", "<i>", "\\", ".", ",", "é", "٣", "\r\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=50), st.integers(0, 400), st.integers(0, 400))
def test_inline_scan_matches_the_single_alternation(pieces, a, b):
    text = "".join(pieces)
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    expected = [(m.lastgroup, m.span()) for m in _REFERENCE.finditer(text, start, end)]
    assert [(name, m.span()) for name, m in _inline_matches(text, start, end)] == expected


def test_nearest_cases_of_the_hinted_constructs():
    text = "## Title ##\nA `code` and **bold** x*y* at www.example.com/a.\n3. item #tag\n  #no\n"
    expected = [(m.lastgroup, m.span()) for m in _REFERENCE.finditer(text)]
    assert [(name, m.span()) for name, m in _inline_matches(text, 0, len(text))] == expected
    assert ("heading_close", (8, 11)) in expected and ("line_marker", (0, 3)) in expected
