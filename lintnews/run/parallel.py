"""Running many files (or corpus records) on every core, in a deterministic order.

`process_targets` maps `Runner.process` over the targets of a run. One or two
targets, or `--jobs 1`, run in this process: a pool costs more to start than
it saves. Otherwise a process pool is started whose workers each rebuild the
Runner from its constructor arguments (a Runner pickles as those arguments).

Stopping early (Ctrl-C, an error, a closed generator) never kills a worker:
a worker killed while it writes a result to its pipe leaves the pool's
reader thread waiting for the rest of that message forever, and the
interpreter then hangs at exit joining it. Instead a shared stop flag is set;
each worker finishes the file in hand, skips the rest, and the pool shuts
down cleanly.

`ordered_map` is the pool loop both modes share: work goes out in batches,
at most a few batches per worker ahead of the reader, and results come back
in input order. So output is the same for any `--jobs`, and memory stays
bounded however long the input is: a batch is only read from the input when
an earlier one has been handed back.
"""
from __future__ import annotations

import os
from collections import deque
from itertools import islice
from pathlib import Path

from lintnews.engine.results import FileResult
from lintnews.run.runner import Runner, Target

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Callable, Iterable, Iterator, Sequence, TypeVar
    T = TypeVar("T")
    R = TypeVar("R")


#: Batches in flight per worker: enough to keep every core busy.
AHEAD_PER_JOB = 3

_RUNNER: Runner | None = None
#: Set by the parent when the run stops early; workers skip what is left.
_STOP = None


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _set_runner(runner: Runner) -> None:
    global _RUNNER
    _RUNNER = runner


def _process_batch(targets: list[Target]) -> list[FileResult]:
    assert _RUNNER is not None, "worker started without a Runner"
    results = []
    for target in targets:
        if _stopping():
            break
        results.append(_RUNNER.process(target))
    return results


def _stopping() -> bool:
    return _STOP is not None and _STOP.is_set()


def process_targets(runner: Runner, targets: Sequence[Target], jobs: int) -> Iterator[FileResult]:
    """`runner.process` over `targets`, in order, on up to `jobs` processes."""
    jobs = min(jobs, len(targets))
    if jobs <= 1 or len(targets) <= 2:
        yield from map(runner.process, targets)
        return
    warm(runner)
    size = max(1, min(16, len(targets) // (jobs * 4)))
    batches = (list(targets[i:i + size]) for i in range(0, len(targets), size))
    for batch in ordered_map(_process_batch, batches, jobs, _set_runner, (runner,)):
        yield from batch


def warm(runner: Runner) -> None:
    """Compile the rules here first: forked workers inherit them, and a broken
    rule file or configuration is reported once, before any worker starts."""
    runner.context(runner.config_for(runner.stdin_folder or Path.cwd()))


def _start_worker(stop, initializer: Callable | None, initargs: tuple) -> None:
    """Workers leave Ctrl-C to the parent, which stops them (no traceback per worker)."""
    import signal

    global _STOP
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STOP = stop
    if initializer is not None:
        initializer(*initargs)


def _call(fn: Callable[[T], R], item: T) -> R | None:
    """`fn(item)` in a worker, unless the run is stopping (its result is unwanted then)."""
    return None if _stopping() else fn(item)


def ordered_map(fn: Callable[[T], R], items: Iterable[T], jobs: int,
                initializer: Callable | None = None, initargs: tuple = ()) -> Iterator[R]:
    """`map(fn, items)` on a pool of `jobs` processes, in order, reading ahead a little.

    If the reader stops early (Ctrl-C, an error, a closed generator) the
    queued work is cancelled and the work in flight is cut short: `fn` is not
    called on items a worker takes after that, and `process_targets` batches
    stop between files.
    """
    import multiprocessing  # neither is imported by a one-file run
    from concurrent.futures import ProcessPoolExecutor

    source = iter(items)
    stop = multiprocessing.get_context().Event()
    pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(stop, initializer, initargs))
    try:
        pending = deque(pool.submit(_call, fn, item) for item in islice(source, jobs * AHEAD_PER_JOB))
        while pending:
            result = pending.popleft().result()
            for item in islice(source, 1):
                pending.append(pool.submit(_call, fn, item))
            yield result
    finally:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
