"""LN215-LN216: words whose capitals translation gets wrong.

LN215: machine translation and hurried transcripts leave the first-person
pronoun in lowercase: “i am the deputy head”, “i’m sure”. The word `i` alone
is reported when a verb or contraction that only a pronoun takes follows it,
so a roman numeral (“(i) the budget”, “clause i”) or a letter in a list
stays silent. One pattern behind a literal test of the text.

LN216: engines that title-case a headline write an acronym as a word: “Cnn”,
“Bbc”. A capitalised word of consonants only is no English word; it is
judged from the document's set of distinct words, not by a scan of the text.
"""
from __future__ import annotations

import re
import regex

from lintnews.finding import SAFE, UNSAFE, Severity
from lintnews.engine.registry import Example, Rule, check
from lintnews.text.patterns import deferred_regex

LOWERCASE_I = Rule(
    code="LN215", name="lowercase-pronoun-i", category="capitalization",
    severity=Severity.WARNING, fixable=True,
    summary="The pronoun “I” written in lowercase: “i am the deputy head”, “i’m sure”.",
    doc=(
        "English writes the first-person pronoun as a capital “I”. A lowercase\n"
        "“i” standing alone as a word is reported when it is followed by a\n"
        "contraction (i’m, i've, i'll, i'd) or by a verb a pronoun takes (am, was,\n"
        "have, had, will, would, think, believe, know, want, hope, can, could, do,\n"
        "did, said, say, feel, must, should ...). A roman numeral or a list letter\n"
        "(“(i) the budget”, “point i of”) is not followed by such a verb and is\n"
        "left alone; so is an i after Part, Chapter, Type, War, a king's name and\n"
        "the like (“Part i was”), and an i joined to a word by a hyphen, a dot or\n"
        "an apostrophe (i.e., e-i). Data: the verb and numeral lists in this\n"
        "module, from English grammar. The fix writes “I” and is safe."
    ),
    examples=(
        Example("<marker>i</marker> am the deputy head of the department.", ("LN215",),
                fixed="I am the deputy head of the department."),
        Example("He said <marker>i</marker>’m sure of it.", ("LN215",),
                fixed="He said I’m sure of it."),
        Example("I am the deputy head; see (i) the budget, point i of the plan, i.e. the law."),
    ),
    messages={"default": "The pronoun “I” is written with a capital: write “I”."},
)

ACRONYM_AS_WORD = Rule(
    code="LN216", name="acronym-written-as-word", category="capitalization",
    severity=Severity.WARNING, fixable=True,
    summary="An acronym written as a capitalised word, such as “Cnn.co.jp” or “the Bbc”.",
    doc=(
        "Translation engines and title-casing scripts write acronyms as words:\n"
        "“(Cnn.co.jp)”, “the Bbc reported”. A capitalised word of three to five\n"
        "letters with no vowel (a, e, i, o, u, w or y) is no English word, so it\n"
        "is reported with its capitals. Not reported: the abbreviations, units and\n"
        "interjections of `consonant_words` under `[spacing]` in\n"
        "`rules/spacing.toml` (Ltd, Mrs, Mbps, Hmm; a newsroom adds its own), a\n"
        "word inside a longer hyphenated or digit-bearing token, and acronyms with\n"
        "a vowel (Nato is a house style). The fix writes the word in capitals and\n"
        "is not applied without review."
    ),
    examples=(
        Example("Arms arrive in Ukraine (<marker>Cnn</marker>.co.jp) - news", ("LN216",),
                fixed="Arms arrive in Ukraine (CNN.co.jp) - news"),
        Example("Arms arrive in Ukraine (CNN.co.jp); Smith Ltd and Mrs Jones paid; 10 Mbps; Hmm."),
    ),
    messages={"default": "“{word}” has no vowel: an acronym written as a word. Write “{fixed}”."},
)

#: A capitalised word of 3-5 consonants, found among the document's distinct
#: words joined by spaces (one scan in C, not a match per word).
_CONSONANT_WORDS = re.compile(r"(?<!\S)[B-DF-HJ-NP-TV-XZ][b-df-hj-np-tvxz]{2,4}(?!\S)")

_VERBS = (
    "am", "was", "have", "had", "will", "would", "shall", "think", "thought", "believe", "know",
    "knew", "want", "wanted", "hope", "can", "could", "cannot", "do", "did", "don't", "don’t",
    "didn't", "didn’t", "said", "say", "feel", "felt", "must", "should", "also", "never",
    "saw", "see", "told", "asked", "went", "love", "remember", "agree", "understand",
)
_LOWERCASE_I = regex.compile(
    r"(?<![\p{L}\p{N}\-.'’(\[/])i(?=['’](?:m|ve|ll|d)\b|[ \u00a0](?:"
    + "|".join(regex.escape(v) for v in _VERBS) + r")\b(?![\-.]\p{L}))")

#: Words a roman numeral follows: “Part i was written”, “World War i was”.
_NUMBERED = frozenset((
    "part", "chapter", "phase", "type", "class", "article", "section", "stage", "war", "volume",
    "book", "act", "level", "grade", "category", "annex", "appendix", "clause", "point",
    "paragraph", "item", "schedule", "title", "round", "series", "season", "henry", "louis",
    "elizabeth", "charles", "george", "william", "james", "edward", "mary", "john", "pope",
))
_word_before = deferred_regex(r"(\p{L}+)[ \u00a0]$")


@check(LOWERCASE_I)
def lowercase_i(doc, ctx):
    prose = doc.prose
    if "i " not in prose and "i’" not in prose and "i'" not in prose and "i\u00a0" not in prose:
        return
    for m in _LOWERCASE_I.finditer(prose):
        before = _word_before().search(prose, max(0, m.start() - 20), m.start())
        if before is not None and before.group(1).lower() in _NUMBERED:
            continue  # a roman numeral: Part i, World War i
        yield doc.finding(LOWERCASE_I, m.start(), m.end(), fixes=[("I", SAFE)])


@check(ACRONYM_AS_WORD)
def acronyms_as_words(doc, ctx):
    allowed = None
    prose = doc.prose
    for word in sorted(_CONSONANT_WORDS.findall(" ".join(doc.word_set))):
        if allowed is None:
            allowed = ctx.ruleset.data.spacing.consonant_words
        if word.lower() in allowed:
            continue
        for start in doc.word_starts(word):
            end = start + len(word)
            if (start and (prose[start - 1] in "-‐" or prose[start - 1].isdigit())) or (
                    prose[end:end + 1] in ("-", "‐") or prose[end:end + 1].isdigit()):
                continue
            yield doc.finding(ACRONYM_AS_WORD, start, end, {"word": word, "fixed": word.upper()},
                              [(word.upper(), UNSAFE)])


CHECKS = [lowercase_i, acronyms_as_words]
