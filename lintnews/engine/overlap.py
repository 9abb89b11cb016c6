"""One problem, one finding: the engine's last step over a document's findings.

- A finding inside a larger finding that explains it is dropped. The
  explaining findings are an untranslated passage (category `untranslated`),
  a boilerplate line or block (category `boilerplate`) and a mojibake run
  (LN501, which explains every word it touches: “Ukraineâ€™s” is one encoding
  problem, not also a misspelt name). The names, spacing and quotation marks
  of a Spanish sentence left untranslated are that sentence's, not problems of
  their own; what a boilerplate line holds goes with the line.
- A block of page furniture over several lines (LN305: a menu, a share bar, a
  footer ...) explains everything inside it, repeats included: removing the
  block removes them. A block of links to other articles (teaser and link
  lists, and LN302's related-article blocks) explains nothing: its headlines
  are prose an editor may keep as links, and their damage is still reported.
- Otherwise duplication and meta findings are never dropped: a repeated
  paragraph is a problem of its own whatever language it is in.
- Two findings of one category on exactly the same span are one problem: the
  more serious one is kept.
- A name inside a translated dateline (`Kiev.-`: LN202 in LN801's span) is one
  problem: the dateline finding keeps both messages, and its fix writes the
  name's correction into the English dateline (`KYIV —`).
- A fix inside a direct quotation is never safe: quoted speech is kept as it
  was said unless a person decides otherwise. Quotation marks and encoding
  repairs are the exception (they restore the text, they do not reword it).
"""
from __future__ import annotations

from bisect import bisect_right

from dataclasses import replace
from lintnews.finding import SAFE, UNSAFE, Finding, Fix

EXPLAINING_RULES = frozenset({"LN501"})  # mojibake
DATELINE_RULE = "LN801"
NAME_CATEGORIES = frozenset({"transliteration", "capitalization"})
NEVER_FOLDED = frozenset({"duplication", "meta"})
SAFE_IN_QUOTATIONS = frozenset({"quotes", "encoding"})
_LONGEST_WORD = 64  # how far a mangled word is followed from its mojibake run


def explains(f: Finding, doc=None) -> bool:
    """Whether `f` explains the findings inside it. A boilerplate finding does
    when it is one line of page furniture; a block of teasers over several
    lines holds other articles' headlines, prose whose damage is still worth
    reporting (the editor may keep the links)."""
    if f.rule in EXPLAINING_RULES or f.category == "untranslated":
        return True
    if f.category == "boilerplate":
        return (doc is None or "\n" not in doc.text[f.offset:f.end_offset].strip()
                or _furniture_block(f))
    return False


def _furniture_block(f: Finding) -> bool:
    """A block of page furniture over several lines that is not a list of links
    (an LN305 block finding's `kind` and `lines` details)."""
    from lintnews.families.boilerplate.furniture import LINK_KINDS

    kind = f.detail("kind")
    return kind is not None and f.detail("lines", 1) > 1 and kind not in LINK_KINDS


def fold(doc, findings: list[Finding]) -> list[Finding]:
    """`findings` of `doc` with explained and repeated ones dropped, and fixes in
    quotations made unsafe."""
    if len(findings) > 1:
        findings = _drop_explained(doc, findings)
        findings = _one_per_span(findings)
        findings = _fold_datelines(findings)
    return _unsafe_in_quotations(doc, findings)


def _explained_span(doc, f: Finding) -> tuple[int, int]:
    if f.rule in EXPLAINING_RULES:  # the whole word(s) a mojibake run touches
        text = doc.text
        start, end = f.offset, f.end_offset
        low, high = max(0, start - _LONGEST_WORD), min(len(text), end + _LONGEST_WORD)
        while start > low and not text[start - 1].isspace():
            start -= 1
        while end < high and not text[end].isspace():
            end += 1
        return start, end
    return f.offset, f.end_offset


class _Containers:
    """Spans sorted by start, with the running maximum of their ends: whether
    some span starting at or before a point reaches past another is one
    bisection (a document may hold thousands of findings of each kind)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [s for s, _e in spans]
        self.best: list[tuple[int, int]] = []  # (end, start) of the farthest-reaching so far
        for s, e in spans:
            self.best.append(max(self.best[-1], (e, s)) if self.best else (e, s))

    def reaching(self, at: int) -> tuple[int, int] | None:
        """(end, start) of the farthest-reaching span that starts at or before `at`."""
        k = bisect_right(self.starts, at)
        return self.best[k - 1] if k else None


def _drop_explained(doc, findings: list[Finding]) -> list[Finding]:
    by_kind: dict[str, list[tuple[int, int]]] = {}
    blocks: list[tuple[int, int]] = []
    for f in findings:
        if explains(f, doc):
            kind = "mojibake" if f.rule in EXPLAINING_RULES else f.category
            by_kind.setdefault(kind, []).append(_explained_span(doc, f))
            if kind == "boilerplate" and _furniture_block(f):
                blocks.append((f.offset, f.end_offset))
    if not by_kind:
        return findings
    containers = {kind: _Containers(spans) for kind, spans in by_kind.items()}
    furniture = _Containers(blocks) if blocks else None
    out = []
    for f in findings:
        if f.category in NEVER_FOLDED:
            if f.category == "meta" or furniture is None or not _inside(furniture, f):
                out.append(f)
        elif not _explained(doc, f, containers):
            out.append(f)
    return out


def _inside(spans: _Containers, f: Finding) -> bool:
    hit = spans.reaching(f.offset)
    return hit is not None and hit[0] >= f.end_offset


def _explained(doc, f: Finding, containers: dict[str, _Containers]) -> bool:
    if explains(f, doc):
        # only a larger explaining finding of another kind: a boilerplate line
        # holding an untranslated phrase or a mojibake run
        mine = "mojibake" if f.rule in EXPLAINING_RULES else f.category
        for kind, spans in containers.items():
            if kind in (mine, "mojibake"):
                continue
            hit = spans.reaching(f.offset)
            if hit and hit[0] >= f.end_offset and (hit[1], hit[0]) != (f.offset, f.end_offset):
                return True
        return False
    for kind, spans in containers.items():
        if kind == "mojibake":  # touching a mangled word is enough
            hit = spans.reaching(f.end_offset - 1 if f.end_offset > f.offset else f.offset)
            if hit and hit[0] > f.offset:
                return True
            continue
        hit = spans.reaching(f.offset)
        if hit and hit[0] >= f.end_offset:
            return True
    return False


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


def _fold_datelines(findings: list[Finding]) -> list[Finding]:
    """A name finding inside a dateline finding (`Kiev.-`: LN202 and LN801) is one
    problem: the dateline keeps it, with the name's fix in its own and both messages."""
    datelines = [f for f in findings if f.rule == DATELINE_RULE]
    if not datelines:
        return findings
    merged: dict[int, Finding] = {}
    absorbed: set[int] = set()
    for d in datelines:
        names = [f for f in findings if f.category in NAME_CATEGORIES
                 and d.offset <= f.offset and f.end_offset <= d.end_offset and id(f) not in absorbed]
        if not names:
            continue
        current = merged.get(id(d), d)
        for name in sorted(names, key=lambda f: f.offset):
            current = _absorb(current, name)
            absorbed.add(id(name))
        merged[id(d)] = current
    if not absorbed:
        return findings
    return [merged.get(id(f), f) for f in findings if id(f) not in absorbed]


def _absorb(dateline: Finding, name: Finding) -> Finding:
    """`dateline` with `name` folded in: the name's correction in the new dateline
    (in capitals, as a dateline writes it), the name's message after its own."""
    fix = _single_edit(next(iter(dateline.fixes), None))
    name_fix = _single_edit(next(iter(name.fixes), None))
    fixes = dateline.fixes
    arguments = dateline.details
    if fix is not None and name_fix is not None and name_fix[1].replacement:
        wrong, right = name.excerpt.upper(), name_fix[1].replacement.upper()
        written = fix[1].replacement
        if right not in written and wrong in written:
            new = written.replace(wrong, right, 1)
            if arguments.get("fixed") == written:
                arguments["fixed"] = new
            applicability = SAFE if fix[0] is SAFE and name_fix[0] is SAFE else UNSAFE
            fixes = (Fix.replace(fix[1].offset, fix[1].end_offset, new, applicability), *dateline.fixes[1:])
    # the names' messages after the dateline's (the template "with-names")
    arguments["names"] = f"{arguments['names']} {name.message}" if "names" in arguments else name.message
    from lintnews.families.translation.checks import DATELINE

    message = DATELINE.message("with-names", arguments)
    return replace(dateline, severity=max(dateline.severity, name.severity), message=message,
                   fixes=fixes, template="with-names", arguments=tuple(arguments.items()))


def _single_edit(fix: Fix | None):
    """(applicability, edit) of a fix of one edit that may be applied, else None."""
    if fix is None or len(fix.edits) != 1 or not fix.applicable:
        return None
    return fix.applicability, fix.edits[0]


def _unsafe_in_quotations(doc, findings: list[Finding]) -> list[Finding]:
    candidates = {id(f) for f in findings if f.category not in SAFE_IN_QUOTATIONS
                  and any(fix.applicability is SAFE for fix in f.fixes)}
    if not candidates:
        return findings
    from lintnews.text.quotation import quoted_spans

    quoted = [doc.to_original(s, e) for s, e in quoted_spans(doc)]
    if not quoted:
        return findings
    starts = [s for s, _e in quoted]  # outermost quotations: sorted, not overlapping
    out = []
    for f in findings:
        if id(f) in candidates:
            k = bisect_right(starts, f.offset) - 1
            if k >= 0 and f.end_offset <= quoted[k][1]:
                f = replace(f, fixes=tuple(
                    fix if fix.applicability is not SAFE else Fix(fix.edits, UNSAFE)
                    for fix in f.fixes))
        out.append(f)
    return out
