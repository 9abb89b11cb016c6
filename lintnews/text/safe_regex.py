"""A newsroom's own regular expressions, compiled and run on a time budget.

Rule files are data and run no code, but a regular expression can still hang
a program: a pattern such as `(a|a)+$` backtracks exponentially on a line of
`a`s without a match at its end. Every user pattern is therefore

- compiled with `compile_user_pattern`, which turns a syntax error into a
  `RuleFileError` naming the rule file, the line of the pattern and the reason;
- run with `UserPattern.finditer`, which gives the regex module a `timeout`
  (the budget, per pattern and per document: `BASE_SECONDS` plus
  `SECONDS_PER_MB` for each megabyte of text). When the budget runs out the
  scan stops, the findings made so far stay, and a `LN002 rule-timeout`
  finding at the top of the document names the rule, its file and line, and
  the pattern, so the rule can be fixed; every other rule runs as usual.

The regex module defuses some classic cases itself (`(a+)+$` returns at
once); `(a|a)+$` and `(a|aa)+$` it does not.
"""
from __future__ import annotations

import regex

from dataclasses import dataclass
from lintnews.finding import Severity
from lintnews.engine.registry import Example, Rule
from lintnews.engine.rulefiles import BUILTIN_RULES, RuleEntry

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Iterator

BASE_SECONDS = 1.0
SECONDS_PER_MB = 1.0

RULE_TIMEOUT = Rule(
    code="LN002",
    name="rule-timeout",
    category="meta",
    severity=Severity.WARNING,
    summary="A rule's regular expression ran out of time on this text; its findings here are incomplete.",
    doc=(
        "A pattern in a rule file backtracked for longer than its budget (one second,\n"
        "plus one per megabyte of text) and was stopped, so that the linter never\n"
        "hangs. The message names the rule, its file and line, and the pattern.\n"
        "Nested repetition of things that can match the same text, such as\n"
        "`(a|a)+$` or `(\\w+\\s?)+$`, is the usual cause: rewrite the pattern so that\n"
        "each piece of text can be matched in only one way.\n\n"
        "The examples below run with the rule folder rules/examples/rule-timeout,\n"
        "whose pattern is ^(a|a)+$."
    ),
    origin="lintnews/text/safe_regex.py",
    examples=(
        Example("a" * 40 + "b\n", ("LN002",),
                config=(("rules", (str(BUILTIN_RULES / "examples" / "rule-timeout"),)),), spans=((0, 0),),
                fixed=False),
        Example("Kyiv.\n", (),
                config=(("rules", (str(BUILTIN_RULES / "examples" / "rule-timeout"),)),)),
    ),
)


class RuleTimeout(Exception):
    """A user pattern ran out of its budget on one document."""

    def __init__(self, pattern: "UserPattern", budget: float) -> None:
        super().__init__(f"rule {pattern.entry.rule.code}: pattern {pattern.source!r} timed out")
        self.pattern, self.budget = pattern, budget

    def finding(self, doc):
        """The LN002 finding that reports this, at the top of `doc`."""
        entry = self.pattern.entry
        rule = entry.rule
        message = (
            f"Rule {rule.code} ({rule.name}) from {entry.path}:{entry.line_of(self.pattern.source)} "
            f"was stopped after {self.budget:.1f} s on this text: its pattern "
            f"{self.pattern.source!r} backtracks too much, so its findings here are incomplete. "
            "Rewrite the pattern so that text can match it in only one way (avoid nested "
            "repetition such as (a|a)+)."
        )
        return doc.finding(RULE_TIMEOUT, 0, 0, message, original=True)


@dataclass(frozen=True)
class UserPattern:
    """A compiled user pattern and the rule it belongs to."""

    pattern: "regex.Pattern"
    source: str
    entry: RuleEntry

    def finditer(self, text: str) -> Iterator["regex.Match"]:
        """The matches in `text`; RuleTimeout when the budget runs out."""
        budget = budget_for(len(text))
        try:
            yield from self.pattern.finditer(text, timeout=budget)
        except TimeoutError:
            raise RuleTimeout(self, budget) from None


def budget_for(length: int) -> float:
    return BASE_SECONDS + SECONDS_PER_MB * length / 1_000_000


def compile_user_pattern(entry: RuleEntry, source: str, flags: int = 0) -> UserPattern:
    """Compile `source` of rule `entry`; a bad pattern is a RuleFileError at its line."""
    try:
        compiled = regex.compile(source, flags)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        raise entry.error(f"invalid pattern {source!r}: {exc}", value=source) from None
    return UserPattern(compiled, source, entry)
