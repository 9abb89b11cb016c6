"""Configuration: discovery, precedence, validation, prefix selection."""
from __future__ import annotations

from lintnews.finding import UNSAFE
from pathlib import Path

import pytest

from lintnews.config import Config, ConfigError, code_selected, config_for_folder, load_config
from lintnews.finding import Severity


@pytest.fixture(autouse=True)
def _fresh_cache():
    config_for_folder.cache_clear()
    yield
    config_for_folder.cache_clear()


def test_prefix_selection_longest_prefix_wins():
    config = Config(select=("LN",), ignore=("LN2",), extend_select=("LN201",))
    assert code_selected("LN101", config)
    assert not code_selected("LN202", config)
    assert code_selected("LN201", config)


def test_pyproject_found_upward_and_dotfile_wins(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.lintnews]\nignore = ["LN3"]\nfail-on = "error"\nstyle = "ap"\n', encoding="utf-8")
    (tmp_path / ".lintnews.toml").write_text('style = "bbc"\n', encoding="utf-8")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = load_config(nested / "story.md")
    assert config.ignore == ("LN3",)
    assert config.fail_on is Severity.ERROR
    assert config.style == "bbc"
    assert config.root == str(tmp_path.resolve())


def test_flags_override_file(tmp_path: Path):
    (tmp_path / ".lintnews.toml").write_text('select = ["LN2"]\nignore = ["LN201"]\n', encoding="utf-8")
    config = load_config(tmp_path, {"select": ("LN1",), "extend_ignore": ("LN5",), "style": None})
    assert config.select == ("LN1",)
    assert config.ignore == ("LN201", "LN5")


def test_pyproject_without_tool_table_is_skipped(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config(tmp_path / "x.md").source == ""


@pytest.mark.parametrize("body,fragment", [
    ('selct = ["LN2"]\n', "unknown key 'selct'"),
    ('fail-on = "fatal"\n', "bad value for 'fail-on'"),
    ('severity = { LN201 = "loud" }\n', "bad value for 'severity'"),
    ('select = "LN2"\nignore = [1]\n', "bad value for 'ignore'"),
    ('select = [\n', "not valid TOML"),
    ('quotes = "smart"\n', "bad value for 'quotes': expected 'curly', 'straight' or 'any'"),
])
def test_bad_config_names_file_and_key(tmp_path: Path, body: str, fragment: str):
    path = tmp_path / ".lintnews.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path / "x.txt")
    assert str(path) in str(err.value) and fragment in str(err.value)


def test_per_file_ignores_match_relative_globs(tmp_path: Path):
    (tmp_path / ".lintnews.toml").write_text('per-file-ignores = { "archive/*" = ["LN202"] }\n',
                                             encoding="utf-8")
    config = load_config(tmp_path)
    assert config.ignores_for(str(tmp_path / "archive" / "old.md")) == ("LN202",)
    assert config.ignores_for(str(tmp_path / "new.md")) == ()


def test_quotes_key_is_read(tmp_path: Path):
    (tmp_path / ".lintnews.toml").write_text('quotes = "curly"\n', encoding="utf-8")
    assert load_config(tmp_path / "x.txt").quotes == "curly"


def test_bad_quote_convention_in_rule_data_names_the_file(tmp_path: Path):
    from lintnews import lint_text
    from lintnews.engine.rulefiles import RuleFileError

    (tmp_path / "house.toml").write_text('[convention.ours]\nquotes = "fancy"\n', encoding="utf-8")
    with pytest.raises(RuleFileError) as err:
        lint_text('He said "yes".\n', Config(rules=(str(tmp_path),)))
    assert "house.toml" in str(err.value) and "quotes = 'fancy'" in str(err.value)


def test_a_config_with_a_date_is_read(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "site"\nreleased = 2024-05-01\n\n[tool.lintnews]\nignore = ["LN401"]\n',
        encoding="utf-8")
    assert load_config(tmp_path).ignore == ("LN401",)


def test_invalid_toml_is_reported_every_time(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("LINTNEWS_TABLE_CACHE_DIR", str(tmp_path / "tables"))
    (tmp_path / ".lintnews.toml").write_text('select = ["LN2"\n', encoding="utf-8")
    for _ in range(2):
        config_for_folder.cache_clear()
        with pytest.raises(ConfigError, match="not valid TOML"):
            load_config(tmp_path)


def test_severities_named_as_in_the_files_work_from_python():
    from lintnews import lint_text
    from lintnews.finding import Severity

    # a fixable finding in quoted speech: the engine folds (makes the fix unsafe) and orders again
    config = Config(severity={"LN604": "error", "LN2": "info"})
    found = lint_text("Officials in kyiv said “the the” twice.", config)
    assert [(f.rule, f.severity) for f in found] == [("LN201", Severity.INFO), ("LN604", Severity.ERROR)]
    assert found[1].fixes[0].applicability is UNSAFE
    with pytest.raises(ValueError, match="unknown severity"):
        Config(severity={"LN604": "fatal"}).severity_overrides()
