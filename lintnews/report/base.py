"""What every reporter is: `start()`, `file(result)` for each file in order, `finish(summary)`.

A reporter formats results and never computes them. `needs_text` asks the
runner to keep each file's text (for excerpts and source lines).
"""
from __future__ import annotations

from typing import TextIO


class BaseReporter:
    needs_text = False

    def __init__(self, stream: TextIO, **_options) -> None:
        self.stream = stream

    def start(self) -> None:
        """Called once before the first file."""

    def file(self, result) -> None:
        raise NotImplementedError

    def finish(self, summary) -> None:
        """Called once after the last file, with the run's summary."""
