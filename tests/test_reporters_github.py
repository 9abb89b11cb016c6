"""--format github: workflow commands that annotate a pull request."""
from __future__ import annotations

from lintnews.report.github import command, escape_data, escape_property


def test_escaping_follows_the_workflow_command_rules():
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("dir,x/a:b%.md") == "dir%2Cx/a%3Ab%25.md"
    assert command("notice", {"file": "a,b.md", "line": 1}, "x\ny") == "::notice file=a%2Cb.md,line=1::x%0Ay\n"


def test_github_format_from_the_cli(run_cli, tmp_path):
    (tmp_path / "news, today.md").write_text("# Talks\n\nOfficials in kyiv said Kiev was calm.\n")
    result = run_cli("check", "--format", "github", "news, today.md")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=news%2C today.md,line=3,col=14,endLine=3,endColumn=18,title=LN201::"
        "“kyiv” is a proper noun: write “Kyiv”. Suggested fix: “Kyiv”.",
        "::warning file=news%2C today.md,line=3,col=24,endLine=3,endColumn=28,title=LN202::"
        "“Kiev” is the Russian-derived spelling of Київ: English news writes “Kyiv”. This text also writes “Kyiv” once, in lowercase. Suggested fix: “Kyiv”.",
    ]


def test_github_format_reports_unreadable_files_and_info_as_notice(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("In kyiv.\n")
    result = run_cli("check", "--format", "github", "a.txt", "gone.txt",
                     env={"LINTNEWS_UNUSED": "1"})
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=a.txt,line=1,col=4,")
    assert lines[1] == "::error file=gone.txt,title=lintnews::gone.txt: no such file or folder"
    (tmp_path / "pyproject.toml").write_text('[tool.lintnews]\nseverity = {LN201 = "info"}\n')
    info = run_cli("check", "--format", "github", "a.txt")
    assert info.stdout.startswith("::notice file=a.txt,line=1,col=4,endLine=1,endColumn=8,title=LN201::")


def test_a_finding_over_several_lines_has_no_columns(run_cli, tmp_path):
    # GitHub takes col/endColumn only within one line: a repeated two-line paragraph has none
    paragraph = ("Officials said the talks would resume on Monday in the capital.\n"
                 "The mayor added that the shelling had stopped overnight.\n")
    (tmp_path / "a.txt").write_text(paragraph + "\n" + paragraph, encoding="utf-8")
    (line,) = run_cli("check", "--format", "github", "--select", "LN701", "a.txt").stdout.splitlines()
    assert line.startswith("::warning file=a.txt,line=4,endLine=5,title=LN701::")
    # a one-line finding keeps its columns
    (tmp_path / "b.txt").write_text("Officials in kyiv said.\n", encoding="utf-8")
    assert run_cli("check", "--format", "github", "b.txt").stdout.startswith(
        "::error file=b.txt,line=1,col=14,endLine=1,endColumn=18,title=LN201::")
