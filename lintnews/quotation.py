"""Where the direct quotations are: prose spans inside quotation marks.

Other families ask this (a name inside a quotation may be kept as said, so its
finding is one severity lower). The quotes family (`checks/quotes.py`) owns the
full state machine; this module gives everyone the resulting spans, computed
once per Document.
"""
from __future__ import annotations

from bisect import bisect_right

import regex

_PAIR = regex.compile(r"“[^“”\n]*”|\"[^\"\n]*\"|«[^«»\n]*»|„[^„“”\n]*[“”]")


def quoted_spans(doc) -> list[tuple[int, int]]:
    """Prose spans (marks included) of the balanced quotations, cached on `doc`."""
    spans = doc.__dict__.get("_quoted_spans")
    if spans is None:
        spans = [m.span() for m in _PAIR.finditer(doc.prose)]
        doc.__dict__["_quoted_spans"] = spans
    return spans


def in_quotation(doc, start: int, end: int) -> bool:
    """True when the prose span [start, end) lies inside a direct quotation."""
    spans = quoted_spans(doc)
    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]
