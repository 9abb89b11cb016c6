"""User rules cannot hurt: patterns on a time budget, bad patterns reported at
their line, and a rule file of 100,000 terms that loads and lints in bounded
time."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import regex
from hypothesis import given, strategies as st

from lintnews import Config, lint_text

from lintnews.text import safe_regex
from lintnews.engine.lint import build_rules
from lintnews.engine.rulefiles import RuleFileError
from lintnews.text.termindex import TermIndex

PATHOLOGICAL = r"^(a|a)+$"  # exponential backtracking on "aaaa…b"; the regex module does not defuse it

EXISTENCE_RULE = '''\
# A newsroom's own rules
[[rule]]
code = "NEWS101"
name = "stray-marker"
kind = "existence"
category = "boilerplate"
severity = "warning"
summary = "A marker our scraper leaves."
tokens = ["[[scraped]]"]
patterns = [
  '^Read more:.*$',
  '{pattern}',
]
[[rule.examples]]
text = "Read more: the rest"
expect = ["NEWS101"]
[[rule.examples]]
text = "Nothing to see."
'''


def write_rules(folder: Path, pattern: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "house.toml"
    path.write_text(EXISTENCE_RULE.format(pattern=pattern))
    return path


def test_catastrophic_pattern_is_stopped_and_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(safe_regex, "BASE_SECONDS", 0.2)
    rules = write_rules(tmp_path / "rules", PATHOLOGICAL)
    # kyiv on a line of its own: a finding inside a boilerplate line is folded into it
    text = "Read more: the rest\nin kyiv\n" + "a" * 40 + "b\n"
    # not LN3: its own "Read more" rule would propose the same removal
    config = Config(rules=(str(tmp_path / "rules"),), select=("LN0", "LN201", "NEWS"))
    started = time.monotonic()
    found = lint_text(text, config)
    assert time.monotonic() - started < 30  # unbounded, this would run for hours
    assert [(f.rule, f.offset, f.end_offset) for f in found] == [
        ("LN002", 0, 0), ("NEWS101", 0, 19), ("LN201", 23, 27)]
    message = found[0].message
    assert "ran out of their 0.2 s budget" in message
    assert f"rule NEWS101 (stray-marker) from {rules}:12, pattern {PATHOLOGICAL!r}, was stopped" in message
    assert (found[0].category, found[0].line, found[0].column, found[0].excerpt) == ("meta", 1, 1, "")


def test_pattern_budget_grows_with_text():
    assert safe_regex.budget_for(0) == safe_regex.BASE_SECONDS
    assert safe_regex.budget_for(10_000_000) == pytest.approx(safe_regex.BASE_SECONDS + 10 * safe_regex.SECONDS_PER_MB)


def test_catastrophic_pattern_through_the_cli(tmp_path, run_cli):
    write_rules(tmp_path / "rules", PATHOLOGICAL)
    (tmp_path / "a.txt").write_text("a" * 40 + "b\nOfficials in kyiv said so.\n")
    result = run_cli("check", "--format", "json", "--rules", "rules", "--extend-select", "NEWS", "a.txt")
    assert "Traceback" not in result.stderr
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [f["rule"] for f in findings] == ["LN002", "LN201"]
    assert result.returncode == 1


def test_plain_patterns_are_not_slowed(tmp_path):
    write_rules(tmp_path / "rules", r"^Exit mobile version$")
    config = Config(rules=(str(tmp_path / "rules"),), select=("NEWS",))
    found = lint_text("Intro.\nExit mobile version\n[[scraped]] x\n", config)
    assert [(f.rule, f.excerpt) for f in found] == [
        ("NEWS101", "Exit mobile version"), ("NEWS101", "[[scraped]]")]


@pytest.mark.parametrize("pattern,reason", [
    ("(unclosed", "missing )"),
    ("[z-a]", "bad character range"),
    ("a{2,1}", "min repeat greater than max repeat"),
])
def test_invalid_pattern_names_file_and_line(tmp_path, pattern, reason):
    rules = write_rules(tmp_path / "rules", pattern)
    build_rules.cache_clear()
    with pytest.raises(RuleFileError) as info:
        build_rules((tmp_path / "rules",))
    assert (info.value.path, info.value.line) == (str(rules), 12)
    assert str(info.value).startswith(f"{rules}:12: rule NEWS101: invalid pattern {pattern!r}: {reason}")


def test_invalid_pattern_through_the_cli(tmp_path, run_cli):
    write_rules(tmp_path / "rules", "(unclosed")
    (tmp_path / "a.txt").write_text("Text.\n")
    result = run_cli("check", "--rules", "rules", "a.txt")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "rules/house.toml:12: rule NEWS101: invalid pattern '(unclosed': missing )" in result.stderr


# -- a rule file of 100,000 terms ------------------------------------------

BIG_HEADER = '''\
[[rule]]
code = "NEWS201"
name = "house-spelling"
kind = "substitution"
category = "style"
severity = "warning"
summary = "Our house spellings."
[[rule.examples]]
text = "Met Wrongform000001 there."
expect = ["NEWS201"]
[[rule.examples]]
text = "Met Rightform000001 there."
[rule.swap]
'''
TERMS = 100_000


@pytest.mark.slow
def test_rule_file_of_100000_terms_loads_and_lints(tmp_path):
    folder = tmp_path / "big"
    folder.mkdir()
    lines = [f'"Wrongform{i:06d}" = "Rightform{i:06d}"' for i in range(TERMS)]
    (folder / "big.toml").write_text(BIG_HEADER + "\n".join(lines) + "\n")
    started = time.monotonic()
    rules = build_rules((folder,))
    loaded = time.monotonic() - started
    assert "NEWS201" in rules.by_code
    config = Config(rules=(str(folder),), select=("LN201", "NEWS"))
    text = ("Wrongform000000 met WRONGFORM054321 in kyiv; Wrongform099999’s aide, "
            "not Wrongform0999999 nor xWrongform000005, nor Rightform000007.\n") * 200
    started = time.monotonic()
    found = lint_text(text, config)
    linted = time.monotonic() - started
    first = [(f.rule, f.excerpt, f.fixes[0].edits[0].replacement) for f in found[:4]]
    assert first == [("NEWS201", "Wrongform000000", "Rightform000000"),
                     ("NEWS201", "WRONGFORM054321", "RIGHTFORM054321"),
                     ("LN201", "kyiv", "Kyiv"),
                     ("NEWS201", "Wrongform099999", "Rightform099999")]
    assert len(found) == 4 * 200
    assert loaded < 30 and linted < 30, (loaded, linted)  # measured: ~2.5 s and ~0.05 s


# -- TermIndex answers like the regex named list it replaces ---------------

WORDS = ["Kyiv", "kyiv", "Kiev", "Kharkiv", "New York", "New", "York", "Kyiv’s", "A.B.", "Saint-Denis",
         "Zelensky", "Zelenskyy", "O'Brien", "café", "Café", "İstanbul", "straße", "9/11", "ab", "abc"]
SEPARATORS = [" ", " ", ", ", ". ", "\n", "-", "’s ", "(", ")", "\u0301", "#", "_", "x"]


@given(
    terms=st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
    pieces=st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=30),
    ignore_case=st.booleans(),
)
def test_term_index_matches_like_regex(terms, pieces, ignore_case):
    text = "".join(pieces)
    from lintnews.kinds.common import starts_word

    words = sorted(set(terms), key=len, reverse=True)
    pattern = regex.compile(r"\L<terms>(?![\w\u0300-\u036f])", regex.IGNORECASE if ignore_case else 0,
                            terms=words)
    expected = [m.span() for m in pattern.finditer(text) if starts_word(text, m.start())]
    got = [m.span() for m in TermIndex(words, ignore_case).finditer(text) if starts_word(text, m.start())]
    # The index tries only word starts, so a match the regex skipped because
    # it overlapped a non-word-start match may appear: every regex match must
    # be found, and any extra one must be a real term at a word start.
    assert set(expected) <= set(got)
    for start, end in set(got) - set(expected):
        found = text[start:end]
        assert (found.lower() in {w.lower() for w in words}) if ignore_case else found in words
