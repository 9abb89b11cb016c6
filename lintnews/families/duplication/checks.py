"""LN7xx duplication: repeated and near-duplicate paragraphs and sentences.

Scrapers paste a paragraph twice, translation pipelines translate one source
paragraph twice in different words, and a fragment gets repeated after the
quote it ends. Every rule reports the later copy and names the line of the
first.

Cost is linear in the document: exact repeats are one dictionary of normalised
texts; near-duplicates use an inverted index from word 3-gram shingles (and
from a paragraph's first eight words) to the earlier paragraphs that contain
them, so a paragraph is compared only with the few that share something with
it, never with every other paragraph. Shingles shared by more than
`_MAX_POSTINGS` paragraphs (set phrases) stop collecting candidates.
"""
from __future__ import annotations

import re
import regex

from bisect import bisect_left
from collections import Counter
from itertools import chain, repeat
from operator import add

from lintnews.finding import UNSAFE, Severity
from lintnews.engine.registry import Example, Rule, check
from lintnews.families.boilerplate.listitems import is_list_item
from lintnews.text.patterns import deferred_regex

REPEATED = Rule(
    code="LN701", name="repeated-text", category="duplication",
    severity=Severity.WARNING, fixable=True,
    summary="A paragraph or sentence repeated exactly (ignoring spaces and case).",
    doc=(
        "A scraper that reads a page twice, or a paste that went wrong, repeats a\n"
        "paragraph or a sentence word for word. The later copy is reported with the\n"
        "line of the first. Paragraphs of fewer than 6 words and sentences of fewer\n"
        "than 8 words are not compared (short lines such as “Read more” are the\n"
        "boilerplate rules' business), nor are paragraphs of fewer than 16 words\n"
        "that do not end like a sentence: list items that product copy repeats,\n"
        "credit lines under quoted tweets, captions and labels, nor list items of\n"
        "fewer than 16 words (after a bullet or a number, or in a run of short\n"
        "lines with digits, commas or colons: a meal plan repeats “Snack: 1 apple\n"
        "and 2 tbsp. peanut butter.” every day). The headline of a\n"
        "web page that repeats its <title>, or a text's first line when it is a\n"
        "headline, is not reported either. The fix removes\n"
        "the later copy and is unsafe.\n\n"
        "Massive repetition (a feed pasted thousands of times) is summarised: the\n"
        "first 10 later copies of one text are reported each, then one more finding\n"
        "on the next copy says how many further copies follow. They are not fixed."
    ),
    examples=(
        Example("The city council met on Monday to discuss the budget.\n"
                "Other news followed.\n"
                "<marker>The city council met on Monday to discuss the budget.</marker>\n", ("LN701",),
                fixed="The city council met on Monday to discuss the budget.\n"
                      "Other news followed.\n"
                      "\n"),
        Example("The city council met on Monday to discuss the budget.\n"
                "The city council met on Tuesday to approve the budget.\n", ()),
    ),
    messages={
        "default": "This {kind} repeats the one on line {line} word for word: remove one copy.",
        "sentence": "This sentence repeats one on line {line} word for word: remove one copy.",
        "more": "This {kind} repeats the one on line {line} word for word, and {more} more copies follow it "
                "(not reported one by one): remove the copies.",
    },
)

NEAR_DUPLICATE = Rule(
    code="LN702", name="near-duplicate-paragraph", category="duplication",
    severity=Severity.WARNING, fixable=False,
    summary="A paragraph that says an earlier paragraph again in slightly different words.",
    doc=(
        "Translation pipelines sometimes translate one source paragraph twice, and\n"
        "the two versions differ in wording. A later paragraph is reported when,\n"
        "compared with an earlier one,\n"
        "- at least half of their word 3-grams are shared (Jaccard ≥ 0.5), or\n"
        "- it opens with the same eight words and shares at least 35% of its\n"
        "  vocabulary (Jaccard on words ≥ 0.35).\n"
        "Only body paragraphs of 12 words or more that end a sentence are compared:\n"
        "a headline and the lead under it legitimately say the same thing.\n\n"
        "Measured on the seed articles and the dev set: clean professional news\n"
        "reaches at most 0.44 on 3-grams (a headline against its own lead, which\n"
        "is excluded) and never opens two paragraphs with the same eight words;\n"
        "raw machine translation of redundant legal news reaches 0.46. A paragraph\n"
        "translated twice reached only 0.21 on 3-grams but shared its first eleven\n"
        "words and 50% of its vocabulary, which is what the second test catches."
    ),
    examples=(
        Example(
            "In a bid to stop the river town from falling to the rebels, soldiers fought for "
            "weeks to hold the old bridge.\n"
            "The mayor spoke later.\n"
            "<marker>In a bid to stop the river town from falling to the rebels like its "
            "neighbour, troops have been holding the old bridge for weeks.</marker>\n",
            ("LN702",),
            fixed=False,
        ),
        Example(
            "In a bid to stop the river town from falling to the rebels, soldiers fought for weeks "
            "to hold the old bridge.\n"
            "In a bid to win votes, the mayor promised new schools, cheaper buses and a park "
            "by the old mill.\n",
            (),
        ),
    ),
    messages={"default": "This paragraph says again what the paragraph on line {line} says, in slightly "
                         "different words: keep one version."},
)

ECHO = Rule(
    code="LN703", name="repeated-fragment", category="duplication",
    severity=Severity.WARNING, fixable=True,
    summary="The last words of a sentence or quotation repeated right after it: “what they want.” they want”.",
    doc=(
        "A fragment that repeats the words just before a closing quote or a\n"
        "sentence's end, left by a translation engine or a bad merge. Only a\n"
        "fragment that starts in lowercase is reported (a new sentence that echoes\n"
        "the last, “Never again.” Never again., can be rhetoric). The fix removes\n"
        "the fragment and is unsafe."
    ),
    examples=(
        Example("He said they will get “exactly what they want.”<marker> they want”.</marker>", ("LN703",),
                fixed="He said they will get “exactly what they want.”"),
        Example("He said they will get “exactly what they want.” They want more.", ()),
    ),
    messages={"default": "“{words}” repeats the words just before it: remove the repetition."},
)

_WORDS = re.compile(r"[^\W_]+")  # stdlib re: findall of words is twice as fast as regex
_ASCII_WORDS = re.compile(r"[A-Za-z0-9]+")  # the same on ASCII text, twice as fast again
_body_end = deferred_regex(r"[.!?][”’\"»)]*$")
_CLOSERS = "”’\"»)"


def _ends_like_a_sentence(text: str) -> bool:
    """`_body_end().search(text)`, read from the end: a sentence's closing mark, then
    closing quotation marks or brackets only (before a final line break at most)."""
    if text.endswith("\n"):
        text = text[:-1]
    return text.rstrip(_CLOSERS).endswith((".", "!", "?"))


_MIN_PARAGRAPH_WORDS = 6
_MIN_SENTENCE_WORDS = 8
# A paragraph that does not end like a sentence (a list item, a credit, a
# caption, a headline) is compared only from this length: product copy repeats
# its bullet lines, and a tweet's credit line or a section label comes back.
_MIN_LABEL_WORDS = 16
_MIN_NEAR_WORDS = 12
_JACCARD_SHINGLES = 0.5  # `_NearIndex._best` prunes with integer arithmetic for 1/2
_OPENING_WORDS = 8
_JACCARD_WORDS = 0.35
_MAX_POSTINGS = 20
_MAX_REPORTED_COPIES = 10


def _line(doc, prose_offset: int) -> int:
    return doc.lines.position(doc.to_original(prose_offset, prose_offset)[0])[0]


def _is_page_headline(doc, prose_offset: int) -> bool:
    """True when the paragraph at `prose_offset` is the text's first line and
    reads as a headline (no sentence's end): a scraped page gives its title
    first and repeats it as the article's headline."""
    paragraphs = doc.paragraphs
    if not paragraphs or paragraphs[0][0] != prose_offset:
        return False
    return not _body_end().search(doc.prose, *paragraphs[0])


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Seen:
    """First occurrences of normalised texts, and how often each came back."""

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.copies: dict[str, int] = {}
        #: key → (start, end) of the first copy beyond the cap, and its kind
        self.overflow: dict[str, tuple[int, int, str]] = {}
        #: sentences only: key → (start, end) of the copy to count when the
        #: text comes back (the first, or the last after only short copies)
        self.unsure: dict[str, tuple[int, int]] = {}

    def repeat(self, key: str, start: int, end: int, kind: str) -> int | None:
        """The start of the first copy when `key` is a repeat that should be reported each.

        Remembers `key` when it is new; counts copies beyond `_MAX_REPORTED_COPIES`.
        """
        first = self.first.get(key)
        if first is None:
            self.first[key] = start
            return None
        n = self.copies[key] = self.copies.get(key, 0) + 1
        if n <= _MAX_REPORTED_COPIES:
            return first
        if n == _MAX_REPORTED_COPIES + 1:
            self.overflow[key] = (start, end, kind)
        return None

    def summaries(self, doc):
        for key, (start, end, kind) in self.overflow.items():
            more = self.copies[key] - _MAX_REPORTED_COPIES
            yield doc.finding(REPEATED, start, end,
                              {"kind": kind, "line": _line(doc, self.first[key]), "more": more - 1}, template="more")


@check(REPEATED, NEAR_DUPLICATE)
def duplicates(doc, ctx):
    prose = doc.prose
    seen_paragraphs = _Seen()
    seen_sentences = _Seen()
    near = _NearIndex() if ctx.enabled(NEAR_DUPLICATE.code) else None
    list_keys: dict[str, bool] = {}
    for k, (start, end) in enumerate(doc.paragraphs):
        text = prose[start:end]
        ends = _ends_like_a_sentence(text)
        folded = text.casefold()
        if not ends and len(folded) < 2 * _MIN_LABEL_WORDS - 1:
            continue  # a label: too short to hold the words that would make it count
        ascii = text.isascii()
        words = (_ASCII_WORDS if ascii else _WORDS).findall(folded)
        if len(words) < _MIN_LABEL_WORDS and not ends:
            continue  # a label
        # `_normal(text)` is `folded` itself when the only blanks are single
        # spaces between words (casefold maps blanks, and only blanks, to themselves)
        spaced = folded.isprintable() and "  " not in folded and folded[:1] != " " and folded[-1:] != " "
        key = None
        if len(words) >= _MIN_PARAGRAPH_WORDS:
            key = folded if spaced else " ".join(folded.split())
            if key in seen_paragraphs.first:
                if len(words) < _MIN_LABEL_WORDS:
                    listed = list_keys.get(key)
                    if listed is None:  # asked once per text: a feed may repeat one line a million times
                        listed = list_keys[key] = is_list_item(doc, k)
                    if listed:
                        continue  # a list item: a meal plan repeats "1 tsp. oil" on every day
                first = seen_paragraphs.repeat(key, start, end, "paragraph")
                if first is not None and not doc.is_title(first) and not _is_page_headline(doc, first):
                    yield doc.finding(REPEATED, start, end, {"kind": "paragraph", "line": _line(doc, first)},
                                      [("", UNSAFE)])
                continue
            seen_paragraphs.first[key] = start
        # an ASCII sentence has no more words than its paragraph: none of a short one counts
        if len(words) >= _MIN_SENTENCE_WORDS or not ascii:
            found = _repeated_sentences(doc, start, end, seen_sentences, key,
                                        folded if spaced and len(folded) == len(text) else None)
            if found:
                yield from found
        if near is not None and ends and len(words) >= _MIN_NEAR_WORDS:
            earlier = near.match_and_add(start, words)
            if earlier is not None:
                yield doc.finding(NEAR_DUPLICATE, start, end, {"line": _line(doc, earlier)})
    yield from seen_paragraphs.summaries(doc)
    yield from seen_sentences.summaries(doc)


def _long_enough(sentence: str) -> bool:
    return len((_ASCII_WORDS if sentence.isascii() else _WORDS).findall(sentence)) >= _MIN_SENTENCE_WORDS


def _repeated_sentences(doc, start: int, end: int, seen: _Seen, paragraph_key: str | None = None,
                        folded: str | None = None) -> list:
    """LN701 on the sentences of one paragraph: its findings.

    Only sentences of `_MIN_SENTENCE_WORDS` words or more count, but their
    words are counted only when a text comes back: `seen.unsure` holds the
    first occurrence of every text not yet known to have a long copy (most
    sentences occur once, so most are never counted). The findings are those
    of counting every sentence first. `paragraph_key`, when given, is the
    paragraph's `_normal` text: a sentence that is the whole paragraph (most
    lines of plain news) has that key. `folded`, when given, is the
    paragraph casefolded, as long as the paragraph and with single spaces
    between words only: a sentence's key is then its slice of it.
    """
    prose = doc.prose
    first_long, unsure = seen.first, seen.unsure
    starts = doc.memo("sentence starts", lambda d: [s for s, _e in d.sentences])
    out = []
    for pos, stop in doc.sentences[bisect_left(starts, start):bisect_left(starts, end)]:
        if pos == start and stop == end and paragraph_key is not None:
            key = paragraph_key
        elif folded is not None:
            key = folded[pos - start:stop - start]
        else:
            key = _normal(prose[pos:stop])
        if key not in first_long:
            earlier = unsure.get(key)
            if earlier is None:  # first time: counted if it comes back
                unsure[key] = (pos, stop)
                continue
            del unsure[key]
            if _long_enough(prose[earlier[0]:earlier[1]]):
                first_long[key] = earlier[0]  # the first copy was long: this one is a repeat
            else:  # the copies so far were short: this one starts afresh
                unsure[key] = (pos, stop)
                continue
        if _long_enough(prose[pos:stop]):
            first = seen.repeat(key, pos, stop, "sentence")
            if first is not None:
                out.append(doc.finding(REPEATED, pos, stop, {"kind": "sentence", "line": _line(doc, first)},
                                       [("", UNSAFE)], template="sentence"))
    return out


class _NearIndex:
    """Earlier paragraphs, indexed by their word 3-grams and by their opening words.

    `postings` maps a shingle to the paragraphs that have it, in order, up to
    `_MAX_POSTINGS`: a tuple of ints, which one `dict.update` adds for all the
    new shingles of a paragraph at once (they share the one tuple) and a new
    tuple replaces when the shingle comes back; the garbage collector does not
    track tuples of ints. Counting the candidates is then `Counter` over the
    postings, in C.
    """

    def __init__(self) -> None:
        self.postings: dict[str, tuple[int, ...]] = {}
        self.openings: dict[tuple[str, ...], list[int]] = {}
        self.paragraphs: list[tuple[int, list[str]]] = []  # (start, words)
        self.sizes: list[int] = []  # how many distinct shingles each paragraph has

    def match_and_add(self, start: int, words: list[str]) -> int | None:
        """The start of the earlier paragraph this one nearly repeats, if any."""
        me = len(self.paragraphs)
        mine = dict.fromkeys(map(" ".join, zip(words, words[1:], words[2:])), (me,))
        opening = tuple(words[:_OPENING_WORDS])
        postings = self.postings
        shared = mine.keys() & postings.keys()
        found = None
        if shared:
            before = list(map(postings.__getitem__, shared))  # in the order of `shared`, which does not change
            longest = max(map(len, before))
            found = self._best(words, mine.keys(), shared, before, longest, opening)
            # the shared shingles keep their postings, with this paragraph unless full
            if longest < _MAX_POSTINGS:
                mine.update(zip(shared, map(add, before, repeat((me,)))))
            else:
                mine.update(zip(shared, [posting + (me,) if len(posting) < _MAX_POSTINGS else posting
                                         for posting in before]))
        elif opening in self.openings:
            found = self._opening_match(words, opening)
        postings.update(mine)
        self.paragraphs.append((start, words))
        self.sizes.append(len(mine))
        self.openings.setdefault(opening, []).append(me)
        return found

    def _best(self, words: list[str], shingles, shared, postings: list[tuple[int, ...]], longest: int,
              opening) -> int | None:
        mine = len(shingles)
        # A candidate shares no more shingles than this paragraph shares with
        # all earlier ones, and it needs at least half of them (below).
        if 2 * len(shared) >= mine:
            # How many of this paragraph's shingles each earlier one shares, as
            # far as the postings tell: a full posting may have left a paragraph
            # out, so each full one adds one to every candidate's bound.
            shares = Counter(chain.from_iterable(postings))
            full = 0
            if longest >= _MAX_POSTINGS:
                full = sum(1 for posting in postings if len(posting) >= _MAX_POSTINGS)
            # Jaccard ≥ 1/2 ⇔ 3·shared ≥ both sizes together; the bound only
            # grows with the shared count, so one that falls short cannot pass.
            # A candidate needs at least half of this paragraph's shingles.
            need = (mine + 1) // 2 - full
            if max(shares.values()) < need:
                return self._opening_match(words, opening)
            sizes = self.sizes
            for other in sorted(o for o, n in shares.items() if n >= need):
                size = sizes[other]
                if 3 * min(shares[other] + full, len(shared), mine, size) < mine + size:
                    continue
                start, other_words = self.paragraphs[other]
                if _jaccard(set(shingles), _shingles(other_words)) >= _JACCARD_SHINGLES:
                    return start
        return self._opening_match(words, opening)

    def _opening_match(self, words: list[str], opening) -> int | None:
        for other in self.openings.get(opening, ()):
            start, other_words = self.paragraphs[other]
            if _jaccard(set(words), set(other_words)) >= _JACCARD_WORDS:
                return start
        return None


def _shingles(words: list[str]) -> set[str]:
    """The word 3-grams, each as one string: words hold no space, so joining them
    loses nothing, and a string keeps its hash (a tuple computes it on every lookup)."""
    return set(map(" ".join, zip(words, words[1:], words[2:])))


def _jaccard(a: set, b: set) -> float:
    common = len(a & b)
    return common / (len(a) + len(b) - common)


_ECHO = regex.compile(
    r"(?P<mark>[.!?,]?[”\"]|[.!?])(?P<frag>[ \t]*(?P<words>\p{Ll}[\p{L}\p{N}’'\- \t]{0,60}?))"
    r"[ \t]*(?P<end>[”\"][.,]?|[.!?])"
)


# Where `_ECHO` may match: a mark's last character, blanks, then a-z or any
# character beyond ASCII but ” (every \p{Ll} is one, whatever the Unicode
# version of the `regex` module; no mark is, so no place is passed over). A
# match starts on that mark or on the character before it (`,”`).
_ECHO_ANCHOR = re.compile(r"[.!?”\"][ \t]*[a-z\x80-\u201c\u201e-\U0010ffff]")


def _echoes(prose: str):
    """`_ECHO.finditer(prose)`, tried only where `_ECHO_ANCHOR` finds a place to start."""
    pos = 0
    for anchor in _ECHO_ANCHOR.finditer(prose):
        at = anchor.start()
        for start in (at - 1, at):
            if start < pos or start < at and (prose[start] not in ".!?," or prose[at] not in "”\""):
                continue
            m = _ECHO.match(prose, start)
            if m is not None:
                yield m
                pos = m.end()
                break


@check(ECHO)
def repeated_fragment(doc, ctx):
    prose = doc.prose
    for m in _echoes(prose):
        fragment = _WORDS.findall(m.group("words").casefold())
        if not fragment:
            continue
        window = prose[max(0, m.start() - 200):m.start()].casefold()
        if fragment[-1] not in window:
            continue  # the words before cannot end with the fragment's
        before = _WORDS.findall(window)
        if before[-len(fragment):] != fragment:
            continue
        end = m.end()
        if m.group("mark")[0] not in ".!?," and m.group("end")[-1] in ".,":
            end -= 1  # keep the sentence's own period, which the first copy lacks
        yield doc.finding(ECHO, m.end("mark"), end, {"words": m.group("words").strip()}, [("", UNSAFE)])


CHECKS = [duplicates, repeated_fragment]
