"""What the rule kinds share: term patterns, boundaries, case, exceptions, profiles."""
from __future__ import annotations

import regex

import re


from lintnews.engine.rulefiles import RuleEntry
from lintnews.text.termindex import BoundedTerms, word_set
from lintnews.text.trie import LEFT_BOUNDARY, RIGHT_BOUNDARY, trie_pattern

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Iterable


#: From this many terms on (a newsroom's list of 100,000), a TermIndex replaces
#: the trie, whose compile time and size grow with the list.
LARGE_TERM_LIST = 1000


def term_pattern(terms: Iterable[str], ignore_case: bool = False):
    """One pattern for many literal terms, longest match first, right boundary only.

    The left boundary is checked by `starts_word` in Python. The terms are
    compiled as a trie (`trie_pattern`), not as a `regex` named list, which
    scans a list of names far more slowly (docs/performance.md, "Figures
    moved out of the code"). Very long lists get a `TermIndex`, which answers
    `finditer` the same way.
    """
    words = set(terms)
    if len(words) >= LARGE_TERM_LIST:
        from lintnews.text.automaton import literal_terms

        return literal_terms(sorted(words, key=len, reverse=True), ignore_case)
    return re.compile(trie_pattern(words, ignore_case) + _RIGHT_BOUNDARY,
                      re.IGNORECASE if ignore_case else 0)


class WordStartTerms:
    """Many literal terms for callers that keep a match only where a word starts
    (`starts_word`, or after a hyphen as in `pro-russian`).

    It yields the terms found between word boundaries, leftmost first, longest
    first, never overlapping: a `termindex.BoundedTerms`, which looks each word
    run of the text up in a dict and so costs no compiling (the trie pattern
    of the names was compiled again in every process whose text had one of
    them). What a word-start caller kept of `term_pattern(terms)`'s
    matches, with one difference: that pattern also matched inside words,
    and such a match (`iv kharkiv` inside `kyiv kharkiv`) hid a term at the
    next word start; here nothing is hidden.

    Every run of word characters in such a match is a whole run of the text,
    so a text without the longest run of any term (`framework` of `in the
    framework of`) is skipped before the index is even built.

    A text of `LARGE_TEXT` characters or more is scanned by the same terms as
    one compiled pattern between word boundaries, which finds exactly the
    same matches (a property test compares the two) in C: on a text dense
    with hits (a 10 MB line of `kyiv`) the index's Python step per hit is
    slower, and there the compile is a small share.
    """

    LARGE_TEXT = 1 << 20

    def __init__(self, terms: Iterable[str]) -> None:
        self._terms = set(terms)
        anchors: set[str] | None = set()
        for term in self._terms:
            runs = _RUNS.findall(term)
            if not runs:  # only punctuation: no word to look for
                anchors = None
                break
            anchors.add(max(runs, key=len))
        self._anchors = frozenset(anchors) if anchors is not None else None
        self._index = None
        self._pattern = None

    def finditer(self, text: str, words: "frozenset[str] | set[str] | None" = None):
        """The matches in `text`. `words`, the set of its `\\w+` runs
        (`Document.word_set`), saves finding them again."""
        if words is None:
            words = word_set(text)
        if self._anchors is not None and self._anchors.isdisjoint(words):
            return iter(())
        if len(text) >= self.LARGE_TEXT:
            if self._pattern is None:
                self._pattern = re.compile(_LEFT_BOUNDARY + "(?:" + trie_pattern(self._terms) + ")"
                                           + _RIGHT_BOUNDARY)
            return self._pattern.finditer(text)
        if self._index is None:
            self._index = BoundedTerms(self._terms)
        return self._index.finditer(text, words)


_RUNS = re.compile(r"\w+")
_RIGHT_BOUNDARY = RIGHT_BOUNDARY
_LEFT_BOUNDARY = LEFT_BOUNDARY


class Spans:
    """A list of (start, end) pairs kept as two integer arrays: 16 bytes a pair
    instead of ~120 as tuples, for a check that records every occurrence of
    something (a text can have millions). `append`, `len` and indexing work
    as on a list of tuples."""

    __slots__ = ("_starts", "_ends")

    def __init__(self) -> None:
        from array import array

        self._starts, self._ends = array("q"), array("q")

    def append(self, span: tuple[int, int]) -> None:
        self._starts.append(span[0])
        self._ends.append(span[1])

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self._starts[index], self._ends[index]


def starts_word(text: str, start: int) -> bool:
    """True when text[start] begins a word (nothing word-like just before it)."""
    if start == 0:
        return True
    before = text[start - 1]
    return not (before.isalnum() or before in "_\u0301\u0300-@#")


def is_inside_token(text: str, start: int, end: int) -> bool:
    """True when the match is part of a file name, domain, handle or hashtag."""
    if start and text[start - 1] in "#@.":
        return True
    return end + 1 < len(text) and text[end] in "./@" and text[end + 1].isalnum()


def match_case(template: str, found: str) -> str:
    """Give `template` the case shape of `found` (ALL CAPS stays all caps)."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return template.upper()
    return template


def exception_pattern(entry_or_phrases) -> "regex.Pattern | None":
    phrases = entry_or_phrases
    if isinstance(entry_or_phrases, RuleEntry):
        phrases = entry_or_phrases.data.get("exceptions", [])
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise entry_or_phrases.error("'exceptions' must be a list of strings")
    if not phrases:
        return None
    return regex.compile(r"(?<!\w)\L<phrases>(?!\w)", regex.IGNORECASE, phrases=list(phrases))


def in_exception(pattern, text: str, start: int, end: int, window: int = 60) -> bool:
    """True when text[start:end] lies inside a match of an exception pattern."""
    if pattern is None:
        return False
    lo = max(0, start - window)
    for m in pattern.finditer(text, lo, min(len(text), end + window)):
        if m.start() <= start and end <= m.end():
            return True
    return False


def profile_form(ruleset, style: str, form: str) -> str:
    """The form a house-style profile prefers for `form` (itself if none)."""
    for _path, profiles in ruleset.table("profile"):
        profile = profiles.get(style) if isinstance(profiles, dict) else None
        if profile:
            prefer = profile.get("prefer", {})
            if form in prefer:
                return prefer[form]
    return form


def quoted_severity(doc, ctx, severity, start: int, end: int):
    """The severity of a finding at prose [start, end) given `quoted-severity`.

    Inside a direct quotation, words may be kept as said: "lower" (the
    default) reports one severity lower, "same" leaves it, "off" drops the
    finding (returns None).
    """
    mode = ctx.config.quoted_severity
    if mode == "same":
        return severity
    from lintnews.text.quotation import in_quotation

    if not in_quotation(doc, start, end):
        return severity
    return None if mode == "off" else severity.lowered()


def templated(entry: RuleEntry, messages: dict[str, str], **sample: str) -> RuleEntry:
    """A copy of `entry` whose Rule carries its message templates (`Rule.messages`):
    the kind's `messages`, with the rule's own `message` as "default" when it has
    one. `sample` values the kind fills in: a template naming another field is
    an error of the rule file (no sample: the rule's `message` is not used)."""
    from dataclasses import replace

    messages = dict(messages)
    if sample and "message" in entry.data:
        messages["default"] = entry.data["message"]
        try:
            entry.data["message"].format(**sample)
        except (KeyError, IndexError, ValueError):
            raise entry.error(
                "the message uses a placeholder it does not have; available: "
                + ", ".join("{" + k + "}" for k in sample)
            ) from None
    return replace(entry, rule=replace(entry.rule, messages=messages))


def string_map(entry: RuleEntry, key: str) -> dict[str, str]:
    value = entry.data.get(key)
    if not isinstance(value, dict) or not value or not all(
        isinstance(k, str) and isinstance(v, str) and k and v for k, v in value.items()
    ):
        raise entry.error(f"'{key}' must be a non-empty table of \"variant\" = \"preferred\"")
    return value


def string_list(entry: RuleEntry, key: str, required: bool = True) -> list[str]:
    value = entry.data.get(key, [] if not required else None)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value) or (required and not value):
        raise entry.error(f"'{key}' must be a non-empty list of strings")
    return value
