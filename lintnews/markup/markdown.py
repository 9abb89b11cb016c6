"""Markdown: lint the prose, skip the code, front matter, URLs and markup.

Skipped: front matter (`---` or `+++`), fenced and indented code, inline code,
HTML comments and tags, URLs, link targets, images and reference definitions.
Link text is prose. Heading, quote and list markers and emphasis delimiters
are dropped so they do not look like punctuation to the checks. HTML comments
are kept aside for suppression comments.
"""
from __future__ import annotations

import html

import regex

from ..document import PLACEHOLDER, Document, ProseBuilder
from .plain import url_spans

_FRONT_MATTER = regex.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n")
_FENCE = regex.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
_INDENTED = regex.compile(r"^(?: {4}|\t)")
_REFERENCE = regex.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$", regex.MULTILINE)

_INLINE = regex.compile(
    r"""
    (?P<comment><!--.*?-->)
  | (?P<code>(?P<ticks>`+).+?(?P=ticks))
  | (?P<image>!\[[^\]\n]*\]\([^)\n]*\))
  | (?P<link_open>(?<!\\)\[)(?=[^\]\n]*\]\([^)\n]*\)|[^\]\n]*\]\[[^\]\n]*\])
  | (?P<link_close>\]\((?P<target>[^)\n]*)\)|\]\[[^\]\n]*\])
  | (?P<autolink><(?:https?|ftp|mailto):[^>\s]+>)
  | (?P<url>(?:https?://|ftp://|www\.)[^\s<>"'\]\)]+[^\s<>"'\]\).,;:!?])
  | (?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)
  | (?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});)
  | (?P<line_marker>^[ ]{0,3}(?:\#{1,6}[ \t]+|(?:>[ \t]?)+|[-*+][ \t]+|\d{1,9}[.)][ \t]+))
  | (?P<heading_close>[ \t]+\#+[ \t]*$)
  | (?P<emphasis>(?<![\w*\\])(?:\*{1,3}|_{1,3})(?=[^\s*_])|(?<=[^\s*_\\])(?:\*{1,3}|_{1,3})(?![\w*]))
    """,
    regex.VERBOSE | regex.MULTILINE | regex.DOTALL,
)


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
    for m in _INLINE.finditer(text, start, end):
        s, e = m.span()
        if m.group("comment") is not None:
            comments.append((s, e, m.group("comment")[4:-3]))
            yield s, e, ""
        elif m.group("code") is not None or m.group("image") is not None:
            yield s, e, PLACEHOLDER
        elif m.group("autolink") is not None or m.group("url") is not None:
            yield s, e, PLACEHOLDER
        elif m.group("entity") is not None:
            yield s, e, html.unescape(m.group("entity"))
        else:
            yield s, e, ""
    # Bare URLs the inline pattern did not see (e.g. without www. but with a path)
    for s, e in url_spans(text, start, end):
        if not text[s:e].lower().startswith(("http", "ftp", "www")):
            yield s, e, PLACEHOLDER
