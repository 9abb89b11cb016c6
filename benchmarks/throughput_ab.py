"""Throughput of two lintnews checkouts on the same corpus, alternated run by run.

    python benchmarks/throughput_ab.py --against /tmp/old-checkout
    python benchmarks/throughput_ab.py --against /tmp/old --files 100 --rounds 3 --jobs 1
    python benchmarks/throughput_ab.py --against /tmp/old --corpus /tmp/plain-news   # real text

On a shared machine the speed drifts by ±25% within minutes, so a figure
taken now and one taken an hour ago do not resolve a 2× question; this
script builds the benchmark corpus once (`run.build_corpus`: the Markov
articles of `benchmarks/run.py`), then runs `lintnews check` over it as
`run.py` does (a fresh process, JSON to /dev/null, `--no-cache`, one
process unless `--jobs`), alternating this checkout and `--against`
round by round. It prints the median wall time and CPU time (user + system
of the process and its workers) of each, in MB/s, and their ratio. Each
checkout keeps its own table cache and its own compiled byte code, both
warmed by one untimed run first, as an installed lintnews would have them
(pip compiles a package's modules when it installs it; a run under
`PYTHONDONTWRITEBYTECODE` would time the compiling of every module too).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
MB = 1_000_000


def _run(checkout: Path, corpus: Path, jobs: int, env: dict) -> tuple[float, float]:
    cmd = [sys.executable, "-m", "lintnews", "check", str(corpus), "--format", "json",
           "-o", os.devnull, "-q", "--no-cache", "--jobs", str(jobs)]
    env = {**env, "PYTHONPATH": str(checkout)}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=corpus.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} (PYTHONPATH={checkout}) failed:\n{err}")
    return wall, usage.ru_utime + usage.ru_stime


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, required=True, help="another lintnews checkout")
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--size", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--corpus", type=Path,
                        help="a folder of your own text files to use instead of the generated corpus "
                             "(plain news: e.g. the dev sets' .txt files copied to 10 MB)")
    args = parser.parse_args(argv)
    import run as bench

    checkouts = {"this": ROOT, "against": args.against.resolve()}
    with tempfile.TemporaryDirectory(prefix="lintnews-ab-") as tmp:
        work = Path(tmp)
        if args.corpus:
            corpus = args.corpus.resolve()
            total = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())
            args.files = sum(1 for p in corpus.rglob("*") if p.is_file())
        else:
            corpus = work / "corpus"
            _paths, total = bench.build_corpus(corpus, args.files, args.size)
        envs = {}
        for name in checkouts:
            env = {**os.environ, "LINTNEWS_TABLE_CACHE_DIR": str(work / f"tables-{name}"),
                   "PYTHONPYCACHEPREFIX": str(work / f"bytecode-{name}")}
            env.pop("FORCE_COLOR", None)
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            envs[name] = env
            _run(checkouts[name], corpus, args.jobs, env)  # warm its table cache
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in checkouts}
        for _ in range(args.rounds):
            for name, checkout in checkouts.items():
                times[name].append(_run(checkout, corpus, args.jobs, envs[name]))
    print(f"corpus: {args.files} files, {total / MB:.1f} MB; {args.rounds} rounds, --jobs {args.jobs}; "
          f"load {os.getloadavg()[0]:.2f}")
    medians = {}
    for name, runs in times.items():
        wall = statistics.median(t[0] for t in runs)
        cpu = statistics.median(t[1] for t in runs)
        medians[name] = (wall, cpu)
        print(f"  {name:8} {checkouts[name]}: wall {wall:6.2f} s ({total / MB / wall:5.2f} MB/s), "
              f"CPU {cpu:6.2f} s ({total / MB / cpu:5.2f} MB/s)")
    print(f"  speed-up (this ÷ against): wall {medians['against'][0] / medians['this'][0]:.2f}×, "
          f"CPU {medians['against'][1] / medians['this'][1]:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
