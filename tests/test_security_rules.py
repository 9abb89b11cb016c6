"""Rule files as data (issue 25): a broken file of any kind is file, line, reason and exit 2;
a message is a template with named fields only; user patterns share one budget per document."""
from __future__ import annotations

import os
import time

import pytest

from lintnews import Config, lint_text
from lintnews.engine.lint import build_rules
from lintnews.engine.rulefiles import RuleFileError, check_message
from lintnews.text import safe_regex

RULE = '''\
[[rule]]
code = "NEWS101"
name = "stray-marker"
kind = "existence"
category = "boilerplate"
severity = "warning"
summary = "A marker our scraper leaves."
tokens = ["[[scraped]]"]
message = {message}
[[rule.examples]]
text = "[[scraped]] x"
expect = ["NEWS101"]
[[rule.examples]]
text = "Nothing to see."
'''


def rules_with(tmp_path, message='"Remove “{found}”."'):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "house.toml").write_text(RULE.format(message=message), encoding="utf-8")
    return folder


def load(folder):
    build_rules.cache_clear()
    return build_rules((folder,))


@pytest.mark.parametrize("message,reason", [
    ('"{found:>2000000000}"', "width over 200"),
    ('"{found.__init__.__globals__}"', "not a plain name"),
    ('"{found[0]}"', "not a plain name"),
    ('"{found!r}"', "conversion"),
    ('"{0}"', "not a plain name"),
    ('"{found:{found}}"', "nested field"),
    ('"{found"', "not a message template"),
])
def test_a_message_is_a_template_with_named_fields_only(tmp_path, message, reason):
    folder = rules_with(tmp_path, message)
    with pytest.raises(RuleFileError) as info:
        load(folder)
    assert info.value.path == str(folder / "house.toml") and info.value.line == 1
    assert reason in str(info.value)


def test_a_plain_template_with_a_small_width_is_kept(tmp_path):
    folder = rules_with(tmp_path, '"Remove “{found:<12}”."')
    found = lint_text("A [[scraped]] line.\n", Config(rules=(str(folder),), select=("NEWS",)))
    assert [(f.rule, f.message) for f in found] == [("NEWS101", "Remove “[[scraped]] ”.")]
    assert check_message("“{found}” is a misspelling of {expected}.") is None


def test_a_rule_file_that_is_not_utf8_names_its_line(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "house.toml").write_bytes(b"# house rules\n# caf\xe9\n")
    with pytest.raises(RuleFileError) as info:
        load(folder)
    assert (info.value.line, "not UTF-8" in str(info.value)) == (2, True)


def test_deeply_nested_toml_is_a_rule_file_error(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "house.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(RuleFileError, match="nested too deeply"):
        load(folder)


def test_a_fifo_as_a_rule_file_does_not_hang(tmp_path, run_cli):
    folder = tmp_path / "rules"
    folder.mkdir()
    os.mkfifo(folder / "house.toml")
    (tmp_path / "a.txt").write_text("Text.\n")
    result = run_cli("check", "--rules", "rules", "a.txt")
    assert result.returncode == 2
    assert "house.toml: not a regular file" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("content", [b"x = " + b"[" * 100_000 + b"]" * 100_000, b"\xff\xfe junk"])
def test_broken_rule_files_exit_2_with_file_and_reason(tmp_path, run_cli, content):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "house.toml").write_bytes(content)
    (tmp_path / "a.txt").write_text("Text.\n")
    result = run_cli("check", "--rules", "rules", "a.txt")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "house.toml" in result.stderr


SLOW_RULES = "".join(f'''
[[rule]]
code = "NEWS{100 + i}"
name = "slow-{i}"
kind = "existence"
category = "boilerplate"
severity = "warning"
summary = "A slow pattern."
patterns = ['^(a|a)+$']
[[rule.examples]]
text = "aa"
expect = ["NEWS{100 + i}"]
[[rule.examples]]
text = "b"
''' for i in range(30))


def test_thirty_slow_patterns_share_one_budget_and_are_all_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(safe_regex, "BASE_SECONDS", 0.3)
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "slow.toml").write_text(SLOW_RULES)
    started = time.monotonic()
    found = lint_text("a" * 40 + "b\n", Config(rules=(str(folder),), select=("LN002", "NEWS")))
    assert time.monotonic() - started < 20  # thirty budgets of one second each would be 30 s or more
    assert [f.rule for f in found] == ["LN002"]
    message = found[0].message
    assert all(f"rule NEWS{100 + i} (slow-{i})" in message[:20_000] or i >= safe_regex.MAX_NAMED
               for i in range(30))
    assert "and 10 more" in message
    assert "was stopped" in message and "was not run (no time left)" in message
