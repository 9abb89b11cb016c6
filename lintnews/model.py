"""What a rule, a rule example and a check are: plain records.

Every other module may import these, and this module imports only
`record` (which imports no module that imports it back), so the records
can never take part in an import circle.
`registry` adds the `@check` decorator; `engine` finds the checks.
"""
from __future__ import annotations

from collections import abc

from dataclasses import dataclass, field

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Any

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
    """The stable, documented unit a user selects, ignores and looks up.

    `severity` is a `finding.Severity` (not imported here: see the module
    docstring).
    """

    code: str
    name: str
    category: str
    severity: Any
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


#: `fn(doc, ctx)`: a `document.Document` and an `engine.Context`, yielding Findings.
#: (From `collections.abc`, which is loaded anyway: `typing` is not, at run time.)
CheckFunction = abc.Callable[..., abc.Iterable]


@dataclass(frozen=True)
class Check:
    """Code that reports the findings of `rules` in a Document."""

    rules: tuple[Rule, ...]
    run: CheckFunction = field(compare=False)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.rules)
