"""Shallow features of one line of page text, for the structural boilerplate rule.

In the spirit of jusText and of Kohlschütter's shallow text features, but for
text without links: how long a line is, how much of it is function words
(stopwords, from jusText's lists, see `tools/gen_stoplists.py`), whether it
ends like a sentence, whether it is a date or a time, and which
page-furniture vocabulary it uses (share and follow buttons, section names,
language names written in their own language, teaser headings, newsletter
and cookie words, footers, read times, video and JavaScript notices, live-blog
sign-offs). The vocabulary is data: the
`[rule.vocabulary]` table of the structural rule in `rules/boilerplate.toml`.
"""
from __future__ import annotations

import re
import regex

from functools import lru_cache
from itertools import filterfalse
from operator import methodcaller

from dataclasses import dataclass, field

from lintnews.text.patterns import deferred_regex


_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*|\d+")
_LETTER_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*")
_ASCII_LETTER_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")  # the same on ASCII text, in the faster `re`
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’»)\]]*$")
_inner_sentence = deferred_regex(r"\p{Ll}[.!?][\"”’]?\s+[\"“‘]?\p{Lu}")
_URL_SOURCE = r"(?:https?://|www\.)\S+|\S+%2F\S*|\b[\w-]+\.(?:com|org|net|co\.uk|io)\b\S*|\ufffc"
_HANDLE_SOURCE = r"(?<![\w@])[@#][A-Za-z_][\w.]{1,30}"
_url_or_handle = deferred_regex(f"{_URL_SOURCE}|{_HANDLE_SOURCE}", regex.IGNORECASE)
_MONTH = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
_date_token = deferred_regex(
    rf"\b(?:{_MONTH})\b\.?|\b\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?|\b[ap]\.m\.|\b[AP]M\b|\b\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|urday)?\b|\b(?:19|20)\d\d\b"
    r"|\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|\bago\b|\b(?:GMT|UTC|EST|EDT|PST|CET|IST)\b",
    regex.IGNORECASE,
)
#: An agency's signature at the end of a wire story: "bur-jc/mmp/rmb", "dk/as".
_signature = deferred_regex(r"[a-z]{2,4}(?:-[a-z]{2,4})?(?:/[a-z]{2,4}(?:-[a-z]{2,4})?){1,6}")

from lintnews.engine.rulefiles import BUILTIN_RULES as DATA
STOPLIST_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "ru", "uk")

KINDS = ("share", "menu", "language", "teaser", "ticker", "newsletter", "cookie", "comments", "footer",
         "readtime", "video", "javascript", "signoff")
#: Kinds whose vocabulary alone makes a short line certain furniture (section names need a menu around them).
CERTAIN_KINDS = ("share", "teaser", "ticker", "newsletter", "cookie", "comments", "footer", "language",
                 "readtime", "video", "javascript", "signoff")


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
    #: the source of the phrases' one pattern (`phrase_pattern`), None without phrases
    phrase_source: str | None = None
    #: what the site says to its reader ("click here"): such a line is no sentence of the article
    site_talk: tuple[str, ...] = ()
    #: `site_talk` as one pattern, made on first use
    _talk: "re.Pattern | None" = field(default=None, compare=False, repr=False)
    #: `phrase_source` compiled, on first use
    _pattern: "regex.Pattern | None" = field(default=None, compare=False, repr=False)
    #: (one-word phrases, first word pairs of the others, phrases that start with a sign), made on first use
    _heads: tuple | None = field(default=None, compare=False, repr=False)
    #: kinds -> `gate(kinds)`, made once per vocabulary
    _gates: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_table(cls, table: dict[str, list[str]]) -> "Vocabulary":
        words: dict[str, list[str]] = {}
        phrases: dict[str, list[str]] = {}
        for kind, items in table.items():
            for item in items:
                item = item.casefold().strip()
                target = phrases if (" " in item or not _WORD.fullmatch(item)) else words
                target.setdefault(item, []).append(kind)
        source = None
        if phrases:
            alternatives = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
            source = rf"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])"
        return cls({w: tuple(k) for w, k in words.items()}, {p: tuple(k) for p, k in phrases.items()}, source)

    def phrase_pattern(self) -> "regex.Pattern":
        """The phrases as one pattern, compiled when a line first may hold one:
        the lines of most articles never do."""
        if self._pattern is None:
            self._pattern = regex.compile(self.phrase_source)
        return self._pattern

    def hits(self, folded_line: str, folded_words: list[str], phrases: bool = True) -> dict[str, int]:
        """Tokens of each kind in a line, kinds in a fixed order (whatever the hash seed)."""
        found: dict[str, int] = {}
        matched = ()
        if phrases and self.phrase_source is not None and self._may_hold_phrase(folded_line, folded_words):
            matched = list(self.phrase_pattern().finditer(folded_line))
        for m in matched:
            size = max(1, m.group().count(" ") + 1)
            for kind in self.phrases[m.group()]:
                found[kind] = found.get(kind, 0) + size
        if matched:  # a phrase's words are not counted again one by one
            folded_words = _LETTER_WORD.findall(self.phrase_pattern().sub(" ", folded_line))
        words = self.words
        present = [w for w in folded_words if w in words]
        for w in dict.fromkeys(present):  # first-seen order, never a set's
            count = present.count(w)
            for kind in words[w]:
                found[kind] = found.get(kind, 0) + count
        return found

    def talks_to_reader(self, folded_line: str) -> bool:
        """Whether the line says one of the `site_talk` phrases (between non-letters)."""
        if not self.site_talk:
            return False
        if self._talk is None:
            alternatives = "|".join(re.escape(p) for p in sorted(self.site_talk, key=len, reverse=True))
            self._talk = re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])")
        return self._talk.search(folded_line.replace("’", "'")) is not None

    def gate(self, kinds: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
        """(words, signs): every word of the vocabulary of `kinds`, its phrases' words
        included, and the phrases that start with a sign ("©"). A line without signs
        has at most as many tokens of `kinds` as it has words in `words`."""
        gate = self._gates.get(kinds)
        if gate is None:
            words = {w for w, its in self.words.items() if any(k in kinds for k in its)}
            phrases = [p for p, its in self.phrases.items() if any(k in kinds for k in its)]
            for p in phrases:
                words.update(_LETTER_WORD.findall(p))
            gate = self._gates[kinds] = (frozenset(words), tuple(p for p in phrases if not _phrase_head(p)))
        return gate

    def _may_hold_phrase(self, folded_line: str, folded_words: list[str]) -> bool:
        """A cheap test before the phrase pattern: the first two words of a phrase
        stand next to each other in the line (or the one word of a one-word
        phrase is there), or one of the few phrases that start with a sign ("©") is."""
        heads = self._heads
        if heads is None:
            ones, pairs, signs = set(), set(), []
            for p in self.phrases:
                words = _LETTER_WORD.findall(p)
                if not _LETTER_WORD.match(p):
                    signs.append(p)
                elif len(words) == 1:
                    ones.add(words[0])
                else:
                    pairs.add((words[0], words[1]))
            heads = self._heads = (frozenset(ones), frozenset(pairs), tuple(signs))
        ones, pairs, signs = heads
        return (not ones.isdisjoint(folded_words) or not pairs.isdisjoint(zip(folded_words, folded_words[1:]))
                or any(p in folded_line for p in signs))


def _phrase_head(phrase: str) -> str:
    """The first word of a phrase when the phrase starts with it, else ""."""
    m = _LETTER_WORD.match(phrase)
    return m.group() if m else ""


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
    dates: int = 0
    urls: int = 0
    vocab: dict = field(default_factory=dict)  # kind -> tokens of that kind
    vocab_tokens: int = 0
    repeats: int = 0  # other lines of the page with the same text
    signature: bool = False
    complete: bool = True  # False: stopwords, dates and URL tokens not measured yet (`complete`)

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


def measure(text: str, start: int, end: int, stops: frozenset[str], vocab: Vocabulary,
            full: bool = True) -> Line:
    """The features of the line `text[start:end]`.

    With `full` False, a short line's stopwords, dates and URL tokens are left
    out (the first look at a text, for evidence of a page, needs none of them):
    `complete` adds them when the text is a page after all."""
    body = text[start:end]
    low = body.casefold()
    if len(body) > FAST_SPLIT:
        # [w for w in (t.strip(_PUNCT) for t in low.split()) if w and not w.isdigit()], in C
        folded = list(filterfalse(str.isdigit, filter(None, map(methodcaller("strip", _PUNCT), low.split()))))
    else:
        folded = (_ASCII_LETTER_WORD if low.isascii() else _LETTER_WORD).findall(low)
    n = len(folded)
    line = Line(start, end, body, words=n, chars=len(body))
    if n and (full or n > SHORT_LINE):
        line.stop_density = sum(map(stops.__contains__, folded)) / n
    tail = body.rstrip()
    end_chars = tail[-8:]  # the pattern is anchored at the end: never scan the whole line
    line.sentence_end = bool(_SENTENCE_END.search(end_chars)) and not tail.endswith("...") or tail.endswith("?")
    if n <= SHORT_LINE:
        line.sentences = len(_inner_sentence().findall(body)) if n > 3 and _may_end_inside(tail) else 0
        line.signature = "/" in body and bool(_signature().fullmatch(body.strip()))
        if full:
            _short_tokens(line, body, low, folded)
        else:
            line.complete = False
    elif not line.sentence_end:  # a long line is prose when sentences end inside it
        line.sentences = len(_inner_sentence().findall(body))
    else:
        line.sentences = 1
    # phrases matter on short lines (buttons, headings); a paragraph's words are enough
    line.vocab = vocab.hits(low, folded, phrases=n <= SHORT_LINE)
    line.vocab_tokens = sum(line.vocab.values())
    return line


def complete(line: Line, stops: frozenset[str]) -> Line:
    """`line` with the stopwords, date and URL tokens a quick `measure` left out."""
    if not line.complete:
        low = line.text.casefold()
        folded = _LETTER_WORD.findall(low)
        if folded:
            line.stop_density = sum(map(stops.__contains__, folded)) / len(folded)
        _short_tokens(line, line.text, low, folded)
        line.complete = True
    return line


def _may_end_inside(tail: str) -> bool:
    head = tail[:-1]
    return "." in head or "!" in head or "?" in head


#: Literal hints of a URL or a handle (one cheap pattern): the costly one runs only on a line that holds one.
_URL_HINTS = re.compile(r"http|www\.|%2f|\.(?:com|org|net|co\.uk|io)|[@#\ufffc]")
_DIGIT = re.compile(r"\d")
#: Every word `_date_token` can match whole (month, weekday and zone names, am/pm, ago).
_DATE_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
    "sepember oct october nov november dec december am pm ago gmt utc est edt pst cet ist".split()
) | frozenset(d + s for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
              for s in ("", "day", "s", "sday", "nesday", "rsday", "urday"))


def _short_tokens(line: Line, body: str, low: str, folded: list[str]) -> None:
    """Date and URL tokens of a short line, each pattern gated by a literal test first."""
    if _DIGIT.search(body) or "a.m." in low or "p.m." in low or _has_date_word(folded):
        line.dates = len(_date_token().findall(body))
    if _URL_HINTS.search(low):
        line.urls = len(_url_or_handle().findall(body))


def _has_date_word(folded: list[str]) -> bool:
    if not _DATE_WORDS.isdisjoint(folded):
        return True
    for w in folded:  # "mid-may", "jan-feb": the pattern's word boundaries fall inside
        if "-" in w or "'" in w or "’" in w:
            if not _DATE_WORDS.isdisjoint(w.replace("’", "-").replace("'", "-").split("-")):
                return True
    return False


def folded_words(low: str) -> list[str]:
    """The words of a case-folded line, as `measure` counts them on a short line."""
    return (_ASCII_LETTER_WORD if low.isascii() else _LETTER_WORD).findall(low)


def words_of(text: str) -> list[str]:
    return _LETTER_WORD.findall(text.casefold())
