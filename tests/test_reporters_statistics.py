"""--statistics: a count per rule, most frequent first, as ruff prints it."""
from __future__ import annotations

import json


def test_statistics_text_and_json(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("kyiv, kyiv and Kiev.\n")
    (tmp_path / "b.md").write_text("In kyiv.\n")
    text = run_cli("check", "--statistics", "a.txt", "b.md")
    assert text.returncode == 1
    assert text.stdout == "3  LN201  [*] lowercase-proper-noun\n1  LN202  [*] russian-derived-name\n"
    as_json = run_cli("check", "--statistics", "--format", "json", "a.txt", "b.md")
    assert json.loads(as_json.stdout) == [
        {"code": "LN201", "name": "lowercase-proper-noun", "count": 3, "fixable": 3},
        {"code": "LN202", "name": "russian-derived-name", "count": 1, "fixable": 1},
    ]


def test_statistics_with_nothing_found(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Kyiv.\n")
    result = run_cli("check", "--statistics", "a.txt")
    assert (result.returncode, result.stdout) == (0, "")
