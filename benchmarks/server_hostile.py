"""The server under hostile load (issue 25): does an ordinary check still get through?

Starts `lintnews server` on a free loopback port, then at once
- opens 300 connections that send their request headers a byte a second;
- sends a 40 KB worst-case request (a line of `kyiv ` to /v2/check, whose
  findings each need their sentence, and `[[[...]]]` Markdown to /api/lint);
- after a second, sends an ordinary 5 KB check and times its answer.
It prints the ordinary check's status and time, what happened to the
worst-case requests, and how long the slow connections stayed open.
Loopback only; every loop is bounded.

    python benchmarks/server_hostile.py [--slow 300] [--workers 2] [--timeout 30]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_server(workers: int, timeout: float) -> tuple[subprocess.Popen, str, object]:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "lintnews", "server", "--port", "0", "--workers",
                             str(workers), "--timeout", str(timeout)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        log.seek(0)
        first = log.readline()
        if first.endswith("\n"):
            return proc, json.loads(first)["url"], log
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


async def slow_client(host: str, port: int, seconds: float, closed: list) -> None:
    """Send headers a byte a second; note when the server closes the connection."""
    start = time.monotonic()
    try:
        reader, writer = await asyncio.open_connection(host, port)
    except OSError:
        closed.append(("refused", 0.0))
        return
    try:
        writer.write(b"GET /health HTTP/1.1\r\n")
        await writer.drain()
        while time.monotonic() - start < seconds:
            writer.write(b"X")
            await writer.drain()
            try:
                data = await asyncio.wait_for(reader.read(100), 1.0)
            except asyncio.TimeoutError:
                continue
            if not data:
                closed.append(("closed", time.monotonic() - start))
                return
        closed.append(("open", time.monotonic() - start))
    except (ConnectionError, OSError):
        closed.append(("closed", time.monotonic() - start))
    finally:
        writer.close()


async def scenario(url: str, slow: int, seconds: float) -> dict:
    import httpx

    host, port = url.rsplit("/", 1)[1].rsplit(":", 1)
    closed: list = []
    slow_tasks = [asyncio.create_task(slow_client(host, int(port), seconds, closed)) for _ in range(slow)]
    await asyncio.sleep(1.0)  # the slow connections are open
    async with httpx.AsyncClient(timeout=120) as client:
        async def timed(coro):
            start = time.monotonic()
            response = await coro
            return response.status_code, time.monotonic() - start

        worst_lt = asyncio.create_task(timed(client.post(
            url + "/v2/check", data={"language": "en-US", "text": "kyiv " * 8000})))
        worst_md = asyncio.create_task(timed(client.post(
            url + "/api/lint", json={"text": "[" * 20000 + "]" * 20000, "filename": "a.md"})))
        await asyncio.sleep(1.0)  # the worst cases are in flight
        ordinary_text = ("Officials in kyiv said the talks would go on. " * 110)[:5000]
        ordinary = await timed(client.post(url + "/v2/check", data={"language": "en-US", "text": ordinary_text}))
        results = {"ordinary 5 KB check": ordinary,
                   "worst case /v2/check 40 KB": await worst_lt,
                   "worst case /api/lint 40 KB Markdown": await worst_md}
    await asyncio.gather(*slow_tasks)
    results["slow connections"] = closed
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slow", type=int, default=300, help="slow-header connections (default 300)")
    parser.add_argument("--seconds", type=float, default=30, help="how long a slow client keeps sending")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args(argv)
    proc, url, log = start_server(args.workers, args.timeout)
    try:
        import httpx

        for _ in range(600):  # until the workers have compiled the rules
            try:
                if httpx.get(url + "/health", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        results = asyncio.run(scenario(url, args.slow, args.seconds))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    ok = True
    for name in ("ordinary 5 KB check", "worst case /v2/check 40 KB", "worst case /api/lint 40 KB Markdown"):
        status, seconds = results[name]
        print(f"{name:<38} HTTP {status}  {seconds:6.2f} s")
    status, seconds = results["ordinary 5 KB check"]
    ok = status == 200 and seconds <= 2.0
    kinds: dict = {}
    for kind, _t in results["slow connections"]:
        kinds[kind] = kinds.get(kind, 0) + 1
    closed_after = [t for kind, t in results["slow connections"] if kind == "closed"]
    print(f"slow-header connections: {kinds}"
          + (f"; closed by the server after {min(closed_after):.1f}-{max(closed_after):.1f} s" if closed_after else ""))
    log.seek(0)
    text = log.read()
    print(f"server log: {len(text.splitlines())} lines, {len(text)} bytes, "
          f"{text.count('Traceback')} tracebacks")
    print("verdict:", "ok (ordinary check 200 within 2 s)" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
