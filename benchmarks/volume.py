"""Hostile volume: one line of N lowercase `kyiv` (default 2 million: 10 MB,
4 million findings — LN201 and LN203 on every word).

    python benchmarks/volume.py                       # 2,000,000 words, text output
    python benchmarks/volume.py --words 40000 --format jsonl
    python benchmarks/volume.py --profile             # cProfile in process (use few words)

Builds the file in a temporary folder, runs `python -m lintnews check` on it
in a fresh process (output to /dev/null, `--no-cache`, `--exit-zero`) and
reports the wall time, the child's peak RSS (`ru_maxrss` of the child) and
the number of findings (counted from a JSONL run when `--count` is given).
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(folder: Path, words: int) -> Path:
    path = folder / "kyiv.txt"
    path.write_text("kyiv " * (words - 1) + "kyiv\n", encoding="utf-8")
    return path


def run(path: Path, fmt: str, timeout: float) -> tuple[float, float, float, int]:
    """(seconds, CPU seconds, peak RSS in MiB, exit status) of one check of `path`.

    The CPU time (user + system of the child) is the figure to compare on a
    shared machine: the wall time grows with the load, the CPU time much less."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cmd = [sys.executable, "-m", "lintnews", "check", "--no-cache", "--exit-zero", "--format", fmt, str(path)]
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=sink, stderr=subprocess.PIPE)
        try:
            _out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return float("inf"), float("nan"), float("nan"), -1
    seconds = time.perf_counter() - start
    if proc.returncode:
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    # ru_maxrss of the children waited for so far: the largest is this one
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    peak = after.ru_maxrss / 1024
    return seconds, cpu, peak, proc.returncode


def count(path: Path) -> int:
    cmd = [sys.executable, "-m", "lintnews", "check", "--no-cache", "--exit-zero", "--format", "jsonl", str(path)]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True).stdout
    return out.count(b"\n")


def profile(path: Path) -> None:
    import cProfile
    import pstats

    sys.path.insert(0, str(ROOT))
    from lintnews.run.cli import main

    with open(os.devnull, "w") as sink:
        stdout, sys.stdout = sys.stdout, sink
        prof = cProfile.Profile()
        try:
            prof.runcall(main, ["check", "--no-cache", "--exit-zero", str(path)])
        finally:
            sys.stdout = stdout
    pstats.Stats(prof).sort_stats("cumulative").print_stats(30)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=2_000_000)
    parser.add_argument("--format", default="text", help="text, jsonl, json, ... (default text)")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--count", action="store_true", help="also count the findings (a JSONL run)")
    parser.add_argument("--profile", action="store_true", help="cProfile in process instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lintnews-volume-") as tmp:
        path = build(Path(tmp), args.words)
        size = path.stat().st_size
        if args.profile:
            profile(path)
            return 0
        seconds, cpu, peak, status = run(path, args.format, args.timeout)
        load = os.getloadavg()
        print(f"{args.words:,} words, {size / 1e6:.1f} MB, --format {args.format}: "
              + (f"{seconds:.1f} s" if seconds != float("inf") else f"timed out after {args.timeout:.0f} s")
              + f" ({cpu:.1f} s CPU), peak RSS {peak:.0f} MiB, exit {status}; "
              f"load average {load[0]:.2f} {load[1]:.2f}")
        if args.count:
            print(f"{count(path):,} findings")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
