"""Load on `lintnews server`: many concurrent LanguageTool clients, each answer checked.

    python benchmarks/server_load.py                  # 256 requests, 64 clients, 2 workers
    python benchmarks/server_load.py --requests 512 --clients 128 --workers 4

Starts `python -m lintnews server` on a free loopback port, then posts the
benchmark's own 5 KB article (`benchmarks/run.py` builds it, as
`benchmarks/latency.py` does) to /v2/check, form-encoded as LanguageTool
clients send it:

1. one client, one request at a time (`--sequential` requests): the latency
   an editor sees on an idle server;
2. `--clients` clients at once, `--requests` requests in all (each client
   sends its share one after the other): every answer must be 200 and equal,
   match for match, to the answer computed in this process by the same code
   (`lintnews.integrations.server.jobs.languagetool_check`).

Prints p50/p99 latency of each, the throughput, and whether the server's log
holds a traceback. Nothing is written outside a temporary folder.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) of a process and its children (the workers), from /proc; None elsewhere."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        total = 0.0
        for p in [pid, *map(int, children)]:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total
    except (OSError, ValueError, IndexError):
        return None


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


async def one(client, url: str, fields: dict) -> tuple[float, int, dict | None]:
    start = time.perf_counter()
    response = await client.post(url + "/v2/check", data=fields)
    elapsed = (time.perf_counter() - start) * 1000
    body = response.json() if response.status_code == 200 else None
    return elapsed, response.status_code, body


def _comparable(matches: list) -> list:
    """The matches without the rules' links, which name the server's own address."""
    return [{**m, "rule": {k: v for k, v in m["rule"].items() if k != "urls"}} for m in matches]


async def load(url: str, fields: dict, expected: list, clients: int, requests: int,
               sequential: int) -> dict:
    import httpx

    async with httpx.AsyncClient(timeout=120) as client:
        for _ in range(4):  # warm: connections, the workers' first articles
            await one(client, url, fields)
        alone = [(await one(client, url, fields)) for _ in range(sequential)]

    results: list[tuple[float, int, dict | None]] = []

    async def worker(count: int) -> None:
        async with httpx.AsyncClient(timeout=120) as client:
            for _ in range(count):
                results.append(await one(client, url, fields))

    shares = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]
    start = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in shares))
    wall = time.perf_counter() - start
    correct = sum(1 for _, status, body in results if status == 200 and _comparable(body["matches"]) == expected)
    return {
        "alone_ms": [t for t, _, _ in alone],
        "loaded_ms": [t for t, _, _ in results],
        "answered": len(results),
        "correct": correct,
        "statuses": sorted({s for _, s, _ in results}),
        "wall_s": wall,
        "alone_correct": sum(1 for _, s, b in alone if s == 200 and _comparable(b["matches"]) == expected),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=256)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--sequential", type=int, default=50, help="requests of the lone client (default 50)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)

    from run import build_corpus, small_article  # the benchmark's own 5 KB article
    from server_process import ServerProcess

    from lintnews.config import Config
    from lintnews.integrations.server.jobs import languagetool_check

    with tempfile.TemporaryDirectory(prefix="lintnews-load-") as tmp:
        work = Path(tmp)
        article = small_article(build_corpus(work / "corpus", 2, 50_000)[0], work).read_text(encoding="utf-8")
        fields = {"text": article, "language": "en-US"}
        expected = _comparable(languagetool_check(fields, Config())["matches"])
        server = ServerProcess("--workers", str(args.workers), cwd=work)
        try:
            before = cpu_seconds(server.proc.pid)
            r = asyncio.run(load(server.url, fields, expected, args.clients, args.requests, args.sequential))
            after = cpu_seconds(server.proc.pid)
        finally:
            log = server.stop()
    total = args.requests + args.sequential + 4
    cpu_ms = (after - before) * 1000 / total if before is not None and after is not None else None
    alone, loaded = r["alone_ms"], r["loaded_ms"]
    print(f"article: {len(article.encode())} bytes, {len(expected)} matches "
          f"({sum(1 for m in expected if m['replacements'])} with replacements); "
          f"server workers: {args.workers}; cores: {os.cpu_count()}")
    print(f"one client, {len(alone)} requests: p50 {statistics.median(alone):.1f} ms, "
          f"p99 {percentile(alone, 99):.1f} ms; correct {r['alone_correct']}/{len(alone)}")
    print(f"{args.clients} clients, {r['answered']} requests: p50 {statistics.median(loaded):.1f} ms, "
          f"p99 {percentile(loaded, 99):.1f} ms, wall {r['wall_s']:.2f} s, "
          f"{r['answered'] / r['wall_s']:.0f} requests/s; correct {r['correct']}/{args.requests}; "
          f"statuses {r['statuses']}")
    if cpu_ms is not None:
        print(f"server CPU (main process and workers): {cpu_ms:.1f} ms per request")
    print(f"traceback in the server log: {'yes' if 'Traceback' in log else 'no'}")
    print(json.dumps({"requests": args.requests, "clients": args.clients, "workers": args.workers,
                      "alone_p50_ms": round(statistics.median(alone), 1),
                      "alone_p99_ms": round(percentile(alone, 99), 1),
                      "loaded_p50_ms": round(statistics.median(loaded), 1),
                      "loaded_p99_ms": round(percentile(loaded, 99), 1),
                      "requests_per_s": round(r["answered"] / r["wall_s"], 1),
                      "server_cpu_ms_per_request": round(cpu_ms, 2) if cpu_ms is not None else None,
                      "correct": r["correct"]}))
    ok = r["correct"] == args.requests and r["alone_correct"] == len(alone) and "Traceback" not in log
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
