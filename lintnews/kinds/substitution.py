"""Substitution: a variant that should be written as its preferred form.

    [[rule]]
    kind = "substitution"
    message = "“{found}” is ...: write “{preferred}”."
    exceptions = ["chicken Kiev"]        # phrases in which the variant is right
    [rule.swap]
    "Kiev" = "Kyiv"

Variants match case-sensitively, and in ALL CAPS too (`KIEV` → `KYIV`). The
house-style profile may replace the preferred form (`[profile.ap.prefer]`).
All variants of every substitution rule compile into one pattern.
"""
from __future__ import annotations

from lintnews.engine.registry import Check
from lintnews.kinds.common import (
    WordStartTerms, exception_pattern, format_message, in_exception, is_inside_token,
    match_case, profile_form, starts_word, string_map,
)

DEFAULT_MESSAGE = "Write “{preferred}” instead of “{found}”."


def build(entries, ruleset):
    table: dict[str, tuple] = {}
    for entry in entries:
        swap = string_map(entry, "swap")
        exceptions = exception_pattern(entry)
        safe = bool(entry.data.get("safe", True))
        format_message(entry, DEFAULT_MESSAGE, found="x", preferred="y")
        for variant, preferred in swap.items():
            for form in {variant, variant.upper()}:
                if form in table and table[form][0] is not entry:
                    raise entry.error(f"the variant '{variant}' is also in rule {table[form][0].rule.code}")
                table[form] = (entry, preferred, exceptions, safe)
    pattern = WordStartTerms(table)
    rules = tuple(e.rule for e in entries)

    def run(doc, ctx):
        prose = doc.prose
        for m in pattern.finditer(prose, doc.word_set):
            start, end = m.span()
            if not starts_word(prose, start) or is_inside_token(prose, start, end):
                continue
            entry, preferred, exceptions, safe = table[m.group()]
            if not ctx.enabled(entry.rule.code) or in_exception(exceptions, prose, start, end):
                continue
            preferred = match_case(profile_form(ctx.ruleset, ctx.style, preferred), m.group())
            message = format_message(entry, DEFAULT_MESSAGE, found=m.group(), preferred=preferred)
            yield doc.finding(entry.rule, start, end, message, [(preferred, safe)])

    return [Check(rules, run)]
