"""The lintnews benchmark: throughput, a baseline floor, latency and memory.

    python benchmarks/run.py                 # the full run (about a minute or two)
    python benchmarks/run.py --files 200     # a quicker, smaller run

It builds its corpus from text the project owns, never downloading anything:
the articles in `examples/`, text fixtures under `tests/`, and the examples and
documentation of every rule in the rule set present at run time. Paragraphs
are shuffled (fixed seed) and repeated into `--files` files of about `--size`
bytes, half plain text and half Markdown. Then, on this machine, in one run:

(a) throughput of `lintnews check` (JSON to /dev/null, no cache, no progress
    bar) with one process and with every core, in MB/s and files/s;
(b) a baseline floor: one combined regex pass for the name variants of the
    rule set and runs of Cyrillic, plus offset-to-line mapping, with one
    process and with every core; reported as lintnews time / baseline time;
(c) latency of `lintnews check` on one 5 KB article, start to exit, against
    `python -c "import lintnews"`;
(d) peak memory: the peak resident set of the lintnews process itself (its
    own VmHWM, written at exit by `benchmarks/worker_memory.py`, never the
    `ru_maxrss` this process gets back, which includes its own image), the
    largest of its workers (their VmHWM, sampled), and the sum over the main
    process and its workers (sampled);
plus the cache (a cold and a warm run) and corpus mode over a JSON Lines file
of the same texts.

Every lintnews figure is a fresh `python -m lintnews` process, so start-up
is included; so is the baseline's. A JSON summary goes to `--out` (default
`benchmarks/results.json`) and a short table to stdout.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
ENV.pop("FORCE_COLOR", None)
MB = 1_000_000


# -- the corpus ---------------------------------------------------------------

_STRING = re.compile(r'"((?:[^"\\\n]|\\.){30,400})"')
_SENTENCE = re.compile(r"[A-Z][^.!?\n]*[.!?](?=\s|$)")


def owned_sentences() -> tuple[list[str], list[str]]:
    """English sentences the project owns, and its damaged rule examples.

    Sentences come from the silent rule examples, the rule documentation,
    `examples/` and the string literals of the tests; only those on which
    lintnews itself reports nothing are kept (clean prose).
    """
    from lintnews import lint_text
    from lintnews.engine.lint import build_rules

    rules = build_rules().sorted_rules()
    sources = [e.text for r in rules for e in r.examples if not e.expect and not e.config]
    sources += [r.doc for r in rules]
    damaged = [e.text.strip() for r in rules for e in r.examples
               if e.expect and not e.config and not (e.filename or "").endswith((".md", ".html"))]
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.is_file():
            sources.append(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted((ROOT / "tests").glob("*.py")):
        sources.extend(m.group(1) for m in _STRING.finditer(path.read_text(encoding="utf-8")))
    sentences = set()
    for text in sources:
        for m in _SENTENCE.finditer(" ".join(text.split())):
            words = m.group().split()
            if 6 <= len(words) <= 40 and not any(c in m.group() for c in "`{}\\|<>[]=_#*\"'"):
                sentences.add(m.group())
    clean = sorted(s for s in sentences if not lint_text(s))
    if len(clean) < 20 or not damaged:
        raise SystemExit("benchmark: the project has too little text to build a corpus from")
    return clean, damaged


def markov_sentences(seed_sentences: list[str], count: int, rng: random.Random) -> list[str]:
    """`count` distinct new sentences from a word-pair Markov chain over the clean sentences.

    Recombining the project's own clean sentences gives news-like prose in
    which no long sentence repeats (so duplication rules stay quiet).
    """
    chain: dict[tuple[str, str], list[str]] = {}
    starts = []
    for sentence in seed_sentences:
        words = sentence.split()
        starts.append((words[0], words[1]))
        for a, b, c in zip(words, words[1:], words[2:] + [None]):
            chain.setdefault((a, b), []).append(c)
    out: set[str] = set(seed_sentences)
    tries = 0
    while len(out) < count and tries < count * 20:
        tries += 1
        a, b = rng.choice(starts)
        words = [a, b]
        while len(words) < 45:
            nxt = rng.choice(chain.get((a, b)) or [None])
            if nxt is None:
                break
            words.append(nxt)
            a, b = b, nxt
        if 8 <= len(words) < 45 and words[-1][-1] in ".!?":
            out.add(" ".join(words))
    return sorted(out)


def build_corpus(folder: Path, files: int, size: int, seed: int = 7,
                 damage_every: int = 4000) -> tuple[list[Path], int]:
    """Write `files` files of about `size` bytes each; return them and the byte total.

    Mostly clean news-like prose (see `markov_sentences`), one paragraph of
    3-6 sentences per line (`.txt`) or per block (`.md`, with a heading now and
    then); a damaged rule example is spliced in about every `damage_every`
    bytes, so the corpus has the low rate of findings real news has.
    """
    from lintnews import lint_text

    rng = random.Random(seed)
    clean, damaged = owned_sentences()
    pool = [s for s in markov_sentences(clean, 6000, rng) if not lint_text(s)]
    folder.mkdir(parents=True, exist_ok=True)
    paths, total = [], 0
    for i in range(files):
        markdown = i % 2 == 1
        order = rng.sample(pool, len(pool))
        parts, length, next_damage = [], 0, rng.randrange(damage_every)
        while length < size:
            if length >= next_damage:
                piece = rng.choice(damaged)
                next_damage += damage_every
            else:
                n = rng.randint(3, 6)
                piece = " ".join(order[:n])
                del order[:n]
                if not order:
                    order = rng.sample(pool, len(pool))
            if markdown and rng.random() < 0.1:
                piece = "## " + order.pop().rstrip(".!?")
            parts.append(piece)
            length += len(piece.encode()) + 2
        data = ("\n\n" if markdown else "\n").join(parts).encode() + b"\n"
        path = folder / f"{i // 100:02}" / f"article{i:04}.{'md' if markdown else 'txt'}"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
        total += len(data)
    return paths, total


def small_article(paths: list[Path], folder: Path, size: int = 5000) -> Path:
    text = paths[1].read_text(encoding="utf-8")
    cut = text.rfind("\n\n", 0, size)
    article = folder / "article.md"
    article.write_text(text[: cut if cut > 0 else size] + "\n", encoding="utf-8")
    return article


def write_jsonl(paths: list[Path], target: Path) -> None:
    with open(target, "w", encoding="utf-8") as out:
        for n, path in enumerate(paths):
            out.write(json.dumps({"id": n, "text": path.read_text(encoding="utf-8")}, ensure_ascii=False) + "\n")


# -- measuring a process ------------------------------------------------------

def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and its descendants (0 without psutil)."""
    try:
        import psutil
    except ImportError:
        return 0
    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def _children_hwm(pid: int) -> int:
    """The largest VmHWM (KiB) among the descendants of `pid` now (0 without psutil or /proc)."""
    try:
        import psutil
    except ImportError:
        return 0
    try:
        children = psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return 0
    best = 0
    for child in children:
        try:
            with open(f"/proc/{child.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        best = max(best, int(line.split()[1]))
        except (OSError, ValueError):
            pass
    return best


def run(cmd: list[str], cwd: Path, env: dict | None = None, ok=(0, 1), measure: bool = True) -> dict:
    """Run a command; its wall time, the peak RSS of the process itself and of its
    largest worker, and the sampled RSS of the whole tree.

    A `python -m MODULE` command runs under `worker_memory.py` (when `measure`),
    which writes the process's own peak; other commands report none.
    """
    hwm_file = None
    if measure and cmd[0] == sys.executable and cmd[1] == "-m":
        fd, hwm_file = tempfile.mkstemp(prefix="lintnews-hwm-")
        os.close(fd)
        cmd = [sys.executable, str(Path(__file__).resolve().parent / "worker_memory.py"), hwm_file, *cmd[1:]]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = peak_child = 0
    done = threading.Event()

    def sample():
        nonlocal peak_tree, peak_child
        while not done.is_set():
            peak_tree = max(peak_tree, _tree_rss(proc.pid))
            peak_child = max(peak_child, _children_hwm(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    proc.wait()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    own = None
    if hwm_file is not None:
        text = Path(hwm_file).read_text(encoding="ascii").strip()
        os.unlink(hwm_file)
        own = float(text) / 1024 if text else None
    if proc.returncode not in ok:
        raise SystemExit(f"benchmark: {' '.join(cmd)} exited {proc.returncode}:\n{stderr}")
    return {"seconds": seconds, "max_rss_mib": own, "largest_worker_mib": peak_child / 1024,
            "tree_rss_mib": peak_tree / 2**20}


def lintnews(*args: str) -> list[str]:
    return [sys.executable, "-m", "lintnews", "check", *args]


def throughput(result: dict, files: int, total: int) -> dict:
    return {**result, "mb_per_s": total / MB / result["seconds"], "files_per_s": files / result["seconds"]}


def median_time(cmd: list[str], cwd: Path, repeat: int) -> dict:
    times = [run(cmd, cwd, measure=False)["seconds"] for _ in range(repeat)]
    return {"median_ms": statistics.median(times) * 1000, "min_ms": min(times) * 1000}


# -- the baseline -------------------------------------------------------------

def name_variants() -> list[str]:
    """Every name-like string in the rule data: variants, preferred forms, terms."""
    from lintnews.engine.lint import build_rules

    found: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            if value[:1].isupper() and len(value) <= 40 and value.replace(" ", "").replace("-", "").isalpha():
                found.add(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    ruleset = build_rules().ruleset
    for entry in ruleset.entries:
        walk({k: v for k, v in entry.data.items() if k not in ("doc", "summary", "message", "examples")})
    return sorted(found | {n.lower() for n in found})


_BASELINE = None


def _baseline_file(path: str) -> int:
    from bisect import bisect_right

    pattern = _BASELINE
    text = Path(path).read_bytes().decode("utf-8")
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    hits = []
    for m in pattern.finditer(text):
        line = bisect_right(starts, m.start()) - 1
        hits.append((line + 1, m.start() - starts[line] + 1, m.group()))
    return len(hits)


def _baseline_init(names: list[str]) -> None:
    """One combined pattern: runs of Cyrillic, or a name variant (a trie in `re`).

    A `regex` named list (`\\L<names>`) of the 390 name forms scans at well
    under 1 MB/s; the trie in the standard `re` module (what lintnews itself
    uses) with a left word boundary is the fastest single pass we know (about
    10 MB/s on one core), so it makes the honest floor.
    """
    import re

    from lintnews.kinds.common import trie_pattern

    global _BASELINE
    _BASELINE = re.compile(r"(?P<cyrillic>[\u0400-\u052f]+)|(?<!\w)(?P<name>" + trie_pattern(names) + r")(?!\w)")


def baseline_main(folder: str, jobs: int) -> None:
    """The baseline as a process of its own: every file under `folder`, `jobs` processes."""
    names = name_variants()
    paths = sorted(str(p) for p in Path(folder).rglob("*") if p.is_file())
    if jobs <= 1:
        _baseline_init(names)
        hits = sum(map(_baseline_file, paths))
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs, initializer=_baseline_init, initargs=(names,)) as pool:
            hits = sum(pool.map(_baseline_file, paths, chunksize=16))
    print(hits)


# -- the run ------------------------------------------------------------------

def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "python": platform.python_version(),
            "platform": platform.platform()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--size", type=int, default=50_000, help="bytes per file (default 50000)")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="cores for the parallel runs")
    parser.add_argument("--repeat", type=int, default=15, help="runs of the latency measurement")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--baseline-worker", nargs=2, metavar=("FOLDER", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline_worker:
        baseline_main(args.baseline_worker[0], int(args.baseline_worker[1]))
        return 0

    from lintnews import __version__
    from lintnews.engine.lint import build_rules

    with tempfile.TemporaryDirectory(prefix="lintnews-bench-") as tmp:
        work = Path(tmp)
        paths, total = build_corpus(work / "corpus", args.files, args.size)
        n = len(paths)
        print(f"corpus: {n} files, {total / MB:.1f} MB, {len(build_rules().by_code)} rules", file=sys.stderr)
        base = ["--format", "json", "-o", os.devnull, "-q"]
        results: dict = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                         "machine": machine(), "lintnews": __version__,
                         "rules": len(build_rules().by_code),
                         "corpus": {"files": n, "bytes": total}}

        single = throughput(run(lintnews("corpus", *base, "--no-cache", "--jobs", "1"), work), n, total)
        multi = throughput(run(lintnews("corpus", *base, "--no-cache", "--jobs", str(args.jobs)), work), n, total)
        results["throughput"] = {"jobs_1": single, f"jobs_{args.jobs}": multi}

        me = [sys.executable, str(Path(__file__).resolve()), "--baseline-worker", "corpus"]
        base_single = throughput(run(me + ["1"], work, ok=(0,)), n, total)
        base_multi = throughput(run(me + [str(args.jobs)], work, ok=(0,)), n, total)
        results["baseline"] = {"jobs_1": base_single, f"jobs_{args.jobs}": base_multi,
                               "names": len(name_variants())}
        results["ratio"] = {"jobs_1": single["seconds"] / base_single["seconds"],
                            f"jobs_{args.jobs}": multi["seconds"] / base_multi["seconds"]}

        tenth = paths[: max(1, n // 10)]
        small = work / "small"
        for p in tenth:
            target = small / p.relative_to(work / "corpus")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(p.read_bytes())
        results["memory"] = {
            "jobs_1_all_files_max_rss_mib": single["max_rss_mib"],
            "jobs_1_tenth_of_files_max_rss_mib": run(lintnews("small", *base, "--no-cache", "--jobs", "1"),
                                                     work)["max_rss_mib"],
            f"jobs_{args.jobs}_main_process_mib": multi["max_rss_mib"],
            f"jobs_{args.jobs}_largest_worker_mib": multi["largest_worker_mib"],
            f"jobs_{args.jobs}_all_processes_mib": multi["tree_rss_mib"],
        }

        article = small_article(paths, work)
        results["latency"] = {
            "article_bytes": article.stat().st_size,
            "check_no_cache": median_time(lintnews(str(article), "--no-cache"), work, args.repeat),
            "import_lintnews": median_time([sys.executable, "-c", "import lintnews"], work, args.repeat),
            "python_startup": median_time([sys.executable, "-c", "pass"], work, args.repeat),
        }

        cache_env = {**ENV, "LINTNEWS_CACHE_DIR": str(work / "cache")}
        cold = run(lintnews("corpus", *base, "--jobs", str(args.jobs)), work, cache_env)
        warm = run(lintnews("corpus", *base, "--jobs", str(args.jobs)), work, cache_env)
        results["cache"] = {"cold_seconds": cold["seconds"], "warm_seconds": warm["seconds"],
                            "speedup": cold["seconds"] / warm["seconds"]}

        write_jsonl(paths, work / "corpus.jsonl")
        jsonl = ["--jsonl", "corpus.jsonl", "--format", "jsonl", "-o", os.devnull, "-q"]
        results["corpus_mode"] = {
            "jobs_1": throughput(run(lintnews(*jsonl, "--jobs", "1"), work), n, total),
            f"jobs_{args.jobs}": throughput(run(lintnews(*jsonl, "--jobs", str(args.jobs)), work), n, total),
        }

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results, args.jobs))
    print(f"\nJSON summary: {args.out}", file=sys.stderr)
    return 0


def table(r: dict, jobs: int) -> str:
    t1, tn = r["throughput"]["jobs_1"], r["throughput"][f"jobs_{jobs}"]
    b1, bn = r["baseline"]["jobs_1"], r["baseline"][f"jobs_{jobs}"]
    c1, cn = r["corpus_mode"]["jobs_1"], r["corpus_mode"][f"jobs_{jobs}"]
    lat, mem = r["latency"], r["memory"]
    rows = [
        ("corpus", f"{r['corpus']['files']} files, {r['corpus']['bytes'] / MB:.1f} MB, {r['rules']} rules"),
        ("lintnews, 1 process", f"{t1['mb_per_s']:.1f} MB/s  {t1['files_per_s']:.0f} files/s"),
        (f"lintnews, {jobs} processes", f"{tn['mb_per_s']:.1f} MB/s  {tn['files_per_s']:.0f} files/s"),
        ("baseline, 1 process", f"{b1['mb_per_s']:.1f} MB/s"),
        (f"baseline, {jobs} processes", f"{bn['mb_per_s']:.1f} MB/s"),
        ("lintnews / baseline time", f"{r['ratio']['jobs_1']:.2f}x (1)  {r['ratio'][f'jobs_{jobs}']:.2f}x ({jobs})"),
        ("corpus mode (--jsonl)", f"{c1['mb_per_s']:.1f} MB/s (1)  {cn['mb_per_s']:.1f} MB/s ({jobs})"),
        ("5 KB article, check", f"{lat['check_no_cache']['median_ms']:.0f} ms median"),
        ("import lintnews", f"{lat['import_lintnews']['median_ms']:.0f} ms median "
                            f"(python alone {lat['python_startup']['median_ms']:.0f} ms)"),
        ("peak RSS, 1 process", f"{mem['jobs_1_all_files_max_rss_mib']:.0f} MiB all files, "
                                f"{mem['jobs_1_tenth_of_files_max_rss_mib']:.0f} MiB a tenth"),
        (f"peak RSS, {jobs} processes", f"{mem[f'jobs_{jobs}_main_process_mib']:.0f} MiB main, "
                                        f"{mem[f'jobs_{jobs}_largest_worker_mib']:.0f} MiB largest worker, "
                                        f"{mem[f'jobs_{jobs}_all_processes_mib']:.0f} MiB all"),
        ("cache", f"cold {r['cache']['cold_seconds']:.2f} s, warm {r['cache']['warm_seconds']:.2f} s "
                  f"({r['cache']['speedup']:.1f}x)"),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


if __name__ == "__main__":
    sys.exit(main())
