"""What a URL or an e-mail address is, for every markup reader.

A name inside a URL is not a name in the prose, so each reader masks URLs
(`markup.plain.mask_urls`); they all use the definitions here, so that the
same text gives the same findings whatever the file's format.

- `SCHEME_URL`: a URL with a scheme or `www.`, up to a blank, a bracket or a
  quote, and not ending in punctuation or a closing quote
  (`“see https://example.com/a”`: the `”` closes the quotation).
- `EMAIL`: an e-mail address.
- `DOMAIN_PATH`: a bare domain with a common top-level domain and a path
  (`kyivindependent.com/news`).
"""
from __future__ import annotations

import regex
from lintnews.text.patterns import deferred_regex

SCHEME_URL = r"""(?:https?://|ftp://|www\.)[^\s<>"'\]\)]+[^\s<>"'\]\).,;:!?’”]"""
EMAIL = r"""[\w.+-]+@[\w-]+(?:\.[\w-]+)+"""
_TLDS = r"(?:com|org|net|ru|ua|uk|es|de|fr|info|io|gov|edu)"
DOMAIN_PATH = rf"""\b[\w-]+(?:\.[\w-]+)*\.{_TLDS}/[^\s<>"']*[^\s<>"'.,;:!?)]"""

#: All three as one pattern (case-insensitive). `url_spans` finds the same
#: spans faster: as one alternation the pattern tries every word start.
url_pattern = deferred_regex(f"{SCHEME_URL}|{EMAIL}|{DOMAIN_PATH}", regex.IGNORECASE)

_scheme_url = deferred_regex(SCHEME_URL, regex.IGNORECASE)
_EMAIL = regex.compile(EMAIL)
_DOMAIN_PATH = regex.compile(DOMAIN_PATH, regex.IGNORECASE)
_TLD_SLASH = regex.compile(rf"\.{_TLDS}/", regex.IGNORECASE)


def may_hold_url(text: str) -> bool:
    """False when `text` cannot hold a URL or an e-mail address (a cheap test)."""
    return "." in text and ("/" in text or "@" in text or "www" in text.lower())


def url_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses in text[start:end], as `url_pattern()` finds them.

    Each of its three parts is run only when its cheap sign is in the text.
    """
    end = len(text) if end is None else end
    region = text[start:end]
    patterns = []
    if "://" in region or "www." in region.lower():
        patterns.append(_scheme_url())
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
