"""Every rule proves itself: its examples fire (or stay silent) as they say, and
an example that fires says where (its `<marker>` spans) and what (the text
once the fixes are applied, or that there is no fix)."""
from __future__ import annotations

import pytest

from lintnews import Config, lint_text
from lintnews.engine.lint import build_rules
from lintnews.model import Example
from tools.mark_examples import observe

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
        assert example.spans, f"{rule.code}: mark the spans of {example.text!r} (tools/mark_examples.py)"
        assert example.fixed is not None, f"{rule.code}: say the fixed text of {example.text!r}"
        spans, fixed = observe(example)
        assert spans == tuple(sorted(set(example.spans))), f"{rule.code} fires elsewhere in {example.marked!r}"
        assert fixed == example.fixed, f"{rule.code}'s fix of {example.marked!r}"
    else:
        assert rule.code not in found, f"{rule.code} should stay silent on {example.text!r}"
        assert not example.spans and example.fixed is None, f"{rule.code}: a silent example marks nothing"


def test_markers_become_spans_and_come_back():
    example = Example("In <marker>kyiv</marker> and <marker>Kiev</marker>.", ("LN201",), fixed="x")
    assert example.text == "In kyiv and Kiev."
    assert example.spans == ((3, 7), (12, 16))
    assert example.marked == "In <marker>kyiv</marker> and <marker>Kiev</marker>."


@pytest.mark.parametrize("text", ["In <marker>kyiv.", "In kyiv</marker>.", "<marker>a<marker>b</marker></marker>"])
def test_unbalanced_markers_are_an_error(text):
    with pytest.raises(ValueError):
        Example(text, ("LN201",))


BY_CODE = build_rules().by_code


@pytest.mark.parametrize(
    "rule,example",
    [(r, e) for r in RULES for e in r.examples if e.fires],
    ids=lambda x: getattr(x, "code", None) or (x.text[:30] if hasattr(x, "text") else str(x)),
)
def test_a_message_is_its_template_filled_with_its_arguments(rule, example):
    config = Config(**dict(example.config)) if example.config else None
    found = lint_text(example.text, config, example.filename)
    assert found
    for f in found:
        template = BY_CODE[f.rule].messages[f.template]
        assert f.message == template.format_map(f.details), (f.rule, f.template)


def test_a_missing_template_or_argument_is_a_clear_error():
    from lintnews.model import Rule
    rule = Rule("LN999", "plug-in", "style", "warning", "A plug-in's rule.",
                messages={"default": "Write “{fix}”."})
    assert rule.message("default", {"fix": "Kyiv"}) == "Write “Kyiv”."
    with pytest.raises(ValueError, match="LN999 has no message template 'other'"):
        rule.message("other", {})
    with pytest.raises(ValueError, match="needs the argument 'fix'"):
        rule.message("default", {})
