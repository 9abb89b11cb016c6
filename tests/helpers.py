"""What the tests share: lint a snippet and look at findings by rule."""
from __future__ import annotations

from lintnews import Config, lint_text


def lint(text: str, filename: str = "example.txt", **config) -> list:
    """Findings for `text`; keyword arguments become Config fields (style="ap")."""
    return lint_text(text, Config(**config) if config else None, filename)


def only(findings, code: str) -> list:
    return [f for f in findings if f.rule == code]


def spans(findings, code: str | None = None) -> list[tuple[str, int, int]]:
    """(excerpt, offset, end_offset) of the findings, of one rule if given."""
    return [(f.excerpt, f.offset, f.end_offset) for f in findings if code is None or f.rule == code]


def first_edit(f):
    """The first edit of a finding's first fix that a fix run may make (safe or unsafe), or None."""
    return next((x.edits[0] for x in f.fixes if x.applicable), None)


def fixes(findings, code: str | None = None) -> list[str]:
    """The replacement of each finding's first applicable fix (of one rule if given)."""
    return [first_edit(f).replacement for f in findings
            if (code is None or f.rule == code) and first_edit(f) is not None]


def apply_suggestions(text: str, findings) -> str:
    """Apply every finding's first applicable fix, right to left (no overlap check)."""
    edits = sorted({(e.offset, e.end_offset, e.replacement)
                    for e in map(first_edit, findings) if e is not None}, reverse=True)
    for start, end, replacement in edits:
        text = text[:start] + replacement + text[end:]
    return text
