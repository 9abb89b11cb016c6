"""One problem, one finding: the engine's last step over a document's findings.

- A finding inside a larger finding that explains it is dropped. The
  explaining findings are an untranslated passage (category `untranslated`),
  a boilerplate line or block (category `boilerplate`) and a mojibake run
  (LN501, which explains every word it touches: “Ukraineâ€™s” is one encoding
  problem, not also a misspelt name). A boilerplate block of several lines
  (related-article teasers) explains nothing: its headlines are prose. The names, spacing and quotation marks
  of a Spanish sentence left untranslated are that sentence's, not problems of
  their own; what a boilerplate line holds goes with the line.
  Duplication and meta findings are never dropped: a repeated paragraph is a
  problem of its own whatever language it is in.
- Two findings of one category on exactly the same span are one problem: the
  more serious one is kept.
- A fix inside a direct quotation is never safe: quoted speech is kept as it
  was said unless a person decides otherwise. Quotation marks and encoding
  repairs are the exception (they restore the text, they do not reword it).
"""
from __future__ import annotations

from dataclasses import replace

from .finding import Finding, Suggestion

EXPLAINING_RULES = frozenset({"LN501"})  # mojibake
NEVER_FOLDED = frozenset({"duplication", "meta"})
SAFE_IN_QUOTATIONS = frozenset({"quotes", "encoding"})


def explains(f: Finding, doc=None) -> bool:
    """Whether `f` explains the findings inside it. A boilerplate finding does
    when it is one line of page furniture; a block of teasers over several
    lines holds other articles' headlines, prose whose damage is still worth
    reporting (the editor may keep the links)."""
    if f.rule in EXPLAINING_RULES or f.category == "untranslated":
        return True
    if f.category == "boilerplate":
        return doc is None or "\n" not in doc.text[f.offset:f.end_offset].strip()
    return False


def fold(doc, findings: list[Finding]) -> list[Finding]:
    """`findings` of `doc` with explained and repeated ones dropped, and fixes in
    quotations made unsafe."""
    if len(findings) > 1:
        findings = _drop_explained(doc, findings)
        findings = _one_per_span(findings)
    return _unsafe_in_quotations(doc, findings)


def _explained_span(doc, f: Finding) -> tuple[int, int]:
    if f.rule in EXPLAINING_RULES:  # the whole word(s) a mojibake run touches
        text = doc.text
        start, end = f.offset, f.end_offset
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        return start, end
    return f.offset, f.end_offset


def _drop_explained(doc, findings: list[Finding]) -> list[Finding]:
    spans = sorted((_explained_span(doc, f), id(f), f) for f in findings if explains(f, doc))
    if not spans:
        return findings
    out = []
    for f in findings:
        if f.category in NEVER_FOLDED or not any(
                _inside(f, e, span) for span, _i, e in spans if e is not f):
            out.append(f)
    return out


def _inside(f: Finding, e: Finding, span: tuple[int, int]) -> bool:
    start, end = span
    if f.end_offset <= start or f.offset >= end:
        return False
    if e.rule in EXPLAINING_RULES:  # overlapping a mangled word is enough
        return not explains(f)
    inside = start <= f.offset and f.end_offset <= end
    if not inside:
        return False
    if (f.offset, f.end_offset) == (start, end):  # the same span: the explaining one stays
        return not explains(f)
    return True


def _one_per_span(findings: list[Finding]) -> list[Finding]:
    best: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.offset, f.end_offset, f.category)
        kept = best.get(key)
        if kept is None or (f.severity, kept.rule) > (kept.severity, f.rule):
            best[key] = f
    if len(best) == len(findings):
        return findings
    keep = {id(f) for f in best.values()}
    return [f for f in findings if id(f) in keep]


def _unsafe_in_quotations(doc, findings: list[Finding]) -> list[Finding]:
    candidates = {id(f) for f in findings if f.category not in SAFE_IN_QUOTATIONS
                  and any(s.safe for s in f.suggestions)}
    if not candidates:
        return findings
    from .quotation import quoted_spans

    quoted = [doc.to_original(s, e) for s, e in quoted_spans(doc)]
    if not quoted:
        return findings
    out = []
    for f in findings:
        if id(f) in candidates and any(s <= f.offset and f.end_offset <= e for s, e in quoted):
            f = replace(f, suggestions=tuple(
                s if not s.safe else Suggestion(s.replacement, s.offset, s.end_offset, False)
                for s in f.suggestions))
        out.append(f)
    return out
