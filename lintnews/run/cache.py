"""A cache of findings keyed by file content, rule-set version and configuration.

An unchanged repository re-checks almost instantly: a file whose bytes, path,
configuration and rules are all unchanged gets its findings back from
`.lintnews_cache/` without building a Document or compiling a rule.

The *rule-set version* is a hash of lintnews's version, the source of the
package (checks are code) and every rule file of the rule folders in use, so
editing a rule or upgrading lintnews invalidates the old entries; they live in
a folder per version (`rm -rf .lintnews_cache` clears them all). An entry is
one small JSON file, written atomically (temporary file and rename), so
parallel workers never read half an entry. The cache folder
holds a `.gitignore` of `*`, so it never shows up in `git status`.

A cache that cannot be written (read-only folder, full disk) is silently
skipped: caching must never make a run fail.

On a shared machine nobody else may decide what a run reports
(`lintnews.run.private`): the folders are created `0700`, a folder that
another user owns or can write to is not used (the command line says so),
an entry is read only from a regular file of this user's, never through a
link or from a FIFO, it carries its own key (an entry renamed to another key
is a miss), and every finding read back must lie inside the text.
"""
from __future__ import annotations

import os
from pathlib import Path

from lintnews.finding import Finding
from lintnews.engine.rulefiles import ruleset_version
from lintnews.run.tablecache import sha256

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from lintnews.config import Config

CACHE_DIR_NAME = ".lintnews_cache"
#: A file with more findings than this is not cached: its entry would be larger
#: than linting it again is slow, and reading it back would hold every finding.
MAX_ENTRY = 100_000


def default_cache_dir() -> Path:
    """`$LINTNEWS_CACHE_DIR`, or `.lintnews_cache` in the current folder."""
    env = os.environ.get("LINTNEWS_CACHE_DIR")
    return Path(env) if env else Path.cwd() / CACHE_DIR_NAME


class Cache:
    """Findings stored by key under `folder/<rule-set version>/`."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0
        self._ready: set[str] = set()
        self._broken = False
        self._usable: bool | None = None

    def key(self, data: bytes, path: str, config: "Config", encoding: str | None) -> tuple[str, str]:
        """(rule-set version, entry key) for a file's bytes under a configuration."""
        version = ruleset_version(config.rule_folders())
        digest = sha256(data)
        digest.update(f"\0{path}\0{encoding}\0{config!r}".encode("utf-8", "surrogateescape"))
        return version, digest.hexdigest()

    def usable(self) -> bool:
        """Whether the folder is safe to use (`private.folder_problem`), checked once."""
        if self._usable is None:
            from lintnews.run.private import folder_problem

            try:
                self._usable = folder_problem(self.folder) is None
            except OSError:
                self._usable = False
        return self._usable

    def get(self, key: tuple[str, str], text: str | None = None) -> list[Finding] | None:
        """The findings stored under `key`; None when absent or not valid for `text`."""
        import json

        from lintnews.run.private import read_private

        version, name = key
        data = read_private(self.folder / version / name[:2] / f"{name}.json") if self.usable() else None
        try:
            if data is None:
                raise ValueError("no entry")
            entry = json.loads(data)
            if not isinstance(entry, dict) or entry.get("key") != name:
                raise ValueError("an entry of another key")
            findings = [Finding.from_dict(d) for d in entry["findings"]]
            if text is not None and not all(_inside(f, len(text)) for f in findings):
                raise ValueError("a finding outside the text")
        except (ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return findings

    def put(self, key: tuple[str, str], findings: list[Finding]) -> None:
        if self._broken or len(findings) > MAX_ENTRY or not self.usable():
            return
        import json

        from lintnews.engine.atomic import atomic_write

        version, name = key
        try:
            folder = self._prepare(version) / name[:2]
            folder.mkdir(mode=0o700, exist_ok=True)
            data = json.dumps({"key": name, "findings": [f.to_dict() for f in findings]},
                              ensure_ascii=False).encode("utf-8", "surrogatepass")
            atomic_write(folder / f"{name}.json", data, None)
        except Exception:  # noqa: BLE001 - a cache that cannot be written is no cache
            self._broken = True

    def _prepare(self, version: str) -> Path:
        from lintnews.run.private import create_private

        target = self.folder / version
        if version in self._ready:
            return target
        if not target.is_dir():
            create_private(self.folder / ".gitignore",
                           b"# Created by lintnews: the cache is never committed.\n*\n")
            target.mkdir(mode=0o700, exist_ok=True)
        self._ready.add(version)
        return target


def _inside(finding: Finding, length: int) -> bool:
    """Whether a finding read back has plain values and spans inside a text of `length`."""
    ints = (finding.offset, finding.end_offset, finding.line, finding.column, finding.end_line,
            finding.end_column)
    if not all(type(n) is int for n in ints) or not 0 <= finding.offset <= finding.end_offset <= length:
        return False
    if not all(isinstance(v, str) for v in (finding.rule, finding.name, finding.category,
                                            finding.excerpt, finding.message)):
        return False
    return all(type(e.offset) is int and type(e.end_offset) is int and isinstance(e.replacement, str)
               and 0 <= e.offset <= e.end_offset <= length for fix in finding.fixes for e in fix.edits)
