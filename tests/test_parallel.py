"""--jobs: a process pool over files, output in input order, no pool for 1-2 files."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from lintnews.run import parallel
from lintnews.run.parallel import AHEAD_PER_JOB, ordered_map, process_targets
from lintnews.run.runner import Runner, Target

DAMAGED = "Officials in kyiv said on Monday that Kiev had no comment.\n"
CLEAN = "Officials in Kyiv said on Monday that they had no comment.\n"


def _square(n: int) -> int:
    return n * n


def _corpus(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = folder / f"a{i:03}.txt"
        path.write_text(DAMAGED if i % 3 else CLEAN, encoding="utf-8")
        paths.append(path)
    return paths


def test_two_jobs_give_the_same_report_as_one(run_cli, tmp_path):
    (tmp_path / "news").mkdir()
    _corpus(tmp_path / "news", 12)
    one = run_cli("check", "news", "--format", "json", "--no-cache", "--jobs", "1")
    two = run_cli("check", "news", "--format", "json", "--no-cache", "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    paths = [f["path"] for f in json.loads(two.stdout)["files"]]
    assert paths == sorted(paths) and len(paths) == 12
    first = json.loads(two.stdout)["files"][1]["findings"]
    assert [(f["rule"], f["excerpt"], f["offset"]) for f in first] == [
        ("LN201", "kyiv", 13), ("LN202", "Kiev", 38)]


def test_a_read_error_in_a_worker_is_reported_and_the_rest_linted(run_cli, tmp_path):
    (tmp_path / "news").mkdir()
    _corpus(tmp_path / "news", 6)
    (tmp_path / "news" / "a002.txt").write_bytes(b"caf\xe9 in kyiv\n")
    result = run_cli("check", "news", "--format", "json", "--no-cache", "--jobs", "2")
    assert result.returncode == 2
    assert "news/a002.txt: not valid UTF-8 at byte 3" in result.stderr
    files = json.loads(result.stdout)["files"]
    assert [f["error"] is not None for f in files] == [False, False, True, False, False, False]
    assert [f["rule"] for f in files[1]["findings"]] == ["LN201", "LN202"]


def test_jobs_must_be_a_positive_number(run_cli, tmp_path):
    result = run_cli("check", ".", "--jobs", "0")
    assert result.returncode == 2
    assert "expected a number of processes, 1 or more, not '0'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("count", [1, 2])
def test_one_or_two_files_never_start_a_pool(tmp_path, monkeypatch, count):
    def no_pool(*_args, **_kwargs):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(parallel, "ordered_map", no_pool)
    targets = [Target(p, p.name) for p in _corpus(tmp_path, count)]
    results = list(process_targets(Runner({}), targets, jobs=4))
    assert [r.path for r in results] == [t.shown for t in targets]


def test_many_files_go_through_the_pool_in_order(tmp_path, monkeypatch):
    calls = []
    real = parallel.ordered_map

    def spy(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "ordered_map", spy)
    targets = [Target(p, p.name) for p in _corpus(tmp_path, 9)]
    pooled = list(process_targets(Runner({}), targets, jobs=2))
    single = list(process_targets(Runner({}), targets, jobs=1))
    assert calls == [2]
    assert [(r.path, r.findings) for r in pooled] == [(r.path, r.findings) for r in single]
    assert [f.excerpt for f in pooled[1].findings] == ["kyiv", "Kiev"]


def test_a_runner_pickles_as_its_constructor_arguments(tmp_path):
    runner = Runner({"style": "ap"}, None, "latin-1", keep_text=True, cache_dir=tmp_path)
    copy = pickle.loads(pickle.dumps(runner))
    assert copy.args == runner.args
    assert copy.config_for(tmp_path).style == "ap"
    assert copy.cache is not None and copy.cache.folder == tmp_path


def test_ordered_map_keeps_input_order():
    assert list(ordered_map(_square, range(40), jobs=2)) == [n * n for n in range(40)]


def test_ordered_map_reads_only_a_few_items_ahead():
    pulled = []

    def items():
        for n in range(1000):
            pulled.append(n)
            yield n

    results = ordered_map(_square, items(), jobs=2)
    assert next(results) == 0
    assert len(pulled) <= 2 * AHEAD_PER_JOB + 1
    results.close()


# Workers that are still writing large results when the reader stops early.
# Killing them mid-write used to leave the pool's reader thread waiting for
# the rest of a message, and the interpreter hung at exit joining it.
EARLY_STOP_SCRIPT = """
import sys
from lintnews.run.parallel import ordered_map

def big(n):
    return "x" * 4_000_000

for _ in range(5):
    results = ordered_map(big, range(100), jobs=2)
    next(results)
    results.close()
print("exited")
"""


def test_stopping_early_while_workers_write_results_lets_python_exit():
    proc = subprocess.run([sys.executable, "-c", EARLY_STOP_SCRIPT], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "exited\n"


def _mark(item: tuple[str, int]) -> int:
    import time
    folder, n = item
    time.sleep(0.05)
    Path(folder, str(n)).touch()
    return n


def test_an_early_stop_leaves_no_work_running(tmp_path):
    results = ordered_map(_mark, ((str(tmp_path), n) for n in range(200)), jobs=2)
    assert next(results) == 0
    results.close()
    done = set(tmp_path.iterdir())
    assert len(done) <= 2 * AHEAD_PER_JOB + 2  # what was in flight, not the 200
    time.sleep(0.3)
    assert set(tmp_path.iterdir()) == done
