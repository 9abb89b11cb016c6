"""LN310: the site name and date of a scraped page's title left after a headline.

A page's <title> is the headline, a dash, the site's name and often the date:
`Zelensky visits London - DW - 09.02.2023`. A translator or a scraper that
copies the title copies that tail too, and it stays on the headline's line
(or on the last line of a short title line anywhere, when it ends in a date).

The site names are data: `[title-tail]` `sites` in `rules/boilerplate.toml`
(and a newsroom's own files). A tail is reported
- after a dash at the end of the text's first line: `- DW`, `- DW - 09.02.2023`,
  `- Yahoo! News`, or in the middle of it before another dash (`- DW-12 - ...`);
- after a dash at the end of any other line, only with a date after the
  site's name (`- DW - 12.02.2023`): a site named at the end of a sentence
  (“..., said the BBC”) has no dash and no date.
Pipes (`| CNN Politics`) are the page-furniture rules' (LN305).
"""
from __future__ import annotations

import re

from lintnews.finding import SAFE, Severity
from lintnews.engine.registry import Example, Rule, check

TITLE_TAIL = Rule(
    code="LN310", name="page-title-tail", category="boilerplate",
    severity=Severity.WARNING, fixable=True,
    summary="A site's name and date left after a headline from the page's title: “… - DW - 09.02.2023”.",
    doc=(
        "A web page's title is the headline followed by a dash, the site's name and\n"
        "often a date (“Zelensky visits London - DW - 09.02.2023”). Text copied from\n"
        "the title keeps that tail on the headline's line. Reported: a dash and a\n"
        "listed site name (with a date after it or not) at the end of the text's\n"
        "first line, and a dash, a site name and a date at the end of any line.\n"
        "The sites are `sites` under `[title-tail]` in `rules/boilerplate.toml`\n"
        "(news sites whose titles end that way: DW, Yahoo! News, BBC News, ...);\n"
        "a newsroom adds its own. A sentence that names a site (“..., said the BBC.”)\n"
        "has no dash before it and is not reported. The fix removes the tail and is\n"
        "safe."
    ),
    examples=(
        Example("Zelensky visits London<marker> - DW - 09.02.2023</marker>\n"
                "The president arrived on Wednesday.\n", ("LN310",),
                fixed="Zelensky visits London\nThe president arrived on Wednesday.\n"),
        Example("Aid arrives in Ukraine (Cnn.co.jp)<marker> - Yahoo! news</marker>\n"
                "The aid came on Monday.\n", ("LN310",),
                fixed="Aid arrives in Ukraine (Cnn.co.jp)\nThe aid came on Monday.\n"),
        Example("Zelensky visits London\nThe visit was reported by DW - and by the BBC.\n"
                "He met the king - BBC News said so on 9.02.2023 too.\n"),
    ),
    messages={"default": "“{tail}” is the site's name from the web page's title, not part of the headline: "
                         "remove it."},
)

_DATE = r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}"


def _build(ruleset):
    sites: list[str] = []
    for _path, table in ruleset.table("title-tail"):
        sites.extend(table.get("sites", []))
    if not sites:
        return None
    names = "|".join(re.escape(s) for s in sorted(set(sites), key=len, reverse=True))
    site = rf"(?:{names})(?![\w!])"
    # the tail: a dash, the site, then a date (or a day's number cut off); the
    # blanks before the dash are taken by the caller (a pattern that starts
    # with the dash lets `re` skip to the dashes)
    tail = rf"[-–—][ \t]*{site}(?:[ \t]*[-–—][ \t]*(?:{_DATE}|\d{{1,2}}(?=[ \t]+[-–—])))?"
    heads = set()
    for s in sites:
        head = _HEAD.search(s)
        if head:
            heads.update((head.group(), head.group().lower(), head.group().upper(), head.group().title()))
    return (
        re.compile(rf"{tail}(?=[ \t]*(?:$|[-–—][ \t]))", re.IGNORECASE | re.MULTILINE),
        re.compile(rf"[-–—][ \t]*{site}[ \t]*[-–—][ \t]*(?:{_DATE})[ \t]*$", re.IGNORECASE | re.MULTILINE),
        frozenset(heads),
    )


_HEAD = re.compile(r"\w+")


@check(TITLE_TAIL)
def title_tails(doc, ctx):
    prose = doc.prose
    if "-" not in prose and "–" not in prose and "—" not in prose:
        return
    built = ctx.ruleset.memo("boilerplate-title-tail", _build)
    if built is None:
        return
    first_line, dated, heads = built
    if heads.isdisjoint(doc.word_set):
        return
    paragraphs = doc.paragraphs
    if not paragraphs:
        return
    start, end = paragraphs[0]
    line_end = prose.find("\n", start)
    line_end = end if line_end == -1 else min(line_end, end)
    reported = set()
    for m in first_line.finditer(prose, start, line_end):
        found = _blanks_before(prose, m.start())
        if found is not None:
            reported.add(found)
            yield _finding(doc, prose, found, m.end())
    for m in dated.finditer(prose, line_end):
        found = _blanks_before(prose, m.start())
        if found is not None and found not in reported:
            yield _finding(doc, prose, found, m.end())


def _blanks_before(prose: str, dash: int) -> int | None:
    """The start of the blanks before the dash at `dash`, or None when none come before it."""
    i = dash
    while i > 0 and prose[i - 1] in " \t":
        i -= 1
    return i if i < dash and i > 0 and prose[i - 1] != "\n" else None


def _finding(doc, prose: str, start: int, end: int):
    tail = prose[start:end].strip()
    return doc.finding(TITLE_TAIL, start, end, {"tail": tail}, [("", SAFE)])


CHECKS = [title_tails]
