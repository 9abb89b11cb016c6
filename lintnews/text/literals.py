"""Where a literal string stands in a text: every start, by `str.find`."""
from __future__ import annotations

from collections.abc import Iterator


def find_all(text: str, literal: str) -> Iterator[int]:
    """Every index at which `literal` starts in `text`, overlapping ones included."""
    i = text.find(literal)
    while i != -1:
        yield i
        i = text.find(literal, i + 1)
