"""Consistency: one entity written in several accepted forms in one document.

    [[rule]]
    kind = "consistency"
    [[rule.group]]
    forms = ["Zelensky", "Zelenskyy", "Zelenskiy"]
    preferred = "Zelensky"     # optional; the profile's form wins, then this, then the majority

Forms match regardless of case (a lowercase `kyiv` is the form Kyiv written
badly, which the capitalization rule reports). Every occurrence of a form that
is not the document's preferred one is reported, naming the other form and how
often it appears. Unifying is an unsafe fix: it renames across the document.
"""
from __future__ import annotations

from collections import Counter

from lintnews.engine.registry import Check
from lintnews.kinds.common import format_message, is_inside_token, profile_form, starts_word, term_pattern

DEFAULT_MESSAGE = (
    "This text writes the name as “{found}” here and as “{preferred}” {count} "
    "time(s) elsewhere: use one form, “{preferred}”."
)


def build(entries, ruleset):
    form_of: dict[str, tuple] = {}
    for entry in entries:
        groups = entry.data.get("group")
        if not isinstance(groups, list) or not groups:
            raise entry.error("a consistency rule needs [[rule.group]] tables with 'forms'")
        format_message(entry, DEFAULT_MESSAGE, found="x", preferred="y", count="1")
        for index, group in enumerate(groups):
            forms = group.get("forms") if isinstance(group, dict) else None
            if not isinstance(forms, list) or len(forms) < 2 or not all(isinstance(f, str) for f in forms):
                raise entry.error(f"group {index + 1} needs 'forms', a list of two or more names")
            preferred = group.get("preferred")
            if preferred is not None and preferred not in forms:
                raise entry.error(f"group {index + 1}: preferred '{preferred}' is not one of its forms")
            for form in forms:
                form_of[form.lower()] = (entry, index, form, preferred)
    pattern = term_pattern(form_of, ignore_case=True)
    rules = tuple(e.rule for e in entries)

    def run(doc, ctx):
        prose = doc.prose
        seen: dict[tuple, list] = {}
        for m in pattern.finditer(prose):
            start, end = m.span()
            if not starts_word(prose, start) or is_inside_token(prose, start, end):
                continue
            entry, index, form, preferred = form_of[m.group().lower()]
            if ctx.enabled(entry.rule.code):
                seen.setdefault((entry.rule.code, index), []).append((start, end, form, entry, preferred))
        for occurrences in seen.values():
            counts = Counter(o[2] for o in occurrences)
            if len(counts) < 2:
                continue
            entry, group_preferred = occurrences[0][3], occurrences[0][4]
            target = _preferred(ctx, counts, group_preferred)
            for start, end, form, entry, _ in occurrences:
                if form == target:
                    continue
                message = format_message(
                    entry, DEFAULT_MESSAGE, found=prose[start:end], preferred=target,
                    count=str(counts[target]),
                )
                yield doc.finding(entry.rule, start, end, message, [(target, False)])

    return [Check(rules, run)]


def _preferred(ctx, counts: Counter, group_preferred: str | None) -> str:
    for form in counts:
        styled = profile_form(ctx.ruleset, ctx.style, form)
        if styled != form and styled in counts:
            return styled
    if group_preferred and group_preferred in counts and ctx.style != "default":
        return group_preferred
    best = max(counts.values())
    tied = sorted(f for f, n in counts.items() if n == best)
    if group_preferred in tied:
        return group_preferred
    return tied[0]
