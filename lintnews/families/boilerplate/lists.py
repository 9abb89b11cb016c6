"""Lists that are the article's: ingredients, results, casualty lists, steps.

A menu and a list look alike line by line: short items, one a line. What
tells them apart is what the items hold. A menu's items are names (section
names, brands, site links), with the site's own vocabulary and, in HTML,
links. A list of the article's has items with numbers, commas, colons,
brackets, lowercase words or a sentence's end ("2 tbsp. olive oil",
"Jane Doe, 34, a nurse", "Arsenal 2 Chelsea 1", "Open the settings."), and
no share, site or navigation words. Such a run inside the article's body, or
right after it, is content: the classifier neither counts it against the
body nor calls it a menu.
"""
from __future__ import annotations

import re

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from lintnews.families.boilerplate.features import Line

#: A list item has at most this many words (an ingredient, a name and age, a short step).
LIST_ITEM_WORDS = 16
#: ... and at most this many characters.
LIST_ITEM_CHARS = 140
#: An item may hold one furniture word (share, teaser, ticker ...) in this many words.
ITEM_WORDS_PER_FURNITURE_WORD = 4
#: A list is at least this many items in a row.
LIST_MIN_ITEMS = 3
#: At most this share of a list's items use the furniture vocabulary (a menu's use it a lot).
LIST_MAX_VOCAB_SHARE = 0.25
#: At least this share of its items show a list item's texture (digits, commas, lowercase ...).
LIST_MIN_TEXTURE = 0.5
#: A list whose items nearly all show it ("June 19 -- PNC Music Pavilion, Charlotte, NC") may have
#: section names in up to this share of them (place and venue names use "music", "home", "health").
LIST_FULL_TEXTURE = 0.8
LIST_TEXTURED_VOCAB_SHARE = 0.5
#: A list right after the body starts at most this many lines after it (a heading between).
LIST_GAP = 2

_TEXTURE = re.compile(r"[\d,:;()%$£€/]")
_ENTRY = re.compile(r"\d.*,|,.*\d")


def is_item(ln: Line, signal: bool, link_dense: bool) -> bool:
    """A short line that may be an item of the article's list (not a certain furniture line)."""
    if signal or link_dense or not 1 <= ln.words <= LIST_ITEM_WORDS or ln.chars > LIST_ITEM_CHARS:
        return False
    menu = ln.vocab.get("menu", 0)
    other = ln.vocab_tokens - menu  # share, teaser, ticker ... words
    if other and not (other == 1 and ln.words >= ITEM_WORDS_PER_FURNITURE_WORD and _ENTRY.search(ln.text)):
        return False  # one such word only in an entry with a number and a comma ("June 24 -- Jiffy Lube Live, Bristow")
    return menu * 2 < ln.words  # not a run of section names


def textured(ln: Line) -> bool:
    """An item that reads like a list entry rather than a link's name."""
    text = ln.text
    first = next((c for c in text if c.isalpha()), "")
    return first.islower() or ln.sentence_end or _TEXTURE.search(text) is not None


def content_lists(lines: list[Line], signal: list[bool],
                  link_dense: list[bool]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Runs (first, last) of items without furniture vocabulary, in page order: those
    that read like the article's list (digits, commas, lowercase ...), and the others."""
    textured_runs, plain_runs = [], []
    items = [is_item(ln, sig, dense) for ln, sig, dense in zip(lines, signal, link_dense)]
    i, n = 0, len(lines)
    while i < n:
        if not items[i]:
            i += 1
            continue
        j = i
        while j < n and items[j]:
            j += 1
        run = lines[i:j]
        if len(run) >= LIST_MIN_ITEMS:
            vocab = sum(1 for ln in run if ln.vocab_tokens)
            texture = sum(map(textured, run))
            if vocab <= LIST_MAX_VOCAB_SHARE * len(run) or (
                    texture >= LIST_FULL_TEXTURE * len(run) and vocab <= LIST_TEXTURED_VOCAB_SHARE * len(run)):
                if texture >= LIST_MIN_TEXTURE * len(run):
                    textured_runs.append((i, j - 1))
                else:
                    plain_runs.append((i, j - 1))
        i = j
    return textured_runs, plain_runs


def extend_body(body: tuple[int, int], lists: list[tuple[int, int]], signal: list[bool],
                slots: set[int] = frozenset()) -> tuple[int, int]:
    """The body, grown over the article's lists that start right after it (a heading
    between, or a slot such as "Advertisement")."""
    s, e = body
    for first, last in lists:
        if last <= e:
            continue
        between = [k for k in range(e + 1, first) if k not in slots]
        if len(between) > LIST_GAP or any(signal[k] for k in between):
            break
        e = last
    return s, e
