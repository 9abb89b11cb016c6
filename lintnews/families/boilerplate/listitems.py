"""List items among a document's paragraphs, for LN606 and LN701.

A recipe's ingredients, a meal plan's portions, a results table or a numbered
how-to puts one item a line. An item does not start a sentence ("salt and
pepper to taste." after "1 onion, chopped.") and a list may repeat it ("1
tsp. oil" under every day of a meal plan) without being a duplicated
paragraph. This module says which paragraphs are such items; it depends on
nothing but the Document, so any family may ask.
"""
from __future__ import annotations

from lintnews.text.patterns import deferred_re

#: A list is at least this many items in a row.
LIST_MIN_ITEMS = 3
_texture = deferred_re(r"[\d,:;()%$£€/]")

#: A paragraph that can be a list item has at most this many words.
PARAGRAPH_ITEM_WORDS = 12
_marker = deferred_re(r"[ \t]*(?:[-*•–·▪►✓]|\(?(?:\d{1,3}|[A-Za-z])[.)])[ \t]")


def is_list_item(doc, k: int) -> bool:
    """True when paragraph `k` of `doc` is an item of a list, not a sentence of prose.

    An item starts with a bullet or a number ("- ", "2) "), or stands in a run
    of at least LIST_MIN_ITEMS short paragraphs of which at least half show a
    list item's texture (a digit, a comma, a colon, a bracket): ingredients,
    portions, results, names and ages. Only the run around `k` is read (once:
    the answer for the whole run is kept on the Document)."""
    prose = doc.prose
    paragraphs = doc.paragraphs
    s, e = paragraphs[k]
    if _marker().match(prose, s, e):
        return True
    if not _short(prose, s, e):
        return False
    runs = doc.memo("list item runs", lambda d: {})
    known = runs.get(k)
    if known is None:
        first = last = k
        while first > 0 and _short(prose, *paragraphs[first - 1]):
            first -= 1
        while last + 1 < len(paragraphs) and _short(prose, *paragraphs[last + 1]):
            last += 1
        size = last - first + 1
        known = size >= LIST_MIN_ITEMS and sum(
            _texture().search(prose, a, b) is not None for a, b in paragraphs[first:last + 1]) * 2 >= size
        for j in range(first, last + 1):
            runs[j] = known
    return known


def _short(prose: str, s: int, e: int) -> bool:
    return prose.count(" ", s, e) < PARAGRAPH_ITEM_WORDS and prose.find("\n", s, e) < 0
