"""Same input, same findings: lint a folder under two hash seeds and compare the reports.

    python benchmarks/determinism.py                       # ../shared/devset/scraped
    python benchmarks/determinism.py DIR [DIR ...] --seeds 0 3 7

Runs `python -m lintnews check --no-cache --format jsonl` on every .txt, .md
and .html file of each folder once per seed (PYTHONHASHSEED), and prints the
files whose findings differ. Exit status 0 when every seed gives the same
report, 1 otherwise, 2 when lintnews could not be run.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRAPED = ROOT.parent / "shared" / "devset" / "scraped"


def report(files: list[Path], seed: str) -> dict[str, list[str]]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    proc = subprocess.run([sys.executable, "-m", "lintnews", "check", "--no-cache", "--format", "jsonl",
                           *map(str, files)], capture_output=True, text=True, env=env, cwd=ROOT)
    if proc.returncode not in (0, 1) or not proc.stdout:
        sys.stderr.write(proc.stderr or "lintnews gave no report\n")
        raise SystemExit(2)
    by_file: dict[str, list[str]] = {}
    for line in proc.stdout.splitlines():
        record = json.loads(line)
        by_file[record.get("path", "")] = [json.dumps(f, sort_keys=True) for f in record.get("findings", [])]
    return by_file


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=[SCRAPED])
    parser.add_argument("--seeds", nargs="+", default=["0", "3"])
    args = parser.parse_args()
    files = sorted(p for folder in args.folders for p in folder.iterdir()
                   if p.suffix in (".txt", ".md", ".html"))
    if not files:
        print("no files to lint", file=sys.stderr)
        return 2
    reports = [report(files, seed) for seed in args.seeds]
    differ = sorted({k for r in reports[1:] for k in set(r) | set(reports[0]) if r.get(k) != reports[0].get(k)})
    findings = sum(len(v) for v in reports[0].values())
    print(f"{len(files)} files, {findings} findings, seeds {' '.join(args.seeds)}: "
          f"{'identical' if not differ else f'{len(differ)} files differ'}")
    for key in differ[:20]:
        print(f"  differs: {key}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
