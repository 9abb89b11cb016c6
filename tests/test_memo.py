"""Derived data is built once: per document (`Document.memo`) and per rule set (`RuleSet.memo`)."""
from __future__ import annotations

import ast
import pickle
from pathlib import Path

from lintnews.engine import suppression
from lintnews.engine.lint import build_rules
from lintnews.markup import make_document
from lintnews.engine.rulefiles import RuleSet

TEXT = "<!-- lintnews-disable-next-line LN201 -->\nOfficials in kyiv said so.\n<!-- lintnews-disable LN999 -->\n"


def test_suppression_comments_are_parsed_once_per_document(monkeypatch):
    calls = []
    parse = suppression._parse
    monkeypatch.setattr(suppression, "_parse", lambda doc: calls.append(doc) or parse(doc))
    from lintnews import lint_text

    found = lint_text(TEXT, filename="a.md")
    # LN001 (the unknown code) and the engine (the suppressed LN201) both read them
    assert [(f.rule, f.line) for f in found] == [("LN001", 3)]
    assert len(calls) == 1


def test_document_memo_builds_once_and_keeps_the_value():
    doc = make_document(TEXT, "a.md")
    built = []
    first = doc.memo("x", lambda d: built.append(d) or [1])
    assert doc.memo("x", lambda d: [2]) is first and built == [doc]
    assert [d.codes for d in suppression.directives(doc)] == [("LN201",), ("LN999",)]


def test_ruleset_memo_is_per_rule_set_and_not_pickled():
    ruleset = build_rules().ruleset
    table = ruleset.memo("test-table", lambda rs: {"n": len(rs.entries)})
    assert ruleset.memo("test-table", lambda rs: None) is table
    assert RuleSet().memo("test-table", lambda rs: {"n": 0}) == {"n": 0}
    copy = pickle.loads(pickle.dumps(ruleset))
    assert copy.memo("test-table", lambda rs: "rebuilt") == "rebuilt"


# -- per-rule-set data: one typed holder (lintnews.engine.ruledata) ------------------

def test_rule_data_is_built_once_per_rule_set_on_first_use():
    from lintnews.engine.ruledata import RuleData

    ruleset = build_rules().ruleset
    data = ruleset.data
    assert isinstance(data, RuleData) and ruleset.data is data
    assert data.spacing is ruleset.data.spacing
    assert data.confusables["Latin"]["а"] == "a"
    assert data.dateline_places["moscú"] == "Moscow"
    fresh = RuleSet()
    assert fresh.data is not data and "spacing" not in vars(fresh.data)
    assert fresh.data.dateline_places == {} and fresh.data.conventions == {}
    copy = pickle.loads(pickle.dumps(ruleset))
    assert copy.data is not data and copy.data.spacing == data.spacing


def test_every_piece_of_rule_data_a_module_asks_for_is_declared():
    """`ruleset.data.NAME` anywhere in the package names an attribute of RuleData."""
    from lintnews.engine.ruledata import RuleData

    package = Path(__file__).resolve().parent.parent / "lintnews"
    asked = {node.attr for path in package.rglob("*.py")
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute)
             and node.value.attr == "data" and _is_ruleset(node.value.value)}
    assert asked and asked <= set(vars(RuleData))
    assert {"entities", "spacing", "confusables", "language_evidence", "dateline_places"} <= asked


def _is_ruleset(node) -> bool:
    return (isinstance(node, ast.Name) and node.id == "ruleset") or (
        isinstance(node, ast.Attribute) and node.attr == "ruleset")


def test_no_cache_keyed_by_id_or_kept_in_an_objects_dict():
    """Per-document and per-rule-set data go through `Document.memo`, `RuleSet.memo`
    or `RuleSet.data`, never `id(x)`-keyed dicts or `x.__dict__` of another object."""
    package = Path(__file__).resolve().parent.parent / "lintnews"
    found = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr == "__dict__"
                    and isinstance(node.value, ast.Name) and node.value.id in ("doc", "ruleset", "vocab")):
                found.append((path.name, node.lineno))
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "id"
                    and node.args and isinstance(node.args[0], ast.Name)
                    and node.args[0].id in ("doc", "ruleset", "vocab")):
                found.append((path.name, node.lineno))
    assert found == []
