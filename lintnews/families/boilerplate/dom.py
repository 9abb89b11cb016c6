"""What an HTML page's elements say about each line of its prose.

The HTML reader (lintnews/markup/html.py) parses the page with a real HTML5
parser (selectolax's lexbor engine; docs/boilerplate.md has the comparison
with html5lib) and finds each prose text node in the source; for each node it
asks `node_context` here about the node's elements, and hands the answers, in
prose offsets, to an `ElementContext`. One parse, one walk: nothing is aligned
twice.

Per prose line: the share of its characters inside links (link density), whether
it sits in a `nav`, `aside`, `form`, `button` or `menu` element (or a page-level
`header`/`footer`, outside any `article` or `main`), and the furniture words of
its elements' class and id attributes (share, social, related, newsletter,
cookie, promo, comments, menu ...).
"""
from __future__ import annotations

from lintnews.text.patterns import deferred_regex

from dataclasses import dataclass, field

_FURNITURE_ELEMENTS = {"nav": "menu", "aside": "teaser", "form": "newsletter", "button": "share",
                       "menu": "menu", "select": "menu", "option": "menu"}
_PAGE_ELEMENTS = {"header": "menu", "footer": "footer"}  # only outside article/main
_CONTENT_ELEMENTS = frozenset({"article", "main"})
_token = deferred_regex(r"[a-z]+")
_camel_case_join = deferred_regex(r"(?<=[a-z])(?=[A-Z])")

#: Class and id words (whole tokens of the attribute, split at `-`, `_` and case) by kind.
CLASS_WORDS = {
    "share": ("share", "sharing", "social", "sharebar", "sociallinks", "follow"),
    "teaser": ("related", "recommended", "recommendations", "promo", "promoted", "teaser", "teasers",
               "trending", "popular", "mostread", "outbrain", "taboola", "sponsored", "ad", "ads",
               "advert", "advertisement", "banner", "widget", "sidebar"),
    "newsletter": ("newsletter", "subscribe", "subscription", "signup", "donate", "paywall"),
    "cookie": ("cookie", "cookies", "consent", "gdpr", "cmp"),
    "comments": ("comment", "comments", "disqus", "discussion"),
    "menu": ("menu", "nav", "navbar", "navigation", "breadcrumb", "breadcrumbs", "masthead", "topbar"),
    "footer": ("footer", "copyright", "colophon"),
    "ticker": ("ticker", "breaking"),
    "language": ("language", "languages", "lang", "locale"),
}
_CLASS_KIND = {w: kind for kind, words in CLASS_WORDS.items() for w in words}


@dataclass(slots=True)
class DomLine:
    """The element context of one prose line."""

    chars: int = 0
    link_chars: int = 0
    kinds: dict = field(default_factory=dict)  # kind -> characters in elements that name it

    @property
    def link_density(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0

    @property
    def kind(self) -> str | None:
        """The furniture kind its elements name for most of its characters, if over half."""
        if not self.kinds:
            return None
        kind, chars = max(sorted(self.kinds.items()), key=lambda kv: kv[1])
        return kind if chars * 2 >= self.chars else None


class ElementContext:
    """The element context of a page's prose nodes, answered per line; attached to HTML Documents."""

    def __init__(self, nodes: list[tuple[int, int, bool, str | None]]) -> None:
        #: (prose start, prose end, inside a link, furniture kind) per text node, in prose order.
        self.nodes = nodes

    def lines(self, spans: list[tuple[int, int]]) -> list[DomLine] | None:
        nodes = self.nodes
        if not nodes:
            return None
        out = [DomLine() for _ in spans]
        j = 0
        for i, (s, e) in enumerate(spans):
            while j < len(nodes) and nodes[j][1] <= s:
                j += 1
            k = j
            line = out[i]
            while k < len(nodes) and nodes[k][0] < e:
                ns, ne, link, kind = nodes[k]
                chars = min(ne, e) - max(ns, s)
                if chars > 0:
                    line.chars += chars
                    if link:
                        line.link_chars += chars
                    if kind:
                        line.kinds[kind] = line.kinds.get(kind, 0) + chars
                k += 1
        return out


def node_context(element, cache: dict) -> tuple[bool, str | None]:
    """(inside a link, furniture kind) of a text node whose parent is `element`, from the
    element and its ancestors (`cache` is shared across one page's nodes; no recursion)."""
    chain = []
    state = (False, None, False)  # link, kind, inside article/main
    while element is not None and element.tag not in ("body", "html", "-document"):
        hit = cache.get(element.mem_id)
        if hit is not None:
            state = hit
            break
        chain.append(element)
        element = element.parent
    for el in reversed(chain):
        link, kind, content = state
        tag = el.tag
        link = link or tag == "a"
        content = content or tag in _CONTENT_ELEMENTS
        if kind is None:
            kind = _FURNITURE_ELEMENTS.get(tag)
        if kind is None and tag in _PAGE_ELEMENTS and not content:
            kind = _PAGE_ELEMENTS[tag]
        if kind is None and tag not in _CONTENT_ELEMENTS:
            kind = _class_kind(el)
        state = cache[el.mem_id] = (link, kind, content)
    return state[0], state[1]


def _class_kind(element) -> str | None:
    attrs = element.attributes
    values = " ".join(v for k, v in attrs.items() if k in ("class", "id", "role") and v)
    if not values:
        return None
    if "navigation" in values or "contentinfo" in values:  # ARIA roles
        return "menu" if "navigation" in values else "footer"
    spaced = _camel_case_join().sub(" ", values).lower()
    for token in _token().findall(spaced):
        kind = _CLASS_KIND.get(token)
        if kind:
            return kind
    return None
