"""The compact FindingSet and the streamed engine give what the list-based
engine gave: same findings, same order, same reports."""
from __future__ import annotations

import io
import json
from pathlib import Path
from dataclasses import replace

from lintnews.config import Config
from lintnews.engine.lint import _allowed_spans, _override, context_for, findings_of, lint_document
from lintnews.engine.findingset import FindingSet
from lintnews.markup import make_document
from lintnews.engine.overlap import fold
from lintnews.engine.results import FileResult
from lintnews.engine.suppression import Suppressions

TEXT = (
    "<!-- lintnews-disable-next-line LN604 -->\n"
    "In kyiv the the talks began.\n\n"
    "Officials in kyiv said “the the” twice, and chicken kiev was served in kharkiv.\n\n"
    "kyiv kyiv kyiv and lviv lviv.\n"
)


def reference(doc, ctx):
    """The engine's filtering, ordering and folding as it was before the FindingSet."""
    found = []
    for item in ctx.rules.checks:
        if ctx.any_enabled(item):
            found.extend(f for f in item.run(doc, ctx) if ctx.enabled(f.rule))
    overrides = ctx.config.severity_overrides()
    ignored = ctx.config.ignores_for(doc.path)
    allowed = _allowed_spans(doc.text, ctx.config.allow)
    suppressions = Suppressions.of(doc)
    seen, out = set(), []
    for f in sorted(found, key=lambda f: (f.offset, f.end_offset, -f.severity, f.rule)):
        key = (f.rule, f.offset, f.end_offset)
        same_fix = (f.offset, f.end_offset, f.fixes[0].edits[0].replacement) if f.fixes else None
        if key in seen or (same_fix and same_fix in seen):
            continue
        seen.add(key)
        if same_fix:
            seen.add(same_fix)
        if ignored and any(f.rule.startswith(c) for c in ignored):
            continue
        if allowed and any(s < f.end_offset and f.offset < e for s, e in allowed):
            continue
        if suppressions and suppressions.suppressed(f):
            continue
        severity = _override(f.rule, overrides)
        if severity is not None and severity != f.severity:
            f = replace(f, severity=severity)
        out.append(f)
    out.sort(key=lambda f: f.sort_key())
    return fold(doc, out)  # one problem, one finding; no safe fix in quoted speech


def test_the_streamed_engine_matches_the_list_engine_under_every_filter():
    configs = [
        Config(),
        Config(allow=("lviv lviv",), severity={"LN201": "error", "LN6": "info"}),
        Config(per_file_ignores=(("*.md", ("LN2",)),)),
    ]
    for config in configs:
        ctx = context_for(config)
        doc = make_document(TEXT, "a.md")
        expected = reference(make_document(TEXT, "a.md"), ctx)
        got = findings_of(doc, ctx)
        assert isinstance(got, FindingSet)
        assert list(got) == expected and got == expected and len(got) == len(expected)
        assert got[0] == expected[0] and got[-2:] == expected[-2:]
        assert expected, "the sample must have findings"
    codes = [f.rule for f in lint_document(make_document(TEXT, "a.md"), context_for(Config()))]
    assert "LN201" in codes and "LN604" in codes


def test_counts_and_worst_need_no_finding_built():
    ctx = context_for(Config())
    found = findings_of(make_document(TEXT, "a.md"), ctx)
    totals = {}
    for entry, n in found.counts():
        totals[entry[0]] = totals.get(entry[0], 0) + n
    assert totals == {r: sum(1 for f in found if f.rule == r) for r in totals}
    assert FileResult("a.md", found).worst() == max(f.severity for f in found)
    assert FileResult("a.md").worst() is None


def test_a_json_record_written_piece_by_piece_is_the_same_bytes():
    ctx = context_for(Config())
    result = FileResult("a.md", findings_of(make_document(TEXT * 40, "a.md"), ctx))
    out = io.StringIO()
    result.write_json(out.write, lambda v: json.dumps(v, ensure_ascii=False))
    assert out.getvalue() == json.dumps(result.to_dict(), ensure_ascii=False)
    out = io.StringIO()
    result.write_json(out.write, json.dumps, {"id": 7})
    data = result.to_dict()
    del data["path"]
    assert out.getvalue() == json.dumps({"id": 7, **data})
    empty = io.StringIO()
    FileResult("b.md", error="unreadable").write_json(empty.write, json.dumps)
    assert empty.getvalue() == json.dumps({"path": "b.md", "error": "unreadable", "findings": []})


def test_the_text_report_shows_a_window_of_a_long_line():
    from lintnews.report.text import Reporter

    text = "word\tmore " * 40 + "in kyiv today." + " filler" * 40 + "\n"
    findings = findings_of(make_document(text, "a.txt"), context_for(Config()))
    out = io.StringIO()
    Reporter(out, colour=False).file(FileResult("a.txt", findings, None, text))
    first = out.getvalue().splitlines()[:4]
    col = text.index("kyiv") + 1
    shown = text[col - 1 - 40: col - 1 - 40 + 160].replace("\t", " ")
    assert first == [
        f"a.txt:1:{col}: error: LN201 [capitalization] {findings[0].message}",
        f"     1 | {shown}",
        "       | " + " " * 40 + "^^^^",
        "      = fix: replace with “Kyiv” (safe)",
    ]


def test_json_texts_are_the_records_dumps_would_write():
    from lintnews.report.json import _dumps as json_dumps
    from lintnews.report.jsonl import _dumps as jsonl_dumps

    text = (TEXT + "Кyiv is “quoted\u201d and Ã©tÃ© and caf\u00e9 spoke.\n\n"
            "A lone \udcff surrogate in kyiv, kyiv ,said the the man.\n\n"
            "In kyiv\u00a0 the the line\nbreaks inside a finding.\n")
    found = findings_of(make_document(text, "a.md"), context_for(Config()))
    assert isinstance(found, FindingSet)
    rules = {f.rule for f in found}
    assert {"LN101", "LN201", "LN604"} <= rules  # relative fixes, non-ASCII, several kinds
    assert any(f.excerpt and "\udcff" in found._text[f.offset - 20:f.end_offset + 20] for f in found)
    for dumps in (json_dumps, jsonl_dumps, json.dumps, lambda v: json.dumps(v, ensure_ascii=False)):
        assert list(found.json_texts(dumps)) == [dumps(f.to_dict()) for f in found]


def test_json_texts_with_lone_surrogates_absolute_fixes_and_spans_over_lines():
    from lintnews.finding import DISPLAY_ONLY, SAFE, UNSAFE, Edit, Finding, Fix, Severity
    from lintnews.engine.findingset import Collector
    from lintnews.report.json import _dumps

    text = "first line caf\u00e9\nsecond \udcff line\nthird line\n"
    starts = [0, 16, 31]

    def finding(rule, start, end, message, fixes=(), arguments=()):
        return Finding(rule, "name", "category", Severity.WARNING, start, end, 0, 0, 0, 0,
                       text[start:end], message, tuple(fixes), "default", arguments)

    collector = Collector(text, starts)
    collector.add_all([
        finding("LN001", 0, 5, "plain", [Fix.replace(0, 5, "First", SAFE)], (("n", 3), ("word", "caf\u00e9"))),  # relative
        finding("LN002", 11, 20, "over two lines: caf\u00e9", [Fix.replace(40, 45, "x", UNSAFE)]),  # absolute
        finding("LN003", 23, 28, "the excerpt holds a lone surrogate"),
        finding("LN004", 31, 36, "the message holds one: \udcfe", [Fix.replace(31, 36, "", SAFE)]),
        # a display-only fix (not among the suggestions) and a fix of two edits, one of them relative
        finding("LN005", 37, 40, "two fixes", [Fix.replace(37, 40, "y", DISPLAY_ONLY),
                                               Fix((Edit(37, 40, "z"), Edit(41, 42, "w")), UNSAFE)]),
    ], lambda rule: True)
    found = collector.finish(None, lambda rule: None)
    built = list(found)
    assert [(f.rule, f.line, f.end_line) for f in built] == [
        ("LN001", 1, 1), ("LN002", 1, 2), ("LN003", 2, 2), ("LN004", 3, 3), ("LN005", 3, 3)]
    assert built[0].details == {"n": 3, "word": "caf\u00e9"}
    assert built[4].fixes == (Fix.replace(37, 40, "y", DISPLAY_ONLY), Fix((Edit(37, 40, "z"), Edit(41, 42, "w")), UNSAFE))
    assert "\udcff" in built[2].excerpt
    assert [(e.offset, e.end_offset) for x in built[1].fixes for e in x.edits] == [(40, 45)]
    texts = list(found.json_texts(_dumps))
    assert texts == [_dumps(f.to_dict()) for f in built]
    assert "\\udcff" in texts[2] and texts[2].isascii()  # escaped whole, as the reporter does
    assert "café" in texts[1] and "\\udcfe" in texts[3]


def test_the_text_report_of_a_finding_set_is_that_of_its_findings():
    from lintnews.finding import DISPLAY_ONLY, SAFE, UNSAFE, Edit, Finding, Fix, Severity
    from lintnews.engine.findingset import Collector
    from lintnews.report.text import Reporter

    def report(findings, text):
        out = io.StringIO()
        Reporter(out, colour=False).file(FileResult("a.md", findings, None, text))
        return out.getvalue()

    found = findings_of(make_document(TEXT * 3, "a.md"), context_for(Config()))
    assert isinstance(found, FindingSet) and len(found) > 10
    assert report(found, TEXT * 3) == report(FindingSet.of(TEXT * 3, list(found)), TEXT * 3)
    # absolute and multi-line fixes, a removal, an unsafe one, a span over two lines
    text = "first line café\nsecond line\nthird\tline\n"
    collector = Collector(text, [0, 16, 28])

    def finding(rule, start, end, fixes=()):
        return Finding(rule, "name", "category", Severity.WARNING, start, end, 0, 0, 0, 0,
                       text[start:end], f"message of {rule}", tuple(fixes))

    collector.add_all([
        finding("LN001", 0, 5, [Fix.replace(0, 5, "First", SAFE)]),
        finding("LN002", 11, 20, [Fix.replace(40, 45, "x\ny", UNSAFE)]),
        finding("LN003", 28, 33, [Fix.replace(28, 33, "", DISPLAY_ONLY)]),
        finding("LN004", 33, 37),
    ], lambda rule: True)
    built = collector.finish(None, lambda rule: None)
    shown = report(built, text)
    assert shown == report(FindingSet.of(text, list(built)), text)
    assert "a.md:1:12: warning: LN002 [category] message of LN002\n" in shown
    assert "      = fix: replace (see --diff) (unsafe)\n" in shown and "      = fix: remove (display-only)\n" in shown


def test_a_finding_set_crosses_to_another_process_compactly():
    import pickle

    from lintnews.run.runner import Runner

    text = "Officials in kyiv said so. " * 2000
    findings = Runner({}).lint_text(text, "a.txt", Path(".")).findings
    assert isinstance(findings, FindingSet) and len(findings) >= 2000
    data = pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(data)
    assert isinstance(back, FindingSet) and back == findings
    assert b"Finding" not in data.replace(b"FindingSet", b"")  # no Finding object per finding
    assert len(data) < 40 * len(findings) + 4 * len(text)
