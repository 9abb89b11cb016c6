"""Find the article's body in a scraped page, and the furniture around it.

A page saved as text is the article (a run of prose paragraphs, with its
subheadings, lists and tables) inside the page's furniture (menus, share
bars, teaser lists, footers). The body is found first: the run of lines that
maximises prose words minus a cost for every line that is not prose (the
"body text extraction" idea of Finn, Kushmerick and Smyth, 2001, on lines
instead of tags). Then, from the body outwards, the first line that is
furniture beyond doubt (a share bar, a teaser heading, a known site phrase, a
menu of section names) marks where the page begins or ends again: every line
beyond it is furniture. Inside the body only such certain lines are
furniture. The headline, byline and date line before the body are never
furniture, and neither is a run of prose paragraphs anywhere.

Nothing is reported unless the text shows that it is a page at all: a body,
and enough certain furniture lines around it (`MIN_EVIDENCE`). A clean
article, with its headline, byline, subheadings, lists, tables and poems,
shows none.
"""
from __future__ import annotations

import regex

from dataclasses import dataclass

from lintnews.families.boilerplate.article import spare_article
from lintnews.families.boilerplate.features import (CERTAIN_KINDS, SHORT_LINE, Line, Vocabulary, best_stoplist, complete,
                                                    folded_words, measure, stoplist, words_of)
from lintnews.families.boilerplate.lists import content_lists, extend_body
from lintnews.families.boilerplate.widgets import find_widgets
from lintnews.text.patterns import deferred_regex

# -- thresholds (each set on the scraped dev set, ../shared/devset/scraped; see docs/boilerplate.md)
#: Fewer lines than this is a note or a short article, never a page.
MIN_LINES = 8
#: More lines or characters than this is a corpus or a log, not one saved page (the
#: largest dev-set page has 407 lines and 40 KB); the classifier stays out of it.
MAX_LINES = 20_000
MAX_CHARS = 4_000_000
#: The body needs this many prose words (the smallest dev-set article body has 69 words).
MIN_BODY_WORDS = 60
#: Certain furniture lines outside the body needed before anything is reported:
#: every dev-set page has at least 5; the 50 clean-web articles have none.
MIN_EVIDENCE = 3
#: Two of them must lie this close (in lines): page furniture comes in blocks.
EVIDENCE_GAP = 2
#: Cost of a line that is not prose inside the body, in prose words: bridges a
#: subheading, a ten-line table or a caption between paragraphs, but not a
#: teaser list or a menu between the article and a comment thread.
NON_PROSE_COST = 6
#: Cost of a certain furniture line: the body does not run across a share bar.
SIGNAL_COST = 20
#: A prose line counts at most this many words (one huge line is not a body).
PROSE_WORD_CAP = 60
#: A certain furniture line uses furniture vocabulary for at least this share of its words.
SIGNAL_VOCAB_SHARE = 0.5
#: ... and has at most this many words (a pitch "Sign up for our newsletter to get ..." is longer).
SIGNAL_MAX_WORDS = 20
#: A menu item is at most this many words.
MENU_ITEM_WORDS = 4
#: This many one-to-four-word lines in a row are a menu (a brand list, a site
#: index). The longest such run inside a dev-set body is 8 (a product list); the
#: clean-web articles have none longer than 3.
MENU_RUN = 12
#: Lines before the body where the headline, standfirst, byline and date live.
MASTHEAD = 12
#: Lines under a headline where its byline and date line may stand.
HEADLINE_FOLLOWERS = 3
#: A headline has at least this many words ("Council approves budget for bridge").
HEADLINE_WORDS = 4
#: This many prose lines in a row outside the body are left alone (a second
#: part of the article, an author's note): furniture is rarely running prose.
PROSE_RUN = 3

_byline = deferred_regex(r"^(?:by|written by|words by|reporting by|von|por|par)\s+\S", regex.IGNORECASE)
_title_split = deferred_regex(r"\s+[|–—\-:·•]\s+")
#: A photo credit or caption label ("Image copyright Getty Images", "Photo: AP"): the article's.
_photo_credit = deferred_regex(
    r"^(?:image|photo|picture|pic|illustration|video)s?\b|\b(?:getty images|ap photo|shutterstock|afp via getty)\b"
    r"|\bcredit(?:s)?\b[.:…]",
    regex.IGNORECASE,
)
#: A caption or a photo credit, for the name of a block ("Photo: AP", "(Image: Reuters)").
_caption = deferred_regex(
    r"^(?:image|photo|picture|pic|illustration)s?\s*(?:copyright|credit|caption|source|:|by\b)"
    r"|\b(?:getty images|ap photo|shutterstock|afp via getty)\b|\((?:photo|image|picture)s?\b[^)]*\)"
    r"|\bcredit(?:s)?\b[.:…]",
    regex.IGNORECASE,
)
_copyright = deferred_regex(r"©|\(c\)\s*\d{4}|\bcopyright\b", regex.IGNORECASE)
_digits_only = deferred_regex(r"[\d\s.,:;%+()/|-]+")

KIND_NAMES = {
    "share": "share bar",
    "menu": "menu",
    "language": "language menu",
    "teaser": "teaser list",
    "ticker": "ticker",
    "newsletter": "newsletter or donation pitch",
    "cookie": "cookie notice",
    "comments": "comments",
    "footer": "footer",
    "signature": "signature code",
    "link": "link list",
    "readtime": "read time",
    "video": "video widget",
    "javascript": "javascript notice",
    "signoff": "live-blog sign-off",
    "caption": "caption",
    "signup": "sign-up box",
}
_CERTAIN_KINDS = CERTAIN_KINDS


@dataclass(frozen=True)
class Block:
    """A run of furniture lines: first and last line (indexes) and its kind."""

    first: int
    last: int
    kind: str


@dataclass
class Page:
    lines: list[Line]
    body: tuple[int, int] | None
    furniture: list[bool]
    kinds: list[str | None]
    protected: list[bool]
    title_tail: tuple[int, int] | None = None


def analyse(text: str, spans: list[tuple[int, int]], vocab: Vocabulary,
            known: set[int] = frozenset(), agencies: frozenset[str] = frozenset(),
            elements=None) -> Page | None:
    """Classify the lines `spans` of `text`; `known` are lines a site phrase matched.

    `elements` (an HTML page's `ElementContext`) adds what the page's elements
    say: link density, `nav`/`aside`/`footer`, class and id words.
    Returns None when the text shows no sign of being a scraped page.
    """
    if not MIN_LINES <= len(spans) <= MAX_LINES or len(text) > MAX_CHARS:
        return None
    dom = elements.lines(spans) if elements is not None else None
    if dom is not None:
        known = set(known) | {i for i, d in enumerate(dom) if _dom_certain(d, text, spans[i])}
    short = _evidence(text, spans, vocab, known, stoplist("en"))
    if short is None:
        return None
    stops = best_stoplist(words_of(text[:8_000]))
    if stops is not stoplist("en"):
        short = {}
    lines = [complete(short[i], stops) if i in short else measure(text, s, e, stops, vocab) for i, (s, e) in enumerate(spans)]
    _count_repeats(lines)
    prose = [_body_prose(ln) and not (dom and dom[i].link_density >= LINK_DENSE_PROSE)
             for i, ln in enumerate(lines)]
    signal = [_certain(i, ln, lines, i in known, agencies) for i, ln in enumerate(lines)]
    cards = _mark_card_lines(lines, signal)
    widgets = find_widgets(lines)
    link_dense = [bool(dom) and dom[i].link_density >= LINK_DENSE_PROSE for i in range(len(lines))]
    lists, plain_lists = content_lists(lines, signal, link_dense)
    listed = [False] * len(lines)
    for first, last in lists:
        listed[first:last + 1] = [True] * (last - first + 1)
    # a run of short items without furniture vocabulary is the article's list when the body holds it
    plain = [False] * len(lines)
    for first, last in plain_lists:
        if sum(ln.words for ln in lines[first:last + 1]) <= PLAIN_ITEM_WORDS * (last - first + 1):
            plain[first:last + 1] = [True] * (last - first + 1)
    _mark_menu_runs(lines, signal, [a or b for a, b in zip(listed, plain)])
    title = set(words_of(lines[0].text))
    for i in cards:  # the snippet under a card's byline (or a comment under its author) is not the article
        if i and _like_title(lines[i - 1], title):
            continue  # the article's own byline, under its headline
        j = i + 1
        while j < len(lines) and signal[j] and _date_only(lines[j]):
            j += 1
        if j < len(lines):
            prose[j] = False
    content = [p or l or q for p, l, q in zip(prose, listed, plain)]
    slots = _slots(lines, content, signal)
    body = _body(lines, prose, signal, [a or b for a, b in zip(listed, plain)], widgets, slots)
    if body is None:
        return None
    s, e = body = _drop_sign_off(lines, extend_body(body, lists, signal, slots | widgets.keys()), vocab, signal)
    # a list away from the article is a menu again when it is long enough
    _mark_menu_runs(lines, signal, [(listed[i] or plain[i]) and s <= i <= e for i in range(len(lines))])
    outside = sum(1 for i, sig in enumerate(signal) if sig and not s <= i <= e)
    if outside < MIN_EVIDENCE:
        return None
    n = len(lines)
    protected = [False] * n
    _protect_masthead(lines, s, protected, signal)
    furniture = [False] * n
    head = max((i for i in range(s) if signal[i] and not protected[i]), default=-1)
    for i in range(head + 1):
        furniture[i] = not protected[i]
    tail = min((i for i in range(e + 1, n) if signal[i]), default=n)
    for i in range(tail, n):
        furniture[i] = True
    for i in range(s, e + 1):
        furniture[i] = i in widgets or signal[i] and not prose[i] and (_inner_ok(lines[i]) or _dom_inner(dom, i))
    _spare_prose_runs(prose, furniture)
    spare_article(lines, furniture, signal, cards, _date_only, vocab)
    # a widget's name first; then an element's own name (footer, nav), which says more than a word of its text
    kinds = [((widgets.get(i) if s <= i <= e else None) or (dom[i].kind if dom else None) or _kind(ln, vocab))
             if furniture[i] else None for i, ln in enumerate(lines)]
    page = Page(lines, body, furniture, kinds, protected)
    page.title_tail = _title_tail(lines)
    return page


def blocks(page: Page) -> list[Block]:
    """Contiguous furniture lines, split where the kind of block changes.

    A one- or two-word line of another kind joins its neighbour ("Privacy" in
    a footer): a word is too little to name a block of its own."""
    merged: list[Block] = []

    def tiny(block: Block) -> bool:
        return block.first == block.last and page.lines[block.first].words <= 2 and block.kind not in _OWN_KINDS

    for block in _kind_runs(page):
        if merged and merged[-1].last + 1 == block.first and (tiny(block) or tiny(merged[-1])):
            prev = merged[-1]
            kind = block.kind if tiny(prev) and not tiny(block) else prev.kind
            merged[-1] = Block(prev.first, block.last, kind)
        else:
            merged.append(block)
    return merged


#: Kinds a single short line names for itself ("4 min read" is not part of the share bar next to it).
_OWN_KINDS = frozenset({"readtime", "caption", "signature", "video", "javascript", "signoff"})


def _kind_runs(page: Page) -> list[Block]:
    out: list[Block] = []
    first = None
    kind = None
    for i, flag in enumerate(page.furniture + [False]):
        own = page.kinds[i] if flag else None
        if first is not None and (not flag or (own is not None and kind is not None and own != kind)
                                  or kind in _OWN_KINDS and own != kind):
            out.append(Block(first, i - 1, kind or _shape_kind(page.lines[first:i])))
            first, kind = None, None
        if flag and first is None:
            first, kind = i, own
        elif flag and kind is None:
            kind = own
    return out


#: Lines up to this many characters are looked at first, for evidence of a page.
QUICK_LINE = 160


def _evidence(text, spans, vocab, known, stops) -> dict[int, Line] | None:
    """The short lines, measured, when they show a page at all; else None (cheap exit).

    A page shows at least MIN_EVIDENCE certain furniture lines, two of them
    within EVIDENCE_GAP lines of each other (furniture comes in blocks; a
    phrase quoted here and there in an article does not)."""
    found = len(known)
    ordered = sorted(known)
    near = any(b - a <= EVIDENCE_GAP for a, b in zip(ordered, ordered[1:]))
    last = -EVIDENCE_GAP - 1
    measured: dict[int, Line] = {}
    run = 0
    words, signs = vocab.gate(_CERTAIN_KINDS)
    for i, (s, e) in enumerate(spans):
        if e - s > QUICK_LINE:
            run = 0
            continue
        if e - s > MENU_ITEM_CHARS and i not in known and _cannot_be_evidence(text[s:e], words, signs):
            run = 0  # too long for a menu item, and no furniture word, signature or copyright
            continue
        ln = measured[i] = measure(text, s, e, stops, vocab, full=False)
        run = run + 1 if _menu_item(ln) else 0
        if run >= MENU_RUN:
            found, near = found + MIN_EVIDENCE, True
        elif i in known:
            near = near or i - last <= EVIDENCE_GAP
            last = i
        elif _vocab_heavy(ln) or ln.signature or _copyright_line(ln):
            found += 1
            near = near or i - last <= EVIDENCE_GAP
            last = i
    return measured if found >= MIN_EVIDENCE and near else None


def _cannot_be_evidence(line: str, words: frozenset[str], signs: tuple[str, ...]) -> bool:
    """A cheap test: the line is no signature (no "/"), no copyright line, and too few
    of its words could be furniture words for it to be a furniture line (`_vocab_heavy`)."""
    if "/" in line or "©" in line:
        return False
    low = line.casefold()
    if "copyright" in low or "(c)" in low or signs and any(p in low for p in signs):
        return False
    folded = folded_words(low)
    n = len(folded)
    return n > SIGNAL_MAX_WORDS or sum(map(words.__contains__, folded)) < SIGNAL_VOCAB_SHARE * n


# -- the body -----------------------------------------------------------------

#: A list without digits or commas is the article's when the body holds it and its items
#: average at most this many words ("Oatmeal with berries"; a teaser list's headlines are longer).
PLAIN_ITEM_WORDS = 5
#: At most this many short certain lines between two paragraphs are a slot in the article
#: ("Advertisement", "Story continues below"), which the body runs across.
SLOT_LINES = 2


def _drop_sign_off(lines: list[Line], body: tuple[int, int], vocab: Vocabulary,
                   signal: list[bool]) -> tuple[int, int]:
    """The body without a live blog's sign-off at its end ("That's all from us ..."),
    which is certain furniture (`signal` is marked in place)."""
    s, e = body
    low = lines[e].text.casefold()
    if e > s and vocab.hits(low, words_of(low)).get("signoff"):
        signal[e] = True
        e -= 1
    return s, e


def _slots(lines: list[Line], content: list[bool], signal: list[bool]) -> set[int]:
    """Runs of at most SLOT_LINES short certain lines with the article's content (prose or
    a list of its) on both sides."""
    out: set[int] = set()
    n = len(lines)
    for i in range(1, n - 1):
        if content[i - 1] and signal[i] and lines[i].words <= MENU_ITEM_WORDS:
            j = i
            while j < n and j - i < SLOT_LINES and signal[j] and lines[j].words <= MENU_ITEM_WORDS:
                j += 1
            if j < n and content[j]:
                out.update(range(i, j))
    return out


#: Cost of a line of a widget between paragraphs (a video player, a sign-up box): the body runs across it.
WIDGET_COST = 2


def _body(lines: list[Line], prose: list[bool], signal: list[bool], listed: list[bool],
          widgets: dict[int, str], slots: set[int]) -> tuple[int, int] | None:
    """The run of lines with the most prose words less the cost of the rest (the
    items of a list that reads like the article's cost nothing, a widget or a
    slot between paragraphs little)."""
    best, best_span = 0, None
    run, run_start = 0, 0
    for i, ln in enumerate(lines):
        if i in widgets or i in slots:
            score = -WIDGET_COST
        elif prose[i]:
            score = min(ln.words, PROSE_WORD_CAP)
        elif signal[i]:
            score = -SIGNAL_COST
        elif listed[i]:
            score = 0
        else:
            score = -NON_PROSE_COST
        if run <= 0:
            run, run_start = 0, i
        run += score
        if run > best:
            best, best_span = run, (run_start, i)
    if best_span is None:
        return None
    s, e = best_span
    while s < e and not prose[s]:
        s += 1
    words = sum(lines[i].words for i in range(s, e + 1) if prose[i])
    if words < MIN_BODY_WORDS or sum(prose[s:e + 1]) < 2:
        return None
    return s, e


#: A prose line with this many cookie, newsletter, share or comment words is a
#: notice or a pitch, not the article (a news sentence has at most one or two).
PITCH_WORDS = 3


def _body_prose(ln: Line) -> bool:
    """Prose that can be the article's: not a notice, not a paragraph the page repeats."""
    if not ln.prose or ln.repeats or _vocab_heavy(ln):
        return False
    return sum(ln.vocab.get(k, 0) for k in ("cookie", "newsletter", "share", "comments")) < PITCH_WORDS


#: In HTML, a prose-looking line with this share of its characters in links is a
#: teaser snippet, not the article (jusText's max_link_density is 0.2 for good
#: paragraphs; article paragraphs with a few links stay well under a half).
LINK_DENSE_PROSE = 0.5
#: A one-to-four-word line with this share of its characters in links is a link list item.
LINK_DENSE = 0.8


def _dom_certain(d, text: str, span: tuple[int, int]) -> bool:
    """An HTML line that its elements mark as furniture beyond doubt."""
    if not d.chars:
        return False
    words = text.count(" ", span[0], span[1]) + 1
    if words > SIGNAL_MAX_WORDS:
        return False
    if d.kind is not None and (d.link_density >= LINK_DENSE_PROSE or words <= MENU_ITEM_WORDS):
        return True
    return d.link_density >= LINK_DENSE and words <= MENU_ITEM_WORDS  # a bare link list item


def _dom_inner(dom, i: int) -> bool:
    """Inside the body, an element-marked line must also be mostly links (not a pull quote)."""
    return bool(dom) and dom[i].kind in ("share", "newsletter", "cookie", "teaser", "comments") \
        and dom[i].link_density >= LINK_DENSE_PROSE


def _vocab_heavy(ln: Line) -> bool:
    return ln.words <= SIGNAL_MAX_WORDS and sum(v for k, v in ln.vocab.items() if k in _CERTAIN_KINDS) >= SIGNAL_VOCAB_SHARE * max(ln.words, 1)


def _certain(i: int, ln: Line, lines: list[Line], known: bool, agencies: frozenset[str]) -> bool:
    """True when line `i` is page furniture beyond doubt, whatever surrounds it."""
    if known or ln.signature:
        return True
    if ln.words == 0:
        return ln.urls > 0
    if _copyright_line(ln):
        if _photo_credit().search(ln.text):
            return False  # "Image copyright Getty Images" credits a photo
        rest = [w for w in words_of(ln.text) if w not in ("copyright", "c")]
        return not (rest and all(w in agencies for w in rest))  # "© Reuters" is a credit
    if _vocab_heavy(ln):
        return True
    if ln.urls and ln.words <= 3 and not ln.prose:
        return True
    if ln.words <= MENU_ITEM_WORDS and not ln.sentence_end and ln.vocab.get("menu", 0) >= ln.words:
        return _menu_neighbour(lines, i - 1) or _menu_neighbour(lines, i + 1)
    return False


def _copyright_line(ln: Line) -> bool:
    return ln.words <= SIGNAL_MAX_WORDS and _may_be_copyright(ln.text) and bool(_copyright().search(ln.text))


def _may_be_copyright(text: str) -> bool:
    return "©" in text or "(" in text or "copyright" in text.lower()


#: A menu item has at most this many characters.
MENU_ITEM_CHARS = 40


def _menu_item(ln: Line) -> bool:
    return ln.words <= MENU_ITEM_WORDS and not ln.sentence_end and not ln.sentences and ln.chars <= MENU_ITEM_CHARS


def _mark_menu_runs(lines: list[Line], signal: list[bool], spared: list[bool]) -> None:
    """A long run of one-to-four-word lines is a menu, whatever its words.

    Lines already known as furniture (a share bar after a fact box) and the
    `spared` lines (the article's lists) break the run."""
    i, n = 0, len(lines)
    while i < n:
        if signal[i] or spared[i] or not _menu_item(lines[i]):
            i += 1
            continue
        j = i
        while j < n and not signal[j] and not spared[j] and _menu_item(lines[j]):
            j += 1
        if j - i >= MENU_RUN:
            for k in range(i, j):
                signal[k] = True
        i = j


#: Bylines ("By Jane Doe") or bare date lines this many times on one page are
#: teaser cards or a comment thread: an article has one byline and one date line.
CARD_LINES = 3
_date_words = deferred_regex(
    r"(?:\d+(?:st|nd|rd|th)?|\d{1,2}[:.]\d{2}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|at|on|am|pm|a\.m\.|p\.m\.|gmt|utc|est|edt|pst|ist|cet|ago|updated|published|posted|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?|hours?|minutes?|mins?|days?|weeks?|months?|years?|[,.:/|\-–—])",
    regex.IGNORECASE,
)


def _date_only(ln: Line) -> bool:
    return 0 < ln.dates and ln.words <= 8 and all(
        _date_words().fullmatch(t.rstrip(",.;") or t) for t in ln.text.split())


def _mark_card_lines(lines: list[Line], signal: list[bool]) -> list[int]:
    """Bylines and bare dates that recur on the page are teaser cards or comments.

    Returns the recurring bylines (a live blog's recurring times are not cards)."""
    bylines: list[int] = []
    for test in (_card_byline, _card_date):
        found = [i for i, ln in enumerate(lines) if ln.words <= SIGNAL_MAX_WORDS and test(ln)
                 and (test is _card_date or _byline().match(ln.text) or _dated(lines, i))]
        if len(found) >= CARD_LINES:
            for i in found:
                signal[i] = True
            if test is _card_byline:
                bylines = found
    return bylines


def _card_date(ln: Line) -> bool:
    """A card's date: a date line with a day's number, a time or "ago" (a bare "Saturday" heads a list)."""
    return _date_only(ln) and (any(c.isdigit() for c in ln.text) or "ago" in ln.text.casefold())


def _dated(lines: list[Line], i: int) -> bool:
    """A commenter's line comes with its time ("jsmith says:" / "May 2, 2024 at 6:34 am")."""
    return any(0 <= j < len(lines) and _date_only(lines[j]) for j in (i - 1, i + 1))


_commenter = deferred_regex(r"\S.{0,60}\s(?:says|wrote|writes|replied)\s*:?$", regex.IGNORECASE)


def _card_byline(ln: Line) -> bool:
    """A teaser card's byline or a commenter's name line ("jsmith says:")."""
    return ln.words <= 6 and bool(_byline().match(ln.text) or _commenter().match(ln.text))


def _menu_neighbour(lines: list[Line], j: int) -> bool:
    if not 0 <= j < len(lines):
        return False
    ln = lines[j]
    return ln.words <= MENU_ITEM_WORDS and not ln.sentence_end and (ln.vocab.get("menu", 0) > 0 or ln.vocab_tokens > 0)


def _inner_ok(ln: Line) -> bool:
    """Inside the body only share, follow, newsletter, cookie, video, JavaScript and read-time lines
    are certain enough."""
    return ln.signature or any(ln.vocab.get(k) for k in _INNER_KINDS)


#: Vocabulary that makes a certain line furniture even inside the body.
_INNER_KINDS = ("share", "newsletter", "cookie", "video", "javascript", "readtime")


def _like_title(ln: Line, title: set[str]) -> bool:
    """The headline: most of its words are in the page title (the first line)."""
    words = words_of(ln.text)
    return len(words) >= 3 and ln.words <= SIGNAL_MAX_WORDS and sum(w in title for w in words) >= 0.6 * len(words)


def _protect_masthead(lines: list[Line], s: int, protected: list[bool], signal: list[bool]) -> None:
    """The headline, byline and date lines just before the body are the article's."""
    # the page title, when the page starts with one (its site-name tail is reported apart)
    protected[0] = lines[0].words >= 3 and not signal[0]
    title = set(words_of(lines[0].text))
    # the last line above the body that is neither furniture, byline, date nor credit
    last_plain = next((i for i in range(s - 1, max(0, s - MASTHEAD) - 1, -1)
                       if not signal[i] and not lines[i].dates and not _byline().match(lines[i].text)
                       and not _photo_credit().search(lines[i].text) and lines[i].words >= HEADLINE_WORDS), None)
    # the headline wherever it stands above the body (a share panel may sit between), and
    # the byline and date line right under it
    for i in range(1, max(0, s - MASTHEAD)):
        words = words_of(lines[i].text)
        if len(words) >= 3 and lines[i].words <= SIGNAL_MAX_WORDS and sum(w in title for w in words) >= 0.6 * len(words):
            protected[i] = True
            for j in range(i + 1, min(i + 1 + HEADLINE_FOLLOWERS, s)):
                if _byline_or_date(lines[j]):
                    protected[j] = True
    for i in range(max(0, s - MASTHEAD), s):
        ln = lines[i]
        words = words_of(ln.text)
        if ln.words <= 12 and (_byline().match(ln.text) or (_photo_credit().search(ln.text) and not signal[i])):
            protected[i] = True
        elif ln.dates and ln.words <= 12 and ln.vocab_tokens == 0:
            protected[i] = True
        elif words and len(words) >= 3 and sum(w in title for w in words) >= 0.6 * len(words):
            protected[i] = True
        elif i == last_plain and HEADLINE_WORDS <= ln.words <= SIGNAL_MAX_WORDS and not ln.vocab_tokens:
            protected[i] = True  # the headline (or standfirst) just above a share bar or the body
    for i in range(max(0, s - MASTHEAD), s):
        if protected[i] and (i == last_plain or lines[i].words >= 3 and not lines[i].dates):
            _protect_followers(lines, i, s, protected, signal)


#: A standfirst (the summary under the headline) has at most this many words.
STANDFIRST_WORDS = 60
#: A byline without "By" (a name, a name and a role) has at most this many words.
NAME_WORDS = 6
_NAME_JOINERS = frozenset({"and", "of", "de", "da", "van", "von", "der", "la", "le", "del", "bin", "al", "in"})


def _protect_followers(lines: list[Line], h: int, s: int, protected: list[bool], signal: list[bool]) -> None:
    """The standfirst, byline and date line under the headline `h` are the article's.

    Lines that are furniture beyond doubt (a share bar between) are passed over;
    the first line that is none of these ends the masthead."""
    j, seen = h + 1, 0
    while j < s and seen <= HEADLINE_FOLLOWERS:
        ln = lines[j]
        if signal[j]:
            j += 1
            seen += 1
            continue
        if not (_byline_or_date(ln) or _standfirst(ln) or _name_line(ln)):
            return
        protected[j] = True
        j += 1
        seen += 1


def _byline_or_date(ln: Line) -> bool:
    return ln.words <= 12 and bool(_byline().match(ln.text) or (ln.dates and not ln.vocab_tokens))


def _standfirst(ln: Line) -> bool:
    """A sentence that sums the article up: prose, without furniture vocabulary."""
    return (HEADLINE_WORDS <= ln.words <= STANDFIRST_WORDS and ln.stop_density >= 0.2 and not ln.urls
            and not any(ln.vocab.get(k) for k in _CERTAIN_KINDS))


def _name_line(ln: Line) -> bool:
    """A byline without "By": a name, or a name and a role ("Ana Lopes, Health editor")."""
    if not 2 <= ln.words <= NAME_WORDS or ln.vocab_tokens or ln.sentence_end or ln.urls or ln.dates:
        return False
    words = ln.text.replace(",", " ").split()
    return all(w[0].isupper() or w.casefold() in _NAME_JOINERS for w in words)


def _spare_prose_runs(prose: list[bool], furniture: list[bool]) -> None:
    i, n = 0, len(prose)
    while i < n:
        if prose[i] and furniture[i]:
            j = i
            while j < n and prose[j] and furniture[j]:
                j += 1
            if j - i >= PROSE_RUN:
                for k in range(i, j):
                    furniture[k] = False
            i = j
        else:
            i += 1


def _count_repeats(lines: list[Line]) -> None:
    seen: dict[str, list[int]] = {}
    for i, ln in enumerate(lines):
        seen.setdefault(ln.text.casefold(), []).append(i)
    for same in seen.values():
        if len(same) > 1:
            for i in same:
                lines[i].repeats = len(same) - 1


# -- kinds ------------------------------------------------------------------

def _kind(ln: Line, vocab: Vocabulary) -> str | None:
    if ln.signature:
        return "signature"
    if _caption().search(ln.text):
        return "caption"
    if _copyright().search(ln.text):
        return "footer"
    hits = ln.vocab
    if ln.words > SHORT_LINE:  # a long line was measured without phrases: they name it best
        low = ln.text.casefold()
        hits = vocab.hits(low, words_of(low))
    if hits:
        kind, count = max(sorted(hits.items()), key=lambda kv: (kv[1], kv[0] != "menu"))
        if kind != "menu" or count >= ln.words:
            return kind
    if ln.words == 0 and ln.urls:
        return "link"
    return None


def _shape_kind(lines: list[Line]) -> str:
    short = sum(1 for ln in lines if ln.words <= MENU_ITEM_WORDS)
    return "menu" if short * 2 >= len(lines) else "teaser"


def _title_tail(lines: list[Line]) -> tuple[int, int] | None:
    """The site-name tail of the page title (" - The Daily Example"), when the
    headline part of it is repeated further down the page without it."""
    first = lines[0].text
    later = {ln.text.strip().casefold() for ln in lines[1:40]}
    for cut in _title_split().finditer(first):
        head, tail = first[: cut.start()].strip(), first[cut.end():]
        if len(words_of(head)) < 3:
            continue
        if len(words_of(tail)) <= 8 and head.casefold() in later:
            return lines[0].start + cut.start(), lines[0].end
        if "|" in cut.group() and _site_name(tail):
            return lines[0].start + cut.start(), lines[0].end
    return None


#: A site's name after a pipe in the page title has at most this many words ("| CNN Politics").
SITE_NAME_WORDS = 4


def _site_name(tail: str) -> bool:
    """A name after the title's pipe: a few capitalised words ("TIME", "CNN Politics", "The Example Post")."""
    words = tail.split()
    return 0 < len(words) <= SITE_NAME_WORDS and all(w[0].isupper() or w[0].isdigit() or w in ("of", "the", "&")
                                                     for w in words)


def _may_be_furniture_sentence(sentence: str, words: frozenset[str], signs: tuple[str, ...]) -> bool:
    """A cheap test: at least two of the sentence's words, and half of them, could be furniture words."""
    low = sentence.casefold()
    if any(p in low for p in signs):
        return True
    folded = folded_words(low)
    return sum(map(words.__contains__, folded)) >= max(2, SIGNAL_VOCAB_SHARE * len(folded))


def is_number_line(text: str) -> bool:
    return bool(_digits_only().fullmatch(text))


# -- furniture sentences inside joined lines -----------------------------------

#: A line this long is a joined page (an extractor that put a whole page on a
#: few lines); no dev-set or clean-web body line is longer than 1,010 characters.
JOINED_LINE = 1200
#: Furniture sentences needed in a document's joined lines before any is reported.
MIN_JOINED_EVIDENCE = 2
_sentence = deferred_regex(r"[^.!?…]+(?:[.!?…]+[\"'”’»)]*|$)")


def joined_sentences(text: str, spans: list[tuple[int, int]], vocab: Vocabulary,
                     is_phrase) -> list[tuple[int, int, str]]:
    """Furniture sentences (start, end, kind) inside very long lines.

    `is_phrase(start, end)` tells whether a known site phrase is the whole sentence.
    """
    stops = None
    out = []
    if len(text) > MAX_CHARS:
        return out
    words, signs = vocab.gate(_CERTAIN_KINDS)
    for start, end in spans:
        if end - start < JOINED_LINE:
            continue
        if stops is None:
            stops = best_stoplist(words_of(text[start:start + 20_000]))
        for m in _sentence().finditer(text, start, end):
            s, e = m.span()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s or text.count(" ", s, e) >= SIGNAL_MAX_WORDS:
                continue
            if not _may_be_furniture_sentence(text[s:e], words, signs) and not is_phrase(s, e):
                continue  # most sentences: too few furniture words to be furniture
            ln = measure(text, s, e, stops, vocab)
            certain = sum(v for k, v in ln.vocab.items() if k in _CERTAIN_KINDS)
            if is_phrase(s, e) or (certain >= 2 and _vocab_heavy(ln)):
                out.append((s, e, _kind(ln, vocab) or "share"))
    return out if len(out) >= MIN_JOINED_EVIDENCE else []
