"""The command line's error paths (issue 25): exit 2 with a message, never a traceback read as findings."""
from __future__ import annotations

import os

import pytest

from lintnews.run.source import decode, utf16_without_bom


def test_report_to_a_folder_is_exit_2(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Officials in kyiv said so.\n")
    (tmp_path / "out").mkdir()
    for target in ("out", "/"):
        result = run_cli("check", "a.txt", "-o", target)
        assert result.returncode == 2, result.stderr
        assert "it is a folder" in result.stderr and "Traceback" not in result.stderr
    assert os.path.isdir(tmp_path / "out")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_disk_is_exit_2_and_the_device_stays(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Officials in kyiv said so.\n")
    before = os.stat("/dev/full")
    result = run_cli("check", "a.txt", "-o", "/dev/full")
    assert result.returncode == 2
    assert "cannot write the report to /dev/full: No space left on device" in result.stderr
    after = os.stat("/dev/full")
    assert (after.st_mode, after.st_rdev) == (before.st_mode, before.st_rdev)  # written to, not replaced


def test_report_to_a_device_is_written_not_replaced(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Officials in kyiv said so.\n")
    os.mkfifo(tmp_path / "pipe")
    reader = os.open(tmp_path / "pipe", os.O_RDONLY | os.O_NONBLOCK)
    try:
        result = run_cli("check", "a.txt", "--no-cache", "-o", "pipe")
        assert result.returncode == 1, result.stderr
        assert b"LN201" in os.read(reader, 100_000)
    finally:
        os.close(reader)
    assert not (tmp_path / "pipe").is_file()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_read_and_fixed_in_place(run_cli, tmp_path, codec):
    path = tmp_path / "a.txt"
    path.write_bytes("Officials in kyiv said so.\n".encode(codec))
    assert utf16_without_bom(path.read_bytes()) == codec
    result = run_cli("check", "a.txt", "--fix")
    assert path.read_bytes() == "Officials in Kyiv said so.\n".encode(codec), result.stderr


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_cyrillic_utf16_without_a_bom_is_recognised(run_cli, tmp_path, codec):
    text = "Київ і Харків. В kyiv сказали, що все гаразд.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(codec))
    assert utf16_without_bom(path.read_bytes()) == codec
    result = run_cli("check", "a.txt", "--no-cache", "--format", "json")
    assert result.returncode == 1, result.stderr
    assert '"LN201"' in result.stdout and "binary" not in result.stderr


def test_utf8_cyrillic_and_a_latin_binary_are_not_utf16():
    assert utf16_without_bom("Київ і Харків.\n".encode("utf-8") + b"\x00\x00") is None
    assert utf16_without_bom(bytes(range(32)) * 64) is None


def test_binary_with_nul_bytes_is_still_binary():
    assert utf16_without_bom(bytes(range(256)) * 8) is None
    assert utf16_without_bom(b"\x00\x01\x02\x03" * 100) is None
    assert decode("Kyiv.\n".encode("utf-16-le"), "a.txt").text == "Kyiv.\n"
