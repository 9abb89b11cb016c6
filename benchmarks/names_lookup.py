"""The names lookup with and without the generated tables, in one process.

    python benchmarks/names_lookup.py            # dev set + seeds (x4) and a Markov sample
    python benchmarks/names_lookup.py --repeat 25

Compares the entity index (`termindex.BoundedTerms`) of the hand-written
literals alone with the index of the whole table (hand-written + gazetteer,
people, renamings, oblasts), alternating the two so that the load other
processes put on the machine falls on both alike; the best CPU time of
`--repeat` runs counts. docs/names.md quotes its figures.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from per_check import MB, devset_documents, markov_documents  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    from lintnews.config import Config
    from lintnews.engine.lint import context_for
    from lintnews.text.termindex import BoundedTerms

    table = context_for(Config()).rules.ruleset.data.entities
    hand = BoundedTerms([k for k, h in table.hits.items() if not h.entity.gazetteer and h.origin != "renamed"])
    indexes = {"hand-written": hand, "whole table": table.index}
    print(f"literals: hand-written {sum(len(v) for v in hand._by_run.values())}, whole table {len(table.hits)}")
    for name, docs in (("dev set + seeds", devset_documents(4)), ("Markov", markov_documents(16))):
        size = sum(len(d.text.encode()) for d in docs) / MB
        best = dict.fromkeys(indexes, float("inf"))
        for _ in range(args.repeat):
            for label, index in indexes.items():
                start = time.process_time()
                for doc in docs:
                    for _match in index.finditer(doc.prose):
                        pass
                best[label] = min(best[label], time.process_time() - start)
        a, b = best["hand-written"], best["whole table"]
        print(f"{name} ({size:.2f} MB): hand-written {a / size * 1000:.1f} ms/MB, "
              f"whole table {b / size * 1000:.1f} ms/MB ({(b / a - 1) * 100:+.0f} %)")


if __name__ == "__main__":
    main()
