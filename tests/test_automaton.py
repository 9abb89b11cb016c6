"""The Aho-Corasick matcher for long term lists answers exactly as TermIndex
(its pure-Python fallback) does."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lintnews.text import automaton
from lintnews.text.termindex import TermIndex

pytest.importorskip("ahocorasick_rs")

_TERMS = ["Kyiv", "Kyiv Metro", "Kyiv Metro line", "Kiev", "ab", "ab cd", "cd", "abc", "Kyïv",
          "O'Brien", "x_y", "Metro", "e\u0301t", "a-b", "b"]
_ALPHABET = list("abcdKyivKiev Metro'O'Brien-x_yï\u0301\u0300e._1 \n")
_TEXTS = st.lists(st.sampled_from(_TERMS + _ALPHABET), max_size=30).map("".join)


def spans(matcher, text, *bounds):
    return [m.span() for m in matcher.finditer(text, *bounds)]


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.integers(0, 8), st.integers(0, 8))
def test_literal_terms_find_what_term_index_finds(text, cut_left, cut_right):
    fast, slow = automaton.LiteralTerms(_TERMS), TermIndex(_TERMS)
    assert spans(fast, text) == spans(slow, text)
    pos, endpos = min(cut_left, len(text)), max(len(text) - cut_right, 0)
    assert spans(fast, text, pos, endpos) == spans(slow, text, pos, endpos)


def test_the_longest_term_that_ends_at_a_word_boundary_wins():
    fast = automaton.LiteralTerms(_TERMS)
    text = "the Kyiv Metro lines and Kyiv Metro line, abcd ab cd"
    assert [text[s:e] for s, e in spans(fast, text)] == ["Kyiv Metro", "Kyiv Metro line", "ab cd"]


def test_without_the_wheel_the_fallback_is_term_index(monkeypatch):
    assert isinstance(automaton.literal_terms(_TERMS), automaton.LiteralTerms)
    monkeypatch.setattr(automaton, "available", lambda: False)
    assert isinstance(automaton.literal_terms(_TERMS), TermIndex)


def test_ignore_case_and_odd_terms_keep_term_index():
    assert isinstance(automaton.literal_terms(_TERMS, ignore_case=True), TermIndex)
    assert isinstance(automaton.literal_terms(_TERMS + ["-Kyiv"]), TermIndex)


def test_a_long_newsroom_list_gives_the_same_findings_either_way(tmp_path, monkeypatch):
    from lintnews import lint_text
    from lintnews.config import Config
    from lintnews.engine.lint import build_rules

    swaps = "\n".join(f'"Rada{i}" = "Council{i}"' for i in range(1200))
    (tmp_path / "house.toml").write_text(f'''
[[rule]]
code = "NEWS101"
name = "house-terms"
kind = "substitution"
category = "style"
severity = "warning"
summary = "House terms."
[rule.swap]
{swaps}
"Supreme Rada" = "Verkhovna Rada"
[[rule.examples]]
text = "The Supreme Rada voted."
expect = ["NEWS101"]
[[rule.examples]]
text = "The Verkhovna Rada voted."
''', encoding="utf-8")
    text = "The Supreme Rada and Rada17 met; Rada1200 and xRada3 did not. RADA5 too.\n"
    config = Config(rules=(str(tmp_path),))

    def found():
        build_rules.cache_clear()
        return [(f.rule, f.offset, f.end_offset, f.message) for f in lint_text(text, config)]

    fast = found()
    monkeypatch.setattr(automaton, "available", lambda: False)
    assert found() == fast
    build_rules.cache_clear()
    assert [(r, text[s:e]) for r, s, e, _m in fast] == [
        ("NEWS101", "Supreme Rada"), ("NEWS101", "Rada17"), ("NEWS101", "RADA5")]
