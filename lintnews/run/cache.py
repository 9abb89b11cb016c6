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

    def key(self, data: bytes, path: str, config: "Config", encoding: str | None) -> tuple[str, str]:
        """(rule-set version, entry key) for a file's bytes under a configuration."""
        version = ruleset_version(config.rule_folders())
        digest = sha256(data)
        digest.update(f"\0{path}\0{encoding}\0{config!r}".encode("utf-8", "surrogateescape"))
        return version, digest.hexdigest()

    def get(self, key: tuple[str, str]) -> list[Finding] | None:
        import json

        version, name = key
        try:
            with open(self.folder / version / name[:2] / f"{name}.json", encoding="utf-8") as fh:
                findings = [Finding.from_dict(d) for d in json.load(fh)]
        except (OSError, ValueError, KeyError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return findings

    def put(self, key: tuple[str, str], findings: list[Finding]) -> None:
        if self._broken or len(findings) > MAX_ENTRY:
            return
        import json
        import tempfile

        version, name = key
        try:
            folder = self._prepare(version) / name[:2]
            folder.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump([f.to_dict() for f in findings], fh, ensure_ascii=False)
            os.replace(tmp, folder / f"{name}.json")
        except OSError:
            self._broken = True

    def _prepare(self, version: str) -> Path:
        target = self.folder / version
        if version in self._ready:
            return target
        if not target.is_dir():
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Created by lintnews: the cache is never committed.\n*\n", encoding="utf-8")
            target.mkdir(exist_ok=True)
        self._ready.add(version)
        return target
