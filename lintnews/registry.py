"""The rule registry: what a rule is, what a check is, and where they all live.

A *rule* is the stable, documented unit a user selects, ignores and looks up
(`LN201 lowercase-proper-noun`). A *check* is the code that finds the problems
of one or more rules in a Document. Checks written in Python live in
`lintnews/checks/` (one module per family, each exporting `CHECKS`); checks
driven by data are built by a *rule kind* (`lintnews/kinds/`) from the TOML
files in `rules/` and in a newsroom's own rule folders.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

from .finding import Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document
    from .engine import Context

CATEGORIES = (
    "meta",
    "mixed-script",
    "untranslated",
    "capitalization",
    "transliteration",
    "boilerplate",
    "quotes",
    "encoding",
    "spacing",
    "duplication",
    "translation",
    "style",
)


@dataclass(frozen=True)
class Example:
    """A text a rule must fire on (`expect` lists codes) or stay silent on (empty)."""

    text: str
    expect: tuple[str, ...] = ()
    filename: str = "example.txt"
    config: tuple[tuple[str, object], ...] = ()

    @property
    def fires(self) -> bool:
        return bool(self.expect)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    doc: str = ""
    examples: tuple[Example, ...] = ()
    fixable: bool = False
    origin: str = ""

    def describe(self) -> str:
        """The full documentation `lintnews rule CODE` prints."""
        lines = [
            f"{self.code} {self.name}",
            "",
            f"Category: {self.category}    Default severity: {self.severity}    "
            f"Fixable: {'yes' if self.fixable else 'no'}",
            f"Defined in: {self.origin}" if self.origin else "",
            "",
            self.summary,
        ]
        if self.doc.strip():
            lines += ["", self.doc.strip()]
        fire = [e for e in self.examples if e.fires]
        quiet = [e for e in self.examples if not e.fires]
        if fire:
            lines += ["", "Fires on:"] + [f"    {e.text.strip()}" for e in fire]
        if quiet:
            lines += ["", "Stays silent on:"] + [f"    {e.text.strip()}" for e in quiet]
        return "\n".join(line for line in lines if line is not None).replace("\n\n\n", "\n\n")


CheckFunction = Callable[["Document", "Context"], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """Code that reports the findings of `rules` in a Document."""

    rules: tuple[Rule, ...]
    run: CheckFunction = field(compare=False)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.rules)


def check(*rules: Rule) -> Callable[[CheckFunction], Check]:
    """Decorator: `@check(RULE_A, RULE_B)` over `def fn(doc, ctx)` makes a Check."""

    def wrap(fn: CheckFunction) -> Check:
        return Check(tuple(rules), fn)

    return wrap


_PYTHON_CHECKS: list[Check] | None = None


def python_checks() -> list[Check]:
    """Every check in `lintnews.checks`, discovered once, in module-name order."""
    global _PYTHON_CHECKS
    if _PYTHON_CHECKS is None:
        from . import checks

        found: list[Check] = []
        for info in sorted(pkgutil.iter_modules(checks.__path__), key=lambda m: m.name):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{checks.__name__}.{info.name}")
            for item in getattr(module, "CHECKS", ()):
                for rule in item.rules:
                    if not rule.origin:
                        object.__setattr__(rule, "origin", f"lintnews/checks/{info.name}.py")
                found.append(item)
        _PYTHON_CHECKS = found
    return _PYTHON_CHECKS
