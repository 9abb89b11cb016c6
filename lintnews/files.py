"""Finding the files to lint under the paths a user gives.

A file named on the command line is always linted. In a folder, files whose
names match the `include` globs are linted unless they match `exclude`;
hidden folders (`.git`, `.venv`, ...) and symlinked folders are not entered,
so a symlink loop cannot trap the walk. Order is sorted and stable.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from .config import Config, matches_globs

SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", ".git"})


def discover(paths: list[str], config_for) -> Iterator[tuple[Path | None, str, str | None]]:
    """Yield (path, display name, error) for every file to lint.

    `config_for(folder)` gives the Config of a folder (for include/exclude).
    A path that does not exist yields an error instead of a file.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, config_for)
        elif path.exists() or path.is_symlink():
            yield path, given, None
        else:
            yield None, given, f"{given}: no such file or folder"


def _walk(root: Path, config_for) -> Iterator[tuple[Path, str, str | None]]:
    for folder, dirs, files in os.walk(root, onerror=None, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        config: Config = config_for(Path(folder))
        for name in sorted(files):
            path = Path(folder, name)
            shown = path.as_posix()
            if name.startswith("."):
                continue
            if not matches_globs(shown, config.include):
                continue
            if config.exclude and matches_globs(_rel(path, config), config.exclude):
                continue
            yield path, shown, None
        dirs[:] = [d for d in dirs
                   if not (config.exclude and matches_globs(_rel(Path(folder, d), config) + "/", config.exclude))]


def _rel(path: Path, config: Config) -> str:
    if config.root:
        try:
            return path.resolve().relative_to(Path(config.root).resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
