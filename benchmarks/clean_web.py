"""Precision on professional copy: how often lintnews warns on clean web articles.

    python benchmarks/clean_web.py                # ../shared/devset/clean-web
    python benchmarks/clean_web.py --dir FOLDER   # any folder of .txt/.md/.html
    python benchmarks/clean_web.py --list         # also print every warning and error
    python benchmarks/clean_web.py --style ap     # under a house style

Every file of the folder is linted with the default configuration (or
`--style`); the script prints, per rule, how many findings of each severity
it gave, and the rate of warning-or-error findings per 1,000 words (words are
whitespace-separated tokens of the file; README.md and SOURCES.md, which
describe the folder, are skipped). The target is at most 0.3 per 1,000
words (docs/severity.md). Exits 2 with a message when the folder is missing.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "devset" / "clean-web"
SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
NOT_ARTICLES = {"README.md", "SOURCES.md"}  # a folder's own description


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT, help=f"folder to lint (default {DEFAULT})")
    parser.add_argument("--style", default="default", help="house-style profile")
    parser.add_argument("--list", action="store_true", help="print every warning and error")
    args = parser.parse_args(argv)

    folder: Path = args.dir
    if not folder.is_dir():
        print(f"clean_web: no folder {folder} (pass --dir FOLDER)", file=sys.stderr)
        return 2
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.name not in NOT_ARTICLES and p.is_file())
    if not paths:
        print(f"clean_web: {folder} holds no .txt, .md or .html file", file=sys.stderr)
        return 2

    from lintnews.config import Config
    from lintnews.engine.lint import context_for, lint_document
    from lintnews.finding import Severity
    from lintnews.markup import make_document

    ctx = context_for(Config(style=args.style))
    counts: Counter[tuple[str, Severity]] = Counter()
    words = 0
    listed = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        words += len(text.split())
        for f in lint_document(make_document(text, str(path)), ctx):
            counts[(f.rule, f.severity)] += 1
            if f.severity >= Severity.WARNING:
                listed.append((path.name, f))

    serious = sum(n for (_rule, sev), n in counts.items() if sev >= Severity.WARNING)
    rate = serious * 1000 / words if words else 0.0
    print(f"{len(paths)} files, {words:,} words, folder {folder}")
    print(f"{'rule':8} {'error':>6} {'warning':>8} {'info':>6}")
    for rule in sorted({r for r, _s in counts}):
        print(f"{rule:8} {counts[(rule, Severity.ERROR)]:>6} {counts[(rule, Severity.WARNING)]:>8} "
              f"{counts[(rule, Severity.INFO)]:>6}")
    print(f"warning-or-error findings: {serious}, {rate:.2f} per 1,000 words (target <= 0.30)")
    if args.list:
        for name, f in listed:
            print(f"{name}:{f.line}:{f.column}: {f.rule} {f.severity} {f.excerpt!r}: {f.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
