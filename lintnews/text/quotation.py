"""Where the direct quotations are, and where the quotation marks go wrong.

One state machine per paragraph reads the marks “ ” ‘ ’ " ' « » „ ‚ in order,
with a stack for nesting, and tells apostrophes (Kremlin’s, Ukrainians’, ’90s,
rock ’n’ roll, o’clock), inch and foot marks after digits (34" monitor, 6'2"),
and guillemets standing alone as arrows or bullets (“near you »”) from
quotation marks; AP's doubled ‘‘ ’’ are one double mark. A quotation still
open at the end of a paragraph is carried into the next one when that
paragraph opens with a mark of the same family (the English multi-paragraph
convention) or closes it further on; otherwise it is broken. An unclosed mark
and a later closing mark of its family that closes nothing are reported as
one broken quotation naming both ends.

The result, an `Analysis`, is computed once per Document and cached on it:

- `quoted_spans(doc)` / `in_quotation(doc, start, end)`: the balanced
  outermost quotations, which other families consult (a name inside a direct
  quotation may be kept as said, so its finding is one severity lower);
- `analyse(doc).events`: what is wrong with the marks, which
  `families/quotes/checks.py` turns into findings.
"""
from __future__ import annotations

import re
import regex

from bisect import bisect_right

from dataclasses import dataclass, field
from typing import NamedTuple

# Families: marks of one family open and close each other.
DOUBLE, SINGLE, GUILLEMET, LOW_DOUBLE, LOW_SINGLE = "double", "single", "guillemet", "low", "low-single"
FOREIGN = (GUILLEMET, LOW_DOUBLE, LOW_SINGLE)
STRAIGHT = {'"', "'"}

#: Any quotation mark or apostrophe: one class, which plain `re` scans for faster
#: than `regex`, and than for an alternation with AP's doubled marks (`_marks`).
_MARK = re.compile(r"[“”‘’\"'«»„‚]")
_ELISION = regex.compile(r"(?:em|til|tis|twas|cause|n|round|bout)(?![\w])", regex.IGNORECASE)
_OPEN_BEFORE = set("([{—–-/") | set("“‘«„‚\"'")


class Mark(NamedTuple):
    """A quotation mark in its role: `pos` in prose, `char`, `family`, opening or not.

    A named tuple: a text has one for each of its quotation marks and
    apostrophes, and the analysis hashes them (a tuple builds and hashes in C)."""

    pos: int
    char: str
    family: str
    opening: bool

    @property
    def straight(self) -> bool:
        return self.char in STRAIGHT

    @property
    def end(self) -> int:
        return self.pos + len(self.char)  # AP's ’’ is one mark of two characters


@dataclass(frozen=True, slots=True)
class Event:
    """Something wrong with the marks. `kind` is one of:

    unclosed  `mark` opens a quotation that its paragraph never closes and
              the next paragraph does not continue;
    stray     `mark` closes a quotation that was never opened;
    split     `mark` closes a quotation opened (`other`) in the previous
              paragraph, which ended without closing it: a paragraph break
              inside a quotation;
    reopened  `mark` opens a quotation while `other`, of the same family, is
              still open.

    Mixed pairs and styles are judged from `Analysis.pairs` by the check.
    """

    kind: str
    mark: Mark
    other: Mark | None = None


@dataclass
class Analysis:
    spans: list[tuple[int, int]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    #: Balanced pairs (opening, closing, depth: 0 for an outermost quotation).
    pairs: list[tuple[Mark, Mark, int]] = field(default_factory=list)
    #: Marks that are neither paired nor reported (foreign marks in broken pairs).
    loose: list[Mark] = field(default_factory=list)


def analyse(doc) -> Analysis:
    """The quotation analysis of `doc`, computed once (`Document.memo`)."""
    return doc.memo("quotation", _analyse_doc)


def _analyse_doc(doc) -> Analysis:
    return _analyse(doc.prose, doc.paragraphs)


def quoted_spans(doc) -> list[tuple[int, int]]:
    """Prose spans (marks included) of the balanced outermost quotations."""
    return analyse(doc).spans


def in_quotation(doc, start: int, end: int) -> bool:
    """True when the prose span [start, end) lies inside a direct quotation."""
    spans = quoted_spans(doc)
    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


# -- the state machine -------------------------------------------------------

def classify(text: str, i: int, lo: int, hi: int, stack: list[Mark]) -> Mark | None:
    """The role of the mark at text[i] (None: an apostrophe, an inch mark, an arrow)."""
    c = text[i]
    pair = text[i:i + 2]
    if pair in ("’’", "‘‘"):  # AP's doubled single marks: one double mark
        return Mark(i, pair, DOUBLE, pair == "‘‘")
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    space_before = before.isspace() or before in _OPEN_BEFORE
    space_after = after.isspace() or (not after.isalnum() and after not in "‘“\"'«„(")
    if c in '"”' and before.isdigit() and _inch_mark(text, i, hi, stack):
        return None  # 34" monitor, 6'2"
    if c in "«»" and (i == lo or text[i - 1].isspace()) and (i + 1 >= hi or text[i + 1].isspace()):
        # A guillemet standing alone between spaces is an arrow or a bullet
        # (“help near you »”, “» Read more”), unless it closes an open « » or
        # opens one closed later in the paragraph (French « mot »).
        if not (c == "»" and _open(stack, GUILLEMET)) and not (c == "«" and "»" in text[i + 1:hi]):
            return None
    if c == "“":
        if stack and stack[-1].family == LOW_DOUBLE and not space_before and space_after:
            return Mark(i, c, LOW_DOUBLE, False)  # „so“ (German)
        return Mark(i, c, DOUBLE, True)
    if c == "”":
        if stack and stack[-1].family == LOW_DOUBLE:
            return Mark(i, c, LOW_DOUBLE, False)  # „so” (Polish, Romanian)
        return Mark(i, c, DOUBLE, False)
    if c == "«":
        return Mark(i, c, GUILLEMET, True)
    if c == "»":
        opening = space_before and not space_after and not _open(stack, GUILLEMET)
        return Mark(i, c, GUILLEMET, opening)  # »so« (German, Danish) opens with »
    if c == "„":
        return Mark(i, c, LOW_DOUBLE, True)
    if c == "‚":
        if after.isspace():
            return None  # a comma look-alike
        return Mark(i, c, LOW_SINGLE, True)
    if c == '"':
        if space_before and not space_after:
            opening = True
        elif space_after and not space_before:
            opening = False
        else:
            opening = not _open(stack, DOUBLE)
        return Mark(i, c, DOUBLE, opening)
    # ‘ ’ and ': quotation marks or apostrophes
    if before.isalnum() and after.isalnum():
        return None  # Kremlin’s, o’clock, don't
    if c == "‘" and stack and stack[-1].family == LOW_SINGLE and not space_before:
        return Mark(i, c, LOW_SINGLE, False)  # ‚so‘
    if c == "’" and stack and stack[-1].family == LOW_SINGLE:
        return Mark(i, c, LOW_SINGLE, False)
    if space_before and not space_after:
        if after.isdigit() or _ELISION.match(text, i + 1, hi):
            return None  # ’90s, ’n’, 'em
        if c == "’":
            return None  # a word-initial apostrophe is never an opening mark
        return Mark(i, c, SINGLE, True)
    if c == "‘":
        return Mark(i, c, SINGLE, True) if not before.isalnum() else None
    # ’ or ' after a word: closing only when a single quotation is open
    if _open(stack, SINGLE):
        return Mark(i, c, SINGLE, False)
    return None  # Ukrainians’, goin’


def _inch_mark(text: str, i: int, hi: int, stack: list[Mark]) -> bool:
    """A " or ” right after a digit is an inch mark (34" monitor, 6'2") unless it
    closes the double quotation open here: that one is closed by this mark when
    no other mark of its kind follows in the paragraph to close it
    ("It was 34" he said). A digit that ends a word of letters (C1, F16, a
    model or a code name) is no measurement: the mark after it is a quotation mark."""
    j = i - 1
    while j >= 0 and (text[j].isdigit() or text[j] in ".,'’/"):
        j -= 1
    if j >= 0 and text[j].isalpha():
        return False
    if not _open(stack, DOUBLE):
        return True
    stop = min(hi, i + _INCH_LOOKAHEAD)
    later = text.count('"', i + 1, stop) + text.count("”", i + 1, stop)
    return later % 2 == 1


_INCH_LOOKAHEAD = 2000  # a quotation's closing mark is looked for this far (bounded cost)


def _open(stack: list[Mark], family: str) -> bool:
    return _find(stack, family) >= 0


#: Sixteen words of a headline take far fewer characters than this.
HEADLINE_MAX = 400


def headline(prose: str, lo: int, hi: int) -> bool:
    """A paragraph that reads as a headline or a title: one short line without
    a sentence's closing punctuation (British headlines quote with single marks).

    Asked once per quotation mark: a paragraph longer than `HEADLINE_MAX`
    characters is no headline, and is not copied and split again for each mark."""
    if hi - lo > HEADLINE_MAX:
        return False
    line = prose[lo:hi].strip()
    bare = line.rstrip("”’\"'»)")
    return (0 < len(line.split()) <= 16 and "\n" not in line
            and bool(bare) and bare[-1] not in ".!?:;,")


def _analyse(prose: str, paragraphs: list[tuple[int, int]]) -> Analysis:
    result = Analysis()
    events = result.events
    # Quotations open at the end of an earlier paragraph are carried: the next
    # paragraph that has marks continues them (opens with a mark of the same
    # family: the English convention for a quotation over many paragraphs),
    # closes them somewhere (it went on without a continuation mark: an error
    # only when the quotation began inside its paragraph and closes in the
    # very next one), quotations of its own inside them included. A paragraph
    # that does neither leaves the carried quotation unclosed.
    carried: list[Mark] = []
    gap = 0  # paragraphs without marks since the carried ones were opened
    began_paragraph = False
    outer_start = 0
    last = len(paragraphs) - 1
    for index, (lo, hi) in enumerate(paragraphs):
        stack: list[Mark] = []
        inherited = 0  # how many marks at the bottom of `stack` came from earlier paragraphs
        split = False  # whether closing an inherited mark here is a split quotation
        starts_open = False  # whether this paragraph opens with its own or a continuation mark
        for i in _marks(prose, lo, hi):
            mark = classify(prose, i, lo, hi, stack or carried)
            if mark is None:
                continue
            if carried:
                k = _find(carried, mark.family)
                if mark.opening and i == lo and k == 0:
                    stack, carried = carried, []  # the continuation mark
                    starts_open = True
                    continue
                if not (mark.opening and k >= 0) and _closes(prose, lo, hi, carried[0].family):
                    # the paragraph closes the carried quotation: it went on without its mark
                    stack, inherited = carried, len(carried)
                    split = gap == 0 and not began_paragraph
                else:  # a new quotation of the same kind, or one that is never closed: it broke
                    for open_mark in carried:
                        _unclosed(result, open_mark)
                carried = []
            if mark.opening:
                top = stack[-1] if stack else None
                if top is not None and top.family == mark.family and not (top.straight and mark.straight):
                    events.append(Event("reopened", mark, top))
                    stack[-1] = mark
                else:
                    if not stack:
                        outer_start = i
                        starts_open = starts_open or i == lo
                    stack.append(mark)
                continue
            j = _find(stack, mark.family)
            if j < 0:
                if mark.family in FOREIGN:
                    result.loose.append(mark)
                else:
                    events.append(Event("stray", mark))
                continue
            for inner in stack[j + 1:]:
                if inner.family != SINGLE:
                    _unclosed(result, inner)
            if j < inherited:
                if split:
                    events.append(Event("split", mark, stack[j]))
                inherited = j
            result.pairs.append((stack[j], mark, j))
            del stack[j:]
            if not stack:
                result.spans.append((outer_start, i + 1))
        if carried:  # a paragraph without marks: keep waiting
            gap += 1
        elif stack:
            for inner, outer in zip(stack[inherited + 1:], stack[inherited:]):
                if inner.family == outer.family:  # straight marks nested and never closed
                    events.append(Event("reopened", inner, outer))
            carried = [m for n, m in enumerate(stack) if n == 0 or m.family != stack[n - 1].family]
            gap = 0
            began_paragraph = starts_open if inherited else carried[0].pos == lo
        if index == last:
            for open_mark in carried:
                _unclosed(result, open_mark)
    result.spans.sort()
    result.events.sort(key=lambda e: e.mark.pos)
    _pair_across_paragraphs(result)
    return result


def _marks(prose: str, lo: int, hi: int):
    """The positions of the marks in prose[lo:hi], in order; AP's doubled ’’ or ‘‘
    is one mark (its second character is not another)."""
    after = lo
    for m in _MARK.finditer(prose, lo, hi):
        i = m.start()
        if i < after:
            continue
        after = i + 2 if prose.startswith(_DOUBLED, i, hi) else i + 1
        yield i


_DOUBLED = ("’’", "‘‘")


def _closes(prose: str, lo: int, hi: int, family: str) -> bool:
    """Whether the paragraph prose[lo:hi] holds a closing mark of `family` that
    closes nothing inside it (so it closes a quotation opened earlier)."""
    stack: list[Mark] = []
    for i in _marks(prose, lo, hi):
        mark = classify(prose, i, lo, hi, stack)
        if mark is None:
            continue
        if mark.opening:
            stack.append(mark)
            continue
        j = _find(stack, mark.family)
        if j < 0:
            if mark.family == family:
                return True
            continue
        del stack[j:]
    return False


def _pair_across_paragraphs(result: Analysis) -> None:
    """One quotation, one finding: a mark left unclosed and a later closing mark
    of the same family that closes nothing, with no other broken mark of that
    family between them, are the two ends of one quotation broken by the text
    between (paragraphs, a missing continuation mark). They become one `split`
    event naming both ends."""
    out: list[Event] = []
    pending: dict[str, int] = {}  # family -> index in `out` of an unclosed event
    for event in result.events:
        family = event.mark.family
        if event.kind == "stray" and family in pending:
            at = pending.pop(family)
            out[at] = Event("split", event.mark, out[at].mark)
            continue
        if event.kind == "unclosed":
            pending[family] = len(out)
        elif family in pending and event.kind != "reopened":
            pending.pop(family)
        out.append(event)
    result.events[:] = out


def _find(stack: list[Mark], family: str) -> int:
    """Index of the innermost open mark of `family` (-1: none)."""
    for j in range(len(stack) - 1, -1, -1):
        if stack[j].family == family:
            return j
    return -1


def _unclosed(result: Analysis, mark: Mark) -> None:
    if mark.family in FOREIGN:
        result.loose.append(mark)
    else:
        result.events.append(Event("unclosed", mark))
