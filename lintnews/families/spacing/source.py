"""LN611-LN616: spacing and punctuation that translation carries over from the source.

Machine translation of Russian, Ukrainian and German news keeps the source's
typography or breaks the English around it: a space inside a quotation mark
or a bracket (`“ We`, `( Party`), a space inside a contraction
(`president’ s`), a comma-and-space thousands separator (`33, 000`), an
opening bracket glued to the word before it (`Moldova( also`), the Russian
attribution dash after a quotation (`”, - said`), and a full stop left before
a comma (`pressure. , as`).

Each rule is one pass of a pattern behind a literal test of the text (the
mark it needs), so a text without the mark costs one `in`.
"""
from __future__ import annotations

import re

import regex

from lintnews.finding import SAFE, UNSAFE, Severity
from lintnews.engine.registry import Example, Rule, check
from lintnews.text.patterns import deferred_regex

SPACE_INSIDE = Rule(
    code="LN611", name="space-inside-quotes-or-brackets", category="spacing",
    severity=Severity.INFO, fixable=True,
    summary="A space after an opening quotation mark or bracket, or before a closing one: “ We”, “( Party”.",
    doc=(
        "English sets quotation marks and brackets against the words they enclose.\n"
        "Translation engines that tokenise the source leave a space inside them:\n"
        "“ We also discussed”, “( Party of Action”, “the word ”.”. The fix removes\n"
        "the space and is safe.\n\n"
        "Only curly double marks are judged (a straight \" opens and closes alike),\n"
        "and only where the mark can be told: an opening mark after a space or at a\n"
        "line's start with a word after the space, a closing mark after a word and\n"
        "before punctuation or the line's end. Guillemets are left alone (French\n"
        "puts spaces inside them on purpose).\n\n"
        "Severity info, as for a doubled space (LN603): careful English copy has\n"
        "the slip too (“is “ comfort food ” —”), and it does not change the sense."
    ),
    examples=(
        Example("He said: <marker>“ </marker>We will hold the line.”", ("LN611",),
                fixed="He said: “We will hold the line.”"),
        Example("The party <marker>( </marker>Party of Action and Solidarity) won.", ("LN611",),
                fixed="The party (Party of Action and Solidarity) won."),
        Example("He said: “We will hold the line.” The party (PAS) won; « Bonjour » she said."),
    ),
    messages={
        "default": "No space belongs after the opening “{mark}”: remove it.",
        "closing": "No space belongs before the closing “{mark}”: remove it.",
    },
)

SPLIT_CONTRACTION = Rule(
    code="LN612", name="space-in-contraction", category="spacing",
    severity=Severity.WARNING, fixable=True,
    summary="A space after the apostrophe of a possessive or contraction: “president’ s”, “don’ t”.",
    doc=(
        "A possessive or a contraction split after its apostrophe (“the president’ s\n"
        "advisers”, “don’ t”) is left by engines that tokenise around punctuation.\n"
        "Reported when the apostrophe follows a letter and the part after the space\n"
        "is s, t, ll, re, ve, d or m standing alone. The fix closes the gap and is safe."
    ),
    examples=(
        Example("Recean has been one of the president<marker>’ s</marker> advisers.", ("LN612",),
                fixed="Recean has been one of the president’s advisers."),
        Example("Recean has been one of the president’s advisers; the ‘s’ key stuck."),
    ),
    messages={"default": "A space splits “{fixed}” from its word: write “{fixed}” without it."},
)

SPACED_THOUSANDS = Rule(
    code="LN613", name="spaced-thousands-separator", category="spacing",
    severity=Severity.WARNING, fixable=True,
    summary="A space after the comma of a thousands separator: “33, 000”.",
    doc=(
        "A number written with a comma and a space between its groups (“33, 000\n"
        "people”) is one number broken by a translation engine's tokeniser. Reported:\n"
        "one to three digits, then one or more groups of comma, space and exactly\n"
        "three digits. Not reported: a list of numbers (“rooms 101, 202 and 303”,\n"
        "“3, 4 and 5”: another number follows, or one comes before; “101, 202”:\n"
        "three digits before the comma and no group starting with 0), a date (“May\n"
        "12, 500 troops”), a year before the comma (“in 2022, 300 people”). The fix\n"
        "removes the space; it is safe only when a group starts with 0 (no list\n"
        "item does)."
    ),
    examples=(
        Example("The earthquake killed more than <marker>33, 000</marker> people.", ("LN613",),
                fixed="The earthquake killed more than 33,000 people."),
        Example("It killed 33,000 people; rooms 101, 202 and 303 and seats 3, 4 and 5; "
                "on May 12, 500 troops left; in 2022, 300 people fled."),
    ),
    messages={"default": "“{found}” looks like one number with a space after its thousands comma: write "
                         "“{fixed}”."},
)

GLUED_BRACKET = Rule(
    code="LN614", name="glued-opening-bracket", category="spacing",
    severity=Severity.WARNING, fixable=True,
    summary="An opening bracket glued to the word before it: “Moldova( also Moldavia)”.",
    doc=(
        "An opening bracket needs a space before it. Engines that tokenise the\n"
        "source glue it to the previous word and put the space inside:\n"
        "“In Moldova( also: Moldavia)”. Reported when a word of letters is followed\n"
        "by “(” and the bracket holds a space (more than one word), or a space\n"
        "follows the bracket. Not reported: plural and gender marks (“word(s)”,\n"
        "“student(in)”), a word with digits or inner capitals (code, chemistry,\n"
        "brand names), URLs. The fix moves the space before the bracket and is safe."
    ),
    examples=(
        Example("In Moldova<marker>( </marker>also Moldavia) the president spoke.", ("LN614",),
                fixed="In Moldova (also Moldavia) the president spoke."),
        Example("In Moldova (also Moldavia) the president named the minister(s) and the CO2(g) levels."),
    ),
    messages={"default": "The bracket is glued to “{word}”: write “{word} (”."},
)

ATTRIBUTION_DASH = Rule(
    code="LN615", name="source-attribution-dash", category="spacing",
    severity=Severity.WARNING, fixable=True,
    summary="A Russian-style dash between a quotation and its speech tag: “…,” - said the analyst.",
    doc=(
        "Russian and Ukrainian set a dash between a quotation and the words that\n"
        "attribute it (`«…», — сказал он`). Translation keeps it: “…,” - said the\n"
        "analyst; \"…\", - it says in the article. English has only the comma. Reported\n"
        "when a closing quotation mark with a comma, full stop, question or\n"
        "exclamation mark at it is followed by a dash and a lowercase word; an\n"
        "apposition after a quoted title (“Yes We Can” - a slogan) has no such\n"
        "punctuation and is left alone. The fix removes the dash and is safe."
    ),
    examples=(
        Example("“We worked in crisis mode”,<marker> -</marker> said the minister.", ("LN615",),
                fixed="“We worked in crisis mode”, said the minister."),
        Example("\"There will be bargaining,\"<marker> -</marker> wrote the analyst.", ("LN615",),
                fixed="\"There will be bargaining,\" wrote the analyst."),
        Example("“We worked in crisis mode,” said the minister. “Yes We Can” - a slogan - won."),
    ),
    messages={"default": "English puts no dash between a quotation and its speech tag (a Russian and Ukrainian "
                         "convention): remove it."},
)

STRAY_STOP = Rule(
    code="LN616", name="full-stop-before-comma", category="spacing",
    severity=Severity.WARNING, fixable=True,
    summary="A full stop and a space before a comma: “under pressure. , as she said”.",
    doc=(
        "A full stop followed by a space and a comma is a sentence end that the\n"
        "source did not have, or a typo it had (“Druck.,”), carried into the\n"
        "translation. The fix keeps the comma and is safe. After an abbreviation\n"
        "(etc., Inc., a single initial; the list is `abbreviations` under\n"
        "`[spacing]` in `rules/spacing.toml`) the full stop belongs to the word and\n"
        "only the space is removed."
    ),
    examples=(
        Example("She was under pressure<marker>. ,</marker> as she said herself.", ("LN616",),
                fixed="She was under pressure, as she said herself."),
        Example("She was under pressure, as she said; tools, parts, etc., were sold."),
    ),
    messages={
        "default": "A full stop before a comma: keep the comma only.",
        "abbreviation": "“{word}.” is an abbreviation: no space belongs before the comma.",
    },
)

# -- LN611 -------------------------------------------------------------------
_PAIR = {"“": "”", "(": ")", "[": "]"}
_OPENER = {"”": "“", ")": "(", "]": "["}
_line_end = deferred_regex(r"[ \t]*(?:\n|$)")


#: An opening mark and a blank; a blank and a closing mark (each one scan of the text).
_OPENED_WITH_SPACE = re.compile(r"“[ \t]|\([ \t]|\[ ")
_CLOSED_AFTER_SPACE = re.compile(r" [”)\]]")


def _marks_with_space(prose: str, pattern: "re.Pattern"):
    """(position, the two characters) of each match of `pattern`, in order."""
    return [(m.start(), m.group()) for m in pattern.finditer(prose)]


@check(SPACE_INSIDE)
def space_inside(doc, ctx):
    prose = doc.prose
    n = len(prose)
    for i, pair in _marks_with_space(prose, _OPENED_WITH_SPACE):
        mark = pair[0]
        if i and prose[i - 1] not in " \t\n([":
            continue  # glued to the word before: not an opening mark we can judge (LN614's)
        end = i + 1
        while end < n and prose[end] in " \t":
            end += 1
        if end == n or not prose[end].isalnum() or not _closed_on_line(prose, end, _PAIR[mark]):
            continue
        yield doc.finding(SPACE_INSIDE, i, end, {"mark": mark}, [(mark, SAFE)])
    for i, pair in _marks_with_space(prose, _CLOSED_AFTER_SPACE):
        mark, at = pair[1], i + 1
        start = i
        while start > 0 and prose[start - 1] in " \t":
            start -= 1
        if not start or not (prose[start - 1].isalnum() or prose[start - 1] in ".,!?"):
            continue
        nxt = prose[at + 1:at + 2]
        if mark == "”" and nxt and nxt not in ".,;:!?)]\n" and not _line_end().match(prose, at + 1):
            continue  # a word follows: perhaps an opening mark written the wrong way round
        if prose.rfind(_OPENER[mark], prose.rfind("\n", 0, start) + 1, start) == -1:
            continue  # nothing opened on this line: not a closing mark we can judge
        yield doc.finding(SPACE_INSIDE, start, at + 1, {"mark": mark}, [(mark, SAFE)], template="closing")


def _closed_on_line(prose: str, pos: int, closer: str) -> bool:
    end = prose.find("\n", pos)
    return closer in prose[pos:len(prose) if end == -1 else end]


# -- LN612 -------------------------------------------------------------------
_SPLIT_TAIL = regex.compile(r"[ \t]+(s|t|ll|re|ve|d|m)(?=[\s.,;:!?”\"]|$)")


@check(SPLIT_CONTRACTION)
def split_contractions(doc, ctx):
    prose = doc.prose
    for mark in ("’", "'"):
        at = prose.find(mark + " ")
        while at != -1:
            i, at = at, prose.find(mark + " ", at + 1)
            if not i or not prose[i - 1].isalpha():
                continue
            m = _SPLIT_TAIL.match(prose, i + 1)
            if m is None:
                continue
            start = i
            while start > 0 and prose[start - 1].isalpha():
                start -= 1
            if start > 0 and prose[start - 1] in "‘'":
                continue  # a quoted word or letter: ‘A’ s, 'yes' s
            fixed = mark + m.group(1)
            yield doc.finding(SPLIT_CONTRACTION, i, m.end(), {"fixed": fixed}, [(fixed, SAFE)])


# -- LN613 -------------------------------------------------------------------
_thousands = deferred_regex(r"(?<![\p{N}.,])(\p{N}{1,3})((?:,[ \t]\p{N}{3})+)(?![\p{N}])")
_GROUP = re.compile(r", \d{3}(?!\d)")  # a literal start: `re` skips to the commas
_list_after = deferred_regex(r"[ \t]*(?:,[ \t]*\p{N}|(?:and|or|to|-|–)[ \t]*\p{N})")
_list_before = deferred_regex(r"\p{N}[ \t]*,[ \t]*$")
_months = deferred_regex(
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[ \t]+$", regex.IGNORECASE)


@check(SPACED_THOUSANDS)
def spaced_thousands(doc, ctx):
    prose = doc.prose
    if ", " not in prose:
        return
    last = -1
    for g in _GROUP.finditer(prose):
        if g.start() < last:
            continue
        begin = g.start()
        while begin > 0 and prose[begin - 1].isdigit() and g.start() - begin < 4:
            begin -= 1
        m = _thousands().match(prose, begin)
        if m is None or m.start() == g.start():
            continue
        last = m.end()
        before = prose[max(0, m.start() - 16):m.start()]
        if _list_before().search(before) or _months().search(before) or _list_after().match(prose, m.end()):
            continue
        groups = m.group(2).split(",")[1:]
        if len(m.group(1)) == 3 and not any(grp.strip().startswith("0") for grp in groups):
            continue  # 101, 202, 303: as likely a list of three-digit numbers
        fixed = m.group(1) + "".join("," + grp.strip() for grp in groups)
        safe = any(grp.strip().startswith("0") for grp in groups)
        yield doc.finding(SPACED_THOUSANDS, m.start(), m.end(), {"found": m.group(), "fixed": fixed},
                          [(fixed, SAFE if safe else UNSAFE)])


# -- LN614 -------------------------------------------------------------------
_word_before = deferred_regex(r"(?<![\p{L}\p{N}_./@#\-])\p{L}{2,}$")


@check(GLUED_BRACKET)
def glued_brackets(doc, ctx):
    prose = doc.prose
    i = prose.find("(")
    while i != -1:
        at, i = i, prose.find("(", i + 1)
        if not at or not prose[at - 1].isalpha():
            continue
        m = _word_before().search(prose, max(0, at - 60), at)
        if m is None:
            continue
        word = m.group()
        if any(c.isupper() for c in word[1:]):
            continue  # camel case: code, a brand
        line_end = prose.find("\n", at)
        close = prose.find(")", at, len(prose) if line_end == -1 else line_end)
        inside = prose[at + 1:close if close != -1 else min(at + 200, len(prose))]
        space = len(inside) - len(inside.lstrip(" \t"))
        if not inside[space:space + 1].isalpha():
            continue
        if not space and " " not in inside.strip():
            continue  # word(s), student(in): a mark inside the word
        yield doc.finding(GLUED_BRACKET, at, at + 1 + space, {"word": word}, [(" (", SAFE)])


# -- LN615 -------------------------------------------------------------------
_CLOSING = "”\"»’"
_STOPS = ",.!?…"


@check(ATTRIBUTION_DASH)
def attribution_dashes(doc, ctx):
    prose = doc.prose
    n = len(prose)
    for dash in "-–—":
        at = prose.find(" " + dash + " ")
        while at != -1:
            i, at = at, prose.find(" " + dash + " ", at + 1)
            start = i
            while start > 0 and prose[start - 1] in " \t":
                start -= 1
            two = prose[max(0, start - 2):start]
            if len(two) < 2 or not (two[0] in _STOPS and two[1] in _CLOSING or two[0] in _CLOSING and two[1] == ","):
                continue
            after = i + 2
            while after < n and prose[after] in " \t":
                after += 1
            if after == n or not prose[after].islower():
                continue
            yield doc.finding(ATTRIBUTION_DASH, start, i + 2, fixes=[("", SAFE)])


# -- LN616 -------------------------------------------------------------------
_stop_comma = deferred_regex(r"(?<=(\p{L}+))\.[ \t]+,")


@check(STRAY_STOP)
def stray_stops(doc, ctx):
    prose = doc.prose
    if ". ," not in prose and ".\t," not in prose:
        return
    abbreviations = None
    for m in _stop_comma().finditer(prose):
        word = m.group(1)
        if abbreviations is None:
            abbreviations = ctx.ruleset.data.spacing.abbreviations
        if len(word) == 1 or word.lower() in abbreviations:
            yield doc.finding(STRAY_STOP, m.start(), m.end(), {"word": word}, [(".,", SAFE)],
                              template="abbreviation")
        else:
            yield doc.finding(STRAY_STOP, m.start(), m.end(), {"word": word}, [(",", SAFE)])


CHECKS = [space_inside, split_contractions, spaced_thousands, glued_brackets, attribution_dashes,
          stray_stops]
