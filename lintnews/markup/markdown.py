"""Markdown: lint the prose, skip the code, front matter, URLs and markup.

Skipped: front matter (`---` or `+++`), fenced and indented code, inline code,
HTML comments and tags, URLs, link targets, images and reference definitions.
Link text is prose. Heading, quote and list markers and emphasis delimiters
are dropped so they do not look like punctuation to the checks. HTML comments
are kept aside for suppression comments.
"""
from __future__ import annotations

import re

import regex

from lintnews.document import PLACEHOLDER, Document, ProseBuilder
from lintnews.markup.urls import SCHEME_URL, url_spans
from lintnews.text.patterns import deferred_regex

_FRONT_MATTER = regex.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n")
_FENCE = regex.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_INDENTED = regex.compile(r"^(?: {4}|\t)")
_REFERENCE = regex.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$", regex.MULTILINE)

# The inline constructs, in order of precedence: at one position the first
# that matches wins, as in one alternation. Each is its own pattern, so that a
# rare construct costs a quick literal search instead of a try at every
# character (`_inline_matches`); together they match what the alternation
# `(?:comment|code|...)` would, match for match.
_INLINE_PARTS = (
    ("comment", r"<!--.*?-->"),
    ("code", r"(?P<ticks>`+).+?(?P=ticks)"),
    ("image", r"!\[[^\]\n]*\]\([^)\n]*\)"),
    ("link_open", r"(?<!\\)\[(?=[^\]\n]*\]\([^)\n]*\)|[^\]\n]*\]\[[^\]\n]*\])"),
    ("link_close", r"\]\((?P<target>[^)\n]*)\)|\]\[[^\]\n]*\]"),
    ("autolink", r"<(?:https?|ftp|mailto):[^>\s]+>"),
    ("url", f"(?i:{SCHEME_URL})"),
    ("tag", r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),
    ("entity", r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});"),
    ("line_marker", r"^[ ]{0,3}(?:\#{1,6}[ \t]+|(?:>[ \t]?)+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)"),
    ("heading_close", r"[ \t]+\#+[ \t]*$"),
    ("emphasis", r"(?<![\w*\\])(?:\*{1,3}|_{1,3})(?=[^\s*_])|(?<=[^\s*_\\])(?:\*{1,3}|_{1,3})(?![\w*])"),
)
_FLAGS = regex.MULTILINE | regex.DOTALL
#: each construct's pattern, compiled when a text first holds one of its literals
_PART = {name: deferred_regex(source, _FLAGS) for name, source in _INLINE_PARTS}
#: Where the constructs that would be tried at every character can start.
_URL_START = regex.compile(r"https?://|ftp://|www\.", regex.IGNORECASE)
_MARKER_LINE = regex.compile(r"\n[ ]{0,3}[#>*+\-\d]")  # a line_marker candidate, after its "\n"
_HEADING_TAIL = regex.compile(r"\#(?<=[ \t]\#)\#*[ \t]*$", _FLAGS)
_EMPHASIS_MARK = regex.compile(r"[*_]")


def _next_by_start(pattern, starts):
    """The finder that tries `pattern()` only where the `starts` pattern finds a possible start."""

    def find(text, pos, end):
        match = pattern().match
        while True:
            hint = starts.search(text, pos, end)
            if hint is None:
                return None
            m = match(text, hint.start(), end)
            if m is not None:
                return m
            pos = hint.start() + 1

    return find


def _next_line_marker(text, pos, end):
    pattern = _PART["line_marker"]()
    if pos == 0:
        m = pattern.match(text, 0, end)
        if m is not None:
            return m
    while True:
        hint = _MARKER_LINE.search(text, max(pos - 1, 0), end)
        if hint is None:
            return None
        m = pattern.match(text, hint.start() + 1, end)
        if m is not None:
            return m
        pos = hint.start() + 2


def _next_heading_close(text, pos, end):
    pattern = _PART["heading_close"]()
    while True:
        hint = _HEADING_TAIL.search(text, pos, end)
        if hint is None:
            return None
        blanks = hint.start()
        while blanks > pos and text[blanks - 1] in " \t":
            blanks -= 1  # the match starts where the blanks before the #s start
        if blanks < hint.start():
            return pattern.match(text, blanks, end)
        pos = hint.start() + 1


def _searcher(name):
    return lambda text, pos, end: _PART[name]().search(text, pos, end)


class _Span:
    """A match found without the regex engine: only what `_inline_edits` reads of one."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self) -> str:
        return self._text[self._start:self._end]


class _Next:
    """The next place at or after `pos` where `find(text, pos, end)` succeeds, remembered.

    The answer q found from p holds for any start in [p, q]. Constructs whose
    closing part is missing ask again from each of their openings; with this,
    a text of 20,000 `[a](` costs one scan to the end of its line, not 20,000.
    """

    def __init__(self, find) -> None:
        self.find = find
        self.last = (None, -1, -1, -1)  # text, end, asked from, answer (-1: none up to end)

    def __call__(self, text: str, pos: int, end: int) -> int:
        known, known_end, asked, answer = self.last
        if known is text and known_end == end and asked <= pos and (answer < 0 or pos <= answer):
            return answer
        answer = self.find(text, pos, end)
        self.last = (text, end, pos, answer)
        return answer


def _char_finder(chars: str):
    pattern = re.compile(f"[{re.escape(chars)}]")

    def find(text, pos, end):
        m = pattern.search(text, pos, end)
        return m.start() if m else -1

    return _Next(find)


_COMMENT_CLOSE = _Next(lambda text, pos, end: text.find("-->", pos, end))
_BRACKET_OR_LINE = _char_finder("]\n")
_PAREN_OR_LINE = _char_finder(")\n")


def _next_comment(text, pos, end):
    """`<!--.*?-->`: an opening with no close after it means none after it either."""
    opening = text.find("<!--", pos, end)
    if opening < 0:
        return None
    close = _COMMENT_CLOSE(text, opening + 4, end)
    return _Span(text, opening, close + 3) if close >= 0 else None


def _link_tail(text, bracket, end):
    """The end of `](target)` or `][label]` starting at the `]` at `bracket`, or -1."""
    after = bracket + 1
    if after >= end:
        return -1
    if text[after] == "(":
        close = _PAREN_OR_LINE(text, after + 1, end)
        return close + 1 if close >= 0 and text[close] == ")" else -1
    if text[after] == "[":
        close = _BRACKET_OR_LINE(text, after + 1, end)
        return close + 1 if close >= 0 and text[close] == "]" else -1
    return -1


def _next_link_open(text, pos, end):
    r"""`(?<!\\)\[` followed by `text](target)` or `text][label]`.

    Every `[` before the same first `]` (or line end) succeeds or fails alike,
    so a failure moves past that `]`.
    """
    while True:
        opening = text.find("[", pos, end)
        if opening < 0:
            return None
        bracket = _BRACKET_OR_LINE(text, opening + 1, end)
        if bracket < 0:
            return None
        if text[bracket] == "]" and _link_tail(text, bracket, end) >= 0:
            while opening > 0 and text[opening - 1] == "\\":  # an escaped `[`: try the next one
                opening = text.find("[", opening + 1, bracket)
                if opening < 0:
                    break
            if opening >= 0:
                return _Span(text, opening, opening + 1)
        pos = bracket + 1


def _next_link_close(text, pos, end):
    """`](target)` or `][label]`."""
    while True:
        bracket = text.find("]", pos, end)
        if bracket < 0:
            return None
        tail = _link_tail(text, bracket, end)
        if tail >= 0:
            return _Span(text, bracket, tail)
        pos = bracket + 1


def _next_image(text, pos, end):
    """`![alt](target)`; openings before the same first `]` succeed or fail alike."""
    while True:
        opening = text.find("![", pos, end)
        if opening < 0:
            return None
        bracket = _BRACKET_OR_LINE(text, opening + 2, end)
        if bracket < 0:
            return None
        if text[bracket] == "]" and bracket + 1 < end and text[bracket + 1] == "(":
            tail = _link_tail(text, bracket, end)
            if tail >= 0:
                return _Span(text, opening, tail)
        pos = bracket + 1


_FINDERS = tuple(
    (name, {
        "comment": _next_comment,
        "image": _next_image,
        "link_open": _next_link_open,
        "link_close": _next_link_close,
        "url": _next_by_start(_PART["url"], _URL_START),
        "line_marker": _next_line_marker,
        "heading_close": _next_heading_close,
        "emphasis": _next_by_start(_PART["emphasis"], _EMPHASIS_MARK),
    }.get(name) or _searcher(name))
    for name, _source in _INLINE_PARTS
)
#: Literals of which every match of a construct contains one (empty: no such literal).
_LITERALS = {"comment": ("<!--",), "code": ("`",), "image": ("![",), "link_open": ("[",), "link_close": ("]",),
             "autolink": ("<",), "url": ("://", "www.", "WWW."), "tag": ("<",), "entity": ("&",),
             "heading_close": ("#",), "emphasis": ("*", "_")}
_NEEDS = tuple(_LITERALS.get(name, ()) for name, _source in _INLINE_PARTS)


def _inline_matches(text: str, start: int, end: int):
    """(name, match) of each inline construct in text[start:end], left to right.

    What `finditer` of the alternation of all `_INLINE_PARTS` gives: the
    leftmost match, the earliest construct on a tie, the scan going on where
    the match ends. Each construct's next match is kept until the scan passes it.
    """
    # A construct none of whose literals is in the region is not searched (nor compiled).
    pending: list = [None if not needs or any(text.find(lit, start, end) >= 0 for lit in needs) else False
                     for needs in _NEEDS]
    pos = start
    while True:
        best = best_name = None
        for k, (name, find) in enumerate(_FINDERS):
            m = pending[k]
            if m is False:
                continue
            if m is None or m.start() < pos:
                m = pending[k] = find(text, pos, end) or False
                if m is False:
                    continue
            if best is None or m.start() < best.start():
                best, best_name = m, name
        if best is None:
            return
        yield best_name, best
        pos = best.end()


def _code_blocks(text: str) -> list[tuple[int, int]]:
    """Original spans of front matter, fenced code and indented code."""
    blocks: list[tuple[int, int]] = []
    lines = text.splitlines(keepends=True)
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line)
    i = 0
    fm = _FRONT_MATTER.match(text)
    if fm:
        marker = fm.group(0).strip()
        for j in range(1, len(lines)):
            if lines[j].strip() == marker:
                blocks.append((0, offsets[j] + len(lines[j])))
                i = j + 1
                break
    prev_blank = True
    while i < len(lines):
        line = lines[i]
        fence = _FENCE.match(line)
        if fence:
            char, size = fence.group(1)[0], len(fence.group(1))
            j = i + 1
            while j < len(lines):
                close = _FENCE.match(lines[j])
                if close and close.group(1)[0] == char and len(close.group(1)) >= size and not lines[j].strip().strip(char):
                    break
                j += 1
            end = offsets[j] + len(lines[j]) if j < len(lines) else len(text)
            blocks.append((offsets[i], end))
            i = j + 1
            prev_blank = True
            continue
        if prev_blank and line.strip() and _INDENTED.match(line):
            j = i
            while j < len(lines) and (not lines[j].strip() or _INDENTED.match(lines[j])):
                j += 1
            while j > i and not lines[j - 1].strip():
                j -= 1
            blocks.append((offsets[i], offsets[j - 1] + len(lines[j - 1].rstrip("\r\n"))))
            i = j
            prev_blank = False
            continue
        prev_blank = not line.strip()
        i += 1
    return blocks


def read(text: str, path: str = "<text>") -> Document:
    builder = ProseBuilder(text)
    comments: list[tuple[int, int, str]] = []
    regions = []
    pos = 0
    for start, end in _code_blocks(text):
        regions.append((pos, start))
        pos = end
    regions.append((pos, len(text)))

    for index, (start, end) in enumerate(regions):
        drops = [(m.start(), m.end(), "") for m in _REFERENCE.finditer(text, start, end)]
        edits = sorted(drops + list(_inline_edits(text, start, end, comments)))
        for s, e, replacement in edits:
            builder.replace(s, e, replacement)
        if index + 1 < len(regions):
            nxt = regions[index + 1][0]
            builder.replace(end, nxt, "\n\n" if end < nxt else "")
    prose, segments = builder.build()
    return Document(text, path, "markdown", prose, segments, comments)


def _inline_edits(text: str, start: int, end: int, comments: list):
    for name, m in _inline_matches(text, start, end):
        s, e = m.span()
        if name == "comment":
            comments.append((s, e, m.group()[4:-3]))
            yield s, e, ""
        elif name in ("code", "image", "autolink", "url"):
            yield s, e, PLACEHOLDER
        elif name == "entity":
            import html  # only for an article with an entity (&amp; ...)

            yield s, e, html.unescape(m.group())
        else:
            yield s, e, ""
    # Bare URLs the inline pattern did not see (e.g. without www. but with a path)
    for s, e in url_spans(text, start, end):
        if not text[s:e].lower().startswith(("http", "ftp", "www")):
            yield s, e, PLACEHOLDER
