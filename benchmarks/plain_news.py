"""Per-check throughput on plain news only: `per_check.measure` over the clean, MT and clean-web dev sets.

    python benchmarks/plain_news.py             # process time, best of 5, the three folders twice
    python benchmarks/plain_news.py --repeat 9

No markup and no scraped page: the share a check takes of a full run on the
kind of text most users lint (issue 24's target: the boilerplate family at
most 10 %). The folders are read from ../shared/devset.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset"
FOLDERS = ("clean", "mt", "clean-web")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import per_check

    from lintnews.markup import make_document

    paths = sorted(p for folder in FOLDERS for p in (DEVSET / folder).glob("*.txt"))
    if not paths:
        print(f"no dev set under {DEVSET}", file=sys.stderr)
        return 2
    per_check.CLOCK = time.process_time
    docs = [make_document(p.read_text(encoding="utf-8"), str(p)) for p in paths] * 2
    per_check.measure(docs, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
