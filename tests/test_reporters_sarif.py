"""--format sarif: SARIF 2.1.0 that validates against the official schema."""
from __future__ import annotations

import json

import pytest

from pathlib import Path

# the OASIS schema, shipped as test data (tests/data/README.md: source and licence)
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
ARTICLE = "Talks\r\nOfficials in kyiv said Kiev was calm.\r\n"


@pytest.fixture
def sarif(run_cli, tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a b.txt").write_bytes(ARTICLE.encode())
    (tmp_path / "news" / "clean.md").write_text("All calm in Kyiv.\n")
    result = run_cli("check", "--format", "sarif", "news")
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def test_sarif_validates_against_the_official_schema(sarif):
    import jsonschema

    jsonschema.validate(sarif, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_sarif_structure(sarif):
    assert sarif["version"] == "2.1.0"
    assert sarif["$schema"].endswith("sarif-2.1.0.json")
    (run,) = sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"] == [{"executionSuccessful": True}]
    driver = run["tool"]["driver"]
    assert driver["name"] == "lintnews"
    rules = {r["id"]: r for r in driver["rules"]}
    assert sorted(rules) == ["LN201", "LN202"]
    ln201 = rules["LN201"]
    assert ln201["name"] == "lowercase-proper-noun"
    assert ln201["shortDescription"]["text"].startswith("A place or person's name written in lowercase")
    assert "proper nouns in\nlowercase" in ln201["fullDescription"]["text"]
    assert ln201["help"]["text"].startswith("LN201 lowercase-proper-noun")
    assert ln201["defaultConfiguration"] == {"level": "error"}
    assert [r["ruleId"] for r in run["results"]] == ["LN201", "LN202"]
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_result_region_and_fix(sarif):
    first, second = sarif["runs"][0]["results"]
    assert first["level"] == "error" and second["level"] == "warning"
    assert first["message"]["text"] == "“kyiv” is a proper noun: write “Kyiv”."
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "news/a%20b.txt"
    assert location["region"] == {"startLine": 2, "startColumn": 14, "endLine": 2, "endColumn": 18,
                                  "charOffset": 20, "charLength": 4, "snippet": {"text": "kyiv"}}
    assert ARTICLE[20:24] == "kyiv"
    (change,) = first["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "news/a%20b.txt"
    assert change["replacements"] == [{"deletedRegion": {"charOffset": 20, "charLength": 4},
                                       "insertedContent": {"text": "Kyiv"}}]
    assert first["fixes"][0]["properties"] == {"safe": True, "applicability": "safe"}
    assert first["properties"] == {"category": "capitalization", "template": "default",
                                   "arguments": {"found": "kyiv", "expected": "Kyiv"}}


def test_sarif_with_no_findings_and_a_read_error(run_cli, tmp_path):
    (tmp_path / "ok.txt").write_text("Kyiv.\n")
    result = run_cli("check", "--format", "sarif", "ok.txt", "missing.txt")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    (run,) = data["runs"]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "missing.txt" in note["message"]["text"]
    if SCHEMA.is_file():
        import jsonschema

        jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_output_suffix_picks_the_format(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("In kyiv.\n")
    run_cli("check", "a.txt", "-o", "report.sarif")
    assert json.loads((tmp_path / "report.sarif").read_text())["version"] == "2.1.0"
    run_cli("check", "a.txt", "-o", "report.out")
    assert (tmp_path / "report.out").read_text().startswith("a.txt:1:4: error: LN201")
