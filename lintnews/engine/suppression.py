"""Suppression comments in Markdown and HTML.

    <!-- lintnews-disable LN201,LN3 -->  ...  <!-- lintnews-enable -->
    <!-- lintnews-disable-next-line LN201 -->

Codes are prefixes, as everywhere else; no code means every rule. A disable
without an enable runs to the end of the file. `lintnews-enable` with codes
ends only those codes' suppression.
"""
from __future__ import annotations

import regex

from dataclasses import dataclass
from lintnews.document import Document
from lintnews.finding import Finding

DIRECTIVE = regex.compile(
    r"^\s*lintnews-(?P<verb>disable-next-line|disable|enable)\b(?P<codes>[^\n]*?)\s*$"
)
_CODE_SPLIT = regex.compile(r"[\s,]+")


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
        m = DIRECTIVE.match(body)
        if m:
            codes = tuple(c.upper() for c in _CODE_SPLIT.split(m.group("codes").strip()) if c)
            found.append(Directive(m.group("verb"), codes, start, end))
    return found


class Suppressions:
    """The spans in which each code prefix is silenced."""

    def __init__(self, ranges: list[tuple[int, int, tuple[str, ...]]]) -> None:
        self.ranges = ranges

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
        """Whether a finding of `rule` at original [start, end) is suppressed."""
        for lo, hi, codes in self.ranges:
            if lo <= start and end <= hi + 1:
                if any(rule.startswith(c) for c in codes):
                    return True
        return False
