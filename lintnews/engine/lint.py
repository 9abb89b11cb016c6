"""The engine: run the selected checks on a Document and return clean findings.

Clean means: severity overrides applied, findings inside an `allow` phrase,
under a suppression comment or a per-file ignore dropped, duplicates removed,
and the rest sorted by position. Rule data is loaded and compiled once per
process and per set of rule folders (`build_rules`), never per document.
"""
from __future__ import annotations

import regex

from functools import lru_cache
from itertools import chain
from pathlib import Path

from dataclasses import dataclass, field
from lintnews.config import Config, code_selected
from lintnews.document import Document
from lintnews.finding import Finding, Severity
from lintnews.engine.findingset import Collector, FindingSet
from lintnews.model import Check, Rule
from lintnews.engine.overlap import fold
from lintnews.engine.rulefiles import RuleSet, load_rules_cached

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Iterable


@dataclass(frozen=True)
class Rules:
    """The compiled rules of one set of rule folders: every check, every rule."""

    ruleset: RuleSet
    checks: tuple[Check, ...]
    by_code: dict[str, Rule]

    def sorted_rules(self) -> list[Rule]:
        return sorted(self.by_code.values(), key=lambda r: r.code)

    def profiles(self) -> set[str]:
        names = {"default"}
        for _path, table in self.ruleset.table("profile"):
            names.update(table)
        return names


_PYTHON_CHECKS: list[Check] | None = None


def python_checks() -> list[Check]:
    """Every check written in code under `lintnews.families`, discovered once,
    in module-name order.

    A module of a family that exports `CHECKS` (a list of Checks) is found:
    adding a check is adding a module to a family's folder.
    """
    global _PYTHON_CHECKS
    if _PYTHON_CHECKS is None:
        import importlib
        import pkgutil

        from lintnews import families

        found: list[Check] = []
        modules = sorted(info.name for info in pkgutil.walk_packages(families.__path__, families.__name__ + "."))
        for name in modules:
            module = importlib.import_module(name)
            for item in getattr(module, "CHECKS", ()):
                for rule in item.rules:
                    if not rule.origin:
                        object.__setattr__(rule, "origin", name.replace(".", "/") + ".py")
                found.append(item)
        _PYTHON_CHECKS = found
    return _PYTHON_CHECKS


@lru_cache(maxsize=16)
def build_rules(folders: tuple[Path, ...] = ()) -> Rules:
    """Load the built-in rules plus `folders`, and compile every check once."""
    from lintnews.kinds import build_checks

    ruleset = load_rules_cached(folders)
    checks = tuple(python_checks()) + tuple(build_checks(ruleset))
    by_code: dict[str, Rule] = {}
    for item in checks:
        for rule in item.rules:
            by_code[rule.code] = rule
    return Rules(ruleset, checks, by_code)


@dataclass
class Context:
    """What a check may consult while it runs: the configuration and the rules."""

    config: Config
    rules: Rules
    _enabled: dict[str, bool] = field(default_factory=dict)
    _checks: list[Check] | None = None

    def enabled(self, code: str) -> bool:
        known = self._enabled.get(code)
        if known is None:
            known = self._enabled[code] = code_selected(code, self.config)
        return known

    def any_enabled(self, check: Check) -> bool:
        return any(self.enabled(code) for code in check.codes)

    def enabled_checks(self) -> list[Check]:
        """The checks with at least one enabled rule, in order (found once per context)."""
        if self._checks is None:
            self._checks = [item for item in self.rules.checks if self.any_enabled(item)]
        return self._checks

    @property
    def style(self) -> str:
        return self.config.style

    @property
    def ruleset(self) -> RuleSet:
        return self.rules.ruleset


def context_for(config: Config) -> Context:
    rules = build_rules(config.rule_folders())
    if config.style not in rules.profiles():
        from lintnews.config import ConfigError

        known = ", ".join(sorted(rules.profiles()))
        where = config.source or "configuration"
        raise ConfigError(f"{where}: unknown style '{config.style}' (known styles: {known})")
    _check_codes(config, rules)
    return Context(config, rules)


def _check_codes(config: Config, rules: Rules) -> None:
    """A code or prefix that names no rule is a typo that would silently select
    (or ignore) nothing: say so, naming where it came from."""
    from lintnews.config import ConfigError

    named = [*config.select, *config.extend_select, *config.ignore, *config.severity_overrides(),
             *(c for _glob, codes in config.per_file_ignores for c in codes)]
    for prefix in named:
        if not any(code.startswith(prefix) for code in rules.by_code):
            where = f"the flags or {config.source}" if config.source else "the flags"
            raise ConfigError(f"'{prefix}' (from {where}) is not a rule code or prefix: "
                              "see `lintnews rules`")


# One problem, one finding (lintnews.engine.overlap) compares findings with each other,
# so it needs them as objects; a file with more findings than this (no article
# has: a 10 MB line of 2 million `kyiv` has 4 million) is reported unfolded
# and stays within memory.
FOLD_LIMIT = 100_000


def lint_document(doc: Document, ctx: Context) -> list[Finding]:
    """Every finding of the enabled rules in `doc`, filtered and sorted."""
    return list(findings_of(doc, ctx))


def findings_of(doc: Document, ctx: Context) -> FindingSet:
    """`lint_document`'s findings as a compact FindingSet (`lintnews.engine.findingset`):
    what the runner keeps, so that a file with millions of findings fits in memory."""
    collector = Collector(doc.text, doc.lines.starts)
    enabled = ctx.enabled
    for item in ctx.enabled_checks():
        results = iter(item.run(doc, ctx))
        first = next(results, None)  # most checks find nothing in most texts
        if first is not None:
            collector.add_all(chain((first,), results), enabled)
    if not len(collector):
        return collector.finish(None, _no_override)
    found = collector.finish(_keep(doc, ctx), _overrides(ctx.config.severity_overrides()))
    if len(found) > FOLD_LIMIT:
        return found
    items = list(found)
    folded = fold(doc, items)  # one problem, one finding; no safe fix in quoted speech
    if len(folded) == len(items) and all(a is b for a, b in zip(folded, items)):
        return found
    refolded = Collector(doc.text, doc.lines.starts)
    refolded.add_all(folded, _any_rule)
    return refolded.finish(None, _no_override)


def _any_rule(_rule: str) -> bool:
    return True


def _keep(doc: Document, ctx: Context):
    """The test a finding at original [start, end) of `rule` must pass to be reported
    (None: every finding passes): per-file ignores, `allow` phrases, suppression comments."""
    from lintnews.engine.suppression import Suppressions

    ignored = ctx.config.ignores_for(doc.path)
    allowed = _allowed_spans(doc.text, ctx.config.allow)
    suppressions = Suppressions.of(doc)
    if not (ignored or allowed or suppressions):
        return None
    ignored_rule: dict[str, bool] = {}

    def keep(start: int, end: int, rule: str) -> bool:
        if ignored:
            drop = ignored_rule.get(rule)
            if drop is None:
                drop = ignored_rule[rule] = any(rule.startswith(c) for c in ignored)
            if drop:
                return False
        if allowed and any(s < end and start < e for s, e in allowed):
            return False
        if suppressions and suppressions.covers(start, end, rule):
            return False
        return True

    return keep


def _no_override(_rule: str) -> None:
    return None


def _overrides(overrides: dict[str, Severity]):
    if not overrides:
        return _no_override
    known: dict[str, Severity | None] = {}

    def severity_of(rule: str) -> Severity | None:
        if rule not in known:
            known[rule] = _override(rule, overrides)
        return known[rule]

    return severity_of


def _override(code: str, overrides: dict[str, Severity]) -> Severity | None:
    best = None
    for prefix, severity in overrides.items():
        if code.startswith(prefix) and (best is None or len(prefix) > len(best[0])):
            best = (prefix, severity)
    return best[1] if best else None


@lru_cache(maxsize=64)
def _allow_pattern(phrases: tuple[str, ...]) -> "regex.Pattern":
    return regex.compile(r"(?<!\w)\L<phrases>(?!\w)", phrases=list(phrases))


def _allowed_spans(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    if not phrases:
        return []
    return [m.span() for m in _allow_pattern(phrases).finditer(text)]


def fails(findings: Iterable[Finding], level: Severity) -> bool:
    return any(f.severity >= level for f in findings)
