"""The findings cache: keyed by content, rule-set version and configuration."""
from __future__ import annotations

import json
from pathlib import Path

from lintnews.run import cache as cache_module
from lintnews.run.cache import Cache, ruleset_version
from lintnews.config import Config
from lintnews.run.runner import Runner, Target

TEXT = "Officials in kyiv said on Monday that Kiev had no comment.\n"


def _target(tmp_path: Path, text: str = TEXT, name: str = "a.txt") -> Target:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return Target(path, name)


def test_a_second_run_takes_findings_from_the_cache(tmp_path, monkeypatch):
    target = _target(tmp_path)
    first = Runner({}, cache_dir=tmp_path / "cache").process(target)
    runner = Runner({}, cache_dir=tmp_path / "cache")

    def must_not_lint(*_args):
        raise AssertionError("linted although cached")

    monkeypatch.setattr(runner, "lint_text", must_not_lint)
    second = runner.process(target)
    assert runner.cache.hits == 1
    assert second.findings == first.findings
    assert [(f.rule, f.excerpt, f.offset) for f in second.findings] == [("LN201", "kyiv", 13), ("LN202", "Kiev", 38)]


def test_changed_content_or_configuration_misses(tmp_path):
    folder = tmp_path / "cache"
    target = _target(tmp_path)
    Runner({}, cache_dir=folder).process(target)

    other_config = Runner({"select": ("LN201",)}, cache_dir=folder)
    other_config.process(target)
    assert (other_config.cache.hits, other_config.cache.misses) == (0, 1)

    edited = Runner({}, cache_dir=folder)
    result = edited.process(_target(tmp_path, TEXT.replace("Kiev", "Kyiv")))
    assert (edited.cache.hits, edited.cache.misses) == (0, 1)
    assert [f.excerpt for f in result.findings] == ["kyiv"]


def test_the_rule_set_version_follows_the_rule_files(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "house.toml").write_text("# version 1\n", encoding="utf-8")
    before = ruleset_version((rules,))
    (rules / "house.toml").write_text("# version 2\n", encoding="utf-8")
    ruleset_version.cache_clear()
    assert ruleset_version((rules,)) != before
    assert ruleset_version(()) != ruleset_version((rules,))


def test_keys_differ_by_path_and_encoding():
    cache = Cache(Path("unused"))
    config = Config()
    assert cache.key(b"x", "a.md", config, None) != cache.key(b"x", "a.txt", config, None)
    assert cache.key(b"x", "a.md", config, None) != cache.key(b"x", "a.md", config, "latin-1")
    assert cache.key(b"x", "a.md", config, None) == cache.key(b"x", "a.md", Config(), None)


def test_the_cache_folder_ignores_itself_in_git(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    first = run_cli("check", "a.txt", "--format", "json")
    second = run_cli("check", "a.txt", "--format", "json")
    assert first.stdout == second.stdout
    assert (tmp_path / ".lintnews_cache" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    entries = list((tmp_path / ".lintnews_cache").glob("*/*/*.json"))
    assert len(entries) == 1
    assert [f["rule"] for f in json.loads(entries[0].read_text(encoding="utf-8"))["findings"]] == ["LN201", "LN202"]


def test_no_cache_writes_nothing(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = run_cli("check", "a.txt", "--no-cache")
    assert result.returncode == 1
    assert not (tmp_path / ".lintnews_cache").exists()


def test_standard_input_is_not_cached(run_cli, tmp_path):
    result = run_cli("check", "-", stdin=TEXT)
    assert result.returncode == 1
    assert not (tmp_path / ".lintnews_cache").exists()


def test_an_unwritable_cache_never_fails_the_run(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    runner = Runner({}, cache_dir=blocker)
    result = runner.process(_target(tmp_path))
    assert result.error is None
    assert [f.excerpt for f in result.findings] == ["kyiv", "Kiev"]


def test_the_cache_folder_can_be_moved(monkeypatch, tmp_path):
    monkeypatch.setenv("LINTNEWS_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert cache_module.default_cache_dir() == tmp_path / "elsewhere"


def test_the_rules_key_changes_when_lintnews_own_code_changes(tmp_path, monkeypatch):
    import os

    from lintnews.engine import rulefiles as rules
    package = tmp_path / "package"
    (package / "checks").mkdir(parents=True)
    code = package / "checks" / "mine.py"
    code.write_text("X = 1\n", encoding="utf-8")
    monkeypatch.setattr(rules, "_PACKAGE", package)
    ruleset_version.cache_clear()
    before = ruleset_version(())
    assert [p for p, _size, _mtime in rules._own_files() if p.startswith(str(package))] == [str(code)]
    code.write_text("X = 2\n", encoding="utf-8")  # same size: the modification time tells
    os.utime(code, ns=(1, 1))
    ruleset_version.cache_clear()
    assert ruleset_version(()) != before
    ruleset_version.cache_clear()
