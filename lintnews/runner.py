"""Linting one file end to end: read, decode, build the Document, run the checks.

`Runner` holds what a run shares between files (flags, configuration per
folder, a compiled context per configuration) and `Runner.process` turns one
target into a FileResult. The CLI loops over targets with it; a process pool
can call it too, since a Runner is rebuilt cheaply from its flags.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Config, ConfigError, load_config
from .results import FileResult
from .source import SourceError, decode, read_source


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
                 stdin_folder: Path | None = None) -> None:
        self.overrides = overrides
        self.config_file = config_file
        if config_file is not None and not config_file.is_file():
            raise ConfigError(f"{config_file}: configuration file not found")
        self.encoding = encoding
        self.keep_text = keep_text
        self.stdin_folder = stdin_folder
        self._configs: dict[Path, Config] = {}
        self._contexts: dict[Config, Any] = {}

    def config_for(self, folder: Path) -> Config:
        key = folder.resolve()
        config = self._configs.get(key)
        if config is None:
            config = self._configs[key] = load_config(key, self.overrides, self.config_file)
        return config

    def context(self, config: Config):
        ctx = self._contexts.get(config)
        if ctx is None:
            from .engine import context_for

            ctx = self._contexts[config] = context_for(config)
        return ctx

    def lint_text(self, text: str, shown: str, folder: Path) -> FileResult:
        from .engine import lint_document
        from .markup import make_document

        doc = make_document(text, shown)
        findings = lint_document(doc, self.context(self.config_for(folder)))
        return FileResult(shown, findings, None, text if self.keep_text else None)

    def process(self, target: Target) -> FileResult:
        """Lint one target; a read problem becomes the result's `error`."""
        if target.error is not None:
            return FileResult(target.shown, [], target.error)
        try:
            if target.path is None:
                source = decode(sys.stdin.buffer.read(), target.shown, self.encoding)
                folder = self.stdin_folder or Path.cwd()
            else:
                source = read_source(target.path, self.encoding, target.shown)
                folder = target.path.parent
        except SourceError as exc:
            return FileResult(target.shown, [], str(exc), skipped=exc.skipped)
        return self.lint_text(source.text, target.shown, folder)
