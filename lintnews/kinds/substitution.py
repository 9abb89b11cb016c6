"""Substitution: a variant that should be written as its preferred form.

    [[rule]]
    kind = "substitution"
    message = "“{found}” is ...: write “{preferred}”."
    exceptions = ["chicken Kiev"]        # phrases in which the variant is right
    safe = true                          # the default for every variant of the rule
    [rule.swap]                          # variant = preferred, when no reason is needed
    "Kiev" = "Kyiv"
    [[rule.term]]                        # or one table per variant, with its reason
    found = "fragging wound"
    preferred = "shrapnel wound"         # `expected` is the same key
    reason = "a wound from shell fragments; “fragging” is attacking one's own officer"
    source = "ru"                        # optional: the source language
    safe = true                          # optional: overrides the rule's `safe`

Variants match case-sensitively, in ALL CAPS too (`KIEV` → `KYIV`), and a
variant written in lowercase also with a capital first letter, as it opens a
sentence (`Fragging wound` → `Shrapnel wound`). The message may use
{found}, {preferred} (also as {expected}), {reason} and {source}. The
house-style profile may replace the preferred form (`[profile.ap.prefer]`).
All variants of every substitution rule compile into one pattern.

Known mistranslations and calques (LN804–LN807) are the `mistranslation`
kind (`kinds/mistranslation.py`): it adds alternatives, context words, labels
and derived forms that a plain swap does not need.
"""
from __future__ import annotations

from lintnews.engine.registry import Check
from lintnews.finding import SAFE, UNSAFE
from lintnews.kinds.common import (
    WordStartTerms, exception_pattern, in_exception, is_inside_token,
    match_case, profile_form, starts_word, string_map, templated,
)

DEFAULT_MESSAGE = "Write “{preferred}” instead of “{found}”."


def build(entries, ruleset):
    table: dict[str, tuple] = {}
    entries = [templated(e, {"default": DEFAULT_MESSAGE}, found="x", preferred="y", expected="y", reason="z",
                         source="s") for e in entries]
    for entry in entries:
        default_safe = True
        exceptions = exception_pattern(entry)
        safe = bool(entry.data.get("safe", default_safe))
        for variant, preferred, reason, source, term_safe in _variants(entry, safe):
            forms = {variant, variant.upper()}
            if "term" in entry.data:
                forms.add(variant[0].upper() + variant[1:])
            for form in forms:
                if form in table and table[form][0] is not entry:
                    raise entry.error(f"the variant '{variant}' is also in rule {table[form][0].rule.code}")
                table[form] = (entry, preferred, exceptions, term_safe, reason, source)
    pattern = WordStartTerms(table)
    rules = tuple(e.rule for e in entries)

    def run(doc, ctx):
        prose = doc.prose
        for m in pattern.finditer(prose, doc.word_set):
            start, end = m.span()
            if not starts_word(prose, start) or is_inside_token(prose, start, end):
                continue
            entry, preferred, exceptions, safe, reason, source = table[m.group()]
            if not ctx.enabled(entry.rule.code) or in_exception(exceptions, prose, start, end):
                continue
            found = m.group()
            preferred = match_case(profile_form(ctx.ruleset, ctx.style, preferred), found)
            if found[0].isupper() and not preferred[0].isupper():
                preferred = preferred[0].upper() + preferred[1:]
            yield doc.finding(entry.rule, start, end,
                              {"found": found, "preferred": preferred, "expected": preferred, "reason": reason,
                               "source": source},
                              [(preferred, SAFE if safe else UNSAFE)])

    return [Check(rules, run)]


def _variants(entry, safe: bool):
    """(variant, preferred, reason, source, safe) for each variant of a rule: its
    `[rule.swap]` table and its `[[rule.term]]` tables."""
    terms = entry.data.get("term")
    if "swap" not in entry.data and terms is None:
        raise entry.error("a substitution rule needs a [rule.swap] table or [[rule.term]] tables")
    if "swap" in entry.data:
        for variant, preferred in string_map(entry, "swap").items():
            yield variant, preferred, "", "", safe
    if terms is None:
        return
    if not isinstance(terms, list) or not terms:
        raise entry.error("'term' must be [[rule.term]] tables")
    seen: set[str] = set()
    for term in terms:
        preferred = term.get("preferred", term.get("expected")) if isinstance(term, dict) else None
        found = term.get("found") if isinstance(term, dict) else None
        if not (isinstance(found, str) and found and isinstance(preferred, str) and preferred):
            raise entry.error("each [[rule.term]] needs 'found' and 'preferred' (or 'expected')")
        reason, source = term.get("reason", ""), term.get("source", "")
        if not isinstance(reason, str) or not isinstance(source, str):
            raise entry.error("a term's 'reason' and 'source' must be strings", found)
        if found.lower() in seen:
            raise entry.error(f"the phrase '{found}' is listed twice", found)
        seen.add(found.lower())
        yield found, preferred, reason, source, bool(term.get("safe", safe))
