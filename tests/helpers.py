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


def fixes(findings, code: str | None = None) -> list[str]:
    """The first suggestion's replacement of each finding (of one rule if given)."""
    return [f.suggestions[0].replacement for f in findings
            if (code is None or f.rule == code) and f.suggestions]


def apply_suggestions(text: str, findings) -> str:
    """Apply every finding's first suggestion, right to left (no overlap check)."""
    edits = sorted({(f.suggestions[0].offset, f.suggestions[0].end_offset, f.suggestions[0].replacement)
                    for f in findings if f.suggestions}, reverse=True)
    for start, end, replacement in edits:
        text = text[:start] + replacement + text[end:]
    return text
