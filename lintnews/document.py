"""The Document: one decoded text, the prose worth linting, and its positions.

Checks never see markup and never count lines. A markup reader
(`lintnews.markup`) turns the original text into *prose*: the same text with
code, tags, URLs and front matter taken out, and entities decoded. Prose can be
shorter or longer than the original, so the Document keeps a map from prose
offsets back to original offsets; a check reports a prose span through
`Document.finding(...)` and gets a Finding whose offsets, lines and columns all
point into the original file.

Plain text without URLs has prose identical to the original text, and then the
map is the identity and costs nothing.
"""
from __future__ import annotations

import re
import regex

from bisect import bisect_left, bisect_right
from functools import cached_property
from types import MappingProxyType

from dataclasses import dataclass
from lintnews.finding import UNSAFE, Applicability, Edit, Finding, Fix, Severity
from lintnews.text.termindex import word_set

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from typing import Callable, Iterable, Mapping, Sequence, TypeVar
    T = TypeVar("T")
    from lintnews.model import Rule

#: Stands in the prose for an inline thing that is not prose (inline code, a
#: URL): a character that is neither a letter, a space nor punctuation, so that
#: words on either side stay separate and no spacing rule sees a gap.
PLACEHOLDER = "\ufffc"


_NO_ARGUMENTS = MappingProxyType({})
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
_BLANK_LINES = regex.compile(r"\n[ \t\r\ufffc]*\n[ \t\r\ufffc\n]*")
#: Unicode's blanks (`regex`'s `\s`; `re`'s also holds U+001C-U+001F) and the placeholder.
_BLANKS = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufffc"
#: A line's content without the blanks around it (at least one visible character), in
#: the faster `re`.
_TRIMMED_LINE = re.compile(f"[^{_BLANKS}](?:[^\\n\\r]*[^{_BLANKS}])?")
_LEADING_BLANKS = regex.compile(r"[\s\ufffc]*")
#: What may share a line with removed prose and go with it: tags, a Markdown
#: link's target, list, heading and quote marks, numbering, blanks.
_LINE_MARKUP = regex.compile(r"<[^>]*>|\]\([^)]*\)|[#>*+\-_`\[\]\s\d.]")
#: A word run: what `\w+` of the standard `re` module matches (str.isalnum() or `_`).
WORD_RUN = re.compile(r"\w+")
#: Where a sentence ends: a full stop, question or exclamation mark (closing
#: quotes and brackets may follow), blanks, then a capital, a digit or an
#: opening quote.
_SENTENCE_BREAK = regex.compile(r"[.!?…][”’\"»)\]]*(\s+)(?=[\p{Lu}\p{N}“\"‘«¿¡(])")


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of prose and the original span it stands for.

    `copied` pieces are the original text verbatim (same length); others
    replace the original span with different text (a decoded entity, a
    placeholder, a paragraph break).
    """

    prose_start: int
    prose_end: int
    orig_start: int
    orig_end: int
    copied: bool


class ProseBuilder:
    """Builds prose left to right from copied, replaced and dropped spans."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._parts: list[str] = []
        self._segments: list[Segment] = []
        self._pos = 0  # original offset reached
        self._plen = 0  # prose length so far
        self._identity = True

    def copy_to(self, end: int) -> None:
        """Copy the original text from where we are up to `end`."""
        if end <= self._pos:
            return
        piece = self.text[self._pos:end]
        self._add(piece, self._pos, end, copied=True)

    def replace(self, start: int, end: int, replacement: str) -> None:
        """Stand `replacement` in for text[start:end] (copying any gap before it)."""
        self.copy_to(start)
        if start < self._pos:  # overlapping markup: keep what was already placed
            start = self._pos
            if end <= start:
                return
        self._identity = False
        if replacement:
            self._add(replacement, start, end, copied=False)
        self._pos = end

    def drop(self, start: int, end: int) -> None:
        self.replace(start, end, "")

    @property
    def length(self) -> int:
        """The length of the prose built so far."""
        return self._plen

    def _add(self, piece: str, orig_start: int, orig_end: int, copied: bool) -> None:
        self._parts.append(piece)
        self._segments.append(
            Segment(self._plen, self._plen + len(piece), orig_start, orig_end, copied)
        )
        self._plen += len(piece)
        self._pos = orig_end

    def build(self) -> tuple[str, list[Segment] | None]:
        """The prose, and its segments (None when prose is the original text)."""
        self.copy_to(len(self.text))
        if self._identity:
            return self.text, None
        return "".join(self._parts), self._segments


class LineIndex:
    """Maps a character offset to a 1-based line and column in O(log n).

    `\\r\\n`, a lone `\\r` and `\\n` each end a line, so positions agree with
    what editors show for CRLF and old Mac files alike.
    """

    def __init__(self, text: str) -> None:
        if "\r" in text:
            self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        else:
            starts = [0]
            find = text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, line: int, text: str) -> tuple[int, int]:
        """Original offsets of a 1-based line, without its line break."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(text)
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return start, end


class Document:
    """One text to lint: the original, its prose, and the means to report on it."""

    def __init__(
        self,
        text: str,
        path: str = "<text>",
        fmt: str = "plain",
        prose: str | None = None,
        segments: Sequence[Segment] | None = None,
        comments: Sequence[tuple[int, int, str]] = (),
    ) -> None:
        self.text = text
        self.path = path
        self.format = fmt
        self.prose = text if prose is None else prose
        self._segments = list(segments) if segments else None
        self._seg_starts = [s.prose_start for s in self._segments] if self._segments else None
        #: Markup comments (start, end, body) in original offsets, for suppressions.
        self.comments = list(comments)
        #: What an HTML page's elements say about its prose (`blocks.dom.ElementContext`), or None.
        self.element_context = None
        #: Prose offsets where the text of a page's <title> element starts (the HTML reader's).
        self.title_starts: frozenset[int] = frozenset()
        self._memo: dict[str, object] = {}

    def memo(self, key: str, build: "Callable[[Document], T]") -> "T":
        """The analysis `key` of this document, built by `build(doc)` the first time.

        The one way a module keeps what it derives from a document (its
        suppression comments, its quotation analysis) so that no analysis is
        done twice: the Document owns it and it dies with the Document.
        """
        try:
            return self._memo[key]  # type: ignore[return-value]
        except KeyError:
            value = self._memo[key] = build(self)
            return value

    # -- positions ---------------------------------------------------------
    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a prose span to the original span it covers."""
        if self._segments is None:
            return start, end
        return self._map(start, as_end=False), self._map(end, as_end=True)

    def _map(self, pos: int, as_end: bool) -> int:
        segs, starts = self._segments, self._seg_starts
        if not segs:
            return 0
        if as_end:
            i = bisect_left(starts, pos) - 1
            if i < 0:
                return segs[0].orig_start
        else:
            i = bisect_right(starts, pos) - 1
            if i < 0:
                return segs[0].orig_start
        seg = segs[i]
        if pos >= seg.prose_end:
            if as_end or i + 1 >= len(segs):
                return seg.orig_end
            return segs[i + 1].orig_start
        if seg.copied:
            return seg.orig_start + (pos - seg.prose_start)
        return seg.orig_end if (as_end and pos > seg.prose_start) else seg.orig_start

    def is_identity(self) -> bool:
        return self._segments is None

    def is_title(self, start: int) -> bool:
        """True when prose offset `start` begins the text of an HTML page's <title>."""
        return start in self.title_starts

    # -- paragraphs --------------------------------------------------------
    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Prose spans of paragraphs, leading and trailing blanks trimmed.

        Blank lines always separate paragraphs. In plain text that is not
        hard-wrapped (most news scraped to .txt has one paragraph per line),
        every line is a paragraph of its own.
        """
        prose = self.prose
        if self.format == "plain" and not _looks_hard_wrapped(prose):
            return [m.span() for m in _TRIMMED_LINE.finditer(prose)]
        out = []
        pos = 0
        for m in _BLANK_LINES.finditer(prose):
            _add_trimmed(prose, pos, m.start(), out)
            pos = m.end()
        _add_trimmed(prose, pos, len(prose), out)
        return out

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Prose spans of sentences, each inside one paragraph (see `_SENTENCE_BREAK`)."""
        prose = self.prose
        out = []
        for start, end in self.paragraphs:
            pos = start
            for m in _SENTENCE_BREAK.finditer(prose, start, end):
                out.append((pos, m.start(1)))
                pos = m.end(1)
            out.append((pos, end))
        return out

    # -- words: one pass in C, positions only for the words that matter ------
    @cached_property
    def words(self) -> list[str]:
        """Every word run of the prose, in order (`WORD_RUN.findall`: a list built in C)."""
        return WORD_RUN.findall(self.prose)

    @cached_property
    def folded_words(self) -> list[str]:
        """`words`, lowercased (`str.lower`, mapped in C)."""
        return list(map(str.lower, self.words))

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The distinct word runs: a check asks it whether a word occurs at all.

        Built without keeping `words` (a list of every word of a 10 MB text
        is ~100 MB) unless a check asked for that list already."""
        words = self.__dict__.get("words")
        if words is not None:
            return frozenset(words)
        return frozenset(word_set(self.prose))

    @cached_property
    def folded_word_set(self) -> frozenset[str]:
        return frozenset(self.folded_words)

    def word_starts(self, word: str) -> list[int]:
        """Prose offsets where the whole run `word` occurs (not inside a longer run)."""
        if word not in self.word_set:
            return []
        prose, n, size = self.prose, len(word), len(self.prose)
        out = []
        i = prose.find(word)
        while i != -1:
            end = i + n
            if not (i and (prose[i - 1].isalnum() or prose[i - 1] == "_")) and not (
                    end < size and (prose[end].isalnum() or prose[end] == "_")):
                out.append(i)
            i = prose.find(word, i + 1)
        return out

    # -- fixes that remove text ---------------------------------------------
    def removal(self, start: int, end: int) -> Fix:
        """An unsafe fix removing prose [start, end) and the line break right after it."""
        o_start, o_end = self.to_original(start, end)
        text = self.text
        if o_end < len(text) and text[o_end] in "\r\n":
            o_end += 2 if text.startswith("\r\n", o_end) else 1
        return Fix.replace(o_start, o_end, "", UNSAFE)

    def line_removal(self, start: int, end: int) -> Fix:
        """An unsafe fix removing prose [start, end) with its whole lines, leaving no blank line behind.

        Only the span itself when text other than markup shares its first or last line."""
        o_start, o_end = self.to_original(start, end)
        text = self.text
        line_start = text.rfind("\n", 0, o_start) + 1
        line_end = text.find("\n", o_end)
        line_end = len(text) if line_end == -1 else line_end
        outside = text[line_start:o_start] + text[o_end:line_end]
        if _LINE_MARKUP.sub("", outside):
            return Fix.replace(o_start, o_end, "", UNSAFE)
        o_start, o_end = line_start, line_end
        while o_end < len(text) and text[o_end] in " \t\r\n":
            o_end += 1
        if o_end == len(text):  # at the end: take the blank lines before, keep one line break
            back = o_start
            while back > 0 and text[back - 1] in " \t\r\n":
                back -= 1
            newline = text.find("\n", back)
            if back > 0 and 0 <= newline < line_start:
                o_start = newline + 1
        return Fix.replace(o_start, o_end, "", UNSAFE)

    # -- findings ----------------------------------------------------------
    def finding(
        self,
        rule: "Rule",
        start: int,
        end: int,
        arguments: Mapping[str, object] = _NO_ARGUMENTS,
        fixes: Iterable[tuple[str, Applicability]] | Iterable[Fix] = (),
        severity: Severity | None = None,
        original: bool = False,
        template: str = "default",
    ) -> Finding:
        """Build a Finding from a prose span (or an original span if `original`).

        Its message is the rule's message `template` filled with `arguments`
        (`Rule.messages`), which the finding keeps. `fixes` are
        (replacement, applicability) pairs that replace the finding's own
        span, or Fix objects for edits of other spans (in original offsets).
        """
        if not original and self._segments is not None:
            start, end = self._map(start, as_end=False), self._map(end, as_end=True)
        starts = self.lines.starts
        if len(starts) == 1:
            line = end_line = 1
            col, end_col = start + 1, end + 1
        else:
            line = bisect_right(starts, start)
            end_line = bisect_right(starts, end) if end > start else line
            col, end_col = start - starts[line - 1] + 1, end - starts[end_line - 1] + 1
        if fixes:
            built = tuple([f if isinstance(f, Fix) else Fix((Edit(start, end, f[0]),), f[1])
                           for f in fixes])
        else:
            built = ()
        # positional: Finding's field order (a keyword call costs more per finding)
        return Finding(rule.code, rule.name, rule.category,
                       rule.severity if severity is None else severity,
                       start, end, line, col, end_line, end_col,
                       self.text[start:end], rule.messages[template].format_map(arguments), built,
                       template, tuple(arguments.items()))


def _looks_hard_wrapped(prose: str) -> bool:
    """True when the text is wrapped at a fixed width inside paragraphs.

    Judged on the first 400 lines: wrapping is a property of the whole file.
    """
    if "\n\n" not in prose:
        return False
    lines = [ln for ln in prose[:40_000].splitlines()[:400] if ln.strip()]
    if len(lines) < 4:
        return False
    long = sum(1 for ln in lines if len(ln) > 100)
    return long / len(lines) < 0.05


def _add_trimmed(prose: str, start: int, end: int, out: list) -> None:
    """Append [start, end) without its leading and trailing blanks, if anything is left."""
    start = _LEADING_BLANKS.match(prose, start, end).end()
    while end > start and (prose[end - 1].isspace() or prose[end - 1] == PLACEHOLDER):
        end -= 1
    if start < end:
        out.append((start, end))
