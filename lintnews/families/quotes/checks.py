"""LN4xx: quotation marks left broken by translation and scraping.

The marks are read once per document by the state machine in
`lintnews.text.quotation`; this module turns what it found into findings. Each
finding points at the mark that is wrong, and a fix is offered only where the
right mark is certain (a straight mark in a curly document, a « » pair).
"""
from __future__ import annotations

from bisect import bisect_right

from lintnews.families.quotes.conventions import quote_style
from lintnews.finding import SAFE, Severity
from lintnews.text.quotation import FOREIGN, SINGLE, Mark, analyse, headline
from lintnews.engine.registry import Example, Rule, check

_TWIN = {  # (char, opening) -> curly twin
    ('"', True): "“", ('"', False): "”", ("'", True): "‘", ("'", False): "’",
}
_STRAIGHT = {"“": '"', "”": '"', "‘": "'", "’": "'", "‘‘": '"', "’’": '"'}
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
        Example("The minister said <marker>“</marker>the talks will go on and nothing else.\n"
                "\n"
                "The meeting ended.\n", ("LN401",),
                fixed=False),
        Example("The minister said “the talks will go on.\n\n“Nothing else matters,” she added.\n", ()),
    ),
    messages={"default": "This {mark} opens a quotation that is never closed: add the closing mark where the "
                         "quoted words end."},
)
STRAY = Rule(
    code="LN402", name="unmatched-closing-quote", category="quotes", severity=Severity.WARNING,
    summary="A closing quotation mark with no opening mark before it.",
    doc=(
        "A closing mark that closes nothing: the opening mark was lost, or a\n"
        "fragment of the quotation was repeated after it had been closed\n"
        "(“… what we need.” we need”.). Apostrophes (Kremlin’s, Ukrainians’, ’90s,\n"
        "rock ’n’ roll) are not quotation marks and are never reported, nor is an\n"
        "inch mark after a number (a 34\" monitor); a mark after a code name that\n"
        "ends in digits (Pantsir-S1\", F16\") is a quotation mark."
    ),
    examples=(
        Example("“We will rebuild,” she said, “what was lost.” was lost<marker>”</marker>.\n", ("LN402",),
                fixed=False),
        Example("Another Pantsir-S1<marker>\"</marker> in Libya was destroyed.\n", ("LN402",), fixed=False),
        Example("The Ukrainians’ position since the ’90s was clear, at six o’clock.\n", ()),
        Example("A 34\" monitor and a 6'2\" player; he said \"we bought the S1\" and left.\n", ()),
    ),
    messages={"default": "This {mark} closes a quotation that was never opened: the opening mark is missing, "
                         "or the words before it are a repeated fragment."},
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
        Example("A neighbour spoke. “The roof fell in, and we ran.\n"
                "It was awful.<marker>”</marker>\n", ("LN403",),
                fixed=False),
        Example("A neighbour spoke. “The roof fell in, and we ran.\n“It was awful.”\n", ()),
    ),
    messages={"default": "This {mark} closes a quotation opened with {opening} on line {line}, but a paragraph "
                         "in between does not open with a quotation mark: join the paragraphs, or open each "
                         "paragraph of the quotation with a quotation mark."},
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
        Example("He said: “We tried to stop it. <marker>“</marker>Then it was too late,” he "
                "added.\n", ("LN404",),
                fixed=False),
        Example("He said: “We were told ‘stop it’ and we did,” he added.\n", ()),
    ),
    messages={
        "default": "A new quotation opens here while the one opened with {opening} on line {line} is still "
                   "open: a closing mark is missing before it.",
        "never-closed": "A new quotation opens here while the one opened with {opening} on line {line} is "
                        "still open: a closing mark is missing before it. This one is never closed either.",
    },
)
MIXED_PAIR = Rule(
    code="LN405", name="mixed-quote-pair", category="quotes", severity=Severity.INFO,
    fixable=True,
    summary="One quotation opened with a straight mark and closed with a curly one, or the reverse.",
    doc=(
        "The two marks of one quotation should match. The fix replaces the mark that\n"
        "differs from the document's style with its twin and is safe. A style note\n"
        "(info): the quotation is whole and reads correctly. It is a warning when the\n"
        "house has chosen its marks (`quotes = \"curly\"` or `\"straight\"` in the\n"
        "configuration, or the style profile's convention; docs/severity.md)."
    ),
    examples=(
        Example("“We will rebuild<marker>\"</marker> she said, and “soon,” she added.\n", ("LN405",),
                fixed="“We will rebuild” she said, and “soon,” she added.\n"),
        Example("“We will rebuild” she said, and “soon,” she added.\n", ()),
    ),
    messages={"default": "This quotation opens with {opening} and closes with {closing}: write {twin} here "
                         "so the two marks match."},
)
MIXED_STYLE = Rule(
    code="LN406", name="mixed-quote-style", category="quotes", severity=Severity.INFO,
    fixable=True,
    summary="A document that quotes with both straight and curly marks: the minority is reported.",
    doc=(
        "An article should use one style of quotation marks. When most quotations\n"
        "use curly marks (“ ”) and a few use straight ones (\"), or the reverse, each\n"
        "mark of the minority is reported with its twin in the majority style as a\n"
        "safe fix. A document with as many of one as of the other is not reported.\n"
        "A style note (info) by default; when the house has chosen its marks\n"
        "(`quotes = \"curly\"` or `\"straight\"`, or the style profile's convention,\n"
        "as for `--style bbc`), every mark of the other style is a warning."
    ),
    examples=(
        Example("“One,” he said. “Two,” she said. <marker>\"</marker>Three,<marker>\"</marker> "
                "they said.\n", ("LN406",),
                fixed="“One,” he said. “Two,” she said. “Three,” they said.\n"),
        Example("\"One,\" he said. \"Two,\" she said. \"Three,\" they said.\n", ()),
    ),
    messages={
        "default": "Most quotations in this text use {wanted} marks; this one uses {used} marks: write {twin}.",
        "house": "The house style writes {wanted} quotation marks: write {twin}.",
    },
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
        Example("The agency called it <marker>«</marker>a provocation<marker>»</marker> on "
                "Monday.\n", ("LN407",),
                fixed="The agency called it “a provocation” on Monday.\n"),
        Example("The newspaper «Известия» called it “a provocation” on Monday.\n", ()),
    ),
    messages={
        "default": "{mark} is a quotation mark of Russian, Ukrainian, French or German text, not of English: "
                   "write {english}.",
        "unpaired": "{mark} is a quotation mark of Russian, Ukrainian, French or German text, not of English, "
                    "and here it has no partner: use “ ” and check where the quotation begins and ends.",
    },
)

_RULES = (UNCLOSED, STRAY, SPLIT, REOPENED, MIXED_PAIR, MIXED_STYLE, FOREIGN_MARKS)


@check(*_RULES)
def quotation_marks(doc, ctx):
    analysis = analyse(doc)
    prose = doc.prose

    def line_of(mark: Mark) -> int:
        return doc.lines.position(doc.to_original(mark.pos, mark.pos + 1)[0])[0]

    # One mark, one finding: a mark that reopens a quotation and is itself
    # never closed is reported once, as the reopening, saying both.
    reopened_unclosed = {e.mark.pos for e in analysis.events if e.kind == "reopened"} & {
        e.mark.pos for e in analysis.events if e.kind == "unclosed"}
    for event in analysis.events:
        mark, other = event.mark, event.other
        at, end = mark.pos, mark.end
        if event.kind == "unclosed":
            if at in reopened_unclosed:
                continue
            yield doc.finding(UNCLOSED, at, end, {"mark": mark.char})
        elif event.kind == "stray":
            yield doc.finding(STRAY, at, end, {"mark": mark.char})
        elif event.kind == "split":
            yield doc.finding(SPLIT, at, end, {"mark": mark.char, "opening": other.char, "line": line_of(other)})
        elif event.kind == "reopened":
            yield doc.finding(REOPENED, at, end, {"opening": other.char, "line": line_of(other)},
                              template="never-closed" if at in reopened_unclosed else "default")

    # The majority style is counted per family (double, single), so that
    # British headline single quotes ('deserves medal') over a body quoted
    # with “ ” are not a minority; headline pairs are not counted or reported.
    paragraphs = doc.paragraphs
    starts = [lo for lo, _hi in paragraphs]

    def in_headline(mark: Mark) -> bool:
        k = bisect_right(starts, mark.pos) - 1
        return k >= 0 and headline(prose, *paragraphs[k])

    counted = {(o, c, d) for o, c, d in analysis.pairs if o.family not in FOREIGN and not in_headline(o)}
    tally = {family: [0, 0] for family in ("double", SINGLE)}  # family -> [curly, straight]
    for opening, closing, _depth in counted:
        if opening.straight == closing.straight:
            tally[opening.family][opening.straight] += 1
    curly = sum(c for c, _s in tally.values())
    straight = sum(s for _c, s in tally.values())
    house = quote_style(ctx)
    # The style to write: the house's when it has chosen one (then every other
    # mark is a warning), else the text's own majority (a style note, info).
    curly_document = house == "curly" if house else curly >= straight
    style_severity = Severity.WARNING if house else Severity.INFO

    for opening, closing, depth in analysis.pairs:
        if opening.family in FOREIGN:
            yield from _foreign(doc, prose, opening, closing, depth, curly_document)
        elif opening.straight != closing.straight:
            wrong = opening if opening.straight == curly_document else closing
            twin = _twin(wrong)
            yield doc.finding(MIXED_PAIR, wrong.pos, wrong.end,
                              {"opening": opening.char, "closing": closing.char, "twin": twin},
                              [(twin, SAFE)], severity=style_severity)
        elif opening.straight == curly_document and (house or _minority(tally[opening.family], curly_document)) \
                and (opening, closing, depth) in counted:
            wanted, used = ("curly", "straight") if curly_document else ("straight", "curly")
            for mark in (opening, closing):
                twin = _twin(mark)
                yield doc.finding(MIXED_STYLE, mark.pos, mark.end, {"wanted": wanted, "used": used, "twin": twin},
                                  [(twin, SAFE)], severity=style_severity, template="house" if house else "default")
    for mark in analysis.loose:
        yield doc.finding(FOREIGN_MARKS, mark.pos, mark.pos + 1, {"mark": mark.char}, template="unpaired")


def _minority(family_tally: list[int], curly_document: bool) -> bool:
    """Whether the other style is the minority within one family of marks."""
    curly, straight = family_tally
    return curly > straight if curly_document else straight > curly


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
        yield doc.finding(FOREIGN_MARKS, mark.pos, mark.pos + 1, {"mark": mark.char, "english": english},
                          [(english, SAFE)])


CHECKS = [quotation_marks]
