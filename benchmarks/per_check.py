"""Per-check throughput, in process: where the time of `lint_document` goes.

    python benchmarks/per_check.py                  # dev set + seeds, and a Markov sample
    python benchmarks/per_check.py --corpus devset  # only one of the two corpora
    python benchmarks/per_check.py --repeat 5       # more runs, the best one counts
    python benchmarks/per_check.py --files 200 --devset-repeat 100   # ~10 MB of each
    python benchmarks/per_check.py --cpu --only LN70  # CPU time, duplication checks only

Documents are built once (markup read, outside the timing); then each check
runs alone over all of them, and `lint_document` as a whole (with a new
Context per run, so no check state leaks between runs). Start-up
(`build_rules`) is not timed. The first run of each check warms its lazy
tables; the best of `--repeat` runs is reported, in MB/s of original text.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = Path("/work/shared")
MB = 1_000_000
ONLY = None


def devset_documents(repeat: int = 4):
    from lintnews.markup import make_document

    paths = sorted((SHARED / "devset" / "clean").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    docs = []
    for _ in range(repeat):
        docs += [make_document(p.read_text(encoding="utf-8"), str(p)) for p in paths]
    return docs


def markov_documents(files: int = 16):
    """A sample of the `benchmarks/run.py` corpus (half plain, half Markdown)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import build_corpus

    from lintnews.markup import make_document

    with tempfile.TemporaryDirectory() as tmp:
        paths, _ = build_corpus(Path(tmp), files, 50_000)
        return [make_document(p.read_text(encoding="utf-8"), str(p)) for p in paths]


CLOCK = time.perf_counter  # `--cpu`: time.process_time, steadier on a shared machine


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = CLOCK()
        fn()
        times.append(CLOCK() - start)
    return min(times)


def measure(docs, repeat: int) -> list[tuple[str, float]]:
    from lintnews.config import Config
    from lintnews.engine.lint import context_for, lint_document

    config = Config()
    ctx = context_for(config)
    size = sum(len(d.text.encode()) for d in docs) / MB
    rows = []
    for item in ctx.rules.checks:
        if not ctx.any_enabled(item) or (ONLY and not any(c.startswith(ONLY) for c in item.codes)):
            continue
        seconds = best_of(repeat, lambda: [list(item.run(d, ctx)) for d in docs])
        codes = item.codes
        label = codes[0] if len(codes) == 1 else f"{codes[0]}–{codes[-1][2:]}"
        rows.append((label, seconds))
    rows.sort(key=lambda r: -r[1])
    total = best_of(repeat, lambda: [lint_document(d, context_for(config)) for d in docs])
    print(f"{len(docs)} documents, {size:.2f} MB")
    print(f"{'check':<14}{'MB/s':>9}{'share':>8}")
    for label, seconds in rows:
        print(f"{label:<14}{size / seconds:>9.1f}{seconds / total:>8.0%}")
    print(f"{'lint_document':<14}{size / total:>9.2f}  (sum of checks {size / sum(s for _, s in rows):.2f})")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", choices=["devset", "markov", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--files", type=int, default=16, help="Markov files of ~50 KB (default 16)")
    parser.add_argument("--devset-repeat", type=int, default=4, help="copies of the dev set (default 4)")
    parser.add_argument("--cpu", action="store_true",
                        help="time the process's CPU (user + system) instead of the wall clock")
    parser.add_argument("--only", help="time only the checks whose codes start with this (e.g. LN70)")
    args = parser.parse_args()
    global CLOCK, ONLY
    if args.cpu:
        CLOCK = time.process_time
    ONLY = args.only
    random.seed(0)
    if args.corpus in ("devset", "both"):
        print(f"== clean dev set + seeds (x{args.devset_repeat})")
        measure(devset_documents(args.devset_repeat), args.repeat)
    if args.corpus in ("markov", "both"):
        print(f"== Markov benchmark corpus ({args.files} files)")
        measure(markov_documents(args.files), args.repeat)


if __name__ == "__main__":
    main()
