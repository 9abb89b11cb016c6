"""The JSON report, schema `lintnews-report/1` (documented in docs/report-schema.md).

Written as a stream: the header, then each file as it comes, then the summary,
so memory stays flat on a corpus.
"""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from lintnews._version import __version__
from lintnews.report.base import BaseReporter

if TYPE_CHECKING:
    from typing import TextIO

SCHEMA = "lintnews-report/1"
_SURROGATE = re.compile("[\ud800-\udfff]")


_READABLE = json.JSONEncoder(ensure_ascii=False)  # one encoder for every record


def _dumps(value) -> str:
    """JSON with readable non-ASCII text; lone surrogates (a str from the API
    that went through `surrogateescape`) are escaped, since no UTF-8 stream
    can carry them raw."""
    text = _READABLE.encode(value)
    if not text.isascii() and _SURROGATE.search(text):
        text = json.dumps(value, ensure_ascii=True)
    return text


class Reporter(BaseReporter):
    needs_text = False

    def __init__(self, stream: TextIO, **_options) -> None:
        self.stream = stream
        self.count = 0

    def start(self) -> None:
        header = json.dumps({"name": "lintnews", "version": __version__})
        self.stream.write(f'{{"schema": "{SCHEMA}", "tool": {header}, "files": [')

    def file(self, result) -> None:
        self.stream.write(",\n  " if self.count else "\n  ")
        # piece by piece, without Finding objects (a lone surrogate escapes only the finding it is in)
        result.write_json(self.stream.write, _dumps)
        self.count += 1

    def finish(self, summary) -> None:
        self.stream.write("\n], " if self.count else "], ")
        self.stream.write(f'"summary": {_dumps(summary.to_dict())}}}\n')
