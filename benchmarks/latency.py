"""Start-to-exit latency of `lintnews check` on one small article (the pre-commit case).

    python benchmarks/latency.py                 # 15 fresh processes per measure
    python benchmarks/latency.py --repeat 7

Measures, each as the median wall time of `--repeat` fresh processes:
`python -c pass`, `python -c "import lintnews"`, `lintnews check --no-cache`
on `examples/article.md` and on a 5 KB article of the benchmark corpus
(`benchmarks/run.py` builds it the same way), both with the table cache
(`lintnews.tablecache`) cold (emptied before every run) and warm. Nothing is
written outside a temporary folder.
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


def median_ms(cmd: list[str], env: dict, repeat: int, before=None, cwd: Path = ROOT) -> float:
    times = []
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--article", type=Path, help="a 5 KB article to use instead of the corpus's")
    args = parser.parse_args(argv)
    from run import build_corpus, small_article  # the benchmark's own 5 KB article

    with tempfile.TemporaryDirectory(prefix="lintnews-latency-") as tmp:
        work = Path(tmp)
        if args.article:
            article = args.article.resolve()
        else:
            article = small_article(build_corpus(work / "corpus", 2, 50_000)[0], work)
        cache = work / "tables"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "LINTNEWS_TABLE_CACHE_DIR": str(cache)}

        def cold():
            import shutil
            shutil.rmtree(cache, ignore_errors=True)

        check = [sys.executable, "-m", "lintnews", "check", "--no-cache", "--exit-zero"]
        example = str(ROOT / "examples" / "article.md")
        rows = [
            ("python -c pass", median_ms([sys.executable, "-c", "pass"], env, args.repeat)),
            ("import lintnews", median_ms([sys.executable, "-c", "import lintnews"], env, args.repeat)),
        ]
        # run where the article is, as pre-commit does in a content repository (no config file)
        articles = (("examples/article.md", example),
                    (f"5 KB article ({article.stat().st_size} B)", str(article)))
        for label, path in articles:
            rows.append((f"{label}, table cache cold", median_ms(check + [path], env, args.repeat, cold, work)))
            rows.append((f"{label}, table cache warm", median_ms(check + [path], env, args.repeat, cwd=work)))
    print(f"median of {args.repeat} fresh processes, PYTHONDONTWRITEBYTECODE="
          f"{os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r}, load {os.getloadavg()[0]:.2f}")
    for label, ms in rows:
        print(f"  {label:<45} {ms:6.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
