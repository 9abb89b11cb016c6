"""Suppression comments in Markdown and HTML.

    <!-- lintnews-disable LN201,LN3 -->  ...  <!-- lintnews-enable -->
    <!-- lintnews-disable-next-line LN201 -->

Codes are prefixes, as everywhere else; no code means every rule. A disable
without an enable runs to the end of the file. `lintnews-enable` with codes
ends only those codes' suppression.
"""
from __future__ import annotations

from dataclasses import dataclass
from lintnews.document import Document
from lintnews.finding import Finding
from lintnews.text.patterns import deferred_regex

_directive = deferred_regex(
    r"^\s*lintnews-(?P<verb>disable-next-line|disable|enable)\b(?P<codes>[^\n]*?)\s*$"
)
_code_split = deferred_regex(r"[\s,]+")


@dataclass(frozen=True)
class Directive:
    verb: str
    codes: tuple[str, ...]  # empty: every rule
    start: int
    end: int


def directives(doc: Document) -> list[Directive]:
    """The suppression comments of `doc`, parsed once (LN001 and the engine both read them)."""
    return doc.memo("suppression-directives", _parse)


def _parse(doc: Document) -> list[Directive]:
    found = []
    for start, end, body in doc.comments:
        m = _directive().match(body)
        if m:
            codes = tuple(c.upper() for c in _code_split().split(m.group("codes").strip()) if c)
            found.append(Directive(m.group("verb"), codes, start, end))
    return found


class Suppressions:
    """The spans in which each code prefix is silenced."""

    def __init__(self, ranges: list[tuple[int, int, tuple[str, ...]]]) -> None:
        self.ranges = ranges
        # per code prefix: range starts in order, and the furthest end among the ranges so far,
        # so that a lookup is a bisection, not a walk over every range
        by_code: dict[str, list[tuple[int, int]]] = {}
        for lo, hi, codes in ranges:
            for code in codes:
                by_code.setdefault(code, []).append((lo, hi))
        self._index: dict[str, tuple[list[int], list[int]]] = {}
        for code, spans in by_code.items():
            spans.sort()
            furthest, reach = -1, []
            for _lo, hi in spans:
                furthest = max(furthest, hi)
                reach.append(furthest)
            self._index[code] = ([lo for lo, _hi in spans], reach)

    def __bool__(self) -> bool:
        return bool(self.ranges)

    @classmethod
    def of(cls, doc: Document) -> "Suppressions":
        if not doc.comments:
            return cls([])
        ranges: list[tuple[int, int, tuple[str, ...]]] = []
        open_: dict[str, int] = {}  # code prefix ("" = all) -> start offset
        for d in directives(doc):
            if d.verb == "disable":
                for code in d.codes or ("",):
                    open_.setdefault(code, d.end)
            elif d.verb == "enable":
                for code in list(open_) if not d.codes else d.codes:
                    if code in open_:
                        ranges.append((open_.pop(code), d.start, (code,)))
            else:
                line, _ = doc.lines.position(d.end)
                if line < len(doc.lines.starts):
                    start, end = doc.lines.line_span(line + 1, doc.text)
                    ranges.append((start, end, d.codes or ("",)))
        for code, start in open_.items():
            ranges.append((start, len(doc.text), (code,)))
        return cls(ranges)

    def suppressed(self, finding: Finding) -> bool:
        return self.covers(finding.offset, finding.end_offset, finding.rule)

    def covers(self, start: int, end: int, rule: str) -> bool:
        """Whether a finding of `rule` at original [start, end) is suppressed.

        Codes are prefixes, so only the prefixes of `rule` are looked up.
        """
        from bisect import bisect_right

        for size in range(len(rule) + 1):
            found = self._index.get(rule[:size])
            if found is None:
                continue
            starts, reach = found
            i = bisect_right(starts, start)
            if i and end <= reach[i - 1] + 1:
                return True
        return False
