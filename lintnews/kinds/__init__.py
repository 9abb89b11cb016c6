"""Rule kinds: turn `[[rule]]` tables of one kind into one compiled Check.

All rules of a kind are compiled together, so that a document is scanned once
per kind, not once per rule or per term. A kind module exposes
`build(entries, ruleset) -> list[Check]`; `KINDS` maps the `kind = "..."` value
of a rule file to its module.
"""
from __future__ import annotations

import importlib

from ..registry import Check
from ..rules import RuleFileError, RuleSet

KINDS = {
    "substitution": "substitution",
    "capitalization": "capitalization",
    "consistency": "consistency",
    "existence": "existence",
    "boilerplate": "lintnews.checks.boilerplate",
    "names": "names",
}


def register_kind(name: str, module: str) -> None:
    """Let a family module add a kind (module path relative to this package or absolute)."""
    KINDS[name] = module


def build_checks(ruleset: RuleSet) -> list[Check]:
    checks: list[Check] = []
    for kind, entries in ruleset.by_kind().items():
        module_name = KINDS.get(kind)
        if module_name is None:
            entry = entries[0]
            raise RuleFileError(
                entry.path, entry.line,
                f"rule {entry.rule.code}: unknown kind '{kind}' (one of: {', '.join(sorted(KINDS))})",
            )
        if "." not in module_name:
            module_name = f"{__name__}.{module_name}"
        module = importlib.import_module(module_name)
        checks.extend(module.build(entries, ruleset))
    return checks
