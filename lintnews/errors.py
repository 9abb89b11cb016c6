"""The error a broken rule file raises: importing nothing, so any module may raise it.

`lintnews.engine.rulefiles` re-exports it; the modules that build per-rule-set data
(`lintnews.engine.ruledata`) import it from here, so that `rules` can reach them
without an import circle.
"""
from __future__ import annotations

from pathlib import Path


class RuleFileError(Exception):
    """A rule file that cannot be used; str() is `file:line: reason`."""

    def __init__(self, path: Path | str, line: int | None, reason: str) -> None:
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {reason}")
