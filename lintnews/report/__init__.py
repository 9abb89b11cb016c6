"""Reporters: format results, never compute them.

A reporter is a class with `start()`, `file(result)` for each file in order,
and `finish(summary)`; it writes to the stream it was given. Reporters stream,
so a run over a corpus never holds every result at once (the HTML report,
which must, says so). `REPORTERS` maps a `--format` name to its module.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

REPORTERS = {
    "text": "text",
    "json": "json",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
}

#: Reporters chosen by a flag rather than --format (`--statistics`).
_BY_FLAG = {"statistics": "statistics"}


def get_reporter(name: str, stream: TextIO, **options):
    module = importlib.import_module(f"{__name__}.{REPORTERS.get(name) or _BY_FLAG[name]}")
    return module.Reporter(stream, **options)


def needs_text(name: str) -> bool:
    """Whether the format shows source text, so results must carry it."""
    module = importlib.import_module(f"{__name__}.{REPORTERS[name]}")
    return getattr(module.Reporter, "needs_text", False)
