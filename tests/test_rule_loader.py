"""The rule loader: a newsroom's own rules load, broken files say where and why."""
from __future__ import annotations

from pathlib import Path

import pytest

from lintnews import Config, lint_text
from lintnews.engine.lint import build_rules
from lintnews.engine.rulefiles import RuleFileError, load_rules

GOOD = '''
[[rule]]
code = "NEWS101"
name = "our-river"
kind = "substitution"
category = "transliteration"
severity = "warning"
fixable = true
summary = "Our house writes Gotham City."
message = "Write “{preferred}”, not “{found}”."
[rule.swap]
"Gotham" = "Gotham City"
[[rule.examples]]
text = "The Gotham rose."
expect = ["NEWS101"]
[[rule.examples]]
text = "The Gotham City rose."
'''


def write(folder: Path, body: str, name: str = "house.toml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_newsroom_rule_folder_adds_a_rule(tmp_path: Path):
    write(tmp_path / "house", GOOD)
    config = Config(rules=(str(tmp_path / "house"),))
    findings = lint_text("The Gotham rose in kyiv.", config)
    house = [f for f in findings if f.rule == "NEWS101"]
    assert [(f.excerpt, f.message, f.fixes[0].edits[0].replacement) for f in house] == [
        ("Gotham", "Write “Gotham City”, not “Gotham”.", "Gotham City")]
    assert any(f.rule == "LN201" for f in findings)  # built-in rules still run
    assert "NEWS101" in build_rules((tmp_path / "house",)).by_code


@pytest.mark.parametrize("mutate,fragment,line", [
    (lambda s: s.replace('code = "NEWS101"', 'code = "news-1"'), "the code must be", 2),
    (lambda s: s.replace('severity = "warning"', 'severity = "loud"'), "unknown severity", 2),
    (lambda s: s.replace('category = "transliteration"', 'category = "names"'), "unknown category", 2),
    (lambda s: s.replace('kind = "substitution"', 'kind = "magic"'), "unknown kind 'magic'", 2),
    (lambda s: s.split("[[rule.examples]]")[0], "no examples", 2),
    (lambda s: s.replace('[rule.swap]\n"Gotham" = "Gotham City"\n', ""), "needs a [rule.swap] table", 2),
    (lambda s: s.replace('"Gotham" = "Gotham City"', '"Gotham = "Gotham City"'), "not valid TOML", 12),
    (lambda s: s.replace("{preferred}", "{wanted}"), "placeholder", 2),
    (lambda s: s.replace('text = "The Gotham rose."', 'text = "The <marker>Gotham rose."'), "markers", 2),
    (lambda s: s.replace('expect = ["NEWS101"]', 'expect = ["NEWS101"]\nfixed = 3'), "'fixed' must be", 2),
])
def test_broken_rule_file_reports_file_line_and_reason(tmp_path: Path, mutate, fragment, line):
    path = write(tmp_path, mutate(GOOD))
    with pytest.raises(RuleFileError) as err:
        build_rules.__wrapped__((tmp_path,))
    message = str(err.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert fragment in message


def test_duplicate_code_names_both_places(tmp_path: Path):
    write(tmp_path, GOOD, "a.toml")
    write(tmp_path, GOOD, "b.toml")
    with pytest.raises(RuleFileError) as err:
        load_rules([tmp_path])
    assert "b.toml:2" in str(err.value) and "a.toml:2" in str(err.value)


def test_missing_rule_folder_is_an_error(tmp_path: Path):
    with pytest.raises(RuleFileError) as err:
        load_rules([tmp_path / "nope"])
    assert "does not exist" in str(err.value)


def test_readme_newsroom_rule_example_works(tmp_path: Path):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Rules are data", 1)[1].split("```toml", 1)[1].split("```", 1)[0]
    write(tmp_path / "house", block)
    findings = lint_text("The Supreme Rada voted.", Config(rules=(str(tmp_path / "house"),)))
    assert [(f.rule, f.excerpt, f.fixes[0].edits[0].replacement) for f in findings] == [
        ("NEWS101", "Supreme Rada", "Verkhovna Rada")]
