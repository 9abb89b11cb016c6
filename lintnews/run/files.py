"""Finding the files to lint under the paths a user gives.

A file named on the command line is always linted. In a folder, files whose
names match the `include` globs are linted unless they match `exclude`;
hidden folders (`.git`, `.venv`, ...) and symlinked folders are not entered,
so a symlink loop cannot trap the walk. In a git work tree, files and
folders git ignores (`.gitignore`, `.git/info/exclude`, the global excludes)
are skipped too, unless `respect-gitignore = false`; git itself answers,
so its rules apply exactly, and without git the walk just goes on. A folder that cannot be listed is an
error for that folder only; a file that cannot be read (a symlink loop,
permission denied, deleted during the run) is reported when it is read, by
`lintnews.run.source`, and the run goes on. Order is sorted and stable.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path

from lintnews.config import Config, matches_globs

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Iterator

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


def _walk(root: Path, config_for) -> Iterator[tuple[Path | None, str, str | None]]:
    """Files under `root`, folder by folder (files first, then sub-folders, sorted).

    A folder that cannot be listed (permission denied, deleted meanwhile)
    yields an error and the walk goes on with the others. Iterative, so a very
    deep tree cannot exhaust the stack.
    """
    ignored = _git_ignored(root) if config_for(root).respect_gitignore else None
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield None, folder.as_posix(), _folder_error(folder, exc)
            continue
        config: Config = config_for(folder)
        subfolders = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = Path(folder, name)
            kind = _kind(entry)
            if ignored and _is_ignored(path, root, kind, ignored, config):
                continue
            if kind == "folder":
                if name not in SKIPPED_DIRS and not (
                        config.exclude and matches_globs(_rel(path, config) + "/", config.exclude)):
                    subfolders.append(path)
                continue
            if kind == "linked-folder":  # never entered: a symlink loop cannot trap the walk
                continue
            shown = path.as_posix()
            if not matches_globs(shown, config.include):
                continue
            if config.exclude and matches_globs(_rel(path, config), config.exclude):
                continue
            yield path, shown, None
        stack.extend(reversed(subfolders))


def _git_ignored(root: Path) -> frozenset[str] | None:
    """The paths under `root` that git ignores, relative to it ("dir/" for a
    whole folder); None when `root` is not in a work tree or git is missing.

    Files git tracks are never in the set, even where a pattern matches them:
    as in git, ignoring applies to untracked files only.
    """
    import subprocess  # only when a folder is walked

    command = ["git", "-c", "core.fsmonitor=false", "-C", str(root), "ls-files", "-z",
               "--others", "--ignored", "--exclude-standard", "--directory"]
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              stdin=subprocess.DEVNULL, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return frozenset(os.fsdecode(item) for item in done.stdout.split(b"\0") if item)


def _is_ignored(path: Path, root: Path, kind: str, ignored: frozenset[str], config: Config) -> bool:
    if not config.respect_gitignore:
        return False
    rel = path.relative_to(root).as_posix()
    return (rel + "/" if kind == "folder" else rel) in ignored


def _kind(entry: os.DirEntry) -> str:
    """"folder", "linked-folder" or "file" (anything else: reading it will say what it is)."""
    try:
        if entry.is_dir(follow_symlinks=False):
            return "folder"
        if entry.is_symlink() and entry.is_dir():
            return "linked-folder"
    except OSError:  # a symlink loop or an unreadable target: let the read report it
        pass
    return "file"


def _folder_error(folder: Path, exc: OSError) -> str:
    shown = folder.as_posix()
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{shown}: permission denied; folder not linted"
    if exc.errno == errno.ENOENT:
        return f"{shown}: folder deleted while lintnews ran"
    return f"{shown}: cannot list folder ({exc.strerror or exc})"


def _rel(path: Path, config: Config) -> str:
    if config.root:
        try:
            return path.resolve().relative_to(Path(config.root).resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
