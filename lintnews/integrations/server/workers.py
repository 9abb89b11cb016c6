"""The server's worker processes: one job at a time each, and a job past its time limit ends.

`concurrent.futures` can stop waiting for a job but not stop the job: a check
that ran past its limit kept its worker busy, so later requests queued behind
it and got 503 for minutes while `/health` said ok. Here each worker is a
process of its own with a pipe; a job that runs out of time has its worker
killed and replaced by a fresh one (which compiles the rules again before it
takes work), so the time limit ends the work as well as the wait.

A job's exception comes back as data: a `RequestError` keeps its message (a
400 for the client), anything else only its type name (a 500, logged).
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ThreadPoolExecutor

from lintnews.integrations.server import jobs
from lintnews.integrations.server.languagetool import RequestError

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Any, Callable


class Busy(Exception):
    """No answer in time: the client gets 503 with this message."""


class JobFailed(Exception):
    """A job raised something other than a RequestError: a bug (500, logged by type)."""


def serve(conn, parent: int) -> None:
    """A worker's loop: take (function, arguments), send back (kind, value)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    jobs.watch_parent(parent)
    jobs.warm()
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = ("ok", fn(*args))
        except RequestError as exc:
            answer = ("request", str(exc))
        except Exception as exc:  # noqa: BLE001 - reported to the server by type
            answer = ("failed", type(exc).__name__)
        try:
            conn.send(answer)
        except Exception as exc:  # noqa: BLE001 - an answer that does not pickle
            conn.send(("failed", type(exc).__name__))


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=serve, args=(child, os.getpid()), daemon=True,
                                       name="lintnews-worker")
        self.process.start()
        child.close()

    def call(self, fn: Callable, args: tuple) -> tuple[str, Any]:
        """Run one job; blocks (a thread of the server waits here)."""
        try:
            self.conn.send((fn, args))
            return self.conn.recv()
        except (EOFError, OSError):
            return ("died", None)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class Pool:
    """`workers` worker processes; a request waits for an idle one, within its time limit."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.context = multiprocessing.get_context("spawn")
        self.idle: asyncio.Queue | None = None
        self.threads: ThreadPoolExecutor | None = None
        self.all: set[Worker] = set()

    def start(self) -> None:
        self.idle = asyncio.Queue()
        self.threads = ThreadPoolExecutor(self.workers + 2, thread_name_prefix="lintnews-wait")
        for _ in range(self.workers):
            self._add()

    def _add(self) -> None:
        worker = Worker(self.context)
        self.all.add(worker)
        self.idle.put_nowait(worker)

    async def warm(self) -> None:
        """Start the workers and wait until each has compiled the rules."""
        if self.idle is None:
            self.start()
        await asyncio.gather(*(self.run(600.0, jobs.warm) for _ in range(self.workers)))

    async def run(self, timeout: float, fn: Callable, *args: Any) -> Any:
        if self.idle is None:
            self.start()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            worker = await asyncio.wait_for(self.idle.get(), timeout)
        except asyncio.TimeoutError:
            raise Busy(f"every worker stayed busy for {timeout:g} s; try again later") from None
        call = loop.run_in_executor(self.threads, worker.call, fn, args)
        try:
            kind, value = await asyncio.wait_for(call, max(0.0, deadline - loop.time()))
        except asyncio.TimeoutError:
            await self._replace(worker)
            raise Busy(f"the check took longer than {timeout:g} s and was stopped; try a shorter text") from None
        except BaseException:  # the request was cancelled (client gone, shutdown): its work ends too
            await self._replace(worker)
            raise
        if kind == "died":
            await self._replace(worker)
            raise Busy("a worker stopped; try again")
        self.idle.put_nowait(worker)
        if kind == "request":
            raise RequestError(value)
        if kind == "failed":
            raise JobFailed(value)
        return value

    async def _replace(self, worker: Worker) -> None:
        self.all.discard(worker)
        await asyncio.get_running_loop().run_in_executor(self.threads, worker.kill)
        self._add()

    def stop(self) -> None:
        for worker in list(self.all):
            worker.process.kill()
        for worker in list(self.all):
            worker.process.join(5)
            worker.conn.close()
        self.all.clear()
        if self.threads is not None:
            self.threads.shutdown(wait=False, cancel_futures=True)
        self.idle = None
