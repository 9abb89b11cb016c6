"""Linting one file end to end: read, decode, build the Document, run the checks.

`Runner` holds what a run shares between files (flags, configuration per
folder, a compiled context per configuration) and `Runner.process` turns one
target into a FileResult. The CLI maps it over targets (`lintnews.run.parallel`); a
Runner pickles as its constructor arguments, so each worker of a process pool
rebuilds its own from the same flags.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from dataclasses import dataclass
from lintnews.config import Config, ConfigError, load_config
from lintnews.run.gcpause import resume
from lintnews.engine.findingset import FindingSet
from lintnews.engine.results import FileResult
from lintnews.run.source import SourceError, decode, read_source

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Any


@dataclass(frozen=True)
class Target:
    """One thing to lint: a file, or standard input when `path` is None."""

    path: Path | None
    shown: str
    error: str | None = None


class Runner:
    """What one `check` run shares between files."""

    def __init__(self, overrides: dict[str, Any], config_file: Path | None = None,
                 encoding: str | None = None, keep_text: bool = False,
                 stdin_folder: Path | None = None, cache_dir: Path | None = None,
                 fix: str | None = None, unsafe_fixes: bool = False,
                 roots: tuple[str, ...] | None = None, fix_read_only: bool = False) -> None:
        self.args = (overrides, config_file, encoding, keep_text, stdin_folder, cache_dir,
                     fix, unsafe_fixes, roots, fix_read_only)
        self.overrides = overrides
        self.config_file = config_file
        if config_file is not None and not config_file.is_file():
            raise ConfigError(f"{config_file}: configuration file not found")
        self.encoding = encoding
        self.keep_text = keep_text
        self.stdin_folder = stdin_folder
        #: None (report only), "fix" (write fixes) or "diff" (show them).
        self.fix_mode = fix
        self.unsafe_fixes = unsafe_fixes
        self.fix_read_only = fix_read_only
        #: The real paths of the files and folders the user named (None: no limit).
        #: A file whose real path lies outside all of them (a symlink out of the
        #: tree) is neither read nor fixed.
        self.roots = None if roots is None else tuple(os.path.realpath(r) for r in roots)
        self._configs: dict[Path, Config] = {}  # by resolved folder
        self._folder_configs: dict[Path, Config] = {}  # by the folder as named
        self._real_folders: dict[str, str] = {}
        self._contexts: dict[Config, Any] = {}
        self.cache = None
        if cache_dir is not None:
            from lintnews.run.cache import Cache

            self.cache = Cache(cache_dir)

    def __reduce__(self):
        return (Runner, self.args)

    def config_for(self, folder: Path) -> Config:
        config = self._folder_configs.get(folder)
        if config is None:
            key = folder.resolve()
            config = self._configs.get(key)
            if config is None:
                config = self._configs[key] = load_config(key, self.overrides, self.config_file)
            self._folder_configs[folder] = config
        return config

    def context(self, config: Config):
        ctx = self._contexts.get(config)
        if ctx is None:
            from lintnews.engine.lint import context_for

            ctx = self._contexts[config] = context_for(config)
            resume()  # the rules are built: start-up is over (lintnews.run.gcpause)
        return ctx

    def lint_text(self, text: str, shown: str, folder: Path) -> FileResult:
        from lintnews.engine.lint import findings_of
        from lintnews.markup import make_document

        doc = make_document(text, shown)
        findings = findings_of(doc, self.context(self.config_for(folder)))
        return FileResult(shown, findings, None, text if self.keep_text else None)

    def process(self, target: Target) -> FileResult:
        """Lint one target; a read problem becomes the result's `error`."""
        if target.error is not None:
            return FileResult(target.shown, error=target.error)
        try:
            if target.path is None:
                source = decode(sys.stdin.buffer.read(), target.shown, self.encoding)
                folder = self.stdin_folder or Path.cwd()
            else:
                outside = self.outside_roots(target.path)
                if outside is not None:
                    return FileResult(target.shown, error=f"{target.shown}: a symlink to {outside}, outside "
                                      "the folders being checked; skipped, not read or fixed", skipped=True)
                source = read_source(target.path, self.encoding, target.shown)
                folder = target.path.parent
        except SourceError as exc:
            return FileResult(target.shown, error=str(exc), skipped=exc.skipped)
        if self.fix_mode is not None:
            result = self.lint_text(source.text, target.shown, folder)
            self.fix(source, target, folder, result)
            return result
        if self.cache is None or target.path is None:
            return self.lint_text(source.text, target.shown, folder)
        key = self.cache.key(source.raw, target.shown, self.config_for(folder), self.encoding)
        findings = self.cache.get(key, source.text)
        if findings is not None:
            return FileResult(target.shown, FindingSet.of(source.text, findings), None, source.text if self.keep_text else None)
        result = self.lint_text(source.text, target.shown, folder)
        self.cache.put(key, result.findings)
        return result

    def outside_roots(self, path: Path) -> str | None:
        """The real path of `path` when it lies outside every root, else None."""
        if self.roots is None:
            return None
        real = self._real_path(path)
        for root in self.roots:
            if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
                return None
        return real

    def _real_path(self, path: Path) -> str:
        """`os.path.realpath(path)`. When only reading, a folder's real path is
        resolved once per run: a file that is no symlink itself lies where its
        folder does. A fix resolves every path as it writes."""
        if self.fix_mode is not None:
            return os.path.realpath(path)
        folder, name = os.path.split(path)
        if not name or name in (".", "..") or os.path.islink(path):
            return os.path.realpath(path)
        real = self._real_folders.get(folder)
        if real is None:
            real = self._real_folders[folder] = os.path.realpath(folder or ".")
        return os.path.join(real, name)

    def fix(self, source, target: Target, folder: Path, result: FileResult) -> None:
        """Fix one file's findings: write the file, or fill `diff` / `fixed_output`."""
        from lintnews.engine.fixes import FixError, encode, fix, unified_diff, write_atomic

        def relint(text: str):
            return self.lint_text(text, target.shown, folder).findings

        outcome = fix(source.text, result.findings, relint, unsafe=self.unsafe_fixes)
        if self.fix_mode == "diff":
            result.diff = unified_diff(source.text, outcome.text, target.shown)
            result.fixed = outcome.fixed
            return
        try:
            if target.path is None:
                result.fixed_output = encode(outcome.text, source.encoding, source.bom, target.shown)
            elif outcome.changed:
                data = encode(outcome.text, source.encoding, source.bom, target.shown)
                # a link inside the roots: its target is written, the link stays
                real = Path(os.path.realpath(target.path))
                write_atomic(real, data, source.raw, target.shown, allow_read_only=self.fix_read_only)
        except FixError as exc:
            result.error = str(exc)  # the file is as it was: keep its findings
            if target.path is None:
                result.fixed_output = source.raw  # a pipe must still get its text back
            return
        result.findings = outcome.remaining
        result.fixed = outcome.fixed
        if result.text is not None:
            result.text = outcome.text
