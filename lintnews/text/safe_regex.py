"""A newsroom's own regular expressions, compiled and run on a time budget.

Rule files are data and run no code, but a regular expression can still hang
a program: a pattern such as `(a|a)+$` backtracks exponentially on a line of
`a`s without a match at its end. Every user pattern is therefore

- compiled with `compile_user_pattern`, which turns a syntax error into a
  `RuleFileError` naming the rule file, the line of the pattern and the reason;
- run with `UserPattern.finditer`, which gives the regex module a `timeout`
  taken from one budget per document shared by all user patterns
  (`Deadline`: `BASE_SECONDS` plus `SECONDS_PER_MB` for each megabyte of
  text), so thirty slow patterns cost one budget, not thirty. When the budget
  runs out the scan stops, the findings made so far stay, the patterns not
  yet run are skipped, and one `LN002 rule-timeout` finding at the top of the
  document (`timeout_finding`) names every rule stopped or skipped, with its
  file, line and pattern, so the rules can be fixed; built-in rules run as usual.

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
        "A pattern in a rule file backtracked for longer than the budget (one second,\n"
        "plus one per megabyte of text, shared by all the patterns of rule files on\n"
        "one document) and was stopped, so that the linter never hangs; patterns\n"
        "left when the budget is spent are not run. The message names every rule\n"
        "stopped or skipped, its file and line, and the pattern.\n"
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
    messages={
        "default": "The rule patterns of rule files ran out of their {budget:.1f} s budget on this text, so their findings here are incomplete: {patterns}. Rewrite a slow pattern so that text can match it in only one way (avoid nested repetition such as (a|a)+).",
        "more": "The rule patterns of rule files ran out of their {budget:.1f} s budget on this text, so their findings here are incomplete: {patterns}; and {more} more. Rewrite a slow pattern so that text can match it in only one way (avoid nested repetition such as (a|a)+).",
    },
)


class RuleTimeout(Exception):
    """A user pattern ran out of the document's budget (`ran`: it was stopped, not skipped)."""

    def __init__(self, pattern: "UserPattern", budget: float, ran: bool = True) -> None:
        super().__init__(f"rule {pattern.entry.rule.code}: pattern {pattern.source!r} timed out")
        self.pattern, self.budget, self.ran = pattern, budget, ran

    def finding(self, doc):
        """The LN002 finding that reports this one timeout, at the top of `doc`."""
        return timeout_finding(doc, [self])

    def describe(self) -> str:
        entry = self.pattern.entry
        where = f"{entry.path}:{entry.line_of(self.pattern.source)}"
        source = self.pattern.source if len(self.pattern.source) <= 80 else self.pattern.source[:77] + "..."
        verb = "was stopped" if self.ran else "was not run (no time left)"
        return f"rule {entry.rule.code} ({entry.rule.name}) from {where}, pattern {source!r}, {verb}"


#: At most this many timeouts are named one by one in the LN002 message.
MAX_NAMED = 20


def timeout_finding(doc, timeouts: list[RuleTimeout]):
    """One LN002 finding, at the top of `doc`, naming every pattern that ran out of time."""
    budget = timeouts[0].budget
    named = "; ".join(t.describe() for t in timeouts[:MAX_NAMED])
    if len(timeouts) > MAX_NAMED:
        return doc.finding(RULE_TIMEOUT, 0, 0, {"budget": budget, "patterns": named, "more": len(timeouts) - MAX_NAMED},
                           original=True, template="more")
    return doc.finding(RULE_TIMEOUT, 0, 0, {"budget": budget, "patterns": named}, original=True)


class Deadline:
    """One time budget for every user pattern run on one document."""

    def __init__(self, length: int) -> None:
        import time

        self.budget = budget_for(length)
        self.ends = time.monotonic() + self.budget

    def left(self) -> float:
        import time

        return self.ends - time.monotonic()


def deadline_of(doc) -> Deadline:
    """The document's shared budget, started when its first user pattern runs."""
    return doc.memo("user-pattern-deadline", lambda d: Deadline(len(d.prose)))


@dataclass(frozen=True)
class UserPattern:
    """A compiled user pattern and the rule it belongs to."""

    pattern: "regex.Pattern"
    source: str
    entry: RuleEntry

    def finditer(self, text: str, deadline: Deadline | None = None) -> Iterator["regex.Match"]:
        """The matches in `text`; RuleTimeout when the budget (`deadline`, shared
        by a document's patterns; a fresh one if None) runs out."""
        deadline = deadline or Deadline(len(text))
        left = deadline.left()
        if left <= 0:
            raise RuleTimeout(self, deadline.budget, ran=False)
        try:
            yield from self.pattern.finditer(text, timeout=left)
        except TimeoutError:
            raise RuleTimeout(self, deadline.budget) from None


def budget_for(length: int) -> float:
    return BASE_SECONDS + SECONDS_PER_MB * length / 1_000_000


def compile_user_pattern(entry: RuleEntry, source: str, flags: int = 0) -> UserPattern:
    """Compile `source` of rule `entry`; a bad pattern is a RuleFileError at its line."""
    try:
        compiled = regex.compile(source, flags)
    except (regex.error, OverflowError, RecursionError, ValueError) as exc:
        raise entry.error(f"invalid pattern {source!r}: {exc}", value=source) from None
    return UserPattern(compiled, source, entry)
