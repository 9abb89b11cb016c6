"""Pathological inputs (issue 25, item 5): time at 1 MB and the cost of doubling it.

Each case builds a text of about N bytes and lints it once in this process,
as `lintnews check` does (`Runner.lint_text`: findings kept as a FindingSet;
rules are built first, outside the timing). A case passes when the 1 MB run
takes at most 10 s and the 1 MB run costs at most 2.5 times the 512 KB run
(a ratio of runs under half a second is noise and not judged). Run it on a
quiet machine: another process on the same core doubles any figure.

    python benchmarks/pathological.py              # every case, 512 KB and 1 MB
    python benchmarks/pathological.py --sizes 40000,80000 --only brackets
"""
from __future__ import annotations

import argparse
import sys
import time


def brackets(n):  # `[`×k `]`×k (Markdown)
    k = n // 2
    return "[" * k + "]" * k, "a.md"


def link_opens(n):  # `[a](`×k
    return "[a](" * (n // 4), "a.md"


def comments(n):  # `<!--`×k
    return "<!--" * (n // 4), "a.md"


def html_comments(n):
    return "<p>" + "<!--" * (n // 4) + "</p>", "a.html"


def attributes(n):  # one HTML tag with many attributes
    return "<p><a " + "x=1 " * (n // 4) + ">kyiv</a></p>", "a.html"


def attributes_md(n):
    return "<a " + "x=1 " * (n // 4) + ">kyiv\n", "a.md"


def suppressions(n):  # suppression comments with unknown codes
    line = "<!-- lintnews-disable LN999 -->\nKiev.\n"
    return line * (n // len(line)), "a.md"


def quotes(n):  # mixed quotation marks
    unit = "«a“b”c» „d“ 'e' \"f\" ‹g› "
    return unit * (n // len(unit.encode())), "a.txt"


def names_lines(n):  # many `kyiv … Kiev` lines
    line = "kyiv said that Kiev was calm.\n"
    return line * (n // len(line)), "a.txt"


def names_one_line(n):
    unit = "kyiv and Kiev "
    return unit * (n // len(unit)), "a.txt"


def kyiv_line(n):
    return "kyiv " * (n // 5), "a.txt"


def backticks(n):
    return "`a" * (n // 2), "a.md"


def images(n):
    return "![a](" * (n // 5), "a.md"


CASES = {f.__name__: f for f in (brackets, link_opens, comments, html_comments, attributes,
                                 attributes_md, suppressions, quotes, names_lines,
                                 names_one_line, kyiv_line, backticks, images)}


def run(case, size, runner):
    """Lint one input as `lintnews check` does (findings held compactly, not as objects)."""
    from pathlib import Path

    text, name = CASES[case](size)
    start = time.perf_counter()
    result = runner.lint_text(text, name, Path.cwd())
    count = len(result.findings)
    return time.perf_counter() - start, count, len(text.encode())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="524288,1048576",
                        help="comma-separated sizes in bytes (the last two are compared)")
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per size; the fastest counts (default 3: a shared machine is noisy)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    cases = args.only.split(",") if args.only else list(CASES)
    from pathlib import Path

    from lintnews.run.runner import Runner

    runner = Runner({})
    runner.lint_text("warm up Kiev.\n", "a.md", Path.cwd())
    runner.lint_text("<p>warm up Kiev.</p>\n", "a.html", Path.cwd())
    print(f"{'case':<16}" + "".join(f"{s:>12,}" for s in sizes) + f"{'ratio':>8}  verdict")
    failed = 0
    for case in cases:
        times = []
        for size in sizes:
            times.append(min(run(case, size, runner)[0] for _ in range(max(1, args.repeat))))
        ratio = times[-1] / max(times[-2], 1e-3) if len(times) > 1 else 0.0
        # under half a second the ratio is the timer's and the machine's noise, not growth
        ok = times[-1] <= 10 and (len(times) < 2 or ratio <= 2.5 or times[-1] < 0.5)
        failed += not ok
        print(f"{case:<16}" + "".join(f"{t:>11.2f}s" for t in times) + f"{ratio:>8.2f}  {'ok' if ok else 'FAIL'}",
              flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
