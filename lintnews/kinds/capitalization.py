"""Capitalization: a proper noun written in lowercase (`kyiv`, `ukraine`).

    [[rule]]
    kind = "capitalization"
    terms = ["Kyiv", "Kharkiv"]
    exceptions = ["..."]   # phrases in which the lowercase word is right

A term matches in any case; only an all-lowercase occurrence is reported
(ALL CAPS headlines are fine). Words inside URLs, file names, e-mail
addresses, hashtags and handles are not names in the prose. Terms that are
also common English words (turkey, china, march) do not belong here.
"""
from __future__ import annotations

from ..registry import Check
from .common import (
    exception_pattern, format_message, in_exception, is_inside_token, starts_word,
    string_list, term_pattern,
)

DEFAULT_MESSAGE = "“{found}” is a proper noun: write “{expected}”."


def build(entries, ruleset):
    table: dict[str, tuple] = {}
    for entry in entries:
        exceptions = exception_pattern(entry)
        format_message(entry, DEFAULT_MESSAGE, found="x", expected="y")
        for term in string_list(entry, "terms"):
            key = term.lower()
            if key in table and table[key][0] is not entry:
                raise entry.error(f"the term '{term}' is also in rule {table[key][0].rule.code}")
            table[key] = (entry, term, exceptions)
    pattern = term_pattern(table, ignore_case=True)
    rules = tuple(e.rule for e in entries)

    def run(doc, ctx):
        prose = doc.prose
        for m in pattern.finditer(prose):
            found = m.group()
            if not found.islower():
                continue
            start, end = m.span()
            if not starts_word(prose, start) or is_inside_token(prose, start, end):
                continue
            entry, expected, exceptions = table[found]
            if not ctx.enabled(entry.rule.code) or in_exception(exceptions, prose, start, end):
                continue
            message = format_message(entry, DEFAULT_MESSAGE, found=found, expected=expected)
            yield doc.finding(entry.rule, start, end, message, [(expected, True)])

    return [Check(rules, run)]
