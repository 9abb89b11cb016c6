"""Corpus mode: JSON Lines records in, one JSON line of findings per record out."""
from __future__ import annotations

import json

import pytest

from lintnews.run import corpus
from lintnews.run.corpus import lint_records, read_records
from lintnews.run.parallel import AHEAD_PER_JOB
from lintnews.run.runner import Runner

DAMAGED = "Officials in kyiv said so."
CLEAN = "Officials in Kyiv said so."


def _jsonl(records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def test_each_record_gets_one_line_with_its_id(run_cli, tmp_path):
    (tmp_path / "c.jsonl").write_text(_jsonl([
        {"id": "a-1", "text": DAMAGED}, {"id": 2, "text": CLEAN}, {"id": 3, "text": "Kiev and kyiv."},
    ]), encoding="utf-8")
    result = run_cli("check", "--jsonl", "c.jsonl", "--format", "jsonl")
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a-1", 2, 3]
    assert [(f["rule"], f["excerpt"], f["offset"], f["suggestions"][0]["replacement"])
            for f in lines[0]["findings"]] == [("LN201", "kyiv", 13, "Kyiv")]
    assert lines[1]["findings"] == []
    assert [(f["rule"], f["offset"]) for f in lines[2]["findings"]] == [("LN202", 0), ("LN201", 9)]


def test_standard_input_and_other_field_names(run_cli):
    stdin = _jsonl([{"doc": 7, "body": DAMAGED}, {"doc": 8, "body": CLEAN}])
    result = run_cli("check", "--jsonl", "-", "--text-field", "body", "--id-field", "doc",
                     "--format", "jsonl", stdin=stdin)
    assert [(line["id"], len(line["findings"])) for line in map(json.loads, result.stdout.splitlines())] == [(7, 1), (8, 0)]


def test_bad_lines_are_errors_with_their_line_number_and_the_run_goes_on(run_cli, tmp_path):
    (tmp_path / "c.jsonl").write_text(
        '{"id": 1, "text": "Officials in kyiv said so."}\n'
        "not json\n"
        "\n"
        '{"id": 4, "title": "no text"}\n'
        '["a list"]\n'
        '{"text": "In kyiv."}\n', encoding="utf-8")
    result = run_cli("check", "--jsonl", "c.jsonl", "--format", "jsonl")
    assert result.returncode == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(line["id"], line["error"] is None, len(line["findings"])) for line in lines] == [
        (1, True, 1), (2, False, 0), (4, False, 0), (5, False, 0), (6, True, 1)]
    assert "c.jsonl:2: not a valid JSON line" in result.stderr
    assert "c.jsonl:4: no text in field 'text' (see --text-field)" in result.stderr
    assert "c.jsonl:5: expected a JSON object" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_corpus_is_a_clear_error(run_cli):
    result = run_cli("check", "--jsonl", "missing.jsonl")
    assert result.returncode == 2
    assert "missing.jsonl: cannot read (No such file or directory)" in result.stderr


def test_jsonl_and_paths_do_not_mix(run_cli):
    result = run_cli("check", "--jsonl", "c.jsonl", "news")
    assert result.returncode == 2
    assert "--jsonl reads its records from one file" in result.stderr


def test_the_jsonl_format_works_for_files_too(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(DAMAGED, encoding="utf-8")
    result = run_cli("check", "a.txt", "--format", "jsonl", "--no-cache")
    line = json.loads(result.stdout)
    assert (line["path"], [f["excerpt"] for f in line["findings"]]) == ("a.txt", ["kyiv"])


class _CountingLines:
    """A binary stream of generated JSON lines that counts how many were read."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.read = 0

    def __iter__(self):
        for n in range(self.count):
            self.read += 1
            yield json.dumps({"id": n, "text": f"Report {n}: officials in kyiv said so. " * 20}).encode() + b"\n"


def test_records_are_read_lazily():
    lines = _CountingLines(10)
    records = read_records(lines, "c.jsonl")
    first = next(records)
    assert (first.record_id, lines.read) == (0, 1)


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_out_before_the_input_ends(jobs):
    lines = _CountingLines(20_000)  # about 11 MB of records, never all in memory
    results = lint_records(read_records(lines, "c.jsonl"), Runner({}), jobs)
    first = next(results)
    assert first.record_id == 0
    assert [(f.rule, f.excerpt) for f in first.findings][:1] == [("LN201", "kyiv")]
    most_read = 3 + corpus.BATCH_RECORDS * (2 * AHEAD_PER_JOB + 1)
    assert lines.read <= most_read < lines.count
    results.close()
