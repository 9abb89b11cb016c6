"""HTML: only text nodes are prose; entities are decoded.

Skipped: tags, comments, and the content of `script`, `style`, `pre`, `code`,
`template`, `svg` and `math`. Block-level tags become paragraph breaks, inline
tags vanish (so `<b>Kyiv</b>’s` reads as one word). Comments are kept aside for
suppression comments.

The tag scanner gives prose and exact offsets; what the page's elements mean
(links, `nav`, `footer`, class words) comes from a real HTML5 parse, aligned
back onto the prose (`Document.element_context`, lintnews/blocks/dom.py).
"""
from __future__ import annotations

import html

import regex

from ..blocks.dom import ElementContext
from ..document import PLACEHOLDER, Document, ProseBuilder
from ..lazy import lazy_regex
from .plain import URL_PATTERN

_SKIP_CONTENT = ("script", "style", "pre", "code", "template", "svg", "math", "textarea", "noscript")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p section summary table "
    "tbody td tfoot th thead title tr ul".split()
)
_MARKUP = lazy_regex(
    r"""
    (?P<comment><!--.*?(?:-->|\Z))
  | (?P<skip><(?P<skip_name>script|style|pre|code|template|svg|math|textarea|noscript)\b[^>]*>.*?(?:</(?P=skip_name)\s*>|\Z))
  | (?P<declaration><![^>]*>|<\?[^>]*>)
  | (?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?/?>)
  | (?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});?)
    """,
    regex.VERBOSE | regex.DOTALL | regex.IGNORECASE,
)


def read(text: str, path: str = "<text>") -> Document:
    builder = ProseBuilder(text)
    comments: list[tuple[int, int, str]] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        for u in URL_PATTERN.finditer(text, pos, m.start()):
            builder.replace(u.start(), u.end(), PLACEHOLDER)
        s, e = m.span()
        if m.group("comment") is not None:
            body = m.group("comment")[4:]
            comments.append((s, e, body[:-3] if body.endswith("-->") else body))
            builder.replace(s, e, "")
        elif m.group("skip") is not None:
            name = m.group("skip_name").lower()
            inline = name == "code" and "\n" not in m.group("skip")
            builder.replace(s, e, PLACEHOLDER if inline else "\n\n")
        elif m.group("declaration") is not None:
            builder.replace(s, e, "")
        elif m.group("tag") is not None:
            name = m.group("name").lower()
            builder.replace(s, e, "\n\n" if name in _BLOCK_TAGS else "")
        else:
            entity = m.group("entity")
            decoded = html.unescape(entity)
            builder.replace(s, e, decoded if decoded != entity else entity)
        pos = e
    for u in URL_PATTERN.finditer(text, pos, len(text)):
        builder.replace(u.start(), u.end(), PLACEHOLDER)
    prose, segments = builder.build()
    doc = Document(text, path, "html", prose, segments, comments)
    # the page's elements (a real HTML5 parse), for checks that ask, parsed on first use
    doc.element_context = ElementContext(text, prose)
    return doc
