"""Rule kinds: turn `[[rule]]` tables of one kind into compiled Checks.

All rules of a kind are compiled together, so that a document is scanned once
per kind, not once per rule or per term. A kind is a function
`build(entries, ruleset) -> list[Check]`.

This module is the one registry of kinds. The built-in kinds are listed in
`BUILTIN` by the module that defines them (its `build`), and imported only
when a rule set uses them, so `build_checks(load_rules(...))` works without
importing anything first. A newsroom's plug-in registers its own with the
decorator:

    from lintnews.kinds import kind

    @kind("house-terms")
    def build(entries, ruleset):
        ...
"""
from __future__ import annotations

import importlib

from lintnews.model import Check
from lintnews.engine.rulefiles import RuleFileError, RuleSet

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Callable

#: kind name -> module (relative to this package, or absolute) whose `build` it is
BUILTIN = {
    "substitution": "substitution",
    "capitalization": "capitalization",
    "existence": "existence",
    "boilerplate": "lintnews.families.boilerplate.phrases",
    "names": "lintnews.families.names.kind",
}

#: Other names of a kind: its rules are built with the kind's own, and its
#: `build` reads `entry.kind` for the defaults the other name stands for.
ALIASES = {
    "mistranslation": "substitution",  # LN804-LN807's former kind: substitution with their defaults
}

#: kinds that no longer exist -> what a rule file writes instead
REMOVED = {
    "consistency": "several forms of one name are an [[entity]] with its accepted 'forms', "
                   "which LN204 (inconsistent-name-forms) reports",
}

if TYPE_CHECKING:
    Builder = Callable[[list, RuleSet], list[Check]]
_REGISTERED: dict[str, Builder] = {}


def kind(name: str) -> Callable[[Builder], Builder]:
    """Decorator: register `build(entries, ruleset)` as the kind `name`."""

    def wrap(build: Builder) -> Builder:
        _REGISTERED[name] = build
        return build

    return wrap


def register_kind(name: str, module: str) -> None:
    """Register the `build` of `module` (relative to this package, or absolute) as `name`."""
    BUILTIN[name] = module


def known_kinds() -> list[str]:
    return sorted({*BUILTIN, *_REGISTERED})


def builder(name: str) -> Builder | None:
    """The build function of kind `name`, importing its module on first use."""
    found = _REGISTERED.get(name)
    if found is None and name in BUILTIN:
        module_name = BUILTIN[name]
        if "." not in module_name:
            module_name = f"{__name__}.{module_name}"
        found = _REGISTERED[name] = importlib.import_module(module_name).build
    return found


def build_checks(ruleset: RuleSet) -> list[Check]:
    by_kind: dict[str, list] = {}
    for name, entries in ruleset.by_kind().items():
        by_kind.setdefault(ALIASES.get(name, name), []).extend(entries)
    checks: list[Check] = []
    for name, entries in by_kind.items():
        build = builder(name)
        if build is None:
            entry = entries[0]
            if name in REMOVED:
                raise RuleFileError(entry.path, entry.line,
                                    f"rule {entry.rule.code}: kind '{name}' was removed: {REMOVED[name]}")
            raise RuleFileError(
                entry.path, entry.line,
                f"rule {entry.rule.code}: unknown kind '{name}' (one of: {', '.join(known_kinds())})",
            )
        checks.extend(build(entries, ruleset))
    return checks
