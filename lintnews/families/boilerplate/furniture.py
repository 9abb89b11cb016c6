"""LN305: page furniture found by the page's structure (the boilerplate kind's `structure` role).

The `structure` rule of `rules/boilerplate.toml` carries the furniture
vocabulary; the classifier itself is `lintnews.families.boilerplate`. Here its blocks
become findings, and the phrase findings of the boilerplate kind
(`kinds/boilerplate.py`) inside a block are folded into it.
"""
from __future__ import annotations

from lintnews.finding import UNSAFE, Severity

#: LN305's messages. A block finding's arguments `kind` and `lines` say what
#: it is (lintnews.engine.overlap reads them).
FURNITURE_MESSAGES = {
    "block": "These {lines} lines look like a {kind} of the web page around the article, not part of it "
             "(“{first}”): remove them.",
    "line": "“{first}” looks like a {kind} of the web page around the article, not part of it: remove the line.",
    "sentence": "“{found}” is a sentence from a {kind} of the web page, joined into the article's text: remove it.",
    "title-tail": "“{found}” is the website's name added to the page title, not part of the headline: remove it.",
}
#: Blocks of links to other articles: their lines are headlines, prose an
#: editor may keep as links, so damage inside them is still reported. Every
#: other block of page furniture explains what lies inside it (lintnews.engine.overlap).
LINK_KINDS = frozenset({"teaser list", "link list"})


def structure_rule(entry, ruleset):
    """(entry, vocabulary, agency words) of the `structure` rule `entry`."""
    from lintnews.families.boilerplate.features import Vocabulary

    table = entry.data.get("vocabulary", {})
    if not isinstance(table, dict) or not all(
        isinstance(v, list) and all(isinstance(p, str) and p.strip() for p in v) for v in table.values()
    ):
        raise entry.error("'vocabulary' must be a table of kind = [words and phrases]")
    talk = entry.data.get("site_talk", [])
    if not isinstance(talk, list) or not all(isinstance(p, str) and p.strip() for p in talk):
        raise entry.error("'site_talk' must be a list of phrases")
    agencies = frozenset(
        w.casefold() for _path, t in ruleset.table("placeholders") for w in t.get("agency", ()) if " " not in w
    )
    vocab = Vocabulary.from_table(table)
    vocab.site_talk = tuple(p.casefold().strip() for p in talk)
    return entry, vocab, agencies


def structure_findings(doc, structure, spans, found, matcher_hit):
    """LN305 blocks; phrase findings inside a block are folded into it (one finding per block)."""
    from lintnews.families.boilerplate.page import KIND_NAMES, analyse, blocks, joined_sentences

    entry, vocab, agencies = structure
    # a site phrase is certain furniture; an agency credit (info) is not
    known = {i for f, first, last in found if f.severity >= Severity.WARNING for i in range(first, last + 1)}
    page = analyse(doc.prose, spans, vocab, known, agencies, doc.element_context)
    out = []
    for start, end, kind in joined_sentences(doc.prose, spans, vocab, matcher_hit):
        out.append(doc.finding(entry.rule, start, end,
                               {"found": _clip(doc.prose[start:end]), "kind": KIND_NAMES.get(kind, "block")},
                               [("", UNSAFE)], template="sentence"))
    if page is None:
        yield from out
        yield from (f for f, _first, _last in found)
        return
    covered = set()
    for block in blocks(page):
        start, end = spans[block.first][0], spans[block.last][1]
        count = block.last - block.first + 1
        first = _clip(doc.prose[spans[block.first][0]:spans[block.first][1]])
        kind = KIND_NAMES.get(block.kind, "block")
        out.append(doc.finding(entry.rule, start, end, {"lines": count, "kind": kind, "first": first},
                               [doc.line_removal(start, end)], template="block" if count > 1 else "line"))
        covered.update(range(block.first, block.last + 1))
    if page.title_tail is not None:
        start, end = page.title_tail
        found_text = doc.prose[start:end].strip()
        out.append(doc.finding(entry.rule, start, end, {"found": found_text}, [("", UNSAFE)],
                               template="title-tail"))
    for f, first, last in found:
        if not all(i in covered for i in range(first, last + 1)):
            out.append(f)
    yield from out


def _clip(text: str, limit: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

