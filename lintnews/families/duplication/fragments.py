"""LN704-LN705: a phrase repeated inside a sentence, as translation engines repeat them.

- LN704 a phrase of two to four words said twice back to back, or with only a
  comma, a dash, "and" or "or" between the copies: `to help Turkey to help
  Turkey`, `brought to justice and brought to justice`, `in 1993, in 1993`.
  One word doubled is LN604's (`the the`), so a phrase here has two words or
  more, except a person's surname from the names tables written twice
  (`Zaluzhnyi Zaluzhnyi`), which LN604 leaves alone as it leaves Bora Bora.
- LN705 the end of a sentence said again after a comma: `..., writes dpa on
  Sunday, dpa.` (a speech tag or source given twice), `... have become more
  popular with support from the Kremlin, with support from the Kremlin -
  becoming more popular.`

Cost: the back-to-back test compares the hashes of the text's lowercased
words with themselves shifted by 1 to 5 places (one big-integer XOR per
shift, in C) and looks closer only where two neighbouring words come back; the sentence-end test looks only
at the last comma of a sentence. The lists a newsroom may extend
(`repeated_phrases_allowed`, `reporting_verbs`, `function_words`) are under
`[duplication]` in `rules/duplication.toml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
import struct
from array import array
from bisect import bisect_right
from itertools import accumulate, islice
from operator import methodcaller

from lintnews.finding import UNSAFE, Severity
from lintnews.engine.registry import Example, Rule, check
from lintnews.text.quotation import in_quotation
from lintnews.text.patterns import deferred_re

REPEATED_PHRASE = Rule(
    code="LN704", name="repeated-phrase", category="duplication",
    severity=Severity.WARNING, fixable=True,
    summary="A phrase of two to four words said twice in a row: “to help Turkey to help Turkey”.",
    doc=(
        "Machine translation sometimes renders one phrase of the source twice,\n"
        "back to back or joined by “and”: “in 1993 in 1993”, “brought to justice\n"
        "and brought to justice”. The second copy is reported; the fix removes it\n"
        "with what joins it to the first and is unsafe (the two copies may be two\n"
        "translations of different words, and one of them should say something\n"
        "else).\n\n"
        "Not reported: one word doubled (LN604 reports “the the”; “again and\n"
        "again”, “very, very” are English), a repetition inside a direct quotation\n"
        "(speakers repeat themselves: “Never, never, never give up”), copies set\n"
        "apart by a sentence's end, a phrase said three times or more on its line\n"
        "(tags, chants), a phrase that starts or ends with a mark (“> Weight Loss >\n"
        "Weight Loss”, a breadcrumb), a two-word phrase said twice across a comma\n"
        "(“go on, go on”), a phrase of capitalised words (“New York, New\n"
        "York”, a song's title), a phrase without a letter, and the phrases listed\n"
        "in `repeated_phrases_allowed` under `[duplication]` in\n"
        "`rules/duplication.toml` (“tick tock tick tock”).\n\n"
        "One capitalised word written twice is a place's name (Bora Bora, Walla\n"
        "Walla) unless it is the surname of a person in the names tables\n"
        "(`names-*.toml`): “the commander Zaluzhnyi Zaluzhnyi” is reported here."
    ),
    examples=(
        Example("Allies promised to help Turkey<marker> to help Turkey</marker> after the "
                "earthquake.", ("LN704",),
                fixed="Allies promised to help Turkey after the earthquake."),
        Example("All war criminals will be brought to justice<marker> and brought to "
                "justice</marker>.", ("LN704",),
                fixed="All war criminals will be brought to justice."),
        Example("Prices rose again and again, very, very fast, day by day, in New York, New York; "
                "“we will fight, we will fight,” he said.", ()),
    ),
    messages={
        "default": "“{phrase}” is said twice in a row: remove the repetition.",
        "name": "The name “{phrase}” is written twice in a row: remove the second one.",
    },
)

REPEATED_END = Rule(
    code="LN705", name="repeated-sentence-end", category="duplication",
    severity=Severity.WARNING, fixable=True,
    summary="The end of a sentence said again after a comma: “writes dpa on Sunday, dpa.”",
    doc=(
        "A translation engine that meets a source or a clause it has already\n"
        "rendered sometimes adds it again at the end of the sentence: “..., writes\n"
        "dpa on Sunday, dpa.”, “..., he said in an interview, he said.”, or a clause\n"
        "whose first four words, two of them content words, and whose last two\n"
        "words the clause before the comma has already said (a parallel clause,\n"
        "“in Virginia, they voted for X; in Ohio, they voted for Y”, ends\n"
        "otherwise). The repeated tail, from its comma, is reported; the fix\n"
        "removes it and is unsafe.\n\n"
        "A tail of one to three words counts only when the sentence gave it next\n"
        "to a reporting verb (said, writes, told, reported, according to: the list\n"
        "is `reporting_verbs` in `rules/duplication.toml`), so “It was not the\n"
        "police, the police said.” is left alone. Nothing inside a direct quotation\n"
        "is reported."
    ),
    examples=(
        Example("The two countries are moving closer, writes dpa on Sunday<marker>, "
                "dpa</marker>.", ("LN705",),
                fixed="The two countries are moving closer, writes dpa on Sunday."),
        Example("Parties that get money from the Kremlin have become very popular<marker>, get "
                "money from the Kremlin becoming very popular</marker>.", ("LN705",),
                fixed="Parties that get money from the Kremlin have become very popular."),
        Example("It was not the police, the police said. The army, not the army reserve, moved. "
                "In Ohio, they voted for control of the state senate; in Iowa, they voted for "
                "control of the governor's office.", ()),
    ),
    messages={"default": "“{tail}” repeats what the sentence has already said: remove it."},
)


@dataclass(frozen=True)
class DuplicationData:
    """The `[duplication]` lists of a rule set."""

    allowed: frozenset[str]
    reporting_verbs: frozenset[str]
    function_words: frozenset[str]


def build_duplication_data(ruleset) -> DuplicationData:
    lists: dict[str, list[str]] = {}
    for _path, table in ruleset.table("duplication"):
        for key, values in table.items():
            lists.setdefault(key, []).extend(values)
    return DuplicationData(
        allowed=frozenset(" ".join(p.lower().split()) for p in lists.get("repeated_phrases_allowed", [])),
        reporting_verbs=frozenset(w.lower() for w in lists.get("reporting_verbs", [])),
        function_words=frozenset(w.lower() for w in lists.get("function_words", [])),
    )


def _data(ctx) -> DuplicationData:
    return ctx.ruleset.memo("duplication-fragments", build_duplication_data)


_PUNCT = ".,;:!?“”‘’\"'«»()[]"
_TAIL_END = _PUNCT + " \t"
_MAX_WORDS = 4  # a longer repeated run is a clause (LN705) or a sentence (LN701)
_JOINERS = frozenset({"and", "or"})
_between = deferred_re(r"[ \t]*[,;]?[ \t]*(?:(?:and|or)[ \t]+|[-–—][ \t]*)?", re.IGNORECASE)
_SEPARATORS = ".,;:!?“”\"«»()[]…"
# the tokens of the text with each of `_SEPARATORS` made a blank, as `str.split` gives them
_token = deferred_re(r"[^\s.,;:!?“”\"«»()\[\]…]+")
_SPAN = methodcaller("span")
_LETTER = re.compile(r"[^\W\d_]")


def _surnames(ruleset) -> frozenset[str]:
    """The last words (lowercase) of the accepted forms of every person in the names tables."""
    out = set()
    for entity in ruleset.data.entities.hand_entities():
        if entity.type == "person":
            out.update(form.split()[-1].lower() for form in (*entity.forms, *entity.short) if form)
    return frozenset(out)


def _doubled_surname(ctx, words: list[str], i: int) -> bool:
    """True when words[i] is doubled and is a person's surname (lowercase)."""
    return (words[i] == words[i + 1] and words[i][:1].isalpha()
            and words[i] in ctx.ruleset.memo("duplication-surnames", _surnames))


def _candidates(words: list[str]):
    """(index, shift) where words[i] and words[i + 1] may come back `shift` places
    later, and (index, 1) where words[i] may be doubled.

    Every word becomes its 64-bit hash, packed into bytes read as one big integer;
    the integer XOR itself shifted by `shift` words has two zero words in a
    row where two neighbouring words come back (one, for a doubled word),
    found by `bytes.find`. All of it runs in C: a word costs one hash, not one
    comparison per shift. A hash collision would be a false candidate the
    caller's test drops.
    """
    if len(words) < 2:
        return
    size = 8 * len(words)
    hashes = map(hash, words)
    # `struct.pack` takes the hashes as one argument tuple, faster than an
    # array filled from an iterator; a piece that is one huge line keeps the array
    data = struct.pack(f"<{len(words)}q", *hashes) if len(words) <= _PACKED_WORDS else array("q", hashes).tobytes()
    packed = int.from_bytes(data, "little")
    for shift in range(1, _MAX_WORDS + 2):
        same = (packed ^ (packed >> (64 * shift))).to_bytes(size, "little")
        limit = size - 8 * shift  # beyond it the shifted copy is empty
        needle = _ONE_EQUAL if shift == 1 else _TWO_EQUAL
        at = same.find(needle, 0, limit)
        while at != -1:
            if at % 8 == 0:
                yield at // 8, shift
            at = same.find(needle, at + 1, limit)


#: Up to this many words a piece's hashes go through one argument tuple.
_PACKED_WORDS = 1 << 16
_ONE_EQUAL = bytes(8)
_TWO_EQUAL = bytes(16)


#: The prose is read in pieces of about this many characters, cut at line
#: breaks (a repetition never runs over a line break), so the word lists held
#: at once stay small whatever the size of the text.
_PIECE = 1 << 16


def _pieces(prose: str):
    """(offset, piece) of `prose` in pieces of about `_PIECE` characters, cut after a line break."""
    start, n = 0, len(prose)
    while start < n:
        end = prose.find("\n", min(start + _PIECE, n - 1))
        end = n if end == -1 else end + 1
        yield start, prose[start:end]
        start = end


@check(REPEATED_PHRASE)
def repeated_phrases(doc, ctx):
    for offset, piece in _pieces(doc.prose):
        yield from _repeated_phrases(doc, ctx, offset, piece)


def _repeated_phrases(doc, ctx, offset: int, prose: str):
    # the piece's tokens, lowercased, split at blanks and punctuation (`str.replace`
    # and `str.split` in C: a fifth of the cost of finding the `\w+` runs)
    low = prose.lower()
    for mark in _SEPARATORS:
        if mark in low:
            low = low.replace(mark, " ")
    words = low.split()  # in one piece: most texts have no candidate, and need no lines
    hits = []
    for i, shift in _candidates(words):
        if shift == 1:
            if _doubled_surname(ctx, words, i):
                hits.append((i, 1, 1))
            continue
        for size in (shift, shift - 1):
            if size < 2 or i + shift + size > len(words):
                continue
            if size == shift - 1 and words[i + size] not in _JOINERS:
                continue
            if words[i:i + size] == words[i + shift:i + shift + size]:
                hits.append((i, size, shift))
                break
    if not hits:
        return
    data = _data(ctx)
    hits = _plausible(words, hits, data)
    if not hits:
        return
    # the tokens before each line, from the same transformed text; the lines'
    # offsets from the text itself (lowercasing may lengthen a line: İ)
    tokens_before = list(accumulate(map(len, map(str.split, low.split("\n"))), initial=0))
    line_starts = list(accumulate(map(len, prose.split("\n")), lambda a, n: a + n + 1, initial=0))
    reported_until = -1
    for first, second in _copies(prose, hits, tokens_before, line_starts):
        if first[0][0] < reported_until:
            continue
        span = _span(prose, first, second, data)
        if span is None or in_quotation(doc, offset + first[0][0], offset + second[-1][1]):
            continue
        start, end = span
        reported_until = end
        phrase = prose[second[0][0]:second[-1][1]]
        yield doc.finding(REPEATED_PHRASE, offset + start, offset + end, {"phrase": phrase}, [("", UNSAFE)],
                          template="default" if len(second) > 1 else "name")


def _copies(prose: str, hits, tokens_before: list[int], line_starts: list[int]) -> list[tuple[list, list]]:
    """The (start, end) spans of the tokens of both copies of every repeat, trailing
    punctuation left out; a repeat whose copies are on two lines is dropped."""
    out = []
    for i, size, shift in hits:
        line = bisect_right(tokens_before, i) - 1
        if i + shift + size > tokens_before[line + 1]:
            continue
        k = i - tokens_before[line]
        spans = list(map(_SPAN, islice(_token().finditer(prose, line_starts[line], line_starts[line + 1] - 1),
                                        k + shift + size)))
        if len(spans) < k + shift + size:
            continue
        out.append((spans[k:k + size], spans[k + shift:k + shift + size]))
    return out


def _plausible(words: list[str], hits, data: DuplicationData) -> list[tuple[int, int, int]]:
    """The repeats worth placing in the text: in order, one per stretch of text,
    with a letter, not listed as allowed, and not said a third time (a chant, a
    list of tags: “what is it what is it what is it”)."""
    out = []
    last = -1
    for i, size, shift in sorted(hits):
        if i <= last:
            continue
        phrase = words[i:i + size]
        last = i + shift + size - 1
        if words[i + 2 * shift:i + 2 * shift + size] == phrase or words[i - shift:i - shift + size] == phrase:
            continue
        text = " ".join(phrase)
        if not _LETTER.search(text) or text in data.allowed:
            continue
        out.append((i, size, shift))
    return out


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _span(prose: str, first, second, data: DuplicationData) -> tuple[int, int] | None:
    """The prose span to remove (the joint and the second copy), or None to stay silent.

    `first` and `second` are the (start, end) spans of the copies' word runs."""
    start, end_first = first[0][0], first[-1][1]
    start_second, end_second = second[0][0], second[-1][1]
    core_first = [prose[s:e] for s, e in first]
    phrase = " ".join(core_first).lower()
    if not _LETTER.search(phrase) or phrase in data.allowed:
        return None
    if "\n" in prose[start:end_second]:
        return None  # the copies are on two lines
    line_start = prose.rfind("\n", 0, start) + 1
    line_end = prose.find("\n", start)
    line = prose[line_start:len(prose) if line_end == -1 else line_end]
    if line.count(prose[start:end_first]) >= 3:
        return None  # said three times or more: a list of tags or a chant, not a slip
    if len(core_first) == 1:
        if core_first[0] != prose[start_second:end_second] or not core_first[0][:1].isupper():
            return None  # a surname doubled as written (LN604 has the rest)
    elif all(w[:1].isupper() for w in core_first if _LETTER.search(w)):
        return None  # a name or a title said twice: New York, New York
    # no sentence's end or quotation mark inside a copy, and nothing but a
    # comma, a dash or "and"/"or" between them
    if any(c in ".!?“”\"«»()" for c in prose[start:end_first] + prose[start_second:end_second]):
        return None
    gap = prose[end_first:start_second]
    if _between().fullmatch(gap) is None:
        return None
    if len(core_first) == 2 and any(c in ",;-–—" for c in gap):
        return None  # “go on, go on”: a short phrase said twice across a comma is speech
    if _inside_compound(prose, start, end_second):
        return None  # “in the north, in the north-east”: the copy is part of a longer word
    return end_first, end_second


def _inside_compound(prose: str, start: int, end: int) -> bool:
    """True when a hyphen or an apostrophe joins the span to a word on either side."""
    if start > 1 and prose[start - 1] in "-‐'’" and prose[start - 2].isalnum():
        return True
    return end + 1 < len(prose) and prose[end] in "-‐'’" and prose[end + 1].isalnum()


@check(REPEATED_END)
def repeated_ends(doc, ctx):
    prose = doc.prose
    data = None
    for start, end in doc.sentences:
        comma = prose.rfind(", ", start, end)
        if comma == -1:
            continue
        # the tail without the marks and blanks that end it (the comma and its
        # blank are of them: a tail of marks only is empty)
        stop = comma + len(prose[comma:end].rstrip(_TAIL_END))
        tail = prose[comma + 2:stop]
        # the tail's first four words (all of a short tail) must stand before the comma as written
        opening = " ".join(tail.split(None, 4)[:4])
        if not opening or prose.find(opening, start, comma) == -1:
            continue  # not even in the sentence
        clause = max(start, prose.rfind(";", start, comma) + 1)
        if clause > start and prose.find(opening, clause, comma) == -1:
            continue
        tail_words = tail.lower().split()
        if len(tail_words) > 15:
            continue
        if data is None:
            data = _data(ctx)
        head_words = [w.strip(_PUNCT) for w in prose[clause:comma].lower().split()]
        if not _repeats(head_words, [w.strip(_PUNCT) for w in tail_words], data):
            continue
        if in_quotation(doc, comma, stop):
            continue
        yield doc.finding(REPEATED_END, comma, stop, {"tail": tail}, [("", UNSAFE)])


def _repeats(head: list[str], tail: list[str], data: DuplicationData) -> bool:
    n = len(tail)
    if n <= 3:
        # a speech tag or a source said twice: the same words next to a reporting verb before
        for i in range(len(head) - n + 1):
            if head[i:i + n] != tail:
                continue
            before = head[i - 1] if i else ""
            after = head[i + n] if i + n < len(head) else ""
            if before in data.reporting_verbs or after in data.reporting_verbs:
                return True
        return False
    # the longest opening of the tail that the sentence has said: four words or more
    said = 0
    for i in range(len(head) - 3):
        k = 0
        while k < n and i + k < len(head) and head[i + k] == tail[k]:
            k += 1
        said = max(said, k)
    if said < 4 or head[-2:] != tail[-2:]:
        return False  # the tail must say the clause again to its end, not start a parallel one
    return sum(1 for w in tail[:said] if w not in data.function_words and _LETTER.search(w)) >= 2


CHECKS = [repeated_phrases, repeated_ends]
