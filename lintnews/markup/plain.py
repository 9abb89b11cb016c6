"""Plain text: everything is prose except URLs and e-mail addresses."""
from __future__ import annotations

import regex

from ..document import PLACEHOLDER, Document, ProseBuilder

#: URLs (with or without a scheme, when they have a path or a www.) and e-mail
#: addresses. A name inside a URL is not a name in the prose.
URL_PATTERN = regex.compile(
    r"""(?:https?://|ftp://|www\.)[^\s<>"'\]\)]+[^\s<>"'\]\).,;:!?’”]"""
    r"""|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"""
    r"""|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|ru|ua|uk|es|de|fr|info|io|gov|edu)/[^\s<>"']*[^\s<>"'.,;:!?)]""",
    regex.IGNORECASE,
)


def mask_urls(builder: ProseBuilder, text: str, start: int = 0, end: int | None = None) -> None:
    """Replace every URL and e-mail address in text[start:end] with a placeholder."""
    end = len(text) if end is None else end
    for m in URL_PATTERN.finditer(text, start, end):
        builder.replace(m.start(), m.end(), PLACEHOLDER)


def read(text: str, path: str = "<text>") -> Document:
    if "." not in text or ("/" not in text and "@" not in text and "www" not in text):
        return Document(text, path, "plain")
    builder = ProseBuilder(text)
    mask_urls(builder, text)
    prose, segments = builder.build()
    return Document(text, path, "plain", prose, segments)
