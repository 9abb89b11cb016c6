"""Real JSON output validates against the documented schema, docs/report-schema.json."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "report-schema.json").read_text(encoding="utf-8"))


def test_report_validates_and_matches_text(run_cli, tmp_path):
    text = "kyiv\r\nLine two with Kiev.\n"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "b.md").write_bytes(b"\xff\xfe")
    proc = run_cli("check", ".", "--format", "json")
    report = json.loads(proc.stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["schema"] == "lintnews-report/1"
    findings = report["files"][0]["findings"]
    for f in findings:
        assert text[f["offset"]:f["end_offset"]] == f["excerpt"]
    assert [(f["line"], f["column"], f["end_column"]) for f in findings] == [(1, 1, 5), (2, 15, 19)]
    assert report["summary"]["by_category"] == {"capitalization": 1, "transliteration": 1}
    assert report["summary"]["errors"] == 0 or report["files"][1]["error"]


def test_empty_run_is_a_valid_report(run_cli, tmp_path):
    (tmp_path / "ok.txt").write_text("All quiet in Kyiv.\n", encoding="utf-8")
    report = json.loads(run_cli("check", "ok.txt", "--format", "json").stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["files"] == [{"path": "ok.txt", "error": None, "findings": []}]


def test_a_finding_carries_its_fixes_template_and_arguments(run_cli, tmp_path):
    # LN201 (a safe fix), LN101 on a Cyrillic initial (two display-only hints)
    text = "Officials in kyiv met \u0412. K. Arsenyev.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    report = json.loads(run_cli("check", "a.txt", "--format", "json").stdout)
    jsonschema.validate(report, SCHEMA)
    by_rule = {f["rule"]: f for f in report["files"][0]["findings"]}
    kyiv, initial = by_rule["LN201"], by_rule["LN101"]
    at = text.index("kyiv")
    assert kyiv["fixes"] == [{"applicability": "safe",
                              "edits": [{"offset": at, "end_offset": at + 4, "replacement": "Kyiv"}]}]
    assert kyiv["suggestions"] == [{"replacement": "Kyiv", "safe": True, "offset": at, "end_offset": at + 4}]
    assert (kyiv["template"], kyiv["arguments"]) == ("default", {"found": "kyiv", "expected": "Kyiv"})
    # a hint is a fix of its own applicability, never a suggestion (which --fix would make)
    assert [(x["applicability"], x["edits"][0]["replacement"]) for x in initial["fixes"]] == [
        ("display-only", "B"), ("display-only", "V")]
    assert initial["suggestions"] == []
    assert initial["template"] == "initial-or-name"
    assert initial["arguments"]["latin"] == "B" and initial["arguments"]["roman"] == "V"


def test_the_json_of_a_finding_reads_back_the_same():
    from lintnews import lint_text
    from lintnews.finding import Finding

    for f in lint_text("Officials in kyiv met \u0412. K. Arsenyev.\nExit mobile version\n"):
        assert Finding.from_dict(json.loads(json.dumps(f.to_dict()))) == f
