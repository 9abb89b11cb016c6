"""The command line, through a real subprocess: exit codes, stdin, formats, config, errors."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ARTICLE = "Officials in kyiv said on Monday that Kiev would answer.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_version(run_cli):
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.strip().startswith("lintnews ")


def test_text_report_shows_location_source_line_and_fix(run_cli, article):
    proc = run_cli("check", article.name, env={"NO_COLOR": "1"})
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0] == "story.txt:1:14: error: LN201 [capitalization] “kyiv” is a proper noun: write “Kyiv”."
    assert lines[1].endswith("| " + ARTICLE.rstrip("\n"))
    assert lines[2].endswith("|              ^^^^")
    assert "fix: replace with “Kyiv” (safe)" in lines[3]
    assert lines[-1].startswith("Found 2 finding(s) in 1 file(s)")
    assert "\x1b[" not in proc.stdout


def test_colour_only_on_request_or_terminal_and_never_with_no_color(run_cli, article):
    # a pipe is not a terminal: no colour by default
    assert "\x1b[" not in run_cli("check", article.name).stdout
    assert "\x1b[" in run_cli("check", article.name, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run_cli("check", article.name, env={"NO_COLOR": "1", "FORCE_COLOR": "1"}).stdout
    # an explicit flag is the user's word and beats the environment, as in ruff
    assert "\x1b[" in run_cli("check", article.name, "--color", "always", env={"NO_COLOR": "1"}).stdout


def test_fail_on_and_exit_zero(run_cli, article):
    assert run_cli("check", article.name, "--fail-on", "error").returncode == 1
    assert run_cli("check", article.name, "--select", "LN202", "--fail-on", "error").returncode == 0
    assert run_cli("check", article.name, "--select", "LN202").returncode == 1
    assert run_cli("check", article.name, "--exit-zero").returncode == 0


def test_stdin_with_filename_picks_markdown(run_cli):
    text = "Say `kyiv` in code, but kyiv in prose.\n"
    proc = run_cli("check", "-", "--stdin-filename", "notes.md", "--format", "json", stdin=text)
    report = json.loads(proc.stdout)
    assert report["files"][0]["path"] == "notes.md"
    assert [f["column"] for f in report["files"][0]["findings"]] == [text.rindex("kyiv") + 1]


def test_folders_use_include_and_skip_hidden(run_cli, tmp_path):
    (tmp_path / "a.md").write_text("kyiv\n", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>kyiv</p>\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("kyiv = 1\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.md").write_text("kyiv\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "e.txt").write_text("kyiv\n", encoding="utf-8")
    report = json.loads(run_cli("check", ".", "--format", "json").stdout)
    assert [f["path"] for f in report["files"]] == ["a.md", "b.html", "drafts/e.txt"]
    report = json.loads(run_cli("check", ".", "--format", "json", "--exclude", "drafts/*").stdout)
    assert [f["path"] for f in report["files"]] == ["a.md", "b.html"]


def test_config_file_discovered_from_the_file_folder(run_cli, tmp_path, article):
    (tmp_path / "pyproject.toml").write_text('[tool.lintnews]\nignore = ["LN201"]\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    report = json.loads(run_cli("check", article.name, "--format", "json", cwd=sub.parent).stdout)
    assert [f["rule"] for f in report["files"][0]["findings"]] == ["LN202"]


def test_bad_config_is_exit_2_without_traceback(run_cli, tmp_path, article):
    (tmp_path / ".lintnews.toml").write_text('colour = "red"\n', encoding="utf-8")
    proc = run_cli("check", article.name)
    assert proc.returncode == 2
    assert "unknown key 'colour'" in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_style_is_a_config_error(run_cli, article):
    proc = run_cli("check", article.name, "--style", "tabloid")
    assert proc.returncode == 2 and "unknown style 'tabloid'" in proc.stderr


def test_usage_error_is_exit_2(run_cli):
    proc = run_cli("check", "--format", "yaml")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_bad_inputs_are_reported_and_others_still_linted(run_cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 in kyiv".encode("latin-1"))
    (tmp_path / "good.txt").write_text("kyiv\n", encoding="utf-8")
    proc = run_cli("check", ".", "missing.txt", "--format", "json")
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    by_path = {f["path"]: f for f in report["files"]}
    assert by_path["empty.txt"] == {"path": "empty.txt", "error": None, "findings": []}
    assert "binary" in by_path["image.md"]["error"]
    assert "not valid UTF-8 at byte 3" in by_path["latin1.txt"]["error"]
    assert [f["rule"] for f in by_path["good.txt"]["findings"]] == ["LN201"]
    assert by_path["missing.txt"]["error"] == "missing.txt: no such file or folder"
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 3
    latin = run_cli("check", "latin1.txt", "--encoding", "latin-1", "--format", "json")
    assert [f["excerpt"] for f in json.loads(latin.stdout)["files"][0]["findings"]] == ["kyiv"]


@pytest.mark.slow
def test_large_single_line_and_many_files(run_cli, tmp_path):
    (tmp_path / "big.txt").write_text(("Officials in Kyiv said so. " * 800_000) + "kyiv", encoding="utf-8")
    proc = run_cli("check", "big.txt", "--format", "json")
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert proc.returncode == 1 and [(f["line"], f["excerpt"]) for f in findings] == [(1, "kyiv")]
    many = tmp_path / "many"
    many.mkdir()
    for i in range(10_000):
        (many / f"{i:05}.txt").write_text("Kyiv.\n" if i % 1000 else "kyiv.\n", encoding="utf-8")
    proc = run_cli("check", "many", "--format", "json")
    report = json.loads(proc.stdout)
    assert report["summary"]["files"] == 10_000 and report["summary"]["findings"] == 10


def test_rules_list_and_rule_docs(run_cli):
    listing = run_cli("rules").stdout
    assert any(line.startswith("LN201    lowercase-proper-noun") for line in listing.splitlines())
    doc = run_cli("rule", "LN202")
    assert doc.returncode == 0 and "Fires on:" in doc.stdout and "Stays silent on:" in doc.stdout
    missing = run_cli("rule", "LN999")
    assert missing.returncode == 2 and "unknown rule" in missing.stderr
    rules = json.loads(run_cli("rules", "--format", "json").stdout)
    assert {"code", "name", "category", "severity", "fixable", "summary"} <= set(rules[0])


def test_python_dash_m_equals_console_script(run_cli, article):
    proc = run_cli(article.name, "--format", "json")  # `check` is implied
    assert json.loads(proc.stdout)["files"][0]["path"] == "story.txt"


def test_colour_on_a_real_terminal(tmp_path, article):
    import os
    import pty
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["PYTHONPATH"] = str(ROOT)
    for extra, coloured in (({}, True), ({"NO_COLOR": "1"}, False)):
        leader, follower = pty.openpty()
        proc = subprocess.run([sys.executable, "-m", "lintnews", "check", article.name],
                              cwd=tmp_path, stdout=follower, stderr=subprocess.DEVNULL,
                              env={**env, **extra}, timeout=60)
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        os.close(leader)
        assert proc.returncode == 1
        assert (b"\x1b[" in output) is coloured, output[:200]


def test_report_into_a_missing_folder_is_a_clear_error(run_cli, article):
    proc = run_cli("check", article.name, "-o", "no/such/folder/report.json")
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith(
        "lintnews: error: cannot write the report to no/such/folder/report.json: No such file or directory")
    assert "Traceback" not in proc.stderr


def test_a_code_that_names_no_rule_is_an_error_not_an_empty_selection(run_cli, tmp_path, article):
    proc = run_cli("check", article.name, "--select", "LN2O1")
    assert proc.returncode == 2
    assert "'LN2O1' (from the flags) is not a rule code or prefix" in proc.stderr
    (tmp_path / ".lintnews.toml").write_text('ignore = ["LN99"]\n', encoding="utf-8")
    proc = run_cli("check", article.name)
    assert proc.returncode == 2 and "'LN99' (from the flags or " in proc.stderr
    (tmp_path / ".lintnews.toml").unlink()
    assert run_cli("check", article.name, "--select", "LN2", "--ignore", "LN202").returncode == 1
