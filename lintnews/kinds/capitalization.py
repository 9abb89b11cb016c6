"""Capitalization: a proper noun written in lowercase (`kyiv`, `ukraine`).

    [[rule]]
    kind = "capitalization"
    terms = ["Kyiv", "Kharkiv"]
    entities = true          # also every accepted form of the [[entity]] tables
    common-words = ["trump"] # lowercase words never reported (ordinary English)
    exceptions = ["..."]     # phrases in which the lowercase word is right
    keep-first = true        # names of several words: only with the first capital kept
                             # (`Ministry of defence`), never all lowercase or at a
                             # sentence's start, where a generic phrase may stand

Only an occurrence with a name's capital lost is reported (Title case and ALL CAPS
headlines are fine; a name of several words, `voice of America`, with any of its capitals lost), so the pattern holds the lowercase terms only, at the start of a sentence too. Words inside
URLs, file names, e-mail addresses, hashtags and handles are not names in the
prose. After a prefix such as `pro-` or `anti-` the name is still a name
(`pro-russian` → `pro-Russian`). Terms that are also common English words
(turkey, china, march) do not belong here.
"""
from __future__ import annotations

from lintnews.finding import SAFE
from lintnews.engine.registry import Check
from lintnews.kinds.common import (
    WordStartTerms, exception_pattern, in_exception, is_inside_token,
    starts_word, string_list, templated,
)

DEFAULT_MESSAGE = "“{found}” is a proper noun: write “{expected}”."
#: Prefixes after which a hyphenated name keeps its capital (pro-Russian).
PREFIXES = frozenset({"pro", "anti", "non", "post", "pre", "ex", "pan", "neo", "mid", "trans", "all"})


def build(entries, ruleset):
    table: dict[str, tuple] = {}
    entries = [templated(e, {"default": DEFAULT_MESSAGE}, found="x", expected="y") for e in entries]
    for entry in entries:
        exceptions = exception_pattern(entry)
        common = {w.lower() for w in string_list(entry, "common-words", required=False)}
        terms = list(string_list(entry, "terms", required=not entry.data.get("entities")))
        if entry.data.get("entities"):
            terms += _entity_terms(ruleset)
        keep_first = bool(entry.data.get("keep-first", False))
        for term in terms:
            for key in _lowered(term, keep_first):
                if key.lower() in common or key == term:
                    continue
                if key in table and table[key][0] is not entry:
                    raise entry.error(f"the term '{term}' is also in rule {table[key][0].rule.code}")
                table[key] = (entry, term, exceptions)
    pattern = WordStartTerms(table)  # lowercase keys: only lowercase is ever reported
    rules = tuple(e.rule for e in entries)

    def run(doc, ctx):
        prose = doc.prose
        finding, enabled = doc.finding, ctx.enabled
        arguments: dict[str, dict] = {}  # a name written lowercase often recurs
        for m in pattern.finditer(prose, doc.word_set):
            found = m.group()
            if found not in table:
                continue
            start, end = m.span()
            if not (starts_word(prose, start) or _after_prefix(prose, start)):
                continue
            if is_inside_token(prose, start, end):
                continue
            entry, expected, exceptions = table[found]
            if not enabled(entry.rule.code) or in_exception(exceptions, prose, start, end):
                continue
            if entry.data.get("keep-first") and _sentence_start(prose, start):
                continue
            named = arguments.get(found)
            if named is None:
                named = arguments[found] = {"found": found, "expected": expected}
            yield finding(entry.rule, start, end, named, ((expected, SAFE),))

    return [Check(rules, run)]


def _lowered(term: str, keep_first: bool = False) -> list[str]:
    """The spellings of `term` with its capitalised words in lowercase.

    One word: its lowercase. Several (Voice of America): every mix of its
    capitalised words in lowercase, all of them or some (voice of America,
    Voice of america), at most 2**5 of them; with `keep_first`, only those
    that keep the first word's capital (Ministry of defence).
    """
    words = term.split(" ")
    caps = [i for i, w in enumerate(words) if w != w.lower()]
    if keep_first:
        if len(words) == 1 or not caps or caps[0] != 0:
            return []
        caps = caps[1:]
        if not 1 <= len(caps) <= 5:
            return []
    elif len(words) == 1 or not 1 < len(caps) <= 5:
        return [term.lower()]
    out = []
    for mask in range(1, 2 ** len(caps)):
        parts = list(words)
        for bit, i in enumerate(caps):
            if mask >> bit & 1:
                parts[i] = parts[i].lower()
        out.append(" ".join(parts))
    return out


def _sentence_start(text: str, start: int) -> bool:
    """True when only blanks, opening marks or a sentence's end come before `start` on its line."""
    i = start
    while i > 0 and text[i - 1] in " \t“\"‘'(«":
        i -= 1
    return i == 0 or text[i - 1] in "\n.!?:"


def _entity_terms(ruleset) -> list[str]:
    terms = []
    # not the gazetteer's thousands of villages: some are words in lowercase (bar)
    for entity in ruleset.data.entities.hand_entities():
        terms.extend(entity.forms)
        terms.extend(entity.short)
    return terms


def _after_prefix(text: str, start: int) -> bool:
    """True for the name in `pro-russian`: a known prefix, a hyphen, the name."""
    if start < 2 or text[start - 1] != "-":
        return False
    i = start - 1
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return text[i:start - 1].lower() in PREFIXES and starts_word(text, i)
