"""The article's own sentences, which the classifier never removes.

Whatever the blocks around it, a line that is a sentence of real prose (long,
rich in function words, ending like a sentence, without furniture, site or
link vocabulary) is the article's: a lede above a share bar, a live blog's
entries between their share buttons, a closing paragraph after a notice. It
is taken out of any furniture block, which splits the block around it.

Two kinds of prose live in page furniture and stay furniture: the snippet of
a teaser card (a headline above it, a date under it) and a reader's comment
(under a "name says:" line); and the site speaking to its reader ("Click
here", "your browser", "our newsletter").
"""
from __future__ import annotations

import re

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from lintnews.families.boilerplate.features import Line, Vocabulary

from lintnews.families.boilerplate.features import CERTAIN_KINDS, SHORT_LINE, words_of

#: An article sentence has at least this many words ...
ARTICLE_WORDS = 15
#: ... and at least this share of function words (prose, not a string of names).
ARTICLE_STOPS = 0.3
#: An article sentence uses at most this many furniture words ("call the help line" is fine),
#: or one in WORDS_PER_FURNITURE_WORD words in a long one ("... shared ... declined to comment").
FURNITURE_WORDS = 1
WORDS_PER_FURNITURE_WORD = 20
#: A web address, a handle, a copyright sign or an object placeholder: the page's, not the article's.
_WEB_HINTS = ("http", "www.", ".com", ".co.uk", ".org", ".net", "@", "©", "copyright", "\ufffc")
def is_article_sentence(ln: "Line", vocab: "Vocabulary | None" = None) -> bool:
    """A line of real prose that no furniture block may hold (`vocab`: count the
    furniture phrases of a long line too, not only its words)."""
    if ln.words < ARTICLE_WORDS or not ln.sentence_end or ln.stop_density < ARTICLE_STOPS or ln.repeats or ln.urls:
        return False
    low = ln.text.casefold()
    hits = ln.vocab if vocab is None or ln.words <= SHORT_LINE else vocab.hits(low, words_of(low))
    if sum(hits.get(k, 0) for k in CERTAIN_KINDS) > max(FURNITURE_WORDS, ln.words // WORDS_PER_FURNITURE_WORD):
        return False
    return not any(h in low for h in _WEB_HINTS) and not (vocab is not None and vocab.talks_to_reader(low))


#: A reader's comment runs at most this many lines under its author's line.
COMMENT_LINES = 6
_COMMENTER = re.compile(r"\S.{0,60}\s(?:says|wrote|writes|replied)\s*:?$", re.IGNORECASE)


def spare_article(lines: list["Line"], furniture: list[bool], signal: list[bool], cards: list[int],
                  dated, vocab: "Vocabulary") -> None:
    """Take the article's sentences out of the furniture (in place), but not a teaser's
    snippet or a reader's comment."""
    card_set = set(cards)
    commenters = {i for i in cards if _COMMENTER.match(lines[i].text)}
    n = len(lines)
    for i, ln in enumerate(lines):
        if not furniture[i] or not is_article_sentence(ln, vocab):
            continue
        if i + 1 < n and dated(lines[i + 1]):
            continue  # a teaser card's snippet, its date under it
        if any(j in card_set for j in (i - 1, i - 2)) or any(j in commenters for j in range(i - COMMENT_LINES, i)):
            continue  # a comment under its author's line
        furniture[i] = False
        if i and furniture[i - 1] and dated(lines[i - 1]):
            furniture[i - 1] = False  # a live blog's time stamp over its entry
