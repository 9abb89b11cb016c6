"""The progress bar of a long run: rich, on stderr, only for people at a terminal.

The bar appears when stderr is a terminal, the report is for people (the
text format, never a machine format such as json), `--quiet` is not given,
and the run is long: more than `MANY_FILES` files, or still running after
`DELAY` seconds. It is transient: gone when the run ends. rich is imported
only when a bar is really shown.

Text written to the terminal while the bar is up (findings on stdout, read
errors on stderr) goes through `hold(stream)`: it is held back and written
above the bar in bursts, so the bar and the report never garble each other.
"""
from __future__ import annotations

import sys
import time

from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from typing import Callable, Iterable, Iterator, TextIO, TypeVar
    T = TypeVar("T")


#: Formats read by people; every other format is for machines and gets no bar.
HUMAN_FORMATS = frozenset({"text"})
DELAY = 1.0
MANY_FILES = 500
#: How often held text is written above the bar.
FLUSH_EVERY = 0.25


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """Counts finished files and shows a bar once the run proves long."""

    def __init__(self, total: int | None, stream: TextIO | None = None, enabled: bool = True,
                 delay: float = DELAY, many: int = MANY_FILES,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.stream = sys.stderr if stream is None else stream
        self.enabled = enabled
        self.delay = delay
        self.clock = clock
        self.started_at = clock()
        self.done = 0
        self.bar = None
        self._task = None
        self._show_now = enabled and total is not None and total > many
        self._held: list[_Held] = []
        self._last_flush = 0.0

    @classmethod
    def for_run(cls, fmt: str, quiet: bool, total: int | None, stream: TextIO | None = None) -> "Progress":
        stream = sys.stderr if stream is None else stream
        enabled = not quiet and fmt in HUMAN_FORMATS and _is_terminal(stream)
        return cls(total, stream, enabled)

    @property
    def showing(self) -> bool:
        return self.bar is not None

    def hold(self, stream: TextIO) -> TextIO:
        """`stream`, or a stand-in that writes above the bar when it is a terminal."""
        if not self.enabled or not _is_terminal(stream):
            return stream
        held = _Held(stream, self)
        self._held.append(held)
        return held

    def track(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            yield item
            self.advance()

    def advance(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = self.clock()
        if self.bar is None:
            if self._show_now or now - self.started_at >= self.delay:
                self._start()
            return
        self.bar.update(self._task, completed=self.done)
        if now - self._last_flush >= FLUSH_EVERY and any(h.buffer for h in self._held):
            self._last_flush = now
            self.bar.stop()
            self._flush_held()
            self.bar.start()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
        self._flush_held()
        self.enabled = False

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeRemainingColumn

        console = Console(file=self.stream, force_terminal=True)
        columns = [TextColumn("lintnews"), BarColumn(), MofNCompleteColumn()]
        if self.total is not None:
            columns.append(TimeRemainingColumn())
        self.bar = Bar(*columns, console=console, transient=True)
        self._task = self.bar.add_task("lint", total=self.total, completed=self.done)
        self._flush_held()
        self.bar.start()

    def _flush_held(self) -> None:
        for held in self._held:
            held.release()


class _Held:
    """A terminal stream whose writes wait while the bar is drawn."""

    def __init__(self, stream: TextIO, progress: Progress) -> None:
        self.stream = stream
        self.progress = progress
        self.buffer: list[str] = []

    def write(self, text: str) -> int:
        if self.progress.showing:
            self.buffer.append(text)
        else:
            self.stream.write(text)
        return len(text)

    def release(self) -> None:
        if self.buffer:
            self.stream.write("".join(self.buffer))
            self.buffer.clear()
        self.stream.flush()

    def flush(self) -> None:
        if not self.progress.showing:
            self.stream.flush()

    def isatty(self) -> bool:
        return True

    def __getattr__(self, name):
        return getattr(self.stream, name)
