"""Positions in the units editors count: UTF-16 code units, UTF-8 bytes or code points.

lintnews measures spans in code points (Python `str` indices). LanguageTool
clients count UTF-16 code units, and a language server speaks whichever
encoding it agreed on with its client (UTF-16 unless the client offers UTF-8
or UTF-32). The two only differ after a character outside the Basic
Multilingual Plane (an emoji, say), which is one code point but two UTF-16
units and four UTF-8 bytes.

Lines end at "\\r\\n", "\\r" or "\\n", as in the Language Server Protocol and
in a finding's `line` (not at the other breaks `str.splitlines` knows).
"""
from __future__ import annotations

import re

from bisect import bisect_left, bisect_right

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_BREAK = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str = UTF16) -> int:
    """The length of `text` in the units of `encoding`."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF16:
        return len(text) + sum(1 for _ in _ASTRAL.finditer(text))
    return len(text.encode("utf-8", "surrogatepass"))


class Utf16Offsets:
    """Code-point offsets of one text as UTF-16 offsets, and back."""

    def __init__(self, text: str) -> None:
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]

    def to_utf16(self, offset: int) -> int:
        return offset + bisect_left(self.astral, offset)

    def from_utf16(self, unit: int) -> int:
        lo, hi = 0, len(self.astral)
        while lo < hi:  # the number of astral characters that end at or before `unit`
            mid = (lo + hi) // 2
            if self.astral[mid] + mid + 2 <= unit:
                lo = mid + 1
            else:
                hi = mid
        return unit - lo


class Lines:
    """Line and character positions of one text, in any of the three encodings."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def line_end(self, line: int) -> int:
        """The offset where `line`'s text ends (before its line break)."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            while end > self.starts[line] and self.text[end - 1] in "\r\n":
                end -= 1
            return end
        return len(self.text)

    def position(self, offset: int, encoding: str = UTF16) -> tuple[int, int]:
        """(line, character), both 0-based, of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return line, units(self.text[self.starts[line]:offset], encoding)

    def offset(self, line: int, character: int, encoding: str = UTF16) -> int:
        """The code-point offset of a (line, character) position, clamped to the line."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.line_end(line)
        if encoding == UTF32:
            return min(start + max(character, 0), end)
        count = 0
        for i in range(start, end):
            if count >= character:
                return i
            count += units(self.text[i], encoding)
        return end
