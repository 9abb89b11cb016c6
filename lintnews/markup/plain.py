"""Plain text: everything is prose except URLs and e-mail addresses."""
from __future__ import annotations

import regex

from ..document import PLACEHOLDER, Document, ProseBuilder
from ..lazy import lazy_regex

#: URLs (with or without a scheme, when they have a path or a www.) and e-mail
#: addresses. A name inside a URL is not a name in the prose.
URL_PATTERN = lazy_regex(
    r"""(?:https?://|ftp://|www\.)[^\s<>"'\]\)]+[^\s<>"'\]\).,;:!?’”]"""
    r"""|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"""
    r"""|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|ru|ua|uk|es|de|fr|info|io|gov|edu)/[^\s<>"']*[^\s<>"'.,;:!?)]""",
    regex.IGNORECASE,
)


# URL_PATTERN's three parts, each run only when its cheap sign is in the text:
# as one alternation the pattern tries every word start and reads 2 MB/s.
_SCHEME_URL = lazy_regex(r"""(?:https?://|ftp://|www\.)[^\s<>"'\]\)]+[^\s<>"'\]\).,;:!?’”]""", regex.IGNORECASE)
_EMAIL = lazy_regex(r"""[\w.+-]+@[\w-]+(?:\.[\w-]+)+""")
_DOMAIN_PATH = lazy_regex(
    r"""\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|ru|ua|uk|es|de|fr|info|io|gov|edu)/[^\s<>"']*[^\s<>"'.,;:!?)]""",
    regex.IGNORECASE,
)
_TLD_SLASH = lazy_regex(r"\.(?:com|org|net|ru|ua|uk|es|de|fr|info|io|gov|edu)/", regex.IGNORECASE)


def url_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses in text[start:end], as URL_PATTERN finds them."""
    end = len(text) if end is None else end
    region = text[start:end]
    patterns = []
    if "://" in region or "www." in region.lower():
        patterns.append(_SCHEME_URL)
    if _TLD_SLASH.search(region):
        patterns.append(_DOMAIN_PATH)
    found = [(m.start(), -m.end(), rank) for rank, p in enumerate(patterns) for m in p.finditer(text, start, end)]
    if "@" in region:
        found += [(s, -e, 1) for s, e in _emails(text, start, end)]
    spans = sorted(found)
    out: list[tuple[int, int]] = []
    for s, neg_end, _rank in spans:
        if not out or s >= out[-1][1]:
            out.append((s, -neg_end))
    return out


def _emails(text: str, start: int, end: int):
    """E-mail addresses, found from each `@` rather than tried at every word."""
    at = text.find("@", start, end)
    reached = start
    while at != -1:
        s = at
        while s > max(start, reached) and (text[s - 1].isalnum() or text[s - 1] in "_.+-"):
            s -= 1
        m = _EMAIL.match(text, s, end)
        if m:
            yield m.span()
            reached = m.end()
        at = text.find("@", max(at + 1, reached), end)


def mask_urls(builder: ProseBuilder, text: str, start: int = 0, end: int | None = None) -> None:
    """Replace every URL and e-mail address in text[start:end] with a placeholder."""
    for s, e in url_spans(text, start, end):
        builder.replace(s, e, PLACEHOLDER)


def read(text: str, path: str = "<text>") -> Document:
    if "." not in text or ("/" not in text and "@" not in text and "www" not in text):
        return Document(text, path, "plain")
    builder = ProseBuilder(text)
    mask_urls(builder, text)
    prose, segments = builder.build()
    return Document(text, path, "plain", prose, segments)
