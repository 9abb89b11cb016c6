"""JSON Lines: one line per file or corpus record, written as each one finishes.

    {"path": "a.md", "error": null, "findings": [...]}
    {"id": 17, "error": null, "findings": [...]}          (corpus mode, --jsonl)

Findings have the fields of the JSON report (schema `lintnews-report/1`).
There is no header and no summary line, so the output of a corpus can be
split, concatenated and joined back to the input by `id`.
"""
from __future__ import annotations

import json

from lintnews.report.base import BaseReporter

_dumps = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for every record


class Reporter(BaseReporter):
    def file(self, result) -> None:
        head = {"id": result.record_id} if hasattr(result, "record_id") else None
        result.write_json(self.stream.write, _dumps, head)
        self.stream.write("\n")
