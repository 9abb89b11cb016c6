"""Start-to-exit latency of `lintnews check` on one small article (the pre-commit case).

    python benchmarks/latency.py                 # 15 fresh processes per measure
    python benchmarks/latency.py --repeat 7
    python benchmarks/latency.py --against /tmp/main-checkout   # A/B, alternating

Measures, each as the median wall time of `--repeat` fresh processes:
`python -c pass`, `python -c "import regex"` (the yardstick the start-up target
is given in), `python -c "import lintnews"`, `lintnews check --no-cache`
on `examples/article.md` and on a clean 5 KB article of the benchmark
corpus (`benchmarks/run.py`'s prose, without the damaged examples it
splices in: the issue's target is a clean article, and a finding such as a
Cyrillic line loads the language detector), and on that article with a
line of Russian that needs its language identified; each with the table
cache (`lintnews.run.tablecache`) cold (emptied before every run) and warm.
Beside the wall time, the median CPU time (user + system) of the process: on a machine
shared with other work the wall time grows with the load, the CPU time much
less. `--against DIR` runs every measure on the lintnews in DIR too (another
checkout: the code before a change), alternating the two process by process,
each with its own table cache. Byte code: set `PYTHONPYCACHEPREFIX` and leave
`PYTHONDONTWRITEBYTECODE` unset to model an installed package. Nothing is
written outside a temporary folder (and that prefix).
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _run(cmd: list[str], env: dict, cwd: Path) -> tuple[float, float]:
    """(wall, CPU) milliseconds of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if hasattr(os, "wait4"):
        _pid, _status, usage = os.wait4(proc.pid, 0)
        cpu = (usage.ru_utime + usage.ru_stime) * 1000
    else:  # no per-child CPU time here
        proc.wait()
        cpu = float("nan")
    return (time.perf_counter() - start) * 1000, cpu


def medians(cmd: list[str], envs: list[dict], repeat: int, befores=None, cwd: Path = ROOT) -> list[tuple[float, float]]:
    """Median (wall, CPU) per environment, the environments alternating run by run."""
    times: list[list[tuple[float, float]]] = [[] for _ in envs]
    for _ in range(repeat):
        for i, env in enumerate(envs):
            if befores:
                befores[i]()
            times[i].append(_run(cmd, env, cwd))
    return [(statistics.median(w for w, _c in t), statistics.median(c for _w, c in t)) for t in times]


#: A scraped "read also" teaser in Russian: five words, so LN102 asks the
#: language detector which Cyrillic language it is (langdetect's model loads).
FOREIGN_LINE = "Читайте также: паводок на севере области"


def _require_clean(article: Path) -> None:
    """Stop when the article has findings: a finding may load what a clean
    text never needs (a Cyrillic line loads the language detector, ~0.5 s),
    and the figure would measure that instead of start-up."""
    from lintnews import lint_text

    found = lint_text(article.read_text(encoding="utf-8"), filename=str(article))
    if found:
        raise SystemExit(f"latency: the benchmark article is not clean ({found[0].rule}: "
                         f"{found[0].message}); measure another with --article")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--article", type=Path, help="a 5 KB article to use instead of the corpus's")
    parser.add_argument("--against", type=Path, help="another lintnews checkout to measure alternately")
    args = parser.parse_args(argv)
    from run import build_corpus, small_article  # the benchmark's own 5 KB article

    roots = [ROOT] + ([args.against.resolve()] if args.against else [])
    with tempfile.TemporaryDirectory(prefix="lintnews-latency-") as tmp:
        work = Path(tmp)
        if args.article:
            article = args.article.resolve()
        else:  # the target's "clean" article: the corpus's prose without its spliced damage
            article = small_article(build_corpus(work / "corpus", 2, 50_000, damage_every=10**9)[0], work)
            _require_clean(article)
        caches = [work / f"tables-{i}" for i in range(len(roots))]
        envs = [{**os.environ, "PYTHONPATH": str(root), "LINTNEWS_TABLE_CACHE_DIR": str(cache)}
                for root, cache in zip(roots, caches)]

        def emptier(cache: Path):
            def empty():
                import shutil
                shutil.rmtree(cache, ignore_errors=True)
            return empty

        cold = [emptier(cache) for cache in caches]
        check = [sys.executable, "-m", "lintnews", "check", "--no-cache", "--exit-zero"]
        example = str(ROOT / "examples" / "article.md")
        rows = [
            ("python -c pass", medians([sys.executable, "-c", "pass"], envs, args.repeat)),
            ("import regex", medians([sys.executable, "-c", "import regex"], envs, args.repeat)),
            ("import lintnews", medians([sys.executable, "-c", "import lintnews"], envs, args.repeat)),
        ]
        # the same article with a line of Russian long enough to need its language identified
        foreign = work / "foreign.md"
        foreign.write_text(article.read_text(encoding="utf-8") + f"\n{FOREIGN_LINE}\n", encoding="utf-8")
        # run where the article is, as pre-commit does in a content repository (no config file)
        articles = (("examples/article.md", example),
                    (f"5 KB article ({article.stat().st_size} B)", str(article)),
                    ("the same + a Russian line", str(foreign)))
        for label, path in articles:
            rows.append((f"{label}, table cache cold", medians(check + [path], envs, args.repeat, cold, work)))
            rows.append((f"{label}, table cache warm", medians(check + [path], envs, args.repeat, cwd=work)))
    print(f"median of {args.repeat} fresh processes, wall / CPU (ms), PYTHONDONTWRITEBYTECODE="
          f"{os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}, load {os.getloadavg()[0]:.2f}")
    print(f"  {'':<45} " + "".join(f"{('this' if i == 0 else 'against'):>16}" for i in range(len(roots))))
    for label, results in rows:
        print(f"  {label:<45} " + "".join(f"{wall:8.0f} /{cpu:5.0f}" for wall, cpu in results))
    reference = dict(rows)["import regex"][0]
    print("  as multiples of `python -c \"import regex\"` (wall / CPU), this checkout:")
    for label, results in rows[2:]:
        wall, cpu = results[0]
        print(f"  {label:<45} {wall / reference[0]:8.1f}× /{cpu / reference[1]:5.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
