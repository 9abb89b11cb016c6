"""LN4xx: quotation marks left broken by translation and scraping.

The marks are read once per document by the state machine in
`lintnews.quotation`; this module turns what it found into findings. Each
finding points at the mark that is wrong, and a fix is offered only where the
right mark is certain (a straight mark in a curly document, a « » pair).
"""
from __future__ import annotations

from ..finding import Severity
from ..quotation import FOREIGN, Mark, analyse
from ..registry import Example, Rule, check

_TWIN = {  # (char, opening) -> curly twin
    ('"', True): "“", ('"', False): "”", ("'", True): "‘", ("'", False): "’",
}
_STRAIGHT = {"“": '"', "”": '"', "‘": "'", "’": "'"}
_ENGLISH = {  # (depth parity, curly, opening) -> mark
    (0, True, True): "“", (0, True, False): "”", (1, True, True): "‘", (1, True, False): "’",
    (0, False, True): '"', (0, False, False): '"', (1, False, True): "'", (1, False, False): "'",
}

UNCLOSED = Rule(
    code="LN401", name="unclosed-quote", category="quotes", severity=Severity.WARNING,
    summary="A quotation is opened and never closed.",
    doc=(
        "The opening mark starts a quotation that its paragraph does not close. A\n"
        "quotation may run over several paragraphs when each new paragraph opens\n"
        "with a quotation mark (the English convention); that is not reported.\n"
        "Translation and scraping often drop the closing mark, so the reader cannot\n"
        "tell where the speaker's words end. No fix: only a person knows where the\n"
        "quotation ends."
    ),
    examples=(
        Example("The minister said “the talks will go on and nothing else.\n\nThe meeting ended.\n", ("LN401",)),
        Example("The minister said “the talks will go on.\n\n“Nothing else matters,” she added.\n", ()),
    ),
)
STRAY = Rule(
    code="LN402", name="unmatched-closing-quote", category="quotes", severity=Severity.WARNING,
    summary="A closing quotation mark with no opening mark before it.",
    doc=(
        "A closing mark that closes nothing: the opening mark was lost, or a\n"
        "fragment of the quotation was repeated after it had been closed\n"
        "(“… what we need.” we need”.). Apostrophes (Kremlin’s, Ukrainians’, ’90s,\n"
        "rock ’n’ roll) are not quotation marks and are never reported."
    ),
    examples=(
        Example("“We will rebuild,” she said, “what was lost.” was lost”.\n", ("LN402",)),
        Example("The Ukrainians’ position since the ’90s was clear, at six o’clock.\n", ()),
    ),
)
SPLIT = Rule(
    code="LN403", name="quote-split-by-paragraph", category="quotes", severity=Severity.WARNING,
    summary="A paragraph break inside a quotation that the next paragraph does not reopen.",
    doc=(
        "A quotation that begins inside a paragraph is still open at its end, and the\n"
        "next paragraph closes it without opening with a quotation mark: the\n"
        "paragraph was split inside the quotation. Join the two paragraphs, or open\n"
        "the second with a quotation mark. (A quotation that simply runs on over\n"
        "several lines from the start of its paragraph is left alone: scrapers\n"
        "break lines inside quotations too often to call that an error.)"
    ),
    examples=(
        Example("A neighbour spoke. “The roof fell in, and we ran.\nIt was awful.”\n", ("LN403",)),
        Example("A neighbour spoke. “The roof fell in, and we ran.\n“It was awful.”\n", ()),
    ),
)
REOPENED = Rule(
    code="LN404", name="quote-opened-inside-quote", category="quotes", severity=Severity.WARNING,
    summary="A quotation opened while another of the same kind is still open.",
    doc=(
        "A new quotation opens with the same mark while the previous quotation has\n"
        "not been closed: a closing mark is missing before it. A quotation inside a\n"
        "quotation takes the other kind of mark (“… ‘…’ …”) and is not reported."
    ),
    examples=(
        Example("He said: “We tried to stop it. “Then it was too late,” he added.\n", ("LN404",)),
        Example("He said: “We were told ‘stop it’ and we did,” he added.\n", ()),
    ),
)
MIXED_PAIR = Rule(
    code="LN405", name="mixed-quote-pair", category="quotes", severity=Severity.WARNING,
    fixable=True,
    summary="One quotation opened with a straight mark and closed with a curly one, or the reverse.",
    doc=(
        "The two marks of one quotation should match. The fix replaces the mark that\n"
        "differs from the document's style with its twin and is safe."
    ),
    examples=(
        Example("“We will rebuild\" she said, and “soon,” she added.\n", ("LN405",)),
        Example("“We will rebuild” she said, and “soon,” she added.\n", ()),
    ),
)
MIXED_STYLE = Rule(
    code="LN406", name="mixed-quote-style", category="quotes", severity=Severity.WARNING,
    fixable=True,
    summary="A document that quotes with both straight and curly marks: the minority is reported.",
    doc=(
        "An article should use one style of quotation marks. When most quotations\n"
        "use curly marks (“ ”) and a few use straight ones (\"), or the reverse, each\n"
        "mark of the minority is reported with its twin in the majority style as a\n"
        "safe fix. A document with as many of one as of the other is not reported."
    ),
    examples=(
        Example("“One,” he said. “Two,” she said. \"Three,\" they said.\n", ("LN406",)),
        Example("\"One,\" he said. \"Two,\" she said. \"Three,\" they said.\n", ()),
    ),
)
FOREIGN_MARKS = Rule(
    code="LN407", name="foreign-quote-marks", category="quotes", severity=Severity.WARNING,
    fixable=True,
    summary="« », „ “ or ‚ ‘ quotation marks left from the source language.",
    doc=(
        "Russian, Ukrainian, French and German quote with « », „ “ or ‚ ‘; English\n"
        "does not. When the pair is complete, the fix writes the English marks of the\n"
        "document's style (“ ” outside, ‘ ’ inside another quotation) and is safe.\n"
        "Marks around text in another script («Известия») belong to that text and\n"
        "are not reported."
    ),
    examples=(
        Example("The agency called it «a provocation» on Monday.\n", ("LN407",)),
        Example("The newspaper «Известия» called it “a provocation” on Monday.\n", ()),
    ),
)

_RULES = (UNCLOSED, STRAY, SPLIT, REOPENED, MIXED_PAIR, MIXED_STYLE, FOREIGN_MARKS)


@check(*_RULES)
def quotation_marks(doc, ctx):
    analysis = analyse(doc)
    prose = doc.prose

    def line_of(mark: Mark) -> int:
        return doc.lines.position(doc.to_original(mark.pos, mark.pos + 1)[0])[0]

    for event in analysis.events:
        mark, other = event.mark, event.other
        at = mark.pos
        if event.kind == "unclosed":
            yield doc.finding(UNCLOSED, at, at + 1,
                              f"This {mark.char} opens a quotation that is never closed: add the "
                              "closing mark where the quoted words end.")
        elif event.kind == "stray":
            yield doc.finding(STRAY, at, at + 1,
                              f"This {mark.char} closes a quotation that was never opened: the opening "
                              "mark is missing, or the words before it are a repeated fragment.")
        elif event.kind == "split":
            yield doc.finding(SPLIT, at, at + 1,
                              f"This {mark.char} closes a quotation opened on line {line_of(other)}, "
                              "whose paragraph ended without closing it: join the paragraphs, or "
                              "open this one with a quotation mark.")
        elif event.kind == "reopened":
            yield doc.finding(REOPENED, at, at + 1,
                              f"A new quotation opens here while the one opened with {other.char} on "
                              f"line {line_of(other)} is still open: a closing mark is missing before it.")

    curly = straight = 0
    for opening, closing, _depth in analysis.pairs:
        if opening.family in FOREIGN:
            continue
        if opening.straight and closing.straight:
            straight += 1
        elif not opening.straight and not closing.straight:
            curly += 1
    curly_document = curly >= straight

    for opening, closing, depth in analysis.pairs:
        if opening.family in FOREIGN:
            yield from _foreign(doc, prose, opening, closing, depth, curly_document)
        elif opening.straight != closing.straight:
            wrong = opening if opening.straight == curly_document else closing
            twin = _twin(wrong)
            yield doc.finding(MIXED_PAIR, wrong.pos, wrong.pos + 1,
                              f"This quotation opens with {opening.char} and closes with {closing.char}: "
                              f"write {twin} here so the two marks match.",
                              [(twin, True)])
        elif curly != straight and opening.straight == curly_document:
            majority, minority = ("curly", "straight") if curly_document else ("straight", "curly")
            for mark in (opening, closing):
                twin = _twin(mark)
                yield doc.finding(MIXED_STYLE, mark.pos, mark.pos + 1,
                                  f"Most quotations in this text use {majority} marks; this one uses "
                                  f"{minority} marks: write {twin}.", [(twin, True)])
    for mark in analysis.loose:
        yield doc.finding(FOREIGN_MARKS, mark.pos, mark.pos + 1,
                          f"{mark.char} is a quotation mark of Russian, Ukrainian, French or German "
                          "text, not of English, and here it has no partner: use “ ” and check "
                          "where the quotation begins and ends.")


def _twin(mark: Mark) -> str:
    if mark.straight:
        return _TWIN[(mark.char, mark.opening)]
    return _STRAIGHT[mark.char]


def _foreign(doc, prose, opening, closing, depth, curly_document):
    inside = prose[opening.pos + 1:closing.pos]
    letters = [c for c in inside if c.isalpha()]
    if letters and sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f") * 2 < len(letters):
        return  # the quoted words are in another script: the marks are theirs
    for mark in (opening, closing):
        english = _ENGLISH[(depth % 2, curly_document, mark.opening)]
        yield doc.finding(FOREIGN_MARKS, mark.pos, mark.pos + 1,
                          f"{mark.char} is a quotation mark of Russian, Ukrainian, French or German "
                          f"text, not of English: write {english}.", [(english, True)])


CHECKS = [quotation_marks]
