"""Existence: a phrase or pattern that is always a finding where it appears.

    [[rule]]
    kind = "existence"
    tokens = ["(spelling and punctuation preserved)"]   # literal, any case
    patterns = ['^You may be interested in:.*$']        # regular expressions
    scope = "text"        # or "line": the match must be a whole line of prose
    remove = true         # suggest removing the match (an unsafe fix)
    message = "..."       # may use {found}

Tokens of every existence rule compile into one pattern; patterns compile
once each, with the regex module's regex.MULTILINE and regex.IGNORECASE flags, and run on
a time budget (`lintnews.text.safe_regex`): a pattern that backtracks without end
is stopped and reported as LN002, naming its rule file and line.
"""
from __future__ import annotations

import regex


from lintnews.engine.registry import Check
from lintnews.text.safe_regex import RuleTimeout, compile_user_pattern, deadline_of, timeout_finding
from lintnews.kinds.common import starts_word, string_list, templated, term_pattern

DEFAULT_MESSAGE = "“{found}” should not be here."


def build(entries, ruleset):
    token_owner: dict[str, object] = {}
    patterns: list[tuple] = []
    entries = [templated(e, {"default": DEFAULT_MESSAGE}, found="x") for e in entries]
    for entry in entries:
        tokens = string_list(entry, "tokens", required=False)
        regexes = string_list(entry, "patterns", required=False)
        if not tokens and not regexes:
            raise entry.error("an existence rule needs 'tokens' or 'patterns'")
        if entry.data.get("scope", "text") not in ("text", "line"):
            raise entry.error("'scope' must be \"text\" or \"line\"")
        for token in tokens:
            token_owner[token.lower()] = entry
        for source in regexes:
            patterns.append((compile_user_pattern(entry, source, regex.MULTILINE | regex.IGNORECASE), entry))
    token_pattern = term_pattern(token_owner, ignore_case=True) if token_owner else None
    rules = tuple(e.rule for e in entries)

    def run(doc, ctx):
        prose = doc.prose
        if token_pattern is not None:
            for m in token_pattern.finditer(prose):
                if starts_word(prose, m.start()) or not prose[m.start()].isalnum():
                    entry = token_owner[m.group().lower()]
                    yield from _report(doc, ctx, entry, m.start(), m.end())
        timeouts = []
        for pattern, entry in patterns:
            if ctx.enabled(entry.rule.code):
                try:
                    for m in pattern.finditer(prose, deadline_of(doc)):
                        if m.end() > m.start():
                            yield from _report(doc, ctx, entry, m.start(), m.end())
                except RuleTimeout as timeout:
                    timeouts.append(timeout)
        if timeouts:  # one finding naming them all (several LN002 at one place would fold into one)
            yield timeout_finding(doc, timeouts)

    return [Check(rules, run)]


def _report(doc, ctx, entry, start, end):
    if not ctx.enabled(entry.rule.code):
        return
    prose = doc.prose
    if entry.data.get("scope") == "line":
        line_start = prose.rfind("\n", 0, start) + 1
        line_end = prose.find("\n", end)
        line_end = len(prose) if line_end == -1 else line_end
        if prose[line_start:start].strip() or prose[end:line_end].strip():
            return
    # the line break goes too, so removing a line leaves no blank line behind
    fixes = [doc.removal(start, end)] if entry.data.get("remove") else ()
    yield doc.finding(entry.rule, start, end, {"found": prose[start:end]}, fixes)
