"""Boilerplate figures: recall and false alarms on scraped pages, silence on clean copy, cost.

    python benchmarks/boilerplate.py            # all figures (about half a minute)
    python benchmarks/boilerplate.py --files 8  # a smaller timing corpus
    python benchmarks/boilerplate.py --sweep    # how recall and false alarms move with each threshold

Reads the public dev sets in ../shared/devset (skips what is absent):
- scraped/: every line labelled body / furniture / neutral (see its SOURCES.md);
  prints furniture recall, body lines flagged per 1,000 body lines, and the
  breakdown by rule and by the kind LN305 names (counted the way
  scraped/score.py counts: a finding flags the lines its span covers);
- clean-web/: the article bodies of the same pages; prints every boilerplate
  finding (the target is none);
- the classifier's share of a full run: `lint_document` over the
  `benchmarks/run.py` corpus (Markov text, half plain, half Markdown) and over
  the scraped pages, against the boilerplate check alone (phrases + LN305) and
  the structural classifier alone.
Nothing here is asserted: the numbers go into docs/boilerplate.md.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEVSET = ROOT.parent / "shared" / "devset"
if not DEVSET.exists():
    DEVSET = Path("/work/shared/devset")
def kind_of(finding) -> str:
    """The rule, and for LN305 the kind of furniture (its `kind` detail; a title tail has none)."""
    if finding.rule != "LN305":
        return finding.rule
    return "LN305 " + finding.detail("kind", "website's name")


def scraped(quiet: bool = False) -> tuple[float, float]:
    from lintnews import lint_text

    folder = DEVSET / "scraped"
    if not (folder / "labels.jsonl").exists():
        print("scraped set absent: skipped")
        return 0.0, 0.0
    labels: dict[str, dict[int, str]] = defaultdict(dict)
    for raw in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if raw.strip():
            item = json.loads(raw)
            labels[item["doc"]][int(item["line"])] = item["label"]
    totals = Counter()
    kinds: dict[str, Counter] = defaultdict(Counter)
    for doc, lab in sorted(labels.items()):
        text = (folder / f"{doc}.txt").read_text(encoding="utf-8")
        flagged: set[int] = set()
        for f in lint_text(text, filename=f"{doc}.txt"):
            if f.category != "boilerplate":
                continue
            last = f.end_line - 1 if f.end_line > f.line and f.end_column == 1 else f.end_line
            covered = set(range(f.line, last + 1))
            flagged |= covered
            k = kinds[kind_of(f)]
            k["findings"] += 1
            for n in covered:
                k[lab.get(n, "neutral") if lab.get(n) in ("body", "furniture") else "neutral"] += 1
        for n, label in lab.items():
            totals[label] += 1
            if n in flagged:
                totals[f"{label}_flagged"] += 1
    body, furn = totals["body"], totals["furniture"]
    recall, fa = totals["furniture_flagged"] / furn, 1000 * totals["body_flagged"] / body
    if quiet:
        return recall, fa
    print(f"scraped: {len(labels)} pages, {body} body lines, {furn} furniture lines")
    print(f"  furniture recall {totals['furniture_flagged'] / furn:.3f} "
          f"({totals['furniture_flagged']} of {furn})")
    print(f"  body lines flagged {totals['body_flagged']} = "
          f"{1000 * totals['body_flagged'] / body:.1f} per 1,000 body lines")
    print(f"  {'rule / kind':<34}{'findings':>9}{'furniture':>10}{'body':>6}{'neutral':>8}")
    for name, k in sorted(kinds.items(), key=lambda kv: -kv[1]["furniture"]):
        print(f"  {name:<34}{k['findings']:>9}{k['furniture']:>10}{k['body']:>6}{k['neutral']:>8}")
    return recall, fa


#: The thresholds swept by --sweep, each at half, the chosen value and double
#: (or the neighbours that make sense for a count).
SWEEP = {
    "NON_PROSE_COST": (3, 6, 12), "SIGNAL_COST": (10, 20, 40), "MIN_EVIDENCE": (2, 3, 6),
    "MENU_RUN": (6, 12, 24), "MASTHEAD": (6, 12, 24), "PROSE_RUN": (2, 3, 6),
}
FEATURE_SWEEP = {"PROSE_WORDS": (6, 8, 12), "PROSE_STOPS": (0.15, 0.22, 0.3)}


def sweep() -> None:
    """Recall and body false alarms per 1,000 as each threshold moves (the others fixed)."""
    from lintnews.families.boilerplate import features
    from lintnews.families.boilerplate import page

    print("threshold sweep on the scraped set (recall / body FA per 1,000):")
    for module, table in ((page, SWEEP), (features, FEATURE_SWEEP)):
        for name, values in table.items():
            chosen = getattr(module, name)
            cells = []
            for value in values:
                setattr(module, name, value)
                recall, fa = scraped(quiet=True)
                cells.append(f"{value}: {recall:.3f} / {fa:.1f}")
            setattr(module, name, chosen)
            print(f"  {name:<15} (chosen {chosen})  " + "   ".join(cells))


def clean_web() -> None:
    from lintnews import lint_text

    folder = DEVSET / "clean-web"
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        print("clean-web set absent: skipped")
        return
    found = [(p.name, f) for p in paths
             for f in lint_text(p.read_text(encoding="utf-8"), filename=p.name) if f.category == "boilerplate"]
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"clean-web: {len(paths)} articles, {words} words: {len(found)} boilerplate findings")
    for name, f in found:
        print(f"  {name}:{f.line}: {f.rule} {f.excerpt[:60]!r}")


def cost(files: int) -> None:
    from lintnews.families.boilerplate.phrases import doc_lines
    from lintnews.families.boilerplate.furniture import structure_rule
    from lintnews.families.boilerplate.page import analyse
    from lintnews.config import Config
    from lintnews.engine.lint import context_for, lint_document
    from lintnews.markup import make_document

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import build_corpus

    config = Config()
    ctx = context_for(config)
    no_structure = context_for(Config(ignore=("LN305",)))
    check = next(c for c in ctx.rules.checks if "LN305" in c.codes)
    entry = next(e for e in ctx.rules.ruleset.entries if e.rule.code == "LN305")
    _entry, vocab, agencies = structure_rule(entry, ctx.rules.ruleset)
    corpora = []
    with tempfile.TemporaryDirectory() as tmp:
        paths, _ = build_corpus(Path(tmp), files, 50_000)
        corpora.append(("benchmark corpus", [make_document(p.read_text(encoding="utf-8"), str(p)) for p in paths]))
    scraped_paths = sorted((DEVSET / "scraped").glob("*.txt"))
    if scraped_paths:
        corpora.append(("scraped pages", [make_document(p.read_text(encoding="utf-8"), str(p)) for p in scraped_paths]))
    for name, docs in corpora:
        size = sum(len(d.text.encode()) for d in docs) / 1e6
        full = _best(lambda: [lint_document(d, context_for(config)) for d in docs])
        boiler = _best(lambda: [list(check.run(d, ctx)) for d in docs])
        phrases = _best(lambda: [list(check.run(d, no_structure)) for d in docs])
        structural = _best(lambda: [analyse(d.prose, doc_lines(d), vocab, set(), agencies) for d in docs])
        print(f"{name}: {len(docs)} documents, {size:.2f} MB; full run {full:.2f} s ({size / full:.2f} MB/s)")
        print(f"  boilerplate check (phrases + LN305) {boiler:.3f} s = {boiler / full:.1%} of the run; "
              f"phrases alone (LN305 off) {phrases:.3f} s = {phrases / full:.1%}; LN305's share "
              f"{(boiler - phrases) / full:.1%}; structural classifier alone {structural:.3f} s = {structural / full:.1%}")


def _best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=16, help="benchmark-corpus files of ~50 KB (default 16)")
    parser.add_argument("--sweep", action="store_true", help="only the threshold sweep")
    parser.add_argument("--cost", action="store_true", help="only the timing")
    args = parser.parse_args()
    if args.sweep:
        sweep()
        return 0
    if args.cost:
        cost(args.files)
        return 0
    scraped()
    clean_web()
    cost(args.files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
