"""LN6xx spacing and punctuation: the small damage scraping and translation leave.

Space before a comma, a missing space after a period, doubled spaces, doubled
words, words run together, a sentence starting in lowercase and a capitalised
function word after a comma. Each rule is one regex pass over the prose; the
word lists a newsroom may extend (allowed doubled words, abbreviations, brand
names, domain endings, compound prefixes) live in `rules/spacing.toml` under
`[spacing]` and are compiled once per rule set.

Glued words need to know what a word is: `lintnews.text.wordlist` (pyspellchecker's
English table, about 160,000 words with frequencies, loaded once in about
0.1 s) is consulted only for tokens of five letters or more.
"""
from __future__ import annotations

import re
import regex

from bisect import bisect_right
from itertools import accumulate, chain, compress, count, islice, repeat
from operator import eq

from dataclasses import dataclass, field
from lintnews.finding import SAFE, UNSAFE, Severity
from lintnews.engine.registry import Example, Rule, check
from lintnews.families.boilerplate.listitems import is_list_item
from lintnews.text.wordlist import frequencies, unknown
from lintnews.text.patterns import deferred_regex

SPACE_BEFORE = Rule(
    code="LN601", name="space-before-punctuation", category="spacing",
    severity=Severity.WARNING, fixable=True,
    summary="A space before a comma, period, semicolon, colon, question or exclamation mark.",
    doc=(
        "English puts no space before , . ; : ! or ?. Translation from French and\n"
        "careless editing leave one (“which meant , according to him”). The fix\n"
        "removes the space and is safe.\n\n"
        "Not reported: a spaced ellipsis (“word ...”), a decimal without a leading\n"
        "zero (“a .45 calibre”), a domain (“ .com”), a list or a line that starts\n"
        "with the mark, and times (“10 : 30”)."
    ),
    examples=(
        Example("The strike, which meant<marker> ,</marker> according to him, a retreat.", ("LN601",),
                fixed="The strike, which meant, according to him, a retreat."),
        Example("Is this the end<marker> ?</marker>", ("LN601",),
                fixed="Is this the end?"),
        Example("He carried a .45 pistol and waited ... nothing came.", ()),
    ),
    messages={"default": "No space belongs before “{mark}”: remove it."},
)

MISSING_SPACE = Rule(
    code="LN602", name="missing-space-after-punctuation", category="spacing",
    severity=Severity.WARNING, fixable=True,
    summary="No space after a sentence's period or a comma: “May 1.The”, “Kyiv,which”.",
    doc=(
        "A lost space after punctuation runs two sentences or two words together.\n"
        "Not reported: decimals and times (1.5, 10.30), abbreviations and initials\n"
        "(U.S., e.g., J.R.R.), domains and file names (bbc.co.uk, Amazon.com,\n"
        "report.pdf), and anything inside a URL. The fix inserts the space; it is\n"
        "unsafe when the next word is lowercase (the sentence may need more work)."
    ),
    examples=(
        Example("The attack came on May 1<marker>.The</marker> city was dark.", ("LN602",),
                fixed="The attack came on May 1. The city was dark."),
        Example("Officials in Kyiv<marker>,who</marker> declined to comment, agreed.", ("LN602",),
                fixed="Officials in Kyiv, who declined to comment, agreed."),
        Example("Prices rose 1.5% at 10.30, the U.S. agency said on its website gov.uk.", ()),
    ),
    messages={"default": "A space is missing after “{mark}”: write “{fixed}”."},
)

DOUBLE_SPACE = Rule(
    code="LN603", name="doubled-space", category="spacing",
    severity=Severity.INFO, fixable=True,
    summary="Two or more spaces between words inside a sentence.",
    doc=(
        "Doubled spaces inside a sentence are left by deleted words and by\n"
        "converters. Two spaces after a sentence's end (the typewriter\n"
        "convention) are not reported, nor are lines laid out in columns. A no-break\n"
        "space beside an ordinary space (or another no-break space) is a doubled\n"
        "space too, reported here and not as an encoding problem. The fix leaves\n"
        "one space and is safe."
    ),
    examples=(
        Example("The talks<marker>  </marker>resumed on Monday.", ("LN603",),
                fixed="The talks resumed on Monday."),
        Example("The talks ended.  They resume on Monday.", ()),
    ),
    messages={
        "default": "Two or more spaces between words: leave one.",
        "no-break": "A no-break space next to another space makes a double space: leave one.",
    },
)

DOUBLED_WORD = Rule(
    code="LN604", name="doubled-word", category="spacing",
    severity=Severity.WARNING, fixable=True,
    summary="The same word twice in a row: “the the”.",
    doc=(
        "Okapi's rule: two equal words (ignoring case) with only whitespace\n"
        "between them. Grammatical doubles are allowed (“had had”, “that that”,\n"
        "“what it is is”, “give her her coat”), as are names written twice with\n"
        "capitals (Bora Bora, Walla Walla). The list lives in `rules/spacing.toml`\n"
        "(`doubled_words_allowed`). The fix drops the second word and is safe."
    ),
    examples=(
        Example("The minister said that <marker>the the</marker> talks failed.", ("LN604",),
                fixed="The minister said that the talks failed."),
        Example("She had had enough, and he said that that was final in Bora Bora.", ()),
    ),
    messages={"default": "“{word}” is written twice: drop the second one."},
)

GLUED_WORDS = Rule(
    code="LN605", name="glued-words", category="spacing",
    severity=Severity.WARNING, fixable=True,
    summary="Two words run together without a space: “Benedettowho”, “personalinformation”.",
    doc=(
        "A token that is not an English word but splits into a name and a word\n"
        "that never ends a name (“Benedettowho” → “Benedetto who”), into a word and\n"
        "a function word (“ofthe”), or into two long, common words\n"
        "(“personalinformation”). The word list is pyspellchecker's English table\n"
        "(about 160,000 words with frequencies, loaded once).\n\n"
        "Not reported: words the list knows, names (nothing to split them into),\n"
        "compounds that start with a prefix listed in `compound_prefixes`\n"
        "(counterterrorism, livestream), and a token used more than once in the\n"
        "document, which is a spelling, not an accident. The fix inserts the space\n"
        "and is unsafe."
    ),
    examples=(
        Example("The statements of Dario <marker>Benedettowho</marker> spoke on Friday.", ("LN605",),
                fixed="The statements of Dario Benedetto who spoke on Friday."),
        Example("Share your <marker>personalinformation</marker> with nobody.", ("LN605",),
                fixed="Share your personal information with nobody."),
        Example("Fighting near Sievierodonetsk and Lysychansk continued; a livestream showed it.", ()),
    ),
    messages={"default": "“{found}” looks like two words run together: “{fixed}”."},
)

LOWERCASE_START = Rule(
    code="LN606", name="lowercase-sentence-start", category="spacing",
    severity=Severity.WARNING, fixable=True,
    summary="A sentence that starts with a lowercase letter.",
    doc=(
        "After a sentence's period the next sentence starts with a capital. Not\n"
        "reported: after an abbreviation (etc., no., Inc., e.g., U.S., a.m.; the\n"
        "list is `abbreviations` in `rules/spacing.toml`), after a numbered list\n"
        "marker, after a question or exclamation mark inside a quotation (“Why?”\n"
        "he asked), for brands and handles written in lowercase (a capital or a\n"
        "digit inside: iPhone, eBay, my6sense; or listed in `lowercase_brands`:\n"
        "ecobee, adidas), after a product name that ends in a full stop (“the ID.\n"
        "models”: after a word in capitals only a sentence opener such as “the” or\n"
        "“he”, listed in `sentence_openers`, starts a sentence), and for a line that\n"
        "is not a sentence (a signature code, a credit: 8 words or fewer without a\n"
        "sentence's end), nor for a list item: a line after a bullet or a number, or\n"
        "one of three or more short lines in a row that read like a list (digits,\n"
        "commas, colons: ingredients, portions, results). The fix capitalises the\n"
        "word and is unsafe: the sentence may be a fragment."
    ),
    examples=(
        Example("The attack came at night. <marker>the</marker> city was dark.", ("LN606",),
                fixed="The attack came at night. The city was dark."),
        Example("Apple Inc. said the iPhone sold well, e.g. in the U.S. market. iPhone sales rose.", ()),
        Example("The firm sold well. ecobee and my6sense shares rose. Volkswagen's ID. models sold.", ()),
        Example("Breakfast: 2 eggs, 1 slice of toast.\nsalt and pepper, 1 tomato.\nLunch: 1 cup of soup.\n", ()),
    ),
    messages={"default": "This sentence starts in lowercase: write “{fixed}”."},
)

COMMA_CAPITAL = Rule(
    code="LN607", name="capital-after-comma", category="spacing",
    severity=Severity.WARNING, fixable=True,
    summary="A capitalised function word after a comma in mid-sentence: “Zelensky, Last week”.",
    doc=(
        "A function word (the, last, this, however, ...) capitalised after a comma\n"
        "is a sentence boundary that translation turned into a comma, or a stray\n"
        "capital. Not reported: a name or title that follows (“Reuters, The\n"
        "Guardian”), since the word after it is capitalised too. The fix lowercases\n"
        "the word and is unsafe: the sentence may need splitting instead."
    ),
    examples=(
        Example("The president, <marker>Last</marker> week, proposed a truce.", ("LN607",),
                fixed="The president, last week, proposed a truce."),
        Example("Reuters, The Guardian and the BBC reported it, and The Hague agreed.", ()),
    ),
    messages={"default": "“{word}” is capitalised after a comma in mid-sentence: write “{fixed}”, or end the "
                         "sentence before it."},
)


@dataclass(frozen=True)
class SpacingData:
    """The `[spacing]` lists of a rule set, as sets and compiled patterns."""

    doubled_allowed: frozenset[str]
    abbreviations: frozenset[str]
    brands: frozenset[str]
    domain_endings: frozenset[str]
    glued_tails: tuple[str, ...]
    function_words: frozenset[str]
    compound_prefixes: tuple[str, ...]
    comma_pattern: "regex.Pattern"
    sentence_openers: frozenset[str] = frozenset()
    consonant_words: frozenset[str] = frozenset()
    #: token → `split_glued`'s answer: unknown words (names) recur across a corpus
    glued: dict = field(default_factory=dict, compare=False, repr=False)


def build_spacing_data(ruleset) -> SpacingData:
    """The merged `[spacing]` tables of `ruleset` (its `RuleData.spacing`)."""
    lists: dict[str, list[str]] = {}
    for _path, table in ruleset.table("spacing"):
        for key, values in table.items():
            lists.setdefault(key, []).extend(values)

    def words(key: str) -> list[str]:
        return lists.get(key, [])

    data = SpacingData(
        doubled_allowed=frozenset(w.lower() for w in words("doubled_words_allowed")),
        abbreviations=frozenset(w.lower() for w in words("abbreviations")),
        brands=frozenset(w.lower() for w in words("lowercase_brands")),
        domain_endings=frozenset(w.lower() for w in words("domain_endings")),
        glued_tails=tuple(sorted({w.lower() for w in words("glued_tails")}, key=len, reverse=True)),
        function_words=frozenset(w.lower() for w in words("glued_function_words")),
        compound_prefixes=tuple(sorted({w.lower() for w in words("compound_prefixes")})),
        sentence_openers=frozenset(w.lower() for w in words("sentence_openers")),
        consonant_words=frozenset(w.lower() for w in words("consonant_words")),
        comma_pattern=regex.compile(
            r"(?<=[\p{Ll}\p{N}]),[ \t]+(\L<fw>)(?=[ \t]+\p{Ll})",
            fw=sorted(set(words("comma_function_words")), key=len, reverse=True) or ["\uffff"],
        ),
    )
    return data


_CLOSERS = "”’\"»)]"

# -- LN601 -------------------------------------------------------------------
# Blanks before a mark, after a letter, digit or closer. `re` finds the blank
# runs before a mark (a run's first blank only: linear, and twice as fast as
# `regex` with the look-behind); `_before_blanks()` then checks what precedes.
_SPACE_BEFORE = re.compile(r"[ \t](?<![ \t][ \t])[ \t]*([,;:!?]|\.(?!\.))")
_before_blanks = deferred_regex(r"[\p{L}\p{N})\]”’\"»%]")
#: A mark right after a blank: `re` scans for the marks (rarer than blanks) and
#: looks back one character, instead of trying every blank.
_MARK_AFTER_BLANK = re.compile(r"[,;:!?.](?<=[ \t].)")


def _spaces_before(prose: str):
    """The matches of `_SPACE_BEFORE.finditer(prose)`, each tried at the first blank
    of the run before a mark that `_MARK_AFTER_BLANK` finds."""
    pos = 0
    while (mark := _MARK_AFTER_BLANK.search(prose, pos)) is not None:
        run = mark.start() - 1
        while run > pos and prose[run - 1] in " \t":
            run -= 1
        m = _SPACE_BEFORE.match(prose, run)
        if m is not None:
            yield m
        pos = mark.end()


@check(SPACE_BEFORE)
def space_before_punctuation(doc, ctx):
    prose = doc.prose
    for m in _spaces_before(prose):
        if not m.start() or not _before_blanks().match(prose, m.start() - 1):
            continue
        mark, end = m.group(1), m.end()
        nxt = prose[end:end + 1]
        if mark in ",;":
            if nxt.isdigit():
                continue
        elif mark == ":":
            if (nxt and not nxt.isspace()) or (
                    prose[m.start() - 1].isdigit() and prose[end:end + 3].lstrip()[:1].isdigit()):
                continue  # "10 : 30" is a time
        elif mark == ".":
            if nxt in ("", "\n", "\r") or prose[end:end + 2] == " .":
                continue  # at a paragraph's end: usually a link or emoji the scraper dropped
            if not nxt.isspace() and nxt not in _CLOSERS:
                continue
        elif nxt and not (nxt.isspace() or nxt in _CLOSERS or nxt in "!?"):
            continue
        yield doc.finding(SPACE_BEFORE, m.start(), end, {"mark": mark}, [(mark, SAFE)])


# -- LN602 -------------------------------------------------------------------
_MISSING_SPACE = regex.compile(r"[.,;!?](?=\p{L})")  # the same letters _RIGHT_WORD takes
_RIGHT_WORD = regex.compile(r"\p{L}+")
_NOT_AFTER = "./@_\ufffc"
_TOKEN_REST = regex.compile(r"[\p{L}\p{N}]*[.@/_\ufffc][\p{L}\p{N}]|[@/_\ufffc]")


def _left_word(prose: str, end: int) -> tuple[int, str]:
    start = end
    while start > 0 and prose[start - 1].isalnum():
        start -= 1
    return start, prose[start:end]


@check(MISSING_SPACE)
def missing_space_after(doc, ctx):
    prose = doc.prose
    data = None
    for m in _MISSING_SPACE.finditer(prose):
        mark = m.group()
        left_start, left = _left_word(prose, m.start())
        if not left:
            continue
        right = _RIGHT_WORD.match(prose, m.end()).group()
        after = m.end() + len(right)
        if (left_start and prose[left_start - 1] in _NOT_AFTER) or prose[after:after + 1].isdigit():
            continue
        rest = _TOKEN_REST.match(prose, after)
        if rest and rest.group():
            continue  # more dots, slashes or @ follow: a domain, an address, a path
        if len(right) < 2 or (right.isupper()) or left.isalpha() and len(left) < 2:
            continue
        if any(c.isupper() for c in left[1:]) or any(c.isupper() for c in right[1:]):
            continue  # camel case: a brand or a code name, not prose
        safe = True
        if mark == ".":
            data = data or ctx.ruleset.data.spacing
            if right.lower() in data.domain_endings:
                continue
            if left[0].isupper() and right[0].isupper():
                continue  # a name with a period in it: Kostroma.Today, Gazeta.Ru
            if right[0].islower():
                table = frequencies()
                if table.get(right, 0) < 1000 or not (left.isdigit() or table.get(left.lower(), 0) > 0):
                    continue
                safe = False
        elif mark in "!?":
            if not (right[0].isupper() and left.isalpha()):
                continue
        elif not (left.isalpha() and right.isalpha()):
            continue
        fixed = f"{mark} {right}"
        yield doc.finding(MISSING_SPACE, m.start(), after, {"mark": mark, "fixed": fixed},
                          [(fixed, SAFE if safe else UNSAFE)])


# -- LN603 -------------------------------------------------------------------
_double_space = deferred_regex(r"(?<=[\p{L}\p{N},;”’\"])[ \u00a0]{2,}(?=[\p{L}\p{N}“‘\"])")
_sentence_end = deferred_regex(r"[.!?:;][”’\"»)\]]*$")


@check(DOUBLE_SPACE)
def doubled_spaces(doc, ctx):
    prose = doc.prose
    if "  " not in prose and "\u00a0" not in prose:
        return
    runs_per_line: dict[int, int] = {}
    for m in _double_space().finditer(prose):
        s, e = m.span()
        if _sentence_end().search(prose, max(0, s - 4), s) or "|" in (prose[s - 1], prose[e]):
            continue
        line_start = prose.rfind("\n", 0, s) + 1
        runs = runs_per_line.get(line_start)
        if runs is None:
            line_end = prose.find("\n", s)
            runs = runs_per_line[line_start] = len(
                _double_space().findall(prose, line_start, len(prose) if line_end == -1 else line_end))
        if runs >= 3:
            continue  # a line laid out in columns
        run = prose[s:e]
        if "\u00a0" in run:  # a double space made with a no-break space is spacing, not encoding
            one = " " if " " in run else "\u00a0"
            yield doc.finding(DOUBLE_SPACE, s, e, fixes=[(one, SAFE)], template="no-break")
            continue
        yield doc.finding(DOUBLE_SPACE, s, e, fixes=[(" ", SAFE)])


# -- LN604 -------------------------------------------------------------------
def _lines_with_doubled_words(prose: str):
    """Spans of the lines where two neighbouring words are equal: a cheap filter.

    A line passes when, lowercased and split at blanks, a word is followed by
    itself, with opening punctuation before the first (`(the the)`, `“the
    the result”`) and closing punctuation after the second at most. The pairs
    of the whole text are compared at once (`map` runs the loop in C), and
    each hit is placed on its line by counting words per line; a pair split
    by a line break is no hit.
    """
    lowered = prose.lower()
    words = lowered.split()
    hits = compress(count(), map(eq, map(str.rstrip, islice(words, 1, None), repeat(_TRAILING)),
                                 map(str.lstrip, words, repeat(_LEADING))))
    first = next(hits, None)
    if first is None:
        return
    words_before = list(accumulate(map(len, map(str.split, lowered.split("\n")))))  # up to each line's end
    found = set()
    for i in chain((first,), hits):
        line = bisect_right(words_before, i)
        if i + 1 < words_before[line]:
            found.add(line)
    lines = prose.split("\n")  # lowercasing may lengthen a line (İ): offsets from the prose
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    for line in sorted(found):
        yield starts[line], starts[line] + len(lines[line])


_TRAILING = ".,;:!?”’\"»)]"
_LEADING = "(“‘\"«[¿¡"
_doubled_word = deferred_regex(
    r"(?<![\p{L}\p{N}’'\-])(\p{L}+)[ \t\u00a0]+(\1)(?![\p{L}\p{N}’'\-])", regex.IGNORECASE
)


@check(DOUBLED_WORD)
def doubled_words(doc, ctx):
    data = ctx.ruleset.data.spacing
    prose = doc.prose
    for start, end in _lines_with_doubled_words(prose):
        for m in _doubled_word().finditer(prose, start, end):
            first, second = m.group(1), m.group(2)
            if first.lower() in data.doubled_allowed:
                continue
            if first[0].isupper() and second[0].isupper() and not first.isupper():
                continue  # a name written twice: Bora Bora, Sirhan Sirhan
            yield doc.finding(DOUBLED_WORD, m.start(), m.end(), {"word": second}, [(first, SAFE)])


# -- LN605 -------------------------------------------------------------------
_LONG_TOKEN = re.compile(r"[^\W\d_]{5,}")
_COMMON = 1000  # a part that is a function word or a name's neighbour must be this common
_VERY_COMMON = 20000  # two content words glued must both be this common
_GLUED_CACHE = 100_000  # tokens whose verdict is kept (a few MB at most)
_UNKNOWN = object()
_LONGEST_GLUED = 40  # two English words glued are shorter; a longer token is something else


def split_glued(token: str, data: SpacingData, table: dict[str, int]) -> str | None:
    """`token` with the missing space restored, or None when it is not two glued words."""
    if len(token) > _LONGEST_GLUED:
        return None  # trying every split of a megabyte token would take hours
    low = token.lower()
    if table.get(low, 0) or low.startswith(data.compound_prefixes):
        return None
    if token[0].isupper() and token[1:].islower():
        for tail in data.glued_tails:
            head = token[:-len(tail)]
            if low.endswith(tail) and len(head) >= 4:
                return f"{head} {token[len(head):]}"
        return None
    if not token.islower():
        return None
    best, best_score = None, 0
    for i in range(1, len(low)):
        left, right = low[:i], low[i:]
        fl, fr = table.get(left, 0), table.get(right, 0)
        if left in data.function_words:
            ok = len(right) >= 3 and fr >= _COMMON
        elif right in data.function_words:
            ok = len(left) >= 3 and fl >= _COMMON
        else:
            ok = (len(left) >= 5 and len(right) >= 5 and len(low) >= 12
                  and fl >= _VERY_COMMON and fr >= _VERY_COMMON)
        if ok and min(fl, fr) > best_score:
            best, best_score = f"{token[:i]} {token[i:]}", min(fl, fr)
    return best


def _long_tokens(word_set: frozenset[str]) -> set[str]:
    """The distinct runs of five letters or more in the document's distinct word
    runs (each such run lies inside one `\\w+` run): a word of letters only is
    one run, kept when it is long enough; the few others (digits, `_`) are
    searched joined by spaces."""
    letters = set(filter(str.isalpha, word_set))
    out = {word for word in letters if len(word) >= 5}
    others = word_set - letters
    if others:
        out.update(_LONG_TOKEN.findall(" ".join(others)))
    return out


@check(GLUED_WORDS)
def glued_words(doc, ctx):
    prose = doc.prose
    data = ctx.ruleset.data.spacing
    table = frequencies()
    for token in unknown(_long_tokens(doc.word_set)):
        split = data.glued.get(token, _UNKNOWN)
        if split is _UNKNOWN:
            split = split_glued(token, data, table)
            if len(token) <= _LONGEST_GLUED and len(data.glued) < _GLUED_CACHE:
                data.glued[token] = split
        if split is None or prose.count(token) > 1:  # used twice: a spelling, not an accident
            continue
        m = _token_pattern().search(prose, max(prose.find(token) - 1, 0))
        if m is None or m.group() != token:
            continue  # part of a longer token: an address, a hyphenated word
        yield doc.finding(GLUED_WORDS, m.start(), m.end(), {"found": token, "fixed": split}, [(split, UNSAFE)])


# -- LN606 -------------------------------------------------------------------
_LOWER_AFTER_PERIOD = regex.compile(r"\.[ \t]+(\p{Ll}[\p{L}’'\-]*)")
_paragraph_end = deferred_regex(r"[.!?][”’\"»)]*$")
_WORD = regex.compile(r"\p{L}[\p{L}’'\-]*")
_list_start = deferred_regex(r"[ \t]*(?:[-*•–]|\(?[\p{N}\p{L}]{1,3}[.)])?[ \t]*$")


def _is_brand(word: str, data: SpacingData) -> bool:
    """A brand or handle written in lowercase on purpose: a capital or a digit
    inside it (iPhone, my6sense, ecobee3), or a listed lowercase brand."""
    return (any(c.isupper() or c.isdigit() for c in word) or word.lower() in data.brands
            or word.lower().rstrip(".") in data.brands)


_token_pattern = deferred_regex(r"[\p{L}\p{N}][\p{L}\p{N}’'\-_.@]*")


def _token(prose: str, start: int) -> str:
    """The whole token at `start` (letters, digits, inner dots: my6sense, will.i.am)."""
    m = _token_pattern().match(prose, start)
    return m.group().rstrip(".’'-") if m else ""


def _not_a_sentence(line: str) -> bool:
    """A line that is not a sentence: a signature code (“jm/hs”), a credit or a
    label (“photo: getty images”), short and without a sentence's end."""
    words = line.split()
    return len(words) <= _MAX_LABEL_WORDS and not _paragraph_end().search(line)


_MAX_LABEL_WORDS = 8


@check(LOWERCASE_START)
def lowercase_sentence_start(doc, ctx):
    prose = doc.prose
    data = ctx.ruleset.data.spacing
    for m in _LOWER_AFTER_PERIOD.finditer(prose):
        word = m.group(1)
        prev_start, prev = _left_word(prose, m.start())
        if not prev or (prev_start and prose[prev_start - 1] in ".’'-"):
            continue
        if prev.isalpha() and (len(prev) < 2 or prev.lower() in data.abbreviations):
            continue
        if prev.isdigit() and _list_start().fullmatch(prose, prose.rfind("\n", 0, prev_start) + 1, prev_start):
            continue  # "1. the first item"
        if prev.isupper() and word.lower() not in data.sentence_openers:
            continue  # a product name ending in a full stop: "the ID. models"
        if _is_brand(word, data) or _is_brand(_token(prose, m.start(1)), data):
            continue
        yield _lowercase_finding(doc, m.start(1), word)
    paragraphs = doc.paragraphs
    for k, ((ps, pe), (s, e)) in enumerate(zip(paragraphs, paragraphs[1:]), 1):
        if not prose[s].islower() or not _paragraph_end().search(prose, ps, pe):
            continue
        if is_list_item(doc, k):
            continue  # a list item ("salt and pepper to taste.") does not start a sentence
        word = _WORD.match(prose, s).group()
        if (len(word) > 1 and prose[s + len(word):s + len(word) + 1] not in ".)" and not _is_brand(word, data)
                and not _is_brand(_token(prose, s), data) and not _not_a_sentence(prose[s:e])):
            yield _lowercase_finding(doc, s, word)


def _capitalise(word: str) -> str:
    return word[0].upper() + word[1:]


def _lowercase_finding(doc, start: int, word: str):
    fixed = _capitalise(word)
    return doc.finding(LOWERCASE_START, start, start + len(word), {"fixed": fixed}, [(fixed, UNSAFE)])


# -- LN607 -------------------------------------------------------------------
@check(COMMA_CAPITAL)
def capital_after_comma(doc, ctx):
    for m in ctx.ruleset.data.spacing.comma_pattern.finditer(doc.prose):
        word = m.group(1)
        yield doc.finding(COMMA_CAPITAL, m.start(1), m.end(1), {"word": word, "fixed": word.lower()},
                          [(word.lower(), UNSAFE)])


CHECKS = [space_before_punctuation, missing_space_after, doubled_spaces, doubled_words,
          glued_words, lowercase_sentence_start, capital_after_comma]
