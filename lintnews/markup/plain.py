"""Plain text: everything is prose except URLs and e-mail addresses."""
from __future__ import annotations

from lintnews.document import PLACEHOLDER, Document, ProseBuilder
from lintnews.markup.urls import url_pattern, may_hold_url, url_spans

__all__ = ["url_pattern", "mask_urls", "read", "url_spans"]


def mask_urls(builder: ProseBuilder, text: str, start: int = 0, end: int | None = None) -> None:
    """Replace every URL and e-mail address in text[start:end] with a placeholder."""
    for s, e in url_spans(text, start, end):
        builder.replace(s, e, PLACEHOLDER)


def read(text: str, path: str = "<text>") -> Document:
    if not may_hold_url(text):
        return Document(text, path, "plain")
    builder = ProseBuilder(text)
    mask_urls(builder, text)
    prose, segments = builder.build()
    return Document(text, path, "plain", prose, segments)
