"""Derived data is built once: per document (`Document.memo`) and per rule set (`RuleSet.memo`)."""
from __future__ import annotations

import pickle

from lintnews import suppression
from lintnews.engine import build_rules
from lintnews.markup import make_document
from lintnews.rules import RuleSet

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
