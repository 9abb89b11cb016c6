"""Shallow features of one line of page text, for the structural boilerplate rule.

In the spirit of jusText and of Kohlschütter's shallow text features, but for
text without links: how long a line is, how much of it is function words
(stopwords, from jusText's lists, see `tools/gen_stoplists.py`), whether it
ends like a sentence, how much of it is Title Case, whether it is a date or a
time, and which page-furniture vocabulary it uses (share and follow buttons,
section names, language names written in their own language, teaser
headings, newsletter and cookie words, footers). The vocabulary is data: the
`[rule.vocabulary]` table of the structural rule in `rules/boilerplate.toml`.
"""
from __future__ import annotations

import regex

from functools import lru_cache
from itertools import filterfalse
from operator import methodcaller

from dataclasses import dataclass, field


_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*|\d+")
_LETTER_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’»)\]]*$")
_INNER_SENTENCE = regex.compile(r"\p{Ll}[.!?][\"”’]?\s+[\"“‘]?\p{Lu}")
_URL_SOURCE = r"(?:https?://|www\.)\S+|\S+%2F\S*|\b[\w-]+\.(?:com|org|net|co\.uk|io)\b\S*|\ufffc"
_HANDLE_SOURCE = r"(?<![\w@])[@#][A-Za-z_][\w.]{1,30}"
_URL_OR_HANDLE = regex.compile(f"{_URL_SOURCE}|{_HANDLE_SOURCE}", regex.IGNORECASE)
_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_DATE_TOKEN = regex.compile(
    rf"\b(?:{_MONTH})\b\.?|\b\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?|\b[ap]\.m\.|\b[AP]M\b|\b\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday)?\b|\b(?:19|20)\d\d\b"
    r"|\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|\bago\b|\b(?:GMT|UTC|EST|EDT|PST|CET|IST)\b",
    regex.IGNORECASE,
)
#: An agency's signature at the end of a wire story: "bur-jc/mmp/rmb", "dk/as".
_SIGNATURE = regex.compile(r"[a-z]{2,4}(?:-[a-z]{2,4})?(?:/[a-z]{2,4}(?:-[a-z]{2,4})?){1,6}")

from lintnews.engine.rulefiles import BUILTIN_RULES as DATA
STOPLIST_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "ru", "uk")

KINDS = ("share", "menu", "language", "teaser", "ticker", "newsletter", "cookie", "comments", "footer")


@lru_cache(maxsize=None)
def stoplist(lang: str) -> frozenset[str]:
    """The stopwords of `lang` (generated from jusText by tools/gen_stoplists.py)."""
    path = DATA / f"stoplist-{lang}.txt"
    if not path.exists():
        return frozenset()
    words = path.read_text(encoding="utf-8").split("\n")
    return frozenset(w for w in words if w and not w.startswith("#"))


def best_stoplist(words: list[str]) -> frozenset[str]:
    """The stoplist that covers most of `words` (a page's language, roughly)."""
    best, best_hits = stoplist("en"), -1
    sample = words[:1000]
    for lang in STOPLIST_LANGUAGES:
        stops = stoplist(lang)
        hits = sum(map(stops.__contains__, sample))
        if hits > best_hits:
            best, best_hits = stops, hits
    return best


@dataclass
class Vocabulary:
    """Furniture words and phrases by kind, casefolded (from the rule's TOML table).

    Single words are looked up per token; phrases ("copy link", "©") compile
    into one pattern, so a line is scanned once whatever the vocabulary's size.
    """

    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    pattern: "regex.Pattern | None" = None
    #: kinds -> `cue_pattern(kinds)`, compiled once per vocabulary
    _cues: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_table(cls, table: dict[str, list[str]]) -> "Vocabulary":
        words: dict[str, list[str]] = {}
        phrases: dict[str, list[str]] = {}
        for kind, items in table.items():
            for item in items:
                item = item.casefold().strip()
                target = phrases if (" " in item or not _WORD.fullmatch(item)) else words
                target.setdefault(item, []).append(kind)
        pattern = None
        if phrases:
            alternatives = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
            # compiled when a short line is first measured: most articles never are
            pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])")
        return cls({w: tuple(k) for w, k in words.items()}, {p: tuple(k) for p, k in phrases.items()}, pattern)

    def cue_pattern(self, kinds: tuple[str, ...]) -> "regex.Pattern":
        """Any word or phrase of `kinds`, between non-letters (one pattern, compiled once)."""
        pattern = self._cues.get(kinds)
        if pattern is None:
            items = [w for w, its in self.words.items() if any(k in kinds for k in its)]
            items += [p for p, its in self.phrases.items() if any(k in kinds for k in its)]
            alternatives = "|".join(regex.escape(i) for i in sorted(items, key=len, reverse=True))
            pattern = self._cues[kinds] = regex.compile(
                rf"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE)
        return pattern

    def hits(self, folded_line: str, folded_words: list[str], phrases: bool = True) -> dict[str, int]:
        found: dict[str, int] = {}
        matched = list(self.pattern.finditer(folded_line)) if phrases and self.pattern is not None else ()
        for m in matched:
            size = max(1, m.group().count(" ") + 1)
            for kind in self.phrases[m.group()]:
                found[kind] = found.get(kind, 0) + size
        if matched:  # a phrase's words are not counted again one by one
            folded_words = _LETTER_WORD.findall(self.pattern.sub(" ", folded_line))
        words = self.words
        for w in set(folded_words).intersection(words):
            count = folded_words.count(w)
            for kind in words[w]:
                found[kind] = found.get(kind, 0) + count
        return found


@dataclass(slots=True)
class Line:
    """One line of the page and its features."""

    start: int
    end: int
    text: str
    words: int = 0
    chars: int = 0
    stop_density: float = 0.0
    sentence_end: bool = False
    sentences: int = 0
    title_ratio: float = 0.0
    dates: int = 0
    urls: int = 0
    vocab: dict = field(default_factory=dict)  # kind -> tokens of that kind
    vocab_tokens: int = 0
    repeats: int = 0  # other lines of the page with the same text
    signature: bool = False

    @property
    def prose(self) -> bool:
        """Reads like a paragraph of running text."""
        return is_prose(self)


# A prose line: at least PROSE_WORDS words of which PROSE_STOPS are stopwords,
# ending like a sentence (or long enough not to need to). Set on the scraped
# dev set: 94 % of its body lines pass, and the furniture lines that pass are
# mostly teaser snippets and pitches next to other furniture.
PROSE_WORDS = 8
PROSE_STOPS = 0.22
LONG_PROSE_WORDS = 20
LONG_PROSE_STOPS = 0.12


def is_prose(line: Line) -> bool:
    if line.words >= LONG_PROSE_WORDS and line.stop_density >= LONG_PROSE_STOPS and line.sentences + line.sentence_end >= 1:
        return True
    return line.words >= PROSE_WORDS and line.stop_density >= PROSE_STOPS and line.sentence_end


#: Lines longer than this (in words) are measured for prose only: URL,
#: date and signature tokens matter on short lines.
SHORT_LINE = 20


#: A line longer than this (characters) is split at spaces rather than by the
#: word pattern: four times faster, and a paragraph's stopword share does not
#: notice a stray number or dash.
FAST_SPLIT = 300
_PUNCT = ".,;:!?\"'“”‘’()[]{}«»—–-…*/|"


def measure(text: str, start: int, end: int, stops: frozenset[str], vocab: Vocabulary) -> Line:
    body = text[start:end]
    low = body.casefold()
    if len(body) > FAST_SPLIT:
        # [w for w in (t.strip(_PUNCT) for t in low.split()) if w and not w.isdigit()], in C
        folded = list(filterfalse(str.isdigit, filter(None, map(methodcaller("strip", _PUNCT), low.split()))))
    else:
        folded = _LETTER_WORD.findall(low)
    n = len(folded)
    line = Line(start, end, body, words=n, chars=len(body))
    if n:
        line.stop_density = sum(map(stops.__contains__, folded)) / n
    tail = body.rstrip()
    end_chars = tail[-8:]  # the pattern is anchored at the end: never scan the whole line
    line.sentence_end = bool(_SENTENCE_END.search(end_chars)) and not tail.endswith("...") or tail.endswith("?")
    if n <= SHORT_LINE:
        if n:  # a word starts upper case where its case-folded form differs at the first letter
            line.title_ratio = sum(1 for w, f in zip(_LETTER_WORD.findall(body), folded) if w[0] != f[0]) / n
        line.sentences = len(_INNER_SENTENCE.findall(body)) if n > 3 else 0
        line.dates = len(_DATE_TOKEN.findall(body))
        line.urls = len(_URL_OR_HANDLE.findall(body))
        line.signature = bool(_SIGNATURE.fullmatch(body.strip()))
    elif not line.sentence_end:  # a long line is prose when sentences end inside it
        line.sentences = len(_INNER_SENTENCE.findall(body))
    else:
        line.sentences = 1
    # phrases matter on short lines (buttons, headings); a paragraph's words are enough
    line.vocab = vocab.hits(low, folded, phrases=n <= SHORT_LINE)
    line.vocab_tokens = sum(line.vocab.values())
    return line


def words_of(text: str) -> list[str]:
    return _LETTER_WORD.findall(text.casefold())
