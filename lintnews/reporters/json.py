"""The JSON report, schema `lintnews-report/1` (documented in docs/report-schema.md).

Written as a stream: the header, then each file as it comes, then the summary,
so memory stays flat on a corpus.
"""
from __future__ import annotations

import json
from typing import TextIO

from .. import __version__

SCHEMA = "lintnews-report/1"


class Reporter:
    needs_text = False

    def __init__(self, stream: TextIO, **_options) -> None:
        self.stream = stream
        self.count = 0

    def start(self) -> None:
        header = json.dumps({"name": "lintnews", "version": __version__})
        self.stream.write(f'{{"schema": "{SCHEMA}", "tool": {header}, "files": [')

    def file(self, result) -> None:
        self.stream.write(",\n  " if self.count else "\n  ")
        self.stream.write(json.dumps(result.to_dict(), ensure_ascii=False))
        self.count += 1

    def finish(self, summary) -> None:
        self.stream.write("\n], " if self.count else "], ")
        self.stream.write(f'"summary": {json.dumps(summary.to_dict(), ensure_ascii=False)}}}\n')
