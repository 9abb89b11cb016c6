"""Every rule proves itself: its examples fire (or stay silent) as they say."""
from __future__ import annotations

import pytest

from lintnews import Config, lint_text
from lintnews.engine.lint import build_rules

RULES = build_rules().sorted_rules()


def test_every_rule_has_examples_both_ways():
    missing = [r.code for r in RULES
               if not any(e.fires for e in r.examples) or all(e.fires for e in r.examples)]
    assert missing == []


@pytest.mark.parametrize(
    "rule,example",
    [(r, e) for r in RULES for e in r.examples],
    ids=lambda x: getattr(x, "code", None) or (x.text[:30] if hasattr(x, "text") else str(x)),
)
def test_rule_example(rule, example):
    config = Config(**dict(example.config)) if example.config else None
    found = {f.rule for f in lint_text(example.text, config, example.filename)}
    if example.expect:
        assert set(example.expect) <= found, f"{rule.code} should fire on {example.text!r}"
    else:
        assert rule.code not in found, f"{rule.code} should stay silent on {example.text!r}"
