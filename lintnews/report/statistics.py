"""`--statistics`: how many findings each rule has, most frequent first, as ruff prints it.

    12  LN201  [*] lowercase-proper-noun
     3  LN301  [ ] related-articles-block

`[*]` marks rules whose findings all have a fix `--fix` can apply without
`--unsafe-fixes`; `[-]` some of them do. With `--format json` the same table
is a JSON list.
"""
from __future__ import annotations

import json
from lintnews.finding import SAFE
from collections import Counter
from typing import TYPE_CHECKING

from lintnews.report.base import BaseReporter

if TYPE_CHECKING:
    from typing import TextIO


class Reporter(BaseReporter):
    needs_text = False

    def __init__(self, stream: TextIO, json: bool = False, **_options) -> None:
        self.stream = stream
        self.as_json = json
        self.count: Counter = Counter()
        self.safe: Counter = Counter()
        self.names: dict[str, str] = {}

    def start(self) -> None:
        pass

    def file(self, result) -> None:
        for f in result.findings:
            self.count[f.rule] += 1
            self.names[f.rule] = f.name
            if any(fix.applicability is SAFE for fix in f.fixes):
                self.safe[f.rule] += 1

    def rows(self) -> list[dict]:
        ordered = sorted(self.count.items(), key=lambda item: (-item[1], item[0]))
        return [{"code": code, "name": self.names[code], "count": n, "fixable": self.safe[code]}
                for code, n in ordered]

    def finish(self, summary) -> None:
        rows = self.rows()
        if self.as_json:
            self.stream.write(json.dumps(rows, indent=2) + "\n")
            return
        width = max((len(str(r["count"])) for r in rows), default=1)
        code_width = max((len(r["code"]) for r in rows), default=5)
        for r in rows:
            mark = "*" if r["fixable"] == r["count"] else "-" if r["fixable"] else " "
            self.stream.write(f"{r['count']:>{width}}  {r['code']:<{code_width}}  [{mark}] {r['name']}\n")
