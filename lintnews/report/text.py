"""The text report, for people at a terminal: each finding with its source line.

    article.md:7:1: error: LN201 [capitalization] “kyiv” is a proper noun: write “Kyiv”.
         7 | kyiv had no immediate comment.
           | ^^^^
          = fix: replace with “Kyiv” (safe)

Each finding says its severity (`error`, `warning`, `info`) in words, as the
compilers' `file:line:col: error:` does, so a CI log or a pre-commit run shows
it without colour. Colour comes from rich, and only on a terminal without
NO_COLOR; otherwise the same layout is written as plain text without
importing rich, which keeps a pre-commit run fast.
"""
from __future__ import annotations

import os
import unicodedata
from typing import TYPE_CHECKING

from lintnews.report.base import BaseReporter
from lintnews.report.wording import shown

if TYPE_CHECKING:
    from typing import TextIO

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_MAX_LINE = 160


def use_colour(stream: TextIO, colour: bool | None = None) -> bool:
    if colour is not None:
        return colour
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


class Reporter(BaseReporter):
    needs_text = True

    def __init__(self, stream: TextIO, colour: bool | None = None, show_source: bool = True, **_options) -> None:
        self.stream = stream
        self.show_source = show_source
        self.console = None
        if use_colour(stream, colour):
            from rich.console import Console

            self.console = Console(file=stream, force_terminal=True, highlight=False,
                                   soft_wrap=True, emoji=False, markup=False)

    def _write(self, parts: list[tuple[str, str | None]]) -> None:
        if self.console is None:
            self.stream.write("".join(text for text, _ in parts) + "\n")
            return
        from rich.text import Text

        line = Text()
        for text, style in parts:
            line.append(text, style=style)
        self.console.print(line)

    def start(self) -> None:
        pass

    def file(self, result) -> None:
        text = result.text
        lines = text.splitlines() if (text is not None and self.show_source) else None
        if self.console is None:
            self._plain(result, lines)
            return
        for f in result.findings:
            severity = str(f.severity)
            self._write([
                (f"{result.path}:{f.line}:{f.column}: ", "bold"),
                (f"{severity}:", _STYLES[severity]),
                (" ", None),
                (f.rule, _STYLES[severity]),
                (f" [{f.category}] ", "dim"),
                (f.message, None),
            ])
            if lines is not None and f.line - 1 < len(lines):
                self._source(lines[f.line - 1], f)
            for fix in f.fixes[:1]:
                self._write([("      = ", "dim"),
                             (f"fix: {_fix_words(fix.edits[0].replacement)} ({fix.applicability})", "green")])

    def _plain(self, result, lines: list[str] | None) -> None:
        """`file` without colour: the same text, built in batches (a file can
        have millions of findings)."""
        out: list[str] = []
        path = result.path
        nlines = len(lines) if lines is not None else 0
        rows = result.findings.report_rows()  # no Finding objects
        for number, column, end_number, end_column, rule, category, message, fix, severity in rows:
            out.append(f"{path}:{number}:{column}: {str(severity)}: {rule} [{category}] {message}\n")
            if number - 1 < nlines:
                line = lines[number - 1]  # type: ignore[index]
                start = column - 1
                end = end_column - 1 if end_number == number else len(line)
                shown, offset = _window(line, start, end)
                pad = _width(shown[: start - offset])
                marks = max(1, _width(shown[start - offset: end - offset]))
                out.append(f"{number:>6} | {shown}\n       | {' ' * pad}{'^' * marks}\n")
            if fix is not None:
                replacement, applicability = fix
                out.append(f"      = fix: {_fix_words(replacement)} ({applicability})\n")
            if len(out) >= 2000:
                self.stream.write("".join(out))
                out.clear()
        if out:
            self.stream.write("".join(out))

    def _source(self, line: str, f) -> None:
        number = f"{f.line:>6} | "
        start = f.column - 1
        end = f.end_column - 1 if f.end_line == f.line else len(line)
        shown, offset = _window(line, start, end)
        self._write([(number, "dim"), (shown, None)])
        pad = _width(shown[: start - offset])
        marks = max(1, _width(shown[start - offset: end - offset]))
        self._write([(" " * 6 + " | ", "dim"), (" " * pad + "^" * marks, _STYLES[str(f.severity)])])

    def finish(self, summary) -> None:
        if summary.findings == 0:
            self._write([(f"No findings in {summary.files} file(s).", "green")])
            return
        parts = ", ".join(f"{n} {cat}" for cat, n in sorted(summary.by_category.items()))
        self._write([
            (f"Found {summary.findings} finding(s) in {summary.files} file(s): ", "bold"),
            (parts, None),
        ])


def _fix_words(replacement: str) -> str:
    """What a fix does, in words: “replace with “Kyiv””, a mark by its name, or “remove”."""
    if not replacement:
        return "remove"
    if "\n" in replacement:
        return "replace (see --diff)"
    return f"replace with {shown(replacement)}"


def _window(line: str, start: int, end: int) -> tuple[str, int]:
    """A slice of a long line around [start, end), and the slice's offset."""
    if len(line) <= _MAX_LINE:
        return line.replace("\t", " "), 0
    lo = max(0, start - 40)
    hi = min(len(line), max(end + 40, lo + _MAX_LINE))
    return line[lo:hi].replace("\t", " "), lo


def _width(text: str) -> int:
    """Columns a string takes in a terminal (wide CJK counts 2, marks 0)."""
    if text.isascii():
        return len(text)
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width
