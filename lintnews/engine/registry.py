"""The rule registry: what a rule is, what a check is, and how a check is declared.

A *rule* is the stable, documented unit a user selects, ignores and looks up
(`LN201 lowercase-proper-noun`). A *check* is the code that finds the problems
of one or more rules in a Document. Checks written in Python live in
`lintnews/families/<family>/` (modules exporting `CHECKS`, found by
`engine.lint.python_checks`); checks driven by data are built by a *rule kind*
(`lintnews/kinds/`) from the TOML files in `rules/` and in a newsroom's own
rule folders. The records themselves live in `model`, which imports nothing.
"""
from __future__ import annotations

from lintnews.model import CATEGORIES, Check, CheckFunction, Example, Rule

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Callable

__all__ = ["CATEGORIES", "Check", "CheckFunction", "Example", "Rule", "check"]


def check(*rules: Rule) -> Callable[[CheckFunction], Check]:
    """Decorator: `@check(RULE_A, RULE_B)` over `def fn(doc, ctx)` makes a Check."""

    def wrap(fn: CheckFunction) -> Check:
        return Check(tuple(rules), fn)

    return wrap
