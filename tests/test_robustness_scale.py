"""Size, strange Unicode and interruption: bounded time and memory, correct
positions, and Ctrl-C that leaves nothing half-written."""
from __future__ import annotations

import io
import json
import os
import resource
import signal
import subprocess
import sys
import time
import unicodedata

import pytest

from conftest import ROOT
from helpers import lint
from lintnews.report.json import Reporter
from lintnews.engine.findingset import FindingSet
from lintnews.engine.results import FileResult, Summary

LINE = "Officials in Kyiv said on Tuesday that the talks would resume next week, as planned.\n"
DAMAGED_LINE = LINE.replace("Kyiv", "kyiv")


def cli(*args, cwd, timeout=120):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "lintnews", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


def child_peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


@pytest.mark.slow
def test_100_mb_file_in_bounded_time_and_memory(tmp_path):
    block = LINE * 999 + DAMAGED_LINE
    copies = 100_000_000 // len(block)
    (tmp_path / "big.txt").write_text(block * copies)
    result = cli("check", "--format", "json", "-o", "report.json", "big.txt", cwd=tmp_path, timeout=900)  # a hang guard
    assert "Traceback" not in result.stderr
    every = json.loads((tmp_path / "report.json").read_text())["files"][0]["findings"]
    findings = [f for f in every if f["rule"] == "LN201"]
    assert len(findings) == copies and {f["excerpt"] for f in findings} == {"kyiv"}
    assert findings[-1]["line"] == copies * 1000 and findings[-1]["column"] == 14
    # one line (case aside) repeated a million times: ten copies reported, then a summary
    repeats = [f for f in every if f["rule"] == "LN701"]
    assert len(repeats) == 11 and len(every) == len(findings) + len(repeats)
    # memory stays bounded (its time is benchmarks/volume.py's to measure, not a test's)
    assert child_peak_kb() < 2_000_000, child_peak_kb()


@pytest.mark.slow
def test_10_mb_single_line(tmp_path):
    text = LINE.strip() * (10_000_000 // len(LINE)) + " kyiv"
    (tmp_path / "line.txt").write_text(text)
    result = cli("check", "--format", "json", "line.txt", cwd=tmp_path)
    findings = json.loads(result.stdout)["files"][0]["findings"]
    ln201 = [f for f in findings if f["rule"] == "LN201"]
    assert ln201[-1]["offset"] == len(text) - 4 and ln201[-1]["line"] == 1
    assert ln201[-1]["column"] == len(text) - 3


@pytest.mark.slow
def test_one_megabyte_tokens():
    token = "x" * 1_000_000
    mixed = "Кy" * 500_000
    text = f"{token} in kyiv {mixed} and kyiv{token}.\n"
    found = [(f.rule, f.offset) for f in lint(text) if f.rule == "LN201"]
    assert found == [("LN201", 1_000_004)]
    assert "kyiv" in text_report(text)


def text_report(text: str) -> str:
    from lintnews.report.text import Reporter as TextReporter

    stream = io.StringIO()
    reporter = TextReporter(stream, colour=False)
    reporter.file(FileResult("a.txt", FindingSet.of(text, lint(text)), text=text))
    return stream.getvalue()


# -- unusual Unicode -----------------------------------------------------

def test_combining_marks_keep_positions():
    text = "Cafe\u0301 owners in kyiv and Kie\u0301v.\n"
    [f] = [f for f in lint(text) if f.rule == "LN201"]
    assert (f.excerpt, f.offset, f.column) == ("kyiv", 16, 17)
    assert "Kie\u0301v" not in {g.excerpt for g in lint(text)}  # not the variant Kiev
    nfc = unicodedata.normalize("NFC", text)
    assert [g.offset for g in lint(nfc) if g.rule == "LN201"] == [15]


def test_emoji_zwj_sequences_and_rtl_text():
    family = "👩\u200d👩\u200d👧\u200d👦"
    text = f"{family} in kyiv. שלום kyiv مرحبا \u202ekyiv\u202c.\n"
    found = [(f.excerpt, f.offset, f.column) for f in lint(text) if f.rule == "LN201"]
    offsets = [i for i in range(len(text)) if text.startswith("kyiv", i)]
    assert found == [("kyiv", o, o + 1) for o in offsets]


def test_lone_surrogates_do_not_crash_and_json_stays_valid():
    raw = b"Officials in kyiv \xff\xfe said so.\n"
    text = raw.decode("utf-8", "surrogateescape")
    for name in ("a.txt", "a.md", "a.html"):
        findings = lint(text, filename=name)
        assert [f.excerpt for f in findings if f.rule == "LN201"] == ["kyiv"]
    findings = lint(text + "\udc80kyiv\ud800")
    buffer = io.BytesIO()
    stream = io.TextIOWrapper(buffer, encoding="utf-8")  # strict: raw surrogates would raise
    reporter = Reporter(stream)
    summary = Summary()
    result = FileResult("caf\udce9.txt", FindingSet.of(text + "\udc80kyiv\ud800", findings))
    reporter.start()
    reporter.file(result)
    summary.add(result)
    reporter.finish(summary)
    stream.flush()
    data = json.loads(buffer.getvalue().decode("utf-8"))
    assert data["files"][0]["path"] == "caf\udce9.txt"
    assert [f["excerpt"] for f in data["files"][0]["findings"]] == [f.excerpt for f in findings]


def test_file_name_not_valid_utf8(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text("Officials in kyiv said so.\n")
    for fmt in ("text", "json"):
        result = cli("check", "--format", fmt, "-o", f"report.{fmt}", name, cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
    data = json.loads((tmp_path / "report.json").read_text())
    assert data["files"][0]["path"] == name
    assert (tmp_path / "report.text").read_bytes().startswith(b"caf\xe9.txt:1:14: error: LN201")


# -- Ctrl-C ---------------------------------------------------------------

@pytest.mark.slow
def test_ctrl_c_exits_130_without_partial_report_or_temp_file(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"article{i:02d}.txt").write_text(DAMAGED_LINE * 20_000)
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").write_text("the previous report\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "lintnews", "check", "--format", "json",
                             "-o", str(out / "report.json"), str(corpus)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 60
    while len(os.listdir(out)) < 2 and time.monotonic() < deadline:  # the temp report exists: running
        time.sleep(0.02)
    time.sleep(0.3)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the run and its pool workers
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert stderr.endswith("lintnews: error: interrupted\n") and "Traceback" not in stderr
    assert os.listdir(out) == ["report.json"]
    assert (out / "report.json").read_text() == "the previous report\n"
