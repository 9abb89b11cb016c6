"""Hostile input: empty, binary, badly encoded and strangely ended files, and
a file system that misbehaves. Each case: a clear one-line message, the right
exit status, no traceback, and the other files still linted."""
from __future__ import annotations

import codecs
import errno
import json
import os

import pytest

from lintnews.run import source
from lintnews.run.files import discover
from lintnews.run.runner import Runner, Target
from lintnews.run.source import SourceError, decode, read_source
from helpers import lint

DAMAGED = "Officials in kyiv said so.\n"  # one LN201 finding at offset 13


def report(result):
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


def by_path(data):
    return {f["path"]: f for f in data["files"]}


def test_empty_and_whitespace_only_files_are_clean(tmp_path, run_cli):
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n  \r \n")
    (tmp_path / "blank.html").write_bytes(b"\n\n   \n")
    result = run_cli("check", "--format", "json", ".")
    data = report(result)
    assert result.returncode == 0, result.stderr
    assert sorted(by_path(data)) == ["blank.html", "blank.txt", "empty.md"]
    assert all(f["error"] is None and f["findings"] == [] for f in data["files"])


@pytest.mark.parametrize("name,content", [
    ("nul.txt", b"Officials in kyiv\x00\x00\x01 said so."),
    ("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
    ("photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
    ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
])
def test_binary_file_is_skipped_with_a_note(tmp_path, run_cli, name, content):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(DAMAGED)
    result = run_cli("check", "--format", "json", ".")
    data = report(result)
    assert f"lintnews: note: {name}: binary file, not text; skipped" in result.stderr
    assert "error:" not in result.stderr
    assert by_path(data)[name]["error"] == f"{name}: binary file, not text; skipped"
    assert [f["rule"] for f in by_path(data)["good.txt"]["findings"]] == ["LN201"]
    assert data["summary"]["skipped"] == 1 and data["summary"]["errors"] == 0
    assert result.returncode == 1  # the findings of good.txt, not the skipped file


def test_invalid_utf8_names_the_byte_offset_and_line(tmp_path, run_cli):
    (tmp_path / "legacy.txt").write_bytes(b"First line.\nThe caf\xe9 in kyiv.\n")
    (tmp_path / "good.txt").write_text(DAMAGED)
    result = run_cli("check", "--format", "json", ".")
    data = report(result)
    assert result.returncode == 2
    message = ("legacy.txt: not valid UTF-8 at byte 19 (line 2: invalid continuation byte); "
               "use --encoding to read another encoding, e.g. --encoding cp1252")
    assert f"lintnews: error: {message}\n" in result.stderr
    assert by_path(data)["legacy.txt"] == {"path": "legacy.txt", "error": message, "findings": []}
    assert [f["excerpt"] for f in by_path(data)["good.txt"]["findings"]] == ["kyiv"]


def test_encoding_flag_reads_legacy_files(tmp_path, run_cli):
    (tmp_path / "legacy.txt").write_bytes("The café in kyiv — “closed”.\n".encode("cp1252"))
    result = run_cli("check", "--format", "json", "--encoding", "cp1252", "legacy.txt")
    data = report(result)
    [finding] = [f for f in data["files"][0]["findings"] if f["rule"] == "LN201"]
    assert (finding["excerpt"], finding["offset"], finding["column"]) == ("kyiv", 12, 13)


@pytest.mark.parametrize("codec,reason", [
    ("no-such-codec", "unknown encoding 'no-such-codec'"),
    ("base64", "'base64' is not a text encoding"),
])
def test_unknown_encoding_is_a_usage_error(tmp_path, run_cli, codec, reason):
    (tmp_path / "a.txt").write_text(DAMAGED)
    result = run_cli("check", "--encoding", codec, "a.txt")
    assert result.returncode == 2
    assert reason in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_wrong_explicit_encoding_names_byte_and_line(tmp_path, run_cli):
    (tmp_path / "odd.txt").write_bytes(b"ab\ncd\nx")  # 7 bytes: not UTF-16
    result = run_cli("check", "--encoding", "utf-16-le", "odd.txt")
    assert result.returncode == 2
    assert "odd.txt: cannot decode as utf-16-le at byte 6 (line 3: truncated data)" in result.stderr


@pytest.mark.parametrize("bom,codec", [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
])
def test_byte_order_mark_files(tmp_path, run_cli, bom, codec):
    (tmp_path / "bom.txt").write_bytes(bom + "kyiv is here.\r\nAnd kyiv.\r\n".encode(codec))
    data = report(run_cli("check", "--format", "json", "bom.txt"))
    found = [(f["excerpt"], f["offset"], f["line"], f["column"]) for f in data["files"][0]["findings"]]
    assert found == [("kyiv", 0, 1, 1), ("kyiv", 19, 2, 5)]
    src = decode(bom + "x".encode(codec), "bom.txt")
    assert (src.text, src.encoding, src.bom) == ("x", codec, bom)


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n"])
def test_line_endings_give_right_line_and_column(ending):
    text = ending.join(["First.", "", "Then kyiv and", "kyiv again."]) + ending
    found = [(f.line, f.column, f.end_line, f.end_column) for f in lint(text) if f.rule == "LN201"]
    assert found == [(3, 6, 3, 10), (4, 1, 4, 5)]


def test_mixed_line_endings():
    text = "a\r\nb\rc\nd kyiv\n\r\nkyiv"
    found = [(f.offset, f.line, f.column) for f in lint(text) if f.rule == "LN201"]
    assert found == [(9, 4, 3), (16, 6, 1)]


# -- the file system ------------------------------------------------------

def _lint_folder(tmp_path, run_cli, *args):
    result = run_cli("check", "--format", "json", *args)
    return result, report(result)


def test_symlink_loops_in_a_folder_and_on_the_command_line(tmp_path, run_cli):
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "self").symlink_to(".")  # a folder loop: never entered
    (tmp_path / "good.txt").write_text(DAMAGED)
    result, data = _lint_folder(tmp_path, run_cli, ".", "a.txt")
    assert result.returncode == 2
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("lintnews: error:")]
    assert errors == ["lintnews: error: a.txt: symlink loop (too many levels of symbolic links)",
                      "lintnews: error: b.txt: symlink loop (too many levels of symbolic links)",
                      "lintnews: error: a.txt: symlink loop (too many levels of symbolic links)"]
    assert [f["path"] for f in data["files"]] == ["a.txt", "b.txt", "good.txt", "a.txt"]
    assert by_path(data)["good.txt"]["findings"][0]["excerpt"] == "kyiv"


def test_broken_symlink(tmp_path, run_cli):
    (tmp_path / "gone.txt").symlink_to("missing.txt")
    result = run_cli("check", "gone.txt")
    assert result.returncode == 2
    assert "lintnews: error: gone.txt: broken symlink (its target does not exist)" in result.stderr


def test_fifo_and_devices_are_refused_without_hanging(tmp_path, run_cli):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(DAMAGED)
    result, data = _lint_folder(tmp_path, run_cli, ".", "/dev/zero")
    assert result.returncode == 2
    assert "pipe.txt: not a regular file (a pipe, device or socket); skipped" in result.stderr
    assert "/dev/zero: not a regular file" in result.stderr
    assert by_path(data)["good.txt"]["findings"][0]["rule"] == "LN201"


def _permission_denied(*_args, **_kwargs):
    raise PermissionError(errno.EACCES, "Permission denied")


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    """Root can read anything, so the denial is simulated where it happens."""
    (tmp_path / "secret.txt").write_text(DAMAGED)
    monkeypatch.setattr(source.os, "open", _permission_denied)
    with pytest.raises(SourceError, match=r"^secret.txt: permission denied$"):
        read_source(tmp_path / "secret.txt", display="secret.txt")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_and_folder_for_real(tmp_path, run_cli):
    (tmp_path / "secret.txt").write_text(DAMAGED)
    (tmp_path / "secret.txt").chmod(0)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "x.txt").write_text(DAMAGED)
    (tmp_path / "locked").chmod(0)
    (tmp_path / "good.txt").write_text(DAMAGED)
    try:
        result, data = _lint_folder(tmp_path, run_cli, ".")
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert result.returncode == 2
    assert "lintnews: error: secret.txt: permission denied" in result.stderr
    assert "lintnews: error: locked: permission denied; folder not linted" in result.stderr
    assert by_path(data)["good.txt"]["findings"][0]["excerpt"] == "kyiv"


def test_unreadable_folder_simulated(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(DAMAGED)
    (tmp_path / "locked").mkdir()
    (tmp_path / "z.txt").write_text(DAMAGED)
    runner = Runner({})
    real_scandir = os.scandir

    def scandir(path):
        if os.path.basename(path) == "locked":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr("lintnews.run.files.os.scandir", scandir)
    found = list(discover([str(tmp_path)], runner.config_for))
    shown = [(os.path.basename(s), e and e.split(": ", 1)[1]) for _p, s, e in found]
    assert shown == [("a.txt", None), ("z.txt", None), ("locked", "permission denied; folder not linted")]


def test_file_deleted_while_the_run_goes_on(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(DAMAGED)
    runner = Runner({})
    results = []
    for path, shown, error in discover([str(tmp_path)], runner.config_for):
        results.append(runner.process(Target(path, os.path.basename(shown), error)))
        if len(results) == 1:
            (tmp_path / "b.txt").unlink()
    assert [(r.path, r.error) for r in results] == [
        ("a.txt", None), ("b.txt", "b.txt: no such file (deleted while lintnews ran?)"), ("c.txt", None)]
    assert [f.excerpt for f in results[2].findings] == ["kyiv"]


def test_file_replaced_by_a_folder_while_the_run_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(DAMAGED)
    runner = Runner({})
    [(path, shown, error)] = list(discover([str(tmp_path)], runner.config_for))
    (tmp_path / "a.txt").unlink()
    (tmp_path / "a.txt").mkdir()
    assert runner.process(Target(path, "a.txt")).error == "a.txt: is a folder"


def test_file_changed_between_read_and_fix_is_not_overwritten(tmp_path):
    """What `--fix` relies on: the raw bytes read are the check atomic_write makes."""
    from lintnews.engine.atomic import FileChangedError, atomic_write

    path = tmp_path / "a.txt"
    path.write_text(DAMAGED)
    read = read_source(path)
    path.write_text(DAMAGED + "An editor's new line.\n")
    with pytest.raises(FileChangedError):
        atomic_write(path, read.text.replace("kyiv", "Kyiv").encode(), read.raw)
    assert path.read_text() == DAMAGED + "An editor's new line.\n"


@pytest.mark.parametrize("module, package", [("spellchecker", "pyspellchecker"), ("ftfy", "ftfy")])
def test_a_missing_dependency_is_a_message_not_a_traceback(tmp_path, module, package):
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "a.txt").write_text("The remarks of Dario Benedettowho spoke in Kyivâ€™s centre.\n",
                                    encoding="utf-8")
    code = (f"import sys; sys.modules[{module!r}] = None\n"  # as if it were not installed
            "from lintnews.run.cli import main\n"
            "sys.exit(main(['check', '--no-cache', '-j', '1', 'a.txt']))\n")
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "LINTNEWS_TABLE_CACHE_DIR": ""}
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"the package '{package}' that lintnews needs is not installed" in proc.stderr
    assert f"pip install {package}" in proc.stderr
