"""HTML: the page's text as an HTML5 parser reads it, with offsets into the source.

The page is parsed by a real HTML5 parser (selectolax's lexbor engine; see
docs/boilerplate.md for the comparison with html5lib). The parser decides what
the text is: implied end tags, misnested and stray tags, raw text (`script`,
`style`), RCDATA (`title`, `textarea`), entities with or without a semicolon,
comments and broken markup at the end of the file all read as a browser reads
them. Prose is the text nodes outside `script`, `style`, `template`,
`noscript`, `textarea`, `pre`, `code`, `svg` and `math`; the `title` is prose.
Block-level elements become paragraph breaks, inline elements vanish (so
`<b>Kyiv</b>’s` reads as one word), an inline `code` becomes a placeholder.

Parsers do not report source positions, so each text node is found in the
source: a cursor walks the source in document order, skips the markup between
nodes (tags, comments, doctypes, as the HTML5 tokenizer reads them; a
`template`'s content, which the parser keeps out of the page, whole) and
matches the node's text against the raw characters, decoding one character
reference at a time, so each decoded character keeps its raw extent; a node
must end where markup begins. A node that is not at the cursor is out of
source order (table foster parenting: it waits until the cursor reaches its
place; text the parser joined from several places is aligned piece by piece)
or is searched for a little further on, never inside a script, style, title
or textarea. A node that cannot be found is left out, never misplaced.
Findings and fixes therefore point at the source characters.

The same walk gives the page's element context (links, `nav`, `footer`,
class words: lintnews/families/boilerplate/dom.py) for each prose node. Comments are kept
aside, with their source spans, for suppression comments. The old tolerant
tag scanner (`scan`) is only a fallback: when the parser is unavailable or
fails, or (never seen on real pages) when most of the text cannot be aligned.
Known difference from a browser: lexbor parses with scripting off, so a
`<noscript>` in the head that holds body elements (`<p>`) reads as body text.
"""
from __future__ import annotations

import html
from html.entities import html5 as _HTML5

import regex

from lintnews.families.boilerplate.dom import ElementContext, node_context
from lintnews.document import PLACEHOLDER, Document, ProseBuilder
from lintnews.markup.plain import url_pattern, url_spans

#: Elements whose text is not prose.
_SKIP = frozenset("script style pre code template svg math textarea noscript".split())
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p section summary table "
    "tbody td tfoot th thead title tr ul".split()
)
#: Text whose character references are not decoded (RAWTEXT and script data).
_RAW = frozenset("script style xmp iframe noembed noframes noscript plaintext".split())
#: Text in which `<` never starts a tag (RCDATA).
_RCDATA = frozenset(("title", "textarea"))
_DATA, _RCDATA_MODE, _RAW_MODE = 0, 1, 2
#: The modes a node is matched in: its own first (a foreign or noscript node may read otherwise).
_MODES = {_DATA: (_DATA, _RCDATA_MODE, _RAW_MODE), _RCDATA_MODE: (_RCDATA_MODE, _DATA, _RAW_MODE),
          _RAW_MODE: (_RAW_MODE, _DATA, _RCDATA_MODE)}
_WS = " \t\n\f\r"
#: How far past the cursor a node that is not at the cursor is looked for.
SEARCH_WINDOW = 20_000
#: How many of the following nodes are tried at the cursor before a missing node is searched for.
LOOKAHEAD = 4
#: How many moved nodes wait for the cursor to reach their source place.
PENDING = 16
#: Alignment attempts the searches of one page may make, per text node (bounds the work on pages
#: whose nodes cannot be found).
SEARCH_BUDGET = 50
#: Below this share of the prose characters aligned, the page is read by the tag scanner
#: instead (never seen: on 986 real HTML files 99.99 % of the characters were aligned).
MIN_ALIGNED = 0.8

# One markup construct as the HTML5 tokenizer reads it in the data state. Quotes
# only delimit an attribute value after `=`; an unclosed tag or comment runs to the end.
_CONSTRUCT = regex.compile(
    r"""
    (?P<comment><!--(?:-?>|.*?(?:--!?>|\Z)))
  | (?P<cdata><!\[CDATA\[)
  | (?P<bogus><[!?].*?(?:>|\Z)|</(?![A-Za-z>]).*?(?:>|\Z))
  | (?P<tag></?[A-Za-z](?>[^>"'=]+|=[\t\n\f\r ]*(?>"[^"]*"|'[^']*'|)|["'])*(?:>|\Z))
  | (?P<empty></>)
    """,
    regex.VERBOSE | regex.DOTALL,
)
_TEXT_ELEMENTS = "script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext|template"
_TAG_BODY = r"""</?[A-Za-z](?>[^>"'=]+|=[\t\n\f\r ]*(?>"[^"]*"|'[^']*'|)|["'])*"""
#: A run of tags with nothing between them: skipped in one step when no text can start inside it.
_TAG_RUN = regex.compile(rf"""(?:(?!<(?i:{_TEXT_ELEMENTS})[\t\n\f\r />]){_TAG_BODY}>)+""")
#: The start tag of an element whose content is text, never markup (or, for a `template`,
#: a fragment outside the page: the parser gives no nodes for it).
_TEXT_ELEMENT = regex.compile(rf"<({_TEXT_ELEMENTS})(?=[\t\n\f\r />])", regex.IGNORECASE)
_BOGUS = regex.compile(r"<!.*?(?:>|\Z)", regex.DOTALL)
_LEADING_SPACE = regex.compile(r"\s*")
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_SPECIAL = regex.compile(r"[&\r\0<]")
_CHARREF = regex.compile(r"&(?:\#[xX]([0-9A-Fa-f]+);?|\#([0-9]+);?|([A-Za-z][A-Za-z0-9]*;?))")


def _invalid_charrefs() -> dict[int, str]:
    """HTML5's replacements for numeric references to NUL, CR and C1 controls:
    &#128; .. &#159; name windows-1252 characters (the same table `html.unescape` uses)."""
    table = {0x00: "\ufffd", 0x0D: "\r"}
    for code in range(0x80, 0xA0):
        try:
            table[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:  # the five bytes windows-1252 leaves undefined
            table[code] = chr(code)
    return table


_INVALID_CHARREFS = _invalid_charrefs()


def read(text: str, path: str = "<text>") -> Document:
    try:
        from selectolax.lexbor import LexborHTMLParser

        # the parser reads UTF-8 and drops lone surrogates (undecodable bytes kept by
        # surrogateescape); it and the alignment see U+FFFD instead, one for one
        parsed = _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
        items = _items(LexborHTMLParser(parsed))
    except Exception:  # pragma: no cover - selectolax is a dependency; a parser failure falls back
        return scan(text, path)
    reader = _Reader(parsed, items)
    doc = reader.document(path, text)
    total = sum(len(x.text) for x in items if x.prose)
    if total and reader.aligned_chars < MIN_ALIGNED * total:  # pragma: no cover - a safety net
        return scan(text, path)
    return doc


# -- the parse: text nodes in document order ---------------------------------------------------
class _Item:
    """One text node: its text, how to read it, and where prose should break before it."""

    __slots__ = ("text", "prose", "mode", "foreign", "sep", "parent", "index")

    def __init__(self, text, prose, mode, foreign, sep, parent, index):
        self.text = text
        self.prose = prose
        self.mode = mode
        self.foreign = foreign
        self.sep = sep
        self.parent = parent
        self.index = index


def _items(tree) -> list[_Item]:
    """Every text node in document order, with the separator the elements before it imply."""
    root = tree.root
    if root is None:
        return []
    document = root.parent or root
    items: list[_Item] = []
    sep = ""
    # an explicit stack: pages nest deeper than Python recursion allows
    stack = [(document, False, False)]  # (element, inside a skipped element, inside svg/math)
    node = document.child
    while node is not None:
        tag = node.tag
        _, skipped, foreign = stack[-1]
        if tag == "-text":
            text = node.text_content
            if text:
                parent = stack[-1][0]
                ptag = parent.tag
                mode = _RAW_MODE if ptag in _RAW else _RCDATA_MODE if ptag in _RCDATA else _DATA
                items.append(_Item(text, not skipped, mode, foreign, sep, parent, len(items)))
                if not skipped:
                    sep = ""
        elif not tag.startswith(("-", "_", "!")):
            if not skipped and tag in _SKIP:
                inline = tag == "code" and "\n" not in (node.text(deep=True) or "")
                sep = "\n\n" if sep == "\n\n" or not inline else PLACEHOLDER
            elif not skipped and tag in _BLOCK_TAGS:
                sep = "\n\n"
            child = node.child
            if child is not None:
                stack.append((node, skipped or tag in _SKIP, foreign or tag in ("svg", "math")))
                node = child
                continue
        # leave finished elements
        while node.next is None and len(stack) > 1:
            element = stack.pop()[0]
            if not stack[-1][1] and element.tag in _BLOCK_TAGS:
                sep = "\n\n"
            node = element
        node = node.next
    return items


# -- the alignment: each text node's raw span in the source ----------------------------------
def _charref(src: str, p: int):
    """(decoded candidates, raw end) of the character reference at src[p], or None."""
    m = _CHARREF.match(src, p)
    if m is None:
        return None
    hexa, dec, name = m.groups()
    if name is not None:
        if name in _HTML5:
            return (_HTML5[name],), m.end()
        for x in range(len(name) - 1, 1, -1):  # the longest legacy name without a semicolon
            if name[:x] in _HTML5:
                return (_HTML5[name[:x]],), p + 1 + x
        return None
    digits = hexa if hexa is not None else dec
    num = int(digits[:8], 16 if hexa is not None else 10) if len(digits) <= 8 else 0x110000
    if num in _INVALID_CHARREFS:
        return (_INVALID_CHARREFS[num],), m.end()
    if num == 0 or 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
        return ("\ufffd",), m.end()
    return (chr(num), ""), m.end()  # controls and noncharacters: kept by lexbor, dropped by html.unescape


def _match(src: str, p: int, text: str, mode: int, partial: bool = False):
    """Match `text` at src[p] as raw text read in `mode`: (raw end, [(start, end, decoded)]) or None.

    The replacements are the character references decoded and the stray tags the
    parser ignored inside the text; everything else in the span is the text verbatim
    (a CR LF in the source is one LF in the parsed text).

    With `partial`, a text that stops matching after some markup yields the part
    before that markup, as (raw end, replacements, characters matched): the parser
    joins text from separate places into one node (foster parenting next to a table)."""
    n, size = len(text), len(src)
    i = 0
    reps: list[tuple[int, int, str]] = []
    good = None  # (raw end, replacements kept, characters matched) before the last markup
    while i < n:
        if p >= size:
            return good if partial and good is not None and good[2] > 0 else None
        m = _SPECIAL.search(src, p, min(size, p + n - i))
        q = m.start() if m else min(size, p + n - i)
        if q > p:
            if not src.startswith(text[i:i + q - p], p):
                return good if partial and good is not None and good[2] > 0 else None
            i += q - p
            p = q
            continue
        c = src[p]
        t = text[i]
        if c == "\r":
            if t != "\n":
                return good if partial and good is not None and good[2] > 0 else None
            p += 2 if src.startswith("\n", p + 1) else 1
            i += 1
        elif c == "\0":
            if t == "\0" or t == "\ufffd":
                i += 1
            p += 1  # the parser drops NUL in text
        elif c == "&":
            ref = _charref(src, p) if mode != _RAW_MODE else None
            done = False
            if ref is not None:
                for decoded in ref[0]:
                    if decoded and text.startswith(decoded, i):
                        reps.append((p, ref[1], decoded))
                        p, i, done = ref[1], i + len(decoded), True
                        break
            if not done:
                if t != "&":
                    return good if partial and good is not None and good[2] > 0 else None
                p += 1
                i += 1
        else:  # "<"
            if t == "<" and (mode != _DATA or _construct(src, p) is None):
                p += 1
                i += 1
                continue
            good = (p, reps[:], i)
            if mode != _DATA or i == 0:
                return good if partial and good is not None and good[2] > 0 else None
            m = _construct(src, p)
            if m is None or m.lastgroup not in ("tag", "empty"):
                return good if partial and good is not None and good[2] > 0 else None
            reps.append((p, m.end(), ""))  # a stray tag the parser ignored: the text runs on
            p = m.end()
    return (p, reps, n) if partial else (p, reps)


def _construct(src: str, p: int):
    return _CONSTRUCT.match(src, p) if src.startswith("<", p) else None


class _Reader:
    def __init__(self, src: str, items: list[_Item]) -> None:
        self.src = src
        self.items = items
        self.comments: dict[int, tuple[int, int, str]] = {}
        self.foreign = False  # the last aligned node was in svg/math (a CDATA section may close)
        self.budget = 1000 + SEARCH_BUDGET * len(items)

    def _skip(self, p: int, foreign: bool, run: bool = False, mode: int = _RAW_MODE) -> int:
        """Past the markup construct at p (p itself if there is none); a run of tags if `run`.

        Looking for text read in the data state (`mode`), a script, style, title or
        textarea is skipped whole: such text cannot start inside one. A template
        is always skipped whole."""
        src = self.src
        if run:
            m = _TAG_RUN.match(src, p)
            if m is not None:
                return m.end()
        m = _construct(src, p)
        if m is None:
            return p
        kind = m.lastgroup
        if kind == "cdata" and not foreign:
            m = _BOGUS.match(src, p)  # CDATA outside svg/math is a bogus comment
        elif kind == "comment":
            raw = m.group()
            body = raw[4:]
            body = body[:-4] if body.endswith("--!>") else body[:-3] if body.endswith("-->") else body
            body = "" if raw in ("<!-->", "<!--->") else body
            self.comments.setdefault(p, (p, m.end(), body))
        elif kind == "tag":
            raw = _TEXT_ELEMENT.match(src, p)
            if raw is not None and (mode == _DATA or raw.group(1).lower() == "template"):
                name = raw.group(1).lower()
                end = regex.compile(rf"</{name}[\t\n\f\r />]", regex.IGNORECASE).search(src, m.end())
                if name == "plaintext" or end is None:
                    return len(src)
                return self._skip(end.start(), foreign)
        return m.end()

    def _at(self, p: int, item: _Item, partial: bool = False):
        """Align `item` at p, past markup and any whitespace the parser dropped: (start, end, reps).

        The text is tried before each piece of markup is skipped: in a `title`,
        a `textarea` or a script, what looks like a tag is the text itself."""
        src = self.src
        size = len(src)
        while True:
            if self.foreign and src.startswith("]]>", p):
                p += 3
                continue
            c = src[p] if p < size else ""
            # every mode copies an ordinary character as it is: only those can start the text
            if c in "&\r\0" or c == item.text[0]:
                for mode in _MODES[item.mode]:
                    got = _match(src, p, item.text, mode, partial)
                    # a text node ends where markup (or the file) begins
                    if got is not None and (got[0] >= size or src[got[0]] in "<\0" or self._cdata_end(got[0], item)):
                        return (p, *got)
            if p >= size:
                return None
            q = self._skip(p, item.foreign, item.text[0] != "<", item.mode)
            if q > p:
                p = q
            elif src[p] in _WS:  # whitespace the parser dropped (before <html>, in <head>)
                p += 1
            elif p == 0 and src.startswith("\ufeff"):
                p = 1
            else:
                return None

    def _cdata_end(self, p: int, item: _Item) -> bool:
        return item.foreign and self.src.startswith("]]>", p)

    def _search(self, p: int, item: _Item):
        """Look for `item` after later markup, within SEARCH_WINDOW."""
        src = self.src
        limit = min(len(src), p + SEARCH_WINDOW)
        while p < limit:
            q = src.find("<", p + 1, limit)
            if q < 0:
                return None
            p = self._skip(q, item.foreign, False, item.mode)
            if p == q:
                continue
            self.budget -= 1
            if self.budget < 0:
                return None
            got = self._at(p, item)
            if got is not None:
                return got
        return None

    def align(self) -> list[tuple[_Item, int, int, list]]:
        """(item, raw start, raw end, replacements) for each node found, in source order."""
        items = self.items
        out = []
        pending: list[_Item] = []  # nodes not found at the cursor: the parser moved them ahead
        cursor = 0

        def emit(item, got):
            nonlocal cursor
            out.append((item, *got))
            cursor = got[1]
            self.foreign = item.foreign

        k = 0
        item = items[0] if items else None
        while item is not None:
            got = self._at(cursor, item)
            if got is None:
                early = next(((w, g) for w in pending if (g := self._at(cursor, w)) is not None), None)
                if early is not None:  # a moved node whose source place the cursor has reached
                    pending.remove(early[0])
                    emit(*early)
                    continue
                early = next(((w, g) for w in pending if (g := self._at(cursor, w, partial=True))), None)
                if early is not None:  # ... the first of the places a moved node was joined from
                    waiting, part = early
                    emit(waiting, part[:3])
                    rest = waiting.text[part[3]:]
                    pending[pending.index(waiting)] = _Item(rest, waiting.prose, waiting.mode, waiting.foreign,
                                                            "\n\n", waiting.parent, waiting.index)
                    continue
                later = items[k + 1:k + 1 + LOOKAHEAD]
                if not any(x.text.strip() and self._at(cursor, x) is not None for x in later):
                    part = self._at(cursor, item, partial=True)
                    if part is not None:  # text joined from two places: align the first
                        emit(item, part[:3])
                        if part[3] >= len(item.text):
                            k += 1
                            item = items[k] if k < len(items) else None
                            continue
                        item = _Item(item.text[part[3]:], item.prose, item.mode, item.foreign, "\n\n",
                                     item.parent, item.index)
                        pending = (pending + [item])[-PENDING:]
                    else:
                        got = self._search(cursor, item)
                if got is None:
                    pending = (pending + [item])[-PENDING:]
            if got is not None:
                emit(item, got)
            k += 1
            item = items[k] if k < len(items) else None
        for waiting in pending:  # moved nodes whose place is after the last node
            got = self._at(cursor, waiting) or self._search(cursor, waiting)
            if got is not None:
                emit(waiting, got)
        src = self.src
        while cursor < len(src):  # comments after the last text
            q = self._skip(cursor, False)
            if q == cursor:
                q = src.find("<", cursor + 1)
                q = q if q >= 0 else len(src)
            cursor = q
        return out

    def document(self, path: str, text: str) -> Document:
        """The Document of `text` (the source as read; `self.src` differs only where it had lone surrogates)."""
        src = text
        builder = ProseBuilder(src)
        plen = 0  # prose length so far
        reached = 0  # source offset reached
        last_index = -1
        nodes = []
        titles = []  # prose offsets where a <title>'s text node starts
        self.aligned_chars = 0
        for item, start, end, reps in self.align():
            if not item.prose:
                continue
            in_order = item.index > last_index and all(not x.prose for x in self.items[last_index + 1:item.index])
            sep = item.sep if in_order else "\n\n"
            if start > reached or sep:
                builder.replace(reached, start, sep)
                plen += len(sep)
            node_start = plen
            at = start
            for s, e, decoded in reps + [(end, end, "")]:
                for us, ue in url_spans(src, at, s):
                    builder.copy_to(us)
                    builder.replace(us, ue, PLACEHOLDER)
                    plen += us - at + 1
                    at = ue
                builder.copy_to(s)
                plen += s - at
                if e > s:
                    builder.replace(s, e, decoded)
                    plen += len(decoded)
                at = e
            reached = end
            last_index = item.index
            self.aligned_chars += len(item.text)
            nodes.append((node_start, plen, item.parent))
            if item.parent.tag == "title":
                titles.append(node_start)
        builder.replace(reached, len(src), "\n" if reached < len(src) else "")
        prose, segments = builder.build()
        comments = [self.comments[k] for k in sorted(self.comments)]
        doc = Document(src, path, "html", prose, segments, comments)
        doc.element_context = ElementContext(_context_nodes(prose, nodes))
        doc.title_starts = _title_starts(prose, titles)
        return doc


def _title_starts(prose: str, starts) -> frozenset[int]:
    """Where the text of each <title> begins in `prose`, its leading blanks skipped."""
    return frozenset(_LEADING_SPACE.match(prose, s).end() for s in starts)


def _context_nodes(prose: str, nodes):
    """(prose start, prose end, inside a link, furniture kind) of each prose node's visible text."""
    out = []
    cache: dict = {}
    for s, e, parent in nodes:
        while s < e and prose[s].isspace():
            s += 1
        while e > s and prose[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e, *node_context(parent, cache)))
    return out


# -- the fallback: the old tolerant tag scanner ------------------------------------------------
_MARKUP = regex.compile(
    r"""
    (?P<comment><!--.*?(?:-->|\Z))
  | (?P<skip><(?P<skip_name>script|style|pre|code|template|svg|math|textarea|noscript)\b[^>]*>.*?(?:</(?P=skip_name)\s*>|\Z))
  | (?P<declaration><![^>]*>|<\?[^>]*>)
  | (?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?/?>)
  | (?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});?)
    """,
    regex.VERBOSE | regex.DOTALL | regex.IGNORECASE,
)


def scan(text: str, path: str = "<text>") -> Document:
    """The tolerant tag scanner: used only when the HTML5 parser cannot read the page."""
    builder = ProseBuilder(text)
    comments: list[tuple[int, int, str]] = []
    titles: list[int] = []  # prose offsets right after a <title> tag
    pos = 0
    for m in _MARKUP.finditer(text):
        for u in url_pattern().finditer(text, pos, m.start()):
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
            if name == "title" and not m.group("tag").startswith("</"):
                titles.append(builder.length)
        else:
            entity = m.group("entity")
            decoded = html.unescape(entity)
            builder.replace(s, e, decoded if decoded != entity else entity)
        pos = e
    for u in url_pattern().finditer(text, pos, len(text)):
        builder.replace(u.start(), u.end(), PLACEHOLDER)
    prose, segments = builder.build()
    doc = Document(text, path, "html", prose, segments, comments)
    doc.title_starts = _title_starts(prose, titles)
    return doc
