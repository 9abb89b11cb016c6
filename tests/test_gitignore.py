"""Folder walks skip what git ignores; named files, tracked files and non-repositories are unaffected."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from lintnews.config import Config, ConfigError, parse_table
from lintnews.run.files import discover

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DAMAGED = "Officials in kyiv spoke.\n"


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q")
    (tmp_path / ".gitignore").write_text("build/\n*.draft.md\n", encoding="utf-8")
    for name in ("top.md", "docs/story.md", "docs/story.draft.md", "build/out.md",
                 "vendor/kept.draft.md", "builder/notes.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DAMAGED, encoding="utf-8")
    _git(tmp_path, "add", "-f", "vendor/kept.draft.md")
    return tmp_path


def _found(paths: list[str], config: Config = Config()) -> list[str]:
    return [shown for path, shown, error in discover(paths, lambda folder: config) if path]


def test_a_walk_skips_ignored_files_and_folders(repo, monkeypatch):
    monkeypatch.chdir(repo)
    # build/ is ignored as a folder, builder/ is not; a tracked file matching a pattern stays
    assert _found(["."]) == ["top.md", "builder/notes.md", "docs/story.md", "vendor/kept.draft.md"]


def test_a_walk_from_a_subfolder_uses_the_repository_rules(repo, monkeypatch):
    monkeypatch.chdir(repo)
    assert _found(["docs"]) == ["docs/story.md"]


def test_a_file_named_on_the_command_line_is_linted_even_if_ignored(repo, monkeypatch):
    monkeypatch.chdir(repo)
    assert _found(["build/out.md", "docs/story.draft.md"]) == ["build/out.md", "docs/story.draft.md"]


def test_respect_gitignore_false_walks_everything(repo, monkeypatch):
    monkeypatch.chdir(repo)
    assert _found(["."], Config(respect_gitignore=False)) == [
        "top.md", "build/out.md", "builder/notes.md", "docs/story.draft.md", "docs/story.md",
        "vendor/kept.draft.md"]


def test_outside_a_repository_a_gitignore_file_means_nothing(tmp_path, monkeypatch):
    (tmp_path / ".gitignore").write_text("*.md\n", encoding="utf-8")
    (tmp_path / "story.md").write_text(DAMAGED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert _found(["."]) == ["story.md"]


def test_without_git_the_walk_goes_on(repo, monkeypatch):
    monkeypatch.chdir(repo)
    monkeypatch.setenv("PATH", str(repo / "no-such-bin"))
    assert "build/out.md" in _found(["."])


def test_the_config_key_takes_a_boolean():
    assert parse_table({"respect-gitignore": False}, "x.toml") == {"respect_gitignore": False}
    with pytest.raises(ConfigError, match="respect-gitignore.*true or false"):
        parse_table({"respect-gitignore": "no"}, "x.toml")


def test_the_flag_turns_it_off(run_cli, repo):
    walked = json.loads(run_cli("check", "--format", "json", "--no-cache", ".", cwd=repo).stdout)
    everything = json.loads(run_cli("check", "--format", "json", "--no-cache", "--no-respect-gitignore", ".",
                                    cwd=repo).stdout)
    assert "build/out.md" not in [f["path"] for f in walked["files"]]
    assert "build/out.md" in [f["path"] for f in everything["files"]]
