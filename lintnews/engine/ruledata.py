"""Per-rule-set data: what the checks derive from a rule set's tables, declared in one place.

A RuleSet carries one `RuleData` (`ruleset.data`, made on first use and kept
as long as the rule set is: `engine.build_rules` keeps one per set of rule
folders). Each attribute is one piece of derived data, with its type, built
by its owner's function the first time a check asks for it: a short clean
article needs few of them, so none is built before it is needed.
"""
from __future__ import annotations

from functools import cached_property

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from lintnews.families.spacing.checks import SpacingData
    from lintnews.text.langid import Evidence
    from lintnews.families.names.compact import CompactTable
    from lintnews.families.names.entities import NameTable
    from lintnews.families.names.profiles import Profile


class RuleData:
    """The typed, lazily built data of one rule set."""

    def __init__(self, ruleset) -> None:
        self.ruleset = ruleset  # a `rules.RuleSet` (not imported: `rules` makes this object)

    @cached_property
    def entities(self) -> "NameTable | CompactTable":
        """Every name of the `[[entity]]` tables and the gazetteer (the table cache's copy if stored)."""
        from lintnews.families.names.entities import load_table

        return load_table(self.ruleset)

    @cached_property
    def profiles(self) -> "dict[str, Profile]":
        """House-style profiles by name (`[profile.NAME]`), merged over the rule folders."""
        from lintnews.families.names.profiles import build_profiles

        return build_profiles(self.ruleset)

    @cached_property
    def conventions(self) -> dict[str, dict[str, str]]:
        """Profile name -> {convention: value} (`[convention.PROFILE]`)."""
        from lintnews.families.quotes.conventions import build_conventions

        return build_conventions(self.ruleset)

    @cached_property
    def spacing(self) -> "SpacingData":
        """The `[spacing]` lists as sets and compiled patterns."""
        from lintnews.families.spacing.checks import build_spacing_data

        return build_spacing_data(self.ruleset)

    @cached_property
    def confusables(self) -> dict[str, dict[str, str]]:
        """Script -> {look-alike letter of another script: letter of this script} (`[confusables]`)."""
        from lintnews.families.script.checks import build_confusables

        return build_confusables(self.ruleset)

    @cached_property
    def language_evidence(self) -> "Evidence":
        """The cheap language evidence of the `language` and `borrowed-phrases` tables."""
        from lintnews.text.langid import build_evidence

        return build_evidence(self.ruleset)

    @cached_property
    def foreign_words_are_latin(self) -> bool:
        """Whether every foreign function word is Latin letters only (LN103's sentence gate is sound)."""
        from lintnews.families.untranslated.checks import foreign_words_are_latin

        return foreign_words_are_latin(self.language_evidence)

    @cached_property
    def dateline_places(self) -> dict[str, str]:
        """`[dateline-places]`: a Spanish or Russian form, lowercased -> English."""
        from lintnews.families.translation.checks import build_dateline_places

        return build_dateline_places(self.ruleset)
