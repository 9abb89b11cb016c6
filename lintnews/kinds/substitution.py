"""Substitution: text that should be written as other text (LN804-LN807 and a
newsroom's own): a variant name, a known mistranslation or calque, a
transliterated acronym, a name translated word by word.

    [[rule]]
    kind = "substitution"
    message = "“{found}” is ...: write “{preferred}” ({reason})."
    exceptions = ["chicken Kiev"]  # phrases in which the text is right
    safe = true                # the default for every term: --fix may apply it
    exact-case = true          # match each phrase only as written (acronyms)
    context = "ru-uk"          # only in a text that names a word of [context-words].ru-uk
    label = true               # only as a lead-in label: “Direct speech:” at a line's start
    [rule.derived-suffixes]    # also report words coined from a phrase: KDBist → KGB officer
    ist = "{expected} officer"
    [rule.swap]                # found = preferred, when no reason is needed
    "Kiev" = "Kyiv"
    [[rule.term]]              # or one table per phrase, with its reason
    found = "it is {said|spoken} in the {article|report}"   # {a|b}: alternatives
    preferred = "the {2} says" # `expected` is the same key; {N}: the alternative chosen in the Nth group
    reason = "..."
    source = "ru"              # the source language
    safe = true                # overrides the rule's `safe`
    label = true               # this term only as a label
    derived-only = true        # the phrase is right English; only derived words are reported
    unless = ["GDR"]           # words that, anywhere in the text, silence the term
    near = true                # the rule's context words must be in the term's own paragraph
                               # (for a form that is also an English acronym: MID, RF)

Every key but the text and what it should be is optional. A phrase matches
between word boundaries, where a word starts, and not inside a file name,
domain, handle or hashtag. A phrase matches as written and in capitals
(`KIEV` → `KYIV`); in a rule with `[[rule.term]]` tables also with its first
letter capitalised, as it opens a sentence (`Fragging wound` → `Shrapnel
wound`). A phrase of an `exact-case` rule matches only as written, also after
a hyphen that ends a word (`communist-KDBist`), and not inside a model
designation (`ZSU-23-4`, `L70-RT`) or between words in capitals (a headline
in capitals). The message may use {found}, {preferred} (also as {expected}),
{reason} and {source}. The house-style profile may replace the preferred
form (`[profile.ap.prefer]`). A rule is `fixable` unless it says
`fixable = false` (a label has no mechanical fix).

`kind = "mistranslation"`, the name LN804-LN807 had, is this kind with the
defaults those rules had: the message “{found}” is a mistranslation: write
“{expected}” ({reason})., `safe = false`, `fixable = false` unless written,
and a `reason` in every term. Such a rule finds what it found as its own kind,
except a phrase inside a file name, domain, handle or hashtag (`tea.Moscow`,
`#warm line`) or one that a combining accent continues, which no substitution
reports; and the rule's own `safe`, which that kind ignored, holds for the
terms that do not say.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import chain, product

from lintnews.finding import DISPLAY_ONLY, SAFE, UNSAFE
from lintnews.model import Check
from lintnews.kinds.common import (
    exception_pattern, in_exception, is_inside_token, match_case, profile_form,
    starts_word, string_map, templated,
)
from lintnews.text.patterns import deferred_re

DEFAULT_MESSAGE = "Write “{preferred}” instead of “{found}”."
#: Kind names that are this kind with other defaults -> (message, safe by default, reason required)
ALIASES = {
    "mistranslation": ("“{found}” is a mistranslation: write “{expected}” ({reason}).", False, True),
}
_DERIVED_REASON = "a word coined from “{base}”: {reason}"
_GROUP = re.compile(r"\{([^{}]*\|[^{}]*)\}")
_REFERENCE = re.compile(r"\{(\d)\}")
# A label: optionally “Name's ” before it, optionally “ of Name” after it, then a colon.
_label_before = deferred_re(r"(?:[^\W\d_][\w\-]*(?:\s+[^\W\d_][\w\-]*){0,2}['’]s\s+)?$")
_label_after = deferred_re(r"(?:\s+of\s+(?:the\s+)?[^\W\d_][\w'’\-]*(?:\s+[^\W\d_][\w'’\-]*){0,2})?\s*:")
_MODEL = re.compile(r"-?\d")


def expand(found: str, expected: str) -> list[tuple[str, str]]:
    """The phrases a term stands for: `{a|b}` groups give every combination,
    and `{N}` in `expected` is the alternative chosen in the Nth group."""
    groups = [g.split("|") for g in _GROUP.findall(found)]
    if not groups:
        return [(found, expected)]
    out = []
    for choice in product(*groups):
        it = iter(choice)
        phrase = _GROUP.sub(lambda m: next(it), found)
        english = _REFERENCE.sub(lambda m: choice[int(m.group(1)) - 1], expected)
        out.append((phrase, english))
    return out


def _context_words(ruleset) -> dict[str, frozenset[str]]:
    lists: dict[str, set[str]] = {}
    for _path, table in ruleset.table("context-words"):
        for name, words in table.items():
            lists.setdefault(name, set()).update(words)
    return {name: frozenset(words) for name, words in lists.items()}


def _forms(phrase: str, exact: bool, capitalised: bool = True) -> tuple[str, ...]:
    """The case forms a phrase takes in running text: one table of literal
    forms keeps the matching a dict lookup."""
    if exact:
        return (phrase,)
    if not capitalised:
        return tuple(dict.fromkeys((phrase, phrase.upper())))
    return tuple(dict.fromkeys((phrase, phrase[0].upper() + phrase[1:], phrase.upper())))


def build(entries, ruleset):
    """The `substitution` kind: `[rule.swap]` and `[[rule.term]]` tables."""
    table: dict[str, tuple] = {}
    contexts = None
    entries = [templated(e, {"default": ALIASES.get(e.kind, (DEFAULT_MESSAGE,))[0]}, found="x", preferred="y",
                         expected="y", reason="z", source="s") for e in entries]
    for entry in entries:
        _message, default_safe, needs_reason = ALIASES.get(entry.kind, (DEFAULT_MESSAGE, True, False))
        safe = bool(entry.data.get("safe", default_safe))
        exact = bool(entry.data.get("exact-case", False))
        suffixes = entry.data.get("derived-suffixes", {})
        if not isinstance(suffixes, dict) or not all(isinstance(v, str) and k for k, v in suffixes.items()):
            raise entry.error("'derived-suffixes' must be a table of suffix = English")
        context = entry.data.get("context")
        words = None
        if context is not None:
            if contexts is None:
                contexts = _context_words(ruleset)
            if context not in contexts:
                raise entry.error(f"unknown context '{context}' (define it under [context-words])")
            words = contexts[context]
        options = (exact, words, exception_pattern(entry), bool(entry.data.get("label", False)))
        seen: set[str] = set()
        # a rule of [[rule.term]] tables also matches its phrases (its swaps too) capitalised
        capitalised = "term" in entry.data
        for term, swap in _terms(entry, needs_reason):
            for phrase, wanted in expand(term["found"], term["preferred"]) if "{" in term["found"] else \
                    [(term["found"], term["preferred"])]:
                # a swap table may give each case its own line ("Kiev", "KIEV"); terms may not
                key = phrase if exact or swap else phrase.lower()
                if key in seen:
                    raise entry.error(f"the phrase '{phrase}' is listed twice", phrase)
                seen.add(key)
                reason = term.get("reason", "")
                term_safe = bool(term.get("safe", safe))
                variants = [] if term.get("derived-only") else [(phrase, wanted, reason, term_safe)]
                variants += [(phrase + suffix, template.replace("{expected}", wanted),
                              _DERIVED_REASON.format(base=phrase, reason=reason), None)
                             for suffix, template in suffixes.items()]
                for surface, preferred, why, fix_safe in variants:
                    for form in _forms(surface, exact, capitalised):
                        other = table.get(form)
                        if other is not None and other[0] is not entry:
                            raise entry.error(f"the phrase '{surface}' is also in rule {other[0].rule.code}", surface)
                        table[form] = (entry, term, preferred, why, fix_safe, options)
    phrases = _Phrases(table)
    rules = tuple(e.rule for e in entries)

    def run(doc, ctx):
        prose = doc.prose
        for start, end in phrases.finditer(prose, doc.word_set):
            found = prose[start:end]
            entry, term, preferred, reason, safe, (exact, context, exceptions, label) = table[found]
            if not starts_word(prose, start) and not (exact and _after_word_hyphen(prose, start)):
                continue
            if is_inside_token(prose, start, end) or not ctx.enabled(entry.rule.code):
                continue
            if context is not None and context.isdisjoint(doc.word_set):
                continue
            if term.get("unless") and not doc.word_set.isdisjoint(term["unless"]):
                continue
            if context is not None and term.get("near") and not _context_near(doc, context, start):
                continue
            if exact and _in_designation_or_caps(prose, start, end):
                continue
            if (label or term.get("label")) and not _is_label(prose, start, end):
                continue
            if in_exception(exceptions, prose, start, end):
                continue
            preferred = profile_form(ctx.ruleset, ctx.style, preferred)
            if not (safe is None or exact):  # a derived word's English is written as it is
                preferred = match_case(preferred, found)
            if found[0].isupper() and not preferred[0].isupper() and not exact:
                preferred = preferred[0].upper() + preferred[1:]
            if not entry.rule.fixable:  # the English form is a hint (a calqued label has no mechanical fix)
                applicability = DISPLAY_ONLY
            else:
                applicability = SAFE if safe else UNSAFE
            yield doc.finding(entry.rule, start, end,
                              {"found": found, "preferred": preferred, "expected": preferred, "reason": reason,
                               "source": term.get("source", "")},
                              [(preferred, applicability)])

    return [Check(rules, run)]


def _terms(entry, needs_reason: bool):
    """A rule's `[rule.swap]` variants and `[[rule.term]]` tables, each with
    `found` and `preferred` (`expected` is read as `preferred`), and whether
    it is a swap."""
    terms = entry.data.get("term")
    if "swap" not in entry.data and terms is None:
        raise entry.error("a substitution rule needs a [rule.swap] table or [[rule.term]] tables")
    if "swap" in entry.data:
        if needs_reason:
            raise entry.error("a mistranslation rule gives each phrase its reason: [[rule.term]] tables, "
                              "not [rule.swap]")
        for variant, preferred in string_map(entry, "swap").items():
            yield {"found": variant, "preferred": preferred}, True
    if terms is None:
        return
    if not isinstance(terms, list) or not terms or not all(isinstance(t, dict) for t in terms):
        raise entry.error("'term' must be [[rule.term]] tables")
    for term in terms:
        preferred = term.get("preferred", term.get("expected"))
        found = term.get("found")
        if not (isinstance(found, str) and found and isinstance(preferred, str) and preferred):
            raise entry.error("each [[rule.term]] needs 'found' and 'preferred' (or 'expected')")
        reason, source = term.get("reason", ""), term.get("source", "")
        if not isinstance(reason, str) or not isinstance(source, str):
            raise entry.error("a term's 'reason' and 'source' must be strings", found)
        if needs_reason and not reason:
            raise entry.error("each [[rule.term]] of a mistranslation rule needs a 'reason'", found)
        unless = term.get("unless", [])
        if not isinstance(unless, list) or not all(isinstance(w, str) for w in unless):
            raise entry.error("'unless' must be a list of words")
        yield {**term, "preferred": preferred}, False


class _Phrases:
    """Literal phrases found between word boundaries, leftmost and longest first.

    A phrase is looked for only in a text that holds every word of it (one
    subset test of `Document.word_set` per phrase), and then by `str.find`
    of its longest word: phrases such as “it is said in the report” start
    with words every text has, and a scan keyed on them would visit every
    “it” of the text. The few phrases without a word (`--`) are looked for
    by `str.find` alone.
    """

    def __init__(self, phrases) -> None:
        #: longest word run -> the phrases anchored on it: a text is tried only on
        #: the phrases whose anchor it holds (one set intersection, in C)
        self._by_anchor: dict[str, list[tuple]] = {}
        self._wordless: list[str] = []
        for phrase in phrases:
            runs = _RUN.findall(phrase)
            if not runs:
                self._wordless.append(phrase)
                continue
            anchor = max(runs, key=len)
            offset = next(m.start() for m in _RUN.finditer(phrase) if m.group() == anchor)
            self._by_anchor.setdefault(anchor, []).append((frozenset(runs), anchor, offset, phrase))
        self._anchors = frozenset(self._by_anchor)

    def finditer(self, text: str, words) -> list[tuple[int, int]]:
        hits = []
        by_anchor = self._by_anchor
        for runs, anchor, offset, phrase in chain.from_iterable(map(by_anchor.__getitem__, self._anchors & words)):
            if not runs <= words:
                continue
            for at in _run_positions(text, anchor):
                start = at - offset
                end = start + len(phrase)
                if start >= 0 and text.startswith(phrase, start) and not _word_char(text, end):
                    hits.append((start, -end))
        for phrase in self._wordless:
            start = text.find(phrase)
            while start != -1:
                end = start + len(phrase)
                if not _word_char(text, end):
                    hits.append((start, -end))
                start = text.find(phrase, start + 1)
        hits.sort()
        out, last = [], 0
        for start, neg_end in hits:
            if start >= last:
                out.append((start, -neg_end))
                last = -neg_end
        return out


_RUN = re.compile(r"\w+")


def _word_char(text: str, i: int) -> bool:
    """Whether text[i] continues a word: a letter, digit or underscore, or a
    combining accent (`RADÁ` written as A and U+0301 is not `RADA`)."""
    return i < len(text) and (text[i].isalnum() or text[i] == "_" or "\u0300" <= text[i] <= "\u036f")


def _run_positions(text: str, run: str):
    """Where `run` stands as a whole word run of `text`."""
    find, n = text.find, len(run)
    i = find(run)
    while i != -1:
        if not (i and _word_char(text, i - 1)) and not _word_char(text, i + n):
            yield i
        i = find(run, i + 1)


def _context_near(doc, words: frozenset[str], at: int) -> bool:
    """True when the paragraph holding `at` has one of `words`."""
    paragraphs = doc.paragraphs
    k = bisect_right(paragraphs, (at, len(doc.prose) + 1)) - 1
    start, end = paragraphs[k] if k >= 0 else (0, len(doc.prose))
    return not words.isdisjoint(_RUN.findall(doc.prose, start, end))


def _after_word_hyphen(prose: str, start: int) -> bool:
    """True after a hyphen that ends a word of letters (`communist-KDBist`)."""
    return start > 1 and prose[start - 1] == "-" and prose[start - 2].isalpha()


def _in_designation_or_caps(prose: str, start: int, end: int) -> bool:
    """True inside a model name (`ZSU-23-4`, `L70-RT`) or a text in capitals
    (the words on either side in capitals too)."""
    if prose[end:end + 1] == "-" and _MODEL.match(prose, end):
        return True
    if start > 1 and prose[start - 1] == "-":
        i = start - 1
        while i > 0 and prose[i - 1].isalnum():
            i -= 1
        if any(c.isdigit() for c in prose[i:start - 1]):
            return True
    before = _last_word().search(prose, max(0, start - 40), start)
    after = _next_word().match(prose, end, end + 40)
    return bool(before and before.group(1).isupper() and after and after.group(1).isupper())


_last_word = deferred_re(r"([^\W\d_]{2,})[^\w\n]+$")
_next_word = deferred_re(r"[^\w\n]+([^\W\d_]{2,})")


def _is_label(prose: str, start: int, end: int) -> bool:
    """True for a lead-in label: at a line's start (after “Name's ” at most), and
    followed by a colon (after “ of Name” at most)."""
    line_start = prose.rfind("\n", 0, start) + 1
    if not _label_before().match(prose[line_start:start]):
        return False
    return _label_after().match(prose, end, min(len(prose), end + 60)) is not None
